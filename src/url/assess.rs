//! From a parsed link to a verdict. `Analyser::check` is the allocation-free hot
//! path (buffers are reused across calls); `Analyser::analyse` adds host forms and
//! reasons (values, see `reason`) for display.

use super::domains::{Knowledge, PlatformKind, Status, knowledge};
use super::lookalike::{
    self, MAX_NAME, NameHit, match_name, read_script_words, skeleton_ascii, unknown_runs,
};
use super::parse::{HostKind, ParseBuf, Parsed, Scheme, parse};
use super::technique::{TechSet, Technique as T};
use super::verdict::{Verdict, VerdictKind, build_verdict};

/// Facts that are not risk signs but change what the user should be told.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Notes(u16);

impl Notes {
    pub const USER_CONTENT: Notes = Notes(1);
    pub const SEPARATE_EXCHANGE: Notes = Notes(2);
    pub const AFFILIATED: Notes = Notes(4);
    pub const OFFICIAL_CHANNEL: Notes = Notes(8);
    pub const EMAIL_ADDRESS: Notes = Notes(16);
    pub const DECODES_TO_GENUINE: Notes = Notes(32);
    pub const WHATSAPP: Notes = Notes(64);
    pub const MAPPED_GENUINE: Notes = Notes(128);
    /// A genuine domain only third parties name (binance.co.jp).
    pub const UNCERTAIN: Notes = Notes(256);

    pub fn has(self, n: Notes) -> bool {
        self.0 & n.0 != 0
    }
    fn add(&mut self, n: Notes) {
        self.0 |= n.0;
    }
}

/// The verdict without any text: small, `Copy`, computed without allocating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub verdict: VerdictKind,
    pub techniques: TechSet,
    /// Index into `Knowledge::domains` of the genuine domain imitated.
    pub impersonates: Option<usize>,
    pub notes: Notes,
}

impl Assessment {
    fn new(verdict: VerdictKind) -> Assessment {
        Assessment {
            verdict,
            techniques: TechSet::EMPTY,
            impersonates: None,
            notes: Notes::default(),
        }
    }

    fn raise(&mut self, v: VerdictKind) {
        if v.severity() > self.verdict.severity() {
            self.verdict = v;
        }
    }

    fn flag(&mut self, t: T, v: VerdictKind) {
        self.techniques.insert(t);
        self.raise(v);
    }

    pub fn impersonated_name(&self) -> Option<&'static str> {
        self.impersonates
            .map(|i| knowledge().domains[i].name.as_str())
    }
}

/// What the reasons need to name: the look-alike name, the platform, etc.
#[derive(Default, Debug)]
pub(crate) struct Detail {
    pub name: String,
    pub brand: Option<usize>,
    pub platform: Option<usize>,
    pub genuine: Option<usize>,
    pub hosting: Option<&'static str>,
}

impl Detail {
    fn reset(&mut self) {
        self.name.clear();
        self.brand = None;
        self.platform = None;
        self.genuine = None;
        self.hosting = None;
    }
    fn set_name(&mut self, name: &[u8], brand: usize) {
        if self.brand.is_none() {
            self.name.clear();
            self.name.push_str(&String::from_utf8_lossy(name));
            self.brand = Some(brand);
        }
    }
}

/// Reusable analyser: keep one per thread and call `check` in a loop.
pub struct Analyser {
    k: &'static Knowledge,
    buf: ParseBuf,
    skel: String,
    pub(crate) detail: Detail,
    /// The address carried in the last link's query that decided its verdict
    /// (a redirect target), if one did.
    judged: Option<String>,
    /// Second parse of the judged link, for the texts (`buf` holds borrows
    /// of the first only while `check` runs).
    shown: ParseBuf,
}

/// Redirect targets inside redirect targets are followed this deep.
const MAX_REDIRECTS: usize = 3;

impl Default for Analyser {
    fn default() -> Self {
        Analyser::new()
    }
}

impl Analyser {
    pub fn new() -> Analyser {
        Analyser {
            k: knowledge(),
            buf: ParseBuf::default(),
            skel: String::new(),
            detail: Detail::default(),
            judged: None,
            shown: ParseBuf::default(),
        }
    }

    /// The verdict for one line, without text.
    pub fn check(&mut self, input: &str) -> Assessment {
        self.check_inner(input, true)
    }

    /// `check` without the shortcut for plain unrelated links, so tests can
    /// show the shortcut never changes a verdict.
    #[doc(hidden)]
    pub fn check_without_shortcut(&mut self, input: &str) -> Assessment {
        self.check_inner(input, false)
    }

    fn check_inner(&mut self, input: &str, shortcut: bool) -> Assessment {
        self.judged = None;
        self.check_depth(input, shortcut, 0)
    }

    fn check_depth(&mut self, input: &str, shortcut: bool, depth: usize) -> Assessment {
        let Analyser {
            k,
            buf,
            skel,
            detail,
            ..
        } = self;
        detail.reset();
        let (a, target, redirector) = match parse(input, buf) {
            None => return Assessment::new(VerdictKind::Invalid),
            Some(p) => {
                let a = assess(k, &p, skel, detail, shortcut);
                match embedded_url(p.rest) {
                    Some(t) if depth < MAX_REDIRECTS && p.host_kind == HostKind::Domain => {
                        (a, t, k.host_facts(p.host).redirector)
                    }
                    _ => return a,
                }
            }
        };
        // The link carries a whole address in its query: a redirect shim
        // (l.facebook.com/l.php?u=…) sends the user there, and an open
        // redirect on any site can. Judge the destination.
        let outer_detail = std::mem::take(&mut self.detail);
        let outer_judged = self.judged.take();
        let mut inner = self.check_depth(&target, shortcut, depth + 1);
        let take_inner = if redirector {
            inner.verdict != VerdictKind::Invalid
        } else {
            inner.verdict.is_alarm() && inner.verdict.severity() > a.verdict.severity()
        };
        if take_inner {
            if inner.verdict.is_alarm() {
                inner.techniques.insert(T::Redirect);
            }
            if self.judged.is_none() {
                self.judged = Some(target);
            }
            inner
        } else {
            self.detail = outer_detail;
            self.judged = outer_judged;
            a
        }
    }

    /// The full verdict with host forms and reasons.
    pub fn analyse(&mut self, input: &str) -> Verdict {
        let a = self.check(input);
        let judged = self.judged.take();
        let parsed = parse(judged.as_deref().unwrap_or(input), &mut self.shown);
        build_verdict(self.k, input, &a, parsed.as_ref(), &self.detail)
    }
}

/// A whole http(s) address carried in a query parameter ("?u=https%3A%2F%2F…",
/// "?q=//evil.example/"), percent-decoded up to twice.
fn embedded_url(rest: &str) -> Option<String> {
    let q = rest.find('?')?;
    let query = &rest[q + 1..];
    let query = &query[..query.find('#').unwrap_or(query.len())];
    let b = query.as_bytes();
    let promising = b.windows(4).any(|w| w.eq_ignore_ascii_case(b"http"))
        || b.windows(2).any(|w| w == b"//")
        || b.windows(6).any(|w| w.eq_ignore_ascii_case(b"%2f%2f"));
    if !promising || query.len() > 8192 {
        return None;
    }
    for pair in query.split(['&', ';']) {
        // "href.li/?https://…": the whole query is the address.
        let value = match pair.split_once('=') {
            Some((name, value)) if !name.contains(['/', ':', '%']) => value,
            _ => pair,
        };
        let mut v = value.to_string();
        for _ in 0..2 {
            if !v.contains('%') {
                break;
            }
            v = percent_encoding::percent_decode_str(&v)
                .decode_utf8_lossy()
                .into_owned();
        }
        let t = v.trim();
        let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Some(t.to_string());
        }
        if t.starts_with("//") && t.len() > 3 && !t[2..].starts_with('/') {
            return Some(format!("https:{t}"));
        }
    }
    None
}

/// Registrable domain and public suffix of an ASCII host.
pub fn split_host(host: &str) -> (&str, &str, bool) {
    match psl::domain(host.as_bytes()) {
        Some(d) => {
            let known = d.suffix().is_known();
            let reg_len = d.as_bytes().len();
            let suf_len = d.suffix().as_bytes().len();
            (
                &host[host.len() - reg_len..],
                &host[host.len() - suf_len..],
                known,
            )
        }
        None => {
            let known = psl::suffix(host.as_bytes()).is_some_and(|s| s.is_known());
            (host, "", known)
        }
    }
}

fn assess(
    k: &'static Knowledge,
    p: &Parsed<'_>,
    skel: &mut String,
    detail: &mut Detail,
    shortcut: bool,
) -> Assessment {
    match p.scheme {
        Scheme::Data | Scheme::Script => return assess_inline(k, p),
        _ => {}
    }
    if p.host_kind != HostKind::Domain {
        return assess_ip(k, p, detail);
    }
    let host = p.host;
    let facts = k.host_facts(host);
    if let Some(di) = facts.genuine {
        return assess_genuine(k, p, di, detail);
    }

    // The common case, decided cheaply: a plain host that is nothing special,
    // has too few brand letters for any label to imitate a brand, and no brand
    // in the rest of the link. (No label can pass `match_name`'s own letter
    // count, and the dot tricks need every brand letter in the host.)
    if shortcut
        && p.host_unicode.is_none()
        && p.userinfo.is_empty()
        && !p.percent_host
        && !p.mapped_host
        && p.scheme != Scheme::Email
        && facts.is_plain()
        && !k.could_imitate(host.as_bytes())
        && find_brand(k, p.rest.as_bytes()).is_none()
    {
        if p.scheme == Scheme::Missing && !split_host(host).2 {
            return Assessment::new(VerdictKind::Invalid);
        }
        return Assessment::new(VerdictKind::Unrelated);
    }
    let (reg, suffix, known_suffix) = split_host(host);

    let mut a = Assessment::new(VerdictKind::Unrelated);
    if p.scheme == Scheme::Email {
        a.notes.add(Notes::EMAIL_ADDRESS);
    }

    // Host names: the registrable label and every subdomain label.
    let names_end = host.len().saturating_sub(suffix.len() + 1);
    let names = if suffix.is_empty() {
        host
    } else {
        &host[..names_end]
    };
    let unicode_names = p.host_unicode.map(|u| {
        let dots = suffix.bytes().filter(|&c| c == b'.').count() + usize::from(!suffix.is_empty());
        let mut end = u.len();
        for _ in 0..dots {
            end = u[..end].rfind('.').unwrap_or(0);
        }
        &u[..end]
    });
    let mut reg_hit: Option<NameHit> = None;
    let mut sub_hit: Option<NameHit> = None;
    let mut sub_exact_with_fake_sld = false;
    let label_count = names.bytes().filter(|&c| c == b'.').count() + 1;
    let mut ulabels = unicode_names.map(|u| u.split('.'));
    let mut prev_label: &str = "";
    for (i, label) in names.split('.').enumerate() {
        let ulabel = ulabels.as_mut().and_then(|it| it.next());
        let is_reg = i + 1 == label_count;
        let mut extra = TechSet::EMPTY;
        let hit = if label.starts_with("xn--") {
            let Some(u) = ulabel else { continue };
            let mut read = String::new();
            if read_script_words(k, u, &mut read) {
                extra.insert(T::Transliteration);
            }
            let (confusable, _) = skeleton_ascii(&read, skel);
            unknown_runs(skel);
            if lookalike::is_mixed_script(u) {
                a.flag(T::MixedScript, VerdictKind::Suspicious);
            }
            if confusable {
                extra.insert(T::Homoglyph);
            }
            if skel.len() > MAX_NAME {
                None
            } else {
                let h = match_name(k, skel.as_bytes());
                if let Some(h) = h {
                    detail.set_name(u.as_bytes(), h.brand);
                }
                h
            }
        } else {
            let h = match_name(k, label.as_bytes());
            if let Some(h) = h {
                detail.set_name(label.as_bytes(), h.brand);
            }
            h
        };
        if let Some(mut h) = hit {
            h.techniques = h.techniques.union(extra);
            // The brand written in katakana is still the brand's exact name.
            if !extra.is_empty() && extra != TechSet::EMPTY.with(T::Transliteration) {
                h.exact = false;
            }
            if p.mapped_host {
                h.techniques.insert(T::Homoglyph);
            }
            if is_reg {
                reg_hit = Some(h);
            } else if sub_hit.is_none() {
                sub_hit = Some(h);
            }
        }
        if is_reg
            && k.fake_second_levels.contains(label)
            && sub_hit.is_some_and(|h| h.exact)
            && !prev_label.is_empty()
        {
            sub_exact_with_fake_sld = true;
        }
        prev_label = label;
    }

    let hosting = facts.hosting;
    let scan = scan_rest(k, p.rest);
    // Only matters when the brand shows up somewhere; skip the searches otherwise.
    let ipfs = (reg_hit.is_some() || sub_hit.is_some() || scan.brand.is_some())
        && (facts.ipfs
            || contains_bytes(host.as_bytes(), b".ipfs.")
            || contains_bytes(host.as_bytes(), b".ipns.")
            || p.rest.starts_with("/ipfs/")
            || p.rest.starts_with("/ipns/"));
    detail.hosting = hosting;

    if let Some(h) = reg_hit {
        let imitated = k.imitated_index(h.brand, suffix);
        a.impersonates = Some(imitated);
        a.techniques = a.techniques.union(h.techniques);
        if hosting.is_some() || ipfs {
            a.flag(
                if ipfs { T::IpfsGateway } else { T::FreeHosting },
                VerdictKind::Phishing,
            );
        } else if h.exact {
            a.flag(T::TldSwap, VerdictKind::Phishing);
        } else if h.is_impersonation() {
            a.raise(VerdictKind::Phishing);
        } else {
            a.raise(VerdictKind::Suspicious);
        }
    }
    if let Some(h) = sub_hit {
        a.impersonates
            .get_or_insert(k.imitated_index(h.brand, suffix));
        a.techniques = a.techniques.union(h.techniques);
        if sub_exact_with_fake_sld {
            a.flag(T::TldSwap, VerdictKind::Phishing);
        } else {
            a.techniques.insert(T::BrandSubdomain);
        }
        if hosting.is_some() || ipfs {
            a.techniques
                .insert(if ipfs { T::IpfsGateway } else { T::FreeHosting });
        }
        a.raise(if h.is_impersonation() {
            VerdictKind::Phishing
        } else {
            VerdictKind::Suspicious
        });
    }
    if p.host_unicode.is_none() {
        dots_moved(k, names, suffix, &mut a, detail);
    }

    // Where the brand appears outside the host name: `scan` above.
    let platform = facts.platform;
    if let Some(pi) = platform {
        detail.platform = Some(pi);
        assess_platform(k, p, reg, pi, &scan, &mut a, detail);
    }
    // A shortener's own home page hides nothing; a short link does.
    if facts.shortener && !matches!(p.rest, "" | "/") {
        a.flag(T::Shortener, VerdictKind::Suspicious);
        if let Some(b) = scan.brand {
            a.raise(VerdictKind::Phishing);
            a.impersonates.get_or_insert(k.brands[b].primary);
        }
    }
    if let Some(b) = scan.brand
        && (hosting.is_some() || ipfs)
        && platform.is_none()
    {
        a.flag(
            if ipfs { T::IpfsGateway } else { T::FreeHosting },
            VerdictKind::Phishing,
        );
        a.impersonates.get_or_insert(k.brands[b].primary);
    }
    let carrier = platform.is_some() || hosting.is_some() || ipfs || facts.shortener;
    if !carrier {
        if let Some(b) = scan.brand
            && scan.lure
        {
            a.flag(T::BrandInPath, VerdictKind::Phishing);
            a.impersonates
                .get_or_insert(scan.genuine.unwrap_or(k.brands[b].primary));
        } else if let Some(g) = scan.genuine_in_path {
            a.flag(T::BrandInPath, VerdictKind::Suspicious);
            a.impersonates.get_or_insert(g);
        }
    }

    if !p.userinfo.is_empty() {
        let brand = userinfo_brand(k, p.userinfo);
        if p.scheme == Scheme::Email {
            if let Some(b) = brand {
                a.flag(T::Userinfo, VerdictKind::Phishing);
                a.impersonates.get_or_insert(k.brands[b].primary);
            }
        } else if let Some(b) = brand {
            a.flag(T::Userinfo, VerdictKind::Phishing);
            a.impersonates.get_or_insert(k.brands[b].primary);
        } else {
            a.flag(T::Userinfo, VerdictKind::Suspicious);
        }
    }
    if p.percent_host {
        a.flag(T::PercentEncodedHost, VerdictKind::Suspicious);
    }
    if a.verdict == VerdictKind::Unrelated && p.scheme == Scheme::Missing && !known_suffix {
        // "file.txt", "readme.md": not something a browser would open.
        return Assessment::new(VerdictKind::Invalid);
    }
    if a.verdict.severity() >= VerdictKind::Suspicious.severity() && p.scheme == Scheme::Insecure {
        a.techniques.insert(T::InsecureScheme);
    }
    a
}

fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// "bin.ance.com", "binan.ce": the brand's letters with a dot moved into them.
fn dots_moved(k: &Knowledge, names: &str, suffix: &str, a: &mut Assessment, detail: &mut Detail) {
    // Cheap length test first: the letters must add up to a brand.
    let letters = |s: &str| s.len() - s.bytes().filter(|&c| c == b'.').count();
    let without_www = letters(names.strip_prefix("www.").unwrap_or(names));
    let total = without_www + letters(suffix);
    if !k
        .brands
        .iter()
        .any(|b| b.label.len() == without_www || b.label.len() == total)
    {
        return;
    }
    let mut buf = [0u8; 2 * MAX_NAME];
    let mut n = 0;
    let mut labels = 0;
    for (i, l) in names.split('.').enumerate() {
        if i == 0 && l == "www" {
            continue;
        }
        labels += 1;
        if n + l.len() > buf.len() {
            return;
        }
        buf[n..n + l.len()].copy_from_slice(l.as_bytes());
        n += l.len();
    }
    let joined_names = n;
    for part in suffix.split('.') {
        if part.is_empty() {
            continue;
        }
        if n + part.len() > buf.len() {
            break;
        }
        buf[n..n + part.len()].copy_from_slice(part.as_bytes());
        n += part.len();
    }
    for (bi, b) in k.brands.iter().enumerate() {
        let brand = b.label.as_bytes();
        let moved = (labels >= 2 && &buf[..joined_names] == brand)
            || (&buf[..n] == brand && !suffix.is_empty());
        if moved {
            a.flag(T::DotMoved, VerdictKind::Phishing);
            a.impersonates.get_or_insert(b.primary);
            detail.set_name(names.as_bytes(), bi);
            return;
        }
    }
}

fn assess_genuine(k: &Knowledge, p: &Parsed<'_>, di: usize, detail: &mut Detail) -> Assessment {
    let d = &k.domains[di];
    detail.genuine = Some(di);
    let mut a = Assessment::new(VerdictKind::Official);
    match d.status {
        Status::Reported => a.flag(T::UnverifiedDomain, VerdictKind::Suspicious),
        Status::Affiliated => a.notes.add(Notes::AFFILIATED),
        Status::Official => {}
    }
    if d.separate_exchange {
        a.notes.add(Notes::SEPARATE_EXCHANGE);
    }
    if !d.certain {
        a.notes.add(Notes::UNCERTAIN);
    }
    match p.scheme {
        Scheme::Insecure | Scheme::Other => a.flag(T::InsecureScheme, VerdictKind::Suspicious),
        Scheme::Email => a.notes.add(Notes::EMAIL_ADDRESS),
        _ => {}
    }
    // 9443 is Binance's documented WebSocket port.
    if let Some(port) = p.port
        && !(port == 9443 && p.scheme == Scheme::Secure)
    {
        a.flag(T::NonDefaultPort, VerdictKind::Suspicious);
    }
    if !p.userinfo.is_empty() && p.scheme != Scheme::Email {
        a.flag(T::Userinfo, VerdictKind::Suspicious);
    }
    if p.percent_host {
        a.flag(T::PercentEncodedHost, VerdictKind::Suspicious);
        a.notes.add(Notes::DECODES_TO_GENUINE);
    }
    // Fullwidth letters or ideographic dots: every browser maps them (UTS 46)
    // and opens the genuine host, so the destination is genuine.
    if p.mapped_host {
        a.notes.add(Notes::MAPPED_GENUINE);
    }
    for uc in &k.user_content {
        if uc.host == p.host
            && (uc.path_prefixes.is_empty()
                || uc
                    .path_prefixes
                    .iter()
                    .any(|pre| p.rest.starts_with(pre.as_str())))
        {
            a.notes.add(Notes::USER_CONTENT);
        }
    }
    a
}

fn assess_ip(k: &Knowledge, p: &Parsed<'_>, _detail: &mut Detail) -> Assessment {
    let scan = scan_rest(k, p.rest);
    // A plain address with no claim to be Binance is just a server (routers,
    // test boxes); it becomes a risk sign when disguised or tied to the brand.
    if scan.brand.is_none() && p.userinfo.is_empty() && !p.percent_host && !p.ip_obfuscated {
        return Assessment::new(VerdictKind::Unrelated);
    }
    let mut a = Assessment::new(VerdictKind::Suspicious);
    a.techniques.insert(T::IpHost);
    if p.scheme == Scheme::Insecure {
        a.techniques.insert(T::InsecureScheme);
    }
    if let Some(b) = scan.brand {
        a.raise(VerdictKind::Phishing);
        a.impersonates = Some(scan.genuine.unwrap_or(k.brands[b].primary));
    }
    if !p.userinfo.is_empty() {
        a.techniques.insert(T::Userinfo);
        if let Some(b) = userinfo_brand(k, p.userinfo) {
            a.raise(VerdictKind::Phishing);
            a.impersonates.get_or_insert(k.brands[b].primary);
        }
    }
    if p.percent_host {
        a.techniques.insert(T::PercentEncodedHost);
    }
    a
}

/// data: and javascript: links carry their own content.
fn assess_inline(k: &Knowledge, p: &Parsed<'_>) -> Assessment {
    let mut a = Assessment::new(VerdictKind::Suspicious);
    a.techniques.insert(if p.scheme == Scheme::Data {
        T::DataUrl
    } else {
        T::JavascriptUrl
    });
    let payload = p.payload.as_bytes();
    let mut brand = find_brand(k, payload);
    if brand.is_none() && p.scheme == Scheme::Data {
        // data:text/html;base64,… — look inside.
        if let Some(comma) = p.payload.find(',') {
            let meta = &p.payload[..comma];
            if meta.to_ascii_lowercase().ends_with(";base64") {
                let body = &p.payload[comma + 1..];
                let body = &body[..body.len().min(256 * 1024)];
                use base64::Engine as _;
                let cleaned: String = body.chars().filter(|c| !c.is_whitespace()).collect();
                if let Ok(bytes) = base64::engine::general_purpose::STANDARD
                    .decode(cleaned.trim_end_matches('='))
                    .or_else(|_| {
                        base64::engine::general_purpose::STANDARD_NO_PAD
                            .decode(cleaned.trim_end_matches('='))
                    })
                {
                    brand = find_brand(k, &bytes);
                }
            } else {
                let decoded =
                    percent_encoding::percent_decode(p.payload.as_bytes()).collect::<Vec<u8>>();
                brand = find_brand(k, &decoded);
            }
        }
    }
    if let Some(b) = brand {
        a.raise(VerdictKind::Phishing);
        a.impersonates = Some(k.brands[b].primary);
    }
    a
}

fn assess_platform(
    k: &Knowledge,
    p: &Parsed<'_>,
    reg: &str,
    pi: usize,
    scan: &RestScan,
    a: &mut Assessment,
    detail: &mut Detail,
) {
    let platform = &k.platforms[pi];
    let whatsapp = platform.name == "WhatsApp";
    let handle = platform_handle(p.rest);
    let mut lower = [0u8; MAX_NAME];
    let hn = handle.len().min(MAX_NAME);
    for (i, c) in handle.bytes().take(hn).enumerate() {
        lower[i] = match c.to_ascii_lowercase() {
            b'.' => b'-',
            c => c,
        };
    }
    let handle_l = &lower[..hn];
    if hn > 0
        && k.channels.iter().any(|c| {
            (c.host == reg || c.host == p.host)
                && c.handle.len() == hn
                && c.handle.as_bytes().eq_ignore_ascii_case(handle.as_bytes())
        })
    {
        a.notes.add(Notes::OFFICIAL_CHANNEL);
        a.raise(VerdictKind::Official);
        if a.verdict == VerdictKind::Official {
            a.techniques = TechSet::EMPTY;
        }
        return;
    }
    let hit = if hn >= 3 {
        match_name(k, handle_l)
    } else {
        None
    };
    if let Some(h) = hit {
        detail.set_name(handle_l, h.brand);
        a.impersonates.get_or_insert(k.brands[h.brand].primary);
        if whatsapp || h.lure {
            a.flag(T::MessengerImpersonation, VerdictKind::Phishing);
        } else {
            a.flag(T::UnverifiedChannel, VerdictKind::Suspicious);
        }
    } else if let Some(b) = scan.brand {
        a.impersonates.get_or_insert(k.brands[b].primary);
        if whatsapp || scan.lure || platform.kind == PlatformKind::Messenger {
            a.flag(T::MessengerImpersonation, VerdictKind::Phishing);
        }
    }
    if whatsapp && a.verdict == VerdictKind::Phishing {
        a.notes.add(Notes::WHATSAPP);
    }
}

/// The account or invite name in a platform path: "/@binance", "/s/name",
/// "/invite/code", "/company/name", "/r/name".
fn platform_handle(rest: &str) -> &str {
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let mut segs = path.split('/').filter(|s| !s.is_empty());
    let mut seg = segs.next().unwrap_or("");
    if matches!(
        seg.to_ascii_lowercase().as_str(),
        "s" | "joinchat"
            | "invite"
            | "c"
            | "user"
            | "users"
            | "company"
            | "in"
            | "r"
            | "u"
            | "channel"
            | "send"
    ) {
        seg = segs.next().unwrap_or("");
    }
    seg.trim_start_matches(['@', '+'])
}

/// Where the brand shows up in a path or query.
#[derive(Default, Debug)]
pub(crate) struct RestScan {
    /// Brand index of the first mention.
    pub brand: Option<usize>,
    /// A genuine domain written out anywhere ("binance.com").
    pub genuine: Option<usize>,
    /// …and in the path part specifically.
    pub genuine_in_path: Option<usize>,
    /// A mention next to lure words only ("/binance-login", "/binance/verify").
    pub lure: bool,
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'/' | b'?'
            | b'#'
            | b'&'
            | b'='
            | b';'
            | b':'
            | b','
            | b'@'
            | b'!'
            | b'$'
            | b'\''
            | b'('
            | b')'
            | b'*'
    )
}

/// Find a brand label in text, ASCII case-insensitively.
fn find_brand(k: &Knowledge, text: &[u8]) -> Option<usize> {
    let mut pos = 0;
    find_brand_from(k, text, &mut pos).map(|(b, _)| b)
}

fn find_brand_from(k: &Knowledge, text: &[u8], pos: &mut usize) -> Option<(usize, usize)> {
    let mut i = *pos;
    while i < text.len() {
        if !k.path_first[text[i] as usize] {
            i += 1;
            continue;
        }
        let c = text[i] | 0x20;
        for &bi in &k.path_brands {
            let b = k.brands[bi].label.as_bytes();
            if c == b[0]
                && i + b.len() <= text.len()
                && text[i..i + b.len()].eq_ignore_ascii_case(b)
            {
                *pos = i + b.len();
                return Some((bi, i));
            }
        }
        i += 1;
    }
    *pos = text.len();
    None
}

pub(crate) fn scan_rest(k: &Knowledge, rest: &str) -> RestScan {
    let mut scan = RestScan::default();
    let bytes = rest.as_bytes();
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let mut pos = 0;
    let mut seen = 0;
    while let Some((found, at)) = find_brand_from(k, bytes, &mut pos) {
        seen += 1;
        if seen > 32 {
            break;
        }
        if at > path_end && in_search_param(k, &bytes[path_end..at]) {
            continue;
        }
        // Prefer the longest brand written here ("binancefuture" over "binance").
        let bi = k
            .brands
            .iter()
            .position(|b| {
                let l = b.label.as_bytes();
                at + l.len() <= bytes.len() && bytes[at..at + l.len()].eq_ignore_ascii_case(l)
            })
            .unwrap_or(found);
        scan.brand.get_or_insert(bi);
        let b = &k.brands[bi];
        let after = at + b.label.len();
        if bytes.get(after) == Some(&b'.') {
            for (suffix, di) in &b.by_suffix {
                let s = suffix.as_bytes();
                let end = after + 1 + s.len();
                if end <= bytes.len()
                    && bytes[after + 1..end].eq_ignore_ascii_case(s)
                    && bytes.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
                {
                    scan.genuine.get_or_insert(*di);
                    if at < path_end {
                        scan.genuine_in_path.get_or_insert(*di);
                    }
                }
            }
        }
        if !scan.lure {
            let start = bytes[..at]
                .iter()
                .rposition(|&c| is_delim(c))
                .map_or(0, |i| i + 1);
            let end = bytes[after..]
                .iter()
                .position(|&c| is_delim(c))
                .map_or(bytes.len(), |i| after + i);
            match segment_kind(k, &bytes[start..end]) {
                Seg::BrandLure => scan.lure = true,
                Seg::BrandOnly => {
                    // "/binance/login": look at the neighbouring segments.
                    let prev = start.checked_sub(1).map(|d| {
                        let s = bytes[..d]
                            .iter()
                            .rposition(|&c| is_delim(c))
                            .map_or(0, |i| i + 1);
                        &bytes[s..d]
                    });
                    let next = (end < bytes.len()).then(|| {
                        let e = bytes[end + 1..]
                            .iter()
                            .position(|&c| is_delim(c))
                            .map_or(bytes.len(), |i| end + 1 + i);
                        &bytes[end + 1..e]
                    });
                    if prev.is_some_and(|s| segment_kind(k, s) == Seg::Lure)
                        || next.is_some_and(|s| segment_kind(k, s) == Seg::Lure)
                    {
                        scan.lure = true;
                    }
                }
                _ => {}
            }
        }
    }
    scan
}

/// Is the end of `query` (everything from '?' up to a brand mention) inside
/// the value of a search parameter ("?q=how+to+binance")? A search for the
/// brand is not a claim to be it.
fn in_search_param(k: &Knowledge, query: &[u8]) -> bool {
    let start = query
        .iter()
        .rposition(|&c| matches!(c, b'&' | b'?' | b';' | b'#'))
        .map_or(0, |i| i + 1);
    let param = &query[start..];
    let Some(eq) = param.iter().position(|&c| c == b'=') else {
        return false;
    };
    let name = &param[..eq];
    name.len() <= 16
        && k.search_params
            .contains(name.to_ascii_lowercase().as_slice())
}

#[derive(PartialEq, Eq, Debug)]
enum Seg {
    BrandLure,
    BrandOnly,
    Lure,
    Other,
}

/// Classify one path segment by its words: only the brand, lure words and
/// harmless filler ("www", "com", "html", digits) → a phishing path.
fn segment_kind(k: &Knowledge, seg: &[u8]) -> Seg {
    if seg.is_empty() || seg.len() > 256 {
        return Seg::Other;
    }
    let (mut brand, mut lure, mut other) = (false, false, false);
    let mut words = 0;
    for w in seg.split(|c| !c.is_ascii_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > 6 || w.len() > MAX_NAME {
            return Seg::Other;
        }
        let mut lower = [0u8; MAX_NAME];
        for (i, c) in w.iter().enumerate() {
            lower[i] = c.to_ascii_lowercase();
        }
        let w = &lower[..w.len()];
        if let Some(h) = match_name(k, w) {
            brand = true;
            lure |= h.lure;
            if h.unknown {
                other = true;
            }
            continue;
        }
        match k.word(w) {
            Some(super::domains::WordKind::Lure) => lure = true,
            Some(super::domains::WordKind::Affix) => {}
            None => {
                let filler = w.iter().all(u8::is_ascii_digit)
                    || matches!(
                        w,
                        b"com" | b"html" | b"htm" | b"php" | b"asp" | b"aspx" | b"jsp" | b"index"
                    )
                    || k.genuine_suffixes.iter().any(|s| s.as_bytes() == w)
                    || psl::suffix(w).is_some_and(|s| s.is_known() && s.as_bytes() == w);
                if !filler {
                    other = true;
                }
            }
        }
    }
    match (brand, lure, other) {
        (true, true, false) => Seg::BrandLure,
        (true, false, false) => Seg::BrandOnly,
        (false, true, false) => Seg::Lure,
        _ => Seg::Other,
    }
}

/// Does the userinfo (or e-mail local part) mention or imitate a brand?
fn userinfo_brand(k: &Knowledge, userinfo: &str) -> Option<usize> {
    if let Some(b) = find_brand(k, userinfo.as_bytes()) {
        return Some(b);
    }
    let decoded = percent_encoding::percent_decode_str(userinfo).decode_utf8_lossy();
    for part in decoded.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        if part.len() < 3 || part.len() > MAX_NAME {
            continue;
        }
        let lower = part.to_ascii_lowercase();
        if let Some(h) = match_name(k, lower.as_bytes())
            && (h.is_impersonation() || h.techniques.any_typo())
        {
            return Some(h.brand);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> (VerdictKind, Vec<&'static str>) {
        let a = Analyser::new().check(s);
        (a.verdict, a.techniques.iter().map(|t| t.name()).collect())
    }

    #[test]
    fn genuine_hosts_are_official() {
        for s in [
            "https://www.binance.com/en/login",
            "binance.com",
            "https://accounts.binance.com/register?ref=ABC",
            "https://api.binance.us/api/v3/ping",
            "https://data-api.binance.vision/api/v3/time",
            "https://bin.bnbstatic.com/static/images/common/favicon.ico",
            "https://testnet.binancefuture.com",
            "https://binance-docs.github.io/apidocs/spot/en/",
            "wss://stream.binance.com:9443/ws",
            "https://t.me/binance_api_english",
            "https://github.com/binance/binance-spot-api-docs",
            "https://www.binance.com/en/official-verification",
        ] {
            assert_eq!(v(s).0, VerdictKind::Official, "{s}");
        }
    }

    #[test]
    fn risky_forms_of_genuine_hosts() {
        assert_eq!(
            v("http://www.binance.com/"),
            (VerdictKind::Suspicious, vec!["insecure_scheme"])
        );
        assert_eq!(
            v("https://www.binance.com:8080/"),
            (VerdictKind::Suspicious, vec!["non_default_port"])
        );
        assert_eq!(v("https://binance.me/en").0, VerdictKind::Suspicious);
    }

    #[test]
    fn impersonations() {
        for (s, t) in [
            ("https://binnance.com/login", "repetition"),
            ("https://binance.co.com", "tld_swap"),
            ("https://binance-login.com", "combosquat"),
            ("https://binance.com.evil-site.net/", "brand_subdomain"),
            ("https://evil.example/binance-login", "brand_in_path"),
            ("https://binance.com@evil.example/", "userinfo"),
            ("https://bin.ance.com/", "dot_moved"),
            ("https://wwwbinance.com/", "dot_removed"),
            ("https://t.me/BinanceSupportDesk", "messenger_impersonation"),
            ("https://binance-verify.web.app/", "free_hosting"),
            ("https://ipfs.io/ipfs/QmHash/binance.html", "ipfs_gateway"),
            ("https://xn--bnance-p9a.com/", "homoglyph"),
            ("http://192.168.1.1/binance/login", "ip_host"),
            ("data:text/html,<h1>Binance login</h1>", "data_url"),
        ] {
            let (verdict, techs) = v(s);
            assert_eq!(verdict, VerdictKind::Phishing, "{s}: {techs:?}");
            assert!(techs.contains(&t), "{s}: {techs:?}");
        }
    }

    #[test]
    fn unrelated_sites_stay_unrelated() {
        for s in [
            "https://www.google.com/",
            "https://finance.yahoo.com/quote/BNB-USD",
            "https://www.balance.com",
            "https://binary.com",
            "https://nuance.com",
            "https://bianca.com",
            "https://en.wikipedia.org/wiki/Binance",
            "https://www.reuters.com/technology/binance-ceo-steps-down-2023-11-21/",
            "https://coinmarketcap.com/exchanges/binance/",
            "https://t.me/durov",
            "https://bit.ly/3xYz", // shortener: suspicious, checked below
        ] {
            let (verdict, techs) = v(s);
            if s.contains("bit.ly") {
                assert_eq!(verdict, VerdictKind::Suspicious);
            } else {
                assert_eq!(verdict, VerdictKind::Unrelated, "{s}: {techs:?}");
            }
        }
    }
}
