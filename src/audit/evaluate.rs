//! The audit's spine after collection: state rules → waivers → score → drift
//! facts → drift rules. The result is language-free; `report::build` turns it
//! into the `Report` every renderer shows (this layer never sees a report).

use std::borrow::Cow;

use super::waivers::{Waived, Waivers};
use crate::baseline::LoadedBaseline;
use crate::collect::drift::{self, CurrentState};
use crate::config::Waiver;
use crate::facts::Facts;
use crate::rules::{Category, Evaluator, Outcome, Rule};
use crate::score::{self, Coverage, ScoreResult, Scored};

/// One rule's outcome in this run.
pub struct RuleResult<'a> {
    pub rule: &'a Rule,
    pub outcome: Outcome,
    pub waived: Option<Waived>,
    /// The worse rule of its band fired: this one is neither a finding nor
    /// "passed".
    pub superseded_by: Option<&'a str>,
}

impl RuleResult<'_> {
    /// Whether the rule ran and says something about the account (pass or fail).
    pub fn evaluated(&self) -> bool {
        !matches!(
            self.outcome,
            Outcome::NotEvaluated { .. } | Outcome::NotApplicable { .. }
        )
    }
}

/// What the rules said, before any text is chosen.
pub struct Evaluation<'a> {
    pub results: Vec<RuleResult<'a>>,
    /// The scored (evaluated state) rules, for points-if-fixed.
    pub scored: Vec<Scored>,
    pub score: ScoreResult,
    pub coverage: Coverage,
    /// The facts the rules saw: this run's, plus `drift.*` with a baseline.
    pub facts: Cow<'a, Facts>,
    pub waivers: Waivers<'a>,
}

pub fn evaluate<'a>(
    facts: &'a Facts,
    rules: &'a [Rule],
    waivers: &'a [Waiver],
    baseline: Option<&LoadedBaseline>,
    profile: Option<&'a str>,
    today: chrono::NaiveDate,
) -> Evaluation<'a> {
    // Drift rules only mean something against a baseline; without one they
    // would only fill "not checked".
    let (state_rules, drift_rules): (Vec<&Rule>, Vec<&Rule>) =
        rules.iter().partition(|r| r.category != Category::Drift);
    let mut waivers = Waivers::new(waivers, profile, today);

    let eval = Evaluator::new(facts);
    let mut results: Vec<RuleResult<'a>> = state_rules
        .iter()
        .map(|&rule| {
            let outcome = eval.evaluate(rule);
            let waived = (outcome == Outcome::Fail)
                .then(|| waivers.cover(rule))
                .flatten();
            RuleResult {
                rule,
                outcome,
                waived,
                superseded_by: None,
            }
        })
        .collect();
    supersede(&mut results);
    let scored: Vec<Scored> = results
        .iter()
        .filter(|r| r.evaluated() && r.superseded_by.is_none())
        .map(|r| Scored {
            weight: r.rule.weight,
            severity: r.rule.severity,
            failed: r.outcome == Outcome::Fail && r.waived.is_none(),
        })
        .collect();
    let applicable = |r: &&RuleResult<'_>| !matches!(r.outcome, Outcome::NotApplicable { .. });
    let state_coverage = Coverage {
        evaluated: results.iter().filter(|r| r.evaluated()).count(),
        total: results.iter().filter(applicable).count(),
    };
    let score = score::compute(&scored, state_coverage);

    let mut coverage = state_coverage;
    let mut seen = Cow::Borrowed(facts);
    if let Some(b) = baseline {
        let mut with_drift = facts.clone();
        drift::observe_drift(
            &b.data,
            facts,
            &CurrentState {
                score: score.score,
                coverage: state_coverage,
            },
            &mut with_drift,
        );
        let eval = Evaluator::new(&with_drift);
        for &rule in &drift_rules {
            let outcome = eval.evaluate(rule);
            let waived = (outcome == Outcome::Fail)
                .then(|| waivers.cover(rule))
                .flatten();
            let r = RuleResult {
                rule,
                outcome,
                waived,
                superseded_by: None,
            };
            coverage.evaluated += usize::from(r.evaluated());
            coverage.total += usize::from(!matches!(r.outcome, Outcome::NotApplicable { .. }));
            results.push(r);
        }
        seen = Cow::Owned(with_drift);
    }
    Evaluation {
        results,
        scored,
        score,
        coverage,
        facts: seen,
        waivers,
    }
}

/// Mark each band rule whose worse neighbour fired.
fn supersede(results: &mut [RuleResult<'_>]) {
    let fired: Vec<String> = results
        .iter()
        .filter(|r| r.outcome == Outcome::Fail)
        .map(|r| r.rule.id.clone())
        .collect();
    for r in results.iter_mut() {
        if let Some(by) = r.rule.superseded_by.as_deref()
            && fired.iter().any(|f| f == by)
        {
            r.superseded_by = Some(by);
        }
    }
}
