//! Setup's answers and where they go: a dated `[declared]` section written
//! into the config in place, keeping the rest of the file and its comments.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::config::{self, Declared, QUESTIONS, date_of};
use crate::i18n::Lang;
use crate::t;

/// One answer to one of setup's questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// `two_factor`: the methods that are on (empty = none).
    Methods(Vec<String>),
    /// Every other question: yes or no.
    Flag(bool),
    /// The user did not know; the setting still needs checking.
    NotSure,
}

impl Answer {
    /// How the answer reads in setup's messages and prompts.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Answer::Methods(m) if m.is_empty() => t!(lang, "shell-answer-none"),
            Answer::Methods(m) => m.join(","),
            Answer::Flag(true) => t!(lang, "shell-answer-yes"),
            Answer::Flag(false) => t!(lang, "shell-answer-no"),
            Answer::NotSure => t!(lang, "shell-answer-not-sure"),
        }
    }
}

/// An answer and the day it was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub answer: Answer,
    pub on: NaiveDate,
}

/// Answers by question (a key of [`QUESTIONS`]); a missing key = not answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    map: BTreeMap<&'static str, Dated>,
}

impl Answers {
    /// Record `answer` for `key`; a key that is not a question is ignored
    /// (the callers only pass names from [`QUESTIONS`]).
    pub fn set(&mut self, key: &str, answer: Answer, on: NaiveDate) {
        if let Some(k) = QUESTIONS.iter().find(|q| **q == key) {
            self.map.insert(k, Dated { answer, on });
        }
    }

    pub fn get(&self, key: &str) -> Option<&Dated> {
        self.map.get(key)
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn unanswered(&self) -> Vec<&'static str> {
        QUESTIONS
            .iter()
            .filter(|k| !self.map.contains_key(**k))
            .copied()
            .collect()
    }

    /// What the config's `[declared]` says, each answer with its own date.
    pub fn recorded(d: &Declared) -> Answers {
        let mut out = Answers::default();
        let Some(on) = date_of(&d.on) else {
            return out;
        };
        for key in QUESTIONS {
            let date = d.answered_on.get(key).and_then(date_of).unwrap_or(on);
            let answer = if d.not_sure.iter().any(|k| k == key) {
                Some(Answer::NotSure)
            } else if key == "two_factor" {
                d.two_factor
                    .clone()
                    .map(|m| Answer::Methods(m.into_iter().filter(|x| x != "none").collect()))
            } else {
                d.flag(key).map(Answer::Flag)
            };
            if let Some(a) = answer {
                out.set(key, a, date);
            }
        }
        out
    }
}

/// What a setup run did to one question's recorded answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Answered for the first time.
    New,
    /// Answered differently from before (the old answer).
    Changed(Answer),
    /// Recorded before and not changed (given again, or not asked).
    Kept,
}

pub struct Merged {
    pub answers: Answers,
    /// Every answered question, in question order.
    pub outcomes: Vec<(&'static str, Outcome)>,
}

/// The answers given now laid over the recorded ones: a question answered
/// now takes the new answer and its date; every other recorded answer stays,
/// with the date it was given, so `setup --anti-phishing-code no` changes
/// that one answer and nothing else.
pub fn merge(recorded: &Answers, given: &Answers) -> Merged {
    let mut answers = recorded.clone();
    let mut outcomes = Vec::new();
    for key in QUESTIONS {
        let old = recorded.get(key);
        let Some(new) = given.get(key) else {
            if old.is_some() {
                outcomes.push((key, Outcome::Kept));
            }
            continue;
        };
        let outcome = match old {
            None => Outcome::New,
            Some(o) if o.answer == new.answer => Outcome::Kept,
            Some(o) => Outcome::Changed(o.answer.clone()),
        };
        answers.set(key, new.answer.clone(), new.on);
        outcomes.push((key, outcome));
    }
    Merged { answers, outcomes }
}

/// Why setup could not write `[declared]`; the shell renders it.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.render(Lang::En))]
pub enum RenderError {
    /// The file is not TOML (the parser's own message).
    NotToml(String),
    /// `declared` is there but is not a table.
    NotATable,
    /// The edited text would not load (a bug if it ever shows).
    WouldNotLoad(config::Problem),
    /// A date that does not print as a TOML date (cannot happen).
    Date,
}

impl RenderError {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            RenderError::NotToml(message) => t!(
                lang,
                "shell-declare-not-toml",
                problem = crate::parse_message::message(message, lang)
            ),
            RenderError::NotATable => t!(lang, "shell-declare-not-a-table"),
            RenderError::WouldNotLoad(p) => {
                t!(
                    lang,
                    "shell-declare-would-not-load",
                    problem = p.render(lang)
                )
            }
            RenderError::Date => t!(lang, "shell-declare-date"),
        }
    }
}

/// The highest document position of any table, nested or in an array.
fn last_position(t: &toml_edit::Table) -> isize {
    let mut max = t.position().unwrap_or(0);
    for (_, item) in t.iter() {
        match item {
            toml_edit::Item::Table(sub) => max = max.max(last_position(sub)),
            toml_edit::Item::ArrayOfTables(arr) => {
                for sub in arr.iter() {
                    max = max.max(last_position(sub));
                }
            }
            _ => {}
        }
    }
    max
}

/// The config text with `[declared]` set to `answers`. Everything else in
/// the file, comments included, stays as it was. `on` is the oldest answer's
/// date (so the re-confirmation reminder counts from it); a newer answer's
/// own date goes in `answered_on`, so no answer is ever shown as confirmed
/// on a day it was not given.
/// The comments above a new section are in `lang`, the reader's.
pub fn render(
    existing: Option<&str>,
    answers: &Answers,
    today: NaiveDate,
    lang: Lang,
) -> Result<String, RenderError> {
    use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, value};
    let mut doc: DocumentMut =
        existing
            .unwrap_or("")
            .parse()
            .map_err(|e: toml_edit::TomlError| {
                RenderError::NotToml(e.message().trim().replace('\n', " "))
            })?;
    let toml_date = |d: NaiveDate| -> Result<toml_edit::Datetime, RenderError> {
        d.format("%Y-%m-%d")
            .to_string()
            .parse()
            .map_err(|_| RenderError::Date)
    };
    let on = answers.map.values().map(|d| d.on).min().unwrap_or(today);

    let is_new = !doc.contains_key("declared");
    if !is_new && !doc["declared"].is_table() {
        return Err(RenderError::NotATable);
    }
    if is_new {
        // A new section goes at the very end, after the file's trailing
        // comments: those are the commented keys of the last section (the
        // template ends with `[binance]`'s), and a key uncommented there must
        // still land in its own section, not in `[declared]`.
        let trailing = doc.trailing().as_str().unwrap_or("").to_string();
        doc.set_trailing("");
        let mut prefix = trailing.trim_end_matches('\n').to_string();
        if !prefix.is_empty() {
            prefix.push('\n');
        }
        // One `# ` line per line of the catalogue's text.
        prefix.push('\n');
        for line in t!(lang, "shell-declare-section-comment").lines() {
            prefix.push_str(&format!("# {line}\n"));
        }
        let last = last_position(doc.as_table());
        let mut t = Table::new();
        t.decor_mut().set_prefix(prefix);
        t.set_position(Some(last.saturating_add(1)));
        doc.insert("declared", Item::Table(t));
    }
    let Some(t) = doc["declared"].as_table_mut() else {
        return Err(RenderError::NotATable);
    };
    for key in ["on", "not_sure", "answered_on"]
        .iter()
        .chain(QUESTIONS.iter())
    {
        t.remove(key);
    }
    t.insert("on", value(toml_date(on)?));
    let mut not_sure = Array::new();
    let mut dates = InlineTable::new();
    for key in QUESTIONS {
        let Some(d) = answers.get(key) else { continue };
        match &d.answer {
            Answer::Methods(m) => {
                let arr: Array = m.iter().map(String::as_str).collect();
                t.insert(key, value(arr));
            }
            Answer::Flag(v) => {
                t.insert(key, value(*v));
            }
            Answer::NotSure => not_sure.push(key),
        }
        if d.on > on {
            dates.insert(key, toml_date(d.on)?.into());
        }
    }
    if !not_sure.is_empty() {
        t.insert("not_sure", value(not_sure));
    }
    if !dates.is_empty() {
        t.insert("answered_on", value(dates));
    }
    let text = doc.to_string();
    config::parse(&text).map_err(RenderError::WouldNotLoad)?;
    Ok(text)
}
