//! From the probes to verdicts and next steps, worst first.

use super::probes::skew_text;
use super::*;

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
                Lang::Ja => format!("Binanceはアカウントの状態を次のように報告しています：「{a}」"),
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
    let judged = r.clock.value.as_ref().map(|c| (c, c.judge()));
    if let Some((c, ClockJudgement::SlowLink)) = judged {
        let (secs, rtt) = (
            format!("{:.1}", c.skew_ms.unsigned_abs() as f64 / 1000.0),
            format!("{:.1}", c.rtt_ms as f64 / 1000.0),
        );
        push!(
            Level::Warning,
            "slow-connection",
            match lang {
                Lang::En => format!(
                    "Slow connection: the time request took {rtt} s there and back, which explains the {secs} s gap measured; the clock itself cannot be judged over this link."
                ),
                Lang::Ja => format!(
                    "通信が遅い状態です。時刻の問い合わせに往復{rtt}秒かかっており、測定された{secs}秒の差はこの遅延で説明できます。この回線では時計のずれを判定できません。"
                ),
            },
        );
    }
    if let Some((c, j @ (ClockJudgement::Ahead | ClockJudgement::Behind))) = judged {
        let why = match (j, lang) {
            (ClockJudgement::Ahead, Lang::En) => {
                "Binance refuses signed requests stamped 1 s or more ahead of its clock (error -1021)"
            }
            (ClockJudgement::Ahead, Lang::Ja) => {
                "Binanceは自分の時計より1秒以上進んだ時刻の署名付きリクエストを拒否します（エラー -1021）"
            }
            (_, Lang::En) => {
                "Binance refuses signed requests older than their recvWindow, 5 s by default (error -1021)"
            }
            (_, Lang::Ja) => {
                "Binanceは recvWindow（既定5秒）より古い署名付きリクエストを拒否します（エラー -1021）"
            }
        };
        let pm = format!("±{:.1}", c.rtt_ms as f64 / 2000.0);
        push!(
            Level::Problem,
            "clock-skew",
            match lang {
                Lang::En => format!(
                    "This machine's clock is off ({}, {pm} s): {why}. This is a local problem.",
                    skew_text(c.skew_ms, lang)
                ),
                Lang::Ja => format!(
                    "この端末の時計がずれています（{}、誤差{pm}秒）。{why}。手元側の問題です。",
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
            Lang::Ja => format!("オープンオーダーが{n}件あります。すべてご自身の注文か確認してください（注文 → オープンオーダー）。"),
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

pub(super) fn channels_out(channels: &[Channel], lang: Lang) -> Vec<ChannelOut> {
    channels
        .iter()
        .map(|c| ChannelOut {
            name: c.name.get(lang).into(),
            url: crate::i18n::link(lang, &c.url).into_owned(),
        })
        .collect()
}
