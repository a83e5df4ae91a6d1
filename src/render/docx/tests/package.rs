//! The package around the document: styles, properties, the docx-rs patches, size and speed.

use super::*;

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
fn patches_fail_loudly_when_docx_rs_output_changes() {
    assert!(insert_before(b"<w:styles/>", "</w:rPr></w:rPrDefault>", "x").is_err());
    assert!(mark_header_row(b"<w:document/>".to_vec()).is_err());
    // A table whose first row lacks the anchor must not get a later row marked.
    let xml =
        b"<w:tbl><w:tr><w:trPr /></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
    assert!(mark_header_row(xml.to_vec()).is_err());
}

/// The first row of every table is marked to repeat, and nothing else moves.
#[test]
fn every_table_gets_its_header_row_marked() {
    let row = |n: &str| format!("<w:tr><w:trPr><w:cantSplit /></w:trPr><w:t>{n}</w:t></w:tr>");
    let table = |a: &str, b: &str| format!("<w:tbl>{}{}</w:tbl>", row(a), row(b));
    let xml = format!(
        "<w:body>{}<w:p/>{}<w:p/></w:body>",
        table("a", "b"),
        table("c", "d")
    );
    let marked = String::from_utf8(mark_header_row(xml.into_bytes()).unwrap()).unwrap();
    let header = |n: &str| {
        format!("<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr><w:t>{n}</w:t></w:tr>")
    };
    assert_eq!(
        marked,
        format!(
            "<w:body><w:tbl>{}{}</w:tbl><w:p/><w:tbl>{}{}</w:tbl><w:p/></w:body>",
            header("a"),
            row("b"),
            header("c"),
            row("d")
        )
    );
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

/// The file `render --format docx` streams is the file `render` makes in memory.
#[test]
fn the_streamed_file_is_the_packed_one() {
    use crate::render::DocumentFormat;
    let view = sample();
    let templates = crate::render::templates::Templates::load(&[]).unwrap();
    let mut streamed = Cursor::new(Vec::new());
    Word.rendered(&view, &templates)
        .unwrap()
        .write_to(&mut streamed)
        .unwrap();
    assert_eq!(streamed.into_inner(), render(&view).unwrap());
}
