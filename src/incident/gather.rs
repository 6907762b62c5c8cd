//! Collecting the evidence bundle from Binance (signed, read-only).

use crate::app::Exit;
use crate::cli::GlobalArgs;

use super::IncidentArgs;
use super::playbook::Playbook;

pub fn run(
    _global: &GlobalArgs,
    _args: &IncidentArgs,
    _playbook: &Playbook,
) -> anyhow::Result<Exit> {
    anyhow::bail!("evidence collection is waiting for the signed Binance client")
}
