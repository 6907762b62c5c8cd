//! Reading secrets: from stdin, a file, an environment variable or a no-echo
//! prompt — never argv. Buffers are zeroized; errors never quote the input.

use std::io::IsTerminal;
use std::path::Path;

use secrecy::SecretString;
use zeroize::Zeroize;

use crate::bounded;
use crate::i18n::{Arg, Msg};
use crate::msg;

pub const PASSWORD_ENV: &str = "BINANCE_AUDIT_PASSWORD";

/// Whether we may ask the user anything: a terminal on stdin and not CI.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && !ci()
}

/// A CI job: nobody is there to answer a prompt.
pub fn ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

// Why a secret could not be read. It names where the secret was looked for
// (`what`, a noun such as "password on standard input"), never the secret.

/// Longer input is refused: Binance caps passwords well below this, and
/// zxcvbn only scores the first 100 characters anyway.
pub const MAX_LEN: usize = 256;

#[derive(Debug, thiserror::Error)]
#[error("{}", self.msg().render(crate::i18n::Lang::En))]
pub enum SecretError {
    NotUtf8(Arg),
    Empty(Arg),
    MoreThanOneLine(Arg),
    TooLong {
        what: Arg,
        chars: usize,
    },
    Read {
        what: Arg,
        error: bounded::ReadError,
    },
    Prompt(std::io::Error),
}

impl SecretError {
    pub fn msg(&self) -> Msg {
        match self {
            SecretError::NotUtf8(what) => msg!("shell-secret-not-utf8", what = what.clone()),
            SecretError::Empty(what) => msg!("shell-secret-empty", what = what.clone()),
            SecretError::MoreThanOneLine(what) => {
                msg!("shell-secret-more-than-one-line", what = what.clone())
            }
            SecretError::TooLong { what, chars } => msg!(
                "shell-secret-too-long",
                what = what.clone(),
                chars = *chars,
                max = MAX_LEN
            ),
            SecretError::Read { what, error } => error.msg(what.clone()),
            SecretError::Prompt(e) => {
                msg!(
                    "shell-secret-cannot-prompt",
                    reason = crate::files::io_msg(e)
                )
            }
        }
    }
}

/// Turn raw bytes into a single-line secret, zeroizing the buffer. `what`
/// names the secret and where it came from.
pub fn secret_from_bytes(
    mut bytes: Vec<u8>,
    what: impl Into<Arg>,
) -> Result<SecretString, SecretError> {
    crate::hardening::no_core_dumps();
    let what = what.into();
    let result = (|| {
        let text = std::str::from_utf8(&bytes).map_err(|_| SecretError::NotUtf8(what.clone()))?;
        let line = text.strip_suffix('\n').unwrap_or(text);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            return Err(SecretError::Empty(what.clone()));
        }
        if line.contains('\n') {
            return Err(SecretError::MoreThanOneLine(what.clone()));
        }
        let n = line.chars().count();
        if n > MAX_LEN {
            return Err(SecretError::TooLong {
                what: what.clone(),
                chars: n,
            });
        }
        Ok(SecretString::from(line.to_string()))
    })();
    bytes.zeroize();
    result
}

/// `what` is a noun ("password", or `msg!("shell-what-password")`).
pub fn read_stdin(what: impl Into<Arg>) -> Result<SecretString, SecretError> {
    let place: Arg = msg!("shell-secret-on-stdin", what = what).into();
    let buf = bounded::read_limited(std::io::stdin().lock(), bounded::SECRET).map_err(|error| {
        SecretError::Read {
            what: place.clone(),
            error,
        }
    })?;
    secret_from_bytes(buf, place)
}

pub fn read_file(path: &Path, what: impl Into<Arg>) -> Result<SecretString, SecretError> {
    let what = what.into();
    let shown = path.display().to_string();
    let file = msg!("shell-secret-file", what = what.clone(), path = &shown);
    let inside = msg!("shell-secret-in-file", what = what, path = &shown);
    let buf = bounded::read_file(path, bounded::SECRET).map_err(|error| SecretError::Read {
        what: file.into(),
        error,
    })?;
    secret_from_bytes(buf, inside)
}

pub fn read_env(var: &str, what: impl Into<Arg>) -> Option<Result<SecretString, SecretError>> {
    let v = std::env::var_os(var)?;
    let bytes = v.into_encoded_bytes();
    Some(secret_from_bytes(
        bytes,
        msg!("shell-secret-in-env", what = what, var = var),
    ))
}

/// No-echo prompt; an empty answer means "skip".
pub fn prompt(label: &str) -> Result<Option<SecretString>, SecretError> {
    crate::hardening::no_core_dumps();
    match rpassword::prompt_password(label) {
        Ok(mut s) => {
            let out = if s.is_empty() {
                Ok(None)
            } else {
                secret_from_bytes(s.as_bytes().to_vec(), msg!("shell-what-password")).map(Some)
            };
            s.zeroize();
            out
        }
        Err(e) => Err(SecretError::Prompt(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn one_trailing_newline_is_stripped() {
        assert_eq!(
            secret_from_bytes(b"abc\r\n".to_vec(), "x")
                .unwrap()
                .expose_secret(),
            "abc"
        );
        assert_eq!(
            secret_from_bytes(b"abc".to_vec(), "x")
                .unwrap()
                .expose_secret(),
            "abc"
        );
    }

    #[test]
    fn bad_input_is_named_not_quoted() {
        let e = secret_from_bytes(vec![0xff, 0xfe, b'q'], "password")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "password is not valid UTF-8");
        assert!(
            secret_from_bytes(b"\n".to_vec(), "password")
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        let long = "y".repeat(10_000);
        let e = secret_from_bytes(long.into_bytes(), "password")
            .unwrap_err()
            .to_string();
        assert!(e.contains("10000 characters") && !e.contains("yyy"), "{e}");
        assert!(
            secret_from_bytes(b"a\nb\n".to_vec(), "password")
                .unwrap_err()
                .to_string()
                .contains("more than one line")
        );
    }
}
