//! `binance-audit status` against a local mock Binance: the public checks.

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::{MockServer, Outcome, Reply, Run};

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

fn status(home: &std::path::Path, url: &str, extra: &[&str]) -> Outcome {
    Run::new()
        .home(home)
        .online()
        .env("BINANCE_API_URL", url)
        .arg("status")
        .args(extra)
        .run()
}

#[test]
fn normal_means_the_problem_is_local() {
    let home = tempfile::tempdir().unwrap();
    let m = binance(r#"{"status":0,"msg":"normal"}"#, 0);
    let o = status(home.path(), &m.url(), &[]);
    let out = &o.stdout;
    o.code(0);
    // Without a key three rows are not checked: "All normal" would vouch for
    // them, so the verdict names what ran and what did not (issue 22).
    let flat = out.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    assert!(!out.contains("All normal"), "{out}");
    assert!(
        flat.contains("No problem in the 3 checks that ran"),
        "{out}"
    );
    assert!(flat.contains("3 checks were not run"), "{out}");
    assert!(flat.contains("the problem is likely local"), "{out}");
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
    let o = status(home.path(), &m.url(), &[]);
    let out = &o.stdout;
    o.code(0);
    assert!(
        out.contains("Binance reports maintenance (system_maintenance)"),
        "{out}"
    );
    assert!(!out.contains("All normal"), "{out}");

    let o = status(home.path(), &m.url(), &["--lang", "ja"]);
    let out = &o.stdout;
    assert!(out.contains("メンテナンス中と報告しています"), "{out}");

    let o = status(home.path(), &m.url(), &["--format", "json"]);
    let v = o.json();
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
    let o = status(home.path(), &m.url(), &["--format", "json"]);
    o.code(0);
    let v = o.json();
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
    let o = status(home.path(), &format!("http://127.0.0.1:{port}"), &[]);
    let out = &o.stdout;
    o.code(3);
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
    let o = status(home.path(), &m.url(), &["--format", "json"]);
    o.code(3);
    let v = o.json();
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
    let o = status(home.path(), &m.url(), &["--offline"]);
    let out = &o.stdout;
    o.code(0);
    assert!(out.contains("not checked: offline"), "{out}");
    assert!(m.requests().is_empty());
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let o = status(home.path(), "http://api.binance.com", &[]);
    let err = &o.stderr;
    o.code(2);
    assert!(err.contains("only https"), "{err}");
}

// ------------------------------------------------------------ with a key

const GETALL: &str = "/sapi/v1/capital/config/getall";
const OPEN_ORDERS: &str = "/api/v3/openOrders";

/// USDT is held and its TRX network has withdrawals suspended; BTC is not
/// held; BNB has a balance only in `freeze` and its BSC network is busy.
fn coins_body() -> String {
    r#"[
      {"coin": "USDT", "name": "TetherUS", "free": "25.50000000", "locked": "0", "freeze": "0", "withdrawing": "0",
       "depositAllEnable": true, "withdrawAllEnable": false,
       "networkList": [
         {"network": "TRX", "coin": "USDT", "name": "Tron (TRC20)", "depositEnable": true, "withdrawEnable": false,
          "depositDesc": "", "withdrawDesc": "Wallet Maintenance, Withdrawal Suspended", "busy": false},
         {"network": "ETH", "coin": "USDT", "name": "Ethereum (ERC20)", "depositEnable": true, "withdrawEnable": true,
          "depositDesc": "", "withdrawDesc": "", "busy": false}]},
      {"coin": "BTC", "name": "Bitcoin", "free": "0.00000000", "locked": "0.00000000", "freeze": "0", "withdrawing": "0",
       "networkList": [
         {"network": "BTC", "depositEnable": false, "withdrawEnable": false, "depositDesc": "Node upgrade",
          "withdrawDesc": "Node upgrade", "busy": false}]},
      {"coin": "BNB", "free": "0", "locked": "0", "freeze": "1.2", "withdrawing": "0",
       "networkList": [
         {"network": "BSC", "depositEnable": true, "withdrawEnable": true, "busy": true}]},
      "garbage",
      {"coin": 7, "networkList": "x"}
    ]"#
    .into()
}

fn keyed_mock(system: &str) -> MockBinance {
    let mut s = Scenario::read_only()
        .respond(
            "/sapi/v1/system/status",
            Reply::json(200, system.to_string()),
        )
        .respond("/api/v3/ping", Reply::json(200, "{}"));
    s.bodies.insert(GETALL.into(), coins_body());
    s.bodies.insert(
        OPEN_ORDERS.into(),
        r#"[{"symbol": "PEPEBTC", "orderId": 1}, {"symbol": "PEPEBTC", "orderId": 2}]"#.into(),
    );
    MockBinance::start(s)
}

/// `status` with a key, checking that nothing secret was printed or sent.
fn keyed_status(home: &std::path::Path, m: &MockBinance, extra: &[&str]) -> Outcome {
    let r = Run::new()
        .home(home)
        .online()
        .env("BINANCE_API_URL", m.url())
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .arg("status")
        .args(extra)
        .run();
    let all = r.all();
    assert!(!all.contains(mb::SECRET), "the secret leaked");
    assert!(!all.contains(mb::API_KEY), "the full API key was printed");
    for sig in m.signatures() {
        assert!(!all.contains(&sig), "a signature leaked");
    }
    assert!(m.non_get().is_empty(), "only GET may be sent");
    r
}

#[test]
fn suspended_network_with_binance_reason() {
    let home = tempfile::tempdir().unwrap();
    let m = keyed_mock(r#"{"status":0,"msg":"normal"}"#);
    let o = keyed_status(home.path(), &m, &[]);
    // Lines wrap at 80 columns: compare the words, not the line breaks.
    let out = &o.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    o.code(0);
    assert!(m.rejections().is_empty(), "{:?}", m.rejections());
    assert!(
        out.contains("Withdrawals of USDT on network TRX are suspended by Binance: Wallet Maintenance, Withdrawal Suspended"),
        "{out}"
    );
    assert!(
        out.contains("Binance flags network BSC for BNB as busy"),
        "{out}"
    );
    assert!(!out.contains("BTC"), "BTC is not held: {out}");
    assert!(!out.contains("All normal"), "{out}");
    assert!(out.contains("Normal"), "account status: {out}");
    assert!(
        out.contains("https://www.binance.com/en/official-verification"),
        "{out}"
    );

    let o = keyed_status(home.path(), &m, &["--format", "json"]);
    let v = o.json();
    assert_eq!(v["open_orders"]["value"], 2);
    assert_eq!(v["account"]["value"], "Normal");
    let coins: Vec<&str> = v["coins"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["coin"].as_str().unwrap())
        .collect();
    assert_eq!(coins, ["BNB", "USDT"]);
    let codes: Vec<&str> = v["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["withdraw-suspended", "network-busy"]);

    let o = keyed_status(home.path(), &m, &["--lang", "ja"]);
    let ja = &o.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        ja.replace("： ", "：").contains("USDTのTRXネットワークでの出金はBinanceにより停止されています：Wallet Maintenance, Withdrawal Suspended"),
        "{ja}"
    );

    // Public calls never carry the key; the heavy open-orders call is made once per run, unfiltered.
    for r in m.requests() {
        if ["/sapi/v1/system/status", "/api/v3/ping", "/api/v3/time"].contains(&r.path.as_str()) {
            assert!(
                r.header("X-MBX-APIKEY").is_none(),
                "{} sent the key",
                r.path
            );
        }
        if r.path == OPEN_ORDERS {
            assert!(r.param("symbol").is_none());
        }
    }
    assert_eq!(m.requests_to(OPEN_ORDERS), 3, "once for each of the 3 runs");
}

#[test]
fn named_coins_replace_the_held_ones() {
    let home = tempfile::tempdir().unwrap();
    let m = keyed_mock(r#"{"status":0,"msg":"normal"}"#);
    let o = keyed_status(home.path(), &m, &["--coin", "btc,NOPE"]);
    let out = &o.stdout;
    o.code(0);
    assert!(
        out.contains("Withdrawals of BTC on network BTC are suspended by Binance: Node upgrade"),
        "{out}"
    );
    assert!(
        out.contains("Deposits of BTC on network BTC are suspended by Binance: Node upgrade"),
        "{out}"
    );
    assert!(out.contains("not listed by Binance: NOPE"), "{out}");
    assert!(!out.contains("USDT"), "{out}");
}

#[test]
fn maintenance_and_a_normal_account() {
    let home = tempfile::tempdir().unwrap();
    let m = keyed_mock(r#"{"status":1,"msg":"system_maintenance"}"#);
    let o = keyed_status(home.path(), &m, &["--format", "json"]);
    o.code(0);
    let v = o.json();
    assert_eq!(v["verdicts"][0]["code"], "maintenance");
}

#[test]
fn a_rejected_key_fails_the_signed_half_only() {
    let home = tempfile::tempdir().unwrap();
    let m = MockBinance::start(
        Scenario::read_only()
            .respond(
                "/sapi/v1/system/status",
                Reply::json(200, r#"{"status":0,"msg":"normal"}"#),
            )
            .respond("/api/v3/ping", Reply::json(200, "{}"))
            .respond(
                GETALL,
                mb::error(
                    401,
                    -2015,
                    "Invalid API-key, IP, or permissions for action.",
                ),
            )
            .respond(
                OPEN_ORDERS,
                mb::error(
                    401,
                    -2015,
                    "Invalid API-key, IP, or permissions for action.",
                ),
            )
            .respond(
                "/sapi/v1/account/status",
                mb::error(
                    401,
                    -2015,
                    "Invalid API-key, IP, or permissions for action.",
                ),
            ),
    );
    let o = keyed_status(home.path(), &m, &["--format", "json"]);
    o.code(3);
    let v = o.json();
    assert_eq!(v["system"]["state"], "ran");
    assert_eq!(v["coins"]["state"], "failed");
    assert!(
        v["coins"]["detail"].as_str().unwrap().contains("-2015"),
        "{v}"
    );
    assert_eq!(v["verdicts"][0]["code"], "incomplete");
}

#[test]
fn garbage_coin_list_is_a_failed_check() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Scenario::read_only()
        .respond(
            "/sapi/v1/system/status",
            Reply::json(200, r#"{"status":0,"msg":"normal"}"#),
        )
        .respond("/api/v3/ping", Reply::json(200, "{}"));
    s.bodies.insert(GETALL.into(), "{\"truncated\": [".into());
    s.bodies.insert(OPEN_ORDERS.into(), "[]".into());
    let m = MockBinance::start(s);
    let o = keyed_status(home.path(), &m, &[]);
    let out = &o.stdout;
    o.code(3);
    assert!(out.contains("failed:"), "{out}");
    assert!(!out.contains("All normal"), "{out}");
}
