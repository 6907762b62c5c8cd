//! The named impersonation techniques and risk signs, kept in a bit set so that
//! the hot path records them without allocating.

use serde::{Deserialize, Serialize};

macro_rules! techniques {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        /// One technique or risk sign. Serialized in snake_case.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Technique {
            $($variant),+
        }

        impl Technique {
            pub const ALL: &'static [Technique] = &[$(Technique::$variant),+];

            pub fn name(self) -> &'static str {
                match self {
                    $(Technique::$variant => $name),+
                }
            }
        }
    };
}

techniques! {
    Omission => "omission",
    Insertion => "insertion",
    Repetition => "repetition",
    Replacement => "replacement",
    Transposition => "transposition",
    VowelSwap => "vowel_swap",
    Bitsquatting => "bitsquatting",
    Homoglyph => "homoglyph",
    MixedScript => "mixed_script",
    Hyphenation => "hyphenation",
    DotRemoved => "dot_removed",
    DotMoved => "dot_moved",
    Combosquat => "combosquat",
    TldSwap => "tld_swap",
    BrandSubdomain => "brand_subdomain",
    BrandInPath => "brand_in_path",
    Userinfo => "userinfo",
    PercentEncodedHost => "percent_encoded_host",
    IpHost => "ip_host",
    Shortener => "shortener",
    MessengerImpersonation => "messenger_impersonation",
    UnverifiedChannel => "unverified_channel",
    FreeHosting => "free_hosting",
    IpfsGateway => "ipfs_gateway",
    InsecureScheme => "insecure_scheme",
    NonDefaultPort => "non_default_port",
    DataUrl => "data_url",
    JavascriptUrl => "javascript_url",
    UnverifiedDomain => "unverified_domain",
    Transliteration => "transliteration",
    Redirect => "redirect",
    LinkTextMismatch => "link_text_mismatch",
}

impl Technique {
    pub fn from_name(name: &str) -> Option<Technique> {
        Technique::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// Edits of the brand's own letters (typosquatting in the narrow sense).
    pub fn is_typo(self) -> bool {
        matches!(
            self,
            Technique::Omission
                | Technique::Insertion
                | Technique::Repetition
                | Technique::Replacement
                | Technique::Transposition
                | Technique::VowelSwap
                | Technique::Bitsquatting
                | Technique::Homoglyph
                | Technique::Hyphenation
                | Technique::DotRemoved
                | Technique::DotMoved
                | Technique::Transliteration
        )
    }
}

impl std::fmt::Display for Technique {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of techniques, listed in declaration order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TechSet(u64);

impl TechSet {
    pub const EMPTY: TechSet = TechSet(0);

    #[inline]
    pub fn with(self, t: Technique) -> TechSet {
        TechSet(self.0 | (1u64 << t as u32))
    }

    #[inline]
    pub fn insert(&mut self, t: Technique) {
        self.0 |= 1u64 << t as u32;
    }

    #[inline]
    pub fn remove(&mut self, t: Technique) {
        self.0 &= !(1u64 << t as u32);
    }

    #[inline]
    pub fn contains(self, t: Technique) -> bool {
        self.0 & (1u64 << t as u32) != 0
    }

    #[inline]
    pub fn union(self, other: TechSet) -> TechSet {
        TechSet(self.0 | other.0)
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn any_typo(self) -> bool {
        self.iter().any(Technique::is_typo)
    }

    pub fn iter(self) -> impl Iterator<Item = Technique> {
        Technique::ALL
            .iter()
            .copied()
            .filter(move |t| self.contains(*t))
    }

    pub fn to_vec(self) -> Vec<Technique> {
        self.iter().collect()
    }
}

impl FromIterator<Technique> for TechSet {
    fn from_iter<I: IntoIterator<Item = Technique>>(iter: I) -> Self {
        let mut s = TechSet::EMPTY;
        for t in iter {
            s.insert(t);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_fit_the_set() {
        assert!(Technique::ALL.len() <= 64);
        for t in Technique::ALL {
            assert_eq!(Technique::from_name(t.name()), Some(*t));
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.name()));
        }
        let s = TechSet::EMPTY
            .with(Technique::TldSwap)
            .with(Technique::Omission);
        assert_eq!(s.to_vec(), vec![Technique::Omission, Technique::TldSwap]);
    }
}
