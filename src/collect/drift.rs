//! The drift collector: the saved baseline against this run's observed facts.
//! Every `drift.*` fact is observed (a list of changes, empty when nothing
//! changed) or not checked with the reason; the drift rules read them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::baseline::{Address, Baseline, BaselineCoverage, is_permission};
use crate::facts::{CATALOGUE, Fact, FactKind, Facts};
use crate::i18n::{Lang, tr};
use crate::report::Coverage;

/// What the state rules produced, which the drift collector compares.
pub struct CurrentState {
    pub score: Option<u32>,
    pub coverage: Coverage,
    /// The language of the "not checked" reasons.
    pub lang: Lang,
}

fn change(
    item: impl Into<String>,
    label: impl Into<String>,
    old: impl Into<String>,
    new: impl Into<String>,
) -> Value {
    json!({"item": item.into(), "label": label.into(), "old": old.into(), "new": new.into()})
}

/// Why a current fact has no value, for "not checked" reasons.
fn missing(facts: &Facts, name: &str) -> Option<String> {
    match facts.get(name) {
        Some(Fact::Observed { .. }) => None,
        Some(Fact::Declared { .. }) => Some(format!("{name} is only declared, not observed")),
        Some(Fact::NotChecked { reason } | Fact::NotApplicable { reason }) => {
            Some(format!("{name} not checked in this run: {reason}"))
        }
        None => Some(format!("{name} was not collected in this run")),
    }
}

fn current<'a>(facts: &'a Facts, name: &str) -> Option<&'a Value> {
    match facts.get(name) {
        Some(Fact::Observed { value }) => Some(value),
        _ => None,
    }
}

/// "X was not observed when the baseline was saved", in the run's language.
fn not_in_baseline(lang: Lang, en: &str, ja: &str) -> String {
    match lang {
        Lang::En => format!("{en} was not observed when the baseline was saved"),
        Lang::Ja => format!("ベースライン保存時に{ja}を確認していません"),
    }
}

/// The drift collector: compare the baseline with this run's observed facts
/// and record every `drift.*` fact, observed (a list of changes, empty when
/// nothing changed) or not checked with the reason.
pub fn observe_drift(b: &Baseline, now: &Facts, state: &CurrentState, out: &mut Facts) {
    // Withdrawal address book.
    let old_book = b.withdrawal.as_ref().map(|w| &w.addresses);
    match (
        old_book,
        current(now, "withdrawal.addresses").and_then(Value::as_array),
    ) {
        (None, _) => {
            let why = not_in_baseline(state.lang, "the withdrawal address book", "出金アドレス帳");
            out.not_checked("drift.new_addresses", &why);
            out.not_checked("drift.whitelist_changed", why);
        }
        (Some(_), None) => {
            let why = missing(now, "withdrawal.addresses")
                .unwrap_or_else(|| "withdrawal.addresses is not a list".into());
            out.not_checked("drift.new_addresses", &why);
            out.not_checked("drift.whitelist_changed", why);
        }
        (Some(old), Some(items)) => {
            let old: BTreeMap<String, &Address> = old.iter().map(|a| (a.identity(), a)).collect();
            let mut added = Vec::new();
            let mut flipped = Vec::new();
            for a in items.iter().filter_map(Address::from_value) {
                match old.get(&a.identity()) {
                    None => added.push(change(
                        a.identity(),
                        a.label(),
                        "absent",
                        format!("added, whiteStatus={}", white(a.white)),
                    )),
                    Some(prev) => {
                        if let (Some(was), Some(is)) = (prev.white, a.white)
                            && was != is
                        {
                            flipped.push(change(
                                a.identity(),
                                a.label(),
                                format!("whiteStatus={was}"),
                                format!("whiteStatus={is}"),
                            ));
                        }
                    }
                }
            }
            out.observe("drift.new_addresses", added);
            out.observe("drift.whitelist_changed", flipped);
        }
    }

    // API key permissions.
    let old_api = b.api.as_ref();
    let mut perms_now: BTreeMap<String, bool> = BTreeMap::new();
    for def in CATALOGUE
        .iter()
        .filter(|d| d.kind == FactKind::Bool && is_permission(d.name))
    {
        if let Some(v) = current(now, def.name).and_then(Value::as_bool) {
            perms_now.insert(def.name.trim_start_matches("api.").to_string(), v);
        }
    }
    if let Some(extra) = current(now, "api.extra_permissions").and_then(Value::as_array) {
        for name in extra.iter().filter_map(Value::as_str) {
            perms_now.insert(name.to_string(), true);
        }
    }
    match old_api.filter(|a| !a.permissions.is_empty()) {
        None => {
            let why = not_in_baseline(state.lang, "API key permissions", "APIキーの権限");
            out.not_checked("drift.withdrawals_enabled", &why);
            out.not_checked("drift.permissions_enabled", why);
        }
        Some(_) if perms_now.is_empty() => {
            let why = missing(now, "api.enable_reading")
                .unwrap_or_else(|| "API key permissions not checked in this run".into());
            out.not_checked("drift.withdrawals_enabled", &why);
            out.not_checked("drift.permissions_enabled", why);
        }
        Some(api) => {
            let mut withdrawals = Vec::new();
            let mut others = Vec::new();
            for (name, on) in &perms_now {
                let was = api.permissions.get(name).copied();
                if *on && was != Some(true) {
                    let old = was.map_or("not recorded".to_string(), |w| w.to_string());
                    let c = change(name.clone(), format!("api.{name}"), old, "true");
                    if name == "enable_withdrawals" {
                        withdrawals.push(c);
                    } else {
                        others.push(c);
                    }
                }
            }
            out.observe("drift.withdrawals_enabled", withdrawals);
            out.observe("drift.permissions_enabled", others);
        }
    }

    // IP restriction.
    match (
        old_api.and_then(|a| a.ip_restrict),
        current(now, "api.ip_restrict").and_then(Value::as_bool),
    ) {
        (None, _) => out.not_checked(
            "drift.ip_restriction_removed",
            not_in_baseline(state.lang, "the key's IP restriction", "キーのIP制限"),
        ),
        (Some(_), None) => out.not_checked(
            "drift.ip_restriction_removed",
            missing(now, "api.ip_restrict").unwrap_or_default(),
        ),
        (Some(was), Some(is)) => {
            let v: Vec<Value> = if was && !is {
                vec![change(
                    "api.ip_restrict",
                    "api.ip_restrict",
                    "true",
                    "false",
                )]
            } else {
                vec![]
            };
            out.observe("drift.ip_restriction_removed", v);
        }
    }

    // Key replaced: a different creation time is a different key.
    match (
        old_api.and_then(|a| a.create_time),
        current(now, "api.create_time").and_then(Value::as_i64),
    ) {
        (None, _) => out.not_checked(
            "drift.key_replaced",
            not_in_baseline(state.lang, "the key's creation time", "キーの作成日時"),
        ),
        (Some(_), None) => out.not_checked(
            "drift.key_replaced",
            missing(now, "api.create_time").unwrap_or_default(),
        ),
        (Some(was), Some(is)) => {
            let v: Vec<Value> = if was != is {
                vec![change(
                    is.to_string(),
                    "api.create_time",
                    ms_time(was),
                    ms_time(is),
                )]
            } else {
                vec![]
            };
            out.observe("drift.key_replaced", v);
        }
    }

    // Account status.
    match (
        b.account.as_ref().and_then(|a| a.status.as_deref()),
        current(now, "account.status").and_then(Value::as_str),
    ) {
        (None, _) => out.not_checked(
            "drift.account_status_changed",
            not_in_baseline(state.lang, "the account status", "アカウントの状態"),
        ),
        (Some(_), None) => out.not_checked(
            "drift.account_status_changed",
            missing(now, "account.status").unwrap_or_default(),
        ),
        (Some(was), Some(is)) => {
            let v: Vec<Value> = if was != is {
                vec![change(is, "account.status", was, is)]
            } else {
                vec![]
            };
            out.observe("drift.account_status_changed", v);
        }
    }

    // Score, only over the same coverage: a run that could check less is not
    // "worse", it is different.
    let cov = BaselineCoverage {
        evaluated: state.coverage.evaluated,
        total: state.coverage.total,
    };
    match (b.score, state.score) {
        (None, _) => out.not_checked(
            "drift.score_drop",
            not_in_baseline(state.lang, "the score", "スコア"),
        ),
        (Some(_), None) => out.not_checked(
            "drift.score_drop",
            tr(
                state.lang,
                "this run has no score",
                "今回の実行にはスコアがありません",
            ),
        ),
        (Some(_), Some(_)) if b.coverage.is_some_and(|c| c != cov) => {
            let c = b.coverage.unwrap_or(cov);
            out.not_checked(
                "drift.score_drop",
                match state.lang {
                    Lang::En => format!(
                        "scores are not comparable: the baseline's covered {} of {} checks, this run {} of {}",
                        c.evaluated, c.total, cov.evaluated, cov.total
                    ),
                    Lang::Ja => format!(
                        "スコアを比較できません: ベースラインは{}項目中{}項目、今回は{}項目中{}項目を確認",
                        c.total, c.evaluated, cov.total, cov.evaluated
                    ),
                },
            );
        }
        (Some(was), Some(is)) => {
            let v: Vec<Value> = if is < was {
                vec![change("score", "score", was.to_string(), is.to_string())]
            } else {
                vec![]
            };
            out.observe("drift.score_drop", v);
        }
    }
}

fn white(w: Option<bool>) -> String {
    w.map_or("unknown".into(), |b| b.to_string())
}

fn ms_time(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| ms.to_string())
}
