//! Outcomes → exit codes. The codes are a contract (README, docs/exit-codes.md):
//! 0 ran and nothing at or above the gate; 1 the gate tripped; 2 usage or
//! configuration error only; 3 a check whose inputs were given could not
//! complete, or a required grade could not be given; 4 a report or file could
//! not be written.

use std::process::ExitCode;

use crate::password_list::{ListReport, Status};
use crate::report::{BaselineState, Finding, Report};
use crate::rules::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Gate = 1,
    Usage = 2,
    Incomplete = 3,
    Output = 4,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// The exit code of several outcomes: a usage error or a lost file first, then
/// a tripped gate, then "could not look", as for a single report.
pub fn worst(a: Exit, b: Exit) -> Exit {
    let rank = |e: Exit| match e {
        Exit::Ok => 0,
        Exit::Incomplete => 1,
        Exit::Gate => 2,
        Exit::Output => 3,
        Exit::Usage => 4,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// The gates a report is held to.
#[derive(Clone, Copy, Debug, Default)]
pub struct Gate {
    pub fail_on: Option<Severity>,
    pub min_score: Option<u32>,
    pub fail_on_new: bool,
}

impl Gate {
    /// Waived findings never count; with `fail_on_new`, neither do findings
    /// the baseline already recorded.
    pub fn judge(&self, report: &Report) -> Exit {
        let gated = |f: &&Finding| {
            f.counts() && !(self.fail_on_new && f.baseline == Some(BaselineState::Existing))
        };
        // --fail-on-new alone means "any new finding".
        let level = match (self.fail_on, self.fail_on_new) {
            (Some(l), _) => Some(l),
            (None, true) => Some(Severity::Info),
            (None, false) => None,
        };
        if let Some(level) = level
            && report
                .findings
                .iter()
                .filter(gated)
                .any(|f| f.severity >= level)
        {
            return Exit::Gate;
        }
        if let Some(min) = self.min_score {
            match report.score {
                Some(s) if s < min => return Exit::Gate,
                None => return Exit::Incomplete,
                _ => {}
            }
        }
        if report.any_check_failed() {
            Exit::Incomplete
        } else {
            Exit::Ok
        }
    }

    /// `--stdin-list`: `--fail-on` trips on any line's severity; a line not
    /// checked makes the run incomplete unless the gate tripped.
    pub fn judge_list(&self, r: &ListReport) -> Exit {
        if let Some(level) = self.fail_on
            && r.results
                .iter()
                .any(|x| x.severity.is_some_and(|s| s >= level))
        {
            return Exit::Gate;
        }
        if r.results.iter().any(|x| x.status == Status::NotChecked) {
            Exit::Incomplete
        } else {
            Exit::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Facts;
    use crate::i18n::Lang;
    use crate::report::build as evaluate;

    fn report(score: Option<u32>) -> Report {
        let facts = Facts::new();
        let mut r = evaluate::report(evaluate::Inputs {
            facts: &facts,
            rules: &[],
            lang: Lang::En,
            checks: vec![],
            network: vec![],
            warnings: vec![],
            profile: None,
            waivers: &[],
            baseline: None,
            config_file: None,
            now: chrono::Utc::now(),
        });
        r.score = score;
        r
    }

    #[test]
    fn min_score_without_a_score_is_incomplete_not_ok() {
        let g = Gate {
            min_score: Some(50),
            ..Gate::default()
        };
        assert_eq!(g.judge(&report(None)), Exit::Incomplete);
        assert_eq!(g.judge(&report(Some(49))), Exit::Gate);
        assert_eq!(g.judge(&report(Some(50))), Exit::Ok);
    }

    #[test]
    fn worst_prefers_errors_then_gates() {
        assert_eq!(worst(Exit::Ok, Exit::Incomplete), Exit::Incomplete);
        assert_eq!(worst(Exit::Gate, Exit::Incomplete), Exit::Gate);
        assert_eq!(worst(Exit::Gate, Exit::Output), Exit::Output);
        assert_eq!(worst(Exit::Usage, Exit::Output), Exit::Usage);
    }
}
