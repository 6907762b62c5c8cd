//! Incident playbooks are data (`rules/playbooks/*.toml`): ordered steps, each
//! with why it matters, how urgent it is and where in the app to do it, in
//! English and Japanese. The built-in ones are compiled in; `--rules DIR` can
//! replace one with `DIR/playbooks/KIND.toml`.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg, Text};
use crate::msg;
use crate::rules::line_col;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Someone else may have access: lock them out, stop funds leaving, report
    Breach,
    /// Binance or the app is not working: is it Binance or is it me?
    Outage,
    /// Locked, restricted, identity verification, cannot log in
    Account,
    /// Wrong order, bad fill, slippage
    Trade,
    /// How to contact Binance support and what to include
    Support,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Breach,
        Kind::Outage,
        Kind::Account,
        Kind::Trade,
        Kind::Support,
    ];

    /// One line for `--help` and for `incident` with no kind.
    pub fn summary(self) -> Msg {
        match self {
            Kind::Breach => msg!("incident-kind-breach"),
            Kind::Outage => msg!("incident-kind-outage"),
            Kind::Account => msg!("incident-kind-account"),
            Kind::Trade => msg!("incident-kind-trade"),
            Kind::Support => msg!("incident-kind-support"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Breach => "breach",
            Kind::Outage => "outage",
            Kind::Account => "account",
            Kind::Trade => "trade",
            Kind::Support => "support",
        }
    }

    fn builtin_source(self) -> &'static str {
        match self {
            Kind::Breach => include_str!("../../rules/playbooks/breach.toml"),
            Kind::Outage => include_str!("../../rules/playbooks/outage.toml"),
            Kind::Account => include_str!("../../rules/playbooks/account.toml"),
            Kind::Trade => include_str!("../../rules/playbooks/trade.toml"),
            Kind::Support => include_str!("../../rules/playbooks/support.toml"),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How soon a step should be done. Steps within a playbook never go back to a
/// more urgent level, so reading top to bottom is always the right order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    Now,
    Today,
    Soon,
}

impl Urgency {
    pub fn label(self) -> Msg {
        match self {
            Urgency::Now => msg!("incident-urgency-now"),
            Urgency::Today => msg!("incident-urgency-today"),
            Urgency::Soon => msg!("incident-urgency-soon"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Now => "now",
            Urgency::Today => "today",
            Urgency::Soon => "soon",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable identifier used by the checklist log and `--mark STEP=done`.
    pub id: String,
    pub urgency: Urgency,
    pub title: Text,
    pub why: Text,
    pub place: Text,
    /// A binance-audit command that helps with this step.
    pub command: Option<String>,
    pub links: Vec<String>,
}

/// An official place to reach or check Binance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Channel {
    pub name: Text,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Playbook {
    pub kind: Kind,
    pub title: Text,
    pub summary: Text,
    pub steps: Vec<Step>,
    pub channels: Vec<Channel>,
    /// Where it came from: `rules/playbooks/breach.toml` or a path.
    pub origin: String,
}

impl Playbook {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_ids(&self) -> Vec<&str> {
        self.steps.iter().map(|s| s.id.as_str()).collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaybook {
    id: toml::Spanned<String>,
    title: Text,
    summary: Text,
    #[serde(default)]
    step: Vec<RawStep>,
    #[serde(default)]
    channel: Vec<RawChannel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: toml::Spanned<String>,
    urgency: Urgency,
    title: Text,
    why: Text,
    #[serde(rename = "where")]
    place: Text,
    command: Option<String>,
    #[serde(default)]
    links: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChannel {
    name: Text,
    url: toml::Spanned<String>,
}

/// A field of a playbook that needs text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Summary,
    Why,
    Where,
    /// A channel's `name`.
    ChannelName,
}

/// What is wrong with a playbook file. Values only: [`Problem::render`]
/// makes the sentence in the reader's language.
#[derive(Debug)]
pub enum Issue {
    /// The TOML reader's own words, one line.
    Syntax(String),
    Unreadable(std::io::Error),
    NotUtf8,
    WrongId {
        found: String,
        want: Kind,
    },
    NoText(Field),
    NoSteps,
    BadStepId(String),
    StepTwice(String),
    OutOfOrder {
        urgency: Urgency,
        previous: Urgency,
    },
    LinkNotHttps(String),
    CommandPrefix,
    ChannelNotHttps(String),
}

/// One problem, where it is: the file, the line and column when known, and
/// the step it belongs to.
#[derive(Debug)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub step: Option<String>,
    pub issue: Issue,
}

impl Field {
    fn msg(self) -> Msg {
        match self {
            Field::Title => msg!("incident-playbook-field-title"),
            Field::Summary => msg!("incident-playbook-field-summary"),
            Field::Why => msg!("incident-playbook-field-why"),
            Field::Where => msg!("incident-playbook-field-where"),
            Field::ChannelName => msg!("incident-playbook-field-channel-name"),
        }
    }
}

impl Issue {
    /// The TOML reader's words are translated for the reader by
    /// `parse_message`, and an unreadable file by `files::read_error`; everything
    /// else comes from the catalogue.
    fn render(&self, lang: Lang) -> String {
        let quoted = |s: &str| format!("{s:?}");
        let m = match self {
            Issue::Syntax(raw) => return crate::parse_message::message(raw, lang),
            Issue::Unreadable(e) => {
                crate::files::read_error(msg!("incident-the-playbook"), Some("--rules".into()), e)
            }
            Issue::NotUtf8 => msg!("incident-playbook-not-utf8"),
            Issue::WrongId { found, want } => msg!(
                "incident-playbook-wrong-id",
                found = quoted(found),
                kind = quoted(want.as_str())
            ),
            Issue::NoText(field) => msg!("incident-playbook-no-text", field = field.msg()),
            Issue::NoSteps => msg!("incident-playbook-no-steps"),
            Issue::BadStepId(id) => msg!("incident-playbook-bad-step-id", id = quoted(id)),
            Issue::StepTwice(id) => msg!("incident-playbook-step-twice", id = quoted(id)),
            Issue::OutOfOrder { urgency, previous } => msg!(
                "incident-playbook-out-of-order",
                urgency = quoted(urgency.as_str()),
                previous = quoted(previous.as_str())
            ),
            Issue::LinkNotHttps(url) => msg!(
                "incident-playbook-link-not-https",
                url = crate::escape::escape_controls(url)
            ),
            Issue::CommandPrefix => msg!("incident-playbook-command-prefix"),
            Issue::ChannelNotHttps(url) => msg!(
                "incident-playbook-channel-not-https",
                url = crate::escape::escape_controls(url)
            ),
        };
        m.render(lang)
    }
}

impl Problem {
    /// `FILE:LINE:COL: [step ID: ]problem`, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut message = self.issue.render(lang);
        if let Some(step) = &self.step {
            message = crate::t!(
                lang,
                "incident-playbook-in-step",
                step = step,
                problem = message
            );
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}: {message}", self.file),
            (Some(l), None) => format!("{}:{l}: {message}", self.file),
            _ => format!("{}: {message}", self.file),
        }
    }
}

/// Every problem found in a playbook file (never none).
#[derive(Debug)]
pub struct LoadError(pub Vec<Problem>);

impl LoadError {
    /// The first problem and how many more, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self.0.as_slice() {
            [] => crate::t!(lang, "incident-playbook-unloadable"),
            [one] => one.render(lang),
            [first, rest @ ..] => crate::t!(
                lang,
                "incident-playbook-more-problems",
                first = first.render(lang),
                more = rest.len()
            ),
        }
    }
}

/// Parse one playbook file. `name` is used in messages; `kind` is the playbook
/// this file must be (its `id`).
pub fn parse(name: &str, src: &str, kind: Kind) -> Result<Playbook, Vec<Problem>> {
    let problem = |offset: Option<usize>, step: Option<&str>, issue: Issue| {
        let (line, column) = match offset {
            Some(o) => {
                let (l, c) = line_col(src, o);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        Problem {
            file: name.into(),
            line,
            column,
            step: step.map(str::to_string),
            issue,
        }
    };
    let raw: RawPlaybook = toml::from_str(src).map_err(|e| {
        vec![problem(
            e.span().map(|s| s.start),
            None,
            Issue::Syntax(e.message().trim().replace('\n', " ")),
        )]
    })?;
    let mut problems = Vec::new();
    let id_at = raw.id.span().start;
    if raw.id.get_ref() != kind.as_str() {
        problems.push(problem(
            Some(id_at),
            None,
            Issue::WrongId {
                found: raw.id.get_ref().clone(),
                want: kind,
            },
        ));
    }
    for (field, t) in [(Field::Title, &raw.title), (Field::Summary, &raw.summary)] {
        if missing_language(t) {
            problems.push(problem(Some(id_at), None, Issue::NoText(field)));
        }
    }
    if raw.step.is_empty() {
        problems.push(problem(Some(id_at), None, Issue::NoSteps));
    }
    let mut seen = HashSet::new();
    let mut steps = Vec::new();
    let mut previous = Urgency::Now;
    for s in raw.step {
        let at = Some(s.id.span().start);
        let id = s.id.into_inner();
        let step = Some(id.as_str());
        if !valid_step_id(&id) {
            problems.push(problem(at, None, Issue::BadStepId(id.clone())));
        }
        if !seen.insert(id.clone()) {
            problems.push(problem(at, None, Issue::StepTwice(id.clone())));
        }
        for (field, t) in [
            (Field::Title, &s.title),
            (Field::Why, &s.why),
            (Field::Where, &s.place),
        ] {
            if missing_language(t) {
                problems.push(problem(at, step, Issue::NoText(field)));
            }
        }
        if s.urgency < previous {
            problems.push(problem(
                at,
                step,
                Issue::OutOfOrder {
                    urgency: s.urgency,
                    previous,
                },
            ));
        }
        previous = s.urgency;
        for url in &s.links {
            if !url.starts_with("https://") {
                problems.push(problem(at, step, Issue::LinkNotHttps(url.clone())));
            }
        }
        if let Some(c) = &s.command
            && !c.starts_with("binance-audit ")
        {
            problems.push(problem(at, step, Issue::CommandPrefix));
        }
        steps.push(Step {
            id,
            urgency: s.urgency,
            title: s.title,
            why: s.why,
            place: s.place,
            command: s.command,
            links: s.links,
        });
    }
    let mut channels = Vec::new();
    for c in raw.channel {
        let at = Some(c.url.span().start);
        let url = c.url.into_inner();
        if !url.starts_with("https://") {
            problems.push(problem(at, None, Issue::ChannelNotHttps(url.clone())));
        }
        if missing_language(&c.name) {
            problems.push(problem(at, None, Issue::NoText(Field::ChannelName)));
        }
        channels.push(Channel { name: c.name, url });
    }
    if problems.is_empty() {
        Ok(Playbook {
            kind,
            title: raw.title,
            summary: raw.summary,
            steps,
            channels,
            origin: name.into(),
        })
    } else {
        Err(problems)
    }
}

fn missing_language(t: &Text) -> bool {
    t.en.trim().is_empty() || t.ja.trim().is_empty()
}

fn valid_step_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The playbook compiled into the binary.
pub fn builtin(kind: Kind) -> Result<Playbook, LoadError> {
    let name = format!("rules/playbooks/{kind}.toml");
    parse(&name, kind.builtin_source(), kind).map_err(LoadError)
}

/// `DIR/playbooks/KIND.toml` when `--rules DIR` holds one, else the built-in.
pub fn load(kind: Kind, rules_dir: Option<&Path>) -> Result<Playbook, LoadError> {
    if let Some(dir) = rules_dir {
        let path = dir.join("playbooks").join(format!("{kind}.toml"));
        if path.is_file() {
            let name = path.display().to_string();
            let fail = |issue: Issue| {
                LoadError(vec![Problem {
                    file: name.clone(),
                    line: None,
                    column: None,
                    step: None,
                    issue,
                }])
            };
            let bytes = std::fs::read(&path).map_err(|e| fail(Issue::Unreadable(e)))?;
            let src = String::from_utf8(bytes).map_err(|_| fail(Issue::NotUtf8))?;
            return parse(&name, &src, kind).map_err(LoadError);
        }
    }
    builtin(kind)
}

/// Binance's official channels, printed after every playbook and by `status`.
pub fn official_channels() -> Vec<Channel> {
    builtin(Kind::Support)
        .map(|p| p.channels)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_playbook_loads_with_both_languages() {
        for kind in Kind::ALL {
            let p = builtin(kind).unwrap_or_else(|e| panic!("{kind}: {}", e.render(Lang::En)));
            assert_eq!(p.kind, kind);
            assert!(p.steps.len() >= 5, "{kind}: only {} steps", p.steps.len());
            for s in &p.steps {
                for t in [&s.title, &s.why, &s.place] {
                    assert!(!t.en.is_empty() && !t.ja.is_empty(), "{kind}/{}", s.id);
                    // Japanese text that is a copy of the English is a missing translation.
                    assert_ne!(t.en, t.ja, "{kind}/{}", s.id);
                    assert!(
                        t.ja.chars().any(|c| c > '\u{3000}'),
                        "{kind}/{}: ja text has no Japanese: {}",
                        s.id,
                        t.ja
                    );
                }
            }
            assert_eq!(
                p.steps[0].urgency,
                Urgency::Now,
                "{kind}: first step must be urgent"
            );
        }
    }

    #[test]
    fn every_playbook_file_is_a_kind() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/playbooks");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        names.sort();
        let mut kinds: Vec<String> = Kind::ALL.iter().map(|k| format!("{k}.toml")).collect();
        kinds.sort();
        assert_eq!(names, kinds);
    }

    #[test]
    fn breach_has_the_seed_steps_in_order() {
        let p = builtin(Kind::Breach).unwrap();
        let ids = p.step_ids();
        let pos = |id: &str| {
            ids.iter()
                .position(|s| *s == id)
                .unwrap_or_else(|| panic!("{id} missing"))
        };
        assert!(pos("change-password") < pos("setup-2fa"));
        assert!(pos("delete-api-keys") < pos("report-to-binance"));
        assert!(pos("report-to-binance") < pos("police-report"));
        pos("freeze-account");
        pos("contact-receiving-exchanges");
    }

    #[test]
    fn official_channels_are_listed() {
        let c = official_channels();
        assert!(
            c.iter()
                .any(|c| c.url == "https://www.binance.com/en/official-verification")
        );
        assert!(c.iter().all(|c| c.url.starts_with("https://")));
    }

    const GOOD: &str = r#"
id = "trade"
title = { en = "T", ja = "テ" }
summary = { en = "S", ja = "ス" }
[[step]]
id = "a"
urgency = "now"
title = { en = "A", ja = "ア" }
why = { en = "W", ja = "ワ" }
where = { en = "P", ja = "プ" }
[[step]]
id = "b"
urgency = "soon"
title = { en = "B", ja = "ブ" }
why = { en = "W", ja = "ワ" }
where = { en = "P", ja = "プ" }
"#;

    #[test]
    fn good_file_parses() {
        let p = parse("t.toml", GOOD, Kind::Trade).unwrap();
        assert_eq!(p.step_ids(), ["a", "b"]);
    }

    #[test]
    fn typo_has_line_and_column() {
        let src = GOOD.replace("urgency = \"soon\"", "urgncy = \"soon\"");
        let p = parse("t.toml", &src, Kind::Trade).unwrap_err();
        assert_eq!(p[0].line, Some(13), "{:?}", p[0]);
        assert!(p[0].render(Lang::En).contains("urgncy"), "{:?}", p[0]);
        let src = GOOD.replace("\"soon\"", "\"later\"");
        let p = parse("t.toml", &src, Kind::Trade).unwrap_err();
        assert_eq!((p[0].line, p[0].column), (Some(13), Some(11)), "{:?}", p[0]);
    }

    #[test]
    fn semantic_problems_are_positioned_at_the_step() {
        let src = GOOD.replacen(
            "why = { en = \"W\", ja = \"ワ\" }",
            "why = { en = \"W\", ja = \"\" }",
            1,
        );
        let p = parse("t.toml", &src, Kind::Trade).unwrap_err();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(6));
        // Found as a value, made a sentence only when shown.
        assert_eq!(p[0].step.as_deref(), Some("a"));
        assert!(
            matches!(p[0].issue, Issue::NoText(Field::Why)),
            "{:?}",
            p[0]
        );
        assert!(
            p[0].render(Lang::Ja)
                .contains("手順 a: `why` には en と ja")
        );
        assert!(
            p[0].render(Lang::En)
                .contains("step a: why needs both en and ja"),
            "{:?}",
            p[0]
        );
    }

    #[test]
    fn wrong_id_duplicates_and_order_are_rejected() {
        assert!(
            parse("t.toml", GOOD, Kind::Breach).unwrap_err()[0]
                .render(Lang::En)
                .contains("must hold the \"breach\" playbook")
        );
        let dup = GOOD.replace("id = \"b\"", "id = \"a\"");
        assert!(
            parse("t.toml", &dup, Kind::Trade).unwrap_err()[0]
                .render(Lang::En)
                .contains("used twice")
        );
        let order = GOOD
            .replace("\"now\"", "\"x\"")
            .replace("\"soon\"", "\"now\"")
            .replace("\"x\"", "\"soon\"");
        assert!(
            parse("t.toml", &order, Kind::Trade).unwrap_err()[0]
                .render(Lang::En)
                .contains("most to least urgent")
        );
        let bad = GOOD.replace("id = \"b\"", "id = \"B c\"");
        assert!(parse("t.toml", &bad, Kind::Trade).is_err());
    }

    #[test]
    fn a_broken_playbook_is_reported_in_japanese() {
        let src = r#"
id = "breach"
title = { en = "T", ja = "" }
summary = { en = "", ja = "ス" }
[[step]]
id = "Bad Id"
urgency = "soon"
title = { en = "A", ja = "" }
why = { en = "W", ja = "ワ" }
where = { en = "P", ja = "プ" }
links = ["http://example.com/a"]
command = "rm -rf /"
[[step]]
id = "Bad Id"
urgency = "now"
title = { en = "B", ja = "ブ" }
why = { en = "", ja = "ワ" }
where = { en = "P", ja = "" }
[[channel]]
name = { en = "X", ja = "" }
url = "http://example.com/c"
"#;
        let p = parse("t.toml", src, Kind::Trade).unwrap_err();
        let messages: Vec<String> = p.iter().map(|p| p.render(Lang::Ja)).collect();
        let all = messages.join("\n");
        for want in [
            "\"trade\" のプレイブック",
            "`title` には en と ja",
            "`summary` には en と ja",
            "手順ID \"Bad Id\" には英小文字",
            "手順ID \"Bad Id\" が2回",
            "手順 Bad Id: `title` には",
            "手順 Bad Id: `why` には",
            "手順 Bad Id: `where` には",
            "緊急度 \"now\" の手順が \"soon\" の手順の後",
            "リンク「http://example.com/a」は https のURL",
            "`command` は `binance-audit ` で始めて",
            "チャネル「http://example.com/c」は https のURL",
            "チャネルの `name` には en と ja",
        ] {
            assert!(all.contains(want), "{want:?} missing in:\n{all}");
        }
        let empty = parse("t.toml", "id = \"trade\"\ntitle = { en = \"T\", ja = \"テ\" }\nsummary = { en = \"S\", ja = \"ス\" }\n", Kind::Trade).unwrap_err();
        let mut messages: Vec<String> = messages;
        messages.extend(empty.iter().map(|p| p.render(Lang::Ja)));
        assert!(
            messages
                .last()
                .unwrap()
                .contains("`[[step]]` が少なくとも1つ")
        );

        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("playbooks")).unwrap();
        std::fs::write(dir.path().join("playbooks/trade.toml"), b"\xff").unwrap();
        let e = load(Kind::Trade, Some(dir.path())).unwrap_err();
        assert!(e.render(Lang::Ja).contains("UTF-8ではありません"), "{e:?}");
        messages.push(e.render(Lang::Ja));
        for m in &messages {
            assert!(m.chars().any(|c| c > '\u{3000}'), "not Japanese: {m}");
            let runs = crate::i18n::english_runs(m);
            assert!(runs.is_empty(), "English {runs:?} in: {m}");
        }
        // The same file in English says the same problems in English.
        let en = parse("t.toml", src, Kind::Trade).unwrap_err();
        assert_eq!(en.len(), p.len());
        assert!(
            en.iter()
                .any(|p| p.render(Lang::En).contains("most to least urgent"))
        );
    }

    #[test]
    fn garbage_never_panics() {
        for src in [
            "",
            "id = 3",
            "[[step]]",
            "\u{0}",
            "id = \"trade\"\n[[step]]\nid=\"a\"",
        ] {
            assert!(parse("x.toml", src, Kind::Trade).is_err());
        }
    }

    #[test]
    fn override_dir_replaces_one_playbook() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("playbooks")).unwrap();
        std::fs::write(dir.path().join("playbooks/trade.toml"), GOOD).unwrap();
        let p = load(Kind::Trade, Some(dir.path())).unwrap();
        assert_eq!(p.step_ids(), ["a", "b"]);
        assert!(p.origin.ends_with("trade.toml"));
        let b = load(Kind::Breach, Some(dir.path())).unwrap();
        assert_eq!(b.origin, "rules/playbooks/breach.toml");
        std::fs::write(dir.path().join("playbooks/trade.toml"), "id = 1").unwrap();
        let e = load(Kind::Trade, Some(dir.path())).unwrap_err();
        assert!(e.render(Lang::En).contains("trade.toml:1:"), "{e:?}");
    }
}
