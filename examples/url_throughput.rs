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

/// CPU time of this thread in seconds (Linux schedstat), so that figures on a
/// busy machine reflect work done rather than time waiting for a core.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_secs(),
        }
    }
    /// (wall seconds, CPU seconds if known)
    fn stop(&self) -> (f64, Option<f64>) {
        let wall = self.wall.elapsed().as_secs_f64();
        let cpu = match (self.cpu, cpu_secs()) {
            (Some(a), Some(b)) => Some(b - a),
            _ => None,
        };
        (wall, cpu)
    }
}

fn rates(n: usize, (wall, cpu): (f64, Option<f64>)) -> String {
    match cpu {
        Some(c) if c > 0.0 => format!("{}; CPU time {c:.3} s = {}", rate(n, wall), rate(n, c)),
        _ => rate(n, wall),
    }
}

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
    if std::env::var_os("URL_BENCH_GENERATE_ONLY").is_some() {
        // Baseline for instruction counts: everything but the analysis.
        println!("generated {n} inputs");
        return;
    }
    let mut analyser = Analyser::new();
    // Warm up: first use parses rules/domains.toml and faults in the tables.
    for l in lines.iter().take(10_000) {
        black_box(analyser.check(l));
    }

    let mut counts = [0usize; 5];
    let t = Clock::start();
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
    let m = t.stop();
    println!(
        "verdicts (check):        {n} inputs in {:.3} s wall = {}",
        m.0,
        rates(n, m)
    );
    println!(
        "  official {}  phishing {}  suspicious {}  unrelated {}  invalid {}",
        counts[0], counts[1], counts[2], counts[3], counts[4]
    );

    if std::env::var_os("URL_BENCH_CHECK_ONLY").is_some() {
        return;
    }
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
        let t = Clock::start();
        for l in subset {
            black_box(analyser.check(black_box(l)));
        }
        println!(
            "  {name:<18} {:>8} inputs: {}",
            subset.len(),
            rates(subset.len(), t.stop())
        );
    }

    // The full verdict with host forms and en/ja reasons (what the CLI prints).
    let m = n.min(200_000);
    let t = Clock::start();
    for l in lines.iter().take(m) {
        black_box(analyser.analyse(black_box(l)));
    }
    let r = t.stop();
    println!(
        "full verdicts (analyse): {m} inputs in {:.3} s wall = {}",
        r.0,
        rates(m, r)
    );
}
