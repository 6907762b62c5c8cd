//! Offline Pwned Passwords lookup in the downloadable hash file.
//!
//! The real "SHA-1 ordered by hash" file is ~40 GB and ~1 billion lines, so it
//! is searched where it lies: a binary search over byte offsets that reads a
//! few hundred bytes per probe and resynchronises to the next line start.
//! Memory use is constant and a lookup costs O(log n) reads. Nothing is
//! loaded or preprocessed.
//!
//! A file that is not what we expect must never produce a quiet "not found":
//! every line the search touches is format-checked, and touched lines must be
//! in strictly ascending order relative to each other, so garbage, unsorted,
//! descending and truncated files are rejected on the lines that matter to
//! the answer.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::Msg;
use crate::msg;

/// Longest line we accept: 40 hex digits, ':', a u64 count (20 digits), CRLF.
/// Anything longer is not a Pwned Passwords line.
const MAX_LINE: usize = 64;

/// Once the search interval is this small it is read in one go and scanned,
/// which costs one read instead of ~6 more probes and checks every line in it.
const SCAN_WINDOW: u64 = 4096;

/// Above this size a file is taken to be a complete dump, which is dense
/// enough that its last hash must start with FFF (see `scan`).
const LARGE_FILE: u64 = 64 * 1024 * 1024;

/// A per-prefix file holds about 1,000 suffixes (~40 kB); one this size or
/// more is checked for an end cut short, smaller ones (hand-made) are not.
const MIN_PREFIX_FILE_CHECKED: u64 = 8 * 1024;

/// Whether `key` (the compared hex digits of the last line) can be the last
/// of the roughly `len / line` uniformly spread hashes in a file of `len` bytes.
fn plausible_last(key: &[u8], len: u64) -> bool {
    // Lines are counted as long as they can be (a 10-digit count and CRLF),
    // so the estimate of n is low and the bound loose.
    let n = len / (key.len() as u64 + 13);
    if n < 20 {
        return true;
    }
    let top = key
        .get(..16)
        .and_then(|h| std::str::from_utf8(h).ok())
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .unwrap_or(u64::MAX);
    top >= u64::MAX - (u64::MAX / n).saturating_mul(20)
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OfflineError {
    /// The key's length: the key itself may be secret, so it is not kept.
    #[error("a key of {0} characters is not a SHA-1 hash (40 hex digits expected)")]
    BadKey(usize),
    /// `text` is `files::read_error`'s, made where the `io::Error` was.
    #[error("{}", text.english())]
    Open { path: String, text: Msg },
    #[error("{}", text.english())]
    Io { path: String, text: Msg },
    #[error("{path}: line at byte {offset} is not a Pwned Passwords line ({what})")]
    Format {
        path: String,
        offset: u64,
        what: Problem,
    },
    #[error(
        "{path}: not sorted by hash (line at byte {offset} is out of order); use the \"ordered by hash\" file"
    )]
    NotSorted { path: String, offset: u64 },
    #[error("{path}: {what}")]
    Unusable { path: String, what: Problem },
    #[error("{path}: file ends in the middle of a line; it looks truncated (download it again)")]
    Truncated { path: String },
    #[error(
        "{dir}: no file for prefix {prefix} ({prefix}.txt); the per-prefix download looks incomplete"
    )]
    MissingPrefix { dir: String, prefix: String },
}

impl OfflineError {
    /// The error as a message for the edge (`Display` is the English one).
    pub fn msg(&self) -> Msg {
        match self {
            OfflineError::BadKey(n) => msg!("engine-hibp-bad-key", len = *n),
            OfflineError::Open { text, .. } | OfflineError::Io { text, .. } => text.clone(),
            OfflineError::Format { path, offset, what } => msg!(
                "engine-hibp-bad-line",
                path = path,
                offset = *offset,
                what = what.msg()
            ),
            OfflineError::NotSorted { path, offset } => {
                msg!("engine-hibp-not-sorted", path = path, offset = *offset)
            }
            OfflineError::Unusable { path, what } => {
                msg!("engine-hibp-unusable", path = path, what = what.msg())
            }
            OfflineError::Truncated { path } => msg!("engine-hibp-truncated", path = path),
            OfflineError::MissingPrefix { dir, prefix } => {
                msg!("engine-hibp-missing-prefix", dir = dir, prefix = prefix)
            }
        }
    }
}

/// What is wrong with a line, or with the whole file. `Display` is the
/// English text; [`Problem::msg`] is the message for the edge.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("expected HASH:COUNT")]
    NoColon,
    /// 32 hex digits: the NTLM download, not the SHA-1 one.
    #[error("32-digit hashes are NTLM; use the SHA-1 file")]
    Ntlm,
    /// 35-digit keys in what was given as a single file.
    #[error("35-digit suffixes; that is a per-prefix file, pass its directory")]
    Suffixes,
    #[error("hash has {len} characters, expected {want} hex digits")]
    HashWidth { len: usize, want: usize },
    #[error("hash is not hexadecimal")]
    NotHex,
    #[error("count is not a number")]
    CountNotNumber,
    #[error("count is out of range")]
    CountOutOfRange,
    #[error("no line break within {MAX_LINE} bytes")]
    NoLineBreak,
    #[error("the file is empty")]
    Empty,
    #[error("this is a {0} archive; extract the .txt file first")]
    Archive(&'static str),
}

impl Problem {
    pub fn msg(&self) -> Msg {
        match self {
            Problem::NoColon => msg!("engine-hibp-no-colon"),
            Problem::Ntlm => msg!("engine-hibp-ntlm"),
            Problem::Suffixes => msg!("engine-hibp-suffixes"),
            Problem::HashWidth { len, want } => {
                msg!("engine-hibp-hash-width", len = *len, want = *want)
            }
            Problem::NotHex => msg!("engine-hibp-not-hex"),
            Problem::CountNotNumber => msg!("engine-hibp-count-not-number"),
            Problem::CountOutOfRange => msg!("engine-hibp-count-out-of-range"),
            Problem::NoLineBreak => msg!("engine-hibp-no-line-break", max = MAX_LINE),
            Problem::Empty => msg!("engine-hibp-empty"),
            Problem::Archive(kind) => msg!("engine-hibp-archive", kind = *kind),
        }
    }
}

/// Look a SHA-1 hash (40 hex digits, any case) up in a Pwned Passwords file or
/// in a directory of per-prefix files (`00000.txt` … `FFFFF.txt`, as written by
/// the official downloader with `-s false`).
///
/// Returns the breach count, or `None` when the hash is not in the data set.
/// A count of 0 (a padding line copied from a padded range response) is
/// treated as not found.
pub fn lookup_file(path: &Path, sha1_hex_upper: &str) -> Result<Option<u64>, OfflineError> {
    let key = parse_key(sha1_hex_upper)?;
    if path.is_dir() {
        let prefix = std::str::from_utf8(&key[..5])
            .unwrap_or_default()
            .to_string();
        let Some(file_path) = prefix_file(path, &prefix) else {
            return Err(OfflineError::MissingPrefix {
                dir: path.display().to_string(),
                prefix,
            });
        };
        let file = open(&file_path)?;
        let search = Search::new(&file, &file_path, Layout::Detect)?;
        search.find(&key)
    } else {
        let file = open(path)?;
        let search = Search::new(&file, path, Layout::Full)?;
        search.find(&key)
    }
}

fn parse_key(hex: &str) -> Result<[u8; 40], OfflineError> {
    let b = hex.as_bytes();
    if b.len() != 40 || !b.iter().all(u8::is_ascii_hexdigit) {
        // Echo only the shape: the caller may have passed something secret.
        return Err(OfflineError::BadKey(b.len()));
    }
    let mut key = [0u8; 40];
    for (k, c) in key.iter_mut().zip(b) {
        *k = c.to_ascii_uppercase();
    }
    Ok(key)
}

fn prefix_file(dir: &Path, prefix: &str) -> Option<PathBuf> {
    [prefix.to_string(), prefix.to_ascii_lowercase()]
        .into_iter()
        .map(|p| dir.join(format!("{p}.txt")))
        .find(|p| p.is_file())
}

fn open(path: &Path) -> Result<File, OfflineError> {
    File::open(path).map_err(|e| OfflineError::Open {
        path: path.display().to_string(),
        text: unreadable(path, &e),
    })
}

fn unreadable(path: &Path, e: &io::Error) -> Msg {
    crate::files::read_error(
        msg!("engine-hibp-the-file", path = path.display().to_string()),
        Some("--hibp-file".into()),
        e,
    )
}

/// Positional reads, so a search never depends on a shared file cursor.
pub trait ReadAt {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize>;
    fn size(&self) -> io::Result<u64>;
}

impl ReadAt for File {
    #[cfg(unix)]
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        std::os::unix::fs::FileExt::read_at(self, buf, offset)
    }

    #[cfg(not(unix))]
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = self;
        f.seek(SeekFrom::Start(offset))?;
        f.read(buf)
    }

    fn size(&self) -> io::Result<u64> {
        Ok(self.metadata()?.len())
    }
}

/// How wide the key at the start of each line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Full 40-digit hashes (the single-file download).
    Full,
    /// 35-digit suffixes (a per-prefix file: the raw range response).
    Suffix,
    /// Per-prefix file written either way: decided from its first line.
    Detect,
}

/// One validated line.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: u64,
    /// Offset just past the line break (or the file size for a last line
    /// without one).
    end: u64,
    key: [u8; 40],
    count: u64,
}

/// A binary search over one open file. Public for the benchmark and tests,
/// which count reads through a wrapping [`ReadAt`].
pub struct Search<'a, R: ReadAt> {
    src: &'a R,
    path: &'a Path,
    len: u64,
    width: usize,
    /// Single-file downloads always end with a line break; only there does a
    /// missing final break mean truncation. Range responses (per-prefix
    /// files) legitimately end without one.
    expect_final_newline: bool,
    /// Size from which the file is taken to be a complete dump.
    large_file: u64,
}

impl<'a, R: ReadAt> Search<'a, R> {
    pub fn new(src: &'a R, path: &'a Path, layout: Layout) -> Result<Self, OfflineError> {
        let len = src.size().map_err(|e| OfflineError::Io {
            path: path.display().to_string(),
            text: unreadable(path, &e),
        })?;
        let mut s = Search {
            src,
            path,
            len,
            width: 40,
            expect_final_newline: true,
            large_file: LARGE_FILE,
        };
        if len == 0 {
            return Err(s.unusable(Problem::Empty));
        }
        let mut head = [0u8; MAX_LINE + 1];
        let n = s.read(&mut head, 0)?;
        let head = &head[..n];
        if let Some(kind) = archive_kind(head) {
            return Err(s.unusable(Problem::Archive(kind)));
        }
        let first_key_len = head.iter().position(|&c| c == b':').unwrap_or(head.len());
        match layout {
            Layout::Full => {}
            Layout::Suffix => {
                s.width = 35;
                s.expect_final_newline = false;
            }
            Layout::Detect => {
                s.expect_final_newline = false;
                s.width = if first_key_len == 35 { 35 } else { 40 };
            }
        }
        // Check the first line now so a wrong file (NTLM, a word list, HTML)
        // gets a clear message before any searching.
        s.line_in(head, 0)?;
        Ok(s)
    }

    /// Treat files of at least `bytes` as complete dumps (tests use small
    /// files; the default is 64 MiB).
    pub fn assume_complete_above(mut self, bytes: u64) -> Self {
        self.large_file = bytes;
        self
    }

    /// Find `key` (40 upper-case hex digits). In suffix layout only the last
    /// 35 digits are compared: the file is for the key's prefix.
    pub fn find(&self, key: &[u8; 40]) -> Result<Option<u64>, OfflineError> {
        let target = &key[40 - self.width..];
        let mut lo = 0u64; // every line starting before lo sorts below target
        let mut hi = self.len; // every line starting at or after hi sorts above
        let mut below: Option<[u8; 40]> = None;
        let mut above: Option<[u8; 40]> = None;
        while hi.saturating_sub(lo) > SCAN_WINDOW {
            let mid = lo + (hi - lo) / 2;
            let line = match self.probe(mid)? {
                Some(l) if l.start < hi => l,
                // No line starts in [mid, hi): those bytes belong to lines we
                // have already placed, so the bound can move down to mid.
                _ => {
                    hi = mid;
                    continue;
                }
            };
            let k = &line.key[..self.width];
            match k.cmp(target) {
                std::cmp::Ordering::Equal => return Ok(nonzero(line.count)),
                std::cmp::Ordering::Less => {
                    if below.is_some_and(|b| &b[..self.width] >= k) {
                        return Err(self.not_sorted(line.start));
                    }
                    below = Some(line.key);
                    lo = line.end;
                }
                std::cmp::Ordering::Greater => {
                    if above.is_some_and(|a| &a[..self.width] <= k) {
                        return Err(self.not_sorted(line.start));
                    }
                    above = Some(line.key);
                    hi = line.start;
                }
            }
        }
        self.scan(lo, hi, target, below, above)
    }

    /// Read [lo, hi) (plus the rest of a line straddling hi) and check every
    /// line in it: format, order, and against the lines bracketing it.
    fn scan(
        &self,
        lo: u64,
        hi: u64,
        target: &[u8],
        below: Option<[u8; 40]>,
        above: Option<[u8; 40]>,
    ) -> Result<Option<u64>, OfflineError> {
        let want = (hi.saturating_sub(lo) as usize + MAX_LINE + 1).min((self.len - lo) as usize);
        let mut buf = vec![0u8; want];
        let n = self.read(&mut buf, lo)?;
        let buf = &buf[..n];
        let mut prev = below;
        let mut pos = 0usize;
        let mut found = None;
        while (lo + pos as u64) < hi && pos < buf.len() {
            let start = lo + pos as u64;
            let rest = &buf[pos..];
            let (body, next) = match rest.iter().position(|&c| c == b'\n') {
                Some(i) => (&rest[..i], pos + i + 1),
                None if lo + buf.len() as u64 == self.len => {
                    if self.expect_final_newline {
                        return Err(OfflineError::Truncated { path: self.shown() });
                    }
                    (rest, buf.len())
                }
                None => return Err(self.format(start, Problem::NoLineBreak)),
            };
            let line = self.parse(start, body, start + (next - pos) as u64)?;
            let k = &line.key[..self.width];
            if prev.is_some_and(|p| &p[..self.width] >= k) {
                return Err(self.not_sorted(start));
            }
            prev = Some(line.key);
            if k == target {
                found = nonzero(line.count);
            }
            pos = next;
        }
        if let (Some(p), Some(a)) = (prev, above)
            && p[..self.width] >= a[..self.width]
        {
            return Err(self.not_sorted(lo + pos as u64));
        }
        // The search ran off the end of the file. An interrupted download
        // stops cleanly after some line, so it would answer "not found" for
        // everything after the cut. SHA-1 hashes are spread uniformly: the
        // last of n of them is, but for a chance of e^-20, in the top 20/n of
        // the hash space. A big single file, or a per-prefix file of a few
        // hundred lines, whose last line is below that was cut.
        let checked = if self.expect_final_newline {
            self.len >= self.large_file
        } else {
            self.width == 35 && self.len >= MIN_PREFIX_FILE_CHECKED
        };
        if found.is_none()
            && hi == self.len
            && checked
            && prev.is_some_and(|p| {
                p[..self.width] < *target && !plausible_last(&p[40 - self.width..], self.len)
            })
        {
            return Err(OfflineError::Truncated { path: self.shown() });
        }
        Ok(found)
    }

    /// The first line starting at or after `pos`, if any, checked for order
    /// against the lines right before and after it. The neighbours come in
    /// the same read, and they catch a swapped pair sitting on a probe, which
    /// would otherwise send the search past the answer.
    fn probe(&self, pos: u64) -> Result<Option<Line>, OfflineError> {
        let from = pos.saturating_sub(2 * MAX_LINE as u64);
        let mut buf = [0u8; 5 * MAX_LINE];
        let n = self.read(&mut buf, from)?;
        let buf = &buf[..n];
        let at_eof = from + n as u64 >= self.len;
        let start_idx = if pos == 0 {
            0
        } else {
            // From one byte early: if pos is itself a line start, the byte
            // before it is the previous line's '\n'.
            let skip = ((pos - 1 - from) as usize).min(buf.len());
            match buf[skip..].iter().position(|&c| c == b'\n') {
                Some(i) => skip + i + 1,
                None if at_eof => return Ok(None),
                None => return Err(self.format(pos, Problem::NoLineBreak)),
            }
        };
        if from + start_idx as u64 >= self.len {
            return Ok(None);
        }
        let line = self.line_in(&buf[start_idx..], from + start_idx as u64)?;
        let w = self.width;
        if start_idx > 0 {
            let prev_end = start_idx - 1;
            let prev_start = match buf[..prev_end].iter().rposition(|&c| c == b'\n') {
                Some(i) => Some(i + 1),
                None if from == 0 => Some(0),
                // Longer than the margin: not a valid line, but the format
                // error is left to a probe or scan that lands on it.
                None => None,
            };
            if let Some(ps) = prev_start {
                let prev = self.parse(from + ps as u64, &buf[ps..prev_end], line.start)?;
                if prev.key[..w] >= line.key[..w] {
                    return Err(self.not_sorted(line.start));
                }
            }
        }
        let next_idx = (line.end - from) as usize;
        if next_idx < buf.len()
            && let Some(i) = buf[next_idx..].iter().position(|&c| c == b'\n')
        {
            let next_start = from + next_idx as u64;
            let next = self.parse(
                next_start,
                &buf[next_idx..next_idx + i],
                next_start + i as u64 + 1,
            )?;
            if line.key[..w] >= next.key[..w] {
                return Err(self.not_sorted(next_start));
            }
        }
        Ok(Some(line))
    }

    /// Parse the line at the start of `buf`, which was read from `start`.
    fn line_in(&self, buf: &[u8], start: u64) -> Result<Line, OfflineError> {
        match buf.iter().position(|&c| c == b'\n') {
            Some(i) => self.parse(start, &buf[..i], start + i as u64 + 1),
            None if start + buf.len() as u64 >= self.len => {
                // Downloads of the single file always end with a line break;
                // a last line without one may be a hash or count cut short.
                if self.expect_final_newline {
                    return Err(OfflineError::Truncated { path: self.shown() });
                }
                self.parse(start, buf, self.len)
            }
            None => Err(self.format(start, Problem::NoLineBreak)),
        }
    }

    fn parse(&self, start: u64, body: &[u8], end: u64) -> Result<Line, OfflineError> {
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        let Some(colon) = body.iter().position(|&c| c == b':') else {
            return Err(self.format(start, Problem::NoColon));
        };
        let (hash, count) = (&body[..colon], &body[colon + 1..]);
        if hash.len() != self.width {
            let what = match (hash.len(), self.width) {
                (32, _) => Problem::Ntlm,
                (35, 40) => Problem::Suffixes,
                (len, want) => Problem::HashWidth { len, want },
            };
            return Err(self.format(start, what));
        }
        if !hash.iter().all(u8::is_ascii_hexdigit) {
            return Err(self.format(start, Problem::NotHex));
        }
        if count.is_empty() || count.len() > 20 || !count.iter().all(u8::is_ascii_digit) {
            return Err(self.format(start, Problem::CountNotNumber));
        }
        let count = std::str::from_utf8(count)
            .ok()
            .and_then(|c| c.parse::<u64>().ok())
            .ok_or_else(|| self.format(start, Problem::CountOutOfRange))?;
        let mut key = [0u8; 40];
        for (k, c) in key.iter_mut().zip(hash) {
            *k = c.to_ascii_uppercase();
        }
        Ok(Line {
            start,
            end,
            key,
            count,
        })
    }

    /// Fill as much of `buf` as the file allows from `offset`.
    fn read(&self, buf: &mut [u8], offset: u64) -> Result<usize, OfflineError> {
        let mut filled = 0;
        while filled < buf.len() {
            match self.src.read_at(&mut buf[filled..], offset + filled as u64) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    return Err(OfflineError::Io {
                        path: self.shown(),
                        text: unreadable(self.path, &e),
                    });
                }
            }
        }
        Ok(filled)
    }

    fn shown(&self) -> String {
        self.path.display().to_string()
    }

    fn format(&self, offset: u64, what: Problem) -> OfflineError {
        OfflineError::Format {
            path: self.shown(),
            offset,
            what,
        }
    }

    fn not_sorted(&self, offset: u64) -> OfflineError {
        OfflineError::NotSorted {
            path: self.shown(),
            offset,
        }
    }

    fn unusable(&self, what: Problem) -> OfflineError {
        OfflineError::Unusable {
            path: self.shown(),
            what,
        }
    }
}

fn nonzero(count: u64) -> Option<u64> {
    (count > 0).then_some(count)
}

fn archive_kind(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"7z\xBC\xAF\x27\x1C", "7-Zip"),
        (b"\x1F\x8B", "gzip"),
        (b"PK\x03\x04", "zip"),
        (b"\x28\xB5\x2F\xFD", "zstd"),
        (b"BZh", "bzip2"),
        (b"\xFD7zXZ\x00", "xz"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| head.starts_with(m))
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod plausible_tests {
    use super::plausible_last;

    #[test]
    fn the_last_hash_of_a_complete_file_is_near_the_top() {
        // ~1 billion lines of 44 bytes.
        let len = 44_000_000_000;
        assert!(plausible_last(
            b"FFFFFFFD1B7E0E6B8D1DDCF9A3B8D0C0A5A2B3C4",
            len
        ));
        assert!(!plausible_last(
            b"FFF0000000000000000000000000000000000000",
            len
        ));
        assert!(!plausible_last(
            b"8000000000000000000000000000000000000000",
            len
        ));
        // A per-prefix file of ~1000 suffixes.
        assert!(plausible_last(
            b"FD3A0000000000000000000000000000000",
            40_000
        ));
        assert!(!plausible_last(
            b"C0000000000000000000000000000000000",
            40_000
        ));
        // Too few lines to tell.
        assert!(plausible_last(
            b"0000000000000000000000000000000000000000",
            100
        ));
    }
}

#[cfg(test)]
mod lang_tests {
    use super::*;
    use crate::i18n::{Lang, english_runs};

    #[test]
    fn file_problems_read_in_japanese() {
        let errors = [
            OfflineError::Format {
                path: "pp.txt".into(),
                offset: 44,
                what: Problem::Ntlm,
            },
            OfflineError::Format {
                path: "pp.txt".into(),
                offset: 0,
                what: Problem::NoLineBreak,
            },
            OfflineError::Unusable {
                path: "pp.7z".into(),
                what: Problem::Archive("7-Zip"),
            },
            OfflineError::Unusable {
                path: "pp.txt".into(),
                what: Problem::Empty,
            },
            OfflineError::NotSorted {
                path: "pp.txt".into(),
                offset: 88,
            },
            OfflineError::BadKey(7),
        ];
        for e in &errors {
            let ja = e.msg().render(Lang::Ja);
            assert!(english_runs(&ja).is_empty(), "{ja}");
            assert_ne!(ja, e.to_string());
            // The catalogue's English is the Display text, word for word.
            assert_eq!(e.msg().render(Lang::En), e.to_string());
        }
        assert!(errors[0].msg().render(Lang::Ja).contains("NTLM"));
        assert!(errors[2].msg().render(Lang::Ja).contains("7-Zip"));
        assert_eq!(
            errors[1].to_string(),
            "pp.txt: line at byte 0 is not a Pwned Passwords line (no line break within 64 bytes)"
        );
    }
}
