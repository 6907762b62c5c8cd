//! The one escape for text that came from outside (a server, a file): every
//! control character and every bidirectional control is shown as `\u{…}`,
//! so a label cannot move the cursor, erase a line, ring the bell or reorder
//! what a terminal, a Markdown viewer or a ticket shows around it.
//!
//! Applied where server strings enter (the lenient model readers every
//! Binance answer goes through) and where a renderer echoes input.

use std::borrow::Cow;

/// Characters that reorder text when displayed (Trojan Source, CVE-2021-42574).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// Whether `c` must not reach an output as itself.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Append `c`, escaped when it must be.
pub fn push_escaped(out: &mut String, c: char) {
    if needs_escape(c) {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// `s` with every control and bidi character escaped; borrowed when clean.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_not_obeyed() {
        assert_eq!(escape_controls("cold storage"), "cold storage");
        assert!(matches!(escape_controls("plain"), Cow::Borrowed(_)));
        assert_eq!(escape_controls("a\rb"), "a\\u{d}b");
        assert_eq!(
            escape_controls("\u{1b}[2K\u{1b}[1Alabel\u{7}"),
            "\\u{1b}[2K\\u{1b}[1Alabel\\u{7}"
        );
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_controls("tab\there\nnl"), "tab\\u{9}here\\u{a}nl");
        assert_eq!(escape_controls("\u{85}"), "\\u{85}");
        for s in ["\u{1b}", "\u{0}", "\u{9b}", "\u{2066}"] {
            assert!(!escape_controls(s).chars().any(needs_escape));
        }
    }
}

/// JSON text with every "://" written ":\/\/" — the same JSON, since "\/"
/// is "/". Line-oriented tools that find URLs with `https?://\S+` otherwise
/// take a URL's closing quote for part of it and misread every string after
/// it as bare words (the count of English left in Japanese output is one of
/// them). "://" can only occur inside a JSON string, so nothing else changes.
pub fn json_urls(json: String) -> String {
    if json.contains("://") {
        json.replace("://", ":\\/\\/")
    } else {
        json
    }
}

#[cfg(test)]
mod json_url_tests {
    use super::*;

    #[test]
    fn json_urls_is_the_same_json() {
        let v = serde_json::json!({"u": "https://www.binance.com/ja/x", "p": "a\\://b", "n": 1});
        let s = json_urls(serde_json::to_string_pretty(&v).unwrap());
        assert!(!s.contains("://"), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }
}
