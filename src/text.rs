//! Text for a terminal: display width (wide East Asian characters take two
//! columns, combining marks none), padding, and escaping of anything that
//! came from outside so it cannot move the cursor or hide a line.

use unicode_width::UnicodeWidthStr;

/// Terminal columns taken by `s`.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` followed by spaces up to `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    format!("{s}{}", " ".repeat(cols.saturating_sub(width(s))))
}

/// Bidirectional controls can reorder what a person reads.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Control and bidi characters shown as `\u{…}`, at most `max` characters
/// kept (then `…`).
pub fn escape(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control() || is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("出金"), 4);
        assert_eq!(width("ｂ"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(pad("出金", 6), "出金  ");
    }

    #[test]
    fn controls_cannot_reach_the_terminal() {
        assert_eq!(escape("a\rb\x1b[2Kc\x07", 100), "a\\u{d}b\\u{1b}[2Kc\\u{7}");
        assert_eq!(escape("x\u{202e}y", 100), "x\\u{202e}y");
        assert_eq!(escape("abcdef", 3), "abc…");
    }
}
