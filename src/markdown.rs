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
