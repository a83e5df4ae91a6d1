//! `--format pdf` as a reader and a checker get it: the real document of this
//! repository is PDF/UA-1 (tagged, Dutch, titled, bookmarked, fonts embedded), its
//! text is the seed's, and no text of a manifest is ever read as typst code.
#![cfg(feature = "pdf")]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::OnceLock;

use assert_cmd::Command;
use lopdf::{Document, Object, ObjectId};

mod common;
use common::*;

fn kwaliteit() -> Command {
    Command::cargo_bin("kwaliteit").unwrap()
}

/// `render --format pdf` of `repo` into `repo/uit`; the written file's path.
fn render_pdf(repo: &Path, extra: &[&str]) -> PathBuf {
    let out = repo.join("uit");
    let assert = kwaliteit()
        .arg("-C")
        .arg(repo)
        .args(["render", "--format", "pdf", "--out"])
        .arg(&out)
        .args(extra)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.starts_with("Geschreven: "), "{stdout}");
    assert!(stdout.trim_end().ends_with(".pdf"), "{stdout}");
    // The one file written; its name comes from the manifest's title.
    let written: Vec<PathBuf> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    written.into_iter().next().unwrap()
}

/// The PDF of this repository's manifest, rendered once for all tests (a debug build
/// of typst is slow).
fn real_pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        let dir = copy_of_manifest();
        let path = render_pdf(dir.path(), &[]);
        fs::read(path).unwrap()
    })
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

fn name<'a>(doc: &'a Document, d: &'a lopdf::Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    d.get(key)
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_name().ok())
}

/// The PDF's text as poppler's `pdftotext -raw` reads it (content order: no
/// dehyphenation, no space guessing); `None` when poppler-utils is not installed.
fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    fs::write(&path, pdf).unwrap();
    let out = Process::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext: {:?}", out);
    Some(String::from_utf8(out.stdout).expect("pdftotext gives UTF-8"))
}

/// In CI poppler-utils is installed (.ci/run); elsewhere the text tests say they skip.
fn text_or_skip(pdf: &[u8]) -> Option<String> {
    let text = pdftotext(pdf);
    if text.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext (poppler-utils) is required in CI"
        );
        eprintln!("pdftotext niet gevonden (poppler-utils): test overgeslagen");
    }
    text
}

fn count_outline(doc: &Document, first: Option<&Object>) -> Vec<String> {
    let mut titles = Vec::new();
    let mut next = first.cloned();
    while let Some(Object::Reference(id)) = next {
        let item = doc.get_dictionary(id).expect("outline item");
        let title = item
            .get(b"Title")
            .ok()
            .and_then(|t| lopdf::decode_text_string(deref(doc, t)).ok())
            .unwrap_or_default();
        titles.push(title);
        titles.extend(count_outline(doc, item.get(b"First").ok()));
        next = item.get(b"Next").ok().cloned();
    }
    titles
}

/// Structure element types in the tag tree, in document order.
fn struct_types(pdf: &Document) -> Vec<Vec<u8>> {
    let root: ObjectId = pdf
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut seen = Vec::new();
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
            seen.push(s.to_vec());
        }
        if let Ok(k) = d.get(b"K") {
            let kids: Vec<&Object> = match k {
                Object::Array(a) => a.iter().collect(),
                o => vec![o],
            };
            // Reversed onto the stack, so they come off in document order.
            for kid in kids.into_iter().rev() {
                if let Object::Reference(r) = kid {
                    stack.push(*r);
                }
            }
        }
    }
    seen
}

#[test]
fn the_real_document_is_pdf_ua_1() {
    let pdf = load(real_pdf());
    let cat = pdf.catalog().unwrap();

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

    let prefs = deref(&pdf, cat.get(b"ViewerPreferences").expect("prefs"))
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
        "pdfuaid:part 1 in the XMP"
    );
    assert!(xmp.contains("Kwaliteitsmanifest Sociaal Domein"), "title");
    assert!(xmp.contains("Adviesraad Sociaal Domein Almere"), "author");
}

#[test]
fn every_heading_has_a_bookmark_and_the_tags_are_in_order() {
    let pdf = load(real_pdf());
    let outlines = deref(
        &pdf,
        pdf.catalog().unwrap().get(b"Outlines").expect("Outlines"),
    )
    .as_dict()
    .unwrap();
    let bookmarks = count_outline(&pdf, outlines.get(b"First").ok());
    let types = struct_types(&pdf);
    let headings: Vec<u8> = types
        .iter()
        .filter(|t| t.len() == 2 && t[0] == b'H' && t[1].is_ascii_digit())
        .map(|t| t[1] - b'0')
        .collect();
    // One bookmark per heading (the table of contents' own title included).
    assert_eq!(bookmarks.len(), headings.len(), "{bookmarks:?}");
    // PDF/UA: the first heading is H1 and no level is skipped.
    assert_eq!(headings.first(), Some(&1));
    for w in headings.windows(2) {
        assert!(w[1] <= w[0] + 1, "heading level skipped: {headings:?}");
    }
    // The parts, each once, in the order of the other formats.
    let position = |title: &str| {
        bookmarks
            .iter()
            .position(|b| b == title)
            .unwrap_or_else(|| panic!("no bookmark {title:?}: {bookmarks:?}"))
    };
    let order = [
        "Inhoudsopgave",
        "Kwaliteitsmanifest Sociaal Domein",
        "Uitwerking Kwaliteitsmanifest",
        "Bijlage: matrix",
    ];
    for w in order.windows(2) {
        assert!(position(w[0]) < position(w[1]), "{bookmarks:?}");
    }
    assert_eq!(
        bookmarks
            .iter()
            .filter(|b| b.as_str() == "1. De Almeerder centraal")
            .count(),
        2,
        "a principle in the manifest and in its elaboration"
    );
    assert!(bookmarks.iter().any(|b| b.starts_with("Uit de praktijk")));
    // This manifest has no lists; the redline's changes are one (tested below).
    for t in ["P", "Table", "TH", "TD", "Link", "TOC", "TOCI"] {
        assert!(
            types.iter().any(|x| x == t.as_bytes()),
            "no {t} in the structure tree: {:?}",
            types
                .iter()
                .map(|t| String::from_utf8_lossy(t))
                .collect::<HashSet<_>>()
        );
    }
}

#[test]
fn every_font_is_embedded() {
    let pdf = load(real_pdf());
    let mut descriptors = 0;
    for obj in pdf.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        if name(&pdf, d, b"Type") == Some(b"FontDescriptor") {
            descriptors += 1;
            assert!(
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| d.has(k)),
                "font without an embedded file: {d:?}"
            );
        }
    }
    assert!(descriptors > 0);
}

#[test]
fn the_matrix_header_cells_are_th_and_repeat_on_each_page() {
    let pdf = load(real_pdf());
    let types = struct_types(&pdf);
    // Header cells: "Uitgangspunt" and one per party (eight), in the matrix; more in
    // the other tables.
    let th = types.iter().filter(|t| t.as_slice() == b"TH").count();
    assert!(th >= 9, "{th} header cells");
    let Some(text) = text_or_skip(real_pdf()) else {
        return;
    };
    // The annex runs over more than one page; its header row is on each.
    let annex = &text[text.find("Bijlage: matrix").expect("annex")..];
    let pages = annex
        .split('\u{c}')
        .filter(|p| p.contains("Uitgangspunt"))
        .count();
    assert!(pages >= 2, "the header row repeats: {pages} page(s)");
}

/// The PDF's text without running headers and footers: the lines of the title and
/// council at the top of a page, and "Pagina x van y".
fn body_text(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let l = l.trim();
            !(l.starts_with("Pagina ") && l.contains(" van "))
                && l != "Kwaliteitsmanifest Sociaal Domein Adviesraad Sociaal Domein Almere"
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_sentence_of_the_seed_is_in_the_pdf_text() {
    let Some(text) = text_or_skip(real_pdf()) else {
        return;
    };
    let text = normalise(&body_text(&text));
    let sentences = seed_sentences();
    assert!(sentences.len() > 120, "{} sentences", sentences.len());
    let mut missing = Vec::new();
    for s in &sentences {
        // The same documented choices as for the Markdown (tests/render.rs); and the
        // seed's *emphasis* is italic in the PDF, not asterisks.
        let s = s.replace('*', "");
        let s = s.trim_end_matches(':');
        let s = s.strip_prefix("Betreft ").unwrap_or(s);
        if s.contains("bevologenheid") || s == "Datum" || s == "Gemeente Almere." {
            continue;
        }
        if !text.contains(s) {
            missing.push(s.to_string());
        }
    }
    assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
}

#[test]
fn body_words_are_whole_and_the_footer_counts_pages() {
    let Some(text) = text_or_skip(real_pdf()) else {
        return;
    };
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(pages > 10, "{pages} pages");
    assert!(text.contains(&format!("Pagina 2 van {pages}")), "footer");
    // Body text is not hyphenated (tables may be: narrow matrix columns).
    let before_annex = &text[..text.find("Bijlage: matrix").unwrap()];
    for line in before_annex.lines() {
        let mut rev = line.trim_end().chars().rev();
        if rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic) {
            panic!("hyphenated line: {line:?}");
        }
    }
}

/// Strings typst would read as markup or code, if the generator let it.
const HOSTILE: &str = r#"#panic("x") $x^2$ *vet* _schuin_ @ref <label> `code` \ = / [c] ] [ ~ #{1+1} #read("/etc/passwd") ";panic(" \u{41} // /* -- ... #let x = 1"#;

/// `s` as Markdown that reads back as `s` itself: every punctuation mark escaped.
fn markdown_literal(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let escape = c.is_ascii_punctuation();
            escape.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

/// Text without white space and soft hyphens: typst breaks lines also after `/`
/// (no space in the text, one in pdftotext's) and hyphenates in tables (U+00AD).
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

fn set_key(file: &Path, key: &str, value: &str) {
    let text = fs::read_to_string(file).unwrap();
    let json = serde_json::to_string(value).unwrap();
    let prefix = format!("{key}:");
    let mut found = false;
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            if !found && l.starts_with(&prefix) {
                found = true;
                format!("{key}: {json}")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(found, "{key} in {}", file.display());
    fs::write(file, out.join("\n") + "\n").unwrap();
}

#[test]
fn every_text_of_a_manifest_is_printed_literally() {
    let dir = copy_of_manifest();
    let root = dir.path();
    let manifest = root.join("manifest/manifest.yaml");
    let field = |n: &str| format!("{n} {HOSTILE}");
    for (key, n) in [
        ("titel", "F01"),
        ("uitwerking_titel", "F02"),
        ("matrix_inleiding", "F03"),
        ("raad", "F04"),
        ("gemeente", "F05"),
    ] {
        set_key(&manifest, key, &field(n));
    }
    // A party's name and description.
    let yaml = fs::read_to_string(&manifest).unwrap();
    let yaml = yaml
        .replacen(
            "    naam: Inwoners",
            &format!(
                "    naam: {}",
                serde_json::to_string(&field("F06")).unwrap()
            ),
            1,
        )
        .replacen(
            "    omschrijving: inwonerniveau",
            &format!(
                "    omschrijving: {}",
                serde_json::to_string(&field("F07")).unwrap()
            ),
            1,
        );
    fs::write(&manifest, yaml).unwrap();

    let round = root.join("manifest/rounds/2015.md");
    let text = fs::read_to_string(&round).unwrap();
    let text = text
        .replacen(
            "aan: [college van Burgemeester en wethouders, Gemeente Almere]",
            &format!(
                "aan: [{}, {}]",
                serde_json::to_string(&field("F08")).unwrap(),
                serde_json::to_string(&field("F09")).unwrap()
            ),
            1,
        )
        .replacen(
            "  - naam: Klaas Jongejan",
            &format!(
                "  - naam: {}",
                serde_json::to_string(&field("F10")).unwrap()
            ),
            1,
        )
        .replacen(
            "    functie: Voorzitter",
            &format!(
                "    functie: {}",
                serde_json::to_string(&field("F11")).unwrap()
            ),
            1,
        )
        .replacen("jaar: 2015", "jaar: 2015\ndatum: 2015-08-18", 1)
        .replacen(
            "Graag zien wij uw reactie",
            &format!(
                "{}\n\nGraag zien wij uw reactie",
                markdown_literal(&field("F12"))
            ),
            1,
        );
    fs::write(&round, text).unwrap();
    for (key, n) in [("betreft", "F13"), ("aanhef", "F14"), ("slot", "F15")] {
        set_key(&round, key, &field(n));
    }

    let principle = root.join("manifest/principles/02-leren-en-verbeteren.md");
    set_key(&principle, "titel", &field("F16"));
    let text = fs::read_to_string(&principle).unwrap();
    // The short text, the elaboration, a matrix cell and a Markdown heading in a text.
    let text = text
        .replacen(
            "Het Sociaal Domein is volop in ontwikkeling.",
            &format!("{} Het Sociaal Domein is volop in ontwikkeling.", markdown_literal(&field("F17"))),
            1,
        )
        .replacen(
            "## Uitwerking\n",
            &format!(
                "## Uitwerking\n\n{}\n\n### {}\n\n*{}* **{}** `` {} `` [{}](<https://example.org/\"#>)\n",
                markdown_literal(&field("F18")),
                markdown_literal(&field("F19")),
                markdown_literal(&field("F20")),
                markdown_literal(&field("F21")),
                field("F22"),
                markdown_literal(&field("F23")),
            ),
            1,
        )
        .replacen(
            "  professionals: door de keukentafelgesprekken de vraag achter de vraag horen",
            &format!(
                "  professionals: {}",
                serde_json::to_string(&markdown_literal(&field("F24"))).unwrap()
            ),
            1,
        );
    fs::write(&principle, text).unwrap();

    let case = root.join("cases/medewerkers-van-manager-simon.md");
    let text = fs::read_to_string(&case).unwrap();
    let text = text
        .replacen(
            "id: medewerkers-van-manager-simon",
            &format!(
                "id: medewerkers-van-manager-simon\ntitel: {}",
                serde_json::to_string(&field("F25")).unwrap()
            ),
            1,
        )
        .replacen(
            "De medewerkers van manager Simon",
            &format!(
                "{}\n\nDe medewerkers van manager Simon",
                markdown_literal(&field("F26"))
            ),
            1,
        );
    fs::write(&case, text).unwrap();

    let path = render_pdf(root, &["--force"]);
    let pdf = fs::read(&path).unwrap();
    let Some(text) = text_or_skip(&pdf) else {
        return;
    };
    let text = squash(&text);
    let mut missing = Vec::new();
    for n in 1..=26 {
        let expected = field(&format!("F{n:02}"));
        if !text.contains(&squash(&expected)) {
            missing.push(expected);
        }
    }
    assert!(
        missing.is_empty(),
        "not printed literally:\n{}\n\nin:\n{text}",
        missing.join("\n")
    );
}

#[test]
fn a_failed_pdf_leaves_the_previous_file_intact() {
    let dir = copy_of_manifest();
    let out = dir.path().join("uit");
    fs::create_dir_all(&out).unwrap();
    let path = out.join("kwaliteitsmanifest-sociaal-domein.pdf");
    fs::write(&path, b"vorige versie").unwrap();
    // A broken manifest: refused before anything is made.
    fs::write(dir.path().join("manifest/manifest.yaml"), "titel: [\n").unwrap();
    kwaliteit()
        .arg("-C")
        .arg(dir.path())
        .args(["render", "--format", "pdf", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    assert_eq!(fs::read(&path).unwrap(), b"vorige versie");
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn the_redline_pdf_strikes_and_underlines_with_a_legend() {
    let root = repo_root().join("tests/cmd/diff-folders.in");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wijzigingen.pdf");
    let assert = kwaliteit()
        .current_dir(&root)
        .args(["diff", "oud", "nieuw", "--format", "pdf", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&assert.get_output().stdout).starts_with("Geschreven: "));
    let bytes = fs::read(&path).unwrap();
    let pdf = load(&bytes);
    let types = struct_types(&pdf);
    for t in ["H1", "H2", "Table", "TH", "L", "LI", "BlockQuote"] {
        assert!(
            types.iter().any(|x| x == t.as_bytes()),
            "no {t} in the redline's structure tree"
        );
    }
    // The marks are drawn in their colours: red strike-through, green underline.
    let drawn: String = pdf
        .page_iter()
        .flat_map(|p| pdf.get_page_content(p).unwrap_or_default())
        .map(char::from)
        .collect();
    for colour in ["0.7019608 0 0.105882354", "0 0.41960785 0.1764706"] {
        assert!(drawn.contains(colour), "colour {colour} not drawn");
    }
    let Some(text) = text_or_skip(&bytes) else {
        return;
    };
    let text = normalise(&text);
    for s in [
        "Wijzigingen in het kwaliteitsmanifest",
        "Van oud naar nieuw.",
        "Wat Toegevoegd Verwijderd Verplaatst Gewijzigd",
        "Leeswijzer: onderstreepte groene tekst is toegevoegd; doorgehaalde rode tekst is verwijderd.",
        "De partij ‘Professionals’ is aan de matrix toegevoegd.",
        "De inwoner is zowel klant als opdrachtgever van de gemeente en denkt mee over de zorg.",
        "structureel en opbouwend samenwerken met partners",
    ] {
        assert!(text.contains(s), "{s:?} not in:\n{text}");
    }
}

/// CLI transcripts of the PDF commands (the written file and the message; the PDF
/// itself is binary), here and not in tests/cmd/, so that a build without the `pdf`
/// feature runs the other transcripts unchanged.
#[test]
fn cli_transcripts() {
    trycmd::TestCases::new().case("tests/cmd-pdf/*.toml");
}

/// The letter's sender block, reference lines and house style come from manifest.yaml
/// and the round, as in HTML and Word; a font the PDF does not carry is refused.
#[test]
fn the_pdf_letter_has_the_sender_reference_lines_and_house_style() {
    let dir = copy_of_manifest();
    let root = dir.path();
    let yaml = root.join("manifest/manifest.yaml");
    let mut text = fs::read_to_string(&yaml).unwrap();
    text.push_str(
        "adres:\n  - Postbus 200\n  - 1300 AE Almere\nemail: asd@example.nl\nhuisstijl:\n  lettertype: Open Sans\n  kleur: \"#1f4e79\"\n",
    );
    fs::write(&yaml, &text).unwrap();
    let round = root.join("manifest/rounds/2015.md");
    let r = fs::read_to_string(&round).unwrap();
    let r = r.replacen(
        "---\n",
        "---\nkenmerk: ASD-2015-07\ncontactpersoon:\n  naam: J. de Vries\n  telefoon: \"036 000 00 00\"\n",
        1,
    );
    fs::write(&round, r).unwrap();
    let pdf = fs::read(render_pdf(root, &[])).unwrap();
    let drawn: String = {
        let doc = load(&pdf);
        doc.page_iter()
            .flat_map(|p| doc.get_page_content(p).unwrap_or_default())
            .map(char::from)
            .collect()
    };
    // #1f4e79 as typst writes an RGB fill.
    assert!(
        drawn.contains("0.12156863 0.30588236 0.4745098"),
        "kleur niet gebruikt"
    );
    if let Some(text) = text_or_skip(&pdf) {
        let text = normalise(&text);
        for s in [
            "Postbus 200",
            "1300 AE Almere",
            "asd@example.nl",
            "Ons kenmerk",
            "ASD-2015-07",
            "J. de Vries, 036 000 00 00",
            "Bijlage",
        ] {
            assert!(text.contains(s), "{s:?} niet in de brief:\n{text}");
        }
    }
    fs::write(&yaml, text.replace("Open Sans", "Noto Sans")).unwrap();
    let out = kwaliteit()
        .arg("-C")
        .arg(root)
        .args(["render", "--format", "pdf", "--out"])
        .arg(root.join("uit2"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Noto Sans"), "{stderr}");
    assert!(!root.join("uit2").exists() || fs::read_dir(root.join("uit2")).unwrap().count() == 0);
}
