//! `binance-audit url`: arguments, input reading and output rendering.
//!
//! JSON output carries `reasons` in the chosen language; `--all-languages`
//! adds `reasons_en` and `reasons_ja` (one copy is a third of the bytes of a
//! jsonl line, so it is not written unless asked).

use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;

use colored::Colorize;
use serde_json::json;

use super::error::{Error, Result};
use super::exit::Exit;
use crate::cli::{GlobalArgs, UrlArgs};
use crate::i18n::{Lang, tr};
use crate::report::Format;
use crate::text::pad;
use crate::url::assess::Analyser;
use crate::url::domains::knowledge;
use crate::url::extract::{Unchecked, extract};
use crate::url::verdict::{Verdict, VerdictKind};

/// Largest input read whole for `--extract` (an .eml with attachments).
const MAX_EXTRACT_BYTES: u64 = 256 * 1024 * 1024;
/// Longest input echoed in text output.
const MAX_SHOWN: usize = 200;

enum Source {
    Text(String),
    Stdin,
    File(PathBuf),
}

/// The link checker needs no rules, credentials or network: only the language.
pub fn command(global: &GlobalArgs, args: &UrlArgs) -> Result<Exit> {
    let lang = super::session::language_lenient(global);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let code = run(args, lang, super::session::width(), &mut out)?;
    Ok(if code == 0 { Exit::Ok } else { Exit::Gate })
}

/// Run the command; returns 1 if any link is phishing or suspicious, else 0.
/// Errors are usage errors (unreadable file, no input) or a lost output.
pub fn run(args: &UrlArgs, lang: Lang, width: usize, out: &mut dyn Write) -> Result<i32> {
    let mut sources = Vec::new();
    let mut stdin_used = false;
    for u in &args.urls {
        if u == "-" {
            if !stdin_used {
                sources.push(Source::Stdin);
                stdin_used = true;
            }
        } else {
            sources.push(Source::Text(u.clone()));
        }
    }
    if let Some(p) = &args.input {
        if p.as_os_str() == "-" {
            if !stdin_used {
                sources.push(Source::Stdin);
            }
        } else {
            sources.push(Source::File(p.clone()));
        }
    }
    if sources.is_empty() {
        if io::stdin().is_terminal() {
            return Err(Error::Usage(
                tr(
                    lang,
                    "no link given: pass URLs, --input FILE, or pipe links on standard input",
                    "リンクが指定されていません。URLを引数で渡すか、--input FILE を指定するか、標準入力から渡してください",
                )
                .into(),
            ));
        }
        sources.push(Source::Stdin);
    }
    // Open files up front so a missing file is a usage error before any output.
    let mut opened: Vec<(Source, Option<std::fs::File>)> = Vec::new();
    for s in sources {
        let f = match &s {
            Source::File(p) => Some(std::fs::File::open(p).map_err(|e| {
                Error::Usage(format!(
                    "{} {}: {}",
                    tr(lang, "cannot read", "読み込めません:"),
                    p.display(),
                    crate::files::io_reason(&e)
                ))
            })?),
            _ => None,
        };
        opened.push((s, f));
    }

    let mut sink = Sink::new(out, args.format, lang);
    sink.width = width;
    sink.all_languages = args.all_languages;
    let result = (|| -> io::Result<()> {
        sink.start()?;
        for (source, file) in opened {
            match (source, args.extract) {
                (Source::Text(t), false) => sink.item(&t)?,
                (Source::Text(t), true) => sink.message(t.as_bytes(), false)?,
                (Source::Stdin, extract) => {
                    let stdin = io::stdin();
                    feed(&mut sink, stdin.lock(), extract)?;
                }
                (Source::File(_), extract) => {
                    if let Some(f) = file {
                        feed(&mut sink, BufReader::new(f), extract)?;
                    }
                }
            }
        }
        sink.finish()
    })();
    match result {
        Ok(()) => {}
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(Error::Usage(format!(
                "{}: {e}",
                tr(lang, "cannot read the input", "入力を読み込めません")
            )));
        }
        Err(e) => {
            return Err(Error::Write {
                path: tr(lang, "the output", "出力").into(),
                reason: crate::files::io_reason(&e),
            });
        }
    }
    Ok(i32::from(sink.alarm))
}

fn feed<R: BufRead>(sink: &mut Sink<'_>, mut reader: R, extract: bool) -> io::Result<()> {
    if extract {
        let mut all = Vec::new();
        // One byte past the limit tells a cut input from one that fits.
        reader.take(MAX_EXTRACT_BYTES + 1).read_to_end(&mut all)?;
        let cut = all.len() as u64 > MAX_EXTRACT_BYTES;
        all.truncate(MAX_EXTRACT_BYTES as usize);
        return sink.message(&all, cut);
    }
    let mut line = Vec::new();
    let max = crate::bounded::URL_LINE;
    for n in 1.. {
        line.clear();
        // A line without end (`/dev/zero`) is cut off at the limit, not read
        // until memory runs out.
        if (&mut reader)
            .take(max as u64 + 1)
            .read_until(b'\n', &mut line)?
            == 0
        {
            return Ok(());
        }
        if line.len() > max && line.last() != Some(&b'\n') {
            // Judge the first part; skip the rest of the line unstored.
            line.truncate(max);
            skip_line(&mut reader, crate::bounded::URL_LINE_MAX - max).map_err(|e| {
                if e.kind() == io::ErrorKind::InvalidData {
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!(
                            "input line {n} is longer than {}, the most read as one line",
                            crate::bounded::human(crate::bounded::URL_LINE_MAX)
                        ),
                    )
                } else {
                    e
                }
            })?;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        let text = String::from_utf8_lossy(&line);
        sink.item(&text)?;
    }
    Ok(())
}

/// Consume up to and including the next newline, at most `limit` bytes.
fn skip_line<R: BufRead>(reader: &mut R, limit: usize) -> io::Result<()> {
    let mut skipped = 0usize;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = buf.iter().position(|b| *b == b'\n') {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
        skipped += n;
        if skipped > limit {
            return Err(io::Error::from(io::ErrorKind::InvalidData));
        }
    }
}

struct Sink<'a> {
    out: &'a mut dyn Write,
    format: Format,
    lang: Lang,
    analyser: Analyser,
    counts: [usize; 5],
    n: usize,
    alarm: bool,
    all_languages: bool,
    /// Columns of the text format.
    width: usize,
}

fn kind_index(v: VerdictKind) -> usize {
    match v {
        VerdictKind::Official => 0,
        VerdictKind::Phishing => 1,
        VerdictKind::Suspicious => 2,
        VerdictKind::Unrelated => 3,
        VerdictKind::Invalid => 4,
    }
}

const KINDS: [VerdictKind; 5] = [
    VerdictKind::Official,
    VerdictKind::Phishing,
    VerdictKind::Suspicious,
    VerdictKind::Unrelated,
    VerdictKind::Invalid,
];

impl<'a> Sink<'a> {
    fn new(out: &'a mut dyn Write, format: Format, lang: Lang) -> Sink<'a> {
        Sink {
            out,
            format,
            lang,
            analyser: Analyser::new(),
            counts: [0; 5],
            n: 0,
            alarm: false,
            all_languages: false,
            width: 80,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            write!(
                self.out,
                "{{\"schema_version\":{},\"results\":[",
                crate::report::SCHEMA_VERSION
            )?;
        }
        Ok(())
    }

    /// Every link in one message, judged together (see `message::judge`).
    fn message(&mut self, input: &[u8], cut: bool) -> io::Result<()> {
        let mut ex = extract(input);
        if cut {
            ex.unchecked.push(Unchecked::TooLarge);
        }
        for v in crate::url::message::judge(&mut self.analyser, &ex) {
            self.emit(v)?;
        }
        Ok(())
    }

    fn item(&mut self, input: &str) -> io::Result<()> {
        let v = self.analyser.analyse(input);
        self.emit(v)
    }

    fn emit(&mut self, v: Verdict) -> io::Result<()> {
        self.n += 1;
        self.counts[kind_index(v.verdict)] += 1;
        self.alarm |= v.verdict.is_alarm();
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(
                    &mut *self.out,
                    &json_item(&v, self.lang, self.n, self.all_languages),
                )?;
                writeln!(self.out)?;
            }
            Format::Json => {
                if self.n > 1 {
                    write!(self.out, ",")?;
                }
                writeln!(self.out)?;
                serde_json::to_writer(
                    &mut *self.out,
                    &json_item(&v, self.lang, self.n, self.all_languages),
                )?;
            }
            // The shell accepts only text, json and jsonl here.
            _ => self.text_block(&v)?,
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        match self.format {
            Format::Json => {
                let mut summary = serde_json::Map::new();
                summary.insert("total".into(), json!(self.n));
                for k in KINDS {
                    summary.insert(k.name().into(), json!(self.counts[kind_index(k)]));
                }
                writeln!(
                    self.out,
                    "\n],\"summary\":{}}}",
                    serde_json::Value::Object(summary)
                )?;
            }
            Format::Text if self.n > 1 => {
                let parts: Vec<String> = KINDS
                    .iter()
                    .map(|k| {
                        format!(
                            "{} {}",
                            k.label(self.lang).to_lowercase(),
                            self.counts[kind_index(*k)]
                        )
                    })
                    .collect();
                match self.lang {
                    Lang::En => writeln!(self.out, "Checked {}: {}.", self.n, parts.join(", "))?,
                    Lang::Ja => writeln!(self.out, "{}件を確認: {}", self.n, parts.join("、"))?,
                }
            }
            _ => {}
        }
        self.out.flush()
    }

    fn text_block(&mut self, v: &Verdict) -> io::Result<()> {
        let lang = self.lang;
        let label = v.verdict.label(lang);
        let padded = pad(label, 12);
        let head = match v.verdict {
            VerdictKind::Official => padded.green().bold(),
            VerdictKind::Phishing => padded.red().bold(),
            VerdictKind::Suspicious => padded.yellow().bold(),
            VerdictKind::Unrelated => padded.normal(),
            VerdictKind::Invalid => padded.dimmed(),
        };
        writeln!(self.out, "{head} {}", shown(&v.input))?;
        let field = |en: &'static str, ja: &'static str| format!("  {}", pad(tr(lang, en, ja), 12));
        if let Some(h) = &v.host {
            let host = if h.unicode != h.ascii {
                format!("{} ({})", shown(&h.unicode), h.ascii)
            } else {
                h.ascii.clone()
            };
            writeln!(self.out, "{}{host}", field("host", "ホスト"))?;
        }
        if let Some(imp) = &v.impersonates {
            let owner = v.imitated_brand.as_deref().unwrap_or("Binance");
            writeln!(self.out, "{}{owner} ({imp})", field("imitates", "偽装対象"))?;
        }
        if !v.techniques.is_empty() {
            let names: Vec<String> = v.techniques.iter().map(|t| t.label(lang)).collect();
            let sep = tr(lang, ", ", "、");
            let line = crate::text::fill(
                &field("techniques", "手口"),
                14,
                14,
                &names.join(sep),
                self.width,
            );
            writeln!(self.out, "{line}")?;
        }
        let indent = " ".repeat(14);
        for (i, r) in v.reasons.iter().enumerate() {
            let prefix = if i == 0 {
                field("why", "理由")
            } else {
                indent.clone()
            };
            let text = crate::text::fill(&prefix, 14, 14, r.get(lang), self.width);
            writeln!(self.out, "{text}")?;
        }
        if !matches!(v.verdict, VerdictKind::Official | VerdictKind::Invalid) {
            let check = format!(
                "{} {}",
                tr(lang, "Binance Verify:", "Binance Verify（公式確認）:"),
                knowledge().verify_url
            );
            let line = crate::text::fill(&field("check", "確認"), 14, 14, &check, self.width);
            writeln!(self.out, "{line}")?;
        }
        writeln!(self.out)
    }
}

fn shown(s: &str) -> String {
    crate::text::escape(s, MAX_SHOWN)
}

/// One result as written in json/jsonl; field order is part of the format.
#[derive(serde::Serialize)]
struct JsonItem<'a> {
    index: usize,
    input: &'a str,
    verdict: VerdictKind,
    techniques: &'a [crate::url::technique::Technique],
    impersonates: Option<&'a str>,
    imitated_brand: Option<&'a str>,
    host: Option<&'a crate::url::verdict::HostNames>,
    registrable_domain: Option<&'a str>,
    reasons: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasons_en: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasons_ja: Option<Vec<&'a str>>,
}

fn json_item(v: &Verdict, lang: Lang, index: usize, all: bool) -> JsonItem<'_> {
    let chosen: Vec<&str> = v.reasons.iter().map(|r| r.get(lang)).collect();
    let en = all.then(|| v.reasons.iter().map(|r| r.en.as_str()).collect());
    let ja = all.then(|| v.reasons.iter().map(|r| r.ja.as_str()).collect());
    JsonItem {
        index,
        input: &v.input,
        verdict: v.verdict,
        techniques: &v.techniques,
        impersonates: v.impersonates.as_deref(),
        imitated_brand: v.imitated_brand.as_deref(),
        host: v.host.as_ref(),
        registrable_domain: v.registrable_domain.as_deref(),
        reasons: chosen,
        reasons_en: en,
        reasons_ja: ja,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_text(urls: &[&str], format: Format, lang: Lang) -> (i32, String) {
        let args = UrlArgs {
            urls: urls.iter().map(|s| s.to_string()).collect(),
            format,
            ..UrlArgs::default()
        };
        let mut out = Vec::new();
        let code = run(&args, lang, 1000, &mut out).unwrap();
        (code, String::from_utf8(out).unwrap())
    }

    #[test]
    fn text_output_names_everything() {
        let (code, out) = run_text(
            &["https://binnance.com/login", "https://www.binance.com/"],
            Format::Text,
            Lang::En,
        );
        assert_eq!(code, 1);
        assert!(out.contains("PHISHING"), "{out}");
        assert!(out.contains("repetition"), "{out}");
        assert!(out.contains("official-verification"), "{out}");
        assert!(out.contains("Checked 2:"), "{out}");
        let (code, out) = run_text(&["https://www.binance.com/"], Format::Text, Lang::Ja);
        assert_eq!(code, 0);
        assert!(out.contains("正規"), "{out}");
    }

    #[test]
    fn control_characters_are_escaped() {
        let (_, out) = run_text(
            &["https://evil.example/\u{1b}[31m\u{202e}x"],
            Format::Text,
            Lang::En,
        );
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{out:?}"
        );
    }

    #[test]
    fn json_document_is_valid() {
        let (_, out) = run_text(
            &["binance.com", "nonsense", "https://bit.ly/x"],
            Format::Json,
            Lang::Ja,
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["results"].as_array().unwrap().len(), 3);
        assert_eq!(v["summary"]["suspicious"], 1);
        assert!(v["results"][0].get("reasons_ja").is_none());
        assert!(
            v["results"][0]["reasons"][0]
                .as_str()
                .unwrap()
                .contains("正規")
        );
    }
}
