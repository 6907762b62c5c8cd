//! A deterministic mixed list of inputs for throughput measurements: mostly
//! unrelated popular sites, genuine Binance URLs, ASCII look-alikes, some
//! Unicode look-alikes and junk — roughly what a mail gateway or a chat log sees.
//! Shared by `benches/url.rs` and `examples/url_throughput.rs`.

#![allow(dead_code)]

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

pub const POPULAR: &[&str] = &[
    "google.com",
    "youtube.com",
    "facebook.com",
    "wikipedia.org",
    "amazon.com",
    "twitter.com",
    "instagram.com",
    "linkedin.com",
    "netflix.com",
    "microsoft.com",
    "apple.com",
    "reddit.com",
    "github.com",
    "stackoverflow.com",
    "nytimes.com",
    "bbc.co.uk",
    "cnn.com",
    "reuters.com",
    "bloomberg.com",
    "coindesk.com",
    "cointelegraph.com",
    "coinmarketcap.com",
    "coingecko.com",
    "yahoo.co.jp",
    "rakuten.co.jp",
    "nikkei.com",
    "finance.yahoo.com",
    "paypal.com",
    "ebay.com",
    "booking.com",
    "airbnb.com",
    "spotify.com",
    "zoom.us",
    "dropbox.com",
    "medium.com",
    "coinbase.com",
    "kraken.com",
    "bitflyer.com",
    "okx.com",
    "bybit.com",
    "etherscan.io",
    "docs.rs",
    "crates.io",
    "python.org",
    "npmjs.com",
    "cloudflare.com",
    "stripe.com",
    "nhk.or.jp",
    "asahi.com",
    "mercari.com",
    "line.me",
    "note.com",
    "pixiv.net",
    "qq.com",
    "baidu.com",
    "naver.com",
    "mail.ru",
    "yandex.ru",
    "bing.com",
    "duckduckgo.com",
    "financialtimes.com",
    "balance.com",
    "binary.com",
    "nuance.com",
    "tradingview.com",
];

pub const PATHS: &[&str] = &[
    "/",
    "/search?q=rust+programming",
    "/news/2024/05/markets-rally-on-rate-cut-hopes",
    "/watch?v=dQw4w9WgXcQ",
    "/wiki/Special:Random",
    "/products/12345?ref=homepage&utm_source=mail",
    "/en-us/account/settings",
    "/r/programming/comments/abc123/some_title/",
    "/article/12345678",
    "/tag/binance/",
    "/exchanges/binance/",
    "/login",
    "",
];

pub const OFFICIAL: &[&str] = &[
    "https://www.binance.com/en/login",
    "https://accounts.binance.com/register?ref=ABC123",
    "https://www.binance.com/en/support/faq/360002070252",
    "https://api.binance.com/api/v3/ping",
    "https://api1.binance.com/api/v3/time",
    "wss://stream.binance.com:9443/ws/btcusdt@trade",
    "https://academy.binance.com/en/articles/what-is-phishing",
    "https://p2p.binance.com/en",
    "https://s.binance.com/abcDEF12",
    "https://data-api.binance.vision/api/v3/exchangeInfo",
    "https://bin.bnbstatic.com/static/images/common/favicon.ico",
    "https://www.binance.us/",
    "https://www.binance.info/en/support/faq/detail/557f95eaf8fb4460aed0a891d42a1425",
    "binance.com",
    "https://testnet.binancefuture.com/fapi/v1/ping",
];

pub const LURES: &[&str] = &[
    "login", "support", "verify", "kyc", "airdrop", "bonus", "wallet", "secure", "official", "help",
];

pub const TLDS: &[&str] = &[
    "com", "net", "org", "xyz", "top", "io", "co", "online", "site", "us", "vip",
];

pub const UNICODE: &[&str] = &[
    "https://bіnance.com/en/login",
    "https://bınance.com/",
    "https://xn--bnance-p9a.com/",
    "https://binancе.com",
    "https://bïnance.com/login",
    "https://münchen.de/",
    "https://日本.jp/",
    "https://ｂｉｎａｎｃｅ.com/",
    "https://аpple.com/",
    "https://bnbѕtatic.com/",
];

pub const JUNK: &[&str] = &[
    "",
    "hello world",
    "http://3232235777/binance/login",
    "https://bit.ly/3xYzAb",
    "xn--zz.com",
    "random text 123",
    "javascript:alert(1)",
    "https://binance.com@evil.example/",
    "t.me/BinanceSupport",
    "https://10.0.0.1:8080/",
    "%%%%",
    "https://exa mple.com",
];

fn look_alike(r: &mut Rng) -> String {
    let brand = if r.below(5) == 0 {
        "bnbstatic"
    } else {
        "binance"
    };
    let b = brand.as_bytes();
    let i = 1 + r.below(b.len() - 2);
    let tld = *r.pick(TLDS);
    let lure = *r.pick(LURES);
    let label = match r.below(10) {
        0 => format!("{}{}", &brand[..i], &brand[i + 1..]),
        1 => format!(
            "{}{}{}",
            &brand[..i],
            (b'a' + r.below(26) as u8) as char,
            &brand[i..]
        ),
        2 => format!(
            "{}{}{}",
            &brand[..i],
            (b'a' + r.below(26) as u8) as char,
            &brand[i + 1..]
        ),
        3 => {
            let mut s = b.to_vec();
            s.swap(i, i + 1);
            String::from_utf8(s).unwrap_or_default()
        }
        4 => format!("{}-{}", &brand[..i], &brand[i..]),
        5 => format!("{brand}-{lure}"),
        6 => format!("{lure}{brand}"),
        7 => brand.to_string(),
        8 => format!("{brand}.com.{lure}-check"),
        _ => format!("www{brand}"),
    };
    match r.below(6) {
        0 => format!("https://{label}.{tld}/en/login"),
        1 => format!("http://{label}.{tld}/"),
        2 => format!("{label}.{tld}"),
        3 => format!("https://www.{label}.{tld}/verify?id={}", r.below(100_000)),
        4 => format!("https://{brand}.com@{label}.{tld}/"),
        _ => format!("https://secure.{label}.{tld}/{lure}"),
    }
}

/// `n` inputs: 55 % unrelated, 15 % genuine, 25 % ASCII look-alikes,
/// 2 % Unicode, 3 % junk and special forms.
pub fn mixed_lines(n: usize, seed: u64) -> Vec<String> {
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let roll = r.below(100);
        let line = if roll < 55 {
            let d = *r.pick(POPULAR);
            let p = *r.pick(PATHS);
            match r.below(3) {
                0 => format!("https://www.{d}{p}"),
                1 => format!("https://{d}{p}"),
                _ => format!("{d}{p}"),
            }
        } else if roll < 70 {
            r.pick(OFFICIAL).to_string()
        } else if roll < 95 {
            look_alike(&mut r)
        } else if roll < 97 {
            r.pick(UNICODE).to_string()
        } else {
            r.pick(JUNK).to_string()
        };
        out.push(line);
    }
    out
}
