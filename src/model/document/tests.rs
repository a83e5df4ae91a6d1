use super::*;

fn kinds(doc: &Document) -> Vec<&'static str> {
    let mut out = Vec::new();
    visit_blocks(&doc.blocks, &mut |b| {
        out.push(match b.kind {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph(_) => "paragraph",
            BlockKind::List { .. } => "list",
            BlockKind::Quote(_) => "quote",
            BlockKind::Code { .. } => "code",
            BlockKind::Table { .. } => "table",
            BlockKind::ThematicBreak => "break",
            BlockKind::Html(_) => "html",
        })
    });
    out
}

#[test]
fn every_construct_becomes_a_node_with_its_range_in_the_file() {
    let text =
        "# Kop\n\n- a\n- b\n\n> c\n\n```rust\nx\n```\n\n| a |\n|---|\n| 1 |\n\n---\n\n<div>\n";
    let doc = Document::parse(text, 100);
    assert_eq!(
        kinds(&doc),
        [
            "heading",
            "list",
            "paragraph",
            "paragraph",
            "quote",
            "paragraph",
            "code",
            "table",
            "break",
            "html"
        ]
    );
    let heading = &doc.blocks[0];
    assert_eq!(heading.span, 100..106);
    assert!(matches!(&heading.kind, BlockKind::Heading { anchor, .. } if anchor == "kop"));
    assert!(matches!(
        &doc.blocks[1].kind,
        BlockKind::List {
            tight: true,
            ordered: false,
            ..
        }
    ));
}

#[test]
fn raw_html_is_inert_text() {
    let doc = Document::parse("Hallo <b>x</b>.\n", 0);
    let BlockKind::Paragraph(inlines) = &doc.blocks[0].kind else {
        panic!("{doc:?}");
    };
    assert!(matches!(&inlines[1].kind, InlineKind::Html(h) if h == "<b>"));
}

#[test]
fn bare_addresses_become_links_but_are_not_link_checked() {
    let text =
        "Zie https://wetten.overheid.nl/BWBR0035362. En (http://x.nl) maar niet xhttps://y.nl.";
    let doc = Document::parse(text, 0);
    let mut links = Vec::new();
    doc.visit_inlines(&mut |i| {
        if let InlineKind::Link { target, bare, .. } = &i.kind {
            links.push((target.clone(), *bare, text[i.span.clone()].to_string()));
        }
    });
    assert_eq!(
        links,
        [
            (
                "https://wetten.overheid.nl/BWBR0035362".to_string(),
                true,
                "https://wetten.overheid.nl/BWBR0035362".to_string()
            ),
            ("http://x.nl".to_string(), true, "http://x.nl".to_string()),
        ]
    );
    assert!(doc.links().is_empty());
    assert_eq!(doc.all_links().len(), 2);
}

#[test]
fn normalized_trees_ignore_wrapping_and_offsets() {
    let a = Document::parse("Een zin\ndie doorloopt *met   nadruk*.\n", 0);
    let b = Document::parse("\n\nEen zin die doorloopt *met nadruk*.", 7);
    assert_ne!(a, b);
    assert_eq!(a.normalized(), b.normalized());
    let c = Document::parse("Een zin die doorloopt **met nadruk**.", 0);
    assert_ne!(a.normalized(), c.normalized());
}

#[test]
fn split_at_a_heading() {
    let text = "Kort.\n\n## Uitwerking\n\nLang.\n";
    let doc = Document::parse(text, 0);
    let h = doc.headings()[0].span.clone();
    let (before, after) = doc.split_at(h.start, h.end);
    assert_eq!(before.blocks.len(), 1);
    assert_eq!(&text[after.blocks[0].span.clone()], "Lang.\n");
}

proptest::proptest! {
    /// Leaving a text as it is when it has no run of white space gives what collapsing
    /// it gives, for every text (spaces, tabs, line ends and Unicode spaces mixed in).
    #[test]
    fn collapsing_in_place_is_collapsing(
        s in "[ a\t\n\r\u{1}\u{b}\u{c}\u{85}\u{a0}\u{a9}\u{1680}\u{1780}\u{2003}\u{2013}\u{2028}\u{202f}\u{3000}\u{3001}é]{0,12}"
    ) {
        let mut t = s.clone();
        collapse_in_place(&mut t);
        proptest::prop_assert_eq!(t, collapse(&s));
        proptest::prop_assert_eq!(settled(&s), settled_by_character(&s));
    }
}
