//! The support-ticket draft: the collected evidence laid out the way support
//! reads it — what happened, when, which assets and amounts, order IDs,
//! txIds — with gaps for the user to fill in and nothing secret.

use chrono::{DateTime, Utc};

use super::evidence::{Deposit, Evidence, Order, Trade, Withdrawal};
use super::playbook::Kind;
use crate::collect::CheckState;
use crate::i18n::Lang;
use crate::t;

/// A time as the user reads it and support asks for it: in this machine's
/// zone, with the zone named (`2026-11-21 01:30:00 JST`). The ticket is
/// read by the user first; the zone's name keeps it unambiguous for support.
pub fn fmt_time(t: Option<DateTime<Utc>>) -> String {
    fmt_time_in(t, &crate::localtime::reader_zone())
}

fn fmt_time_in(t: Option<DateTime<Utc>>, zone: &jiff::tz::TimeZone) -> String {
    match t {
        Some(t) => crate::localtime::for_reader_seconds(crate::localtime::from_chrono(t), zone),
        None => "-".into(),
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

fn headline(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::Breach => t!(lang, "incident-ticket-headline-breach"),
        Kind::Outage => t!(lang, "incident-ticket-headline-outage"),
        Kind::Account => t!(lang, "incident-ticket-headline-account"),
        Kind::Trade => t!(lang, "incident-ticket-headline-trade"),
        Kind::Support => t!(lang, "incident-ticket-headline-support"),
    }
}

fn requests(kind: Kind, lang: Lang) -> Vec<String> {
    match kind {
        Kind::Breach => vec![
            t!(lang, "incident-ticket-request-breach-lock"),
            t!(lang, "incident-ticket-request-breach-investigate"),
            t!(lang, "incident-ticket-request-breach-access"),
        ],
        Kind::Outage => vec![
            t!(lang, "incident-ticket-request-outage-cause"),
            t!(lang, "incident-ticket-request-outage-settle"),
        ],
        Kind::Account => vec![t!(lang, "incident-ticket-request-account-lift")],
        Kind::Trade => vec![
            t!(lang, "incident-ticket-request-trade-review"),
            t!(lang, "incident-ticket-request-trade-correct"),
        ],
        Kind::Support => vec![t!(lang, "incident-ticket-request-support")],
    }
}

fn destination(w: &Withdrawal, lang: Lang) -> String {
    let label = w
        .address_label
        .as_ref()
        .map(|l| format!(" \"{}\"", cell(l)))
        .unwrap_or_default();
    match (w.in_address_book, w.whitelisted) {
        (None, _) => t!(lang, "incident-ticket-book-unknown"),
        (Some(false), _) => t!(lang, "incident-ticket-book-missing"),
        (Some(true), Some(true)) => t!(lang, "incident-ticket-book-whitelisted", label = label),
        (Some(true), _) => t!(lang, "incident-ticket-book-not-whitelisted", label = label),
    }
}

/// Withdrawals that went somewhere the user did not approve in advance.
pub fn unapproved(w: &Withdrawal) -> bool {
    w.in_address_book == Some(false) || w.whitelisted == Some(false)
}

fn withdrawals_table(ws: &[Withdrawal], lang: Lang, o: &mut String) {
    o.push_str(&t!(lang, "incident-ticket-withdrawals-head"));
    o.push('\n');
    o.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    for (i, w) in ws.iter().enumerate() {
        let addr = if w.address_tag.is_empty() {
            cell(&w.address)
        } else {
            t!(
                lang,
                "incident-ticket-address-tag",
                address = cell(&w.address),
                tag = cell(&w.address_tag)
            )
        };
        let status = if w.info.is_empty() {
            w.status_text.clone()
        } else {
            format!("{} ({})", w.status_text, cell(&w.info))
        };
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            i + 1,
            fmt_time(w.apply_time),
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
    o.push_str(&t!(lang, "incident-ticket-deposits-head"));
    o.push('\n');
    o.push_str("|---|---|---|---|---|---|---|---|\n");
    for (i, d) in ds.iter().enumerate() {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            i + 1,
            fmt_time(d.time),
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
    o.push_str(&t!(lang, "incident-ticket-orders-head"));
    o.push('\n');
    o.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    for x in os {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            fmt_time(x.time),
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
    o.push_str(&t!(lang, "incident-ticket-trades-head"));
    o.push('\n');
    o.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for x in ts {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} {} |\n",
            fmt_time(x.time),
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
            "_{}_\n",
            t!(lang, "incident-ticket-not-collected", detail = &c.detail)
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
        o.push_str(&format!(
            "| {} |\n\n_{}_\n",
            t!(lang, "incident-ticket-fill-in"),
            t!(lang, "incident-ticket-attach-screenshots")
        ));
    } else {
        o.push_str(&t!(lang, "incident-ticket-none"));
        o.push('\n');
    }
}

fn permissions_line(e: &Evidence, lang: Lang) -> String {
    let Some(p) = &e.api_key_permissions else {
        return t!(lang, "incident-ticket-permissions-not-read");
    };
    let on: Vec<&str> = p
        .iter()
        .filter(|(k, v)| {
            (k.starts_with("enable") || k.starts_with("permits")) && v.as_bool() == Some(true)
        })
        .map(|(k, _)| k.as_str())
        .collect();
    let ip = match p.get("ipRestrict").and_then(|v| v.as_bool()) {
        Some(true) => t!(lang, "incident-ticket-ip-restricted"),
        Some(false) => t!(lang, "incident-ticket-ip-not-restricted"),
        None => t!(lang, "incident-ticket-ip-unknown"),
    };
    let perms = if on.is_empty() {
        t!(lang, "incident-ticket-no-permissions")
    } else {
        on.join(", ")
    };
    t!(
        lang,
        "incident-ticket-permissions",
        permissions = perms,
        ip = ip
    )
}

pub fn render(e: &Evidence, kind: Kind, lang: Lang) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "# {}\n\n",
        t!(
            lang,
            "incident-ticket-title",
            headline = headline(kind, lang)
        )
    ));
    let when = fmt_time(Some(e.generated_at));
    o.push_str(&format!(
        "<!-- {} -->\n\n",
        t!(
            lang,
            "incident-ticket-draft-note",
            tool = &e.tool,
            when = when
        )
    ));
    o.push_str(&format!("> {}\n", t!(lang, "incident-ticket-no-secrets")));

    o.push_str(&format!(
        "\n## {}\n\n",
        t!(lang, "incident-ticket-what-happened")
    ));
    o.push_str(&format!(
        "{}\n\n",
        t!(lang, "incident-ticket-what-happened-fill")
    ));
    let account = e.account.clone().unwrap_or_default();
    let uid = account
        .uid
        .map(|u| u.to_string())
        .unwrap_or_else(|| t!(lang, "incident-ticket-uid-fill"));
    o.push_str(&format!(
        "- {}\n",
        t!(lang, "incident-ticket-uid", uid = uid)
    ));
    o.push_str(&format!(
        "- {}\n",
        t!(
            lang,
            "incident-ticket-period",
            since = fmt_time(Some(e.period.since)),
            until = fmt_time(Some(e.period.until))
        )
    ));
    if let Some(s) = &account.status {
        // Binance's own words: the catalogue quotes them where a language does.
        o.push_str(&format!(
            "- {}\n",
            t!(lang, "incident-ticket-account-status", status = cell(s))
        ));
    }
    let yes_no = |b: Option<bool>| match b {
        Some(true) => t!(lang, "incident-ticket-yes"),
        Some(false) => t!(lang, "incident-ticket-no"),
        None => "-".to_string(),
    };
    if account.can_trade.is_some() || account.can_withdraw.is_some() {
        o.push_str(&format!(
            "- {}\n",
            t!(
                lang,
                "incident-ticket-can",
                trade = yes_no(account.can_trade),
                withdraw = yes_no(account.can_withdraw),
                deposit = yes_no(account.can_deposit)
            )
        ));
    }
    if let Some(k) = &e.api_key {
        o.push_str(&format!(
            "- {}\n",
            t!(
                lang,
                "incident-ticket-api-key",
                key = k,
                permissions = permissions_line(e, lang)
            )
        ));
    }
    let flagged: Vec<&Withdrawal> = e.withdrawals.iter().filter(|w| unapproved(w)).collect();
    if !e.withdrawals.is_empty() {
        let first = e.withdrawals.iter().filter_map(|w| w.apply_time).min();
        o.push_str(&format!(
            "- {}\n",
            t!(
                lang,
                "incident-ticket-withdrawal-count",
                count = e.withdrawals.len(),
                flagged = flagged.len(),
                first = fmt_time(first)
            )
        ));
    }
    if !e.symbols.is_empty() {
        o.push_str(&format!(
            "- {}\n",
            t!(
                lang,
                "incident-ticket-symbols",
                symbols = e.symbols.join(", ")
            )
        ));
    }

    section(
        &mut o,
        e,
        "withdrawals",
        t!(lang, "incident-ticket-withdrawals"),
        &e.withdrawals,
        lang,
        withdrawals_table,
    );
    if !flagged.is_empty() {
        o.push_str(&format!("\n{}\n", t!(lang, "incident-ticket-flag-note")));
    }
    section(
        &mut o,
        e,
        "deposits",
        t!(lang, "incident-ticket-deposits"),
        &e.deposits,
        lang,
        deposits_table,
    );
    if !e.symbols.is_empty() {
        section(
            &mut o,
            e,
            "orders",
            t!(lang, "incident-ticket-orders"),
            &e.orders,
            lang,
            orders_table,
        );
        section(
            &mut o,
            e,
            "trades",
            t!(lang, "incident-ticket-trades"),
            &e.trades,
            lang,
            trades_table,
        );
    }
    section(
        &mut o,
        e,
        "open-orders",
        t!(lang, "incident-ticket-open-orders"),
        &e.open_orders,
        lang,
        orders_table,
    );

    o.push_str(&format!("\n## {}\n\n", t!(lang, "incident-ticket-asking")));
    for (i, r) in requests(kind, lang).iter().enumerate() {
        o.push_str(&format!("{}. {r}\n", i + 1));
    }
    o.push_str(&format!("\n{}\n", t!(lang, "incident-ticket-attached")));
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_follow_the_machine_zone_not_the_language() {
        let t = DateTime::parse_from_rfc3339("2026-11-20T16:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        // The zone is the machine's, not the language's (issue 22).
        let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
        assert_eq!(
            fmt_time_in(Some(t), &jiff::tz::TimeZone::UTC),
            "2026-11-20 16:30:00 UTC"
        );
        assert_eq!(fmt_time_in(Some(t), &tokyo), "2026-11-21 01:30:00 JST");
        assert_eq!(fmt_time_in(None, &tokyo), "-");
    }
}
