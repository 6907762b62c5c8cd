//! `binance-audit man`: the roff pages, from the clap definition. One page per
//! command (`--dir`), because the main page's COMMANDS section names
//! `binance-audit-audit(1)` and the others; examples stay one command a line.

use std::path::Path;

use super::error::{Error, Result};
use super::exit::Exit;
use super::output;
use crate::i18n::Lang;
use crate::t;

fn io(e: std::io::Error) -> Error {
    Error::Write {
        path: t!(crate::i18n::ui(), "help-man-page"),
        reason: crate::files::io_reason(&e),
    }
}

/// roff-escaped text of one line: backslashes, and a leading `.` or `'`
/// that roff would read as a request.
fn escape(line: &str) -> String {
    let s = line.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// One page. clap_mangen's sections, except the text after the options
/// (examples, exit codes), which goes in no-fill mode: reflowed, a list of
/// example commands becomes one unreadable line.
pub fn page(cmd: &clap::Command, lang: Lang) -> std::io::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out)?;
    }
    if let Some(extra) = cmd.get_after_long_help().or_else(|| cmd.get_after_help()) {
        out.extend_from_slice(format!(".SH {}\n.nf\n", t!(lang, "help-man-examples")).as_bytes());
        for line in extra.to_string().lines() {
            out.extend_from_slice(escape(line).as_bytes());
            out.push(b'\n');
        }
        out.extend_from_slice(b".fi\n");
    }
    if cmd.get_version().is_some() {
        man.render_version_section(&mut out)?;
    }
    Ok(match lang {
        Lang::En => out,
        _ => headings(&out, lang),
    })
}

/// clap_mangen's section headings are English; a page in another language
/// gets its words for them.
fn headings(page: &[u8], lang: Lang) -> Vec<u8> {
    let mut out = String::new();
    for line in String::from_utf8_lossy(page).lines() {
        let heading = match line {
            ".SH NAME" => t!(lang, "help-man-name"),
            ".SH SYNOPSIS" => t!(lang, "help-man-synopsis"),
            ".SH DESCRIPTION" => t!(lang, "help-man-description"),
            ".SH VERSION" => t!(lang, "help-man-version"),
            _ => {
                out.push_str(line);
                out.push('\n');
                continue;
            }
        };
        out.push_str(&format!(".SH {heading}\n"));
    }
    out.into_bytes()
}

/// Every page: the command and, recursively, each visible subcommand, with
/// clap's display names (`binance-audit-rules-list`), as `(file name, page)`.
pub fn all_pages(lang: Lang) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn walk(
        cmd: &clap::Command,
        lang: Lang,
        out: &mut Vec<(String, Vec<u8>)>,
    ) -> std::io::Result<()> {
        let name = clap_mangen::Man::new(cmd.clone()).get_filename();
        out.push((name, page(cmd, lang)?));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, lang, out)?;
        }
        Ok(())
    }
    let cmd = crate::cli::command_in(lang, false);
    let mut out = Vec::new();
    walk(&cmd, lang, &mut out)?;
    Ok(out)
}

pub fn run(dir: Option<&Path>) -> Result<Exit> {
    let lang = crate::i18n::ui();
    let pages = all_pages(lang).map_err(io)?;
    match dir {
        None => {
            let (_, main) = pages
                .first()
                .ok_or_else(|| io(std::io::Error::other("no page")))?;
            output::stdout(main)?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, &e))?;
            for (name, bytes) in &pages {
                output::file(&dir.join(name), bytes)?;
            }
            let done = t!(
                lang,
                "help-man-wrote",
                count = pages.len().to_string(),
                dir = dir.display().to_string()
            ) + "\n";
            output::stdout(done.as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_referenced_page_is_generated_and_examples_keep_their_lines() {
        let pages = all_pages(Lang::En).unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        for (name, bytes) in &pages {
            let text = String::from_utf8_lossy(bytes);
            // Each `binance-audit-x(1)` a page names exists.
            for part in text.split("binance\\-audit\\-").skip(1) {
                let Some((sub, _)) = part.split_once("(1)") else {
                    continue;
                };
                let file = format!("binance-audit-{}.1", sub.replace("\\-", "-"));
                assert!(
                    names.contains(&file.as_str()),
                    "{name} names {file}: {names:?}"
                );
            }
        }
        assert!(names.contains(&"binance-audit-audit.1"));
        assert!(names.contains(&"binance-audit-rules-list.1"));
        let audit = pages
            .iter()
            .find(|(n, _)| n == "binance-audit-audit.1")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap();
        let nf = audit
            .split(".nf\n")
            .nth(1)
            .unwrap()
            .split(".fi\n")
            .next()
            .unwrap();
        assert!(
            nf.lines().any(|l| l.trim() == "binance\\-audit audit"),
            "one example a line: {nf}"
        );
        assert!(nf.lines().count() > 5, "{nf}");
    }

    #[test]
    fn japanese_pages_are_the_same_pages_in_japanese() {
        let en = all_pages(Lang::En).unwrap();
        let ja = all_pages(Lang::Ja).unwrap();
        let names = |p: &[(String, Vec<u8>)]| p.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&en), names(&ja));
        for (name, bytes) in &ja {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                text.contains(".SH 名前") && !text.contains(".SH NAME"),
                "{name}"
            );
            assert!(!text.contains("Print help"), "{name}: {text}");
        }
    }

    #[test]
    fn roff_requests_and_backslashes_are_escaped() {
        assert_eq!(escape(".hidden"), "\\&.hidden");
        assert_eq!(escape("a \\ b"), "a \\e b");
        assert_eq!(escape("--flag"), "\\-\\-flag");
    }
}
