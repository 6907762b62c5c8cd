//! Waivers: a waived finding is shown but neither scored nor gated; an
//! expired waiver stops applying and says so; an unused one is reported; a
//! waiver without a reason is a configuration error.

use crate::common::{Run, write_private};
use crate::fixture;
use crate::fixture::waiver;
use binance_audit::cmd::exit::{Exit, Gate};
use binance_audit::config::Waiver;
use binance_audit::facts::Facts;
use binance_audit::i18n::Lang;
use binance_audit::report::{Report, WaiverStatus};
use binance_audit::rules::Severity;
use serde_json::Value;

fn run(facts: &Facts, waivers: &[Waiver]) -> Report {
    let rules = fixture::rules();
    fixture::build(fixture::Options {
        lang: Lang::En,
        baseline: None,
        waivers,
        facts,
        rules: &rules,
    })
}

/// Only the key-age rule fails: everything else passes.
fn quiet_facts(key_age: i64) -> Facts {
    let mut f = Facts::new();
    f.observe("api.ip_restrict", true);
    f.observe("api.enable_withdrawals", false);
    f.observe("api.key_age_days", key_age);
    f.observe("policy.key_max_age_days", 90);
    f.observe("account.status", "Normal");
    f.observe("withdrawal.not_whitelisted", Vec::<Value>::new());
    f.observe("breach.password_count", 0);
    f.declare(
        "declared.two_factor",
        vec!["passkey"],
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    );
    f
}

fn fail_on(s: Severity) -> Gate {
    Gate {
        fail_on: Some(s),
        ..Gate::default()
    }
}

#[test]
fn an_active_waiver_marks_the_finding_and_keeps_score_and_gate() {
    let w = [waiver(
        "BA-API-902",
        None,
        "bot key, rotated by the bot",
        Some("2099-01-01"),
    )];
    let waived = run(&quiet_facts(120), &w);
    let f = waived
        .findings
        .iter()
        .find(|f| f.id == "BA-API-902")
        .expect("still shown");
    let mark = f.waived.as_ref().expect("marked waived");
    assert_eq!(mark.reason, "bot key, rotated by the bot");
    assert_eq!(mark.expires.as_deref(), Some("2099-01-01"));
    assert_eq!(f.points, 0);

    // The score is what it would be if the rule had passed.
    let clean = run(&quiet_facts(10), &[]);
    assert!(clean.findings.is_empty());
    assert_eq!(waived.score, clean.score);
    assert_eq!(waived.score, Some(100));
    let unwaived = run(&quiet_facts(120), &[]);
    assert!(
        unwaived.score < clean.score,
        "the finding costs points when not waived"
    );

    // Gates ignore it.
    assert_eq!(gate(&waived, &fail_on(Severity::Info), false), Exit::Ok);
    assert_eq!(
        gate(&unwaived, &fail_on(Severity::Medium), false),
        Exit::Gate
    );
    assert_eq!(waived.worst_severity(), None);
    assert_eq!(waived.waivers[0].status, WaiverStatus::Active);
}

#[test]
fn an_expired_waiver_stops_applying_and_says_so() {
    let today = fixture::now().date_naive().to_string();
    // Expiry is the first day it no longer applies.
    for expires in ["2026-01-01", today.as_str()] {
        let w = [waiver("BA-API-902", None, "temporary", Some(expires))];
        let r = run(&quiet_facts(120), &w);
        let f = r.findings.iter().find(|f| f.id == "BA-API-902").unwrap();
        assert!(f.waived.is_none(), "expired on {expires} but still applied");
        assert_eq!(r.waivers[0].status, WaiverStatus::Expired);
        assert!(
            r.warnings
                .iter()
                .any(|w| w.contains("BA-API-902") && w.contains("expired")),
            "{:?}",
            r.warnings
        );
        assert_eq!(gate(&r, &fail_on(Severity::Medium), false), Exit::Gate);
    }
    let tomorrow = (fixture::now().date_naive() + chrono::Days::new(1)).to_string();
    let w = [waiver("BA-API-902", None, "temporary", Some(&tomorrow))];
    let r = run(&quiet_facts(120), &w);
    assert_eq!(r.waivers[0].status, WaiverStatus::Active);
}

#[test]
fn an_unused_waiver_is_reported_with_the_reason_it_matched_nothing() {
    let w = [
        waiver("BA-API-902", None, "rule passes", None),
        waiver("BA-NOPE-001", None, "typo", None),
        waiver("BA-BRE-901", None, "not evaluated", None),
        waiver("BA-DRF-001", None, "drift without baseline", None),
    ];
    let mut facts = quiet_facts(10);
    facts.not_checked(
        "breach.password_count",
        binance_audit::i18n::Msg::verbatim("offline"),
    );
    let r = run(&facts, &w);
    let note = |rule: &str| {
        let e = r.waivers.iter().find(|e| e.rule == rule).unwrap();
        assert_eq!(e.status, WaiverStatus::Unused, "{rule}");
        e.note.clone().unwrap()
    };
    assert!(note("BA-API-902").contains("passed"));
    assert!(note("BA-NOPE-001").contains("no rule"));
    assert!(note("BA-BRE-901").contains("not evaluated"));
    assert!(note("BA-DRF-001").contains("--baseline"));
    assert_eq!(
        r.warnings
            .iter()
            .filter(|w| w.contains("matched no finding"))
            .count(),
        4
    );
}

#[test]
fn a_profile_waiver_applies_only_to_that_profile() {
    let w = [waiver("BA-API-902", Some("bot"), "bot account", None)];
    let r = run(&quiet_facts(120), &w);
    assert!(r.findings[0].waived.is_none());
    assert!(
        r.waivers.is_empty(),
        "another profile's waiver is not this run's business"
    );
    let rules = fixture::rules();
    let facts = quiet_facts(120);
    let r = binance_audit::report::build::report(binance_audit::report::build::Inputs {
        facts: &facts,
        rules: &rules,
        lang: Lang::En,
        checks: vec![],
        network: vec![],
        warnings: vec![],
        profile: Some("bot".into()),
        waivers: &w,
        baseline: None,
        config_file: None,
        now: fixture::now(),
    });
    assert!(r.findings[0].waived.is_some());
}

// ---- through the binary ----

const WEAK: &str = "abc123\n"; // raises BA-PWD-001 (critical), -003, -005

fn config(dir: &std::path::Path, body: &str) -> std::path::PathBuf {
    // With setup's answers the run is gradable, so the score can be compared.
    write_private(
        dir.join("config.toml"),
        format!("{body}\n{}", crate::common::declared_section()),
    )
}

fn audit(dir: &std::path::Path, cfg: &std::path::Path, extra: &[&str]) -> (i32, Value, String) {
    let out = Run::new()
        .home(dir)
        .arg("--config")
        .arg(cfg)
        .args(["--offline", "--password-stdin", "--format", "json"])
        .args(extra)
        .stdin(WEAK)
        .run();
    // No JSON (a usage error) reads as null: the exit code says why.
    let json = serde_json::from_str(&out.stdout).unwrap_or(Value::Null);
    (out.code, json, out.stderr)
}

const ALL_WAIVED: &str = r#"
[[waiver]]
rule = "BA-PWD-001"
reason = "test account, password is throwaway"
[[waiver]]
rule = "BA-PWD-003"
reason = "test account"
expires = 2099-12-31
[[waiver]]
rule = "BA-PWD-005"
reason = "test account"
"#;

#[test]
fn waived_findings_do_not_trip_fail_on_or_lower_the_score() {
    let d = tempfile::tempdir().unwrap();
    let plain = config(d.path(), "");
    let (code, json, _) = audit(d.path(), &plain, &["--fail-on", "low"]);
    assert_eq!(code, 1, "{json}");
    assert!(json["score"].as_u64().unwrap() < 100);

    let cfg = config(d.path(), ALL_WAIVED);
    let (code, json, _) = audit(d.path(), &cfg, &["--fail-on", "low", "--min-score", "100"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["score"], 100);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 3, "waived findings still appear");
    assert!(findings.iter().all(|f| f["waived"]["reason"].is_string()));
    assert!(
        json["waivers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["status"] == "active")
    );
}

#[test]
fn expired_and_unused_waivers_show_in_the_report_and_the_gate_trips_again() {
    let d = tempfile::tempdir().unwrap();
    let cfg = config(
        d.path(),
        r#"
[[waiver]]
rule = "BA-PWD-001"
reason = "was accepted last year"
expires = 2020-01-01
[[waiver]]
rule = "BA-PWD-404"
reason = "no such rule"
"#,
    );
    let (code, json, _) = audit(d.path(), &cfg, &["--fail-on", "critical"]);
    assert_eq!(code, 1);
    let w = json["waivers"].as_array().unwrap();
    assert_eq!(w[0]["status"], "expired");
    assert_eq!(w[1]["status"], "unused");
    let warnings = json["warnings"].to_string();
    assert!(warnings.contains("expired on 2020-01-01"), "{warnings}");
    assert!(warnings.contains("BA-PWD-404"), "{warnings}");
}

#[test]
fn a_waiver_without_a_reason_is_a_config_error() {
    let d = tempfile::tempdir().unwrap();
    for body in [
        "[[waiver]]\nrule = \"BA-PWD-001\"\nreason = \"\"\n",
        "[[waiver]]\nrule = \"BA-PWD-001\"\n",
        "[[waiver]]\nrule = \"BA-PWD-001\"\nreason = \"x\"\nexpires = \"soon\"\n",
    ] {
        let cfg = config(d.path(), body);
        let (code, json, stderr) = audit(d.path(), &cfg, &[]);
        assert_eq!(code, 2, "{body}: {stderr}");
        assert_eq!(json, Value::Null, "no report on a config error");
        assert!(
            stderr.contains("config") && stderr.lines().count() == 1,
            "{stderr}"
        );
    }
}

fn gate(r: &Report, g: &Gate, fail_on_new: bool) -> Exit {
    Gate { fail_on_new, ..*g }.judge(r)
}
