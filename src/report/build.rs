//! Facts + rules → Report: evaluation, scoring and translation happen here,
//! once, so every renderer shows the same thing.

use chrono::Utc;

use super::{Coverage, FactEntry, Finding, NotChecked, Report, RuleRef, SCHEMA_VERSION, Source};
use crate::collect::CheckStatus;
use crate::facts::{Fact, Facts};
use crate::i18n::Lang;
use crate::net::NetRequest;
use crate::rules::{Evaluator, Outcome, Rule};
use crate::score::{self, Scored};

pub struct Inputs<'a> {
    pub facts: &'a Facts,
    pub rules: &'a [Rule],
    pub lang: Lang,
    pub checks: Vec<CheckStatus>,
    pub network: Vec<NetRequest>,
    pub warnings: Vec<String>,
    pub profile: Option<String>,
}

pub fn build(inp: Inputs<'_>) -> Report {
    let lang = inp.lang;
    let eval = Evaluator::new(inp.facts);
    let outcomes: Vec<(&Rule, Outcome)> = inp.rules.iter().map(|r| (r, eval.evaluate(r))).collect();
    let scored: Vec<Scored> = outcomes
        .iter()
        .filter(|(_, o)| !matches!(o, Outcome::NotEvaluated { .. }))
        .map(|(r, o)| Scored {
            weight: r.weight,
            severity: r.severity,
            failed: *o == Outcome::Fail,
        })
        .collect();
    let result = score::compute(&scored);

    let mut findings = Vec::new();
    let mut passed = Vec::new();
    let mut not_checked = Vec::new();
    for (rule, outcome) in &outcomes {
        let title = rule.title.get(lang).to_string();
        match outcome {
            Outcome::Fail => {
                let declared_on = rule
                    .facts
                    .iter()
                    .filter_map(|f| match inp.facts.get(f) {
                        Some(Fact::Declared { on, .. }) => Some(*on),
                        _ => None,
                    })
                    .min();
                findings.push(Finding {
                    id: rule.id.clone(),
                    category: rule.category,
                    severity: rule.severity,
                    title,
                    risk: rule.risk.get(lang).to_string(),
                    evidence: rule
                        .evidence
                        .iter()
                        .flat_map(|f| evidence_lines(f, inp.facts))
                        .collect(),
                    remediation: rule.remediation.get(lang).to_vec(),
                    references: rule.references.clone(),
                    source: if declared_on.is_some() {
                        Source::Declared
                    } else {
                        Source::Observed
                    },
                    declared_on: declared_on.map(|d| d.to_string()),
                    points: score::points(rule.weight, &scored),
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
                reason: reason.clone(),
            }),
        }
    }
    // Worst first; ties keep rule order so output is stable.
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.id.cmp(&b.id)));

    let facts = inp
        .facts
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
        generated_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        lang,
        profile: inp.profile,
        score: result.score,
        grade: result.grade,
        coverage: Coverage {
            evaluated: scored.len(),
            total: inp.rules.len(),
        },
        findings,
        passed,
        not_checked,
        checks: inp.checks,
        facts,
        password: None,
        network: inp.network,
        warnings: inp.warnings,
    }
}

/// "name = value", one line per list item so addresses read as a list.
fn evidence_lines(name: &str, facts: &Facts) -> Vec<String> {
    let Some(v) = facts.get(name).and_then(Fact::value) else {
        return vec![];
    };
    match v {
        serde_json::Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| format!("{name}: {}", compact(i)))
            .collect(),
        other => vec![format!("{name} = {}", compact(other))],
    }
}

fn compact(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{k}={}", compact(v)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}
