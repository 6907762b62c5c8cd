//! `[[waiver]]` entries: which ones concern this run, which finding each one
//! covers, and what became of each (active, expired, unused and why).

use chrono::NaiveDate;

use crate::config::Waiver;
use crate::i18n::{Lang, tr};
use crate::report::{NotChecked, Waived, WaiverEntry, WaiverStatus};
use crate::rules::{Category, Rule};

/// The calendar date of a waiver's `expires`, if it has one.
pub fn expiry_date(w: &Waiver) -> Option<NaiveDate> {
    w.expires
        .as_ref()
        .and_then(crate::collect::declared::date_of)
}

/// `profile = "default"` names the `[binance]` section, as `--profile default` does.
pub fn concerns(w: &Waiver, profile: Option<&str>) -> bool {
    match w.profile.as_deref() {
        None => true,
        Some("default") => matches!(profile, None | Some("default")),
        Some(p) => Some(p) == profile,
    }
}

/// A waiver applies up to the day before `expires`; from that date on the
/// finding counts again.
pub fn expired(w: &Waiver, today: NaiveDate) -> bool {
    expiry_date(w).is_some_and(|d| today >= d)
}

/// The waivers of one run, counting how often each one was used.
pub struct Waivers<'a> {
    all: &'a [Waiver],
    profile: Option<&'a str>,
    today: NaiveDate,
    used: Vec<usize>,
}

impl<'a> Waivers<'a> {
    pub fn new(all: &'a [Waiver], profile: Option<&'a str>, today: NaiveDate) -> Waivers<'a> {
        Waivers {
            all,
            profile,
            today,
            used: vec![0; all.len()],
        }
    }

    /// The waiver that covers a failed rule, if one is in force.
    pub fn cover(&mut self, rule: &Rule) -> Option<Waived> {
        let (i, w) = self.all.iter().enumerate().find(|(_, w)| {
            concerns(w, self.profile)
                && w.rule.eq_ignore_ascii_case(&rule.id)
                && !expired(w, self.today)
        })?;
        self.used[i] += 1;
        Some(Waived {
            reason: w.reason.trim().to_string(),
            expires: expiry_date(w).map(|d| d.to_string()),
        })
    }

    /// Every waiver that concerns this run, with its status and, when it did
    /// nothing, why.
    pub fn report(
        &self,
        rules: &[Rule],
        with_baseline: bool,
        not_checked: &[NotChecked],
        lang: Lang,
    ) -> Vec<WaiverEntry> {
        self.all
            .iter()
            .zip(&self.used)
            .filter(|(w, _)| concerns(w, self.profile))
            .map(|(w, &n)| {
                let expires = expiry_date(w);
                let rule = rules.iter().find(|r| r.id.eq_ignore_ascii_case(&w.rule));
                let (status, note) = if let Some(d) = expires.filter(|_| expired(w, self.today)) {
                    let note = match lang {
                        Lang::En => format!("expired on {d} and no longer applies: renew it with a new date or fix the finding"),
                        Lang::Ja => format!("{d}に期限切れとなり、適用されなくなりました。期限を更新するか、問題を修正してください"),
                    };
                    (WaiverStatus::Expired, Some(note))
                } else if n > 0 {
                    (WaiverStatus::Active, None)
                } else {
                    let why = unused_reason(rule, with_baseline, not_checked, lang);
                    let note = match lang {
                        Lang::En => format!("matched no finding in this run: {why}"),
                        Lang::Ja => format!("今回の検出事項に一致しませんでした: {why}"),
                    };
                    (WaiverStatus::Unused, Some(note))
                };
                WaiverEntry {
                    rule: w.rule.clone(),
                    profile: w.profile.clone(),
                    reason: w.reason.trim().to_string(),
                    expires: expires.map(|d| d.to_string()),
                    status,
                    note,
                }
            })
            .collect()
    }
}

fn unused_reason(
    rule: Option<&Rule>,
    with_baseline: bool,
    not_checked: &[NotChecked],
    lang: Lang,
) -> String {
    match rule {
        None => tr(lang, "no rule has this id", "このIDのルールはありません").to_string(),
        Some(r) if r.category == Category::Drift && !with_baseline => tr(
            lang,
            "drift rules run only with --baseline",
            "ドリフトのルールは --baseline 指定時のみ実行されます",
        )
        .to_string(),
        Some(r) => match not_checked.iter().find(|c| c.id == r.id) {
            Some(c) => format!(
                "{} ({})",
                tr(
                    lang,
                    "the rule was not evaluated in this run",
                    "このルールは今回評価されていません"
                ),
                c.reason
            ),
            None => tr(
                lang,
                "the rule passed, nothing to waive: remove the waiver?",
                "ルールは問題なしでした。免除設定は不要かもしれません",
            )
            .to_string(),
        },
    }
}
