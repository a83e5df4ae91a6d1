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
                serde_json::json!({
                    "ruleId": f.rule.code(),
                    "ruleIndex": Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0),
                    "level": sarif_level(f.severity),
                    "message": { "text": message },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": f.path, "uriBaseId": "%SRCROOT%" },
                            "region": {
                                "startLine": f.pos.line,
                                "startColumn": f.pos.column,
                                "endColumn": f.pos.column + f.width,
                            }
                        }
                    }],
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

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
