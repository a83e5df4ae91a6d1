//! pulldown-cmark events → the document tree, with GFM autolinks found in text.

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Parser, Tag};

use super::{Align, Block, BlockKind, Inline, InlineKind, options};

/// How deep containers (quotes, lists) and inline marks may nest. Deeper ones are
/// flattened into their parent, so that no walker of the tree recurses without bound;
/// `check` reports the place.
pub const MAX_DEPTH: usize = 100;

/// Blocks of a Markdown text; `base` is added to every byte range. The second value is
/// where the text first nests deeper than [`MAX_DEPTH`], if it does.
pub(super) fn blocks(text: &str, base: usize) -> (Vec<Block>, Option<usize>) {
    let mut builder = Builder {
        events: Parser::new_ext(text, options())
            .into_offset_iter()
            .peekable(),
        base,
        depth: 0,
        skipped: 0,
        too_deep: None,
    };
    let blocks = builder.blocks();
    (blocks, builder.too_deep)
}

struct Builder<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> {
    events: std::iter::Peekable<I>,
    base: usize,
    /// Containers and marks open around the current event.
    depth: usize,
    /// Containers and marks passed over for depth whose end is still to come.
    skipped: usize,
    too_deep: Option<usize>,
}

/// Block starts that hold no other blocks.
fn is_leaf_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_)
    )
}

fn is_block_start(e: &Event) -> bool {
    match e {
        Event::Start(tag) => !matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::Rule => true,
        _ => false,
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Builder<'a, I> {
    fn span(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.base..r.end + self.base
    }

    /// At the depth limit, pass over a start event (and later its end), keeping what it
    /// holds in the parent; true when it was passed over.
    fn skip_too_deep(&mut self) -> bool {
        if self.depth < MAX_DEPTH {
            return false;
        }
        if let Some((_, range)) = self.events.next() {
            let at = range.start + self.base;
            self.too_deep.get_or_insert(at);
        }
        self.skipped += 1;
        true
    }

    /// The end event of a start that was passed over for depth: consumed.
    fn skip_end(&mut self) -> bool {
        if self.skipped > 0 && matches!(self.events.peek(), Some((Event::End(_), _))) {
            self.events.next();
            self.skipped -= 1;
            return true;
        }
        false
    }

    /// Blocks up to the end of the enclosing container (its end event is left).
    fn blocks(&mut self) -> Vec<Block> {
        self.blocks_loose().0
    }

    /// Blocks, and whether a paragraph among them was marked as one: pulldown-cmark
    /// marks paragraphs of loose list items only.
    fn blocks_loose(&mut self) -> (Vec<Block>, bool) {
        let mut loose = false;
        let mut out = Vec::new();
        self.depth += 1;
        let skipped_before = self.skipped;
        while let Some((event, _)) = self.events.peek() {
            let (is_end, is_container) = (
                matches!(event, Event::End(_)),
                matches!(event, Event::Start(tag) if !is_leaf_block(tag)),
            );
            if is_end {
                if self.skipped > skipped_before && self.skip_end() {
                    continue;
                }
                break;
            }
            if is_container && self.skip_too_deep() {
                continue;
            }
            let Some((event, _)) = self.events.peek() else {
                break;
            };
            if !is_block_start(event) {
                // Text straight in a container: a tight list item's paragraph.
                let inlines = self.inlines(false);
                if let (Some(first), Some(last)) = (inlines.first(), inlines.last()) {
                    let span = first.span.start..last.span.end;
                    out.push(Block {
                        kind: BlockKind::Paragraph(inlines),
                        span,
                    });
                }
                continue;
            }
            let Some((event, range)) = self.events.next() else {
                break;
            };
            let span = self.span(range);
            let kind = match event {
                Event::Rule => BlockKind::ThematicBreak,
                Event::Start(Tag::Paragraph) => {
                    loose = true;
                    BlockKind::Paragraph(self.inlines(false))
                }
                Event::Start(Tag::Heading { level, .. }) => BlockKind::Heading {
                    level: level_number(level),
                    inlines: self.inlines(false),
                    anchor: String::new(),
                },
                Event::Start(Tag::BlockQuote(_)) => BlockKind::Quote(self.blocks()),
                Event::Start(Tag::CodeBlock(kind)) => BlockKind::Code {
                    info: match kind {
                        CodeBlockKind::Fenced(info) => info.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    },
                    text: self.raw(),
                },
                Event::Start(Tag::HtmlBlock) => BlockKind::Html(self.raw()),
                Event::Start(Tag::List(start)) => self.list(start),
                Event::Start(Tag::Table(alignments)) => self.table(alignments),
                // Constructs outside the dialect: their content as blocks.
                Event::Start(_) => {
                    let inner = self.blocks();
                    self.events.next();
                    out.extend(inner);
                    continue;
                }
                _ => continue,
            };
            if !matches!(kind, BlockKind::ThematicBreak) {
                self.events.next(); // the end event
            }
            out.push(Block { kind, span });
        }
        self.depth -= 1;
        out.shrink_to_fit();
        (out, loose)
    }

    /// The text of a code or HTML block up to its end event.
    fn raw(&mut self) -> String {
        let mut text = String::new();
        while let Some((event, _)) = self.events.peek() {
            match event {
                Event::End(_) => break,
                Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(t),
                _ => {}
            }
            self.events.next();
        }
        text
    }

    fn list(&mut self, start: Option<u64>) -> BlockKind {
        let mut items = Vec::new();
        let mut tight = true;
        while let Some((Event::Start(Tag::Item), _)) = self.events.peek() {
            self.events.next();
            let (item, loose) = self.blocks_loose();
            self.events.next();
            tight &= !loose;
            items.push(item);
        }
        BlockKind::List {
            ordered: start.is_some(),
            start: start.unwrap_or(1),
            tight,
            items,
        }
    }

    fn table(&mut self, alignments: Vec<Alignment>) -> BlockKind {
        let mut header = Vec::new();
        let mut rows = Vec::new();
        loop {
            match self.events.peek() {
                Some((Event::Start(Tag::TableHead), _)) => {
                    self.events.next();
                    header = self.cells();
                    self.events.next();
                }
                Some((Event::Start(Tag::TableRow), _)) => {
                    self.events.next();
                    rows.push(self.cells());
                    self.events.next();
                }
                _ => break,
            }
        }
        // Leave the table's end for the caller.
        let alignments = alignments
            .into_iter()
            .map(|a| match a {
                Alignment::None => Align::None,
                Alignment::Left => Align::Left,
                Alignment::Center => Align::Center,
                Alignment::Right => Align::Right,
            })
            .collect();
        BlockKind::Table {
            alignments,
            header,
            rows,
        }
    }

    fn cells(&mut self) -> Vec<Vec<Inline>> {
        let mut cells = Vec::new();
        while let Some((Event::Start(Tag::TableCell), _)) = self.events.peek() {
            self.events.next();
            cells.push(self.inlines(false));
            self.events.next();
        }
        cells
    }

    /// Inlines up to the end of the enclosing element or the next block.
    fn inlines(&mut self, in_link: bool) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        self.depth += 1;
        let skipped_before = self.skipped;
        while let Some((event, _)) = self.events.peek() {
            let (is_end, stops, is_start) = (
                matches!(event, Event::End(_)),
                is_block_start(event),
                matches!(event, Event::Start(_)),
            );
            if is_end && self.skipped > skipped_before && self.skip_end() {
                continue;
            }
            if is_end || stops {
                break;
            }
            if is_start && self.skip_too_deep() {
                continue;
            }
            let Some((event, range)) = self.events.next() else {
                break;
            };
            let span = self.span(range);
            let kind = match event {
                Event::Text(t) => {
                    // Neighbouring text (split at `[`, escapes) becomes one node.
                    if let Some(Inline {
                        kind: InlineKind::Text(prev),
                        span: prev_span,
                    }) = out.last_mut()
                    {
                        prev.push_str(&t);
                        prev_span.end = span.end;
                        continue;
                    }
                    InlineKind::Text(t.to_string())
                }
                Event::Code(t) => InlineKind::Code(t.to_string()),
                Event::Html(t) | Event::InlineHtml(t) => InlineKind::Html(t.to_string()),
                Event::SoftBreak => InlineKind::SoftBreak,
                Event::HardBreak => InlineKind::HardBreak,
                Event::Start(tag) => {
                    let kind = match tag {
                        Tag::Emphasis => InlineKind::Emph(self.inlines(in_link)),
                        Tag::Strong => InlineKind::Strong(self.inlines(in_link)),
                        Tag::Strikethrough => InlineKind::Strike(self.inlines(in_link)),
                        Tag::Link {
                            dest_url, title, ..
                        } => InlineKind::Link {
                            target: dest_url.to_string(),
                            title: title.to_string(),
                            inlines: self.inlines(true),
                            bare: false,
                        },
                        Tag::Image {
                            dest_url, title, ..
                        } => InlineKind::Image {
                            target: dest_url.to_string(),
                            title: title.to_string(),
                            alt: self.inlines(true),
                        },
                        _ => {
                            let inner = self.inlines(in_link);
                            self.events.next();
                            out.extend(inner);
                            continue;
                        }
                    };
                    self.events.next();
                    kind
                }
                // Footnotes, task markers, math: not in the dialect; kept as text.
                Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    InlineKind::Text(t.to_string())
                }
                _ => continue,
            };
            out.push(Inline { kind, span });
        }
        self.depth -= 1;
        let mut out = if in_link { out } else { autolink(out) };
        // The model keeps every tree: no room left over from growing.
        out.shrink_to_fit();
        out
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Bare `http://` and `https://` addresses in text become links, as GFM does.
fn autolink(inlines: Vec<Inline>) -> Vec<Inline> {
    if !inlines.iter().any(|i| {
        matches!(&i.kind, InlineKind::Text(t) if t.contains("http://") || t.contains("https://"))
    }) {
        return inlines;
    }
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        let InlineKind::Text(text) = &inline.kind else {
            out.push(inline);
            continue;
        };
        // Sub-ranges are exact only where the text is the source as written.
        let exact = inline.span.end - inline.span.start == text.len();
        let sub = |r: Range<usize>| {
            if exact {
                inline.span.start + r.start..inline.span.start + r.end
            } else {
                inline.span.clone()
            }
        };
        let mut at = 0;
        for (start, end) in bare_urls(text) {
            if start > at {
                out.push(Inline {
                    kind: InlineKind::Text(text[at..start].to_string()),
                    span: sub(at..start),
                });
            }
            let url = &text[start..end];
            out.push(Inline {
                kind: InlineKind::Link {
                    target: url.to_string(),
                    title: String::new(),
                    inlines: vec![Inline {
                        kind: InlineKind::Text(url.to_string()),
                        span: sub(start..end),
                    }],
                    bare: true,
                },
                span: sub(start..end),
            });
            at = end;
        }
        if at < text.len() {
            out.push(Inline {
                kind: InlineKind::Text(text[at..].to_string()),
                span: sub(at..text.len()),
            });
        }
    }
    out
}

/// Byte ranges of bare web addresses: after a space or `(`, up to white space or `<`,
/// without trailing punctuation or an unbalanced `)`.
fn bare_urls(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = ["https://", "http://"]
        .iter()
        .filter_map(|s| text[from..].find(s).map(|i| (from + i, s.len())))
        .min()
    {
        let (start, scheme) = found;
        from = start + scheme;
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| !(c.is_whitespace() || "*_~(".contains(c))) {
            continue;
        }
        let mut end = text[start..]
            .find(|c: char| c.is_whitespace() || c == '<')
            .map_or(text.len(), |i| start + i);
        loop {
            let url = &text[start..end];
            match url.chars().next_back() {
                Some(c) if "?!.,:*_~'\"".contains(c) => end -= c.len_utf8(),
                Some(')') if url.matches(')').count() > url.matches('(').count() => end -= 1,
                _ => break,
            }
        }
        // The host needs a dot.
        if end > start + scheme && text[start + scheme..end].contains('.') {
            out.push((start, end));
            from = end;
        }
    }
    out
}
