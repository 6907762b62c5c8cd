//! Evaluating conditions. The context is built once per run from the known
//! facts; a rule whose facts were not all checked is not evaluated at all, so
//! a missing measurement can never read as a pass.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde_json::Value as Json;

use super::Rule;
use crate::facts::{Fact, Facts};
use crate::i18n::Msg;
use crate::msg;

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The condition held: a finding.
    Fail,
    Pass,
    NotEvaluated {
        reason: Msg,
    },
    /// A fact it needs had nothing to look at.
    NotApplicable {
        reason: Msg,
    },
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Fail => f.write_str("fail"),
            Outcome::Pass => f.write_str("pass"),
            // The reason is a message for the edge to render, not text.
            Outcome::NotEvaluated { .. } => f.write_str("not evaluated"),
            Outcome::NotApplicable { .. } => f.write_str("not applicable"),
        }
    }
}

impl Outcome {
    /// The outcome as `rules check` reports a test case's result.
    pub fn msg(&self) -> Msg {
        match self {
            Outcome::Fail => msg!("engine-outcome-fail"),
            Outcome::Pass => msg!("engine-outcome-pass"),
            Outcome::NotEvaluated { reason } => {
                msg!("engine-outcome-not-evaluated", reason = reason)
            }
            Outcome::NotApplicable { reason } => {
                msg!("engine-outcome-not-applicable", reason = reason)
            }
        }
    }
}

pub struct Evaluator<'f> {
    facts: &'f Facts,
    context: cel::Context<'static, 'static>,
}

impl<'f> Evaluator<'f> {
    pub fn new(facts: &'f Facts) -> Evaluator<'f> {
        let mut context = cel::Context::default();
        for (ns, value) in facts.to_nested() {
            context.add_variable_from_value(ns, to_cel(&value));
        }
        Evaluator { facts, context }
    }

    pub fn evaluate(&self, rule: &Rule) -> Outcome {
        for name in &rule.facts {
            match self.facts.get(name) {
                None => {
                    return Outcome::NotEvaluated {
                        reason: msg!("engine-fact-not-collected", name = name),
                    };
                }
                Some(Fact::NotChecked { reason }) => {
                    return Outcome::NotEvaluated {
                        reason: reason.clone(),
                    };
                }
                Some(Fact::NotApplicable { reason }) => {
                    return Outcome::NotApplicable {
                        reason: reason.clone(),
                    };
                }
                Some(_) => {}
            }
        }
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rule.program.execute(&self.context)
        }));
        match run {
            Ok(Ok(cel::Value::Bool(true))) => Outcome::Fail,
            Ok(Ok(cel::Value::Bool(false))) => Outcome::Pass,
            Ok(Ok(other)) => Outcome::NotEvaluated {
                reason: msg!(
                    "engine-condition-not-bool",
                    rule = &rule.id,
                    kind = format!("{:?}", other.type_of()),
                ),
            },
            Ok(Err(e)) => Outcome::NotEvaluated {
                reason: msg!(
                    "engine-condition-failed",
                    rule = &rule.id,
                    error = e.to_string(),
                ),
            },
            Err(_) => Outcome::NotEvaluated {
                reason: msg!("engine-condition-panicked", rule = &rule.id),
            },
        }
    }
}

/// JSON → CEL. Integers stay signed so `x <= 1` compares int with int.
fn to_cel(v: &Json) -> cel::Value {
    match v {
        Json::Null => cel::Value::Null,
        Json::Bool(b) => cel::Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => cel::Value::Int(i),
            None => cel::Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => cel::Value::String(Arc::new(s.clone())),
        Json::Array(a) => cel::Value::List(Arc::new(a.iter().map(to_cel).collect())),
        Json::Object(m) => {
            let map: HashMap<String, cel::Value> =
                m.iter().map(|(k, v)| (k.clone(), to_cel(v))).collect();
            cel::Value::Map(map.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::load::parse_file;
    use super::*;
    use serde_json::json;

    fn rule(when: &str, facts: &str) -> Rule {
        let src = format!(
            r#"[[rule]]
id = "BA-TST-001"
category = "api-key"
severity = "high"
facts = {facts}
when = "{when}"
title = {{ en = "t", ja = "t" }}
passed = {{ en = "p", ja = "p" }}
risk = {{ en = "r", ja = "r" }}
remediation = {{ en = ["a"], ja = ["a"] }}
[[rule.test]]
facts = {{}}
expect = "fail"
[[rule.test]]
facts = {{}}
expect = "pass"
"#
        );
        parse_file("t.toml", &src).unwrap().remove(0)
    }

    #[test]
    fn true_raises_false_passes() {
        let r = rule(
            "api.enable_withdrawals && !api.ip_restrict",
            r#"["api.enable_withdrawals", "api.ip_restrict"]"#,
        );
        let f =
            Facts::from_nested(&json!({"api": {"enable_withdrawals": true, "ip_restrict": false}}));
        assert_eq!(Evaluator::new(&f).evaluate(&r), Outcome::Fail);
        let f =
            Facts::from_nested(&json!({"api": {"enable_withdrawals": true, "ip_restrict": true}}));
        assert_eq!(Evaluator::new(&f).evaluate(&r), Outcome::Pass);
    }

    #[test]
    fn unchecked_fact_means_not_evaluated() {
        let r = rule("api.enable_withdrawals", r#"["api.enable_withdrawals"]"#);
        let mut f = Facts::new();
        f.not_checked(
            "api.enable_withdrawals",
            Msg::verbatim("no API key configured"),
        );
        assert_eq!(
            Evaluator::new(&f).evaluate(&r),
            Outcome::NotEvaluated {
                reason: Msg::verbatim("no API key configured")
            }
        );
        assert!(matches!(
            Evaluator::new(&Facts::new()).evaluate(&r),
            Outcome::NotEvaluated { .. }
        ));
    }

    #[test]
    fn type_mismatch_is_not_a_pass() {
        let r = rule("api.key_age_days > 90", r#"["api.key_age_days"]"#);
        let f = Facts::from_nested(&json!({"api": {"key_age_days": "old"}}));
        assert!(matches!(
            Evaluator::new(&f).evaluate(&r),
            Outcome::NotEvaluated { .. }
        ));
    }

    #[test]
    fn non_boolean_result_is_not_a_pass() {
        let r = rule("api.key_age_days + 1", r#"["api.key_age_days"]"#);
        let f = Facts::from_nested(&json!({"api": {"key_age_days": 3}}));
        assert!(matches!(
            Evaluator::new(&f).evaluate(&r),
            Outcome::NotEvaluated { .. }
        ));
    }

    #[test]
    fn lists_and_floats_work() {
        let r = rule(
            "size(api.trading_permissions) > 0 && withdrawal.used_quota_usd > 0.5",
            r#"["api.trading_permissions", "withdrawal.used_quota_usd"]"#,
        );
        let f = Facts::from_nested(
            &json!({"api": {"trading_permissions": ["futures"]}, "withdrawal": {"used_quota_usd": 12.5}}),
        );
        assert_eq!(Evaluator::new(&f).evaluate(&r), Outcome::Fail);
        let r = rule("'sms' in declared.two_factor", r#"["declared.two_factor"]"#);
        let f = Facts::from_nested(&json!({"declared": {"two_factor": ["sms"]}}));
        assert_eq!(Evaluator::new(&f).evaluate(&r), Outcome::Fail);
    }
}
