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
        eprintln!(
            "binance-audit: internal error{place}; please report it (no details are printed, to keep secrets out of logs)"
        );
    }));
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
