//! The checks themselves: public (system status, ping, server time) and
//! signed (account status, coins and networks, open orders).

use super::*;

/// A network failure in one line; Binance's `{code,msg}` body is quoted when present.
pub fn describe_net_error(e: &NetError) -> String {
    describe_net_error_in(e, Lang::En)
}

/// `describe_net_error` in the reader's language; Binance's `msg` stays quoted as sent.
pub fn describe_net_error_in(e: &NetError, lang: Lang) -> String {
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
                match lang {
                    Lang::En => s.push_str(&format!(", Binance error {}: {msg}", b.code)),
                    Lang::Ja => s.push_str(&format!("、Binanceのエラー {}: 「{msg}」", b.code)),
                }
            }
            if let Some(r) = retry_after {
                match lang {
                    Lang::En => s.push_str(&format!(", retry after {r} s")),
                    Lang::Ja => s.push_str(&format!("、{r}秒後に再試行")),
                }
            }
            s
        }
        other => crate::collect::messages::net_error(other).render(lang),
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
        Err(e) => Probe::failed(describe_net_error_in(&e, lang)),
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
        Err(e) => Probe::failed(describe_net_error_in(&e, lang)),
        Ok(_) => {
            let ms = u64::try_from(ping_rtt.as_millis()).unwrap_or(u64::MAX);
            Probe::ran(ms, format!("{ms} ms"))
        }
    };
    let clock = match time {
        Err(e) => Probe::failed(describe_net_error_in(&e, lang)),
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
                            rtt_ms: u64::try_from(time_rtt.as_millis()).unwrap_or(u64::MAX),
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
    let items: Vec<serde_json::Value> = serde_json::from_slice(body).map_err(|_| {
        crate::i18n::ui_tr(
            "Binance's coin list is not the expected JSON list",
            "Binanceの通貨一覧が想定したJSONのリストではありません",
        )
        .to_string()
    })?;
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
            let coin = crate::escape::escape_controls(&coin);
            return Err(match crate::i18n::ui() {
                crate::i18n::Lang::En => format!(
                    "Binance's answer for {coin} lacks its networks' depositEnable/withdrawEnable, so their state is not known"
                ),
                crate::i18n::Lang::Ja => format!(
                    "Binanceの応答に {coin} のネットワークの depositEnable/withdrawEnable がないため、入出金の状態がわかりません"
                ),
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
        let e = e.msg().render(lang);
        return (
            Probe::failed(e.clone()),
            Probe::failed(e.clone()),
            Probe::failed(e),
        );
    }
    use crate::collect::binance::{Purpose, endpoint as ep};
    let (status, getall, open) = tokio::join!(
        client.account_status(Purpose::AccountStatus),
        client.signed_get(ep::COIN_CONFIG, &[], Purpose::CoinStates),
        // Weight 80 without a symbol: asked once, only here.
        client.open_orders(Purpose::OpenOrdersCount),
    );
    let account = match status {
        Ok(AccountStatus { data: Some(d), .. }) => {
            // Binance's own words: quoted in a Japanese line.
            let shown = match lang {
                Lang::En => d.clone(),
                Lang::Ja => format!("「{d}」"),
            };
            Probe::ran(d, shown)
        }
        Ok(_) => Probe::failed(
            ApiError::BadJson(crate::collect::binance::JsonProblem::NoField("data"))
                .msg()
                .render(lang),
        ),
        Err(e) => Probe::failed(e.msg().render(lang)),
    };
    let coins = match getall
        .map_err(|e| e.msg().render(lang))
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
        Err(e) => Probe::failed(e.msg().render(lang)),
    };
    (account, coins, open_orders)
}

pub(super) fn skew_text(skew_ms: i64, lang: Lang) -> String {
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
