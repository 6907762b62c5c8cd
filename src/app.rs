//! From parsed arguments to an exit code. Errors returned from here are usage
//! or configuration errors (exit 2); everything else is an outcome.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use clap::CommandFactory;

use crate::audit::{self, Session};
use crate::baseline;
use crate::cli::{Cli, ColorChoice, Command, ConfigCommand, Format, ReportArgs, RulesCommand};
use crate::config;
use crate::i18n::Lang;
use crate::net::{Net, NetOptions};
use crate::report::{self, BaselineState, Report};
use crate::rules::{self, Severity};

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
        Some(Command::Address(args)) => crate::address_cmd::run(&cli.global, &args),
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
            Ok(gate(&report, &args.report, false))
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
    let mut s = session(global)?;
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
    if let Some(path) = &args.baseline.baseline {
        s.baseline = Some(baseline::load(path).map_err(|e| anyhow!(e))?);
    }
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
    if let Some(path) = &args.baseline.save_baseline {
        // --save-baseline conflicts with --all-profiles: one account per file.
        for r in &reports {
            save_baseline(r, path)?;
        }
    }
    Ok(reports
        .iter()
        .map(|r| gate(r, &args.report, args.baseline.fail_on_new))
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

/// Write the run's observed state. An incomplete run would overwrite a good
/// baseline with gaps, hiding later changes, so it is refused.
pub fn save_baseline(report: &Report, path: &Path) -> anyhow::Result<()> {
    if report.any_check_failed() {
        eprintln!(
            "binance-audit: warning: baseline not saved to {}: a check failed in this run, and an incomplete baseline would hide later changes",
            path.display()
        );
        return Ok(());
    }
    let b = baseline::from_report(report, chrono::Utc::now());
    write_private(path, baseline::to_json(&b).as_bytes())?;
    if crate::progress::enabled() {
        eprintln!("baseline saved to {}", path.display());
    }
    Ok(())
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
        baseline: None,
    })
}

/// The exit code for a finished report. Waived findings never count; with
/// `fail_on_new`, neither do findings the baseline already recorded.
pub fn gate(report: &Report, args: &ReportArgs, fail_on_new: bool) -> Exit {
    let gated = |f: &&report::Finding| {
        f.counts() && !(fail_on_new && f.baseline == Some(BaselineState::Existing))
    };
    // --fail-on-new alone means "any new finding".
    let level = match (args.fail_on, fail_on_new) {
        (Some(l), _) => Some(l),
        (None, true) => Some(Severity::Info),
        (None, false) => None,
    };
    if let Some(level) = level
        && report
            .findings
            .iter()
            .filter(gated)
            .any(|f| f.severity >= level)
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

/// One report in one format. `verbose` only changes the text format.
pub fn render(report: &Report, format: Format, verbose: bool) -> String {
    match format {
        Format::Text => report::text::render(report, &report::text::Options { verbose }),
        Format::Json => report::json::render(report),
        Format::Sarif => report::sarif::render(report),
        Format::Markdown => report::markdown::render(report),
        Format::Junit => report::junit::render(report),
    }
}

/// Standard output gets the `--format` report unless a bare `--output PATH`
/// takes it; every `FORMAT=PATH` adds a file. Under GitHub Actions the
/// Markdown summary is also appended to `$GITHUB_STEP_SUMMARY`.
pub fn emit(report: &Report, args: &ReportArgs, verbose: bool) -> anyhow::Result<()> {
    emit_with(
        args,
        &|f| render(report, f, verbose),
        &report::markdown::render(report),
    )
}

/// Several profiles' reports as one document per format: text sections one
/// after the other, one JSON object with a `profiles` array, one SARIF log
/// with a run per profile, one JUnit suite per profile.
pub fn emit_many(reports: &[Report], args: &ReportArgs, verbose: bool) -> anyhow::Result<()> {
    emit_with(
        args,
        &|f| render_many(reports, f, verbose),
        &report::markdown::render_many(reports),
    )
}

pub fn render_many(reports: &[Report], format: Format, verbose: bool) -> String {
    match format {
        Format::Text => {
            let sections: Vec<String> = reports
                .iter()
                .map(|r| report::text::render(r, &report::text::Options { verbose }))
                .collect();
            sections.join(&format!("\n{}\n\n", "═".repeat(72)))
        }
        Format::Json => report::json::render_profiles(reports),
        Format::Sarif => report::sarif::render_many(reports),
        Format::Markdown => report::markdown::render_many(reports),
        Format::Junit => report::junit::render_many(reports),
    }
}

fn emit_with(
    args: &ReportArgs,
    render: &dyn Fn(Format) -> String,
    summary: &str,
) -> anyhow::Result<()> {
    let main = args.format.unwrap_or(Format::Text);
    if args.output.iter().all(|o| o.format.is_some()) {
        write_stdout(render(main).as_bytes())?;
    }
    if !args.output.is_empty() {
        // A file never wants terminal colour codes.
        colored::control::set_override(false);
    }
    for o in &args.output {
        write_private(&o.path, render(o.format.unwrap_or(main)).as_bytes())?;
    }
    if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
        let path = std::path::PathBuf::from(path);
        if let Err(e) = append(&path, summary.as_bytes()) {
            eprintln!(
                "binance-audit: warning: cannot append the summary to $GITHUB_STEP_SUMMARY ({}): {e}",
                path.display()
            );
        }
    }
    Ok(())
}

fn append(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)?;
    f.write_all(bytes)
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
            waivers: &[],
            baseline: None,
            config_file: None,
            now: chrono::Utc::now(),
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
        assert_eq!(gate(&report(None), &args, false), Exit::Incomplete);
        assert_eq!(gate(&report(Some(49)), &args, false), Exit::Gate);
        assert_eq!(gate(&report(Some(50)), &args, false), Exit::Ok);
    }
}
