//! `binance-audit rules list|show|check`.

use super::error::{Error, Result};
use super::exit::Exit;
use super::{output, session};
use crate::cli::{GlobalArgs, RulesCommand};
use crate::i18n::{Lang, ui};
use crate::report::text::sev_label;
use crate::rules::{self, Rule};
use crate::t;
use crate::text::pad;

/// Severity as `rules list` shows it: the identifier in English (what
/// `--fail-on` takes), the label in Japanese.
fn severity(r: &Rule, lang: Lang) -> String {
    t!(
        lang,
        "shell-rules-list-severity",
        id = r.severity.to_string(),
        label = sev_label(r.severity, lang)
    )
}

/// Likewise the category: identifier or label, as the catalogue says.
fn category(r: &Rule, lang: Lang) -> String {
    t!(
        lang,
        "shell-rules-list-category",
        id = r.category.to_string(),
        label = r.category.label()
    )
}

fn load(global: &GlobalArgs) -> Result<Vec<Rule>> {
    rules::load_with_overrides(global.rules.as_deref())
        .map_err(|e| Error::Usage(t!(ui(), "shell-rules-problem", problem = e.msg())))
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
                w(&|r| severity(r, lang)),
                w(&|r| category(r, lang)),
            );
            let mut out = String::new();
            // Titles wrap under their own column, by display width.
            let title_at = id_w + sev_w + cat_w + 6;
            let width = session::width();
            for r in &rules {
                let prefix = format!(
                    "{}  {}  {}  ",
                    pad(&r.id, id_w),
                    pad(&severity(r, lang), sev_w),
                    pad(&category(r, lang), cat_w),
                );
                out.push_str(&crate::text::fill(
                    &prefix,
                    title_at,
                    title_at,
                    r.title.get(lang),
                    width,
                ));
                out.push('\n');
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
                    Error::Usage(t!(lang, "shell-rules-no-such-id", id = format!("{id:?}")))
                })?;
            // Every paragraph wraps to the terminal by display width; the
            // condition is code and is wrapped only where it has spaces.
            let width = session::width();
            let fill = |prefix: &str, indent: usize, text: &str| {
                format!("{}\n", crate::text::fill_after(prefix, indent, text, width))
            };
            let mut o = fill(&format!("{}  ", r.id), r.id.len() + 2, r.title.get(lang));
            let label = |id: &'static str, v: String| {
                t!(
                    lang,
                    "report-text-labelled",
                    label = crate::i18n::Msg::new(id).render(lang),
                    text = v
                )
            };
            o.push_str(&format!(
                "{}  {}  {}\n",
                label("shell-rules-severity", severity(r, lang).to_string()),
                label("shell-rules-weight", r.weight.to_string()),
                label("shell-rules-category", category(r, lang).to_string()),
            ));
            o.push_str(&fill(
                &label("shell-rules-facts", String::new()),
                2,
                &r.facts.join(", "),
            ));
            o.push_str(&fill(&label("shell-rules-when", String::new()), 2, &r.when));
            o.push('\n');
            o.push_str(&fill("", 0, r.risk.get(lang)));
            o.push('\n');
            for (i, step) in r.remediation.get(lang).iter().enumerate() {
                let n = format!("{}. ", i + 1);
                o.push_str(&fill(&n, n.len(), step));
            }
            for u in &r.references {
                o.push_str(&format!("{}\n", crate::i18n::link(lang, u)));
            }
            o.push_str(&format!(
                "{}\n",
                label("shell-rules-source", r.origin.to_string())
            ));
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
                super::error_line(&p.msg().render(crate::i18n::ui()));
            }
            eprintln!(
                "{}",
                t!(
                    ui(),
                    "shell-rules-check-problems",
                    count = e.0.len(),
                    dir = dir.display().to_string()
                )
            );
            return Ok(Exit::Usage);
        }
    };
    match rules::self_test(&rules) {
        Ok(cases) => {
            let ok = t!(
                ui(),
                "shell-rules-check-ok",
                rules = rules.len(),
                cases = cases,
                dir = dir.display().to_string()
            );
            output::stdout(format!("{ok}\n").as_bytes())?;
            Ok(Exit::Ok)
        }
        Err(failures) => {
            for f in &failures {
                super::error_line(&f.msg().render(crate::i18n::ui()));
            }
            eprintln!(
                "{}",
                t!(
                    ui(),
                    "shell-rules-check-failed",
                    count = failures.len(),
                    dir = dir.display().to_string()
                )
            );
            Ok(Exit::Usage)
        }
    }
}
