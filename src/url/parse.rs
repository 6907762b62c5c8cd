//! Split a line into scheme, userinfo, host, port and the rest.
//!
//! The common case — an ASCII http(s) link or a bare host name — is handled by
//! hand without allocating (the host is lower-cased into a reused buffer).
//! Anything unusual (non-ASCII or punycode hosts, percent-encoding, IP literals
//! in any notation, IPv6) goes through the `url` crate's WHATWG host parser, which
//! is what browsers do with the same text.

use std::net::Ipv4Addr;

/// The scheme as far as the verdict cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// https, wss, or Binance's app scheme `bnc`.
    Secure,
    /// http, ws, ftp: readable and changeable on the way.
    Insecure,
    /// None given ("binance.com/login"); a browser would try https.
    Missing,
    /// Some other scheme with an authority ("foo://host").
    Other,
    Data,
    Script,
    /// `mailto:` or a bare e-mail address.
    Email,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostKind {
    Domain,
    Ipv4,
    Ipv6,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Parsed<'a> {
    pub scheme: Scheme,
    pub host_kind: HostKind,
    /// ASCII, lower case, IDNA-encoded, no trailing dot; empty for data:/javascript:.
    pub host: &'a str,
    /// Unicode form when it differs from `host`.
    pub host_unicode: Option<&'a str>,
    /// Explicit port other than the scheme's default.
    pub port: Option<u16>,
    /// Text before '@' in the authority (or the local part of an e-mail address).
    pub userinfo: &'a str,
    /// Path, query and fragment as written.
    pub rest: &'a str,
    /// For data: and javascript: URLs, everything after the colon.
    pub payload: &'a str,
    /// The host was written with percent-escapes.
    pub percent_host: bool,
    /// The host as written differs from what a browser resolves beyond letter
    /// case: fullwidth letters, ideographic dots, other compatibility forms.
    pub mapped_host: bool,
    /// An IPv4 address written other than as a dotted quad (3232235777,
    /// 0xC0A80101, 0300.0250.1.1): only ever done to hide it.
    pub ip_obfuscated: bool,
}

/// Buffers reused across calls so that parsing the common case allocates nothing.
#[derive(Default)]
pub struct ParseBuf {
    host: String,
    unicode: String,
    cleaned: String,
}

fn is_trim(c: char) -> bool {
    c.is_whitespace() || c.is_control() || c == '\u{feff}'
}

/// Remove surrounding whitespace and one pair of quoting characters people wrap
/// links in (<…>, "…", '…', `…`).
fn trim_input(input: &str) -> &str {
    let s = input.trim_matches(is_trim);
    for (open, close) in [
        ('<', '>'),
        ('"', '"'),
        ('\'', '\''),
        ('`', '`'),
        ('(', ')'),
        ('[', ']'),
    ] {
        if s.len() >= 2 && s.starts_with(open) && s.ends_with(close) {
            return s[1..s.len() - 1].trim_matches(is_trim);
        }
    }
    s
}

/// Security write-ups "defang" links (hxxps://evil[.]com); undo that, and drop
/// the tab/newline characters the URL standard ignores anywhere.
fn needs_cleaning(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter()
        .any(|&c| c == b'\t' || c == b'\n' || c == b'\r' || c == b'[' || c == b'(')
        || (b.len() >= 4 && b[..4].eq_ignore_ascii_case(b"hxxp"))
}

fn clean(s: &str, out: &mut String) {
    out.clear();
    let mut rest = s;
    let rb = rest.as_bytes();
    if rb.len() >= 7
        && rb[..4].eq_ignore_ascii_case(b"hxxp")
        && (rb[4..].starts_with(b"://")
            || rb[4..].starts_with(b"s://")
            || rb[4..].starts_with(b"S://"))
    {
        out.push_str("http");
        rest = &rest[4..];
    }
    let mut i = 0;
    let b = rest.as_bytes();
    while i < b.len() {
        let tail = &rest[i..];
        let mut matched = false;
        for (pat, rep) in [
            ("[.]", "."),
            ("(.)", "."),
            ("[dot]", "."),
            ("(dot)", "."),
            ("[:]", ":"),
        ] {
            if tail.len() >= pat.len()
                && tail.as_bytes()[..pat.len()].eq_ignore_ascii_case(pat.as_bytes())
            {
                out.push_str(rep);
                i += pat.len();
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        let Some(c) = tail.chars().next() else { break };
        if !matches!(c, '\t' | '\n' | '\r') {
            out.push(c);
        }
        i += c.len_utf8();
    }
}

fn scheme_of(s: &str) -> Option<(Scheme, usize)> {
    let colon = s.as_bytes().iter().take(24).position(|&c| c == b':')?;
    let name = &s[..colon];
    if name.is_empty()
        || !name.as_bytes()[0].is_ascii_alphabetic()
        || !name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
    {
        return None;
    }
    let lower = |n: &str| name.eq_ignore_ascii_case(n);
    let scheme = if lower("https") || lower("wss") || lower("bnc") {
        Scheme::Secure
    } else if lower("http") || lower("ws") || lower("ftp") {
        Scheme::Insecure
    } else if lower("data") {
        Scheme::Data
    } else if lower("javascript") || lower("vbscript") {
        Scheme::Script
    } else if lower("mailto") {
        Scheme::Email
    } else if s[colon + 1..].starts_with("//") {
        Scheme::Other
    } else {
        // "binance.com:443/x" has no scheme; "tel:123" is not a link we check.
        return if name.contains('.') {
            None
        } else {
            Some((Scheme::Other, usize::MAX))
        };
    };
    Some((scheme, colon))
}

fn default_port(scheme: Scheme, scheme_name: &str) -> Option<u16> {
    match scheme {
        Scheme::Secure | Scheme::Missing => Some(443),
        Scheme::Insecure if scheme_name.eq_ignore_ascii_case("ftp") => Some(21),
        Scheme::Insecure => Some(80),
        _ => None,
    }
}

/// Outcome of the allocation-free parser for the common case.
enum Fast {
    /// Parsed; the host is in the buffer.
    Done {
        scheme: Scheme,
        port: Option<u16>,
        rest: usize,
    },
    /// Certainly not a link.
    Invalid,
    /// Something unusual: let the general parser decide.
    Fallback,
}

/// Byte classes for the fast parser.
const HOST: u8 = 1; // letters, digits, '-', '_'
const DELIM: u8 = 2; // ends the authority: '/', '?', '#'

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            t[c] |= HOST;
        }
        if b == b'/' || b == b'?' || b == b'#' {
            t[c] |= DELIM;
        }
        c += 1;
    }
    t
}

static CLASS: [u8; 256] = classes();

/// The common case, without allocating: optional http(s) scheme, an ASCII host
/// of letters, digits, '-', '_' and dots, an optional port, no userinfo, no
/// punycode, no percent-escapes, not an IP address, nothing to trim.
fn fast(input: &str, host: &mut String) -> Fast {
    let b = input.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return Fast::Fallback;
    };
    if !first.is_ascii_alphanumeric()
        || !last.is_ascii_graphic()
        || matches!(last, b'>' | b'"' | b'\'' | b'`' | b')' | b']')
    {
        return Fast::Fallback;
    }
    let (scheme, start) = if b.len() > 8 && b[..8].eq_ignore_ascii_case(b"https://") {
        (Scheme::Secure, 8)
    } else if b.len() > 7 && b[..7].eq_ignore_ascii_case(b"http://") {
        (Scheme::Insecure, 7)
    } else {
        (Scheme::Missing, 0)
    };
    let mut end = start;
    while end < b.len() && CLASS[b[end] as usize] & DELIM == 0 {
        end += 1;
    }
    // Written as a fold over comparisons so that it vectorises.
    let odd = b[end..].iter().fold(false, |acc, &c| {
        acc | (c < 0x20) | (c == 0x7f) | (c == b'[') | (c == b'(') | (c == b'\\')
    });
    if odd {
        return Fast::Fallback;
    }
    let auth = &b[start..end];
    let (h, port_text) = match auth.iter().rposition(|&c| c == b':') {
        Some(c) => (&auth[..c], Some(&auth[c + 1..])),
        None => (auth, None),
    };
    // A trailing dot names the same host.
    let h = h.strip_suffix(b".").unwrap_or(h);
    if h.is_empty() || h.len() > 253 {
        return Fast::Fallback;
    }
    let mut label_start = 0;
    let mut dots = 0;
    for (i, &c) in h.iter().enumerate() {
        if c == b'.' {
            let len = i - label_start;
            if len == 0 || len > 63 {
                return Fast::Fallback;
            }
            dots += 1;
            label_start = i + 1;
        } else if CLASS[c as usize] & HOST == 0
            || (i == label_start && h.len() >= i + 4 && h[i..i + 4].eq_ignore_ascii_case(b"xn--"))
        {
            // Another character, or punycode: the general parser decides.
            return Fast::Fallback;
        }
    }
    let last_label = &h[label_start..];
    if last_label.is_empty()
        || last_label.len() > 63
        || last_label.iter().all(u8::is_ascii_digit)
        || (last_label.len() > 1 && last_label[0] == b'0' && (last_label[1] | 0x20) == b'x')
    {
        return Fast::Fallback; // empty label, or an IPv4 form
    }
    if scheme == Scheme::Missing && dots == 0 {
        return Fast::Fallback;
    }
    let port = match port_text {
        None | Some(b"") => None,
        Some(digits) => {
            if digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
                return Fast::Fallback;
            }
            let n = digits
                .iter()
                .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
            match u16::try_from(n) {
                Err(_) => return Fast::Invalid,
                Ok(n) if n == if scheme == Scheme::Insecure { 80 } else { 443 } => None,
                Ok(n) => Some(n),
            }
        }
    };
    host.clear();
    host.push_str(&input[start..start + h.len()]);
    host.make_ascii_lowercase();
    Fast::Done {
        scheme,
        port,
        rest: end,
    }
}

/// Parse one line. `None` means "not a URL or host".
pub fn parse<'a>(input: &'a str, buf: &'a mut ParseBuf) -> Option<Parsed<'a>> {
    match fast(input, &mut buf.host) {
        Fast::Done { scheme, port, rest } => {
            buf.unicode.clear();
            let host: &'a String = &buf.host;
            Some(Parsed {
                scheme,
                host_kind: HostKind::Domain,
                host: host.as_str(),
                host_unicode: None,
                port,
                userinfo: "",
                rest: &input[rest..],
                payload: "",
                percent_host: false,
                mapped_host: false,
                ip_obfuscated: false,
            })
        }
        Fast::Invalid => None,
        Fast::Fallback => parse_general(input, buf),
    }
}

/// The general parser: trimming, defanged links, every scheme, userinfo,
/// IDNA, percent-escapes and IP literals.
pub fn parse_general<'a>(input: &'a str, buf: &'a mut ParseBuf) -> Option<Parsed<'a>> {
    let ParseBuf {
        host: host_buf,
        unicode,
        cleaned,
    } = buf;
    unicode.clear();
    let mut s = trim_input(input);
    if s.is_empty() {
        return None;
    }
    if needs_cleaning(s) {
        clean(s, cleaned);
        s = trim_input(cleaned.as_str());
    }

    let (scheme, after) = match scheme_of(s) {
        Some((_, usize::MAX)) => return None,
        Some((sc, colon)) => (sc, colon + 1),
        None => (Scheme::Missing, 0),
    };
    let scheme_name = if after > 0 { &s[..after - 1] } else { "" };
    let body = &s[after..];

    if matches!(scheme, Scheme::Data | Scheme::Script) {
        return Some(Parsed {
            scheme,
            host_kind: HostKind::Domain,
            host: "",
            host_unicode: None,
            port: None,
            userinfo: "",
            rest: "",
            payload: body,
            percent_host: false,
            mapped_host: false,
            ip_obfuscated: false,
        });
    }

    let (scheme, authority, rest) = if scheme == Scheme::Email {
        let addr = body.split(['?', '#']).next().unwrap_or("");
        (Scheme::Email, addr, "")
    } else {
        let body = if scheme == Scheme::Missing {
            body
        } else {
            // Browsers ignore any number of slashes (or backslashes) after http:.
            let t = body.trim_start_matches(['/', '\\']);
            if scheme == Scheme::Other && t.len() == body.len() {
                return None;
            }
            t
        };
        let end = body.find(['/', '?', '#', '\\']).unwrap_or(body.len());
        let authority = &body[..end];
        // A bare "name@domain" is an e-mail address, not a link with userinfo.
        let email = scheme == Scheme::Missing
            && end == body.len()
            && authority.contains('@')
            && !authority.contains(':');
        let sc = if email { Scheme::Email } else { scheme };
        (sc, authority, &body[end..])
    };

    let (userinfo, hostport) = match authority.rfind('@') {
        Some(at) => (&authority[..at], &authority[at + 1..]),
        None => ("", authority),
    };
    if scheme == Scheme::Email && userinfo.is_empty() {
        return None;
    }
    let (raw_host, port_text) = if hostport.starts_with('[') {
        match hostport.find(']') {
            Some(close) => {
                let tail = &hostport[close + 1..];
                let port = tail.strip_prefix(':');
                if !tail.is_empty() && port.is_none() {
                    return None;
                }
                (&hostport[..=close], port)
            }
            None => return None,
        }
    } else {
        match hostport.rfind(':') {
            Some(c) => (&hostport[..c], Some(&hostport[c + 1..])),
            None => (hostport, None),
        }
    };
    let port = match port_text {
        None | Some("") => None,
        Some(p) => {
            if p.len() > 5 || !p.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let n: u32 = p.parse().ok()?;
            let n = u16::try_from(n).ok()?;
            if Some(n) == default_port(scheme, scheme_name) {
                None
            } else {
                Some(n)
            }
        }
    };
    if raw_host.is_empty() || raw_host.len() > 1024 {
        return None;
    }

    let mut host_kind = HostKind::Domain;
    let mut host_unicode = None;
    let mut percent_host = false;
    let mut mapped_host = false;
    let mut ip_obfuscated = false;
    host_buf.clear();
    if is_plain_ascii_host(raw_host) {
        host_buf.extend(raw_host.bytes().map(|c| c.to_ascii_lowercase() as char));
    } else {
        percent_host = raw_host.contains('%');
        match ::url::Host::parse(raw_host).ok()? {
            ::url::Host::Domain(d) => {
                host_buf.push_str(&d);
                if d.split('.').any(|l| l.starts_with("xn--")) {
                    let (u, res) = idna::domain_to_unicode(&d);
                    res.ok()?;
                    unicode.clear();
                    unicode.push_str(u.trim_end_matches('.'));
                }
                mapped_host = was_mapped(raw_host, &d, u_or(&d, unicode.as_str()));
            }
            ::url::Host::Ipv4(a) => {
                host_kind = HostKind::Ipv4;
                host_buf.push_str(&a.to_string());
                ip_obfuscated = !is_dotted_quad(raw_host);
                if scheme == Scheme::Missing && !is_dotted_quad(raw_host) {
                    return None;
                }
            }
            ::url::Host::Ipv6(a) => {
                host_kind = HostKind::Ipv6;
                // "[::ffff:c0a8:101]" is 192.168.1.1 in disguise.
                ip_obfuscated = a.to_ipv4_mapped().is_some();
                host_buf.push('[');
                host_buf.push_str(&a.to_string());
                host_buf.push(']');
            }
        }
    }
    if host_kind == HostKind::Domain {
        if host_buf.ends_with('.') {
            host_buf.pop();
        }
        if !valid_domain(host_buf) {
            return None;
        }
        // A lone word is not a host people could be sent to.
        if matches!(scheme, Scheme::Missing | Scheme::Email) && !host_buf.contains('.') {
            return None;
        }
    }
    if scheme == Scheme::Email && host_kind != HostKind::Domain {
        return None;
    }
    let host: &'a String = host_buf;
    let unicode: &'a String = unicode;
    if !unicode.is_empty() && unicode != host {
        host_unicode = Some(unicode.as_str());
    }
    Some(Parsed {
        scheme,
        host_kind,
        host: host.as_str(),
        host_unicode,
        port,
        userinfo,
        rest,
        payload: "",
        percent_host,
        mapped_host,
        ip_obfuscated,
    })
}

fn u_or<'a>(ascii: &'a str, unicode: &'a str) -> &'a str {
    if unicode.is_empty() { ascii } else { unicode }
}

/// Did the browser have to change more than letter case to reach `ascii`?
fn was_mapped(raw: &str, ascii: &str, unicode: &str) -> bool {
    let decoded = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
    let decoded = decoded.trim_end_matches('.').to_lowercase();
    decoded != ascii.trim_end_matches('.') && decoded != unicode
}

/// Letters, digits, '-', '_' and dots, no punycode, not a number-ending name
/// (which the URL standard reads as an IPv4 address).
fn is_plain_ascii_host(h: &str) -> bool {
    if !h
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_'))
    {
        return false;
    }
    let trimmed = h.strip_suffix('.').unwrap_or(h);
    let last = trimmed.rsplit('.').next().unwrap_or("");
    if last.is_empty()
        || last.bytes().all(|c| c.is_ascii_digit())
        || (last.len() > 1
            && last.as_bytes()[0] == b'0'
            && matches!(last.as_bytes()[1], b'x' | b'X'))
    {
        return false;
    }
    !h.split('.')
        .any(|l| l.len() >= 4 && l.as_bytes()[..4].eq_ignore_ascii_case(b"xn--"))
}

fn is_dotted_quad(h: &str) -> bool {
    h.parse::<Ipv4Addr>().is_ok()
}

fn valid_domain(h: &str) -> bool {
    !h.is_empty() && h.len() <= 253 && h.split('.').all(|l| !l.is_empty() && l.len() <= 63)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parts = (
        Scheme,
        HostKind,
        String,
        Option<String>,
        Option<u16>,
        String,
        String,
    );

    fn p(s: &str) -> Option<Parts> {
        let mut b = ParseBuf::default();
        parse(s, &mut b).map(|x| {
            (
                x.scheme,
                x.host_kind,
                x.host.to_string(),
                x.host_unicode.map(str::to_string),
                x.port,
                x.userinfo.to_string(),
                x.rest.to_string(),
            )
        })
    }

    #[test]
    fn plain_links() {
        let r = p("https://WWW.Binance.com/en/login?x=1").unwrap();
        assert_eq!(r.0, Scheme::Secure);
        assert_eq!(r.2, "www.binance.com");
        assert_eq!(r.4, None);
        assert_eq!(r.6, "/en/login?x=1");
        assert_eq!(p("binance.com").unwrap().0, Scheme::Missing);
        assert_eq!(p("binance.com:443/x").unwrap().4, None);
        assert_eq!(p("https://binance.com:8443/").unwrap().4, Some(8443));
        assert_eq!(p("http://binance.com:80").unwrap().4, None);
        assert_eq!(p("<https://binance.com.>").unwrap().2, "binance.com");
    }

    #[test]
    fn tricky_hosts() {
        let r = p("https://binance.com@evil.example/").unwrap();
        assert_eq!(
            (r.2.as_str(), r.5.as_str()),
            ("evil.example", "binance.com")
        );
        let mut b = ParseBuf::default();
        let x = parse("https://%62inance.com/", &mut b).unwrap();
        assert!(x.percent_host);
        assert_eq!(x.host, "binance.com");
        assert_eq!(p("http://3232235777/").unwrap().2, "192.168.1.1");
        assert_eq!(p("http://0xC0A80101/").unwrap().1, HostKind::Ipv4);
        assert_eq!(p("http://0300.0250.1.1/").unwrap().2, "192.168.1.1");
        assert_eq!(p("http://[::1]:8080/").unwrap().1, HostKind::Ipv6);
        let r = p("https://xn--bnance-p9a.com/").unwrap();
        assert_eq!(r.3.as_deref(), Some("bınance.com"));
        let mut b = ParseBuf::default();
        let x = parse("https://ｂｉｎａｎｃｅ.com/", &mut b).unwrap();
        assert!(x.mapped_host);
        assert_eq!(x.host, "binance.com");
        assert_eq!(p("hxxps://evil[.]example/x").unwrap().2, "evil.example");
    }

    #[test]
    fn fast_path_agrees_with_the_general_parser() {
        let inputs = [
            "https://www.binance.com/en/login",
            "HTTP://WWW.Google.COM:80/x?y#z",
            "binance.com",
            "binance.com.",
            "www.binance.com:443/a",
            "https://a_b.example-host.co.uk/p",
            "https://b.c:8443",
            "http://1.2.3.4/",
            "https://0x7f.1/",
            "https://a..b/",
            "https://a.b:99999/",
            "https://a.b:/x",
            "example",
            "https://example",
            "https://xn--bnance-p9a.com/",
            "https://x.xn--p1ai/",
            "https://a.b/c d",
            "https://a.b/\tc",
            "https://evil.example/[.]",
            "https://a.b./",
            "a.b:12x",
            "https://-a-.b-/",
            "https://a.123/",
            "ftp://a.b/",
            "https://a.b?q=1",
            "a.b#frag",
            "hxxp.example.com",
            "hxxps://evil.example/",
        ];
        for s in inputs {
            let mut b1 = ParseBuf::default();
            let mut b2 = ParseBuf::default();
            let general = parse_general(s, &mut b1);
            let both = parse(s, &mut b2);
            assert_eq!(both, general, "{s:?}");
        }
    }

    #[test]
    fn not_links() {
        for s in [
            "",
            "   ",
            "hello",
            "hello world",
            "tel:123",
            "https://",
            "https://exa mple.com",
            "xn--zz.com",
            "https://xn--a.com",
            "3.14",
            "https://bin..ance.com",
            "https://a.com:99999",
        ] {
            assert!(p(s).is_none(), "{s:?} should be invalid");
        }
        assert_eq!(p("support@binance.com").unwrap().0, Scheme::Email);
        assert_eq!(p("javascript:alert(1)").unwrap().0, Scheme::Script);
    }
}
