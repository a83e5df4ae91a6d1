//! The cases that read the same in both versions: most of a new round's document.
//! The new version keeps each as one group of paragraphs; the old version has only
//! an empty stand-in for it. The alignment matches the two by the case's id, so
//! neither is compared paragraph by paragraph, and the old version's paragraphs are
//! built only where they can differ. Should a group not line up (the case moved among
//! others that changed), the paragraphs of both versions are built then.

use std::collections::HashMap;
use std::ops::RangeFrom;
use std::sync::Mutex;

use docx_rs::{BookmarkEnd, BookmarkStart, DocumentChild};

use super::super::case_part;
use super::super::written::{Written, renumber, writable};
use crate::render::{CaseView, View};

/// A group's bounds are bookmarks with this name before the case's id: the rendered
/// document has no bookmarks of its own, and the groups are gone before it is written.
const MARK: &str = "kwaliteit-zelfde:";

/// The cases that read the same in both versions, by id, with each version's view.
pub(super) struct Same<'a> {
    old: HashMap<&'a str, &'a CaseView>,
    new: HashMap<&'a str, &'a CaseView>,
    /// The Word paragraph ids of the old version's paragraphs built late.
    ids: Mutex<RangeFrom<u32>>,
}

impl<'a> Same<'a> {
    pub(super) fn between(old: &'a View, new: &'a View) -> Self {
        let (in_old, in_new) = (by_id(old), by_id(new));
        let old: HashMap<_, _> = in_old
            .into_iter()
            .filter_map(|(id, o)| Some((id, o?)))
            .filter(|(id, o)| in_new.get(id).is_some_and(|n| n.as_ref() == Some(o)))
            .collect();
        let new = in_new
            .into_iter()
            .filter_map(|(id, n)| Some((id, n?)))
            .filter(|(id, _)| old.contains_key(id))
            .collect();
        Same {
            old,
            new,
            ids: Mutex::new(0..),
        }
    }

    /// Where the ids of paragraphs built late go on from.
    pub(super) fn ids_from(&self, ids: RangeFrom<u32>) {
        if let Ok(mut next) = self.ids.lock() {
            *next = ids;
        }
    }

    fn contains(&self, case: &CaseView) -> bool {
        self.old.contains_key(case.id.as_str())
    }

    /// The cases of the new version, in order, that are written ahead.
    pub(super) fn written<'v>(&self, new: &'v View) -> Vec<&'v CaseView> {
        new.principles
            .iter()
            .flat_map(|p| &p.cases)
            .filter(|c| self.contains(c) && writable(c))
            .collect()
    }

    /// A case of the new version: as one group when it reads the same as before, its
    /// paragraphs written ahead (the `written`th of them) where they can be.
    pub(super) fn wrap(&self, case: &CaseView, out: &mut Vec<DocumentChild>, written: &mut usize) {
        if !self.contains(case) {
            return case_part(case, out);
        }
        out.push(start(&case.id));
        if writable(case) {
            out.push(Written::placeholder(*written));
            *written += 1;
        } else {
            case_part(case, out);
        }
        out.push(end());
    }

    /// A case of the old version: an empty group when it reads the same as after.
    pub(super) fn stand_in(&self, case: &CaseView, out: &mut Vec<DocumentChild>) {
        if !self.contains(case) {
            return case_part(case, out);
        }
        out.push(start(&case.id));
        out.push(end());
    }

    /// The old version's paragraphs of a case that has a stand-in.
    pub(super) fn old_paragraphs(&self, id: &str) -> Vec<DocumentChild> {
        let mut out = Vec::new();
        if let Some(case) = self.old.get(id) {
            case_part(case, &mut out);
            if let Ok(mut ids) = self.ids.lock() {
                renumber(&mut out, &mut ids);
            }
        }
        out
    }

    /// The new version's paragraphs of a group, in a tree (its written XML unused).
    pub(super) fn new_paragraphs(&self, id: &str) -> Vec<DocumentChild> {
        let mut out = Vec::new();
        if let Some(case) = self.new.get(id) {
            case_part(case, &mut out);
        }
        out
    }
}

/// Each case's view by id; `None` for an id two different cases share.
fn by_id(view: &View) -> HashMap<&str, Option<&CaseView>> {
    let mut out: HashMap<&str, Option<&CaseView>> = HashMap::new();
    for case in view.principles.iter().flat_map(|p| &p.cases) {
        out.entry(case.id.as_str())
            .and_modify(|seen| {
                if *seen != Some(case) {
                    *seen = None;
                }
            })
            .or_insert(Some(case));
    }
    out
}

fn start(id: &str) -> DocumentChild {
    DocumentChild::BookmarkStart(BookmarkStart::new(0, format!("{MARK}{id}")))
}

fn end() -> DocumentChild {
    DocumentChild::BookmarkEnd(BookmarkEnd::new(0))
}

/// One child of a version, or a group of a case that reads the same in both.
pub(super) enum Unit {
    One(DocumentChild),
    /// The case's id and its paragraphs (none for a stand-in).
    Same(String, Vec<DocumentChild>),
}

/// The children with each group gathered into one unit.
pub(super) fn units(children: Vec<DocumentChild>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(children.len());
    let mut group: Option<(String, Vec<DocumentChild>)> = None;
    for child in children {
        match (child, &mut group) {
            (DocumentChild::BookmarkStart(b), None) if b.name.starts_with(MARK) => {
                group = Some((b.name[MARK.len()..].to_string(), Vec::new()));
            }
            (DocumentChild::BookmarkEnd(_), Some(_)) => {
                if let Some((id, children)) = group.take() {
                    out.push(Unit::Same(id, children));
                }
            }
            (child, Some((_, children))) => children.push(child),
            (child, None) => out.push(Unit::One(child)),
        }
    }
    out.extend(group.map(|(id, children)| Unit::Same(id, children)));
    out
}
