//! Word output: letter, manifest, elaboration with cases and the matrix as a
//! landscape annex. Real heading styles (Heading1..Heading5 with outline
//! levels) so Word's navigation pane, LibreOffice's navigator and PDF
//! bookmarks show the structure; Dutch as the document language.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, DocumentChild, Docx, FieldCharType, Footer, Header, InstrText,
    LineSpacing, LineSpacingType, NumPages, PageMargin, PageNum, PageOrientationType, PageSize,
    Paragraph, Run, RunFonts, SectionProperty, Shading, ShdType, Style, StyleType, Table,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType,
    TableRow, WidthType, XMLDocx,
};

mod tree;
mod xml;

use tree::{Ctx, Fmt, start};
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
/// The house colour (templates/style.css `--primary`).
const PRIMARY: &str = "154273";
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
const LETTER_HEADING: &str = "Adviesbrief";
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
}

pub fn render(view: &View) -> Result<Vec<u8>, RenderError> {
    pack(build_parts(view)?)
}

/// What every Word file of the tool shares: its running header and its properties.
pub struct House<'a> {
    pub title: &'a str,
    /// Running header and author.
    pub council: &'a str,
    /// `JJJJ-MM-DD`: the document's creation date.
    pub created: String,
}

impl<'a> House<'a> {
    pub fn of(view: &'a View) -> Self {
        House {
            title: &view.title,
            council: &view.council,
            created: created(view.edition.as_ref().and_then(|e| e.iso.clone())),
        }
    }
}

/// The round's date, or else today (`SOURCE_DATE_EPOCH` fixes it).
pub fn created(date: Option<String>) -> String {
    date.unwrap_or_else(crate::text::date::iso_today)
}

/// A Word document in the house style: fonts, styles, A4 portrait margins,
/// running header and "Pagina x van y" footer. Every Word file starts here.
pub fn house(h: &House) -> Docx {
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .style("Header")
            .add_run(Run::new().add_text(clean(&format!("{}  |  {}", h.title, h.council)))),
    );
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("Pagina "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" van "))
            .add_num_pages(NumPages::new()),
    );
    let mut docx = Docx::new()
        .default_fonts(fonts(FONT))
        .default_size(BODY_SIZE)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .header(header)
        .footer(footer)
        .page_size(A4_SHORT, A4_LONG)
        .page_margin(margins(MARGIN));
    for style in styles() {
        docx = docx.add_style(style);
    }
    docx
}

/// The package parts of a house document, with what docx-rs has no API for
/// (language, default style, schema order, core properties).
pub fn finish(docx: Docx, h: &House) -> Result<XMLDocx, RenderError> {
    let mut xml = docx.build();
    // docx-rs cannot set w:lang; in the run defaults it makes Dutch the
    // language of every text (spelling check, hyphenation, screen readers).
    let styles = insert_before(
        &xml.styles,
        "</w:rPr></w:rPrDefault>",
        &format!(r#"<w:lang w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="ar-SA" />"#),
    )?;
    // Normal as the default paragraph style: what a paragraph without pStyle has.
    let normal = r#"<w:style w:type="paragraph" w:styleId="Normal">"#;
    let styles = insert_before(&styles, normal, "")?;
    let styles = String::from_utf8_lossy(&styles).replacen(
        normal,
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#,
        1,
    );
    xml.styles = schema_order_fix(styles.as_bytes());
    xml.document = schema_order_fix(&xml.document);
    for part in xml.headers.iter_mut().chain(xml.footers.iter_mut()) {
        *part = schema_order_fix(part);
    }
    // docx-rs has no setters for the core properties; the part is small, so write it whole.
    xml.doc_props.core = core_properties(h).into_bytes();
    Ok(xml)
}

pub fn pack(xml: XMLDocx) -> Result<Vec<u8>, RenderError> {
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// The package parts before zipping.
pub(super) fn build_parts(view: &View) -> Result<XMLDocx, RenderError> {
    let house = House::of(view);
    let mut xml = finish(document(view, &house), &house)?;
    xml.document = mark_header_row(&xml.document)?;
    Ok(xml)
}

fn document(view: &View, house_props: &House) -> Docx {
    // The document's own (last) section is the landscape annex; the header and
    // footer of the house serve every section.
    let mut docx = house(house_props)
        .page_size(A4_LONG, A4_SHORT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins(ANNEX_MARGIN));
    let mut portrait = SectionProperty::new()
        .page_size(PageSize::new().size(A4_SHORT, A4_LONG))
        .page_margin(margins(MARGIN));
    portrait.header_reference = docx.document.section_property.header_reference.clone();
    portrait.footer_reference = docx.document.section_property.footer_reference.clone();

    let mut body = Body(&mut docx.document.children);
    cover(view, &mut body);
    body.push(
        Paragraph::new()
            .style("TOCHeading")
            .add_run(Run::new().add_text(TOC_HEADING)),
    );
    // The contents go here once all headings are known.
    let toc_at = body.0.len();
    if let Some(letter) = &view.letter {
        letter_part(letter, &mut body);
    }
    // A new advice says what changed since the previous one, right after its letter.
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
    body.push(
        Paragraph::new()
            .style("Caption")
            .keep_next(true)
            .add_run(Run::new().add_text(super::matrix::CAPTION)),
    );
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

fn letter_part(letter: &Letter, body: &mut Body) {
    body.push(heading(2, LETTER_HEADING).page_break_before(true));
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
    // The closing and signatures stay with the body's last lines (no page with
    // only a signature): each keeps with the next, the last one ends the chain.
    let mut text = tree::document(&letter.body.doc, Fmt::default());
    let closes = letter.closing.is_some() || !letter.signatories.is_empty();
    if closes && let Some(DocumentChild::Paragraph(last)) = text.last_mut() {
        last.property = last.property.clone().keep_next(true).keep_lines(true);
    }
    body.extend(text);
    if let Some(closing) = &letter.closing {
        body.push(text_paragraph(closing).keep_next(!letter.signatories.is_empty()));
    }
    for (i, s) in letter.signatories.iter().enumerate() {
        let mut p = Paragraph::new()
            .keep_lines(true)
            .keep_next(i + 1 < letter.signatories.len())
            .add_run(Run::new().add_text(clean(&s.name)));
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
    let grid = column_widths(m, usable);
    let small = Fmt {
        size: Some(MATRIX_SIZE),
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

    // A party's description under its name, as in the HTML.
    let header_cells = std::iter::once((PRINCIPLE_COLUMN, None))
        .chain(
            m.columns
                .iter()
                .map(|c| (c.name.as_str(), c.description.as_deref())),
        )
        .zip(&grid)
        .map(|((name, description), &w)| {
            let mut paragraphs = vec![header_fmt.paragraph(name)];
            if let Some(d) = description {
                paragraphs.push(small.paragraph(d));
            }
            cell(w, paragraphs).shading(shade())
        })
        .collect();
    // cantSplit keeps a row on one page; the header row also gets tblHeader (patched in later).
    let mut rows = vec![TableRow::new(header_cells).cant_split()];
    for row in &m.rows {
        let mut cells = vec![cell(
            grid[0],
            vec![header_fmt.paragraph(&numbered(row.number, &row.title))],
        )];
        for (text, &width) in row.cells.iter().zip(&grid[1..]) {
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

/// Column widths by content: every column at least as wide as its longest word
/// (so no word breaks mid-word), the principle column wider for its titles, and
/// the rest shared by how much text a party's column holds.
fn column_widths(m: &Matrix, usable: usize) -> Vec<usize> {
    // Twips per character at the matrix size (8 pt Arial averages ~75); one
    // character extra for bold and wide letters.
    const CHAR: usize = 80;
    let word_width = |t: &str| {
        let longest = t
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        (longest + 1) * CHAR + 2 * CELL_PADDING
    };
    let titles: Vec<String> = m
        .rows
        .iter()
        .map(|r| numbered(r.number, &r.title))
        .collect();
    let longest_title = titles.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    let mut min = vec![
        titles
            .iter()
            // Titles are bold, about a tenth wider.
            .map(|t| word_width(t) * 11 / 10)
            .chain([word_width(PRINCIPLE_COLUMN)])
            .max()
            .unwrap_or(0)
            // A title over at most two lines, within a fifth of the width.
            .max((longest_title * CHAR / 2).min(usable / 5)),
    ];
    let title_chars: usize = titles.iter().map(|t| t.chars().count()).sum();
    let mut weight = vec![(title_chars.max(1) as f64).sqrt()];
    for (i, c) in m.columns.iter().enumerate() {
        let texts: Vec<&str> = std::iter::once(c.name.as_str())
            .chain(c.description.as_deref())
            .chain(m.rows.iter().filter_map(|r| r.cells.get(i)?.as_deref()))
            .collect();
        min.push(texts.iter().map(|t| word_width(t)).max().unwrap_or(0));
        // Square root: a talkative column gets more room, but not all of it.
        let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
        weight.push((chars.max(1) as f64).sqrt());
    }
    let needed: usize = min.iter().sum();
    if needed >= usable {
        // Too many parties for the page: shrink in proportion (words may break).
        return min.iter().map(|w| w * usable / needed).collect();
    }
    let spare = (usable - needed) as f64;
    let total: f64 = weight.iter().sum::<f64>().max(1.0);
    let mut widths: Vec<usize> = min
        .iter()
        .zip(&weight)
        .map(|(&m, w)| m + (spare * w / total) as usize)
        .collect();
    // Rounding leaves a few twips: give them to the principle column.
    widths[0] += usable - widths.iter().sum::<usize>();
    widths
}

fn styles() -> Vec<Style> {
    // (size in half-points, space before in twips, colour)
    let looks = [
        (36, 0, PRIMARY),
        (32, 0, PRIMARY),
        (26, 300, PRIMARY),
        (23, 240, "000000"),
        (21, 200, "000000"),
    ];
    let mut styles: Vec<Style> = looks
        .iter()
        .enumerate()
        .map(|(i, &(size, before, color))| {
            let level = i + 1;
            // Word and LibreOffice recognise the built-in headings by the names "heading N".
            let mut s = Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .outline_lvl(i)
                .bold()
                .size(size)
                .color(color)
                .line_spacing(LineSpacing::new().before(before).after(120));
            // No heading alone at the bottom of a page.
            s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
            s
        })
        .collect();
    let plain = |id: &str, name: &str, size: usize, color: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .color(color)
    };
    styles.extend([
        plain("Title", "Title", 56, PRIMARY)
            .bold()
            .line_spacing(LineSpacing::new().before(2400).after(360)),
        plain("Subtitle", "Subtitle", 28, "404040").line_spacing(LineSpacing::new().after(240)),
        // Not a heading: the contents do not list themselves.
        plain("TOCHeading", "TOC Heading", 32, PRIMARY)
            .bold()
            .line_spacing(LineSpacing::new().after(240)),
        // The parts are level 2, so "toc 1" and "toc 2" look alike.
        plain("TOC1", "toc 1", BODY_SIZE, "000000")
            .bold()
            .line_spacing(LineSpacing::new().before(120).after(40)),
        plain("TOC2", "toc 2", BODY_SIZE, "000000")
            .bold()
            .line_spacing(LineSpacing::new().before(120).after(40)),
        plain("TOC3", "toc 3", BODY_SIZE, "000000")
            .indent(Some(INDENT), None, None, None)
            .line_spacing(LineSpacing::new().after(40)),
        plain("Caption", "caption", SMALL_SIZE, "404040")
            .bold()
            .line_spacing(LineSpacing::new().before(120).after(60)),
        plain("Header", "header", SMALL_SIZE, "595959"),
        plain("Footer", "footer", SMALL_SIZE, "595959"),
    ]);
    styles
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
