//! `binance-audit setup`: the questions no Binance API can answer (second
//! factors, anti-phishing code, whitelist switch, devices, the email account),
//! asked in English or Japanese, or given as flags, and written as a dated
//! `[declared]` section into the config — in place, keeping the rest of the
//! file and its comments.

use std::io::{BufRead, Write};
use std::path::Path;

use chrono::Utc;

use super::error::Error;
use super::exit::Exit;
use super::{output, session};
use crate::cli::{GlobalArgs, SetupArgs, TwoFactorMethod};
use crate::config::{self, Declared};
use crate::declare::{Answers, render};
use crate::i18n::{Lang, tr};

const METHODS: &[(&str, &str, &str)] = &[
    ("1", "authenticator", "authenticator app / 認証アプリ"),
    ("2", "passkey", "passkey / パスキー"),
    ("3", "security_key", "security key / セキュリティキー"),
    ("4", "sms", "SMS"),
    ("5", "email", "email / メール"),
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
        ja: "Binanceに登録しているメールアカウントにも二段階認証を設定していますか？",
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
        Ok(0) => Err("setup cancelled: nothing was written".into()),
        Ok(_) => Ok(line.trim().to_string()),
        Err(e) => Err(format!("cannot read the answer: {}", e.kind())),
    }
}

fn parse_yes_no(s: &str) -> Option<bool> {
    match s.to_lowercase().as_str() {
        "y" | "yes" | "はい" | "ｙ" => Some(true),
        "n" | "no" | "いいえ" | "ｎ" => Some(false),
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
            .find(|(num, name, _)| *num == lower || *name == lower)
            .map(|(_, name, _)| *name)
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

/// Ask every question; Enter keeps the current answer when there is one.
pub fn ask(
    input: &mut impl BufRead,
    out: &mut impl Write,
    lang: Lang,
    config_path: &Path,
    current: Option<&Declared>,
) -> Result<Answers, String> {
    let w = |out: &mut dyn Write, s: &str| -> Result<(), String> {
        out.write_all(s.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| format!("cannot write the question: {}", e.kind()))
    };
    let intro = match lang {
        Lang::En => format!(
            "binance-audit setup\nBinance has no API for these settings, so please check them in the Binance app (Profile → Security) and answer.\n\
             Your answers are saved with today's date in the [declared] section of {}; nothing is sent anywhere.\n\
             Press Enter to keep the answer shown in brackets.\n\n",
            config_path.display()
        ),
        Lang::Ja => format!(
            "binance-audit setup\n以下の設定はBinanceのAPIでは確認できません。Binanceアプリ（プロフィール → セキュリティ）で確認してからお答えください。\n\
             回答は今日の日付とともに {} の [declared] セクションに保存され、外部には送信されません。\n\
             ［］内に現在の回答がある場合、Enterキーでそのまま維持できます。\n\n",
            config_path.display()
        ),
    };
    w(out, &intro)?;

    let mut answers = Answers::default();
    let current_methods = current.and_then(|d| d.two_factor.clone());
    let menu: Vec<String> = METHODS
        .iter()
        .map(|(n, _, label)| format!("{n} {label}"))
        .collect();
    let q = tr(
        lang,
        "Which second factors are on for your Binance account? Numbers, separated by commas",
        "Binanceアカウントで有効な二段階認証はどれですか？番号をカンマ区切りで入力してください",
    );
    let mut tries = 0;
    answers.two_factor = loop {
        let shown = current_methods
            .as_ref()
            .map(|m| {
                let text = if m.is_empty() {
                    "none".to_string()
                } else {
                    m.join(",")
                };
                format!(" [{text}]")
            })
            .unwrap_or_default();
        w(
            out,
            &format!("{q}:\n  {}  0 none / なし{shown}\n> ", menu.join("  ")),
        )?;
        let a = read_answer(input)?;
        if a.is_empty()
            && let Some(m) = &current_methods
        {
            break Some(m.clone());
        }
        if let Some(m) = parse_methods(&a) {
            break Some(m);
        }
        tries += 1;
        if tries >= MAX_TRIES {
            return Err("setup cancelled: no readable answer".into());
        }
        w(
            out,
            tr(
                lang,
                "Please enter numbers such as 1,2 (or 0 for none).\n",
                "1,2 のように番号を入力してください（なしの場合は0）。\n",
            ),
        )?;
    };

    for question in QUESTIONS {
        let current_value = current.and_then(|d| match question.key {
            "anti_phishing_code" => d.anti_phishing_code,
            "withdrawal_whitelist" => d.withdrawal_whitelist,
            "devices_reviewed" => d.devices_reviewed,
            "email_two_factor" => d.email_two_factor,
            _ => d.email_unique_password,
        });
        let hint = match (lang, current_value) {
            (Lang::En, Some(true)) => " [y/n, Enter = yes]",
            (Lang::En, Some(false)) => " [y/n, Enter = no]",
            (Lang::En, None) => " [y/n]",
            (Lang::Ja, Some(true)) => " [y/n、Enterで「はい」]",
            (Lang::Ja, Some(false)) => " [y/n、Enterで「いいえ」]",
            (Lang::Ja, None) => " [y/n]",
        };
        let mut tries = 0;
        let value = loop {
            w(
                out,
                &format!("{}{hint}\n> ", tr(lang, question.en, question.ja)),
            )?;
            let a = read_answer(input)?;
            if a.is_empty()
                && let Some(v) = current_value
            {
                break v;
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
                    "Please answer y or n.\n",
                    "y（はい）または n（いいえ）で答えてください。\n",
                ),
            )?;
        };
        match question.key {
            "anti_phishing_code" => answers.anti_phishing_code = Some(value),
            "withdrawal_whitelist" => answers.withdrawal_whitelist = Some(value),
            "devices_reviewed" => answers.devices_reviewed = Some(value),
            "email_two_factor" => answers.email_two_factor = Some(value),
            _ => answers.email_unique_password = Some(value),
        }
    }
    Ok(answers)
}

/// The answers given as flags.
fn answers_from_args(a: &SetupArgs) -> Result<Answers, String> {
    let two_factor = match &a.two_factor {
        None => None,
        Some(list) => {
            if list.contains(&TwoFactorMethod::None) && list.len() > 1 {
                return Err("--two-factor none cannot be combined with other methods".into());
            }
            let mut names: Vec<String> = Vec::new();
            for m in list.iter().filter(|m| **m != TwoFactorMethod::None) {
                let n = m.config_name().to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            Some(names)
        }
    };
    Ok(Answers {
        two_factor,
        anti_phishing_code: a.anti_phishing_code.map(bool::from),
        withdrawal_whitelist: a.withdrawal_whitelist.map(bool::from),
        devices_reviewed: a.devices_reviewed.map(bool::from),
        email_two_factor: a.email_two_factor.map(bool::from),
        email_unique_password: a.email_unique_password.map(bool::from),
    })
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
    // The current answers are only defaults for the prompts; a config that
    // does not load yet is still edited, as long as it is valid TOML.
    let parsed = existing.as_deref().and_then(|t| config::parse(t).ok());
    let current = parsed.as_ref().and_then(|c| c.declared.clone());
    let lang = session::language(global, parsed.as_ref());

    let answers = if args.any_answer() {
        answers_from_args(args).map_err(Error::Usage)?
    } else if crate::secret::interactive() {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut out = std::io::stderr();
        ask(&mut input, &mut out, lang, &path, current.as_ref()).map_err(Error::Usage)?
    } else {
        return Err(Error::Usage(
            "setup needs a terminal to ask its questions, or the answers as flags, e.g.: binance-audit setup --two-factor authenticator,passkey --anti-phishing-code yes --withdrawal-whitelist yes --devices-reviewed yes --email-two-factor yes --email-unique-password yes".into(),
        ));
    };

    let today = Utc::now().date_naive();
    let text = render(existing.as_deref(), &answers, today)
        .map_err(|e| Error::Usage(format!("{}: {e}", path.display())))?;
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, &e))?;
    }
    output::file(&path, text.as_bytes())?;

    let mut msg = match lang {
        Lang::En => format!("wrote [declared] (on {today}) to {}\n", path.display()),
        Lang::Ja => format!(
            "{} の [declared] を更新しました（{today}）\n",
            path.display()
        ),
    };
    let missing = answers.unanswered();
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
    output::stdout(msg.as_bytes())?;
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn all_yes() -> Answers {
        Answers {
            two_factor: Some(vec!["authenticator".into(), "passkey".into()]),
            anti_phishing_code: Some(true),
            withdrawal_whitelist: Some(true),
            devices_reviewed: Some(true),
            email_two_factor: Some(true),
            email_unique_password: Some(false),
        }
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
        assert_eq!(c.waivers.len(), 1);
        assert_eq!(c.lang, Some(Lang::Ja));
    }

    #[test]
    fn unanswered_questions_are_removed_not_redated() {
        let before = "[declared]\non = 2025-01-01\nwithdrawal_whitelist = true\n";
        let a = Answers {
            anti_phishing_code: Some(true),
            ..Answers::default()
        };
        let d = config::parse(&render(Some(before), &a, date()).unwrap())
            .unwrap()
            .declared
            .unwrap();
        assert_eq!(d.withdrawal_whitelist, None);
        assert_eq!(d.anti_phishing_code, Some(true));
        assert!(a.unanswered().contains(&"withdrawal_whitelist"));
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
    }

    #[test]
    fn interactive_english() {
        let mut input = "3, 4\nmaybe\ny\nn\nyes\nno\ny\n".as_bytes();
        let mut out = Vec::new();
        let a = ask(
            &mut input,
            &mut out,
            Lang::En,
            Path::new("/x/config.toml"),
            None,
        )
        .unwrap();
        assert_eq!(
            a.two_factor,
            Some(vec!["security_key".into(), "sms".into()])
        );
        assert_eq!(a.anti_phishing_code, Some(true));
        assert_eq!(a.withdrawal_whitelist, Some(false));
        assert_eq!(a.email_unique_password, Some(true));
        let shown = String::from_utf8(out).unwrap();
        assert!(
            shown.contains("Please answer y or n") && shown.contains("/x/config.toml"),
            "{shown}"
        );
    }

    #[test]
    fn interactive_japanese_keeps_current_on_enter() {
        let current = config::parse(
            "[declared]\non = 2026-01-01\ntwo_factor = [\"passkey\"]\nanti_phishing_code = true\nwithdrawal_whitelist = false\ndevices_reviewed = true\nemail_two_factor = true\nemail_unique_password = true\n",
        )
        .unwrap()
        .declared;
        let mut input = "\n\nはい\n\n\nいいえ\n".as_bytes();
        let mut out = Vec::new();
        let a = ask(
            &mut input,
            &mut out,
            Lang::Ja,
            Path::new("c.toml"),
            current.as_ref(),
        )
        .unwrap();
        assert_eq!(a.two_factor, Some(vec!["passkey".into()]));
        assert_eq!(a.withdrawal_whitelist, Some(true));
        assert_eq!(a.anti_phishing_code, Some(true));
        assert_eq!(a.email_unique_password, Some(false));
        let shown = String::from_utf8(out).unwrap();
        assert!(
            shown.contains("フィッシング対策コード") && shown.contains("出金ホワイトリスト"),
            "{shown}"
        );
    }

    #[test]
    fn end_of_input_cancels() {
        let mut input = "1\ny\n".as_bytes();
        let e = ask(&mut input, &mut Vec::new(), Lang::En, Path::new("c"), None).unwrap_err();
        assert!(e.contains("cancelled"), "{e}");
    }
}
