use super::xml::find;
use super::*;
use crate::analysis::matrix::{Column, Row};
use crate::render::{ChangesView, PrincipleView, SignatoryView};

pub(crate) fn sample() -> View {
    View {
        changes: None,
        response: None,
        title: "Kwaliteitsmanifest Sociaal Domein".into(),
        elaboration_title: "Uitwerking Kwaliteitsmanifest".into(),
        matrix_intro: crate::render::DEFAULT_MATRIX_INTRO.into(),
        council: "Adviesraad Sociaal Domein Almere".into(),
        council_short: Some("ASD".into()),
        municipality: "Almere".into(),
        address: vec![],
        email: None,
        website: None,
        house: Default::default(),
        edition: Some(crate::render::Edition::from_date("2015-08-18")),
        letter: Some(Letter {
            to: vec![
                "college van Burgemeester en wethouders".into(),
                "Gemeente Almere".into(),
            ],
            subject: "Ongevraagd advies".into(),
            date: Some("18 augustus 2015".into()),
            reference: None,
            annexes: vec![crate::render::MATRIX_ANNEX.into()],
            contact: None,
            meta: vec![],
            salutation: Some("Geacht college,".into()),
            body: "Hierbij bieden wij u het manifest aan.".into(),
            closing: Some("Met hartelijke groet,".into()),
            signatories: vec![SignatoryView {
                name: "Klaas Jongejan".into(),
                role: Some("Voorzitter".into()),
            }],
            partners: vec![],
        }
        .with_meta()),
        principles: vec![PrincipleView {
            id: "de-almeerder-centraal".into(),
            number: 1,
            title: "De Almeerder centraal".into(),
            heading: "1. De Almeerder centraal".into(),
            short_text: "De inwoner is klant én opdrachtgever.".into(),
            elaboration: "Iedereen heeft iets te geven.".into(),
            cases: vec![CaseView {
                id: "tuin".into(),
                title: "De tuin van mevrouw Jansen".into(),
                heading: "Uit de praktijk: De tuin van mevrouw Jansen".into(),
                actors: vec!["Inwoners".into(), "Professionals".into()],
                story: "Mevrouw Jansen <script>alert(\"x\")</script> tuiniert.\n\n<script>\nalert(1)\n</script>\n".into(),
                laws: vec![],
            }],
            laws: vec![],
        }],
        matrix: Matrix {
            columns: vec![
                Column {
                    id: "inwoners".into(),
                    name: "Inwoners".into(),
                    description: None,
                },
                Column {
                    id: "gemeente".into(),
                    name: "Gemeente".into(),
                    description: None,
                },
            ],
            rows: vec![Row {
                id: "de-almeerder-centraal".into(),
                number: 1,
                title: "De Almeerder centraal".into(),
                cells: vec![Some("actief meedenken".into()), None],
            }],
        },
    }
}

fn parts(view: &View) -> (String, String) {
    let xml = build_parts(view).unwrap();
    (
        String::from_utf8(xml.document).unwrap(),
        String::from_utf8(xml.styles).unwrap(),
    )
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// (style id, text) of every paragraph, in order.
fn paragraphs(document: &str) -> Vec<(String, String)> {
    document
        .split("<w:p ")
        .skip(1)
        .map(|chunk| {
            let p = &chunk[..chunk.find("</w:p>").unwrap_or(chunk.len())];
            let style = p
                .split_once(r#"<w:pStyle w:val=""#)
                .and_then(|(_, rest)| rest.split_once('"'))
                .map_or(String::new(), |(s, _)| s.to_string());
            let text = p
                .split(r#"<w:t xml:space="preserve">"#)
                .skip(1)
                .map(|t| unescape(&t[..t.find("</w:t>").unwrap()]))
                .collect();
            (style, text)
        })
        .collect()
}

fn headings(document: &str) -> Vec<(String, String)> {
    paragraphs(document)
        .into_iter()
        // The cover's title is the document's level-1 heading.
        .filter(|(style, _)| style.starts_with("Heading") || style == "Title")
        .collect()
}

fn texts(document: &str) -> Vec<String> {
    paragraphs(document).into_iter().map(|(_, t)| t).collect()
}

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
fn styles_define_headings_and_dutch() {
    let (_, styles) = parts(&sample());
    for level in 1..=5 {
        let start = styles
            .find(&format!(r#"w:styleId="Heading{level}""#))
            .unwrap_or_else(|| panic!("Heading{level} ontbreekt"));
        let style = &styles[start..start + styles[start..].find("</w:style>").unwrap()];
        assert!(style.contains(&format!(r#"<w:name w:val="heading {level}" />"#)));
        assert!(style.contains(&format!(r#"<w:outlineLvl w:val="{}" />"#, level - 1)));
    }
    let defaults =
        &styles[styles.find("<w:rPrDefault>").unwrap()..styles.find("</w:rPrDefault>").unwrap()];
    assert!(defaults.contains(r#"<w:lang w:val="nl-NL""#), "{defaults}");
}

#[test]
fn core_properties_name_title_author_and_language() {
    let xml = build_parts(&sample()).unwrap();
    let core = String::from_utf8(xml.doc_props.core).unwrap();
    assert!(core.contains("<dc:title>Kwaliteitsmanifest Sociaal Domein</dc:title>"));
    assert!(core.contains("<dc:creator>Adviesraad Sociaal Domein Almere</dc:creator>"));
    assert!(core.contains("<dc:language>nl-NL</dc:language>"));
}

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
fn patches_fail_loudly_when_docx_rs_output_changes() {
    assert!(insert_before(b"<w:styles/>", "</w:rPr></w:rPrDefault>", "x").is_err());
    assert!(mark_header_row(b"<w:document/>").is_err());
    // A table whose first row lacks the anchor must not get a later row marked.
    let xml =
        b"<w:tbl><w:tr><w:trPr /></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
    assert!(mark_header_row(xml).is_err());
}

#[test]
fn render_gives_a_docx_package() {
    let bytes = render(&sample()).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    for part in [
        "word/document.xml",
        "word/styles.xml",
        "docProps/core.xml",
        "[Content_Types].xml",
    ] {
        assert!(find(&bytes, part, 0).is_some(), "{part} ontbreekt");
    }
}

#[test]
fn the_real_manifest_renders() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let snapshot = crate::source::read_worktree(root).unwrap();
    let view = View::from_manifest(&crate::load::load(&snapshot.files).manifest);
    let started = std::time::Instant::now();
    let bytes = render(&view).unwrap();
    eprintln!(
        "echt manifest: {:?}, {} bytes",
        started.elapsed(),
        bytes.len()
    );
    let (document, _) = parts(&view);
    let numbered = headings(&document)
        .iter()
        .filter(|(s, _)| s == "Heading3")
        .count();
    assert_eq!(numbered, 2 * view.principles.len());
    assert_eq!(document.matches("<w:tblHeader />").count(), 1);
}

/// Speed and memory on a big synthetic manifest:
/// `cargo test --release -- --ignored big_manifest --nocapture`.
#[test]
#[ignore]
fn big_manifest_renders_quickly() {
    let mut view = sample();
    let story = "De inwoner van Almere is zowel klant als opdrachtgever van de gemeente, met *passie* en **professionaliteit**. "
        .repeat(5);
    let principle = view.principles[0].clone();
    view.principles = (1..=1000)
        .map(|number| PrincipleView {
            number,
            cases: (0..10)
                .map(|i| CaseView {
                    title: format!("Casus {number}.{i}"),
                    story: story.as_str().into(),
                    ..principle.cases[0].clone()
                })
                .collect(),
            ..principle.clone()
        })
        .collect();
    let row = view.matrix.rows[0].clone();
    view.matrix.rows = (1..=1000)
        .map(|number| Row {
            number,
            ..row.clone()
        })
        .collect();
    let started = std::time::Instant::now();
    let bytes = render(&view).unwrap();
    let took = started.elapsed();
    eprintln!(
        "1000 uitgangspunten, 10000 casussen: {took:?}, {} bytes",
        bytes.len()
    );
    assert!(took.as_secs_f64() < 3.0);
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
fn the_closing_keeps_with_the_letters_last_lines() {
    let (document, _) = parts(&sample());
    let paragraph = |text: &str| {
        let at = document.find(text).unwrap();
        let start = document[..at].rfind("<w:p ").unwrap();
        document[start..at].to_string()
    };
    for text in [
        "Hierbij bieden wij u het manifest aan.",
        "Met hartelijke groet,",
    ] {
        assert!(paragraph(text).contains("<w:keepNext />"), "{text}");
    }
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

/// The `<w:sectPr>` elements, in order.
fn sections(document: &str) -> Vec<String> {
    document
        .split("<w:sectPr>")
        .skip(1)
        .map(|c| c[..c.find("</w:sectPr>").unwrap()].to_string())
        .collect()
}

fn reference(section: &str, kind: &str, which: &str) -> Option<String> {
    let tag = format!(r#"<w:{kind}Reference w:type="{which}" r:id=""#);
    let at = section.find(&tag)? + tag.len();
    Some(section[at..at + section[at..].find('"')?].to_string())
}

#[test]
fn the_letter_has_page_numbers_and_the_cover_no_header_or_footer() {
    let (document, _) = parts(&sample());
    let s = sections(&document);
    let [letter, manifest, annex] = &s[..] else {
        panic!("{s:?}")
    };
    // The letter: the page number footer of every page, a header that is empty.
    let footer = reference(annex, "footer", "default").unwrap();
    let running = reference(annex, "header", "default").unwrap();
    let empty = reference(annex, "header", "first").unwrap();
    assert_ne!(running, empty);
    assert_eq!(reference(letter, "footer", "default"), Some(footer.clone()));
    assert_eq!(reference(letter, "header", "default"), Some(empty.clone()));
    assert!(!letter.contains("<w:titlePg"), "{letter}");
    // The manifest's first page is the cover: a title page with the empty ones.
    assert!(manifest.contains("<w:titlePg"), "{manifest}");
    assert_eq!(reference(manifest, "header", "first"), Some(empty));
    assert_eq!(reference(manifest, "header", "default"), Some(running));
    assert_eq!(reference(manifest, "footer", "default"), Some(footer));
    assert!(!annex.contains("<w:titlePg"), "{annex}");
}

#[test]
fn optional_letter_fields_leave_no_empty_line_and_given_ones_show() {
    let (document, _) = parts(&sample());
    let plain = texts(&document);
    assert!(!plain.iter().any(|t| t.starts_with("Ons kenmerk")));
    assert!(!plain.iter().any(|t| t.starts_with("Contactpersoon")));

    let mut view = sample();
    let mut letter = view.letter.take().unwrap();
    letter.reference = Some("ASD-2015-07".into());
    letter.annexes.push("Verslag".into());
    letter.contact = Some(crate::render::ContactView {
        name: "J. de Vries".into(),
        phone: Some("036 000 00 00".into()),
        email: None,
    });
    view.letter = Some(letter.with_meta());
    view.address = vec!["Stadhuisplein 1".into(), "1315 HR Almere".into()];
    let (document, _) = parts(&view);
    let texts = texts(&document);
    let pos = |t: &str| {
        texts
            .iter()
            .position(|x| x == t)
            .unwrap_or_else(|| panic!("{t:?} in {texts:#?}"))
    };
    assert_eq!(
        pos("Adviesraad Sociaal Domein AlmereStadhuisplein 11315 HR Almere"),
        0
    );
    assert!(pos("Datum18 augustus 2015") < pos("Ons kenmerkASD-2015-07"));
    assert!(pos("Ons kenmerkASD-2015-07") < pos("BetreftOngevraagd advies"));
    assert!(
        pos("BetreftOngevraagd advies")
            < pos("BijlagenMatrix: uitgangspunten en verantwoordelijkheden per partijVerslag")
    );
    assert!(pos("ContactpersoonJ. de Vries, 036 000 00 00") < pos("Geacht college,"));
}

#[test]
fn the_councils_font_and_colour_go_into_the_styles() {
    let mut view = sample();
    view.house.font = Some("Noto Sans".into());
    view.house.colour = Some("#0b5d3b".into());
    let (_, styles) = parts(&view);
    assert!(styles.contains(r#"w:ascii="Noto Sans""#), "{styles}");
    assert!(styles.contains(r#"<w:color w:val="0B5D3B" />"#));
    assert!(!styles.contains(r#"<w:color w:val="154273" />"#));
}

#[test]
fn a_png_logo_is_a_picture_at_the_top_of_the_letter() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\xf0\0\0\0\x50".to_vec();
    let mut view = sample();
    view.house.logo = Some(crate::render::LogoView {
        alt: "Logo Adviesraad Sociaal Domein Almere".into(),
        mime: "image/png",
        bytes: std::sync::Arc::new(png.clone()),
        size: Some((240, 80)),
    });
    let xml = build_parts(&view).unwrap();
    assert_eq!(xml.media.len(), 1);
    assert_eq!(xml.media[0].1, png);
    let document = String::from_utf8(xml.document).unwrap();
    let picture = document.find("<wp:inline").expect("een plaatje");
    assert!(picture < document.find("Adviesraad Sociaal Domein Almere").unwrap());
    assert!(
        document
            .contains(r#"name="Afbeelding 1" descr="Logo Adviesraad Sociaal Domein Almere" />"#)
    );
    assert!(!document.contains(r#"name="Figure""#));
    // 4 cm wide (the height follows the picture's own proportion, 1:3).
    assert!(
        document.contains(r#"<wp:extent cx="1440000" cy="480000" />"#),
        "{document}"
    );

    let types = String::from_utf8(xml.content_type).unwrap();
    assert!(!types.contains(r#"PartName="/word/media"#), "{types}");

    // A JPEG keeps its bytes; the package says what it is, whatever docx-rs named it.
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 2];
    let logo = view.house.logo.as_mut().unwrap();
    logo.mime = "image/jpeg";
    logo.bytes = std::sync::Arc::new(jpeg.clone());
    let xml = build_parts(&view).unwrap();
    assert_eq!(xml.media.len(), 1);
    assert_eq!(xml.media[0].1, jpeg);
    let types = String::from_utf8(xml.content_type).unwrap();
    let part = format!(
        r#"<Override PartName="/word/media/{}.png" ContentType="image/jpeg" />"#,
        xml.media[0].0
    );
    assert!(types.contains(&part), "{types}");
    // Without a size the file says, there is no picture rather than a wrong one.
    view.house.logo.as_mut().unwrap().size = None;
    assert!(build_parts(&view).unwrap().media.is_empty());
}
