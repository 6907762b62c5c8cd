//! Which Binance an account is at, loaded from `rules/regions.toml` (embedded
//! at build time): its web and API hosts, support links and which audit
//! endpoints it offers, each fact with its source and whether the sources
//! establish it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The embedded regions file.
pub const REGIONS_TOML: &str = include_str!("../rules/regions.toml");

/// One fact and what it rests on.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub value: String,
    pub source: String,
    #[serde(default = "yes")]
    pub certain: bool,
}

fn yes() -> bool {
    true
}

/// Whether a region's API offers an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Offer {
    Yes,
    No,
    Uncertain,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub default: bool,
    pub legal_name: Option<Fact>,
    pub web: Fact,
    pub api_base: Fact,
    pub web_domains: Vec<Fact>,
    pub migration: Option<Fact>,
    pub help_centre: Option<Fact>,
    pub support: Option<Fact>,
    pub app_support_path: Option<Fact>,
    pub verify: Option<Fact>,
    /// Path prefix → offer; the longest matching prefix decides.
    pub endpoints: BTreeMap<String, Offer>,
}

impl Region {
    /// What the region offers at `path` (`Uncertain` when no prefix matches).
    pub fn offers(&self, path: &str) -> Offer {
        self.endpoints
            .iter()
            .filter(|(p, _)| path.starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .map_or(Offer::Uncertain, |(_, o)| *o)
    }

    pub fn is_default(&self) -> bool {
        self.default
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    schema_version: u32,
    region: Vec<Region>,
}

/// Why a regions file was refused: a file of this repository checked by
/// unit tests, so these are for its maintainers, in English.
#[derive(Debug, thiserror::Error)]
pub enum RegionsError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("unsupported schema_version {0}")]
    Schema(u32),
    #[error("exactly one region must have default = true")]
    Default,
    #[error("region {0:?} is listed twice or its id is not lowercase ASCII")]
    BadId(String),
    #[error("region {region:?}: {field} has no source")]
    NoSource { region: String, field: String },
    #[error("region {region:?}: {field} {value:?} is not an https URL")]
    NotHttps {
        region: String,
        field: String,
        value: String,
    },
    #[error("region {0:?} names no web domain")]
    NoDomain(String),
}

pub fn load(text: &str) -> Result<Vec<Region>, RegionsError> {
    let file: File = toml::from_str(text)?;
    if file.schema_version != 1 {
        return Err(RegionsError::Schema(file.schema_version));
    }
    if file.region.iter().filter(|r| r.default).count() != 1 {
        return Err(RegionsError::Default);
    }
    for (i, r) in file.region.iter().enumerate() {
        if r.id.is_empty()
            || !r
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            || file.region[..i].iter().any(|o| o.id == r.id)
        {
            return Err(RegionsError::BadId(r.id.clone()));
        }
        if r.web_domains.is_empty() {
            return Err(RegionsError::NoDomain(r.id.clone()));
        }
        let mut facts: Vec<(&str, &Fact)> = vec![("web", &r.web), ("api_base", &r.api_base)];
        facts.extend(r.web_domains.iter().map(|f| ("web_domains", f)));
        for (name, f) in [
            ("legal_name", &r.legal_name),
            ("migration", &r.migration),
            ("help_centre", &r.help_centre),
            ("support", &r.support),
            ("app_support_path", &r.app_support_path),
            ("verify", &r.verify),
        ] {
            if let Some(f) = f {
                facts.push((name, f));
            }
        }
        for (field, f) in facts {
            if f.source.trim().is_empty() || f.value.trim().is_empty() {
                return Err(RegionsError::NoSource {
                    region: r.id.clone(),
                    field: field.into(),
                });
            }
        }
        for (field, f) in [("web", &r.web), ("api_base", &r.api_base)] {
            if !f.value.starts_with("https://") {
                return Err(RegionsError::NotHttps {
                    region: r.id.clone(),
                    field: field.into(),
                    value: f.value.clone(),
                });
            }
        }
    }
    Ok(file.region)
}

/// The embedded regions, parsed on first use.
pub fn all() -> &'static [Region] {
    static R: OnceLock<Vec<Region>> = OnceLock::new();
    // Covered by unit tests: a parse failure is a build defect.
    R.get_or_init(|| match load(REGIONS_TOML) {
        Ok(r) => r,
        Err(e) => panic!("rules/regions.toml is invalid: {e}"),
    })
}

/// The region named `id` (case-insensitive).
pub fn find(id: &str) -> Option<&'static Region> {
    let id = id.trim();
    all().iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

pub fn default() -> &'static Region {
    all().iter().find(|r| r.default).unwrap_or(&all()[0])
}

/// The ids, in the file's order ("global, jp").
pub fn ids() -> Vec<&'static str> {
    all().iter().map(|r| r.id.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_regions_load() {
        assert_eq!(ids(), ["global", "jp"]);
        assert_eq!(default().id, "global");
        assert_eq!(default().api_base.value, "https://api.binance.com");
        let jp = find("JP").unwrap();
        assert_eq!(jp.name, "Binance Japan");
        // What the sources do not establish is marked so.
        assert!(!jp.api_base.certain);
        assert_eq!(jp.offers("/sapi/v1/account/status"), Offer::Uncertain);
        assert_eq!(default().offers("/sapi/v1/account/status"), Offer::Yes);
        assert!(
            jp.web_domains
                .iter()
                .any(|d| d.value == "binance.co.jp" && !d.certain)
        );
        assert!(jp.legal_name.as_ref().unwrap().value.contains("第00031号"));
        for r in all() {
            assert!(r.web_domains.iter().all(|d| !d.source.is_empty()));
        }
    }

    #[test]
    fn bad_files_are_refused() {
        assert!(load("schema_version = 1\nregion = []").is_err());
        let two = REGIONS_TOML.replace("id = \"jp\"", "id = \"global\"");
        assert!(matches!(load(&two), Err(RegionsError::BadId(_))));
        let no_src = REGIONS_TOML.replace(
            "source = \"https://www.binance.com/ja/terms\" }",
            "source = \" \" }",
        );
        assert!(matches!(load(&no_src), Err(RegionsError::NoSource { .. })));
        let http = REGIONS_TOML.replace("\"https://api.binance.co.jp\"", "\"http://x\"");
        assert!(matches!(load(&http), Err(RegionsError::NotHttps { .. })));
        let bad = REGIONS_TOML.replace("\"/sapi/\" = \"uncertain\"", "\"/sapi/\" = \"maybe\"");
        assert!(load(&bad).is_err());
        let two_defaults =
            REGIONS_TOML.replace("name = \"Binance Japan\"", "name = \"x\"\ndefault = true");
        assert!(matches!(load(&two_defaults), Err(RegionsError::Default)));
    }
}
