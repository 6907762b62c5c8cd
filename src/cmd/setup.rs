//! `binance-audit setup`: the questions no Binance API can answer (second
//! factors, anti-phishing code, whitelist switch, devices, the email account),
//! asked in English or Japanese, or given as flags, and written as a dated
//! `[declared]` section into the config — in place, keeping the rest of the
//! file and its comments.

use std::io::{BufRead, Write};
use std::path::Path;

use chrono::{NaiveDate, Utc};

use super::error::Error;
use super::exit::Exit;
use super::{output, session};
use crate::cli::{GlobalArgs, SetupArgs, TwoFactorMethod, YesNo};
use crate::config;
use crate::declare::{Answer, Answers, Merged, Outcome, merge, render};
use crate::i18n::{Lang, Msg};
use crate::t;

/// Number and config name; the label is `shell-setup-method-NAME`.
const METHODS: &[(&str, &str)] = &[
    ("1", "authenticator"),
    ("2", "passkey"),
    ("3", "security_key"),
    ("4", "sms"),
    ("5", "email"),
];

/// The yes/no questions by config name; each asks `shell-setup-ask-NAME`.
const QUESTIONS: &[&str] = &[
    "anti_phishing_code",
    "withdrawal_whitelist",
    "devices_reviewed",
    "email_two_factor",
    "email_unique_password",
];

/// At most this many unreadable answers to one question before giving up.
const MAX_TRIES: usize = 5;

fn read_answer(input: &mut impl BufRead, lang: Lang) -> Result<String, String> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) => Err(t!(lang, "shell-setup-cancelled")),
        Ok(_) => Ok(line.trim().to_string()),
        Err(e) => Err(t!(
            lang,
            "shell-setup-cannot-read-answer",
            reason = crate::files::io_msg(&e)
        )),
    }
}

/// "I don't know", in the ways people type it.
fn is_not_sure(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "?" | "？"
            | "not sure"
            | "not-sure"
            | "unsure"
            | "dk"
            | "don't know"
            | "dont know"
            | "わからない"
            | "分からない"
            | "不明"
    )
}

fn parse_yes_no(s: &str) -> Option<Answer> {
    if is_not_sure(s) {
        return Some(Answer::NotSure);
    }
    match s.to_lowercase().as_str() {
        "y" | "yes" | "はい" | "ｙ" => Some(Answer::Flag(true)),
        "n" | "no" | "いいえ" | "ｎ" => Some(Answer::Flag(false)),
        _ => None,
    }
}

/// `"1,2"` or `"authenticator, sms"` → method names; `"0"`/`"none"` → none.
fn parse_methods(s: &str) -> Option<Vec<String>> {
    let s = s.replace(['、', '，'], ",");
    let mut out: Vec<String> = Vec::new();
    for part in s.split([',', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
        let lower = part.to_lowercase();
        if lower == "0" || lower == "none" || lower == "なし" {
            continue;
        }
        let name = METHODS
            .iter()
            .find(|(num, name)| *num == lower || *name == lower)
            .map(|(_, name)| *name)
            .or(match lower.as_str() {
                "security-key" | "yubikey" => Some("security_key"),
                _ => None,
            })?;
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    let said_none = s
        .split([',', ' '])
        .any(|p| matches!(p.trim().to_lowercase().as_str(), "0" | "none" | "なし"));
    if out.is_empty() && !said_none {
        return None;
    }
    if said_none && !out.is_empty() {
        return None;
    }
    Some(out)
}

/// `[current: yes]`-style suffix for a prompt, empty when nothing is recorded.
fn bracket(lang: Lang, current: Option<&Answer>) -> String {
    match current {
        Some(a) => t!(lang, "shell-setup-current", answer = a.show(lang)),
        None => String::new(),
    }
}

/// Ask every question; Enter keeps the recorded answer shown in brackets,
/// `?` means "not sure". Every answer is dated `today`: the user saw the
/// question and confirmed it.
pub fn ask(
    input: &mut impl BufRead,
    out: &mut impl Write,
    lang: Lang,
    config_path: &Path,
    recorded: &Answers,
    today: NaiveDate,
    width: usize,
) -> Result<Answers, String> {
    // Each question and menu filled to the terminal; the `> ` it ends with
    // stays where the answer is typed.
    let w = |out: &mut dyn Write, s: &str| -> Result<(), String> {
        let s = crate::text::wrap(s, 2, width);
        out.write_all(s.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| {
                t!(
                    lang,
                    "shell-setup-cannot-write-question",
                    kind = e.kind().to_string()
                )
            })
    };
    let mut intro = t!(
        lang,
        "shell-setup-intro",
        path = config_path.display().to_string()
    );
    intro.push('\n');
    if !recorded.is_empty() {
        intro.push_str(&t!(lang, "shell-setup-enter-keeps"));
        intro.push('\n');
    }
    intro.push('\n');
    w(out, &intro)?;

    let mut answers = Answers::default();
    let menu: Vec<String> = METHODS
        .iter()
        .map(|(n, name)| {
            format!(
                "{n} {}",
                Msg::keyed("shell-setup-method-", name).render(lang)
            )
        })
        .collect();
    let q = t!(lang, "shell-setup-ask-two-factor");
    let current = recorded.get("two_factor").map(|d| &d.answer);
    let mut tries = 0;
    let two_factor = loop {
        w(
            out,
            &format!(
                "{q}:\n  {}  0 {}  ? {}{}\n> ",
                menu.join("  "),
                t!(lang, "shell-answer-none"),
                t!(lang, "shell-answer-not-sure"),
                bracket(lang, current)
            ),
        )?;
        let a = read_answer(input, lang)?;
        if a.is_empty()
            && let Some(c) = current
        {
            break c.clone();
        }
        if is_not_sure(&a) {
            break Answer::NotSure;
        }
        if let Some(m) = parse_methods(&a) {
            break Answer::Methods(m);
        }
        tries += 1;
        if tries >= MAX_TRIES {
            return Err(t!(lang, "shell-setup-no-readable-answer"));
        }
        w(out, &format!("{}\n", t!(lang, "shell-setup-retry-methods")))?;
    };
    answers.set("two_factor", two_factor, today);

    for &key in QUESTIONS {
        let current = recorded.get(key).map(|d| &d.answer);
        let choices = t!(lang, "shell-setup-choices");
        let mut tries = 0;
        let value = loop {
            w(
                out,
                &format!(
                    "{}{choices}{}\n> ",
                    Msg::keyed("shell-setup-ask-", key).render(lang),
                    bracket(lang, current)
                ),
            )?;
            let a = read_answer(input, lang)?;
            if a.is_empty()
                && let Some(c) = current
            {
                break c.clone();
            }
            if let Some(v) = parse_yes_no(&a) {
                break v;
            }
            tries += 1;
            if tries >= MAX_TRIES {
                return Err(t!(lang, "shell-setup-no-readable-answer"));
            }
            w(out, &format!("{}\n", t!(lang, "shell-setup-retry-yes-no")))?;
        };
        answers.set(key, value, today);
    }
    Ok(answers)
}

/// Which Binance the account is at, asked after the declarations. Enter
/// (or the end of input) keeps what is recorded: the region is not a
/// declaration, and an old script that answers only those still works.
pub fn ask_region(
    input: &mut impl BufRead,
    out: &mut impl Write,
    lang: Lang,
    current: Option<&str>,
) -> Result<Option<String>, String> {
    let regions = crate::region::all();
    let menu: Vec<String> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{} {} ({})", i + 1, r.name, r.id))
        .collect();
    let keep = current.map_or(String::new(), |c| format!(" [{c}]"));
    for _ in 0..MAX_TRIES {
        let q = format!(
            "{}:\n  {}{keep}\n> ",
            t!(lang, "shell-setup-ask-region"),
            menu.join("  ")
        );
        out.write_all(q.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| {
                t!(
                    lang,
                    "shell-setup-cannot-write-question",
                    kind = e.kind().to_string()
                )
            })?;
        let a = match read_answer(input, lang) {
            Ok(a) => a,
            Err(_) => return Ok(None),
        };
        if a.is_empty() {
            return Ok(None);
        }
        let by_number = a
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| regions.get(i));
        if let Some(r) = by_number.or_else(|| crate::region::find(&a)) {
            return Ok(Some(r.id.clone()));
        }
        out.write_all(format!("{}\n", t!(lang, "shell-setup-retry-region")).as_bytes())
            .map_err(|e| {
                t!(
                    lang,
                    "shell-setup-cannot-write-question",
                    kind = e.kind().to_string()
                )
            })?;
    }
    Err(t!(lang, "shell-setup-no-readable-answer"))
}

/// The config text with `region = "…"` under `[binance]`, the rest kept.
fn set_region(text: &str, region: &str) -> Result<String, crate::declare::RenderError> {
    use toml_edit::{DocumentMut, Item, Table, value};
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        crate::declare::RenderError::NotToml(e.message().trim().replace('\n', " "))
    })?;
    if !doc.contains_key("binance") {
        doc.insert("binance", Item::Table(Table::new()));
    }
    let Some(t) = doc["binance"].as_table_like_mut() else {
        return Err(crate::declare::RenderError::NotATable);
    };
    t.insert("region", value(region));
    Ok(doc.to_string())
}

fn yes_no(v: YesNo) -> Answer {
    match v {
        YesNo::Yes => Answer::Flag(true),
        YesNo::No => Answer::Flag(false),
        YesNo::NotSure => Answer::NotSure,
    }
}

/// The answers given as flags, dated `today`.
fn answers_from_args(a: &SetupArgs, today: NaiveDate, lang: Lang) -> Result<Answers, String> {
    let mut out = Answers::default();
    if let Some(list) = &a.two_factor {
        let alone = [TwoFactorMethod::None, TwoFactorMethod::NotSure];
        if let Some(m) = alone.iter().find(|m| list.contains(m))
            && list.len() > 1
        {
            let m = m.config_name().replace('_', "-");
            return Err(t!(lang, "shell-setup-two-factor-alone", method = m));
        }
        if list.contains(&TwoFactorMethod::NotSure) {
            out.set("two_factor", Answer::NotSure, today);
        } else {
            let mut names: Vec<String> = Vec::new();
            for m in list.iter().filter(|m| **m != TwoFactorMethod::None) {
                let n = m.config_name().to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            out.set("two_factor", Answer::Methods(names), today);
        }
    }
    let flags = [
        ("anti_phishing_code", a.anti_phishing_code),
        ("withdrawal_whitelist", a.withdrawal_whitelist),
        ("devices_reviewed", a.devices_reviewed),
        ("email_two_factor", a.email_two_factor),
        ("email_unique_password", a.email_unique_password),
    ];
    for (key, v) in flags {
        if let Some(v) = v {
            out.set(key, yes_no(v), today);
        }
    }
    Ok(out)
}

/// What changed, one line per answered question, then what is still open.
fn summary(lang: Lang, path: &Path, recorded: &Answers, merged: &Merged) -> String {
    let mut msg = t!(lang, "shell-setup-wrote", path = path.display().to_string());
    msg.push('\n');
    for (key, outcome) in &merged.outcomes {
        let Some(now) = merged.answers.get(key) else {
            continue;
        };
        let shown = now.answer.show(lang);
        let line = match outcome {
            Outcome::New => t!(lang, "shell-setup-new", key = *key, answer = &shown),
            Outcome::Changed(old) => t!(
                lang,
                "shell-setup-changed",
                key = *key,
                answer = &shown,
                was = old.show(lang)
            ),
            Outcome::Kept => {
                let since = recorded.get(key).map_or(now.on, |d| d.on);
                t!(
                    lang,
                    "shell-setup-kept",
                    key = *key,
                    answer = &shown,
                    since = since.to_string()
                )
            }
        };
        msg.push_str(&line);
        msg.push('\n');
    }
    let missing = merged.answers.unanswered();
    if !missing.is_empty() {
        msg.push_str(&t!(
            lang,
            "shell-setup-not-answered",
            questions = missing.join(", ")
        ));
        msg.push('\n');
    }
    msg.push_str(&t!(lang, "shell-setup-next"));
    msg.push('\n');
    msg
}

pub fn run(global: &GlobalArgs, args: &SetupArgs) -> super::error::Result<Exit> {
    let path = super::config::path(global)?;
    // Before the file is read, errors are in the run's language.
    let ui = crate::i18n::ui();
    let existing = match std::fs::read(&path) {
        Ok(b) => Some(String::from_utf8(b).map_err(|_| {
            Error::Usage(t!(
                ui,
                "shell-setup-not-utf8",
                path = path.display().to_string()
            ))
        })?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(Error::Usage(
                crate::files::read_error(
                    crate::msg!("shell-config-named", path = path.display().to_string()),
                    Some("--config".into()),
                    &e,
                )
                .render(ui),
            ));
        }
    };
    // The recorded answers are read even when another part of the file does
    // not load yet: the file is still edited, as long as it is valid TOML.
    let parsed = existing.as_deref().and_then(|t| config::parse(t).ok());
    let recorded = existing
        .as_deref()
        .and_then(config::declared_only)
        .map(|d| Answers::recorded(&d))
        .unwrap_or_default();
    let lang = session::language(global, parsed.as_ref());
    let today = Utc::now().date_naive();
    let width = session::width();

    let recorded_region = parsed.as_ref().and_then(|c| c.binance.region.clone());
    let mut region = args.region.clone();
    let given = if args.any_answer() {
        answers_from_args(args, today, lang).map_err(Error::Usage)?
    } else if args.region.is_some() {
        Answers::default()
    } else if crate::secret::interactive() {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut out = std::io::stderr();
        let a = ask(&mut input, &mut out, lang, &path, &recorded, today, width)
            .map_err(Error::Usage)?;
        region = ask_region(&mut input, &mut out, lang, recorded_region.as_deref())
            .map_err(Error::Usage)?;
        a
    } else {
        let example = "binance-audit setup --two-factor authenticator,passkey --anti-phishing-code yes --withdrawal-whitelist yes --devices-reviewed yes --email-two-factor yes --email-unique-password yes";
        return Err(Error::Usage(t!(
            lang,
            "shell-setup-needs-terminal",
            example = example
        )));
    };

    // `setup --region jp` alone records the region and leaves [declared] be.
    let region_only = !args.any_answer() && args.region.is_some();
    let merged = merge(&recorded, &given);
    let mut text = if region_only {
        existing.clone().unwrap_or_default()
    } else {
        render(existing.as_deref(), &merged.answers, today, lang)
            .map_err(|e| Error::Usage(format!("{}: {}", path.display(), e.render(lang))))?
    };
    if let Some(r) = &region {
        text = set_region(&text, r)
            .map_err(|e| Error::Usage(format!("{}: {}", path.display(), e.render(lang))))?;
    }
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, &e))?;
    }
    output::file(&path, text.as_bytes())?;
    let mut said = if region_only {
        String::new()
    } else {
        summary(lang, &path, &recorded, &merged)
    };
    if let Some(r) = region.as_deref().and_then(crate::region::find) {
        said.push_str(&t!(
            lang,
            "shell-setup-region-recorded",
            name = r.name.clone(),
            id = r.id.clone()
        ));
        said.push('\n');
    }
    let said = crate::text::wrap(&said, 2, width);
    output::stdout(said.as_bytes())?;
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::QUESTIONS;
    use chrono::NaiveDate;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn all_yes() -> Answers {
        let mut a = Answers::default();
        a.set(
            "two_factor",
            Answer::Methods(vec!["authenticator".into(), "passkey".into()]),
            date(),
        );
        for k in &QUESTIONS[1..] {
            a.set(k, Answer::Flag(true), date());
        }
        a.set("email_unique_password", Answer::Flag(false), date());
        a
    }

    #[test]
    fn render_keeps_the_rest_of_the_file() {
        let before = "# my settings\nlang = \"ja\"  # Japanese please\n\n[user]\nemail = \"a@example.com\"\n\n# old answers\n[declared]\non = 2025-01-01\ntwo_factor = [\"sms\"]\nanti_phishing_code = false\n\n[[waiver]]\nrule = \"BA-API-004\"\nreason = \"bot\"\n";
        let after = render(Some(before), &all_yes(), date(), Lang::En).unwrap();
        assert!(
            after.contains("# my settings")
                && after.contains("# Japanese please")
                && after.contains("# old answers"),
            "{after}"
        );
        assert!(after.contains("[[waiver]]"));
        let c = config::parse(&after).unwrap();
        let d = c.declared.unwrap();
        assert_eq!(d.on.to_string(), "2026-11-25");
        assert_eq!(d.two_factor.unwrap(), vec!["authenticator", "passkey"]);
        assert_eq!(d.anti_phishing_code, Some(true));
        assert_eq!(d.email_unique_password, Some(false));
        assert!(d.answered_on.is_empty());
        assert_eq!(c.waivers.len(), 1);
        assert_eq!(c.lang, Some(Lang::Ja));
    }

    #[test]
    fn template_sections_keep_their_commented_keys() {
        // config init, then setup, then uncomment api_key under [binance].
        let after = render(
            Some(&config::template(Lang::En)),
            &all_yes(),
            date(),
            Lang::En,
        )
        .unwrap();
        let binance = after.find("[binance]").unwrap();
        let key = after.find("# api_key = ").unwrap();
        let declared = after.find("\n[declared]").unwrap();
        assert!(binance < key && key < declared, "{after}");
        let edited = after.replacen("# api_key = ", "api_key = ", 1);
        let c = config::parse(&edited).unwrap_or_else(|e| panic!("{e}\n{edited}"));
        assert_eq!(c.binance.api_key.as_deref(), Some("your read-only API key"));
        assert!(c.declared.is_some());
        // Editing again changes [declared] in place and adds nothing else.
        let again = render(Some(&edited), &all_yes(), date(), Lang::En).unwrap();
        assert_eq!(
            again.matches("[declared]").count(),
            edited.matches("[declared]").count()
        );
        assert_eq!(again, edited);
    }

    #[test]
    fn merge_keeps_the_other_answers_with_their_dates() {
        let before = "[declared]\non = 2025-01-01\ntwo_factor = [\"sms\"]\nwithdrawal_whitelist = true\nanti_phishing_code = true\n";
        let recorded = Answers::recorded(&config::parse(before).unwrap().declared.unwrap());
        let mut given = Answers::default();
        given.set("anti_phishing_code", Answer::Flag(false), date());
        given.set("devices_reviewed", Answer::NotSure, date());
        given.set("two_factor", Answer::Methods(vec!["sms".into()]), date());
        let m = merge(&recorded, &given);
        let outcome = |k: &str| {
            m.outcomes
                .iter()
                .find(|(q, _)| *q == k)
                .map(|(_, o)| o.clone())
        };
        assert_eq!(
            outcome("anti_phishing_code"),
            Some(Outcome::Changed(Answer::Flag(true)))
        );
        assert_eq!(outcome("devices_reviewed"), Some(Outcome::New));
        assert_eq!(outcome("withdrawal_whitelist"), Some(Outcome::Kept));
        assert_eq!(outcome("two_factor"), Some(Outcome::Kept));
        assert_eq!(outcome("email_two_factor"), None);

        let text = render(Some(before), &m.answers, date(), Lang::En).unwrap();
        let d = config::parse(&text).unwrap().declared.unwrap();
        assert_eq!(d.on.to_string(), "2025-01-01", "{text}");
        assert_eq!(d.withdrawal_whitelist, Some(true));
        assert_eq!(d.anti_phishing_code, Some(false));
        assert_eq!(d.not_sure, ["devices_reviewed"]);
        assert_eq!(
            d.answered_on["anti_phishing_code"].to_string(),
            "2026-11-25"
        );
        assert!(!d.answered_on.contains_key("withdrawal_whitelist"));
        // Read back, each answer has its own date.
        let back = Answers::recorded(&d);
        assert_eq!(
            back.get("withdrawal_whitelist").unwrap().on.to_string(),
            "2025-01-01"
        );
        assert_eq!(
            back.get("devices_reviewed").unwrap().answer,
            Answer::NotSure
        );
        assert_eq!(back.get("two_factor").unwrap().on, date());

        let msg = summary(Lang::En, Path::new("c.toml"), &recorded, &m);
        assert!(
            msg.contains("changed: anti_phishing_code = no (was yes)"),
            "{msg}"
        );
        assert!(
            msg.contains("new:     devices_reviewed = not sure"),
            "{msg}"
        );
        assert!(
            msg.contains("kept:    withdrawal_whitelist = yes (answered 2025-01-01)"),
            "{msg}"
        );
        assert!(
            msg.contains("not answered") && msg.contains("email_two_factor"),
            "{msg}"
        );
    }

    #[test]
    fn new_file_and_bad_toml() {
        let text = render(None, &all_yes(), date(), Lang::En).unwrap();
        assert!(
            text.contains("[declared]") && text.contains("no Binance API can see"),
            "{text}"
        );
        assert!(
            render(Some("[user\nemail = 1"), &all_yes(), date(), Lang::En)
                .unwrap_err()
                .to_string()
                .contains("left untouched")
        );
        assert!(render(Some("declared = 3\n"), &all_yes(), date(), Lang::En).is_err());
    }

    #[test]
    fn the_comment_setup_writes_is_in_the_reader_language() {
        let ja = render(None, &all_yes(), date(), Lang::Ja).unwrap();
        assert!(
            ja.contains("# `binance-audit setup` で申告した内容です"),
            "{ja}"
        );
        assert!(!ja.contains("no Binance API can see"), "{ja}");
        assert!(crate::i18n::english_runs(&ja).is_empty(), "{ja}");
        assert!(config::parse(&ja).unwrap().declared.is_some());
        let en = render(None, &all_yes(), date(), Lang::En).unwrap();
        assert!(
            en.starts_with("\n# What you told `binance-audit setup` (no Binance API can see these).\n# Re-run `binance-audit setup` when anything changes.\n[declared]\n"),
            "{en}"
        );
    }

    #[test]
    fn methods_parse_from_numbers_and_names() {
        assert_eq!(
            parse_methods("1,2"),
            Some(vec!["authenticator".into(), "passkey".into()])
        );
        assert_eq!(
            parse_methods("sms、email"),
            Some(vec!["sms".into(), "email".into()])
        );
        assert_eq!(parse_methods("0"), Some(vec![]));
        assert_eq!(parse_methods("なし"), Some(vec![]));
        assert_eq!(parse_methods("0,1"), None);
        assert_eq!(parse_methods("9"), None);
        assert_eq!(parse_methods(""), None);
        assert_eq!(parse_yes_no("?"), Some(Answer::NotSure));
        assert_eq!(parse_yes_no("わからない"), Some(Answer::NotSure));
    }

    #[test]
    fn interactive_english() {
        let mut input = "3, 4\nmaybe\ny\nn\nyes\n?\ny\n".as_bytes();
        let mut out = Vec::new();
        let a = ask(
            &mut input,
            &mut out,
            Lang::En,
            Path::new("/x/config.toml"),
            &Answers::default(),
            date(),
            1000,
        )
        .unwrap();
        assert_eq!(
            a.get("two_factor").unwrap().answer,
            Answer::Methods(vec!["security_key".into(), "sms".into()])
        );
        assert_eq!(
            a.get("anti_phishing_code").unwrap().answer,
            Answer::Flag(true)
        );
        assert_eq!(
            a.get("withdrawal_whitelist").unwrap().answer,
            Answer::Flag(false)
        );
        assert_eq!(a.get("email_two_factor").unwrap().answer, Answer::NotSure);
        assert_eq!(
            a.get("email_unique_password").unwrap().answer,
            Answer::Flag(true)
        );
        let shown = String::from_utf8(out).unwrap();
        assert!(
            shown.contains("Please answer y (yes), n (no) or ? (not sure)")
                && shown.contains("/x/config.toml")
                && shown.contains("? not sure"),
            "{shown}"
        );
        // Nothing recorded: no brackets promised, none shown.
        assert!(
            !shown.contains("(y/n/?) [")
                && !shown.contains("not sure [")
                && !shown.contains("Enter"),
            "{shown}"
        );
        assert!(
            !shown
                .chars()
                .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
            "English mode shows Japanese: {shown}"
        );
    }

    #[test]
    fn interactive_japanese_keeps_current_on_enter() {
        let current = config::parse(
            "[declared]\non = 2026-01-01\ntwo_factor = [\"passkey\"]\nanti_phishing_code = true\nwithdrawal_whitelist = false\ndevices_reviewed = true\nemail_two_factor = true\nemail_unique_password = true\nnot_sure = [\"devices_reviewed\"]\n",
        )
        .unwrap()
        .declared
        .unwrap();
        let recorded = Answers::recorded(&current);
        let mut input = "\n\nはい\n\n\nいいえ\n".as_bytes();
        let mut out = Vec::new();
        let a = ask(
            &mut input,
            &mut out,
            Lang::Ja,
            Path::new("c.toml"),
            &recorded,
            date(),
            1000,
        )
        .unwrap();
        assert_eq!(
            a.get("two_factor").unwrap().answer,
            Answer::Methods(vec!["passkey".into()])
        );
        assert_eq!(
            a.get("withdrawal_whitelist").unwrap().answer,
            Answer::Flag(true)
        );
        assert_eq!(
            a.get("anti_phishing_code").unwrap().answer,
            Answer::Flag(true)
        );
        assert_eq!(a.get("devices_reviewed").unwrap().answer, Answer::NotSure);
        assert_eq!(
            a.get("email_unique_password").unwrap().answer,
            Answer::Flag(false)
        );
        assert_eq!(a.get("two_factor").unwrap().on, date());
        let shown = String::from_utf8(out).unwrap();
        assert!(
            shown.contains("フィッシング対策コード")
                && shown.contains("出金ホワイトリスト")
                && shown.contains("［passkey］")
                && shown.contains("［はい］")
                && shown.contains("［わからない］"),
            "{shown}"
        );
    }

    #[test]
    fn english_brackets_show_the_recorded_answer() {
        let d = config::parse(
            "[declared]\non = 2026-01-01\ntwo_factor = []\nanti_phishing_code = false\n",
        )
        .unwrap()
        .declared
        .unwrap();
        let mut input = "\n\ny\ny\ny\ny\n".as_bytes();
        let mut out = Vec::new();
        let a = ask(
            &mut input,
            &mut out,
            Lang::En,
            Path::new("c"),
            &Answers::recorded(&d),
            date(),
            1000,
        )
        .unwrap();
        assert_eq!(a.get("two_factor").unwrap().answer, Answer::Methods(vec![]));
        assert_eq!(
            a.get("anti_phishing_code").unwrap().answer,
            Answer::Flag(false)
        );
        let shown = String::from_utf8(out).unwrap();
        assert!(
            shown.contains("Press Enter to keep")
                && shown.contains("[none]")
                && shown.contains("(y/n/?) [no]"),
            "{shown}"
        );
    }

    #[test]
    fn prompts_fit_the_terminal_in_both_languages() {
        for (lang, answers) in [
            (Lang::Ja, "9\n1\nx\ny\ny\ny\ny\ny\n"),
            (Lang::En, "9\n1\nx\ny\ny\ny\ny\ny\n"),
        ] {
            for width in [40, 60, 80] {
                let mut out = Vec::new();
                let path = Path::new("/home/someone/.config/binance-audit/config.toml");
                ask(
                    &mut answers.as_bytes(),
                    &mut out,
                    lang,
                    path,
                    &Answers::default(),
                    date(),
                    width,
                )
                .unwrap();
                // On a terminal the answer typed after `> ` ends that line.
                let shown = String::from_utf8(out).unwrap().replace("> ", ">\n");
                for line in shown.lines() {
                    // Only a path that no line can hold runs past the edge, alone.
                    assert!(
                        crate::text::width(line) <= width || !line.trim().contains(' '),
                        "{lang:?} at {width}: {line:?}\n{shown}"
                    );
                    let first = line.trim_start().chars().next();
                    assert!(
                        !first.is_some_and(|c| "、。）」』？！ーっゃゅょッャュョ".contains(c)),
                        "{line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn end_of_input_cancels() {
        let mut input = "1\ny\n".as_bytes();
        let e = ask(
            &mut input,
            &mut Vec::new(),
            Lang::En,
            Path::new("c"),
            &Answers::default(),
            date(),
            1000,
        )
        .unwrap_err();
        assert!(e.contains("cancelled"), "{e}");
    }

    #[test]
    fn region_question_by_number_or_name_and_enter_keeps() {
        let ask = |input: &str, current: Option<&str>| {
            let mut out = Vec::new();
            let r = ask_region(&mut input.as_bytes(), &mut out, Lang::En, current);
            (r, String::from_utf8(out).unwrap())
        };
        let (r, said) = ask("2\n", None);
        assert_eq!(r.unwrap().as_deref(), Some("jp"));
        assert!(said.contains("2 Binance Japan (jp)"), "{said}");
        assert_eq!(ask("global\n", None).0.unwrap().as_deref(), Some("global"));
        let (r, said) = ask("\n", Some("jp"));
        assert_eq!(r.unwrap(), None);
        assert!(said.contains("[jp]"), "{said}");
        assert_eq!(ask("", None).0.unwrap(), None);
        let (r, said) = ask("9\nJP\n", None);
        assert_eq!(r.unwrap().as_deref(), Some("jp"));
        assert!(said.contains("global / jp"), "{said}");
        assert!(ask("x\nx\nx\nx\nx\n", None).0.is_err());
        let mut out = Vec::new();
        ask_region(&mut "1\n".as_bytes(), &mut out, Lang::Ja, None).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("どのBinance"));
    }

    #[test]
    fn set_region_keeps_the_file() {
        let t = set_region("# c\n[binance]\napi_key = \"k\" # key\n", "jp").unwrap();
        assert!(t.contains("# c") && t.contains("# key") && t.contains("region = \"jp\""));
        assert!(crate::config::parse(&t).unwrap().binance.region.as_deref() == Some("jp"));
        let t = set_region("", "jp").unwrap();
        assert!(t.contains("[binance]"));
    }
}
