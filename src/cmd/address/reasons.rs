//! What each verdict says: who a matching address belongs to, and the reasons,
//! as sentences not yet made (`Msg`, from the `address-` catalogue section).

use super::{Item, Kind, SourceState, Sources};
use crate::address::{self, FormatCheck, Known, KnownIndex, Origin, Parsed, Verdict};
use crate::cli::AddressArgs;
use crate::i18n::Msg;
use crate::msg;

pub(super) fn who(k: &Known) -> Msg {
    let net = k.network.as_deref().unwrap_or("?");
    let label = if k.label.is_empty() {
        Msg::verbatim("")
    } else {
        msg!("address-who-label", label = &k.label)
    };
    match &k.origin {
        Origin::AddressBook {
            coin, whitelisted, ..
        } => {
            let whitelist = match whitelisted {
                Some(true) => msg!("address-whitelisted"),
                Some(false) => msg!("address-not-whitelisted"),
                None => msg!("address-whitelist-unknown"),
            };
            msg!(
                "address-who-book",
                label = label,
                network = net,
                coin = coin,
                whitelist = whitelist
            )
        }
        Origin::Withdrawal { time, amount, coin } => {
            let when = time
                .map(|t| {
                    crate::localtime::for_reader(
                        crate::localtime::from_chrono(t),
                        &crate::localtime::reader_zone(),
                    )
                })
                .unwrap_or_else(|| "?".into());
            msg!(
                "address-who-sent",
                when = when,
                amount = amount,
                coin = coin,
                network = net
            )
        }
        Origin::KnownFile { line } => msg!("address-who-known-line", label = label, line = *line),
    }
}

/// The records worth showing for one address: the book entry and known-file
/// lines, then the latest withdrawal and how many there were.
pub(super) fn summarise(entries: &[usize], index: &KnownIndex) -> Vec<Msg> {
    let mut out = Vec::new();
    let mut sent: Vec<&Known> = Vec::new();
    for &i in entries {
        let Some(k) = index.get(i) else { continue };
        match k.origin {
            Origin::Withdrawal { .. } => sent.push(k),
            _ => out.push(who(k)),
        }
    }
    sent.sort_by_key(|k| match &k.origin {
        Origin::Withdrawal { time, .. } => *time,
        _ => None,
    });
    if let Some(last) = sent.last() {
        let t = who(last);
        out.push(if sent.len() > 1 {
            msg!("address-who-latest", who = t, n = sent.len())
        } else {
            t
        });
    }
    out
}

pub(super) fn reasons(
    item: &Item,
    index: &KnownIndex,
    args: &AddressArgs,
    sources: &Sources,
) -> Vec<Msg> {
    let p = &item.parsed;
    let mut r = Vec::new();
    match &item.verdict {
        Verdict::Invalid => {
            if let FormatCheck::Invalid { reason } = &p.format {
                r.push(msg!("address-reason-invalid", reason = reason));
            }
        }
        Verdict::LookAlike {
            imitates,
            also_known,
        } => {
            if let Some(im) = imitates.first() {
                let fixed = if p.fixed > 0 {
                    msg!(
                        "address-after-fixed",
                        fixed = &p.canonical[..p.fixed.min(p.canonical.len())]
                    )
                } else {
                    Msg::verbatim("")
                };
                r.push(msg!(
                    "address-reason-lookalike",
                    prefix = im.prefix,
                    suffix = im.suffix,
                    fixed = fixed
                ));
            }
            if !also_known.is_empty() {
                r.push(msg!("address-reason-sent-to-lookalike"));
            }
        }
        Verdict::Known { matches, resembles } => {
            r.push(msg!("address-reason-known"));
            if !resembles.is_empty() {
                r.push(msg!("address-reason-known-resembles"));
            }
            if let Some(n) = &p.network {
                let other: Vec<String> = matches
                    .iter()
                    .filter_map(|&i| index.get(i))
                    .filter_map(|k| k.network.clone())
                    .filter(|kn| !kn.eq_ignore_ascii_case(n))
                    .collect();
                if !other.is_empty()
                    && matches.iter().all(|&i| {
                        index
                            .get(i)
                            .and_then(|k| k.network.as_deref())
                            .is_none_or(|kn| !kn.eq_ignore_ascii_case(n))
                    })
                {
                    r.push(msg!(
                        "address-reason-other-network",
                        recorded = &other[0],
                        network = n
                    ));
                }
            }
        }
        Verdict::New if item.kind == Kind::NotCompared => {
            // A failure is already in the reader's language (see read_binance).
            let why = match (&sources.address_book, &sources.known_files) {
                (SourceState::Skipped { reason }, _) => super::render::skipped(reason),
                (SourceState::Failed { reason }, _) => Msg::verbatim(reason),
                _ => Msg::verbatim(""),
            };
            r.push(msg!("address-reason-not-compared", why = why));
        }
        Verdict::New => {
            r.push(msg!("address-reason-new", n = index.len()));
        }
    }
    if item.memo_missing {
        let net = p
            .network
            .clone()
            .unwrap_or_else(|| p.family.name().to_string());
        r.push(msg!("address-reason-memo-missing", network = net));
    }
    if let Some(coin) = &args.coin
        && let Verdict::Known { matches, .. } = &item.verdict
    {
        let coins: Vec<String> = matches
            .iter()
            .filter_map(|&i| index.get(i))
            .filter_map(|k| match &k.origin {
                Origin::AddressBook { coin, .. } | Origin::Withdrawal { coin, .. } => {
                    Some(coin.clone())
                }
                Origin::KnownFile { .. } => None,
            })
            .filter(|c| !c.is_empty())
            .collect();
        if !coins.is_empty() && !coins.iter().any(|c| c.eq_ignore_ascii_case(coin.trim())) {
            let coin = address::escape(coin.trim(), 16);
            r.push(msg!(
                "address-reason-other-coin",
                recorded = &coins[0],
                coin = coin
            ));
        }
    }
    r
}

pub(super) fn format_text(f: &FormatCheck) -> Msg {
    match f {
        FormatCheck::Valid {
            scheme,
            checksum,
            note,
        } => {
            let t = if *checksum {
                msg!("address-format-checksum-valid", scheme = *scheme)
            } else {
                msg!("address-format-valid", scheme = *scheme)
            };
            match note {
                Some(n) => msg!("address-format-with-note", format = t, note = n),
                None => t,
            }
        }
        FormatCheck::Invalid { reason } => reason.clone(),
        FormatCheck::NotChecked { reason } => reason.clone(),
    }
}

pub(super) fn network_text(p: &Parsed) -> Msg {
    match (&p.network, p.family) {
        (Some(n), address::Family::Other) => Msg::verbatim(n),
        (Some(n), f) if n != f.name() => {
            msg!("address-network-family", network = n, family = f.name())
        }
        (Some(n), _) => Msg::verbatim(n),
        (None, address::Family::Other) => msg!("address-network-unknown"),
        (None, f) => msg!("address-network-inferred", family = f.name()),
    }
}
