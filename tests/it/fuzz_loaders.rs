//! Property tests standing in for fuzzing where cargo-fuzz (nightly-only) does
//! not fit: the rules loader, CEL conditions and the config loader must turn
//! any input into a value or an error — never a panic.
//! Longer run: `PROPTEST_CASES=200000 cargo test --release --test fuzz_loaders`.

use binance_audit::config;
use binance_audit::facts::Facts;
use binance_audit::rules::{Evaluator, load_dir};
use proptest::prelude::*;

const RULE: &str = r#"[[rule]]
id = "BA-FZZ-001"
category = "api-key"
severity = "high"
facts = ["api.enable_withdrawals", "api.ip_restrict", "api.trading_permissions", "api.key_age_days"]
when = "WHEN"
title = { en = "t", ja = "t" }
passed = { en = "p", ja = "p" }
risk = { en = "r", ja = "r" }
remediation = { en = ["a"], ja = ["a"] }
[[rule.test]]
facts = { api = { enable_withdrawals = true } }
expect = "fail"
[[rule.test]]
facts = { api = { enable_withdrawals = false } }
expect = "pass"
"#;

fn cel_fragment() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "api.enable_withdrawals",
        "api.ip_restrict",
        "api.key_age_days",
        "api.trading_permissions",
        "api.nope",
        "true",
        "false",
        "1",
        "90",
        "1.5",
        "'x'",
        "[]",
        "null",
        "size(",
        ")",
        "(",
        "&&",
        "||",
        "!",
        "==",
        "<",
        ">",
        "+",
        "in",
        ".",
        ",",
        "[",
        "]",
        "{",
        "}",
        ":",
        "?",
        "exists(x, x)",
        "\\",
        "\"",
    ]);
    prop::collection::vec(atoms, 0..12).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_condition_loads_or_errors_and_evaluates_without_panic(when in cel_fragment(), ip in any::<bool>(), age in any::<i64>()) {
        let dir = tempfile::tempdir().unwrap();
        let src = RULE.replace("WHEN", &when.replace('"', "'"));
        std::fs::write(dir.path().join("r.toml"), src).unwrap();
        if let Ok(rules) = load_dir(dir.path()) {
            let facts = Facts::from_nested(&serde_json::json!({"api": {"enable_withdrawals": true, "ip_restrict": ip, "key_age_days": age, "trading_permissions": ["margin"]}}));
            let eval = Evaluator::new(&facts);
            for r in &rules {
                let _ = eval.evaluate(r);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_as_rule_file_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("r.toml"), &bytes).unwrap();
        let _ = load_dir(dir.path());
    }

    #[test]
    fn mutated_rule_file_never_panics(pos in 0usize..600, byte in any::<u8>()) {
        let mut src = RULE.replace("WHEN", "api.enable_withdrawals && !api.ip_restrict").into_bytes();
        let p = pos % src.len();
        src[p] = byte;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("r.toml"), &src).unwrap();
        let _ = load_dir(dir.path());
    }

    #[test]
    fn arbitrary_config_text_never_panics(text in "\\PC{0,300}") {
        let _ = config::parse(&text);
    }

    #[test]
    fn mutated_template_config_never_panics(pos in 0usize..4000, ch in any::<char>()) {
        let mut chars: Vec<char> = config::template(binance_audit::i18n::Lang::En).chars().collect();
        let p = pos % chars.len();
        chars[p] = ch;
        let text: String = chars.into_iter().collect();
        let _ = config::parse(&text);
    }
}
