//! Replacing byte ranges of a text: edits are collected, then applied at once.

use std::ops::Range;

/// Pending replacements of byte ranges; one that overlaps an earlier one is dropped,
/// so earlier ones win.
#[derive(Default)]
pub struct Edits(Vec<(Range<usize>, String)>);

impl Edits {
    pub fn add(&mut self, range: Range<usize>, with: impl Into<String>) {
        let with = with.into();
        if range.is_empty() && with.is_empty() {
            return;
        }
        let overlaps = self
            .0
            .iter()
            .any(|(r, _)| range.start < r.end && r.start < range.end);
        if !overlaps {
            self.0.push((range, with));
        }
    }

    /// `text[span]` with the edits that lie inside it.
    pub fn apply(&self, text: &str, span: Range<usize>) -> String {
        let mut inside: Vec<&(Range<usize>, String)> = self
            .0
            .iter()
            .filter(|(r, _)| span.start <= r.start && r.end <= span.end)
            .collect();
        inside.sort_by_key(|(r, _)| r.start);
        let mut out = String::new();
        let mut at = span.start;
        for (r, with) in inside {
            out.push_str(&text[at..r.start]);
            out.push_str(with);
            at = r.end;
        }
        out.push_str(&text[at..span.end]);
        out
    }
}
