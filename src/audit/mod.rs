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
use crate::i18n::{Lang, tr};
use crate::net::Net;
use crate::report::Report;
use crate::rules::{Category, Rule};

pub const NO_PASSWORD: &str = "password check skipped: no password entered (run `binance-audit password` to check it on its own, or pass --password-stdin / --password-file)";
pub const NO_PASSWORD_UNATTENDED: &str = "password check skipped: unattended run (CI is set or standard input is not a terminal), so nobody is asked; a Binance password kept in a CI secret or scheduler is itself a risk — check it interactively with `binance-audit password`, or pass --password-stdin / --password-file";
pub const NO_EMAIL_PASSWORD: &str = "email password not given: pass --email-password-file FILE or set BINANCE_AUDIT_EMAIL_PASSWORD to check it";
pub const NO_API_KEY: &str = "no API key: set BINANCE_API_KEY and BINANCE_API_SECRET (or BINANCE_API_PRIVATE_KEY_FILE) to audit your API key and account";

/// The reasons above, in the report's language.
pub fn no_password(lang: Lang) -> &'static str {
    tr(
        lang,
        NO_PASSWORD,
        "パスワードの確認を省略しました: パスワードが入力されていません（単独で確認するには `binance-audit password` を実行するか、--password-stdin / --password-file を指定してください）",
    )
}

pub fn no_password_unattended(lang: Lang) -> &'static str {
    tr(
        lang,
        NO_PASSWORD_UNATTENDED,
        "パスワードの確認を省略しました: 無人実行のため（CI が設定されているか、標準入力が端末ではありません）、誰にも尋ねません。BinanceのパスワードをCIのシークレットやスケジューラーに置くこと自体が危険です。`binance-audit password` を対話的に実行して確認するか、--password-stdin / --password-file を指定してください",
    )
}

pub fn no_email_password(lang: Lang) -> &'static str {
    tr(
        lang,
        NO_EMAIL_PASSWORD,
        "メールのパスワードが指定されていません: 確認するには --email-password-file FILE を指定するか、BINANCE_AUDIT_EMAIL_PASSWORD を設定してください",
    )
}

pub fn no_api_key(lang: Lang) -> &'static str {
    tr(
        lang,
        NO_API_KEY,
        "APIキーがありません: APIキーとアカウントを診断するには BINANCE_API_KEY と BINANCE_API_SECRET（または BINANCE_API_PRIVATE_KEY_FILE）を設定してください",
    )
}

/// The password the shell obtained, or why there is none.
pub enum PasswordInput {
    Given(SecretString),
    /// Not given: the reason shown as "not checked".
    Missing(&'static str),
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
        &PasswordInput::Missing(why) => {
            facts.not_checked_prefix("password.", why);
            facts.not_checked("breach.password_count", why);
            checks.push(CheckStatus::skipped("password", why));
            checks.push(CheckStatus::skipped("breach", why));
            email_breach_check(ctx, breach_in, facts, checks).await;
            return None;
        }
    };
    let analysis = password::analyse(pw, &ctx.config.personal_hints(), ctx.lang);
    password::record(&analysis, facts);
    checks.push(CheckStatus::ran(
        "password",
        tr(
            ctx.lang,
            "strength estimated locally with zxcvbn",
            "強度をこの端末内で推定しました（zxcvbn）",
        ),
    ));
    let fact = "breach.password_count";
    checks.push(breach::collect(&ctx.net, &breach_in.opts, pw, fact, facts, ctx.lang).await);
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
        Some(epw) => checks
            .push(breach::collect(&ctx.net, &breach_in.opts, epw, fact, facts, ctx.lang).await),
        None => facts.not_checked(fact, no_email_password(ctx.lang)),
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
        ctx.lang,
    ));
    (facts, checks)
}

/// One report per audited account (several with `--all-profiles`), audited
/// concurrently. Password, breach and declared facts are shared by all.
pub async fn audit_profiles(
    ctx: &Context,
    targets: Vec<Target>,
    pw: &PasswordInput,
    breach_in: &BreachInputs,
    files: &SecretFiles,
) -> Vec<Report> {
    let several = targets.len() > 1;
    let (shared, shared_checks) = shared_facts(ctx, pw, breach_in).await;
    let runs = targets.into_iter().map(|t| {
        let own = several.then(|| ctx.net.fork());
        audit_target(ctx, &shared, &shared_checks, t, own, files)
    });
    let mut reports = futures_util::future::join_all(runs).await;
    if several {
        for r in &mut reports {
            r.profile.get_or_insert_with(|| "default".into());
        }
    }
    reports
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
) -> Report {
    let net = own_net.as_ref().unwrap_or(&ctx.net);
    let mut facts = shared.clone();
    let mut checks = shared_checks.to_vec();
    environment::policy(&ctx.config, &mut facts);
    let mut warnings = ctx.warnings.clone();
    let mut extra = files.0.clone();
    if let Ok(Some(c)) = &target.creds {
        extra.extend(c.files().iter().cloned());
    }
    let paths = environment::secret_files(&ctx.config, ctx.config_file.as_deref(), &extra);
    for w in environment::file_exposure(&paths, &mut facts, ctx.lang) {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }

    match target.creds {
        Ok(None) => {
            let why = no_api_key(ctx.lang);
            for ns in ["api.", "account.", "withdrawal."] {
                facts.not_checked_prefix(ns, why);
            }
            facts.not_checked("env.clock_skew_ms", why);
            checks.push(CheckStatus::skipped(binance::CHECK, why));
        }
        Err(e) => {
            let reason = format!(
                "{} {e}",
                tr(
                    ctx.lang,
                    "API credentials unusable:",
                    "APIの認証情報を使えません:"
                )
            );
            for ns in ["api.", "account.", "withdrawal."] {
                facts.not_checked_prefix(ns, &reason);
            }
            facts.not_checked("env.clock_skew_ms", &reason);
            checks.push(CheckStatus::failed(binance::CHECK, reason));
        }
        Ok(Some(creds)) => {
            let client = BinanceClient::new(net.clone(), target.base.clone(), Some(creds));
            let now = binance::client::now_ms();
            let statuses = binance::collect(&client, now, &mut facts, ctx.lang).await;
            checks.extend(statuses);
        }
    }

    // Requests made for this account, after the shared ones (breach lookups).
    let mut network = ctx.net.requests();
    if let Some(own) = &own_net {
        network.extend(own.requests());
    }

    evaluate::report(evaluate::Inputs {
        facts: &facts,
        rules: &ctx.rules,
        lang: ctx.lang,
        checks,
        network,
        warnings,
        profile: target.name,
        waivers: &ctx.config.waivers,
        baseline: ctx.baseline.as_ref(),
        config_file: ctx.config_file_name(),
        now: Utc::now(),
    })
}

/// `binance-audit password`: the password and breach rules only.
pub async fn password_report(ctx: &Context, pw: SecretString, breach_in: &BreachInputs) -> Report {
    let mut facts = Facts::new();
    let mut checks = Vec::new();
    let pw = PasswordInput::Given(pw);
    let details = password_checks(ctx, &pw, breach_in, &mut facts, &mut checks).await;
    let rules: Vec<Rule> = ctx
        .rules
        .iter()
        .filter(|r| matches!(r.category, Category::Password | Category::Breach))
        .cloned()
        .collect();
    let mut report = evaluate::report(evaluate::Inputs {
        facts: &facts,
        rules: &rules,
        lang: ctx.lang,
        checks,
        network: ctx.net.requests(),
        warnings: ctx.warnings.clone(),
        profile: None,
        waivers: &ctx.config.waivers,
        baseline: None,
        config_file: ctx.config_file_name(),
        now: Utc::now(),
    });
    report.password = details;
    report
}
