//! Offline lookups in generated Pwned Passwords files: the single sorted
//! file (LF and CRLF) and the per-prefix directory.

use std::cell::Cell;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use binance_audit::collect::breach::offline::{Layout, OfflineError, ReadAt, Search, lookup_file};
use proptest::prelude::*;
use sha1::{Digest, Sha1};

fn sha(s: &str) -> String {
    hex::encode_upper(Sha1::digest(s.as_bytes()))
}

/// `n` distinct hashes with counts, sorted by hash.
fn entries(n: usize, tag: &str) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = (0..n)
        .map(|i| (sha(&format!("{tag}-{i}")), (i as u64 * 7919) % 100_000 + 1))
        .collect();
    v.sort();
    v
}

fn write_lines(path: &Path, lines: &[String], eol: &str, final_eol: bool) {
    let mut f = std::io::BufWriter::new(File::create(path).unwrap());
    for (i, l) in lines.iter().enumerate() {
        f.write_all(l.as_bytes()).unwrap();
        if i + 1 < lines.len() || final_eol {
            f.write_all(eol.as_bytes()).unwrap();
        }
    }
    f.flush().unwrap();
}

fn write_file(dir: &Path, name: &str, e: &[(String, u64)], eol: &str) -> PathBuf {
    let p = dir.join(name);
    let lines: Vec<String> = e.iter().map(|(h, c)| format!("{h}:{c}")).collect();
    write_lines(&p, &lines, eol, true);
    p
}

#[test]
fn planted_hashes_are_found_with_counts_lf_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let e = entries(5000, "planted");
    for eol in ["\n", "\r\n"] {
        let f = write_file(dir.path(), "pp.txt", &e, eol);
        for (h, c) in e.iter().step_by(37) {
            assert_eq!(lookup_file(&f, h).unwrap(), Some(*c), "{h} with {eol:?}");
        }
        // Lower-case input is accepted.
        assert_eq!(
            lookup_file(&f, &e[10].0.to_lowercase()).unwrap(),
            Some(e[10].1)
        );
        for i in 0..200 {
            assert_eq!(lookup_file(&f, &sha(&format!("absent-{i}"))).unwrap(), None);
        }
    }
}

#[test]
fn first_and_last_lines_and_beyond_both_ends() {
    let dir = tempfile::tempdir().unwrap();
    let e = entries(3000, "edge");
    let f = write_file(dir.path(), "pp.txt", &e, "\r\n");
    let (first, last) = (&e[0], &e[e.len() - 1]);
    assert_eq!(lookup_file(&f, &first.0).unwrap(), Some(first.1));
    assert_eq!(lookup_file(&f, &last.0).unwrap(), Some(last.1));
    assert_eq!(lookup_file(&f, &"0".repeat(40)).unwrap(), None);
    assert_eq!(lookup_file(&f, &"F".repeat(40)).unwrap(), None);
    // One-line and two-line files.
    let one = write_file(dir.path(), "one.txt", &e[..1], "\n");
    assert_eq!(lookup_file(&one, &first.0).unwrap(), Some(first.1));
    assert_eq!(lookup_file(&one, &last.0).unwrap(), None);
    let two = write_file(dir.path(), "two.txt", &e[..2], "\n");
    assert_eq!(lookup_file(&two, &e[1].0).unwrap(), Some(e[1].1));
}

#[test]
fn lower_case_files_work() {
    let dir = tempfile::tempdir().unwrap();
    let e = entries(2000, "lower");
    let lower: Vec<(String, u64)> = e.iter().map(|(h, c)| (h.to_lowercase(), *c)).collect();
    let f = write_file(dir.path(), "pp.txt", &lower, "\n");
    assert_eq!(lookup_file(&f, &e[999].0).unwrap(), Some(e[999].1));
}

#[test]
fn zero_count_lines_are_not_hits() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = entries(100, "zero");
    e[50].1 = 0;
    let f = write_file(dir.path(), "pp.txt", &e, "\n");
    assert_eq!(lookup_file(&f, &e[50].0).unwrap(), None);
    assert_eq!(lookup_file(&f, &e[51].0).unwrap(), Some(e[51].1));
}

/// A per-prefix directory as the official downloader writes it: each file is
/// the raw range response (35-digit suffixes, CRLF, no final line break).
fn prefix_dir(root: &Path, e: &[(String, u64)]) -> PathBuf {
    let dir = root.join("hashes");
    std::fs::create_dir_all(&dir).unwrap();
    let mut by_prefix: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (h, c) in e {
        by_prefix
            .entry(h[..5].to_string())
            .or_default()
            .push(format!("{}:{c}", &h[5..]));
    }
    for (p, mut lines) in by_prefix {
        lines.push(format!("{}:0", "F".repeat(35)));
        lines.sort();
        write_lines(&dir.join(format!("{p}.txt")), &lines, "\r\n", false);
    }
    dir
}

#[test]
fn per_prefix_directory_reads_the_one_file() {
    let tmp = tempfile::tempdir().unwrap();
    let e = entries(500, "dir");
    let dir = prefix_dir(tmp.path(), &e);
    for (h, c) in &e {
        assert_eq!(lookup_file(&dir, h).unwrap(), Some(*c));
    }
    // Same prefix, different suffix: not found.
    let mut other = e[0].0.clone();
    other.replace_range(39.., if other.ends_with('0') { "1" } else { "0" });
    assert_eq!(lookup_file(&dir, &other).unwrap(), None);
    // A padding line is not a hit.
    let pad = format!("{}{}", &e[0].0[..5], "F".repeat(35));
    assert_eq!(lookup_file(&dir, &pad).unwrap(), None);
}

#[test]
fn per_prefix_directory_missing_file_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let e = entries(20, "missing");
    let dir = prefix_dir(tmp.path(), &e);
    let absent = (0..)
        .map(|i| sha(&format!("nope-{i}")))
        .find(|h| !dir.join(format!("{}.txt", &h[..5])).exists())
        .unwrap();
    let err = lookup_file(&dir, &absent).unwrap_err();
    assert!(matches!(err, OfflineError::MissingPrefix { .. }), "{err}");
    assert!(
        err.to_string().contains(&format!("{}.txt", &absent[..5])),
        "{err}"
    );
}

#[test]
fn per_prefix_directory_accepts_lowercase_names_and_full_hashes() {
    let tmp = tempfile::tempdir().unwrap();
    let e = entries(1, "full");
    let dir = tmp.path().join("split");
    std::fs::create_dir_all(&dir).unwrap();
    write_file(
        &dir,
        &format!("{}.txt", e[0].0[..5].to_lowercase()),
        &e,
        "\n",
    );
    assert_eq!(lookup_file(&dir, &e[0].0).unwrap(), Some(e[0].1));
}

fn assert_not_sorted(f: &Path, keys: &[String]) {
    for k in keys {
        match lookup_file(f, k) {
            Err(OfflineError::NotSorted { .. }) => {}
            other => panic!("expected NotSorted for {k}, got {other:?}"),
        }
    }
}

#[test]
fn shuffled_and_reversed_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let e = entries(4000, "order");
    let keys: Vec<String> = e
        .iter()
        .step_by(401)
        .map(|(h, _)| h.clone())
        .chain(["0".repeat(40), "F".repeat(40)])
        .collect();

    let mut rev = e.clone();
    rev.reverse();
    assert_not_sorted(&write_file(dir.path(), "rev.txt", &rev, "\n"), &keys);

    let mut shuffled = e.clone();
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    for i in (1..shuffled.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        shuffled.swap(i, (x % (i as u64 + 1)) as usize);
    }
    let absent: Vec<String> = (0..10).map(|i| sha(&format!("gone-{i}"))).collect();
    let f = write_file(dir.path(), "shuf.txt", &shuffled, "\n");
    assert_not_sorted(&f, &absent);

    // Small files are scanned whole, so any disorder is caught.
    let mut small = entries(30, "small");
    small.swap(3, 4);
    assert_not_sorted(
        &write_file(dir.path(), "small.txt", &small, "\n"),
        &[sha("whatever")],
    );
}

#[test]
fn local_disorder_near_the_answer_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = entries(5000, "swap");
    let between = (0..)
        .map(|i| sha(&format!("between-{i}")))
        .find(|h| *h > e[2500].0 && *h < e[2501].0);
    e.swap(2500, 2501);
    let f = write_file(dir.path(), "pp.txt", &e, "\n");
    // Each key of the swapped pair is either found with its own count (the
    // probe landed right on it) or the disorder is reported: never missed.
    let mut rejected = 0;
    for (key, want) in [(&e[2500].0, Some(e[2500].1)), (&e[2501].0, Some(e[2501].1))]
        .into_iter()
        .chain(between.as_ref().map(|b| (b, None)))
    {
        match lookup_file(&f, key) {
            Err(OfflineError::NotSorted { .. }) => rejected += 1,
            Ok(got) if got == want && want.is_some() => {}
            other => panic!("{key}: expected NotSorted or {want:?}, got {other:?}"),
        }
    }
    assert!(rejected > 0, "the disorder was never noticed");
}

#[test]
fn duplicate_lines_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = entries(50, "dup");
    e.insert(20, e[20].clone());
    let f = write_file(dir.path(), "pp.txt", &e, "\n");
    assert_not_sorted(&f, &[e[20].0.clone(), sha("x")]);
}

fn format_error(f: &Path) -> String {
    match lookup_file(f, &sha("probe")) {
        Err(e @ (OfflineError::Format { .. } | OfflineError::Unusable { .. })) => e.to_string(),
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn garbage_files_are_rejected_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let words = dir.path().join("words.txt");
    std::fs::write(&words, "password\n123456\nqwerty\n").unwrap();
    assert!(format_error(&words).contains("expected HASH:COUNT"));

    let ntlm = dir.path().join("ntlm.txt");
    let lines: Vec<String> = entries(100, "ntlm")
        .iter()
        .map(|(h, c)| format!("{}:{c}", &h[..32]))
        .collect();
    write_lines(&ntlm, &lines, "\r\n", true);
    assert!(format_error(&ntlm).contains("NTLM"));

    let seven = dir.path().join("pp.7z");
    std::fs::write(&seven, b"7z\xBC\xAF\x27\x1C\x00\x04garbage").unwrap();
    assert!(format_error(&seven).contains("7-Zip archive"));

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    assert!(format_error(&empty).contains("empty"));

    let suffixes = dir.path().join("00000.txt");
    let lines: Vec<String> = entries(100, "suffix")
        .iter()
        .map(|(h, c)| format!("{}:{c}", &h[5..]))
        .collect();
    write_lines(&suffixes, &lines, "\r\n", false);
    assert!(format_error(&suffixes).contains("per-prefix file"));

    let long = dir.path().join("long.txt");
    std::fs::write(&long, "A".repeat(10_000)).unwrap();
    assert!(format_error(&long).contains("line"));

    let bad_count = dir.path().join("count.txt");
    let mut e = entries(3, "count");
    e.sort();
    std::fs::write(&bad_count, format!("{}:12x\n{}:1\n", e[0].0, e[1].0)).unwrap();
    assert!(format_error(&bad_count).contains("count"));
}

#[test]
fn garbage_in_the_middle_is_caught_when_touched() {
    let dir = tempfile::tempdir().unwrap();
    let e = entries(4000, "mid");
    let mut lines: Vec<String> = e.iter().map(|(h, c)| format!("{h}:{c}")).collect();
    for l in &mut lines[1900..2100] {
        *l = "this is not a hash line at all".into();
    }
    let f = dir.path().join("pp.txt");
    write_lines(&f, &lines, "\n", true);
    match lookup_file(&f, &e[2000].0) {
        Err(OfflineError::Format { offset, .. }) => assert!(offset > 0),
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn truncated_files_are_rejected_not_answered() {
    let dir = tempfile::tempdir().unwrap();
    let e = entries(3000, "trunc");
    let full = write_file(dir.path(), "pp.txt", &e, "\r\n");
    let bytes = std::fs::read(&full).unwrap();
    let cut = dir.path().join("cut.txt");
    // Cut in the middle of the last hash, then in the middle of its count.
    for back in [30, 3] {
        std::fs::write(&cut, &bytes[..bytes.len() - back]).unwrap();
        for key in [e[e.len() - 1].0.clone(), "F".repeat(40)] {
            match lookup_file(&cut, &key) {
                Err(OfflineError::Truncated { .. }) => {}
                other => panic!("cut {back}: expected Truncated for {key}, got {other:?}"),
            }
        }
        // Lookups far from the cut still answer correctly.
        assert_eq!(lookup_file(&cut, &e[100].0).unwrap(), Some(e[100].1));
    }
}

#[test]
fn a_big_file_that_stops_early_is_truncated() {
    let dir = tempfile::tempdir().unwrap();
    // Everything below prefix 8: an interrupted download, cut at a line break.
    let e: Vec<(String, u64)> = entries(6000, "early")
        .into_iter()
        .filter(|(h, _)| h.as_str() < "8")
        .collect();
    let f = write_file(dir.path(), "pp.txt", &e, "\r\n");
    let file = File::open(&f).unwrap();
    let key: [u8; 40] = "F".repeat(40).as_bytes().try_into().unwrap();
    let search = Search::new(&file, &f, Layout::Full)
        .unwrap()
        .assume_complete_above(1024);
    assert!(matches!(
        search.find(&key),
        Err(OfflineError::Truncated { .. })
    ));
    // Keys inside the covered range are still answered.
    let inside: [u8; 40] = e[10].0.as_bytes().try_into().unwrap();
    assert_eq!(search.find(&inside).unwrap(), Some(e[10].1));
    // A small file is not assumed to be a complete dump.
    assert_eq!(lookup_file(&f, &"F".repeat(40)).unwrap(), None);
}

#[test]
fn unreadable_paths_and_bad_keys_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = lookup_file(&dir.path().join("nope.txt"), &sha("x")).unwrap_err();
    // The OS's words ("No such file or directory"), not Rust's "entity not found".
    assert!(
        err.to_string().to_lowercase().contains("no such file"),
        "{err}"
    );
    let f = write_file(dir.path(), "pp.txt", &entries(3, "k"), "\n");
    let err = lookup_file(&f, "hunter2").unwrap_err();
    assert!(matches!(err, OfflineError::BadKey(_)));
    assert!(
        !err.to_string().contains("hunter2"),
        "the key is not echoed: {err}"
    );
}

/// Counts positional reads so the O(log n) claim is checked, not assumed.
struct Counting {
    file: File,
    reads: Cell<u32>,
    largest: Cell<usize>,
}

impl ReadAt for Counting {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        self.reads.set(self.reads.get() + 1);
        self.largest.set(self.largest.get().max(buf.len()));
        self.file.read_at(buf, offset)
    }
    fn size(&self) -> std::io::Result<u64> {
        self.file.size()
    }
}

#[test]
fn lookups_take_logarithmic_small_reads() {
    let dir = tempfile::tempdir().unwrap();
    let n = 200_000;
    let e = entries(n, "log");
    let f = write_file(dir.path(), "pp.txt", &e, "\r\n");
    let src = Counting {
        file: File::open(&f).unwrap(),
        reads: Cell::new(0),
        largest: Cell::new(0),
    };
    let search = Search::new(&src, &f, Layout::Full).unwrap();
    let log2 = (n as f64).log2().ceil() as u32; // 18
    for (h, c) in e.iter().step_by(9973) {
        src.reads.set(0);
        let key: [u8; 40] = h.as_bytes().try_into().unwrap();
        assert_eq!(search.find(&key).unwrap(), Some(*c));
        assert!(
            src.reads.get() <= log2,
            "{} reads for {n} lines",
            src.reads.get()
        );
    }
    assert!(
        src.largest.get() <= 4096 + 128,
        "largest read {} bytes",
        src.largest.get()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn random_sets_find_exactly_what_was_planted(
        set in prop::collection::btree_map(prop::array::uniform20(any::<u8>()), 1u64..5_000_000_000, 1..400),
        probes in prop::collection::vec(prop::array::uniform20(any::<u8>()), 1..20),
        crlf in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let e: Vec<(String, u64)> = set.iter().map(|(h, c)| (hex::encode_upper(h), *c)).collect();
        let f = write_file(dir.path(), "pp.txt", &e, if crlf { "\r\n" } else { "\n" });
        for (h, c) in &e {
            prop_assert_eq!(lookup_file(&f, h).unwrap(), Some(*c));
        }
        for p in &probes {
            let want = set.get(p).copied();
            prop_assert_eq!(lookup_file(&f, &hex::encode_upper(p)).unwrap(), want);
        }
        // Every 10th hash, so the directory stays small but prefixes mix.
        let some: Vec<(String, u64)> = e.iter().step_by(10).cloned().collect();
        let pdir = prefix_dir(dir.path(), &some);
        for (h, c) in &some {
            prop_assert_eq!(lookup_file(&pdir, h).unwrap(), Some(*c));
        }
    }
}
