//! The binary as a user runs it: the audit pipeline, password input paths,
//! rules commands, config, completions, and every bad input the issue names.

mod common;

use common::bin;
use predicates::prelude::*;
use serde_json::Value;

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

#[test]
fn fresh_machine_audit_runs_and_says_what_was_not_checked() {
    let h = home();
    bin(h.path())
        .args(["--offline"])
        .write_stdin("")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Not checked"))
        .stdout(predicate::str::contains("set BINANCE_API_KEY"))
        .stdout(predicate::str::contains("--password-stdin"))
        .stdout(predicate::str::contains("binance-audit setup"));
}

#[test]
fn audit_json_has_the_contract_keys() {
    let h = home();
    let out = bin(h.path())
        .args(["audit", "--offline", "--format", "json", "--password-stdin"])
        .write_stdin("password1\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out.stdout);
    for key in [
        "schema_version",
        "tool_version",
        "generated_at",
        "score",
        "grade",
        "coverage",
        "findings",
        "not_checked",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let ids: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"BA-PWD-001"), "{ids:?}");
    let f = &v["findings"][0];
    for key in [
        "id",
        "category",
        "severity",
        "title",
        "evidence",
        "remediation",
        "source",
        "points",
    ] {
        assert!(f.get(key).is_some(), "finding missing {key}");
    }
    assert_eq!(f["source"], "observed");
    assert!(
        v["coverage"]["evaluated"].as_u64().unwrap() <= v["coverage"]["total"].as_u64().unwrap()
    );
    let api = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "binance-api")
        .unwrap();
    assert_eq!(api["state"], "skipped");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("password1"));
}

#[test]
fn report_json_validates_against_the_shipped_schema() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let h = home();
    for (args, stdin) in [
        (
            vec!["--offline", "--format", "json", "--password-stdin"],
            "Tr0ub4dor&3-horse-battery",
        ),
        (vec!["--offline", "--format", "json"], ""),
    ] {
        let out = bin(h.path())
            .args(&args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        let v = json_of(&out.stdout);
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The schema must be able to fail: a report without a score key is rejected.
    let bad = serde_json::json!({"schema_version": 1});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn password_command_prints_strength_and_findings_without_the_password() {
    let h = home();
    let pw = "alice.tanaka1990";
    std::fs::create_dir_all(h.path().join(".config/binance-audit")).unwrap();
    std::fs::write(
        h.path().join(".config/binance-audit/config.toml"),
        "[user]\nemail = \"alice.tanaka@example.com\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            h.path().join(".config/binance-audit/config.toml"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
    let out = bin(h.path())
        .args(["password", "--password-stdin", "--offline"])
        .write_stdin(format!("{pw}\n"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Password strength"), "{stdout}");
    assert!(
        stdout.contains("BA-PWD-004"),
        "personal info must be caught: {stdout}"
    );
    assert!(stdout.contains("offline attack"), "{stdout}");
    assert!(!stdout.contains(pw));
    assert!(!String::from_utf8_lossy(&out.stderr).contains(pw));
}

#[test]
fn password_in_japanese() {
    let h = home();
    bin(h.path())
        .args(["password", "--password-stdin", "--offline", "--lang", "ja"])
        .write_stdin("password\n")
        .assert()
        .stdout(predicate::str::contains("非常に弱い"))
        .stdout(predicate::str::contains("よく使われる"));
}

#[test]
fn lang_defaults_from_locale() {
    let h = home();
    bin(h.path())
        .env("LANG", "ja_JP.UTF-8")
        .args(["password", "--password-stdin", "--offline"])
        .write_stdin("password\n")
        .assert()
        .stdout(predicate::str::contains("検出事項"));
}

#[test]
fn gates_set_the_exit_code() {
    let h = home();
    let run = |extra: &[&str], pw: &str| {
        bin(h.path())
            .args(["password", "--password-stdin", "--offline"])
            .args(extra)
            .write_stdin(pw.to_string())
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run(&["--fail-on", "critical"], "password1"), Some(1));
    assert_eq!(
        run(&["--fail-on", "critical"], "vT9#qLm2$wXe7!pRz4-kd"),
        Some(0)
    );
    assert_eq!(run(&["--min-score", "90"], "password1"), Some(1));
    assert_eq!(
        run(&["--min-score", "90"], "vT9#qLm2$wXe7!pRz4-kd"),
        Some(0)
    );
    assert_eq!(run(&[], "password1"), Some(0), "no gate, no failure");
}

#[test]
fn min_score_counts_only_what_ran() {
    // With no inputs nothing runs: the file-permission rule has no file to
    // look at (not applicable, not "passed"), there is no grade, and a
    // --min-score gate that cannot be judged is "could not look" (3), never 0.
    let h = home();
    let out = bin(h.path())
        .args(["--offline", "--min-score", "50", "--format", "json"])
        .write_stdin("")
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(v["coverage"]["evaluated"], 0, "{v}");
    assert_eq!(v["score"], Value::Null, "{v}");
    assert!(v["not_graded"].as_str().unwrap().contains("0 of"), "{v}");
    assert_eq!(v["not_applicable"][0]["id"], "BA-ENV-002", "{v}");
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn bad_password_inputs_are_one_line_errors_with_exit_2() {
    let h = home();
    let long = "x".repeat(10_000);
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"\n".to_vec(), "empty"),
        (long.clone().into_bytes(), "10000 characters"),
        (vec![0xff, 0xfe, 0x41, b'\n'], "not valid UTF-8"),
    ];
    for (input, needle) in cases {
        let out = bin(h.path())
            .args(["password", "--password-stdin", "--offline"])
            .write_stdin(input)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(needle), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(!err.contains("panicked") && !err.contains(&long[..50]));
    }
}

#[test]
fn password_without_tty_or_stdin_flag_is_refused() {
    let h = home();
    bin(h.path())
        .args(["password", "--offline"])
        .write_stdin("secret-in-pipe\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--password-stdin"));
}

#[test]
fn password_from_file_and_env() {
    let h = home();
    let f = h.path().join("pw");
    std::fs::write(&f, "password\n").unwrap();
    bin(h.path())
        .args(["password", "--offline", "--password-file"])
        .arg(&f)
        .assert()
        .stdout(predicate::str::contains("BA-PWD-001"));
    bin(h.path())
        .env("BINANCE_AUDIT_PASSWORD", "password")
        .args(["password", "--offline"])
        .assert()
        .stdout(predicate::str::contains("BA-PWD-001"));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let h = home();
    bin(h.path())
        .args(["--format", "yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("yaml"));
}

#[test]
fn broken_rules_folder_is_exit_2_with_position() {
    let h = home();
    let dir = h.path().join("rules");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("x.toml"),
        "[[rule]]\nid = \"BA-X-001\"\ncategory = \"password\"\nseverity = \"hgh\"\n",
    )
    .unwrap();
    let out = bin(h.path())
        .args(["--offline", "--rules"])
        .arg(&dir)
        .write_stdin("")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("x.toml:4:"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn rules_check_accepts_the_shipped_rules_and_rejects_broken_ones() {
    let h = home();
    bin(h.path())
        .args(["rules", "check", "rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("test cases passed"));

    let dir = h.path().join("bad");
    std::fs::create_dir_all(&dir).unwrap();
    let rule = std::fs::read_to_string("rules/password.toml").unwrap();
    // A self-test that disagrees with the condition must be reported.
    let broken = rule.replacen(
        "when = \"password.score <= 1\"",
        "when = \"password.score <= 0\"",
        1,
    );
    std::fs::write(dir.join("password.toml"), broken).unwrap();
    bin(h.path())
        .args(["rules", "check"])
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("BA-PWD-001"))
        .stderr(predicate::str::contains("expected Fail"));
}

#[test]
fn rules_list_and_show() {
    let h = home();
    bin(h.path())
        .args(["rules", "list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("BA-PWD-001"));
    bin(h.path())
        .args(["rules", "show", "BA-PWD-003", "--lang", "ja"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("12文字"))
        .stdout(predicate::str::contains("password.length < 12"));
    bin(h.path())
        .args(["rules", "show", "BA-NOPE-999"])
        .assert()
        .code(2);
}

#[test]
fn override_rule_replaces_builtin_by_id() {
    let h = home();
    let dir = h.path().join("r");
    std::fs::create_dir_all(&dir).unwrap();
    let src = std::fs::read_to_string("rules/password.toml").unwrap();
    std::fs::write(
        dir.join("p.toml"),
        src.replace(
            "Binance password is very weak",
            "Custom title for very weak",
        ),
    )
    .unwrap();
    bin(h.path())
        .args(["rules", "show", "BA-PWD-001", "--rules"])
        .arg(&dir)
        .assert()
        .stdout(predicate::str::contains("Custom title for very weak"));
}

#[test]
fn config_path_init_and_errors() {
    let h = home();
    let out = bin(h.path()).args(["config", "path"]).output().unwrap();
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        path.ends_with(".config/binance-audit/config.toml"),
        "{path}"
    );
    bin(h.path()).args(["config", "init"]).assert().code(0);
    assert!(std::path::Path::new(&path).exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    bin(h.path())
        .args(["config", "init"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    // The template itself is a valid config.
    bin(h.path())
        .args(["--offline"])
        .write_stdin("")
        .assert()
        .code(0);

    let bad = h.path().join("bad.toml");
    std::fs::write(&bad, "[user]\nemial = 1\n").unwrap();
    bin(h.path())
        .args(["--offline", "--config"])
        .arg(&bad)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml:2:1"));
    bin(h.path())
        .args(["--config", "/nonexistent/x.toml"])
        .write_stdin("")
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn loose_config_permissions_warn_and_strict_refuses() {
    use std::os::unix::fs::PermissionsExt;
    let h = home();
    let cfg = h.path().join("c.toml");
    std::fs::write(&cfg, "[user]\nnames = [\"Alice\"]\n").unwrap();
    std::fs::set_permissions(&cfg, std::fs::Permissions::from_mode(0o644)).unwrap();
    bin(h.path())
        .args(["--offline", "--config"])
        .arg(&cfg)
        .write_stdin("")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("chmod 600"));
    bin(h.path())
        .args(["--offline", "--strict", "--config"])
        .arg(&cfg)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("chmod 600"));
}

#[test]
fn output_file_is_private_and_colourless() {
    let h = home();
    let out = h.path().join("r.json");
    bin(h.path())
        .args([
            "--offline",
            "--color",
            "always",
            "--format",
            "json",
            "--output",
        ])
        .arg(&out)
        .write_stdin("")
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains('\u{1b}'));
    json_of(text.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn colour_follows_flags_and_no_color() {
    let h = home();
    let colored = bin(h.path())
        .args(["--offline", "--color", "always"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&colored.stdout).contains('\u{1b}'));
    let plain = bin(h.path())
        .args(["--offline"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\u{1b}'));
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let h = home();
    bin(h.path())
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exit codes"))
        .stdout(predicate::str::contains("Examples"));
    for sub in ["audit", "password", "completions", "man"] {
        bin(h.path())
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Example"));
    }
}

#[test]
fn completions_and_man_page() {
    let h = home();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        bin(h.path())
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("binance-audit"));
    }
    bin(h.path())
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(".TH binance-audit"));
    let dir = h.path().join("man1");
    bin(h.path())
        .args(["man", "--dir", dir.to_str().unwrap()])
        .assert()
        .code(0);
    let main = std::fs::read_to_string(dir.join("binance-audit.1")).unwrap();
    assert!(main.contains("binance\\-audit\\-audit(1)"), "{main}");
    for page in [
        "binance-audit-audit.1",
        "binance-audit-setup.1",
        "binance-audit-rules-check.1",
    ] {
        assert!(dir.join(page).exists(), "{page}");
    }
}

#[test]
fn global_flags_work_before_a_subcommand() {
    let h = home();
    bin(h.path())
        .args(["--lang", "ja", "rules", "list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Binanceのパスワードが非常に弱いです",
        ));
}

/// Help examples are copied into shells: at 80 columns nothing may wrap, and
/// every continued command line ends with a backslash.
#[test]
fn help_examples_fit_80_columns_and_continue_with_backslashes() {
    let h = home();
    for cmd in ["setup", "audit", "incident", "password", "url", "status"] {
        let out = bin(h.path())
            .env("COLUMNS", "80")
            .args([cmd, "--help"])
            .output()
            .unwrap();
        let help = String::from_utf8_lossy(&out.stdout).into_owned();
        let examples = help
            .split_once("Example")
            .map(|(_, e)| e.to_string())
            .unwrap_or_default();
        let lines: Vec<&str> = examples.lines().collect();
        for (i, line) in lines.iter().enumerate().skip(1) {
            let prev = lines[i - 1];
            if line.starts_with("      --") {
                assert!(prev.ends_with('\\'), "{cmd}: {prev:?} then {line:?}");
            }
            if prev.trim_start().starts_with("binance-audit") && !prev.ends_with('\\') {
                assert!(
                    !line.starts_with("  ")
                        || line.starts_with("  binance-audit")
                        || line.trim().is_empty()
                        || line.starts_with("  printf")
                        || line.starts_with("  BINANCE_")
                        || line.starts_with("  pbpaste"),
                    "{cmd}: an example wrapped: {prev:?} / {line:?}"
                );
            }
        }
    }
}

/// A baseline run that "alerts on drift" must gate on what is new: with
/// `--fail-on` alone, an approved critical finding fails every run.
#[test]
fn readme_drift_examples_gate_on_new_findings() {
    let readme = include_str!("../README.md");
    let docs = include_str!("../docs/baseline.md");
    for line in readme.lines().chain(docs.lines()) {
        if line.contains("--baseline") && line.contains("--fail-on ") {
            assert!(line.contains("--fail-on-new"), "{line}");
        }
    }
}
