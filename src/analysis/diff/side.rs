//! One version of the manifest as the diff reads it: its principles indexed by id.

use std::collections::HashMap;
use std::ops::Deref;

use crate::model::{Case, Manifest, Principle};

/// A manifest with its principles and their cases looked up by id. The diff asks for
/// a principle once per case and matrix cell: a search through the list each time
/// would make it quadratic in the number of principles.
pub(super) struct Side<'a> {
    manifest: &'a Manifest,
    /// Index into `principles` of the first principle with each id, as `find` gives.
    principles: HashMap<&'a str, usize>,
}

impl<'a> Side<'a> {
    pub(super) fn new(manifest: &'a Manifest) -> Self {
        let mut principles = HashMap::with_capacity(manifest.principles.len());
        for (i, p) in manifest.principles.iter().enumerate() {
            principles.entry(p.id.value.as_str()).or_insert(i);
        }
        Side {
            manifest,
            principles,
        }
    }

    /// The manifest itself, for as long as the manifest lives (not only this index).
    pub(super) fn manifest(&self) -> &'a Manifest {
        self.manifest
    }

    pub(super) fn principle(&self, id: &str) -> Option<&'a Principle> {
        let i = *self.principles.get(id)?;
        Some(&self.manifest.principles[i])
    }

    /// The principle's place in the list, counted from 1; 0 when it is not there.
    pub(super) fn position(&self, id: &str) -> usize {
        self.principles.get(id).map_or(0, |i| i + 1)
    }

    /// The cases of every principle, each list in file order, in one pass.
    pub(super) fn cases_by_principle(&self) -> HashMap<&'a str, Vec<&'a Case>> {
        let mut by: HashMap<&str, Vec<&Case>> = HashMap::new();
        for c in &self.manifest.cases {
            if let Some(p) = &c.principle {
                by.entry(p.value.as_str()).or_default().push(c);
            }
        }
        by
    }
}

impl Deref for Side<'_> {
    type Target = Manifest;

    fn deref(&self) -> &Manifest {
        self.manifest
    }
}
