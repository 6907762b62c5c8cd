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

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::i18n::Lang;
use error::{Error, Result};
use exit::Exit;

/// "label: text" with the reader's own colon (full-width in Japanese).
fn labelled(lang: Lang, label: &str, text: &str) -> String {
    crate::t!(lang, "report-text-labelled", label = label, text = text)
}

/// A warning for the person at the terminal, one line.
pub fn warn(msg: &str) {
    let l = crate::i18n::ui();
    let label = crate::t!(l, "help-label-warning");
    eprintln!("binance-audit: {}", labelled(l, &label, &one_line(msg)));
}

/// An error line, in the one form every command uses, in the language
/// resolved at the start of the run (`session::early_language`).
pub fn error_line(msg: &str) {
    let l = crate::i18n::ui();
    let label = crate::t!(l, "help-label-error");
    eprintln!("binance-audit: {}", labelled(l, &label, &one_line(msg)));
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
    let label = crate::t!(r.lang, "help-label-incomplete");
    for why in &r.incomplete {
        let why = format!("{profile}{}", one_line(why));
        eprintln!("binance-audit: {}", labelled(r.lang, &label, &why));
    }
    for w in &r.warnings {
        warn(&format!("{profile}{w}"));
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The reader's language before clap parses, in the order of
/// `session::language`: `--lang` (last one given), `BINANCE_AUDIT_LANG`, the
/// config's `lang` (from `--config`, `BINANCE_AUDIT_CONFIG` or the default
/// path; a config that cannot be read is skipped here, the command says so),
/// then LC_ALL / LC_MESSAGES / LANG. A `--lang` clap will refuse is passed
/// over, so its error is in the language the rest would choose.
pub fn language_before_parse(args: &[OsString]) -> Lang {
    let code = |s: &str| Lang::ALL.iter().copied().find(|l| l.code() == s);
    let mut flag = None;
    let mut config: Option<PathBuf> = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let Some(s) = a.to_str() else { continue };
        if s == "--" {
            break;
        }
        if let Some(v) = s.strip_prefix("--lang=") {
            flag = code(v).or(flag);
        } else if s == "--lang" {
            flag = it.next().and_then(|v| v.to_str()).and_then(code).or(flag);
        } else if let Some(v) = s.strip_prefix("--config=") {
            config = Some(PathBuf::from(v));
        } else if s == "--config" {
            config = it.next().map(PathBuf::from).or(config);
        }
    }
    if let Some(l) = flag.or_else(|| {
        std::env::var("BINANCE_AUDIT_LANG")
            .ok()
            .and_then(|v| code(&v))
    }) {
        return l;
    }
    let config = config.or_else(|| std::env::var_os("BINANCE_AUDIT_CONFIG").map(PathBuf::from));
    crate::config::load(config.as_deref())
        .ok()
        .and_then(|l| l.config.lang)
        .unwrap_or_else(Lang::from_env)
}

/// A usage error, `--help` or `--version` from clap, in `lang`, where clap
/// would print it; the exit code (0 for help and version, else 2).
pub fn usage_error(e: &clap::Error, lang: Lang) -> Exit {
    use clap::error::ErrorKind as K;
    let to_stderr = e.use_stderr();
    let code = if to_stderr { Exit::Usage } else { Exit::Ok };
    let help = matches!(
        e.kind(),
        K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if lang == Lang::En && help {
        let _ = e.print();
        return code;
    }
    let styled = crate::cli::render_error(e, lang);
    let tty = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let color = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut text = if color {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    // Help only: an error's sentence is one line in English too, and a
    // command quoted in it must not be cut.
    if lang != Lang::En && help {
        text = crate::cli::rewrap(&text, help_width());
    }
    // A closed pipe (`--help | head`) is not an error worth a panic.
    let _ = if to_stderr {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout().write_all(text.as_bytes())
    };
    code
}

/// The width clap wraps help at: the terminal's, else COLUMNS, at most 100.
fn help_width() -> usize {
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
        })
        .unwrap_or(100)
        .min(100)
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
            let mut cmd = crate::cli::command(crate::i18n::ui());
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "binance-audit", &mut out);
            output::stdout(&out)?;
            Ok(Exit::Ok)
        }
        Some(Command::Man { dir }) => man::run(dir.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(args: &[&str]) -> Lang {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        language_before_parse(&args)
    }

    #[test]
    fn the_lang_flag_is_read_before_clap_in_both_spellings() {
        assert_eq!(lang(&["binance-audit", "--lang", "ja", "--help"]), Lang::Ja);
        assert_eq!(lang(&["binance-audit", "audit", "--lang=ja"]), Lang::Ja);
        assert_eq!(
            lang(&["binance-audit", "--lang", "ja", "--lang", "en"]),
            Lang::En
        );
        // A value clap will refuse does not hide a good one before it.
        assert_eq!(
            lang(&["binance-audit", "--lang=ja", "--lang", "xx"]),
            Lang::Ja
        );
        // After `--` it is an argument, not the flag.
        let after = lang(&["binance-audit", "url", "--", "--lang", "ja"]);
        assert_eq!(after, lang(&["binance-audit", "url"]));
    }
}
