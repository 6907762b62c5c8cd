//! `binance-audit status` against a local mock Binance: the public checks.

mod common;

use common::{MockServer, Reply, bin};
use serde_json::Value;

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A mock answering the three public endpoints; `status` is the system status
/// body and `skew_ms` is added to the server clock.
fn binance(status: &'static str, skew_ms: i64) -> MockServer {
    MockServer::start(move |r| match r.path.as_str() {
        "/sapi/v1/system/status" => Reply::json(200, status),
        "/api/v3/ping" => Reply::json(200, "{}"),
        "/api/v3/time" => Reply::json(200, format!("{{\"serverTime\":{}}}", now_ms() + skew_ms)),
        _ => Reply::json(404, r#"{"code":-1,"msg":"not here"}"#),
    })
}

fn status(home: &std::path::Path, url: &str, extra: &[&str]) -> (i32, String, String) {
    let out = bin(home)
        .env("BINANCE_API_URL", url)
        .arg("status")
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn normal_means_the_problem_is_local() {
    let home = tempfile::tempdir().unwrap();
    let m = binance(r#"{"status":0,"msg":"normal"}"#, 0);
    let (code, out, err) = status(home.path(), &m.url(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("All normal"), "{out}");
    assert!(out.contains("the problem is likely local"), "{out}");
    assert!(
        out.contains("https://www.binance.com/en/support/announcement"),
        "{out}"
    );
    assert!(out.contains("not checked: no API key"), "{out}");

    let reqs = m.requests();
    let mut paths: Vec<&str> = reqs.iter().map(|r| r.path.as_str()).collect();
    paths.sort();
    assert_eq!(
        paths,
        ["/api/v3/ping", "/api/v3/time", "/sapi/v1/system/status"]
    );
    for r in &reqs {
        assert_eq!(r.method, "GET");
        assert!(r.header("X-MBX-APIKEY").is_none(), "public call sent a key");
        assert!(r.query.is_empty());
    }
}

#[test]
fn maintenance_is_binance() {
    let home = tempfile::tempdir().unwrap();
    let m = binance(r#"{"status":1,"msg":"system_maintenance"}"#, 0);
    let (code, out, _) = status(home.path(), &m.url(), &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Binance reports maintenance (system_maintenance)"),
        "{out}"
    );
    assert!(!out.contains("All normal"), "{out}");

    let (_, out, _) = status(home.path(), &m.url(), &["--lang", "ja"]);
    assert!(out.contains("メンテナンス中と報告しています"), "{out}");

    let (_, out, _) = status(home.path(), &m.url(), &["--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["system"]["state"], "ran");
    assert_eq!(v["system"]["value"]["status"], 1);
    assert_eq!(v["verdicts"][0]["code"], "maintenance");
    assert_eq!(v["verdicts"][0]["level"], "problem");
    assert_eq!(v["network"].as_array().unwrap().len(), 3);
}

#[test]
fn a_wrong_clock_is_local() {
    let home = tempfile::tempdir().unwrap();
    let m = binance(r#"{"status":0,"msg":"normal"}"#, 5000);
    let (code, out, _) = status(home.path(), &m.url(), &["--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let skew = v["clock"]["value"]["skew_ms"].as_i64().unwrap();
    assert!((4000..=6000).contains(&skew), "{skew}");
    assert_eq!(v["verdicts"][0]["code"], "clock-skew");
}

#[test]
fn unreachable_exits_3_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let (code, out, _) = status(home.path(), &format!("http://127.0.0.1:{port}"), &[]);
    assert_eq!(code, 3);
    assert!(out.contains("cannot be reached from this machine"), "{out}");
    assert!(!out.contains("All normal"), "{out}");
}

#[test]
fn server_errors_and_garbage_are_not_normal() {
    let home = tempfile::tempdir().unwrap();
    let m = MockServer::start(|r| match r.path.as_str() {
        "/sapi/v1/system/status" => Reply::text(503, "<html>down</html>"),
        "/api/v3/time" => Reply::json(200, "[1,2"),
        _ => Reply::json(200, "{}"),
    });
    let (code, out, _) = status(home.path(), &m.url(), &["--format", "json"]);
    assert_eq!(code, 3);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["system"]["state"], "failed");
    assert_eq!(v["system"]["detail"], "HTTP 503");
    assert_eq!(v["clock"]["state"], "failed");
    assert_eq!(v["verdicts"][0]["code"], "server-error");
    assert!(
        !v["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["code"] == "all-normal")
    );
}

#[test]
fn offline_sends_nothing() {
    let home = tempfile::tempdir().unwrap();
    let m = binance(r#"{"status":0,"msg":"normal"}"#, 0);
    let (code, out, _) = status(home.path(), &m.url(), &["--offline"]);
    assert_eq!(code, 0);
    assert!(out.contains("not checked: offline"), "{out}");
    assert!(m.requests().is_empty());
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let (code, _, err) = status(home.path(), "http://api.binance.com", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("only https"), "{err}");
}
