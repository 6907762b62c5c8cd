//! Golden reports for every format, SARIF validated against the official
//! schema, JUnit parsed back, and the CLI's `--output FORMAT=PATH` plumbing.

use crate::common::{Run, json_file};
use crate::fixture;
use binance_audit::i18n::Lang;
use binance_audit::report::Report;
use binance_audit::report::format::render;
use binance_audit::report::{Format, RenderOptions};
use serde_json::Value;

fn rendered(r: &Report, f: Format) -> String {
    colored::control::set_override(false);
    render(
        r,
        f,
        &RenderOptions {
            verbose: true,
            // Golden files in one zone whatever the machine's (issue 22).
            zone: jiff::tz::TimeZone::UTC,
            ..RenderOptions::default()
        },
    )
}

#[test]
fn golden_text() {
    insta::assert_snapshot!("text", rendered(&fixture::report(Lang::En), Format::Text));
}

#[test]
fn golden_json() {
    insta::assert_snapshot!("json", rendered(&fixture::report(Lang::En), Format::Json));
}

#[test]
fn golden_sarif() {
    insta::assert_snapshot!("sarif", rendered(&fixture::report(Lang::En), Format::Sarif));
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!(
        "markdown",
        rendered(&fixture::report(Lang::En), Format::Markdown)
    );
}

#[test]
fn golden_markdown_ja() {
    insta::assert_snapshot!(
        "markdown_ja",
        rendered(&fixture::report(Lang::Ja), Format::Markdown)
    );
}

/// The labels the renderers add themselves (severity, "Evidence", "Fix",
/// "References", a waiver's expiry) are in the reader's language in every
/// format: under --lang ja they once stayed English in Markdown and SARIF.
#[test]
fn renderer_labels_follow_the_report_language() {
    let r = fixture::report(Lang::Ja);
    let md = rendered(&r, Format::Markdown);
    for english in ["CRITICAL", "| critical |", "HIGH", "| medium |", "| low |"] {
        assert!(!md.contains(english), "{english} in Japanese Markdown");
    }
    assert!(md.contains("#### 🔴 重大 · BA-API-901"), "{md}");
    assert!(md.contains("| 🔵 | 低 | BA-2FA-901 |"), "{md}");
    let sarif = rendered(&r, Format::Sarif);
    for english in ["Evidence:", "**Fix**", "**References**", "waiver expires"] {
        assert!(!sarif.contains(english), "{english} in Japanese SARIF");
    }
    assert!(sarif.contains("**対処**"), "{sarif}");
    assert!(sarif.contains("。根拠："), "{sarif}");
    let en = rendered(&fixture::report(Lang::En), Format::Sarif);
    assert!(en.contains(". Evidence: ") && en.contains("**Fix**") && en.contains("waiver expires"));
}

#[test]
fn golden_junit() {
    insta::assert_snapshot!("junit", rendered(&fixture::report(Lang::En), Format::Junit));
}

fn sarif_validator() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sarif-schema-2.1.0.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let v = sarif_validator();
    for lang in [Lang::En, Lang::Ja] {
        let doc: Value =
            serde_json::from_str(&rendered(&fixture::report(lang), Format::Sarif)).unwrap();
        assert_valid(&v, &doc);
    }
    // A run with nothing to report is valid too (empty results, no rules).
    let facts = binance_audit::facts::Facts::new();
    let r = fixture::build(fixture::Options {
        lang: Lang::En,
        baseline: None,
        waivers: &[],
        facts: &facts,
        rules: &[],
    });
    let doc: Value = serde_json::from_str(&rendered(&r, Format::Sarif)).unwrap();
    assert_valid(&v, &doc);
    assert_eq!(doc["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn the_schema_rejects_what_github_would_reject() {
    // Guard against a schema file that accepts anything.
    let v = sarif_validator();
    let mut doc: Value =
        serde_json::from_str(&rendered(&fixture::report(Lang::En), Format::Sarif)).unwrap();
    let good = doc.clone();
    doc["runs"][0]["results"][0]["level"] = "critical".into();
    assert!(!v.is_valid(&doc));
    let mut doc = good.clone();
    doc["runs"][0]["results"][0]["locations"][0]["logicalLocations"][0]["index"] = (-2).into();
    assert!(!v.is_valid(&doc));
    let mut doc = good.clone();
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!v.is_valid(&doc));
    let mut doc = good.clone();
    let waived = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r.get("suppressions").is_some())
        .unwrap();
    doc["runs"][0]["results"][waived]["suppressions"][0]["kind"] = "waiver".into();
    assert!(!v.is_valid(&doc));
    let mut doc = good;
    doc["runs"][0]["tool"]["driver"]["unknownField"] = true.into();
    assert!(!v.is_valid(&doc));
}

#[test]
fn sarif_carries_what_code_scanning_needs() {
    let r = fixture::report(Lang::En);
    let doc: Value = serde_json::from_str(&rendered(&r, Format::Sarif)).unwrap();
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), r.findings.len());
    for res in results {
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        let sev: f64 = rules[idx]["properties"]["security-severity"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((0.0..=10.0).contains(&sev));
        // The account is the location that means something; the physical
        // anchor is only there because code scanning rejects results without.
        let loc = &res["locations"][0];
        assert_eq!(
            loc["physicalLocation"]["artifactLocation"]["uri"],
            ".github/binance-audit.toml"
        );
        assert_eq!(loc["physicalLocation"]["region"]["startLine"], 1);
        assert_eq!(
            loc["logicalLocations"][0]["fullyQualifiedName"],
            "account/default"
        );
        assert_eq!(loc["logicalLocations"][0]["name"], "default");
        assert_eq!(
            res["partialFingerprints"]["primaryLocationLineHash"],
            res["partialFingerprints"]["binanceAuditFinding/v1"]
        );
        let fp = res["partialFingerprints"]["binanceAuditFinding/v1"]
            .as_str()
            .unwrap();
        assert_eq!(fp.len(), 64);
    }
    let sev_of = |id: &str| {
        rules.iter().find(|r| r["id"] == id).unwrap()["properties"]["security-severity"].clone()
    };
    assert_eq!(sev_of("BA-DRF-001"), "9.5");
    assert_eq!(sev_of("BA-DRF-006"), "5.5");
    // The waived finding is suppressed, not dropped.
    let waived = results
        .iter()
        .find(|r| r["ruleId"] == "BA-API-902")
        .unwrap();
    assert_eq!(waived["suppressions"][0]["status"], "accepted");
    assert_eq!(waived["baselineState"], "new");
    let existing = results
        .iter()
        .find(|r| r["ruleId"] == "BA-2FA-901")
        .unwrap();
    assert_eq!(existing["baselineState"], "unchanged");
}

#[test]
fn fingerprints_are_stable_and_ignore_volatile_text() {
    let a = fixture::report(Lang::En);
    let b = fixture::report(Lang::Ja);
    let fps = |r: &Report| -> Vec<(String, String)> {
        let mut v: Vec<_> = r
            .findings
            .iter()
            .map(|f| (f.id.clone(), f.fingerprint.clone()))
            .collect();
        v.sort();
        v
    };
    // Same state in another language: same identities.
    assert_eq!(fps(&a), fps(&b));
    // A volatile value (the key's age) changes: the identity does not.
    let mut facts = fixture::facts();
    facts.observe("api.key_age_days", 500);
    let (rules, baseline) = (fixture::rules(), fixture::baseline());
    let c = fixture::build(fixture::Options {
        lang: Lang::En,
        baseline: Some(&baseline),
        waivers: &[],
        facts: &facts,
        rules: &rules,
    });
    assert_eq!(fps(&a), fps(&c));
    // A different address is a different alert.
    facts.observe(
        "withdrawal.not_whitelisted",
        vec![fixture::address(
            "ETH",
            "other",
            "0x99…01",
            "fp-other",
            false,
        )],
    );
    let d = fixture::build(fixture::Options {
        lang: Lang::En,
        baseline: Some(&baseline),
        waivers: &[],
        facts: &facts,
        rules: &rules,
    });
    let wdr = |r: &Report| {
        r.findings
            .iter()
            .find(|f| f.id == "BA-WDR-901")
            .unwrap()
            .fingerprint
            .clone()
    };
    assert_ne!(wdr(&a), wdr(&d));
    // Unique per finding.
    let mut all: Vec<String> = a.findings.iter().map(|f| f.fingerprint.clone()).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), a.findings.len());
}

/// A tiny XML well-formedness checker: enough to prove the JUnit output is
/// balanced, quoted and escaped, and to read it back.
mod xml {
    #[derive(Debug, Default)]
    pub struct Element {
        pub name: String,
        pub attrs: Vec<(String, String)>,
        pub children: Vec<Element>,
        pub text: String,
    }

    impl Element {
        pub fn attr(&self, k: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.as_str())
        }
        pub fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
            for c in &self.children {
                if c.name == name {
                    out.push(c);
                }
                c.all(name, out);
            }
        }
    }

    fn unescape(s: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').ok_or("unterminated entity")? + i;
            out.push(match &rest[i + 1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                other => return Err(format!("unknown entity &{other};")),
            });
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        if out
            .chars()
            .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        {
            return Err("control character".into());
        }
        Ok(out)
    }

    fn name_ok(n: &str) -> bool {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
    }

    pub fn parse(doc: &str) -> Result<Element, String> {
        let doc = doc
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .ok_or("no XML declaration")?;
        let mut stack: Vec<Element> = vec![Element::default()];
        let mut rest = doc;
        while !rest.is_empty() {
            let lt = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..lt];
            if text.contains('>') {
                return Err(format!("bare > in text: {text:?}"));
            }
            let t = unescape(text)?;
            stack.last_mut().unwrap().text.push_str(&t);
            rest = &rest[lt..];
            if rest.is_empty() {
                break;
            }
            let gt = rest.find('>').ok_or("unterminated tag")?;
            let tag = &rest[1..gt];
            rest = &rest[gt + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let el = stack.pop().ok_or("close without open")?;
                if el.name != name {
                    return Err(format!("</{name}> closes <{}>", el.name));
                }
                stack.last_mut().ok_or("unbalanced")?.children.push(el);
                continue;
            }
            let (body, selfclose) = match tag.strip_suffix('/') {
                Some(b) => (b, true),
                None => (tag, false),
            };
            let mut el = Element::default();
            let (name, mut attrs) = body.split_once(' ').unwrap_or((body, ""));
            if !name_ok(name) {
                return Err(format!("bad element name {name:?}"));
            }
            el.name = name.into();
            loop {
                attrs = attrs.trim_start();
                if attrs.is_empty() {
                    break;
                }
                let eq = attrs
                    .find("=\"")
                    .ok_or(format!("bad attribute in <{name}>"))?;
                let key = &attrs[..eq];
                if !name_ok(key) {
                    return Err(format!("bad attribute name {key:?}"));
                }
                let after = &attrs[eq + 2..];
                let close = after.find('"').ok_or("unterminated attribute")?;
                let raw = &after[..close];
                if raw.contains('<') {
                    return Err("< in attribute".into());
                }
                if el.attr(key).is_some() {
                    return Err(format!("duplicate attribute {key}"));
                }
                el.attrs.push((key.into(), unescape(raw)?));
                attrs = &after[close + 1..];
            }
            if selfclose {
                stack.last_mut().unwrap().children.push(el);
            } else {
                stack.push(el);
            }
        }
        let mut root = stack.pop().ok_or("empty")?;
        if !stack.is_empty() {
            return Err(format!("unclosed <{}>", root.name));
        }
        if root.children.len() != 1 || !root.text.trim().is_empty() {
            return Err("a document needs exactly one root element".into());
        }
        Ok(root.children.remove(0))
    }

    #[test]
    fn checker_rejects_broken_xml() {
        let d = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        assert!(parse(&format!("{d}<a><b></a></b>")).is_err());
        assert!(parse(&format!("{d}<a x=\"1 < 2\"/>")).is_err());
        assert!(parse(&format!("{d}<a>fish & chips</a>")).is_err());
        assert!(parse(&format!("{d}<a/><b/>")).is_err());
        assert!(parse(&format!("{d}<a x=\"&lt;\">&amp;</a>")).is_ok());
    }
}

#[test]
fn junit_is_well_formed_and_counts_add_up() {
    let r = fixture::report(Lang::En);
    let doc = rendered(&r, Format::Junit);
    let root = xml::parse(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    assert_eq!(root.name, "testsuites");
    // The Ant JUnit schema: yyyy-mm-ddThh:mm:ss, no zone designator.
    let ts = root.children[0].attr("timestamp").unwrap();
    let shape: String = ts
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    assert_eq!(shape, "9999-99-99T99:99:99", "{ts}");
    let mut cases = Vec::new();
    root.all("testcase", &mut cases);
    assert_eq!(cases.len(), r.coverage.total, "one test case per rule");
    let with = |child: &str| {
        cases
            .iter()
            .filter(|c| c.children.iter().any(|e| e.name == child))
            .count()
    };
    let waived = r.findings.iter().filter(|f| f.waived.is_some()).count();
    assert_eq!(with("failure"), r.findings.len() - waived);
    assert_eq!(with("skipped"), r.not_checked.len() + waived);
    assert_eq!(root.attr("tests"), Some(cases.len().to_string().as_str()));
    assert_eq!(
        root.attr("failures"),
        Some(with("failure").to_string().as_str())
    );
    // The markup-shaped address name survives as text.
    assert!(doc.contains("&lt;b&gt;"), "{doc}");
    let skipped: Vec<&str> = cases
        .iter()
        .flat_map(|c| c.children.iter())
        .filter(|e| e.name == "skipped")
        .filter_map(|e| e.attr("message"))
        .collect();
    assert!(
        skipped.iter().any(|m| m.starts_with("waived: bot key")),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|m| m.starts_with("not checked: offline")),
        "{skipped:?}"
    );
}

#[test]
fn markdown_does_not_turn_outside_text_into_links() {
    let md = rendered(&fixture::report(Lang::En), Format::Markdown);
    assert!(
        !md.contains("](https://evil.example)") || md.contains("`"),
        "{md}"
    );
    for line in md.lines().filter(|l| l.contains("evil.example")) {
        assert!(
            line.contains('`'),
            "outside text must sit in a code span: {line}"
        );
    }
    // Tables stay tables: every row of the change table has 3 cells.
    for line in md.lines().filter(|l| l.contains("restore account")) {
        if line.starts_with('|') {
            let cells = line.replace("\\|", "").matches('|').count();
            assert_eq!(cells, 4, "{line}");
        }
    }
}

// ---- the binary: --output, stdout, GITHUB_STEP_SUMMARY ----

#[test]
fn outputs_are_written_in_each_format_with_private_mode() {
    let home = tempfile::tempdir().unwrap();
    let d = home.path();
    let out = Run::new()
        .home(d)
        .current_dir(d)
        .args(["--offline", "--password-stdin"])
        .args([
            "--output",
            "sarif=r.sarif",
            "--output",
            "junit=r.xml",
            "-o",
            "markdown=r.md",
            "-o",
            "json=r.json",
        ])
        .stdin("abc123\n")
        .run();
    let stdout = &out.code(0).stdout;
    assert!(
        stdout.contains("security report"),
        "text still goes to stdout: {stdout}"
    );
    let sarif = json_file(d.join("r.sarif"));
    assert_valid(&sarif_validator(), &sarif);
    let json = json_file(d.join("r.json"));
    assert_eq!(json["schema_version"], 1);
    xml::parse(&std::fs::read_to_string(d.join("r.xml")).unwrap()).unwrap();
    assert!(
        std::fs::read_to_string(d.join("r.md"))
            .unwrap()
            .starts_with("## binance-audit")
    );
    #[cfg(unix)]
    for f in ["r.sarif", "r.xml", "r.md", "r.json"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d.join(f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{f}");
    }
}

#[test]
fn a_bare_output_path_takes_the_main_report_off_stdout() {
    let home = tempfile::tempdir().unwrap();
    let d = home.path();
    let out = Run::new()
        .home(d)
        .current_dir(d)
        .args([
            "--offline",
            "--password-stdin",
            "--format",
            "junit",
            "--output",
            "report.xml",
        ])
        .stdin("abc123\n")
        .run();
    assert_eq!(out.code(0).stdout, "", "{out}");
    let xml = std::fs::read_to_string(d.join("report.xml")).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
}

#[test]
fn step_summary_is_appended_under_github_actions() {
    let home = tempfile::tempdir().unwrap();
    let d = home.path();
    let summary = d.join("summary.md");
    std::fs::write(&summary, "# earlier step\n").unwrap();
    Run::new()
        .home(d)
        .current_dir(d)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("CI", "true")
        .args(["--offline", "--format", "json"])
        .run()
        .code(0);
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("# earlier step\n## binance-audit security report"),
        "{text}"
    );
}

#[test]
fn unattended_runs_never_prompt_and_show_no_spinner() {
    let home = tempfile::tempdir().unwrap();
    let d = home.path();
    // No terminal on stdin, CI set: no prompt, no progress line, and the
    // skipped password check says why.
    let out = Run::new()
        .home(d)
        .ci()
        .args(["--offline", "--format", "json"])
        .run();
    let stderr = &out.code(0).stderr;
    assert!(
        !stderr.contains('\r') && !stderr.contains('\x1b') && !stderr.contains("password"),
        "{stderr:?}"
    );
    let json = out.json();
    let pw = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "password")
        .unwrap();
    assert_eq!(pw["state"], "skipped");
    let detail = pw["detail"].as_str().unwrap();
    assert!(
        detail.contains("unattended") && detail.contains("CI secret"),
        "{detail}"
    );
}

#[test]
fn json_with_waivers_baseline_and_drift_validates_against_the_report_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let v = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let doc: Value =
        serde_json::from_str(&rendered(&fixture::report(Lang::En), Format::Json)).unwrap();
    for key in ["waivers", "baseline", "config_file"] {
        assert!(doc.get(key).is_some(), "fixture lacks {key}");
    }
    let errors: Vec<String> = v
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The schema knows the new fields: a wrong value is caught.
    let mut bad = doc.clone();
    bad["findings"][0]["baseline"] = "maybe".into();
    assert!(!v.is_valid(&bad));
    let mut bad = doc;
    bad["waivers"][0]["status"] = "ignored".into();
    assert!(!v.is_valid(&bad));
}

#[test]
fn several_profiles_make_one_sarif_log_and_one_junit_document() {
    let mut a = fixture::report(Lang::En);
    let mut b = fixture::report(Lang::En);
    a.profile = Some("main".into());
    b.profile = Some("bot".into());
    let reports = [a, b];
    let doc: Value =
        serde_json::from_str(&binance_audit::report::sarif::render_many(&reports)).unwrap();
    assert_valid(&sarif_validator(), &doc);
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["automationDetails"]["id"], "binance-audit/main/");
    assert_eq!(runs[1]["automationDetails"]["id"], "binance-audit/bot/");
    let fqn = |run: &Value| {
        run["results"][0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].clone()
    };
    assert_eq!(fqn(&runs[0]), "account/main");
    assert_eq!(fqn(&runs[1]), "account/bot");
    let junit = binance_audit::report::junit::render_many(&reports);
    let root = xml::parse(&junit).unwrap_or_else(|e| panic!("{e}"));
    let suites: Vec<_> = root
        .children
        .iter()
        .filter(|c| c.name == "testsuite")
        .collect();
    assert_eq!(suites.len(), 2);
    assert_eq!(suites[1].attr("name"), Some("binance-audit [bot]"));
    let per: usize = suites
        .iter()
        .map(|s| s.attr("tests").unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(root.attr("tests").unwrap().parse::<usize>().unwrap(), per);
    let md = binance_audit::report::markdown::render_many(&reports);
    assert_eq!(md.matches("## binance-audit security report").count(), 2);
}

#[test]
fn stdin_list_refuses_formats_it_cannot_write_before_any_lookup() {
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .args(["password", "--stdin-list", "--output", "sarif=list.sarif"])
        .stdin("one\ntwo\n")
        .run();
    out.code(2);
    let err = out.stderr.as_str();
    assert!(err.contains("text or json"), "{err}");
    assert!(!home.path().join("list.sarif").exists());
}

#[test]
fn unattended_password_command_fails_fast_instead_of_prompting() {
    let home = tempfile::tempdir().unwrap();
    let out = Run::new()
        .home(home.path())
        .env("CI", "true")
        .args(["password", "--offline"])
        .timeout(std::time::Duration::from_secs(20))
        .run();
    out.code(2);
    let err = out.stderr.as_str();
    assert!(err.contains("--password-stdin"), "{err}");
    assert!(!err.contains("(not shown"), "a prompt was shown: {err}");
}
