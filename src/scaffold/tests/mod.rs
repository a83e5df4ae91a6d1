//! Tests of `new` and `init`: every file made loads, and only lacks what the council
//! still has to write.

use super::existing::next_order;
use super::*;
use crate::fmt::scalar::text as scalar;
use crate::model::finding::{Finding, Rule, Severity};
use crate::model::placeholder::placeholders;
use crate::source::SourceFile;
use proptest::prelude::*;

fn sources(files: &[NewFile]) -> Vec<SourceFile> {
    files
        .iter()
        .filter(|f| {
            f.path == MANIFEST_FILE
                || [PRINCIPLES_DIR, ROUNDS_DIR, CASES_DIR]
                    .iter()
                    .any(|d| f.path.starts_with(&format!("{d}/")))
        })
        .map(|f| SourceFile {
            path: f.path.clone(),
            bytes: f.text.as_bytes().to_vec(),
        })
        .collect()
}

/// Load and check, as `kwaliteit check` does.
fn findings(files: &[SourceFile]) -> (crate::load::Loaded, Vec<Finding>) {
    let mut loaded = crate::load::load(files);
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let exists = |p: &str| paths.iter().any(|q| q == p);
    let cross = crate::check::check(&loaded.manifest, &exists);
    let mut all = std::mem::take(&mut loaded.findings);
    all.extend(cross);
    (loaded, all)
}

/// The findings other than placeholder warnings, which scaffolded files have on
/// purpose (asserted in `placeholders_are_the_only_warnings_of_a_new_repository`).
fn codes(findings: &[Finding]) -> Vec<(&'static str, String)> {
    findings
        .iter()
        .filter(|f| f.rule != crate::model::finding::Rule::Placeholder)
        .map(|f| (f.rule.code(), f.path.clone()))
        .collect()
}

#[test]
fn placeholders_are_the_only_warnings_of_a_new_repository() {
    let files = init_files(
        "Lelystad",
        "Adviesraad Sociaal Domein Lelystad",
        2025,
        Ci::Github,
    );
    let (_, all) = findings(&sources(&files));
    assert!(!all.is_empty(), "de sjablonen horen TODO-teksten te hebben");
    for f in &all {
        assert_eq!(f.rule, crate::model::finding::Rule::Placeholder, "{f:?}");
        assert_eq!(f.severity, crate::model::finding::Severity::Warning);
    }
}

/// This repository's own manifest, as the tests' "existing council".
fn almere() -> Vec<SourceFile> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    crate::source::read_worktree(root).unwrap().files
}

fn with(mut files: Vec<SourceFile>, new: &NewFile) -> Vec<SourceFile> {
    files.push(SourceFile {
        path: new.path.clone(),
        bytes: new.text.as_bytes().to_vec(),
    });
    files
}

fn loaded_manifest(files: &[SourceFile]) -> Manifest {
    crate::load::load(files).manifest
}

/// Findings in `path` only, plus repository-wide ones the new file caused.
fn findings_for(files: &[SourceFile], path: &str) -> Vec<Finding> {
    let (_, all) = findings(files);
    all.into_iter().filter(|f| f.path == path).collect()
}

#[test]
fn ids_fold_dutch_letters() {
    let m = Manifest::default();
    let f = new_file(Kind::Case, "Één gezin, één plan", &m, 2025).unwrap();
    assert_eq!(f.path, "cases/een-gezin-een-plan.md");
    assert!(f.text.contains("\nid: een-gezin-een-plan\n"));
    assert!(f.text.contains("\ntitel: Één gezin, één plan\n"));
}

#[test]
fn a_title_without_letters_is_refused() {
    let m = Manifest::default();
    for kind in [Kind::Case, Kind::Principle] {
        let err = new_file(kind, " ?! — ", &m, 2025).unwrap_err();
        assert_eq!(
            err,
            ScaffoldError::EmptyId {
                title: "?! —".into()
            }
        );
        assert!(
            err.to_string()
                .starts_with("in de titel `?! —` staat geen letter of cijfer")
        );
    }
    // A round needs no title.
    assert!(new_file(Kind::Round, "", &m, 2025).is_ok());
}

#[test]
fn a_principle_takes_the_next_free_order() {
    let files = almere();
    let m = loaded_manifest(&files);
    let f = new_file(Kind::Principle, "Eén loket", &m, 2025).unwrap();
    assert_eq!(f.path, "manifest/principles/08-een-loket.md");
    assert!(f.text.contains("\nvolgorde: 8\n"));
    // The first party gets a placeholder cell.
    assert!(
        f.text
            .contains("\n  inwoners: \"TODO: wat deze partij bij dit uitgangspunt doet\"\n")
    );
    assert_eq!(
        next_order(&Manifest::default()),
        1,
        "an empty manifest starts at 1"
    );
    let f = new_file(Kind::Principle, "Eerste", &Manifest::default(), 2025).unwrap();
    assert_eq!(f.path, "manifest/principles/01-eerste.md");
}

#[test]
fn the_order_counts_files_whose_fields_are_wrong() {
    let mut files = almere();
    files.push(SourceFile {
        path: "manifest/principles/09-kapot.md".into(),
        bytes: b"---\nid: kapot\nvolgorde: negen\n---\nKort.\n".to_vec(),
    });
    let m = loaded_manifest(&files);
    assert_eq!(next_order(&m), 10);
    let err = new_file(Kind::Principle, "Kapot", &m, 2025).unwrap_err();
    assert_eq!(
        err,
        ScaffoldError::PrincipleExists {
            id: "kapot".into(),
            path: "manifest/principles/09-kapot.md".into()
        }
    );
}

#[test]
fn paths_follow_the_repository_format() {
    let files = almere();
    let m = loaded_manifest(&files);
    let case = new_file(Kind::Case, "De buurtkamer", &m, 2025).unwrap();
    assert_eq!(case.path, "cases/de-buurtkamer.md");
    let round = new_file(Kind::Round, "", &m, 2025).unwrap();
    assert_eq!(round.path, "manifest/rounds/2025.md");
    let principle = new_file(Kind::Principle, "Lokaal", &m, 2025).unwrap();
    assert_eq!(principle.path, "manifest/principles/08-lokaal.md");
}

#[test]
fn existing_ids_and_years_are_refused() {
    let files = almere();
    let m = loaded_manifest(&files);
    assert_eq!(
        new_file(Kind::Principle, "De Almeerder centraal", &m, 2025).unwrap_err(),
        ScaffoldError::PrincipleExists {
            id: "de-almeerder-centraal".into(),
            path: "manifest/principles/01-de-almeerder-centraal.md".into()
        }
    );
    assert_eq!(
        new_file(Kind::Case, "Tuin van mevrouw Jansen", &m, 2025).unwrap_err(),
        ScaffoldError::CaseExists {
            id: "tuin-van-mevrouw-jansen".into(),
            path: "cases/tuin-van-mevrouw-jansen.md".into()
        }
    );
    let err = new_file(Kind::Round, "", &m, 2015).unwrap_err();
    assert_eq!(
        err,
        ScaffoldError::RoundExists {
            year: 2015,
            path: "manifest/rounds/2015.md".into()
        }
    );
    assert!(err.to_string().starts_with("er is al een ronde voor 2015"));
}

#[test]
fn a_new_principle_loads_and_only_lacks_a_case() {
    let files = almere();
    let m = loaded_manifest(&files);
    let f = new_file(Kind::Principle, "Eén loket: één gezin", &m, 2025).unwrap();
    let files = with(files, &f);
    let found = findings_for(&files, &f.path);
    assert_eq!(
        codes(&found),
        vec![("principle-without-case", f.path.clone())]
    );
    let m = loaded_manifest(&files);
    let p = m.principle("een-loket-een-gezin").unwrap();
    assert_eq!(p.title, "Eén loket: één gezin");
    assert_eq!(p.order.as_ref().unwrap().value, 8);
    assert!(p.short_text.starts_with(PLACEHOLDER));
    assert!(p.elaboration.starts_with(PLACEHOLDER));
    // Nothing new elsewhere: the whole repository has just that one finding more.
    let (_, before) = findings(&almere());
    let (_, after) = findings(&files);
    assert_eq!(codes(&after).len(), codes(&before).len() + 1);
}

#[test]
fn a_new_case_loads_without_findings_and_fills_a_gap() {
    let files = almere();
    let m = loaded_manifest(&files);
    // Every Almere principle has a case: the new case goes with the last one.
    let f = new_file(Kind::Case, "De buurtkamer", &m, 2025).unwrap();
    assert!(
        f.text
            .contains("\nuitgangspunt: zorg-dat-kwaliteitsmanagement-leeft\n")
    );
    assert!(f.text.contains("\nsinds: 2025\n"));
    let with_case = with(files.clone(), &f);
    assert!(codes(&findings_for(&with_case, &f.path)).is_empty());

    // After a new principle, the next case goes with it.
    let p = new_file(Kind::Principle, "Lokaal", &m, 2025).unwrap();
    let files = with(files, &p);
    let m = loaded_manifest(&files);
    let c = new_file(Kind::Case, "Het wijkteam", &m, 2025).unwrap();
    assert!(c.text.contains("\nuitgangspunt: lokaal\n"));
    let files = with(files, &c);
    let (_, all) = findings(&files);
    let (_, before) = findings(&almere());
    assert_eq!(codes(&all), codes(&before), "the gap is filled");
}

#[test]
fn a_case_without_principles_points_at_a_placeholder() {
    let m = Manifest::default();
    let f = new_file(Kind::Case, "Eerste casus", &m, 2025).unwrap();
    assert!(
        f.text
            .contains("\nuitgangspunt: \"TODO: id van het uitgangspunt\"\n")
    );
    let files = with(
        sources(&init_files("Almere", "Raad", 2025, Ci::Github))[..1].to_vec(),
        &f,
    );
    let found = findings_for(&files, &f.path);
    // The placeholder principle is a placeholder warning, not an unknown principle.
    assert_eq!(codes(&found), vec![]);
    assert!(
        found
            .iter()
            .any(|f| f.rule == crate::model::finding::Rule::Placeholder)
    );
}

#[test]
fn a_new_round_takes_the_letter_of_the_last_round_as_skeleton() {
    let files = almere();
    let m = loaded_manifest(&files);
    let f = new_file(Kind::Round, "", &m, 2025).unwrap();
    let files = with(files, &f);
    assert!(codes(&findings_for(&files, &f.path)).is_empty());
    let m = loaded_manifest(&files);
    let r = m.latest_round().unwrap();
    assert_eq!(r.path, "manifest/rounds/2025.md");
    assert_eq!(r.year.as_ref().unwrap().value, 2025);
    assert_eq!(
        r.to,
        vec!["college van Burgemeester en wethouders", "Gemeente Almere"]
    );
    assert_eq!(
        r.subject,
        "Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van Kwaliteitsbeleid"
    );
    assert_eq!(r.salutation.as_deref(), Some("Geacht college,"));
    assert_eq!(r.closing.as_deref(), Some("Met hartelijke groet,"));
    assert_eq!(r.signatories.len(), 1);
    assert!(r.signatories[0].name.starts_with(PLACEHOLDER));
    assert!(r.partners.is_empty());
    assert_eq!(r.revision, None);
    assert_eq!(r.date, None);
    assert!(r.body.contains("sinds het advies van 2015"));

    let titled = new_file(Kind::Round, "  Tweede  advies ", &m, 2026).unwrap();
    assert!(titled.text.contains("\nbetreft: Tweede advies\n"));
}

#[test]
fn a_first_round_has_a_default_letter() {
    let m = Manifest {
        identity: crate::model::Identity {
            council: "Adviesraad Sociaal Domein Lelystad".into(),
            municipality: "Lelystad".into(),
            ..Default::default()
        },
        ..Manifest::default()
    };
    let f = new_file(Kind::Round, "", &m, 2025).unwrap();
    assert!(
        f.text.contains(
            "\naan:\n  - college van burgemeester en wethouders\n  - Gemeente Lelystad\n"
        )
    );
    assert!(f.text.contains(
        "\nbetreft: Ongevraagd advies Adviesraad Sociaal Domein Lelystad over het kwaliteitsmanifest\n"
    ));
    assert!(f.text.contains("\n# revisie: ronde-2025\n"));
    assert!(f.text.contains("\ngeraadpleegd: []\n"));
    let files = with(Vec::new(), &f);
    assert!(codes(&findings_for(&files, &f.path)).is_empty());
}

#[test]
fn a_principle_without_parties_has_an_empty_table() {
    let f = new_file(Kind::Principle, "Alleen", &Manifest::default(), 2025).unwrap();
    assert!(f.text.contains("\nverantwoordelijkheden: {}\n"));
    assert!(!f.text.contains("kompas"), "no blocks, no `kompas:`");
    let files = with(Vec::new(), &f);
    assert_eq!(
        codes(&findings_for(&files, &f.path)),
        vec![("principle-without-case", f.path.clone())]
    );
    assert_eq!(placeholders(&f.text).len(), 2);
}

mod init;
