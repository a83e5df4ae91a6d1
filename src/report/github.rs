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
            let kind = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str("\nhulp: ");
                message.push_str(help);
            }
            let _ = writeln!(
                out,
                "::{kind} file={},line={},col={},title={}::{}",
                escape_property(&f.path),
                f.pos.line,
                f.pos.column,
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
