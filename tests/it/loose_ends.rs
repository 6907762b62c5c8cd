//! Issue 24: what a newcomer and an attacker meet first. A missing file is
//! told in the OS's words with the next step; a key that cannot be a Binance
//! key is refused before use; masking never stars fragments of words.

use crate::common::binance as mb;
use crate::common::{MockServer, Reply, Run};

#[test]
fn a_missing_password_file_says_it_in_the_os_words_and_names_the_option() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nope.txt");
    let o = Run::new()
        .args(["password", "--password-file"])
        .arg(&missing)
        .run();
    o.code(2)
        .stderr_has("No such file or directory")
        .stderr_has("--password-file")
        .stderr_has(&missing.display().to_string());
    assert!(!o.stderr.contains("entity not found"), "{o}");
    assert!(!o.stderr.contains("os error"), "{o}");

    let ja = Run::new()
        .args(["--lang", "ja", "password", "--password-file"])
        .arg(&missing)
        .run();
    ja.code(2)
        .stderr_has("ファイルまたはフォルダがありません")
        .stderr_has("--password-file")
        .stderr_has("パスを確認");
    assert!(!ja.stderr.contains("No such file"), "{ja}");
    assert!(!ja.stderr.contains("entity not found"), "{ja}");
}

#[test]
fn every_reader_names_what_sets_the_file() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nope");
    let m = missing.to_str().unwrap();
    for (args, option) in [
        (vec!["url", "--input", m], "--input"),
        (vec!["address", "--known", m, "x"], "--known"),
        (vec!["--config", m, "audit"], "--config"),
        (vec!["--rules", m, "rules", "list"], "--rules"),
    ] {
        let o = Run::new().args(&args).run();
        let all = format!("{}{}", o.stdout, o.stderr);
        assert!(all.contains("No such file or directory"), "{args:?}: {o}");
        assert!(all.contains(option), "{args:?}: {o}");
        assert!(!all.contains("entity not found"), "{args:?}: {o}");
    }
}

#[test]
fn a_one_letter_key_is_a_usage_error_naming_where_it_came_from() {
    let o = Run::new()
        .env("BINANCE_API_KEY", "k")
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["audit"])
        .run();
    o.code(2)
        .stderr_has("$BINANCE_API_KEY")
        .stderr_has("64 letters and digits");
    let s = Run::new()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", "s")
        .args(["audit"])
        .run();
    s.code(2)
        .stderr_has("$BINANCE_API_SECRET")
        .stderr_has("64 letters and digits");
    assert!(!s.stderr.contains(mb::API_KEY), "{s}");

    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("config.toml");
    let secret = crate::common::write_private(home.path().join("secret"), mb::SECRET);
    crate::common::write_private(
        &cfg,
        format!(
            "[profiles.sub]\napi_key = \"short\"\nsecret_file = {:?}\n",
            secret.display().to_string()
        ),
    );
    let p = Run::new()
        .home(home.path())
        .arg("--config")
        .arg(&cfg)
        .args(["audit", "--profile", "sub"])
        .run();
    p.code(2).stderr_has("api_key").stderr_has("64");
}

#[test]
fn a_realistic_key_echoed_by_the_server_is_masked_and_words_stay_whole() {
    let m = MockServer::start(|r| match r.path.as_str() {
        mb::TIME => Reply::json(
            200,
            format!(
                "{{\"serverTime\":{}}}",
                chrono::Utc::now().timestamp_millis()
            ),
        ),
        _ => Reply::json(
            400,
            format!(
                "{{\"code\":-1000,\"msg\":\"Unknown error for key {}: lookup failed, check the key\"}}",
                mb::API_KEY
            ),
        ),
    });
    let o = Run::new()
        .online()
        .env("BINANCE_API_KEY", mb::API_KEY)
        .env("BINANCE_API_SECRET", mb::SECRET)
        .args(["audit", "--api-url", &m.url(), "--verbose"])
        .run();
    let all = format!("{}{}", o.stdout, o.stderr);
    assert!(!all.contains(mb::API_KEY), "{o}");
    assert!(all.contains("lookup failed, check the key"), "{o}");
    assert!(!all.contains("****"), "{o}");
    assert!(all.contains("vmPU…Eh8A"), "{o}");
}

/// The README's network section against what the audit calls: every
/// endpoint in its table, and no "clock first, then the rest" that the
/// code no longer does; the threat model names the start-of-process
/// hardening.
#[test]
fn the_docs_say_what_the_code_does() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for path in mb::SIGNED_PATHS.iter().chain([&mb::TIME]) {
        assert!(
            readme.contains(&format!("| `{path}` |")),
            "README's endpoint table lacks {path}"
        );
    }
    assert!(
        !readme.contains("The clock is read\nfirst"),
        "stale clock text"
    );
    assert!(readme.contains("-1021"));
    let threats = std::fs::read_to_string(root.join("docs/threat-model.md")).unwrap();
    assert!(threats.contains("hardening::at_start"), "threat model");
    assert!(threats.contains("PT_DENY_ATTACH"), "threat model");
}
