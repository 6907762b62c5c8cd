//! A one-line status on standard error while slow checks run, and only on a
//! terminal: under cron or CI nobody watches, and the carriage returns and
//! escape codes would litter the job log.

use std::io::{IsTerminal, Write};

/// Whether `CI` is set to anything but empty or "false" (GitHub Actions,
/// GitLab and most CI systems set `CI=true`).
pub use crate::secret::ci;

/// Progress is shown only to a person: standard error is a terminal and this
/// is not a CI job.
pub fn enabled() -> bool {
    std::io::stderr().is_terminal() && !ci()
}

/// A status line that clears itself when dropped.
pub struct Status {
    active: bool,
}

impl Status {
    pub fn start(message: &str) -> Status {
        let s = Status { active: enabled() };
        s.set(message);
        s
    }

    /// A status that never prints (tests, library callers).
    pub fn hidden() -> Status {
        Status { active: false }
    }

    pub fn set(&self, message: &str) {
        if self.active {
            let mut e = std::io::stderr().lock();
            let _ = write!(e, "\r\x1b[2K{message}…");
            let _ = e.flush();
        }
    }
}

impl Drop for Status {
    fn drop(&mut self) {
        if self.active {
            let mut e = std::io::stderr().lock();
            let _ = write!(e, "\r\x1b[2K");
            let _ = e.flush();
        }
    }
}
