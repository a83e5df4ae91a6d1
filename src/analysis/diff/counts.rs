//! What each change is about and what happened: the rows and columns of the summary,
//! and the counts of a `Delta`.

use std::collections::BTreeMap;

use super::*;

impl Change for ManifestChange {
    fn item(&self) -> Item {
        Item::Manifest
    }
    fn action(&self) -> Action {
        Action::Changed
    }
}

impl Change for KompasChange {
    fn item(&self) -> Item {
        Item::Kompas
    }
    fn action(&self) -> Action {
        match self {
            KompasChange::Added { .. } => Action::Added,
            KompasChange::Removed { .. } => Action::Removed,
            KompasChange::Moved { .. } => Action::Moved,
            KompasChange::Renamed { .. } => Action::Changed,
        }
    }
}

impl Change for ActorChange {
    fn item(&self) -> Item {
        Item::Party
    }
    fn action(&self) -> Action {
        match self {
            ActorChange::Added { .. } => Action::Added,
            ActorChange::Removed { .. } => Action::Removed,
            ActorChange::Moved { .. } => Action::Moved,
            ActorChange::Renamed { .. } | ActorChange::Described { .. } => Action::Changed,
        }
    }
}

impl Change for PrincipleChange {
    fn item(&self) -> Item {
        Item::Principle
    }
    fn action(&self) -> Action {
        match self {
            PrincipleChange::Added { .. } => Action::Added,
            PrincipleChange::Removed { .. } => Action::Removed,
            PrincipleChange::Moved { .. } => Action::Moved,
            _ => Action::Changed,
        }
    }
}

impl Change for CaseChange {
    fn item(&self) -> Item {
        Item::Case
    }
    fn action(&self) -> Action {
        match self {
            CaseChange::Added { .. } => Action::Added,
            CaseChange::Removed { .. } => Action::Removed,
            CaseChange::Moved { .. } | CaseChange::Reordered { .. } => Action::Moved,
            _ => Action::Changed,
        }
    }
}

impl Change for CellChange {
    fn item(&self) -> Item {
        Item::Cell
    }
    fn action(&self) -> Action {
        match self.change {
            CellAction::Added => Action::Added,
            CellAction::Removed => Action::Removed,
            CellAction::Changed => Action::Changed,
        }
    }
}

impl Change for RoundChange {
    fn item(&self) -> Item {
        Item::Round
    }
    fn action(&self) -> Action {
        match self {
            RoundChange::Added { .. } => Action::Added,
            RoundChange::Removed { .. } => Action::Removed,
            RoundChange::Letter { .. } => Action::Changed,
        }
    }
}

impl Change for AdvicePointChange {
    fn item(&self) -> Item {
        Item::AdvicePoint
    }
    fn action(&self) -> Action {
        match self {
            AdvicePointChange::Added { .. } => Action::Added,
            AdvicePointChange::Removed { .. } => Action::Removed,
            AdvicePointChange::Changed { .. } => Action::Changed,
        }
    }
}

impl Change for ResponseChange {
    fn item(&self) -> Item {
        Item::Response
    }
    fn action(&self) -> Action {
        Action::Changed
    }
}

impl Delta {
    /// What each change is about and what happened, in the order they are reported.
    pub fn entries(&self) -> Vec<(Item, Action)> {
        fn all<T: Change>(v: &[T]) -> impl Iterator<Item = (Item, Action)> + '_ {
            v.iter().map(|c| (c.item(), c.action()))
        }
        all(&self.manifest)
            .chain(all(&self.kompas))
            .chain(all(&self.actors))
            .chain(all(&self.principles))
            .chain(all(&self.cases))
            .chain(all(&self.cells))
            .chain(all(&self.rounds))
            .chain(all(&self.advice_points))
            .chain(all(&self.responses))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        self.manifest.len()
            + self.kompas.len()
            + self.actors.len()
            + self.principles.len()
            + self.cases.len()
            + self.cells.len()
            + self.rounds.len()
            + self.advice_points.len()
            + self.responses.len()
    }

    /// How many changes of each kind and action.
    pub fn counts(&self) -> BTreeMap<(Item, Action), usize> {
        let mut out = BTreeMap::new();
        for key in self.entries() {
            *out.entry(key).or_insert(0) += 1;
        }
        out
    }
}
