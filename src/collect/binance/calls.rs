//! The typed calls: one method per endpoint, each sending exactly the
//! parameters that endpoint needs and decoding its answer into its model.
//! The audit, status, the evidence bundle and the address check ask these;
//! none of them names a path or parses Binance's JSON itself.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use super::client::{ApiError, BinanceClient, parse_json};
use super::endpoint::{self as ep, Purpose};
use super::model::{
    AccountInfo, AccountStatus, ApiRestrictions, ApiTradingStatus, CoinConfig, DepositRecord,
    OrderRecord, Records, ServerTime, SpotAccount, SystemStatus, TradeRecord, WithdrawAddress,
    WithdrawQuota, WithdrawRecord,
};

/// An answer and when it was asked for: status measures the round trip.
#[derive(Clone, Debug)]
pub struct Timed<T> {
    pub value: T,
    /// The local time just before the request left.
    pub sent_at: DateTime<Utc>,
    /// From sending to the whole answer read.
    pub rtt: Duration,
}

/// One page of a SAPI history: inclusive millisecond bounds, paged by offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryPage {
    pub start_ms: i64,
    pub end_ms: i64,
    pub offset: usize,
    pub limit: usize,
}

impl HistoryPage {
    fn params(&self) -> [(&'static str, String); 4] {
        [
            ("startTime", self.start_ms.to_string()),
            ("endTime", self.end_ms.to_string()),
            ("offset", self.offset.to_string()),
            ("limit", self.limit.to_string()),
        ]
    }
}

/// One page of a symbol's orders or trades: inclusive millisecond bounds
/// (at most 24 hours apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SymbolWindow {
    pub from_ms: i64,
    pub end_ms: i64,
    pub limit: usize,
}

impl SymbolWindow {
    fn params(&self, symbol: &str) -> [(&'static str, String); 4] {
        [
            ("symbol", symbol.to_string()),
            ("startTime", self.from_ms.to_string()),
            ("endTime", self.end_ms.to_string()),
            ("limit", self.limit.to_string()),
        ]
    }
}

impl BinanceClient {
    /// A signed list answer, read element by element.
    async fn records<T: DeserializeOwned>(
        &self,
        path: &str,
        params: &[(&str, String)],
        purpose: Purpose,
    ) -> Result<Records<T>, ApiError> {
        let body = self.signed_get(path, params, purpose).await?;
        let items: Vec<serde_json::Value> = parse_json(&body)?;
        Ok(Records::from_items(items, &body))
    }

    async fn timed<T>(
        &self,
        path: &str,
        purpose: Purpose,
        decode: fn(&[u8]) -> Result<T, ApiError>,
    ) -> Result<Timed<T>, ApiError> {
        let sent_at = Utc::now();
        let start = Instant::now();
        let body = self.public_get(path, &[], purpose).await?;
        let rtt = start.elapsed();
        Ok(Timed {
            value: decode(&body)?,
            sent_at,
            rtt,
        })
    }

    /// `GET /sapi/v1/system/status` (public): normal or maintenance.
    pub async fn system_status(&self) -> Result<Timed<SystemStatus>, ApiError> {
        self.timed(ep::SYSTEM_STATUS, Purpose::SystemStatus, parse_json)
            .await
    }

    /// `GET /api/v3/ping` (public): the round trip is the answer.
    pub async fn ping(&self) -> Result<Timed<()>, ApiError> {
        self.timed(ep::PING, Purpose::Connectivity, |_| Ok(()))
            .await
    }

    /// `GET /api/v3/time` (public), for showing the clock; signed calls use
    /// `sync_clock`, which also corrects later timestamps.
    pub async fn server_time(&self) -> Result<Timed<ServerTime>, ApiError> {
        self.timed(ep::SERVER_TIME, Purpose::ServerTime, parse_json)
            .await
    }

    /// The permissions of the key that signs.
    pub async fn api_restrictions(&self, purpose: Purpose) -> Result<ApiRestrictions, ApiError> {
        self.get_json(ep::API_RESTRICTIONS, &[], purpose).await
    }

    pub async fn account_status(&self, purpose: Purpose) -> Result<AccountStatus, ApiError> {
        self.get_json(ep::ACCOUNT_STATUS, &[], purpose).await
    }

    pub async fn api_trading_status(&self) -> Result<ApiTradingStatus, ApiError> {
        self.get_json(ep::API_TRADING_STATUS, &[], Purpose::ApiTradingLock)
            .await
    }

    pub async fn account_info(&self) -> Result<AccountInfo, ApiError> {
        self.get_json(ep::ACCOUNT_INFO, &[], Purpose::EnabledProducts)
            .await
    }

    /// The saved withdrawal addresses (every element must be an entry).
    pub async fn withdraw_address_book(
        &self,
        purpose: Purpose,
    ) -> Result<Vec<WithdrawAddress>, ApiError> {
        self.get_json(ep::WITHDRAW_ADDRESSES, &[], purpose).await
    }

    pub async fn withdraw_quota(&self) -> Result<WithdrawQuota, ApiError> {
        self.get_json(ep::WITHDRAW_QUOTA, &[], Purpose::WithdrawQuota)
            .await
    }

    /// The spot account's switches (and UID). `omit_zero_balances` keeps
    /// the answer small when the balances are not wanted.
    pub async fn spot_account(
        &self,
        purpose: Purpose,
        omit_zero_balances: bool,
    ) -> Result<SpotAccount, ApiError> {
        let params = [("omitZeroBalances", "true".to_string())];
        let params: &[(&str, String)] = if omit_zero_balances { &params } else { &[] };
        self.get_json(ep::SPOT_ACCOUNT, params, purpose).await
    }

    /// Withdrawals: Binance's default window (the last 90 days) with `None`,
    /// else one page of a window. Weight 18000 per call: pace walks.
    pub async fn withdraw_history(
        &self,
        purpose: Purpose,
        page: Option<HistoryPage>,
    ) -> Result<Records<WithdrawRecord>, ApiError> {
        match page {
            Some(p) => {
                self.records(ep::WITHDRAW_HISTORY, &p.params(), purpose)
                    .await
            }
            None => self.records(ep::WITHDRAW_HISTORY, &[], purpose).await,
        }
    }

    pub async fn deposit_history(
        &self,
        purpose: Purpose,
        page: HistoryPage,
    ) -> Result<Records<DepositRecord>, ApiError> {
        self.records(ep::DEPOSIT_HISTORY, &page.params(), purpose)
            .await
    }

    /// One symbol's orders in a window (`allOrders`).
    pub async fn all_orders(
        &self,
        symbol: &str,
        window: SymbolWindow,
    ) -> Result<Records<OrderRecord>, ApiError> {
        self.records(
            ep::ALL_ORDERS,
            &window.params(symbol),
            Purpose::Evidence(ep::EvidencePart::OrderTradeHistory),
        )
        .await
    }

    /// One symbol's trades in a window (`myTrades`).
    pub async fn my_trades(
        &self,
        symbol: &str,
        window: SymbolWindow,
    ) -> Result<Records<TradeRecord>, ApiError> {
        self.records(
            ep::MY_TRADES,
            &window.params(symbol),
            Purpose::Evidence(ep::EvidencePart::OrderTradeHistory),
        )
        .await
    }

    /// Open orders of every symbol (weight 80: ask once).
    pub async fn open_orders(&self, purpose: Purpose) -> Result<Records<OrderRecord>, ApiError> {
        self.records(ep::OPEN_ORDERS, &[], purpose).await
    }

    /// Every coin and its networks' deposit/withdrawal switches.
    pub async fn coin_config(&self) -> Result<Records<CoinConfig>, ApiError> {
        self.records(ep::COIN_CONFIG, &[], Purpose::CoinStates)
            .await
    }
}
