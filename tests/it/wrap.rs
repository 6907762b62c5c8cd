//! Every line fits an 80-column terminal by display width, in both
//! languages, in the outputs that used to run past it: the `-v` network log
//! and the incident summary (the setup prompts need a terminal; their unit
//! test in cmd/setup.rs covers them), and no Japanese line starts with
//! closing punctuation or small kana.

use crate::common::Run;
use crate::common::binance::{self as mb, MockBinance, Scenario};

const NEVER_STARTS: &str =
    "、。，．）」』】〕・：；？！ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

/// Each line at most 80 columns, unless it is one piece nothing may break
/// (a path, a URL) alone on its line.
fn assert_fits(out: &str) {
    for line in out.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        let alone = !line.trim().contains(' ');
        assert!(
            w <= 80 || alone,
            "{w} columns at COLUMNS=80: {line:?}\n{out}"
        );
        assert!(
            !line.trim_start().starts_with(|c| NEVER_STARTS.contains(c)),
            "line starts with closing punctuation or small kana: {line:?}\n{out}"
        );
    }
}

fn online(home: &std::path::Path, lang: &str) -> Run {
    Run::new()
        .home(home)
        .online()
        .env("COLUMNS", "80")
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["--lang", lang, "--color", "never"])
}

#[test]
fn verbose_audit_fits_80_columns() {
    let mock = MockBinance::start(Scenario::dangerous());
    for lang in ["ja", "en"] {
        let home = tempfile::tempdir().unwrap();
        let r = online(home.path(), lang)
            .args(["audit", "-v", "--api-url", &mock.url()])
            .run();
        assert!(r.stdout.lines().count() > 20, "{}", r.stdout);
        assert_fits(&r.stdout);
    }
}

#[test]
fn incident_summary_fits_80_columns() {
    let mock = MockBinance::start(Scenario::dangerous());
    for lang in ["ja", "en"] {
        let home = tempfile::tempdir().unwrap();
        let out = home.path().join("case");
        let r = online(home.path(), lang)
            .args(["incident", "breach", "--since", "2026-11-19T00:00Z"])
            .args(["--api-url", &mock.url()])
            .arg("--out")
            .arg(&out)
            .run();
        assert!(!r.stdout.trim().is_empty(), "{}", r.all());
        assert_fits(&r.stdout);
    }
}

#[test]
fn setup_summary_fits_80_columns() {
    for lang in ["ja", "en"] {
        let r = Run::new()
            .env("COLUMNS", "80")
            .args(["setup", "--lang", lang, "--two-factor", "sms"])
            .args(["--anti-phishing-code", "no", "--withdrawal-whitelist", "no"])
            .args(["--devices-reviewed", "no", "--email-two-factor", "no"])
            .args(["--email-unique-password", "no"])
            .run();
        assert!(r.stdout.lines().count() > 5, "{}", r.all());
        assert_fits(&r.stdout);
    }
}
