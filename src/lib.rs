//! binance-audit: facts → rules → score → report. See docs/design.md.

// Data from outside (servers, files, users) must never reach an unwrap: a bad
// input is an error or "not checked", never a panic. `expect` is kept for
// constants, each with an allow and its reason.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod address;
pub mod address_cmd;
pub mod app;
pub mod audit;
pub mod baseline;
pub mod cli;
pub mod collect;
pub mod config;
pub mod facts;
pub mod i18n;
pub mod incident;
pub mod net;
pub mod password_list;
pub mod progress;
pub mod report;
pub mod rules;
pub mod score;
pub mod secret;
pub mod setup;
pub mod status;
pub mod url;
