//! Document tree → Word paragraphs, runs and tables. Raw HTML is kept as literal text.

use docx_rs::{
    BreakType, DocumentChild, Hyperlink, HyperlinkType, Paragraph, ParagraphChild, Run,
    SpecialIndentType, Table, TableCell, TableRow,
};

use super::xml::clean;
use super::{INDENT, MONO, fonts};
use crate::model::document::{Block, BlockKind, Document, Inline, InlineKind};

/// Character formatting while walking a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fmt {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub mono: bool,
    pub link: bool,
    pub size: Option<usize>,
}

impl Fmt {
    pub fn run(self, text: &str) -> Run {
        self.apply(Run::new()).add_text(clean(text))
    }

    pub fn apply(self, mut run: Run) -> Run {
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        if self.strike {
            run = run.strike();
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

    pub fn paragraph(self, text: &str) -> Paragraph {
        Paragraph::new().add_run(self.run(text))
    }
}

/// Where a block sits: its left indent and base formatting.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub indent: i32,
    pub fmt: Fmt,
}

/// A text as Word paragraphs and tables.
pub fn document(doc: &Document, fmt: Fmt) -> Vec<DocumentChild> {
    let mut out = Vec::new();
    blocks(&doc.blocks, Ctx { indent: 0, fmt }, None, &mut out);
    out
}

/// A text as paragraphs only (for a table cell): a table's rows become paragraphs.
pub fn paragraphs(doc: &Document, fmt: Fmt) -> Vec<Paragraph> {
    document(doc, fmt)
        .into_iter()
        .flat_map(|child| match child {
            DocumentChild::Paragraph(p) => vec![*p],
            DocumentChild::Table(t) => t
                .rows
                .into_iter()
                .map(|docx_rs::TableChild::TableRow(row)| {
                    let text: Vec<String> = row
                        .cells
                        .iter()
                        .map(|docx_rs::TableRowChild::TableCell(c)| cell_text(c))
                        .collect();
                    fmt.paragraph(&text.join(" | "))
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

fn cell_text(cell: &TableCell) -> String {
    cell.children
        .iter()
        .filter_map(|c| match c {
            docx_rs::TableCellContent::Paragraph(p) => Some(p.raw_text()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn push(out: &mut Vec<DocumentChild>, p: Paragraph) {
    out.push(DocumentChild::Paragraph(Box::new(p)));
}

/// Blocks of a container. `marker` is a list item's bullet or number, put before its
/// first paragraph.
fn blocks(blocks: &[Block], ctx: Ctx, mut marker: Option<String>, out: &mut Vec<DocumentChild>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Paragraph(i) => {
                push(out, inline_paragraph(i, start(ctx, marker.take()), ctx.fmt));
            }
            // A heading inside a text must not break the document's outline: bold text.
            BlockKind::Heading { inlines, .. } => {
                let p = start(ctx, marker.take()).keep_next(true);
                let fmt = Fmt {
                    bold: true,
                    ..ctx.fmt
                };
                push(out, inline_paragraph(inlines, p, fmt));
            }
            BlockKind::List {
                ordered,
                start: first,
                items,
                ..
            } => {
                if let Some(m) = marker.take() {
                    push(out, start(ctx, Some(m)));
                }
                let inner = Ctx {
                    indent: ctx.indent + INDENT,
                    ..ctx
                };
                for (i, item) in items.iter().enumerate() {
                    let mark = if *ordered {
                        format!("{}.", *first + i as u64)
                    } else {
                        "•".to_string()
                    };
                    self::blocks(item, inner, Some(mark), out);
                }
            }
            // Indented and italic, so a quote does not read as part of a list above it.
            BlockKind::Quote(inner) => {
                let inner_ctx = Ctx {
                    indent: ctx.indent + INDENT,
                    fmt: Fmt {
                        italic: true,
                        ..ctx.fmt
                    },
                };
                self::blocks(inner, inner_ctx, marker.take(), out);
            }
            BlockKind::Code { text, .. } => {
                let fmt = Fmt {
                    mono: true,
                    ..ctx.fmt
                };
                push(out, literal(start(ctx, marker.take()), text, fmt));
            }
            BlockKind::Html(text) => {
                push(out, literal(start(ctx, marker.take()), text, ctx.fmt));
            }
            BlockKind::Table { header, rows, .. } => {
                if let Some(m) = marker.take() {
                    push(out, start(ctx, Some(m)));
                }
                out.push(DocumentChild::Table(Box::new(table(header, rows, ctx.fmt))));
            }
            BlockKind::ThematicBreak => {}
        }
    }
    // An empty list item still shows its marker.
    if let Some(m) = marker {
        push(out, start(ctx, Some(m)));
    }
}

/// A table of the text; its header row is marked as such when the XML is patched.
fn table(header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>], fmt: Fmt) -> Table {
    let row = |cells: &[Vec<Inline>], fmt: Fmt| {
        TableRow::new(
            cells
                .iter()
                .map(|c| TableCell::new().add_paragraph(inline_paragraph(c, Paragraph::new(), fmt)))
                .collect(),
        )
        .cant_split()
    };
    let bold = Fmt { bold: true, ..fmt };
    let mut all = vec![row(header, bold)];
    all.extend(rows.iter().map(|r| row(r, fmt)));
    Table::new(all)
}

/// A new paragraph at the context's indent, with a list marker hanging in the margin.
pub fn start(ctx: Ctx, marker: Option<String>) -> Paragraph {
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

fn inline_paragraph(inlines: &[Inline], p: Paragraph, fmt: Fmt) -> Paragraph {
    let mut w = Inlines {
        children: p.children,
        text: String::new(),
        fmt,
    };
    w.walk(inlines, fmt);
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

    fn walk(&mut self, inlines: &[Inline], fmt: Fmt) {
        for inline in inlines {
            match &inline.kind {
                // Raw HTML is shown as typed, never interpreted.
                InlineKind::Text(t) | InlineKind::Html(t) => self.push_text(fmt, t),
                InlineKind::Code(code) => self.push_text(Fmt { mono: true, ..fmt }, code),
                InlineKind::SoftBreak => self.push_text(fmt, " "),
                InlineKind::HardBreak => {
                    let run = fmt.apply(Run::new()).add_break(BreakType::TextWrapping);
                    self.push(ParagraphChild::Run(Box::new(run)));
                }
                InlineKind::Emph(c) => self.walk(
                    c,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                ),
                InlineKind::Strong(c) => self.walk(c, Fmt { bold: true, ..fmt }),
                InlineKind::Strike(c) => self.walk(
                    c,
                    Fmt {
                        strike: true,
                        ..fmt
                    },
                ),
                // Only web and mail links become hyperlinks; a relative link means nothing in Word.
                InlineKind::Link {
                    target, inlines, ..
                } if is_external(target) => {
                    self.flush();
                    let mut inner = Inlines {
                        children: Vec::new(),
                        text: String::new(),
                        fmt,
                    };
                    inner.walk(inlines, Fmt { link: true, ..fmt });
                    inner.flush();
                    let mut h = Hyperlink::new(clean(target), HyperlinkType::External);
                    h.children = inner.children;
                    self.children.push(ParagraphChild::Hyperlink(h));
                }
                InlineKind::Link { inlines, .. } => self.walk(inlines, fmt),
                // An embedded image of the repository, no wider than the text; any
                // other image (the view leaves none) shows its description.
                InlineKind::Image { target, alt, .. } => {
                    match crate::model::image::Image::from_data_url(target) {
                        Some(image) => {
                            let run = Run::new().add_image(picture(image));
                            self.push(ParagraphChild::Run(Box::new(run)));
                        }
                        None => self.walk(alt, fmt),
                    }
                }
            }
        }
    }
}

/// The description of each embedded image of the view, by its bytes (for Word's
/// alternative text: docx-rs writes none).
pub fn image_descriptions(view: &crate::render::View) -> Vec<(Vec<u8>, String)> {
    let mut out: Vec<(Vec<u8>, String)> = Vec::new();
    for text in [view.letter.as_ref().map(|l| &l.body)]
        .into_iter()
        .flatten()
        .chain(view.principles.iter().flat_map(|p| {
            [&p.short_text, &p.elaboration]
                .into_iter()
                .chain(p.cases.iter().map(|c| &c.story))
        }))
    {
        text.doc.visit_inlines(&mut |i| {
            if let InlineKind::Image { target, alt, .. } = &i.kind
                && let Some(image) = crate::model::image::Image::from_data_url(target)
                && !out.iter().any(|(b, _)| *b == image.bytes)
            {
                out.push((image.bytes, crate::model::document::plain_text(alt)));
            }
        });
    }
    out
}

/// An image at its own size (96 pixels an inch), scaled down to fit the page.
fn picture(image: crate::model::image::Image) -> docx_rs::Pic {
    const EMU_PER_PIXEL: u64 = 9525;
    // 16 cm: the width between the margins of an A4 page.
    const MAX_WIDTH: u64 = 5_760_000;
    let (w, h) = image.size;
    let (mut w_emu, mut h_emu) = (u64::from(w) * EMU_PER_PIXEL, u64::from(h) * EMU_PER_PIXEL);
    // 22 cm: a page high, less the margins.
    const MAX_HEIGHT: u64 = 7_920_000;
    if w_emu > MAX_WIDTH {
        h_emu = (h_emu * MAX_WIDTH / w_emu).max(1);
        w_emu = MAX_WIDTH;
    }
    if h_emu > MAX_HEIGHT {
        w_emu = (w_emu * MAX_HEIGHT / h_emu).max(1);
        h_emu = MAX_HEIGHT;
    }
    let emu = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    docx_rs::Pic::new_with_dimensions(image.bytes, w, h).size(emu(w_emu), emu(h_emu))
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}
