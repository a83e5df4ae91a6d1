//! The Word redline's tests, by topic; the versions and helpers they share.

use roxmltree::{Document, Node};

use super::*;
use crate::analysis::matrix::{Column, Row};
use crate::render::docx::build_parts;
use crate::render::docx::tests::sample;
use crate::render::{CaseView, Edition, PrincipleView};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn rev() -> Revision {
    Revision {
        author: "ASD".into(),
        date: "2026-03-01T00:00:00Z".into(),
    }
}

fn is(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
}

fn child<'a>(n: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    n.children().find(|c| is(c, name))
}

/// "Accept all" (or "reject all") applied to document.xml, then (style, text) of
/// every paragraph left: a row or a paragraph whose mark is deleted (inserted when
/// rejecting) goes; the text deleted (inserted) goes; the rest stays. The table of
/// contents is left out: Word recomputes it, and the redline shows the new one.
fn resolve(document: &str, accept: bool) -> Vec<(String, String)> {
    let doc = Document::parse(document).unwrap();
    let (gone, kept) = if accept {
        ("del", "ins")
    } else {
        ("ins", "del")
    };
    let mut out = Vec::new();
    for p in doc.descendants().filter(|n| is(n, "p")) {
        let row_gone = p
            .ancestors()
            .filter(|a| is(a, "tr"))
            .any(|tr| child(tr, "trPr").is_some_and(|pr| child(pr, gone).is_some()));
        let ppr = child(p, "pPr");
        let mark = ppr.and_then(|pr| child(pr, "rPr"));
        let mark_gone = mark.is_some_and(|r| child(r, gone).is_some());
        // A revision only ever has the other kind's mark beside it, never both.
        assert!(!(mark_gone && mark.is_some_and(|r| child(r, kept).is_some())));
        let mut text = String::new();
        for n in p.descendants() {
            let inside = |name: &str| n.ancestors().any(|a| is(&a, name));
            if inside(gone) && !is(&n, "rPr") && !n.ancestors().any(|a| is(&a, "rPr")) {
                continue;
            }
            if (is(&n, "t") || is(&n, "delText")) && !(is(&n, "delText") && accept) {
                text.push_str(n.text().unwrap_or(""));
            } else if n.parent().is_some_and(|r| is(&r, "r")) && is(&n, "tab") {
                text.push('\t');
            } else if n.parent().is_some_and(|r| is(&r, "r")) && is(&n, "br") {
                text.push('\n');
            }
        }
        if row_gone || mark_gone {
            // A paragraph that goes takes all its text along: nothing merges.
            assert_eq!(text, "", "a paragraph whose mark goes keeps text");
            continue;
        }
        let style = ppr
            .and_then(|pr| child(pr, "pStyle"))
            .and_then(|s| s.attribute((W, "val")))
            .unwrap_or("")
            .to_string();
        if style.starts_with("TOC") && style != "TOCHeading" {
            continue;
        }
        out.push((style, text));
    }
    out
}

fn document_of(xml: XMLDocx) -> String {
    String::from_utf8(xml.document).unwrap()
}

fn rendered(view: &View) -> Vec<(String, String)> {
    let doc = document_of(build_parts(view).unwrap());
    assert!(!doc.contains("<w:ins ") && !doc.contains("<w:del "));
    resolve(&doc, true)
}

fn principle(number: usize, id: &str, title: &str, short: &str) -> PrincipleView {
    PrincipleView {
        id: id.into(),
        number,
        title: title.into(),
        heading: format!("{number}. {title}"),
        short_text: short.into(),
        elaboration: "Een uitwerking met **nadruk** en een [link](https://example.org/a).".into(),
        cases: vec![],
        laws: vec![],
    }
}

fn row(number: usize, id: &str, title: &str, cells: &[Option<&str>]) -> Row {
    Row {
        id: id.into(),
        number,
        title: title.into(),
        cells: cells.iter().map(|c| c.map(String::from)).collect(),
    }
}

/// Old: principle 1 and a principle "oud"; new: principle 1 edited, "oud" removed,
/// a principle "nieuw" added with a case, a case story edited, a cell changed.
pub(crate) fn versions() -> (View, View) {
    let mut old = sample();
    old.principles.push(principle(
        2,
        "oud",
        "Oud uitgangspunt",
        "Dit verdwijnt straks.",
    ));
    old.matrix
        .rows
        .push(row(2, "oud", "Oud uitgangspunt", &[Some("weg"), None]));
    let mut new = sample();
    new.edition = Some(Edition::from_date("2026-03-01"));
    let p = &mut new.principles[0];
    p.short_text = "De inwoner is klant, en ook opdrachtgever.".into();
    p.cases[0].story = "Mevrouw Jansen tuiniert elke dag.\n\nEen nieuwe alinea.\n".into();
    let mut added = principle(2, "nieuw", "Nieuw uitgangspunt", "Dit is nieuw.");
    added.cases.push(CaseView {
        id: "nieuw-verhaal".into(),
        title: "Een nieuw verhaal".into(),
        heading: "Uit de praktijk: Een nieuw verhaal".into(),
        actors: vec!["Inwoners".into()],
        story: "Meneer De Vries belt de gemeente.".into(),
        laws: vec![],
    });
    new.principles.push(added);
    new.matrix.rows[0].cells[0] = Some("actief meedenken en meedoen".into());
    new.matrix.rows[0].cells[1] = Some("luisteren".into());
    new.matrix.rows.push(row(
        2,
        "nieuw",
        "Nieuw uitgangspunt",
        &[None, Some("nieuw werk")],
    ));
    (old, new)
}

mod document;
mod matrix;
mod pieces;
mod words;
