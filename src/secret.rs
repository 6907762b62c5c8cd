//! Reading secrets: from stdin, a file, an environment variable or a no-echo
//! prompt — never argv. Buffers are zeroized; errors never quote the input.

use std::io::IsTerminal;
use std::path::Path;

use secrecy::SecretString;
use zeroize::Zeroize;

use crate::bounded;
use crate::collect::password::MAX_LEN;

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
        let text = std::str::from_utf8(&bytes).map_err(|_| format!("{what} is not valid UTF-8"))?;
        let line = text.strip_suffix('\n').unwrap_or(text);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            return Err(format!("{what} is empty"));
        }
        if line.contains('\n') {
            return Err(format!(
                "{what} has more than one line (use --stdin-list to check several)"
            ));
        }
        let n = line.chars().count();
        if n > MAX_LEN {
            return Err(format!(
                "{what} is {n} characters long; at most {MAX_LEN} are accepted"
            ));
        }
        Ok(SecretString::from(line.to_string()))
    })();
    bytes.zeroize();
    result
}

pub fn read_stdin(what: &str) -> Result<SecretString, String> {
    let buf = bounded::read_limited(std::io::stdin().lock(), bounded::SECRET)
        .map_err(|e| e.describe(&format!("{what} on standard input")))?;
    secret_from_bytes(buf, &format!("{what} on standard input"))
}

pub fn read_file(path: &Path, what: &str) -> Result<SecretString, String> {
    let buf = bounded::read_file(path, bounded::SECRET)
        .map_err(|e| e.describe(&format!("{what} file {}", path.display())))?;
    secret_from_bytes(buf, &format!("{what} in {}", path.display()))
}

pub fn read_env(var: &str, what: &str) -> Option<Result<SecretString, String>> {
    let v = std::env::var_os(var)?;
    let bytes = v.into_encoded_bytes();
    Some(secret_from_bytes(bytes, &format!("{what} in ${var}")))
}

/// No-echo prompt; an empty answer means "skip".
pub fn prompt(label: &str) -> Result<Option<SecretString>, String> {
    crate::hardening::no_core_dumps();
    match rpassword::prompt_password(label) {
        Ok(mut s) => {
            let out = if s.is_empty() {
                Ok(None)
            } else {
                secret_from_bytes(s.as_bytes().to_vec(), "password").map(Some)
            };
            s.zeroize();
            out
        }
        Err(e) => Err(format!("cannot prompt for the password: {}", e.kind())),
    }
}

/// Read several secrets, one per line, reporting problems by line number.
pub fn read_stdin_list() -> Result<Vec<Result<SecretString, String>>, String> {
    let mut buf = bounded::read_limited(std::io::stdin().lock(), bounded::PASSWORD_LIST)
        .map_err(|e| e.describe("standard input"))?;
    let out = buf
        .split(|b| *b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && *l != b"\r")
        .map(|(i, l)| secret_from_bytes(l.to_vec(), &format!("line {}", i + 1)))
        .collect();
    buf.zeroize();
    Ok(out)
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
