//! `binance-audit incident KIND`: first-response playbooks (breach, outage,
//! account, trade, support), an interactive checklist that records each step
//! in an incident log, and a read-only evidence bundle with a support-ticket
//! draft.

pub mod checklist;
pub mod evidence;
pub mod gather;
pub mod playbook;
pub mod show;
pub mod ticket;

use std::path::PathBuf;

use anyhow::{anyhow, bail};
use clap::{Args, ValueEnum};

use crate::app::{Exit, write_stdout};
use crate::cli::GlobalArgs;
use crate::config;
use crate::i18n::Lang;
use checklist::{IncidentLog, Mark, WalkEnd};
use playbook::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlaybookFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Args, Clone)]
#[command(
    after_help = "Examples:\n  binance-audit incident breach                      # what to do, in order, and where in the app\n  binance-audit incident breach --checklist          # walk the steps; re-running resumes\n  binance-audit incident breach --mark change-password=done --mark setup-2fa=skipped\n  binance-audit incident outage --lang ja --format markdown > outage.md\n  binance-audit incident breach --since 2026-11-20T00:00Z --out ./incident-2026-11-20\n  binance-audit incident trade --since 2026-11-24T09:00+09:00 --symbol BTCUSDT,ETHUSDT --out ./trade-case"
)]
pub struct IncidentArgs {
    /// Which playbook
    #[arg(value_enum)]
    pub kind: Kind,
    /// Output format of the playbook
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<PlaybookFormat>,
    /// Walk the steps one by one in the terminal, recording each as done or skipped
    #[arg(long, conflicts_with_all = ["mark", "since", "format"])]
    pub checklist: bool,
    /// Record a step without prompting (repeatable): STEP=done or STEP=skipped
    #[arg(long, value_name = "STEP=STATE", value_parser = parse_mark, conflicts_with_all = ["since", "format"])]
    pub mark: Vec<Mark>,
    /// Incident log file [default: the platform data dir, e.g. ~/.local/share/binance-audit/incidents/KIND.json]
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Collect evidence from this time on (RFC 3339, e.g. 2026-11-20T00:00Z or 2026-11-20T09:00+09:00)
    #[arg(long, value_name = "TIME", requires = "out", conflicts_with_all = ["format", "log"])]
    pub since: Option<String>,
    /// End of the evidence period [default: now]
    #[arg(long, value_name = "TIME", requires = "since")]
    pub until: Option<String>,
    /// Trading pairs whose orders and trades to collect (repeatable or comma-separated)
    #[arg(long, value_name = "SYMBOL", value_delimiter = ',', requires = "since")]
    pub symbol: Vec<String>,
    /// Folder to write the evidence into (ticket.md and evidence.json, mode 0600)
    #[arg(long, value_name = "DIR", requires = "since")]
    pub out: Option<PathBuf>,
    /// Binance API base URL [default: https://api.binance.com]
    #[arg(long, env = "BINANCE_API_URL", value_name = "URL")]
    pub api_url: Option<String>,
    /// Use the API key of this config profile
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Minimum spacing of withdraw-history requests in milliseconds; 24-hour
    /// order and trade lookups are spaced at 2/5 of it
    #[arg(long, hide = true, env = "BINANCE_AUDIT_PACE_MS", default_value_t = evidence::DEFAULT_PACE_MS)]
    pub pace_ms: u64,
}

fn parse_mark(s: &str) -> Result<Mark, String> {
    s.parse()
}

/// The language without failing on a broken config file: a playbook must show
/// even when the rest of the setup is in a bad state.
fn lang_lenient(global: &GlobalArgs) -> Lang {
    if let Some(l) = global.lang {
        return l;
    }
    match config::load(global.config.as_deref()) {
        Ok(loaded) => loaded.config.lang.unwrap_or_else(Lang::from_env),
        Err(e) => {
            eprintln!("binance-audit: warning: {e} (showing the playbook anyway)");
            Lang::from_env()
        }
    }
}

fn log_path(args: &IncidentArgs) -> anyhow::Result<PathBuf> {
    match &args.log {
        Some(p) => Ok(p.clone()),
        None => checklist::default_path(args.kind)
            .ok_or_else(|| anyhow!("no home directory for the incident log: pass --log FILE")),
    }
}

pub fn run(global: &GlobalArgs, args: &IncidentArgs) -> anyhow::Result<Exit> {
    let playbook =
        playbook::load(args.kind, global.rules.as_deref()).map_err(|e| anyhow!("playbook: {e}"))?;
    if args.since.is_some() {
        return gather::run(global, args, &playbook);
    }
    let lang = lang_lenient(global);
    let path = log_path(args)?;
    if args.checklist || !args.mark.is_empty() {
        return checklist_cmd(args, &playbook, &path, lang);
    }
    // Plain display: show recorded progress when a log exists, but never fail over it.
    let log = match checklist::load(&path, args.kind) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("binance-audit: warning: {e}");
            None
        }
    };
    let channels = playbook::official_channels();
    let out = match args.format.unwrap_or(PlaybookFormat::Text) {
        PlaybookFormat::Text => show::text(&playbook, log.as_ref(), &channels, lang),
        PlaybookFormat::Markdown => show::markdown(&playbook, log.as_ref(), &channels, lang),
        PlaybookFormat::Json => show::json(&playbook, log.as_ref(), Some(&path), &channels, lang),
    };
    write_stdout(out.as_bytes())?;
    Ok(Exit::Ok)
}

fn checklist_cmd(
    args: &IncidentArgs,
    playbook: &playbook::Playbook,
    path: &std::path::Path,
    lang: Lang,
) -> anyhow::Result<Exit> {
    let mut log = checklist::load(path, args.kind)
        .map_err(|e| anyhow!(e))?
        .unwrap_or_else(|| IncidentLog::new(args.kind, checklist::now()));
    if !args.mark.is_empty() {
        checklist::apply_marks(&mut log, playbook, &args.mark, checklist::now())
            .map_err(|e| anyhow!(e))?;
        checklist::save(path, &log).map_err(|e| anyhow!(e))?;
    } else {
        if !crate::secret::interactive() {
            bail!(
                "--checklist asks questions and needs a terminal (and CI unset); from a script use --mark STEP=done or --mark STEP=skipped (steps: {})",
                playbook.step_ids().join(", ")
            );
        }
        // Create the log before the first question so its location is known and writable.
        checklist::save(path, &log).map_err(|e| anyhow!(e))?;
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
        .map_err(|e| anyhow!(e))?;
        if end == WalkEnd::Paused {
            write_stdout(
                crate::i18n::tr(
                    lang,
                    "Paused. Run the same command again to resume.\n",
                    "中断しました。同じコマンドをもう一度実行すると再開します。\n",
                )
                .as_bytes(),
            )?;
        }
    }
    let line = checklist::progress_line(&log, playbook, path, lang);
    write_stdout(format!("{line}\n").as_bytes())?;
    Ok(Exit::Ok)
}
