//! The status report said: for a terminal (`render_text`) and as JSON
//! (`to_json`). The only place in status/ where values become sentences,
//! all from the catalogue.

use colored::Colorize;

use super::*;
use crate::i18n::{Lang, Msg};
use crate::{msg, t};

/// A public check's HTTP failure in one line; Binance's `{code,msg}` body is
/// quoted when present.
pub fn describe_net_error(e: &NetError) -> Msg {
    http_msg(&probes::net_detail(e.clone())).unwrap_or_else(|| e.msg())
}

fn http_msg(d: &Detail) -> Option<Msg> {
    let Detail::Http {
        status,
        binance,
        retry_after,
    } = d
    else {
        return None;
    };
    let none = || Msg::verbatim("");
    Some(msg!(
        "status-http",
        status = status.to_string(),
        binance_error = binance.as_ref().map_or_else(none, |(code, m)| msg!(
            "status-http-binance-error",
            code = code.to_string(),
            msg = m
        )),
        retry = retry_after.map_or_else(none, |s| msg!(
            "status-http-retry-after",
            secs = s.to_string()
        )),
    ))
}

/// How far this machine's clock is from Binance's.
fn skew(skew_ms: i64) -> Msg {
    let secs = format!("{:.1}", skew_ms.unsigned_abs() as f64 / 1000.0);
    // Below a tenth of a second the round-trip estimate is noise.
    if skew_ms.abs() < 100 {
        msg!("status-skew-in-sync")
    } else if skew_ms > 0 {
        msg!("status-skew-behind", secs = secs)
    } else {
        msg!("status-skew-ahead", secs = secs)
    }
}

/// A row's detail in `lang`.
pub fn detail(d: &Detail, lang: Lang) -> String {
    match d {
        Detail::Offline => t!(lang, "status-detail-offline"),
        Detail::NoKey => t!(lang, "status-detail-no-key"),
        Detail::UnusableKey(s) => s.clone(),
        Detail::Http { .. } => http_msg(d).map(|m| m.render(lang)).unwrap_or_default(),
        Detail::Net(e) => e.msg().render(lang),
        Detail::Api(e) => e.msg().render(lang),
        Detail::SystemNormal => t!(lang, "status-detail-system-normal"),
        Detail::SystemMaintenance(m) => t!(lang, "status-detail-system-maintenance", msg = m),
        Detail::NotSystemStatus => t!(lang, "status-detail-not-system-status"),
        Detail::NoServerTime => t!(lang, "status-detail-no-server-time"),
        Detail::PingMs(ms) => t!(lang, "status-detail-ping-ms", ms = ms.to_string()),
        Detail::Skew(ms) => skew(*ms).render(lang),
        Detail::AccountStatus(s) => t!(lang, "status-detail-account", status = s),
        Detail::Coins {
            names,
            networks,
            suspended,
            missing,
            by_flag,
        } => {
            let coins = if !names.is_empty() {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                t!(
                    lang,
                    "status-detail-coins",
                    coins = crate::i18n::join(lang, &names),
                    networks = networks.to_string(),
                    suspended = suspended.to_string()
                )
            } else if *by_flag {
                String::new()
            } else {
                t!(lang, "status-detail-no-coin-held")
            };
            if missing.is_empty() {
                return coins;
            }
            // Coin symbols: joined the same in every language.
            let not_listed = t!(
                lang,
                "status-detail-coins-missing",
                coins = missing.join(", ")
            );
            if coins.is_empty() {
                not_listed
            } else {
                t!(
                    lang,
                    "status-detail-coins-and-missing",
                    coins = coins,
                    missing = not_listed
                )
            }
        }
        Detail::CoinList(e) => e.msg().render(lang),
        Detail::OpenOrders(n) => n.to_string(),
    }
}

fn row(r: Row) -> Msg {
    match r {
        Row::System => msg!("status-row-system"),
        Row::Ping => msg!("status-row-ping"),
        Row::Clock => msg!("status-row-clock"),
        Row::Account => msg!("status-row-account"),
        Row::Coins => msg!("status-row-coins"),
        Row::OpenOrders => msg!("status-row-open-orders"),
    }
}

fn reason(r: &str) -> Msg {
    if r.is_empty() {
        msg!("status-no-reason-given")
    } else {
        Msg::verbatim(r)
    }
}

/// A verdict's sentence in `lang`.
pub fn verdict(v: &Verdict, lang: Lang) -> String {
    let m = match v {
        Verdict::Offline => msg!("status-verdict-offline"),
        Verdict::Unreachable { ping } => {
            msg!("status-verdict-unreachable", detail = detail(ping, lang))
        }
        Verdict::ServerError => msg!("status-verdict-server-error"),
        Verdict::RateLimited => msg!("status-verdict-rate-limited"),
        Verdict::Maintenance { msg } => msg!("status-verdict-maintenance", msg = msg),
        Verdict::AccountRestricted { status } => {
            msg!("status-verdict-account-restricted", status = status)
        }
        Verdict::WithdrawSuspended {
            coin,
            network,
            reason: r,
        } => msg!(
            "status-verdict-withdraw-suspended",
            coin = coin,
            network = network,
            reason = reason(r)
        ),
        Verdict::DepositSuspended {
            coin,
            network,
            reason: r,
        } => msg!(
            "status-verdict-deposit-suspended",
            coin = coin,
            network = network,
            reason = reason(r)
        ),
        Verdict::NetworkBusy { coin, network } => {
            msg!(
                "status-verdict-network-busy",
                coin = coin,
                network = network
            )
        }
        Verdict::SlowConnection { skew_ms, rtt_ms } => msg!(
            "status-verdict-slow-connection",
            rtt = format!("{:.1}", *rtt_ms as f64 / 1000.0),
            secs = format!("{:.1}", skew_ms.unsigned_abs() as f64 / 1000.0)
        ),
        Verdict::ClockSkew {
            ahead,
            skew_ms,
            rtt_ms,
        } => msg!(
            "status-verdict-clock-skew",
            skew = skew(*skew_ms),
            pm = format!("±{:.1}", *rtt_ms as f64 / 2000.0),
            why = if *ahead {
                msg!("status-clock-why-ahead")
            } else {
                msg!("status-clock-why-behind")
            }
        ),
        Verdict::Slow { ms } => msg!("status-verdict-slow", ms = ms.to_string()),
        Verdict::Incomplete { system_ran: true } => msg!("status-verdict-incomplete-system-ran"),
        Verdict::Incomplete { system_ran: false } => msg!("status-verdict-incomplete"),
        Verdict::AllNormal => msg!("status-verdict-all-normal"),
        Verdict::NormalWhereChecked {
            checked,
            not_checked,
        } => msg!(
            "status-verdict-normal-where-checked",
            checked = *checked,
            not_checked = *not_checked
        ),
    };
    m.render(lang)
}

/// A next step's sentence in `lang`.
pub fn next_step(s: &NextStep, lang: Lang) -> String {
    match s {
        NextStep::CheckConnection => t!(lang, "status-next-check-connection"),
        NextStep::MaybeBlocked => t!(lang, "status-next-maybe-blocked"),
        NextStep::WaitAndRetry => t!(lang, "status-next-wait-and-retry"),
        NextStep::StopBots => t!(lang, "status-next-stop-bots"),
        NextStep::WaitForMaintenance => t!(lang, "status-next-wait-for-maintenance"),
        NextStep::AccountPlaybook => t!(lang, "status-next-account-playbook"),
        NextStep::AvoidSuspendedNetwork => t!(lang, "status-next-avoid-suspended-network"),
        NextStep::SyncClock => t!(lang, "status-next-sync-clock"),
        NextStep::TryLocalFixes => t!(lang, "status-next-try-local-fixes"),
        NextStep::CannotLogIn => t!(lang, "status-next-cannot-log-in"),
        NextStep::CheckOpenOrders(n) => {
            t!(lang, "status-next-check-open-orders", n = n.to_string())
        }
        NextStep::AddReadOnlyKey => t!(lang, "status-next-add-read-only-key"),
    }
}

/// One check as serialised.
#[derive(Serialize)]
pub struct ProbeJson<'a, T> {
    pub state: CheckState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<&'a T>,
    /// What was found, or why it did not run.
    pub detail: String,
}

#[derive(Serialize)]
pub struct VerdictJson {
    pub level: Level,
    pub code: &'static str,
    pub message: String,
}

#[derive(Serialize)]
pub struct ChannelJson {
    pub name: String,
    pub url: String,
}

/// The status report as `--format json` writes it, in `lang`.
#[derive(Serialize)]
pub struct StatusJson<'a> {
    pub schema_version: u32,
    pub checked_at: DateTime<Utc>,
    pub api: &'a str,
    pub lang: Lang,
    pub system: ProbeJson<'a, SystemStatus>,
    pub ping: ProbeJson<'a, u64>,
    pub clock: ProbeJson<'a, Clock>,
    pub reachable: bool,
    pub account: ProbeJson<'a, String>,
    pub coins: ProbeJson<'a, Vec<CoinState>>,
    pub open_orders: ProbeJson<'a, usize>,
    pub verdicts: Vec<VerdictJson>,
    pub next_steps: Vec<String>,
    pub channels: Vec<ChannelJson>,
    pub network: &'a [NetRequest],
}

fn probe<T>(p: &Probe<T>, lang: Lang) -> ProbeJson<'_, T> {
    ProbeJson {
        state: p.state,
        value: p.value.as_ref(),
        detail: detail(&p.detail, lang),
    }
}

pub fn to_json(r: &StatusReport, lang: Lang) -> StatusJson<'_> {
    StatusJson {
        schema_version: r.schema_version,
        checked_at: r.checked_at,
        api: &r.api,
        lang,
        system: probe(&r.system, lang),
        ping: probe(&r.ping, lang),
        clock: probe(&r.clock, lang),
        reachable: r.reachable,
        account: probe(&r.account, lang),
        coins: probe(&r.coins, lang),
        open_orders: probe(&r.open_orders, lang),
        verdicts: r
            .verdicts
            .iter()
            .map(|v| VerdictJson {
                level: v.level(),
                code: v.code(),
                message: verdict(v, lang),
            })
            .collect(),
        next_steps: r.next_steps.iter().map(|s| next_step(s, lang)).collect(),
        channels: channels(&r.channels, lang),
        network: &r.network,
    }
}

fn channels(channels: &[Channel], lang: Lang) -> Vec<ChannelJson> {
    channels
        .iter()
        .map(|c| ChannelJson {
            name: c.name.get(lang).into(),
            url: crate::i18n::link(lang, &c.url).into_owned(),
        })
        .collect()
}

/// `width`: the terminal's columns; every line wraps to it by display width.
pub fn render_text(r: &StatusReport, lang: Lang, width: usize) -> String {
    let fill = |prefix: &str, indent: usize, text: &str| {
        crate::text::fill_after(prefix, indent, text, width)
    };
    let mut o = format!(
        "{} — {} ({})\n\n",
        t!(lang, "status-title").bold(),
        crate::localtime::for_reader_seconds(
            crate::localtime::from_chrono(r.checked_at),
            &crate::localtime::reader_zone()
        ),
        r.api
    );
    for v in &r.verdicts {
        let mark = match v.level() {
            Level::Problem => "✗".red().bold().to_string(),
            Level::Warning => "!".yellow().bold().to_string(),
            Level::Ok => "✓".green().bold().to_string(),
        };
        // The mark is one column wide whatever colour codes it carries.
        let body = fill("  ", 2, &verdict(v, lang));
        o.push_str(&format!("{mark} {}\n", &body[2..]));
    }
    o.push('\n');
    let checks = r
        .checks()
        .map(|(which, state, d)| (row(which).render(lang), state, d));
    let cols = checks
        .iter()
        .map(|(label, ..)| crate::text::width(label))
        .max()
        .unwrap_or(0)
        .max(14);
    for (label, state, d) in &checks {
        // By display width: a Japanese label takes two columns a character.
        let prefix = format!("  {} ", crate::text::pad(label, cols));
        let text = match state {
            CheckState::Failed => t!(lang, "status-failed", detail = detail(d, lang)),
            _ => detail(d, lang),
        };
        let filled = fill(&prefix, cols + 3, &text);
        let body = &filled[prefix.len()..];
        let body = match state {
            CheckState::Ran => body.to_string(),
            CheckState::Skipped => body.dimmed().to_string(),
            CheckState::Failed => body.red().to_string(),
        };
        o.push_str(&format!("{prefix}{body}\n"));
    }
    if !r.next_steps.is_empty() {
        o.push_str(&format!("\n{}\n", t!(lang, "status-next-heading").bold()));
        for (i, s) in r.next_steps.iter().enumerate() {
            let n = format!("  {}. ", i + 1);
            o.push_str(&format!("{}\n", fill(&n, n.len(), &next_step(s, lang))));
        }
    }
    let channels = channels(&r.channels, lang);
    if !channels.is_empty() {
        o.push_str(&format!("\n{}\n", t!(lang, "status-channels-heading")));
        for c in &channels {
            o.push_str(&format!("  - {}\n    {}\n", c.name, c.url));
        }
    }
    o
}
