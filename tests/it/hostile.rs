//! Issue 13: the tool against a hostile stand-in for Binance and the Pwned
//! Passwords API, and against hostile local inputs. Each case once misread,
//! hung or crashed; each must now end in a report that says "not checked"
//! (with the reason), a bounded run, or a one-line error naming the limit.

use std::time::{Duration, Instant};

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{MockServer, Outcome, Reply, Run, set_mode};
use serde_json::Value;

fn audit(mock: &MockBinance, args: &[&str]) -> Outcome {
    let run = Run::new()
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["--api-url", &mock.url()])
        .args(args)
        .run();
    assert_ne!(run.code, 101, "panicked: {}", run.all());
    assert!(!run.all().contains("panicked"), "{}", run.all());
    let all = run.all();
    assert!(!all.contains(mb::API_KEY), "the API key leaked:\n{all}");
    assert!(!all.contains(mb::SECRET), "the secret leaked");
    for s in mock.signatures().into_iter().filter(|s| s.len() > 8) {
        assert!(!all.contains(&s), "a signature leaked:\n{all}");
        let decoded = percent_decode(&s);
        assert!(!all.contains(&decoded), "a decoded signature leaked");
        assert!(!all.contains(&s[..s.len() / 2]), "half a signature leaked");
    }
    run
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn fact<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["facts"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["name"] == name))
        .or_else(|| j["facts"].get(name))
        .unwrap_or_else(|| panic!("no fact {name} in {}", j["facts"]))
}

fn api_detail(j: &Value) -> String {
    j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["check"] == "binance-api" || c["name"] == "binance-api")
        .map(|c| c["detail"].as_str().unwrap_or("").to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}

// ------------------------------------------------------------ crashes, hangs

#[test]
fn a_huge_retry_after_on_429_or_418_is_clamped_not_a_crash() {
    for (status, value) in [(429, "18446744073709551615"), (418, "9223372036854775807")] {
        let mock = MockBinance::start(Scenario::read_only().respond(
            mb::QUOTA,
            mb::error(status, -1003, "Too many requests.").with_header("Retry-After", value),
        ));
        let r = audit(&mock, &["--format", "json"]);
        assert_eq!(r.code, 3, "HTTP {status}: {}", r.all());
        let j = r.json();
        assert_eq!(
            fact(&j, "withdrawal.used_quota_usd")["source"],
            "not_checked"
        );
        assert!(
            api_detail(&j).contains(&status.to_string()),
            "{}",
            api_detail(&j)
        );
    }
}

#[test]
fn a_hanging_binance_is_bounded_by_the_run_deadline() {
    let mock = MockBinance::start(Scenario::read_only().delay(Duration::from_secs(30)));
    let r = audit(&mock, &["--format", "json", "--timeout", "2"]);
    assert_eq!(r.code, 3, "{}", r.all());
    assert!(
        r.elapsed < Duration::from_secs(7),
        "took {:?} with --timeout 2",
        r.elapsed
    );
    assert!(!r.json()["facts"].is_null());
}

// ------------------------------------------------------------ read as safe

#[test]
fn a_duplicate_key_is_not_checked_not_the_last_value() {
    let created = mb::now_ms() - 10 * 86_400_000;
    let mut s = Scenario::read_only();
    s.bodies.insert(
        mb::RESTRICTIONS.into(),
        format!(
            r#"{{"ipRestrict": true, "createTime": {created}, "enableReading": true,
                "enableWithdrawals": true, "enableWithdrawals": false}}"#
        ),
    );
    let mock = MockBinance::start(s);
    let r = audit(&mock, &["--format", "json"]);
    let j = r.json();
    let f = fact(&j, "api.enable_withdrawals");
    assert_eq!(f["source"], "not_checked", "{f}");
    assert!(r.stdout.contains("appears twice"), "{}", r.all());
    assert_ne!(r.code, 0);
}

#[test]
fn an_impossible_create_time_is_not_a_new_key() {
    for t in [
        "4102444800000",
        "9223372036854775807",
        "-9223372036854775808",
    ] {
        let mut s = Scenario::read_only();
        s.bodies.insert(
            mb::RESTRICTIONS.into(),
            format!(
                r#"{{"ipRestrict": true, "createTime": {t}, "enableReading": true, "enableWithdrawals": false}}"#
            ),
        );
        let mock = MockBinance::start(s);
        let j = audit(&mock, &["--format", "json"]).json();
        let f = fact(&j, "api.key_age_days");
        assert_eq!(f["source"], "not_checked", "createTime {t}: {f}");
    }
}

#[test]
fn an_empty_or_error_answer_with_http_200_is_not_read() {
    for body in [
        "{}",
        r#"{"code": -1000, "msg": "An unknown error occurred"}"#,
    ] {
        let mock =
            MockBinance::start(Scenario::read_only().respond(mb::INFO, Reply::json(200, body)));
        let r = audit(&mock, &["--format", "json"]);
        let j = r.json();
        let d = api_detail(&j);
        assert!(!d.contains("7 of 7 endpoints read"), "{body}: {d}");
        assert_eq!(fact(&j, "account.futures_enabled")["source"], "not_checked");
        assert_eq!(r.code, 3, "{body}: {}", r.all());
    }
}

#[test]
fn a_200_error_echoing_the_key_and_signature_is_scrubbed() {
    // The server echoes whatever it was sent: the key header and the query.
    let server = MockServer::start(|req| {
        if req.path == mb::TIME {
            return Reply::json(200, format!(r#"{{"serverTime": {}}}"#, mb::now_ms()));
        }
        let key = req.header("X-MBX-APIKEY").unwrap_or("").to_string();
        let sig = req.param("signature").unwrap_or("").to_string();
        let status = if req.path == mb::INFO { 200 } else { 400 };
        mb::error(
            status,
            -1100,
            &format!(
                "{} bad parameter; key {key}; signature {sig}; decoded {}",
                "x".repeat(190),
                percent_decode(&sig)
            ),
        )
    });
    let home = tempfile::tempdir().unwrap();
    let pem = home.path().join("k.pem");
    std::fs::copy(mb::fixtures().join("ed25519-rfc8032-test1.pem"), &pem).unwrap();
    set_mode(&pem, 0o600);
    for format in ["text", "json", "markdown", "sarif"] {
        let all = Run::new()
            .home(home.path())
            .online()
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_API_PRIVATE_KEY_FILE", &pem)
            .args(["--api-url", &server.url(), "--format", format])
            .run()
            .all();
        assert!(!all.contains(mb::API_KEY), "{format}: key leaked");
        for r in server.requests() {
            if let Some(s) = r.param("signature") {
                let d = percent_decode(s);
                assert!(!all.contains(s), "{format}: signature leaked");
                assert!(!all.contains(&d), "{format}: decoded signature leaked");
                assert!(
                    !all.contains(&d[..d.len() / 2]),
                    "{format}: half a signature"
                );
            }
        }
    }
}

#[test]
fn control_characters_from_the_server_are_escaped_in_every_format() {
    let mut s = Scenario::dangerous();
    s.bodies.insert(
        mb::ADDRESSES.into(),
        r#"[{"address": "bc1qexampleexampleexampleexampleexample0", "addressTag": "",
            "coin": "BTC", "name": "\r\u001b[2K\u001b[1Afine\u0007", "network": "BTC\u202e",
            "whiteStatus": false}]"#
            .into(),
    );
    s.bodies.insert(
        mb::STATUS.into(),
        r#"{"data": "Normal\r\u001b[31m"}"#.into(),
    );
    let mock = MockBinance::start(s);
    for format in ["text", "markdown", "sarif", "json"] {
        let r = audit(&mock, &["--format", format]);
        for bad in ['\r', '\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(
                !r.stdout.contains(bad),
                "{format} carries {:?} raw:\n{}",
                bad,
                r.stdout
            );
        }
    }
}

#[test]
fn withdraw_quota_is_sent_without_recv_window() {
    let mock = MockBinance::start(Scenario::read_only());
    let r = audit(&mock, &["--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.all());
    let q: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|x| x.path == mb::QUOTA)
        .collect();
    assert_eq!(q.len(), 1);
    assert!(q[0].param("recvWindow").is_none(), "{}", q[0].query);
    assert!(q[0].param("timestamp").is_some());
}

// ------------------------------------------------------------ the clock

#[test]
fn a_skewed_clock_is_corrected_once_and_signed_again() {
    let mock = MockBinance::start(Scenario::read_only().skew(8_000));
    let r = audit(&mock, &["--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(mock.rejections().iter().all(|x| x.code == -1021));
    for p in mb::SIGNED_PATHS {
        assert!(
            mock.requests_to(p) <= 2,
            "{p} asked {} times",
            mock.requests_to(p)
        );
    }
    assert_eq!(mock.requests_to(mb::TIME), 1, "one clock reading");
}

#[test]
fn even_after_correction_is_said_only_after_a_correction() {
    // The time endpoint is down: no correction happened.
    let mock = MockBinance::start(
        Scenario::read_only()
            .skew(10_000)
            .respond(mb::TIME, Reply::text(503, "unavailable")),
    );
    let r = audit(&mock, &["--format", "json"]);
    let d = api_detail(&r.json());
    assert!(d.contains("-1021"), "{d}");
    assert!(!d.contains("even after correction"), "{d}");
    // The time endpoint lies (says no skew): the correction did not help.
    let mock = MockBinance::start(Scenario::read_only().skew(10_000).respond(
        mb::TIME,
        Reply::json(200, format!(r#"{{"serverTime": {}}}"#, mb::now_ms())),
    ));
    let r = audit(&mock, &["--format", "json"]);
    let d = api_detail(&r.json());
    assert!(d.contains("even after correction"), "{d}");
}

// ------------------------------------------------------------ incident paging

#[test]
fn a_history_that_ignores_paging_stops_at_the_repeated_page() {
    let page: Vec<Value> = (0..1000)
        .map(|i| {
            serde_json::json!({"id": format!("d{i}"), "amount": "1", "coin": "BTC", "network": "BTC",
                "status": 1, "address": "bc1q\r\u{1b}[2K\u{7}", "txId": format!("t{i}"), "insertTime": 1795132800000i64})
        })
        .collect();
    let body = Value::Array(page).to_string();
    let server = MockServer::start(move |req| match req.path.as_str() {
        "/api/v3/time" => Reply::json(200, format!(r#"{{"serverTime": {}}}"#, mb::now_ms())),
        "/sapi/v1/capital/deposit/hisrec" => Reply::json(200, body.clone()),
        "/sapi/v1/account/status" => Reply::json(200, r#"{"data": "Normal"}"#),
        "/api/v3/account" => Reply::json(
            200,
            r#"{"canTrade": true, "canWithdraw": true, "canDeposit": true}"#,
        ),
        "/sapi/v1/account/apiRestrictions" => Reply::json(
            200,
            r#"{"ipRestrict": true, "createTime": 1761955200000, "enableReading": true}"#,
        ),
        _ => Reply::json(200, "[]"),
    });
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("case");
    let out = Run::new()
        .home(home.path())
        .online()
        .env("BINANCE_API_URL", server.url())
        .env("BINANCE_AUDIT_PACE_MS", "1")
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args([
            "incident",
            "breach",
            "--since",
            "2026-11-19T00:00Z",
            "--until",
            "2026-11-21T00:00Z",
            "--out",
            dir.to_str().unwrap(),
        ])
        .timeout(Duration::from_secs(60))
        .run();
    let all = out.all();
    assert!(out.elapsed < Duration::from_secs(30), "{all}");
    let deposits = server
        .requests()
        .iter()
        .filter(|r| r.path == "/sapi/v1/capital/deposit/hisrec")
        .count();
    assert_eq!(deposits, 2, "stops at the first repeated page");
    let ev = std::fs::read_to_string(dir.join("evidence.json")).unwrap();
    assert!(ev.contains("same page"), "{ev}");
    // The rows read before the stop are kept, their control characters escaped.
    let ticket = std::fs::read_to_string(dir.join("ticket.md")).unwrap();
    assert!(ev.contains("u{1b}[2K"), "escaped in evidence.json");
    for t in [&ticket, &ev, &all] {
        assert!(!t.contains('\u{1b}') && !t.contains('\u{7}') && !t.contains("\r\u{1b}"));
    }
}

// ------------------------------------------------------------ Pwned Passwords

#[test]
fn a_429_asking_for_hours_is_not_retried() {
    let server = MockServer::start(|_| {
        Reply::text(429, "slow down").with_header("Retry-After", "18446744073709551615")
    });
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .online()
        .args(["password", "--password-stdin", "--hibp-url", &server.url()])
        .stdin("correct horse battery staple\n")
        .run();
    assert_ne!(out.code, 101, "{out}");
    assert_eq!(server.requests().len(), 1);
    assert!(out.elapsed < Duration::from_secs(5), "{out}");
}

#[test]
fn a_stdin_list_against_a_dead_server_stops_early() {
    // A port nobody listens on: bind, note the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let list: String = (0..200).map(|i| format!("password-{i}\n")).collect();
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .online()
        .args([
            "password",
            "--stdin-list",
            "--hibp-url",
            &format!("http://127.0.0.1:{port}"),
        ])
        .stdin(list)
        .run();
    assert_ne!(out.code, 101, "{out}");
    assert!(
        out.elapsed < Duration::from_secs(10),
        "took {:?}",
        out.elapsed
    );
    let all = &out.stdout;
    assert!(
        all.contains("did not answer earlier")
            || all.contains("not_checked")
            || all.contains("not checked"),
        "{all}"
    );
}

// ------------------------------------------------------------ bounded reads

#[cfg(unix)]
#[test]
fn endless_local_inputs_are_refused_with_the_limit() {
    let home = tempfile::tempdir().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["password", "--offline", "--password-file", "/dev/zero"],
        vec!["--offline", "--config", "/dev/zero"],
        vec!["--offline", "--baseline", "/dev/zero"],
        vec!["url", "--input", "/dev/zero"],
    ];
    for args in cases {
        let out = Run::new()
            .home(home.path())
            .args(&args)
            .timeout(Duration::from_secs(30))
            .run();
        let err = &out.stderr;
        assert_eq!(out.code, 2, "{args:?}: {err}");
        assert!(
            err.contains("KiB") || err.contains("MiB"),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn an_endless_key_file_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let all = Run::new()
        .home(home.path())
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_PRIVATE_KEY_FILE", "/dev/zero")
        .args(["--offline"])
        .timeout(Duration::from_secs(30))
        .run()
        .all();
    assert!(all.contains("/dev/zero is larger than 64 KiB"), "{all}");
}

#[test]
fn yes_piped_into_password_stdin_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .args(["password", "--password-stdin", "--offline"])
        .stdin("y\n".repeat(200_000))
        .run();
    let err = &out.stderr;
    assert_eq!(out.code, 2, "{err}");
    assert!(err.contains("64 KiB"), "{err}");
}

// ------------------------------------------------------------ rules

fn many_rules(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            r#"[[rule]]
id = "BA-GEN-{i:05}"
category = "api-key"
severity = "low"
facts = ["api.key_age_days"]
when = "api.key_age_days > {i}"
title = {{ en = "t", ja = "t" }}
passed = {{ en = "p", ja = "p" }}
risk = {{ en = "r", ja = "r" }}
remediation = {{ en = ["a"], ja = ["a"] }}
[[rule.test]]
facts = {{ api = {{ key_age_days = {} }} }}
expect = "fail"
[[rule.test]]
facts = {{ api = {{ key_age_days = 0 }} }}
expect = "pass"
"#,
            i + 1
        ));
    }
    s
}

#[test]
fn twenty_thousand_rules_load_in_seconds_not_tens() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.toml"), many_rules(20_000)).unwrap();
    let start = Instant::now();
    let rules = binance_audit::rules::load_with_overrides(Some(dir.path())).unwrap();
    let took = start.elapsed();
    assert!(rules.len() >= 20_000);
    eprintln!("20 000 rules loaded in {took:?}");
    // Debug build on a shared machine; the quadratic version took > 60 s here.
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn a_rule_with_runaway_work_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let rule = many_rules(1).replace(
        "when = \"api.key_age_days > 0\"",
        "when = \"api.trading_permissions.all(a, api.trading_permissions.all(b, api.trading_permissions.all(c, a == b && b == c)))\"",
    ).replace("facts = [\"api.key_age_days\"]", "facts = [\"api.key_age_days\", \"api.trading_permissions\"]");
    std::fs::write(dir.path().join("slow.toml"), rule).unwrap();
    let err = binance_audit::rules::load_dir(dir.path())
        .unwrap_err()
        .msg()
        .render(binance_audit::i18n::Lang::En);
    assert!(
        err.contains("BA-GEN-00000") && err.contains("steps"),
        "{err}"
    );
}

#[test]
fn both_servers_hanging_end_within_the_run_budget() {
    let binance = MockBinance::start(Scenario::read_only().delay(Duration::from_secs(30)));
    let hibp = MockServer::start(|_| Reply::text(200, "").delayed(Duration::from_secs(30)));
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args([
            "--api-url",
            &binance.url(),
            "--hibp-url",
            &hibp.url(),
            "--password-stdin",
            "--timeout",
            "2",
            "--format",
            "json",
        ])
        .stdin("correct horse battery staple\n")
        .run();
    let took = out.elapsed;
    assert_eq!(out.code, 3, "{}", out.stderr);
    // 2 × --timeout + 1 s, and a little for the process itself.
    assert!(took < Duration::from_millis(6_500), "took {took:?}");
}
