//! Writing the differences as Word revisions: runs, paragraph marks and table rows
//! marked inserted or deleted, and a changed paragraph word by word.

use docx_rs::{
    Delete, DocumentChild, Hyperlink, Insert, Paragraph, ParagraphChild, Run, RunChild,
    RunProperty, Table, TableCellContent, TableChild, TableRow, TableRowChild,
};

use super::{Marks, unescape};
use crate::analysis::redline::{Redline, Segment};

/// A changed paragraph word by word, when it is plain text after an unchanged
/// start (a list marker); else the old paragraph deleted and the new one inserted.
pub(super) fn changed_paragraph(a: Paragraph, b: Paragraph, rev: &Marks) -> Vec<DocumentChild> {
    if let Some(p) = word_level(&a, &b, rev) {
        return vec![DocumentChild::Paragraph(Box::new(p))];
    }
    [
        paragraph_marked(a, Kind::Deleted, rev),
        paragraph_marked(b, Kind::Inserted, rev),
    ]
    .into_iter()
    .map(|p| DocumentChild::Paragraph(Box::new(p)))
    .collect()
}

/// The text of runs and where each run ends in it, with its formatting and the link
/// it is part of (an index into the paragraph's links).
type Spans = (String, Vec<(usize, RunProperty, Option<usize>)>);

fn spans(runs: &[(&Run, Option<usize>)]) -> Option<Spans> {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(runs.len());
    for (r, link) in runs {
        for c in &r.children {
            match c {
                RunChild::Text(t) => text.push_str(&unescape(&t.text)),
                _ => return None,
            }
        }
        bounds.push((text.len(), r.run_property.clone(), *link));
    }
    Some((text, bounds))
}

/// The pieces of `from..to` of a text, each with the formatting and link of its run.
fn pieces(spans: &Spans, from: usize, to: usize) -> Vec<(&str, RunProperty, Option<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (end, props, link) in &spans.1 {
        let (s, e) = (start.max(from), (*end).min(to));
        if s < e {
            out.push((&spans.0[s..e], props.clone(), *link));
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

/// A paragraph's runs, each with the index of the link it is in, and its links.
type Runs<'a> = (Vec<(&'a Run, Option<usize>)>, Vec<&'a Hyperlink>);

/// The runs of a paragraph; `None` when it holds anything else (the paragraph is
/// then replaced whole).
fn runs(p: &Paragraph) -> Option<Runs<'_>> {
    let mut runs = Vec::new();
    let mut links = Vec::new();
    for c in &p.children {
        match c {
            ParagraphChild::Run(r) => runs.push((&**r, None)),
            ParagraphChild::Hyperlink(h) => {
                for c in &h.children {
                    match c {
                        ParagraphChild::Run(r) => runs.push((&**r, Some(links.len()))),
                        _ => return None,
                    }
                }
                links.push(h);
            }
            _ => return None,
        }
    }
    Some((runs, links))
}

/// The children of a paragraph being written, each piece in the link it came from
/// (consecutive pieces of one link in one element).
struct Children<'a> {
    out: Vec<ParagraphChild>,
    /// The link being filled: which version's, its index, the element.
    open: Option<(bool, usize, Hyperlink)>,
    old_links: Vec<&'a Hyperlink>,
    new_links: Vec<&'a Hyperlink>,
}

impl Children<'_> {
    fn push(&mut self, child: ParagraphChild, link: Option<(bool, usize)>) {
        let same_link =
            matches!((&self.open, link), (Some((o, i, _)), Some((lo, li))) if *o == lo && *i == li);
        if !same_link {
            self.close();
            if let Some((old, i)) = link {
                let links = if old {
                    &self.old_links
                } else {
                    &self.new_links
                };
                if let Some(h) = links.get(i) {
                    let mut h = (*h).clone();
                    h.children.clear();
                    self.open = Some((old, i, h));
                }
            }
        }
        match &mut self.open {
            Some((_, _, h)) => h.children.push(child),
            None => self.out.push(child),
        }
    }

    fn close(&mut self) {
        if let Some((_, _, h)) = self.open.take() {
            self.out.push(ParagraphChild::Hyperlink(h));
        }
    }
}

fn word_level(a: &Paragraph, b: &Paragraph, rev: &Marks) -> Option<Paragraph> {
    let ((ra, old_links), (rb, new_links)) = (runs(a)?, runs(b)?);
    // An unchanged start (a list item's marker and tab) stays as it is.
    let k = ra
        .iter()
        .zip(&rb)
        .take_while(|((x, lx), (y, ly))| lx.is_none() && ly.is_none() && x == y)
        .count();
    let sa = spans(&ra[k..])?;
    let sb = spans(&rb[k..])?;
    let red = Redline::between(&sa.0, &sb.0);
    // The redline normalises spacing: only when it gives both texts back exactly.
    if red.old_text() != sa.0 || red.new_text() != sb.0 {
        return None;
    }
    let mut p = b.clone();
    let mut children = Children {
        out: rb[..k]
            .iter()
            .map(|(r, _)| ParagraphChild::Run(Box::new((*r).clone())))
            .collect(),
        open: None,
        old_links,
        new_links,
    };
    // The new text is the pieces one after the other; in the old text a deleted piece
    // reaches to where the next old piece starts (a space may stand between them).
    // An unchanged piece has the new text's spacing: a space before it that the old
    // text lacks is marked inserted.
    let old_starts = red.old_starts();
    let old_start = |i: usize| old_starts.get(i).copied().unwrap_or(sa.0.len());
    let old_end = |i: usize| old_start(i + 1);
    let (mut old_piece, mut at_new) = (0, 0);
    for segment in &red.0 {
        let len = segment.text().len();
        match segment {
            Segment::Same(text) => {
                let new_space = text.starts_with(' ')
                    && !sa
                        .0
                        .get(old_start(old_piece)..)
                        .is_some_and(|t| t.starts_with(' '));
                let unchanged = at_new + usize::from(new_space);
                for (t, props, link) in pieces(&sb, at_new, unchanged) {
                    let insert = Insert::new(run_with(props).add_text(t))
                        .author(&rev.author)
                        .date(&rev.date);
                    children.push(ParagraphChild::Insert(insert), link.map(|i| (false, i)));
                }
                for (t, props, link) in pieces(&sb, unchanged, at_new + len) {
                    let run = run_with(props).add_text(t);
                    children.push(ParagraphChild::Run(Box::new(run)), link.map(|i| (false, i)));
                }
                old_piece += 1;
                at_new += len;
            }
            Segment::Deleted(_) => {
                for (t, props, link) in pieces(&sa, old_start(old_piece), old_end(old_piece)) {
                    let delete = Delete::new()
                        .author(&rev.author)
                        .date(&rev.date)
                        .add_run(run_with(props).add_delete_text(t));
                    children.push(ParagraphChild::Delete(delete), link.map(|i| (true, i)));
                }
                old_piece += 1;
            }
            Segment::Inserted(_) => {
                for (t, props, link) in pieces(&sb, at_new, at_new + len) {
                    let insert = Insert::new(run_with(props).add_text(t))
                        .author(&rev.author)
                        .date(&rev.date);
                    children.push(ParagraphChild::Insert(insert), link.map(|i| (false, i)));
                }
                at_new += len;
            }
        }
    }
    children.close();
    p.children = children.out;
    Some(p)
}

/// Whether a whole paragraph, row or table is tracked as inserted or as deleted.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Inserted,
    Deleted,
}

/// A paragraph or table of one version only, marked whole. Anything else (nothing
/// else is in a rendered document) stays when inserted and goes when deleted.
pub(super) fn whole(c: DocumentChild, kind: Kind, rev: &Marks) -> Option<DocumentChild> {
    match c {
        DocumentChild::Paragraph(p) => Some(DocumentChild::Paragraph(Box::new(paragraph_marked(
            *p, kind, rev,
        )))),
        DocumentChild::Table(t) => {
            Some(DocumentChild::Table(Box::new(table_marked(*t, kind, rev))))
        }
        other => (kind == Kind::Inserted).then_some(other),
    }
}

/// Every run inserted or deleted, and the paragraph mark too.
fn paragraph_marked(p: Paragraph, kind: Kind, rev: &Marks) -> Paragraph {
    fn walk(children: Vec<ParagraphChild>, kind: Kind, rev: &Marks) -> Vec<ParagraphChild> {
        children
            .into_iter()
            .map(|c| match c {
                ParagraphChild::Run(r) if kind == Kind::Inserted => {
                    ParagraphChild::Insert(Insert::new(*r).author(&rev.author).date(&rev.date))
                }
                ParagraphChild::Run(r) => {
                    // A deleted run's text is `w:delText`, not `w:t`.
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
                    h.children = walk(std::mem::take(&mut h.children), kind, rev);
                    ParagraphChild::Hyperlink(h)
                }
                other => other,
            })
            .collect()
    }
    let mut p = p;
    p.children = walk(std::mem::take(&mut p.children), kind, rev);
    match kind {
        Kind::Inserted => p.insert(&rev.author, &rev.date),
        Kind::Deleted => p.delete(&rev.author, &rev.date),
    }
}

/// A table all inserted or all deleted: each row and each paragraph in it.
pub(super) fn table_marked(mut t: Table, kind: Kind, rev: &Marks) -> Table {
    t.rows = t
        .rows
        .into_iter()
        .map(|TableChild::TableRow(row)| TableChild::TableRow(row_marked(row, kind, rev)))
        .collect();
    t
}

pub(super) fn row_marked(mut row: TableRow, kind: Kind, rev: &Marks) -> TableRow {
    row.cells = row
        .cells
        .into_iter()
        .map(|TableRowChild::TableCell(mut cell)| {
            cell.children = cell
                .children
                .into_iter()
                .map(|c| match c {
                    TableCellContent::Paragraph(p) => {
                        TableCellContent::Paragraph(Box::new(paragraph_marked(*p, kind, rev)))
                    }
                    other => other,
                })
                .collect();
            TableRowChild::TableCell(cell)
        })
        .collect();
    match kind {
        Kind::Inserted => row.insert(Insert::new_with_empty().author(&rev.author).date(&rev.date)),
        Kind::Deleted => row.delete(Delete::new().author(&rev.author).date(&rev.date)),
    }
}
