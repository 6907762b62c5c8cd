//! `--help` and clap's usage errors in the reader's language: every command
//! the English help lists, asked for its help under `--lang ja`, holds no run
//! of English words (the `english-runs` count, as in japanese.rs); usage
//! errors are Japanese and exit 2; the language is found before clap parses
//! (flag, variable, config, locale).

use crate::common::Run;
use crate::japanese::english_runs;

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The names a help text lists under its commands heading (`help` aside).
fn listed_commands(help: &str, heading: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim_end() != heading)
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect()
}

/// Every command path, found from the English help of the root and of each
/// command in turn (so a new command is covered without naming it here).
fn command_paths() -> Vec<Vec<String>> {
    let h = home();
    let mut paths = vec![Vec::new()];
    let mut i = 0;
    while i < paths.len() {
        let path: Vec<String> = paths[i].clone();
        let mut args = path.clone();
        args.push("--help".into());
        let out = Run::new().home(h.path()).args(&args).run();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        for sub in listed_commands(&out.stdout, "Commands:") {
            let mut p = path.clone();
            p.push(sub);
            paths.push(p);
        }
        i += 1;
    }
    paths
}

/// The English runs of a help text. Example command lines are taken out
/// first: the review tool means not to count them ("command lines
/// (binance-audit ...)"), but it blanks the proper name `binance-audit`
/// before it looks for lines that start with it, so the arguments of an
/// example (`rules show BA-PWD-001`) would count as English words.
fn runs(text: &str) -> Vec<String> {
    let commands: String = text
        .lines()
        .filter(|l| !is_command_line(l))
        .map(|l| format!("{l}\n"))
        .collect();
    english_runs(&commands)
}

/// An example command: `binance-audit …`, optionally after `VAR=value`
/// assignments or a pipe from `echo`, `printf` or `pbpaste`, or the
/// continuation of one (an indented line after a line ending in `\`).
fn is_command_line(line: &str) -> bool {
    let mut words = line.split_whitespace().skip_while(|w| {
        w.contains('=') && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
    });
    let first = words.next().unwrap_or("");
    first == "binance-audit"
        || (["echo", "printf", "pbpaste"].contains(&first) && line.contains("| binance-audit"))
}

fn japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF))
}

#[test]
fn every_command_help_is_japanese_under_lang_ja() {
    let h = home();
    let paths = command_paths();
    // The root, its commands and the commands of `rules` and `config`.
    assert!(paths.len() >= 15, "{paths:?}");
    for path in &paths {
        for flag in ["--help", "-h"] {
            let mut args = vec!["--lang".to_string(), "ja".into()];
            args.extend(path.iter().cloned());
            args.push(flag.into());
            let out = Run::new().home(h.path()).args(&args).run();
            assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
            let mut text = String::new();
            let mut continued = false;
            for line in out.stdout.lines() {
                // A continued example line belongs to the command above it.
                let command = is_command_line(line) || continued;
                continued = command && line.ends_with('\\');
                if !command {
                    text.push_str(line);
                    text.push('\n');
                }
            }
            let runs = runs(&text);
            assert!(
                runs.is_empty(),
                "{args:?} has English: {runs:?}\n{}",
                out.stdout
            );
            assert!(out.stdout.contains("使い方："), "{args:?}: {}", out.stdout);
            // Every line fits the 80 columns the run is given.
            for line in out.stdout.lines() {
                let cols: usize = line
                    .chars()
                    .map(|c| if japanese(&c.to_string()) { 2 } else { 1 })
                    .sum();
                assert!(cols <= 80, "{args:?}: {cols} columns: {line}");
            }
        }
    }
    // The commands listed in Japanese are the ones listed in English.
    let ja = Run::new()
        .home(h.path())
        .args(["--lang", "ja", "--help"])
        .run();
    let en = Run::new().home(h.path()).arg("--help").run();
    assert_eq!(
        listed_commands(&ja.stdout, "コマンド:"),
        listed_commands(&en.stdout, "Commands:")
    );
}

#[test]
fn english_help_has_no_japanese() {
    let h = home();
    for path in command_paths() {
        let mut args = path.clone();
        args.push("--help".into());
        let out = Run::new().home(h.path()).args(&args).run();
        assert!(!japanese(&out.stdout), "{args:?}: {}", out.stdout);
        assert!(out.stdout.contains("Usage:"), "{args:?}");
    }
}

#[test]
fn usage_errors_are_japanese_and_exit_2() {
    let h = home();
    let cases: &[&[&str]] = &[
        &["audit", "--format", "xml"],
        &["audit", "--bogus"],
        &["nosuchcommand"],
        &["audit", "--fail-on"],
        &["rules", "show"],
        &["--timeout", "0"],
        &["--timeout", "abc"],
        &["--min-score", "101"],
        &["--output", "josn=r.json"],
        &["setup", "--two-factor", "yubi"],
        &["audit", "--verbose", "--quiet"],
        &["--fail-on-new"],
        &["incident", "breach", "--mark", "x"],
        &["--fail-on", "high", "audit"],
        &["--fail-on", "high", "url", "x"],
        &["audit", "--fomat", "json"],
    ];
    for case in cases {
        let mut args = vec!["--lang", "ja"];
        args.extend_from_slice(case);
        let out = Run::new().home(h.path()).args(&args).run();
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
        let err = &out.stderr;
        assert!(err.starts_with("エラー："), "{args:?}: {err}");
        assert!(err.contains("詳しくは「--help」をご覧ください。"), "{err}");
        let runs = english_runs(err);
        assert!(runs.is_empty(), "{args:?} has English: {runs:?}\n{err}");
    }
    // The usage line stays, under its Japanese heading.
    Run::new()
        .home(h.path())
        .args(["--lang", "ja", "audit", "--bogus"])
        .run()
        .code(2)
        .stderr_has("使い方：binance-audit audit [OPTIONS]")
        .stderr_has("「--bogus」");
    // A missing subcommand shows the command's help, in Japanese.
    let out = Run::new()
        .home(h.path())
        .args(["--lang", "ja", "rules"])
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("コマンド:"), "{}", out.stderr);
    assert!(english_runs(&out.stderr).is_empty(), "{}", out.stderr);
}

#[test]
fn the_language_is_known_before_clap_parses() {
    let h = home();
    let is_ja = |out: &crate::common::Outcome| out.stdout.contains("使い方：");
    // The locale alone.
    let out = Run::new()
        .home(h.path())
        .env("LANG", "ja_JP.UTF-8")
        .args(["audit", "--help"])
        .run();
    assert!(is_ja(&out), "{}", out.stdout);
    // The variable, and `--lang=` written with an equals sign.
    let out = Run::new()
        .home(h.path())
        .env("BINANCE_AUDIT_LANG", "ja")
        .arg("--help")
        .run();
    assert!(is_ja(&out), "{}", out.stdout);
    let out = Run::new()
        .home(h.path())
        .args(["status", "--lang=ja", "--help"])
        .run();
    assert!(is_ja(&out), "{}", out.stdout);
    // The flag beats the locale.
    let out = Run::new()
        .home(h.path())
        .env("LANG", "ja_JP.UTF-8")
        .args(["--lang", "en", "--help"])
        .run();
    assert!(out.stdout.contains("Usage:") && !japanese(&out.stdout));
    // The config's `lang`, from --config and from the default path.
    let cfg = h.path().join("ja.toml");
    std::fs::write(&cfg, "lang = \"ja\"\n").unwrap();
    let out = Run::new()
        .home(h.path())
        .args(["--config", cfg.to_str().unwrap(), "url", "--help"])
        .run();
    assert!(is_ja(&out), "{}", out.stdout);
    let dir = h.path().join(".config").join("binance-audit");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "lang = \"ja\"\n").unwrap();
    let out = Run::new().home(h.path()).arg("--help").run();
    assert!(is_ja(&out), "{}", out.stdout);
    // And a usage error under the locale alone.
    let out = Run::new()
        .home(home().path())
        .env("LANG", "ja_JP.UTF-8")
        .args(["audit", "--format", "xml"])
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("エラー："), "{}", out.stderr);
}

#[test]
fn version_and_japanese_man_pages_and_completions_still_work() {
    let h = home();
    Run::new()
        .home(h.path())
        .args(["--lang", "ja", "--version"])
        .run()
        .code(0)
        .stdout_has("binance-audit ");
    Run::new()
        .home(h.path())
        .args(["--lang", "ja", "man"])
        .run()
        .code(0)
        .stdout_has(".TH binance-audit")
        .stdout_has("セキュリティ自己診断");
    Run::new()
        .home(h.path())
        .args(["--lang", "ja", "completions", "bash"])
        .run()
        .code(0)
        .stdout_has("binance-audit");
    Run::new()
        .home(h.path())
        .args(["--lang", "ja", "help", "audit"])
        .run()
        .code(0)
        .stdout_has("使い方：binance-audit audit");
}
