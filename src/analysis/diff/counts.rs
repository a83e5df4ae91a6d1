//! What each change is about and what happened: the rows and columns of the summary,
//! and the counts of a `Delta`.

use std::collections::BTreeMap;

use super::*;

/// `impl Change` for one kind of change: what it is about, and what happened to it
/// (`c` is the change).
macro_rules! change {
    ($kind:ty, $item:expr, $c:pat => $action:expr) => {
        impl Change for $kind {
            fn item(&self) -> Item {
                $item
            }
            fn action(&self) -> Action {
                let $c = self;
                $action
            }
        }
    };
}

change!(ManifestChange, Item::Manifest, _ => Action::Changed);

change!(KompasChange, Item::Kompas, c => match c {
    KompasChange::Added { .. } => Action::Added,
    KompasChange::Removed { .. } => Action::Removed,
    KompasChange::Moved { .. } => Action::Moved,
    KompasChange::Renamed { .. } => Action::Changed,
});

change!(ActorChange, Item::Party, c => match c {
    ActorChange::Added { .. } => Action::Added,
    ActorChange::Removed { .. } => Action::Removed,
    ActorChange::Moved { .. } => Action::Moved,
    ActorChange::Renamed { .. } | ActorChange::Described { .. } => Action::Changed,
});

change!(PrincipleChange, Item::Principle, c => match c {
    PrincipleChange::Added { .. } => Action::Added,
    PrincipleChange::Removed { .. } => Action::Removed,
    PrincipleChange::Moved { .. } => Action::Moved,
    _ => Action::Changed,
});

change!(CaseChange, Item::Case, c => match c {
    CaseChange::Added { .. } => Action::Added,
    CaseChange::Removed { .. } => Action::Removed,
    CaseChange::Moved { .. } | CaseChange::Reordered { .. } => Action::Moved,
    _ => Action::Changed,
});

change!(CellChange, Item::Cell, c => match c.change {
    CellAction::Added => Action::Added,
    CellAction::Removed => Action::Removed,
    CellAction::Changed => Action::Changed,
});

change!(RoundChange, Item::Round, c => match c {
    RoundChange::Added { .. } => Action::Added,
    RoundChange::Removed { .. } => Action::Removed,
    RoundChange::Letter { .. } => Action::Changed,
});

change!(AdvicePointChange, Item::AdvicePoint, c => match c {
    AdvicePointChange::Added { .. } => Action::Added,
    AdvicePointChange::Removed { .. } => Action::Removed,
    AdvicePointChange::Changed { .. } => Action::Changed,
});

change!(ResponseChange, Item::Response, _ => Action::Changed);

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
        self.entries().len()
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
