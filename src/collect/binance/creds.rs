//! API credentials: the key (an identifier, still masked in output) and the
//! means to sign — an HMAC secret or a PKCS#8 private key. Secrets come from
//! the environment or from files named in the config, never from argv, and
//! are zeroized once the signer holds them.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::sign::{SignError, Signer};
use crate::config::Profile;
use crate::i18n::Msg;
use crate::msg;

pub const KEY_ENV: &str = "BINANCE_API_KEY";
pub const SECRET_ENV: &str = "BINANCE_API_SECRET";
pub const PRIVATE_KEY_FILE_ENV: &str = "BINANCE_API_PRIVATE_KEY_FILE";
/// The passphrase of an encrypted private key, read like the password:
/// this variable, a file named by the next one, or a no-echo prompt.
pub const PASSPHRASE_ENV: &str = "BINANCE_API_PRIVATE_KEY_PASSPHRASE";
pub const PASSPHRASE_FILE_ENV: &str = "BINANCE_API_PRIVATE_KEY_PASSPHRASE_FILE";

/// A PEM key or a secret is a few kB at most; anything larger is not one.
const MAX_SECRET_FILE: usize = crate::bounded::KEY_FILE;

/// Where a setting came from: `$BINANCE_API_KEY`, or `api_key in [binance]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Var(String),
    Setting { key: &'static str, section: String },
}

impl Origin {
    fn var(name: &str) -> Origin {
        Origin::Var(format!("${name}"))
    }

    pub fn msg(&self) -> Msg {
        match self {
            Origin::Var(v) => Msg::verbatim(v.clone()),
            Origin::Setting { key, section } => {
                msg!("binance-creds-setting", key = *key, section = section)
            }
        }
    }
}

/// Credentials that are configured but cannot be used. The errors describe
/// the setting, never the secret.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CredsError {
    #[error("{var} is not valid UTF-8")]
    NotUtf8 { var: String },
    #[error("a secret is configured but no API key")]
    SecretWithoutKey { key_var: String, section: String },
    #[error("the API key is empty")]
    KeyEmpty { origin: Origin },
    #[error("the API key contains spaces, line breaks or non-ASCII characters")]
    KeyNotPrintable { origin: Origin },
    /// Printable, but not the 64 letters and digits of a Binance API key
    /// (HMAC, Ed25519 and RSA keys alike). Only the length is kept.
    #[error("the API key is not 64 letters and digits")]
    KeyShape { origin: Origin, len: usize },
    #[error("both {secret_var} and {pem_var} are set")]
    BothVars { secret_var: String, pem_var: String },
    #[error("both secret_file and private_key_file are set in {section}")]
    BothFiles { section: String },
    #[error("an API key is set but no way to sign")]
    NoSigner {
        key_origin: Origin,
        secret_var: String,
        pem_var: String,
    },
    #[error("the private key file is not text (PEM)")]
    PemNotText { origin: Origin },
    #[error("the private key cannot sign: {error}")]
    Key { origin: Origin, error: SignError },
    #[error("the secret is empty")]
    SecretEmpty { origin: Origin },
    #[error("the secret contains spaces, line breaks or non-ASCII characters")]
    SecretNotPrintable { origin: Origin },
    #[error("this is a PEM private key, not an HMAC secret")]
    SecretIsPem { origin: Origin },
    #[error("the secret is not 64 letters and digits")]
    SecretShape { origin: Origin, len: usize },
    #[error("the key file is too large to be a key")]
    TooLarge {
        origin: Origin,
        path: String,
        bytes: u64,
    },
    /// A file or the passphrase could not be read: what the module that
    /// read it (`bounded`, `secret`) says.
    #[error("{}", text.english())]
    Unreadable { origin: Origin, text: Msg },
}

impl CredsError {
    pub fn msg(&self) -> Msg {
        use CredsError as E;
        match self {
            E::NotUtf8 { var } => msg!("binance-creds-not-utf8", var = var),
            E::SecretWithoutKey { key_var, section } => msg!(
                "binance-creds-secret-without-key",
                key_var = key_var,
                section = section
            ),
            E::KeyEmpty { origin } => msg!("binance-creds-key-empty", origin = origin.msg()),
            E::KeyNotPrintable { origin } => {
                msg!("binance-creds-key-not-printable", origin = origin.msg())
            }
            E::KeyShape { origin, len } => {
                msg!("binance-creds-key-shape", origin = origin.msg(), len = *len)
            }
            E::SecretShape { origin, len } => {
                msg!(
                    "binance-creds-secret-shape",
                    origin = origin.msg(),
                    len = *len
                )
            }
            E::BothVars {
                secret_var,
                pem_var,
            } => msg!(
                "binance-creds-both-vars",
                secret_var = secret_var,
                pem_var = pem_var
            ),
            E::BothFiles { section } => msg!("binance-creds-both-files", section = section),
            E::NoSigner {
                key_origin,
                secret_var,
                pem_var,
            } => msg!(
                "binance-creds-no-signer",
                key_origin = key_origin.msg(),
                secret_var = secret_var,
                pem_var = pem_var
            ),
            E::PemNotText { origin } => msg!("binance-creds-pem-not-text", origin = origin.msg()),
            E::Key { origin, error } => msg!(
                "binance-creds-of",
                origin = origin.msg(),
                error = error.msg()
            ),
            E::SecretEmpty { origin } => msg!("binance-creds-secret-empty", origin = origin.msg()),
            E::SecretNotPrintable { origin } => {
                msg!("binance-creds-secret-not-printable", origin = origin.msg())
            }
            E::SecretIsPem { origin } => msg!("binance-creds-secret-is-pem", origin = origin.msg()),
            E::TooLarge {
                origin,
                path,
                bytes,
            } => msg!(
                "binance-creds-too-large",
                origin = origin.msg(),
                path = path,
                bytes = bytes.to_string()
            ),
            E::Unreadable { origin, text } => {
                msg!("binance-creds-of", origin = origin.msg(), error = text)
            }
        }
    }
}

pub struct Credentials {
    pub api_key: String,
    pub signer: Signer,
    /// Files the secret came from, for the group/other-readable warning.
    files: Vec<PathBuf>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("api_key", &self.masked_key())
            .field("signer", &self.signer)
            .finish()
    }
}

impl Credentials {
    pub fn new(api_key: impl Into<String>, signer: Signer) -> Credentials {
        Credentials {
            api_key: api_key.into(),
            signer,
            files: Vec::new(),
        }
    }

    /// The default profile: `BINANCE_API_KEY`, `BINANCE_API_SECRET` and
    /// `BINANCE_API_PRIVATE_KEY_FILE` override the profile's `api_key`,
    /// `secret_file` and `private_key_file`. `Ok(None)` means no key at all.
    pub fn from_env_and_profile(profile: &Profile) -> Result<Option<Credentials>, CredsError> {
        Self::for_profile(None, profile, &|k| std::env::var_os(k))
    }

    /// `name` is None for the default profile (plain variable names) or the
    /// profile's name, whose variables carry a suffix: `BINANCE_API_KEY_SUB1`.
    pub fn for_profile(
        name: Option<&str>,
        profile: &Profile,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<Option<Credentials>, CredsError> {
        crate::hardening::no_core_dumps();
        // An empty variable (`VAR=` in a CI file or a shell) means "not set",
        // as in most tools; otherwise it would clash with the config's files.
        let env = |k: &str| env(k).filter(|v| !v.is_empty());
        let var = |base: &str| match name {
            None => base.to_string(),
            Some(n) => format!("{base}_{}", env_suffix(n)),
        };
        let (key_var, secret_var, pem_var) =
            (var(KEY_ENV), var(SECRET_ENV), var(PRIVATE_KEY_FILE_ENV));
        let where_ = match name {
            None => "[binance]".to_string(),
            Some(n) => format!("[profiles.{n}]"),
        };

        let api_key = match env(&key_var) {
            Some(v) => Some((
                v.into_string().map_err(|_| CredsError::NotUtf8 {
                    var: format!("${key_var}"),
                })?,
                Origin::var(&key_var),
            )),
            None => profile
                .api_key
                .clone()
                .map(|k| (k, in_section("api_key", &where_))),
        };
        let env_secret = env(&secret_var).map(|v| Zeroizing::new(v.into_encoded_bytes()));
        let env_pem = env(&pem_var).map(PathBuf::from);

        let secret_source = if env_secret.is_some() || env_pem.is_some() {
            // The environment replaces the file's choice entirely, so a stale
            // secret_file cannot silently win over a fresh private key.
            (
                env_secret,
                env_pem.map(|p| (p, Origin::var(&pem_var))),
                None,
            )
        } else {
            (
                None,
                profile
                    .private_key_file
                    .as_deref()
                    .map(|p| (expand_home(p), in_section("private_key_file", &where_))),
                profile
                    .secret_file
                    .as_deref()
                    .map(|p| (expand_home(p), in_section("secret_file", &where_))),
            )
        };
        let (env_secret, pem_file, secret_file) = secret_source;
        let has_secret = env_secret.is_some() || pem_file.is_some() || secret_file.is_some();

        let Some((api_key, key_origin)) = api_key else {
            if has_secret {
                return Err(CredsError::SecretWithoutKey {
                    key_var: format!("${key_var}"),
                    section: where_,
                });
            }
            return Ok(None);
        };
        let api_key = api_key.trim().to_string();
        check_api_key(&api_key, &key_origin)?;

        let mut files = Vec::new();
        let signer = match (env_secret, pem_file, secret_file) {
            (Some(_), Some(_), _) => {
                return Err(CredsError::BothVars {
                    secret_var: format!("${secret_var}"),
                    pem_var: format!("${pem_var}"),
                });
            }
            (None, Some(_), Some(_)) => {
                return Err(CredsError::BothFiles { section: where_ });
            }
            (Some(secret), None, _) => hmac_signer(secret, &Origin::var(&secret_var))?,
            (None, Some((path, origin)), None) => {
                let pem = read_small(&path, &origin)?;
                files.push(path);
                let text = std::str::from_utf8(&pem).map_err(|_| CredsError::PemNotText {
                    origin: origin.clone(),
                })?;
                let pass = if Signer::is_encrypted_pem(text) {
                    passphrase(
                        &var(PASSPHRASE_ENV),
                        &var(PASSPHRASE_FILE_ENV),
                        &env,
                        &origin,
                    )?
                } else {
                    None
                };
                Signer::from_pkcs8_pem_with(text, pass.as_ref())
                    .map_err(|error| CredsError::Key { origin, error })?
            }
            (None, None, Some((path, origin))) => {
                let secret = read_small(&path, &origin)?;
                files.push(path);
                hmac_signer(secret, &origin)?
            }
            (None, None, None) => {
                return Err(CredsError::NoSigner {
                    key_origin,
                    secret_var: format!("${secret_var}"),
                    pem_var: format!("${pem_var}"),
                });
            }
        };
        Ok(Some(Credentials {
            api_key,
            signer,
            files,
        }))
    }

    /// First 4 … last 4: enough to tell keys apart in a report.
    pub fn masked_key(&self) -> String {
        mask(&self.api_key)
    }

    pub fn key_type(&self) -> &'static str {
        self.signer.key_type()
    }

    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }
}

pub fn mask(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 12 {
        return "****".into();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
pub mod tests_support {
    /// Binance's documentation API key (§1.5 of the reference): not live.
    pub const KEY: &str = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
}

/// `sub-1` → `SUB_1`, for per-profile environment variables.
pub fn env_suffix(profile: &str) -> String {
    profile
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The passphrase from `$pass_var`, the file named by `$file_var`, or a
/// prompt when someone is there to answer; never from argv. An error holds
/// `crate::secret`'s sentence, which that module makes in the diagnostics
/// language from the words given here.
fn passphrase(
    pass_var: &str,
    file_var: &str,
    env: &dyn Fn(&str) -> Option<OsString>,
    origin: &Origin,
) -> Result<Option<secrecy::SecretString>, CredsError> {
    let unreadable = |e: crate::secret::SecretError| CredsError::Unreadable {
        origin: origin.clone(),
        text: e.msg(),
    };
    let what = msg!("binance-creds-passphrase");
    if let Some(v) = env(pass_var) {
        return crate::secret::secret_from_bytes(
            v.into_encoded_bytes(),
            msg!(
                "binance-creds-passphrase-in",
                what = &what,
                var = format!("${pass_var}")
            ),
        )
        .map(Some)
        .map_err(unreadable);
    }
    if let Some(p) = env(file_var) {
        // `-` is standard input, as for other tools that read a secret from a file.
        if p == "-" {
            return crate::secret::read_stdin(&what)
                .map(Some)
                .map_err(unreadable);
        }
        return crate::secret::read_file(Path::new(&p), &what, format!("${file_var}"))
            .map(Some)
            .map_err(unreadable);
    }
    if crate::secret::interactive() {
        return crate::secret::prompt_in_ui(&msg!("binance-creds-passphrase-prompt"))
            .map_err(unreadable);
    }
    Ok(None)
}

fn check_api_key(key: &str, origin: &Origin) -> Result<(), CredsError> {
    let origin = origin.clone();
    if key.is_empty() {
        return Err(CredsError::KeyEmpty { origin });
    }
    if !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(CredsError::KeyNotPrintable { origin });
    }
    if !binance_shaped(key.as_bytes()) {
        return Err(CredsError::KeyShape {
            origin,
            len: key.len(),
        });
    }
    Ok(())
}

/// Binance issues API keys and HMAC secret keys as 64 ASCII letters and
/// digits (its documentation pair is of that shape); Ed25519 and RSA keys
/// get a key of the same shape too.
pub const KEY_LEN: usize = 64;

fn binance_shaped(b: &[u8]) -> bool {
    b.len() == KEY_LEN && b.iter().all(u8::is_ascii_alphanumeric)
}

impl CredsError {
    /// Settings that cannot hold a Binance key at all: the user's to fix
    /// before anything runs (a usage error), not a check that did not run.
    pub fn is_shape(&self) -> bool {
        matches!(
            self,
            CredsError::KeyShape { .. } | CredsError::SecretShape { .. }
        )
    }
}

fn hmac_signer(mut bytes: Zeroizing<Vec<u8>>, origin: &Origin) -> Result<Signer, CredsError> {
    while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        bytes.pop();
    }
    let origin = origin.clone();
    if bytes.is_empty() {
        return Err(CredsError::SecretEmpty { origin });
    }
    if !bytes.iter().all(u8::is_ascii_graphic) {
        return Err(CredsError::SecretNotPrintable { origin });
    }
    if bytes.starts_with(b"-----BEGIN") {
        return Err(CredsError::SecretIsPem { origin });
    }
    if !binance_shaped(&bytes) {
        return Err(CredsError::SecretShape {
            origin,
            len: bytes.len(),
        });
    }
    Ok(Signer::hmac(&bytes))
}

fn read_small(path: &Path, origin: &Origin) -> Result<Zeroizing<Vec<u8>>, CredsError> {
    let shown = path.display().to_string();
    let unreadable = |text: Msg| CredsError::Unreadable {
        origin: origin.clone(),
        text,
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        unreadable(crate::files::read_error(
            &shown,
            Some(origin.msg().into()),
            &e,
        ))
    })?;
    if meta.len() > MAX_SECRET_FILE as u64 {
        return Err(CredsError::TooLarge {
            origin: origin.clone(),
            path: shown,
            bytes: meta.len(),
        });
    }
    // The size above can be 0 for /dev/zero or a FIFO: the read is bounded too.
    crate::bounded::read_file(path, MAX_SECRET_FILE)
        .map(Zeroizing::new)
        .map_err(|e| unreadable(e.msg_set_by(&shown, Some(origin.msg().into()))))
}

/// Where a setting came from: "api_key in [binance]".
fn in_section(key: &'static str, section: &str) -> Origin {
    Origin::Setting {
        key,
        section: section.to_string(),
    }
}

/// `~/x` in the config means the home directory, as in the template.
pub fn expand_home(p: &Path) -> PathBuf {
    if let Ok(rest) = p.strip_prefix("~")
        && let Some(home) = std::env::var_os("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    p.to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const KEY: &str = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    const SECRET: &str = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let m: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn nothing_configured_is_none() {
        let c = Credentials::for_profile(None, &Profile::default(), &env(&[])).unwrap();
        assert!(c.is_none());
    }

    #[test]
    fn env_hmac_and_masking() {
        let c = Credentials::for_profile(
            None,
            &Profile::default(),
            &env(&[(KEY_ENV, KEY), (SECRET_ENV, &format!("{SECRET}\n"))]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.key_type(), "hmac");
        assert_eq!(c.masked_key(), "vmPU…Eh8A");
        let d = format!("{c:?}");
        assert!(!d.contains(SECRET) && !d.contains(KEY), "{d}");
        assert_eq!(
            c.signer
                .sign("recvWindow=5000&timestamp=1764028800000")
                .unwrap(),
            "474d5a1a93d03937885c3f99859cff223b7bb4efcb2afb4c6274d9aa64ea030d"
        );
    }

    #[test]
    fn env_overrides_profile_files() {
        let dir = tempfile::tempdir().unwrap();
        let pem = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/binance/ed25519-rfc8032-test1.pem");
        let profile = Profile {
            api_key: Some("fromconfigkey000".into()),
            secret_file: Some(dir.path().join("missing")),
            ..Profile::default()
        };
        let c = Credentials::for_profile(
            None,
            &profile,
            &env(&[
                (KEY_ENV, KEY),
                (PRIVATE_KEY_FILE_ENV, pem.to_str().unwrap()),
            ]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.key_type(), "ed25519");
        assert_eq!(c.api_key, KEY);
        assert_eq!(c.files(), &[pem]);
    }

    #[test]
    fn named_profile_uses_suffixed_env_and_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret");
        std::fs::write(&secret, format!("{SECRET}\r\n")).unwrap();
        let profile = Profile {
            api_key: Some(KEY.into()),
            secret_file: Some(secret.clone()),
            ..Profile::default()
        };
        // The default profile's variables do not leak into a named profile.
        let c = Credentials::for_profile(
            Some("sub-1"),
            &profile,
            &env(&[(PRIVATE_KEY_FILE_ENV, "/nonexistent")]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.key_type(), "hmac");
        assert_eq!(c.files(), &[secret]);
        let e = Credentials::for_profile(
            Some("sub-1"),
            &profile,
            &env(&[("BINANCE_API_PRIVATE_KEY_FILE_SUB_1", "/nonexistent/k.pem")]),
        )
        .unwrap_err()
        .msg()
        .render(crate::i18n::Lang::En);
        assert!(e.contains("$BINANCE_API_PRIVATE_KEY_FILE_SUB_1"), "{e}");
    }

    #[test]
    fn errors_read_as_before_in_both_languages() {
        use crate::i18n::Lang;
        let e = Credentials::for_profile(
            Some("sub"),
            &Profile {
                api_key: Some(KEY.into()),
                ..Profile::default()
            },
            &env(&[]),
        )
        .unwrap_err();
        assert_eq!(
            e.msg().render(Lang::En),
            "an API key is set (api_key in [profiles.sub]) but no way to sign: set $BINANCE_API_SECRET_SUB (HMAC secret) or $BINANCE_API_PRIVATE_KEY_FILE_SUB (Ed25519/RSA private key file)"
        );
        assert_eq!(
            e.msg().render(Lang::Ja),
            "APIキー（[profiles.sub] の api_key）はありますが、署名する手段がありません。$BINANCE_API_SECRET_SUB（HMACシークレット）か $BINANCE_API_PRIVATE_KEY_FILE_SUB（Ed25519/RSAの秘密鍵ファイル）を設定してください"
        );
    }

    #[test]
    fn half_configured_is_an_error_that_quotes_nothing() {
        let e = Credentials::for_profile(None, &Profile::default(), &env(&[(SECRET_ENV, SECRET)]))
            .unwrap_err()
            .msg()
            .render(crate::i18n::Lang::En);
        assert!(e.contains("no API key"), "{e}");
        assert!(!e.contains(SECRET));
        let e = Credentials::for_profile(None, &Profile::default(), &env(&[(KEY_ENV, KEY)]))
            .unwrap_err()
            .msg()
            .render(crate::i18n::Lang::En);
        assert!(e.contains("no way to sign") && !e.contains(KEY), "{e}");
        let e = Credentials::for_profile(
            None,
            &Profile::default(),
            &env(&[(KEY_ENV, KEY), (SECRET_ENV, "abc def")]),
        )
        .unwrap_err()
        .msg()
        .render(crate::i18n::Lang::En);
        assert!(e.contains("spaces") && !e.contains("abc"), "{e}");
        let e = Credentials::for_profile(
            None,
            &Profile::default(),
            &env(&[(KEY_ENV, "has space key value"), (SECRET_ENV, SECRET)]),
        )
        .unwrap_err()
        .msg()
        .render(crate::i18n::Lang::En);
        assert!(e.contains("API Management"), "{e}");
        let e = Credentials::for_profile(
            None,
            &Profile::default(),
            &env(&[
                (KEY_ENV, KEY),
                (SECRET_ENV, SECRET),
                (PRIVATE_KEY_FILE_ENV, "/x"),
            ]),
        )
        .unwrap_err()
        .msg()
        .render(crate::i18n::Lang::En);
        assert!(e.contains("both"), "{e}");
    }

    #[test]
    fn an_encrypted_private_key_opens_with_its_passphrase() {
        let pem = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/binance/ed25519-rfc8032-test1-encrypted.pem");
        let p = pem.to_str().unwrap();
        let c = Credentials::for_profile(
            None,
            &Profile::default(),
            &env(&[
                (KEY_ENV, KEY),
                (PRIVATE_KEY_FILE_ENV, p),
                (PASSPHRASE_ENV, "correct-horse"),
            ]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.key_type(), "ed25519");
        // The same signature as the unencrypted copy of the key.
        let plain = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/binance/ed25519-rfc8032-test1.pem"),
        )
        .unwrap();
        let q = "recvWindow=5000&timestamp=1764028800000";
        assert_eq!(
            c.signer.sign(q).unwrap(),
            Signer::from_pkcs8_pem(&plain).unwrap().sign(q).unwrap()
        );
        let dir = tempfile::tempdir().unwrap();
        let pass_file = dir.path().join("pass");
        std::fs::write(&pass_file, "correct-horse\n").unwrap();
        let c = Credentials::for_profile(
            None,
            &Profile::default(),
            &env(&[
                (KEY_ENV, KEY),
                (PRIVATE_KEY_FILE_ENV, p),
                (PASSPHRASE_FILE_ENV, pass_file.to_str().unwrap()),
            ]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.key_type(), "ed25519");
        let e = Credentials::for_profile(
            None,
            &Profile::default(),
            &env(&[
                (KEY_ENV, KEY),
                (PRIVATE_KEY_FILE_ENV, p),
                (PASSPHRASE_ENV, "wrong-horse"),
            ]),
        )
        .unwrap_err()
        .msg()
        .render(crate::i18n::Lang::En);
        assert!(
            e.contains("wrong passphrase") && !e.contains("wrong-horse"),
            "{e}"
        );
    }

    #[test]
    fn short_keys_are_fully_masked() {
        assert_eq!(mask("abc"), "****");
        assert_eq!(env_suffix("sub-1.a"), "SUB_1_A");
    }
}
