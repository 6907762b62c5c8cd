//! Setup's answers and where they go: a dated `[declared]` section written
//! into the config in place, keeping the rest of the file and its comments.

use chrono::NaiveDate;

use crate::config;

/// The answers of one setup run; None = not answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub two_factor: Option<Vec<String>>,
    pub anti_phishing_code: Option<bool>,
    pub withdrawal_whitelist: Option<bool>,
    pub devices_reviewed: Option<bool>,
    pub email_two_factor: Option<bool>,
    pub email_unique_password: Option<bool>,
}

impl Answers {
    pub(crate) fn flags(&self) -> [(&'static str, Option<bool>); 5] {
        [
            ("anti_phishing_code", self.anti_phishing_code),
            ("withdrawal_whitelist", self.withdrawal_whitelist),
            ("devices_reviewed", self.devices_reviewed),
            ("email_two_factor", self.email_two_factor),
            ("email_unique_password", self.email_unique_password),
        ]
    }

    pub fn unanswered(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.two_factor.is_none() {
            out.push("two_factor");
        }
        out.extend(
            self.flags()
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(n, _)| *n),
        );
        out
    }
}

const SECTION_COMMENT: &str = "\n# What you told `binance-audit setup` (no Binance API can see these).\n# Re-run `binance-audit setup` when anything changes.\n";

/// The config text with `[declared]` set to `answers`, dated `on`. Everything
/// else in the file, comments included, stays as it was.
pub fn render(existing: Option<&str>, answers: &Answers, on: NaiveDate) -> Result<String, String> {
    use toml_edit::{Array, DocumentMut, Item, Table, value};
    let mut doc: DocumentMut =
        existing
            .unwrap_or("")
            .parse()
            .map_err(|e: toml_edit::TomlError| {
                format!(
                    "the config is not valid TOML, so it was left untouched: {}",
                    e.to_string().lines().next().unwrap_or("").trim()
                )
            })?;
    let date: toml_edit::Datetime = on
        .format("%Y-%m-%d")
        .to_string()
        .parse()
        .map_err(|_| "internal: date".to_string())?;

    let is_new = !doc.contains_key("declared");
    if !is_new && !doc["declared"].is_table() {
        return Err("the config's `declared` is not a table; fix it by hand first".into());
    }
    if is_new {
        let mut t = Table::new();
        t.decor_mut().set_prefix(SECTION_COMMENT);
        doc.insert("declared", Item::Table(t));
    }
    let Some(t) = doc["declared"].as_table_mut() else {
        return Err("the config's `declared` is not a table".into());
    };
    // Answers are dated together: an answer not given now is removed, never
    // left standing under today's date.
    for key in [
        "on",
        "two_factor",
        "anti_phishing_code",
        "withdrawal_whitelist",
        "devices_reviewed",
        "email_two_factor",
        "email_unique_password",
    ] {
        t.remove(key);
    }
    t.insert("on", value(date));
    if let Some(methods) = &answers.two_factor {
        let arr: Array = methods.iter().map(String::as_str).collect();
        t.insert("two_factor", value(arr));
    }
    for (k, v) in answers.flags() {
        if let Some(v) = v {
            t.insert(k, value(v));
        }
    }
    let text = doc.to_string();
    config::parse(&text).map_err(|e| {
        format!("the config would not load after the change ({e}); nothing was written")
    })?;
    Ok(text)
}
