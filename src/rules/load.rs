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
use crate::i18n::{Lang, Text, TextList, tr};

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

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(crate::i18n::ui()))
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

/// Parse one rule file's text in the diagnostics language (tests).
#[cfg(test)]
pub fn parse_file(name: &str, src: &str) -> Result<Vec<Rule>, Vec<Problem>> {
    parse_file_in(name, src, crate::i18n::ui())
}

/// Parse one rule file's text, with its problems in `lang`. `name` is used
/// in messages.
pub fn parse_file_in(name: &str, src: &str, lang: Lang) -> Result<Vec<Rule>, Vec<Problem>> {
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
            message: crate::parse_message::message(&e.message().trim().replace('\n', " "), lang),
        }]
    })?;
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    for r in raw.rule {
        match build(name, src, r, lang) {
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

fn build(file: &str, src: &str, r: RawRule, lang: Lang) -> Result<Rule, Vec<Problem>> {
    // Positions are worked out only for a message: counting lines up to
    // each rule made loading a 20 000-rule file quadratic.
    let id_start = r.id.span().start;
    let id_pos = std::cell::OnceCell::new();
    let at = || *id_pos.get_or_init(|| line_col(src, id_start));
    let id = r.id.into_inner();
    let ja = lang == Lang::Ja;
    let rule_id = format!("{} {id}", tr(lang, "rule", "ルール"));
    let mut problems = Vec::new();
    let mut bad = |msg: String| {
        problems.push(Problem {
            file: file.into(),
            line: Some(at().0),
            column: Some(at().1),
            message: format!("{rule_id}: {msg}"),
        })
    };

    if !valid_id(&id) {
        bad(tr(
            lang,
            "id must look like BA-XYZ-001 (upper-case letters, digits, dashes)",
            "IDは BA-XYZ-001 の形にしてください（英大文字、数字、ハイフン）",
        )
        .into());
    }
    if r.facts.is_empty() {
        bad(tr(
            lang,
            "`facts` is empty: name every fact the condition reads",
            "`facts` が空です。条件が読むファクトをすべて挙げてください",
        )
        .into());
    }
    for f in r.facts.iter().chain(r.evidence.iter().flatten()) {
        if facts::lookup(f).is_none() {
            bad(if ja {
                format!("不明なファクト `{f}` です{}", suggest(f, lang))
            } else {
                format!("unknown fact `{f}`{}", suggest(f, lang))
            });
        }
    }
    for (field, t) in [("title", &r.title), ("risk", &r.risk)] {
        if t.en.trim().is_empty() || t.ja.trim().is_empty() {
            bad(if ja {
                format!("`{field}` には en と ja の両方のテキストが必要です")
            } else {
                format!("{field} needs both en and ja text")
            });
        }
    }
    if r.remediation.en.is_empty() || r.remediation.ja.is_empty() {
        bad(tr(
            lang,
            "remediation needs steps in both en and ja",
            "`remediation` には en と ja の両方の手順が必要です",
        )
        .into());
    } else if r.remediation.en.len() != r.remediation.ja.len() {
        let (en_n, ja_n) = (r.remediation.en.len(), r.remediation.ja.len());
        bad(if ja {
            format!("`remediation` の手順の数が en は{en_n}件、ja は{ja_n}件で、一致しません")
        } else {
            format!("remediation has {en_n} English step(s) but {ja_n} Japanese step(s)")
        });
    }
    for url in &r.references {
        if !url.starts_with("https://") {
            bad(if ja {
                format!(
                    "`references` の「{}」は https のURLにしてください",
                    crate::escape::escape_controls(url)
                )
            } else {
                format!("reference {url:?} must be an https URL")
            });
        }
    }

    let when_span = r.when.span();
    let when = r.when.into_inner();
    let program = match compile(&when, lang) {
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
                message: if ja {
                    format!("{rule_id}: 条件を解析できません: {msg}")
                } else {
                    format!("{rule_id}: condition does not parse: {msg}")
                },
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
                message: if ja {
                    format!(
                        "{rule_id}: 条件の評価に約{work}回の演算がかかるおそれがあり、ルール1件の上限 {} 回を超えています（ファクトのリストは長さ {} として数えます）。入れ子の `all`・`exists`・`map`・`filter` を減らしてください",
                        super::cost::MAX_COST,
                        super::cost::FACT_LIST
                    )
                } else {
                    format!(
                        "{rule_id}: the condition may take about {work} steps, more than the {} a rule may take (lists from facts are counted as {} long); use fewer nested all/exists/map/filter",
                        super::cost::MAX_COST,
                        super::cost::FACT_LIST
                    )
                },
            });
        }
        let declared: HashSet<&str> = r.facts.iter().filter_map(|f| f.split('.').next()).collect();
        for var in p.references().variables() {
            if is_namespace(var) && !declared.contains(var) {
                problems.push(Problem {
                    file: file.into(),
                    line: Some(at().0),
                    column: Some(at().1),
                    message: if ja {
                        format!(
                            "{rule_id}: 条件が `{var}.…` を読んでいますが、`facts` に `{var}` のファクトがありません"
                        )
                    } else {
                        format!(
                            "{rule_id}: condition reads `{var}.…` but `facts` names nothing in `{var}`"
                        )
                    },
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
                    message: if ja {
                        format!("{rule_id}: テストケースが不明なファクト `{name}` を使っています")
                    } else {
                        format!("{rule_id}: test case uses unknown fact `{name}`")
                    },
                }),
                Some(def) => {
                    if let Some(v) = fact.value()
                        && !def.kind.matches(v)
                    {
                        problems.push(Problem {
                            file: file.into(),
                            line: Some(at().0),
                            column: Some(at().1),
                            message: if ja {
                                format!(
                                    "{rule_id}: テストケースの `{name}` が {v} ですが、{}である必要があります",
                                    kind_ja(def.kind)
                                )
                            } else {
                                format!(
                                    "{rule_id}: test case gives `{name}` = {v}, expected a {:?}",
                                    def.kind
                                )
                            },
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
            message: if ja {
                format!("{rule_id}: \"pass\" を期待する `[[rule.test]]` と \"fail\" を期待する `[[rule.test]]` が少なくとも1つずつ必要です")
            } else {
                format!("{rule_id}: needs at least one [[rule.test]] expecting \"pass\" and one expecting \"fail\"")
            },
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
/// so a panic becomes an ordinary error here. The parser's own message is
/// outside text: in Japanese it is quoted, after our sentence.
fn compile(src: &str, lang: Lang) -> Result<cel::Program, (usize, usize, String)> {
    let result = std::panic::catch_unwind(|| cel::Program::compile(src));
    match result {
        Ok(Ok(p)) => Ok(p),
        Ok(Err(errs)) => {
            let first = errs.errors.first();
            let (l, c) = first.map_or((1, 1), |e| {
                (e.pos.0.max(1) as usize, e.pos.1.max(0) as usize + 1)
            });
            let msg = match (first, lang) {
                (None, _) => tr(lang, "syntax error", "構文エラーです").to_string(),
                (Some(e), Lang::En) => e.msg.clone(),
                (Some(e), Lang::Ja) => format!("「{}」", e.msg.trim()),
            };
            Err((l, c, msg))
        }
        Err(_) => Err((
            1,
            1,
            tr(
                lang,
                "the expression parser failed on this input",
                "この入力で式の解析器が異常終了しました",
            )
            .into(),
        )),
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

/// A fact's type as `[[rule.test]]` must give it, in Japanese.
fn kind_ja(kind: facts::FactKind) -> &'static str {
    match kind {
        facts::FactKind::Bool => "真偽値（true / false）",
        facts::FactKind::Int => "整数",
        facts::FactKind::Float => "数値",
        facts::FactKind::Str => "文字列",
        facts::FactKind::List => "リスト",
    }
}

fn suggest(name: &str, lang: Lang) -> String {
    facts::CATALOGUE
        .iter()
        .map(|d| (strsim::levenshtein(d.name, name), d.name))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, n)| match lang {
            Lang::En => format!(" (did you mean `{n}`?)"),
            Lang::Ja => format!("（`{n}` の誤りではありませんか？）"),
        })
        .unwrap_or_default()
}

fn finish(
    rules: Vec<Rule>,
    mut problems: Vec<Problem>,
    lang: Lang,
) -> Result<Vec<Rule>, LoadError> {
    let ja = lang == Lang::Ja;
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for r in &rules {
        if let Some(prev) = seen.insert(&r.id, &r.origin) {
            problems.push(Problem {
                file: r.origin.clone(),
                line: None,
                column: None,
                message: if ja {
                    format!("ルールID {} は {prev} でも定義されています", r.id)
                } else {
                    format!("rule id {} is also defined in {prev}", r.id)
                },
            });
        }
    }
    for r in &rules {
        let Some(by) = &r.superseded_by else { continue };
        let id = &r.id;
        let problem = if by == id {
            Some(if ja {
                format!("ルール {id} の `superseded_by` が自分自身を指しています")
            } else {
                format!("rule {id} is superseded by itself")
            })
        } else {
            match rules.iter().find(|o| &o.id == by) {
                None => Some(if ja {
                    format!(
                        "ルール {id} の `superseded_by` の {by} は、このフォルダのルールにありません"
                    )
                } else {
                    format!("rule {id} is superseded_by {by}, which is not a rule here")
                }),
                Some(o) if o.superseded_by.as_deref() == Some(id.as_str()) => Some(if ja {
                    format!("ルール {id} と {by} が互いを `superseded_by` に指定しています")
                } else {
                    format!("rules {id} and {by} supersede each other")
                }),
                Some(o) if o.category != r.category => Some(if ja {
                    format!(
                        "ルール {id} の `superseded_by` の {by} は別のカテゴリ（{}）のルールです",
                        o.category.label().render(lang)
                    )
                } else {
                    format!(
                        "rule {id} is superseded_by {by} of another category ({})",
                        o.category
                    )
                }),
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
    let lang = crate::i18n::ui();
    let mut rules = Vec::new();
    let mut problems = Vec::new();
    for (name, src) in BUILTIN {
        match parse_file_in(&format!("rules/{name}"), src, lang) {
            Ok(mut r) => rules.append(&mut r),
            Err(mut p) => problems.append(&mut p),
        }
    }
    finish(rules, problems, lang)
}

/// Every rule file in `dir` (not recursive; data files such as domains.toml skipped).
pub fn load_dir(dir: &Path) -> Result<Vec<Rule>, LoadError> {
    load_dir_in(dir, crate::i18n::ui())
}

/// `load_dir` with its problems in `lang`.
pub fn load_dir_in(dir: &Path, lang: Lang) -> Result<Vec<Rule>, LoadError> {
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
            tr(
                lang,
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
        return Err(unreadable(
            tr(
                lang,
                "no rule files (*.toml) in this folder",
                "このフォルダにルールファイル（*.toml）がありません",
            )
            .into(),
        ));
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
                message: e.describe_in(tr(lang, "the file", "ファイル"), lang),
            }),
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(_) => problems.push(Problem {
                    file: name,
                    line: None,
                    column: None,
                    message: tr(lang, "not valid UTF-8", "UTF-8ではありません").into(),
                }),
                Ok(src) => match parse_file_in(&name, &src, lang) {
                    Ok(mut r) => rules.append(&mut r),
                    Err(mut p) => problems.append(&mut p),
                },
            },
        }
    }
    finish(rules, problems, lang)
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
    fn the_one_line_points_to_rules_check_only_for_rule_files() {
        let p = |file: &str| Problem {
            file: file.into(),
            line: None,
            column: None,
            message: "m".into(),
        };
        let rules = LoadError(vec![p("my-rules/a.toml"), p("my-rules/b.toml")]);
        assert!(rules.line(Lang::En).contains("rules check"));
        let book = LoadError(vec![
            p("my-rules/playbooks/trade.toml"),
            p("my-rules/playbooks/trade.toml"),
        ]);
        for lang in [Lang::En, Lang::Ja] {
            let l = book.line(lang);
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
        let err = finish(r1.into_iter().chain(r2).collect(), vec![], Lang::En).unwrap_err();
        assert!(err.to_string().contains("also defined in a.toml"), "{err}");
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
        let p = parse_file_in("t.toml", BROKEN, Lang::Ja).unwrap_err();
        let messages: Vec<String> = p.iter().map(|p| p.to_string()).collect();
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
            "条件を解析できません: 「",
            "`api.…` を読んでいます",
            "不明なファクト `nosuch.fact` を使っています",
            "`password.score` が \"weak\"",
            "\"pass\" を期待する `[[rule.test]]`",
            "入れ子の `all`",
        ] {
            assert!(all.contains(want), "{want:?} missing in:\n{all}");
        }
        // The English ones still say the same (the unit tests above).
        let en = parse_file_in("t.toml", BROKEN, Lang::En).unwrap_err();
        assert_eq!(en.len(), p.len());
        assert!(en.iter().all(|p| p.message.starts_with("rule ")));
    }

    #[test]
    fn folder_and_supersede_problems_are_in_japanese() {
        let r1 = parse_file_in("a.toml", GOOD, Lang::Ja).unwrap();
        let r2 = parse_file_in("b.toml", GOOD, Lang::Ja).unwrap();
        let e = finish(r1.iter().cloned().chain(r2).collect(), vec![], Lang::Ja).unwrap_err();
        assert!(
            e.line(Lang::Ja).contains("a.toml でも定義されています"),
            "{e}"
        );

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
            let rules: Vec<Rule> = parse_file_in("a.toml", &a, Lang::Ja)
                .unwrap()
                .into_iter()
                .chain(parse_file_in("b.toml", &b, Lang::Ja).unwrap())
                .collect();
            let e = finish(rules, vec![], Lang::Ja).unwrap_err();
            messages.extend(e.0.iter().map(|p| p.to_string()));
            // Several problems fold into one line that says how to see them all.
            if e.0.len() > 1 {
                let line = e.line(Lang::Ja);
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
        let e = load_dir_in(dir.path(), Lang::Ja).unwrap_err();
        messages.push(e.to_string());
        messages.push(e.line(Lang::Ja));
        assert!(
            e.line(Lang::Ja)
                .contains("ルールファイル（*.toml）がありません")
        );
        std::fs::write(dir.path().join("x.toml"), b"\xff\xfe").unwrap();
        let e = load_dir_in(dir.path(), Lang::Ja).unwrap_err();
        assert!(e.line(Lang::Ja).contains("UTF-8ではありません"), "{e}");
        messages.push(e.line(Lang::Ja));
        messages.push(LoadError(vec![]).line(Lang::Ja));
        // English stays English.
        let en = load_dir_in(dir.path(), Lang::En).unwrap_err();
        assert!(en.line(Lang::En).contains("not valid UTF-8"), "{en}");
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
