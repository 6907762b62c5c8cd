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
use crate::i18n::{Lang, tr};
use crate::net::NetRequest;
use crate::rules::{Category, Evaluator, Outcome, Rule, Severity};

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

/// Split the input into passwords, wiping the buffer. Errors never quote it
/// and are in the diagnostics language.
pub fn parse_list(bytes: Vec<u8>) -> Result<Vec<Entry>, String> {
    parse_list_in(bytes, crate::i18n::ui())
}

/// [`parse_list`] with its errors in `lang`.
pub fn parse_list_in(mut bytes: Vec<u8>, lang: Lang) -> Result<Vec<Entry>, String> {
    let result = (|| {
        let text = std::str::from_utf8(&bytes).map_err(|e| match lang {
            Lang::En => format!(
                "standard input is not valid UTF-8 (byte {})",
                e.valid_up_to()
            ),
            Lang::Ja => format!(
                "標準入力がUTF-8として正しくありません（{}バイト目）",
                e.valid_up_to()
            ),
        })?;
        let mut out = Vec::new();
        for (i, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.is_empty() {
                continue;
            }
            let n = line.chars().count();
            if n > MAX_LEN {
                return Err(match lang {
                    Lang::En => format!(
                        "line {} is {n} characters long; at most {MAX_LEN} are accepted",
                        i + 1
                    ),
                    Lang::Ja => format!(
                        "{}行目が{n}文字あります。受け付けるのは{MAX_LEN}文字までです",
                        i + 1
                    ),
                });
            }
            if out.len() == MAX_LINES {
                return Err(match lang {
                    Lang::En => format!("more than {MAX_LINES} passwords on standard input"),
                    Lang::Ja => format!("標準入力のパスワードが{MAX_LINES}個を超えています"),
                });
            }
            out.push(Entry {
                line: i + 1,
                password: SecretString::from(line.to_string()),
            });
        }
        if out.is_empty() {
            return Err(tr(
                lang,
                "no passwords on standard input (one per line)",
                "標準入力にパスワードがありません（1行に1つずつ入力してください）",
            )
            .into());
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
    let source = match (&opts.file, s.lang) {
        (Some(f), Lang::En) => format!("looked up offline in {} (nothing sent)", f.display()),
        (Some(f), Lang::Ja) => format!(
            "ローカルファイル {} で照合しました（何も送信していません）",
            f.display()
        ),
        (None, Lang::En) => format!(
            "Pwned Passwords range API at {host}: only the first 5 of 40 SHA-1 hex digits of each password were sent, with Add-Padding: true"
        ),
        (None, Lang::Ja) => format!(
            "Pwned Passwords 範囲API（{host}）: 各パスワードのSHA-1（16進数40桁）のうち先頭5桁だけを Add-Padding: true 付きで送信しました"
        ),
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
        tr(
            l,
            "breach check by line number (passwords are not shown)",
            "行番号ごとの流出チェック（パスワードは表示しません）"
        )
    );
    let _ = writeln!(o);
    for x in &r.results {
        let line = format!("{} {:>4}", tr(l, "line", "行"), x.line);
        let _ = match x.status {
            Status::Found => {
                let sev = x
                    .severity
                    .map(|s| s.as_str().to_uppercase())
                    .unwrap_or_default();
                let times = match l {
                    Lang::En => format!("found: seen {} times in known breaches", group(x.count)),
                    Lang::Ja => {
                        format!("発見: 既知の流出データに{}回含まれています", group(x.count))
                    }
                };
                writeln!(
                    o,
                    "  {line}  {}  {} {}",
                    times.red().bold(),
                    sev.red(),
                    x.rule.as_deref().unwrap_or_default()
                )
            }
            Status::NotFound => writeln!(
                o,
                "  {line}  {}",
                tr(
                    l,
                    "not found in known breaches",
                    "既知の流出データには見つかりません"
                )
                .green()
            ),
            Status::NotChecked => writeln!(
                o,
                "  {line}  {} {}",
                tr(l, "NOT CHECKED:", "未確認:").yellow().bold(),
                x.reason.as_deref().unwrap_or_default()
            ),
        };
    }
    if !r.remediation.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{}",
            tr(
                l,
                "For each password found, now:",
                "見つかったパスワードごとに、今すぐ次の対応をしてください:"
            )
            .bold()
        );
        for (i, step) in r.remediation.iter().enumerate() {
            let _ = writeln!(o, "  {}. {step}", i + 1);
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", r.source.dimmed());
    crate::report::text::network_section(&mut o, &r.network, l);
    o
}

pub fn render_json(r: &ListReport) -> String {
    let s = serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut s = crate::escape::json_urls(s);
    s.push('\n');
    s
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
        let e = parse_list(b"\n\r\n".to_vec()).unwrap_err();
        assert!(e.contains("no passwords"), "{e}");
        let e = parse_list(b"ok\n\xffsecret\n".to_vec()).unwrap_err();
        assert!(e.contains("UTF-8") && !e.contains("secret"), "{e}");
        let long = format!("ok\n{}\n", "x".repeat(MAX_LEN + 1));
        let e = parse_list(long.into_bytes()).unwrap_err();
        assert!(e.starts_with("line 2 is"), "{e}");
        let many = "p\n".repeat(MAX_LINES + 1);
        assert!(parse_list(many.into_bytes()).is_err());
    }

    #[test]
    fn errors_read_in_japanese() {
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
