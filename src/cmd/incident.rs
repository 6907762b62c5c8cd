//! `binance-audit incident [KIND]`: the playbook, the checklist that records
//! each step, and the read-only evidence bundle with a ticket draft.

use std::path::{Path, PathBuf};

use chrono::Utc;

use super::error::{Error, Result, usage};
use super::exit::Exit;
use super::{output, session};
use crate::account::{self, Selector};
use crate::cli::{GlobalArgs, IncidentArgs};
use crate::i18n::ui_tr;
use crate::i18n::{Lang, tr};
use crate::incident::checklist::{self, IncidentLog, WalkEnd};
use crate::incident::evidence::{self, Evidence, Period};
use crate::incident::gather::{self, EVIDENCE_FILE, Pacing, TICKET_FILE};
use crate::incident::playbook::{self, Kind};
use crate::incident::{show, ticket};
use crate::report::Format;

/// With no kind: the playbooks there are, one line each.
fn list(lang: Lang) -> String {
    let mut o = tr(
        lang,
        "Playbooks (binance-audit incident KIND):\n",
        "プレイブック（binance-audit incident 種類）:\n",
    )
    .to_string();
    for k in Kind::ALL {
        let prefix = format!("  {:<8}  ", k.as_str());
        o.push_str(&crate::text::fill(
            &prefix,
            12,
            12,
            k.summary_in(lang),
            session::width(),
        ));
        o.push('\n');
    }
    o
}

fn log_path(args: &IncidentArgs, kind: Kind) -> Result<PathBuf> {
    match &args.log {
        Some(p) => Ok(p.clone()),
        None => checklist::default_path(kind).ok_or_else(|| {
            Error::Usage(
                ui_tr(
                    "no home directory for the incident log: pass --log FILE",
                    "記録ファイルを置くホームフォルダがありません: --log FILE を指定してください",
                )
                .into(),
            )
        }),
    }
}

pub fn run(global: &GlobalArgs, args: &IncidentArgs) -> Result<Exit> {
    let Some(kind) = args.kind else {
        let lang = session::language_lenient(global);
        output::stdout(list(lang).as_bytes())?;
        return Ok(Exit::Ok);
    };
    let playbook = playbook::load(kind, global.rules.as_deref())
        .map_err(|e| Error::Usage(format!("{}: {e}", ui_tr("playbook", "プレイブック"))))?;
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
            super::warn(&e);
            None
        }
    };
    let channels = playbook::official_channels();
    let out = match args.format.unwrap_or(Format::Text) {
        Format::Markdown => show::markdown(&playbook, log.as_ref(), &channels, lang),
        Format::Json => show::json(&playbook, log.as_ref(), Some(&path), &channels, lang),
        _ => show::text(&playbook, log.as_ref(), &channels, lang, session::width()),
    };
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
    let mut log = checklist::load(path, kind)
        .map_err(usage)?
        .unwrap_or_else(|| IncidentLog::new(kind, checklist::now()));
    if !args.mark.is_empty() {
        checklist::apply_marks(&mut log, playbook, &args.mark, checklist::now()).map_err(usage)?;
        checklist::save(path, &log).map_err(usage)?;
    } else {
        if !crate::secret::interactive() {
            return Err(Error::Usage(match lang {
                Lang::En => format!(
                    "--checklist asks questions and needs a terminal (and CI unset); from a script use --mark STEP=done or --mark STEP=skipped (steps: {})",
                    playbook.step_ids().join(", ")
                ),
                Lang::Ja => format!(
                    "--checklist は質問をするため、端末が必要です（CI も未設定であること）。スクリプトからは --mark STEP=done または --mark STEP=skipped を使ってください（手順: {}）",
                    playbook.step_ids().join("、")
                ),
            }));
        }
        // Create the log before the first question so its location is known and writable.
        checklist::save(path, &log).map_err(usage)?;
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
        .map_err(usage)?;
        if end == WalkEnd::Paused {
            output::stdout(
                tr(
                    lang,
                    "Paused. Run the same command again to resume.\n",
                    "中断しました。同じコマンドをもう一度実行すると再開します。\n",
                )
                .as_bytes(),
            )?;
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
            return Err(Error::Usage(match crate::i18n::ui() {
                Lang::En => format!(
                    "{} already exists: name a new folder with --out so earlier evidence is kept",
                    p.display()
                ),
                Lang::Ja => format!(
                    "{} はすでに存在します: 以前の証拠を残すため、--out で新しいフォルダを指定してください",
                    p.display()
                ),
            }));
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
    let mut o = match lang {
        Lang::En => format!(
            "Wrote {} and {}.\n",
            dir.join(TICKET_FILE).display(),
            dir.join(EVIDENCE_FILE).display()
        ),
        Lang::Ja => format!(
            "{} と {} を作成しました。\n",
            dir.join(TICKET_FILE).display(),
            dir.join(EVIDENCE_FILE).display()
        ),
    };
    // A count only for what was read: "0 withdrawals" would say none were made.
    let ran = |check: &str| {
        e.checks
            .iter()
            .any(|c| c.check == check && c.state == crate::collect::CheckState::Ran)
    };
    let mut counts: Vec<String> = Vec::new();
    let mut count = |check: &str, n: usize, en: &str, ja: &str, note: (String, String)| {
        if ran(check) {
            counts.push(match lang {
                Lang::En => format!("{n} {en}{}", note.0),
                Lang::Ja => format!("{ja} {n}件{}", note.1),
            });
        }
    };
    let none = || (String::new(), String::new());
    let flagged = (
        format!(" ({flagged} to an address that is not whitelisted)"),
        format!("（うちホワイトリスト外のアドレスへ {flagged}件）"),
    );
    count(
        "withdrawals",
        e.withdrawals.len(),
        "withdrawal(s)",
        "出金",
        flagged,
    );
    count("deposits", e.deposits.len(), "deposit(s)", "入金", none());
    count("orders", e.orders.len(), "order(s)", "注文", none());
    count("trades", e.trades.len(), "trade(s)", "約定", none());
    count(
        "open-orders",
        e.open_orders.len(),
        "open order(s)",
        "オープンオーダー",
        none(),
    );
    if !counts.is_empty() {
        let sep = tr(lang, ", ", "、");
        o.push_str(&format!("{}{}\n", counts.join(sep), tr(lang, ".", "。")));
    }
    for c in e
        .checks
        .iter()
        .filter(|c| c.state != crate::collect::CheckState::Ran)
    {
        o.push_str(&format!(
            "{} {}: {}\n",
            tr(lang, "not collected:", "取得できず："),
            c.check,
            c.detail.render(lang)
        ));
    }
    let powerful = e.api_key_permissions.as_ref().is_some_and(|p| {
        p.iter().any(|(k, v)| {
            (k.starts_with("enable") || k.starts_with("permits"))
                && !matches!(k.as_str(), "enableReading" | "enableFixReadOnly")
                && v.as_bool() == Some(true)
        })
    });
    if powerful {
        o.push_str(tr(
            lang,
            "Warning: the API key used can do more than read (withdraw, trade or transfer). If it is not a key you created for a tool you trust, delete it now in Profile → API Management; this command needs only \"Enable Reading\".\n",
            "警告：使用したAPIキーには読み取り以外の権限（出金、取引、振替）があります。信頼できるツールのために自分で作成したキーでなければ、今すぐ プロフィール → API管理 で削除してください。このコマンドに必要なのは「読み取りを有効にする」だけです。\n",
        ));
    }
    if e.symbols.is_empty() {
        o.push_str(tr(
            lang,
            "Orders and trades need the pairs involved: add --symbol BTCUSDT,ETHUSDT.\n",
            "注文と約定を取得するには、関係する通貨ペアを --symbol BTCUSDT,ETHUSDT のように指定してください。\n",
        ));
    }
    o
}

fn evidence(global: &GlobalArgs, args: &IncidentArgs, kind: Kind) -> Result<Exit> {
    let now = Utc::now();
    let since = evidence::parse_time(args.since.as_deref().unwrap_or_default())
        .map_err(|e| Error::Usage(format!("--since {e}")))?;
    let until = match &args.until {
        Some(u) => evidence::parse_time(u).map_err(|e| Error::Usage(format!("--until {e}")))?,
        None => now,
    };
    let period = Period::new(since, until, now).map_err(usage)?;
    let symbols = args
        .symbol
        .iter()
        .map(|s| gather::symbol(s))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(usage)?;
    let dir = args.out.as_deref().ok_or_else(|| {
        Error::Usage(
            ui_tr(
                "name a folder for the evidence with --out DIR",
                "証拠を保存するフォルダを --out DIR で指定してください",
            )
            .into(),
        )
    })?;

    let ctx = session::context(global)?;
    for w in &ctx.warnings {
        super::warn(w);
    }
    let sel = Selector::one(args.api_url.as_deref(), args.profile.as_deref());
    let (client, unusable_key) = account::client(&ctx.config, &ctx.net, &sel).map_err(usage)?;
    if let Some(e) = unusable_key {
        return Err(Error::Usage(e));
    }
    out_dir_ready(dir)?;

    let e = {
        let _status =
            super::progress::Status::start(tr(ctx.lang, "collecting evidence", "証拠を収集中"));
        session::runtime()?.block_on(gather::collect(
            &client,
            kind,
            period,
            &symbols,
            Pacing::from_ms(args.pace_ms),
        ))
    };
    let mut json =
        crate::escape::json_urls(serde_json::to_string_pretty(&e).unwrap_or_default()).into_bytes();
    json.push(b'\n');
    // Created exclusively: two runs into one folder never mix their bundles.
    output::new_file(&dir.join(EVIDENCE_FILE), &json)?;
    output::new_file(
        &dir.join(TICKET_FILE),
        ticket::render(&e, kind, ctx.lang).as_bytes(),
    )?;
    output::stdout(summary(&e, dir, ctx.lang).as_bytes())?;
    let failed = e
        .checks
        .iter()
        .any(|c| c.state == crate::collect::CheckState::Failed);
    Ok(if failed { Exit::Incomplete } else { Exit::Ok })
}
