//! Labelled corpus for `binance-audit url`: look-alikes generated from every
//! genuine Binance domain with every technique, hand-written real-world-style
//! phishing, genuine Binance URLs, and a large list of unrelated popular sites
//! (including words close to "binance" and news/wiki pages about Binance).
//!
//! Prints a precision/recall table per technique (`cargo test --test url_corpus
//! -- --nocapture`) and asserts the targets: recall ≥ 99 % on generated
//! look-alikes, no false positive on unrelated sites, every genuine URL official.
//!
//! The generator is independent of the analyser: it builds names from the
//! genuine domain list in rules/domains.toml and its own tables of edits and
//! look-alike characters, and labels each case with the technique(s) that
//! correctly describe it.

use std::collections::{BTreeMap, BTreeSet};

use binance_audit::url::{Analyser, Technique, VerdictKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    Phishing,
    /// phishing or suspicious
    Alarm,
    Suspicious,
    Official,
    Unrelated,
}

#[derive(Debug)]
struct Case {
    input: String,
    /// Generated technique (or "unrelated", "genuine", "real-world").
    category: &'static str,
    expect: Expect,
    /// Technique names that correctly describe the case; at least one must be reported.
    valid: BTreeSet<&'static str>,
    generated: bool,
}

#[derive(Default)]
struct Corpus {
    cases: Vec<Case>,
    seen: BTreeSet<String>,
}

/// Real words that are one or two edits from a brand: they are unrelated sites,
/// not look-alikes, and are tested as such below.
const REAL_WORDS: &[&str] = &[
    "finance", "finances", "financed", "balance", "bianca", "binnacle", "inane", "penance",
    "nuance", "binary",
];

struct Genuine {
    name: String,
    status: String,
    brand: bool,
}

fn genuine_domains() -> Vec<Genuine> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/domains.toml"))
        .unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    v["domain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Genuine {
            name: d["name"].as_str().unwrap().to_string(),
            status: d["status"].as_str().unwrap().to_string(),
            brand: d.get("brand").and_then(|b| b.as_bool()).unwrap_or(false),
        })
        .collect()
}

impl Corpus {
    fn add(
        &mut self,
        input: String,
        category: &'static str,
        expect: Expect,
        valid: &[&'static str],
        generated: bool,
    ) {
        if !self.seen.insert(input.clone()) {
            return;
        }
        let mut v: BTreeSet<&'static str> = valid.iter().copied().collect();
        if generated || category != "real-world" {
            v.insert(category);
        }
        v.retain(|t| Technique::from_name(t).is_some());
        self.cases.push(Case {
            input,
            category,
            expect,
            valid: v,
            generated,
        });
    }
}

const VOWELS: &[u8] = b"aeiouy";
const HOST_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn is_vowel(c: u8) -> bool {
    VOWELS.contains(&c)
}

/// ASCII look-alikes (and the common digit-for-letter swaps).
fn ascii_homoglyphs(c: u8) -> &'static [&'static str] {
    match c {
        b'i' => &["l", "1", "!"],
        b'l' => &["1", "i", "I"],
        b'o' => &["0"],
        b'm' => &["rn", "nn"],
        b'w' => &["vv"],
        b'd' => &["cl"],
        b'e' => &["3"],
        b'a' => &["4"],
        b's' => &["5"],
        b'b' => &["8"],
        _ => &[],
    }
}

/// Unicode look-alikes: Cyrillic, Greek, Armenian, Latin with marks, dotless i.
fn unicode_homoglyphs(c: u8) -> &'static [char] {
    match c {
        b'a' => &['а', 'ɑ', 'α', 'à', 'á', 'â', 'ä', 'ă', 'ą'],
        b'b' => &['ь', 'ḃ', 'ƅ', 'ḅ'],
        b'c' => &['с', 'ϲ', 'ç', 'ć', 'ċ'],
        b'e' => &['е', 'ė', 'é', 'è', 'ê', 'ë', 'ę', 'ҽ'],
        b'i' => &['і', 'ı', 'í', 'ì', 'î', 'ï', 'ɩ', 'ί'],
        b'n' => &['ո', 'ń', 'ñ', 'ņ', 'ṅ'],
        b's' => &['ѕ', 'ś', 'ş', 'ṡ'],
        b't' => &['ţ', 'ť', 'ṭ'],
        b'u' => &['υ', 'ս', 'ü', 'ú', 'ù', 'ū'],
        b'r' => &['г', 'ŕ', 'ř'],
        b'f' => &['ƒ', 'ḟ'],
        b'o' => &['о', 'ο', 'ö', 'ó'],
        b'd' => &['ԁ', 'ď'],
        _ => &[],
    }
}

/// Pairs of ASCII characters read alike (the generator's own table).
fn looks_like(a: u8, b: u8) -> bool {
    const PAIRS: &[(u8, u8)] = &[
        (b'b', b'8'),
        (b'e', b'3'),
        (b'i', b'1'),
        (b'i', b'l'),
        (b'l', b'1'),
        (b'o', b'0'),
        (b'a', b'4'),
        (b's', b'5'),
    ];
    PAIRS
        .iter()
        .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap()
            } else {
                c
            }
        })
        .collect()
}

const LURES: &[&str] = &[
    "login", "support", "verify", "kyc", "airdrop", "bonus", "wallet", "secure", "official",
    "help", "account", "security", "update", "claim", "reward", "gift", "recovery", "unlock",
    "withdraw", "app",
];
const OTHER_TLDS: &[&str] = &[
    "net", "org", "co", "cc", "io", "xyz", "top", "online", "site", "app", "co.com", "us.com",
    "com.de", "jp", "ru", "cn", "vip", "live", "pro", "shop", "club", "icu", "cm", "om", "con",
    "corn", "ink",
];
/// A dot inside the brand leaves pieces that are themselves edits of it.
const DOT_MOVED_ALSO: &[&str] = &[
    "omission",
    "insertion",
    "combosquat",
    "brand_subdomain",
    "tld_swap",
];
const EVIL: &[&str] = &[
    "secure-check.xyz",
    "account-update.top",
    "web-portal.online",
    "example-host.net",
    "mysite.ru",
];

fn generate(c: &mut Corpus) {
    let genuine = genuine_domains();
    let taken: BTreeSet<String> = genuine.iter().map(|g| g.name.clone()).collect();
    // A label made of real words ("finance-docs") is not a look-alike.
    let ok_label = |l: &str| !l.is_empty() && !l.split('-').any(|t| REAL_WORDS.contains(&t));

    for g in genuine.iter().filter(|g| g.status == "official") {
        let (label, suffix) = g.name.split_once('.').unwrap();
        let lb = label.as_bytes();
        let host_case =
            |c: &mut Corpus, new_label: String, tech: &'static str, valid: &[&'static str]| {
                let host = format!("{new_label}.{suffix}");
                if new_label == label || !ok_label(&new_label) || taken.contains(&host) {
                    return;
                }
                let mut v: Vec<&'static str> = valid.to_vec();
                if !g.brand {
                    // Not a brand of its own ("binance-docs" on github.io): the fake
                    // is a look-alike page on free hosting.
                    v.push("free_hosting");
                    v.push("combosquat");
                }
                c.add(format!("https://{host}/"), tech, Expect::Phishing, &v, true);
            };

        for i in 0..lb.len() {
            // omission
            let mut s = lb.to_vec();
            s.remove(i);
            host_case(
                c,
                String::from_utf8(s).unwrap(),
                "omission",
                &["repetition"],
            );
            // repetition
            let mut s = lb.to_vec();
            s.insert(i, lb[i]);
            host_case(
                c,
                String::from_utf8(s).unwrap(),
                "repetition",
                &["insertion"],
            );
            // transposition
            if i + 1 < lb.len() && lb[i] != lb[i + 1] && lb[i] != b'-' && lb[i + 1] != b'-' {
                let mut s = lb.to_vec();
                s.swap(i, i + 1);
                host_case(c, String::from_utf8(s).unwrap(), "transposition", &[]);
            }
            if lb[i] == b'-' {
                continue;
            }
            // replacement, vowel swap, bitsquatting
            for &r in HOST_CHARS {
                if r == lb[i] {
                    continue;
                }
                let mut s = lb.to_vec();
                s[i] = r;
                let mut valid = vec!["replacement"];
                let vowel = is_vowel(lb[i]) && is_vowel(r);
                let bit = (lb[i] ^ r).count_ones() == 1;
                if vowel {
                    valid.push("vowel_swap");
                }
                if bit {
                    valid.push("bitsquatting");
                }
                if ascii_homoglyphs(lb[i]).iter().any(|h| h.as_bytes() == [r])
                    || matches!(
                        (lb[i], r),
                        (b'i', b'l') | (b'l', b'i') | (b'i', b'1') | (b'l', b'1') | (b'o', b'0')
                    )
                {
                    valid.push("homoglyph");
                }
                let tech = if vowel {
                    "vowel_swap"
                } else if bit {
                    "bitsquatting"
                } else {
                    "replacement"
                };
                host_case(c, String::from_utf8(s).unwrap(), tech, &valid);
            }
            // ASCII homoglyphs
            for h in ascii_homoglyphs(lb[i]) {
                let s = format!(
                    "{}{}{}",
                    &label[..i],
                    h.to_ascii_lowercase(),
                    &label[i + 1..]
                );
                if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    host_case(
                        c,
                        s,
                        "homoglyph",
                        &["replacement", "insertion", "bitsquatting", "vowel_swap"],
                    );
                }
            }
            // Unicode homoglyphs, written as the user sees them.
            for &u in unicode_homoglyphs(lb[i]) {
                let s = format!("{}{}{}", &label[..i], u, &label[i + 1..]);
                host_case(c, s, "homoglyph", &["mixed_script", "replacement"]);
            }
        }
        // Every i (or l) replaced at once.
        for (from, to) in [
            ('i', "1"),
            ('i', "l"),
            ('i', "і"),
            ('a', "а"),
            ('e', "е"),
            ('c', "с"),
        ] {
            if label.matches(from).count() > 0 {
                host_case(c, label.replace(from, to), "homoglyph", &["mixed_script"]);
            }
        }
        // Insertions and hyphenation at every position.
        for i in 0..=lb.len() {
            for &r in b"abcdefghijklmnopqrstuvwxyz0123456789" {
                if (i > 0 && lb[i - 1] == r) || (i < lb.len() && lb[i] == r) {
                    continue; // that is a repetition
                }
                let mut s = lb.to_vec();
                s.insert(i, r);
                // Inserting a look-alike of a neighbour ("b8inance") doubles it.
                let near =
                    |j: Option<usize>| j.and_then(|j| lb.get(j)).is_some_and(|&n| looks_like(n, r));
                let valid: &[&'static str] = if near(i.checked_sub(1)) || near(Some(i)) {
                    &["repetition", "homoglyph"]
                } else {
                    &[]
                };
                host_case(c, String::from_utf8(s).unwrap(), "insertion", valid);
            }
            if i > 0 && i < lb.len() && lb[i] != b'-' && lb[i - 1] != b'-' {
                host_case(
                    c,
                    format!("{}-{}", &label[..i], &label[i..]),
                    "hyphenation",
                    &[],
                );
            }
        }

        if !g.brand {
            continue;
        }
        let suffix_flat = suffix.replace('.', "");
        // Fullwidth: browsers map these to ASCII (UTS 46), so the genuine label
        // opens the genuine host (official), a typo a fake one (phishing).
        c.add(
            format!("https://{}.{suffix}/", fullwidth(label)),
            "genuine",
            Expect::Official,
            &[],
            false,
        );
        c.add(
            format!("https://www.{}.{}/", fullwidth(label), fullwidth(suffix)),
            "genuine",
            Expect::Official,
            &[],
            false,
        );
        let typo = format!("{}{}", &label[..2], &label[1..]);
        c.add(
            format!("https://{}.{suffix}/", fullwidth(&typo)),
            "homoglyph",
            Expect::Phishing,
            &["repetition"],
            true,
        );

        // Dot removed or moved.
        for h in [
            format!("www{label}.{suffix}"),
            format!("{label}{suffix_flat}.com"),
            format!("{label}{suffix_flat}.net"),
            format!("www{label}{suffix_flat}.com"),
            format!("www.{label}{suffix_flat}.xyz"),
        ] {
            c.add(
                format!("https://{h}/"),
                "dot_removed",
                Expect::Phishing,
                &["combosquat"],
                true,
            );
        }
        for i in 1..lb.len() - 1 {
            let (a, b) = (&label[..i], &label[i..]);
            c.add(
                format!("https://{a}.{b}.{suffix}/"),
                "dot_moved",
                Expect::Phishing,
                DOT_MOVED_ALSO,
                true,
            );
            if b.len() >= 2 {
                c.add(
                    format!("https://{a}.{b}/"),
                    "dot_moved",
                    Expect::Phishing,
                    DOT_MOVED_ALSO,
                    true,
                );
            }
        }

        // Combosquatting: brand + lure, either order, with or without hyphen.
        for (n, lure) in LURES.iter().enumerate() {
            let tld = ["com", "net", "xyz", "online", "site", "top", "io", "org"][n % 8];
            for h in [
                format!("{label}-{lure}"),
                format!("{lure}-{label}"),
                format!("{label}{lure}"),
                format!("{lure}{label}"),
                format!("{label}-{lure}-{}", LURES[(n + 3) % LURES.len()]),
            ] {
                c.add(
                    format!("https://{h}.{tld}/"),
                    "combosquat",
                    Expect::Phishing,
                    &[],
                    true,
                );
            }
        }

        // TLD swap and fake second levels.
        for tld in OTHER_TLDS {
            let host = format!("{label}.{tld}");
            if taken.contains(&host) || *tld == suffix {
                continue;
            }
            c.add(
                format!("https://{host}/"),
                "tld_swap",
                Expect::Phishing,
                &[],
                true,
            );
            c.add(
                format!("https://www.{host}/en/login"),
                "tld_swap",
                Expect::Phishing,
                &[],
                true,
            );
        }

        // Brand as a subdomain of someone else's domain.
        for evil in EVIL {
            for h in [
                format!("{label}.{suffix}.{evil}"),
                format!("www.{label}.{suffix}.{evil}"),
                format!("{label}.{evil}"),
                format!("accounts.{label}.{suffix}.{evil}"),
                format!("{label}-{suffix_flat}.{evil}"),
            ] {
                c.add(
                    format!("https://{h}/login"),
                    "brand_subdomain",
                    Expect::Phishing,
                    &["hyphenation", "tld_swap"],
                    true,
                );
            }
        }

        // Brand in the path or query of another domain.
        for evil in EVIL {
            for (path, expect) in [
                (format!("/{label}.{suffix}/login"), Expect::Phishing),
                (format!("/{label}-login"), Expect::Phishing),
                (format!("/{label}/verify"), Expect::Phishing),
                (format!("/secure/{label}-kyc.html"), Expect::Phishing),
                (format!("/www.{label}.{suffix}/"), Expect::Alarm),
                (
                    format!("/?next=https://{label}.{suffix}/login"),
                    Expect::Phishing,
                ),
            ] {
                c.add(
                    format!("https://{evil}{path}"),
                    "brand_in_path",
                    expect,
                    &[],
                    true,
                );
            }
        }

        // Userinfo tricks.
        for evil in EVIL {
            for u in [
                format!("{label}.{suffix}"),
                format!("www.{label}.{suffix}"),
                format!("www.{label}.{suffix}:443"),
                format!("accounts.{label}.{suffix}%2Flogin"),
            ] {
                c.add(
                    format!("https://{u}@{evil}/"),
                    "userinfo",
                    Expect::Phishing,
                    &[],
                    true,
                );
            }
        }
        c.add(
            format!("http://{label}.{suffix}@192.168.10.20/"),
            "userinfo",
            Expect::Phishing,
            &["ip_host", "insecure_scheme"],
            true,
        );

        // Percent-encoded hosts.
        let enc = |s: &str| s.bytes().map(|b| format!("%{b:02X}")).collect::<String>();
        let enc_first = |s: &str| format!("%{:02X}{}", s.as_bytes()[0], &s[1..]);
        c.add(
            format!("https://{}.{suffix}/", enc_first(label)),
            "percent_encoded_host",
            Expect::Alarm,
            &[],
            true,
        );
        c.add(
            format!("https://{}/", enc(&format!("{label}-login.com"))),
            "percent_encoded_host",
            Expect::Phishing,
            &["combosquat"],
            true,
        );
        c.add(
            format!("https://{}-verify.net/", enc_first(label)),
            "percent_encoded_host",
            Expect::Phishing,
            &["combosquat"],
            true,
        );

        // Free hosting and IPFS carrying the brand.
        for h in [
            format!("https://{label}-login.web.app/"),
            format!("https://{label}.netlify.app/"),
            format!("https://{label}-verify.vercel.app/"),
            format!("https://{label}-support.github.io/"),
            format!("https://{label}-wallet.pages.dev/"),
            format!("https://{label}-kyc.firebaseapp.com/"),
            format!("https://{label}help.weebly.com/"),
            format!("https://{label}.wixsite.com/support"),
            format!("https://sites.google.com/view/{label}-support"),
            format!("https://storage.googleapis.com/{label}-kyc/index.html"),
            format!("https://docs.google.com/forms/d/e/1FAIpQL/viewform?title={label}"),
            format!("https://{label}-airdrop.herokuapp.com/claim"),
        ] {
            c.add(
                h,
                "free_hosting",
                Expect::Phishing,
                &["combosquat", "tld_swap", "brand_subdomain"],
                true,
            );
        }
        for h in [
            format!(
                "https://ipfs.io/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/{label}.html"
            ),
            format!(
                "https://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi.ipfs.dweb.link/{label}-login.html"
            ),
            format!(
                "https://cloudflare-ipfs.com/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/?{label}"
            ),
            format!(
                "https://gateway.pinata.cloud/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/{label}-verify"
            ),
        ] {
            c.add(h, "ipfs_gateway", Expect::Phishing, &["free_hosting"], true);
        }

        // Plain http and odd ports on genuine hosts.
        c.add(
            format!("http://www.{label}.{suffix}/en/login"),
            "insecure_scheme",
            Expect::Suspicious,
            &[],
            true,
        );
        c.add(
            format!("http://{label}.{suffix}/"),
            "insecure_scheme",
            Expect::Suspicious,
            &[],
            true,
        );
        c.add(
            format!("https://www.{label}.{suffix}:8443/"),
            "non_default_port",
            Expect::Suspicious,
            &[],
            true,
        );
        c.add(
            format!("https://{label}.{suffix}:4443/en"),
            "non_default_port",
            Expect::Suspicious,
            &[],
            true,
        );
    }

    // A plain address with no brand claim is just a server.
    for ip in ["192.168.1.1", "8.8.8.8", "[2001:db8::1]", "10.0.0.1:8080"] {
        c.add(
            format!("http://{ip}/"),
            "unrelated",
            Expect::Unrelated,
            &[],
            false,
        );
    }
    // IP-literal hosts in every notation.
    for ip in [
        "192.168.1.1",
        "3232235777",
        "0xC0A80101",
        "0300.0250.0001.0001",
        "0xC0.168.1.1",
        "192.168.257",
        "[2001:db8::1]",
        "[::ffff:c0a8:101]",
        "10.0.0.1:8080",
    ] {
        let plain = ip.parse::<std::net::Ipv4Addr>().is_ok()
            || (ip.starts_with("[2001") || ip.contains(':') && !ip.contains("ffff"));
        if !plain {
            c.add(
                format!("http://{ip}/"),
                "ip_host",
                Expect::Suspicious,
                &["insecure_scheme"],
                true,
            );
        }
        c.add(
            format!("https://{ip}/binance/login"),
            "ip_host",
            Expect::Phishing,
            &["brand_in_path"],
            true,
        );
    }

    // Shorteners.
    for s in [
        "bit.ly",
        "tinyurl.com",
        "t.co",
        "cutt.ly",
        "is.gd",
        "rebrand.ly",
        "ow.ly",
        "rb.gy",
    ] {
        c.add(
            format!("https://{s}/3xYzAb"),
            "shortener",
            Expect::Suspicious,
            &[],
            true,
        );
        c.add(
            format!("https://{s}/binance-airdrop"),
            "shortener",
            Expect::Phishing,
            &[],
            true,
        );
    }

    // Messenger handles impersonating support.
    for h in [
        "https://t.me/BinanceSupport",
        "https://t.me/binance_support_team",
        "https://t.me/Binance_Help_Desk",
        "https://telegram.me/binancehelpdesk",
        "https://t.me/s/binance_official_support",
        "https://t.me/BinanceKYCverify",
        "https://wa.me/15551234567?text=Binance%20support",
        "https://api.whatsapp.com/send?phone=15551234567&text=binance",
        "https://discord.gg/binance-support",
        "https://discord.com/invite/binancehelp",
        "https://t.me/b1nance_support",
        "https://t.me/binnance_help",
    ] {
        c.add(
            h.to_string(),
            "messenger_impersonation",
            Expect::Phishing,
            &[],
            true,
        );
    }

    // data: and javascript: URLs.
    use base64::Engine as _;
    let page = base64::engine::general_purpose::STANDARD
        .encode("<title>Binance Login</title><form>password</form>");
    c.add(
        format!("data:text/html;base64,{page}"),
        "data_url",
        Expect::Phishing,
        &[],
        true,
    );
    c.add(
        "data:text/html,<h1>Binance%20verify</h1>".into(),
        "data_url",
        Expect::Phishing,
        &[],
        true,
    );
    c.add(
        "data:text/html,<script>alert(1)</script>".into(),
        "data_url",
        Expect::Suspicious,
        &[],
        true,
    );
    c.add(
        "javascript:alert(document.cookie)".into(),
        "javascript_url",
        Expect::Suspicious,
        &[],
        true,
    );
    c.add(
        "javascript:location='https://binance-login.xyz'".into(),
        "javascript_url",
        Expect::Phishing,
        &[],
        true,
    );
}

fn real_world(c: &mut Corpus) {
    for (u, valid) in [
        (
            "https://binance-com.support-center.xyz/login",
            &["brand_subdomain", "hyphenation"][..],
        ),
        (
            "https://www.binance.com.secure-login.top/en/login",
            &["brand_subdomain"],
        ),
        (
            "http://binanse-kyc-verification.com/verify",
            &["combosquat", "bitsquatting", "insecure_scheme"],
        ),
        (
            "https://accounts.binance.com.account-verify.net/",
            &["brand_subdomain"],
        ),
        ("https://bínance.com/en/register", &["homoglyph"]),
        ("https://binance.co.com/en/login", &["tld_swap"]),
        (
            "https://binance-us.org/login",
            &["combosquat", "hyphenation"],
        ),
        ("https://binancejapan-support.com", &["combosquat"]),
        ("https://airdrop-binance.io/claim", &["combosquat"]),
        (
            "https://t.me/Binance_Support_247",
            &["messenger_impersonation"],
        ),
        (
            "https://wa.me/447700900123?text=Binance%20account%20locked",
            &["messenger_impersonation"],
        ),
        ("https://bit.ly/binance-airdrop-2024", &["shortener"]),
        (
            "https://sites.google.com/view/binance-help-center",
            &["free_hosting"],
        ),
        (
            "https://ipfs.io/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/binance-login.html",
            &["ipfs_gateway"],
        ),
        (
            "https://www.binance.com@binance-login.net/",
            &["userinfo", "combosquat"],
        ),
        (
            "http://binance.com.login.session-id-4f2a.ru/",
            &["brand_subdomain", "insecure_scheme"],
        ),
        ("https://secure-binance.com", &["combosquat"]),
        ("https://www-binance.com/en/login", &["hyphenation"]),
        ("https://wwwbinance.com", &["dot_removed"]),
        ("https://binance.cm", &["tld_swap"]),
        ("https://binance.com-login.xyz/", &["brand_subdomain"]),
        (
            "https://binance-verify.web.app/",
            &["free_hosting", "combosquat"],
        ),
        ("https://bіnance.com", &["homoglyph", "mixed_script"]),
        ("https://binancе.com/en", &["homoglyph", "mixed_script"]),
        (
            "https://support.binance.com.verify-account.info/",
            &["brand_subdomain"],
        ),
        ("mailto:support@binance-helpdesk.com", &["combosquat"]),
        ("binance.support@gmail.com", &["userinfo"]),
        (
            "https://discord.gg/binance-support",
            &["messenger_impersonation"],
        ),
        ("https://bnbstatic-cdn.com/js/app.js", &["combosquat"]),
        ("https://binance.us-login.com/", &["brand_subdomain"]),
        (
            "https://binance.vision.secure-data.net/",
            &["brand_subdomain"],
        ),
        (
            "https://www.google.com/url?q=https://binance-login.xyz/",
            &["brand_in_path", "redirect"],
        ),
        ("https://binance.com%2F@evil.example", &["userinfo"]),
        ("https://3232235777/binance/login", &["ip_host"]),
        ("hxxps://binance-login[.]com/verify", &["combosquat"]),
        (
            "https://binance-support.zendesk-help.com/",
            &["brand_subdomain", "combosquat"],
        ),
        (
            "https://xn--binnce-5nf.com/",
            &["homoglyph", "mixed_script"],
        ),
        ("https://BINANCE-LOGIN.COM/", &["combosquat"]),
        ("https://binance.com.ua-secure.net/", &["brand_subdomain"]),
        ("https://binancee.com/en/login", &["repetition"]),
        ("https://biinance.com", &["repetition"]),
        ("https://binanace.com", &["insertion"]),
        ("https://binace.com", &["omission"]),
        ("https://bianance.com/", &["insertion"]),
        ("https://binanse.com/", &["bitsquatting", "replacement"]),
        ("https://lbinance.com", &["insertion"]),
        ("https://binance-app.net/download", &["combosquat"]),
        ("https://mybinance.org", &["combosquat"]),
        ("https://binance24.com", &["combosquat"]),
        ("https://binance-2fa-reset.com", &["combosquat"]),
    ] {
        c.add(u.to_string(), "real-world", Expect::Phishing, valid, false);
    }
}

fn genuine_urls(c: &mut Corpus) {
    for u in [
        "https://www.binance.com/en/login",
        "https://www.binance.com/ja/support/faq/360002070252",
        "https://accounts.binance.com/register?ref=ABCD1234",
        "https://www.binance.com/en/official-verification",
        "https://api.binance.com/api/v3/ping",
        "https://api1.binance.com/api/v3/time",
        "https://api4.binance.com",
        "https://api-gcp.binance.com/sapi/v1/system/status",
        "wss://stream.binance.com:9443/ws/btcusdt@trade",
        "https://developers.binance.com/docs",
        "https://academy.binance.com/en/articles/what-is-phishing",
        "https://p2p.binance.com/en",
        "https://c2c.binance.com/",
        "https://launchpad.binance.com/en",
        "https://app.binance.com/en/download",
        "https://s.binance.com/abcDEF12",
        "https://www.binance.com",
        "binance.com",
        "www.binance.com",
        "WWW.BINANCE.COM",
        "https://www.binance.com./en",
        "https://data-api.binance.vision/api/v3/exchangeInfo",
        "https://testnet.binance.vision/",
        "https://dev.binance.vision/t/9275",
        "https://data.binance.vision/?prefix=data/spot/",
        "https://www.binance.info/en/support/faq/detail/557f95eaf8fb4460aed0a891d42a1425",
        "https://bin.bnbstatic.com/static/images/common/favicon.ico",
        "https://public.bnbstatic.com/image/og.png",
        "https://ex.bnbstatic.com/x.js",
        "https://testnet.binancefuture.com/fapi/v1/ping",
        "wss://fstream.binancefuture.com/ws",
        "https://www.binance.us/",
        "https://api.binance.us/api/v3/ping",
        "https://docs.binance.us/",
        "https://binance-docs.github.io/apidocs/spot/en/",
        "https://t.me/binance_api_english",
        "https://x.com/binance",
        "https://twitter.com/binance",
        "https://github.com/binance/binance-spot-api-docs",
        "https://github.com/binance-us/binance-us-api-docs",
        "https://www.bnbchain.org/en",
        "https://docs.bnbchain.org/",
        "do-not-reply@binance.com",
        "mailto:support@binance.com",
        "https://www.binance.com/en/support/announcement",
        "bnc://app.binance.com/payment/secpay?x=1",
    ] {
        c.add(u.to_string(), "genuine", Expect::Official, &[], false);
    }
}

/// Popular sites (and near-miss words) that must stay `unrelated`.
const POPULAR: &[&str] = &[
    "google.com",
    "youtube.com",
    "facebook.com",
    "baidu.com",
    "wikipedia.org",
    "yahoo.com",
    "amazon.com",
    "twitter.com",
    "instagram.com",
    "linkedin.com",
    "netflix.com",
    "microsoft.com",
    "apple.com",
    "live.com",
    "office.com",
    "bing.com",
    "reddit.com",
    "whatsapp.com",
    "tiktok.com",
    "zoom.us",
    "yandex.ru",
    "vk.com",
    "ebay.com",
    "twitch.tv",
    "pinterest.com",
    "paypal.com",
    "adobe.com",
    "github.com",
    "stackoverflow.com",
    "wordpress.org",
    "cnn.com",
    "bbc.co.uk",
    "bbc.com",
    "nytimes.com",
    "theguardian.com",
    "washingtonpost.com",
    "forbes.com",
    "bloomberg.com",
    "reuters.com",
    "wsj.com",
    "ft.com",
    "cnbc.com",
    "espn.com",
    "imdb.com",
    "quora.com",
    "medium.com",
    "tumblr.com",
    "dropbox.com",
    "salesforce.com",
    "spotify.com",
    "etsy.com",
    "walmart.com",
    "target.com",
    "bestbuy.com",
    "homedepot.com",
    "costco.com",
    "ikea.com",
    "booking.com",
    "airbnb.com",
    "expedia.com",
    "tripadvisor.com",
    "uber.com",
    "lyft.com",
    "doordash.com",
    "yelp.com",
    "craigslist.org",
    "indeed.com",
    "glassdoor.com",
    "zillow.com",
    "weather.com",
    "accuweather.com",
    "nih.gov",
    "cdc.gov",
    "who.int",
    "nasa.gov",
    "irs.gov",
    "usps.com",
    "ups.com",
    "fedex.com",
    "dhl.com",
    "chase.com",
    "bankofamerica.com",
    "wellsfargo.com",
    "citi.com",
    "capitalone.com",
    "americanexpress.com",
    "discover.com",
    "hsbc.com",
    "barclays.co.uk",
    "santander.com",
    "bnpparibas.com",
    "ing.com",
    "ubs.com",
    "goldmansachs.com",
    "morganstanley.com",
    "fidelity.com",
    "vanguard.com",
    "schwab.com",
    "etrade.com",
    "robinhood.com",
    "coinbase.com",
    "kraken.com",
    "gemini.com",
    "bitstamp.net",
    "bitfinex.com",
    "okx.com",
    "bybit.com",
    "kucoin.com",
    "huobi.com",
    "htx.com",
    "gate.io",
    "bitget.com",
    "mexc.com",
    "crypto.com",
    "bitflyer.com",
    "coincheck.com",
    "bitbank.cc",
    "zaif.jp",
    "gmo-coin.jp",
    "dmm.com",
    "sbivc.co.jp",
    "upbit.com",
    "bithumb.com",
    "bitpanda.com",
    "blockchain.com",
    "etherscan.io",
    "bscscan.com",
    "coinmarketcap.com",
    "coingecko.com",
    "tradingview.com",
    "investing.com",
    "marketwatch.com",
    "finance.yahoo.com",
    "yahoo.co.jp",
    "rakuten.co.jp",
    "amazon.co.jp",
    "nicovideo.jp",
    "livedoor.com",
    "goo.ne.jp",
    "nikkei.com",
    "asahi.com",
    "yomiuri.co.jp",
    "mainichi.jp",
    "nhk.or.jp",
    "line.me",
    "mercari.com",
    "zozo.jp",
    "kakaku.com",
    "tabelog.com",
    "cookpad.com",
    "pixiv.net",
    "note.com",
    "hatena.ne.jp",
    "ameblo.jp",
    "fc2.com",
    "docomo.ne.jp",
    "au.com",
    "softbank.jp",
    "mufg.jp",
    "smbc.co.jp",
    "mizuhobank.co.jp",
    "japanpost.jp",
    "jr-east.co.jp",
    "sony.com",
    "nintendo.com",
    "playstation.com",
    "xbox.com",
    "steampowered.com",
    "epicgames.com",
    "roblox.com",
    "minecraft.net",
    "ea.com",
    "ubisoft.com",
    "samsung.com",
    "lg.com",
    "dell.com",
    "hp.com",
    "lenovo.com",
    "intel.com",
    "amd.com",
    "nvidia.com",
    "ibm.com",
    "oracle.com",
    "cisco.com",
    "vmware.com",
    "redhat.com",
    "ubuntu.com",
    "debian.org",
    "kernel.org",
    "python.org",
    "rust-lang.org",
    "crates.io",
    "docs.rs",
    "npmjs.com",
    "pypi.org",
    "golang.org",
    "java.com",
    "mozilla.org",
    "firefox.com",
    "opera.com",
    "brave.com",
    "duckduckgo.com",
    "protonmail.com",
    "proton.me",
    "gmail.com",
    "outlook.com",
    "icloud.com",
    "aol.com",
    "mail.ru",
    "qq.com",
    "weibo.com",
    "taobao.com",
    "tmall.com",
    "jd.com",
    "alibaba.com",
    "aliexpress.com",
    "sina.com.cn",
    "sohu.com",
    "163.com",
    "bilibili.com",
    "zhihu.com",
    "douyin.com",
    "naver.com",
    "daum.net",
    "kakao.com",
    "coupang.com",
    "flipkart.com",
    "hotstar.com",
    "paytm.com",
    "zomato.com",
    "mercadolibre.com",
    "globo.com",
    "uol.com.br",
    "clarin.com",
    "lemonde.fr",
    "lefigaro.fr",
    "spiegel.de",
    "bild.de",
    "zeit.de",
    "faz.net",
    "corriere.it",
    "repubblica.it",
    "elpais.com",
    "elmundo.es",
    "abc.net.au",
    "smh.com.au",
    "news.com.au",
    "cbc.ca",
    "theglobeandmail.com",
    "aljazeera.com",
    "dw.com",
    "france24.com",
    "euronews.com",
    "apnews.com",
    "npr.org",
    "pbs.org",
    "usatoday.com",
    "latimes.com",
    "chicagotribune.com",
    "nypost.com",
    "foxnews.com",
    "nbcnews.com",
    "cbsnews.com",
    "abcnews.go.com",
    "time.com",
    "newsweek.com",
    "economist.com",
    "theatlantic.com",
    "wired.com",
    "techcrunch.com",
    "theverge.com",
    "arstechnica.com",
    "engadget.com",
    "cnet.com",
    "zdnet.com",
    "coindesk.com",
    "cointelegraph.com",
    "theblock.co",
    "decrypt.co",
    "bitcoin.org",
    "ethereum.org",
    "binary.com",
    "nuance.com",
    "bianca.com",
    "finance.com",
    "balance.com",
    "mybalance.com",
    "penance.org",
    "binnacle.com",
    "fiance.com",
    "financial-times.com",
    "yahoofinance.com",
    "google-finance.com",
    "financeonline.com",
    "binarytrading.com",
    "balancer.fi",
    "bonanza.com",
    "banana.com",
    "finanzen.net",
    "bianchi.com",
    "bank.com",
    "binge.com",
    "bingo.com",
    "bing.net",
    "nance.com",
    "ance.org",
    "bin.com",
    "binzhou.cn",
    "binatone.com",
    "binariq.com",
    "binaural.com",
    "lovebalance.jp",
    "nuancecommunications.com",
    "binaryfountain.com",
    "fintech.com",
    "binns.co.uk",
    "canva.com",
    "figma.com",
    "notion.so",
    "slack.com",
    "discord.com",
    "telegram.org",
    "signal.org",
    "trello.com",
    "atlassian.com",
    "asana.com",
    "monday.com",
    "hubspot.com",
    "mailchimp.com",
    "shopify.com",
    "squarespace.com",
    "wix.com",
    "godaddy.com",
    "namecheap.com",
    "cloudflare.com",
    "akamai.com",
    "fastly.com",
    "digitalocean.com",
    "linode.com",
    "heroku.com",
    "vercel.com",
    "netlify.com",
    "aws.amazon.com",
    "azure.microsoft.com",
    "cloud.google.com",
    "firebase.google.com",
    "stripe.com",
    "squareup.com",
    "wise.com",
    "revolut.com",
    "n26.com",
    "monzo.com",
    "klarna.com",
    "venmo.com",
    "cash.app",
    "zelle.com",
    "westernunion.com",
    "moneygram.com",
    "payoneer.com",
    "nationalgeographic.com",
    "britannica.com",
    "khanacademy.org",
    "coursera.org",
    "edx.org",
    "udemy.com",
    "duolingo.com",
    "harvard.edu",
    "mit.edu",
    "stanford.edu",
    "ox.ac.uk",
    "u-tokyo.ac.jp",
];

fn unrelated(c: &mut Corpus) {
    for (i, d) in POPULAR.iter().enumerate() {
        let u = match i % 4 {
            0 => format!("https://www.{d}/"),
            1 => format!("https://{d}/"),
            2 => d.to_string(),
            _ => format!("https://{d}/some/page?id={i}"),
        };
        c.add(u, "unrelated", Expect::Unrelated, &[], false);
    }
    // Pages about Binance are not Binance, and not phishing.
    for u in [
        "https://en.wikipedia.org/wiki/Binance",
        "https://ja.wikipedia.org/wiki/バイナンス",
        "https://www.reuters.com/technology/binance-ceo-changpeng-zhao-steps-down-2023-11-21/",
        "https://www.coindesk.com/tag/binance/",
        "https://cointelegraph.com/tags/binance",
        "https://www.bloomberg.com/news/articles/2023-11-21/binance-s-zhao-to-plead-guilty-step-down-in-us-settlement",
        "https://coinmarketcap.com/exchanges/binance/",
        "https://www.coingecko.com/en/exchanges/binance",
        "https://www.nikkei.com/article/DGXZQOGN21E0R0R21C23A1000000/?binance",
        "https://github.com/sammchardy/python-binance",
        "https://pypi.org/project/python-binance/",
        "https://www.npmjs.com/package/binance-api-node",
        "https://docs.rs/binance",
        "https://www.sec.gov/news/press-release/2023-101?binance",
        "https://www.theblock.co/post/253620/binance-wallet-security-review-explained",
        "https://www.google.com/search?q=binance+login+problems+explained",
        "https://news.ycombinator.com/item?id=38360165",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://t.me/durov",
        "https://wa.me/15551234567",
        "https://discord.gg/rust-lang",
        "https://medium.com/@someone/how-i-use-binance-futures-safely-and-other-tips-5f1e",
    ] {
        c.add(u.to_string(), "unrelated", Expect::Unrelated, &[], false);
    }
}

fn verdict_matches(expect: Expect, got: VerdictKind) -> bool {
    match expect {
        Expect::Phishing => got == VerdictKind::Phishing,
        Expect::Alarm => got.is_alarm(),
        Expect::Suspicious => got == VerdictKind::Suspicious,
        Expect::Official => got == VerdictKind::Official,
        Expect::Unrelated => got == VerdictKind::Unrelated,
    }
}

#[test]
fn corpus_precision_and_recall() {
    let mut c = Corpus::default();
    generate(&mut c);
    real_world(&mut c);
    genuine_urls(&mut c);
    unrelated(&mut c);

    let mut analyser = Analyser::new();
    // category → (cases, verdict right, verdict and technique right)
    let mut by_cat: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    // technique → (reported, reported correctly)
    let mut precision: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut imprecise = Vec::new();
    let (mut gen_total, mut gen_ok) = (0, 0);
    let mut fp_unrelated = Vec::new();
    let mut genuine_wrong = Vec::new();
    for case in &c.cases {
        let a = analyser.check(&case.input);
        assert_eq!(
            a,
            analyser.check_without_shortcut(&case.input),
            "shortcut changed {:?}",
            case.input
        );
        let names: BTreeSet<&'static str> = a.techniques.iter().map(|t| t.name()).collect();
        let verdict_ok = verdict_matches(case.expect, a.verdict);
        let tech_ok = case.valid.is_empty() || names.iter().any(|n| case.valid.contains(n));
        let e = by_cat.entry(case.category).or_default();
        e.0 += 1;
        e.1 += usize::from(verdict_ok);
        e.2 += usize::from(verdict_ok && tech_ok);
        for n in &names {
            let p = precision.entry(n).or_default();
            p.0 += 1;
            p.1 += usize::from(case.valid.contains(n));
            if !case.valid.contains(n) && imprecise.len() < 40 {
                imprecise.push(format!(
                    "{n:<20} reported for {:?} ({})",
                    case.input, case.category
                ));
            }
        }
        if case.generated {
            gen_total += 1;
            gen_ok += usize::from(verdict_ok && tech_ok);
        }
        if !(verdict_ok && tech_ok) {
            failures.push(format!(
                "{:<24} {:?} expected {:?}, got {:?} {:?}",
                case.category, case.input, case.expect, a.verdict, names
            ));
        }
        match case.expect {
            Expect::Unrelated if !verdict_ok => fp_unrelated.push(case.input.clone()),
            Expect::Official if !verdict_ok => genuine_wrong.push(case.input.clone()),
            _ => {}
        }
    }

    println!(
        "\n{:<26} {:>6} {:>9} {:>9} {:>10}",
        "category / technique", "cases", "verdict", "recall", "precision"
    );
    for (cat, (n, v, ok)) in &by_cat {
        let prec = precision
            .get(cat)
            .map(|(r, good)| format!("{:.1}%", 100.0 * *good as f64 / *r as f64))
            .unwrap_or_else(|| "-".into());
        println!(
            "{:<26} {:>6} {:>8.1}% {:>8.1}% {:>10}",
            cat,
            n,
            100.0 * *v as f64 / *n as f64,
            100.0 * *ok as f64 / *n as f64,
            prec
        );
    }
    for (t, (r, good)) in &precision {
        if !by_cat.contains_key(t) {
            println!(
                "{:<26} {:>6} {:>9} {:>9} {:>9.1}%",
                t,
                "-",
                "-",
                "-",
                100.0 * *good as f64 / *r as f64
            );
        }
    }
    let recall = 100.0 * gen_ok as f64 / gen_total as f64;
    println!("generated look-alikes: {gen_ok}/{gen_total} = {recall:.2}% (verdict and technique)");
    println!("total cases: {}", c.cases.len());
    for f in failures.iter().take(60) {
        println!("  miss: {f}");
    }
    for f in &imprecise {
        println!("  imprecise: {f}");
    }

    assert!(gen_total > 3000, "corpus too small: {gen_total}");
    assert!(
        POPULAR.len() >= 300,
        "need at least 300 unrelated popular domains"
    );
    assert!(recall >= 99.0, "recall {recall:.2}% < 99%");
    assert!(
        fp_unrelated.is_empty(),
        "unrelated sites flagged: {fp_unrelated:?}"
    );
    assert!(
        genuine_wrong.is_empty(),
        "genuine Binance URLs not official: {genuine_wrong:?}"
    );
    let rw = by_cat["real-world"];
    assert_eq!(rw.2, rw.0, "real-world phishing missed");
    // Each technique with generated cases is found at least 95 % of the time.
    for (cat, (n, _, ok)) in &by_cat {
        if Technique::from_name(cat).is_some() {
            assert!(*ok as f64 >= 0.95 * *n as f64, "technique {cat}: {ok}/{n}");
        }
    }
}
