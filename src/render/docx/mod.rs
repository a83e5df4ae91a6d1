//! Word output: letter, manifest, elaboration with cases and the matrix as a
//! landscape annex. Real heading styles (Heading1..Heading5 with outline
//! levels) so Word's navigation pane, LibreOffice's navigator and PDF
//! bookmarks show the structure; Dutch as the document language.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, DocumentChild, Docx, Footer, LineSpacing, LineSpacingType,
    PageMargin, PageNum, PageOrientationType, PageSize, Paragraph, Run, RunFonts, SectionProperty,
    Shading, ShdType, Style, StyleType, Table, TableBorder, TableBorderPosition, TableBorders,
    TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType, XMLDocx,
};

mod tree;
mod xml;

use tree::{Ctx, Fmt, start};
use xml::{clean, core_properties, insert_before, mark_header_row};

use super::{CaseView, Letter, RenderError, View};
use crate::analysis::matrix::Matrix;
use crate::model::document::Document;

pub(crate) const LANG: &str = "nl-NL";
pub(crate) const FONT: &str = "Calibri";
pub(crate) const MONO: &str = "Consolas";
/// Font sizes in half-points.
const BODY_SIZE: usize = 22;
const SMALL_SIZE: usize = 18;
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
const LETTER_HEADING: &str = "Adviesbrief";
const ANNEX_HEADING: &str = "Bijlage: matrix";
const PRINCIPLE_COLUMN: &str = "Uitgangspunt";

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
}

pub fn render(view: &View) -> Result<Vec<u8>, RenderError> {
    let parts = build_parts(view)?;
    let mut out = Cursor::new(Vec::new());
    parts
        .pack(&mut out)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// The package parts before zipping: what docx-rs builds plus the few things
/// it has no API for (language, repeating header row, core properties).
pub(super) fn build_parts(view: &View) -> Result<XMLDocx, RenderError> {
    let mut xml = document(view).build();
    // docx-rs cannot set w:lang; in the run defaults it makes Dutch the
    // language of every text (spelling check, hyphenation, screen readers).
    xml.styles = insert_before(
        &xml.styles,
        "</w:rPr></w:rPrDefault>",
        &format!(r#"<w:lang w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="ar-SA" />"#),
    )?;
    xml.document = mark_header_row(&xml.document)?;
    // docx-rs has no setters for the core properties; the part is small, so write it whole.
    xml.doc_props.core = core_properties(view).into_bytes();
    Ok(xml)
}

fn document(view: &View) -> Docx {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new()),
    );
    // The document's own (last) section is the landscape annex.
    let mut docx = Docx::new()
        .default_fonts(fonts(FONT))
        .default_size(BODY_SIZE)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .footer(footer)
        .page_size(A4_LONG, A4_SHORT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins(ANNEX_MARGIN));
    for style in styles() {
        docx = docx.add_style(style);
    }
    // The portrait section ends in a paragraph of its own; it shares the footer.
    let mut portrait = SectionProperty::new()
        .page_size(PageSize::new().size(A4_SHORT, A4_LONG))
        .page_margin(margins(MARGIN));
    portrait.footer_reference = docx.document.section_property.footer_reference.clone();

    let mut body = Body(&mut docx.document.children);
    body.push(heading(1, &view.title));
    body.push(
        Paragraph::new().add_run(
            Run::new()
                .add_text(clean(&view.council))
                .size(28)
                .color("404040"),
        ),
    );
    if let Some(letter) = &view.letter {
        letter_part(letter, &mut body);
    }
    // A new advice says what changed since the previous one, right after its letter.
    if let Some(changes) = &view.changes {
        body.push(heading(2, &changes.title));
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
        body.extend(tree::document(&p.short_text.doc, Fmt::default()));
    }
    body.push(heading(2, &view.elaboration_title).page_break_before(true));
    for p in &view.principles {
        body.push(heading(3, &p.heading));
        body.extend(tree::document(&p.short_text.doc, Fmt::default()));
        body.extend(tree::document(&p.elaboration.doc, Fmt::default()));
        body.extend(tree::document(&laws_line(&p.laws), Fmt::default()));
        for case in &p.cases {
            case_part(case, &mut body);
        }
    }
    // The section break starts the annex on a new (landscape) page.
    body.push(Paragraph::new().section_property(portrait));
    body.push(heading(2, ANNEX_HEADING));
    body.push(Paragraph::new().add_run(Run::new().add_text(clean(&view.matrix_intro))));
    let mut docx = docx.add_table(matrix_table(&view.matrix));
    if let Some(response) = &view.response {
        docx = docx.add_paragraph(
            heading(2, &format!("Bijlage: {}", response.title)).page_break_before(true),
        );
        let received = response.received.as_ref().map_or_else(
            || "Er is nog geen reactie ontvangen.".to_string(),
            |r| format!("Ontvangen op {r}."),
        );
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(received)));
        for row in &response.rows {
            let mut line = format!("{} — {}", row.point, row.verdict);
            if !row.note.is_empty() {
                line.push_str(&format!(" ({})", row.note));
            }
            docx = docx.add_paragraph(
                Paragraph::new().add_run(Run::new().add_text(clean(&format!("• {line}")))),
            );
        }
    }
    docx
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

fn letter_part(letter: &Letter, body: &mut Body) {
    body.push(heading(2, LETTER_HEADING));
    if let Some((first, rest)) = letter.to.split_first() {
        // One paragraph with line breaks: an address block has no space between lines.
        let mut address =
            Paragraph::new().add_run(Run::new().add_text(clean(&format!("Aan {first}"))));
        for line in rest {
            address = address.add_run(
                Run::new()
                    .add_break(BreakType::TextWrapping)
                    .add_text(clean(line)),
            );
        }
        body.push(address);
    }
    body.push(text_paragraph(&format!("Betreft: {}", letter.subject)));
    if let Some(date) = &letter.date {
        body.push(text_paragraph(&format!("Datum: {date}")));
    }
    if let Some(salutation) = &letter.salutation {
        body.push(text_paragraph(salutation));
    }
    body.extend(tree::document(&letter.body.doc, Fmt::default()));
    if let Some(closing) = &letter.closing {
        body.push(text_paragraph(closing));
    }
    for s in &letter.signatories {
        let mut p = Paragraph::new().add_run(Run::new().add_text(clean(&s.name)));
        if let Some(role) = &s.role {
            p = p.add_run(
                Run::new()
                    .add_break(BreakType::TextWrapping)
                    .add_text(clean(role)),
            );
        }
        body.push(p);
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

fn case_part(case: &CaseView, body: &mut Body) {
    body.push(heading(4, &case.heading));
    body.extend(tree::document(&case.story.doc, Fmt::default()));
    body.extend(tree::document(&laws_line(&case.laws), Fmt::default()));
}

fn matrix_table(m: &Matrix) -> Table {
    let usable = (A4_LONG as i32 - 2 * ANNEX_MARGIN) as usize;
    // Equal columns: Dutch compounds ("verantwoordelijkheid") need the room, and
    // titles in the first column wrap well.
    let width = usable / (m.columns.len() + 1);
    let grid = vec![width; m.columns.len() + 1];

    let small = Fmt {
        size: Some(SMALL_SIZE),
        ..Fmt::default()
    };
    let header_fmt = Fmt {
        bold: true,
        ..small
    };
    let cell = |width: usize, paragraphs: Vec<Paragraph>| {
        paragraphs
            .into_iter()
            .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
                c.add_paragraph(p.line_spacing(LineSpacing::new().before(20).after(20)))
            })
    };
    let shade = || {
        Shading::new()
            .shd_type(ShdType::Clear)
            .color("auto")
            .fill(HEADER_FILL)
    };

    let header_cells = std::iter::once(PRINCIPLE_COLUMN)
        .chain(m.columns.iter().map(|c| c.name.as_str()))
        .zip(&grid)
        .map(|(name, &w)| cell(w, vec![header_fmt.paragraph(name)]).shading(shade()))
        .collect();
    // cantSplit keeps a row on one page; the header row also gets tblHeader (patched in later).
    let mut rows = vec![TableRow::new(header_cells).cant_split()];
    for row in &m.rows {
        let mut cells = vec![cell(
            width,
            vec![header_fmt.paragraph(&numbered(row.number, &row.title))],
        )];
        for text in &row.cells {
            let paragraphs = match text {
                Some(t) => tree::paragraphs(&Document::parse(t, 0), small),
                None => Vec::new(),
            };
            // An empty cell still needs one paragraph to be valid.
            let paragraphs = if paragraphs.is_empty() {
                vec![Paragraph::new()]
            } else {
                paragraphs
            };
            cells.push(cell(width, paragraphs));
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, pos| {
        b.set(TableBorder::new(pos).size(4).color(BORDER_COLOR))
    });
    Table::new(rows)
        .set_grid(grid)
        .width(usable, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_PADDING, 0, CELL_PADDING))
        .set_borders(borders)
}

fn styles() -> Vec<Style> {
    // (size in half-points, space before in twips, colour)
    let looks = [
        (40, 0, "1F3864"),
        (32, 360, "1F3864"),
        (28, 300, "1F3864"),
        (24, 240, "000000"),
        (22, 200, "000000"),
    ];
    looks
        .iter()
        .enumerate()
        .map(|(i, &(size, before, color))| {
            let level = i + 1;
            // Word and LibreOffice recognise the built-in headings by the names "heading N".
            let mut s = Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .next("Normal")
                .outline_lvl(i)
                .bold()
                .size(size)
                .color(color)
                .line_spacing(LineSpacing::new().before(before).after(120));
            s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
            s
        })
        .collect()
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
