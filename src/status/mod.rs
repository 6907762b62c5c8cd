//! `binance-audit status`: is it Binance or is it me? Public checks (system
//! status, ping latency, clock skew) run unsigned and without the API key
//! header; with a key, signed checks add the account status, per-coin
//! deposit/withdrawal state of the coins the user holds, and the number of
//! open orders. The result is a short verdict and what to do next.

mod judge;
mod probes;
mod text;

use std::time::Instant;

use chrono::{DateTime, SubsecRound, TimeZone, Utc};
use colored::Colorize;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::collect::CheckState;
use crate::collect::binance::model::{AccountStatus, lenient};
use crate::collect::binance::{ApiError, BinanceClient};
use crate::i18n::{Lang, tr};
use crate::incident::playbook::{Channel, official_channels};
use crate::net::{self, Net, NetError, NetRequest};

use crate::report::SCHEMA_VERSION;

use judge::channels_out;
pub use judge::judge;
pub use probes::{describe_net_error, nonzero, public_checks, select_coins, signed_checks};
pub use text::render_text;
/// Binance refuses signed requests more than 1 s ahead of its clock.
pub const SKEW_LIMIT_MS: i64 = 1000;
/// Binance refuses signed requests older than their `recvWindow` (5 s unless
/// a client asks otherwise); a clock this far behind is at that edge.
pub const BEHIND_LIMIT_MS: i64 = 4000;
/// A ping slower than this makes the app feel broken even when nothing is.
pub const SLOW_MS: u64 = 2000;

/// One check's outcome, as shown and as serialised.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Probe<T> {
    pub state: CheckState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<T>,
    /// What was found, or why it did not run.
    pub detail: String,
}

impl<T> Probe<T> {
    pub fn ran(value: T, detail: impl Into<String>) -> Probe<T> {
        Probe {
            state: CheckState::Ran,
            value: Some(value),
            detail: detail.into(),
        }
    }
    pub fn skipped(detail: impl Into<String>) -> Probe<T> {
        Probe {
            state: CheckState::Skipped,
            value: None,
            detail: detail.into(),
        }
    }
    pub fn failed(detail: impl Into<String>) -> Probe<T> {
        Probe {
            state: CheckState::Failed,
            value: None,
            detail: detail.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SystemStatus {
    pub status: i64,
    #[serde(default)]
    pub msg: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Clock {
    pub server_time: DateTime<Utc>,
    /// Binance's time minus this machine's; positive = the local clock is behind.
    pub skew_ms: i64,
    /// The round trip of the time request: the offset is known only to ±half of it.
    pub rtt_ms: u64,
}

/// What the measured offset means, given how well it could be measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockJudgement {
    /// Within Binance's limits, or too small to matter.
    Fine,
    /// Ahead by 1 s or more beyond the uncertainty: Binance rejects requests.
    Ahead,
    /// Behind by more than the default request window allows.
    Behind,
    /// The gap is within what the round trip alone explains.
    SlowLink,
}

impl Clock {
    /// Binance's rule is asymmetric: a timestamp 1 s ahead of its clock is
    /// refused, one behind only once it is older than `recvWindow`. The round
    /// trip is the uncertainty: a gap it explains says nothing of the clock.
    pub fn judge(&self) -> ClockJudgement {
        let half = i64::try_from(self.rtt_ms / 2).unwrap_or(i64::MAX);
        let (ahead, behind) = (-self.skew_ms, self.skew_ms);
        if ahead.saturating_sub(half) >= SKEW_LIMIT_MS {
            ClockJudgement::Ahead
        } else if behind.saturating_sub(half) >= BEHIND_LIMIT_MS {
            ClockJudgement::Behind
        } else if ahead >= SKEW_LIMIT_MS || behind >= BEHIND_LIMIT_MS {
            ClockJudgement::SlowLink
        } else {
            ClockJudgement::Fine
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NetworkState {
    pub network: String,
    pub name: String,
    pub deposit_enabled: bool,
    pub withdraw_enabled: bool,
    /// Binance's stated reason, filled only when deposits are disabled.
    pub deposit_reason: String,
    pub withdraw_reason: String,
    pub busy: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoinState {
    pub coin: String,
    pub held: bool,
    pub networks: Vec<NetworkState>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Problem,
    Warning,
    Ok,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub level: Level,
    /// Stable identifier for scripts: maintenance, withdraw-suspended, ...
    pub code: String,
    pub message: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatusReport {
    pub schema_version: u32,
    pub checked_at: DateTime<Utc>,
    pub api: String,
    pub lang: Lang,
    pub system: Probe<SystemStatus>,
    pub ping: Probe<u64>,
    pub clock: Probe<Clock>,
    /// Whether any public endpoint answered at all.
    pub reachable: bool,
    pub account: Probe<String>,
    pub coins: Probe<Vec<CoinState>>,
    pub open_orders: Probe<usize>,
    pub verdicts: Vec<Verdict>,
    pub next_steps: Vec<String>,
    pub channels: Vec<ChannelOut>,
    pub network: Vec<NetRequest>,
}

impl StatusReport {
    /// Every check, public then signed: English and Japanese label, state, detail.
    pub fn checks(&self) -> [(&'static str, &'static str, CheckState, &str); 6] {
        [
            ("system", "システム", self.system.state, &self.system.detail),
            ("ping", "応答時間", self.ping.state, &self.ping.detail),
            ("clock", "時計", self.clock.state, &self.clock.detail),
            (
                "account",
                "アカウント",
                self.account.state,
                &self.account.detail,
            ),
            ("coins", "通貨", self.coins.state, &self.coins.detail),
            (
                "open orders",
                "オープンオーダー",
                self.open_orders.state,
                &self.open_orders.detail,
            ),
        ]
    }

    pub fn states(&self) -> [CheckState; 6] {
        self.checks().map(|(_, _, state, _)| state)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ChannelOut {
    pub name: String,
    pub url: String,
}

/// Every check, then the verdicts. `unusable_key`: a key is configured but
/// cannot be used; the public half still answers "is it Binance?".
pub async fn check(
    net: &Net,
    client: &BinanceClient,
    unusable_key: Option<&str>,
    coins: &[String],
    lang: Lang,
) -> StatusReport {
    let offline = net.is_offline();
    let ((system, ping, clock, reachable), (account, coins, open_orders)) =
        tokio::join!(public_checks(net, client.base(), lang), async {
            match unusable_key {
                Some(e) => (
                    Probe::failed(e.to_string()),
                    Probe::failed(e.to_string()),
                    Probe::failed(e.to_string()),
                ),
                None => signed_checks(client, coins, lang).await,
            }
        });
    let mut report = StatusReport {
        schema_version: SCHEMA_VERSION,
        checked_at: Utc::now().trunc_subsecs(0),
        api: client.base().as_str().trim_end_matches('/').to_string(),
        lang,
        system,
        ping,
        clock,
        reachable,
        account,
        coins,
        open_orders,
        verdicts: Vec::new(),
        next_steps: Vec::new(),
        channels: channels_out(&official_channels(), lang),
        network: Vec::new(),
    };
    let (verdicts, next) = judge(&report, offline);
    report.verdicts = verdicts;
    report.next_steps = next;
    report.network = net.requests();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> StatusReport {
        StatusReport {
            schema_version: SCHEMA_VERSION,
            checked_at: Utc::now(),
            api: "http://127.0.0.1".into(),
            lang: Lang::En,
            system: Probe::ran(
                SystemStatus {
                    status: 0,
                    msg: "normal".into(),
                },
                "normal",
            ),
            ping: Probe::ran(40, "40 ms"),
            clock: Probe::ran(
                Clock {
                    server_time: Utc::now(),
                    skew_ms: 120,
                    rtt_ms: 40,
                },
                "",
            ),
            reachable: true,
            account: Probe::skipped("no key"),
            coins: Probe::skipped("no key"),
            open_orders: Probe::skipped("no key"),
            verdicts: vec![],
            next_steps: vec![],
            channels: vec![],
            network: vec![],
        }
    }

    fn codes(r: &StatusReport) -> Vec<String> {
        judge(r, false).0.into_iter().map(|v| v.code).collect()
    }

    #[test]
    fn normal_means_local() {
        assert_eq!(codes(&report()), ["all-normal"]);
    }

    #[test]
    fn maintenance_skew_and_suspension_are_reported() {
        let mut r = report();
        r.system.value = Some(SystemStatus {
            status: 1,
            msg: "system_maintenance".into(),
        });
        r.clock.value.as_mut().unwrap().skew_ms = -3500;
        r.coins = Probe::ran(
            vec![CoinState {
                coin: "USDT".into(),
                held: true,
                networks: vec![NetworkState {
                    network: "TRX".into(),
                    name: "Tron (TRC20)".into(),
                    deposit_enabled: true,
                    withdraw_enabled: false,
                    deposit_reason: String::new(),
                    withdraw_reason: "Wallet Maintenance, Withdrawal Suspended".into(),
                    busy: true,
                }],
            }],
            "",
        );
        let (v, next) = judge(&r, false);
        let msgs: Vec<&str> = v.iter().map(|v| v.message.as_str()).collect();
        assert!(
            msgs.contains(&"Binance reports maintenance (system_maintenance)."),
            "{msgs:?}"
        );
        assert!(msgs.contains(&"Withdrawals of USDT on network TRX are suspended by Binance: Wallet Maintenance, Withdrawal Suspended"), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("3.5 s ahead")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("busy")), "{msgs:?}");
        assert!(!msgs.iter().any(|m| m.contains("All normal")));
        assert_eq!(v.last().unwrap().level, Level::Warning, "problems first");
        assert!(next.iter().any(|n| n.contains("suspended network")));
    }

    #[test]
    fn the_clock_is_judged_by_binance_rules_with_the_round_trip_as_uncertainty() {
        let c = |skew_ms, rtt_ms| {
            Clock {
                server_time: Utc::now(),
                skew_ms,
                rtt_ms,
            }
            .judge()
        };
        // 1 s ahead is refused; 2 s behind is inside the 5 s window.
        assert_eq!(c(-1200, 50), ClockJudgement::Ahead);
        assert_eq!(c(2000, 50), ClockJudgement::Fine);
        assert_eq!(c(4500, 50), ClockJudgement::Behind);
        // A 4 s round trip explains a 2 s gap either way: a slow link, not a clock.
        assert_eq!(c(2000, 4000), ClockJudgement::Fine);
        assert_eq!(c(-1500, 4000), ClockJudgement::SlowLink);
        assert_eq!(c(4200, 4000), ClockJudgement::SlowLink);
        let mut r = report();
        r.clock.value = Some(Clock {
            server_time: Utc::now(),
            skew_ms: -1500,
            rtt_ms: 4000,
        });
        let codes = codes(&r);
        assert!(codes.contains(&"slow-connection".to_string()), "{codes:?}");
        assert!(!codes.contains(&"clock-skew".to_string()), "{codes:?}");
    }

    #[test]
    fn unreachable_is_not_all_normal() {
        let mut r = report();
        r.reachable = false;
        r.system = Probe::failed("could not connect: refused");
        r.ping = Probe::failed("could not connect: refused");
        r.clock = Probe::failed("could not connect: refused");
        assert_eq!(codes(&r), ["unreachable"]);
        r.reachable = true;
        r.system = Probe::failed("HTTP 503");
        assert_eq!(codes(&r), ["server-error"]);
    }

    #[test]
    fn japanese_verdicts() {
        let mut r = report();
        r.lang = Lang::Ja;
        let (v, _) = judge(&r, false);
        assert!(v[0].message.contains("手元側"), "{}", v[0].message);
    }

    #[test]
    fn balances() {
        assert!(!nonzero("0.00000000"));
        assert!(!nonzero(""));
        assert!(nonzero("0.00000001"));
        assert!(nonzero("12"));
    }

    #[test]
    fn binance_error_bodies_are_quoted_briefly() {
        let e = NetError::Status {
            status: 429,
            retry_after: Some(30),
            body: r#"{"code":-1003,"msg":"Too many requests."}"#.into(),
        };
        assert_eq!(
            describe_net_error(&e),
            "HTTP 429, Binance error -1003: Too many requests., retry after 30 s"
        );
        let e = NetError::Status {
            status: 502,
            retry_after: None,
            body: "<html>bad gateway</html>".into(),
        };
        assert_eq!(describe_net_error(&e), "HTTP 502");
    }
}
