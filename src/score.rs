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
}

/// `None` when no weighted rule was evaluated: no number is better than a
/// made-up 100.
pub fn compute(evaluated: &[Scored]) -> ScoreResult {
    let total: u32 = evaluated.iter().map(|s| s.weight).sum();
    if total == 0 {
        return ScoreResult {
            score: None,
            grade: None,
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

    fn s(weight: u32, severity: Severity, failed: bool) -> Scored {
        Scored {
            weight,
            severity,
            failed,
        }
    }

    #[test]
    fn weighted_share_of_passed() {
        let r = compute(&[s(10, Severity::High, true), s(30, Severity::High, false)]);
        assert_eq!(r.score, Some(75));
        assert_eq!(r.grade, Some(Grade::C));
    }

    #[test]
    fn nothing_evaluated_means_no_score() {
        assert_eq!(compute(&[]).score, None);
        assert_eq!(compute(&[s(0, Severity::Info, true)]).score, None);
    }

    #[test]
    fn critical_finding_caps_grade() {
        let mut v = vec![s(20, Severity::Critical, true)];
        v.extend((0..20).map(|_| s(10, Severity::High, false)));
        let r = compute(&v);
        assert_eq!(r.score, Some(91));
        assert_eq!(r.grade, Some(Grade::D));
    }

    #[test]
    fn points_are_share_of_total() {
        let v = [s(10, Severity::High, true), s(30, Severity::High, false)];
        assert_eq!(points(10, &v), 25);
    }
}
