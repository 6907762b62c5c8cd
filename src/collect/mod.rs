//! Collectors gather facts and nothing else. A collector that fails degrades
//! its facts to "not checked" and says why; it never aborts the run.

pub mod breach;

use serde::Serialize;

use crate::i18n::Msg;

pub mod binance;
pub mod declared;
pub mod drift;
pub mod environment;
pub mod messages;
pub mod password;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckState {
    /// The check ran and its facts are observed.
    Ran,
    /// The check had no input (no key, no password, offline); not an error.
    Skipped,
    /// Inputs were given but the check could not complete (network, server,
    /// credentials). A run with a failed check exits 3 unless a gate tripped.
    Failed,
}

/// The outcome of one collector, shown in every report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckStatus {
    /// Short stable name: "password", "breach", "binance-api", "declared".
    pub check: String,
    pub state: CheckState,
    /// One line: what happened, or why it was skipped and how to enable it.
    pub detail: Msg,
}

impl CheckStatus {
    pub fn ran(check: &str, detail: impl Into<Msg>) -> CheckStatus {
        CheckStatus {
            check: check.into(),
            state: CheckState::Ran,
            detail: detail.into(),
        }
    }
    pub fn skipped(check: &str, detail: impl Into<Msg>) -> CheckStatus {
        CheckStatus {
            check: check.into(),
            state: CheckState::Skipped,
            detail: detail.into(),
        }
    }
    pub fn failed(check: &str, detail: impl Into<Msg>) -> CheckStatus {
        CheckStatus {
            check: check.into(),
            state: CheckState::Failed,
            detail: detail.into(),
        }
    }
}
