//! Baseline and drift: what a saved baseline holds, what each change becomes,
//! and the exit codes of every gate on a run compared with a baseline.

use crate::fixture;
use binance_audit::baseline::{self, LoadedBaseline};
use binance_audit::cmd::exit::{Exit, Gate};
use binance_audit::facts::Fact;
use binance_audit::i18n::Lang;
use binance_audit::report::{BaselineState, Report};
use binance_audit::rules::{Category, Severity};
use serde_json::Value;

fn with_baseline(b: Option<&LoadedBaseline>, facts: &binance_audit::facts::Facts) -> Report {
    let rules = fixture::rules();
    fixture::build(fixture::Options {
        lang: Lang::En,
        baseline: b,
        waivers: &[],
        facts,
        rules: &rules,
    })
}

#[test]
fn every_change_is_a_drift_finding_with_old_and_new() {
    let b = fixture::baseline();
    let r = with_baseline(Some(&b), &fixture::facts());
    let find = |id: &str| {
        r.findings
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    // Attacker-style changes are critical.
    for id in ["BA-DRF-001", "BA-DRF-002", "BA-DRF-003"] {
        assert_eq!(find(id).severity, Severity::Critical, "{id}");
    }
    let new_addr = find("BA-DRF-001");
    assert_eq!(new_addr.category, Category::Drift);
    assert_eq!(new_addr.changes.len(), 1);
    assert_eq!(new_addr.changes[0].item, "fp-new");
    assert_eq!(new_addr.changes[0].old, "absent");
    assert_eq!(new_addr.changes[0].new, "added, whiteStatus=false");
    assert!(
        new_addr.evidence[0].contains("absent → added"),
        "{:?}",
        new_addr.evidence
    );
    let perms = find("BA-DRF-004");
    assert_eq!(perms.changes[0].label, "api.enable_futures");
    assert_eq!(
        (perms.changes[0].old.as_str(), perms.changes[0].new.as_str()),
        ("false", "true")
    );
    let flip = find("BA-DRF-005");
    assert_eq!(flip.changes[0].item, "fp-cold");
    assert_eq!(find("BA-DRF-006").changes[0].new, "2025-11-24T16:00:00Z");
    let score = find("BA-DRF-008");
    assert_eq!(score.changes[0].old, "95");
    assert_eq!(score.changes[0].new, r.score.unwrap().to_string());
    // Account status unchanged: a pass, not a finding.
    assert!(r.passed.iter().any(|p| p.id == "BA-DRF-007"));
    // Drift is an alarm, not a state: it costs no points.
    assert!(
        r.findings
            .iter()
            .filter(|f| f.category == Category::Drift)
            .all(|f| f.points == 0)
    );
    let without = with_baseline(None, &fixture::facts());
    assert_eq!(
        r.score, without.score,
        "the baseline must not change the score"
    );
    assert_eq!(r.grade, without.grade);
}

#[test]
fn without_a_baseline_drift_rules_stay_out_of_the_report() {
    let r = with_baseline(None, &fixture::facts());
    let drift = |c: Category| c == Category::Drift;
    assert!(!r.findings.iter().any(|f| drift(f.category)));
    assert!(!r.not_checked.iter().any(|n| drift(n.category)));
    assert!(!r.passed.iter().any(|p| drift(p.category)));
    assert_eq!(r.coverage.total, 6, "only the six fixture rules count");
    assert!(r.findings.iter().all(|f| f.baseline.is_none()));
    assert!(r.facts.iter().all(|f| !f.name.starts_with("drift.")));
}

#[test]
fn a_baseline_missing_a_part_leaves_its_drift_not_checked() {
    let mut b = fixture::baseline();
    b.data.withdrawal = None;
    b.data.api = None;
    let r = with_baseline(Some(&b), &fixture::facts());
    for id in [
        "BA-DRF-001",
        "BA-DRF-002",
        "BA-DRF-003",
        "BA-DRF-004",
        "BA-DRF-005",
        "BA-DRF-006",
    ] {
        let n = r
            .not_checked
            .iter()
            .find(|n| n.id == id)
            .unwrap_or_else(|| panic!("{id} should be not checked"));
        assert!(n.reason.contains("baseline"), "{id}: {}", n.reason);
    }
    // And a run that could not observe a part says so too.
    let b = fixture::baseline();
    let mut facts = fixture::facts();
    facts.not_checked(
        "withdrawal.addresses",
        binance_audit::i18n::Msg::verbatim("HTTP 429 from Binance"),
    );
    let r = with_baseline(Some(&b), &facts);
    let n = r.not_checked.iter().find(|n| n.id == "BA-DRF-001").unwrap();
    assert!(n.reason.contains("HTTP 429"), "{}", n.reason);
}

#[test]
fn a_saved_baseline_compared_with_the_same_state_shows_no_drift() {
    let facts = fixture::facts();
    let first = with_baseline(None, &facts);
    let saved = baseline::from_report(&first, fixture::now());
    let text = baseline::to_json(&saved);
    let loaded = LoadedBaseline {
        data: baseline::parse(text.as_bytes()).unwrap(),
        file: "b.json".into(),
    };
    let second = with_baseline(Some(&loaded), &facts);
    let drift: Vec<&str> = second
        .findings
        .iter()
        .filter(|f| f.category == Category::Drift)
        .map(|f| f.id.as_str())
        .collect();
    assert!(drift.is_empty(), "no change, yet drift: {drift:?}");
    let evaluated = second
        .passed
        .iter()
        .filter(|p| p.category == Category::Drift)
        .count();
    assert_eq!(
        evaluated, 8,
        "every drift rule could compare: {:?}",
        second.not_checked
    );
    assert!(
        second
            .findings
            .iter()
            .all(|f| f.baseline == Some(BaselineState::Existing))
    );
    // What the baseline holds, and what it must not.
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["baseline_version"], 1);
    assert_eq!(v["api"]["ip_restrict"], false);
    assert_eq!(v["api"]["create_time"], 1_764_000_000_000_i64);
    assert_eq!(v["api"]["permissions"]["enable_withdrawals"], true);
    assert_eq!(v["account"]["status"], "Normal");
    assert_eq!(v["withdrawal"]["addresses"][1]["white"], false);
    assert_eq!(v["withdrawal"]["addresses"][1]["fingerprint"], "fp-new");
    assert!(v["score"].is_u64());
    assert!(
        !text.contains("declared"),
        "declared facts are not observed state: {text}"
    );
}

#[test]
fn drift_findings_are_never_recorded_as_existing() {
    let b = fixture::baseline();
    let r = with_baseline(Some(&b), &fixture::facts());
    let saved = baseline::from_report(&r, fixture::now());
    assert!(saved.findings.iter().all(|f| !f.id.starts_with("BA-DRF")));
    assert!(saved.findings.iter().any(|f| f.id == "BA-API-901"));
}

#[test]
fn fail_on_new_gates_only_on_what_the_baseline_lacks() {
    let args = |fail_on: Option<Severity>| Gate {
        fail_on,
        ..Gate::default()
    };
    // Baseline recorded every state finding of the fixture: only drift is new.
    let mut b = fixture::baseline();
    let plain = with_baseline(None, &fixture::facts());
    b.data.findings = baseline::from_report(&plain, fixture::now()).findings;
    let r = with_baseline(Some(&b), &fixture::facts());
    assert_eq!(gate(&r, &args(Some(Severity::Critical)), false), Exit::Gate);
    // New drift findings are critical: still a gate.
    assert_eq!(gate(&r, &args(Some(Severity::Critical)), true), Exit::Gate);
    // Same state as the baseline in every respect: nothing new.
    let same = LoadedBaseline {
        data: baseline::from_report(&plain, fixture::now()),
        file: "b.json".into(),
    };
    let r = with_baseline(Some(&same), &fixture::facts());
    assert_eq!(
        gate(&r, &args(Some(Severity::Critical)), false),
        Exit::Gate,
        "existing critical counts without --fail-on-new"
    );
    assert_eq!(gate(&r, &args(Some(Severity::Info)), true), Exit::Ok);
    assert_eq!(gate(&r, &args(None), true), Exit::Ok);
    // New high findings (and the score drop they cause): --fail-on-new alone
    // trips, with --fail-on critical it does not.
    let mut facts = fixture::facts();
    facts.observe("account.status", "Locked");
    let r = with_baseline(Some(&same), &facts);
    let new: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.baseline == Some(BaselineState::New))
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(new, ["BA-ACC-901", "BA-DRF-007", "BA-DRF-008"]);
    assert_eq!(gate(&r, &args(None), true), Exit::Gate);
    assert_eq!(gate(&r, &args(Some(Severity::Critical)), true), Exit::Ok);
    assert_eq!(gate(&r, &args(Some(Severity::High)), true), Exit::Gate);
    // --min-score is about the state, baseline or not.
    let min = Gate {
        min_score: Some(90),
        ..Gate::default()
    };
    assert_eq!(gate(&r, &min, true), Exit::Gate);
}

#[test]
fn drift_facts_are_lists_of_changes() {
    let b = fixture::baseline();
    let mut out = fixture::facts();
    binance_audit::collect::drift::observe_drift(
        &b.data,
        &fixture::facts(),
        &binance_audit::collect::drift::CurrentState {
            score: Some(95),
            coverage: binance_audit::report::Coverage {
                evaluated: 5,
                total: 6,
            },
        },
        &mut out,
    );
    for def in binance_audit::facts::CATALOGUE
        .iter()
        .filter(|d| d.name.starts_with("drift."))
    {
        match out.get(def.name) {
            Some(Fact::Observed { value }) => assert!(def.kind.matches(value), "{}", def.name),
            other => panic!("{}: {other:?}", def.name),
        }
    }
}

// ---- through the binary: save, compare, gate ----

mod cli {
    use super::*;
    use crate::common::Run;
    use std::path::Path;

    // Scores are read from the runs, not hard-coded: other rules (API key,
    // environment) also take part and may change.
    const WEAK: &str = "abc123\n"; // BA-PWD-001 (critical), -003, -005
    const SAME: &str = "qwerty12\n"; // the same findings and score
    const WORSE: &str = "binance1\n"; // adds BA-PWD-004 (high): a lower score
    const STRONG: &str = "correct-horse-battery-staple-9Q!x\n"; // no finding: 100

    fn run(dir: &Path, stdin: &str, args: &[&str]) -> (i32, Value, String) {
        // A user who ran `setup`: password and declared answers make the run
        // gradable, so scores and their drift can be compared.
        crate::common::write_declared_config(dir);
        let out = Run::new()
            .home(dir)
            .current_dir(dir)
            .args(["--offline", "--password-stdin", "--format", "json"])
            .args(args)
            .stdin(stdin)
            .run();
        // No JSON (a usage error) reads as null: the exit code says why.
        let v = serde_json::from_str(&out.stdout).unwrap_or(Value::Null);
        (out.code, v, out.stderr)
    }

    fn ids(v: &Value) -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn save_baseline_writes_a_private_secret_free_file() {
        let d = tempfile::tempdir().unwrap();
        let (code, report, _) = run(d.path(), WEAK, &["--save-baseline", "state.json"]);
        assert_eq!(code, 0);
        let text = std::fs::read_to_string(d.path().join("state.json")).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["baseline_version"], 1);
        assert!(v["score"].is_u64());
        assert_eq!(v["score"], report["score"]);
        assert!(!text.contains("abc123"));
        // Not even the hash prefix the breach lookup would send.
        assert!(!text.to_lowercase().contains("6367c"), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(d.path().join("state.json"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn every_gate_has_its_exit_code_against_a_baseline() {
        let d = tempfile::tempdir().unwrap();
        let (code, first, _) = run(d.path(), WEAK, &["--save-baseline", "b.json"]);
        assert_eq!(code, 0);
        let baseline_score = first["score"].as_u64();

        // Same findings as the baseline: --fail-on-new passes, --fail-on does not.
        let (code, v, _) = run(d.path(), SAME, &["--baseline", "b.json", "--fail-on-new"]);
        assert_eq!(code, 0, "{v}");
        assert!(
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["baseline"] == "existing")
        );
        assert_eq!(
            run(
                d.path(),
                SAME,
                &["--baseline", "b.json", "--fail-on", "critical"]
            )
            .0,
            1
        );
        assert_eq!(
            run(
                d.path(),
                SAME,
                &[
                    "--baseline",
                    "b.json",
                    "--fail-on-new",
                    "--fail-on",
                    "critical"
                ]
            )
            .0,
            0
        );

        // A worse password: a new high finding and a score drop (drift, medium).
        let (code, v, _) = run(d.path(), WORSE, &["--baseline", "b.json", "--fail-on-new"]);
        assert_eq!(code, 1);
        let found = ids(&v);
        assert!(
            found.contains(&"BA-PWD-004".to_string()) && found.contains(&"BA-DRF-008".to_string()),
            "{found:?}"
        );
        let drop = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == "BA-DRF-008")
            .unwrap();
        let (was, is) = (
            drop["changes"][0]["old"]
                .as_str()
                .unwrap()
                .parse::<u64>()
                .unwrap(),
            drop["changes"][0]["new"]
                .as_str()
                .unwrap()
                .parse::<u64>()
                .unwrap(),
        );
        assert_eq!(Some(was), baseline_score);
        assert_eq!(Some(is), v["score"].as_u64());
        assert!(is < was);
        assert_eq!(drop["baseline"], "new");
        assert_eq!(
            run(
                d.path(),
                WORSE,
                &[
                    "--baseline",
                    "b.json",
                    "--fail-on-new",
                    "--fail-on",
                    "critical"
                ]
            )
            .0,
            0
        );
        assert_eq!(
            run(
                d.path(),
                WORSE,
                &["--baseline", "b.json", "--fail-on-new", "--fail-on", "high"]
            )
            .0,
            1
        );
        assert_eq!(
            run(
                d.path(),
                WORSE,
                &["--baseline", "b.json", "--fail-on", "medium"]
            )
            .0,
            1
        );

        // --min-score is independent of the baseline.
        let score = baseline_score.unwrap();
        let at = score.to_string();
        let above = (score + 1).to_string();
        let min = |m: &str| run(d.path(), SAME, &["--baseline", "b.json", "--min-score", m]).0;
        assert_eq!(min(&at), 0);
        assert_eq!(min(&above), 1);

        // A better state: no drift, nothing new.
        let (code, v, _) = run(d.path(), STRONG, &["--baseline", "b.json", "--fail-on-new"]);
        assert_eq!(code, 0);
        let found = ids(&v);
        assert!(
            !found
                .iter()
                .any(|id| id.starts_with("BA-PWD") || id.starts_with("BA-DRF")),
            "{found:?}"
        );
        assert!(
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["baseline"] == "existing"),
            "{v}"
        );
    }

    #[test]
    fn rolling_baseline_compares_first_then_saves() {
        let d = tempfile::tempdir().unwrap();
        assert_eq!(run(d.path(), STRONG, &["--save-baseline", "b.json"]).0, 0);
        let args = [
            "--baseline",
            "b.json",
            "--save-baseline",
            "b.json",
            "--fail-on",
            "medium",
        ];
        // The change alerts once...
        let (code, v, _) = run(d.path(), WEAK, &args);
        let weak_score = v["score"].clone();
        assert_eq!(code, 1);
        assert!(ids(&v).contains(&"BA-DRF-008".to_string()));
        // ...and is the baseline afterwards.
        let (_, v, _) = run(d.path(), WEAK, &args);
        assert!(!ids(&v).contains(&"BA-DRF-008".to_string()), "{v}");
        let saved: Value =
            serde_json::from_str(&std::fs::read_to_string(d.path().join("b.json")).unwrap())
                .unwrap();
        assert_eq!(saved["score"], weak_score);
    }

    #[test]
    fn an_incomplete_run_does_not_overwrite_the_baseline() {
        let d = tempfile::tempdir().unwrap();
        assert_eq!(run(d.path(), STRONG, &["--save-baseline", "b.json"]).0, 0);
        let before = std::fs::read_to_string(d.path().join("b.json")).unwrap();
        // A [declared] section without a date makes the declared check fail.
        let cfg = d.path().join("config.toml");
        std::fs::write(&cfg, "[declared]\non = 10:00:00\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let (code, _, stderr) = run(
            d.path(),
            WEAK,
            &["--config", "config.toml", "--save-baseline", "b.json"],
        );
        assert_eq!(code, 3, "{stderr}");
        assert!(stderr.contains("baseline not saved"), "{stderr}");
        assert_eq!(
            std::fs::read_to_string(d.path().join("b.json")).unwrap(),
            before
        );
    }

    #[test]
    fn a_bad_baseline_is_a_usage_error() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("garbage.json"), "{ not json").unwrap();
        std::fs::write(d.path().join("v2.json"), r#"{"baseline_version": 2}"#).unwrap();
        std::fs::write(d.path().join("report.json"), r#"{"schema_version": 1}"#).unwrap();
        for (file, needle) in [
            ("missing.json", "--save-baseline"),
            ("garbage.json", "1:3"),
            ("v2.json", "not supported"),
            ("report.json", "not a baseline"),
        ] {
            let (code, v, stderr) = run(d.path(), WEAK, &["--baseline", file]);
            assert_eq!(code, 2, "{file}: {stderr}");
            assert_eq!(v, Value::Null, "no report on a usage error");
            assert!(
                stderr.contains(file) && stderr.contains(needle),
                "{file}: {stderr}"
            );
        }
        let out = Run::new()
            .home(d.path())
            .args(["--offline", "--fail-on-new"])
            .run();
        out.code(2);
    }
}

fn gate(r: &Report, g: &Gate, fail_on_new: bool) -> Exit {
    Gate { fail_on_new, ..*g }.judge(r)
}
