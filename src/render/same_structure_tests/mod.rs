//! One text with every supported construct, rendered to HTML, Markdown and Word: each
//! output must show the same structure (blocks, list markers, tables, formatting).

use super::docx::tests::unescape;
use super::templates::Templates;
use super::{Format, View};
use crate::model::document::{Block, BlockKind, Document, Inline, InlineKind};

mod docx;
mod html;

use docx::docx_shape;
use html::html_shape;

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
