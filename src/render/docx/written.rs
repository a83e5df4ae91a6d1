//! The texts of the document written as Word XML ahead of the rest, on all cores:
//! the principles' headings and texts, the cases and the matrix (the `Piece`s). They
//! are most of a document: as docx-rs trees they took more memory than the file itself
//! (kilobytes a paragraph) and one core to write. The document keeps a placeholder
//! where each piece goes, and its XML replaces it once docx-rs has written the rest
//! (the letter, the cover, the part headings). The table of contents and the
//! redline's changed pieces are written the same way, later (`add`). A piece with a
//! picture stays in the tree: docx-rs packs pictures from there.

use std::ops::RangeFrom;

use docx_rs::{
    BookmarkStart, BuildXML, DocumentChild, Docx, HyperlinkData, Paragraph, ParagraphChild, Table,
    TableCellContent, TableChild, TableRow, TableRowChild,
};
use memchr::memmem;

use super::matrix::matrix_parts;
use super::xml::schema_order_fix;
use super::{Fmt, case_part, heading, laws_line, matrix_table, tree};
use crate::analysis::matrix::Matrix;
use crate::model::document::InlineKind;
use crate::render::{CaseView, PrincipleView, Text};

/// A placeholder is a bookmark with this name before its number: the rendered
/// document has no bookmarks of its own, and every placeholder is gone before the
/// file is written.
const PLACEHOLDER: &str = "kwaliteit-xml:";

/// The Word paragraph ids of the two halves and of what is added later: apart from
/// each other and from those docx-rs gives the rest of the document (from 1), the same
/// in every run.
const FIRST_IDS: u32 = 0x1000_0000;
const SECOND_IDS: u32 = 0x2000_0000;
const LATE_IDS: u32 = 0x3000_0000;

/// A part of the document that stands on its own: written ahead, and compared as a
/// whole by the redline.
#[derive(Clone, Copy)]
pub(super) enum Piece<'a> {
    /// A principle's heading and short text, in the manifest.
    Short(&'a PrincipleView),
    /// A principle's heading and texts in the elaboration: short text, elaboration and
    /// laws.
    Texts(&'a PrincipleView),
    Case(&'a CaseView),
    Matrix(&'a Matrix),
}

impl Piece<'_> {
    /// Its paragraphs and tables.
    pub(super) fn write(self, out: &mut Vec<DocumentChild>) {
        match self {
            Piece::Short(p) => {
                out.push(principle_heading(p));
                out.extend(tree::document(&p.short_text.doc, Fmt::default()));
            }
            Piece::Texts(p) => {
                out.push(principle_heading(p));
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
            (Piece::Short(a), Piece::Short(b)) => {
                a.heading == b.heading && a.short_text == b.short_text
            }
            (Piece::Texts(a), Piece::Texts(b)) => {
                a.heading == b.heading
                    && a.short_text == b.short_text
                    && a.elaboration == b.elaboration
                    && a.laws == b.laws
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
    /// How many paragraph ids `add` gave.
    late: u32,
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

    /// Paragraphs and tables written after the pieces (the table of contents, the
    /// redline's changed pieces): the number of their placeholder.
    pub(super) fn add(&mut self, children: impl IntoIterator<Item = DocumentChild>) -> usize {
        let mut ids = LATE_IDS + self.late..;
        self.push(children, &mut ids);
        self.late = ids.start - LATE_IDS;
        self.xml.len() - 1
    }

    /// Children written one by one as they come, so that only one is a tree at a time.
    fn push(
        &mut self,
        children: impl IntoIterator<Item = DocumentChild>,
        ids: &mut RangeFrom<u32>,
    ) {
        let mut xml = Vec::new();
        for mut child in children {
            renumber(std::slice::from_mut(&mut child), ids);
            links(&child, &mut self.links);
            xml.extend(child.build());
        }
        self.xml.push(schema_order_fix(&xml));
    }

    /// A table written row by row, after the pieces (the redline's changed matrix):
    /// its frame now, each row as it comes, so that only one row is a tree at a time.
    /// None, and nothing added, when docx-rs does not write the table as known.
    pub(super) fn add_table(
        &mut self,
        frame: Table,
        rows: impl IntoIterator<Item = TableRow>,
    ) -> Option<usize> {
        let mut ids = LATE_IDS + self.late..;
        let added = self.push_table(frame, rows, &mut ids);
        self.late = ids.start - LATE_IDS;
        added.then(|| self.xml.len() - 1)
    }

    /// The matrix, row by row.
    fn push_matrix(&mut self, matrix: &Matrix, ids: &mut RangeFrom<u32>) {
        let (table, rows) = matrix_parts(matrix);
        if !self.push_table(table, rows, ids) {
            // Not the table docx-rs is known to write: the whole tree after all.
            let table = DocumentChild::Table(Box::new(matrix_table(matrix)));
            self.push([table], ids);
        }
    }

    /// The table's frame (its properties, grid and the rows it has), then `rows`.
    /// False, with nothing added, when docx-rs does not end a table as known.
    fn push_table(
        &mut self,
        frame: Table,
        rows: impl IntoIterator<Item = TableRow>,
        ids: &mut RangeFrom<u32>,
    ) -> bool {
        const CLOSE: &[u8] = b"</w:tbl>";
        let mut frame = DocumentChild::Table(Box::new(frame));
        renumber(std::slice::from_mut(&mut frame), ids);
        let mut xml = frame.build();
        if !xml.ends_with(CLOSE) {
            return false;
        }
        links(&frame, &mut self.links);
        xml.truncate(xml.len() - CLOSE.len());
        for mut row in rows {
            renumber_row(&mut row, ids);
            row_links(&row, &mut self.links);
            xml.extend(row.build());
        }
        xml.extend_from_slice(CLOSE);
        self.xml.push(schema_order_fix(&xml));
        true
    }

    /// The XML of the `n`th piece.
    #[cfg(test)]
    pub(super) fn xml_of(&self, n: usize) -> &[u8] {
        &self.xml[n]
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

    /// The document with each placeholder replaced by its piece. Each piece is freed
    /// once copied, and the memory given back now and then: the document is as large
    /// as the pieces, and would otherwise come on top of them.
    pub(super) fn splice(mut self, document: Vec<u8>) -> Vec<u8> {
        /// How much is copied between two returns of memory (each takes a few
        /// milliseconds, and a big manifest has hundreds of megabytes of pieces).
        const GIVE_BACK_EVERY: usize = 32 << 20;
        if self.xml.is_empty() {
            return document;
        }
        let size: usize = self.xml.iter().map(Vec::len).sum();
        let mut out = Vec::with_capacity(document.len() + size);
        let start = memmem::Finder::new(b"<w:bookmarkStart ");
        let name = format!(r#"w:name="{PLACEHOLDER}"#);
        let mut from = 0;
        let mut freed = 0;
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
            match piece.and_then(|n| self.xml.get_mut(n)) {
                Some(xml) => {
                    out.extend_from_slice(xml);
                    freed += xml.len();
                    *xml = Vec::new();
                }
                None => out.extend_from_slice(tag),
            }
            if freed >= GIVE_BACK_EVERY {
                crate::memory::give_back();
                freed = 0;
            }
            from = end;
        }
        out.extend_from_slice(&document[from..]);
        out
    }
}

fn write(pieces: &[Piece], mut ids: RangeFrom<u32>) -> Written {
    let mut written = Written::default();
    let mut children = Vec::new();
    for piece in pieces {
        if let Piece::Matrix(m) = piece {
            written.push_matrix(m, &mut ids);
            continue;
        }
        piece.write(&mut children);
        written.push(children.drain(..), &mut ids);
    }
    written
}

fn principle_heading(p: &PrincipleView) -> DocumentChild {
    DocumentChild::Paragraph(Box::new(heading(3, &p.heading)))
}

/// The external links of a paragraph or table (as docx-rs collects them from its tree).
fn links(child: &DocumentChild, out: &mut Vec<(String, String)>) {
    match child {
        DocumentChild::Paragraph(p) => paragraph_links(p, out),
        DocumentChild::Table(t) => table_links(t, out),
        _ => {}
    }
}

fn table_links(t: &Table, out: &mut Vec<(String, String)>) {
    for TableChild::TableRow(row) in &t.rows {
        row_links(row, out);
    }
}

fn row_links(row: &TableRow, out: &mut Vec<(String, String)>) {
    for TableRowChild::TableCell(cell) in &row.cells {
        for content in &cell.children {
            match content {
                TableCellContent::Paragraph(p) => paragraph_links(p, out),
                TableCellContent::Table(t) => table_links(t, out),
                _ => {}
            }
        }
    }
}

fn paragraph_links(p: &Paragraph, out: &mut Vec<(String, String)>) {
    for c in &p.children {
        if let ParagraphChild::Hyperlink(h) = c
            && let HyperlinkData::External { rid, path } = &h.link
        {
            out.push((rid.clone(), path.clone()));
        }
    }
}

/// Paragraph ids from `ids`, also in tables: docx-rs numbers paragraphs per thread
/// from 1, and Word wants every id once.
pub(super) fn renumber(children: &mut [DocumentChild], ids: &mut RangeFrom<u32>) {
    for child in children {
        match child {
            DocumentChild::Paragraph(p) => p.id = next_id(ids),
            DocumentChild::Table(t) => renumber_table(t, ids),
            _ => {}
        }
    }
}

fn renumber_table(t: &mut Table, ids: &mut RangeFrom<u32>) {
    for TableChild::TableRow(row) in &mut t.rows {
        renumber_row(row, ids);
    }
}

fn renumber_row(row: &mut TableRow, ids: &mut RangeFrom<u32>) {
    for TableRowChild::TableCell(cell) in &mut row.cells {
        for content in &mut cell.children {
            match content {
                TableCellContent::Paragraph(p) => p.id = next_id(ids),
                TableCellContent::Table(t) => renumber_table(t, ids),
                _ => {}
            }
        }
    }
}

fn next_id(ids: &mut RangeFrom<u32>) -> String {
    format!("{:08x}", ids.next().unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::tests::sample;

    /// The XML without the links' relationship ids: docx-rs numbers those as it makes
    /// each link, so two builds of the same table differ there only.
    fn without_link_ids(xml: &[u8]) -> String {
        let xml = String::from_utf8(xml.to_vec()).unwrap();
        let mut out = String::new();
        let mut rest = xml.as_str();
        while let Some(at) = rest.find(r#"r:id=""#) {
            out.push_str(&rest[..at]);
            rest = &rest[at + 6..];
            rest = &rest[rest.find('"').map_or(rest.len(), |i| i + 1)..];
        }
        out + rest
    }

    #[test]
    fn the_matrix_written_row_by_row_is_the_table_as_a_whole() {
        let mut view = sample();
        let row = view.matrix.rows[0].clone();
        view.matrix.rows = (1..=40)
            .map(|n| {
                let mut r = row.clone();
                r.number = n;
                r.cells[0] = match n % 3 {
                    0 => None,
                    1 => Some(format!(
                        "Alinea {n}.\n\nMet [een link](https://example.org/{n})."
                    )),
                    _ => Some("- een\n- twee".into()),
                };
                r
            })
            .collect();
        let mut by_row = Written::default();
        by_row.push_matrix(&view.matrix, &mut (7..));
        let mut whole = Written::default();
        let table = DocumentChild::Table(Box::new(matrix_table(&view.matrix)));
        whole.push([table], &mut (7..));
        assert_eq!(by_row.xml.len(), 1);
        assert_eq!(
            without_link_ids(&by_row.xml[0]),
            without_link_ids(&whole.xml[0])
        );
        // Every link is registered, each with the id its XML uses.
        let paths = |w: &Written| w.links.iter().map(|(_, p)| p.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&by_row), paths(&whole));
        assert_eq!(by_row.links.len(), 14);
        let xml = String::from_utf8(by_row.xml[0].clone()).unwrap();
        for (id, _) in &by_row.links {
            assert!(xml.contains(&format!(r#"r:id="{id}""#)), "{id}");
        }
        assert_eq!(
            xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count(),
            41
        );
    }
}
