//! `init`: the repository it writes passes `check`, with every kind of CI; placeholders.

use super::*;

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
    assert_eq!(
        text(".gitattributes"),
        include_str!("../../../.gitattributes")
    );
    assert!(text(".gitattributes").contains("\n* text=auto eol=lf\n"));
    let workflow = text(".github/workflows/manifest.yml");
    assert!(!workflow.contains("cargo "), "{workflow}");
    // The workflow is this repository's, with the build replaced by the action.
    let ours = include_str!("../../../.github/workflows/manifest.yml");
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
    assert_eq!(
        text(".remarkrc.json"),
        include_str!("../../../.remarkrc.json")
    );
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
