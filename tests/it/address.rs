//! `binance-audit address` and the address-poisoning audit rules, against the
//! mock Binance (a poisoned pair in the withdrawal history) and offline with
//! `--known`.

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{Outcome, Run};
use binance_audit::address::format::eip55;
use serde_json::Value;

fn evm(body: &str) -> String {
    format!("0x{}", eip55(body))
}

/// The user's real address, and a poisoned one with the same ends.
fn genuine() -> String {
    evm("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")
}
fn poison() -> String {
    evm("5aae0000deadbeef00000000c0ffee000001eaed")
}
fn stranger() -> String {
    evm("fb6916095ca1df60bb79ce92ce3ea74c37c5d359")
}

const TRON: &str = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";

fn scenario() -> Scenario {
    let mut s = Scenario::read_only();
    s.bodies.insert(
        mb::ADDRESSES.into(),
        format!(
            r#"[{{"address": "{}", "addressTag": "", "coin": "USDT", "name": "cold wallet", "network": "ETH",
                 "origin": "", "originType": "MetaMask", "whiteStatus": true}},
                {{"address": "{TRON}", "addressTag": "", "coin": "USDT", "name": "evil\u001b[2J\rlabel", "network": "TRX",
                 "origin": "", "originType": "others", "whiteStatus": false}}]"#,
            genuine()
        ),
    );
    s.bodies.insert(
        mb::HISTORY.into(),
        format!(
            r#"[{{"id": "a1", "amount": "100", "coin": "USDT", "status": 6, "address": "{}", "network": "ETH",
                 "applyTime": "2026-11-01 03:00:00", "transferType": 0}},
                {{"id": "a2", "amount": "250", "coin": "USDT", "status": 6, "address": "{}", "network": "ETH",
                 "applyTime": "2026-11-20 03:14:15", "transferType": 0}},
                "not a record"]"#,
            genuine(),
            poison()
        ),
    );
    s
}

fn run_online(mock: &MockBinance, args: &[&str]) -> Outcome {
    // Wide: these tests read phrases; the 80-column layout is tested elsewhere.
    Run::new()
        .online()
        .env("COLUMNS", "400")
        .env("BINANCE_API_URL", mock.url())
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .arg("address")
        .args(args)
        .run()
}

fn run_offline(args: &[&str], stdin: &str) -> Outcome {
    // Wide: these tests read phrases; the 80-column layout is tested elsewhere.
    Run::new()
        .env("COLUMNS", "400")
        .arg("address")
        .arg("--offline")
        .args(args)
        .stdin(stdin)
        .run()
}

#[test]
fn a_poisoned_address_is_caught_online() {
    let mock = MockBinance::start(scenario());
    let p = poison();
    let r = run_online(&mock, &[&p]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("LOOK-ALIKE"), "{}", r.stdout);
    assert!(r.stdout.contains("\"cold wallet\""), "{}", r.stdout);
    assert!(r.stdout.contains("address poisoning"), "{}", r.stdout);
    assert!(r.stdout.contains("Do not send"), "{}", r.stdout);
    // Both addresses in full, aligned, the middle marked under them.
    let lines: Vec<&str> = r.stdout.lines().collect();
    let checked = lines
        .iter()
        .position(|l| l.contains(&p) && l.trim_start().starts_with("checked"))
        .unwrap();
    let yours = lines[checked + 1];
    assert!(yours.trim_start().starts_with("yours"), "{}", r.stdout);
    assert_eq!(lines[checked].find(&p), yours.find(&genuine()), "aligned");
    let marker = lines[checked + 2];
    let col = lines[checked].find(&p).unwrap();
    // 0x, then 4 shared characters, then the marked middle, then 3 shared.
    assert_eq!(marker.find('^'), Some(col + 2 + 4), "{marker:?}");
    assert_eq!(marker.trim_end().len(), col + 42 - 4);
    // It was sent to before: the history record is named too.
    assert!(
        r.stdout.contains("2026-11-20 03:14 UTC, 250 USDT"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("incident breach"), "{}", r.stdout);
    // Read-only GETs, each signed; no signature in the output.
    assert!(mock.non_get().is_empty());
    assert_eq!(mock.requests_to(mb::ADDRESSES), 1);
    assert_eq!(mock.requests_to(mb::HISTORY), 1);
    assert!(mock.rejections().is_empty(), "{:?}", mock.rejections());
    for s in mock.signatures() {
        assert!(!r.stdout.contains(&s) && !r.stderr.contains(&s));
    }
    // The network section says what was asked.
    assert!(
        r.stdout.contains("/sapi/v1/capital/withdraw/history"),
        "{}",
        r.stdout
    );
}

#[test]
fn own_new_and_invalid_addresses_online() {
    let mock = MockBinance::start(scenario());
    let g = genuine();
    let r = run_online(&mock, &[&g, "--network", "ETH"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("KNOWN"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("address book \"cold wallet\" (ETH, USDT, whitelisted)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("sent before: 2026-11-01 03:00 UTC, 100 USDT"),
        "{}",
        r.stdout
    );
    // EVM compares case-insensitively once the checksum holds.
    let r = run_online(&mock, &[&g.to_ascii_lowercase()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.starts_with("KNOWN"), "{}", r.stdout);

    let s = stranger();
    let r = run_online(&mock, &[&s]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("NEW"), "{}", r.stdout);
    assert!(r.stdout.contains("small test amount"), "{}", r.stdout);

    // One letter's case flipped: the EIP-55 checksum fails.
    let mut bad: Vec<char> = g.chars().collect();
    let i = bad
        .iter()
        .rposition(|c| c.is_ascii_alphabetic() && *c != 'x')
        .unwrap();
    bad[i] = if bad[i].is_ascii_uppercase() {
        bad[i].to_ascii_lowercase()
    } else {
        bad[i].to_ascii_uppercase()
    };
    let bad: String = bad.into_iter().collect();
    let r = run_online(&mock, &[&bad]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.starts_with("INVALID"), "{}", r.stdout);
    assert!(
        r.stdout.contains("EIP-55 checksum does not match"),
        "{}",
        r.stdout
    );
}

#[test]
fn hostile_labels_are_escaped() {
    let mock = MockBinance::start(scenario());
    let r = run_online(&mock, &[TRON, "--format", "text"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        !r.stdout.contains('\u{1b}') && !r.stdout.contains('\r'),
        "{:?}",
        r.stdout
    );
    assert!(
        r.stdout.contains("evil\\u{1b}[2J\\u{d}label"),
        "{}",
        r.stdout
    );
}

#[test]
fn japanese_output() {
    let mock = MockBinance::start(scenario());
    let p = poison();
    let r = run_online(&mock, &[&p, "--lang", "ja"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("偽装の疑い"), "{}", r.stdout);
    assert!(r.stdout.contains("アドレスポイズニング"), "{}", r.stdout);
    assert!(r.stdout.contains("送金しないでください"), "{}", r.stdout);
    assert!(r.stdout.contains("照合対象"), "{}", r.stdout);
    // Aligned in Japanese too (wide labels).
    let lines: Vec<&str> = r.stdout.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains(&p) && l.contains("確認対象"))
        .unwrap();
    let w = |s: &str, needle: &str| {
        let pre = &s[..s.find(needle).unwrap()];
        pre.chars()
            .map(|c| if (c as u32) > 0x2e80 { 2 } else { 1 })
            .sum::<usize>()
    };
    assert_eq!(w(lines[i], &p), w(lines[i + 1], &genuine()), "{}", r.stdout);
    let r2 = run_offline(&["--lang", "ja", TRON], "");
    assert!(
        r2.stdout.contains("未取得：オフライン（--offline）"),
        "{}",
        r2.stdout
    );
    assert!(r2.stdout.starts_with("未照合"), "{}", r2.stdout);
}

#[test]
fn json_and_jsonl() {
    let mock = MockBinance::start(scenario());
    let (g, p) = (genuine(), poison());
    let r = run_online(&mock, &[&g, &p, "not-an-address", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let res = v["results"].as_array().unwrap();
    assert_eq!(res[0]["verdict"], "known");
    assert_eq!(res[1]["verdict"], "look-alike");
    assert_eq!(res[1]["imitates"][0]["address"], g.as_str());
    assert_eq!(res[1]["imitates"][0]["shared_prefix"], 4);
    assert_eq!(res[1]["matches"][0]["source"], "withdrawal");
    assert_eq!(res[2]["verdict"], "new");
    assert_eq!(res[2]["format"]["state"], "not_checked");
    assert_eq!(v["sources"]["address_book"]["count"], 2);
    assert_eq!(v["sources"]["withdrawal_history"]["count"], 2);
    assert_eq!(v["summary"]["look-alike"], 1);
    assert!(
        res[1]["reasons_ja"][0]
            .as_str()
            .unwrap()
            .contains("アドレスポイズニング")
    );

    let r = run_online(&mock, &[&g, &p, "--format", "jsonl"]);
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["verdict"], "look-alike");
}

#[test]
fn a_failed_read_is_incomplete_not_new() {
    let mock = MockBinance::start(
        scenario().respond(mb::HISTORY, mb::error(500, -1000, "internal error")),
    );
    let s = stranger();
    let r = run_online(&mock, &[&s]);
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("FAILED"), "{}", r.stdout);
    // A look-alike of a book entry is still caught from what was read.
    let p = poison();
    let r = run_online(&mock, &[&p]);
    assert_eq!(r.code, 1);
}

#[test]
fn offline_with_a_known_file() {
    let dir = tempfile::tempdir().unwrap();
    let known = dir.path().join("mine.txt");
    std::fs::write(
        &known,
        format!(
            "# my addresses\n{} cold wallet\n{TRON},exchange\n",
            genuine()
        ),
    )
    .unwrap();
    let k = known.to_str().unwrap();
    let p = poison();
    let r = run_offline(&["--known", k, &p], "");
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("--known \"cold wallet\" (line 2)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("none: nothing left this machine") || !r.stdout.contains("GET "),
        "{}",
        r.stdout
    );
    let r = run_offline(&["--known", k, TRON], "");
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.starts_with("KNOWN"), "{}", r.stdout);
    // Standard input, one per line, and --extract from pasted text.
    let r = run_offline(&["--known", k], &format!("{}\n{}\n", genuine(), stranger()));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("Checked 2: known 1, look-alike 0, new 1"),
        "{}",
        r.stdout
    );
    let r = run_offline(
        &["--known", k, "--extract"],
        &format!(
            "Hi! please send the USDT to {p}. Thanks, and here is BTC: bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
        ),
    );
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("Checked 2: known 0, look-alike 1, new 1"),
        "{}",
        r.stdout
    );
}

#[test]
fn nothing_to_compare_is_said_and_exit_3() {
    let s = stranger();
    let r = run_offline(&[&s], "");
    assert_eq!(r.code, 3, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("NOT COMPARED"), "{}", r.stdout);
    // Format checks still work without anything to compare.
    let r = run_offline(&["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"], "");
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("Base58Check checksum does not match"),
        "{}",
        r.stdout
    );
}

#[test]
fn memo_networks_warn_without_a_memo() {
    let r = run_offline(
        &["rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "--network", "XRP"],
        "",
    );
    assert!(r.stdout.contains("memo or tag"), "{}", r.stdout);
    let r = run_offline(
        &[
            "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
            "--network",
            "XRP",
            "--memo",
            "12345",
        ],
        "",
    );
    assert!(!r.stdout.contains("memo or tag"), "{}", r.stdout);
    let r = run_offline(&["GABCDEF", "--network", "XLM"], "");
    assert!(r.stdout.contains("format not checked"), "{}", r.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let r = run_offline(&["--known", "/nonexistent/file", "x"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run_offline(&["--network", "ETH;rm", "x"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run_offline(&[], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn the_audit_reports_a_past_withdrawal_to_a_lookalike() {
    let mut s = scenario();
    // A second book entry that imitates the first.
    s.bodies.insert(
        mb::ADDRESSES.into(),
        format!(
            r#"[{{"address": "{}", "coin": "USDT", "name": "cold wallet", "network": "ETH", "whiteStatus": true}},
                {{"address": "{}", "coin": "USDT", "name": "cold wallet 2", "network": "BSC", "whiteStatus": false}}]"#,
            genuine(),
            evm("5aaeffffffffffffffffffffffffffffffffeaed")
        ),
    );
    let mock = MockBinance::start(s);
    // Wide: these tests read phrases; the 80-column layout is tested elsewhere.
    let out = Run::new()
        .online()
        .env("COLUMNS", "400")
        .env("BINANCE_API_URL", mock.url())
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["audit", "--format", "json"])
        .run();
    let v: Value = out.json();
    let findings = v["findings"].as_array().unwrap();
    let find = |id: &str| findings.iter().find(|f| f["id"] == id).cloned();
    let past = find("BA-ADR-002").expect("BA-ADR-002");
    let ev = past["evidence"].to_string();
    assert!(ev.contains(&poison()) && ev.contains(&genuine()), "{ev}");
    assert!(ev.contains("2026-11-20"), "{ev}");
    assert!(past["remediation"].to_string().contains("incident breach"));
    let pair = find("BA-ADR-001").expect("BA-ADR-001");
    assert!(pair["evidence"].to_string().contains("cold wallet 2"));
    assert_eq!(mock.requests_to(mb::HISTORY), 1);
}

/// Where two EVM addresses differ, compared as EVM compares (case-blind):
/// the columns a caret must mark.
fn differing(a: &str, b: &str) -> Vec<usize> {
    a.chars()
        .zip(b.chars())
        .enumerate()
        .filter(|(_, (x, y))| !x.eq_ignore_ascii_case(y))
        .map(|(i, _)| i)
        .collect()
}

/// The pair's block fits 80 columns by display width; the row holding `a`, the
/// next holding `b` at the same column, and carets exactly under the
/// differing characters on the line after.
fn assert_pair_marked(out: &str, a: &str, b: &str) {
    let lines: Vec<&str> = out.lines().collect();
    let i = lines
        .windows(2)
        .position(|w| w[0].contains(a) && w[1].contains(b))
        .unwrap_or_else(|| panic!("{a} and {b} not shown whole, one under the other:\n{out}"));
    // The block the pair is in (the network log's widths are not this test's).
    for l in lines[..i + 3].iter().rev().take_while(|l| !l.is_empty()) {
        assert!(binance_audit::text::width(l) <= 80, "too wide: {l:?}");
    }
    let col = |l: &str, s: &str| binance_audit::text::width(&l[..l.find(s).unwrap()]);
    assert_eq!(col(lines[i], a), col(lines[i + 1], b), "aligned:\n{out}");
    let start = col(lines[i], a);
    let carets: Vec<usize> = lines[i + 2]
        .char_indices()
        .filter(|(_, c)| *c == '^')
        .map(|(k, _)| binance_audit::text::width(&lines[i + 2][..k]) - start)
        .collect();
    assert_eq!(carets, differing(a, b), "carets:\n{out}");
    assert!(!out.contains(&format!("{}…", &a[..6])), "shortened:\n{out}");
}

#[test]
fn lookalike_pairs_are_whole_and_marked_at_80_columns() {
    let (g, p) = (genuine(), poison());
    let mock = MockBinance::start(scenario());
    for lang in ["en", "ja"] {
        let r = Run::new()
            .online()
            .env("BINANCE_API_URL", mock.url())
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_API_SECRET", mb::SECRET)
            .args(["address", "--lang", lang, &p])
            .run();
        assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
        assert_pair_marked(&r.stdout, &p, &g);
    }
    // JSON: the ranges of the marked characters.
    let r = run_online(&mock, &[&p, "--format", "json"]);
    let v: Value = r.json();
    let d = &v["results"][0]["imitates"][0]["differs"];
    let want = differing(&p, &g);
    let got: Vec<usize> = d
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(got, want, "{d}");
}

#[test]
fn a_malformed_address_is_a_format_error_in_japanese() {
    let mut bad: Vec<char> = genuine().chars().collect();
    bad[5] = if bad[5].is_ascii_uppercase() {
        bad[5].to_ascii_lowercase()
    } else {
        bad[5].to_ascii_uppercase()
    };
    let bad: String = bad.into_iter().collect();
    let r = run_offline(&["--lang", "ja", &bad], "");
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.starts_with("形式エラー"), "{}", r.stdout);
    assert!(!r.stdout.contains("不正"), "{}", r.stdout);
    let help = Run::new().args(["address", "--lang", "ja", "--help"]).run();
    assert!(!help.stdout.contains("不正"), "{}", help.stdout);
}

fn pair_scenario() -> Scenario {
    let mut s = scenario();
    s.bodies.insert(
        mb::ADDRESSES.into(),
        format!(
            r#"[{{"address": "{}", "coin": "USDT", "name": "cold wallet", "network": "ETH", "whiteStatus": true}},
                {{"address": "{}", "coin": "USDT", "name": "cold wallet 2", "network": "ETH", "whiteStatus": false}}]"#,
            genuine(),
            poison()
        ),
    );
    s
}

#[test]
fn the_audit_marks_lookalike_pairs_in_every_format() {
    let (g, p) = (genuine(), poison());
    let mock = MockBinance::start(pair_scenario());
    let audit = |args: &[&str]| {
        Run::new()
            .online()
            .env("BINANCE_API_URL", mock.url())
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_API_SECRET", mb::SECRET)
            .arg("audit")
            .args(args)
            .run()
    };
    // Text, without -v: the steps say "compare each pair below".
    for lang in ["en", "ja"] {
        let r = audit(&["--lang", lang]);
        let out = &r.stdout;
        if std::env::var_os("PEEK").is_some() {
            eprintln!("{out}");
        }
        let at = out.find("BA-ADR-001").unwrap_or_else(|| panic!("{out}"));
        let block = &out[at..];
        let first = block.find(&g).unwrap_or(usize::MAX);
        let second = block.find(&p).unwrap_or(usize::MAX);
        let (a, b) = if first < second { (&g, &p) } else { (&p, &g) };
        assert_pair_marked(block, a, b);
    }
    // JSON: both whole, the ranges of the differing characters.
    let v: Value = audit(&["--format", "json"]).json();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "BA-ADR-001")
        .cloned()
        .unwrap();
    let pair = &f["lookalikes"][0];
    let (a, b) = (
        pair["first"].as_str().unwrap(),
        pair["second"].as_str().unwrap(),
    );
    assert!(
        [a, b].contains(&g.as_str()) && [a, b].contains(&p.as_str()),
        "{pair}"
    );
    let got: Vec<usize> = pair["differs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(got, differing(a, b), "{pair}");
    assert!(pair.get("differs_second").is_none(), "{pair}");
    // Markdown: in a code block, carets under the characters.
    for lang in ["en", "ja"] {
        let md = audit(&["--format", "markdown", "--lang", lang]).stdout;
        let at = md.find("```text\n").unwrap_or_else(|| panic!("{md}"));
        let end = md[at + 8..].find("\n```").unwrap() + at + 8;
        let block = &md[at + 8..end];
        assert_pair_marked(block, a, b);
    }
}

#[test]
fn drift_names_the_saved_address_a_new_one_imitates_whole() {
    let (g, p) = (genuine(), poison());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let audit = |mock: &MockBinance, args: &[&str]| {
        Run::new()
            .home(d)
            .current_dir(d)
            .online()
            .env("BINANCE_API_URL", mock.url())
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_API_SECRET", mb::SECRET)
            .arg("audit")
            .args(args)
            .run()
    };
    let mut before = scenario();
    before.bodies.insert(
        mb::ADDRESSES.into(),
        format!(
            r#"[{{"address": "{g}", "coin": "USDT", "name": "cold wallet", "network": "ETH", "whiteStatus": true}}]"#
        ),
    );
    let first = audit(
        &MockBinance::start(before),
        &["--save-baseline", "baseline.json"],
    );
    assert!(first.code == 0 || first.code == 1, "{}", first.stderr);
    let saved = std::fs::read_to_string(d.join("baseline.json")).unwrap();
    assert!(!saved.contains(&g), "the baseline keeps the address short");
    let mock = MockBinance::start(pair_scenario());
    let v: Value = audit(&mock, &["--baseline", "baseline.json", "--format", "json"]).json();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "BA-DRF-001")
        .cloned()
        .unwrap_or_else(|| panic!("{v}"));
    let pair = &f["lookalikes"][0];
    assert_eq!(pair["first"], p.as_str(), "{f}");
    assert_eq!(pair["second"], g.as_str(), "{f}");
    assert_eq!(pair["roles"], serde_json::json!(["new", "saved"]), "{f}");
    assert!(
        f["changes"][0]["label"].as_str().unwrap().contains(&p),
        "{f}"
    );
    for lang in ["en", "ja"] {
        let r = audit(&mock, &["--baseline", "baseline.json", "--lang", lang]);
        let at = r
            .stdout
            .find("BA-DRF-001")
            .unwrap_or_else(|| panic!("{}", r.stdout));
        if std::env::var_os("PEEK").is_some() {
            eprintln!("{}", &r.stdout[at..]);
        }
        assert_pair_marked(&r.stdout[at..], &p, &g);
    }
}
