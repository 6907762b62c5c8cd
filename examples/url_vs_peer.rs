//! Side by side, whole process each, same input, same machine:
//! `binance-audit url --format jsonl --input FILE` against MetaMask's
//! eth-phishing-detect (allowlist = the genuine domains of rules/domains.toml,
//! fuzzylist binance.com, tolerance 2) run by node over the same file, each
//! reading the whole file and writing one line per input to a file.
//!
//!     cargo build --release && (cd benches/peer && npm ci)
//!     cargo run --release --example url_vs_peer [N]
//!
//! Set URL_PEER_DIR to a directory holding node_modules/eth-phishing-detect
//! (default benches/peer). Without node or the package the peer is skipped
//! with a message. Prints both figures and the ratio; asserts nothing.
//! URL_VS_PEER_KEEP=1 keeps the input and both outputs for a profiler.

#[path = "../benches/support/url_mix.rs"]
mod url_mix;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn run(label: &str, cmd: &mut Command, out: &Path, n: usize) -> Option<f64> {
    let file = std::fs::File::create(out).ok()?;
    let start = Instant::now();
    let status = cmd.stdout(file).stderr(Stdio::inherit()).status();
    let secs = start.elapsed().as_secs_f64();
    match status {
        Ok(s) if s.success() || s.code() == Some(1) => {
            let lines = std::fs::read_to_string(out)
                .map(|t| t.lines().count())
                .unwrap_or(0);
            if lines != n {
                println!("{label:<22} failed: {lines} lines written for {n} inputs");
                return None;
            }
            println!(
                "{label:<22} {secs:>7.2} s  {:>10.0} inputs/s  ({lines} lines written)",
                n as f64 / secs
            );
            Some(secs)
        }
        Ok(s) => {
            println!("{label:<22} failed: {s}");
            None
        }
        Err(e) => {
            println!("{label:<22} skipped: {e}");
            None
        }
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let exe = std::env::current_exe().expect("current exe");
    let ours = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("binance-audit"))
        .expect("target dir");
    if !ours.exists() {
        eprintln!("build the binary first: cargo build --release");
        std::process::exit(2);
    }
    let dir = tempfile_dir();
    let input = dir.join("hosts.txt");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        for l in url_mix::mixed_lines(n, 42) {
            writeln!(f, "{l}").unwrap();
        }
    }
    println!("{n} mixed inputs in {}", input.display());

    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    println!("{cores} cores; binance-audit judges on one thread per core (at most 8) by default");
    let ours_secs = run(
        "binance-audit url",
        Command::new(&ours)
            .args(["url", "--format", "jsonl", "--input"])
            .arg(&input),
        &dir.join("ours.jsonl"),
        n,
    );
    // The same on one thread, so the figure without parallelism is printed too.
    let ours_one = run(
        "url --threads 1",
        Command::new(&ours)
            .args(["url", "--threads", "1", "--format", "jsonl", "--input"])
            .arg(&input),
        &dir.join("ours-1.jsonl"),
        n,
    );

    let peer_dir = std::env::var_os("URL_PEER_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("benches/peer"));
    let have_node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let have_pkg = peer_dir
        .join("node_modules/eth-phishing-detect/src/detector.js")
        .exists();
    let peer_secs = if !have_node {
        println!("eth-phishing-detect    skipped: node is not installed");
        None
    } else if !have_pkg {
        println!(
            "eth-phishing-detect    skipped: run `npm ci` in {} (or set URL_PEER_DIR)",
            peer_dir.display()
        );
        None
    } else {
        let k = binance_audit::url::domains::knowledge();
        let allow: Vec<&str> = k.domains.iter().map(|d| d.name.as_str()).collect();
        run(
            "eth-phishing-detect",
            Command::new("node")
                .current_dir(&peer_dir)
                // The script lives in the repo; its package may live elsewhere.
                .env("NODE_PATH", peer_dir.join("node_modules"))
                .arg(root.join("benches/peer/detect.js"))
                .arg(&input)
                .arg(serde_json::to_string(&allow).unwrap()),
            &dir.join("peer.jsonl"),
            n,
        )
    };
    if let (Some(a), Some(b)) = (ours_secs, peer_secs) {
        println!(
            "ratio: binance-audit is {:.2}x the peer's throughput",
            b / a
        );
    }
    if let (Some(a), Some(b)) = (ours_one, peer_secs) {
        println!(
            "ratio on one thread: binance-audit is {:.2}x the peer's throughput",
            b / a
        );
    }
    if std::env::var_os("URL_VS_PEER_KEEP").is_some() {
        println!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

fn tempfile_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("url-vs-peer-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}
