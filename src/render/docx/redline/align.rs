//! The alignment of the two versions: paragraphs and tables matched by what they
//! say and how they look, table rows by their first cell (or a principle's id); what
//! differs goes to `revisions` to be marked.

use docx_rs::{
    DocumentChild, Paragraph, ParagraphChild, ParagraphProperty, Run, RunChild, RunProperty, Table,
    TableCell, TableCellContent, TableChild, TableRow, TableRowChild,
};
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::paired::{Unit, units};
use super::revisions::{Kind, changed_paragraph, row_marked, table_marked, whole};
use super::{Marks, unescape};
use crate::analysis::matrix::Matrix;
use crate::analysis::redline::{Redline, Segment};
use crate::render::docx::PRINCIPLE_COLUMN;
use crate::render::docx::matrix::matrix_parts;
use crate::render::docx::written::Written;

/// The body: the table of contents is the new version's, untracked (Word
/// recomputes it); the rest is aligned before and after it. The revisions of changed
/// pieces go to `written` as XML where they can.
pub(super) fn body(
    old: Vec<DocumentChild>,
    new: Vec<DocumentChild>,
    rev: &Marks,
    written: &mut Written,
) -> Vec<DocumentChild> {
    let (Some(o), Some(n)) = (toc(&old), toc(&new)) else {
        return merge(old, new, rev, written);
    };
    let mut old = old;
    let old_rest = old.split_off(o.1);
    old.truncate(o.0);
    let mut new = new;
    let new_rest = new.split_off(n.1);
    let contents = new.split_off(n.0);
    let mut out = merge(old, new, rev, written);
    out.extend(contents);
    out.extend(merge(old_rest, new_rest, rev, written));
    out
}

/// The table of contents: after its heading, the entries, or the one paragraph or
/// placeholder that stands for them.
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
fn merge(
    old: Vec<DocumentChild>,
    new: Vec<DocumentChild>,
    rev: &Marks,
    written: &mut Written,
) -> Vec<DocumentChild> {
    let (old, new) = (units(old), units(new));
    let mut looks = Looks::default();
    let mut keys = |units: &[Unit]| -> Vec<String> {
        units
            .iter()
            .map(|u| match u {
                Unit::One(c) => key(c, &mut looks),
                // Not a text a paragraph can have: its own key.
                Unit::Group(id, _) => format!("\u{2}{id}"),
            })
            .collect()
    };
    let (old_keys, new_keys) = (keys(&old), keys(&new));
    let ops = capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    let mut old: Vec<Option<Unit>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<Unit>> = new.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(new.len());
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        let olds = old[o].iter_mut().filter_map(Option::take);
        let news = new[n].iter_mut().filter_map(Option::take);
        match tag {
            DiffTag::Equal => {
                for unit in news {
                    match unit {
                        Unit::Group(id, _) if rev.paired.changed(&id) => {
                            changed_piece(&id, rev, written, &mut out);
                        }
                        unit => out.extend(children(unit)),
                    }
                }
            }
            _ => {
                // A group that does not line up: its paragraphs in both versions after all.
                let olds = olds
                    .flat_map(|u| match u {
                        Unit::Group(id, _) => rev.paired.old_paragraphs(&id),
                        Unit::One(c) => vec![c],
                    })
                    .collect();
                let news = news
                    .flat_map(|u| match u {
                        Unit::Group(id, _) => rev.paired.new_paragraphs(&id),
                        Unit::One(c) => vec![c],
                    })
                    .collect();
                changed_block(olds, news, rev, &mut out);
            }
        }
    }
    out
}

/// A changed piece in its place: both versions' paragraphs built now and compared,
/// its revisions written as XML where they can be, and the trees dropped.
fn changed_piece(id: &str, rev: &Marks, written: &mut Written, out: &mut Vec<DocumentChild>) {
    if let Some((old, new)) = rev.paired.matrices(id)
        && let Some(n) = changed_matrix(old, new, rev, written)
    {
        out.push(Written::placeholder(n));
        return;
    }
    let old = rev.paired.old_paragraphs(id);
    let new = rev.paired.new_paragraphs(id);
    let marked = merge(old, new, rev, written);
    if rev.paired.writable(id) {
        out.push(Written::placeholder(written.add(marked)));
    } else {
        out.extend(marked);
    }
}

fn children(unit: Unit) -> Vec<DocumentChild> {
    match unit {
        Unit::One(c) => vec![c],
        Unit::Group(_, c) => c,
    }
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
                a.property == b.property && similar(a, b)
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
            out.extend(old.next().and_then(|c| whole(c, Kind::Deleted, rev)));
            i += 1;
        } else {
            out.extend(new.next().and_then(|c| whole(c, Kind::Inserted, rev)));
            j += 1;
        }
    }
    out.extend(old.filter_map(|c| whole(c, Kind::Deleted, rev)));
    out.extend(new.filter_map(|c| whole(c, Kind::Inserted, rev)));
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

/// What makes two children the same for the alignment: properties, formatting and
/// text, without the ids docx-rs numbers anew in each document (links, pictures).
fn key(c: &DocumentChild, looks: &mut Looks) -> String {
    match c {
        DocumentChild::Paragraph(p) => paragraph_key(p, looks),
        DocumentChild::Table(t) => {
            let mut k = format!("table {:?}\n", t.grid);
            for TableChild::TableRow(row) in &t.rows {
                for TableRowChild::TableCell(cell) in &row.cells {
                    for content in &cell.children {
                        if let TableCellContent::Paragraph(p) = content {
                            k.push_str(&paragraph_key(p, looks));
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

fn paragraph_key(p: &Paragraph, looks: &mut Looks) -> String {
    let mut k = String::new();
    number(&mut looks.paragraphs, &p.property, &mut k);
    fn walk(children: &[ParagraphChild], looks: &mut Looks, k: &mut String) {
        for c in children {
            match c {
                ParagraphChild::Run(r) => {
                    number(&mut looks.runs, &r.run_property, k);
                    run_text(r, k);
                }
                ParagraphChild::Hyperlink(h) => {
                    if let docx_rs::HyperlinkData::External { path, .. } = &h.link {
                        k.push_str(path);
                    }
                    k.push('[');
                    walk(&h.children, looks, k);
                    k.push(']');
                }
                other => k.push_str(&serde_json::to_string(other).unwrap_or_default()),
            }
        }
    }
    walk(&p.children, looks, &mut k);
    k.push('\n');
    k
}

/// The distinct formattings of both versions, numbered: a key names a formatting by
/// its number. Serialising each paragraph's and run's properties instead took most of
/// the alignment's time; a document has a few dozen distinct ones.
#[derive(Default)]
struct Looks {
    paragraphs: Vec<ParagraphProperty>,
    runs: Vec<RunProperty>,
}

fn number<T: PartialEq + Clone>(seen: &mut Vec<T>, x: &T, k: &mut String) {
    let n = seen.iter().position(|s| s == x).unwrap_or_else(|| {
        seen.push(x.clone());
        seen.len() - 1
    });
    k.push('\u{1}');
    k.push_str(&n.to_string());
    k.push('\u{1}');
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
pub(super) fn changed_table(a: Table, b: Table, rev: &Marks) -> Vec<DocumentChild> {
    let width = |t: &Table| {
        t.rows
            .iter()
            .map(|TableChild::TableRow(r)| r.cells.len())
            .max()
    };
    if a.grid.len() != b.grid.len() || width(&a) != width(&b) {
        return vec![
            DocumentChild::Table(Box::new(table_marked(a, Kind::Deleted, rev))),
            DocumentChild::Table(Box::new(table_marked(b, Kind::Inserted, rev))),
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
        rows.len() == ids.len() && rows.first().is_some_and(|r| row_key(r) == PRINCIPLE_COLUMN)
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
            out.extend(olds.into_iter().map(|r| row_marked(r, Kind::Deleted, rev)));
            out.extend(news.into_iter().map(|r| row_marked(r, Kind::Inserted, rev)));
        }
    }
    b.rows = out.into_iter().map(TableChild::TableRow).collect();
    vec![DocumentChild::Table(Box::new(b))]
}

/// The matrix of both versions as `changed_table` marks it, made and written a row at
/// a time: as two whole docx-rs tables, 10,000 rows took 600 MB. None, with nothing
/// written, when the parties differ (the table is then replaced as a whole) or docx-rs
/// writes a table otherwise than known.
pub(super) fn changed_matrix(
    old: &Matrix,
    new: &Matrix,
    rev: &Marks,
    written: &mut Written,
) -> Option<usize> {
    let (mut old_frame, old_rows) = matrix_parts(old);
    let (mut new_frame, new_rows) = matrix_parts(new);
    // Every row has a cell per party at most: the grids tell whether the widths agree.
    if old_frame.grid.len() != new_frame.grid.len() {
        return None;
    }
    let header = |t: &mut Table| match t.rows.pop() {
        Some(TableChild::TableRow(row)) if t.rows.is_empty() => Some(row),
        _ => None,
    };
    let mut old_rows = std::iter::once(header(&mut old_frame)?).chain(old_rows);
    let mut new_rows = std::iter::once(header(&mut new_frame)?).chain(new_rows);
    // The runs of rows to pair, to delete and to insert, in order.
    let mut steps: std::collections::VecDeque<(DiffTag, usize)> =
        capture_diff_slices(Algorithm::Patience, &rev.old_rows, &rev.new_rows)
            .into_iter()
            .flat_map(|op| {
                let (tag, o, n) = op.as_tag_tuple();
                match tag {
                    DiffTag::Equal => vec![(DiffTag::Equal, o.len())],
                    _ => vec![(DiffTag::Delete, o.len()), (DiffTag::Insert, n.len())],
                }
            })
            .collect();
    let mut pending: std::collections::VecDeque<TableRow> = std::collections::VecDeque::new();
    let rows = std::iter::from_fn(move || {
        loop {
            if let Some(row) = pending.pop_front() {
                return Some(row);
            }
            let (tag, left) = steps.front_mut()?;
            if *left == 0 {
                steps.pop_front();
                continue;
            }
            *left -= 1;
            match tag {
                DiffTag::Equal => {
                    pending.extend(changed_row(old_rows.next()?, new_rows.next()?, rev))
                }
                DiffTag::Delete => {
                    pending.push_back(row_marked(old_rows.next()?, Kind::Deleted, rev))
                }
                _ => pending.push_back(row_marked(new_rows.next()?, Kind::Inserted, rev)),
            }
        }
    });
    written.add_table(new_frame, rows)
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
        return vec![
            row_marked(a, Kind::Deleted, rev),
            row_marked(b, Kind::Inserted, rev),
        ];
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
                // A cell holds no pieces: nothing is written ahead.
                let merged = merge(
                    paragraphs(ca.children),
                    paragraphs(std::mem::take(&mut cb.children)),
                    rev,
                    &mut Written::default(),
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
