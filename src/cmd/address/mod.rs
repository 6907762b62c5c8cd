//! `binance-audit address`: read the addresses to check and the addresses
//! they are compared with (address book and withdrawal history from Binance,
//! `--known` files), print one verdict per address, and pick the exit code.
//! Self-contained on purpose: the engine is `crate::address`.

use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

use super::error::{Error, Result, usage};
use super::exit::Exit;
use super::{output, session};
use crate::account::{self, Selector};
use crate::address::{self, Known, KnownIndex, Parsed, Verdict};
use crate::cli::{AddressArgs, GlobalArgs};
use crate::collect::binance::{self as binance, ApiError, BinanceClient, Purpose};
use crate::context::Context;
use crate::i18n::{Lang, Msg};
use crate::report::format::{self, Render};
use crate::report::{Format, RenderOptions};
use crate::t;

/// Largest input or `--known` file read.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;
/// Longest input echoed in text output.
const MAX_SHOWN: usize = 200;
/// Why a source was not read, as the sources' json spells it.
const OFFLINE: &str = "offline (--offline)";
const NO_KNOWN: &str = "no --known file given";

mod reasons;
mod render;

use reasons::reasons;
use render::{json_item, render_text, summary_json};

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

    fn label(self, lang: Lang) -> String {
        Msg::keyed("address-kind-", self.name()).render(lang)
    }
}

/// One checked address, everything the outputs need.
struct Item {
    parsed: Parsed,
    kind: Kind,
    verdict: Verdict,
    memo_missing: bool,
    reasons: Vec<Msg>,
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
        return Err(Error::Usage(t!(
            lang,
            "address-error-network",
            value = address::escape(n, 40)
        )));
    }

    // Every input is read before any request: a missing file is a usage error.
    let mut known: Vec<Known> = Vec::new();
    let mut known_count = 0;
    for path in &args.known {
        let text = read_file(path, "--known", lang)?;
        let (k, problems) = address::parse_known_file(&text, None);
        for p in problems {
            let at = t!(
                lang,
                "report-text-labelled",
                label = format!("{} {}", path.display(), p.line),
                text = p.problem.render(lang)
            );
            eprintln!(
                "binance-audit: {}",
                t!(
                    lang,
                    "report-text-labelled",
                    label = t!(lang, "address-warning"),
                    text = at
                )
            );
        }
        known_count += k.len();
        known.extend(k);
    }
    let candidates = read_candidates(args, network, lang)?;
    if candidates.is_empty() {
        return Err(Error::Usage(t!(lang, "address-error-none-found")));
    }

    let (book, history, book_state, history_state) = read_binance(&s, args)?;
    let sources = Sources {
        address_book: book_state,
        withdrawal_history: history_state,
        known_files: if args.known.is_empty() {
            SourceState::Skipped {
                reason: NO_KNOWN.into(),
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

    let checked = Checked {
        items: &items,
        index: &index,
        sources: &sources,
        args,
        lang,
        requests: &s.net.requests(),
    };
    let out = format::render(&checked, args.format, &session::render_options(global));
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

/// What `address` found, in text, JSON or JSON Lines.
struct Checked<'a> {
    items: &'a [Item],
    index: &'a KnownIndex,
    sources: &'a Sources,
    args: &'a AddressArgs,
    lang: Lang,
    requests: &'a [crate::net::NetRequest],
}

impl Render for Checked<'_> {
    fn text(&self, opts: &RenderOptions) -> String {
        render_text(
            self.items,
            self.index,
            self.sources,
            self.args,
            self.lang,
            opts,
            self.requests,
        )
    }
    fn json(&self) -> String {
        format::json(&json!({
            "schema_version": 1,
            "results": self.items.iter().enumerate().map(|(i, it)| json_item(it, i + 1, self.index, self.lang)).collect::<Vec<_>>(),
            "sources": self.sources,
            "summary": summary_json(self.items),
            "network": self.requests.iter().map(|r| json!({"method": r.method, "host": r.host, "path": r.path, "purpose": r.purpose})).collect::<Vec<_>>(),
        }))
    }
    fn other(&self, f: Format, _: &RenderOptions) -> Option<String> {
        (f == Format::Jsonl).then(|| {
            self.items
                .iter()
                .enumerate()
                .map(|(i, it)| format::json_line(&json_item(it, i + 1, self.index, self.lang)))
                .collect()
        })
    }
}

/// `set_by`: the option that named the file, for the next step.
fn read_file(path: &Path, set_by: &str, lang: Lang) -> Result<String> {
    let cannot = |e: std::io::Error| {
        Error::Usage(
            crate::files::read_error(path.display().to_string(), Some(set_by.into()), &e)
                .render(lang),
        )
    };
    let f = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    f.take(MAX_INPUT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_stdin(lang: Lang) -> Result<String> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::Usage(t!(
                lang,
                "address-error-stdin",
                reason = crate::files::io_reason(&e)
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
            return Err(Error::Usage(t!(lang, "address-error-no-input")));
        }
        want_stdin = true;
    }
    for f in &files {
        texts.push(read_file(f, "--input", lang)?);
    }
    if want_stdin {
        texts.push(read_stdin(lang)?);
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
        let r = OFFLINE;
        return Ok((vec![], vec![], skipped(r), skipped(r)));
    }
    let sel = Selector::one(args.api_url.as_deref(), args.profile.as_deref())
        .with_region(args.region.as_deref());
    let target = account::targets(&s.config, &sel)
        .map_err(usage)?
        .pop()
        .ok_or_else(|| Error::Usage(crate::t!(s.lang, "binance-address-no-account")))?;
    if let Some(note) = account::region_note(&target) {
        crate::cmd::warn(&note.render(s.lang));
    }
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
    let client =
        BinanceClient::new(s.net.clone(), target.base, Some(creds)).with_region(target.region);
    let failed = |e: &ApiError| SourceState::Failed {
        reason: e.msg().render(s.lang),
    };
    let rt = session::runtime()?;
    Ok(rt.block_on(async {
        if let Err(e) = client.sync_clock().await
            && e.stops_everything()
        {
            let f = failed(&e);
            return (vec![], vec![], f.clone(), f);
        }
        let (book, history) = tokio::join!(
            client.withdraw_address_book(Purpose::AddressCheckBook),
            client.withdraw_history(Purpose::AddressCheckHistory, None),
        );
        let (book, book_state) = match book {
            Ok(list) => {
                let k = binance::book_known(&list);
                let n = k.len();
                (k, SourceState::Read { count: n })
            }
            Err(e) => (vec![], failed(&e)),
        };
        let (sent, history_state) = match history {
            Ok(records) => {
                let k = binance::sent_known(&records.rows);
                let n = k.len();
                (k, SourceState::Read { count: n })
            }
            Err(e) => (vec![], failed(&e)),
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
