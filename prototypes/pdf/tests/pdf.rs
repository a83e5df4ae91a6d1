//! Opens the written PDF and checks what PDF/UA-1 and the issue require.

use std::collections::HashSet;
use std::process::Command;
use std::sync::OnceLock;

use lopdf::{Document, Object, ObjectId};
use pdfproto::*;

/// The sample is compiled once for all structural tests (debug builds of
/// typst are slow).
fn sample_pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| compile(&pdfproto::sample::document(7)).expect("sample compiles"))
}

fn load(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("lopdf reads the PDF")
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("dangling reference"),
        o => o,
    }
}

fn catalog(doc: &Document) -> &lopdf::Dictionary {
    doc.catalog().expect("catalog")
}

fn name<'a>(doc: &'a Document, d: &'a lopdf::Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    d.get(key)
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_name().ok())
}

fn pdftotext(pdf: &[u8], tag: &str) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("pdfproto-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join("doc.pdf");
    std::fs::write(&path, pdf).ok()?;
    // -raw: content order, no dehyphenation or space guessing.
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn count_headings(doc: &PdfDocument) -> usize {
    fn walk(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Heading { .. } => 1,
                Block::Landscape(inner) | Block::Quote(inner) => walk(inner),
                _ => 0,
            })
            .sum()
    }
    doc.parts
        .iter()
        .map(|p| match p {
            Part::Blocks(b) => walk(b),
            Part::Letter(l) => walk(&l.body),
            _ => 0,
        })
        .sum()
}

fn count_outline(doc: &Document, first: Option<&Object>) -> usize {
    let mut n = 0;
    let mut next = first.cloned();
    while let Some(Object::Reference(id)) = next {
        n += 1;
        let item = doc.get_dictionary(id).expect("outline item");
        n += count_outline(doc, item.get(b"First").ok());
        next = item.get(b"Next").ok().cloned();
    }
    n
}

#[test]
fn pdf_ua_markers() {
    let pdf = load(sample_pdf());
    let cat = catalog(&pdf);

    let mark = deref(&pdf, cat.get(b"MarkInfo").expect("MarkInfo"))
        .as_dict()
        .unwrap();
    assert!(matches!(mark.get(b"Marked"), Ok(Object::Boolean(true))));
    assert!(cat.get(b"StructTreeRoot").is_ok(), "StructTreeRoot");

    let lang = deref(&pdf, cat.get(b"Lang").expect("Lang"))
        .as_str()
        .unwrap();
    let lang = String::from_utf8_lossy(lang).to_lowercase();
    assert!(lang.starts_with("nl"), "Lang is {lang}");

    let prefs = deref(
        &pdf,
        cat.get(b"ViewerPreferences").expect("ViewerPreferences"),
    )
    .as_dict()
    .unwrap();
    assert!(matches!(
        prefs.get(b"DisplayDocTitle"),
        Ok(Object::Boolean(true))
    ));

    let meta = deref(&pdf, cat.get(b"Metadata").expect("XMP"))
        .as_stream()
        .unwrap();
    let xmp = meta
        .decompressed_content()
        .unwrap_or_else(|_| meta.content.clone());
    let xmp = String::from_utf8_lossy(&xmp);
    assert!(
        xmp.contains("<pdfuaid:part>1</pdfuaid:part>") || xmp.contains("pdfuaid:part=\"1\""),
        "pdfuaid:part 1 in XMP"
    );
    assert!(
        xmp.contains("Kwaliteitsmanifest Sociaal Domein"),
        "title in XMP"
    );
}

#[test]
fn one_bookmark_per_heading() {
    let doc = pdfproto::sample::document(7);
    let pdf = load(sample_pdf());
    let outlines = deref(&pdf, catalog(&pdf).get(b"Outlines").expect("Outlines"))
        .as_dict()
        .unwrap();
    let n = count_outline(&pdf, outlines.get(b"First").ok());
    assert_eq!(n, count_headings(&doc));
}

#[test]
fn every_font_embedded() {
    let pdf = load(sample_pdf());
    let mut descriptors = 0;
    for obj in pdf.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        if name(&pdf, d, b"Type") == Some(b"FontDescriptor") {
            descriptors += 1;
            assert!(
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| d.has(k)),
                "font without embedded file: {d:?}"
            );
        }
    }
    assert!(descriptors > 0);
}

/// Structure element types present in the tag tree.
fn struct_types(pdf: &Document) -> HashSet<Vec<u8>> {
    let mut seen = HashSet::new();
    let root: ObjectId = catalog(pdf)
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut stack = vec![root];
    let mut visited = HashSet::new();
    while let Some(id) = stack.pop() {
        if !visited.insert(id) {
            continue;
        }
        let Ok(d) = pdf.get_dictionary(id) else {
            continue;
        };
        if let Some(s) = name(pdf, d, b"S") {
            seen.insert(s.to_vec());
        }
        if let Ok(k) = d.get(b"K") {
            let kids: Vec<&Object> = match k {
                Object::Array(a) => a.iter().collect(),
                o => vec![o],
            };
            for kid in kids {
                if let Object::Reference(r) = kid {
                    stack.push(*r);
                }
            }
        }
    }
    seen
}

#[test]
fn tagged_structure() {
    let pdf = load(sample_pdf());
    let types = struct_types(&pdf);
    for t in [
        "H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD", "Link",
    ] {
        assert!(
            types.contains(t.as_bytes()),
            "no {t} in structure tree: {types:?}"
        );
    }
}

#[test]
fn words_are_whole() {
    let Some(text) = pdftotext(sample_pdf(), "words") else {
        eprintln!("pdftotext not installed; skipped");
        return;
    };
    // No hyphenation: no line ends in letter + hyphen.
    for line in text.lines() {
        let t = line.trim_end();
        let mut rev = t.chars().rev();
        if rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic) {
            panic!("hyphenated line: {t:?}");
        }
    }
    assert!(text.contains("Pagina 2 van"), "footer");
    assert!(text.contains("Ons kenmerk"));
}

const NASTY: &[&str] = &[
    "#",
    "$",
    "*",
    "_",
    "@",
    "<",
    ">",
    "`",
    "\\",
    "=",
    "/",
    "[",
    "]",
    "~",
    "-",
    "+",
    ".",
    ":",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "#let x = 1",
    "#panic(\"x\")",
    "#read(\"/etc/passwd\")",
    "$x^2$",
    "*vet*",
    "_schuin_",
    "@ref",
    "<label>",
    "`code`",
    "\\#",
    "= kop",
    "- punt",
    "+ punt",
    "/ term: uitleg",
    "http://example.org",
    "a -- b --- c ...",
    "x ~ y",
    "#{1+1}",
    "#[inhoud]",
    "]#[",
    "\\u{41}",
    "#\"",
    "\";panic(\"",
    "hé ĳs € „ok”",
];

#[test]
fn user_text_is_printed_literally() {
    let nasty_inlines = |s: &str| vec![Inline::Text(s.to_string())];
    let mut blocks = vec![Block::Heading {
        level: 1,
        inlines: nasty_inlines("#panic(\"kop\") = * _"),
        outline: true,
    }];
    for s in NASTY {
        // Each at the start of its own paragraph, where markup syntax bites.
        blocks.push(Block::Paragraph(nasty_inlines(s)));
    }
    blocks.push(Block::Paragraph(vec![
        Inline::Strong(nasty_inlines("*vet*")),
        Inline::Text(".len()".into()),
        Inline::Emph(nasty_inlines("(x)")),
        Inline::Text("[y]".into()),
        Inline::Code("#panic(\"code\")".into()),
        Inline::Link {
            url: "https://example.org/\"#".into(),
            inlines: nasty_inlines("#link"),
        },
        Inline::Insert(nasty_inlines("#ins")),
        Inline::Delete(nasty_inlines("#del")),
    ]));
    blocks.push(Block::Table(Table {
        caption: Some(nasty_inlines("#cap")),
        header: vec![nasty_inlines("#th"), nasty_inlines("]")],
        rows: vec![vec![nasty_inlines("#td"), nasty_inlines("[")]],
        widths: vec![],
    }));
    let doc = PdfDocument {
        title: "#titel \"x\" \\".into(),
        council: "#raad $".into(),
        date: Date {
            year: 2026,
            month: 1,
            day: 2,
        },
        style: HouseStyle::default(),
        parts: vec![
            Part::Letter(Letter {
                sender: vec!["#afzender".into()],
                recipient: vec!["#ontvanger ]".into()],
                references: LetterReferences {
                    date: Some("#datum".into()),
                    our_reference: Some("#kenmerk".into()),
                    subject: Some("#betreft".into()),
                    attachments: Some("#bijlage".into()),
                    contact: Some("#contact".into()),
                },
                body: vec![],
                closing: nasty_inlines("#groet"),
                signatories: vec![Signatory {
                    name: "#naam".into(),
                    role: Some("#rol".into()),
                }],
            }),
            Part::Cover(Cover {
                title: "#omslag".into(),
                subtitle: Some("#sub".into()),
                council: "#raad2".into(),
                municipality: "#gemeente".into(),
                edition: Some("#editie".into()),
                edition_date: Some("#editiedatum".into()),
            }),
            Part::Blocks(blocks),
        ],
    };
    let pdf = compile(&doc).unwrap_or_else(|e| panic!("{e}"));
    let Some(text) = pdftotext(&pdf, "nasty") else {
        eprintln!("pdftotext not installed; skipped");
        return;
    };
    for s in NASTY {
        assert!(
            text.lines().any(|l| l.trim() == *s),
            "{s:?} not printed literally:\n{text}"
        );
    }
    for s in [
        "#panic(\"kop\") = * _",
        "*vet*.len()(x)[y]#panic(\"code\")#link#ins#del",
        "#th",
        "#td",
        "#cap",
        "#titel \"x\" \\",
        "#raad $",
        "#afzender",
        "#ontvanger ]",
        "#datum",
        "#kenmerk",
        "#betreft",
        "#bijlage",
        "#contact",
        "#groet",
        "#naam",
        "#rol",
        "#omslag",
        "#sub",
        "#raad2",
        "#gemeente",
        "#editie",
        "#editiedatum",
    ] {
        assert!(text.contains(s), "{s:?} missing:\n{text}");
    }
}

#[test]
fn bad_font_is_a_dutch_error() {
    let mut doc = pdfproto::sample::document(0);
    doc.style.font = "Comic Sans".into();
    let e = compile(&doc).unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with("Het lettertype `Comic Sans` is niet beschikbaar; beschikbaar zijn:"));
    assert!(msg.contains("Open Sans"), "{msg}");
}

#[test]
fn bad_logo_and_colour_are_dutch_errors() {
    let mut doc = pdfproto::sample::document(0);
    doc.style.logo = Some(Logo {
        bytes: b"geen plaatje".to_vec(),
        alt: Some("x".into()),
    });
    assert_eq!(compile(&doc).unwrap_err(), PdfError::LogoNotImage);
    doc.style.logo = None;
    doc.style.primary = "blauw".into();
    assert!(
        compile(&doc)
            .unwrap_err()
            .to_string()
            .contains("geen geldige kleur")
    );
}

const LOGO_SVG: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20" viewBox="0 0 60 20"><rect width="20" height="20" fill="#154273"/><rect x="24" y="6" width="36" height="8" fill="#154273"/></svg>"##;

#[test]
fn logo_with_alt_text_is_a_figure() {
    let mut doc = pdfproto::sample::document(0);
    doc.style.logo = Some(Logo {
        bytes: LOGO_SVG.to_vec(),
        alt: Some("Logo van de adviesraad".into()),
    });
    let pdf = load(&compile(&doc).unwrap_or_else(|e| panic!("{e}")));
    assert!(struct_types(&pdf).contains(&b"Figure"[..]));
    let has_alt = pdf.objects.values().any(|o| {
        o.as_dict()
            .ok()
            .and_then(|d| d.get(b"Alt").ok())
            .and_then(|a| a.as_str().ok())
            == Some(&b"Logo van de adviesraad"[..])
    });
    assert!(has_alt, "alt text in the tag tree");

    // Without alt text the logo is decoration, and PDF/UA still holds.
    doc.style.logo = Some(Logo {
        bytes: LOGO_SVG.to_vec(),
        alt: None,
    });
    compile(&doc).unwrap_or_else(|e| panic!("{e}"));
}
