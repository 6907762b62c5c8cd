//! The observed security state of one account, saved with `--save-baseline`
//! and compared with `--baseline`. The comparison is a collector: it observes
//! `drift.*` facts, and rules/drift.toml turns them into findings, so what
//! counts as alarming stays data. A baseline holds no secret: no API key, no
//! signature, nothing derived from the password. Format: docs/baseline.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::facts::{CATALOGUE, FactKind};
use crate::i18n::Lang;
use crate::report::Report;
use crate::rules::{Category, Severity};
use crate::t;

/// Bumped only on incompatible changes; readers ignore fields they do not know.
pub const BASELINE_VERSION: u32 = 1;

/// A baseline larger than this is not one of ours.
const MAX_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub baseline_version: u32,
    pub tool_version: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The config profile audited; `null` for the default `[binance]` section.
    #[serde(default)]
    pub profile: Option<String>,
    /// `null` when the API key was not checked in the run that saved it.
    #[serde(default)]
    pub api: Option<ApiState>,
    #[serde(default)]
    pub account: Option<AccountState>,
    #[serde(default)]
    pub withdrawal: Option<WithdrawalState>,
    #[serde(default)]
    pub score: Option<u32>,
    /// Which share of the state rules the score covered; scores over
    /// different coverage are not compared.
    #[serde(default)]
    pub coverage: Option<BaselineCoverage>,
    /// Findings present when the baseline was saved (drift findings are never
    /// recorded: they describe a change, not a state). `--fail-on-new` gates
    /// only on findings not listed here.
    #[serde(default)]
    pub findings: Vec<FindingRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiState {
    #[serde(default)]
    pub ip_restrict: Option<bool>,
    /// Key creation time, ms since the epoch: a new value means a new key.
    #[serde(default)]
    pub create_time: Option<i64>,
    /// Every `enable*`/`permits*` flag observed, by fact name without `api.`.
    #[serde(default)]
    pub permissions: BTreeMap<String, bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountState {
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawalState {
    #[serde(default)]
    pub addresses: Vec<Address>,
}

/// One address-book entry as the report shows it: the address shortened,
/// plus the fingerprint that identifies it without storing it whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default)]
    pub coin: String,
    #[serde(default)]
    pub network: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub fingerprint: String,
    /// Binance's `whiteStatus`.
    #[serde(default)]
    pub white: Option<bool>,
}

impl Address {
    pub(crate) fn from_value(v: &Value) -> Option<Address> {
        let m = v.as_object()?;
        let s = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let white = ["white", "white_status", "whitelisted"]
            .iter()
            .find_map(|k| m.get(*k).and_then(Value::as_bool));
        Some(Address {
            coin: s("coin"),
            network: s("network"),
            name: s("name"),
            address: s("address"),
            fingerprint: s("fingerprint"),
            white,
        })
    }

    /// What identifies an entry across runs: its fingerprint, else coin,
    /// network and (shortened) address.
    pub fn identity(&self) -> String {
        if self.fingerprint.is_empty() {
            format!("{}|{}|{}", self.coin, self.network, self.address)
        } else {
            self.fingerprint.clone()
        }
    }

    pub fn label(&self) -> String {
        let mut l = self.coin.clone();
        if !self.network.is_empty() {
            l.push_str(&format!(" ({})", self.network));
        }
        if !self.name.is_empty() {
            l.push_str(&format!(" \"{}\"", self.name));
        }
        if !self.address.is_empty() {
            l.push_str(&format!(" {}", self.address));
        }
        l
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineCoverage {
    pub evaluated: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRecord {
    pub id: String,
    pub severity: Severity,
}

/// A baseline read from disk, with the name it was given by.
#[derive(Clone, Debug)]
pub struct LoadedBaseline {
    pub data: Baseline,
    pub file: String,
}

impl LoadedBaseline {
    pub fn has_finding(&self, id: &str) -> bool {
        self.data.findings.iter().any(|f| f.id == id)
    }
}

/// Why a baseline file could not be used; each names the file.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.render(Lang::En))]
pub enum LoadError {
    NotFound(String),
    Io(String, std::io::Error),
    TooLarge(String, u64),
    Read(String, crate::bounded::ReadError),
    Parse(String, ParseError),
}

impl LoadError {
    pub fn render(&self, lang: Lang) -> String {
        let what = |name: &String| t!(lang, "shell-baseline-named", name = name);
        match self {
            LoadError::NotFound(name) => t!(
                lang,
                "shell-baseline-not-found",
                what = what(name),
                name = name
            ),
            LoadError::Io(name, e) => {
                crate::files::read_error(what(name), Some("--baseline".into()), e).render(lang)
            }
            LoadError::TooLarge(name, bytes) => t!(
                lang,
                "shell-baseline-too-large",
                what = what(name),
                bytes = bytes.to_string()
            ),
            LoadError::Read(name, e) => e
                .msg_set_by(what(name), Some("--baseline".into()))
                .render(lang),
            LoadError::Parse(name, e) => t!(
                lang,
                "shell-baseline-problem",
                what = what(name),
                problem = e.render(lang)
            ),
        }
    }
}

/// What is wrong inside baseline text.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.render(Lang::En))]
pub enum ParseError {
    /// Not JSON: where, whether the text simply ended, and serde's words.
    Json {
        line: usize,
        column: usize,
        eof: bool,
        detail: String,
    },
    NoVersion,
    /// A `baseline_version` this build does not read (as written).
    Version(String),
    /// JSON of the wrong shape (serde's message).
    Content(String),
    CreatedAt(String),
}

impl ParseError {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            ParseError::Json {
                line,
                column,
                eof,
                detail,
            } => t!(
                lang,
                "shell-baseline-not-json",
                line = line.to_string(),
                column = column.to_string(),
                eof = if *eof { "yes" } else { "no" },
                detail = detail
            ),
            ParseError::NoVersion => t!(lang, "shell-baseline-no-version"),
            ParseError::Version(raw) => t!(
                lang,
                "shell-baseline-version",
                version = raw,
                supported = BASELINE_VERSION.to_string()
            ),
            ParseError::Content(m) => t!(
                lang,
                "shell-baseline-content",
                problem = crate::parse_message::message(m, lang)
            ),
            ParseError::CreatedAt(c) => {
                t!(lang, "shell-baseline-created-at", value = format!("{c:?}"))
            }
        }
    }
}

/// Read and check a baseline file.
pub fn load(path: &Path) -> Result<LoadedBaseline, LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            LoadError::NotFound(name.clone())
        } else {
            LoadError::Io(name.clone(), e)
        }
    })?;
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(name, meta.len()));
    }
    let bytes = crate::bounded::read_file(path, MAX_BYTES as usize)
        .map_err(|e| LoadError::Read(name.clone(), e))?;
    let data = parse(&bytes).map_err(|e| LoadError::Parse(name.clone(), e))?;
    Ok(LoadedBaseline { data, file: name })
}

pub fn parse(bytes: &[u8]) -> Result<Baseline, ParseError> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| ParseError::Json {
        line: e.line(),
        column: e.column(),
        eof: e.classify() == serde_json::error::Category::Eof,
        detail: strip_position(&e.to_string()).to_string(),
    })?;
    match v.get("baseline_version").map(|v| (v, v.as_u64())) {
        None => return Err(ParseError::NoVersion),
        Some((_, Some(n))) if n == u64::from(BASELINE_VERSION) => {}
        Some((raw, _)) => return Err(ParseError::Version(raw.to_string())),
    }
    let b: Baseline = serde_json::from_value(v)
        .map_err(|e| ParseError::Content(strip_position(&e.to_string()).to_string()))?;
    if DateTime::parse_from_rfc3339(&b.created_at).is_err() {
        return Err(ParseError::CreatedAt(b.created_at));
    }
    Ok(b)
}

fn strip_position(msg: &str) -> &str {
    msg.split(" at line ").next().unwrap_or(msg)
}

pub fn to_json(b: &Baseline) -> String {
    let mut s = serde_json::to_string_pretty(b).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn observed<'a>(report: &'a Report, name: &str) -> Option<&'a Value> {
    report
        .facts
        .iter()
        .find(|f| f.name == name && f.source == "observed")
        .and_then(|f| f.value.as_ref())
}

pub(crate) fn is_permission(name: &str) -> bool {
    name.starts_with("api.enable_") || name.starts_with("api.permits_")
}

/// Coverage of the rules that describe state (everything but drift), which
/// is what the score is computed over.
pub fn state_coverage(report: &Report) -> BaselineCoverage {
    let state = |c: Category| c != Category::Drift;
    // The same count as the run's own coverage: a superseded band rule was
    // evaluated; a rule with nothing to look at is in neither number.
    let evaluated = report.findings.iter().filter(|f| state(f.category)).count()
        + report.passed.iter().filter(|p| state(p.category)).count()
        + report
            .superseded
            .iter()
            .filter(|s| state(s.category))
            .count();
    let total = evaluated
        + report
            .not_checked
            .iter()
            .filter(|n| state(n.category))
            .count();
    BaselineCoverage { evaluated, total }
}

/// The baseline of a finished run: only observed facts, never declared ones.
pub fn from_report(report: &Report, now: DateTime<Utc>) -> Baseline {
    let mut permissions = BTreeMap::new();
    for def in CATALOGUE
        .iter()
        .filter(|d| d.kind == FactKind::Bool && is_permission(d.name))
    {
        if let Some(b) = observed(report, def.name).and_then(Value::as_bool) {
            permissions.insert(def.name.trim_start_matches("api.").to_string(), b);
        }
    }
    if let Some(extra) = observed(report, "api.extra_permissions").and_then(Value::as_array) {
        for name in extra.iter().filter_map(Value::as_str) {
            permissions.insert(name.to_string(), true);
        }
    }
    let api = ApiState {
        ip_restrict: observed(report, "api.ip_restrict").and_then(Value::as_bool),
        create_time: observed(report, "api.create_time").and_then(Value::as_i64),
        permissions,
    };
    let api = (api != ApiState::default()).then_some(api);
    let account = observed(report, "account.status")
        .and_then(Value::as_str)
        .map(|s| AccountState {
            status: Some(s.to_string()),
        });
    let withdrawal = observed(report, "withdrawal.addresses")
        .and_then(Value::as_array)
        .map(|items| WithdrawalState {
            addresses: items.iter().filter_map(Address::from_value).collect(),
        });
    Baseline {
        baseline_version: BASELINE_VERSION,
        tool_version: env!("CARGO_PKG_VERSION").into(),
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        profile: report.profile.clone(),
        api,
        account,
        withdrawal,
        score: report.score,
        coverage: Some(state_coverage(report)),
        findings: report
            .findings
            .iter()
            .filter(|f| f.category != Category::Drift)
            .map(|f| FindingRecord {
                id: f.id.clone(),
                severity: f.severity,
            })
            .collect(),
    }
}

/// Ids of the baseline's findings, for tests and `--fail-on-new`.
pub fn finding_ids(b: &Baseline) -> BTreeSet<&str> {
    b.findings.iter().map(|f| f.id.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collect::drift::{CurrentState, observe_drift};
    use crate::facts::{Fact, Facts};
    use crate::score::Coverage;
    use serde_json::json;

    fn addr(fp: &str, white: bool) -> Value {
        json!({"coin": "USDT", "network": "ETH", "name": "cold", "address": "0x12…ab", "fingerprint": fp, "white": white})
    }

    fn base() -> Baseline {
        Baseline {
            baseline_version: 1,
            tool_version: "0.1.0".into(),
            created_at: "2026-11-01T00:00:00Z".into(),
            profile: None,
            api: Some(ApiState {
                ip_restrict: Some(true),
                create_time: Some(1_761_955_200_000),
                permissions: [
                    ("enable_reading", true),
                    ("enable_withdrawals", false),
                    ("enable_futures", false),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            }),
            account: Some(AccountState {
                status: Some("Normal".into()),
            }),
            withdrawal: Some(WithdrawalState {
                addresses: vec![Address::from_value(&addr("fp1", true)).unwrap()],
            }),
            score: Some(90),
            coverage: Some(BaselineCoverage {
                evaluated: 10,
                total: 12,
            }),
            findings: vec![],
        }
    }

    fn facts(ip: bool, wd: bool, ct: i64, status: &str, book: Vec<Value>) -> Facts {
        let mut f = Facts::new();
        f.observe("api.ip_restrict", ip);
        f.observe("api.enable_reading", true);
        f.observe("api.enable_withdrawals", wd);
        f.observe("api.enable_futures", false);
        f.observe("api.create_time", ct);
        f.observe("account.status", status);
        f.observe("withdrawal.addresses", book);
        f
    }

    fn state(score: u32) -> CurrentState {
        CurrentState {
            score: Some(score),
            coverage: Coverage {
                evaluated: 10,
                total: 12,
            },
        }
    }

    fn list(f: &Facts, name: &str) -> Vec<Value> {
        match f.get(name) {
            Some(Fact::Observed { value }) => value.as_array().cloned().unwrap_or_default(),
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn unchanged_state_means_empty_drift() {
        let now = facts(
            true,
            false,
            1_761_955_200_000,
            "Normal",
            vec![addr("fp1", true)],
        );
        let mut out = now.clone();
        observe_drift(&base(), &now, &state(90), &mut out);
        for name in [
            "drift.new_addresses",
            "drift.whitelist_changed",
            "drift.withdrawals_enabled",
            "drift.permissions_enabled",
            "drift.ip_restriction_removed",
            "drift.key_replaced",
            "drift.account_status_changed",
            "drift.score_drop",
        ] {
            assert!(list(&out, name).is_empty(), "{name}");
        }
    }

    #[test]
    fn every_change_is_recorded_old_to_new() {
        let now = facts(
            false,
            true,
            1_764_000_000_000,
            "Locked",
            vec![addr("fp1", false), addr("fp2", false)],
        );
        let mut out = now.clone();
        observe_drift(&base(), &now, &state(70), &mut out);
        let new = list(&out, "drift.new_addresses");
        assert_eq!(new.len(), 1);
        assert_eq!(new[0]["item"], "fp2");
        assert_eq!(new[0]["old"], "absent");
        let flip = list(&out, "drift.whitelist_changed");
        assert_eq!(flip[0]["old"], "whiteStatus=true");
        assert_eq!(flip[0]["new"], "whiteStatus=false");
        assert_eq!(list(&out, "drift.withdrawals_enabled")[0]["old"], "false");
        assert!(list(&out, "drift.permissions_enabled").is_empty());
        assert_eq!(list(&out, "drift.ip_restriction_removed").len(), 1);
        let k = list(&out, "drift.key_replaced");
        assert_eq!(k[0]["old"], "2025-11-01T00:00:00Z");
        assert_eq!(
            list(&out, "drift.account_status_changed")[0]["new"],
            "Locked"
        );
        assert_eq!(list(&out, "drift.score_drop")[0]["new"], "70");
    }

    #[test]
    fn missing_sides_are_not_checked_never_unchanged() {
        let mut b = base();
        b.withdrawal = None;
        b.coverage = Some(BaselineCoverage {
            evaluated: 3,
            total: 12,
        });
        let mut now = Facts::new();
        now.not_checked_prefix("api.", crate::i18n::Msg::verbatim("no API key"));
        let mut out = now.clone();
        observe_drift(&b, &now, &state(90), &mut out);
        for (name, needle) in [
            ("drift.new_addresses", "baseline"),
            ("drift.ip_restriction_removed", "no API key"),
            ("drift.permissions_enabled", "no API key"),
            ("drift.account_status_changed", "not collected"),
            ("drift.score_drop", "not comparable"),
        ] {
            match out.get(name) {
                Some(Fact::NotChecked { reason }) => {
                    let reason = reason.render(crate::i18n::Lang::En);
                    assert!(reason.contains(needle), "{name}: {reason}")
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }

    #[test]
    fn parse_checks_version_and_position() {
        let good = to_json(&base());
        assert_eq!(parse(good.as_bytes()).unwrap(), base());
        let e = parse(b"{\"baseline_version\": 2}").unwrap_err().to_string();
        assert!(
            e.contains("version 2") || e.contains("baseline_version 2"),
            "{e}"
        );
        let e = parse(b"{\n  \"x\": }").unwrap_err().to_string();
        assert!(e.starts_with("2:"), "{e}");
        let e = parse(b"{\"schema_version\": 1}").unwrap_err().to_string();
        assert!(e.contains("not a baseline"), "{e}");
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["created_at"] = json!("yesterday");
        assert!(
            parse(v.to_string().as_bytes())
                .unwrap_err()
                .to_string()
                .contains("created_at")
        );
        // Fields a later minor release adds are ignored, not fatal.
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["added_later"] = json!(true);
        assert!(parse(v.to_string().as_bytes()).is_ok());
    }

    #[test]
    fn a_baseline_holds_no_secret_shaped_field() {
        let text = to_json(&base());
        for banned in ["api_key", "secret", "signature", "password", "private"] {
            assert!(!text.contains(banned), "{banned} in {text}");
        }
    }
}
