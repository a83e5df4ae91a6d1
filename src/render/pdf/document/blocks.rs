//! The blocks, tables and inline text of the document as typst markup, with the
//! redline's marks.

use super::markup::{self, str_lit};
use super::{Block, Gen, Inline, Table};

/// Redline colours: dark enough for 4.5:1 on white (WCAG 1.4.3); the
/// underline/strike difference carries the meaning without colour (1.4.1).
const INSERT_COLOUR: &str = "rgb(\"#006b2d\")";
const DELETE_COLOUR: &str = "rgb(\"#b3001b\")";

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Deco {
    Underline,
    Strike,
}

impl Gen<'_> {
    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
            self.out.push_str("\n\n");
        }
    }

    pub(super) fn block(&mut self, b: &Block) {
        match b {
            Block::Heading {
                level,
                inlines,
                outline,
            } => {
                // PDF/UA: start at 1, never skip a level.
                let level = (*level).clamp(1, self.last_level.saturating_add(1).min(6));
                self.last_level = level;
                self.out.push_str(&format!(
                    "#heading(level: {level}, outlined: {outline}, bookmarked: true)["
                ));
                if inlines.is_empty() {
                    self.out.push_str(&markup::text("(zonder titel)"));
                } else {
                    self.inlines(inlines, None);
                }
                self.out.push(']');
            }
            Block::Paragraph(inlines) => self.inlines(inlines, None),
            Block::List {
                ordered,
                start,
                items,
            } => {
                // Items of more than one block (a change and its redline) need the
                // space between items that paragraphs have.
                let tight = items.iter().all(|i| i.len() <= 1);
                if *ordered {
                    self.out
                        .push_str(&format!("#enum(start: {start}, tight: {tight},\n"));
                } else {
                    self.out.push_str(&format!("#list(tight: {tight},\n"));
                }
                for item in items {
                    self.out.push('[');
                    self.blocks(item);
                    self.out.push_str("],\n");
                }
                self.out.push(')');
            }
            Block::Quote(inner) => {
                self.out.push_str("#quote(block: true)[");
                self.blocks(inner);
                self.out.push(']');
            }
            Block::Code(code) => self.out.push_str(&markup::code_block(code)),
            Block::Table(t) => self.table(t),
            Block::Rule => self
                .out
                .push_str("#line(length: 100%, stroke: 0.5pt + luma(150))"),
            Block::PageBreak => self.out.push_str("#pagebreak(weak: true)"),
            Block::Landscape(inner) => {
                // Narrower margins than portrait: the matrix needs the room.
                self.out.push_str(
                    "#page(flipped: true, margin: (x: 15mm, top: 22mm, bottom: 18mm))[\n",
                );
                self.blocks(inner);
                self.out.push(']');
            }
        }
    }

    fn table(&mut self, t: &Table) {
        let ncols = t
            .header
            .len()
            .max(t.widths.len())
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let widths: Vec<String> = (0..ncols)
            .map(|i| {
                let w = t
                    .widths
                    .get(i)
                    .copied()
                    .filter(|w| w.is_finite() && *w > 0.0);
                format!("{:.3}fr", w.unwrap_or(1.0))
            })
            .collect();
        if let Some(caption) = &t.caption {
            self.out.push_str("#figure(kind: table, caption: [");
            self.inlines(caption, None);
            self.out.push_str("])[\n");
        }
        self.out
            .push_str(&format!("#table(columns: ({}),\n", widths.join(", ")));
        if !t.header.is_empty() {
            self.out.push_str("table.header(repeat: true,\n");
            self.cells(&t.header, ncols);
            self.out.push_str("),\n");
        }
        for row in &t.rows {
            let longest = row.iter().map(|c| plain_len(c)).max().unwrap_or(0);
            if t.keep_rows_up_to > 0 && longest <= t.keep_rows_up_to {
                // One unbreakable cell keeps its whole row together.
                self.out.push_str("table.cell(breakable: false)");
            }
            self.cells(row, ncols);
        }
        self.out.push(')');
        if t.caption.is_some() {
            self.out.push_str("\n]");
        }
    }

    fn cells(&mut self, cells: &[Vec<Inline>], ncols: usize) {
        // A `table.cell(...)` just written takes the first cell as its body.
        for i in 0..ncols {
            self.out.push('[');
            if let Some(c) = cells.get(i) {
                self.inlines(c, None);
            }
            self.out.push_str("],");
        }
        self.out.push('\n');
    }

    /// `deco`: the text decoration already applied around these inlines.
    /// PDF/UA-1 cannot express two decorations on the same text, so an
    /// inner one of another kind keeps its colour only.
    pub(super) fn inlines(&mut self, inlines: &[Inline], deco: Option<Deco>) {
        for i in inlines {
            self.inline(i, deco);
        }
    }

    fn inline(&mut self, i: &Inline, deco: Option<Deco>) {
        match i {
            Inline::Text(s) => self.out.push_str(&markup::text(s)),
            Inline::Emph(v) => self.wrap("#emph[", v, deco),
            Inline::Strong(v) => self.wrap("#strong[", v, deco),
            Inline::Strike(v) => match deco {
                None => self.wrap("#strike[", v, Some(Deco::Strike)),
                Some(d) => self.inlines(v, Some(d)),
            },
            Inline::Insert(v) => {
                let open = match deco {
                    None => format!(
                        "#underline(stroke: 0.07em + {INSERT_COLOUR}, offset: 0.18em)[#text(fill: {INSERT_COLOUR})["
                    ),
                    Some(_) => format!("#[#text(fill: {INSERT_COLOUR})["),
                };
                self.out.push_str(&open);
                self.inlines(v, Some(deco.unwrap_or(Deco::Underline)));
                self.out.push_str("]];");
            }
            Inline::Delete(v) => {
                let open = match deco {
                    None => format!(
                        "#strike(stroke: 0.07em + {DELETE_COLOUR})[#text(fill: {DELETE_COLOUR})["
                    ),
                    Some(_) => format!("#[#text(fill: {DELETE_COLOUR})["),
                };
                self.out.push_str(&open);
                self.inlines(v, Some(deco.unwrap_or(Deco::Strike)));
                self.out.push_str("]];");
            }
            Inline::Link { url, inlines } => {
                let safe = ["http://", "https://", "mailto:"]
                    .iter()
                    .any(|p| url.to_ascii_lowercase().starts_with(p));
                if !safe {
                    // Other schemes (javascript:, file:) are not linked.
                    self.inlines(inlines, deco);
                    return;
                }
                self.out.push_str(&format!("#link({})[", str_lit(url)));
                let body: Vec<Inline> = if inlines.is_empty() {
                    vec![Inline::Text(url.clone())]
                } else {
                    inlines.clone()
                };
                if deco.is_none() {
                    self.wrap("#underline[", &body, Some(Deco::Underline));
                } else {
                    self.inlines(&body, deco);
                }
                self.out.push_str("];");
            }
            Inline::Code(s) => self.out.push_str(&markup::inline_code(s)),
            Inline::LineBreak => self.out.push_str("#linebreak();"),
        }
    }

    fn wrap(&mut self, open: &str, v: &[Inline], deco: Option<Deco>) {
        self.out.push_str(open);
        self.inlines(v, deco);
        self.out.push_str("];");
    }
}

/// Characters of text in `inlines`, to judge a table row's height.
fn plain_len(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(s) | Inline::Code(s) => s.chars().count(),
            Inline::Emph(v)
            | Inline::Strong(v)
            | Inline::Strike(v)
            | Inline::Insert(v)
            | Inline::Delete(v)
            | Inline::Link { inlines: v, .. } => plain_len(v),
            Inline::LineBreak => 0,
        })
        .sum()
}
