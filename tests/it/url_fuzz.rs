//! Property tests: the analyser and the extractor accept anything without
//! panicking, and always give a verdict that agrees with the fast path.

use binance_audit::i18n::Lang;
use binance_audit::url::extract::extract_links;
use binance_audit::url::{Analyser, VerdictKind, analyse};
use proptest::prelude::*;

fn consistent(input: &str) {
    let v = analyse(input);
    let mut analyser = Analyser::new();
    let fast = analyser.check(input);
    assert_eq!(
        fast,
        analyser.check_without_shortcut(input),
        "shortcut changed {input:?}"
    );
    assert_eq!(v.verdict, fast.verdict, "{input:?}");
    assert_eq!(v.techniques, fast.techniques.to_vec(), "{input:?}");
    assert!(!v.reasons.is_empty(), "{input:?}");
    assert!(
        v.reasons
            .iter()
            .map(|r| r.msg())
            .all(|m| !m.render(Lang::En).is_empty() && !m.render(Lang::Ja).is_empty())
    );
    if v.verdict == VerdictKind::Phishing {
        assert!(
            v.impersonates.is_some(),
            "phishing without a target: {input:?}"
        );
    }
    if v.verdict == VerdictKind::Official {
        assert!(v.impersonates.is_none(), "{input:?}");
    }
    serde_json::to_string(&v).unwrap();
}

/// URL-shaped strings that reach the interesting parts of the parser.
fn urlish() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        Just(""),
        Just("https://"),
        Just("http://"),
        Just("HTTPS://"),
        Just("hxxps://"),
        Just("data:"),
        Just("javascript:"),
        Just("mailto:"),
        Just("ftp://"),
        Just("wss://"),
        Just("x://"),
        Just("https:\\\\"),
    ];
    let userinfo = prop_oneof![Just(String::new()), "[a-z0-9.%:]{0,12}@".prop_map(|s| s)];
    let host = prop_oneof![
        "[a-z0-9-]{0,12}(\\.[a-z0-9-]{0,10}){0,3}",
        "(www\\.)?b[i1lı][nň]a[nñ]c[eе](-[a-z]{2,6})?\\.(com|co\\.com|us|xyz|github\\.io)",
        "xn--[a-z0-9-]{0,12}\\.com",
        "[0-9x.]{1,20}",
        "\\[[0-9a-f:]{0,20}\\]",
        "%[0-9A-Fa-f]{0,2}[a-z%0-9]{0,10}\\.com",
        "[ -~]{0,16}",
        "\\PC{0,12}",
    ];
    let port = prop_oneof![Just(String::new()), ":[0-9]{0,6}".prop_map(|s| s)];
    let rest = prop_oneof![
        Just(String::new()),
        "[/?#][ -~]{0,40}".prop_map(|s| s),
        "/\\PC{0,20}".prop_map(|s| s)
    ];
    (scheme, userinfo, host, port, rest).prop_map(|(s, u, h, p, r)| format!("{s}{u}{h}{p}{r}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn any_string(s in "\\PC{0,120}") {
        consistent(&s);
    }

    #[test]
    fn any_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        consistent(&String::from_utf8_lossy(&b));
    }

    #[test]
    fn url_shaped(s in urlish()) {
        consistent(&s);
    }

    #[test]
    fn extractor_takes_anything(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        for link in extract_links(&b) {
            consistent(&link);
        }
    }

    #[test]
    fn extractor_on_mail_shaped_input(
        subject in "\\PC{0,40}",
        body in "[ -~\\n=]{0,200}",
        enc in prop_oneof![Just("base64"), Just("quoted-printable"), Just("8bit")],
        ctype in prop_oneof![Just("text/plain"), Just("text/html"), Just("multipart/mixed; boundary=\"x\"")],
    ) {
        let mail = format!(
            "From: a@b.example\r\nSubject: =?utf-8?B?{subject}?=\r\nContent-Type: {ctype}\r\nContent-Transfer-Encoding: {enc}\r\n\r\n--x\r\n{body}\r\n--x--\r\n"
        );
        for link in extract_links(mail.as_bytes()) {
            consistent(&link);
        }
    }
}

#[test]
fn long_and_hostile_lines() {
    for s in [
        "a".repeat(100 * 1024),
        format!("https://{}.com/", "a".repeat(70)),
        format!("https://{}", "a.".repeat(200)),
        format!("https://binance.com/{}", "%".repeat(50_000)),
        format!("https://{}binance.com", "xn--".repeat(30)),
        "https://".repeat(5000),
        "@".repeat(10_000),
        "[.]".repeat(10_000),
        format!("data:text/html;base64,{}", "QUJD".repeat(30_000)),
        "\u{0}\u{1}\u{2}https://binance.com".to_string(),
        "https://b\u{301}\u{301}\u{301}inance.com".to_string(),
        "https://\u{fe0f}\u{200d}binance.com".to_string(),
    ] {
        consistent(&s);
    }
}
