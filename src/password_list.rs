//! `binance-audit password --stdin-list`: several passwords, one per line on
//! standard input (typically the Binance and the email password together),
//! looked up in known breaches. Results are reported by line number; the
//! passwords are never shown. Each distinct SHA-1 prefix is requested once.

use std::fmt::Write;

use chrono::Utc;
use colored::Colorize;
use secrecy::SecretString;
use serde::Serialize;
use zeroize::Zeroize;

use crate::collect::breach::{self, BreachOptions};
use crate::collect::password::MAX_LEN;
use crate::context::Context;
use crate::facts::Facts;
use crate::i18n::{Lang, Msg};
use crate::net::NetRequest;
use crate::rules::{Category, Evaluator, Outcome, Rule, Severity};
use crate::{msg, t};

/// More lines than anyone's own accounts: beyond this it is a cracking job.
pub const MAX_LINES: usize = 1000;

/// Range requests in flight at once; small, the service is shared.
pub const CONCURRENCY: usize = 4;

const FACT: &str = "breach.password_count";

/// One password and the line it came from (blank lines are skipped but
/// still counted, so numbers match the user's file).
#[derive(Debug)] // SecretString's Debug prints [REDACTED]
pub struct Entry {
    pub line: usize,
    pub password: SecretString,
}

/// Why the list on standard input was refused. It never quotes the input.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.msg().render(Lang::En))]
pub enum ListError {
    /// Not UTF-8 from this byte on.
    NotUtf8(usize),
    TooLong {
        line: usize,
        chars: usize,
    },
    TooMany,
    Empty,
}

impl ListError {
    pub fn msg(&self) -> Msg {
        match self {
            ListError::NotUtf8(byte) => msg!("shell-list-not-utf8", byte = *byte),
            ListError::TooLong { line, chars } => msg!(
                "shell-list-too-long",
                line = *line,
                chars = *chars,
                max = MAX_LEN
            ),
            ListError::TooMany => msg!("shell-list-too-many", max = MAX_LINES),
            ListError::Empty => msg!("shell-list-empty"),
        }
    }
}

/// Split the input into passwords, wiping the buffer.
pub fn parse_list(mut bytes: Vec<u8>) -> Result<Vec<Entry>, ListError> {
    let result = (|| {
        let text = std::str::from_utf8(&bytes).map_err(|e| ListError::NotUtf8(e.valid_up_to()))?;
        let mut out = Vec::new();
        for (i, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.is_empty() {
                continue;
            }
            let n = line.chars().count();
            if n > MAX_LEN {
                return Err(ListError::TooLong {
                    line: i + 1,
                    chars: n,
                });
            }
            if out.len() == MAX_LINES {
                return Err(ListError::TooMany);
            }
            out.push(Entry {
                line: i + 1,
                password: SecretString::from(line.to_string()),
            });
        }
        if out.is_empty() {
            return Err(ListError::Empty);
        }
        Ok(out)
    })();
    bytes.zeroize();
    result
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Found,
    NotFound,
    NotChecked,
}

#[derive(Clone, Debug, Serialize)]
pub struct LineResult {
    pub line: usize,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// The most severe breach rule this count raises.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ListReport {
    pub schema_version: u32,
    pub kind: &'static str,
    pub tool_version: String,
    pub generated_at: String,
    pub lang: Lang,
    /// Where the lookups were made, and what that disclosed.
    pub source: String,
    pub results: Vec<LineResult>,
    /// Remediation of the most severe rule raised, in `lang`.
    pub remediation: Vec<String>,
    pub network: Vec<NetRequest>,
}

/// Look every entry up and judge each count with the breach rules.
pub async fn check(
    s: &Context,
    opts: &BreachOptions,
    rules: &[Rule],
    entries: &[Entry],
) -> ListReport {
    let passwords: Vec<SecretString> = entries.iter().map(|e| e.password.clone()).collect();
    let counts = breach::lookup_batch(&s.net, opts, &passwords, CONCURRENCY).await;
    let rules: Vec<&Rule> = rules
        .iter()
        .filter(|r| r.category == Category::Breach && r.facts.iter().all(|f| f == FACT))
        .collect();
    let mut worst: Option<&Rule> = None;
    let mut results = Vec::new();
    for (e, count) in entries.iter().zip(counts) {
        let r = match count {
            Ok(n) => {
                let mut facts = Facts::new();
                facts.observe(FACT, n);
                let eval = Evaluator::new(&facts);
                let raised = rules
                    .iter()
                    .filter(|r| eval.evaluate(r) == Outcome::Fail)
                    .max_by_key(|r| r.severity)
                    .copied();
                if let Some(r) = raised
                    && worst.is_none_or(|w| r.severity > w.severity)
                {
                    worst = Some(r);
                }
                LineResult {
                    line: e.line,
                    status: if n > 0 {
                        Status::Found
                    } else {
                        Status::NotFound
                    },
                    count: Some(n),
                    rule: raised.map(|r| r.id.clone()),
                    severity: raised.map(|r| r.severity),
                    reason: None,
                }
            }
            Err(err) => LineResult {
                line: e.line,
                status: Status::NotChecked,
                count: None,
                rule: None,
                severity: None,
                reason: Some(err.msg().render(s.lang)),
            },
        };
        results.push(r);
    }
    let host = opts.base_url.host_str().unwrap_or_default();
    let source = match &opts.file {
        Some(f) => t!(
            s.lang,
            "shell-list-source-file",
            path = f.display().to_string()
        ),
        None => t!(s.lang, "shell-list-source-api", host = host),
    };
    ListReport {
        schema_version: crate::report::SCHEMA_VERSION,
        kind: "password-list",
        tool_version: env!("CARGO_PKG_VERSION").into(),
        generated_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        lang: s.lang,
        source,
        results,
        remediation: worst
            .map(|r| r.remediation.get(s.lang).to_vec())
            .unwrap_or_default(),
        network: s.net.requests(),
    }
}

pub fn render_text(r: &ListReport) -> String {
    let l = r.lang;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} {} — {}",
        "binance-audit".bold(),
        r.tool_version,
        t!(l, "shell-list-title")
    );
    let _ = writeln!(o);
    for x in &r.results {
        let line = format!("{} {:>4}", t!(l, "shell-list-line"), x.line);
        let _ = match x.status {
            Status::Found => {
                let sev = x
                    .severity
                    .map(|s| s.as_str().to_uppercase())
                    .unwrap_or_default();
                let times = t!(l, "shell-list-found", times = group(x.count));
                writeln!(
                    o,
                    "  {line}  {}  {} {}",
                    times.red().bold(),
                    sev.red(),
                    x.rule.as_deref().unwrap_or_default()
                )
            }
            Status::NotFound => writeln!(o, "  {line}  {}", t!(l, "shell-list-not-found").green()),
            Status::NotChecked => writeln!(
                o,
                "  {line}  {} {}",
                t!(l, "shell-list-not-checked").yellow().bold(),
                x.reason.as_deref().unwrap_or_default()
            ),
        };
    }
    if !r.remediation.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", t!(l, "shell-list-remediation").bold());
        for (i, step) in r.remediation.iter().enumerate() {
            let _ = writeln!(o, "  {}. {step}", i + 1);
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", r.source.dimmed());
    crate::report::text::network_section(&mut o, &r.network, l, 80);
    o
}

pub fn render_json(r: &ListReport) -> String {
    crate::report::format::json(r)
}

fn group(n: Option<u64>) -> String {
    let s = n.unwrap_or(0).to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn lines_are_numbered_blank_lines_skipped_and_crlf_stripped() {
        let e = parse_list(b"first\r\n\nsecond\nthird".to_vec()).unwrap();
        let got: Vec<(usize, &str)> = e
            .iter()
            .map(|e| (e.line, e.password.expose_secret()))
            .collect();
        assert_eq!(got, vec![(1, "first"), (3, "second"), (4, "third")]);
    }

    #[test]
    fn bad_input_is_refused_without_quoting_it() {
        let e = parse_list(b"\n\r\n".to_vec()).unwrap_err().to_string();
        assert!(e.contains("no passwords"), "{e}");
        let e = parse_list(b"ok\n\xffsecret\n".to_vec())
            .unwrap_err()
            .to_string();
        assert!(e.contains("UTF-8") && !e.contains("secret"), "{e}");
        let long = format!("ok\n{}\n", "x".repeat(MAX_LEN + 1));
        let e = parse_list(long.into_bytes()).unwrap_err().to_string();
        assert!(e.starts_with("line 2 is"), "{e}");
        let many = "p\n".repeat(MAX_LINES + 1);
        assert!(parse_list(many.into_bytes()).is_err());
    }

    #[test]
    fn errors_read_in_japanese() {
        let parse_list_in =
            |b: Vec<u8>, lang: Lang| parse_list(b).map_err(|e| e.msg().render(lang));
        let e = parse_list_in(b"ok\n\xffsecret\n".to_vec(), Lang::Ja).unwrap_err();
        assert!(e.contains("UTF-8") && e.contains("3バイト目"), "{e}");
        assert!(!e.contains("secret"), "{e}");
        let e = parse_list_in(b"\n".to_vec(), Lang::Ja).unwrap_err();
        assert!(e.starts_with("標準入力にパスワードがありません"), "{e}");
        let many = "p\n".repeat(MAX_LINES + 1);
        let e = parse_list_in(many.into_bytes(), Lang::Ja).unwrap_err();
        assert!(crate::i18n::english_runs(&e).is_empty(), "{e}");
        assert_eq!(
            parse_list_in(b"\n".to_vec(), Lang::En).unwrap_err(),
            "no passwords on standard input (one per line)"
        );
    }
}
