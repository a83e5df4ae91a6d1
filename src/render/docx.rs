//! Word output: letter, manifest, elaboration with cases and the matrix as a
//! landscape annex. Real heading styles (Heading1..Heading5 with outline
//! levels) so Word's navigation pane, LibreOffice's navigator and PDF
//! bookmarks show the structure; Dutch as the document language.

use std::borrow::Cow;
use std::io::Cursor;

use comrak::nodes::{AstNode, ListDelimType, ListType, NodeValue};
use comrak::{Arena, Options};
use docx_rs::{
    AlignmentType, BreakType, DocumentChild, Docx, Footer, Hyperlink, HyperlinkType, LineSpacing,
    LineSpacingType, PageMargin, PageNum, PageOrientationType, PageSize, Paragraph, ParagraphChild,
    Run, RunFonts, SectionProperty, Shading, ShdType, SpecialIndentType, Style, StyleType, Table,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType,
    TableRow, WidthType, XMLDocx,
};

use super::{CaseView, Letter, RenderError, View};
use crate::analysis::matrix::Matrix;

const LANG: &str = "nl-NL";
const FONT: &str = "Calibri";
const MONO: &str = "Consolas";
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
const INDENT: i32 = 357;
const HEADER_FILL: &str = "D9D9D9";
const BORDER_COLOR: &str = "7F7F7F";

/// Fixed Dutch texts.
const LETTER_HEADING: &str = "Brief";
const PRACTICE_HEADING: &str = "Uit de praktijk";
const INVOLVED: &str = "Betrokken: ";
const ANNEX_HEADING: &str = "Bijlage: matrix";
const ANNEX_INTRO: &str = "Overzicht van de uitgangspunten en de verantwoordelijkheden per partij.";
const PRINCIPLE_COLUMN: &str = "Uitgangspunt";

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
fn build_parts(view: &View) -> Result<XMLDocx, RenderError> {
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
        body.push(heading(3, &numbered(p.number, &p.title)));
        body.extend(markdown(&p.short_text, Fmt::default()));
    }
    body.push(heading(2, &view.elaboration_title).page_break_before(true));
    for p in &view.principles {
        body.push(heading(3, &numbered(p.number, &p.title)));
        body.extend(markdown(&p.short_text, Fmt::default()));
        body.extend(markdown(&p.elaboration, Fmt::default()));
        body.extend(markdown(&laws_line(&p.laws), Fmt::default()));
        if !p.cases.is_empty() {
            body.push(heading(4, PRACTICE_HEADING));
            for case in &p.cases {
                case_part(case, &mut body);
            }
        }
    }
    // The section break starts the annex on a new (landscape) page.
    body.push(Paragraph::new().section_property(portrait));
    body.push(heading(2, ANNEX_HEADING));
    body.push(Paragraph::new().add_run(Run::new().add_text(ANNEX_INTRO)));
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

    fn extend(&mut self, paragraphs: Vec<Paragraph>) {
        for p in paragraphs {
            self.push(p);
        }
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
    body.extend(markdown(&letter.body, Fmt::default()));
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

/// Cited laws as one line of Markdown links (empty when none), so they become hyperlinks.
fn laws_line(laws: &[crate::render::LawView]) -> String {
    if laws.is_empty() {
        return String::new();
    }
    let links: Vec<String> = laws
        .iter()
        .map(|l| format!("[{}](<{}>)", l.label.replace(['[', ']'], ""), l.url))
        .collect();
    format!("Wetten: {}", links.join("; "))
}

fn case_part(case: &CaseView, body: &mut Body) {
    body.push(heading(5, &case.title));
    body.extend(markdown(&case.story, Fmt::default()));
    body.extend(markdown(&laws_line(&case.laws), Fmt::default()));
    if !case.actors.is_empty() {
        let line = format!("{INVOLVED}{}", case.actors.join(", "));
        body.push(
            Paragraph::new().add_run(Run::new().add_text(clean(&line)).italic().size(SMALL_SIZE)),
        );
    }
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
                Some(t) => markdown(t, small),
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

/// Drop characters XML 1.0 forbids (a stray form feed from a PDF copy would
/// make Word refuse the file); tabs and newlines become spaces.
fn clean(text: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if bad(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn core_properties(view: &View) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language>",
            "</cp:coreProperties>"
        ),
        xml_escape(&view.title),
        xml_escape(&view.council),
        LANG
    )
}

/// Insert `insert` before the first `anchor`. A missing anchor means docx-rs
/// changed its output: fail rather than silently lose the patch.
fn insert_before(xml: &[u8], anchor: &str, insert: &str) -> Result<Vec<u8>, RenderError> {
    let at = find(xml, anchor, 0).ok_or_else(|| missing(anchor))?;
    Ok([&xml[..at], insert.as_bytes(), &xml[at..]].concat())
}

/// docx-rs has no API for `w:tblHeader`; without it the matrix's header row
/// is not repeated on each page, nor announced as header by screen readers.
fn mark_header_row(xml: &[u8]) -> Result<Vec<u8>, RenderError> {
    const ANCHOR: &str = "<w:cantSplit />";
    let table = find(xml, "<w:tbl>", 0).ok_or_else(|| missing("<w:tbl>"))?;
    let row_end = find(xml, "</w:tr>", table).ok_or_else(|| missing("</w:tr>"))?;
    let at = find(xml, ANCHOR, table)
        .filter(|&at| at < row_end)
        .ok_or_else(|| missing(ANCHOR))?
        + ANCHOR.len();
    Ok([&xml[..at], b"<w:tblHeader />".as_slice(), &xml[at..]].concat())
}

fn find(haystack: &[u8], needle: &str, from: usize) -> Option<usize> {
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .map(|i| i + from)
}

fn missing(anchor: &str) -> RenderError {
    RenderError::Docx(format!(
        "interne fout: `{anchor}` niet gevonden in de uitvoer van docx-rs"
    ))
}

/// Character formatting while walking Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Fmt {
    bold: bool,
    italic: bool,
    mono: bool,
    link: bool,
    size: Option<usize>,
}

impl Fmt {
    fn run(self, text: &str) -> Run {
        self.apply(Run::new()).add_text(clean(text))
    }

    fn apply(self, mut run: Run) -> Run {
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        if self.mono {
            run = run.fonts(fonts(MONO));
        }
        // Direct formatting rather than a character style: docx-rs writes
        // character styles with a paragraph part, which Word need not accept.
        if self.link {
            run = run.color("0563C1").underline("single");
        }
        if let Some(size) = self.size {
            run = run.size(size);
        }
        run
    }

    fn paragraph(self, text: &str) -> Paragraph {
        Paragraph::new().add_run(self.run(text))
    }
}

/// Where a block sits: its left indent and base formatting.
#[derive(Clone, Copy)]
struct Ctx {
    indent: i32,
    fmt: Fmt,
}

/// Markdown → Word paragraphs. Raw HTML is kept as literal text, never interpreted.
fn markdown(text: &str, fmt: Fmt) -> Vec<Paragraph> {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, text, &Options::default());
    let mut out = Vec::new();
    blocks(root, Ctx { indent: 0, fmt }, None, &mut out);
    out
}

/// The children of a block container. `marker` is a list item's bullet or
/// number, put before its first paragraph.
fn blocks<'a>(
    parent: &'a AstNode<'a>,
    ctx: Ctx,
    mut marker: Option<String>,
    out: &mut Vec<Paragraph>,
) {
    for node in parent.children() {
        let data = node.data.borrow();
        match &data.value {
            NodeValue::Paragraph => {
                out.push(inline_paragraph(node, start(ctx, marker.take()), ctx.fmt));
            }
            // A heading inside a text must not break the document's outline: bold text.
            NodeValue::Heading(_) => {
                let p = start(ctx, marker.take()).keep_next(true);
                out.push(inline_paragraph(
                    node,
                    p,
                    Fmt {
                        bold: true,
                        ..ctx.fmt
                    },
                ));
            }
            NodeValue::List(list) => {
                if let Some(m) = marker.take() {
                    out.push(start(ctx, Some(m)));
                }
                let inner = Ctx {
                    indent: ctx.indent + INDENT,
                    ..ctx
                };
                for (i, item) in node.children().enumerate() {
                    let mark = match list.list_type {
                        ListType::Bullet => "•".to_string(),
                        ListType::Ordered => {
                            let delim = if list.delimiter == ListDelimType::Paren {
                                ")"
                            } else {
                                "."
                            };
                            format!("{}{delim}", list.start + i)
                        }
                    };
                    blocks(item, inner, Some(mark), out);
                }
            }
            // Indented and italic, so a quote does not read as part of a list above it.
            NodeValue::BlockQuote => {
                let inner = Ctx {
                    indent: ctx.indent + INDENT,
                    fmt: Fmt {
                        italic: true,
                        ..ctx.fmt
                    },
                };
                blocks(node, inner, marker.take(), out);
            }
            NodeValue::CodeBlock(code) => {
                let fmt = Fmt {
                    mono: true,
                    ..ctx.fmt
                };
                out.push(literal(start(ctx, marker.take()), &code.literal, fmt));
            }
            NodeValue::HtmlBlock(html) => {
                out.push(literal(start(ctx, marker.take()), &html.literal, ctx.fmt));
            }
            NodeValue::ThematicBreak => {}
            _ => blocks(node, ctx, marker.take(), out),
        }
    }
    // An empty list item still shows its marker.
    if let Some(m) = marker {
        out.push(start(ctx, Some(m)));
    }
}

/// A new paragraph at the context's indent, with a list marker hanging in the margin.
fn start(ctx: Ctx, marker: Option<String>) -> Paragraph {
    match marker {
        Some(m) => Paragraph::new()
            .indent(
                Some(ctx.indent),
                Some(SpecialIndentType::Hanging(INDENT)),
                None,
                None,
            )
            .add_run(ctx.fmt.run(&m).add_tab()),
        None if ctx.indent > 0 => Paragraph::new().indent(Some(ctx.indent), None, None, None),
        None => Paragraph::new(),
    }
}

/// Lines of a code or HTML block as they are, separated by line breaks.
fn literal(mut p: Paragraph, text: &str, fmt: Fmt) -> Paragraph {
    for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
        let mut run = fmt.apply(Run::new());
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(run.add_text(clean(line)));
    }
    p
}

fn inline_paragraph<'a>(node: &'a AstNode<'a>, p: Paragraph, fmt: Fmt) -> Paragraph {
    let mut w = Inlines {
        children: p.children,
        text: String::new(),
        fmt,
    };
    w.walk(node, fmt);
    w.flush();
    Paragraph {
        children: w.children,
        ..p
    }
}

/// Collects a paragraph's runs, merging neighbouring text of the same
/// formatting into one run (smaller XML, faster for big manifests).
struct Inlines {
    children: Vec<ParagraphChild>,
    text: String,
    fmt: Fmt,
}

impl Inlines {
    fn push_text(&mut self, fmt: Fmt, text: &str) {
        if fmt != self.fmt {
            self.flush();
            self.fmt = fmt;
        }
        self.text.push_str(text);
    }

    fn push(&mut self, child: ParagraphChild) {
        self.flush();
        self.children.push(child);
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            let run = self.fmt.run(&self.text);
            self.text.clear();
            self.children.push(ParagraphChild::Run(Box::new(run)));
        }
    }

    fn walk<'a>(&mut self, node: &'a AstNode<'a>, fmt: Fmt) {
        for child in node.children() {
            let data = child.data.borrow();
            match &data.value {
                NodeValue::Text(t) => self.push_text(fmt, t),
                NodeValue::Code(code) => self.push_text(Fmt { mono: true, ..fmt }, &code.literal),
                // Shown as typed: raw HTML is never interpreted.
                NodeValue::HtmlInline(html) => self.push_text(fmt, html),
                NodeValue::SoftBreak => self.push_text(fmt, " "),
                NodeValue::LineBreak => {
                    let run = fmt.apply(Run::new()).add_break(BreakType::TextWrapping);
                    self.push(ParagraphChild::Run(Box::new(run)));
                }
                NodeValue::Emph => self.walk(
                    child,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                ),
                NodeValue::Strong => self.walk(child, Fmt { bold: true, ..fmt }),
                // Only web and mail links become hyperlinks; a relative link means nothing in Word.
                NodeValue::Link(link) if is_external(&link.url) => {
                    self.flush();
                    let mut inner = Inlines {
                        children: Vec::new(),
                        text: String::new(),
                        fmt,
                    };
                    inner.walk(child, Fmt { link: true, ..fmt });
                    inner.flush();
                    let mut h = Hyperlink::new(link.url.as_str(), HyperlinkType::External);
                    h.children = inner.children;
                    self.children.push(ParagraphChild::Hyperlink(h));
                }
                // Images: their alt text; other inline containers: their text.
                _ => self.walk(child, fmt),
            }
        }
    }
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::matrix::{Column, Row};
    use crate::render::{ChangesView, PrincipleView, SignatoryView};

    fn sample() -> View {
        View {
            changes: None,
            response: None,
            title: "Kwaliteitsmanifest Sociaal Domein".into(),
            elaboration_title: "Uitwerking Kwaliteitsmanifest".into(),
            council: "Adviesraad Sociaal Domein Almere".into(),
            council_short: Some("ASD".into()),
            municipality: "Almere".into(),
            letter: Some(Letter {
                to: vec![
                    "college van Burgemeester en wethouders".into(),
                    "Gemeente Almere".into(),
                ],
                subject: "Ongevraagd advies".into(),
                date: Some("18 augustus 2015".into()),
                salutation: Some("Geacht college,".into()),
                body: "Hierbij bieden wij u het manifest aan.".into(),
                closing: Some("Met hartelijke groet,".into()),
                signatories: vec![SignatoryView {
                    name: "Klaas Jongejan".into(),
                    role: Some("Voorzitter".into()),
                }],
                partners: vec![],
            }),
            principles: vec![PrincipleView {
                id: "de-almeerder-centraal".into(),
                number: 1,
                title: "De Almeerder centraal".into(),
                short_text: "De inwoner is klant én opdrachtgever.".into(),
                elaboration: "Iedereen heeft iets te geven.".into(),
                cases: vec![CaseView {
                    id: "tuin".into(),
                    title: "De tuin van mevrouw Jansen".into(),
                    actors: vec!["Inwoners".into(), "Professionals".into()],
                    story: "Mevrouw Jansen <script>alert(\"x\")</script> tuiniert.\n\n<script>\nalert(1)\n</script>\n".into(),
                    laws: vec![],
                }],
                laws: vec![],
            }],
            matrix: Matrix {
                columns: vec![
                    Column {
                        id: "inwoners".into(),
                        name: "Inwoners".into(),
                        description: None,
                    },
                    Column {
                        id: "gemeente".into(),
                        name: "Gemeente".into(),
                        description: None,
                    },
                ],
                rows: vec![Row {
                    id: "de-almeerder-centraal".into(),
                    number: 1,
                    title: "De Almeerder centraal".into(),
                    cells: vec![Some("actief meedenken".into()), None],
                }],
            },
        }
    }

    fn parts(view: &View) -> (String, String) {
        let xml = build_parts(view).unwrap();
        (
            String::from_utf8(xml.document).unwrap(),
            String::from_utf8(xml.styles).unwrap(),
        )
    }

    fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }

    /// (style id, text) of every paragraph, in order.
    fn paragraphs(document: &str) -> Vec<(String, String)> {
        document
            .split("<w:p ")
            .skip(1)
            .map(|chunk| {
                let p = &chunk[..chunk.find("</w:p>").unwrap_or(chunk.len())];
                let style = p
                    .split_once(r#"<w:pStyle w:val=""#)
                    .and_then(|(_, rest)| rest.split_once('"'))
                    .map_or(String::new(), |(s, _)| s.to_string());
                let text = p
                    .split(r#"<w:t xml:space="preserve">"#)
                    .skip(1)
                    .map(|t| unescape(&t[..t.find("</w:t>").unwrap()]))
                    .collect();
                (style, text)
            })
            .collect()
    }

    fn headings(document: &str) -> Vec<(String, String)> {
        paragraphs(document)
            .into_iter()
            .filter(|(style, _)| style.starts_with("Heading"))
            .collect()
    }

    fn texts(document: &str) -> Vec<String> {
        paragraphs(document).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn headings_carry_the_documents_structure() {
        let (document, _) = parts(&sample());
        let got = headings(&document);
        let want = [
            ("Heading1", "Kwaliteitsmanifest Sociaal Domein"),
            ("Heading2", "Brief"),
            ("Heading2", "Kwaliteitsmanifest Sociaal Domein"),
            ("Heading3", "1. De Almeerder centraal"),
            ("Heading2", "Uitwerking Kwaliteitsmanifest"),
            ("Heading3", "1. De Almeerder centraal"),
            ("Heading4", "Uit de praktijk"),
            ("Heading5", "De tuin van mevrouw Jansen"),
            ("Heading2", "Bijlage: matrix"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, t)| (s.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn letter_and_texts_appear_in_order() {
        let (document, _) = parts(&sample());
        let texts = texts(&document);
        let pos = |t: &str| {
            texts
                .iter()
                .position(|x| x == t)
                .unwrap_or_else(|| panic!("{t:?} ontbreekt in {texts:#?}"))
        };
        assert!(pos("Adviesraad Sociaal Domein Almere") < pos("Brief"));
        assert!(
            pos("Aan college van Burgemeester en wethoudersGemeente Almere")
                < pos("Betreft: Ongevraagd advies")
        );
        assert!(pos("Betreft: Ongevraagd advies") < pos("Datum: 18 augustus 2015"));
        assert!(pos("Geacht college,") < pos("Hierbij bieden wij u het manifest aan."));
        assert!(pos("Met hartelijke groet,") < pos("Klaas JongejanVoorzitter"));
        // The short text is stored once and rendered in the manifest and in the elaboration.
        let short = "De inwoner is klant én opdrachtgever.";
        assert_eq!(texts.iter().filter(|t| *t == short).count(), 2);
        assert!(texts.contains(&"Betrokken: Inwoners, Professionals".to_string()));
        assert!(
            pos("Overzicht van de uitgangspunten en de verantwoordelijkheden per partij.")
                > pos("Bijlage: matrix")
        );
    }

    #[test]
    fn a_new_advice_lists_its_changes_after_the_letter() {
        let mut view = sample();
        view.changes = Some(ChangesView {
            title: "Wat is er veranderd sinds 18 augustus 2015".into(),
            sentences: vec![
                "Uitgangspunt 2 is herschreven.".into(),
                "*Geen* Markdown.".into(),
            ],
        });
        let (document, _) = parts(&view);
        let heads = headings(&document);
        assert_eq!(
            heads[2],
            (
                "Heading2".into(),
                "Wat is er veranderd sinds 18 augustus 2015".into()
            )
        );
        assert_eq!(heads[3].1, "Kwaliteitsmanifest Sociaal Domein");
        let texts = texts(&document);
        assert!(texts.contains(&"•Uitgangspunt 2 is herschreven.".to_string()));
        assert!(texts.contains(&"•*Geen* Markdown.".to_string()));
    }

    #[test]
    fn breaks_before_the_parts_and_a_landscape_annex() {
        let (document, _) = parts(&sample());
        assert_eq!(document.matches("<w:pageBreakBefore />").count(), 2);
        // Two sections: the portrait text, then the landscape annex as the document's last.
        assert_eq!(document.matches("<w:sectPr>").count(), 2);
        let last = &document[document.rfind("<w:sectPr>").unwrap()..];
        assert!(last.contains(r#"w:orient="landscape""#), "{last}");
        assert!(document.find("<w:sectPr>").unwrap() < document.find("Bijlage: matrix").unwrap());
    }

    #[test]
    fn matrix_is_a_table_with_a_repeating_header_row() {
        let (document, _) = parts(&sample());
        assert_eq!(document.matches("<w:tbl>").count(), 1);
        let table =
            &document[document.find("<w:tbl>").unwrap()..document.find("</w:tbl>").unwrap()];
        let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].contains("<w:tblHeader />"), "{}", rows[0]);
        assert!(!rows[1].contains("<w:tblHeader />"));
        assert_eq!(texts(rows[0]), ["Uitgangspunt", "Inwoners", "Gemeente"]);
        assert_eq!(
            texts(rows[1]),
            ["1. De Almeerder centraal", "actief meedenken", ""]
        );
        assert_eq!(rows[0].matches(r#"w:fill="D9D9D9""#).count(), 3);
        assert!(table.contains("<w:tblBorders>"));
        assert!(table.contains(r#"<w:sz w:val="18" />"#));
    }

    #[test]
    fn styles_define_headings_and_dutch() {
        let (_, styles) = parts(&sample());
        for level in 1..=5 {
            let start = styles
                .find(&format!(r#"w:styleId="Heading{level}""#))
                .unwrap_or_else(|| panic!("Heading{level} ontbreekt"));
            let style = &styles[start..start + styles[start..].find("</w:style>").unwrap()];
            assert!(style.contains(&format!(r#"<w:name w:val="heading {level}" />"#)));
            assert!(style.contains(&format!(r#"<w:outlineLvl w:val="{}" />"#, level - 1)));
        }
        let defaults = &styles
            [styles.find("<w:rPrDefault>").unwrap()..styles.find("</w:rPrDefault>").unwrap()];
        assert!(defaults.contains(r#"<w:lang w:val="nl-NL""#), "{defaults}");
    }

    #[test]
    fn core_properties_name_title_author_and_language() {
        let xml = build_parts(&sample()).unwrap();
        let core = String::from_utf8(xml.doc_props.core).unwrap();
        assert!(core.contains("<dc:title>Kwaliteitsmanifest Sociaal Domein</dc:title>"));
        assert!(core.contains("<dc:creator>Adviesraad Sociaal Domein Almere</dc:creator>"));
        assert!(core.contains("<dc:language>nl-NL</dc:language>"));
    }

    #[test]
    fn raw_html_stays_literal_text() {
        let (document, _) = parts(&sample());
        assert!(!document.contains("<script"));
        assert!(document.contains("&lt;script&gt;"));
        let texts = texts(&document);
        assert!(
            texts.contains(&r#"Mevrouw Jansen <script>alert("x")</script> tuiniert."#.to_string())
        );
        assert!(
            texts.contains(&"<script>alert(1)</script>".to_string()),
            "{texts:#?}"
        );
        // Texts from a manifest arrive neutralized (`<` as `&lt;`): still shown as typed.
        let mut view = sample();
        view.principles[0].short_text =
            crate::load::markdown::neutralize("Zie <b>dit</b>.").into_owned();
        let (document, _) = parts(&view);
        assert!(
            paragraphs(&document)
                .iter()
                .any(|(_, t)| t == "Zie <b>dit</b>.")
        );
    }

    #[test]
    fn markdown_becomes_word_formatting() {
        let mut view = sample();
        view.principles[0].elaboration = concat!(
            "Met *nadruk* en **vet**, [wet](https://wetten.overheid.nl/BWBR0035362?a=1&b=2) ",
            "en [relatief](../cases/x.md).\n\n",
            "- een\n- twee\n\n",
            "3. drie\n\n",
            "Café, naïef, “dubbel”, ‘enkel’ – streep.\u{c}\n",
        )
        .into();
        let xml = build_parts(&view).unwrap();
        let document = String::from_utf8(xml.document).unwrap();
        let rels = String::from_utf8(xml.document_rels).unwrap();
        assert!(
            document.contains(r#"<w:i /><w:iCs /></w:rPr><w:t xml:space="preserve">nadruk</w:t>"#)
        );
        assert!(
            document.contains(r#"<w:b /><w:bCs /></w:rPr><w:t xml:space="preserve">vet</w:t>"#)
        );
        assert_eq!(document.matches("<w:hyperlink").count(), 1);
        let link = &document
            [document.find("<w:hyperlink").unwrap()..document.find("</w:hyperlink>").unwrap()];
        assert!(
            link.contains(r#"<w:u w:val="single" />"#) && link.contains(">wet</w:t>"),
            "{link}"
        );
        assert!(
            rels.contains(r#"Target="https://wetten.overheid.nl/BWBR0035362?a=1&amp;b=2""#),
            "{rels}"
        );
        let texts = texts(&document);
        assert!(
            texts.contains(&"Met nadruk en vet, wet en relatief.".to_string()),
            "{texts:#?}"
        );
        assert!(texts.contains(&"•een".to_string()));
        assert!(texts.contains(&"•twee".to_string()));
        assert!(texts.contains(&"3.drie".to_string()));
        assert!(document.contains(r#"<w:ind w:left="357" w:right="0" w:hanging="357" />"#));
        // Dutch characters intact; the form feed (invalid in XML) dropped.
        assert!(
            texts.contains(&"Café, naïef, “dubbel”, ‘enkel’ – streep.".to_string()),
            "{texts:#?}"
        );
    }

    #[test]
    fn view_without_letter_cases_or_actors_still_renders() {
        let mut view = sample();
        view.letter = None;
        view.principles[0].cases.clear();
        view.matrix.columns.clear();
        for row in &mut view.matrix.rows {
            row.cells.clear();
        }
        let (document, _) = parts(&view);
        let styles: Vec<String> = headings(&document).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            styles,
            [
                "Heading1", "Heading2", "Heading3", "Heading2", "Heading3", "Heading2"
            ]
        );
        assert!(document.contains("<w:tblHeader />"));
    }

    #[test]
    fn patches_fail_loudly_when_docx_rs_output_changes() {
        assert!(insert_before(b"<w:styles/>", "</w:rPr></w:rPrDefault>", "x").is_err());
        assert!(mark_header_row(b"<w:document/>").is_err());
        // A table whose first row lacks the anchor must not get a later row marked.
        let xml =
            b"<w:tbl><w:tr><w:trPr /></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
        assert!(mark_header_row(xml).is_err());
    }

    #[test]
    fn render_gives_a_docx_package() {
        let bytes = render(&sample()).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        for part in [
            "word/document.xml",
            "word/styles.xml",
            "docProps/core.xml",
            "[Content_Types].xml",
        ] {
            assert!(find(&bytes, part, 0).is_some(), "{part} ontbreekt");
        }
    }

    #[test]
    fn the_real_manifest_renders() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let snapshot = crate::source::read_worktree(root).unwrap();
        let view = View::from_manifest(&crate::load::load(&snapshot.files).manifest);
        let started = std::time::Instant::now();
        let bytes = render(&view).unwrap();
        eprintln!(
            "echt manifest: {:?}, {} bytes",
            started.elapsed(),
            bytes.len()
        );
        let (document, _) = parts(&view);
        let numbered = headings(&document)
            .iter()
            .filter(|(s, _)| s == "Heading3")
            .count();
        assert_eq!(numbered, 2 * view.principles.len());
        assert_eq!(document.matches("<w:tblHeader />").count(), 1);
    }

    /// A big synthetic manifest renders (slow in a debug build:
    /// `cargo test --release -- --ignored big_manifest`). Its speed and memory are
    /// measured in bench/ (`docx: 10000 cases / 1000 principles`, target < 3 s).
    #[test]
    #[ignore = "1,000 principles and 10,000 cases"]
    fn big_manifest_renders() {
        let mut view = sample();
        let story = "De inwoner van Almere is zowel klant als opdrachtgever van de gemeente, met *passie* en **professionaliteit**. "
            .repeat(5);
        let principle = view.principles[0].clone();
        view.principles = (1..=1000)
            .map(|number| PrincipleView {
                number,
                cases: (0..10)
                    .map(|i| CaseView {
                        title: format!("Casus {number}.{i}"),
                        story: story.clone(),
                        ..principle.cases[0].clone()
                    })
                    .collect(),
                ..principle.clone()
            })
            .collect();
        let row = view.matrix.rows[0].clone();
        view.matrix.rows = (1..=1000)
            .map(|number| Row {
                number,
                ..row.clone()
            })
            .collect();
        let bytes = render(&view).unwrap();
        assert!(bytes.starts_with(b"PK"), "a zip file");
    }
}
