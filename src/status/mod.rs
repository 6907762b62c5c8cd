//! `binance-audit status`: is it Binance or is it me? Public checks (system
//! status, ping latency, clock skew) run unsigned and without the API key
//! header; with a key, signed checks add the account status, per-coin
//! deposit/withdrawal state of the coins the user holds, and the number of
//! open orders. The result is a short verdict and what to do next.
//!
//! probes.rs and judge.rs decide in values (`Detail`, `Verdict`,
//! `NextStep`); only text.rs makes sentences, in the reader's language.

mod judge;
mod probes;
mod text;

use std::time::Instant;

use chrono::{DateTime, SubsecRound, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::collect::CheckState;
use crate::collect::binance::model::AccountStatus;
use crate::collect::binance::{ApiError, BinanceClient};
use crate::incident::playbook::{Channel, official_channels};
use crate::net::{self, Net, NetError, NetRequest};

use crate::report::SCHEMA_VERSION;

pub use judge::{NextStep, Verdict, judge};
pub use probes::{CoinListError, nonzero, public_checks, select_coins, signed_checks};
pub use text::{StatusJson, describe_net_error, render_text, to_json};
/// Binance refuses signed requests more than 1 s ahead of its clock.
pub const SKEW_LIMIT_MS: i64 = 1000;
/// Binance refuses signed requests older than their `recvWindow` (5 s unless
/// a client asks otherwise); a clock this far behind is at that edge.
pub const BEHIND_LIMIT_MS: i64 = 4000;
/// A ping slower than this makes the app feel broken even when nothing is.
pub const SLOW_MS: u64 = 2000;

/// One check's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Probe<T> {
    pub state: CheckState,
    pub value: Option<T>,
    /// What was found, or why it did not run.
    pub detail: Detail,
}

impl<T> Probe<T> {
    pub fn ran(value: T, detail: Detail) -> Probe<T> {
        Probe {
            state: CheckState::Ran,
            value: Some(value),
            detail,
        }
    }
    pub fn skipped(detail: Detail) -> Probe<T> {
        Probe {
            state: CheckState::Skipped,
            value: None,
            detail,
        }
    }
    pub fn failed(detail: Detail) -> Probe<T> {
        Probe {
            state: CheckState::Failed,
            value: None,
            detail,
        }
    }
}

/// What one row found, or why it has no value: data, said by text.rs.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// `--offline`: nothing was sent.
    Offline,
    /// No API key: the signed half did not run.
    NoKey,
    /// A configured key cannot be used, in the account layer's words.
    UnusableKey(String),
    /// An HTTP error status; Binance's `{code,msg}` body when it sent one.
    Http {
        status: u16,
        binance: Option<(i64, String)>,
        retry_after: Option<u64>,
    },
    /// Any other network failure of a public check.
    Net(NetError),
    /// A signed call that failed.
    Api(ApiError),
    SystemNormal,
    /// Binance's own word for it (`system_maintenance`).
    SystemMaintenance(String),
    /// The system status answer was not `{"status","msg"}`.
    NotSystemStatus,
    /// The time answer had no `serverTime`.
    NoServerTime,
    PingMs(u64),
    /// Binance's time minus this machine's, in ms.
    Skew(i64),
    /// Binance's own words for the account's status.
    AccountStatus(String),
    Coins {
        names: Vec<String>,
        networks: usize,
        /// Networks with deposits or withdrawals suspended.
        suspended: usize,
        /// Coins named with `--coin` that Binance does not list.
        missing: Vec<String>,
        /// The coins were named with `--coin` (none held is then no news).
        by_flag: bool,
    },
    CoinList(CoinListError),
    OpenOrders(usize),
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

/// The checks, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    System,
    Ping,
    Clock,
    Account,
    Coins,
    OpenOrders,
}

#[derive(Clone, Debug)]
pub struct StatusReport {
    pub schema_version: u32,
    pub checked_at: DateTime<Utc>,
    pub api: String,
    pub system: Probe<SystemStatus>,
    pub ping: Probe<u64>,
    pub clock: Probe<Clock>,
    /// Whether any public endpoint answered at all.
    pub reachable: bool,
    pub account: Probe<String>,
    pub coins: Probe<Vec<CoinState>>,
    pub open_orders: Probe<usize>,
    pub verdicts: Vec<Verdict>,
    pub next_steps: Vec<NextStep>,
    pub channels: Vec<Channel>,
    pub network: Vec<NetRequest>,
}

impl StatusReport {
    /// Every check, public then signed: which, state, detail.
    pub fn checks(&self) -> [(Row, CheckState, &Detail); 6] {
        [
            (Row::System, self.system.state, &self.system.detail),
            (Row::Ping, self.ping.state, &self.ping.detail),
            (Row::Clock, self.clock.state, &self.clock.detail),
            (Row::Account, self.account.state, &self.account.detail),
            (Row::Coins, self.coins.state, &self.coins.detail),
            (
                Row::OpenOrders,
                self.open_orders.state,
                &self.open_orders.detail,
            ),
        ]
    }

    pub fn states(&self) -> [CheckState; 6] {
        self.checks().map(|(_, state, _)| state)
    }
}

/// Every check, then the verdicts. `unusable_key`: a key is configured but
/// cannot be used; the public half still answers "is it Binance?".
pub async fn check(
    net: &Net,
    client: &BinanceClient,
    unusable_key: Option<&str>,
    coins: &[String],
) -> StatusReport {
    let offline = net.is_offline();
    let ((system, ping, clock, reachable), (account, coins, open_orders)) =
        tokio::join!(public_checks(net, client.base()), async {
            match unusable_key {
                Some(e) => {
                    let d = Detail::UnusableKey(e.to_string());
                    (
                        Probe::failed(d.clone()),
                        Probe::failed(d.clone()),
                        Probe::failed(d),
                    )
                }
                None => signed_checks(client, coins).await,
            }
        });
    let mut report = StatusReport {
        schema_version: SCHEMA_VERSION,
        checked_at: Utc::now().trunc_subsecs(0),
        api: client.base().as_str().trim_end_matches('/').to_string(),
        system,
        ping,
        clock,
        reachable,
        account,
        coins,
        open_orders,
        verdicts: Vec::new(),
        next_steps: Vec::new(),
        channels: official_channels(),
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
    use crate::i18n::Lang;

    fn report() -> StatusReport {
        StatusReport {
            schema_version: SCHEMA_VERSION,
            checked_at: Utc::now(),
            api: "http://127.0.0.1".into(),
            system: Probe::ran(
                SystemStatus {
                    status: 0,
                    msg: "normal".into(),
                },
                Detail::SystemNormal,
            ),
            ping: Probe::ran(40, Detail::PingMs(40)),
            clock: Probe::ran(
                Clock {
                    server_time: Utc::now(),
                    skew_ms: 120,
                    rtt_ms: 40,
                },
                Detail::Skew(120),
            ),
            reachable: true,
            account: Probe::skipped(Detail::NoKey),
            coins: Probe::skipped(Detail::NoKey),
            open_orders: Probe::skipped(Detail::NoKey),
            verdicts: vec![],
            next_steps: vec![],
            channels: vec![],
            network: vec![],
        }
    }

    fn codes(r: &StatusReport) -> Vec<String> {
        judge(r, false)
            .0
            .into_iter()
            .map(|v| v.code().to_string())
            .collect()
    }

    /// Without a key three rows are not checked: the verdict says so rather
    /// than "all normal" (issue 22), so this case changed from "all-normal".
    #[test]
    fn normal_means_local() {
        assert_eq!(codes(&report()), ["normal-where-checked"]);
        let v = judge(&report(), false).0;
        assert!(matches!(
            v[0],
            Verdict::NormalWhereChecked {
                checked: 3,
                not_checked: 3
            }
        ));
        let mut all = report();
        all.account = Probe::ran("Normal".into(), Detail::AccountStatus("Normal".into()));
        all.coins = Probe::ran(vec![], Detail::OpenOrders(0));
        all.open_orders = Probe::ran(0, Detail::OpenOrders(0));
        assert_eq!(codes(&all), ["all-normal"]);
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
            Detail::OpenOrders(0),
        );
        let (v, next) = judge(&r, false);
        let msgs: Vec<String> = v.iter().map(|v| text::verdict(v, Lang::En)).collect();
        let msgs: Vec<&str> = msgs.iter().map(String::as_str).collect();
        let next: Vec<String> = next.iter().map(|n| text::next_step(n, Lang::En)).collect();
        assert!(
            msgs.contains(&"Binance reports maintenance (system_maintenance)."),
            "{msgs:?}"
        );
        assert!(msgs.contains(&"Withdrawals of USDT on network TRX are suspended by Binance: Wallet Maintenance, Withdrawal Suspended"), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("3.5 s ahead")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("busy")), "{msgs:?}");
        assert!(!msgs.iter().any(|m| m.contains("All normal")));
        assert_eq!(v.last().unwrap().level(), Level::Warning, "problems first");
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
        let refused = || Detail::Net(NetError::Connect("refused".into()));
        r.system = Probe::failed(refused());
        r.ping = Probe::failed(refused());
        r.clock = Probe::failed(refused());
        assert_eq!(codes(&r), ["unreachable"]);
        r.reachable = true;
        r.system = Probe::failed(probes::net_detail(NetError::Status {
            status: 503,
            retry_after: None,
            body: String::new(),
        }));
        assert_eq!(codes(&r), ["server-error"]);
    }

    #[test]
    fn japanese_verdicts() {
        let r = report();
        let (v, _) = judge(&r, false);
        let message = text::verdict(&v[0], Lang::Ja);
        assert!(message.contains("手元側"), "{}", message);
    }

    #[test]
    fn rows_are_said_in_the_reader_language() {
        let coins = |names: &[&str], missing: &[&str], by_flag| Detail::Coins {
            names: names.iter().map(|s| s.to_string()).collect(),
            networks: 3,
            suspended: 1,
            missing: missing.iter().map(|s| s.to_string()).collect(),
            by_flag,
        };
        let d = coins(&["BNB", "USDT"], &["NOPE", "X"], false);
        assert_eq!(
            text::detail(&d, Lang::En),
            "BNB, USDT: 3 network(s), 1 with deposits or withdrawals suspended; not listed by Binance: NOPE, X"
        );
        assert_eq!(
            text::detail(&d, Lang::Ja),
            "BNB、USDT：3ネットワーク中、入出金停止 1; Binanceに存在しない通貨：NOPE, X"
        );
        assert_eq!(
            text::detail(&coins(&[], &["NOPE"], true), Lang::En),
            "not listed by Binance: NOPE"
        );
        assert_eq!(
            text::detail(&coins(&[], &[], false), Lang::Ja),
            "残高のある通貨はありません"
        );
        assert_eq!(
            text::detail(&Detail::Skew(-2500), Lang::Ja),
            "この端末の時計はBinanceより2.5秒進んでいます"
        );
        assert_eq!(
            text::detail(&Detail::NotSystemStatus, Lang::En),
            r#"unexpected answer (not {"status","msg"})"#
        );
        let e = probes::net_detail(NetError::Status {
            status: 418,
            retry_after: Some(60),
            body: r#"{"code":-1003,"msg":"banned"}"#.into(),
        });
        assert_eq!(
            text::detail(&e, Lang::Ja),
            "HTTP 418、Binanceのエラー -1003：「banned」、60秒後に再試行"
        );
        let mut r = report();
        r.clock.value.as_mut().unwrap().skew_ms = -3500;
        let (v, next) = judge(&r, false);
        assert_eq!(
            text::verdict(&v[0], Lang::Ja),
            "この端末の時計がずれています（この端末の時計はBinanceより3.5秒進んでいます、誤差±0.0秒）。Binanceは自分の時計より1秒以上進んだ時刻の署名付きリクエストを拒否します（エラー -1021）。手元側の問題です。"
        );
        assert_eq!(next[0], NextStep::SyncClock);
        let json = serde_json::to_value(text::to_json(&r, Lang::En)).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert!(
            keys.contains(&"lang") && keys.contains(&"next_steps"),
            "{keys:?}"
        );
        assert_eq!(
            json["account"]["detail"],
            text::detail(&Detail::NoKey, Lang::En)
        );
        assert!(json["account"].get("value").is_none());
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
            describe_net_error(&e).render(Lang::En),
            "HTTP 429, Binance error -1003: Too many requests., retry after 30 s"
        );
        let e = NetError::Status {
            status: 502,
            retry_after: None,
            body: "<html>bad gateway</html>".into(),
        };
        assert_eq!(describe_net_error(&e).render(Lang::En), "HTTP 502");
    }
}
