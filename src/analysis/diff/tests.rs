//! The diff on small manifests built in memory.

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
fn a_move_is_reported_once_not_as_a_shift_of_everything_and_a_swap_names_both() {
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
    // A swap: both are reported, each with its old and new place.
    let moves = |d: &Delta| -> Vec<(String, usize, usize)> {
        d.principles
            .iter()
            .filter_map(|c| match c {
                PrincipleChange::Moved {
                    id,
                    old_position,
                    new_position,
                    ..
                } => Some((id.clone(), *old_position, *new_position)),
                _ => None,
            })
            .collect()
    };
    let d = diff(&old, &new);
    assert_eq!(d.principles.len(), 2, "{:?}", d.principles);
    assert_eq!(moves(&d), [("c".into(), 3, 2), ("b".into(), 2, 3)]);

    // One that goes from last to first: only that one moved, the others shifted.
    let first = manifest(vec![
        principle("c", 1, "C.", ""),
        principle("a", 2, "A.", ""),
        principle("b", 3, "B.", ""),
    ]);
    assert_eq!(moves(&diff(&old, &first)), [("c".into(), 3, 1)]);

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

#[test]
fn cases_in_another_order_within_their_principle_are_reported() {
    let old = manifest(vec![
        principle("a", 1, "A.", ""),
        case("een", "a", "Een."),
        case("twee", "a", "Twee."),
    ]);
    // Cases show in the order of their files: renaming one puts it first.
    let mut first = case("twee", "a", "Twee.");
    first.path = "cases/0-twee.md".into();
    let new = manifest(vec![
        principle("a", 1, "A.", ""),
        first,
        case("een", "a", "Een."),
    ]);
    let d = diff(&old, &new);
    let moved: Vec<(String, usize, usize)> = d
        .cases
        .iter()
        .filter_map(|c| match c {
            CaseChange::Reordered {
                id,
                old_position,
                new_position,
                ..
            } => Some((id.clone(), *old_position, *new_position)),
            _ => None,
        })
        .collect();
    assert_eq!(moved, [("twee".into(), 2, 1), ("een".into(), 1, 2)]);
    assert_eq!(d.len(), 2, "{d:?}");
}

#[test]
fn a_changed_text_lists_the_unchanged_cases_and_cells_for_review() {
    let old = manifest(vec![
        principle("a", 1, "Oud.", "  inwoners: x\n  gemeente: y\n"),
        case("c", "a", "Verhaal."),
        case("d", "a", "Ander verhaal."),
    ]);
    let new = manifest(vec![
        principle("a", 1, "Nieuw.", "  inwoners: x\n  gemeente: z\n"),
        case("c", "a", "Verhaal."),
        case("d", "a", "Ander verhaal, aangepast."),
    ]);
    let d = diff(&old, &new);
    assert_eq!(d.review.len(), 1);
    let r = &d.review[0];
    assert_eq!(r.principle, "a");
    let ids = |l: &[Label]| l.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&r.cases), ["c"]);
    assert_eq!(ids(&r.cells), ["inwoners"]);
    // Review hints are not changes.
    assert_eq!(d.len(), 3, "{d:?}");

    // Without a change of text, nothing to review.
    let same_text = manifest(vec![
        principle("a", 1, "Oud.", "  inwoners: x\n  gemeente: z\n"),
        case("c", "a", "Verhaal."),
        case("d", "a", "Ander verhaal."),
    ]);
    assert!(diff(&old, &same_text).review.is_empty());
}

#[test]
fn counts_are_per_kind_and_action() {
    let old = manifest(vec![principle("a", 1, "A.", ""), case("c", "a", "C.")]);
    let new = manifest(vec![
        principle("a", 1, "A.", ""),
        principle("b", 2, "B.", ""),
        case("c", "b", "C."),
        case("n", "a", "N."),
    ]);
    let counts = diff(&old, &new).counts();
    assert_eq!(counts.get(&(Item::Principle, Action::Added)), Some(&1));
    assert_eq!(counts.get(&(Item::Case, Action::Added)), Some(&1));
    assert_eq!(counts.get(&(Item::Case, Action::Moved)), Some(&1));
    assert_eq!(counts.len(), 3, "{counts:?}");
}

#[test]
fn another_picture_behind_the_same_logo_path_is_one_change() {
    let png = |w: u8| {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0".to_vec();
        b.extend([w, 0, 0, 0, 1]);
        crate::model::image::Image::from_bytes(b).unwrap()
    };
    let with_logo = |w: u8| {
        let mut m = manifest(vec![]);
        m.identity.house.logo = Some(crate::model::Located {
            value: "manifest/logo.png".into(),
            pos: Default::default(),
        });
        m.identity.house.logo_image = Some(png(w));
        m
    };
    assert!(diff(&with_logo(2), &with_logo(2)).is_empty());
    let d = diff(&with_logo(2), &with_logo(3));
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        matches!(&d.manifest[0], ManifestChange::Changed { field, .. } if field == "logo_bestand")
    );
}

/// Found by the `diff` fuzzer: a party id twice in the new list (an error that `check`
/// reports) made the lists of ids differ in length, and looking for a swap indexed past
/// the end of the shorter one.
#[test]
fn an_id_twice_in_one_version_is_no_panic() {
    fn moved(old: &[&'static str], new: &[&'static str]) -> Vec<&'static str> {
        let mut ids: Vec<&str> = super::compare::moved(old, new).into_iter().collect();
        ids.sort();
        ids
    }
    // The fuzzer's input: `inwoners` stays first of the two that are in both.
    assert_eq!(
        moved(
            &["gemeente", "inwoners"],
            &["inwoners", "inwoners", "gemeente"]
        ),
        ["gemeente"]
    );
    assert_eq!(moved(&["a", "a", "b"], &["b", "a"]), ["b"]);
}

proptest::proptest! {
    /// Whatever the two lists, duplicates included: no panic, and only ids that are
    /// in both lists are said to have moved.
    #[test]
    fn moved_ids_are_in_both_lists(
        old in proptest::collection::vec(0..6u8, 0..12),
        new in proptest::collection::vec(0..6u8, 0..12),
    ) {
        const IDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];
        let old: Vec<&str> = old.iter().map(|&i| IDS[usize::from(i)]).collect();
        let new: Vec<&str> = new.iter().map(|&i| IDS[usize::from(i)]).collect();
        for id in super::compare::moved(&old, &new) {
            proptest::prop_assert!(old.contains(&id) && new.contains(&id), "{id}");
        }
    }
}
