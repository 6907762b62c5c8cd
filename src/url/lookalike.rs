//! Does a name (a host label, a messenger handle, a path word) imitate a brand,
//! and how? Works on lower-case ASCII bytes; Unicode labels are first reduced to
//! an ASCII skeleton by `skeleton_ascii`. Everything here runs on stack buffers.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_security::MixedScript;

use super::domains::{Knowledge, WordKind};
use super::fold::{FoldBuf, fold_ascii, fold_byte};
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
        // A one-edit look-alike or a combination keeps all but one brand letter.
        if (counts[bi] as usize) + 1 < brand.label.len() {
            continue;
        }
        if !checked_words {
            if k.is_unrelated_word(name) {
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
        && let Some(hit) = hyphenated(k, bi, tokens)
    {
        return Some(hit);
    }

    for (ti, tok) in tokens.iter().enumerate() {
        let Some((mut techniques, mut flags)) = match_token(k, bi, tok) else {
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
        if flags.dot {
            techniques.insert(T::DotRemoved);
        }
        if flags.any() {
            techniques.insert(T::Combosquat);
        }
        return Some(NameHit {
            brand: bi,
            techniques,
            exact: false,
            lure: flags.lure,
            affix: flags.affix,
            unknown: flags.unknown,
        });
    }
    None
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
                if fold_ascii(joined, &mut fb) != b.folded.as_slice() {
                    continue;
                }
                techniques.insert(T::Homoglyph);
            }
            let mut flags = Flags::default();
            for (i, t) in tokens.iter().enumerate() {
                if i < lo || i > hi {
                    flags.merge(classify_word(k, t));
                }
            }
            if flags.any() {
                techniques.insert(T::Combosquat);
            }
            return Some(NameHit {
                brand: bi,
                techniques,
                exact: false,
                lure: flags.lure,
                affix: flags.affix,
                unknown: flags.unknown,
            });
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
            None => f.unknown = true,
        },
    }
    f
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
        match segment(k, part, folded) {
            Some(s) => f.merge(s),
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
    if tok.len() <= bl + 1 {
        return None;
    }
    let fwd = seg_table(k, tok, true);
    let bwd = seg_table(k, tok, false);
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
                match bwd[split] {
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
    None
}

/// Segmentations of every prefix (`forward`) or suffix of `part` into known
/// words, "www" and digit runs: entry i covers part[..i] (or part[i..]).
fn seg_table(k: &Knowledge, part: &[u8], forward: bool) -> [Option<Flags>; MAX_NAME + 1] {
    let n = part.len().min(MAX_NAME);
    let part = &part[..n];
    let mut t: [Option<Flags>; MAX_NAME + 1] = [None; MAX_NAME + 1];
    let word_at = |i: usize, len: usize| -> Option<Flags> {
        let w = &part[i..i + len];
        if w.iter().all(u8::is_ascii_digit) {
            return Some(Flags {
                affix: true,
                ..Flags::default()
            });
        }
        if len >= 2 && !k.may_start_word(w[0], w[1]) {
            return None;
        }
        match k.word(w) {
            Some(WordKind::Lure) => Some(Flags {
                lure: true,
                ..Flags::default()
            }),
            Some(WordKind::Affix) => Some(Flags {
                affix: true,
                ..Flags::default()
            }),
            None => None,
        }
    };
    if forward {
        t[0] = Some(Flags::default());
        for i in 0..n {
            let Some(base) = t[i] else { continue };
            for len in 1..=k.max_word_len.min(n - i) {
                if let Some(f) = word_at(i, len) {
                    let mut f2 = base;
                    f2.merge(f);
                    upgrade(&mut t[i + len], f2);
                }
            }
        }
    } else {
        t[n] = Some(Flags::default());
        for j in (0..n).rev() {
            for len in 1..=k.max_word_len.min(n - j) {
                let Some(rest) = t[j + len] else { continue };
                if let Some(f) = word_at(j, len) {
                    let mut f2 = rest;
                    f2.merge(f);
                    upgrade(&mut t[j], f2);
                }
            }
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
                if fold_byte(x) == fold_byte(y) {
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
/// to their prototypes. Returns (ascii, had_non_ascii, mixed_script).
pub fn skeleton_ascii(label: &str, out: &mut String) -> (bool, bool) {
    out.clear();
    let mut non_ascii = false;
    for c in label.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        non_ascii = true;
        if let Some(m) = extra_confusable(c) {
            out.push(m);
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
                    out.push(l);
                }
            }
        }
    }
    let mixed = non_ascii && !label.is_single_script();
    (non_ascii, mixed)
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
        skeleton_ascii("bınance", &mut s);
        assert_eq!(s, "binance");
        skeleton_ascii("bînance", &mut s);
        assert_eq!(s, "binance");
        skeleton_ascii("bi\u{307}nance", &mut s);
        assert_eq!(s, "binance");
        assert_eq!(skeleton_ascii("münchen", &mut s), (true, false));
    }
}
