//! The shape of the Word output (document.xml).

use super::{Shape, between, unescape, words};

pub(super) fn docx_shape(xml: &str) -> Shape {
    let mut s = Shape::default();
    let mut rest = xml;
    loop {
        let p = rest.find("<w:p>").or_else(|| rest.find("<w:p "));
        let t = rest.find("<w:tbl>");
        match (p, t) {
            (Some(p), t) if t.is_none_or(|t| p < t) => {
                let end = rest[p..].find("</w:p>").unwrap() + p;
                docx_paragraph(&rest[p..end], &mut s);
                rest = &rest[end..];
            }
            (_, Some(t)) => {
                let end = rest[t..].find("</w:tbl>").unwrap() + t;
                let table = &rest[t..end];
                let rows = table.matches("<w:tr>").count() + table.matches("<w:tr ").count();
                let first = &table[..table.find("</w:tr>").unwrap()];
                let cols = first.matches("<w:tc>").count() + first.matches("<w:tc ").count();
                s.blocks.push(format!("table {rows}x{cols}"));
                for cell in table.split("<w:tc>").skip(1) {
                    let mut ignored = Shape::default();
                    docx_runs(cell, &mut ignored, &mut s.spans);
                }
                rest = &rest[end..];
            }
            _ => break,
        }
    }
    between(s)
}

/// Text of a paragraph's runs; formatted stretches go to `spans`.
fn docx_runs(p: &str, _s: &mut Shape, spans: &mut Vec<String>) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut runs = Vec::new();
    let mut open: Option<(String, String)> = None;
    let mut in_link: Option<String> = None;
    for (i, part) in p.split("<w:r>").enumerate() {
        if i == 0 {
            continue;
        }
        let run_end = part.find("</w:r>").unwrap_or(part.len());
        let run = &part[..run_end];
        let t: String = run
            .split("<w:t")
            .skip(1)
            .filter_map(|x| {
                x.split_once('>')
                    .map(|(_, r)| r.split("</w:t>").next().unwrap_or(""))
            })
            .map(unescape)
            .collect();
        let tab = run.contains("<w:tab />");
        let tag = if run.contains("Consolas") {
            Some("code")
        } else if run.contains("<w:strike />") {
            Some("del")
        } else if run.contains("<w:b />") {
            Some("strong")
        } else if run.contains("<w:i />") {
            Some("em")
        } else {
            None
        };
        runs.push(format!(
            "{}{}",
            tag.unwrap_or(""),
            if tab { "\t" } else { "" }
        ));
        // A hyperlink ends where the next run is outside it.
        let linked = run.contains("0563C1");
        match (&mut in_link, linked) {
            (Some(l), true) => l.push_str(&t),
            (None, true) => in_link = Some(t.clone()),
            (Some(_), false) => spans.push(format!("a {}", words(&in_link.take().unwrap()))),
            _ => {}
        }
        match (&mut open, tag) {
            (Some((o, buf)), Some(tg)) if o == tg => buf.push_str(&t),
            (_, tg) => {
                if let Some((o, buf)) = open.take() {
                    spans.push(format!("{o} {}", words(&buf)));
                }
                open = tg.map(|tg| (tg.to_string(), t.clone()));
            }
        }
        text.push_str(&t);
        if tab {
            text.push('\t');
        }
    }
    if let Some(l) = in_link {
        spans.push(format!("a {}", words(&l)));
    }
    if let Some((o, buf)) = open {
        spans.push(format!("{o} {}", words(&buf)));
    }
    (text, runs)
}

fn docx_paragraph(p: &str, s: &mut Shape) {
    let mut spans = Vec::new();
    let (text, runs) = docx_runs(p, s, &mut spans);
    if text.trim().is_empty() {
        return;
    }
    let (kind, text) = if let Some((marker, rest)) = text.split_once('\t') {
        // The marker run is not a formatted stretch of the text.
        spans.retain(|sp| !sp.ends_with(&format!(" {marker}")));
        (format!("li {marker}"), rest.to_string())
    } else if p.contains("<w:keepNext />") && runs.iter().all(|r| r == "strong") {
        spans.clear();
        ("h".to_string(), text)
    } else if runs.iter().all(|r| r == "code") {
        spans.clear();
        ("code".to_string(), text)
    } else if p.contains("<w:ind ") && runs.iter().all(|r| r == "em") {
        spans.clear();
        ("quote".to_string(), text)
    } else {
        ("p".to_string(), text)
    };
    s.spans.extend(spans);
    s.blocks.push(format!("{kind} {}", words(&text)));
}
