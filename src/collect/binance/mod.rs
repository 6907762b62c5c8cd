//! The Binance API collector: read-only calls with the user's key, turned
//! into `api.*`, `account.*`, `withdrawal.*` and `env.clock_skew_ms` facts.
//! Every account endpoint at once, with the clock measured beside them (a
//! call rejected with -1021 is signed again with it). A failed call
//! leaves exactly its facts "not checked", with the reason.

pub mod calls;
pub mod client;
pub mod creds;
pub mod dupkeys;
pub mod endpoint;
pub mod model;
pub mod sign;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub use calls::{HistoryPage, SymbolWindow, Timed};
pub use client::{ApiError, BinanceClient, DEFAULT_BASE, JsonProblem, RetryPolicy};
pub use creds::Credentials;
pub use endpoint::{EvidencePart, Purpose};
pub use sign::{SignError, Signer};

use super::CheckStatus;
use crate::address::{Known, Origin};
use crate::facts::Facts;
use crate::i18n::Msg;
use crate::msg;
use crate::region::Offer;
use endpoint as ep;
use model::{
    AccountInfo, AccountStatus, ApiRestrictions, ApiTradingStatus, KNOWN_PERMISSIONS, SpotAccount,
    WithdrawAddress, WithdrawQuota, WithdrawRecord,
};

pub const CHECK: &str = "binance-api";

const DAY_MS: i64 = 86_400_000;

/// The facts each endpoint supplies, so a failed call marks exactly those.
fn facts_of(path: &str) -> Vec<&'static str> {
    match path {
        ep::API_RESTRICTIONS => crate::facts::CATALOGUE
            .iter()
            .map(|d| d.name)
            .filter(|n| n.starts_with("api.") && *n != "api.key_type")
            .collect(),
        ep::ACCOUNT_STATUS => vec!["account.status"],
        ep::API_TRADING_STATUS => {
            vec!["account.api_trading_locked", "account.planned_recover_time"]
        }
        ep::ACCOUNT_INFO => vec![
            "account.margin_enabled",
            "account.futures_enabled",
            "account.options_enabled",
        ],
        ep::WITHDRAW_ADDRESSES => vec![
            "withdrawal.address_count",
            "withdrawal.whitelisted_count",
            "withdrawal.not_whitelisted",
            "withdrawal.addresses",
            "withdrawal.book_lookalikes",
            "withdrawal.history_lookalikes",
        ],
        ep::WITHDRAW_HISTORY => vec!["withdrawal.history_count", "withdrawal.history_lookalikes"],
        ep::WITHDRAW_QUOTA => vec!["withdrawal.quota_usd", "withdrawal.used_quota_usd"],
        ep::SPOT_ACCOUNT => vec![
            "account.can_trade",
            "account.can_withdraw",
            "account.can_deposit",
        ],
        _ => vec![],
    }
}

/// A problem that keeps some facts unchecked: the call (`GET path`) and why.
struct Problem {
    call: String,
    line: Msg,
}

fn get(path: &str) -> String {
    format!("GET {path}")
}

/// Read everything the audit needs for one account. `now_ms` is the local
/// clock, used for the key's age. The statuses go into the report as they
/// are. Look-alike facts hold messages as data (`Msg` as JSON): the
/// report says them in its language.
pub async fn collect(client: &BinanceClient, now_ms: i64, facts: &mut Facts) -> Vec<CheckStatus> {
    let Some(creds) = client.credentials() else {
        let reason = ApiError::NoCredentials.msg();
        mark_all(facts, &reason);
        return vec![CheckStatus::skipped(CHECK, reason)];
    };
    facts.observe("api.key_type", creds.key_type());
    if client.net().is_offline() {
        let reason = ApiError::Offline.msg();
        mark_all(facts, &reason);
        return vec![CheckStatus::skipped(CHECK, reason)];
    }
    let who = msg!(
        "binance-audit-who",
        key = creds.masked_key(),
        key_type = creds.key_type(),
        host = client.base().host_str().unwrap_or("?")
    );

    let mut problems: Vec<Problem> = Vec::new();
    let mut clock_text = Msg::verbatim("");

    // The clock is measured alongside the signed calls, not before them: they
    // are signed with the local clock, and only one Binance rejects with
    // -1021 waits for the measurement and is signed again.
    // An endpoint the region's data says it does not offer is not asked.
    let region = client.region();
    let asked = |path: &str| region.offers(path) != Offer::No;
    let (clock, restrictions, status, trading, info, addresses, quota, account, history) = tokio::join!(
        client.sync_clock(),
        gate(
            asked(ep::API_RESTRICTIONS),
            client.api_restrictions(Purpose::ApiKeyPermissions)
        ),
        gate(
            asked(ep::ACCOUNT_STATUS),
            client.account_status(Purpose::AccountStatus)
        ),
        gate(asked(ep::API_TRADING_STATUS), client.api_trading_status()),
        gate(asked(ep::ACCOUNT_INFO), client.account_info()),
        gate(
            asked(ep::WITHDRAW_ADDRESSES),
            client.withdraw_address_book(Purpose::AddressBook)
        ),
        gate(asked(ep::WITHDRAW_QUOTA), client.withdraw_quota()),
        gate(
            asked(ep::SPOT_ACCOUNT),
            client.spot_account(Purpose::AccountSwitches, true)
        ),
        gate(
            asked(ep::WITHDRAW_HISTORY),
            client.withdraw_history(Purpose::WithdrawHistory90Days, None)
        ),
    );
    match clock {
        Ok(offset) => {
            facts.observe("env.clock_skew_ms", -offset);
            clock_text = msg!("binance-audit-clock", offset = format!("{:+}", -offset));
        }
        Err(e) => {
            facts.not_checked("env.clock_skew_ms", e.msg());
            problems.push(Problem {
                call: get(ep::SERVER_TIME),
                line: e.msg(),
            });
        }
    }
    let book = addresses
        .as_ref()
        .and_then(|a| a.as_ref().ok())
        .map(|a| book_known(a));
    let sent = history
        .as_ref()
        .and_then(|h| h.as_ref().ok())
        .map(|h| sent_known(&h.rows));
    if let (Some(book), Some(sent)) = (&book, &sent) {
        facts.observe(
            "withdrawal.history_lookalikes",
            crate::address::facts::history_lookalikes(book, sent)
                .iter()
                .map(|l| l.fact())
                .collect::<Vec<_>>(),
        );
    }

    let results = [
        (
            ep::API_RESTRICTIONS,
            restrictions.map(|r| r.map(|r| record_restrictions(&r, now_ms, facts))),
        ),
        (
            ep::ACCOUNT_STATUS,
            status.map(|s| s.map(|s| record_status(&s, facts))),
        ),
        (
            ep::API_TRADING_STATUS,
            trading.map(|t| t.map(|t| record_trading(&t, facts))),
        ),
        (
            ep::ACCOUNT_INFO,
            info.map(|i| i.map(|i| record_info(&i, facts))),
        ),
        (
            ep::WITHDRAW_ADDRESSES,
            addresses.map(|a| a.map(|a| record_addresses(&a, facts))),
        ),
        (
            ep::WITHDRAW_QUOTA,
            quota.map(|q| q.map(|q| record_quota(&q, facts))),
        ),
        (
            ep::SPOT_ACCOUNT,
            account.map(|a| a.map(|a| record_account(&a, facts))),
        ),
        (
            ep::WITHDRAW_HISTORY,
            history.map(|h| h.map(|h| record_history(&h.rows, facts))),
        ),
    ];
    let total = results.len();
    let mut read = 0;
    let mut not_offered: Vec<String> = Vec::new();
    let not_offered_line = msg!("binance-not-offered", region = region.name.clone());
    for (path, result) in results {
        // Not asked (the data says the region does not offer it), or the
        // region's server says it has no such endpoint: neither read nor failed.
        let result = match result {
            None => Err(None),
            Some(Err(e)) if !region.is_default() && e.is_not_offered() => Err(None),
            Some(Err(e)) => Err(Some(e)),
            Some(Ok(v)) => Ok(v),
        };
        match result {
            Ok(missing) => {
                // An answer without the fields the checks need was not read.
                if missing.is_empty() {
                    read += 1;
                }
                for field in missing {
                    problems.push(Problem {
                        call: get(path),
                        line: msg!("binance-audit-lacks-field", field = field),
                    });
                }
            }
            Err(None) => {
                for f in facts_of(path) {
                    facts.not_checked(f, not_offered_line.clone());
                }
                not_offered.push(get(path));
            }
            Err(Some(e)) => {
                let line = e.msg();
                for f in facts_of(path) {
                    facts.not_checked(f, line.clone());
                }
                problems.push(Problem {
                    call: get(path),
                    line,
                });
            }
        }
    }
    // Anything a field-by-field parse left unset is marked, never assumed.
    mark_all(facts, &msg!("binance-audit-not-included"));
    let summary = msg!(
        "binance-audit-summary",
        who = who,
        read = read,
        total = total,
        clock = clock_text
    );
    let mut out = statuses(summary, problems);
    if !not_offered.is_empty() {
        out.push(CheckStatus::skipped(
            CHECK,
            msg!(
                "binance-audit-not-offered",
                region = region.name.clone(),
                calls = not_offered.join(", ")
            ),
        ));
    }
    out
}

/// A call made only when `asked`: `None` is an endpoint not asked.
async fn gate<T>(asked: bool, call: impl std::future::Future<Output = T>) -> Option<T> {
    if asked { Some(call.await) } else { None }
}

fn mark_all(facts: &mut Facts, reason: &Msg) {
    for ns in ["api.", "account.", "withdrawal."] {
        facts.not_checked_prefix(ns, reason.clone());
    }
    facts.not_checked_prefix("env.clock_skew_ms", reason.clone());
}

/// One "ran" line, or one "failed" line per distinct problem (a rejected key
/// gives the same answer on every endpoint: that is one line, not seven).
fn statuses(summary: Msg, problems: Vec<Problem>) -> Vec<CheckStatus> {
    if problems.is_empty() {
        return vec![CheckStatus::ran(CHECK, summary)];
    }
    let mut grouped: Vec<(Msg, Vec<String>)> = Vec::new();
    for p in problems {
        match grouped.iter_mut().find(|(line, _)| *line == p.line) {
            Some((_, calls)) => calls.push(p.call),
            None => grouped.push((p.line, vec![p.call])),
        }
    }
    grouped
        .into_iter()
        .map(|(line, calls)| {
            CheckStatus::failed(
                CHECK,
                msg!(
                    "binance-audit-problem",
                    line = line,
                    calls = calls.join(", ")
                ),
            )
        })
        .collect()
}

fn record_restrictions(r: &ApiRestrictions, now_ms: i64, facts: &mut Facts) -> Vec<&'static str> {
    let no_field = |name: &str| msg!("binance-audit-no-field", field = name);
    let mut missing = Vec::new();
    match r.ip_restrict {
        Some(v) => facts.observe("api.ip_restrict", v),
        None => missing.push("ipRestrict"),
    }
    for (name, fact, _) in KNOWN_PERMISSIONS {
        match r.flag(name) {
            Some(v) => facts.observe(fact, v),
            None if *name == "enableWithdrawals" => missing.push("enableWithdrawals"),
            // Older accounts' answers lack newer flags: unknown, not false.
            None => facts.not_checked(fact, no_field(name)),
        }
    }
    facts.observe("api.trading_permissions", r.trading_permissions());
    facts.observe("api.extra_permissions", r.unknown_permissions());
    match r.create_time {
        Some(t) if plausible_past_ms(t, now_ms) => {
            facts.observe("api.create_time", t);
            facts.observe("api.key_age_days", ((now_ms - t) / DAY_MS).max(0));
        }
        Some(t) => {
            let why = msg!(
                "binance-audit-implausible-create-time",
                time = t.to_string()
            );
            facts.not_checked("api.create_time", why.clone());
            facts.not_checked("api.key_age_days", why);
        }
        None => {
            let why = no_field("createTime");
            facts.not_checked("api.create_time", why.clone());
            facts.not_checked("api.key_age_days", why);
        }
    }
    missing
}

/// Binance opened in July 2017; a day of slack covers clock skew.
const BINANCE_START_MS: i64 = 1_498_867_200_000;

/// A time a past event at Binance can have: not before Binance, not after
/// now (with a day's slack for skew), so `i64::MAX` or 2100 never reads as
/// "just created".
pub fn plausible_past_ms(t: i64, now_ms: i64) -> bool {
    t >= BINANCE_START_MS && t <= now_ms.saturating_add(DAY_MS)
}

fn record_status(s: &AccountStatus, facts: &mut Facts) -> Vec<&'static str> {
    match &s.data {
        Some(text) => {
            facts.observe("account.status", text.trim());
            vec![]
        }
        None => vec!["data"],
    }
}

fn record_trading(t: &ApiTradingStatus, facts: &mut Facts) -> Vec<&'static str> {
    let Some(d) = &t.data else {
        return vec!["data"];
    };
    if let Some(p) = d.planned_recover_time {
        facts.observe("account.planned_recover_time", p);
    }
    match d.is_locked {
        Some(v) => {
            facts.observe("account.api_trading_locked", v);
            vec![]
        }
        None => vec!["data.isLocked"],
    }
}

fn record_info(i: &AccountInfo, facts: &mut Facts) -> Vec<&'static str> {
    let mut missing = Vec::new();
    for (fact, field, v) in [
        (
            "account.margin_enabled",
            "isMarginEnabled",
            i.is_margin_enabled,
        ),
        (
            "account.futures_enabled",
            "isFutureEnabled",
            i.is_future_enabled,
        ),
        (
            "account.options_enabled",
            "isOptionsEnabled",
            i.is_options_enabled,
        ),
    ] {
        match v {
            Some(v) => facts.observe(fact, v),
            None => missing.push(field),
        }
    }
    // `{}` is no answer; one product flag missing on an old account is
    // only that fact unknown.
    if missing.len() == 3 { missing } else { vec![] }
}

fn record_addresses(list: &[WithdrawAddress], facts: &mut Facts) -> Vec<&'static str> {
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    let mut book = Vec::new();
    let mut not_white = Vec::new();
    for a in list {
        let (coin, network, name, address) = (s(&a.coin), s(&a.network), s(&a.name), s(&a.address));
        let white = a.white_status == Some(true);
        let short = shorten(&address);
        book.push(json!({
            "coin": coin,
            "network": network,
            "name": name,
            "address": short,
            "fingerprint": fingerprint(&coin, &network, &address, &s(&a.address_tag)),
            "white": white,
        }));
        if !white {
            not_white
                .push(json!({"name": name, "coin": coin, "network": network, "address": short}));
        }
    }
    facts.observe("withdrawal.address_count", list.len());
    facts.observe(
        "withdrawal.whitelisted_count",
        list.iter().filter(|a| a.white_status == Some(true)).count(),
    );
    facts.observe("withdrawal.not_whitelisted", Value::Array(not_white));
    facts.observe("withdrawal.addresses", Value::Array(book));
    // Each pair names its entries' fingerprints too: the drift collector
    // tells by them a new entry imitating a saved one.
    let fp_of = |addr: &str| {
        list.iter()
            .find(|a| a.address.as_deref().map(str::trim) == Some(addr))
            .map(|a| fingerprint(&s(&a.coin), &s(&a.network), addr, &s(&a.address_tag)))
            .unwrap_or_default()
    };
    facts.observe(
        "withdrawal.book_lookalikes",
        crate::address::facts::book_lookalikes(&book_known(list))
            .iter()
            .map(|l| {
                let mut v = l.fact();
                let p = l.pair();
                if let Some(m) = v.as_object_mut() {
                    m.insert(
                        "fingerprints".into(),
                        json!([fp_of(&p.first), fp_of(&p.second)]),
                    );
                }
                v
            })
            .collect::<Vec<_>>(),
    );
    vec![]
}

fn record_history(records: &[WithdrawRecord], facts: &mut Facts) -> Vec<&'static str> {
    facts.observe("withdrawal.history_count", records.len());
    vec![]
}

/// The address book as known addresses, labels escaped for any terminal.
pub fn book_known(list: &[WithdrawAddress]) -> Vec<Known> {
    list.iter()
        .filter_map(|a| {
            let address = a.address.as_deref().filter(|s| !s.trim().is_empty())?;
            Some(Known::new(
                address,
                a.network.as_deref(),
                &crate::address::escape(a.name.as_deref().unwrap_or(""), crate::address::MAX_LABEL),
                Origin::AddressBook {
                    coin: crate::address::escape(a.coin.as_deref().unwrap_or(""), 16),
                    whitelisted: a.white_status,
                    tag: crate::address::escape(a.address_tag.as_deref().unwrap_or(""), 64),
                },
            ))
        })
        .collect()
}

/// Past withdrawals as known addresses ("sent to before").
pub fn sent_known(list: &[WithdrawRecord]) -> Vec<Known> {
    list.iter()
        .filter_map(|w| {
            let address = w.address.as_deref().filter(|s| !s.trim().is_empty())?;
            Some(Known::new(
                address,
                w.network.as_deref(),
                "",
                Origin::Withdrawal {
                    time: w.applied_at(),
                    amount: crate::address::escape(w.amount.as_deref().unwrap_or("?"), 32),
                    coin: crate::address::escape(w.coin.as_deref().unwrap_or(""), 16),
                },
            ))
        })
        .collect()
}

fn record_quota(q: &WithdrawQuota, facts: &mut Facts) -> Vec<&'static str> {
    if let Some(v) = q.wd_quota {
        facts.observe("withdrawal.quota_usd", v);
    }
    match q.used_wd_quota {
        Some(v) => {
            facts.observe("withdrawal.used_quota_usd", v);
            vec![]
        }
        None => vec!["usedWdQuota"],
    }
}

fn record_account(a: &SpotAccount, facts: &mut Facts) -> Vec<&'static str> {
    if let Some(v) = a.can_trade {
        facts.observe("account.can_trade", v);
    }
    if let Some(v) = a.can_deposit {
        facts.observe("account.can_deposit", v);
    }
    match a.can_withdraw {
        Some(v) => {
            facts.observe("account.can_withdraw", v);
            vec![]
        }
        None => vec!["canWithdraw"],
    }
}

/// `bc1qexampleexample…0` → `bc1qex…ple0`: enough to recognise, not to copy.
pub fn shorten(address: &str) -> String {
    let chars: Vec<char> = address.chars().collect();
    if chars.len() <= 12 {
        return address.to_string();
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

/// First 16 hex digits of SHA-256 over `coin|network|address|addressTag`: a
/// baseline can tell a new address from a known one without storing it.
pub fn fingerprint(coin: &str, network: &str, address: &str, tag: &str) -> String {
    let digest = Sha256::digest(format!("{coin}|{network}|{address}|{tag}").as_bytes());
    hex::encode(digest)[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Fact;

    #[test]
    fn addresses_are_shortened_and_fingerprinted() {
        assert_eq!(
            shorten("bc1qexampleexampleexampleexampleexample0"),
            "bc1qex…ple0"
        );
        assert_eq!(shorten("short"), "short");
        let f = fingerprint("BTC", "BTC", "bc1qexampleexampleexampleexampleexample0", "");
        assert_eq!(f.len(), 16);
        assert_ne!(
            f,
            fingerprint(
                "BTC",
                "BTC",
                "bc1qexampleexampleexampleexampleexample0",
                "1"
            )
        );
    }

    #[test]
    fn address_book_facts_have_the_agreed_keys() {
        let list: Vec<WithdrawAddress> = serde_json::from_str(
            r#"[{"address": "bc1qexampleexampleexampleexampleexample0", "addressTag": "", "coin": "BTC",
                 "name": "cold storage", "network": "BTC", "whiteStatus": true},
                {"address": "0x0000000000000000000000000000000000000001", "coin": "USDT",
                 "name": "friend", "network": "ETH", "whiteStatus": false}]"#,
        )
        .unwrap();
        let mut f = Facts::new();
        record_addresses(&list, &mut f);
        let book = f.get("withdrawal.addresses").and_then(Fact::value).unwrap();
        let first = book[0].as_object().unwrap();
        let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            ["address", "coin", "fingerprint", "name", "network", "white"]
        );
        assert_eq!(book[0]["address"], "bc1qex…ple0");
        assert_eq!(
            f.get("withdrawal.not_whitelisted")
                .and_then(Fact::value)
                .unwrap(),
            &json!([{"name": "friend", "coin": "USDT", "network": "ETH", "address": "0x0000…0001"}])
        );
        assert_eq!(
            f.get("withdrawal.whitelisted_count").and_then(Fact::value),
            Some(&json!(1))
        );
    }

    #[test]
    fn restrictions_become_facts() {
        let r: ApiRestrictions = serde_json::from_str(
            r#"{"ipRestrict": false, "createTime": 1498867200000, "enableReading": true, "enableWithdrawals": true,
                "enableFutures": true, "enableQuantumTrading": true}"#,
        )
        .unwrap();
        let mut f = Facts::new();
        let missing = record_restrictions(&r, BINANCE_START_MS + 100 * DAY_MS + 5, &mut f);
        assert!(missing.is_empty());
        assert_eq!(
            f.get("api.key_age_days").and_then(Fact::value),
            Some(&json!(100))
        );
        assert_eq!(
            f.get("api.trading_permissions").and_then(Fact::value),
            Some(&json!(["enableFutures", "enableQuantumTrading"]))
        );
        assert_eq!(
            f.get("api.extra_permissions").and_then(Fact::value),
            Some(&json!(["enableQuantumTrading"]))
        );
        assert!(matches!(
            f.get("api.enable_margin"),
            Some(Fact::NotChecked { .. })
        ));
        let r: ApiRestrictions = serde_json::from_str("{}").unwrap();
        let missing = record_restrictions(&r, 0, &mut Facts::new());
        assert_eq!(missing, vec!["ipRestrict", "enableWithdrawals"]);
    }

    #[test]
    fn impossible_create_times_are_not_checked() {
        let now = client::now_ms();
        for t in [
            i64::MIN,
            -1,
            0,
            now + 2 * DAY_MS,
            4_102_444_800_000,
            i64::MAX,
        ] {
            let r: ApiRestrictions =
                serde_json::from_str(&format!(r#"{{"createTime": {t}}}"#)).unwrap();
            let mut f = Facts::new();
            record_restrictions(&r, now, &mut f);
            assert!(
                matches!(f.get("api.key_age_days"), Some(Fact::NotChecked { .. })),
                "{t}"
            );
        }
    }

    #[test]
    fn an_empty_info_answer_is_missing_its_fields() {
        let i: AccountInfo = serde_json::from_str("{}").unwrap();
        assert_eq!(record_info(&i, &mut Facts::new()).len(), 3);
        let i: AccountInfo = serde_json::from_str(r#"{"isMarginEnabled": false}"#).unwrap();
        assert!(record_info(&i, &mut Facts::new()).is_empty());
    }
}
