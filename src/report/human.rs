//! For people: rustc-style, with the line from the file and a marker under the place.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use super::{FindingsFormat, Summary, summary_line};
use crate::model::finding::{Finding, Severity};

/// Colour only when printing to a terminal.
pub struct Human {
    pub color: bool,
}

impl FindingsFormat for Human {
    fn format(&self, findings: &[Finding], summary: Summary) -> String {
        let color = self.color;
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for f in findings {
            let f = &*f.visible();
            let level = match f.severity {
                Severity::Error => Level::ERROR.with_name("fout"),
                Severity::Warning => Level::WARNING.with_name("waarschuwing"),
            };
            let title = level.primary_title(f.message.as_str()).id(f.rule.code());
            let snippet = match &f.source_line {
                Some(line) => {
                    let start = byte_at_column(line, f.pos.column);
                    let end = byte_at_column(line, f.pos.column + f.width).max(start);
                    Some(
                        Snippet::source(line.as_str())
                            .line_start(f.pos.line)
                            .path(f.path.as_str())
                            .annotation(AnnotationKind::Primary.span(start..end)),
                    )
                }
                None => None,
            };
            let mut group = match snippet {
                Some(s) => title.element(s),
                None => title.element(
                    Level::NOTE
                        .with_name("plaats")
                        .message(format!("{}:{}:{}", f.path, f.pos.line, f.pos.column)),
                ),
            };
            if let Some(help) = &f.help {
                group = group.element(Level::HELP.with_name("hulp").message(help.as_str()));
            }
            let _ = writeln!(out, "{}\n", renderer.render(&[group]));
        }
        out.push_str(&summary_line(summary));
        out.push('\n');
        out
    }
}

/// Byte offset of a 1-based character column; past the end gives the line's length.
fn byte_at_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}
