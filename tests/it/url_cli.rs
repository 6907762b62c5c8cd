//! The `binance-audit url` command as a user runs it: arguments, list files,
//! standard input, --extract on an e-mail, output formats, exit codes, bad input.

use std::path::PathBuf;

use crate::common::Run;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/url")
        .join(name)
}

#[test]
fn genuine_link_exits_zero() {
    let out = Run::new()
        .arg("url")
        .arg("https://www.binance.com/en/login")
        .run();
    out.code(0);
    let s = out.stdout.as_str();
    assert!(s.contains("OFFICIAL"), "{s}");
    assert!(s.contains("www.binance.com"), "{s}");
}

#[test]
fn phishing_link_exits_one_and_explains() {
    let out = Run::new()
        .arg("url")
        .arg("https://binance.com.secure-login.top/verify")
        .run();
    out.code(1);
    let s = out.stdout.as_str();
    assert!(s.contains("PHISHING"), "{s}");
    assert!(s.contains("brand subdomain"), "{s}");
    assert!(s.contains("secure-login.top"), "{s}");
    assert!(
        s.contains("https://www.binance.com/en/official-verification"),
        "{s}"
    );
}

#[test]
fn japanese_output() {
    let out = Run::new()
        .arg("url")
        .args(["--lang", "ja", "https://bіnance.com/"])
        .run();
    out.code(1);
    let s = out.stdout.as_str();
    assert!(s.contains("フィッシング"), "{s}");
    assert!(s.contains("類似文字"), "{s}");
    assert!(s.contains("xn--"), "host shown in both forms: {s}");
}

#[test]
fn list_file_in_order_with_fields() {
    let out = Run::new()
        .arg("url")
        .args(["--format", "jsonl", "--input"])
        .arg(fixture("links.txt"))
        .run();
    out.code(1);
    let rows = out.jsonl();
    let inputs: Vec<&str> = rows.iter().map(|r| r["input"].as_str().unwrap()).collect();
    assert_eq!(
        inputs,
        [
            "https://www.binance.com/en/login",
            "",
            "https://binnance.com/login",
            "not a link at all",
            "https://www.google.com/",
            "http://binance.com/",
        ]
    );
    let verdicts: Vec<&str> = rows
        .iter()
        .map(|r| r["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(
        verdicts,
        [
            "official",
            "invalid",
            "phishing",
            "invalid",
            "unrelated",
            "suspicious"
        ]
    );
    let phish = &rows[2];
    assert_eq!(phish["techniques"], serde_json::json!(["repetition"]));
    assert_eq!(phish["impersonates"], "binance.com");
    assert_eq!(phish["host"]["ascii"], "binnance.com");
    assert_eq!(phish["host"]["unicode"], "binnance.com");
    assert!(!phish["reasons"].as_array().unwrap().is_empty());
    assert!(
        phish["reasons"][0]
            .as_str()
            .unwrap()
            .contains("imitates Binance")
    );
    assert_eq!(phish["imitated_brand"], "Binance");
    // One copy of the reasons unless every language is asked for.
    assert!(phish.get("reasons_en").is_none() && phish.get("reasons_ja").is_none());
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["index"], i + 1);
    }
}

#[test]
fn all_languages_adds_both_reason_lists() {
    let out = Run::new()
        .arg("url")
        .args([
            "--format",
            "jsonl",
            "--all-languages",
            "https://binnance.com/login",
        ])
        .run();
    let rows = out.jsonl();
    assert_eq!(rows[0]["reasons"], rows[0]["reasons_en"]);
    assert!(
        rows[0]["reasons_ja"][0]
            .as_str()
            .unwrap()
            .contains("装って")
    );
}

#[test]
fn stdin_when_no_url_and_dash() {
    let out = Run::new()
        .arg("url")
        .args(["--format", "jsonl"])
        .stdin("binance.com\r\nhttps://google.com\n")
        .run();
    out.code(0);
    let rows = out.jsonl();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["verdict"], "official");
    assert_eq!(rows[1]["verdict"], "unrelated");

    let out = Run::new()
        .arg("url")
        .args(["--format", "jsonl", "https://binance.us", "-"])
        .stdin("t.me/BinanceHelpDesk\n")
        .run();
    out.code(1);
    let rows = out.jsonl();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["input"], "https://binance.us");
    assert_eq!(
        rows[1]["techniques"],
        serde_json::json!(["messenger_impersonation"])
    );
}

#[test]
fn extract_from_eml_decodes_every_part() {
    let out = Run::new()
        .arg("url")
        .args(["--extract", "--format", "jsonl", "--input"])
        .arg(fixture("phishing.eml"))
        .run();
    out.code(1);
    let rows = out.jsonl();
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["input"].as_str().unwrap(), r["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            // RFC 2047 Q-encoded subject
            ("binance-verify.xyz", "phishing"),
            // RFC 2047 B-encoded display name, then the address
            ("support@binance-notice.com", "phishing"),
            ("help@binance-kyc-desk.net", "phishing"),
            ("bounce@mailer.binance-notice.com", "phishing"),
            // quoted-printable text part, soft line break and =3D joined
            (
                "https://accounts.binance.com.secure-login.top/verify?id=42",
                "phishing"
            ),
            // The message disguises a link (below), so nothing in it is official.
            ("https://www.binance.com/en", "suspicious"),
            // base64 HTML part: the href, whose visible text shows
            // www.binance.com/en/login, is one phishing verdict naming the mismatch
            ("https://binnance-login.com/auth?a=1&b=2", "phishing"),
            ("https://bin.bnbstatic.com/logo.png", "suspicious"),
            ("https://t.me/BinanceSupportDesk", "phishing"),
        ]
    );
    let lure = &rows[6];
    assert!(
        lure["techniques"]
            .as_array()
            .unwrap()
            .contains(&"link_text_mismatch".into())
    );
    assert!(
        lure["reasons"][0]
            .as_str()
            .unwrap()
            .contains("www.binance.com/en/login")
    );
}

#[test]
fn extract_reports_input_it_did_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.eml");
    let mut body = String::from("see https://deep.example/login\r\n");
    for d in (0..40).rev() {
        body = format!(
            "--b{d}x\r\nContent-Type: multipart/mixed; boundary=\"b{}x\"\r\n\r\n{body}\r\n--b{d}x--\r\n",
            d + 1
        );
    }
    let mail = format!(
        "From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=\"b0x\"\r\n\r\n{body}"
    );
    std::fs::write(&path, mail).unwrap();
    let out = Run::new()
        .arg("url")
        .args(["--extract", "--format", "jsonl", "--input"])
        .arg(&path)
        .run();
    let rows = out.jsonl();
    assert!(
        rows.iter()
            .any(|r| r["input"] == "https://deep.example/login")
    );
    let last = rows.last().unwrap();
    assert_eq!(last["verdict"], "suspicious");
    assert!(
        last["reasons"][0].as_str().unwrap().contains("nested"),
        "{last}"
    );
    out.code(1);
}

#[test]
fn extract_from_text_argument_and_html_stdin() {
    let out = Run::new()
        .arg("url")
        .args([
            "--extract",
            "--format",
            "jsonl",
            "Go to binance.com, not bínance.com!",
        ])
        .run();
    let rows = out.jsonl();
    let got: Vec<&str> = rows
        .iter()
        .map(|r| r["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(got, ["official", "phishing"]);
    out.code(1);

    let out = Run::new()
        .arg("url")
        .args(["--extract", "--format", "jsonl"])
        .stdin(r#"<p>Hi</p><a href="https&#58;//binance-airdrop.xyz/claim">Claim</a>"#)
        .run();
    let rows = out.jsonl();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["input"], "https://binance-airdrop.xyz/claim");
}

#[test]
fn json_document_has_results_and_summary() {
    let out = Run::new()
        .arg("url")
        .args([
            "--format",
            "json",
            "binance.com",
            "https://binance-kyc.net",
            "???",
        ])
        .run();
    out.code(1);
    let v = out.json();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["results"].as_array().unwrap().len(), 3);
    assert_eq!(v["summary"]["total"], 3);
    assert_eq!(v["summary"]["official"], 1);
    assert_eq!(v["summary"]["phishing"], 1);
    assert_eq!(v["summary"]["invalid"], 1);
}

#[test]
fn usage_errors_exit_two() {
    let out = Run::new()
        .arg("url")
        .args(["--input", "/definitely/not/here.txt"])
        .run();
    out.code(2);
    let err = out.stderr.as_str();
    assert!(err.contains("not/here.txt"), "{err}");
    assert!(out.stdout.is_empty());

    let out = Run::new()
        .arg("url")
        .args(["--format", "yaml", "binance.com"])
        .run();
    out.code(2);
}

#[test]
fn only_unrelated_and_invalid_exit_zero() {
    let out = Run::new()
        .arg("url")
        .args(["https://www.wikipedia.org/wiki/Binance", "", "hello"])
        .run();
    out.code(0);
}

#[test]
fn bad_input_lines_never_abort_the_batch() {
    let mut input: Vec<u8> = Vec::new();
    let lines: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        format!("https://binance-login.com/{}", "a".repeat(100 * 1024)).into_bytes(),
        "x".repeat(100 * 1024).into_bytes(),
        b"https://\x07bin\x1bance.com/\x00".to_vec(),
        b"https://binance.com/%zz%%".to_vec(),
        b"https://%zz.example/".to_vec(),
        b"https://xn--.com/".to_vec(),
        b"https://xn--zzzzzzzzzz-.xn--99.com".to_vec(),
        b"\xff\xfe\x00\x01binary\x80\x81".to_vec(),
        b"https://[::1".to_vec(),
        b"https://binance.com:999999/".to_vec(),
        "https://\u{202e}moc.ecnanib".as_bytes().to_vec(),
        b"   \t  ".to_vec(),
        b"https://binance.com".to_vec(),
    ];
    for l in &lines {
        input.extend_from_slice(l);
        input.push(b'\n');
    }
    let out = Run::new()
        .arg("url")
        .args(["--format", "jsonl"])
        .stdin(input)
        .run();
    out.code(1);
    let rows = out.jsonl();
    assert_eq!(rows.len(), lines.len(), "one result per line");
    assert_eq!(rows[0]["verdict"], "invalid");
    assert_eq!(rows[1]["verdict"], "phishing");
    assert_eq!(rows[2]["verdict"], "invalid");
    assert_eq!(rows[8]["verdict"], "invalid");
    assert_eq!(rows[13]["verdict"], "official");

    // Text output of the same junk never echoes raw control characters.
    let out = Run::new()
        .arg("url")
        .stdin(b"https://ex.example/\x1b[2J\x07\n".to_vec())
        .run();
    let s = out.stdout.as_str();
    assert!(!s.contains('\u{1b}') && !s.contains('\u{7}'), "{s:?}");
}

#[test]
fn help_lists_the_command() {
    let out = Run::new().args(["url", "--help"]).run();
    out.code(0);
    let s = out.stdout.as_str();
    for flag in ["--input", "--extract", "--format"] {
        assert!(s.contains(flag), "{s}");
    }
}

/// Several threads judge a list as one does: every line once, in input
/// order, numbered from 1, with the same summary — for each format.
#[test]
fn threads_keep_order_and_count() {
    // More lines than one batch per thread, with lines that are empty, too
    // long to judge whole, and not UTF-8 in among them.
    let mut input = Vec::new();
    for i in 0..5000 {
        match i % 7 {
            0 => input.extend_from_slice(format!("https://www.binance.com/en/{i}").as_bytes()),
            1 => input.extend_from_slice(format!("binance-login{i}.com").as_bytes()),
            2 => {}
            3 => input.extend_from_slice(b"\xff\xfe not text"),
            4 if i % 1000 == 4 => input.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024)),
            _ => input.extend_from_slice(format!("site{i}.example/path").as_bytes()),
        }
        input.push(b'\n');
    }
    for format in ["jsonl", "json", "text"] {
        let run = |threads: &str| {
            Run::new()
                .args(["url", "--format", format, "--threads", threads])
                .stdin(input.clone())
                .run()
        };
        let one = run("1");
        one.code(1);
        for threads in ["2", "5"] {
            let many = run(threads);
            many.code(1);
            assert!(
                many.stdout == one.stdout,
                "{format} on {threads} threads differs from one thread"
            );
        }
        if format == "jsonl" {
            let rows = one.jsonl();
            assert_eq!(rows.len(), 5000);
            for (i, r) in rows.iter().enumerate() {
                assert_eq!(r["index"], i + 1);
            }
            assert_eq!(rows[7]["verdict"], "official");
            assert_eq!(rows[8]["verdict"], "phishing");
        }
    }
}

#[test]
fn a_line_without_end_is_refused_on_any_thread_count() {
    // Past the 64 MiB a line may have, the input is not a list of links.
    let mut input = b"binance.com\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 65 * 1024 * 1024));
    for threads in ["1", "2"] {
        let out = Run::new()
            .args(["url", "--format", "jsonl", "--threads", threads])
            .stdin(input.clone())
            .run();
        out.code(2);
        out.stderr_has("line 2");
        assert!(out.stdout.contains("\"index\":1"), "{}", out.stdout);
    }
}
