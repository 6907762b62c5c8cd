//! Everything the shell writes: standard output (a closed pipe is not an
//! error), report files (atomic, private, never through a link) and the
//! GitHub step summary.

use std::io::Write;
use std::path::Path;

use super::error::{Error, Result};
use crate::cli::{ColorChoice, OutputSpec};
use crate::files::{self, Existing, WriteError};
use crate::report::Format;

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
            path: crate::i18n::ui_tr("standard output", "標準出力").into(),
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
            reason: crate::i18n::ui_tr(
                "it is a symbolic link: refusing to write through it",
                "シンボリックリンクです。リンク経由では書き込みません",
            )
            .into(),
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
                return Err(Error::Usage(match crate::i18n::ui() {
                    crate::i18n::Lang::En => format!(
                        "--output names {} twice: one report would replace the other",
                        o.path.display()
                    ),
                    crate::i18n::Lang::Ja => format!(
                        "--output で {} が2回指定されています。一方のレポートが他方を上書きします",
                        o.path.display()
                    ),
                }));
            }
        }
        for (flag, p) in inputs {
            if files::same_file(&o.path, p) {
                return Err(Error::Usage(match crate::i18n::ui() {
                    crate::i18n::Lang::En => format!(
                        "--output {} is also the {flag} file: writing the report would replace it",
                        o.path.display()
                    ),
                    crate::i18n::Lang::Ja => format!(
                        "--output {} は {flag} のファイルでもあります。レポートを書くとそれを上書きします",
                        o.path.display()
                    ),
                }));
            }
        }
    }
    Ok(())
}

/// Standard output gets the `--format` rendering unless a bare `--output
/// PATH` takes it; every `FORMAT=PATH` adds a file. Under GitHub Actions the
/// Markdown summary is also appended to `$GITHUB_STEP_SUMMARY`.
pub fn emit(
    main: Format,
    outputs: &[OutputSpec],
    render: &dyn Fn(Format) -> String,
    summary: Option<&str>,
) -> Result<()> {
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
                crate::i18n::ui_tr(
                    "cannot append the summary to $GITHUB_STEP_SUMMARY",
                    "$GITHUB_STEP_SUMMARY に要約を追記できません"
                ),
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
