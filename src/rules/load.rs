//! TOML → Rule, with file:line:column on every error, and the checks that
//! make a rule trustworthy before it ever runs: known facts, a condition that
//! compiles and reads only what it declares, both languages, own test cases.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::{BUILTIN, Category, DATA_FILES, Expect, Rule, RuleTest, Severity};
use crate::facts::{self, Facts};
use crate::i18n::{Text, TextList};

/// One problem in one rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => write!(f, "rules could not be loaded"),
            [one] => write!(f, "{one}"),
            [first, rest @ ..] => write!(
                f,
                "{first} (and {} more problem(s); run `binance-audit rules check DIR` to list them)",
                rest.len()
            ),
        }
    }
}

impl std::error::Error for LoadError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: toml::Spanned<String>,
    category: Category,
    severity: Severity,
    weight: Option<u32>,
    facts: Vec<String>,
    when: toml::Spanned<String>,
    evidence: Option<Vec<String>>,
    title: Text,
    risk: Text,
    remediation: TextList,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    test: Vec<RawTest>,
    /// A band rule's worse neighbour: when that one fires, this one is
    /// neither a second finding nor "passed".
    superseded_by: Option<String>,
    /// False for findings no setting fixes ("withdrawals in the last 24
    /// hours — was that you?"): they promise no points.
    fixable: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    facts: toml::Table,
    expect: Expect,
}

pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Parse one rule file's text. `name` is used in messages.
pub fn parse_file(name: &str, src: &str) -> Result<Vec<Rule>, Vec<Problem>> {
    let raw: RawFile = toml::from_str(src).map_err(|e| {
        let (line, column) = match e.span() {
            Some(s) => {
                let (l, c) = line_col(src, s.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        vec![Problem {
            file: name.into(),
            line,
            column,
            message: crate::parse_message::message(
                &e.message().trim().replace('\n', " "),
                crate::i18n::ui(),
            ),
        }]
    })?;
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    for r in raw.rule {
        match build(name, src, r) {
            Ok(rule) => rules.push(rule),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(problems)
    }
}

fn build(file: &str, src: &str, r: RawRule) -> Result<Rule, Vec<Problem>> {
    // Positions are worked out only for a message: counting lines up to
    // each rule made loading a 20 000-rule file quadratic.
    let id_start = r.id.span().start;
    let id_pos = std::cell::OnceCell::new();
    let at = || *id_pos.get_or_init(|| line_col(src, id_start));
    let id = r.id.into_inner();
    let mut problems = Vec::new();
    let mut bad = |msg: String| {
        problems.push(Problem {
            file: file.into(),
            line: Some(at().0),
            column: Some(at().1),
            message: format!("rule {id}: {msg}"),
        })
    };

    if !valid_id(&id) {
        bad("id must look like BA-XYZ-001 (upper-case letters, digits, dashes)".into());
    }
    if r.facts.is_empty() {
        bad("`facts` is empty: name every fact the condition reads".into());
    }
    for f in r.facts.iter().chain(r.evidence.iter().flatten()) {
        if facts::lookup(f).is_none() {
            bad(format!("unknown fact `{f}`{}", suggest(f)));
        }
    }
    for (lang, t) in [("title", &r.title), ("risk", &r.risk)] {
        if t.en.trim().is_empty() || t.ja.trim().is_empty() {
            bad(format!("{lang} needs both en and ja text"));
        }
    }
    if r.remediation.en.is_empty() || r.remediation.ja.is_empty() {
        bad("remediation needs steps in both en and ja".into());
    } else if r.remediation.en.len() != r.remediation.ja.len() {
        bad(format!(
            "remediation has {} English step(s) but {} Japanese step(s)",
            r.remediation.en.len(),
            r.remediation.ja.len()
        ));
    }
    for url in &r.references {
        if !url.starts_with("https://") {
            bad(format!("reference {url:?} must be an https URL"));
        }
    }

    let when_span = r.when.span();
    let when = r.when.into_inner();
    let program = match compile(&when) {
        Ok(p) => Some(p),
        Err((l, c, msg)) => {
            // Point into the TOML file: the string starts one char after its quote.
            let (wl, wc) = line_col(src, when_span.start);
            let (line, column) = if l <= 1 {
                (wl, wc + c.max(1))
            } else {
                (wl + l - 1, c.max(1))
            };
            problems.push(Problem {
                file: file.into(),
                line: Some(line),
                column: Some(column),
                message: format!("rule {id}: condition does not parse: {msg}"),
            });
            None
        }
    };
    if let Some(p) = &program {
        let work = super::cost::cost(p.expression());
        if work > super::cost::MAX_COST {
            problems.push(Problem {
                file: file.into(),
                line: Some(at().0),
                column: Some(at().1),
                message: format!(
                    "rule {id}: the condition may take about {work} steps, more than the {} a rule may take (lists from facts are counted as {} long); use fewer nested all/exists/map/filter",
                    super::cost::MAX_COST,
                    super::cost::FACT_LIST
                ),
            });
        }
        let declared: HashSet<&str> = r.facts.iter().filter_map(|f| f.split('.').next()).collect();
        for var in p.references().variables() {
            if is_namespace(var) && !declared.contains(var) {
                problems.push(Problem {
                    file: file.into(),
                    line: Some(at().0),
                    column: Some(at().1),
                    message: format!(
                        "rule {id}: condition reads `{var}.…` but `facts` names nothing in `{var}`"
                    ),
                });
            }
        }
    }

    let mut tests = Vec::new();
    for t in r.test {
        let value = serde_json::to_value(&t.facts).unwrap_or_default();
        for (name, fact) in Facts::from_nested(&value).iter() {
            match facts::lookup(name) {
                None => problems.push(Problem {
                    file: file.into(),
                    line: Some(at().0),
                    column: Some(at().1),
                    message: format!("rule {id}: test case uses unknown fact `{name}`"),
                }),
                Some(def) => {
                    if let Some(v) = fact.value()
                        && !def.kind.matches(v)
                    {
                        problems.push(Problem {
                            file: file.into(),
                            line: Some(at().0),
                            column: Some(at().1),
                            message: format!(
                                "rule {id}: test case gives `{name}` = {v}, expected a {:?}",
                                def.kind
                            ),
                        });
                    }
                }
            }
        }
        tests.push(RuleTest {
            facts: value,
            expect: t.expect,
        });
    }
    let has = |e: Expect| tests.iter().any(|t| t.expect == e);
    if !has(Expect::Pass) || !has(Expect::Fail) {
        problems.push(Problem {
            file: file.into(),
            line: Some(at().0),
            column: Some(at().1),
            message: format!("rule {id}: needs at least one [[rule.test]] expecting \"pass\" and one expecting \"fail\""),
        });
    }

    match program {
        Some(program) if problems.is_empty() => Ok(Rule {
            weight: r.weight.unwrap_or_else(|| r.severity.default_weight()),
            evidence: r.evidence.unwrap_or_else(|| r.facts.clone()),
            id,
            category: r.category,
            severity: r.severity,
            facts: r.facts,
            when,
            title: r.title,
            risk: r.risk,
            remediation: r.remediation,
            references: r.references,
            superseded_by: r.superseded_by,
            fixable: r.fixable.unwrap_or(true),
            tests,
            origin: file.into(),
            program: Arc::new(program),
        }),
        _ => Err(problems),
    }
}

/// Compile a CEL condition; the parser has been seen to panic on odd input,
/// so a panic becomes an ordinary error here.
fn compile(src: &str) -> Result<cel::Program, (usize, usize, String)> {
    let result = std::panic::catch_unwind(|| cel::Program::compile(src));
    match result {
        Ok(Ok(p)) => Ok(p),
        Ok(Err(errs)) => {
            let first = errs.errors.first();
            let (l, c) = first.map_or((1, 1), |e| {
                (e.pos.0.max(1) as usize, e.pos.1.max(0) as usize + 1)
            });
            let msg = first.map_or_else(|| "syntax error".to_string(), |e| e.msg.clone());
            Err((l, c, msg))
        }
        Err(_) => Err((1, 1, "the expression parser failed on this input".into())),
    }
}

fn valid_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
        && parts
            .last()
            .is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
}

fn is_namespace(var: &str) -> bool {
    facts::CATALOGUE
        .iter()
        .any(|d| d.name.split('.').next() == Some(var))
}

fn suggest(name: &str) -> String {
    facts::CATALOGUE
        .iter()
        .map(|d| (strsim::levenshtein(d.name, name), d.name))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, n)| format!(" (did you mean `{n}`?)"))
        .unwrap_or_default()
}

fn finish(rules: Vec<Rule>, mut problems: Vec<Problem>) -> Result<Vec<Rule>, LoadError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for r in &rules {
        if let Some(prev) = seen.insert(&r.id, &r.origin) {
            problems.push(Problem {
                file: r.origin.clone(),
                line: None,
                column: None,
                message: format!("rule id {} is also defined in {prev}", r.id),
            });
        }
    }
    for r in &rules {
        let Some(by) = &r.superseded_by else { continue };
        let problem = if by == &r.id {
            Some(format!("rule {} is superseded by itself", r.id))
        } else {
            match rules.iter().find(|o| &o.id == by) {
                None => Some(format!(
                    "rule {} is superseded_by {by}, which is not a rule here",
                    r.id
                )),
                Some(o) if o.superseded_by.as_deref() == Some(r.id.as_str()) => {
                    Some(format!("rules {} and {by} supersede each other", r.id))
                }
                Some(o) if o.category != r.category => Some(format!(
                    "rule {} is superseded_by {by} of another category ({})",
                    r.id, o.category
                )),
                Some(_) => None,
            }
        };
        if let Some(message) = problem {
            problems.push(Problem {
                file: r.origin.clone(),
                line: None,
                column: None,
                message,
            });
        }
    }
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(LoadError(problems))
    }
}

/// The rules compiled into the binary.
pub fn load_builtin() -> Result<Vec<Rule>, LoadError> {
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    for (name, src) in BUILTIN {
        match parse_file(&format!("rules/{name}"), src) {
            Ok(mut r) => rules.append(&mut r),
            Err(mut p) => problems.append(&mut p),
        }
    }
    finish(rules, problems)
}

/// Every rule file in `dir` (not recursive; data files such as domains.toml skipped).
pub fn load_dir(dir: &Path) -> Result<Vec<Rule>, LoadError> {
    let unreadable = |msg: String| {
        LoadError(vec![Problem {
            file: dir.display().to_string(),
            line: None,
            column: None,
            message: msg,
        }])
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        unreadable(format!(
            "{}: {}",
            crate::i18n::ui_tr(
                "cannot read rules folder",
                "ルールのフォルダを読み込めません"
            ),
            crate::files::io_reason(&e)
        ))
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| DATA_FILES.iter().any(|d| n == *d))
        })
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(unreadable("no rule files (*.toml) in this folder".into()));
    }
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match crate::bounded::read_file(&path, crate::bounded::RULE_FILE) {
            Err(e) => problems.push(Problem {
                file: name,
                line: None,
                column: None,
                message: e.describe("the file"),
            }),
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(_) => problems.push(Problem {
                    file: name,
                    line: None,
                    column: None,
                    message: "not valid UTF-8".into(),
                }),
                Ok(src) => match parse_file(&name, &src) {
                    Ok(mut r) => rules.append(&mut r),
                    Err(mut p) => problems.append(&mut p),
                },
            },
        }
    }
    finish(rules, problems)
}

/// Built-in rules, with rules from `dir` replacing those of the same id and
/// adding new ones.
pub fn load_with_overrides(dir: Option<&Path>) -> Result<Vec<Rule>, LoadError> {
    let mut rules = load_builtin()?;
    if let Some(dir) = dir {
        let mut index: std::collections::HashMap<String, usize> = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        for extra in load_dir(dir)? {
            match index.get(&extra.id) {
                Some(&i) => rules[i] = extra,
                None => {
                    index.insert(extra.id.clone(), rules.len());
                    rules.push(extra);
                }
            }
        }
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "BA-TST-001"
category = "password"
severity = "high"
facts = ["password.score"]
when = "password.score <= 1"
title = { en = "t", ja = "t" }
risk = { en = "r", ja = "r" }
remediation = { en = ["a"], ja = ["a"] }
[[rule.test]]
facts = { password = { score = 1 } }
expect = "fail"
[[rule.test]]
facts = { password = { score = 3 } }
expect = "pass"
"#;

    #[test]
    fn good_rule_loads() {
        let rules = parse_file("t.toml", GOOD).unwrap();
        assert_eq!(rules[0].weight, 10);
        assert_eq!(rules[0].evidence, vec!["password.score".to_string()]);
    }

    #[test]
    fn toml_typo_has_line_and_column() {
        let src = GOOD.replace("when =", "whn =");
        let p = parse_file("t.toml", &src).unwrap_err();
        assert_eq!(p[0].line, Some(7), "{}", p[0]);
        assert!(p[0].message.contains("whn"), "{}", p[0]);
    }

    #[test]
    fn unknown_fact_is_named_with_suggestion() {
        let src = GOOD.replace(
            "facts = [\"password.score\"]",
            "facts = [\"password.scor\"]",
        );
        let p = parse_file("t.toml", &src).unwrap_err();
        assert!(
            p.iter()
                .any(|p| p.message.contains("unknown fact `password.scor`")
                    && p.message.contains("password.score"))
        );
    }

    #[test]
    fn bad_expression_is_positioned() {
        let src = GOOD.replace("password.score <= 1", "password.score <=");
        let p = parse_file("t.toml", &src).unwrap_err();
        assert!(p[0].message.contains("does not parse"), "{}", p[0]);
        assert_eq!(p[0].line, Some(7));
    }

    #[test]
    fn missing_translation_is_an_error() {
        let src = GOOD.replace(
            "title = { en = \"t\", ja = \"t\" }",
            "title = { en = \"t\", ja = \"\" }",
        );
        let p = parse_file("t.toml", &src).unwrap_err();
        assert!(
            p[0].message.contains("title needs both en and ja"),
            "{}",
            p[0]
        );
        let src = GOOD.replace(
            "title = { en = \"t\", ja = \"t\" }",
            "title = { en = \"t\" }",
        );
        assert!(parse_file("t.toml", &src).is_err());
    }

    #[test]
    fn condition_reading_undeclared_namespace_is_an_error() {
        let src = GOOD.replace(
            "password.score <= 1",
            "password.score <= 1 || api.ip_restrict",
        );
        let p = parse_file("t.toml", &src).unwrap_err();
        assert!(p[0].message.contains("`api.…`"), "{}", p[0]);
    }

    #[test]
    fn rule_without_both_test_kinds_is_an_error() {
        let src = GOOD.replace("expect = \"pass\"", "expect = \"fail\"");
        let p = parse_file("t.toml", &src).unwrap_err();
        assert!(p[0].message.contains("expecting \"pass\""), "{}", p[0]);
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let r1 = parse_file("a.toml", GOOD).unwrap();
        let r2 = parse_file("b.toml", GOOD).unwrap();
        let err = finish(r1.into_iter().chain(r2).collect(), vec![]).unwrap_err();
        assert!(err.to_string().contains("also defined in a.toml"), "{err}");
    }

    #[test]
    fn garbage_never_panics() {
        for src in [
            "[[rule]]",
            "rule = 3",
            "\u{0}\u{1}",
            "[[rule]]\nid = 1",
            "when = '&&'",
        ] {
            assert!(parse_file("x.toml", src).is_err());
        }
    }
}
