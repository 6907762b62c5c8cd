//! Which account, which key, which client: one answer shared by `audit`,
//! `status`, `incident` and `address`, so a profile or an API URL means the
//! same thing in every command.

use crate::i18n::{Lang, ui, ui_tr};
use std::ffi::OsString;

use url::Url;

use crate::collect::binance::{self, BinanceClient, Credentials};
use crate::config::{Config, Profile};
use crate::net::Net;

/// What the user selected: `--api-url`, `--profile`, `--all-profiles`.
#[derive(Clone, Debug, Default)]
pub struct Selector {
    pub api_url: Option<String>,
    pub profile: Option<String>,
    pub all_profiles: bool,
}

impl Selector {
    /// One account: `profile`, or the default one, at `api_url` if given
    /// (status, incident and address work on one account at a time).
    pub fn one(api_url: Option<&str>, profile: Option<&str>) -> Selector {
        Selector {
            api_url: api_url.map(str::to_string),
            profile: profile.map(str::to_string),
            all_profiles: false,
        }
    }
}

/// One account: the default profile (`name` None) or a named one.
pub struct Target {
    pub name: Option<String>,
    pub base: Url,
    /// `Ok(None)`: no key configured; `Err`: configured but unusable.
    pub creds: Result<Option<Credentials>, String>,
}

/// A selection that names no account that exists, or a bad base URL: the
/// user's to fix before anything runs.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SelectError(pub String);

/// The accounts a run covers. Reads the process environment for keys.
pub fn targets(cfg: &Config, sel: &Selector) -> Result<Vec<Target>, SelectError> {
    targets_with_env(cfg, sel, &|k| std::env::var_os(k))
}

pub fn targets_with_env(
    cfg: &Config,
    sel: &Selector,
    env: &dyn Fn(&str) -> Option<OsString>,
) -> Result<Vec<Target>, SelectError> {
    let make = |name: Option<&str>, p: &Profile| -> Result<Target, SelectError> {
        // Flag or BINANCE_API_URL, then the profile, then [binance], then Binance.
        let raw = sel
            .api_url
            .clone()
            .filter(|u| !u.is_empty())
            .or_else(|| p.api_url.clone())
            .or_else(|| cfg.binance.api_url.clone())
            .unwrap_or_else(|| binance::DEFAULT_BASE.to_string());
        let base = crate::net::parse_base_url(&raw, "Binance API").map_err(SelectError)?;
        Ok(Target {
            name: name.map(str::to_string),
            base,
            creds: Credentials::for_profile(name, p, env).map_err(|e| e.msg().render(ui())),
        })
    };
    if let Some(name) = &sel.profile {
        return match cfg.profiles.get(name) {
            Some(p) => Ok(vec![make(Some(name), p)?]),
            None if name == "default" => Ok(vec![make(None, &cfg.binance)?]),
            None => Err(SelectError(match ui() {
                Lang::En => format!("no profile {name:?} in the config{}", known_profiles(cfg)),
                Lang::Ja => format!(
                    "設定ファイルにプロファイル {name:?} がありません{}",
                    known_profiles(cfg)
                ),
            })),
        };
    }
    if sel.all_profiles {
        if cfg.profiles.is_empty() {
            return Err(SelectError(
                ui_tr(
                    "--all-profiles: the config has no [profiles.NAME] sections (see `binance-audit config init`)",
                    "--all-profiles: 設定ファイルに [profiles.NAME] の表がありません（`binance-audit config init` を参照）",
                )
                .into(),
            ));
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
        ui_tr(
            " (it has none; add [profiles.NAME] sections)",
            "（プロファイルは1つもありません。[profiles.NAME] の表を追加してください）",
        )
        .into()
    } else {
        let names: Vec<&str> = cfg.profiles.keys().map(String::as_str).collect();
        match ui() {
            Lang::En => format!(" (known: {})", names.join(", ")),
            Lang::Ja => format!("（あるもの: {}）", names.join("、")),
        }
    }
}

/// A client for one selected account. The second value is why a configured
/// key cannot be used (the client then has no key and only public calls work).
pub fn client(
    cfg: &Config,
    net: &Net,
    sel: &Selector,
) -> Result<(BinanceClient, Option<String>), SelectError> {
    let one = Selector {
        all_profiles: false,
        ..sel.clone()
    };
    let target = targets(cfg, &one)?.pop().ok_or_else(|| {
        SelectError(
            ui_tr(
                "no Binance account selected",
                "Binanceのアカウントが選ばれていません",
            )
            .into(),
        )
    })?;
    let (creds, unusable) = match target.creds {
        Ok(c) => (c, None),
        Err(e) => (None, Some(e)),
    };
    Ok((
        BinanceClient::new(net.clone(), target.base, creds),
        unusable,
    ))
}
