//! Collectors gather facts and nothing else. A collector that fails degrades
//! its facts to "not checked" and says why; it never aborts the run.

pub mod breach;

use serde::Serialize;

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckStatus {
    /// Short stable name: "password", "breach", "binance-api", "declared".
    pub check: String,
    pub state: CheckState,
    /// One line: what happened, or why it was skipped and how to enable it.
    pub detail: String,
}

impl CheckStatus {
    pub fn ran(check: &str, detail: impl IntoDetail) -> CheckStatus {
        CheckStatus {
            check: check.into(),
            state: CheckState::Ran,
            detail: detail.into_detail(),
        }
    }
    pub fn skipped(check: &str, detail: impl IntoDetail) -> CheckStatus {
        CheckStatus {
            check: check.into(),
            state: CheckState::Skipped,
            detail: detail.into_detail(),
        }
    }
    pub fn failed(check: &str, detail: impl IntoDetail) -> CheckStatus {
        CheckStatus {
            check: check.into(),
            state: CheckState::Failed,
            detail: detail.into_detail(),
        }
    }
}

/// Branch shim (w-binance) until the engine's `Msg` reasons and details
/// land: `Facts::not_checked` and `CheckStatus` accept a `Msg` as well as
/// text, and a `Msg` is made in the diagnostics language, which the shell set
/// to the run's language. Removed at the merge, where both take `Msg`.
pub trait IntoDetail {
    fn into_detail(self) -> String;
}

impl IntoDetail for String {
    fn into_detail(self) -> String {
        self
    }
}
impl IntoDetail for &String {
    fn into_detail(self) -> String {
        self.clone()
    }
}
impl IntoDetail for &str {
    fn into_detail(self) -> String {
        self.to_string()
    }
}
impl IntoDetail for crate::i18n::Msg {
    fn into_detail(self) -> String {
        self.render(crate::i18n::ui())
    }
}
impl IntoDetail for &crate::i18n::Msg {
    fn into_detail(self) -> String {
        self.render(crate::i18n::ui())
    }
}
