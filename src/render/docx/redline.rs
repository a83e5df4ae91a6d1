//! The Word redline: the whole document as `render` writes it for the new version,
//! with every difference from the old version as a Word revision (tracked change).
//! Both versions are built as Word documents; their paragraphs and tables are
//! aligned, and what differs is marked: a paragraph only in one version as an
//! inserted or deleted paragraph (its mark too, so accepting or rejecting leaves no
//! empty paragraph), a changed paragraph word by word, a matrix row inserted or
//! deleted, a changed cell inside the table. A move is a deletion plus an insertion.

use docx_rs::{
    BuildXML, Delete, DocumentChild, Docx, Insert, Paragraph, ParagraphChild, Run, RunChild,
    RunProperty, Table, TableCell, TableCellContent, TableChild, TableRow, TableRowChild,
};
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::{House, XMLDocx, document, pack, parts_of};
use crate::analysis::redline::{Redline, Segment};
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
    let before = document(old, &House::of(old)).document.children;
    let mut docx: Docx = document(new, &house);
    let after = std::mem::take(&mut docx.document.children);
    let marks = Marks {
        author: rev.author.clone(),
        date: rev.date.clone(),
        old_rows: matrix_keys(old),
        new_rows: matrix_keys(new),
    };
    docx.document.children = body(before, after, &marks);
    parts_of(new, &house, docx)
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

/// The body: the table of contents is the new version's, untracked (Word
/// recomputes it); the rest is aligned before and after it.
fn body(old: Vec<DocumentChild>, new: Vec<DocumentChild>, rev: &Marks) -> Vec<DocumentChild> {
    let (Some(o), Some(n)) = (toc(&old), toc(&new)) else {
        return merge(old, new, rev);
    };
    let mut old = old;
    let old_rest = old.split_off(o.1);
    old.truncate(o.0);
    let mut new = new;
    let new_rest = new.split_off(n.1);
    let contents = new.split_off(n.0);
    let mut out = merge(old, new, rev);
    out.extend(contents);
    out.extend(merge(old_rest, new_rest, rev));
    out
}

/// The paragraphs of the table of contents: after its heading, the entries (or
/// the one placeholder paragraph).
fn toc(children: &[DocumentChild]) -> Option<(usize, usize)> {
    let heading = children
        .iter()
        .position(|c| style(c) == Some("TOCHeading"))?;
    let start = heading + 1;
    let entries = children[start..]
        .iter()
        .take_while(|c| style(c).is_some_and(|s| s.starts_with("TOC")))
        .count();
    Some((start, (start + entries.max(1)).min(children.len())))
}

fn style(c: &DocumentChild) -> Option<&str> {
    match c {
        DocumentChild::Paragraph(p) => p.property.style.as_ref().map(|s| s.val.as_str()),
        _ => None,
    }
}

/// Two sequences of paragraphs and tables as one, the differences tracked.
fn merge(old: Vec<DocumentChild>, new: Vec<DocumentChild>, rev: &Marks) -> Vec<DocumentChild> {
    let old_keys: Vec<String> = old.iter().map(key).collect();
    let new_keys: Vec<String> = new.iter().map(key).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    let mut old: Vec<Option<DocumentChild>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<DocumentChild>> = new.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(new.len());
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        let olds: Vec<DocumentChild> = old[o].iter_mut().filter_map(Option::take).collect();
        let news: Vec<DocumentChild> = new[n].iter_mut().filter_map(Option::take).collect();
        match tag {
            DiffTag::Equal => out.extend(news),
            _ => changed_block(olds, news, rev, &mut out),
        }
    }
    out
}

/// A stretch that differs: pairs of similar paragraphs (or two tables) are marked
/// inside; the rest is deleted or inserted whole.
fn changed_block(
    old: Vec<DocumentChild>,
    new: Vec<DocumentChild>,
    rev: &Marks,
    out: &mut Vec<DocumentChild>,
) {
    let (olen, nlen) = (old.len(), new.len());
    let mut old = old.into_iter().peekable();
    let mut new = new.into_iter().peekable();
    let (mut i, mut j) = (0, 0);
    while let (Some(a), Some(b)) = (old.peek(), new.peek()) {
        let pair = match (a, b) {
            (DocumentChild::Paragraph(a), DocumentChild::Paragraph(b)) => {
                xml(&a.property) == xml(&b.property) && similar(a, b)
            }
            (DocumentChild::Table(_), DocumentChild::Table(_)) => true,
            _ => false,
        };
        if pair {
            let (Some(a), Some(b)) = (old.next(), new.next()) else {
                break;
            };
            match (a, b) {
                (DocumentChild::Paragraph(a), DocumentChild::Paragraph(b)) => {
                    out.extend(changed_paragraph(*a, *b, rev));
                }
                (DocumentChild::Table(a), DocumentChild::Table(b)) => {
                    out.extend(changed_table(*a, *b, rev));
                }
                _ => {}
            }
            i += 1;
            j += 1;
        } else if olen - i >= nlen - j {
            out.extend(old.next().and_then(|c| deleted(c, rev)));
            i += 1;
        } else {
            out.extend(new.next().map(|c| inserted(c, rev)));
            j += 1;
        }
    }
    out.extend(old.filter_map(|c| deleted(c, rev)));
    out.extend(new.map(|c| inserted(c, rev)));
}

/// Paragraphs are one edited paragraph when at least a third of their text stayed.
fn similar(a: &Paragraph, b: &Paragraph) -> bool {
    let (ta, tb) = (text(a), text(b));
    let red = Redline::between(&ta, &tb);
    let same: usize = red
        .0
        .iter()
        .filter(|s| matches!(s, Segment::Same(_)))
        .map(|s| s.text().trim().len())
        .sum();
    same * 3 >= ta.len().max(tb.len())
}

fn text(p: &Paragraph) -> String {
    let mut s = String::new();
    fn walk(children: &[ParagraphChild], s: &mut String) {
        for c in children {
            match c {
                ParagraphChild::Run(r) => run_text(r, s),
                ParagraphChild::Hyperlink(h) => walk(&h.children, s),
                _ => {}
            }
        }
    }
    walk(&p.children, &mut s);
    s
}

fn run_text(r: &Run, s: &mut String) {
    for c in &r.children {
        match c {
            RunChild::Text(t) => s.push_str(&unescape(&t.text)),
            RunChild::Tab(_) => s.push('\t'),
            RunChild::Break(_) => s.push('\n'),
            RunChild::Drawing(_) => s.push('\u{FFFC}'),
            _ => {}
        }
    }
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

/// What makes two children the same for the alignment: properties, formatting and
/// text, without the ids docx-rs numbers anew in each document (links, pictures).
fn key(c: &DocumentChild) -> String {
    match c {
        DocumentChild::Paragraph(p) => paragraph_key(p),
        DocumentChild::Table(t) => {
            let mut k = format!("table {:?}\n", t.grid);
            for TableChild::TableRow(row) in &t.rows {
                for TableRowChild::TableCell(cell) in &row.cells {
                    for content in &cell.children {
                        if let TableCellContent::Paragraph(p) = content {
                            k.push_str(&paragraph_key(p));
                        }
                    }
                    k.push('|');
                }
                k.push('\n');
            }
            k
        }
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

fn paragraph_key(p: &Paragraph) -> String {
    let mut k = xml(&p.property);
    fn walk(children: &[ParagraphChild], k: &mut String) {
        for c in children {
            match c {
                ParagraphChild::Run(r) => {
                    k.push_str(&xml(&r.run_property));
                    run_text(r, k);
                }
                ParagraphChild::Hyperlink(h) => {
                    if let docx_rs::HyperlinkData::External { path, .. } = &h.link {
                        k.push_str(path);
                    }
                    k.push('[');
                    walk(&h.children, k);
                    k.push(']');
                }
                other => k.push_str(&serde_json::to_string(other).unwrap_or_default()),
            }
        }
    }
    walk(&p.children, &mut k);
    k.push('\n');
    k
}

/// A changed paragraph word by word, when it is plain text after an unchanged
/// start (a list marker); else the old paragraph deleted and the new one inserted.
fn changed_paragraph(a: Paragraph, b: Paragraph, rev: &Marks) -> Vec<DocumentChild> {
    if let Some(p) = word_level(&a, &b, rev) {
        return vec![DocumentChild::Paragraph(Box::new(p))];
    }
    [deleted_paragraph(a, rev), inserted_paragraph(b, rev)]
        .into_iter()
        .map(|p| DocumentChild::Paragraph(Box::new(p)))
        .collect()
}

/// The text of runs and where each run ends in it, with its formatting.
type Spans = (String, Vec<(usize, RunProperty)>);

fn spans(runs: &[&Run]) -> Option<Spans> {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(runs.len());
    for r in runs {
        for c in &r.children {
            match c {
                RunChild::Text(t) => text.push_str(&unescape(&t.text)),
                _ => return None,
            }
        }
        bounds.push((text.len(), r.run_property.clone()));
    }
    Some((text, bounds))
}

/// The pieces of `from..to` of a text, each with the formatting of its run.
fn pieces(spans: &Spans, from: usize, to: usize) -> Vec<(&str, RunProperty)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (end, props) in &spans.1 {
        let (s, e) = (start.max(from), (*end).min(to));
        if s < e {
            out.push((&spans.0[s..e], props.clone()));
        }
        start = *end;
    }
    out
}

fn run_with(props: RunProperty) -> Run {
    Run {
        run_property: props,
        children: Vec::new(),
    }
}

fn word_level(a: &Paragraph, b: &Paragraph, rev: &Marks) -> Option<Paragraph> {
    let runs = |p: &'_ Paragraph| -> Option<Vec<Run>> {
        p.children
            .iter()
            .map(|c| match c {
                ParagraphChild::Run(r) => Some((**r).clone()),
                _ => None,
            })
            .collect()
    };
    let (ra, rb) = (runs(a)?, runs(b)?);
    // An unchanged start (a list item's marker and tab) stays as it is.
    let k = ra
        .iter()
        .zip(&rb)
        .take_while(|(x, y)| xml(*x) == xml(*y))
        .count();
    let sa = spans(&ra[k..].iter().collect::<Vec<_>>())?;
    let sb = spans(&rb[k..].iter().collect::<Vec<_>>())?;
    let red = Redline::between(&sa.0, &sb.0);
    // The redline normalises spacing: only when it gives both texts back exactly.
    if red.old_text() != sa.0 || red.new_text() != sb.0 {
        return None;
    }
    let mut p = b.clone();
    p.children = rb[..k]
        .iter()
        .map(|r| ParagraphChild::Run(Box::new(r.clone())))
        .collect();
    let (mut at_old, mut at_new) = (0, 0);
    for segment in &red.0 {
        let len = segment.text().len();
        match segment {
            Segment::Same(_) => {
                for (t, props) in pieces(&sb, at_new, at_new + len) {
                    p = p.add_run(run_with(props).add_text(t));
                }
                at_old += len;
                at_new += len;
            }
            Segment::Deleted(_) => {
                for (t, props) in pieces(&sa, at_old, at_old + len) {
                    p = p.add_delete(
                        Delete::new()
                            .author(&rev.author)
                            .date(&rev.date)
                            .add_run(run_with(props).add_delete_text(t)),
                    );
                }
                at_old += len;
            }
            Segment::Inserted(_) => {
                for (t, props) in pieces(&sb, at_new, at_new + len) {
                    p = p.add_insert(
                        Insert::new(run_with(props).add_text(t))
                            .author(&rev.author)
                            .date(&rev.date),
                    );
                }
                at_new += len;
            }
        }
    }
    Some(p)
}

fn deleted(c: DocumentChild, rev: &Marks) -> Option<DocumentChild> {
    match c {
        DocumentChild::Paragraph(p) => Some(DocumentChild::Paragraph(Box::new(deleted_paragraph(
            *p, rev,
        )))),
        DocumentChild::Table(t) => {
            Some(DocumentChild::Table(Box::new(table_marked(*t, rev, false))))
        }
        // Nothing else is in a rendered document.
        _ => None,
    }
}

fn inserted(c: DocumentChild, rev: &Marks) -> DocumentChild {
    match c {
        DocumentChild::Paragraph(p) => {
            DocumentChild::Paragraph(Box::new(inserted_paragraph(*p, rev)))
        }
        DocumentChild::Table(t) => DocumentChild::Table(Box::new(table_marked(*t, rev, true))),
        other => other,
    }
}

/// Every run deleted, and the paragraph mark too.
fn deleted_paragraph(p: Paragraph, rev: &Marks) -> Paragraph {
    fn walk(children: Vec<ParagraphChild>, rev: &Marks) -> Vec<ParagraphChild> {
        children
            .into_iter()
            .map(|c| match c {
                ParagraphChild::Run(r) => {
                    let mut run = run_with(r.run_property.clone());
                    for child in r.children {
                        run = match child {
                            RunChild::Text(t) => run.add_delete_text(unescape(&t.text)),
                            other => {
                                run.children.push(other);
                                run
                            }
                        };
                    }
                    ParagraphChild::Delete(
                        Delete::new()
                            .author(&rev.author)
                            .date(&rev.date)
                            .add_run(run),
                    )
                }
                ParagraphChild::Hyperlink(mut h) => {
                    h.children = walk(std::mem::take(&mut h.children), rev);
                    ParagraphChild::Hyperlink(h)
                }
                other => other,
            })
            .collect()
    }
    let mut p = p;
    p.children = walk(std::mem::take(&mut p.children), rev);
    p.delete(&rev.author, &rev.date)
}

/// Every run inserted, and the paragraph mark too.
fn inserted_paragraph(p: Paragraph, rev: &Marks) -> Paragraph {
    fn walk(children: Vec<ParagraphChild>, rev: &Marks) -> Vec<ParagraphChild> {
        children
            .into_iter()
            .map(|c| match c {
                ParagraphChild::Run(r) => {
                    ParagraphChild::Insert(Insert::new(*r).author(&rev.author).date(&rev.date))
                }
                ParagraphChild::Hyperlink(mut h) => {
                    h.children = walk(std::mem::take(&mut h.children), rev);
                    ParagraphChild::Hyperlink(h)
                }
                other => other,
            })
            .collect()
    }
    let mut p = p;
    p.children = walk(std::mem::take(&mut p.children), rev);
    p.insert(&rev.author, &rev.date)
}

/// A table all inserted or all deleted: each row and each paragraph in it.
fn table_marked(mut t: Table, rev: &Marks, insert: bool) -> Table {
    t.rows = t
        .rows
        .into_iter()
        .map(|TableChild::TableRow(row)| TableChild::TableRow(row_marked(row, rev, insert)))
        .collect();
    t
}

fn row_marked(mut row: TableRow, rev: &Marks, insert: bool) -> TableRow {
    row.cells = row
        .cells
        .into_iter()
        .map(|TableRowChild::TableCell(mut cell)| {
            cell.children = cell
                .children
                .into_iter()
                .map(|c| match c {
                    TableCellContent::Paragraph(p) if insert => {
                        TableCellContent::Paragraph(Box::new(inserted_paragraph(*p, rev)))
                    }
                    TableCellContent::Paragraph(p) => {
                        TableCellContent::Paragraph(Box::new(deleted_paragraph(*p, rev)))
                    }
                    other => other,
                })
                .collect();
            TableRowChild::TableCell(cell)
        })
        .collect();
    if insert {
        row.insert(Insert::new_with_empty().author(&rev.author).date(&rev.date))
    } else {
        row.delete(Delete::new().author(&rev.author).date(&rev.date))
    }
}

fn cells(row: &TableRow) -> Vec<&TableCell> {
    row.cells
        .iter()
        .map(|TableRowChild::TableCell(c)| c)
        .collect()
}

/// Rows match by their first cell (a principle's number and title in the matrix).
fn row_key(row: &TableRow) -> String {
    cells(row)
        .first()
        .map(|c| {
            c.children
                .iter()
                .filter_map(|c| match c {
                    TableCellContent::Paragraph(p) => Some(text(p)),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// Two versions of a table (the matrix): rows inserted and deleted, changed cells
/// marked inside. Another number of columns cannot be tracked in Word: the old
/// table is then deleted and the new one inserted.
fn changed_table(a: Table, b: Table, rev: &Marks) -> Vec<DocumentChild> {
    let width = |t: &Table| {
        t.rows
            .iter()
            .map(|TableChild::TableRow(r)| r.cells.len())
            .max()
    };
    if a.grid.len() != b.grid.len() || width(&a) != width(&b) {
        return vec![
            DocumentChild::Table(Box::new(table_marked(a, rev, false))),
            DocumentChild::Table(Box::new(table_marked(b, rev, true))),
        ];
    }
    let rows = |t: Table| -> Vec<TableRow> {
        t.rows
            .into_iter()
            .map(|TableChild::TableRow(r)| r)
            .collect()
    };
    let mut b = b;
    let old_rows = rows(a);
    let new_rows = rows(Table {
        rows: std::mem::take(&mut b.rows),
        ..b.clone()
    });
    let is_matrix = |rows: &[TableRow], ids: &[String]| {
        rows.len() == ids.len()
            && rows
                .first()
                .is_some_and(|r| row_key(r) == super::PRINCIPLE_COLUMN)
    };
    let (old_keys, new_keys): (Vec<String>, Vec<String>) =
        if is_matrix(&old_rows, &rev.old_rows) && is_matrix(&new_rows, &rev.new_rows) {
            (rev.old_rows.clone(), rev.new_rows.clone())
        } else {
            (
                old_rows.iter().map(row_key).collect(),
                new_rows.iter().map(row_key).collect(),
            )
        };
    let ops = capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    let mut old: Vec<Option<TableRow>> = old_rows.into_iter().map(Some).collect();
    let mut new: Vec<Option<TableRow>> = new_rows.into_iter().map(Some).collect();
    let mut out: Vec<TableRow> = Vec::new();
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        let olds: Vec<TableRow> = old[o].iter_mut().filter_map(Option::take).collect();
        let news: Vec<TableRow> = new[n].iter_mut().filter_map(Option::take).collect();
        if tag == DiffTag::Equal {
            for (ra, rb) in olds.into_iter().zip(news) {
                out.extend(changed_row(ra, rb, rev));
            }
        } else {
            out.extend(olds.into_iter().map(|r| row_marked(r, rev, false)));
            out.extend(news.into_iter().map(|r| row_marked(r, rev, true)));
        }
    }
    b.rows = out.into_iter().map(TableChild::TableRow).collect();
    vec![DocumentChild::Table(Box::new(b))]
}

/// A row in both versions: each cell's paragraphs aligned as the body's.
fn changed_row(a: TableRow, b: TableRow, rev: &Marks) -> Vec<TableRow> {
    let only_paragraphs = |r: &TableRow| {
        cells(r).iter().all(|c| {
            c.children
                .iter()
                .all(|c| matches!(c, TableCellContent::Paragraph(_)))
        })
    };
    if a.cells.len() != b.cells.len() || !only_paragraphs(&a) || !only_paragraphs(&b) {
        return vec![row_marked(a, rev, false), row_marked(b, rev, true)];
    }
    let mut b = b;
    let new_cells = std::mem::take(&mut b.cells);
    b.cells = a
        .cells
        .into_iter()
        .zip(new_cells)
        .map(
            |(TableRowChild::TableCell(ca), TableRowChild::TableCell(mut cb))| {
                let paragraphs = |c: Vec<TableCellContent>| -> Vec<DocumentChild> {
                    c.into_iter()
                        .filter_map(|c| match c {
                            TableCellContent::Paragraph(p) => Some(DocumentChild::Paragraph(p)),
                            _ => None,
                        })
                        .collect()
                };
                let merged = merge(
                    paragraphs(ca.children),
                    paragraphs(std::mem::take(&mut cb.children)),
                    rev,
                );
                cb.children = merged
                    .into_iter()
                    .filter_map(|c| match c {
                        DocumentChild::Paragraph(p) => Some(TableCellContent::Paragraph(p)),
                        _ => None,
                    })
                    .collect();
                TableRowChild::TableCell(cb)
            },
        )
        .collect();
    vec![b]
}

#[cfg(test)]
pub(crate) mod tests;
