//! `binance-audit setup`: non-interactive answers, the file it writes, and
//! how declared answers show up in reports.

use std::path::PathBuf;

use crate::common::report::finding_opt as finding;
use crate::common::{Outcome, TempHome, set_mode};
use serde_json::Value;

/// The config every run of a test reads and `setup` writes (not the default
/// path: `--config` is given each time).
fn cfg_path(home: &TempHome) -> PathBuf {
    home.join("conf").join("config.toml")
}

/// A config that was there before the test's first `setup`.
fn write_config(home: &TempHome, text: &str) -> PathBuf {
    let path = cfg_path(home);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn setup(home: &TempHome, args: &[&str]) -> Outcome {
    home.run()
        .args(["setup", "--config", cfg_path(home).to_str().unwrap()])
        .args(args)
        .run()
}

/// An offline audit with the test's config.
fn audit(home: &TempHome, args: &[&str]) -> Outcome {
    home.run()
        .args(["--config", cfg_path(home).to_str().unwrap()])
        .args(args)
        .run()
}

fn audit_json(home: &TempHome) -> Value {
    audit(home, &["--format", "json"]).code(0).json()
}

/// Every `setup` flag, all answered the safe way, with `two_factor` as given.
fn all_safe(two_factor: &str) -> [&str; 12] {
    [
        "--two-factor",
        two_factor,
        "--anti-phishing-code",
        "yes",
        "--withdrawal-whitelist",
        "yes",
        "--devices-reviewed",
        "yes",
        "--email-two-factor",
        "yes",
        "--email-unique-password",
        "yes",
    ]
}

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

#[test]
fn flags_write_a_private_dated_section() {
    let home = TempHome::new();
    let out = setup(&home, &all_safe("authenticator,passkey"));
    out.code(0);
    assert!(out.stdout.as_str().contains("wrote [declared]"));
    let path = cfg_path(&home);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("on = {}", today())), "{text}");
    assert!(
        text.contains("two_factor = [\"authenticator\", \"passkey\"]"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let j = audit_json(&home);
    let ids: Vec<&str> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(!ids.iter().any(|i| i.starts_with("BA-2FA")), "{ids:?}");
    let passed = j["passed"].to_string();
    for id in ["BA-2FA-001", "BA-2FA-002", "BA-2FA-003", "BA-WDR-004"] {
        assert!(passed.contains(id), "{id} should pass: {passed}");
    }
    let fact = j["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "declared.two_factor")
        .unwrap();
    assert_eq!(fact["source"], "declared");
    assert_eq!(fact["declared_on"], today());
}

#[test]
fn weak_answers_become_declared_findings_in_every_format() {
    let home = TempHome::new();
    let out = setup(
        &home,
        &[
            "--two-factor",
            "sms",
            "--anti-phishing-code",
            "no",
            "--withdrawal-whitelist",
            "no",
        ],
    );
    out.code(0);
    let stdout = out.stdout.as_str();
    assert!(
        stdout.contains("not answered") && stdout.contains("devices_reviewed"),
        "{stdout}"
    );
    let j = audit_json(&home);
    for id in ["BA-2FA-002", "BA-2FA-003", "BA-WDR-004"] {
        let f = finding(&j, id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(f["source"], "declared", "{id}");
        assert_eq!(f["declared_on"], today(), "{id}");
    }
    assert!(finding(&j, "BA-2FA-001").is_none());
    // Unanswered questions are not checked, never passed.
    let nc = j["not_checked"].to_string();
    assert!(
        nc.contains("BA-2FA-006") && nc.contains("BA-2FA-004"),
        "{nc}"
    );

    let out = audit(&home, &[]);
    let text = out.stdout.as_str();
    assert!(
        text.contains(&format!("(declared by you on {}, not observed)", today())),
        "{text}"
    );
    let out = audit(&home, &["--lang", "ja"]);
    assert!(out.stdout.as_str().contains("ご自身で申告した内容"));
}

#[test]
fn no_second_factor_is_critical() {
    let home = TempHome::new();
    setup(&home, &["--two-factor", "none"]).code(0);
    let j = audit_json(&home);
    let f = finding(&j, "BA-2FA-001").unwrap();
    assert_eq!(f["severity"], "critical");
    assert_eq!(f["source"], "declared");
    setup(&home, &["--two-factor", "none,sms"]).code(2);
}

#[test]
fn existing_config_keeps_its_comments_and_other_sections() {
    let home = TempHome::new();
    let path = write_config(
        &home,
        "# my binance-audit settings\n[policy]\nkey_max_age_days = 30  # strict\n\n[declared]\non = 2020-01-01\ntwo_factor = [\"sms\"]\ndevices_reviewed = true\n",
    );
    let out = setup(
        &home,
        &["--two-factor", "security-key", "--email-two-factor", "yes"],
    );
    out.code(0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("# my binance-audit settings")
            && text.contains("key_max_age_days = 30  # strict"),
        "{text}"
    );
    assert!(text.contains("two_factor = [\"security_key\"]"), "{text}");
    // The answer not given now is kept with its own (old) date, never re-dated.
    assert!(
        text.contains("devices_reviewed = true") && text.contains("on = 2020-01-01"),
        "{text}"
    );
    assert!(
        text.contains(&format!("two_factor = {}", today())),
        "the new answers carry today's date: {text}"
    );
    assert_eq!(text.matches("[declared]").count(), 1);
    let stdout = &out.stdout;
    assert!(
        stdout.contains("changed: two_factor = security_key (was sms)")
            && stdout.contains("new:     email_two_factor = yes")
            && stdout.contains("kept:    devices_reviewed = yes (answered 2020-01-01)"),
        "{stdout}"
    );
}

#[test]
fn one_flag_changes_one_answer_and_keeps_the_other_five() {
    let home = TempHome::new();
    setup(&home, &all_safe("authenticator")).code(0);
    let out = setup(&home, &["--anti-phishing-code", "no"]);
    out.code(0);
    let stdout = &out.stdout;
    assert!(
        stdout.contains("changed: anti_phishing_code = no (was yes)")
            && stdout.matches("kept:").count() == 5
            && !stdout.contains("not answered"),
        "{stdout}"
    );
    let j = audit_json(&home);
    assert!(finding(&j, "BA-2FA-003").is_some());
    let passed = j["passed"].to_string();
    for id in [
        "BA-2FA-001",
        "BA-2FA-004",
        "BA-2FA-005",
        "BA-2FA-006",
        "BA-WDR-004",
    ] {
        assert!(passed.contains(id), "{id} should still pass: {passed}");
    }
    // Japanese summary.
    let out = setup(&home, &["--lang", "ja", "--anti-phishing-code", "yes"]);
    let stdout = &out.stdout;
    assert!(
        stdout.contains("変更：anti_phishing_code = はい（以前：いいえ）")
            && stdout.contains("維持："),
        "{stdout}"
    );
}

#[test]
fn not_sure_is_a_declared_finding_with_what_to_check() {
    let home = TempHome::new();
    let out = setup(
        &home,
        &[
            "--two-factor",
            "authenticator",
            "--anti-phishing-code",
            "not-sure",
            "--withdrawal-whitelist",
            "yes",
        ],
    );
    out.code(0);
    let text = std::fs::read_to_string(cfg_path(&home)).unwrap();
    assert!(
        text.contains("not_sure = [\"anti_phishing_code\"]"),
        "{text}"
    );
    let j = audit_json(&home);
    let f = finding(&j, "BA-2FA-008").expect("not-sure finding");
    assert_eq!(f["source"], "declared");
    assert!(
        f["evidence"].to_string().contains("anti_phishing_code"),
        "{f}"
    );
    assert!(
        f["remediation"].to_string().contains("Anti-Phishing Code"),
        "{f}"
    );
    // The setting itself is not checked: neither passed nor failed.
    assert!(finding(&j, "BA-2FA-003").is_none());
    assert!(!j["passed"].to_string().contains("BA-2FA-003"));
    assert!(j["not_checked"].to_string().contains("BA-2FA-003"));
    // Answering it later clears the finding.
    setup(&home, &["--anti-phishing-code", "yes"]).code(0);
    let j = audit_json(&home);
    assert!(finding(&j, "BA-2FA-008").is_none());
    assert!(j["passed"].to_string().contains("BA-2FA-008"));
    setup(&home, &["--two-factor", "not-sure,sms"]).code(2);
}

#[test]
fn config_init_then_setup_then_uncommenting_api_key_works() {
    let home = TempHome::new();
    let path = cfg_path(&home);
    let p = path.to_str().unwrap();
    let out = home.run().args(["config", "init", "--config", p]).run();
    out.code(0);
    setup(&home, &["--two-factor", "passkey"]).code(0);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "# api_key = \"your read-only API key\"",
        "api_key = \"abc123abc123abc123abc123abc123abc123abc123abc123abc123abc123abcd\"",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&path, &edited).unwrap();
    let out = audit(&home, &["--offline", "--format", "json"]);
    let err = &out.stderr;
    assert!(!err.contains("unknown field"), "{err}\n{edited}");
    // The key is read from [binance]: the run gets as far as wanting the
    // secret (exit 3, a check it had inputs for), not a config error (2).
    out.code(3);
    let j: Value = out.json();
    assert!(
        j["checks"].to_string().contains("api_key in [binance]"),
        "{j}"
    );
    // And a second setup still edits [declared] in place.
    setup(&home, &["--anti-phishing-code", "yes"]).code(0);
    let again = std::fs::read_to_string(&path).unwrap();
    assert!(
        again.contains(
            "api_key = \"abc123abc123abc123abc123abc123abc123abc123abc123abc123abc123abcd\""
        ) && again.matches("\n[declared]").count() == 1,
        "{again}"
    );
}

#[test]
fn invalid_config_is_left_untouched() {
    let home = TempHome::new();
    let path = write_config(&home, "[user\nemail = 1\n");
    let out = setup(&home, &["--anti-phishing-code", "yes"]);
    out.code(2);
    assert!(out.stderr.as_str().contains("left untouched"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "[user\nemail = 1\n"
    );
}

#[test]
fn without_a_terminal_or_flags_it_explains_how() {
    let home = TempHome::new();
    let out = setup(&home, &[]);
    out.code(2);
    let err = out.stderr.as_str();
    assert!(err.contains("--two-factor authenticator,passkey"), "{err}");
    assert!(!cfg_path(&home).exists());
}

#[test]
fn old_declarations_ask_for_reconfirmation() {
    let home = TempHome::new();
    let path = write_config(
        &home,
        "[declared]\non = 2020-01-01\ntwo_factor = [\"authenticator\"]\n",
    );
    set_mode(&path, 0o600);
    let j = audit_json(&home);
    let f = finding(&j, "BA-2FA-007").expect("re-confirm finding");
    assert_eq!(f["source"], "declared");
    assert_eq!(f["declared_on"], "2020-01-01");
}

#[test]
fn setup_records_which_binance_and_every_command_follows_it() {
    let home = TempHome::new();
    write_config(
        &home,
        "# mine\n[binance]\napi_key = \"abc123abc123abc123abc123abc123abc123abc123abc123abc123abc123abcd\"\n",
    );
    let r = setup(&home, &["--region", "jp"]);
    r.code(0)
        .stdout_has("Binance: Binance Japan (region = \"jp\" under [binance])");
    let text = std::fs::read_to_string(cfg_path(&home)).unwrap();
    assert!(
        text.contains("# mine")
            && text.contains(
                "api_key = \"abc123abc123abc123abc123abc123abc123abc123abc123abc123abc123abcd\""
            ),
        "{text}"
    );
    assert!(text.contains("region = \"jp\""), "{text}");
    assert!(!text.contains("[declared]"), "{text}");
    // status now asks Binance Japan (and says its API host is uncertain).
    home.run()
        .args([
            "--config",
            cfg_path(&home).to_str().unwrap(),
            "status",
            "--offline",
        ])
        .run()
        .stderr_has("https://api.binance.co.jp");
    // With answers too, in Japanese; back to global.
    let mut args: Vec<&str> = all_safe("authenticator").to_vec();
    args.extend(["--region", "global", "--lang", "ja"]);
    setup(&home, &args)
        .code(0)
        .stdout_has("Binance: Binance（[binance] に region = \"global\"）");
    let text = std::fs::read_to_string(cfg_path(&home)).unwrap();
    assert!(
        text.contains("region = \"global\"") && text.contains("[declared]"),
        "{text}"
    );
    setup(&home, &["--region", "mars"]).code(2);
}
