//! What changed in meaning between two versions of the manifest, matched by id:
//! a file renamed with the same id is no change, and neither is re-wrapped text.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::analysis::redline::{Redline, same_words};
use crate::model::{Case, Manifest, Principle, Round};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Delta {
    pub actors: Vec<ActorChange>,
    pub principles: Vec<PrincipleChange>,
    pub cases: Vec<CaseChange>,
    pub cells: Vec<CellChange>,
    pub rounds: Vec<RoundChange>,
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
    /// Moved relative to the others (not merely shifted by an addition or removal).
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
        added: Vec<String>,
        removed: Vec<String>,
    },
}

/// One cell of the matrix: added (`old` empty), removed (`new` empty) or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellChange {
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
    Letter {
        year: i64,
        field: String,
        redline: Redline,
    },
}

impl Delta {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.principles.is_empty()
            && self.cases.is_empty()
            && self.cells.is_empty()
            && self.rounds.is_empty()
    }

    pub fn len(&self) -> usize {
        self.actors.len()
            + self.principles.len()
            + self.cases.len()
            + self.cells.len()
            + self.rounds.len()
    }
}

pub fn diff(old: &Manifest, new: &Manifest) -> Delta {
    let mut d = Delta::default();
    actors(old, new, &mut d);
    principles(old, new, &mut d);
    cases(old, new, &mut d);
    cells(old, new, &mut d);
    rounds(old, new, &mut d);
    d
}

fn actors(old: &Manifest, new: &Manifest, d: &mut Delta) {
    for a in &old.identity.actors {
        match new.actor(&a.id.value) {
            None => d.actors.push(ActorChange::Removed {
                id: a.id.value.clone(),
                name: a.name.clone(),
            }),
            Some(b) if !same_words(&a.name, &b.name) => d.actors.push(ActorChange::Renamed {
                id: a.id.value.clone(),
                old: a.name.clone(),
                new: b.name.clone(),
            }),
            Some(_) => {}
        }
    }
    for b in &new.identity.actors {
        if old.actor(&b.id.value).is_none() {
            d.actors.push(ActorChange::Added {
                id: b.id.value.clone(),
                name: b.name.clone(),
            });
        }
    }
}

fn position(list: &[Principle], id: &str) -> Option<usize> {
    list.iter().position(|p| p.id.value == id).map(|i| i + 1)
}

fn principles(old: &Manifest, new: &Manifest, d: &mut Delta) {
    let old_ids: Vec<&str> = old.principles.iter().map(|p| p.id.value.as_str()).collect();
    let new_ids: Vec<&str> = new.principles.iter().map(|p| p.id.value.as_str()).collect();
    let old_set: HashSet<&str> = old_ids.iter().copied().collect();
    let new_set: HashSet<&str> = new_ids.iter().copied().collect();
    for (i, p) in old.principles.iter().enumerate() {
        if !new_set.contains(p.id.value.as_str()) {
            d.principles.push(PrincipleChange::Removed {
                id: p.id.value.clone(),
                title: p.title.clone(),
                position: i + 1,
            });
        }
    }
    let kept_old: Vec<&str> = old_ids
        .iter()
        .copied()
        .filter(|id| new_set.contains(id))
        .collect();
    let kept_new: Vec<&str> = new_ids
        .iter()
        .copied()
        .filter(|id| old_set.contains(id))
        .collect();
    let stayed = longest_common_subsequence(&kept_old, &kept_new);
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
        if !same_words(&before.title, &p.title) {
            d.principles.push(PrincipleChange::Retitled {
                id: id.to_string(),
                old: before.title.clone(),
                new: p.title.clone(),
            });
        }
        if !stayed.contains(id) {
            d.principles.push(PrincipleChange::Moved {
                id: id.to_string(),
                title: p.title.clone(),
                old_position: position(&old.principles, id).unwrap_or(0),
                new_position: i + 1,
            });
        }
        if !same_words(&before.short_text, &p.short_text) {
            d.principles.push(PrincipleChange::ShortText {
                id: id.to_string(),
                title: p.title.clone(),
                redline: Redline::between(&before.short_text, &p.short_text),
            });
        }
        if !same_words(&before.elaboration, &p.elaboration) {
            d.principles.push(PrincipleChange::Elaboration {
                id: id.to_string(),
                title: p.title.clone(),
                redline: Redline::between(&before.elaboration, &p.elaboration),
            });
        }
    }
}

/// The ids that kept their order relative to each other (a longest common
/// subsequence, which Myers' diff yields); the rest moved.
fn longest_common_subsequence<'a>(a: &[&'a str], b: &[&'a str]) -> HashSet<&'a str> {
    // Compared back to front, so that of two equally long answers the one that keeps
    // the earlier items of the new order in place is taken: a swap reports the item
    // that went down.
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
    for c in &new.cases {
        let id = c.id.value.as_str();
        let Some(before) = old_cases.get(id) else {
            d.cases.push(CaseChange::Added {
                id: id.to_string(),
                title: case_name(c),
                principle: case_principle(c).to_string(),
                principle_title: principle_title(new, case_principle(c)),
            });
            continue;
        };
        if case_principle(before) != case_principle(c) {
            d.cases.push(CaseChange::Moved {
                id: id.to_string(),
                title: case_name(c),
                old_principle: case_principle(before).to_string(),
                old_principle_title: principle_title(old, case_principle(before)),
                new_principle: case_principle(c).to_string(),
                new_principle_title: principle_title(new, case_principle(c)),
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
                title: case_name(c),
                redline: Redline::between(&before.story, &c.story),
            });
        }
        let ids = |c: &Case| c.actors.iter().map(|a| a.value.clone()).collect::<Vec<_>>();
        let (was, is) = (ids(before), ids(c));
        let added: Vec<String> = is.iter().filter(|a| !was.contains(a)).cloned().collect();
        let removed: Vec<String> = was.iter().filter(|a| !is.contains(a)).cloned().collect();
        if !added.is_empty() || !removed.is_empty() {
            d.cases.push(CaseChange::Actors {
                id: id.to_string(),
                title: case_name(c),
                added,
                removed,
            });
        }
    }
}

fn cells(old: &Manifest, new: &Manifest, d: &mut Delta) {
    let cell = |m: &Manifest, p: &str, a: &str| -> Option<String> {
        m.principle(p)?
            .responsibilities
            .iter()
            .find(|r| r.actor.value == a)
            .map(|r| r.text.clone())
    };
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
            let changed = match (&was, &is) {
                (Some(x), Some(y)) => !same_words(x, y),
                (None, None) => false,
                _ => true,
            };
            if changed {
                let title = new
                    .principle(p)
                    .map_or_else(|| principle_title(old, p), |x| x.title.clone());
                d.cells.push(CellChange {
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
}

fn round_key(r: &Round) -> i64 {
    r.year.as_ref().map_or(0, |y| y.value)
}

fn rounds(old: &Manifest, new: &Manifest, d: &mut Delta) {
    let find = |m: &Manifest, year: i64| m.rounds.iter().find(|r| round_key(r) == year).cloned();
    for r in &old.rounds {
        if find(new, round_key(r)).is_none() {
            d.rounds.push(RoundChange::Removed { year: round_key(r) });
        }
    }
    for r in &new.rounds {
        let year = round_key(r);
        let Some(before) = find(old, year) else {
            d.rounds.push(RoundChange::Added { year });
            continue;
        };
        let fields: [(&str, String, String); 6] = [
            ("onderwerp", before.subject.clone(), r.subject.clone()),
            (
                "datum",
                before.date.clone().unwrap_or_default(),
                r.date.clone().unwrap_or_default(),
            ),
            ("aan", before.to.join(", "), r.to.join(", ")),
            (
                "partners",
                before.partners.join(", "),
                r.partners.join(", "),
            ),
            (
                "ondertekening",
                before
                    .signatories
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                r.signatories
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("brief", before.body.clone(), r.body.clone()),
        ];
        for (field, was, is) in fields {
            if !same_words(&was, &is) {
                d.rounds.push(RoundChange::Letter {
                    year,
                    field: field.to_string(),
                    redline: Redline::between(&was, &is),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::source::SourceFile;

    const IDENTITY: &str = "titel: T\nraad: R\ngemeente: G\npartijen:\n  - {id: inwoners, naam: Inwoners}\n  - {id: gemeente, naam: Gemeente}\n";

    fn principle(id: &str, order: usize, short: &str, cells: &str) -> SourceFile {
        SourceFile {
            path: format!("manifest/principles/{order:02}-{id}.md"),
            bytes: format!(
                "---\nid: {id}\ntitel: Titel {id}\nvolgorde: {order}\nverantwoordelijkheden:\n{cells}---\n{short}\n\n## Uitwerking\n\nUitwerking van {id}.\n"
            )
            .into_bytes(),
        }
    }

    fn case(id: &str, principle: &str, story: &str) -> SourceFile {
        SourceFile {
            path: format!("cases/{id}.md"),
            bytes: format!(
                "---\nid: {id}\ntitel: Casus {id}\nuitgangspunt: {principle}\n---\n{story}\n"
            )
            .into_bytes(),
        }
    }

    fn manifest(files: Vec<SourceFile>) -> Manifest {
        let mut all = vec![SourceFile {
            path: "manifest/manifest.yaml".into(),
            bytes: IDENTITY.as_bytes().to_vec(),
        }];
        all.extend(files);
        load(&all).manifest
    }

    #[test]
    fn nothing_changed_is_empty_even_when_rewrapped_and_renamed() {
        let a = manifest(vec![
            principle("a", 1, "Een korte tekst.", "  inwoners: x\n"),
            case("c", "a", "Verhaal hier."),
        ]);
        let mut renamed = case("c", "a", "Verhaal\n   hier.");
        renamed.path = "cases/andere-naam.md".into();
        let b = manifest(vec![
            principle("a", 1, "Een  korte\ntekst.", "  inwoners: x\n"),
            renamed,
        ]);
        assert_eq!(diff(&a, &b), Delta::default());
    }

    #[test]
    fn old_english_keys_read_the_same_so_a_diff_across_the_rename_is_empty() {
        let old_keys = |f: SourceFile| SourceFile {
            bytes: String::from_utf8(f.bytes)
                .unwrap()
                .replace("titel:", "title:")
                .replace("volgorde:", "order:")
                .replace("verantwoordelijkheden:", "responsibilities:")
                .replace("uitgangspunt:", "principle:")
                .into_bytes(),
            ..f
        };
        let files = || {
            vec![
                principle("a", 1, "A.", "  inwoners: x\n"),
                case("c", "a", "Verhaal."),
            ]
        };
        let old = manifest(files().into_iter().map(old_keys).collect());
        assert_eq!(old.principles[0].title, "Titel a");
        assert_eq!(diff(&old, &manifest(files())), Delta::default());
    }

    #[test]
    fn a_case_without_a_title_is_named_by_its_id() {
        let untitled = |story: &str| SourceFile {
            path: "cases/c.md".into(),
            bytes: format!("---\nid: c\nuitgangspunt: a\n---\n{story}\n").into_bytes(),
        };
        let old = manifest(vec![principle("a", 1, "A.", ""), case("c", "a", "Oud.")]);
        let new = manifest(vec![principle("a", 1, "A.", ""), untitled("Nieuw.")]);
        let d = diff(&old, &new);
        assert!(d.cases.iter().any(|c| matches!(c,
            CaseChange::Retitled { old, new, .. } if old == "Casus c" && new.is_empty())));
        assert!(d.cases.iter().any(|c| matches!(c,
            CaseChange::Story { title, .. } if title == "c")));
    }

    #[test]
    fn a_move_is_reported_once_not_as_a_shift_of_everything() {
        let old = manifest(vec![
            principle("a", 1, "A.", ""),
            principle("b", 2, "B.", ""),
            principle("c", 3, "C.", ""),
        ]);
        let new = manifest(vec![
            principle("a", 1, "A.", ""),
            principle("c", 2, "C.", ""),
            principle("b", 3, "B.", ""),
        ]);
        let d = diff(&old, &new);
        assert_eq!(d.principles.len(), 1, "{:?}", d.principles);
        assert!(matches!(
            &d.principles[0],
            PrincipleChange::Moved {
                old_position: 3,
                new_position: 2,
                ..
            } | PrincipleChange::Moved {
                old_position: 2,
                new_position: 3,
                ..
            }
        ));

        let inserted = manifest(vec![
            principle("n", 1, "N.", ""),
            principle("a", 2, "A.", ""),
            principle("b", 3, "B.", ""),
            principle("c", 4, "C.", ""),
        ]);
        let d = diff(&old, &inserted);
        assert_eq!(
            d.principles,
            vec![PrincipleChange::Added {
                id: "n".into(),
                title: "Titel n".into(),
                position: 1
            }]
        );
    }

    #[test]
    fn text_cells_and_cases_are_diffed_by_id() {
        let old = manifest(vec![
            principle(
                "a",
                1,
                "De basis moet op orde zijn.",
                "  inwoners: meedenken\n",
            ),
            principle("b", 2, "B.", ""),
            case("c", "a", "Verhaal."),
            case("weg", "a", "Weg."),
        ]);
        let new = manifest(vec![
            principle(
                "a",
                1,
                "De basis moet echt op orde zijn.",
                "  inwoners: actief meedenken\n  gemeente: kaders\n",
            ),
            principle("b", 2, "B.", ""),
            case("c", "b", "Verhaal."),
            case("nieuw", "b", "Nieuw."),
        ]);
        let d = diff(&old, &new);
        assert!(matches!(&d.principles[..], [PrincipleChange::ShortText { id, .. }] if id == "a"));
        let kinds: Vec<String> = d
            .cases
            .iter()
            .map(|c| {
                serde_json::to_value(c).unwrap()["change"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(kinds, ["removed", "moved", "added"]);
        assert_eq!(d.cells.len(), 2);
        assert_eq!(d.cells[0].actor, "inwoners");
        assert_eq!(d.cells[1].old, None);
        assert_eq!(d.cells[1].new.as_deref(), Some("kaders"));
    }
}
