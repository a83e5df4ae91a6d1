//! The Word redline: the whole document as `render` writes it for the new version,
//! with every difference from the old version as a Word revision (tracked change).
//! Both versions are built as Word documents; their paragraphs and tables are
//! aligned, and what differs is marked: a paragraph only in one version as an
//! inserted or deleted paragraph (its mark too, so accepting or rejecting leaves no
//! empty paragraph), a changed paragraph word by word, a matrix row inserted or
//! deleted, a changed cell inside the table. A move is a deletion plus an insertion.

use docx_rs::{BuildXML, Docx};

mod align;
mod revisions;

use super::{House, XMLDocx, document, pack, parts_of};
use crate::render::{RenderError, View};

/// Who made the changes and when, as Word shows them.
#[derive(Clone, Debug)]
pub struct Revision {
    /// The council's short name, or its name.
    pub author: String,
    /// `YYYY-MM-DDT00:00:00Z`.
    pub date: String,
}

/// The Word file: the new version with the changes since the old one tracked.
pub fn render(old: &View, new: &View, rev: &Revision) -> Result<Vec<u8>, RenderError> {
    pack(parts(old, new, rev)?)
}

/// The package parts before zipping.
pub(crate) fn parts(old: &View, new: &View, rev: &Revision) -> Result<XMLDocx, RenderError> {
    let house = House::of(new);
    // Both versions at once: each is a whole Word document.
    let (before, mut docx): (_, Docx) = crate::render::both(
        || {
            let mut children = document(old, &House::of(old)).document.children;
            renumber(&mut children, &mut OLD_PARAGRAPH_IDS.clone());
            children
        },
        || document(new, &house),
    );
    let after = std::mem::take(&mut docx.document.children);
    let marks = Marks {
        author: rev.author.clone(),
        date: rev.date.clone(),
        old_rows: matrix_keys(old),
        new_rows: matrix_keys(new),
    };
    docx.document.children = align::body(before, after, &marks);
    parts_of(new, &house, docx)
}

/// docx-rs numbers paragraphs per thread from 1; the old version, built beside the new
/// one, gets ids from here on, so that no id is used twice (Word wants them unique, and
/// docx-rs renumbers the whole document, slowly, when one is).
const OLD_PARAGRAPH_IDS: std::ops::RangeFrom<u32> = 0x4000_0000..;

fn renumber(children: &mut [docx_rs::DocumentChild], ids: &mut std::ops::RangeFrom<u32>) {
    use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
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

/// The revision, and the ids of the matrix rows (header first) of both versions:
/// a row is matched by its principle's id, so a renamed principle is one row.
struct Marks {
    author: String,
    date: String,
    old_rows: Vec<String>,
    new_rows: Vec<String>,
}

fn matrix_keys(view: &View) -> Vec<String> {
    std::iter::once(String::new())
        .chain(view.matrix.rows.iter().map(|r| format!("id {}", r.id)))
        .collect()
}

/// docx-rs keeps a text escaped for XML; the redline compares and splits the text
/// itself (a split must not cut `&amp;` in two), and docx-rs escapes it again.
fn unescape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#xA;", "\n")
            .replace("&amp;", "&"),
    )
}

fn xml<T: BuildXML>(x: &T) -> String {
    String::from_utf8(x.build()).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests;
