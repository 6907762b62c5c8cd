//! Issue 24: core dumps and debugger attach are off from the first
//! instruction, not from the first secret read.

use crate::common::{MockServer, Reply, Run};

/// `password --password-stdin` waiting on a pipe nobody has written to yet:
/// no secret has been read, but `BINANCE_AUDIT_PASSWORD` could already be in
/// the environment. The soft limit is raised first (as a user's
/// `ulimit -c unlimited` would), so the test sees what the binary does.
#[cfg(target_os = "linux")]
#[test]
fn core_limit_is_zero_while_waiting_for_the_first_input() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let hard = rustix::process::getrlimit(rustix::process::Resource::Core).maximum;
    if hard == Some(0) {
        eprintln!("skipped: the hard core limit is already 0 here");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -S -c "$(ulimit -H -c)" && exec "$0" "$@""#)
        .arg(crate::common::run::BIN)
        .args(["--offline", "password", "--password-stdin"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let core_line = || {
        let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).ok()?;
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
        // Only once `sh` has exec'd the binary.
        if !exe.to_string_lossy().contains("binance-audit") {
            return None;
        }
        limits
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .map(str::to_string)
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = None;
    let held = loop {
        if let Some(l) = core_line() {
            let fields: Vec<&str> = l.split_whitespace().collect();
            // "Max core file size  SOFT  HARD  bytes"
            if fields.get(4) == Some(&"0") && fields.get(5) == Some(&"0") {
                break true;
            }
            last = Some(l);
        }
        if Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // Nothing was written: the binary is still waiting on its first input.
    assert!(
        child.try_wait().unwrap().is_none(),
        "the binary ended before its input"
    );
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        held,
        "core limit not 0 while waiting on stdin: {last:?}; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn status_verbose_says_the_protection_held() {
    let m = MockServer::start(|r| match r.path.as_str() {
        "/sapi/v1/system/status" => Reply::json(200, r#"{"status":0,"msg":"normal"}"#),
        "/api/v3/time" => Reply::json(
            200,
            format!(
                "{{\"serverTime\":{}}}",
                chrono::Utc::now().timestamp_millis()
            ),
        ),
        _ => Reply::json(200, "{}"),
    });
    for (lang, text) in [
        (
            "en",
            "This process: core dumps off; debugger attach refused.",
        ),
        (
            "ja",
            "このプロセス：コアダンプは無効、デバッガの接続は拒否。",
        ),
    ] {
        let o = Run::new()
            .online()
            .env("BINANCE_API_URL", m.url())
            .args(["--lang", lang, "status", "-v"])
            .run();
        assert!(o.stdout.contains(text), "{}", o.stdout);
        let quiet = Run::new()
            .online()
            .env("BINANCE_API_URL", m.url())
            .args(["--lang", lang, "status"])
            .run();
        assert!(!quiet.stdout.contains(text), "{}", quiet.stdout);
    }
}
