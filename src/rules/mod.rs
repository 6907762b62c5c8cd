//! Rules are data: `rules/*.toml`, embedded at build time and overridable with
//! `--rules DIR`. A rule names the facts it reads and a CEL condition over
//! them; true raises a finding.

pub mod cost;
mod eval;
mod load;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Msg, Text, TextList};
use crate::msg;

pub use eval::{Evaluator, Outcome};
pub use load::{LoadError, Problem, line_col, load_builtin, load_dir, load_with_overrides};

/// The rule files shipped inside the binary. A test checks that every
/// `rules/*.toml` rule file is listed here, so none is forgotten.
pub const BUILTIN: &[(&str, &str)] = &[
    ("password.toml", include_str!("../../rules/password.toml")),
    ("breach.toml", include_str!("../../rules/breach.toml")),
    ("api-key.toml", include_str!("../../rules/api-key.toml")),
    ("account.toml", include_str!("../../rules/account.toml")),
    (
        "withdrawal.toml",
        include_str!("../../rules/withdrawal.toml"),
    ),
    (
        "two-factor.toml",
        include_str!("../../rules/two-factor.toml"),
    ),
    (
        "environment.toml",
        include_str!("../../rules/environment.toml"),
    ),
    ("drift.toml", include_str!("../../rules/drift.toml")),
    ("address.toml", include_str!("../../rules/address.toml")),
];

/// Files in a rules folder that hold other data, not rules.
pub const DATA_FILES: &[&str] = &["domains.toml", "regions.toml"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: &'static [Severity] = &[
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn default_weight(self) -> u32 {
        match self {
            Severity::Critical => 20,
            Severity::High => 10,
            Severity::Medium => 5,
            Severity::Low => 2,
            Severity::Info => 0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Password,
    Breach,
    ApiKey,
    Account,
    Withdrawal,
    TwoFactor,
    Environment,
    Drift,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Password => "password",
            Category::Breach => "breach",
            Category::ApiKey => "api-key",
            Category::Account => "account",
            Category::Withdrawal => "withdrawal",
            Category::TwoFactor => "two-factor",
            Category::Environment => "environment",
            Category::Drift => "drift",
        }
    }
}

impl Category {
    /// The category as a person reads it (docs/glossary.md).
    pub fn label(self) -> Msg {
        match self {
            Category::Password => msg!("engine-category-password"),
            Category::Breach => msg!("engine-category-breach"),
            Category::ApiKey => msg!("engine-category-api-key"),
            Category::Account => msg!("engine-category-account"),
            Category::Withdrawal => msg!("engine-category-withdrawal"),
            Category::TwoFactor => msg!("engine-category-two-factor"),
            Category::Environment => msg!("engine-category-environment"),
            Category::Drift => msg!("engine-category-drift"),
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    Pass,
    Fail,
}

#[derive(Clone, Debug)]
pub struct RuleTest {
    pub facts: serde_json::Value,
    pub expect: Expect,
}

#[derive(Clone)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub weight: u32,
    pub facts: Vec<String>,
    pub when: String,
    pub evidence: Vec<String>,
    pub title: Text,
    /// What a pass establishes (`passed` in the rule file).
    pub passed: Text,
    pub risk: Text,
    pub remediation: TextList,
    pub references: Vec<String>,
    pub tests: Vec<RuleTest>,
    /// The worse rule of the same band (BA-PWD-002 "weak" ← BA-PWD-001 "very weak").
    pub superseded_by: Option<String>,
    /// Whether a setting fixes it, so that "points if fixed" means something.
    pub fixable: bool,
    /// Where the rule came from ("builtin:password.toml" or a path), for messages.
    pub origin: String,
    program: std::sync::Arc<cel::Program>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .field("when", &self.when)
            .finish()
    }
}

/// A rule's own test case that disagreed with its condition.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseFailure {
    pub rule: String,
    pub origin: String,
    /// 1-based, in file order.
    pub case: usize,
    pub expect: Expect,
    pub got: Outcome,
}

impl CaseFailure {
    pub fn msg(&self) -> Msg {
        let expect = match self.expect {
            Expect::Pass => msg!("engine-case-expect-pass"),
            Expect::Fail => msg!("engine-case-expect-fail"),
        };
        msg!(
            "engine-case-failed",
            rule = &self.rule,
            origin = &self.origin,
            case = self.case,
            expect = expect,
            got = self.got.msg()
        )
    }
}

/// Run every rule's own test cases; the error lists each case that
/// disagreed.
pub fn self_test(rules: &[Rule]) -> Result<usize, Vec<CaseFailure>> {
    let mut failures = Vec::new();
    let mut cases = 0;
    for rule in rules {
        for (i, case) in rule.tests.iter().enumerate() {
            cases += 1;
            let facts = crate::facts::Facts::from_nested(&case.facts);
            let got = Evaluator::new(&facts).evaluate(rule);
            let ok = matches!(
                (&got, case.expect),
                (Outcome::Fail, Expect::Fail) | (Outcome::Pass, Expect::Pass)
            );
            if !ok {
                failures.push(CaseFailure {
                    rule: rule.id.clone(),
                    origin: rule.origin.to_string(),
                    case: i + 1,
                    expect: case.expect,
                    got,
                });
            }
        }
    }
    if failures.is_empty() {
        Ok(cases)
    } else {
        Err(failures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_and_pass_their_own_tests() {
        let rules = load_builtin().unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!rules.is_empty());
        let cases = self_test(&rules).unwrap_or_else(|f| panic!("{f:?}"));
        assert!(
            cases >= rules.len() * 2,
            "each rule needs a pass and a fail case"
        );
    }

    #[test]
    fn a_test_case_expecting_the_wrong_result_is_reported_in_japanese() {
        let src = r#"
[[rule]]
id = "BA-TST-001"
category = "password"
severity = "high"
facts = ["password.score"]
when = "password.score <= 1"
title = { en = "t", ja = "t" }
passed = { en = "p", ja = "p" }
risk = { en = "r", ja = "r" }
remediation = { en = ["a"], ja = ["a"] }
[[rule.test]]
facts = { password = { score = 3 } }
expect = "fail"
[[rule.test]]
facts = { password = { score = 1 } }
expect = "pass"
"#;
        let rules = load::parse_file("t.toml", src).unwrap();
        let ja: Vec<String> = self_test(&rules)
            .unwrap_err()
            .iter()
            .map(|f| f.msg().render(crate::i18n::Lang::Ja))
            .collect();
        assert_eq!(ja.len(), 2, "{ja:?}");
        assert!(
            ja[0].contains("テストケース1は \"fail\" を期待していますが、結果は \"pass\""),
            "{}",
            ja[0]
        );
        for m in &ja {
            assert!(crate::i18n::english_runs(m).is_empty(), "{m}");
        }
        let en: Vec<String> = self_test(&rules)
            .unwrap_err()
            .iter()
            .map(|f| f.msg().render(crate::i18n::Lang::En))
            .collect();
        assert!(
            en[0].contains("test case 1 expected Fail, got pass"),
            "{}",
            en[0]
        );
    }

    #[test]
    fn every_rule_file_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".toml") && !DATA_FILES.contains(&name.as_str()) {
                assert!(
                    BUILTIN.iter().any(|(n, _)| *n == name),
                    "rules/{name} is not in BUILTIN"
                );
            }
        }
    }
}
