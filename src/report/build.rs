//! Evaluation → Report: the one place rule outcomes and the engine's
//! messages become text in the report's language, so every renderer shows
//! the same thing. Nothing here decides an outcome; `audit::evaluate` did.
//! The report keeps the sentences made (not the messages), so JSON, SARIF
//! and text read the same words.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{
    BaselineRef, BaselineState, Change, CheckEntry, CrackTime, FactEntry, Finding, NotChecked,
    PasswordDetails, Report, RuleRef, SCHEMA_VERSION, Source, Superseded, WaiverEntry,
};
use crate::audit::Audited;
use crate::audit::evaluate::{self, Evaluation};
use crate::baseline::LoadedBaseline;
use crate::collect::password;
use crate::collect::{CheckState, CheckStatus, drift};
use crate::config::Waiver;
use crate::context::Context;
use crate::facts::{Fact, Facts};
use crate::i18n::Lang;
use crate::net::NetRequest;
use crate::rules::{Category, Outcome, Rule};
use crate::{score, t};

/// Everything one account's report is made from.
pub struct Inputs<'a> {
    pub facts: &'a Facts,
    pub rules: &'a [Rule],
    /// The report's language: every message is made in it.
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

/// Evaluate the rules over `inp.facts` and build the report.
pub fn report(inp: Inputs<'_>) -> Report {
    let evaluation = evaluate::evaluate(
        inp.facts,
        inp.rules,
        inp.waivers,
        inp.baseline,
        inp.profile.as_deref(),
        inp.now.date_naive(),
    );
    build(&evaluation, &inp)
}

/// The report of one audited account (`audit::audit_profiles`,
/// `audit::password_audit`), judged by the context's rules, waivers and
/// baseline, in the context's language.
pub fn audited(ctx: &Context, a: Audited) -> Report {
    let lang = ctx.lang;
    let mut warnings = ctx.warnings.clone();
    for w in &a.warnings {
        let w = w.render(lang);
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    let rules = a.scope.rules(&ctx.rules);
    let mut report = report(Inputs {
        facts: &a.facts,
        rules: &rules,
        lang,
        checks: a.checks,
        network: a.network,
        warnings,
        profile: a.profile,
        waivers: &ctx.config.waivers,
        baseline: match a.scope {
            crate::audit::Scope::Account => ctx.baseline.as_ref(),
            crate::audit::Scope::Password => None,
        },
        config_file: ctx.config_file_name(),
        now: Utc::now(),
    });
    report.password = a.password.as_ref().map(|p| password_details(p, lang));
    report
}

/// The password's details in the report's language.
pub fn password_details(p: &password::PasswordDetails, lang: Lang) -> PasswordDetails {
    let crack = |c: &password::CrackTime| CrackTime {
        seconds: c.seconds,
        display: c.display.render(lang),
    };
    PasswordDetails {
        score: p.score,
        length: p.length,
        guesses_log10: p.guesses_log10,
        crack_time_online_throttled: crack(&p.crack_time_online_throttled),
        crack_time_offline_slow_hash: crack(&p.crack_time_offline_slow_hash),
        warning: p.warning.as_ref().map(|w| w.render(lang)),
        suggestions: p.suggestions.iter().map(|s| s.render(lang)).collect(),
    }
}

/// A collector's outcome in the report's language.
pub fn check_entry(c: &CheckStatus, lang: Lang) -> CheckEntry {
    CheckEntry {
        check: c.check.clone(),
        state: c.state,
        detail: c.detail.render(lang),
    }
}

pub fn build(ev: &Evaluation<'_>, inp: &Inputs<'_>) -> Report {
    let lang = inp.lang;
    let profile = inp.profile.as_deref();
    let facts: &Facts = ev.facts.as_ref();
    let mut checks: Vec<CheckEntry> = inp.checks.iter().map(|c| check_entry(c, lang)).collect();
    let mut warnings = inp.warnings.clone();
    let mut baseline_ref = None;
    if let Some(b) = inp.baseline {
        if b.data.profile.as_deref() != profile {
            warnings.push(t!(
                lang,
                "engine-baseline-other-profile",
                profile = b.data.profile.as_deref().unwrap_or("(default)")
            ));
        }
        checks.push(CheckEntry {
            check: "baseline".into(),
            state: CheckState::Ran,
            detail: t!(
                lang,
                "engine-baseline-compared",
                file = &b.file,
                saved = &b.data.created_at,
                version = &b.data.tool_version
            ),
        });
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
                    .flat_map(|f| changes_of(f, facts, lang))
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
                    lookalikes: rule
                        .evidence
                        .iter()
                        .flat_map(|f| pairs_of(f, facts))
                        .collect(),
                });
            }
            Outcome::Pass => passed.push(RuleRef {
                id: rule.id.clone(),
                category: rule.category,
                title,
                passed: rule.passed.get(lang).to_string(),
            }),
            Outcome::NotEvaluated { reason } => not_checked.push(NotChecked {
                id: rule.id.clone(),
                category: rule.category,
                title,
                reason: reason.render(lang),
            }),
            Outcome::NotApplicable { reason } => not_applicable.push(NotChecked {
                id: rule.id.clone(),
                category: rule.category,
                title,
                reason: reason.render(lang),
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

    let waiver_entries: Vec<WaiverEntry> = ev
        .waivers
        .outcomes(inp.rules, inp.baseline.is_some(), &ev.results)
        .into_iter()
        .map(|w| WaiverEntry {
            rule: w.rule,
            profile: w.profile,
            reason: w.reason,
            expires: w.expires,
            status: w.status,
            note: w.note.map(|n| n.render(lang)),
        })
        .collect();
    for w in &waiver_entries {
        if let Some(note) = &w.note {
            warnings.push(t!(
                lang,
                "engine-waiver-warning",
                rule = &w.rule,
                note = note
            ));
        }
    }

    let incomplete: Vec<String> = checks
        .iter()
        .filter(|c| c.state == CheckState::Failed)
        .map(|c| format!("{}: {}", c.check, c.detail))
        .collect();

    let facts = facts
        .iter()
        .map(|(name, fact)| match fact {
            Fact::Observed { value } => FactEntry {
                name: name.clone(),
                source: "observed".into(),
                value: Some(said(value, lang)),
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
                reason: Some(reason.render(lang)),
            },
            Fact::NotApplicable { reason } => FactEntry {
                name: name.clone(),
                source: "not_applicable".into(),
                value: None,
                declared_on: None,
                reason: Some(reason.render(lang)),
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
fn next_steps(checks: &[CheckEntry], lang: Lang) -> Vec<String> {
    let skipped = |name: &str| {
        checks
            .iter()
            .any(|c| c.check == name && c.state == CheckState::Skipped)
    };
    let mut out = Vec::new();
    if skipped("declared") {
        out.push(t!(lang, "engine-next-setup"));
    }
    if skipped(crate::collect::binance::CHECK) {
        out.push(t!(lang, "engine-next-api-key"));
    }
    if skipped("password") {
        out.push(t!(lang, "engine-next-password"));
    }
    out
}

/// Why there is no grade, in the report's language.
fn not_graded(ev: &Evaluation<'_>, lang: Lang) -> Option<String> {
    if ev.score.grade.is_some() {
        return None;
    }
    let (ran, total) = (ev.coverage.evaluated, ev.coverage.total);
    Some(if ev.score.below_floor {
        t!(
            lang,
            "engine-not-graded-below-floor",
            ran = ran,
            total = total,
            floor = score::COVERAGE_FLOOR_PERCENT
        )
    } else {
        t!(lang, "engine-not-graded-nothing-weighted")
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

/// Change records `{item, label, old, new}` found in an evidence fact, with
/// the drift collector's own words said in the report's language.
fn changes_of(name: &str, facts: &Facts, lang: Lang) -> Vec<Change> {
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
                old: drift::word(&s("old")?).render(lang),
                new: drift::word(&s("new")?).render(lang),
            })
        })
        .collect()
}

/// A fact's value with the messages it holds said in `lang` (look-alike
/// evidence), so the JSON facts read as the report's other text does.
fn said(v: &Value, lang: Lang) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.iter().map(|i| said(i, lang)).collect()),
        other => match crate::i18n::Msg::from_json(other) {
            Some(m) => Value::String(m.render(lang)),
            None => match other {
                Value::Object(m) => {
                    Value::Object(m.iter().map(|(k, v)| (k.clone(), said(v, lang))).collect())
                }
                _ => other.clone(),
            },
        },
    }
}

/// Look-alike address pairs in an evidence fact: the address facts' items
/// and drift changes that name the saved address a new one resembles.
fn pairs_of(name: &str, facts: &Facts) -> Vec<crate::address::diff::Pair> {
    let Some(Value::Array(items)) = facts.get(name).and_then(Fact::value) else {
        return vec![];
    };
    items
        .iter()
        .filter_map(|i| crate::address::diff::Pair::from_json(i.get("lookalike").unwrap_or(i)))
        .collect()
}

/// "name = value", one line per list item so addresses read as a list. A
/// text value is Binance's own word ("Restricted: …"): quoted in Japanese.
fn evidence_lines(name: &str, facts: &Facts, lang: Lang) -> Vec<String> {
    let Some(v) = facts.get(name).and_then(Fact::value) else {
        return vec![];
    };
    match v {
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| format!("{name}: {}", compact(i, lang)))
            .collect(),
        Value::String(s) => vec![t!(lang, "engine-evidence-text", name = name, value = s)],
        Value::Number(n) if is_time(name) => match n.as_i64().and_then(utc_of_millis) {
            Some(at) => vec![format!("{name} = {at}")],
            None => vec![format!("{name} = {n}")],
        },
        other => vec![format!("{name} = {}", compact(other, lang))],
    }
}

/// Binance times are facts named `…_time` in milliseconds since 1970
/// (`api.create_time`, `account.planned_recover_time`).
fn is_time(name: &str) -> bool {
    name.ends_with("_time")
}

/// A millisecond time as RFC 3339 UTC to the second: what JSON and SARIF
/// carry, and what the text and Markdown views show in the reader's zone
/// (`localtime::localize`). A raw count of milliseconds means nothing to a
/// person.
fn utc_of_millis(ms: i64) -> Option<String> {
    jiff::Timestamp::from_second(ms.div_euclid(1000))
        .ok()
        .map(|t| t.to_string())
}

fn compact(v: &Value, lang: Lang) -> String {
    if let Some(m) = crate::i18n::Msg::from_json(v) {
        return m.render(lang);
    }
    match v {
        Value::String(s) => s.clone(),
        // A look-alike pair carries its sentence.
        Value::Object(m) if m.contains_key("first") && m.contains_key("text") => {
            m.get("text").map(|t| compact(t, lang)).unwrap_or_default()
        }
        // A change record reads as "label: old → new".
        Value::Object(m) if m.contains_key("old") && m.contains_key("new") => {
            let word = |k: &str| match m.get(k) {
                Some(Value::String(s)) => drift::word(s).render(lang),
                Some(other) => compact(other, lang),
                None => String::new(),
            };
            format!(
                "{}: {} → {}",
                m.get("label").map(|l| compact(l, lang)).unwrap_or_default(),
                word("old"),
                word("new")
            )
        }
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{k}={}", compact(v, lang)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}
