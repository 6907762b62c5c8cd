//! `binance-audit` / `binance-audit audit`: resolve every input before the
//! first prompt or request (an unknown profile, a bad URL or an unreadable
//! baseline is a usage error found up front), run the engine, write every
//! report, then judge the gates.

use super::error::{Error, Result, usage};
use super::exit::{Exit, Gate, worst};
use super::{inputs, output, session};
use crate::account::{self, Selector};
use crate::audit::{self, SecretFiles};
use crate::baseline;
use crate::cli::{AuditArgs, GlobalArgs};
use crate::collect::environment;
use crate::facts::Facts;
use crate::report::{self, Format, Report};
use crate::t;

pub fn selector(args: &AuditArgs) -> Selector {
    Selector {
        api_url: args.api.api_url.clone(),
        region: args.api.region.clone(),
        profile: args.api.profile.clone(),
        all_profiles: args.api.all_profiles,
    }
}

pub fn gate(args: &AuditArgs) -> Gate {
    Gate {
        fail_on: args.report.fail_on,
        min_score: args.report.min_score,
        fail_on_new: args.baseline.fail_on_new,
    }
}

pub fn run(global: &GlobalArgs, args: &AuditArgs) -> Result<Exit> {
    let mut ctx = session::context(global)?;
    let targets = account::targets(&ctx.config, &selector(args)).map_err(usage)?;
    for note in account::region_notes(&targets) {
        super::warn(&note.render(ctx.lang));
    }
    let mut read: Vec<(&str, &std::path::Path)> = Vec::new();
    if let Some(b) = &args.baseline.baseline {
        read.push(("--baseline", b));
    }
    if let Some(b) = &args.baseline.save_baseline {
        read.push(("--save-baseline", b));
    }
    if let Some(p) = &args.password.password_file {
        read.push(("--password-file", p));
    }
    if let Some(p) = &args.password.email_password_file {
        read.push(("--email-password-file", p));
    }
    output::refuse_clashes(&args.report.output, &read)?;

    let files = SecretFiles(inputs::secret_files(&args.password));
    if global.strict {
        let mut extra = files.0.clone();
        for t in &targets {
            if let Ok(Some(c)) = &t.creds {
                extra.extend(c.files().iter().cloned());
            }
        }
        let paths = environment::secret_files(&ctx.config, ctx.config_file.as_deref(), &extra);
        if let Some(w) = environment::file_exposure(&paths, &mut Facts::new()).first() {
            return Err(Error::Usage(t!(ctx.lang, "shell-strict", warning = w)));
        }
    }
    let breach_in =
        inputs::breach_inputs(&ctx.config, global.offline, &args.breach, &args.password)?;
    if let Some(path) = &args.baseline.baseline {
        ctx.baseline =
            Some(baseline::load(path).map_err(|e| Error::Usage(e.render(crate::i18n::ui())))?);
    }
    let pw = inputs::audit_password(&args.password, ctx.lang)?;
    // One time budget for the network part of the run (not the prompt).
    let budget = crate::net::Net::run_budget(std::time::Duration::from_secs(global.timeout));
    ctx.net
        .set_deadline(budget.saturating_mul(u32::try_from(targets.len().max(1)).unwrap_or(1)));
    let reports = {
        let _status = super::progress::Status::start(&t!(ctx.lang, "shell-auditing"));
        let audited = session::runtime()?.block_on(audit::audit_profiles(
            &ctx, targets, &pw, &breach_in, &files,
        ));
        audited
            .into_iter()
            .map(|a| report::build::audited(&ctx, a))
            .collect::<Vec<_>>()
    };
    for r in &reports {
        super::say_incomplete(r);
    }
    let opts = session::render_options(global);
    let main = args.report.format.unwrap_or(Format::Text);
    let written = if args.api.all_profiles {
        output::emit(
            main,
            &args.report.output,
            reports.as_slice(),
            &opts,
            Some(&report::markdown::render_many(&reports)),
        )
    } else {
        reports.iter().try_for_each(|r| {
            output::emit(
                main,
                &args.report.output,
                r,
                &opts,
                Some(&report::markdown::render(r)),
            )
        })
    };
    // The gate is judged even when a file could not be written: the worse of
    // the two is the exit code, and the write error is still said.
    let mut code = reports
        .iter()
        .map(|r| gate(args).judge(r))
        .fold(Exit::Ok, worst);
    if let Err(e) = written {
        super::report_error(&e);
        code = worst(code, e.exit());
    }
    if let Some(path) = &args.baseline.save_baseline {
        // --save-baseline conflicts with --all-profiles: one account per file.
        for r in &reports {
            if let Err(e) = save_baseline(r, path) {
                super::report_error(&e);
                code = worst(code, e.exit());
            }
        }
    }
    Ok(code)
}

/// Write the run's observed state. An incomplete run would overwrite a good
/// baseline with gaps, hiding later changes, so it is refused.
fn save_baseline(report: &Report, path: &std::path::Path) -> Result<()> {
    if report.any_check_failed() {
        super::warn(&t!(
            crate::i18n::ui(),
            "shell-baseline-not-saved",
            path = path.display().to_string()
        ));
        return Ok(());
    }
    let b = baseline::from_report(report, chrono::Utc::now());
    output::file(path, baseline::to_json(&b).as_bytes())?;
    if super::progress::enabled() {
        eprintln!(
            "{}",
            t!(
                crate::i18n::ui(),
                "shell-baseline-saved",
                path = path.display().to_string()
            )
        );
    }
    Ok(())
}
