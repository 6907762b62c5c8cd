//! Reads with a ceiling. A path can be `/dev/zero`, a FIFO or a
//! multi-gigabyte file whose size the metadata does not tell: every file and
//! stream the tool reads whole goes through here, and going over the limit
//! is an error that names the limit (never a silent cut, never a read until
//! memory runs out).

use std::io::Read;
use std::path::Path;

use zeroize::Zeroize;

use crate::i18n::{Arg, Msg};

/// A single password: far above 256 characters, so an over-long one is
/// still reported by its length, and far below "until memory runs out".
pub const SECRET: usize = 64 * 1024;
/// `password --stdin-list`: tens of thousands of lines.
pub const PASSWORD_LIST: usize = 16 * 1024 * 1024;
/// A key or secret file (PEM is a few kB).
pub const KEY_FILE: usize = 64 * 1024;
/// One rule file (20 000 rules are about 10 MiB).
pub const RULE_FILE: usize = 64 * 1024 * 1024;
/// The config file.
pub const CONFIG: usize = 1024 * 1024;
/// One line of `url` input: the part judged.
pub const URL_LINE: usize = 1024 * 1024;
/// One line of `url` input: the most skipped past the judged part before
/// the input counts as not text (`/dev/zero` is one endless line).
pub const URL_LINE_MAX: usize = 64 * 1024 * 1024;

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// More than the limit (in bytes) was there to read.
    TooLarge(usize),
}

impl ReadError {
    /// What went wrong reading `what` (a file name, or a `Msg` naming the
    /// thing read), and for one too large, the limit.
    pub fn msg(&self, what: impl Into<Arg>) -> Msg {
        self.msg_set_by(what, None)
    }

    /// As `msg`, with the next step: `set_by` is the option, variable or
    /// config key that named the file.
    pub fn msg_set_by(&self, what: impl Into<Arg>, set_by: Option<Arg>) -> Msg {
        match self {
            ReadError::Io(e) => crate::files::read_error(what, set_by, e),
            ReadError::TooLarge(limit) => {
                crate::msg!("shell-read-too-large", what = what, limit = human(*limit))
            }
        }
    }

    /// `msg` rendered at once, for callers outside the shell that still make
    /// text where they fail; they move to `msg` and this goes at the merge.
    pub fn describe(&self, what: &str) -> String {
        self.msg(what).render(crate::i18n::ui())
    }

    /// As `describe`, in `lang`; goes at the merge with `describe`.
    pub fn describe_in(&self, what: &str, lang: crate::i18n::Lang) -> String {
        self.msg(what).render(lang)
    }
}

/// `4096` → "4 KiB", `16777216` → "16 MiB".
pub fn human(bytes: usize) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Read everything, at most `limit` bytes. What was read is wiped before an
/// error returns, as it may be a secret.
pub fn read_limited<R: Read>(reader: R, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    match reader.take(cap).read_to_end(&mut buf) {
        Ok(_) if buf.len() > limit => {
            buf.zeroize();
            Err(ReadError::TooLarge(limit))
        }
        Ok(_) => Ok(buf),
        Err(e) => {
            buf.zeroize();
            Err(ReadError::Io(e))
        }
    }
}

/// A file, at most `limit` bytes, however large its metadata says it is.
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let f = std::fs::File::open(path).map_err(ReadError::Io)?;
    read_limited(f, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_source_stops_at_the_limit_and_says_so() {
        let e = read_limited(std::io::repeat(0), SECRET).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge(SECRET)));
        assert_eq!(
            e.describe("the password on standard input"),
            "the password on standard input is larger than 64 KiB, the most accepted"
        );
        assert_eq!(read_limited(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(read_limited(&b"abcd"[..], 3).is_err());
        assert_eq!(human(1000), "1000 bytes");
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused() {
        let e = read_file(Path::new("/dev/zero"), CONFIG).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge(CONFIG)));
    }
}
