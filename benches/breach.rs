//! Breach lookup benchmarks. Prints figures; asserts nothing about speed.
//!
//! Offline: a generated 10,000,000-line sorted file (kept under the system
//! temp dir and reused) is searched by `lookup_file` — median latency warm and
//! cold, the whole `binance-audit password --offline --hibp-file` process, and
//! the same lookups done by a linear scan, the way password managers check the
//! downloaded file, with the ratio.
//!
//! Online: a local mock range server shows that N passwords sharing prefixes
//! cost one request per distinct prefix in a batch, against N done one by one.
//!
//! `cargo bench --bench breach` (set BREACH_BENCH_LINES to try another size).

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use binance_audit::collect::breach::{self, BreachOptions, lookup_file, sha1_hex};
use binance_audit::net::{Net, NetOptions};
use criterion::Criterion;
use secrecy::SecretString;

const DEFAULT_LINES: u64 = 10_000_000;

struct Gen(u64);
impl Gen {
    fn next(&mut self) -> u64 {
        // xorshift64*: fast, deterministic, good enough to spread hashes.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Line `i` of the synthetic file: hashes rise strictly because the top 64
/// bits of line i fall in the i-th of `n` equal slots.
fn lines(n: u64) -> impl Iterator<Item = ([u8; 20], u64)> {
    let slot = u64::MAX / n;
    let mut g = Gen(0x5EED_0FB4_EAC4);
    (0..n).map(move |i| {
        let mut h = [0u8; 20];
        h[..8].copy_from_slice(&(i * slot + g.next() % slot).to_be_bytes());
        h[8..16].copy_from_slice(&g.next().to_be_bytes());
        h[16..].copy_from_slice(&(g.next() as u32).to_be_bytes());
        (h, g.next() % 100_000 + 1)
    })
}

struct Fixture {
    path: PathBuf,
    lines: u64,
    bytes: u64,
    present: Vec<(String, u64)>,
    absent: Vec<String>,
}

fn fixture() -> Fixture {
    let n: u64 = std::env::var("BREACH_BENCH_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_LINES);
    let path = std::env::temp_dir().join(format!("binance-audit-bench-pwned-{n}.txt"));
    let done = path.with_extension("ok");
    if !done.exists() {
        let t = Instant::now();
        let mut w =
            BufWriter::with_capacity(8 << 20, File::create(&path).expect("create bench file"));
        let mut buf = Vec::with_capacity(64);
        for (h, c) in lines(n) {
            buf.clear();
            buf.extend_from_slice(hex::encode_upper(h).as_bytes());
            buf.push(b':');
            buf.extend_from_slice(c.to_string().as_bytes());
            buf.extend_from_slice(b"\r\n");
            w.write_all(&buf).expect("write bench file");
        }
        let f = w.into_inner().expect("flush bench file");
        // Written pages must be clean before they can be dropped for the
        // cold figures.
        f.sync_all().expect("sync bench file");
        std::fs::write(&done, b"").expect("marker");
        println!(
            "generated {} ({n} lines) in {:.1?}",
            path.display(),
            t.elapsed()
        );
    }
    let step = (n / 1000).max(1);
    let mut present = Vec::new();
    let mut absent = Vec::new();
    for (i, (h, c)) in lines(n).enumerate() {
        if i as u64 % step == step / 2 {
            present.push((hex::encode_upper(h), c));
            let mut a = h;
            a[19] ^= 1; // same slot, different low bit: never in the file
            absent.push(hex::encode_upper(a));
        }
    }
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Fixture {
        path,
        lines: n,
        bytes,
        present,
        absent,
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Evict the file from the page cache for a cold lookup. Only this file's
/// pages are dropped (posix_fadvise), never the whole machine's cache: the
/// build machine is shared.
fn evict(path: &Path) -> &'static str {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        unsafe extern "C" {
            fn posix_fadvise(fd: i32, offset: i64, len: i64, advice: i32) -> i32;
        }
        const POSIX_FADV_DONTNEED: i32 = 4;
        if let Ok(f) = File::open(path) {
            // SAFETY: a valid open descriptor; the call only advises the kernel.
            let rc = unsafe { posix_fadvise(f.as_raw_fd(), 0, 0, POSIX_FADV_DONTNEED) };
            if rc == 0 {
                return "posix_fadvise(DONTNEED) on the file";
            }
        }
    }
    let _ = path;
    "none available (figures are warm)"
}

/// What a password manager's offline check does: read every line until the
/// hash turns up.
fn linear_scan(path: &Path, key: &str) -> Option<u64> {
    let mut r = BufReader::with_capacity(1 << 20, File::open(path).ok()?);
    let mut line = String::with_capacity(64);
    loop {
        line.clear();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line.len() > 41 && line[..40].eq_ignore_ascii_case(key) {
            return line[41..].trim_end().parse().ok();
        }
    }
}

fn run_process(fx: &Fixture, password: &str) -> Option<Duration> {
    let bin = env!("CARGO_BIN_EXE_binance-audit");
    let home = tempfile::tempdir().ok()?;
    let t = Instant::now();
    let mut child = Command::new(bin)
        .args(["password", "--offline", "--password-stdin", "--hibp-file"])
        .arg(&fx.path)
        .env_clear()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()?
        .write_all(format!("{password}\n").as_bytes())
        .ok()?;
    let out = child.wait_with_output().ok()?;
    let took = t.elapsed();
    // 0 = nothing found, 1 = findings at the gate: both mean it ran.
    match out.status.code() {
        Some(0 | 1) => Some(took),
        _ => {
            eprintln!(
                "  process run failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            None
        }
    }
}

fn offline_figures(fx: &Fixture) {
    println!(
        "\n== offline lookup: {} lines, {:.0} MB ({})",
        fx.lines,
        fx.bytes as f64 / 1e6,
        fx.path.display()
    );
    // Correctness first: figures for wrong answers are worthless.
    for (h, c) in fx.present.iter().take(50) {
        assert_eq!(lookup_file(&fx.path, h).unwrap(), Some(*c));
    }
    for h in fx.absent.iter().take(50) {
        assert_eq!(lookup_file(&fx.path, h).unwrap(), None);
    }

    let mut warm = Vec::new();
    for (h, _) in &fx.present {
        let t = Instant::now();
        std::hint::black_box(lookup_file(&fx.path, h).unwrap());
        warm.push(t.elapsed());
    }
    let mut warm_absent = Vec::new();
    for h in &fx.absent {
        let t = Instant::now();
        std::hint::black_box(lookup_file(&fx.path, h).unwrap());
        warm_absent.push(t.elapsed());
    }
    let warm = median(warm);
    println!(
        "binary search, warm, found      median {warm:>12.2?} per lookup ({} lookups)",
        fx.present.len()
    );
    println!(
        "binary search, warm, not found  median {:>12.2?} per lookup",
        median(warm_absent)
    );

    let mut cold = Vec::new();
    let mut how = "";
    for (h, _) in fx.present.iter().step_by(fx.present.len() / 30 + 1) {
        how = evict(&fx.path);
        let t = Instant::now();
        std::hint::black_box(lookup_file(&fx.path, h).unwrap());
        cold.push(t.elapsed());
    }
    let cold_n = cold.len();
    println!(
        "binary search, cold             median {:>12.2?} per lookup ({cold_n} lookups; eviction: {how})",
        median(cold)
    );

    // The linear scan reads the file to the line; its median over found
    // keys is about half the file, and a not-found key reads all of it.
    let _ = linear_scan(&fx.path, &fx.absent[0]); // warm the cache for fairness
    let mut lin = Vec::new();
    for (h, c) in fx.present.iter().skip(250).step_by(250).take(3) {
        let t = Instant::now();
        assert_eq!(linear_scan(&fx.path, h), Some(*c));
        lin.push(t.elapsed());
    }
    let t = Instant::now();
    assert_eq!(linear_scan(&fx.path, &fx.absent[0]), None);
    let lin_absent = t.elapsed();
    let lin = median(lin);
    println!("linear scan, warm, found        median {lin:>12.2?} per lookup");
    println!("linear scan, warm, not found           {lin_absent:>12.2?} per lookup (whole file)");
    println!(
        "ratio linear/binary (found, warm): {:.0}x; not found: {:.0}x",
        lin.as_secs_f64() / warm.as_secs_f64(),
        lin_absent.as_secs_f64() / warm.as_secs_f64()
    );

    // The whole process, as a user runs it. The password is one of the
    // synthetic file's hashes only by chance; it is looked up all the same.
    let mut runs = Vec::new();
    for _ in 0..10 {
        match run_process(fx, "correct horse battery staple") {
            Some(d) => runs.push(d),
            None => break,
        }
    }
    if runs.is_empty() {
        println!(
            "process: `binance-audit password --offline --hibp-file` not available in this build"
        );
    } else {
        let p = median(runs);
        println!(
            "process `binance-audit password --offline --hibp-file F`  median {p:>10.2?} (10 runs, warm)"
        );
        println!(
            "ratio linear scan (found) / whole process: {:.0}x; not found: {:.0}x",
            lin.as_secs_f64() / p.as_secs_f64(),
            lin_absent.as_secs_f64() / p.as_secs_f64()
        );
    }
}

/// Groups of `per` passwords whose SHA-1 share a 5-digit prefix.
fn sharing_groups(groups: usize, per: usize) -> Vec<Vec<String>> {
    let mut buckets: HashMap<String, Vec<String>> = HashMap::new();
    let mut full = Vec::new();
    for i in 0u64.. {
        let p = format!("bench-password-{i}");
        let prefix = sha1_hex(&SecretString::from(p.clone()))[..5].to_string();
        let b = buckets.entry(prefix).or_default();
        b.push(p);
        if b.len() == per {
            full.push(b.clone());
            if full.len() == groups {
                break;
            }
        }
    }
    full
}

fn online_figures(rt: &tokio::runtime::Runtime) {
    println!("\n== online range lookups against a local mock (20 ms per response)");
    let server = common::MockServer::start(|_| {
        common::Reply::text(200, format!("{}:0\r\n{}:0", "0".repeat(35), "F".repeat(35)))
            .delayed(Duration::from_millis(20))
    });
    let mut opts = BreachOptions::default();
    opts.set_base_url(&server.url()).unwrap();
    let net = Net::new(&NetOptions::default()).unwrap();
    let groups = sharing_groups(4, 4);
    let passwords: Vec<SecretString> = groups
        .iter()
        .flatten()
        .map(|p| SecretString::from(p.clone()))
        .collect();
    let n = passwords.len();

    let before = server.requests().len();
    let t = Instant::now();
    rt.block_on(async {
        for p in &passwords {
            breach::lookup(&net, &opts, p).await.unwrap();
        }
    });
    let naive_time = t.elapsed();
    let naive = server.requests().len() - before;

    let before = server.requests().len();
    let t = Instant::now();
    let got = rt.block_on(breach::lookup_batch(&net, &opts, &passwords, 4));
    let batch_time = t.elapsed();
    let batch = server.requests().len() - before;
    assert!(got.iter().all(|r| r.is_ok()));
    println!("{n} passwords in {} prefix groups:", groups.len());
    println!("  one by one : {naive:>3} requests, {naive_time:>10.2?}");
    println!(
        "  batch (x4) : {batch:>3} requests, {batch_time:>10.2?}  ({:.1}x fewer requests)",
        naive as f64 / batch as f64
    );
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let fx = fixture();
    offline_figures(&fx);
    online_figures(&rt);

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let keys: Vec<&str> = fx.present.iter().map(|(h, _)| h.as_str()).collect();
    let mut i = 0;
    c.bench_function("breach/offline_lookup_warm_10M", |b| {
        b.iter(|| {
            i = (i + 1) % keys.len();
            lookup_file(&fx.path, keys[i]).unwrap()
        })
    });
    c.final_summary();
}
