//! Criterion benchmarks for the link analyser. For the 1,000,000-line
//! throughput figure see `cargo run --release --example url_throughput`.

#[path = "support/url_mix.rs"]
mod url_mix;

use std::hint::black_box;

use binance_audit::url::Analyser;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let lines = url_mix::mixed_lines(10_000, 7);
    let mut g = c.benchmark_group("url");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("check_mixed_10k", |b| {
        let mut a = Analyser::new();
        b.iter(|| {
            for l in &lines {
                black_box(a.check(black_box(l)));
            }
        })
    });
    g.bench_function("analyse_mixed_10k", |b| {
        let mut a = Analyser::new();
        b.iter(|| {
            for l in &lines {
                black_box(a.analyse(black_box(l)));
            }
        })
    });
    g.finish();
    for (name, input) in [
        (
            "unrelated",
            "https://www.google.com/search?q=rust+programming",
        ),
        ("official", "https://www.binance.com/en/login"),
        ("typo", "https://binnance-login.com/en/login"),
        ("unicode", "https://bіnance.com/en/login"),
    ] {
        c.bench_function(&format!("check_{name}"), |b| {
            let mut a = Analyser::new();
            b.iter(|| black_box(a.check(black_box(input))))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
