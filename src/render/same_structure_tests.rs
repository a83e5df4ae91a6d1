//! One text with every supported construct, rendered to HTML, Markdown and Word: each
//! output must show the same structure (blocks, list markers, tables, formatting).

use super::templates::Templates;
use super::{Format, View};
use crate::model::document::{Block, BlockKind, Document, Inline, InlineKind};

const FIXTURE: &str = "BEGIN

### Kop in de tekst

Tekst met *nadruk*, **sterk**, ~~weg~~, `code` en [een link](https://example.org/a).
Zie ook https://example.org/b.

- een
- twee
  1. genest een
  2. genest twee

3. drie
4. vier

> Een citaat.

```
code blok
```

| Wie | Wat |
|---|:-:|
| inwoner | meedenken |
| gemeente | **regie** |

EINDE
";

/// What a reader sees: blocks in order and formatted stretches of text.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    blocks: Vec<String>,
    spans: Vec<String>,
}

fn view() -> View {
    let mut view = crate::render::docx::tests::sample();
    view.principles[0].elaboration = FIXTURE.into();
    view.principles[0].cases.clear();
    view
}

fn render(format: Format) -> String {
    let bytes = format
        .renderer()
        .render(&view(), &Templates::load(&[]).unwrap())
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part between the BEGIN and EINDE paragraphs.
fn between(mut shape: Shape) -> Shape {
    let start = shape.blocks.iter().position(|b| b == "p BEGIN").unwrap() + 1;
    let end = shape.blocks.iter().position(|b| b == "p EINDE").unwrap();
    shape.blocks = shape.blocks[start..end].to_vec();
    shape
}

// --- the tree (and the Markdown output, parsed back) ---

fn tree_shape(doc: &Document) -> Shape {
    let mut s = Shape::default();
    tree_blocks(&doc.blocks, "", &mut s);
    s
}

fn tree_blocks(blocks: &[Block], prefix: &str, s: &mut Shape) {
    for b in blocks {
        match &b.kind {
            BlockKind::Heading { inlines, .. } => {
                let text = tree_text(inlines, s);
                s.blocks.push(format!("h {text}"));
            }
            BlockKind::Paragraph(i) => {
                let kind = if prefix.is_empty() { "p" } else { prefix };
                let text = tree_text(i, s);
                s.blocks.push(format!("{kind} {text}"));
            }
            BlockKind::List {
                ordered,
                start,
                items,
                ..
            } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("li {}.", start + n as u64)
                    } else {
                        "li •".to_string()
                    };
                    tree_blocks(item, &marker, s);
                }
            }
            BlockKind::Quote(inner) => tree_blocks(inner, "quote", s),
            BlockKind::Code { text, .. } => s.blocks.push(format!("code {}", words(text))),
            BlockKind::Table { header, rows, .. } => {
                s.blocks
                    .push(format!("table {}x{}", rows.len() + 1, header.len()));
                for cell in header.iter().chain(rows.iter().flatten()) {
                    tree_text(cell, s);
                }
            }
            _ => {}
        }
    }
}

fn tree_text(inlines: &[Inline], s: &mut Shape) -> String {
    let mut out = String::new();
    for i in inlines {
        let (tag, children) = match &i.kind {
            InlineKind::Text(t) => {
                out.push_str(t);
                continue;
            }
            InlineKind::SoftBreak => {
                out.push(' ');
                continue;
            }
            InlineKind::Code(t) => {
                s.spans.push(format!("code {t}"));
                out.push_str(t);
                continue;
            }
            InlineKind::Emph(c) => ("em", c),
            InlineKind::Strong(c) => ("strong", c),
            InlineKind::Strike(c) => ("del", c),
            InlineKind::Link { inlines, .. } => ("a", inlines),
            _ => continue,
        };
        let text = tree_text(children, s);
        s.spans.push(format!("{tag} {text}"));
        out.push_str(&text);
    }
    words(&out)
}

// --- HTML ---

fn html_shape(html: &str) -> Shape {
    let mut s = Shape::default();
    // Open elements, and per open list its next number (None for bullets).
    let mut stack: Vec<String> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut text = String::new();
    let mut spans: Vec<(String, String)> = Vec::new();
    let mut table = (0, 0, 0);
    let mut rest = html;
    let leaf_kind = |stack: &[String], lists: &[Option<u64>]| -> String {
        if stack.iter().any(|t| t == "blockquote") {
            return "quote".into();
        }
        match stack
            .iter()
            .rev()
            .find(|t| t.starts_with('h') || *t == "li" || *t == "p")
        {
            Some(t) if t.starts_with('h') && t.len() == 2 => "h".into(),
            _ if stack.iter().rev().any(|t| t == "li") => match lists.last() {
                Some(Some(n)) => format!("li {}.", n - 1),
                _ => "li •".into(),
            },
            _ => "p".into(),
        }
    };
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(&rest[..lt]));
        for (_, t) in &mut spans {
            t.push_str(&unescape(&rest[..lt]));
        }
        let gt = rest[lt..].find('>').unwrap() + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let flush = |text: &mut String, s: &mut Shape, kind: String| {
            let t = words(text);
            if !t.is_empty() && kind != "cell" {
                s.blocks.push(format!("{kind} {t}"));
            }
            text.clear();
        };
        match (name.as_str(), closing) {
            ("em" | "strong" | "del" | "code" | "a", false)
                if !stack.iter().any(|t| t == "pre") =>
            {
                spans.push((name.clone(), String::new()));
            }
            ("em" | "strong" | "del" | "code" | "a", true) if !stack.iter().any(|t| t == "pre") => {
                if let Some(at) = spans.iter().rposition(|(n, _)| *n == name) {
                    let (n, t) = spans.remove(at);
                    s.spans.push(format!("{n} {}", words(&t)));
                }
            }
            ("ul" | "ol", false) => {
                let kind = leaf_kind(&stack, &lists);
                flush(&mut text, &mut s, kind);
                let start = tag
                    .split("start=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(1);
                lists.push((name == "ol").then_some(start));
                stack.push(name);
            }
            ("ul" | "ol", true) => {
                lists.pop();
                stack.pop();
            }
            ("li", false) => {
                if let Some(Some(n)) = lists.last_mut() {
                    *n += 1;
                }
                stack.push(name);
            }
            ("p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                let kind = leaf_kind(&stack, &lists);
                flush(&mut text, &mut s, kind);
                stack.pop();
            }
            ("p" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre", false) => {
                text.clear();
                stack.push(name);
            }
            ("blockquote", true) => {
                stack.pop();
            }
            ("pre", true) => {
                s.blocks.push(format!("code {}", words(&text)));
                text.clear();
                stack.pop();
            }
            ("table", false) => table = (s.blocks.len(), 0, 0),
            ("tr", false) => table.1 += 1,
            ("th", false) if table.1 == 1 => table.2 += 1,
            ("th" | "td", true) => text.clear(),
            ("table", true) => s
                .blocks
                .insert(table.0, format!("table {}x{}", table.1, table.2)),
            _ => {}
        }
    }
    between(s)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

// --- Word ---

fn docx_shape(xml: &str) -> Shape {
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

#[test]
fn every_format_shows_the_same_structure() {
    let doc = Document::parse(FIXTURE, 0);
    let expected = between(tree_shape(&doc));
    assert_eq!(
        expected.blocks,
        [
            "h Kop in de tekst",
            "p Tekst met nadruk, sterk, weg, code en een link. Zie ook https://example.org/b.",
            "li • een",
            "li • twee",
            "li 1. genest een",
            "li 2. genest twee",
            "li 3. drie",
            "li 4. vier",
            "quote Een citaat.",
            "code code blok",
            "table 3x2",
        ]
    );
    assert_eq!(
        expected.spans,
        [
            "em nadruk",
            "strong sterk",
            "del weg",
            "code code",
            "a een link",
            "a https://example.org/b",
            "strong regie",
        ]
    );

    let html = html_shape(&render(Format::Html));
    assert_eq!(html.blocks, expected.blocks, "HTML");
    let md = render(Format::Md);
    let md_shape = between(tree_shape(&Document::parse(&md, 0)));
    assert_eq!(md_shape.blocks, expected.blocks, "Markdown");

    let xml = String::from_utf8(super::docx::build_parts(&view()).unwrap().document).unwrap();
    let word = docx_shape(&xml);
    assert_eq!(word.blocks, expected.blocks, "Word");

    // Formatting: the spans of the fixture, in order, in each output's part.
    for (name, spans) in [
        ("HTML", &html.spans),
        ("Markdown", &md_shape.spans),
        ("Word", &word.spans),
    ] {
        let found: Vec<&String> = spans
            .iter()
            .filter(|s| expected.spans.contains(s))
            .collect();
        let wanted: Vec<&String> = expected.spans.iter().collect();
        assert!(
            wanted.iter().all(|w| found.contains(w)),
            "{name}: {found:?} mist iets van {wanted:?}"
        );
    }
}

/// The letter's reference lines, and the letter before the cover, in every format.
#[test]
fn every_format_has_the_letter_first_with_datum_before_betreft() {
    let mut view = crate::render::docx::tests::sample();
    let mut letter = view.letter.take().unwrap();
    letter.reference = Some("ASD-2015-07".into());
    letter.contact = Some(crate::render::ContactView {
        name: "J. de Vries".into(),
        phone: None,
        email: Some("secretariaat@example.nl".into()),
    });
    view.letter = Some(letter.with_meta());
    let templates = Templates::load(&[]).unwrap();
    let text = |format: Format| match format {
        Format::Docx => {
            let xml = super::docx::build_parts(&view).unwrap().document;
            // Word's texts only, so that labels are not found in attribute values.
            String::from_utf8(xml)
                .unwrap()
                .split("<w:t xml:space=\"preserve\">")
                .skip(1)
                .map(|t| t[..t.find("</w:t>").unwrap()].to_string())
                .collect::<Vec<_>>()
                .join("\n")
        }
        _ => String::from_utf8(format.renderer().render(&view, &templates).unwrap()).unwrap(),
    };
    let wanted = [
        "Adviesraad Sociaal Domein Almere",
        "college van Burgemeester en wethouders",
        "Datum",
        "18 augustus 2015",
        "Ons kenmerk",
        "ASD-2015-07",
        "Betreft",
        "Ongevraagd advies",
        "Bijlage",
        "Contactpersoon",
        "J. de Vries, secretariaat@example.nl",
        "Geacht college,",
        "Klaas Jongejan",
        "Kwaliteitsmanifest Sociaal Domein",
        "Inhoud",
    ];
    for format in [Format::Html, Format::Md, Format::Docx] {
        let out = text(format);
        let mut from = 0;
        for w in wanted {
            let at = out[from..]
                .find(w)
                .unwrap_or_else(|| panic!("{format:?}: {w:?} ontbreekt na plaats {from}"));
            from += at + w.len();
        }
    }
}
