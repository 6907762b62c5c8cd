//! Reading the JSON report (docs/report.schema.json) the way every test does:
//! by finding id, fact name and check name. Each lookup that must succeed
//! names what it was looking for when it does not.
#![allow(dead_code)]

use serde_json::Value;

fn items<'a>(report: &'a Value, key: &str) -> &'a [Value] {
    report[key]
        .as_array()
        .unwrap_or_else(|| panic!("report has no `{key}` list: {report}"))
}

/// The ids of the findings, in report order.
pub fn finding_ids(report: &Value) -> Vec<String> {
    items(report, "findings")
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

/// The ids in a list of rule entries (`not_checked`, `passed`, `waived`, …).
pub fn ids(report: &Value, key: &str) -> Vec<String> {
    items(report, key)
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

pub fn finding_opt<'a>(report: &'a Value, id: &str) -> Option<&'a Value> {
    items(report, "findings").iter().find(|f| f["id"] == id)
}

#[track_caller]
pub fn finding<'a>(report: &'a Value, id: &str) -> &'a Value {
    finding_opt(report, id)
        .unwrap_or_else(|| panic!("no finding {id} in {:?}", finding_ids(report)))
}

#[track_caller]
pub fn fact<'a>(report: &'a Value, name: &str) -> &'a Value {
    items(report, "facts")
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no fact {name}"))
}

#[track_caller]
pub fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    items(report, "checks")
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no check {name}"))
}

/// Every `binance-api` check line (one per cause, so a test can count them).
pub fn api_checks(report: &Value) -> Vec<&Value> {
    items(report, "checks")
        .iter()
        .filter(|c| c["check"] == "binance-api")
        .collect()
}

pub fn category_findings(report: &Value, category: &str) -> Vec<String> {
    items(report, "findings")
        .iter()
        .filter(|f| f["category"] == category)
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}
