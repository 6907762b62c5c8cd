//! binance-audit: a command shell (`cli`, `cmd`) over an engine (collect →
//! facts → rules → score → report; url; status; incident). See docs/design.md.
//! Nothing in the engine imports `cli` or `cmd`.

// Data from outside (servers, files, users) must never reach an unwrap: a bad
// input is an error or "not checked", never a panic. `expect` is kept for
// constants, each with an allow and its reason.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// The shell.
pub mod cli;
pub mod cmd;

// The engine.
pub mod account;
pub mod address;
pub mod audit;
pub mod baseline;
pub mod bounded;
pub mod collect;
pub mod config;
pub mod context;
pub mod declare;
pub mod escape;
pub mod facts;
pub mod files;
pub mod hardening;
pub mod i18n;
pub mod incident;
pub mod localtime;
pub mod net;
pub mod normalize;
pub mod parse_message;
pub mod password_list;
pub mod region;
pub mod report;
pub mod rules;
pub mod score;
pub mod secret;
pub mod status;
pub mod text;
pub mod url;
