//! The pieces that read the same in both versions (principles' texts, cases, the
//! matrix): most of a new round's document. The new version keeps each as one group,
//! written ahead; the old version has only an empty stand-in for it. The alignment
//! matches the two by the piece's name, so neither is compared paragraph by
//! paragraph, and the old version's paragraphs are built only where they can differ.
//! Should a group not line up (a move among changes), the paragraphs of both versions
//! are built then.

use std::collections::HashMap;
use std::ops::RangeFrom;
use std::sync::Mutex;

use docx_rs::{BookmarkEnd, BookmarkStart, DocumentChild};

use super::super::pieces;
use super::super::written::{Piece, Written, renumber};
use crate::render::View;

/// A group's bounds are bookmarks with this name before the piece's name: the
/// rendered document has no bookmarks of its own, and the groups are gone before it
/// is written.
const MARK: &str = "kwaliteit-zelfde:";

/// The pieces that read the same in both versions, by name, with each version's (the
/// new one with whether it can be written ahead, found once).
pub(super) struct Same<'a> {
    old: HashMap<String, Piece<'a>>,
    new: HashMap<String, (Piece<'a>, bool)>,
    /// The Word paragraph ids of the old version's paragraphs built late.
    ids: Mutex<RangeFrom<u32>>,
}

impl<'a> Same<'a> {
    pub(super) fn between(old_view: &'a View, new_view: &'a View) -> Self {
        let (mut old, mut new) = crate::parallel::both(
            || by_name(old_view),
            || {
                by_name(new_view)
                    .into_iter()
                    .map(|(name, piece)| (name, (piece, piece.writable())))
                    .collect::<HashMap<_, _>>()
            },
        );
        old.retain(|name, o| new.get(name).is_some_and(|(n, _)| o.reads_as(*n)));
        new.retain(|name, _| old.contains_key(name));
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

    /// The pieces of the new version, in order, that are written ahead.
    pub(super) fn written<'v>(&self, new: &'v View) -> Vec<Piece<'v>> {
        pieces(new)
            .filter(|p| {
                self.new
                    .get(&p.key())
                    .is_some_and(|(_, writable)| *writable)
            })
            .collect()
    }

    /// A piece of the new version: as one group when it reads the same as before, its
    /// paragraphs written ahead (the `written`th of them) where they can be.
    pub(super) fn wrap(&self, piece: Piece, out: &mut Vec<DocumentChild>, written: &mut usize) {
        let name = piece.key();
        let Some(&(_, writable)) = self.new.get(&name) else {
            return piece.write(out);
        };
        out.push(start(&name));
        if writable {
            out.push(Written::placeholder(*written));
            *written += 1;
        } else {
            piece.write(out);
        }
        out.push(end());
    }

    /// A piece of the old version: an empty group when it reads the same as after.
    pub(super) fn stand_in(&self, piece: Piece, out: &mut Vec<DocumentChild>) {
        let name = piece.key();
        if !self.old.contains_key(&name) {
            return piece.write(out);
        }
        out.push(start(&name));
        out.push(end());
    }

    /// The old version's paragraphs of a group.
    pub(super) fn old_paragraphs(&self, name: &str) -> Vec<DocumentChild> {
        let mut out = Vec::new();
        if let Some(piece) = self.old.get(name) {
            piece.write(&mut out);
            if let Ok(mut ids) = self.ids.lock() {
                renumber(&mut out, &mut ids);
            }
        }
        out
    }

    /// The new version's paragraphs of a group, in a tree (its written XML unused).
    pub(super) fn new_paragraphs(&self, name: &str) -> Vec<DocumentChild> {
        let mut out = Vec::new();
        if let Some((piece, _)) = self.new.get(name) {
            piece.write(&mut out);
        }
        out
    }
}

/// Each piece by name, leaving out the names more than one piece has.
fn by_name(view: &View) -> HashMap<String, Piece<'_>> {
    let mut out: HashMap<String, Option<Piece>> = HashMap::new();
    for piece in pieces(view) {
        out.entry(piece.key())
            .and_modify(|seen| *seen = None)
            .or_insert(Some(piece));
    }
    out.into_iter()
        .filter_map(|(name, piece)| Some((name, piece?)))
        .collect()
}

fn start(name: &str) -> DocumentChild {
    DocumentChild::BookmarkStart(BookmarkStart::new(0, format!("{MARK}{name}")))
}

fn end() -> DocumentChild {
    DocumentChild::BookmarkEnd(BookmarkEnd::new(0))
}

/// One child of a version, or a group of a piece that reads the same in both.
pub(super) enum Unit {
    One(DocumentChild),
    /// The piece's name and its paragraphs (none for a stand-in).
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
                if let Some((name, children)) = group.take() {
                    out.push(Unit::Same(name, children));
                }
            }
            (child, Some((_, children))) => children.push(child),
            (child, None) => out.push(Unit::One(child)),
        }
    }
    out.extend(group.map(|(name, children)| Unit::Same(name, children)));
    out
}
