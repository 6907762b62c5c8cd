//! ASCII look-alike folding: characters people confuse at a glance are mapped to
//! one representative, so "b1nance", "blnance" and "binance" fold to the same
//! bytes. Works on a stack buffer; host labels are at most 63 bytes.

/// Capacity of a fold buffer; longer input is truncated (callers bound it).
pub const FOLD_CAP: usize = 128;

pub struct FoldBuf {
    buf: [u8; FOLD_CAP],
}

impl FoldBuf {
    pub fn new() -> FoldBuf {
        FoldBuf { buf: [0; FOLD_CAP] }
    }
}

impl Default for FoldBuf {
    fn default() -> Self {
        FoldBuf::new()
    }
}

/// One byte to its look-alike class (input already lower-case). Classes are
/// transitive, so look-alikes applied several times ("bimamce": n→m twice and
/// e→c) still fold onto the brand.
#[inline]
pub fn fold_byte(b: u8) -> u8 {
    match b {
        b'1' | b'i' | b'l' | b'|' | b'!' | b'j' => b'l',
        b'0' => b'o',
        b'3' | b'e' | b'c' => b'c',
        b'4' => b'a',
        b'5' => b's',
        b'8' => b'b',
        b'm' | b'n' => b'n',
        b'q' => b'g',
        _ => b,
    }
}

/// Fold a lower-case ASCII string, including the two-letter look-alikes
/// "rn" → "m", "vv" → "w" and "cl" → "d".
pub fn fold_ascii<'a>(s: &[u8], out: &'a mut FoldBuf) -> &'a [u8] {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() && n < FOLD_CAP {
        let c = s[i];
        let next = s.get(i + 1).copied();
        let pair = match (c, next) {
            (b'r', Some(b'n')) => Some(b'm'),
            (b'v', Some(b'v')) => Some(b'w'),
            (b'c', Some(b'l')) => Some(b'd'),
            _ => None,
        };
        if let Some(p) = pair {
            out.buf[n] = fold_byte(p);
            i += 2;
        } else {
            out.buf[n] = fold_byte(c);
            i += 1;
        }
        n += 1;
    }
    &out.buf[..n]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        let mut b = FoldBuf::new();
        String::from_utf8(fold_ascii(s.as_bytes(), &mut b).to_vec()).unwrap()
    }

    #[test]
    fn look_alikes_fold_together() {
        assert_eq!(f("binance"), f("b1nance"));
        assert_eq!(f("binance"), f("blnance"));
        assert_eq!(f("rnicrosoft"), f("microsoft"));
        assert_eq!(f("vvallet"), f("wallet"));
        assert_eq!(f("g0ogle"), f("google"));
        assert_ne!(f("binance"), f("finance"));
        assert_eq!(f("binance"), f("bimamce"));
        assert_eq!(f("binance"), f("birnance"));
    }
}
