//! SARIF 2.1.0 for GitHub code scanning. A small hand-written model (as
//! zizmor and cargo-deny do) holding only what we emit; tests validate the
//! output against the official schema in tests/fixtures.
//!
//! Findings are about an account, not a line of code. Each result names the
//! account profile it was found on as a logical location (`account/default`),
//! the location that means something and never moves. GitHub code scanning
//! rejects a whole upload when a result has no physical location, so the
//! result is also anchored, as cargo-audit anchors advisories at `Cargo.lock`
//! line 1, at line 1 of the configuration file. Alerts are tracked across runs
//! by the finding's fingerprint (rule, profile, stable evidence keys), never
//! by text or line.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{BaselineState, Finding, Report};
use crate::collect::CheckState;
use crate::i18n::Lang;
use crate::rules::Severity;
use crate::t;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const FINGERPRINT_KEY: &str = "binanceAuditFinding/v1";
/// The key GitHub's upload action fills from the text of the result's line
/// when it is absent. Line 1 of a config file says nothing about a finding
/// and changes when the file is edited, so we supply it ourselves.
pub const LINE_HASH_KEY: &str = "primaryLocationLineHash";
/// Where results point when the run read no configuration file.
pub const FALLBACK_URI: &str = "binance-audit.toml";
/// The profile a report without `--profile` describes.
pub const DEFAULT_PROFILE: &str = "default";

/// The logical location of every finding of one profile: stable across runs
/// and config edits (`account/default`, `account/bot`).
pub fn account_location(profile: Option<&str>) -> String {
    format!("account/{}", profile.unwrap_or(DEFAULT_PROFILE))
}

/// GitHub maps security-severity to its levels: ≥ 9.0 critical, 7.0–8.9
/// high, 4.0–6.9 medium, 0.1–3.9 low.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    automation_details: AutomationDetails,
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: String,
    semantic_version: String,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: String,
    short_description: Message,
    full_description: Message,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
    precision: &'static str,
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AutomationDetails {
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    end_time_utc: String,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    associated_rule: Option<RuleReference>,
}

#[derive(Serialize)]
struct RuleReference {
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    name: String,
    fully_qualified_name: String,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
}

#[derive(Serialize)]
struct ResultProperties {
    category: String,
    severity: Severity,
    points: u32,
    evidence: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<String>,
}

/// The config path as a URI reference: relative paths stay relative (GitHub
/// resolves them against the repository root), absolute ones become file URIs.
pub fn artifact_uri(config_file: Option<&str>) -> String {
    let Some(path) = config_file else {
        return FALLBACK_URI.into();
    };
    let p = std::path::Path::new(path);
    if p.is_absolute()
        && let Ok(u) = url::Url::from_file_path(p)
    {
        return u.to_string();
    }
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'[')
        .add(b']')
        .add(b'\\')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}');
    let path = path.strip_prefix("./").unwrap_or(path).replace('\\', "/");
    percent_encoding::utf8_percent_encode(&path, PATH).to_string()
}

fn help(f: &Finding, l: Lang) -> Help {
    let mut text = format!("{}\n\n", f.risk);
    let mut md = format!("{}\n\n**{}**\n\n", f.risk, t!(l, "report-sarif-fix"));
    for (i, step) in f.remediation.iter().enumerate() {
        text.push_str(&format!("{}. {step}\n", i + 1));
        md.push_str(&format!("{}. {step}\n", i + 1));
    }
    if !f.references.is_empty() {
        md.push_str(&format!("\n**{}**\n\n", t!(l, "report-sarif-references")));
        text.push('\n');
        for r in &f.references {
            text.push_str(&format!("{r}\n"));
            md.push_str(&format!("- <{r}>\n"));
        }
    }
    Help { text, markdown: md }
}

fn message(f: &Finding, l: Lang) -> String {
    if f.evidence.is_empty() {
        f.title.clone()
    } else {
        t!(
            l,
            "report-sarif-evidence",
            title = &f.title,
            evidence = f.evidence.join(&t!(l, "report-sarif-evidence-separator"))
        )
    }
}

fn run(r: &Report) -> Run {
    let uri = artifact_uri(r.config_file.as_deref());
    let account = account_location(r.profile.as_deref());
    let profile_name = r.profile.as_deref().unwrap_or(DEFAULT_PROFILE);
    let mut rules: Vec<RuleDescriptor> = Vec::new();
    let mut results = Vec::new();
    for f in &r.findings {
        let rule_index = match rules.iter().position(|d| d.id == f.id) {
            Some(i) => i,
            None => {
                rules.push(RuleDescriptor {
                    id: f.id.clone(),
                    short_description: Message {
                        text: f.title.clone(),
                    },
                    full_description: Message {
                        text: f.risk.clone(),
                    },
                    help: help(f, r.lang),
                    help_uri: f.references.first().cloned(),
                    default_configuration: Configuration {
                        level: level(f.severity),
                    },
                    properties: RuleProperties {
                        tags: vec!["security".into(), f.category.as_str().into()],
                        precision: "high",
                        security_severity: security_severity(f.severity),
                    },
                });
                rules.len() - 1
            }
        };
        results.push(SarifResult {
            rule_id: f.id.clone(),
            rule_index,
            level: level(f.severity),
            message: Message {
                text: message(f, r.lang),
            },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri.clone() },
                    region: Region { start_line: 1 },
                },
                logical_locations: vec![LogicalLocation {
                    name: profile_name.to_string(),
                    fully_qualified_name: account.clone(),
                    kind: "object",
                }],
            }],
            partial_fingerprints: [
                (FINGERPRINT_KEY, f.fingerprint.clone()),
                (LINE_HASH_KEY, f.fingerprint.clone()),
            ]
            .into(),
            baseline_state: f.baseline.map(|b| match b {
                BaselineState::New => "new",
                BaselineState::Existing => "unchanged",
            }),
            suppressions: f
                .waived
                .iter()
                .map(|w| Suppression {
                    kind: "external",
                    status: "accepted",
                    justification: match &w.expires {
                        Some(d) => t!(
                            r.lang,
                            "report-sarif-waiver-expires",
                            reason = &w.reason,
                            date = d
                        ),
                        None => w.reason.clone(),
                    },
                })
                .collect(),
            properties: ResultProperties {
                category: f.category.as_str().into(),
                severity: f.severity,
                points: f.points,
                evidence: f.evidence.clone(),
                profile: r.profile.clone(),
            },
        });
    }

    let mut notes: Vec<Notification> = r
        .not_checked
        .iter()
        .map(|n| Notification {
            level: "note",
            message: Message {
                text: t!(
                    r.lang,
                    "report-sarif-not-checked",
                    id = &n.id,
                    reason = &n.reason
                ),
            },
            associated_rule: Some(RuleReference { id: n.id.clone() }),
        })
        .collect();
    notes.extend(r.warnings.iter().map(|w| Notification {
        level: "warning",
        message: Message { text: w.clone() },
        associated_rule: None,
    }));
    notes.extend(
        r.checks
            .iter()
            .filter(|c| c.state == CheckState::Failed)
            .map(|c| Notification {
                level: "error",
                message: Message {
                    text: t!(
                        r.lang,
                        "report-sarif-check-failed",
                        check = &c.check,
                        detail = &c.detail
                    ),
                },
                associated_rule: None,
            }),
    );

    Run {
        tool: Tool {
            driver: Driver {
                name: "binance-audit",
                version: r.tool_version.clone(),
                semantic_version: r.tool_version.clone(),
                rules,
            },
        },
        automation_details: AutomationDetails {
            id: format!(
                "binance-audit/{}/",
                r.profile.as_deref().unwrap_or("default")
            ),
        },
        invocations: vec![Invocation {
            execution_successful: !r.any_check_failed(),
            end_time_utc: r.generated_at.clone(),
            tool_execution_notifications: notes,
        }],
        results,
    }
}

/// One SARIF log for one report.
pub fn render(r: &Report) -> String {
    render_many(std::slice::from_ref(r))
}

/// One log with a run per report (`--all-profiles`): each run has its own
/// automation id, so code scanning keeps each account's alerts apart.
pub fn render_many(reports: &[Report]) -> String {
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: reports.iter().map(run).collect(),
    };
    super::format::json(&log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_references_not_raw_paths() {
        assert_eq!(artifact_uri(None), FALLBACK_URI);
        assert_eq!(
            artifact_uri(Some("./.github/binance audit.toml")),
            ".github/binance%20audit.toml"
        );
        assert_eq!(
            artifact_uri(Some("/etc/binance-audit/config.toml")),
            "file:///etc/binance-audit/config.toml"
        );
    }

    #[test]
    fn account_locations_are_stable_names() {
        assert_eq!(account_location(None), "account/default");
        assert_eq!(account_location(Some("bot")), "account/bot");
    }

    #[test]
    fn severities_map_to_github_bands() {
        let band = |s: Severity| security_severity(s).parse::<f64>().unwrap();
        assert!(band(Severity::Critical) >= 9.0);
        assert!((7.0..9.0).contains(&band(Severity::High)));
        assert!((4.0..7.0).contains(&band(Severity::Medium)));
        assert!((0.1..4.0).contains(&band(Severity::Low)));
    }
}
