//! Where secrets and inputs come from: flag, file, environment, else a
//! no-echo prompt when someone is there to answer. Never argv.

use std::path::PathBuf;

use secrecy::SecretString;

use super::error::{Error, Result};
use crate::audit::{self, BreachInputs, PasswordInput};
use crate::cli::{BreachArgs, PasswordInput as PasswordFlags};
use crate::collect::breach::BreachOptions;
use crate::config::Config;
use crate::i18n::{Lang, ui};
use crate::secret;
use crate::secret::SecretError;
use crate::{msg, t};

pub const EMAIL_PASSWORD_ENV: &str = "BINANCE_AUDIT_EMAIL_PASSWORD";

/// The audit's password: optional. Enter at the prompt skips the check.
/// A secret that could not be read, as a usage error in `lang`.
fn said(lang: Lang) -> impl Fn(SecretError) -> Error {
    move |e| Error::Usage(e.msg().render(lang))
}

pub fn audit_password(flags: &PasswordFlags, lang: Lang) -> Result<PasswordInput> {
    if let Some(pw) = given_password(flags, lang)? {
        return Ok(PasswordInput::Given(pw));
    }
    if secret::interactive() {
        let label = t!(lang, "shell-prompt-audit-password");
        return Ok(match secret::prompt(&label).map_err(said(lang))? {
            Some(pw) => PasswordInput::Given(pw),
            None => PasswordInput::Missing(audit::no_password()),
        });
    }
    Ok(PasswordInput::Missing(audit::no_password_unattended()))
}

/// `password`'s password: required, so the prompt offers no skip.
pub fn required_password(flags: &PasswordFlags, lang: Lang) -> Result<SecretString> {
    if let Some(pw) = given_password(flags, lang)? {
        return Ok(pw);
    }
    if secret::interactive() {
        let label = t!(lang, "shell-prompt-password");
        return secret::prompt(&label)
            .map_err(said(lang))?
            .ok_or_else(|| Error::Usage(t!(lang, "shell-no-password-entered")));
    }
    Err(Error::Usage(t!(lang, "shell-no-password")))
}

fn given_password(flags: &PasswordFlags, lang: Lang) -> Result<Option<SecretString>> {
    let what = || msg!("shell-what-password");
    if flags.password_stdin {
        return secret::read_stdin(what()).map(Some).map_err(said(lang));
    }
    if let Some(path) = &flags.password_file {
        return secret::read_file(path, what(), "--password-file")
            .map(Some)
            .map_err(said(lang));
    }
    secret::read_env(secret::PASSWORD_ENV, what())
        .transpose()
        .map_err(said(lang))
}

/// Files a secret was read from, for the readable-by-others check.
pub fn secret_files(flags: &PasswordFlags) -> Vec<PathBuf> {
    flags
        .password_file
        .iter()
        .chain(&flags.email_password_file)
        .cloned()
        .collect()
}

pub fn breach_inputs(
    cfg: &Config,
    offline: bool,
    args: &BreachArgs,
    flags: &PasswordFlags,
) -> Result<BreachInputs> {
    let opts = breach_options(cfg, offline, args)?;
    let what = || msg!("shell-what-email-password");
    let email_password = match &flags.email_password_file {
        Some(path) => {
            Some(secret::read_file(path, what(), "--email-password-file").map_err(said(ui()))?)
        }
        None => secret::read_env(EMAIL_PASSWORD_ENV, what())
            .transpose()
            .map_err(said(ui()))?,
    };
    Ok(BreachInputs {
        opts,
        email_password,
    })
}

/// Breach lookup settings: `--hibp-url` (or `BINANCE_AUDIT_HIBP_URL`) over
/// the config's `[hibp] url`, likewise for the file.
/// `_offline` is no longer read: offline is the Net's to say, and the flag
/// reaches the breach check through it (the parameter goes with the callers).
pub fn breach_options(cfg: &Config, _offline: bool, args: &BreachArgs) -> Result<BreachOptions> {
    let mut opts = BreachOptions::default();
    let url = args
        .hibp_url
        .as_deref()
        .filter(|u| !u.is_empty())
        .or(cfg.hibp.url.as_deref());
    if let Some(url) = url {
        opts.set_base_url(url)
            .map_err(|e| Error::Usage(e.msg().render(crate::i18n::ui())))?;
    }
    opts.file = args.hibp_file.clone().or_else(|| cfg.hibp.file.clone());
    if let Some(f) = &opts.file
        && !f.exists()
    {
        return Err(Error::Usage(t!(
            ui(),
            "shell-hibp-file-missing",
            path = f.display().to_string(),
            reason = msg!("shell-io-not-found")
        )));
    }
    Ok(opts)
}

/// Standard input for `password --stdin-list`, read whole (bounded) and wiped.
pub fn stdin_list() -> Result<Vec<crate::password_list::Entry>> {
    crate::hardening::no_core_dumps();
    let buf = crate::bounded::read_limited(std::io::stdin().lock(), crate::bounded::PASSWORD_LIST)
        .map_err(|e| Error::Usage(e.msg(msg!("shell-what-stdin")).render(ui())))?;
    crate::password_list::parse_list(buf).map_err(|e| Error::Usage(e.msg().render(ui())))
}
