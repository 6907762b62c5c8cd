//! Address poisoning check throughput: 10,000 known addresses × 100,000
//! candidates through the ends index, next to the naive scan that compares
//! every candidate with every known address (measured on a smaller sample,
//! since it is O(n·m)). Prints candidates per second for both.
//!
//! `cargo bench --bench address`

use std::hint::black_box;
use std::time::Instant;

use binance_audit::address::format::eip55;
use binance_audit::address::index::shared_ends;
use binance_audit::address::{Known, KnownIndex, MIN_END, Origin, Verdict, parse};

/// Deterministic pseudo-random hex, so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn hex40(&mut self) -> String {
        (0..40)
            .map(|_| char::from(b"0123456789abcdef"[(self.next() % 16) as usize]))
            .collect()
    }
}

fn main() {
    const KNOWN: usize = 10_000;
    const CANDIDATES: usize = 100_000;
    const NAIVE_SAMPLE: usize = 2_000;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let bodies: Vec<String> = (0..KNOWN).map(|_| rng.hex40()).collect();
    let known: Vec<Known> = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Known::new(
                &format!("0x{}", eip55(b)),
                Some("ETH"),
                &format!("entry {i}"),
                Origin::KnownFile { line: i + 1 },
            )
        })
        .collect();
    // A tenth are known, a tenth imitate a known one, the rest are new.
    let candidates: Vec<String> = (0..CANDIDATES)
        .map(|i| {
            let b = &bodies[(rng.next() as usize) % KNOWN];
            let body = match i % 10 {
                0 => b.clone(),
                1 => {
                    let mid = rng.hex40();
                    format!(
                        "{}{}{}",
                        &b[..MIN_END + 1],
                        &mid[MIN_END + 1..40 - MIN_END],
                        &b[40 - MIN_END..]
                    )
                }
                _ => rng.hex40(),
            };
            format!("0x{}", eip55(&body))
        })
        .collect();

    let t = Instant::now();
    let index = KnownIndex::from_entries(known.clone());
    let build = t.elapsed();

    let t = Instant::now();
    let mut counts = [0usize; 3];
    for c in &candidates {
        match index.check(&parse(black_box(c), None)) {
            Verdict::Known { .. } => counts[0] += 1,
            Verdict::LookAlike { .. } => counts[1] += 1,
            _ => counts[2] += 1,
        }
    }
    let indexed = t.elapsed();

    let parsed: Vec<_> = candidates.iter().map(|c| parse(c, None)).collect();
    let t = Instant::now();
    for p in &parsed {
        black_box(index.check(black_box(p)));
    }
    let lookup_only = t.elapsed();

    // The naive scan: every candidate against every known address.
    let t = Instant::now();
    let mut naive_hits = 0usize;
    for c in candidates.iter().take(NAIVE_SAMPLE) {
        let p = parse(black_box(c), None);
        for k in &known {
            let (pre, suf) = shared_ends(p.body(), k.parsed.body());
            if pre >= MIN_END && suf >= MIN_END {
                naive_hits += 1;
            }
        }
    }
    let naive = t.elapsed();

    let rate = |n: usize, d: std::time::Duration| n as f64 / d.as_secs_f64();
    println!("address bench: {KNOWN} known addresses (EVM), {CANDIDATES} candidates");
    println!(
        "  index build                {:>10.1} ms",
        build.as_secs_f64() * 1e3
    );
    println!(
        "  ends index, parse+check    {:>12.0} candidates/s  ({} known, {} look-alike, {} new)",
        rate(CANDIDATES, indexed),
        counts[0],
        counts[1],
        counts[2]
    );
    println!(
        "  ends index, check only     {:>12.0} candidates/s",
        rate(CANDIDATES, lookup_only)
    );
    println!(
        "  naive O(n·m) scan          {:>12.0} candidates/s  (sample of {NAIVE_SAMPLE}, {naive_hits} end matches)",
        rate(NAIVE_SAMPLE, naive)
    );
    println!(
        "  speed-up (parse+check)     {:>12.0}×",
        rate(CANDIDATES, indexed) / rate(NAIVE_SAMPLE, naive)
    );
}
