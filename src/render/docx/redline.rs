//! The Word redline: the whole document as `render` writes it for the new version,
//! with every difference from the old version as a Word revision (tracked change).
//! Both versions are built as Word documents; their paragraphs and tables are
//! aligned, and what differs is marked: a paragraph only in one version as an
//! inserted or deleted paragraph (its mark too, so accepting or rejecting leaves no
//! empty paragraph), a changed paragraph word by word, a matrix row inserted or
//! deleted, a changed cell inside the table. A move is a deletion plus an insertion.

use docx_rs::Docx;

mod align;
mod paired;
mod revisions;

use super::written::{Written, renumber};
use super::{Built, House, XMLDocx, document_with, pack};
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

/// [`render`] to be written, the views freed once the document is built: its XML and
/// the file are then made in the memory they held, not beside it.
pub fn render_owned(
    old: View,
    new: View,
    rev: &Revision,
) -> Result<crate::render::Rendered, RenderError> {
    let built = built(&old, &new, rev);
    drop((old, new));
    crate::memory::give_back();
    Ok(crate::render::Rendered::Word(Box::new(built.parts()?)))
}

/// The package parts before zipping.
pub(crate) fn parts(old: &View, new: &View, rev: &Revision) -> Result<XMLDocx, RenderError> {
    built(old, new, rev).parts()
}

/// The redline's document, before its XML is made.
fn built(old: &View, new: &View, rev: &Revision) -> Built {
    let house = House::of(new);
    let paired = paired::Paired::between(old, new);
    // Both versions at once, each without the pieces both have (built late where they
    // changed, written ahead in the new version where they read the same). The table
    // of contents is the new version's (see `align::body`).
    let (before, (mut docx, mut written)): (_, (Docx, _)) = crate::parallel::both(
        || {
            let (mut docx, contents) =
                document_with(old, &House::of(old), &mut |c, out| paired.stand_in(c, out));
            contents.stand_in(&mut docx);
            let mut children = docx.document.children;
            let mut ids = OLD_PARAGRAPH_IDS.clone();
            renumber(&mut children, &mut ids);
            paired.ids_from(ids);
            children
        },
        || {
            let mut written = Written::of(&paired.written(new));
            let mut n = 0;
            let (mut docx, contents) =
                document_with(new, &house, &mut |c, out| paired.wrap(c, out, &mut n));
            contents.place(&mut docx, &mut written);
            (docx, written)
        },
    );
    let after = std::mem::take(&mut docx.document.children);
    let marks = Marks {
        author: rev.author.clone(),
        date: rev.date.clone(),
        old_rows: matrix_keys(old),
        new_rows: matrix_keys(new),
        paired,
    };
    docx.document.children = align::body(before, after, &marks, &mut written);
    Built::of(new, &house, docx, written)
}

/// The old version's paragraph ids, apart from the new version's (see `written`).
const OLD_PARAGRAPH_IDS: std::ops::RangeFrom<u32> = 0x4000_0000..;

/// The revision, and the ids of the matrix rows (header first) of both versions:
/// a row is matched by its principle's id, so a renamed principle is one row.
struct Marks<'a> {
    author: String,
    date: String,
    old_rows: Vec<String>,
    new_rows: Vec<String>,
    paired: paired::Paired<'a>,
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

#[cfg(test)]
pub(crate) mod tests;
