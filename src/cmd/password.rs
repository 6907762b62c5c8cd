//! `binance-audit password`: one password's strength and breach lookup, or
//! `--stdin-list` for several (breach lookups only, by line number).

use super::error::{Error, Result};
use super::exit::{Exit, Gate, worst};
use super::{inputs, output, session};
use crate::audit;
use crate::cli::{GlobalArgs, PasswordArgs};
use crate::password_list;
use crate::report::{self, Format};

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
        &|f| report::format::render(&report, f, &opts),
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
        return Err(Error::Usage(
            crate::i18n::ui_tr(
                "--min-score does not apply to --stdin-list (there is no score); use --fail-on",
                "--min-score は --stdin-list には使えません（スコアがありません）。--fail-on を使ってください",
            )
            .into(),
        ));
    }
    // This report has its own shape: text and JSON only. Refuse other
    // formats before any lookup.
    let main = args.report.format.unwrap_or(Format::Text);
    let formats = std::iter::once(main).chain(args.report.output.iter().filter_map(|o| o.format));
    for f in formats {
        if !matches!(f, Format::Text | Format::Json) {
            return Err(Error::Usage(match crate::i18n::ui() {
                crate::i18n::Lang::En => format!("--stdin-list writes text or json, not {f}"),
                crate::i18n::Lang::Ja => {
                    format!("--stdin-list が出力できるのは text か json だけです（{f} は不可）")
                }
            }));
        }
    }
    let opts = inputs::breach_options(&ctx.config, global.offline, &args.breach)?;
    if opts.cannot_look_up(&ctx.net) {
        return Err(Error::Usage(
            crate::i18n::ui_tr(
                "--stdin-list only checks breaches, which needs the network or --hibp-file (not --offline alone)",
                "--stdin-list は流出の確認だけを行うため、ネットワークか --hibp-file が必要です（--offline だけでは不可）",
            )
            .into(),
        ));
    }
    let entries = inputs::stdin_list()?;
    let report =
        session::runtime()?.block_on(password_list::check(ctx, &opts, &ctx.rules, &entries));
    let written = output::emit(
        main,
        &args.report.output,
        &|f| match f {
            Format::Json => password_list::render_json(&report),
            _ => password_list::render_text(&report),
        },
        None,
    );
    finish(gate(args).judge_list(&report), written)
}
