//! zxcvbn cost per call over a realistic mix, including the crate's slow case:
//! long, symbol-heavy l33t strings (crates.md measured ~0.7 s worst case).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use secrecy::SecretString;

use binance_audit::collect::password::analyse;

fn mix() -> Vec<(&'static str, String)> {
    vec![
        ("common", "password1".into()),
        ("word+year", "Summer2024".into()),
        ("personal", "alice.tanaka1990".into()),
        ("passphrase", "correct horse battery staple".into()),
        ("generated-20", "vT9#qLm2$wXe7!pRz4kd".into()),
        ("long-100-symbols", "4@8({[<3691!|70$5+%2".repeat(5)),
        ("long-256-mixed", "Tr0ub4dor&3-".repeat(21) + "abcd"),
    ]
}

fn bench(c: &mut Criterion) {
    let hints = vec!["alice.tanaka@example.com".to_string()];
    let mut group = c.benchmark_group("zxcvbn");
    group.sample_size(10);
    for (name, pw) in mix() {
        let secret = SecretString::from(pw);
        group.bench_with_input(BenchmarkId::from_parameter(name), &secret, |b, s| {
            b.iter(|| analyse(s, &hints))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
