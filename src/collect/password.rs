//! Local password strength (zxcvbn). The password is only ever held in a
//! `SecretString`; what leaves this module are numbers and flags.

use secrecy::{ExposeSecret, SecretString};
use zxcvbn::feedback::{Suggestion, Warning};

use crate::facts::Facts;
use crate::i18n::Msg;
use crate::msg;

pub use crate::secret::MAX_LEN;

#[derive(Clone, Debug, PartialEq)]
pub struct CrackTime {
    pub seconds: f64,
    pub display: Msg,
}

/// What the report shows about a password: never the password.
#[derive(Clone, Debug, PartialEq)]
pub struct PasswordDetails {
    pub score: u8,
    pub length: usize,
    pub guesses_log10: f64,
    pub crack_time_online_throttled: CrackTime,
    pub crack_time_offline_slow_hash: CrackTime,
    pub warning: Option<Msg>,
    pub suggestions: Vec<Msg>,
}

pub struct Analysis {
    pub details: PasswordDetails,
    pub contains_personal: bool,
    pub letters_digits_only: bool,
    pub char_classes: u8,
}

/// `hints` are personal strings (email, names); "binance" is always added.
pub fn analyse(password: &SecretString, hints: &[String]) -> Analysis {
    let pw = password.expose_secret();
    let mut inputs: Vec<String> = vec!["binance".into()];
    for h in hints {
        inputs.extend(personal_tokens(h));
    }
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(pw, &refs);
    let times = entropy.crack_times();
    let secs = |c: zxcvbn::time_estimates::CrackTimeSeconds| match c {
        zxcvbn::time_estimates::CrackTimeSeconds::Integer(i) => i as f64,
        zxcvbn::time_estimates::CrackTimeSeconds::Float(f) => f,
    };
    let online = secs(times.online_throttling_100_per_hour());
    let offline = secs(times.offline_slow_hashing_1e4_per_second());
    let feedback = entropy.feedback();
    let details = PasswordDetails {
        score: u8::from(entropy.score()),
        length: pw.chars().count(),
        guesses_log10: (entropy.guesses_log10() * 100.0).round() / 100.0,
        crack_time_online_throttled: CrackTime {
            seconds: online,
            display: duration_text(online),
        },
        crack_time_offline_slow_hash: CrackTime {
            seconds: offline,
            display: duration_text(offline),
        },
        warning: feedback.and_then(|f| f.warning()).map(warning_text),
        suggestions: feedback
            .map(|f| {
                f.suggestions()
                    .iter()
                    .map(|s| suggestion_text(*s))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let has = |p: fn(char) -> bool| pw.chars().any(p);
    let char_classes = [
        has(char::is_lowercase),
        has(char::is_uppercase),
        has(|c| c.is_ascii_digit()),
        has(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|b| **b)
    .count() as u8;
    Analysis {
        details,
        contains_personal: contains_personal(pw, &inputs),
        letters_digits_only: !pw.is_empty() && pw.chars().all(char::is_alphanumeric),
        char_classes,
    }
}

pub fn record(a: &Analysis, facts: &mut Facts) {
    facts.observe("password.score", a.details.score);
    facts.observe("password.length", a.details.length as u64);
    facts.observe("password.guesses_log10", a.details.guesses_log10);
    facts.observe("password.contains_personal", a.contains_personal);
    facts.observe("password.letters_digits_only", a.letters_digits_only);
    facts.observe("password.char_classes", a.char_classes);
}

/// An email or name split into the pieces people put in passwords:
/// "alice.tanaka@example.com" → alice.tanaka, alice, tanaka.
fn personal_tokens(hint: &str) -> Vec<String> {
    let local = hint.split('@').next().unwrap_or(hint).to_lowercase();
    let mut out = vec![local.clone()];
    out.extend(
        local
            .split(|c: char| !c.is_alphanumeric())
            .map(|s| s.trim_matches(|c: char| c.is_ascii_digit()).to_string()),
    );
    out.retain(|t| t.chars().count() >= 3);
    out.sort();
    out.dedup();
    out
}

/// zxcvbn alone misses "alice.tanaka1990" (it scores 4), so look for each
/// token directly, also after undoing common character substitutions.
fn contains_personal(pw: &str, tokens: &[String]) -> bool {
    let lower = pw.to_lowercase();
    let plain: String = lower
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' | '!' | '|' => 'i',
            '3' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' => 't',
            other => other,
        })
        .collect();
    tokens.iter().any(|t| {
        let t = t.to_lowercase();
        lower.contains(&t)
            || plain.contains(&t)
            || (t.contains('1') || t.contains('l')) && plain.contains(&t.replace(['1', 'l'], "i"))
    })
}

fn duration_text(seconds: f64) -> Msg {
    const MIN: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86400.0;
    const MONTH: f64 = DAY * 31.0;
    const YEAR: f64 = DAY * 365.0;
    let n = |x: f64| x.round() as u64;
    if seconds < 1.0 {
        msg!("engine-duration-under-a-second")
    } else if seconds < MIN {
        msg!("engine-duration-seconds", n = n(seconds))
    } else if seconds < HOUR {
        msg!("engine-duration-minutes", n = n(seconds / MIN))
    } else if seconds < DAY {
        msg!("engine-duration-hours", n = n(seconds / HOUR))
    } else if seconds < MONTH {
        msg!("engine-duration-days", n = n(seconds / DAY))
    } else if seconds < YEAR {
        msg!("engine-duration-months", n = n(seconds / MONTH))
    } else if seconds < YEAR * 100.0 {
        msg!("engine-duration-years", n = n(seconds / YEAR))
    } else {
        msg!("engine-duration-centuries")
    }
}

fn warning_text(w: Warning) -> Msg {
    match w {
        Warning::StraightRowsOfKeysAreEasyToGuess => msg!("engine-zxcvbn-warn-straight-rows"),
        Warning::ShortKeyboardPatternsAreEasyToGuess => {
            msg!("engine-zxcvbn-warn-short-keyboard-patterns")
        }
        Warning::RepeatsLikeAaaAreEasyToGuess => msg!("engine-zxcvbn-warn-repeats-aaa"),
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            msg!("engine-zxcvbn-warn-repeats-abcabc")
        }
        Warning::ThisIsATop10Password => msg!("engine-zxcvbn-warn-top-10"),
        Warning::ThisIsATop100Password => msg!("engine-zxcvbn-warn-top-100"),
        Warning::ThisIsACommonPassword => msg!("engine-zxcvbn-warn-common"),
        Warning::ThisIsSimilarToACommonlyUsedPassword => {
            msg!("engine-zxcvbn-warn-similar-to-common")
        }
        Warning::SequencesLikeAbcAreEasyToGuess => msg!("engine-zxcvbn-warn-sequences"),
        Warning::RecentYearsAreEasyToGuess => msg!("engine-zxcvbn-warn-recent-years"),
        Warning::AWordByItselfIsEasyToGuess => msg!("engine-zxcvbn-warn-single-word"),
        Warning::DatesAreOftenEasyToGuess => msg!("engine-zxcvbn-warn-dates"),
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => {
            msg!("engine-zxcvbn-warn-names-alone")
        }
        Warning::CommonNamesAndSurnamesAreEasyToGuess => msg!("engine-zxcvbn-warn-common-names"),
    }
}

fn suggestion_text(s: Suggestion) -> Msg {
    match s {
        Suggestion::UseAFewWordsAvoidCommonPhrases => msg!("engine-zxcvbn-tip-few-words"),
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => {
            msg!("engine-zxcvbn-tip-no-need-for-symbols")
        }
        Suggestion::AddAnotherWordOrTwo => msg!("engine-zxcvbn-tip-add-a-word"),
        Suggestion::CapitalizationDoesntHelpVeryMuch => msg!("engine-zxcvbn-tip-capitalization"),
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
            msg!("engine-zxcvbn-tip-all-uppercase")
        }
        Suggestion::ReversedWordsArentMuchHarderToGuess => msg!("engine-zxcvbn-tip-reversed-words"),
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => {
            msg!("engine-zxcvbn-tip-substitutions")
        }
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => {
            msg!("engine-zxcvbn-tip-longer-keyboard-pattern")
        }
        Suggestion::AvoidRepeatedWordsAndCharacters => msg!("engine-zxcvbn-tip-avoid-repeats"),
        Suggestion::AvoidSequences => msg!("engine-zxcvbn-tip-avoid-sequences"),
        Suggestion::AvoidRecentYears => msg!("engine-zxcvbn-tip-avoid-recent-years"),
        Suggestion::AvoidYearsThatAreAssociatedWithYou => {
            msg!("engine-zxcvbn-tip-avoid-your-years")
        }
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => {
            msg!("engine-zxcvbn-tip-avoid-your-dates")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn s(p: &str) -> SecretString {
        SecretString::from(p.to_string())
    }

    #[test]
    fn weak_and_strong_are_told_apart() {
        let weak = analyse(&s("password1"), &[]);
        assert!(weak.details.score <= 1);
        assert!(weak.details.warning.is_some());
        let strong = analyse(&s("vT9#qLm2$wXe7!pRz4"), &[]);
        assert!(strong.details.score >= 3);
        assert!(
            strong.details.crack_time_offline_slow_hash.seconds
                > weak.details.crack_time_offline_slow_hash.seconds
        );
    }

    #[test]
    fn personal_info_is_caught_where_zxcvbn_is_not() {
        let hints = vec!["alice.tanaka@example.com".to_string()];
        let a = analyse(&s("alice.tanaka1990"), &hints);
        assert!(a.contains_personal);
        assert!(analyse(&s("MyBinance#2024xx"), &[]).contains_personal);
        assert!(analyse(&s("b1n4nce-rocks-77"), &[]).contains_personal);
        assert!(!analyse(&s("vT9#qLm2$wXe7!pRz4"), &hints).contains_personal);
    }

    #[test]
    fn letters_digits_and_classes() {
        let a = analyse(&s("Summer2024"), &[]);
        assert!(a.letters_digits_only);
        assert_eq!(a.char_classes, 3);
        assert!(!analyse(&s("Summer-2024"), &[]).letters_digits_only);
    }

    #[test]
    fn japanese_feedback() {
        let a = analyse(&s("password"), &[]);
        let w = a.details.warning.unwrap().render(Lang::Ja);
        assert!(w.contains("パスワード"), "{w}");
        let t = a
            .details
            .crack_time_online_throttled
            .display
            .render(Lang::Ja);
        assert!(!t.is_empty());
    }

    #[test]
    fn durations_read_naturally() {
        let en = |s: f64| duration_text(s).render(Lang::En);
        assert_eq!(en(0.2), "less than a second");
        assert_eq!(en(7200.0), "2 hours");
        assert_eq!(en(3600.0), "1 hour");
        assert_eq!(duration_text(7200.0).render(Lang::Ja), "2時間");
        assert_eq!(en(1e12), "centuries");
    }
}
