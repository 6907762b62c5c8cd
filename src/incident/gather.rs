//! Collecting the evidence bundle: read-only, signed GETs walked by time
//! window, the expensive ones paced, each part ending "ran" or "not collected:
//! why" without stopping the others. The shell writes what it returns.
//! Every call is one of the Binance client's typed calls; what each part
//! says is a message, made in the reader's language by whoever shows it.

use std::future::Future;
use std::time::Duration;

use chrono::{SubsecRound, Utc};

use super::evidence::{
    self, Account, BookEntry, Deposit, Evidence, Order, PAGE_LIMIT, Pacer, Period, Trade,
    Withdrawal,
};
use super::playbook::Kind;
use crate::collect::CheckStatus;
use crate::collect::binance::model::Records;
use crate::collect::binance::{
    ApiError, BinanceClient, EvidencePart as Part_, HistoryPage, Purpose, SymbolWindow,
};
use crate::i18n::Msg;
use crate::msg;

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
pub fn symbol(raw: &str) -> Result<String, Msg> {
    let s = raw.trim();
    if s.is_empty()
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || "&=/?#%".contains(c))
    {
        return Err(not_a_pair(raw));
    }
    Ok(s.to_uppercase())
}

fn not_a_pair(raw: &str) -> Msg {
    msg!("binance-evidence-not-a-pair", raw = format!("{raw:?}"))
}

/// Rows of one part, and whether the walk completed.
struct Part<T> {
    rows: Vec<T>,
    status: CheckStatus,
}

fn part<T>(check: &str, rows: Vec<T>, result: Result<Msg, Msg>) -> Part<T> {
    let status = match result {
        Ok(detail) => CheckStatus::ran(check, detail),
        Err(e) => CheckStatus::failed(check, e),
    };
    Part { rows, status }
}

fn bad_rows_note(bad: usize) -> Msg {
    if bad == 0 {
        Msg::verbatim("")
    } else {
        msg!("binance-evidence-unreadable", n = bad)
    }
}

/// Pages read per time window at most: 100 000 rows of one endpoint in one
/// window is more than any account has; a server that never ends a walk
/// is stopped here.
pub const MAX_PAGES: usize = 100;
/// The least spacing of unpaced history calls (weight 1 each).
const LIGHT_PACING: Duration = Duration::from_millis(100);

fn repeated_page(purpose: Purpose) -> Msg {
    msg!("binance-evidence-repeated-page", what = purpose.what())
}

fn too_many_pages(purpose: Purpose) -> Msg {
    msg!(
        "binance-evidence-too-many-pages",
        pages = MAX_PAGES,
        what = purpose.what()
    )
}

/// `first; second; …` (the same in every language).
fn joined(items: Vec<Msg>) -> Msg {
    let mut items = items.into_iter().rev();
    let last = items.next().unwrap_or_else(|| Msg::verbatim(""));
    items.fold(last, |rest, first| {
        msg!("binance-evidence-and", first = first, rest = rest)
    })
}

/// Pairs in running text: `BTCUSDT, ETHUSDT` or `BTCUSDT、ETHUSDT`.
fn pairs(symbols: &[String]) -> Msg {
    let mut items = symbols.iter().rev();
    let last = Msg::verbatim(items.next().cloned().unwrap_or_default());
    items.fold(last, |rest, first| {
        msg!("binance-evidence-pairs", first = first, rest = rest)
    })
}

/// What a walk over a SAPI history endpoint read, and what stopped it.
struct History<T> {
    rows: Vec<T>,
    unreadable: usize,
    calls: usize,
    windows: usize,
    error: Option<Msg>,
}

/// A SAPI history endpoint over the period: windows shorter than 90 days,
/// oldest first, each paged by offset; every call waits for `pacer` if given.
async fn sapi_history<R, T, F, Fut>(
    purpose: Purpose,
    period: &Period,
    mut pacer: Option<&mut Pacer>,
    fetch: F,
    convert: fn(R) -> T,
) -> History<T>
where
    F: Fn(HistoryPage) -> Fut,
    Fut: Future<Output = Result<Records<R>, ApiError>>,
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
    for (i, &(start_ms, end_ms)) in windows.iter().enumerate() {
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
            let page = fetch(HistoryPage {
                start_ms,
                end_ms,
                offset,
                limit: PAGE_LIMIT,
            })
            .await;
            let page = match page {
                Ok(p) => p,
                Err(e) => {
                    h.error = Some(msg!(
                        "binance-evidence-stopped-at-window",
                        window = i + 1,
                        windows = windows.len(),
                        error = e.msg()
                    ));
                    return h;
                }
            };
            if previous.replace(page.digest) == Some(page.digest) {
                h.error = Some(repeated_page(purpose));
                return h;
            }
            h.unreadable += page.unreadable;
            let n = page.len();
            h.rows.extend(page.rows.into_iter().map(convert));
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
    let purpose = Purpose::Evidence(Part_::WithdrawHistory);
    let h = sapi_history(
        purpose,
        period,
        Some(pacer),
        |page| client.withdraw_history(purpose, Some(page)),
        Withdrawal::from,
    )
    .await;
    let mut rows = h.rows;
    rows.retain(|w| w.apply_time.is_none_or(|t| period.contains(t)));
    evidence::sort_dedup(&mut rows, |w| (w.apply_time, w.id.clone()));
    let result = match h.error {
        Some(e) => Err(e),
        None => Ok(msg!(
            "binance-evidence-withdrawals",
            n = rows.len(),
            calls = h.calls,
            windows = h.windows,
            unreadable = bad_rows_note(h.unreadable)
        )),
    };
    part("withdrawals", rows, result)
}

/// Deposit history (weight 1 per call): not paced.
async fn deposits(client: &BinanceClient, period: &Period) -> Part<Deposit> {
    let purpose = Purpose::Evidence(Part_::DepositHistory);
    let h = sapi_history(
        purpose,
        period,
        None,
        |page| client.deposit_history(purpose, page),
        Deposit::from,
    )
    .await;
    let mut rows = h.rows;
    rows.retain(|d| d.time.is_none_or(|t| period.contains(t)));
    evidence::sort_dedup(&mut rows, |d| (d.time, d.id.clone()));
    let result = match h.error {
        Some(e) => Err(e),
        None => Ok(msg!(
            "binance-evidence-deposits",
            n = rows.len(),
            unreadable = bad_rows_note(h.unreadable)
        )),
    };
    part("deposits", rows, result)
}

const TRADES_PURPOSE: Purpose = Purpose::Evidence(Part_::OrderTradeHistory);

/// `allOrders` or `myTrades` for one symbol over the period, in 24-hour
/// windows. A full page moves the window start to the last row's time, and
/// rows are de-duplicated by id afterwards.
async fn per_symbol<R, T, F, Fut>(
    sym: &str,
    period: &Period,
    pacer: &mut Pacer,
    fetch: F,
    convert: fn(R) -> T,
    time_of: fn(&T) -> Option<i64>,
) -> Result<(Vec<T>, usize), Msg>
where
    F: Fn(SymbolWindow) -> Fut,
    Fut: Future<Output = Result<Records<R>, ApiError>>,
{
    let of_symbol = |error: Msg| msg!("binance-evidence-of", what = sym, error = error);
    let mut rows = Vec::new();
    let mut bad = 0;
    for (start, end) in evidence::windows(period, evidence::TRADE_WINDOW) {
        let mut from = start;
        let mut previous: Option<[u8; 32]> = None;
        for page_no in 0.. {
            if page_no == MAX_PAGES {
                return Err(of_symbol(too_many_pages(TRADES_PURPOSE)));
            }
            pacer.wait().await;
            let page = fetch(SymbolWindow {
                from_ms: from,
                end_ms: end,
                limit: PAGE_LIMIT,
            })
            .await
            .map_err(|e| of_symbol(e.msg()))?;
            if previous.replace(page.digest) == Some(page.digest) {
                return Err(of_symbol(repeated_page(TRADES_PURPOSE)));
            }
            bad += page.unreadable;
            let full = page.len() >= PAGE_LIMIT;
            let page: Vec<T> = page.rows.into_iter().map(convert).collect();
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
                        return Err(of_symbol(repeated_page(TRADES_PURPOSE)));
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
        match per_symbol(
            sym,
            period,
            pacer,
            |w| client.all_orders(sym, w),
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
        match per_symbol(
            sym,
            period,
            pacer,
            |w| client.my_trades(sym, w),
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
    let (no, nt) = (orders.len(), trades.len());
    let order_result = if order_err.is_empty() {
        Ok(msg!(
            "binance-evidence-orders",
            n = no,
            pairs = pairs(symbols),
            unreadable = bad_rows_note(bad_o)
        ))
    } else {
        Err(joined(order_err))
    };
    let trade_result = if trade_err.is_empty() {
        Ok(msg!(
            "binance-evidence-trades",
            n = nt,
            pairs = pairs(symbols),
            unreadable = bad_rows_note(bad_t)
        ))
    } else {
        Err(joined(trade_err))
    };
    (
        part("orders", orders, order_result),
        part("trades", trades, trade_result),
    )
}

async fn open_orders(client: &BinanceClient, pacer: &mut Pacer) -> Part<Order> {
    pacer.wait().await;
    match client
        .open_orders(Purpose::Evidence(Part_::OpenOrders))
        .await
    {
        Ok(list) => {
            let bad = list.unreadable;
            let rows: Vec<Order> = list.rows.into_iter().map(Order::from).collect();
            let d = msg!(
                "binance-evidence-open-orders",
                n = rows.len(),
                unreadable = bad_rows_note(bad)
            );
            part("open-orders", rows, Ok(d))
        }
        Err(e) => part("open-orders", Vec::new(), Err(e.msg())),
    }
}

async fn address_book(client: &BinanceClient) -> Part<BookEntry> {
    match client
        .withdraw_address_book(Purpose::Evidence(Part_::AddressBook))
        .await
    {
        Ok(list) => {
            let rows: Vec<BookEntry> = list.into_iter().map(BookEntry::from).collect();
            let d = msg!("binance-evidence-address-book", n = rows.len());
            part("address-book", rows, Ok(d))
        }
        Err(e) => part("address-book", Vec::new(), Err(e.msg())),
    }
}

async fn account(client: &BinanceClient) -> (Option<Account>, CheckStatus) {
    let (status, spot) = tokio::join!(
        client.account_status(Purpose::Evidence(Part_::AccountStatus)),
        client.spot_account(Purpose::Evidence(Part_::AccountUid), false),
    );
    let mut a = Account::default();
    let mut errs = Vec::new();
    match status {
        Ok(s) => a.status = s.data,
        Err(e) => errs.push(msg!(
            "binance-evidence-of",
            what = msg!("binance-evidence-account-status"),
            error = e.msg()
        )),
    }
    match spot {
        Ok(s) => {
            a.uid = s.uid.and_then(|u| u64::try_from(u).ok());
            a.can_trade = s.can_trade;
            a.can_withdraw = s.can_withdraw;
            a.can_deposit = s.can_deposit;
        }
        Err(e) => errs.push(msg!(
            "binance-evidence-of",
            what = msg!("binance-evidence-account"),
            error = e.msg()
        )),
    }
    let st = if errs.is_empty() {
        CheckStatus::ran(
            "account",
            msg!(
                "binance-evidence-status",
                status = a.status.as_deref().unwrap_or("?")
            ),
        )
    } else {
        CheckStatus::failed("account", joined(errs))
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
        .api_restrictions(Purpose::Evidence(Part_::ApiKeyPermissions))
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
                CheckStatus::ran("api-key", msg!("binance-evidence-permissions-read")),
            )
        }
        Err(e) => (None, CheckStatus::failed("api-key", e.msg())),
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
    let skip_all = |e: &mut Evidence, why: Msg, failed: bool| {
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
        skip_all(&mut e, ApiError::Offline.msg(), false);
        return e;
    }
    if client.credentials().is_none() {
        skip_all(&mut e, ApiError::NoCredentials.msg(), false);
        return e;
    }
    if let Err(err) = client.sync_clock().await
        && err.stops_everything()
    {
        skip_all(
            &mut e,
            msg!(
                "binance-evidence-of",
                what = msg!("binance-evidence-clock-check"),
                error = err.msg()
            ),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, english_runs};

    #[test]
    fn stops_and_bad_symbols_read_in_japanese() {
        let e = repeated_page(Purpose::Evidence(Part_::WithdrawHistory)).render(Lang::Ja);
        assert!(e.starts_with("停止：Binanceが出金履歴の同じページ"), "{e}");
        let e = too_many_pages(TRADES_PURPOSE).render(Lang::Ja);
        assert!(e.contains("注文・約定履歴を100ページ"), "{e}");
        let e = not_a_pair("BTC USDT").render(Lang::Ja);
        assert!(e.starts_with("--symbol \"BTC USDT\" は取引ペア"), "{e}");
        for e in [
            repeated_page(TRADES_PURPOSE),
            too_many_pages(Purpose::Evidence(Part_::DepositHistory)),
            not_a_pair("x/y"),
        ] {
            let e = e.render(Lang::Ja);
            assert!(english_runs(&e).is_empty(), "{e}");
        }
        assert_eq!(
            too_many_pages(Purpose::Evidence(Part_::DepositHistory)).render(Lang::En),
            "stopped after 100 pages of deposit history in one time window; the rest was not collected"
        );
        assert!(
            symbol("BTC USDT")
                .unwrap_err()
                .render(Lang::En)
                .contains("not a trading pair")
        );
        assert_eq!(symbol(" btcusdt ").unwrap(), "BTCUSDT");
    }

    #[test]
    fn lists_read_as_before_in_both_languages() {
        let syms = vec!["BTCUSDT".to_string(), "ETHUSDT".to_string()];
        assert_eq!(pairs(&syms).render(Lang::En), "BTCUSDT, ETHUSDT");
        assert_eq!(pairs(&syms).render(Lang::Ja), "BTCUSDT、ETHUSDT");
        let j = joined(vec![
            Msg::verbatim("a"),
            Msg::verbatim("b"),
            Msg::verbatim("c"),
        ]);
        assert_eq!(j.render(Lang::Ja), "a; b; c");
        assert_eq!(bad_rows_note(0).render(Lang::En), "");
        assert_eq!(
            bad_rows_note(2).render(Lang::En),
            "; 2 unreadable record(s) skipped"
        );
        // Counts are plain digits, as `format!` wrote them.
        assert_eq!(
            bad_rows_note(1_234_567).render(Lang::Ja),
            "、読めない記録1234567件は除外"
        );
    }
}
