//! SARIF 2.1.0, for code-scanning overviews.

use super::{FindingsFormat, Summary};
use crate::model::finding::{Finding, Rule, Severity};

pub struct Sarif;

/// SARIF 2.1.0: one rule per code (with its Dutch summary), one result per finding.
impl FindingsFormat for Sarif {
    fn format(&self, findings: &[Finding], _summary: Summary) -> String {
        let rules: Vec<serde_json::Value> = Rule::ALL
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.code(),
                "shortDescription": { "text": r.summary() },
                "defaultConfiguration": { "level": sarif_level(r.severity()) },
                "help": { "text": format!("{} (zie de tabel met codes in de README)", r.summary()) },
            })
        })
        .collect();
        let results: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                let mut message = f.message.clone();
                if let Some(help) = &f.help {
                    message.push_str("\nhulp: ");
                    message.push_str(help);
                }
                let mut physical = serde_json::json!({
                    "artifactLocation": { "uri": uri_path(&f.path), "uriBaseId": "%SRCROOT%" },
                });
                // A folder has no lines: the location names it without a region.
                if !super::is_folder(&f.path) {
                    physical["region"] = serde_json::json!({
                        "startLine": f.pos.line,
                        "startColumn": f.pos.column,
                        "endColumn": f.pos.column + f.width,
                    });
                }
                serde_json::json!({
                    "ruleId": f.rule.code(),
                    "ruleIndex": Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0),
                    "level": sarif_level(f.severity),
                    "message": { "text": message },
                    "locations": [{ "physicalLocation": physical }],
                })
            })
            .collect();
        let log = serde_json::json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "kwaliteit",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "language": "nl-NL",
                "results": results,
            }],
        });
        // A JSON value always serializes.
        let mut s = serde_json::to_string_pretty(&log).expect("SARIF serializes");
        s.push('\n');
        s
    }
}

/// A relative path as a URI reference (RFC 3986): every byte outside the unreserved
/// characters and `/` percent-encoded, so spaces, `%`, `#` and non-ASCII survive.
pub(super) fn uri_path(path: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
