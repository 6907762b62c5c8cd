//! From parsed arguments to an exit code. Errors returned from here are usage
//! or configuration errors (exit 2); everything else is an outcome.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use clap::CommandFactory;

use crate::audit::{self, Session};
use crate::cli::{Cli, ColorChoice, Command, ConfigCommand, Format, ReportArgs, RulesCommand};
use crate::config;
use crate::i18n::Lang;
use crate::net::{Net, NetOptions};
use crate::report::{self, Report};
use crate::rules;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Gate = 1,
    Usage = 2,
    Incomplete = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

pub fn set_color(choice: ColorChoice) {
    match choice {
        ColorChoice::Always => colored::control::set_override(true),
        ColorChoice::Never => colored::control::set_override(false),
        // colored already honours NO_COLOR, CLICOLOR_FORCE and whether stdout is a TTY.
        ColorChoice::Auto => {}
    }
}

pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    set_color(cli.global.color);
    match cli.command {
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "binance-audit", &mut std::io::stdout());
            Ok(Exit::Ok)
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(Cli::command());
            let mut out = Vec::new();
            man.render(&mut out).context("rendering the man page")?;
            write_stdout(&out)?;
            Ok(Exit::Ok)
        }
        Some(Command::Config(c)) => config_cmd(&cli.global, c),
        Some(Command::Rules(r)) => rules_cmd(&cli.global, r),
        Some(Command::Url(args)) => url_cmd(&cli.global, &args),
        Some(Command::Setup(args)) => crate::setup::run(&cli.global, &args),
        Some(Command::Password(args)) => {
            let s = session(&cli.global)?;
            if args.stdin_list {
                return crate::password_list::command(&s, &args);
            }
            let breach_in =
                audit::breach_inputs(&s, &args.breach, &args.password).map_err(|e| anyhow!(e))?;
            let pw = audit::obtain_password(&args.password, true).map_err(|e| anyhow!(e))?;
            let Some(pw) = pw else {
                bail!("no password entered")
            };
            let report = runtime()?.block_on(audit::password_report(&s, &pw, &breach_in));
            emit(&report, &args.report, s.global.verbose)?;
            Ok(gate(&report, &args.report))
        }
        Some(Command::Audit(args)) => audit_cmd(&cli.global, &args),
        Some(Command::Status(args)) => crate::status::run(&cli.global, &args),
        Some(Command::Incident(args)) => crate::incident::run(&cli.global, &args),
        None => audit_cmd(&cli.global, &cli.audit),
    }
}

/// The link checker needs no rules, credentials or network: only the language.
fn url_cmd(
    global: &crate::cli::GlobalArgs,
    args: &crate::url::cli::UrlArgs,
) -> anyhow::Result<Exit> {
    let lang = global
        .lang
        .or_else(|| {
            config::load(global.config.as_deref())
                .ok()
                .and_then(|l| l.config.lang)
        })
        .unwrap_or_else(Lang::from_env);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let code = crate::url::cli::run(args, lang, &mut out)?;
    Ok(if code == 0 { Exit::Ok } else { Exit::Gate })
}

fn audit_cmd(
    global: &crate::cli::GlobalArgs,
    args: &crate::cli::AuditArgs,
) -> anyhow::Result<Exit> {
    let s = session(global)?;
    // Unknown profiles and bad URLs are usage errors, found before any prompt.
    let targets = audit::targets(&s, &args.api).map_err(|e| anyhow!(e))?;
    if global.strict {
        let extra: Vec<std::path::PathBuf> = targets
            .iter()
            .filter_map(|t| t.creds.as_ref().ok().and_then(Option::as_ref))
            .flat_map(|c| c.files().to_vec())
            .collect();
        let mut scratch = crate::facts::Facts::new();
        if let Some(w) = audit::file_exposure_with(&s, &extra, &mut scratch).first() {
            bail!("{w} (--strict)");
        }
    }
    let breach_in =
        audit::breach_inputs(&s, &args.breach, &args.password).map_err(|e| anyhow!(e))?;
    let pw = audit::obtain_password(&args.password, false).map_err(|e| anyhow!(e))?;
    let reports = runtime()?
        .block_on(audit::audit_profiles(&s, args, pw, &breach_in))
        .map_err(|e| anyhow!(e))?;
    if args.api.all_profiles {
        emit_many(&reports, &args.report, s.global.verbose)?;
    } else {
        for r in &reports {
            emit(r, &args.report, s.global.verbose)?;
        }
    }
    Ok(reports
        .iter()
        .map(|r| gate(r, &args.report))
        .fold(Exit::Ok, worst))
}

/// The exit code of several reports: a tripped gate first, then "could not
/// look", as for a single report.
pub fn worst(a: Exit, b: Exit) -> Exit {
    let rank = |e: Exit| match e {
        Exit::Ok => 0,
        Exit::Incomplete => 1,
        Exit::Gate => 2,
        Exit::Usage => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}

pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

pub fn session(global: &crate::cli::GlobalArgs) -> anyhow::Result<Session> {
    let loaded = config::load(global.config.as_deref()).map_err(|e| anyhow!(e))?;
    let lang = global
        .lang
        .or(loaded.config.lang)
        .unwrap_or_else(Lang::from_env);
    let rules =
        rules::load_with_overrides(global.rules.as_deref()).map_err(|e| anyhow!("rules: {e}"))?;
    let mut warnings = Vec::new();
    if loaded.exists
        && let Some(path) = &loaded.path
        && let Some(w) = config::permission_warning(path)
    {
        if global.strict {
            bail!("{w} (--strict)");
        }
        warnings.push(w);
    }
    let timeout = std::time::Duration::from_secs(global.timeout);
    let net = Net::new(&NetOptions {
        offline: global.offline,
        timeout,
        connect_timeout: timeout.min(NetOptions::default().connect_timeout),
    })
    .map_err(|e| anyhow!("network setup: {e}"))?;
    Ok(Session {
        config: loaded.config,
        config_path: loaded.path,
        config_exists: loaded.exists,
        lang,
        net,
        rules,
        global: global.clone(),
        warnings,
    })
}

/// The exit code for a finished report.
pub fn gate(report: &Report, args: &ReportArgs) -> Exit {
    if let Some(level) = args.fail_on
        && report.findings.iter().any(|f| f.severity >= level)
    {
        return Exit::Gate;
    }
    if let Some(min) = args.min_score {
        match report.score {
            Some(s) if s < min => return Exit::Gate,
            None => return Exit::Incomplete,
            _ => {}
        }
    }
    if report.any_check_failed() {
        Exit::Incomplete
    } else {
        Exit::Ok
    }
}

pub fn emit(report: &Report, args: &ReportArgs, verbose: bool) -> anyhow::Result<()> {
    let format = args.format.unwrap_or(Format::Text);
    if args.output.is_some() {
        // A file never wants terminal colour codes.
        colored::control::set_override(false);
    }
    let text = match format {
        Format::Text => report::text::render(report, &report::text::Options { verbose }),
        Format::Json => report::json::render(report),
    };
    match &args.output {
        Some(path) => write_private(path, text.as_bytes()),
        None => write_stdout(text.as_bytes()),
    }
}

/// Several profiles' reports as one document: text sections one after the
/// other, or one JSON object with a `profiles` array.
pub fn emit_many(reports: &[Report], args: &ReportArgs, verbose: bool) -> anyhow::Result<()> {
    let format = args.format.unwrap_or(Format::Text);
    if args.output.is_some() {
        colored::control::set_override(false);
    }
    let text = match format {
        Format::Text => {
            let sections: Vec<String> = reports
                .iter()
                .map(|r| report::text::render(r, &report::text::Options { verbose }))
                .collect();
            sections.join(&format!("\n{}\n\n", "═".repeat(72)))
        }
        Format::Json => report::json::render_profiles(reports),
    };
    match &args.output {
        Some(path) => write_private(path, text.as_bytes()),
        None => write_stdout(text.as_bytes()),
    }
}

pub fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut f =
        config::create_private(path).with_context(|| format!("cannot write {}", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// A closed pipe (`| head`) is not an error worth a message.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

fn config_cmd(global: &crate::cli::GlobalArgs, c: ConfigCommand) -> anyhow::Result<Exit> {
    let path = match &global.config {
        Some(p) => p.clone(),
        None => config::default_path()
            .ok_or_else(|| anyhow!("no home directory: pass --config PATH"))?,
    };
    match c {
        ConfigCommand::Path => write_stdout(format!("{}\n", path.display()).as_bytes())?,
        ConfigCommand::Init { force } => {
            if path.exists() && !force {
                bail!(
                    "{} already exists (use --force to overwrite)",
                    path.display()
                );
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            write_private(&path, config::TEMPLATE.as_bytes())?;
            write_stdout(format!("wrote {}\n", path.display()).as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}

fn rules_cmd(global: &crate::cli::GlobalArgs, r: RulesCommand) -> anyhow::Result<Exit> {
    let lang = global.lang.unwrap_or_else(Lang::from_env);
    match r {
        RulesCommand::Check { dir } => {
            let loaded = rules::load_dir(&dir);
            let rules = match loaded {
                Ok(r) => r,
                Err(e) => {
                    let mut out = String::new();
                    for p in &e.0 {
                        out.push_str(&format!("error: {p}\n"));
                    }
                    out.push_str(&format!("{} problem(s) in {}\n", e.0.len(), dir.display()));
                    eprint!("{out}");
                    return Ok(Exit::Usage);
                }
            };
            match rules::self_test(&rules) {
                Ok(cases) => {
                    write_stdout(
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
                        eprintln!("error: {f}");
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
        RulesCommand::List => {
            let rules = rules::load_with_overrides(global.rules.as_deref())
                .map_err(|e| anyhow!("rules: {e}"))?;
            let mut out = String::new();
            for r in &rules {
                out.push_str(&format!(
                    "{:<12} {:<9} {:<12} {}\n",
                    r.id,
                    r.severity,
                    r.category,
                    r.title.get(lang)
                ));
            }
            write_stdout(out.as_bytes())?;
            Ok(Exit::Ok)
        }
        RulesCommand::Show { id } => {
            let rules = rules::load_with_overrides(global.rules.as_deref())
                .map_err(|e| anyhow!("rules: {e}"))?;
            let r = rules
                .iter()
                .find(|r| r.id.eq_ignore_ascii_case(&id))
                .ok_or_else(|| {
                    anyhow!("no rule with id {id:?} (see `binance-audit rules list`)")
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
            write_stdout(o.as_bytes())?;
            Ok(Exit::Ok)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(score: Option<u32>) -> Report {
        let facts = crate::facts::Facts::new();
        let mut r = report::build::build(report::build::Inputs {
            facts: &facts,
            rules: &[],
            lang: Lang::En,
            checks: vec![],
            network: vec![],
            warnings: vec![],
            profile: None,
        });
        r.score = score;
        r
    }

    #[test]
    fn min_score_without_a_score_is_incomplete_not_ok() {
        let args = ReportArgs {
            min_score: Some(50),
            ..ReportArgs::default()
        };
        assert_eq!(gate(&report(None), &args), Exit::Incomplete);
        assert_eq!(gate(&report(Some(49)), &args), Exit::Gate);
        assert_eq!(gate(&report(Some(50)), &args), Exit::Ok);
    }
}
