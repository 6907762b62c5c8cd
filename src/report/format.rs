//! One format enum for every command, and the one dispatch from a `Report` to
//! its rendering. Commands that have a report of another shape (status, url,
//! playbooks, the password list) accept the subset of formats they can write;
//! the shell refuses the others before any work is done.

use std::fmt;
use std::str::FromStr;

use super::Report;

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

    pub fn summary(self) -> &'static str {
        match self {
            Format::Text => "for people, wrapped to the terminal",
            Format::Json => "one JSON document (schema in docs/)",
            Format::Jsonl => "one JSON object per line",
            Format::Sarif => "SARIF 2.1.0 for GitHub code scanning",
            Format::Markdown => "for a GitHub step summary or an email",
            Format::Junit => "JUnit XML: one test case per rule",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {s:?} (one of: {})", names.join(", "))
            })
    }
}

/// How a text report is laid out.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Details too: evidence, references, passed checks, the network log.
    pub verbose: bool,
    /// The grade line only (and what made the run incomplete).
    pub quiet: bool,
    /// Columns to fill (by display width).
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> RenderOptions {
        RenderOptions {
            verbose: false,
            quiet: false,
            width: 80,
        }
    }
}

/// One report in one of [`Format::REPORT`]. Only the text format looks at
/// `opts`; the machine formats always carry everything.
pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text | Format::Jsonl => super::text::render(report, opts),
        Format::Json => super::json::render(report),
        Format::Sarif => super::sarif::render(report),
        Format::Markdown => super::markdown::render(report),
        Format::Junit => super::junit::render(report),
    }
}

/// Several profiles' reports as one document per format: text sections one
/// after the other, one JSON object with a `profiles` array, one SARIF log
/// with a run per profile, one JUnit suite per profile.
pub fn render_many(reports: &[Report], format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text | Format::Jsonl => {
            let sections: Vec<String> = reports
                .iter()
                .map(|r| super::text::render(r, opts))
                .collect();
            sections.join(&format!("\n{}\n\n", "═".repeat(72)))
        }
        Format::Json => super::json::render_profiles(reports),
        Format::Sarif => super::sarif::render_many(reports),
        Format::Markdown => super::markdown::render_many(reports),
        Format::Junit => super::junit::render_many(reports),
    }
}
