//! Incident playbooks are data (`rules/playbooks/*.toml`): ordered steps, each
//! with why it matters, how urgent it is and where in the app to do it, in
//! English and Japanese. The built-in ones are compiled in; `--rules DIR` can
//! replace one with `DIR/playbooks/KIND.toml`.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text, tr};
use crate::rules::line_col;

// The playbook loader keeps the rule loader's former text-made problems
// until it gets typed ones of its own (the incident branch has them).
/// One problem in one rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem found while loading; Display gives one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub Vec<Problem>);

impl LoadError {
    /// The first problem and how many more, in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        // `rules check` lists a rules folder's problems, not a playbook's:
        // for those the count is all that can be pointed to.
        let playbook = self.0.iter().any(|p| {
            std::path::Path::new(&p.file)
                .components()
                .any(|c| c.as_os_str() == "playbooks")
        });
        match (self.0.as_slice(), lang) {
            ([], _) => tr(
                lang,
                "rules could not be loaded",
                "ルールを読み込めませんでした",
            )
            .into(),
            ([one], _) => one.to_string(),
            ([first, rest @ ..], Lang::En) if playbook => {
                format!("{first} (and {} more problem(s))", rest.len())
            }
            ([first, rest @ ..], Lang::Ja) if playbook => {
                format!("{first}（ほかに{}件の問題があります）", rest.len())
            }
            ([first, rest @ ..], Lang::En) => format!(
                "{first} (and {} more problem(s); run `binance-audit rules check DIR` to list them)",
                rest.len()
            ),
            ([first, rest @ ..], Lang::Ja) => format!(
                "{first}（ほかに{}件の問題があります。一覧は `binance-audit rules check DIR` で確認できます）",
                rest.len()
            ),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(crate::i18n::ui()))
    }
}

impl std::error::Error for LoadError {}

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
    pub fn summary_in(self, lang: crate::i18n::Lang) -> &'static str {
        if lang == crate::i18n::Lang::En {
            return self.summary();
        }
        match self {
            Kind::Breach => {
                "他人にアクセスされているかもしれない: 締め出し、資産の流出を止め、報告する"
            }
            Kind::Outage => "Binanceやアプリが動かない: Binanceの問題か、自分の側の問題か",
            Kind::Account => "ロック、制限、本人確認、ログインできない",
            Kind::Trade => "誤った注文、想定外の価格での約定、スリッページ",
            Kind::Support => "Binanceサポートへの連絡方法と伝える内容",
        }
    }

    pub fn summary(self) -> &'static str {
        match self {
            Kind::Breach => {
                "Someone else may have access: lock them out, stop funds leaving, report"
            }
            Kind::Outage => "Binance or the app is not working: is it Binance or is it me?",
            Kind::Account => "Locked, restricted, identity verification, cannot log in",
            Kind::Trade => "Wrong order, bad fill, slippage",
            Kind::Support => "How to contact Binance support and what to include",
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
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Urgency::Now => tr(lang, "NOW", "今すぐ"),
            Urgency::Today => tr(lang, "TODAY", "今日中"),
            Urgency::Soon => tr(lang, "SOON", "近日中"),
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

/// Parse one playbook file. `name` is used in messages; `kind` is the playbook
/// this file must be (its `id`).
pub fn parse(name: &str, src: &str, kind: Kind) -> Result<Playbook, Vec<Problem>> {
    parse_in(name, src, kind, crate::i18n::ui())
}

/// `parse` with its problems in `lang`.
pub fn parse_in(name: &str, src: &str, kind: Kind, lang: Lang) -> Result<Playbook, Vec<Problem>> {
    let ja = lang == Lang::Ja;
    let problem = |offset: Option<usize>, message: String| {
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
            message,
        }
    };
    let raw: RawPlaybook = toml::from_str(src).map_err(|e| {
        vec![problem(
            e.span().map(|s| s.start),
            crate::parse_message::message(&e.message().trim().replace('\n', " "), lang),
        )]
    })?;
    let mut problems = Vec::new();
    let id_at = raw.id.span().start;
    if raw.id.get_ref() != kind.as_str() {
        problems.push(problem(
            Some(id_at),
            if ja {
                format!(
                    "`id` が {:?} ですが、このファイルには {:?} のプレイブックを書いてください",
                    raw.id.get_ref(),
                    kind.as_str()
                )
            } else {
                format!(
                    "id is {:?} but this file must hold the {:?} playbook",
                    raw.id.get_ref(),
                    kind.as_str()
                )
            },
        ));
    }
    for (what, t) in [("title", &raw.title), ("summary", &raw.summary)] {
        if let Some(msg) = missing_language(what, t, lang) {
            problems.push(problem(Some(id_at), msg));
        }
    }
    if raw.step.is_empty() {
        problems.push(problem(
            Some(id_at),
            tr(
                lang,
                "a playbook needs at least one [[step]]",
                "プレイブックには `[[step]]` が少なくとも1つ必要です",
            )
            .into(),
        ));
    }
    let mut seen = HashSet::new();
    let mut steps = Vec::new();
    let mut previous = Urgency::Now;
    for s in raw.step {
        let at = Some(s.id.span().start);
        let id = s.id.into_inner();
        let step = format!("{} {id}", tr(lang, "step", "手順"));
        if !valid_step_id(&id) {
            problems.push(problem(
                at,
                if ja {
                    format!("手順ID {id:?} には英小文字、数字、ハイフンだけを使ってください")
                } else {
                    format!("step id {id:?} must be lower-case letters, digits and dashes")
                },
            ));
        }
        if !seen.insert(id.clone()) {
            problems.push(problem(
                at,
                if ja {
                    format!("手順ID {id:?} が2回使われています")
                } else {
                    format!("step id {id:?} is used twice")
                },
            ));
        }
        for (what, t) in [("title", &s.title), ("why", &s.why), ("where", &s.place)] {
            if let Some(msg) = missing_language(what, t, lang) {
                problems.push(problem(at, format!("{step}: {msg}")));
            }
        }
        if s.urgency < previous {
            problems.push(problem(
                at,
                if ja {
                    format!(
                        "{step}: 緊急度 {:?} の手順が {:?} の手順の後にあります。緊急度の高い順に並べてください",
                        s.urgency.as_str(),
                        previous.as_str()
                    )
                } else {
                    format!(
                        "{step}: urgency {:?} comes after a {:?} step; order steps from most to least urgent",
                        s.urgency.as_str(),
                        previous.as_str()
                    )
                },
            ));
        }
        previous = s.urgency;
        for url in &s.links {
            if !url.starts_with("https://") {
                problems.push(problem(
                    at,
                    if ja {
                        format!(
                            "{step}: リンク「{}」は https のURLにしてください",
                            crate::escape::escape_controls(url)
                        )
                    } else {
                        format!("{step}: link {url:?} must be an https URL")
                    },
                ));
            }
        }
        if let Some(c) = &s.command
            && !c.starts_with("binance-audit ")
        {
            problems.push(problem(
                at,
                if ja {
                    format!("{step}: `command` は `binance-audit ` で始めてください")
                } else {
                    format!("{step}: command must start with `binance-audit `")
                },
            ));
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
            problems.push(problem(
                at,
                if ja {
                    format!(
                        "チャネル「{}」は https のURLにしてください",
                        crate::escape::escape_controls(&url)
                    )
                } else {
                    format!("channel {url:?} must be an https URL")
                },
            ));
        }
        if let Some(msg) = missing_language("channel name", &c.name, lang) {
            problems.push(problem(at, msg));
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

/// `what` is a field name (`title`), or "channel name" for a channel's `name`.
fn missing_language(what: &str, t: &Text, lang: Lang) -> Option<String> {
    (t.en.trim().is_empty() || t.ja.trim().is_empty()).then(|| match lang {
        Lang::En => format!("{what} needs both en and ja text"),
        Lang::Ja => {
            let field = match what {
                "channel name" => "チャネルの `name`".to_string(),
                w => format!("`{w}`"),
            };
            format!("{field} には en と ja の両方のテキストが必要です")
        }
    })
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
    load_in(kind, rules_dir, crate::i18n::ui())
}

/// `load` with its problems in `lang`.
pub fn load_in(kind: Kind, rules_dir: Option<&Path>, lang: Lang) -> Result<Playbook, LoadError> {
    if let Some(dir) = rules_dir {
        let path = dir.join("playbooks").join(format!("{kind}.toml"));
        if path.is_file() {
            let name = path.display().to_string();
            let fail = |message: String| {
                LoadError(vec![Problem {
                    file: name.clone(),
                    line: None,
                    column: None,
                    message,
                }])
            };
            let bytes = std::fs::read(&path).map_err(|e| {
                fail(match lang {
                    Lang::En => format!("cannot read: {e}"),
                    Lang::Ja => format!("読み込めません: {}", crate::files::io_reason(&e)),
                })
            })?;
            let src = String::from_utf8(bytes)
                .map_err(|_| fail(tr(lang, "not valid UTF-8", "UTF-8ではありません").into()))?;
            return parse_in(&name, &src, kind, lang).map_err(LoadError);
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
            let p = builtin(kind).unwrap_or_else(|e| panic!("{kind}: {e}"));
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
        assert_eq!(p[0].line, Some(13), "{}", p[0]);
        assert!(p[0].message.contains("urgncy"), "{}", p[0]);
        let src = GOOD.replace("\"soon\"", "\"later\"");
        let p = parse("t.toml", &src, Kind::Trade).unwrap_err();
        assert_eq!((p[0].line, p[0].column), (Some(13), Some(11)), "{}", p[0]);
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
        assert!(
            p[0].message.contains("step a: why needs both en and ja"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn wrong_id_duplicates_and_order_are_rejected() {
        assert!(
            parse("t.toml", GOOD, Kind::Breach).unwrap_err()[0]
                .message
                .contains("must hold the \"breach\" playbook")
        );
        let dup = GOOD.replace("id = \"b\"", "id = \"a\"");
        assert!(
            parse("t.toml", &dup, Kind::Trade).unwrap_err()[0]
                .message
                .contains("used twice")
        );
        let order = GOOD
            .replace("\"now\"", "\"x\"")
            .replace("\"soon\"", "\"now\"")
            .replace("\"x\"", "\"soon\"");
        assert!(
            parse("t.toml", &order, Kind::Trade).unwrap_err()[0]
                .message
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
        let p = parse_in("t.toml", src, Kind::Trade, Lang::Ja).unwrap_err();
        let messages: Vec<String> = p.iter().map(|p| p.to_string()).collect();
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
        let empty = parse_in("t.toml", "id = \"trade\"\ntitle = { en = \"T\", ja = \"テ\" }\nsummary = { en = \"S\", ja = \"ス\" }\n", Kind::Trade, Lang::Ja).unwrap_err();
        let mut messages: Vec<String> = messages;
        messages.extend(empty.iter().map(|p| p.to_string()));
        assert!(
            messages
                .last()
                .unwrap()
                .contains("`[[step]]` が少なくとも1つ")
        );

        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("playbooks")).unwrap();
        std::fs::write(dir.path().join("playbooks/trade.toml"), b"\xff").unwrap();
        let e = load_in(Kind::Trade, Some(dir.path()), Lang::Ja).unwrap_err();
        assert!(e.line(Lang::Ja).contains("UTF-8ではありません"), "{e}");
        messages.push(e.line(Lang::Ja));
        for m in &messages {
            assert!(m.chars().any(|c| c > '\u{3000}'), "not Japanese: {m}");
            let runs = crate::i18n::english_runs(m);
            assert!(runs.is_empty(), "English {runs:?} in: {m}");
        }
        // The same file in English says the same problems in English.
        let en = parse_in("t.toml", src, Kind::Trade, Lang::En).unwrap_err();
        assert_eq!(en.len(), p.len());
        assert!(
            en.iter()
                .any(|p| p.message.contains("most to least urgent"))
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
        assert!(e.to_string().contains("trade.toml:1:"), "{e}");
    }
}
