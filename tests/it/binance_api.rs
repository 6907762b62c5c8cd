//! The Binance API audit end to end: the real binary against a local mock
//! Binance that verifies every request as Binance documents it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::binance::{self as mb, Key, MockBinance, Scenario};
use crate::common::report::{api_checks, category_findings, fact, finding, finding_ids};
use crate::common::{Outcome, Reply, Run, json, set_mode, write_private};
use serde_json::Value;

enum Creds {
    Hmac(&'static str),
    /// A PEM file name under tests/fixtures/binance, copied with mode 0600.
    PemFile(&'static str),
}

fn private_copy(home: &Path, name: &str, mode: u32) -> PathBuf {
    let dest = home.join(name);
    std::fs::copy(mb::fixtures().join(name), &dest).unwrap();
    set_mode(&dest, mode);
    dest
}

fn run_with(mock: &MockBinance, home: &Path, creds: Creds, args: &[&str]) -> Outcome {
    let cmd = Run::new()
        .home(home)
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY);
    let cmd = match creds {
        Creds::Hmac(secret) => cmd.env("BINANCE_API_SECRET", secret),
        Creds::PemFile(name) => cmd.env(
            "BINANCE_API_PRIVATE_KEY_FILE",
            private_copy(home, name, 0o600),
        ),
    };
    let run = cmd.args(["--api-url", &mock.url()]).args(args).run();
    assert_clean(mock, &run);
    run
}

fn run(mock: &MockBinance, creds: Creds, args: &[&str]) -> Outcome {
    let home = tempfile::tempdir().unwrap();
    run_with(mock, home.path(), creds, args)
}

fn json_run(mock: &MockBinance, creds: Creds) -> (Outcome, Value) {
    let r = run(mock, creds, &["--format", "json"]);
    let j = r.json();
    (r, j)
}

/// Only GET ever arrived, and no secret, private key, signature or full key
/// appears in anything the tool printed.
fn assert_clean(mock: &MockBinance, run: &Outcome) {
    assert!(
        mock.non_get().is_empty(),
        "non-GET request: {:?}",
        mock.non_get()
    );
    let all = run.all();
    let mut forbidden = vec![
        mb::SECRET.to_string(),
        mb::API_KEY.to_string(),
        mb::ED25519_PEM_BODY.to_string(),
        mb::rsa_pem_body_line(),
    ];
    forbidden.extend(mock.signatures().into_iter().filter(|s| s.len() > 8));
    for f in forbidden {
        assert!(!all.contains(&f), "output leaks {f:.12}…:\n{all}");
    }
}

#[test]
fn read_only_ip_restricted_ed25519_key_has_no_api_key_findings() {
    let mock = MockBinance::start(Scenario::read_only().key(Key::Ed25519));
    let (r, j) = json_run(&mock, Creds::PemFile("ed25519-rfc8032-test1.pem"));
    r.code(0);
    assert!(
        category_findings(&j, "api-key").is_empty(),
        "{:?}",
        finding_ids(&j)
    );
    assert!(category_findings(&j, "account").is_empty());
    assert!(category_findings(&j, "withdrawal").is_empty());
    assert!(mock.rejections().is_empty(), "{:?}", mock.rejections());
    assert_eq!(fact(&j, "api.ip_restrict")["value"], true);
    assert_eq!(fact(&j, "api.key_type")["value"], "ed25519");
    assert_eq!(fact(&j, "account.status")["value"], "Normal");
    let checks = api_checks(&j);
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0]["state"], "ran", "{}", checks[0]);
    assert!(checks[0]["detail"].as_str().unwrap().contains("vmPU…Eh8A"));
    // The clock alongside the account endpoints (issue 13: the audit does
    // not wait for it), each exactly once.
    let reqs = mock.requests();
    let time = reqs
        .iter()
        .find(|r| r.path == mb::TIME)
        .expect("clock read");
    assert!(
        time.header("X-MBX-APIKEY").is_none(),
        "public call sent the key"
    );
    for p in mb::SIGNED_PATHS {
        assert_eq!(mock.requests_to(p), 1, "{p}");
    }
    assert_eq!(reqs.len(), 9);
    // Every signed request carries recvWindow (where documented), then timestamp, then signature.
    for rq in reqs.iter().filter(|r| r.path != mb::TIME) {
        assert!(
            rq.query
                .ends_with(&format!("&signature={}", rq.param("signature").unwrap()))
        );
        assert!(rq.param("timestamp").is_some());
    }
    assert!(
        mock.requests()
            .iter()
            .any(|r| r.path == mb::RESTRICTIONS && r.param("recvWindow") == Some("5000"))
    );
    // The report lists the requests, with query values masked.
    let net = j["network"].as_array().unwrap();
    assert_eq!(net.len(), 9);
    assert!(net.iter().all(|n| n["method"] == "GET"));
    assert!(
        net.iter()
            .any(|n| n["path"].as_str().unwrap().contains("signature=***"))
    );
}

#[test]
fn read_only_rsa_key_verifies_and_has_no_api_key_findings() {
    let mock = MockBinance::start(Scenario::read_only().key(Key::Rsa));
    let (r, j) = json_run(&mock, Creds::PemFile("rsa-test-key.pem"));
    r.code(0);
    assert!(mock.rejections().is_empty(), "{:?}", mock.rejections());
    assert!(
        category_findings(&j, "api-key").is_empty(),
        "{:?}",
        finding_ids(&j)
    );
    assert_eq!(fact(&j, "api.key_type")["value"], "rsa");
}

#[test]
fn read_only_hmac_key_only_gets_the_key_type_advice() {
    let mock = MockBinance::start(Scenario::read_only());
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(0);
    assert!(mock.rejections().is_empty(), "{:?}", mock.rejections());
    assert_eq!(category_findings(&j, "api-key"), vec!["BA-API-005"]);
}

#[test]
fn dangerous_key_raises_each_expected_finding() {
    let mock = MockBinance::start(Scenario::dangerous().key(Key::Ed25519));
    let r = run(
        &mock,
        Creds::PemFile("ed25519-rfc8032-test1.pem"),
        &["--format", "json", "--fail-on", "high"],
    );
    r.code(1);
    let j = r.json();
    assert!(mock.rejections().is_empty(), "{:?}", mock.rejections());
    let ids = finding_ids(&j);
    for id in [
        "BA-API-001",
        "BA-API-002",
        "BA-API-003",
        "BA-API-004",
        "BA-ACC-001",
        "BA-ACC-002",
        "BA-ACC-003",
        "BA-WDR-001",
        "BA-WDR-002",
        "BA-WDR-003",
    ] {
        assert!(ids.contains(&id.to_string()), "{id} missing from {ids:?}");
    }
    assert_eq!(finding(&j, "BA-API-001")["severity"], "critical");
    let perms = finding(&j, "BA-API-003")["evidence"].to_string();
    for p in [
        "enableFutures",
        "enableFixApiTrade",
        "permitsUniversalTransfer",
        "enableBrandNewPermission",
    ] {
        assert!(perms.contains(p), "{p} not in {perms}");
    }
    assert!(
        !perms.contains("enableFixReadOnly"),
        "reading over FIX is not trading: {perms}"
    );
    assert!(
        finding(&j, "BA-ACC-001")["evidence"]
            .to_string()
            .contains("Restricted: withdrawals paused for review")
    );
    assert!(
        finding(&j, "BA-WDR-001")["evidence"]
            .to_string()
            .contains("1250.5")
    );
    assert!(
        finding(&j, "BA-API-004")["evidence"]
            .to_string()
            .contains("api.key_age_days = 400")
    );
    let listed = finding(&j, "BA-WDR-003")["evidence"].to_string();
    assert!(
        listed.contains("friend") && listed.contains("0x0000…0001") && listed.contains("ETH"),
        "{listed}"
    );
    assert!(
        !r.all()
            .contains("0x0000000000000000000000000000000000000001"),
        "full address printed"
    );
    assert_eq!(finding(&j, "BA-API-001")["source"], "observed");
    // The address book for baselines: agreed keys, shortened, fingerprinted.
    let book = fact(&j, "withdrawal.addresses")["value"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(book.len(), 2);
    assert_eq!(book[0]["fingerprint"].as_str().unwrap().len(), 16);
    assert_eq!(book[0]["white"], false);
}

#[test]
fn text_report_shows_findings_and_no_secret() {
    let mock = MockBinance::start(Scenario::dangerous());
    // The network log is a detail: shown with -v.
    let r = run(&mock, Creds::Hmac(mb::SECRET), &["-v"]);
    r.code(0);
    assert!(r.stdout.contains("BA-API-001"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Network requests made (9)"),
        "{}",
        r.stdout
    );
}

#[test]
fn wrong_secret_is_a_signature_error_with_guidance() {
    let mock = MockBinance::start(Scenario::read_only());
    let (r, j) = json_run(
        &mock,
        Creds::Hmac("WrongSecretWrongSecretWrongSecretWrongSecretWrongSecret000000000"),
    );
    r.code(3);
    let rej = mock.rejections();
    assert_eq!(rej.len(), 8, "{rej:?}");
    assert!(rej.iter().all(|x| x.code == -1022));
    let checks = api_checks(&j);
    assert_eq!(checks.len(), 1, "one line for one cause: {checks:?}");
    assert_eq!(checks[0]["state"], "failed");
    assert!(checks[0]["detail"].as_str().unwrap().contains("-1022"));
    assert_eq!(fact(&j, "api.ip_restrict")["source"], "not_checked");
    assert!(r.all().contains("does not belong to this API key"));
}

#[test]
fn rejected_key_explains_the_three_causes() {
    let mock = MockBinance::start(Scenario::read_only().respond_signed(mb::error(
        401,
        -2015,
        "Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7",
    )));
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(3);
    let detail = api_checks(&j)[0]["detail"].as_str().unwrap().to_string();
    for part in [
        "-2015",
        "do not belong together",
        "allow-list",
        "which is good",
        "203.0.113.7",
        "Enable Reading",
    ] {
        assert!(detail.contains(part), "{part} not in {detail}");
    }
    assert_eq!(api_checks(&j).len(), 1);
    // The rules depending on the key are "not checked", not passed.
    let nc = j["not_checked"].to_string();
    assert!(
        nc.contains("BA-API-001") && nc.contains("BA-ACC-003"),
        "{nc}"
    );
    assert!(!j["passed"].to_string().contains("BA-API-001"));
    // A rejected key is not retried.
    assert_eq!(mock.requests_to(mb::RESTRICTIONS), 1);
}

#[test]
fn unknown_key_says_deleted_or_expired() {
    let mock = MockBinance::start(Scenario::read_only().respond_signed(mb::error(
        400,
        -2008,
        "Invalid Api-Key ID.",
    )));
    let r = run(&mock, Creds::Hmac(mb::SECRET), &[]);
    r.code(3);
    assert!(r.stdout.contains("deleted or expired"), "{}", r.stdout);
}

#[test]
fn clock_skew_is_corrected_and_reported() {
    for skew in [5_000i64, -4_000] {
        let mock = MockBinance::start(Scenario::read_only().key(Key::Ed25519).skew(skew));
        let (r, j) = json_run(&mock, Creds::PemFile("ed25519-rfc8032-test1.pem"));
        r.code(0);
        // Signed with the local clock first: a -1021 is answered by one
        // clock reading and one more signature, nothing else.
        assert!(
            mock.rejections().iter().all(|x| x.code == -1021),
            "skew {skew}: {:?}",
            mock.rejections()
        );
        assert_eq!(mock.requests_to(mb::TIME), 1);
        for p in mb::SIGNED_PATHS {
            assert!(mock.requests_to(p) <= 2, "{p}");
        }
        let measured = fact(&j, "env.clock_skew_ms")["value"].as_i64().unwrap();
        assert!(
            (measured + skew).abs() < 500,
            "skew {skew} measured as {measured}"
        );
        assert_eq!(finding(&j, "BA-ENV-001")["category"], "environment");
    }
}

#[test]
fn clock_that_cannot_be_read_ends_in_a_clock_error() {
    let mock = MockBinance::start(
        Scenario::read_only()
            .skew(10_000)
            .respond(mb::TIME, Reply::text(503, "unavailable")),
    );
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(3);
    assert_eq!(mock.requests_to(mb::TIME), 3, "bounded retries");
    assert!(mock.rejections().iter().all(|x| x.code == -1021));
    assert_eq!(fact(&j, "env.clock_skew_ms")["source"], "not_checked");
    let checks = api_checks(&j)
        .iter()
        .map(|c| c["detail"].to_string())
        .collect::<String>();
    assert!(
        checks.contains("-1021") && checks.contains("NTP"),
        "{checks}"
    );
}

#[test]
fn rate_limit_stops_that_endpoint_and_honours_retry_after() {
    let mock = MockBinance::start(Scenario::read_only().respond(
        mb::QUOTA,
        mb::error(429, -1003, "Too many requests.").with_header("Retry-After", "30"),
    ));
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(3);
    assert_eq!(mock.requests_to(mb::QUOTA), 1, "a 429 must not be retried");
    let detail = api_checks(&j)[0]["detail"].as_str().unwrap().to_string();
    assert!(
        detail.contains("429") && detail.contains("30 s") && detail.contains(mb::QUOTA),
        "{detail}"
    );
    assert_eq!(
        fact(&j, "withdrawal.used_quota_usd")["source"],
        "not_checked"
    );
    assert_eq!(fact(&j, "api.ip_restrict")["source"], "observed");
}

#[test]
fn ip_ban_stops_every_call() {
    // A banned IP is banned on every endpoint.
    let ban = mb::error(
        418,
        -1003,
        "Way too many requests; IP banned until 1764032400000.",
    )
    .with_header("Retry-After", "120");
    let mock = MockBinance::start(
        Scenario::read_only()
            .respond(mb::TIME, ban.clone())
            .respond_signed(ban),
    );
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(3);
    // The clock is read alongside the first signed calls, so those left
    // before the 418 came back (one each, the clock included); nothing is
    // sent after it, nothing retried.
    assert!(mock.requests().len() <= mb::SIGNED_PATHS.len() + 1);
    for p in mb::SIGNED_PATHS {
        assert!(mock.requests_to(p) <= 1, "{p} retried after a ban");
    }
    let detail = api_checks(&j)[0]["detail"].as_str().unwrap().to_string();
    assert!(
        detail.contains("418") && detail.contains("120 s"),
        "{detail}"
    );
    assert_eq!(fact(&j, "account.can_withdraw")["source"], "not_checked");
}

#[test]
fn server_errors_are_retried_a_bounded_number_of_times() {
    let mock = MockBinance::start(
        Scenario::read_only().respond(mb::INFO, Reply::text(500, "Internal Server Error")),
    );
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(3);
    assert_eq!(mock.requests_to(mb::INFO), 3);
    assert!(
        api_checks(&j)[0]["detail"]
            .as_str()
            .unwrap()
            .contains("HTTP 500")
    );

    // One 500, then an answer: the retry recovers and the run is complete.
    let info = r#"{"vipLevel": 0, "isMarginEnabled": false, "isFutureEnabled": false, "isOptionsEnabled": false}"#;
    let mock = MockBinance::start(Scenario::read_only().respond_seq(
        mb::INFO,
        vec![Reply::text(502, "Bad Gateway"), Reply::json(200, info)],
    ));
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(0);
    assert_eq!(mock.requests_to(mb::INFO), 2);
    assert_eq!(fact(&j, "account.futures_enabled")["value"], false);
}

#[test]
fn truncated_json_is_not_checked_not_a_pass() {
    let mock = MockBinance::start(Scenario::read_only().respond(
        mb::RESTRICTIONS,
        Reply::json(
            200,
            r#"{"ipRestrict": true, "createTime": 1761955200000, "enableWithd"#,
        ),
    ));
    let (r, j) = json_run(&mock, Creds::Hmac(mb::SECRET));
    r.code(3);
    let detail = api_checks(&j)[0]["detail"].as_str().unwrap().to_string();
    assert!(
        detail.contains("cut off") && detail.contains(mb::RESTRICTIONS),
        "{detail}"
    );
    assert_eq!(fact(&j, "api.enable_withdrawals")["source"], "not_checked");
    assert!(j["not_checked"].to_string().contains("BA-API-001"));
    assert_eq!(fact(&j, "account.status")["value"], "Normal");
}

#[test]
fn a_hang_past_the_timeout_is_bounded() {
    let mock = MockBinance::start(Scenario::read_only().respond(
        mb::ACCOUNT,
        Reply::json(200, "{}").delayed(Duration::from_secs(30)),
    ));
    let r = run(
        &mock,
        Creds::Hmac(mb::SECRET),
        &["--format", "json", "--timeout", "1"],
    );
    r.code(3);
    assert!(r.elapsed < Duration::from_secs(15), "took {:?}", r.elapsed);
    assert_eq!(mock.requests_to(mb::ACCOUNT), 2);
    let j = r.json();
    let detail = api_checks(&j)[0]["detail"].as_str().unwrap().to_string();
    assert!(detail.contains("within 1 s"), "{detail}");
    assert_eq!(fact(&j, "account.can_withdraw")["source"], "not_checked");
}

#[test]
fn no_key_means_skipped_and_no_request() {
    let mock = MockBinance::start(Scenario::read_only());
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .online()
        .args(["--api-url", &mock.url(), "--format", "json"])
        .run();
    out.code(0);
    let j = out.json();
    assert_eq!(api_checks(&j)[0]["state"], "skipped");
    assert!(mock.requests().is_empty());
}

#[test]
fn offline_with_a_key_sends_nothing() {
    let mock = MockBinance::start(Scenario::read_only());
    let r = run(
        &mock,
        Creds::Hmac(mb::SECRET),
        &["--offline", "--format", "json"],
    );
    r.code(0);
    assert!(mock.requests().is_empty());
    assert_eq!(api_checks(&r.json())[0]["state"], "skipped");
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["--api-url", "http://api.binance.com"])
        .run();
    out.code(2);
    assert!(out.stderr.as_str().contains("plain http"));
}

#[cfg(unix)]
#[test]
fn private_key_readable_by_others_is_warned_like_ssh() {
    let mock = MockBinance::start(Scenario::read_only().key(Key::Ed25519));
    let home = tempfile::tempdir().unwrap();
    let key = private_copy(home.path(), "ed25519-rfc8032-test1.pem", 0o644);
    let out = Run::new()
        .home(home.path())
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_PRIVATE_KEY_FILE", &key)
        .args(["--api-url", &mock.url(), "--format", "json"])
        .run();
    let j = out.json();
    assert_eq!(finding(&j, "BA-ENV-002")["severity"], "high");
    let warnings = j["warnings"].to_string();
    assert!(
        warnings.contains("chmod 600") && warnings.contains("ed25519-rfc8032-test1.pem"),
        "{warnings}"
    );
    assert!(!out.stdout.as_str().contains(mb::ED25519_PEM_BODY));
    let sent = mock.requests().len();

    // --strict refuses to use a key others can read, before any request.
    let out = Run::new()
        .home(home.path())
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_PRIVATE_KEY_FILE", &key)
        .args(["--api-url", &mock.url(), "--strict"])
        .run();
    out.code(2);
    assert!(out.stderr.as_str().contains("chmod 600"));
    assert_eq!(mock.requests().len(), sent);
}

#[test]
fn bad_credentials_are_one_clear_line_and_exit_3() {
    let mock = MockBinance::start(Scenario::read_only());
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env(
            "BINANCE_API_PRIVATE_KEY_FILE",
            home.path().join("missing.pem"),
        )
        .args(["--api-url", &mock.url(), "--format", "json"])
        .run();
    out.code(3);
    let j = out.json();
    let d = api_checks(&j)[0]["detail"].as_str().unwrap().to_string();
    assert!(
        d.contains("BINANCE_API_PRIVATE_KEY_FILE") && d.contains("cannot read"),
        "{d}"
    );
    assert!(mock.requests().is_empty());
}

fn write_config(home: &Path, text: &str) -> PathBuf {
    write_private(home.join("config.toml"), text)
}

#[test]
fn all_profiles_audits_each_account_in_its_own_section() {
    let safe = MockBinance::start(Scenario::read_only());
    let risky = MockBinance::start(Scenario::dangerous().key(Key::Ed25519));
    let home = tempfile::tempdir().unwrap();
    let secret = home.path().join("secret");
    write_private(&secret, mb::SECRET);
    let pem = private_copy(home.path(), "ed25519-rfc8032-test1.pem", 0o600);
    let cfg = write_config(
        home.path(),
        &format!(
            "[binance]\napi_url = \"{}\"\napi_key = \"{}\"\nsecret_file = \"{}\"\n\n[profiles.bot]\napi_url = \"{}\"\napi_key = \"{}\"\nprivate_key_file = \"{}\"\n",
            safe.url(),
            mb::API_KEY,
            secret.display(),
            risky.url(),
            mb::API_KEY,
            pem.display()
        ),
    );
    let out = Run::new()
        .home(home.path())
        .online()
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "--all-profiles",
            "--format",
            "json",
            "--fail-on",
            "critical",
        ])
        .run();
    let stdout = out.stdout.as_str();
    out.code(1);
    let j = json(stdout);
    assert_eq!(j["schema_version"], 1);
    let profiles = j["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2);
    assert_eq!(profiles[0]["profile"], "default");
    assert_eq!(profiles[1]["profile"], "bot");
    assert!(category_findings(&profiles[0], "api-key") == vec!["BA-API-005"]);
    assert!(finding_ids(&profiles[1]).contains(&"BA-API-001".to_string()));
    // Each section lists only its own account's requests.
    assert!(
        profiles[0]["network"]
            .to_string()
            .contains(&safe.url().replace("http://", ""))
    );
    assert!(
        !profiles[0]["network"]
            .to_string()
            .contains(&risky.url().replace("http://", ""))
    );
    assert_eq!(safe.requests().len(), 9);
    assert_eq!(risky.requests().len(), 9);
    assert!(!stdout.contains(mb::SECRET) && !stdout.contains(mb::ED25519_PEM_BODY));

    // Text: one section per profile.
    let out = Run::new()
        .home(home.path())
        .online()
        .args(["--config", cfg.to_str().unwrap(), "--all-profiles"])
        .run();
    let text = out.stdout.as_str();
    assert!(
        text.contains("[default]") && text.contains("[bot]"),
        "{text}"
    );

    // --profile picks one; an unknown name is a usage error.
    let out = Run::new()
        .home(home.path())
        .online()
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "--profile",
            "bot",
            "--format",
            "json",
        ])
        .run();
    let j = out.json();
    assert_eq!(j["profile"], "bot");
    let out = Run::new()
        .home(home.path())
        .online()
        .args(["--config", cfg.to_str().unwrap(), "--profile", "nope"])
        .run();
    out.code(2);
    assert!(out.stderr.as_str().contains("known: bot"));
}

/// A retried request is one line of the network section, with its tries.
#[test]
fn retried_requests_are_listed_once_with_their_tries() {
    let mock = MockBinance::start(
        Scenario::read_only().respond(mb::STATUS, Reply::json(503, r#"{"code":-1001,"msg":"x"}"#)),
    );
    let r = run(&mock, Creds::Hmac(mb::SECRET), &["--format", "json"]);
    assert_eq!(mock.requests_to(mb::STATUS), 3, "{}", r.all());
    let j = r.json();
    let lines: Vec<&Value> = j["network"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["path"].as_str().unwrap().starts_with(mb::STATUS))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["tries"], 3);
    // The network log is a detail of the text report: -v.
    let text = run(&mock, Creds::Hmac(mb::SECRET), &["-v"]).stdout;
    assert!(text.contains("(3 tries)"), "{text}");
}

/// An encrypted PKCS#8 key opens with its passphrase read from standard
/// input (`BINANCE_API_PRIVATE_KEY_PASSPHRASE_FILE=-`), never from argv.
#[test]
fn an_encrypted_key_opens_with_a_passphrase_on_stdin() {
    let mock = MockBinance::start(Scenario::read_only().key(Key::Ed25519));
    let home = tempfile::tempdir().unwrap();
    let pem = private_copy(home.path(), "ed25519-rfc8032-test1-encrypted.pem", 0o600);
    let run = |stdin: &str| {
        Run::new()
            .home(home.path())
            .online()
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_API_PRIVATE_KEY_FILE", &pem)
            .env("BINANCE_API_PRIVATE_KEY_PASSPHRASE_FILE", "-")
            .args(["--api-url", &mock.url(), "--format", "json"])
            .stdin(stdin)
            .run()
    };
    let out = run("correct-horse\n");
    out.code(0);
    let j: Value = out.json();
    let api = j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "binance-api")
        .unwrap();
    assert_eq!(api["state"], "ran", "{api}");
    assert!(mock.rejections().is_empty(), "{:?}", mock.rejections());
    // A wrong passphrase is an unusable key, said without quoting it.
    let out = run("wrong-horse\n");
    out.code(3);
    assert!(!out.stdout.contains("wrong-horse"));
    assert!(!out.stderr.contains("wrong-horse"));
}
