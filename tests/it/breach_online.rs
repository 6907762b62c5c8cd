//! Pwned Passwords range lookups against a local mock of the range API.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{MockServer, Recorded, Reply};
use binance_audit::collect::breach::{
    self, BreachError, BreachOptions, collect, lookup, lookup_batch, sha1_hex,
};
use binance_audit::collect::{CheckState, CheckStatus};
use binance_audit::facts::{Fact, Facts};
use binance_audit::net::{Net, NetError, NetOptions};
use secrecy::SecretString;
use serde_json::json;

const PASSWORD: &str = "correct horse battery staple";

/// Small deterministic generator for padding suffixes (no rand dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn suffix(&mut self) -> String {
        (0..35)
            .map(|_| char::from(b"0123456789ABCDEF"[(self.next() % 16) as usize]))
            .collect()
    }
}

/// A padded range response: `padding` lines with count 0 and the planted
/// lines, shuffled into sorted order the way the real service sorts them.
fn range_body(planted: &[(&str, u64)], padding: usize, seed: u64) -> String {
    let mut rng = Rng(seed | 1);
    let mut lines: Vec<String> = (0..padding)
        .map(|_| format!("{}:0", rng.suffix()))
        .collect();
    lines.extend(planted.iter().map(|(s, c)| format!("{s}:{c}")));
    lines.sort();
    lines.join("\r\n")
}

fn pw(s: &str) -> SecretString {
    SecretString::from(s.to_string())
}

fn net(timeout: Duration) -> Net {
    Net::new(&NetOptions {
        offline: false,
        connect_timeout: timeout,
        timeout,
    })
    .unwrap()
}

fn opts(server: &MockServer) -> BreachOptions {
    let mut o = BreachOptions {
        tries: 3,
        backoff_base: Duration::from_millis(20),
        backoff_cap: Duration::from_millis(60),
        ..BreachOptions::default()
    };
    o.set_base_url(&server.url()).unwrap();
    o
}

/// The SHA-1 of [`PASSWORD`], as the range API spells it.
fn password_sha() -> String {
    sha1_hex(&pw(PASSWORD)).to_string()
}

/// A server that answers every request with `body`.
fn body_server(body: String) -> MockServer {
    MockServer::start(move |_| Reply::text(200, body.clone()))
}

/// One lookup of [`PASSWORD`] against `server`, with the tests' options.
async fn lookup_password(server: &MockServer) -> Result<u64, BreachError> {
    lookup(&net(Duration::from_secs(5)), &opts(server), &pw(PASSWORD)).await
}

const EN: binance_audit::i18n::Lang = binance_audit::i18n::Lang::En;

/// `collect` of [`PASSWORD`] into `fact`.
async fn collect_password(
    net: &Net,
    o: &BreachOptions,
    fact: &str,
    facts: &mut Facts,
) -> CheckStatus {
    collect(net, o, &pw(PASSWORD), fact, facts).await
}

/// A server that plants `(full sha, count)` pairs and pads every answer.
fn range_server(planted: Vec<(String, u64)>) -> MockServer {
    MockServer::start(move |r: &Recorded| {
        let Some(prefix) = r.path.strip_prefix("/range/") else {
            return Reply::text(404, "not found");
        };
        let hits: Vec<(&str, u64)> = planted
            .iter()
            .filter(|(h, _)| h[..5].eq_ignore_ascii_case(prefix))
            .map(|(h, c)| (&h[5..], *c))
            .collect();
        let seed = u64::from_str_radix(prefix, 16).unwrap_or(7) + 11;
        Reply::text(200, range_body(&hits, 800 + (seed as usize % 200), seed))
    })
}

fn assert_only_prefix_left(r: &Recorded, sha: &str) {
    assert_eq!(r.method, "GET");
    let prefix = r.path.strip_prefix("/range/").expect("path is /range/…");
    assert_eq!(prefix.len(), 5, "path {}", r.path);
    assert!(
        prefix
            .bytes()
            .all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c)),
        "{}",
        r.path
    );
    assert_eq!(prefix, &sha[..5]);
    assert_eq!(r.query, "", "no query string");
    assert!(r.body.is_empty(), "no body");
    assert_eq!(r.header("add-padding"), Some("true"));
    let ua = r.header("user-agent").unwrap_or_default();
    assert!(ua.starts_with("binance-audit/"), "user agent {ua:?}");
    let allowed = [
        "host",
        "user-agent",
        "add-padding",
        "accept",
        "accept-encoding",
        "connection",
    ];
    for (k, v) in &r.headers {
        assert!(
            allowed.contains(&k.to_ascii_lowercase().as_str()),
            "unexpected header {k}"
        );
        assert!(
            !v.to_ascii_uppercase().contains(&sha[5..]),
            "suffix leaked in header {k}"
        );
        assert!(!v.contains(PASSWORD), "password leaked in header {k}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn planted_hash_is_found_and_only_the_prefix_leaves() {
    let sha = password_sha();
    let server = range_server(vec![(sha.clone(), 52_256)]);
    let net = net(Duration::from_secs(5));
    assert_eq!(
        lookup(&net, &opts(&server), &pw(PASSWORD)).await.unwrap(),
        52_256
    );
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    assert_only_prefix_left(&reqs[0], &sha);
    let logged = net.requests();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].path, format!("/range/{}", &sha[..5]));
    assert!(
        logged[0].purpose.contains("Add-Padding: true"),
        "{}",
        logged[0].purpose
    );
}

#[tokio::test(flavor = "current_thread")]
async fn absent_password_is_not_found_among_padding() {
    let sha = sha1_hex(&pw("another one")).to_string();
    let server = range_server(vec![]);
    let n = lookup(
        &net(Duration::from_secs(5)),
        &opts(&server),
        &pw("another one"),
    )
    .await;
    assert_eq!(n.unwrap(), 0);
    assert_only_prefix_left(&server.requests()[0], &sha);
}

#[tokio::test(flavor = "current_thread")]
async fn padding_line_for_our_suffix_is_never_a_hit() {
    let sha = password_sha();
    // The service would never pad with a real suffix, but if a count-0 line
    // carries ours it still means "not found".
    let body = range_body(&[(&sha[5..], 0)], 900, 3);
    let server = body_server(body);
    assert_eq!(lookup_password(&server).await.unwrap(), 0);
}

#[tokio::test(flavor = "current_thread")]
async fn suffix_matches_case_insensitively_with_lf_or_crlf() {
    let sha = password_sha();
    let lower = sha[5..].to_ascii_lowercase();
    let body = range_body(&[(&lower, 7)], 50, 9).replace("\r\n", "\n");
    let server = body_server(body);
    assert_eq!(lookup_password(&server).await.unwrap(), 7);
}

#[tokio::test(flavor = "current_thread")]
async fn retries_on_429_honouring_retry_after_then_finds() {
    let sha = password_sha();
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let body = range_body(&[(&sha[5..], 3)], 100, 5);
    let server = MockServer::start(move |_| {
        if c.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::text(429, "slow down").with_header("Retry-After", "1")
        } else {
            Reply::text(200, body.clone())
        }
    });
    let o = opts(&server);
    assert_eq!(
        lookup(&net(Duration::from_secs(5)), &o, &pw(PASSWORD))
            .await
            .unwrap(),
        3
    );
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    // Retry-After 1 s is honoured up to the cap: the second try waited the cap.
    assert!(
        reqs[1].at - reqs[0].at >= o.backoff_cap,
        "waited {:?}",
        reqs[1].at - reqs[0].at
    );
    for r in &reqs {
        assert_only_prefix_left(r, &sha);
    }
}

#[tokio::test(flavor = "current_thread")]
async fn persistent_500_fails_after_bounded_tries() {
    let server = MockServer::start(|_| Reply::text(500, "oops"));
    let err = lookup_password(&server).await.unwrap_err();
    assert_eq!(server.requests().len(), 3);
    assert_eq!(err.to_string(), "HTTP 500 after 3 tries");
    assert!(matches!(
        err,
        BreachError::Net {
            error: NetError::Status { status: 500, .. },
            tries: 3
        }
    ));
}

#[tokio::test(flavor = "current_thread")]
async fn client_errors_are_not_retried() {
    let server = MockServer::start(|_| Reply::text(403, "forbidden"));
    let err = lookup_password(&server).await.unwrap_err();
    assert_eq!(server.requests().len(), 1);
    assert_eq!(err.to_string(), "HTTP 403");
}

#[tokio::test(flavor = "current_thread")]
async fn refused_connection_is_retried_then_reported() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut o = BreachOptions {
        backoff_base: Duration::from_millis(5),
        backoff_cap: Duration::from_millis(10),
        ..BreachOptions::default()
    };
    o.set_base_url(&format!("http://127.0.0.1:{port}")).unwrap();
    let net = net(Duration::from_secs(2));
    let err = lookup(&net, &o, &pw(PASSWORD)).await.unwrap_err();
    assert!(err.to_string().starts_with("could not connect"), "{err}");
    assert!(err.to_string().ends_with("after 3 tries"), "{err}");
    // Three tries of one request: one line of the network log.
    let log = net.requests();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].tries, 3);
}

#[tokio::test(flavor = "current_thread")]
async fn hang_past_timeout_is_not_checked_and_failed() {
    let server = MockServer::start(|_| Reply::text(200, "").delayed(Duration::from_secs(3)));
    let net = net(Duration::from_millis(300));
    let mut facts = Facts::new();
    let st = collect_password(&net, &opts(&server), "breach.password_count", &mut facts).await;
    assert_eq!(st.state, CheckState::Failed);
    assert_eq!(st.check, "breach");
    assert!(
        st.detail.render(EN).starts_with("timed out"),
        "{}",
        st.detail.render(EN)
    );
    match facts.get("breach.password_count") {
        Some(Fact::NotChecked { reason }) => {
            let reason = reason.render(EN);
            assert!(reason.starts_with("timed out"), "{reason}")
        }
        other => panic!("expected not checked, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "a timeout is not retried");
}

#[tokio::test(flavor = "current_thread")]
async fn garbage_200_is_an_error_not_a_clean_bill() {
    let server =
        MockServer::start(|_| Reply::text(200, "<!DOCTYPE html><title>Login to Wi-Fi</title>"));
    let mut facts = Facts::new();
    let net = net(Duration::from_secs(5));
    let st = collect_password(&net, &opts(&server), "breach.password_count", &mut facts).await;
    assert_eq!(st.state, CheckState::Failed);
    assert!(
        st.detail.render(EN).contains("not SUFFIX:COUNT"),
        "{}",
        st.detail.render(EN)
    );
    assert!(matches!(
        facts.get("breach.password_count"),
        Some(Fact::NotChecked { .. })
    ));

    let empty = MockServer::start(|_| Reply::text(200, ""));
    let err = lookup(&net, &opts(&empty), &pw(PASSWORD))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("empty range response"), "{err}");
}

#[tokio::test(flavor = "current_thread")]
async fn collect_observes_the_count_and_says_what_left() {
    let sha = password_sha();
    let server = range_server(vec![(sha.clone(), 123)]);
    let mut facts = Facts::new();
    let net = net(Duration::from_secs(5));
    let o = opts(&server);
    let st = collect_password(&net, &o, "breach.email_password_count", &mut facts).await;
    assert_eq!(st.state, CheckState::Ran);
    assert_eq!(st.check, "breach-email");
    assert_eq!(
        facts
            .get("breach.email_password_count")
            .and_then(Fact::value),
        Some(&json!(123))
    );
    assert!(
        st.detail.render(EN).contains("seen 123 times"),
        "{}",
        st.detail.render(EN)
    );
    assert!(
        st.detail
            .render(EN)
            .contains(&format!("/range/{}", &sha[..5])),
        "{}",
        st.detail.render(EN)
    );
    assert!(
        st.detail.render(EN).contains("Add-Padding: true"),
        "{}",
        st.detail.render(EN)
    );
    assert!(
        st.detail
            .render(EN)
            .contains(&o.base_url.host_str().unwrap().to_string())
    );
    assert!(
        !st.detail.render(EN).contains(&sha[5..]),
        "suffix must not be shown"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn offline_makes_no_request() {
    let server = range_server(vec![]);
    let o = opts(&server);
    // Offline is the network door's to say: the breach check asks it.
    let net = Net::offline();
    assert_eq!(
        lookup(&net, &o, &pw(PASSWORD)).await,
        Err(BreachError::Offline)
    );
    let mut facts = Facts::new();
    let st = collect_password(&net, &o, "breach.password_count", &mut facts).await;
    assert_eq!(st.state, CheckState::Skipped);
    assert_eq!(st.detail.render(EN), breach::OFFLINE_REASON);
    let batch = lookup_batch(&net, &o, &[pw("a"), pw("b")], 4).await;
    assert!(batch.iter().all(|r| r == &Err(BreachError::Offline)));
    assert!(server.requests().is_empty());
    assert!(net.requests().is_empty());
}

#[tokio::test(flavor = "current_thread")]
async fn base_url_path_prefix_is_kept() {
    let sha = password_sha();
    let server = MockServer::start(|_| Reply::text(200, range_body(&[], 10, 1)));
    let mut o = opts(&server);
    o.set_base_url(&format!("{}/hibp/", server.url())).unwrap();
    lookup(&net(Duration::from_secs(5)), &o, &pw(PASSWORD))
        .await
        .unwrap();
    assert_eq!(
        server.requests()[0].path,
        format!("/hibp/range/{}", &sha[..5])
    );
}

#[test]
fn plain_http_base_is_refused_unless_loopback() {
    let mut o = BreachOptions::default();
    assert!(o.set_base_url("http://api.pwnedpasswords.com").is_err());
    assert!(o.set_base_url("http://127.0.0.1:1").is_ok());
    assert!(o.set_base_url("https://hibp.example.org/").is_ok());
}

/// Passwords whose hashes share a prefix, found by brute force (a birthday
/// collision over 20 bits needs about a thousand tries).
fn sharing_pair() -> (String, String) {
    let mut seen = std::collections::HashMap::new();
    for i in 0.. {
        let p = format!("pw-{i}");
        let prefix = sha1_hex(&pw(&p))[..5].to_string();
        if let Some(other) = seen.insert(prefix, p.clone()) {
            return (other, p);
        }
    }
    unreachable!()
}

#[tokio::test(flavor = "current_thread")]
async fn batch_requests_each_prefix_once_and_keeps_order() {
    let (a, b) = sharing_pair();
    let c = "unrelated".to_string();
    let (ha, hb, hc) = (
        sha1_hex(&pw(&a)).to_string(),
        sha1_hex(&pw(&b)).to_string(),
        sha1_hex(&pw(&c)).to_string(),
    );
    assert_eq!(ha[..5], hb[..5]);
    assert_ne!(ha[..5], hc[..5]);
    let server = range_server(vec![(hb.clone(), 9), (hc.clone(), 1)]);
    let net = net(Duration::from_secs(5));
    let input = [pw(&a), pw(&b), pw(&c), pw(&a)];
    let got = lookup_batch(&net, &opts(&server), &input, 4).await;
    assert_eq!(got, vec![Ok(0), Ok(9), Ok(1), Ok(0)]);
    let mut paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    paths.sort();
    let mut want = vec![
        format!("/range/{}", &ha[..5]),
        format!("/range/{}", &hc[..5]),
    ];
    want.sort();
    assert_eq!(paths, want, "one request per distinct prefix");
}

#[tokio::test(flavor = "current_thread")]
async fn batch_failure_of_one_prefix_spares_the_others() {
    let bad = sha1_hex(&pw("first")).to_string();
    let good = sha1_hex(&pw("second")).to_string();
    let bad_prefix = bad[..5].to_string();
    let body = range_body(&[(&good[5..], 4)], 20, 2);
    let server = MockServer::start(move |r| {
        if r.path.ends_with(&bad_prefix) {
            Reply::text(503, "down")
        } else {
            Reply::text(200, body.clone())
        }
    });
    let got = lookup_batch(
        &net(Duration::from_secs(5)),
        &opts(&server),
        &[pw("first"), pw("second")],
        2,
    )
    .await;
    assert_eq!(
        got[0].as_ref().unwrap_err().to_string(),
        "HTTP 503 after 3 tries"
    );
    assert_eq!(got[1], Ok(4));
    assert_eq!(server.requests().len(), 4);
}
