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

/// The matrix for the template, and what to put in the page for each placeholder
/// (the longest first where one contains another).
pub(super) fn marked(old: &Matrix, new: &Matrix) -> (Matrix, Vec<(String, String)>) {
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

/// The placeholders given out, each with the HTML that replaces it.
#[derive(Default)]
struct Marks(Vec<(String, String)>);

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
        let placeholder = format!("\u{E000}{}\u{E001}", self.0.len());
        if !before.is_empty() {
            self.0
                .push((format!("{before}{placeholder}"), html.clone()));
        }
        self.0.push((placeholder.clone(), html));
        Some(placeholder)
    }
}

/// The page with each placeholder replaced by its marked HTML.
pub(super) fn fill(mut page: String, marks: &[(String, String)]) -> String {
    for (placeholder, html) in marks {
        if page.contains(placeholder.as_str()) {
            page = page.replace(placeholder.as_str(), html);
        }
    }
    page
}
