//! The configuration file: one TOML file in the platform config directory.
//! Flags override environment variables, which override the file. Secrets are
//! never stored here: the file may name a secret *file*, not hold a secret.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::{Lang, Msg};

pub const DEFAULT_KEY_MAX_AGE_DAYS: u32 = 90;
pub const DEFAULT_DECLARED_MAX_AGE_DAYS: u32 = 90;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub lang: Option<Lang>,
    #[serde(default)]
    pub user: User,
    #[serde(default)]
    pub policy: Policy,
    #[serde(default)]
    pub hibp: Hibp,
    /// The default profile.
    #[serde(default)]
    pub binance: Profile,
    /// Further accounts, audited with `--profile NAME` or `--all-profiles`.
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    pub declared: Option<Declared>,
    #[serde(default, rename = "waiver")]
    pub waivers: Vec<Waiver>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// Used only locally, to spot the email in the password.
    pub email: Option<String>,
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub key_max_age_days: Option<u32>,
    pub declared_max_age_days: Option<u32>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hibp {
    pub url: Option<String>,
    pub file: Option<PathBuf>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub api_url: Option<String>,
    /// Which Binance the account is at (`global`, `jp`: rules/regions.toml).
    pub region: Option<String>,
    /// The API key is an identifier, not a secret, but it is still masked in output.
    pub api_key: Option<String>,
    /// File holding the HMAC secret key.
    pub secret_file: Option<PathBuf>,
    /// PKCS#8 PEM private key (Ed25519 or RSA).
    pub private_key_file: Option<PathBuf>,
}

/// Facts no API exposes, as the user answered them in `binance-audit setup`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declared {
    /// When the answers were given (TOML date, e.g. 2026-11-25).
    pub on: toml::value::Datetime,
    pub two_factor: Option<Vec<String>>,
    pub anti_phishing_code: Option<bool>,
    pub withdrawal_whitelist: Option<bool>,
    pub devices_reviewed: Option<bool>,
    pub email_two_factor: Option<bool>,
    pub email_unique_password: Option<bool>,
    /// Questions answered "not sure": their settings still need checking.
    #[serde(default)]
    pub not_sure: Vec<String>,
    /// Answers given later than `on` (setup with only some flags), by question.
    #[serde(default)]
    pub answered_on: BTreeMap<String, toml::value::Datetime>,
}

/// setup's questions, as named in `[declared]`, in the order they are asked.
pub const QUESTIONS: [&str; 6] = [
    "two_factor",
    "anti_phishing_code",
    "withdrawal_whitelist",
    "devices_reviewed",
    "email_two_factor",
    "email_unique_password",
];

/// A TOML date as a calendar day: `None` for a bare time or a day that does
/// not exist. The config's own dates (`on`, `answered_on`, `expires`) are read
/// here, below the collectors that use them.
pub fn date_of(d: &toml::value::Datetime) -> Option<chrono::NaiveDate> {
    let date = d.date?;
    chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
}

impl Declared {
    /// A yes/no answer by question name.
    pub fn flag(&self, key: &str) -> Option<bool> {
        match key {
            "anti_phishing_code" => self.anti_phishing_code,
            "withdrawal_whitelist" => self.withdrawal_whitelist,
            "devices_reviewed" => self.devices_reviewed,
            "email_two_factor" => self.email_two_factor,
            "email_unique_password" => self.email_unique_password,
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    pub rule: String,
    pub profile: Option<String>,
    pub reason: String,
    pub expires: Option<toml::value::Datetime>,
}

impl Config {
    pub fn key_max_age_days(&self) -> u32 {
        self.policy
            .key_max_age_days
            .unwrap_or(DEFAULT_KEY_MAX_AGE_DAYS)
    }

    pub fn declared_max_age_days(&self) -> u32 {
        self.policy
            .declared_max_age_days
            .unwrap_or(DEFAULT_DECLARED_MAX_AGE_DAYS)
    }

    /// Strings the password should not contain: the email and names.
    pub fn personal_hints(&self) -> Vec<String> {
        self.user
            .email
            .iter()
            .chain(self.user.names.iter())
            .cloned()
            .collect()
    }
}

/// Where the configuration lives: `--config`, else `BINANCE_AUDIT_CONFIG`,
/// else the platform config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "binance-audit")
        .map(|d| d.config_dir().join("config.toml"))
}

#[derive(Clone)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    /// Whether the file existed (a missing default file is fine).
    pub exists: bool,
}

/// Why the config file did not load; the shell renders it in the reader's
/// language (which may itself come from this file, so it is not known here).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.render(Lang::En))]
pub enum LoadError {
    NotUtf8(PathBuf),
    Read {
        path: PathBuf,
        error: crate::bounded::ReadError,
    },
    Parse {
        path: PathBuf,
        problem: Problem,
    },
}

impl LoadError {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            LoadError::NotUtf8(path) => {
                crate::t!(
                    lang,
                    "shell-config-not-utf8",
                    path = path.display().to_string()
                )
            }
            LoadError::Read { path, error } => error
                .msg_set_by(
                    crate::msg!("shell-config-named", path = path.display().to_string()),
                    Some("--config".into()),
                )
                .render(lang),
            LoadError::Parse { path, problem } => crate::t!(
                lang,
                "shell-config-problem",
                path = path.display().to_string(),
                problem = problem.render(lang)
            ),
        }
    }
}

/// What is wrong inside config text. Rendered, it reads "line:column:
/// message" (or " message" where the parser gave no position).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render(Lang::En))]
pub enum Problem {
    /// The TOML parser's or serde's own message, kept as it said it.
    Toml {
        at: Option<(usize, usize)>,
        message: String,
    },
    /// A `not_sure` or `answered_on` name that is not one of setup's questions.
    NotAQuestion(String),
    WaiverRuleEmpty(usize),
    WaiverReasonEmpty(usize, String),
    WaiverExpires(usize, String),
}

impl Problem {
    pub fn render(&self, lang: Lang) -> String {
        let waiver = |i: &usize, rule: &String| format!("[[waiver]] #{} (rule {rule:?})", i + 1);
        match self {
            Problem::Toml { at, message } => {
                let pos = at.map_or_else(|| " ".to_string(), |(l, c)| format!("{l}:{c}: "));
                let hint = match unknown_field_hint(message) {
                    Some(id) => Msg::keyed("shell-config-hint-", id).render(lang),
                    None => String::new(),
                };
                format!(
                    "{pos}{}{hint}",
                    crate::parse_message::message(message, lang)
                )
            }
            Problem::NotAQuestion(bad) => crate::t!(
                lang,
                "shell-config-not-a-question",
                name = format!("{bad:?}"),
                questions = crate::i18n::join(lang, &QUESTIONS)
            ),
            Problem::WaiverRuleEmpty(i) => {
                crate::t!(lang, "shell-config-waiver-rule-empty", number = i + 1)
            }
            Problem::WaiverReasonEmpty(i, rule) => crate::t!(
                lang,
                "shell-config-waiver-reason-empty",
                waiver = waiver(i, rule)
            ),
            Problem::WaiverExpires(i, rule) => crate::t!(
                lang,
                "shell-config-waiver-expires",
                waiver = waiver(i, rule)
            ),
        }
    }
}

/// `explicit` is the `--config`/env path: that one must exist.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, LoadError> {
    let (path, must_exist) = match explicit {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default_path(), false),
    };
    let Some(path) = path else {
        return Ok(Loaded {
            config: Config::default(),
            path: None,
            exists: false,
        });
    };
    let text = match crate::bounded::read_file(&path, crate::bounded::CONFIG) {
        Ok(b) => String::from_utf8(b).map_err(|_| LoadError::NotUtf8(path.clone()))?,
        Err(crate::bounded::ReadError::Io(e))
            if e.kind() == std::io::ErrorKind::NotFound && !must_exist =>
        {
            return Ok(Loaded {
                config: Config::default(),
                path: Some(path),
                exists: false,
            });
        }
        Err(error) => return Err(LoadError::Read { path, error }),
    };
    let config = match parse(&text) {
        Ok(c) => c,
        Err(problem) => return Err(LoadError::Parse { path, problem }),
    };
    Ok(Loaded {
        config,
        path: Some(path),
        exists: true,
    })
}

/// Parse config text; errors read "line:column: message".
pub fn parse(text: &str) -> Result<Config, Problem> {
    let config = parse_toml(text)?;
    check_waivers(&config.waivers)?;
    if let Some(d) = &config.declared {
        check_declared(d)?;
    }
    Ok(config)
}

/// Only the `[declared]` section, when it reads, even if another part of the
/// file does not load: setup offers those answers as defaults while the rest
/// of the file is being fixed.
pub fn declared_only(text: &str) -> Option<Declared> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let d: Declared = table.get("declared")?.clone().try_into().ok()?;
    check_declared(&d).ok()?;
    Some(d)
}

fn check_declared(d: &Declared) -> Result<(), Problem> {
    let names = d.not_sure.iter().chain(d.answered_on.keys());
    if let Some(bad) = names.into_iter().find(|k| !QUESTIONS.contains(&k.as_str())) {
        return Err(Problem::NotAQuestion(bad.clone()));
    }
    Ok(())
}

/// A waiver is an accepted risk: without a reason nobody can review it later,
/// so one without is a configuration error, not a silent pass.
fn check_waivers(waivers: &[Waiver]) -> Result<(), Problem> {
    for (i, w) in waivers.iter().enumerate() {
        if w.rule.trim().is_empty() {
            return Err(Problem::WaiverRuleEmpty(i));
        }
        if w.reason.trim().is_empty() {
            return Err(Problem::WaiverReasonEmpty(i, w.rule.clone()));
        }
        if let Some(e) = &w.expires
            && (e.date.is_none() || date_of(e).is_none())
        {
            return Err(Problem::WaiverExpires(i, w.rule.clone()));
        }
    }
    Ok(())
}

fn parse_toml(text: &str) -> Result<Config, Problem> {
    toml::from_str::<Config>(text).map_err(|e| {
        let at = e.span().map(|s| {
            let before = &text[..s.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col)
        });
        Problem::Toml {
            at,
            message: e.message().trim().replace('\n', " "),
        }
    })
}

/// Advice for an unknown key (`shell-config-hint-…`), judged by the key's own
/// name only: serde's message also lists the expected keys, and one of those
/// (`email_unique_password`) must not make an API key id look like a secret.
fn unknown_field_hint(msg: &str) -> Option<&'static str> {
    let field = msg
        .split_once("unknown field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(f, _)| f.to_ascii_lowercase())?;
    if field.contains("secret") || field.contains("password") || field == "private_key" {
        Some("secret")
    } else if matches!(
        field.as_str(),
        "api_key" | "api_url" | "region" | "secret_file" | "private_key_file"
    ) {
        Some("section")
    } else {
        None
    }
}

/// A warning (with the exact fix) when a file holding secrets can be read by
/// group or others, as ssh does for private keys.
#[cfg(unix)]
pub fn permission_warning(path: &Path) -> Option<Msg> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o077 != 0).then(|| {
        crate::msg!(
            "shell-permission-warning",
            path = path.display().to_string(),
            mode = format!("{:o}", mode & 0o777)
        )
    })
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &Path) -> Option<Msg> {
    None
}

/// Create a file only the owner can read: baselines, logs, evidence, config.
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let file = opts.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An existing file keeps its old mode through open(); tighten it.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

/// The file `config init` writes: the same keys and values in every
/// language, the comments in `lang` (`shell-config-template`).
pub fn template(lang: Lang) -> String {
    let mut t = crate::t!(lang, "shell-config-template");
    t.push('\n');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parses() {
        let (en, ja) = (template(Lang::En), template(Lang::Ja));
        let c = parse(&en).unwrap();
        assert!(parse(&ja).is_ok(), "the Japanese template parses too");
        // The same keys in the same order: only the comments differ.
        let keys = |t: &str| -> Vec<String> {
            t.lines()
                .map(|l| l.trim_start_matches('#').trim_start())
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_string()))
                .collect()
        };
        assert_eq!(keys(&en), keys(&ja));
        assert_eq!(c.key_max_age_days(), 90);
    }

    #[test]
    fn typo_is_positioned() {
        let e = parse("[user]\nemial = \"x\"\n").unwrap_err().to_string();
        assert!(e.starts_with("2:1:"), "{e}");
        assert!(e.contains("emial"), "{e}");
    }

    #[test]
    fn secret_in_config_is_refused_with_advice() {
        let e = parse("[binance]\napi_secret = \"abc\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("never stored"), "{e}");
        assert!(!e.contains("abc"), "the value must not be echoed: {e}");
    }

    #[test]
    fn an_api_key_id_is_not_called_a_secret() {
        // The message lists `email_unique_password` among the expected keys.
        let e = parse("[declared]\non = 2026-01-01\napi_key = \"abc\"\n")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("secret"), "{e}");
        assert!(e.contains("belongs under [binance]"), "{e}");
        let e = parse("[binance]\nsecret_key = \"abc\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("never stored"), "{e}");
        let e = parse("[user]\nemial = \"x\"\n").unwrap_err().to_string();
        assert!(!e.contains("never stored") && !e.contains("belongs"), "{e}");
    }

    #[test]
    fn not_sure_names_must_be_questions() {
        let ok = "[declared]\non = 2026-01-01\nnot_sure = [\"two_factor\"]\nanswered_on = { two_factor = 2026-02-01 }\n";
        assert_eq!(
            parse(ok).unwrap().declared.unwrap().not_sure,
            ["two_factor"]
        );
        let e = parse("[declared]\non = 2026-01-01\nnot_sure = [\"pin\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("\"pin\"") && e.contains("anti_phishing_code"),
            "{e}"
        );
        let lenient = declared_only(
            "[declared]\non = 2026-01-01\nanti_phishing_code = true\n[user]\nbad = 1\n",
        );
        assert_eq!(lenient.unwrap().anti_phishing_code, Some(true));
        assert!(parse("[declared]\non = 2026-01-01\n[user]\nbad = 1\n").is_err());
    }

    #[test]
    fn waiver_without_reason_or_with_bad_date_is_refused() {
        let e = parse("[[waiver]]\nrule = \"BA-API-004\"\nreason = \"  \"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("reason") && e.contains("BA-API-004"), "{e}");
        let e = parse("[[waiver]]\nrule = \"BA-API-004\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("reason"), "{e}");
        let e = parse("[[waiver]]\nrule = \"BA-API-004\"\nreason = \"x\"\nexpires = 10:00:00\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("expires"), "{e}");
        let e = parse("[[waiver]]\nrule = \"\"\nreason = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("rule"), "{e}");
    }

    #[test]
    fn declared_and_waivers_parse() {
        let c = parse(
            "[declared]\non = 2026-11-20\ntwo_factor = [\"sms\"]\n[[waiver]]\nrule = \"BA-API-004\"\nreason = \"bot\"\nexpires = 2027-01-01\n",
        )
        .unwrap();
        assert_eq!(c.declared.unwrap().two_factor.unwrap(), vec!["sms"]);
        assert_eq!(c.waivers.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_0600_and_loose_ones_warned() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        create_private(&p).unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert!(permission_warning(&p).is_none());
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        let w = permission_warning(&p).unwrap().render(Lang::En);
        assert!(w.contains("chmod 600"), "{w}");
    }
}
