//! The diff as HTML: the whole document as `render` writes it for the new version,
//! from the same template, with the summary of changes first and every changed text
//! marked with `<del>` and `<ins>`. A principle or case that was removed stays at its
//! old place, its texts deleted and its heading saying so; one that moved says so in
//! its heading, and a case that went to another principle leaves a heading behind
//! saying where it went. A changed paragraph keeps its links and emphasis
//! (`inline`); the matrix annex is marked cell by cell (`matrix`).

mod inline;
mod matrix;

use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::changes::{REVIEW_TITLE, review_sentence, sentences_with_redlines, totals_line};
use super::escape;
use super::html::{render_prepared, tree::to_html};
use super::templates::Templates;
use super::{CaseView, ChangesView, PrincipleView, RenderError, Text, View};
use crate::analysis::diff::{CaseChange, Delta, PrincipleChange};
use crate::model::document::{BlockKind, Document};

/// Said before the heading of a principle or case that is no longer there.
const REMOVED: &str = "Vervallen";
/// Said before the heading of a principle or case that is new.
const ADDED: &str = "Nieuw";

/// The versions are taken: once their texts are marked, they are freed before the
/// page is made (with their document trees, most of the memory a large diff uses).
pub fn render(
    old: View,
    new: View,
    d: &Delta,
    from: &str,
    to: &str,
    templates: &Templates,
) -> Result<String, RenderError> {
    // Only the new version is rendered whole: an old text is rendered where it differs
    // or is gone, which for most diffs is a small part of the document.
    let mut view = new;
    for t in view.texts_mut() {
        t.rendered = to_html(&t.doc);
    }
    let mut sentences: Vec<String> = if d.is_empty() {
        vec!["Geen inhoudelijke wijzigingen.".to_string()]
    } else {
        sentences_with_redlines(d)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    };
    // The review hints for the council last, each saying what it is.
    sentences.extend(
        d.review
            .iter()
            .map(|r| format!("{REVIEW_TITLE}. {}", review_sentence(r))),
    );
    let totals = totals_line(d);
    view.changes = Some(ChangesView {
        title: if totals.is_empty() {
            format!("Wijzigingen van {from} naar {to}")
        } else {
            format!("Wijzigingen van {from} naar {to} ({totals})")
        },
        sentences,
    });
    let places = Places::new(&old, &view, d);
    let order = merged_places(&old.principles, &view.principles, |p| &p.id);
    // Each new principle is taken, not copied: a copy of every text would stay beside
    // the original until the page is made.
    let mut new_principles: Vec<Option<PrincipleView>> = std::mem::take(&mut view.principles)
        .into_iter()
        .map(Some)
        .collect();
    let mut principles = Vec::with_capacity(order.len());
    for (o, n) in order {
        let Some(mut p) = n.and_then(|n| new_principles[n].take()) else {
            // Removed: at its old place.
            principles.extend(o.map(|o| gone(old.principles[o].clone(), &places)));
            continue;
        };
        let o = o.map(|o| &old.principles[o]);
        match o {
            None => {
                p.heading = format!("{ADDED}: {}", p.heading);
                for t in [&mut p.short_text, &mut p.elaboration] {
                    t.rendered = ins(&t.rendered);
                }
            }
            Some(o) => {
                if let Some((was, is)) = places.principles.get(p.id.as_str()) {
                    p.heading = format!("Verplaatst van plaats {was} naar {is}: {}", p.heading);
                }
                mark(&mut p.short_text, &o.short_text);
                mark(&mut p.elaboration, &o.elaboration);
            }
        }
        let case_ids: std::collections::HashSet<&str> =
            p.cases.iter().map(|c| c.id.as_str()).collect();
        let left: Vec<CaseView> = o
            .iter()
            .flat_map(|o| &o.cases)
            .filter(|oc| !case_ids.contains(oc.id.as_str()))
            .map(|oc| places.left(oc.clone()))
            .collect();
        for c in &mut p.cases {
            places.arrived(c, &p.id);
        }
        p.cases.extend(left);
        principles.push(p);
    }
    view.principles = principles;
    let (marked, marks) = matrix::marked(&old.matrix, &view.matrix);
    view.matrix = marked;
    // The old version (with the document trees only it holds) goes while the page is
    // made: copied (by the template) from the new one, which is freed as it is copied.
    drop(places);
    crate::memory::free_beside(old);
    Ok(matrix::fill(render_prepared(view, templates)?, &marks))
}

/// The new version's items in order, each with its old self, and the removed ones at
/// their old place: after the item that preceded them in the old version, before
/// what was added there.
fn merged<'a, T>(
    old: &'a [T],
    new: &'a [T],
    id: impl Fn(&T) -> &String,
) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    merged_places(old, new, id)
        .into_iter()
        .map(|(o, n)| (o.map(|o| &old[o]), n.map(|n| &new[n])))
        .collect()
}

/// As [`merged`], by place in `old` and `new`: so that the new items can be taken.
fn merged_places<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
) -> Vec<(Option<usize>, Option<usize>)> {
    // By id, so that 10,000 principles cost no 10,000² comparisons; the first of an id
    // that occurs twice, as a search from the start would find.
    let mut places: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    for (i, o) in old.iter().enumerate() {
        places.entry(id(o).as_str()).or_insert(i);
    }
    let place = |x: &T| places.get(id(x).as_str()).copied();
    let new_ids: std::collections::HashSet<&str> = new.iter().map(|n| id(n).as_str()).collect();
    // For each new item, the old place of the first kept item from it on.
    let mut next_kept = vec![usize::MAX; new.len()];
    let mut next = usize::MAX;
    for (i, n) in new.iter().enumerate().rev() {
        next = place(n).unwrap_or(next);
        next_kept[i] = next;
    }
    let mut out = Vec::with_capacity(new.len());
    let mut removed = (0..old.len())
        .filter(|&i| !new_ids.contains(id(&old[i]).as_str()))
        .peekable();
    for (i, (n, &before)) in new.iter().zip(&next_kept).enumerate() {
        while let Some(r) = removed.next_if(|&r| r < before) {
            out.push((Some(r), None));
        }
        out.push((place(n), Some(i)));
    }
    out.extend(removed.map(|r| (Some(r), None)));
    out
}

/// Where principles and cases were and are.
struct Places<'a> {
    /// Principles moved among the others: old and new place (from 1).
    principles: HashMap<&'a str, (usize, usize)>,
    /// Cases reordered within their principle: old and new place (from 1).
    reordered: HashMap<&'a str, (usize, usize)>,
    /// Every old case by its id, with its principle's id and title.
    old_cases: HashMap<&'a str, (&'a str, &'a str, &'a CaseView)>,
    /// Every new case's principle's title, of the cases the old version has too.
    /// Owned: the new principles are taken.
    new_cases: HashMap<String, String>,
}

impl<'a> Places<'a> {
    fn new(old: &'a View, new: &View, d: &'a Delta) -> Self {
        let principles = d
            .principles
            .iter()
            .filter_map(|c| match c {
                PrincipleChange::Moved {
                    id,
                    old_position,
                    new_position,
                    ..
                } => Some((id.as_str(), (*old_position, *new_position))),
                _ => None,
            })
            .collect();
        let reordered = d
            .cases
            .iter()
            .filter_map(|c| match c {
                CaseChange::Reordered {
                    id,
                    old_position,
                    new_position,
                    ..
                } => Some((id.as_str(), (*old_position, *new_position))),
                _ => None,
            })
            .collect();
        let old_cases: HashMap<&str, (&str, &str, &CaseView)> = old
            .principles
            .iter()
            .flat_map(|p| {
                p.cases
                    .iter()
                    .map(move |c| (c.id.as_str(), (p.id.as_str(), p.title.as_str(), c)))
            })
            .collect();
        // Only the old cases are looked up here.
        let new_cases = new
            .principles
            .iter()
            .flat_map(|p| p.cases.iter().map(move |c| (p, c)))
            .filter(|(_, c)| old_cases.contains_key(c.id.as_str()))
            .map(|(p, c)| (c.id.clone(), p.title.clone()))
            .collect();
        Places {
            principles,
            reordered,
            old_cases,
            new_cases,
        }
    }

    /// A case of the new version at its place in `principle`: new, moved here, or
    /// at home, its story marked against the old one.
    fn arrived(&self, c: &mut CaseView, principle: &str) {
        match self.old_cases.get(c.id.as_str()) {
            None => {
                c.heading = format!("{ADDED}: {}", c.heading);
                c.story.rendered = ins(&c.story.rendered);
            }
            Some((from, from_title, oc)) => {
                if *from != principle {
                    c.heading = format!("Verplaatst van ‘{from_title}’: {}", c.heading);
                } else if let Some((was, is)) = self.reordered.get(c.id.as_str()) {
                    c.heading = format!("Verplaatst van plaats {was} naar {is}: {}", c.heading);
                }
                mark(&mut c.story, &oc.story);
            }
        }
    }

    /// A case of the old version that is not at its place any more: removed, its
    /// story deleted, or moved to another principle, its heading saying where to.
    fn left(&self, mut c: CaseView) -> CaseView {
        match self.new_cases.get(c.id.as_str()) {
            Some(to_title) => {
                c.heading = format!("Verplaatst naar ‘{to_title}’: {}", c.heading);
                // The text is at the new place only; a link leads there.
                c.story.rendered = format!(
                    "<p><a href=\"#casus-{}\">Lees de casus bij ‘{}’.</a></p>\n",
                    escape::html(&c.id),
                    escape::html(to_title)
                );
                // The case is also at its new place: its anchor must stay unique.
                c.id = format!("{}-verplaatst", c.id);
                c.laws.clear();
            }
            None => {
                c.heading = format!("{REMOVED}: {}", c.heading);
                c.id = format!("{}-vervallen", c.id);
                c.story.rendered = del(&to_html(&c.story.doc));
            }
        }
        c
    }
}

/// A principle that is gone, with its cases (those that moved say where to).
fn gone(mut p: PrincipleView, places: &Places) -> PrincipleView {
    p.heading = format!("{REMOVED}: {}", p.heading);
    p.id = format!("{}-vervallen", p.id);
    for t in [&mut p.short_text, &mut p.elaboration] {
        t.rendered = del(&to_html(&t.doc));
    }
    p.cases = std::mem::take(&mut p.cases)
        .into_iter()
        .map(|c| places.left(c))
        .collect();
    p
}

fn ins(html: &str) -> String {
    if html.trim().is_empty() {
        return String::new();
    }
    format!("<ins class=\"block\">{html}</ins>")
}

fn del(html: &str) -> String {
    if html.trim().is_empty() {
        return String::new();
    }
    format!("<del class=\"block\">{html}</del>")
}

/// A text's HTML with its changes since `old` marked, block by block: a changed
/// paragraph word by word, another block deleted and inserted whole.
fn mark(new: &mut Text, old: &Text) {
    // The same tree is the same HTML; a tree that moved in its file may be too.
    if new.doc == old.doc || to_html(&old.doc) == new.rendered {
        return;
    }
    let one = |b: &crate::model::document::Block| {
        to_html(&Document {
            blocks: vec![b.clone()].into(),
            ..Document::default()
        })
    };
    let old_html: Vec<String> = old.doc.blocks.iter().map(one).collect();
    let new_html: Vec<String> = new.doc.blocks.iter().map(one).collect();
    let mut out = String::new();
    for op in capture_diff_slices(Algorithm::Patience, &old_html, &new_html) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => new_html[n].iter().for_each(|h| out.push_str(h)),
            _ => {
                let (olds, news) = (&old.doc.blocks[o.clone()], &new.doc.blocks[n.clone()]);
                let paired = olds.len().min(news.len());
                for (i, (a, b)) in olds.iter().zip(news).enumerate() {
                    match (&a.kind, &b.kind) {
                        (BlockKind::Paragraph(x), BlockKind::Paragraph(y)) => {
                            out.push_str(&format!("<p>{}</p>\n", inline::paragraph(x, y)));
                        }
                        _ => {
                            out.push_str(&del(&old_html[o.start + i]));
                            out.push_str(&ins(&new_html[n.start + i]));
                        }
                    }
                }
                for h in &old_html[o.start + paired..o.end] {
                    out.push_str(&del(h));
                }
                for h in &new_html[n.start + paired..n.end] {
                    out.push_str(&ins(h));
                }
            }
        }
    }
    new.rendered = out;
}

#[cfg(test)]
mod tests;
