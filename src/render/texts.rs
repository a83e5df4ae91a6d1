//! The texts of the `View`: a document tree each, made ready for the document (links
//! to other files lead to their section, images of the repository embedded).

use serde::Serialize;

use std::collections::HashMap;

use crate::load::markdown::{resolve, split_link};
use crate::model::document::{Document, Inline, InlineKind, visit_blocks_mut};

use super::View;

/// A text of the document: its tree, and what a format made of it for a template
/// (templates see only that string).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// Shared, so that a format's copy of the view does not copy the trees.
    pub doc: std::sync::Arc<Document>,
    pub rendered: String,
}

impl From<&str> for Text {
    /// A Markdown text parsed into its tree (offsets from its start).
    fn from(markdown: &str) -> Self {
        Text {
            doc: std::sync::Arc::new(Document::parse(markdown, 0)),
            rendered: String::new(),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.rendered)
    }
}

impl View {
    /// Every text of the view, for a format to render.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut Text> {
        self.letter
            .iter_mut()
            .map(|l| &mut l.body)
            .chain(self.principles.iter_mut().flat_map(|p| {
                [&mut p.short_text, &mut p.elaboration]
                    .into_iter()
                    .chain(p.cases.iter_mut().map(|c| &mut c.story))
            }))
    }

    /// The view with every text rendered by `f`.
    pub fn rendered_with(&self, f: impl Fn(&Document) -> String) -> View {
        let mut v = self.clone();
        for t in v.texts_mut() {
            t.rendered = f(&t.doc);
        }
        v
    }
}

/// Where links and images of a text lead in the document.
pub(super) struct Targets<'a> {
    /// Where each file's content lands in the document, for links between files.
    pub(super) sections: HashMap<&'a str, String>,
    /// The repository's images the texts show, read and recognised.
    pub(super) images: &'a std::collections::BTreeMap<String, crate::model::image::Image>,
}

/// A text made ready for the document: links to other files of the repository point at
/// their section in the document (or, for files that have none, become their text: the
/// reader of the document has no repository), and targets that run code become `#`.
/// An image of the repository is embedded (a `data:` address every format can
/// read); an image from the web becomes a link with its description, which a reader
/// may follow but no program fetches by itself; any other image becomes its description.
pub(super) fn for_document(doc: &Document, from: &str, targets: &Targets) -> Text {
    // A text without links or images stays shared with the model: most texts, and
    // copying each tree took most of the time of making a view.
    let mut retargeted = false;
    doc.visit_inlines(&mut |i| {
        retargeted |= matches!(i.kind, InlineKind::Link { .. } | InlineKind::Image { .. });
    });
    let mut doc = doc.clone();
    if !retargeted {
        return Text {
            doc: std::sync::Arc::new(doc),
            rendered: String::new(),
        };
    }
    let retarget = |inlines: &mut Vec<Inline>| retarget_links(inlines, from, targets);
    visit_blocks_mut(&mut doc.blocks, &mut |b| {
        use crate::model::document::BlockKind;
        match &mut b.kind {
            BlockKind::Heading { inlines, .. } | BlockKind::Paragraph(inlines) => retarget(inlines),
            BlockKind::Table { header, rows, .. } => {
                for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                    retarget(cell);
                }
            }
            _ => {}
        }
    });
    Text {
        doc: std::sync::Arc::new(doc),
        rendered: String::new(),
    }
}

fn retarget_links(inlines: &mut Vec<Inline>, from: &str, targets: &Targets) {
    let sections = &targets.sections;
    let mut out = Vec::with_capacity(inlines.len());
    for mut inline in inlines.drain(..) {
        match &mut inline.kind {
            InlineKind::Link {
                target,
                inlines: children,
                ..
            } => {
                retarget_links(children, from, targets);
                // A web image in a link's text became a link; links do not nest.
                if children
                    .iter()
                    .any(|c| matches!(c.kind, InlineKind::Link { .. }))
                {
                    *children = std::mem::take(children)
                        .into_iter()
                        .flat_map(|c| match c.kind {
                            InlineKind::Link { inlines, .. } => inlines,
                            _ => vec![c],
                        })
                        .collect();
                }
                if super::html::tree::is_dangerous_url(target) {
                    *target = "#".to_string();
                } else if let Some((file, _anchor)) = split_link(target) {
                    let resolved = if file.is_empty() {
                        Some(from.to_string())
                    } else {
                        resolve(from, &file)
                    };
                    match resolved.as_deref().and_then(|t| sections.get(t)) {
                        Some(section) => *target = format!("#{section}"),
                        None => {
                            out.append(children);
                            continue;
                        }
                    }
                }
            }
            InlineKind::Image { target, title, alt } => {
                retarget_links(alt, from, targets);
                let embedded = split_link(target)
                    .filter(|(file, _)| !file.is_empty() && !crate::model::image::is_remote(target))
                    .and_then(|(file, _)| resolve(from, &file))
                    .and_then(|rel| targets.images.get(&rel));
                if let Some(image) = embedded {
                    *target = image.data_url();
                } else if crate::model::image::is_remote(target)
                    && !super::html::tree::is_dangerous_url(target)
                {
                    inline.kind = InlineKind::Link {
                        target: std::mem::take(target),
                        title: std::mem::take(title),
                        inlines: std::mem::take(alt),
                        bare: false,
                    };
                } else {
                    out.append(alt);
                    continue;
                }
            }
            InlineKind::Emph(c) | InlineKind::Strong(c) | InlineKind::Strike(c) => {
                retarget_links(c, from, targets)
            }
            _ => {}
        }
        out.push(inline);
    }
    *inlines = out;
}
