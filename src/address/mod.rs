//! Before you send: is this address one of yours, a look-alike of one of
//! yours (address poisoning), new, or malformed? Formats and checksums per
//! network (`format`), an index of known addresses by their ends (`index`),
//! and the audit's look-alike facts (`facts`). Knows nothing of the command
//! line or the terminal; `cmd::address` does the reading and printing.

pub mod diff;
pub mod facts;
pub mod format;
pub mod index;

pub use format::{Family, FormatCheck, Parsed, family_of, infer, needs_memo, parse};
pub use index::{Imitation, Known, KnownIndex, MIN_END, Origin, Verdict, middle_marker};

/// Longest label kept from a file or a server answer.
pub const MAX_LABEL: usize = 64;

/// Text from outside made safe to print: the one escape, bounded.
pub use crate::text::escape;

/// Address-shaped words in pasted text (a message, a web page, a chat), in
/// order, each once: tokens between spaces and punctuation whose shape
/// matches a known network, or `network`'s family when given.
pub fn extract(text: &str, network: Option<&str>) -> Vec<String> {
    let want = network.map(family_of);
    let mut out: Vec<String> = Vec::new();
    let splits = |c: char| c.is_whitespace() || ",;()[]{}<>\"'`|=!?*".contains(c);
    for raw in text.split(splits) {
        // Trailing sentence punctuation and a leading "address:" label go.
        let t = raw.trim_end_matches(['.', ':']);
        let t = t.rsplit_once(':').map_or(t, |(head, tail)| {
            if format::infer(t) == Some(Family::Ton) || head.is_empty() {
                t
            } else {
                tail
            }
        });
        if t.len() < 25 || t.len() > format::MAX_LEN {
            continue;
        }
        let fam = format::infer(t);
        let hit = match (want, fam) {
            (Some(Family::Other), _) => t.bytes().all(|b| b.is_ascii_alphanumeric()),
            (Some(w), Some(f)) => w == f,
            (None, Some(_)) => true,
            (_, None) => false,
        };
        if hit && !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    }
    out
}

/// A problem with one line of a `--known` file.
#[derive(Clone, Debug, PartialEq)]
pub struct LineProblem {
    pub line: usize,
    pub problem: crate::i18n::Msg,
}

/// `--known FILE`: one address per line, then an optional label (the rest of
/// the line); `#` starts a comment line; `ADDRESS,LABEL` works too. An
/// address that fails its checksum is kept (it is the user's own record)
/// and reported, so that a bad copy in the file is noticed.
pub fn parse_known_file(text: &str, network: Option<&str>) -> (Vec<Known>, Vec<LineProblem>) {
    let mut known = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // The separator may be a multi-byte space (U+3000 from a Japanese IME).
        let (addr, label) = match line
            .char_indices()
            .find(|(_, c)| c.is_whitespace() || *c == ',')
        {
            Some((i, c)) => (&line[..i], line[i + c.len_utf8()..].trim()),
            None => (line, ""),
        };
        let k = Known::new(
            addr,
            network,
            &escape(label, MAX_LABEL),
            Origin::KnownFile { line: n + 1 },
        );
        if let FormatCheck::Invalid { reason } = &k.parsed.format {
            problems.push(LineProblem {
                line: n + 1,
                problem: reason.clone(),
            });
        }
        known.push(k);
    }
    (known, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_finds_addresses_in_prose() {
        let text = "Please send to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.\n\
                    Or BTC: bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, (TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t)\n\
                    not this: hello-world-this-is-a-sentence-of-words and 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed again";
        assert_eq!(
            extract(text, None),
            vec![
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            ]
        );
        assert_eq!(
            extract(text, Some("TRX")),
            vec!["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"]
        );
        assert_eq!(
            extract("address:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", None),
            vec!["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"]
        );
    }

    #[test]
    fn known_file_lines() {
        let (k, p) = parse_known_file(
            "# mine\n0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed cold wallet\n\n\
             TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t,exchange\u{1b}[31m\n0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\n",
            None,
        );
        assert_eq!(k.len(), 3);
        assert_eq!(k[0].label, "cold wallet");
        assert_eq!(k[1].label, "exchange\\u{1b}[31m");
        assert_eq!(k[1].origin, Origin::KnownFile { line: 4 });
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 5);
        let (k, _) = parse_known_file("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\u{3000}取引所", None);
        assert_eq!(k[0].label, "取引所");
    }

    #[test]
    fn escape_bounds_and_shows_controls() {
        assert_eq!(escape("a\rb\u{202e}", 10), "a\\u{d}b\\u{202e}");
        assert_eq!(escape("abcdef", 3), "abc…");
    }

    proptest::proptest! {
        #[test]
        fn extract_and_known_file_never_panic(s in "\\PC{0,400}") {
            let _ = extract(&s, None);
            let _ = extract(&s, Some("ETH"));
            let _ = parse_known_file(&s, None);
        }
    }
}
