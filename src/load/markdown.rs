//! Headings and links of a Markdown text (from its document tree), and link paths,
//! each with its byte offset in the scanned text.

use crate::model::document::{BlockKind, Document, plain_text};

#[derive(Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    /// Byte range of the whole heading in the scanned text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub struct LinkRef {
    pub target: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
}

/// Headings and links of a text, read from its document tree.
pub fn scan(text: &str) -> Scan {
    let doc = Document::parse(text, 0);
    Scan {
        headings: doc
            .headings()
            .into_iter()
            .filter_map(|h| match &h.kind {
                BlockKind::Heading { level, inlines, .. } => Some(Heading {
                    level: *level,
                    text: plain_text(inlines),
                    start: h.span.start,
                    end: h.span.end,
                }),
                _ => None,
            })
            .collect(),
        links: doc
            .links()
            .into_iter()
            .map(|(target, span)| LinkRef {
                target: target.to_string(),
                start: span.start,
                end: span.end,
            })
            .collect(),
    }
}

pub use crate::model::document::anchor;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_headings_and_links_with_offsets() {
        let text = "Intro [zie](../cases/a.md#kop).\n\n## Uitwerking\n\nTekst ![b](img.png)\n";
        let s = scan(text);
        assert_eq!(s.headings.len(), 1);
        assert_eq!(s.headings[0].text, "Uitwerking");
        assert_eq!(s.headings[0].level, 2);
        assert_eq!(&text[s.headings[0].start..s.headings[0].start + 2], "##");
        assert_eq!(s.links[0].target, "../cases/a.md#kop");
        assert_eq!(
            &text[s.links[0].start..s.links[0].end],
            "[zie](../cases/a.md#kop)"
        );
        assert_eq!(s.links[1].target, "img.png");
    }

    #[test]
    fn anchors_follow_github() {
        assert_eq!(anchor("De Almeerder centraal"), "de-almeerder-centraal");
        assert_eq!(anchor("Één gezin, één plan!"), "één-gezin-één-plan");
        let s = scan("# Kop\n\n## Kop\n\n### Kop\n");
        let doc = Document::parse("# Kop\n\n## Kop\n\n### Kop\n", 0);
        let anchors: Vec<_> = doc
            .headings()
            .into_iter()
            .filter_map(|h| match &h.kind {
                BlockKind::Heading { anchor, .. } => Some(anchor.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(s.headings.len(), 3);
        assert_eq!(anchors, vec!["kop", "kop-1", "kop-2"]);
    }
}

/// Split a link into file part and anchor; `None` for links that leave the repository
/// (`https:`, `mailto:`) and need no check.
pub fn split_link(target: &str) -> Option<(String, Option<String>)> {
    let before_path = target.split(['/', '#', '?']).next().unwrap_or("");
    if target.starts_with("//") || before_path.contains(':') {
        return None;
    }
    let (file, anchor) = match target.split_once('#') {
        Some((f, a)) => (f, Some(crate::text::percent_decode(a))),
        None => (target, None),
    };
    let file = file.split('?').next().unwrap_or(file);
    Some((crate::text::percent_decode(file), anchor))
}

/// Resolve `link` relative to the folder of `from`; `None` if it climbs out of the root.
pub fn resolve(from: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        from.split('/').collect::<Vec<_>>()
    };
    if !link.starts_with('/') {
        parts.pop();
    }
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod link_tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(
            resolve("manifest/principles/01-a.md", "../../cases/b.md").as_deref(),
            Some("cases/b.md")
        );
        assert_eq!(resolve("cases/a.md", "b.md").as_deref(), Some("cases/b.md"));
        assert_eq!(
            resolve("cases/a.md", "/README.md").as_deref(),
            Some("README.md")
        );
        assert_eq!(resolve("cases/a.md", "../../x.md"), None);
    }

    #[test]
    fn external_links_are_skipped() {
        assert_eq!(split_link("https://wetten.overheid.nl/BWBR0035362"), None);
        assert_eq!(split_link("mailto:raad@example.org"), None);
        assert_eq!(split_link("//cdn.example.org/x"), None);
        assert_eq!(
            split_link("b%20c.md#kop"),
            Some(("b c.md".to_string(), Some("kop".to_string())))
        );
        assert_eq!(
            split_link("#kop"),
            Some((String::new(), Some("kop".to_string())))
        );
    }
}
