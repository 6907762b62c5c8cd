//! binance-audit: facts → rules → score → report. See docs/design.md.

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
