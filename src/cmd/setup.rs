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
use crate::i18n::{Lang, tr};

/// Number, config name, English label, Japanese label.
const METHODS: &[(&str, &str, &str, &str)] = &[
    ("1", "authenticator", "authenticator app", "認証アプリ"),
    ("2", "passkey", "passkey", "パスキー"),
    ("3", "security_key", "security key", "セキュリティキー"),
    ("4", "sms", "SMS", "SMS"),
    ("5", "email", "email", "メール"),
];

struct YesNoQuestion {
    key: &'static str,
    en: &'static str,
    ja: &'static str,
}

const QUESTIONS: &[YesNoQuestion] = &[
    YesNoQuestion {
        key: "anti_phishing_code",
        en: "Have you set an anti-phishing code (Account → Security → Anti-Phishing Code)?",
        ja: "フィッシング対策コードを設定していますか？（アカウント → セキュリティ → フィッシング対策コード）",
    },
    YesNoQuestion {
        key: "withdrawal_whitelist",
        en: "Is the withdrawal whitelist turned on (Account → Security → Address Management)?",
        ja: "出金ホワイトリストは有効ですか？（アカウント → セキュリティ → 出金アドレスの管理）",
    },
    YesNoQuestion {
        key: "devices_reviewed",
        en: "Have you reviewed Device Management recently and removed every device you do not recognise?",
        ja: "最近デバイス管理を確認し、見覚えのない端末をすべて削除しましたか？",
    },
    YesNoQuestion {
        key: "email_two_factor",
        en: "Does the email account you use for Binance have its own second factor?",
        ja: "Binanceに登録しているメールアカウントにも2段階認証を設定していますか？",
    },
    YesNoQuestion {
        key: "email_unique_password",
        en: "Is that email account's password used for it alone (nowhere else)?",
        ja: "そのメールアカウントのパスワードは、そのメール専用（他では未使用）ですか？",
    },
];

/// At most this many unreadable answers to one question before giving up.
const MAX_TRIES: usize = 5;

fn read_answer(input: &mut impl BufRead) -> Result<String, String> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) => Err(crate::i18n::ui_tr(
            "setup cancelled: nothing was written",
            "setup を中止しました。何も書き込んでいません",
        )
        .into()),
        Ok(_) => Ok(line.trim().to_string()),
        Err(e) => Err(format!(
            "{}: {}",
            crate::i18n::ui_tr("cannot read the answer", "回答を読み取れません"),
            crate::files::io_reason(&e)
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
            .find(|(num, name, _, _)| *num == lower || *name == lower)
            .map(|(_, name, _, _)| *name)
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
        Some(a) => match lang {
            Lang::En => format!(" [{}]", a.show(lang)),
            Lang::Ja => format!(" ［{}］", a.show(lang)),
        },
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
) -> Result<Answers, String> {
    let w = |out: &mut dyn Write, s: &str| -> Result<(), String> {
        out.write_all(s.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| format!("cannot write the question: {}", e.kind()))
    };
    let mut intro = match lang {
        Lang::En => format!(
            "binance-audit setup\nBinance has no API for these settings, so please check them in the Binance app (Profile → Security) and answer.\n\
             Your answers are saved with today's date in the [declared] section of {}; nothing is sent anywhere.\n\
             Answer ? if you are not sure: the report will then list that setting as one to check.\n",
            config_path.display()
        ),
        Lang::Ja => format!(
            "binance-audit setup\n以下の設定はBinanceのAPIでは確認できません。Binanceアプリ（プロフィール → セキュリティ）で確認してからお答えください。\n\
             回答は今日の日付とともに {} の [declared] セクションに保存され、外部には送信されません。\n\
             わからない場合は ? と答えてください。レポートで確認すべき設定として表示されます。\n",
            config_path.display()
        ),
    };
    if !recorded.is_empty() {
        intro.push_str(tr(
            lang,
            "Press Enter to keep your earlier answer, shown in brackets.\n",
            "Enterキーを押すと、［］内の前回の回答をそのまま使います。\n",
        ));
    }
    intro.push('\n');
    w(out, &intro)?;

    let mut answers = Answers::default();
    let menu: Vec<String> = METHODS
        .iter()
        .map(|(n, _, en, ja)| format!("{n} {}", tr(lang, en, ja)))
        .collect();
    let q = tr(
        lang,
        "Which second factors are on for your Binance account? Numbers, separated by commas",
        "Binanceアカウントで有効な2段階認証はどれですか？番号をカンマ区切りで入力してください",
    );
    let current = recorded.get("two_factor").map(|d| &d.answer);
    let mut tries = 0;
    let two_factor = loop {
        w(
            out,
            &format!(
                "{q}:\n  {}  0 {}  ? {}{}\n> ",
                menu.join("  "),
                tr(lang, "none", "なし"),
                tr(lang, "not sure", "わからない"),
                bracket(lang, current)
            ),
        )?;
        let a = read_answer(input)?;
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
            return Err("setup cancelled: no readable answer".into());
        }
        w(
            out,
            tr(
                lang,
                "Please enter numbers such as 1,2 (0 for none, ? if you are not sure).\n",
                "1,2 のように番号を入力してください（なしの場合は0、わからない場合は?）。\n",
            ),
        )?;
    };
    answers.set("two_factor", two_factor, today);

    for question in QUESTIONS {
        let current = recorded.get(question.key).map(|d| &d.answer);
        let choices = tr(lang, " (y/n/?)", "（y/n/?）");
        let mut tries = 0;
        let value = loop {
            w(
                out,
                &format!(
                    "{}{choices}{}\n> ",
                    tr(lang, question.en, question.ja),
                    bracket(lang, current)
                ),
            )?;
            let a = read_answer(input)?;
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
                return Err("setup cancelled: no readable answer".into());
            }
            w(
                out,
                tr(
                    lang,
                    "Please answer y (yes), n (no) or ? (not sure).\n",
                    "y（はい）、n（いいえ）、?（わからない）で答えてください。\n",
                ),
            )?;
        };
        answers.set(question.key, value, today);
    }
    Ok(answers)
}

fn yes_no(v: YesNo) -> Answer {
    match v {
        YesNo::Yes => Answer::Flag(true),
        YesNo::No => Answer::Flag(false),
        YesNo::NotSure => Answer::NotSure,
    }
}

/// The answers given as flags, dated `today`.
fn answers_from_args(a: &SetupArgs, today: NaiveDate) -> Result<Answers, String> {
    let mut out = Answers::default();
    if let Some(list) = &a.two_factor {
        let alone = [TwoFactorMethod::None, TwoFactorMethod::NotSure];
        if let Some(m) = alone.iter().find(|m| list.contains(m))
            && list.len() > 1
        {
            let m = m.config_name().replace('_', "-");
            return Err(match crate::i18n::ui() {
                crate::i18n::Lang::En => {
                    format!("--two-factor {m} cannot be combined with other methods")
                }
                crate::i18n::Lang::Ja => {
                    format!("--two-factor の {m} はほかの方法と同時に指定できません")
                }
            });
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
    let mut msg = match lang {
        Lang::En => format!("wrote [declared] to {}\n", path.display()),
        Lang::Ja => format!("{} の [declared] を更新しました\n", path.display()),
    };
    for (key, outcome) in &merged.outcomes {
        let Some(now) = merged.answers.get(key) else {
            continue;
        };
        let shown = now.answer.show(lang);
        let line = match (lang, outcome) {
            (Lang::En, Outcome::New) => format!("  new:     {key} = {shown}"),
            (Lang::Ja, Outcome::New) => format!("  新規: {key} = {shown}"),
            (Lang::En, Outcome::Changed(old)) => {
                format!("  changed: {key} = {shown} (was {})", old.show(lang))
            }
            (Lang::Ja, Outcome::Changed(old)) => {
                format!("  変更: {key} = {shown}（以前: {}）", old.show(lang))
            }
            (_, Outcome::Kept) => {
                let since = recorded.get(key).map_or(now.on, |d| d.on);
                match lang {
                    Lang::En => format!("  kept:    {key} = {shown} (answered {since})"),
                    Lang::Ja => format!("  維持: {key} = {shown}（{since} の回答）"),
                }
            }
        };
        msg.push_str(&line);
        msg.push('\n');
    }
    let missing = merged.answers.unanswered();
    if !missing.is_empty() {
        msg.push_str(&match lang {
            Lang::En => format!(
                "not answered (their checks will show as not checked): {}\n",
                missing.join(", ")
            ),
            Lang::Ja => format!(
                "未回答（該当する項目は「未確認」になります）: {}\n",
                missing.join(", ")
            ),
        });
    }
    msg.push_str(tr(
        lang,
        "Run `binance-audit` to see the findings; declared answers are marked as declared in every report.\n",
        "`binance-audit` を実行すると結果を確認できます。申告に基づく項目はどのレポートでも「申告」と表示されます。\n",
    ));
    msg
}

pub fn run(global: &GlobalArgs, args: &SetupArgs) -> super::error::Result<Exit> {
    let path = super::config::path(global)?;
    let existing = match std::fs::read(&path) {
        Ok(b) => Some(
            String::from_utf8(b)
                .map_err(|_| Error::Usage(format!("{}: not valid UTF-8", path.display())))?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(Error::Usage(format!(
                "cannot read {}: {}",
                path.display(),
                crate::files::io_reason(&e)
            )));
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

    let given = if args.any_answer() {
        answers_from_args(args, today).map_err(Error::Usage)?
    } else if crate::secret::interactive() {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut out = std::io::stderr();
        ask(&mut input, &mut out, lang, &path, &recorded, today).map_err(Error::Usage)?
    } else {
        let example = "binance-audit setup --two-factor authenticator,passkey --anti-phishing-code yes --withdrawal-whitelist yes --devices-reviewed yes --email-two-factor yes --email-unique-password yes";
        return Err(Error::Usage(format!(
            "{}: `{example}`",
            tr(
                lang,
                "setup needs a terminal to ask its questions, or the answers as flags, e.g.",
                "setup は端末で質問に答えるか、回答をフラグで指定する必要があります。例",
            )
        )));
    };

    let merged = merge(&recorded, &given);
    let text = render(existing.as_deref(), &merged.answers, today)
        .map_err(|e| Error::Usage(format!("{}: {e}", path.display())))?;
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, &e))?;
    }
    output::file(&path, text.as_bytes())?;
    output::stdout(summary(lang, &path, &recorded, &merged).as_bytes())?;
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
        let after = render(Some(before), &all_yes(), date()).unwrap();
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
        let after = render(Some(config::TEMPLATE), &all_yes(), date()).unwrap();
        let binance = after.find("[binance]").unwrap();
        let key = after.find("# api_key = ").unwrap();
        let declared = after.find("\n[declared]").unwrap();
        assert!(binance < key && key < declared, "{after}");
        let edited = after.replacen("# api_key = ", "api_key = ", 1);
        let c = config::parse(&edited).unwrap_or_else(|e| panic!("{e}\n{edited}"));
        assert_eq!(c.binance.api_key.as_deref(), Some("your read-only API key"));
        assert!(c.declared.is_some());
        // Editing again changes [declared] in place and adds nothing else.
        let again = render(Some(&edited), &all_yes(), date()).unwrap();
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

        let text = render(Some(before), &m.answers, date()).unwrap();
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
        let text = render(None, &all_yes(), date()).unwrap();
        assert!(
            text.contains("[declared]") && text.contains("no Binance API can see"),
            "{text}"
        );
        assert!(
            render(Some("[user\nemail = 1"), &all_yes(), date())
                .unwrap_err()
                .contains("left untouched")
        );
        assert!(render(Some("declared = 3\n"), &all_yes(), date()).is_err());
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
    fn end_of_input_cancels() {
        let mut input = "1\ny\n".as_bytes();
        let e = ask(
            &mut input,
            &mut Vec::new(),
            Lang::En,
            Path::new("c"),
            &Answers::default(),
            date(),
        )
        .unwrap_err();
        assert!(e.contains("cancelled"), "{e}");
    }
}
