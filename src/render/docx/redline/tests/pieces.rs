//! Pieces both versions have: groups that cannot line up, a principle renamed.

use super::*;

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
