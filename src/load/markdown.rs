//! Scanning Markdown for what checks need: headings (with anchors) and links,
//! each with its byte offset in the scanned text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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

pub fn scan(text: &str) -> Scan {
    let mut out = Scan::default();
    let mut heading: Option<(u8, String, usize)> = None;
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level_number(level), String::new(), range.start));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, start)) = heading.take() {
                    out.headings.push(Heading {
                        level,
                        text: text.trim().to_string(),
                        start,
                        end: range.end,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text, _)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                out.links.push(LinkRef {
                    target: dest_url.to_string(),
                    start: range.start,
                    end: range.end,
                });
            }
            _ => {}
        }
    }
    out
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

/// Anchors of a list of headings, numbering repeats as GitHub does (`kop`, `kop-1`).
pub fn anchors<'a>(headings: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for h in headings {
        let base = anchor(h);
        let mut candidate = base.clone();
        let mut n = 0;
        while seen.contains(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        seen.push(candidate);
    }
    seen
}

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
        assert_eq!(
            anchors(["Kop", "Kop", "Kop"]),
            vec!["kop", "kop-1", "kop-2"]
        );
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

/// What to do with a link when a text moves into the rendered document.
pub enum LinkAction {
    Keep,
    /// Point the link elsewhere, such as a section of the document.
    Retarget(String),
    /// Keep the link's text, drop the link.
    Unlink,
}

/// Rewrite the inline links of `text`; `decide` gets each link's destination.
pub fn rewrite_links(text: &str, decide: impl Fn(&str) -> LinkAction) -> std::borrow::Cow<'_, str> {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let source = &text[range.clone()];
        // Only inline links `[text](dest)`: reference links keep their definitions.
        let Some(close) = source.rfind("](") else {
            continue;
        };
        match decide(&dest_url) {
            LinkAction::Keep => {}
            LinkAction::Retarget(new) => {
                edits.push((range.clone(), format!("{}]({new})", &source[..close])));
            }
            LinkAction::Unlink => {
                edits.push((range.clone(), source[1..close].to_string()));
            }
        }
    }
    apply_edits(text, edits)
}

/// URL schemes that run code or smuggle content when clicked.
fn is_dangerous_url(url: &str) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

/// Make raw HTML in Markdown inert: its `<` becomes `&lt;` so every renderer shows it as
/// text, and links with a `javascript:`-like target lose that target. Everything else
/// is left as written.
pub fn neutralize(text: &str) -> std::borrow::Cow<'_, str> {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => {
                edits.push((range.clone(), text[range].replace('<', "&lt;")));
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if is_dangerous_url(&dest_url) =>
            {
                let source = &text[range.clone()];
                if let Some(at) = source.rfind(dest_url.as_ref()) {
                    let start = range.start + at;
                    edits.push((start..start + dest_url.len(), "#".to_string()));
                }
            }
            _ => {}
        }
    }
    apply_edits(text, edits)
}

/// Replace byte ranges of `text`; overlapping edits after the first are skipped.
fn apply_edits(
    text: &str,
    mut edits: Vec<(std::ops::Range<usize>, String)>,
) -> std::borrow::Cow<'_, str> {
    if edits.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod neutralize_tests {
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

    #[test]
    fn links_are_retargeted_or_unlinked() {
        let text = "Zie [de tuin](../cases/tuin.md), [uitleg](a.md#kop) en [web](https://x.nl).";
        let out = rewrite_links(text, |dest| match dest {
            "../cases/tuin.md" => LinkAction::Retarget("#casus-tuin".into()),
            "a.md#kop" => LinkAction::Unlink,
            _ => LinkAction::Keep,
        });
        assert_eq!(
            out,
            "Zie [de tuin](#casus-tuin), uitleg en [web](https://x.nl)."
        );
    }

    #[test]
    fn raw_html_becomes_text() {
        let out = neutralize("Hallo <script>alert(1)</script> en <img src=x onerror=alert(1)>.");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script>alert(1)&lt;/script>"), "{out}");
        let block = neutralize("<div onclick=\"x()\">\nblok\n</div>\n\nTekst *nadruk*.\n");
        assert!(!block.contains("<div"), "{block}");
        assert!(block.contains("Tekst *nadruk*."), "{block}");
    }

    #[test]
    fn dangerous_link_targets_are_removed() {
        let out = neutralize("Klik [hier](javascript:alert(1)) of [daar](https://example.org).");
        assert_eq!(out, "Klik [hier](#) of [daar](https://example.org).");
        assert!(is_dangerous_url(" JavaScript:x"));
        assert!(is_dangerous_url("java\tscript:x"));
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "Gewone tekst met *nadruk* en een [link](../cases/a.md) en 3 < 4.";
        assert!(matches!(neutralize(text), std::borrow::Cow::Borrowed(_)));
    }
}
