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
    let mut written = Written::of(&pieces(view).filter(|p| p.writable()).collect::<Vec<_>>());
    let mut n = 0;
    let (mut docx, contents) = document_with(view, &house, &mut |piece, out| {
        if piece.writable() {
            out.push(Written::placeholder(n));
            n += 1;
        } else {
            piece.write(out);
        }
    });
    contents.place(&mut docx, &mut written);
    Built::of(view, &house, docx, written).parts()
}

/// A built document (the view's or a redline made of two) with what else it takes of
/// its view, so that the view can be freed before the XML is made.
pub(super) struct Built {
    docx: Docx,
    written: Written,
    /// Each picture's alternative text, the logo's first: it is what a screen reader
    /// says for it.
    descriptions: Vec<(Vec<u8>, String)>,
    /// The core properties part (title, author, language, dates).
    core: String,
}

impl Built {
    fn of(view: &View, house: &House, docx: Docx, written: Written) -> Self {
        let descriptions = view
            .house
            .logo
            .iter()
            .map(|logo| (logo.bytes.to_vec(), logo.alt.clone()))
            .chain(tree::image_descriptions(view))
            .collect();
        Built {
            docx,
            written,
            descriptions,
            core: core_properties(house),
        }
    }

    /// The package parts, with the pieces written ahead in their places.
    fn parts(self) -> Result<XMLDocx, RenderError> {
        let Built {
            mut docx,
            mut written,
            descriptions,
            core,
        } = self;
        written.register_links(&mut docx);
        let mut xml = finish(docx, core)?;
        xml.document = written.splice(std::mem::take(&mut xml.document));
        xml.document = mark_header_row(std::mem::take(&mut xml.document))?;
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
/// where it reads the same in both versions); the rest is built here. The table of
/// contents is left to the caller to place.
fn document_with(
    view: &View,
    house_props: &House,
    piece: &mut dyn FnMut(Piece, &mut Vec<DocumentChild>),
) -> (Docx, Contents) {
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

    let mut body = Body {
        children: &mut docx.document.children,
        contents: Vec::new(),
    };
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
    let toc_at = body.children.len();
    // A new advice says what changed since the previous one, right after the contents.
    if let Some(changes) = &view.changes {
        body.heading(2, &changes.title, true);
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
    body.heading(2, &view.title, true);
    // A principle's heading is part of its pieces.
    for p in &view.principles {
        body.listed(3, &p.heading);
        piece(Piece::Short(p), body.children);
    }
    body.heading(2, &view.elaboration_title, true);
    for p in &view.principles {
        body.listed(3, &p.heading);
        piece(Piece::Texts(p), body.children);
        for c in &p.cases {
            piece(Piece::Case(c), body.children);
        }
    }
    // The section break starts the annex on a new (landscape) page.
    body.push(Paragraph::new().section_property(portrait));
    body.heading(2, ANNEX_HEADING, false);
    body.push(Paragraph::new().add_run(Run::new().add_text(clean(&view.matrix_intro))));
    body.push(
        Paragraph::new()
            .style("Caption")
            .keep_next(true)
            .add_run(Run::new().add_text(super::matrix::CAPTION)),
    );
    piece(Piece::Matrix(&view.matrix), body.children);
    if let Some(response) = &view.response {
        body.heading(2, &format!("Bijlage: {}", response.title), true);
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
    let contents = Contents {
        at: toc_at,
        entries: body.contents,
    };
    (docx, contents)
}

/// The headings the table of contents lists (levels 1 to 3) and where it goes. It is
/// written as XML, not as a docx-rs tree: a big manifest has thousands of entries.
struct Contents {
    at: usize,
    entries: Vec<(usize, String)>,
}

impl Contents {
    /// The table of contents in its place, written ahead with the pieces.
    fn place(self, docx: &mut Docx, written: &mut Written) {
        let n = written.add(table_of_contents(self.entries));
        docx.document
            .children
            .insert(self.at, Written::placeholder(n));
    }

    /// One paragraph where the table of contents goes, for a version whose contents
    /// are not shown (the redline shows the new version's).
    fn stand_in(self, docx: &mut Docx) {
        let toc = table_of_contents(Vec::new());
        docx.document.children.splice(self.at..self.at, toc);
    }
}

/// A TOC field over the heading styles. Its shown result lists the headings
/// (without page numbers): LibreOffice shows that as it is; Word recomputes the
/// field, with page numbers, on opening (dirty) or with F9.
fn table_of_contents(entries: Vec<(usize, String)>) -> impl Iterator<Item = DocumentChild> {
    let begin = || {
        Run::new()
            .add_field_char(FieldCharType::Begin, true)
            .add_instr_text(InstrText::Unsupported(TOC_FIELD.to_string()))
            .add_field_char(FieldCharType::Separate, false)
    };
    let end = || Run::new().add_field_char(FieldCharType::End, false);
    let placeholder = entries.is_empty().then(|| {
        Paragraph::new()
            .add_run(begin())
            .add_run(Run::new().add_text(TOC_PLACEHOLDER))
            .add_run(end())
    });
    let last = entries.len().saturating_sub(1);
    let listed = entries
        .into_iter()
        .enumerate()
        .map(move |(i, (level, text))| {
            // Word's built-in entry styles ("toc N"), which it uses when it recomputes.
            let mut p = Paragraph::new().style(&format!("TOC{level}"));
            if i == 0 {
                p = p.add_run(begin());
            }
            p = p.add_run(Run::new().add_text(clean(&text)));
            if i == last {
                p = p.add_run(end());
            }
            p
        });
    placeholder
        .into_iter()
        .chain(listed)
        .map(|p| DocumentChild::Paragraph(Box::new(p)))
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
/// Vec of their own: that copy doubled the peak memory of a big manifest. The
/// headings of levels 1 to 3 are noted for the table of contents.
struct Body<'a> {
    children: &'a mut Vec<DocumentChild>,
    contents: Vec<(usize, String)>,
}

impl Body<'_> {
    fn push(&mut self, p: Paragraph) {
        self.children.push(DocumentChild::Paragraph(Box::new(p)));
    }

    fn extend(&mut self, children: Vec<DocumentChild>) {
        self.children.extend(children);
    }

    /// A heading, on a new page or not.
    fn heading(&mut self, level: usize, text: &str, new_page: bool) {
        self.listed(level, text);
        let p = heading(level, text);
        self.push(if new_page {
            p.page_break_before(true)
        } else {
            p
        });
    }

    /// A heading written elsewhere (in a piece), for the table of contents.
    fn listed(&mut self, level: usize, text: &str) {
        if level <= 3 {
            self.contents.push((level, text.to_string()));
        }
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
    children.push(DocumentChild::Paragraph(Box::new(heading(
        4,
        &case.heading,
    ))));
    children.extend(tree::document(&case.story.doc, Fmt::default()));
    children.extend(tree::document(&laws_line(&case.laws), Fmt::default()));
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
