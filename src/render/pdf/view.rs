//! The one `View` as a `PdfDocument`: the same parts, in the same order and with the
//! same headings as HTML and Word, but with the letter on its own letterhead page first.

use super::document::{
    Block, Cover, HouseStyle, Inline, Letter, LetterReferences, Part, PdfDocument, Signatory, Table,
};
use super::world::Date;
use crate::model::document::{BlockKind, Document, InlineKind};
use crate::render::{CaseView, LawView, View, matrix::CAPTION};

/// Fixed Dutch texts, as the other formats have them.
const ANNEX_HEADING: &str = "Bijlage: matrix";
const PRINCIPLE_COLUMN: &str = "Uitgangspunt";
/// A matrix or response row whose cells are at most this long (about 30 lines in a
/// narrow column) stays on one page; a longer one may break rather than run off it.
const KEEP_ROWS_UP_TO: usize = 600;

pub fn document(view: &View) -> PdfDocument {
    let mut parts = Vec::new();
    if let Some(letter) = &view.letter {
        parts.push(Part::Letter(letter_part(view, letter)));
    }
    // A new advice says what changed since the previous one, right after its letter.
    if let Some(changes) = &view.changes {
        parts.push(Part::Blocks(vec![
            heading(1, &changes.title),
            Block::List {
                ordered: false,
                start: 1,
                items: changes
                    .sentences
                    .iter()
                    .map(|s| vec![Block::Paragraph(vec![text(s)])])
                    .collect(),
            },
        ]));
    }
    parts.push(Part::Cover(cover(view)));
    parts.push(Part::Outline);

    let mut manifest = vec![heading(1, &view.title)];
    for p in &view.principles {
        manifest.push(heading(2, &p.heading));
        manifest.extend(blocks(&p.short_text.doc));
    }
    parts.push(Part::Blocks(manifest));

    let mut elaboration = vec![heading(1, &view.elaboration_title)];
    for p in &view.principles {
        elaboration.push(heading(2, &p.heading));
        elaboration.extend(blocks(&p.short_text.doc));
        elaboration.extend(blocks(&p.elaboration.doc));
        elaboration.extend(laws(&p.laws));
        for case in &p.cases {
            elaboration.extend(case_blocks(case));
        }
    }
    parts.push(Part::Blocks(elaboration));

    parts.push(Part::Blocks(vec![Block::Landscape(vec![
        heading(1, ANNEX_HEADING),
        Block::Paragraph(vec![text(&view.matrix_intro)]),
        Block::Table(matrix_table(view)),
    ])]));

    if let Some(response) = &view.response {
        let received = response.received.as_ref().map_or_else(
            || "Er is nog geen reactie ontvangen.".to_string(),
            |r| format!("Ontvangen op {r}."),
        );
        parts.push(Part::Blocks(vec![
            heading(1, &format!("Bijlage: {}", response.title)),
            Block::Paragraph(vec![text(&received)]),
            Block::Table(Table {
                caption: Some(vec![text(&response.title)]),
                header: ["Adviespunt", "Oordeel", "Toelichting"]
                    .iter()
                    .map(|h| vec![text(h)])
                    .collect(),
                rows: response
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            vec![text(&r.point)],
                            vec![text(&r.verdict)],
                            vec![text(&r.note)],
                        ]
                    })
                    .collect(),
                widths: vec![3.0, 1.5, 3.0],
                keep_rows_up_to: KEEP_ROWS_UP_TO,
            }),
        ]));
    }

    PdfDocument {
        title: view.title.clone(),
        council: view.council.clone(),
        date: document_date(view),
        style: house_style(view),
        parts,
    }
}

/// The house style. Hook: when manifest.yaml gets keys for the font, the colour and
/// the logo (with its alternative text), the `View` carries them and they are set here;
/// a font that is not embedded, a bad colour or a logo that is not an image is then
/// refused by `compile` with a Dutch message (exit 2, nothing written).
/// The council's font, colour and logo from manifest.yaml (`huisstijl`), else the
/// defaults. A font the PDF does not carry is refused by `compile` with a Dutch message.
fn house_style(view: &View) -> HouseStyle {
    let default = HouseStyle::default();
    HouseStyle {
        font: view.house.font.clone().unwrap_or(default.font),
        primary: view.house.colour.clone().unwrap_or(default.primary),
        logo: view.house.logo.as_ref().map(|l| super::document::Logo {
            bytes: l.bytes.to_vec(),
            alt: Some(l.alt.clone()),
        }),
    }
}

/// The document's date: that of the newest round (reproducible output), else today.
fn document_date(view: &View) -> Date {
    let iso = view
        .edition
        .as_ref()
        .and_then(|e| e.iso.clone())
        .unwrap_or_else(crate::text::date::iso_today);
    parse_iso(&iso).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

pub(super) fn parse_iso(iso: &str) -> Option<Date> {
    let mut parts = iso.splitn(3, '-');
    Some(Date {
        year: parts.next()?.parse().ok()?,
        month: parts.next()?.parse().ok()?,
        day: parts.next()?.parse().ok()?,
    })
}

fn letter_part(view: &View, l: &crate::render::Letter) -> Letter {
    // The sender block: the council, then what manifest.yaml gives of its address.
    let sender = std::iter::once(view.council.clone())
        .chain(view.address.iter().cloned())
        .chain(view.email.iter().cloned())
        .chain(view.website.iter().cloned())
        .collect();
    let recipient =
        l.to.iter()
            .enumerate()
            .map(|(i, line)| {
                if i == 0 {
                    format!("Aan {line}")
                } else {
                    line.clone()
                }
            })
            .collect();
    let mut body = Vec::new();
    if let Some(s) = &l.salutation {
        body.push(Block::Paragraph(vec![text(s)]));
    }
    body.extend(blocks(&l.body.doc));
    Letter {
        sender,
        recipient,
        references: LetterReferences {
            date: l.date.clone(),
            our_reference: l.reference.clone(),
            subject: Some(l.subject.clone()),
            attachments: (!l.annexes.is_empty()).then(|| l.annexes.join(", ")),
            contact: l.contact.as_ref().map(crate::render::ContactView::line),
        },
        body,
        closing: l.closing.iter().map(|c| text(c)).collect(),
        signatories: l
            .signatories
            .iter()
            .map(|s| Signatory {
                name: s.name.clone(),
                role: s.role.clone(),
            })
            .collect(),
    }
}

fn cover(view: &View) -> Cover {
    Cover {
        title: view.title.clone(),
        subtitle: None,
        council: view.council.clone(),
        municipality: format!("Gemeente {}", view.municipality),
        edition: view.edition.as_ref().map(|e| e.label.clone()),
        edition_date: view.edition.as_ref().and_then(|e| e.date.clone()),
    }
}

fn case_blocks(case: &CaseView) -> Vec<Block> {
    let mut out = vec![heading(3, &case.heading)];
    out.extend(blocks(&case.story.doc));
    out.extend(laws(&case.laws));
    out
}

/// Cited laws as one line of links, as in the other formats.
fn laws(laws: &[LawView]) -> Option<Block> {
    if laws.is_empty() {
        return None;
    }
    let mut inlines = vec![text("Wetten: ")];
    for (i, law) in laws.iter().enumerate() {
        if i > 0 {
            inlines.push(text("; "));
        }
        inlines.push(Inline::Link {
            url: law.url.clone(),
            inlines: vec![text(&law.label)],
        });
    }
    Some(Block::Paragraph(inlines))
}

/// The matrix: principles as rows, parties as columns; its header row repeats on
/// every landscape page.
fn matrix_table(view: &View) -> Table {
    let m = &view.matrix;
    let header = std::iter::once(vec![text(PRINCIPLE_COLUMN)])
        .chain(m.columns.iter().map(|c| {
            let mut cell = vec![text(&c.name)];
            if let Some(d) = &c.description {
                // A party's description under its name, as in HTML and Word.
                cell.push(Inline::LineBreak);
                cell.push(Inline::Emph(vec![text(d)]));
            }
            cell
        }))
        .collect();
    let rows = m
        .rows
        .iter()
        .map(|row| {
            std::iter::once(vec![Inline::Strong(vec![text(&format!(
                "{}. {}",
                row.number, row.title
            ))])])
            .chain(row.cells.iter().map(|cell| match cell {
                Some(t) => cell_inlines(&Document::parse(t, 0)),
                None => Vec::new(),
            }))
            .collect()
        })
        .collect();
    // The principle's title needs more room than a party's cell.
    let widths = std::iter::once(1.4)
        .chain(m.columns.iter().map(|_| 1.0))
        .collect();
    Table {
        caption: Some(vec![text(CAPTION)]),
        header,
        rows,
        widths,
        keep_rows_up_to: KEEP_ROWS_UP_TO,
    }
}

fn heading(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        inlines: vec![text(s)],
        outline: level <= 2,
    }
}

fn text(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

/// A text's tree as blocks. A heading inside a text must not break the document's
/// outline (nor PDF/UA's heading order): it becomes bold text, as in Word.
pub(super) fn blocks(doc: &Document) -> Vec<Block> {
    convert_blocks(&doc.blocks)
}

fn convert_blocks(blocks: &[crate::model::document::Block]) -> Vec<Block> {
    blocks.iter().map(|b| convert_block(&b.kind)).collect()
}

fn convert_block(kind: &BlockKind) -> Block {
    match kind {
        BlockKind::Heading { inlines, .. } => {
            Block::Paragraph(vec![Inline::Strong(convert_inlines(inlines))])
        }
        BlockKind::Paragraph(inlines) => Block::Paragraph(convert_inlines(inlines)),
        BlockKind::List {
            ordered,
            start,
            items,
            ..
        } => Block::List {
            ordered: *ordered,
            start: *start,
            items: items.iter().map(|item| convert_blocks(item)).collect(),
        },
        BlockKind::Quote(inner) => Block::Quote(convert_blocks(inner)),
        BlockKind::Code { text, .. } => Block::Code(text.clone()),
        BlockKind::Table { header, rows, .. } => Block::Table(Table {
            caption: None,
            header: header.iter().map(|c| convert_inlines(c)).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| convert_inlines(c)).collect())
                .collect(),
            widths: Vec::new(),
            keep_rows_up_to: 0,
        }),
        BlockKind::ThematicBreak => Block::Rule,
        // Raw HTML is shown as the text it is, as in the other formats.
        BlockKind::Html(s) => Block::Paragraph(vec![text(s)]),
    }
}

fn convert_inlines(inlines: &[crate::model::document::Inline]) -> Vec<Inline> {
    inlines.iter().map(|i| convert_inline(&i.kind)).collect()
}

fn convert_inline(kind: &InlineKind) -> Inline {
    match kind {
        InlineKind::Text(s) | InlineKind::Html(s) => text(s),
        InlineKind::Emph(c) => Inline::Emph(convert_inlines(c)),
        InlineKind::Strong(c) => Inline::Strong(convert_inlines(c)),
        InlineKind::Strike(c) => Inline::Strike(convert_inlines(c)),
        InlineKind::Code(s) => Inline::Code(s.clone()),
        // Links inside the document (`#uitwerking-…`) print as their text: `Link`
        // links only http(s) and mailto.
        InlineKind::Link {
            target, inlines, ..
        } => Inline::Link {
            url: target.clone(),
            inlines: convert_inlines(inlines),
        },
        // The PDF reads no files: an image is its alternative text.
        InlineKind::Image { alt, .. } => Inline::Emph(convert_inlines(alt)),
        InlineKind::SoftBreak => text(" "),
        InlineKind::HardBreak => Inline::LineBreak,
    }
}

/// A text in a table cell: its blocks as lines of one cell.
fn cell_inlines(doc: &Document) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            out.push(Inline::LineBreak);
        }
        flatten(&block.kind, &mut out);
    }
    out
}

fn flatten(kind: &BlockKind, out: &mut Vec<Inline>) {
    match kind {
        BlockKind::Heading { inlines, .. } | BlockKind::Paragraph(inlines) => {
            out.extend(convert_inlines(inlines))
        }
        BlockKind::List { items, .. } => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(Inline::LineBreak);
                }
                out.push(text("• "));
                for (j, b) in item.iter().enumerate() {
                    if j > 0 {
                        out.push(Inline::LineBreak);
                    }
                    flatten(&b.kind, out);
                }
            }
        }
        BlockKind::Quote(inner) => {
            for (j, b) in inner.iter().enumerate() {
                if j > 0 {
                    out.push(Inline::LineBreak);
                }
                flatten(&b.kind, out);
            }
        }
        BlockKind::Code { text: t, .. } => out.push(Inline::Code(t.clone())),
        BlockKind::Table { .. } | BlockKind::ThematicBreak => {}
        BlockKind::Html(s) => out.push(text(s)),
    }
}
