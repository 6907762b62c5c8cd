//! The evidence bundle's data: what Binance's history endpoints return,
//! reduced to the facts a support ticket or police report needs, plus the
//! time handling (periods, windows, pacing) the collection walks by.
//! Binance's answers are decoded once, in `collect::binance::model`
//! (leniently, field by field); here they become the bundle's rows.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::collect::CheckStatus;
use crate::collect::binance::model::{
    DepositRecord, OrderRecord, TradeRecord, WithdrawAddress, WithdrawRecord, utc_string_time,
};
use crate::i18n::Msg;
use crate::msg;
use crate::net::NetRequest;

/// Withdraw history weighs 18000 of the account's per-second UID budget, so
/// it is asked at most once a second.
pub const DEFAULT_PACE_MS: u64 = 1000;

/// SAPI history windows must be shorter than 90 days.
pub const HISTORY_WINDOW: chrono::Duration = chrono::Duration::days(89);
/// `allOrders` and `myTrades` accept at most 24 hours per request.
pub const TRADE_WINDOW: chrono::Duration = chrono::Duration::hours(24);
/// Rows per page of the SAPI history endpoints (their maximum).
pub const PAGE_LIMIT: usize = 1000;

/// Parse `--since` / `--until`. RFC 3339 with an explicit zone; seconds may be
/// left out (`2026-11-20T00:00Z`). A date alone is refused: its time zone is a
/// guess, and a wrong guess hides up to a day of activity.
pub fn parse_time(raw: &str) -> Result<DateTime<Utc>, Msg> {
    let s = raw.trim();
    let raw = format!("{raw:?}");
    let why = |what: &str| match what {
        "date" => msg!("binance-time-no-time-and-zone", raw = raw.as_str()),
        "zone" => msg!("binance-time-no-zone", raw = raw.as_str()),
        _ => msg!("binance-time-not-a-time", raw = raw.as_str()),
    };
    if !s.is_ascii() {
        return Err(why("time"));
    }
    let mut t: String = s.to_string();
    if t.len() > 10 && matches!(t.as_bytes()[10], b' ' | b't') {
        t.replace_range(10..11, "T");
    }
    if t.ends_with('z') {
        t.pop();
        t.push('Z');
    }
    // Insert ":00" seconds when the time is HH:MM followed directly by the zone.
    if t.len() >= 17 && t.as_bytes()[10] == b'T' {
        let rest = &t[16..];
        if rest.starts_with(['Z', '+', '-']) && t.as_bytes()[13] == b':' {
            t.insert_str(16, ":00");
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(&t) {
        return Ok(dt.with_timezone(&Utc));
    }
    if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() {
        return Err(why("date"));
    }
    if NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S").is_ok()
        || NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M").is_ok()
    {
        return Err(why("zone"));
    }
    Err(why("time"))
}

/// The period to collect, checked for sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

impl Period {
    pub fn new(
        since: DateTime<Utc>,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Period, Msg> {
        let show = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        if since > now {
            return Err(msg!("binance-period-future", since = show(since)));
        }
        if since >= until {
            return Err(msg!(
                "binance-period-order",
                since = show(since),
                until = show(until)
            ));
        }
        Ok(Period {
            since,
            until: until.min(now),
        })
    }

    /// Half-open: `until` itself is the first instant not examined, so
    /// consecutive periods never share a record.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        t >= self.since && t < self.until
    }
}

/// Split `[since, until)` into consecutive windows of inclusive millisecond
/// bounds (as Binance's startTime/endTime are) no longer than `max`
/// (end − start < max), oldest first.
pub fn windows(p: &Period, max: chrono::Duration) -> Vec<(i64, i64)> {
    let (mut start, end) = (p.since.timestamp_millis(), p.until.timestamp_millis() - 1);
    let span = max.num_milliseconds() - 1;
    let mut out = Vec::new();
    while start <= end {
        let stop = (start + span).min(end);
        out.push((start, stop));
        start = stop + 1;
    }
    out
}

/// Spaces calls to an expensive endpoint: each `wait` returns no sooner than
/// `interval` after the previous one returned.
pub struct Pacer {
    interval: Duration,
    last: Option<tokio::time::Instant>,
}

impl Pacer {
    pub fn new(interval: Duration) -> Pacer {
        Pacer {
            interval,
            last: None,
        }
    }

    pub async fn wait(&mut self) {
        if let Some(last) = self.last {
            tokio::time::sleep_until(last + self.interval).await;
        }
        self.last = Some(tokio::time::Instant::now());
    }
}

fn ms_time(ms: Option<i64>) -> Option<DateTime<Utc>> {
    ms.and_then(|m| Utc.timestamp_millis_opt(m).single())
}

// ---------------------------------------------------------------- the bundle

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Withdrawal {
    pub id: String,
    pub coin: String,
    pub amount: String,
    pub fee: String,
    pub network: String,
    pub address: String,
    pub address_tag: String,
    pub tx_id: String,
    pub status: Option<i64>,
    pub status_text: String,
    pub apply_time: Option<DateTime<Utc>>,
    pub complete_time: Option<DateTime<Utc>>,
    /// "external" (on-chain) or "internal" (Binance to Binance).
    pub transfer: String,
    pub info: String,
    /// Whether the destination is in the withdrawal address book; `None` when
    /// the address book could not be read.
    pub in_address_book: Option<bool>,
    pub whitelisted: Option<bool>,
    /// The user's own label for the address, when it is in the book.
    pub address_label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deposit {
    pub id: String,
    pub coin: String,
    pub amount: String,
    pub network: String,
    pub address: String,
    pub address_tag: String,
    pub tx_id: String,
    pub status: Option<i64>,
    pub status_text: String,
    pub time: Option<DateTime<Utc>>,
    pub transfer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BookEntry {
    pub coin: String,
    pub network: String,
    pub address: String,
    pub address_tag: String,
    pub name: String,
    pub origin_type: String,
    pub whitelisted: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Order {
    pub symbol: String,
    pub order_id: Option<u64>,
    pub client_order_id: String,
    pub side: String,
    pub r#type: String,
    pub status: String,
    pub price: String,
    pub orig_qty: String,
    pub executed_qty: String,
    pub quote_qty: String,
    pub time: Option<DateTime<Utc>>,
    pub update_time: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Trade {
    pub symbol: String,
    pub id: Option<u64>,
    pub order_id: Option<u64>,
    pub side: String,
    pub price: String,
    pub qty: String,
    pub quote_qty: String,
    pub commission: String,
    pub commission_asset: String,
    pub time: Option<DateTime<Utc>>,
    pub maker: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Account {
    /// `/sapi/v1/account/status` verbatim ("Normal" or Binance's reason).
    pub status: Option<String>,
    pub uid: Option<u64>,
    pub can_trade: Option<bool>,
    pub can_withdraw: Option<bool>,
    pub can_deposit: Option<bool>,
}

/// Everything collected, as written to evidence.json.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub schema_version: u32,
    pub tool: String,
    pub generated_at: DateTime<Utc>,
    pub kind: String,
    pub period: Period,
    pub symbols: Vec<String>,
    /// Masked (first and last characters only).
    pub api_key: Option<String>,
    /// One status per part: account, api-key, withdrawals, deposits, ...
    pub checks: Vec<CheckStatus>,
    pub account: Option<Account>,
    /// Permission flags as Binance reports them for the key used.
    pub api_key_permissions: Option<serde_json::Map<String, Value>>,
    pub withdrawals: Vec<Withdrawal>,
    pub deposits: Vec<Deposit>,
    pub address_book: Vec<BookEntry>,
    pub open_orders: Vec<Order>,
    pub orders: Vec<Order>,
    pub trades: Vec<Trade>,
    pub network: Vec<NetRequest>,
}

impl Evidence {
    pub fn check(&self, name: &str) -> Option<&CheckStatus> {
        self.checks.iter().find(|c| c.check == name)
    }
}

pub fn withdrawal_status(code: Option<i64>) -> &'static str {
    match code {
        Some(0) => "Email Sent",
        Some(1) => "Cancelled",
        Some(2) => "Awaiting Approval",
        Some(3) => "Rejected",
        Some(4) => "Processing",
        Some(5) => "Failure",
        Some(6) => "Completed",
        _ => "unknown",
    }
}

pub fn deposit_status(code: Option<i64>) -> &'static str {
    match code {
        Some(0) => "Pending",
        Some(1) => "Success",
        Some(2) => "Rejected",
        Some(6) => "Credited, cannot withdraw yet",
        Some(7) => "Wrong deposit",
        Some(8) => "Waiting for user confirmation",
        _ => "unknown",
    }
}

fn transfer(t: Option<i64>) -> String {
    match t {
        Some(1) => "internal".into(),
        Some(0) => "external".into(),
        _ => String::new(),
    }
}

fn owned(s: Option<String>) -> String {
    s.unwrap_or_default()
}

impl From<WithdrawRecord> for Withdrawal {
    fn from(r: WithdrawRecord) -> Withdrawal {
        Withdrawal {
            status_text: withdrawal_status(r.status).into(),
            apply_time: r.apply_time.as_deref().and_then(utc_string_time),
            complete_time: r.complete_time.as_deref().and_then(utc_string_time),
            transfer: transfer(r.transfer_type),
            id: owned(r.id),
            coin: owned(r.coin),
            amount: owned(r.amount),
            fee: owned(r.transaction_fee),
            network: owned(r.network),
            address: owned(r.address),
            address_tag: owned(r.address_tag),
            tx_id: owned(r.tx_id),
            status: r.status,
            info: owned(r.info),
            in_address_book: None,
            whitelisted: None,
            address_label: None,
        }
    }
}

impl From<DepositRecord> for Deposit {
    fn from(r: DepositRecord) -> Deposit {
        Deposit {
            status_text: deposit_status(r.status).into(),
            time: ms_time(r.insert_time),
            transfer: transfer(r.transfer_type),
            id: owned(r.id),
            coin: owned(r.coin),
            amount: owned(r.amount),
            network: owned(r.network),
            address: owned(r.address),
            address_tag: owned(r.address_tag),
            tx_id: owned(r.tx_id),
            status: r.status,
        }
    }
}

impl From<WithdrawAddress> for BookEntry {
    fn from(r: WithdrawAddress) -> BookEntry {
        BookEntry {
            coin: owned(r.coin),
            network: owned(r.network),
            address: owned(r.address),
            address_tag: owned(r.address_tag),
            name: owned(r.name),
            origin_type: owned(r.origin_type),
            whitelisted: r.white_status,
        }
    }
}

impl From<OrderRecord> for Order {
    fn from(r: OrderRecord) -> Order {
        Order {
            time: ms_time(r.time),
            update_time: ms_time(r.update_time),
            symbol: owned(r.symbol),
            order_id: r.order_id,
            client_order_id: owned(r.client_order_id),
            side: owned(r.side),
            r#type: owned(r.r#type),
            status: owned(r.status),
            price: owned(r.price),
            orig_qty: owned(r.orig_qty),
            executed_qty: owned(r.executed_qty),
            quote_qty: owned(r.cummulative_quote_qty),
        }
    }
}

impl From<TradeRecord> for Trade {
    fn from(r: TradeRecord) -> Trade {
        Trade {
            time: ms_time(r.time),
            side: match r.is_buyer {
                Some(true) => "BUY".into(),
                Some(false) => "SELL".into(),
                None => String::new(),
            },
            symbol: owned(r.symbol),
            id: r.id,
            order_id: r.order_id,
            price: owned(r.price),
            qty: owned(r.qty),
            quote_qty: owned(r.quote_qty),
            commission: owned(r.commission),
            commission_asset: owned(r.commission_asset),
            maker: r.is_maker,
        }
    }
}

/// EVM-style hex addresses are case-insensitive (the case is only a
/// checksum); every other format is compared exactly.
fn same_address(a: &str, b: &str) -> bool {
    let hex = |s: &str| s.len() > 2 && (s.starts_with("0x") || s.starts_with("0X"));
    if hex(a) && hex(b) {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

/// Mark each withdrawal as in the address book / whitelisted. A book entry
/// counts when its address matches and, where both sides name one, the memo
/// tag matches too.
pub fn mark_destinations(withdrawals: &mut [Withdrawal], book: &[BookEntry]) {
    for w in withdrawals {
        let matches: Vec<&BookEntry> = book
            .iter()
            .filter(|b| same_address(&b.address, &w.address))
            .filter(|b| {
                b.address_tag.is_empty()
                    || w.address_tag.is_empty()
                    || b.address_tag == w.address_tag
            })
            .collect();
        w.in_address_book = Some(!matches.is_empty());
        w.whitelisted = Some(matches.iter().any(|b| b.whitelisted == Some(true)));
        w.address_label = matches
            .iter()
            .map(|b| b.name.clone())
            .find(|n| !n.is_empty());
    }
}

/// Remove duplicates (overlapping pages) and sort oldest first.
pub fn sort_dedup<T, K: Ord + Clone>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    items.sort_by_key(|i| key(i));
    items.dedup_by(|a, b| key(a) == key(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list answer as the client reads it.
    fn parse_list<T: serde::de::DeserializeOwned>(
        body: &[u8],
    ) -> Result<(Vec<T>, usize), crate::collect::binance::ApiError> {
        let items: Vec<Value> = crate::collect::binance::client::parse_json(body)?;
        let r = crate::collect::binance::model::Records::<T>::from_items(items, body);
        Ok((r.rows, r.unreadable))
    }

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn times_need_a_zone_and_may_omit_seconds() {
        assert_eq!(
            parse_time("2026-11-20T00:00Z").unwrap(),
            t("2026-11-20T00:00:00Z")
        );
        assert_eq!(
            parse_time("2026-11-20t00:00z").unwrap_or_else(|e| panic!("{e:?}")),
            t("2026-11-20T00:00:00Z")
        );
        assert_eq!(
            parse_time("2026-11-20T09:00+09:00").unwrap(),
            t("2026-11-20T00:00:00Z")
        );
        assert_eq!(
            parse_time("2026-11-20 09:30:15-01:00").unwrap(),
            t("2026-11-20T10:30:15Z")
        );
        assert_eq!(
            parse_time("2026-11-20T00:00:00.250Z")
                .unwrap()
                .timestamp_millis()
                % 1000,
            250
        );
        assert!(
            parse_time("2026-11-20")
                .unwrap_err()
                .render(crate::i18n::Lang::En)
                .contains("no time and zone")
        );
        assert!(
            parse_time("2026-11-20T00:00")
                .unwrap_err()
                .render(crate::i18n::Lang::En)
                .contains("no time zone")
        );
        assert!(
            parse_time("yesterday")
                .unwrap_err()
                .render(crate::i18n::Lang::En)
                .contains("not a time")
        );
        assert!(parse_time("2026-13-40T00:00Z").is_err());
        assert!(parse_time("").is_err());
        assert!(parse_time("2026-11-20T0").is_err());
        assert!(parse_time("ｘｘｘｘｘｘｘｘｘｘｘｘｘ").is_err());
    }

    #[test]
    fn period_is_checked_and_capped_at_now() {
        let now = t("2026-11-25T00:00:00Z");
        let p = Period::new(t("2026-11-20T00:00:00Z"), t("2027-01-01T00:00:00Z"), now).unwrap();
        assert_eq!(p.until, now);
        assert!(Period::new(now, t("2026-11-20T00:00:00Z"), now).is_err());
        assert!(Period::new(t("2026-12-01T00:00:00Z"), t("2026-12-02T00:00:00Z"), now).is_err());
    }

    #[test]
    fn windows_cover_the_period_without_gaps_or_overlap() {
        let p = Period {
            since: t("2026-01-01T00:00:00Z"),
            until: t("2026-11-25T12:00:00Z"),
        };
        for max in [HISTORY_WINDOW, TRADE_WINDOW] {
            let w = windows(&p, max);
            assert_eq!(w[0].0, p.since.timestamp_millis());
            assert_eq!(w.last().unwrap().1, p.until.timestamp_millis() - 1);
            for pair in w.windows(2) {
                assert_eq!(pair[1].0, pair[0].1 + 1);
            }
            for (a, b) in &w {
                assert!(b - a < max.num_milliseconds(), "{a}..{b}");
                assert!(a <= b);
            }
        }
        assert_eq!(windows(&p, HISTORY_WINDOW).len(), 4);
        let short = Period {
            since: t("2026-11-20T00:00:00Z"),
            until: t("2026-11-20T00:00:00.001Z"),
        };
        assert_eq!(windows(&short, TRADE_WINDOW).len(), 1);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn pacer_spaces_calls() {
        // A lower bound only: sleeping guarantees at least the interval.
        let mut p = Pacer::new(Duration::from_millis(30));
        let start = tokio::time::Instant::now();
        p.wait().await;
        p.wait().await;
        p.wait().await;
        assert!(start.elapsed() >= Duration::from_millis(60));
    }

    #[test]
    fn lenient_parsing_keeps_good_rows_and_counts_bad_ones() {
        let body = br#"[
          {"id": "abc", "amount": "1.5", "coin": "BTC", "status": 6, "address": "bc1q",
           "txId": "tx1", "applyTime": "2026-11-20 03:14:15", "network": "BTC", "transferType": 0},
          {"id": 12345678901234567, "amount": 2, "status": "4", "applyTime": "garbage", "extra": [1]},
          "not an object"
        ]"#;
        let (rows, bad) = parse_list::<WithdrawRecord>(body).unwrap();
        assert_eq!(bad, 1);
        let w: Vec<Withdrawal> = rows.into_iter().map(Withdrawal::from).collect();
        assert_eq!(w[0].apply_time, Some(t("2026-11-20T03:14:15Z")));
        assert_eq!(w[0].status_text, "Completed");
        assert_eq!(w[0].transfer, "external");
        assert_eq!(w[1].id, "12345678901234567");
        assert_eq!(w[1].amount, "2");
        assert_eq!(w[1].status, Some(4));
        assert_eq!(w[1].apply_time, None);
        assert!(parse_list::<WithdrawRecord>(b"{\"code\":-1}").is_err());
        assert!(parse_list::<WithdrawRecord>(b"<html>").is_err());
    }

    #[test]
    fn bad_answers_read_in_japanese() {
        use crate::i18n::{Lang, english_runs};
        let e = parse_list::<WithdrawRecord>(b"<html>").unwrap_err();
        let ja = e.msg().render(Lang::Ja);
        assert_eq!(
            ja,
            "Binanceの応答を読み取れませんでした（想定したJSONではありません：1行1列目の書式が正しくありません）"
        );
        let e = parse_list::<WithdrawRecord>(b"{}").unwrap_err();
        assert!(english_runs(&e.msg().render(Lang::Ja)).is_empty());
        assert!(
            e.msg()
                .render(Lang::En)
                .starts_with("Binance's answer could not be read")
        );
    }

    #[test]
    fn big_order_ids_survive() {
        let body = br#"[{"symbol":"BTCUSDT","orderId":18446744073709551615,"time":1763608455000}]"#;
        let (rows, _) = parse_list::<OrderRecord>(body).unwrap();
        let o = Order::from(rows.into_iter().next().unwrap());
        assert_eq!(o.order_id, Some(u64::MAX));
        assert_eq!(o.time, Some(t("2025-11-20T03:14:15Z")));
    }

    #[test]
    fn destinations_are_matched_against_the_book() {
        let w = |addr: &str, tag: &str| {
            let raw: WithdrawRecord = serde_json::from_value(serde_json::json!({
                "id": "1", "amount": "1", "coin": "ETH", "status": 6,
                "address": addr, "addressTag": tag, "network": "ETH", "transferType": 0
            }))
            .unwrap();
            Withdrawal::from(raw)
        };
        let book = vec![
            BookEntry {
                coin: "ETH".into(),
                network: "ETH".into(),
                address: "0xAbC0000000000000000000000000000000000001".into(),
                address_tag: String::new(),
                name: "ledger".into(),
                origin_type: "others".into(),
                whitelisted: Some(true),
            },
            BookEntry {
                coin: "XRP".into(),
                network: "XRP".into(),
                address: "rExchange".into(),
                address_tag: "111".into(),
                name: String::new(),
                origin_type: "Kraken".into(),
                whitelisted: Some(false),
            },
        ];
        let mut ws = vec![
            w("0xabc0000000000000000000000000000000000001", ""),
            w("0xdead", ""),
            w("rExchange", "111"),
            w("rExchange", "222"),
            w("REXCHANGE", "111"),
        ];
        mark_destinations(&mut ws, &book);
        let got: Vec<(Option<bool>, Option<bool>)> = ws
            .iter()
            .map(|w| (w.in_address_book, w.whitelisted))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(true), Some(true)),
                (Some(false), Some(false)),
                (Some(true), Some(false)),
                (Some(false), Some(false)),
                (Some(false), Some(false)),
            ]
        );
        assert_eq!(ws[0].address_label.as_deref(), Some("ledger"));
    }
}
