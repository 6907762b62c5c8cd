//! Local password strength (zxcvbn). The password is only ever held in a
//! `SecretString`; what leaves this module are numbers and flags.

use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use zxcvbn::feedback::{Suggestion, Warning};

use crate::facts::Facts;
use crate::i18n::{Lang, Text};

/// Longer input is refused: Binance caps passwords well below this, and
/// zxcvbn only scores the first 100 characters anyway.
pub const MAX_LEN: usize = 256;

#[derive(Clone, Debug, Serialize)]
pub struct CrackTime {
    pub seconds: f64,
    pub display: String,
}

/// What the report shows about a password: never the password.
#[derive(Clone, Debug, Serialize)]
pub struct PasswordDetails {
    pub score: u8,
    pub length: usize,
    pub guesses_log10: f64,
    pub crack_time_online_throttled: CrackTime,
    pub crack_time_offline_slow_hash: CrackTime,
    pub warning: Option<String>,
    pub suggestions: Vec<String>,
}

pub struct Analysis {
    pub details: PasswordDetails,
    pub contains_personal: bool,
    pub letters_digits_only: bool,
    pub char_classes: u8,
}

/// `hints` are personal strings (email, names); "binance" is always added.
pub fn analyse(password: &SecretString, hints: &[String], lang: Lang) -> Analysis {
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
            display: duration_text(online, lang),
        },
        crack_time_offline_slow_hash: CrackTime {
            seconds: offline,
            display: duration_text(offline, lang),
        },
        warning: feedback
            .and_then(|f| f.warning())
            .map(|w| warning_text(w).get(lang).to_string()),
        suggestions: feedback
            .map(|f| {
                f.suggestions()
                    .iter()
                    .map(|s| suggestion_text(*s).get(lang).to_string())
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

fn duration_text(seconds: f64, lang: Lang) -> String {
    const MIN: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86400.0;
    const MONTH: f64 = DAY * 31.0;
    const YEAR: f64 = DAY * 365.0;
    let (n, en, ja) = if seconds < 1.0 {
        return crate::i18n::tr(lang, "less than a second", "1秒未満").into();
    } else if seconds < MIN {
        (seconds, "second", "秒")
    } else if seconds < HOUR {
        (seconds / MIN, "minute", "分")
    } else if seconds < DAY {
        (seconds / HOUR, "hour", "時間")
    } else if seconds < MONTH {
        (seconds / DAY, "day", "日")
    } else if seconds < YEAR {
        (seconds / MONTH, "month", "か月")
    } else if seconds < YEAR * 100.0 {
        (seconds / YEAR, "year", "年")
    } else {
        return crate::i18n::tr(lang, "centuries", "数百年以上").into();
    };
    let n = n.round() as u64;
    match lang {
        Lang::En if n == 1 => format!("1 {en}"),
        Lang::En => format!("{n} {en}s"),
        Lang::Ja => format!("{n}{ja}"),
    }
}

fn warning_text(w: Warning) -> Text {
    let (en, ja) = match w {
        Warning::StraightRowsOfKeysAreEasyToGuess => (
            "Straight rows of keys are easy to guess.",
            "キーボードの横一列の並びは推測されやすいです。",
        ),
        Warning::ShortKeyboardPatternsAreEasyToGuess => (
            "Short keyboard patterns are easy to guess.",
            "短いキーボード配列のパターンは推測されやすいです。",
        ),
        Warning::RepeatsLikeAaaAreEasyToGuess => (
            "Repeats like \"aaa\" are easy to guess.",
            "「aaa」のような繰り返しは推測されやすいです。",
        ),
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => (
            "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".",
            "「abcabcabc」のような繰り返しは「abc」よりわずかに推測しにくいだけです。",
        ),
        Warning::ThisIsATop10Password => (
            "This is a top-10 common password.",
            "よく使われるパスワードの上位10位に入っています。",
        ),
        Warning::ThisIsATop100Password => (
            "This is a top-100 common password.",
            "よく使われるパスワードの上位100位に入っています。",
        ),
        Warning::ThisIsACommonPassword => (
            "This is a very common password.",
            "非常によく使われるパスワードです。",
        ),
        Warning::ThisIsSimilarToACommonlyUsedPassword => (
            "This is similar to a commonly used password.",
            "よく使われるパスワードに似ています。",
        ),
        Warning::SequencesLikeAbcAreEasyToGuess => (
            "Sequences like abc or 6543 are easy to guess.",
            "abcや6543のような連続した並びは推測されやすいです。",
        ),
        Warning::RecentYearsAreEasyToGuess => (
            "Recent years are easy to guess.",
            "最近の年号は推測されやすいです。",
        ),
        Warning::AWordByItselfIsEasyToGuess => (
            "A word by itself is easy to guess.",
            "単語ひとつだけでは推測されやすいです。",
        ),
        Warning::DatesAreOftenEasyToGuess => (
            "Dates are often easy to guess.",
            "日付は推測されやすいことが多いです。",
        ),
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => (
            "Names and surnames by themselves are easy to guess.",
            "名前や名字だけでは推測されやすいです。",
        ),
        Warning::CommonNamesAndSurnamesAreEasyToGuess => (
            "Common names and surnames are easy to guess.",
            "よくある名前や名字は推測されやすいです。",
        ),
    };
    Text::new(en, ja)
}

fn suggestion_text(s: Suggestion) -> Text {
    let (en, ja) = match s {
        Suggestion::UseAFewWordsAvoidCommonPhrases => (
            "Use a few words, avoid common phrases.",
            "いくつかの単語を組み合わせ、よくある言い回しは避けてください。",
        ),
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => (
            "No need for symbols, digits, or uppercase letters.",
            "記号・数字・大文字は必須ではありません（長さが大切です）。",
        ),
        Suggestion::AddAnotherWordOrTwo => (
            "Add another word or two. Uncommon words are better.",
            "単語をもう1〜2語足してください。珍しい単語ほど効果的です。",
        ),
        Suggestion::CapitalizationDoesntHelpVeryMuch => (
            "Capitalization doesn't help very much.",
            "大文字にしてもあまり強くなりません。",
        ),
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => (
            "All-uppercase is almost as easy to guess as all-lowercase.",
            "すべて大文字でも、すべて小文字とほぼ同じくらい推測されやすいです。",
        ),
        Suggestion::ReversedWordsArentMuchHarderToGuess => (
            "Reversed words aren't much harder to guess.",
            "単語を逆さにしても推測の難しさはほとんど変わりません。",
        ),
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => (
            "Predictable substitutions like '@' instead of 'a' don't help very much.",
            "「a」を「@」にするような予測しやすい置き換えは効果がほとんどありません。",
        ),
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => (
            "Use a longer keyboard pattern with more turns.",
            "キーボードのパターンを使うなら、もっと長く曲がりの多いものにしてください。",
        ),
        Suggestion::AvoidRepeatedWordsAndCharacters => (
            "Avoid repeated words and characters.",
            "同じ単語や文字の繰り返しは避けてください。",
        ),
        Suggestion::AvoidSequences => ("Avoid sequences.", "連続した並びは避けてください。"),
        Suggestion::AvoidRecentYears => ("Avoid recent years.", "最近の年号は避けてください。"),
        Suggestion::AvoidYearsThatAreAssociatedWithYou => (
            "Avoid years that are associated with you.",
            "自分に関係のある年号は避けてください。",
        ),
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => (
            "Avoid dates and years that are associated with you.",
            "自分に関係のある日付や年号は避けてください。",
        ),
    };
    Text::new(en, ja)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(p: &str) -> SecretString {
        SecretString::from(p.to_string())
    }

    #[test]
    fn weak_and_strong_are_told_apart() {
        let weak = analyse(&s("password1"), &[], Lang::En);
        assert!(weak.details.score <= 1);
        assert!(weak.details.warning.is_some());
        let strong = analyse(&s("vT9#qLm2$wXe7!pRz4"), &[], Lang::En);
        assert!(strong.details.score >= 3);
        assert!(
            strong.details.crack_time_offline_slow_hash.seconds
                > weak.details.crack_time_offline_slow_hash.seconds
        );
    }

    #[test]
    fn personal_info_is_caught_where_zxcvbn_is_not() {
        let hints = vec!["alice.tanaka@example.com".to_string()];
        let a = analyse(&s("alice.tanaka1990"), &hints, Lang::En);
        assert!(a.contains_personal);
        assert!(analyse(&s("MyBinance#2024xx"), &[], Lang::En).contains_personal);
        assert!(analyse(&s("b1n4nce-rocks-77"), &[], Lang::En).contains_personal);
        assert!(!analyse(&s("vT9#qLm2$wXe7!pRz4"), &hints, Lang::En).contains_personal);
    }

    #[test]
    fn letters_digits_and_classes() {
        let a = analyse(&s("Summer2024"), &[], Lang::En);
        assert!(a.letters_digits_only);
        assert_eq!(a.char_classes, 3);
        assert!(!analyse(&s("Summer-2024"), &[], Lang::En).letters_digits_only);
    }

    #[test]
    fn japanese_feedback() {
        let a = analyse(&s("password"), &[], Lang::Ja);
        let w = a.details.warning.unwrap();
        assert!(w.contains("パスワード"), "{w}");
        assert!(!a.details.crack_time_online_throttled.display.is_empty());
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(0.2, Lang::En), "less than a second");
        assert_eq!(duration_text(7200.0, Lang::En), "2 hours");
        assert_eq!(duration_text(7200.0, Lang::Ja), "2時間");
        assert_eq!(duration_text(1e12, Lang::En), "centuries");
    }
}
