//! Everything the shell writes: standard output (a closed pipe is not an
//! error), report files (atomic, private, never through a link) and the
//! GitHub step summary.

use std::io::Write;
use std::path::Path;

use super::error::{Error, Result};
use crate::cli::{ColorChoice, OutputSpec};
use crate::files::{self, Existing, WriteError};
use crate::i18n::ui;
use crate::incident::show;
use crate::report::format::{self as report, Render};
use crate::report::{Format, RenderOptions};
use crate::t;

pub fn set_color(choice: ColorChoice) {
    match choice {
        ColorChoice::Always => colored::control::set_override(true),
        ColorChoice::Never => colored::control::set_override(false),
        // colored honours NO_COLOR and CLICOLOR_FORCE and whether stdout is a
        // terminal; a dumb terminal cannot show colour either.
        ColorChoice::Auto => {
            if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
                colored::control::set_override(false);
            }
        }
    }
}

/// A closed pipe (`| head`) is not an error worth a message.
pub fn stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Write {
            path: t!(ui(), "report-stdout"),
            reason: super::error::io_reason(&e),
        }),
        Ok(()) => Ok(()),
    }
}

pub fn write_error(e: WriteError) -> Error {
    match e.io() {
        Some(io) => Error::write(e.path(), io),
        None => Error::Write {
            path: e.path().display().to_string(),
            reason: t!(ui(), "report-symlink"),
        },
    }
}

/// A file the tool owns, replaced whole.
pub fn file(path: &Path, bytes: &[u8]) -> Result<()> {
    files::write_private(path, bytes, Existing::Replace).map_err(write_error)
}

/// A file that must not exist yet (an evidence bundle's).
pub fn new_file(path: &Path, bytes: &[u8]) -> Result<()> {
    files::write_private(path, bytes, Existing::Keep).map_err(write_error)
}

/// Two `--output`s, or an output and an input, naming one file.
pub fn refuse_clashes(outputs: &[OutputSpec], inputs: &[(&str, &Path)]) -> Result<()> {
    for (i, o) in outputs.iter().enumerate() {
        for other in &outputs[..i] {
            if files::same_file(&o.path, &other.path) {
                return Err(Error::Usage(t!(
                    ui(),
                    "report-output-twice",
                    path = o.path.display().to_string()
                )));
            }
        }
        for (flag, p) in inputs {
            if files::same_file(&o.path, p) {
                return Err(Error::Usage(t!(
                    ui(),
                    "report-output-is-input",
                    path = o.path.display().to_string(),
                    flag = *flag
                )));
            }
        }
    }
    Ok(())
}

/// Standard output gets `value` in the `--format` unless a bare `--output
/// PATH` takes it; every `FORMAT=PATH` adds a file. Under GitHub Actions the
/// Markdown summary is also appended to `$GITHUB_STEP_SUMMARY`.
pub fn emit<R: Render + ?Sized>(
    main: Format,
    outputs: &[OutputSpec],
    value: &R,
    opts: &RenderOptions,
    summary: Option<&str>,
) -> Result<()> {
    let render = |f: Format| report::render(value, f, opts);
    if outputs.iter().all(|o| o.format.is_some()) {
        stdout(render(main).as_bytes())?;
    }
    if !outputs.is_empty() {
        // A file never wants terminal colour codes.
        colored::control::set_override(false);
    }
    for o in outputs {
        file(&o.path, render(o.format.unwrap_or(main)).as_bytes())?;
    }
    if let Some(summary) = summary
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
    {
        let path = std::path::PathBuf::from(path);
        if let Err(e) = append(&path, summary.as_bytes()) {
            super::warn(&format!(
                "{} ({}): {}",
                t!(ui(), "report-summary-append"),
                path.display(),
                super::error::io_reason(&e)
            ));
        }
    }
    Ok(())
}

/// The step summary is the runner's file, shared by every step: appended to,
/// never replaced.
fn append(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)?;
    f.write_all(bytes)
}

/// A playbook as `incident KIND` shows it: its steps, the progress the log
/// recorded (if any) and the official channels, in the reader's language.
pub struct Playbook<'a> {
    pub playbook: &'a crate::incident::playbook::Playbook,
    pub log: Option<&'a crate::incident::checklist::IncidentLog>,
    pub log_path: &'a Path,
    pub channels: &'a [crate::incident::playbook::Channel],
    pub lang: crate::i18n::Lang,
}

impl Render for Playbook<'_> {
    fn text(&self, opts: &RenderOptions) -> String {
        show::text(
            self.playbook,
            self.log,
            self.channels,
            self.lang,
            opts.width,
        )
    }
    fn json(&self) -> String {
        show::json(
            self.playbook,
            self.log,
            Some(self.log_path),
            self.channels,
            self.lang,
        )
    }
    fn other(&self, format: Format, _: &RenderOptions) -> Option<String> {
        (format == Format::Markdown)
            .then(|| show::markdown(self.playbook, self.log, self.channels, self.lang))
    }
}

/// `status` in the reader's language: text or JSON. The status engine
/// decides in values; the words are made here.
pub struct Status<'a> {
    pub report: &'a crate::status::StatusReport,
    pub lang: crate::i18n::Lang,
}

impl Render for Status<'_> {
    fn text(&self, opts: &RenderOptions) -> String {
        let mut o = crate::status::render_text(self.report, self.lang, opts.width);
        if opts.verbose {
            o.push('\n');
            o.push_str(&hardening_line(crate::hardening::at_start(), self.lang));
            o.push('\n');
        }
        o
    }
    fn json(&self) -> String {
        report::json(&crate::status::to_json(self.report, self.lang))
    }
}

/// What `main` switched off before anything was read, for `status -v`.
fn hardening_line(h: crate::hardening::Held, lang: crate::i18n::Lang) -> String {
    let core = if h.no_core {
        crate::msg!("status-hardening-core-off")
    } else {
        crate::msg!("status-hardening-core-on")
    };
    let attach = if h.no_attach {
        crate::msg!("status-hardening-attach-off")
    } else {
        crate::msg!("status-hardening-attach-on")
    };
    crate::t!(lang, "status-hardening", core = core, attach = attach)
}

/// `password --stdin-list`: text or JSON.
impl Render for crate::password_list::ListReport {
    fn text(&self, _: &RenderOptions) -> String {
        crate::password_list::render_text(self)
    }
    fn json(&self) -> String {
        crate::password_list::render_json(self)
    }
}
