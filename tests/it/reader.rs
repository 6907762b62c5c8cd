//! Issue 22, as a reader sees it: times in this machine's zone with the zone
//! named, commands to run with the offset, machine formats in UTC; and no
//! all-clear beyond the checks that ran.

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{MockServer, Reply, Run};

const STRONG: &str = "Zq8!vR2#pL9@wX4$mN7^kT1&\n";

/// `audit` against the dangerous mock (API trading locked until
/// 1764032400000 = 2025-11-25T01:00:00Z) in zone `tz`.
fn audit_in(tz: &str, lang: &str, format: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let mock = MockBinance::start(Scenario::dangerous());
    let o = Run::new()
        .home(home.path())
        .online()
        .env("TZ", tz)
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["--lang", lang, "-v", "audit", "--api-url", &mock.url()])
        .args(["--format", format])
        .run();
    o.stdout.clone()
}

fn is_local_header(line: &str, zone: &str) -> bool {
    let b = line.as_bytes();
    line.len() == 17 + zone.len()
        && b[4] == b'-'
        && b[10] == b' '
        && b[13] == b':'
        && line.ends_with(&format!(" {zone}"))
}

#[test]
fn report_reads_tokyo_time_and_json_stays_utc() {
    for lang in ["en", "ja"] {
        let text = audit_in("Asia/Tokyo", lang, "text");
        let header = text.lines().nth(1).unwrap();
        assert!(is_local_header(header, "JST"), "{lang}: {header:?}\n{text}");
        // A Binance millisecond time in the evidence, in local time.
        assert!(
            text.contains("account.planned_recover_time = 2025-11-25 10:00 JST"),
            "{lang}: {text}"
        );
        assert!(!text.contains("1764032400000"), "{lang}: {text}");
        assert!(!text.contains("1970"), "{lang}: {text}");

        let md = audit_in("Asia/Tokyo", lang, "markdown");
        assert!(md.contains(" JST · binance-audit"), "{lang}: {md}");
        assert!(md.contains("2025-11-25 10:00 JST"), "{lang}: {md}");

        let json: serde_json::Value =
            serde_json::from_str(&audit_in("Asia/Tokyo", lang, "json")).unwrap();
        let at = json["generated_at"].as_str().unwrap();
        assert!(at.ends_with('Z') && at.contains('T'), "{at}");
        let all = json.to_string();
        assert!(!all.contains("JST"), "{all}");
        assert!(
            all.contains("account.planned_recover_time = 2025-11-25T01:00:00Z"),
            "{all}"
        );
    }
}

#[test]
fn report_reads_utc_on_a_utc_machine() {
    let text = audit_in("UTC", "en", "text");
    let header = text.lines().nth(1).unwrap();
    assert!(is_local_header(header, "UTC"), "{header:?}\n{text}");
    assert!(
        text.contains("account.planned_recover_time = 2025-11-25 01:00 UTC"),
        "{text}"
    );
}

#[test]
fn status_reads_tokyo_time_and_json_stays_utc() {
    let home = tempfile::tempdir().unwrap();
    let mock = MockBinance::start(Scenario::read_only());
    let run = |format: &str| {
        Run::new()
            .home(home.path())
            .online()
            .env("TZ", "Asia/Tokyo")
            .env("BINANCE_API_URL", mock.url())
            .args(["status", "--format", format])
            .run()
    };
    let text = run("text").stdout.clone();
    let first = text.lines().next().unwrap();
    assert!(first.contains(" JST ("), "{first}");
    assert!(!first.contains("UTC"), "{first}");
    let json = run("json").json();
    let at = json["checked_at"].as_str().unwrap();
    assert!(at.ends_with('Z'), "{at}");
}

#[test]
fn playbook_commands_carry_the_offset() {
    let o = Run::new()
        .env("TZ", "Asia/Tokyo")
        .args(["incident", "breach"])
        .run();
    let out = &o.stdout;
    assert!(out.contains("T00:00+09:00 --out DIR"), "{out}");
    assert!(!out.contains("T00:00Z"), "{out}");
    let utc = Run::new().args(["incident", "breach"]).run();
    assert!(utc.stdout.contains("T00:00Z --out DIR"), "{}", utc.stdout);
}

#[test]
fn nothing_checked_says_so() {
    for (lang, said, not) in [
        ("en", "Nothing was checked yet", "No findings among"),
        (
            "ja",
            "まだ何も確認していません",
            "確認できた項目に問題は見つかりませんでした",
        ),
    ] {
        let o = Run::new().args(["--lang", lang, "audit"]).run();
        assert!(o.stdout.contains(said), "{lang}: {}", o.stdout);
        assert!(!o.stdout.contains(not), "{lang}: {}", o.stdout);
        let md = Run::new()
            .args(["--lang", lang, "audit", "--format", "markdown"])
            .run();
        assert!(md.stdout.contains(said), "{lang}: {}", md.stdout);
        assert!(!md.stdout.contains('✅'), "{lang}: {}", md.stdout);
    }
}

#[test]
fn an_all_clear_names_what_was_not_checked() {
    for (lang, said) in [
        (
            "en",
            "No problems in the 5 checks that ran; 26 were not checked.",
        ),
        (
            "ja",
            "確認できた5項目に問題は見つかりませんでした。残りの26項目は確認していません。",
        ),
    ] {
        let o = Run::new()
            .args(["--lang", lang, "audit", "--password-stdin"])
            .stdin(STRONG)
            .run();
        let flat: String = o.stdout.lines().map(str::trim).collect();
        assert!(flat.contains(said), "{lang}: {}", o.stdout);
    }
}

#[test]
fn status_with_rows_not_checked_is_not_all_normal_in_japanese() {
    let home = tempfile::tempdir().unwrap();
    let mock = MockServer::start(|r| match r.path.as_str() {
        "/sapi/v1/system/status" => Reply::json(200, r#"{"status":0,"msg":"normal"}"#),
        "/api/v3/time" => Reply::json(200, format!("{{\"serverTime\":{}}}", mb::now_ms())),
        _ => Reply::json(200, "{}"),
    });
    let o = Run::new()
        .home(home.path())
        .online()
        .env("BINANCE_API_URL", mock.url())
        .args(["--lang", "ja", "status"])
        .run();
    let flat: String = o.stdout.lines().map(str::trim).collect();
    assert!(!flat.contains("すべて正常です"), "{}", o.stdout);
    assert!(flat.contains("確認できた3項目は正常です"), "{}", o.stdout);
    assert!(
        flat.contains("残りの3項目は確認していません"),
        "{}",
        o.stdout
    );
}
