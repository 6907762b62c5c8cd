//! A mock Binance that checks requests the way Binance documents them: the
//! `X-MBX-APIKEY` header, `timestamp` within `recvWindow` of its own clock
//! (which a scenario can skew), and a signature over the exact raw query sent,
//! for HMAC, Ed25519 and RSA keys. Errors use Binance's `{code,msg}` shape.
//! Scenarios override paths with canned replies (429, 418, 500, truncated
//! JSON, a hang) and add a delay to every answer for benchmarks.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use hmac::{KeyInit, Mac};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;

use super::{MockServer, Recorded, Reply};

/// Binance's documentation key pair (§1.5 of the reference): not a live key.
pub const API_KEY: &str = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
pub const SECRET: &str = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
/// RFC 8032 §7.1 TEST 1 public key.
pub const ED25519_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
/// The private key's base64 body line, to assert it never appears in output.
pub const ED25519_PEM_BODY: &str =
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g";

pub const RESTRICTIONS: &str = "/sapi/v1/account/apiRestrictions";
pub const STATUS: &str = "/sapi/v1/account/status";
pub const TRADING_STATUS: &str = "/sapi/v1/account/apiTradingStatus";
pub const INFO: &str = "/sapi/v1/account/info";
pub const ADDRESSES: &str = "/sapi/v1/capital/withdraw/address/list";
pub const QUOTA: &str = "/sapi/v1/capital/withdraw/quota";
pub const ACCOUNT: &str = "/api/v3/account";
pub const HISTORY: &str = "/sapi/v1/capital/withdraw/history";
pub const TIME: &str = "/api/v3/time";
pub const SIGNED_PATHS: &[&str] = &[
    RESTRICTIONS,
    STATUS,
    TRADING_STATUS,
    INFO,
    ADDRESSES,
    QUOTA,
    ACCOUNT,
    HISTORY,
];

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/binance")
}

pub fn rsa_pem() -> String {
    std::fs::read_to_string(fixtures().join("rsa-test-key.pem")).unwrap()
}

/// A long line from the middle of the RSA private key's PEM body.
pub fn rsa_pem_body_line() -> String {
    rsa_pem().lines().nth(5).unwrap().to_string()
}

/// Which key the mock expects the client to sign with.
#[derive(Clone)]
pub enum Key {
    Hmac(String),
    Ed25519,
    Rsa,
}

/// What the mock does; build with the helpers, then `MockBinance::start`.
#[derive(Clone)]
pub struct Scenario {
    pub api_key: String,
    pub key: Key,
    /// The mock's clock minus the real clock.
    pub skew_ms: i64,
    /// Added to every answer.
    pub delay: Duration,
    /// Answers for signed paths that pass every check.
    pub bodies: HashMap<String, String>,
    /// Canned answers, returned before any check, in order; the last repeats.
    pub overrides: HashMap<String, Vec<Reply>>,
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

pub fn error(status: u16, code: i64, msg: &str) -> Reply {
    Reply::json(
        status,
        serde_json::json!({"code": code, "msg": msg}).to_string(),
    )
}

impl Scenario {
    /// A read-only, IP-restricted key on a healthy account with a whitelisted book.
    pub fn read_only() -> Scenario {
        let created = now_ms() - 10 * 86_400_000;
        let mut bodies = HashMap::new();
        bodies.insert(RESTRICTIONS.into(), format!(
            r#"{{"ipRestrict": true, "createTime": {created}, "enableReading": true, "enableWithdrawals": false,
               "enableInternalTransfer": false, "enableMargin": false, "enableFutures": false,
               "permitsUniversalTransfer": false, "enableVanillaOptions": false, "enableFixApiTrade": false,
               "enableFixReadOnly": false, "enableSpotAndMarginTrading": false, "enablePortfolioMarginTrading": false}}"#
        ));
        bodies.insert(STATUS.into(), r#"{"data": "Normal"}"#.into());
        bodies.insert(TRADING_STATUS.into(), r#"{"data": {"isLocked": false, "plannedRecoverTime": 0,
            "triggerCondition": {"GCR": 150, "IFER": 150, "UFR": 300}, "indicators": {}, "updateTime": 1764028800000}}"#.into());
        bodies.insert(
            INFO.into(),
            r#"{"vipLevel": 0, "isMarginEnabled": false, "isFutureEnabled": false,
            "isOptionsEnabled": false, "isPortfolioMarginRetailEnabled": false}"#
                .into(),
        );
        bodies.insert(ADDRESSES.into(), r#"[{"address": "bc1qexampleexampleexampleexampleexample0", "addressTag": "",
            "coin": "BTC", "name": "cold storage", "network": "BTC", "origin": "", "originType": "Trust Wallet",
            "whiteStatus": true}]"#.into());
        bodies.insert(
            QUOTA.into(),
            r#"{"wdQuota": "8000000.00000000", "usedWdQuota": "0.00000000"}"#.into(),
        );
        bodies.insert(
            ACCOUNT.into(),
            r#"{"makerCommission": 10, "takerCommission": 10, "canTrade": true,
            "canWithdraw": true, "canDeposit": true, "brokered": false, "accountType": "SPOT",
            "balances": [], "permissions": ["SPOT"], "uid": 123456789}"#
                .into(),
        );
        bodies.insert(HISTORY.into(), "[]".into());
        Scenario {
            api_key: API_KEY.into(),
            key: Key::Hmac(SECRET.into()),
            skew_ms: 0,
            delay: Duration::ZERO,
            bodies,
            overrides: HashMap::new(),
        }
    }

    /// A key that can do everything, on an account showing every warning sign.
    pub fn dangerous() -> Scenario {
        let created = now_ms() - 400 * 86_400_000;
        let mut s = Scenario::read_only();
        s.bodies.insert(RESTRICTIONS.into(), format!(
            r#"{{"ipRestrict": false, "createTime": {created}, "enableReading": true, "enableWithdrawals": true,
               "enableInternalTransfer": true, "enableMargin": true, "enableFutures": true,
               "permitsUniversalTransfer": true, "enableVanillaOptions": true, "enableFixApiTrade": true,
               "enableFixReadOnly": true, "enableSpotAndMarginTrading": true, "enablePortfolioMarginTrading": false,
               "enableBrandNewPermission": true}}"#
        ));
        s.bodies.insert(
            STATUS.into(),
            r#"{"data": "Restricted: withdrawals paused for review"}"#.into(),
        );
        s.bodies.insert(TRADING_STATUS.into(), r#"{"data": {"isLocked": true, "plannedRecoverTime": 1764032400000,
            "triggerCondition": {"GCR": 150, "IFER": 150, "UFR": 300}, "updateTime": 1764028800000}}"#.into());
        s.bodies.insert(ADDRESSES.into(), r#"[{"address": "bc1qexampleexampleexampleexampleexample0", "addressTag": "",
            "coin": "BTC", "name": "cold storage", "network": "BTC", "origin": "", "originType": "Trust Wallet",
            "whiteStatus": false},
            {"address": "0x0000000000000000000000000000000000000001", "addressTag": "", "coin": "USDT",
            "name": "friend", "network": "ETH", "origin": "personal", "originType": "others", "whiteStatus": false}]"#.into());
        s.bodies.insert(
            QUOTA.into(),
            r#"{"wdQuota": "8000000.00000000", "usedWdQuota": "1250.50000000"}"#.into(),
        );
        s.bodies.insert(
            ACCOUNT.into(),
            r#"{"canTrade": true, "canWithdraw": false, "canDeposit": true,
            "accountType": "SPOT", "balances": [], "permissions": ["SPOT"], "uid": 123456789}"#
                .into(),
        );
        s
    }

    pub fn key(mut self, key: Key) -> Scenario {
        self.key = key;
        self
    }

    pub fn skew(mut self, ms: i64) -> Scenario {
        self.skew_ms = ms;
        self
    }

    pub fn delay(mut self, d: Duration) -> Scenario {
        self.delay = d;
        self
    }

    /// Always answer `path` with `reply`, before any check.
    pub fn respond(self, path: &str, reply: Reply) -> Scenario {
        self.respond_seq(path, vec![reply])
    }

    /// Answer `path` with these replies in turn; the last one repeats.
    pub fn respond_seq(mut self, path: &str, replies: Vec<Reply>) -> Scenario {
        self.overrides.insert(path.into(), replies);
        self
    }

    /// Every signed path answers `reply` (e.g. -2015 for an IP not allowed).
    pub fn respond_signed(mut self, reply: Reply) -> Scenario {
        for p in SIGNED_PATHS {
            self = self.respond(p, reply.clone());
        }
        self
    }
}

/// A check the mock made and failed, as Binance would have.
#[derive(Clone, Debug)]
pub struct Rejection {
    pub path: String,
    pub code: i64,
}

pub struct MockBinance {
    pub server: MockServer,
    rejections: Arc<Mutex<Vec<Rejection>>>,
}

impl MockBinance {
    pub fn start(s: Scenario) -> MockBinance {
        let rejections: Arc<Mutex<Vec<Rejection>>> = Arc::default();
        let counters: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let rej = rejections.clone();
        let server = MockServer::start(move |r| {
            let reply = answer(&s, r, &counters, &rej);
            if reply.delay.is_zero() {
                reply.delayed(s.delay)
            } else {
                reply
            }
        });
        MockBinance { server, rejections }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.server.requests()
    }

    pub fn requests_to(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }

    pub fn non_get(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method != "GET")
            .collect()
    }

    pub fn rejections(&self) -> Vec<Rejection> {
        self.rejections.lock().unwrap().clone()
    }

    /// Every signature the client sent, to assert none leaks into output.
    pub fn signatures(&self) -> Vec<String> {
        self.requests()
            .iter()
            .filter_map(|r| r.param("signature").map(str::to_string))
            .collect()
    }
}

fn answer(
    s: &Scenario,
    r: &Recorded,
    counters: &Mutex<HashMap<String, usize>>,
    rejections: &Mutex<Vec<Rejection>>,
) -> Reply {
    let reject = |status: u16, code: i64, msg: &str| {
        rejections.lock().unwrap().push(Rejection {
            path: r.path.clone(),
            code,
        });
        error(status, code, msg)
    };
    if r.method != "GET" {
        return reject(405, -1000, "method not allowed");
    }
    if let Some(replies) = s.overrides.get(&r.path) {
        let mut c = counters.lock().unwrap();
        let n = c.entry(r.path.clone()).or_insert(0);
        let reply = replies[(*n).min(replies.len() - 1)].clone();
        *n += 1;
        return reply;
    }
    let server_now = now_ms() + s.skew_ms;
    if r.path == TIME {
        return Reply::json(200, format!(r#"{{"serverTime": {server_now}}}"#));
    }
    let Some(body) = s.bodies.get(&r.path) else {
        return error(404, -1000, "unknown path in mock");
    };
    match r.header("X-MBX-APIKEY") {
        None => return reject(400, -2014, "API-key format invalid."),
        Some(k) if k != s.api_key => {
            return reject(
                401,
                -2015,
                "Invalid API-key, IP, or permissions for action.",
            );
        }
        Some(_) => {}
    }
    let Some(ts) = r.param("timestamp").and_then(|t| t.parse::<i64>().ok()) else {
        return reject(
            400,
            -1102,
            "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.",
        );
    };
    let window = match r.param("recvWindow") {
        None => 5000,
        Some(w) => match w.parse::<i64>() {
            Ok(w) if w <= 60000 => w,
            _ => return reject(400, -1131, "recvWindow must be less than 60000"),
        },
    };
    if ts - server_now >= 1000 {
        return reject(
            400,
            -1021,
            "Timestamp for this request was 1000ms ahead of the server's time.",
        );
    }
    if server_now - ts > window {
        return reject(
            400,
            -1021,
            "Timestamp for this request is outside of the recvWindow.",
        );
    }
    // The signature must come last and cover exactly the bytes before it.
    let Some(idx) = r.query.rfind("&signature=") else {
        return reject(
            400,
            -1102,
            "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.",
        );
    };
    let (payload, sig) = (&r.query[..idx], &r.query[idx + "&signature=".len()..]);
    if sig.contains('&') || !verify(&s.key, payload, sig) {
        return reject(400, -1022, "Signature for this request is not valid.");
    }
    Reply::json(200, body.clone())
}

fn verify(key: &Key, payload: &str, sig: &str) -> bool {
    match key {
        Key::Hmac(secret) => {
            let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
            mac.update(payload.as_bytes());
            let expected = hex::encode(mac.finalize().into_bytes());
            sig.len() == 64 && sig.eq_ignore_ascii_case(&expected)
        }
        Key::Ed25519 => {
            let Some(raw) = decode_b64_param(sig) else {
                return false;
            };
            let Ok(bytes) = <[u8; 64]>::try_from(raw.as_slice()) else {
                return false;
            };
            let public: [u8; 32] = hex::decode(ED25519_PUBLIC).unwrap().try_into().unwrap();
            let vk = ed25519_dalek::VerifyingKey::from_bytes(&public).unwrap();
            vk.verify_strict(
                payload.as_bytes(),
                &ed25519_dalek::Signature::from_bytes(&bytes),
            )
            .is_ok()
        }
        Key::Rsa => {
            let Some(raw) = decode_b64_param(sig) else {
                return false;
            };
            let pem = std::fs::read_to_string(fixtures().join("rsa-test-key.pub.pem")).unwrap();
            let public = rsa::PublicKey::from_public_key_pem(&pem).unwrap();
            let vk = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(public);
            let Ok(sig) = rsa::pkcs1v15::Signature::try_from(raw.as_slice()) else {
                return false;
            };
            vk.verify(payload.as_bytes(), &sig).is_ok()
        }
    }
}

/// Base64 signatures must arrive URL-encoded: a raw `+`, `/` or `=` is refused.
fn decode_b64_param(sig: &str) -> Option<Vec<u8>> {
    if sig.contains(['+', '/', '=']) {
        return None;
    }
    let b64 = percent_encoding::percent_decode_str(sig)
        .decode_utf8()
        .ok()?;
    base64::engine::general_purpose::STANDARD
        .decode(b64.as_bytes())
        .ok()
}
