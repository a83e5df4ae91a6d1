//! The pieces both versions have (principles' texts, cases, the matrix), by name: most
//! of a new round's document. Each is one group in both versions, matched by its name,
//! so the alignment never compares them paragraph by paragraph across the document.
//! A piece that reads the same is written ahead in the new version, and is an empty
//! stand-in in the old one. A changed piece is an empty stand-in in both: its
//! paragraphs are built, compared and written when its group lines up, one piece at a
//! time, so the two versions' trees of all changed pieces are never in memory at once.
//! Should a group not line up (a move among changes), the paragraphs of both versions
//! are built then.

use std::collections::HashMap;
use std::ops::RangeFrom;
use std::sync::Mutex;

use docx_rs::{BookmarkEnd, BookmarkStart, DocumentChild};

use super::super::pieces;
use super::super::written::{Piece, Written, renumber};
use crate::analysis::matrix::Matrix;
use crate::render::View;

/// A group's bounds are bookmarks with this name before the piece's name: the
/// rendered document has no bookmarks of its own, and the groups are gone before it
/// is written.
const MARK: &str = "kwaliteit-stuk:";

/// The new version of a piece both versions have.
struct New<'a> {
    piece: Piece<'a>,
    /// Whether it reads as the old version.
    same: bool,
    /// Whether it can be written as XML: without pictures (in both versions, when
    /// changed, as its revisions show both).
    writable: bool,
}

/// The pieces both versions have, by name, with each version's.
pub(super) struct Paired<'a> {
    old: HashMap<String, Piece<'a>>,
    new: HashMap<String, New<'a>>,
    /// The Word paragraph ids of the old version's paragraphs built late.
    ids: Mutex<RangeFrom<u32>>,
}

impl<'a> Paired<'a> {
    pub(super) fn between(old_view: &'a View, new_view: &'a View) -> Self {
        let (mut old, new) = crate::parallel::both(|| by_name(old_view), || by_name(new_view));
        old.retain(|name, _| new.contains_key(name));
        let new = new
            .into_iter()
            .filter_map(|(name, piece)| {
                let was = *old.get(&name)?;
                let same = was.reads_as(piece);
                let writable = piece.writable() && (same || was.writable());
                Some((
                    name,
                    New {
                        piece,
                        same,
                        writable,
                    },
                ))
            })
            .collect();
        Paired {
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

    /// The pieces of the new version, in order, that read the same and are written ahead.
    pub(super) fn written<'v>(&self, new: &'v View) -> Vec<Piece<'v>> {
        pieces(new)
            .filter(|p| self.new.get(&p.key()).is_some_and(|n| n.same && n.writable))
            .collect()
    }

    /// A piece of the new version: as one group when the old version has it, its
    /// paragraphs written ahead (the `written`th of them) where it reads the same and
    /// they can be, built late where it changed.
    pub(super) fn wrap(&self, piece: Piece, out: &mut Vec<DocumentChild>, written: &mut usize) {
        let name = piece.key();
        let Some(new) = self.new.get(&name) else {
            return piece.write(out);
        };
        out.push(start(&name));
        match (new.same, new.writable) {
            (true, true) => {
                out.push(Written::placeholder(*written));
                *written += 1;
            }
            (true, false) => piece.write(out),
            (false, _) => {}
        }
        out.push(end());
    }

    /// A piece of the old version: an empty group when the new version has it.
    pub(super) fn stand_in(&self, piece: Piece, out: &mut Vec<DocumentChild>) {
        let name = piece.key();
        if !self.old.contains_key(&name) {
            return piece.write(out);
        }
        out.push(start(&name));
        out.push(end());
    }

    /// Whether the piece of this name changed: its group is empty in both versions.
    pub(super) fn changed(&self, name: &str) -> bool {
        self.new.get(name).is_some_and(|n| !n.same)
    }

    /// Whether the piece's revisions can be written as XML.
    pub(super) fn writable(&self, name: &str) -> bool {
        self.new.get(name).is_some_and(|n| n.writable)
    }

    /// Both versions of the matrix, when the group of this name is the matrix.
    pub(super) fn matrices(&self, name: &str) -> Option<(&'a Matrix, &'a Matrix)> {
        match (self.old.get(name)?, self.new.get(name)?.piece) {
            (Piece::Matrix(old), Piece::Matrix(new)) => Some((old, new)),
            _ => None,
        }
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
        if let Some(new) = self.new.get(name) {
            new.piece.write(&mut out);
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

/// One child of a version, or the group of a piece both versions have.
pub(super) enum Unit {
    One(DocumentChild),
    /// The piece's name and its paragraphs (none for a stand-in).
    Group(String, Vec<DocumentChild>),
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
                    out.push(Unit::Group(name, children));
                }
            }
            (child, Some((_, children))) => children.push(child),
            (child, None) => out.push(Unit::One(child)),
        }
    }
    out.extend(group.map(|(name, children)| Unit::Group(name, children)));
    out
}
