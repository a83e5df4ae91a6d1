//! The comparisons, one function per part of the manifest.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::analysis::redline::same_words;
use crate::model::{LawCitation, Located};

use super::cases::{cases, cells, review};
use super::rounds::rounds;
use super::side::Side;

pub fn diff(old: &Manifest, new: &Manifest) -> Delta {
    let mut d = Delta::default();
    identity(old, new, &mut d);
    kompas(old, new, &mut d);
    actors(old, new, &mut d);
    let (old, new) = (&Side::new(old), &Side::new(new));
    principles(old, new, &mut d);
    cases(old, new, &mut d);
    cells(old, new, &mut d);
    rounds(old, new, &mut d);
    d.review = review(new, &d);
    d
}

fn identity(old: &Manifest, new: &Manifest, d: &mut Delta) {
    let fields = |m: &Manifest| {
        let i = &m.identity;
        [
            ("titel", i.title.clone()),
            (
                "uitwerking_titel",
                i.elaboration_title.clone().unwrap_or_default(),
            ),
            (
                "matrix_inleiding",
                i.matrix_intro.clone().unwrap_or_default(),
            ),
            ("raad", i.council.clone()),
            (
                "raad_afkorting",
                i.council_short.clone().unwrap_or_default(),
            ),
            ("gemeente", i.municipality.clone()),
            (
                "reactietermijn_weken",
                i.response_weeks.map(|w| w.to_string()).unwrap_or_default(),
            ),
            ("adres", i.address.join(", ")),
            ("email", i.email.clone().unwrap_or_default()),
            ("website", i.website.clone().unwrap_or_default()),
            ("lettertype", located(&i.house.font)),
            ("kleur", located(&i.house.colour)),
            ("logo", located(&i.house.logo)),
        ]
    };
    fn located(v: &Option<Located<String>>) -> String {
        v.as_ref()
            .map(|v| v.value.trim().to_string())
            .unwrap_or_default()
    }
    for ((field, was), (_, is)) in fields(old).into_iter().zip(fields(new)) {
        if !same_words(&was, &is) {
            d.manifest.push(ManifestChange::Changed {
                field: field.to_string(),
                redline: Redline::between(&was, &is),
                old: was,
                new: is,
            });
        }
    }
    // The same logo path with another picture behind it changes the letterhead too.
    let (was, is) = (&old.identity.house, &new.identity.house);
    if was.logo.as_ref().map(|l| &l.value) == is.logo.as_ref().map(|l| &l.value)
        && was.logo_image.as_ref().map(|i| &i.bytes) != is.logo_image.as_ref().map(|i| &i.bytes)
    {
        let path = is
            .logo
            .as_ref()
            .map(|l| l.value.clone())
            .unwrap_or_default();
        d.manifest.push(ManifestChange::Changed {
            field: "logo_bestand".to_string(),
            redline: Redline::between(&path, &path),
            old: path.clone(),
            new: path,
        });
    }
}

/// Ids that moved relative to the others: those outside a longest common
/// subsequence and, of two that swapped places, both. Only ids in both lists count.
pub(super) fn moved<'a>(old: &[&'a str], new: &[&'a str]) -> HashSet<&'a str> {
    let new_set: HashSet<&str> = new.iter().copied().collect();
    let old_set: HashSet<&str> = old.iter().copied().collect();
    let a: Vec<&str> = old
        .iter()
        .copied()
        .filter(|i| new_set.contains(i))
        .collect();
    let b: Vec<&str> = new
        .iter()
        .copied()
        .filter(|i| old_set.contains(i))
        .collect();
    let stayed = longest_common_subsequence(&a, &b);
    let mut out: HashSet<&str> = b.iter().copied().filter(|i| !stayed.contains(i)).collect();
    let index = |list: &[&'a str]| -> HashMap<&'a str, usize> {
        list.iter().enumerate().map(|(i, x)| (*x, i)).collect()
    };
    let (at_a, at_b) = (index(&a), index(&b));
    let partners: Vec<&str> = out
        .iter()
        .filter_map(|m| {
            let (i, j) = (*at_a.get(m)?, *at_b.get(m)?);
            // The one now where `m` was, that was where `m` is now: a swap. With an id
            // twice in one list (an error `check` reports) the lists differ in length.
            let (was_there, is_here) = (*a.get(j)?, *b.get(i)?);
            (was_there == is_here).then_some(was_there)
        })
        .collect();
    out.extend(partners);
    out
}

/// The ids that kept their order relative to each other (a longest common
/// subsequence, which Myers' diff yields); the rest moved.
fn longest_common_subsequence<'a>(a: &[&'a str], b: &[&'a str]) -> HashSet<&'a str> {
    // Compared back to front, so that of two equally long answers the one that keeps
    // the earlier items of the new order in place is taken.
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.iter().rev().copied().collect(),
        b.iter().rev().copied().collect(),
    );
    similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b)
        .into_iter()
        .filter_map(|op| match op {
            similar::DiffOp::Equal { old_index, len, .. } => Some(&a[old_index..old_index + len]),
            _ => None,
        })
        .flatten()
        .copied()
        .collect()
}

pub(super) fn place(list: &[&str], id: &str) -> usize {
    list.iter().position(|x| *x == id).map_or(0, |i| i + 1)
}

fn kompas(old: &Manifest, new: &Manifest, d: &mut Delta) {
    let (was, is) = (&old.identity.kompas, &new.identity.kompas);
    let find = |list: &[crate::model::KompasBlock], id: &str| {
        list.iter()
            .find(|k| k.id.value == id)
            .map(|k| k.name.clone())
    };
    for k in was {
        if find(is, &k.id.value).is_none() {
            d.kompas.push(KompasChange::Removed {
                id: k.id.value.clone(),
                name: k.name.clone(),
            });
        }
    }
    let old_ids: Vec<&str> = was.iter().map(|k| k.id.value.as_str()).collect();
    let new_ids: Vec<&str> = is.iter().map(|k| k.id.value.as_str()).collect();
    let moved = moved(&old_ids, &new_ids);
    for k in is {
        let id = k.id.value.as_str();
        match find(was, id) {
            None => d.kompas.push(KompasChange::Added {
                id: id.to_string(),
                name: k.name.clone(),
            }),
            Some(name) if !same_words(&name, &k.name) => d.kompas.push(KompasChange::Renamed {
                id: id.to_string(),
                old: name,
                new: k.name.clone(),
            }),
            Some(_) => {}
        }
        if moved.contains(id) {
            d.kompas.push(KompasChange::Moved {
                id: id.to_string(),
                name: k.name.clone(),
                old_position: place(&old_ids, id),
                new_position: place(&new_ids, id),
            });
        }
    }
}

fn actors(old: &Manifest, new: &Manifest, d: &mut Delta) {
    for a in &old.identity.actors {
        if new.actor(&a.id.value).is_none() {
            d.actors.push(ActorChange::Removed {
                id: a.id.value.clone(),
                name: a.name.clone(),
            });
        }
    }
    let old_ids: Vec<&str> = old
        .identity
        .actors
        .iter()
        .map(|a| a.id.value.as_str())
        .collect();
    let new_ids: Vec<&str> = new
        .identity
        .actors
        .iter()
        .map(|a| a.id.value.as_str())
        .collect();
    let moved = moved(&old_ids, &new_ids);
    for b in &new.identity.actors {
        let id = b.id.value.as_str();
        let Some(a) = old.actor(id) else {
            d.actors.push(ActorChange::Added {
                id: id.to_string(),
                name: b.name.clone(),
            });
            continue;
        };
        if !same_words(&a.name, &b.name) {
            d.actors.push(ActorChange::Renamed {
                id: id.to_string(),
                old: a.name.clone(),
                new: b.name.clone(),
            });
        }
        let (was, is) = (
            a.description.as_deref().unwrap_or(""),
            b.description.as_deref().unwrap_or(""),
        );
        if !same_words(was, is) {
            d.actors.push(ActorChange::Described {
                id: id.to_string(),
                name: b.name.clone(),
                old: a.description.clone(),
                new: b.description.clone(),
                redline: Redline::between(was, is),
            });
        }
        if moved.contains(id) {
            d.actors.push(ActorChange::Moved {
                id: id.to_string(),
                name: b.name.clone(),
                old_position: place(&old_ids, id),
                new_position: place(&new_ids, id),
            });
        }
    }
}

pub(super) fn law_refs(laws: &[LawCitation]) -> Vec<LawRef> {
    laws.iter()
        .map(|l| {
            let law = crate::model::law::known(&l.id.value).map_or(l.id.value.as_str(), |k| k.name);
            LawRef {
                id: l.id.value.clone(),
                artikel: l.artikel.clone(),
                name: match &l.artikel {
                    Some(a) => format!("{law}, artikel {a}"),
                    None => law.to_string(),
                },
            }
        })
        .collect()
}

/// Citations added and removed; none without naming them when the lists are equal.
pub(super) fn law_changes(was: &[LawCitation], is: &[LawCitation]) -> (Vec<LawRef>, Vec<LawRef>) {
    fn key(l: &LawCitation) -> (&str, Option<&str>) {
        (&l.id.value, l.artikel.as_deref())
    }
    if was.iter().map(key).eq(is.iter().map(key)) {
        return (Vec::new(), Vec::new());
    }
    added_removed(&law_refs(was), &law_refs(is))
}

/// What is in `is` and not in `was`, and the other way round.
pub(super) fn added_removed<T: PartialEq + Clone>(was: &[T], is: &[T]) -> (Vec<T>, Vec<T>) {
    (
        is.iter().filter(|x| !was.contains(x)).cloned().collect(),
        was.iter().filter(|x| !is.contains(x)).cloned().collect(),
    )
}

pub(super) fn kompas_name(m: &Manifest, id: &str) -> Option<String> {
    m.identity
        .kompas
        .iter()
        .find(|k| k.id.value == id)
        .map(|k| k.name.clone())
}

pub(super) fn actor_name(m: &Manifest, id: &str) -> Option<String> {
    m.actor(id).map(|a| a.name.clone())
}

/// Labels added and removed between two lists of ids (their order does not show).
pub(super) fn labels(
    was: &[Located<String>],
    is: &[Located<String>],
    old: &Manifest,
    new: &Manifest,
    find: fn(&Manifest, &str) -> Option<String>,
) -> (Vec<Label>, Vec<Label>) {
    // Most lists are as they were: nothing to name, nothing to copy.
    if was.iter().map(|x| &x.value).eq(is.iter().map(|x| &x.value)) {
        return (Vec::new(), Vec::new());
    }
    let ids = |l: &[Located<String>]| l.iter().map(|x| x.value.clone()).collect::<Vec<_>>();
    let (added, removed) = added_removed(&ids(was), &ids(is));
    let named = |ids: Vec<String>| {
        ids.iter()
            .map(|id| label_of(id, new, old, find))
            .collect::<Vec<_>>()
    };
    (named(added), named(removed))
}

fn principles(old: &Side, new: &Side, d: &mut Delta) {
    let old_ids: Vec<&str> = old.principles.iter().map(|p| p.id.value.as_str()).collect();
    let new_ids: Vec<&str> = new.principles.iter().map(|p| p.id.value.as_str()).collect();
    for (i, p) in old.principles.iter().enumerate() {
        if new.principle(&p.id.value).is_none() {
            d.principles.push(PrincipleChange::Removed {
                id: p.id.value.clone(),
                title: p.title.clone(),
                position: i + 1,
            });
        }
    }
    let moved = moved(&old_ids, &new_ids);
    for (i, p) in new.principles.iter().enumerate() {
        let id = p.id.value.as_str();
        let Some(before) = old.principle(id) else {
            d.principles.push(PrincipleChange::Added {
                id: id.to_string(),
                title: p.title.clone(),
                position: i + 1,
            });
            continue;
        };
        let (id, title) = (id.to_string(), p.title.clone());
        if !same_words(&before.title, &p.title) {
            d.principles.push(PrincipleChange::Retitled {
                id: id.clone(),
                old: before.title.clone(),
                new: p.title.clone(),
            });
        }
        if moved.contains(id.as_str()) {
            d.principles.push(PrincipleChange::Moved {
                id: id.clone(),
                title: title.clone(),
                old_position: old.position(&id),
                new_position: i + 1,
            });
        }
        if !same_words(&before.short_text, &p.short_text) {
            d.principles.push(PrincipleChange::ShortText {
                id: id.clone(),
                title: title.clone(),
                redline: Redline::between(&before.short_text, &p.short_text),
            });
        }
        if !same_words(&before.elaboration, &p.elaboration) {
            d.principles.push(PrincipleChange::Elaboration {
                id: id.clone(),
                title: title.clone(),
                redline: Redline::between(&before.elaboration, &p.elaboration),
            });
        }
        let (added, removed) = law_changes(&before.laws, &p.laws);
        if !added.is_empty() || !removed.is_empty() {
            d.principles.push(PrincipleChange::Laws {
                id: id.clone(),
                title: title.clone(),
                added,
                removed,
            });
        }
        let (added, removed) = labels(&before.kompas, &p.kompas, old, new, kompas_name);
        if !added.is_empty() || !removed.is_empty() {
            d.principles.push(PrincipleChange::Kompas {
                id,
                title,
                added,
                removed,
            });
        }
    }
}
