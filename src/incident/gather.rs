//! Collecting the evidence bundle: read-only, signed GETs walked by time
//! window, the expensive ones paced, each part ending "ran" or "not collected:
//! why" without stopping the others. The shell writes what it returns.

use crate::i18n::{Lang, Msg, ui, ui_tr};
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
        return Err(not_a_pair(raw, ui()));
    }
    Ok(s.to_uppercase())
}

fn not_a_pair(raw: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("--symbol {raw:?} is not a trading pair such as BTCUSDT"),
        Lang::Ja => format!("--symbol {raw:?} は取引ペア（BTCUSDT など）ではありません"),
    }
}

/// Rows of one part, and whether the walk completed.
struct Part<T> {
    rows: Vec<T>,
    status: CheckStatus,
}

fn part<T>(check: &str, rows: Vec<T>, result: Result<String, String>) -> Part<T> {
    let status = match result {
        Ok(detail) => CheckStatus::ran(check, Msg::verbatim(detail)),
        Err(e) => CheckStatus::failed(check, Msg::verbatim(e)),
    };
    Part { rows, status }
}

fn bad_rows_note(bad: usize) -> String {
    if bad == 0 {
        String::new()
    } else {
        match ui() {
            Lang::En => format!("; {bad} unreadable record(s) skipped"),
            Lang::Ja => format!("、読めない記録{bad}件は除外"),
        }
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

/// `purpose` (a network-log label) as the name of what was being read.
fn reading(purpose: &str, lang: Lang) -> String {
    crate::i18n::purpose(lang, purpose.strip_suffix(" (evidence)").unwrap_or(purpose)).into_owned()
}

fn repeated_page(purpose: &str, lang: Lang) -> String {
    let what = reading(purpose, lang);
    match lang {
        Lang::En => format!(
            "stopped: Binance sent the same page of {what} twice (the paging was ignored), so the rest was not collected"
        ),
        Lang::Ja => format!(
            "停止: Binanceが{what}の同じページを2回返しました（ページ送りが無視されています）。残りは収集していません"
        ),
    }
}

fn too_many_pages(purpose: &str, lang: Lang) -> String {
    let what = reading(purpose, lang);
    match lang {
        Lang::En => format!(
            "stopped after {MAX_PAGES} pages of {what} in one time window; the rest was not collected"
        ),
        Lang::Ja => format!(
            "1つの区間で{what}を{MAX_PAGES}ページ読んだところで停止しました。残りは収集していません"
        ),
    }
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
                h.error = Some(too_many_pages(purpose, ui()));
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
                h.error = Some(repeated_page(purpose, ui()));
                return h;
            }
            let (page, bad) = match page {
                Ok(p) => p,
                Err(e) => {
                    h.error = Some(match ui() {
                        Lang::En => {
                            format!("stopped at window {} of {}: {e}", i + 1, windows.len())
                        }
                        Lang::Ja => {
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
        None => Ok(match ui() {
            Lang::En => format!(
                "{} withdrawal(s); {} request(s) over {} window(s){}",
                rows.len(),
                h.calls,
                h.windows,
                bad_rows_note(h.unreadable)
            ),
            Lang::Ja => format!(
                "出金{}件（{}区間で{}回のリクエスト）{}",
                rows.len(),
                h.windows,
                h.calls,
                bad_rows_note(h.unreadable)
            ),
        }),
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
            "{}{}",
            match ui() {
                Lang::En => format!("{} deposit(s)", rows.len()),
                Lang::Ja => format!("入金{}件", rows.len()),
            },
            bad_rows_note(h.unreadable)
        )),
    };
    part("deposits", rows, result)
}

const TRADES_PURPOSE: &str = "order/trade history (evidence)";

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
                return Err(format!("{sym}: {}", too_many_pages(TRADES_PURPOSE, ui())));
            }
            pacer.wait().await;
            let params = [
                ("symbol", sym.to_string()),
                ("startTime", from.to_string()),
                ("endTime", end.to_string()),
                ("limit", PAGE_LIMIT.to_string()),
            ];
            let body = client
                .signed_get(path, &params, TRADES_PURPOSE)
                .await
                .map_err(|e| format!("{sym}: {}", say(&e)))?;
            let digest = page_digest(&body);
            if previous.replace(digest) == Some(digest) {
                return Err(format!("{sym}: {}", repeated_page(TRADES_PURPOSE, ui())));
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
                        return Err(format!("{sym}: {}", repeated_page(TRADES_PURPOSE, ui())));
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
            let pairs = crate::i18n::join(
                ui(),
                &symbols.iter().map(String::as_str).collect::<Vec<_>>(),
            );
            Ok(match ui() {
                Lang::En => format!("{n} {what} for {pairs}{}", bad_rows_note(bad)),
                Lang::Ja => format!("{pairs}の{what}{n}件{}", bad_rows_note(bad)),
            })
        } else {
            Err(errs.join("; "))
        }
    };
    let (no, nt) = (orders.len(), trades.len());
    (
        part(
            "orders",
            orders,
            result(order_err, no, ui_tr("order(s)", "注文"), bad_o),
        ),
        part(
            "trades",
            trades,
            result(trade_err, nt, ui_tr("trade(s)", "約定"), bad_t),
        ),
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
            let d = match ui() {
                Lang::En => format!("{} open order(s){}", rows.len(), bad_rows_note(bad)),
                Lang::Ja => format!("オープンオーダー{}件{}", rows.len(), bad_rows_note(bad)),
            };
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
            let d = match ui() {
                Lang::En => format!("{} saved address(es)", rows.len()),
                Lang::Ja => format!("保存済みのアドレス{}件", rows.len()),
            };
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
            Msg::verbatim(format!(
                "{} {}",
                ui_tr("status", "状態"),
                a.status.as_deref().unwrap_or("?")
            )),
        )
    } else {
        CheckStatus::failed("account", Msg::verbatim(errs.join("; ")))
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
                CheckStatus::ran(
                    "api-key",
                    Msg::verbatim(ui_tr("permissions read", "権限を読み取りました")),
                ),
            )
        }
        Err(e) => (None, CheckStatus::failed("api-key", Msg::verbatim(say(&e)))),
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
                CheckStatus::failed(p, Msg::verbatim(why.clone()))
            } else {
                CheckStatus::skipped(p, Msg::verbatim(why.clone()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::english_runs;

    #[test]
    fn stops_and_bad_symbols_read_in_japanese() {
        let e = repeated_page("withdraw history (evidence)", Lang::Ja);
        assert!(e.starts_with("停止: Binanceが出金履歴の同じページ"), "{e}");
        let e = too_many_pages(TRADES_PURPOSE, Lang::Ja);
        assert!(e.contains("注文・約定履歴を100ページ"), "{e}");
        let e = not_a_pair("BTC USDT", Lang::Ja);
        assert!(e.starts_with("--symbol \"BTC USDT\" は取引ペア"), "{e}");
        for e in [
            repeated_page(TRADES_PURPOSE, Lang::Ja),
            too_many_pages("deposit history (evidence)", Lang::Ja),
            not_a_pair("x/y", Lang::Ja),
        ] {
            assert!(english_runs(&e).is_empty(), "{e}");
        }
        assert_eq!(
            too_many_pages("deposit history (evidence)", Lang::En),
            "stopped after 100 pages of deposit history in one time window; the rest was not collected"
        );
        assert!(
            symbol("BTC USDT")
                .unwrap_err()
                .contains("not a trading pair")
        );
        assert_eq!(symbol(" btcusdt ").unwrap(), "BTCUSDT");
    }
}
