//! Word output: letter, manifest, elaboration with cases and the matrix as a
//! landscape annex. Real heading styles (Heading1..Heading5 with outline
//! levels) so Word's navigation pane, LibreOffice's navigator and PDF
//! bookmarks show the structure; Dutch as the document language.

use std::io::{Cursor, Seek, Write};

use docx_rs::{
    AlignmentType, BreakType, DocumentChild, Docx, FieldCharType, Footer, Header, HeaderReference,
    InstrText, LineSpacing, LineSpacingType, NumPages, PageMargin, PageNum, PageOrientationType,
    PageSize, Paragraph, Pic, Run, RunFonts, SectionProperty, Shading, ShdType, Style, StyleType,
    Tab, TabValueType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, WidthType, XMLDocx,
};

mod house;
mod letter;
mod matrix;
pub mod redline;
mod tree;
mod written;
pub mod xml;

pub use house::{House, created, finish, house, house_styled, pack, pack_into};
use letter::letter_part;
#[cfg(test)]
use matrix::column_widths;
use matrix::matrix_table;

use tree::{Ctx, Fmt, start};
use written::{Piece, Written};
use xml::{clean, core_properties, insert_before, mark_header_row, schema_order_fix};

use super::{CaseView, Letter, RenderError, View};
use crate::analysis::matrix::Matrix;
use crate::model::document::Document;

pub(crate) const LANG: &str = "nl-NL";
/// The house font stack ("Segoe UI", "Noto Sans", "Liberation Sans", Arial) has no
/// fallbacks in Word: Arial is on every Windows and Office, and LibreOffice
/// substitutes the metric-compatible Liberation Sans, so line breaks agree.
pub(crate) const FONT: &str = "Arial";
pub(crate) const MONO: &str = "Consolas";
/// The house colour (templates/style.css `--colour-primary`), unless the council sets its own.
const PRIMARY: &str = "154273";
/// Where the values of the letter's reference lines start (3.5 cm).
const META_TAB: usize = 1985;
/// Font sizes in half-points.
const BODY_SIZE: usize = 21;
const SMALL_SIZE: usize = 17;
/// The matrix: eight parties on a landscape page.
const MATRIX_SIZE: usize = 16;
/// A4 in twips.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
/// 2.5 cm for the text; 1.5 cm in the landscape annex, to give the matrix room.
const MARGIN: i32 = 1418;
const ANNEX_MARGIN: i32 = 851;
/// Left and right padding in a matrix cell (0.1 cm), narrower than Word's default.
const CELL_PADDING: usize = 57;
/// Indent step for lists and quotes (~0.63 cm), also the hanging width of a marker.
pub(crate) const INDENT: i32 = 357;
const HEADER_FILL: &str = "D9D9D9";
const BORDER_COLOR: &str = "7F7F7F";

/// Fixed Dutch texts.
const ANNEX_HEADING: &str = "Bijlage: matrix";
const PRINCIPLE_COLUMN: &str = "Uitgangspunt";
const TOC_HEADING: &str = "Inhoud";
const TOC_FIELD: &str = r#" TOC \o "1-3" \h \z \u "#;
const TOC_PLACEHOLDER: &str =
    "Werk de inhoudsopgave bij: klik er met de rechtermuisknop op en kies ‘Veld bijwerken’ (F9).";

/// A Word document (`.docx`); its layout is code, not a template.
pub struct Word;

impl super::DocumentFormat for Word {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn uses_templates(&self) -> bool {
        false
    }

    fn render(
        &self,
        view: &View,
        _templates: &super::templates::Templates,
    ) -> Result<Vec<u8>, RenderError> {
        render(view)
    }

    fn rendered(
        &self,
        view: &View,
        _templates: &super::templates::Templates,
    ) -> Result<super::Rendered, RenderError> {
        Ok(super::Rendered::Word(Box::new(build_parts(view)?)))
    }
}

pub fn render(view: &View) -> Result<Vec<u8>, RenderError> {
    pack(build_parts(view)?)
}

/// The package parts before zipping.
pub(super) fn build_parts(view: &View) -> Result<XMLDocx, RenderError> {
    let house = House::of(view);
    let written = Written::of(&pieces(view).filter(|p| p.writable()).collect::<Vec<_>>());
    let mut n = 0;
    let docx = document_with(view, &house, &mut |piece, out| {
        if piece.writable() {
            out.push(Written::placeholder(n));
            n += 1;
        } else {
            piece.write(out);
        }
    });
    parts_of(view, &house, docx, written)
}

/// The package parts of a built document (the view's or a redline made of two), with
/// the pieces written ahead in their places.
fn parts_of(
    view: &View,
    house: &House,
    mut docx: Docx,
    mut written: Written,
) -> Result<XMLDocx, RenderError> {
    written.register_links(&mut docx);
    let mut xml = finish(docx, house)?;
    xml.document = written.splice(std::mem::take(&mut xml.document));
    xml.document = mark_header_row(std::mem::take(&mut xml.document))?;
    // The logo's alternative text first: it is what a screen reader says for it.
    let descriptions: Vec<(Vec<u8>, String)> = view
        .house
        .logo
        .iter()
        .map(|logo| (logo.bytes.to_vec(), logo.alt.clone()))
        .chain(tree::image_descriptions(view))
        .collect();
    xml.document =
        xml::describe_pictures(std::mem::take(&mut xml.document), &xml.media, &descriptions);
    // docx-rs names every picture `.png`; a JPEG is declared as what it is.
    for (name, bytes) in &xml.media {
        if crate::model::image::ImageKind::sniff(bytes)
            == Some(crate::model::image::ImageKind::Jpeg)
        {
            xml.content_type = insert_before(
                &xml.content_type,
                "</Types>",
                &format!(
                    r#"<Override PartName="/word/media/{name}.png" ContentType="image/jpeg" />"#
                ),
            )?;
        }
    }
    Ok(xml)
}

/// The pieces of a view in the order `document_with` meets them.
fn pieces(view: &View) -> impl Iterator<Item = Piece<'_>> {
    let manifest = view.principles.iter().map(Piece::Short);
    let elaboration = view
        .principles
        .iter()
        .flat_map(|p| std::iter::once(Piece::Texts(p)).chain(p.cases.iter().map(Piece::Case)));
    manifest
        .chain(elaboration)
        .chain(std::iter::once(Piece::Matrix(&view.matrix)))
}

/// The document, each piece written by `piece` (ahead, or by the redline as a group
/// where it reads the same in both versions); the rest is built here.
fn document_with(
    view: &View,
    house_props: &House,
    piece: &mut dyn FnMut(Piece, &mut Vec<DocumentChild>),
) -> Docx {
    // The document's own (last) section is the landscape annex; the header and
    // footer of the house serve every section but the letter's. The empty "first
    // page" header and footer leave the cover bare (title page).
    let empty_header = Header::new().add_paragraph(Paragraph::new().style("Header"));
    let empty_footer = Footer::new().add_paragraph(Paragraph::new().style("Footer"));
    let mut docx = house_styled(house_props, &view.house)
        .first_header(empty_header)
        .first_footer(empty_footer)
        .page_size(A4_LONG, A4_SHORT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins(ANNEX_MARGIN));
    // `first_header` makes the annex a title-page section too; it is not one.
    docx.document.section_property.title_pg = false;
    let own = docx.document.section_property.clone();
    let page = SectionProperty::new()
        .page_size(PageSize::new().size(A4_SHORT, A4_LONG))
        .page_margin(margins(MARGIN));
    // The manifest: cover without header and footer, then the running ones.
    let mut portrait = page.clone().title_pg();
    portrait.header_reference = own.header_reference.clone();
    portrait.footer_reference = own.footer_reference.clone();
    portrait.first_header_reference = own.first_header_reference.clone();
    portrait.first_footer_reference = own.first_footer_reference.clone();
    // The letter has its letterhead instead of the running header, and its page numbers.
    let mut letter_section = page;
    letter_section.header_reference = own
        .first_header_reference
        .clone()
        .map(|r| HeaderReference::new("default", r.id));
    letter_section.footer_reference = own.footer_reference.clone();

    let mut body = Body(&mut docx.document.children);
    // The letter stands alone, first, in its own section.
    if let Some(letter) = &view.letter {
        letter_part(view, letter, &mut body);
        body.push(Paragraph::new().section_property(letter_section));
    }
    cover(view, &mut body);
    body.push(
        Paragraph::new()
            .style("TOCHeading")
            .add_run(Run::new().add_text(TOC_HEADING)),
    );
    // The contents go here once all headings are known.
    let toc_at = body.0.len();
    // A new advice says what changed since the previous one, right after the contents.
    if let Some(changes) = &view.changes {
        body.push(heading(2, &changes.title).page_break_before(true));
        let item = Ctx {
            indent: INDENT,
            fmt: Fmt::default(),
        };
        for sentence in &changes.sentences {
            // Plain sentences, not Markdown.
            body.push(
                start(item, Some("•".to_string())).add_run(Run::new().add_text(clean(sentence))),
            );
        }
    }
    body.push(heading(2, &view.title).page_break_before(true));
    for p in &view.principles {
        body.push(heading(3, &p.heading));
        piece(Piece::Short(p), body.0);
    }
    body.push(heading(2, &view.elaboration_title).page_break_before(true));
    for p in &view.principles {
        body.push(heading(3, &p.heading));
        piece(Piece::Texts(p), body.0);
        for c in &p.cases {
            piece(Piece::Case(c), body.0);
        }
    }
    // The section break starts the annex on a new (landscape) page.
    body.push(Paragraph::new().section_property(portrait));
    body.push(heading(2, ANNEX_HEADING));
    body.push(Paragraph::new().add_run(Run::new().add_text(clean(&view.matrix_intro))));
    body.push(
        Paragraph::new()
            .style("Caption")
            .keep_next(true)
            .add_run(Run::new().add_text(super::matrix::CAPTION)),
    );
    piece(Piece::Matrix(&view.matrix), body.0);
    if let Some(response) = &view.response {
        body.push(heading(2, &format!("Bijlage: {}", response.title)).page_break_before(true));
        let received = response.received.as_ref().map_or_else(
            || "Er is nog geen reactie ontvangen.".to_string(),
            |r| format!("Ontvangen op {r}."),
        );
        body.push(Paragraph::new().add_run(Run::new().add_text(clean(&received))));
        for row in &response.rows {
            let mut line = format!("{} — {}", row.point, row.verdict);
            if !row.note.is_empty() {
                line.push_str(&format!(" ({})", row.note));
            }
            body.push(Paragraph::new().add_run(Run::new().add_text(clean(&format!("• {line}")))));
        }
    }
    let toc = table_of_contents(&docx.document.children);
    docx.document.children.splice(toc_at..toc_at, toc);
    docx
}

/// A TOC field over the heading styles. Its shown result lists the headings
/// (without page numbers): LibreOffice shows that as it is; Word recomputes the
/// field, with page numbers, on opening (dirty) or with F9.
fn table_of_contents(children: &[DocumentChild]) -> Vec<DocumentChild> {
    let entries: Vec<(usize, String)> = children
        .iter()
        .filter_map(|c| match c {
            DocumentChild::Paragraph(p) => {
                let style = p.property.style.as_ref()?.val.as_str();
                let level = match style {
                    "Heading1" => 1,
                    "Heading2" => 2,
                    "Heading3" => 3,
                    _ => return None,
                };
                Some((level, p.raw_text()))
            }
            _ => None,
        })
        .collect();
    let begin = Run::new()
        .add_field_char(FieldCharType::Begin, true)
        .add_instr_text(InstrText::Unsupported(TOC_FIELD.to_string()))
        .add_field_char(FieldCharType::Separate, false);
    let end = Run::new().add_field_char(FieldCharType::End, false);
    if entries.is_empty() {
        let p = Paragraph::new()
            .add_run(begin)
            .add_run(Run::new().add_text(TOC_PLACEHOLDER))
            .add_run(end);
        return vec![DocumentChild::Paragraph(Box::new(p))];
    }
    let last = entries.len() - 1;
    let mut begin = Some(begin);
    entries
        .into_iter()
        .enumerate()
        .map(|(i, (level, text))| {
            // Word's built-in entry styles ("toc N"), which it uses when it recomputes.
            let mut p = Paragraph::new().style(&format!("TOC{level}"));
            if let Some(b) = begin.take() {
                p = p.add_run(b);
            }
            p = p.add_run(Run::new().add_text(clean(&text)));
            if i == last {
                p = p.add_run(Run::new().add_field_char(FieldCharType::End, false));
            }
            DocumentChild::Paragraph(Box::new(p))
        })
        .collect()
}

/// The cover: title, council, municipality and the edition, then a page break.
fn cover(view: &View, body: &mut Body) {
    body.push(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(clean(&view.title))),
    );
    body.push(
        Paragraph::new()
            .style("Subtitle")
            .add_run(Run::new().add_text(clean(&view.council))),
    );
    body.push(
        Paragraph::new()
            .style("Subtitle")
            .add_run(Run::new().add_text(clean(&format!("Gemeente {}", view.municipality)))),
    );
    let mut edition = Paragraph::new().style("Subtitle");
    if let Some(e) = &view.edition {
        let text = match &e.date {
            Some(date) => format!("{}, {date}", e.label),
            None => e.label.clone(),
        };
        edition = edition.add_run(Run::new().add_text(clean(&text)));
    }
    body.push(edition);
    body.push(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
}

/// Paragraphs go straight into the document, boxed, rather than through a
/// Vec of their own: that copy doubled the peak memory of a big manifest.
struct Body<'a>(&'a mut Vec<DocumentChild>);

impl Body<'_> {
    fn push(&mut self, p: Paragraph) {
        self.0.push(DocumentChild::Paragraph(Box::new(p)));
    }

    fn extend(&mut self, children: Vec<DocumentChild>) {
        self.0.extend(children);
    }
}

/// Cited laws as one line of links (empty when none), so they become hyperlinks.
fn laws_line(laws: &[crate::render::LawView]) -> Document {
    if laws.is_empty() {
        return Document::default();
    }
    let links: Vec<String> = laws
        .iter()
        .map(|l| format!("[{}](<{}>)", l.label.replace(['[', ']'], ""), l.url))
        .collect();
    Document::parse(&format!("Wetten: {}", links.join("; ")), 0)
}

fn case_part(case: &CaseView, children: &mut Vec<DocumentChild>) {
    let mut body = Body(children);
    body.push(heading(4, &case.heading));
    body.extend(tree::document(&case.story.doc, Fmt::default()));
    body.extend(tree::document(&laws_line(&case.laws), Fmt::default()));
}

fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(clean(text)))
}

fn text_paragraph(text: &str) -> Paragraph {
    Fmt::default().paragraph(text)
}

fn numbered(number: usize, title: &str) -> String {
    format!("{number}. {title}")
}

fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .east_asia(name)
}

fn margins(m: i32) -> PageMargin {
    PageMargin::new()
        .top(m)
        .bottom(m)
        .left(m)
        .right(m)
        .header(709)
        .footer(709)
}

#[cfg(test)]
pub(crate) mod tests;
