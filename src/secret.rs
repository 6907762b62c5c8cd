//! Reading secrets: from stdin, a file, an environment variable or a no-echo
//! prompt — never argv. Buffers are zeroized; errors never quote the input.

use std::io::IsTerminal;
use std::path::Path;

use secrecy::SecretString;
use zeroize::Zeroize;

use crate::bounded;
use crate::collect::password::MAX_LEN;
use crate::i18n::{Lang, ui, ui_tr};

pub const PASSWORD_ENV: &str = "BINANCE_AUDIT_PASSWORD";

/// Whether we may ask the user anything: a terminal on stdin and not CI.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && !ci()
}

/// A CI job: nobody is there to answer a prompt.
pub fn ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// Turn raw bytes into a single-line secret, zeroizing the buffer.
pub fn secret_from_bytes(mut bytes: Vec<u8>, what: &str) -> Result<SecretString, String> {
    crate::hardening::no_core_dumps();
    let result = (|| {
        let text = std::str::from_utf8(&bytes).map_err(|_| match ui() {
            Lang::En => format!("{what} is not valid UTF-8"),
            Lang::Ja => format!("{what} が正しいUTF-8ではありません"),
        })?;
        let line = text.strip_suffix('\n').unwrap_or(text);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            return Err(match ui() {
                Lang::En => format!("{what} is empty"),
                Lang::Ja => format!("{what} が空です"),
            });
        }
        if line.contains('\n') {
            return Err(match ui() {
                Lang::En => {
                    format!("{what} has more than one line (use --stdin-list to check several)")
                }
                Lang::Ja => format!(
                    "{what} が2行以上あります（複数を確認するには --stdin-list を使ってください）"
                ),
            });
        }
        let n = line.chars().count();
        if n > MAX_LEN {
            return Err(match ui() {
                Lang::En => {
                    format!("{what} is {n} characters long; at most {MAX_LEN} are accepted")
                }
                Lang::Ja => {
                    format!("{what} が{n}文字あります。受け付けるのは{MAX_LEN}文字までです")
                }
            });
        }
        Ok(SecretString::from(line.to_string()))
    })();
    bytes.zeroize();
    result
}

/// `what` is a noun in the diagnostics language ("password" / "パスワード").
pub fn read_stdin(what: &str) -> Result<SecretString, String> {
    let place = match ui() {
        Lang::En => format!("{what} on standard input"),
        Lang::Ja => format!("標準入力の{what}"),
    };
    let buf = bounded::read_limited(std::io::stdin().lock(), bounded::SECRET)
        .map_err(|e| e.describe(&place))?;
    secret_from_bytes(buf, &place)
}

pub fn read_file(path: &Path, what: &str) -> Result<SecretString, String> {
    let (file, inside) = match ui() {
        Lang::En => (
            format!("{what} file {}", path.display()),
            format!("{what} in {}", path.display()),
        ),
        Lang::Ja => (
            format!("{what}のファイル {}", path.display()),
            format!("{} の{what}", path.display()),
        ),
    };
    let buf = bounded::read_file(path, bounded::SECRET).map_err(|e| e.describe(&file))?;
    secret_from_bytes(buf, &inside)
}

pub fn read_env(var: &str, what: &str) -> Option<Result<SecretString, String>> {
    let v = std::env::var_os(var)?;
    let bytes = v.into_encoded_bytes();
    let place = match ui() {
        Lang::En => format!("{what} in ${var}"),
        Lang::Ja => format!("${var} の{what}"),
    };
    Some(secret_from_bytes(bytes, &place))
}

/// No-echo prompt; an empty answer means "skip".
pub fn prompt(label: &str) -> Result<Option<SecretString>, String> {
    crate::hardening::no_core_dumps();
    match rpassword::prompt_password(label) {
        Ok(mut s) => {
            let out = if s.is_empty() {
                Ok(None)
            } else {
                secret_from_bytes(s.as_bytes().to_vec(), ui_tr("password", "パスワード")).map(Some)
            };
            s.zeroize();
            out
        }
        Err(e) => Err(format!(
            "{}: {}",
            ui_tr(
                "cannot prompt for the password",
                "パスワードを尋ねられません"
            ),
            crate::files::io_reason(&e)
        )),
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
        let e = secret_from_bytes(vec![0xff, 0xfe, b'q'], "password").unwrap_err();
        assert_eq!(e, "password is not valid UTF-8");
        assert!(
            secret_from_bytes(b"\n".to_vec(), "password")
                .unwrap_err()
                .contains("empty")
        );
        let long = "y".repeat(10_000);
        let e = secret_from_bytes(long.into_bytes(), "password").unwrap_err();
        assert!(e.contains("10000 characters") && !e.contains("yyy"), "{e}");
        assert!(
            secret_from_bytes(b"a\nb\n".to_vec(), "password")
                .unwrap_err()
                .contains("more than one line")
        );
    }
}
