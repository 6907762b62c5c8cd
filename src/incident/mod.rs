//! `binance-audit incident KIND`: first-response playbooks (breach, outage,
//! account, trade, support), an interactive checklist that records each step
//! in an incident log, and a read-only evidence bundle with a support-ticket
//! draft.

pub mod checklist;
pub mod evidence;
pub mod gather;
pub mod playbook;
pub mod show;
pub mod ticket;
