//! Every integration test in one binary: each test file used to be its own
//! crate linking the whole of binance-audit, which made `cargo test` spend
//! most of its time linking. One module per former file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../support/fixture.rs"]
mod fixture;

mod address;
mod binance_api;
mod breach_cli;
mod breach_offline;
mod breach_online;
mod canary;
mod cli;
mod drift;
mod drift_binance;
mod evidence;
// Symbolic links, devices and modes: Unix only.
#[cfg(unix)]
mod files;
mod formats;
mod fuzz_loaders;
mod fuzz_parsers;
mod hardening;
mod help_ja;
mod hostile;
mod incident;
mod japanese;
mod loose_ends;
mod options;
mod reader;
mod region;
mod report_text;
mod setup;
mod snapshots;
mod status;
mod url_cli;
mod url_corpus;
mod url_fuzz;
mod url_kinds;
mod waivers;
mod wrap;
