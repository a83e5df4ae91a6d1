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

#[test]
fn the_init_repository_passes_check() {
    let files = init_files(
        "Lelystad",
        "Adviesraad Sociaal Domein Lelystad",
        2025,
        Ci::Github,
    );
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "manifest/manifest.yaml",
            "manifest/principles/01-eerste-uitgangspunt.md",
            "cases/eerste-casus.md",
            "manifest/rounds/2025.md",
            ".gitattributes",
            ".gitignore",
            ".github/workflows/manifest.yml",
            ".remarkrc.json",
            "README.md",
            "schema/principle.schema.json",
            "schema/case.schema.json",
            "schema/round.schema.json",
            "schema/manifest.schema.json",
        ]
    );
    let (loaded, all) = findings(&sources(&files));
    assert_eq!(codes(&all), vec![]);
    let m = &loaded.manifest;
    assert_eq!(m.identity.title, "Kwaliteitsmanifest Sociaal Domein");
    assert_eq!(m.identity.council, "Adviesraad Sociaal Domein Lelystad");
    assert_eq!(m.identity.municipality, "Lelystad");
    let actors: Vec<&str> = m
        .identity
        .actors
        .iter()
        .map(|a| a.id.value.as_str())
        .collect();
    assert_eq!(actors, ["inwoners", "gemeente"]);
    assert_eq!(m.principles.len(), 1);
    assert_eq!(m.principles[0].responsibilities.len(), 2);
    assert_eq!(m.cases_of(INIT_PRINCIPLE).count(), 1);
    assert_eq!(m.rounds[0].to[1], "Gemeente Lelystad");
    // Every block of the Kwaliteitskompas, as id and name, in order.
    let kompas: Vec<(&str, &str)> = m
        .identity
        .kompas
        .iter()
        .map(|k| (k.id.value.as_str(), k.name.as_str()))
        .collect();
    assert_eq!(kompas, KOMPAS);
    // The principle and the case offer the blocks to tag with.
    assert!(files[1].text.contains("\nkompas: []\n"));
    assert!(files[2].text.contains("kies uit: monitoring-en-ambities, "));
}

#[test]
fn new_files_offer_the_kompas_blocks_of_the_manifest() {
    let init = sources(&init_files(
        "Lelystad",
        "Adviesraad Lelystad",
        2025,
        Ci::Github,
    ));
    let m = loaded_manifest(&init);
    for (kind, title) in [(Kind::Principle, "Tweede"), (Kind::Case, "Buurt")] {
        let f = new_file(kind, title, &m, 2025).unwrap();
        assert!(f.text.contains("\nkompas: []\n"), "{}", f.text);
        let files = with(init.clone(), &f);
        let found = findings_for(&files, &f.path);
        let expected = match kind {
            Kind::Principle => vec![("principle-without-case", f.path.clone())],
            _ => vec![],
        };
        assert_eq!(codes(&found), expected);
    }
}

#[test]
fn init_with_empty_names_still_passes_check() {
    let files = init_files("  ", "", 2025, Ci::Github);
    let (loaded, all) = findings(&sources(&files));
    assert_eq!(codes(&all), vec![]);
    assert!(loaded.manifest.identity.council.starts_with(PLACEHOLDER));
    assert!(
        loaded
            .manifest
            .identity
            .municipality
            .starts_with(PLACEHOLDER)
    );
    assert!(
        files
            .iter()
            .find(|f| f.path == "README.md")
            .unwrap()
            .text
            .starts_with("# Kwaliteitsmanifest Sociaal Domein\n")
    );
}

#[test]
fn init_copies_gitattributes_and_adapts_the_workflow() {
    let files = init_files("Lelystad", "Adviesraad Lelystad", 2025, Ci::Github);
    let text = |p: &str| &files.iter().find(|f| f.path == p).unwrap().text;
    assert_eq!(text(".gitattributes"), include_str!("../../.gitattributes"));
    assert!(text(".gitattributes").contains("\n* text=auto eol=lf\n"));
    let workflow = text(".github/workflows/manifest.yml");
    assert!(!workflow.contains("cargo "), "{workflow}");
    // The workflow is this repository's, with the build replaced by the action.
    let ours = include_str!("../../.github/workflows/manifest.yml");
    let from = |w: &str, step: &str| w[w.find(step).unwrap()..].to_string();
    let commented = |w: &str| {
        w.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        commented(&from(workflow, "      - name: Controleren")),
        commented(&from(ours, "      - name: Controleren"))
    );
    let before = |w: &str, step: &str| {
        w[w.find("name: Kwaliteitsmanifest").unwrap()..w.find(step).unwrap()].to_string()
    };
    assert_eq!(
        commented(&before(workflow, "      - name: kwaliteit installeren")),
        commented(&before(ours, "      - name: Cache van de build"))
    );
    let readme = text("README.md");
    for command in ["kwaliteit check", "kwaliteit render", "kwaliteit diff"] {
        assert!(readme.contains(command), "{command}");
    }
    assert!(readme.contains("build/kwaliteitsmanifest-sociaal-domein.html"));
    assert!(readme.contains("KWALITEIT_PAGES") && readme.contains("## GitHub"));
    assert_eq!(text(".remarkrc.json"), include_str!("../../.remarkrc.json"));
    let schema: serde_json::Value = serde_json::from_str(text("schema/case.schema.json")).unwrap();
    assert_eq!(schema, crate::model::keys::json_schema("case").unwrap());
}

#[test]
fn the_workflow_pins_the_action_to_the_commit_of_this_build() {
    let version = env!("CARGO_PKG_VERSION");
    let sha = "0123456789abcdef0123456789abcdef01234567";
    let pinned = texts::github_workflow(Some(sha));
    assert!(pinned.contains(&format!("uses: kwaliteit/kwaliteit@{sha} # v{version}\n")));
    assert!(!pinned.contains("{{ACTION}}"));
    let tagged = texts::github_workflow(None);
    assert!(tagged.contains(&format!("uses: kwaliteit/kwaliteit@v{version}\n")));
}

#[test]
fn init_for_gitlab_writes_gitlab_ci_and_no_github_workflow() {
    let files = init_files("Lelystad", "Adviesraad Lelystad", 2025, Ci::Gitlab);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&".gitlab-ci.yml"), "{paths:?}");
    assert!(
        !paths.iter().any(|p| p.starts_with(".github/")),
        "{paths:?}"
    );
    let ci = &files
        .iter()
        .find(|f| f.path == ".gitlab-ci.yml")
        .unwrap()
        .text;
    let version = env!("CARGO_PKG_VERSION");
    assert!(ci.contains(&format!("KWALITEIT_VERSION: \"{version}\"")));
    assert!(ci.contains("codequality: gl-code-quality-report.json"));
    let readme = &files.iter().find(|f| f.path == "README.md").unwrap().text;
    assert!(readme.contains("## GitLab") && !readme.contains("## GitHub"));
}

#[test]
fn placeholders_are_found_with_their_ranges() {
    let text = "---\n\
                titel: \"TODO: titel\"\n\
                naam: 'TODO: it''s' # na\n\
                functie: \"TODO: zeg \\\"hoi\\\"\"\n\
                ---\n\
                TODO: schrijf hier de tekst.  \r\n\
                Geen XTODO: hier, wel (TODO: dit)\n\
                TODO:";
    let found: Vec<&str> = placeholders(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect();
    assert_eq!(
        found,
        vec![
            "TODO: titel",
            "TODO: it''s",
            "TODO: zeg \\\"hoi\\\"",
            "TODO: schrijf hier de tekst.",
            "TODO: dit)",
            "TODO:",
        ]
    );
    assert!(placeholders("Alles is af.").is_empty());
}

#[test]
fn every_placeholder_of_a_scaffolded_file_is_found() {
    let m = loaded_manifest(&almere());
    let principle = new_file(Kind::Principle, "Lokaal", &m, 2025).unwrap();
    let found: Vec<&str> = placeholders(&principle.text)
        .into_iter()
        .map(|(s, e)| &principle.text[s..e])
        .collect();
    assert_eq!(
        found,
        vec![
            "TODO: wat deze partij bij dit uitgangspunt doet",
            "TODO: schrijf hier de korte tekst van het uitgangspunt, zoals die in het manifest komt.",
            "TODO: schrijf hier de uitwerking: wat het uitgangspunt in de praktijk betekent en wie wat doet.",
        ]
    );
    let round = new_file(Kind::Round, "", &m, 2025).unwrap();
    assert_eq!(placeholders(&round.text).len(), 3);
    let case = new_file(Kind::Case, "Buurt", &m, 2025).unwrap();
    assert_eq!(placeholders(&case.text).len(), 1);
    // In the new council's files, each placeholder is a whole value or paragraph.
    for f in sources(&init_files("", "", 2025, Ci::Github)) {
        let text = String::from_utf8(f.bytes).unwrap();
        let found = placeholders(&text);
        assert!(!found.is_empty(), "{}", f.path);
        for (_, e) in found {
            let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
            let rest = &text[e..line_end];
            assert!(rest.is_empty() || rest == "\"", "{}: {rest:?}", f.path);
        }
    }
}

#[test]
fn the_kind_has_a_dutch_name() {
    assert_eq!(Kind::Case.noun(), "casus");
    assert_eq!(Kind::Principle.noun(), "uitgangspunt");
    assert_eq!(Kind::Round.noun(), "ronde");
}

#[test]
fn scalars_read_back_as_the_same_text() {
    for text in [
        "De Almeerder centraal",
        "Eén: twee",
        "# kop",
        "2015",
        "null",
        "Yes",
        "\"aan\" en 'uit'",
        "back\\slash",
        "- lijst",
        "tab\u{1}",
        "Café's & co.",
    ] {
        let yaml = format!("titel: {}\n", scalar(text));
        let parsed = crate::load::yaml::parse(&yaml, 1).unwrap();
        let crate::load::yaml::Kind::Map(entries) = &parsed.kind else {
            panic!("{yaml}")
        };
        assert_eq!(entries[0].value.as_text(), Some(text), "{yaml}");
    }
    assert_eq!(scalar("De Almeerder centraal"), "De Almeerder centraal");
    assert_eq!(scalar("Eén: twee"), "\"Eén: twee\"");
}

#[test]
fn titles_are_quoted_as_fmt_quotes_them() {
    let title_line = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("titel: "))
            .map(str::to_string)
    };
    for title in [
        "x*y",
        "“Doen”",
        "Zorg: nu",
        "2015",
        "ja # nee",
        "Café's & co.",
    ] {
        let f = new_file(Kind::Case, title, &Manifest::default(), 2025).unwrap();
        let formatted = crate::fmt::canonical(&f.path, &f.text).unwrap();
        assert_eq!(title_line(&f.text), title_line(&formatted), "{title}");
    }
}

proptest! {
    // Each case loads a whole repository: fewer cases than the default 256.
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the names, with quotes, colons, hashes and diacritics, the files of
    /// `init` are already in the form `fmt` gives them and load without errors.
    #[test]
    fn init_files_pass_fmt_check_for_any_names(
        gemeente in "[\\PC\"':#'é ]{0,30}",
        raad in "[\\PC\"':#ë -]{0,30}",
    ) {
        let files = init_files(&gemeente, &raad, 2025, Ci::Github);
        for f in &files {
            if let Some(canonical) = crate::fmt::canonical(&f.path, &f.text) {
                prop_assert_eq!(&canonical, &f.text, "{}", f.path);
            }
        }
        let found: Vec<Finding> = crate::load::load(&sources(&files))
            .findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        prop_assert!(found.is_empty(), "{:?}", found);
    }
}

proptest! {
    #[test]
    fn any_title_gives_a_case_that_loads_cleanly(title in "\\PC{1,40}") {
        let m = loaded_manifest(&almere());
        match new_file(Kind::Case, &title, &m, 2025) {
            Err(ScaffoldError::EmptyId { .. }) => prop_assert!(slugify(&title).is_empty()),
            Err(ScaffoldError::CaseExists { .. }) => {}
            Err(e) => prop_assert!(false, "{e}"),
            Ok(f) => {
                let files = with(almere(), &f);
                let found = findings_for(&files, &f.path);
                prop_assert!(
                    found.iter().all(|f| f.severity != Severity::Error && f.rule != Rule::FileNameMismatch),
                    "{:?}\n{}", found, f.text
                );
                let m = loaded_manifest(&files);
                let case = m.cases.iter().find(|c| c.path == f.path).unwrap();
                prop_assert_eq!(&case.title, &normalize(&title));
            }
        }
    }
}
