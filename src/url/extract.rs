//! Pull every link out of free text, HTML or an e-mail message (.eml).
//!
//! For e-mail: headers are unfolded and RFC 2047 encoded-words decoded; MIME
//! multipart bodies are walked; quoted-printable and base64 parts are decoded.
//! For HTML: attribute targets (href, src, action, …) and the visible text are
//! both searched, in document order, so `<a href="evil">binance.com</a>` yields
//! both links. Links are returned once each, in order of first appearance.
//!
//! Hand-written MIME walking rather than `mail-parser` (1.0 needs rustc 1.98);
//! every declared charset is decoded with `encoding_rs` (WHATWG labels:
//! Shift_JIS, ISO-2022-JP, EUC-JP, windows-1252, …) and HTML character
//! references with `htmlize` (all HTML5 named references, numeric ones with or
//! without ';', as browsers decode them). What cannot be read within the bounds
//! is reported in `Extraction::unchecked`, never dropped silently.

use std::collections::HashSet;

use base64::Engine as _;
use linkify::{LinkFinder, LinkKind};

/// Largest nesting of MIME parts followed; deeper parts are searched as raw
/// text and reported in `Extraction::unchecked`.
const MAX_DEPTH: usize = 32;

/// One link found, with the address its visible text shows when that differs
/// (`<a href="https://elsewhere.example/">https://www.binance.com/</a>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub shown: Option<String>,
}

/// What `extract` found, and what it could not read.
#[derive(Debug, Default)]
pub struct Extraction {
    pub links: Vec<Link>,
    /// Parts not fully examined (too deeply nested, undecodable): said, not hidden.
    pub unchecked: Vec<Unchecked>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unchecked {
    /// MIME parts nested deeper than `MAX_DEPTH`: searched as raw text only.
    DeepNesting,
    /// The input was longer than the reading limit; the rest was not read.
    TooLarge,
}

/// Links, host names and e-mail addresses in `input`, deduplicated, in order.
pub fn extract_links(input: &[u8]) -> Vec<String> {
    extract(input).links.into_iter().map(|l| l.url).collect()
}

/// Links with the text shown for them, and what was left unexamined.
pub fn extract(input: &[u8]) -> Extraction {
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
    Extraction {
        links: out.list,
        unchecked: out.unchecked,
    }
}

#[derive(Default)]
struct Links {
    seen: HashSet<String>,
    list: Vec<Link>,
    unchecked: Vec<Unchecked>,
}

impl Links {
    fn push(&mut self, link: &str) {
        self.push_shown(link, None);
    }

    fn push_shown(&mut self, link: &str, shown: Option<String>) {
        let link = link.trim();
        if link.is_empty() || link.starts_with('#') {
            return;
        }
        if self.seen.insert(link.to_string()) {
            self.list.push(Link {
                url: link.to_string(),
                shown,
            });
        } else if shown.is_some()
            && let Some(l) = self.list.iter_mut().find(|l| l.url == link)
            && l.shown.is_none()
        {
            l.shown = shown;
        }
    }

    fn note(&mut self, u: Unchecked) {
        if !self.unchecked.contains(&u) {
            self.unchecked.push(u);
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
    for (_, _, link) in candidates(text) {
        out.push(&link);
    }
}

/// Characters that end a link written in running text.
fn ends_link(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '<' | '>'
                | '"'
                | '`'
                | '「'
                | '」'
                | '『'
                | '』'
                | '（'
                | '）'
                | '【'
                | '】'
                | '\u{3001}'
        )
}

/// Every link in running text, as (start, end, text), in order: linkify's
/// links, plus what it misses and a browser would still open — scheme links
/// whose host is not ASCII or hides a percent-escape ("https://binance.cοm",
/// "https://binance.com%2eevil.top") and bare hosts on non-ASCII endings
/// ("binance.рф", "binance.中国") or in IP form. A span inside a longer one
/// is dropped, so one link is never reported as two.
fn candidates(text: &str) -> Vec<(usize, usize, String)> {
    let mut spans: Vec<(usize, usize, String)> = finder()
        .links(text)
        .map(|l| (l.start(), l.end(), l.as_str().to_string()))
        .collect();
    // Scheme links, read as a browser would: to the first space or quote.
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("://").map(|i| i + from) {
        from = i + 3;
        let start = lower[..i]
            .rfind(|c: char| !c.is_ascii_alphanumeric() && !matches!(c, '+' | '-' | '.'))
            // Past the whole character: it may be multi-byte (U+FFFD from
            // invalid UTF-8, a CJK letter), and slicing inside it panics.
            .map_or(0, |p| {
                p + lower[p..].chars().next().map_or(1, char::len_utf8)
            });
        if start == i || !lower[start..i].starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let rest = &text[i + 3..];
        // The host may be non-ASCII; the path of a pasted link is not.
        let host_end = rest
            .find(|c: char| ends_link(c) || matches!(c, '/' | '?' | '#'))
            .unwrap_or(rest.len());
        let path = &rest[host_end..];
        let path_end = path
            .find(|c: char| ends_link(c) || !c.is_ascii())
            .unwrap_or(path.len());
        let mut end = i + 3 + host_end + path_end;
        while end > i + 3
            && text[..end].ends_with(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '。'])
        {
            end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
        }
        if end > i + 3 {
            spans.push((start, end, text[start..end].to_string()));
        }
    }
    // Bare hosts linkify does not know (non-ASCII endings, numbers).
    let mut pos = 0;
    for tok in text.split(ends_link) {
        let tstart = pos;
        pos += tok.len();
        pos += text[pos..].chars().next().map_or(0, char::len_utf8);
        let t = tok.trim_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '\'' | '。'
            )
        });
        if t.len() < 4
            || t.len() > 512
            || t.contains("://")
            || t.contains('@')
            || !t.contains(['.', '。', '｡', '．'])
        {
            continue;
        }
        if t.is_ascii()
            && !t
                .split('.')
                .next_back()
                .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
        {
            continue; // ASCII host names are linkify's
        }
        let off = tok.find(t).unwrap_or(0);
        if bare_host_opens(t) {
            spans.push((tstart + off, tstart + off + t.len(), t.to_string()));
        }
    }
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for s in spans {
        if out.last().is_some_and(|l| s.0 >= l.0 && s.1 <= l.1) {
            continue;
        }
        out.push(s);
    }
    out
}

/// Would a browser open this bare word as a host with a real ending or as an
/// IPv4 address?
fn bare_host_opens(t: &str) -> bool {
    let mut buf = super::parse::ParseBuf::default();
    let Some(p) = super::parse::parse(t, &mut buf) else {
        return false;
    };
    match p.host_kind {
        super::parse::HostKind::Domain => {
            p.host.contains('.') && super::assess::split_host(p.host).2
        }
        _ => t.bytes().filter(|&b| b == b'.').count() == 3,
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
    if (mime.starts_with("multipart/") || mime == "message/rfc822") && depth >= MAX_DEPTH {
        // Bounded, and said: the rest is searched as raw text only.
        out.note(Unchecked::DeepNesting);
        plain(&String::from_utf8_lossy(body), out);
        return;
    }
    if mime.starts_with("multipart/")
        && let Some(boundary) = param(ctype, "boundary")
    {
        for part in multipart_parts(body, &boundary) {
            message(part, depth + 1, out);
        }
        return;
    }
    if mime == "message/rfc822" {
        message(body, depth + 1, out);
        return;
    }
    let encoding = header(hs, "content-transfer-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let mut trailing: &[u8] = &[];
    let decoded: Vec<u8> = match encoding.as_str() {
        "base64" => {
            let (data, rest) = base64_lines(body);
            trailing = rest;
            decode_base64(data)
        }
        "quoted-printable" => decode_qp(body),
        _ => body.to_vec(),
    };
    if !trailing.iter().all(u8::is_ascii_whitespace) {
        // Text after the encoded block (a footer a list server appended).
        plain(&String::from_utf8_lossy(trailing), out);
    }
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

fn is_b64(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'-' | b'_')
}

/// Split a base64 body into the encoded block and any text after it: the
/// block ends at the first line that is mostly not base64 (mail clients
/// decode the same way).
fn base64_lines(body: &[u8]) -> (&[u8], &[u8]) {
    let mut pos = 0;
    let mut started = false;
    while pos < body.len() {
        let end = body[pos..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(body.len(), |e| pos + e + 1);
        let line = body[pos..end].trim_ascii();
        if !line.is_empty() {
            let good = line.iter().filter(|&&c| is_b64(c)).count();
            if good * 10 < line.len() * 9
                || (started && line.contains(&b' ') && good * 10 < line.len() * 10)
            {
                return (&body[..pos], &body[pos..]);
            }
            started = true;
        }
        pos = end;
    }
    (body, &[])
}

/// Decode base64 the way mail clients do: stray characters skipped, missing
/// or extra padding tolerated, concatenated blocks ("…==…") each decoded.
fn decode_base64(body: &[u8]) -> Vec<u8> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.split(|&c| c == b'=') {
        let mut clean: Vec<u8> = chunk
            .iter()
            .map(|&c| match c {
                b'-' => b'+',
                b'_' => b'/',
                c => c,
            })
            .filter(|&c| c.is_ascii_alphanumeric() || c == b'+' || c == b'/')
            .collect();
        if clean.len() % 4 == 1 {
            clean.pop(); // a lone sextet carries no byte
        }
        if let Ok(bytes) = LENIENT.decode(&clean) {
            out.extend_from_slice(&bytes);
        }
    }
    out
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

/// Decode text in its declared charset (WHATWG labels, via `encoding_rs`);
/// an unknown or missing label is read as UTF-8.
fn decode_charset(bytes: &[u8], charset: &str) -> String {
    let label = charset.trim().trim_matches('"');
    match encoding_rs::Encoding::for_label(label.as_bytes()) {
        Some(enc) if enc != encoding_rs::UTF_8 => {
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
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
/// The text inside `<a href=…>…</a>` is collected: when it shows an address
/// other than the href, the href is reported with what it pretends to be.
fn html(text: &str, out: &mut Links) {
    let mut rest = text;
    let mut anchor: Option<(String, String)> = None; // (href, visible text)
    while !rest.is_empty() {
        match rest.find('<') {
            Some(lt) => {
                visible(&rest[..lt], anchor.as_mut(), out);
                let tag_src = &rest[lt..];
                if tag_src.starts_with("<!--") {
                    let end = tag_src.find("-->").map_or(tag_src.len(), |e| e + 3);
                    rest = &tag_src[end..];
                    continue;
                }
                let end = tag_end(tag_src);
                let t = &tag_src[..end];
                let name = tag_name(t);
                if (name == "/a" || name == "a")
                    && let Some((href, shown)) = anchor.take()
                {
                    close_anchor(&href, &shown, out);
                }
                let href = tag(t, out);
                if name == "a"
                    && let Some(h) = href
                {
                    anchor = Some((h, String::new()));
                }
                rest = &tag_src[end..];
            }
            None => {
                visible(rest, anchor.as_mut(), out);
                break;
            }
        }
    }
    if let Some((href, shown)) = anchor.take() {
        close_anchor(&href, &shown, out);
    }
}

fn tag_name(t: &str) -> String {
    t[1..]
        .split(|c: char| c.is_ascii_whitespace() || c == '>')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_ascii_lowercase()
}

/// The visible text of an anchor: an address other than the href's is the lure.
fn close_anchor(href: &str, shown: &str, out: &mut Links) {
    let found = candidates(shown);
    if let [(_, _, link)] = found.as_slice()
        && different_host(href, link)
    {
        out.push_shown(href, Some(link.clone()));
        return;
    }
    for (_, _, link) in found {
        out.push(&link);
    }
}

fn different_host(a: &str, b: &str) -> bool {
    let host = |s: &str| {
        let mut buf = super::parse::ParseBuf::default();
        super::parse::parse(s, &mut buf).map(|p| p.host.to_string())
    };
    match (host(a), host(b)) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

fn visible(text: &str, anchor: Option<&mut (String, String)>, out: &mut Links) {
    if text.trim().is_empty() {
        return;
    }
    let decoded = htmlize::unescape(text);
    match anchor {
        Some((_, shown)) => {
            if shown.len() < 4096 {
                shown.push_str(&decoded);
            }
        }
        None => {
            for (_, _, link) in candidates(&decoded) {
                out.push(&link);
            }
        }
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

/// Report the link targets in one tag's attributes; returns the href.
fn tag(t: &str, out: &mut Links) -> Option<String> {
    let mut href = None;
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
            let v = htmlize::unescape_attribute(value);
            if name == "srcset" {
                for cand in v.split(',') {
                    if let Some(u) = cand.split_whitespace().next() {
                        push_attr(u, out);
                    }
                }
            } else if name == "href" {
                href = attr_link(&v);
                if let Some(h) = &href {
                    out.push(h);
                }
            } else {
                push_attr(&v, out);
            }
        } else if name == "content" || name == "style" {
            // <meta http-equiv="refresh" content="0;url=…">, url(…) in styles
            plain(&htmlize::unescape_attribute(value), out);
        }
    }
    href
}

fn push_attr(v: &str, out: &mut Links) {
    if let Some(l) = attr_link(v) {
        out.push(&l);
    }
}

/// The link an attribute value leads to, if it names a host: relative links
/// ("/about", "#top") say nothing about where they lead; scheme-relative ones
/// ("//host/path") open the host over https.
fn attr_link(v: &str) -> Option<String> {
    let v = v.trim();
    if v.is_empty() || v.starts_with('#') || (v.starts_with('/') && !v.starts_with("//")) {
        return None;
    }
    if let Some(rest) = v.strip_prefix("//") {
        return (!rest.is_empty() && !rest.starts_with('/')).then(|| format!("https://{rest}"));
    }
    let lower = v.to_ascii_lowercase();
    if lower.starts_with("cid:") || lower.starts_with("tel:") || lower.starts_with("sms:") {
        return None;
    }
    Some(v.to_string())
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
        let ex = extract(html);
        let urls: Vec<&str> = ex.links.iter().map(|l| l.url.as_str()).collect();
        // The anchor's text is what the href pretends to be, not another link.
        assert_eq!(
            urls,
            [
                "https://evil.example/login?a=1&b=2",
                "https://bnbstatic.com/x.png"
            ]
        );
        assert_eq!(
            ex.links[0].shown.as_deref(),
            Some("https://www.binance.com")
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
        let urls: Vec<&str> = links.list.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://binance-verify.example/"]);
        assert!(!text.contains('%'));
    }
}

#[cfg(test)]
mod issue_kinds {
    use super::*;

    #[test]
    fn plain_text_finds_what_the_single_link_path_reads() {
        let text = "見てください https://binance.cοm/login または binance.рф、binance.中国 http://3232235777/x and https://binance.com%2eevil.top/login now";
        let links = extract_links(text.as_bytes());
        assert!(
            links.contains(&"https://binance.cοm/login".to_string()),
            "{links:?}"
        );
        assert!(links.contains(&"binance.рф".to_string()), "{links:?}");
        assert!(links.contains(&"binance.中国".to_string()), "{links:?}");
        assert!(
            links.contains(&"http://3232235777/x".to_string()),
            "{links:?}"
        );
        assert!(
            links.contains(&"https://binance.com%2eevil.top/login".to_string()),
            "{links:?}"
        );
        assert!(
            !links.iter().any(|l| l == "https://binance.com"),
            "{links:?}"
        );
    }

    #[test]
    fn html_entities_as_browsers_decode_them() {
        let links = extract_links(b"<html><p>https&#58//www.binance.com.evil.example/ &lt;x&gt;</p><a href='//evil.example/p'>x</a></html>");
        assert!(
            links.contains(&"https://www.binance.com.evil.example/".to_string()),
            "{links:?}"
        );
        assert!(
            links.contains(&"https://evil.example/p".to_string()),
            "{links:?}"
        );
    }

    #[test]
    fn tolerant_base64_and_deep_nesting() {
        let b64 = base64::engine::general_purpose::STANDARD
            .encode("go to https://binance-login.example/x now");
        let mail = format!(
            "From: a@b.example\r\nSubject: hi\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n{}*{}\r\n-- \r\nfooter https://footer.example/\r\n",
            &b64[..10],
            &b64[10..]
        );
        let links = extract_links(mail.as_bytes());
        assert!(
            links.contains(&"https://binance-login.example/x".to_string()),
            "{links:?}"
        );
        assert!(
            links.contains(&"https://footer.example/".to_string()),
            "{links:?}"
        );

        let mut body = String::from("see https://deep.example/login\r\n");
        for d in (0..40).rev() {
            body = format!(
                "--b{d}x\r\nContent-Type: multipart/mixed; boundary=\"b{}x\"\r\n\r\n{body}\r\n--b{d}x--\r\n",
                d + 1
            );
        }
        let mail = format!(
            "From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=\"b0x\"\r\n\r\n{body}"
        );
        let ex = extract(mail.as_bytes());
        assert!(
            ex.links
                .iter()
                .any(|l| l.url == "https://deep.example/login"),
            "{:?}",
            ex.links
        );
        assert_eq!(ex.unchecked, [Unchecked::DeepNesting]);
    }

    #[test]
    fn declared_charsets_are_decoded() {
        for (label, enc) in [
            ("Shift_JIS", encoding_rs::SHIFT_JIS),
            ("ISO-2022-JP", encoding_rs::ISO_2022_JP),
            ("EUC-JP", encoding_rs::EUC_JP),
        ] {
            let (bytes, _, _) =
                enc.encode("ログインはこちら https://バイナンス-サポート.com/login です");
            let mut mail = format!("From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset={label}\r\n\r\n").into_bytes();
            mail.extend_from_slice(&bytes);
            let links = extract_links(&mail);
            assert!(
                links.contains(&"https://バイナンス-サポート.com/login".to_string()),
                "{label}: {links:?}"
            );
            assert_eq!(links.len(), 2, "{label}: {links:?}");
        }
        assert_eq!(
            decode_charset(&[0x93, 0x94], "windows-1252"),
            "\u{201c}\u{201d}"
        );
    }
}
