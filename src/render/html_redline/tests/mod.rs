use super::*;
use crate::render::docx::redline::tests::versions;
use crate::render::html;

fn templates() -> Templates {
    Templates::load(&[]).unwrap()
}

/// The text of the elaboration part without its headings (the redline names new and
/// removed ones in the heading, which no mark can hold).
fn elaboration(page: &str) -> String {
    let start = page.find(r#"<section class="part elaboration""#).unwrap();
    let end = start + page[start..].find("</section>").unwrap();
    let mut text = String::new();
    let mut rest = &page[start..end];
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let tag_end = lt + rest[lt..].find('>').unwrap() + 1;
        let tag = &rest[lt..tag_end];
        // Skip a heading whole.
        if let Some(level) = ["<h3", "<h4"].iter().find(|h| tag.starts_with(**h)) {
            let close = format!("</{}>", &level[1..]);
            rest = &rest[lt + rest[lt..].find(&close).unwrap() + close.len()..];
            continue;
        }
        text.push(' ');
        rest = &rest[tag_end..];
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Remove every `<open…>…</close>` (not nested).
fn drop_between(page: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        let end = at + rest[at..].find(close).unwrap() + close.len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn resolve(page: &str, accept: bool) -> String {
    let page = drop_between(page, r#"<span class="visually-hidden">"#, "</span>");
    let (gone, kept) = if accept {
        ("del", "ins")
    } else {
        ("ins", "del")
    };
    let page = drop_between(&page, &format!("<{gone}"), &format!("</{gone}>"));
    let page = page
        .replace(&format!("</{kept}>"), "")
        .replace(&format!("<{kept} class=\"block\">"), "")
        .replace(&format!("<{kept}>"), "");
    elaboration(&page)
}

#[test]
fn accepting_the_marks_gives_the_new_text_and_rejecting_the_old() {
    let (old, new) = versions();
    let d = Delta::default();
    let page = render(old.clone(), new.clone(), &d, "oud", "nieuw", &templates()).unwrap();
    let plain = |v: &View| elaboration(&html::render(v, &templates()).unwrap());
    assert_eq!(resolve(&page, true), plain(&new));
    assert_eq!(resolve(&page, false), plain(&old));
    assert!(page.contains("<del"), "{page}");
    assert!(page.contains("<ins"), "{page}");
    assert!(page.contains("Vervallen: 2. Oud uitgangspunt"));
    assert!(page.contains("Nieuw: Uit de praktijk: Een nieuw verhaal"));
    // The summary first, then the document, from the document's own template.
    let summary = page.find("Wijzigingen van oud naar nieuw").unwrap();
    assert!(summary < page.find(r#"<section class="part manifest""#).unwrap());
    assert!(page.contains("Geen inhoudelijke wijzigingen."));
}

#[test]
fn the_same_version_is_the_rendered_document_with_an_empty_summary() {
    let (old, _) = versions();
    let page = render(
        old.clone(),
        old.clone(),
        &Delta::default(),
        "a",
        "b",
        &templates(),
    )
    .unwrap();
    assert!(!page.contains("<del") && !page.contains("<ins"));
    let mut with_summary = old.clone();
    with_summary.changes = Some(ChangesView {
        title: "Wijzigingen van a naar b".into(),
        sentences: vec!["Geen inhoudelijke wijzigingen.".into()],
    });
    assert_eq!(page, html::render(&with_summary, &templates()).unwrap());
}

/// Two versions built from manifest files in memory, as `diff` sees them.
mod from_files;

/// A changed paragraph with markup, on generated texts.
mod paragraphs;

#[test]
fn merged_keeps_the_new_order_with_the_removed_at_their_old_place() {
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let (old, new) = (ids(&["a", "b", "c", "b"]), ids(&["b", "d", "c"]));
    let pairs: Vec<_> = super::merged(&old, &new, |s| s)
        .into_iter()
        .map(|(o, n)| (o.map(String::as_str), n.map(String::as_str)))
        .collect();
    // An id twice in the old version (an error `check` reports): its first place counts.
    assert_eq!(
        pairs,
        [
            (Some("a"), None),
            (Some("b"), Some("b")),
            (None, Some("d")),
            (Some("c"), Some("c")),
        ]
    );
}
