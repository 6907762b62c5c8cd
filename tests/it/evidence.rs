//! The evidence bundle against a local mock Binance that answers history
//! endpoints by the time window asked, refuses windows Binance would refuse,
//! and checks the key header and HMAC signature of every signed request.

use std::path::Path;
use std::time::Duration;

use crate::common::binance::{self as mb};
use crate::common::{MockServer, Outcome, Recorded, Reply, TempHome, json_file};
use hmac::{KeyInit, Mac};
use serde_json::{Value, json};

const WITHDRAW_HISTORY: &str = "/sapi/v1/capital/withdraw/history";
const DEPOSITS: &str = "/sapi/v1/capital/deposit/hisrec";
const ALL_ORDERS: &str = "/api/v3/allOrders";
const MY_TRADES: &str = "/api/v3/myTrades";
const OPEN_ORDERS: &str = "/api/v3/openOrders";
const DAY: i64 = 86_400_000;
/// The period most tests ask for: the mock's two withdrawals lie in it.
const TWO_DAYS: [&str; 4] = [
    "--since",
    "2026-11-19T00:00Z",
    "--until",
    "2026-11-21T00:00Z",
];
/// Above 2^53: must survive JSON round trips exactly.
const BIG_ORDER_ID: u64 = 9_007_199_254_740_993;

fn ms(t: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(t)
        .unwrap()
        .timestamp_millis()
}

fn signed_ok(r: &Recorded) -> bool {
    if r.header("X-MBX-APIKEY") != Some(mb::API_KEY) || r.param("timestamp").is_none() {
        return false;
    }
    let Some(i) = r.query.rfind("&signature=") else {
        return false;
    };
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(mb::SECRET.as_bytes()).unwrap();
    mac.update(&r.query.as_bytes()[..i]);
    hex::encode(mac.finalize().into_bytes()) == r.query[i + "&signature=".len()..]
}

fn param_i64(r: &Recorded, name: &str) -> Option<i64> {
    r.param(name).and_then(|v| v.parse().ok())
}

/// Rows of `items` whose `time_key` (ms) lies in the request's window, or an
/// error when the window is longer than Binance allows.
fn in_window(r: &Recorded, items: &[Value], max_ms: i64, time_of: fn(&Value) -> i64) -> Reply {
    let (Some(start), Some(end)) = (param_i64(r, "startTime"), param_i64(r, "endTime")) else {
        return mb::error(
            400,
            -1102,
            "startTime and endTime are required by this mock",
        );
    };
    if end - start >= max_ms || end < start {
        return mb::error(400, -1127, "More than the allowed interval.");
    }
    let offset = param_i64(r, "offset").unwrap_or(0) as usize;
    let rows: Vec<&Value> = items
        .iter()
        .filter(|v| (start..=end).contains(&time_of(v)))
        .skip(offset)
        .collect();
    Reply::json(200, serde_json::to_string(&rows).unwrap())
}

fn withdrawal_time(v: &Value) -> i64 {
    let s = v["applyTime"].as_str().unwrap();
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

struct Mock {
    server: MockServer,
}

impl Mock {
    /// `overrides`: path → reply, answered instead of the data.
    fn start(overrides: Vec<(&'static str, Reply)>) -> Mock {
        let withdrawals = vec![
            json!({"id": "w-attack", "amount": "250.00000000", "transactionFee": "1", "coin": "USDT",
                   "status": 6, "address": "TXattackerAddress0000000000000000", "txId": "0xattacktx",
                   "applyTime": "2026-11-20 03:14:15", "network": "TRX", "transferType": 0, "info": "",
                   "completeTime": "2026-11-20 03:16:02"}),
            json!({"id": "w-own", "amount": "0.50000000", "transactionFee": "0.0001", "coin": "BTC",
                   "status": 6, "address": "bc1qexampleexampleexampleexampleexample0", "txId": "btc-own-tx",
                   "applyTime": "2026-11-20 05:00:00", "network": "BTC", "transferType": 0, "info": ""}),
            // Long before any period the tests ask for.
            json!({"id": "w-old", "amount": "9", "coin": "ETH", "status": 6, "address": "0xold",
                   "txId": "old-tx", "applyTime": "2025-01-01 00:00:00", "network": "ETH"}),
        ];
        let deposits = vec![
            json!({"id": "d1", "amount": "1000", "coin": "USDT", "network": "TRX",
            "status": 1, "address": "TXmine", "txId": "dep-tx", "insertTime": ms("2026-11-19T08:00:00Z"),
            "transferType": 0}),
        ];
        let orders = vec![
            json!({"symbol": "BTCUSDT", "orderId": BIG_ORDER_ID, "clientOrderId": "x",
            "price": "0", "origQty": "0.5", "executedQty": "0.5", "cummulativeQuoteQty": "45000",
            "status": "FILLED", "type": "MARKET", "side": "SELL", "time": ms("2026-11-20T02:59:00Z"),
            "updateTime": ms("2026-11-20T02:59:00Z")}),
        ];
        let trades = vec![
            json!({"symbol": "BTCUSDT", "id": 555, "orderId": BIG_ORDER_ID, "price": "90000",
            "qty": "0.5", "quoteQty": "45000", "commission": "0.045", "commissionAsset": "USDT",
            "time": ms("2026-11-20T02:59:00Z"), "isBuyer": false, "isMaker": false}),
        ];
        let server = MockServer::start(move |r| {
            if r.method != "GET" {
                return mb::error(405, -1000, "GET only");
            }
            if let Some((_, reply)) = overrides.iter().find(|(p, _)| *p == r.path) {
                return reply.clone();
            }
            if r.path == "/api/v3/time" {
                return Reply::json(200, format!("{{\"serverTime\":{}}}", mb::now_ms()));
            }
            if !signed_ok(r) {
                return mb::error(400, -1022, "Signature for this request is not valid.");
            }
            match r.path.as_str() {
                WITHDRAW_HISTORY => in_window(r, &withdrawals, 90 * DAY, withdrawal_time),
                DEPOSITS => in_window(r, &deposits, 90 * DAY, |v| {
                    v["insertTime"].as_i64().unwrap()
                }),
                ALL_ORDERS | MY_TRADES => {
                    if r.param("symbol") != Some("BTCUSDT") {
                        return Reply::json(200, "[]");
                    }
                    let rows = if r.path == ALL_ORDERS {
                        &orders
                    } else {
                        &trades
                    };
                    in_window(r, rows, DAY + 1, |v| v["time"].as_i64().unwrap())
                }
                OPEN_ORDERS => Reply::json(
                    200,
                    r#"[{"symbol":"PEPEBTC","orderId":77,"side":"BUY","type":"LIMIT","price":"0.00000001","origQty":"1000000000","executedQty":"0","status":"NEW","time":1763600000000}]"#,
                ),
                "/sapi/v1/capital/withdraw/address/list" => Reply::json(
                    200,
                    r#"[
                    {"address": "bc1qexampleexampleexampleexampleexample0", "addressTag": "", "coin": "BTC",
                     "name": "cold storage", "network": "BTC", "origin": "", "originType": "Trust Wallet", "whiteStatus": true},
                    {"address": "0x0000000000000000000000000000000000000001", "addressTag": "", "coin": "USDT",
                     "name": "friend", "network": "ETH", "originType": "others", "whiteStatus": false}]"#,
                ),
                "/sapi/v1/account/apiRestrictions" => Reply::json(
                    200,
                    r#"{"ipRestrict": false, "createTime": 1761955200000,
                    "enableReading": true, "enableWithdrawals": true, "enableSpotAndMarginTrading": true}"#,
                ),
                "/sapi/v1/account/status" => Reply::json(200, r#"{"data": "Normal"}"#),
                "/api/v3/account" => Reply::json(
                    200,
                    r#"{"canTrade": true, "canWithdraw": true, "canDeposit": true, "uid": 123456789}"#,
                ),
                _ => mb::error(404, -1000, "unknown path in mock"),
            }
        });
        Mock { server }
    }

    fn requests_to(&self, path: &str) -> Vec<Recorded> {
        self.server
            .requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
}

/// One test's HOME and mock Binance.
struct Case {
    home: TempHome,
    mock: Mock,
}

impl Case {
    fn new() -> Case {
        Case::with(vec![])
    }

    /// A mock with `overrides` (see [`Mock::start`]).
    fn with(overrides: Vec<(&'static str, Reply)>) -> Case {
        Case {
            home: TempHome::new(),
            mock: Mock::start(overrides),
        }
    }

    /// `incident breach ARGS… --out OUT` with the mock's key, signed requests
    /// `pace_ms` apart.
    fn evidence(&self, pace_ms: u64, args: &[&str], out: &Path) -> Outcome {
        self.run(true, pace_ms, args, out)
    }

    /// [`Case::evidence`] with no key in the environment.
    fn evidence_without_key(&self, args: &[&str], out: &Path) -> Outcome {
        self.run(false, 1, args, out)
    }

    /// [`Case::evidence`] on a machine set to the zone `tz`.
    fn evidence_in(&self, tz: &str, args: &[&str], out: &Path) -> Outcome {
        self.run_in(Some(tz), true, 1, args, out)
    }

    fn run(&self, key: bool, pace_ms: u64, args: &[&str], out: &Path) -> Outcome {
        self.run_in(None, key, pace_ms, args, out)
    }

    fn run_in(
        &self,
        tz: Option<&str>,
        key: bool,
        pace_ms: u64,
        args: &[&str],
        out: &Path,
    ) -> Outcome {
        let cmd = self.home.run();
        let cmd = match tz {
            Some(tz) => cmd.env("TZ", tz),
            None => cmd,
        };
        let cmd = cmd
            .online()
            .env("BINANCE_API_URL", self.mock.server.url())
            .env("BINANCE_AUDIT_PACE_MS", pace_ms.to_string());
        let cmd = if key {
            cmd.env("BINANCE_API_KEY", mb::API_KEY)
                .env("BINANCE_API_SECRET", mb::SECRET)
        } else {
            cmd
        };
        cmd.args(["incident", "breach"])
            .args(args)
            .arg("--out")
            .arg(out)
            .run()
    }
}

fn read_ticket(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("ticket.md")).unwrap()
}

fn no_secrets(texts: &[&str], mock: &Mock) {
    let sigs: Vec<String> = mock
        .server
        .requests()
        .iter()
        .filter_map(|r| r.param("signature").map(str::to_string))
        .collect();
    for t in texts {
        assert!(!t.contains(mb::SECRET), "the API secret leaked");
        assert!(!t.contains(mb::API_KEY), "the full API key leaked");
        for s in &sigs {
            assert!(!t.contains(s.as_str()), "a signature leaked");
        }
    }
}

#[test]
fn breach_window_ticket_and_json() {
    let case = Case::new();
    let dir = case.home.join("case");
    let o = case.evidence(
        50,
        &[&TWO_DAYS[..], &["--symbol", "btcusdt"]].concat(),
        &dir,
    );
    o.code(0);
    assert!(
        o.stdout
            .contains("2 withdrawal(s) (1 to an address that is not whitelisted)"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("Warning: the API key used can do more than read"),
        "the key in the mock can withdraw: {}",
        o.stdout
    );

    let ticket = read_ticket(&dir);
    let json_text = std::fs::read_to_string(dir.join("evidence.json")).unwrap();
    no_secrets(&[&ticket, &json_text, &o.stdout, &o.stderr], &case.mock);

    // The ticket: the two withdrawals, each with its address-book status.
    let row = |tx: &str| {
        ticket
            .lines()
            .find(|l| l.starts_with('|') && l.contains(tx))
            .unwrap_or_else(|| panic!("no row with {tx}:\n{ticket}"))
            .to_string()
    };
    let attack = row("0xattacktx");
    assert!(attack.contains("2026-11-20 03:14:15 UTC"), "{attack}");
    assert!(
        attack.contains("| USDT | 250.00000000 | TRX | TXattackerAddress0000000000000000 |"),
        "{attack}"
    );
    assert!(attack.contains("⚠ NOT in address book"), "{attack}");
    assert!(
        attack.contains("Completed") && attack.contains("w-attack"),
        "{attack}"
    );
    let own = row("btc-own-tx");
    assert!(own.contains("whitelisted \"cold storage\""), "{own}");
    assert!(!own.contains('⚠'), "{own}");
    assert!(ticket.contains("- UID: 123456789"), "{ticket}");
    assert!(
        ticket.contains("Account status reported by Binance: Normal"),
        "{ticket}"
    );
    assert!(ticket.contains("Withdrawals in this period: 2, of which 1 to an address that is not whitelisted; first at 2026-11-20 03:14:15 UTC"), "{ticket}");
    assert!(
        ticket.contains(&BIG_ORDER_ID.to_string()),
        "order id in the ticket"
    );
    assert!(ticket.contains("| 555 |"), "trade id: {ticket}");
    assert!(ticket.contains("dep-tx"), "deposit: {ticket}");
    assert!(ticket.contains("PEPEBTC"), "open order: {ticket}");
    assert!(
        ticket.contains("enableWithdrawals") && ticket.contains("NOT restricted to trusted IPs"),
        "{ticket}"
    );
    assert!(!ticket.contains("old-tx"), "outside the period");
    let masked = format!(
        "{}…{}",
        &mb::API_KEY[..4],
        &mb::API_KEY[mb::API_KEY.len() - 4..]
    );
    assert!(ticket.contains(&masked), "the masked key is named");

    // The same facts as JSON, with large ids intact.
    let v: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["kind"], "breach");
    assert_eq!(v["period"]["since"], "2026-11-19T00:00:00Z");
    let w = v["withdrawals"].as_array().unwrap();
    assert_eq!(w.len(), 2);
    assert_eq!(w[0]["tx_id"], "0xattacktx");
    assert_eq!(w[0]["in_address_book"], false);
    assert_eq!(w[0]["whitelisted"], false);
    assert_eq!(w[0]["apply_time"], "2026-11-20T03:14:15Z");
    assert_eq!(w[1]["whitelisted"], true);
    assert_eq!(w[1]["address_label"], "cold storage");
    assert_eq!(v["orders"][0]["order_id"].as_u64(), Some(BIG_ORDER_ID));
    assert_eq!(v["trades"][0]["order_id"].as_u64(), Some(BIG_ORDER_ID));
    assert_eq!(v["deposits"][0]["time"], "2026-11-19T08:00:00Z");
    assert_eq!(v["account"]["uid"], 123456789);
    assert_eq!(v["api_key_permissions"]["enableWithdrawals"], true);
    assert_eq!(v["api_key"], masked.as_str());
    assert!(
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["state"] == "ran"),
        "{}",
        v["checks"]
    );
    assert!(!v["network"].as_array().unwrap().is_empty());

    // Read-only and signed: every request is a GET, every signed one verified.
    let reqs = case.mock.server.requests();
    assert!(reqs.iter().all(|r| r.method == "GET"));
    for r in reqs.iter().filter(|r| r.path != "/api/v3/time") {
        assert!(signed_ok(r), "{} was not signed correctly", r.path);
    }
    // 24-hour windows for orders and trades: 2 days → 2 windows each.
    assert_eq!(case.mock.requests_to(ALL_ORDERS).len(), 2);
    assert_eq!(case.mock.requests_to(MY_TRADES).len(), 2);
    assert!(
        case.mock
            .requests_to(OPEN_ORDERS)
            .iter()
            .all(|r| r.param("symbol").is_none())
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in ["ticket.md", "evidence.json"] {
            let m = std::fs::metadata(dir.join(f)).unwrap().permissions().mode();
            assert_eq!(m & 0o777, 0o600, "{f}");
        }
        let m = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(m & 0o777, 0o700);
    }

    // Running again into the same folder keeps the earlier evidence.
    let again = case.evidence(1, &["--since", "2026-11-19T00:00Z"], &dir);
    again.code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(read_ticket(&dir), ticket);
}

/// The ticket's times are in the machine's zone, named: JST on a machine
/// set to Tokyo (issue 22; they once followed the language instead).
#[test]
fn japanese_ticket_uses_jst() {
    let case = Case::new();
    let dir = case.home.join("jp");
    let o = case.evidence_in(
        "Asia/Tokyo",
        &[
            "--lang",
            "ja",
            "--since",
            "2026-11-20T09:00+09:00",
            "--until",
            "2026-11-21T00:00+09:00",
        ],
        &dir,
    );
    o.code(0);
    let ticket = read_ticket(&dir);
    assert!(
        ticket.starts_with("# お問い合わせ：アカウントへの不正アクセスの疑い"),
        "{ticket}"
    );
    let attack = ticket.lines().find(|l| l.contains("0xattacktx")).unwrap();
    assert!(attack.contains("2026-11-20 12:14:15 JST"), "{attack}");
    assert!(attack.contains("⚠ アドレス帳に未登録"), "{attack}");
    assert!(
        ticket.contains("ホワイトリスト登録済み \"cold storage\""),
        "{ticket}"
    );
    assert!(o.stdout.contains("出金 2件"), "{}", o.stdout);
}

#[test]
fn withdraw_history_is_paced_and_walked_in_short_windows() {
    let case = Case::new();
    let dir = case.home.join("long");
    let pace = 300;
    // 204 days: three windows of less than 90 days each.
    let o = case.evidence(
        pace,
        &[
            "--since",
            "2026-05-01T00:00Z",
            "--until",
            "2026-11-21T00:00Z",
        ],
        &dir,
    );
    o.code(0);
    let calls = case.mock.requests_to(WITHDRAW_HISTORY);
    assert_eq!(calls.len(), 3);
    let windows: Vec<(i64, i64)> = calls
        .iter()
        .map(|r| {
            (
                param_i64(r, "startTime").unwrap(),
                param_i64(r, "endTime").unwrap(),
            )
        })
        .collect();
    assert_eq!(windows[0].0, ms("2026-05-01T00:00:00Z"));
    assert_eq!(
        windows[2].1,
        ms("2026-11-21T00:00:00Z") - 1,
        "--until is exclusive"
    );
    for pair in windows.windows(2) {
        assert_eq!(pair[1].0, pair[0].1 + 1, "no gap, no overlap");
    }
    assert!(windows.iter().all(|(a, b)| b - a < 90 * DAY));
    // The mock records arrival times: consecutive calls are at least the pace apart
    // (less a little for scheduling jitter on the way in).
    for pair in calls.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        assert!(
            gap >= Duration::from_millis(pace * 9 / 10),
            "calls {gap:?} apart"
        );
    }
    let v: Value = json_file(dir.join("evidence.json"));
    assert_eq!(v["withdrawals"].as_array().unwrap().len(), 2);
    assert!(
        o.stdout.contains("--symbol"),
        "hint to add symbols: {}",
        o.stdout
    );
}

#[test]
fn order_and_trade_lookups_are_paced_too() {
    let case = Case::new();
    let dir = case.home.join("trades");
    let pace = 250; // the /api lane is spaced at 2/5 of it: 100 ms
    let o = case.evidence(
        pace,
        &[
            "--since",
            "2026-11-19T00:00Z",
            "--until",
            "2026-11-20T12:00Z",
            "--symbol",
            "BTCUSDT",
        ],
        &dir,
    );
    o.code(0);
    let mut lane: Vec<Recorded> = case
        .mock
        .server
        .requests()
        .into_iter()
        .filter(|r| [ALL_ORDERS, MY_TRADES, OPEN_ORDERS].contains(&r.path.as_str()))
        .collect();
    lane.sort_by_key(|r| r.at);
    assert_eq!(lane.len(), 5, "1 open-orders + 2 windows × 2 endpoints");
    for pair in lane.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        assert!(
            gap >= Duration::from_millis(90),
            "{} then {}: {gap:?}",
            pair[0].path,
            pair[1].path
        );
    }
}

#[test]
fn a_rate_limited_part_is_not_collected_and_the_rest_is() {
    let case = Case::with(vec![(
        WITHDRAW_HISTORY,
        Reply::json(429, r#"{"code":-1003,"msg":"Too many requests."}"#)
            .with_header("Retry-After", "60"),
    )]);
    let dir = case.home.join("rl");
    let o = case.evidence(1, &TWO_DAYS, &dir);
    o.code(3);
    assert!(
        o.stdout.contains("not collected: withdrawals"),
        "{}",
        o.stdout
    );
    assert_eq!(
        case.mock.requests_to(WITHDRAW_HISTORY).len(),
        1,
        "a 429 is not retried"
    );
    let ticket = read_ticket(&dir);
    assert!(ticket.contains("_Not collected:"), "{ticket}");
    assert!(ticket.contains("HTTP 429"), "{ticket}");
    assert!(
        ticket.contains("dep-tx"),
        "deposits still collected: {ticket}"
    );
    let v: Value = json_file(dir.join("evidence.json"));
    let wd = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "withdrawals")
        .unwrap();
    assert_eq!(wd["state"], "failed");
}

#[test]
fn without_a_key_a_blank_ticket_and_no_requests() {
    let case = Case::new();
    let dir = case.home.join("nokey");
    let o = case.evidence_without_key(&["--since", "2026-11-19T00:00Z"], &dir);
    o.code(0);
    assert!(case.mock.server.requests().is_empty());
    let ticket = read_ticket(&dir);
    assert!(ticket.contains("_Not collected: no API key"), "{ticket}");
    assert!(ticket.contains("[your UID"), "{ticket}");
    // Nothing collected is never "0 withdrawals": the summary gives no count,
    // the ticket keeps empty tables to fill in and says what to attach.
    assert!(!o.stdout.contains("0 withdrawal"), "{}", o.stdout);
    assert!(o.stdout.contains("not collected"), "{}", o.stdout);
    assert!(ticket.contains("| # | Time | Coin |"), "{ticket}");
    assert!(ticket.contains("fill in from the app"), "{ticket}");
    assert!(!ticket.contains("withdrawals above"), "{ticket}");

    let dir = case.home.join("offline");
    let o = case.evidence(1, &["--offline", "--since", "2026-11-19T00:00Z"], &dir);
    o.code(0);
    assert!(case.mock.server.requests().is_empty());
    let ticket = read_ticket(&dir);
    assert!(ticket.contains("offline"), "{ticket}");
}

#[test]
fn bad_times_are_usage_errors() {
    let case = Case::new();
    let out = case.home.join("x");
    for (args, needle) in [
        (vec!["--since", "2026-11-20"], "no time and zone"),
        (vec!["--since", "2026-11-20T00:00"], "no time zone"),
        (
            vec![
                "--since",
                "2026-11-21T00:00Z",
                "--until",
                "2026-11-20T00:00Z",
            ],
            "must be before",
        ),
        (vec!["--since", "2099-01-01T00:00Z"], "in the future"),
        (
            vec!["--since", "2026-11-20T00:00Z", "--symbol", "BTC USDT"],
            "not a trading pair",
        ),
    ] {
        let o = case.evidence(1, &args, &out);
        o.code(2);
        assert!(o.stderr.contains(needle), "{args:?}: {}", o.stderr);
    }
    assert!(case.mock.server.requests().is_empty());
    assert!(!out.exists());
}

/// A 404 with a server's own message is reported as what it is (status and
/// message), not as Binance being busy, and it is not retried.
#[test]
fn a_404_shows_its_status_and_message() {
    let case = Case::with(vec![(
        DEPOSITS,
        mb::error(404, -1000, "no such endpoint on this proxy"),
    )]);
    let dir = case.home.join("nf");
    let o = case.evidence(1, &TWO_DAYS, &dir);
    assert_eq!(o.code, 3, "{}{}", o.stdout, o.stderr);
    let ticket = read_ticket(&dir);
    let all = format!("{}{}{ticket}", o.stdout, o.stderr);
    assert!(
        all.contains("HTTP 404") && all.contains("no such endpoint on this proxy"),
        "{all}"
    );
    assert!(!all.contains("busy or internal timeout"), "{all}");
    assert_eq!(
        case.mock.requests_to(DEPOSITS).len(),
        1,
        "a 404 is not retried"
    );
}
