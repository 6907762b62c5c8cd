//! One verdict as the reader sees it: a text block or one json object,
//! appended to a byte buffer so that worker threads can render in parallel
//! and the writer only copies.
//!
//! The engine's reasons are values; their sentences come from the catalogue
//! (`url-…` in src/i18n/*.ftl). A million-line run must not call Fluent per
//! line, so every sentence a verdict can need is made once per language, the
//! first time it is asked for (`Words::of`), with a marker where each
//! argument goes; a reason is then its pieces with the link's own text put
//! in, written straight into the output.

use std::io::Write;
use std::sync::OnceLock;

use colored::Colorize;

use crate::i18n::{Lang, Msg};
use crate::report::Format;
use crate::report::format::{RenderItem, render_item};
use crate::text::pad;
use crate::url::domains::knowledge;
use crate::url::extract::Unchecked;
use crate::url::reason::{MAX_ARGS, Reason, ReasonKind};
use crate::url::technique::Technique;
use crate::url::verdict::{Verdict, VerdictKind};

/// Longest input echoed in text output.
const MAX_SHOWN: usize = 200;

/// How every verdict of one run is written.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub format: Format,
    pub lang: Lang,
    /// In json, `reasons_en` and `reasons_ja` besides `reasons`.
    pub all_languages: bool,
    /// Columns of the text format.
    pub width: usize,
}

impl Style {
    /// Make the sentences this run shows before any worker needs them.
    pub fn prepare(&self) {
        let _ = Words::of(self.lang);
        if self.all_languages {
            for l in Lang::ALL {
                let _ = Words::of(*l);
            }
        }
    }

    /// Append verdict number `index` (from 1) to `out`.
    pub fn verdict(&self, v: &Verdict, index: usize, out: &mut Vec<u8>) {
        // The shell accepts only text, json and jsonl here.
        render_item(&Shown { style: self, v }, self.format, index, out);
    }
}

/// One verdict with the style it is written in.
struct Shown<'a> {
    style: &'a Style,
    v: &'a Verdict,
}

impl RenderItem for Shown<'_> {
    fn text(&self, _: usize, out: &mut Vec<u8>) {
        text_block(out, self.v, self.style.lang, self.style.width);
    }
    fn json(&self, index: usize, out: &mut Vec<u8>) {
        let s = self.style;
        json_item(out, self.v, s.lang, index, s.all_languages);
    }
}

/// One sentence cut at its arguments.
#[derive(Debug, Default)]
struct Template(Vec<Piece>);

#[derive(Debug)]
enum Piece {
    Text(String),
    /// Argument number n, in `ReasonKind::arg_names` order.
    Arg(usize),
}

/// Stands for argument n while a template is made: private-use characters,
/// which no catalogue sentence holds.
fn marker(n: usize) -> char {
    char::from_u32(0xE000 + n as u32).unwrap_or('\u{E000}')
}

impl Template {
    fn new(kind: ReasonKind, lang: Lang) -> Template {
        let mut m = Msg::new(kind.id());
        for (i, name) in kind.arg_names().iter().enumerate() {
            m = m.arg(name, marker(i).to_string());
        }
        let text = m.render(lang);
        let mut pieces = Vec::new();
        let mut lit = String::new();
        for c in text.chars() {
            match (0..MAX_ARGS).find(|&i| marker(i) == c) {
                Some(i) => {
                    if !lit.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut lit)));
                    }
                    pieces.push(Piece::Arg(i));
                }
                None => lit.push(c),
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Text(lit));
        }
        Template(pieces)
    }

    fn write(&self, values: &[&str; MAX_ARGS], out: &mut Vec<u8>) {
        for p in &self.0 {
            out.extend_from_slice(match p {
                Piece::Text(t) => t.as_bytes(),
                Piece::Arg(i) => values[*i].as_bytes(),
            });
        }
    }
}

/// Every word and sentence of a verdict in one language.
struct Words {
    reasons: Vec<Template>,
    /// The verdict's label, padded for the text heading.
    heads: [String; 5],
    /// The verdict's label in lower case, for the summary.
    counted: [String; 5],
    techniques: Vec<String>,
    separator: String,
    host: String,
    imitates: String,
    technique: String,
    why: String,
    check: String,
    /// The check line's value: where to confirm a link.
    verify: String,
    deep_nesting: String,
    too_large: String,
}

impl Words {
    fn of(lang: Lang) -> &'static Words {
        static WORDS: [OnceLock<Words>; Lang::ALL.len()] = [const { OnceLock::new() }; _];
        WORDS[lang as usize].get_or_init(|| Words::new(lang))
    }

    fn new(lang: Lang) -> Words {
        let field = |m: Msg| format!("  {}", pad(&m.render(lang), 12));
        let kinds = super::KINDS.map(|k| Msg::keyed("url-verdict-", k.name()).render(lang));
        Words {
            reasons: ReasonKind::ALL
                .iter()
                .map(|k| Template::new(*k, lang))
                .collect(),
            heads: kinds.clone().map(|l| pad(&l, 12)),
            counted: kinds.map(|l| l.to_lowercase()),
            techniques: Technique::ALL
                .iter()
                .map(|t| Msg::keyed("url-technique-", &t.name().replace('_', "-")).render(lang))
                .collect(),
            separator: crate::t!(lang, "list-separator"),
            host: field(crate::msg!("url-field-host")),
            imitates: field(crate::msg!("url-field-imitates")),
            technique: field(crate::msg!("url-field-techniques")),
            why: field(crate::msg!("url-field-why")),
            check: field(crate::msg!("url-field-check")),
            verify: crate::t!(
                lang,
                "url-check-verify",
                url = crate::i18n::link(lang, &knowledge().verify_url)
            ),
            deep_nesting: crate::t!(lang, "url-part-deep-nesting"),
            too_large: crate::t!(lang, "url-part-too-large"),
        }
    }

    fn reason(&self, r: &Reason, out: &mut Vec<u8>) {
        self.reasons[r.kind() as usize].write(&r.values(), out);
    }

    fn reason_text(&self, r: &Reason) -> String {
        let mut out = Vec::new();
        self.reason(r, &mut out);
        // Pieces of UTF-8 joined at char boundaries.
        String::from_utf8(out).unwrap_or_default()
    }

    /// What stands where the input is shown.
    fn input<'v>(&'v self, v: &'v Verdict) -> &'v str {
        match v.unexamined {
            Some(Unchecked::DeepNesting) => &self.deep_nesting,
            Some(Unchecked::TooLarge) => &self.too_large,
            None => &v.input,
        }
    }
}

/// The summary line's label for verdicts of kind `k` (lower case).
pub fn counted(lang: Lang, k: VerdictKind) -> &'static str {
    &Words::of(lang).counted[super::kind_index(k)]
}

fn text_block(out: &mut Vec<u8>, v: &Verdict, lang: Lang, width: usize) {
    // Writing to a Vec cannot fail.
    let _ = write_text_block(out, v, lang, width);
}

fn write_text_block(
    out: &mut Vec<u8>,
    v: &Verdict,
    lang: Lang,
    width: usize,
) -> std::io::Result<()> {
    let w = Words::of(lang);
    let padded = w.heads[super::kind_index(v.verdict)].as_str();
    let head = match v.verdict {
        VerdictKind::Official => padded.green().bold(),
        VerdictKind::Phishing => padded.red().bold(),
        VerdictKind::Suspicious => padded.yellow().bold(),
        VerdictKind::Unrelated => padded.normal(),
        VerdictKind::Invalid => padded.dimmed(),
    };
    writeln!(out, "{head} {}", shown(w.input(v)))?;
    if let Some(h) = &v.host {
        let host = if h.unicode != h.ascii {
            format!("{} ({})", shown(&h.unicode), h.ascii)
        } else {
            h.ascii.clone()
        };
        writeln!(out, "{}{host}", w.host)?;
    }
    if let Some(imp) = &v.impersonates {
        let owner = v.imitated_brand.as_deref().unwrap_or("Binance");
        writeln!(out, "{}{owner} ({imp})", w.imitates)?;
    }
    if !v.techniques.is_empty() {
        let names: Vec<&str> = v
            .techniques
            .iter()
            .map(|t| w.techniques[*t as usize].as_str())
            .collect();
        let line = crate::text::fill(&w.technique, 14, 14, &names.join(&w.separator), width);
        writeln!(out, "{line}")?;
    }
    let indent = " ".repeat(14);
    for (i, r) in v.reasons.iter().enumerate() {
        let prefix = if i == 0 { &w.why } else { &indent };
        let text = crate::text::fill(prefix, 14, 14, &w.reason_text(r), width);
        writeln!(out, "{text}")?;
    }
    if !matches!(v.verdict, VerdictKind::Official | VerdictKind::Invalid) {
        let line = crate::text::fill(&w.check, 14, 14, &w.verify, width);
        writeln!(out, "{line}")?;
    }
    writeln!(out)
}

fn shown(s: &str) -> String {
    crate::text::escape(s, MAX_SHOWN)
}

/// One result as written in json/jsonl. Field order is part of the format;
/// `tests::matches_serde` holds it to the serde rendering of the same fields.
/// Written by hand because a million-line run spends more time in serde's
/// byte-at-a-time string escaping than in judging the links.
fn json_item(out: &mut Vec<u8>, v: &Verdict, lang: Lang, index: usize, all: bool) {
    let w = Words::of(lang);
    out.extend_from_slice(b"{\"index\":");
    out.extend_from_slice(index.to_string().as_bytes());
    out.extend_from_slice(b",\"input\":");
    json_str(out, w.input(v));
    out.extend_from_slice(b",\"verdict\":\"");
    out.extend_from_slice(v.verdict.name().as_bytes());
    out.extend_from_slice(b"\",\"techniques\":[");
    for (i, t) in v.techniques.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_str(out, t.name());
    }
    out.extend_from_slice(b"],\"impersonates\":");
    json_opt(out, v.impersonates.as_deref());
    out.extend_from_slice(b",\"imitated_brand\":");
    json_opt(out, v.imitated_brand.as_deref());
    out.extend_from_slice(b",\"host\":");
    match &v.host {
        Some(h) => {
            out.extend_from_slice(b"{\"ascii\":");
            json_str(out, &h.ascii);
            out.extend_from_slice(b",\"unicode\":");
            json_str(out, &h.unicode);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"registrable_domain\":");
    json_opt(out, v.registrable_domain.as_deref());
    out.extend_from_slice(b",\"reasons\":");
    json_reasons(out, &v.reasons, w);
    if all {
        out.extend_from_slice(b",\"reasons_en\":");
        json_reasons(out, &v.reasons, Words::of(Lang::En));
        out.extend_from_slice(b",\"reasons_ja\":");
        json_reasons(out, &v.reasons, Words::of(Lang::Ja));
    }
    out.push(b'}');
}

fn json_reasons(out: &mut Vec<u8>, reasons: &[Reason], w: &Words) {
    out.push(b'[');
    for (i, r) in reasons.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_sentence(out, |o| w.reason(r, o));
    }
    out.push(b']');
}

/// A string written by `write` straight into `out`, escaped as `json_str`
/// escapes it. Our sentences need no escape; when the link's own text in
/// them does (or spells "://"), the sentence is taken back out and escaped
/// the one way.
fn json_sentence(out: &mut Vec<u8>, write: impl FnOnce(&mut Vec<u8>)) {
    out.push(b'"');
    let start = out.len();
    write(out);
    let body = &out[start..];
    // The one scan of `json_str`; "://" is looked for only past a ':'.
    let (bad, colon) = body.iter().fold((false, false), |(bad, colon), &c| {
        (
            bad | (c < 0x20) | (c == b'"') | (c == b'\\'),
            colon | (c == b':'),
        )
    });
    if bad || (colon && body.windows(3).any(|w| w == b"://")) {
        let text = String::from_utf8_lossy(&out[start..]).into_owned();
        out.truncate(start - 1);
        json_str(out, &text);
    } else {
        out.push(b'"');
    }
}

fn json_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, escaped exactly as serde_json escapes it, then "://" as
/// ":\/\/" as every JSON of the tool writes it (`escape::json_urls`). One
/// scan without early exit (it compiles to wide compares) finds both what
/// needs an escape (rare: only hostile input, which goes through serde_json)
/// and whether there is a ':' at all.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let (bad, colon) = s
        .as_bytes()
        .iter()
        .fold((false, false), |(bad, colon), &c| {
            (
                bad | (c < 0x20) | (c == b'"') | (c == b'\\'),
                colon | (c == b':'),
            )
        });
    if bad {
        // Serializing a str cannot fail.
        let text = serde_json::to_string(s).unwrap_or_default();
        out.extend_from_slice(crate::escape::json_urls(text).as_bytes());
        return;
    }
    out.push(b'"');
    let mut rest = s;
    while colon && let Some(i) = rest.find("://") {
        out.extend_from_slice(&rest.as_bytes()[..i]);
        out.extend_from_slice(b":\\/\\/");
        rest = &rest[i + 3..];
    }
    out.extend_from_slice(rest.as_bytes());
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::Analyser;

    /// The fields and order of a json item, rendered by serde: the oracle
    /// for the hand-written writer.
    #[derive(serde::Serialize)]
    struct Reference<'a> {
        index: usize,
        input: &'a str,
        verdict: VerdictKind,
        techniques: &'a [crate::url::technique::Technique],
        impersonates: Option<&'a str>,
        imitated_brand: Option<&'a str>,
        host: Option<&'a crate::url::verdict::HostNames>,
        registrable_domain: Option<&'a str>,
        reasons: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reasons_en: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reasons_ja: Option<Vec<String>>,
    }

    /// Straight from the catalogue, so the templates are held to it too.
    fn reference(v: &Verdict, lang: Lang, index: usize, all: bool) -> String {
        let said = |l: Lang| v.reasons.iter().map(|r| r.msg().render(l)).collect();
        serde_json::to_string(&Reference {
            index,
            input: Words::of(lang).input(v),
            verdict: v.verdict,
            techniques: &v.techniques,
            impersonates: v.impersonates.as_deref(),
            imitated_brand: v.imitated_brand.as_deref(),
            host: v.host.as_ref(),
            registrable_domain: v.registrable_domain.as_deref(),
            reasons: said(lang),
            reasons_en: all.then(|| said(Lang::En)),
            reasons_ja: all.then(|| said(Lang::Ja)),
        })
        .unwrap()
    }

    #[test]
    fn every_sentence_is_in_the_catalogue_with_its_arguments() {
        for k in ReasonKind::ALL {
            assert!(crate::i18n::has(k.id()), "{}", k.id());
            for lang in Lang::ALL {
                let t = Template::new(*k, *lang);
                for i in 0..k.arg_names().len() {
                    assert!(
                        t.0.iter().any(|p| matches!(p, Piece::Arg(j) if *j == i)),
                        "{} ({lang:?}) does not use ${}",
                        k.id(),
                        k.arg_names()[i]
                    );
                }
            }
        }
        for t in Technique::ALL {
            let id = format!("url-technique-{}", t.name().replace('_', "-"));
            assert!(crate::i18n::has(&id), "{id}");
        }
        for k in super::super::KINDS {
            assert!(crate::i18n::has(&format!("url-verdict-{}", k.name())));
        }
    }

    #[test]
    fn matches_serde() {
        let inputs = [
            "https://www.binance.com/en/login",
            "binnance-login.com",
            "https://user@xn--bnance-p9a.com:8443/a\"b\\c",
            "http://10.0.0.1/\u{1}\u{1f}\t\r\n",
            "nonsense \"quoted\"",
            "https://バイナンス-サポート.com/login",
            "https://evil.example/\u{1b}[31m\u{202e}x\u{7f}\u{2028}",
            "",
            "mailto:support@binance.com",
            // Quotes and a backslash in the link's own text inside a reason.
            "http://bi\"n\\ance:x@10.0.0.1/",
            "https://l.facebook.com/l.php?u=https%3A%2F%2Fbinance-login.xyz%2F",
            "https://t.me/binance_support_help",
        ];
        let mut an = Analyser::new();
        let mut verdicts: Vec<Verdict> = inputs.iter().map(|i| an.analyse(i)).collect();
        // A part of a message not examined stands where a link would.
        let html = br#"<a href="https://elsewhere.example/">https://www.binance.com/</a>"#;
        let mut ex = crate::url::extract::extract(html);
        ex.unchecked.push(Unchecked::TooLarge);
        verdicts.extend(crate::url::message::judge(&mut an, &ex));
        for (i, v) in verdicts.iter().enumerate() {
            let input = &v.input;
            for lang in [Lang::En, Lang::Ja] {
                for all in [false, true] {
                    let mut out = Vec::new();
                    json_item(&mut out, v, lang, i + 1, all);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        crate::escape::json_urls(reference(v, lang, i + 1, all)),
                        "{input:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_byte_escapes_as_serde_does() {
        let all: String = (0u8..0x80)
            .map(char::from)
            .chain("é\u{2028}😀".chars())
            .collect();
        for s in [all.as_str(), "plain", "\"", "\\", ""] {
            let mut out = Vec::new();
            json_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }
}
