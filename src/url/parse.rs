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

#[derive(Debug)]
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
    if rest.len() >= 4 && rest.as_bytes()[..4].eq_ignore_ascii_case(b"hxxp") {
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

/// Parse one line. `None` means "not a URL or host".
pub fn parse<'a>(input: &'a str, buf: &'a mut ParseBuf) -> Option<Parsed<'a>> {
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
                if scheme == Scheme::Missing && !is_dotted_quad(raw_host) {
                    return None;
                }
            }
            ::url::Host::Ipv6(a) => {
                host_kind = HostKind::Ipv6;
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
