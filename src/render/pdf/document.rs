//! The block model the PDF is generated from, and its translation into
//! typst markup. All user text goes through `markup::text` or
//! `markup::str_lit`; the only raw markup written here is our own.

use super::markup::{self, str_lit};
use super::world::Date;

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    Link {
        url: String,
        inlines: Vec<Inline>,
    },
    Code(String),
    /// Redline insertion: underlined and coloured.
    Insert(Vec<Inline>),
    /// Redline deletion: struck through and coloured.
    Delete(Vec<Inline>),
    LineBreak,
}

/// Block content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `outline`: listed in the table of contents. Every heading gets a
    /// bookmark regardless.
    Heading {
        level: u8,
        inlines: Vec<Inline>,
        outline: bool,
    },
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        /// The first number of an ordered list.
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code(String),
    Table(Table),
    /// A thematic break: a thin line across the text.
    Rule,
    PageBreak,
    /// Pages turned to landscape, e.g. the matrix annex.
    Landscape(Vec<Block>),
}

/// A table whose header row repeats on every page it spans.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub caption: Option<Vec<Inline>>,
    pub header: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// Relative column widths (any positive numbers); empty means equal.
    pub widths: Vec<f32>,
    /// Keep a row on one page when none of its cells has more characters than this
    /// (0: rows may break). Longer rows may break, so that none runs off a page.
    pub keep_rows_up_to: usize,
}

/// One labelled reference in the letter's reference column; each optional.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LetterReferences {
    pub date: Option<String>,
    pub our_reference: Option<String>,
    pub subject: Option<String>,
    pub attachments: Option<String>,
    pub contact: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signatory {
    pub name: String,
    pub role: Option<String>,
}

/// A letter's first page layout and body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Letter {
    /// Sender block lines (council name, address).
    pub sender: Vec<String>,
    /// Addressee lines.
    pub recipient: Vec<String>,
    pub references: LetterReferences,
    pub body: Vec<Block>,
    /// E.g. "Met vriendelijke groet,"; kept on one page with the signatures.
    pub closing: Vec<Inline>,
    pub signatories: Vec<Signatory>,
}

/// A cover page naming the edition.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cover {
    pub title: String,
    pub subtitle: Option<String>,
    pub council: String,
    pub municipality: String,
    pub edition: Option<String>,
    pub edition_date: Option<String>,
}

/// A part of the document, in reading order; each starts on a new page.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Letter(Letter),
    Cover(Cover),
    /// Table of contents with page numbers.
    Outline,
    Blocks(Vec<Block>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// PNG, JPEG, GIF, WebP or SVG.
    pub bytes: Vec<u8>,
    /// Alternative text; without it the logo is marked as decoration.
    pub alt: Option<String>,
}

/// A council's house style (from manifest.yaml).
#[derive(Debug, Clone, PartialEq)]
pub struct HouseStyle {
    /// A family among `font_families()`.
    pub font: String,
    /// `#rrggbb`.
    pub primary: String,
    pub logo: Option<Logo>,
}

impl Default for HouseStyle {
    fn default() -> Self {
        Self {
            font: "Open Sans".into(),
            primary: "#154273".into(),
            logo: None,
        }
    }
}

/// Everything `compile` needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfDocument {
    /// Document title: window title, running header, XMP.
    pub title: String,
    /// Author: the council; also in the running header.
    pub council: String,
    /// The document date (typst's `today`, the PDF's dates).
    pub date: Date,
    pub style: HouseStyle,
    pub parts: Vec<Part>,
}

/// Redline colours: dark enough for 4.5:1 on white (WCAG 1.4.3); the
/// underline/strike difference carries the meaning without colour (1.4.1).
const INSERT_COLOUR: &str = "rgb(\"#006b2d\")";
const DELETE_COLOUR: &str = "rgb(\"#b3001b\")";

/// A legend paragraph explaining the redline marks.
pub fn redline_legend() -> Block {
    Block::Paragraph(vec![
        Inline::Strong(vec![Inline::Text("Leeswijzer: ".into())]),
        Inline::Insert(vec![Inline::Text("onderstreepte groene tekst".into())]),
        Inline::Text(" is toegevoegd; ".into()),
        Inline::Delete(vec![Inline::Text("doorgehaalde rode tekst".into())]),
        Inline::Text(" is verwijderd.".into()),
    ])
}

/// Path of the logo in the in-memory world.
pub(crate) const LOGO_PATH: &str = "/logo";

#[derive(Clone, Copy, PartialEq)]
enum Deco {
    Underline,
    Strike,
}

/// Markup generator state.
struct Gen<'a> {
    out: String,
    /// Last heading level written, to keep levels consecutive (PDF/UA).
    last_level: u8,
    doc: &'a PdfDocument,
    primary: String,
}

/// Typst markup for the whole document. `primary` is a validated colour
/// expression.
pub(crate) fn to_typst(doc: &PdfDocument, primary: &str) -> String {
    let mut g = Gen {
        out: String::new(),
        last_level: 0,
        doc,
        primary: primary.to_string(),
    };
    g.preamble();
    for (i, part) in doc.parts.iter().enumerate() {
        if i > 0 {
            g.out.push_str("\n#pagebreak(weak: true)\n");
        }
        match part {
            Part::Letter(l) => g.letter(l),
            Part::Cover(c) => g.cover(c),
            Part::Outline => g.out.push_str("#outline(depth: 3)\n"),
            Part::Blocks(b) => g.blocks(b),
        }
    }
    g.out
}

impl Gen<'_> {
    fn preamble(&mut self) {
        let d = self.doc;
        let p = &self.primary;
        let title = str_lit(&d.title);
        let council = str_lit(&d.council);
        let font = str_lit(&d.style.font);
        let date = format!(
            "datetime(year: {}, month: {}, day: {})",
            d.date.year, d.date.month, d.date.day
        );
        // Header and footer are artifacts in the tag tree (typst does that).
        // Pages carrying a `kw-noheader`/`kw-nofooter` marker skip them.
        self.out.push_str(&format!(
            r#"#let primary = {p}
#set document(title: {title}, author: {council}, date: {date})
#set text(font: ({font}, "DejaVu Sans"), size: 10pt, lang: "nl", region: "NL", hyphenate: false)
#set par(justify: false, leading: 0.7em, spacing: 1.2em)
#let kw-marked(lbl) = {{
  let p = here().page()
  query(lbl).any(m => m.location().page() == p)
}}
#set page(
  paper: "a4",
  margin: (top: 28mm, bottom: 24mm, left: 25mm, right: 22mm),
  header: context {{
    if not kw-marked(<kw-noheader>) {{
      set text(size: 8pt, fill: luma(70))
      grid(columns: (1fr, auto), column-gutter: 8mm, {title}, {council})
      v(-0.6em)
      line(length: 100%, stroke: 0.5pt + primary)
    }}
  }},
  footer: context {{
    if not kw-marked(<kw-nofooter>) {{
      set text(size: 8pt, fill: luma(70))
      // Not display("1 van 1"): letters in a pattern are numbering kinds.
      align(right)[Pagina #counter(page).get().first() van #counter(page).final().first()]
    }}
  }},
)
#show title: set text(size: 26pt, fill: primary, weight: "bold")
#show title: set block(below: 1.2em)
#show heading: set text(fill: primary, weight: "bold")
#show heading: set block(above: 1.6em, below: 0.9em)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): set text(size: 13.5pt)
#show heading.where(level: 3): set text(size: 11.5pt)
#show heading.where(level: 4): set text(size: 10.5pt)
#show raw: set text(font: "DejaVu Sans Mono", size: 9pt)
#show raw.where(block: true): set block(fill: luma(245), inset: 6pt, radius: 2pt, width: 100%)
#show link: set text(fill: primary)
#show figure: set block(breakable: true)
#show figure.where(kind: table): set figure.caption(position: top)
#show figure.caption: set text(weight: "bold")
#show quote.where(block: true): set pad(left: 8mm)
#show quote.where(block: true): set block(above: 0.7em, below: 0.9em)
#set table(stroke: 0.5pt + luma(150), inset: (x: 4pt, y: 4pt), align: left + top)
// Narrow matrix columns: long Dutch compounds would overflow the cell.
#show table: set text(size: 8.5pt, hyphenate: true)
#show table.cell.where(y: 0): set text(weight: "bold")
#set table(fill: (_, y) => if y == 0 {{ primary.lighten(88%) }})
#show outline.entry.where(level: 1): set text(weight: "bold")
// PDF/UA: a bookmark for every heading, the table of contents' own title too.
#show outline: set heading(bookmarked: true)

"#
        ));
    }

    fn logo(&mut self, height_mm: f32) {
        let Some(logo) = &self.doc.style.logo else {
            return;
        };
        let h = markup::mm(height_mm);
        match &logo.alt {
            Some(alt) => self.out.push_str(&format!(
                "#image({}, height: {h}, alt: {});\n",
                str_lit(LOGO_PATH),
                str_lit(alt)
            )),
            // No alt text: decoration, outside the tag tree (PDF/UA 7.3).
            None => self.out.push_str(&format!(
                "#pdf.artifact(image({}, height: {h}));\n",
                str_lit(LOGO_PATH)
            )),
        }
    }

    fn cover(&mut self, c: &Cover) {
        self.out
            .push_str("#metadata(none) <kw-noheader>\n#metadata(none) <kw-nofooter>\n");
        self.logo(22.0);
        self.out.push_str("#v(55mm)\n");
        self.out.push_str(&format!(
            "#block(width: 100%, stroke: (left: 3pt + primary), inset: (left: 8mm, y: 2mm))[\n\
             #title[{}]\n",
            markup::text(&c.title)
        ));
        if let Some(s) = &c.subtitle {
            self.out
                .push_str(&format!("\n#text(size: 14pt)[{}]\n", markup::text(s)));
        }
        self.out.push_str("]\n#v(1fr)\n#set text(size: 11pt)\n");
        self.out.push_str(&format!(
            "#text(weight: \"bold\")[{}] \\\n{}\n\n",
            markup::text(&c.council),
            markup::text(&c.municipality)
        ));
        // As Word and HTML show it: "Editie 2015, 18 augustus 2015".
        let edition = match (&c.edition, &c.edition_date) {
            (Some(e), Some(d)) => Some(format!("{e}, {d}")),
            (Some(e), None) => Some(e.clone()),
            (None, Some(d)) => Some(d.clone()),
            (None, None) => None,
        };
        if let Some(e) = edition {
            self.out.push_str(&format!("{}\n", markup::text(&e)));
        }
        self.out.push_str("#v(10mm)\n");
    }

    fn letter(&mut self, l: &Letter) {
        self.out.push_str("#metadata(none) <kw-noheader>\n");
        self.out
            .push_str("#grid(columns: (1fr, 62mm), column-gutter: 10mm,\n[");
        self.logo(18.0);
        self.out.push_str("#v(30mm)\n");
        for line in &l.recipient {
            self.out.push_str(&markup::text(line));
            self.out.push_str(" \\\n");
        }
        self.out.push_str("],\n[#set text(size: 8.5pt)\n");
        for (i, line) in l.sender.iter().enumerate() {
            if i == 0 {
                self.out
                    .push_str(&format!("#strong[{}] \\\n", markup::text(line)));
            } else {
                self.out.push_str(&format!("{} \\\n", markup::text(line)));
            }
        }
        self.out.push_str("#v(6mm)\n");
        let r = &l.references;
        let refs = [
            ("Datum", &r.date),
            ("Ons kenmerk", &r.our_reference),
            ("Betreft", &r.subject),
            ("Bijlage(n)", &r.attachments),
            ("Contactpersoon", &r.contact),
        ];
        for (label, value) in refs {
            if let Some(v) = value {
                self.out.push_str(&format!(
                    "#block(above: 0pt, below: 3mm)[#text(weight: \"bold\", fill: primary)[{label}] \\\n{}]\n",
                    markup::text(v)
                ));
            }
        }
        self.out.push_str("])\n#v(10mm)\n");
        // The body's last block, the closing and the signatures stay on one page: no
        // page with only a greeting and a signature.
        let (last, body) = match l.body.split_last() {
            Some((last, body)) => (Some(last), body),
            None => (None, &l.body[..]),
        };
        self.blocks(body);
        self.out.push_str("\n#block(breakable: false)[\n");
        if let Some(last) = last {
            self.block(last);
            self.out.push_str("\n\n");
        }
        if !l.closing.is_empty() {
            self.inlines(&l.closing, None);
            self.out.push_str("\n#v(14mm)\n");
        }
        if !l.signatories.is_empty() {
            let n = l.signatories.len().min(3);
            self.out.push_str(&format!(
                "#grid(columns: {n}, column-gutter: 12mm, row-gutter: 8mm,\n"
            ));
            for s in &l.signatories {
                self.out.push_str(&format!("[{}", markup::text(&s.name)));
                if let Some(role) = &s.role {
                    self.out.push_str(&format!(" \\\n{}", markup::text(role)));
                }
                self.out.push_str("],\n");
            }
            self.out.push_str(")\n");
        }
        self.out.push_str("]\n");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
            self.out.push_str("\n\n");
        }
    }

    fn block(&mut self, b: &Block) {
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
    fn inlines(&mut self, inlines: &[Inline], deco: Option<Deco>) {
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
