//! The score: the weighted share of evaluated rules that passed. Rules that
//! were not evaluated are left out of both sides of the fraction, which is why
//! coverage is always printed beside the number.

use serde::Serialize;

use crate::rules::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
    F,
}

impl Grade {
    pub fn from_score(score: u32) -> Grade {
        match score {
            90.. => Grade::A,
            80..=89 => Grade::B,
            70..=79 => Grade::C,
            60..=69 => Grade::D,
            _ => Grade::F,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::F => "F",
        }
    }
}

/// How many of the applicable rules were evaluated: printed beside every
/// score, and what the grade's floor is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub evaluated: usize,
    pub total: usize,
}

/// One evaluated rule as the score sees it.
pub struct Scored {
    pub weight: u32,
    pub severity: Severity,
    /// True when the rule raised a finding that counts (not waived).
    pub failed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ScoreResult {
    pub score: Option<u32>,
    pub grade: Option<Grade>,
    /// Fewer checks ran than [`COVERAGE_FLOOR_PERCENT`] of the applicable
    /// ones: a grade would speak for checks that did not run.
    pub below_floor: bool,
}

/// A grade needs at least this share of the applicable checks to have run.
/// Below it the report says "Not graded — N of M checks ran" and what would
/// make it gradable: an "A" from one check that ran would read as "safe".
pub const COVERAGE_FLOOR_PERCENT: usize = 40;

/// `None` when no weighted rule was evaluated, or too few checks ran (below
/// the floor): no number is better than a made-up one.
pub fn compute(evaluated: &[Scored], coverage: Coverage) -> ScoreResult {
    let total: u32 = evaluated.iter().map(|s| s.weight).sum();
    let below_floor = coverage.evaluated * 100 < coverage.total * COVERAGE_FLOOR_PERCENT;
    if total == 0 || below_floor {
        return ScoreResult {
            score: None,
            grade: None,
            below_floor,
        };
    }
    let lost: u32 = evaluated
        .iter()
        .filter(|s| s.failed)
        .map(|s| s.weight)
        .sum();
    let score = ((total - lost) as f64 * 100.0 / total as f64).round() as u32;
    let mut grade = Grade::from_score(score);
    // A withdrawable, unrestricted key is not a "B" account, whatever else is fine.
    if evaluated
        .iter()
        .any(|s| s.failed && s.severity == Severity::Critical)
        && grade < Grade::D
    {
        grade = Grade::D;
    }
    ScoreResult {
        score: Some(score),
        grade: Some(grade),
        below_floor: false,
    }
}

/// Points fixing one finding of `weight` would recover.
pub fn points(weight: u32, evaluated: &[Scored]) -> u32 {
    let total: u32 = evaluated.iter().map(|s| s.weight).sum();
    if total == 0 {
        0
    } else {
        (weight as f64 * 100.0 / total as f64).round() as u32
    }
}

impl PartialOrd for Grade {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Grade {
    /// A < B < … < F in declaration order: "better" grades compare smaller.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(n: usize) -> Coverage {
        Coverage {
            evaluated: n,
            total: n,
        }
    }

    #[test]
    fn no_grade_below_the_coverage_floor() {
        let v = [s(10, Severity::High, false)];
        let low = compute(
            &v,
            Coverage {
                evaluated: 1,
                total: 29,
            },
        );
        assert_eq!((low.score, low.grade, low.below_floor), (None, None, true));
        let at_floor = compute(
            &v,
            Coverage {
                evaluated: 12,
                total: 30,
            },
        );
        assert_eq!(at_floor.score, Some(100));
        assert!(!at_floor.below_floor);
        let just_under = compute(
            &v,
            Coverage {
                evaluated: 11,
                total: 28,
            },
        );
        assert!(just_under.below_floor);
    }

    fn s(weight: u32, severity: Severity, failed: bool) -> Scored {
        Scored {
            weight,
            severity,
            failed,
        }
    }

    #[test]
    fn weighted_share_of_passed() {
        let r = compute(
            &[s(10, Severity::High, true), s(30, Severity::High, false)],
            all(2),
        );
        assert_eq!(r.score, Some(75));
        assert_eq!(r.grade, Some(Grade::C));
    }

    #[test]
    fn nothing_evaluated_means_no_score() {
        assert_eq!(compute(&[], all(0)).score, None);
        assert_eq!(compute(&[s(0, Severity::Info, true)], all(1)).score, None);
    }

    #[test]
    fn critical_finding_caps_grade() {
        let mut v = vec![s(20, Severity::Critical, true)];
        v.extend((0..20).map(|_| s(10, Severity::High, false)));
        let r = compute(&v, all(v.len()));
        assert_eq!(r.score, Some(91));
        assert_eq!(r.grade, Some(Grade::D));
    }

    #[test]
    fn points_are_share_of_total() {
        let v = [s(10, Severity::High, true), s(30, Severity::High, false)];
        assert_eq!(points(10, &v), 25);
    }
}
