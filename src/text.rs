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

/// `fill` after `prefix`, whose own display width is where the text starts.
pub fn fill_after(prefix: &str, indent: usize, text: &str, width: usize) -> String {
    fill(prefix, self::width(prefix), indent, text, width)
}

/// `text` filled to `width` columns by display width: the first line starts
/// with `prefix` (which may carry colour codes; it takes `prefix_width`
/// columns), the others with `indent` spaces; runs of white space become one
/// space. Lines break only where [`breaks`] allows; a piece that cannot
/// break and is wider than a line (a URL, a command) gets a line of its own
/// and runs past the edge, since a cut one could not be copied. Ends without
/// a newline.
pub fn fill(prefix: &str, prefix_width: usize, indent: usize, text: &str, width: usize) -> String {
    let width = width.max(indent + 20);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::from(prefix);
    let mut col = prefix_width;
    let mut line_empty = true;
    let pad = " ".repeat(indent);
    let mut space_before = false;
    let mut start = 0;
    for end in breaks(&text).into_iter().chain([text.len()]) {
        let piece = &text[start..end];
        start = end;
        let word = piece.trim_end_matches(' ');
        let w = columns(word);
        let gap = usize::from(space_before && !line_empty);
        if !line_empty && col + gap + w > width {
            out.push('\n');
            out.push_str(&pad);
            col = indent;
        } else if gap == 1 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
        line_empty = false;
        space_before = word.len() < piece.len();
    }
    out
}

/// Every line of `text` that is wider than `width` columns filled by
/// [`fill`], its continuation lines under its text plus `indent`; lines
/// that fit are kept exactly as they are (their spacing included), and so
/// are the line ends.
pub fn wrap(text: &str, indent: usize, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if columns(body) <= width {
            out.push_str(body);
        } else {
            let rest = body.trim_start_matches(' ');
            let lead = &body[..body.len() - rest.len()];
            out.push_str(&fill(lead, lead.len(), lead.len() + indent, rest, width));
        }
        out.push_str(nl);
    }
    out
}

/// Display width without terminal escape sequences (colour codes).
fn columns(s: &str) -> usize {
    if !s.contains('\u{1b}') {
        return width(s);
    }
    width(&strip_ansi(s))
}

/// The text without terminal escape sequences (colour codes).
pub fn strip_ansi(s: &str) -> String {
    let mut plain = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// Characters a line never starts with: closing punctuation, and the small
/// kana and prolonged sound mark that belong to the syllable before them.
const NO_START: &str = "、。，．）」』】〕〉》］｝〙〗・：；？！‼⁇⁈⁉ー〜ゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ),.;:!?]}%";
/// Characters a line never ends with: opening brackets.
const NO_END: &str = "（「『【〔〈《［｛〘〖([{";

/// Counters and units that stay with the number before them, written right
/// after it or after a space (Japanese ones longest first, so 「時間」 wins
/// over 「時」).
const JA_UNITS: &[&str] = &[
    "時間前",
    "時間後",
    "文字",
    "時間",
    "日間",
    "日前",
    "日後",
    "週間",
    "か月",
    "ヶ月",
    "カ月",
    "ケ月",
    "年間",
    "年前",
    "年後",
    "分間",
    "分前",
    "秒間",
    "秒前",
    "項目",
    "桁",
    "件",
    "個",
    "回",
    "年",
    "月",
    "日",
    "時",
    "分",
    "秒",
    "行",
    "倍",
    "人",
    "円",
    "歳",
    "字",
    "通",
    "台",
    "本",
    "枚",
    "点",
    "番",
    "度",
    "割",
    "週",
    "つ",
    "％",
];
const UNITS: &[&str] = &[
    "KiB", "MiB", "GiB", "TiB", "kB", "KB", "MB", "GB", "TB", "ms", "min", "s", "h", "B", "%",
];

/// Byte offsets in `text` where a new line may begin: the line break
/// opportunities of Unicode's line breaking algorithm (UAX #14), narrowed by
/// Japanese kinsoku (no line starts with closing punctuation or small kana,
/// none ends with an opening bracket), and never inside a run of Latin
/// letters, digits and symbols (a rule id, a path, a hyphenated word break
/// only at spaces, as English always did), inside a number with its unit
/// (「24時間」, `5 MiB`), a `quoted` span, a URL, or a `binance-audit`
/// command with its arguments.
pub fn breaks(text: &str) -> Vec<usize> {
    let whole = unbreakable(text);
    // After a space a line may always break, as English always did (UAX #14
    // would keep `in /path` and `say "x"` together); the filters below still
    // hold.
    let after_space = text
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i + 1);
    let mut at: Vec<usize> = unicode_linebreak::linebreaks(text)
        .map(|(at, _)| at)
        .chain(after_space)
        .collect();
    at.sort_unstable();
    at.dedup();
    at.into_iter()
        .filter(|&at| at > 0 && at < text.len() && !text[at..].starts_with(' '))
        .filter(|&at| !whole.iter().any(|&(s, e)| s < at && at < e))
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let next = text[at..].chars().next();
            let (Some(before), Some(next)) = (before, next) else {
                return false;
            };
            let last = text[..at].trim_end().chars().next_back();
            let inside_word = !before.is_whitespace() && !wide(before) && !wide(next);
            !inside_word && !NO_START.contains(next) && !last.is_some_and(|c| NO_END.contains(c))
        })
        .collect()
}

fn wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) >= 2
}

/// Spans no line may break inside, as byte ranges.
fn unbreakable(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // `quoted`
    let ticks: Vec<usize> = text.match_indices('`').map(|(i, _)| i).collect();
    for pair in ticks.chunks_exact(2) {
        spans.push((pair[0], pair[1] + 1));
    }
    // A token: up to white space or a wide character (Japanese around it).
    let token_end = |from: usize| {
        text[from..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || wide(c))
            .map_or(text.len(), |(i, _)| from + i)
    };
    for scheme in ["https://", "http://"] {
        for (i, _) in text.match_indices(scheme) {
            spans.push((i, token_end(i)));
        }
    }
    for (i, _) in text.match_indices("binance-audit") {
        let prev = text[..i].chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || "-_/.~".contains(c)) {
            continue;
        }
        let mut end = token_end(i);
        let mut after_flag = false;
        // Its arguments: flags, subcommands, values (anything with a digit or
        // path punctuation), a word after a flag.
        while text[end..].starts_with(' ') {
            let from = end + 1;
            let to = token_end(from);
            let arg = &text[from..to];
            let takes = !arg.is_empty()
                && arg.is_ascii()
                && (arg.starts_with('-')
                    || SUBCOMMANDS.contains(&arg.trim_end_matches([',', '.', ')', ';', ':']))
                    || arg.contains(|c: char| c.is_ascii_digit() || "./=~{}$<>|:_".contains(c))
                    || (after_flag && arg.chars().all(|c| c.is_ascii_lowercase())));
            if !takes {
                break;
            }
            after_flag = arg.starts_with("--") && !arg.contains('=');
            end = to;
        }
        spans.push((i, end));
    }
    // A number and its unit.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut k = 0;
    while k < chars.len() {
        let (s, c) = chars[k];
        if !is_digit(c) {
            k += 1;
            continue;
        }
        let mut j = k;
        while j + 1 < chars.len()
            && (is_digit(chars[j + 1].1)
                || (",.:".contains(chars[j + 1].1)
                    && chars.get(j + 2).is_some_and(|&(_, d)| is_digit(d))))
        {
            j += 1;
        }
        let after = chars.get(j + 1).map_or(text.len(), |&(i, _)| i);
        let rest = &text[after..];
        // 「上限 { $limit } 回」 puts a space there.
        let spaced = rest.strip_prefix(' ').unwrap_or(rest);
        let skip = rest.len() - spaced.len();
        let unit = JA_UNITS
            .iter()
            .find(|u| spaced.starts_with(**u))
            .map(|u| after + skip + u.len())
            .or_else(|| {
                UNITS
                    .iter()
                    .find(|u| {
                        spaced.starts_with(**u)
                            && !spaced[u.len()..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric)
                    })
                    .map(|u| after + skip + u.len())
            });
        if let Some(e) = unit {
            spans.push((s, e));
        }
        k = j + 1;
    }
    spans
}

/// Words that continue a `binance-audit` command in running text.
const SUBCOMMANDS: &[&str] = &[
    "audit",
    "password",
    "url",
    "address",
    "status",
    "incident",
    "rules",
    "list",
    "show",
    "check",
    "setup",
    "config",
    "init",
    "path",
    "completions",
    "man",
    "breach",
    "trade",
    "outage",
    "support",
    "account",
    "bash",
    "zsh",
    "fish",
];

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
        // Too long for any line: on a line of its own, whole, past the edge
        // (a cut URL cannot be clicked or copied).
        assert_eq!(
            url,
            "see\n  https://www.binance.com/en/support/faq/a-very-long-path-that-does-not-fit"
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

    fn sample(name: &str) -> String {
        let n = name.to_ascii_lowercase();
        let v = if n.contains("path") || n.contains("file") || n == "ticket" || n == "evidence" {
            "/home/someone/.local/share/binance-audit/incidents/breach.json"
        } else if n.contains("url") || n.contains("link") || n == "host" {
            "https://www.binance.com/ja/support/faq/how-to-create-api-keys-on-binance-360002502072"
        } else if n.contains("command") || n == "example" || n == "cmd" {
            "binance-audit incident breach --since 2026-11-30T00:00+09:00 --out ./incident"
        } else if n.contains("count") || n.starts_with('n') && n.len() <= 2 || n.contains("total") {
            "12"
        } else {
            "BA-API-001"
        };
        v.to_string()
    }

    /// Every Japanese catalogue message, its variables filled in.
    fn ja_messages() -> Vec<(String, String)> {
        let src = include_str!("i18n/ja.ftl");
        let res = fluent_syntax::parser::parse(src).expect("ja.ftl parses");
        let mut out = Vec::new();
        for entry in res.body {
            let fluent_syntax::ast::Entry::Message(m) = entry else {
                continue;
            };
            let id: &'static str = Box::leak(m.id.name.to_string().into_boxed_str());
            let mut msg = crate::i18n::Msg::new(id);
            // Variables are `{ $name }` in the source text of the value.
            let from = src.find(&format!("\n{id} =")).unwrap_or(0) + 1;
            let body: String = std::iter::once(src[from..].lines().next().unwrap_or(""))
                .chain(
                    src[from..]
                        .lines()
                        .skip(1)
                        .take_while(|l| l.starts_with(' ')),
                )
                .collect();
            let mut rest = body.as_str();
            while let Some(at) = rest.find('$') {
                let name: String = rest[at + 1..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                rest = &rest[at + 1..];
                if !name.is_empty() && msg.get(&name).is_none() {
                    let value = sample(&name);
                    msg = msg.arg(Box::leak(name.into_boxed_str()), value);
                }
            }
            out.push((id.to_string(), msg.render(crate::i18n::Lang::Ja)));
        }
        out
    }

    const NEVER_STARTS: &str =
        "、。，．）」』】〕〉》］・：；？！ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

    /// The properties of every wrapped line of `out` (`text` filled to `width`).
    fn check_lines(id: &str, text: &str, out: &str, width: usize) {
        let lines: Vec<&str> = out.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let body = line.trim_start();
            let ctx = || format!("{id} at {width}: {line:?}\n{out}");
            // (A message may itself start with one: 「、」 is the list separator.)
            assert!(
                i == 0 || !body.starts_with(|c| NEVER_STARTS.contains(c)),
                "{}",
                ctx()
            );
            assert!(
                !line.trim_end().ends_with(|c| NO_END.contains(c)),
                "{}",
                ctx()
            );
            // Wider than the line only when it holds one piece that cannot break.
            assert!(
                super::width(line) <= width
                    || breaks(if i == 0 {
                        body.trim_start_matches("- ")
                    } else {
                        body
                    })
                    .is_empty(),
                "{}",
                ctx()
            );
            // A `quoted` span is never split between lines.
            assert!(line.matches('`').count() % 2 == 0, "{}", ctx());
            // A URL is whole on its line.
            for url in body.split_whitespace().filter(|t| t.contains("https://")) {
                let url = url
                    .split(|c: char| super::wide(c))
                    .find(|t| t.contains("https://"));
                assert!(text.contains(url.unwrap()), "{}", ctx());
            }
            assert!(
                i + 1 == lines.len() || line.split_whitespace().last() != Some("binance-audit"),
                "{}",
                ctx()
            );

            if i > 0 {
                let before = lines[i - 1].trim_end();
                if before.ends_with(|c: char| c.is_ascii_digit()) {
                    let split = JA_UNITS.iter().chain(UNITS).any(|u| {
                        body.starts_with(u)
                            && !body[u.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                    });
                    assert!(!split, "number split from its unit: {}", ctx());
                }
            }
        }
        // Nothing lost or added but line ends and indentation.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let out = out.strip_prefix("  - ").unwrap_or(out);
        assert_eq!(squeeze(out), squeeze(text), "{id}");
    }

    #[test]
    fn every_japanese_message_wraps_by_the_rules() {
        let messages = ja_messages();
        assert!(messages.len() > 500, "{}", messages.len());
        for (id, text) in &messages {
            for paragraph in text.lines().filter(|l| !l.trim().is_empty()) {
                for width in [40, 60, 80] {
                    let out = fill("", 0, 2, paragraph, width);
                    check_lines(id, paragraph, &out, width);
                    let out = fill("  - ", 4, 4, paragraph, width);
                    check_lines(id, paragraph, &out, width);
                }
            }
        }
    }

    #[test]
    fn numbers_keep_their_units_and_commands_stay_whole() {
        let text = "パスワードは12文字以上にし、24時間ごとに確認し、5 MiB までのファイルを90日間保存し、`binance-audit incident breach --since 2026-11-30T00:00+09:00 --out ./incident` を実行し、https://www.binance.com/ja/support/faq/how-to-create-api-keys-on-binance-360002502072 を開いてから binance-audit audit --fail-on high --lang ja で確かめてください。";
        for width in 22..=80 {
            let out = fill("", 0, 2, text, width);
            check_lines("sample", text, &out, width);
            for unit in ["12文字", "24時間", "5 MiB", "90日間"] {
                assert!(
                    out.lines().any(|l| l.contains(unit)),
                    "{unit} at {width}:\n{out}"
                );
            }
            assert!(
                out.lines()
                    .any(|l| l.contains("binance-audit audit --fail-on high --lang ja")),
                "{width}:\n{out}"
            );
        }
    }
}
