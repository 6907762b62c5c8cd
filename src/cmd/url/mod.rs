//! `binance-audit url`: sources, the run and its summary. `lines` reads and
//! judges link lists (on several threads), `render` writes one verdict.
//!
//! JSON output carries `reasons` in the chosen language; `--all-languages`
//! adds `reasons_en` and `reasons_ja` (one copy is a third of the bytes of a
//! jsonl line, so it is not written unless asked).

mod lines;
mod render;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use serde_json::json;

use lines::{Lines, Tally};
use render::Style;

use super::error::{Error, Result};
use super::exit::Exit;
use crate::cli::{GlobalArgs, UrlArgs};
use crate::i18n::Lang;
use crate::report::Format;
use crate::url::assess::Analyser;
use crate::url::extract::{Unchecked, extract};
use crate::url::verdict::{Verdict, VerdictKind};

/// Largest input read whole for `--extract` (an .eml with attachments).
const MAX_EXTRACT_BYTES: u64 = 256 * 1024 * 1024;

enum Source {
    Text(String),
    Stdin,
    File(PathBuf),
}

/// The link checker needs no rules, credentials or network: only the language.
pub fn command(global: &GlobalArgs, args: &UrlArgs) -> Result<Exit> {
    let lang = super::session::language_lenient(global);
    // Buffered whatever stdout is: verdicts are flushed whenever the input
    // has nothing more waiting, so a live pipe still sees each verdict at
    // once, and a file of a million links is not a million writes.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
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
            return Err(Error::Usage(crate::t!(lang, "url-error-no-input")));
        }
        sources.push(Source::Stdin);
    }
    // Open files up front so a missing file is a usage error before any output.
    let mut opened: Vec<(Source, Option<std::fs::File>)> = Vec::new();
    for s in sources {
        let f = match &s {
            Source::File(p) => Some(std::fs::File::open(p).map_err(|e| {
                Error::Usage(
                    crate::files::read_error(p.display().to_string(), Some("--input".into()), &e)
                        .render(lang),
                )
            })?),
            _ => None,
        };
        opened.push((s, f));
    }

    let style = Style {
        format: args.format,
        lang,
        all_languages: args.all_languages,
        width,
    };
    style.prepare();
    let threads = args.threads.map_or_else(default_threads, |t| t.get());
    let mut sink = Sink::new(out, style);
    let result = (|| -> io::Result<()> {
        sink.start()?;
        for (source, file) in opened {
            match (source, file, args.extract) {
                (Source::Text(t), _, false) => sink.item(&t)?,
                (Source::Text(t), _, true) => sink.message(t.as_bytes(), false)?,
                (Source::Stdin, _, extract) => sink.feed(io::stdin(), extract, threads)?,
                (Source::File(_), Some(f), extract) => sink.feed(f, extract, threads)?,
                (Source::File(_), None, _) => {}
            }
        }
        sink.finish()
    })();
    match result {
        Ok(()) => {}
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(Error::Usage(crate::t!(
                lang,
                "url-error-bad-input",
                reason = e.to_string()
            )));
        }
        Err(e) => {
            return Err(Error::Write {
                path: crate::t!(lang, "url-error-the-output"),
                reason: crate::files::io_reason(&e),
            });
        }
    }
    Ok(i32::from(sink.tally.alarm))
}

/// Every core, at most eight: past that the writer is the limit.
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

pub(crate) fn kind_index(v: VerdictKind) -> usize {
    match v {
        VerdictKind::Official => 0,
        VerdictKind::Phishing => 1,
        VerdictKind::Suspicious => 2,
        VerdictKind::Unrelated => 3,
        VerdictKind::Invalid => 4,
    }
}

pub(crate) const KINDS: [VerdictKind; 5] = [
    VerdictKind::Official,
    VerdictKind::Phishing,
    VerdictKind::Suspicious,
    VerdictKind::Unrelated,
    VerdictKind::Invalid,
];

struct Sink<'a> {
    out: &'a mut dyn Write,
    style: Style,
    analyser: Analyser,
    tally: Tally,
    /// One verdict, rendered whole and written with one call.
    buf: Vec<u8>,
}

impl<'a> Sink<'a> {
    fn new(out: &'a mut dyn Write, style: Style) -> Sink<'a> {
        Sink {
            out,
            style,
            analyser: Analyser::new(),
            tally: Tally::default(),
            buf: Vec::with_capacity(1024),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if self.style.format == Format::Json {
            write!(
                self.out,
                "{{\"schema_version\":{},\"results\":[",
                crate::report::SCHEMA_VERSION
            )?;
        }
        Ok(())
    }

    /// Every line of `reader` (or, with `extract`, every link in it as one
    /// message).
    fn feed<R: Read + Send + 'static>(
        &mut self,
        reader: R,
        extract: bool,
        threads: usize,
    ) -> io::Result<()> {
        if extract {
            let mut all = Vec::new();
            // One byte past the limit tells a cut input from one that fits.
            reader.take(MAX_EXTRACT_BYTES + 1).read_to_end(&mut all)?;
            let cut = all.len() as u64 > MAX_EXTRACT_BYTES;
            all.truncate(MAX_EXTRACT_BYTES as usize);
            return self.message(&all, cut);
        }
        let mut lines = Lines::new(reader, self.style.lang);
        if threads > 1 {
            return lines::judge_parallel(lines, self.style, threads, &mut self.tally, self.out);
        }
        while let Some(line) = lines.next_line()? {
            self.item(&line)?;
            if !lines.waiting() {
                self.out.flush()?;
            }
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
            self.emit(&v)?;
        }
        Ok(())
    }

    fn item(&mut self, input: &str) -> io::Result<()> {
        let v = self.analyser.analyse(input);
        self.emit(&v)
    }

    fn emit(&mut self, v: &Verdict) -> io::Result<()> {
        self.tally.add(v.verdict);
        self.buf.clear();
        self.style.verdict(v, self.tally.n, &mut self.buf);
        self.out.write_all(&self.buf)
    }

    fn finish(&mut self) -> io::Result<()> {
        let (n, counts) = (self.tally.n, self.tally.counts);
        match self.style.format {
            Format::Json => {
                let mut summary = serde_json::Map::new();
                summary.insert("total".into(), json!(n));
                for k in KINDS {
                    summary.insert(k.name().into(), json!(counts[kind_index(k)]));
                }
                writeln!(
                    self.out,
                    "\n],\"summary\":{}}}",
                    serde_json::Value::Object(summary)
                )?;
            }
            Format::Text if n > 1 => {
                let lang = self.style.lang;
                let parts: Vec<String> = KINDS
                    .iter()
                    .map(|k| format!("{} {}", render::counted(lang, *k), counts[kind_index(*k)]))
                    .collect();
                let parts = parts.iter().map(String::as_str).collect::<Vec<_>>();
                writeln!(
                    self.out,
                    "{}",
                    crate::t!(
                        lang,
                        "url-summary",
                        n = n,
                        parts = crate::i18n::join(lang, &parts)
                    )
                )?;
            }
            _ => {}
        }
        self.out.flush()
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

    /// A part of a message not examined is named in the reader's language,
    /// with `--all-languages` too (it used to stay English there).
    #[test]
    fn unexamined_parts_are_named_in_the_reader_language() {
        let mut body = String::from("see https://deep.example/login\r\n");
        for d in (0..40).rev() {
            body = format!(
                "--b{d}x\r\nContent-Type: multipart/mixed; boundary=\"b{}x\"\r\n\r\n{body}\r\n--b{d}x--\r\n",
                d + 1
            );
        }
        let mail = format!(
            "From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=\"b0x\"\r\n\r\n{body}"
        );
        for all_languages in [false, true] {
            let args = UrlArgs {
                urls: vec![mail.clone()],
                format: Format::Jsonl,
                extract: true,
                all_languages,
                ..UrlArgs::default()
            };
            let mut out = Vec::new();
            run(&args, Lang::Ja, 1000, &mut out).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(
                out.contains("\"input\":\"（深い入れ子のメッセージ部分）\""),
                "{out}"
            );
            let mut en = Vec::new();
            run(&args, Lang::En, 1000, &mut en).unwrap();
            let en = String::from_utf8(en).unwrap();
            assert!(
                en.contains("\"input\":\"(deeply nested message parts)\""),
                "{en}"
            );
        }
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
