//! Which account, which key, which client: one answer shared by `audit`,
//! `status`, `incident` and `address`, so a profile or an API URL means the
//! same thing in every command.

use std::ffi::OsString;

use url::Url;

use crate::collect::binance::{self, BinanceClient, Credentials};
use crate::config::{Config, Profile};
use crate::i18n::Msg;
use crate::net::{BaseUrlError, Net};
use crate::region::{self, Region};

/// What the user selected: `--api-url`, `--region`, `--profile`, `--all-profiles`.
#[derive(Clone, Debug, Default)]
pub struct Selector {
    pub api_url: Option<String>,
    /// `--region` or BINANCE_AUDIT_REGION: over every profile's own region.
    pub region: Option<String>,
    pub profile: Option<String>,
    pub all_profiles: bool,
}

impl Selector {
    /// One account: `profile`, or the default one, at `api_url` if given
    /// (status, incident and address work on one account at a time).
    pub fn one(api_url: Option<&str>, profile: Option<&str>) -> Selector {
        Selector {
            api_url: api_url.map(str::to_string),
            region: None,
            profile: profile.map(str::to_string),
            all_profiles: false,
        }
    }

    pub fn with_region(mut self, region: Option<&str>) -> Selector {
        self.region = region.map(str::to_string);
        self
    }
}

/// One account: the default profile (`name` None) or a named one.
pub struct Target {
    pub name: Option<String>,
    pub base: Url,
    pub region: &'static Region,
    /// The base is the region's own (no `--api-url`, no `api_url` in the config).
    pub base_from_region: bool,
    /// `Ok(None)`: no key configured; `Err`: configured but unusable.
    pub creds: Result<Option<Credentials>, String>,
}

/// A selection that names no account that exists, or a bad base URL: the
/// user's to fix before anything runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectError {
    BaseUrl(BaseUrlError),
    /// `region = "…"` in the config names no region of rules/regions.toml.
    NoRegion {
        name: String,
        known: Vec<String>,
    },
    /// `--profile NAME` names none of `known`.
    NoProfile {
        name: String,
        known: Vec<String>,
    },
    /// `--all-profiles` with no `[profiles.NAME]` section.
    NoProfiles,
    NoAccount,
    /// A key or secret that cannot be a Binance one (`CredsError::is_shape`).
    Creds(crate::collect::binance::creds::CredsError),
}

impl SelectError {
    pub fn msg(&self) -> Msg {
        use crate::msg;
        match self {
            SelectError::BaseUrl(e) => e.msg(),
            SelectError::NoRegion { name, known } => msg!(
                "binance-region-unknown",
                name = format!("{name:?}"),
                known = list(known)
            ),
            SelectError::NoProfile { name, known } => {
                let known = if known.is_empty() {
                    msg!("account-no-profile-none")
                } else {
                    msg!("account-no-profile-known", names = list(known))
                };
                msg!(
                    "account-no-profile",
                    name = format!("{name:?}"),
                    known = known
                )
            }
            SelectError::NoProfiles => msg!("account-no-profiles"),
            SelectError::NoAccount => msg!("account-none-selected"),
            SelectError::Creds(e) => e.msg(),
        }
    }
}

/// Names as a list in running text, joined as the reader's language joins
/// them (the separator is the catalogue's).
fn list(names: &[String]) -> Msg {
    let mut m = Msg::verbatim(names.first().cloned().unwrap_or_default());
    for n in names.iter().skip(1) {
        m = crate::msg!("account-list-more", list = m, name = n);
    }
    m
}

/// In the diagnostics language: a bridge for the commands that still keep
/// it as text (`cmd::error::usage`); they can render `msg()` in their own.
impl std::fmt::Display for SelectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().render(crate::i18n::ui()))
    }
}

impl std::error::Error for SelectError {}

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
        // Flag or BINANCE_AUDIT_REGION, then the profile, then [binance], then global.
        let region_id = sel
            .region
            .clone()
            .filter(|r| !r.is_empty())
            .or_else(|| p.region.clone())
            .or_else(|| cfg.binance.region.clone());
        let region = match &region_id {
            Some(id) => region::find(id).ok_or_else(|| SelectError::NoRegion {
                name: id.clone(),
                known: region::ids().into_iter().map(str::to_string).collect(),
            })?,
            None => region::default(),
        };
        // Flag or BINANCE_API_URL, then the profile, then [binance], then the
        // region's base (Binance's own for global).
        let chosen = sel
            .api_url
            .clone()
            .filter(|u| !u.is_empty())
            .or_else(|| p.api_url.clone())
            .or_else(|| cfg.binance.api_url.clone());
        let base_from_region = chosen.is_none();
        let raw = chosen.unwrap_or_else(|| {
            if region.is_default() {
                binance::DEFAULT_BASE.to_string()
            } else {
                region.api_base.value.clone()
            }
        });
        let base = crate::net::parse_base_url(&raw, "Binance API").map_err(SelectError::BaseUrl)?;
        let creds = match Credentials::for_profile(name, p, env) {
            Err(e) if e.is_shape() => return Err(SelectError::Creds(e)),
            c => c.map_err(|e| e.msg().render(crate::i18n::ui())),
        };
        Ok(Target {
            name: name.map(str::to_string),
            base,
            region,
            base_from_region,
            creds,
        })
    };
    if let Some(name) = &sel.profile {
        return match cfg.profiles.get(name) {
            Some(p) => Ok(vec![make(Some(name), p)?]),
            None if name == "default" => Ok(vec![make(None, &cfg.binance)?]),
            None => Err(SelectError::NoProfile {
                name: name.clone(),
                known: cfg.profiles.keys().cloned().collect(),
            }),
        };
    }
    if sel.all_profiles {
        if cfg.profiles.is_empty() {
            return Err(SelectError::NoProfiles);
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
    let target = targets(cfg, &one)?.pop().ok_or(SelectError::NoAccount)?;
    let (creds, unusable) = match target.creds {
        Ok(c) => (c, None),
        Err(e) => (None, Some(e)),
    };
    Ok((
        BinanceClient::new(net.clone(), target.base, creds).with_region(target.region),
        unusable,
    ))
}

/// Said once when a region's API host is used that no source establishes
/// (Binance Japan's): the user should know the tool is not sure of it.
pub fn region_note(t: &Target) -> Option<Msg> {
    (t.base_from_region && !t.region.api_base.certain).then(|| {
        crate::msg!(
            "binance-region-uncertain-base",
            region = t.region.name.clone(),
            base = t.region.api_base.value.clone()
        )
    })
}

/// The note for the one account `sel` selects, if any.
pub fn selected_note(cfg: &Config, sel: &Selector) -> Option<Msg> {
    targets(cfg, sel).ok()?.first().and_then(region_note)
}

/// The notes for several targets, each said once.
pub fn region_notes(targets: &[Target]) -> Vec<Msg> {
    let mut out: Vec<Msg> = Vec::new();
    for m in targets.iter().filter_map(region_note) {
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn selection_errors_in_both_languages() {
        let none = SelectError::NoProfile {
            name: "work".into(),
            known: vec![],
        };
        assert_eq!(
            none.msg().render(Lang::En),
            "no profile \"work\" in the config (it has none; add [profiles.NAME] sections)"
        );
        assert_eq!(
            none.msg().render(Lang::Ja),
            "設定ファイルにプロファイル \"work\" がありません（プロファイルは1つもありません。[profiles.NAME] の表を追加してください）"
        );
        let some = SelectError::NoProfile {
            name: "x".into(),
            known: vec!["a".into(), "b".into(), "c".into()],
        };
        assert_eq!(
            some.msg().render(Lang::En),
            "no profile \"x\" in the config (known: a, b, c)"
        );
        assert_eq!(
            some.msg().render(Lang::Ja),
            "設定ファイルにプロファイル \"x\" がありません（あるもの：a、b、c）"
        );
        assert_eq!(
            SelectError::NoAccount.msg().render(Lang::Ja),
            "Binanceのアカウントが選ばれていません"
        );
        assert!(
            SelectError::NoProfiles
                .msg()
                .render(Lang::En)
                .starts_with("--all-profiles: the config has no [profiles.NAME] sections")
        );
    }
}
