//! Tests of `fmt`: examples, the real files, and generated documents.

use proptest::prelude::*;
use pulldown_cmark::{Event, Parser};

use super::reading::{Reading, without_positions};
use super::*;
use crate::load;
use crate::model::{MANIFEST_FILE, Manifest};
use crate::source::SourceFile;

fn fmt(path: &str, text: &str) -> String {
    let (out, mode) = format_file(path, text).expect("formattable");
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
    let (out, _) = format_file("cases/a.md", text).unwrap();
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

// -----------------------------------------------------------------------------
// Generated documents.

/// A YAML scalar for text, written in a style of the generator's choice
/// (independent of the formatter's own quoting).
fn yaml_text(text: &str, style: u8, flow: bool) -> String {
    let simple = text.chars().all(|c| c.is_alphabetic() || c == ' ')
        && text.trim() == text
        && !text.is_empty()
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    match style {
        0 if simple => text.to_string(),
        1 => format!("'{}'", text.replace('\'', "''")),
        _ if flow || style == 2 || !simple => {
            format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
        }
        _ => text.to_string(),
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-zéëïöüèáçÉ][A-Za-zéëïöüèáçÉ’‘“”'\":#,!?&*()/+\\\\ -]{0,40}",
        2 => "[A-Za-zéëïöüèáçÉ’‘“”'\":#,!?&*()/+\\\\ -]{1,30}",
        1 => prop::sample::select(vec![
            "yes", "No", "2015", "12 mei", "- opsomming", "Zorg: wat nu?",
            "'s avonds", "#1 prioriteit", "café's", "null", "~", "[a, b]",
        ])
        .prop_map(str::to_string),
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z]{1,8}(-[a-z0-9]{1,4}){0,2}"
}

/// A list under a key, flow or block, with an optional comment on the first item.
fn yaml_list(key: &str, items: &[String], flow: bool, comment: bool) -> String {
    if flow {
        format!("{key}: [{}]\n", items.join(", "))
    } else {
        let mut out = format!("{key}:\n");
        for (i, item) in items.iter().enumerate() {
            let note = if comment && i == 0 { " # eerste" } else { "" };
            out.push_str(&format!("  - {item}{note}\n"));
        }
        out
    }
}

#[derive(Debug, Clone)]
struct Style {
    quote: u8,
    flow: bool,
    comment: bool,
}

fn style() -> impl Strategy<Value = Style> {
    (0u8..3, any::<bool>(), prop::bool::weighted(0.3)).prop_map(|(quote, flow, comment)| Style {
        quote,
        flow,
        comment,
    })
}

/// Front matter entries (each one or more lines) for a kind of file.
fn entries(kind: FileKind) -> BoxedStrategy<Vec<String>> {
    let texts = || prop::collection::vec((text(), style()), 1..4);
    match kind {
        FileKind::Principle => (
            id(),
            (text(), style()),
            1i64..30,
            prop::collection::btree_map(id(), (text(), style()), 0..4),
            prop::option::of(prop::collection::vec(id(), 1..4)),
            style(),
        )
            .prop_map(|(id, (title, ts), order, cells, kompas, ls)| {
                let mut e = vec![
                    format!("id: {id}\n"),
                    format!("titel: {}\n", yaml_text(&title, ts.quote, false)),
                    format!("volgorde: {order}\n"),
                ];
                if !cells.is_empty() {
                    let mut r = String::from("verantwoordelijkheden:\n");
                    for (actor, (cell, s)) in cells {
                        let note = if s.comment { " # cel" } else { "" };
                        r.push_str(&format!(
                            "  {actor}: {}{note}\n",
                            yaml_text(&cell, s.quote, false)
                        ));
                    }
                    e.push(r);
                }
                if let Some(k) = kompas {
                    e.push(yaml_list("kompas", &k, ls.flow, ls.comment));
                }
                e
            })
            .boxed(),
        FileKind::Case => (
            id(),
            (text(), style()),
            id(),
            prop::collection::vec(id(), 0..4),
            prop::option::of(1990i64..2030),
            style(),
        )
            .prop_map(|(id, (title, ts), principle, actors, since, ls)| {
                let mut e = vec![
                    format!("id: {id}\n"),
                    format!("titel: {}\n", yaml_text(&title, ts.quote, false)),
                    format!("uitgangspunt: {principle}\n"),
                    yaml_list("actors", &actors, ls.flow || actors.is_empty(), ls.comment),
                ];
                if let Some(s) = since {
                    e.push(format!("sinds: {s}\n"));
                }
                e
            })
            .boxed(),
        FileKind::Round | FileKind::Identity => (
            2000i64..2040,
            texts(),
            (text(), style()),
            prop::collection::vec((text(), prop::option::of(text())), 0..3),
            texts(),
            style(),
        )
            .prop_map(|(year, to, (subject, ss), signatories, partners, ls)| {
                let list = |key: &str, items: &[(String, Style)]| {
                    let written: Vec<String> = items
                        .iter()
                        .map(|(t, s)| yaml_text(t, s.quote, ls.flow))
                        .collect();
                    yaml_list(key, &written, ls.flow, ls.comment)
                };
                let mut e = vec![
                    format!("jaar: {year}\n"),
                    format!("datum: {year}-08-18\n"),
                    list("to", &to),
                    format!("betreft: {}\n", yaml_text(&subject, ss.quote, false)),
                    list("partners", &partners),
                    format!("revisie: ronde-{year}\n"),
                ];
                if !signatories.is_empty() {
                    let mut s = String::from("ondertekening:\n");
                    for (name, role) in signatories {
                        s.push_str(&format!("  - naam: {}\n", yaml_text(&name, 2, false)));
                        if let Some(role) = role {
                            s.push_str(&format!("    role: {}\n", yaml_text(&role, 1, false)));
                        }
                    }
                    e.push(s);
                }
                e
            })
            .boxed(),
    }
}

/// A paragraph written over one or more lines, some with a stray space at the end.
fn paragraph() -> impl Strategy<Value = Vec<String>> {
    let word = prop::sample::select(vec![
        "kwaliteit",
        "café's",
        "*voor hen*",
        "“leren en verbeteren”",
        "‘matrix’",
        "–",
        "reële",
        "één",
        "Almeerder,",
        "zorg.",
        "[zie](https://example.org)",
        "**vet**",
        "`code`",
    ]);
    // Lines end plainly, with stray spaces, or with a hard break (two spaces or `\`).
    let ending = prop::sample::select(vec!["", "", " ", "\t", "  ", "   ", "\\"]);
    prop::collection::vec((prop::collection::vec(word, 1..6), ending), 1..4).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(words, ending)| format!("{}{ending}", words.join(" ")))
            .collect()
    })
}

fn body(principle: bool) -> impl Strategy<Value = String> {
    (
        prop::collection::vec((paragraph(), 1usize..4), 1..3),
        prop::collection::vec((paragraph(), 1usize..4), 1..3),
        any::<bool>(),
    )
        .prop_map(move |(short, long, setext)| {
            let mut out = String::new();
            let write = |paragraphs: Vec<(Vec<String>, usize)>, out: &mut String| {
                for (lines, blanks) in paragraphs {
                    out.push_str(&lines.join("\n"));
                    out.push_str(&"\n".repeat(blanks + 1));
                }
            };
            write(short, &mut out);
            if principle {
                out.push_str(if setext {
                    "Uitwerking\n----------\n"
                } else {
                    "## Uitwerking\n\n"
                });
                write(long, &mut out);
            }
            out
        })
}

fn document() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        Just(FileKind::Principle),
        Just(FileKind::Case),
        Just(FileKind::Round)
    ]
    .prop_flat_map(|kind| {
        (
            Just(kind),
            entries(kind).prop_shuffle(),
            prop::collection::vec(prop::bool::weighted(0.2), 8),
            body(kind == FileKind::Principle),
            any::<bool>(),
            any::<bool>(),
        )
    })
    .prop_map(|(kind, entries, comments, body, crlf, bom)| {
        let path = match kind {
            FileKind::Principle => "manifest/principles/01-x.md",
            FileKind::Case => "cases/x.md",
            _ => "manifest/rounds/2020.md",
        };
        let mut text = String::from("---\n");
        for (i, entry) in entries.iter().enumerate() {
            if comments[i % comments.len()] {
                text.push_str(&format!("# opmerking {i}: zie “bron”\n"));
            }
            text.push_str(entry);
        }
        text.push_str("---\n");
        text.push_str(&body);
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        if bom {
            text.insert(0, '\u{feff}');
        }
        (path.to_string(), text)
    })
}

/// The model as the diff sees it: no positions, Markdown texts as their words.
fn by_words(m: &Manifest) -> String {
    let words = |s: &mut String| *s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut m = m.without_offsets();
    for p in &mut m.principles {
        words(&mut p.short_text);
        words(&mut p.elaboration);
    }
    for c in &mut m.cases {
        words(&mut c.story);
    }
    for r in &mut m.rounds {
        words(&mut r.body);
    }
    without_positions(&m)
}

/// Lines of Markdown of every kind, to be put together at random.
fn markdown_line() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "tekst",
        "- ",
        "* ",
        "1. ",
        "2) ",
        "> ",
        "    ",
        "  ",
        "\t",
        "```",
        "~~~",
        "# ",
        "## ",
        "#",
        "===",
        "---",
        "***",
        "*",
        "_",
        "`",
        "``",
        "<div>",
        "</div>",
        "<!-- x -->",
        "[a]: /u",
        "[a]",
        "[b](/c)",
        "\\",
        "|",
        "| a | b |",
        "|---|---|",
        "&amp;",
        "é",
        " ",
        "  ",
        "<pre>",
        "</pre>",
        "\r",
        "Uitwerking",
    ]);
    prop::collection::vec(piece, 0..5).prop_map(|p| p.concat())
}

fn front_matter_line() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "id: a",
        "titel: T",
        "uitgangspunt: p",
        "# c",
        "  # ingesprongen",
        "partijen:",
        "  - a",
        "  - b # b",
        "  # tussen",
        "sinds: 2015",
        "extra: 'x' # y",
        "lijst: [a, # c\n  b]",
        "tekst: |\n  # geen\n  regel",
        "",
        "kaart:\n  a: 1\n  # c\n  b: \"x # y\"",
        "anker: &a [x, y]",
        "alias: *a",
        "\"sleutel: met\": 1",
        "geneste:\n  - - a\n    - b",
        "leeg:",
        "tilde: ~ # niets",
        "  -",
        "kaarten: [{a: 1}, {b: [2, 3]}]",
        "---",
        "gevouwen: >\n  twee\n  regels",
        "getal: 0x1F",
        "nan: .nan",
        "datum: 2015-08-18",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_markdown_and_front_matter_formats_idempotently(
        front in prop::collection::vec(front_matter_line(), 0..8),
        body in prop::collection::vec(markdown_line(), 0..12),
    ) {
        let text = format!("---\n{}\n---\n{}\n", front.join("\n"), body.join("\n"));
        // Random keys may repeat or clash: then there is nothing to format.
        if let Some(out) = canonical("cases/a.md", &text) {
            let again = canonical("cases/a.md", &out);
            prop_assert_eq!(again.as_deref(), Some(out.as_str()), "{:?}\n=>\n{:?}", text, out);
            prop_assert_eq!(
                Reading::of("cases/a.md", &text),
                Reading::of("cases/a.md", &out)
            );
        }
    }

    #[test]
    fn generated_documents_format_idempotently_and_losslessly((path, text) in document()) {
        let before = load_all(&[(path.clone(), text.clone())]);
        prop_assert!(
            !before.findings.iter().any(|f| UNREADABLE.contains(&f.rule)),
            "{:?}\n{}", before.findings, text
        );
        let (out, mode) = format_file(&path, &text).expect("formattable");
        prop_assert_eq!(mode, Mode::Full, "{}\n=>\n{}", text, out);
        prop_assert_eq!(canonical(&path, &out), Some(out.clone()));
        let after = load_all(&[(path.clone(), out.clone())]);
        prop_assert_eq!(by_words(&before.manifest), by_words(&after.manifest));
        prop_assert_eq!(
            Reading::of(&path, &text).unwrap().comments,
            Reading::of(&path, &out).unwrap().comments
        );
        // The canonical shape: LF, no trailing spaces, one blank line, one line per paragraph.
        prop_assert!(!out.contains('\r') && !out.starts_with('\u{feff}'), "{:?}", out);
        prop_assert!(out.ends_with('\n') && !out.ends_with("\n\n") && !out.contains("\n\n\n"));
        // Trailing spaces only as the two of a hard line break.
        let (front, body) = out.split_at(out.find("\n---\n").unwrap() + 5);
        prop_assert!(front.lines().all(|l| l.trim_end() == l), "{}", out);
        prop_assert!(
            body.lines().all(|l| l.trim_end() == l
                || (l.ends_with("  ") && !l.ends_with("   ") && !l.trim().is_empty())),
            "{}", out
        );
        prop_assert!(
            !Parser::new(body).any(|e| matches!(e, Event::SoftBreak)),
            "{}", out
        );
    }
}

#[test]
fn old_keys_get_their_new_names_with_their_comments() {
    let text = "---\n# over de casus\nprinciple: p # het uitgangspunt\ntitle: T\nid: a\nactors: [x]\n---\nVerhaal.\n";
    let out = fmt("cases/a.md", text);
    assert_eq!(
        out,
        "---\nid: a\ntitel: T\n# over de casus\nuitgangspunt: p # het uitgangspunt\npartijen: [x]\n---\nVerhaal.\n"
    );
    let round =
        "---\nyear: 2015\nto: [G]\nsubject: S\nsignatories:\n  - name: K\n    role: V\n---\nB.\n";
    assert!(
        fmt("manifest/rounds/2015.md", round)
            .contains("ondertekening:\n  - naam: K\n    functie: V\n")
    );
    // Old beside new is a duplicate: not ours to choose, left alone.
    assert_eq!(
        canonical(
            "cases/a.md",
            "---\nid: a\ntitel: T\ntitle: U\nuitgangspunt: p\n---\nV.\n"
        ),
        None
    );
}
