//! End to end: the real binary against a mock Binance whose address book,
//! key permissions and account change between runs. A baseline saved by the
//! first run turns each change into a drift finding on the next, and every
//! gate gives its exit code.

use std::path::Path;

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{Run, json, json_file};
use serde_json::Value;

struct Scheduled {
    code: i32,
    json: Value,
    stderr: String,
    baseline_text: Option<String>,
}

/// One scheduled run: HMAC key from the environment, no terminal, CI set.
fn run(mock: &MockBinance, dir: &Path, args: &[&str]) -> Scheduled {
    let out = Run::new()
        .home(dir)
        .online()
        .current_dir(dir)
        .ci()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["--api-url", &mock.url(), "--format", "json"])
        .args(args)
        .run();
    assert!(mock.non_get().is_empty(), "only GET may reach Binance");
    let stdout = out.stdout.clone();
    let stderr = out.stderr.clone();
    let baseline_text = std::fs::read_to_string(dir.join("baseline.json")).ok();
    for secret in [mb::SECRET, mb::API_KEY] {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "secret in output"
        );
        if let Some(b) = &baseline_text {
            assert!(!b.contains(secret), "secret in the baseline");
        }
    }
    for sig in mock.signatures().into_iter().filter(|s| s.len() > 8) {
        assert!(!stdout.contains(&sig), "signature in output");
        if let Some(b) = &baseline_text {
            assert!(!b.contains(&sig), "signature in the baseline");
        }
    }
    Scheduled {
        code: out.code,
        // No JSON (a usage error) reads as null: the exit code says why.
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stderr,
        baseline_text,
    }
}

fn finding<'a>(j: &'a Value, id: &str) -> Option<&'a Value> {
    j["findings"].as_array()?.iter().find(|f| f["id"] == id)
}

fn drift_ids(j: &Value) -> Vec<String> {
    let mut ids: Vec<String> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["category"] == "drift")
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// The same key (same creation time), now able to withdraw and trade futures,
/// no longer IP-restricted; a new address in the book and the old one taken
/// off the whitelist.
fn compromised(base: &Scenario) -> Scenario {
    let mut s = base.clone();
    let restrictions = s.bodies[mb::RESTRICTIONS]
        .replace("\"ipRestrict\": true", "\"ipRestrict\": false")
        .replace(
            "\"enableWithdrawals\": false",
            "\"enableWithdrawals\": true",
        )
        .replace("\"enableFutures\": false", "\"enableFutures\": true");
    assert_ne!(
        restrictions,
        s.bodies[mb::RESTRICTIONS],
        "scenario edit did not apply"
    );
    s.bodies.insert(mb::RESTRICTIONS.into(), restrictions);
    s.bodies.insert(
        mb::ADDRESSES.into(),
        r#"[{"address": "bc1qexampleexampleexampleexampleexample0", "addressTag": "",
            "coin": "BTC", "name": "cold storage", "network": "BTC", "origin": "", "originType": "Trust Wallet",
            "whiteStatus": false},
           {"address": "0x00000000000000000000000000000000000a77ac", "addressTag": "", "coin": "USDT",
            "name": "cold storage 2", "network": "ETH", "origin": "", "originType": "others",
            "whiteStatus": true}]"#
            .into(),
    );
    s
}

#[test]
fn changes_between_two_runs_become_critical_drift_and_gate() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let before = Scenario::read_only();

    // Run 1: record the approved state.
    let mock = MockBinance::start(before.clone());
    let first = run(&mock, d, &["--save-baseline", "baseline.json"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let saved = json(first.baseline_text.as_deref().unwrap());
    assert_eq!(saved["api"]["ip_restrict"], true);
    assert_eq!(saved["api"]["permissions"]["enable_withdrawals"], false);
    assert_eq!(saved["account"]["status"], "Normal");
    let book = saved["withdrawal"]["addresses"].as_array().unwrap();
    assert_eq!(book.len(), 1);
    assert_eq!(book[0]["white"], true);
    assert!(
        !book[0]["address"]
            .as_str()
            .unwrap()
            .contains("exampleexampleexample"),
        "addresses are stored shortened"
    );

    // Unchanged account: nothing drifts, --fail-on-new passes.
    let same = run(&mock, d, &["--baseline", "baseline.json", "--fail-on-new"]);
    assert_eq!(same.code, 0, "{}", same.json);
    assert!(
        drift_ids(&same.json).is_empty(),
        "{:?}",
        drift_ids(&same.json)
    );
    let not_checked: Vec<&Value> = same.json["not_checked"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["category"] == "drift")
        .collect();
    assert!(
        not_checked.is_empty(),
        "every comparison could be made: {not_checked:?}"
    );

    // Run 2: the account after an attacker got in.
    let mock = MockBinance::start(compromised(&before));
    let after = run(&mock, d, &["--baseline", "baseline.json"]);
    assert_eq!(after.code, 0, "no gate asked for: {}", after.stderr);
    let j = &after.json;
    for id in ["BA-DRF-001", "BA-DRF-002", "BA-DRF-003"] {
        let f = finding(j, id).unwrap_or_else(|| panic!("{id} missing: {:?}", drift_ids(j)));
        assert_eq!(f["severity"], "critical", "{id}");
        assert_eq!(f["baseline"], "new", "{id}");
    }
    let new_addr = &finding(j, "BA-DRF-001").unwrap()["changes"][0];
    assert!(
        new_addr["label"]
            .as_str()
            .unwrap()
            .contains("cold storage 2"),
        "{new_addr}"
    );
    assert_eq!(new_addr["old"], "absent");
    assert_eq!(new_addr["new"], "added, whiteStatus=true");
    let flip = &finding(j, "BA-DRF-005").expect("whitelist change")["changes"][0];
    assert_eq!(
        (flip["old"].as_str(), flip["new"].as_str()),
        (Some("whiteStatus=true"), Some("whiteStatus=false"))
    );
    let perms = &finding(j, "BA-DRF-004").expect("futures enabled")["changes"];
    assert!(
        perms
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["label"] == "api.enable_futures"),
        "{perms}"
    );
    assert!(finding(j, "BA-DRF-006").is_none(), "same key: not replaced");
    assert!(finding(j, "BA-DRF-007").is_none(), "status unchanged");

    // Every gate, on the same compromised account.
    let code = |args: &[&str]| {
        let mut a = vec!["--baseline", "baseline.json"];
        a.extend_from_slice(args);
        run(&mock, d, &a).code
    };
    assert_eq!(code(&["--fail-on", "critical"]), 1);
    assert_eq!(code(&["--fail-on-new"]), 1);
    assert_eq!(code(&["--fail-on-new", "--fail-on", "critical"]), 1);
    assert_eq!(code(&["--min-score", "100"]), 1);
    assert_eq!(code(&["--min-score", "0"]), 0);

    // Accepting the change on purpose: a waiver for the new-address drift, then
    // only the other critical drifts trip the gate.
    std::fs::write(
        d.join("config.toml"),
        "[[waiver]]\nrule = \"BA-DRF-001\"\nreason = \"second cold wallet added on 2026-11-25\"\nexpires = 2099-01-01\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            d.join("config.toml"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
    let waived = run(
        &mock,
        d,
        &[
            "--config",
            "config.toml",
            "--baseline",
            "baseline.json",
            "--fail-on",
            "critical",
        ],
    );
    assert_eq!(waived.code, 1);
    assert!(finding(&waived.json, "BA-DRF-001").unwrap()["waived"]["reason"].is_string());
}

#[test]
fn a_new_key_and_a_changed_status_are_drift_too() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let before = Scenario::read_only();
    let mock = MockBinance::start(before.clone());
    assert_eq!(run(&mock, d, &["--save-baseline", "baseline.json"]).code, 0);

    let mut rotated = before.clone();
    let created = mb::now_ms() - 86_400_000;
    let body = before.bodies[mb::RESTRICTIONS].clone();
    let start = body.find("\"createTime\": ").unwrap() + "\"createTime\": ".len();
    let end = start + body[start..].find(',').unwrap();
    rotated.bodies.insert(
        mb::RESTRICTIONS.into(),
        format!("{}{created}{}", &body[..start], &body[end..]),
    );
    rotated
        .bodies
        .insert(mb::STATUS.into(), r#"{"data": "Restricted"}"#.into());
    let mock = MockBinance::start(rotated);
    let r = run(
        &mock,
        d,
        &[
            "--baseline",
            "baseline.json",
            "--fail-on-new",
            "--fail-on",
            "high",
        ],
    );
    assert_eq!(r.code, 1, "the status change is high");
    let key = &finding(&r.json, "BA-DRF-006").expect("key replaced")["changes"][0];
    assert_ne!(key["old"], key["new"]);
    let status = &finding(&r.json, "BA-DRF-007").expect("status changed")["changes"][0];
    assert_eq!(
        (status["old"].as_str(), status["new"].as_str()),
        (Some("Normal"), Some("Restricted"))
    );
    assert_eq!(
        finding(&r.json, "BA-DRF-006").unwrap()["severity"],
        "medium"
    );
}

#[test]
fn when_binance_cannot_be_read_drift_is_not_checked_and_the_baseline_survives() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let before = Scenario::read_only();
    let mock = MockBinance::start(before.clone());
    assert_eq!(run(&mock, d, &["--save-baseline", "baseline.json"]).code, 0);
    let saved = std::fs::read_to_string(d.join("baseline.json")).unwrap();

    let broken = before.respond(mb::ADDRESSES, mb::error(500, -1000, "internal error"));
    let mock = MockBinance::start(broken);
    let r = run(
        &mock,
        d,
        &[
            "--baseline",
            "baseline.json",
            "--save-baseline",
            "baseline.json",
            "--fail-on-new",
        ],
    );
    assert_eq!(r.code, 3, "could not look is not 'all good': {}", r.stderr);
    let nc = r.json["not_checked"].as_array().unwrap();
    assert!(nc.iter().any(|n| n["id"] == "BA-DRF-001"), "{nc:?}");
    assert!(r.stderr.contains("baseline not saved"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(d.join("baseline.json")).unwrap(),
        saved
    );
}

#[test]
fn all_profiles_write_every_format_once_and_waivers_follow_their_profile() {
    let safe = MockBinance::start(Scenario::read_only());
    let risky = MockBinance::start(Scenario::dangerous());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let secret = d.join("secret");
    std::fs::write(&secret, mb::SECRET).unwrap();
    let cfg = d.join("config.toml");
    std::fs::write(
        &cfg,
        format!(
            "[binance]\napi_url = \"{}\"\napi_key = \"{}\"\nsecret_file = \"{}\"\n\n\
             [profiles.bot]\napi_url = \"{}\"\napi_key = \"{}\"\nsecret_file = \"{}\"\n\n\
             [[waiver]]\nrule = \"BA-API-001\"\nprofile = \"bot\"\nreason = \"bot withdraws to the exchange wallet by design\"\n",
            safe.url(),
            mb::API_KEY,
            secret.display(),
            risky.url(),
            mb::API_KEY,
            secret.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    for f in [&cfg, &secret] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = Run::new()
        .home(d)
        .online()
        .current_dir(d)
        .env("CI", "true")
        .args([
            "--config",
            "config.toml",
            "--all-profiles",
            "--format",
            "json",
        ])
        .args([
            "--output",
            "sarif=all.sarif",
            "--output",
            "junit=all.xml",
            "--output",
            "markdown=all.md",
        ])
        .run();
    let stdout = out.stdout.as_str();
    let j = json(stdout);
    let profiles = j["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2);
    let bot = profiles.iter().find(|p| p["profile"] == "bot").unwrap();
    let api001 = finding(bot, "BA-API-001").expect("the dangerous key raises BA-API-001");
    assert!(api001["waived"]["reason"].is_string(), "{api001}");
    let default = profiles.iter().find(|p| p["profile"] == "default").unwrap();
    assert!(
        default.get("waivers").is_none(),
        "the bot's waiver is not the default account's business"
    );

    let sarif: Value = json_file(d.join("all.sarif"));
    let ids: Vec<&str> = sarif["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["automationDetails"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["binance-audit/default/", "binance-audit/bot/"]);
    let junit = std::fs::read_to_string(d.join("all.xml")).unwrap();
    assert_eq!(junit.matches("<testsuite ").count(), 2);
    assert!(junit.contains("binance-audit [bot]"));
    let md = std::fs::read_to_string(d.join("all.md")).unwrap();
    assert_eq!(md.matches("## binance-audit security report").count(), 2);
    for text in [&stdout.to_string(), &junit, &md] {
        assert!(!text.contains(mb::SECRET), "secret in output");
    }

    // A baseline describes one account.
    let out = Run::new()
        .home(d)
        .online()
        .current_dir(d)
        .args([
            "--config",
            "config.toml",
            "--all-profiles",
            "--baseline",
            "b.json",
        ])
        .run();
    out.code(2);
}
