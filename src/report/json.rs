use super::Report;

pub fn render(report: &Report) -> String {
    super::format::json(report)
}

/// Several accounts in one document (`--all-profiles`).
pub fn render_profiles(reports: &[Report]) -> String {
    let doc = serde_json::json!({
        "schema_version": super::SCHEMA_VERSION,
        "tool_version": env!("CARGO_PKG_VERSION"),
        "generated_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "profiles": reports,
    });
    super::format::json(&doc)
}
