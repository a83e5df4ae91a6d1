//! The diff as a Word document with tracked changes, so the secretary can accept
//! or reject each change in Word or LibreOffice.

use docx_rs::{Delete, Docx, Insert, Paragraph, Run, Style, StyleType};

use super::RenderError;
use super::changes::sentences_with_redlines;
use crate::analysis::diff::Delta;
use crate::analysis::redline::Segment;

const AUTHOR: &str = "kwaliteit";

fn heading(text: &str, level: usize) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(text))
}

/// A Word document listing each change; text changes appear as tracked changes.
pub fn render(d: &Delta, from: &str, to: &str, date: &str) -> Result<Vec<u8>, RenderError> {
    let mut doc = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .size(32)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .size(26)
                .bold()
                .outline_lvl(1),
        )
        .add_paragraph(heading("Wijzigingen in het kwaliteitsmanifest", 1))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(format!("Van {from} naar {to}."))),
        );
    if d.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text("Geen inhoudelijke wijzigingen.")),
        );
    }
    for (sentence, redline) in sentences_with_redlines(d) {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(sentence).bold()));
        let Some(redline) = redline else { continue };
        let mut p = Paragraph::new();
        for (i, segment) in redline.0.iter().enumerate() {
            let space = if i + 1 < redline.0.len() { " " } else { "" };
            p = match segment {
                Segment::Same(t) => p.add_run(Run::new().add_text(format!("{t}{space}"))),
                Segment::Deleted(t) => p.add_delete(
                    Delete::new()
                        .author(AUTHOR)
                        .date(date)
                        .add_run(Run::new().add_delete_text(format!("{t}{space}"))),
                ),
                Segment::Inserted(t) => p.add_insert(
                    Insert::new(Run::new().add_text(format!("{t}{space}")))
                        .author(AUTHOR)
                        .date(date),
                ),
            };
        }
        doc = doc.add_paragraph(p);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}
