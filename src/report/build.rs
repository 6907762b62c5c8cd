//! Facts + rules → Report: evaluation, waivers, drift, scoring and
//! translation happen here, once, so every renderer shows the same thing.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{
    BaselineRef, BaselineState, Change, Coverage, FactEntry, Finding, NotChecked, Report, RuleRef,
    SCHEMA_VERSION, Source, Waived, WaiverEntry, WaiverStatus,
};
use crate::baseline::{self, LoadedBaseline};
use crate::collect::CheckStatus;
use crate::config::Waiver;
use crate::facts::{Fact, Facts};
use crate::i18n::{Lang, tr};
use crate::net::NetRequest;
use crate::rules::{Category, Evaluator, Outcome, Rule};
use crate::score::{self, Scored};

pub struct Inputs<'a> {
    pub facts: &'a Facts,
    pub rules: &'a [Rule],
    pub lang: Lang,
    pub checks: Vec<CheckStatus>,
    pub network: Vec<NetRequest>,
    pub warnings: Vec<String>,
    pub profile: Option<String>,
    /// `[[waiver]]` entries from the config.
    pub waivers: &'a [Waiver],
    /// `--baseline`: enables the drift rules and marks findings new/existing.
    pub baseline: Option<&'a LoadedBaseline>,
    /// The configuration file read, as given (SARIF anchors results there).
    pub config_file: Option<String>,
    /// The report's time; also the day waiver expiry is judged against.
    pub now: DateTime<Utc>,
}

/// The calendar date of a waiver's `expires`, if it has one.
pub fn expiry_date(w: &Waiver) -> Option<NaiveDate> {
    w.expires
        .as_ref()
        .and_then(crate::collect::declared::date_of)
}

/// `profile = "default"` names the `[binance]` section, as `--profile default` does.
fn concerns(w: &Waiver, profile: Option<&str>) -> bool {
    match w.profile.as_deref() {
        None => true,
        Some("default") => matches!(profile, None | Some("default")),
        Some(p) => Some(p) == profile,
    }
}

/// A waiver applies up to the day before `expires`; from that date on the
/// finding counts again.
fn expired(w: &Waiver, today: NaiveDate) -> bool {
    expiry_date(w).is_some_and(|d| today >= d)
}

pub fn build(inp: Inputs<'_>) -> Report {
    let lang = inp.lang;
    let today = inp.now.date_naive();
    let profile = inp.profile.as_deref();
    // Drift rules only mean something against a baseline; without one they
    // would only fill "not checked".
    let (state_rules, drift_rules): (Vec<&Rule>, Vec<&Rule>) = inp
        .rules
        .iter()
        .partition(|r| r.category != Category::Drift);

    let waivers: Vec<(usize, &Waiver)> = inp
        .waivers
        .iter()
        .enumerate()
        .filter(|(_, w)| concerns(w, profile))
        .collect();
    let mut used = vec![0usize; inp.waivers.len()];
    let mut waiver_for = |rule: &Rule| -> Option<Waived> {
        let (i, w) = waivers
            .iter()
            .find(|(_, w)| w.rule.eq_ignore_ascii_case(&rule.id) && !expired(w, today))?;
        used[*i] += 1;
        Some(Waived {
            reason: w.reason.trim().to_string(),
            expires: expiry_date(w).map(|d| d.to_string()),
        })
    };

    let eval = Evaluator::new(inp.facts);
    let mut outcomes: Vec<(&Rule, Outcome, Option<Waived>)> = Vec::new();
    for &rule in &state_rules {
        let o = eval.evaluate(rule);
        let w = (o == Outcome::Fail).then(|| waiver_for(rule)).flatten();
        outcomes.push((rule, o, w));
    }
    let scored: Vec<Scored> = outcomes
        .iter()
        .filter(|(_, o, _)| !matches!(o, Outcome::NotEvaluated { .. }))
        .map(|(r, o, w)| Scored {
            weight: r.weight,
            severity: r.severity,
            failed: *o == Outcome::Fail && w.is_none(),
        })
        .collect();
    let result = score::compute(&scored);
    let state_coverage = Coverage {
        evaluated: scored.len(),
        total: state_rules.len(),
    };

    let mut checks = inp.checks;
    let mut warnings = inp.warnings;
    let mut facts_seen = std::borrow::Cow::Borrowed(inp.facts);
    let mut baseline_ref = None;
    let mut total = state_rules.len();
    let mut evaluated = scored.len();
    if let Some(b) = inp.baseline {
        let mut with_drift = inp.facts.clone();
        baseline::observe_drift(
            &b.data,
            inp.facts,
            &baseline::CurrentState {
                score: result.score,
                coverage: state_coverage,
            },
            &mut with_drift,
        );
        let eval = Evaluator::new(&with_drift);
        for &rule in &drift_rules {
            let o = eval.evaluate(rule);
            if !matches!(o, Outcome::NotEvaluated { .. }) {
                evaluated += 1;
            }
            let w = (o == Outcome::Fail).then(|| waiver_for(rule)).flatten();
            outcomes.push((rule, o, w));
        }
        total += drift_rules.len();
        if b.data.profile.as_deref() != profile {
            warnings.push(format!(
                "{} {}",
                tr(
                    lang,
                    "the baseline was saved for another profile:",
                    "ベースラインは別のプロファイル用に保存されています:"
                ),
                b.data.profile.as_deref().unwrap_or("(default)")
            ));
        }
        checks.push(CheckStatus::ran(
            "baseline",
            format!(
                "compared with {} (saved {} by binance-audit {})",
                b.file, b.data.created_at, b.data.tool_version
            ),
        ));
        baseline_ref = Some(BaselineRef {
            file: b.file.clone(),
            created_at: b.data.created_at.clone(),
            tool_version: b.data.tool_version.clone(),
            score: b.data.score,
        });
        facts_seen = std::borrow::Cow::Owned(with_drift);
    }
    let facts = facts_seen.as_ref();

    let mut findings = Vec::new();
    let mut passed = Vec::new();
    let mut not_checked = Vec::new();
    for (rule, outcome, waived) in outcomes {
        let title = rule.title.get(lang).to_string();
        match outcome {
            Outcome::Fail => {
                let declared_on = rule
                    .facts
                    .iter()
                    .filter_map(|f| match facts.get(f) {
                        Some(Fact::Declared { on, .. }) => Some(*on),
                        _ => None,
                    })
                    .min();
                let drift = rule.category == Category::Drift;
                let changes: Vec<Change> = rule
                    .evidence
                    .iter()
                    .flat_map(|f| changes_of(f, facts))
                    .collect();
                findings.push(Finding {
                    id: rule.id.clone(),
                    category: rule.category,
                    severity: rule.severity,
                    title,
                    risk: rule.risk.get(lang).to_string(),
                    evidence: rule
                        .evidence
                        .iter()
                        .flat_map(|f| evidence_lines(f, facts))
                        .collect(),
                    remediation: rule.remediation.get(lang).to_vec(),
                    references: rule.references.clone(),
                    source: if declared_on.is_some() {
                        Source::Declared
                    } else {
                        Source::Observed
                    },
                    declared_on: declared_on.map(|d| d.to_string()),
                    // Drift findings are not scored: the score describes the
                    // state, which the state rules already measure.
                    points: if waived.is_some() || drift {
                        0
                    } else {
                        score::points(rule.weight, &scored)
                    },
                    fingerprint: fingerprint(rule, profile, facts),
                    waived,
                    baseline: inp.baseline.map(|b| {
                        if !drift && b.has_finding(&rule.id) {
                            BaselineState::Existing
                        } else {
                            BaselineState::New
                        }
                    }),
                    changes,
                });
            }
            Outcome::Pass => passed.push(RuleRef {
                id: rule.id.clone(),
                category: rule.category,
                title,
            }),
            Outcome::NotEvaluated { reason } => not_checked.push(NotChecked {
                id: rule.id.clone(),
                category: rule.category,
                title,
                reason,
            }),
        }
    }
    // Worst first, waived last; ties keep rule id order so output is stable.
    findings.sort_by(|a, b| {
        a.waived
            .is_some()
            .cmp(&b.waived.is_some())
            .then(b.severity.cmp(&a.severity))
            .then(a.id.cmp(&b.id))
    });

    let waiver_entries = waiver_report(
        inp.waivers,
        &used,
        inp.rules,
        inp.baseline.is_some(),
        &not_checked,
        profile,
        today,
        lang,
    );
    for w in &waiver_entries {
        if let Some(note) = &w.note {
            warnings.push(format!(
                "{} {}: {note}",
                tr(lang, "waiver for", "免除設定"),
                w.rule
            ));
        }
    }

    let facts = facts
        .iter()
        .map(|(name, fact)| match fact {
            Fact::Observed { value } => FactEntry {
                name: name.clone(),
                source: "observed".into(),
                value: Some(value.clone()),
                declared_on: None,
                reason: None,
            },
            Fact::Declared { value, on } => FactEntry {
                name: name.clone(),
                source: "declared".into(),
                value: Some(value.clone()),
                declared_on: Some(on.to_string()),
                reason: None,
            },
            Fact::NotChecked { reason } => FactEntry {
                name: name.clone(),
                source: "not_checked".into(),
                value: None,
                declared_on: None,
                reason: Some(reason.clone()),
            },
        })
        .collect();

    Report {
        schema_version: SCHEMA_VERSION,
        tool_version: env!("CARGO_PKG_VERSION").into(),
        generated_at: inp.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        lang,
        profile: inp.profile,
        score: result.score,
        grade: result.grade,
        coverage: Coverage { evaluated, total },
        findings,
        passed,
        not_checked,
        checks,
        facts,
        password: None,
        network: inp.network,
        warnings,
        config_file: inp.config_file,
        waivers: waiver_entries,
        baseline: baseline_ref,
    }
}

#[allow(clippy::too_many_arguments)]
fn waiver_report(
    all: &[Waiver],
    used: &[usize],
    rules: &[Rule],
    with_baseline: bool,
    not_checked: &[NotChecked],
    profile: Option<&str>,
    today: NaiveDate,
    lang: Lang,
) -> Vec<WaiverEntry> {
    all.iter()
        .zip(used)
        .filter(|(w, _)| concerns(w, profile))
        .map(|(w, &n)| {
            let expires = expiry_date(w);
            let rule = rules.iter().find(|r| r.id.eq_ignore_ascii_case(&w.rule));
            let (status, note) = if let Some(d) = expires.filter(|_| expired(w, today)) {
                let note = match lang {
                    Lang::En => format!("expired on {d} and no longer applies: renew it with a new date or fix the finding"),
                    Lang::Ja => format!("{d}に期限切れとなり、適用されなくなりました。期限を更新するか、問題を修正してください"),
                };
                (WaiverStatus::Expired, Some(note))
            } else if n > 0 {
                (WaiverStatus::Active, None)
            } else {
                let why = match rule {
                    None => tr(lang, "no rule has this id", "このIDのルールはありません").to_string(),
                    Some(r) if r.category == Category::Drift && !with_baseline => tr(
                        lang,
                        "drift rules run only with --baseline",
                        "ドリフトのルールは --baseline 指定時のみ実行されます",
                    )
                    .to_string(),
                    Some(r) => match not_checked.iter().find(|c| c.id == r.id) {
                        Some(c) => format!(
                            "{} ({})",
                            tr(lang, "the rule was not evaluated in this run", "このルールは今回評価されていません"),
                            c.reason
                        ),
                        None => tr(
                            lang,
                            "the rule passed, nothing to waive: remove the waiver?",
                            "ルールは問題なしでした。免除設定は不要かもしれません",
                        )
                        .to_string(),
                    },
                };
                let note = match lang {
                    Lang::En => format!("matched no finding in this run: {why}"),
                    Lang::Ja => format!("今回の検出事項に一致しませんでした: {why}"),
                };
                (WaiverStatus::Unused, Some(note))
            };
            WaiverEntry {
                rule: w.rule.clone(),
                profile: w.profile.clone(),
                reason: w.reason.trim().to_string(),
                expires: expires.map(|d| d.to_string()),
                status,
                note,
            }
        })
        .collect()
}

/// Stable identity of a finding: rule, profile, and the stable keys of its
/// evidence (address fingerprints, change items, names in lists). Counts,
/// ages and display text are left out so the value survives across runs.
fn fingerprint(rule: &Rule, profile: Option<&str>, facts: &Facts) -> String {
    let mut keys: Vec<String> = Vec::new();
    for name in &rule.evidence {
        if let Some(Value::Array(items)) = facts.get(name).and_then(Fact::value) {
            for item in items {
                let key = match item {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(m) => ["item", "fingerprint"]
                        .iter()
                        .find_map(|k| m.get(*k).and_then(Value::as_str))
                        .map(str::to_string),
                    _ => None,
                };
                keys.extend(key.map(|k| format!("{name}={k}")));
            }
        }
    }
    keys.sort();
    keys.dedup();
    let mut h = Sha256::new();
    h.update(rule.id.as_bytes());
    h.update([0]);
    h.update(profile.unwrap_or("").as_bytes());
    for k in keys {
        h.update([0]);
        h.update(k.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Change records `{item, label, old, new}` found in an evidence fact.
fn changes_of(name: &str, facts: &Facts) -> Vec<Change> {
    let Some(Value::Array(items)) = facts.get(name).and_then(Fact::value) else {
        return vec![];
    };
    items
        .iter()
        .filter_map(|i| {
            let s = |k: &str| i.get(k).and_then(Value::as_str).map(str::to_string);
            Some(Change {
                fact: name.to_string(),
                item: s("item")?,
                label: s("label").unwrap_or_default(),
                old: s("old")?,
                new: s("new")?,
            })
        })
        .collect()
}

/// "name = value", one line per list item so addresses read as a list.
fn evidence_lines(name: &str, facts: &Facts) -> Vec<String> {
    let Some(v) = facts.get(name).and_then(Fact::value) else {
        return vec![];
    };
    match v {
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| format!("{name}: {}", compact(i)))
            .collect(),
        other => vec![format!("{name} = {}", compact(other))],
    }
}

fn compact(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        // A change record reads as "label: old → new".
        Value::Object(m) if m.contains_key("old") && m.contains_key("new") => format!(
            "{}: {} → {}",
            m.get("label").map(compact).unwrap_or_default(),
            m.get("old").map(compact).unwrap_or_default(),
            m.get("new").map(compact).unwrap_or_default()
        ),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{k}={}", compact(v)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}
