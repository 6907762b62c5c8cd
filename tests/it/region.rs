//! `--region jp`: Binance Japan. Endpoints its server does not offer are
//! reported as not offered (neither a pass nor a failure), in both
//! languages; the region comes from the flag, the environment or the config.

use crate::common::binance::{self as mb, MockBinance, Scenario};
use crate::common::report::{api_checks, fact};
use crate::common::{Reply, Run, TempHome};

/// Binance Japan as the mock plays it: no /sapi/ wallet endpoints.
fn japan_without_sapi() -> MockBinance {
    let mut s = Scenario::read_only();
    for p in mb::SIGNED_PATHS.iter().filter(|p| p.starts_with("/sapi/")) {
        s = s.respond(p, Reply::text(404, "Not Found"));
    }
    MockBinance::start(s)
}

fn audit(mock: &MockBinance, extra: &[&str]) -> crate::common::Outcome {
    Run::new()
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["--api-url", &mock.url()])
        .args(extra)
        .run()
}

#[test]
fn sapi_answered_404_on_japan_is_not_offered_not_failed() {
    let mock = japan_without_sapi();
    let r = audit(&mock, &["--region", "jp", "--format", "json"]);
    let j = r.json();
    let checks = api_checks(&j);
    assert!(
        checks.iter().all(|c| c["state"] != "failed"),
        "{checks:?}\n{r}"
    );
    let skipped: Vec<_> = checks.iter().filter(|c| c["state"] == "skipped").collect();
    assert_eq!(skipped.len(), 1, "{checks:?}");
    let detail = skipped[0]["detail"].as_str().unwrap();
    assert!(detail.contains("not offered by Binance Japan"), "{detail}");
    assert!(detail.contains(mb::RESTRICTIONS) && detail.contains(mb::HISTORY));
    assert!(!detail.contains(mb::ACCOUNT), "{detail}");
    // What the region does offer is read as on global.
    assert_eq!(fact(&j, "account.can_trade")["source"], "observed", "{j}");
    assert_eq!(fact(&j, "account.status")["source"], "not_checked");
    assert!(
        fact(&j, "account.status")["reason"]
            .to_string()
            .contains("not offered by Binance Japan"),
        "{}",
        fact(&j, "account.status")
    );
    assert_ne!(r.code, 3, "{r}");
}

#[test]
fn the_same_404_on_global_is_a_failure() {
    let mock = japan_without_sapi();
    let r = audit(&mock, &["--format", "json"]);
    r.code(3);
    let j = r.json();
    assert!(api_checks(&j).iter().any(|c| c["state"] == "failed"));
    assert!(!j.to_string().contains("not offered"));
}

#[test]
fn not_offered_in_japanese() {
    let mock = japan_without_sapi();
    let r = audit(&mock, &["--region", "jp", "--lang", "ja"]);
    r.stdout_has("Binance Japanでは提供されていません");
}

#[test]
fn a_server_that_says_not_supported_is_not_offered_too() {
    let mock = MockBinance::start(Scenario::read_only().respond(
        mb::INFO,
        mb::error(400, -1000, "This endpoint is not supported in your region."),
    ));
    let r = audit(&mock, &["--region", "jp", "--format", "json"]);
    let j = r.json();
    let detail = api_checks(&j)
        .iter()
        .map(|c| c.to_string())
        .collect::<String>();
    assert!(detail.contains("not offered by Binance Japan") && detail.contains(mb::INFO));
    r.code(0);
}

#[test]
fn region_from_flag_env_and_config_says_the_api_host_is_uncertain() {
    let key = [
        ("BINANCE_API_KEY", mb::API_KEY),
        ("BINANCE_API_SECRET", mb::SECRET),
    ];
    let by_flag = Run::new()
        .env(key[0].0, key[0].1)
        .env(key[1].0, key[1].1)
        .args(["audit", "--region", "jp"])
        .run();
    by_flag.stderr_has("api.binance.co.jp");
    assert_eq!(
        by_flag.stderr.matches("api.binance.co.jp").count(),
        1,
        "{by_flag}"
    );
    Run::new()
        .env("BINANCE_AUDIT_REGION", "jp")
        .args(["status", "--offline"])
        .run()
        .stderr_has("Binance Japan: the API host https://api.binance.co.jp");
    let home = TempHome::new();
    std::fs::write(home.join("c.toml"), "[binance]\nregion = \"jp\"\n").unwrap();
    let cfg = home.join("c.toml");
    home.run()
        .args(["--lang", "ja", "--config"])
        .arg(&cfg)
        .args(["status", "--offline"])
        .run()
        .stderr_has("Binance Japan: APIのホスト https://api.binance.co.jp");
    // --api-url still wins, and then nothing is said about the region's host.
    Run::new()
        .args([
            "status",
            "--offline",
            "--region",
            "jp",
            "--api-url",
            "https://api.binance.com",
        ])
        .run()
        .stderr_lacks("api.binance.co.jp");
    // A profile's own region.
    std::fs::write(
        home.join("p.toml"),
        "[profiles.jp]\nregion = \"jp\"\n[profiles.bad]\nregion = \"mars\"\n",
    )
    .unwrap();
    let p = home.join("p.toml");
    home.run()
        .arg("--config")
        .arg(&p)
        .args(["status", "--offline", "--profile", "jp"])
        .run()
        .stderr_has("api.binance.co.jp");
    let bad = home
        .run()
        .arg("--config")
        .arg(&p)
        .args(["status", "--offline", "--profile", "bad"])
        .run();
    bad.code(2).stderr_has("unknown region \"mars\"");
}

#[test]
fn an_unknown_region_flag_is_a_usage_error() {
    Run::new()
        .args(["status", "--region", "mars"])
        .run()
        .code(2);
}
