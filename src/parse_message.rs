//! The TOML parser's and serde's error messages (config, baseline, rule and
//! playbook files) in the reader's language.
//!
//! The messages are the parser's own English ("unclosed table, expected
//! `]`", "invalid type: integer `1`, expected a string"). They follow a few
//! shapes — a head, then ", expected" and what would have fitted — so the
//! shapes are translated and the names in backticks kept. A head this table
//! does not know is quoted as the parser wrote it, after a Japanese sentence
//! that says what failed.

use crate::i18n::{Lang, Msg};
use crate::t;

/// `msg` (one line, as `toml::de::Error::message` gives it) for `lang`:
/// English reads the parser's own words.
pub fn message(msg: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return msg.to_string();
    }
    translated(msg, lang)
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

/// Syntax heads of the TOML parser, word for word, and their catalogue key
/// (`shell-toml-KEY`).
const HEADS: &[(&str, &str)] = &[
    ("unclosed table", "unclosed-table"),
    ("unclosed array", "unclosed-array"),
    ("unclosed inline table", "unclosed-inline-table"),
    ("wanted string or table", "wanted-string-or-table"),
    ("duplicate key", "duplicate-key"),
    ("duplicate table", "duplicate-table"),
    (
        "string values must be quoted",
        "string-values-must-be-quoted",
    ),
    ("unexpected key or value", "unexpected-key-or-value"),
    ("key with no value", "key-with-no-value"),
    (
        "unquoted keys cannot be empty",
        "unquoted-keys-cannot-be-empty",
    ),
    ("invalid literal string", "invalid-literal-string"),
    ("invalid basic string", "invalid-basic-string"),
    (
        "invalid multi-line basic string",
        "invalid-multi-line-basic-string",
    ),
    (
        "invalid multi-line literal string",
        "invalid-multi-line-literal-string",
    ),
    ("missing escaped value", "missing-escaped-value"),
    ("invalid escape", "invalid-escape"),
    ("invalid unicode escape", "invalid-unicode-escape"),
    ("invalid integer", "invalid-integer"),
    ("invalid float", "invalid-float"),
    ("invalid datetime", "invalid-datetime"),
    ("invalid key", "invalid-key"),
    ("invalid table header", "invalid-table-header"),
    ("invalid inline table", "invalid-inline-table"),
    ("invalid array", "invalid-array"),
    ("invalid value", "invalid-value"),
    (
        "extra assignment between key-value pairs",
        "extra-assignment-between-key-value-pairs",
    ),
    (
        "missing assignment between key-value pairs",
        "missing-assignment-between-key-value-pairs",
    ),
    ("invalid comment", "invalid-comment"),
    ("integer number overflowed", "integer-number-overflowed"),
    (
        "number too large to fit in target type",
        "number-too-large-to-fit-in-target-type",
    ),
    (
        "number too small to fit in target type",
        "number-too-small-to-fit-in-target-type",
    ),
];

/// What the parser says it expected, as words (`shell-toml-word-KEY`).
const WORDS: &[(&str, &str)] = &[
    ("letters", "letters"),
    ("numbers", "numbers"),
    ("newline", "newline"),
    ("literal string", "literal-string"),
    ("basic string", "basic-string"),
    ("a string", "a-string"),
    ("string", "string"),
    ("a boolean", "a-boolean"),
    ("boolean", "boolean"),
    ("a sequence", "a-sequence"),
    ("sequence", "sequence"),
    ("a map", "a-map"),
    ("map", "map"),
    ("an integer", "an-integer"),
    ("integer", "integer"),
    ("a float", "a-float"),
    ("floating point", "floating-point"),
    ("a date", "a-date"),
    ("a character", "a-character"),
    ("unit value", "unit-value"),
    ("option", "option"),
    ("u8", "integer"),
    ("u16", "integer"),
    ("u32", "integer"),
    ("u64", "integer"),
    ("usize", "integer"),
    ("i32", "integer"),
    ("i64", "integer"),
    ("f64", "floating-point"),
];

fn word(w: &str, lang: Lang) -> Option<String> {
    WORDS
        .iter()
        .find(|(en, _)| *en == w)
        .map(|(_, key)| Msg::keyed("shell-toml-word-", key).render(lang))
}

/// "integer `1`" → "整数 `1`", "string \"maybe\"" → "文字列 \"maybe\"",
/// "a boolean" → "真偽値（true / false）", "`en` or `ja`" → "`en`、`ja`".
fn thing(t: &str, lang: Lang) -> Option<String> {
    let t = t.trim();
    if let Some(w) = word(t, lang) {
        return Some(w);
    }
    if let Some(rest) = t.strip_prefix("struct ") {
        return Some(t!(lang, "shell-toml-struct", name = rest));
    }
    if let Some(rest) = t.strip_prefix("enum ") {
        return Some(t!(lang, "shell-toml-enum", name = rest));
    }
    // A kind followed by the value itself, which is the user's and kept.
    if let Some((kind, value)) = t.split_once(' ')
        && let Some(w) = word(kind, lang)
        && (value.starts_with('`') || value.starts_with('"'))
    {
        return Some(format!("{w} {value}"));
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
            out.push(word(i, lang)?);
        }
    }
    let out: Vec<&str> = out.iter().map(String::as_str).collect();
    Some(crate::i18n::join(lang, &out))
}

/// The name in the first pair of backticks of `s`.
fn ticked(s: &str) -> Option<&str> {
    let (_, rest) = s.split_once('`')?;
    Some(rest.split_once('`')?.0)
}

fn translated(msg: &str, lang: Lang) -> String {
    let msg = msg.trim();
    let (head, expected) = match msg.split_once(", expected ") {
        Some((h, e)) => (h, Some(e)),
        None => match msg.split_once(", there are no fields") {
            Some((h, _)) => (h, None),
            None => (msg, None),
        },
    };
    let wanted = expected.map(|e| (e, thing(e, lang)));
    let tail = |sentence: String| match &wanted {
        Some((_, Some(w))) => t!(
            lang,
            "shell-toml-expected",
            sentence = sentence,
            expected = w
        ),
        Some((e, None)) => t!(
            lang,
            "shell-toml-expected-as-said",
            sentence = sentence,
            expected = *e
        ),
        None => sentence,
    };
    if let Some(rest) = head.strip_prefix("unknown field ") {
        let name = ticked(rest).unwrap_or(rest);
        return tail(t!(lang, "shell-toml-unknown-field", name = name));
    }
    if let Some(rest) = head.strip_prefix("unknown variant ") {
        let name = ticked(rest).unwrap_or(rest);
        return tail(t!(lang, "shell-toml-unknown-variant", name = name));
    }
    if let Some(rest) = head.strip_prefix("missing field ") {
        let name = ticked(rest).unwrap_or(rest);
        return tail(t!(lang, "shell-toml-missing-field", name = name));
    }
    for (prefix, key) in [
        ("invalid type: ", "invalid-type"),
        ("invalid value: ", "invalid-value"),
    ] {
        if let Some(got) = head.strip_prefix(prefix) {
            let what = Msg::keyed("shell-toml-", key);
            let got_ja = thing(got, lang);
            let want_ja = expected.and_then(|e| thing(e, lang));
            return match (got_ja, want_ja) {
                (Some(g), Some(w)) => {
                    t!(lang, "shell-toml-got-want", what = what, got = g, want = w)
                }
                (Some(g), None) => t!(lang, "shell-toml-got", what = what, got = g),
                _ => t!(lang, "shell-toml-what-as-said", what = what, said = msg),
            };
        }
    }
    if let Some(rest) = head.strip_prefix("invalid length ") {
        let n = rest.split_whitespace().next().unwrap_or(rest);
        return tail(t!(lang, "shell-toml-invalid-length", length = n));
    }
    if let Some((_, key)) = HEADS.iter().find(|(en, _)| *en == head) {
        return tail(Msg::keyed("shell-toml-", key).render(lang));
    }
    t!(lang, "shell-toml-unknown", said = msg)
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
            "型が違います：整数 `1` ではなく 文字列 が必要です"
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
