//! The breach check through the real binary: `password` and `audit` with a
//! local mock range server or a local file, never the real service.

use std::path::Path;

use crate::common::report::{check, fact, finding_ids, ids};
use crate::common::{MockServer, Recorded, Reply, Run, TempHome, write_private};
use sha1::{Digest, Sha1};

const PW: &str = "correct horse battery staple";
const EMAIL_PW: &str = "my-email-pass-2019";

fn sha(s: &str) -> String {
    hex::encode_upper(Sha1::digest(s.as_bytes()))
}

/// A range server that knows `planted` (password, count) pairs and pads.
fn server(planted: &[(&str, u64)]) -> MockServer {
    let planted: Vec<(String, u64)> = planted.iter().map(|(p, c)| (sha(p), *c)).collect();
    MockServer::start(move |r: &Recorded| {
        let Some(prefix) = r.path.strip_prefix("/range/") else {
            return Reply::text(404, "");
        };
        let mut lines: Vec<String> = (0..300)
            .map(|i| format!("{:035X}:0", i * 7919 + 13))
            .collect();
        for (h, c) in &planted {
            if h.starts_with(prefix) {
                lines.push(format!("{}:{c}", &h[5..]));
            }
        }
        lines.sort();
        Reply::text(200, lines.join("\r\n"))
    })
}

fn assert_no_secret(text: &str, secrets: &[&str]) {
    for s in secrets {
        assert!(!text.contains(s), "output contains a password");
        assert!(
            !text.to_uppercase().contains(&sha(s)[5..]),
            "output contains a hash suffix"
        );
    }
}

fn write_sorted_file(dir: &Path, planted: &[(&str, u64)]) -> std::path::PathBuf {
    let mut lines: Vec<String> = (0..2000)
        .map(|i| format!("{}:{}", sha(&format!("filler-{i}")), i + 1))
        .collect();
    lines.extend(planted.iter().map(|(p, c)| format!("{}:{c}", sha(p))));
    lines.sort();
    let path = dir.join("pwned.txt");
    std::fs::write(&path, lines.join("\r\n") + "\r\n").unwrap();
    path
}

/// A run in `home` that may use the network: each test points it at its own
/// range server or file, never the real service.
fn online(home: &TempHome, args: &[&str]) -> Run {
    home.run().online().args(args)
}

/// `password --password-stdin --format json --hibp-url` the mock `srv`.
fn password_json(home: &TempHome, srv: &MockServer) -> Run {
    online(
        home,
        &[
            "password",
            "--password-stdin",
            "--format",
            "json",
            "--hibp-url",
            &srv.url(),
        ],
    )
}

#[test]
fn password_stdin_with_hibp_url_finds_the_breach_and_lists_what_was_sent() {
    let home = TempHome::new();
    let srv = server(&[(PW, 1234)]);
    let out = password_json(&home, &srv).stdin(format!("{PW}\n")).run();
    out.code(0);
    let r = out.json();
    assert!(
        finding_ids(&r).contains(&"BA-BRE-002".to_string()),
        "{:?}",
        finding_ids(&r)
    );
    assert!(!finding_ids(&r).contains(&"BA-BRE-001".to_string()));
    assert_eq!(fact(&r, "breach.password_count")["value"], 1234);
    assert_eq!(check(&r, "breach")["state"], "ran");
    let prefix = &sha(PW)[..5];
    let net = r["network"].as_array().unwrap();
    assert_eq!(net.len(), 1);
    assert_eq!(net[0]["path"], format!("/range/{prefix}"));
    assert!(
        net[0]["purpose"]
            .as_str()
            .unwrap()
            .contains("Add-Padding: true")
    );
    let reqs = srv.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].path, format!("/range/{prefix}"));
    assert_eq!(reqs[0].header("add-padding"), Some("true"));
    assert!(reqs[0].query.is_empty() && reqs[0].body.is_empty());
    assert_no_secret(&out.stdout, &[PW]);
    assert_no_secret(&out.stderr, &[PW]);
}

#[test]
fn text_report_shows_the_count_and_the_request() {
    let home = TempHome::new();
    let srv = server(&[(PW, 42)]);
    // -v: the network log (which request left the machine) is a detail.
    let out = online(
        &home,
        &["-v", "password", "--password-stdin", "--fail-on", "high"],
    )
    .env("BINANCE_AUDIT_HIBP_URL", srv.url())
    .stdin(PW)
    .run();
    out.code(1);
    let text = out.stdout.as_str();
    assert!(text.contains("BA-BRE-001"), "{text}");
    assert!(text.contains("seen 42 times"), "{text}");
    assert!(
        text.contains(&format!("/range/{}", &sha(PW)[..5])),
        "{text}"
    );
    assert_eq!(srv.requests().len(), 1, "the env var points at the mock");
    assert_no_secret(&out.stdout, &[PW]);
}

#[test]
fn offline_makes_zero_requests_and_skips_the_lookup() {
    let home = TempHome::new();
    let srv = server(&[(PW, 1234)]);
    let out = online(
        &home,
        &[
            "password",
            "--password-stdin",
            "--offline",
            "--format",
            "json",
            "--hibp-url",
            &srv.url(),
        ],
    )
    .stdin(PW)
    .run();
    out.code(0);
    let r = out.json();
    assert_eq!(check(&r, "breach")["state"], "skipped");
    assert!(r["network"].as_array().unwrap().is_empty());
    assert!(srv.requests().is_empty(), "--offline sent a request");
    let not_checked = ids(&r, "not_checked");
    assert!(
        not_checked.contains(&"BA-BRE-001".to_string()),
        "{not_checked:?}"
    );
}

#[test]
fn offline_with_hibp_file_still_checks_and_sends_nothing() {
    let home = TempHome::new();
    let f = write_sorted_file(home.path(), &[(PW, 5)]);
    let srv = server(&[]);
    let out = online(
        &home,
        &[
            "password",
            "--password-stdin",
            "--offline",
            "--format",
            "json",
            "--fail-on",
            "high",
        ],
    )
    .arg("--hibp-file")
    .arg(&f)
    .env("BINANCE_AUDIT_HIBP_URL", srv.url())
    .stdin(PW)
    .run();
    out.code(1);
    let r = out.json();
    assert!(finding_ids(&r).contains(&"BA-BRE-001".to_string()));
    assert_eq!(fact(&r, "breach.password_count")["value"], 5);
    assert!(
        check(&r, "breach")["detail"]
            .as_str()
            .unwrap()
            .contains("nothing sent")
    );
    assert!(r["network"].as_array().unwrap().is_empty());
    assert!(srv.requests().is_empty());
}

#[test]
fn an_unusable_file_is_not_checked_and_exits_3() {
    let home = TempHome::new();
    let f = home.join("words.txt");
    std::fs::write(&f, "password\n123456\n").unwrap();
    let out = online(
        &home,
        &[
            "password",
            "--password-stdin",
            "--offline",
            "--format",
            "json",
            "--hibp-file",
        ],
    )
    .arg(&f)
    .stdin(PW)
    .run();
    out.code(3);
    let r = out.json();
    assert_eq!(check(&r, "breach")["state"], "failed");
    assert_eq!(fact(&r, "breach.password_count")["source"], "not_checked");
}

#[test]
fn a_failing_service_is_not_checked_never_not_breached() {
    let home = TempHome::new();
    let srv = MockServer::start(|_| Reply::text(503, "down"));
    let out = password_json(&home, &srv).stdin(PW).run();
    out.code(3);
    let r = out.json();
    assert_eq!(check(&r, "breach")["state"], "failed");
    assert_eq!(check(&r, "breach")["detail"], "HTTP 503 after 3 tries");
    let passed = ids(&r, "passed");
    assert!(
        !passed.iter().any(|id| id.starts_with("BA-BRE")),
        "{passed:?}"
    );
    assert_eq!(srv.requests().len(), 3);
}

#[test]
fn email_password_file_is_checked_too() {
    let home = TempHome::new();
    let srv = server(&[(EMAIL_PW, 7)]);
    let epw = home.join("email-pw");
    std::fs::write(&epw, format!("{EMAIL_PW}\n")).unwrap();
    let out = password_json(&home, &srv)
        .arg("--email-password-file")
        .arg(&epw)
        .stdin(PW)
        .run();
    out.code(0);
    let r = out.json();
    assert!(
        finding_ids(&r).contains(&"BA-BRE-003".to_string()),
        "{:?}",
        finding_ids(&r)
    );
    assert_eq!(fact(&r, "breach.email_password_count")["value"], 7);
    assert_eq!(fact(&r, "breach.password_count")["value"], 0);
    assert_eq!(check(&r, "breach-email")["state"], "ran");
    assert_eq!(srv.requests().len(), 2);
    assert_no_secret(&out.stdout, &[PW, EMAIL_PW]);
}

#[test]
fn stdin_list_reports_by_line_number_without_echoing() {
    let home = TempHome::new();
    let srv = server(&[(PW, 3_000_000), (EMAIL_PW, 2)]);
    let input = format!("{PW}\n\nnot-in-any-breach-9f8e7d\r\n{EMAIL_PW}\n{PW}\n");
    let out = online(
        &home,
        &[
            "password",
            "--stdin-list",
            "--format",
            "json",
            "--fail-on",
            "critical",
            "--hibp-url",
            &srv.url(),
        ],
    )
    .stdin(input.clone())
    .run();
    out.code(1);
    let r = out.json();
    let res = r["results"].as_array().unwrap();
    let got: Vec<(u64, &str, Option<u64>)> = res
        .iter()
        .map(|x| {
            (
                x["line"].as_u64().unwrap(),
                x["status"].as_str().unwrap(),
                x["count"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "found", Some(3_000_000)),
            (3, "not_found", Some(0)),
            (4, "found", Some(2)),
            (5, "found", Some(3_000_000))
        ]
    );
    assert_eq!(res[0]["rule"], "BA-BRE-002");
    assert_eq!(res[0]["severity"], "critical");
    assert_eq!(res[2]["rule"], "BA-BRE-001");
    // Line 5 repeats line 1: three distinct prefixes, three requests.
    let mut paths: Vec<String> = srv.requests().into_iter().map(|r| r.path).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(
        srv.requests().len(),
        paths.len(),
        "a prefix was requested twice"
    );
    assert_eq!(paths.len(), 3);
    assert_no_secret(&out.stdout, &[PW, EMAIL_PW, "not-in-any-breach-9f8e7d"]);
    assert_no_secret(&out.stderr, &[PW, EMAIL_PW, "not-in-any-breach-9f8e7d"]);

    let out = online(
        &home,
        &[
            "password",
            "--stdin-list",
            "--hibp-url",
            &srv.url(),
            "--lang",
            "en",
        ],
    )
    .stdin(input)
    .run();
    out.code(0);
    let text = out.stdout.as_str();
    assert!(
        text.contains("line    1  found: seen 3,000,000 times"),
        "{text}"
    );
    assert!(text.contains("line    3  not found"), "{text}");
    assert!(text.contains("Add-Padding: true"), "{text}");
    assert_no_secret(&out.stdout, &[PW, EMAIL_PW, "not-in-any-breach-9f8e7d"]);
}

#[test]
fn stdin_list_with_a_file_and_with_failures() {
    let home = TempHome::new();
    let f = write_sorted_file(home.path(), &[(PW, 9)]);
    let out = online(
        &home,
        &[
            "password",
            "--stdin-list",
            "--offline",
            "--format",
            "json",
            "--hibp-file",
        ],
    )
    .arg(&f)
    .stdin(format!("nope\n{PW}\n"))
    .run();
    out.code(0);
    let r = out.json();
    assert_eq!(r["results"][1]["count"], 9);
    assert!(r["network"].as_array().unwrap().is_empty());

    let srv = MockServer::start(|_| Reply::text(500, ""));
    let out = online(
        &home,
        &[
            "password",
            "--stdin-list",
            "--format",
            "json",
            "--hibp-url",
            &srv.url(),
        ],
    )
    .stdin("a\n")
    .run();
    out.code(3);
    let r = out.json();
    assert_eq!(r["results"][0]["status"], "not_checked");
    assert_eq!(r["results"][0]["reason"], "HTTP 500 after 3 tries");
}

#[test]
fn usage_errors_exit_2() {
    let home = TempHome::new();
    let cases: &[&[&str]] = &[
        &["password", "--stdin-list", "--offline"],
        &[
            "password",
            "--password-stdin",
            "--hibp-url",
            "http://api.pwnedpasswords.com",
        ],
        &[
            "password",
            "--password-stdin",
            "--hibp-file",
            "/nonexistent/pwned.txt",
        ],
        &["password", "--stdin-list", "--password-stdin"],
    ];
    for args in cases {
        let out = online(&home, args).stdin(PW).run();
        out.code(2);
        assert_no_secret(&out.stderr, &[PW]);
    }
}

#[test]
fn config_hibp_url_is_used_and_audit_runs_the_lookup() {
    let home = TempHome::new();
    let srv = server(&[(PW, 11)]);
    let cfg = home.join("config.toml");
    write_private(&cfg, format!("[hibp]\nurl = \"{}\"\n", srv.url()));
    let out = online(
        &home,
        &["audit", "--password-stdin", "--format", "json", "--config"],
    )
    .arg(&cfg)
    .stdin(PW)
    .run();
    let r = out.json();
    assert_eq!(fact(&r, "breach.password_count")["value"], 11);
    assert!(finding_ids(&r).contains(&"BA-BRE-001".to_string()));
    assert_eq!(srv.requests().len(), 1);
}
