//! A changed paragraph word by word, keeping the new version's links, emphasis and
//! code around the words that stayed or came in; deleted words are plain text.

use crate::analysis::redline::{Redline, Segment};
use crate::model::document::{Inline, InlineKind, plain_text};
use crate::render::escape;
use crate::render::html::tree;

/// Hidden words around a mark: screen readers do not announce `<del>`/`<ins>`.
const DELETED: (&str, &str) = ("<del>", "[verwijderd: ");
const INSERTED: (&str, &str) = ("<ins>", "[toegevoegd: ");

/// The paragraph's content (without `<p>`) with its changes since `old` marked.
pub(super) fn paragraph(old: &[Inline], new: &[Inline]) -> String {
    let mut flat = Flat::default();
    flat.walk(new, &[]);
    let red = Redline::between(&text(old), &flat.text());
    match pieces(&red, &flat) {
        Some(pieces) => emit(&pieces, &flat.containers),
        // Not expected: the redline's new words are the paragraph's own. Marks
        // without the markup are still right.
        None => words(&red),
    }
}

/// A paragraph's words as the document shows them (raw HTML as typed).
pub(super) fn text(inlines: &[Inline]) -> String {
    let mut flat = Flat::default();
    flat.walk(inlines, &[]);
    flat.text()
}

/// A redline of plain text, every piece escaped; each mark takes the space before its
/// words along, so that without the deleted (or inserted) words the text is spaced as
/// it was.
pub(super) fn words(r: &Redline) -> String {
    r.0.iter()
        .map(|s| {
            let t = escape::html(s.text());
            match s {
                Segment::Same(_) => t,
                Segment::Deleted(_) => marked(DELETED, &t, true, true),
                Segment::Inserted(_) => marked(INSERTED, &t, true, true),
            }
        })
        .collect()
}

/// `html` in a mark; the hidden words open with the first piece of a change and
/// close with its last.
fn marked((tag, say): (&str, &str), html: &str, first: bool, last: bool) -> String {
    let close = tag.replace('<', "</");
    let open_words = if first {
        format!("<span class=\"visually-hidden\">{say}</span>")
    } else {
        String::new()
    };
    let close_words = if last {
        "<span class=\"visually-hidden\">]</span>"
    } else {
        ""
    };
    format!("{tag}{open_words}{html}{close_words}{close}")
}

/// An element around text (a link, emphasis, code): its tags as the document writes them.
struct Container {
    open: String,
    close: String,
}

/// The paragraph's text, one character at a time, each with the elements around it
/// (outermost first, as indexes into `containers`).
#[derive(Default)]
struct Flat {
    chars: Vec<(char, Vec<usize>)>,
    containers: Vec<Container>,
}

impl Flat {
    fn text(&self) -> String {
        self.chars.iter().map(|(c, _)| *c).collect()
    }

    fn push_str(&mut self, s: &str, path: &[usize]) {
        self.chars.extend(s.chars().map(|c| (c, path.to_vec())));
    }

    /// A container's tags: the document's own rendering around a marker.
    fn container(&mut self, kind: InlineKind, path: &[usize]) -> Vec<usize> {
        const MARK: char = '\u{0}';
        let mut html = String::new();
        tree::inlines(&[Inline { kind, span: 0..0 }], &mut html);
        let (open, close) = html.split_once(MARK).unwrap_or((&html, ""));
        self.containers.push(Container {
            open: open.to_string(),
            close: close.to_string(),
        });
        let mut inner = path.to_vec();
        inner.push(self.containers.len() - 1);
        inner
    }

    fn walk(&mut self, inlines: &[Inline], path: &[usize]) {
        let mark = || {
            vec![Inline {
                kind: InlineKind::Text("\u{0}".into()),
                span: 0..0,
            }]
        };
        for i in inlines {
            match &i.kind {
                InlineKind::Text(t) | InlineKind::Html(t) => self.push_str(t, path),
                InlineKind::SoftBreak | InlineKind::HardBreak => self.push_str(" ", path),
                InlineKind::Code(t) => {
                    let inner = self.container(InlineKind::Code("\u{0}".into()), path);
                    self.push_str(t, &inner);
                }
                InlineKind::Emph(c) => {
                    let inner = self.container(InlineKind::Emph(mark()), path);
                    self.walk(c, &inner);
                }
                InlineKind::Strong(c) => {
                    let inner = self.container(InlineKind::Strong(mark()), path);
                    self.walk(c, &inner);
                }
                InlineKind::Strike(c) => {
                    let inner = self.container(InlineKind::Strike(mark()), path);
                    self.walk(c, &inner);
                }
                InlineKind::Link {
                    target,
                    title,
                    inlines,
                    bare,
                } => {
                    let link = InlineKind::Link {
                        target: target.clone(),
                        title: title.clone(),
                        inlines: mark(),
                        bare: *bare,
                    };
                    let inner = self.container(link, path);
                    self.walk(inlines, &inner);
                }
                // An image in a changed paragraph shows its description.
                InlineKind::Image { alt, .. } => self.push_str(&plain_text(alt), path),
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Same,
    Deleted,
    Inserted,
}

/// A run of text of one kind inside the same elements; `first`/`last`: whether it
/// starts or ends its segment.
struct Piece {
    kind: Kind,
    text: String,
    path: Vec<usize>,
    first: bool,
    last: bool,
}

/// The redline cut where the elements around the new words change. `None` when the
/// redline's new words are not the paragraph's.
fn pieces(red: &Redline, flat: &Flat) -> Option<Vec<Piece>> {
    let mut out: Vec<Piece> = Vec::new();
    let mut at = 0;
    for s in &red.0 {
        let kind = match s {
            Segment::Same(_) => Kind::Same,
            Segment::Deleted(_) => Kind::Deleted,
            Segment::Inserted(_) => Kind::Inserted,
        };
        let start = out.len();
        if kind == Kind::Deleted {
            // Its elements are settled below, from its neighbours.
            out.push(Piece {
                kind,
                text: s.text().to_string(),
                path: Vec::new(),
                first: true,
                last: true,
            });
            continue;
        }
        for c in s.text().chars() {
            let path = if c == ' ' {
                // One space for a run of white space in the paragraph.
                let path = flat.chars.get(at)?.1.clone();
                while flat.chars.get(at).is_some_and(|(c, _)| c.is_whitespace()) {
                    at += 1;
                }
                path
            } else {
                // White space before the first word is not in the redline.
                while flat.chars.get(at).is_some_and(|(c, _)| c.is_whitespace()) {
                    at += 1;
                }
                let (d, path) = flat.chars.get(at)?;
                if *d != c {
                    return None;
                }
                at += 1;
                path.clone()
            };
            let len = out.len();
            match out.last_mut() {
                Some(p) if len > start && p.path == path => p.text.push(c),
                _ => out.push(Piece {
                    kind,
                    text: c.to_string(),
                    path,
                    first: out.len() == start,
                    last: false,
                }),
            }
        }
        if out.len() > start
            && let Some(p) = out.last_mut()
        {
            p.last = true;
        }
    }
    // Deleted words go inside the elements both neighbours share.
    for i in 0..out.len() {
        if out[i].kind != Kind::Deleted {
            continue;
        }
        let before = near(out[..i].iter().rev());
        let after = near(out[i + 1..].iter());
        out[i].path = match (before, after) {
            (Some(a), Some(b)) => a
                .iter()
                .zip(&b)
                .take_while(|(x, y)| x == y)
                .map(|(x, _)| *x)
                .collect(),
            _ => Vec::new(),
        };
    }
    Some(out)
}

/// The elements around the nearest piece that is not deleted.
fn near<'a>(mut pieces: impl Iterator<Item = &'a Piece>) -> Option<Vec<usize>> {
    pieces
        .find(|p| p.kind != Kind::Deleted)
        .map(|p| p.path.clone())
}

/// The pieces as HTML: elements opened and closed as the pieces need them, the marks
/// innermost, so that a link with a changed word stays one link.
fn emit(pieces: &[Piece], containers: &[Container]) -> String {
    let mut out = String::new();
    let mut open: Vec<usize> = Vec::new();
    for p in pieces {
        let keep = open.iter().zip(&p.path).take_while(|(a, b)| a == b).count();
        while open.len() > keep {
            let c = open.pop().unwrap_or_default();
            out.push_str(&containers[c].close);
        }
        for &c in &p.path[keep..] {
            out.push_str(&containers[c].open);
            open.push(c);
        }
        let t = escape::html(&p.text);
        match p.kind {
            Kind::Same => out.push_str(&t),
            Kind::Deleted => out.push_str(&marked(DELETED, &t, p.first, p.last)),
            Kind::Inserted => out.push_str(&marked(INSERTED, &t, p.first, p.last)),
        }
    }
    while let Some(c) = open.pop() {
        out.push_str(&containers[c].close);
    }
    out
}
