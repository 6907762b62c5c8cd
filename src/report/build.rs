//! Evaluation → Report: the one place rule outcomes become text in the
//! report's language, so every renderer shows the same thing. Nothing here
//! decides an outcome; `audit::evaluate` did.

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{
    BaselineRef, BaselineState, Change, FactEntry, Finding, NotChecked, Report, RuleRef,
    SCHEMA_VERSION, Source, Superseded,
};
use crate::audit::evaluate::{Evaluation, Inputs};
use crate::collect::CheckStatus;
use crate::facts::{Fact, Facts};
use crate::i18n::tr;
use crate::rules::{Category, Outcome, Rule};
use crate::score;

pub fn build(ev: &Evaluation<'_>, inp: &Inputs<'_>) -> Report {
    let lang = inp.lang;
    let profile = inp.profile.as_deref();
    let facts: &Facts = ev.facts.as_ref();
    let mut checks = inp.checks.clone();
    let mut warnings = inp.warnings.clone();
    let mut baseline_ref = None;
    if let Some(b) = inp.baseline {
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
            match lang {
                crate::i18n::Lang::En => format!(
                    "compared with {} (saved {} by binance-audit {})",
                    b.file, b.data.created_at, b.data.tool_version
                ),
                crate::i18n::Lang::Ja => format!(
                    "{} と比較（{} に binance-audit {} で保存）",
                    b.file, b.data.created_at, b.data.tool_version
                ),
            },
        ));
        baseline_ref = Some(BaselineRef {
            file: b.file.clone(),
            created_at: b.data.created_at.clone(),
            tool_version: b.data.tool_version.clone(),
            score: b.data.score,
        });
    }

    let mut findings = Vec::new();
    let mut passed = Vec::new();
    let mut not_checked = Vec::new();
    let mut not_applicable = Vec::new();
    let mut superseded = Vec::new();
    for r in &ev.results {
        let (rule, waived) = (r.rule, r.waived.clone());
        let title = rule.title.get(lang).to_string();
        if let Some(by) = r.superseded_by {
            superseded.push(Superseded {
                id: rule.id.clone(),
                category: rule.category,
                by: by.to_string(),
            });
            continue;
        }
        match &r.outcome {
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
                        .flat_map(|f| evidence_lines(f, facts, lang))
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
                    fixable: rule.fixable,
                    points: if waived.is_some() || drift || !rule.fixable {
                        0
                    } else {
                        score::points(rule.weight, &ev.scored)
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
                reason: reason.clone(),
            }),
            Outcome::NotApplicable { reason } => not_applicable.push(NotChecked {
                id: rule.id.clone(),
                category: rule.category,
                title,
                reason: reason.clone(),
            }),
        }
    }
    // New first (drift, and findings the baseline did not have), then worst
    // first; waived last; ties keep rule id order so output is stable.
    findings.sort_by(|a, b| {
        let old = |f: &Finding| f.baseline == Some(BaselineState::Existing);
        a.waived
            .is_some()
            .cmp(&b.waived.is_some())
            .then(old(a).cmp(&old(b)))
            .then(b.severity.cmp(&a.severity))
            .then(a.id.cmp(&b.id))
    });

    let waiver_entries = ev
        .waivers
        .report(inp.rules, inp.baseline.is_some(), &not_checked, lang);
    for w in &waiver_entries {
        if let Some(note) = &w.note {
            warnings.push(format!(
                "{} {}: {note}",
                tr(lang, "waiver for", "免除設定"),
                w.rule
            ));
        }
    }

    let incomplete: Vec<String> = checks
        .iter()
        .filter(|c| c.state == crate::collect::CheckState::Failed)
        .map(|c| format!("{}: {}", c.check, c.detail))
        .collect();

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
            Fact::NotApplicable { reason } => FactEntry {
                name: name.clone(),
                source: "not_applicable".into(),
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
        profile: inp.profile.clone(),
        score: ev.score.score,
        grade: ev.score.grade,
        not_graded: not_graded(ev, lang),
        next_steps: if ev.score.below_floor {
            next_steps(&checks, lang)
        } else {
            Vec::new()
        },
        coverage: ev.coverage,
        complete: incomplete.is_empty(),
        incomplete,
        findings,
        passed,
        not_checked,
        not_applicable,
        superseded,
        checks,
        facts,
        password: None,
        network: inp.network.clone(),
        warnings,
        config_file: inp.config_file.clone(),
        waivers: waiver_entries,
        baseline: baseline_ref,
    }
}

/// What would make a report gradable, from the checks that had no input.
fn next_steps(checks: &[CheckStatus], lang: crate::i18n::Lang) -> Vec<String> {
    use crate::collect::CheckState::Skipped;
    let skipped = |name: &str| checks.iter().any(|c| c.check == name && c.state == Skipped);
    let mut out = Vec::new();
    if skipped("declared") {
        out.push(tr(
            lang,
            "binance-audit setup — answer what no API can see (2FA, anti-phishing code, whitelist)",
            "binance-audit setup — APIでは確認できない項目（2段階認証、フィッシング対策コード、出金ホワイトリスト）に回答する",
        ).to_string());
    }
    if skipped(crate::collect::binance::CHECK) {
        out.push(tr(
            lang,
            "a read-only API key: create an Ed25519 key with only \"Enable Reading\", then export BINANCE_API_KEY and BINANCE_API_PRIVATE_KEY_FILE (README: Auditing your Binance account)",
            "読み取り専用のAPIキー: 「読み取りを有効にする」だけのEd25519キーを作成し、BINANCE_API_KEY と BINANCE_API_PRIVATE_KEY_FILE を設定する（README「Auditing your Binance account」）",
        ).to_string());
    }
    if skipped("password") {
        out.push(tr(
            lang,
            "binance-audit password — check your Binance password's strength and breaches (nothing is sent but 5 characters of its hash)",
            "binance-audit password — Binanceのパスワードの強度と流出を確認する（送信するのはハッシュの先頭5文字だけです）",
        ).to_string());
    }
    out
}

/// Why there is no grade, in the report's language.
fn not_graded(ev: &Evaluation<'_>, lang: crate::i18n::Lang) -> Option<String> {
    if ev.score.grade.is_some() {
        return None;
    }
    let (ran, total) = (ev.coverage.evaluated, ev.coverage.total);
    Some(match (ev.score.below_floor, lang) {
        (true, crate::i18n::Lang::En) => format!(
            "{ran} of {total} checks ran; a grade needs at least {}%",
            score::COVERAGE_FLOOR_PERCENT
        ),
        (true, crate::i18n::Lang::Ja) => format!(
            "{total}項目中{ran}項目のみ確認。評価には{}%以上の確認が必要です",
            score::COVERAGE_FLOOR_PERCENT
        ),
        (false, l) => tr(
            l,
            "no weighted check could run",
            "点数の付く項目を確認できませんでした",
        )
        .to_string(),
    })
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

/// "name = value", one line per list item so addresses read as a list. A
/// text value is Binance's own word ("Restricted: …"): quoted in Japanese.
fn evidence_lines(name: &str, facts: &Facts, lang: crate::i18n::Lang) -> Vec<String> {
    let Some(v) = facts.get(name).and_then(Fact::value) else {
        return vec![];
    };
    match v {
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| format!("{name}: {}", compact(i)))
            .collect(),
        Value::String(s) if lang == crate::i18n::Lang::Ja => vec![format!("{name} = 「{s}」")],
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
