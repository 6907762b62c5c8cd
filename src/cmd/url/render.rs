//! One verdict as the reader sees it: a text block or one json object,
//! appended to a byte buffer so that worker threads can render in parallel
//! and the writer only copies.

use std::io::Write;

use colored::Colorize;

use crate::i18n::{Lang, tr};
use crate::report::Format;
use crate::report::format::{RenderItem, render_item};
use crate::text::pad;
use crate::url::domains::knowledge;
use crate::url::verdict::{Verdict, VerdictKind, Wording};

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
    /// The languages the verdicts' reasons need: only the shown one, unless
    /// json is to carry both.
    pub fn wording(&self) -> Wording {
        if self.all_languages {
            Wording::Both
        } else {
            Wording::Only(self.lang)
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
    let label = v.verdict.label(lang);
    let padded = pad(label, 12);
    let head = match v.verdict {
        VerdictKind::Official => padded.green().bold(),
        VerdictKind::Phishing => padded.red().bold(),
        VerdictKind::Suspicious => padded.yellow().bold(),
        VerdictKind::Unrelated => padded.normal(),
        VerdictKind::Invalid => padded.dimmed(),
    };
    writeln!(out, "{head} {}", shown(&v.input))?;
    let field = |en: &'static str, ja: &'static str| format!("  {}", pad(tr(lang, en, ja), 12));
    if let Some(h) = &v.host {
        let host = if h.unicode != h.ascii {
            format!("{} ({})", shown(&h.unicode), h.ascii)
        } else {
            h.ascii.clone()
        };
        writeln!(out, "{}{host}", field("host", "ホスト"))?;
    }
    if let Some(imp) = &v.impersonates {
        let owner = v.imitated_brand.as_deref().unwrap_or("Binance");
        writeln!(out, "{}{owner} ({imp})", field("imitates", "偽装対象"))?;
    }
    if !v.techniques.is_empty() {
        let names: Vec<String> = v.techniques.iter().map(|t| t.label(lang)).collect();
        let sep = tr(lang, ", ", "、");
        let line = crate::text::fill(
            &field("techniques", "手口"),
            14,
            14,
            &names.join(sep),
            width,
        );
        writeln!(out, "{line}")?;
    }
    let indent = " ".repeat(14);
    for (i, r) in v.reasons.iter().enumerate() {
        let prefix = if i == 0 {
            field("why", "理由")
        } else {
            indent.clone()
        };
        let text = crate::text::fill(&prefix, 14, 14, r.get(lang), width);
        writeln!(out, "{text}")?;
    }
    if !matches!(v.verdict, VerdictKind::Official | VerdictKind::Invalid) {
        let check = format!(
            "{} {}",
            tr(lang, "Binance Verify:", "Binance Verify（公式確認）:"),
            crate::i18n::link(lang, &knowledge().verify_url)
        );
        let line = crate::text::fill(&field("check", "確認"), 14, 14, &check, width);
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
    out.extend_from_slice(b"{\"index\":");
    out.extend_from_slice(index.to_string().as_bytes());
    out.extend_from_slice(b",\"input\":");
    json_str(out, &v.input);
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
    json_list(out, v.reasons.iter().map(|r| r.get(lang)));
    if all {
        out.extend_from_slice(b",\"reasons_en\":");
        json_list(out, v.reasons.iter().map(|r| r.en.as_str()));
        out.extend_from_slice(b",\"reasons_ja\":");
        json_list(out, v.reasons.iter().map(|r| r.ja.as_str()));
    }
    out.push(b'}');
}

fn json_list<'s>(out: &mut Vec<u8>, items: impl Iterator<Item = &'s str>) {
    out.push(b'[');
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_str(out, s);
    }
    out.push(b']');
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
        reasons: Vec<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reasons_en: Option<Vec<&'a str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reasons_ja: Option<Vec<&'a str>>,
    }

    fn reference(v: &Verdict, lang: Lang, index: usize, all: bool) -> String {
        serde_json::to_string(&Reference {
            index,
            input: &v.input,
            verdict: v.verdict,
            techniques: &v.techniques,
            impersonates: v.impersonates.as_deref(),
            imitated_brand: v.imitated_brand.as_deref(),
            host: v.host.as_ref(),
            registrable_domain: v.registrable_domain.as_deref(),
            reasons: v.reasons.iter().map(|r| r.get(lang)).collect(),
            reasons_en: all.then(|| v.reasons.iter().map(|r| r.en.as_str()).collect()),
            reasons_ja: all.then(|| v.reasons.iter().map(|r| r.ja.as_str()).collect()),
        })
        .unwrap()
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
        ];
        let mut an = Analyser::new();
        for (i, input) in inputs.iter().enumerate() {
            let v = an.analyse(input);
            for lang in [Lang::En, Lang::Ja] {
                for all in [false, true] {
                    let mut out = Vec::new();
                    json_item(&mut out, &v, lang, i + 1, all);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        crate::escape::json_urls(reference(&v, lang, i + 1, all)),
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
