//! Golden reports: any change to what a user sees shows up as a snapshot diff.

use crate::common::{Run, json};

/// stdout of one run with the timestamp line replaced.
fn redacted(args: &[&str], stdin: &str) -> String {
    let out = Run::new().args(args).stdin(stdin).run();
    // The timestamp is the only thing that changes from run to run.
    out.stdout
        .lines()
        .map(|l| {
            // The header's time in the reader's zone (TZ=UTC in tests).
            if l.len() == 20 && l.ends_with(" UTC") && l.as_bytes()[4] == b'-' {
                "[generated_at]".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn password_report_text_en() {
    insta::assert_snapshot!(redacted(
        &["password", "--password-stdin", "--offline", "--lang", "en"],
        "Summer2024\n"
    ));
}

#[test]
fn password_report_text_ja() {
    insta::assert_snapshot!(redacted(
        &["password", "--password-stdin", "--offline", "--lang", "ja"],
        "Summer2024\n"
    ));
}

#[test]
fn audit_report_json() {
    let text = redacted(
        &[
            "audit",
            "--password-stdin",
            "--offline",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        "Summer2024\n",
    );
    let v = json(&text);
    insta::assert_json_snapshot!(v, { ".generated_at" => "[generated_at]", ".tool_version" => "[version]" });
}
