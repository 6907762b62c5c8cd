//! The terminal report. Worst news first, then what could not be checked and
//! how to enable it, then what passed.

use std::collections::BTreeMap;
use std::fmt::Write;

use colored::{ColoredString, Colorize};

use super::{BaselineState, Report, Source, WaiverStatus};
use crate::collect::CheckState;
use crate::i18n::{Lang, tr};
use crate::rules::Severity;
use crate::text::fill;

pub use super::format::RenderOptions as Options;

/// Severity as a person reads it, in the report's language.
pub fn sev_label(s: Severity, l: Lang) -> &'static str {
    match (s, l) {
        (Severity::Critical, Lang::En) => "CRITICAL",
        (Severity::High, Lang::En) => "HIGH",
        (Severity::Medium, Lang::En) => "MEDIUM",
        (Severity::Low, Lang::En) => "LOW",
        (Severity::Info, Lang::En) => "INFO",
        (Severity::Critical, Lang::Ja) => "重大",
        (Severity::High, Lang::Ja) => "高",
        (Severity::Medium, Lang::Ja) => "中",
        (Severity::Low, Lang::Ja) => "低",
        (Severity::Info, Lang::Ja) => "情報",
    }
}

fn sev(s: Severity, l: Lang) -> ColoredString {
    let label = crate::text::pad(sev_label(s, l), 8) + " ";
    match s {
        Severity::Critical => label.red().bold(),
        Severity::High => label.red(),
        Severity::Medium => label.yellow(),
        Severity::Low => label.blue(),
        Severity::Info => label.normal(),
    }
}

/// The report a person reads: title; what made the run incomplete; the
/// grade (or why there is none, and what would give one); the three fixes
/// worth most; each finding with its fix; one merged "not checked" list.
/// Details (why, evidence, references, passed checks, network) only with
/// `-v`. Every line fits `opts.width` columns by display width.
pub fn render(r: &Report, opts: &Options) -> String {
    let l = r.lang;
    let w = opts.width;
    let mut o = String::new();
    if opts.quiet {
        banner(&mut o, r, w);
        let _ = writeln!(o, "{}", grade_line(r));
        return o;
    }
    let title = format!(
        "binance-audit {} — {}{}",
        r.tool_version,
        tr(l, "security report", "セキュリティ診断レポート"),
        r.profile
            .as_ref()
            .map(|p| format!(" [{}]", crate::text::escape(p, 60)))
            .unwrap_or_default()
    );
    let _ = writeln!(o, "{}", fill("", 0, 2, &title, w).bold());
    let _ = writeln!(o, "{}", r.generated_at.dimmed());
    banner(&mut o, r, w);
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", grade_line(r));
    if !r.next_steps.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            fill(
                "",
                0,
                2,
                tr(
                    l,
                    "To get a grade, run:",
                    "評価を得るには、次を実行してください:"
                ),
                w
            )
        );
        for step in &r.next_steps {
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, step, w));
        }
    }

    if let Some(p) = &r.password {
        password_section(&mut o, p, l, w);
    }

    let first: Vec<&super::Finding> = {
        let mut v: Vec<&super::Finding> = r
            .findings
            .iter()
            .filter(|f| f.counts() && f.points > 0)
            .collect();
        v.sort_by(|a, b| b.points.cmp(&a.points).then(b.severity.cmp(&a.severity)));
        v.truncate(3);
        v
    };
    if first.len() > 1 {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", tr(l, "Do these first", "まずこれを").bold());
        for (i, f) in first.iter().enumerate() {
            let line = match l {
                Lang::En => format!("{} (+{} pts, {})", f.title, f.points, f.id),
                Lang::Ja => format!("{}（+{}点、{}）", f.title, f.points, f.id),
            };
            let _ = writeln!(o, "{}", fill(&format!("  {}. ", i + 1), 5, 5, &line, w));
        }
    }

    let _ = writeln!(o);
    if r.findings.is_empty() {
        let none = tr(
            l,
            "No findings among the checks that ran.",
            "確認できた項目に問題は見つかりませんでした。",
        );
        let _ = writeln!(o, "{}", fill("", 0, 0, none, w).green());
    } else {
        let waived = r.findings.iter().filter(|f| f.waived.is_some()).count();
        let extra = match (waived, l) {
            (0, _) => String::new(),
            (n, Lang::En) => format!(", {n} waived"),
            (n, Lang::Ja) => format!("、うち免除{n}件"),
        };
        let _ = writeln!(
            o,
            "{}",
            format!(
                "{} ({}{extra})",
                tr(l, "Findings", "検出事項"),
                r.findings.len()
            )
            .bold()
        );
    }
    for f in &r.findings {
        finding(&mut o, f, l, opts);
    }

    if !r.not_checked.is_empty() {
        let _ = writeln!(o);
        let head = format!(
            "{} ({})",
            tr(l, "Not checked", "未確認"),
            r.not_checked.len()
        );
        let _ = writeln!(o, "{}", head.bold().yellow());
        // Each reason once: twelve API rules share one missing key.
        let mut by_reason: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for n in &r.not_checked {
            by_reason.entry(&n.reason).or_default().push(&n.id);
        }
        for (reason, ids) in by_reason {
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, reason, w));
            let ids = crate::i18n::join(l, &ids);
            let _ = writeln!(o, "{}", fill("    ", 4, 4, &ids, w).dimmed());
        }
    }
    if !r.not_applicable.is_empty() {
        let _ = writeln!(o);
        let head = format!(
            "{} ({})",
            tr(l, "Not applicable", "該当なし"),
            r.not_applicable.len()
        );
        let _ = writeln!(o, "{}", head.bold());
        for n in &r.not_applicable {
            let line = format!("{}  {} — {}", n.id, n.title, n.reason);
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, &line, w));
        }
    }

    if opts.verbose {
        details(&mut o, r, l, w);
    }

    if !r.waivers.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", tr(l, "Waivers", "免除設定").bold());
        for wv in &r.waivers {
            let status = match wv.status {
                WaiverStatus::Active => tr(l, "active", "適用中"),
                WaiverStatus::Expired => tr(l, "EXPIRED", "期限切れ"),
                WaiverStatus::Unused => tr(l, "unused", "未使用"),
            };
            let until = wv
                .expires
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let line = format!("{} {status}{until}  {}", wv.rule, wv.reason);
            let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
        }
    }

    for warning in &r.warnings {
        let _ = writeln!(o);
        let label = tr(l, "warning:", "警告:");
        let prefix = format!("{} ", label.yellow().bold());
        let _ = writeln!(
            o,
            "{}",
            fill(&prefix, crate::text::width(label) + 1, 2, warning, w)
        );
    }

    if opts.verbose {
        let _ = writeln!(o);
        network_section(&mut o, &r.network, l);
    }
    o
}

/// "INCOMPLETE — breach: lookup failed …", one line per check that could not
/// complete, right under the title: a run that could not look must never
/// read like one that looked and found nothing.
fn banner(o: &mut String, r: &Report, w: usize) {
    for why in &r.incomplete {
        let label = tr(r.lang, "INCOMPLETE", "不完全");
        let prefix = format!("{} — ", label.red().bold());
        let _ = writeln!(
            o,
            "{}",
            fill(&prefix, crate::text::width(label) + 3, 2, why, w)
        );
    }
}

/// The one line `-q` prints: the grade and coverage, or why there is no grade.
pub fn grade_line(r: &Report) -> String {
    let l = r.lang;
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
            format!("{head}  ({coverage})")
        }
        _ => {
            let head = tr(l, "Not graded", "評価なし").yellow().bold();
            match (r.not_graded.as_deref(), l) {
                (Some(why), Lang::En) => format!("{head} — {why}"),
                (Some(why), Lang::Ja) => format!("{head} — {why}"),
                (None, _) => format!("{head} — {coverage}"),
            }
        }
    }
}

fn finding(o: &mut String, f: &super::Finding, l: Lang, opts: &Options) {
    let w = opts.width;
    let _ = writeln!(o);
    let new = if f.baseline == Some(BaselineState::New) {
        format!("{} ", tr(l, "NEW", "新規"))
    } else {
        String::new()
    };
    // Only findings a setting fixes promise points.
    let pts = match (f.points, l) {
        (0, _) => String::new(),
        (p, Lang::En) => format!("  (+{p} pts if fixed)"),
        (p, Lang::Ja) => format!("（修正で+{p}点）"),
    };
    let label = format!("{:<8} ", sev_label(f.severity, l));
    let head = format!("{new}{} {}{pts}", f.id, f.title);
    let _ = writeln!(
        o,
        "{}",
        fill(
            &sev(f.severity, l).to_string(),
            crate::text::width(&label),
            2,
            &head,
            w
        )
    );
    if let Some(wv) = &f.waived {
        let until = wv
            .expires
            .as_ref()
            .map(|d| format!(" ({} {d})", tr(l, "until", "期限")))
            .unwrap_or_default();
        let line = format!(
            "{}: {}{until}",
            tr(
                l,
                "WAIVED, not scored or gated",
                "免除（スコア・判定の対象外）"
            ),
            wv.reason
        );
        let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w).cyan());
    }
    if f.source == Source::Declared {
        let on = f.declared_on.as_deref().unwrap_or("?");
        let line = match l {
            Lang::En => format!("(declared by you on {on}, not observed)"),
            Lang::Ja => format!(
                "（{on}にあなたが申告した内容に基づきます。API等で確認したものではありません）"
            ),
        };
        let _ = writeln!(o, "{}", fill("  ", 2, 2, &line, w).cyan());
    }
    if opts.verbose {
        let why = format!("{}: {}", tr(l, "Why", "理由"), f.risk);
        let _ = writeln!(o, "{}", fill("  ", 2, 4, &why, w));
    }
    // Evidence of a drift finding is the change itself: always shown.
    if opts.verbose || !f.changes.is_empty() {
        for e in &f.evidence {
            let line = format!("{}: {e}", tr(l, "Evidence", "根拠"));
            let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
        }
    }
    let _ = writeln!(o, "  {}:", tr(l, "Fix", "対処"));
    for (i, step) in f.remediation.iter().enumerate() {
        let _ = writeln!(o, "{}", fill(&format!("    {}. ", i + 1), 7, 7, step, w));
    }
    if opts.verbose {
        for r in &f.references {
            let r = crate::i18n::link(l, r);
            let _ = writeln!(o, "{}", fill("    ", 4, 4, &r, w).dimmed());
        }
    }
}

fn password_section(o: &mut String, p: &crate::report::PasswordDetails, l: Lang, w: usize) {
    let _ = writeln!(o);
    let head = tr(
        l,
        "Password strength (zxcvbn, computed locally)",
        "パスワード強度（zxcvbn、この端末内で計算）",
    );
    let _ = writeln!(o, "{}", fill("", 0, 2, head, w).bold());
    let line = format!(
        "{} {}/4    {} 10^{:.1}",
        tr(l, "score", "スコア"),
        p.score,
        tr(l, "estimated guesses", "推定推測回数"),
        p.guesses_log10
    );
    let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
    let online = format!(
        "{}: {}",
        tr(
            l,
            "online attack, throttled (100/hour)",
            "オンライン攻撃・回数制限あり（毎時100回）"
        ),
        p.crack_time_online_throttled.display
    );
    let _ = writeln!(o, "{}", fill("  ", 2, 4, &online, w));
    let offline = format!(
        "{}: {}",
        tr(
            l,
            "offline attack, slow hash (10k/s)",
            "オフライン攻撃・低速ハッシュ（毎秒1万回）"
        ),
        p.crack_time_offline_slow_hash.display
    );
    let _ = writeln!(o, "{}", fill("  ", 2, 4, &offline, w));
    if let Some(warn) = &p.warning {
        let label = tr(l, "warning", "警告");
        let prefix = format!("  {}: ", label.yellow());
        let _ = writeln!(
            o,
            "{}",
            fill(&prefix, crate::text::width(label) + 4, 4, warn, w)
        );
    }
    for s in &p.suggestions {
        let _ = writeln!(o, "{}", fill("  - ", 4, 4, s, w));
    }
}

/// `-v`: every check's state, what passed, what a worse rule superseded,
/// what the user declared.
fn details(o: &mut String, r: &Report, l: Lang, w: usize) {
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", tr(l, "Checks", "チェック").bold());
    for c in &r.checks {
        let state = match c.state {
            CheckState::Ran => tr(l, "ran", "実行"),
            CheckState::Skipped => tr(l, "skipped", "スキップ"),
            CheckState::Failed => tr(l, "FAILED", "失敗"),
        };
        let line = format!("{} {state}: {}", c.check, c.detail);
        let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
    }
    if !r.passed.is_empty() {
        let _ = writeln!(o);
        let head = format!(
            "{} ({})",
            tr(l, "Passed (not found)", "問題なし（該当せず）"),
            r.passed.len()
        );
        let _ = writeln!(o, "{}", head.bold().green());
        for p in &r.passed {
            let line = format!("{}  {}", p.id, p.title);
            let _ = writeln!(o, "{}", fill("  ✓ ", 4, 4, &line, w));
        }
    }
    if !r.superseded.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{}",
            tr(
                l,
                "Covered by a worse finding",
                "より重大な検出事項に含まれる項目"
            )
            .bold()
        );
        for s in &r.superseded {
            let line = match l {
                Lang::En => format!("{} (see {})", s.id, s.by),
                Lang::Ja => format!("{}（{} を参照）", s.id, s.by),
            };
            let _ = writeln!(o, "{}", fill("  - ", 4, 4, &line, w));
        }
    }
    let declared: Vec<_> = r.facts.iter().filter(|f| f.source == "declared").collect();
    if !declared.is_empty() {
        let _ = writeln!(o);
        let head = tr(
            l,
            "Declared by you (not observable through the API)",
            "あなたの申告（APIでは確認できない項目）",
        );
        let _ = writeln!(o, "{}", fill("", 0, 2, head, w).bold());
        for f in declared {
            let v = f.value.as_ref().map(|v| v.to_string()).unwrap_or_default();
            let line = format!(
                "{} = {v}  ({})",
                f.name,
                f.declared_on.as_deref().unwrap_or("")
            );
            let _ = writeln!(o, "{}", fill("  ", 2, 4, &line, w));
        }
    }
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
        let purpose = crate::i18n::purpose(l, &n.purpose);
        let _ = writeln!(o, "  {} {}{}  — {purpose}{tries}", n.method, n.host, n.path);
    }
}
