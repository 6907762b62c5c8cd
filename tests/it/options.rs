//! One options model (issue 11): every audit option `binance-audit --help`
//! lists works the same before and after the `audit` subcommand — same exit
//! code, same stdout, same files written (timestamps aside) — or clap refuses
//! it with exit 2. A gate that silently does not run is the worst failure a
//! scheduled check can have, so "accepted and dropped" is what these catch.
//!
//! Each case runs twice in fresh folders, `OPT… audit REST…` and
//! `audit OPT… REST…`. The "after" form must also show the option's effect,
//! so a case cannot pass by both forms ignoring it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha1::{Digest, Sha1};

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{MockServer, Outcome, Recorded, Reply, Run, write_private};

const WEAK: &str = "abc123\n";
const STRONG: &str = "correct-horse-battery-staple-9Q!x\n";

/// What a run did, with everything that differs between two honest runs
/// (timestamps, the temporary folder) replaced.
#[derive(Debug, PartialEq)]
struct Seen {
    code: i32,
    stdout: String,
    files: BTreeMap<String, String>,
}

/// `2026-11-25T09:30:00Z`, `2026-11-25T09:30:00.123+00:00`, … → `[time]`.
fn without_times(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let digits = |from: usize, n: usize| {
        from + n <= b.len() && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    while i < b.len() {
        let is_time = digits(i, 4)
            && b.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && b.get(i + 7) == Some(&b'-')
            && digits(i + 8, 2)
            && matches!(b.get(i + 10), Some(b'T' | b' '))
            && digits(i + 11, 2)
            && b.get(i + 13) == Some(&b':');
        if is_time {
            let mut j = i + 14;
            while j < b.len() && (b[j].is_ascii_digit() || b":.+-Z".contains(&b[j])) {
                j += 1;
            }
            out.push_str("[time]");
            i = j;
        } else {
            let ch = s[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The measured clock skew (`clock +6 ms vs Binance`, the
/// `env.clock_skew_ms` fact) is a few milliseconds of local latency that
/// differs between two honest runs → `[skew]`.
fn without_clock_skew(s: &str) -> String {
    fn skip_number(rest: &str) -> Option<usize> {
        let signed = rest.strip_prefix(['+', '-']).unwrap_or(rest);
        let digits = signed.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0).then_some(rest.len() - signed.len() + digits)
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let text = rest.find("clock ").map(|i| (i, i + "clock ".len()));
        let fact = rest.find("\"env.clock_skew_ms\"").and_then(|i| {
            let v = rest[i..].find("\"value\": ")? + i + "\"value\": ".len();
            Some((i, v))
        });
        let next = match (text, fact) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        let Some((_, at)) = next else { break };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(n) = skip_number(rest) {
            out.push_str("[skew]");
            rest = &rest[n..];
        }
    }
    out.push_str(rest);
    out
}

struct Case {
    name: &'static str,
    /// The option under test, moved across `audit`.
    opt: Vec<String>,
    /// Everything else, always after `audit`.
    rest: Vec<String>,
    stdin: Option<&'static str>,
    /// Files the case creates in its folder before each run.
    setup: fn(&Path),
    env: Vec<(String, String)>,
    online: bool,
    /// The exit code of the `audit OPT…` form.
    expect: i32,
    /// Something the `audit OPT…` form must print or write (the effect).
    effect: &'static str,
}

impl Case {
    fn new(name: &'static str, opt: &[&str]) -> Case {
        Case {
            name,
            opt: opt.iter().map(|s| s.to_string()).collect(),
            rest: Vec::new(),
            stdin: None,
            setup: |_| {},
            env: Vec::new(),
            online: false,
            expect: 0,
            effect: "",
        }
    }

    fn rest(mut self, rest: &[&str]) -> Case {
        self.rest = rest.iter().map(|s| s.to_string()).collect();
        self
    }

    fn stdin(mut self, s: &'static str) -> Case {
        self.stdin = Some(s);
        self
    }

    fn setup(mut self, f: fn(&Path)) -> Case {
        self.setup = f;
        self
    }

    fn env(mut self, k: &str, v: impl Into<String>) -> Case {
        self.env.push((k.into(), v.into()));
        self
    }

    fn online(mut self) -> Case {
        self.online = true;
        self
    }

    fn expect(mut self, code: i32, effect: &'static str) -> Case {
        self.expect = code;
        self.effect = effect;
        self
    }

    fn run(&self, argv: Vec<String>) -> (Seen, Outcome) {
        let dir = tempfile::tempdir().unwrap();
        (self.setup)(dir.path());
        let before: Vec<PathBuf> = files_in(dir.path());
        let mut cmd = Run::new()
            .home(dir.path())
            .current_dir(dir.path())
            .args(&argv);
        if self.online {
            cmd = cmd.online();
        }
        for (k, v) in &self.env {
            cmd = cmd.env(k, v);
        }
        if let Some(s) = self.stdin {
            cmd = cmd.stdin(s);
        }
        let out = cmd.run();
        let root = dir.path().to_string_lossy().into_owned();
        let clean = |s: &str| without_clock_skew(&without_times(&s.replace(&root, "[dir]")));
        let files = files_in(dir.path())
            .into_iter()
            .filter(|p| !before.contains(p))
            .map(|p| {
                let name = p.strip_prefix(dir.path()).unwrap().display().to_string();
                let text = std::fs::read_to_string(&p).unwrap_or_else(|_| "[binary]".into());
                (name, clean(&text))
            })
            .collect();
        let seen = Seen {
            code: out.code,
            stdout: clean(&out.stdout),
            files,
        };
        (seen, out)
    }

    #[track_caller]
    fn check(&self) {
        let argv = |lead: &[String], tail: &[String]| -> Vec<String> {
            lead.iter().chain(tail).cloned().collect()
        };
        let audit = ["audit".to_string()];
        let (after, after_out) = self.run(argv(&audit, &argv(&self.opt, &self.rest)));
        assert_eq!(
            after.code,
            self.expect,
            "{}: `audit {}` itself\n{after_out}",
            self.name,
            self.opt.join(" ")
        );
        let shows_effect = |seen: &Seen| {
            seen.code == self.expect
                && format!("{}{:?}", seen.stdout, seen.files).contains(self.effect)
        };
        assert!(
            shows_effect(&after),
            "{}: `audit {}` shows no {:?}\n{after_out}\nfiles: {:?}",
            self.name,
            self.opt.join(" "),
            self.effect,
            after.files
        );
        // The effect must come from the option: without it, the same run
        // must not show it, or a dropped option would pass unnoticed.
        let (without, without_out) = self.run(argv(&audit, &self.rest));
        assert!(
            !shows_effect(&without),
            "{}: exit {} and {:?} even without {}: the case cannot tell a dropped option\n{without_out}",
            self.name,
            self.expect,
            self.effect,
            self.opt.join(" ")
        );

        // Bare `binance-audit OPT… REST…` is the audit too (and what the
        // refusal below advises).
        let (bare, bare_out) = self.run(argv(&self.opt, &self.rest));
        assert_eq!(
            bare,
            after,
            "{}: `{}` differs from `audit {}`\n--- bare\n{bare_out}\n--- after\n{after_out}",
            self.name,
            self.opt.join(" "),
            self.opt.join(" ")
        );

        let (before, before_out) = self.run(argv(&argv(&self.opt, &audit), &self.rest));
        if before.code == 2 {
            // Refused as a usage error: acceptable only if nothing ran and
            // the message names the option and where it belongs.
            let named = self.opt.iter().filter(|o| o.starts_with("--")).any(|o| {
                before_out.stderr.contains(o.as_str())
                    && before_out
                        .stderr
                        .contains(&format!("binance-audit audit {o}"))
            });
            assert!(
                named,
                "{}: exit 2 without naming where the option belongs\n{before_out}",
                self.name
            );
            assert!(
                before.stdout.is_empty() && before.files.is_empty(),
                "{}: refused, yet it printed or wrote a report\n{before_out}\nfiles: {:?}",
                self.name,
                before.files
            );
            return;
        }
        assert_eq!(
            before,
            after,
            "{}: `{} audit` differs from `audit {}`\n--- before\n{before_out}\n--- after\n{after_out}",
            self.name,
            self.opt.join(" "),
            self.opt.join(" ")
        );
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else {
                all.push(p);
            }
        }
    }
    all.sort();
    all
}

fn sha(s: &str) -> String {
    hex::encode_upper(Sha1::digest(s.as_bytes()))
}

/// A Pwned Passwords range server that has seen `pw` 4242 times. Like the
/// real one asked with `Add-Padding`, no range is ever empty: the binary
/// rightly refuses an empty range as malformed.
fn range_server(pw: &'static str) -> MockServer {
    MockServer::start(move |r: &Recorded| {
        let Some(prefix) = r.path.strip_prefix("/range/") else {
            return Reply::text(404, "");
        };
        let h = sha(pw.trim_end());
        let mut body = String::from("00000000000000000000000000000000000:0\r\n");
        if h.starts_with(prefix) {
            body.push_str(&format!("{}:4242\r\n", &h[5..]));
        }
        Reply::text(200, body)
    })
}

/// Where a dropped URL option would send the binary instead: answers 503, so
/// a dropped option shows up as a failed check, never as a real request.
fn decoy() -> MockServer {
    MockServer::start(|_| Reply::text(503, "decoy"))
}

fn baseline_of_strong_password(dir: &Path) {
    Run::new()
        .home(dir)
        .current_dir(dir)
        .args(["audit", "--password-stdin", "--save-baseline", "b.json"])
        .stdin(STRONG)
        .run()
        .code(0);
}

fn profiles_config(dir: &Path) {
    write_private(dir.join("secret"), mb::SECRET);
    write_private(
        dir.join("config.toml"),
        format!(
            "[binance]\napi_key = \"{k}\"\nsecret_file = \"{d}/secret\"\n\n[profiles.bot]\napi_key = \"{k}\"\nsecret_file = \"{d}/secret\"\n",
            k = mb::API_KEY,
            d = dir.display()
        ),
    );
}

#[test]
fn format_before_and_after_audit() {
    Case::new("--format", &["--format", "json"])
        .expect(0, "\"schema_version\"")
        .check();
}

#[test]
fn output_before_and_after_audit() {
    Case::new("--output", &["--output", "r.json"])
        .rest(&["--format", "json"])
        .expect(0, "r.json")
        .check();
    Case::new("--output FORMAT=", &["--output", "markdown=r.md"])
        .expect(0, "r.md")
        .check();
}

#[test]
fn fail_on_before_and_after_audit() {
    Case::new("--fail-on", &["--fail-on", "high"])
        .rest(&["--password-stdin"])
        .stdin(WEAK)
        .expect(1, "BA-PWD-001")
        .check();
}

#[test]
fn min_score_before_and_after_audit() {
    // setup's answers make a password-only run gradable: below the coverage
    // floor there is no score to compare and the gate says "could not look" (3).
    Case::new("--min-score", &["--min-score", "90"])
        .rest(&["--password-stdin"])
        .stdin(WEAK)
        .setup(crate::common::write_declared_config)
        .expect(1, "BA-PWD-001")
        .check();
}

#[test]
fn save_baseline_before_and_after_audit() {
    Case::new("--save-baseline", &["--save-baseline", "state.json"])
        .rest(&["--password-stdin"])
        .stdin(WEAK)
        .expect(0, "baseline_version")
        .check();
}

#[test]
fn baseline_and_fail_on_new_before_and_after_audit() {
    Case::new("--baseline", &["--baseline", "b.json"])
        .rest(&["--password-stdin", "--format", "json"])
        .stdin(WEAK)
        .setup(baseline_of_strong_password)
        .expect(0, "\"baseline\"")
        .check();
    Case::new("--fail-on-new", &["--baseline", "b.json", "--fail-on-new"])
        .rest(&["--password-stdin"])
        .stdin(WEAK)
        .setup(baseline_of_strong_password)
        .expect(1, "BA-PWD-001")
        .check();
}

#[test]
fn password_inputs_before_and_after_audit() {
    Case::new("--password-stdin", &["--password-stdin"])
        .stdin(WEAK)
        .expect(0, "CRITICAL BA-PWD-001")
        .check();
    Case::new("--password-file", &["--password-file", "pw.txt"])
        .setup(|d| {
            write_private(d.join("pw.txt"), WEAK);
        })
        .expect(0, "CRITICAL BA-PWD-001")
        .check();
}

#[test]
fn email_password_file_before_and_after_audit() {
    let srv = range_server("my-email-pass-2019");
    Case::new(
        "--email-password-file",
        &["--email-password-file", "epw.txt"],
    )
    .rest(&["--password-stdin", "--format", "json"])
    .stdin(STRONG)
    .setup(|d| {
        write_private(d.join("epw.txt"), "my-email-pass-2019\n");
    })
    .online()
    .env("BINANCE_AUDIT_HIBP_URL", srv.url())
    .expect(0, "breach.email_password_count = 4242")
    .check();
}

#[test]
fn hibp_url_before_and_after_audit() {
    let srv = range_server(WEAK);
    let dead = decoy();
    Case::new("--hibp-url", &["--hibp-url", &srv.url()])
        .rest(&["--password-stdin", "--format", "json"])
        .stdin(WEAK)
        .online()
        .env("BINANCE_AUDIT_HIBP_URL", dead.url())
        .expect(0, "4242")
        .check();
}

#[test]
fn hibp_file_before_and_after_audit() {
    Case::new("--hibp-file", &["--hibp-file", "pwned.txt"])
        .rest(&["--password-stdin", "--format", "json"])
        .stdin(WEAK)
        .setup(|d| {
            let mut lines: Vec<String> = (0..50)
                .map(|i| format!("{}:{}", sha(&format!("filler-{i}")), i + 1))
                .collect();
            lines.push(format!("{}:4242", sha(WEAK.trim_end())));
            lines.sort();
            std::fs::write(d.join("pwned.txt"), lines.join("\r\n") + "\r\n").unwrap();
        })
        .expect(0, "4242")
        .check();
}

#[test]
fn api_url_before_and_after_audit() {
    let mock = MockBinance::start(Scenario::read_only());
    let dead = decoy();
    Case::new("--api-url", &["--api-url", &mock.url()])
        .rest(&["--format", "json"])
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .env("BINANCE_API_URL", dead.url())
        .expect(0, "\"api.ip_restrict\"")
        .check();
}

#[test]
fn region_before_and_after_audit() {
    let mut sc = Scenario::read_only();
    for p in mb::SIGNED_PATHS.iter().filter(|p| p.starts_with("/sapi/")) {
        sc = sc.respond(p, Reply::text(404, "Not Found"));
    }
    let mock = MockBinance::start(sc);
    // Without --region the 404s are failures (exit 3), so the case can tell.
    Case::new("--region", &["--region", "jp"])
        .rest(&["--format", "json"])
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .env("BINANCE_API_URL", mock.url())
        .expect(0, "not offered by Binance Japan")
        .check();
}

#[test]
fn profile_and_all_profiles_before_and_after_audit() {
    Case::new("--profile", &["--profile", "bot"])
        .rest(&["--config", "config.toml", "--format", "json"])
        .setup(profiles_config)
        .expect(0, "\"profile\": \"bot\"")
        .check();
    Case::new("--all-profiles", &["--all-profiles"])
        .rest(&["--config", "config.toml", "--format", "json"])
        .setup(profiles_config)
        .expect(0, "\"profiles\"")
        .check();
}

/// The list above must cover what `--help` shows: a new audit option without
/// a position test fails here.
#[test]
fn every_audit_option_in_help_has_a_position_test() {
    let tested = [
        "--format",
        "--output",
        "--fail-on",
        "--min-score",
        "--save-baseline",
        "--baseline",
        "--fail-on-new",
        "--password-stdin",
        "--password-file",
        "--email-password-file",
        "--hibp-url",
        "--hibp-file",
        "--api-url",
        "--region",
        "--profile",
        "--all-profiles",
    ];
    // `global = true` options: clap accepts them on either side of any subcommand.
    let global = [
        "--config",
        "--lang",
        "--color",
        "--offline",
        "--timeout",
        "--verbose",
        "--quiet",
        "--strict",
        "--rules",
        "--help",
        "--version",
    ];
    let help = Run::new().args(["audit", "--help"]).run();
    help.code(0);
    let listed: Vec<&str> = help
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
        .map(|w| {
            let end = w[2..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .map_or(w.len(), |i| i + 2);
            &w[..end]
        })
        .collect();
    assert!(
        listed.contains(&"--fail-on"),
        "cannot read the help\n{help}"
    );
    for flag in listed {
        assert!(
            tested.contains(&flag) || global.contains(&flag),
            "`audit --help` lists {flag} but no test moves it across `audit`\n{help}"
        );
    }
}

#[test]
fn unknown_output_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(dir.path())
        .current_dir(dir.path())
        .args(["audit", "--output", "josn=r.json"])
        .run();
    out.code(2)
        .stderr_has("\"josn\" is not a report format")
        .stderr_has("./josn=r.json");
    assert!(
        out.stdout.is_empty(),
        "a refused run printed a report\n{out}"
    );
    assert!(
        files_in(dir.path()).is_empty(),
        "a refused run wrote {:?} (a file named after the typo?)",
        files_in(dir.path())
    );
}

/// A report that cannot be written is not a usage error: its own code (4).
#[test]
fn unwritable_output_is_not_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/dir/r.json");
    let out = Run::new()
        .home(dir.path())
        .args(["audit", "--output"])
        .arg(&target)
        .run();
    assert_ne!(out.code, 2, "a write failure is not a usage error\n{out}");
    out.code(4)
        .stderr_has("cannot write")
        .stderr_has(&target.display().to_string());
}

/// `BINANCE_API_PRIVATE_KEY_FILE=` (empty, as CI templates often leave it)
/// is unset: the HMAC secret is used, not "both are set".
#[test]
fn empty_private_key_file_variable_counts_as_unset() {
    let mock = MockBinance::start(Scenario::read_only());
    let out = Run::new()
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .env("BINANCE_API_PRIVATE_KEY_FILE", "")
        .args(["audit", "--api-url", &mock.url(), "--format", "json"])
        .run();
    out.code(0);
    let j = out.json();
    assert_eq!(
        crate::common::report::api_checks(&j)[0]["state"],
        "ran",
        "{out}"
    );
    // Signed with the HMAC secret: the clock and every signed endpoint, once.
    assert_eq!(mock.requests_to(mb::TIME), 1, "{out}");
    for p in mb::SIGNED_PATHS {
        assert_eq!(mock.requests_to(p), 1, "{p}\n{out}");
    }
    assert_eq!(mock.requests().len(), mb::SIGNED_PATHS.len() + 1, "{out}");
}

/// The masks hide only what differs between honest runs.
#[test]
fn masks_hide_times_and_skew_only() {
    assert_eq!(
        without_times("at 2026-11-25T09:30:00.123+00:00, score 85"),
        "at [time], score 85"
    );
    assert_eq!(
        without_clock_skew(
            "7 of 7 endpoints read; clock -3 ms vs Binance\n\"name\": \"env.clock_skew_ms\",\n \"source\": \"observed\",\n \"value\": 6\n},{\"value\": 7"
        ),
        "7 of 7 endpoints read; clock [skew] ms vs Binance\n\"name\": \"env.clock_skew_ms\",\n \"source\": \"observed\",\n \"value\": [skew]\n},{\"value\": 7"
    );
    assert_eq!(without_clock_skew("clock check"), "clock check");
}
