//! One `Report` value, rendered into each format. Renderers compute nothing.

pub mod build;
pub mod json;
pub mod text;

use serde::Serialize;

use crate::collect::CheckStatus;
use crate::collect::password::PasswordDetails;
use crate::i18n::Lang;
use crate::net::NetRequest;
use crate::rules::{Category, Severity};
use crate::score::Grade;

pub use build::build;

/// Bumped only on incompatible changes; additions keep the version.
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
    pub coverage: Coverage,
    pub findings: Vec<Finding>,
    pub passed: Vec<RuleRef>,
    pub not_checked: Vec<NotChecked>,
    pub checks: Vec<CheckStatus>,
    pub facts: Vec<FactEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<PasswordDetails>,
    pub network: Vec<NetRequest>,
    pub warnings: Vec<String>,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Coverage {
    pub evaluated: usize,
    pub total: usize,
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
}

#[derive(Clone, Debug, Serialize)]
pub struct RuleRef {
    pub id: String,
    pub category: Category,
    pub title: String,
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
    pub fn worst_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    pub fn any_check_failed(&self) -> bool {
        self.checks
            .iter()
            .any(|c| c.state == crate::collect::CheckState::Failed)
    }
}
