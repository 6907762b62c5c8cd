//! `binance-audit address`: read the addresses to check and the addresses
//! they are compared with (address book and withdrawal history from Binance,
//! `--known` files), print one verdict per address, and pick the exit code.
//! Self-contained on purpose: the engine is `crate::address`.

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use colored::Colorize;
use serde::Serialize;
use serde_json::{Value, json};

use super::error::{Error, Result, usage};
use super::exit::Exit;
use super::{output, session};
use crate::account::{self, Selector};
use crate::address::{
    self, FormatCheck, Imitation, Known, KnownIndex, Origin, Parsed, Verdict, middle_marker,
};
use crate::cli::{AddressArgs, GlobalArgs};
use crate::collect::binance::model::WithdrawAddress;
use crate::collect::binance::{self as binance, ApiError, BinanceClient};
use crate::context::Context;
use crate::i18n::{Lang, Text, tr};
use crate::report::Format;

/// Largest input or `--known` file read.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;
/// Longest input echoed in text output.
const MAX_SHOWN: usize = 200;

/// What one source of known addresses gave.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SourceState {
    Read { count: usize },
    Skipped { reason: String },
    Failed { reason: String },
}

#[derive(Clone, Debug, Serialize)]
struct Sources {
    address_book: SourceState,
    withdrawal_history: SourceState,
    known_files: SourceState,
}

impl Sources {
    fn any_read(&self) -> bool {
        [
            &self.address_book,
            &self.withdrawal_history,
            &self.known_files,
        ]
        .iter()
        .any(|s| matches!(s, SourceState::Read { .. }))
    }

    fn any_failed(&self) -> bool {
        [&self.address_book, &self.withdrawal_history]
            .iter()
            .any(|s| matches!(s, SourceState::Failed { .. }))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Known,
    LookAlike,
    New,
    Invalid,
    /// Valid, but nothing could be compared with it.
    NotCompared,
}

const KINDS: [Kind; 5] = [
    Kind::Known,
    Kind::LookAlike,
    Kind::New,
    Kind::Invalid,
    Kind::NotCompared,
];

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Known => "known",
            Kind::LookAlike => "look-alike",
            Kind::New => "new",
            Kind::Invalid => "invalid",
            Kind::NotCompared => "not-compared",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Known => tr(lang, "KNOWN", "登録済み"),
            Kind::LookAlike => tr(lang, "LOOK-ALIKE", "偽装の疑い"),
            Kind::New => tr(lang, "NEW", "新規"),
            Kind::Invalid => tr(lang, "INVALID", "不正"),
            Kind::NotCompared => tr(lang, "NOT COMPARED", "未照合"),
        }
    }
}

/// One checked address, everything the outputs need.
struct Item {
    parsed: Parsed,
    kind: Kind,
    verdict: Verdict,
    memo_missing: bool,
    reasons: Vec<Text>,
}

pub fn run(global: &GlobalArgs, args: &AddressArgs) -> Result<Exit> {
    let s = session::context(global)?;
    for w in &s.warnings {
        eprintln!("binance-audit: warning: {w}");
    }
    let lang = s.lang;
    let network = args
        .network
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if let Some(n) = network
        && !n
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(Error::Usage(format!(
            "{}: {}",
            tr(
                lang,
                "--network is a network name such as ETH, BSC, BTC or TRX",
                "--network には ETH、BSC、BTC、TRX などのネットワーク名を指定してください"
            ),
            address::escape(n, 40)
        )));
    }

    // Every input is read before any request: a missing file is a usage error.
    let mut known: Vec<Known> = Vec::new();
    let mut known_count = 0;
    for path in &args.known {
        let text = read_file(path, lang)?;
        let (k, problems) = address::parse_known_file(&text, None);
        for p in problems {
            eprintln!(
                "binance-audit: {}: {} {}: {}",
                tr(lang, "warning", "警告"),
                path.display(),
                p.line,
                p.problem.get(lang)
            );
        }
        known_count += k.len();
        known.extend(k);
    }
    let candidates = read_candidates(args, network, lang)?;
    if candidates.is_empty() {
        return Err(Error::Usage(
            tr(
                lang,
                "no address found in the input",
                "入力にアドレスが見つかりません",
            )
            .into(),
        ));
    }

    let (book, history, book_state, history_state) = read_binance(&s, args)?;
    let sources = Sources {
        address_book: book_state,
        withdrawal_history: history_state,
        known_files: if args.known.is_empty() {
            SourceState::Skipped {
                reason: "no --known file given".into(),
            }
        } else {
            SourceState::Read { count: known_count }
        },
    };
    let mut entries = book;
    entries.extend(history);
    entries.extend(known);
    let index = KnownIndex::from_entries(entries);

    let items: Vec<Item> = candidates
        .iter()
        .map(|c| assess(&index, c, network, args, &sources))
        .collect();

    let out = match args.format {
        Format::Text => render_text(
            &items,
            &index,
            &sources,
            args,
            lang,
            &session::render_options(global),
            &s.net.requests(),
        ),
        Format::Json => {
            let mut j = serde_json::to_string_pretty(&json!({
                "schema_version": 1,
                "results": items.iter().enumerate().map(|(i, it)| json_item(it, i + 1, &index, lang)).collect::<Vec<_>>(),
                "sources": sources,
                "summary": summary_json(&items),
                "network": s.net.requests().iter().map(|r| json!({"method": r.method, "host": r.host, "path": r.path, "purpose": r.purpose})).collect::<Vec<_>>(),
            }))
            .map_err(|e| Error::Incomplete(e.to_string()))?;
            j.push('\n');
            j
        }
        _ => {
            let mut o = String::new();
            for (i, it) in items.iter().enumerate() {
                o.push_str(
                    &serde_json::to_string(&json_item(it, i + 1, &index, lang))
                        .map_err(|e| Error::Incomplete(e.to_string()))?,
                );
                o.push('\n');
            }
            o
        }
    };
    output::stdout(out.as_bytes())?;
    let alarm = items
        .iter()
        .any(|i| matches!(i.kind, Kind::LookAlike | Kind::Invalid));
    let partial = sources.any_failed() || items.iter().any(|i| i.kind == Kind::NotCompared);
    Ok(if alarm {
        Exit::Gate
    } else if partial {
        Exit::Incomplete
    } else {
        Exit::Ok
    })
}

fn read_file(path: &Path, lang: Lang) -> Result<String> {
    let cannot = |e: std::io::Error| {
        Error::Usage(format!(
            "{} {}: {}",
            tr(lang, "cannot read", "読み込めません:"),
            path.display(),
            crate::files::io_reason(&e)
        ))
    };
    let f = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    f.take(MAX_INPUT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::Usage(format!(
                "cannot read standard input: {}",
                crate::files::io_reason(&e)
            ))
        })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Candidates in input order: arguments, then `--input`, then standard input
/// when nothing else was given (or "-").
fn read_candidates(args: &AddressArgs, network: Option<&str>, lang: Lang) -> Result<Vec<String>> {
    let mut texts: Vec<String> = Vec::new();
    let mut want_stdin = false;
    for a in &args.addresses {
        if a == "-" {
            want_stdin = true;
        } else {
            texts.push(a.clone());
        }
    }
    let mut files: Vec<PathBuf> = Vec::new();
    if let Some(p) = &args.input {
        if p.as_os_str() == "-" {
            want_stdin = true;
        } else {
            files.push(p.clone());
        }
    }
    if texts.is_empty() && files.is_empty() && !want_stdin {
        if io::stdin().is_terminal() {
            return Err(Error::Usage(
                tr(
                    lang,
                    "no address given: pass addresses, --input FILE, or pipe them on standard input",
                    "アドレスが指定されていません。引数で渡すか、--input FILE を指定するか、標準入力から渡してください",
                )
                .into(),
            ));
        }
        want_stdin = true;
    }
    for f in &files {
        texts.push(read_file(f, lang)?);
    }
    if want_stdin {
        texts.push(read_stdin()?);
    }
    let mut out = Vec::new();
    for t in texts {
        if args.extract {
            out.extend(address::extract(&t, network));
        } else {
            out.extend(
                t.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string),
            );
        }
    }
    Ok(out)
}

/// The address book and the withdrawal history, when a key is configured
/// and the network allowed.
fn read_binance(
    s: &Context,
    args: &AddressArgs,
) -> Result<(Vec<Known>, Vec<Known>, SourceState, SourceState)> {
    let skipped = |r: &str| SourceState::Skipped { reason: r.into() };
    if s.net.is_offline() {
        let r = "offline (--offline)";
        return Ok((vec![], vec![], skipped(r), skipped(r)));
    }
    let sel = Selector::one(args.api_url.as_deref(), args.profile.as_deref());
    let target = account::targets(&s.config, &sel)
        .map_err(usage)?
        .pop()
        .ok_or_else(|| {
            Error::Usage(
                tr(
                    s.lang,
                    "no Binance account selected",
                    "Binanceのアカウントが選ばれていません",
                )
                .into(),
            )
        })?;
    let creds = match target.creds {
        Ok(Some(c)) => c,
        Ok(None) => {
            let r = ApiError::NoCredentials.to_string();
            return Ok((vec![], vec![], skipped(&r), skipped(&r)));
        }
        Err(e) => {
            let f = SourceState::Failed { reason: e };
            return Ok((vec![], vec![], f.clone(), f));
        }
    };
    let client = BinanceClient::new(s.net.clone(), target.base, Some(creds));
    let rt = session::runtime()?;
    Ok(rt.block_on(async {
        if let Err(e) = client.sync_clock().await
            && e.stops_everything()
        {
            let f = SourceState::Failed {
                reason: crate::collect::messages::api_error(&e, s.lang),
            };
            return (vec![], vec![], f.clone(), f);
        }
        let (book, history) = tokio::join!(
            client.get_json::<Vec<WithdrawAddress>>(
                binance::ADDRESSES,
                &[],
                "withdrawal address book (address check)"
            ),
            client.get_json::<Vec<Value>>(
                binance::HISTORY,
                &[],
                "withdrawal history, 90 days (address check)"
            ),
        );
        let (book, book_state) = match book {
            Ok(list) => {
                let k = binance::book_known(&list);
                let n = k.len();
                (k, SourceState::Read { count: n })
            }
            Err(e) => (
                vec![],
                SourceState::Failed {
                    reason: crate::collect::messages::api_error(&e, s.lang),
                },
            ),
        };
        let (sent, history_state) = match history {
            Ok(items) => {
                let k = binance::sent_known(&binance::records(&items));
                let n = k.len();
                (k, SourceState::Read { count: n })
            }
            Err(e) => (
                vec![],
                SourceState::Failed {
                    reason: crate::collect::messages::api_error(&e, s.lang),
                },
            ),
        };
        (book, sent, book_state, history_state)
    }))
}

fn assess(
    index: &KnownIndex,
    input: &str,
    network: Option<&str>,
    args: &AddressArgs,
    sources: &Sources,
) -> Item {
    let parsed = address::parse(input, network);
    let verdict = index.check(&parsed);
    let kind = match &verdict {
        Verdict::Known { .. } => Kind::Known,
        Verdict::LookAlike { .. } => Kind::LookAlike,
        Verdict::Invalid => Kind::Invalid,
        Verdict::New if !sources.any_read() => Kind::NotCompared,
        Verdict::New => Kind::New,
    };
    let memo_missing = kind != Kind::Invalid
        && args.memo.as_deref().is_none_or(|m| m.trim().is_empty())
        && address::needs_memo(parsed.network.as_deref(), parsed.family);
    let mut item = Item {
        parsed,
        kind,
        verdict,
        memo_missing,
        reasons: Vec::new(),
    };
    item.reasons = reasons(&item, index, args, sources);
    item
}

fn who(k: &Known) -> Text {
    let net = k.network.as_deref().unwrap_or("?");
    let label = if k.label.is_empty() {
        String::new()
    } else {
        format!("\"{}\" ", k.label)
    };
    match &k.origin {
        Origin::AddressBook {
            coin, whitelisted, ..
        } => {
            let (we, wj) = match whitelisted {
                Some(true) => ("whitelisted", "ホワイトリスト登録済み"),
                Some(false) => ("not whitelisted", "ホワイトリスト未登録"),
                None => ("whitelist state unknown", "ホワイトリスト状態不明"),
            };
            Text::new(
                format!("address book {label}({net}, {coin}, {we})"),
                format!("出金アドレス帳 {}（{net}、{coin}、{wj}）", label.trim_end()),
            )
        }
        Origin::Withdrawal { time, amount, coin } => {
            let when = time
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_else(|| "?".into());
            Text::new(
                format!("sent before: {when}, {amount} {coin} ({net})"),
                format!("過去の送金先: {when}、{amount} {coin}（{net}）"),
            )
        }
        Origin::KnownFile { line } => Text::new(
            format!("--known {label}(line {line})"),
            format!("--known {}（{line}行目）", label.trim_end()),
        ),
    }
}

/// The records worth showing for one address: the book entry and known-file
/// lines, then the latest withdrawal and how many there were.
fn summarise(entries: &[usize], index: &KnownIndex) -> Vec<Text> {
    let mut out = Vec::new();
    let mut sent: Vec<&Known> = Vec::new();
    for &i in entries {
        let Some(k) = index.get(i) else { continue };
        match k.origin {
            Origin::Withdrawal { .. } => sent.push(k),
            _ => out.push(who(k)),
        }
    }
    sent.sort_by_key(|k| match &k.origin {
        Origin::Withdrawal { time, .. } => *time,
        _ => None,
    });
    if let Some(last) = sent.last() {
        let mut t = who(last);
        if sent.len() > 1 {
            t.en.push_str(&format!(" — the latest of {} withdrawals", sent.len()));
            t.ja.push_str(&format!("（{}回の出金のうち最新）", sent.len()));
        }
        out.push(t);
    }
    out
}

fn reasons(item: &Item, index: &KnownIndex, args: &AddressArgs, sources: &Sources) -> Vec<Text> {
    let p = &item.parsed;
    let mut r = Vec::new();
    match &item.verdict {
        Verdict::Invalid => {
            if let FormatCheck::Invalid { reason } = &p.format {
                r.push(Text::new(
                    format!("{}. Do not send to it.", reason.en),
                    format!("{}。送金しないでください。", reason.ja),
                ));
            }
        }
        Verdict::LookAlike {
            imitates,
            also_known,
        } => {
            if let Some(im) = imitates.first() {
                let fixed = if p.fixed > 0 {
                    format!(
                        " (after {})",
                        &p.canonical[..p.fixed.min(p.canonical.len())]
                    )
                } else {
                    String::new()
                };
                let fixed_ja = if p.fixed > 0 {
                    format!(
                        "（{} の後）",
                        &p.canonical[..p.fixed.min(p.canonical.len())]
                    )
                } else {
                    String::new()
                };
                r.push(Text::new(
                    format!(
                        "Same first {} and last {} characters{fixed} as an address of yours, but different in the middle. This is how address poisoning works: an attacker makes an address whose ends match yours and plants it in your history. Do not send.",
                        im.prefix, im.suffix
                    ),
                    format!(
                        "あなたのアドレスと先頭{}文字・末尾{}文字{fixed_ja}が同じで、途中が異なります。これはアドレスポイズニングの手口です。攻撃者は両端が一致するアドレスを作り、あなたの履歴に紛れ込ませます。送金しないでください。",
                        im.prefix, im.suffix
                    ),
                ));
            }
            if !also_known.is_empty() {
                r.push(Text::new(
                    "You have sent to this look-alike before: if that was not meant, those funds went to the imitator — see `binance-audit incident breach`.",
                    "この偽装アドレスには過去に送金しています。意図したものでなければ、その資金は偽装者に渡っています。`binance-audit incident breach` を参照してください。",
                ));
            }
        }
        Verdict::Known { matches, resembles } => {
            r.push(Text::new(
                "The same address as one of yours. Still compare the whole address, not just its ends, before you confirm.",
                "あなたのアドレスと同一です。確定する前に、両端だけでなくアドレス全体を照合してください。",
            ));
            if !resembles.is_empty() {
                r.push(Text::new(
                    "A past withdrawal went to a look-alike of this address (shown under \"look-alike\"): check that it reached whom you meant — if not, see `binance-audit incident breach`.",
                    "この宛先に酷似したアドレスへの過去の出金があります（「類似」に表示）。意図した相手に届いたか確認し、そうでなければ `binance-audit incident breach` を参照してください。",
                ));
            }
            if let Some(n) = &p.network {
                let other: Vec<String> = matches
                    .iter()
                    .filter_map(|&i| index.get(i))
                    .filter_map(|k| k.network.clone())
                    .filter(|kn| !kn.eq_ignore_ascii_case(n))
                    .collect();
                if !other.is_empty()
                    && matches.iter().all(|&i| {
                        index
                            .get(i)
                            .and_then(|k| k.network.as_deref())
                            .is_none_or(|kn| !kn.eq_ignore_ascii_case(n))
                    })
                {
                    r.push(Text::new(
                        format!("Recorded for {}, not {n}: make sure the receiving side accepts {n}.", other[0]),
                        format!("記録は {} 向けで、{n} ではありません。受取側が {n} に対応していることを確認してください。", other[0]),
                    ));
                }
            }
        }
        Verdict::New if item.kind == Kind::NotCompared => {
            let why = match (&sources.address_book, &sources.known_files) {
                (SourceState::Skipped { reason }, _) => reason.clone(),
                (SourceState::Failed { reason }, _) => reason.clone(),
                _ => String::new(),
            };
            r.push(Text::new(
                format!("Nothing to compare it with ({why}); give --known FILE or an API key to compare it with your own addresses."),
                format!("照合対象がありません（{why}）。自分のアドレスと照合するには --known FILE またはAPIキーを指定してください。"),
            ));
        }
        Verdict::New => {
            r.push(Text::new(
                format!(
                    "Not any of your {} known address record(s), and not like any of them. Confirm it out of band before sending: ask the recipient over another channel (a call, in person), send a small test amount first and have its arrival confirmed.",
                    index.len()
                ),
                format!(
                    "既知の{}件のアドレス記録のどれとも一致せず、似てもいません。送金前に別の経路で確認してください（電話や対面で受取人に確認し、まず少額を送って着金を確認してもらう）。",
                    index.len()
                ),
            ));
        }
    }
    if item.memo_missing {
        let net = p
            .network
            .clone()
            .unwrap_or_else(|| p.family.name().to_string());
        r.push(Text::new(
            format!("Deposits to an exchange on {net} usually need a memo or tag, and none was given (--memo): without it the funds may not be credited."),
            format!("{net} で取引所へ入金する場合は通常メモ（タグ）が必要ですが、指定されていません（--memo）。メモがないと入金が反映されないことがあります。"),
        ));
    }
    if let Some(coin) = &args.coin
        && let Verdict::Known { matches, .. } = &item.verdict
    {
        let coins: Vec<String> = matches
            .iter()
            .filter_map(|&i| index.get(i))
            .filter_map(|k| match &k.origin {
                Origin::AddressBook { coin, .. } | Origin::Withdrawal { coin, .. } => {
                    Some(coin.clone())
                }
                Origin::KnownFile { .. } => None,
            })
            .filter(|c| !c.is_empty())
            .collect();
        if !coins.is_empty() && !coins.iter().any(|c| c.eq_ignore_ascii_case(coin.trim())) {
            let coin = address::escape(coin.trim(), 16);
            r.push(Text::new(
                format!("Recorded for {}, never for {coin}.", coins[0]),
                format!("記録は {} 向けで、{coin} の記録はありません。", coins[0]),
            ));
        }
    }
    r
}

fn format_text(f: &FormatCheck) -> Text {
    match f {
        FormatCheck::Valid {
            scheme,
            checksum,
            note,
        } => {
            let mut t = if *checksum {
                Text::new(
                    format!("{scheme}: checksum valid"),
                    format!("{scheme}: チェックサム正常"),
                )
            } else {
                Text::new(
                    format!("{scheme}: format valid"),
                    format!("{scheme}: 形式は正常"),
                )
            };
            if let Some(n) = note {
                t.en.push_str(&format!(" ({})", n.en));
                t.ja.push_str(&format!("（{}）", n.ja));
            }
            t
        }
        FormatCheck::Invalid { reason } => reason.clone(),
        FormatCheck::NotChecked { reason } => reason.clone(),
    }
}

fn network_text(p: &Parsed) -> Text {
    match (&p.network, p.family) {
        (Some(n), address::Family::Other) => Text::new(n.clone(), n.clone()),
        (Some(n), f) if n != f.name() => Text::new(
            format!("{n} ({})", f.name()),
            format!("{n}（{}）", f.name()),
        ),
        (Some(n), _) => Text::new(n.clone(), n.clone()),
        (None, address::Family::Other) => Text::new(
            "unknown (pass --network)",
            "不明（--network で指定してください）",
        ),
        (None, f) => Text::new(
            format!(
                "{} (told from the address's shape; pass --network to be sure)",
                f.name()
            ),
            format!(
                "{}（アドレスの形から推定。確実にするには --network を指定）",
                f.name()
            ),
        ),
    }
}

/// Terminal columns taken by `s`: East Asian wide characters take two.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let c = c as u32;
            let wide = (0x1100..=0x115f).contains(&c)
                || (0x2e80..=0xa4cf).contains(&c)
                || (0xac00..=0xd7a3).contains(&c)
                || (0xf900..=0xfaff).contains(&c)
                || (0xfe30..=0xfe4f).contains(&c)
                || (0xff00..=0xff60).contains(&c)
                || (0xffe0..=0xffe6).contains(&c);
            if wide { 2 } else { 1 }
        })
        .sum()
}

fn pad(s: &str, cols: usize) -> String {
    format!("{s}{}", " ".repeat(cols.saturating_sub(width(s))))
}

const FIELD: usize = 13;

fn render_text(
    items: &[Item],
    index: &KnownIndex,
    sources: &Sources,
    args: &AddressArgs,
    lang: Lang,
    opts: &crate::report::RenderOptions,
    requests: &[crate::net::NetRequest],
) -> String {
    let (verbose, width) = (opts.verbose, opts.width);
    use std::fmt::Write;
    let mut o = String::new();
    let field = |en: &str, ja: &str| format!("  {}", pad(tr(lang, en, ja), FIELD));
    let indent = " ".repeat(2 + FIELD);
    // A labelled line wrapped to the terminal, continuation under the value.
    let line =
        |label: &str, value: &str| crate::text::fill(label, 2 + FIELD, 2 + FIELD, value, width);
    for it in items {
        let p = &it.parsed;
        let head = pad(it.kind.label(lang), 13);
        let head = match it.kind {
            Kind::Known => head.green().bold(),
            Kind::LookAlike => head.red().bold(),
            Kind::Invalid => head.red(),
            Kind::New => head.yellow().bold(),
            Kind::NotCompared => head.yellow(),
        };
        let _ = writeln!(o, "{head} {}", address::escape(&p.input, MAX_SHOWN));
        let _ = writeln!(
            o,
            "{}",
            line(&field("network", "ネットワーク"), network_text(p).get(lang))
        );
        if let Some(c) = &args.coin {
            let _ = writeln!(
                o,
                "{}",
                line(&field("coin", "通貨"), &address::escape(c.trim(), 16))
            );
        }
        let _ = writeln!(
            o,
            "{}",
            line(&field("format", "形式"), format_text(&p.format).get(lang))
        );
        match &it.verdict {
            Verdict::Known { matches, resembles } => {
                for (i, t) in summarise(matches, index).iter().enumerate() {
                    let f = if i == 0 {
                        field("yours", "登録")
                    } else {
                        indent.clone()
                    };
                    let _ = writeln!(o, "{}", line(&f, t.get(lang)));
                }
                for im in resembles.iter().take(3) {
                    let addr = im
                        .entries
                        .first()
                        .and_then(|&e| index.get(e))
                        .map(|k| address::escape(&k.address, MAX_SHOWN))
                        .unwrap_or_default();
                    let _ = writeln!(o, "{}{addr}", field("look-alike", "類似"));
                    for t in summarise(&im.entries, index) {
                        let _ = writeln!(o, "{}", line(&indent, t.get(lang)));
                    }
                }
            }
            Verdict::LookAlike {
                imitates,
                also_known,
            } => {
                for im in imitates.iter().take(3) {
                    lookalike_block(&mut o, p, im, index, lang);
                }
                if imitates.len() > 3 {
                    let _ = writeln!(
                        o,
                        "{indent}{}",
                        match lang {
                            Lang::En => format!("… and {} more look-alike(s)", imitates.len() - 3),
                            Lang::Ja => format!("…ほか{}件の類似アドレス", imitates.len() - 3),
                        }
                    );
                }
                for t in summarise(also_known, index) {
                    let _ = writeln!(o, "{}", line(&field("itself", "この宛先"), t.get(lang)));
                }
            }
            _ => {}
        }
        for (i, r) in it.reasons.iter().enumerate() {
            let f = if i == 0 {
                field("why", "理由")
            } else {
                indent.clone()
            };
            let _ = writeln!(o, "{}", line(&f, r.get(lang)));
        }
        let _ = writeln!(o);
    }
    if items.len() > 1 {
        let parts: Vec<String> = KINDS
            .iter()
            .map(|k| {
                format!(
                    "{} {}",
                    k.label(lang).to_lowercase(),
                    items.iter().filter(|i| i.kind == *k).count()
                )
            })
            .collect();
        let _ = match lang {
            Lang::En => writeln!(o, "Checked {}: {}.", items.len(), parts.join(", ")),
            Lang::Ja => writeln!(o, "{}件を確認: {}", items.len(), parts.join("、")),
        };
    }
    let _ = writeln!(o, "{}", tr(lang, "Compared with:", "照合対象:").bold());
    for (en, ja, s) in [
        ("address book", "出金アドレス帳", &sources.address_book),
        (
            "withdrawal history (90 days)",
            "出金履歴（90日）",
            &sources.withdrawal_history,
        ),
        ("--known files", "--known ファイル", &sources.known_files),
    ] {
        let state = match (s, lang) {
            (SourceState::Read { count }, Lang::En) => format!("{count} record(s)"),
            (SourceState::Read { count }, Lang::Ja) => format!("{count}件"),
            (SourceState::Skipped { reason }, Lang::En) => {
                format!("not read: {}", address::escape(reason, 300))
            }
            (SourceState::Skipped { reason }, Lang::Ja) => {
                format!("未取得: {}", address::escape(&skipped_ja(reason), 300))
            }
            (SourceState::Failed { reason }, Lang::En) => {
                format!("{} {}", "FAILED:".red(), address::escape(reason, 300))
            }
            (SourceState::Failed { reason }, Lang::Ja) => {
                format!("{} {}", "取得失敗:".red(), address::escape(reason, 300))
            }
        };
        let label = format!("  {}", pad(tr(lang, en, ja), 30));
        let _ = writeln!(o, "{}", crate::text::fill(&label, 32, 32, &state, width));
    }
    if verbose || !requests.is_empty() {
        let _ = writeln!(o);
        crate::report::text::network_section(&mut o, requests, lang);
    }
    o
}

/// The fixed reasons a source is skipped, in Japanese; others (from the
/// API client) stay as they are.
fn skipped_ja(reason: &str) -> String {
    match reason {
        "offline (--offline)" => "オフライン（--offline）".into(),
        "no --known file given" => "--known ファイルの指定なし".into(),
        r if r == ApiError::NoCredentials.to_string() => {
            "APIキーが設定されていません（BINANCE_API_KEY / 設定ファイル）".into()
        }
        r => r.into(),
    }
}

fn lookalike_block(o: &mut String, p: &Parsed, im: &Imitation, index: &KnownIndex, lang: Lang) {
    use std::fmt::Write;
    let Some(target) = im.entries.first().and_then(|&i| index.get(i)) else {
        return;
    };
    let field = |en: &str, ja: &str| format!("  {}", pad(tr(lang, en, ja), FIELD));
    let _ = writeln!(
        o,
        "{}{}",
        field("imitates", "偽装対象"),
        who(target).get(lang)
    );
    for t in summarise(&im.entries[1..], index) {
        let _ = writeln!(o, "{}{}", " ".repeat(2 + FIELD), t.get(lang));
    }
    let mine = address::escape(&p.input, MAX_SHOWN);
    let theirs = address::escape(&target.address, MAX_SHOWN);
    let _ = writeln!(o, "{}{}", field("checked", "確認対象"), mine);
    let _ = writeln!(o, "{}{}", field("yours", "あなたの"), theirs);
    let marker = middle_marker(
        p.fixed,
        im.prefix,
        im.suffix,
        mine.chars().count(),
        theirs.chars().count(),
    );
    let _ = writeln!(o, "{}{}", " ".repeat(2 + FIELD), marker.red().bold());
}

fn summary_json(items: &[Item]) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("total".into(), json!(items.len()));
    for k in KINDS {
        m.insert(
            k.name().into(),
            json!(items.iter().filter(|i| i.kind == k).count()),
        );
    }
    Value::Object(m)
}

fn json_item(it: &Item, n: usize, index: &KnownIndex, lang: Lang) -> Value {
    let p = &it.parsed;
    let records = |ids: &[usize]| -> Vec<Value> {
        ids.iter()
            .filter_map(|&i| index.get(i))
            .filter_map(|k| serde_json::to_value(k).ok())
            .collect()
    };
    let (matches, imitates) = match &it.verdict {
        Verdict::Known { matches, resembles } => (
            records(matches),
            resembles
                .iter()
                .map(|im| {
                    json!({
                        "address": im.entries.first().and_then(|&i| index.get(i)).map(|k| k.address.clone()),
                        "shared_prefix": im.prefix,
                        "shared_suffix": im.suffix,
                        "records": records(&im.entries),
                        "suspect": true,
                    })
                })
                .collect(),
        ),
        Verdict::LookAlike { imitates, also_known } => (
            records(also_known),
            imitates
                .iter()
                .map(|im| {
                    json!({
                        "address": im.entries.first().and_then(|&i| index.get(i)).map(|k| k.address.clone()),
                        "shared_prefix": im.prefix,
                        "shared_suffix": im.suffix,
                        "records": records(&im.entries),
                    })
                })
                .collect(),
        ),
        _ => (vec![], vec![]),
    };
    let en: Vec<&str> = it.reasons.iter().map(|r| r.en.as_str()).collect();
    let ja: Vec<&str> = it.reasons.iter().map(|r| r.ja.as_str()).collect();
    json!({
        "index": n,
        "input": p.input,
        "verdict": it.kind,
        "network": p.network,
        "family": p.family,
        "network_inferred": p.inferred,
        "format": p.format,
        "memo_missing": it.memo_missing,
        "matches": matches,
        "imitates": imitates,
        "reasons": if lang == Lang::Ja { &ja } else { &en },
        "reasons_en": en,
        "reasons_ja": ja,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_labels_in_both_languages() {
        for k in KINDS {
            assert!(!k.label(Lang::En).is_empty());
            assert_ne!(k.label(Lang::En), k.label(Lang::Ja));
        }
        assert_eq!(serde_json::to_value(Kind::LookAlike).unwrap(), "look-alike");
        assert_eq!(
            serde_json::to_value(Kind::NotCompared).unwrap(),
            "not-compared"
        );
    }
}
