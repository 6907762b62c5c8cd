//! The TOML parser's and serde's error messages (config, baseline, rule and
//! playbook files) in the reader's language.
//!
//! The messages are the parser's own English ("unclosed table, expected
//! `]`", "invalid type: integer `1`, expected a string"). They follow a few
//! shapes — a head, then ", expected" and what would have fitted — so the
//! shapes are translated and the names in backticks kept. A head this table
//! does not know is quoted as the parser wrote it, after a Japanese sentence
//! that says what failed.

use crate::i18n::Lang;

/// `msg` (one line, as `toml::de::Error::message` gives it) for `lang`.
pub fn message(msg: &str, lang: Lang) -> String {
    match lang {
        Lang::En => msg.to_string(),
        Lang::Ja => japanese(msg),
    }
}

/// `message` as a message, for engine code that keeps no language.
/// Transitional: both renderings are made here, word for word.
pub fn message_msg(msg: &str) -> crate::i18n::Msg {
    crate::msg!(
        "engine-said-in-both",
        en = message(msg, Lang::En),
        ja = message(msg, Lang::Ja)
    )
}

/// Syntax heads of the TOML parser, word for word.
const HEADS: &[(&str, &str)] = &[
    ("unclosed table", "表の見出し（[…]）が閉じていません"),
    ("unclosed array", "配列（[…]）が閉じていません"),
    (
        "unclosed inline table",
        "インラインテーブル（{…}）が閉じていません",
    ),
    ("wanted string or table", "文字列か表が必要です"),
    ("duplicate key", "同じキーが2回書かれています"),
    ("duplicate table", "同じ表が2回書かれています"),
    (
        "string values must be quoted",
        "文字列の値は引用符で囲んでください",
    ),
    ("unexpected key or value", "余分なキーか値があります"),
    ("key with no value", "キーに値がありません"),
    (
        "unquoted keys cannot be empty",
        "引用符なしのキーは空にできません",
    ),
    (
        "invalid literal string",
        "リテラル文字列（'…'）が正しくありません",
    ),
    ("invalid basic string", "文字列（\"…\"）が正しくありません"),
    (
        "invalid multi-line basic string",
        "複数行の文字列（\"\"\"…\"\"\"）が閉じていません",
    ),
    (
        "invalid multi-line literal string",
        "複数行のリテラル文字列（'''…'''）が閉じていません",
    ),
    ("missing escaped value", "「\\」の後に続く文字がありません"),
    ("invalid escape", "「\\」の後の文字が正しくありません"),
    (
        "invalid unicode escape",
        "Unicodeエスケープが正しくありません",
    ),
    ("invalid integer", "整数が正しくありません"),
    ("invalid float", "小数が正しくありません"),
    ("invalid datetime", "日時が正しくありません"),
    ("invalid key", "キーが正しくありません"),
    ("invalid table header", "表の見出しが正しくありません"),
    (
        "invalid inline table",
        "インラインテーブルが正しくありません",
    ),
    ("invalid array", "配列が正しくありません"),
    ("invalid value", "値が正しくありません"),
    (
        "extra assignment between key-value pairs",
        "キーと値の間に余分な「=」があります",
    ),
    (
        "missing assignment between key-value pairs",
        "キーと値の間に「=」がありません",
    ),
    ("invalid comment", "コメントに使えない文字があります"),
    ("integer number overflowed", "整数が大きすぎます"),
    (
        "number too large to fit in target type",
        "数値が大きすぎます",
    ),
    (
        "number too small to fit in target type",
        "数値が小さすぎます",
    ),
];

/// What the parser says it expected, as words.
const WORDS: &[(&str, &str)] = &[
    ("letters", "英字"),
    ("numbers", "数字"),
    ("newline", "改行"),
    ("literal string", "リテラル文字列"),
    ("basic string", "文字列"),
    ("a string", "文字列"),
    ("string", "文字列"),
    ("a boolean", "真偽値（true / false）"),
    ("boolean", "真偽値"),
    ("a sequence", "配列"),
    ("sequence", "配列"),
    ("a map", "表"),
    ("map", "表"),
    ("an integer", "整数"),
    ("integer", "整数"),
    ("a float", "小数"),
    ("floating point", "小数"),
    ("a date", "日付"),
    ("a character", "1文字"),
    ("unit value", "空の値"),
    ("option", "値"),
    ("u8", "整数"),
    ("u16", "整数"),
    ("u32", "整数"),
    ("u64", "整数"),
    ("usize", "整数"),
    ("i32", "整数"),
    ("i64", "整数"),
    ("f64", "小数"),
];

fn word(w: &str) -> Option<&'static str> {
    WORDS.iter().find(|(en, _)| *en == w).map(|(_, ja)| *ja)
}

/// "integer `1`" → "整数 `1`", "string \"maybe\"" → "文字列 \"maybe\"",
/// "a boolean" → "真偽値（true / false）", "`en` or `ja`" → "`en`、`ja`".
fn thing(t: &str) -> Option<String> {
    let t = t.trim();
    if let Some(ja) = word(t) {
        return Some(ja.to_string());
    }
    if let Some(rest) = t.strip_prefix("struct ") {
        return Some(format!("表（{rest}）"));
    }
    if let Some(rest) = t.strip_prefix("enum ") {
        return Some(format!("値（{rest}）"));
    }
    // A kind followed by the value itself, which is the user's and kept.
    if let Some((kind, value)) = t.split_once(' ')
        && let Some(ja) = word(kind)
        && (value.starts_with('`') || value.starts_with('"'))
    {
        return Some(format!("{ja} {value}"));
    }
    // A list of names in backticks and words: "`a`, `b` or `c`".
    let items: Vec<&str> = t
        .split(", ")
        .flat_map(|p| p.split(" or "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if items.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for i in &items {
        let i = i.strip_prefix("one of ").unwrap_or(i);
        if i.starts_with('`') && i.ends_with('`') {
            out.push(i.to_string());
        } else {
            out.push(word(i)?.to_string());
        }
    }
    Some(out.join("、"))
}

/// The name in the first pair of backticks of `s`.
fn ticked(s: &str) -> Option<&str> {
    let (_, rest) = s.split_once('`')?;
    Some(rest.split_once('`')?.0)
}

fn japanese(msg: &str) -> String {
    let msg = msg.trim();
    let (head, expected) = match msg.split_once(", expected ") {
        Some((h, e)) => (h, Some(e)),
        None => match msg.split_once(", there are no fields") {
            Some((h, _)) => (h, None),
            None => (msg, None),
        },
    };
    let wanted = expected.map(|e| (e, thing(e)));
    let tail = |sentence: String| match &wanted {
        Some((_, Some(w))) => format!("{sentence}（使えるもの: {w}）"),
        Some((e, None)) => format!("{sentence}（パーサーの説明: 「expected {e}」）"),
        None => sentence,
    };
    if let Some(rest) = head.strip_prefix("unknown field ") {
        let name = ticked(rest).unwrap_or(rest);
        return tail(format!("`{name}` という項目はありません"));
    }
    if let Some(rest) = head.strip_prefix("unknown variant ") {
        let name = ticked(rest).unwrap_or(rest);
        return tail(format!("`{name}` は使えない値です"));
    }
    if let Some(rest) = head.strip_prefix("missing field ") {
        let name = ticked(rest).unwrap_or(rest);
        return tail(format!("必須の項目 `{name}` がありません"));
    }
    for (prefix, ja) in [
        ("invalid type: ", "型が違います"),
        ("invalid value: ", "値が正しくありません"),
    ] {
        if let Some(got) = head.strip_prefix(prefix) {
            let got_ja = thing(got);
            let want_ja = expected.and_then(thing);
            return match (got_ja, want_ja) {
                (Some(g), Some(w)) => format!("{ja}: {g} ではなく {w} が必要です"),
                (Some(g), None) => format!("{ja}: {g}"),
                _ => format!("{ja}（パーサーの説明: 「{msg}」）"),
            };
        }
    }
    if let Some(rest) = head.strip_prefix("invalid length ") {
        let n = rest.split_whitespace().next().unwrap_or(rest);
        return tail(format!("要素の数（{n}）が正しくありません"));
    }
    if let Some((_, ja)) = HEADS.iter().find(|(en, _)| *en == head) {
        return tail(ja.to_string());
    }
    format!("TOMLとして読めません（パーサーの説明: 「{msg}」）")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages the parser gives for real mistakes in a config file
    /// (collected by feeding it broken files).
    const SEEN: &[&str] = &[
        "unclosed table, expected `]`",
        "unclosed array, expected `]`",
        "wanted string or table",
        "unknown variant `fr`, expected `en` or `ja`",
        "invalid type: integer `1`, expected a string",
        "duplicate key",
        "string values must be quoted, expected literal string",
        "unexpected key or value, expected newline, `#`",
        "key with no value, expected `=`",
        "unquoted keys cannot be empty, expected letters, numbers, `-`, `_`",
        "invalid literal string, expected `'`",
        "missing field `rule`",
        "unknown field `min_score`, expected `key_max_age_days` or `declared_max_age_days`",
        "invalid type: string \"maybe\", expected a sequence",
        "invalid multi-line basic string, expected `\"`",
        "missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `\"`, `x`, `u`, `U`",
        "unknown field `recv_window`, expected one of `api_url`, `api_key`, `secret_file`",
        "unknown field `x`, there are no fields",
    ];

    #[test]
    fn every_seen_message_reads_in_japanese() {
        for m in SEEN {
            let ja = message(m, Lang::Ja);
            assert!(!ja.contains("パーサーの説明"), "{m} → {ja}");
            assert!(!ja.contains("expected"), "{m} → {ja}");
            // Names in backticks are kept for the reader to find them.
            if let Some(name) = ticked(m) {
                assert!(ja.contains(&format!("`{name}`")), "{m} → {ja}");
            }
        }
        assert_eq!(
            message("invalid type: integer `1`, expected a string", Lang::Ja),
            "型が違います: 整数 `1` ではなく 文字列 が必要です"
        );
        assert_eq!(message("duplicate key", Lang::En), "duplicate key");
    }

    #[test]
    fn an_unknown_message_is_quoted_not_lost() {
        let m = "something the parser never said before";
        let ja = message(m, Lang::Ja);
        assert!(ja.contains(m) && ja.starts_with("TOML"), "{ja}");
    }
}
