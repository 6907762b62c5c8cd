//! The drift collector: the saved baseline against this run's observed facts.
//! Every `drift.*` fact is observed (a list of changes, empty when nothing
//! changed) or not checked with the reason; the drift rules read them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::baseline::{Address, Baseline, BaselineCoverage, is_permission};
use crate::facts::{CATALOGUE, Fact, FactKind, Facts};
use crate::i18n::Msg;
use crate::msg;
use crate::score::Coverage;

/// What the state rules produced, which the drift collector compares.
pub struct CurrentState {
    pub score: Option<u32>,
    pub coverage: Coverage,
}

/// The words a change record's `old`/`new` may hold besides observed values.
/// The fact keeps these stable tokens (rules, baselines and JSON read them
/// alike in every language); [`word`] is how a reader sees one.
const ABSENT: &str = "absent";
const NOT_RECORDED: &str = "not recorded";
const UNKNOWN: &str = "unknown";
const ADDED: &str = "added, whiteStatus=";

/// A change record's `old` or `new` as a reader sees it: our own tokens are
/// said in the reader's language, an observed value is shown as it is.
pub fn word(value: &str) -> Msg {
    let white = |w: &str| match w {
        UNKNOWN => msg!("engine-drift-unknown"),
        other => Msg::verbatim(other),
    };
    match value {
        ABSENT => msg!("engine-drift-absent"),
        NOT_RECORDED => msg!("engine-drift-not-recorded"),
        UNKNOWN => msg!("engine-drift-unknown"),
        v => match v.strip_prefix(ADDED) {
            Some(w) => msg!("engine-drift-added", white = white(w)),
            None => Msg::verbatim(v),
        },
    }
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
fn missing(facts: &Facts, name: &str) -> Option<Msg> {
    match facts.get(name) {
        Some(Fact::Observed { .. }) => None,
        Some(Fact::Declared { .. }) => Some(msg!("engine-drift-only-declared", name = name)),
        Some(Fact::NotChecked { reason } | Fact::NotApplicable { reason }) => Some(msg!(
            "engine-drift-fact-not-checked",
            name = name,
            reason = reason
        )),
        None => Some(msg!("engine-drift-fact-not-collected", name = name)),
    }
}

/// Why a current fact gives nothing to compare: not observed, or observed
/// with a value of another shape.
fn unusable(facts: &Facts, name: &str) -> Msg {
    missing(facts, name).unwrap_or_else(|| msg!("engine-drift-fact-wrong-kind", name = name))
}

fn current<'a>(facts: &'a Facts, name: &str) -> Option<&'a Value> {
    match facts.get(name) {
        Some(Fact::Observed { value }) => Some(value),
        _ => None,
    }
}

/// A new address-book entry that looks like one saved in the baseline: the
/// pair, new address first, both whole (the baseline keeps only a shortened
/// form, and shortened the two are the same; the saved entry is still in
/// the book, so this run has it whole).
fn imitated_saved(
    new: &str,
    pairs: &[Value],
    old: &BTreeMap<String, &Address>,
) -> Option<crate::address::diff::Pair> {
    pairs.iter().find_map(|item| {
        let fps = item.get("fingerprints")?.as_array()?;
        let fp = |i: usize| fps.get(i).and_then(Value::as_str).unwrap_or("");
        let p = crate::address::diff::Pair::from_json(item)?;
        let names = p.names.clone().unwrap_or_default();
        let (mine, other, names) = if fp(0) == new {
            (p.first, p.second, names)
        } else if fp(1) == new {
            let [a, b] = names;
            (p.second, p.first, [b, a])
        } else {
            return None;
        };
        let other_fp = if fp(0) == new { fp(1) } else { fp(0) };
        old.contains_key(other_fp).then(|| {
            let fold = crate::address::infer(&mine).is_some_and(|f| f.case_insensitive());
            use crate::address::diff::Role;
            crate::address::diff::Pair::new(&mine, &other, fold)
                .with_roles([Role::New, Role::Saved], [&names[0], &names[1]])
        })
    })
}

/// "X was not observed when the baseline was saved".
fn not_in_baseline(what: Msg) -> Msg {
    msg!("engine-drift-not-in-baseline", what = what)
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
            let why = not_in_baseline(msg!("engine-drift-what-address-book"));
            out.not_checked("drift.new_addresses", why.clone());
            out.not_checked("drift.whitelist_changed", why);
        }
        (Some(_), None) => {
            let why = missing(now, "withdrawal.addresses")
                .unwrap_or_else(|| msg!("engine-drift-not-a-list", name = "withdrawal.addresses"));
            out.not_checked("drift.new_addresses", why.clone());
            out.not_checked("drift.whitelist_changed", why);
        }
        (Some(old), Some(items)) => {
            let old: BTreeMap<String, &Address> = old.iter().map(|a| (a.identity(), a)).collect();
            let pairs = current(now, "withdrawal.book_lookalikes").and_then(Value::as_array);
            let mut added = Vec::new();
            let mut flipped = Vec::new();
            for a in items.iter().filter_map(Address::from_value) {
                match old.get(&a.identity()) {
                    None => {
                        let mut c = change(
                            a.identity(),
                            a.label(),
                            ABSENT,
                            format!("{ADDED}{}", white(a.white)),
                        );
                        if let (Some(pairs), Some(m)) = (pairs, c.as_object_mut())
                            && let Some(p) = imitated_saved(&a.identity(), pairs, &old)
                        {
                            // Shortened, the two would read the same.
                            let whole = Address {
                                address: p.first.clone(),
                                ..a.clone()
                            };
                            m.insert("label".into(), whole.label().into());
                            m.insert("lookalike".into(), p.to_json());
                        }
                        added.push(c);
                    }
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
            let why = not_in_baseline(msg!("engine-drift-what-permissions"));
            out.not_checked("drift.withdrawals_enabled", why.clone());
            out.not_checked("drift.permissions_enabled", why);
        }
        Some(_) if perms_now.is_empty() => {
            let why = missing(now, "api.enable_reading")
                .unwrap_or_else(|| msg!("engine-drift-permissions-not-checked"));
            out.not_checked("drift.withdrawals_enabled", why.clone());
            out.not_checked("drift.permissions_enabled", why);
        }
        Some(api) => {
            let mut withdrawals = Vec::new();
            let mut others = Vec::new();
            for (name, on) in &perms_now {
                let was = api.permissions.get(name).copied();
                if *on && was != Some(true) {
                    let old = was.map_or(NOT_RECORDED.to_string(), |w| w.to_string());
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
            not_in_baseline(msg!("engine-drift-what-ip-restriction")),
        ),
        (Some(_), None) => out.not_checked(
            "drift.ip_restriction_removed",
            unusable(now, "api.ip_restrict"),
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
            not_in_baseline(msg!("engine-drift-what-key-created")),
        ),
        (Some(_), None) => out.not_checked("drift.key_replaced", unusable(now, "api.create_time")),
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
            not_in_baseline(msg!("engine-drift-what-account-status")),
        ),
        (Some(_), None) => out.not_checked(
            "drift.account_status_changed",
            unusable(now, "account.status"),
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
            not_in_baseline(msg!("engine-drift-what-score")),
        ),
        (Some(_), None) => out.not_checked("drift.score_drop", msg!("engine-drift-no-score")),
        (Some(_), Some(_)) if b.coverage.is_some_and(|c| c != cov) => {
            let c = b.coverage.unwrap_or(cov);
            out.not_checked(
                "drift.score_drop",
                msg!(
                    "engine-drift-scores-not-comparable",
                    was_ran = c.evaluated,
                    was_total = c.total,
                    ran = cov.evaluated,
                    total = cov.total,
                ),
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
    w.map_or(UNKNOWN.into(), |b| b.to_string())
}

fn ms_time(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| ms.to_string())
}

#[cfg(test)]
mod words_tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn our_words_are_said_in_the_reader_language() {
        assert_eq!(word("absent").render(Lang::En), "absent");
        assert_eq!(word("absent").render(Lang::Ja), "なし");
        assert_eq!(
            word("added, whiteStatus=unknown").render(Lang::Ja),
            "追加（whiteStatus=不明）"
        );
        assert_eq!(
            word("added, whiteStatus=false").render(Lang::En),
            "added, whiteStatus=false"
        );
        assert_eq!(word("Normal").render(Lang::Ja), "Normal");
    }
}

#[cfg(test)]
mod lookalike_tests {
    use super::*;
    use crate::address::diff::Pair;

    #[test]
    fn a_new_entry_like_a_saved_one_names_both_whole() {
        let saved = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        let new = "0x5aae0000deadbeef00000000c0ffee000001eaed";
        let b: Baseline = serde_json::from_value(json!({
            "baseline_version": 1, "tool_version": "x", "created_at": "2026-01-01T00:00:00Z",
            "withdrawal": {"addresses": [{"coin": "USDT", "network": "ETH", "name": "cold",
                "address": "0x5aAe…eAed", "fingerprint": "fp-saved", "white": true}]}
        }))
        .unwrap();
        let mut now = Facts::new();
        now.observe(
            "withdrawal.addresses",
            json!([
                {"coin": "USDT", "network": "ETH", "name": "cold", "address": "0x5aAe…eAed", "fingerprint": "fp-saved", "white": true},
                {"coin": "USDT", "network": "ETH", "name": "cold 2", "address": "0x5aae…eaed", "fingerprint": "fp-new", "white": false}
            ]),
        );
        let mut item = Pair::new(saved, new, true).to_json();
        item["fingerprints"] = json!(["fp-saved", "fp-new"]);
        item["text"] = json!("…");
        now.observe("withdrawal.book_lookalikes", json!([item]));
        let state = CurrentState {
            score: None,
            coverage: Coverage {
                evaluated: 0,
                total: 0,
            },
        };
        let mut out = Facts::new();
        observe_drift(&b, &now, &state, &mut out);
        let added = out
            .get("drift.new_addresses")
            .and_then(Fact::value)
            .unwrap();
        let c = &added[0];
        let p = Pair::from_json(&c["lookalike"]).expect("pair");
        assert_eq!((p.first.as_str(), p.second.as_str()), (new, saved));
        assert_eq!(p.differs.first().map(|r| r[0]), Some(6));
        assert_eq!(p.differs.last().map(|r| r[1]), Some(38));
        // The change's own label names the new address whole.
        assert!(c["label"].as_str().unwrap().contains(new), "{c}");
    }
}
