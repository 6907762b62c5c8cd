//! One Japanese style, enforced: です・ます, 「」 for quotes, full-width
//! punctuation next to Japanese, ご自身 for the reader, and the glossary's
//! terms (glossary.toml) over every Japanese sentence the program can print:
//! the catalogue (ja.ftl) and the Japanese text of rules and playbooks.

use std::path::Path;

#[derive(serde::Deserialize)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(serde::Deserialize)]
struct Term {
    ja: String,
    forbid: Vec<String>,
}

/// Every Japanese text: (where, text).
fn japanese_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    // The catalogue: message values and their continuation lines. A Fluent
    // comment starts at column 0; an indented `#` line is text we print (the
    // comments of the `config init` template).
    for (n, line) in super::catalogue::JA.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let text = match line.split_once(" = ") {
            Some((id, v)) if !id.starts_with(' ') => v,
            _ => line,
        };
        out.push((format!("ja.ftl:{}", n + 1), text.to_string()));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut files: Vec<_> = ["", "playbooks"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for f in files {
        let v: toml::Value = toml::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        walk(&v, &name, false, &mut out);
    }
    out
}

fn walk(v: &toml::Value, at: &str, ja: bool, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::String(s) if ja => out.push((at.to_string(), s.clone())),
        toml::Value::Array(a) => a.iter().for_each(|x| walk(x, at, ja, out)),
        toml::Value::Table(t) => {
            for (k, x) in t {
                let at = if k == "id" {
                    at.to_string()
                } else {
                    format!("{at}.{k}")
                };
                walk(x, &at, ja || k == "ja", out);
            }
        }
        _ => {}
    }
}

/// Text outside our own words: code, commands, URLs, quoted outside text
/// and placeables are not Japanese prose.
fn prose(s: &str) -> String {
    let mut t = s.to_string();
    // `= "…"` is a TOML value in the `config init` template, where the
    // quotes are the syntax.
    for r in [
        r"`[^`]*`",
        r"https?://\S+",
        r"\{[^}]*\}",
        r"「[^」]*」",
        r#"= "[^"]*""#,
        // Every one-line diagnostic starts "binance-audit: ", the Unix way.
        r"^binance-audit: ",
    ] {
        t = regex::Regex::new(r)
            .unwrap()
            .replace_all(&t, " ")
            .into_owned();
    }
    t
}

const JP: &str = r"[\p{Hiragana}\p{Katakana}\p{Han}ー。、」）]";

#[test]
fn japanese_follows_one_style_and_the_glossary() {
    let glossary: Glossary = toml::from_str(include_str!("glossary.toml")).unwrap();
    let checks: Vec<(&str, regex::Regex)> = [
        (
            "ASCII quotes: use 「」",
            format!(r#"{JP}\s*["']|["']\s*{JP}"#),
        ),
        (
            "ASCII ; next to Japanese: use 。 or 、",
            format!(r"{JP}\s*;"),
        ),
        (
            "ASCII colon next to Japanese: use ：",
            format!(r"{JP}:(?:\s|$)|: +{JP}"),
        ),
        ("ASCII comma after Japanese: use 、", format!(r"{JP}, ")),
        (
            "ASCII ! or ? after Japanese: use ！ or ？",
            format!(r"{JP}[!?]"),
        ),
        (
            "ASCII parentheses next to Japanese: use （）",
            format!(r"{JP}\s?\(|\)\s?{JP}"),
        ),
        (
            "plain form at the end of a sentence: use です・ます",
            r"(?:だ|である|のだ|しない|できない|ではない)。".to_string(),
        ),
    ]
    .into_iter()
    .map(|(why, r)| (why, regex::Regex::new(&r).unwrap()))
    .collect();
    let texts = japanese_texts();
    assert!(
        texts.len() > 300,
        "found only {} Japanese texts",
        texts.len()
    );
    let mut problems = Vec::new();
    for (at, text) in &texts {
        let p = prose(text);
        for (why, re) in &checks {
            if let Some(m) = re.find(&p) {
                problems.push(format!("{at}: {why}: …{}…", m.as_str()));
            }
        }
        // On the text itself: prose() leaves a space where a placeable was.
        if text.contains("： ") {
            problems.push(format!("{at}: a space after a full-width colon"));
        }
        for term in &glossary.term {
            for bad in &term.forbid {
                if p.contains(bad.as_str()) {
                    problems.push(format!(
                        "{at}: 「{bad}」: the glossary says 「{}」",
                        term.ja
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} style problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
