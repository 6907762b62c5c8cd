//! Files the tool writes: whole or not at all, never through a symbolic
//! link, never a device's mode changed, no clash with a file it reads.

use std::os::unix::fs::PermissionsExt;

use crate::common::{self, Outcome, Run};

const PW: &str = "correct horse battery staple 9!\n";

fn audit(home: &std::path::Path, args: &[&str]) -> Outcome {
    Run::new()
        .home(home)
        .current_dir(home)
        .args(["--offline", "--password-stdin"])
        .args(args)
        .stdin(PW)
        .run()
}

#[test]
fn an_output_through_a_symlink_is_refused_and_the_target_kept() {
    let d = tempfile::tempdir().unwrap();
    let victim = d.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&victim, d.path().join("r.json")).unwrap();
    audit(d.path(), &["--output", "json=r.json"])
        .code(4)
        .stderr_has("symbolic link");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    let mode = std::fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "the link's target keeps its mode");
}

#[test]
fn a_full_device_is_its_own_exit_code_and_dev_null_keeps_its_mode() {
    let d = tempfile::tempdir().unwrap();
    if std::path::Path::new("/dev/full").exists() {
        audit(d.path(), &["--output", "json=/dev/full"])
            .code(4)
            .stderr_has("/dev/full");
    }
    let before = std::fs::metadata("/dev/null").unwrap().permissions().mode();
    audit(d.path(), &["--output", "json=/dev/null"]).code(0);
    let after = std::fs::metadata("/dev/null").unwrap().permissions().mode();
    assert_eq!(before, after, "/dev/null keeps its mode");
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like()
    );
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}
impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn a_failed_write_leaves_the_old_baseline_whole() {
    let d = tempfile::tempdir().unwrap();
    common::write_declared_config(d.path());
    audit(d.path(), &["--save-baseline", "b.json"]).code(0);
    let good = std::fs::read(d.path().join("b.json")).unwrap();
    // A file-size limit of 0 makes the next write fail, as a
    // full disk would (SIGXFSZ ignored, so the write returns an error).
    let bin_path = env!("CARGO_BIN_EXE_binance-audit");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 0; printf '%s' \"$PW\" | exec '{bin_path}' --offline --password-stdin --save-baseline b.json"
        ))
        .env_clear()
        .env("PW", PW)
        .env("HOME", d.path())
        .env("XDG_CONFIG_HOME", d.path().join(".config"))
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .current_dir(d.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{out:?}");
    assert_eq!(std::fs::read(d.path().join("b.json")).unwrap(), good);
    let left: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

#[test]
fn an_output_that_is_the_baseline_is_refused() {
    let d = tempfile::tempdir().unwrap();
    common::write_declared_config(d.path());
    audit(d.path(), &["--save-baseline", "b.json"]).code(0);
    let good = std::fs::read(d.path().join("b.json")).unwrap();
    audit(
        d.path(),
        &["--baseline", "b.json", "--output", "json=./b.json"],
    )
    .code(2);
    assert_eq!(std::fs::read(d.path().join("b.json")).unwrap(), good);
    audit(d.path(), &["--output", "r.json", "--output", "json=r.json"]).code(2);
}

#[test]
fn setup_never_writes_through_a_planted_temporary_link() {
    let d = tempfile::tempdir().unwrap();
    let victim = d.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    let cfg = d.path().join("config.toml");
    std::os::unix::fs::symlink(&victim, d.path().join("config.toml.tmp")).unwrap();
    Run::new()
        .home(d.path())
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "setup",
            "--anti-phishing-code",
            "yes",
        ])
        .run()
        .code(0);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    let meta = std::fs::symlink_metadata(&cfg).unwrap();
    assert!(meta.is_file(), "config.toml is a regular file");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
}
