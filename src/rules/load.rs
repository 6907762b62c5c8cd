//! TOML → Rule, with file:line:column on every error, and the checks that
//! make a rule trustworthy before it ever runs: known facts, a condition that
//! compiles and reads only what it declares, both languages, own test cases.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::{BUILTIN, Category, DATA_FILES, Expect, Rule, RuleTest, Severity};
use crate::facts::{self, Facts};
use crate::i18n::{Msg, Text, TextList};
use crate::msg;

/// One problem in one rule file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: Msg,
}

impl Problem {
    /// "file:line:column: message", as far as the position is known.
    pub fn msg(&self) -> Msg {
        let (file, message) = (&self.file, &self.message);
        match (self.line, self.column) {
            (Some(l), Some(c)) => msg!(
                "engine-problem-at-column",
                file = file,
                line = l,
                column = c,
                message = message
            ),
            (Some(l), None) => msg!(
                "engine-problem-at-line",
                file = file,
                line = l,
                message = message
            ),
            _ => msg!("engine-problem-in-file", file = file, message = message),
        }
    }
}

/// Every problem found while loading; Display gives one line.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError(pub Vec<Problem>);

impl LoadError {
    /// The first problem and how many more.
    pub fn msg(&self) -> Msg {
        // `rules check` lists a rules folder's problems, not a playbook's:
        // for those the count is all that can be pointed to.
        let playbook = self.0.iter().any(|p| {
            std::path::Path::new(&p.file)
                .components()
                .any(|c| c.as_os_str() == "playbooks")
        });
        match self.0.as_slice() {
            [] => msg!("engine-rules-not-loaded"),
            [one] => one.msg(),
            [first, rest @ ..] if playbook => {
                msg!(
                    "engine-more-problems",
                    first = first.msg(),
                    more = rest.len()
                )
            }
            [first, rest @ ..] => msg!(
                "engine-more-problems-check",
                first = first.msg(),
                more = rest.len()
            ),
        }
    }
}

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
    /// What a pass establishes, for ✓ lines and passed test cases: never
    /// the finding's own title beside a check mark.
    passed: Option<Text>,
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
            message: crate::parse_message::message_msg(&e.message().trim().replace('\n', " ")),
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
    let of_rule = |problem: Msg| msg!("engine-rule-problem", id = &id, problem = problem);
    let mut problems = Vec::new();
    let mut bad = |m: Msg| {
        problems.push(Problem {
            file: file.into(),
            line: Some(at().0),
            column: Some(at().1),
            message: of_rule(m),
        })
    };

    if !valid_id(&id) {
        bad(msg!("engine-rule-bad-id"));
    }
    if r.facts.is_empty() {
        bad(msg!("engine-rule-no-facts"));
    }
    for f in r.facts.iter().chain(r.evidence.iter().flatten()) {
        if facts::lookup(f).is_none() {
            bad(match suggest(f) {
                Some(near) => msg!("engine-rule-unknown-fact-near", fact = f, near = near),
                None => msg!("engine-rule-unknown-fact", fact = f),
            });
        }
    }
    match &r.passed {
        None => bad(msg!("engine-rule-needs-passed")),
        Some(t) if t.en.trim().is_empty() || t.ja.trim().is_empty() => {
            bad(msg!("engine-rule-needs-both-languages", field = "passed"))
        }
        Some(_) => {}
    }
    for (field, t) in [("title", &r.title), ("risk", &r.risk)] {
        if t.en.trim().is_empty() || t.ja.trim().is_empty() {
            bad(msg!("engine-rule-needs-both-languages", field = field));
        }
    }
    if r.remediation.en.is_empty() || r.remediation.ja.is_empty() {
        bad(msg!("engine-rule-remediation-both"));
    } else if r.remediation.en.len() != r.remediation.ja.len() {
        let (en_n, ja_n) = (r.remediation.en.len(), r.remediation.ja.len());
        bad(msg!(
            "engine-rule-remediation-count",
            en_n = en_n,
            ja_n = ja_n
        ));
    }
    for url in &r.references {
        if !url.starts_with("https://") {
            // Shown as Rust quotes it: escaped, so a control character in
            // the file cannot reach the terminal.
            let quoted = format!("{url:?}");
            let inner = &quoted[1..quoted.len() - 1];
            bad(msg!("engine-rule-reference-https", url = inner));
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
                message: of_rule(msg!("engine-rule-condition-syntax", error = msg)),
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
                message: of_rule(msg!(
                    "engine-rule-condition-cost",
                    work = work,
                    max = super::cost::MAX_COST,
                    list = super::cost::FACT_LIST
                )),
            });
        }
        let declared: HashSet<&str> = r.facts.iter().filter_map(|f| f.split('.').next()).collect();
        for var in p.references().variables() {
            if is_namespace(var) && !declared.contains(var) {
                problems.push(Problem {
                    file: file.into(),
                    line: Some(at().0),
                    column: Some(at().1),
                    message: of_rule(msg!("engine-rule-reads-undeclared", var = var)),
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
                    message: of_rule(msg!("engine-rule-test-unknown-fact", name = name)),
                }),
                Some(def) => {
                    if let Some(v) = fact.value()
                        && !def.kind.matches(v)
                    {
                        problems.push(Problem {
                            file: file.into(),
                            line: Some(at().0),
                            column: Some(at().1),
                            message: of_rule(msg!(
                                "engine-rule-test-wrong-kind",
                                name = name,
                                value = v.to_string(),
                                kind = kind_msg(def.kind)
                            )),
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
            message: of_rule(msg!("engine-rule-needs-both-tests")),
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
            passed: r.passed.unwrap_or_default(),
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
/// so a panic becomes an ordinary error here. The parser's own message is
/// outside text: in Japanese it is quoted, after our sentence.
fn compile(src: &str) -> Result<cel::Program, (usize, usize, Msg)> {
    let result = std::panic::catch_unwind(|| cel::Program::compile(src));
    match result {
        Ok(Ok(p)) => Ok(p),
        Ok(Err(errs)) => {
            let first = errs.errors.first();
            let (l, c) = first.map_or((1, 1), |e| {
                (e.pos.0.max(1) as usize, e.pos.1.max(0) as usize + 1)
            });
            let m = match first {
                None => msg!("engine-cel-syntax-error"),
                Some(e) => msg!("engine-cel-said", text = e.msg.trim()),
            };
            Err((l, c, m))
        }
        Err(_) => Err((1, 1, msg!("engine-cel-parser-failed"))),
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

/// A fact's type as `[[rule.test]]` must give it.
fn kind_msg(kind: facts::FactKind) -> Msg {
    match kind {
        facts::FactKind::Bool => msg!("engine-fact-kind-bool"),
        facts::FactKind::Int => msg!("engine-fact-kind-int"),
        facts::FactKind::Float => msg!("engine-fact-kind-float"),
        facts::FactKind::Str => msg!("engine-fact-kind-string"),
        facts::FactKind::List => msg!("engine-fact-kind-list"),
    }
}

/// The catalogue's name nearest to a misspelt one, if one is near.
fn suggest(name: &str) -> Option<&'static str> {
    facts::CATALOGUE
        .iter()
        .map(|d| (strsim::levenshtein(d.name, name), d.name))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, n)| n)
}

fn finish(rules: Vec<Rule>, mut problems: Vec<Problem>) -> Result<Vec<Rule>, LoadError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for r in &rules {
        if let Some(prev) = seen.insert(&r.id, &r.origin) {
            problems.push(Problem {
                file: r.origin.clone(),
                line: None,
                column: None,
                message: msg!("engine-rule-duplicate-id", id = &r.id, prev = prev),
            });
        }
    }
    for r in &rules {
        let Some(by) = &r.superseded_by else { continue };
        let id = &r.id;
        let (id_, by_): (&str, &str) = (id, by);
        let problem = if by == id {
            Some(msg!("engine-superseded-by-itself", id = id_))
        } else {
            match rules.iter().find(|o| &o.id == by) {
                None => Some(msg!("engine-superseded-by-unknown", id = id_, by = by_)),
                Some(o) if o.superseded_by.as_deref() == Some(id_) => {
                    Some(msg!("engine-superseded-mutually", id = id_, by = by_))
                }
                Some(o) if o.category != r.category => Some(msg!(
                    "engine-superseded-by-other-category",
                    id = id_,
                    by = by_,
                    category = o.category.label()
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
    let unreadable = |message: Msg| {
        LoadError(vec![Problem {
            file: dir.display().to_string(),
            line: None,
            column: None,
            message,
        }])
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        unreadable(crate::files::read_error(
            msg!("engine-rules-the-folder"),
            Some("--rules".into()),
            &e,
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
        return Err(unreadable(msg!("engine-rules-folder-empty")));
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
                message: e.msg_set_by(msg!("engine-the-file"), Some("--rules".into())),
            }),
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(_) => problems.push(Problem {
                    file: name,
                    line: None,
                    column: None,
                    message: msg!("engine-not-utf8"),
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
    use crate::i18n::Lang;

    fn en(m: &Msg) -> String {
        m.render(Lang::En)
    }

    /// Each problem as one line, in `lang`.
    fn lines(p: &[Problem], lang: Lang) -> Vec<String> {
        p.iter().map(|p| p.msg().render(lang)).collect()
    }

    const GOOD: &str = r#"
[[rule]]
id = "BA-TST-001"
category = "password"
severity = "high"
facts = ["password.score"]
when = "password.score <= 1"
title = { en = "t", ja = "t" }
passed = { en = "p", ja = "p" }
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
    fn the_one_line_points_to_rules_check_only_for_rule_files() {
        let p = |file: &str| Problem {
            file: file.into(),
            line: None,
            column: None,
            message: Msg::verbatim("m"),
        };
        let rules = LoadError(vec![p("my-rules/a.toml"), p("my-rules/b.toml")]);
        assert!(rules.msg().render(Lang::En).contains("rules check"));
        let book = LoadError(vec![
            p("my-rules/playbooks/trade.toml"),
            p("my-rules/playbooks/trade.toml"),
        ]);
        for lang in [Lang::En, Lang::Ja] {
            let l = book.msg().render(lang);
            assert!(!l.contains("rules check") && l.contains('1'), "{l}");
        }
    }

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
        let shown = en(&p[0].msg());
        assert_eq!(p[0].line, Some(7), "{shown}");
        assert!(en(&p[0].message).contains("whn"), "{shown}");
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
                .any(|p| en(&p.message).contains("unknown fact `password.scor`")
                    && en(&p.message).contains("password.score"))
        );
    }

    #[test]
    fn bad_expression_is_positioned() {
        let src = GOOD.replace("password.score <= 1", "password.score <=");
        let p = parse_file("t.toml", &src).unwrap_err();
        assert!(en(&p[0].message).contains("does not parse"), "{:?}", p[0]);
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
            en(&p[0].message).contains("title needs both en and ja"),
            "{:?}",
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
        assert!(en(&p[0].message).contains("`api.…`"), "{:?}", p[0]);
    }

    #[test]
    fn rule_without_both_test_kinds_is_an_error() {
        let src = GOOD.replace("expect = \"pass\"", "expect = \"fail\"");
        let p = parse_file("t.toml", &src).unwrap_err();
        assert!(
            en(&p[0].message).contains("expecting \"pass\""),
            "{:?}",
            p[0]
        );
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let r1 = parse_file("a.toml", GOOD).unwrap();
        let r2 = parse_file("b.toml", GOOD).unwrap();
        let err = finish(r1.into_iter().chain(r2).collect(), vec![]).unwrap_err();
        let err = en(&err.msg());
        assert!(err.contains("also defined in a.toml"), "{err}");
    }

    /// One file with most of what can be wrong in a rule.
    const BROKEN: &str = r#"
[[rule]]
id = "ba-tst-1"
category = "password"
severity = "high"
facts = ["password.scor"]
when = "password.score <="
title = { en = "t", ja = "" }
passed = { en = "p", ja = "p" }
risk = { en = "r", ja = "r" }
remediation = { en = ["a", "b"], ja = ["a"] }
references = ["http://example.com/x"]
[[rule.test]]
facts = { password = { score = "weak" }, nosuch = { fact = 1 } }
expect = "fail"

[[rule]]
id = "BA-TST-002"
category = "password"
severity = "high"
facts = []
when = "api.ip_restrict"
title = { en = "t", ja = "t" }
passed = { en = "p", ja = "p" }
risk = { en = "r", ja = "" }
remediation = { en = [], ja = ["a"] }
[[rule.test]]
facts = { password = { score = 1 } }
expect = "pass"

[[rule]]
id = "BA-TST-003"
category = "withdrawal"
severity = "high"
facts = ["withdrawal.addresses"]
when = "withdrawal.addresses.all(a, withdrawal.addresses.all(b, withdrawal.addresses.all(c, a == b)))"
title = { en = "t", ja = "t" }
passed = { en = "p", ja = "p" }
risk = { en = "r", ja = "r" }
remediation = { en = ["a"], ja = ["a"] }
[[rule.test]]
facts = { withdrawal = { addresses = [] } }
expect = "pass"
[[rule.test]]
facts = { withdrawal = { addresses = [] } }
expect = "fail"
"#;

    fn assert_japanese(messages: &[String]) {
        for m in messages {
            assert!(m.chars().any(|c| c > '\u{3000}'), "not Japanese: {m}");
            let runs = crate::i18n::english_runs(m);
            assert!(runs.is_empty(), "English {runs:?} in: {m}");
        }
    }

    #[test]
    fn a_broken_rule_file_is_reported_in_japanese() {
        let p = parse_file("t.toml", BROKEN).unwrap_err();
        let messages = lines(&p, Lang::Ja);
        // Every check above fired, each in Japanese.
        assert!(messages.len() >= 12, "{messages:#?}");
        assert_japanese(&messages);
        let all = messages.join("\n");
        for want in [
            "BA-XYZ-001 の形",
            "`facts` が空です",
            "不明なファクト `password.scor`",
            "`password.score` の誤り",
            "`title` には en と ja",
            "`risk` には en と ja",
            "`remediation` には en と ja",
            "`references` の",
            "条件を解析できません：「",
            "`api.…` を読んでいます",
            "不明なファクト `nosuch.fact` を使っています",
            "`password.score` が \"weak\"",
            "`expect = \"pass\"` の `[[rule.test]]`",
            "入れ子の `all`",
        ] {
            assert!(all.contains(want), "{want:?} missing in:\n{all}");
        }
        // The English ones still say the same (the unit tests above).
        let english: Vec<String> = p.iter().map(|p| en(&p.message)).collect();
        assert!(
            english.iter().all(|m| m.starts_with("rule ")),
            "{english:#?}"
        );
    }

    #[test]
    fn folder_and_supersede_problems_are_in_japanese() {
        let r1 = parse_file("a.toml", GOOD).unwrap();
        let r2 = parse_file("b.toml", GOOD).unwrap();
        let e = finish(r1.iter().cloned().chain(r2).collect(), vec![]).unwrap_err();
        let line = e.msg().render(Lang::Ja);
        assert!(line.contains("a.toml でも定義されています"), "{line}");

        let other = GOOD
            .replace("BA-TST-001", "BA-TST-002")
            .replace("category = \"password\"", "category = \"breach\"");
        let mut messages = Vec::new();
        for (by, extra) in [
            ("BA-TST-001", ""),
            ("BA-NOT-999", ""),
            ("BA-TST-002", "superseded_by = \"BA-TST-001\"\n"),
            ("BA-TST-002", ""),
        ] {
            let a = GOOD.replace(
                "severity = \"high\"",
                &format!("severity = \"high\"\nsuperseded_by = \"{by}\""),
            );
            let b = other.replace(
                "severity = \"high\"",
                &format!("severity = \"high\"\n{extra}"),
            );
            let rules: Vec<Rule> = parse_file("a.toml", &a)
                .unwrap()
                .into_iter()
                .chain(parse_file("b.toml", &b).unwrap())
                .collect();
            let e = finish(rules, vec![]).unwrap_err();
            messages.extend(lines(&e.0, Lang::Ja));
            // Several problems fold into one line that says how to see them all.
            if e.0.len() > 1 {
                let line = e.msg().render(Lang::Ja);
                assert!(line.contains("ほかに"), "{line}");
                messages.push(line);
            }
        }
        assert!(
            messages.iter().any(|m| m.contains("自分自身")),
            "{messages:#?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("互いを")),
            "{messages:#?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("別のカテゴリ（流出）")),
            "{messages:#?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("BA-NOT-999")),
            "{messages:#?}"
        );

        let dir = tempfile::tempdir().unwrap();
        let e = load_dir(dir.path()).unwrap_err();
        messages.extend(lines(&e.0, Lang::Ja));
        messages.push(e.msg().render(Lang::Ja));
        assert!(
            e.msg()
                .render(Lang::Ja)
                .contains("ルールファイル（*.toml）がありません")
        );
        std::fs::write(dir.path().join("x.toml"), b"\xff\xfe").unwrap();
        let e = load_dir(dir.path()).unwrap_err();
        let line = e.msg().render(Lang::Ja);
        assert!(line.contains("UTF-8ではありません"), "{line}");
        messages.push(line);
        messages.push(LoadError(vec![]).msg().render(Lang::Ja));
        // English stays English.
        let english = e.msg().render(Lang::En);
        assert!(english.contains("not valid UTF-8"), "{english}");
        assert_japanese(&messages);
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
