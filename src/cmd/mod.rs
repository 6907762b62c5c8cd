//! The command shell: the only code that knows clap types, prompts, standard
//! output, files and exit codes. Each command resolves its inputs, calls the
//! engine, writes what it returns and turns the outcome into an exit code.
//! Nothing outside `cmd/` imports it.

pub mod address;
pub mod audit;
pub mod config;
pub mod error;
pub mod exit;
pub mod incident;
pub mod inputs;
pub mod man;
pub mod output;
pub mod password;
pub mod progress;
pub mod rules;
pub mod session;
pub mod setup;
pub mod status;
pub mod url;

use clap::CommandFactory;

use crate::cli::{Cli, Command};
use error::{Error, Result};
use exit::Exit;

/// A warning for the person at the terminal, one line.
pub fn warn(msg: &str) {
    let label = crate::i18n::ui_tr("warning", "警告");
    eprintln!("binance-audit: {label}: {}", one_line(msg));
}

/// An error line, in the one form every command uses, in the language
/// resolved at the start of the run (`session::early_language`).
pub fn error_line(msg: &str) {
    let label = crate::i18n::ui_tr("error", "エラー");
    eprintln!("binance-audit: {label}: {}", one_line(msg));
}

/// Say an error that does not stop the run (a report file that could not be
/// written while the others were).
pub fn report_error(e: &Error) {
    error_line(&e.to_string());
}

/// On stderr, whatever the format on stdout: each check that could not
/// complete, and each warning (a secret file readable by others), so a
/// scheduled job's log says it even when the report goes to a file.
pub fn say_incomplete(r: &crate::report::Report) {
    let profile = r
        .profile
        .as_deref()
        .map(|p| format!("[{p}] "))
        .unwrap_or_default();
    let label = crate::i18n::tr(r.lang, "incomplete", "不完全");
    for why in &r.incomplete {
        eprintln!("binance-audit: {label}: {profile}{}", one_line(why));
    }
    for w in &r.warnings {
        warn(&format!("{profile}{w}"));
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn run(cli: Cli) -> Result<Exit> {
    output::set_color(cli.global.color);
    let g = &cli.global;
    crate::i18n::set_ui(session::early_language(g));
    match &cli.command {
        None => audit::run(g, &cli.audit),
        Some(Command::Audit(args)) => audit::run(g, args),
        Some(Command::Password(args)) => password::run(g, args),
        Some(Command::Url(args)) => url::command(g, args),
        Some(Command::Address(args)) => address::run(g, args),
        Some(Command::Status(args)) => status::run(g, args),
        Some(Command::Incident(args)) => incident::run(g, args),
        Some(Command::Setup(args)) => setup::run(g, args),
        Some(Command::Rules(r)) => rules::run(g, r),
        Some(Command::Config(c)) => config::run(g, c),
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "binance-audit", &mut out);
            output::stdout(&out)?;
            Ok(Exit::Ok)
        }
        Some(Command::Man { dir }) => man::run(dir.as_deref()),
    }
}
