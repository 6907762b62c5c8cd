//! What the analyser knows, loaded from `rules/domains.toml` (embedded at build
//! time) and turned once into lookup tables, so that checking a URL never parses
//! TOML or builds a set.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::fold::{FoldBuf, fold_ascii};

/// The embedded knowledge file; tests and docs can print it.
pub const DOMAINS_TOML: &str = include_str!("../../rules/domains.toml");

/// Brands are tracked with a bit each in per-byte tables.
pub const MAX_BRANDS: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Official,
    Affiliated,
    Reported,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenuineDomain {
    pub name: String,
    pub status: Status,
    #[serde(default)]
    pub brand: bool,
    #[serde(default)]
    pub primary: bool,
    #[serde(default)]
    pub separate_exchange: bool,
    /// The protected brand this domain belongs to ("Binance", "BNB Chain").
    #[serde(default = "default_owner")]
    pub owner: String,
    /// False when only third parties say it is genuine.
    #[serde(default = "certain_default")]
    pub certain: bool,
    /// The company behind it when not the owner itself ("Binance Japan").
    pub entity: Option<String>,
    pub role: String,
    pub evidence: String,
}

fn certain_default() -> bool {
    true
}

fn default_owner() -> String {
    "Binance".into()
}

/// A brand name that is not the label of one of the brand's domains ("opbnb").
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BrandLabel {
    label: String,
    imitates: String,
    evidence: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserContent {
    pub host: String,
    #[serde(default)]
    pub path_prefixes: Vec<String>,
    pub evidence: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub host: String,
    pub handle: String,
    pub evidence: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlatformKind {
    Messenger,
    Social,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub hosts: Vec<String>,
    pub kind: PlatformKind,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    schema_version: u32,
    verify_url: String,
    domain: Vec<GenuineDomain>,
    #[serde(default)]
    brand_label: Vec<BrandLabel>,
    #[serde(default)]
    user_content: Vec<UserContent>,
    #[serde(default)]
    channel: Vec<Channel>,
    #[serde(default)]
    platform: Vec<Platform>,
    services: Services,
    vocabulary: Vocabulary,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Services {
    shorteners: Vec<String>,
    hosting: Vec<String>,
    #[serde(default)]
    redirectors: Vec<String>,
    ipfs_gateways: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    lure_words: Vec<String>,
    affix_words: Vec<String>,
    unrelated_words: Vec<String>,
    fake_second_levels: Vec<String>,
    #[serde(default)]
    search_params: Vec<String>,
    #[serde(default)]
    script_words: std::collections::BTreeMap<String, String>,
}

/// An Fx-style hash taking 8 bytes per step: the keys are short host names
/// and words, where SipHash's setup cost would dominate. Not DoS-resistant,
/// which does not matter for tables built from our own data.
#[derive(Default)]
pub struct Fnv(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for Fnv {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(SEED);
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let mut w = [0u8; 8];
            w[..tail.len()].copy_from_slice(tail);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(SEED);
        }
        self.0 = h;
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(SEED);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(SEED);
    }
}

pub type FastMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
pub type FastSet = HashSet<String, BuildHasherDefault<Fnv>>;
/// Keyed by bytes: names on the hot path are byte slices already.
pub type ByteMap<V> = HashMap<Vec<u8>, V, BuildHasherDefault<Fnv>>;
pub type ByteSet = HashSet<Vec<u8>, BuildHasherDefault<Fnv>>;

/// A brand label ("binance") that look-alikes are measured against.
#[derive(Debug)]
pub struct Brand {
    pub label: String,
    pub folded: Vec<u8>,
    /// Index into `Knowledge::domains` of the domain a look-alike imitates by default.
    pub primary: usize,
    /// (public suffix, domain index): a look-alike on ".us" imitates binance.us.
    pub by_suffix: Vec<(String, usize)>,
    /// Typos (one or two edits) count only for names long enough that real
    /// words rarely come that close; shorter ones must be written out.
    pub typos: bool,
    /// Fewest brand letters a name must contain to be worth examining.
    pub min_letters: usize,
}

/// What a host name (or one of its parents) is known to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HostInfo {
    /// Index into `Knowledge::domains`.
    pub genuine: Option<usize>,
    /// Index into `Knowledge::platforms`.
    pub platform: Option<usize>,
    pub shortener: bool,
    pub hosting: bool,
    pub ipfs: bool,
    pub redirector: bool,
}

/// `HostInfo` gathered over a host and all its parents, most specific first.
#[derive(Clone, Copy, Debug, Default)]
pub struct HostFacts<'k> {
    pub genuine: Option<usize>,
    pub platform: Option<usize>,
    pub shortener: bool,
    /// The hosting suffix matched ("web.app").
    pub hosting: Option<&'k str>,
    pub ipfs: bool,
    pub redirector: bool,
}

impl HostFacts<'_> {
    /// Nothing known about the host.
    pub fn is_plain(&self) -> bool {
        self.genuine.is_none()
            && self.platform.is_none()
            && !self.shortener
            && self.hosting.is_none()
            && !self.ipfs
    }
}

const BLOOM_BITS: u64 = 1 << 15;

fn bloom_bits(x: u64) -> [u64; 2] {
    [x % BLOOM_BITS, (x >> 32) % BLOOM_BITS]
}

fn bloom_has(bloom: &[u64], x: u64) -> bool {
    bloom_bits(x)
        .iter()
        .all(|&b| bloom[(b / 64) as usize] & (1 << (b % 64)) != 0)
}

/// How a word found next to a brand counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    Lure,
    Affix,
}

#[derive(Debug)]
pub struct Knowledge {
    pub schema_version: u32,
    pub verify_url: String,
    pub domains: Vec<GenuineDomain>,
    pub user_content: Vec<UserContent>,
    pub channels: Vec<Channel>,
    pub platforms: Vec<Platform>,
    pub brands: Vec<Brand>,
    /// Registrable domain or exact host → index into `domains`.
    pub genuine: FastMap<usize>,
    /// Host → index into `platforms`.
    pub platform_hosts: FastMap<usize>,
    /// Every special host name in one table, so that classifying a host costs
    /// one lookup per label.
    pub hosts: FastMap<HostInfo>,
    /// Bloom filter over `hosts` keys: most host names are in no table, and
    /// one bit test is cheaper than a hash-table probe.
    pub host_bloom: Vec<u64>,
    pub shorteners: FastSet,
    pub hosting: FastSet,
    pub ipfs_gateways: FastSet,
    /// Lure and affix words, raw and homoglyph-folded.
    pub words: ByteMap<WordKind>,
    /// Lure words of five letters or more, for misspelt ones ("suport").
    pub long_lures: Vec<Vec<u8>>,
    pub folded_words: ByteMap<WordKind>,
    /// Longest word, to bound prefix/suffix searches.
    pub max_word_len: usize,
    /// Bit (second byte % 64) of entry [first byte] set when some word starts
    /// with those two bytes: rejects most substrings without hashing.
    pub word_starts: [u64; 256],
    pub unrelated_words: ByteSet,
    pub fake_second_levels: FastSet,
    /// Query parameters holding a search term.
    pub search_params: ByteSet,
    /// Words of the users' scripts and the ASCII word each stands for; longest first.
    pub script_words: Vec<(String, String)>,
    /// Bit `i` set when the byte can stand for a letter of brand `i` (itself or
    /// an ASCII look-alike of it): a label with too few such bytes cannot be a
    /// one-edit look-alike, which is the cheap pre-filter on the hot path.
    pub brand_bytes: [u8; 256],
    /// The same as 8-bit lanes of a u64 (lane i = brand i), so counting the
    /// brand letters of a name is one addition per byte.
    pub brand_lanes: [u64; 256],
    /// Bytes (either case) that start a path brand.
    pub path_first: [bool; 256],
    /// Brand labels that do not contain another brand label: enough to search
    /// link paths ("binancefuture" contains "binance").
    pub path_brands: Vec<usize>,
    /// Public suffixes of genuine brand domains ("com", "us", "vision", "info").
    pub genuine_suffixes: Vec<String>,
}

impl Knowledge {
    /// The domain a look-alike of `brand` on `suffix` imitates ("binanse.us"
    /// imitates binance.us; "binance.us.com" too).
    pub fn imitated(&self, brand: usize, suffix: &str) -> &GenuineDomain {
        &self.domains[self.imitated_index(brand, suffix)]
    }

    pub fn imitated_index(&self, brand: usize, suffix: &str) -> usize {
        let b = &self.brands[brand];
        for (s, idx) in &b.by_suffix {
            if s == suffix
                || (suffix.len() > s.len()
                    && suffix.starts_with(s.as_str())
                    && suffix.as_bytes()[s.len()] == b'.')
            {
                return *idx;
            }
        }
        b.primary
    }

    /// Could any label of `host` be a one-edit look-alike of a brand, or a
    /// brand with its dots moved? False means certainly not: too few brand
    /// letters in the whole host.
    #[inline]
    pub fn could_imitate(&self, host: &[u8]) -> bool {
        if host.len() > 255 {
            return true; // lanes could overflow; let the full analysis decide
        }
        let sum: u64 = host.iter().map(|&b| self.brand_lanes[b as usize]).sum();
        let counts = sum.to_le_bytes();
        self.brands
            .iter()
            .enumerate()
            .any(|(i, b)| counts[i] as usize >= b.min_letters)
    }

    #[inline]
    fn maybe_host(&self, h: &str) -> bool {
        let x = self.hosts.hasher().hash_one(h);
        bloom_has(&self.host_bloom, x)
    }

    /// Walk `host` and its parents ("a.b.web.app", "b.web.app", "web.app", "app").
    pub fn host_facts(&self, host: &str) -> HostFacts<'_> {
        let mut f = HostFacts::default();
        let mut h = host;
        // Every entry has a dot, so the last label alone is never looked up.
        while let Some(dot) = h.as_bytes().iter().position(|&c| c == b'.') {
            if self.maybe_host(h)
                && let Some((key, info)) = self.hosts.get_key_value(h)
            {
                f.genuine = f.genuine.or(info.genuine);
                f.platform = f.platform.or(info.platform);
                f.shortener |= info.shortener;
                f.ipfs |= info.ipfs;
                // Only the exact host forwards ("l.facebook.com", not "x.l.facebook.com").
                f.redirector |= info.redirector && key.len() == host.len();
                if info.hosting && f.hosting.is_none() {
                    f.hosting = Some(key.as_str());
                }
            }
            h = &h[dot + 1..];
        }
        f
    }

    pub fn primary(&self) -> &GenuineDomain {
        self.domains
            .iter()
            .find(|d| d.primary)
            .unwrap_or(&self.domains[0])
    }

    #[inline]
    pub fn word(&self, w: &[u8]) -> Option<WordKind> {
        self.words.get(w).copied()
    }

    #[inline]
    pub fn folded_word(&self, w: &[u8]) -> Option<WordKind> {
        self.folded_words.get(w).copied()
    }

    #[inline]
    pub fn may_start_word(&self, a: u8, b: u8) -> bool {
        self.word_starts[a as usize] & (1u64 << (b % 64)) != 0
    }

    #[inline]
    pub fn is_unrelated_word(&self, w: &[u8]) -> bool {
        self.unrelated_words.contains(w)
    }

    /// Does `w` contain a real word close to a brand ("yahoofinance")? Then a
    /// near-brand substring in it is that word, not a look-alike.
    pub fn has_unrelated_inside(&self, w: &[u8]) -> bool {
        self.unrelated_words
            .iter()
            .any(|u| u.len() >= 5 && w.len() >= u.len() && w.windows(u.len()).any(|x| x == u))
    }
}

/// The knowledge embedded in the binary, parsed on first use.
pub fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    // The embedded file is covered by unit tests, so a parse failure here is a
    // build defect, not bad user input.
    K.get_or_init(|| match load(DOMAINS_TOML) {
        Ok(k) => k,
        Err(e) => panic!("rules/domains.toml is invalid: {e}"),
    })
}

/// Why a knowledge file was refused. It is a file of this repository
/// checked by unit tests, so these are for its maintainers, in English.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("no [[domain]] entries")]
    NoDomain,
    #[error("domain {0:?} is not an ASCII host name")]
    NotAscii(String),
    #[error("domain {0:?} listed twice")]
    Twice(String),
    #[error("exactly one domain must have primary = true")]
    Primary,
    #[error("brand domain {0:?} has no suffix")]
    NoSuffix(String),
    #[error("brand_label {0:?} imitates an unknown domain")]
    UnknownTarget(String),
    #[error("brand_label {0:?} is invalid or listed twice")]
    BadLabel(String),
    #[error("need 1..={MAX_BRANDS} brand labels, found {0}")]
    BrandCount(usize),
    #[error("word {0:?} must be ASCII letters or digits")]
    BadWord(String),
}

/// Parse and check a knowledge file.
pub fn load(text: &str) -> Result<Knowledge, KnowledgeError> {
    let file: File = toml::from_str(text)?;
    build(file)
}

fn lower_set(items: &[String]) -> FastSet {
    items
        .iter()
        .map(|s| s.trim().to_ascii_lowercase())
        .collect()
}

fn build(file: File) -> Result<Knowledge, KnowledgeError> {
    if file.domain.is_empty() {
        return Err(KnowledgeError::NoDomain);
    }
    let mut genuine = FastMap::default();
    for (i, d) in file.domain.iter().enumerate() {
        let name = d.name.to_ascii_lowercase();
        if !name.is_ascii() || !name.contains('.') {
            return Err(KnowledgeError::NotAscii(d.name.clone()));
        }
        if genuine.insert(name, i).is_some() {
            return Err(KnowledgeError::Twice(d.name.clone()));
        }
    }
    if file.domain.iter().filter(|d| d.primary).count() != 1 {
        return Err(KnowledgeError::Primary);
    }

    let mut brands: Vec<Brand> = Vec::new();
    let mut genuine_suffixes: Vec<String> = Vec::new();
    for (i, d) in file.domain.iter().enumerate() {
        if !d.brand {
            continue;
        }
        let name = d.name.to_ascii_lowercase();
        let Some((label, suffix)) = name.split_once('.') else {
            return Err(KnowledgeError::NoSuffix(d.name.clone()));
        };
        if !genuine_suffixes.iter().any(|s| s == suffix) {
            genuine_suffixes.push(suffix.to_string());
        }
        match brands.iter_mut().find(|b| b.label == label) {
            Some(b) => {
                b.by_suffix.push((suffix.to_string(), i));
                if d.primary {
                    b.primary = i;
                }
            }
            None => {
                let mut fb = FoldBuf::new();
                brands.push(Brand {
                    label: label.to_string(),
                    folded: fold_ascii(label.as_bytes(), &mut fb).to_vec(),
                    primary: i,
                    by_suffix: vec![(suffix.to_string(), i)],
                    typos: true,
                    min_letters: 0,
                });
            }
        }
    }
    for bl in &file.brand_label {
        let label = bl.label.trim().to_ascii_lowercase();
        let Some(&target) = genuine.get(&bl.imitates.to_ascii_lowercase()) else {
            return Err(KnowledgeError::UnknownTarget(label.to_string()));
        };
        if label.len() < 3
            || !label.bytes().all(|c| c.is_ascii_alphanumeric())
            || bl.evidence.trim().is_empty()
            || brands.iter().any(|b| b.label == label)
        {
            return Err(KnowledgeError::BadLabel(label.to_string()));
        }
        let mut fb = FoldBuf::new();
        brands.push(Brand {
            folded: fold_ascii(label.as_bytes(), &mut fb).to_vec(),
            label,
            primary: target,
            by_suffix: Vec::new(),
            typos: true,
            min_letters: 0,
        });
    }
    for b in &mut brands {
        b.typos = b.label.len() >= 6;
        // A one-edit look-alike keeps all but one letter (a two-edit one
        // inside a compound is found through the letters of the words around
        // it). Counting one letter fewer would catch the brand cut short by
        // two ("binanxrp") but costs every unrelated host about 30 % more.
        b.min_letters = if b.typos {
            b.label.len().saturating_sub(1)
        } else {
            b.label.len()
        };
    }
    if brands.is_empty() || brands.len() > MAX_BRANDS {
        return Err(KnowledgeError::BrandCount(brands.len()));
    }
    // A brand's default imitation target is the primary domain when it has one,
    // otherwise its ".com" domain, otherwise its first domain.
    for b in &mut brands {
        if !file.domain[b.primary].primary
            && let Some((_, idx)) = b.by_suffix.iter().find(|(s, _)| s == "com")
        {
            b.primary = *idx;
        }
    }
    // Longest first, so "binancefuture" is preferred over "binance".
    brands.sort_by_key(|b| std::cmp::Reverse(b.label.len()));

    let mut brand_bytes = [0u8; 256];
    for (bi, b) in brands.iter().enumerate() {
        for c in 0u8..=255 {
            let folded = super::fold::fold_byte(c.to_ascii_lowercase());
            if b.folded.contains(&folded) || b.label.as_bytes().contains(&c.to_ascii_lowercase()) {
                brand_bytes[c as usize] |= 1 << bi;
            }
        }
    }
    let mut brand_lanes = [0u64; 256];
    for (c, &m) in brand_bytes.iter().enumerate() {
        for bi in 0..brands.len() {
            if m & (1 << bi) != 0 {
                brand_lanes[c] |= 1u64 << (8 * bi);
            }
        }
    }
    let path_brands: Vec<usize> = (0..brands.len())
        .filter(|&i| {
            !brands
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && brands[i].label.contains(&o.label))
        })
        .collect();
    let mut path_first = [false; 256];
    for &bi in &path_brands {
        let f = brands[bi].label.as_bytes()[0];
        path_first[f.to_ascii_lowercase() as usize] = true;
        path_first[f.to_ascii_uppercase() as usize] = true;
    }

    let mut platform_hosts = FastMap::default();
    for (i, p) in file.platform.iter().enumerate() {
        for h in &p.hosts {
            platform_hosts.insert(h.to_ascii_lowercase(), i);
        }
    }

    let mut hosts: FastMap<HostInfo> = FastMap::default();
    for (name, &i) in &genuine {
        hosts.entry(name.clone()).or_default().genuine = Some(i);
    }
    for (name, &i) in &platform_hosts {
        hosts.entry(name.clone()).or_default().platform = Some(i);
    }
    for name in &file.services.shorteners {
        hosts
            .entry(name.to_ascii_lowercase())
            .or_default()
            .shortener = true;
    }
    for name in &file.services.hosting {
        hosts.entry(name.to_ascii_lowercase()).or_default().hosting = true;
    }
    for name in &file.services.ipfs_gateways {
        hosts.entry(name.to_ascii_lowercase()).or_default().ipfs = true;
    }
    for name in &file.services.redirectors {
        hosts
            .entry(name.to_ascii_lowercase())
            .or_default()
            .redirector = true;
    }
    let mut script_words: Vec<(String, String)> = file
        .vocabulary
        .script_words
        .iter()
        .map(|(k, v)| (k.clone(), v.to_ascii_lowercase()))
        .collect();
    script_words.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));

    let mut host_bloom = vec![0u64; (BLOOM_BITS / 64) as usize];
    for name in hosts.keys() {
        for b in bloom_bits(hosts.hasher().hash_one(name.as_str())) {
            host_bloom[(b / 64) as usize] |= 1 << (b % 64);
        }
    }

    let mut words = ByteMap::default();
    let mut folded_words = ByteMap::default();
    let mut max_word_len = 0;
    let mut word_starts = [0u64; 256];
    let mut long_lures = Vec::new();
    // Affixes first so that a word in both lists counts as a lure.
    for (list, kind) in [
        (&file.vocabulary.affix_words, WordKind::Affix),
        (&file.vocabulary.lure_words, WordKind::Lure),
    ] {
        for w in list {
            let w = w.trim().to_ascii_lowercase();
            if w.is_empty() || !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(KnowledgeError::BadWord(w));
            }
            max_word_len = max_word_len.max(w.len());
            let mut fb = FoldBuf::new();
            let f = fold_ascii(w.as_bytes(), &mut fb).to_vec();
            for key in [w.as_bytes(), f.as_slice()] {
                if key.len() >= 2 {
                    word_starts[key[0] as usize] |= 1u64 << (key[1] % 64);
                }
            }
            folded_words.insert(f, kind);
            if kind == WordKind::Lure && w.len() >= 5 {
                long_lures.push(w.as_bytes().to_vec());
            }
            words.insert(w.into_bytes(), kind);
        }
    }

    Ok(Knowledge {
        schema_version: file.schema_version,
        verify_url: file.verify_url,
        genuine,
        platform_hosts,
        hosts,
        host_bloom,
        shorteners: lower_set(&file.services.shorteners),
        hosting: lower_set(&file.services.hosting),
        ipfs_gateways: lower_set(&file.services.ipfs_gateways),
        words,
        long_lures,
        folded_words,
        max_word_len,
        word_starts,
        unrelated_words: file
            .vocabulary
            .unrelated_words
            .iter()
            .map(|w| w.trim().to_ascii_lowercase().into_bytes())
            .collect(),
        fake_second_levels: lower_set(&file.vocabulary.fake_second_levels),
        search_params: file
            .vocabulary
            .search_params
            .iter()
            .map(|w| w.trim().to_ascii_lowercase().into_bytes())
            .collect(),
        script_words,
        brand_bytes,
        brand_lanes,
        path_first,
        path_brands,
        genuine_suffixes,
        brands,
        domains: file.domain,
        user_content: file.user_content,
        channels: file.channel,
        platforms: file.platform,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_loads() {
        let k = knowledge();
        assert_eq!(k.primary().name, "binance.com");
        let labels: Vec<&str> = k.brands.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "binancefuture",
                "bnbsmartchain",
                "bnbgreenfield",
                "bnbstatic",
                "bnbbridge",
                "bnbchain",
                "binance",
                "opbnb"
            ]
        );
        let by = |l: &str| &k.brands[k.brands.iter().position(|b| b.label == l).unwrap()];
        assert_eq!(k.domains[by("binance").primary].name, "binance.com");
        assert_eq!(k.domains[by("bnbchain").primary].owner, "BNB Chain");
        for l in ["opbnb", "bnbsmartchain", "bnbbridge", "bnbgreenfield"] {
            assert_eq!(k.domains[by(l).primary].name, "bnbchain.org", "{l}");
        }
        // Binance Japan: genuine, its evidence third-party only.
        let jp = &k.domains[k.genuine["binance.co.jp"]];
        assert_eq!(jp.status, Status::Official);
        assert!(!jp.certain);
        assert_eq!(jp.entity.as_deref(), Some("Binance Japan"));
        let b = k.brands.iter().position(|b| b.label == "binance").unwrap();
        assert_eq!(k.imitated(b, "co.jp").name, "binance.co.jp");
        assert!(k.genuine.contains_key("binance.us"));
        assert!(k.word(b"login") == Some(WordKind::Lure));
        // Every genuine domain cites evidence.
        assert!(k.domains.iter().all(|d| !d.evidence.trim().is_empty()));
    }

    #[test]
    fn bad_files_are_rejected() {
        assert!(load("schema_version = 1").is_err());
        let dup = DOMAINS_TOML.replace("name = \"binance.us\"", "name = \"binance.com\"");
        assert!(load(&dup).unwrap_err().to_string().contains("twice"));
    }

    #[test]
    fn imitation_target_follows_the_suffix() {
        let k = knowledge();
        let b = k.brands.iter().position(|b| b.label == "binance").unwrap();
        assert_eq!(k.imitated(b, "us").name, "binance.us");
        assert_eq!(k.imitated(b, "us.com").name, "binance.us");
        assert_eq!(k.imitated(b, "xyz").name, "binance.com");
    }
}
