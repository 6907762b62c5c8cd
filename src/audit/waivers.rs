//! `[[waiver]]` entries: which ones concern this run, which finding each one
//! covers, and what became of each (active, expired, unused and why).

use chrono::NaiveDate;
use serde::Serialize;

use super::evaluate::RuleResult;
use crate::config::Waiver;
use crate::i18n::Msg;
use crate::msg;
use crate::rules::{Category, Outcome, Rule};

/// A finding accepted on purpose by a `[[waiver]]`: shown, but neither
/// scored nor gated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Waived {
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WaiverStatus {
    /// Matched a finding of this run and applied.
    Active,
    /// Past its expiry date: no longer applies.
    Expired,
    /// In force, but no finding of this run matched it.
    Unused,
}

/// What became of one waiver that concerns this run.
#[derive(Clone, Debug, PartialEq)]
pub struct WaiverOutcome {
    pub rule: String,
    pub profile: Option<String>,
    pub reason: String,
    pub expires: Option<String>,
    pub status: WaiverStatus,
    /// Why it is unused or expired.
    pub note: Option<Msg>,
}

/// The calendar date of a waiver's `expires`, if it has one.
pub fn expiry_date(w: &Waiver) -> Option<NaiveDate> {
    w.expires
        .as_ref()
        .and_then(crate::collect::declared::date_of)
}

/// `profile = "default"` names the `[binance]` section, as `--profile default` does.
pub fn concerns(w: &Waiver, profile: Option<&str>) -> bool {
    match w.profile.as_deref() {
        None => true,
        Some("default") => matches!(profile, None | Some("default")),
        Some(p) => Some(p) == profile,
    }
}

/// A waiver applies up to the day before `expires`; from that date on the
/// finding counts again.
pub fn expired(w: &Waiver, today: NaiveDate) -> bool {
    expiry_date(w).is_some_and(|d| today >= d)
}

/// The waivers of one run, counting how often each one was used.
pub struct Waivers<'a> {
    all: &'a [Waiver],
    profile: Option<&'a str>,
    today: NaiveDate,
    used: Vec<usize>,
}

impl<'a> Waivers<'a> {
    pub fn new(all: &'a [Waiver], profile: Option<&'a str>, today: NaiveDate) -> Waivers<'a> {
        Waivers {
            all,
            profile,
            today,
            used: vec![0; all.len()],
        }
    }

    /// The waiver that covers a failed rule, if one is in force.
    pub fn cover(&mut self, rule: &Rule) -> Option<Waived> {
        let (i, w) = self.all.iter().enumerate().find(|(_, w)| {
            concerns(w, self.profile)
                && w.rule.eq_ignore_ascii_case(&rule.id)
                && !expired(w, self.today)
        })?;
        self.used[i] += 1;
        Some(Waived {
            reason: w.reason.trim().to_string(),
            expires: expiry_date(w).map(|d| d.to_string()),
        })
    }

    /// Every waiver that concerns this run, with its status and, when it did
    /// nothing, why. `results` are the rule outcomes of this run.
    pub fn outcomes(
        &self,
        rules: &[Rule],
        with_baseline: bool,
        results: &[RuleResult<'_>],
    ) -> Vec<WaiverOutcome> {
        self.all
            .iter()
            .zip(&self.used)
            .filter(|(w, _)| concerns(w, self.profile))
            .map(|(w, &n)| {
                let expires = expiry_date(w);
                let rule = rules.iter().find(|r| r.id.eq_ignore_ascii_case(&w.rule));
                let (status, note) = if let Some(d) = expires.filter(|_| expired(w, self.today)) {
                    let note = msg!("engine-waiver-expired", date = d.to_string());
                    (WaiverStatus::Expired, Some(note))
                } else if n > 0 {
                    (WaiverStatus::Active, None)
                } else {
                    let why = unused_reason(rule, with_baseline, results);
                    (
                        WaiverStatus::Unused,
                        Some(msg!("engine-waiver-unused", why = why)),
                    )
                };
                WaiverOutcome {
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
}

fn unused_reason(rule: Option<&Rule>, with_baseline: bool, results: &[RuleResult<'_>]) -> Msg {
    match rule {
        None => msg!("engine-waiver-no-rule"),
        Some(r) if r.category == Category::Drift && !with_baseline => {
            msg!("engine-waiver-drift-needs-baseline")
        }
        Some(r) => {
            let not_evaluated = results.iter().find_map(|x| match &x.outcome {
                Outcome::NotEvaluated { reason }
                    if x.rule.id == r.id && x.superseded_by.is_none() =>
                {
                    Some(reason)
                }
                _ => None,
            });
            match not_evaluated {
                Some(reason) => msg!("engine-waiver-rule-not-evaluated", reason = reason),
                None => msg!("engine-waiver-rule-passed"),
            }
        }
    }
}
