//! What the collectors found. Every fact is observed (measured by this run),
//! declared (the user said so, on a date), or not checked (with the reason),
//! so a report can never pass off an unmeasured setting as fine.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Bool,
    Int,
    Float,
    #[serde(rename = "string")]
    Str,
    List,
}

impl FactKind {
    pub fn matches(self, v: &Value) -> bool {
        match self {
            FactKind::Bool => v.is_boolean(),
            FactKind::Int => v.is_i64() || v.is_u64(),
            FactKind::Float => v.is_number(),
            FactKind::Str => v.is_string(),
            FactKind::List => v.is_array(),
        }
    }
}

pub struct FactDef {
    pub name: &'static str,
    pub kind: FactKind,
    pub about: &'static str,
}

const fn f(name: &'static str, kind: FactKind, about: &'static str) -> FactDef {
    FactDef { name, kind, about }
}

use FactKind::{Bool, Float, Int, List, Str};

/// Every fact a rule may name. `rules check` rejects any other name, so a
/// typo in a rule is caught before it silently never fires.
pub const CATALOGUE: &[FactDef] = &[
    // password (local, zxcvbn)
    f("password.score", Int, "zxcvbn score 0-4"),
    f("password.length", Int, "length in characters"),
    f(
        "password.guesses_log10",
        Float,
        "log10 of zxcvbn's estimated guesses",
    ),
    f(
        "password.contains_personal",
        Bool,
        "contains the email local part, a configured name, or 'binance'",
    ),
    f(
        "password.letters_digits_only",
        Bool,
        "only letters followed or preceded by digits, no symbols",
    ),
    f(
        "password.char_classes",
        Int,
        "how many of lower, upper, digit, symbol appear",
    ),
    // breach (Pwned Passwords)
    f(
        "breach.password_count",
        Int,
        "times the Binance password appears in Pwned Passwords (0 = not found)",
    ),
    f(
        "breach.email_password_count",
        Int,
        "times the email account's password appears in Pwned Passwords",
    ),
    // api key (/sapi/v1/account/apiRestrictions)
    f("api.ip_restrict", Bool, "key restricted to trusted IPs"),
    f("api.enable_reading", Bool, "key may read"),
    f("api.enable_withdrawals", Bool, "key may withdraw"),
    f(
        "api.enable_internal_transfer",
        Bool,
        "key may transfer between master and sub-accounts",
    ),
    f(
        "api.permits_universal_transfer",
        Bool,
        "key may use universal transfer",
    ),
    f("api.enable_margin", Bool, "key may trade margin"),
    f("api.enable_futures", Bool, "key may trade futures"),
    f("api.enable_vanilla_options", Bool, "key may trade options"),
    f(
        "api.enable_spot_and_margin_trading",
        Bool,
        "key may trade spot and margin",
    ),
    f(
        "api.enable_portfolio_margin_trading",
        Bool,
        "key may trade portfolio margin",
    ),
    f("api.enable_fix_api_trade", Bool, "key may trade over FIX"),
    f("api.enable_fix_read_only", Bool, "key may read over FIX"),
    f(
        "api.trading_permissions",
        List,
        "names of every enabled permission beyond reading",
    ),
    f(
        "api.extra_permissions",
        List,
        "unknown enable*/permits* flags that are true",
    ),
    f("api.create_time", Int, "key creation time, ms since epoch"),
    f("api.key_age_days", Int, "days since the key was created"),
    f(
        "api.key_type",
        Str,
        "hmac, ed25519 or rsa (from the configured credentials)",
    ),
    // account
    f(
        "account.status",
        Str,
        "text of /sapi/v1/account/status ('Normal' when fine)",
    ),
    f(
        "account.api_trading_locked",
        Bool,
        "API trading lock in force",
    ),
    f(
        "account.planned_recover_time",
        Int,
        "when the API trading lock lifts, ms since epoch",
    ),
    f("account.can_trade", Bool, "account may trade"),
    f("account.can_withdraw", Bool, "account may withdraw"),
    f("account.can_deposit", Bool, "account may deposit"),
    f("account.margin_enabled", Bool, "margin account opened"),
    f("account.futures_enabled", Bool, "futures account opened"),
    f("account.options_enabled", Bool, "options account opened"),
    // withdrawal address book and quota
    f(
        "withdrawal.address_count",
        Int,
        "addresses in the withdrawal address book",
    ),
    f(
        "withdrawal.whitelisted_count",
        Int,
        "addresses with whiteStatus true",
    ),
    f(
        "withdrawal.not_whitelisted",
        List,
        "addresses not whitelisted: name, coin, network, shortened address",
    ),
    f(
        "withdrawal.addresses",
        List,
        "the whole address book: coin, network, name, shortened address, fingerprint, whitelisted",
    ),
    f(
        "withdrawal.book_lookalikes",
        List,
        "address-book entries that look like each other (same first and last 4+ characters), one line per pair with both full addresses",
    ),
    f(
        "withdrawal.history_count",
        Int,
        "withdrawals in the last 90 days (withdraw history)",
    ),
    f(
        "withdrawal.history_lookalikes",
        List,
        "past withdrawals to a look-alike of an address-book entry or an earlier destination, with both addresses and dates",
    ),
    f(
        "withdrawal.quota_usd",
        Float,
        "24-hour withdrawal quota in USD",
    ),
    f(
        "withdrawal.used_quota_usd",
        Float,
        "withdrawal quota used in the last 24 hours, USD",
    ),
    // declared by the user (no API exposes these)
    f(
        "declared.two_factor",
        List,
        "second factors: authenticator, passkey, security_key, sms, email",
    ),
    f(
        "declared.anti_phishing_code",
        Bool,
        "anti-phishing code set",
    ),
    f(
        "declared.withdrawal_whitelist",
        Bool,
        "withdrawal whitelist switch on",
    ),
    f("declared.devices_reviewed", Bool, "device list reviewed"),
    f(
        "declared.email_two_factor",
        Bool,
        "the email account has its own second factor",
    ),
    f(
        "declared.email_unique_password",
        Bool,
        "the email account's password is used nowhere else",
    ),
    f(
        "declared.not_sure",
        List,
        "questions answered \"not sure\" (their settings still need checking)",
    ),
    f(
        "declared.age_days",
        Int,
        "days since the declarations were last confirmed",
    ),
    // environment and policy
    f(
        "env.clock_skew_ms",
        Int,
        "local clock minus Binance server time, ms",
    ),
    f(
        "env.config_exposed",
        Bool,
        "a file holding secrets is readable by group or others",
    ),
    f(
        "policy.key_max_age_days",
        Int,
        "key age above which rotation is advised (config)",
    ),
    f(
        "policy.declared_max_age_days",
        Int,
        "declaration age above which re-confirmation is asked (config)",
    ),
    // drift against --baseline: each a list of changes {item, label, old, new},
    // empty when nothing changed (src/baseline.rs)
    f(
        "drift.new_addresses",
        List,
        "withdrawal addresses not in the baseline's address book",
    ),
    f(
        "drift.whitelist_changed",
        List,
        "addresses whose whiteStatus differs from the baseline",
    ),
    f(
        "drift.withdrawals_enabled",
        List,
        "the key can withdraw now but could not in the baseline",
    ),
    f(
        "drift.permissions_enabled",
        List,
        "other key permissions enabled since the baseline",
    ),
    f(
        "drift.ip_restriction_removed",
        List,
        "the key was IP-restricted in the baseline and is not now",
    ),
    f(
        "drift.key_replaced",
        List,
        "the key's creation time differs from the baseline (a new key)",
    ),
    f(
        "drift.account_status_changed",
        List,
        "account status differs from the baseline",
    ),
    f(
        "drift.score_drop",
        List,
        "score lower than the baseline's, over the same coverage",
    ),
];

pub fn lookup(name: &str) -> Option<&'static FactDef> {
    CATALOGUE.iter().find(|d| d.name == name)
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum Fact {
    Observed {
        value: Value,
    },
    Declared {
        value: Value,
        on: NaiveDate,
    },
    NotChecked {
        reason: Msg,
    },
    /// There was nothing to look at (no file holds a secret): the rule
    /// neither passes nor fails, and does not count toward coverage.
    NotApplicable {
        reason: Msg,
    },
}

impl Fact {
    pub fn value(&self) -> Option<&Value> {
        match self {
            Fact::Observed { value } | Fact::Declared { value, .. } => Some(value),
            Fact::NotChecked { .. } | Fact::NotApplicable { .. } => None,
        }
    }

    pub fn is_declared(&self) -> bool {
        matches!(self, Fact::Declared { .. })
    }
}

/// All facts of one run, keyed by catalogue name.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facts {
    map: BTreeMap<String, Fact>,
}

impl Facts {
    pub fn new() -> Facts {
        Facts::default()
    }

    pub fn observe(&mut self, name: &str, value: impl Into<Value>) {
        self.map.insert(
            name.into(),
            Fact::Observed {
                value: value.into(),
            },
        );
    }

    pub fn declare(&mut self, name: &str, value: impl Into<Value>, on: NaiveDate) {
        self.map.insert(
            name.into(),
            Fact::Declared {
                value: value.into(),
                on,
            },
        );
    }

    pub fn not_checked(&mut self, name: &str, reason: impl Into<Msg>) {
        self.map.insert(
            name.into(),
            Fact::NotChecked {
                reason: reason.into(),
            },
        );
    }

    pub fn not_applicable(&mut self, name: &str, reason: impl Into<Msg>) {
        self.map.insert(
            name.into(),
            Fact::NotApplicable {
                reason: reason.into(),
            },
        );
    }

    /// Mark every fact under `prefix.` that nobody has set as not checked.
    pub fn not_checked_prefix(&mut self, prefix: &str, reason: impl Into<Msg>) {
        let reason = reason.into();
        for def in CATALOGUE.iter().filter(|d| d.name.starts_with(prefix)) {
            self.map
                .entry(def.name.into())
                .or_insert_with(|| Fact::NotChecked {
                    reason: reason.clone(),
                });
        }
    }

    pub fn get(&self, name: &str) -> Option<&Fact> {
        self.map.get(name)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Fact)> {
        self.map.iter()
    }

    /// The known values as a nested JSON object (`{"api": {"ip_restrict": true}}`),
    /// which is what rule conditions see. Unchecked facts are absent, so a
    /// condition that reaches one fails loudly instead of reading a default.
    pub fn to_nested(&self) -> serde_json::Map<String, Value> {
        let mut root = serde_json::Map::new();
        for (name, fact) in &self.map {
            if let Some(v) = fact.value() {
                insert_path(&mut root, name, v.clone());
            }
        }
        root
    }

    /// Build from the nested form used by rule test cases; every value observed.
    pub fn from_nested(v: &Value) -> Facts {
        let mut facts = Facts::new();
        flatten("", v, &mut facts);
        facts
    }
}

fn flatten(prefix: &str, v: &Value, out: &mut Facts) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let name = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                if lookup(&name).is_some() {
                    out.observe(&name, v.clone());
                } else {
                    flatten(&name, v, out);
                }
            }
        }
        other if !prefix.is_empty() => out.observe(prefix, other.clone()),
        _ => {}
    }
}

fn insert_path(root: &mut serde_json::Map<String, Value>, name: &str, v: Value) {
    let mut parts: Vec<&str> = name.split('.').collect();
    let last = parts.pop().unwrap_or(name);
    let mut cur = root;
    for p in parts {
        let entry = cur
            .entry(p.to_string())
            .or_insert_with(|| Value::Object(Default::default()));
        if !entry.is_object() {
            *entry = Value::Object(Default::default());
        }
        let Value::Object(m) = entry else { return };
        cur = m;
    }
    cur.insert(last.to_string(), v);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn catalogue_names_are_unique_and_namespaced() {
        let mut seen = std::collections::HashSet::new();
        for d in CATALOGUE {
            assert!(seen.insert(d.name), "duplicate fact {}", d.name);
            assert!(d.name.contains('.'), "fact {} needs a namespace", d.name);
        }
    }

    #[test]
    fn nested_round_trip_skips_unchecked() {
        let mut f = Facts::new();
        f.observe("api.ip_restrict", false);
        f.not_checked("api.enable_withdrawals", Msg::verbatim("no key"));
        let n = Value::Object(f.to_nested());
        assert_eq!(n, json!({"api": {"ip_restrict": false}}));
        let back =
            Facts::from_nested(&json!({"api": {"ip_restrict": true}, "password": {"score": 2}}));
        assert_eq!(
            back.get("api.ip_restrict").and_then(Fact::value),
            Some(&json!(true))
        );
        assert_eq!(
            back.get("password.score").and_then(Fact::value),
            Some(&json!(2))
        );
    }

    #[test]
    fn prefix_marks_only_unset_facts() {
        let mut f = Facts::new();
        f.observe("api.ip_restrict", true);
        f.not_checked_prefix("api.", Msg::verbatim("no key"));
        assert!(matches!(
            f.get("api.ip_restrict"),
            Some(Fact::Observed { .. })
        ));
        assert!(matches!(
            f.get("api.enable_withdrawals"),
            Some(Fact::NotChecked { .. })
        ));
        assert!(f.get("password.score").is_none());
    }
}
