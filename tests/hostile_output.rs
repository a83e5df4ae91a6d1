//! Every output escapes for its own language: whatever a council (or a pull request)
//! writes in a front matter field or a text, no HTML that runs or fetches, no Markdown
//! that a viewer turns into such HTML, valid XML in every Word part, no formula cell,
//! no escape sequence on the terminal. Outputs are parsed as their readers parse them.

mod common;

use std::sync::OnceLock;

use proptest::prelude::*;

use kwaliteit::analysis::diff::diff;
use kwaliteit::analysis::matrix::Matrix;
use kwaliteit::model::Manifest;
use kwaliteit::model::document::Document;
use kwaliteit::model::finding::{Finding, Pos, Rule};
use kwaliteit::render::templates::Templates;
use kwaliteit::render::{View, changes, changes_docx, docx, html, markdown, matrix};
use kwaliteit::report::{self, Summary};

/// This repository's manifest, loaded once.
fn base() -> &'static Manifest {
    static BASE: OnceLock<Manifest> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = common::copy_of_manifest();
        let root = dir.path().to_path_buf();
        let snapshot = kwaliteit::source::read_worktree(&root).unwrap();
        let checked = kwaliteit::commands::check_snapshot(root, snapshot);
        assert_eq!(checked.errors(), 0, "{:?}", checked.loaded.findings);
        checked.loaded.manifest
    })
}

fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::load(&[]).unwrap())
}

/// Text that tries every trick: markup of each output language, addresses that run
/// code or fetch, control characters, and any character at all.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
        Just("[klik](javascript:alert(1))".to_string()),
        Just("[x](data:text/html,<script>alert(1)</script>)".to_string()),
        Just("![pixel](https://tracker.example/p.png?wie=raad)".to_string()),
        Just("![x](//cdn.example/x.png)".to_string()),
        Just("![x](data:image/svg+xml;base64,PHN2Zz4=)".to_string()),
        Just("<style>body{background:url(https://x/y.png)}</style>".to_string()),
        Just("<link rel=stylesheet href=https://x/s.css>".to_string()),
        Just("\u{1b}[2J\u{1b}]0;titel\u{7}".to_string()),
        Just("\u{9b}31m".to_string()),
        Just("=HYPERLINK(\"https://x\")".to_string()),
        Just("\t=1+2".to_string()),
        Just("</a><a onclick=x>".to_string()),
        Just("\" onmouseover=\"alert(1)".to_string()),
        Just("&lt;script&gt;".to_string()),
        Just("\n\n".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        "[<>&\"'`*_|#\\[\\]()!=+@-]{1,4}",
        "[\\x00-\\x1f\\x7f-\\x9f\\u{fffe}\\u{ffff}]{1,3}",
        "\\PC{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|p| p.concat())
}

/// The base manifest with `field` in every field and `body` as every text.
fn poisoned(field: &str, body: &str) -> Manifest {
    let mut m = base().clone();
    // An image of the repository, described by the field.
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";
    let image = kwaliteit::model::image::Image::from_bytes(PNG.to_vec()).unwrap();
    m.images.insert("afbeeldingen/foto.png".to_string(), image);
    let body = format!("{body}\n\n![{field}](/afbeeldingen/foto.png \"{field}\")\n");
    let doc = Document::parse(&body, 0);
    m.identity.title = field.to_string();
    m.identity.council = field.to_string();
    m.identity.municipality = field.to_string();
    m.identity.matrix_intro = Some(field.to_string());
    m.identity.address = vec![field.to_string(), field.to_string()];
    m.identity.email = Some(field.to_string());
    m.identity.website = Some(field.to_string());
    for a in &mut m.identity.actors {
        a.name = format!("{field}{}", a.id.value);
        a.description = Some(field.to_string());
    }
    for p in &mut m.principles {
        p.title = field.to_string();
        p.short_text_doc = doc.clone();
        p.elaboration_doc = doc.clone();
        for r in &mut p.responsibilities {
            r.text = field.to_string();
        }
    }
    for c in &mut m.cases {
        c.title = field.to_string();
        c.story_doc = doc.clone();
    }
    for r in &mut m.rounds {
        r.subject = field.to_string();
        r.reference = Some(field.to_string());
        r.annexes = vec![field.to_string()];
        r.contact = Some(kwaliteit::model::Contact {
            name: field.to_string(),
            phone: Some(field.to_string()),
            email: Some(field.to_string()),
        });
        r.to = vec![field.to_string()];
        r.salutation = Some(field.to_string());
        r.closing = Some(field.to_string());
        r.body_doc = doc.clone();
        for s in &mut r.signatories {
            s.name = field.to_string();
        }
        for p in &mut r.advice_points {
            p.text = field.to_string();
        }
    }
    m
}

fn lower(s: &[u8]) -> String {
    String::from_utf8_lossy(s).to_ascii_lowercase()
}

/// An address as a browser reads it: spaces and controls around it and tabs and line
/// breaks inside it dropped.
fn url(s: &[u8]) -> String {
    lower(s)
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Tokenized as a browser does (WHATWG): no script, no event handler, no address
/// that runs code, and nothing the browser fetches by itself but an embedded PNG/JPEG.
fn assert_inert_html(html: &str, what: &str) {
    use html5gum::{Token, Tokenizer};
    let mut in_style = false;
    for token in Tokenizer::new(html).flatten() {
        let tag = match token {
            Token::StartTag(tag) => tag,
            Token::EndTag(tag) if lower(&tag.name) == "style" => {
                in_style = false;
                continue;
            }
            // The one style sheet is the tool's own; nothing from it is fetched.
            Token::String(css) if in_style => {
                let css = without_css_strings(&lower(&css.value));
                assert!(
                    !css.contains("url(") && !css.contains("@import"),
                    "{what}: url( or @import in the style sheet"
                );
                continue;
            }
            _ => continue,
        };
        let name = lower(&tag.name);
        in_style = name == "style";
        assert!(
            !matches!(
                name.as_str(),
                "script" | "iframe" | "object" | "embed" | "link" | "base" | "frame"
            ),
            "{what}: <{name}>"
        );
        for (attr, value) in &tag.attributes {
            let attr = lower(attr);
            let value = url(&value.value);
            assert!(
                !attr.starts_with("on"),
                "{what}: <{name} {attr}=\"{value}\">"
            );
            // `<meta http-equiv=refresh>` navigates, and fetches.
            assert!(attr != "http-equiv", "{what}: <{name} {attr}=\"{value}\">");
            match attr.as_str() {
                "href" | "action" | "formaction" | "xlink:href" => assert!(
                    !["javascript:", "vbscript:", "data:", "file:"]
                        .iter()
                        .any(|s| value.starts_with(s)),
                    "{what}: <{name} {attr}=\"{value}\">"
                ),
                "src" => assert!(
                    name == "img"
                        && (value.starts_with("data:image/png;base64,")
                            || value.starts_with("data:image/jpeg;base64,")),
                    "{what}: <{name} src=\"{value}\">"
                ),
                "srcset" | "poster" | "background" | "lowsrc" | "dynsrc" | "data" => {
                    panic!("{what}: <{name} {attr}=\"{value}\">")
                }
                "style" => assert!(
                    !value.contains("url("),
                    "{what}: <{name} style=\"{value}\">"
                ),
                _ => {}
            }
        }
    }
}

/// CSS with its string literals left out: `content: "url(x)"` fetches nothing.
fn without_css_strings(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut quote = None;
    let mut chars = css.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, c) => out.push(c),
        }
    }
    out
}

/// What a CommonMark viewer (pulldown-cmark, with raw HTML passed through as GitHub
/// and most viewers do before sanitising) makes of the Markdown must be inert.
fn assert_inert_markdown(md: &str, what: &str) {
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES),
    );
    assert_inert_html(&html, &format!("{what}, as HTML"));
    // Raw HTML in the Markdown is only the document's own anchors.
    for event in pulldown_cmark::Parser::new(md) {
        if let pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) = event {
            let h = h.trim();
            let id = h
                .strip_prefix("<a id=\"")
                .and_then(|r| r.strip_suffix("\">"));
            let anchor = h == "</a>"
                || id.is_some_and(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
            assert!(anchor, "{what}: raw HTML `{h}`");
        }
    }
}

/// Every XML part of a Word file parses; text and attribute values have no
/// character XML 1.0 forbids.
fn assert_valid_word(bytes: &[u8], what: &str) {
    let mut at = 0;
    let mut parts = 0;
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    while at + 30 <= bytes.len() && bytes[at..at + 4] == *b"PK\x03\x04" {
        assert_eq!(u16_at(at + 8), 0, "{what}: docx-rs stores its parts");
        let size = u32_at(at + 18);
        let name_len = u16_at(at + 26);
        let name = String::from_utf8_lossy(&bytes[at + 30..at + 30 + name_len]).into_owned();
        let data = at + 30 + name_len + u16_at(at + 28);
        let part = &bytes[data..data + size];
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(part)
                .unwrap_or_else(|e| panic!("{what}: {name} is geen UTF-8: {e}"));
            if let Err(e) = roxmltree::Document::parse(text) {
                panic!("{what}: {name} is geen geldige XML: {e}");
            }
            parts += 1;
        }
        at = data + size;
    }
    assert!(parts > 5, "{what}: {parts} XML parts");
}

fn assert_terminal_safe(text: &str, what: &str) {
    let bad = text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t');
    assert_eq!(bad, None, "{what}: {text:?}");
}

/// The guards can fail: each parser catches what it must.
#[test]
fn the_checks_see_what_they_guard_against() {
    for bad in [
        "<p><script>x</script></p>",
        "<img src=\"https://t.example/p.png\">",
        "<a href=\" java\tscript:alert(1)\">x</a>",
        "<p onclick=x>",
        "<IMG SRC=x OnError=alert(1)>",
    ] {
        assert!(
            std::panic::catch_unwind(|| assert_inert_html(bad, "test")).is_err(),
            "{bad}"
        );
    }
    assert_inert_html("<img src=\"data:image/png;base64,AAAA\" alt=\"x\">", "test");
    assert!(roxmltree::Document::parse("<a>\u{1}</a>").is_err());
    assert!(roxmltree::Document::parse("<a>\u{fffe}</a>").is_err());
    assert!(
        std::panic::catch_unwind(|| assert_inert_markdown("# <img src=x onerror=y>", "test"))
            .is_err()
    );
}

proptest! {
    // 48 cases by default (Word files are slow to build unoptimised); more with
    // `PROPTEST_CASES=2000`.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    /// `render` and `advies`: HTML, Markdown and Word from a view full of hostile text.
    #[test]
    fn documents_are_inert_and_valid(field in hostile(), body in hostile()) {
        let m = poisoned(&field, &body);
        let mut view = View::from_manifest(&m);
        view.council_short = Some(field.clone());
        view.changes = Some(kwaliteit::render::ChangesView {
            title: field.clone(),
            sentences: vec![field.clone()],
        });
        view.response = Some(kwaliteit::render::ResponseView {
            title: field.clone(),
            received: Some(field.clone()),
            rows: vec![kwaliteit::render::ResponseRow {
                point: field.clone(),
                verdict: field.clone(),
                note: field.clone(),
            }],
        });
        let page = html::render(&view, templates()).unwrap();
        assert_inert_html(&page, "render --format html");
        if field.chars().all(char::is_alphanumeric) {
            prop_assert!(page.contains("<img src=\"data:image/png;base64,"), "geen afbeelding");
        }
        let md = markdown::render(&view, templates()).unwrap();
        assert_inert_markdown(&md, "render --format md");
        assert_valid_word(&docx::render(&view).unwrap(), "render --format docx");
    }

    /// `matrix` in every format.
    #[test]
    fn the_matrix_is_inert_valid_and_formula_free(field in hostile()) {
        let m = poisoned(&field, "");
        let matrix = Matrix::from_manifest(&m);
        for compact in [false, true] {
            let page = html::render_matrix(&matrix, &field, compact, templates()).unwrap();
            assert_inert_html(&page, "matrix --format html");
            assert_inert_markdown(&matrix::markdown(&matrix, compact), "matrix --format md");
            assert_terminal_safe(&matrix::terminal(&matrix, compact, 80), "matrix");
            let csv = matrix::csv(&matrix, compact);
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_bytes());
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    prop_assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "formule in cel {:?}", cell
                    );
                }
            }
        }
    }

    /// `diff`: terminal, Markdown, HTML and the Word file with tracked changes.
    #[test]
    fn the_diff_is_inert_and_valid(field in hostile(), body in hostile()) {
        let old = base();
        let new = poisoned(&field, &body);
        let d = diff(old, &new);
        prop_assert!(!d.is_empty());
        assert_terminal_safe(&changes::terminal(&d, &field, &field, false), "diff");
        assert_inert_markdown(&changes::markdown(&d, &field, &field), "diff --format md");
        let whole = kwaliteit::render::html_redline::render(View::from_manifest(old), View::from_manifest(&new), &d, &field, &field, templates()).unwrap();
        assert_inert_html(&whole, "diff --format html (document)");
        let author = changes_docx::Author::of(&new);
        let revision = docx::redline::Revision { author: author.short, date: "2026-01-01T00:00:00Z".into() };
        let word = docx::redline::render(&View::from_manifest(old), &View::from_manifest(&new), &revision).unwrap();
        assert_valid_word(&word, "diff --format docx");
    }

    /// `check`'s report for people: messages, help and quoted lines carry file text.
    #[test]
    fn the_human_report_shows_control_characters(field in hostile()) {
        let mut f = Finding::new(Rule::UnknownKey, &format!("cases/{field}.md"), Pos::new(1, 2), field.clone())
            .help(field.clone());
        f.source_line = Some(field.clone());
        let text = report::render(report::Format::Human, &[f], Summary { errors: 1, warnings: 0, files: 1 }, false);
        assert_terminal_safe(&text, "check");
    }
}

/// The commands themselves, on a manifest whose fields carry markup and escape
/// sequences (written as YAML escapes, as a pull request could).
#[test]
fn commands_escape_front_matter_fields() {
    let hostile = r#""<img src=x onerror=alert(1)>\e[2J\e]0;x\a\r""#;
    let dir = common::copy_of_manifest();
    let root = dir.path();
    let old = tempfile::tempdir().unwrap();
    common::copy_dir(root, old.path());
    let edit = |file: &str, from: &str, to: &str| {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "manifest/rounds/2015.md",
        "betreft: Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van Kwaliteitsbeleid",
        &format!("betreft: {hostile}"),
    );
    edit(
        "manifest/manifest.yaml",
        "titel: Kwaliteitsmanifest Sociaal Domein",
        &format!("titel: {hostile}"),
    );
    edit(
        "manifest/manifest.yaml",
        "    naam: Inwoners",
        &format!("    naam: {hostile}"),
    );
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("kwaliteit")
            .unwrap()
            .current_dir(root)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout.contains("onerror"),
            "{args:?}: het veld staat niet in de uitvoer:\n{stdout}"
        );
        stdout
    };
    for (args, markdown) in [
        (&["status", "--format", "md"][..], true),
        (&["matrix", "--format", "md"][..], true),
        (&["status"][..], false),
        (&["matrix"][..], false),
        (&["textconv", "manifest/manifest.yaml"][..], false),
    ] {
        let out = run(args);
        if markdown {
            assert_inert_markdown(&out, &args.join(" "));
        } else {
            assert_terminal_safe(&out, &args.join(" "));
            assert!(
                out.contains('␛'),
                "{args:?}: het stuurteken is niet zichtbaar:\n{out}"
            );
        }
    }
    let old = old.path().to_str().unwrap();
    let new = root.to_str().unwrap();
    assert_inert_markdown(
        &run(&["diff", old, new, "--format", "md"]),
        "diff --format md",
    );
    assert_terminal_safe(&run(&["diff", old, new]), "diff");
    let check = run(&["check"]);
    assert_terminal_safe(&check, "check");
    assert!(check.contains("waarschuwing[control-character]"), "{check}");
}
