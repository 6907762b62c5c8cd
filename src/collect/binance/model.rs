//! Every answer the tool reads from Binance (audit, status, the evidence
//! bundle, the address check), decoded here once and leniently: every field is
//! optional, a field of an unexpected type reads as absent instead of failing
//! the whole answer, and unknown fields are kept (Binance adds permission
//! flags over time, and an unknown `enable*` flag that is true matters).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Lenient field readers: `"true"` reads as true, `"12.5"` as 12.5, and a
/// value of the wrong type as absent.
pub mod lenient {
    use super::*;

    pub fn as_bool(v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            Value::Number(n) if n.as_i64() == Some(1) => Some(true),
            Value::Number(n) if n.as_i64() == Some(0) => Some(false),
            _ => None,
        }
    }

    pub fn as_i64(v: &Value) -> Option<i64> {
        match v {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    pub fn as_f64(v: &Value) -> Option<f64> {
        let f = match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }?;
        f.is_finite().then_some(f)
    }

    /// Every string from Binance passes here: control characters are
    /// escaped once, at the boundary, for every format after it.
    pub fn as_string(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(crate::escape::escape_controls(s).into_owned()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        Ok(as_bool(&Value::deserialize(d)?))
    }

    pub fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        Ok(as_i64(&Value::deserialize(d)?))
    }

    pub fn f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Ok(as_f64(&Value::deserialize(d)?))
    }

    pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(as_string(&Value::deserialize(d)?))
    }

    /// Order and trade ids can exceed 2^53: kept as u64, never f64.
    pub fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
    }

    pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Array(a) => Some(a.iter().filter_map(as_string).collect()),
            _ => None,
        })
    }
}

/// `GET /sapi/v1/account/apiRestrictions`: the permissions of the key that signed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiRestrictions {
    #[serde(default, deserialize_with = "lenient::bool")]
    pub ip_restrict: Option<bool>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub create_time: Option<i64>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub trading_authority_expiration_time: Option<i64>,
    /// Every `enable*` / `permits*` flag, known or not, by Binance's name.
    #[serde(flatten)]
    pub rest: BTreeMap<String, Value>,
}

/// Permission flags the audit knows: Binance's name and the fact it becomes.
/// `trading` marks what a read-only audit key should not have; withdrawals
/// have their own rule, reading is what the audit needs.
pub const KNOWN_PERMISSIONS: &[(&str, &str, bool)] = &[
    ("enableReading", "api.enable_reading", false),
    ("enableWithdrawals", "api.enable_withdrawals", false),
    (
        "enableInternalTransfer",
        "api.enable_internal_transfer",
        true,
    ),
    (
        "permitsUniversalTransfer",
        "api.permits_universal_transfer",
        true,
    ),
    ("enableMargin", "api.enable_margin", true),
    ("enableFutures", "api.enable_futures", true),
    ("enableVanillaOptions", "api.enable_vanilla_options", true),
    (
        "enableSpotAndMarginTrading",
        "api.enable_spot_and_margin_trading",
        true,
    ),
    (
        "enablePortfolioMarginTrading",
        "api.enable_portfolio_margin_trading",
        true,
    ),
    ("enableFixApiTrade", "api.enable_fix_api_trade", true),
    ("enableFixReadOnly", "api.enable_fix_read_only", false),
];

impl ApiRestrictions {
    pub fn flag(&self, name: &str) -> Option<bool> {
        self.rest.get(name).and_then(lenient::as_bool)
    }

    fn is_permission_name(k: &str) -> bool {
        (k.starts_with("enable") || k.starts_with("permits"))
            && k.chars()
                .nth(if k.starts_with("enable") { 6 } else { 7 })
                .is_some_and(|c| c.is_ascii_uppercase())
    }

    /// `enable*`/`permits*` flags this version does not know that are true:
    /// a permission Binance added since, counted as one more than reading.
    pub fn unknown_permissions(&self) -> Vec<String> {
        self.rest
            .iter()
            .filter(|(k, _)| Self::is_permission_name(k))
            .filter(|(k, _)| !KNOWN_PERMISSIONS.iter().any(|(n, _, _)| n == k))
            .filter(|(_, v)| lenient::as_bool(v) == Some(true))
            .map(|(k, _)| crate::escape::escape_controls(k).into_owned())
            .collect()
    }

    /// Every enabled permission a read-only audit key should not have
    /// (withdrawals aside), by Binance's name.
    pub fn trading_permissions(&self) -> Vec<String> {
        let mut out: Vec<String> = KNOWN_PERMISSIONS
            .iter()
            .filter(|(_, _, trading)| *trading)
            .filter(|(n, _, _)| self.flag(n) == Some(true))
            .map(|(n, _, _)| n.to_string())
            .collect();
        out.extend(self.unknown_permissions());
        out
    }
}

/// `GET /sapi/v1/account/status`: `{"data": "Normal"}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AccountStatus {
    #[serde(default, deserialize_with = "lenient::string")]
    pub data: Option<String>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `GET /sapi/v1/account/apiTradingStatus`: `{"data": {...}}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ApiTradingStatus {
    #[serde(default)]
    pub data: Option<ApiTradingStatusData>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiTradingStatusData {
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_locked: Option<bool>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub planned_recover_time: Option<i64>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub update_time: Option<i64>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `GET /sapi/v1/account/info`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountInfo {
    #[serde(default, deserialize_with = "lenient::i64")]
    pub vip_level: Option<i64>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_margin_enabled: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_future_enabled: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_options_enabled: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_portfolio_margin_retail_enabled: Option<bool>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One entry of `GET /sapi/v1/capital/withdraw/address/list`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawAddress {
    #[serde(default, deserialize_with = "lenient::string")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub address_tag: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub coin: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub network: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub origin: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub origin_type: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub white_status: Option<bool>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `GET /sapi/v1/capital/withdraw/quota`: USD amounts as decimal strings.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawQuota {
    #[serde(default, deserialize_with = "lenient::f64")]
    pub wd_quota: Option<f64>,
    #[serde(default, deserialize_with = "lenient::f64")]
    pub used_wd_quota: Option<f64>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `GET /api/v3/account`: only the account-level switches are used.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpotAccount {
    #[serde(default, deserialize_with = "lenient::bool")]
    pub can_trade: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub can_withdraw: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub can_deposit: Option<bool>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub account_type: Option<String>,
    #[serde(default, deserialize_with = "lenient::strings")]
    pub permissions: Option<Vec<String>>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub uid: Option<i64>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One record of `GET /sapi/v1/capital/withdraw/history` (times are
/// "YYYY-MM-DD HH:MM:SS" strings in UTC).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawRecord {
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub amount: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub transaction_fee: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub coin: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub network: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub address_tag: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub tx_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub status: Option<i64>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub apply_time: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub complete_time: Option<String>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub transfer_type: Option<i64>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub info: Option<String>,
}

/// A "YYYY-MM-DD HH:MM:SS" time in UTC, as the withdraw history gives it.
pub fn utc_string_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M:%S")
        .ok()
        .map(|n| n.and_utc())
}

impl WithdrawRecord {
    pub fn applied_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.apply_time.as_deref().and_then(utc_string_time)
    }
}

/// One record of `GET /sapi/v1/capital/deposit/hisrec`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositRecord {
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub amount: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub coin: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub network: Option<String>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub status: Option<i64>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub address_tag: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub tx_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub insert_time: Option<i64>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub transfer_type: Option<i64>,
}

/// One order of `GET /api/v3/allOrders` or `/api/v3/openOrders`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderRecord {
    #[serde(default, deserialize_with = "lenient::string")]
    pub symbol: Option<String>,
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order_id: Option<u64>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub client_order_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub price: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub orig_qty: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub executed_qty: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub cummulative_quote_qty: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub r#type: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub side: Option<String>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub time: Option<i64>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub update_time: Option<i64>,
}

/// One trade of `GET /api/v3/myTrades`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TradeRecord {
    #[serde(default, deserialize_with = "lenient::string")]
    pub symbol: Option<String>,
    #[serde(default, deserialize_with = "lenient::u64")]
    pub id: Option<u64>,
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order_id: Option<u64>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub price: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub qty: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub quote_qty: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub commission: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub commission_asset: Option<String>,
    #[serde(default, deserialize_with = "lenient::i64")]
    pub time: Option<i64>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_buyer: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_maker: Option<bool>,
}

/// One coin of `GET /sapi/v1/capital/config/getall`; its networks are read
/// one by one with [`NetworkConfig`].
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoinConfig {
    #[serde(default, deserialize_with = "lenient::string")]
    pub coin: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub free: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub locked: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub freeze: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub withdrawing: Option<String>,
    #[serde(default)]
    pub network_list: Vec<Value>,
}

/// One network of a coin in `capital/config/getall`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkConfig {
    #[serde(default, deserialize_with = "lenient::string")]
    pub network: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub deposit_enable: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub withdraw_enable: Option<bool>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub deposit_desc: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    pub withdraw_desc: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub busy: Option<bool>,
}

/// `GET /sapi/v1/system/status`: 0 normal, 1 maintenance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct SystemStatus {
    pub status: i64,
    #[serde(default)]
    pub msg: String,
}

/// `GET /api/v3/time`.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerTime {
    pub server_time: i64,
}

/// A list answer read element by element: one odd element does not hide
/// the others, and is counted.
#[derive(Clone, Debug)]
pub struct Records<T> {
    pub rows: Vec<T>,
    pub unreadable: usize,
    /// SHA-256 of the answer's bytes: a server that ignores paging and
    /// sends the same page again is recognised by it.
    pub digest: [u8; 32],
}

impl<T: for<'de> Deserialize<'de>> Records<T> {
    pub fn from_items(items: Vec<Value>, body: &[u8]) -> Records<T> {
        use sha2::Digest;
        let mut rows = Vec::with_capacity(items.len());
        let mut unreadable = 0;
        for item in items {
            match serde_json::from_value(item) {
                Ok(t) => rows.push(t),
                Err(_) => unreadable += 1,
            }
        }
        Records {
            rows,
            unreadable,
            digest: sha2::Sha256::digest(body).into(),
        }
    }
}

impl<T> Records<T> {
    /// Elements read and not read: how many the answer held.
    pub fn len(&self) -> usize {
        self.rows.len() + self.unreadable
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restrictions_parse_leniently_and_keep_unknown_flags() {
        let r: ApiRestrictions = serde_json::from_str(
            r#"{"ipRestrict": "true", "createTime": 1761955200000, "enableReading": true,
                "enableFutures": true, "enableWithdrawals": false, "enableMargin": "yes",
                "enableNewThing": true, "permitsSomethingElse": "true", "enableOff": false,
                "enabled": true, "note": 3}"#,
        )
        .unwrap();
        assert_eq!(r.ip_restrict, Some(true));
        assert_eq!(r.create_time, Some(1761955200000));
        assert_eq!(r.flag("enableMargin"), None);
        assert_eq!(r.flag("enableWithdrawals"), Some(false));
        assert_eq!(
            r.unknown_permissions(),
            vec![
                "enableNewThing".to_string(),
                "permitsSomethingElse".to_string()
            ]
        );
        assert_eq!(
            r.trading_permissions(),
            vec!["enableFutures", "enableNewThing", "permitsSomethingElse"]
        );
    }

    #[test]
    fn wrong_types_read_as_absent() {
        let q: WithdrawQuota =
            serde_json::from_str(r#"{"wdQuota": "8000000.00", "usedWdQuota": {"x": 1}}"#).unwrap();
        assert_eq!(q.wd_quota, Some(8_000_000.0));
        assert_eq!(q.used_wd_quota, None);
        let a: Vec<WithdrawAddress> = serde_json::from_str(
            r#"[{"address": "bc1q", "coin": "BTC", "whiteStatus": true, "newField": 1}, {}]"#,
        )
        .unwrap();
        assert_eq!(a[0].white_status, Some(true));
        assert!(a[0].extra.contains_key("newField"));
        assert_eq!(a[1].address, None);
        let s: ApiTradingStatus = serde_json::from_str(
            r#"{"data": {"isLocked": false, "plannedRecoverTime": 0, "indicators": {}}}"#,
        )
        .unwrap();
        assert_eq!(s.data.unwrap().is_locked, Some(false));
    }
}
