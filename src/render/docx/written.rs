//! The texts of the document written as Word XML ahead of the rest, on all cores:
//! the principles' texts, the cases and the matrix (the `Piece`s). They are most of a
//! document: as docx-rs trees they took more memory than the file itself (hundreds of
//! bytes a run) and one core to write. The document keeps a placeholder where each
//! piece goes, and its XML replaces it once docx-rs has written the rest (the letter,
//! the cover, the headings). A piece with a picture stays in the tree: docx-rs packs
//! pictures from there.

use docx_rs::{BookmarkStart, BuildXML, DocumentChild, Docx, HyperlinkData, ParagraphChild};
use memchr::memmem;

use super::xml::schema_order_fix;
use super::{Fmt, case_part, laws_line, matrix_table, tree};
use crate::analysis::matrix::Matrix;
use crate::model::document::InlineKind;
use crate::render::{CaseView, PrincipleView, Text};

/// A placeholder is a bookmark with this name before its number: the rendered
/// document has no bookmarks of its own, and every placeholder is gone before the
/// file is written.
const PLACEHOLDER: &str = "kwaliteit-xml:";

/// The Word paragraph ids of the two halves: apart from each other and from those
/// docx-rs gives the rest of the document (from 1), the same in every run.
const FIRST_IDS: u32 = 0x1000_0000;
const SECOND_IDS: u32 = 0x2000_0000;

/// A part of the document that stands on its own: written ahead, and compared as a
/// whole by the redline.
#[derive(Clone, Copy)]
pub(super) enum Piece<'a> {
    /// A principle's short text, in the manifest.
    Short(&'a PrincipleView),
    /// A principle's texts in the elaboration: short text, elaboration and laws.
    Texts(&'a PrincipleView),
    Case(&'a CaseView),
    Matrix(&'a Matrix),
}

impl Piece<'_> {
    /// Its paragraphs and tables.
    pub(super) fn write(self, out: &mut Vec<DocumentChild>) {
        match self {
            Piece::Short(p) => out.extend(tree::document(&p.short_text.doc, Fmt::default())),
            Piece::Texts(p) => {
                out.extend(tree::document(&p.short_text.doc, Fmt::default()));
                out.extend(tree::document(&p.elaboration.doc, Fmt::default()));
                out.extend(tree::document(&laws_line(&p.laws), Fmt::default()));
            }
            Piece::Case(c) => case_part(c, out),
            Piece::Matrix(m) => out.push(DocumentChild::Table(Box::new(matrix_table(m)))),
        }
    }

    /// Its name, once in a version (ids are unique; where they are not, the
    /// redline leaves the pieces of that id alone).
    pub(super) fn key(self) -> String {
        match self {
            Piece::Short(p) => format!("kort:{}", p.id),
            Piece::Texts(p) => format!("teksten:{}", p.id),
            Piece::Case(c) => format!("casus:{}", c.id),
            Piece::Matrix(_) => "matrix".into(),
        }
    }

    /// Whether two versions of a piece read the same.
    pub(super) fn reads_as(self, other: Piece) -> bool {
        match (self, other) {
            (Piece::Short(a), Piece::Short(b)) => a.short_text == b.short_text,
            (Piece::Texts(a), Piece::Texts(b)) => {
                a.short_text == b.short_text && a.elaboration == b.elaboration && a.laws == b.laws
            }
            (Piece::Case(a), Piece::Case(b)) => a == b,
            (Piece::Matrix(a), Piece::Matrix(b)) => a == b,
            _ => false,
        }
    }

    /// Whether it can be written ahead: one without pictures.
    pub(super) fn writable(self) -> bool {
        let texts: &[&Text] = match self {
            Piece::Short(p) => &[&p.short_text],
            Piece::Texts(p) => &[&p.short_text, &p.elaboration],
            Piece::Case(c) => &[&c.story],
            Piece::Matrix(_) => &[],
        };
        let mut picture = false;
        for text in texts {
            text.doc.visit_inlines(&mut |i| {
                picture |= matches!(i.kind, InlineKind::Image { .. });
            });
        }
        !picture
    }
}

/// The XML of some pieces, in document order, and the links in them.
#[derive(Default)]
pub(super) struct Written {
    xml: Vec<Vec<u8>>,
    /// Relationship id and address of each link, for the package's relationships.
    links: Vec<(String, String)>,
}

impl Written {
    /// The pieces written, half on each core when there are many.
    pub(super) fn of(pieces: &[Piece]) -> Self {
        // A council's manifest has a few dozen pieces: less work than starting a thread.
        if pieces.len() < 256 {
            return write(pieces, FIRST_IDS..);
        }
        let (first, second) = pieces.split_at(pieces.len() / 2);
        let (mut a, b) =
            crate::parallel::both(|| write(first, FIRST_IDS..), || write(second, SECOND_IDS..));
        a.xml.extend(b.xml);
        a.links.extend(b.links);
        a
    }

    /// Where the `n`th piece goes in the document.
    pub(super) fn placeholder(n: usize) -> DocumentChild {
        DocumentChild::BookmarkStart(BookmarkStart::new(n, format!("{PLACEHOLDER}{n}")))
    }

    /// The links of the pieces, for the package's relationships.
    pub(super) fn register_links(&mut self, docx: &mut Docx) {
        docx.document_rels.hyperlinks.extend(
            std::mem::take(&mut self.links)
                .into_iter()
                .map(|(id, path)| (id, path, "External".to_string())),
        );
    }

    /// The document with each placeholder replaced by its piece.
    pub(super) fn splice(&self, document: Vec<u8>) -> Vec<u8> {
        if self.xml.is_empty() {
            return document;
        }
        let size: usize = self.xml.iter().map(Vec::len).sum();
        let mut out = Vec::with_capacity(document.len() + size);
        let start = memmem::Finder::new(b"<w:bookmarkStart ");
        let name = format!(r#"w:name="{PLACEHOLDER}"#);
        let mut from = 0;
        while let Some(at) = start.find(&document[from..]).map(|i| i + from) {
            let Some(end) = memchr::memchr(b'>', &document[at..]).map(|i| at + i + 1) else {
                break;
            };
            let tag = &document[at..end];
            let piece = memmem::find(tag, name.as_bytes()).and_then(|i| {
                let digits = &tag[i + name.len()..];
                let len = digits.iter().take_while(|b| b.is_ascii_digit()).count();
                std::str::from_utf8(&digits[..len])
                    .ok()?
                    .parse::<usize>()
                    .ok()
            });
            out.extend_from_slice(&document[from..at]);
            match piece.and_then(|n| self.xml.get(n)) {
                Some(xml) => out.extend_from_slice(xml),
                None => out.extend_from_slice(tag),
            }
            from = end;
        }
        out.extend_from_slice(&document[from..]);
        out
    }
}

fn write(pieces: &[Piece], mut ids: std::ops::RangeFrom<u32>) -> Written {
    let mut written = Written::default();
    let mut children = Vec::new();
    for piece in pieces {
        children.clear();
        piece.write(&mut children);
        renumber(&mut children, &mut ids);
        let mut xml = Vec::new();
        for child in &children {
            links(child, &mut written.links);
            xml.extend(child.build());
        }
        written.xml.push(schema_order_fix(&xml));
    }
    written
}

/// The external links of a paragraph or table (as docx-rs collects them from its tree).
fn links(child: &DocumentChild, out: &mut Vec<(String, String)>) {
    use docx_rs::{Paragraph, Table, TableCellContent, TableChild, TableRowChild};
    fn paragraph(p: &Paragraph, out: &mut Vec<(String, String)>) {
        for c in &p.children {
            if let ParagraphChild::Hyperlink(h) = c
                && let HyperlinkData::External { rid, path } = &h.link
            {
                out.push((rid.clone(), path.clone()));
            }
        }
    }
    fn table(t: &Table, out: &mut Vec<(String, String)>) {
        for TableChild::TableRow(row) in &t.rows {
            for TableRowChild::TableCell(cell) in &row.cells {
                for content in &cell.children {
                    match content {
                        TableCellContent::Paragraph(p) => paragraph(p, out),
                        TableCellContent::Table(t) => table(t, out),
                        _ => {}
                    }
                }
            }
        }
    }
    match child {
        DocumentChild::Paragraph(p) => paragraph(p, out),
        DocumentChild::Table(t) => table(t, out),
        _ => {}
    }
}

/// Paragraph ids from `ids`, also in tables: docx-rs numbers paragraphs per thread
/// from 1, and Word wants every id once.
pub(super) fn renumber(children: &mut [DocumentChild], ids: &mut std::ops::RangeFrom<u32>) {
    use docx_rs::{TableCellContent, TableChild, TableRowChild};
    fn table(t: &mut docx_rs::Table, ids: &mut std::ops::RangeFrom<u32>) {
        for TableChild::TableRow(row) in &mut t.rows {
            for TableRowChild::TableCell(cell) in &mut row.cells {
                for content in &mut cell.children {
                    match content {
                        TableCellContent::Paragraph(p) => p.id = next(ids),
                        TableCellContent::Table(t) => table(t, ids),
                        _ => {}
                    }
                }
            }
        }
    }
    fn next(ids: &mut std::ops::RangeFrom<u32>) -> String {
        format!("{:08x}", ids.next().unwrap_or(u32::MAX))
    }
    for child in children {
        match child {
            DocumentChild::Paragraph(p) => p.id = next(ids),
            DocumentChild::Table(t) => table(t, ids),
            _ => {}
        }
    }
}
