//! Two look-alike addresses side by side. Poisoning works because a person
//! compares the ends only, so a pair is always shown whole with the
//! differing characters marked: in a terminal by a line of carets under
//! them (plain characters, so it survives NO_COLOR, a pipe and a copy),
//! in Markdown inside a code block, in JSON as index ranges.

use serde::{Deserialize, Serialize};

/// Half-open ranges of character indices, `[start, end)`.
pub type Ranges = Vec<[usize; 2]>;

/// What an address of a pair is to the user: which one they saved, which
/// one money went to. The edge says it in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An address-book entry (in the baseline, for drift).
    Saved,
    /// A withdrawal's destination.
    Sent,
    /// An earlier withdrawal's destination.
    Earlier,
    /// An address-book entry added since the baseline.
    New,
}

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Saved => "saved",
            Role::Sent => "sent",
            Role::Earlier => "earlier",
            Role::New => "new",
        }
    }
}

/// A look-alike pair: both addresses in full and where they differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub first: String,
    pub second: String,
    /// Character ranges of `first` that differ from `second`; the same
    /// ranges of `second` unless `differs_second` says otherwise.
    pub differs: Ranges,
    /// Only when the two differ in length, so their ranges are not the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub differs_second: Option<Ranges>,
    /// What each address is, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<[Role; 2]>,
    /// The user's names for them (address-book labels, escaped), "" for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<[String; 2]>,
}

impl Pair {
    /// `case_insensitive`: EVM addresses are one address whatever the
    /// case of their letters (EIP-55 only spells a checksum in it), so a
    /// case change alone is not marked.
    pub fn new(first: &str, second: &str, case_insensitive: bool) -> Pair {
        let (a, b) = differs(first, second, case_insensitive);
        let differs_second = (a != b).then_some(b);
        Pair {
            first: first.to_string(),
            second: second.to_string(),
            differs: a,
            differs_second,
            roles: None,
            names: None,
        }
    }

    pub fn with_roles(mut self, roles: [Role; 2], names: [&str; 2]) -> Pair {
        self.roles = Some(roles);
        self.names = Some(names.map(str::to_string));
        self
    }

    pub fn ranges_second(&self) -> &Ranges {
        self.differs_second.as_ref().unwrap_or(&self.differs)
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// A pair from its JSON (a fact item or a report field); other keys
    /// of the item are ignored.
    pub fn from_json(v: &serde_json::Value) -> Option<Pair> {
        serde_json::from_value(v.clone()).ok()
    }
}

/// Where `a` and `b` differ, as ranges of each. Of equal length they are
/// compared position by position; otherwise what lies between their common
/// first and last characters differs.
pub fn differs(a: &str, b: &str, case_insensitive: bool) -> (Ranges, Ranges) {
    let same = |x: char, y: char| {
        if case_insensitive {
            x.eq_ignore_ascii_case(&y)
        } else {
            x == y
        }
    };
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() == b.len() {
        let mut out: Ranges = Vec::new();
        for i in (0..a.len()).filter(|&i| !same(a[i], b[i])) {
            match out.last_mut() {
                Some(r) if r[1] == i => r[1] = i + 1,
                _ => out.push([i, i + 1]),
            }
        }
        return (out.clone(), out);
    }
    let short = a.len().min(b.len());
    let pre = (0..short).take_while(|&i| same(a[i], b[i])).count();
    let suf = (0..short - pre)
        .take_while(|&i| same(a[a.len() - 1 - i], b[b.len() - 1 - i]))
        .count();
    let range = |len: usize| {
        if len - suf > pre {
            vec![[pre, len - suf]]
        } else {
            vec![]
        }
    };
    (range(a.len()), range(b.len()))
}

/// One line of a pair laid out for a terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A row of an address (or a chunk of it), label first.
    Address(String),
    /// Carets under the differing characters of the rows above.
    Carets(String),
}

impl Line {
    pub fn text(&self) -> &str {
        match self {
            Line::Address(s) | Line::Carets(s) => s,
        }
    }
}

/// Narrowest chunk an address is broken into, however narrow the terminal.
const MIN_CHUNK: usize = 16;

/// The pair as terminal lines: `indent`, a label column as wide as the
/// wider label, then the address; carets under the differing characters.
/// An address wider than `width` is broken into chunks of the same number
/// of characters in both rows, each pair of chunks followed by its carets,
/// so the marks stay under their characters. Every character is escaped
/// and given a cell as wide as the wider of the two at that index, so the
/// rows line up by display width.
pub fn lines(labels: [&str; 2], pair: &Pair, indent: usize, width: usize) -> Vec<Line> {
    use crate::text::{pad, width as w};
    let label_w = labels.iter().map(|l| w(l)).max().unwrap_or(0) + 1;
    let cells = |s: &str| -> Vec<String> {
        s.chars()
            .map(|c| crate::text::escape(&c.to_string(), 1))
            .collect()
    };
    let (a, b) = (cells(&pair.first), cells(&pair.second));
    let n = a.len().max(b.len());
    let cell_w: Vec<usize> = (0..n)
        .map(|i| {
            let x = a.get(i).map_or(0, |c| w(c));
            let y = b.get(i).map_or(0, |c| w(c));
            x.max(y).max(1)
        })
        .collect();
    let marked = |i: usize| {
        let inside = |rs: &Ranges| rs.iter().any(|r| (r[0]..r[1]).contains(&i));
        inside(&pair.differs) || inside(pair.ranges_second())
    };
    // As few chunks as fit, of equal width (the last may be a little
    // shorter), so no chunk is a stray character or two.
    let room = width.saturating_sub(indent + label_w).max(MIN_CHUNK);
    let total: usize = cell_w.iter().sum();
    let room = total.div_ceil(total.div_ceil(room).max(1)).max(1);
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let (mut start, mut cols) = (0, 0);
    for (i, cw) in cell_w.iter().enumerate() {
        if cols + cw > room && i > start {
            chunks.push((start, i));
            (start, cols) = (i, 0);
        }
        cols += cw;
    }
    chunks.push((start, n));
    let lead = " ".repeat(indent);
    let mut out = Vec::new();
    for (k, &(s, e)) in chunks.iter().enumerate() {
        let row = |label: &str, cells: &[String]| {
            let label = if k == 0 { label } else { "" };
            let mut line = format!("{lead}{}", pad(label, label_w));
            for (i, cw) in cell_w.iter().enumerate().take(e).skip(s) {
                line.push_str(&pad(cells.get(i).map_or("", String::as_str), *cw));
            }
            line.trim_end().to_string()
        };
        out.push(Line::Address(row(labels[0], &a)));
        out.push(Line::Address(row(labels[1], &b)));
        if (s..e).any(marked) {
            let mut line = format!("{lead}{}", " ".repeat(label_w));
            for (i, cw) in cell_w.iter().enumerate().take(e).skip(s) {
                line.push_str(&if marked(i) { "^" } else { " " }.repeat(*cw));
            }
            out.push(Line::Carets(line.trim_end().to_string()));
        }
    }
    out
}

/// The pair for Markdown: a fenced code block (a fence longer than any run
/// of backticks inside, so nothing in it can close it early) holding the
/// same rows and carets as the terminal.
pub fn markdown(labels: [&str; 2], pair: &Pair, width: usize) -> String {
    let body: Vec<String> = lines(labels, pair, 0, width)
        .iter()
        .map(|l| l.text().to_string())
        .collect();
    let mut run = 0;
    let mut longest = 0;
    for c in body.iter().flat_map(|l| l.chars().chain(['\n'])) {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{}\n{fence}\n", body.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_case_blind_for_evm_only() {
        let (a, b) = differs("0x12AB34", "0x12ab35", true);
        assert_eq!((a.clone(), b), (vec![[7, 8]], vec![[7, 8]]));
        let (a, _) = differs("TAbc", "Tabd", false);
        assert_eq!(a, vec![[1, 2], [3, 4]]);
        // Lengths differ: one range each, between the common ends.
        let p = Pair::new("abcXYdef", "abcZdef", false);
        assert_eq!(p.differs, vec![[3, 5]]);
        assert_eq!(p.differs_second, Some(vec![[3, 4]]));
        assert_eq!(Pair::from_json(&p.to_json()), Some(p));
        assert!(Pair::new("0xAb", "0xaB", true).differs.is_empty());
    }

    #[test]
    fn carets_stay_under_their_characters_in_chunks() {
        let a = format!("0:{}", "a".repeat(30) + "b" + &"c".repeat(33));
        let b = format!("0:{}", "a".repeat(30) + "x" + &"c".repeat(33));
        let p = Pair::new(&a, &b, false);
        let ls = lines(["checked", "yours"], &p, 2, 40);
        for l in &ls {
            assert!(crate::text::width(l.text()) <= 40, "{l:?}");
        }
        // The caret sits under the one differing character of its chunk.
        let i = ls
            .iter()
            .position(|l| matches!(l, Line::Carets(_)))
            .unwrap();
        let caret = ls[i].text().find('^').unwrap();
        assert_eq!(ls[i - 2].text().as_bytes()[caret], b'b');
        assert_eq!(ls[i - 1].text().as_bytes()[caret], b'x');
        assert_eq!(
            ls.iter().filter(|l| matches!(l, Line::Carets(_))).count(),
            1
        );
        // Both addresses are all there, in order.
        let joined = |row: usize| -> String {
            ls.iter()
                .filter(|l| matches!(l, Line::Address(_)))
                .skip(row)
                .step_by(2)
                .map(|l| l.text()[2 + 8..].to_string())
                .collect()
        };
        assert_eq!(joined(0), a);
        assert_eq!(joined(1), b);
    }

    #[test]
    fn wide_labels_and_characters_keep_alignment() {
        let p = Pair::new("Tａbc", "Tabd", false);
        let ls = lines(["確認対象", "登録"], &p, 0, 80);
        let col = |s: &str| crate::text::width(s);
        // "確認対象" is 8 columns: the addresses start at column 9.
        assert!(ls[0].text().starts_with("確認対象 Tａ"));
        assert!(ls[1].text().starts_with("登録     Ta "));
        assert_eq!(ls[2].text(), format!("{}^^ ^", " ".repeat(10)));
        assert_eq!(col(ls[0].text()), col(ls[1].text()));
    }

    #[test]
    fn markdown_fence_outlasts_backticks_inside() {
        let p = Pair::new("0x```a", "0x```b", false);
        let md = markdown(["a", "b"], &p, 80);
        assert!(md.starts_with("````text\n"), "{md}");
        assert!(md.ends_with("\n````\n"), "{md}");
    }
}
