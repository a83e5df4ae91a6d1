//! The matrix annex of the HTML redline: a changed cell word by word, the row of an
//! added (removed) principle and the column of an added (removed) party inserted
//! (deleted) whole, a renamed party or principle marked in its header.
//!
//! The template shows the matrix's texts escaped, so the marked texts cannot pass
//! through it: the matrix given to the template holds a placeholder for each, and the
//! page gets the marked HTML in its place afterwards.

use std::collections::HashMap;

use super::inline::words;
use super::merged;
use crate::analysis::matrix::{Column, Matrix, Row};
use crate::analysis::redline::{Redline, Segment};

/// The matrix for the template, and what to put in the page for each placeholder.
pub(super) fn marked(old: &Matrix, new: &Matrix) -> (Matrix, Vec<Mark>) {
    let mut marks = Marks::default();
    let columns = merged(&old.columns, &new.columns, |c| &c.id);
    let rows = merged(&old.rows, &new.rows, |r| &r.id);
    let old_cell = cells(old);
    let new_cell = cells(new);
    let out_columns = columns
        .iter()
        .map(|(o, n)| {
            let base = n.or(*o).cloned().unwrap_or_else(|| Column {
                id: String::new(),
                name: String::new(),
                description: None,
            });
            Column {
                name: marks
                    .text(o.map(|c| c.name.as_str()), n.map(|c| c.name.as_str()))
                    .unwrap_or_else(|| base.name.clone()),
                description: marks
                    .text(
                        o.and_then(|c| c.description.as_deref()),
                        n.and_then(|c| c.description.as_deref()),
                    )
                    .or_else(|| base.description.clone()),
                ..base
            }
        })
        .collect();
    let out_rows = rows
        .iter()
        .map(|(o, n)| {
            let base = n.or(*o).cloned().unwrap_or_else(|| Row {
                id: String::new(),
                number: 0,
                title: String::new(),
                cells: Vec::new(),
            });
            let title = if n.is_none() {
                // A removed row: its number goes with it, where the template shows
                // the number before the title.
                let html = marks.html(Some(&format!("{}. {}", base.number, base.title)), None);
                marks
                    .placeholder_after(&format!("{}. ", base.number), html)
                    .unwrap_or_else(|| base.title.clone())
            } else {
                marks
                    .text(o.map(|r| r.title.as_str()), n.map(|r| r.title.as_str()))
                    .unwrap_or_else(|| base.title.clone())
            };
            let cells = columns
                .iter()
                .map(|(oc, nc)| {
                    let before = o
                        .zip(*oc)
                        .and_then(|(r, c)| old_cell.get(&(r.id.as_str(), c.id.as_str())));
                    let after = n
                        .zip(*nc)
                        .and_then(|(r, c)| new_cell.get(&(r.id.as_str(), c.id.as_str())));
                    let (before, after) = (before.copied().flatten(), after.copied().flatten());
                    marks
                        .text(before, after)
                        .or_else(|| after.map(str::to_string))
                })
                .collect();
            Row {
                title,
                cells,
                ..base
            }
        })
        .collect();
    (
        Matrix {
            columns: out_columns,
            rows: out_rows,
        },
        marks.0,
    )
}

/// Every cell by its principle's and party's ids.
fn cells(m: &Matrix) -> HashMap<(&str, &str), Option<&str>> {
    m.rows
        .iter()
        .flat_map(|r| {
            m.columns
                .iter()
                .zip(&r.cells)
                .map(|(c, t)| ((r.id.as_str(), c.id.as_str()), t.as_deref()))
        })
        .collect()
}

/// What replaces the placeholder numbered by its place in the list.
pub(super) struct Mark {
    /// Text the template writes just before the placeholder that goes too.
    before: String,
    html: String,
}

/// The placeholders given out.
#[derive(Default)]
struct Marks(Vec<Mark>);

impl Marks {
    /// A placeholder for the marked text, or `None` when the words did not change.
    fn text(&mut self, old: Option<&str>, new: Option<&str>) -> Option<String> {
        let html = self.html(old, new)?;
        Some(self.placeholder_after("", Some(html)).unwrap_or_default())
    }

    /// The marked HTML of a text that was, is, or both.
    fn html(&self, old: Option<&str>, new: Option<&str>) -> Option<String> {
        let red = match (old, new) {
            (None, None) => return None,
            (Some(o), None) => Redline(vec![Segment::Deleted(o.to_string())]),
            (None, Some(n)) => Redline(vec![Segment::Inserted(n.to_string())]),
            (Some(o), Some(n)) => Redline::between(o, n),
        };
        red.is_change().then(|| words(&red))
    }

    /// A placeholder for `html`; in the page, `before` the placeholder (as the
    /// template writes it) is replaced too when it is there.
    fn placeholder_after(&mut self, before: &str, html: Option<String>) -> Option<String> {
        let html = html?;
        // Private-use characters: no escaper changes them, no text has them.
        let placeholder = format!("{OPEN}{}{CLOSE}", self.0.len());
        self.0.push(Mark {
            before: before.to_string(),
            html,
        });
        Some(placeholder)
    }
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The page with each placeholder replaced by its marked HTML, in one pass: a matrix
/// with a column added has a mark in every row.
pub(super) fn fill(page: String, marks: &[Mark]) -> String {
    if marks.is_empty() {
        return page;
    }
    let mut out =
        String::with_capacity(page.len() + marks.iter().map(|m| m.html.len()).sum::<usize>());
    let mut rest = page.as_str();
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len_utf8()..];
        let mark = after.find(CLOSE).and_then(|end| {
            let number: usize = after[..end].parse().ok()?;
            Some((marks.get(number)?, end))
        });
        match mark {
            Some((mark, end)) => {
                if out.ends_with(&mark.before) {
                    out.truncate(out.len() - mark.before.len());
                }
                out.push_str(&mark.html);
                rest = &after[end + CLOSE.len_utf8()..];
            }
            // Not ours: kept as it is.
            None => {
                out.push(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{Mark, Marks, fill};

    #[test]
    fn each_placeholder_gets_its_html_and_what_goes_before_it_goes_with_it() {
        let mut marks = Marks::default();
        let a = marks
            .placeholder_after("", Some("<ins>a</ins>".into()))
            .unwrap();
        let b = marks
            .placeholder_after("2. ", Some("<del>2. b</del>".into()))
            .unwrap();
        let page = format!(
            "<td>{a}</td><th>2. {b}</th><td>{a}</td><p>\u{E000}x\u{E001} \u{E000}9\u{E001}</p>"
        );
        assert_eq!(
            fill(page, &marks.0),
            "<td><ins>a</ins></td><th><del>2. b</del></th><td><ins>a</ins></td>\
             <p>\u{E000}x\u{E001} \u{E000}9\u{E001}</p>"
        );
    }

    #[test]
    fn a_page_without_marks_is_returned_as_it_is() {
        let page = "<p>\u{E000}0\u{E001}</p>".to_string();
        assert_eq!(fill(page.clone(), &[] as &[Mark]), page);
    }
}
