//! The audit's view of address poisoning: look-alike pairs inside the
//! address book, and past withdrawals that went to a look-alike of a saved
//! address or of an earlier destination. Each finding is one line of
//! evidence naming both addresses in full (addresses are not secrets, and a
//! shortened one is exactly what poisoning exploits) and the dates known.
//! The lines are a report's evidence, so they are made in its language.

use super::index::{Known, KnownIndex, Origin};
use crate::i18n::Lang;

/// At most this many lines per fact: enough to act on, bounded for a report.
pub const MAX_ITEMS: usize = 50;

fn describe(k: &Known, lang: Lang) -> String {
    // A label is the user's own text: quoted, as Japanese quotes outside text.
    let label = match (k.label.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::En) => format!("\"{}\" ", k.label),
        (false, Lang::Ja) => format!("「{}」", k.label),
    };
    let net = k.network.as_deref().unwrap_or("?");
    let a = &k.address;
    match (&k.origin, lang) {
        (Origin::AddressBook { .. }, Lang::En) => format!("address-book entry {label}{a} ({net})"),
        (Origin::AddressBook { .. }, Lang::Ja) => format!("出金アドレス帳の{label}{a}（{net}）"),
        (Origin::Withdrawal { time, amount, coin }, Lang::En) => {
            format!("{a} ({net}), sent {amount} {coin} on {}", date(time, lang))
        }
        (Origin::Withdrawal { time, amount, coin }, Lang::Ja) => {
            format!("{a}（{net}、{}に{amount} {coin}を送金）", date(time, lang))
        }
        (Origin::KnownFile { line }, Lang::En) => format!("{label}{a} (known file line {line})"),
        (Origin::KnownFile { line }, Lang::Ja) => {
            format!("{label}{a}（--known ファイルの{line}行目）")
        }
    }
}

fn date(t: &Option<chrono::DateTime<chrono::Utc>>, lang: Lang) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| crate::i18n::tr(lang, "an unknown date", "日付不明の日").into())
}

fn different_middle(pre: usize, suf: usize, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("same first {pre} and last {suf} characters, different in the middle")
        }
        Lang::Ja => format!("先頭{pre}文字と末尾{suf}文字が同じで、途中が異なります"),
    }
}

/// Address-book entries that are look-alikes of each other.
pub fn book_lookalikes(book: &[Known], lang: Lang) -> Vec<String> {
    let ix = KnownIndex::from_entries(book.to_vec());
    let mut out: Vec<String> = ix
        .lookalike_pairs(|_| true)
        .into_iter()
        .filter_map(|(a, b, pre, suf)| {
            let (a, b) = (ix.get(a)?, ix.get(b)?);
            Some(format!(
                "{} ≈ {}: {}",
                describe(a, lang),
                describe(b, lang),
                different_middle(pre, suf, lang)
            ))
        })
        .collect();
    out.truncate(MAX_ITEMS);
    out
}

/// Withdrawals, oldest first, each compared with the address book and with
/// the destinations before it. A destination already used before is not
/// reported again; the first withdrawal to a look-alike is.
pub fn history_lookalikes(book: &[Known], sent: &[Known], lang: Lang) -> Vec<String> {
    let mut ix = KnownIndex::from_entries(book.to_vec());
    let mut order: Vec<&Known> = sent.iter().collect();
    let time = |k: &Known| match &k.origin {
        Origin::Withdrawal { time, .. } => *time,
        _ => None,
    };
    // Undated records last: "earlier" needs a date.
    order.sort_by_key(|k| (time(k).is_none(), time(k)));
    let mut out = Vec::new();
    for w in order {
        let seen_before = ix.exact(&w.parsed).iter().any(|&i| {
            ix.get(i)
                .is_some_and(|k| matches!(k.origin, Origin::Withdrawal { .. }))
        });
        if !seen_before
            && !w.parsed.format.is_invalid()
            && let Some(im) = ix.lookalikes(&w.parsed).first()
            && let Some(target) = im.entries.first().and_then(|&i| ix.get(i))
        {
            let whom = match (&target.origin, lang) {
                (Origin::AddressBook { .. }, _) => describe(target, lang),
                (_, Lang::En) => format!("earlier destination {}", describe(target, lang)),
                (_, Lang::Ja) => format!("以前の送金先 {}", describe(target, lang)),
            };
            let same = different_middle(im.prefix, im.suffix, lang);
            out.push(match lang {
                Lang::En => format!(
                    "withdrawal to {} looks like {whom}: {same}",
                    describe(w, lang)
                ),
                Lang::Ja => format!(
                    "出金先 {} は {whom} に似ています: {same}",
                    describe(w, lang)
                ),
            });
        }
        ix.insert(w.clone());
    }
    out.truncate(MAX_ITEMS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::format::eip55;
    use chrono::TimeZone;

    fn evm(body: &str) -> String {
        format!("0x{}", eip55(body))
    }

    fn book(a: &str, label: &str) -> Known {
        Known::new(
            a,
            Some("ETH"),
            label,
            Origin::AddressBook {
                coin: "USDT".into(),
                whitelisted: Some(true),
                tag: String::new(),
            },
        )
    }

    fn sent(a: &str, day: u32) -> Known {
        Known::new(
            a,
            Some("ETH"),
            "",
            Origin::Withdrawal {
                time: chrono::Utc
                    .with_ymd_and_hms(2026, 11, day, 3, 0, 0)
                    .single(),
                amount: "100".into(),
                coin: "USDT".into(),
            },
        )
    }

    #[test]
    fn book_pairs() {
        let a = evm("1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5678");
        let b = evm("1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb5678");
        let c = evm("9999cccccccccccccccccccccccccccccccc0000");
        let out = book_lookalikes(
            &[book(&a, "mine"), book(&b, "also mine?"), book(&c, "other")],
            Lang::En,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].contains(&a) && out[0].contains(&b), "{}", out[0]);
        assert!(out[0].contains("\"also mine?\""));
        assert!(book_lookalikes(&[book(&a, "x"), book(&c, "y")], Lang::En).is_empty());
    }

    #[test]
    fn poisoned_withdrawal_after_genuine_ones() {
        let genuine = evm("1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5678");
        let poison = evm("1234ffffffffffffffffffffffffffffffff5678");
        let other = evm("9999cccccccccccccccccccccccccccccccc0000");
        // Not in the book: the earlier destination is what is imitated.
        let out = history_lookalikes(
            &[book(&other, "friend")],
            &[sent(&poison, 9), sent(&genuine, 1), sent(&genuine, 12)],
            Lang::En,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].starts_with(&format!("withdrawal to {poison}")),
            "{}",
            out[0]
        );
        assert!(
            out[0].contains("2026-11-09") && out[0].contains("2026-11-01"),
            "{}",
            out[0]
        );
        assert!(out[0].contains("earlier destination"));
        // In the book: the book entry is what is imitated.
        let out = history_lookalikes(&[book(&genuine, "cold")], &[sent(&poison, 3)], Lang::En);
        assert_eq!(out.len(), 1);
        assert!(out[0].contains("address-book entry \"cold\""), "{}", out[0]);
        // Only genuine withdrawals: nothing.
        assert!(
            history_lookalikes(&[book(&genuine, "cold")], &[sent(&genuine, 3)], Lang::En)
                .is_empty()
        );
    }

    #[test]
    fn evidence_reads_in_japanese() {
        let genuine = evm("1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5678");
        let poison = evm("1234ffffffffffffffffffffffffffffffff5678");
        let out = history_lookalikes(&[book(&genuine, "cold")], &[sent(&poison, 3)], Lang::Ja);
        assert_eq!(out.len(), 1);
        assert!(
            out[0].starts_with(&format!(
                "出金先 {poison}（ETH、2026-11-03 03:00 UTCに100 USDTを送金）"
            )),
            "{}",
            out[0]
        );
        assert!(
            out[0].contains(&format!("出金アドレス帳の「cold」{genuine}（ETH）")),
            "{}",
            out[0]
        );
        assert!(crate::i18n::english_runs(&out[0]).is_empty(), "{}", out[0]);
        let other = evm("1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb5678");
        let out = book_lookalikes(&[book(&genuine, "a"), book(&other, "b")], Lang::Ja);
        assert!(
            out[0].contains(" ≈ ") && out[0].contains("途中が異なります"),
            "{out:?}"
        );
        assert!(crate::i18n::english_runs(&out[0]).is_empty(), "{}", out[0]);
    }
}
