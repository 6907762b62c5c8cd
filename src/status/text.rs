//! The status report for a terminal.

use super::*;

/// `width`: the terminal's columns; every line wraps to it by display width.
pub fn render_text(r: &StatusReport, width: usize) -> String {
    let lang = r.lang;
    let fill = |prefix: &str, indent: usize, text: &str| {
        crate::text::fill_after(prefix, indent, text, width)
    };
    let mut o = format!(
        "{} — {} ({})\n\n",
        tr(lang, "Binance status", "Binanceの状態").bold(),
        r.checked_at.format("%Y-%m-%d %H:%M:%S UTC"),
        r.api
    );
    for v in &r.verdicts {
        let mark = match v.level {
            Level::Problem => "✗".red().bold().to_string(),
            Level::Warning => "!".yellow().bold().to_string(),
            Level::Ok => "✓".green().bold().to_string(),
        };
        // The mark is one column wide whatever colour codes it carries.
        let body = fill("  ", 2, &v.message);
        o.push_str(&format!("{mark} {}\n", &body[2..]));
    }
    o.push('\n');
    let checks = r.checks();
    let cols = checks
        .iter()
        .map(|(en, ja, ..)| crate::text::width(tr(lang, en, ja)))
        .max()
        .unwrap_or(0)
        .max(14);
    for (en, ja, state, detail) in checks {
        // By display width: a Japanese label takes two columns a character.
        let prefix = format!("  {} ", crate::text::pad(tr(lang, en, ja), cols));
        let text = match state {
            CheckState::Failed => format!("{} {detail}", tr(lang, "failed:", "失敗：")),
            _ => detail.to_string(),
        };
        let filled = fill(&prefix, cols + 3, &text);
        let body = &filled[prefix.len()..];
        let body = match state {
            CheckState::Ran => body.to_string(),
            CheckState::Skipped => body.dimmed().to_string(),
            CheckState::Failed => body.red().to_string(),
        };
        o.push_str(&format!("{prefix}{body}\n"));
    }
    if !r.next_steps.is_empty() {
        o.push_str(&format!(
            "\n{}\n",
            tr(lang, "What to do next:", "次にすること：").bold()
        ));
        for (i, s) in r.next_steps.iter().enumerate() {
            let n = format!("  {}. ", i + 1);
            o.push_str(&format!("{}\n", fill(&n, n.len(), s)));
        }
    }
    if !r.channels.is_empty() {
        o.push_str(&format!(
            "\n{}\n",
            tr(
                lang,
                "Confirm on Binance's official channels (type the address yourself):",
                "Binanceの公式チャネルで確認してください（アドレスはご自身で入力してください）："
            )
        ));
        for c in &r.channels {
            o.push_str(&format!("  - {}\n    {}\n", c.name, c.url));
        }
    }
    o
}
