//! The redline as a whole: accepting every revision gives the new document and
//! rejecting every one the old, on samples and on the real manifest; a valid file.

use super::*;

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
