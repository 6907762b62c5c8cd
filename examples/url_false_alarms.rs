//! False alarms on real hosts that have nothing to do with Binance: every host
//! of a few public lists, judged as `binance-audit url` judges it, with the
//! count called phishing or suspicious per list and each one printed.
//!
//!     (cd benches/peer && npm ci)      # the lists come from the npm registry
//!     cargo run --release --example url_false_alarms
//!
//! The lists (MIT): disposable-email-domains (~120,000 throwaway mail
//! domains), free-email-domains (~14,000 mail providers), top-sites (the 500
//! most linked sites) and eth-phishing-detect's allowlist (~1,100 crypto
//! sites that its maintainers vouch for). They are real registrations, not
//! generated names; a few carry the brand itself (a disposable mail domain
//! called binance-something is an impersonation, and is counted and shown, not
//! hidden). Set URL_PEER_DIR to read them from elsewhere; a missing list is
//! skipped with a message. Prints figures; asserts nothing.
//!
//! Then the other side: eth-phishing-detect's blocklist (real phishing
//! hosts, most aimed at other wallets) filtered to the entries whose name
//! carries Binance or BNB Chain nearly as written (the brand with at most
//! its last letters cut or one letter changed, see `names_brand`), and how
//! many of those are flagged, and how many called phishing.

use std::path::{Path, PathBuf};

use binance_audit::url::{Analyser, VerdictKind};

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The hosts of one list, or why it could not be read.
fn list(dir: &Path, name: &str) -> Result<Vec<String>, String> {
    let (file, pick): (&str, fn(&serde_json::Value) -> Vec<String>) = match name {
        "disposable-email-domains" => ("disposable-email-domains/index.json", strings),
        "free-email-domains" => ("free-email-domains/domains.json", strings),
        "top-sites" => ("top-sites/top-sites.json", |v| {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x["rootDomain"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        }),
        _ => ("eth-phishing-detect/src/config.json", |v| {
            strings(&v["whitelist"])
        }),
    };
    let path = dir.join("node_modules").join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(pick(&v))
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("URL_PEER_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("benches/peer"));
    let mut an = Analyser::new();
    let mut seen = std::collections::HashSet::new();
    let (mut total, mut total_flagged) = (0usize, 0usize);
    for name in [
        "top-sites",
        "free-email-domains",
        "disposable-email-domains",
        "eth-phishing-detect allowlist",
    ] {
        let hosts = match list(&dir, name) {
            Ok(h) => h,
            Err(e) => {
                println!("{name:<30} skipped: {e} (run `npm ci` in benches/peer)");
                continue;
            }
        };
        let mut n = 0usize;
        let mut counts = [0usize; 5];
        let mut flagged = Vec::new();
        for h in hosts {
            let h = h.trim().to_ascii_lowercase();
            // A host on two lists is counted once, on the first.
            if h.is_empty() || !seen.insert(h.clone()) {
                continue;
            }
            n += 1;
            let a = an.check(&h);
            let i = match a.verdict {
                VerdictKind::Official => 0,
                VerdictKind::Phishing => 1,
                VerdictKind::Suspicious => 2,
                VerdictKind::Unrelated => 3,
                VerdictKind::Invalid => 4,
            };
            counts[i] += 1;
            if a.verdict.is_alarm() {
                let names: Vec<&str> = a.techniques.iter().map(|t| t.name()).collect();
                flagged.push(format!(
                    "    {} {h} ({})",
                    a.verdict.name(),
                    names.join(", ")
                ));
            }
        }
        let alarms = counts[1] + counts[2];
        total += n;
        total_flagged += alarms;
        println!(
            "{name:<30} {n:>7} hosts: {alarms:>3} flagged ({:.1} per 100,000); official {}, unrelated {}, invalid {}",
            alarms as f64 * 1e5 / n.max(1) as f64,
            counts[0],
            counts[3],
            counts[4]
        );
        for f in flagged.iter().take(40) {
            println!("{f}");
        }
    }
    if total > 0 {
        println!(
            "all lists                      {total:>7} hosts: {total_flagged:>3} flagged ({:.1} per 100,000)",
            total_flagged as f64 * 1e5 / total as f64
        );
    }
    recall(&dir, &mut an);
}

/// The brand nearly as written: "binan" (cut short), one letter of
/// "binance" changed, or BNB Chain's names. A selection, not a verdict.
fn names_brand(h: &str) -> bool {
    if ["binan", "bnbchain", "bnb-chain", "opbnb"]
        .iter()
        .any(|b| h.contains(b))
    {
        return true;
    }
    let brand = b"binance";
    h.as_bytes()
        .windows(brand.len())
        .any(|w| w.iter().zip(brand).filter(|(a, b)| a != b).count() == 1 && w[0] == b'b')
}

fn recall(dir: &Path, an: &mut Analyser) {
    let path = dir.join("node_modules/eth-phishing-detect/src/config.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!(
            "blocklist recall               skipped: {} (run `npm ci` in benches/peer)",
            path.display()
        );
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let hosts: Vec<String> = strings(&v["blacklist"])
        .into_iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .filter(|h| names_brand(h))
        .collect();
    let (mut flagged, mut phishing, mut missed) = (0usize, 0usize, Vec::new());
    for h in &hosts {
        let a = an.check(h);
        flagged += usize::from(a.verdict.is_alarm());
        phishing += usize::from(a.verdict == VerdictKind::Phishing);
        if !a.verdict.is_alarm() {
            missed.push(h.clone());
        }
    }
    let n = hosts.len().max(1) as f64;
    println!(
        "blocklist, brand named         {:>7} hosts: {flagged} flagged ({:.1} %), {phishing} phishing ({:.1} %)",
        hosts.len(),
        flagged as f64 * 100.0 / n,
        phishing as f64 * 100.0 / n
    );
    for m in missed.iter().take(40) {
        println!("    missed {m}");
    }
}
