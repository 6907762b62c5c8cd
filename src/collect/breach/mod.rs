//! Breach exposure: does the password appear in Pwned Passwords?
//!
//! The password never leaves the process. Online, only the first 5 hex digits
//! of its SHA-1 are sent (k-anonymity), with `Add-Padding: true`; offline, the
//! downloadable hash file is binary-searched in place.
//!
//! Entry points for the pipeline:
//! - [`collect`] sets one fact (`breach.password_count`,
//!   `breach.email_password_count`) and returns the check's status;
//! - [`lookup`] / [`lookup_batch`] return counts for the `password` subcommand;
//! - [`offline::lookup_file`] is the file search on its own.

pub mod offline;
pub mod range;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use futures_util::stream::{self, StreamExt};
use secrecy::{ExposeSecret, SecretString};
use sha1::{Digest, Sha1};
use url::Url;
use zeroize::{Zeroize, Zeroizing};

use crate::collect::CheckStatus;
use crate::facts::Facts;
use crate::i18n::Msg;
use crate::msg;
use crate::net::{self, Net, NetError};

pub use offline::{OfflineError, lookup_file};

pub const DEFAULT_BASE_URL: &str = "https://api.pwnedpasswords.com";

/// Reason recorded when neither the network nor a local file may be used
/// (`BreachError::Offline`'s English).
pub const OFFLINE_REASON: &str = "offline: breach lookup needs the network or --hibp-file";

/// Upper bound on concurrent range requests in a batch, whatever is asked:
/// the service is free and shared, and a handful is plenty for a user's list.
pub const MAX_CONCURRENCY: usize = 8;

#[derive(Clone, Debug)]
pub struct BreachOptions {
    /// Range API base (`--hibp-url`, `BINANCE_AUDIT_HIBP_URL`, config).
    pub base_url: Url,
    /// Local Pwned Passwords file or per-prefix directory (`--hibp-file`).
    /// When set it is used instead of the network, online or not. Whether
    /// the network may be used is the `Net`'s to say (`--offline`), nobody else's.
    pub file: Option<PathBuf>,
    /// Tries per range request (429, 5xx and refused connections are retried).
    pub tries: u32,
    /// First backoff wait; doubled on each retry.
    pub backoff_base: Duration,
    /// Longest single wait, also for a Retry-After asking for more.
    pub backoff_cap: Duration,
}

impl Default for BreachOptions {
    #[allow(clippy::expect_used)] // DEFAULT_BASE_URL is a constant that parses
    fn default() -> Self {
        BreachOptions {
            base_url: Url::parse(DEFAULT_BASE_URL).expect("constant URL parses"),
            file: None,
            tries: 3,
            backoff_base: Duration::from_millis(500),
            backoff_cap: Duration::from_secs(8),
        }
    }
}

impl BreachOptions {
    /// Set the range API base from user input (flag, env, config): https, or
    /// http to a loopback host only.
    pub fn set_base_url(&mut self, raw: &str) -> Result<(), net::BaseUrlError> {
        self.base_url = net::parse_base_url(raw, "Pwned Passwords")?;
        Ok(())
    }

    /// True when a lookup would need the network but may not use it.
    pub fn cannot_look_up(&self, net: &Net) -> bool {
        self.file.is_none() && net.is_offline()
    }
}

/// Why a lookup gave no answer. Displays as one line without any secret (the
/// password, its hash and its suffix never appear).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BreachError {
    #[error("{OFFLINE_REASON}")]
    Offline,
    #[error("{}", net_message(error, *tries))]
    Net { error: NetError, tries: u32 },
    #[error("unexpected Pwned Passwords response: {0}")]
    BadResponse(BadResponse),
    #[error("{0}")]
    File(#[from] OfflineError),
}

impl BreachError {
    /// The error as a message for the edge (`Display` is the English one).
    pub fn msg(&self) -> Msg {
        match self {
            BreachError::Offline => msg!("engine-breach-offline"),
            BreachError::Net { error, tries } => {
                let e = crate::collect::messages::net_error(error);
                if *tries > 1 {
                    msg!("engine-breach-net-tries", error = e, tries = *tries)
                } else {
                    e
                }
            }
            BreachError::BadResponse(d) => msg!("engine-breach-bad-response", detail = d.msg()),
            BreachError::File(e) => e.msg(),
        }
    }
}

/// What was wrong with a range answer. `Display` is the English text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BadResponse {
    #[error("unexpected HTTP {0}")]
    Http(u16),
    /// A line (1-based) that is not `SUFFIX:COUNT`, and how it starts as
    /// received (shown escaped).
    #[error("line {line} is not SUFFIX:COUNT (starts with {start:?})")]
    Line { line: usize, start: String },
    #[error("empty range response")]
    Empty,
    /// A hash whose prefix no request was made for: a bug, not the server.
    #[error("prefix was not requested")]
    NotRequested,
}

impl BadResponse {
    pub fn msg(&self) -> Msg {
        match self {
            BadResponse::Http(s) => msg!("engine-breach-http", status = *s),
            BadResponse::Line { line, start } => msg!(
                "engine-breach-bad-range-line",
                line = *line,
                start = format!("{start:?}")
            ),
            BadResponse::Empty => msg!("engine-breach-empty-range"),
            BadResponse::NotRequested => msg!("engine-breach-not-requested"),
        }
    }
}

fn net_message(error: &NetError, tries: u32) -> String {
    if tries > 1 {
        format!("{error} after {tries} tries")
    } else {
        error.to_string()
    }
}

/// Upper-case hex SHA-1 of the password, wiped on drop: an unsalted hash of a
/// password is as good as the password against a dictionary.
pub fn sha1_hex(password: &SecretString) -> Zeroizing<String> {
    let mut digest: [u8; 20] = Sha1::digest(password.expose_secret().as_bytes()).into();
    let hex = Zeroizing::new(hex::encode_upper(digest));
    digest.zeroize();
    hex
}

/// How often the password appears in Pwned Passwords (0 = not found).
pub async fn lookup(
    net: &Net,
    opts: &BreachOptions,
    password: &SecretString,
) -> Result<u64, BreachError> {
    lookup_hash(net, opts, &sha1_hex(password)).await
}

async fn lookup_hash(net: &Net, opts: &BreachOptions, sha: &str) -> Result<u64, BreachError> {
    if let Some(file) = &opts.file {
        return Ok(lookup_file(file, sha)?.unwrap_or(0));
    }
    if net.is_offline() {
        return Err(BreachError::Offline);
    }
    let body = range::fetch(net, opts, &sha[..5]).await?;
    range::find_suffix(&body, &sha[5..])
}

/// Counts for several passwords (input order). Each distinct 5-digit prefix is
/// requested once, at most `concurrency` (1..=[`MAX_CONCURRENCY`]) at a time.
pub async fn lookup_batch(
    net: &Net,
    opts: &BreachOptions,
    passwords: &[SecretString],
    concurrency: usize,
) -> Vec<Result<u64, BreachError>> {
    let hashes: Vec<Zeroizing<String>> = passwords.iter().map(sha1_hex).collect();
    if let Some(file) = &opts.file {
        return hashes
            .iter()
            .map(|h| Ok(lookup_file(file, h)?.unwrap_or(0)))
            .collect();
    }
    if net.is_offline() {
        return hashes.iter().map(|_| Err(BreachError::Offline)).collect();
    }
    let mut prefixes: Vec<String> = hashes.iter().map(|h| h[..5].to_string()).collect();
    prefixes.sort();
    prefixes.dedup();
    let bodies: HashMap<String, Result<Vec<u8>, BreachError>> = stream::iter(prefixes)
        .map(|p| async move {
            let body = range::fetch(net, opts, &p).await;
            (p, body)
        })
        .buffer_unordered(concurrency.clamp(1, MAX_CONCURRENCY))
        .collect()
        .await;
    hashes
        .iter()
        .map(|h| match bodies.get(&h[..5]) {
            Some(Ok(body)) => range::find_suffix(body, &h[5..]),
            Some(Err(e)) => Err(e.clone()),
            None => Err(BreachError::BadResponse(BadResponse::NotRequested)),
        })
        .collect()
}

/// Run the check for one password and record `fact` (e.g.
/// `breach.password_count`) as observed, or not checked with the reason.
///
/// Skipped (not an error) when offline without a file; failed when the
/// lookup was possible but gave no answer, so the run can exit 3 instead of
/// calling an unknown password "not breached".
pub async fn collect(
    net: &Net,
    opts: &BreachOptions,
    password: &SecretString,
    fact: &str,
    facts: &mut Facts,
) -> CheckStatus {
    let check = check_name(fact);
    if opts.cannot_look_up(net) {
        let why = BreachError::Offline.msg();
        facts.not_checked(fact, why.clone());
        return CheckStatus::skipped(&check, why);
    }
    let sha = sha1_hex(password);
    let source = match &opts.file {
        Some(f) => msg!(
            "engine-breach-looked-up-in-file",
            file = f.display().to_string()
        ),
        None => disclosure(&opts.base_url, &sha[..5]),
    };
    match lookup_hash(net, opts, &sha).await {
        Ok(count) => {
            facts.observe(fact, count);
            let outcome = match count {
                0 => msg!("engine-breach-not-found"),
                n => msg!("engine-breach-found", count = group_digits(n)),
            };
            CheckStatus::ran(
                &check,
                msg!("engine-breach-ran", outcome = outcome, source = source),
            )
        }
        Err(e) => {
            facts.not_checked(fact, e.msg());
            CheckStatus::failed(&check, e.msg())
        }
    }
}

/// What left the machine for one online lookup, in words for the report.
pub fn disclosure(base: &Url, prefix: &str) -> Msg {
    let url = range::range_url(base, prefix);
    let host = match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => String::new(),
    };
    msg!(
        "engine-breach-sent-only",
        request = format!("{host}{}", url.path())
    )
}

/// "breach" for the Binance password, "breach-email" for the email
/// password, so both can appear in one report's check list.
pub fn check_name(fact: &str) -> String {
    match fact {
        "breach.password_count" => "breach".into(),
        "breach.email_password_count" => "breach-email".into(),
        other => format!("breach:{}", other.trim_start_matches("breach.")),
    }
}

fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn sha1_matches_the_known_vector() {
        let h = sha1_hex(&SecretString::from("password"));
        assert_eq!(h.as_str(), "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(52_256_179), "52,256,179");
    }

    #[test]
    fn errors_read_as_one_line() {
        let e = BreachError::Net {
            error: NetError::Status {
                status: 429,
                retry_after: None,
                body: String::new(),
            },
            tries: 3,
        };
        assert_eq!(e.to_string(), "HTTP 429 after 3 tries");
        let e = BreachError::Net {
            error: NetError::Timeout(1),
            tries: 1,
        };
        assert_eq!(e.to_string(), "timed out after 1 s");
        assert_eq!(BreachError::Offline.to_string(), OFFLINE_REASON);
    }

    #[test]
    fn bad_responses_read_in_japanese() {
        let e = BreachError::BadResponse(BadResponse::NotRequested);
        assert_eq!(
            e.to_string(),
            "unexpected Pwned Passwords response: prefix was not requested"
        );
        let ja = e.msg().render(Lang::Ja);
        assert!(
            ja.starts_with("Pwned Passwordsの応答が想定外です："),
            "{ja}"
        );
        assert!(crate::i18n::english_runs(&ja).is_empty(), "{ja}");
        let http = BreachError::BadResponse(BadResponse::Http(503))
            .msg()
            .render(Lang::Ja);
        assert!(http.contains("HTTP 503"), "{http}");
        // The catalogue's English is the Display text, word for word.
        for e in [
            BreachError::Offline,
            BreachError::BadResponse(BadResponse::Http(503)),
            BreachError::BadResponse(BadResponse::Line {
                line: 2,
                start: "oops".into(),
            }),
            BreachError::BadResponse(BadResponse::Empty),
            BreachError::Net {
                error: NetError::Timeout(1),
                tries: 3,
            },
        ] {
            assert_eq!(e.msg().render(Lang::En), e.to_string());
        }
    }

    #[test]
    fn disclosure_names_host_prefix_and_padding() {
        let d = disclosure(&Url::parse(DEFAULT_BASE_URL).unwrap(), "5BAA6").render(Lang::En);
        assert!(d.contains("api.pwnedpasswords.com/range/5BAA6"), "{d}");
        assert!(d.contains("Add-Padding: true"), "{d}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn offline_without_file_is_skipped_and_sends_nothing() {
        let net = Net::offline();
        let opts = BreachOptions::default();
        let mut facts = Facts::new();
        let st = collect(
            &net,
            &opts,
            &SecretString::from("pw"),
            "breach.password_count",
            &mut facts,
        )
        .await;
        assert_eq!(st.state, crate::collect::CheckState::Skipped);
        assert_eq!(st.detail.render(Lang::En), OFFLINE_REASON);
        assert!(matches!(
            facts.get("breach.password_count"),
            Some(crate::facts::Fact::NotChecked { reason }) if reason.render(Lang::En) == OFFLINE_REASON
        ));
        assert!(net.requests().is_empty());
    }
}
