//! Canary tests: every command, every output format, normal runs and every
//! fault the tool handles, with a known password, API secret and private keys.
//! None of them — nor their hex or base64 forms — may appear in stdout,
//! stderr or any file the tool writes. The API key itself appears only masked.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::binance::{self as mb, Key, MockBinance, Scenario};
use crate::common::{MockServer, Outcome, Reply, Run, json, set_mode};
use base64::Engine;
use sha1::{Digest, Sha1};

const PASSWORD: &str = "Canary-Pw-7f3a9c!xQ";
const EMAIL_PASSWORD: &str = "Canary-Mail-5b1e2d?Z";

fn sha1_upper(s: &str) -> String {
    hex::encode_upper(Sha1::digest(s.as_bytes()))
}

/// Every form of every secret that must never be seen.
fn forbidden() -> Vec<String> {
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
    let mut out = Vec::new();
    for secret in [PASSWORD, EMAIL_PASSWORD, mb::SECRET] {
        out.push(secret.to_string());
        out.push(hex::encode(secret.as_bytes()));
        out.push(b64(secret));
    }
    for pw in [PASSWORD, EMAIL_PASSWORD] {
        let h = sha1_upper(pw);
        // The 5-character prefix is what k-anonymity sends; the rest never leaves.
        out.push(h[5..].to_string());
        out.push(h[5..].to_lowercase());
    }
    out.push(mb::API_KEY.to_string());
    out.push(mb::ED25519_PEM_BODY.to_string());
    out.push(mb::rsa_pem_body_line());
    out
}

fn scan(what: &str, text: &str) {
    for f in forbidden() {
        assert!(
            !text.contains(&f),
            "{what} leaks a secret ({:.6}…):\n{text}",
            f
        );
    }
}

/// Read every file under `dir` and scan it.
fn scan_dir(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .is_none_or(|x| x != "pem" && x != "secret" && x != "pw")
            {
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                scan(&p.display().to_string(), &text);
            }
        }
    }
}

fn hibp() -> MockServer {
    let planted = sha1_upper(PASSWORD);
    MockServer::start(move |r| {
        let prefix = r.path.trim_start_matches("/range/");
        let mut body = String::from("0000000000000000000000000000000000A:0\r\n");
        if planted.starts_with(prefix) {
            body.push_str(&format!("{}:42\r\n", &planted[5..]));
        }
        Reply::text(200, body)
    })
}

struct Env {
    home: tempfile::TempDir,
    hibp: MockServer,
}

impl Env {
    fn new() -> Env {
        let home = tempfile::tempdir().unwrap();
        std::fs::write(home.path().join("email.pw"), format!("{EMAIL_PASSWORD}\n")).unwrap();
        Env { home, hibp: hibp() }
    }

    fn path(&self) -> &Path {
        self.home.path()
    }

    fn key_file(&self, name: &str) -> PathBuf {
        let dest = self.path().join(name);
        std::fs::copy(mb::fixtures().join(name), &dest).unwrap();
        set_mode(&dest, 0o600);
        dest
    }

    /// Run with all credentials in the environment and scan everything it produced.
    fn run(&self, api: Option<&MockBinance>, key: &Key, args: &[&str], stdin: &str) -> Outcome {
        let cmd = Run::new()
            .home(self.path())
            .online()
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_AUDIT_HIBP_URL", self.hibp.url())
            .env("BINANCE_AUDIT_EMAIL_PASSWORD", EMAIL_PASSWORD)
            .env("BINANCE_AUDIT_PACE_MS", "1")
            .env("RUST_LOG", "trace")
            .env("RUST_BACKTRACE", "1");
        let cmd = match key {
            Key::Hmac(secret) => cmd.env("BINANCE_API_SECRET", secret),
            Key::Ed25519 => cmd.env(
                "BINANCE_API_PRIVATE_KEY_FILE",
                self.key_file("ed25519-rfc8032-test1.pem"),
            ),
            Key::Rsa => cmd.env(
                "BINANCE_API_PRIVATE_KEY_FILE",
                self.key_file("rsa-test-key.pem"),
            ),
        };
        let cmd = match api {
            Some(m) => cmd.env("BINANCE_API_URL", m.url()),
            None => cmd,
        };
        let out = cmd
            .args(args)
            .stdin(stdin)
            .timeout(Duration::from_secs(120))
            .run();
        let (stdout, stderr) = (&out.stdout, &out.stderr);
        let what = format!("`{}`", args.join(" "));
        scan(&format!("stdout of {what}"), stdout);
        scan(&format!("stderr of {what}"), stderr);
        assert!(!stderr.contains("panicked"), "{what} panicked: {stderr}");
        if let Some(m) = api {
            assert!(m.non_get().is_empty(), "non-GET request from {what}");
            for sig in m.signatures().into_iter().filter(|s| s.len() > 8) {
                assert!(
                    !stdout.contains(&sig) && !stderr.contains(&sig),
                    "{what} prints a signature"
                );
            }
        }
        scan_dir(self.path());
        out
    }
}

fn faults() -> Vec<(&'static str, Scenario)> {
    let all_signed = |r: Reply| Scenario::read_only().respond_signed(r);
    vec![
        ("normal", Scenario::read_only()),
        ("dangerous", Scenario::dangerous()),
        (
            "-2015",
            all_signed(mb::error(
                401,
                -2015,
                "Invalid API-key, IP, or permissions for action.",
            )),
        ),
        (
            "-1022",
            all_signed(mb::error(
                400,
                -1022,
                "Signature for this request is not valid.",
            )),
        ),
        (
            "429",
            all_signed(mb::error(429, -1003, "Too many requests").with_header("Retry-After", "1")),
        ),
        (
            "418",
            all_signed(
                mb::error(418, -1003, "Way too many requests; IP banned")
                    .with_header("Retry-After", "5"),
            ),
        ),
        ("500", all_signed(Reply::text(500, "<html>oops</html>"))),
        (
            "truncated",
            all_signed(Reply::json(200, "{\"ipRestrict\": tr")),
        ),
        ("skew", Scenario::read_only().skew(4_000)),
        (
            "timeout",
            all_signed(Reply::json(200, "{}").delayed(Duration::from_secs(4))),
        ),
    ]
}

#[test]
fn audit_in_every_format_under_every_fault_leaks_nothing() {
    let env = Env::new();
    for (name, scenario) in faults() {
        let mock = MockBinance::start(scenario);
        let key = Key::Hmac(mb::SECRET.into());
        let formats: &[&str] = if name == "timeout" {
            &["json"]
        } else {
            &["text", "json", "sarif", "markdown", "junit"]
        };
        for format in formats {
            let out = env.run(
                Some(&mock),
                &key,
                &[
                    "audit",
                    "--password-stdin",
                    "--format",
                    format,
                    "-v",
                    "--timeout",
                    "2",
                ],
                &format!("{PASSWORD}\n"),
            );
            assert!([0, 1, 3].contains(&out.code), "{name}/{format}: {out}");
            if (name == "normal" || name == "dangerous") && ["text", "json"].contains(format) {
                assert!(
                    out.all().contains("vmPU"),
                    "the masked key should be shown in {name}/{format}"
                );
            }
        }
        let report = env.path().join(format!("report-{name}.json"));
        env.run(
            Some(&mock),
            &key,
            &[
                "audit",
                "--password-stdin",
                "--format",
                "json",
                "--output",
                report.to_str().unwrap(),
                "--timeout",
                "2",
            ],
            &format!("{PASSWORD}\n"),
        );
        assert!(report.exists(), "{name}: report file written");
        if name == "normal" || name == "dangerous" {
            // Baselines and multi-format output files are scanned too (scan_dir in run).
            let base = env.path().join(format!("baseline-{name}.json"));
            let sarif = env.path().join(format!("r-{name}.sarif"));
            env.run(
                Some(&mock),
                &key,
                &[
                    "audit",
                    "--save-baseline",
                    base.to_str().unwrap(),
                    "--output",
                    &format!("sarif={}", sarif.display()),
                ],
                "",
            );
            assert!(
                base.exists() && sarif.exists(),
                "{name}: baseline and SARIF written"
            );
            env.run(
                Some(&mock),
                &key,
                &[
                    "audit",
                    "--baseline",
                    base.to_str().unwrap(),
                    "--format",
                    "markdown",
                ],
                "",
            );
        }
    }
}

#[test]
fn private_keys_never_leak() {
    let env = Env::new();
    for key in [Key::Ed25519, Key::Rsa] {
        for (name, scenario) in [
            ("normal", Scenario::read_only()),
            (
                "-2015",
                Scenario::read_only().respond_signed(mb::error(
                    401,
                    -2015,
                    "Invalid API-key, IP, or permissions for action.",
                )),
            ),
        ] {
            let mock = MockBinance::start(scenario.key(key.clone()));
            let out = env.run(Some(&mock), &key, &["audit", "--format", "json", "-v"], "");
            assert!([0, 1, 3].contains(&out.code), "{name}: {out}");
        }
    }
    // A PEM that is not a key must be refused without quoting it.
    let bad = env.path().join("bad.pem");
    std::fs::write(
        &bad,
        format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            mb::ED25519_PEM_BODY.replace('A', "B")
        ),
    )
    .unwrap();
    let out = Run::new()
        .home(env.path())
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_PRIVATE_KEY_FILE", &bad)
        .args(["--offline", "--format", "json"])
        .run();
    let text = out.all();
    assert!(
        !text.contains(&mb::ED25519_PEM_BODY.replace('A', "B")),
        "{text}"
    );
    scan("bad key run", &text);
}

#[test]
fn password_commands_leak_nothing() {
    let env = Env::new();
    let key = Key::Hmac(mb::SECRET.into());
    for format in ["text", "json"] {
        let out = env.run(
            None,
            &key,
            &["password", "--password-stdin", "--format", format, "-v"],
            &format!("{PASSWORD}\n"),
        );
        out.code(0);
        assert!(
            out.all().contains("42"),
            "the planted breach count is reported: {out}"
        );
    }
    let out = env.run(
        None,
        &key,
        &["password", "--stdin-list"],
        &format!("{PASSWORD}\n{EMAIL_PASSWORD}\n"),
    );
    assert!(
        out.all().contains("line 1") || out.all().contains("1"),
        "{out}"
    );
    // Bad input paths: too long, invalid UTF-8, a failing range server.
    env.run(
        None,
        &key,
        &["password", "--password-stdin"],
        &format!("{PASSWORD}{}\n", "x".repeat(300)),
    );
    let down = MockServer::start(|_| Reply::text(503, "down"));
    let out = env.run(
        None,
        &key,
        &["password", "--password-stdin", "--hibp-url", &down.url()],
        &format!("{PASSWORD}\n"),
    );
    out.code(3);
}

#[test]
fn other_commands_leak_nothing() {
    let env = Env::new();
    let key = Key::Hmac(mb::SECRET.into());
    let mock = MockBinance::start(Scenario::read_only());
    for args in [
        vec![
            "url",
            "https://binance.com.login-verify.example",
            "--format",
            "jsonl",
        ],
        vec!["status", "--format", "json"],
        vec!["status"],
        vec!["incident", "breach", "--format", "markdown"],
        vec!["rules", "list"],
        vec!["config", "path"],
    ] {
        env.run(Some(&mock), &key, &args, "");
    }
    env.run(
        Some(&mock),
        &key,
        &[
            "incident",
            "breach",
            "--mark",
            "change-password=done",
            "--log",
            env.path().join("log.json").to_str().unwrap(),
        ],
        "",
    );
    let out_dir = env.path().join("case");
    env.run(
        Some(&mock),
        &key,
        &[
            "incident",
            "breach",
            "--since",
            "2026-11-20T00:00Z",
            "--out",
            out_dir.to_str().unwrap(),
        ],
        "",
    );
    env.run(
        Some(&mock),
        &key,
        &[
            "setup",
            "--two-factor",
            "sms",
            "--anti-phishing-code",
            "no",
            "--withdrawal-whitelist",
            "no",
            "--devices-reviewed",
            "yes",
            "--email-two-factor",
            "yes",
            "--email-unique-password",
            "yes",
        ],
        "",
    );
    // A malformed config must not echo secrets either.
    let cfg = env.path().join("bad.toml");
    std::fs::write(
        &cfg,
        format!("[binance]\napi_secret = \"{}\"\n", mb::SECRET),
    )
    .unwrap();
    let out = Run::new()
        .home(env.path())
        .online()
        .args(["--offline", "--config", cfg.to_str().unwrap()])
        .run();
    out.code(2);
    scan("malformed config error", &out.stderr);
}

#[test]
fn offline_opens_no_connection_at_all() {
    let env = Env::new();
    let mock = MockBinance::start(Scenario::read_only());
    let key = Key::Hmac(mb::SECRET.into());
    for args in [
        vec!["audit", "--offline", "--password-stdin", "--format", "json"],
        vec!["password", "--offline", "--password-stdin"],
        vec!["status", "--offline"],
    ] {
        let cmd = Run::new()
            .home(env.path())
            .online()
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_API_SECRET", mb::SECRET)
            .env("BINANCE_API_URL", mock.url())
            .env("BINANCE_AUDIT_HIBP_URL", env.hibp.url())
            // An unroutable proxy: any attempt to connect anywhere would hang or fail loudly.
            .env("HTTPS_PROXY", "http://192.0.2.1:9")
            .env("HTTP_PROXY", "http://192.0.2.1:9")
            .env("ALL_PROXY", "http://192.0.2.1:9");
        let out = cmd.args(&args).stdin(format!("{PASSWORD}\n")).run();
        let text = out.stdout.as_str();
        assert!(text.contains("offline"), "{args:?}: {text}");
        if args[0] == "audit" {
            let v = json(text);
            assert_eq!(v["network"].as_array().unwrap().len(), 0);
        }
    }
    assert!(
        mock.requests().is_empty(),
        "Binance mock was contacted while offline"
    );
    assert!(
        env.hibp.requests().is_empty(),
        "range mock was contacted while offline"
    );
    let _ = key;
}

#[test]
fn network_section_shows_only_the_five_character_prefix() {
    let env = Env::new();
    let key = Key::Hmac(mb::SECRET.into());
    let out = env.run(
        None,
        &key,
        &["password", "--password-stdin", "--format", "json"],
        &format!("{PASSWORD}\n"),
    );
    let v = out.json();
    let prefix = &sha1_upper(PASSWORD)[..5];
    let paths: Vec<&str> = v["network"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&format!("/range/{prefix}").as_str()),
        "{paths:?}"
    );
    for n in v["network"].as_array().unwrap() {
        assert_eq!(n["method"], "GET");
    }
    for r in env.hibp.requests() {
        assert_eq!(r.path.len(), "/range/".len() + 5, "{}", r.path);
        assert!(r.query.is_empty() && r.body.is_empty());
    }
}

#[test]
fn plain_http_is_refused_for_remote_hosts_even_when_configured() {
    let env = Env::new();
    let cfg = env.path().join("c.toml");
    std::fs::write(&cfg, "[binance]\napi_url = \"http://api.binance.com\"\n[hibp]\nurl = \"http://api.pwnedpasswords.com\"\n").unwrap();
    set_mode(&cfg, 0o600);
    for args in [vec!["audit"], vec!["password", "--password-stdin"]] {
        let out = Run::new()
            .home(env.path())
            .online()
            .env("BINANCE_API_KEY", mb::API_KEY)
            .env("BINANCE_API_SECRET", mb::SECRET)
            .args(["--config", cfg.to_str().unwrap()])
            .args(&args)
            .stdin(format!("{PASSWORD}\n"))
            .run();
        out.code(2);
        let err = out.stderr.as_str();
        assert!(err.contains("http"), "{err}");
    }
}
