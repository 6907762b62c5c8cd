//! Facts the user declared in `[declared]` (written by `binance-audit setup`).
//! No Binance API exposes 2FA methods, the anti-phishing code or the whitelist
//! switch, so these are the user's word, dated, and reports say so.

use chrono::NaiveDate;

use super::CheckStatus;
use crate::config::Declared;
use crate::facts::Facts;
use crate::msg;

pub const TWO_FACTOR_METHODS: &[&str] =
    &["authenticator", "passkey", "security_key", "sms", "email"];

pub fn date_of(d: &toml::value::Datetime) -> Option<NaiveDate> {
    let date = d.date?;
    NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)
}

pub fn collect(declared: Option<&Declared>, today: NaiveDate, facts: &mut Facts) -> CheckStatus {
    let Some(d) = declared else {
        let why = msg!("engine-declared-none");
        facts.not_checked_prefix("declared.", why.clone());
        return CheckStatus::skipped("declared", why);
    };
    let Some(on) = date_of(&d.on) else {
        facts.not_checked_prefix("declared.", msg!("engine-declared-no-date"));
        return CheckStatus::failed("declared", msg!("engine-declared-bad-date"));
    };
    // A date ahead of today never goes stale; a day of slack covers time zones.
    if on > today + chrono::Days::new(1) {
        let why = msg!("engine-declared-future", on = on.to_string());
        facts.not_checked_prefix("declared.", why.clone());
        return CheckStatus::failed("declared", msg!("engine-declared-future-fix", why = why));
    }
    let date_for = |key: &str| d.answered_on.get(key).and_then(date_of).unwrap_or(on);
    let not_sure = |key: &str| d.not_sure.iter().any(|k| k == key);
    for key in crate::config::QUESTIONS {
        if not_sure(key) {
            let when = date_for(key);
            facts.not_checked(
                &format!("declared.{key}"),
                msg!("engine-declared-not-sure", on = when.to_string()),
            );
        }
    }
    if let Some(methods) = d.two_factor.as_ref().filter(|_| !not_sure("two_factor")) {
        if let Some(bad) = methods
            .iter()
            .find(|m| !TWO_FACTOR_METHODS.contains(&m.as_str()) && m.as_str() != "none")
        {
            facts.not_checked(
                "declared.two_factor",
                msg!(
                    "engine-declared-unknown-factor",
                    factor = format!("{bad:?}")
                ),
            );
        } else {
            let list: Vec<&str> = methods
                .iter()
                .map(String::as_str)
                .filter(|m| *m != "none")
                .collect();
            facts.declare("declared.two_factor", list, date_for("two_factor"));
        }
    }
    for key in crate::config::QUESTIONS {
        if let Some(v) = d.flag(key).filter(|_| !not_sure(key)) {
            facts.declare(&format!("declared.{key}"), v, date_for(key));
        }
    }
    // The "not sure" list is itself a declaration (dated by its newest
    // answer): empty means the user knew every answer they gave.
    let unsure: Vec<&str> = crate::config::QUESTIONS
        .into_iter()
        .filter(|k| not_sure(k))
        .collect();
    let unsure_on = unsure.iter().map(|k| date_for(k)).max().unwrap_or(on);
    facts.declare("declared.not_sure", unsure, unsure_on);
    facts.declare("declared.age_days", (today - on).num_days().max(0), on);
    facts.not_checked_prefix("declared.", msg!("engine-declared-not-answered"));
    CheckStatus::ran("declared", msg!("engine-declared-on", on = on.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Fact;

    #[test]
    fn declarations_become_dated_facts() {
        let cfg = crate::config::parse(
            "[declared]\non = 2026-11-01\ntwo_factor = [\"sms\"]\nanti_phishing_code = false\n",
        )
        .unwrap();
        let mut f = Facts::new();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let st = collect(cfg.declared.as_ref(), today, &mut f);
        assert_eq!(st.state, super::super::CheckState::Ran);
        assert!(f.get("declared.two_factor").unwrap().is_declared());
        assert_eq!(
            f.get("declared.age_days").and_then(Fact::value),
            Some(&serde_json::json!(24))
        );
        assert!(matches!(
            f.get("declared.withdrawal_whitelist"),
            Some(Fact::NotChecked { .. })
        ));
    }

    #[test]
    fn a_date_in_the_future_is_refused() {
        let cfg = crate::config::parse("[declared]\non = 2099-01-01\nanti_phishing_code = true\n")
            .unwrap();
        let mut f = Facts::new();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let st = collect(cfg.declared.as_ref(), today, &mut f);
        assert_eq!(st.state, super::super::CheckState::Failed);
        let detail = st.detail.render(crate::i18n::Lang::En);
        assert!(detail.contains("future"), "{detail}");
        assert!(matches!(
            f.get("declared.anti_phishing_code"),
            Some(Fact::NotChecked { .. })
        ));
    }

    #[test]
    fn not_sure_answers_are_not_checked_and_listed() {
        let cfg = crate::config::parse(
            "[declared]\non = 2026-11-01\nanti_phishing_code = true\ndevices_reviewed = true\nnot_sure = [\"anti_phishing_code\", \"two_factor\"]\nanswered_on = { devices_reviewed = 2026-11-20 }\n",
        )
        .unwrap();
        let mut f = Facts::new();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        collect(cfg.declared.as_ref(), today, &mut f);
        match f.get("declared.anti_phishing_code") {
            Some(Fact::NotChecked { reason }) => {
                let en = reason.render(crate::i18n::Lang::En);
                assert!(en.contains("not sure"), "{en}");
                // Said in Japanese too (it was English under --lang ja).
                let ja = reason.render(crate::i18n::Lang::Ja);
                assert!(ja.contains("わからない"), "{ja}");
                assert!(crate::i18n::english_runs(&ja).is_empty(), "{ja}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            f.get("declared.two_factor"),
            Some(Fact::NotChecked { .. })
        ));
        assert_eq!(
            f.get("declared.not_sure").and_then(Fact::value),
            Some(&serde_json::json!(["two_factor", "anti_phishing_code"]))
        );
        match f.get("declared.devices_reviewed") {
            Some(Fact::Declared { on, .. }) => assert_eq!(on.to_string(), "2026-11-20"),
            other => panic!("{other:?}"),
        }
        // The reminder counts from the oldest answer.
        assert_eq!(
            f.get("declared.age_days").and_then(Fact::value),
            Some(&serde_json::json!(24))
        );
    }

    #[test]
    fn nothing_declared_is_not_checked() {
        let mut f = Facts::new();
        collect(None, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), &mut f);
        assert!(matches!(
            f.get("declared.two_factor"),
            Some(Fact::NotChecked { .. })
        ));
    }
}
