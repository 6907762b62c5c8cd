//! Verdicts for everything found in one message (`--extract`): a link whose
//! visible text shows another address is one phishing verdict naming the
//! mismatch, and once a message disguises a link nothing in it is called
//! official; parts that could not be read are reported as not checked.

use super::assess::Analyser;
use super::extract::{Extraction, Unchecked};
use super::reason::{Reason, own};
use super::technique::Technique;
use super::verdict::{Verdict, VerdictKind};

use super::verdict::q;

/// One verdict per link, in order, then one per part left unexamined.
pub fn judge(an: &mut Analyser, ex: &Extraction) -> Vec<Verdict> {
    let mut out = Vec::with_capacity(ex.links.len() + ex.unchecked.len());
    let mut disguised: Option<String> = None;
    for link in &ex.links {
        let mut v = an.analyse(&link.url);
        if let Some(shown) = &link.shown
            && v.verdict != VerdictKind::Invalid
        {
            let pretended = an.analyse(shown);
            let dest = v
                .host
                .as_ref()
                .map(|h| h.unicode.clone())
                .unwrap_or_else(|| link.url.clone());
            v.verdict = VerdictKind::Phishing;
            if !v.techniques.contains(&Technique::LinkTextMismatch) {
                v.techniques.push(Technique::LinkTextMismatch);
                v.techniques.sort();
            }
            if v.impersonates.is_none() && pretended.impersonates.is_some() {
                v.impersonates = pretended.impersonates.clone();
                v.imitated_brand = pretended.imitated_brand.clone();
            }
            if v.impersonates.is_none()
                && pretended.verdict == VerdictKind::Official
                && let Some(h) = &pretended.registrable_domain
            {
                v.impersonates = Some(h.clone());
                v.imitated_brand = Some("Binance".into());
            }
            let (sh, de) = (q(shown), q(&dest));
            let head = Reason::DisguisedLink {
                shown: own(sh.clone()),
                dest: own(de),
            };
            if !v.reasons.is_empty() {
                v.reasons.remove(0);
            }
            v.reasons.insert(0, head);
            disguised.get_or_insert(sh.into_owned());
        }
        out.push(v);
    }
    if let Some(sh) = disguised {
        for v in &mut out {
            if v.verdict == VerdictKind::Official {
                v.verdict = VerdictKind::Suspicious;
                v.reasons.insert(
                    0,
                    Reason::DisguisedMessage {
                        shown: sh.clone().into(),
                    },
                );
            }
        }
    }
    for u in &ex.unchecked {
        let reason = match u {
            Unchecked::DeepNesting => Reason::DeepNesting {},
            Unchecked::TooLarge => Reason::TooLarge {},
        };
        out.push(Verdict {
            // The edge names the part where a link would be shown.
            input: String::new(),
            verdict: VerdictKind::Suspicious,
            techniques: Vec::new(),
            impersonates: None,
            imitated_brand: None,
            host: None,
            registrable_domain: None,
            reasons: vec![reason],
            unexamined: Some(*u),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::extract::extract;

    #[test]
    fn anchor_mismatch_is_one_phishing_verdict_and_nothing_is_official() {
        let html =
            br#"<html><body><a href="https://elsewhere.example/x">https://www.binance.com/</a>
            <p>Visit https://www.binance.com/en/support too.</p></body></html>"#;
        let vs = judge(&mut Analyser::new(), &extract(html));
        assert_eq!(vs[0].verdict, VerdictKind::Phishing);
        assert!(vs[0].techniques.contains(&Technique::LinkTextMismatch));
        assert_eq!(vs[0].impersonates.as_deref(), Some("binance.com"));
        assert!(
            vs.iter().all(|v| v.verdict != VerdictKind::Official),
            "{vs:?}"
        );
        assert!(
            !vs.iter().any(|v| v.input == "https://www.binance.com/"),
            "{vs:?}"
        );
    }
}
