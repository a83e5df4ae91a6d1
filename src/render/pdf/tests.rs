//! The PDF backend on small documents: errors in Dutch, the logo's tagging, the
//! generator's guarantees. The real document is tested in tests/pdf.rs.

use super::*;

fn small() -> PdfDocument {
    PdfDocument {
        title: "Proef".into(),
        council: "Adviesraad".into(),
        date: Date {
            year: 2026,
            month: 3,
            day: 1,
        },
        style: HouseStyle::default(),
        parts: vec![Part::Blocks(vec![
            Block::Heading {
                level: 1,
                inlines: vec![Inline::Text("Kop".into())],
                outline: true,
            },
            Block::Paragraph(vec![Inline::Text("Tekst.".into())]),
        ])],
    }
}

#[test]
fn a_font_that_is_not_embedded_is_refused_in_dutch() {
    let mut doc = small();
    doc.style.font = "Comic Sans".into();
    let msg = compile(&doc).unwrap_err().to_string();
    assert!(
        msg.starts_with("het lettertype `Comic Sans` is niet beschikbaar; beschikbaar zijn:"),
        "{msg}"
    );
    assert!(msg.contains("Open Sans"), "{msg}");
    // Every embedded family is accepted, whatever its case.
    assert!(world::has_family("open sans"));
}

#[test]
fn a_logo_that_is_no_image_and_a_bad_colour_are_refused_in_dutch() {
    let mut doc = small();
    doc.style.logo = Some(Logo {
        bytes: b"geen plaatje".to_vec(),
        alt: Some("x".into()),
    });
    assert_eq!(compile(&doc).unwrap_err(), PdfError::LogoNotImage);
    // A PDF as logo would be an embedded PDF, which PDF/UA-1 forbids.
    doc.style.logo = Some(Logo {
        bytes: b"%PDF-1.7\n".to_vec(),
        alt: None,
    });
    assert_eq!(compile(&doc).unwrap_err(), PdfError::LogoNotImage);
    doc.style.logo = None;
    doc.style.primary = "blauw\"); panic(\"".into();
    let msg = compile(&doc).unwrap_err().to_string();
    assert!(msg.contains("geen geldige kleur"), "{msg}");
}

const LOGO_SVG: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20" viewBox="0 0 60 20"><rect width="20" height="20" fill="#154273"/></svg>"##;

#[test]
fn a_logo_with_alt_text_is_a_figure_and_without_is_decoration() {
    let mut doc = small();
    doc.style.logo = Some(Logo {
        bytes: LOGO_SVG.to_vec(),
        alt: Some("Logo van de adviesraad".into()),
    });
    doc.parts.insert(0, Part::Cover(Cover::default()));
    let pdf = lopdf::Document::load_mem(&compile(&doc).unwrap_or_else(|e| panic!("{e}"))).unwrap();
    let alt = pdf.objects.values().any(|o| {
        o.as_dict()
            .ok()
            .and_then(|d| d.get(b"Alt").ok())
            .and_then(|a| a.as_str().ok())
            == Some(&b"Logo van de adviesraad"[..])
    });
    assert!(alt, "alt text in the tag tree");
    doc.style.logo.as_mut().unwrap().alt = None;
    compile(&doc).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn headings_never_skip_a_level_and_nested_marks_still_compile() {
    let mut doc = small();
    let Part::Blocks(blocks) = &mut doc.parts[0] else {
        unreachable!()
    };
    blocks.push(Block::Heading {
        level: 4,
        inlines: vec![],
        outline: false,
    });
    // A strike inside an insertion, a link inside a deletion: PDF/UA-1 allows one
    // decoration per text, the generator keeps the outer one.
    blocks.push(Block::Paragraph(vec![
        Inline::Insert(vec![Inline::Strike(vec![Inline::Text("a".into())])]),
        Inline::Delete(vec![Inline::Link {
            url: "https://example.org".into(),
            inlines: vec![Inline::Text("b".into())],
        }]),
    ]));
    let source = typst_source(&doc).unwrap();
    assert!(
        source.contains("#heading(level: 2, outlined: false"),
        "{source}"
    );
    assert!(source.contains("(zonder titel)"));
    compile(&doc).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn links_other_than_web_and_mail_are_text() {
    let mut doc = small();
    doc.parts = vec![Part::Blocks(vec![Block::Paragraph(vec![
        Inline::Link {
            url: "javascript:alert(1)".into(),
            inlines: vec![Inline::Text("x".into())],
        },
        Inline::Link {
            url: "#uitwerking-a".into(),
            inlines: vec![Inline::Text("y".into())],
        },
    ])])];
    let source = typst_source(&doc).unwrap();
    assert!(!source.contains("#link("), "{source}");
}
