//! Reads with a ceiling. A path can be `/dev/zero`, a FIFO or a
//! multi-gigabyte file whose size the metadata does not tell: every file and
//! stream the tool reads whole goes through here, and going over the limit
//! is an error that names the limit (never a silent cut, never a read until
//! memory runs out).

use std::io::Read;
use std::path::Path;

use zeroize::Zeroize;

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
    /// One line for the user: what was read and, if too large, the limit.
    /// What went wrong reading `what`, as a message. Transitional: both
    /// renderings are made here, word for word the same as `describe_in`.
    pub fn msg(&self, what: impl Into<crate::i18n::Arg>) -> crate::i18n::Msg {
        use crate::i18n::{Arg, Lang};
        let what = what.into();
        let name = |lang| match &what {
            Arg::Msg(m) => m.render(lang),
            Arg::Str(s) => s.clone(),
            Arg::Int(n) => n.to_string(),
            Arg::Float(n) => n.to_string(),
        };
        crate::msg!(
            "engine-said-in-both",
            en = self.describe_in(&name(Lang::En), Lang::En),
            ja = self.describe_in(&name(Lang::Ja), Lang::Ja)
        )
    }

    pub fn describe(&self, what: &str) -> String {
        self.describe_in(what, crate::i18n::ui())
    }

    /// `describe` in `lang`, for a caller that has its language at hand.
    pub fn describe_in(&self, what: &str, lang: crate::i18n::Lang) -> String {
        match self {
            ReadError::Io(e) => match lang {
                crate::i18n::Lang::En => format!("cannot read {what}: {}", e.kind()),
                crate::i18n::Lang::Ja => {
                    format!("{what} を読み取れません: {}", crate::files::io_reason(e))
                }
            },
            ReadError::TooLarge(limit) => match lang {
                crate::i18n::Lang::En => {
                    format!("{what} is larger than {}, the most accepted", human(*limit))
                }
                crate::i18n::Lang::Ja => {
                    format!("{what} が上限の {} を超えています", human(*limit))
                }
            },
        }
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
