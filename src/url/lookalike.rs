//! Does a name (a host label, a messenger handle, a path word) imitate a brand,
//! and how? Works on lower-case ASCII bytes; Unicode labels are first reduced to
//! an ASCII skeleton by `skeleton_ascii`. Everything here runs on stack buffers.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_security::MixedScript;
use unicode_security::restriction_level::{RestrictionLevel, RestrictionLevelDetection};

use super::domains::{Knowledge, WordKind};
use super::fold::{FoldBuf, fold_ascii};
use super::technique::{TechSet, Technique as T};

/// Longest name examined: DNS labels are at most 63 bytes; handles are shorter.
pub const MAX_NAME: usize = 63;
const MAX_TOKENS: usize = 12;

/// A name that imitates a brand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameHit {
    /// Index into `Knowledge::brands`.
    pub brand: usize,
    /// Typo, homoglyph, hyphenation, dot and combosquat techniques.
    pub techniques: TechSet,
    /// The name is exactly the brand ("binance").
    pub exact: bool,
    /// A lure word ("login", "support") is attached.
    pub lure: bool,
    /// A known affix ("app", "us", digits) is attached.
    pub affix: bool,
    /// Some other text is attached ("fu-binance").
    pub unknown: bool,
}

impl NameHit {
    /// Strong enough to call the name an impersonation on its own: an edited
    /// brand, or the brand with words phishers use. The brand next to an
    /// unknown word ("fu-binance") is only a risk sign.
    pub fn is_impersonation(&self) -> bool {
        self.exact || self.techniques.any_typo() || self.lure || self.affix
    }
}

#[derive(Clone, Copy, Default)]
struct Flags {
    lure: bool,
    affix: bool,
    unknown: bool,
    dot: bool,
}

impl Flags {
    fn merge(&mut self, o: Flags) {
        self.lure |= o.lure;
        self.affix |= o.affix;
        self.unknown |= o.unknown;
        self.dot |= o.dot;
    }
    fn any(&self) -> bool {
        self.lure || self.affix || self.unknown
    }
}

/// Find the brand `name` imitates, if any. `name` is lower-case ASCII.
pub fn match_name(k: &Knowledge, name: &[u8]) -> Option<NameHit> {
    if name.len() < 3 || name.len() > MAX_NAME {
        return None;
    }
    // Names are at most 63 bytes, so no 8-bit lane overflows.
    let lanes: u64 = name.iter().map(|&b| k.brand_lanes[b as usize]).sum();
    let counts = lanes.to_le_bytes();
    let mut checked_words = false;
    for (bi, brand) in k.brands.iter().enumerate() {
        // A look-alike keeps most of the brand's letters (see `min_letters`).
        if (counts[bi] as usize) < brand.min_letters {
            continue;
        }
        if !checked_words {
            // "inane3" is the word "inane", numbered.
            let stem_len =
                name.len() - name.iter().rev().take_while(|c| c.is_ascii_digit()).count();
            if k.is_unrelated_word(name) || k.is_unrelated_word(&name[..stem_len]) {
                return None;
            }
            checked_words = true;
        }
        if let Some(hit) = match_brand(k, bi, name) {
            return Some(hit);
        }
    }
    None
}

fn match_brand(k: &Knowledge, bi: usize, name: &[u8]) -> Option<NameHit> {
    let brand = k.brands[bi].label.as_bytes();
    if name == brand {
        return Some(NameHit {
            brand: bi,
            exact: true,
            ..NameHit::default()
        });
    }
    let mut tokens: [&[u8]; MAX_TOKENS] = [&[]; MAX_TOKENS];
    let mut nt = 0;
    for t in name.split(|&c| c == b'-' || c == b'_') {
        if t.is_empty() {
            continue;
        }
        if nt == MAX_TOKENS {
            return None;
        }
        tokens[nt] = t;
        nt += 1;
    }
    let tokens = &tokens[..nt];

    if nt > 1
        && let Some(hit) = hyphenated(k, bi, tokens).or_else(|| split_glued(k, bi, tokens))
    {
        return Some(hit);
    }

    let bl = brand.len();
    for (ti, tok) in tokens.iter().enumerate() {
        let found = match_token(k, bi, tok).or_else(|| {
            // Two edits as a word of its own next to known words ("bonus-biaqce-io").
            if !k.brands[bi].typos || bl < 7 || nt < 2 || tok.len() + 2 < bl || tok.len() > bl + 2 {
                return None;
            }
            let t = two_edits(k, bi, tok)?;
            let mut f = Flags::default();
            for (oi, other) in tokens.iter().enumerate() {
                if oi != ti {
                    f.merge(classify_word(k, other));
                }
            }
            f.lure.then_some((t, Flags::default()))
        });
        let Some((mut techniques, mut flags)) = found else {
            continue;
        };
        for (oi, other) in tokens.iter().enumerate() {
            if oi == ti {
                continue;
            }
            let f = classify_word(k, other);
            // "www-binance", "binance-com": a dot turned into a hyphen.
            let dotlike =
                (oi + 1 == ti && *other == b"www") || (oi == ti + 1 && is_genuine_suffix(k, other));
            if dotlike {
                techniques.insert(T::Hyphenation);
            } else {
                flags.merge(f);
            }
        }
        return Some(hit(bi, techniques, flags));
    }
    None
}

/// A look-alike of brand `bi` made with `techniques`, with the words
/// `flags` found around it.
fn hit(bi: usize, mut techniques: TechSet, flags: Flags) -> NameHit {
    if flags.dot {
        techniques.insert(T::DotRemoved);
    }
    if flags.any() {
        techniques.insert(T::Combosquat);
    }
    NameHit {
        brand: bi,
        techniques,
        exact: false,
        lure: flags.lure,
        affix: flags.affix,
        unknown: flags.unknown,
    }
}

/// "bin-ance", "bin-ance-login", "bin-ance-docs": the brand split by
/// hyphens, possibly with words on either side.
fn hyphenated(k: &Knowledge, bi: usize, tokens: &[&[u8]]) -> Option<NameHit> {
    let b = &k.brands[bi];
    let brand = b.label.as_bytes();
    let mut buf = [0u8; MAX_NAME];
    for lo in 0..tokens.len() {
        let mut n = 0;
        for hi in lo..tokens.len() {
            let t = tokens[hi];
            let end = n + t.len();
            if end > brand.len() + 1 || end > MAX_NAME {
                break;
            }
            buf[n..end].copy_from_slice(t);
            n = end;
            if hi == lo {
                continue;
            }
            let joined = &buf[..n];
            let mut techniques = TechSet::EMPTY.with(T::Hyphenation);
            if joined != brand {
                let mut fb = FoldBuf::new();
                if fold_ascii(joined, &mut fb) == b.folded.as_slice() {
                    techniques.insert(T::Homoglyph);
                } else if b.typos
                    && tokens[lo..=hi].iter().all(|t| t.len() >= 2)
                    && (joined.len() == brand.len()
                        || tokens
                            .iter()
                            .enumerate()
                            .any(|(i, t)| (i < lo || i > hi) && classify_word(k, t).lure))
                    && let Some(t) = typo(k, bi, joined)
                {
                    // "binan-se", "bi-nanse-login": split and misspelt.
                    techniques = techniques.union(t);
                } else {
                    continue;
                }
            }
            let mut flags = Flags::default();
            for (i, t) in tokens.iter().enumerate() {
                if i < lo || i > hi {
                    flags.merge(classify_word(k, t));
                }
            }
            return Some(hit(bi, techniques, flags));
        }
    }
    None
}

/// "bnb-chainstaking", "loginbin-ance": the brand split by hyphens with
/// words glued to its first or last piece. Only the exact brand: a misspelt
/// one split and glued is too far from anything a reader would take for it.
fn split_glued(k: &Knowledge, bi: usize, tokens: &[&[u8]]) -> Option<NameHit> {
    let brand = k.brands[bi].label.as_bytes();
    let mut buf = [0u8; MAX_NAME];
    for lo in 0..tokens.len() {
        let mut n = 0;
        for hi in lo..tokens.len() {
            let t = tokens[hi];
            if n + t.len() > MAX_NAME {
                break;
            }
            buf[n..n + t.len()].copy_from_slice(t);
            let last_start = n;
            n += t.len();
            if hi == lo {
                continue;
            }
            let first_len = tokens[lo].len();
            // The brand must begin in the first token and end in the last,
            // so that it crosses every hyphen between them.
            let joined = &buf[..n];
            let Some(start) = find(joined, brand) else {
                continue;
            };
            let end = start + brand.len();
            if start >= first_len || end <= last_start {
                continue;
            }
            let before = &tokens[lo][..start];
            let after = &t[end - last_start..];
            if before.is_empty() && after.is_empty() {
                // The plain split brand is `hyphenated`'s.
                continue;
            }
            let mut flags = glued(k, before, after, false);
            for (i, other) in tokens.iter().enumerate() {
                if i < lo || i > hi {
                    flags.merge(classify_word(k, other));
                }
            }
            return Some(hit(bi, TechSet::EMPTY.with(T::Hyphenation), flags));
        }
    }
    None
}

fn is_genuine_suffix(k: &Knowledge, w: &[u8]) -> bool {
    k.genuine_suffixes.iter().any(|s| s.as_bytes() == w)
}

/// How one separate word next to a brand counts.
fn classify_word(k: &Knowledge, w: &[u8]) -> Flags {
    let mut f = Flags::default();
    match k.word(w) {
        Some(WordKind::Lure) => f.lure = true,
        Some(WordKind::Affix) => f.affix = true,
        None if w.iter().all(u8::is_ascii_digit) => f.affix = true,
        None => match segment(k, w, false) {
            Some(s) => f = s,
            None if near_lure(k, w) => f.lure = true,
            None => f.unknown = true,
        },
    }
    f
}

/// A lure word of five letters or more with one letter wrong ("suport",
/// "lgin", "acess"): phishers misspell the words next to the brand as well.
fn near_lure(k: &Knowledge, w: &[u8]) -> bool {
    w.len() >= 4
        && k.long_lures
            .iter()
            .any(|l| l.len().abs_diff(w.len()) <= 1 && one_edit(w, l).is_some())
}

/// Split `part` into known words and digit runs ("loginverify2024").
/// `folded` selects the homoglyph-folded word list.
fn segment(k: &Knowledge, part: &[u8], folded: bool) -> Option<Flags> {
    let n = part.len();
    if n == 0 {
        return Some(Flags::default());
    }
    if n > MAX_NAME {
        return None;
    }
    // reach[i]: flags of a segmentation of part[..i]; lure beats affix.
    let mut reach: [Option<Flags>; MAX_NAME + 1] = [None; MAX_NAME + 1];
    reach[0] = Some(Flags::default());
    for i in 0..n {
        let Some(base) = reach[i] else { continue };
        // digit run
        let mut j = i;
        while j < n && part[j].is_ascii_digit() {
            j += 1;
        }
        if j > i {
            let mut f = base;
            f.affix = true;
            upgrade(&mut reach[j], f);
        }
        for len in 2..=k.max_word_len.min(n - i) {
            let w = &part[i..i + len];
            if !k.may_start_word(w[0], w[1]) {
                continue;
            }
            let kind = if folded { k.folded_word(w) } else { k.word(w) };
            if let Some(kind) = kind {
                let mut f = base;
                match kind {
                    WordKind::Lure => f.lure = true,
                    WordKind::Affix => f.affix = true,
                }
                upgrade(&mut reach[i + len], f);
            }
        }
    }
    reach[n]
}

fn upgrade(slot: &mut Option<Flags>, f: Flags) {
    match slot {
        Some(cur) if cur.lure || !f.lure => {}
        _ => *slot = Some(f),
    }
}

/// Flags for the text glued before and after a brand inside one token.
fn glued(k: &Knowledge, before: &[u8], after: &[u8], folded: bool) -> Flags {
    let mut f = Flags::default();
    let mut before = before;
    let mut after = after;
    if before.ends_with(b"www") {
        f.dot = true;
        before = &before[..before.len() - 3];
    }
    for s in &k.genuine_suffixes {
        if after.starts_with(s.as_bytes()) {
            f.dot = true;
            after = &after[s.len()..];
            break;
        }
    }
    for part in [before, after] {
        if part.is_empty() {
            continue;
        }
        let seg = segment(k, part, folded).or_else(|| {
            // "binanceloqin": the glued word has look-alikes of its own.
            if folded {
                return None;
            }
            let mut fb = FoldBuf::new();
            segment(k, fold_ascii(part, &mut fb), true)
        });
        match seg {
            Some(s) => f.merge(s),
            None if !folded && near_lure(k, part) => f.lure = true,
            None => f.unknown = true,
        }
    }
    f
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Does one hyphen-free token carry the brand? Returns its techniques and
/// the words glued to it.
fn match_token(k: &Knowledge, bi: usize, tok: &[u8]) -> Option<(TechSet, Flags)> {
    let b = &k.brands[bi];
    let brand = b.label.as_bytes();
    if tok == brand {
        return Some((TechSet::EMPTY, Flags::default()));
    }
    if tok.len() + 1 < brand.len() || k.is_unrelated_word(tok) {
        return None;
    }
    if let Some(pos) = find(tok, brand) {
        // One extra character at either end is a typo, not a word.
        if tok.len() == brand.len() + 1 {
            return one_edit(tok, brand).map(|t| (t, Flags::default()));
        }
        let f = glued(k, &tok[..pos], &tok[pos + brand.len()..], false);
        return Some((TechSet::EMPTY, f));
    }
    // A single edit is named as that edit before any look-alike reading.
    if tok.len() <= brand.len() + 1
        && tok.len() + 1 >= brand.len()
        && let Some(t) = one_edit(tok, brand)
        && b.typos
    {
        return Some((t, Flags::default()));
    }
    let mut fb = FoldBuf::new();
    let ft = fold_ascii(tok, &mut fb);
    if let Some(pos) = find(ft, &b.folded) {
        if ft.len() == b.folded.len() + 1 {
            return one_edit(ft, &b.folded).map(|t| (t.with(T::Homoglyph), Flags::default()));
        }
        let f = glued(k, &ft[..pos], &ft[pos + b.folded.len()..], true);
        return Some((TechSet::EMPTY.with(T::Homoglyph), f));
    }
    if let Some(t) = typo(k, bi, tok) {
        return Some((t, Flags::default()));
    }
    // A typo with words glued on ("verifybinanse", "binnancelogin"): find a
    // split into known words + near-brand core + known words.
    let bl = brand.len();
    // One character more than the brand is a typo (above); from there a short
    // word can be glued to a core one letter short ("my" + "binane").
    if tok.len() <= bl {
        return None;
    }
    let fwd = seg_table(k, tok);
    for pre in 0..=tok.len() + 1 - bl {
        let Some(mut pre_flags) = fwd[pre] else {
            continue;
        };
        if pre >= 3 && &tok[pre - 3..pre] == b"www" {
            pre_flags.dot = true;
        }
        let rest_len = tok.len() - pre;
        let lo = rest_len.saturating_sub(bl + 1);
        let hi = rest_len + 1 - bl;
        for post in lo..=hi {
            if pre == 0 && post == 0 {
                continue;
            }
            // At one letter over the brand, only a word in front: a core
            // read first and two letters after it is too often a real word
            // of its own ("binannex").
            if tok.len() == bl + 1 && (pre == 0 || post > 0) {
                continue;
            }
            let split = tok.len() - post;
            let after = &tok[split..];
            let post_flags = if post == 0 {
                Flags::default()
            } else if is_genuine_suffix(k, after) {
                Flags {
                    dot: true,
                    ..Flags::default()
                }
            } else {
                // Only a few split points are possible: segment them on demand.
                match segment(k, after, false) {
                    Some(f) => f,
                    None => continue,
                }
            };
            let core = &tok[pre..split];
            if let Some(t) = typo(k, bi, core) {
                let mut f = pre_flags;
                f.merge(post_flags);
                return Some((t, f));
            }
        }
    }
    if !b.typos || k.has_unrelated_inside(tok) {
        return None;
    }
    // Two edits inside a compound of known words ("verifybimanse", "bnanc-login"
    // is one token per side): the words around make the intent plain.
    if bl >= 7 {
        for pre in 0..tok.len() {
            let Some(pre_flags) = fwd[pre] else { continue };
            let rest_len = tok.len() - pre;
            for core_len in (bl - 2)..=(bl + 2).min(rest_len) {
                let split = pre + core_len;
                if pre == 0 && split == tok.len() {
                    continue;
                }
                let after = &tok[split..];
                let post_flags = if after.is_empty() {
                    Flags::default()
                } else if is_genuine_suffix(k, after) {
                    Flags {
                        dot: true,
                        ..Flags::default()
                    }
                } else {
                    match segment(k, after, false) {
                        Some(f) => f,
                        None => continue,
                    }
                };
                let mut f = pre_flags;
                f.merge(post_flags);
                // Two edits are far from the brand: only a lure word makes it plain.
                if !f.lure {
                    continue;
                }
                if let Some(t) = two_edits(k, bi, &tok[pre..split]) {
                    return Some((t, f));
                }
            }
        }
    }
    // A one-edit core that starts the name, with other text glued after it
    // ("binancxyz", "bnancetoday"): the brand read first, as people read it.
    // Not anywhere else: many real words end in a near-brand ("ambiance").
    for core_len in bl.saturating_sub(1)..=(bl + 1) {
        if tok.len() <= bl + 1 || core_len >= tok.len() || tok.len() - core_len > 12 {
            continue;
        }
        let core = &tok[..core_len];
        if core[..2] != brand[..2] || k.is_unrelated_word(core) {
            continue;
        }
        // Raw letters only: look-alike classes are too loose next to unknown text.
        if let Some(t) = one_edit(core, brand) {
            let f = glued(k, &[], &tok[core_len..], false);
            return Some((t, f));
        }
    }
    None
}

/// Exactly two edits from the brand (optimal string alignment on raw or folded
/// letters), as a technique set. Only called for names inside compounds.
fn two_edits(k: &Knowledge, bi: usize, s: &[u8]) -> Option<TechSet> {
    let b = &k.brands[bi];
    let brand = b.label.as_bytes();
    if k.is_unrelated_word(s) || s.len() < 5 {
        return None;
    }
    // The first letter is kept: a name starting elsewhere reads as another word.
    let mut fs = FoldBuf::new();
    let folded = fold_ascii(s, &mut fs);
    if folded.first() != b.folded.first() {
        return None;
    }
    let raw = osa(s, brand);
    let fold = osa(folded, &b.folded);
    if raw > 2 && fold > 2 {
        return None;
    }
    let mut t = TechSet::EMPTY;
    if fold < raw {
        t.insert(T::Homoglyph);
    }
    let d = if fold < raw { folded.len() } else { s.len() };
    let bl = if fold < raw {
        b.folded.len()
    } else {
        brand.len()
    };
    t.insert(match d.cmp(&bl) {
        std::cmp::Ordering::Less => T::Omission,
        std::cmp::Ordering::Greater => T::Insertion,
        std::cmp::Ordering::Equal => T::Replacement,
    });
    Some(t)
}

/// Optimal string alignment distance, capped at 3 (names are short).
fn osa(a: &[u8], b: &[u8]) -> usize {
    const CAP: usize = 3;
    if a.len().abs_diff(b.len()) >= CAP || a.len() > MAX_NAME || b.len() > MAX_NAME {
        return CAP;
    }
    let (n, m) = (a.len(), b.len());
    let mut d = [[0u8; MAX_NAME + 1]; 3];
    // Rolling rows: d[i%3] is row i.
    for (j, cell) in d[0].iter_mut().enumerate().take(m + 1) {
        *cell = j as u8;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        d[cur][0] = i as u8;
        let mut row_min = d[cur][0];
        for j in 1..=m {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (d[prev][j] + 1)
                .min(d[cur][j - 1] + 1)
                .min(d[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[prev2][j - 2] + 1);
            }
            d[cur][j] = v;
            row_min = row_min.min(v);
        }
        if row_min as usize >= CAP {
            return CAP;
        }
    }
    (d[n % 3][m] as usize).min(CAP)
}

/// Segmentations of every prefix of `part` into known words, "www" and digit
/// runs: entry i covers part[..i].
fn seg_table(k: &Knowledge, part: &[u8]) -> [Option<Flags>; MAX_NAME + 1] {
    let n = part.len().min(MAX_NAME);
    let part = &part[..n];
    let mut t: [Option<Flags>; MAX_NAME + 1] = [None; MAX_NAME + 1];
    t[0] = Some(Flags::default());
    for i in 0..n {
        let Some(base) = t[i] else { continue };
        for len in 1..=k.max_word_len.min(n - i) {
            let w = &part[i..i + len];
            let f = if w.iter().all(u8::is_ascii_digit) {
                Flags {
                    affix: true,
                    ..Flags::default()
                }
            } else if len < 2 || !k.may_start_word(w[0], w[1]) {
                continue;
            } else {
                match k.word(w) {
                    Some(WordKind::Lure) => Flags {
                        lure: true,
                        ..Flags::default()
                    },
                    Some(WordKind::Affix) => Flags {
                        affix: true,
                        ..Flags::default()
                    },
                    None => continue,
                }
            };
            let mut f2 = base;
            f2.merge(f);
            upgrade(&mut t[i + len], f2);
        }
    }
    t
}

/// One edit away from the brand, on raw or on look-alike-folded letters.
pub fn typo(k: &Knowledge, bi: usize, s: &[u8]) -> Option<TechSet> {
    let b = &k.brands[bi];
    let brand = b.label.as_bytes();
    if s == brand || k.is_unrelated_word(s) {
        return None;
    }
    if !b.typos {
        let mut fb = FoldBuf::new();
        return (fold_ascii(s, &mut fb) == b.folded.as_slice())
            .then(|| TechSet::EMPTY.with(T::Homoglyph));
    }
    if s.len() + 1 >= brand.len()
        && s.len() <= brand.len() + 1
        && let Some(t) = one_edit(s, brand)
    {
        return Some(t);
    }
    let mut fb = FoldBuf::new();
    let fs = fold_ascii(s, &mut fb);
    if fs == b.folded.as_slice() {
        return Some(TechSet::EMPTY.with(T::Homoglyph));
    }
    one_edit(fs, &b.folded).map(|t| t.with(T::Homoglyph))
}

/// Letters nobody tells apart at a glance (1/l/i, 0/o, 3/e…); the looser
/// classes of `fold_byte` (m/n, c/e) find look-alikes but a single such change
/// is named as the edit it is.
fn strong_look_alike(x: u8, y: u8) -> bool {
    let strict = |c: u8| match c {
        b'1' | b'i' | b'l' | b'|' | b'!' => b'l',
        b'0' => b'o',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'8' => b'b',
        _ => c,
    };
    strict(x) == strict(y)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn is_host_byte(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'
}

/// Classify `s` as a single edit of `b`.
pub fn one_edit(s: &[u8], b: &[u8]) -> Option<TechSet> {
    let first_diff = s.iter().zip(b).position(|(x, y)| x != y);
    match s.len() as isize - b.len() as isize {
        -1 => {
            let i = first_diff.unwrap_or(s.len());
            (s[i..] == b[i + 1..]).then(|| TechSet::EMPTY.with(T::Omission))
        }
        1 => {
            let i = first_diff.unwrap_or(b.len());
            if s[i + 1..] != b[i..] {
                return None;
            }
            let c = s[i];
            let repeated = (i > 0 && s[i - 1] == c) || s.get(i + 1) == Some(&c);
            Some(TechSet::EMPTY.with(if repeated {
                T::Repetition
            } else {
                T::Insertion
            }))
        }
        0 => {
            let i = first_diff?;
            if s[i + 1..] == b[i + 1..] {
                let (x, y) = (b[i], s[i]);
                let mut t = TechSet::EMPTY;
                if strong_look_alike(x, y) {
                    t.insert(T::Homoglyph);
                } else {
                    if is_vowel(x) && is_vowel(y) {
                        t.insert(T::VowelSwap);
                    }
                    if (x ^ y).count_ones() == 1 && is_host_byte(y) {
                        t.insert(T::Bitsquatting);
                    }
                    if t.is_empty() {
                        t.insert(T::Replacement);
                    }
                }
                return Some(t);
            }
            let swapped =
                i + 1 < s.len() && s[i] == b[i + 1] && s[i + 1] == b[i] && s[i + 2..] == b[i + 2..];
            swapped.then(|| TechSet::EMPTY.with(T::Transposition))
        }
        _ => None,
    }
}

/// Look-alikes of Latin letters that TR39 maps elsewhere (or not at all).
fn extra_confusable(c: char) -> Option<char> {
    Some(match c {
        'ь' | 'Ь' | 'ƅ' | 'Ƅ' | 'ҍ' | 'ɓ' | 'ƀ' | 'Ꮟ' => 'b',
        'ɑ' | 'α' => 'a',
        'ո' | 'η' | 'п' => 'n',
        'г' => 'r',
        'ҽ' | 'є' => 'e',
        'ɩ' | 'ι' | 'ί' => 'i',
        'υ' | 'ս' => 'u',
        'ƒ' => 'f',
        'ԁ' => 'd',
        'ϲ' => 'c',
        _ => return None,
    })
}

/// Reduce a Unicode label to lower-case ASCII for brand matching: strip
/// combining marks (î, i̇), map TR39 confusables (Cyrillic а, Greek ο, dotless ı)
/// to their prototypes. Letters of scripts with no Latin look-alike (kana,
/// kanji) stay as they are, for `read_script_words`. Returns
/// (a non-ASCII character was read as a Latin letter, mixed_script), where
/// mixed script means a mix that UTS 39 does not accept as one writing
/// system: Latin with kana and kanji is how Japanese is written, Latin with
/// Cyrillic or Greek is a disguise.
pub fn skeleton_ascii(label: &str, out: &mut String) -> (bool, bool) {
    out.clear();
    let mut non_ascii = false;
    let mut confusable = false;
    for c in label.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        non_ascii = true;
        if let Some(m) = extra_confusable(c) {
            out.push(m);
            confusable = true;
            continue;
        }
        for d in std::iter::once(c).nfd() {
            if is_combining_mark(d) {
                continue;
            }
            let mut tmp = [0u8; 4];
            for p in unicode_security::skeleton(d.encode_utf8(&mut tmp)) {
                if is_combining_mark(p) {
                    continue;
                }
                for l in p.to_lowercase() {
                    confusable |= l.is_ascii_alphanumeric();
                    out.push(l);
                }
            }
        }
    }
    (confusable, non_ascii && is_mixed_script(label))
}

/// A mix of scripts that UTS 39 does not accept as one writing system.
pub fn is_mixed_script(label: &str) -> bool {
    if label.is_ascii() || label.is_single_script() {
        return false;
    }
    let letters: String = label.chars().filter(|&c| c != '-').collect();
    matches!(
        letters.as_str().detect_restriction_level(),
        RestrictionLevel::MinimallyRestrictive | RestrictionLevel::Unrestricted
    )
}

/// Read the words of the users' own scripts in a Unicode label as their ASCII
/// counterparts ("バイナンス-サポート" → "-binance---support-"), each as its own
/// hyphen-separated word; other characters are kept. Returns whether a brand
/// name was among the words read. Runs before `skeleton_ascii`, which would
/// turn some kana into look-alike symbols.
pub fn read_script_words(k: &Knowledge, label: &str, out: &mut String) -> bool {
    out.clear();
    let mut brand = false;
    let mut rest = label;
    while let Some(c) = rest.chars().next() {
        if !c.is_ascii()
            && let Some((w, ascii)) = k
                .script_words
                .iter()
                .find(|(w, _)| rest.starts_with(w.as_str()))
        {
            out.push('-');
            out.push_str(ascii);
            out.push('-');
            brand |= k.brands.iter().any(|b| b.label == *ascii);
            rest = &rest[w.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    brand
}

/// Replace each run of non-ASCII characters left in a skeleton by one word
/// that no list knows, so the ASCII matcher sees "binance" + other text.
pub fn unknown_runs(skel: &mut String) {
    if skel.is_ascii() {
        return;
    }
    let mut out = String::with_capacity(skel.len());
    let mut in_run = false;
    for c in skel.chars() {
        if c.is_ascii() {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push_str("-zq-");
            in_run = true;
        }
    }
    *skel = out.trim_matches('-').to_string();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::domains::knowledge;

    fn hit(name: &str) -> Option<NameHit> {
        match_name(knowledge(), name.as_bytes())
    }

    fn techs(name: &str) -> Vec<&'static str> {
        hit(name)
            .map(|h| h.techniques.iter().map(|t| t.name()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn single_edits_are_named() {
        assert_eq!(techs("binace"), ["omission"]);
        assert_eq!(techs("binancxe"), ["insertion"]);
        assert_eq!(techs("binnance"), ["repetition"]);
        assert_eq!(techs("binanze"), ["replacement"]);
        assert_eq!(techs("binanse"), ["bitsquatting"]);
        assert_eq!(techs("bniance"), ["transposition"]);
        assert_eq!(techs("binence"), ["vowel_swap", "bitsquatting"]);
        assert_eq!(techs("cinance"), ["bitsquatting"]);
        assert_eq!(techs("b1nance"), ["homoglyph"]);
        assert_eq!(techs("blnance"), ["homoglyph"]);
        assert_eq!(techs("bin-ance"), ["hyphenation"]);
        assert_eq!(techs("wwwbinance"), ["dot_removed"]);
        assert_eq!(techs("binancecom"), ["dot_removed"]);
        assert_eq!(techs("bnbstatlc"), ["homoglyph"]);
    }

    #[test]
    fn combinations_with_words() {
        let h = hit("binance-login").unwrap();
        assert!(h.lure && h.techniques.contains(T::Combosquat));
        let h = hit("verifybinance").unwrap();
        assert!(h.lure);
        let h = hit("secure-binnance").unwrap();
        assert!(h.lure && h.techniques.contains(T::Repetition));
        let h = hit("binnancelogin").unwrap();
        assert!(h.lure && h.techniques.contains(T::Repetition));
        let h = hit("fu-binance").unwrap();
        assert!(h.unknown && !h.is_impersonation());
        let h = hit("binancefutures").unwrap();
        assert_eq!(knowledge().brands[h.brand].label, "binancefuture");
    }

    #[test]
    fn real_words_are_not_look_alikes() {
        for w in [
            "finance",
            "balance",
            "binary",
            "nuance",
            "bianca",
            "financelogin",
            "google",
        ] {
            assert_eq!(hit(w), None, "{w}");
        }
    }

    #[test]
    fn unicode_skeletons() {
        let mut s = String::new();
        assert_eq!(skeleton_ascii("bіnаnсе", &mut s), (true, true)); // Cyrillic і а с е
        assert_eq!(s, "binance");
        assert_eq!(skeleton_ascii("例え-abc", &mut s), (false, false));
        let mut t = String::new();
        assert!(read_script_words(
            knowledge(),
            "バイナンス-サポート",
            &mut t
        ));
        skeleton_ascii(&t, &mut s);
        unknown_runs(&mut s);
        assert_eq!(s.trim_matches('-'), "binance---support");
        skeleton_ascii("例え-binance", &mut s);
        unknown_runs(&mut s);
        assert_eq!(s, "zq--binance");
        skeleton_ascii("bınance", &mut s);
        assert_eq!(s, "binance");
        skeleton_ascii("bînance", &mut s);
        assert_eq!(s, "binance");
        skeleton_ascii("bi\u{307}nance", &mut s);
        assert_eq!(s, "binance");
        assert_eq!(skeleton_ascii("münchen", &mut s), (true, false));
    }
}
