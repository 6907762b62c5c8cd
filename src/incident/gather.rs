//! Collecting the evidence bundle: read-only, signed GETs walked by time
//! window, the expensive ones paced, each part ending "ran" or "not collected:
//! why" without stopping the others. The shell writes what it returns.

use crate::i18n::ui_tr;
use std::time::Duration;

use chrono::{SubsecRound, Utc};

use super::evidence::{
    self, Account, BookEntry, Deposit, Evidence, Order, PAGE_LIMIT, Pacer, Period, RawDeposit,
    RawOrder, RawTrade, RawWithdrawal, Trade, Withdrawal, parse_list,
};
use super::playbook::Kind;
use crate::collect::CheckStatus;
use crate::collect::binance::model::{
    AccountStatus, ApiRestrictions, SpotAccount, WithdrawAddress,
};
use crate::collect::binance::{ApiError, BinanceClient};

pub const WITHDRAW_HISTORY: &str = "/sapi/v1/capital/withdraw/history";
pub const DEPOSIT_HISTORY: &str = "/sapi/v1/capital/deposit/hisrec";
pub const ADDRESS_BOOK: &str = "/sapi/v1/capital/withdraw/address/list";
pub const ALL_ORDERS: &str = "/api/v3/allOrders";
pub const MY_TRADES: &str = "/api/v3/myTrades";
pub const OPEN_ORDERS: &str = "/api/v3/openOrders";
pub const API_RESTRICTIONS: &str = "/sapi/v1/account/apiRestrictions";
pub const ACCOUNT_STATUS: &str = "/sapi/v1/account/status";
pub const SPOT_ACCOUNT: &str = "/api/v3/account";

pub const TICKET_FILE: &str = "ticket.md";
pub const EVIDENCE_FILE: &str = "evidence.json";

/// How far apart the expensive calls go.
#[derive(Clone, Copy, Debug)]
pub struct Pacing {
    /// Withdraw history (18000 UID weight each).
    pub heavy: Duration,
    /// 24-hour order and trade lookups and open orders (weight 20–80 each on
    /// the shared /api budget).
    pub weighted: Duration,
}

impl Pacing {
    pub fn from_ms(ms: u64) -> Pacing {
        Pacing {
            heavy: Duration::from_millis(ms),
            weighted: Duration::from_millis(ms * 2 / 5),
        }
    }
}

/// A trading pair as the user typed it, upper-cased; Binance also lists
/// pairs with non-ASCII names, so only separators and controls are refused.
pub fn symbol(raw: &str) -> Result<String, String> {
    let s = raw.trim();
    if s.is_empty()
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || "&=/?#%".contains(c))
    {
        return Err(format!(
            "--symbol {raw:?} is not a trading pair such as BTCUSDT"
        ));
    }
    Ok(s.to_uppercase())
}

/// Rows of one part, and whether the walk completed.
struct Part<T> {
    rows: Vec<T>,
    status: CheckStatus,
}

fn part<T>(check: &str, rows: Vec<T>, result: Result<String, String>) -> Part<T> {
    let status = match result {
        Ok(detail) => CheckStatus::ran(check, detail),
        Err(e) => CheckStatus::failed(check, e),
    };
    Part { rows, status }
}

fn bad_rows_note(bad: usize) -> String {
    if bad == 0 {
        String::new()
    } else {
        format!("; {bad} unreadable record(s) skipped")
    }
}

/// Pages read per time window at most: 100 000 rows of one endpoint in one
/// window is more than any account has; a server that never ends a walk
/// is stopped here.
pub const MAX_PAGES: usize = 100;
/// The least spacing of unpaced history calls (weight 1 each).
const LIGHT_PACING: Duration = Duration::from_millis(100);

/// A fingerprint of a page's bytes: a server that ignores paging and sends
/// the same page again is stopped instead of walked forever.
fn page_digest(body: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(body).into()
}

fn repeated_page(what: &str) -> String {
    format!(
        "stopped: Binance sent the same page of {what} twice (the paging was ignored), so the rest was not collected"
    )
}

fn too_many_pages(what: &str) -> String {
    format!(
        "stopped after {MAX_PAGES} pages of {what} in one time window; the rest was not collected"
    )
}

/// What a walk over a SAPI history endpoint read, and what stopped it.
struct History<T> {
    rows: Vec<T>,
    unreadable: usize,
    calls: usize,
    windows: usize,
    error: Option<String>,
}

/// A SAPI history endpoint over the period: windows shorter than 90 days,
/// oldest first, each paged by offset; every call waits for `pacer` if given.
async fn sapi_history<R, T>(
    client: &BinanceClient,
    path: &str,
    purpose: &str,
    period: &Period,
    mut pacer: Option<&mut Pacer>,
    convert: fn(R) -> T,
) -> History<T>
where
    R: for<'de> serde::Deserialize<'de>,
{
    let windows = evidence::windows(period, evidence::HISTORY_WINDOW);
    let mut h = History {
        rows: Vec::new(),
        unreadable: 0,
        calls: 0,
        windows: windows.len(),
        error: None,
    };
    let mut light = Pacer::new(LIGHT_PACING);
    for (i, (start, end)) in windows.iter().enumerate() {
        let mut offset = 0;
        let mut previous: Option<[u8; 32]> = None;
        for page_no in 0.. {
            if page_no == MAX_PAGES {
                h.error = Some(too_many_pages(purpose));
                return h;
            }
            match pacer.as_deref_mut() {
                Some(p) => p.wait().await,
                None => light.wait().await,
            }
            h.calls += 1;
            let params = [
                ("startTime", start.to_string()),
                ("endTime", end.to_string()),
                ("offset", offset.to_string()),
                ("limit", PAGE_LIMIT.to_string()),
            ];
            let mut repeat = false;
            let page = client
                .signed_get(path, &params, purpose)
                .await
                .map_err(|e| say(&e))
                .and_then(|b| {
                    let digest = page_digest(&b);
                    repeat = previous.replace(digest) == Some(digest);
                    parse_list::<R>(&b)
                });
            if repeat {
                h.error = Some(repeated_page(purpose));
                return h;
            }
            let (page, bad) = match page {
                Ok(p) => p,
                Err(e) => {
                    h.error = Some(match crate::i18n::ui() {
                        crate::i18n::Lang::En => {
                            format!("stopped at window {} of {}: {e}", i + 1, windows.len())
                        }
                        crate::i18n::Lang::Ja => {
                            format!("{}区間中{}区間目で停止: {e}", windows.len(), i + 1)
                        }
                    });
                    return h;
                }
            };
            h.unreadable += bad;
            let n = page.len() + bad;
            h.rows.extend(page.into_iter().map(convert));
            if n < PAGE_LIMIT {
                break;
            }
            offset += PAGE_LIMIT;
        }
    }
    h
}

/// Withdraw history (18000 UID weight per call): paced.
async fn withdrawals(
    client: &BinanceClient,
    period: &Period,
    pacer: &mut Pacer,
) -> Part<Withdrawal> {
    let h = sapi_history::<RawWithdrawal, _>(
        client,
        WITHDRAW_HISTORY,
        "withdraw history (evidence)",
        period,
        Some(pacer),
        Withdrawal::from,
    )
    .await;
    let mut rows = h.rows;
    rows.retain(|w| w.apply_time.is_none_or(|t| period.contains(t)));
    evidence::sort_dedup(&mut rows, |w| (w.apply_time, w.id.clone()));
    let result = match h.error {
        Some(e) => Err(e),
        None => Ok(format!(
            "{} withdrawal(s); {} request(s) over {} window(s){}",
            rows.len(),
            h.calls,
            h.windows,
            bad_rows_note(h.unreadable)
        )),
    };
    part("withdrawals", rows, result)
}

/// Deposit history (weight 1 per call): not paced.
async fn deposits(client: &BinanceClient, period: &Period) -> Part<Deposit> {
    let h = sapi_history::<RawDeposit, _>(
        client,
        DEPOSIT_HISTORY,
        "deposit history (evidence)",
        period,
        None,
        Deposit::from,
    )
    .await;
    let mut rows = h.rows;
    rows.retain(|d| d.time.is_none_or(|t| period.contains(t)));
    evidence::sort_dedup(&mut rows, |d| (d.time, d.id.clone()));
    let result = match h.error {
        Some(e) => Err(e),
        None => Ok(format!(
            "{} deposit(s){}",
            rows.len(),
            bad_rows_note(h.unreadable)
        )),
    };
    part("deposits", rows, result)
}

/// `allOrders` or `myTrades` for one symbol over the period, in 24-hour
/// windows. A full page moves the window start to the last row's time, and
/// rows are de-duplicated by id afterwards.
async fn per_symbol<R, T>(
    client: &BinanceClient,
    path: &str,
    sym: &str,
    period: &Period,
    pacer: &mut Pacer,
    convert: fn(R) -> T,
    time_of: fn(&T) -> Option<i64>,
) -> Result<(Vec<T>, usize), String>
where
    R: for<'de> serde::Deserialize<'de>,
{
    let mut rows = Vec::new();
    let mut bad = 0;
    for (start, end) in evidence::windows(period, evidence::TRADE_WINDOW) {
        let mut from = start;
        let mut previous: Option<[u8; 32]> = None;
        for page_no in 0.. {
            if page_no == MAX_PAGES {
                return Err(format!("{sym}: {}", too_many_pages("history")));
            }
            pacer.wait().await;
            let params = [
                ("symbol", sym.to_string()),
                ("startTime", from.to_string()),
                ("endTime", end.to_string()),
                ("limit", PAGE_LIMIT.to_string()),
            ];
            let body = client
                .signed_get(path, &params, "order/trade history (evidence)")
                .await
                .map_err(|e| format!("{sym}: {e}"))?;
            let digest = page_digest(&body);
            if previous.replace(digest) == Some(digest) {
                return Err(format!("{sym}: {}", repeated_page("history")));
            }
            let (page, b) = parse_list::<R>(&body).map_err(|e| format!("{sym}: {e}"))?;
            bad += b;
            let full = page.len() + b >= PAGE_LIMIT;
            let page: Vec<T> = page.into_iter().map(convert).collect();
            let last = page.iter().filter_map(time_of).max();
            rows.extend(page);
            match last {
                // Same-millisecond rows may straddle the page edge: start again
                // at that millisecond (duplicates are removed), or one past it
                // when the whole page was that one millisecond.
                Some(t) if full && t < end => {
                    let next = if t > from { t } else { t + 1 };
                    // A page whose newest row is older than where it started
                    // makes no progress: the walk would never end.
                    if next <= from {
                        return Err(format!("{sym}: {}", repeated_page("history")));
                    }
                    from = next;
                }
                _ => break,
            }
        }
    }
    Ok((rows, bad))
}

async fn orders_and_trades(
    client: &BinanceClient,
    symbols: &[String],
    period: &Period,
    pacer: &mut Pacer,
) -> (Part<Order>, Part<Trade>) {
    let (mut orders, mut trades) = (Vec::new(), Vec::new());
    let (mut order_err, mut trade_err) = (Vec::new(), Vec::new());
    let (mut bad_o, mut bad_t) = (0, 0);
    for sym in symbols {
        match per_symbol::<RawOrder, Order>(
            client,
            ALL_ORDERS,
            sym,
            period,
            pacer,
            Order::from,
            |o| o.time.map(|t| t.timestamp_millis()),
        )
        .await
        {
            Ok((r, b)) => {
                orders.extend(r);
                bad_o += b;
            }
            Err(e) => order_err.push(e),
        }
        match per_symbol::<RawTrade, Trade>(
            client,
            MY_TRADES,
            sym,
            period,
            pacer,
            Trade::from,
            |t| t.time.map(|t| t.timestamp_millis()),
        )
        .await
        {
            Ok((r, b)) => {
                trades.extend(r);
                bad_t += b;
            }
            Err(e) => trade_err.push(e),
        }
    }
    evidence::sort_dedup(&mut orders, |o| (o.time, o.symbol.clone(), o.order_id));
    evidence::sort_dedup(&mut trades, |t| (t.time, t.symbol.clone(), t.id));
    let result = |errs: Vec<String>, n: usize, what: &str, bad: usize| {
        if errs.is_empty() {
            Ok(format!(
                "{n} {what} for {}{}",
                symbols.join(", "),
                bad_rows_note(bad)
            ))
        } else {
            Err(errs.join("; "))
        }
    };
    let (no, nt) = (orders.len(), trades.len());
    (
        part("orders", orders, result(order_err, no, "order(s)", bad_o)),
        part("trades", trades, result(trade_err, nt, "trade(s)", bad_t)),
    )
}

async fn open_orders(client: &BinanceClient, pacer: &mut Pacer) -> Part<Order> {
    pacer.wait().await;
    match client
        .signed_get(OPEN_ORDERS, &[], "open orders, all symbols (evidence)")
        .await
        .map_err(|e| say(&e))
        .and_then(|b| parse_list::<RawOrder>(&b))
    {
        Ok((rows, bad)) => {
            let rows: Vec<Order> = rows.into_iter().map(Order::from).collect();
            let d = format!("{} open order(s){}", rows.len(), bad_rows_note(bad));
            part("open-orders", rows, Ok(d))
        }
        Err(e) => part("open-orders", Vec::new(), Err(e)),
    }
}

async fn address_book(client: &BinanceClient) -> Part<BookEntry> {
    match client
        .get_json::<Vec<serde_json::Value>>(ADDRESS_BOOK, &[], "withdrawal address book (evidence)")
        .await
    {
        Ok(items) => {
            let rows: Vec<BookEntry> = items
                .into_iter()
                .filter_map(|v| serde_json::from_value::<WithdrawAddress>(v).ok())
                .map(BookEntry::from)
                .collect();
            let d = format!("{} saved address(es)", rows.len());
            part("address-book", rows, Ok(d))
        }
        Err(e) => part("address-book", Vec::new(), Err(say(&e))),
    }
}

async fn account(client: &BinanceClient) -> (Option<Account>, CheckStatus) {
    let (status, spot) = tokio::join!(
        client.get_json::<AccountStatus>(ACCOUNT_STATUS, &[], "account status (evidence)"),
        client.get_json::<SpotAccount>(SPOT_ACCOUNT, &[], "account UID and switches (evidence)"),
    );
    let mut a = Account::default();
    let mut errs = Vec::new();
    match status {
        Ok(s) => a.status = s.data,
        Err(e) => errs.push(format!(
            "{}: {}",
            ui_tr("account status", "アカウントの状態"),
            say(&e)
        )),
    }
    match spot {
        Ok(s) => {
            a.uid = s.uid.and_then(|u| u64::try_from(u).ok());
            a.can_trade = s.can_trade;
            a.can_withdraw = s.can_withdraw;
            a.can_deposit = s.can_deposit;
        }
        Err(e) => errs.push(format!("{}: {}", ui_tr("account", "アカウント"), say(&e))),
    }
    let st = if errs.is_empty() {
        CheckStatus::ran(
            "account",
            format!(
                "{} {}",
                ui_tr("status", "状態"),
                a.status.as_deref().unwrap_or("?")
            ),
        )
    } else {
        CheckStatus::failed("account", errs.join("; "))
    };
    let any = a.status.is_some() || a.uid.is_some() || a.can_trade.is_some();
    (any.then_some(a), st)
}

async fn permissions(
    client: &BinanceClient,
) -> (
    Option<serde_json::Map<String, serde_json::Value>>,
    CheckStatus,
) {
    match client
        .get_json::<ApiRestrictions>(API_RESTRICTIONS, &[], "API key permissions (evidence)")
        .await
    {
        Ok(r) => {
            let mut m: serde_json::Map<String, serde_json::Value> = r.rest.into_iter().collect();
            if let Some(ip) = r.ip_restrict {
                m.insert("ipRestrict".into(), ip.into());
            }
            if let Some(t) = r.create_time {
                m.insert("createTime".into(), t.into());
            }
            (
                Some(m),
                CheckStatus::ran("api-key", ui_tr("permissions read", "権限を読み取りました")),
            )
        }
        Err(e) => (None, CheckStatus::failed("api-key", say(&e))),
    }
}

const PARTS: [&str; 8] = [
    "account",
    "api-key",
    "address-book",
    "withdrawals",
    "deposits",
    "orders",
    "trades",
    "open-orders",
];

/// Collect everything for `period`. Without credentials (or offline) every
/// part is "skipped" with the reason and the bundle is a blank ticket.
pub async fn collect(
    client: &BinanceClient,
    kind: Kind,
    period: Period,
    symbols: &[String],
    pacing: Pacing,
) -> Evidence {
    let mut e = Evidence {
        schema_version: crate::report::SCHEMA_VERSION,
        tool: format!("binance-audit {}", env!("CARGO_PKG_VERSION")),
        generated_at: Utc::now().trunc_subsecs(0),
        kind: kind.as_str().into(),
        period,
        symbols: symbols.to_vec(),
        api_key: client.credentials().map(|c| c.masked_key()),
        checks: Vec::new(),
        account: None,
        api_key_permissions: None,
        withdrawals: Vec::new(),
        deposits: Vec::new(),
        address_book: Vec::new(),
        open_orders: Vec::new(),
        orders: Vec::new(),
        trades: Vec::new(),
        network: Vec::new(),
    };
    let skip_all = |e: &mut Evidence, why: String, failed: bool| {
        for p in PARTS {
            if (p == "orders" || p == "trades") && e.symbols.is_empty() {
                continue;
            }
            e.checks.push(if failed {
                CheckStatus::failed(p, why.clone())
            } else {
                CheckStatus::skipped(p, why.clone())
            });
        }
    };
    if client.net().is_offline() {
        skip_all(&mut e, say(&ApiError::Offline), false);
        return e;
    }
    if client.credentials().is_none() {
        skip_all(&mut e, say(&ApiError::NoCredentials), false);
        return e;
    }
    if let Err(err) = client.sync_clock().await
        && err.stops_everything()
    {
        skip_all(
            &mut e,
            format!("{}: {}", ui_tr("clock check", "時計の確認"), say(&err)),
            true,
        );
        e.network = client.net().requests();
        return e;
    }

    let mut heavy = Pacer::new(pacing.heavy);
    let mut weighted = Pacer::new(pacing.weighted);
    let trading = async {
        let open = open_orders(client, &mut weighted).await;
        let (o, t) = if symbols.is_empty() {
            (None, None)
        } else {
            let (o, t) = orders_and_trades(client, symbols, &period, &mut weighted).await;
            (Some(o), Some(t))
        };
        (open, o, t)
    };
    let ((acct, acct_st), (perm, perm_st), book, wd, dep, (open, orders, trades)) = tokio::join!(
        account(client),
        permissions(client),
        address_book(client),
        withdrawals(client, &period, &mut heavy),
        deposits(client, &period),
        trading,
    );
    e.account = acct;
    e.api_key_permissions = perm;
    e.checks.extend([acct_st, perm_st, book.status.clone()]);
    e.withdrawals = wd.rows;
    if book.status.state == crate::collect::CheckState::Ran {
        evidence::mark_destinations(&mut e.withdrawals, &book.rows);
    }
    e.address_book = book.rows;
    e.checks.push(wd.status);
    e.deposits = dep.rows;
    e.checks.push(dep.status);
    if let Some(o) = orders {
        e.orders = o.rows;
        e.checks.push(o.status);
    }
    if let Some(t) = trades {
        e.trades = t.rows;
        e.checks.push(t.status);
    }
    e.open_orders = open.rows;
    e.checks.push(open.status);
    e.network = client.net().requests();
    e
}

/// An API error in the diagnostics language (the evidence run has no report
/// language of its own; `set_ui` made it the run's).
fn say(e: &ApiError) -> String {
    crate::collect::messages::api_error(e, crate::i18n::ui())
}
