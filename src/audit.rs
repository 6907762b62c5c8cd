//! One audit run: gather inputs, run the collectors, evaluate the rules and
//! build the report. Collectors never abort the run; they leave facts "not
//! checked" with a reason.

use std::path::PathBuf;

use chrono::Utc;
use secrecy::SecretString;

use url::Url;

use crate::cli::{ApiArgs, AuditArgs, BreachArgs, GlobalArgs, PasswordInput};
use crate::collect::binance::{self, BinanceClient, Credentials};
use crate::collect::breach::{self, BreachOptions};
use crate::collect::{self, CheckStatus, password};
use crate::config::{Config, Profile};
use crate::facts::Facts;
use crate::i18n::Lang;
use crate::net::Net;
use crate::report::{self, Report};
use crate::rules::{Category, Rule};
use crate::secret;

pub const NO_PASSWORD: &str = "no password given: run in a terminal to be prompted, or pass --password-stdin / --password-file";
pub const NO_PASSWORD_UNATTENDED: &str = "password check skipped: unattended run (CI is set or standard input is not a terminal), so nobody is asked; a Binance password kept in a CI secret or scheduler is itself a risk — check it interactively with `binance-audit password`, or pass --password-stdin / --password-file";

/// Why the password check did not run, telling an unattended run apart.
pub fn no_password_reason() -> &'static str {
    if secret::interactive() {
        NO_PASSWORD
    } else {
        NO_PASSWORD_UNATTENDED
    }
}
pub const NO_EMAIL_PASSWORD: &str = "email password not given: pass --email-password-file FILE or set BINANCE_AUDIT_EMAIL_PASSWORD to check it";
pub const EMAIL_PASSWORD_ENV: &str = "BINANCE_AUDIT_EMAIL_PASSWORD";
pub const NO_API_KEY: &str = "no API key: set BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_API_PRIVATE_KEY_FILE) to audit your API key and account";

/// Everything a run needs that does not change between profiles.
pub struct Session {
    pub config: Config,
    pub config_path: Option<PathBuf>,
    pub config_exists: bool,
    pub lang: Lang,
    pub net: Net,
    pub rules: Vec<Rule>,
    pub global: GlobalArgs,
    pub warnings: Vec<String>,
    /// `--baseline`, read before the run so a bad file is a usage error.
    pub baseline: Option<crate::baseline::LoadedBaseline>,
}

impl Session {
    /// The config file as the user gave it (or the default path), when it exists.
    pub fn config_file(&self) -> Option<String> {
        self.config_exists
            .then(|| self.config_path.as_ref().map(|p| p.display().to_string()))
            .flatten()
    }
}

/// Where the password comes from: flag, file, env, else a prompt when interactive.
pub fn obtain_password(
    input: &PasswordInput,
    required: bool,
) -> Result<Option<SecretString>, String> {
    if input.password_stdin {
        return secret::read_stdin("password").map(Some);
    }
    if let Some(path) = &input.password_file {
        return secret::read_file(path, "password").map(Some);
    }
    if let Some(r) = secret::read_env(secret::PASSWORD_ENV, "password") {
        return r.map(Some);
    }
    if secret::interactive() {
        let label = "Binance password (not shown, never sent; Enter to skip): ";
        return secret::prompt(label);
    }
    if required {
        return Err(
            "no password: pipe it with --password-stdin, use --password-file, or run in a terminal"
                .into(),
        );
    }
    Ok(None)
}

/// What the breach check needs besides the Binance password.
pub struct BreachInputs {
    pub opts: BreachOptions,
    /// The email account's password, when given (file or environment only:
    /// the prompt asks for the Binance password alone).
    pub email_password: Option<SecretString>,
}

impl BreachInputs {
    /// No breach inputs at all (nothing to look up).
    pub fn none() -> BreachInputs {
        BreachInputs {
            opts: BreachOptions::default(),
            email_password: None,
        }
    }
}

pub fn breach_inputs(
    s: &Session,
    args: &BreachArgs,
    input: &PasswordInput,
) -> Result<BreachInputs, String> {
    let opts = breach_options(s, args)?;
    let email_password = match &input.email_password_file {
        Some(path) => Some(secret::read_file(path, "email password")?),
        None => secret::read_env(EMAIL_PASSWORD_ENV, "email password").transpose()?,
    };
    Ok(BreachInputs {
        opts,
        email_password,
    })
}

/// Breach lookup settings: `--hibp-url` (or `BINANCE_AUDIT_HIBP_URL`) over the
/// config's `[hibp] url`, likewise for the file; `--offline` from the global
/// flags. Errors are configuration errors (exit 2).
pub fn breach_options(s: &Session, args: &BreachArgs) -> Result<BreachOptions, String> {
    let mut opts = BreachOptions {
        offline: s.global.offline,
        ..BreachOptions::default()
    };
    if let Some(url) = args.hibp_url.as_deref().or(s.config.hibp.url.as_deref()) {
        opts.set_base_url(url)?;
    }
    opts.file = args
        .hibp_file
        .clone()
        .or_else(|| s.config.hibp.file.clone());
    if let Some(f) = &opts.file
        && !f.exists()
    {
        return Err(format!(
            "Pwned Passwords file {}: no such file or directory",
            f.display()
        ));
    }
    Ok(opts)
}

fn policy_facts(cfg: &Config, facts: &mut Facts) {
    facts.observe("policy.key_max_age_days", cfg.key_max_age_days());
    facts.observe("policy.declared_max_age_days", cfg.declared_max_age_days());
}

/// Config and secret files readable by others: a warning (an error with --strict).
pub fn file_exposure(s: &Session, facts: &mut Facts) -> Vec<String> {
    file_exposure_with(s, &[], facts)
}

/// As [`file_exposure`], also checking `extra` files (a private key named by
/// an environment variable).
pub fn file_exposure_with(s: &Session, extra: &[PathBuf], facts: &mut Facts) -> Vec<String> {
    let mut paths: Vec<PathBuf> = Vec::new();
    if s.config_exists {
        paths.extend(s.config_path.clone());
    }
    for p in std::iter::once(&s.config.binance).chain(s.config.profiles.values()) {
        paths.extend(p.secret_file.as_deref().map(binance::creds::expand_home));
        paths.extend(
            p.private_key_file
                .as_deref()
                .map(binance::creds::expand_home),
        );
    }
    for p in extra {
        if !paths.contains(p) {
            paths.push(p.clone());
        }
    }
    let warnings: Vec<String> = paths
        .iter()
        .filter_map(|p| crate::config::permission_warning(p))
        .collect();
    facts.observe("env.config_exposed", !warnings.is_empty());
    warnings
}

/// Run the password part (strength + breach) and record its facts.
pub async fn password_checks(
    s: &Session,
    pw: Option<&SecretString>,
    breach_in: &BreachInputs,
    facts: &mut Facts,
    checks: &mut Vec<CheckStatus>,
) -> Option<password::PasswordDetails> {
    let Some(pw) = pw else {
        let why = no_password_reason();
        facts.not_checked_prefix("password.", why);
        facts.not_checked("breach.password_count", why);
        checks.push(CheckStatus::skipped("password", why));
        checks.push(CheckStatus::skipped("breach", why));
        email_breach_check(s, breach_in, facts, checks).await;
        return None;
    };
    let analysis = password::analyse(pw, &s.config.personal_hints(), s.lang);
    password::record(&analysis, facts);
    checks.push(CheckStatus::ran(
        "password",
        "strength estimated locally with zxcvbn",
    ));
    let fact = "breach.password_count";
    checks.push(breach::collect(&s.net, &breach_in.opts, pw, fact, facts).await);
    email_breach_check(s, breach_in, facts, checks).await;
    Some(analysis.details)
}

async fn email_breach_check(
    s: &Session,
    breach_in: &BreachInputs,
    facts: &mut Facts,
    checks: &mut Vec<CheckStatus>,
) {
    let fact = "breach.email_password_count";
    match &breach_in.email_password {
        Some(epw) => checks.push(breach::collect(&s.net, &breach_in.opts, epw, fact, facts).await),
        None => facts.not_checked(fact, NO_EMAIL_PASSWORD),
    }
}

/// One account to audit: the default profile (`name` None) or a named one.
pub struct Target {
    pub name: Option<String>,
    pub base: Url,
    /// `Ok(None)`: no key configured; `Err`: configured but unusable.
    pub creds: Result<Option<Credentials>, String>,
}

/// The accounts this run audits, from `--profile` / `--all-profiles`. Errors
/// are usage errors: an unknown profile, a bad base URL.
pub fn targets(s: &Session, api: &ApiArgs) -> Result<Vec<Target>, String> {
    targets_with_env(&s.config, api, &|k| std::env::var_os(k))
}

pub fn targets_with_env(
    cfg: &Config,
    api: &ApiArgs,
    env: &dyn Fn(&str) -> Option<std::ffi::OsString>,
) -> Result<Vec<Target>, String> {
    let make = |name: Option<&str>, p: &Profile| -> Result<Target, String> {
        // Flag or BINANCE_API_URL, then the profile, then [binance], then Binance.
        let raw = api
            .api_url
            .clone()
            .or_else(|| p.api_url.clone())
            .or_else(|| cfg.binance.api_url.clone())
            .unwrap_or_else(|| binance::DEFAULT_BASE.to_string());
        let base = crate::net::parse_base_url(&raw, "Binance API")?;
        Ok(Target {
            name: name.map(str::to_string),
            base,
            creds: Credentials::for_profile(name, p, env),
        })
    };
    if let Some(name) = &api.profile {
        return match cfg.profiles.get(name) {
            Some(p) => Ok(vec![make(Some(name), p)?]),
            None if name == "default" => Ok(vec![make(None, &cfg.binance)?]),
            None => Err(format!(
                "no profile {name:?} in the config{}",
                known_profiles(cfg)
            )),
        };
    }
    if api.all_profiles {
        if cfg.profiles.is_empty() {
            return Err(
                "--all-profiles: the config has no [profiles.NAME] sections (see `binance-audit config init`)"
                    .into(),
            );
        }
        let mut out = Vec::new();
        let default = make(None, &cfg.binance)?;
        // The default account is a section of its own only when it has a key.
        if !matches!(default.creds, Ok(None)) {
            out.push(default);
        }
        for (name, p) in &cfg.profiles {
            out.push(make(Some(name), p)?);
        }
        return Ok(out);
    }
    Ok(vec![make(None, &cfg.binance)?])
}

fn known_profiles(cfg: &Config) -> String {
    if cfg.profiles.is_empty() {
        " (it has none; add [profiles.NAME] sections)".into()
    } else {
        let names: Vec<&str> = cfg.profiles.keys().map(String::as_str).collect();
        format!(" (known: {})", names.join(", "))
    }
}

/// The default audit: one account (the default profile, or `--profile`).
pub async fn audit(
    s: &Session,
    args: &AuditArgs,
    pw: Option<SecretString>,
    breach_in: &BreachInputs,
) -> Report {
    let mut args = args.clone();
    args.api.all_profiles = false;
    match audit_profiles(s, &args, pw, breach_in).await {
        Ok(mut reports) if !reports.is_empty() => reports.remove(0),
        Ok(_) => unreachable_report(s, "no account to audit".into()).await,
        Err(e) => unreachable_report(s, e).await,
    }
}

async fn unreachable_report(s: &Session, e: String) -> Report {
    let target = Target {
        name: None,
        base: crate::net::parse_base_url(binance::DEFAULT_BASE, "Binance API").unwrap_or_else(
            |_| {
                #[allow(clippy::expect_used)] // a constant that parses
                Url::parse("https://api.binance.com").expect("constant URL")
            },
        ),
        creds: Err(e),
    };
    let (shared, shared_checks) = shared_facts(s, None, &BreachInputs::none()).await;
    audit_target(s, &shared, &shared_checks, target, None).await
}

/// Facts that do not depend on the account: password strength, breaches and
/// declarations. Computed once, so several profiles cost one breach lookup.
pub async fn shared_facts(
    s: &Session,
    pw: Option<&SecretString>,
    breach_in: &BreachInputs,
) -> (Facts, Vec<CheckStatus>) {
    let mut facts = Facts::new();
    let mut checks = Vec::new();
    password_checks(s, pw, breach_in, &mut facts, &mut checks).await;
    checks.push(collect::declared::collect(
        s.config.declared.as_ref(),
        Utc::now().date_naive(),
        &mut facts,
    ));
    (facts, checks)
}

/// One report per audited account (`--all-profiles` gives several), audited
/// concurrently. Password, breach and declared facts are shared by all.
pub async fn audit_profiles(
    s: &Session,
    args: &AuditArgs,
    pw: Option<SecretString>,
    breach_in: &BreachInputs,
) -> Result<Vec<Report>, String> {
    let _status = crate::progress::Status::start("auditing");
    let targets = targets(s, &args.api)?;
    let several = targets.len() > 1;
    let (shared, shared_checks) = shared_facts(s, pw.as_ref(), breach_in).await;
    let runs = targets.into_iter().map(|t| {
        let own = several.then(|| s.net.fork());
        audit_target(s, &shared, &shared_checks, t, own)
    });
    let mut reports = futures_util::future::join_all(runs).await;
    if several {
        for r in &mut reports {
            r.profile.get_or_insert_with(|| "default".into());
        }
    }
    Ok(reports)
}

/// Audit one account: the shared checks plus the Binance API for this target.
/// `own_net`: a fork of the session's `Net` whose log holds only this
/// account's requests (several profiles); None uses the session's.
pub async fn audit_target(
    s: &Session,
    shared: &Facts,
    shared_checks: &[CheckStatus],
    target: Target,
    own_net: Option<Net>,
) -> Report {
    let net = own_net.as_ref().unwrap_or(&s.net);
    let mut facts = shared.clone();
    let mut checks = shared_checks.to_vec();
    policy_facts(&s.config, &mut facts);
    let mut warnings = s.warnings.clone();
    let extra_files: Vec<PathBuf> = match &target.creds {
        Ok(Some(c)) => c.files().to_vec(),
        _ => vec![],
    };
    warnings.extend(file_exposure_with(s, &extra_files, &mut facts));

    match target.creds {
        Ok(None) => {
            for ns in ["api.", "account.", "withdrawal."] {
                facts.not_checked_prefix(ns, NO_API_KEY);
            }
            facts.not_checked("env.clock_skew_ms", NO_API_KEY);
            checks.push(CheckStatus::skipped(binance::CHECK, NO_API_KEY));
        }
        Err(e) => {
            let reason = format!("API credentials unusable: {e}");
            for ns in ["api.", "account.", "withdrawal."] {
                facts.not_checked_prefix(ns, &reason);
            }
            facts.not_checked("env.clock_skew_ms", &reason);
            checks.push(CheckStatus::failed(binance::CHECK, reason));
        }
        Ok(Some(creds)) => {
            let client = BinanceClient::new(net.clone(), target.base.clone(), Some(creds));
            let statuses = binance::collect(&client, binance::client::now_ms(), &mut facts).await;
            checks.extend(statuses);
        }
    }

    // Requests made for this account, after the shared ones (breach lookups).
    let mut network = s.net.requests();
    if let Some(own) = &own_net {
        network.extend(own.requests());
    }

    report::build(report::build::Inputs {
        facts: &facts,
        rules: &s.rules,
        lang: s.lang,
        checks,
        network,
        warnings,
        profile: target.name,
        waivers: &s.config.waivers,
        baseline: s.baseline.as_ref(),
        config_file: s.config_file(),
        now: Utc::now(),
    })
}

/// `binance-audit password`: the password and breach rules only.
pub async fn password_report(s: &Session, pw: &SecretString, breach_in: &BreachInputs) -> Report {
    let mut facts = Facts::new();
    let mut checks = Vec::new();
    let details = password_checks(s, Some(pw), breach_in, &mut facts, &mut checks).await;
    let rules: Vec<Rule> = s
        .rules
        .iter()
        .filter(|r| matches!(r.category, Category::Password | Category::Breach))
        .cloned()
        .collect();
    let mut report = report::build(report::build::Inputs {
        facts: &facts,
        rules: &rules,
        lang: s.lang,
        checks,
        network: s.net.requests(),
        warnings: s.warnings.clone(),
        profile: None,
        waivers: &s.config.waivers,
        baseline: None,
        config_file: s.config_file(),
        now: Utc::now(),
    });
    report.password = details;
    report
}
