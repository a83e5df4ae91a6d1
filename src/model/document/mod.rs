//! The one document tree every Markdown body is parsed into, once.
//!
//! Dialect: CommonMark plus the GFM extensions tables, strikethrough and autolinks
//! (bare `http://` and `https://` addresses; pulldown-cmark has no GFM autolinks, so
//! the tree builder finds them in text). Raw HTML is kept as inert text (`Html`), never
//! emitted as HTML. Every node carries its byte range in the file it came from.

use std::ops::{Deref, DerefMut, Range};
use std::sync::Arc;

mod parse;

pub use parse::MAX_DEPTH;

use pulldown_cmark::Options;

/// The options of the one dialect.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Blocks,
    /// Where the text first nests deeper than the tree keeps (byte offset in the file);
    /// what lies deeper is kept, flattened into its parent.
    pub too_deep: Option<usize>,
}

/// The blocks of a tree, shared by its copies: the model keeps a body's tree more than
/// once (a case's story and its page), so a copy costs a pointer, not the tree again.
/// Changing a shared tree copies it first (`Arc::make_mut`), so copies stay independent.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Blocks(Arc<Vec<Block>>);

impl Deref for Blocks {
    type Target = Vec<Block>;
    fn deref(&self) -> &Vec<Block> {
        &self.0
    }
}

impl DerefMut for Blocks {
    fn deref_mut(&mut self) -> &mut Vec<Block> {
        Arc::make_mut(&mut self.0)
    }
}

impl From<Vec<Block>> for Blocks {
    fn from(blocks: Vec<Block>) -> Blocks {
        Blocks(Arc::new(blocks))
    }
}

impl FromIterator<Block> for Blocks {
    fn from_iter<I: IntoIterator<Item = Block>>(iter: I) -> Blocks {
        Blocks::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Blocks {
    /// Where the shared blocks live: equal for copies of one tree, as long as one lives.
    pub fn shared_address(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

impl<'a> IntoIterator for &'a Blocks {
    type Item = &'a Block;
    type IntoIter = std::slice::Iter<'a, Block>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Printed as the list it is, as before the blocks were shared.
impl std::fmt::Debug for Blocks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range in the file.
    pub span: Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading {
        level: u8,
        inlines: Vec<Inline>,
        /// As GitHub makes it, repeats numbered within the file.
        anchor: String,
    },
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        start: u64,
        /// Items without blank lines between them: no paragraph spacing.
        tight: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code {
        info: String,
        text: String,
    },
    Table {
        alignments: Vec<Align>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    ThematicBreak,
    /// Raw HTML, shown as the text it is.
    Html(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inline {
    pub kind: InlineKind,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InlineKind {
    Text(String),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    Code(String),
    Link {
        target: String,
        title: String,
        inlines: Vec<Inline>,
        /// A bare address in the text (GFM autolink), not written as a link.
        bare: bool,
    },
    Image {
        target: String,
        title: String,
        alt: Vec<Inline>,
    },
    /// Raw inline HTML, shown as the text it is.
    Html(String),
    SoftBreak,
    HardBreak,
}

impl Document {
    /// Parse a Markdown body; `base` is the body's byte offset in its file.
    pub fn parse(text: &str, base: usize) -> Document {
        let (mut blocks, too_deep) = parse::blocks(text, base);
        let mut seen = Vec::new();
        visit_blocks_mut(&mut blocks, &mut |block| {
            if let BlockKind::Heading {
                inlines, anchor, ..
            } = &mut block.kind
            {
                *anchor = unique_anchor(&plain_text(inlines), &mut seen);
            }
        });
        Document {
            blocks: blocks.into(),
            too_deep,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Every heading, in order, also those inside quotes and lists.
    pub fn headings(&self) -> Vec<&Block> {
        let mut out = Vec::new();
        visit_blocks(&self.blocks, &mut |b| {
            if matches!(b.kind, BlockKind::Heading { .. }) {
                out.push(b);
            }
        });
        out
    }

    /// Every link and image written in the text (bare addresses not included).
    pub fn links(&self) -> Vec<(&str, Range<usize>)> {
        self.collect_links(false)
    }

    /// Every link and image, and also the bare web addresses in running text:
    /// a law cited as a plain `https://wetten.overheid.nl/…` is checked all the same.
    pub fn all_links(&self) -> Vec<(&str, Range<usize>)> {
        self.collect_links(true)
    }

    fn collect_links(&self, with_bare: bool) -> Vec<(&str, Range<usize>)> {
        let mut out = Vec::new();
        self.visit_inlines(&mut |i| match &i.kind {
            InlineKind::Link { target, bare, .. } if with_bare || !bare => {
                out.push((target.as_str(), i.span.clone()));
            }
            InlineKind::Image { target, .. } => out.push((target.as_str(), i.span.clone())),
            _ => {}
        });
        out
    }

    /// Every inline node in document order, containers before their children.
    pub fn visit_inlines<'a>(&'a self, f: &mut impl FnMut(&'a Inline)) {
        fn walk<'a>(inlines: &'a [Inline], f: &mut impl FnMut(&'a Inline)) {
            for i in inlines {
                f(i);
                if let Some(children) = children(&i.kind) {
                    walk(children, f);
                }
            }
        }
        visit_blocks(&self.blocks, &mut |b| match &b.kind {
            BlockKind::Heading { inlines, .. } | BlockKind::Paragraph(inlines) => walk(inlines, f),
            BlockKind::Table { header, rows, .. } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    walk(cell, f);
                }
            }
            _ => {}
        });
    }

    /// Blocks before and after the first block that starts at `at`: splits a body at a
    /// heading. A heading nested in a container splits after that container.
    pub fn split_at(&self, start: usize, end: usize) -> (Document, Document) {
        let before = self
            .blocks
            .iter()
            .filter(|b| b.span.end <= start)
            .cloned()
            .collect();
        let after = self
            .blocks
            .iter()
            .filter(|b| b.span.start >= end)
            .cloned()
            .collect();
        let deep = |keep: bool| self.too_deep.filter(|_| keep);
        let in_after = self.too_deep.is_some_and(|at| at >= end);
        (
            Document {
                blocks: before,
                too_deep: deep(!in_after),
            },
            Document {
                blocks: after,
                too_deep: deep(in_after),
            },
        )
    }

    /// The tree without byte ranges, soft breaks as spaces and white space runs as one
    /// space: what it means, not how it was wrapped.
    pub fn normalized(&self) -> Document {
        let mut d = self.clone();
        visit_blocks_mut(&mut d.blocks, &mut |b| {
            b.span = 0..0;
            match &mut b.kind {
                BlockKind::Heading { inlines, .. } | BlockKind::Paragraph(inlines) => {
                    normalize_inlines(inlines)
                }
                BlockKind::Table { header, rows, .. } => {
                    for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                        normalize_inlines(cell);
                    }
                }
                _ => {}
            }
        });
        d
    }
}

fn normalize_inlines(inlines: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for mut i in inlines.drain(..) {
        i.span = 0..0;
        match &mut i.kind {
            InlineKind::SoftBreak => i.kind = InlineKind::Text(" ".to_string()),
            InlineKind::Code(t) => collapse_in_place(t),
            _ => {}
        }
        if let Some(children) = children_mut(&mut i.kind) {
            normalize_inlines(children);
        }
        if let (
            Some(Inline {
                kind: InlineKind::Text(prev),
                ..
            }),
            InlineKind::Text(t),
        ) = (out.last_mut(), &i.kind)
        {
            prev.push_str(t);
            continue;
        }
        out.push(i);
    }
    for i in &mut out {
        if let InlineKind::Text(t) = &mut i.kind {
            collapse_in_place(t);
        }
    }
    *inlines = out;
}

/// [`collapse`], leaving a text that has no run to collapse as it is (most texts).
fn collapse_in_place(s: &mut String) {
    if !settled(s) {
        *s = collapse(s);
    }
}

/// Whether `s` has no white space but single spaces. It is asked of every text of every
/// tree `fmt` compares, so first in one pass without branches, which the compiler makes
/// wide: no byte below a space, none that may start a non-ASCII white space (U+0085,
/// U+00A0, U+1680, U+2000 to U+3000), no two spaces in a row. A text with such a byte
/// is decided character by character.
fn settled(s: &str) -> bool {
    let bytes = s.as_bytes();
    let suspect = bytes.iter().fold(false, |found, &b| {
        found | (b < b' ') | (b == 0xC2) | (b == 0xE1) | (b == 0xE2) | (b == 0xE3)
    });
    let double_space = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |found, (&a, &b)| found | ((a == b' ') & (b == b' ')));
    if double_space {
        return false;
    }
    !suspect || settled_by_character(s)
}

/// [`settled`] byte by byte, a byte that may start a non-ASCII white space decided by its
/// character.
fn settled_by_character(s: &str) -> bool {
    let mut space = false;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let white = match b {
            b' ' if space => return false,
            b' ' => {
                space = true;
                continue;
            }
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..].chars().next().is_some_and(char::is_whitespace),
            _ => false,
        };
        if white {
            return false;
        }
        space = false;
    }
    true
}

/// White space runs as one space, ends kept so neighbours stay apart.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

pub fn children(kind: &InlineKind) -> Option<&Vec<Inline>> {
    match kind {
        InlineKind::Emph(c) | InlineKind::Strong(c) | InlineKind::Strike(c) => Some(c),
        InlineKind::Link { inlines, .. } => Some(inlines),
        InlineKind::Image { alt, .. } => Some(alt),
        _ => None,
    }
}

fn children_mut(kind: &mut InlineKind) -> Option<&mut Vec<Inline>> {
    match kind {
        InlineKind::Emph(c) | InlineKind::Strong(c) | InlineKind::Strike(c) => Some(c),
        InlineKind::Link { inlines, .. } => Some(inlines),
        InlineKind::Image { alt, .. } => Some(alt),
        _ => None,
    }
}

/// Every block in document order, containers before their children.
pub fn visit_blocks<'a>(blocks: &'a [Block], f: &mut impl FnMut(&'a Block)) {
    for b in blocks {
        f(b);
        match &b.kind {
            BlockKind::Quote(inner) => visit_blocks(inner, f),
            BlockKind::List { items, .. } => {
                for item in items {
                    visit_blocks(item, f);
                }
            }
            _ => {}
        }
    }
}

pub fn visit_blocks_mut(blocks: &mut [Block], f: &mut impl FnMut(&mut Block)) {
    for b in blocks {
        f(b);
        match &mut b.kind {
            BlockKind::Quote(inner) => visit_blocks_mut(inner, f),
            BlockKind::List { items, .. } => {
                for item in items {
                    visit_blocks_mut(item, f);
                }
            }
            _ => {}
        }
    }
}

/// The text of inlines without markup: what a heading's anchor is made of. Raw HTML
/// and breaks are left out, as GitHub does.
pub fn plain_text(inlines: &[Inline]) -> String {
    fn walk(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            match &i.kind {
                InlineKind::Text(t) | InlineKind::Code(t) => out.push_str(t),
                kind => {
                    if let Some(c) = children(kind) {
                        walk(c, out);
                    }
                }
            }
        }
    }
    let mut out = String::new();
    walk(inlines, &mut out);
    out.trim().to_string()
}

/// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens.
pub fn anchor(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_lowercase().collect::<String>())
            } else if c == ' ' {
                Some("-".to_string())
            } else {
                None
            }
        })
        .collect()
}

/// The anchor of a heading, numbered as GitHub does when it repeats (`kop`, `kop-1`).
fn unique_anchor(heading: &str, seen: &mut Vec<String>) -> String {
    let base = anchor(heading);
    let mut candidate = base.clone();
    let mut n = 0;
    while seen.contains(&candidate) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    seen.push(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests;
