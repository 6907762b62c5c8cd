//! Markdown for a GitHub step summary or an email body: the verdict first,
//! a table of findings, then the details and what could not be checked.
//!
//! Values that come from outside (address names, statuses, reasons) are put
//! in code spans: an address book entry named `[restore your account](…)`
//! must not become a link in a summary people trust.

use jiff::tz::TimeZone;
use std::collections::BTreeMap;
use std::fmt::Write;

use super::{BaselineState, Report, Source, WaiverStatus};
use crate::collect::CheckState;
use crate::rules::Severity;
use crate::t;

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "🔴",
        Severity::High => "🟠",
        Severity::Medium => "🟡",
        Severity::Low => "🔵",
        Severity::Info => "⚪",
    }
}

/// Escape text so Markdown shows it as written (no emphasis, links, HTML).
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' => {
                o.push('\\');
                o.push(c);
            }
            '\n' | '\r' => o.push(' '),
            _ => o.push(c),
        }
    }
    o
}

/// A code span that holds any text on one line. Inside a table a pipe still
/// ends the cell unless escaped, even in code (GFM).
pub fn code(s: &str, in_table: bool) -> String {
    let mut text: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if in_table {
        text = text.replace('|', "\\|");
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Several reports (`--all-profiles`): one section per account.
pub fn render_many(reports: &[Report]) -> String {
    render_many_in(reports, &crate::localtime::reader_zone())
}

/// [`render_many`] with times in `zone`.
pub fn render_many_in(reports: &[Report], zone: &TimeZone) -> String {
    reports
        .iter()
        .map(|r| render_in(r, zone))
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

/// The report with times in the reader's zone.
pub fn render(r: &Report) -> String {
    render_in(r, &crate::localtime::reader_zone())
}

/// The report with times in `zone` (the machine formats stay UTC).
pub fn render_in(r: &Report, zone: &TimeZone) -> String {
    let local = |s: &str| crate::localtime::localize(s, zone);
    let l = r.lang;
    let mut o = String::new();
    let profile = r
        .profile
        .as_ref()
        .map(|p| format!(" — {} {}", t!(l, "report-md-profile"), code(p, false)))
        .unwrap_or_default();
    let _ = writeln!(o, "## {}{profile}\n", t!(l, "report-md-title"));

    let coverage = super::text::coverage(r);
    let verdict = match (r.score, r.grade) {
        (Some(s), Some(g)) => format!(
            "**{} {s}/100 · {} {}**",
            t!(l, "report-score"),
            t!(l, "report-grade"),
            g.as_str()
        ),
        _ => t!(
            l,
            "report-text-count",
            label = format!("**{}**", t!(l, "report-not-graded")),
            n = esc(r.not_graded.as_deref().unwrap_or_default())
        ),
    };
    if !r.complete {
        // GitHub renders this as a warning callout at the top of the summary.
        let _ = writeln!(o, "> [!WARNING]\n> **{}**", t!(l, "report-md-incomplete"));
        for why in &r.incomplete {
            let _ = writeln!(o, "> - {}", esc(why));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "{verdict} — {coverage} · {} · binance-audit {}\n",
        esc(&crate::localtime::rfc3339_for_reader(&r.generated_at, zone)),
        esc(&r.tool_version)
    );
    if let Some(b) = &r.baseline {
        let then = b
            .score
            .map(|s| t!(l, "report-md-score-then", score = s))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{} {} ({} {}){then}\n",
            t!(l, "report-md-compared"),
            code(&b.file, false),
            t!(l, "report-md-saved"),
            esc(&crate::localtime::rfc3339_for_reader(&b.created_at, zone))
        );
    }

    let counting: Vec<_> = r.findings.iter().filter(|f| f.counts()).collect();
    if r.findings.is_empty() {
        let none = super::text::no_findings(r);
        // The green tick is for an all-clear of everything; not for a run
        // in which some or all checks could not run.
        let mark = if r.coverage.evaluated == r.coverage.total && r.coverage.total > 0 {
            "✅"
        } else {
            "ℹ️"
        };
        let _ = writeln!(o, "{mark} {}\n", esc(&none));
    } else {
        let waived = r.findings.len() - counting.len();
        let _ = write!(
            o,
            "### {}",
            t!(
                l,
                "report-text-count",
                label = t!(l, "report-findings"),
                n = counting.len().to_string()
            )
        );
        if waived > 0 {
            let _ = write!(o, " {}", t!(l, "report-md-waived-count", n = waived));
        }
        let _ = writeln!(o, "\n");
        let with_baseline = r.baseline.is_some();
        let _ = write!(
            o,
            "| | {} | {} | {} |",
            t!(l, "report-md-severity"),
            t!(l, "report-md-rule"),
            t!(l, "report-md-finding")
        );
        if with_baseline {
            let _ = write!(o, " {} |", t!(l, "report-md-baseline"));
        }
        let _ = writeln!(
            o,
            "\n|---|---|---|---|{}",
            if with_baseline { "---|" } else { "" }
        );
        for f in &r.findings {
            let mut title = esc(&f.title);
            if f.waived.is_some() {
                title = format!("~~{title}~~ {}", t!(l, "report-md-waived-mark"));
            }
            let _ = write!(
                o,
                "| {} | {} | {} | {title} |",
                icon(f.severity),
                super::text::sev_word(f.severity, l),
                esc(&f.id)
            );
            if with_baseline {
                let state = match f.baseline {
                    Some(BaselineState::New) => format!("**{}**", t!(l, "report-md-new")),
                    Some(BaselineState::Existing) => t!(l, "report-md-existing"),
                    None => String::new(),
                };
                let _ = write!(o, " {state} |");
            }
            let _ = writeln!(o);
        }
        let _ = writeln!(o);

        for f in &r.findings {
            let _ = writeln!(
                o,
                "#### {} {} · {} · {}\n",
                icon(f.severity),
                super::text::sev_label(f.severity, l),
                esc(&f.id),
                esc(&f.title)
            );
            if let Some(w) = &f.waived {
                let until = w
                    .expires
                    .as_ref()
                    .map(|d| t!(l, "report-md-until", date = d))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "> {}: {}{until}\n",
                    t!(l, "report-md-waived"),
                    code(&w.reason, false)
                );
            }
            if f.source == Source::Declared {
                let on = f.declared_on.as_deref().unwrap_or("?");
                let _ = writeln!(o, "_{}_\n", t!(l, "report-md-declared", date = on));
            }
            let _ = writeln!(o, "{}\n", esc(&f.risk));
            if !f.changes.is_empty() {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} |\n|---|---|---|",
                    t!(l, "report-md-changed"),
                    t!(l, "report-md-baseline"),
                    t!(l, "report-md-now")
                );
                for c in &f.changes {
                    let _ = writeln!(
                        o,
                        "| {} | {} | {} |",
                        code(&c.label, true),
                        code(&local(&c.old), true),
                        code(&local(&c.new), true)
                    );
                }
                let _ = writeln!(o);
            } else if !f.evidence.is_empty() {
                let _ = writeln!(o, "**{}**\n", t!(l, "report-evidence"));
                for e in &f.evidence {
                    let _ = writeln!(o, "- {}", code(&local(e), false));
                }
                let _ = writeln!(o);
            }
            if !f.lookalikes.is_empty() {
                let _ = writeln!(o, "**{}**\n", esc(&t!(l, "report-pairs-compare")));
                for p in &f.lookalikes {
                    let labels = crate::report::text::pair_labels(p, l);
                    let _ = writeln!(
                        o,
                        "{}",
                        crate::address::diff::markdown([&labels[0], &labels[1]], p, 80)
                    );
                }
            }
            let pts = if f.points > 0 {
                t!(l, "report-md-points", points = f.points)
            } else {
                String::new()
            };
            let _ = writeln!(o, "**{}**{pts}\n", t!(l, "report-fix"));
            for (i, step) in f.remediation.iter().enumerate() {
                let _ = writeln!(o, "{}. {}", i + 1, esc(step));
            }
            if !f.references.is_empty() {
                let refs: Vec<String> = f
                    .references
                    .iter()
                    .map(|u| format!("<{}>", crate::i18n::link(l, u)))
                    .collect();
                let refs = t!(
                    l,
                    "report-text-labelled",
                    label = t!(l, "report-md-references"),
                    text = refs.join(" · ")
                );
                let _ = writeln!(o, "\n{refs}");
            }
            let _ = writeln!(o);
        }
    }

    if !r.not_checked.is_empty() {
        let _ = writeln!(
            o,
            "### {} ({})\n",
            t!(l, "report-not-checked"),
            r.not_checked.len()
        );
        let mut by_reason: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for n in &r.not_checked {
            by_reason.entry(&n.reason).or_default().push(&n.id);
        }
        for (reason, ids) in by_reason {
            let ids: Vec<String> = ids.iter().map(|i| code(i, false)).collect();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let _ = writeln!(o, "- {} — {}", esc(reason), crate::i18n::join(l, &ids));
        }
        let _ = writeln!(o);
    }

    if !r.waivers.is_empty() {
        let _ = writeln!(
            o,
            "### {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
            t!(l, "report-waivers"),
            t!(l, "report-md-rule"),
            t!(l, "report-md-status"),
            t!(l, "report-md-reason"),
            t!(l, "report-md-expires")
        );
        for w in &r.waivers {
            let status = match w.status {
                WaiverStatus::Active => t!(l, "report-waiver-active"),
                WaiverStatus::Expired => format!("⚠️ **{}**", t!(l, "report-waiver-expired")),
                WaiverStatus::Unused => format!("⚠️ {}", t!(l, "report-waiver-unused")),
            };
            let _ = writeln!(
                o,
                "| {} | {status} | {} | {} |",
                code(&w.rule, true),
                code(&w.reason, true),
                w.expires.as_deref().map(esc).unwrap_or_else(|| "—".into())
            );
        }
        let _ = writeln!(o);
    }

    let _ = writeln!(
        o,
        "### {}\n\n| {} | {} | {} |\n|---|---|---|",
        t!(l, "report-checks"),
        t!(l, "report-md-check"),
        t!(l, "report-md-state"),
        t!(l, "report-md-detail")
    );
    for c in &r.checks {
        let state = match c.state {
            CheckState::Ran => format!("✅ {}", t!(l, "report-check-ran")),
            CheckState::Skipped => format!("⏭️ {}", t!(l, "report-check-skipped")),
            CheckState::Failed => format!("❌ **{}**", t!(l, "report-check-failed")),
        };
        let _ = writeln!(
            o,
            "| {} | {state} | {} |",
            esc(&c.check),
            esc(&local(&c.detail))
        );
    }
    let _ = writeln!(o);

    if !r.warnings.is_empty() {
        let _ = writeln!(o, "### {}\n", t!(l, "report-md-warnings"));
        for w in &r.warnings {
            let _ = writeln!(o, "- ⚠️ {}", esc(w));
        }
        let _ = writeln!(o);
    }

    if !r.passed.is_empty() {
        let ids: Vec<String> = r.passed.iter().map(|p| code(&p.id, false)).collect();
        let _ = writeln!(
            o,
            "{} ({}): {}\n",
            t!(l, "report-md-passed"),
            r.passed.len(),
            ids.join(", ")
        );
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_text_cannot_become_markup() {
        assert_eq!(esc("[x](http://e) <b>*"), "\\[x\\](http://e) \\<b\\>\\*");
        assert_eq!(code("a`b", false), "``a`b``");
        assert_eq!(code("`x", false), "`` `x ``");
        assert_eq!(code("a|b\nc", true), "`a\\|b c`");
    }
}
