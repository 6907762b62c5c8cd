//! From the probes to verdicts and next steps, worst first: values, said by
//! text.rs.

use super::*;

/// One verdict line, with what it needs to be said.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Offline,
    /// No public endpoint answered; the ping row's failure says how.
    Unreachable {
        ping: Detail,
    },
    ServerError,
    RateLimited,
    /// Binance's own word for it.
    Maintenance {
        msg: String,
    },
    /// Binance's own words for the account's status.
    AccountRestricted {
        status: String,
    },
    /// `reason`: Binance's, trimmed; empty when it gave none.
    WithdrawSuspended {
        coin: String,
        network: String,
        reason: String,
    },
    DepositSuspended {
        coin: String,
        network: String,
        reason: String,
    },
    NetworkBusy {
        coin: String,
        network: String,
    },
    SlowConnection {
        skew_ms: i64,
        rtt_ms: u64,
    },
    /// `ahead`: the clock is ahead of Binance's (else behind).
    ClockSkew {
        ahead: bool,
        skew_ms: i64,
        rtt_ms: u64,
    },
    Slow {
        ms: u64,
    },
    /// `system_ran`: Binance's system status did answer.
    Incomplete {
        system_ran: bool,
    },
    AllNormal,
    /// Nothing wrong in what was checked, but `not_checked` of the rows were
    /// not (no key, offline): "all normal" would claim more than ran.
    NormalWhereChecked {
        checked: usize,
        not_checked: usize,
    },
}

impl Verdict {
    pub fn level(&self) -> Level {
        match self {
            Verdict::Unreachable { .. }
            | Verdict::ServerError
            | Verdict::RateLimited
            | Verdict::Maintenance { .. }
            | Verdict::AccountRestricted { .. }
            | Verdict::WithdrawSuspended { .. }
            | Verdict::DepositSuspended { .. }
            | Verdict::ClockSkew { .. } => Level::Problem,
            Verdict::Offline
            | Verdict::NetworkBusy { .. }
            | Verdict::SlowConnection { .. }
            | Verdict::Slow { .. }
            | Verdict::Incomplete { .. } => Level::Warning,
            Verdict::AllNormal | Verdict::NormalWhereChecked { .. } => Level::Ok,
        }
    }

    /// Stable identifier for scripts: maintenance, withdraw-suspended, ...
    pub fn code(&self) -> &'static str {
        match self {
            Verdict::Offline => "offline",
            Verdict::Unreachable { .. } => "unreachable",
            Verdict::ServerError => "server-error",
            Verdict::RateLimited => "rate-limited",
            Verdict::Maintenance { .. } => "maintenance",
            Verdict::AccountRestricted { .. } => "account-restricted",
            Verdict::WithdrawSuspended { .. } => "withdraw-suspended",
            Verdict::DepositSuspended { .. } => "deposit-suspended",
            Verdict::NetworkBusy { .. } => "network-busy",
            Verdict::SlowConnection { .. } => "slow-connection",
            Verdict::ClockSkew { .. } => "clock-skew",
            Verdict::Slow { .. } => "slow",
            Verdict::Incomplete { .. } => "incomplete",
            Verdict::AllNormal => "all-normal",
            Verdict::NormalWhereChecked { .. } => "normal-where-checked",
        }
    }
}

/// What to do next, in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextStep {
    CheckConnection,
    MaybeBlocked,
    WaitAndRetry,
    StopBots,
    WaitForMaintenance,
    AccountPlaybook,
    AvoidSuspendedNetwork,
    SyncClock,
    TryLocalFixes,
    CannotLogIn,
    /// This many open orders: check each is yours.
    CheckOpenOrders(usize),
    AddReadOnlyKey,
}

/// The verdicts and next steps, from the checks alone.
pub fn judge(r: &StatusReport, offline: bool) -> (Vec<Verdict>, Vec<NextStep>) {
    let mut v = Vec::new();
    let mut next = Vec::new();
    if offline {
        v.push(Verdict::Offline);
        return (v, next);
    }
    if !r.reachable {
        v.push(Verdict::Unreachable {
            ping: r.ping.detail.clone(),
        });
        next.push(NextStep::CheckConnection);
        next.push(NextStep::MaybeBlocked);
    }
    let public = [
        (r.system.state, &r.system.detail),
        (r.ping.state, &r.ping.detail),
        (r.clock.state, &r.clock.detail),
    ];
    let any_status = |hit: fn(u16) -> bool| {
        public.iter().any(|(s, d)| {
            *s == CheckState::Failed && matches!(d, Detail::Http { status, .. } if hit(*status))
        })
    };
    if r.reachable && any_status(|s| (500..600).contains(&s)) {
        v.push(Verdict::ServerError);
        next.push(NextStep::WaitAndRetry);
    }
    if any_status(|s| s == 429 || s == 418) {
        v.push(Verdict::RateLimited);
        next.push(NextStep::StopBots);
    }
    if let Some(s) = &r.system.value
        && s.status != 0
    {
        v.push(Verdict::Maintenance { msg: s.msg.clone() });
        next.push(NextStep::WaitForMaintenance);
    }
    if let Some(a) = &r.account.value
        && !a.eq_ignore_ascii_case("normal")
    {
        v.push(Verdict::AccountRestricted { status: a.clone() });
        next.push(NextStep::AccountPlaybook);
    }
    let mut suspended = false;
    for c in r.coins.value.iter().flatten() {
        for n in &c.networks {
            if !n.withdraw_enabled {
                suspended = true;
                v.push(Verdict::WithdrawSuspended {
                    coin: c.coin.clone(),
                    network: n.network.clone(),
                    reason: n.withdraw_reason.trim().to_string(),
                });
            }
            if !n.deposit_enabled {
                suspended = true;
                v.push(Verdict::DepositSuspended {
                    coin: c.coin.clone(),
                    network: n.network.clone(),
                    reason: n.deposit_reason.trim().to_string(),
                });
            }
            if n.busy {
                v.push(Verdict::NetworkBusy {
                    coin: c.coin.clone(),
                    network: n.network.clone(),
                });
            }
        }
    }
    if suspended {
        next.push(NextStep::AvoidSuspendedNetwork);
    }
    let judged = r.clock.value.as_ref().map(|c| (c, c.judge()));
    if let Some((c, ClockJudgement::SlowLink)) = judged {
        v.push(Verdict::SlowConnection {
            skew_ms: c.skew_ms,
            rtt_ms: c.rtt_ms,
        });
    }
    if let Some((c, j @ (ClockJudgement::Ahead | ClockJudgement::Behind))) = judged {
        v.push(Verdict::ClockSkew {
            ahead: j == ClockJudgement::Ahead,
            skew_ms: c.skew_ms,
            rtt_ms: c.rtt_ms,
        });
        next.push(NextStep::SyncClock);
    }
    if let Some(ms) = r.ping.value
        && ms > SLOW_MS
    {
        v.push(Verdict::Slow { ms });
    }
    if v.is_empty() {
        let states = r.states();
        let count = |s: CheckState| states.iter().filter(|x| **x == s).count();
        if states.contains(&CheckState::Failed) {
            v.push(Verdict::Incomplete {
                system_ran: r.system.state == CheckState::Ran,
            });
        } else {
            // Rows not checked (no key) do not make the public half fail,
            // but they are named: "all normal" would vouch for them (issue 22).
            v.push(match count(CheckState::Skipped) {
                0 => Verdict::AllNormal,
                n => Verdict::NormalWhereChecked {
                    checked: count(CheckState::Ran),
                    not_checked: n,
                },
            });
            next.push(NextStep::TryLocalFixes);
            next.push(NextStep::CannotLogIn);
        }
    }
    if let Some(n) = r.open_orders.value
        && n > 0
    {
        next.push(NextStep::CheckOpenOrders(n));
    }
    if r.coins.state == CheckState::Skipped && r.reachable {
        next.push(NextStep::AddReadOnlyKey);
    }
    v.sort_by_key(Verdict::level);
    (v, next)
}
