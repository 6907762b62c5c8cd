//! Golden reports: any change to what a user sees shows up as a snapshot diff.

mod common;

fn run(args: &[&str], stdin: &str) -> String {
    let h = tempfile::tempdir().unwrap();
    let out = common::bin(h.path())
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The timestamp is the only thing that changes from run to run.
    text.lines()
        .map(|l| {
            if l.len() == 20 && l.ends_with('Z') && l.as_bytes()[4] == b'-' {
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
    insta::assert_snapshot!(run(
        &["password", "--password-stdin", "--offline", "--lang", "en"],
        "Summer2024\n"
    ));
}

#[test]
fn password_report_text_ja() {
    insta::assert_snapshot!(run(
        &["password", "--password-stdin", "--offline", "--lang", "ja"],
        "Summer2024\n"
    ));
}

#[test]
fn audit_report_json() {
    let text = run(
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
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    insta::assert_json_snapshot!(v, { ".generated_at" => "[generated_at]", ".tool_version" => "[version]" });
}
