//! The support-ticket draft: the collected evidence laid out the way support
//! reads it — what happened, when, which assets and amounts, order IDs,
//! txIds — with gaps for the user to fill in and nothing secret.

use chrono::{DateTime, FixedOffset, Utc};

use super::evidence::{Deposit, Evidence, Order, Trade, Withdrawal};
use super::playbook::Kind;
use crate::collect::CheckState;
use crate::i18n::{Lang, tr};

#[allow(clippy::expect_used)] // +09:00 is a constant, valid offset
fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("+09:00 is a valid offset")
}

/// English tickets read in UTC; Japanese ones in JST, the zone the user and
/// Japanese police work in.
pub fn fmt_time(t: Option<DateTime<Utc>>, lang: Lang) -> String {
    match (t, lang) {
        (None, _) => "-".into(),
        (Some(t), Lang::En) => t.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        (Some(t), Lang::Ja) => t
            .with_timezone(&jst())
            .format("%Y-%m-%d %H:%M:%S JST")
            .to_string(),
    }
}

/// Table cells must not break the table.
fn cell(s: &str) -> String {
    if s.is_empty() {
        "-".into()
    } else {
        s.replace('|', "\\|").replace(['\n', '\r'], " ")
    }
}

fn headline(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Breach => tr(
            lang,
            "Suspected unauthorised access to my account",
            "アカウントへの不正アクセスの疑い",
        ),
        Kind::Outage => tr(
            lang,
            "Problem during a service disruption",
            "サービス障害時に発生した問題",
        ),
        Kind::Account => tr(
            lang,
            "Problem with access to my account",
            "アカウントの利用に関する問題",
        ),
        Kind::Trade => tr(
            lang,
            "Question about orders and trades",
            "注文・約定についての確認のお願い",
        ),
        Kind::Support => tr(lang, "Support request", "お問い合わせ"),
    }
}

fn requests(kind: Kind, lang: Lang) -> &'static [&'static str] {
    match (kind, lang) {
        (Kind::Breach, Lang::En) => &[
            "Please make sure no further logins or withdrawals are possible on my account until I have secured it.",
            "Please investigate the withdrawals listed in this request that I did not make, and contact the receiving platforms where they belong to an exchange.",
            "Please tell me from which IP addresses and devices my account was accessed in this period, and when the destination addresses were added.",
        ],
        (Kind::Breach, Lang::Ja) => &[
            "安全を確保できるまで、私のアカウントへのログインと出金ができないようにしてください。",
            "この依頼に記載した出金のうち私が行っていないものを調査し、送り先が取引所の場合はその取引所に連絡してください。",
            "この期間に私のアカウントへアクセスしたIPアドレスとデバイス、および送り先アドレスが登録された日時を教えてください。",
        ],
        (Kind::Outage, Lang::En) => &[
            "Please confirm whether the problem described above was caused by a disruption on Binance's side.",
            "Please check the state of the orders and transfers listed above and tell me how they will be settled.",
        ],
        (Kind::Outage, Lang::Ja) => &[
            "上記の問題がBinance側の障害によるものかどうかを確認してください。",
            "上記の注文と送金の状態を確認し、どのように処理されるかを教えてください。",
        ],
        (Kind::Account, Lang::En) => &[
            "Please tell me why my account is restricted and what I need to do to lift the restriction.",
        ],
        (Kind::Account, Lang::Ja) => &[
            "アカウントが制限されている理由と、制限を解除するために必要な手続きを教えてください。",
        ],
        (Kind::Trade, Lang::En) => &[
            "Please review the orders and trades listed above, which I believe were executed incorrectly.",
            "Please tell me whether a correction is possible.",
        ],
        (Kind::Trade, Lang::Ja) => &[
            "誤って執行されたと考えている上記の注文と約定を確認してください。",
            "訂正が可能かどうかを教えてください。",
        ],
        (Kind::Support, Lang::En) => &["[What you are asking Binance to do]"],
        (Kind::Support, Lang::Ja) => &["［Binanceにお願いしたいこと］"],
    }
}

fn destination(w: &Withdrawal, lang: Lang) -> String {
    let label = w
        .address_label
        .as_ref()
        .map(|l| format!(" \"{}\"", cell(l)))
        .unwrap_or_default();
    match (w.in_address_book, w.whitelisted) {
        (None, _) => tr(
            lang,
            "unknown (address book not read)",
            "不明（アドレス帳を取得できず）",
        )
        .into(),
        (Some(false), _) => tr(lang, "⚠ NOT in address book", "⚠ アドレス帳に未登録").into(),
        (Some(true), Some(true)) => format!(
            "{}{label}",
            tr(lang, "whitelisted", "ホワイトリスト登録済み")
        ),
        (Some(true), _) => format!(
            "{}{label}",
            tr(
                lang,
                "⚠ in address book, NOT whitelisted",
                "⚠ アドレス帳に登録済み・ホワイトリスト外"
            )
        ),
    }
}

/// Withdrawals that went somewhere the user did not approve in advance.
pub fn unapproved(w: &Withdrawal) -> bool {
    w.in_address_book == Some(false) || w.whitelisted == Some(false)
}

fn withdrawals_table(ws: &[Withdrawal], lang: Lang, o: &mut String) {
    o.push_str(tr(
        lang,
        "| # | Time | Coin | Amount | Network | Address | Address book | txId | Status | Withdrawal ID |\n",
        "| # | 日時 | 通貨 | 数量 | ネットワーク | 送り先アドレス | アドレス帳 | トランザクションID | 状態 | 出金ID |\n",
    ));
    o.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    for (i, w) in ws.iter().enumerate() {
        let addr = if w.address_tag.is_empty() {
            cell(&w.address)
        } else {
            format!("{} (tag {})", cell(&w.address), cell(&w.address_tag))
        };
        let status = if w.info.is_empty() {
            w.status_text.clone()
        } else {
            format!("{} ({})", w.status_text, cell(&w.info))
        };
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            i + 1,
            fmt_time(w.apply_time, lang),
            cell(&w.coin),
            cell(&w.amount),
            cell(&w.network),
            addr,
            destination(w, lang),
            cell(&w.tx_id),
            cell(&status),
            cell(&w.id),
        ));
    }
}

fn deposits_table(ds: &[Deposit], lang: Lang, o: &mut String) {
    o.push_str(tr(
        lang,
        "| # | Time | Coin | Amount | Network | Address | txId | Status |\n",
        "| # | 日時 | 通貨 | 数量 | ネットワーク | 入金アドレス | トランザクションID | 状態 |\n",
    ));
    o.push_str("|---|---|---|---|---|---|---|---|\n");
    for (i, d) in ds.iter().enumerate() {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            i + 1,
            fmt_time(d.time, lang),
            cell(&d.coin),
            cell(&d.amount),
            cell(&d.network),
            cell(&d.address),
            cell(&d.tx_id),
            cell(&d.status_text),
        ));
    }
}

fn orders_table(os: &[Order], lang: Lang, o: &mut String) {
    o.push_str(tr(
        lang,
        "| Time | Symbol | Order ID | Side | Type | Price | Quantity | Executed | Quote amount | Status |\n",
        "| 日時 | 通貨ペア | 注文ID | 売買 | 種類 | 価格 | 数量 | 約定数量 | 約定金額 | 状態 |\n",
    ));
    o.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    for x in os {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            fmt_time(x.time, lang),
            cell(&x.symbol),
            x.order_id.map_or_else(|| "-".into(), |i| i.to_string()),
            cell(&x.side),
            cell(&x.r#type),
            cell(&x.price),
            cell(&x.orig_qty),
            cell(&x.executed_qty),
            cell(&x.quote_qty),
            cell(&x.status),
        ));
    }
}

fn trades_table(ts: &[Trade], lang: Lang, o: &mut String) {
    o.push_str(tr(
        lang,
        "| Time | Symbol | Trade ID | Order ID | Side | Price | Quantity | Quote amount | Fee |\n",
        "| 日時 | 通貨ペア | 約定ID | 注文ID | 売買 | 価格 | 数量 | 約定金額 | 手数料 |\n",
    ));
    o.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for x in ts {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} {} |\n",
            fmt_time(x.time, lang),
            cell(&x.symbol),
            x.id.map_or_else(|| "-".into(), |i| i.to_string()),
            x.order_id.map_or_else(|| "-".into(), |i| i.to_string()),
            cell(&x.side),
            cell(&x.price),
            cell(&x.qty),
            cell(&x.quote_qty),
            cell(&x.commission),
            cell(&x.commission_asset),
        ));
    }
}

/// "not collected: why" for a part that did not run, else None.
fn gap(e: &Evidence, check: &str, lang: Lang) -> Option<String> {
    let c = e.check(check)?;
    (c.state != CheckState::Ran).then(|| {
        format!(
            "_{} {}_\n",
            tr(lang, "Not collected:", "取得できませんでした："),
            c.detail.render(lang)
        )
    })
}

fn section<T>(
    o: &mut String,
    e: &Evidence,
    check: &str,
    title: String,
    rows: &[T],
    lang: Lang,
    table: fn(&[T], Lang, &mut String),
) {
    o.push_str(&format!("\n## {title}\n\n"));
    // A walk that failed part-way keeps what it read: show both the gap and the rows.
    let g = gap(e, check, lang);
    if let Some(g) = &g {
        o.push_str(g);
    }
    if !rows.is_empty() {
        if g.is_some() {
            o.push('\n');
        }
        table(rows, lang, o);
    } else if g.is_some() {
        // Nothing read: an empty table to fill in from the app, and what to attach.
        o.push('\n');
        table(rows, lang, o);
        o.push_str(tr(
            lang,
            "| [fill in from the app: Wallet → Transaction History] |\n\n_Attach screenshots of the app's history for this period._\n",
            "| ［アプリの ウォレット → 取引履歴 から記入］ |\n\n_この期間のアプリの履歴のスクリーンショットを添付してください。_\n",
        ));
    } else {
        o.push_str(tr(
            lang,
            "None in this period.\n",
            "この期間にはありません。\n",
        ));
    }
}

fn permissions_line(e: &Evidence, lang: Lang) -> String {
    let Some(p) = &e.api_key_permissions else {
        return tr(lang, "not read", "取得できず").into();
    };
    let on: Vec<&str> = p
        .iter()
        .filter(|(k, v)| {
            (k.starts_with("enable") || k.starts_with("permits")) && v.as_bool() == Some(true)
        })
        .map(|(k, _)| k.as_str())
        .collect();
    let ip = match p.get("ipRestrict").and_then(|v| v.as_bool()) {
        Some(true) => tr(lang, "restricted to trusted IPs", "IP制限あり"),
        Some(false) => tr(lang, "NOT restricted to trusted IPs", "IP制限なし"),
        None => tr(lang, "IP restriction unknown", "IP制限は不明"),
    };
    let perms = if on.is_empty() {
        tr(lang, "no permissions", "権限なし").to_string()
    } else {
        on.join(", ")
    };
    format!("{perms}; {ip}")
}

pub fn render(e: &Evidence, kind: Kind, lang: Lang) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "# {}: {}\n\n",
        tr(lang, "Support request", "お問い合わせ"),
        headline(kind, lang)
    ));
    let when = fmt_time(Some(e.generated_at), lang);
    o.push_str(&match lang {
        Lang::En => format!(
            "<!-- Draft written by {} on {when}. Read it, fill in the [brackets], remove what you do not want to send, then paste it into the support chat. -->\n\n",
            e.tool
        ),
        Lang::Ja => format!(
            "<!-- {} が {when} に作成した下書きです。内容を確認し、［　］の部分を記入し、送りたくない部分を削除してから、サポートチャットに貼り付けてください。 -->\n\n",
            e.tool
        ),
    });
    o.push_str(tr(
        lang,
        "> Do not add your password, 2FA or SMS codes, API secret or seed phrase. Binance support never asks for them.\n",
        "> パスワード、2段階認証・SMSのコード、APIシークレット、シードフレーズは書かないでください。Binanceのサポートがそれらを求めることはありません。\n",
    ));

    o.push_str(&format!(
        "\n## {}\n\n",
        tr(lang, "What happened", "発生した事象")
    ));
    o.push_str(tr(
        lang,
        "[In two or three sentences: what you noticed, when, and what you have already done — for example password changed, API keys deleted, account disabled.]\n\n",
        "［2〜3文で：何に気づいたか、いつか、すでに行った対応（パスワード変更、APIキー削除、アカウントの無効化など）］\n\n",
    ));
    let account = e.account.clone().unwrap_or_default();
    let uid = account.uid.map(|u| u.to_string()).unwrap_or_else(|| {
        tr(
            lang,
            "[your UID: Binance app → Profile]",
            "［UID：Binanceアプリ → プロフィール］",
        )
        .into()
    });
    o.push_str(&format!("- UID: {uid}\n"));
    o.push_str(&format!(
        "- {} {} – {}\n",
        tr(lang, "Period examined:", "確認した期間："),
        fmt_time(Some(e.period.since), lang),
        fmt_time(Some(e.period.until), lang)
    ));
    if let Some(s) = &account.status {
        o.push_str(&format!(
            "- {} {}\n",
            tr(
                lang,
                "Account status reported by Binance:",
                "Binanceが示すアカウント状態："
            ),
            // Binance's own words: quoted in a Japanese line.
            match lang {
                Lang::En => cell(s),
                Lang::Ja => format!("「{}」", cell(s)),
            }
        ));
    }
    let yes_no = |b: Option<bool>| match b {
        Some(true) => tr(lang, "yes", "可"),
        Some(false) => tr(lang, "no", "不可"),
        None => "-",
    };
    if account.can_trade.is_some() || account.can_withdraw.is_some() {
        o.push_str(&format!(
            "- {} {} / {} {} / {} {}\n",
            tr(lang, "Can trade:", "取引："),
            yes_no(account.can_trade),
            tr(lang, "can withdraw:", "出金："),
            yes_no(account.can_withdraw),
            tr(lang, "can deposit:", "入金："),
            yes_no(account.can_deposit)
        ));
    }
    if let Some(k) = &e.api_key {
        o.push_str(&format!(
            "- {} {k} — {}\n",
            tr(
                lang,
                "API key used to collect this (the tool only reads with it):",
                "この情報の取得に使ったAPIキー（本ツールは読み取りのみに使用）："
            ),
            permissions_line(e, lang)
        ));
    }
    let flagged: Vec<&Withdrawal> = e.withdrawals.iter().filter(|w| unapproved(w)).collect();
    if !e.withdrawals.is_empty() {
        let first = e.withdrawals.iter().filter_map(|w| w.apply_time).min();
        o.push_str(&match lang {
            Lang::En => format!(
                "- Withdrawals in this period: {}, of which {} to an address that is not whitelisted; first at {}\n",
                e.withdrawals.len(),
                flagged.len(),
                fmt_time(first, lang)
            ),
            Lang::Ja => format!(
                "- この期間の出金：{}件（うちホワイトリスト外のアドレスへの出金 {}件）、最初の出金 {}\n",
                e.withdrawals.len(),
                flagged.len(),
                fmt_time(first, lang)
            ),
        });
    }
    if !e.symbols.is_empty() {
        o.push_str(&format!(
            "- {} {}\n",
            tr(lang, "Trading pairs examined:", "確認した通貨ペア："),
            e.symbols.join(", ")
        ));
    }

    section(
        &mut o,
        e,
        "withdrawals",
        tr(lang, "Withdrawals", "出金").into(),
        &e.withdrawals,
        lang,
        withdrawals_table,
    );
    if !flagged.is_empty() {
        o.push_str(&format!(
            "\n{}\n",
            tr(
                lang,
                "⚠ marks a withdrawal to an address that was not on my withdrawal whitelist.",
                "⚠ は、出金ホワイトリストに登録されていないアドレスへの出金を示します。"
            )
        ));
    }
    section(
        &mut o,
        e,
        "deposits",
        tr(lang, "Deposits", "入金").into(),
        &e.deposits,
        lang,
        deposits_table,
    );
    if !e.symbols.is_empty() {
        section(
            &mut o,
            e,
            "orders",
            tr(lang, "Orders", "注文").into(),
            &e.orders,
            lang,
            orders_table,
        );
        section(
            &mut o,
            e,
            "trades",
            tr(lang, "Trades", "約定").into(),
            &e.trades,
            lang,
            trades_table,
        );
    }
    section(
        &mut o,
        e,
        "open-orders",
        tr(
            lang,
            "Open orders at the time of writing",
            "作成時点のオープンオーダー",
        )
        .into(),
        &e.open_orders,
        lang,
        orders_table,
    );

    o.push_str(&format!(
        "\n## {}\n\n",
        tr(lang, "What I am asking for", "お願いしたいこと")
    ));
    for (i, r) in requests(kind, lang).iter().enumerate() {
        o.push_str(&format!("{}. {r}\n", i + 1));
    }
    o.push_str(&format!(
        "\n{}\n",
        tr(
            lang,
            "The full data is attached as evidence.json (collected read-only through the Binance API).",
            "すべてのデータは evidence.json として添付します（Binance APIから読み取り専用で取得）。"
        )
    ));
    o
}
