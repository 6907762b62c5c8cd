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

/// Outside text for a terminal: control and bidi characters shown as
/// `\u{…}` (the one escape, `crate::escape`), at most `max` characters kept
/// (then `…`).
pub fn escape(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        crate::escape::push_escaped(&mut out, c);
    }
    out
}

/// `text` filled to `width` columns by display width: the first line starts
/// with `prefix` (which may carry colour codes; it takes `prefix_width`
/// columns), the others with `indent` spaces. Words are kept whole where they
/// fit; wide (Japanese) characters may break anywhere; a word longer than a
/// line (a URL) is cut. Ends without a newline.
/// `fill` after `prefix`, whose own display width is where the text starts.
pub fn fill_after(prefix: &str, indent: usize, text: &str, width: usize) -> String {
    fill(prefix, self::width(prefix), indent, text, width)
}

pub fn fill(prefix: &str, prefix_width: usize, indent: usize, text: &str, width: usize) -> String {
    let width = width.max(indent + 20);
    let mut out = String::from(prefix);
    let mut col = prefix_width;
    let mut line_empty = true;
    let pad = " ".repeat(indent);
    for (space_before, word) in tokens(text) {
        let w = self::width(&word);
        let gap = usize::from(space_before && !line_empty);
        if !line_empty && col + gap + w > width {
            out.push('\n');
            out.push_str(&pad);
            col = indent;
        } else if gap == 1 {
            out.push(' ');
            col += 1;
        }
        if col + w <= width {
            out.push_str(&word);
            col += w;
        } else {
            // Longer than a whole line: cut it by columns.
            for c in word.chars() {
                let cw = self::width(c.encode_utf8(&mut [0; 4]));
                if col + cw > width && col > indent {
                    out.push('\n');
                    out.push_str(&pad);
                    col = indent;
                }
                out.push(c);
                col += cw;
            }
        }
        line_empty = false;
    }
    out
}

/// A shell command that must stay copyable: kept whole when it fits, else
/// broken at spaces with ` \\` continuations (a shell reads it as one line),
/// the first line indented `indent`, the rest `indent + 2`.
pub fn command(cmd: &str, indent: usize, width: usize) -> String {
    let pad = " ".repeat(indent);
    if indent + self::width(cmd) <= width {
        return format!("{pad}{cmd}");
    }
    let mut out = pad.clone();
    let mut col = indent;
    let next = " ".repeat(indent + 2);
    for (i, word) in cmd.split(' ').filter(|w| !w.is_empty()).enumerate() {
        let w = self::width(word);
        // Room for the word and, after it, " \\".
        if i > 0 && col + 1 + w + 2 > width {
            out.push_str(" \\\n");
            out.push_str(&next);
            col = indent + 2;
        } else if i > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
    }
    out
}

/// Words with whether a space stood before them; each wide character is a
/// word of its own, since Japanese has no spaces to break at.
/// Brackets that open: a line never ends on one.
fn is_opening(c: char) -> bool {
    matches!(c, '「' | '『' | '（' | '［' | '【' | '〈' | '《' | '〔')
}

fn tokens(text: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut space = false;
    let mut word_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                out.push((word_space, std::mem::take(&mut word)));
            }
            space = true;
            continue;
        }
        let wide = self::width(c.encode_utf8(&mut [0; 4])) >= 2;
        // Closing punctuation stays on the line of what it closes.
        // So do the long-vowel mark and small kana, which cannot start a line.
        let closing = matches!(
            c,
            '。' | '、'
                | '）'
                | '」'
                | '』'
                | '，'
                | '．'
                | '：'
                | '！'
                | '？'
                | 'ー'
                | 'ッ'
                | 'ャ'
                | 'ュ'
                | 'ョ'
                | 'ァ'
                | 'ィ'
                | 'ゥ'
                | 'ェ'
                | 'ォ'
                | 'っ'
                | 'ゃ'
                | 'ゅ'
                | 'ょ'
                | 'ぁ'
                | 'ぃ'
                | 'ぅ'
                | 'ぇ'
                | 'ぉ'
        );
        // Opening brackets stay on the line of what they open.
        if is_opening(c) {
            if !word.is_empty() {
                out.push((word_space, std::mem::take(&mut word)));
            }
            word_space = space;
            word.push(c);
            space = false;
            continue;
        }
        let mut held = word.chars();
        let after_opening = held.next().is_some_and(is_opening) && held.next().is_none();
        if wide && !closing && after_opening {
            word.push(c);
            out.push((word_space, std::mem::take(&mut word)));
            space = false;
            continue;
        }
        if wide && !closing {
            if !word.is_empty() {
                out.push((word_space, std::mem::take(&mut word)));
            }
            word_space = space;
            word.push(c);
            out.push((word_space, std::mem::take(&mut word)));
            space = false;
            continue;
        }
        if word.is_empty() {
            if closing
                && !space
                && let Some(last) = out.last_mut()
            {
                last.1.push(c);
                continue;
            }
            word_space = space;
        }
        word.push(c);
        space = false;
        // A line may break after wide punctuation ("BA-API-001、BA-API-002").
        if wide {
            out.push((word_space, std::mem::take(&mut word)));
        }
    }
    if !word.is_empty() {
        out.push((word_space, word));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_bracket_never_ends_a_line() {
        for text in [
            "あいうえおかきくけ「binance」が含まれています",
            "あいうえおかきくけ（注意）です",
        ] {
            for width in 20..40 {
                let out = fill("", 0, 0, text, width);
                for line in out.lines() {
                    assert!(!line.ends_with(['「', '（']), "{width}: {out:?}");
                }
                assert_eq!(out.replace('\n', ""), text);
            }
        }
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("出金"), 4);
        assert_eq!(width("ｂ"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(pad("出金", 6), "出金  ");
    }

    #[test]
    fn fill_wraps_by_display_width_in_both_languages() {
        let en = fill(
            "- ",
            2,
            2,
            "the quick brown fox jumps over the lazy dog again and again",
            24,
        );
        for line in en.lines() {
            assert!(width(line) <= 24, "{line:?}");
        }
        assert!(en.starts_with("- the quick"));
        assert!(
            en.lines()
                .skip(1)
                .all(|l| l.starts_with("  ") && !l.starts_with("   "))
        );
        let ja = fill(
            "",
            0,
            4,
            "出金ホワイトリストを有効にしてください。アドレス管理から設定できます。",
            24,
        );
        for line in ja.lines() {
            assert!(width(line) <= 24, "{line:?} {}", width(line));
        }
        for bad in ['。', 'ー', 'ァ', 'ッ'] {
            assert!(!ja.lines().any(|l| l.trim_start().starts_with(bad)), "{ja}");
        }
        let kana = fill("", 0, 0, "フィッシング対策コードのファイル", 6);
        assert!(
            !kana
                .lines()
                .any(|l| l.starts_with('ー') || l.starts_with('ィ')),
            "{kana}"
        );
        let url = fill(
            "",
            0,
            2,
            "see https://www.binance.com/en/support/faq/a-very-long-path-that-does-not-fit",
            30,
        );
        assert!(url.lines().all(|l| width(l) <= 30), "{url}");
        // Nothing lost: the same characters, only broken across lines.
        assert_eq!(
            url.split_whitespace().collect::<String>(),
            "seehttps://www.binance.com/en/support/faq/a-very-long-path-that-does-not-fit"
        );
    }

    #[test]
    fn ids_joined_by_japanese_commas_break_between_ids() {
        let ids =
            "BA-API-001、BA-API-002、BA-API-003、BA-API-004、BA-API-005、BA-ACC-001、BA-ACC-002";
        let t = fill("    ", 4, 4, ids, 40);
        for line in t.lines() {
            assert!(width(line) <= 40, "{t}");
            let l = line.trim();
            assert!(
                l.starts_with("BA-") && l.ends_with(['、', '2', '1', '3', '4', '5']),
                "{t}"
            );
        }
    }

    #[test]
    fn long_commands_break_with_shell_continuations() {
        let c = "binance-audit incident trade --since 2026-11-24T00:00Z --symbol BTCUSDT --out ./incident";
        assert_eq!(command(c, 2, 200), format!("  {c}"));
        let w = command(c, 2, 60);
        assert!(w.lines().all(|l| width(l) <= 60), "{w}");
        assert!(w.lines().rev().skip(1).all(|l| l.ends_with(" \\")), "{w}");
        // A shell joins the lines back into the same words.
        let joined: Vec<&str> = w.split_whitespace().filter(|t| *t != "\\").collect();
        assert_eq!(joined, c.split(' ').collect::<Vec<_>>());
    }

    #[test]
    fn controls_cannot_reach_the_terminal() {
        assert_eq!(escape("a\rb\x1b[2Kc\x07", 100), "a\\u{d}b\\u{1b}[2Kc\\u{7}");
        assert_eq!(escape("x\u{202e}y", 100), "x\\u{202e}y");
        assert_eq!(escape("abcdef", 3), "abc…");
    }
}
