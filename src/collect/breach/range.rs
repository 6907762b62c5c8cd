//! The Pwned Passwords range API (k-anonymity): only the first 5 hex digits of
//! the password's SHA-1 are sent, with `Add-Padding: true` so the response
//! size does not hint at how many suffixes share the prefix.

use std::time::Duration;

use url::Url;

use super::{BadResponse, BreachError, BreachOptions};
use crate::net::{self, Net, NetError};

/// Shown in the report's network section next to each request.
pub const PURPOSE: &str =
    "Pwned Passwords range lookup (k-anonymity: first 5 of 40 SHA-1 hex digits, Add-Padding: true)";

/// A Retry-After above this is not waited out (capped) but ends the lookup.
pub const MAX_RETRY_AFTER_HONOURED_SECS: u64 = 60;

/// The URL for one prefix: `{base}/range/{PREFIX}`.
pub fn range_url(base: &Url, prefix: &str) -> Url {
    net::join(base, &format!("range/{prefix}"))
}

/// Fetch the range body for `prefix` (5 upper-case hex digits), retrying
/// 429 and 5xx answers and refused connections with exponential backoff.
///
/// A timeout is not retried: the Net's total timeout already bounds one try,
/// and repeating it would multiply the user's wait.
pub async fn fetch(net: &Net, opts: &BreachOptions, prefix: &str) -> Result<Vec<u8>, BreachError> {
    let url = range_url(&opts.base_url, prefix);
    let tries = opts.tries.max(1);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let err = match net
            .get_try(&url, &[("Add-Padding", "true")], PURPOSE, attempt)
            .await
        {
            Ok(resp) if resp.status == 200 => return Ok(resp.body),
            Ok(resp) => {
                return Err(BreachError::BadResponse(BadResponse::Http(resp.status)));
            }
            Err(e) => e,
        };
        let retry_after = match &err {
            NetError::Status {
                status,
                retry_after,
                ..
            } if *status == 429 || *status >= 500 => *retry_after,
            NetError::Connect(_) => None,
            _ => {
                return Err(BreachError::Net {
                    error: err,
                    tries: attempt,
                });
            }
        };
        // Asked to wait far longer than this run waits: asking again after
        // the cap would ignore the server, so this lookup ends here.
        let too_long = retry_after.is_some_and(|s| s > MAX_RETRY_AFTER_HONOURED_SECS);
        if attempt >= tries || too_long {
            return Err(BreachError::Net {
                error: err,
                tries: attempt,
            });
        }
        tokio::time::sleep(backoff(opts, attempt, retry_after)).await;
    }
}

/// Wait before try `attempt + 1`: base · 2^(attempt-1), at least what the
/// server asked for in Retry-After, never more than the cap.
pub fn backoff(opts: &BreachOptions, attempt: u32, retry_after_secs: Option<u64>) -> Duration {
    let exp = opts
        .backoff_base
        .saturating_mul(1u32 << (attempt - 1).min(16));
    let asked = Duration::from_secs(retry_after_secs.unwrap_or(0));
    exp.max(asked).min(opts.backoff_cap)
}

/// Look `suffix` (35 hex digits) up in a range response body. Lines are
/// `SUFFIX:COUNT` separated by CRLF; padding lines have count 0 and never
/// count as a hit. Any line that is not of that shape makes the whole answer
/// untrustworthy (a captive portal, a proxy error page), so it is an error
/// rather than "not found".
pub fn find_suffix(body: &[u8], suffix: &str) -> Result<u64, BreachError> {
    let suffix = suffix.as_bytes();
    let mut lines = 0usize;
    let mut hit = 0u64;
    for (i, raw) in body.split(|&c| c == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.is_empty() {
            continue;
        }
        let (s, count) = parse_line(line).ok_or_else(|| {
            let shown: String = String::from_utf8_lossy(&line[..line.len().min(32)]).into_owned();
            BreachError::BadResponse(BadResponse::Line {
                line: i + 1,
                start: shown,
            })
        })?;
        lines += 1;
        if count > 0 && s.eq_ignore_ascii_case(suffix) {
            hit = hit.max(count);
        }
    }
    if lines == 0 {
        // With padding requested every prefix answers hundreds of lines; an
        // empty 200 is not an answer we can call "not found".
        return Err(BreachError::BadResponse(BadResponse::Empty));
    }
    Ok(hit)
}

fn parse_line(line: &[u8]) -> Option<(&[u8], u64)> {
    let colon = line.iter().position(|&c| c == b':')?;
    let (s, count) = (&line[..colon], &line[colon + 1..]);
    if s.len() != 35 || !s.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    if count.is_empty() || count.len() > 20 || !count.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let count = std::str::from_utf8(count).ok()?.parse().ok()?;
    Some((s, count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const SUF: &str = "1E4C9B93F3F0682250B6CF8331B7EE68FD8";

    #[test]
    fn finds_suffix_case_insensitively_and_ignores_padding() {
        let body = format!(
            "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n{}:42\r\nFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0",
            SUF.to_lowercase()
        );
        assert_eq!(find_suffix(body.as_bytes(), SUF).unwrap(), 42);
        let padded = format!("{SUF}:0\r\n0018A45C4D1DEF81644B54AB7F969B88D65:3");
        assert_eq!(find_suffix(padded.as_bytes(), SUF).unwrap(), 0);
    }

    #[test]
    fn garbage_and_empty_bodies_are_errors() {
        assert!(find_suffix(b"", SUF).is_err());
        assert!(find_suffix(b"\r\n", SUF).is_err());
        assert!(find_suffix(b"<!DOCTYPE html><html>", SUF).is_err());
        assert!(find_suffix(b"0018A45C4D1DEF81644B54AB7F969B88D65:x", SUF).is_err());
        assert!(find_suffix(b"0018A45C4D1DEF81644B54AB7F969B88D6:1", SUF).is_err());
        let e = find_suffix(b"0018A45C4D1DEF81644B54AB7F969B88D65:1\r\noops", SUF).unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let ja = e.msg().render(Lang::Ja);
        assert!(ja.contains("2行目") && ja.contains("\"oops\""), "{ja}");
        assert!(crate::i18n::english_runs(&ja).is_empty(), "{ja}");
        let empty = find_suffix(b"", SUF).unwrap_err().msg().render(Lang::Ja);
        assert!(empty.contains("応答が空です"), "{empty}");
    }

    #[test]
    fn backoff_grows_honours_retry_after_and_is_capped() {
        let opts = BreachOptions {
            backoff_base: Duration::from_millis(100),
            backoff_cap: Duration::from_secs(2),
            ..BreachOptions::default()
        };
        assert_eq!(backoff(&opts, 1, None), Duration::from_millis(100));
        assert_eq!(backoff(&opts, 2, None), Duration::from_millis(200));
        assert_eq!(backoff(&opts, 3, None), Duration::from_millis(400));
        assert_eq!(backoff(&opts, 1, Some(1)), Duration::from_secs(1));
        assert_eq!(backoff(&opts, 1, Some(60)), Duration::from_secs(2));
        assert_eq!(backoff(&opts, 40, None), Duration::from_secs(2));
    }
}
