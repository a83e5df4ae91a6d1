//! The document's order and structure: headings, parts, breaks, the cover and the matrix.

use super::*;

#[test]
fn headings_carry_the_documents_structure() {
    let (document, _) = parts(&sample());
    let got = headings(&document);
    let want = [
        ("Title", "Kwaliteitsmanifest Sociaal Domein"),
        ("Heading2", "Kwaliteitsmanifest Sociaal Domein"),
        ("Heading3", "1. De Almeerder centraal"),
        ("Heading2", "Uitwerking Kwaliteitsmanifest"),
        ("Heading3", "1. De Almeerder centraal"),
        ("Heading4", "Uit de praktijk: De tuin van mevrouw Jansen"),
        ("Heading2", "Bijlage: matrix"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(s, t)| (s.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_contents_list_every_heading_once_as_it_reads() {
    let mut view = sample();
    view.principles[0].heading = "1. Zorg & welzijn, ‘samen’ <nu> \"echt\" 'ja'".into();
    let (document, _) = parts(&view);
    let paragraphs = paragraphs(&document);
    let listed: Vec<(String, String)> = paragraphs
        .iter()
        .filter(|(style, _)| ["Heading1", "Heading2", "Heading3"].contains(&style.as_str()))
        .map(|(style, text)| (style.replace("Heading", ""), text.clone()))
        .collect();
    let entries: Vec<(String, String)> = paragraphs
        .iter()
        .filter(|(style, _)| style.starts_with("TOC") && style != "TOCHeading")
        .map(|(style, text)| (style.replace("TOC", ""), text.clone()))
        .collect();
    assert_eq!(entries, listed);
    // Escaped once: the entry reads as the heading, not as `&amp;`.
    assert_eq!(
        entries[1].1,
        "1. Zorg & welzijn, ‘samen’ <nu> \"echt\" 'ja'"
    );
}

#[test]
fn letter_and_texts_appear_in_order() {
    let (document, _) = parts(&sample());
    let texts = texts(&document);
    let pos = |t: &str| {
        texts
            .iter()
            .position(|x| x == t)
            .unwrap_or_else(|| panic!("{t:?} ontbreekt in {texts:#?}"))
    };
    // The letter comes first: sender, addressee, Datum before Betreft, then the text.
    assert_eq!(pos("Adviesraad Sociaal Domein Almere"), 0);
    assert!(
        pos("Aan college van Burgemeester en wethoudersGemeente Almere")
            < pos("Datum18 augustus 2015")
    );
    assert!(pos("Datum18 augustus 2015") < pos("BetreftOngevraagd advies"));
    assert!(
        pos("BetreftOngevraagd advies")
            < pos("BijlageMatrix: uitgangspunten en verantwoordelijkheden per partij")
    );
    assert!(pos("Geacht college,") < pos("Hierbij bieden wij u het manifest aan."));
    assert!(pos("Met hartelijke groet,") < pos("Klaas JongejanVoorzitter"));
    assert!(pos("Klaas JongejanVoorzitter") < pos("Kwaliteitsmanifest Sociaal Domein"));
    // The short text is stored once and rendered in the manifest and in the elaboration.
    let short = "De inwoner is klant én opdrachtgever.";
    assert_eq!(texts.iter().filter(|t| *t == short).count(), 2);
    // The parties of a case are the council's own labels, not text of the source.
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("Betrokken") || t.starts_with("Partijen:"))
    );
    assert!(
        pos("Overzicht van de uitgangspunten en de verantwoordelijkheden per partij.")
            > pos("Bijlage: matrix")
    );
}

#[test]
fn a_new_advice_lists_its_changes_after_the_letter() {
    let mut view = sample();
    view.changes = Some(ChangesView {
        title: "Wat is er veranderd sinds 18 augustus 2015".into(),
        sentences: vec![
            "Uitgangspunt 2 is herschreven.".into(),
            "*Geen* Markdown.".into(),
        ],
    });
    let (document, _) = parts(&view);
    let heads = headings(&document);
    assert_eq!(
        heads[1],
        (
            "Heading2".into(),
            "Wat is er veranderd sinds 18 augustus 2015".into()
        )
    );
    assert_eq!(heads[2].1, "Kwaliteitsmanifest Sociaal Domein");
    let texts = texts(&document);
    assert!(texts.contains(&"•Uitgangspunt 2 is herschreven.".to_string()));
    assert!(texts.contains(&"•*Geen* Markdown.".to_string()));
}

#[test]
fn breaks_before_the_parts_and_a_landscape_annex() {
    let (document, _) = parts(&sample());
    // The manifest and the elaboration; the letter and the annex by their sections.
    assert_eq!(document.matches("<w:pageBreakBefore />").count(), 2);
    // Three sections: the letter, the portrait manifest, the landscape annex as the last.
    assert_eq!(document.matches("<w:sectPr>").count(), 3);
    let last = &document[document.rfind("<w:sectPr>").unwrap()..];
    assert!(last.contains(r#"w:orient="landscape""#), "{last}");
    // (The contents name the annex before the section break too: look at the heading.)
    assert!(document.find("<w:sectPr>").unwrap() < document.rfind("Bijlage: matrix").unwrap());
}

#[test]
fn matrix_is_a_table_with_a_repeating_header_row() {
    let (document, _) = parts(&sample());
    assert_eq!(document.matches("<w:tbl>").count(), 1);
    let table = &document[document.find("<w:tbl>").unwrap()..document.find("</w:tbl>").unwrap()];
    let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("<w:tblHeader />"), "{}", rows[0]);
    assert!(!rows[1].contains("<w:tblHeader />"));
    assert_eq!(texts(rows[0]), ["Uitgangspunt", "Inwoners", "Gemeente"]);
    assert_eq!(
        texts(rows[1]),
        ["1. De Almeerder centraal", "actief meedenken", ""]
    );
    assert_eq!(rows[0].matches(r#"w:fill="D9D9D9""#).count(), 3);
    assert!(table.contains("<w:tblBorders>"));
    assert!(table.contains(r#"<w:sz w:val="16" />"#));
}

#[test]
fn view_without_letter_cases_or_actors_still_renders() {
    let mut view = sample();
    view.letter = None;
    view.principles[0].cases.clear();
    view.matrix.columns.clear();
    for row in &mut view.matrix.rows {
        row.cells.clear();
    }
    let (document, _) = parts(&view);
    let styles: Vec<String> = headings(&document).into_iter().map(|(s, _)| s).collect();
    assert_eq!(
        styles,
        [
            "Title", "Heading2", "Heading3", "Heading2", "Heading3", "Heading2"
        ]
    );
    assert!(document.contains("<w:tblHeader />"));
}

#[test]
fn cover_names_council_municipality_and_edition_before_the_contents() {
    let (document, _) = parts(&sample());
    let texts = texts(&document);
    let pos = |t: &str| texts.iter().position(|x| x.contains(t)).unwrap();
    assert!(pos("Gemeente Almere") < pos("Inhoud"));
    assert!(pos("Editie 2015, 18 augustus 2015") < pos("Inhoud"));
    assert!(
        document.contains(r#"TOC \o &quot;1-3&quot; \h \z \u"#)
            || document.contains(r#"TOC \o "1-3" \h \z \u"#)
    );
}

#[test]
fn matrix_columns_fit_their_longest_word() {
    let mut view = sample();
    view.matrix.rows[0].cells[1] = Some("regieverantwoordelijkheid".into());
    let widths = column_widths(&view.matrix, 15136);
    assert_eq!(widths.iter().sum::<usize>(), 15136);
    // 25 letters need more than a third of an equal share of the width.
    assert!(widths[2] > 25 * 75, "{widths:?}");
    assert!(widths[0] >= widths[1], "{widths:?}");
}
