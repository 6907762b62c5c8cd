//! Known addresses, indexed so that a candidate is compared with only the
//! few known addresses sharing its first and last characters: one hash
//! lookup for "is it the same address" and one for "does it share its ends",
//! whatever the number of known addresses.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::format::{Family, Parsed, parse};

/// Characters at each end that a poisoned address copies, counted after the
/// network's fixed prefix. Wallets show about 4–6 at each end.
pub const MIN_END: usize = 4;

/// Where a known address comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum Origin {
    /// The withdrawal address book.
    AddressBook {
        coin: String,
        whitelisted: Option<bool>,
        tag: String,
    },
    /// A past withdrawal ("sent to before").
    Withdrawal {
        time: Option<DateTime<Utc>>,
        amount: String,
        coin: String,
    },
    /// A line of the `--known` file.
    KnownFile { line: usize },
}

impl Origin {
    pub fn rank(&self) -> u8 {
        match self {
            Origin::AddressBook { .. } => 0,
            Origin::KnownFile { .. } => 1,
            Origin::Withdrawal { .. } => 2,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Known {
    pub address: String,
    pub network: Option<String>,
    pub label: String,
    #[serde(flatten)]
    pub origin: Origin,
    #[serde(skip)]
    pub parsed: Parsed,
}

impl Known {
    pub fn new(address: &str, network: Option<&str>, label: &str, origin: Origin) -> Known {
        let network = network.map(str::trim).filter(|n| !n.is_empty());
        Known {
            address: address.trim().to_string(),
            network: network.map(str::to_string),
            label: label.to_string(),
            origin,
            parsed: parse(address, network),
        }
    }
}

/// A known address a candidate imitates: every known record of that address
/// (an address-book entry and the withdrawals to it), and how many characters
/// the two share at each end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imitation {
    pub entries: Vec<usize>,
    pub prefix: usize,
    pub suffix: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The same address as these known records. `resembles`: past
    /// destinations that look like it (only when the address itself is in
    /// the address book or a known file, which the user curates; the
    /// look-alike in the history is the suspect then, not this address).
    Known {
        matches: Vec<usize>,
        resembles: Vec<Imitation>,
    },
    /// Shares both ends with a different known address. `also_known` lists
    /// records of the candidate itself (a poisoned address already sent to).
    LookAlike {
        imitates: Vec<Imitation>,
        also_known: Vec<usize>,
    },
    /// Valid (or unchecked) and like no known address.
    New,
    /// Fails the network's format or checksum.
    Invalid,
}

#[derive(Default)]
pub struct KnownIndex {
    entries: Vec<Known>,
    exact: HashMap<(Family, String), Vec<usize>>,
    ends: HashMap<(Family, u64), Vec<usize>>,
}

/// The first and last `MIN_END` characters, folded to lower case, packed in
/// one integer. None when the body is too short to have a middle or is not
/// ASCII (no address scheme here uses other characters).
fn ends_key(body: &str) -> Option<u64> {
    let b = body.as_bytes();
    if b.len() <= 2 * MIN_END || !body.is_ascii() {
        return None;
    }
    let mut k: u64 = 0;
    for &c in b[..MIN_END].iter().chain(&b[b.len() - MIN_END..]) {
        k = (k << 8) | u64::from(c.to_ascii_lowercase());
    }
    Some(k)
}

/// Characters two bodies share at the start and at the end, ignoring case
/// (a case difference is invisible at a glance).
pub fn shared_ends(a: &str, b: &str) -> (usize, usize) {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let pre = a
        .iter()
        .zip(b)
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count();
    let max_suf = a.len().min(b.len()) - pre;
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suf)
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count();
    (pre, suf)
}

impl KnownIndex {
    pub fn new() -> KnownIndex {
        KnownIndex::default()
    }

    pub fn from_entries(entries: Vec<Known>) -> KnownIndex {
        let mut ix = KnownIndex::new();
        for e in entries {
            ix.insert(e);
        }
        ix
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[Known] {
        &self.entries
    }

    pub fn get(&self, i: usize) -> Option<&Known> {
        self.entries.get(i)
    }

    pub fn insert(&mut self, k: Known) -> usize {
        let i = self.entries.len();
        let fam = k.parsed.family;
        self.exact
            .entry((fam, k.parsed.canonical.clone()))
            .or_default()
            .push(i);
        if let Some(key) = ends_key(k.parsed.body()) {
            self.ends.entry((fam, key)).or_default().push(i);
        }
        self.entries.push(k);
        i
    }

    /// Known records of exactly this address.
    pub fn exact(&self, p: &Parsed) -> &[usize] {
        self.exact
            .get(&(p.family, p.canonical.clone()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Known addresses that share both ends with `p` but are not `p`,
    /// grouped by address, most shared characters first.
    pub fn lookalikes(&self, p: &Parsed) -> Vec<Imitation> {
        let Some(key) = ends_key(p.body()) else {
            return vec![];
        };
        let Some(bucket) = self.ends.get(&(p.family, key)) else {
            return vec![];
        };
        let mut out: Vec<(String, Imitation)> = Vec::new();
        for &i in bucket {
            let k = &self.entries[i];
            if k.parsed.canonical == p.canonical {
                continue;
            }
            if let Some((_, im)) = out.iter_mut().find(|(c, _)| *c == k.parsed.canonical) {
                im.entries.push(i);
                continue;
            }
            let (prefix, suffix) = shared_ends(p.body(), k.parsed.body());
            out.push((
                k.parsed.canonical.clone(),
                Imitation {
                    entries: vec![i],
                    prefix,
                    suffix,
                },
            ));
        }
        let mut out: Vec<Imitation> = out.into_iter().map(|(_, im)| im).collect();
        for im in &mut out {
            im.entries
                .sort_by_key(|&i| (self.entries[i].origin.rank(), i));
        }
        out.sort_by_key(|im| std::cmp::Reverse(im.prefix + im.suffix));
        out
    }

    pub fn check(&self, p: &Parsed) -> Verdict {
        if p.format.is_invalid() {
            return Verdict::Invalid;
        }
        let mut matches = self.exact(p).to_vec();
        matches.sort_by_key(|&i| (self.entries[i].origin.rank(), i));
        let mut imitates = self.lookalikes(p);
        let curated = |i: &usize| !matches!(self.entries[*i].origin, Origin::Withdrawal { .. });
        let mut resembles = Vec::new();
        if matches.iter().any(curated) {
            (imitates, resembles) = imitates
                .into_iter()
                .partition(|im| im.entries.iter().any(curated));
        }
        if !imitates.is_empty() {
            return Verdict::LookAlike {
                imitates,
                also_known: matches,
            };
        }
        if matches.is_empty() {
            Verdict::New
        } else {
            Verdict::Known { matches, resembles }
        }
    }

    /// Pairs of different known addresses that are look-alikes of each
    /// other, as (first record, second record, shared prefix, shared suffix).
    /// Only records accepted by `keep` take part.
    pub fn lookalike_pairs(
        &self,
        keep: impl Fn(&Known) -> bool,
    ) -> Vec<(usize, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut buckets: Vec<&Vec<usize>> = self.ends.values().collect();
        buckets.sort_by_key(|b| b.first().copied());
        for bucket in buckets {
            // One representative per distinct address.
            let mut reps: Vec<usize> = Vec::new();
            for &i in bucket {
                let k = &self.entries[i];
                if keep(k)
                    && !reps
                        .iter()
                        .any(|&r| self.entries[r].parsed.canonical == k.parsed.canonical)
                {
                    reps.push(i);
                }
            }
            for (n, &a) in reps.iter().enumerate() {
                for &b in &reps[n + 1..] {
                    let (pre, suf) =
                        shared_ends(self.entries[a].parsed.body(), self.entries[b].parsed.body());
                    out.push((a, b, pre, suf));
                }
            }
        }
        out
    }
}

/// Two addresses on aligned lines need a third that marks where they differ:
/// `^` under every character of the differing middle, after the shared ends.
pub fn middle_marker(
    fixed: usize,
    prefix: usize,
    suffix: usize,
    len_a: usize,
    len_b: usize,
) -> String {
    let len = len_a.max(len_b);
    let start = (fixed + prefix).min(len);
    let end = len.saturating_sub(suffix).max(start);
    format!("{}{}", " ".repeat(start), "^".repeat(end - start))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINE: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    fn book(a: &str, net: &str, label: &str) -> Known {
        Known::new(
            a,
            Some(net),
            label,
            Origin::AddressBook {
                coin: "USDT".into(),
                whitelisted: Some(true),
                tag: String::new(),
            },
        )
    }

    /// A valid EVM address with the given lowercase body.
    fn evm(body: &str) -> String {
        format!("0x{}", super::super::format::eip55(body))
    }

    #[test]
    fn same_ends_different_middle_is_a_lookalike() {
        let ix = KnownIndex::from_entries(vec![book(MINE, "ETH", "cold")]);
        // Same first 4 and last 4 after 0x, different middle.
        let fake = evm("5aae0000000000000000000000000000000beaed");
        let v = ix.check(&parse(&fake, Some("BSC")));
        let Verdict::LookAlike {
            imitates,
            also_known,
        } = v
        else {
            panic!("{v:?}")
        };
        assert!(also_known.is_empty());
        assert_eq!(imitates[0].entries, vec![0]);
        assert_eq!((imitates[0].prefix, imitates[0].suffix), (4, 5));
        // Three shared characters at the start are not enough.
        let near = evm("5aa00000000000000000000000000000000beaed");
        assert_eq!(ix.check(&parse(&near, None)), Verdict::New);
        // The same address, any case, is known.
        assert_eq!(
            ix.check(&parse(&MINE.to_ascii_lowercase(), Some("ETH"))),
            Verdict::Known {
                matches: vec![0],
                resembles: vec![]
            }
        );
        // A broken checksum is invalid, not known.
        assert_eq!(
            ix.check(&parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", None)),
            Verdict::Invalid
        );
    }

    #[test]
    fn families_do_not_mix_and_base58_is_case_sensitive() {
        let tron = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
        let ix = KnownIndex::from_entries(vec![book(tron, "TRX", "exchange")]);
        assert!(matches!(
            ix.check(&parse(tron, None)),
            Verdict::Known { .. }
        ));
        // An EVM address never imitates a TRON one.
        assert_eq!(ix.check(&parse(MINE, None)), Verdict::New);
    }

    #[test]
    fn a_known_poisoned_address_is_still_a_lookalike() {
        let fake = evm("5aae1111111111111111111111111111111beaed");
        let ix = KnownIndex::from_entries(vec![
            book(MINE, "ETH", "cold"),
            Known::new(
                &fake,
                Some("ETH"),
                "",
                Origin::Withdrawal {
                    time: None,
                    amount: "1".into(),
                    coin: "ETH".into(),
                },
            ),
        ]);
        let Verdict::LookAlike {
            imitates,
            also_known,
        } = ix.check(&parse(&fake, None))
        else {
            panic!()
        };
        assert_eq!(also_known, vec![1]);
        assert_eq!(imitates[0].entries, vec![0]);
        // The saved address itself stays known; the withdrawal is the suspect.
        let Verdict::Known { matches, resembles } = ix.check(&parse(MINE, None)) else {
            panic!()
        };
        assert_eq!(matches, vec![0]);
        assert_eq!(resembles[0].entries, vec![1]);
        let pairs = ix.lookalike_pairs(|_| true);
        assert_eq!(pairs.len(), 1);
        let only_book = ix.lookalike_pairs(|k| matches!(k.origin, Origin::AddressBook { .. }));
        assert!(only_book.is_empty());
    }

    #[test]
    fn shared_ends_and_marker() {
        assert_eq!(shared_ends("abcdXXXXwxyz", "ABCDyyyyWXYZ"), (4, 4));
        assert_eq!(shared_ends("aaaa", "aaaa"), (4, 0));
        assert_eq!(shared_ends("", "abc"), (0, 0));
        assert_eq!(middle_marker(2, 4, 4, 12, 12), "      ^^");
        assert_eq!(middle_marker(2, 40, 40, 12, 12), "            ");
    }
}
