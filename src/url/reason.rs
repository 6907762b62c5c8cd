//! Why a verdict is what it is, as values: each `Reason` names one sentence
//! of the catalogue (`url-reason-…` in src/i18n/*.ftl) and holds its
//! arguments. The engine never makes the sentence; the edge does
//! (cmd/url/render.rs), in the reader's language.
//!
//! Every argument is text already bounded for display (`verdict::q`); those
//! taken from the knowledge file are borrowed, so a reason costs at most one
//! small copy per argument that comes from the link itself.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

/// Most arguments one reason has.
pub const MAX_ARGS: usize = 2;

/// An argument: borrowed from the knowledge file, or copied from the link.
pub type Arg = Cow<'static, str>;

macro_rules! reasons {
    ($( $(#[$doc:meta])* $variant:ident { $($field:ident),* } => $id:literal, )+) => {
        /// One reason, with the data its sentence names.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "reason", rename_all = "snake_case")]
        pub enum Reason {
            $( $(#[$doc])* $variant { $($field: Arg),* }, )+
        }

        /// A reason without its data: which sentence it is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ReasonKind {
            $( $variant, )+
        }

        impl ReasonKind {
            pub const ALL: &'static [ReasonKind] = &[$(ReasonKind::$variant),+];

            /// The catalogue id of the sentence.
            pub fn id(self) -> &'static str {
                match self {
                    $( ReasonKind::$variant => $id, )+
                }
            }

            /// The names of the sentence's variables, in `Reason::values` order.
            pub fn arg_names(self) -> &'static [&'static str] {
                match self {
                    $( ReasonKind::$variant => &[$(stringify!($field)),*], )+
                }
            }
        }

        impl Reason {
            pub fn kind(&self) -> ReasonKind {
                match self {
                    $( Reason::$variant { .. } => ReasonKind::$variant, )+
                }
            }

            /// The argument values, in `ReasonKind::arg_names` order (the
            /// rest empty).
            #[allow(unused_mut, unused_assignments, unused_variables)]
            pub fn values(&self) -> [&str; MAX_ARGS] {
                let mut out = [""; MAX_ARGS];
                let mut i = 0;
                match self {
                    $( Reason::$variant { $($field),* } => {
                        $( out[i] = $field.as_ref(); i += 1; )*
                    } )+
                }
                out
            }
        }
    };
}

reasons! {
    // What the verdict is.
    /// An official Binance account on a platform.
    OfficialChannel { site } => "url-reason-official-channel",
    /// A BNB Chain site: genuine, but not the exchange.
    Affiliated { host, site } => "url-reason-affiliated",
    Genuine { host, site } => "url-reason-genuine",
    Imitates { owner, domain } => "url-reason-imitates",
    CannotVerify {} => "url-reason-cannot-verify",
    Unrelated { host } => "url-reason-unrelated",
    Invalid {} => "url-reason-invalid",

    // One per technique or risk sign found.
    Omission { name, brand } => "url-reason-omission",
    Insertion { name, brand } => "url-reason-insertion",
    Repetition { name, brand } => "url-reason-repetition",
    Replacement { name, brand } => "url-reason-replacement",
    Transposition { name, brand } => "url-reason-transposition",
    VowelSwap { name, brand } => "url-reason-vowel-swap",
    Bitsquatting { name, brand } => "url-reason-bitsquatting",
    /// Look-alike characters that a browser maps onto the genuine host.
    HomoglyphDecodes { host } => "url-reason-homoglyph-decodes",
    Homoglyph { name, brand } => "url-reason-homoglyph",
    MixedScript {} => "url-reason-mixed-script",
    Hyphenation { name, brand } => "url-reason-hyphenation",
    DotRemoved { name, domain } => "url-reason-dot-removed",
    DotMoved { name, site } => "url-reason-dot-moved",
    Combosquat { name, brand } => "url-reason-combosquat",
    TldSwap { site, domain } => "url-reason-tld-swap",
    BrandSubdomain { site } => "url-reason-brand-subdomain",
    BrandInPath { site } => "url-reason-brand-in-path",
    /// An e-mail address whose mailbox name uses the brand.
    UserinfoMailbox { user, site } => "url-reason-userinfo-mailbox",
    Userinfo { user, host } => "url-reason-userinfo",
    PercentEncodedHost {} => "url-reason-percent-encoded-host",
    IpHost { host } => "url-reason-ip-host",
    Shortener { site } => "url-reason-shortener",
    MessengerImpersonation { platform, name } => "url-reason-messenger-impersonation",
    UnverifiedChannel { platform, name } => "url-reason-unverified-channel",
    FreeHosting { hosting } => "url-reason-free-hosting",
    IpfsGateway {} => "url-reason-ipfs-gateway",
    InsecureScheme {} => "url-reason-insecure-scheme",
    NonDefaultPort { port } => "url-reason-non-default-port",
    DataUrl {} => "url-reason-data-url",
    JavascriptUrl {} => "url-reason-javascript-url",
    Transliteration { name, brand } => "url-reason-transliteration",
    Redirect { host } => "url-reason-redirect",
    LinkTextMismatch {} => "url-reason-link-text-mismatch",
    UnverifiedDomain { domain } => "url-reason-unverified-domain",

    // Facts that are not risk signs but change what to tell.
    MappedGenuine { host } => "url-reason-mapped-genuine",
    UserContent { host } => "url-reason-user-content",
    SeparateExchange {} => "url-reason-separate-exchange",
    /// A genuine domain whose evidence is third-party only.
    UncertainEvidence { domain, entity } => "url-reason-uncertain-evidence",
    EmailAddress {} => "url-reason-email-address",

    // A whole message (`--extract`).
    /// The link's visible text shows another address than it goes to.
    DisguisedLink { shown, dest } => "url-reason-disguised-link",
    /// Another link of the same message is disguised.
    DisguisedMessage { shown } => "url-reason-disguised-message",
    DeepNesting {} => "url-reason-deep-nesting",
    TooLarge {} => "url-reason-too-large",
}

impl Reason {
    /// The sentence not yet made, for an edge that renders `Msg`s.
    pub fn msg(&self) -> Msg {
        let kind = self.kind();
        let mut m = Msg::new(kind.id());
        for (name, value) in kind.arg_names().iter().zip(self.values()) {
            m = m.arg(name, value);
        }
        m
    }
}

/// An argument copied from the link (already bounded by `verdict::q`).
pub(crate) fn own(s: Cow<'_, str>) -> Arg {
    Cow::Owned(s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_follow_the_names() {
        let r = Reason::Userinfo {
            user: "a".into(),
            host: "b".into(),
        };
        assert_eq!(r.kind().arg_names(), ["user", "host"]);
        assert_eq!(r.values(), ["a", "b"]);
        assert_eq!(Reason::Invalid {}.values(), ["", ""]);
        let m = r.msg();
        assert_eq!(m.id(), Some("url-reason-userinfo"));
        assert!(m.get("host").is_some());
    }

    #[test]
    fn every_kind_has_its_own_id() {
        let mut ids: Vec<_> = ReasonKind::ALL.iter().map(|k| k.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ReasonKind::ALL.len());
        assert!(
            ReasonKind::ALL
                .iter()
                .all(|k| k.arg_names().len() <= MAX_ARGS)
        );
    }
}
