//! Versions from git: histories are built by the tests in temporary folders.

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

mod common;
use common::*;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Process::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Secretaris",
            "-c",
            "user.email=secretaris@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "tag.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git draait");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A repository holding this manifest, committed and tagged `ronde-2015`; its 2015
/// round records that tag (this repository's own records a commit of its history).
fn history() -> tempfile::TempDir {
    let dir = copy_of_manifest();
    let round = dir.path().join("manifest/rounds/2015.md");
    let text = fs::read_to_string(&round).unwrap();
    let line = text.lines().find(|l| l.starts_with("revisie: ")).unwrap();
    fs::write(&round, text.replace(line, "revisie: ronde-2015")).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "Manifest 2015"]);
    git(dir.path(), &["tag", "ronde-2015"]);
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} niet in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn kwaliteit(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kwaliteit").unwrap();
    cmd.arg("-C").arg(dir).env("NO_COLOR", "1");
    cmd
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn diff_defaults_to_the_revision_of_the_latest_round() {
    let dir = history();
    let p = dir
        .path()
        .join("manifest/principles/03-de-basis-op-orde.md");
    edit(
        &p,
        "de basis moet op orde zijn",
        "de basis moet echt op orde zijn",
    );
    let out = stdout(kwaliteit(dir.path()).args(["diff"]), 0);
    assert!(
        out.contains("Wijzigingen van ronde-2015 naar de huidige versie: 1"),
        "{out}"
    );
    assert!(out.contains("{+echt+}"), "{out}");
    kwaliteit(dir.path())
        .args(["diff", "--exit-code"])
        .assert()
        .code(1);
}

#[test]
fn no_changes_after_rewrapping_and_renaming() {
    let dir = history();
    let case = dir.path().join("cases/tuin-van-mevrouw-jansen.md");
    edit(
        &case,
        "haar tuin niet meer onderhouden",
        "haar tuin\nniet   meer onderhouden",
    );
    git(
        dir.path(),
        &["mv", "cases/tuin-van-mevrouw-jansen.md", "cases/jansen.md"],
    );
    // The new name does not match the id: a warning, not a change in meaning.
    let out = stdout(
        kwaliteit(dir.path()).args(["diff", "ronde-2015", "--exit-code"]),
        0,
    );
    assert!(out.contains("Geen inhoudelijke wijzigingen"), "{out}");
}

#[test]
fn check_and_render_read_a_revision() {
    let dir = history();
    fs::write(dir.path().join("cases/kapot.md"), "geen kopregels\n").unwrap();
    kwaliteit(dir.path()).args(["check"]).assert().code(1);
    let out = stdout(
        kwaliteit(dir.path()).args(["check", "--rev", "ronde-2015"]),
        0,
    );
    assert!(
        out.contains("Geen problemen gevonden in 16 bestanden."),
        "{out}"
    );
    let out = stdout(
        kwaliteit(dir.path())
            .args(["render", "--rev", "ronde-2015", "--format", "md", "--out"])
            .arg(dir.path().join("uit")),
        0,
    );
    assert!(out.starts_with("Geschreven: "), "{out}");
}

#[test]
fn unknown_revision_and_no_repository_are_clear_errors() {
    let dir = history();
    let out = kwaliteit(dir.path())
        .args(["diff", "ronde-2099"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("ronde-2099"), "{err}");

    let plain = copy_of_manifest();
    let out = kwaliteit(plain.path())
        .env("GIT_CEILING_DIRECTORIES", plain.path().parent().unwrap())
        .args(["diff", "ronde-2015"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("geen git-repository"), "{err}");
}

#[test]
fn a_shallow_clone_says_to_fetch_the_history() {
    let dir = history();
    let p = dir
        .path()
        .join("manifest/principles/01-de-almeerder-centraal.md");
    edit(
        &p,
        "Iedereen heeft iets te geven.",
        "Iedereen heeft iets te geven!",
    );
    git(dir.path(), &["commit", "-q", "-am", "Nieuwe ronde"]);
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", dir.path().display());
    git(
        clone.path(),
        &["clone", "-q", "--depth", "1", &url, "kopie"],
    );
    let out = kwaliteit(&clone.path().join("kopie"))
        .args(["diff", "ronde-2015"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("fetch-depth: 0"), "{err}");
}

#[test]
fn a_revision_with_errors_still_diffs_and_shows_them() {
    let dir = history();
    let case = dir.path().join("cases/wethouder-de-jonge.md");
    edit(
        &case,
        "uitgangspunt: zorg-dat-kwaliteitsmanagement-leeft",
        "uitgangspunt: bestaat-niet",
    );
    git(dir.path(), &["commit", "-q", "-am", "Kapotte verwijzing"]);
    git(dir.path(), &["tag", "kapot"]);
    edit(
        &case,
        "uitgangspunt: bestaat-niet",
        "uitgangspunt: zorg-dat-kwaliteitsmanagement-leeft",
    );
    let out = kwaliteit(dir.path())
        .args(["diff", "kapot"])
        .assert()
        .code(0);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        err.contains("unknown-principle") && err.contains("kapot bevat 1 fout"),
        "{err}"
    );
    assert!(text.contains("hoort nu bij"), "{text}");
}

#[test]
fn advies_describes_the_changes_since_the_previous_round() {
    let dir = history();
    let root = dir.path();
    // Move "Leren en verbeteren" from 2 to 3 and "De basis op orde" from 3 to 2.
    edit(
        &root.join("manifest/principles/02-leren-en-verbeteren.md"),
        "volgorde: 2",
        "volgorde: 3",
    );
    edit(
        &root.join("manifest/principles/03-de-basis-op-orde.md"),
        "volgorde: 3",
        "volgorde: 2",
    );
    git(
        root,
        &[
            "mv",
            "manifest/principles/02-leren-en-verbeteren.md",
            "manifest/principles/03-leren-en-verbeteren.md",
        ],
    );
    git(
        root,
        &[
            "mv",
            "manifest/principles/03-de-basis-op-orde.md",
            "manifest/principles/02-de-basis-op-orde.md",
        ],
    );
    let letter_2015 = fs::read_to_string(root.join("manifest/rounds/2015.md")).unwrap();
    let letter_2026 = letter_2015
        .replace("jaar: 2015", "jaar: 2026\ndatum: 2026-11-23")
        .replace("revisie: ronde-2015", "revisie: ronde-2026");
    fs::write(root.join("manifest/rounds/2026.md"), letter_2026).unwrap();
    let out = stdout(
        kwaliteit(root)
            .args(["advies", "--format", "md", "--out"])
            .arg(root.join("uit")),
        0,
    );
    assert!(out.contains("advies-2026.md"), "{out}");
    let md = fs::read_to_string(root.join("uit/advies-2026.md")).unwrap();
    assert!(
        // The 2015 letter has no date (the source leaves it empty): named by its year.
        md.contains("## Wat is er veranderd sinds ons advies van 2015"),
        "{md}"
    );
    assert!(
        md.contains("staat nu op plaats 3 (was 2).")
            || md.contains("staat nu op plaats 2 (was 3)."),
        "{md}"
    );
    // The new letter is what is sent: no sentence about it being added.
    assert!(!md.contains("De brief van 2026"), "{md}");
    assert!(!md.contains("is vastgelegd."), "{md}");
    assert!(
        md.find("## Wat is er veranderd").unwrap()
            < md.find("## Kwaliteitsmanifest Sociaal Domein").unwrap()
    );
}

#[test]
fn the_readme_diff_driver_makes_git_diff_show_sentences() {
    let dir = history();
    let root = dir.path();
    fs::copy(
        repo_root().join(".gitattributes"),
        root.join(".gitattributes"),
    )
    .unwrap();
    let exe = env!("CARGO_BIN_EXE_kwaliteit");
    git(
        root,
        &[
            "config",
            "diff.kwaliteit.textconv",
            &format!("'{exe}' textconv"),
        ],
    );
    git(root, &["add", ".gitattributes"]);
    git(root, &["commit", "-q", "-m", "diff-driver"]);
    let p = root.join("manifest/principles/03-de-basis-op-orde.md");
    // Re-wrap a whole paragraph and change one word: only that sentence shows.
    let text = fs::read_to_string(&p).unwrap();
    let rewrapped = text
        .replacen(
            "Experimenteren kan alleen als",
            "Experimenteren kan\nalleen als",
            1,
        )
        .replacen(
            "de basis moet op orde zijn",
            "de basis moet echt op orde zijn",
            1,
        );
    fs::write(&p, rewrapped).unwrap();
    let diff = git(
        root,
        &["diff", "--", "manifest/principles/03-de-basis-op-orde.md"],
    );
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect();
    assert_eq!(changed.len(), 2, "{diff}");
    assert_eq!(changed[0], "-de basis moet op orde zijn.", "{diff}");
    assert_eq!(changed[1], "+de basis moet echt op orde zijn.", "{diff}");
}

/// A symbolic link is never followed, in the work tree nor at a revision, so a pull
/// request cannot make `check` print a file from outside the repository.
#[cfg(unix)]
#[test]
fn symlinks_are_reported_and_never_followed_in_the_work_tree_and_at_a_revision() {
    let dir = history();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("geheim.md"), "GEHEIM-123\n").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("geheim.md"),
        dir.path().join("cases/geheim.md"),
    )
    .unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "Link"]);
    for rev in [None, Some("HEAD")] {
        let mut cmd = kwaliteit(dir.path());
        cmd.arg("check");
        if let Some(rev) = rev {
            cmd.args(["--rev", rev]);
        }
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{rev:?}: {stdout}");
        assert!(
            stdout.contains("fout[symlink]: `cases/geheim.md`"),
            "{rev:?}: {stdout}"
        );
        assert!(!stdout.contains("GEHEIM"), "{rev:?}: {stdout}");
    }
}

/// A revision from before the manifest existed says so once, instead of a finding
/// for every file that is missing.
#[test]
fn a_revision_without_a_manifest_says_so_once() {
    let dir = copy_of_manifest();
    git(dir.path(), &["init", "-q"]);
    git(
        dir.path(),
        &["commit", "-q", "--allow-empty", "-m", "Begin"],
    );
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "Manifest"]);
    let out = kwaliteit(dir.path())
        .args(["check", "--rev", "HEAD~1"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.matches("fout:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("bevat geen `manifest/manifest.yaml`"),
        "{stderr}"
    );
}

/// One edit of each kind the diff compares, each reported once by name in every format.
#[test]
fn every_kind_of_change_is_reported_in_every_format() {
    let dir = history();
    let root = dir.path();
    let manifest = root.join("manifest/manifest.yaml");
    let principle = root.join("manifest/principles/01-de-almeerder-centraal.md");
    let round = root.join("manifest/rounds/2015.md");
    let edits: &[(&Path, &str, &str)] = &[
        (
            &manifest,
            "titel: Kwaliteitsmanifest Sociaal Domein",
            "titel: Kwaliteitsmanifest Zorg en Welzijn",
        ),
        (&manifest, "raad_afkorting: ASD", "raad_afkorting: ASDA"),
        (
            &manifest,
            "omschrijving: inwonerniveau",
            "omschrijving: wie in Almere woont",
        ),
        (&manifest, "naam: Breed Overleg\n", "naam: Breed Overleg+\n"),
        (
            &manifest,
            "  - id: management\n    naam: Management\n    omschrijving: het strategische niveau\n  - id: bestuur\n    naam: Bestuur\n",
            "  - id: bestuur\n    naam: Bestuur\n    omschrijving: het strategische niveau\n  - id: management\n    naam: Management\n",
        ),
        (&manifest, "naam: Outcome", "naam: Uitkomst"),
        (
            &principle,
            "volgorde: 1\n",
            "volgorde: 1\nwetten: [{id: BWBR0035362, artikel: \"2.1.3\"}]\nkompas: [outcome]\n",
        ),
        (
            &root.join("cases/tuin-van-mevrouw-jansen.md"),
            "sinds: 2015",
            "sinds: 2016",
        ),
        (&round, "aanhef: Geacht college,", "aanhef: Beste college,"),
        (
            &round,
            "revisie: ronde-2015",
            "adviespunten:\n  - {id: matrix, tekst: Voeg de matrix toe.}\nreactie:\n  ontvangen: 2015-10-01\n  punten:\n    - {id: matrix, oordeel: toegezegd, termijn: 2016-03-01}\nrevisie: ronde-2015",
        ),
    ];
    for (path, from, to) in edits {
        edit(path, from, to);
    }
    let expected = [
        "De titel van het manifest is nu ‘Kwaliteitsmanifest Zorg en Welzijn’ (was ‘Kwaliteitsmanifest Sociaal Domein’).",
        "De afkorting van de adviesraad is nu ‘ASDA’ (was ‘ASD’).",
        "De omschrijving van de partij ‘Inwoners’ is nu ‘wie in Almere woont’ (was ‘inwonerniveau’).",
        "De partij ‘Breed Overleg’ heet nu ‘Breed Overleg+’.",
        "De omschrijving van de partij ‘Bestuur’ is nu ‘het strategische niveau’ (was ‘politiek en bestuur van gemeente en zorginstellingen’).",
        "De omschrijving van de partij ‘Management’ is nu ‘politiek en bestuur van gemeente en zorginstellingen’ (was ‘het strategische niveau’).",
        "De partij ‘Bestuur’ staat nu in kolom 3 van de matrix (was 4).",
        "De partij ‘Management’ staat nu in kolom 4 van de matrix (was 3).",
        "De bouwsteen ‘Outcome’ van het Kwaliteitskompas heet nu ‘Uitkomst’.",
        "Bij het uitgangspunt ‘De Almeerder centraal’ is de wet ‘Wet maatschappelijke ondersteuning 2015 (Wmo 2015), artikel 2.1.3’ toegevoegd.",
        "Bij het uitgangspunt ‘De Almeerder centraal’ is de bouwsteen van het Kwaliteitskompas ‘Uitkomst’ toegevoegd.",
        "Bij de casus ‘tuin-van-mevrouw-jansen’ is het jaar van opname nu 2016 (was 2015).",
        "In de brief van 2015: de aanhef is nu ‘Beste college,’ (was ‘Geacht college,’).",
        "In de brief van 2015 staat een nieuw adviespunt (matrix): ‘Voeg de matrix toe.’",
        "De reactie van het college op de brief van 2015 is ontvangen op 1 oktober 2015.",
        "Het college heeft adviespunt matrix uit de brief van 2015 toegezegd, uiterlijk 1 maart 2016.",
    ];
    let terminal = stdout(kwaliteit(root).args(["diff", "--exit-code"]), 1);
    let md = stdout(kwaliteit(root).args(["diff", "--format", "md"]), 0);
    let html = stdout(kwaliteit(root).args(["diff", "--format", "html"]), 0);
    for sentence in expected {
        assert_eq!(
            terminal.matches(sentence).count(),
            1,
            "{sentence}\n{terminal}"
        );
        assert!(md.contains(sentence), "{sentence}\n{md}");
        assert!(html.contains(sentence), "{sentence}\n{html}");
    }
    assert!(
        terminal.starts_with(&format!(
            "Wijzigingen van ronde-2015 naar de huidige versie: {} (",
            expected.len()
        )),
        "{terminal}"
    );
    assert!(md.contains("| Partijen |  |  | 2 | 4 |"), "{md}");
    assert!(
        md.contains("| Reacties van het college |  |  |  | 2 |"),
        "{md}"
    );

    let json: serde_json::Value = serde_json::from_str(&stdout(
        kwaliteit(root).args(["diff", "--format", "json"]),
        0,
    ))
    .unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["changes"], expected.len());
    let mut kinds = Vec::new();
    for (_, section) in json["delta"].as_object().unwrap() {
        for entry in section.as_array().unwrap() {
            assert!(entry["change"].is_string(), "{entry}");
            assert!(entry["action"].is_string(), "{entry}");
            kinds.push(entry["kind"].as_str().unwrap().to_string());
        }
    }
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "advice-point",
            "case",
            "kompas",
            "manifest",
            "party",
            "principle",
            "response",
            "round"
        ]
    );
    assert_eq!(json["summary"]["by_kind"]["party"]["moved"], 2);

    let out = stdout(
        kwaliteit(root)
            .args(["diff", "--format", "docx", "--out"])
            .arg(root.join("uit")),
        0,
    );
    assert!(out.contains("wijzigingen.docx"), "{out}");
    assert!(root.join("uit/wijzigingen.docx").is_file());
}

/// When a principle's text changed and its case and cells did not, the diff says to
/// look at them again; the advice letter does not.
#[test]
fn a_changed_principle_text_lists_its_unchanged_case_and_cells_for_review() {
    let dir = history();
    let root = dir.path();
    edit(
        &root.join("manifest/principles/01-de-almeerder-centraal.md"),
        "Iedereen heeft iets te geven.",
        "Iedereen heeft iets te geven, en iedereen doet mee.",
    );
    let hint = "Bij ‘De Almeerder centraal’: de casus ‘tuin-van-mevrouw-jansen’ en de verantwoordelijkheden van ‘Inwoners’, ‘Gemeente’ en ‘Zorgaanbieders’.";
    let terminal = stdout(kwaliteit(root).args(["diff"]), 0);
    assert!(terminal.contains("Mogelijk te herzien."), "{terminal}");
    assert!(terminal.contains(hint), "{terminal}");
    let md = stdout(kwaliteit(root).args(["diff", "--format", "md"]), 0);
    assert!(md.contains("### Mogelijk te herzien"), "{md}");
    assert!(md.contains(hint), "{md}");
    let json: serde_json::Value = serde_json::from_str(&stdout(
        kwaliteit(root).args(["diff", "--format", "json"]),
        0,
    ))
    .unwrap();
    assert_eq!(json["review"][0]["principle"], "de-almeerder-centraal");
    assert_eq!(
        json["review"][0]["cases"][0]["id"],
        "tuin-van-mevrouw-jansen"
    );
    assert_eq!(json["review"][0]["sentence"], hint);

    // Once the case changes too, it is no longer listed.
    edit(
        &root.join("cases/tuin-van-mevrouw-jansen.md"),
        "haar tuin niet meer onderhouden",
        "haar tuin niet meer zelf onderhouden",
    );
    let terminal = stdout(kwaliteit(root).args(["diff"]), 0);
    assert!(
        terminal.contains("Bij ‘De Almeerder centraal’: de verantwoordelijkheden van"),
        "{terminal}"
    );
}

/// `advies` on a two-round history: the 2015 advice had points and a recorded
/// response; the 2026 letter gives new points. The letter numbers them, says what
/// changed in content and how the college responded, without bookkeeping.
#[test]
fn advies_reads_like_a_letter_with_its_points_and_the_colleges_response() {
    let dir = history();
    let root = dir.path();
    let round_2015 = root.join("manifest/rounds/2015.md");
    edit(
        &round_2015,
        "revisie: ronde-2015",
        "datum: 2015-08-18\nadviespunten:\n  - {id: matrix, tekst: Voeg de matrix als bijlage toe.}\n  - {id: evalueren, tekst: Evalueer het manifest elk jaar.}\nreactie:\n  ontvangen: 2015-09-20\n  punten:\n    - {id: matrix, oordeel: overgenomen}\n    - {id: evalueren, oordeel: toegezegd, termijn: 2016-06-01}\nrevisie: ronde-2015",
    );
    git(root, &["commit", "-q", "-am", "Reactie van het college"]);
    git(root, &["tag", "-f", "ronde-2015"]);
    edit(
        &root.join("manifest/principles/03-de-basis-op-orde.md"),
        "de basis moet op orde zijn",
        "de basis moet echt op orde zijn",
    );
    let letter_2026 = fs::read_to_string(&round_2015)
        .unwrap()
        .replace("jaar: 2015", "jaar: 2026")
        .replace("datum: 2015-08-18", "datum: 2026-11-23")
        .replace("revisie: ronde-2015\n", "")
        .replace("{id: matrix, tekst: Voeg de matrix als bijlage toe.}", "{id: monitor, tekst: Maak de monitor openbaar.}")
        .replace("  - {id: evalueren, tekst: Evalueer het manifest elk jaar.}\n", "")
        .replace("reactie:\n  ontvangen: 2015-09-20\n  punten:\n    - {id: matrix, oordeel: overgenomen}\n    - {id: evalueren, oordeel: toegezegd, termijn: 2016-06-01}\n", "");
    fs::write(root.join("manifest/rounds/2026.md"), letter_2026).unwrap();
    for format in ["md", "html", "docx"] {
        stdout(
            kwaliteit(root)
                .args(["advies", "--format", format, "--out"])
                .arg(root.join("uit")),
            0,
        );
    }
    let md = fs::read_to_string(root.join("uit/advies-2026.md")).unwrap();
    // The whole letter as the council gets it, for a reviewer to read.
    assert_transcript("advies-twee-rondes.md", &md);
    let letter_end = md.find("Met hartelijke groet").unwrap();
    let point = md
        .find("1. Maak de monitor openbaar. (monitor)")
        .unwrap_or_else(|| panic!("{md}"));
    assert!(point < letter_end, "het adviespunt staat in de brief\n{md}");
    // The letter names the annex it carries: the response to the earlier advice.
    assert!(
        md[..letter_end].contains("Reactie van het college op het advies van 18 augustus 2015"),
        "{md}"
    );
    for sentence in [
        "## Wat is er veranderd sinds ons advies van 18 augustus 2015",
        "Het college reageerde op 20 september 2015 op ons advies van 18 augustus 2015.",
        "Van de 2 adviespunten heeft het college er 1 overgenomen en 1 toegezegd.",
        "Het college heeft toegezegd uiterlijk 1 juni 2016 te doen wat adviespunt evalueren vraagt: ‘Evalueer het manifest elk jaar.’",
        "Het uitgangspunt ‘De basis op orde’ luidt nu: ‘",
        "Reactie van het college op het advies van 18 augustus 2015",
    ] {
        assert!(md.contains(sentence), "{sentence}\n{md}");
    }
    for bookkeeping in [
        "De brief van 2026",
        "nieuw adviespunt",
        "is aangepast.",
        "brief van 2015",
    ] {
        assert!(!md.contains(bookkeeping), "{bookkeeping}\n{md}");
    }
    let html = fs::read_to_string(root.join("uit/advies-2026.html")).unwrap();
    assert!(
        html.contains("Maak de monitor openbaar. (monitor)"),
        "{html}"
    );
    assert!(root.join("uit/advies-2026.docx").is_file());
}
