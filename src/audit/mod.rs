//! One audit run over resolved inputs: run the collectors, evaluate the rules
//! and build one report per account. Collectors never abort the run; they
//! leave facts "not checked" with a reason. Nothing here knows of flags,
//! prompts or exit codes: the shell (`cmd::audit`) resolves those.

pub mod evaluate;
pub mod waivers;

use std::path::PathBuf;

use chrono::Utc;
use secrecy::SecretString;

use crate::account::Target;
use crate::collect::binance::{self, BinanceClient};
use crate::collect::breach::{self, BreachOptions};
use crate::collect::{self, CheckStatus, environment, password};
use crate::context::Context;
use crate::facts::Facts;
use crate::i18n::Msg;
use crate::msg;
use crate::net::{Net, NetRequest};
use crate::rules::{Category, Rule};

/// The reasons a check has no input, for "not checked".
pub fn no_password() -> Msg {
    msg!("engine-no-password")
}

pub fn no_password_unattended() -> Msg {
    msg!("engine-no-password-unattended")
}

pub fn no_email_password() -> Msg {
    msg!("engine-no-email-password")
}

pub fn no_api_key() -> Msg {
    msg!("engine-no-api-key")
}

/// The password the shell obtained, or why there is none.
pub enum PasswordInput {
    Given(SecretString),
    /// Not given: the reason shown as "not checked".
    Missing(Msg),
}

/// What the breach check needs besides the Binance password.
#[derive(Default)]
pub struct BreachInputs {
    pub opts: BreachOptions,
    /// The email account's password, when given (file or environment only:
    /// the prompt asks for the Binance password alone).
    pub email_password: Option<SecretString>,
}

/// Files the shell read secrets from (password file, key files): checked for
/// exposure along with the config's own.
#[derive(Default, Clone)]
pub struct SecretFiles(pub Vec<PathBuf>);

/// Run the password part (strength + breach) and record its facts.
pub async fn password_checks(
    ctx: &Context,
    pw: &PasswordInput,
    breach_in: &BreachInputs,
    facts: &mut Facts,
    checks: &mut Vec<CheckStatus>,
) -> Option<password::PasswordDetails> {
    let pw = match pw {
        PasswordInput::Given(pw) => pw,
        PasswordInput::Missing(why) => {
            facts.not_checked_prefix("password.", why.clone());
            facts.not_checked("breach.password_count", why.clone());
            checks.push(CheckStatus::skipped("password", why.clone()));
            checks.push(CheckStatus::skipped("breach", why.clone()));
            email_breach_check(ctx, breach_in, facts, checks).await;
            return None;
        }
    };
    let analysis = password::analyse(pw, &ctx.config.personal_hints());
    password::record(&analysis, facts);
    checks.push(CheckStatus::ran("password", msg!("engine-password-ran")));
    let fact = "breach.password_count";
    checks.push(breach::collect(&ctx.net, &breach_in.opts, pw, fact, facts).await);
    email_breach_check(ctx, breach_in, facts, checks).await;
    Some(analysis.details)
}

async fn email_breach_check(
    ctx: &Context,
    breach_in: &BreachInputs,
    facts: &mut Facts,
    checks: &mut Vec<CheckStatus>,
) {
    let fact = "breach.email_password_count";
    match &breach_in.email_password {
        Some(epw) => {
            checks.push(breach::collect(&ctx.net, &breach_in.opts, epw, fact, facts).await)
        }
        None => facts.not_checked(fact, no_email_password()),
    }
}

/// Facts that do not depend on the account: password strength, breaches and
/// declarations. Computed once, so several profiles cost one breach lookup.
pub async fn shared_facts(
    ctx: &Context,
    pw: &PasswordInput,
    breach_in: &BreachInputs,
) -> (Facts, Vec<CheckStatus>) {
    let mut facts = Facts::new();
    let mut checks = Vec::new();
    password_checks(ctx, pw, breach_in, &mut facts, &mut checks).await;
    checks.push(collect::declared::collect(
        ctx.config.declared.as_ref(),
        Utc::now().date_naive(),
        &mut facts,
    ));
    (facts, checks)
}

/// One account's collected facts, before any rule is evaluated: what
/// `report::build` evaluates and turns into a report.
pub struct Audited {
    pub facts: Facts,
    pub checks: Vec<CheckStatus>,
    /// Requests made for this account, after the shared ones (breach lookups).
    pub network: Vec<NetRequest>,
    /// The engine's own warnings for this account (files holding secrets
    /// readable by others), after the context's.
    pub warnings: Vec<Msg>,
    pub profile: Option<String>,
    pub scope: Scope,
    /// `binance-audit password`: what the report shows about the password.
    pub password: Option<password::PasswordDetails>,
}

/// Which rules an audit is judged by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every rule, and drift against the baseline when there is one.
    Account,
    /// `binance-audit password`: the password and breach rules only, no baseline.
    Password,
}

impl Scope {
    /// The rules of `all` this scope is judged by.
    pub fn rules(self, all: &[Rule]) -> Vec<Rule> {
        match self {
            Scope::Account => all.to_vec(),
            Scope::Password => all
                .iter()
                .filter(|r| matches!(r.category, Category::Password | Category::Breach))
                .cloned()
                .collect(),
        }
    }
}

/// One collection per audited account (several with `--all-profiles`),
/// audited concurrently. Password, breach and declared facts are shared by all.
pub async fn audit_profiles(
    ctx: &Context,
    targets: Vec<Target>,
    pw: &PasswordInput,
    breach_in: &BreachInputs,
    files: &SecretFiles,
) -> Vec<Audited> {
    let several = targets.len() > 1;
    let (shared, shared_checks) = shared_facts(ctx, pw, breach_in).await;
    let runs = targets.into_iter().map(|t| {
        let own = several.then(|| ctx.net.fork());
        audit_target(ctx, &shared, &shared_checks, t, own, files)
    });
    let mut audited = futures_util::future::join_all(runs).await;
    if several {
        for a in &mut audited {
            a.profile.get_or_insert_with(|| "default".into());
        }
    }
    audited
}

/// Audit one account: the shared checks plus the Binance API for this target.
/// `own_net`: a fork of the context's `Net` whose log holds only this
/// account's requests (several profiles); None uses the context's.
async fn audit_target(
    ctx: &Context,
    shared: &Facts,
    shared_checks: &[CheckStatus],
    target: Target,
    own_net: Option<Net>,
    files: &SecretFiles,
) -> Audited {
    let net = own_net.as_ref().unwrap_or(&ctx.net);
    let mut facts = shared.clone();
    let mut checks = shared_checks.to_vec();
    environment::policy(&ctx.config, &mut facts);
    let mut extra = files.0.clone();
    if let Ok(Some(c)) = &target.creds {
        extra.extend(c.files().iter().cloned());
    }
    let paths = environment::secret_files(&ctx.config, ctx.config_file.as_deref(), &extra);
    let warnings = environment::file_exposure(&paths, &mut facts);

    match target.creds {
        Ok(None) => {
            let why = no_api_key();
            for ns in ["api.", "account.", "withdrawal."] {
                facts.not_checked_prefix(ns, why.clone());
            }
            facts.not_checked("env.clock_skew_ms", why.clone());
            checks.push(CheckStatus::skipped(binance::CHECK, why));
        }
        Err(e) => {
            let reason = msg!(
                "engine-credentials-unusable",
                error = Msg::verbatim(e.to_string())
            );
            for ns in ["api.", "account.", "withdrawal."] {
                facts.not_checked_prefix(ns, reason.clone());
            }
            facts.not_checked("env.clock_skew_ms", reason.clone());
            checks.push(CheckStatus::failed(binance::CHECK, reason));
        }
        Ok(Some(creds)) => {
            let client = BinanceClient::new(net.clone(), target.base.clone(), Some(creds))
                .with_region(target.region);
            let now = binance::client::now_ms();
            let statuses = binance::collect(&client, now, &mut facts).await;
            checks.extend(statuses);
        }
    }

    // Requests made for this account, after the shared ones (breach lookups).
    let mut network = ctx.net.requests();
    if let Some(own) = &own_net {
        network.extend(own.requests());
    }

    Audited {
        facts,
        checks,
        network,
        warnings,
        profile: target.name,
        scope: Scope::Account,
        password: None,
    }
}

/// `binance-audit password`: the password and breach checks only.
pub async fn password_audit(ctx: &Context, pw: SecretString, breach_in: &BreachInputs) -> Audited {
    let mut facts = Facts::new();
    let mut checks = Vec::new();
    let pw = PasswordInput::Given(pw);
    let details = password_checks(ctx, &pw, breach_in, &mut facts, &mut checks).await;
    Audited {
        facts,
        checks,
        network: ctx.net.requests(),
        warnings: Vec::new(),
        profile: None,
        scope: Scope::Password,
        password: details,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_scope_keeps_only_password_and_breach_rules() {
        let all = crate::rules::load_builtin().unwrap_or_else(|e| panic!("{e:?}"));
        let some = Scope::Password.rules(&all);
        assert!(!some.is_empty() && some.len() < all.len());
        assert!(
            some.iter()
                .all(|r| matches!(r.category, Category::Password | Category::Breach))
        );
        assert_eq!(Scope::Account.rules(&all).len(), all.len());
    }

    #[test]
    fn missing_inputs_are_said_in_both_languages() {
        for m in [
            no_password(),
            no_password_unattended(),
            no_email_password(),
            no_api_key(),
        ] {
            let (en, ja) = (
                m.render(crate::i18n::Lang::En),
                m.render(crate::i18n::Lang::Ja),
            );
            assert!(
                en != ja && ja.chars().any(|c| c > '\u{3000}'),
                "{en} / {ja}"
            );
            assert!(!en.chars().any(|c| c > '\u{3000}'), "{en}");
        }
    }
}
