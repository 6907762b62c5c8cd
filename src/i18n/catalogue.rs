//! The one message catalogue: `en.ftl` and `ja.ftl` beside this file, in
//! Project Fluent's syntax, embedded at build time. A translator reads and
//! reviews them without reading Rust; `tests` below fail when a message or
//! one of its variables exists in one language and not the other, or when the
//! code asks for an id the catalogue does not have.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;
use super::msg::Arg;

pub(crate) const EN: &str = include_str!("en.ftl");
pub(crate) const JA: &str = include_str!("ja.ftl");

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static EN_B: OnceLock<Bundle> = OnceLock::new();
    static JA_B: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN_B.get_or_init(|| build("en", EN)),
        Lang::Ja => JA_B.get_or_init(|| build("ja", JA)),
    }
}

fn build(code: &str, src: &str) -> Bundle {
    // A syntax error is caught by the tests; at run time the entries that
    // did parse are still served.
    let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, _)| res);
    let langid = code.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![langid]);
    // Bidi isolation marks around arguments would reach terminals and files
    // as invisible characters.
    b.set_use_isolating(false);
    let _ = b.add_resource(res);
    b
}

/// The message `id` in `lang` with `args`. An id missing in `lang` falls
/// back to English; one missing everywhere is shown as the id itself (the
/// tests make both impossible for ids the code names).
pub(crate) fn format(
    lang: Lang,
    id: &str,
    args: &[(std::borrow::Cow<'static, str>, Arg)],
) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        let value: FluentValue = match v {
            Arg::Str(s) => s.clone().into(),
            Arg::Int(n) => (*n).into(),
            Arg::Float(n) => (*n).into(),
            Arg::Msg(m) => m.render(lang).into(),
        };
        fargs.set(k.clone(), value);
    }
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(p) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(p, Some(&fargs), &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// Whether the catalogue has `id` (for keyed families that may be partial).
pub fn has(id: &str) -> bool {
    bundle(Lang::En).has_message(id)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;

    /// Message id → the variables its value and attributes use.
    fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
        let res = fluent_syntax::parser::parse(src).unwrap_or_else(|(_, errs)| {
            panic!("catalogue does not parse: {errs:?}");
        });
        let mut out = BTreeMap::new();
        for entry in res.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{} is defined twice",
                    m.id.name
                );
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expr_vars(expression, vars);
            }
        }
    }

    fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_variables() {
        let en = messages(EN);
        let ja = messages(JA);
        let only_en: Vec<_> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
        let only_ja: Vec<_> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
        assert!(only_ja.is_empty(), "only in ja.ftl: {only_ja:?}");
        let differ: Vec<_> = en
            .iter()
            .filter(|(k, v)| ja.get(*k) != Some(v))
            .map(|(k, v)| format!("{k}: en {v:?}, ja {:?}", ja[k]))
            .collect();
        assert!(differ.is_empty(), "variables differ: {differ:#?}");
    }

    /// Every `msg!("id"`, `t!(lang, "id"` and `Msg::new("id"` in src/ names a
    /// message the catalogue has; every `Msg::keyed("prefix-"` names a family
    /// with at least one member.
    #[test]
    fn every_id_the_code_names_is_in_the_catalogue() {
        let en = messages(EN);
        let lit = regex::Regex::new(
            r#"(?:\bmsg!\(\s*|\bMsg::new\(\s*|(?:^|[^\w!])t!\(\s*[^,()]+(?:\([^()]*\))?,\s*)"([a-z0-9][a-z0-9_-]*)""#,
        )
        .unwrap();
        let keyed = regex::Regex::new(r#"Msg::keyed\(\s*"([a-z0-9_-]+)""#).unwrap();
        let mut missing = Vec::new();
        let mut seen = 0;
        for path in rust_files(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
            // Comments may show the forms without naming real ids.
            let src: String = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect();
            for c in lit.captures_iter(&src) {
                seen += 1;
                if !en.contains_key(&c[1]) {
                    missing.push(format!("{}: {}", path.display(), &c[1]));
                }
            }
            for c in keyed.captures_iter(&src) {
                if !en.keys().any(|k| k.starts_with(&c[1])) {
                    missing.push(format!("{}: family {}*", path.display(), &c[1]));
                }
            }
        }
        assert!(seen > 0, "the scan found no message ids at all");
        assert!(missing.is_empty(), "ids not in the catalogue: {missing:#?}");
    }

    fn rust_files(dir: std::path::PathBuf) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        out
    }

    #[test]
    fn arguments_and_nested_messages_are_made_in_the_reader_language() {
        let m = crate::msg!("list-separator");
        assert_eq!(m.render(Lang::En), ", ");
        assert_eq!(m.render(Lang::Ja), "、");
        // A missing id shows as itself rather than as an empty line.
        assert_eq!(format(Lang::Ja, "no-such-id", &[]), "no-such-id");
        // A message kept as data comes back as the same message.
        let nested = crate::msg!("list-separator");
        let m = crate::msg!("list-separator", inner = &nested, n = 3);
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(super::super::Msg::from_json(&json), Some(m));
        assert_eq!(
            super::super::Msg::from_json(&serde_json::json!({"id": "x"})),
            None
        );
        assert!(!EN.is_empty() && !JA.is_empty());
    }
}
