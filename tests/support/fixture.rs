//! A deterministic report built through the library: fixed rules
//! (tests/fixtures/rules), fixed facts, a fixed baseline, fixed waivers and a
//! fixed clock, so golden files only change when a renderer does.
#![allow(dead_code)]

use std::path::Path;

use binance_audit::baseline::{
    AccountState, Address, ApiState, Baseline, BaselineCoverage, FindingRecord, LoadedBaseline,
    WithdrawalState,
};
use binance_audit::collect::CheckStatus;
use binance_audit::config::Waiver;
use binance_audit::facts::Facts;
use binance_audit::i18n::{Lang, Msg};
use binance_audit::net::NetRequest;
use binance_audit::report::Report;
use binance_audit::rules::{self, Category, Rule, Severity};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::json;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()
}

/// Fixture rules plus the built-in drift rules.
pub fn rules() -> Vec<Rule> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut r = rules::load_dir(&dir).unwrap_or_else(|e| panic!("{}", e.msg().render(Lang::En)));
    r.extend(
        rules::load_builtin()
            .unwrap()
            .into_iter()
            .filter(|r| r.category == Category::Drift),
    );
    r
}

pub fn address(coin: &str, name: &str, addr: &str, fp: &str, white: bool) -> serde_json::Value {
    json!({"coin": coin, "network": coin_network(coin), "name": name, "address": addr, "fingerprint": fp, "white": white})
}

fn coin_network(coin: &str) -> &str {
    if coin == "USDT" { "ETH" } else { coin }
}

/// The account now: withdrawals on without IP restriction, futures on, a new
/// non-whitelisted address whose name tries to be markup, an old key.
pub fn facts() -> Facts {
    let mut f = Facts::new();
    f.observe("api.ip_restrict", false);
    f.observe("api.enable_reading", true);
    f.observe("api.enable_withdrawals", true);
    f.observe("api.enable_futures", true);
    f.observe("api.enable_margin", false);
    f.observe("api.create_time", 1_764_000_000_000_i64);
    f.observe("api.key_age_days", 120);
    f.observe("policy.key_max_age_days", 90);
    f.observe("account.status", "Normal");
    let cold = address("USDT", "cold", "0x12…ab", "fp-cold", true);
    let new = address(
        "BTC",
        "[restore account](https://evil.example) | <b>x</b>",
        "bc1q…7k",
        "fp-new",
        false,
    );
    f.observe("withdrawal.addresses", vec![cold, new.clone()]);
    f.observe("withdrawal.not_whitelisted", vec![new]);
    f.declare(
        "declared.two_factor",
        vec!["sms", "authenticator"],
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    );
    f.not_checked(
        "breach.password_count",
        Msg::verbatim("offline mode: no network request was made"),
    );
    f
}

pub fn baseline() -> LoadedBaseline {
    LoadedBaseline {
        file: "baseline.json".into(),
        data: Baseline {
            baseline_version: 1,
            tool_version: "0.1.0".into(),
            created_at: "2026-11-01T08:00:00Z".into(),
            profile: None,
            api: Some(ApiState {
                ip_restrict: Some(true),
                create_time: Some(1_761_955_200_000),
                permissions: [
                    ("enable_reading", true),
                    ("enable_withdrawals", false),
                    ("enable_futures", false),
                    ("enable_margin", false),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            }),
            account: Some(AccountState {
                status: Some("Normal".into()),
            }),
            withdrawal: Some(WithdrawalState {
                addresses: vec![Address {
                    coin: "USDT".into(),
                    network: "ETH".into(),
                    name: "cold".into(),
                    address: "0x12…ab".into(),
                    fingerprint: "fp-cold".into(),
                    white: Some(false),
                }],
            }),
            score: Some(95),
            coverage: Some(BaselineCoverage {
                evaluated: 5,
                total: 6,
            }),
            findings: vec![FindingRecord {
                id: "BA-2FA-901".into(),
                severity: Severity::Low,
            }],
        },
    }
}

pub fn waiver(rule: &str, profile: Option<&str>, reason: &str, expires: Option<&str>) -> Waiver {
    Waiver {
        rule: rule.into(),
        profile: profile.map(str::to_string),
        reason: reason.into(),
        expires: expires.map(|d| d.parse().unwrap()),
    }
}

pub fn waivers() -> Vec<Waiver> {
    vec![
        waiver(
            "BA-API-902",
            None,
            "bot key, rotated by its own schedule",
            Some("2099-01-01"),
        ),
        waiver(
            "BA-WDR-901",
            None,
            "migration in progress",
            Some("2026-01-01"),
        ),
        waiver("BA-XYZ-999", None, "typo in the rule id", None),
        waiver(
            "BA-API-901",
            Some("other-account"),
            "only for another profile",
            None,
        ),
    ]
}

pub struct Options<'a> {
    pub lang: Lang,
    pub baseline: Option<&'a LoadedBaseline>,
    pub waivers: &'a [Waiver],
    pub facts: &'a Facts,
    pub rules: &'a [Rule],
}

pub fn build(o: Options<'_>) -> Report {
    binance_audit::report::build::report(binance_audit::report::build::Inputs {
        facts: o.facts,
        rules: o.rules,
        lang: o.lang,
        checks: vec![
            CheckStatus::skipped(
                "password",
                Msg::verbatim("password check skipped: this run is unattended"),
            ),
            CheckStatus::ran("binance-api", Msg::verbatim("4 signed GET requests")),
            CheckStatus::skipped(
                "breach",
                Msg::verbatim("offline mode: no network request was made"),
            ),
        ],
        network: vec![NetRequest {
            method: "GET".into(),
            host: "127.0.0.1".into(),
            path: "/sapi/v1/account/apiRestrictions".into(),
            purpose: "API key permissions".into(),
            tries: 2,
        }],
        warnings: vec!["config.toml is readable by group or others (mode 644); fix it with: chmod 600 config.toml".into()],
        profile: None,
        waivers: o.waivers,
        baseline: o.baseline,
        config_file: Some(".github/binance-audit.toml".into()),
        now: now(),
    })
}

/// The full fixture: every section of the report has something in it.
pub fn report(lang: Lang) -> Report {
    let (facts, rules, waivers, baseline) = (facts(), rules(), waivers(), baseline());
    build(Options {
        lang,
        baseline: Some(&baseline),
        waivers: &waivers,
        facts: &facts,
        rules: &rules,
    })
}
