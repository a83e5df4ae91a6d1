//! Markdown texts as Word formatting.

use super::*;

#[test]
fn raw_html_stays_literal_text() {
    let (document, _) = parts(&sample());
    assert!(!document.contains("<script"));
    assert!(document.contains("&lt;script&gt;"));
    let texts = texts(&document);
    assert!(texts.contains(&r#"Mevrouw Jansen <script>alert("x")</script> tuiniert."#.to_string()));
    assert!(
        texts.contains(&"<script>alert(1)</script>".to_string()),
        "{texts:#?}"
    );
    // Inline HTML in a paragraph: shown as typed.
    let mut view = sample();
    view.principles[0].short_text = "Zie <b>dit</b>.".into();
    let (document, _) = parts(&view);
    assert!(
        paragraphs(&document)
            .iter()
            .any(|(_, t)| t == "Zie <b>dit</b>.")
    );
}

#[test]
fn markdown_becomes_word_formatting() {
    let mut view = sample();
    view.principles[0].elaboration = concat!(
        "Met *nadruk* en **vet**, [wet](https://wetten.overheid.nl/BWBR0035362?a=1&b=2) ",
        "en [relatief](../cases/x.md).\n\n",
        "- een\n- twee\n\n",
        "3. drie\n\n",
        "Café, naïef, “dubbel”, ‘enkel’ – streep.\u{c}\n",
    )
    .into();
    let xml = build_parts(&view).unwrap();
    let document = String::from_utf8(xml.document).unwrap();
    let rels = String::from_utf8(xml.document_rels).unwrap();
    assert!(document.contains(r#"<w:i /><w:iCs /></w:rPr><w:t xml:space="preserve">nadruk</w:t>"#));
    assert!(document.contains(r#"<w:b /><w:bCs /></w:rPr><w:t xml:space="preserve">vet</w:t>"#));
    assert_eq!(document.matches("<w:hyperlink").count(), 1);
    let link =
        &document[document.find("<w:hyperlink").unwrap()..document.find("</w:hyperlink>").unwrap()];
    assert!(
        link.contains(r#"<w:u w:val="single" />"#) && link.contains(">wet</w:t>"),
        "{link}"
    );
    assert!(
        rels.contains(r#"Target="https://wetten.overheid.nl/BWBR0035362?a=1&amp;b=2""#),
        "{rels}"
    );
    let texts = texts(&document);
    assert!(
        texts.contains(&"Met nadruk en vet, wet en relatief.".to_string()),
        "{texts:#?}"
    );
    assert!(texts.contains(&"•een".to_string()));
    assert!(texts.contains(&"•twee".to_string()));
    assert!(texts.contains(&"3.drie".to_string()));
    assert!(document.contains(r#"<w:ind w:left="357" w:right="0" w:hanging="357" />"#));
    // Dutch characters intact; the form feed (invalid in XML) dropped.
    assert!(
        texts.contains(&"Café, naïef, “dubbel”, ‘enkel’ – streep.".to_string()),
        "{texts:#?}"
    );
}

/// The cases are written ahead of the rest (`written`): their links are in the
/// package's relationships like any other, and no placeholder is left behind.
#[test]
fn links_in_cases_are_related_and_no_placeholder_is_left() {
    let mut view = sample();
    view.principles[0].cases[0].story =
        "Zie [de wet](https://wetten.overheid.nl/BWBR0035362) en [meer](https://example.org/b).\n"
            .into();
    let xml = build_parts(&view).unwrap();
    let document = String::from_utf8(xml.document).unwrap();
    let rels = String::from_utf8(xml.document_rels).unwrap();
    let ids: Vec<&str> = document
        .split(r#"<w:hyperlink r:id=""#)
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert!(ids.len() >= 2, "{document}");
    for id in ids {
        assert!(rels.contains(&format!(r#"Id="{id}""#)), "{id}: {rels}");
    }
    assert!(rels.contains("https://example.org/b"));
    assert!(!document.contains("kwaliteit-") && !document.contains("bookmark"));
    assert!(texts(&document).contains(&"Zie de wet en meer.".to_string()));
}

/// Many pieces are written in two halves at once: every case once, in order, and
/// every paragraph id once.
#[test]
fn a_large_document_written_in_halves_keeps_order_and_unique_ids() {
    let mut view = sample();
    let case = view.principles[0].cases[0].clone();
    view.principles[0].cases = (0..300)
        .map(|i| {
            let mut c = case.clone();
            c.id = format!("casus-{i}");
            c.heading = format!("Uit de praktijk: verhaal {i}");
            c.story = format!("Verhaal {i} met een [link](https://example.org/{i}).")
                .as_str()
                .into();
            c
        })
        .collect();
    let xml = build_parts(&view).unwrap();
    let document = String::from_utf8(xml.document).unwrap();
    let rels = String::from_utf8(xml.document_rels).unwrap();
    let texts = texts(&document);
    let headings: Vec<usize> = texts
        .iter()
        .filter_map(|t| t.strip_prefix("Uit de praktijk: verhaal ")?.parse().ok())
        .collect();
    assert_eq!(headings, (0..300).collect::<Vec<_>>());
    let ids: Vec<&str> = document
        .split(r#"w14:paraId=""#)
        .skip(1)
        .map(|s| &s[..8])
        .collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "paragraph ids used twice");
    for i in [0, 149, 150, 299] {
        assert!(rels.contains(&format!("https://example.org/{i}\"")), "{i}");
    }
    assert!(!document.contains("kwaliteit-") && !document.contains("bookmark"));
}
