//! `binance-audit rules list|show|check`.

use super::error::{Error, Result};
use super::exit::Exit;
use super::{output, session};
use crate::cli::{GlobalArgs, RulesCommand};
use crate::rules::{self, Rule};
use crate::text::pad;

fn load(global: &GlobalArgs) -> Result<Vec<Rule>> {
    rules::load_with_overrides(global.rules.as_deref())
        .map_err(|e| Error::Usage(format!("rules: {e}")))
}

pub fn run(global: &GlobalArgs, r: &RulesCommand) -> Result<Exit> {
    match r {
        RulesCommand::Check { dir } => check(dir),
        RulesCommand::List => {
            let lang = session::language_lenient(global);
            let rules = load(global)?;
            let w = |f: &dyn Fn(&Rule) -> String| {
                rules
                    .iter()
                    .map(|r| crate::text::width(&f(r)))
                    .max()
                    .unwrap_or(0)
            };
            let (id_w, sev_w, cat_w) = (
                w(&|r| r.id.clone()),
                w(&|r| r.severity.to_string()),
                w(&|r| r.category.to_string()),
            );
            let mut out = String::new();
            for r in &rules {
                out.push_str(&format!(
                    "{}  {}  {}  {}\n",
                    pad(&r.id, id_w),
                    pad(&r.severity.to_string(), sev_w),
                    pad(&r.category.to_string(), cat_w),
                    r.title.get(lang)
                ));
            }
            output::stdout(out.as_bytes())?;
            Ok(Exit::Ok)
        }
        RulesCommand::Show { id } => {
            let lang = session::language_lenient(global);
            let rules = load(global)?;
            let r = rules
                .iter()
                .find(|r| r.id.eq_ignore_ascii_case(id))
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "no rule with id {id:?} (see `binance-audit rules list`)"
                    ))
                })?;
            let mut o = format!(
                "{}  {}\nseverity: {}  weight: {}  category: {}\nfacts: {}\nwhen: {}\n\n{}\n\n",
                r.id,
                r.title.get(lang),
                r.severity,
                r.weight,
                r.category,
                r.facts.join(", "),
                r.when,
                r.risk.get(lang)
            );
            for (i, step) in r.remediation.get(lang).iter().enumerate() {
                o.push_str(&format!("{}. {step}\n", i + 1));
            }
            for u in &r.references {
                o.push_str(&format!("{u}\n"));
            }
            o.push_str(&format!("source: {}\n", r.origin));
            output::stdout(o.as_bytes())?;
            Ok(Exit::Ok)
        }
    }
}

fn check(dir: &std::path::Path) -> Result<Exit> {
    let rules = match rules::load_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            for p in &e.0 {
                super::error_line(&p.to_string());
            }
            eprintln!("{} problem(s) in {}", e.0.len(), dir.display());
            return Ok(Exit::Usage);
        }
    };
    match rules::self_test(&rules) {
        Ok(cases) => {
            output::stdout(
                format!(
                    "ok: {} rules, {cases} test cases passed in {}\n",
                    rules.len(),
                    dir.display()
                )
                .as_bytes(),
            )?;
            Ok(Exit::Ok)
        }
        Err(failures) => {
            for f in &failures {
                super::error_line(&f.to_string());
            }
            eprintln!(
                "{} rule test case(s) failed in {}",
                failures.len(),
                dir.display()
            );
            Ok(Exit::Usage)
        }
    }
}
