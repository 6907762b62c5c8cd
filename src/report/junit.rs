//! JUnit XML, the format every CI system can display: one test case per rule.
//! A finding is a failure, a rule that could not be evaluated is skipped
//! (with the reason), a waived finding is skipped (with the waiver's reason),
//! a passed rule is a plain test case.

use std::fmt::Write;

use super::Report;
use crate::t;

/// Escape for XML text and attribute values. Characters XML 1.0 cannot
/// carry at all (most C0 controls) are dropped rather than breaking the file.
pub fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}

struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

fn counts(r: &Report) -> Counts {
    let failures = r.findings.iter().filter(|f| f.counts()).count();
    let waived = r.findings.len() - failures;
    Counts {
        tests: r.findings.len() + r.not_checked.len() + r.passed.len() + r.incomplete.len(),
        failures,
        // A check that could not complete is an errored test case, so a CI
        // dashboard never shows an incomplete run as green.
        errors: r.incomplete.len(),
        skipped: r.not_checked.len() + waived,
    }
}

/// One report as a JUnit document.
pub fn render(r: &Report) -> String {
    render_many(std::slice::from_ref(r))
}

/// Several reports (`--all-profiles`): one test suite per account.
pub fn render_many(reports: &[Report]) -> String {
    let all: Vec<Counts> = reports.iter().map(counts).collect();
    let sum = |f: fn(&Counts) -> usize| all.iter().map(f).sum::<usize>();
    let (tests, failures, errors, skipped) = (
        sum(|c| c.tests),
        sum(|c| c.failures),
        sum(|c| c.errors),
        sum(|c| c.skipped),
    );
    let mut o = String::new();
    let _ = writeln!(o, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        o,
        r#"<testsuites name="binance-audit" tests="{tests}" failures="{failures}" errors="{errors}" skipped="{skipped}">"#
    );
    for (r, c) in reports.iter().zip(&all) {
        suite(&mut o, r, c);
    }
    let _ = writeln!(o, "</testsuites>");
    o
}

fn suite(o: &mut String, r: &Report, c: &Counts) {
    let suite = match &r.profile {
        Some(p) => format!("binance-audit [{p}]"),
        None => "binance-audit".to_string(),
    };
    let _ = writeln!(
        o,
        r#"  <testsuite name="{}" tests="{}" failures="{}" errors="{}" skipped="{}" timestamp="{}">"#,
        xml(&suite),
        c.tests,
        c.failures,
        c.errors,
        c.skipped,
        // The Ant JUnit schema's timestamp has no zone designator; the exact
        // UTC time is kept in the generated_at property.
        xml(r.generated_at.trim_end_matches('Z'))
    );
    let _ = writeln!(o, "    <properties>");
    let prop = |o: &mut String, k: &str, v: &str| {
        let _ = writeln!(
            o,
            r#"      <property name="{}" value="{}"/>"#,
            xml(k),
            xml(v)
        );
    };
    prop(o, "tool_version", &r.tool_version);
    prop(o, "generated_at", &r.generated_at);
    if let Some(s) = r.score {
        prop(o, "score", &s.to_string());
    }
    if let Some(g) = r.grade {
        prop(o, "grade", g.as_str());
    }
    prop(
        o,
        "coverage",
        &format!("{}/{}", r.coverage.evaluated, r.coverage.total),
    );
    if let Some(b) = &r.baseline {
        prop(o, "baseline", &b.file);
    }
    let _ = writeln!(o, "    </properties>");

    let case = |category: &str, id: &str, title: &str| {
        format!(
            r#"    <testcase classname="binance-audit.{}" name="{}: {}""#,
            xml(category),
            xml(id),
            xml(title)
        )
    };
    for why in &r.incomplete {
        let check = why.split(':').next().unwrap_or("check");
        let title = t!(r.lang, "report-junit-incomplete");
        let _ = writeln!(o, "{}>", case("check", check, &title));
        let _ = writeln!(
            o,
            r#"      <error message="{}" type="incomplete"/>"#,
            xml(why)
        );
        let _ = writeln!(o, "    </testcase>");
    }
    for f in &r.findings {
        let _ = writeln!(o, "{}>", case(f.category.as_str(), &f.id, &f.title));
        if let Some(w) = &f.waived {
            let until = w
                .expires
                .as_ref()
                .map(|d| format!(" ({} {d})", t!(r.lang, "report-until")))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                r#"      <skipped message="{}"/>"#,
                xml(&format!(
                    "{}: {}{until}",
                    t!(r.lang, "report-junit-waived"),
                    w.reason
                ))
            );
        } else {
            let mut body = format!("{}\n", f.risk);
            for e in &f.evidence {
                body.push_str(&format!("{}: {e}\n", t!(r.lang, "report-junit-evidence")));
            }
            for (i, step) in f.remediation.iter().enumerate() {
                body.push_str(&format!(
                    "{} {}. {step}\n",
                    t!(r.lang, "report-junit-fix"),
                    i + 1
                ));
            }
            for u in &f.references {
                body.push_str(&format!(
                    "{} {}\n",
                    t!(r.lang, "report-junit-see"),
                    crate::i18n::link(r.lang, u)
                ));
            }
            let _ = writeln!(
                o,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                xml(&f.title),
                f.severity,
                xml(&body)
            );
        }
        let _ = writeln!(o, "    </testcase>");
    }
    for n in &r.not_checked {
        let _ = writeln!(o, "{}>", case(n.category.as_str(), &n.id, &n.title));
        let _ = writeln!(
            o,
            r#"      <skipped message="{}"/>"#,
            xml(&format!(
                "{}: {}",
                t!(r.lang, "report-junit-not-checked"),
                n.reason
            ))
        );
        let _ = writeln!(o, "    </testcase>");
    }
    for p in &r.passed {
        let _ = writeln!(o, "{}/>", case(p.category.as_str(), &p.id, &p.passed));
    }
    let _ = writeln!(o, "  </testsuite>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_illegal_characters() {
        assert_eq!(xml("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }
}
