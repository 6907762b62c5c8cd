//! Every command and format this test owns, run with `--lang ja` in the
//! states a user can reach (nothing configured, a full audit, failures), must
//! not print a run of three or more English words outside the exceptions
//! (identifiers, commands, URLs, quoted outside text, proper names).
//!
//! The counting is the one `english-runs` (the project's review tool) does,
//! reimplemented here so CI does not depend on it. `JA_DUMP_DIR=dir` writes
//! each run's output there, to compare with that tool.

use std::path::Path;

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{MockServer, Recorded, Reply};
use regex::Regex;

/// Names that are English on Binance's Japanese pages too.
const PROPER: &[&str] = &[
    "Have I Been Pwned",
    "Pwned Passwords",
    "Google Authenticator",
    "Binance Authenticator",
    "Binance Verify",
    "Trust Wallet",
    "Binance Academy",
    "Binance Square",
    "Binance Japan",
    "BNB Chain",
    "Binance.US",
    "Enable Reading",
    "Enable Withdrawals",
    "Enable Spot & Margin Trading",
    "Self-generated",
    "System generated",
    "GitHub Actions",
    "GitHub code scanning",
    "Microsoft Authenticator",
    "YubiKey",
    "binance-audit",
];

/// What is not counted: URLs, addresses, `code`, quoted outside text,
/// command lines, camelCase and UPPER identifiers, flags, variables, rule
/// ids, hosts and dotted names, paths, key=value evidence.
const STRIP: &[&str] = &[
    r"https?://\S+",
    r"\b[\w.+-]+@[\w-]+\.[\w.-]+",
    r"`[^`]*`",
    r#""[^"]*""#,
    r"“[^”]*”",
    r"「[A-Za-z][^」]*」",
    r"(?m)^\s*(\$ )?binance-audit\b.*$",
    r"(?m)^\s*(export |umask |openssl |chmod |printf |echo |pass |cat ).*$",
    r"(?m)\b(openssl|umask|chmod|export) .*$",
    r"\b[a-z]+[A-Z]\w*\b",
    r"--?[A-Za-z][\w-]*(=\S+)?",
    r"\$[A-Z_][A-Z0-9_]*",
    r"\b[A-Z][A-Z0-9_]{2,}\b",
    r"\bBA-[A-Z0-9]+-\d+\b",
    r"\b[\w-]+(\.[\w-]+)+\b",
    r"(~|\.)?/[\w./-]+",
    r"\b[\w.]+\s*=\s*\S+",
    r"\b\w+\(\d+\)",
];

/// Runs of three or more English words left in `text`.
pub(crate) fn english_runs(text: &str) -> Vec<String> {
    let mut t = text.to_string();
    for p in PROPER {
        t = t.replace(p, " ");
    }
    for r in STRIP {
        t = Regex::new(r).unwrap().replace_all(&t, " ").into_owned();
    }
    let run = Regex::new(r"[A-Za-z][A-Za-z']+(?:[ ,;:/-]+[A-Za-z][A-Za-z']*){2,}").unwrap();
    t.lines()
        .flat_map(|l| run.find_iter(l).map(|m| m.as_str().to_string()))
        .collect()
}

#[test]
fn the_counter_counts_what_the_review_tool_counts() {
    assert_eq!(english_runs("no API key was given"), ["no   key was given"]);
    assert_eq!(
        english_runs("APIキーがありません (BINANCE_API_KEY)"),
        Vec::<String>::new()
    );
    assert!(english_runs("`binance-audit setup --two-factor a,b` を実行").is_empty());
    assert!(english_runs("「Signature for this request is not valid.」").is_empty());
    assert!(english_runs("see https://www.binance.com/en/support/faq/abc と").is_empty());
    assert_eq!(english_runs("x: the quick fox").len(), 1);
    // Two words are a name or a label, not a sentence.
    assert!(english_runs("Google 認証 Enable Reading と two words").is_empty());
}

struct Run {
    name: String,
    code: i32,
    out: String,
}

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str, body: &str) -> String {
        let p = self.path().join(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(&p, body).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        p.to_str().unwrap().to_string()
    }
}

/// Runs the binary in Japanese; `env` adds variables, `stdin` feeds input.
/// Written files (reports, tickets) are read back into the output.
fn run(
    home: &Home,
    name: &str,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Option<&str>,
    files: &[&str],
) -> Run {
    // Online: the cases that want no network pass --offline themselves.
    let mut cmd = crate::common::Run::new()
        .home(home.path())
        .current_dir(home.path())
        .online()
        .arg("--lang")
        .arg("ja")
        .args(args);
    for (k, v) in env {
        cmd = cmd.env(k, v);
    }
    if let Some(s) = stdin {
        cmd = cmd.stdin(s.as_bytes().to_vec());
    }
    let o = cmd.run();
    let mut out = format!("{}{}", o.stdout, o.stderr);
    for f in files {
        out.push_str(&std::fs::read_to_string(home.path().join(f)).unwrap_or_default());
    }
    Run {
        name: name.to_string(),
        code: o.code,
        out,
    }
}

fn hibp() -> MockServer {
    MockServer::start(|r: &Recorded| match r.path.strip_prefix("/range/") {
        // Every password is "seen" 3 times, so the breach finding shows.
        Some(_) => Reply::text(
            200,
            (0..50)
                .map(|i| format!("{:035X}:{}", i, 3))
                .collect::<Vec<_>>()
                .join("\r\n"),
        ),
        None => Reply::text(404, ""),
    })
}

const FORMATS: &[&str] = &["text", "json", "markdown", "junit"];

fn all_runs() -> Vec<Run> {
    let mut runs = Vec::new();
    let offline = &["--offline"][..];

    // Nothing configured, offline, no password: every format.
    let h = Home::new();
    for f in FORMATS {
        runs.push(run(
            &h,
            &format!("audit-empty-{f}"),
            &[offline, &["--format", f, "-v"]].concat(),
            &[],
            None,
            &[],
        ));
    }

    // Declared answers and a weak password, offline: a full text report.
    let h = Home::new();
    crate::common::write_declared_config(h.path());
    let pw = h.file("pw.txt", "password1\n");
    for f in FORMATS {
        runs.push(run(
            &h,
            &format!("audit-declared-{f}"),
            &["--offline", "--password-file", &pw, "--format", f, "-v"],
            &[],
            None,
            &[],
        ));
    }
    runs.push(run(
        &h,
        "password-offline",
        &["password", "--offline", "--password-file", &pw, "-v"],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "password-missing-file",
        &["password", "--password-file", "/nonexistent/pw.txt"],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "audit-missing-password-file",
        &["--offline", "--password-file", "/nonexistent/pw.txt"],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "password-none",
        &["password", "--offline"],
        &[],
        None,
        &[],
    ));

    // Breach lookups against a mock range server.
    let server = hibp();
    let url = server.url();
    runs.push(run(
        &h,
        "password-breach",
        &["password", "--password-file", &pw, "--hibp-url", &url, "-v"],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "password-stdin-list",
        &["password", "--stdin-list", "--hibp-url", &url],
        &[],
        Some("password1\ncorrect horse battery staple\n"),
        &[],
    ));
    runs.push(run(
        &h,
        "password-breach-unreachable",
        &[
            "password",
            "--password-file",
            &pw,
            "--hibp-url",
            "http://127.0.0.1:1",
            "--timeout",
            "2",
        ],
        &[],
        None,
        &[],
    ));

    // A bad config file.
    let bad = Home::new();
    let cfg = bad.file("bad.toml", "lang = \"ja\"\n[declared\n");
    runs.push(run(
        &bad,
        "audit-bad-config",
        &["--config", &cfg],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &bad,
        "status-bad-config",
        &["status", "--offline", "--config", &cfg],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &bad,
        "missing-config",
        &["--config", "/nonexistent/c.toml"],
        &[],
        None,
        &[],
    ));
    // Every shape of config mistake the parser words differently, broken
    // baselines, and base URLs that are refused.
    for (i, body) in [
        "lang = 5\n",
        "lang = \"fr\"\n",
        "[user]\nemail = 1\n",
        "[user]\nemail = \"a\"\nemail = \"b\"\n",
        "lang = ja\n",
        "lang \"ja\"\n",
        "[[waiver]]\nreason = \"x\"\n",
        "[policy]\nmin_score = 1\n",
        "[declared]\nnot_sure = [\"nope\"]\n",
        "[binance]\napi_secret = \"x\"\n",
    ]
    .iter()
    .enumerate()
    {
        let cfg = bad.file(&format!("bad{i}.toml"), body);
        runs.push(run(
            &bad,
            &format!("config-mistake-{i}"),
            &["--offline", "--config", &cfg],
            &[],
            None,
            &[],
        ));
    }
    for (i, body) in ["{\"x\":1}", "garbage", "[", "{\"baseline_version\":99}"]
        .iter()
        .enumerate()
    {
        let b = bad.file(&format!("baseline{i}.json"), body);
        runs.push(run(
            &bad,
            &format!("baseline-broken-{i}"),
            &["--offline", "--baseline", &b],
            &[],
            None,
            &[],
        ));
    }
    for (i, url) in [
        "http://example.com",
        "ftp://x",
        "https://u:p@x.example",
        "notaurl",
    ]
    .iter()
    .enumerate()
    {
        runs.push(run(
            &bad,
            &format!("api-url-refused-{i}"),
            &["status", "--api-url", url],
            &[],
            None,
            &[],
        ));
    }
    // Credentials that cannot be used, and accounts that do not exist.
    let not_pem = bad.file("not-a-key.pem", "garbage\n");
    for (i, env) in [
        vec![("BINANCE_API_SECRET", "abc")],
        vec![
            ("BINANCE_API_KEY", mb::API_KEY),
            ("BINANCE_API_SECRET", "a b"),
        ],
        vec![
            ("BINANCE_API_KEY", mb::API_KEY),
            ("BINANCE_API_PRIVATE_KEY_FILE", not_pem.as_str()),
        ],
        vec![
            ("BINANCE_API_KEY", mb::API_KEY),
            ("BINANCE_API_SECRET", "x"),
            ("BINANCE_API_PRIVATE_KEY_FILE", not_pem.as_str()),
        ],
        vec![("BINANCE_API_KEY", mb::API_KEY)],
        // Issue 24: keys and secrets that cannot be Binance ones.
        vec![("BINANCE_API_KEY", "k"), ("BINANCE_API_SECRET", mb::SECRET)],
        vec![
            ("BINANCE_API_KEY", mb::API_KEY),
            ("BINANCE_API_SECRET", "x"),
        ],
    ]
    .iter()
    .enumerate()
    {
        runs.push(run(
            &bad,
            &format!("credentials-unusable-{i}"),
            &["--offline"],
            env,
            None,
            &[],
        ));
    }
    for (name, args) in [
        ("profile-missing", &["--offline", "--profile", "nope"][..]),
        ("all-profiles-none", &["--offline", "--all-profiles"][..]),
        (
            "setup-two-factor-clash",
            &["setup", "--two-factor", "none,sms"][..],
        ),
        (
            "incident-date-only",
            &[
                "incident",
                "breach",
                "--since",
                "2020-01-01",
                "--out",
                "case",
            ][..],
        ),
    ] {
        runs.push(run(&bad, name, args, &[], None, &[]));
    }
    runs.push(run(
        &bad,
        "rules-folder-missing",
        &["rules", "check", "/nonexistent/rules"],
        &[],
        None,
        &[],
    ));

    // Rules and config.
    let h = Home::new();
    runs.push(run(&h, "rules-list", &["rules", "list"], &[], None, &[]));
    runs.push(run(
        &h,
        "rules-show",
        &["rules", "show", "BA-API-001"],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "rules-show-unknown",
        &["rules", "show", "BA-XXX-999"],
        &[],
        None,
        &[],
    ));
    let rules_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    runs.push(run(
        &h,
        "rules-check",
        &["rules", "check", rules_dir],
        &[],
        None,
        &[],
    ));
    // A rule file with a bad id, a missing Japanese title, a condition that
    // does not parse and a test case of the wrong type: every problem listed.
    h.file(
        "broken-rules/bad.toml",
        r#"
[[rule]]
id = "ba-tst-1"
category = "password"
severity = "high"
facts = ["password.scor"]
when = "password.score <="
title = { en = "Weak password", ja = "" }
passed = { en = "p", ja = "p" }
risk = { en = "r", ja = "リスク" }
remediation = { en = ["a", "b"], ja = ["対処"] }
references = ["http://example.com/x"]
[[rule.test]]
facts = { password = { score = "weak" } }
expect = "fail"
"#,
    );
    runs.push(run(
        &h,
        "rules-check-broken",
        &["rules", "check", "broken-rules"],
        &[],
        None,
        &[],
    ));
    // A rule that loads, whose own test cases expect the wrong results, one
    // of them without the fact the condition reads.
    h.file(
        "failing-rules/wrong.toml",
        r#"
[[rule]]
id = "BA-TST-001"
category = "password"
severity = "high"
facts = ["password.score"]
when = "password.score <= 1"
title = { en = "Weak password", ja = "弱いパスワード" }
passed = { en = "p", ja = "p" }
risk = { en = "r", ja = "リスク" }
remediation = { en = ["a"], ja = ["対処"] }
[[rule.test]]
facts = { password = { score = 3 } }
expect = "fail"
[[rule.test]]
facts = { password = { score = 1 } }
expect = "pass"
[[rule.test]]
facts = { password = { length = 12 } }
expect = "pass"
"#,
    );
    runs.push(run(
        &h,
        "rules-check-failing-tests",
        &["rules", "check", "failing-rules"],
        &[],
        None,
        &[],
    ));
    // A replacement playbook with problems, through `--rules DIR`.
    h.file(
        "broken-playbook/playbooks/trade.toml",
        r#"
id = "breach"
title = { en = "T", ja = "" }
passed = { en = "p", ja = "p" }
summary = { en = "S", ja = "ス" }
[[step]]
id = "Bad Id"
urgency = "soon"
title = { en = "A", ja = "ア" }
passed = { en = "p", ja = "p" }
why = { en = "W", ja = "ワ" }
where = { en = "P", ja = "プ" }
links = ["http://example.com/a"]
"#,
    );
    runs.push(run(
        &h,
        "incident-broken-playbook",
        &["--rules", "broken-playbook", "incident", "trade"],
        &[],
        None,
        &[],
    ));
    runs.push(run(&h, "config-path", &["config", "path"], &[], None, &[]));
    runs.push(run(&h, "config-init", &["config", "init"], &[], None, &[]));
    runs.push(run(
        &h,
        "config-init-again",
        &["config", "init"],
        &[],
        None,
        &[],
    ));

    // The Binance API: a dangerous key, a healthy one, a bad one, none, unreachable.
    for (name, scenario, secret) in [
        ("dangerous", Scenario::dangerous(), mb::SECRET),
        ("read-only", Scenario::read_only(), mb::SECRET),
        ("bad-key", Scenario::read_only(), "wrong-secret"),
        // Hostile answers: cut off, malformed, a key given twice.
        (
            "cut-off-answer",
            Scenario::read_only().respond(mb::RESTRICTIONS, Reply::json(200, "{\"ipRestrict\":")),
            mb::SECRET,
        ),
        (
            "malformed-answer",
            Scenario::read_only().respond(mb::RESTRICTIONS, Reply::json(200, "{ipRestrict: true}")),
            mb::SECRET,
        ),
        (
            "twice-keyed-answer",
            Scenario::read_only().respond(
                mb::RESTRICTIONS,
                Reply::json(200, "{\"ipRestrict\":true,\"ipRestrict\":false}"),
            ),
            mb::SECRET,
        ),
    ] {
        let m = MockBinance::start(scenario);
        let h = Home::new();
        let env = [
            ("BINANCE_API_URL", m.url()),
            ("BINANCE_API_KEY", mb::API_KEY.to_string()),
            ("BINANCE_API_SECRET", secret.to_string()),
        ];
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        for f in ["text", "markdown", "junit"] {
            runs.push(run(
                &h,
                &format!("audit-{name}-{f}"),
                &["--format", f, "-v"],
                &env,
                None,
                &[],
            ));
        }
        runs.push(run(
            &h,
            &format!("status-{name}"),
            &["status"],
            &env,
            None,
            &[],
        ));
        runs.push(run(
            &h,
            &format!("incident-evidence-{name}"),
            &[
                "incident",
                "breach",
                "--since",
                "2026-11-19T00:00Z",
                "--until",
                "2026-11-20T00:00Z",
                "--out",
                "case",
            ],
            &[env.as_slice(), &[("BINANCE_AUDIT_PACE_MS", "1")]].concat(),
            None,
            &["case/ticket.md"],
        ));
    }
    let h = Home::new();
    let unreachable = [
        ("BINANCE_API_URL", "http://127.0.0.1:1"),
        ("BINANCE_API_KEY", mb::API_KEY),
        ("BINANCE_API_SECRET", mb::SECRET),
    ];
    runs.push(run(
        &h,
        "audit-unreachable",
        &["--timeout", "2"],
        &unreachable,
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "status-unreachable",
        &["status", "--timeout", "2"],
        &unreachable,
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "status-offline",
        &["status", "--offline"],
        &[],
        None,
        &[],
    ));
    let m = MockBinance::start(Scenario::read_only());
    runs.push(run(
        &h,
        "status-no-key",
        &["status"],
        &[("BINANCE_API_URL", &m.url())],
        None,
        &[],
    ));

    // Incident playbooks and the checklist log.
    runs.push(run(&h, "incident-list", &["incident"], &[], None, &[]));
    for kind in ["breach", "outage", "account", "trade", "support"] {
        runs.push(run(
            &h,
            &format!("incident-{kind}"),
            &["incident", kind],
            &[],
            None,
            &[],
        ));
    }
    runs.push(run(
        &h,
        "incident-markdown",
        &["incident", "breach", "--format", "markdown"],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "incident-checklist-no-tty",
        &["incident", "breach", "--checklist"],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "incident-mark",
        &[
            "incident", "breach", "--mark", "1=done", "--log", "log.json",
        ],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "incident-mark-bad",
        &[
            "incident", "breach", "--mark", "99=done", "--log", "log.json",
        ],
        &[],
        None,
        &[],
    ));
    runs.push(run(
        &h,
        "incident-evidence-no-key",
        &[
            "incident",
            "breach",
            "--since",
            "2026-11-19T00:00Z",
            "--out",
            "nokey",
            "--offline",
        ],
        &[],
        None,
        &["nokey/ticket.md"],
    ));
    runs
}

/// English that reaches Japanese output from files owned by other work in
/// progress (the lead translates them after merging): each entry names the
/// phrase and where it is made. Remove an entry when its file is translated.
const PENDING: &[&str] = &[
    // src/config.rs `load`: "config PATH:LINE:COL: MESSAGE" — the message is
    // the TOML parser's own (toml crate), not ours to translate.
    "unclosed table, expected",
];

/// JSON is identifiers and data: its keys are not counted, its string values
/// each on their own (the review tool's URL pattern eats a closing quote,
/// after which it counts keys as prose).
fn counted(r: &Run) -> Vec<String> {
    if r.name.ends_with("-json") {
        let start = r.out.find('{').unwrap_or(0);
        let mut de =
            serde_json::Deserializer::from_str(&r.out[start..]).into_iter::<serde_json::Value>();
        if let Some(Ok(v)) = de.next() {
            let mut out = Vec::new();
            strings(&v, &mut out);
            // What is around the JSON (stderr lines) is prose.
            out.push(r.out[..start].to_string());
            out.push(r.out[start + de.byte_offset()..].to_string());
            return out.iter().flat_map(|s| english_runs(s)).collect();
        }
    }
    english_runs(&r.out)
}

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn every_command_speaks_japanese() {
    let runs = all_runs();
    let dump = std::env::var_os("JA_DUMP_DIR").map(std::path::PathBuf::from);
    let mut total = 0;
    let mut report = String::new();
    for r in &runs {
        assert!(
            !r.out.contains("panicked") && r.code != 101,
            "{}: {}",
            r.name,
            r.out
        );
        if let Some(d) = &dump {
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(d.join(format!("{}.txt", r.name)), &r.out).unwrap();
        }
        let found: Vec<String> = counted(r)
            .into_iter()
            .filter(|e| !PENDING.iter().any(|p| e.contains(p)))
            .collect();
        println!("{:<36} {}", r.name, found.len());
        total += found.len();
        for e in found.iter().take(12) {
            report.push_str(&format!("  {}: {e}\n", r.name));
        }
    }
    println!("total {total}");
    assert_eq!(total, 0, "English left in Japanese output:\n{report}");
}
