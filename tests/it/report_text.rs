//! The text report a person reads, at 80 columns, in English and Japanese,
//! for the states a user reaches first: nothing configured, a weak password,
//! a dangerous API key, an incomplete run and drift. Each is a snapshot, and
//! every line must fit the terminal by display width.

use std::path::Path;

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{self, MockServer, Reply, Run};

const WEAK: &str = "abc123\n";

/// The text of one run, with what changes from run to run masked.
fn text(home: &Path, lang: &str, args: &[&str], env: &[(&str, &str)], stdin: &str) -> String {
    // Each case says --offline itself where it means it (the snapshots are of
    // exactly these command lines); the others talk to their mock servers.
    let mut cmd = Run::new()
        .home(home)
        .online()
        .env("COLUMNS", "80")
        .args(["--lang", lang, "--color", "never"])
        .args(args);
    for (k, v) in env {
        cmd = cmd.env(k, v);
    }
    let stdout = cmd.stdin(stdin).run().stdout;
    for line in stdout.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(w <= 80, "{w} columns at COLUMNS=80: {line:?}\n{stdout}");
    }
    mask(&stdout, home)
}

fn mask(s: &str, home: &Path) -> String {
    let mut out = Vec::new();
    for line in s.lines() {
        // The report's time, second line, in the reader's zone (TZ=UTC).
        let l = if line.len() == 20 && line.starts_with("20") && line.ends_with(" UTC") {
            "<time>".to_string()
        } else {
            line.replace(home.to_str().unwrap(), "<home>")
        };
        // Local ports of the mock servers.
        let l = regex_lite_ports(&l);
        out.push(l);
    }
    out.join("\n") + "\n"
}

/// `127.0.0.1:PORT` → `127.0.0.1:<port>` without a regex dependency.
fn regex_lite_ports(l: &str) -> String {
    let key = "127.0.0.1:";
    let mut out = String::new();
    let mut rest = l;
    while let Some(i) = rest.find(key) {
        out.push_str(&rest[..i + key.len()]);
        rest = &rest[i + key.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str("<port>");
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

fn each_lang(name: &str, run: impl Fn(&str) -> String) {
    for lang in ["en", "ja"] {
        insta::assert_snapshot!(format!("{name}_{lang}"), run(lang));
    }
}

#[test]
fn nothing_configured() {
    each_lang("nothing_configured", |lang| {
        let h = tempfile::tempdir().unwrap();
        let t = text(h.path(), lang, &["--offline"], &[], "");
        assert!(
            t.contains("Not graded") || t.contains("評価なし"),
            "a first run is not graded:\n{t}"
        );
        assert!(t.contains("binance-audit setup"), "{t}");
        t
    });
}

#[test]
fn weak_password() {
    each_lang("weak_password", |lang| {
        let h = tempfile::tempdir().unwrap();
        common::write_declared_config(h.path());
        let t = text(
            h.path(),
            lang,
            &["--offline", "--password-stdin"],
            &[],
            WEAK,
        );
        assert!(t.contains("BA-PWD-001"), "{t}");
        // The weak band is covered by the very-weak finding: not "passed".
        assert!(!t.contains("✓ BA-PWD-002"), "{t}");
        t
    });
}

#[test]
fn dangerous_key() {
    each_lang("dangerous_key", |lang| {
        let h = tempfile::tempdir().unwrap();
        let mock = MockBinance::start(Scenario::dangerous());
        let t = text(
            h.path(),
            lang,
            &["--api-url", &mock.url()],
            &[
                ("BINANCE_API_KEY", mb::API_KEY),
                ("BINANCE_API_SECRET", mb::SECRET),
            ],
            "",
        );
        assert!(t.contains("BA-API-001"), "{t}");
        t
    });
}

#[test]
fn incomplete_run() {
    each_lang("incomplete_run", |lang| {
        let h = tempfile::tempdir().unwrap();
        let hibp = MockServer::start(|_| Reply::json(503, "{}"));
        let t = text(
            h.path(),
            lang,
            &["--password-stdin", "--hibp-url", &hibp.url()],
            &[],
            WEAK,
        );
        // Loud first: right under the title, before the grade.
        let banner = t
            .lines()
            .position(|l| l.starts_with("INCOMPLETE") || l.starts_with("不完全"));
        let grade = t
            .lines()
            .position(|l| l.contains("Score") || l.contains("Not graded") || l.contains("評価"));
        assert!(banner.is_some() && banner < grade, "{t}");
        t
    });
}

#[test]
fn drift() {
    each_lang("drift", |lang| {
        let h = tempfile::tempdir().unwrap();
        common::write_declared_config(h.path());
        let base = h.path().join("b.json");
        let b = base.to_str().unwrap();
        Run::new()
            .home(h.path())
            .args(["--offline", "--password-stdin", "--save-baseline", b])
            .stdin("qwerty12\n")
            .run()
            .code(0);
        let t = text(
            h.path(),
            lang,
            &["--offline", "--password-stdin", "--baseline", b],
            &[],
            "binance1\n",
        );
        assert!(t.contains("BA-DRF-008"), "{t}");
        // New first: among the findings the drift one comes before the old ones.
        let findings = &t[t.find("\n\nHIGH").or(t.find("\n\n高")).unwrap()..];
        let drf = findings.find("BA-DRF-008").unwrap();
        let old = findings.find("BA-PWD-001").unwrap();
        assert!(drf < old, "{t}");
        t
    });
}

#[test]
fn address_verdicts_fit_80_columns() {
    for lang in ["en", "ja"] {
        let h = tempfile::tempdir().unwrap();
        let known = h.path().join("known.txt");
        std::fs::write(
            &known,
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed cold wallet\n",
        )
        .unwrap();
        let k = known.to_str().unwrap();
        let t = text(
            h.path(),
            lang,
            &[
                "address",
                "--offline",
                "--known",
                k,
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0x5aAe0000dEadbeeF00000000C0ffEE000001BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            ],
            &[],
            "",
        );
        assert!(t.lines().count() > 10, "{t}");
    }
}

#[test]
fn playbooks_fit_80_columns() {
    for lang in ["en", "ja"] {
        for kind in ["breach", "outage", "account", "trade", "support"] {
            let h = tempfile::tempdir().unwrap();
            let t = text(h.path(), lang, &["incident", kind], &[], "");
            assert!(t.lines().count() > 10, "{t}");
        }
        let h = tempfile::tempdir().unwrap();
        let list = text(h.path(), lang, &["incident"], &[], "");
        assert!(list.contains("breach"), "{list}");
    }
}

#[test]
fn link_verdicts_fit_80_columns() {
    for lang in ["en", "ja"] {
        let h = tempfile::tempdir().unwrap();
        let t = text(
            h.path(),
            lang,
            &[
                "url",
                "https://binance.com.login-verify.example/login",
                "https://www.google.com/search?q=binance+login",
                "https://www.binance.com/en/my/security",
                "https://bnbchain-airdrop.example/claim",
            ],
            &[],
            "",
        );
        assert!(t.lines().count() > 10, "{t}");
    }
}

#[test]
fn quiet_prints_the_grade_line_and_dumb_terminals_get_no_colour() {
    let h = tempfile::tempdir().unwrap();
    let s = Run::new()
        .home(h.path())
        .args(["--offline", "-q"])
        .run()
        .stdout;
    assert_eq!(s.lines().count(), 1, "{s}");
    assert!(s.starts_with("Not graded"), "{s}");
    // -v adds the details -q and the default leave out.
    let v = Run::new()
        .home(h.path())
        .args(["--offline", "-v"])
        .run()
        .stdout;
    assert!(v.contains("Network requests made (0)"), "{v}");
    assert!(v.contains("Checks"), "{v}");
    let colour = |term: &str| {
        Run::new()
            .home(h.path())
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1")
            .env("TERM", term)
            .args(["--offline"])
            .run()
            .raw_stdout
            .contains(&0x1b)
    };
    assert!(
        colour("xterm-256color"),
        "forced colour reaches a real terminal"
    );
    assert!(!colour("dumb"), "a dumb terminal gets none");
}

/// A ✓ stands only beside words that say what passed: never beside the
/// problem's own title, in either language, and a rule without such words
/// does not load.
#[test]
fn a_check_mark_never_stands_beside_a_problem_title() {
    let rules: Vec<(String, String, String)> = {
        let mut v = Vec::new();
        for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") && !p.ends_with("domains.toml") {
                let t: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                for r in t
                    .get("rule")
                    .and_then(|r| r.as_array())
                    .into_iter()
                    .flatten()
                {
                    let id = r["id"].as_str().unwrap().to_string();
                    v.push((
                        id.clone(),
                        r["title"]["en"].as_str().unwrap().into(),
                        r["title"]["ja"].as_str().unwrap().into(),
                    ));
                }
            }
        }
        v
    };
    assert!(rules.len() > 30);
    for lang in ["en", "ja"] {
        let out = Run::new()
            .args([
                "--lang",
                lang,
                "-v",
                "--color",
                "never",
                "audit",
                "--offline",
                "--password-stdin",
            ])
            .stdin("correct horse battery staple 1984!\n")
            .env("COLUMNS", "200")
            .run();
        let ticks: Vec<&str> = out.stdout.lines().filter(|l| l.contains('✓')).collect();
        assert!(
            !ticks.is_empty(),
            "{lang}: no passed line at all:\n{}",
            out.stdout
        );
        for line in ticks {
            for (id, en, ja) in &rules {
                let title = if lang == "en" { en } else { ja };
                assert!(
                    !(line.contains(id.as_str()) && line.contains(title.as_str())),
                    "{lang}: ✓ beside the problem title: {line}"
                );
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.toml"),
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules/fixture.toml"))
            .unwrap()
            .replacen("passed = { en = \"Account is not restricted\", ja = \"アカウントは制限されていません\" }\n", "", 1),
    )
    .unwrap();
    let out = Run::new()
        .args(["rules", "check", dir.path().to_str().unwrap()])
        .run();
    assert_ne!(out.code, 0, "{}", out.all());
    assert!(out.all().contains("passed"), "{}", out.all());
}
