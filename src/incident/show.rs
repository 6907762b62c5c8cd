//! A playbook as text, Markdown or JSON, in one language, with the checklist
//! state next to each step when an incident log exists.

use std::io::Write;

use colored::Colorize;
use serde::Serialize;

use super::checklist::IncidentLog;
use super::playbook::{Channel, Playbook, Step, Urgency};
use crate::i18n::Lang;
use crate::t;

use crate::report::SCHEMA_VERSION;

/// How far back a playbook's suggested evidence command looks.
const SUGGESTED_DAYS: i64 = 7;

/// A step's command with `{since}` made local midnight a week before `now`,
/// with the offset (`2026-11-30T00:00+09:00`): a fixed date in a playbook
/// would be wrong for every incident but one, and a bare `Z` would be
/// midnight somewhere else.
pub fn command_on(command: &str, now: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
    let since = crate::localtime::since_days_ago(SUGGESTED_DAYS, now, zone);
    command.replace("{since}", &since)
}

/// [`command_on`] now, in this machine's zone.
fn command_now(command: &str) -> String {
    command_on(
        command,
        jiff::Timestamp::now(),
        &crate::localtime::reader_zone(),
    )
}

fn command(step: &Step) -> Option<String> {
    step.command.as_deref().map(command_now)
}

fn urgency_tag(u: Urgency, lang: Lang) -> String {
    let tag = format!("[{}]", u.label().render(lang));
    match u {
        Urgency::Now => tag.red().bold().to_string(),
        Urgency::Today => tag.yellow().to_string(),
        Urgency::Soon => tag,
    }
}

fn state_note(log: Option<&IncidentLog>, step: &Step, lang: Lang) -> Option<String> {
    let e = log?.latest(&step.id)?;
    Some(format!(
        "{} {}",
        e.state.label().render(lang),
        crate::localtime::for_reader(
            crate::localtime::from_chrono(e.at),
            &crate::localtime::reader_zone()
        )
    ))
}

/// One step as the checklist and the text view print it.
pub fn step_text(
    out: &mut dyn Write,
    n: usize,
    total: usize,
    step: &Step,
    lang: Lang,
    state: Option<&str>,
    width: usize,
) -> std::io::Result<()> {
    use crate::text::{fill, width as cols};
    let mark = state.map(|s| format!("  ({s})")).unwrap_or_default();
    let tag = format!("[{}]", step.urgency.label().render(lang));
    let prefix = format!("{n:>2}/{total} {} ", urgency_tag(step.urgency, lang));
    let head = format!("{}{mark}  [{}]", step.title.get(lang), step.id);
    let lead = cols(&format!("{n:>2}/{total} {tag} "));
    writeln!(out, "{}", fill(&prefix, lead, 6, &head, width))?;
    let field = |name: &str, value: &str| {
        let prefix = format!("      {name} ");
        fill(&prefix, cols(&prefix), 13, value, width)
    };
    writeln!(
        out,
        "{}",
        field(&t!(lang, "incident-show-why"), step.why.get(lang))
    )?;
    writeln!(
        out,
        "{}",
        field(&t!(lang, "incident-show-where"), step.place.get(lang))
    )?;
    // Commands and links are copied as they are: never wrapped, but moved
    // to a line of their own when they do not fit beside the label.
    let verbatim = |out: &mut dyn Write, name: &str, value: &str, shell: bool| {
        let line = format!("      {name} {value}");
        if cols(&line) <= width {
            writeln!(out, "{line}")
        } else if shell {
            writeln!(
                out,
                "      {name}\n{}",
                crate::text::command(value, 2, width)
            )
        } else {
            writeln!(out, "      {name}\n  {value}")
        }
    };
    if let Some(c) = command(step) {
        verbatim(out, &t!(lang, "incident-show-run"), &c, true)?;
    }
    for l in &step.links {
        verbatim(out, &t!(lang, "incident-show-link"), l, false)?;
    }
    Ok(())
}

pub fn channels_text(channels: &[Channel], lang: Lang) -> String {
    let mut o = String::new();
    if channels.is_empty() {
        return o;
    }
    let head = t!(lang, "incident-show-channels-head");
    o.push_str(&crate::text::fill("", 0, 2, &head, 80));
    o.push('\n');
    for c in channels {
        o.push_str(&format!("  - {}\n    {}\n", c.name.get(lang), c.url));
    }
    o
}

pub fn text(
    p: &Playbook,
    log: Option<&IncidentLog>,
    channels: &[Channel],
    lang: Lang,
    width: usize,
) -> String {
    let mut out = Vec::new();
    let _ = render_text(&mut out, p, log, channels, lang, width);
    String::from_utf8_lossy(&out).into_owned()
}

fn render_text(
    out: &mut Vec<u8>,
    p: &Playbook,
    log: Option<&IncidentLog>,
    channels: &[Channel],
    lang: Lang,
    width: usize,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        crate::text::fill("", 0, 0, p.title.get(lang), width).bold()
    )?;
    writeln!(
        out,
        "{}\n",
        crate::text::fill("", 0, 0, p.summary.get(lang), width)
    )?;
    let total = p.steps.len();
    for (i, s) in p.steps.iter().enumerate() {
        step_text(
            out,
            i + 1,
            total,
            s,
            lang,
            state_note(log, s, lang).as_deref(),
            width,
        )?;
        writeln!(out)?;
    }
    write!(out, "{}", channels_text(channels, lang))?;
    let k = p.kind;
    let evidence = command_now(&format!(
        "binance-audit incident {k} --since {{since}} --out DIR"
    ));
    writeln!(out)?;
    // The commands on lines of their own: copied whole, never wrapped.
    writeln!(
        out,
        "{}\n  binance-audit incident {k} --checklist",
        t!(lang, "incident-show-walk-steps")
    )?;
    writeln!(
        out,
        "{}\n{}",
        t!(lang, "incident-show-collect-evidence"),
        crate::text::command(&evidence, 2, width)
    )?;
    Ok(())
}

pub fn markdown(
    p: &Playbook,
    log: Option<&IncidentLog>,
    channels: &[Channel],
    lang: Lang,
) -> String {
    let mut o = format!("# {}\n\n{}\n\n", p.title.get(lang), p.summary.get(lang));
    for (i, s) in p.steps.iter().enumerate() {
        let entry = log.and_then(|l| l.latest(&s.id));
        let box_ = if entry.is_some() { "x" } else { " " };
        let note = state_note(log, s, lang)
            .map(|n| format!(" — _{n}_"))
            .unwrap_or_default();
        o.push_str(&format!(
            "- [{box_}] **{}. {}** ({}){note}\n",
            i + 1,
            s.title.get(lang),
            s.urgency.label().render(lang)
        ));
        o.push_str(&format!(
            "  - {} {}\n  - {} {}\n",
            t!(lang, "incident-md-why"),
            s.why.get(lang),
            t!(lang, "incident-md-where"),
            s.place.get(lang)
        ));
        if let Some(c) = command(s) {
            o.push_str(&format!("  - {} `{c}`\n", t!(lang, "incident-md-run")));
        }
        for l in &s.links {
            o.push_str(&format!("  - <{l}>\n"));
        }
    }
    if !channels.is_empty() {
        o.push_str(&format!("\n## {}\n\n", t!(lang, "incident-md-channels")));
        for c in channels {
            o.push_str(&format!("- [{}]({})\n", c.name.get(lang), c.url));
        }
    }
    o
}

#[derive(Serialize)]
struct JsonPlaybook<'a> {
    schema_version: u32,
    kind: &'a str,
    lang: &'a str,
    title: &'a str,
    summary: &'a str,
    steps: Vec<JsonStep<'a>>,
    channels: Vec<JsonChannel<'a>>,
    /// The incident log shown, when there is one.
    log: Option<String>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    number: usize,
    id: &'a str,
    urgency: &'a str,
    title: &'a str,
    why: &'a str,
    #[serde(rename = "where")]
    place: &'a str,
    command: Option<String>,
    links: &'a [String],
    state: Option<&'a str>,
    recorded_at: Option<String>,
}

#[derive(Serialize)]
struct JsonChannel<'a> {
    name: &'a str,
    url: &'a str,
}

pub fn json(
    p: &Playbook,
    log: Option<&IncidentLog>,
    log_path: Option<&std::path::Path>,
    channels: &[Channel],
    lang: Lang,
) -> String {
    let doc = JsonPlaybook {
        schema_version: SCHEMA_VERSION,
        kind: p.kind.as_str(),
        lang: lang.code(),
        title: p.title.get(lang),
        summary: p.summary.get(lang),
        steps: p
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let e = log.and_then(|l| l.latest(&s.id));
                JsonStep {
                    number: i + 1,
                    id: &s.id,
                    urgency: s.urgency.as_str(),
                    title: s.title.get(lang),
                    why: s.why.get(lang),
                    place: s.place.get(lang),
                    command: command(s),
                    links: &s.links,
                    state: e.map(|e| e.state.as_str()),
                    recorded_at: e.map(|e| e.at.to_rfc3339()),
                }
            })
            .collect(),
        channels: channels
            .iter()
            .map(|c| JsonChannel {
                name: c.name.get(lang),
                url: &c.url,
            })
            .collect(),
        log: log.and(log_path).map(|p| p.display().to_string()),
    };
    crate::report::format::json(&doc)
}

#[cfg(test)]
mod command_tests {
    use super::*;

    #[test]
    fn since_is_a_week_before_today() {
        let now: jiff::Timestamp = "2027-03-04T12:00:00Z".parse().unwrap();
        let utc = jiff::tz::TimeZone::UTC;
        assert_eq!(
            command_on(
                "binance-audit incident breach --since {since} --out ./x",
                now,
                &utc
            ),
            "binance-audit incident breach --since 2027-02-25T00:00Z --out ./x"
        );
        assert_eq!(
            command_on("binance-audit status", now, &utc),
            "binance-audit status"
        );
    }

    /// Local midnight with its offset: at 05:54 on the 8th in Tokyo (still
    /// the 7th in UTC) a week back is the 1st, 00:00 Japan time.
    #[test]
    fn since_is_local_midnight_with_the_offset() {
        let now: jiff::Timestamp = "2026-12-07T20:54:42Z".parse().unwrap();
        let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
        assert_eq!(
            command_on("x --since {since}", now, &tokyo),
            "x --since 2026-12-01T00:00+09:00"
        );
    }
}
