//! For programs: one JSON object, also when there are findings (shape in the README).

use serde::Serialize;

use super::{FindingsFormat, Summary};
use crate::model::finding::{Finding, Severity};

pub struct Json;

/// The JSON shape is part of the interface (see README): add fields, never rename them.
#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: Severity,
    code: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

impl FindingsFormat for Json {
    fn format(&self, findings: &[Finding], summary: Summary) -> String {
        let report = JsonReport {
            version: 1,
            summary,
            findings: findings
                .iter()
                .map(|f| JsonFinding {
                    severity: f.severity,
                    code: f.rule.code(),
                    path: &f.path,
                    line: f.pos.line,
                    column: f.pos.column,
                    message: &f.message,
                    help: f.help.as_deref(),
                })
                .collect(),
        };
        // Plain data with string keys always serializes.
        let mut s = serde_json::to_string_pretty(&report).expect("findings serialize");
        s.push('\n');
        s
    }
}
