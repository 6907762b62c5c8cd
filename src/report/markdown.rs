//! Markdown for a GitHub step summary or an email body: the verdict first,
//! a table of findings, then the details and what could not be checked.
//!
//! Values that come from outside (address names, statuses, reasons) are put
//! in code spans: an address book entry named `[restore your account](…)`
//! must not become a link in a summary people trust.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{BaselineState, Report, Source, WaiverStatus};
use crate::collect::CheckState;
use crate::i18n::{Lang, tr};
use crate::rules::Severity;

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "🔴",
        Severity::High => "🟠",
        Severity::Medium => "🟡",
        Severity::Low => "🔵",
        Severity::Info => "⚪",
    }
}

/// Escape text so Markdown shows it as written (no emphasis, links, HTML).
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' => {
                o.push('\\');
                o.push(c);
            }
            '\n' | '\r' => o.push(' '),
            _ => o.push(c),
        }
    }
    o
}

/// A code span that holds any text on one line. Inside a table a pipe still
/// ends the cell unless escaped, even in code (GFM).
pub fn code(s: &str, in_table: bool) -> String {
    let mut text: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if in_table {
        text = text.replace('|', "\\|");
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Several reports (`--all-profiles`): one section per account.
pub fn render_many(reports: &[Report]) -> String {
    reports
        .iter()
        .map(render)
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

pub fn render(r: &Report) -> String {
    let l = r.lang;
    let mut o = String::new();
    let profile = r
        .profile
        .as_ref()
        .map(|p| format!(" — {} {}", tr(l, "profile", "プロファイル"), code(p, false)))
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "## {}{profile}\n",
        tr(
            l,
            "binance-audit security report",
            "binance-audit セキュリティ診断レポート"
        )
    );

    let coverage = match l {
        Lang::En => format!(
            "{} of {} checks ran",
            r.coverage.evaluated, r.coverage.total
        ),
        Lang::Ja => format!(
            "{}項目中{}項目を確認",
            r.coverage.total, r.coverage.evaluated
        ),
    };
    let verdict = match (r.score, r.grade) {
        (Some(s), Some(g)) => format!(
            "**{} {s}/100 · {} {}**",
            tr(l, "Score", "スコア"),
            tr(l, "Grade", "評価"),
            g.as_str()
        ),
        _ => format!(
            "**{}** ({})",
            tr(l, "Not graded", "評価なし"),
            esc(r.not_graded.as_deref().unwrap_or_default())
        ),
    };
    if !r.complete {
        // GitHub renders this as a warning callout at the top of the summary.
        let _ = writeln!(
            o,
            "> [!WARNING]\n> **{}**",
            tr(
                l,
                "INCOMPLETE: some checks could not run",
                "不完全: 一部の確認を実行できませんでした"
            )
        );
        for why in &r.incomplete {
            let _ = writeln!(o, "> - {}", esc(why));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "{verdict} — {coverage} · {} · binance-audit {}\n",
        esc(&r.generated_at),
        esc(&r.tool_version)
    );
    if let Some(b) = &r.baseline {
        let then = b
            .score
            .map(|s| match l {
                Lang::En => format!(" (score then: {s})"),
                Lang::Ja => format!("（当時のスコア: {s}）"),
            })
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{} {} ({} {}){then}\n",
            tr(l, "Compared with baseline", "比較したベースライン:"),
            code(&b.file, false),
            tr(l, "saved", "保存日時"),
            esc(&b.created_at)
        );
    }

    let counting: Vec<_> = r.findings.iter().filter(|f| f.counts()).collect();
    if r.findings.is_empty() {
        let _ = writeln!(
            o,
            "✅ {}\n",
            tr(
                l,
                "No findings among the checks that ran.",
                "確認できた項目に問題は見つかりませんでした。"
            )
        );
    } else {
        let waived = r.findings.len() - counting.len();
        let _ = write!(
            o,
            "### {} ({})",
            tr(l, "Findings", "検出事項"),
            counting.len()
        );
        if waived > 0 {
            let _ = write!(
                o,
                " {}",
                match l {
                    Lang::En => format!("+ {waived} waived"),
                    Lang::Ja => format!("＋免除 {waived}件"),
                }
            );
        }
        let _ = writeln!(o, "\n");
        let with_baseline = r.baseline.is_some();
        let _ = write!(
            o,
            "| | {} | {} | {} |",
            tr(l, "Severity", "重要度"),
            tr(l, "Rule", "ルール"),
            tr(l, "Finding", "内容")
        );
        if with_baseline {
            let _ = write!(o, " {} |", tr(l, "Baseline", "ベースライン"));
        }
        let _ = writeln!(
            o,
            "\n|---|---|---|---|{}",
            if with_baseline { "---|" } else { "" }
        );
        for f in &r.findings {
            let mut title = esc(&f.title);
            if f.waived.is_some() {
                title = format!("~~{title}~~ {}", tr(l, "(waived)", "（免除）"));
            }
            let _ = write!(
                o,
                "| {} | {} | {} | {title} |",
                icon(f.severity),
                f.severity,
                esc(&f.id)
            );
            if with_baseline {
                let state = match f.baseline {
                    Some(BaselineState::New) => format!("**{}**", tr(l, "new", "新規")),
                    Some(BaselineState::Existing) => tr(l, "existing", "既存").to_string(),
                    None => String::new(),
                };
                let _ = write!(o, " {state} |");
            }
            let _ = writeln!(o);
        }
        let _ = writeln!(o);

        for f in &r.findings {
            let _ = writeln!(
                o,
                "#### {} {} · {} · {}\n",
                icon(f.severity),
                f.severity.as_str().to_uppercase(),
                esc(&f.id),
                esc(&f.title)
            );
            if let Some(w) = &f.waived {
                let until = w
                    .expires
                    .as_ref()
                    .map(|d| match l {
                        Lang::En => format!(" (until {d})"),
                        Lang::Ja => format!("（{d}まで）"),
                    })
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "> {}: {}{until}\n",
                    tr(
                        l,
                        "Waived — does not count toward the score or gates",
                        "免除 — スコアと判定には数えません"
                    ),
                    code(&w.reason, false)
                );
            }
            if f.source == Source::Declared {
                let on = f.declared_on.as_deref().unwrap_or("?");
                let _ = writeln!(
                    o,
                    "_{}_\n",
                    match l {
                        Lang::En => format!("Declared by you on {on}, not observed."),
                        Lang::Ja => format!(
                            "{on}にあなたが申告した内容に基づきます（API等で確認したものではありません）。"
                        ),
                    }
                );
            }
            let _ = writeln!(o, "{}\n", esc(&f.risk));
            if !f.changes.is_empty() {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} |\n|---|---|---|",
                    tr(l, "Changed", "変更点"),
                    tr(l, "Baseline", "ベースライン"),
                    tr(l, "Now", "現在")
                );
                for c in &f.changes {
                    let _ = writeln!(
                        o,
                        "| {} | {} | {} |",
                        code(&c.label, true),
                        code(&c.old, true),
                        code(&c.new, true)
                    );
                }
                let _ = writeln!(o);
            } else if !f.evidence.is_empty() {
                let _ = writeln!(o, "**{}**\n", tr(l, "Evidence", "根拠"));
                for e in &f.evidence {
                    let _ = writeln!(o, "- {}", code(e, false));
                }
                let _ = writeln!(o);
            }
            let pts = if f.points > 0 {
                match l {
                    Lang::En => format!(" (+{} points)", f.points),
                    Lang::Ja => format!("（修正で+{}点）", f.points),
                }
            } else {
                String::new()
            };
            let _ = writeln!(o, "**{}**{pts}\n", tr(l, "Fix", "対処"));
            for (i, step) in f.remediation.iter().enumerate() {
                let _ = writeln!(o, "{}. {}", i + 1, esc(step));
            }
            if !f.references.is_empty() {
                let refs: Vec<String> = f
                    .references
                    .iter()
                    .map(|u| format!("<{}>", crate::i18n::link(l, u)))
                    .collect();
                let _ = writeln!(o, "\n{}: {}", tr(l, "References", "参考"), refs.join(" · "));
            }
            let _ = writeln!(o);
        }
    }

    if !r.not_checked.is_empty() {
        let _ = writeln!(
            o,
            "### {} ({})\n",
            tr(l, "Not checked", "未確認"),
            r.not_checked.len()
        );
        let mut by_reason: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for n in &r.not_checked {
            by_reason.entry(&n.reason).or_default().push(&n.id);
        }
        for (reason, ids) in by_reason {
            let ids: Vec<String> = ids.iter().map(|i| code(i, false)).collect();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let _ = writeln!(o, "- {} — {}", esc(reason), crate::i18n::join(l, &ids));
        }
        let _ = writeln!(o);
    }

    if !r.waivers.is_empty() {
        let _ = writeln!(
            o,
            "### {}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
            tr(l, "Waivers", "免除設定"),
            tr(l, "Rule", "ルール"),
            tr(l, "Status", "状態"),
            tr(l, "Reason", "理由"),
            tr(l, "Expires", "期限")
        );
        for w in &r.waivers {
            let status = match w.status {
                WaiverStatus::Active => tr(l, "active", "適用中").to_string(),
                WaiverStatus::Expired => format!("⚠️ **{}**", tr(l, "expired", "期限切れ")),
                WaiverStatus::Unused => format!("⚠️ {}", tr(l, "unused", "未使用")),
            };
            let _ = writeln!(
                o,
                "| {} | {status} | {} | {} |",
                code(&w.rule, true),
                code(&w.reason, true),
                w.expires.as_deref().map(esc).unwrap_or_else(|| "—".into())
            );
        }
        let _ = writeln!(o);
    }

    let _ = writeln!(
        o,
        "### {}\n\n| {} | {} | {} |\n|---|---|---|",
        tr(l, "Checks", "チェック"),
        tr(l, "Check", "チェック"),
        tr(l, "State", "状態"),
        tr(l, "Detail", "詳細")
    );
    for c in &r.checks {
        let state = match c.state {
            CheckState::Ran => format!("✅ {}", tr(l, "ran", "実行")),
            CheckState::Skipped => format!("⏭️ {}", tr(l, "skipped", "スキップ")),
            CheckState::Failed => format!("❌ **{}**", tr(l, "failed", "失敗")),
        };
        let _ = writeln!(o, "| {} | {state} | {} |", esc(&c.check), esc(&c.detail));
    }
    let _ = writeln!(o);

    if !r.warnings.is_empty() {
        let _ = writeln!(o, "### {}\n", tr(l, "Warnings", "警告"));
        for w in &r.warnings {
            let _ = writeln!(o, "- ⚠️ {}", esc(w));
        }
        let _ = writeln!(o);
    }

    if !r.passed.is_empty() {
        let ids: Vec<String> = r.passed.iter().map(|p| code(&p.id, false)).collect();
        let _ = writeln!(
            o,
            "{} ({}): {}\n",
            tr(l, "Passed", "問題なし"),
            r.passed.len(),
            ids.join(", ")
        );
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_text_cannot_become_markup() {
        assert_eq!(esc("[x](http://e) <b>*"), "\\[x\\](http://e) \\<b\\>\\*");
        assert_eq!(code("a`b", false), "``a`b``");
        assert_eq!(code("`x", false), "`` `x ``");
        assert_eq!(code("a|b\nc", true), "`a\\|b c`");
    }
}
