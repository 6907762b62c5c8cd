//! One `Report` value, rendered into each format. Renderers compute nothing.

pub mod build;
pub mod format;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

use serde::Serialize;

use crate::collect::CheckState;
use crate::i18n::Lang;
use crate::net::NetRequest;
use crate::rules::{Category, Severity};
use crate::score::Grade;

pub use crate::audit::waivers::{Waived, WaiverStatus};
pub use crate::score::Coverage;
pub use build::build;
pub use format::{Format, RenderOptions};

/// The one version of every JSON document the tool writes (reports, status,
/// playbooks, evidence, incident logs, link verdicts): bumped only on
/// incompatible changes; additions keep the version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool_version: String,
    pub generated_at: String,
    pub lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    pub score: Option<u32>,
    pub grade: Option<Grade>,
    /// Why there is no score or grade (too few checks ran, or none weighted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_graded: Option<String>,
    /// Below the floor: the commands that would make the report gradable.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<String>,
    pub coverage: Coverage,
    /// False when a check that had its inputs could not complete; the
    /// reasons are in `incomplete`, one line each.
    pub complete: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<String>,
    pub findings: Vec<Finding>,
    pub passed: Vec<RuleRef>,
    pub not_checked: Vec<NotChecked>,
    /// Rules that had nothing to look at: neither passed nor failed, and not
    /// counted in the coverage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_applicable: Vec<NotChecked>,
    /// Band rules whose worse neighbour fired (`by`): neither a second
    /// finding nor "passed".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub superseded: Vec<Superseded>,
    pub checks: Vec<CheckEntry>,
    pub facts: Vec<FactEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<PasswordDetails>,
    pub network: Vec<NetRequest>,
    pub warnings: Vec<String>,
    /// The configuration file this run read (as given), which SARIF results
    /// point at: findings are about an account, not a source line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_file: Option<String>,
    /// Every `[[waiver]]` that concerns this run, with what became of it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<WaiverEntry>,
    /// The baseline this run was compared with (`--baseline`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineRef>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Superseded {
    pub id: String,
    pub category: Category,
    pub by: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Observed,
    Declared,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub title: String,
    pub risk: String,
    pub evidence: Vec<String>,
    pub remediation: Vec<String>,
    pub references: Vec<String>,
    pub source: Source,
    /// When the user declared the facts behind a declared finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_on: Option<String>,
    pub points: u32,
    /// Stable identity across runs: hex SHA-256 of rule id, profile and the
    /// stable keys of the evidence (address fingerprints, flag names), never
    /// of display text. SARIF uses it as a partial fingerprint.
    pub fingerprint: String,
    /// Accepted on purpose by a `[[waiver]]`: shown, but neither scored nor gated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived: Option<Waived>,
    /// Against `--baseline`: whether this finding was already recorded there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineState>,
    /// Whether a setting fixes it; `points` is 0 when it does not.
    pub fixable: bool,
    /// Drift findings: each change, old → new.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// Address findings and drift: look-alike pairs, both addresses whole
    /// and the character ranges where they differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lookalikes: Vec<crate::address::diff::Pair>,
}

impl Finding {
    /// Whether this finding may trip a gate (`--fail-on`, `--fail-on-new`).
    pub fn counts(&self) -> bool {
        self.waived.is_none()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    /// Not in the baseline's findings (drift findings are always new).
    New,
    Existing,
}

/// One observed change against the baseline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The drift fact that recorded it, e.g. `drift.new_addresses`.
    pub fact: String,
    /// Stable key of the thing that changed: an address fingerprint, a flag name.
    pub item: String,
    /// What a person reads: "USDT (ETH) \"cold\" 0x12…ab".
    pub label: String,
    pub old: String,
    pub new: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WaiverEntry {
    pub rule: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    pub status: WaiverStatus,
    /// Why it is unused or expired, in the report's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BaselineRef {
    pub file: String,
    pub created_at: String,
    pub tool_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
}

/// The outcome of one collector, in the report's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckEntry {
    /// Short stable name: "password", "breach", "binance-api", "declared".
    pub check: String,
    pub state: CheckState,
    pub detail: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct CrackTime {
    pub seconds: f64,
    pub display: String,
}

/// What the report shows about a password, in the report's language: never
/// the password.
#[derive(Clone, Debug, Serialize)]
pub struct PasswordDetails {
    pub score: u8,
    pub length: usize,
    pub guesses_log10: f64,
    pub crack_time_online_throttled: CrackTime,
    pub crack_time_offline_slow_hash: CrackTime,
    pub warning: Option<String>,
    pub suggestions: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RuleRef {
    pub id: String,
    pub category: Category,
    pub title: String,
    /// What the pass established, in the report's language: the words a ✓
    /// stands beside (the title names the problem the rule looks for).
    pub passed: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct NotChecked {
    pub id: String,
    pub category: Category,
    pub title: String,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct FactEntry {
    pub name: String,
    /// observed | declared | not_checked
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Report {
    /// The worst severity among findings that count (waived ones do not).
    pub fn worst_severity(&self) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|f| f.counts())
            .map(|f| f.severity)
            .max()
    }

    pub fn any_check_failed(&self) -> bool {
        self.checks.iter().any(|c| c.state == CheckState::Failed)
    }
}
