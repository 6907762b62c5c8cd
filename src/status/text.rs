//! The status report for a terminal.

use super::*;

pub fn render_text(r: &StatusReport) -> String {
    let lang = r.lang;
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
        o.push_str(&format!("{mark} {}\n", v.message));
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
        let d = match state {
            CheckState::Ran => detail.to_string(),
            CheckState::Skipped => detail.dimmed().to_string(),
            CheckState::Failed => format!("{} {detail}", tr(lang, "failed:", "失敗："))
                .red()
                .to_string(),
        };
        // By display width: a Japanese label takes two columns a character.
        o.push_str(&format!(
            "  {} {d}\n",
            crate::text::pad(tr(lang, en, ja), cols)
        ));
    }
    if !r.next_steps.is_empty() {
        o.push_str(&format!(
            "\n{}\n",
            tr(lang, "What to do next:", "次にすること：").bold()
        ));
        for (i, s) in r.next_steps.iter().enumerate() {
            o.push_str(&format!("  {}. {s}\n", i + 1));
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
