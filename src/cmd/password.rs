//! `binance-audit password`: one password's strength and breach lookup, or
//! `--stdin-list` for several (breach lookups only, by line number).

use super::error::{Error, Result};
use super::exit::{Exit, Gate, worst};
use super::{inputs, output, session};
use crate::audit;
use crate::cli::{GlobalArgs, PasswordArgs};
use crate::password_list;
use crate::report::{self, Format};
use crate::t;

fn gate(args: &PasswordArgs) -> Gate {
    Gate {
        fail_on: args.report.fail_on,
        min_score: args.report.min_score,
        fail_on_new: false,
    }
}

pub fn run(global: &GlobalArgs, args: &PasswordArgs) -> Result<Exit> {
    let ctx = session::context(global)?;
    output::refuse_clashes(&args.report.output, &[])?;
    if args.stdin_list {
        return list(&ctx, global, args);
    }
    let breach_in =
        inputs::breach_inputs(&ctx.config, global.offline, &args.breach, &args.password)?;
    let pw = inputs::required_password(&args.password, ctx.lang)?;
    let audited = session::runtime()?.block_on(audit::password_audit(&ctx, pw, &breach_in));
    let report = report::build::audited(&ctx, audited);
    super::say_incomplete(&report);
    let opts = session::render_options(global);
    let written = output::emit(
        args.report.format.unwrap_or(Format::Text),
        &args.report.output,
        &report,
        &opts,
        Some(&report::markdown::render(&report)),
    );
    finish(gate(args).judge(&report), written)
}

/// The gate's verdict, unless a report could not be written (said once).
fn finish(code: Exit, written: Result<()>) -> Result<Exit> {
    match written {
        Ok(()) => Ok(code),
        Err(e) => {
            super::report_error(&e);
            Ok(worst(code, e.exit()))
        }
    }
}

fn list(ctx: &crate::context::Context, global: &GlobalArgs, args: &PasswordArgs) -> Result<Exit> {
    if args.report.min_score.is_some() {
        return Err(Error::Usage(t!(ctx.lang, "shell-list-no-min-score")));
    }
    // This report has its own shape: text and JSON only. Refuse other
    // formats before any lookup.
    let main = args.report.format.unwrap_or(Format::Text);
    let formats = std::iter::once(main).chain(args.report.output.iter().filter_map(|o| o.format));
    for f in formats {
        if !matches!(f, Format::Text | Format::Json) {
            return Err(Error::Usage(t!(
                ctx.lang,
                "shell-list-formats",
                format = f.to_string()
            )));
        }
    }
    let opts = inputs::breach_options(&ctx.config, global.offline, &args.breach)?;
    if opts.cannot_look_up(&ctx.net) {
        return Err(Error::Usage(t!(ctx.lang, "shell-list-needs-lookup")));
    }
    let entries = inputs::stdin_list()?;
    let report =
        session::runtime()?.block_on(password_list::check(ctx, &opts, &ctx.rules, &entries));
    let written = output::emit(
        main,
        &args.report.output,
        &report,
        &session::render_options(global),
        None,
    );
    finish(gate(args).judge_list(&report), written)
}
