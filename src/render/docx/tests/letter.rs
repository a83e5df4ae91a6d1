//! The letter: its sections, header and footer, optional fields and the house style.

use super::*;

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
