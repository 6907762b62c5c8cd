//! The shell's one error type. Each variant has its own exit code, so a
//! scheduled job can tell "you typed it wrong" from "the report could not be
//! written" from "the check could not run".

use std::fmt::Display;
use std::path::Path;

use super::exit::Exit;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad flag, config, rule file, input file or selection: the user's to fix.
    #[error("{0}")]
    Usage(String),
    /// A report, baseline or evidence file could not be written.
    #[error("{}", crate::t!(crate::i18n::ui(), "shell-cannot-write", path = path, reason = reason))]
    Write { path: String, reason: String },
    /// Something the run needed could not be set up (the async runtime).
    #[error("{0}")]
    Incomplete(String),
}

impl Error {
    pub fn exit(&self) -> Exit {
        match self {
            Error::Usage(_) => Exit::Usage,
            Error::Write { .. } => Exit::Output,
            Error::Incomplete(_) => Exit::Incomplete,
        }
    }

    pub fn write(path: &Path, e: &std::io::Error) -> Error {
        Error::Write {
            path: path.display().to_string(),
            reason: crate::files::io_msg(e).render(crate::i18n::ui()),
        }
    }
}

/// For `map_err`: an engine error the user can act on (exit 2).
pub fn usage(e: impl Display) -> Error {
    Error::Usage(e.to_string())
}

pub use crate::files::io_reason;

pub type Result<T> = std::result::Result<T, Error>;
