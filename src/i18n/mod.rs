//! The reader's language. Program text lives in one catalogue per language
//! (`en.ftl`, `ja.ftl`, read by `catalogue`); the engine hands the edge a
//! `Msg` (an id and typed arguments) and the edge makes the sentence. Rule
//! and playbook text is data in rules/ (`Text`, `TextList`).

use serde::{Deserialize, Serialize};

mod catalogue;
mod msg;
#[cfg(test)]
mod style;

pub use catalogue::has;
pub use msg::{Arg, Msg};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ja,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Ja];

    /// LC_ALL beats LC_MESSAGES beats LANG, as in POSIX locale resolution.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return Lang::from_locale(&v);
            }
        }
        Lang::En
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }
}

/// The language of messages made where no `Context` is at hand (an engine
/// error string, a file that could not be read): set once by the shell,
/// from the flag, the environment or a config that parses, before any
/// command runs. Reports carry their own language; this is for diagnostics.
static UI: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_ui(lang: Lang) {
    UI.store(lang == Lang::Ja, std::sync::atomic::Ordering::Relaxed);
}

/// The diagnostics language (English until the shell sets it).
pub fn ui() -> Lang {
    if UI.load(std::sync::atomic::Ordering::Relaxed) {
        Lang::Ja
    } else {
        Lang::En
    }
}

/// A Binance help, FAQ or announcement page in the reader's language:
/// Binance serves the same paths under `/ja/`, so a Japanese reader gets
/// `https://www.binance.com/ja/…` for a rule's `https://www.binance.com/en/…`.
/// Other links (GitHub, developer docs, which Binance serves in English only)
/// are left as they are.
pub fn link(lang: Lang, url: &str) -> std::borrow::Cow<'_, str> {
    const EN: &str = "https://www.binance.com/en/";
    match (lang, url.strip_prefix(EN)) {
        (Lang::Ja, Some(rest)) => format!("https://www.binance.com/ja/{rest}").into(),
        _ => url.into(),
    }
}

/// Items joined for a list in running text: ", " in English, "、" in
/// Japanese.
pub fn join(lang: Lang, items: &[&str]) -> String {
    items.join(&crate::t!(lang, "list-separator"))
}

/// A pair of translations as stored in rule and playbook files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub ja: String,
}

impl Text {
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            ja: ja.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// Ordered steps in both languages (remediation, playbook steps).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextList {
    pub en: Vec<String>,
    pub ja: Vec<String>,
}

impl TextList {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// Runs of three or more English words left in `text` once identifiers
/// (`code`, "quoted", outside text in 「…」, paths, dotted names, rule ids)
/// are taken out: a unit test's version of tests/it/japanese.rs's count.
#[cfg(test)]
pub(crate) fn english_runs(text: &str) -> Vec<String> {
    let mut t = text.to_string();
    for r in [
        r"https?://\S+",
        r"`[^`]*`",
        r#""[^"]*""#,
        r"「[^」]*」",
        r"\bBA-[A-Z0-9]+-\d+\b",
        r"\b[\w-]+(\.[\w-]+)+\b",
        r"(~|\.)?/[\w./-]+",
    ] {
        t = regex::Regex::new(r)
            .unwrap()
            .replace_all(&t, " ")
            .into_owned();
    }
    let run = regex::Regex::new(r"[A-Za-z][A-Za-z']+(?:[ ,;:/-]+[A-Za-z][A-Za-z']*){2,}").unwrap();
    t.lines()
        .flat_map(|l| run.find_iter(l).map(|m| m.as_str().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_runs_counts_sentences_not_identifiers() {
        assert_eq!(english_runs("x: the quick fox"), ["the quick fox"]);
        assert!(
            english_runs("`binance-audit rules check DIR` を実行「not valid here」").is_empty()
        );
        assert!(english_runs("rules/t.toml:3:1: ルール BA-TST-001: 条件").is_empty());
    }

    #[test]
    fn japanese_locales_select_japanese() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(Lang::from_locale("ja"), Lang::Ja);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }

    #[test]
    fn binance_pages_follow_the_language() {
        let u = "https://www.binance.com/en/support/faq/abc";
        assert_eq!(
            link(Lang::Ja, u),
            "https://www.binance.com/ja/support/faq/abc"
        );
        assert_eq!(link(Lang::En, u), u);
        let gh = "https://github.com/binance/binance-spot-api-docs";
        assert_eq!(link(Lang::Ja, gh), gh);
    }
}
