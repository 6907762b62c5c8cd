use std::process::ExitCode;

use clap::Parser;

use binance_audit::app::{self, Exit};
use binance_audit::cli::Cli;

fn main() -> ExitCode {
    // A panic payload could quote data the tool was handling; say only that it happened.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "binance-audit: internal error{place}; please report it (no details are printed, to keep secrets out of logs)"
        );
    }));
    let cli = match Cli::try_parse() {
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
    match app::run(cli) {
        Ok(code) => code.into(),
        Err(e) => {
            eprintln!("binance-audit: error: {}", one_line(&format!("{e:#}")));
            Exit::Usage.into()
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
