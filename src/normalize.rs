//! One input normaliser, run before any secret, address or link is judged.
//! Text from files, clipboards and mail carries characters no person typed:
//! a byte-order mark from a Windows editor, zero-width and bidi controls
//! from a web page or a phishing mail, full-width digits from a Japanese
//! input method. Judged as they are, they turn a breached password into an
//! unknown one and hide a look-alike address; removed silently, they hide
//! the attempt. So this takes them out and says what it took.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// What was taken out or changed, for the verdict to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Removed {
    /// U+FEFF at the start (a byte-order mark).
    ByteOrderMark,
    /// Zero-width and other invisible format characters (U+200B, U+2060,
    /// U+FEFF inside the text, soft hyphen …).
    Invisible,
    /// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F,
    /// U+061C) that reorder what is shown.
    Bidi,
    /// Full-width or other compatibility forms folded to ASCII (NFKC):
    /// `０ｘ７４２` → `0x742`. Only for addresses and links.
    Compatibility,
}

/// Text ready to judge, and what was done to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalized<'a> {
    pub text: Cow<'a, str>,
    pub removed: Vec<Removed>,
}

impl Normalized<'_> {
    pub fn changed(&self) -> bool {
        !self.removed.is_empty()
    }
}

/// A secret (password, key) as the user meant it: the byte-order mark and
/// invisible or bidi controls go, nothing else changes — a full-width
/// character in a password is a real character of it.
pub fn secret(s: &str) -> Normalized<'_> {
    strip(s, false)
}

/// An address or a link as it would be sent: also folded by NFKC, so a
/// full-width `０ｘ` is the `0x` it imitates.
pub fn identifier(s: &str) -> Normalized<'_> {
    strip(s, true)
}

fn strip(s: &str, fold: bool) -> Normalized<'_> {
    let mut removed = Vec::new();
    let body = match s.strip_prefix('\u{feff}') {
        Some(rest) => {
            removed.push(Removed::ByteOrderMark);
            rest
        }
        None => s,
    };
    let needs_strip = body.chars().any(|c| class(c).is_some());
    let needs_fold = fold && !body.is_ascii() && body.nfkc().ne(body.chars());
    if !needs_strip && !needs_fold {
        return Normalized {
            text: Cow::Borrowed(body),
            removed,
        };
    }
    let mut out = String::with_capacity(body.len());
    for c in body.chars() {
        match class(c) {
            Some(r) => {
                if !removed.contains(&r) {
                    removed.push(r);
                }
            }
            None => out.push(c),
        }
    }
    if fold {
        let folded: String = out.nfkc().collect();
        if folded != out {
            removed.push(Removed::Compatibility);
            out = folded;
        }
    }
    removed.sort();
    Normalized {
        text: Cow::Owned(out),
        removed,
    }
}

fn class(c: char) -> Option<Removed> {
    match c {
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Some(Removed::Bidi),
        '\u{200b}'..='\u{200d}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}'
        | '\u{00ad}'
        | '\u{034f}'
        | '\u{180e}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{3164}'
        | '\u{ffa0}'
        | '\u{fe00}'..='\u{fe0f}' => Some(Removed::Invisible),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_before_a_password_is_removed_and_said() {
        let n = secret("\u{feff}password123");
        assert_eq!(n.text, "password123");
        assert_eq!(n.removed, [Removed::ByteOrderMark]);
    }

    #[test]
    fn clean_text_is_borrowed_and_unchanged() {
        let n = identifier("0x742d35Cc6634C0532925a3b844Bc454e4438f44e");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert!(!n.changed());
        let n = secret("日本語のパスワード");
        assert!(!n.changed());
    }

    #[test]
    fn invisible_and_bidi_characters_inside_an_address_are_removed() {
        let n = identifier("0x742d\u{200b}35Cc\u{2060}6634\u{202e}C053");
        assert_eq!(n.text, "0x742d35Cc6634C053");
        assert_eq!(n.removed, [Removed::Invisible, Removed::Bidi]);
    }

    #[test]
    fn full_width_forms_fold_for_identifiers_but_not_for_secrets() {
        let n = identifier("０ｘ７４２ｄ");
        assert_eq!(n.text, "0x742d");
        assert_eq!(n.removed, [Removed::Compatibility]);
        let s = secret("ｐａｓｓ１２３");
        assert_eq!(s.text, "ｐａｓｓ１２３");
        assert!(!s.changed());
    }

    #[test]
    fn a_mark_in_the_middle_is_invisible_not_a_byte_order_mark() {
        let n = secret("pass\u{feff}word");
        assert_eq!(n.text, "password");
        assert_eq!(n.removed, [Removed::Invisible]);
    }
}
