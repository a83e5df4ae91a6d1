//! GitHub Actions workflow commands: an annotation per finding.

use std::fmt::Write as _;

use super::{FindingsFormat, Summary, summary_line};
use crate::model::finding::{Finding, Severity};

pub struct Github;

/// GitHub workflow commands: one annotation per finding, then a plain summary.
impl FindingsFormat for Github {
    fn format(&self, findings: &[Finding], summary: Summary) -> String {
        let mut out = String::new();
        for f in findings {
            // The log is shown as a terminal shows it: control characters made visible.
            let f = f.visible();
            let kind = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str("\nhulp: ");
                message.push_str(help);
            }
            // A folder has no lines: the annotation names it without a place.
            let place = if super::is_folder(&f.path) {
                String::new()
            } else {
                format!(",line={},col={}", f.pos.line, f.pos.column)
            };
            let _ = writeln!(
                out,
                "::{kind} file={}{place},title={}::{}",
                escape_property(&f.path),
                escape_property(f.rule.code()),
                escape_data(&message)
            );
        }
        out.push_str(&summary_line(summary));
        out.push('\n');
        out
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
