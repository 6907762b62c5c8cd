//! The output seam: one format enum for every command, one dispatch from a
//! command's value to its renderer ([`Render`], [`render`]), and the one way
//! a JSON document ends ([`json`]). Commands that have a value of another
//! shape than the audit report (status, playbooks, the password list, the
//! address check) accept the subset of formats they can write; the shell
//! refuses the others before any work is done.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::Report;
use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    #[default]
    Text,
    Json,
    /// One JSON object a line (the link checker's stream).
    Jsonl,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
    /// For a GitHub step summary or an email.
    Markdown,
    /// JUnit XML: one test case per rule.
    Junit,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Sarif,
        Format::Markdown,
        Format::Junit,
    ];
    /// What the audit and `password` reports can be written as.
    pub const REPORT: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Sarif,
        Format::Markdown,
        Format::Junit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::Markdown => "markdown",
            Format::Junit => "junit",
        }
    }

    /// What the format is for, as `--help` lists it.
    pub fn summary(self) -> Msg {
        Msg::keyed("report-format-", self.name())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Msg;

    fn from_str(s: &str) -> Result<Format, Msg> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                crate::msg!(
                    "report-format-unknown",
                    name = format!("{s:?}"),
                    names = names.join(", ")
                )
            })
    }
}

/// How a text report is laid out.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Details too: evidence, references, passed checks, the network log.
    pub verbose: bool,
    /// The grade line only (and what made the run incomplete).
    pub quiet: bool,
    /// Columns to fill (by display width).
    pub width: usize,
    /// The zone the reader's times are shown in (text and Markdown); the
    /// machine formats stay UTC.
    pub zone: jiff::tz::TimeZone,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            verbose: false,
            quiet: false,
            width: 80,
            zone: crate::localtime::reader_zone(),
        }
    }
}

/// A command's value, written in each format it has a writer for. The value
/// carries the language it was made in (a report's titles, a playbook's
/// steps), so rendering never picks one.
pub trait Render {
    /// For people (`Format::Text`); also what a format the value has no
    /// writer of its own for falls back to.
    fn text(&self, opts: &RenderOptions) -> String;
    /// `Format::Json`: one document, ended by [`json`].
    fn json(&self) -> String;
    /// Markdown, SARIF, JUnit or JSON Lines, where the value has a writer.
    fn other(&self, format: Format, opts: &RenderOptions) -> Option<String> {
        let _ = (format, opts);
        None
    }
}

/// `value` in `format`. Only the text and Markdown writers look at `opts`
/// (layout, the reader's zone); the machine formats always carry everything.
pub fn render<R: Render + ?Sized>(value: &R, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Json => value.json(),
        Format::Text => value.text(opts),
        f => value.other(f, opts).unwrap_or_else(|| value.text(opts)),
    }
}

/// The one ending of every JSON document the tool writes: pretty, every
/// "://" spelt ":\/\/" (`escape::json_urls`), one final newline.
///
/// Only the tool's own types are written, and they always serialize; a
/// failure is a bug, so it is the tool's internal error (the panic hook
/// says so and asks for a report) rather than a document that silently
/// reads `{}` or nothing at all.
// Whether a value serializes depends on its type (a map keyed by anything but
// strings fails), never on the data in it: outside text cannot reach this.
#[allow(clippy::expect_used)]
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let s = serde_json::to_string_pretty(value).expect("the tool's own types serialize to JSON");
    let mut s = crate::escape::json_urls(s);
    s.push('\n');
    s
}

/// One JSON Lines record: compact, "://" escaped as in [`json`], one newline.
#[allow(clippy::expect_used)] // as in `json`
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> String {
    let s = serde_json::to_string(value).expect("the tool's own types serialize to JSON");
    let mut s = crate::escape::json_urls(s);
    s.push('\n');
    s
}

/// One result of a command that writes as it reads (`url`): each is
/// rendered whole into a buffer, so worker threads can render in parallel and
/// the writer only copies. `index` counts from 1.
pub trait RenderItem {
    /// A text block.
    fn text(&self, index: usize, out: &mut Vec<u8>);
    /// One compact JSON object, "://" escaped as [`json`] does.
    fn json(&self, index: usize, out: &mut Vec<u8>);
}

/// Item `index` of a stream in `format`: in `Format::Json` an element of the
/// document's results array (the command writes its head and tail), in
/// `Format::Jsonl` one line, otherwise a text block.
pub fn render_item<R: RenderItem + ?Sized>(
    item: &R,
    format: Format,
    index: usize,
    out: &mut Vec<u8>,
) {
    match format {
        Format::Json => {
            if index > 1 {
                out.push(b',');
            }
            out.push(b'\n');
            item.json(index, out);
        }
        Format::Jsonl => {
            item.json(index, out);
            out.push(b'\n');
        }
        _ => item.text(index, out),
    }
}

/// One report in one of [`Format::REPORT`].
impl Render for Report {
    fn text(&self, opts: &RenderOptions) -> String {
        super::text::render(self, opts)
    }
    fn json(&self) -> String {
        super::json::render(self)
    }
    fn other(&self, format: Format, opts: &RenderOptions) -> Option<String> {
        match format {
            Format::Sarif => Some(super::sarif::render(self)),
            Format::Markdown => Some(super::markdown::render_in(self, &opts.zone)),
            Format::Junit => Some(super::junit::render(self)),
            Format::Text | Format::Json | Format::Jsonl => None,
        }
    }
}

/// Several profiles' reports as one document per format: text sections one
/// after the other, one JSON object with a `profiles` array, one SARIF log
/// with a run per profile, one JUnit suite per profile.
impl Render for [Report] {
    fn text(&self, opts: &RenderOptions) -> String {
        let sections: Vec<String> = self.iter().map(|r| super::text::render(r, opts)).collect();
        sections.join(&format!("\n{}\n\n", "═".repeat(72)))
    }
    fn json(&self) -> String {
        super::json::render_profiles(self)
    }
    fn other(&self, format: Format, opts: &RenderOptions) -> Option<String> {
        match format {
            Format::Sarif => Some(super::sarif::render_many(self)),
            Format::Markdown => Some(super::markdown::render_many_in(self, &opts.zone)),
            Format::Junit => Some(super::junit::render_many(self)),
            Format::Text | Format::Json | Format::Jsonl => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_json_document_ends_the_same_way() {
        let v = serde_json::json!({"u": "https://www.binance.com/", "n": 1});
        assert_eq!(
            json(&v),
            "{\n  \"n\": 1,\n  \"u\": \"https:\\/\\/www.binance.com/\"\n}\n"
        );
        assert_eq!(
            json_line(&v),
            "{\"n\":1,\"u\":\"https:\\/\\/www.binance.com/\"}\n"
        );
    }

    #[test]
    #[should_panic(expected = "serialize")]
    fn a_value_that_cannot_be_json_is_an_internal_error() {
        // JSON object keys are strings: a map keyed by a tuple cannot be written.
        let m: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let _ = json(&m);
    }

    struct Two;
    impl Render for Two {
        fn text(&self, opts: &RenderOptions) -> String {
            format!("text {}", opts.width)
        }
        fn json(&self) -> String {
            json(&2)
        }
    }

    #[test]
    fn a_format_without_its_own_writer_falls_back_to_text() {
        let o = RenderOptions::default();
        assert_eq!(render(&Two, Format::Json, &o), "2\n");
        assert_eq!(render(&Two, Format::Text, &o), "text 80");
        assert_eq!(render(&Two, Format::Markdown, &o), "text 80");
    }

    impl RenderItem for Two {
        fn text(&self, index: usize, out: &mut Vec<u8>) {
            out.extend_from_slice(format!("t{index}").as_bytes());
        }
        fn json(&self, index: usize, out: &mut Vec<u8>) {
            out.extend_from_slice(format!("{{\"n\":{index}}}").as_bytes());
        }
    }

    #[test]
    fn a_stream_is_framed_by_its_format() {
        let all = |f: Format| {
            let mut out = Vec::new();
            for i in 1..=2 {
                render_item(&Two, f, i, &mut out);
            }
            String::from_utf8(out).unwrap()
        };
        assert_eq!(all(Format::Json), "\n{\"n\":1},\n{\"n\":2}");
        assert_eq!(all(Format::Jsonl), "{\"n\":1}\n{\"n\":2}\n");
        assert_eq!(all(Format::Text), "t1t2");
    }

    #[test]
    fn formats_are_described_and_unknown_ones_named_in_the_reader_language() {
        use crate::i18n::Lang;
        for f in Format::ALL {
            assert!(!f.summary().render(Lang::Ja).is_empty());
            assert_ne!(f.summary().render(Lang::Ja), f.summary().render(Lang::En));
        }
        let e = "xml".parse::<Format>().unwrap_err();
        assert_eq!(
            e.render(Lang::En),
            "unknown format \"xml\" (one of: text, json, jsonl, sarif, markdown, junit)"
        );
    }
}
