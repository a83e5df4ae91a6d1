//! The rendered document as a reader gets it: complete, safe, and never half-written.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

mod common;
use common::*;

fn kwaliteit() -> Command {
    Command::cargo_bin("kwaliteit").unwrap()
}

fn render(repo: &Path, format: &str) -> (String, PathBuf) {
    let out = repo.join("uit");
    let assert = kwaliteit()
        .args(["-C"])
        .arg(repo)
        .args(["render", "--format", format, "--out"])
        .arg(&out)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let path = out.join(format!("kwaliteitsmanifest-sociaal-domein.{format}"));
    assert!(stdout.starts_with("Geschreven: "), "{stdout}");
    (stdout, path)
}

#[test]
fn every_sentence_of_the_seed_is_in_the_rendered_markdown() {
    let dir = copy_of_manifest();
    let (_, path) = render(dir.path(), "md");
    let md = normalise(&fs::read_to_string(&path).unwrap());
    let sentences = seed_sentences();
    assert!(
        sentences.len() > 120,
        "te weinig zinnen gevonden: {}",
        sentences.len()
    );
    let mut missing = Vec::new();
    for s in &sentences {
        // Documented choices: the Uitwerking's copy "bevologenheid" is not used (the
        // manifest's "bevoegdheid" is); the empty "Datum" line is left out; headings
        // lose their colon; the address's final period is dropped.
        let s = s.trim_end_matches(':');
        let s = s.strip_prefix("Betreft ").unwrap_or(s);
        if s.contains("bevologenheid") || s == "Datum" || s == "Gemeente Almere." {
            continue;
        }
        if !md.contains(s) {
            missing.push(s.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "ontbrekende zinnen:\n{}",
        missing.join("\n")
    );
    assert!(md.contains("Gemeente Almere"));
    // The source leaves the date empty, and so does the letter.
    assert!(!md.contains("**Datum:**"));
}

#[test]
fn markdown_has_the_parts_in_order_and_a_gfm_matrix() {
    let dir = copy_of_manifest();
    let (_, path) = render(dir.path(), "md");
    let md = fs::read_to_string(path).unwrap();
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle} ontbreekt"))
    };
    // The letter alone first, then the cover with the contents, then the parts.
    assert!(at("Geacht college,") < at("# Kwaliteitsmanifest Sociaal Domein\n"));
    assert!(at("Klaas Jongejan") < at("# Kwaliteitsmanifest Sociaal Domein\n"));
    assert!(at("# Kwaliteitsmanifest Sociaal Domein\n") < at("## Inhoud"));
    assert!(at("## Inhoud") < at("## Kwaliteitsmanifest Sociaal Domein"));
    assert!(!md.contains("Adviesbrief"));
    assert!(at("## Kwaliteitsmanifest Sociaal Domein") < at("## Uitwerking Kwaliteitsmanifest"));
    assert!(at("## Uitwerking Kwaliteitsmanifest") < at("## Bijlage: matrix"));
    assert!(md.contains("| Uitgangspunt | Inwoners | Professionals |"));
    assert!(md.contains("| 1. De Almeerder centraal |"));
    assert_eq!(md.matches("#### Uit de praktijk").count(), 7);
    // The seed gives cases no titles and no list of parties.
    assert_eq!(md.matches("#### Uit de praktijk\n").count(), 7);
    assert!(!md.contains("Betrokken"));
    // manifest.yaml's `matrix_inleiding`, above the matrix.
    let intro = md.find("Deze matrix is de schematische weergave").unwrap();
    assert!(at("## Bijlage: matrix") < intro && intro < at("| Uitgangspunt |"));
}

#[test]
fn html_is_self_contained_and_accessible() {
    let dir = copy_of_manifest();
    let (_, path) = render(dir.path(), "html");
    let html = fs::read_to_string(path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "javascript:",
        "http://",
        "https://",
        "<link",
        "@import",
        "src=",
    ] {
        assert!(!lower.contains(forbidden), "{forbidden} in HTML");
    }
    assert!(html.contains("<caption>"));
    assert!(html.contains("<th scope=\"col\">Uitgangspunt</th>"));
    assert!(html.contains("<th scope=\"row\">1. De Almeerder centraal</th>"));
    assert!(html.contains("<h4 id=\"casus-tuin-van-mevrouw-jansen\">Uit de praktijk</h4>"));
    assert!(html.contains("<p>Deze matrix is de schematische weergave"));
    assert!(html.contains("@page"));
    assert!(html.contains("nav class=\"toc\""));
    // An empty cell is empty, also to a screen reader: no invented "geen".
    assert!(html.contains("<td class=\"empty\"></td>"));
    assert!(!html.contains(">geen<"));
    // Running header and footer in print, as CSS strings.
    assert!(html.contains("@top-left { content: \"Kwaliteitsmanifest Sociaal Domein\"; }"));
    assert!(html.contains("counter(pages)"));
    // Headings never skip a level.
    let mut previous = 1;
    for (i, _) in html.match_indices("<h") {
        if let Some(level) = html[i + 2..].chars().next().and_then(|c| c.to_digit(10)) {
            assert!(level <= previous + 1, "kop h{level} na h{previous}");
            previous = level;
        }
    }
}

#[test]
fn raw_html_in_a_case_is_neutralised() {
    let dir = copy_of_manifest();
    let case = dir.path().join("cases/tuin-van-mevrouw-jansen.md");
    let mut text = fs::read_to_string(&case).unwrap();
    text.push_str(
        "\n<script>alert('x')</script>\n\nZie <img src=x onerror=alert(1)> en [klik](javascript:alert(1)).\n",
    );
    fs::write(&case, text).unwrap();
    for format in ["html", "md"] {
        let (_, path) = render(dir.path(), format);
        let out = fs::read_to_string(path).unwrap().to_lowercase();
        assert!(!out.contains("<script"), "{format}: script");
        assert!(!out.contains("<img"), "{format}: img");
        assert!(!out.contains("javascript:"), "{format}: javascript-link");
        assert!(
            out.contains("alert('x')") || out.contains("alert(&#39;x&#39;)"),
            "{format}: tekst weg"
        );
    }
}

#[test]
fn render_refuses_a_broken_manifest_and_writes_nothing() {
    let dir = copy_of_manifest();
    fs::write(
        dir.path().join("cases/kapot.md"),
        "---\nid: kapot\ntitel: Kapot\nuitgangspunt: bestaat-niet\n---\nVerhaal.\n",
    )
    .unwrap();
    let out = dir.path().join("uit");
    let assert = kwaliteit()
        .arg("-C")
        .arg(dir.path())
        .args(["render", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("unknown-principle"), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(!out.exists(), "er is toch iets geschreven");

    kwaliteit()
        .arg("-C")
        .arg(dir.path())
        .args(["render", "--force", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.join("kwaliteitsmanifest-sociaal-domein.html").is_file());
}

#[test]
fn render_never_changes_the_sources() {
    let dir = copy_of_manifest();
    let snapshot = |root: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file() && !e.path().starts_with(root.join("uit")))
            .map(|e| (e.path().to_path_buf(), fs::read(e.path()).unwrap()))
            .collect();
        files.sort();
        files
    };
    let before = snapshot(dir.path());
    for format in ["html", "md", "docx"] {
        let _ = kwaliteit()
            .arg("-C")
            .arg(dir.path())
            .args(["render", "--format", format, "--out"])
            .arg(dir.path().join("uit"))
            .assert();
    }
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn a_council_template_overrides_the_built_in_one() {
    let dir = copy_of_manifest();
    fs::create_dir_all(dir.path().join("manifest/templates")).unwrap();
    fs::write(
        dir.path().join("manifest/templates/document.md"),
        "# {{ view.title }} van {{ view.municipality }}\n",
    )
    .unwrap();
    let (_, path) = render(dir.path(), "md");
    assert_eq!(
        fs::read_to_string(path).unwrap(),
        "# Kwaliteitsmanifest Sociaal Domein van Almere\n"
    );
}

#[test]
fn a_broken_template_is_reported_with_its_file_and_line() {
    let dir = copy_of_manifest();
    fs::create_dir_all(dir.path().join("manifest/templates")).unwrap();
    fs::write(
        dir.path().join("manifest/templates/document.html"),
        "<p>\n{% if %}\n",
    )
    .unwrap();
    let assert = kwaliteit()
        .arg("-C")
        .arg(dir.path())
        .args(["render", "--out"])
        .arg(dir.path().join("uit"))
        .assert()
        .code(1);
    // `check` reports it first, so `render` refuses with the finding.
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("fout[template-error]")
            && stderr.contains("manifest/templates/document.html:2:"),
        "{stderr}"
    );
    // Forced, rendering itself meets it.
    let assert = kwaliteit()
        .arg("-C")
        .arg(dir.path())
        .args(["render", "--force", "--out"])
        .arg(dir.path().join("uit"))
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("manifest/templates/document.html (regel 2)"),
        "{stderr}"
    );
    assert!(!dir.path().join("uit").exists());
}

#[test]
fn links_between_files_point_into_the_document() {
    let dir = copy_of_manifest();
    let case = dir.path().join("cases/tuin-van-mevrouw-jansen.md");
    let mut text = fs::read_to_string(&case).unwrap();
    text.push_str(
        "\nZie ook [het uitgangspunt](../manifest/principles/01-de-almeerder-centraal.md#uitwerking), [de wijkcafés](sociale-cafes-in-de-wijken.md) en [de brief](../manifest/rounds/2015.md).\n",
    );
    fs::write(&case, text).unwrap();
    let (_, path) = render(dir.path(), "html");
    let html = fs::read_to_string(path).unwrap();
    assert!(
        html.contains("<a href=\"#uitwerking-de-almeerder-centraal\">het uitgangspunt</a>"),
        "principe"
    );
    assert!(
        html.contains("<a href=\"#casus-sociale-cafes-in-de-wijken\">de wijkcafés</a>"),
        "casus"
    );
    assert!(html.contains("en de brief."), "brief zonder link");
    assert!(
        !html.contains(".md"),
        "een link naar een bestand bleef staan"
    );
}

/// The parts of a zip archive whose entries are stored uncompressed, as docx-rs writes them.
fn stored_zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| {
        u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize
    };
    let mut entries = Vec::new();
    let mut at = 0;
    while at + 30 <= bytes.len() && bytes[at..at + 4] == *b"PK\x03\x04" {
        let method = u16_at(at + 8);
        let size = u32_at(at + 18);
        let name_len = u16_at(at + 26);
        let extra_len = u16_at(at + 28);
        let name = String::from_utf8_lossy(&bytes[at + 30..at + 30 + name_len]).into_owned();
        let data = at + 30 + name_len + extra_len;
        assert_eq!(
            method, 0,
            "{name} is gecomprimeerd; deze test leest alleen opgeslagen delen"
        );
        entries.push((name, bytes[data..data + size].to_vec()));
        at = data + size;
    }
    entries
}

#[test]
fn the_docx_is_a_zip_whose_document_has_the_headings_and_the_matrix() {
    let dir = copy_of_manifest();
    let (_, path) = render(dir.path(), "docx");
    let bytes = fs::read(path).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "geen zip");
    let entries = stored_zip_entries(&bytes);
    let part = |name: &str| {
        entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
            .unwrap_or_else(|| panic!("{name} ontbreekt"))
    };
    let document = part("word/document.xml");
    assert!(document.contains("Deze matrix is de schematische weergave"));
    assert!(document.contains(">Uit de praktijk<"));
    // The title is on the cover (Title); the parts are level 2; cases have no heading
    // level of their own: "Uit de praktijk" is their heading.
    for style in ["Title", "Heading2", "Heading3", "Heading4"] {
        assert!(
            document.contains(&format!("<w:pStyle w:val=\"{style}\" />")),
            "{style}"
        );
    }
    for text in [
        "Kwaliteitsmanifest Sociaal Domein",
        "Bijlage: matrix",
        "De Almeerder centraal",
        "Uit de praktijk",
    ] {
        assert!(document.contains(text), "{text}");
    }
    assert!(document.contains("<w:tbl>"), "geen tabel");
    assert!(
        document.contains("<w:tblHeader"),
        "de kopregel van de matrix herhaalt niet"
    );
    assert!(
        part("word/styles.xml").contains("nl-NL"),
        "taal niet Nederlands"
    );
}

/// The rules of a page's `<style>` as (selector, declarations), innermost blocks only
/// (the rules inside `@media` are found too).
fn style_rules(html: &str) -> Vec<(String, String)> {
    let start = html.find("<style>").expect("geen <style>") + "<style>".len();
    let css = &html[start..start + html[start..].find("</style>").expect("geen </style>")];
    for entity in ["&quot;", "&amp;", "&#", "&lt;", "&gt;"] {
        assert!(!css.contains(entity), "{entity} in <style>");
    }
    // Comments out first: they may hold braces.
    let mut plain = String::new();
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        plain.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    plain.push_str(rest);
    let mut rules = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut text = String::new();
    for c in plain.chars() {
        match c {
            '{' => open.push(std::mem::take(&mut text).trim().to_string()),
            '}' => {
                let selector = open.pop().expect("losse } in <style>");
                rules.push((selector, std::mem::take(&mut text).trim().to_string()));
            }
            _ => text.push(c),
        }
    }
    assert!(open.is_empty(), "open {{ in <style>");
    rules
}

fn declaration(rules: &[(String, String)], selector: &str, property: &str) -> Option<String> {
    rules
        .iter()
        .filter(|(s, _)| s.split(',').any(|s| s.trim() == selector))
        .flat_map(|(_, d)| d.split(';'))
        .filter_map(|d| d.split_once(':'))
        .filter(|(p, _)| p.trim() == property)
        .map(|(_, v)| v.trim().to_string())
        .next()
}

/// The body's font-family, with `var(--x)` looked up in `:root`: intact means a quoted
/// family name and a generic fallback, exactly as the style sheet has it.
fn assert_font_rule_intact(html: &str, what: &str) {
    let rules = style_rules(html);
    let mut family = declaration(&rules, "body", "font-family")
        .unwrap_or_else(|| panic!("{what}: body heeft geen font-family"));
    if let Some(name) = family
        .strip_prefix("var(")
        .and_then(|v| v.strip_suffix(')'))
    {
        family = declaration(&rules, ":root", name.trim())
            .unwrap_or_else(|| panic!("{what}: {name} staat niet in :root"));
    }
    assert!(
        family.contains('"') && family.ends_with("sans-serif"),
        "{what}: font-family {family}"
    );
}

#[test]
fn every_html_output_keeps_its_style_sheet_intact() {
    let dir = copy_of_manifest();
    let (_, path) = render(dir.path(), "html");
    assert_font_rule_intact(&fs::read_to_string(path).unwrap(), "render");

    let run = |args: &[&str]| -> String {
        let assert = kwaliteit()
            .arg("-C")
            .arg(dir.path())
            .args(args)
            .assert()
            .success();
        String::from_utf8(assert.get_output().stdout.clone()).unwrap()
    };
    assert_font_rule_intact(&run(&["matrix", "--format", "html"]), "matrix");

    // An earlier version to compare with: the same manifest with one sentence changed.
    let earlier = tempfile::tempdir().unwrap();
    copy_dir(dir.path(), earlier.path());
    let case = earlier.path().join("cases/tuin-van-mevrouw-jansen.md");
    let text = fs::read_to_string(&case).unwrap();
    fs::write(&case, text.replace("haar tuin niet", "haar moestuin niet")).unwrap();
    let earlier = earlier.path().to_str().unwrap();
    let here = dir.path().to_str().unwrap();
    let diff = run(&["diff", earlier, here, "--format", "html"]);
    assert!(diff.contains("<del>"), "{diff}");
    assert_font_rule_intact(&diff, "diff");

    let out = dir.path().join("uit");
    run(&[
        "advies",
        "--since",
        earlier,
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
    ]);
    let advies = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("advies")
        })
        .expect("geen advies geschreven");
    assert_font_rule_intact(&fs::read_to_string(advies).unwrap(), "advies");
}

#[test]
fn a_style_sheet_that_closes_the_style_element_is_refused() {
    let dir = copy_of_manifest();
    fs::create_dir_all(dir.path().join("manifest/templates")).unwrap();
    fs::write(
        dir.path().join("manifest/templates/style.css"),
        "body { color: red; }\n</STYLE><script>alert(1)</script>\n",
    )
    .unwrap();
    let assert = kwaliteit()
        .arg("-C")
        .arg(dir.path())
        .args(["render", "--force", "--out"])
        .arg(dir.path().join("uit"))
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("manifest/templates/style.css"), "{stderr}");
}

/// The schema order (ECMA-376 CT_PPr, CT_RPr, CT_SectPr) of the children the tool writes.
const PPR_ORDER: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "widowControl",
    "numPr",
    "pBdr",
    "shd",
    "tabs",
    "spacing",
    "ind",
    "jc",
    "outlineLvl",
    "rPr",
    "sectPr",
];
const RPR_ORDER: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "strike",
    "dstrike",
    "vanish",
    "color",
    "spacing",
    "sz",
    "szCs",
    "highlight",
    "u",
    "vertAlign",
    "lang",
];
const SECTPR_ORDER: &[&str] = &[
    "headerReference",
    "footerReference",
    "type",
    "pgSz",
    "pgMar",
    "pgNumType",
    "cols",
    "titlePg",
    "docGrid",
];

/// Every `pPr`, `rPr` and `sectPr` of a part has its children in the schema order.
fn assert_schema_order(doc: &roxmltree::Document, what: &str) {
    for node in doc.descendants().filter(|n| n.is_element()) {
        let order = match node.tag_name().name() {
            "pPr" => PPR_ORDER,
            "rPr" => RPR_ORDER,
            "sectPr" => SECTPR_ORDER,
            _ => continue,
        };
        let ranks: Vec<(usize, &str)> = node
            .children()
            .filter(|c| c.is_element())
            .map(|c| {
                let name = c.tag_name().name();
                let rank = order.iter().position(|o| *o == name);
                (
                    rank.unwrap_or_else(|| {
                        panic!("{what}: <{name}> in <{}> onbekend", node.tag_name().name())
                    }),
                    name,
                )
            })
            .collect();
        assert!(
            ranks.windows(2).all(|w| w[0].0 <= w[1].0),
            "{what}: kinderen van <{}> niet in schemavolgorde: {:?}",
            node.tag_name().name(),
            ranks.iter().map(|r| r.1).collect::<Vec<_>>()
        );
    }
}

/// A Word file as the tool must write it: schema order, Normal as default style on
/// every paragraph, Dutch, core properties, header and footer with page fields.
fn assert_word_file(bytes: &[u8], what: &str, toc: bool) {
    let entries = stored_zip_entries(bytes);
    let part = |name: &str| {
        entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| String::from_utf8(d.clone()).unwrap())
            .unwrap_or_else(|| panic!("{what}: {name} ontbreekt"))
    };
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    let styles_xml = part("word/styles.xml");
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    assert_schema_order(&styles, what);
    let normal = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some("Normal"))
        .unwrap_or_else(|| panic!("{what}: geen stijl Normal"));
    assert_eq!(
        normal.attribute((W, "default")),
        Some("1"),
        "{what}: Normal niet standaard"
    );
    let lang = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "rPrDefault")))
        .and_then(|d| d.descendants().find(|n| n.has_tag_name((W, "lang"))))
        .and_then(|l| l.attribute((W, "val")));
    assert_eq!(lang, Some("nl-NL"), "{what}: taal");

    let document_xml = part("word/document.xml");
    let document = roxmltree::Document::parse(&document_xml).unwrap();
    assert_schema_order(&document, what);
    for p in document.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        let style = p
            .children()
            .find(|n| n.has_tag_name((W, "pPr")))
            .and_then(|ppr| ppr.children().find(|n| n.has_tag_name((W, "pStyle"))));
        assert!(style.is_some(), "{what}: alinea zonder stijl");
    }
    let instructions: String = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "instrText")))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        instructions.contains(r#"TOC \o "1-3" \h \z \u"#),
        toc,
        "{what}: inhoudsopgave {instructions}"
    );

    // Every section refers to the header and the footer; the footer counts pages.
    let rels_xml = part("word/_rels/document.xml.rels");
    let rels = roxmltree::Document::parse(&rels_xml).unwrap();
    let target = |id: &str| {
        rels.descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .map(|t| format!("word/{t}"))
            .unwrap_or_else(|| panic!("{what}: relatie {id} ontbreekt"))
    };
    let sections: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    assert!(!sections.is_empty(), "{what}: geen sectie");
    for section in sections {
        for (reference, fields) in [
            ("headerReference", &[][..]),
            ("footerReference", &["PAGE", "NUMPAGES"][..]),
        ] {
            let id = section
                .children()
                .find(|n| n.has_tag_name((W, reference)))
                .and_then(|n| n.attribute((R, "id")))
                .unwrap_or_else(|| panic!("{what}: sectie zonder {reference}"));
            let xml = part(&target(id));
            let part = roxmltree::Document::parse(&xml).unwrap();
            assert_schema_order(&part, what);
            let text = part
                .descendants()
                .filter(|n| n.has_tag_name((W, "instrText")))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ");
            for field in fields {
                assert!(
                    text.split_whitespace().any(|w| w == *field),
                    "{what}: {field} ontbreekt in {reference}: {text}"
                );
            }
        }
    }

    let core_xml = part("docProps/core.xml");
    let core = roxmltree::Document::parse(&core_xml).unwrap();
    let value = |name: &str| {
        core.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert!(!value("title").is_empty(), "{what}: geen titel");
    assert_eq!(
        value("creator"),
        "Adviesraad Sociaal Domein Almere",
        "{what}"
    );
    let created = value("created");
    assert!(
        created.len() >= 10 && !created.starts_with("1970"),
        "{what}: aangemaakt {created:?}"
    );
    assert!(!core_xml.contains("unknown"), "{what}: {core_xml}");
}

#[test]
fn every_word_file_is_in_schema_order_dutch_with_properties_header_and_footer() {
    let dir = copy_of_manifest();
    let (_, path) = render(dir.path(), "docx");
    assert_word_file(&fs::read(path).unwrap(), "render", true);

    let earlier = tempfile::tempdir().unwrap();
    copy_dir(dir.path(), earlier.path());
    let case = earlier.path().join("cases/tuin-van-mevrouw-jansen.md");
    let text = fs::read_to_string(&case).unwrap();
    fs::write(&case, text.replace("haar tuin niet", "haar moestuin niet")).unwrap();
    let earlier = earlier.path().to_str().unwrap();
    let here = dir.path().to_str().unwrap();
    let out = dir.path().join("uit");
    let run = |args: &[&str]| {
        kwaliteit()
            .arg("-C")
            .arg(dir.path())
            .args(args)
            .assert()
            .success();
    };
    let diff = out.join("wijzigingen.docx");
    run(&[
        "diff",
        earlier,
        here,
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ]);
    let bytes = fs::read(&diff).unwrap();
    // The whole document, as `render` writes it, with its table of contents.
    assert_word_file(&bytes, "diff", true);
    // The council is the author of the tracked changes.
    let document = stored_zip_entries(&bytes)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, d)| String::from_utf8(d).unwrap())
        .unwrap();
    assert!(document.contains(r#"w:author="ASD""#), "{document}");

    let advies_out = dir.path().join("advies");
    run(&[
        "advies",
        "--since",
        earlier,
        "--format",
        "docx",
        "--out",
        advies_out.to_str().unwrap(),
    ]);
    let advies = fs::read_dir(&advies_out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "docx"))
        .expect("geen advies geschreven");
    assert_word_file(&fs::read(advies).unwrap(), "advies", true);
}

/// `&amp;` and friends back to text, tags dropped, spaces collapsed.
fn plain_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    normalise(
        &out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&amp;", "&"),
    )
}

/// The document's outline: (level, heading) in order; the table of contents left out.
fn html_outline(html: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        let start = rest.find('>').unwrap() + 1;
        let end = rest.find(&format!("</h{level}>")).unwrap();
        out.push((level as usize, plain_text(&rest[start..end])));
        rest = &rest[end..];
    }
    out.retain(|(_, t)| t != "Inhoud");
    out
}

fn markdown_outline(md: &str) -> Vec<(usize, String)> {
    md.lines()
        .filter_map(|l| {
            let level = l.chars().take_while(|c| *c == '#').count();
            let text = l.get(level..)?.strip_prefix(' ')?;
            (1..=6)
                .contains(&level)
                .then(|| (level, normalise(&text.replace('\\', ""))))
        })
        // The table of contents is left out, as in the HTML's outline.
        .filter(|(_, t)| t != "Inhoud")
        .collect()
}

fn word_outline(document: &str) -> Vec<(usize, String)> {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let doc = roxmltree::Document::parse(document).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter_map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((W, "pStyle")))?
                .attribute((W, "val"))?;
            let level = match style {
                "Title" => 1,
                s => s.strip_prefix("Heading")?.parse().ok()?,
            };
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect();
            Some((level, normalise(&text)))
        })
        .collect()
}

#[test]
fn html_markdown_and_word_have_the_same_outline_captions_and_parties() {
    let dir = copy_of_manifest();
    let (_, html) = render(dir.path(), "html");
    let (_, md) = render(dir.path(), "md");
    let (_, docx) = render(dir.path(), "docx");
    let html = fs::read_to_string(html).unwrap();
    let md = fs::read_to_string(md).unwrap();
    let document = stored_zip_entries(&fs::read(docx).unwrap())
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, d)| String::from_utf8(d).unwrap())
        .unwrap();

    // Parts, headings and the principles' numbering.
    let outline = html_outline(&html);
    assert!(
        outline.iter().any(|(l, t)| *l == 3 && t.starts_with("7. ")),
        "{outline:#?}"
    );
    assert_eq!(markdown_outline(&md), outline, "Markdown");
    assert_eq!(word_outline(&document), outline, "Word");
    // The letter has no heading: the cover's title comes first.
    assert_eq!(
        outline[0],
        (1, "Kwaliteitsmanifest Sociaal Domein".to_string())
    );

    // The cover, the matrix's caption and what each party stands for.
    let word_text = plain_text(&document);
    let md_text = normalise(&md.replace('\\', ""));
    let mut shared = vec![
        "Gemeente Almere".to_string(),
        // The source leaves the letter undated: the edition is the round's year.
        "Editie 2015".to_string(),
    ];
    let caption = &html[html.find("<caption>").unwrap() + 9..html.find("</caption>").unwrap()];
    shared.push(plain_text(caption));
    for piece in html.split(r#"<span class="description">"#).skip(1) {
        shared.push(plain_text(&piece[..piece.find("</span>").unwrap()]));
    }
    assert!(shared.len() > 5, "{shared:?}");
    for text in &shared {
        assert!(plain_text(&html).contains(text.as_str()), "HTML: {text}");
        assert!(md_text.contains(text.as_str()), "Markdown: {text}");
        assert!(word_text.contains(text.as_str()), "Word: {text}");
    }
}

#[test]
fn the_house_style_reaches_the_matrix_and_diff_pages_too() {
    let dir = copy_of_manifest();
    let root = dir.path();
    let old = tempfile::tempdir().unwrap();
    copy_dir(root, old.path());
    let yaml = root.join("manifest/manifest.yaml");
    let mut text = fs::read_to_string(&yaml).unwrap();
    text.push_str("huisstijl:\n  lettertype: Noto Sans\n  kleur: \"#1f4e79\"\n");
    fs::write(&yaml, text).unwrap();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("kwaliteit")
            .unwrap()
            .current_dir(root)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let old = old.path().to_str().unwrap();
    let new = root.to_str().unwrap();
    for (what, page) in [
        ("matrix", run(&["matrix", "--format", "html"])),
        ("diff", run(&["diff", "--format", "html", old, new])),
    ] {
        assert!(
            page.contains("--colour-primary: #1f4e79")
                && page.contains(r#"--font-family: "Noto Sans""#),
            "{what}: geen huisstijl\n{page}"
        );
    }
}
