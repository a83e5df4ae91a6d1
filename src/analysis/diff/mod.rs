//! What changed in meaning between two versions of the manifest, matched by id:
//! a file renamed with the same id is no change, and neither is re-wrapped text.
//! Every key of the key tables that changes the document is compared
//! (`keys_tests.rs` proves it for each key).

mod cases;
mod compare;
mod counts;
#[cfg(test)]
mod keys_tests;
mod rounds;
mod side;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::analysis::redline::Redline;
use crate::model::{Manifest, VerdictKind};

pub use compare::diff;

/// What kind of thing changed: one row of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    Manifest,
    Kompas,
    Party,
    Principle,
    Case,
    Cell,
    Round,
    AdvicePoint,
    Response,
}

impl Item {
    pub const ALL: &'static [Item] = &[
        Item::Manifest,
        Item::Kompas,
        Item::Party,
        Item::Principle,
        Item::Case,
        Item::Cell,
        Item::Round,
        Item::AdvicePoint,
        Item::Response,
    ];

    /// As the `kind` of a JSON entry.
    pub fn key(self) -> &'static str {
        match self {
            Item::Manifest => "manifest",
            Item::Kompas => "kompas",
            Item::Party => "party",
            Item::Principle => "principle",
            Item::Case => "case",
            Item::Cell => "cell",
            Item::Round => "round",
            Item::AdvicePoint => "advice-point",
            Item::Response => "response",
        }
    }
}

/// What happened to it: one column of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Added,
    Removed,
    Moved,
    Changed,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Added,
        Action::Removed,
        Action::Moved,
        Action::Changed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Action::Added => "added",
            Action::Removed => "removed",
            Action::Moved => "moved",
            Action::Changed => "changed",
        }
    }
}

/// Every change knows what it is about and what happened, for the counts.
pub trait Change {
    fn item(&self) -> Item;
    fn action(&self) -> Action;
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Delta {
    pub manifest: Vec<ManifestChange>,
    pub kompas: Vec<KompasChange>,
    pub actors: Vec<ActorChange>,
    pub principles: Vec<PrincipleChange>,
    pub cases: Vec<CaseChange>,
    pub cells: Vec<CellChange>,
    pub rounds: Vec<RoundChange>,
    pub advice_points: Vec<AdvicePointChange>,
    pub responses: Vec<ResponseChange>,
    /// Not changes: what the council may want to look at again (`Review`).
    #[serde(skip)]
    pub review: Vec<Review>,
}

/// A thing named by its id and its name (a party, a kompas block).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub id: String,
    pub name: String,
}

/// A law citation as the document shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LawRef {
    pub id: String,
    pub artikel: Option<String>,
    /// "Jeugdwet, artikel 2.3"
    pub name: String,
}

/// A key of `manifest/manifest.yaml` with a single value (`titel`, `raad`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ManifestChange {
    Changed {
        /// The key as written in manifest.yaml.
        field: String,
        old: String,
        new: String,
        redline: Redline,
    },
}

/// The blocks of the Kwaliteitskompas that manifest.yaml lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum KompasChange {
    Added {
        id: String,
        name: String,
    },
    Removed {
        id: String,
        name: String,
    },
    Renamed {
        id: String,
        old: String,
        new: String,
    },
    Moved {
        id: String,
        name: String,
        old_position: usize,
        new_position: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ActorChange {
    Added {
        id: String,
        name: String,
    },
    Removed {
        id: String,
        name: String,
    },
    Renamed {
        id: String,
        old: String,
        new: String,
    },
    Described {
        id: String,
        name: String,
        old: Option<String>,
        new: Option<String>,
        redline: Redline,
    },
    /// Another column of the matrix (not merely shifted by an addition or removal).
    Moved {
        id: String,
        name: String,
        old_position: usize,
        new_position: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum PrincipleChange {
    Added {
        id: String,
        title: String,
        position: usize,
    },
    Removed {
        id: String,
        title: String,
        position: usize,
    },
    Retitled {
        id: String,
        old: String,
        new: String,
    },
    /// Moved relative to the others (not merely shifted by an addition or removal);
    /// of two that swapped places, both are reported.
    Moved {
        id: String,
        title: String,
        old_position: usize,
        new_position: usize,
    },
    ShortText {
        id: String,
        title: String,
        redline: Redline,
    },
    Elaboration {
        id: String,
        title: String,
        redline: Redline,
    },
    Laws {
        id: String,
        title: String,
        added: Vec<LawRef>,
        removed: Vec<LawRef>,
    },
    Kompas {
        id: String,
        title: String,
        added: Vec<Label>,
        removed: Vec<Label>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum CaseChange {
    Added {
        id: String,
        title: String,
        principle: String,
        principle_title: String,
    },
    Removed {
        id: String,
        title: String,
        principle: String,
        principle_title: String,
    },
    Moved {
        id: String,
        title: String,
        old_principle: String,
        old_principle_title: String,
        new_principle: String,
        new_principle_title: String,
    },
    /// Another place among the cases of the same principle.
    Reordered {
        id: String,
        title: String,
        principle: String,
        principle_title: String,
        old_position: usize,
        new_position: usize,
    },
    Retitled {
        id: String,
        old: String,
        new: String,
    },
    Story {
        id: String,
        title: String,
        redline: Redline,
    },
    Actors {
        id: String,
        title: String,
        added: Vec<Label>,
        removed: Vec<Label>,
    },
    /// `sinds`: the year the case was taken in.
    Year {
        id: String,
        title: String,
        old: Option<i64>,
        new: Option<i64>,
    },
    Laws {
        id: String,
        title: String,
        added: Vec<LawRef>,
        removed: Vec<LawRef>,
    },
    Kompas {
        id: String,
        title: String,
        added: Vec<Label>,
        removed: Vec<Label>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellAction {
    Added,
    Removed,
    Changed,
}

/// One cell of the matrix: added (`old` empty), removed (`new` empty) or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellChange {
    pub change: CellAction,
    pub principle: String,
    pub principle_title: String,
    pub actor: String,
    pub actor_name: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub redline: Redline,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum RoundChange {
    Added {
        year: i64,
    },
    Removed {
        year: i64,
    },
    /// A field of the letter, by its key in the round file (`betreft`, `aanhef`,
    /// ...), or `brief` for the letter's text.
    Letter {
        year: i64,
        field: String,
        redline: Redline,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum AdvicePointChange {
    Added {
        year: i64,
        id: String,
        text: String,
    },
    Removed {
        year: i64,
        id: String,
        text: String,
    },
    Changed {
        year: i64,
        id: String,
        redline: Redline,
    },
}

/// The college's verdict on a point, with its deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerdictState {
    pub verdict: VerdictKind,
    pub deadline: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ResponseChange {
    /// `reactie.ontvangen`: when the response arrived.
    Received {
        year: i64,
        old: Option<String>,
        new: Option<String>,
    },
    Verdict {
        year: i64,
        point: String,
        old: Option<VerdictState>,
        new: Option<VerdictState>,
    },
    /// `toelichting`: the college's note on a point.
    Note {
        year: i64,
        point: String,
        redline: Redline,
    },
}

/// A principle whose text changed while these of its cases and cells did not: the
/// council may check that they still fit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Review {
    pub principle: String,
    pub principle_title: String,
    pub cases: Vec<Label>,
    /// The parties whose cell in this principle's row stayed as it was.
    pub cells: Vec<Label>,
}

/// Both versions' names for things, new first: what a change calls a party or a block.
pub(crate) fn label_of(
    id: &str,
    new: &Manifest,
    old: &Manifest,
    find: fn(&Manifest, &str) -> Option<String>,
) -> Label {
    Label {
        id: id.to_string(),
        name: find(new, id)
            .or_else(|| find(old, id))
            .unwrap_or_else(|| id.to_string()),
    }
}
