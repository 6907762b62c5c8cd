//! Corpus for the kinds of issue 14, generated here (never the issue's own
//! examples as special cases): the brand glued, misspelt or cut short inside
//! longer labels, look-alikes applied several times, BNB Chain, the brand in
//! katakana / Chinese inside IDN labels, redirect shims, links inside text,
//! HTML and mail, and the false alarms (search queries, shortener home pages,
//! Japanese IDNs, bare IPs, fullwidth genuine hosts). Prints recall per kind
//! (`cargo test --test url_kinds -- --nocapture`) and measures false alarms on
//! 100,000 generated unrelated hosts.

use std::collections::BTreeMap;

use binance_audit::url::extract::extract;
use binance_audit::url::message::judge;
use binance_audit::url::{Analyser, VerdictKind};

/// xorshift: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

const LURES: &[&str] = &[
    "login", "support", "verify", "wallet", "airdrop", "secure", "help", "kyc", "account",
    "reward", "claim", "official", "recovery", "bonus", "service",
];
const AFFIXES: &[&str] = &[
    "app", "pro", "exchange", "global", "web3", "trade", "vip", "my", "io", "us",
];
const TLDS: &[&str] = &[
    "com", "net", "top", "xyz", "io", "online", "site", "co", "info", "app",
];
const HOSTING: &[&str] = &[
    "vercel.app",
    "netlify.app",
    "web.app",
    "github.io",
    "pages.dev",
    "weebly.com",
];

/// Brand cores that are cut short or misspelt by one edit.
fn near_cores(brand: &str) -> Vec<String> {
    let b = brand.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        let mut v = b.to_vec();
        v.remove(i);
        out.push(String::from_utf8(v).unwrap());
        if i + 1 < b.len() {
            let mut v = b.to_vec();
            v.swap(i, i + 1);
            out.push(String::from_utf8(v).unwrap());
        }
        let mut v = b.to_vec();
        v.insert(i, b[i]);
        out.push(String::from_utf8(v).unwrap());
    }
    out.retain(|c| c != brand);
    out.sort();
    out.dedup();
    out
}

/// Two edits: two deletions or a deletion and a swap, anywhere but the first letter.
fn two_edit_cores(brand: &str) -> Vec<String> {
    let b = brand.as_bytes();
    let mut out = Vec::new();
    for i in 1..b.len() {
        for j in (i + 1)..b.len() {
            let mut v = b.to_vec();
            v[j] = b"xqz"[j % 3];
            v.remove(i);
            out.push(String::from_utf8(v).unwrap());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Look-alike substitutions applied several times.
fn multi_lookalikes(brand: &str) -> Vec<String> {
    let subs: &[(&str, &str)] = &[
        ("n", "m"),
        ("e", "c"),
        ("i", "l"),
        ("i", "1"),
        ("a", "4"),
        ("n", "rn"),
        ("c", "e"),
        ("b", "8"),
    ];
    let mut out = Vec::new();
    for (ai, a) in subs.iter().enumerate() {
        for b2 in &subs[ai..] {
            for c in [None, Some(("e", "3")), Some(("n", "m"))] {
                let mut s = brand.replacen(a.0, a.1, 1);
                s = s.replacen(b2.0, b2.1, 1);
                if let Some(c) = c {
                    let from_end = s.rfind(c.0);
                    if let Some(p) = from_end {
                        s.replace_range(p..p + c.0.len(), c.1);
                    }
                }
                if s != brand {
                    out.push(s);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' => char::from_u32(c as u32 - 'a' as u32 + 0xff41).unwrap(),
            '.' => '．',
            c => c,
        })
        .collect()
}

#[derive(Default)]
struct Kinds {
    /// kind → (cases, right, first misses)
    by: BTreeMap<&'static str, (usize, usize, Vec<String>)>,
}

impl Kinds {
    fn add(&mut self, kind: &'static str, input: &str, ok: bool, got: VerdictKind) {
        let e = self.by.entry(kind).or_default();
        e.0 += 1;
        e.1 += usize::from(ok);
        if !ok && e.2.len() < 5 {
            e.2.push(format!("{input:?} → {got:?}"));
        }
    }
}

#[test]
fn issue_14_kinds() {
    let mut an = Analyser::new();
    let mut k = Kinds::default();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let alarm = |k: &mut Kinds, kind: &'static str, input: String, an: &mut Analyser| {
        let v = an.check(&input).verdict;
        k.add(kind, &input, v.is_alarm(), v);
    };

    // The brand glued to words, cut short or misspelt, in either order.
    for core in near_cores("binance") {
        for _ in 0..4 {
            let w = if rng.next().is_multiple_of(2) {
                *rng.pick(LURES)
            } else {
                *rng.pick(AFFIXES)
            };
            let tld = rng.pick(TLDS);
            let sep = if rng.next().is_multiple_of(2) {
                "-"
            } else {
                ""
            };
            let host = if rng.next().is_multiple_of(2) {
                format!("{core}{sep}{w}")
            } else {
                format!("{w}{sep}{core}")
            };
            let url = if rng.next().is_multiple_of(5) {
                format!("https://{host}.{}/", rng.pick(HOSTING))
            } else {
                format!("https://{host}.{tld}/login")
            };
            alarm(&mut k, "glued_near_brand", url, &mut an);
        }
    }
    // The brand with a lure word that is itself misspelt ("suportbinance"):
    // as plainly phishing as the word spelt right, so held to `phishing`,
    // not only to an alarm.
    for w in LURES.iter().filter(|w| w.len() >= 5) {
        let b = w.as_bytes();
        for i in 1..b.len() - 1 {
            let mut dropped = b.to_vec();
            dropped.remove(i);
            let mut swapped = b.to_vec();
            swapped.swap(i, i + 1);
            for typo in [dropped, swapped] {
                let typo = String::from_utf8(typo).unwrap();
                if typo == *w {
                    continue;
                }
                let sep = if rng.next().is_multiple_of(2) {
                    "-"
                } else {
                    ""
                };
                let host = if rng.next().is_multiple_of(2) {
                    format!("binance{sep}{typo}")
                } else {
                    format!("{typo}{sep}binance")
                };
                let input = format!("https://{host}.{}/", rng.pick(TLDS));
                let v = an.check(&input).verdict;
                k.add("misspelt_lure_word", &input, v == VerdictKind::Phishing, v);
            }
        }
    }
    // The brand split by a hyphen, with or without a word and a typo.
    for i in 2..6 {
        for w in ["", "-login", "-support", "-app"] {
            let b = "binance";
            alarm(
                &mut k,
                "hyphen_split",
                format!("https://{}-{}{w}.com/", &b[..i], &b[i..]),
                &mut an,
            );
            let typo = "binanse";
            alarm(
                &mut k,
                "hyphen_split",
                format!("https://{}-{}{w}.net/", &typo[..i], &typo[i..]),
                &mut an,
            );
        }
    }
    // Two edits inside a compound of known words.
    for core in two_edit_cores("binance") {
        let w = rng.pick(LURES);
        alarm(
            &mut k,
            "two_edit_compound",
            format!("https://{core}{w}.com/"),
            &mut an,
        );
        alarm(
            &mut k,
            "two_edit_compound",
            format!("https://{w}-{core}-{}.xyz/", rng.pick(AFFIXES)),
            &mut an,
        );
    }
    // ASCII look-alikes applied two or three times.
    for s in multi_lookalikes("binance") {
        alarm(
            &mut k,
            "multi_lookalike",
            format!("https://{s}.com/"),
            &mut an,
        );
        alarm(
            &mut k,
            "multi_lookalike",
            format!("https://{s}-{}.top/", rng.pick(LURES)),
            &mut an,
        );
    }
    // BNB Chain: its own names, any ending, free hosting; the verdict names it.
    for name in [
        "bnbchain",
        "bnb-chain",
        "opbnb",
        "bnbchian",
        "bnbcha1n",
        "opbnb-bridge",
        "bnbchain-faucet",
    ] {
        for w in ["", "-airdrop", "-claim", "-bridge", "staking", "-migration"] {
            for tld in ["com", "xyz", "io", "org.ru"] {
                let url = format!("https://{name}{w}.{tld}/");
                let a = an.check(&url);
                let ok = a.verdict.is_alarm()
                    && a.impersonates.is_some_and(|i| {
                        binance_audit::url::domains::knowledge().domains[i].owner == "BNB Chain"
                    });
                k.add("bnb_chain", &url, ok, a.verdict);
            }
            let url = format!("https://{name}{w}.{}/", rng.pick(HOSTING));
            alarm(&mut k, "bnb_chain", url, &mut an);
        }
    }
    // The brand in the user's script inside IDN labels.
    for brand in ["バイナンス", "币安", "幣安"] {
        for w in [
            "",
            "-サポート",
            "ログイン",
            "-公式",
            "-本人確認",
            "客服",
            "-钱包",
            "-support",
            "-jp",
        ] {
            for tld in ["com", "jp", "net", "xyz"] {
                alarm(
                    &mut k,
                    "brand_in_script",
                    format!("https://{brand}{w}.{tld}/"),
                    &mut an,
                );
            }
        }
    }
    // Fullwidth letters: after UTS 46 mapping a combination.
    for w in ["ログイン", "サポート", "-login", "-verify", "wallet"] {
        for tld in ["jp", "com"] {
            alarm(
                &mut k,
                "fullwidth_combo",
                format!("https://{}{w}.{tld}/", fullwidth("binance")),
                &mut an,
            );
        }
    }
    // Redirect shims carrying a fake.
    for shim in [
        "https://l.facebook.com/l.php?u=",
        "https://www.google.com/url?q=",
        "https://out.reddit.com/t3_x?url=",
        "https://href.li/?",
        "https://www.youtube.com/redirect?q=",
        "https://example-news.com/out?to=",
    ] {
        for target in [
            "https://binance-login.xyz/",
            "https://bnbchain-airdrop.top/claim",
            "https://secure-binnance.com/",
        ] {
            let enc = target.replace(':', "%3A").replace('/', "%2F");
            alarm(&mut k, "redirect_target", format!("{shim}{enc}"), &mut an);
            alarm(
                &mut k,
                "redirect_target",
                format!("{shim}{target}"),
                &mut an,
            );
        }
    }

    // Links inside text, HTML and mail: every link found and judged.
    let in_message =
        |k: &mut Kinds, kind: &'static str, input: Vec<u8>, want: &str, an: &mut Analyser| {
            let ex = extract(&input);
            let vs = judge(an, &ex);
            let ok = vs.iter().any(|v| v.input == want && v.verdict.is_alarm())
                && !vs.iter().any(|v| v.verdict == VerdictKind::Official);
            k.add(kind, want, ok, VerdictKind::Invalid);
        };
    for link in [
        "https://binance.cοm/login",
        "binance.рф",
        "binance.中国",
        "http://3232235777/binance",
        "https://binance.com%2eevil.top/login",
        "https://バイナンス-サポート.com/login",
    ] {
        for frame in [
            "Please log in: {} today.",
            "ログインはこちら {} です",
            "({})",
        ] {
            let text = frame.replace("{}", link);
            in_message(&mut k, "plain_text", text.into_bytes(), link, &mut an);
        }
    }
    for (label, enc) in [
        ("Shift_JIS", encoding_rs::SHIFT_JIS),
        ("ISO-2022-JP", encoding_rs::ISO_2022_JP),
        ("EUC-JP", encoding_rs::EUC_JP),
        ("windows-1252", encoding_rs::WINDOWS_1252),
    ] {
        for link in [
            "https://バイナンス-ログイン.com/x",
            "https://binance-verify.top/",
            "https://ｂｉｎａｎｃｅ-ログイン.jp/",
        ] {
            let text = format!("口座を確認してください {link} まで");
            let (body, _, unmappable) = enc.encode(&text);
            if unmappable {
                continue;
            }
            let mut mail = format!("From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset={label}\r\n\r\n").into_bytes();
            mail.extend_from_slice(&body);
            in_message(&mut k, "mail_charset", mail, link, &mut an);
        }
    }
    for (href, text) in [
        ("https://elsewhere.example/", "https://www.binance.com/"),
        ("https://bnb-claim.example/x", "www.bnbchain.org"),
        ("https://evil.example/login", "accounts.binance.com/login"),
    ] {
        let html = format!(
            "<html><body><p>Dear user</p><a href=\"{href}\">{text}</a> <a href=\"https://www.binance.com/en\">help</a></body></html>"
        );
        in_message(
            &mut k,
            "html_anchor_mismatch",
            html.into_bytes(),
            href,
            &mut an,
        );
    }
    for html in [
        "<html><p>https&#58//www.binance.com.evil.example/</p></html>",
        "<html><p>https&colon;&sol;&sol;www.binance.com.evil.example/</p></html>",
        "<html><p>https&#x3a;//www&period;binance.com.evil.example/</p></html>",
        "<html><a href=\"//www.binance.com.evil.example/\">x</a></html>",
    ] {
        let ex = extract(html.as_bytes());
        let vs = judge(&mut an, &ex);
        let ok = vs.iter().any(|v| v.verdict == VerdictKind::Phishing);
        k.add("html_entities", html, ok, VerdictKind::Invalid);
    }

    // False alarms that must stay quiet, and genuine hosts that must be official.
    let quiet =
        |k: &mut Kinds, kind: &'static str, input: String, want: VerdictKind, an: &mut Analyser| {
            let v = an.check(&input).verdict;
            k.add(kind, &input, v == want, v);
        };
    for q in [
        "binance+login",
        "binance%20support",
        "how+to+verify+binance+account",
        "bnbchain+airdrop",
    ] {
        for engine in [
            "https://www.google.com/search?q=",
            "https://www.bing.com/search?q=",
            "https://duckduckgo.com/?q=",
            "https://search.yahoo.co.jp/search?p=",
            "https://www.baidu.com/s?wd=",
        ] {
            quiet(
                &mut k,
                "search_query",
                format!("{engine}{q}"),
                VerdictKind::Unrelated,
                &mut an,
            );
        }
    }
    for s in [
        "bit.ly",
        "goo.gl",
        "t.co",
        "tinyurl.com",
        "is.gd",
        "cutt.ly",
    ] {
        quiet(
            &mut k,
            "shortener_home",
            format!("https://{s}"),
            VerdictKind::Unrelated,
            &mut an,
        );
        quiet(
            &mut k,
            "shortener_home",
            format!("https://{s}/"),
            VerdictKind::Unrelated,
            &mut an,
        );
    }
    for h in [
        "日本-abc",
        "東京tokyo",
        "ラーメンshop",
        "おいしいfood",
        "京都-kyoto-travel",
        "さくらsakura",
        "中文-news",
        "例え-test",
    ] {
        for tld in ["jp", "com", "co.jp"] {
            quiet(
                &mut k,
                "japanese_idn",
                format!("https://{h}.{tld}/"),
                VerdictKind::Unrelated,
                &mut an,
            );
        }
    }
    for ip in ["8.8.8.8", "192.168.0.1", "10.1.2.3:8080", "[2001:db8::1]"] {
        quiet(
            &mut k,
            "bare_ip",
            format!("http://{ip}/"),
            VerdictKind::Unrelated,
            &mut an,
        );
        quiet(
            &mut k,
            "bare_ip",
            format!("https://{ip}/index.html"),
            VerdictKind::Unrelated,
            &mut an,
        );
    }
    for g in [
        "www。binance。com",
        "binance｡com",
        "www．binance．com",
        "ｂｉｎａｎｃｅ.com",
        "ｗｗｗ.ｂｉｎａｎｃｅ.ｃｏｍ",
        "accounts。binance。com",
        "www.bnbchain。org",
    ] {
        quiet(
            &mut k,
            "genuine_mapped",
            format!("https://{g}/en"),
            VerdictKind::Official,
            &mut an,
        );
    }

    // Binance Japan (issue 23): its hosts are genuine; look-alikes of
    // binance.co.jp are caught as those of binance.com are, and name it.
    for h in [
        "www.binance.co.jp",
        "binance.co.jp",
        "api.binance.co.jp",
        "www.binance.com",
    ] {
        for path in ["/", "/ja", "/ja/support"] {
            quiet(
                &mut k,
                "japan_genuine",
                format!("https://{h}{path}"),
                VerdictKind::Official,
                &mut an,
            );
        }
    }
    let knowledge = binance_audit::url::domains::knowledge();
    let names_japan = |a: &binance_audit::url::Assessment| {
        a.impersonates
            .is_some_and(|i| knowledge.domains[i].name == "binance.co.jp")
    };
    for core in near_cores("binance") {
        let url = format!("https://{core}.co.jp/{}", rng.pick(LURES));
        let a = an.check(&url);
        k.add(
            "japan_lookalike",
            &url,
            a.verdict.is_alarm() && names_japan(&a),
            a.verdict,
        );
    }
    for w in LURES.iter().chain(AFFIXES) {
        for host in [
            "binance-co.jp".to_string(),
            format!("binance-co-jp-{w}.com"),
            format!("binance.co.jp.{w}.{}", rng.pick(TLDS)),
            format!("binancejp-{w}.{}", rng.pick(TLDS)),
            format!("{w}-binancejp.co.jp"),
            format!("binance-{w}.co.jp"),
            "bіnance.co.jp".to_string(),
            format!("binаnce-{w}.co.jp"),
        ] {
            alarm(
                &mut k,
                "japan_lookalike",
                format!("https://{host}/"),
                &mut an,
            );
        }
        alarm(
            &mut k,
            "japan_lookalike",
            format!("https://binance.co.jp@{w}.example/"),
            &mut an,
        );
        alarm(
            &mut k,
            "japan_lookalike",
            format!(
                "https://www.binance.co.jp:443@{w}-{}.{}/ja",
                rng.pick(AFFIXES),
                rng.pick(TLDS)
            ),
            &mut an,
        );
    }
    // The brand family's product names (issue 23): BNB Chain's and Binance's own.
    for name in [
        "bnbsmartchain",
        "bnb-smartchain",
        "bnb-smart-chain",
        "bnbsmartchian",
        "bnbbridge",
        "bnb-bridge",
        "bnbbrigde",
        "bnbgreenfield",
        "bnb-greenfield",
        "opbnb",
        "binancepay",
        "binance-pay",
        "binanceweb3wallet",
        "binance-web3-wallet",
        "binanceacademy",
        "binance-academy",
    ] {
        for w in ["", "-airdrop", "-claim", "-login", "-app"] {
            for tld in ["com", "xyz", "io", "org"] {
                alarm(
                    &mut k,
                    "brand_family",
                    format!("https://{name}{w}.{tld}/"),
                    &mut an,
                );
            }
        }
    }

    println!("\n{:<22} {:>6} {:>8}", "kind", "cases", "recall");
    let mut all_ok = true;
    for (kind, (n, ok, misses)) in &k.by {
        println!("{kind:<22} {n:>6} {:>7.1}%", 100.0 * *ok as f64 / *n as f64);
        for m in misses {
            println!("    miss: {m}");
        }
        // Every kind at 95 % or better; the quiet and genuine kinds at 100 %.
        let need = if matches!(
            *kind,
            "search_query" | "shortener_home" | "japanese_idn" | "bare_ip" | "genuine_mapped"
        ) {
            *n
        } else {
            (*n * 95).div_ceil(100)
        };
        all_ok &= *ok >= need;
    }
    assert!(all_ok, "a kind is below its target (see table)");
}

/// Real-looking unrelated hosts: compounds of ordinary words (many of them
/// near "binance": finance, balance, alliance, dance…), with and without
/// hyphens and digits, on common endings.
#[test]
fn false_alarms_on_100k_unrelated_hosts() {
    const WORDS: &[&str] = &[
        "finance",
        "balance",
        "alliance",
        "advance",
        "dance",
        "chance",
        "lance",
        "nuance",
        "romance",
        "france",
        "insurance",
        "bank",
        "bean",
        "bin",
        "nan",
        "nana",
        "anna",
        "ben",
        "bianca",
        "cinema",
        "canal",
        "annex",
        "brand",
        "bright",
        "blue",
        "green",
        "city",
        "home",
        "shop",
        "store",
        "news",
        "tech",
        "cloud",
        "data",
        "media",
        "music",
        "photo",
        "travel",
        "food",
        "health",
        "law",
        "car",
        "auto",
        "house",
        "garden",
        "book",
        "school",
        "study",
        "sport",
        "game",
        "play",
        "kids",
        "art",
        "design",
        "studio",
        "print",
        "coffee",
        "tea",
        "wine",
        "beer",
        "pizza",
        "sushi",
        "ramen",
        "tokyo",
        "osaka",
        "kyoto",
        "nagoya",
        "london",
        "paris",
        "berlin",
        "china",
        "india",
        "asia",
        "africa",
        "global",
        "local",
        "smart",
        "easy",
        "fast",
        "best",
        "top",
        "first",
        "prime",
        "gold",
        "silver",
        "crypto",
        "coin",
        "chain",
        "block",
        "token",
        "trade",
        "market",
        "invest",
        "capital",
        "fund",
        "money",
        "pay",
        "cash",
        "credit",
        "loan",
        "tax",
        "account",
        "support",
        "help",
        "login",
        "secure",
        "mail",
        "web",
        "net",
        "online",
        "digital",
        "labs",
        "works",
        "group",
        "team",
        "club",
        "hub",
        "binary",
        "banana",
        "bonanza",
        "binder",
        "bind",
        "binge",
        "bingo",
        "biniou",
        "binomial",
        "ordinance",
        "dominance",
        "luminance",
        "penance",
        "provenance",
        "ambiance",
        "fiance",
        "financial",
        "renaissance",
        "radiance",
        "compliance",
        "appliance",
        "balancer",
        "cabin",
        "robin",
        "cabinet",
        "combine",
        "bianchi",
        "binaural",
        "binnacle",
        "inane",
        "manic",
        "mechanic",
        "organic",
        "panic",
        "hispanic",
        "botanic",
        "titanic",
        "bionic",
        "tonic",
        "sonic",
        "nice",
        "niece",
        "piece",
        "bnb",
        "bnbhotel",
        "airbnb",
        "chainlink",
        "polygon",
        "solana",
        "ether",
        "arbitrum",
        "optimism",
        "base",
    ];
    const ENDINGS: &[&str] = &[
        "com", "net", "org", "co.jp", "jp", "io", "co.uk", "de", "fr", "info", "biz", "app", "dev",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut an = Analyser::new();
    let mut flagged = Vec::new();
    let n = 100_000;
    for i in 0..n {
        let a = rng.pick(WORDS);
        let b = rng.pick(WORDS);
        let host = match i % 6 {
            0 => format!("{a}{b}"),
            1 => format!("{a}-{b}"),
            2 => format!("{a}{b}{}", rng.next() % 100),
            3 => format!("www.{a}"),
            4 => format!("{a}.{b}{}", rng.next() % 10),
            _ => format!("{b}{a}-{}", rng.pick(WORDS)),
        };
        // A host that spells a protected name out is a brand claim, not unrelated.
        if ["binance", "bnbchain", "opbnb"]
            .iter()
            .any(|b| host.replace('-', "").contains(b))
        {
            continue;
        }
        let url = format!("https://{host}.{}/", rng.pick(ENDINGS));
        if an.check(&url).verdict.is_alarm() {
            flagged.push(url);
        }
    }
    flagged.sort();
    flagged.dedup();
    println!(
        "false alarms: {} of {n} generated unrelated hosts",
        flagged.len()
    );
    for f in flagged.iter().take(20) {
        println!("  flagged: {f}");
    }
    // Goal: at most 1 per 100,000 real unrelated hosts. These compounds are
    // far harsher than real traffic (every one is built from near-brand
    // words); what remains here is single-edit typos of a brand name
    // ("bindance", "binlance", "bnbchina"), which the checker must flag.
    assert!(
        flagged.len() <= 8,
        "{} false alarms: {:?}",
        flagged.len(),
        &flagged[..flagged.len().min(20)]
    );
}
