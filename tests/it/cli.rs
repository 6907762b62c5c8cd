//! The binary as a user runs it: the audit pipeline, password input paths,
//! rules commands, config, completions, and every bad input the issue names.

use crate::common::{Run, json, json_file, write_private};
use serde_json::Value;

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn fresh_machine_audit_runs_and_says_what_was_not_checked() {
    let h = home();
    Run::new()
        .home(h.path())
        .args(["--offline"])
        .stdin("")
        .run()
        .code(0)
        .stdout_has("Not checked")
        .stdout_has("set BINANCE_API_KEY")
        .stdout_has("--password-stdin")
        .stdout_has("binance-audit setup");
}

#[test]
fn audit_json_has_the_contract_keys() {
    let h = home();
    let out = Run::new()
        .home(h.path())
        .args(["audit", "--offline", "--format", "json", "--password-stdin"])
        .stdin("password1\n")
        .run();
    out.code(0);
    let v = out.json();
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
    out.stdout_lacks("password1");
}

#[test]
fn report_json_validates_against_the_shipped_schema() {
    let schema: Value = json_file("docs/report.schema.json");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let h = home();
    for (args, stdin) in [
        (
            vec!["--offline", "--format", "json", "--password-stdin"],
            "Tr0ub4dor&3-horse-battery",
        ),
        (vec!["--offline", "--format", "json"], ""),
    ] {
        let out = Run::new().home(h.path()).args(&args).stdin(stdin).run();
        let v = out.json();
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
    write_private(
        h.path().join(".config/binance-audit/config.toml"),
        "[user]\nemail = \"alice.tanaka@example.com\"\n",
    );
    let out = Run::new()
        .home(h.path())
        .args(["password", "--password-stdin", "--offline"])
        .stdin(format!("{pw}\n"))
        .run();
    out.code(0)
        .stdout_has("Password strength")
        .stdout_has("BA-PWD-004")
        .stdout_has("offline attack")
        .stdout_lacks(pw)
        .stderr_lacks(pw);
}

#[test]
fn password_in_japanese() {
    let h = home();
    Run::new()
        .home(h.path())
        .args(["password", "--password-stdin", "--offline", "--lang", "ja"])
        .stdin("password\n")
        .run()
        .stdout_has("非常に弱い")
        .stdout_has("よく使われる");
}

#[test]
fn lang_defaults_from_locale() {
    let h = home();
    Run::new()
        .home(h.path())
        .env("LANG", "ja_JP.UTF-8")
        .args(["password", "--password-stdin", "--offline"])
        .stdin("password\n")
        .run()
        .stdout_has("検出事項");
}

#[test]
fn gates_set_the_exit_code() {
    let h = home();
    let run = |extra: &[&str], pw: &str| {
        Run::new()
            .home(h.path())
            .args(["password", "--password-stdin", "--offline"])
            .args(extra)
            .stdin(pw.to_string())
            .run()
    };
    run(&["--fail-on", "critical"], "password1").code(1);
    run(&["--fail-on", "critical"], "vT9#qLm2$wXe7!pRz4-kd").code(0);
    run(&["--min-score", "90"], "password1").code(1);
    run(&["--min-score", "90"], "vT9#qLm2$wXe7!pRz4-kd").code(0);
    // No gate, no failure.
    run(&[], "password1").code(0);
}

#[test]
fn min_score_counts_only_what_ran() {
    // With no inputs nothing runs: the file-permission rule has no file to
    // look at (not applicable, not "passed"), there is no grade, and a
    // --min-score gate that cannot be judged is "could not look" (3), never 0.
    let h = home();
    let out = Run::new()
        .home(h.path())
        .args(["--offline", "--min-score", "50", "--format", "json"])
        .stdin("")
        .run();
    let v = out.json();
    assert_eq!(v["coverage"]["evaluated"], 0, "{v}");
    assert_eq!(v["score"], Value::Null, "{v}");
    assert!(v["not_graded"].as_str().unwrap().contains("0 of"), "{v}");
    assert_eq!(v["not_applicable"][0]["id"], "BA-ENV-002", "{v}");
    out.code(3);
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
        let out = Run::new()
            .home(h.path())
            .args(["password", "--password-stdin", "--offline"])
            .stdin(input)
            .run();
        let err = &out.code(2).stderr;
        assert!(err.contains(needle), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(!err.contains("panicked") && !err.contains(&long[..50]));
    }
}

#[test]
fn password_without_tty_or_stdin_flag_is_refused() {
    let h = home();
    Run::new()
        .home(h.path())
        .args(["password", "--offline"])
        .stdin("secret-in-pipe\n")
        .run()
        .code(2)
        .stderr_has("--password-stdin");
}

#[test]
fn password_from_file_and_env() {
    let h = home();
    let f = h.path().join("pw");
    std::fs::write(&f, "password\n").unwrap();
    Run::new()
        .home(h.path())
        .args(["password", "--offline", "--password-file"])
        .arg(&f)
        .run()
        .stdout_has("BA-PWD-001");
    Run::new()
        .home(h.path())
        .env("BINANCE_AUDIT_PASSWORD", "password")
        .args(["password", "--offline"])
        .run()
        .stdout_has("BA-PWD-001");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let h = home();
    Run::new()
        .home(h.path())
        .args(["--format", "yaml"])
        .run()
        .code(2)
        .stderr_has("yaml");
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
    let out = Run::new()
        .home(h.path())
        .args(["--offline", "--rules"])
        .arg(&dir)
        .stdin("")
        .run();
    let err = &out.code(2).stderr;
    assert!(err.contains("x.toml:4:"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn rules_check_accepts_the_shipped_rules_and_rejects_broken_ones() {
    let h = home();
    Run::new()
        .home(h.path())
        .args(["rules", "check", "rules"])
        .run()
        .code(0)
        .stdout_has("test cases passed");

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
    Run::new()
        .home(h.path())
        .args(["rules", "check"])
        .arg(&dir)
        .run()
        .code(2)
        .stderr_has("BA-PWD-001")
        .stderr_has("expected Fail");
}

#[test]
fn rules_list_and_show() {
    let h = home();
    Run::new()
        .home(h.path())
        .args(["rules", "list"])
        .run()
        .code(0)
        .stdout_has("BA-PWD-001");
    Run::new()
        .home(h.path())
        .args(["rules", "show", "BA-PWD-003", "--lang", "ja"])
        .run()
        .code(0)
        .stdout_has("12文字")
        .stdout_has("password.length < 12");
    Run::new()
        .home(h.path())
        .args(["rules", "show", "BA-NOPE-999"])
        .run()
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
    Run::new()
        .home(h.path())
        .args(["rules", "show", "BA-PWD-001", "--rules"])
        .arg(&dir)
        .run()
        .stdout_has("Custom title for very weak");
}

#[test]
fn config_path_init_and_errors() {
    let h = home();
    let out = Run::new().home(h.path()).args(["config", "path"]).run();
    let path = out.code(0).stdout.trim().to_string();
    assert!(
        path.ends_with(".config/binance-audit/config.toml"),
        "{path}"
    );
    Run::new()
        .home(h.path())
        .args(["config", "init"])
        .run()
        .code(0);
    assert!(std::path::Path::new(&path).exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    Run::new()
        .home(h.path())
        .args(["config", "init"])
        .run()
        .code(2)
        .stderr_has("--force");
    // The template itself is a valid config.
    Run::new()
        .home(h.path())
        .args(["--offline"])
        .stdin("")
        .run()
        .code(0);

    let bad = h.path().join("bad.toml");
    std::fs::write(&bad, "[user]\nemial = 1\n").unwrap();
    Run::new()
        .home(h.path())
        .args(["--offline", "--config"])
        .arg(&bad)
        .stdin("")
        .run()
        .code(2)
        .stderr_has("bad.toml:2:1");
    Run::new()
        .home(h.path())
        .args(["--config", "/nonexistent/x.toml"])
        .stdin("")
        .run()
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
    Run::new()
        .home(h.path())
        .args(["--offline", "--config"])
        .arg(&cfg)
        .stdin("")
        .run()
        .code(0)
        .stdout_has("chmod 600");
    Run::new()
        .home(h.path())
        .args(["--offline", "--strict", "--config"])
        .arg(&cfg)
        .stdin("")
        .run()
        .code(2)
        .stderr_has("chmod 600");
}

#[test]
fn output_file_is_private_and_colourless() {
    let h = home();
    let out = h.path().join("r.json");
    Run::new()
        .home(h.path())
        .args([
            "--offline",
            "--color",
            "always",
            "--format",
            "json",
            "--output",
        ])
        .arg(&out)
        .stdin("")
        .run()
        .code(0);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains('\u{1b}'));
    json(&text);
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
    let colored = Run::new()
        .home(h.path())
        .args(["--offline", "--color", "always"])
        .stdin("")
        .run();
    colored.stdout_has("\u{1b}");
    let plain = Run::new()
        .home(h.path())
        .args(["--offline"])
        .stdin("")
        .run();
    plain.stdout_lacks("\u{1b}");
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let h = home();
    Run::new()
        .home(h.path())
        .arg("--help")
        .run()
        .code(0)
        .stdout_has("Exit codes")
        .stdout_has("Examples");
    for sub in ["audit", "password", "completions", "man"] {
        Run::new()
            .home(h.path())
            .args([sub, "--help"])
            .run()
            .code(0)
            .stdout_has("Example");
    }
}

#[test]
fn completions_and_man_page() {
    let h = home();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        Run::new()
            .home(h.path())
            .args(["completions", shell])
            .run()
            .code(0)
            .stdout_has("binance-audit");
    }
    Run::new()
        .home(h.path())
        .arg("man")
        .run()
        .code(0)
        .stdout_has(".TH binance-audit");
    let dir = h.path().join("man1");
    Run::new()
        .home(h.path())
        .args(["man", "--dir", dir.to_str().unwrap()])
        .run()
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
    Run::new()
        .home(h.path())
        .args(["--lang", "ja", "rules", "list"])
        .run()
        .code(0)
        .stdout_has("Binanceのパスワードが非常に弱いです");
}

/// Help examples are copied into shells: at 80 columns nothing may wrap, and
/// every continued command line ends with a backslash.
#[test]
fn help_examples_fit_80_columns_and_continue_with_backslashes() {
    let h = home();
    for cmd in ["setup", "audit", "incident", "password", "url", "status"] {
        let help = Run::new()
            .home(h.path())
            .env("COLUMNS", "80")
            .args([cmd, "--help"])
            .run()
            .stdout
            .clone();
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
    let readme = include_str!("../../README.md");
    let docs = include_str!("../../docs/baseline.md");
    for line in readme.lines().chain(docs.lines()) {
        if line.contains("--baseline") && line.contains("--fail-on ") {
            assert!(line.contains("--fail-on-new"), "{line}");
        }
    }
}
