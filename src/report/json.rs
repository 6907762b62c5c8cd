use super::Report;

pub fn render(report: &Report) -> String {
    let s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut s = crate::escape::json_urls(s);
    s.push('\n');
    s
}

/// Several accounts in one document (`--all-profiles`).
pub fn render_profiles(reports: &[Report]) -> String {
    let doc = serde_json::json!({
        "schema_version": super::SCHEMA_VERSION,
        "tool_version": env!("CARGO_PKG_VERSION"),
        "generated_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "profiles": reports,
    });
    let s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut s = crate::escape::json_urls(s);
    s.push('\n');
    s
}
