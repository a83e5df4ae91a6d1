//! The diff as HTML: the whole document as `render` writes it for the new version,
//! from the same template, with the summary of changes first and every changed text
//! marked with `<del>` and `<ins>`. A principle or case that was removed stays at its
//! old place, its texts deleted and its heading saying so.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::changes::{REVIEW_TITLE, review_sentence, sentences_with_redlines, totals_line};
use super::escape;
use super::html::{render_prepared, tree::to_html};
use super::templates::Templates;
use super::{ChangesView, RenderError, Text, View};
use crate::analysis::diff::Delta;
use crate::analysis::redline::{Redline, Segment};
use crate::model::document::{BlockKind, Document, Inline, InlineKind};

/// Said before the heading of a principle or case that is no longer there.
const REMOVED: &str = "Vervallen";
/// Said before the heading of a principle or case that is new.
const ADDED: &str = "Nieuw";

pub fn render(
    old: &View,
    new: &View,
    d: &Delta,
    from: &str,
    to: &str,
    templates: &Templates,
) -> Result<String, RenderError> {
    let old_r = old.rendered_with(to_html);
    let mut view = new.rendered_with(to_html);
    let mut sentences: Vec<String> = if d.is_empty() {
        vec!["Geen inhoudelijke wijzigingen.".to_string()]
    } else {
        sentences_with_redlines(d)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    };
    // The review hints for the council last, each saying what it is.
    sentences.extend(
        d.review
            .iter()
            .map(|r| format!("{REVIEW_TITLE}. {}", review_sentence(r))),
    );
    let totals = totals_line(d);
    view.changes = Some(ChangesView {
        title: if totals.is_empty() {
            format!("Wijzigingen van {from} naar {to}")
        } else {
            format!("Wijzigingen van {from} naar {to} ({totals})")
        },
        sentences,
    });
    let mut principles = Vec::with_capacity(view.principles.len());
    let new_ids: Vec<&str> = new.principles.iter().map(|p| p.id.as_str()).collect();
    // Removed principles at their old place: before the first principle that followed them.
    let mut removed = old_r
        .principles
        .iter()
        .filter(|p| !new_ids.contains(&p.id.as_str()))
        .peekable();
    for mut p in std::mem::take(&mut view.principles) {
        while let Some(r) = removed.next_if(|r| {
            old.principles.iter().position(|o| o.id == r.id)
                < old.principles.iter().position(|o| o.id == p.id)
        }) {
            principles.push(whole(r.clone(), false));
        }
        match old_r.principles.iter().find(|o| o.id == p.id) {
            None => p = whole(p, true),
            Some(o) => {
                mark(&mut p.short_text, &o.short_text);
                mark(&mut p.elaboration, &o.elaboration);
                let case_ids: Vec<String> = p.cases.iter().map(|c| c.id.clone()).collect();
                for c in &mut p.cases {
                    match o.cases.iter().find(|oc| oc.id == c.id) {
                        Some(oc) => mark(&mut c.story, &oc.story),
                        None => {
                            c.heading = format!("{ADDED}: {}", c.heading);
                            c.story.rendered = ins(&c.story.rendered);
                        }
                    }
                }
                for oc in o.cases.iter().filter(|oc| !case_ids.contains(&oc.id)) {
                    let mut oc = oc.clone();
                    oc.heading = format!("{REMOVED}: {}", oc.heading);
                    // A moved case is also at its new place: its anchor must stay unique.
                    oc.id = format!("{}-vervallen", oc.id);
                    oc.story.rendered = del(&oc.story.rendered);
                    p.cases.push(oc);
                }
            }
        }
        principles.push(p);
    }
    principles.extend(removed.map(|r| whole(r.clone(), false)));
    view.principles = principles;
    render_prepared(&view, templates)
}

/// A principle that is all new (or all gone).
fn whole(mut p: super::PrincipleView, added: bool) -> super::PrincipleView {
    let (label, wrap): (&str, fn(&str) -> String) =
        if added { (ADDED, ins) } else { (REMOVED, del) };
    p.heading = format!("{label}: {}", p.heading);
    if !added {
        p.id = format!("{}-vervallen", p.id);
    }
    for t in [&mut p.short_text, &mut p.elaboration] {
        t.rendered = wrap(&t.rendered);
    }
    for c in &mut p.cases {
        c.heading = format!("{label}: {}", c.heading);
        if !added {
            c.id = format!("{}-vervallen", c.id);
        }
        c.story.rendered = wrap(&c.story.rendered);
    }
    p
}

fn ins(html: &str) -> String {
    if html.trim().is_empty() {
        return String::new();
    }
    format!("<ins class=\"block\">{html}</ins>")
}

fn del(html: &str) -> String {
    if html.trim().is_empty() {
        return String::new();
    }
    format!("<del class=\"block\">{html}</del>")
}

/// A text's HTML with its changes since `old` marked, block by block: a changed
/// paragraph word by word, another block deleted and inserted whole.
fn mark(new: &mut Text, old: &Text) {
    if new.rendered == old.rendered {
        return;
    }
    let one = |b: &crate::model::document::Block| {
        to_html(&Document {
            blocks: vec![b.clone()].into(),
            ..Document::default()
        })
    };
    let old_html: Vec<String> = old.doc.blocks.iter().map(one).collect();
    let new_html: Vec<String> = new.doc.blocks.iter().map(one).collect();
    let mut out = String::new();
    for op in capture_diff_slices(Algorithm::Patience, &old_html, &new_html) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => new_html[n].iter().for_each(|h| out.push_str(h)),
            _ => {
                let (olds, news) = (&old.doc.blocks[o.clone()], &new.doc.blocks[n.clone()]);
                let paired = olds.len().min(news.len());
                for (i, (a, b)) in olds.iter().zip(news).enumerate() {
                    match (&a.kind, &b.kind) {
                        (BlockKind::Paragraph(x), BlockKind::Paragraph(y)) => {
                            let red = Redline::between(&text(x), &text(y));
                            out.push_str(&format!("<p>{}</p>\n", words(&red)));
                        }
                        _ => {
                            out.push_str(&del(&old_html[o.start + i]));
                            out.push_str(&ins(&new_html[n.start + i]));
                        }
                    }
                }
                for h in &old_html[o.start + paired..o.end] {
                    out.push_str(&del(h));
                }
                for h in &new_html[n.start + paired..n.end] {
                    out.push_str(&ins(h));
                }
            }
        }
    }
    new.rendered = out;
}

/// A paragraph's words as the document shows them (raw HTML as typed).
fn text(inlines: &[Inline]) -> String {
    fn walk(inlines: &[Inline], out: &mut String) {
        for i in inlines {
            match &i.kind {
                InlineKind::Text(t) | InlineKind::Code(t) | InlineKind::Html(t) => out.push_str(t),
                InlineKind::SoftBreak | InlineKind::HardBreak => out.push(' '),
                InlineKind::Emph(c) | InlineKind::Strong(c) | InlineKind::Strike(c) => walk(c, out),
                InlineKind::Link { inlines, .. } => walk(inlines, out),
                InlineKind::Image { alt, .. } => walk(alt, out),
            }
        }
    }
    let mut out = String::new();
    walk(inlines, &mut out);
    out
}

/// A paragraph's redline; each mark takes the space before its words along, so that
/// without the deleted (or inserted) words the text is spaced as it was.
fn words(r: &Redline) -> String {
    r.0.iter()
        .map(|s| {
            let t = escape::html(s.text());
            match s {
                Segment::Same(_) => t.to_string(),
                // Screen readers do not announce <del>/<ins>: say it in hidden text.
                Segment::Deleted(_) => format!(
                    "<del><span class=\"visually-hidden\">[verwijderd: </span>{t}<span class=\"visually-hidden\">]</span></del>"
                ),
                Segment::Inserted(_) => format!(
                    "<ins><span class=\"visually-hidden\">[toegevoegd: </span>{t}<span class=\"visually-hidden\">]</span></ins>"
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
