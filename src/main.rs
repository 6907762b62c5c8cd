use std::process::ExitCode;

use binance_audit::cli::Cli;
use binance_audit::cmd::{self, exit::Exit};

fn main() -> ExitCode {
    // A panic payload could quote data the tool was handling; say only that it happened.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        match binance_audit::i18n::ui() {
            binance_audit::i18n::Lang::En => eprintln!(
                "binance-audit: internal error{place}; please report it (no details are printed, to keep secrets out of logs)"
            ),
            binance_audit::i18n::Lang::Ja => eprintln!(
                "binance-audit: 内部エラー{place}。報告をお願いします（秘密情報をログに残さないため、詳細は表示しません）"
            ),
        }
    }));
    unset_empty_variables();
    let cli = match Cli::parse_args() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::Ok
            };
            let _ = e.print();
            return code.into();
        }
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
