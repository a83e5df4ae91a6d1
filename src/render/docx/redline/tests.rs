use roxmltree::{Document, Node};

use super::*;
use crate::analysis::matrix::{Column, Row};
use crate::render::docx::build_parts;
use crate::render::docx::tests::sample;
use crate::render::{CaseView, Edition, PrincipleView};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn rev() -> Revision {
    Revision {
        author: "ASD".into(),
        date: "2026-03-01T00:00:00Z".into(),
    }
}

fn is(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
}

fn child<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| is(c, name))
}

/// "Accept all" (or "reject all") applied to document.xml, then (style, text) of
/// every paragraph left: a row or a paragraph whose mark is deleted (inserted when
/// rejecting) goes; the text deleted (inserted) goes; the rest stays. The table of
/// contents is left out: Word recomputes it, and the redline shows the new one.
fn resolve(document: &str, accept: bool) -> Vec<(String, String)> {
    let doc = Document::parse(document).unwrap();
    let (gone, kept) = if accept {
        ("del", "ins")
    } else {
        ("ins", "del")
    };
    let mut out = Vec::new();
    for p in doc.descendants().filter(|n| is(n, "p")) {
        let row_gone = p
            .ancestors()
            .filter(|a| is(a, "tr"))
            .any(|tr| child(tr, "trPr").is_some_and(|pr| child(pr, gone).is_some()));
        let ppr = child(p, "pPr");
        let mark = ppr.and_then(|pr| child(pr, "rPr"));
        let mark_gone = mark.is_some_and(|r| child(r, gone).is_some());
        // A revision only ever has the other kind's mark beside it, never both.
        assert!(!(mark_gone && mark.is_some_and(|r| child(r, kept).is_some())));
        let mut text = String::new();
        for n in p.descendants() {
            let inside = |name: &str| n.ancestors().any(|a| is(&a, name));
            if inside(gone) && !is(&n, "rPr") && !n.ancestors().any(|a| is(&a, "rPr")) {
                continue;
            }
            if (is(&n, "t") || is(&n, "delText")) && !(is(&n, "delText") && accept) {
                text.push_str(n.text().unwrap_or(""));
            } else if n.parent().is_some_and(|r| is(&r, "r")) && is(&n, "tab") {
                text.push('\t');
            } else if n.parent().is_some_and(|r| is(&r, "r")) && is(&n, "br") {
                text.push('\n');
            }
        }
        if row_gone || mark_gone {
            // A paragraph that goes takes all its text along: nothing merges.
            assert_eq!(text, "", "a paragraph whose mark goes keeps text");
            continue;
        }
        let style = ppr
            .and_then(|pr| child(pr, "pStyle"))
            .and_then(|s| s.attribute((W, "val")))
            .unwrap_or("")
            .to_string();
        if style.starts_with("TOC") && style != "TOCHeading" {
            continue;
        }
        out.push((style, text));
    }
    out
}

fn document_of(xml: XMLDocx) -> String {
    String::from_utf8(xml.document).unwrap()
}

fn rendered(view: &View) -> Vec<(String, String)> {
    let doc = document_of(build_parts(view).unwrap());
    assert!(!doc.contains("<w:ins ") && !doc.contains("<w:del "));
    resolve(&doc, true)
}

fn principle(number: usize, id: &str, title: &str, short: &str) -> PrincipleView {
    PrincipleView {
        id: id.into(),
        number,
        title: title.into(),
        heading: format!("{number}. {title}"),
        short_text: short.into(),
        elaboration: "Een uitwerking met **nadruk** en een [link](https://example.org/a).".into(),
        cases: vec![],
        laws: vec![],
    }
}

fn row(number: usize, id: &str, title: &str, cells: &[Option<&str>]) -> Row {
    Row {
        id: id.into(),
        number,
        title: title.into(),
        cells: cells.iter().map(|c| c.map(String::from)).collect(),
    }
}

/// Old: principle 1 and a principle "oud"; new: principle 1 edited, "oud" removed,
/// a principle "nieuw" added with a case, a case story edited, a cell changed.
pub(crate) fn versions() -> (View, View) {
    let mut old = sample();
    old.principles.push(principle(
        2,
        "oud",
        "Oud uitgangspunt",
        "Dit verdwijnt straks.",
    ));
    old.matrix
        .rows
        .push(row(2, "oud", "Oud uitgangspunt", &[Some("weg"), None]));
    let mut new = sample();
    new.edition = Some(Edition::from_date("2026-03-01"));
    let p = &mut new.principles[0];
    p.short_text = "De inwoner is klant, en ook opdrachtgever.".into();
    p.cases[0].story = "Mevrouw Jansen tuiniert elke dag.\n\nEen nieuwe alinea.\n".into();
    let mut added = principle(2, "nieuw", "Nieuw uitgangspunt", "Dit is nieuw.");
    added.cases.push(CaseView {
        id: "nieuw-verhaal".into(),
        title: "Een nieuw verhaal".into(),
        heading: "Uit de praktijk: Een nieuw verhaal".into(),
        actors: vec!["Inwoners".into()],
        story: "Meneer De Vries belt de gemeente.".into(),
        laws: vec![],
    });
    new.principles.push(added);
    new.matrix.rows[0].cells[0] = Some("actief meedenken en meedoen".into());
    new.matrix.rows[0].cells[1] = Some("luisteren".into());
    new.matrix.rows.push(row(
        2,
        "nieuw",
        "Nieuw uitgangspunt",
        &[None, Some("nieuw werk")],
    ));
    (old, new)
}

#[test]
fn accept_all_gives_the_new_document_and_reject_all_the_old_one() {
    let (old, new) = versions();
    let doc = document_of(parts(&old, &new, &rev()).unwrap());
    let accepted = resolve(&doc, true);
    let rejected = resolve(&doc, false);
    assert_eq!(accepted, rendered(&new));
    assert_eq!(rejected, rendered(&old));
    assert_ne!(accepted, rejected);
    // Revisions of every kind, by the council.
    for needle in [
        "<w:ins ",
        "<w:del ",
        "<w:delText",
        r#"w:author="ASD""#,
        r#"w:date="2026-03-01T00:00:00Z""#,
    ] {
        assert!(doc.contains(needle), "{needle} ontbreekt");
    }
    let tree = Document::parse(&doc).unwrap();
    let marked = |kind: &str| {
        tree.descendants()
            .filter(|n| is(n, "pPr"))
            .filter(|pr| child(*pr, "rPr").is_some_and(|r| child(r, kind).is_some()))
            .count()
    };
    assert!(
        marked("ins") >= 7,
        "new principle and case as inserted paragraphs"
    );
    assert!(
        marked("del") >= 5,
        "removed principle as deleted paragraphs"
    );
    let mark_of = |words: &str| {
        let p = tree
            .descendants()
            .filter(|n| is(n, "p"))
            .find(|p| {
                p.descendants()
                    .any(|t| (is(&t, "t") || is(&t, "delText")) && t.text() == Some(words))
            })
            .unwrap_or_else(|| panic!("{words} ontbreekt"));
        let mark = child(child(p, "pPr").unwrap(), "rPr");
        ["ins", "del"]
            .into_iter()
            .find(|k| mark.is_some_and(|r| child(r, k).is_some()))
    };
    assert_eq!(mark_of("Meneer De Vries belt de gemeente."), Some("ins"));
    assert_eq!(mark_of("Uit de praktijk: Een nieuw verhaal"), Some("ins"));
    assert_eq!(mark_of("Dit verdwijnt straks."), Some("del"));
    assert_eq!(mark_of("Dit is nieuw."), Some("ins"));
    let rows = |kind: &str| {
        tree.descendants()
            .filter(|n| is(n, "trPr"))
            .filter(|pr| child(*pr, kind).is_some())
            .count()
    };
    assert_eq!(
        (rows("ins"), rows("del")),
        (1, 1),
        "a matrix row in, one out"
    );
    // A word-level change keeps the unchanged words as they are.
    let short = tree
        .descendants()
        .filter(|n| is(n, "p"))
        .find(|p| {
            p.descendants()
                .any(|t| is(&t, "t") && t.text() == Some("De inwoner is klant"))
        })
        .expect("the edited short text keeps its unchanged start");
    assert!(short.descendants().any(|n| is(&n, "ins")));
    assert!(short.descendants().any(|n| is(&n, "delText")));
}

#[test]
fn the_same_version_gives_no_revision_and_the_rendered_document() {
    let view = sample();
    let doc = document_of(parts(&view, &view, &rev()).unwrap());
    assert!(!doc.contains("<w:ins ") && !doc.contains("<w:del "));
    assert_eq!(resolve(&doc, true), rendered(&view));
}

#[test]
fn a_new_party_replaces_the_matrix_table_as_a_whole() {
    let old = sample();
    let mut new = sample();
    new.matrix.columns.push(Column {
        id: "zorg".into(),
        name: "Zorgaanbieders".into(),
        description: Some("Wie zorg geeft".into()),
    });
    new.matrix.rows[0].cells.push(Some("samenwerken".into()));
    let doc = document_of(parts(&old, &new, &rev()).unwrap());
    assert_eq!(resolve(&doc, true), rendered(&new));
    assert_eq!(resolve(&doc, false), rendered(&old));
}

#[test]
fn the_word_file_is_valid_and_in_schema_order() {
    let (old, new) = versions();
    let doc = document_of(parts(&old, &new, &rev()).unwrap());
    // The paragraph mark's revision first in its run properties (CT_ParaRPr).
    assert!(!doc.contains("<w:rPr><w:pStyle"));
    for chunk in doc.split("<w:rPr>").skip(1) {
        let end = chunk.find("</w:rPr>").unwrap_or(chunk.len());
        let inner = &chunk[..end];
        if let Some(at) = inner.find("<w:ins ").or_else(|| inner.find("<w:del ")) {
            assert_eq!(at, 0, "revision not first in <w:rPr>{inner}");
        }
    }
    // A row's revision after cantSplit and tblHeader (CT_TrPr).
    for chunk in doc.split("<w:trPr>").skip(1) {
        let inner = &chunk[..chunk.find("</w:trPr>").unwrap()];
        if let Some(at) = inner.find("<w:ins ").or_else(|| inner.find("<w:del ")) {
            assert!(
                inner.find("<w:cantSplit").is_some_and(|c| c < at),
                "{inner}"
            );
        }
    }
    assert!(render(&old, &new, &rev()).is_ok());
    // Paragraph ids are unique and in Word's range, though the two versions were
    // built on two threads that each number from 1.
    let ids: Vec<u32> = doc
        .split("w14:paraId=\"")
        .skip(1)
        .map(|rest| u32::from_str_radix(&rest[..8], 16).unwrap())
        .collect();
    let unique: std::collections::HashSet<&u32> = ids.iter().collect();
    assert!(ids.len() > 10 && unique.len() == ids.len(), "{ids:?}");
    assert!(ids.iter().all(|&id| id < 0x8000_0000), "{ids:?}");
}

/// The repository's own manifest, and a later version: a text reworded, two
/// principles swapped (moves), a case removed and one added, a cell changed.
#[test]
fn the_real_manifest_after_a_round_of_edits_accepts_and_rejects() {
    use crate::source::SourceFile;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = crate::source::read_worktree(root).unwrap().files;
    let edit = |path: &str, from: &str, to: &str, f: &mut SourceFile| {
        if f.path.ends_with(path) {
            let text = String::from_utf8(f.bytes.clone()).unwrap();
            assert!(text.contains(from), "{path}: {from}");
            f.bytes = text.replacen(from, to, 1).into_bytes();
        }
    };
    let mut later: Vec<SourceFile> = files
        .iter()
        .filter(|f| !f.path.ends_with("monitor-kwaliteit.md"))
        .cloned()
        .collect();
    for f in &mut later {
        let p = "02-leren-en-verbeteren.md";
        edit(p, "volgorde: 2", "volgorde: 3", f);
        edit(p, "Sociaal Domein is volop", "sociaal domein is steeds", f);
        edit(
            p,
            "het toezicht vooral uitvoeren",
            "het toezicht altijd uitvoeren",
            f,
        );
        edit("03-de-basis-op-orde.md", "volgorde: 3", "volgorde: 2", f);
    }
    later.push(SourceFile {
        path: "cases/een-nieuw-verhaal.md".into(),
        bytes: b"---\nid: een-nieuw-verhaal\ntitel: Een nieuw verhaal\nuitgangspunt: leren-en-verbeteren\npartijen: [professionals]\nsinds: 2026\n---\nEen consulent leert van een klacht & past de werkwijze aan.\n".to_vec(),
    });
    let old = View::from_manifest(&crate::load::load(&files).manifest);
    let new = View::from_manifest(&crate::load::load(&later).manifest);
    assert_ne!(old.principles[1].id, new.principles[1].id, "swapped");
    let doc = document_of(parts(&old, &new, &rev()).unwrap());
    assert_eq!(resolve(&doc, true), rendered(&new));
    assert_eq!(resolve(&doc, false), rendered(&old));
    assert!(doc.contains("Een consulent leert van een klacht &amp; past"));
}

/// A picture only the old version had is in a deleted paragraph: the file still
/// holds it, so Word can show it and reject the deletion.
#[test]
fn a_removed_picture_stays_in_the_file() {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    let url = crate::model::image::Image::from_bytes(PNG.to_vec())
        .unwrap()
        .data_url();
    let mut old = sample();
    old.principles[0].elaboration =
        format!("Iedereen heeft iets te geven.\n\n![Een tuin]({url})\n")
            .as_str()
            .into();
    let new = sample();
    let xml = parts(&old, &new, &rev()).unwrap();
    let doc = String::from_utf8(xml.document.clone()).unwrap();
    let rels = String::from_utf8(xml.document_rels.clone()).unwrap();
    let embeds: Vec<&str> = doc
        .split(r#"r:embed=""#)
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(embeds.len(), 1, "{doc}");
    for id in embeds {
        assert!(rels.contains(&format!(r#"Id="{id}""#)), "{id} {rels}");
    }
    assert_eq!(xml.media.len(), 1);
    assert_eq!(resolve(&doc, true), rendered(&new));
}

/// Two cases that read the same in both versions but changed places: one of their
/// groups cannot line up, so its paragraphs are built in both versions and marked.
#[test]
fn unchanged_cases_that_changed_places_are_tracked_and_no_group_is_left() {
    let (mut old, _) = versions();
    let mut other = old.principles[0].cases[0].clone();
    other.id = "ander-verhaal".into();
    other.heading = "Uit de praktijk: Een ander verhaal".into();
    other.story = "Meneer De Vries belt de gemeente.".into();
    old.principles[0].cases.push(other);
    let mut new = old.clone();
    new.principles[0].cases.reverse();
    let doc = document_of(parts(&old, &new, &rev()).unwrap());
    assert_eq!(resolve(&doc, true), rendered(&new));
    assert_eq!(resolve(&doc, false), rendered(&old));
    assert!(doc.contains("<w:ins ") && doc.contains("<w:del "));
    assert!(!doc.contains("kwaliteit-") && !doc.contains("bookmark"));
    // Unchanged, it is one group in both: the document as rendered, with no revision.
    let doc = document_of(parts(&old, &old, &rev()).unwrap());
    assert!(!doc.contains("<w:ins ") && !doc.contains("kwaliteit-"));
    assert_eq!(resolve(&doc, true), rendered(&old));
}

/// A principle renamed, its texts unchanged: its heading is part of its pieces, so
/// both pieces are compared paragraph by paragraph and the heading is marked word by
/// word, in the manifest and in the elaboration; the texts carry no revision.
#[test]
fn a_renamed_principle_is_marked_in_both_its_headings() {
    let old = sample();
    let mut new = old.clone();
    new.principles[0].heading = "1. De inwoner centraal".into();
    let doc = document_of(parts(&old, &new, &rev()).unwrap());
    assert_eq!(resolve(&doc, true), rendered(&new));
    assert_eq!(resolve(&doc, false), rendered(&old));
    let tree = Document::parse(&doc).unwrap();
    let marked: Vec<Node> = tree
        .descendants()
        .filter(|n| is(n, "p"))
        .filter(|p| p.descendants().any(|n| is(&n, "ins") || is(&n, "del")))
        .collect();
    assert_eq!(marked.len(), 2, "two headings, nothing else");
    for p in marked {
        let style = p
            .descendants()
            .find(|n| is(n, "pStyle"))
            .and_then(|s| s.attribute((W, "val")));
        assert_eq!(style, Some("Heading3"));
        let deleted: String = p
            .descendants()
            .filter(|n| is(n, "delText"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(deleted.trim(), "Almeerder");
    }
    // The contents are the new version's, in one piece: only there is the new name one text.
    assert_eq!(doc.matches(">1. De inwoner centraal</w:t>").count(), 2);
    assert!(!doc.contains("kwaliteit-"));
}

/// The matrix marked a row at a time is the matrix marked as two whole tables: a cell
/// changed, a row added and one removed, a row moved, a link in a cell.
#[test]
fn the_matrix_marked_row_by_row_is_the_table_marked_whole() {
    use crate::render::docx::matrix::matrix_table;
    let (mut old, mut new) = versions();
    old.matrix.rows[0].cells[1] = Some("zie [de wet](https://example.org/wet)".into());
    for (n, id) in ["a", "b", "c"].into_iter().enumerate() {
        let r = row(
            3 + n,
            id,
            &format!("Titel {id}"),
            &[Some("één"), Some("twee")],
        );
        old.matrix.rows.push(r.clone());
        new.matrix.rows.insert(0, r);
    }
    new.matrix.rows[1].cells[0] = Some("één, en drie".into());
    let marks = Marks {
        author: "ASD".into(),
        date: "2026-03-01T00:00:00Z".into(),
        old_rows: matrix_keys(&old),
        new_rows: matrix_keys(&new),
        paired: paired::Paired::between(&old, &new),
    };
    let mut by_row = Written::default();
    let n = align::changed_matrix(&old.matrix, &new.matrix, &marks, &mut by_row)
        .expect("the same parties");
    let mut whole = Written::default();
    let marked = align::changed_table(matrix_table(&old.matrix), matrix_table(&new.matrix), &marks);
    let m = whole.add(marked);
    // Revision and link ids are numbered as docx-rs makes them: left out.
    let plain = |xml: &[u8]| {
        let xml = String::from_utf8(xml.to_vec()).unwrap();
        let mut out = String::new();
        for (i, part) in xml.split(r#"id=""#).enumerate() {
            out.push_str(if i == 0 {
                part
            } else {
                &part[part.find('"').unwrap() + 1..]
            });
        }
        out
    };
    let (a, b) = (plain(by_row.xml_of(n)), plain(whole.xml_of(m)));
    assert_eq!(a, b);
    assert!(a.contains("<w:ins ") && a.contains("<w:del ") && a.contains("één, en drie"));
    // Another set of parties cannot be marked row by row: the table is replaced whole.
    let mut fewer = new.matrix.clone();
    fewer.columns.pop();
    assert_eq!(
        align::changed_matrix(&old.matrix, &fewer, &marks, &mut Written::default()),
        None
    );
}

/// A sentence with a link added to a paragraph that has a link: marked word by word,
/// both links kept as links, and no paragraph deleted and inserted whole.
#[test]
fn a_paragraph_with_links_is_marked_word_by_word() {
    let mut old = sample();
    old.principles[0].cases[0].story =
        "Mevrouw Jansen leest [de wet](https://example.org/wet) en tuiniert.".into();
    let mut new = old.clone();
    new.principles[0].cases[0].story = concat!(
        "Mevrouw Jansen leest [de nieuwe wet](https://example.org/wet) en tuiniert. ",
        "Zie ook [meer](https://example.org/meer).",
    )
    .into();
    let xml = parts(&old, &new, &rev()).unwrap();
    let doc = String::from_utf8(xml.document.clone()).unwrap();
    assert_eq!(resolve(&doc, true), rendered(&new));
    assert_eq!(resolve(&doc, false), rendered(&old));
    let tree = Document::parse(&doc).unwrap();
    let whole = tree
        .descendants()
        .filter(|n| is(n, "pPr"))
        .filter(|pr| {
            child(*pr, "rPr")
                .is_some_and(|r| child(r, "del").is_some() || child(r, "ins").is_some())
        })
        .count();
    assert_eq!(whole, 0, "no paragraph replaced whole: {doc}");
    let inserted_in_link = tree.descendants().filter(|n| is(n, "hyperlink")).any(|h| {
        h.descendants().any(|t| {
            is(&t, "t")
                && t.text().map(str::trim) == Some("nieuwe")
                && t.ancestors().any(|a| is(&a, "ins"))
        })
    });
    assert!(inserted_in_link, "the inserted word stays inside its link");
    let rels = String::from_utf8(xml.document_rels).unwrap();
    for id in doc
        .split(r#"<w:hyperlink r:id=""#)
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
    {
        assert!(rels.contains(&format!(r#"Id="{id}""#)), "{id}");
    }
    assert!(rels.contains("https://example.org/meer"));
}

/// A deleted word before an unchanged one, where only the old text has the space
/// between them: the deletion takes the space along, and a wide character after it
/// is not cut (found by the `diff` fuzzer).
#[test]
fn a_word_deleted_before_the_new_start_takes_its_space_along() {
    for (old_story, new_story) in [
        ("n verbeteren\u{301d}\nk", "verbeteren\u{301d}"),
        ("n verbeterenx k", "verbeterenx"),
    ] {
        let mut old = sample();
        old.principles[0].cases[0].story = old_story.into();
        let mut new = old.clone();
        new.principles[0].cases[0].story = new_story.into();
        let doc = document_of(parts(&old, &new, &rev()).unwrap());
        assert_eq!(resolve(&doc, true), rendered(&new), "{old_story:?}");
        assert_eq!(resolve(&doc, false), rendered(&old), "{old_story:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Whatever words change in a story, accepting every revision gives the new
    /// document and rejecting every one the old.
    #[test]
    fn any_edit_of_a_story_accepts_and_rejects(
        old_words in proptest::collection::vec(word(), 1..8),
        new_words in proptest::collection::vec(word(), 1..8),
    ) {
        let mut old = sample();
        old.principles[0].cases[0].story = old_words.concat().as_str().into();
        let mut new = old.clone();
        new.principles[0].cases[0].story = new_words.concat().as_str().into();
        let doc = document_of(parts(&old, &new, &rev()).unwrap());
        proptest::prop_assert_eq!(resolve(&doc, true), rendered(&new));
        proptest::prop_assert_eq!(resolve(&doc, false), rendered(&old));
    }
}

/// A word with what may stand around it: a space, a line end or nothing before it,
/// punctuation, a character of more than one byte.
fn word() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    (
        prop::sample::select(vec!["", " ", "\n"]),
        prop::sample::select(vec![
            "n",
            "k",
            "de",
            "verbeteren\u{301d}",
            "é",
            "x.",
            "(a",
            "b)",
            "‘zo’",
        ]),
    )
        .prop_map(|(before, w)| format!("{before}{w}"))
}
