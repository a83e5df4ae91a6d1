//! The diff as a Word document with tracked changes, so the secretary can accept
//! or reject each change in Word or LibreOffice.

use docx_rs::{Delete, Insert, Paragraph, Run};

use super::RenderError;
use super::changes::sentences_with_redlines;
use super::docx::xml::clean;
use super::docx::{House, finish, house, pack};
use crate::analysis::diff::Delta;
use crate::analysis::redline::Segment;
use crate::model::Manifest;

const TITLE: &str = "Wijzigingen in het kwaliteitsmanifest";

fn heading(text: &str, level: usize) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(clean(text)))
}

/// Who and when for the diff's Word file, from the newer manifest: the council
/// writes it (its short name as the author of the tracked changes); created on
/// its latest round's date.
pub struct Author {
    pub council: String,
    pub short: String,
    pub created: String,
}

impl Author {
    pub fn of(m: &Manifest) -> Author {
        let council = m.identity.council.clone();
        Author {
            short: m
                .identity
                .council_short
                .clone()
                .unwrap_or_else(|| council.clone()),
            created: super::docx::created(
                m.rounds
                    .iter()
                    .rev()
                    .find_map(|r| r.date.as_deref())
                    .and_then(crate::text::date::days)
                    .map(crate::text::date::iso),
            ),
            council,
        }
    }
}

/// A Word document listing each change; text changes appear as tracked changes.
/// The same styles, margins, header, footer and properties as the document.
pub fn render(
    d: &Delta,
    from: &str,
    to: &str,
    date: &str,
    author: &Author,
) -> Result<Vec<u8>, RenderError> {
    let props = House {
        title: TITLE,
        council: &author.council,
        created: author.created.clone(),
    };
    let mut doc = house(&props)
        .add_paragraph(heading(TITLE, 1))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(clean(&format!("Van {from} naar {to}.")))),
        );
    if d.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text("Geen inhoudelijke wijzigingen.")),
        );
    }
    for (sentence, redline) in sentences_with_redlines(d) {
        doc = doc
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(&sentence)).bold()));
        let Some(redline) = redline else { continue };
        let mut p = Paragraph::new();
        // Each piece carries the space before it, so a revision takes its own space along.
        for segment in &redline.0 {
            p = match segment {
                Segment::Same(t) => p.add_run(Run::new().add_text(clean(t))),
                Segment::Deleted(t) => p.add_delete(
                    Delete::new()
                        .author(clean(&author.short))
                        .date(date)
                        .add_run(Run::new().add_delete_text(clean(t))),
                ),
                Segment::Inserted(t) => p.add_insert(
                    Insert::new(Run::new().add_text(clean(t)))
                        .author(clean(&author.short))
                        .date(date),
                ),
            };
        }
        doc = doc.add_paragraph(p);
    }
    pack(finish(doc, &props)?)
}
