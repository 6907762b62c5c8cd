//! A read-only Binance REST client on top of [`Net::get`]: the only verb it
//! can send is GET, because the network door it uses has no other.
//!
//! Behaviour that keeps a user's IP and key in good standing: a 429 stops
//! calls to the limited endpoint for as long as `Retry-After` says, a 418
//! (IP ban) stops every further call, and only server errors and timeouts are
//! retried, a bounded number of times with a fresh timestamp and signature.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::de::DeserializeOwned;
use url::Url;

use super::creds::{Credentials, mask};
use super::endpoint::{self, NO_RECV_WINDOW, Purpose};
pub use super::sign::SignError;
use super::sign::encode_query;
use crate::i18n::Msg;
use crate::msg;
use crate::net::{self, Net, NetError};

pub const DEFAULT_BASE: &str = "https://api.binance.com";
/// Binance's default; the clock offset is corrected, so no wider window is needed.
pub const RECV_WINDOW_MS: u64 = 5000;
/// Server text kept in a report, in characters, after scrubbing.
const MAX_SERVER_TEXT: usize = 200;
/// Used weight at which the next call on that budget waits for the next
/// minute rather than risk a 429 (and, repeated, a 418 ban).
const WEIGHT_PACE_PERCENT: u64 = 90;
/// Weight budgets per minute as Binance documents them (live values need
/// `exchangeInfo`, one more call): `/api` shares one per IP; each IP-limited
/// `/sapi` endpoint has its own, each UID-limited one too.
const WEIGHT_HEADERS: &[(&str, u64)] = &[
    ("x-mbx-used-weight-1m", 6_000),
    ("x-sapi-used-ip-weight-1m", 12_000),
    ("x-sapi-used-uid-weight-1m", 180_000),
];
/// A 418 without Retry-After: Binance's shortest ban is 2 minutes.
const DEFAULT_BAN_SECS: u64 = 120;

#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    /// Attempts for 5xx answers and connection failures.
    pub attempts: u32,
    /// Attempts after a timeout (each one waits the full timeout).
    pub timeout_attempts: u32,
    /// Wait before the first retry; doubled each time.
    pub backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 3,
            timeout_attempts: 2,
            backoff: Duration::from_millis(250),
        }
    }
}

/// Why a call did not produce data. It holds data only: `msg()` is the
/// one line (cause and fix) a reader is shown, made at the edge from the
/// catalogue; `Display` is a short English line for logs. Neither holds the
/// signature, a secret or the full key.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    #[error(
        "no API key: set BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_API_PRIVATE_KEY_FILE)"
    )]
    NoCredentials,
    #[error("offline mode: Binance was not contacted")]
    Offline,
    /// Binance answered with its `{code, msg}` error shape.
    #[error("Binance returned error {code} (HTTP {status})")]
    Rejected { status: u16, code: i64, msg: String },
    /// HTTP 429: this endpoint is not called again until Retry-After passes.
    #[error("Binance rate limit hit (HTTP 429)")]
    RateLimited { retry_after: Option<u64> },
    /// HTTP 418: the IP is banned; no further call is made in this run.
    #[error("Binance has temporarily banned this IP (HTTP 418)")]
    Banned { retry_after: Option<u64> },
    /// -1021 (timestamp outside the window); `corrected` says whether the
    /// request was signed again with a freshly measured Binance time.
    #[error("Binance rejected the request time (-1021)")]
    Clock { corrected: bool },
    /// The request was not sent: the run's time limit was spent, or the
    /// host failed earlier in the run (the network door's words, scrubbed).
    #[error("Binance was not asked: {0}")]
    NotSent(String),
    #[error("Binance server error (HTTP {status}) after {attempts} attempt(s)")]
    Server { status: u16, attempts: u32 },
    #[error("Binance answered HTTP {status}")]
    Http { status: u16 },
    #[error("Binance did not answer within {secs} s ({attempts} attempt(s))")]
    Timeout { secs: u64, attempts: u32 },
    #[error("could not reach Binance ({attempts} attempt(s)): {detail}")]
    Connect { detail: String, attempts: u32 },
    /// The certificate was refused (an intercepting proxy, most often).
    #[error("{detail}")]
    Tls { detail: String },
    #[error("Binance's answer could not be read (not the expected JSON: {0})")]
    BadJson(JsonProblem),
    /// The answer passed the size limit (MiB); asking again gets the same.
    #[error("Binance's answer is larger than {mib} MiB, the most this tool reads")]
    TooLarge { mib: usize },
    #[error("could not sign the request: {0}")]
    Signing(SignError),
}

impl ApiError {
    /// The server says it has no such endpoint: HTTP 404, or an error whose
    /// words say "not supported". On a regional Binance that is an endpoint
    /// the region does not offer, not a failure.
    pub fn is_not_offered(&self) -> bool {
        match self {
            ApiError::Http { status } => *status == 404,
            ApiError::Rejected { status, msg, .. } => {
                *status == 404 || msg.to_ascii_lowercase().contains("not supported")
            }
            _ => false,
        }
    }
}

/// Why an answer is not the JSON expected. Binance's bytes are never
/// quoted: only the place, or a key name (escaped).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JsonProblem {
    #[error("the key `{0}` appears twice, so its value is unknown")]
    DuplicateKey(String),
    #[error("the answer was cut off")]
    CutOff,
    #[error("malformed at line {line} column {column}")]
    Malformed { line: usize, column: usize },
    #[error("unexpected shape at line {line} column {column}")]
    Shape { line: usize, column: usize },
    /// `serverTime` a year off, or overflowing.
    #[error("serverTime is not a plausible time")]
    ImplausibleTime,
    /// A field the answer must have to mean anything.
    #[error("no \"{0}\" field")]
    NoField(&'static str),
}

impl JsonProblem {
    pub fn msg(&self) -> Msg {
        match self {
            JsonProblem::DuplicateKey(key) => msg!("binance-json-duplicate-key", key = key),
            JsonProblem::CutOff => msg!("binance-json-cut-off"),
            JsonProblem::Malformed { line, column } => {
                msg!("binance-json-malformed", line = *line, column = *column)
            }
            JsonProblem::Shape { line, column } => {
                msg!("binance-json-shape", line = *line, column = *column)
            }
            JsonProblem::ImplausibleTime => msg!("binance-json-implausible-time"),
            JsonProblem::NoField(field) => msg!("binance-json-no-field", field = *field),
        }
    }
}

impl ApiError {
    pub fn code(&self) -> Option<i64> {
        match self {
            ApiError::Rejected { code, .. } => Some(*code),
            ApiError::Clock { .. } => Some(-1021),
            _ => None,
        }
    }

    /// Errors that will not change by asking again in this run.
    pub fn stops_everything(&self) -> bool {
        matches!(
            self,
            ApiError::Banned { .. }
                | ApiError::Offline
                | ApiError::NoCredentials
                | ApiError::Tls { .. }
        ) || matches!(self.code(), Some(-2015 | -2014 | -2008 | -1022))
    }

    /// The line a reader is shown: the cause and the fix. Text that came
    /// from outside (Binance's `msg`, an OS or TLS message) is an argument,
    /// quoted in a Japanese sentence, never translated.
    pub fn msg(&self) -> Msg {
        use crate::collect::messages::{connect_detail, earlier, tls};
        let wait = |secs: Option<u64>, id: fn(u64) -> Msg| secs.map(id).unwrap_or_else(empty);
        match self {
            ApiError::NoCredentials => msg!("binance-error-no-credentials"),
            ApiError::Offline => msg!("binance-error-offline"),
            ApiError::Rejected { code, msg, status } => match code {
                -2015 => msg!(
                    "binance-error-2015",
                    ip = request_ip(msg)
                        .map(|ip| msg!("binance-error-2015-ip", ip = ip))
                        .unwrap_or_else(empty)
                ),
                -2008 => msg!("binance-error-2008"),
                -2014 => msg!("binance-error-2014"),
                -1021 => msg!("binance-error-clock"),
                -1022 => msg!("binance-error-1022"),
                -1002 => msg!("binance-error-1002"),
                -1003 => msg!("binance-error-1003"),
                // -1000 is "unknown error": only a server-side status makes it "busy".
                -1007 | -1008 => msg!("binance-error-busy", code = code.to_string()),
                -1000 if *status < 400 && msg.is_empty() => {
                    msg!("binance-error-busy", code = code.to_string())
                }
                _ if msg.is_empty() => msg!(
                    "binance-error-code",
                    code = code.to_string(),
                    status = *status
                ),
                _ => msg!(
                    "binance-error-code-msg",
                    code = code.to_string(),
                    status = *status,
                    msg = msg
                ),
            },
            ApiError::Clock { corrected: true } => msg!("binance-error-clock"),
            ApiError::Clock { corrected: false } => msg!("binance-error-clock-uncorrected"),
            ApiError::NotSent(why) => msg!("binance-error-not-sent", why = earlier(why)),
            ApiError::RateLimited { retry_after } => msg!(
                "binance-error-rate-limited",
                wait = wait(*retry_after, |s| msg!(
                    "binance-error-rate-limited-wait",
                    secs = s.to_string()
                ))
            ),
            ApiError::Banned { retry_after } => msg!(
                "binance-error-banned",
                wait = wait(*retry_after, |s| msg!(
                    "binance-error-banned-wait",
                    secs = s.to_string()
                ))
            ),
            ApiError::Server { status, attempts } => {
                msg!(
                    "binance-error-server",
                    status = *status,
                    attempts = *attempts
                )
            }
            ApiError::Http { status: 403 } => msg!("binance-error-firewall"),
            ApiError::Http { status } => msg!("binance-error-http", status = *status),
            ApiError::Timeout { secs, attempts } => msg!(
                "binance-error-timeout",
                secs = secs.to_string(),
                attempts = *attempts
            ),
            ApiError::Connect { detail, attempts } => msg!(
                "binance-error-connect",
                attempts = *attempts,
                detail = connect_detail(detail)
            ),
            ApiError::Tls { detail } => tls(detail),
            ApiError::TooLarge { mib } => msg!("binance-error-too-large", mib = mib.to_string()),
            ApiError::BadJson(problem) => msg!("binance-error-bad-json", detail = problem.msg()),
            ApiError::Signing(e) => msg!("binance-error-signing", error = e.msg()),
        }
    }
}

/// No text: an optional part of a sentence that is left out.
fn empty() -> Msg {
    Msg::verbatim("")
}

/// `…, request ip: 203.0.113.7` → the IP Binance saw.
fn request_ip(msg: &str) -> Option<&str> {
    let i = msg.to_ascii_lowercase().find("request ip:")?;
    let ip = msg[i + "request ip:".len()..]
        .trim()
        .split(|c: char| !(c.is_ascii_hexdigit() || c == '.' || c == ':'))
        .next()?;
    (!ip.is_empty()).then_some(ip)
}

#[derive(Default)]
struct Halts {
    /// IP ban in force until then (418).
    banned: Option<(Instant, Option<u64>)>,
    /// Rate-limited scopes (an endpoint, or all of `/api/`) until then (429).
    limited: HashMap<String, (Instant, Option<u64>)>,
    /// Last used weight per budget scope: (used, limit, local ms when read).
    weight: HashMap<String, (u64, u64, i64)>,
}

/// Binance limits by IP, not by key: every client for one host (every
/// profile of `--all-profiles`) shares one stop state and weight count.
fn shared_halts(base: &Url) -> Arc<Mutex<Halts>> {
    static ALL: OnceLock<Mutex<HashMap<String, Arc<Mutex<Halts>>>>> = OnceLock::new();
    let key = format!(
        "{}:{}",
        base.host_str().unwrap_or(""),
        base.port_or_known_default().unwrap_or(0)
    );
    let mut all = ALL
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    all.entry(key).or_default().clone()
}

/// What the clock measurements so far have given: a generation bumped by
/// each measurement, and whether the latest one succeeded.
#[derive(Default)]
struct ClockState {
    generation: u64,
    ok: bool,
}

pub struct BinanceClient {
    net: Net,
    base: Url,
    creds: Option<Credentials>,
    /// Binance time minus local time, as applied to `timestamp`.
    offset_ms: AtomicI64,
    retry: RetryPolicy,
    halts: Arc<Mutex<Halts>>,
    /// Held while Binance's time is measured, so concurrent -1021 answers
    /// wait for one measurement instead of each making their own.
    clock: tokio::sync::Mutex<ClockState>,
    clock_generation: AtomicU64,
    region: &'static crate::region::Region,
}

impl fmt::Debug for BinanceClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BinanceClient")
            .field("base", &self.base.as_str())
            .field("creds", &self.creds)
            .finish()
    }
}

/// Milliseconds since the epoch on this machine's clock.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[derive(serde::Deserialize)]
struct ServerTime {
    #[serde(rename = "serverTime")]
    server_time: i64,
}

/// The shape of every Binance error body, decoded here only.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct ErrorBody {
    pub code: i64,
    #[serde(default)]
    pub msg: String,
}

impl ErrorBody {
    /// The `{code, msg}` of an error answer, if it has that shape (`msg` is
    /// Binance's own words, not yet scrubbed or cut).
    pub fn parse(body: &[u8]) -> Option<ErrorBody> {
        serde_json::from_slice(body).ok()
    }
}

impl BinanceClient {
    pub fn new(net: Net, base: Url, creds: Option<Credentials>) -> BinanceClient {
        let halts = shared_halts(&base);
        BinanceClient {
            net,
            base,
            creds,
            offset_ms: AtomicI64::new(0),
            retry: RetryPolicy::default(),
            halts,
            clock: tokio::sync::Mutex::default(),
            clock_generation: AtomicU64::new(0),
            region: crate::region::default(),
        }
    }

    /// Which Binance the account is at: what its API offers.
    pub fn with_region(mut self, region: &'static crate::region::Region) -> BinanceClient {
        self.region = region;
        self
    }

    pub fn region(&self) -> &'static crate::region::Region {
        self.region
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> BinanceClient {
        self.retry = retry;
        self
    }

    pub fn credentials(&self) -> Option<&Credentials> {
        self.creds.as_ref()
    }

    pub fn net(&self) -> &Net {
        &self.net
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// The clock correction applied to signed requests (Binance minus local, ms).
    pub fn clock_offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::Relaxed)
    }

    /// Read `/api/v3/time` and correct later timestamps for this machine's
    /// clock. Returns Binance time minus local time in ms (positive: the local
    /// clock is behind), estimated at the middle of the round trip.
    ///
    /// Signed calls need not wait for it: they are signed with the offset
    /// known at the time, and one rejected with -1021 waits for this
    /// measurement and is signed again.
    pub async fn sync_clock(&self) -> Result<i64, ApiError> {
        let mut state = self.clock.lock().await;
        let sent = now_ms();
        let result = self
            .public_json::<ServerTime>(endpoint::SERVER_TIME, &[], Purpose::ClockCheck)
            .await
            .and_then(|t| self.apply_time(t.server_time, sent, now_ms()));
        state.ok = result.is_ok();
        state.generation += 1;
        self.clock_generation
            .store(state.generation, Ordering::SeqCst);
        result
    }

    /// Store the offset from one reading of Binance's time; refuse a time
    /// that is not a plausible clock reading (a year out, or overflowing).
    fn apply_time(&self, server: i64, sent: i64, received: i64) -> Result<i64, ApiError> {
        const YEAR_MS: i64 = 366 * 86_400_000;
        let offset = server.checked_sub(received).filter(|o| o.abs() < YEAR_MS);
        let Some(offset) = offset else {
            return Err(ApiError::BadJson(JsonProblem::ImplausibleTime));
        };
        // Signing uses the offset at receipt, which makes timestamps a little
        // late rather than early: Binance rejects anything 1 s ahead of it.
        self.offset_ms.store(offset, Ordering::Relaxed);
        Ok(server - (sent + received) / 2)
    }

    /// After a -1021 for a request signed at clock generation `seen`: true
    /// when a measurement newer than that signature succeeded (made here if
    /// none was), so signing again can help.
    async fn corrected_since(&self, seen: u64) -> bool {
        let mut state = self.clock.lock().await;
        if state.generation != seen {
            return state.ok;
        }
        let sent = now_ms();
        let ok = match self
            .net
            .get(
                &net::join(&self.base, endpoint::SERVER_TIME),
                &[],
                Purpose::ClockReread.label(),
            )
            .await
        {
            Ok(resp) if resp.status < 300 => parse_json::<ServerTime>(&resp.body)
                .and_then(|t| self.apply_time(t.server_time, sent, now_ms()))
                .is_ok(),
            _ => false,
        };
        state.ok = ok;
        state.generation += 1;
        self.clock_generation
            .store(state.generation, Ordering::SeqCst);
        ok
    }

    /// An unsigned GET; no API key is sent.
    pub async fn public_get(
        &self,
        path: &str,
        params: &[(&str, String)],
        purpose: Purpose,
    ) -> Result<Vec<u8>, ApiError> {
        let query = encode_query(params);
        self.send(path, &[], purpose, || Ok((query.clone(), None)))
            .await
    }

    /// A signed (USER_DATA) GET: `params`, then `recvWindow` and `timestamp`,
    /// signed over exactly the encoded string that is sent, `signature` last.
    pub async fn signed_get(
        &self,
        path: &str,
        params: &[(&str, String)],
        purpose: Purpose,
    ) -> Result<Vec<u8>, ApiError> {
        let creds = self.creds.as_ref().ok_or(ApiError::NoCredentials)?;
        let headers = [("X-MBX-APIKEY", creds.api_key.as_str())];
        let send_window = !NO_RECV_WINDOW.contains(&path);
        self.send(path, &headers, purpose, || {
            let mut all: Vec<(&str, String)> = params.to_vec();
            if send_window {
                all.push(("recvWindow", RECV_WINDOW_MS.to_string()));
            }
            all.push(("timestamp", (now_ms() + self.clock_offset_ms()).to_string()));
            let query = encode_query(&all);
            let signature = creds.signer.sign(&query).map_err(ApiError::Signing)?;
            Ok((format!("{query}&signature={signature}"), Some(signature)))
        })
        .await
    }

    /// A signed GET parsed as JSON.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        params: &[(&str, String)],
        purpose: Purpose,
    ) -> Result<T, ApiError> {
        let body = self.signed_get(path, params, purpose).await?;
        parse_json(&body)
    }

    /// An unsigned GET parsed as JSON.
    pub async fn public_json<T: DeserializeOwned>(
        &self,
        path: &str,
        params: &[(&str, String)],
        purpose: Purpose,
    ) -> Result<T, ApiError> {
        let body = self.public_get(path, params, purpose).await?;
        parse_json(&body)
    }

    fn halted(&self, path: &str) -> Option<ApiError> {
        let mut h = self.halts.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        if let Some((until, retry_after)) = h.banned {
            if now < until {
                return Some(ApiError::Banned { retry_after });
            }
            h.banned = None;
        }
        let scope = limit_scope(path);
        if let Some(&(until, retry_after)) = h.limited.get(&scope) {
            if now < until {
                return Some(ApiError::RateLimited { retry_after });
            }
            h.limited.remove(&scope);
        }
        None
    }

    fn halt(&self, path: &str, err: &ApiError) {
        let mut h = self.halts.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        // A far-off instant that cannot overflow: the run ends long before.
        let until = |secs: u64| {
            now.checked_add(Duration::from_secs(secs.min(net::MAX_RETRY_AFTER_SECS)))
                .unwrap_or(now + Duration::from_secs(86_400))
        };
        match err {
            ApiError::Banned { retry_after } => {
                let secs = retry_after.unwrap_or(DEFAULT_BAN_SECS);
                h.banned = Some((until(secs), *retry_after));
            }
            ApiError::RateLimited { retry_after } => {
                // Without Retry-After, stay away for the rest of the run.
                let secs = retry_after.unwrap_or(3600);
                h.limited
                    .insert(limit_scope(path), (until(secs), *retry_after));
            }
            _ => {}
        }
    }

    /// Remember the used weight Binance reported for this path's budget.
    fn note_weight(&self, path: &str, resp: &net::HttpResponse) {
        let mut h = self.halts.lock().unwrap_or_else(|p| p.into_inner());
        for (name, limit) in WEIGHT_HEADERS {
            if let Some(used) = resp.header(name).and_then(|v| v.trim().parse::<u64>().ok()) {
                h.weight.insert(limit_scope(path), (used, *limit, now_ms()));
            }
        }
    }

    /// Wait, if the last answer on this budget said it is nearly spent.
    async fn pace(&self, path: &str) {
        let wait = {
            let h = self.halts.lock().unwrap_or_else(|p| p.into_inner());
            h.weight
                .get(&limit_scope(path))
                .and_then(|&(used, limit, at)| weight_wait(used, limit, at, now_ms()))
        };
        if let Some(w) = wait {
            tokio::time::sleep(w).await;
        }
    }

    /// One logical call: build (and sign) the query afresh for each attempt.
    async fn send(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        purpose: Purpose,
        build: impl Fn() -> Result<(String, Option<String>), ApiError>,
    ) -> Result<Vec<u8>, ApiError> {
        let mut attempt = 0u32;
        let mut wait = self.retry.backoff;
        let mut resigned = false;
        loop {
            attempt += 1;
            self.pace(path).await;
            if let Some(e) = self.halted(path) {
                return Err(e);
            }
            let generation = self.clock_generation.load(Ordering::SeqCst);
            let (query, signature) = build()?;
            let mut url = net::join(&self.base, path);
            if !query.is_empty() {
                // Attached raw: the bytes sent are the bytes signed.
                url.set_query(Some(&query));
            }
            let result = self
                .net
                .get_try(&url, headers, purpose.label(), attempt)
                .await;
            if let Ok(resp) = &result {
                self.note_weight(path, resp);
            }
            let err = match result {
                // Redirects are not followed; a 3xx is no answer.
                Ok(resp) if resp.status >= 300 => ApiError::Http {
                    status: resp.status,
                },
                // Binance sometimes sends its error shape with HTTP 200.
                Ok(resp) => match error_body(&resp.body) {
                    Some(b) => ApiError::Rejected {
                        status: resp.status,
                        code: b.code,
                        msg: self.scrub(&b.msg, signature.as_deref()),
                    },
                    None => return Ok(resp.body),
                },
                Err(e) => self.classify(e, attempt, signature.as_deref()),
            };
            if err.code() == Some(-1021) && signature.is_some() {
                if !resigned && self.corrected_since(generation).await {
                    resigned = true;
                    attempt -= 1;
                    continue;
                }
                return Err(ApiError::Clock {
                    corrected: resigned,
                });
            }
            let retryable = match &err {
                ApiError::Server { .. } | ApiError::Connect { .. } => attempt < self.retry.attempts,
                ApiError::Timeout { .. } => attempt < self.retry.timeout_attempts,
                ApiError::Rejected { code, status, .. } => {
                    (matches!(code, -1007 | -1008) || (*code == -1000 && *status < 400))
                        && attempt < self.retry.attempts
                }
                _ => false,
            };
            if !retryable {
                self.halt(path, &err);
                return Err(err);
            }
            tokio::time::sleep(wait).await;
            wait *= 2;
        }
    }

    fn classify(&self, e: NetError, attempts: u32, signature: Option<&str>) -> ApiError {
        match e {
            NetError::Offline => ApiError::Offline,
            NetError::Timeout(secs) => ApiError::Timeout { secs, attempts },
            e @ (NetError::Deadline(_) | NetError::HostDown { .. }) => {
                ApiError::NotSent(self.scrub(&e.to_string(), signature))
            }
            NetError::Tls(d) => ApiError::Tls {
                detail: d.to_string(),
            },
            NetError::TooLarge(mib) => ApiError::TooLarge { mib },
            NetError::Connect(d) => ApiError::Connect {
                detail: self.scrub(&d.to_string(), signature),
                attempts,
            },
            NetError::Body(d) => ApiError::Connect {
                detail: self.scrub(&d, signature),
                attempts,
            },
            NetError::Status {
                status,
                retry_after,
                body,
            } => {
                let coded = ErrorBody::parse(body.as_bytes());
                match status {
                    418 => ApiError::Banned { retry_after },
                    429 => ApiError::RateLimited { retry_after },
                    500..=599 => ApiError::Server { status, attempts },
                    _ => match coded {
                        Some(b) => ApiError::Rejected {
                            status,
                            code: b.code,
                            msg: self.scrub(&b.msg, signature),
                        },
                        None => ApiError::Http { status },
                    },
                }
            }
        }
    }

    /// Text that came from outside, made safe for a report: one short line,
    /// with the key and the signature removed should a server echo them.
    ///
    /// Removal comes before cutting, so a cut can never leave half a
    /// signature; the signature is removed as sent (percent-encoded) and as
    /// a server would echo it decoded (Ed25519/RSA base64 with `+/=`).
    fn scrub(&self, text: &str, signature: Option<&str>) -> String {
        scrub_text(
            text,
            self.creds.as_ref().map(|c| c.api_key.as_str()),
            signature,
        )
    }
}

/// Shorter than this is not a secret worth masking: a one-letter "key"
/// would turn every "k" of "lookup" into stars. Binance keys, secrets and
/// signatures are 64 characters or more.
pub const MIN_MASKED: usize = 16;

/// `needle` replaced where it stands as a whole token (not inside a longer
/// run of letters and digits), and only when it is long enough to be a
/// secret at all.
pub fn replace_whole(text: &str, needle: &str, with: &str) -> String {
    if needle.chars().count() < MIN_MASKED {
        return text.to_string();
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut from = 0;
    while let Some(i) = text[from..].find(needle).map(|i| from + i) {
        let end = i + needle.len();
        let before = text[..i].chars().next_back();
        let after = text[end..].chars().next();
        if word(before) || word(after) {
            from = i + text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        out.push_str(&text[rest..i]);
        out.push_str(with);
        rest = end;
        from = end;
    }
    out.push_str(&text[rest..]);
    out
}

/// See [`BinanceClient::scrub`]; free so that every path shares it.
pub fn scrub_text(text: &str, api_key: Option<&str>, signature: Option<&str>) -> String {
    let mut s = text.to_string();
    if let Some(k) = api_key {
        s = replace_whole(&s, k, &mask(k));
    }
    if let Some(sig) = signature {
        s = replace_whole(&s, sig, "***");
        let decoded = percent_encoding::percent_decode_str(sig).decode_utf8_lossy();
        if decoded != sig {
            s = replace_whole(&s, decoded.as_ref(), "***");
        }
    }
    let s: String = s
        .chars()
        .map(|c| {
            if crate::escape::needs_escape(c) {
                ' '
            } else {
                c
            }
        })
        .take(MAX_SERVER_TEXT)
        .collect();
    s.trim().to_string()
}

/// A Binance `{code, msg}` error (code < 0) sent as a success.
fn error_body(body: &[u8]) -> Option<ErrorBody> {
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    if body[start] != b'{' || body.len() > 64 * 1024 {
        return None;
    }
    serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .filter(|b| b.code < 0)
}

/// How long to wait before a call on a budget with `used` of `limit` weight
/// reported at local ms `at`: until the next minute window when it is
/// nearly spent and that window has not already turned.
pub fn weight_wait(used: u64, limit: u64, at: i64, now: i64) -> Option<Duration> {
    if limit == 0 || used.saturating_mul(100) < limit.saturating_mul(WEIGHT_PACE_PERCENT) {
        return None;
    }
    // Binance's minute windows are wall-clock minutes; a little slack for
    // the two clocks.
    let next_minute = at
        .div_euclid(60_000)
        .saturating_add(1)
        .saturating_mul(60_000)
        .saturating_add(500);
    let wait = next_minute.saturating_sub(now);
    (wait > 0).then(|| Duration::from_millis(wait.min(61_000) as u64))
}

/// `/api/*` shares one IP weight budget; each `/sapi/*` endpoint has its own.
fn limit_scope(path: &str) -> String {
    if path.starts_with("/api/") {
        "/api/".into()
    } else {
        path.to_string()
    }
}

/// JSON into `T`; a Binance error object in a 200 answer is still an error.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if let Some(key) = super::dupkeys::first_duplicate(body) {
        return Err(ApiError::BadJson(JsonProblem::DuplicateKey(key)));
    }
    match serde_json::from_slice::<T>(body) {
        Ok(v) => Ok(v),
        Err(e) => {
            if let Ok(b) = serde_json::from_slice::<ErrorBody>(body)
                && b.code < 0
            {
                return Err(ApiError::Rejected {
                    status: 200,
                    code: b.code,
                    msg: scrub_text(&b.msg, None, None),
                });
            }
            let (line, column) = (e.line(), e.column());
            Err(ApiError::BadJson(if e.is_eof() {
                JsonProblem::CutOff
            } else if e.is_syntax() {
                JsonProblem::Malformed { line, column }
            } else {
                JsonProblem::Shape { line, column }
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn error_lines_explain_codes() {
        let e = ApiError::Rejected {
            status: 401,
            code: -2015,
            msg: "Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7".into(),
        };
        let s = e.msg().render(Lang::En);
        assert!(
            s.contains("203.0.113.7") && s.contains("allow-list") && s.contains("Enable Reading"),
            "{s}"
        );
        assert!(!s.contains('\n'));
        let s = ApiError::Rejected {
            status: 400,
            code: -2008,
            msg: String::new(),
        }
        .msg()
        .render(Lang::En);
        assert!(s.contains("deleted or expired"), "{s}");
        let s = ApiError::Rejected {
            status: 400,
            code: -1021,
            msg: String::new(),
        }
        .msg()
        .render(Lang::En);
        assert!(s.contains("clock"), "{s}");
        let s = ApiError::Rejected {
            status: 400,
            code: -1022,
            msg: String::new(),
        }
        .msg()
        .render(Lang::En);
        assert!(s.contains("signature"), "{s}");
        let s = ApiError::RateLimited {
            retry_after: Some(7),
        }
        .msg()
        .render(Lang::En);
        assert!(s.contains("429") && s.contains("7 s"), "{s}");
        let s = ApiError::Banned {
            retry_after: Some(120),
        }
        .msg()
        .render(Lang::En);
        assert!(s.contains("418") && s.contains("120 s"), "{s}");
    }

    /// The catalogue says what the old `Display` said, word for word.
    #[test]
    fn messages_read_as_before() {
        let r = |code, status, msg: &str| ApiError::Rejected {
            status,
            code,
            msg: msg.into(),
        };
        let en = |e: ApiError| e.msg().render(Lang::En);
        let ja = |e: ApiError| e.msg().render(Lang::Ja);
        assert_eq!(
            en(r(-2015, 401, "x, request ip: 1.2.3.4")),
            "Binance rejected the API key (-2015 \"Invalid API-key, IP, or permissions for action\"); the usual causes: (1) the key and the secret/private key do not belong together — copy both again; (2) this machine's IP (Binance saw 1.2.3.4) is not on the key's IP allow-list — which is good: run the audit from an allowed host or add this IP in Profile → API Management → Edit restrictions; (3) \"Enable Reading\" is off for the key — turn it on in Profile → API Management"
        );
        assert!(ja(r(-2015, 401, "")).contains("この端末のIPがキーのIP許可リストにない"));
        assert_eq!(
            en(r(-1007, 500, "")),
            "Binance could not answer (-1007: busy or internal timeout); try again later"
        );
        assert_eq!(
            en(r(-1000, 400, "odd")),
            "Binance returned error -1000 (HTTP 400): odd"
        );
        assert_eq!(
            ja(r(-1130, 400, "bad param")),
            "Binanceがエラー -1130 を返しました（HTTP 400）：「bad param」"
        );
        assert_eq!(
            en(ApiError::RateLimited {
                retry_after: Some(604_800)
            }),
            "Binance rate limit hit (HTTP 429): this endpoint was not called again as Binance asks — wait 604800 s; nothing was retried, so the limit is not made worse"
        );
        assert_eq!(
            en(ApiError::Banned { retry_after: None }),
            "Binance has temporarily banned this IP (HTTP 418) after too many requests: every further call was stopped; do not run tools against Binance from this IP until then"
        );
        assert_eq!(
            ja(ApiError::Banned {
                retry_after: Some(120)
            }),
            "リクエストが多すぎたため、BinanceがこのIPを一時的に禁止しました（HTTP 418）。以降の呼び出しはすべて止めました（禁止は120秒続きます）。それまでこのIPからBinanceに対してツールを実行しないでください"
        );
        assert_eq!(
            en(ApiError::Timeout {
                secs: 15,
                attempts: 2
            }),
            "Binance did not answer within 15 s (2 attempt(s)); check the connection or raise --timeout"
        );
        assert_eq!(
            en(ApiError::NotSent(NetError::Deadline(30).to_string())),
            "Binance was not asked: the run's time limit of 30 s was reached; not sent"
        );
        assert_eq!(
            ja(ApiError::NotSent(NetError::Deadline(30).to_string())),
            "Binanceには問い合わせていません：この実行の制限時間（30秒）に達したため、送信していません"
        );
        assert_eq!(
            en(ApiError::BadJson(JsonProblem::Malformed {
                line: 1,
                column: 9
            })),
            "Binance's answer could not be read (not the expected JSON: malformed at line 1 column 9)"
        );
        assert_eq!(
            ja(ApiError::Signing(SignError::RsaFailed)),
            "リクエストに署名できませんでした：「RSAの署名に失敗しました（キーが壊れていませんか）」"
        );
        assert_eq!(
            en(ApiError::NoCredentials),
            ApiError::NoCredentials.to_string()
        );
        for e in [
            ApiError::Offline,
            ApiError::Http { status: 403 },
            ApiError::Server {
                status: 502,
                attempts: 3,
            },
            ApiError::TooLarge { mib: 32 },
            ApiError::Clock { corrected: false },
        ] {
            assert!(
                crate::i18n::english_runs(&ja(e.clone())).is_empty(),
                "{e:?}"
            );
        }
    }

    #[test]
    fn request_ip_is_found() {
        assert_eq!(request_ip("x, request ip: 1.2.3.4"), Some("1.2.3.4"));
        assert_eq!(
            request_ip("x, request ip: 2001:db8::1."),
            Some("2001:db8::1.")
        );
        assert_eq!(request_ip("nothing"), None);
    }

    #[test]
    fn json_errors_say_what_not_content() {
        #[derive(serde::Deserialize, Debug)]
        struct T {
            #[allow(dead_code)]
            a: bool,
        }
        let e = parse_json::<T>(br#"{"a": tru"#)
            .unwrap_err()
            .msg()
            .render(Lang::En);
        assert!(e.contains("cut off") || e.contains("malformed"), "{e}");
        let e = parse_json::<T>(br#"{"code": -2015, "msg": "Invalid API-key"}"#).unwrap_err();
        assert_eq!(e.code(), Some(-2015));
    }

    #[test]
    fn nearly_spent_weight_waits_for_the_next_minute() {
        let minute = 1_764_028_800_000i64; // a whole minute
        assert_eq!(
            weight_wait(100, 6000, minute + 10_000, minute + 10_000),
            None
        );
        let w = weight_wait(5_500, 6000, minute + 10_000, minute + 10_000).unwrap();
        assert_eq!(w, Duration::from_millis(50_500));
        // The window already turned: no wait.
        assert_eq!(
            weight_wait(5_900, 6000, minute + 10_000, minute + 61_000),
            None
        );
        // Hostile numbers do not overflow.
        assert!(
            weight_wait(u64::MAX, u64::MAX, i64::MAX, i64::MIN)
                .is_some_and(|w| w <= Duration::from_secs(61))
        );
        assert_eq!(weight_wait(u64::MAX, 0, 0, 0), None);
    }

    #[test]
    fn scrubbing_comes_before_cutting() {
        let sig = "rSORWIadXhFv1mXZKRne1w9q%2FKQ6%2FsCDMsA4MslDflcwbcEKIUMt1VKjCD%2Fytuwyusg%3D%3D";
        let text = format!(
            "{} sig {sig} decoded {} key KEYKEYKEYKEYKEYKEY\u{1b}[2K",
            "x".repeat(180),
            "rSORWIadXhFv1mXZKRne1w9q/KQ6/sCDMsA4MslDflcwbcEKIUMt1VKjCD/ytuwyusg=="
        );
        let s = scrub_text(&text, Some("KEYKEYKEYKEYKEYKEY"), Some(sig));
        assert!(!s.contains("rSORWI") && !s.contains("KEYKEYKEY"), "{s}");
        assert!(s.chars().count() <= MAX_SERVER_TEXT);
        assert!(!s.contains('\u{1b}'));
    }

    #[test]
    fn masking_takes_whole_secrets_never_fragments_of_words() {
        let text = "DNS lookup failed: check the internet connection";
        // A one-letter or short "key" is no secret: nothing is starred.
        assert_eq!(scrub_text(text, Some("k"), None), text);
        assert_eq!(scrub_text(text, Some("check"), None), text);
        let key = crate::collect::binance::creds::tests_support::KEY;
        let echoed = format!("invalid key {key}, check the key; {key}.");
        let s = scrub_text(&echoed, Some(key), None);
        assert!(!s.contains(key), "{s}");
        assert!(s.contains("check the key"), "{s}");
        assert_eq!(s.matches("vmPU…Eh8A").count(), 2, "{s}");
        // Inside a longer run of letters it is another token, left alone.
        let longer = format!("x{key}");
        assert_eq!(scrub_text(&longer, Some(key), None), longer);
    }

    #[test]
    fn a_ban_seen_by_one_profile_stops_every_client_of_that_host() {
        let base = Url::parse("http://127.0.0.1:1/").unwrap();
        let a = BinanceClient::new(Net::offline(), base.clone(), None);
        let b = BinanceClient::new(Net::offline(), base, None);
        let other = BinanceClient::new(
            Net::offline(),
            Url::parse("http://127.0.0.1:2/").unwrap(),
            None,
        );
        a.halt(
            "/sapi/v1/account/status",
            &ApiError::Banned {
                retry_after: Some(u64::MAX),
            },
        );
        assert!(matches!(
            b.halted("/api/v3/account"),
            Some(ApiError::Banned { .. })
        ));
        assert!(other.halted("/api/v3/account").is_none());
        a.halt(
            "/sapi/v1/x",
            &ApiError::RateLimited {
                retry_after: Some(u64::MAX),
            },
        );
    }

    #[test]
    fn api_weight_is_shared_sapi_is_not() {
        assert_eq!(limit_scope("/api/v3/account"), limit_scope("/api/v3/time"));
        assert_ne!(
            limit_scope("/sapi/v1/account/status"),
            limit_scope("/sapi/v1/account/info")
        );
    }

    /// GET-only by construction: nothing in the crate builds a request with
    /// another verb, and `Net` (the only holder of an HTTP client) exposes
    /// nothing but `get`. A new verb anywhere fails this test.
    #[test]
    fn no_code_path_can_send_anything_but_get() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let forbidden = [
            ".post(",
            ".put(",
            ".patch(",
            ".delete(",
            ".head(",
            ".request(",
            "Method::POST",
            "Method::PUT",
            "Method::PATCH",
            "Method::DELETE",
            "Method::HEAD",
            "Method::OPTIONS",
            "Method::from_bytes",
            "reqwest::blocking",
        ];
        let mut stack = vec![root];
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files += 1;
                    let text = std::fs::read_to_string(&path).unwrap();
                    // This test names the verbs it forbids; skip its own module.
                    let code = text.split("#[cfg(test)]").next().unwrap_or("");
                    for f in forbidden {
                        assert!(!code.contains(f), "{} contains `{f}`", path.display());
                    }
                }
            }
        }
        assert!(files > 10);
        let net = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/net.rs"),
        )
        .unwrap();
        assert_eq!(
            net.matches("client.get(").count(),
            1,
            "Net sends only through one GET"
        );
        assert!(
            !net.contains("pub fn client") && !net.contains("pub client"),
            "the reqwest client must stay private to Net"
        );
    }
}
