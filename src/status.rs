//! `binance-audit status`: is it Binance or is it me? Public checks (system
//! status, ping latency, clock skew) run unsigned and without the API key
//! header; with a key, signed checks add the account status, per-coin
//! deposit/withdrawal state of the coins the user holds, and the number of
//! open orders. The result is a short verdict and what to do next.

use std::time::Instant;

use chrono::{DateTime, SubsecRound, TimeZone, Utc};
use clap::Args;
use colored::Colorize;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::app::{Exit, write_stdout};
use crate::audit::Session;
use crate::cli::{ApiArgs, GlobalArgs};
use crate::collect::CheckState;
use crate::collect::binance::model::{AccountStatus, lenient};
use crate::collect::binance::{ApiError, BinanceClient};
use crate::i18n::{Lang, tr};
use crate::incident::playbook::{Channel, official_channels};
use crate::net::{self, Net, NetError, NetRequest};

pub const SCHEMA_VERSION: u32 = 1;
/// Binance refuses signed requests more than 1 s ahead of its clock.
pub const SKEW_LIMIT_MS: i64 = 1000;
/// A ping slower than this makes the app feel broken even when nothing is.
pub const SLOW_MS: u64 = 2000;

#[derive(Debug, Args, Clone, Default)]
#[command(
    after_help = "Examples:\n  binance-audit status                       # public checks; add a key for your coins\n  binance-audit status --coin BTC,USDT       # deposit/withdrawal state of these coins (needs a key)\n  binance-audit status --format json\n\nExit codes: 0 the checks ran (whatever Binance reports), 2 usage error, 3 a check could not complete."
)]
pub struct StatusArgs {
    /// Binance API base URL [default: https://api.binance.com]
    #[arg(long, env = "BINANCE_API_URL", value_name = "URL")]
    pub api_url: Option<String>,
    /// Use the API key of this config profile
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Coins to check instead of the ones you hold (repeatable or comma-separated)
    #[arg(long, value_name = "COIN", value_delimiter = ',')]
    pub coin: Vec<String>,
    /// Output format
    #[arg(long, value_enum)]
    pub format: Option<StatusFormat>,
}

/// The status check has its own report shape: text or JSON (the audit's
/// SARIF, Markdown and JUnit formats describe findings, which it has none of).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
}

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
                "未約定注文",
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

/// A network failure in one line; Binance's `{code,msg}` body is quoted when present.
pub fn describe_net_error(e: &NetError) -> String {
    match e {
        NetError::Status {
            status,
            retry_after,
            body,
        } => {
            let mut s = format!("HTTP {status}");
            #[derive(Deserialize)]
            struct ErrBody {
                code: i64,
                #[serde(default)]
                msg: String,
            }
            if let Ok(b) = serde_json::from_str::<ErrBody>(body) {
                let msg: String = b.msg.chars().take(200).collect();
                s.push_str(&format!(", Binance error {}: {msg}", b.code));
            }
            if let Some(r) = retry_after {
                s.push_str(&format!(", retry after {r} s"));
            }
            s
        }
        other => other.to_string(),
    }
}

fn is_unreachable(e: &NetError) -> bool {
    matches!(e, NetError::Connect(_) | NetError::Timeout(_))
}

/// The public half: three unsigned GETs in parallel, no API key header.
pub async fn public_checks(
    net: &Net,
    base: &Url,
    lang: Lang,
) -> (Probe<SystemStatus>, Probe<u64>, Probe<Clock>, bool) {
    if net.is_offline() {
        let off = tr(lang, "not checked: offline", "未確認：オフライン");
        return (
            Probe::skipped(off),
            Probe::skipped(off),
            Probe::skipped(off),
            false,
        );
    }
    let sys_url = net::join(base, "/sapi/v1/system/status");
    let ping_url = net::join(base, "/api/v3/ping");
    let time_url = net::join(base, "/api/v3/time");
    let timed = |url: Url, purpose: &'static str| async move {
        let sent_at = Utc::now();
        let start = Instant::now();
        let r = net.get(&url, &[], purpose).await;
        (r, sent_at, start.elapsed())
    };
    let ((sys, _, _), (ping, _, ping_rtt), (time, time_sent, time_rtt)) = tokio::join!(
        timed(sys_url, "Binance system status"),
        timed(ping_url, "Binance connectivity"),
        timed(time_url, "Binance server time"),
    );
    let reachable = ![&sys, &ping, &time]
        .iter()
        .all(|r| r.as_ref().err().is_some_and(is_unreachable));

    let system = match sys {
        Err(e) => Probe::failed(describe_net_error(&e)),
        Ok(resp) => match serde_json::from_slice::<SystemStatus>(&resp.body) {
            Ok(s) => {
                let d = if s.status == 0 {
                    tr(lang, "normal", "通常").to_string()
                } else {
                    format!("{} ({})", tr(lang, "maintenance", "メンテナンス中"), s.msg)
                };
                Probe::ran(s, d)
            }
            Err(_) => Probe::failed(tr(
                lang,
                "unexpected answer (not {\"status\",\"msg\"})",
                "想定外の応答（{\"status\",\"msg\"} ではありません）",
            )),
        },
    };
    let ping = match ping {
        Err(e) => Probe::failed(describe_net_error(&e)),
        Ok(_) => {
            let ms = u64::try_from(ping_rtt.as_millis()).unwrap_or(u64::MAX);
            Probe::ran(ms, format!("{ms} ms"))
        }
    };
    let clock = match time {
        Err(e) => Probe::failed(describe_net_error(&e)),
        Ok(resp) => {
            #[derive(Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct ServerTime {
                server_time: i64,
            }
            match serde_json::from_slice::<ServerTime>(&resp.body)
                .ok()
                .and_then(|t| Utc.timestamp_millis_opt(t.server_time).single())
            {
                None => Probe::failed(tr(
                    lang,
                    "unexpected answer (no serverTime)",
                    "想定外の応答（serverTime がありません）",
                )),
                Some(server) => {
                    // The server read its clock about half-way through the round trip.
                    let local_mid =
                        time_sent + chrono::Duration::from_std(time_rtt / 2).unwrap_or_default();
                    let skew_ms = (server - local_mid).num_milliseconds();
                    Probe::ran(
                        Clock {
                            server_time: server,
                            skew_ms,
                        },
                        skew_text(skew_ms, lang),
                    )
                }
            }
        }
    };
    (system, ping, clock, reachable)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CoinConfig {
    #[serde(default, deserialize_with = "lenient::string")]
    coin: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    free: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    locked: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    freeze: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    withdrawing: Option<String>,
    #[serde(default)]
    network_list: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NetworkConfig {
    #[serde(default, deserialize_with = "lenient::string")]
    network: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    name: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    deposit_enable: Option<bool>,
    #[serde(default, deserialize_with = "lenient::bool")]
    withdraw_enable: Option<bool>,
    #[serde(default, deserialize_with = "lenient::string")]
    deposit_desc: Option<String>,
    #[serde(default, deserialize_with = "lenient::string")]
    withdraw_desc: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    busy: Option<bool>,
}

/// The coins to report from `capital/config/getall`: those named with
/// `--coin`, else those with any balance (free, locked, frozen or being
/// withdrawn). Returns the coins and the named ones Binance does not list.
pub fn select_coins(
    body: &[u8],
    wanted: &[String],
) -> Result<(Vec<CoinState>, Vec<String>), String> {
    let items: Vec<serde_json::Value> = serde_json::from_slice(body)
        .map_err(|_| "Binance's coin list is not the expected JSON list".to_string())?;
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
            return Err(format!(
                "Binance's answer for {} lacks its networks' depositEnable/withdrawEnable, so their state is not known",
                crate::escape::escape_controls(&coin)
            ));
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

fn coins_detail(coins: &[CoinState], missing: &[String], by_flag: bool, lang: Lang) -> String {
    let names: Vec<&str> = coins.iter().map(|c| c.coin.as_str()).collect();
    let nets: usize = coins.iter().map(|c| c.networks.len()).sum();
    let bad = coins
        .iter()
        .flat_map(|c| &c.networks)
        .filter(|n| !n.deposit_enabled || !n.withdraw_enabled)
        .count();
    let mut d = if coins.is_empty() {
        match (by_flag, lang) {
            (false, Lang::En) => "no coin with a balance".to_string(),
            (false, Lang::Ja) => "残高のある通貨はありません".to_string(),
            (true, _) => String::new(),
        }
    } else {
        match lang {
            Lang::En => format!(
                "{}: {nets} network(s), {bad} with deposits or withdrawals suspended",
                names.join(", ")
            ),
            Lang::Ja => format!(
                "{}：{nets}ネットワーク中、入出金停止 {bad}",
                names.join("、")
            ),
        }
    };
    if !missing.is_empty() {
        if !d.is_empty() {
            d.push_str("; ");
        }
        d.push_str(&format!(
            "{} {}",
            tr(lang, "not listed by Binance:", "Binanceに存在しない通貨："),
            missing.join(", ")
        ));
    }
    d
}

/// The signed half: account status, the coins' deposit/withdrawal state and
/// the open-order count, after one clock check.
pub async fn signed_checks(
    client: &BinanceClient,
    coins: &[String],
    lang: Lang,
) -> (Probe<String>, Probe<Vec<CoinState>>, Probe<usize>) {
    let skip = |why: String| {
        (
            Probe::skipped(why.clone()),
            Probe::skipped(why.clone()),
            Probe::skipped(why),
        )
    };
    if client.net().is_offline() {
        return skip(tr(lang, "not checked: offline", "未確認：オフライン").into());
    }
    if client.credentials().is_none() {
        return skip(
            tr(
                lang,
                "not checked: no API key (set BINANCE_API_KEY and BINANCE_API_SECRET for a read-only key)",
                "未確認：APIキーがありません（読み取り専用キーを BINANCE_API_KEY と BINANCE_API_SECRET に設定してください）",
            )
            .into(),
        );
    }
    if let Err(e) = client.sync_clock().await
        && e.stops_everything()
    {
        let e = e.to_string();
        return (
            Probe::failed(e.clone()),
            Probe::failed(e.clone()),
            Probe::failed(e),
        );
    }
    let (status, getall, open) = tokio::join!(
        client.get_json::<AccountStatus>("/sapi/v1/account/status", &[], "account status"),
        client.signed_get(
            "/sapi/v1/capital/config/getall",
            &[],
            "deposit/withdrawal state per coin and network"
        ),
        // Weight 80 without a symbol: asked once, only here.
        client.get_json::<Vec<serde_json::Value>>(
            "/api/v3/openOrders",
            &[],
            "open orders count (all symbols)"
        ),
    );
    let account = match status {
        Ok(AccountStatus { data: Some(d), .. }) => Probe::ran(d.clone(), d),
        Ok(_) => Probe::failed(
            ApiError::BadJson {
                detail: "no \"data\" field".into(),
            }
            .to_string(),
        ),
        Err(e) => Probe::failed(e.to_string()),
    };
    let coins = match getall
        .map_err(|e| e.to_string())
        .and_then(|b| select_coins(&b, coins))
    {
        Ok((list, missing)) => {
            let d = coins_detail(&list, &missing, !coins.is_empty(), lang);
            Probe::ran(list, d)
        }
        Err(e) => Probe::failed(e),
    };
    let open_orders = match open {
        Ok(v) => Probe::ran(v.len(), v.len().to_string()),
        Err(e) => Probe::failed(e.to_string()),
    };
    (account, coins, open_orders)
}

/// The account `--api-url` / `--profile` select, resolved as `audit` does.
/// `Err` in the second value: a key is configured but cannot be used.
pub fn client(
    s: &Session,
    api_url: Option<&str>,
    profile: Option<&str>,
) -> anyhow::Result<(BinanceClient, Option<String>)> {
    let api = ApiArgs {
        api_url: api_url.map(str::to_string),
        profile: profile.map(str::to_string),
        all_profiles: false,
    };
    let target = crate::audit::targets(s, &api)
        .map_err(|e| anyhow::anyhow!(e))?
        .pop()
        .ok_or_else(|| anyhow::anyhow!("no Binance account selected"))?;
    let (creds, unusable) = match target.creds {
        Ok(c) => (c, None),
        Err(e) => (None, Some(e)),
    };
    Ok((
        BinanceClient::new(s.net.clone(), target.base, creds),
        unusable,
    ))
}

fn skew_text(skew_ms: i64, lang: Lang) -> String {
    let secs = format!("{:.1}", skew_ms.unsigned_abs() as f64 / 1000.0);
    // Below a tenth of a second the round-trip estimate is noise.
    let sign = if skew_ms.abs() < 100 {
        0
    } else {
        skew_ms.signum()
    };
    match (sign, lang) {
        (0, Lang::En) => "in sync with Binance".into(),
        (0, Lang::Ja) => "Binanceと一致".into(),
        (1, Lang::En) => format!("this machine is {secs} s behind Binance"),
        (1, Lang::Ja) => format!("この端末の時計はBinanceより{secs}秒遅れています"),
        (_, Lang::En) => format!("this machine is {secs} s ahead of Binance"),
        (_, Lang::Ja) => format!("この端末の時計はBinanceより{secs}秒進んでいます"),
    }
}

/// Whether a balance string means the user holds some of the coin. Binance
/// sends fixed-point decimal strings; any non-zero digit counts.
pub fn nonzero(amount: &str) -> bool {
    amount.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// The verdict lines and next steps, from the checks alone.
pub fn judge(r: &StatusReport, offline: bool) -> (Vec<Verdict>, Vec<String>) {
    let lang = r.lang;
    let mut v = Vec::new();
    let mut next: Vec<String> = Vec::new();
    // A macro rather than a closure: the verdict list is also read in between.
    macro_rules! push {
        ($level:expr, $code:expr, $message:expr $(,)?) => {
            v.push(Verdict {
                level: $level,
                code: String::from($code),
                message: $message,
            })
        };
    }
    if offline {
        push!(
            Level::Warning,
            "offline",
            tr(
                lang,
                "Not checked: offline (--offline).",
                "未確認：オフラインモード（--offline）です。"
            )
            .into(),
        );
        return (v, next);
    }
    if !r.reachable {
        push!(
            Level::Problem,
            "unreachable",
            match lang {
                Lang::En => format!(
                    "Binance's API cannot be reached from this machine ({}).",
                    r.ping.detail
                ),
                Lang::Ja => format!(
                    "この端末からBinanceのAPIに接続できません（{}）。",
                    r.ping.detail
                ),
            },
        );
        next.push(tr(lang,
            "Check this machine's connection: do other websites load? Turn off VPN or proxy, try another network (mobile data instead of Wi-Fi).",
            "この端末の通信を確認してください。他のサイトは表示されますか？VPNやプロキシを切り、別の回線（Wi-Fiではなくモバイル通信など）を試してください。").into());
        next.push(tr(lang,
            "If your connection works, Binance may be down or blocked on your network: check Binance's announcements and X account below.",
            "通信に問題がない場合、Binanceの障害か、ご利用のネットワークで遮断されている可能性があります。下記のお知らせと公式Xを確認してください。").into());
    }
    let probes_failed = [&r.system.detail, &r.ping.detail, &r.clock.detail];
    let any_status = |needle: &str| {
        [r.system.state, r.ping.state, r.clock.state]
            .iter()
            .zip(probes_failed)
            .any(|(s, d)| *s == CheckState::Failed && d.starts_with(needle))
    };
    if r.reachable && any_status("HTTP 5") {
        push!(
            Level::Problem,
            "server-error",
            tr(lang,
                "Binance's API is answering with server errors: the problem is likely on Binance's side.",
                "BinanceのAPIがサーバーエラーを返しています。問題はBinance側にある可能性が高いです。").into(),
        );
        next.push(tr(lang,
            "Wait and retry in a few minutes; do not resend deposits or withdrawals in the meantime.",
            "数分待ってから再試行してください。その間に入金や出金を再送しないでください。").into());
    }
    if any_status("HTTP 429") || any_status("HTTP 418") {
        push!(
            Level::Problem,
            "rate-limited",
            tr(lang,
                "Binance is refusing requests from this IP address (rate limit or temporary ban): a bot or script on this network may be sending too many requests.",
                "BinanceがこのIPアドレスからのリクエストを拒否しています（レート制限または一時的な遮断）。このネットワーク上のボットやスクリプトがリクエストを送りすぎている可能性があります。").into(),
        );
        next.push(tr(lang,
            "Stop bots and scripts on this network, wait for the time Binance states, then try again.",
            "このネットワーク上のボットやスクリプトを止め、Binanceが示す時間だけ待ってから再試行してください。").into());
    }
    if let Some(s) = &r.system.value
        && s.status != 0
    {
        push!(
            Level::Problem,
            "maintenance",
            match lang {
                Lang::En => format!("Binance reports maintenance ({}).", s.msg),
                Lang::Ja => format!("Binanceはメンテナンス中と報告しています（{}）。", s.msg),
            },
        );
        next.push(tr(lang,
            "Wait for the maintenance to end; Binance announces the end on its announcements page. Do not resend transfers.",
            "メンテナンスの終了を待ってください。終了はBinanceのお知らせページで告知されます。送金を再送しないでください。").into());
    }
    if let Some(a) = &r.account.value
        && !a.eq_ignore_ascii_case("normal")
    {
        push!(
            Level::Problem,
            "account-restricted",
            match lang {
                Lang::En => format!("Binance reports your account status as: {a}"),
                Lang::Ja => format!("Binanceはアカウントの状態を次のように報告しています：{a}"),
            },
        );
        next.push(
            tr(
                lang,
                "See the account playbook: binance-audit incident account",
                "アカウントのプレイブックを参照してください：binance-audit incident account",
            )
            .into(),
        );
    }
    let mut suspended = false;
    for c in r.coins.value.iter().flatten() {
        for n in &c.networks {
            let reason = |s: &str| {
                if s.trim().is_empty() {
                    tr(lang, "no reason given", "理由の記載なし").to_string()
                } else {
                    s.trim().to_string()
                }
            };
            if !n.withdraw_enabled {
                suspended = true;
                push!(
                    Level::Problem,
                    "withdraw-suspended",
                    match lang {
                        Lang::En => format!(
                            "Withdrawals of {} on network {} are suspended by Binance: {}",
                            c.coin,
                            n.network,
                            reason(&n.withdraw_reason)
                        ),
                        Lang::Ja => format!(
                            "{}の{}ネットワークでの出金はBinanceにより停止されています：{}",
                            c.coin,
                            n.network,
                            reason(&n.withdraw_reason)
                        ),
                    },
                );
            }
            if !n.deposit_enabled {
                suspended = true;
                push!(
                    Level::Problem,
                    "deposit-suspended",
                    match lang {
                        Lang::En => format!(
                            "Deposits of {} on network {} are suspended by Binance: {}",
                            c.coin,
                            n.network,
                            reason(&n.deposit_reason)
                        ),
                        Lang::Ja => format!(
                            "{}の{}ネットワークでの入金はBinanceにより停止されています：{}",
                            c.coin,
                            n.network,
                            reason(&n.deposit_reason)
                        ),
                    },
                );
            }
            if n.busy {
                push!(
                    Level::Warning,
                    "network-busy",
                    match lang {
                        Lang::En => format!(
                            "Binance flags network {} for {} as busy: expect delays.",
                            n.network, c.coin
                        ),
                        Lang::Ja => format!(
                            "Binanceは{}の{}ネットワークを混雑中としています。遅延が予想されます。",
                            c.coin, n.network
                        ),
                    },
                );
            }
        }
    }
    if suspended {
        next.push(tr(lang,
            "Do not send on a suspended network: wait until Binance reopens it, or use another network that is enabled and that the other side supports (check the address format and memo/tag).",
            "停止中のネットワークでは送金しないでください。再開を待つか、有効で相手側も対応している別のネットワークを使ってください（アドレス形式とメモ／タグを確認してください）。").into());
    }
    if let Some(c) = &r.clock.value
        && c.skew_ms.abs() > SKEW_LIMIT_MS
    {
        push!(
            Level::Problem,
            "clock-skew",
            match lang {
                Lang::En => format!(
                    "This machine's clock is off ({}): Binance rejects API requests from it (error -1021). This is a local problem.",
                    skew_text(c.skew_ms, lang)
                ),
                Lang::Ja => format!(
                    "この端末の時計がずれています（{}）。BinanceはこのためAPIリクエストを拒否します（エラー -1021）。手元側の問題です。",
                    skew_text(c.skew_ms, lang)
                ),
            },
        );
        next.push(
            tr(
                lang,
                "Turn on automatic time synchronisation (NTP) in the system settings.",
                "システム設定で時刻の自動同期（NTP）を有効にしてください。",
            )
            .into(),
        );
    }
    if let Some(ms) = r.ping.value
        && ms > SLOW_MS
    {
        push!(
            Level::Warning,
            "slow",
            match lang {
                Lang::En => format!("The connection to Binance is slow ({ms} ms per request)."),
                Lang::Ja =>
                    format!("Binanceへの接続が遅くなっています（1リクエストあたり{ms}ミリ秒）。"),
            },
        );
    }
    if v.is_empty() {
        let partial = r.states().contains(&CheckState::Failed);
        if partial {
            push!(
                Level::Warning,
                "incomplete",
                if r.system.state == CheckState::Ran {
                    tr(
                        lang,
                        "Binance reports no exchange-wide problem, but some checks could not complete; see below.",
                        "Binanceは取引所全体の問題を報告していませんが、一部の確認を完了できませんでした。詳細は下記のとおりです。",
                    )
                } else {
                    tr(
                        lang,
                        "Some checks could not complete; see below.",
                        "一部の確認を完了できませんでした。詳細は下記のとおりです。",
                    )
                }
                .into(),
            );
        } else {
            push!(
                Level::Ok,
                "all-normal",
                tr(lang,
                    "All normal — Binance reports no problem, so the problem is likely local.",
                    "すべて正常です。Binanceは問題を報告していないため、原因は手元側にある可能性が高いです。").into(),
            );
            next.push(tr(lang,
                "Update the Binance app, try the website instead of the app (or the reverse), turn off VPN or proxy, and try another network.",
                "Binanceアプリを更新し、アプリの代わりにウェブサイトを（またはその逆を）試し、VPNやプロキシを切り、別の回線を試してください。").into());
            next.push(tr(lang,
                "If you cannot log in or your account is restricted: binance-audit incident account",
                "ログインできない、またはアカウントが制限されている場合：binance-audit incident account").into());
        }
    }
    if let Some(n) = r.open_orders.value
        && n > 0
    {
        next.push(match lang {
            Lang::En => format!("You have {n} open order(s): make sure each one is yours (Orders → Open Orders)."),
            Lang::Ja => format!("未約定の注文が{n}件あります。すべてご自身の注文か確認してください（注文 → オープンオーダー）。"),
        });
    }
    if r.coins.state == CheckState::Skipped && r.reachable {
        next.push(tr(lang,
            "With a read-only API key this command also checks deposits and withdrawals of the coins you hold.",
            "読み取り専用のAPIキーがあれば、保有している通貨の入出金の状態も確認できます。").into());
    }
    v.sort_by_key(|x| x.level);
    (v, next)
}

fn channels_out(channels: &[Channel], lang: Lang) -> Vec<ChannelOut> {
    channels
        .iter()
        .map(|c| ChannelOut {
            name: c.name.get(lang).into(),
            url: c.url.clone(),
        })
        .collect()
}

pub fn render_text(r: &StatusReport) -> String {
    let lang = r.lang;
    let mut o = format!(
        "{} — {} ({})\n\n",
        tr(lang, "Binance status", "Binanceの状態").bold(),
        r.checked_at.format("%Y-%m-%d %H:%M:%S UTC"),
        r.api
    );
    for v in &r.verdicts {
        let mark = match v.level {
            Level::Problem => "✗".red().bold().to_string(),
            Level::Warning => "!".yellow().bold().to_string(),
            Level::Ok => "✓".green().bold().to_string(),
        };
        o.push_str(&format!("{mark} {}\n", v.message));
    }
    o.push('\n');
    for (en, ja, state, detail) in r.checks() {
        let d = match state {
            CheckState::Ran => detail.to_string(),
            CheckState::Skipped => detail.dimmed().to_string(),
            CheckState::Failed => format!("{} {detail}", tr(lang, "failed:", "失敗："))
                .red()
                .to_string(),
        };
        o.push_str(&format!("  {:<14} {d}\n", tr(lang, en, ja)));
    }
    if !r.next_steps.is_empty() {
        o.push_str(&format!(
            "\n{}\n",
            tr(lang, "What to do next:", "次にすること：").bold()
        ));
        for (i, s) in r.next_steps.iter().enumerate() {
            o.push_str(&format!("  {}. {s}\n", i + 1));
        }
    }
    if !r.channels.is_empty() {
        o.push_str(&format!(
            "\n{}\n",
            tr(
                lang,
                "Confirm on Binance's official channels (type the address yourself):",
                "Binanceの公式チャネルで確認してください（アドレスはご自身で入力してください）："
            )
        ));
        for c in &r.channels {
            o.push_str(&format!("  - {}\n    {}\n", c.name, c.url));
        }
    }
    o
}

pub fn run(global: &GlobalArgs, args: &StatusArgs) -> anyhow::Result<Exit> {
    let s = crate::app::session(global)?;
    for w in &s.warnings {
        eprintln!("binance-audit: warning: {w}");
    }
    let (client, unusable_key) = client(&s, args.api_url.as_deref(), args.profile.as_deref())?;
    let lang = s.lang;
    let offline = s.net.is_offline();
    let rt = crate::app::runtime()?;
    let ((system, ping, clock, reachable), (account, coins, open_orders)) = rt.block_on(async {
        tokio::join!(public_checks(&s.net, client.base(), lang), async {
            match &unusable_key {
                // The public half still answers "is it Binance?".
                Some(e) => (
                    Probe::failed(e.clone()),
                    Probe::failed(e.clone()),
                    Probe::failed(e.clone()),
                ),
                None => signed_checks(&client, &args.coin, lang).await,
            }
        })
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
    report.network = s.net.requests();
    let out = match args.format.unwrap_or(StatusFormat::Text) {
        StatusFormat::Text => render_text(&report),
        StatusFormat::Json => {
            let mut j = serde_json::to_string_pretty(&report)?;
            j.push('\n');
            j
        }
    };
    write_stdout(out.as_bytes())?;
    let failed = report.states().contains(&CheckState::Failed);
    Ok(if failed { Exit::Incomplete } else { Exit::Ok })
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
