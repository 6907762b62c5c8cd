//! binance-audit: facts → rules → score → report. See docs/design.md.

pub mod collect;
pub mod facts;
pub mod i18n;
pub mod net;
pub mod url;
