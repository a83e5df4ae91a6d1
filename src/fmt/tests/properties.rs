//! Property tests: generated front matter and Markdown format idempotently and
//! losslessly; old keys are renamed.

use super::*;

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
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut m = m.clone().without_offsets();
    for p in &mut m.principles {
        p.short_text = words(&p.short_text).into();
        p.elaboration = words(&p.elaboration).into();
    }
    for c in &mut m.cases {
        c.story = words(&c.story).into();
    }
    for r in &mut m.rounds {
        r.body = words(&r.body);
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
            // `fmt --check` makes one pass: it must tell what all of them tell.
            let once = formatted_once_of_readable("cases/a.md", &text);
            prop_assert_eq!(once.as_deref() == Some(text.as_str()), out == text);
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
        let (out, mode) = format_file(&path, &text, Readable::Unknown).expect("formattable");
        prop_assert_eq!(mode, Mode::Full, "{}\n=>\n{}", text, out);
        // What `fmt` uses for a file it loaded without errors gives the same.
        prop_assert_eq!(canonical_of_readable(&path, &text), Some(out.clone()));
        prop_assert_eq!(canonical_of_readable(&path, &out), Some(out.clone()));
        prop_assert_eq!(formatted_once_of_readable(&path, &out), Some(out.clone()));
        prop_assert_eq!(formatted_once_of_readable(&path, &text) == Some(text.clone()), out == text);
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
