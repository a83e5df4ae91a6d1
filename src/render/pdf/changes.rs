//! The diff as a PDF redline: what `diff --format html` shows (summary, then each
//! change with its whole redline), deletions struck through and insertions underlined,
//! each in its colour, with a legend.

use super::document::{Block, Inline, Part, PdfDocument, Table, redline_legend};
use super::world::Date;
use super::{PdfError, compile};
use crate::analysis::diff::Action;
use crate::analysis::diff::Delta;
use crate::analysis::redline::{Redline, Segment};
use crate::render::changes::{action_label, sentences_with_redlines, summary};

const TITLE: &str = "Wijzigingen in het kwaliteitsmanifest";

/// The redline PDF of `d`, from version `from` to `to`; `council` is the author,
/// `date` the document date.
pub fn render(
    d: &Delta,
    from: &str,
    to: &str,
    council: &str,
    date: Date,
) -> Result<Vec<u8>, PdfError> {
    compile(&document(d, from, to, council, date))
}

pub fn document(d: &Delta, from: &str, to: &str, council: &str, date: Date) -> PdfDocument {
    let text = |s: &str| Inline::Text(s.to_string());
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            inlines: vec![text(TITLE)],
            outline: true,
        },
        Block::Paragraph(vec![
            text("Van "),
            Inline::Code(from.to_string()),
            text(" naar "),
            Inline::Code(to.to_string()),
            text("."),
        ]),
    ];
    let changes = sentences_with_redlines(d);
    if changes.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "Geen inhoudelijke wijzigingen.",
        )]));
    } else {
        blocks.push(Block::Table(Table {
            caption: Some(vec![text("Samenvatting")]),
            header: std::iter::once(vec![text("Wat")])
                .chain(Action::ALL.iter().map(|a| {
                    let label = action_label(*a);
                    let mut chars = label.chars();
                    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
                    vec![text(&format!(
                        "{}{}",
                        first.unwrap_or_default(),
                        chars.as_str()
                    ))]
                }))
                .collect(),
            rows: summary(d)
                .into_iter()
                .map(|row| {
                    std::iter::once(vec![text(row.what)])
                        .chain(row.counts.iter().map(|n| {
                            vec![text(&if *n > 0 { n.to_string() } else { String::new() })]
                        }))
                        .collect()
                })
                .collect(),
            widths: vec![3.0, 1.0, 1.0, 1.0, 1.0],
            keep_rows_up_to: 0,
        }));
        blocks.push(Block::Heading {
            level: 2,
            inlines: vec![text("Details")],
            outline: true,
        });
        blocks.push(redline_legend());
        blocks.push(Block::List {
            ordered: true,
            start: 1,
            items: changes
                .into_iter()
                .map(|(sentence, redline)| {
                    let mut item = vec![Block::Paragraph(vec![text(&sentence)])];
                    if let Some(r) = redline {
                        item.push(Block::Quote(vec![Block::Paragraph(redline_inlines(r))]));
                    }
                    item
                })
                .collect(),
        });
    }
    PdfDocument {
        title: TITLE.to_string(),
        council: council.to_string(),
        date,
        style: Default::default(),
        parts: vec![Part::Blocks(blocks)],
    }
}

/// A redline's segments, words separated by spaces outside the marks.
pub fn redline_inlines(r: &Redline) -> Vec<Inline> {
    let mut out = Vec::new();
    for s in &r.0 {
        // Each piece carries the space before it; the space stays outside the marks.
        let (space, t) = s.split_space();
        if !space.is_empty() {
            out.push(Inline::Text(space.into()));
        }
        let t = t.to_string();
        out.push(match s {
            Segment::Same(_) => Inline::Text(t),
            Segment::Deleted(_) => Inline::Delete(vec![Inline::Text(t)]),
            Segment::Inserted(_) => Inline::Insert(vec![Inline::Text(t)]),
        });
    }
    out
}

/// The date of the newest dated round of the newer manifest (as the Word redline
/// has it), else today.
pub fn date_of(m: &crate::model::Manifest) -> Date {
    let iso = m
        .rounds
        .iter()
        .rev()
        .find_map(|r| r.date.as_deref())
        .and_then(crate::text::date::days)
        .map_or_else(crate::text::date::iso_today, crate::text::date::iso);
    super::view::parse_iso(&iso).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}
