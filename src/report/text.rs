//! The terminal report. Worst news first, then what could not be checked and
//! how to enable it, then what passed.

use std::collections::BTreeMap;
use std::fmt::Write;

use colored::{ColoredString, Colorize};

use super::{BaselineState, Report, Source, WaiverStatus};
use crate::collect::CheckState;
use crate::i18n::{Lang, tr};
use crate::rules::Severity;

pub use super::format::RenderOptions as Options;

fn sev(s: Severity) -> ColoredString {
    let label = format!("{:<8}", s.as_str().to_uppercase());
    match s {
        Severity::Critical => label.red().bold(),
        Severity::High => label.red(),
        Severity::Medium => label.yellow(),
        Severity::Low => label.blue(),
        Severity::Info => label.normal(),
    }
}

pub fn render(r: &Report, opts: &Options) -> String {
    let l = r.lang;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} {} — {}{}",
        "binance-audit".bold(),
        r.tool_version,
        tr(l, "security report", "セキュリティ診断レポート"),
        r.profile
            .as_ref()
            .map(|p| format!(" [{p}]"))
            .unwrap_or_default()
    );
    let _ = writeln!(o, "{}", r.generated_at.dimmed());
    let _ = writeln!(o);

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
    match (r.score, r.grade) {
        (Some(s), Some(g)) => {
            let head = format!(
                "{} {s}/100  {} {}",
                tr(l, "Score", "スコア"),
                tr(l, "Grade", "評価"),
                g.as_str()
            );
            let head = match g {
                crate::score::Grade::A | crate::score::Grade::B => head.green().bold(),
                crate::score::Grade::C => head.yellow().bold(),
                _ => head.red().bold(),
            };
            let _ = writeln!(o, "{head}   ({coverage})");
        }
        _ => {
            let _ = writeln!(
                o,
                "{}   ({coverage})",
                tr(
                    l,
                    "No score: no weighted check could run.",
                    "スコアなし: 評価できた項目がありません。"
                )
                .yellow()
                .bold()
            );
        }
    }

    if let Some(p) = &r.password {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{}",
            tr(
                l,
                "Password strength (zxcvbn, computed locally)",
                "パスワード強度（zxcvbn、この端末内で計算）"
            )
            .bold()
        );
        let _ = writeln!(
            o,
            "  {} {}/4    {} 10^{:.1}",
            tr(l, "score", "スコア"),
            p.score,
            tr(l, "estimated guesses", "推定推測回数"),
            p.guesses_log10
        );
        let _ = writeln!(
            o,
            "  {}: {}",
            tr(
                l,
                "online attack, throttled (100/hour)",
                "オンライン攻撃・回数制限あり（毎時100回）"
            ),
            p.crack_time_online_throttled.display
        );
        let _ = writeln!(
            o,
            "  {}: {}",
            tr(
                l,
                "offline attack, slow hash (10k/s)",
                "オフライン攻撃・低速ハッシュ（毎秒1万回）"
            ),
            p.crack_time_offline_slow_hash.display
        );
        if let Some(w) = &p.warning {
            let _ = writeln!(o, "  {}: {w}", tr(l, "warning", "警告").yellow());
        }
        for s in &p.suggestions {
            let _ = writeln!(o, "  - {s}");
        }
    }

    let _ = writeln!(o);
    if r.findings.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            tr(
                l,
                "No findings among the checks that ran.",
                "確認できた項目に問題は見つかりませんでした。"
            )
            .green()
        );
    } else {
        let waived = r.findings.iter().filter(|f| f.waived.is_some()).count();
        let extra = match (waived, l) {
            (0, _) => String::new(),
            (n, Lang::En) => format!(", {n} waived"),
            (n, Lang::Ja) => format!("、うち免除{n}件"),
        };
        let _ = writeln!(
            o,
            "{} ({}{extra})",
            tr(l, "Findings", "検出事項").bold(),
            r.findings.len()
        );
    }
    for f in &r.findings {
        let _ = writeln!(o);
        // Waived and drift findings are not scored: no points to promise.
        let pts = match (f.points, l) {
            (0, _) => String::new(),
            (p, Lang::En) => format!("+{p} pts if fixed"),
            (p, Lang::Ja) => format!("修正で+{p}点"),
        };
        let new = if f.baseline == Some(BaselineState::New) {
            format!("{} ", tr(l, "NEW", "新規").magenta().bold())
        } else {
            String::new()
        };
        let pts = if pts.is_empty() {
            String::new()
        } else {
            format!("  {}", pts.dimmed())
        };
        let _ = writeln!(
            o,
            "{} {new}{}  {}{pts}",
            sev(f.severity),
            f.id.bold(),
            f.title.bold(),
        );
        if let Some(w) = &f.waived {
            let until = w
                .expires
                .as_ref()
                .map(|d| format!(" ({} {d})", tr(l, "until", "期限")))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {}: {}{until}",
                tr(
                    l,
                    "WAIVED, not scored or gated",
                    "免除（スコア・判定の対象外）"
                )
                .cyan(),
                w.reason
            );
        }
        if f.source == Source::Declared {
            let on = f.declared_on.as_deref().unwrap_or("?");
            let _ = writeln!(o, "  {}", match l {
                Lang::En => format!("(declared by you on {on}, not observed)"),
                Lang::Ja => format!("（{on}にあなたが申告した内容に基づきます。API等で確認したものではありません）"),
            }.cyan());
        }
        let _ = writeln!(o, "  {}: {}", tr(l, "Why", "理由"), f.risk);
        for e in &f.evidence {
            let _ = writeln!(o, "  {}: {e}", tr(l, "Evidence", "根拠"));
        }
        let _ = writeln!(o, "  {}:", tr(l, "Fix", "対処"));
        for (i, step) in f.remediation.iter().enumerate() {
            let _ = writeln!(o, "    {}. {step}", i + 1);
        }
        for r in &f.references {
            let _ = writeln!(o, "    {}", r.dimmed());
        }
    }

    if !r.not_checked.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{} ({})",
            tr(l, "Not checked", "未確認").bold().yellow(),
            r.not_checked.len()
        );
        // Group by reason: twelve API rules share one missing key.
        let mut by_reason: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for n in &r.not_checked {
            by_reason.entry(&n.reason).or_default().push(&n.id);
        }
        for (reason, ids) in by_reason {
            let _ = writeln!(o, "  - {reason}");
            let _ = writeln!(o, "    {}", ids.join(", ").dimmed());
        }
    }

    let _ = writeln!(o);
    let _ = writeln!(o, "{}", tr(l, "Checks", "チェック").bold());
    for c in &r.checks {
        let state = match c.state {
            CheckState::Ran => tr(l, "ran", "実行").green(),
            CheckState::Skipped => tr(l, "skipped", "スキップ").yellow(),
            CheckState::Failed => tr(l, "FAILED", "失敗").red().bold(),
        };
        let _ = writeln!(o, "  {:<12} {state}  {}", c.check, c.detail);
    }

    if !r.passed.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{} ({})",
            tr(l, "Passed (not found)", "問題なし（該当せず）")
                .bold()
                .green(),
            r.passed.len()
        );
        for p in &r.passed {
            let _ = writeln!(o, "  ✓ {}  {}", p.id, p.title);
        }
    }

    let declared: Vec<_> = r.facts.iter().filter(|f| f.source == "declared").collect();
    if !declared.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{}",
            tr(
                l,
                "Declared by you (not observable through the API)",
                "あなたの申告（APIでは確認できない項目）"
            )
            .bold()
        );
        for f in declared {
            let v = f.value.as_ref().map(|v| v.to_string()).unwrap_or_default();
            let _ = writeln!(
                o,
                "  {} = {v}  ({})",
                f.name,
                f.declared_on.as_deref().unwrap_or("")
            );
        }
    }

    if !r.waivers.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", tr(l, "Waivers", "免除設定").bold());
        for w in &r.waivers {
            let status = match w.status {
                WaiverStatus::Active => tr(l, "active", "適用中").green(),
                WaiverStatus::Expired => tr(l, "EXPIRED", "期限切れ").red().bold(),
                WaiverStatus::Unused => tr(l, "unused", "未使用").yellow(),
            };
            let until = w
                .expires
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let _ = writeln!(o, "  {:<12} {status}{until}  {}", w.rule, w.reason);
        }
    }

    for w in &r.warnings {
        let _ = writeln!(o);
        let _ = writeln!(o, "{} {w}", tr(l, "warning:", "警告:").yellow().bold());
    }

    if opts.verbose || !r.network.is_empty() {
        let _ = writeln!(o);
        network_section(&mut o, &r.network, l);
    }
    o
}

/// Every request that left the machine, or that none did; shared with the
/// `--stdin-list` report so both say it the same way.
pub fn network_section(o: &mut String, network: &[crate::net::NetRequest], l: Lang) {
    let _ = writeln!(
        o,
        "{} ({})",
        tr(l, "Network requests made", "送信したネットワーク要求").bold(),
        network.len()
    );
    if network.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            tr(
                l,
                "none: nothing left this machine",
                "なし: この端末から何も送信していません"
            )
        );
    }
    for n in network {
        let tries = match (n.tries, l) {
            (0 | 1, _) => String::new(),
            (t, Lang::En) => format!(" ({t} tries)"),
            (t, Lang::Ja) => format!("（{t}回試行）"),
        };
        let _ = writeln!(
            o,
            "  {} {}{}  — {}{tries}",
            n.method, n.host, n.path, n.purpose
        );
    }
}
