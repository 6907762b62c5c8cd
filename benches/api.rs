//! The whole Binance API audit against a mock that adds 300 ms to every
//! answer: the calls for one account run concurrently and the clock is read
//! alongside them (signed with the local clock, re-signed only on -1021), so
//! the audit should take about one round trip, not two (clock first) or
//! eight (sequential). Prints figures; the target ratio is ≤ 1.3 round trips.
//!
//! Run with: cargo bench --bench api

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use binance_audit::collect::binance::{self, BinanceClient, Credentials, Signer};
use binance_audit::facts::Facts;
use binance_audit::net::{Net, NetOptions};
use common::binance::{self as mb, MockBinance, Scenario};

const DELAY: Duration = Duration::from_millis(300);
const RUNS: usize = 7;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn client(mock: &MockBinance) -> BinanceClient {
    // A new Net each time: a real run starts without pooled connections.
    let net = Net::new(&NetOptions::default()).expect("network setup");
    let base = url::Url::parse(&mock.url()).expect("mock URL");
    let creds = Credentials::new(mb::API_KEY, Signer::hmac(mb::SECRET.as_bytes()));
    BinanceClient::new(net, base, Some(creds))
}

fn main() {
    let mock = MockBinance::start(Scenario::read_only().delay(DELAY));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");

    let rtt = median(
        (0..RUNS)
            .map(|_| {
                let c = client(&mock);
                let t = Instant::now();
                rt.block_on(c.server_time()).expect("time");
                t.elapsed()
            })
            .collect(),
    );

    let audit = median(
        (0..RUNS)
            .map(|_| {
                let c = client(&mock);
                let mut facts = Facts::new();
                let t = Instant::now();
                let st = rt.block_on(binance::collect(&c, binance::client::now_ms(), &mut facts));
                let took = t.elapsed();
                assert!(
                    st.iter().all(|s| s
                        .detail
                        .render(binance_audit::i18n::Lang::En)
                        .contains("7 of 7")),
                    "the mock rejected something: {st:?}"
                );
                took
            })
            .collect(),
    );

    let home = tempfile::tempdir().expect("tempdir");
    let binary = median(
        (0..3)
            .map(|_| {
                let t = Instant::now();
                common::Run::new()
                    .home(home.path())
                    .online()
                    .env("BINANCE_API_KEY", mb::API_KEY)
                    .env("BINANCE_API_SECRET", mb::SECRET)
                    .args(["--api-url", &mock.url(), "--format", "json"])
                    .run()
                    .success();
                t.elapsed()
            })
            .collect(),
    );

    let ratio = audit.as_secs_f64() / rtt.as_secs_f64();
    println!(
        "mock delay per answer          {:>8.1} ms",
        DELAY.as_secs_f64() * 1e3
    );
    println!(
        "one round trip (median of {RUNS})   {:>8.1} ms",
        rtt.as_secs_f64() * 1e3
    );
    println!(
        "API audit, 8 calls (median)    {:>8.1} ms",
        audit.as_secs_f64() * 1e3
    );
    println!(
        "ratio audit / round trip       {:>8.2}   (target <= 1.30; clock first was ~2.2, sequential ~8)",
        ratio
    );
    println!(
        "whole binary run (median of 3) {:>8.1} ms",
        binary.as_secs_f64() * 1e3
    );
    println!("{}", if ratio <= 1.3 { "OK" } else { "ABOVE TARGET" });
}
