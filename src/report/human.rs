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
            // A cut line: annotate-snippets counts the place's column in the excerpt;
            // the header is given the file's column below.
            let mut excerpt_place = None;
            let mut group = match &f.source_line {
                Some(line) => {
                    // Columns of the quoted part, which begins at `source_column`.
                    let column = f.pos.column.saturating_sub(f.source_column) + 1;
                    let start = byte_at_column(line, column);
                    let end = byte_at_column(line, column + f.width).max(start);
                    if f.source_column > 1 {
                        let shown = line[..start].chars().count() + 1;
                        excerpt_place = Some(format!("{}:{}:{shown}", f.path, f.pos.line));
                    }
                    title.element(
                        Snippet::source(line.as_str())
                            .line_start(f.pos.line)
                            .path(f.path.as_str())
                            .annotation(AnnotationKind::Primary.span(start..end)),
                    )
                }
                None => title.element(
                    Level::NOTE
                        .with_name("plaats")
                        .message(format!("{}:{}:{}", f.path, f.pos.line, f.pos.column)),
                ),
            };
            if let Some(help) = &f.help {
                group = group.element(Level::HELP.with_name("hulp").message(help.as_str()));
            }
            let mut text = renderer.render(&[group]);
            // The header follows the title's line (coloured, `-->` and the place are
            // styled apart, so the place alone is replaced).
            let header = text.find('\n').unwrap_or(0);
            if let Some(place) = excerpt_place
                && let Some(at) = text[header..].find(&place)
            {
                let true_place = format!("{}:{}:{}", f.path, f.pos.line, f.pos.column);
                text.replace_range(header + at..header + at + place.len(), &true_place);
            }
            let _ = writeln!(out, "{text}\n");
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
