//! Pull every link out of free text, HTML or an e-mail message (.eml).
//!
//! For e-mail: headers are unfolded and RFC 2047 encoded-words decoded; MIME
//! multipart bodies are walked; quoted-printable and base64 parts are decoded.
//! For HTML: attribute targets (href, src, action, …) and the visible text are
//! both searched, in document order, so `<a href="evil">binance.com</a>` yields
//! both links. Links are returned once each, in order of first appearance.
//!
//! Hand-written rather than `mail-parser` (1.0 needs rustc 1.98). Charsets:
//! UTF-8, ASCII and Latin-1 are decoded; for ISO-2022-JP and Shift_JIS the
//! non-ASCII runs are dropped (links are ASCII or punycode there), so Japanese
//! text cannot leak bytes into a neighbouring link.

use std::collections::HashSet;

use base64::Engine as _;
use linkify::{LinkFinder, LinkKind};

/// Largest nesting of MIME parts followed; deeper parts are read as text.
const MAX_DEPTH: usize = 8;

/// Links, host names and e-mail addresses in `input`, deduplicated, in order.
pub fn extract_links(input: &[u8]) -> Vec<String> {
    let mut out = Links::default();
    if looks_like_email(input) {
        message(input, 0, &mut out);
    } else {
        let text = String::from_utf8_lossy(input);
        if looks_like_html(&text) {
            html(&text, &mut out);
        } else {
            plain(&text, &mut out);
        }
    }
    out.list
}

#[derive(Default)]
struct Links {
    seen: HashSet<String>,
    list: Vec<String>,
}

impl Links {
    fn push(&mut self, link: &str) {
        let link = link.trim();
        if link.is_empty() || link.starts_with('#') {
            return;
        }
        if self.seen.insert(link.to_string()) {
            self.list.push(link.to_string());
        }
    }
}

fn finder() -> LinkFinder {
    let mut f = LinkFinder::new();
    f.url_must_have_scheme(false);
    f.kinds(&[LinkKind::Url, LinkKind::Email]);
    f
}

fn plain(text: &str, out: &mut Links) {
    for link in finder().links(text) {
        out.push(link.as_str());
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(64 * 1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<a ")
        || head.contains("href=")
        || head.contains("<body")
        || head.contains("<div")
        || head.contains("<p>")
        || head.contains("<!doctype")
}

const HEADER_NAMES: &[&str] = &[
    "from",
    "to",
    "subject",
    "date",
    "received",
    "return-path",
    "mime-version",
    "message-id",
    "delivered-to",
    "content-type",
    "reply-to",
    "sender",
    "cc",
    "x-mailer",
    "dkim-signature",
    "authentication-results",
    "arc-seal",
    "list-unsubscribe",
    "content-transfer-encoding",
];

fn looks_like_email(input: &[u8]) -> bool {
    let head = &input[..input.len().min(8192)];
    let text = String::from_utf8_lossy(head);
    let mut known = 0;
    for line in text.lines().take(40) {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        let name = name.to_ascii_lowercase();
        if name.contains(' ') {
            return false;
        }
        if HEADER_NAMES.contains(&name.as_str()) || name.starts_with("x-") {
            known += 1;
        }
    }
    known >= 2
}

/// Split a message or part into (headers, body).
fn split_message(input: &[u8]) -> (&[u8], &[u8]) {
    for (i, w) in input.windows(2).enumerate() {
        if w == b"\n\n" {
            return (&input[..i], &input[i + 2..]);
        }
        if w == b"\r\n" && input[i + 2..].starts_with(b"\r\n") {
            return (&input[..i], &input[i + 4..]);
        }
    }
    (input, &[])
}

/// Unfolded header lines as (lower-case name, raw value).
fn headers(raw: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(raw);
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split('\n') {
        let line = line.trim_end_matches('\r');
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    out
}

fn header<'a>(hs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    hs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// A parameter of a structured header: `boundary="abc"`, `charset=utf-8`.
fn param(value: &str, name: &str) -> Option<String> {
    for part in value.split(';').skip(1) {
        let (k, v) = part.split_once('=')?;
        if k.trim().eq_ignore_ascii_case(name) {
            return Some(v.trim().trim_matches('"').to_string());
        }
    }
    None
}

fn message(input: &[u8], depth: usize, out: &mut Links) {
    let (head, body) = split_message(input);
    let hs = headers(head);
    if depth == 0 {
        // Headers where a sender puts links and addresses; routing headers
        // (Received, DKIM) name mail servers, not destinations.
        for name in [
            "subject",
            "from",
            "reply-to",
            "sender",
            "return-path",
            "list-unsubscribe",
        ] {
            for (n, v) in &hs {
                if n == name {
                    plain(&decode_words(v), out);
                }
            }
        }
    }
    part_body(&hs, body, depth, out);
}

fn part_body(hs: &[(String, String)], body: &[u8], depth: usize, out: &mut Links) {
    let ctype = header(hs, "content-type").unwrap_or("text/plain");
    let mime = ctype
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if mime.starts_with("multipart/")
        && depth < MAX_DEPTH
        && let Some(boundary) = param(ctype, "boundary")
    {
        for part in multipart_parts(body, &boundary) {
            message(part, depth + 1, out);
        }
        return;
    }
    if mime == "message/rfc822" && depth < MAX_DEPTH {
        message(body, depth + 1, out);
        return;
    }
    let encoding = header(hs, "content-transfer-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let decoded: Vec<u8> = match encoding.as_str() {
        "base64" => decode_base64(body),
        "quoted-printable" => decode_qp(body),
        _ => body.to_vec(),
    };
    if !(mime.starts_with("text/") || mime.is_empty()) {
        return; // attachments: images, PDFs…
    }
    let charset = param(ctype, "charset")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let text = decode_charset(&decoded, &charset);
    if mime == "text/html" || looks_like_html(&text) {
        html(&text, out);
    } else {
        plain(&text, out);
    }
}

fn multipart_parts<'a>(body: &'a [u8], boundary: &str) -> Vec<&'a [u8]> {
    let delim = format!("--{boundary}");
    let d = delim.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i + d.len() <= body.len() {
        let at_line_start = i == 0 || body[i - 1] == b'\n';
        if at_line_start && &body[i..i + d.len()] == d {
            starts.push(i);
            i += d.len();
        } else {
            i += 1;
        }
    }
    let mut parts = Vec::new();
    for w in starts.windows(2) {
        let mut s = w[0] + d.len();
        if body[s..].starts_with(b"--") {
            break;
        }
        // Skip the rest of the delimiter line.
        while s < w[1] && body[s] != b'\n' {
            s += 1;
        }
        parts.push(&body[(s + 1).min(w[1])..w[1]]);
    }
    parts
}

fn decode_base64(body: &[u8]) -> Vec<u8> {
    let clean: Vec<u8> = body
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let trimmed: &[u8] = {
        let mut end = clean.len();
        while end > 0 && clean[end - 1] == b'=' {
            end -= 1;
        }
        &clean[..end]
    };
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(trimmed)
        .unwrap_or_else(|_| body.to_vec())
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn decode_qp(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c == b'=' {
            // Soft line break.
            if body[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if body[i + 1..].starts_with(b"\n") {
                i += 2;
                continue;
            }
            if let (Some(h), Some(l)) = (
                body.get(i + 1).and_then(|&c| hex(c)),
                body.get(i + 2).and_then(|&c| hex(c)),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// RFC 2047: `=?utf-8?B?…?=` and `=?iso-8859-1?Q?…?=`; whitespace between
/// adjacent encoded words is dropped.
pub fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut last_was_word = false;
    while let Some(start) = rest.find("=?") {
        let (before, tail) = rest.split_at(start);
        let Some(decoded_len) = encoded_word(tail) else {
            out.push_str(before);
            out.push_str("=?");
            rest = &tail[2..];
            last_was_word = false;
            continue;
        };
        if !(last_was_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        let (text, used) = decoded_len;
        out.push_str(&text);
        rest = &tail[used..];
        last_was_word = true;
    }
    out.push_str(rest);
    out
}

fn encoded_word(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix("=?")?;
    let q1 = inner.find('?')?;
    let charset = inner[..q1]
        .split('*')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let after = &inner[q1 + 1..];
    let q2 = after.find('?')?;
    let enc = after[..q2].to_ascii_lowercase();
    let data_start = &after[q2 + 1..];
    let end = data_start.find("?=")?;
    let data = &data_start[..end];
    let bytes = match enc.as_str() {
        "b" => decode_base64(data.as_bytes()),
        "q" => decode_qp(data.replace('_', " ").as_bytes()),
        _ => return None,
    };
    let used = 2 + q1 + 1 + q2 + 1 + end + 2;
    Some((decode_charset(&bytes, &charset), used))
}

fn decode_charset(bytes: &[u8], charset: &str) -> String {
    match charset {
        "iso-8859-1" | "latin1" | "latin-1" | "windows-1252" | "cp1252" | "us-ascii" | "ascii" => {
            if std::str::from_utf8(bytes).is_ok() && charset.contains("ascii") {
                return String::from_utf8_lossy(bytes).into_owned();
            }
            bytes.iter().map(|&b| b as char).collect()
        }
        "iso-2022-jp" | "iso-2022-jp-2" | "csiso2022jp" => ascii_runs_iso2022(bytes),
        "shift_jis" | "shift-jis" | "sjis" | "cp932" | "windows-31j" | "x-sjis" => {
            ascii_runs_sjis(bytes)
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Keep the ASCII runs of ISO-2022-JP text; each JIS run becomes one space.
fn ascii_runs_iso2022(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut ascii = true;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && i + 2 < bytes.len() {
            let seq = &bytes[i + 1..i + 3];
            ascii = matches!(seq, b"(B" | b"(J");
            if !ascii {
                out.push(' ');
            }
            i += 3;
            continue;
        }
        if ascii && bytes[i] < 0x80 {
            out.push(bytes[i] as char);
        }
        i += 1;
    }
    out
}

/// Keep the ASCII of Shift_JIS text; a double-byte character (whose second
/// byte may look like ASCII) becomes a space.
fn ascii_runs_sjis(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x81..=0x9f).contains(&b) || (0xe0..=0xfc).contains(&b) {
            out.push(' ');
            i += 2;
            continue;
        }
        out.push(if b < 0x80 { b as char } else { ' ' });
        i += 1;
    }
    out
}

const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data-href",
    "data-url",
    "srcset",
    "poster",
    "cite",
    "background",
];

/// Walk HTML in document order: attribute targets of each tag, then the text.
fn html(text: &str, out: &mut Links) {
    let f = finder();
    let mut rest = text;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(lt) => {
                visible(&f, &rest[..lt], out);
                let tag_src = &rest[lt..];
                if tag_src.starts_with("<!--") {
                    let end = tag_src.find("-->").map_or(tag_src.len(), |e| e + 3);
                    rest = &tag_src[end..];
                    continue;
                }
                let end = tag_end(tag_src);
                tag(&tag_src[..end], out);
                rest = &tag_src[end..];
            }
            None => {
                visible(&f, rest, out);
                break;
            }
        }
    }
}

fn visible(f: &LinkFinder, text: &str, out: &mut Links) {
    if text.trim().is_empty() {
        return;
    }
    let decoded = entities(text);
    for link in f.links(&decoded) {
        out.push(link.as_str());
    }
}

/// End of a tag, skipping '>' inside quoted attribute values.
fn tag_end(s: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &c) in s.as_bytes().iter().enumerate().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return i + 1,
            None => {}
        }
    }
    s.len()
}

fn tag(t: &str, out: &mut Links) {
    let b = t.as_bytes();
    let mut i = 1;
    // skip the tag name
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
        i += 1;
    }
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
            i += 1;
        }
        let name = t[name_start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            if i < b.len() && b[i] == b'>' {
                break;
            }
            if i == name_start {
                i += 1;
            }
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
            let q = b[i];
            let start = i + 1;
            let end = b[start..]
                .iter()
                .position(|&c| c == q)
                .map_or(b.len(), |p| start + p);
            i = (end + 1).min(b.len());
            &t[start..end]
        } else {
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                i += 1;
            }
            &t[start..i]
        };
        if URL_ATTRS.contains(&name.as_str()) {
            let v = entities(value);
            if name == "srcset" {
                for cand in v.split(',') {
                    if let Some(u) = cand.split_whitespace().next() {
                        push_attr(u, out);
                    }
                }
            } else {
                push_attr(&v, out);
            }
        } else if name == "content" || name == "style" {
            // <meta http-equiv="refresh" content="0;url=…">, url(…) in styles
            plain(&entities(value), out);
        }
    }
}

fn push_attr(v: &str, out: &mut Links) {
    let v = v.trim();
    // Relative links ("/about", "#top") say nothing about where they lead.
    if v.is_empty() || v.starts_with('#') || (v.starts_with('/') && !v.starts_with("//")) {
        return;
    }
    let lower = v.to_ascii_lowercase();
    if lower.starts_with("cid:") || lower.starts_with("tel:") || lower.starts_with("sms:") {
        return;
    }
    out.push(v);
}

/// Decode the HTML character references phishers use to hide links.
fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        // A reference is short; look for its ';' in the next dozen bytes, cut on a
        // character boundary so multi-byte text after '&' cannot split a char.
        let mut window = tail.len().min(12);
        while !tail.is_char_boundary(window) {
            window -= 1;
        }
        let semi = tail[..window].find(';');
        let decoded = semi.and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "period" => Some('.'),
                "sol" => Some('/'),
                "colon" => Some(':'),
                _ => {
                    let n = name.strip_prefix('#')?;
                    let v = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(v)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &tail[used..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text() {
        let links = extract_links(b"Log in at binance.com or https://binnance-login.com/x, mail support@binance-help.net.");
        assert_eq!(
            links,
            [
                "binance.com",
                "https://binnance-login.com/x",
                "support@binance-help.net"
            ]
        );
    }

    #[test]
    fn html_targets_and_text() {
        let html = br#"<html><body><a href="https://evil.example/login?a=1&amp;b=2">https://www.binance.com</a>
            <img src='https://bnbstatic.com/x.png'><a href="/relative">x</a></body></html>"#;
        let links = extract_links(html);
        assert_eq!(
            links,
            [
                "https://evil.example/login?a=1&b=2",
                "https://www.binance.com",
                "https://bnbstatic.com/x.png"
            ]
        );
    }

    #[test]
    fn encoded_words_and_qp() {
        assert_eq!(
            decode_words("=?UTF-8?B?QmluYW5jZQ==?= =?utf-8?Q?_alert?="),
            "Binance alert"
        );
        assert_eq!(
            decode_qp(b"https://bin=\r\nance.com/a=3Db"),
            b"https://binance.com/a=b"
        );
    }

    #[test]
    fn iso_2022_jp_text_keeps_links() {
        let bytes = b"\x1b$B%m%0%$%s\x1b(B https://binance-verify.example/ \x1b$B$3$A$i\x1b(B";
        let text = decode_charset(bytes, "iso-2022-jp");
        let mut links = Links::default();
        plain(&text, &mut links);
        assert_eq!(links.list, ["https://binance-verify.example/"]);
        assert!(!text.contains('%'));
    }
}

#[cfg(test)]
mod entity_tests {
    use super::entities;

    #[test]
    fn multibyte_text_after_an_ampersand_does_not_panic() {
        assert_eq!(entities("&00€€€€€€"), "&00€€€€€€");
        assert_eq!(entities("a&amp;b"), "a&b");
        assert_eq!(
            entities("&\u{80}\u{80}\u{80}\u{80}\u{80};"),
            "&\u{80}\u{80}\u{80}\u{80}\u{80};"
        );
    }
}
