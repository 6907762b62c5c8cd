//! `binance-audit incident KIND`: playbooks in both languages and formats,
//! and the checklist log (written 0600, resumed across runs).

use crate::common::{Outcome, TempHome, json_file};
use binance_audit::incident::playbook::{Kind, builtin};

/// `binance-audit incident ARGS…` in `home`, wide: these tests find whole
/// sentences; the 80-column layout is tested in report_text.rs.
fn incident(home: &TempHome, args: &[&str]) -> Outcome {
    home.run()
        .env("COLUMNS", "1000")
        .arg("incident")
        .args(args)
        .run()
}

#[test]
fn every_playbook_prints_in_english_and_japanese() {
    let home = TempHome::new();
    for kind in Kind::ALL {
        let p = builtin(kind).unwrap();
        let o = incident(&home, &[kind.as_str(), "--lang", "en"]);
        let en = &o.stdout;
        o.code(0);
        let o = incident(&home, &[kind.as_str(), "--lang", "ja"]);
        let ja = &o.stdout;
        o.code(0);
        assert!(en.starts_with(&p.title.en), "{kind}: {en}");
        assert!(ja.starts_with(&p.title.ja), "{kind}: {ja}");
        for (i, s) in p.steps.iter().enumerate() {
            let n = format!("{:>2}/{} ", i + 1, p.steps.len());
            assert!(
                en.contains(&n) && en.contains(&s.title.en),
                "{kind}/{}",
                s.id
            );
            assert!(
                en.contains(&s.why.en) && en.contains(&s.place.en),
                "{kind}/{}",
                s.id
            );
            assert!(
                ja.contains(&s.title.ja) && ja.contains(&s.why.ja),
                "{kind}/{}",
                s.id
            );
            assert!(
                !ja.contains(&s.title.en),
                "{kind}/{}: English in ja output",
                s.id
            );
        }
        // The official channels close every playbook.
        assert!(
            en.contains("https://www.binance.com/en/official-verification"),
            "{kind}"
        );
        assert!(ja.contains("公式チャネル"), "{kind}");
        assert!(en.contains(&format!("binance-audit incident {kind} --checklist")));
    }
}

#[test]
fn language_follows_the_locale() {
    let home = TempHome::new();
    let out = home
        .run()
        .env("LANG", "ja_JP.UTF-8")
        .args(["incident", "support"])
        .run();
    let text = &out.code(0).stdout;
    assert!(text.starts_with("Binanceサポートへの問い合わせ"), "{text}");
}

#[test]
fn json_and_markdown_formats() {
    let home = TempHome::new();
    let o = incident(&home, &["breach", "--format", "json", "--lang", "ja"]);
    o.code(0);
    let v = o.json();
    let p = builtin(Kind::Breach).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["kind"], "breach");
    assert_eq!(v["lang"], "ja");
    let steps = v["steps"].as_array().unwrap();
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, p.step_ids());
    assert_eq!(steps[0]["urgency"], "now");
    assert_eq!(steps[0]["title"], p.steps[0].title.ja.as_str());
    assert!(steps.iter().all(|s| s["state"].is_null()));
    assert!(v["log"].is_null(), "no log yet");
    assert!(!v["channels"].as_array().unwrap().is_empty());

    let o = incident(&home, &["outage", "--format", "markdown"]);
    let md = &o.stdout;
    o.code(0);
    assert!(md.starts_with("# Outage"), "{md}");
    assert_eq!(
        md.matches("- [ ] **").count(),
        builtin(Kind::Outage).unwrap().steps.len()
    );
    assert!(md.contains("`binance-audit status`"), "{md}");
}

#[test]
fn checklist_marks_resume_and_the_log_is_private() {
    let home = TempHome::new();
    let log = home.join("case/breach-log.json");
    let log_s = log.to_str().unwrap();
    let p = builtin(Kind::Breach).unwrap();
    let (s1, s2, s3) = (&p.steps[0].id, &p.steps[1].id, &p.steps[2].id);

    let o = incident(
        &home,
        &["breach", "--log", log_s, "--mark", &format!("{s1}=done")],
    );
    let out = &o.stdout;
    o.code(0);
    assert!(
        out.contains(&format!("1 of {} steps recorded", p.steps.len())),
        "{out}"
    );
    assert!(
        out.contains(&format!("Next: 2. {}", p.steps[1].title.en)),
        "{out}"
    );

    let o = incident(
        &home,
        &["breach", "--log", log_s, "--mark", &format!("{s2}=skipped")],
    );
    let out = &o.stdout;
    o.code(0);
    assert!(out.contains("2 of"), "{out}");
    assert!(
        out.contains(&format!("Next: 3. {}", p.steps[2].title.en)),
        "{out}"
    );

    let v = json_file(&log);
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "the first record survived the second run");
    assert_eq!(entries[0]["step"], s1.as_str());
    assert_eq!(entries[0]["state"], "done");
    assert_eq!(entries[1]["state"], "skipped");
    let at = entries[1]["at"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");

    // The playbook view shows the recorded state from the same log.
    let o = incident(&home, &["breach", "--log", log_s, "--format", "json"]);
    let v = o.json();
    assert_eq!(v["steps"][0]["state"], "done");
    assert_eq!(v["steps"][1]["state"], "skipped");
    assert!(v["steps"][2]["state"].is_null());
    assert_eq!(v["log"], log_s);
    let o = incident(&home, &["breach", "--log", log_s]);
    let out = &o.stdout;
    assert!(out.contains("(done "), "{out}");
    assert!(out.contains(&format!("[{s3}]")), "{out}");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = std::fs::metadata(log.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode, 0o700);
    }
}

#[test]
fn default_log_lives_in_the_data_dir() {
    let home = TempHome::new();
    let o = incident(&home, &["account", "--mark", "use-official-app=done"]);
    let out = &o.stdout;
    o.code(0);
    let expected = home.join(".local/share/binance-audit/incidents/account.json");
    assert!(expected.is_file(), "{out}");
    assert!(out.contains(expected.to_str().unwrap()), "{out}");
}

#[test]
fn checklist_without_a_terminal_points_to_mark() {
    let home = TempHome::new();
    let o = incident(&home, &["trade", "--checklist"]);
    let err = &o.stderr;
    o.code(2);
    assert!(err.contains("--mark STEP=done"), "{err}");
    assert!(err.contains("cancel-open-orders"), "{err}");
    assert!(
        !home.join(".local/share/binance-audit").exists(),
        "nothing written when refusing"
    );
}

#[test]
fn bad_marks_and_logs_are_clear_errors_and_change_nothing() {
    let home = TempHome::new();
    let log = home.join("l.json");
    let log_s = log.to_str().unwrap();
    let o = incident(&home, &["trade", "--log", log_s, "--mark", "nope=done"]);
    let err = &o.stderr;
    o.code(2);
    assert!(err.contains("no step \"nope\""), "{err}");
    assert!(!log.exists());

    let o = incident(&home, &["trade", "--mark", "stop-bots=maybe"]);
    let err = &o.stderr;
    o.code(2);
    assert!(err.contains("done or skipped"), "{err}");

    std::fs::write(&log, "{ not json").unwrap();
    let o = incident(
        &home,
        &["trade", "--log", log_s, "--mark", "stop-bots=done"],
    );
    let err = &o.stderr;
    o.code(2);
    assert!(err.contains("not valid"), "{err}");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "{ not json");
    // A broken log never hides the playbook itself.
    let o = incident(&home, &["trade", "--log", log_s]);
    let out = &o.stdout;
    let err = &o.stderr;
    o.code(0);
    assert!(out.contains("Cancel open orders"), "{out}");
    assert!(err.contains("warning"), "{err}");

    // A log of another playbook is refused.
    let o = incident(
        &home,
        &["outage", "--log", log_s, "--mark", "run-status=done"],
    );
    o.code(2);
}

#[test]
fn evidence_flags_are_checked_before_anything_runs() {
    let home = TempHome::new();
    let o = incident(&home, &["breach", "--since", "2026-11-20T00:00Z"]);
    let err = &o.stderr;
    o.code(2);
    assert!(err.contains("--out"), "{err}");
    let o = incident(&home, &["breach", "--until", "2026-11-20T00:00Z"]);
    o.code(2);
}

#[test]
fn a_rules_dir_can_replace_a_playbook() {
    let home = TempHome::new();
    let dir = home.join("r/playbooks");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("support.toml"),
        "id = \"support\"\ntitle = { en = \"Our desk\", ja = \"窓口\" }\nsummary = { en = \"s\", ja = \"す\" }\n[[step]]\nid = \"call\"\nurgency = \"now\"\ntitle = { en = \"Call the desk\", ja = \"電話\" }\nwhy = { en = \"w\", ja = \"わ\" }\nwhere = { en = \"p\", ja = \"ぷ\" }\n",
    )
    .unwrap();
    let rules = home.join("r");
    let o = incident(&home, &["support", "--rules", rules.to_str().unwrap()]);
    let out = &o.stdout;
    o.code(0);
    assert!(
        out.starts_with("Our desk") && out.contains("Call the desk"),
        "{out}"
    );
    std::fs::write(dir.join("support.toml"), "id = \"support\"\ntitle = 1\n").unwrap();
    let o = incident(&home, &["support", "--rules", rules.to_str().unwrap()]);
    let err = &o.stderr;
    o.code(2);
    assert!(err.contains("support.toml:2:"), "{err}");
}

/// The official channels the playbooks and `status` point people to must be
/// what the link checker (rules/domains.toml) calls official: one source of truth.
#[test]
fn playbook_channels_are_official_to_the_link_checker() {
    use binance_audit::url::{VerdictKind, analyse};
    let channels = binance_audit::incident::playbook::official_channels();
    assert!(!channels.is_empty());
    for c in channels {
        let v = analyse(&c.url);
        assert_eq!(
            v.verdict,
            VerdictKind::Official,
            "{} is not official to `binance-audit url`: {:?}",
            c.url,
            v.reasons
        );
    }
}

/// "Run:" lines suggest the last week, relative to today, in every format:
/// a fixed date would be wrong for every incident but one.
#[test]
fn run_lines_use_a_date_relative_to_today() {
    let home = TempHome::new();
    let since = (chrono::Utc::now().date_naive() - chrono::Duration::days(7))
        .format("--since %Y-%m-%dT00:00Z")
        .to_string();
    for kind in ["breach", "trade", "outage", "support"] {
        for format in ["text", "markdown", "json"] {
            let o = incident(&home, &[kind, "--format", format]);
            o.code(0);
            let out = &o.stdout;
            assert!(out.contains(&since), "{kind} {format}: {out}");
            assert!(
                !out.contains("{since}") && !out.contains("2026-11-20T00:00Z"),
                "{kind} {format}: {out}"
            );
        }
    }
}
