//! Cases and matrix cells, and what the council may want to review.

use std::collections::{HashMap, HashSet};

use super::compare::{actor_name, kompas_name, labels, law_changes, moved, place};
use super::side::Side;
use super::*;
use crate::analysis::redline::same_words;
use crate::model::Case;

fn principle_title(m: &Side, id: &str) -> String {
    m.principle(id)
        .map_or_else(|| id.to_string(), |p| p.title.clone())
}

/// How a change names a case: its title, or its id when it has none (the source
/// gives cases no titles).
fn case_name(c: &Case) -> String {
    if c.title.is_empty() {
        c.id.value.clone()
    } else {
        c.title.clone()
    }
}

fn case_principle(c: &Case) -> &str {
    c.principle.as_ref().map_or("", |p| p.value.as_str())
}

pub(super) fn cases<'a>(old: &Side<'a>, new: &Side<'a>, d: &mut Delta) {
    let old_cases: HashMap<&str, &Case> =
        old.cases.iter().map(|c| (c.id.value.as_str(), c)).collect();
    let new_cases: HashMap<&str, &Case> =
        new.cases.iter().map(|c| (c.id.value.as_str(), c)).collect();
    for c in &old.cases {
        if !new_cases.contains_key(c.id.value.as_str()) {
            d.cases.push(CaseChange::Removed {
                id: c.id.value.clone(),
                title: case_name(c),
                principle: case_principle(c).to_string(),
                principle_title: principle_title(old, case_principle(c)),
            });
        }
    }
    // Within a principle, cases are shown in the order of their files.
    let order = |m: &'a Manifest| {
        let mut by: HashMap<&'a str, Vec<&'a str>> = HashMap::new();
        for c in &m.cases {
            by.entry(case_principle(c))
                .or_default()
                .push(c.id.value.as_str());
        }
        by
    };
    let (old_order, new_order) = (order(old.manifest()), order(new.manifest()));
    let mut reordered: HashMap<&str, (usize, usize)> = HashMap::new();
    for (p, is) in &new_order {
        let Some(was) = old_order.get(p) else {
            continue;
        };
        for id in moved(was, is) {
            reordered.insert(id, (place(was, id), place(is, id)));
        }
    }
    for c in &new.cases {
        let id = c.id.value.as_str();
        let title = case_name(c);
        let Some(before) = old_cases.get(id) else {
            d.cases.push(CaseChange::Added {
                id: id.to_string(),
                title,
                principle: case_principle(c).to_string(),
                principle_title: principle_title(new, case_principle(c)),
            });
            continue;
        };
        if case_principle(before) != case_principle(c) {
            d.cases.push(CaseChange::Moved {
                id: id.to_string(),
                title: title.clone(),
                old_principle: case_principle(before).to_string(),
                old_principle_title: principle_title(old, case_principle(before)),
                new_principle: case_principle(c).to_string(),
                new_principle_title: principle_title(new, case_principle(c)),
            });
        }
        if let Some(&(old_position, new_position)) = reordered.get(id) {
            d.cases.push(CaseChange::Reordered {
                id: id.to_string(),
                title: title.clone(),
                principle: case_principle(c).to_string(),
                principle_title: principle_title(new, case_principle(c)),
                old_position,
                new_position,
            });
        }
        if !same_words(&before.title, &c.title) {
            d.cases.push(CaseChange::Retitled {
                id: id.to_string(),
                old: before.title.clone(),
                new: c.title.clone(),
            });
        }
        if !same_words(&before.story, &c.story) {
            d.cases.push(CaseChange::Story {
                id: id.to_string(),
                title: title.clone(),
                redline: Redline::between(&before.story, &c.story),
            });
        }
        let (added, removed) = labels(&before.actors, &c.actors, old, new, actor_name);
        if !added.is_empty() || !removed.is_empty() {
            d.cases.push(CaseChange::Actors {
                id: id.to_string(),
                title: title.clone(),
                added,
                removed,
            });
        }
        if before.since != c.since {
            d.cases.push(CaseChange::Year {
                id: id.to_string(),
                title: title.clone(),
                old: before.since,
                new: c.since,
            });
        }
        let (added, removed) = law_changes(&before.laws, &c.laws);
        if !added.is_empty() || !removed.is_empty() {
            d.cases.push(CaseChange::Laws {
                id: id.to_string(),
                title: title.clone(),
                added,
                removed,
            });
        }
        let (added, removed) = labels(&before.kompas, &c.kompas, old, new, kompas_name);
        if !added.is_empty() || !removed.is_empty() {
            d.cases.push(CaseChange::Kompas {
                id: id.to_string(),
                title,
                added,
                removed,
            });
        }
    }
}

fn cell(m: &Side, p: &str, a: &str) -> Option<String> {
    m.principle(p)?
        .responsibilities
        .iter()
        .find(|r| r.actor.value == a)
        .map(|r| r.text.clone())
}

pub(super) fn cells(old: &Side, new: &Side, d: &mut Delta) {
    // Rows in the new order, then rows that are gone; columns likewise.
    let mut rows: Vec<&str> = new.principles.iter().map(|p| p.id.value.as_str()).collect();
    rows.extend(
        old.principles
            .iter()
            .map(|p| p.id.value.as_str())
            .filter(|id| new.principle(id).is_none()),
    );
    let mut columns: Vec<(&str, &str)> = new
        .identity
        .actors
        .iter()
        .map(|a| (a.id.value.as_str(), a.name.as_str()))
        .collect();
    columns.extend(
        old.identity
            .actors
            .iter()
            .filter(|a| new.actor(&a.id.value).is_none())
            .map(|a| (a.id.value.as_str(), a.name.as_str())),
    );
    for p in &rows {
        for (a, name) in &columns {
            let (was, is) = (cell(old, p, a), cell(new, p, a));
            let change = match (&was, &is) {
                (Some(x), Some(y)) if !same_words(x, y) => CellAction::Changed,
                (None, Some(_)) => CellAction::Added,
                (Some(_), None) => CellAction::Removed,
                _ => continue,
            };
            let title = new
                .principle(p)
                .map_or_else(|| principle_title(old, p), |x| x.title.clone());
            d.cells.push(CellChange {
                change,
                principle: p.to_string(),
                principle_title: title,
                actor: a.to_string(),
                actor_name: name.to_string(),
                redline: Redline::between(
                    was.as_deref().unwrap_or(""),
                    is.as_deref().unwrap_or(""),
                ),
                old: was,
                new: is,
            });
        }
    }
}

/// Principles whose text changed, with the cases and cells that stayed as they were.
pub(super) fn review(new: &Side, d: &Delta) -> Vec<Review> {
    let text_changed: HashSet<&str> = d
        .principles
        .iter()
        .filter_map(|c| match c {
            PrincipleChange::ShortText { id, .. } | PrincipleChange::Elaboration { id, .. } => {
                Some(id.as_str())
            }
            _ => None,
        })
        .collect();
    let case_changed: HashSet<&str> = d
        .cases
        .iter()
        .filter_map(|c| match c {
            CaseChange::Added { id, .. }
            | CaseChange::Moved { id, .. }
            | CaseChange::Story { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let cell_changed: HashSet<(&str, &str)> = d
        .cells
        .iter()
        .map(|c| (c.principle.as_str(), c.actor.as_str()))
        .collect();
    let cases_of = new.cases_by_principle();
    let mut out = Vec::new();
    for p in &new.principles {
        let id = p.id.value.as_str();
        if !text_changed.contains(&id) {
            continue;
        }
        let cases: Vec<Label> = cases_of
            .get(id)
            .into_iter()
            .flatten()
            .filter(|c| !case_changed.contains(c.id.value.as_str()))
            .map(|c| Label {
                id: c.id.value.clone(),
                name: case_name(c),
            })
            .collect();
        let cells: Vec<Label> = new
            .identity
            .actors
            .iter()
            .filter(|a| {
                p.responsibilities
                    .iter()
                    .any(|r| r.actor.value == a.id.value)
                    && !cell_changed.contains(&(id, a.id.value.as_str()))
            })
            .map(|a| Label {
                id: a.id.value.clone(),
                name: a.name.clone(),
            })
            .collect();
        if !cases.is_empty() || !cells.is_empty() {
            out.push(Review {
                principle: id.to_string(),
                principle_title: p.title.clone(),
                cases,
                cells,
            });
        }
    }
    out
}
