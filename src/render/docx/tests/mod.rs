//! Tests of the Word document, by topic; `sample` is the view other formats test with too.

use super::xml::find;
use super::*;
use crate::analysis::matrix::{Column, Row};
use crate::render::{ChangesView, PrincipleView, SignatoryView};

mod letter;
mod package;
mod structure;
mod text;

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

/// XML's escapes undone (HTML's `&#39;` too, for the other formats' tests).
pub(crate) fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
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
