//! The terminal report. Worst news first, then what could not be checked and
//! how to enable it, then what passed.

use std::collections::BTreeMap;
use std::fmt::Write;

use colored::{ColoredString, Colorize};

use super::{BaselineState, Coverage, Report, Source, WaiverStatus};
use crate::collect::CheckState;
use crate::i18n::{Lang, Msg};
use crate::rules::Severity;
use crate::t;
use crate::text::fill;

pub use super::format::RenderOptions as Options;

/// Severity as a person reads it, in the report's language (`CRITICAL`).
pub fn sev_label(s: Severity, l: Lang) -> String {
    Msg::keyed("report-severity-", s.as_str()).render(l)
}

/// The quieter form, for a table column (`critical`).
pub fn sev_word(s: Severity, l: Lang) -> String {
    Msg::keyed("report-severity-quiet-", s.as_str()).render(l)
}

fn sev(s: Severity, l: Lang) -> ColoredString {
    let label = crate::text::pad(&sev_label(s, l), 8) + " ";
    match s {
        Severity::Critical => label.red().bold(),
        Severity::High => label.red(),
        Severity::Medium => label.yellow(),
        Severity::Low => label.blue(),
        Severity::Info => label.normal(),
    }
}

/// The report a person reads: title; what made the run incomplete; the
/// grade (or why there is none, and what would give one); the three fixes
/// worth most; each finding with its fix; one merged "not checked" list.
/// Details (why, evidence, references, passed checks, network) only with
/// `-v`. Every line fits `opts.width` columns by display width.
pub fn render(r: &Report, opts: &Options) -> String {
    let l = r.lang;
    let w = opts.width;
    let mut o = String::new();
    if opts.quiet {
        banner(&mut o, r, w);
        let _ = writeln!(o, "{}", grade_line(r));
        return o;
    }
    let title = format!(
        "binance-audit {} — {}{}",
        r.tool_version,
        t!(l, "report-text-title"),
        r.profile
            .as_ref()
            .map(|p| format!(" [{}]", crate::text::escape(p, 60)))
            .unwrap_or_default()
    );
    let _ = writeln!(o, "{}", fill("", 0, 2, &title, w).bold());
    let when = crate::localtime::rfc3339_for_reader(&r.generated_at, &opts.zone);
    let _ = writeln!(o, "{}", when.dimmed());
    banner(&mut o, r, w);
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", grade_line(r));
    if !r.next_steps.is_empty() {
        let _ = writeln!(o, "{}", fill("", 0, 2, &t!(l, "report-text-next-steps"), w));
        for step in &r.next_steps {
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, step, w));
        }
    }

    if let Some(p) = &r.password {
        password_section(&mut o, p, l, w);
    }

    let first: Vec<&super::Finding> = {
        let mut v: Vec<&super::Finding> = r
            .findings
            .iter()
            .filter(|f| f.counts() && f.points > 0)
            .collect();
        v.sort_by(|a, b| b.points.cmp(&a.points).then(b.severity.cmp(&a.severity)));
        v.truncate(3);
        v
    };
    if first.len() > 1 {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", t!(l, "report-text-do-first").bold());
        for (i, f) in first.iter().enumerate() {
            let line = t!(
                l,
                "report-text-do-first-item",
                title = &f.title,
                points = f.points,
                id = &f.id
            );
            let _ = writeln!(o, "{}", fill(&format!("  {}. ", i + 1), 5, 5, &line, w));
        }
    }

    let _ = writeln!(o);
    if r.findings.is_empty() {
        let none = no_findings(r);
        let _ = writeln!(o, "{}", fill("", 0, 0, &none, w).green());
    } else {
        let waived = r.findings.iter().filter(|f| f.waived.is_some()).count();
        let extra = match waived {
            0 => String::new(),
            n => t!(l, "report-text-waived-count", n = n),
        };
        let _ = writeln!(
            o,
            "{}",
            count(
                l,
                &t!(l, "report-findings"),
                format!("{}{extra}", r.findings.len())
            )
            .bold()
        );
    }
    for f in &r.findings {
        finding(&mut o, f, l, opts);
    }

    if !r.not_checked.is_empty() {
        let _ = writeln!(o);
        let head = count(l, &t!(l, "report-not-checked"), r.not_checked.len());
        let _ = writeln!(o, "{}", head.bold().yellow());
        // Each reason once: twelve API rules share one missing key.
        let mut by_reason: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for n in &r.not_checked {
            by_reason.entry(&n.reason).or_default().push(&n.id);
        }
        for (reason, ids) in by_reason {
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, reason, w));
            let ids = crate::i18n::join(l, &ids);
            let _ = writeln!(o, "{}", fill("    ", 4, 4, &ids, w).dimmed());
        }
    }
    if !r.not_applicable.is_empty() {
        let _ = writeln!(o);
        let head = count(
            l,
            &t!(l, "report-text-not-applicable"),
            r.not_applicable.len(),
        );
        let _ = writeln!(o, "{}", head.bold());
        for n in &r.not_applicable {
            let line = format!("{}  {} — {}", n.id, n.title, n.reason);
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, &line, w));
        }
    }

    if opts.verbose {
        details(&mut o, r, l, w, &opts.zone);
    }

    if !r.waivers.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", t!(l, "report-waivers").bold());
        for wv in &r.waivers {
            let status = match wv.status {
                WaiverStatus::Active => t!(l, "report-waiver-active"),
                WaiverStatus::Expired => t!(l, "report-text-waiver-expired"),
                WaiverStatus::Unused => t!(l, "report-waiver-unused"),
            };
            let until = wv
                .expires
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let line = format!("{} {status}{until}  {}", wv.rule, wv.reason);
            let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
        }
    }

    for warning in &r.warnings {
        let _ = writeln!(o);
        let label = t!(l, "report-text-warning");
        let prefix = format!("{} ", label.yellow().bold());
        let _ = writeln!(
            o,
            "{}",
            fill(&prefix, crate::text::width(&label) + 1, 2, warning, w)
        );
    }

    if opts.verbose {
        let _ = writeln!(o);
        network_section(&mut o, &r.network, l, w);
    }
    o
}

/// "INCOMPLETE — breach: lookup failed …", one line per check that could not
/// complete, right under the title: a run that could not look must never
/// read like one that looked and found nothing.
fn banner(o: &mut String, r: &Report, w: usize) {
    for why in &r.incomplete {
        let label = t!(r.lang, "report-text-incomplete");
        let prefix = format!("{} — ", label.red().bold());
        let _ = writeln!(
            o,
            "{}",
            fill(&prefix, crate::text::width(&label) + 3, 2, why, w)
        );
    }
}

/// The one line `-q` prints: the grade and coverage, or why there is no grade.
pub fn grade_line(r: &Report) -> String {
    let l = r.lang;
    let coverage = coverage(r);
    match (r.score, r.grade) {
        (Some(s), Some(g)) => {
            let head = format!(
                "{} {s}/100  {} {}",
                t!(l, "report-score"),
                t!(l, "report-grade"),
                g.as_str()
            );
            let head = match g {
                crate::score::Grade::A | crate::score::Grade::B => head.green().bold(),
                crate::score::Grade::C => head.yellow().bold(),
                _ => head.red().bold(),
            };
            t!(
                l,
                "report-text-score-coverage",
                head = head.to_string(),
                coverage = coverage
            )
        }
        _ => {
            let head = t!(l, "report-not-graded").yellow().bold();
            match r.not_graded.as_deref() {
                Some(why) => format!("{head} — {why}"),
                None => format!("{head} — {coverage}"),
            }
        }
    }
}

/// What an empty list of findings means, and no more: nothing at 0 checks,
/// and the checks that did not run named beside an all-clear (issue 22).
/// Shared with the Markdown report.
pub(super) fn no_findings(r: &Report) -> String {
    let Coverage { evaluated, total } = r.coverage;
    match (evaluated, total.saturating_sub(evaluated)) {
        (0, _) => t!(r.lang, "report-nothing-checked"),
        (_, 0) => t!(r.lang, "report-no-findings"),
        (ran, not_checked) => t!(
            r.lang,
            "report-no-findings-partial",
            ran = ran,
            not_checked = not_checked
        ),
    }
}

/// "13 of 14 checks ran", shared with the Markdown report.
pub(super) fn coverage(r: &Report) -> String {
    t!(
        r.lang,
        "report-coverage",
        evaluated = r.coverage.evaluated,
        total = r.coverage.total
    )
}

fn finding(o: &mut String, f: &super::Finding, l: Lang, opts: &Options) {
    let w = opts.width;
    let _ = writeln!(o);
    let new = if f.baseline == Some(BaselineState::New) {
        format!("{} ", t!(l, "report-text-new"))
    } else {
        String::new()
    };
    // Only findings a setting fixes promise points.
    let pts = match f.points {
        0 => String::new(),
        p => t!(l, "report-text-points", points = p),
    };
    let label = format!("{:<8} ", sev_label(f.severity, l));
    let head = format!("{new}{} {}{pts}", f.id, f.title);
    let _ = writeln!(
        o,
        "{}",
        fill(
            &sev(f.severity, l).to_string(),
            crate::text::width(&label),
            2,
            &head,
            w
        )
    );
    if let Some(wv) = &f.waived {
        let until = wv
            .expires
            .as_ref()
            .map(|d| format!(" ({} {d})", t!(l, "report-until")))
            .unwrap_or_default();
        let line = format!("{}: {}{until}", t!(l, "report-text-waived"), wv.reason);
        let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w).cyan());
    }
    if f.source == Source::Declared {
        let on = f.declared_on.as_deref().unwrap_or("?");
        let line = t!(l, "report-text-declared", date = on);
        let _ = writeln!(o, "{}", fill("  ", 2, 2, &line, w).cyan());
    }
    if opts.verbose {
        let why = labelled(l, &t!(l, "report-text-why"), &f.risk);
        let _ = writeln!(o, "{}", fill("  ", 2, 4, &why, w));
    }
    // Evidence of a drift finding is the change itself: always shown.
    if opts.verbose || !f.changes.is_empty() {
        for e in &f.evidence {
            let e = crate::localtime::localize(e, &opts.zone);
            let line = labelled(l, &t!(l, "report-evidence"), &e);
            let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
        }
    }
    // The steps say "compare each pair below": the pairs are always shown.
    if !f.lookalikes.is_empty() {
        let head = t!(l, "report-pairs-compare");
        let _ = writeln!(o, "{}", fill("  ", 2, 4, &head, w));
        for p in &f.lookalikes {
            let labels = pair_labels(p, l);
            for line in crate::address::diff::lines([&labels[0], &labels[1]], p, 4, w) {
                let _ = match line {
                    crate::address::diff::Line::Address(s) => writeln!(o, "{s}"),
                    crate::address::diff::Line::Carets(s) => writeln!(o, "{}", s.red().bold()),
                };
            }
        }
    }
    let _ = writeln!(o, "  {}", labelled(l, &t!(l, "report-fix"), "").trim_end());
    for (i, step) in f.remediation.iter().enumerate() {
        let _ = writeln!(o, "{}", fill(&format!("    {}. ", i + 1), 7, 7, step, w));
    }
    if opts.verbose {
        for r in &f.references {
            let r = crate::i18n::link(l, r);
            let _ = writeln!(o, "{}", fill("    ", 4, 4, &r, w).dimmed());
        }
    }
}

/// Longest address-book name kept in a pair's label: the address must keep
/// most of the line.
const PAIR_NAME: usize = 20;

/// What each address of a pair is ("saved "cold"", "sent to"), or its
/// place when the pair does not say.
pub(crate) fn pair_labels(p: &crate::address::diff::Pair, l: Lang) -> [String; 2] {
    let Some(roles) = p.roles else {
        return [t!(l, "report-pair-first"), t!(l, "report-pair-second")];
    };
    let names = p.names.clone().unwrap_or_default();
    [0, 1].map(|i| {
        let role = crate::i18n::Msg::keyed("report-pair-", roles[i].key()).render(l);
        match crate::text::escape(names[i].trim(), PAIR_NAME) {
            n if n.is_empty() => role,
            n => t!(l, "report-pair-named", role = role, name = n),
        }
    })
}

fn password_section(o: &mut String, p: &crate::report::PasswordDetails, l: Lang, w: usize) {
    let _ = writeln!(o);
    let head = t!(l, "report-text-password-head");
    let _ = writeln!(o, "{}", fill("", 0, 2, &head, w).bold());
    let line = format!(
        "{} {}/4    {} 10^{:.1}",
        t!(l, "report-text-password-score"),
        p.score,
        t!(l, "report-text-password-guesses"),
        p.guesses_log10
    );
    let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
    let online = labelled(
        l,
        &t!(l, "report-text-password-online"),
        &p.crack_time_online_throttled.display,
    );
    let _ = writeln!(o, "{}", fill("  ", 2, 4, &online, w));
    let offline = labelled(
        l,
        &t!(l, "report-text-password-offline"),
        &p.crack_time_offline_slow_hash.display,
    );
    let _ = writeln!(o, "{}", fill("  ", 2, 4, &offline, w));
    if let Some(warn) = &p.warning {
        let label = t!(l, "report-text-password-warning");
        let prefix = format!("  {}", labelled(l, &label.yellow().to_string(), ""));
        let _ = writeln!(
            o,
            "{}",
            fill(&prefix, crate::text::width(&label) + 4, 4, warn, w)
        );
    }
    for s in &p.suggestions {
        let _ = writeln!(o, "{}", fill("  - ", 4, 4, s, w));
    }
}

/// `-v`: every check's state, what passed, what a worse rule superseded,
/// what the user declared.
fn details(o: &mut String, r: &Report, l: Lang, w: usize, zone: &jiff::tz::TimeZone) {
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", t!(l, "report-checks").bold());
    for c in &r.checks {
        let state = match c.state {
            CheckState::Ran => t!(l, "report-check-ran"),
            CheckState::Skipped => t!(l, "report-check-skipped"),
            CheckState::Failed => t!(l, "report-text-check-failed"),
        };
        let detail = crate::localtime::localize(&c.detail, zone);
        let line = labelled(l, &format!("{} {state}", c.check), &detail);
        let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
    }
    if !r.passed.is_empty() {
        let _ = writeln!(o);
        let head = count(l, &t!(l, "report-text-passed"), r.passed.len());
        let _ = writeln!(o, "{}", head.bold().green());
        for p in &r.passed {
            let line = format!("{}  {}", p.id, p.passed);
            let _ = writeln!(o, "{}", fill("  ✓ ", 4, 4, &line, w));
        }
    }
    if !r.superseded.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", t!(l, "report-text-superseded").bold());
        for s in &r.superseded {
            let line = t!(l, "report-text-superseded-item", id = &s.id, by = &s.by);
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, &line, w));
        }
    }
    let declared: Vec<_> = r.facts.iter().filter(|f| f.source == "declared").collect();
    if !declared.is_empty() {
        let _ = writeln!(o);
        let head = t!(l, "report-text-declared-head");
        let _ = writeln!(o, "{}", fill("", 0, 2, &head, w).bold());
        for f in declared {
            let v = f.value.as_ref().map(|v| v.to_string()).unwrap_or_default();
            let line = format!(
                "{} = {v}  ({})",
                f.name,
                f.declared_on.as_deref().unwrap_or("")
            );
            let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
        }
    }
}

/// Every request that left the machine, or that none did; shared with the
/// `--stdin-list` report so both say it the same way.
/// The requests made, one line each; a line too wide for `w` columns goes
/// on under its path (which is never cut).
pub fn network_section(o: &mut String, network: &[crate::net::NetRequest], l: Lang, w: usize) {
    let _ = writeln!(
        o,
        "{}",
        count(
            l,
            &t!(l, "report-text-network").bold().to_string(),
            network.len()
        )
    );
    if network.is_empty() {
        let _ = writeln!(o, "  {}", t!(l, "report-text-network-none"));
    }
    for n in network {
        let tries = match n.tries {
            0 | 1 => String::new(),
            t => t!(l, "report-text-network-tries", tries = t),
        };
        // Binance's purposes are the Binance layer's words; others (Pwned
        // Passwords) the network door's.
        let purpose = crate::collect::binance::Purpose::from_label(&n.purpose)
            .map(|p| p.msg())
            .unwrap_or_else(|| n.purpose_msg())
            .render(l);
        let line = format!("  {} {}{}  — {purpose}{tries}", n.method, n.host, n.path);
        let _ = writeln!(o, "{}", crate::text::wrap(&line, 2, w));
    }
}

/// "Label (n)" with the reader's own parentheses (full-width in Japanese).
fn count(l: Lang, label: &str, n: impl std::fmt::Display) -> String {
    t!(l, "report-text-count", label = label, n = n.to_string())
}

/// "Label: text" with the reader's own colon (full-width in Japanese).
fn labelled(l: Lang, label: &str, text: &str) -> String {
    t!(l, "report-text-labelled", label = label, text = text)
}
