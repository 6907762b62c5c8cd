//! Every Binance endpoint the tool reads, declared once, and what each
//! request is for as the network log records it.

/// `GET /api/v3/time`: Binance's clock (public).
pub const SERVER_TIME: &str = "/api/v3/time";
/// `GET /api/v3/ping`: connectivity (public).
pub const PING: &str = "/api/v3/ping";
/// `GET /sapi/v1/system/status`: normal or maintenance (public).
pub const SYSTEM_STATUS: &str = "/sapi/v1/system/status";
pub const API_RESTRICTIONS: &str = "/sapi/v1/account/apiRestrictions";
pub const ACCOUNT_STATUS: &str = "/sapi/v1/account/status";
pub const API_TRADING_STATUS: &str = "/sapi/v1/account/apiTradingStatus";
pub const ACCOUNT_INFO: &str = "/sapi/v1/account/info";
pub const WITHDRAW_ADDRESSES: &str = "/sapi/v1/capital/withdraw/address/list";
pub const WITHDRAW_QUOTA: &str = "/sapi/v1/capital/withdraw/quota";
/// Weight 18000 on the per-second UID budget of 180000 per call.
pub const WITHDRAW_HISTORY: &str = "/sapi/v1/capital/withdraw/history";
pub const DEPOSIT_HISTORY: &str = "/sapi/v1/capital/deposit/hisrec";
/// Every coin's networks and their deposit/withdrawal switches.
pub const COIN_CONFIG: &str = "/sapi/v1/capital/config/getall";
pub const SPOT_ACCOUNT: &str = "/api/v3/account";
pub const ALL_ORDERS: &str = "/api/v3/allOrders";
pub const MY_TRADES: &str = "/api/v3/myTrades";
/// Weight 80 without a symbol.
pub const OPEN_ORDERS: &str = "/api/v3/openOrders";

/// Endpoints whose documentation lists no `recvWindow`: sending an unknown
/// parameter risks `-1104`, and the default window is the same 5000 ms.
/// Both official connectors send nothing but `timestamp` there too.
pub const NO_RECV_WINDOW: &[&str] = &[WITHDRAW_ADDRESSES, WITHDRAW_QUOTA];

/// What a request is for. The network log keeps `label()`, a short stable
/// English name (the JSON report's `purpose`); `msg()` is how a reader is
/// told, in their language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ClockCheck,
    ClockReread,
    ServerTime,
    SystemStatus,
    Connectivity,
    ApiKeyPermissions,
    AccountStatus,
    ApiTradingLock,
    EnabledProducts,
    AddressBook,
    WithdrawQuota,
    AccountSwitches,
    /// The audit's look-alike check.
    WithdrawHistory90Days,
    CoinStates,
    OpenOrdersCount,
    /// The address check (`binance-audit address`).
    AddressCheckBook,
    AddressCheckHistory,
    /// The evidence bundle (`binance-audit incident --collect`).
    Evidence(EvidencePart),
}

/// What the evidence bundle reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidencePart {
    ApiKeyPermissions,
    AccountStatus,
    AccountUid,
    AddressBook,
    WithdrawHistory,
    DepositHistory,
    OpenOrders,
    OrderTradeHistory,
}

const ALL: &[Purpose] = &[
    Purpose::ClockCheck,
    Purpose::ClockReread,
    Purpose::ServerTime,
    Purpose::SystemStatus,
    Purpose::Connectivity,
    Purpose::ApiKeyPermissions,
    Purpose::AccountStatus,
    Purpose::ApiTradingLock,
    Purpose::EnabledProducts,
    Purpose::AddressBook,
    Purpose::WithdrawQuota,
    Purpose::AccountSwitches,
    Purpose::WithdrawHistory90Days,
    Purpose::CoinStates,
    Purpose::OpenOrdersCount,
    Purpose::AddressCheckBook,
    Purpose::AddressCheckHistory,
    Purpose::Evidence(EvidencePart::ApiKeyPermissions),
    Purpose::Evidence(EvidencePart::AccountStatus),
    Purpose::Evidence(EvidencePart::AccountUid),
    Purpose::Evidence(EvidencePart::AddressBook),
    Purpose::Evidence(EvidencePart::WithdrawHistory),
    Purpose::Evidence(EvidencePart::DepositHistory),
    Purpose::Evidence(EvidencePart::OpenOrders),
    Purpose::Evidence(EvidencePart::OrderTradeHistory),
];

impl Purpose {
    /// The network log's name for it (stable: reports and tests read it).
    pub fn label(self) -> &'static str {
        use EvidencePart as E;
        match self {
            Purpose::ClockCheck => "Binance server time (clock check)",
            Purpose::ClockReread => "Binance server time (re-read after -1021)",
            Purpose::ServerTime => "Binance server time",
            Purpose::SystemStatus => "Binance system status",
            Purpose::Connectivity => "Binance connectivity",
            Purpose::ApiKeyPermissions => "API key permissions",
            Purpose::AccountStatus => "account status",
            Purpose::ApiTradingLock => "API trading lock",
            Purpose::EnabledProducts => "enabled products",
            Purpose::AddressBook => "withdrawal address book",
            Purpose::WithdrawQuota => "withdrawal quota used in 24 h",
            Purpose::AccountSwitches => "account can trade/withdraw/deposit",
            Purpose::WithdrawHistory90Days => "withdrawal history, 90 days (look-alike check)",
            Purpose::CoinStates => "deposit/withdrawal state per coin and network",
            Purpose::OpenOrdersCount => "open orders count (all symbols)",
            Purpose::AddressCheckBook => "withdrawal address book (address check)",
            Purpose::AddressCheckHistory => "withdrawal history, 90 days (address check)",
            Purpose::Evidence(E::ApiKeyPermissions) => "API key permissions (evidence)",
            Purpose::Evidence(E::AccountStatus) => "account status (evidence)",
            Purpose::Evidence(E::AccountUid) => "account UID and switches (evidence)",
            Purpose::Evidence(E::AddressBook) => "withdrawal address book (evidence)",
            Purpose::Evidence(E::WithdrawHistory) => "withdraw history (evidence)",
            Purpose::Evidence(E::DepositHistory) => "deposit history (evidence)",
            Purpose::Evidence(E::OpenOrders) => "open orders, all symbols (evidence)",
            Purpose::Evidence(E::OrderTradeHistory) => "order/trade history (evidence)",
        }
    }

    /// The purpose for a reader. An evidence purpose is its part followed
    /// by "(evidence)"; `what()` is the part alone.
    pub fn msg(self) -> crate::i18n::Msg {
        match self {
            Purpose::Evidence(_) => crate::msg!("binance-purpose-evidence", what = self.what()),
            _ => self.what(),
        }
    }

    /// What is read, without what for (an evidence part's name alone).
    pub fn what(self) -> crate::i18n::Msg {
        use crate::msg;
        use EvidencePart as E;
        match self {
            Purpose::ClockCheck => msg!("binance-purpose-clock-check"),
            Purpose::ClockReread => msg!("binance-purpose-clock-reread"),
            Purpose::ServerTime => msg!("binance-purpose-server-time"),
            Purpose::SystemStatus => msg!("binance-purpose-system-status"),
            Purpose::Connectivity => msg!("binance-purpose-connectivity"),
            Purpose::ApiKeyPermissions | Purpose::Evidence(E::ApiKeyPermissions) => {
                msg!("binance-purpose-api-key-permissions")
            }
            Purpose::AccountStatus | Purpose::Evidence(E::AccountStatus) => {
                msg!("binance-purpose-account-status")
            }
            Purpose::ApiTradingLock => msg!("binance-purpose-api-trading-lock"),
            Purpose::EnabledProducts => msg!("binance-purpose-enabled-products"),
            Purpose::AddressBook | Purpose::Evidence(E::AddressBook) => {
                msg!("binance-purpose-address-book")
            }
            Purpose::WithdrawQuota => msg!("binance-purpose-withdraw-quota"),
            Purpose::AccountSwitches => msg!("binance-purpose-account-switches"),
            Purpose::WithdrawHistory90Days => msg!("binance-purpose-withdraw-history-90-days"),
            Purpose::CoinStates => msg!("binance-purpose-coin-states"),
            Purpose::OpenOrdersCount => msg!("binance-purpose-open-orders-count"),
            Purpose::AddressCheckBook => msg!("binance-purpose-address-check-book"),
            Purpose::AddressCheckHistory => msg!("binance-purpose-address-check-history"),
            Purpose::Evidence(E::AccountUid) => msg!("binance-purpose-account-uid"),
            Purpose::Evidence(E::WithdrawHistory) => msg!("binance-purpose-withdraw-history"),
            Purpose::Evidence(E::DepositHistory) => msg!("binance-purpose-deposit-history"),
            Purpose::Evidence(E::OpenOrders) => msg!("binance-purpose-open-orders"),
            Purpose::Evidence(E::OrderTradeHistory) => msg!("binance-purpose-order-trade-history"),
        }
    }

    /// The purpose a network-log label names, for the edge that shows the
    /// log; `None` for a label that is not Binance's (Pwned Passwords).
    pub fn from_label(label: &str) -> Option<Purpose> {
        ALL.iter().copied().find(|p| p.label() == label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn labels_are_distinct_and_found_again() {
        for p in ALL {
            assert_eq!(Purpose::from_label(p.label()), Some(*p));
            assert!(!p.msg().render(Lang::Ja).is_empty());
        }
        assert_eq!(Purpose::from_label("something new"), None);
    }

    #[test]
    fn the_reader_sees_the_translation_the_log_label_had() {
        let p = Purpose::Evidence(EvidencePart::ApiKeyPermissions);
        assert_eq!(p.msg().render(Lang::Ja), "APIキーの権限（証拠）");
        assert_eq!(p.msg().render(Lang::En), p.label());
        for p in ALL {
            assert_eq!(p.msg().render(Lang::En), p.label(), "{p:?}");
        }
    }
}
