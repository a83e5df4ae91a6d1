use proptest::prelude::*;

use super::drop_between;
use crate::model::document::{BlockKind, Document, Inline};
use crate::render::html_redline::inline::paragraph;

fn inlines(markdown: &str) -> Vec<Inline> {
    match Document::parse(markdown, 0).blocks.first().map(|b| &b.kind) {
        Some(BlockKind::Paragraph(i)) => i.clone(),
        _ => Vec::new(),
    }
}

/// The words a reader sees: tags dropped, entities as characters.
fn words(html: &str) -> Vec<String> {
    let text = drop_between(html, "<", ">")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    text.split_whitespace().map(String::from).collect()
}

/// A few words of markdown: plain, emphasised, strong, code or a link.
fn word() -> impl Strategy<Value = String> {
    (prop::collection::vec("[a-c<&]{1,3}", 1..4), 0..5usize).prop_map(|(w, style)| {
        let w = w.join(" ");
        let safe = w.replace('<', "x");
        match style {
            0 => safe,
            1 => format!("*{safe}*"),
            2 => format!("**{safe}**"),
            3 => format!("`{w}`"),
            _ => format!("[{safe}](https://example.org/{style})"),
        }
    })
}

proptest! {
    #[test]
    fn accepting_gives_the_new_words_and_rejecting_the_old(
        old in prop::collection::vec(word(), 1..8),
        new in prop::collection::vec(word(), 1..8),
    ) {
        let (old, new) = (inlines(&old.join(" ")), inlines(&new.join(" ")));
        let html = paragraph(&old, &new);
        let html = drop_between(&html, r#"<span class="visually-hidden">"#, "</span>");
        let plain = |i: &[Inline]| -> Vec<String> {
            super::super::inline::text(i)
                .split_whitespace()
                .map(String::from)
                .collect()
        };
        let accepted = drop_between(&html, "<del>", "</del>");
        let rejected = drop_between(&html, "<ins>", "</ins>");
        prop_assert_eq!(words(&accepted), plain(&new));
        // The redline keeps the new spacing: without a deleted word, only the old
        // characters are sure to be back.
        prop_assert_eq!(words(&rejected).concat(), plain(&old).concat());
        // Every element closed, and no link more than the new text has.
        for tag in ["a", "em", "strong", "code", "ins", "del"] {
            let opened = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            prop_assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "{}", html);
        }
        let mut links = String::new();
        crate::render::html::tree::inlines(&new, &mut links);
        prop_assert!(html.matches("<a ").count() <= links.matches("<a ").count(), "{}", html);
    }

    #[test]
    fn the_same_words_keep_all_their_markup(new in prop::collection::vec(word(), 1..8)) {
        let new = inlines(&new.join(" "));
        let mut rendered = String::new();
        crate::render::html::tree::inlines(&new, &mut rendered);
        prop_assert_eq!(paragraph(&new, &new), rendered);
    }
}
