//! `binance-audit url`: tell genuine Binance links from impersonations, and say why.
//!
//! Pipeline: `parse` (scheme, userinfo, host, port, rest; WHATWG host rules) →
//! `assess` (genuine-domain table, then look-alike analysis of each host label,
//! platforms, shorteners, hosting, path and userinfo) → `verdict` (reasons as values; the edge makes their sentences).
//! Knowledge lives in `rules/domains.toml` (see `domains`).

pub mod assess;
pub mod domains;
pub mod extract;
pub mod fold;
pub mod lookalike;
pub mod message;
pub mod parse;
pub mod reason;
pub mod technique;
pub mod verdict;

pub use assess::{Analyser, Assessment, Notes};
pub use reason::{Reason, ReasonKind};
pub use technique::{TechSet, Technique};
pub use verdict::{HostNames, Verdict, VerdictKind};

/// Analyse one line: a URL, a bare host name or an e-mail address.
/// Never panics; anything that is not a link gets `VerdictKind::Invalid`.
pub fn analyse(input: &str) -> Verdict {
    Analyser::new().analyse(input)
}
