//! The verdict as shown to people and programs, with its reasons as values
//! (`Reason`); the edge makes their sentences in the reader's language.

use serde::{Deserialize, Serialize};

use super::assess::{Assessment, Detail, Notes, split_host};
use super::domains::Knowledge;
use super::extract::Unchecked;
use super::parse::{HostKind, Parsed, Scheme};
use super::reason::{Arg, Reason, own};
use super::technique::Technique;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictKind {
    /// A genuine Binance host, https, default port.
    Official,
    /// Imitates Binance.
    Phishing,
    /// Cannot be verified and shows a risk sign.
    Suspicious,
    /// Nothing to do with Binance and no risk sign.
    #[default]
    Unrelated,
    /// Not a URL or host.
    Invalid,
}

impl VerdictKind {
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Official => "official",
            VerdictKind::Phishing => "phishing",
            VerdictKind::Suspicious => "suspicious",
            VerdictKind::Unrelated => "unrelated",
            VerdictKind::Invalid => "invalid",
        }
    }

    /// Order used to combine signs: the worst one wins.
    pub fn severity(self) -> u8 {
        match self {
            VerdictKind::Invalid => 0,
            VerdictKind::Unrelated => 1,
            VerdictKind::Official => 2,
            VerdictKind::Suspicious => 3,
            VerdictKind::Phishing => 4,
        }
    }

    /// Does this verdict make the command exit with 1?
    pub fn is_alarm(self) -> bool {
        matches!(self, VerdictKind::Phishing | VerdictKind::Suspicious)
    }
}

/// A host name in the form DNS uses and the form people read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostNames {
    pub ascii: String,
    pub unicode: String,
}

/// The full verdict for one input. `reasons` are values; cmd/url/render.rs
/// makes their sentences in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub input: String,
    pub verdict: VerdictKind,
    pub techniques: Vec<Technique>,
    /// The genuine domain imitated, if any.
    pub impersonates: Option<String>,
    /// Whose domain that is ("Binance", "BNB Chain").
    #[serde(default)]
    pub imitated_brand: Option<String>,
    pub host: Option<HostNames>,
    /// Registrable domain (Public Suffix List) of the host, if it has one.
    pub registrable_domain: Option<String>,
    pub reasons: Vec<Reason>,
    /// Set when this stands for a part of a message that was not examined
    /// (`--extract`) rather than for a link: the edge names the part where
    /// the input would be shown, and `input` is empty.
    #[serde(skip)]
    pub unexamined: Option<Unchecked>,
}

/// Quote user-controlled text for a reason: bounded and printable.
pub(crate) fn q(s: &str) -> std::borrow::Cow<'_, str> {
    // Host names are short printable ASCII nearly always: no copy for them.
    if s.len() <= 80 && s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(80)
        .collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

pub(crate) use crate::escape::is_bidi_control;

pub(crate) fn build_verdict(
    k: &'static Knowledge,
    input: &str,
    a: &Assessment,
    p: Option<&Parsed<'_>>,
    detail: &Detail,
) -> Verdict {
    let (host, registrable, suffix) = match p {
        Some(p) if !p.host.is_empty() => {
            let names = HostNames {
                ascii: p.host.to_string(),
                unicode: p.host_unicode.unwrap_or(p.host).to_string(),
            };
            let (reg, suffix) = if p.host_kind == HostKind::Domain {
                let (reg, suffix, _) = split_host(p.host);
                (Some(reg.to_string()), suffix)
            } else {
                (None, "")
            };
            (Some(names), reg, suffix)
        }
        _ => (None, None, ""),
    };
    let mut v = Verdict {
        input: input.to_string(),
        verdict: a.verdict,
        techniques: a.techniques.to_vec(),
        impersonates: a.impersonates.map(|i| k.domains[i].name.clone()),
        imitated_brand: a.impersonates.map(|i| k.domains[i].owner.clone()),
        host,
        registrable_domain: registrable,
        reasons: Vec::new(),
        unexamined: None,
    };
    v.reasons = reasons(k, a, p, detail, &v, suffix);
    v
}

fn reasons(
    k: &'static Knowledge,
    a: &Assessment,
    p: Option<&Parsed<'_>>,
    d: &Detail,
    v: &Verdict,
    suffix: &str,
) -> Vec<Reason> {
    use super::verdict::VerdictKind as V;
    use Reason as R;
    use Technique as T;
    let (host, reg) = (v.host.as_ref(), v.registrable_domain.as_deref());
    let mut out = Vec::new();
    let host_q = host.map(|h| q(&h.unicode)).unwrap_or_default();
    let reg_q = reg.map(q).unwrap_or_else(|| host_q.clone());
    // Each argument copied from the link is copied when a reason names it.
    let host_s = || own(host_q.clone());
    let reg_s = || own(reg_q.clone());
    let imitated: Arg = a
        .impersonates
        .map_or("", |i| k.domains[i].name.as_str())
        .into();
    let owner: Arg = a
        .impersonates
        .map_or("Binance", |i| k.domains[i].owner.as_str())
        .into();
    let brand: Arg = d
        .brand
        .map_or("binance", |b| k.brands[b].label.as_str())
        .into();
    let name = || own(q(&d.name));
    let platform: Arg = d
        .platform
        .map_or("", |i| k.platforms[i].name.as_str())
        .into();
    let genuine_or_reg = || -> Arg {
        match d.genuine {
            Some(g) => k.domains[g].name.as_str().into(),
            None => reg_s(),
        }
    };

    match a.verdict {
        V::Official => {
            if a.notes.has(Notes::OFFICIAL_CHANNEL) {
                out.push(R::OfficialChannel {
                    site: own(q(&reg_q)),
                });
            } else if a.notes.has(Notes::AFFILIATED) {
                out.push(R::Affiliated {
                    host: host_s(),
                    site: genuine_or_reg(),
                });
            } else {
                out.push(R::Genuine {
                    host: host_s(),
                    site: genuine_or_reg(),
                });
            }
        }
        V::Phishing => out.push(R::Imitates {
            owner: owner.clone(),
            domain: imitated.clone(),
        }),
        V::Suspicious => out.push(R::CannotVerify {}),
        V::Unrelated => out.push(R::Unrelated { host: host_s() }),
        V::Invalid => {
            out.push(R::Invalid {});
            return out;
        }
    }

    let typo = |t: T| {
        let (name, brand) = (name(), brand.clone());
        match t {
            T::Omission => R::Omission { name, brand },
            T::Insertion => R::Insertion { name, brand },
            T::Repetition => R::Repetition { name, brand },
            T::Replacement => R::Replacement { name, brand },
            T::Transposition => R::Transposition { name, brand },
            T::VowelSwap => R::VowelSwap { name, brand },
            T::Bitsquatting => R::Bitsquatting { name, brand },
            T::Hyphenation => R::Hyphenation { name, brand },
            T::Combosquat => R::Combosquat { name, brand },
            T::Transliteration => R::Transliteration { name, brand },
            _ => R::Homoglyph { name, brand },
        }
    };
    for tech in a.techniques.iter() {
        let r = match tech {
            T::Omission
            | T::Insertion
            | T::Repetition
            | T::Replacement
            | T::Transposition
            | T::VowelSwap
            | T::Bitsquatting
            | T::Hyphenation
            | T::Combosquat
            | T::Transliteration => typo(tech),
            T::Homoglyph => {
                if a.notes.has(Notes::DECODES_TO_GENUINE) {
                    R::HomoglyphDecodes { host: host_s() }
                } else {
                    typo(tech)
                }
            }
            T::MixedScript => R::MixedScript {},
            T::DotRemoved => R::DotRemoved {
                name: name(),
                domain: imitated.clone(),
            },
            T::DotMoved => R::DotMoved {
                name: name(),
                site: reg_s(),
            },
            T::TldSwap => R::TldSwap {
                site: reg_s(),
                domain: imitated.clone(),
            },
            T::BrandSubdomain => R::BrandSubdomain { site: reg_s() },
            T::BrandInPath => R::BrandInPath { site: reg_s() },
            T::Userinfo => {
                let user = own(p.map(|p| q(p.userinfo)).unwrap_or_default());
                if p.is_some_and(|p| p.scheme == Scheme::Email) {
                    R::UserinfoMailbox {
                        user,
                        site: reg_s(),
                    }
                } else {
                    R::Userinfo {
                        user,
                        host: host_s(),
                    }
                }
            }
            T::PercentEncodedHost => R::PercentEncodedHost {},
            T::IpHost => R::IpHost { host: host_s() },
            T::Shortener => R::Shortener { site: reg_s() },
            T::MessengerImpersonation => R::MessengerImpersonation {
                platform: platform.clone(),
                name: name(),
            },
            T::UnverifiedChannel => R::UnverifiedChannel {
                platform: platform.clone(),
                name: name(),
            },
            T::FreeHosting => R::FreeHosting {
                hosting: d.hosting.map_or_else(|| own(suffix.into()), q),
            },
            T::IpfsGateway => R::IpfsGateway {},
            T::InsecureScheme => R::InsecureScheme {},
            T::NonDefaultPort => R::NonDefaultPort {
                port: p
                    .and_then(|p| p.port)
                    .unwrap_or_default()
                    .to_string()
                    .into(),
            },
            T::DataUrl => R::DataUrl {},
            T::JavascriptUrl => R::JavascriptUrl {},
            T::Redirect => R::Redirect { host: host_s() },
            T::LinkTextMismatch => R::LinkTextMismatch {},
            T::UnverifiedDomain => R::UnverifiedDomain {
                domain: genuine_or_reg(),
            },
        };
        out.push(r);
    }

    if a.notes.has(Notes::MAPPED_GENUINE) && a.verdict == V::Official {
        out.push(R::MappedGenuine { host: host_s() });
    }
    if a.notes.has(Notes::USER_CONTENT) {
        out.push(R::UserContent { host: host_s() });
    }
    if a.notes.has(Notes::SEPARATE_EXCHANGE) {
        out.push(R::SeparateExchange {});
    }
    if a.notes.has(Notes::UNCERTAIN)
        && let Some(g) = d.genuine
    {
        let gd = &k.domains[g];
        out.push(R::UncertainEvidence {
            domain: gd.name.as_str().into(),
            entity: gd.entity.as_deref().unwrap_or(gd.owner.as_str()).into(),
        });
    }
    if a.notes.has(Notes::EMAIL_ADDRESS) {
        out.push(R::EmailAddress {});
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::url::analyse;

    #[test]
    fn reasons_exist_in_both_languages() {
        use crate::i18n::Lang;
        for s in [
            "https://binnance.com",
            "https://www.binance.com",
            "nonsense",
            "https://google.com",
            "http://binance.com:81@10.0.0.1/",
            "https://bit.ly/x",
        ] {
            let v = analyse(s);
            assert!(!v.reasons.is_empty(), "{s}");
            for r in &v.reasons {
                let m = r.msg();
                assert!(crate::i18n::has(m.id().unwrap_or_default()), "{s}");
                assert!(
                    !m.render(Lang::En).is_empty() && !m.render(Lang::Ja).is_empty(),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn verdict_serializes_with_host_forms() {
        let v = analyse("https://xn--bnance-p9a.com/login");
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j["verdict"], "phishing");
        assert_eq!(j["host"]["ascii"], "xn--bnance-p9a.com");
        assert_eq!(j["host"]["unicode"], "bınance.com");
        assert_eq!(j["impersonates"], "binance.com");
        assert!(
            j["techniques"]
                .as_array()
                .unwrap()
                .contains(&"homoglyph".into())
        );
    }
}
