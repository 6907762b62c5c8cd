//! The one door to the network. Every request the tool makes goes through
//! [`Net::get`]: there is no other verb, so nothing but GET can leave the
//! machine, and every request is written to the network log that reports show.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use url::Url;

use crate::i18n::{Lang, Msg};

pub const USER_AGENT: &str = concat!(
    "binance-audit/",
    env!("CARGO_PKG_VERSION"),
    " (security self-audit; +https://github.com/binance-audit/binance-audit)"
);

/// Responses larger than this are refused: the largest legitimate body
/// (`capital/config/getall`) is a few MB.
pub const MAX_BODY: usize = 32 * 1024 * 1024;

/// Longest `Retry-After` taken at its word (Binance's longest ban is 3 days):
/// a server's number goes into time arithmetic, so it is clamped where it
/// enters, and `u64::MAX` cannot overflow an `Instant`.
pub const MAX_RETRY_AFTER_SECS: u64 = 7 * 86_400;

/// Failures (refused, reset, timed out) in a row after which a host counts as
/// down for the rest of the run: the retries of one call get a real chance
/// (both clients try 3 times), the 200th request of a list does not wait
/// for a timeout again.
const DOWN_AFTER: u32 = 3;

/// One request as shown to the user: query values are masked because signed
/// queries carry a timestamp and signature that are nobody's business.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NetRequest {
    pub method: String,
    pub host: String,
    pub path: String,
    pub purpose: String,
    /// How many times it was tried: a retried request is listed once.
    pub tries: u32,
}

impl NetRequest {
    /// What the request was for, for a reader (the log keeps the label).
    pub fn purpose_msg(&self) -> Msg {
        purpose_msg(&self.purpose)
    }
}

/// What a request is for. The network log (and so every JSON report) keeps
/// the short English `label`, a stable value scripts may match; a reader is
/// shown `msg`, from the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ClockCheck,
    ClockReread,
    ServerTime,
    SystemStatus,
    Connectivity,
    ApiKeyPermissions,
    TradingLock,
    AccountStatus,
    EnabledProducts,
    AddressBook,
    WithdrawQuota,
    AccountAbilities,
    AccountUid,
    DepositHistory,
    WithdrawHistory,
    OpenOrders,
    OpenOrdersCount,
    OrderHistory,
    CoinNetworks,
    PwnedRange,
}

impl Purpose {
    pub const ALL: [Purpose; 20] = [
        Purpose::ClockCheck,
        Purpose::ClockReread,
        Purpose::ServerTime,
        Purpose::SystemStatus,
        Purpose::Connectivity,
        Purpose::ApiKeyPermissions,
        Purpose::TradingLock,
        Purpose::AccountStatus,
        Purpose::EnabledProducts,
        Purpose::AddressBook,
        Purpose::WithdrawQuota,
        Purpose::AccountAbilities,
        Purpose::AccountUid,
        Purpose::DepositHistory,
        Purpose::WithdrawHistory,
        Purpose::OpenOrders,
        Purpose::OpenOrdersCount,
        Purpose::OrderHistory,
        Purpose::CoinNetworks,
        Purpose::PwnedRange,
    ];

    /// The network log's label: never translated, never reworded.
    pub const fn label(self) -> &'static str {
        match self {
            Purpose::ClockCheck => "Binance server time (clock check)",
            Purpose::ClockReread => "Binance server time (re-read after -1021)",
            Purpose::ServerTime => "Binance server time",
            Purpose::SystemStatus => "Binance system status",
            Purpose::Connectivity => "Binance connectivity",
            Purpose::ApiKeyPermissions => "API key permissions",
            Purpose::TradingLock => "API trading lock",
            Purpose::AccountStatus => "account status",
            Purpose::EnabledProducts => "enabled products",
            Purpose::AddressBook => "withdrawal address book",
            Purpose::WithdrawQuota => "withdrawal quota used in 24 h",
            Purpose::AccountAbilities => "account can trade/withdraw/deposit",
            Purpose::AccountUid => "account UID and switches",
            Purpose::DepositHistory => "deposit history",
            Purpose::WithdrawHistory => "withdraw history",
            Purpose::OpenOrders => "open orders, all symbols",
            Purpose::OpenOrdersCount => "open orders count (all symbols)",
            Purpose::OrderHistory => "order/trade history",
            Purpose::CoinNetworks => "deposit/withdrawal state per coin and network",
            Purpose::PwnedRange => {
                "Pwned Passwords range lookup (k-anonymity: first 5 of 40 SHA-1 hex digits, Add-Padding: true)"
            }
        }
    }

    pub fn msg(self) -> Msg {
        use crate::msg;
        match self {
            Purpose::ClockCheck => msg!("net-purpose-clock-check"),
            Purpose::ClockReread => msg!("net-purpose-clock-reread"),
            Purpose::ServerTime => msg!("net-purpose-server-time"),
            Purpose::SystemStatus => msg!("net-purpose-system-status"),
            Purpose::Connectivity => msg!("net-purpose-connectivity"),
            Purpose::ApiKeyPermissions => msg!("net-purpose-api-key-permissions"),
            Purpose::TradingLock => msg!("net-purpose-trading-lock"),
            Purpose::AccountStatus => msg!("net-purpose-account-status"),
            Purpose::EnabledProducts => msg!("net-purpose-enabled-products"),
            Purpose::AddressBook => msg!("net-purpose-address-book"),
            Purpose::WithdrawQuota => msg!("net-purpose-withdraw-quota"),
            Purpose::AccountAbilities => msg!("net-purpose-account-abilities"),
            Purpose::AccountUid => msg!("net-purpose-account-uid"),
            Purpose::DepositHistory => msg!("net-purpose-deposit-history"),
            Purpose::WithdrawHistory => msg!("net-purpose-withdraw-history"),
            Purpose::OpenOrders => msg!("net-purpose-open-orders"),
            Purpose::OpenOrdersCount => msg!("net-purpose-open-orders-count"),
            Purpose::OrderHistory => msg!("net-purpose-order-history"),
            Purpose::CoinNetworks => msg!("net-purpose-coin-networks"),
            Purpose::PwnedRange => msg!("net-purpose-pwned-range"),
        }
    }

    pub fn from_label(label: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.label() == label)
    }
}

/// What the evidence gatherer marks its requests with, after the label.
pub const EVIDENCE_SUFFIX: &str = " (evidence)";

/// A logged label for a reader: a known one (or a known one gathered as
/// evidence) from the catalogue; an unknown one as it was recorded.
pub fn purpose_msg(label: &str) -> Msg {
    let (base, evidence) = match label.strip_suffix(EVIDENCE_SUFFIX) {
        Some(b) => (b, true),
        None => (label, false),
    };
    match Purpose::from_label(base) {
        Some(p) if evidence => crate::msg!("net-purpose-evidence", what = p.msg()),
        Some(p) => p.msg(),
        None => Msg::verbatim(label),
    }
}

/// Why a request gave no answer. Variants hold data only; the sentence is
/// the catalogue's (`msg`), and `Display` is its English rendering, for logs
/// and for layers that still keep an error as English text.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
#[error("{}", self.msg().render(Lang::En))]
pub enum NetError {
    Offline,
    /// After this many seconds.
    Timeout(u64),
    Connect(ConnectCause),
    /// The TLS handshake failed on the certificate: asking again gets the
    /// same certificate, so callers do not retry.
    Tls(TlsFailure),
    Status {
        status: u16,
        retry_after: Option<u64>,
        body: String,
    },
    /// The body could not be read; the cause is the library's own words.
    Body(String),
    /// The body passed `MAX_BODY` (in MiB): cut, it could read as complete.
    TooLarge(usize),
    /// The run's overall time budget (in seconds) was spent; nothing was sent.
    Deadline(u64),
    /// Earlier requests to this host failed (the last one for `cause`);
    /// nothing was sent.
    HostDown {
        host: String,
        cause: Box<NetError>,
    },
}

/// Why a connection could not be made.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
#[error("{}", self.msg().render(Lang::En))]
pub enum ConnectCause {
    /// The name did not resolve.
    Dns { host: String },
    /// The operating system's or the library's own words.
    Other(String),
}

/// A certificate that was refused.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
#[error("{}", self.msg().render(Lang::En))]
pub enum TlsFailure {
    /// For another name, or from an issuer this machine does not trust: what
    /// a TLS-inspecting proxy or antivirus presents. `service` is who is
    /// behind `host`, for a person ("Binance").
    Intercepted { service: String, host: String },
    /// Refused for another reason (rustls' name for it: `Expired`, …).
    Refused { host: String, reason: String },
}

/// Text from outside (an OS message, a library's words): as it came in
/// English, quoted in 「…」 in Japanese.
fn outside(text: &str) -> Msg {
    crate::msg!("net-outside", text = text.trim())
}

impl NetError {
    /// The sentence, for the edge to render in the reader's language.
    pub fn msg(&self) -> Msg {
        use crate::msg;
        match self {
            NetError::Offline => msg!("net-offline"),
            NetError::Timeout(secs) => msg!("net-timeout", secs = *secs),
            NetError::Connect(c) => msg!("net-could-not-connect", reason = c.msg()),
            NetError::Tls(t) => t.msg(),
            NetError::Status { status, .. } => msg!("net-http-status", status = *status),
            NetError::Body(d) => msg!("net-body", reason = outside(d)),
            NetError::TooLarge(mib) => msg!("net-too-large", mib = *mib),
            NetError::Deadline(secs) => msg!("net-deadline", secs = *secs),
            NetError::HostDown { host, cause } => {
                msg!("net-host-down", host = host, cause = cause.msg())
            }
        }
    }
}

impl ConnectCause {
    pub fn msg(&self) -> Msg {
        match self {
            ConnectCause::Dns { host } => crate::msg!("net-dns-failed", host = host),
            ConnectCause::Other(d) => outside(d),
        }
    }
}

impl From<String> for ConnectCause {
    fn from(s: String) -> ConnectCause {
        ConnectCause::Other(s)
    }
}

impl From<&str> for ConnectCause {
    fn from(s: &str) -> ConnectCause {
        ConnectCause::Other(s.to_string())
    }
}

impl TlsFailure {
    pub fn msg(&self) -> Msg {
        match self {
            TlsFailure::Intercepted { service, host } => {
                crate::msg!("net-tls-intercepted", service = service, host = host)
            }
            TlsFailure::Refused { host, reason } => {
                crate::msg!("net-tls-refused", host = host, reason = outside(reason))
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct NetOptions {
    pub offline: bool,
    pub connect_timeout: Duration,
    pub timeout: Duration,
}

impl Default for NetOptions {
    fn default() -> Self {
        NetOptions {
            offline: false,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(15),
        }
    }
}

#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub retry_after: Option<u64>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Failures in a row per host, and the last one, shared by every fork of a `Net`.
type HostHealth = Arc<Mutex<HashMap<String, (u32, NetError)>>>;

#[derive(Clone)]
pub struct Net {
    client: Option<reqwest::Client>,
    timeout: Duration,
    log: Arc<Mutex<Vec<NetRequest>>>,
    /// End of the run's time budget, if one was set; shared by forks.
    deadline: Arc<Mutex<Option<(Instant, Duration)>>>,
    health: HostHealth,
}

impl Net {
    pub fn new(opts: &NetOptions) -> Result<Net, NetError> {
        if opts.offline {
            return Ok(Net::offline());
        }
        // reqwest is built without a default crypto provider (ring is smaller and
        // builds faster than aws-lc); a second install attempt is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| NetError::Connect(e.without_url().to_string().into()))?;
        Ok(Net {
            client: Some(client),
            timeout: opts.timeout,
            log: Arc::default(),
            deadline: Arc::default(),
            health: Arc::default(),
        })
    }

    pub fn offline() -> Net {
        Net {
            client: None,
            timeout: Duration::ZERO,
            log: Arc::default(),
            deadline: Arc::default(),
            health: Arc::default(),
        }
    }

    /// Give the run one overall time budget from now: each request's timeout
    /// is cut to what is left, and nothing is sent once it is spent.
    pub fn set_deadline(&self, budget: Duration) {
        if let Ok(mut d) = self.deadline.lock() {
            *d = Instant::now().checked_add(budget).map(|t| (t, budget));
        }
    }

    /// The budget an audit run gets: each host hangs at most about one
    /// `--timeout` before it counts as down, plus a retry's worth of slack.
    pub fn run_budget(timeout: Duration) -> Duration {
        timeout
            .saturating_mul(2)
            .saturating_add(Duration::from_secs(1))
    }

    /// Time left before the deadline (None: no deadline set).
    fn remaining(&self) -> Result<Option<Duration>, NetError> {
        let Some((end, budget)) = self.deadline.lock().ok().and_then(|d| *d) else {
            return Ok(None);
        };
        match end.checked_duration_since(Instant::now()) {
            Some(left) if !left.is_zero() => Ok(Some(left)),
            _ => Err(NetError::Deadline(budget.as_secs().max(1))),
        }
    }

    fn host_down(&self, host: &str) -> Option<NetError> {
        let h = self.health.lock().ok()?;
        let (fails, cause) = h.get(host)?;
        (*fails >= DOWN_AFTER).then(|| NetError::HostDown {
            host: host.to_string(),
            cause: Box::new(cause.clone()),
        })
    }

    fn record_health(&self, host: &str, result: Result<(), &NetError>) {
        let Ok(mut h) = self.health.lock() else {
            return;
        };
        match result {
            Ok(()) => {
                h.remove(host);
            }
            Err(e @ (NetError::Connect(_) | NetError::Timeout(_))) => {
                let entry = h.entry(host.to_string()).or_insert((0, e.clone()));
                entry.0 = entry.0.saturating_add(1);
                entry.1 = e.clone();
            }
            Err(_) => {}
        }
    }

    /// The same connection pool with its own request log: each profile's
    /// report lists only the requests made for it.
    pub fn fork(&self) -> Net {
        Net {
            client: self.client.clone(),
            timeout: self.timeout,
            log: Arc::default(),
            deadline: self.deadline.clone(),
            health: self.health.clone(),
        }
    }

    /// Offline is this door's property alone: every layer asks here and
    /// none keeps a flag of its own, so no two answers can disagree.
    pub fn is_offline(&self) -> bool {
        self.client.is_none()
    }

    /// Every request made so far, in order.
    pub fn requests(&self) -> Vec<NetRequest> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// The only way to send anything: a GET with the given headers.
    pub async fn get(
        &self,
        url: &Url,
        headers: &[(&str, &str)],
        purpose: &str,
    ) -> Result<HttpResponse, NetError> {
        self.get_try(url, headers, purpose, 1).await
    }

    /// [`Net::get`] as try number `attempt` of one logical request: a retry
    /// adds to the first try's line in the network log instead of a new one.
    pub async fn get_try(
        &self,
        url: &Url,
        headers: &[(&str, &str)],
        purpose: &str,
        attempt: u32,
    ) -> Result<HttpResponse, NetError> {
        let client = self.client.as_ref().ok_or(NetError::Offline)?;
        let host = host_with_port(url);
        let left = self.remaining()?;
        if let Some(e) = self.host_down(&host) {
            return Err(e);
        }
        let result = self
            .send(client, url, headers, purpose, left, attempt)
            .await;
        match &result {
            Ok(_) | Err(NetError::Status { .. }) => self.record_health(&host, Ok(())),
            Err(e) => self.record_health(&host, Err(e)),
        }
        result
    }

    async fn send(
        &self,
        client: &reqwest::Client,
        url: &Url,
        headers: &[(&str, &str)],
        purpose: &str,
        left: Option<Duration>,
        attempt: u32,
    ) -> Result<HttpResponse, NetError> {
        self.record(&host_with_port(url), masked_path(url), purpose, attempt);
        let mut req = client.get(url.clone());
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let cut = left.is_some_and(|l| l < self.timeout);
        if let Some(l) = left.filter(|_| cut) {
            req = req.timeout(l);
        }
        let host_name = url.host_str().unwrap_or("");
        let resp = req
            .send()
            .await
            .map_err(|e| self.classify(e, cut, host_name))?;
        let status = resp.status().as_u16();
        let headers: Vec<(String, String)> = resp
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect();
        let retry_after = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("retry-after"))
            .and_then(|(_, v)| parse_retry_after(v));
        let body = read_body(resp).await.map_err(|e| match e {
            Ok(e) => self.classify(e, cut, host_name),
            Err(too_big) => too_big,
        })?;
        if status >= 400 {
            return Err(NetError::Status {
                status,
                retry_after,
                body: String::from_utf8_lossy(&body[..body.len().min(2048)]).into_owned(),
            });
        }
        Ok(HttpResponse {
            status,
            retry_after,
            headers,
            body,
        })
    }

    fn record(&self, host: &str, path: String, purpose: &str, attempt: u32) {
        let Ok(mut log) = self.log.lock() else {
            return;
        };
        if attempt > 1
            && let Some(first) = log
                .iter_mut()
                .rev()
                .find(|r| r.host == host && r.path == path && r.purpose == purpose)
        {
            first.tries = first.tries.max(attempt);
            return;
        }
        log.push(NetRequest {
            method: "GET".into(),
            host: host.to_string(),
            path,
            purpose: purpose.into(),
            tries: 1,
        });
    }

    fn classify(&self, e: reqwest::Error, deadline_cut: bool, host: &str) -> NetError {
        // Strip the URL: signed Binance queries carry the signature.
        let e = e.without_url();
        if e.is_timeout() && deadline_cut {
            let budget = self.deadline.lock().ok().and_then(|d| *d).map(|d| d.1);
            NetError::Deadline(budget.unwrap_or(self.timeout).as_secs().max(1))
        } else if e.is_timeout() {
            NetError::Timeout(self.timeout.as_secs().max(1))
        } else if let Some(tls) = tls_failure(&e, host) {
            NetError::Tls(tls)
        } else if e.is_connect() {
            NetError::Connect(dns_failure(&e, host).unwrap_or_else(|| root_cause(&e).into()))
        } else if e.is_body() || e.is_decode() {
            NetError::Body(root_cause(&e))
        } else {
            NetError::Connect(root_cause(&e).into())
        }
    }
}

/// `Retry-After` in seconds, clamped; an HTTP-date or garbage is ignored.
pub fn parse_retry_after(v: &str) -> Option<u64> {
    let v = v.trim();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All digits: a parse failure can only be an overflow.
    Some(
        v.parse::<u64>()
            .map_or(MAX_RETRY_AFTER_SECS, |s| s.min(MAX_RETRY_AFTER_SECS)),
    )
}

/// Every error in a chain, including the one an `io::Error` wraps (its
/// `source()` skips it), so a rustls error under hyper's is found.
fn chain<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> Vec<&'a (dyn std::error::Error + 'static)> {
    let mut out = Vec::new();
    let mut cur = Some(e);
    while let Some(c) = cur {
        out.push(c);
        if let Some(inner) = c
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            let inner: &(dyn std::error::Error + 'static) = inner;
            out.push(inner);
        }
        cur = c.source();
    }
    out
}

/// Who is behind a host, for a person: "Binance", not "api.binance.com".
/// Names, the same in every language.
fn service(host: &str) -> String {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    let under = |d: &str| h == d || h.ends_with(&format!(".{d}"));
    if under("binance.com") || under("binance.vision") {
        "Binance".into()
    } else if under("pwnedpasswords.com") {
        "Pwned Passwords".into()
    } else {
        host.to_string()
    }
}

/// A certificate that is not the site's: for another name, or from an issuer
/// this machine does not trust — what a TLS-inspecting proxy or antivirus
/// presents. Said once, plainly, instead of rustls' wording.
fn tls_failure(e: &(dyn std::error::Error + 'static), host: &str) -> Option<TlsFailure> {
    use rustls::CertificateError as C;
    let mut intercepted = false;
    let mut other: Option<String> = None;
    for c in chain(e) {
        if let Some(rustls::Error::InvalidCertificate(ce)) = c.downcast_ref::<rustls::Error>() {
            match ce {
                C::NotValidForName | C::NotValidForNameContext { .. } | C::UnknownIssuer => {
                    intercepted = true
                }
                other_err => other = Some(format!("{other_err:?}")),
            }
        } else {
            let text = c.to_string();
            if text.contains("NotValidForName")
                || text.contains("not valid for name")
                || text.contains("UnknownIssuer")
                || text.contains("unknown issuer")
                || text.contains("CaUsedAsEndEntity")
            {
                intercepted = true;
            } else if text.contains("invalid peer certificate") {
                other = Some(text);
            }
        }
    }
    if intercepted {
        Some(TlsFailure::Intercepted {
            service: service(host),
            host: host.to_string(),
        })
    } else {
        other.map(|reason| TlsFailure::Refused {
            host: host.to_string(),
            reason,
        })
    }
}

/// The English `net-dns-failed` as `DNS_FAILED` + host + `DNS_ADVICE`: only
/// for `collect::messages`, which still finds the DNS case in an English
/// `ApiError` detail by this shape. Goes once `ApiError` keeps the
/// `NetError` and renders `NetError::msg` (a test keeps it in step).
pub const DNS_FAILED: &str = "DNS lookup failed for ";
pub const DNS_ADVICE: &str = ": check the internet connection, or the DNS or proxy settings";

/// A name that did not resolve.
fn dns_failure(e: &(dyn std::error::Error + 'static), host: &str) -> Option<ConnectCause> {
    chain(e)
        .iter()
        .any(|c| {
            let t = c.to_string().to_ascii_lowercase();
            t.contains("dns error")
                || t.contains("failed to lookup address")
                || t.contains("name or service not known")
                || t.contains("no such host")
                || t.contains("nodename nor servname")
        })
        .then(|| ConnectCause::Dns {
            host: host.to_string(),
        })
}

/// The whole body, or an error naming the limit: a body cut at the limit
/// could end on a line boundary and read as complete.
async fn read_body(
    mut resp: reqwest::Response,
) -> Result<Vec<u8>, Result<reqwest::Error, NetError>> {
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(Ok)? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(Err(NetError::TooLarge(MAX_BODY / (1024 * 1024))));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

fn host_with_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or("");
    match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    }
}

/// The path plus the query with every value replaced by `***`.
pub fn masked_path(url: &Url) -> String {
    let mut out = url.path().to_string();
    if let Some(q) = url.query() {
        let masked: Vec<String> = q
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) => format!("{k}=***"),
                None => pair.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&masked.join("&"));
    }
    out
}

/// A configured base URL that cannot be used; `what` names the service
/// ("Binance API"), the same in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseUrlError {
    /// `reason`: the URL parser's own words.
    NotUrl {
        what: String,
        raw: String,
        reason: String,
    },
    PlainHttp {
        what: String,
        raw: String,
    },
    Scheme {
        what: String,
        raw: String,
        scheme: String,
    },
    NoHost {
        what: String,
        raw: String,
    },
    UserInfo {
        what: String,
    },
}

impl BaseUrlError {
    pub fn msg(&self) -> Msg {
        use crate::msg;
        let q = |raw: &str| format!("{raw:?}");
        match self {
            BaseUrlError::NotUrl { what, raw, reason } => {
                msg!(
                    "net-url-not-a-url",
                    what = what,
                    raw = q(raw),
                    reason = outside(reason)
                )
            }
            BaseUrlError::PlainHttp { what, raw } => {
                msg!("net-url-plain-http", what = what, raw = q(raw))
            }
            BaseUrlError::Scheme { what, raw, scheme } => msg!(
                "net-url-scheme",
                what = what,
                raw = q(raw),
                scheme = q(scheme)
            ),
            BaseUrlError::NoHost { what, raw } => {
                msg!("net-url-no-host", what = what, raw = q(raw))
            }
            BaseUrlError::UserInfo { what } => msg!("net-url-user-info", what = what),
        }
    }
}

/// In the diagnostics language: a bridge for callers that still keep the
/// error as text (`BreachOptions::set_base_url`, `cmd::error::usage`); the
/// shell renders `msg()` in its own language once they take the value.
impl std::fmt::Display for BaseUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().render(crate::i18n::ui()))
    }
}

impl std::error::Error for BaseUrlError {}

impl From<BaseUrlError> for String {
    fn from(e: BaseUrlError) -> String {
        e.to_string()
    }
}

/// Parse a configured base URL. Plain http is accepted only for loopback hosts
/// (the test servers); anything else must be https so credentials and password
/// prefixes never cross a network in the clear.
pub fn parse_base_url(raw: &str, what: &str) -> Result<Url, BaseUrlError> {
    let (what, raw_s) = (what.to_string(), raw.to_string());
    let url = Url::parse(raw.trim()).map_err(|e| BaseUrlError::NotUrl {
        what: what.clone(),
        raw: raw_s.clone(),
        reason: e.to_string(),
    })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err(BaseUrlError::PlainHttp { what, raw: raw_s }),
        other => {
            return Err(BaseUrlError::Scheme {
                what,
                raw: raw_s,
                scheme: other.to_string(),
            });
        }
    }
    if url.host_str().is_none() {
        return Err(BaseUrlError::NoHost { what, raw: raw_s });
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(BaseUrlError::UserInfo { what });
    }
    Ok(url)
}

pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Join a path onto a base URL that may itself carry a path prefix.
pub fn join(base: &Url, path: &str) -> Url {
    let mut u = base.clone();
    let prefix = base.path().trim_end_matches('/');
    u.set_path(&format!("{prefix}/{}", path.trim_start_matches('/')));
    u.set_query(None);
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_only_for_loopback() {
        assert!(parse_base_url("http://127.0.0.1:9/", "test").is_ok());
        assert!(parse_base_url("http://localhost:9/", "test").is_ok());
        assert!(parse_base_url("http://[::1]:9/", "test").is_ok());
        assert!(parse_base_url("http://api.binance.com/", "test").is_err());
        assert!(parse_base_url("http://10.0.0.1/", "test").is_err());
        assert!(parse_base_url("https://api.binance.com/", "test").is_ok());
        assert!(parse_base_url("ftp://api.binance.com/", "test").is_err());
        assert!(parse_base_url("https://u:p@api.binance.com/", "test").is_err());
        assert!(parse_base_url("not a url", "test").is_err());
    }

    #[test]
    fn query_values_are_masked() {
        let u = Url::parse("https://h/sapi/v1/x?timestamp=1&signature=abc").unwrap();
        assert_eq!(masked_path(&u), "/sapi/v1/x?timestamp=***&signature=***");
        let u = Url::parse("https://h/range/ABCDE").unwrap();
        assert_eq!(masked_path(&u), "/range/ABCDE");
    }

    #[test]
    fn join_keeps_prefix() {
        let b = Url::parse("http://127.0.0.1:8/prefix/").unwrap();
        assert_eq!(
            join(&b, "/range/ABCDE").as_str(),
            "http://127.0.0.1:8/prefix/range/ABCDE"
        );
        let b = Url::parse("https://api.binance.com").unwrap();
        assert_eq!(
            join(&b, "/api/v3/time").as_str(),
            "https://api.binance.com/api/v3/time"
        );
    }

    #[test]
    fn retry_after_is_clamped_and_never_overflows() {
        assert_eq!(parse_retry_after("7"), Some(7));
        assert_eq!(
            parse_retry_after("18446744073709551615"),
            Some(MAX_RETRY_AFTER_SECS)
        );
        assert_eq!(
            parse_retry_after("99999999999999999999999"),
            Some(MAX_RETRY_AFTER_SECS)
        );
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        let s = parse_retry_after("9223372036854775807").unwrap();
        assert!(Instant::now().checked_add(Duration::from_secs(s)).is_some());
    }

    #[test]
    fn a_spent_deadline_sends_nothing() {
        let net = Net::new(&NetOptions::default()).unwrap();
        net.set_deadline(Duration::ZERO);
        let u = Url::parse("http://127.0.0.1:9/").unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let e = rt.block_on(net.get(&u, &[], "test")).unwrap_err();
        assert!(matches!(e, NetError::Deadline(_)), "{e:?}");
        assert!(net.requests().is_empty());
        // A huge budget does not overflow either.
        net.set_deadline(Duration::MAX);
    }

    #[derive(Debug)]
    struct Wrap(
        &'static str,
        Box<dyn std::error::Error + Send + Sync + 'static>,
    );
    impl std::fmt::Display for Wrap {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }
    impl std::error::Error for Wrap {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&*self.1)
        }
    }

    #[test]
    fn an_intercepted_certificate_is_named_once_plainly() {
        // hyper → io::Error(InvalidData, rustls::Error), as a handshake fails.
        let rustls_err =
            rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName);
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, rustls_err);
        let e = Wrap("client error (Connect)", Box::new(io));
        let msg = tls_failure(&e, "api.binance.com").unwrap().to_string();
        assert!(
            msg.starts_with("HTTPS to Binance appears to be intercepted (proxy or antivirus)"),
            "{msg}"
        );
        assert_eq!(msg.matches("intercepted").count(), 1);
        assert!(!msg.contains("  "), "{msg}");
        let issuer = std::io::Error::other(rustls::Error::InvalidCertificate(
            rustls::CertificateError::UnknownIssuer,
        ));
        assert!(
            tls_failure(&issuer, "127.0.0.1")
                .unwrap()
                .to_string()
                .contains("HTTPS to 127.0.0.1")
        );
        let expired = std::io::Error::other(rustls::Error::InvalidCertificate(
            rustls::CertificateError::Expired,
        ));
        let m = tls_failure(&expired, "api.binance.com")
            .unwrap()
            .to_string();
        assert!(!m.contains("intercepted") && m.contains("Expired"), "{m}");
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(tls_failure(&refused, "h"), None);
    }

    #[test]
    fn a_failed_lookup_names_the_host() {
        let io = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        let e = Wrap("dns error", Box::new(io));
        assert_eq!(
            dns_failure(&e, "api.binance.com").unwrap().to_string(),
            "DNS lookup failed for api.binance.com: check the internet connection, or the DNS or proxy settings"
        );
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(dns_failure(&refused, "h"), None);
    }

    #[test]
    fn retries_are_one_line_with_their_tries() {
        let net = Net::offline();
        net.record("h", "/a?x=***".into(), "p", 1);
        net.record("h", "/b".into(), "q", 1);
        net.record("h", "/a?x=***".into(), "p", 2);
        net.record("h", "/a?x=***".into(), "p", 3);
        // A second, separate request to the same place is its own line.
        net.record("h", "/a?x=***".into(), "p", 1);
        let log = net.requests();
        assert_eq!(log.len(), 3, "{log:?}");
        assert_eq!(log[0].tries, 3);
        assert_eq!(log[1].tries, 1);
        assert_eq!(log[2].tries, 1);
    }

    fn every_error() -> Vec<NetError> {
        vec![
            NetError::Offline,
            NetError::Timeout(5),
            NetError::Connect("tcp connect error: refused".into()),
            NetError::Connect(ConnectCause::Dns {
                host: "api.binance.com".into(),
            }),
            NetError::Status {
                status: 503,
                retry_after: None,
                body: String::new(),
            },
            NetError::Body("unexpected EOF".into()),
            NetError::TooLarge(32),
            NetError::Deadline(31),
            NetError::HostDown {
                host: "api.binance.com".into(),
                cause: Box::new(NetError::Timeout(15)),
            },
            NetError::HostDown {
                host: "h".into(),
                cause: Box::new(NetError::Connect(ConnectCause::Dns { host: "h".into() })),
            },
        ]
    }

    #[test]
    fn errors_are_said_from_the_catalogue_as_before() {
        let en: Vec<String> = every_error().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            en,
            [
                "offline mode: no network request was made",
                "timed out after 5 s",
                "could not connect: tcp connect error: refused",
                "could not connect: DNS lookup failed for api.binance.com: check the internet connection, or the DNS or proxy settings",
                "HTTP 503",
                "response could not be read: unexpected EOF",
                "the answer is larger than 32 MiB, the most this tool reads",
                "the run's time limit of 31 s was reached; not sent",
                "not sent: api.binance.com did not answer earlier in this run (timed out after 15 s)",
                "not sent: h did not answer earlier in this run (could not connect: DNS lookup failed for h: check the internet connection, or the DNS or proxy settings)",
            ]
        );
        let dns = ConnectCause::Dns {
            host: "x.test".into(),
        };
        assert_eq!(dns.to_string(), format!("{DNS_FAILED}x.test{DNS_ADVICE}"));
    }

    #[test]
    fn a_refused_certificate_names_the_host_in_both_languages() {
        let i = TlsFailure::Intercepted {
            service: "Binance".into(),
            host: "api.binance.com".into(),
        };
        let ja = i.msg().render(Lang::Ja);
        assert!(ja.starts_with("Binance へのHTTPS通信が傍受"), "{ja}");
        assert!(ja.contains("api.binance.com 向け"), "{ja}");
        let r = TlsFailure::Refused {
            host: "h".into(),
            reason: "Expired".into(),
        };
        assert_eq!(
            r.to_string(),
            "the TLS certificate of h was refused (Expired)"
        );
        assert_eq!(
            r.msg().render(Lang::Ja),
            "h のTLS証明書が拒否されました：「Expired」"
        );
    }

    #[test]
    fn base_url_errors_in_both_languages() {
        let e = parse_base_url("http://api.binance.com/", "Binance API").unwrap_err();
        assert_eq!(
            e.msg().render(Lang::En),
            "Binance API URL \"http://api.binance.com/\" uses plain http; only https is allowed (http only for 127.0.0.1/localhost)"
        );
        assert_eq!(
            e.msg().render(Lang::Ja),
            "Binance API のURL \"http://api.binance.com/\" は暗号化されない http です。使えるのは https だけです（http は 127.0.0.1/localhost のみ）"
        );
        let e = parse_base_url("not a url", "test").unwrap_err();
        assert!(
            e.msg()
                .render(Lang::En)
                .starts_with("test URL \"not a url\" is not a URL: "),
            "{e:?}"
        );
        assert!(
            e.msg()
                .render(Lang::Ja)
                .contains("はURLとして読めません（「"),
            "{e:?}"
        );
        let e = parse_base_url("ftp://h/", "t").unwrap_err();
        assert_eq!(
            e.msg().render(Lang::En),
            "t URL \"ftp://h/\" has unsupported scheme \"ftp\""
        );
        let e = parse_base_url("https://u:p@h/", "t").unwrap_err();
        assert_eq!(
            e.msg().render(Lang::Ja),
            "t のURLに user:password@ を含めないでください"
        );
    }

    #[test]
    fn purposes_keep_their_label_and_are_said_from_the_catalogue() {
        for p in Purpose::ALL {
            assert_eq!(Purpose::from_label(p.label()), Some(p));
            assert_eq!(purpose_msg(p.label()).render(Lang::En), p.label());
            let ev = format!("{}{EVIDENCE_SUFFIX}", p.label());
            assert_eq!(purpose_msg(&ev).render(Lang::En), ev);
            assert!(!purpose_msg(p.label()).render(Lang::Ja).is_ascii(), "{p:?}");
        }
        assert_eq!(
            purpose_msg("API key permissions (evidence)").render(Lang::Ja),
            "APIキーの権限（証拠）"
        );
        assert_eq!(
            purpose_msg("something new").render(Lang::Ja),
            "something new"
        );
        assert_eq!(
            purpose_msg("something new (evidence)").render(Lang::Ja),
            "something new (evidence)"
        );
    }

    #[tokio::test(flavor = "current_thread")]
    async fn offline_never_sends() {
        let net = Net::offline();
        let u = Url::parse("https://example.invalid/").unwrap();
        assert_eq!(
            net.get(&u, &[], "test").await.unwrap_err(),
            NetError::Offline
        );
        assert!(net.requests().is_empty());
    }
}
