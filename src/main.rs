use std::process::ExitCode;

use binance_audit::cli::Cli;
use binance_audit::cmd;

fn main() -> ExitCode {
    // Before anything is read: a secret in the environment is in the
    // process from its first instruction, and a core file or an attached
    // debugger would see it.
    binance_audit::hardening::at_start();
    // A panic payload could quote data the tool was handling; say only that it happened.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "{}",
            binance_audit::t!(binance_audit::i18n::ui(), "help-panic", place = place)
        );
    }));
    unset_empty_variables();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Known before clap parses, so that `--help` and usage errors are in it.
    let lang = cmd::language_before_parse(&args);
    binance_audit::i18n::set_ui(lang);
    let cli = match Cli::parse_in(lang, args) {
        Ok(c) => c,
        Err(e) => return cmd::usage_error(&e, lang).into(),
    };
    match cmd::run(cli) {
        Ok(code) => code.into(),
        Err(e) => {
            cmd::error_line(&e.to_string());
            e.exit().into()
        }
    }
}

/// `VAR=` in a CI file or a shell means "not set", as in most tools: an empty
/// `BINANCE_API_PRIVATE_KEY_FILE` must not clash with a secret, nor an empty
/// `BINANCE_AUDIT_LANG` be a usage error. Done once, first, for every
/// variable of ours, so no reader has to remember.
fn unset_empty_variables() {
    let empty: Vec<std::ffi::OsString> = std::env::vars_os()
        .filter(|(k, v)| v.is_empty() && k.to_string_lossy().starts_with("BINANCE_"))
        .map(|(k, _)| k)
        .collect();
    for k in empty {
        // SAFETY: main has not started any thread yet and nothing is reading
        // the environment concurrently.
        unsafe { std::env::remove_var(k) };
    }
}
