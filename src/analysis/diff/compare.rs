//! The comparisons, one function per part of the manifest.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::analysis::redline::same_words;
use crate::model::{Case, LawCitation, Located, Round};

pub fn diff(old: &Manifest, new: &Manifest) -> Delta {
    let mut d = Delta::default();
    identity(old, new, &mut d);
    kompas(old, new, &mut d);
    actors(old, new, &mut d);
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
        ]
    };
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
}

/// Ids that moved relative to the others: those outside a longest common
/// subsequence and, of two that swapped places, both. Only ids in both lists count.
fn moved<'a>(old: &[&'a str], new: &[&'a str]) -> HashSet<&'a str> {
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
    let partners: Vec<&str> = out
        .iter()
        .filter_map(|m| {
            let i = a.iter().position(|x| x == m)?;
            let j = b.iter().position(|x| x == m)?;
            // The one now where `m` was, that was where `m` is now: a swap.
            (a[j] == b[i]).then_some(a[j])
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

fn place(list: &[&str], id: &str) -> usize {
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

fn law_refs(laws: &[LawCitation]) -> Vec<LawRef> {
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

/// What is in `is` and not in `was`, and the other way round.
fn added_removed<T: PartialEq + Clone>(was: &[T], is: &[T]) -> (Vec<T>, Vec<T>) {
    (
        is.iter().filter(|x| !was.contains(x)).cloned().collect(),
        was.iter().filter(|x| !is.contains(x)).cloned().collect(),
    )
}

fn kompas_name(m: &Manifest, id: &str) -> Option<String> {
    m.identity
        .kompas
        .iter()
        .find(|k| k.id.value == id)
        .map(|k| k.name.clone())
}

fn actor_name(m: &Manifest, id: &str) -> Option<String> {
    m.actor(id).map(|a| a.name.clone())
}

/// Labels added and removed between two lists of ids (their order does not show).
fn labels(
    was: &[Located<String>],
    is: &[Located<String>],
    old: &Manifest,
    new: &Manifest,
    find: fn(&Manifest, &str) -> Option<String>,
) -> (Vec<Label>, Vec<Label>) {
    let ids = |l: &[Located<String>]| l.iter().map(|x| x.value.clone()).collect::<Vec<_>>();
    let (added, removed) = added_removed(&ids(was), &ids(is));
    let named = |ids: Vec<String>| {
        ids.iter()
            .map(|id| label_of(id, new, old, find))
            .collect::<Vec<_>>()
    };
    (named(added), named(removed))
}

fn principles(old: &Manifest, new: &Manifest, d: &mut Delta) {
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
                old_position: place(&old_ids, &id),
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
        let (added, removed) = added_removed(&law_refs(&before.laws), &law_refs(&p.laws));
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

fn principle_title(m: &Manifest, id: &str) -> String {
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

fn cases(old: &Manifest, new: &Manifest, d: &mut Delta) {
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
    let order = |m: &Manifest, p: &str| -> Vec<String> {
        m.cases
            .iter()
            .filter(|c| case_principle(c) == p)
            .map(|c| c.id.value.clone())
            .collect()
    };
    let mut reordered: HashMap<String, (usize, usize)> = HashMap::new();
    let principles: HashSet<&str> = new.cases.iter().map(case_principle).collect();
    for p in principles {
        let (was, is) = (order(old, p), order(new, p));
        let was: Vec<&str> = was.iter().map(String::as_str).collect();
        let is: Vec<&str> = is.iter().map(String::as_str).collect();
        for id in moved(&was, &is) {
            reordered.insert(id.to_string(), (place(&was, id), place(&is, id)));
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
        let (added, removed) = added_removed(&law_refs(&before.laws), &law_refs(&c.laws));
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

fn cell(m: &Manifest, p: &str, a: &str) -> Option<String> {
    m.principle(p)?
        .responsibilities
        .iter()
        .find(|r| r.actor.value == a)
        .map(|r| r.text.clone())
}

fn cells(old: &Manifest, new: &Manifest, d: &mut Delta) {
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

fn round_key(r: &Round) -> i64 {
    r.year.as_ref().map_or(0, |y| y.value)
}

fn signatories(r: &Round) -> String {
    r.signatories
        .iter()
        .map(|s| match &s.role {
            Some(role) => format!("{} ({role})", s.name),
            None => s.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The fields of a letter by their key in the round file; `brief` is its text.
fn letter_fields(r: &Round) -> [(&'static str, String); 8] {
    [
        ("datum", r.date.clone().unwrap_or_default()),
        ("aan", r.to.join(", ")),
        ("betreft", r.subject.clone()),
        ("aanhef", r.salutation.clone().unwrap_or_default()),
        ("brief", r.body.clone()),
        ("slot", r.closing.clone().unwrap_or_default()),
        ("ondertekening", signatories(r)),
        ("geraadpleegd", r.partners.join(", ")),
    ]
}

fn rounds(old: &Manifest, new: &Manifest, d: &mut Delta) {
    fn find(m: &Manifest, year: i64) -> Option<&Round> {
        m.rounds.iter().find(|r| round_key(r) == year)
    }
    for r in &old.rounds {
        if find(new, round_key(r)).is_none() {
            d.rounds.push(RoundChange::Removed { year: round_key(r) });
        }
    }
    for r in &new.rounds {
        let year = round_key(r);
        let Some(before) = find(old, year) else {
            d.rounds.push(RoundChange::Added { year });
            for p in &r.advice_points {
                d.advice_points.push(AdvicePointChange::Added {
                    year,
                    id: p.id.value.clone(),
                    text: p.text.clone(),
                });
            }
            response(year, None, r, d);
            continue;
        };
        for ((field, was), (_, is)) in letter_fields(before).into_iter().zip(letter_fields(r)) {
            if !same_words(&was, &is) {
                d.rounds.push(RoundChange::Letter {
                    year,
                    field: field.to_string(),
                    redline: Redline::between(&was, &is),
                });
            }
        }
        advice_points(year, before, r, d);
        response(year, Some(before), r, d);
    }
}

fn advice_points(year: i64, before: &Round, r: &Round, d: &mut Delta) {
    let text = |r: &Round, id: &str| {
        r.advice_points
            .iter()
            .find(|p| p.id.value == id)
            .map(|p| p.text.clone())
    };
    for p in &before.advice_points {
        if text(r, &p.id.value).is_none() {
            d.advice_points.push(AdvicePointChange::Removed {
                year,
                id: p.id.value.clone(),
                text: p.text.clone(),
            });
        }
    }
    for p in &r.advice_points {
        match text(before, &p.id.value) {
            None => d.advice_points.push(AdvicePointChange::Added {
                year,
                id: p.id.value.clone(),
                text: p.text.clone(),
            }),
            Some(was) if !same_words(&was, &p.text) => {
                d.advice_points.push(AdvicePointChange::Changed {
                    year,
                    id: p.id.value.clone(),
                    redline: Redline::between(&was, &p.text),
                })
            }
            Some(_) => {}
        }
    }
}

/// The college's response: its date, and per point the verdict and the note. A new
/// round's response is compared with none.
fn response(year: i64, before: Option<&Round>, r: &Round, d: &mut Delta) {
    let received = |r: Option<&Round>| r.and_then(|r| r.response.as_ref()?.received.clone());
    let (was, is) = (received(before), received(Some(r)));
    if was != is {
        d.responses.push(ResponseChange::Received {
            year,
            old: was,
            new: is,
        });
    }
    let verdicts = |r: Option<&Round>| -> Vec<crate::model::Verdict> {
        r.and_then(|r| r.response.as_ref())
            .map(|resp| resp.verdicts.clone())
            .unwrap_or_default()
    };
    let (was, is) = (verdicts(before), verdicts(Some(r)));
    // Points in the order of the new response, then those only the old one had.
    let mut points: Vec<&str> = is.iter().map(|v| v.point.value.as_str()).collect();
    points.extend(
        was.iter()
            .map(|v| v.point.value.as_str())
            .filter(|p| !is.iter().any(|v| v.point.value == *p)),
    );
    let find =
        |list: &[crate::model::Verdict], p: &str| list.iter().find(|v| v.point.value == p).cloned();
    for p in points {
        let (a, b) = (find(&was, p), find(&is, p));
        let state = |v: &Option<crate::model::Verdict>| {
            v.as_ref().map(|v| VerdictState {
                verdict: v.kind,
                deadline: v.deadline.clone(),
            })
        };
        if state(&a) != state(&b) {
            d.responses.push(ResponseChange::Verdict {
                year,
                point: p.to_string(),
                old: state(&a),
                new: state(&b),
            });
        }
        let note = |v: &Option<crate::model::Verdict>| {
            v.as_ref().and_then(|v| v.note.clone()).unwrap_or_default()
        };
        if !same_words(&note(&a), &note(&b)) {
            d.responses.push(ResponseChange::Note {
                year,
                point: p.to_string(),
                redline: Redline::between(&note(&a), &note(&b)),
            });
        }
    }
}

/// Principles whose text changed, with the cases and cells that stayed as they were.
fn review(new: &Manifest, d: &Delta) -> Vec<Review> {
    let text_changed: Vec<&str> = d
        .principles
        .iter()
        .filter_map(|c| match c {
            PrincipleChange::ShortText { id, .. } | PrincipleChange::Elaboration { id, .. } => {
                Some(id.as_str())
            }
            _ => None,
        })
        .collect();
    let case_changed = |id: &str| {
        d.cases.iter().any(|c| match c {
            CaseChange::Added { id: x, .. }
            | CaseChange::Moved { id: x, .. }
            | CaseChange::Story { id: x, .. } => x == id,
            _ => false,
        })
    };
    let mut out = Vec::new();
    for p in &new.principles {
        let id = p.id.value.as_str();
        if !text_changed.contains(&id) {
            continue;
        }
        let cases: Vec<Label> = new
            .cases_of(id)
            .filter(|c| !case_changed(&c.id.value))
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
                    && !d
                        .cells
                        .iter()
                        .any(|c| c.principle == id && c.actor == a.id.value)
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
