//! Tests of `fmt`: examples, the real files, and generated documents.

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser};

use super::reading::{Reading, without_positions};
use super::*;
use crate::load;
use crate::model::{MANIFEST_FILE, Manifest};
use crate::source::SourceFile;

fn fmt(path: &str, text: &str) -> String {
    let (out, mode) = format_file(path, text, Readable::Unknown).expect("formattable");
    assert_eq!(mode, Mode::Full, "{out}");
    out
}

fn case_with_title(title: &str) -> String {
    format!("---\nid: a\ntitel: {title}\nuitgangspunt: p\n---\nVerhaal.\n")
}

/// The title line of a formatted case.
fn title_as_written(title: &str) -> String {
    let out = fmt("cases/a.md", &case_with_title(title));
    out.lines()
        .find_map(|l| l.strip_prefix("titel: "))
        .unwrap()
        .to_string()
}

#[test]
fn principle_keys_in_fixed_order_unknown_keys_after_in_their_own_order() {
    let text = "---\nkompas: [verbetercyclus]\nverantwoordelijkheden:\n  gemeente: toezicht\n  inwoners: meedenken\nwetten: [BWBR0035362]\nvolgorde: 2\ntitel: Twee\nprivacy_exception: true\nid: twee\n---\nKort.\n\n## Uitwerking\n\nLang.\n";
    assert_eq!(
        fmt("manifest/principles/02-twee.md", text),
        "---\nid: twee\ntitel: Twee\nvolgorde: 2\nverantwoordelijkheden:\n  gemeente: toezicht\n  inwoners: meedenken\nkompas: [verbetercyclus]\nwetten: [BWBR0035362]\nprivacy_exception: true\n---\nKort.\n\n## Uitwerking\n\nLang.\n"
    );
}

#[test]
fn case_round_and_identity_keys_in_fixed_order() {
    let case =
        "---\nsinds: 2015\npartijen: [inwoners]\nuitgangspunt: p\ntitel: T\nid: a\n---\nVerhaal.\n";
    assert_eq!(
        fmt("cases/a.md", case),
        "---\nid: a\ntitel: T\nuitgangspunt: p\npartijen: [inwoners]\nsinds: 2015\n---\nVerhaal.\n"
    );
    let round = "---\nrevisie: ronde-2016\ngeraadpleegd: [a]\nondertekening:\n  - functie: Voorzitter\n    naam: K\nslot: Groet,\naanhef: Geacht college,\nbetreft: Advies\naan: [Gemeente]\ndatum: 2016-01-02\njaar: 2016\n---\nBrief.\n";
    assert_eq!(
        fmt("manifest/rounds/2016.md", round),
        "---\njaar: 2016\ndatum: 2016-01-02\naan: [Gemeente]\nbetreft: Advies\naanhef: Geacht college,\nslot: Groet,\nondertekening:\n  - functie: Voorzitter\n    naam: K\ngeraadpleegd: [a]\nrevisie: ronde-2016\n---\nBrief.\n"
    );
    let identity = "partijen:\n  - id: inwoners\n    naam: Inwoners\ngemeente: G\nraad_afkorting: R\nraad: Raad\nextra: 1\nuitwerking_titel: U\ntitel: T\n";
    assert_eq!(
        fmt(MANIFEST_FILE, identity),
        "titel: T\nuitwerking_titel: U\nraad: Raad\nraad_afkorting: R\ngemeente: G\npartijen:\n  - id: inwoners\n    naam: Inwoners\nextra: 1\n"
    );
}

#[test]
fn every_key_of_the_table_in_table_order() {
    use crate::model::{FileKind, keys};
    // Written backwards, unknown key first: comes out in the table's order.
    for (kind, path, body) in [
        (
            FileKind::Principle,
            "manifest/principles/01-a.md",
            "K.\n\n## Uitwerking\n\nL.\n",
        ),
        (FileKind::Case, "cases/a.md", "V.\n"),
        (FileKind::Round, "manifest/rounds/2015.md", "B.\n"),
        (FileKind::Identity, MANIFEST_FILE, ""),
    ] {
        let table = keys::table(kind);
        let mut yaml = String::from("onbekend: 1\n");
        for k in table.iter().rev() {
            yaml.push_str(&format!("{}: x\n", k.name));
        }
        let text = if kind == FileKind::Identity {
            yaml
        } else {
            format!("---\n{yaml}---\n{body}")
        };
        let out = canonical(path, &text).expect("formattable");
        let written: Vec<&str> = out
            .lines()
            .filter_map(|l| l.split_once(": ").map(|(k, _)| k))
            .collect();
        let mut expected: Vec<&str> = table.iter().map(|k| k.name).collect();
        expected.push("onbekend");
        assert_eq!(written, expected, "{path}");
    }
}

#[test]
fn texts_are_plain_when_safe_and_quoted_otherwise() {
    let cases = [
        (
            "\"De sociale café's in de wijken\"",
            "De sociale café's in de wijken",
        ),
        ("'Geacht college,'", "Geacht college,"),
        ("\"“Doen wat nodig is”\"", "“Doen wat nodig is”"),
        (
            "\"tekst met \\\"aanhalingstekens\\\"\"",
            "tekst met \"aanhalingstekens\"",
        ),
        ("'Zorg: wat nu?'", "\"Zorg: wat nu?\""),
        ("\"punt #1\"", "\"punt #1\""),
        ("'''s avonds'", "\"'s avonds\""),
        ("\"- opsomming\"", "\"- opsomming\""),
        ("\"yes\"", "\"yes\""),
        ("\"2015\"", "\"2015\""),
        ("\" spatie\"", "\" spatie\""),
        ("\"twee\\nregels\"", "\"twee\\nregels\""),
        ("\"back\\\\slash\"", "back\\slash"),
        ("\"tab\\there\"", "\"tab\\there\""),
        // A text written over two lines is one line of text.
        ("een\n  vervolg", "een vervolg"),
        // Scalars written plain stay as written: the loader reads them as typed.
        ("yes", "yes"),
        ("2015", "2015"),
        ("007", "007"),
        ("2015-08-18", "2015-08-18"),
        ("12 mei", "12 mei"),
    ];
    for (written, expected) in cases {
        assert_eq!(title_as_written(written), expected, "{written}");
    }
}

#[test]
fn values_keep_their_kind() {
    let out = fmt(
        "manifest/principles/01-a.md",
        "---\nid: a\ntitel: A\nvolgorde: 0x1\nextra: [1, \"1\", true, 'true', ~, 1.50]\n---\nK.\n\n## Uitwerking\n\nL.\n",
    );
    assert!(out.contains("volgorde: 0x1\n"), "{out}");
    assert!(
        out.contains("extra: [1, \"1\", true, \"true\", ~, 1.50]\n"),
        "{out}"
    );
}

#[test]
fn short_lists_flow_long_lists_and_lists_of_tables_block() {
    let out = fmt(
        "cases/a.md",
        "---\nid: a\ntitel: T\nuitgangspunt: p\npartijen:\n  - inwoners\n  - gemeente\nsinds: 2015\n---\nV.\n",
    );
    assert!(out.contains("partijen: [inwoners, gemeente]\n"), "{out}");
    let long = "professionals en partners (o.a. de Stadsconferentie van 12 mei)";
    let out = fmt(
        "manifest/rounds/2015.md",
        &format!(
            "---\njaar: 2015\naan: [\"Gemeente\"]\nbetreft: S\nondertekening: [{{naam: K, functie: V}}]\ngeraadpleegd: [\"{long}\", \"{long}\"]\nempty: []\n---\nB.\n"
        ),
    );
    assert!(
        out.contains(&format!("geraadpleegd:\n  - {long}\n  - {long}\n")),
        "{out}"
    );
    assert!(out.contains("aan: [Gemeente]\n"), "{out}");
    assert!(
        out.contains("ondertekening:\n  - naam: K\n    functie: V\n"),
        "{out}"
    );
    assert!(out.contains("empty: []\n"), "{out}");
    // In a flow list a comma needs quotes; in block style it does not.
    let out = fmt(
        "cases/a.md",
        "---\nid: a\ntitel: T\nuitgangspunt: p\npartijen:\n  - a, b\n---\nV.\n",
    );
    assert!(out.contains("partijen: [\"a, b\"]\n"), "{out}");
}

#[test]
fn comments_move_with_the_key_below_them() {
    let text = "---\n# over het bestand\n\n# over de verantwoordelijkheden\nverantwoordelijkheden: # cellen\n  # eerst\n  inwoners: \"meedenken # geen commentaar\" # wel commentaar\ntitel: A # de titel\n# over het id\nid: a\nvolgorde: 1\n# aan het eind\n---\nK.\n\n## Uitwerking\n\nL.\n";
    let out = fmt("manifest/principles/01-a.md", text);
    assert_eq!(
        out,
        "---\n# over het bestand\n\n# over het id\nid: a\ntitel: A # de titel\nvolgorde: 1\n# over de verantwoordelijkheden\nverantwoordelijkheden: # cellen\n  # eerst\n  inwoners: \"meedenken # geen commentaar\" # wel commentaar\n# aan het eind\n---\nK.\n\n## Uitwerking\n\nL.\n"
    );
    // A comment among list items keeps the list in block style.
    let out = fmt(
        "cases/a.md",
        "---\nid: a\ntitel: T\nuitgangspunt: p\npartijen:\n  # de eerste\n  - inwoners\n  - gemeente # de tweede\n---\nV.\n",
    );
    assert!(
        out.contains("partijen:\n  # de eerste\n  - inwoners\n  - gemeente # de tweede\n"),
        "{out}"
    );
    // `#` inside a block text is text.
    let out = fmt(
        "cases/a.md",
        "---\nid: a\ntitel: |\n  # geen commentaar\nuitgangspunt: p\n---\nV.\n",
    );
    assert!(out.contains("titel: \"# geen commentaar\\n\"\n"), "{out}");
}

#[test]
fn the_real_comments_stay_where_they_are() {
    let root = env!("CARGO_MANIFEST_DIR");
    for path in [
        "manifest/principles/06-inspireren-en-instrueren.md",
        "manifest/rounds/2015.md",
        "manifest/manifest.yaml",
    ] {
        let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
        let out = fmt(path, &text);
        let comments = |t: &str| {
            t.lines()
                .filter(|l| l.trim_start().starts_with('#') && !l.starts_with("##"))
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert!(!comments(&text).is_empty());
        assert_eq!(comments(&out), comments(&text), "{path}");
    }
}

#[test]
fn crlf_and_byte_order_mark_become_plain_lf() {
    let lf = "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nEen\nverhaal.\n\nTwee.\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let expected = "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nEen verhaal.\n\nTwee.\n";
    assert_eq!(fmt("cases/a.md", lf), expected);
    assert_eq!(fmt("cases/a.md", &crlf), expected);
    assert_eq!(
        fmt(
            MANIFEST_FILE,
            "\u{feff}titel: T\r\nraad: R\r\ngemeente: G\r\npartijen:\r\n  - id: a\r\n"
        ),
        "titel: T\nraad: R\ngemeente: G\npartijen:\n  - id: a\n"
    );
}

#[test]
fn blank_lines_trailing_spaces_and_the_last_newline() {
    let text = "---\nid: a\ntitel: T\nuitgangspunt: p\n...\n\n\nEen. \t\n\n\n\nTwee.  \n   \n- a\n\n\n- b\nDrie.";
    assert_eq!(
        fmt("cases/a.md", text),
        "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nEen.\n\nTwee.\n\n- a\n\n- b Drie.\n"
    );
    // A block right after another gets its blank line.
    assert_eq!(
        fmt(
            "cases/a.md",
            "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nTekst\n# Kop\nMeer\n- lijst\n"
        ),
        "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nTekst\n\n# Kop\n\nMeer\n\n- lijst\n"
    );
}

#[test]
fn paragraphs_become_one_line_and_breaks_stay_breaks() {
    let text = "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nDe inwoner doet wat nodig is *voor\nhen*, met “passie” –\n   en café's.\n\nHard   \n  gebroken\\\nregel.\n\n> Citaat\n> over twee regels.\n\n- Punt\n  met vervolg\n";
    assert_eq!(
        fmt("cases/a.md", text),
        "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nDe inwoner doet wat nodig is *voor hen*, met “passie” – en café's.\n\nHard  \ngebroken\\\nregel.\n\n> Citaat over twee regels.\n\n- Punt met vervolg\n"
    );
}

#[test]
fn code_keeps_every_character() {
    let text = "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nZie:\n\n```\ncode  \n\n\n  meer\n```\n\n    ingesprongen  \n\nEn `a  \nb`.\n";
    let out = fmt("cases/a.md", text);
    assert!(
        out.contains("```\ncode  \n\n\n  meer\n```\n\n    ingesprongen  \n\n"),
        "{out}"
    );
}

#[test]
fn headings_become_atx() {
    let text = "---\nid: a\ntitel: A\nvolgorde: 1\n---\nKort.\n\nUitwerking\n----------\nLang.\n\n###   Kop met slot ###   \n\nTitel\n=====\n";
    assert_eq!(
        fmt("manifest/principles/01-a.md", text),
        "---\nid: a\ntitel: A\nvolgorde: 1\n---\nKort.\n\n## Uitwerking\n\nLang.\n\n### Kop met slot\n\n# Titel\n"
    );
}

#[test]
fn files_with_syntax_problems_or_of_no_known_kind_are_left_alone() {
    let none = [
        ("cases/a.md", "geen kopregels\n"),
        ("cases/a.md", "---\nid: a\n"),
        ("cases/a.md", "---\nid: a\ntitel: \"open\n---\nV.\n"),
        ("cases/a.md", "---\nid: a\nid: b\n---\nV.\n"),
        ("cases/a.md", "---\n- een\n- lijst\n---\nV.\n"),
        ("cases/a.md", ""),
        ("cases/a.txt", "---\nid: a\n---\nV.\n"),
        ("README.md", "# Leesmij\n"),
        (MANIFEST_FILE, "titel: [\n"),
    ];
    for (path, text) in none {
        assert_eq!(canonical(path, text), None, "{path}: {text:?}");
    }
}

#[test]
fn other_findings_do_not_stop_formatting_and_stay_the_same() {
    let text = "---\ntittel: Verkeerd\nid: Fout_Id\nvolgorde: twee\n---\nKort.\n";
    let out = fmt("manifest/principles/01-a.md", text);
    assert_eq!(
        out,
        "---\nid: Fout_Id\nvolgorde: twee\ntittel: Verkeerd\n---\nKort.\n"
    );
    assert_eq!(
        Reading::of("manifest/principles/01-a.md", text)
            .unwrap()
            .findings,
        Reading::of("manifest/principles/01-a.md", &out)
            .unwrap()
            .findings
    );
}

#[test]
fn an_unsafe_body_rewrite_falls_back_to_the_text_as_written() {
    // A closing `#` in an underlined heading would be lost in ATX: kept as written.
    let text = "---\nid: a\ntitel: T\nuitgangspunt: p\n---\nKop #\n---\n\nTekst.\n";
    let (out, _) = format_file("cases/a.md", text, Readable::Unknown).unwrap();
    assert!(out.ends_with("---\nKop #\n---\n\nTekst.\n"), "{out}");
    assert_eq!(canonical("cases/a.md", &out).as_deref(), Some(out.as_str()));
}

fn source_files() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![MANIFEST_FILE.to_string()];
    for dir in [
        crate::model::PRINCIPLES_DIR,
        crate::model::ROUNDS_DIR,
        crate::model::CASES_DIR,
    ] {
        let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        names.sort();
        paths.extend(names);
    }
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(root.join(&p)).unwrap();
            (p, text)
        })
        .collect()
}

fn load_all(files: &[(String, String)]) -> load::Loaded {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|(path, text)| SourceFile {
            path: path.clone(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    load::load(&files)
}

#[test]
fn every_real_file_is_idempotent_and_strictly_lossless() {
    let files = source_files();
    assert!(files.len() > 10);
    let formatted: Vec<(String, String)> = files
        .iter()
        .map(|(path, text)| (path.clone(), fmt(path, text)))
        .collect();
    for (path, out) in &formatted {
        assert_eq!(canonical(path, out).as_ref(), Some(out), "{path}");
    }
    let before = load_all(&files);
    let after = load_all(&formatted);
    let said = |l: &load::Loaded| {
        let mut f: Vec<_> = l
            .findings
            .iter()
            .map(|f| (f.rule, f.message.clone()))
            .collect();
        f.sort();
        f
    };
    assert_eq!(said(&before), said(&after));
    // The paragraphs are one line already, so even the Markdown texts are equal.
    assert_eq!(
        without_positions(&before.manifest),
        without_positions(&after.manifest)
    );
}

#[test]
fn every_fixture_file_is_formatted_idempotently_or_left_alone() {
    let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut formatted = 0;
    for entry in walkdir::WalkDir::new(tests).into_iter().flatten() {
        let full = entry.path().to_string_lossy().replace('\\', "/");
        let Some(at) = full.find("/manifest/").or_else(|| full.find("/cases/")) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let path = &full[at + 1..];
        // Templates are not formatted (`check` reports broken ones, not `load`).
        if path.starts_with(crate::model::TEMPLATES_DIR) {
            continue;
        }
        match canonical(path, &text) {
            // Only files with problems are left alone.
            None => assert!(
                !load_all(&[(path.to_string(), text.clone())])
                    .findings
                    .is_empty(),
                "{full}"
            ),
            Some(out) => {
                formatted += 1;
                let again = canonical(path, &out);
                assert_eq!(again.as_ref(), Some(&out), "{full}");
                assert!(
                    Reading::of(path, &text) == Reading::of(path, &out),
                    "{full}"
                );
            }
        }
    }
    assert!(formatted > 0);
}

mod properties;
