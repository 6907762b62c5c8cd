//! The audit's view of address poisoning: look-alike pairs inside the
//! address book, and past withdrawals that went to a look-alike of a saved
//! address or of an earlier destination. Each finding names both addresses
//! in full (addresses are not secrets, and a shortened one is exactly what
//! poisoning exploits) and the dates known. Findings are values; their
//! sentence (`Lookalike::msg`) is made in the report's language at the edge.

use super::index::{Known, KnownIndex, Origin};
use crate::i18n::Msg;
use crate::msg;

/// At most this many findings per fact: enough to act on, bounded for a report.
pub const MAX_ITEMS: usize = 50;

/// One look-alike finding.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookalike {
    /// Two address-book entries that share their ends.
    BookPair {
        first: Known,
        second: Known,
        prefix: usize,
        suffix: usize,
    },
    /// A withdrawal to a look-alike of a book entry or of an earlier
    /// destination (`imitated`).
    Withdrawal {
        sent: Known,
        imitated: Known,
        prefix: usize,
        suffix: usize,
    },
}

impl Lookalike {
    /// The two addresses, whole, with where they differ.
    pub fn pair(&self) -> super::diff::Pair {
        use super::diff::Role;
        let (a, b, roles) = match self {
            Lookalike::BookPair { first, second, .. } => (first, second, [Role::Saved; 2]),
            Lookalike::Withdrawal { sent, imitated, .. } => {
                let whom = match imitated.origin {
                    Origin::AddressBook { .. } => Role::Saved,
                    _ => Role::Earlier,
                };
                (sent, imitated, [Role::Sent, whom])
            }
        };
        super::diff::Pair::new(&a.address, &b.address, a.parsed.family.case_insensitive())
            .with_roles(roles, [&a.label, &b.label])
    }

    /// The fact item: the evidence sentence (`text`, made by the caller in
    /// the report's language), the pair for every output to mark, and an
    /// `item` key of the two addresses that identifies the finding across
    /// runs and languages.
    pub fn fact(&self) -> serde_json::Value {
        let pair = self.pair();
        let mut v = pair.to_json();
        if let Some(m) = v.as_object_mut() {
            m.insert(
                "item".into(),
                format!("{}|{}", pair.first, pair.second).into(),
            );
            // The sentence as data: the report says it in its language.
            m.insert("text".into(), serde_json::json!(self.msg()));
        }
        v
    }

    /// The evidence line.
    pub fn msg(&self) -> Msg {
        match self {
            Lookalike::BookPair {
                first,
                second,
                prefix,
                suffix,
            } => msg!(
                "address-evidence-book-pair",
                first = describe(first),
                second = describe(second),
                same = different_middle(*prefix, *suffix)
            ),
            Lookalike::Withdrawal {
                sent,
                imitated,
                prefix,
                suffix,
            } => {
                let whom = match imitated.origin {
                    Origin::AddressBook { .. } => describe(imitated),
                    _ => msg!("address-evidence-earlier", whom = describe(imitated)),
                };
                msg!(
                    "address-evidence-withdrawal",
                    sent = describe(sent),
                    whom = whom,
                    same = different_middle(*prefix, *suffix)
                )
            }
        }
    }
}

fn describe(k: &Known) -> Msg {
    // A label is the user's own text: quoted, as Japanese quotes outside text.
    let label = if k.label.is_empty() {
        Msg::verbatim("")
    } else {
        msg!("address-evidence-label", label = &k.label)
    };
    let net = k.network.as_deref().unwrap_or("?");
    let a = k.address.as_str();
    match &k.origin {
        Origin::AddressBook { .. } => msg!(
            "address-evidence-book-entry",
            label = label,
            address = a,
            network = net
        ),
        Origin::Withdrawal { time, amount, coin } => msg!(
            "address-evidence-sent",
            address = a,
            network = net,
            amount = amount,
            coin = coin,
            date = date(time)
        ),
        Origin::KnownFile { line } => msg!(
            "address-evidence-known-line",
            label = label,
            address = a,
            line = *line
        ),
    }
}

/// RFC 3339 UTC: JSON keeps it; the text and Markdown views say it in the
/// reader's zone (`localtime::localize`), as the ticket does.
fn date(t: &Option<chrono::DateTime<chrono::Utc>>) -> Msg {
    match t {
        Some(t) => Msg::verbatim(t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        None => msg!("address-evidence-unknown-date"),
    }
}

fn different_middle(pre: usize, suf: usize) -> Msg {
    msg!("address-evidence-same-ends", prefix = pre, suffix = suf)
}

/// Address-book entries that are look-alikes of each other.
pub fn book_lookalikes(book: &[Known]) -> Vec<Lookalike> {
    let ix = KnownIndex::from_entries(book.to_vec());
    let mut out: Vec<Lookalike> = ix
        .lookalike_pairs(|_| true)
        .into_iter()
        .filter_map(|(a, b, prefix, suffix)| {
            Some(Lookalike::BookPair {
                first: ix.get(a)?.clone(),
                second: ix.get(b)?.clone(),
                prefix,
                suffix,
            })
        })
        .collect();
    out.truncate(MAX_ITEMS);
    out
}

/// Withdrawals, oldest first, each compared with the address book and with
/// the destinations before it. A destination already used before is not
/// reported again; the first withdrawal to a look-alike is.
pub fn history_lookalikes(book: &[Known], sent: &[Known]) -> Vec<Lookalike> {
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
            out.push(Lookalike::Withdrawal {
                sent: w.clone(),
                imitated: target.clone(),
                prefix: im.prefix,
                suffix: im.suffix,
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
    use crate::i18n::Lang;

    fn lines(found: Vec<Lookalike>, lang: Lang) -> Vec<String> {
        found.iter().map(|l| l.msg().render(lang)).collect()
    }
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
        let out = lines(
            book_lookalikes(&[book(&a, "mine"), book(&b, "also mine?"), book(&c, "other")]),
            Lang::En,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].contains(&a) && out[0].contains(&b), "{}", out[0]);
        assert!(out[0].contains("\"also mine?\""));
        assert!(book_lookalikes(&[book(&a, "x"), book(&c, "y")]).is_empty());
    }

    #[test]
    fn poisoned_withdrawal_after_genuine_ones() {
        let genuine = evm("1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5678");
        let poison = evm("1234ffffffffffffffffffffffffffffffff5678");
        let other = evm("9999cccccccccccccccccccccccccccccccc0000");
        // Not in the book: the earlier destination is what is imitated.
        let out = lines(
            history_lookalikes(
                &[book(&other, "friend")],
                &[sent(&poison, 9), sent(&genuine, 1), sent(&genuine, 12)],
            ),
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
        let out = lines(
            history_lookalikes(&[book(&genuine, "cold")], &[sent(&poison, 3)]),
            Lang::En,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].contains("address-book entry \"cold\""), "{}", out[0]);
        // Only genuine withdrawals: nothing.
        assert!(history_lookalikes(&[book(&genuine, "cold")], &[sent(&genuine, 3)]).is_empty());
    }

    #[test]
    fn evidence_reads_in_japanese() {
        let genuine = evm("1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa5678");
        let poison = evm("1234ffffffffffffffffffffffffffffffff5678");
        let out = lines(
            history_lookalikes(&[book(&genuine, "cold")], &[sent(&poison, 3)]),
            Lang::Ja,
        );
        assert_eq!(out.len(), 1);
        assert!(
            out[0].starts_with(&format!(
                "出金先 {poison}（ETH、2026-11-03T03:00:00Zに100 USDTを送金）"
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
        let out = lines(
            book_lookalikes(&[book(&genuine, "a"), book(&other, "b")]),
            Lang::Ja,
        );
        assert!(
            out[0].contains(" ≈ ") && out[0].contains("途中が異なります"),
            "{out:?}"
        );
        assert!(crate::i18n::english_runs(&out[0]).is_empty(), "{}", out[0]);
    }
}
