//! The checks themselves: public (system status, ping, server time) and
//! signed (account status, coins and networks, open orders).

use super::*;
use crate::collect::binance::endpoint::SERVER_TIME as TIME_PATH;
use crate::net::Purpose;

/// A public check's failure as a row detail; Binance's `{code,msg}` body is
/// kept (its `msg` cut to 200 characters) when it sent one.
pub(super) fn net_detail(e: NetError) -> Detail {
    match e {
        NetError::Status {
            status,
            retry_after,
            body,
        } => Detail::Http {
            status,
            binance: crate::collect::binance::client::ErrorBody::parse(body.as_bytes())
                .map(|b| (b.code, b.msg.chars().take(200).collect())),
            retry_after,
        },
        other => Detail::Net(other),
    }
}

fn is_unreachable(e: &NetError) -> bool {
    matches!(
        e,
        NetError::Connect(_) | NetError::Timeout(_) | NetError::Tls(_)
    )
}

/// The public half: three unsigned GETs in parallel, no API key header.
pub async fn public_checks(
    net: &Net,
    base: &Url,
) -> (Probe<SystemStatus>, Probe<u64>, Probe<Clock>, bool) {
    if net.is_offline() {
        return (
            Probe::skipped(Detail::Offline),
            Probe::skipped(Detail::Offline),
            Probe::skipped(Detail::Offline),
            false,
        );
    }
    let sys_url = net::join(base, crate::collect::binance::endpoint::SYSTEM_STATUS);
    let ping_url = net::join(base, crate::collect::binance::endpoint::PING);
    let time_url = net::join(base, TIME_PATH);
    let timed = |url: Url, purpose: Purpose| async move {
        let sent_at = Utc::now();
        let start = Instant::now();
        let r = net.get(&url, &[], purpose.label()).await;
        (r, sent_at, start.elapsed())
    };
    let ((sys, _, _), (ping, _, ping_rtt), (time, time_sent, time_rtt)) = tokio::join!(
        timed(sys_url, Purpose::SystemStatus),
        timed(ping_url, Purpose::Connectivity),
        timed(time_url, Purpose::ServerTime),
    );
    let reachable = ![&sys, &ping, &time]
        .iter()
        .all(|r| r.as_ref().err().is_some_and(is_unreachable));

    let system = match sys {
        Err(e) => Probe::failed(net_detail(e)),
        Ok(resp) => match serde_json::from_slice::<SystemStatus>(&resp.body) {
            Ok(s) => {
                let d = if s.status == 0 {
                    Detail::SystemNormal
                } else {
                    Detail::SystemMaintenance(s.msg.clone())
                };
                Probe::ran(s, d)
            }
            Err(_) => Probe::failed(Detail::NotSystemStatus),
        },
    };
    let ping = match ping {
        Err(e) => Probe::failed(net_detail(e)),
        Ok(_) => {
            let ms = u64::try_from(ping_rtt.as_millis()).unwrap_or(u64::MAX);
            Probe::ran(ms, Detail::PingMs(ms))
        }
    };
    let clock = match time {
        Err(e) => Probe::failed(net_detail(e)),
        Ok(resp) => {
            match serde_json::from_slice::<crate::collect::binance::model::ServerTime>(&resp.body)
                .ok()
                .and_then(|t| Utc.timestamp_millis_opt(t.server_time).single())
            {
                None => Probe::failed(Detail::NoServerTime),
                Some(server) => {
                    // The server read its clock about half-way through the round trip.
                    let local_mid =
                        time_sent + chrono::Duration::from_std(time_rtt / 2).unwrap_or_default();
                    let skew_ms = (server - local_mid).num_milliseconds();
                    Probe::ran(
                        Clock {
                            server_time: server,
                            skew_ms,
                            rtt_ms: u64::try_from(time_rtt.as_millis()).unwrap_or(u64::MAX),
                        },
                        Detail::Skew(skew_ms),
                    )
                }
            }
        }
    };
    (system, ping, clock, reachable)
}

use crate::collect::binance::model::{CoinConfig, NetworkConfig};

/// Why Binance's coin list says nothing usable.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.msg().render(crate::i18n::Lang::En))]
pub enum CoinListError {
    /// Not the JSON list `capital/config/getall` returns.
    NotAList,
    /// A coin without networks, or a network without both flags: its state
    /// is not known. The coin as Binance spelt it, controls escaped.
    NoNetworkFlags { coin: String },
}

impl CoinListError {
    pub fn msg(&self) -> crate::i18n::Msg {
        match self {
            CoinListError::NotAList => crate::msg!("status-coins-not-a-list"),
            CoinListError::NoNetworkFlags { coin } => {
                crate::msg!("status-coins-no-network-flags", coin = coin)
            }
        }
    }
}

/// The coins to report from `capital/config/getall`: those named with
/// `--coin`, else those with any balance (free, locked, frozen or being
/// withdrawn). Returns the coins and the named ones Binance does not list.
pub fn select_coins(
    body: &[u8],
    wanted: &[String],
) -> Result<(Vec<CoinState>, Vec<String>), CoinListError> {
    let items: Vec<serde_json::Value> =
        serde_json::from_slice(body).map_err(|_| CoinListError::NotAList)?;
    let wanted: Vec<String> = wanted.iter().map(|c| c.trim().to_uppercase()).collect();
    let mut out = Vec::new();
    for item in items {
        let Ok(c) = serde_json::from_value::<CoinConfig>(item) else {
            continue;
        };
        let Some(coin) = c.coin.filter(|c| !c.is_empty()) else {
            continue;
        };
        let held = [&c.free, &c.locked, &c.freeze, &c.withdrawing]
            .iter()
            .any(|a| a.as_deref().is_some_and(nonzero));
        let pick = if wanted.is_empty() {
            held
        } else {
            wanted.iter().any(|w| w.eq_ignore_ascii_case(&coin))
        };
        if !pick {
            continue;
        }
        let parsed: Vec<NetworkConfig> = c
            .network_list
            .into_iter()
            .filter_map(|n| serde_json::from_value::<NetworkConfig>(n).ok())
            .collect();
        // A coin without networks, or a network without both flags, says
        // nothing about deposits and withdrawals: never "all normal".
        if parsed.is_empty()
            || parsed
                .iter()
                .any(|n| n.deposit_enable.is_none() || n.withdraw_enable.is_none())
        {
            return Err(CoinListError::NoNetworkFlags {
                coin: crate::escape::escape_controls(&coin).into_owned(),
            });
        }
        let networks = parsed
            .into_iter()
            .map(|n| NetworkState {
                network: n.network.unwrap_or_default(),
                name: n.name.unwrap_or_default(),
                deposit_enabled: n.deposit_enable.unwrap_or(false),
                withdraw_enabled: n.withdraw_enable.unwrap_or(false),
                deposit_reason: n.deposit_desc.unwrap_or_default(),
                withdraw_reason: n.withdraw_desc.unwrap_or_default(),
                busy: n.busy.unwrap_or(false),
            })
            .collect();
        out.push(CoinState {
            coin,
            held,
            networks,
        });
    }
    out.sort_by(|a, b| a.coin.cmp(&b.coin));
    let missing = wanted
        .into_iter()
        .filter(|w| !out.iter().any(|c| c.coin.eq_ignore_ascii_case(w)))
        .collect();
    Ok((out, missing))
}

fn coins_detail(coins: &[CoinState], missing: Vec<String>, by_flag: bool) -> Detail {
    Detail::Coins {
        names: coins.iter().map(|c| c.coin.clone()).collect(),
        networks: coins.iter().map(|c| c.networks.len()).sum(),
        suspended: coins
            .iter()
            .flat_map(|c| &c.networks)
            .filter(|n| !n.deposit_enabled || !n.withdraw_enabled)
            .count(),
        missing,
        by_flag,
    }
}

/// The same valueless outcome for each of the three signed rows.
fn all_three<A, B, C>(state: CheckState, d: Detail) -> (Probe<A>, Probe<B>, Probe<C>) {
    (
        Probe {
            state,
            value: None,
            detail: d.clone(),
        },
        Probe {
            state,
            value: None,
            detail: d.clone(),
        },
        Probe {
            state,
            value: None,
            detail: d,
        },
    )
}

/// The signed half: account status, the coins' deposit/withdrawal state and
/// the open-order count, after one clock check.
pub async fn signed_checks(
    client: &BinanceClient,
    coins: &[String],
) -> (Probe<String>, Probe<Vec<CoinState>>, Probe<usize>) {
    if client.net().is_offline() {
        return all_three(CheckState::Skipped, Detail::Offline);
    }
    if client.credentials().is_none() {
        return all_three(CheckState::Skipped, Detail::NoKey);
    }
    if let Err(e) = client.sync_clock().await
        && e.stops_everything()
    {
        return all_three(CheckState::Failed, Detail::Api(e));
    }
    use crate::collect::binance::{Purpose, endpoint as ep};
    let (status, getall, open) = tokio::join!(
        client.account_status(Purpose::AccountStatus),
        client.signed_get(ep::COIN_CONFIG, &[], Purpose::CoinStates),
        // Weight 80 without a symbol: asked once, only here.
        client.open_orders(Purpose::OpenOrdersCount),
    );
    let account = match status {
        Ok(AccountStatus { data: Some(d), .. }) => Probe::ran(d.clone(), Detail::AccountStatus(d)),
        Ok(_) => Probe::failed(Detail::Api(ApiError::BadJson(
            crate::collect::binance::JsonProblem::NoField("data"),
        ))),
        Err(e) => Probe::failed(Detail::Api(e)),
    };
    let coins = match getall {
        Err(e) => Probe::failed(Detail::Api(e)),
        Ok(b) => match select_coins(&b, coins) {
            Ok((list, missing)) => {
                let d = coins_detail(&list, missing, !coins.is_empty());
                Probe::ran(list, d)
            }
            Err(e) => Probe::failed(Detail::CoinList(e)),
        },
    };
    let open_orders = match open {
        Ok(v) => Probe::ran(v.len(), Detail::OpenOrders(v.len())),
        Err(e) => Probe::failed(Detail::Api(e)),
    };
    (account, coins, open_orders)
}

/// Whether a balance string means the user holds some of the coin. Binance
/// sends fixed-point decimal strings; any non-zero digit counts.
pub fn nonzero(amount: &str) -> bool {
    amount.chars().any(|c| c.is_ascii_digit() && c != '0')
}
