//! `binance-audit incident [KIND]`: the playbook, the checklist that records
//! each step, and the read-only evidence bundle with a ticket draft.

use std::path::{Path, PathBuf};

use chrono::Utc;

use super::error::{Error, Result, usage};
use super::exit::Exit;
use super::{output, session};
use crate::account::{self, Selector};
use crate::cli::{GlobalArgs, IncidentArgs};
use crate::i18n::Lang;
use crate::incident::checklist::{self, IncidentLog, WalkEnd};
use crate::incident::evidence::{self, Evidence, Period};
use crate::incident::gather::{self, EVIDENCE_FILE, Pacing, TICKET_FILE};
use crate::incident::playbook::{self, Kind};
use crate::incident::ticket;
use crate::report::Format;
use crate::t;

/// With no kind: the playbooks there are, one line each.
fn list(lang: Lang) -> String {
    let mut o = t!(lang, "incident-list-head");
    o.push('\n');
    for k in Kind::ALL {
        let prefix = format!("  {:<8}  ", k.as_str());
        o.push_str(&crate::text::fill(
            &prefix,
            12,
            12,
            &k.summary().render(lang),
            session::width(),
        ));
        o.push('\n');
    }
    o
}

fn log_path(args: &IncidentArgs, kind: Kind) -> Result<PathBuf> {
    match &args.log {
        Some(p) => Ok(p.clone()),
        None => checklist::default_path(kind)
            .ok_or_else(|| Error::Usage(t!(crate::i18n::ui(), "incident-no-home"))),
    }
}

pub fn run(global: &GlobalArgs, args: &IncidentArgs) -> Result<Exit> {
    let Some(kind) = args.kind else {
        let lang = session::language_lenient(global);
        output::stdout(list(lang).as_bytes())?;
        return Ok(Exit::Ok);
    };
    let playbook = playbook::load(kind, global.rules.as_deref()).map_err(|e| {
        let ui = crate::i18n::ui();
        Error::Usage(t!(ui, "incident-playbook-error", error = e.render(ui)))
    })?;
    if args.since.is_some() {
        return evidence(global, args, kind);
    }
    // A playbook must show even when the rest of the setup is in a bad state.
    let lang = session::language_lenient(global);
    let path = log_path(args, kind)?;
    if args.checklist || !args.mark.is_empty() {
        return checklist_cmd(args, kind, &playbook, &path, lang);
    }
    // Plain display: show recorded progress when a log exists, but never fail over it.
    let log = match checklist::load(&path, kind) {
        Ok(l) => l,
        Err(e) => {
            super::warn(&e.render(lang));
            None
        }
    };
    let channels = playbook::official_channels();
    let shown = output::Playbook {
        playbook: &playbook,
        log: log.as_ref(),
        log_path: &path,
        channels: &channels,
        lang,
    };
    let out = crate::report::format::render(
        &shown,
        args.format.unwrap_or(Format::Text),
        &session::render_options(global),
    );
    output::stdout(out.as_bytes())?;
    Ok(Exit::Ok)
}

fn checklist_cmd(
    args: &IncidentArgs,
    kind: Kind,
    playbook: &playbook::Playbook,
    path: &Path,
    lang: Lang,
) -> Result<Exit> {
    let log_error = |e: checklist::LogError| Error::Usage(e.render(lang));
    let mut log = checklist::load(path, kind)
        .map_err(log_error)?
        .unwrap_or_else(|| IncidentLog::new(kind, checklist::now()));
    if !args.mark.is_empty() {
        checklist::apply_marks(&mut log, playbook, &args.mark, checklist::now())
            .map_err(log_error)?;
        checklist::save(path, &log).map_err(log_error)?;
    } else {
        if !crate::secret::interactive() {
            return Err(Error::Usage(t!(
                lang,
                "incident-checklist-needs-terminal",
                steps = crate::i18n::join(lang, &playbook.step_ids())
            )));
        }
        // Create the log before the first question so its location is known and writable.
        checklist::save(path, &log).map_err(log_error)?;
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut out = std::io::stdout();
        let mut save = |l: &IncidentLog| checklist::save(path, l);
        let end = checklist::walk(
            playbook,
            &mut log,
            lang,
            &mut input,
            &mut out,
            &mut save,
            &checklist::now,
        )
        .map_err(log_error)?;
        if end == WalkEnd::Paused {
            output::stdout(format!("{}\n", t!(lang, "incident-checklist-paused")).as_bytes())?;
        }
    }
    let line = checklist::progress_line(&log, playbook, path, lang);
    output::stdout(format!("{line}\n").as_bytes())?;
    Ok(Exit::Ok)
}

fn out_dir_ready(dir: &Path) -> Result<()> {
    for f in [TICKET_FILE, EVIDENCE_FILE] {
        let p = dir.join(f);
        if p.exists() {
            return Err(Error::Usage(t!(
                crate::i18n::ui(),
                "incident-evidence-exists",
                path = p.display().to_string()
            )));
        }
    }
    checklist::create_private_dir(dir).map_err(|e| Error::write(dir, &e))
}

fn summary(e: &Evidence, dir: &Path, lang: Lang) -> String {
    let flagged = e
        .withdrawals
        .iter()
        .filter(|w| ticket::unapproved(w))
        .count();
    let mut o = t!(
        lang,
        "incident-summary-wrote",
        ticket = dir.join(TICKET_FILE).display().to_string(),
        evidence = dir.join(EVIDENCE_FILE).display().to_string()
    );
    o.push('\n');
    // A count only for what was read: "0 withdrawals" would say none were made.
    let ran = |check: &str| {
        e.checks
            .iter()
            .any(|c| c.check == check && c.state == crate::collect::CheckState::Ran)
    };
    let mut counts: Vec<String> = Vec::new();
    if ran("withdrawals") {
        counts.push(t!(
            lang,
            "incident-summary-withdrawals",
            count = e.withdrawals.len(),
            flagged = flagged
        ));
    }
    if ran("deposits") {
        counts.push(t!(
            lang,
            "incident-summary-deposits",
            count = e.deposits.len()
        ));
    }
    if ran("orders") {
        counts.push(t!(lang, "incident-summary-orders", count = e.orders.len()));
    }
    if ran("trades") {
        counts.push(t!(lang, "incident-summary-trades", count = e.trades.len()));
    }
    if ran("open-orders") {
        counts.push(t!(
            lang,
            "incident-summary-open-orders",
            count = e.open_orders.len()
        ));
    }
    if !counts.is_empty() {
        let counts: Vec<&str> = counts.iter().map(String::as_str).collect();
        o.push_str(&t!(
            lang,
            "incident-summary-counts",
            counts = crate::i18n::join(lang, &counts)
        ));
        o.push('\n');
    }
    for c in e
        .checks
        .iter()
        .filter(|c| c.state != crate::collect::CheckState::Ran)
    {
        o.push_str(&t!(
            lang,
            "incident-summary-not-collected",
            check = &c.check,
            detail = &c.detail
        ));
        o.push('\n');
    }
    let powerful = e.api_key_permissions.as_ref().is_some_and(|p| {
        p.iter().any(|(k, v)| {
            (k.starts_with("enable") || k.starts_with("permits"))
                && !matches!(k.as_str(), "enableReading" | "enableFixReadOnly")
                && v.as_bool() == Some(true)
        })
    });
    if powerful {
        o.push_str(&t!(lang, "incident-summary-powerful-key"));
        o.push('\n');
    }
    if e.symbols.is_empty() {
        o.push_str(&t!(lang, "incident-summary-need-symbols"));
        o.push('\n');
    }
    o
}

fn evidence(global: &GlobalArgs, args: &IncidentArgs, kind: Kind) -> Result<Exit> {
    let now = Utc::now();
    let since = evidence::parse_time(args.since.as_deref().unwrap_or_default())
        .map_err(|e| Error::Usage(format!("--since {}", e.render(crate::i18n::ui()))))?;
    let until = match &args.until {
        Some(u) => evidence::parse_time(u)
            .map_err(|e| Error::Usage(format!("--until {}", e.render(crate::i18n::ui()))))?,
        None => now,
    };
    let period = Period::new(since, until, now).map_err(|e| usage(e.render(crate::i18n::ui())))?;
    let symbols = args
        .symbol
        .iter()
        .map(|s| gather::symbol(s))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| usage(e.render(crate::i18n::ui())))?;
    let dir = args
        .out
        .as_deref()
        .ok_or_else(|| Error::Usage(t!(crate::i18n::ui(), "incident-evidence-needs-out")))?;

    let ctx = session::context(global)?;
    for w in &ctx.warnings {
        super::warn(w);
    }
    let sel = Selector::one(args.api_url.as_deref(), args.profile.as_deref())
        .with_region(args.region.as_deref());
    if let Some(note) = account::selected_note(&ctx.config, &sel) {
        super::warn(&note.render(ctx.lang));
    }
    let (client, unusable_key) = account::client(&ctx.config, &ctx.net, &sel).map_err(usage)?;
    if let Some(e) = unusable_key {
        return Err(Error::Usage(e));
    }
    out_dir_ready(dir)?;

    let e = {
        let _status = super::progress::Status::start(&t!(ctx.lang, "incident-evidence-collecting"));
        session::runtime()?.block_on(gather::collect(
            &client,
            kind,
            period,
            &symbols,
            Pacing::from_ms(args.pace_ms),
        ))
    };
    let json = crate::report::format::json(&evidence_json(&e, ctx.lang)).into_bytes();
    // Created exclusively: two runs into one folder never mix their bundles.
    output::new_file(&dir.join(EVIDENCE_FILE), &json)?;
    output::new_file(
        &dir.join(TICKET_FILE),
        ticket::render(&e, kind, ctx.lang).as_bytes(),
    )?;
    // One line per fact, each filled to the terminal (paths overflow whole).
    let text = crate::text::wrap(&summary(&e, dir, ctx.lang), 2, session::width());
    output::stdout(text.as_bytes())?;
    let failed = e
        .checks
        .iter()
        .any(|c| c.state == crate::collect::CheckState::Failed);
    Ok(if failed { Exit::Incomplete } else { Exit::Ok })
}

/// evidence.json as a person and Binance support read it: each part's
/// detail is a sentence in the reader's language, not a message id.
fn evidence_json(
    e: &crate::incident::evidence::Evidence,
    lang: crate::i18n::Lang,
) -> serde_json::Value {
    let mut doc = serde_json::to_value(e).unwrap_or(serde_json::Value::Null);
    if let Some(checks) = doc.get_mut("checks").and_then(|c| c.as_array_mut()) {
        for (json, c) in checks.iter_mut().zip(&e.checks) {
            json["detail"] = c.detail.render(lang).into();
        }
    }
    doc
}
