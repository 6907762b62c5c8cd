//! Single-thread throughput of `binance-audit url` verdicts on a mixed list of
//! 1,000,000 inputs generated in memory (see benches/support/url_mix.rs).
//!
//!     cargo run --release --example url_throughput [N] [FILE]
//!
//! With FILE, its lines are used instead of the generated list. Prints figures;
//! asserts nothing about speed.

#[path = "../benches/support/url_mix.rs"]
mod url_mix;

use std::hint::black_box;
use std::time::Instant;

use binance_audit::url::{Analyser, VerdictKind};

fn rate(n: usize, secs: f64) -> String {
    format!(
        "{:>12.0} URLs/s  ({:.0} ns/URL)",
        n as f64 / secs,
        secs * 1e9 / n as f64
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let lines: Vec<String> = match args.get(2) {
        Some(path) => std::fs::read(path)
            .map(|b| {
                String::from_utf8_lossy(&b)
                    .lines()
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_else(|e| {
                eprintln!("cannot read {path}: {e}");
                std::process::exit(2);
            }),
        None => url_mix::mixed_lines(n, 42),
    };
    let n = lines.len();
    let mut analyser = Analyser::new();
    // Warm up: first use parses rules/domains.toml and faults in the tables.
    for l in lines.iter().take(10_000) {
        black_box(analyser.check(l));
    }

    let mut counts = [0usize; 5];
    let t = Instant::now();
    for l in &lines {
        let a = analyser.check(black_box(l));
        counts[match a.verdict {
            VerdictKind::Official => 0,
            VerdictKind::Phishing => 1,
            VerdictKind::Suspicious => 2,
            VerdictKind::Unrelated => 3,
            VerdictKind::Invalid => 4,
        }] += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "verdicts (check):        {n} inputs in {secs:.3} s = {}",
        rate(n, secs)
    );
    println!(
        "  official {}  phishing {}  suspicious {}  unrelated {}  invalid {}",
        counts[0], counts[1], counts[2], counts[3], counts[4]
    );

    // Per kind of input, to show where the time goes.
    let mut by_kind: Vec<(&str, Vec<&String>)> = Vec::new();
    for (name, pred) in [
        ("unrelated sites", VerdictKind::Unrelated),
        ("genuine Binance", VerdictKind::Official),
        ("phishing", VerdictKind::Phishing),
        ("suspicious", VerdictKind::Suspicious),
    ] {
        let subset: Vec<&String> = lines
            .iter()
            .filter(|l| analyser.check(l).verdict == pred)
            .collect();
        by_kind.push((name, subset));
    }
    for (name, subset) in &by_kind {
        if subset.is_empty() {
            continue;
        }
        let t = Instant::now();
        for l in subset {
            black_box(analyser.check(black_box(l)));
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "  {name:<22} {:>8} inputs: {}",
            subset.len(),
            rate(subset.len(), secs)
        );
    }

    // The full verdict with host forms and en/ja reasons (what the CLI prints).
    let m = n.min(200_000);
    let t = Instant::now();
    for l in lines.iter().take(m) {
        black_box(analyser.analyse(black_box(l)));
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "full verdicts (analyse): {m} inputs in {secs:.3} s = {}",
        rate(m, secs)
    );
}
