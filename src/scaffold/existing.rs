//! What the repository holds already: the next free order, and the files a new one
//! would clash with.

use crate::model::{CASES_DIR, Manifest, PRINCIPLES_DIR, ROUNDS_DIR};

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name)
}

/// Files of `dir` as read into the model (also those with errors in their fields).
fn pages_under<'a>(manifest: &'a Manifest, dir: &'a str) -> impl Iterator<Item = &'a str> {
    manifest
        .pages
        .iter()
        .map(|p| p.path.as_str())
        .filter(move |p| {
            p.strip_prefix(dir)
                .is_some_and(|rest| rest.starts_with('/'))
        })
}

/// `07-leren.md` → (Some(7), "leren"); `leren.md` → (None, "leren").
fn split_principle_stem(path: &str) -> (Option<i64>, &str) {
    let stem = file_stem(path);
    match stem.split_once('-') {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
            (n.parse().ok(), rest)
        }
        _ => (None, stem),
    }
}

/// The order after the highest one in use, by front matter or by file name.
pub(super) fn next_order(manifest: &Manifest) -> i64 {
    let by_order = manifest
        .principles
        .iter()
        .filter_map(|p| p.order.as_ref().map(|o| o.value));
    let by_name = pages_under(manifest, PRINCIPLES_DIR).filter_map(|p| split_principle_stem(p).0);
    by_order.chain(by_name).max().unwrap_or(0).max(0) + 1
}

pub(super) fn existing_principle(manifest: &Manifest, id: &str) -> Option<String> {
    manifest
        .principles
        .iter()
        .find(|p| p.id.value == id)
        .map(|p| p.path.clone())
        .or_else(|| {
            pages_under(manifest, PRINCIPLES_DIR)
                .find(|p| split_principle_stem(p).1 == id)
                .map(str::to_string)
        })
        .or_else(|| {
            manifest
                .incomplete
                .principles
                .iter()
                .any(|p| p == id)
                .then(|| format!("een bestand in {PRINCIPLES_DIR} dat nog fouten bevat"))
        })
}

pub(super) fn existing_case(manifest: &Manifest, id: &str) -> Option<String> {
    manifest
        .cases
        .iter()
        .find(|c| c.id.value == id)
        .map(|c| c.path.clone())
        .or_else(|| {
            pages_under(manifest, CASES_DIR)
                .find(|p| file_stem(p) == id)
                .map(str::to_string)
        })
}

pub(super) fn existing_round(manifest: &Manifest, year: i64) -> Option<String> {
    let stem = year.to_string();
    manifest
        .rounds
        .iter()
        .find(|r| r.year.as_ref().is_some_and(|y| y.value == year))
        .map(|r| r.path.clone())
        .or_else(|| {
            pages_under(manifest, ROUNDS_DIR)
                .find(|p| file_stem(p) == stem)
                .map(str::to_string)
        })
}

pub(super) fn valid_principle_ids(manifest: &Manifest) -> impl Iterator<Item = &str> {
    manifest
        .principles
        .iter()
        .map(|p| p.id.value.as_str())
        .filter(|id| crate::load::is_valid_id(id))
}

/// The principle a new case most likely belongs to: the first (in order) that has
/// no case yet, which is what `check` asks for; otherwise the last, most often the
/// newest.
pub(super) fn principle_for_case(manifest: &Manifest) -> Option<&str> {
    valid_principle_ids(manifest)
        .find(|id| manifest.cases_of(id).next().is_none())
        .or_else(|| valid_principle_ids(manifest).last())
}
