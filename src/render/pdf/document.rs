//! The block model the PDF is generated from, and its translation into
//! typst markup. All user text goes through `markup::text` or
//! `markup::str_lit`; the only raw markup written here is our own.

use super::markup::{self, str_lit};
use super::world::Date;

mod blocks;
mod letter;

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
}
