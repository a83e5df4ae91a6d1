//! Document tree → HTML, with one escaper. Raw HTML in the tree is shown as text.

use crate::model::document::{Align, Block, BlockKind, Document, Inline, InlineKind};

use crate::render::escape::html_into as escape;

pub fn to_html(doc: &Document) -> String {
    let mut out = String::new();
    blocks(&doc.blocks, false, &mut out);
    out
}

fn blocks(blocks: &[Block], tight: bool, out: &mut String) {
    for b in blocks {
        block(b, tight, out);
    }
}

fn block(b: &Block, tight: bool, out: &mut String) {
    match &b.kind {
        BlockKind::Heading { level, inlines, .. } => {
            out.push_str(&format!("<h{level}>"));
            self::inlines(inlines, out);
            out.push_str(&format!("</h{level}>\n"));
        }
        BlockKind::Paragraph(i) if tight => {
            inlines(i, out);
            out.push('\n');
        }
        BlockKind::Paragraph(i) => {
            out.push_str("<p>");
            inlines(i, out);
            out.push_str("</p>\n");
        }
        BlockKind::List {
            ordered,
            start,
            tight,
            items,
        } => {
            match (ordered, start) {
                (false, _) => out.push_str("<ul>\n"),
                (true, 1) => out.push_str("<ol>\n"),
                (true, n) => out.push_str(&format!("<ol start=\"{n}\">\n")),
            }
            for item in items {
                out.push_str("<li>");
                if !*tight && !item.is_empty() {
                    out.push('\n');
                }
                blocks(item, *tight, out);
                if out.ends_with('\n') && *tight {
                    out.pop();
                }
                out.push_str("</li>\n");
            }
            out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
        }
        BlockKind::Quote(inner) => {
            out.push_str("<blockquote>\n");
            blocks(inner, false, out);
            out.push_str("</blockquote>\n");
        }
        BlockKind::Code { info, text } => {
            let lang = info.split_whitespace().next().unwrap_or("");
            if lang.is_empty() {
                out.push_str("<pre><code>");
            } else {
                out.push_str("<pre><code class=\"language-");
                escape(lang, out);
                out.push_str("\">");
            }
            escape(text, out);
            out.push_str("</code></pre>\n");
        }
        BlockKind::Table {
            alignments,
            header,
            rows,
        } => {
            out.push_str("<table>\n<thead>\n");
            row(header, alignments, "th", out);
            out.push_str("</thead>\n");
            if !rows.is_empty() {
                out.push_str("<tbody>\n");
                for r in rows {
                    row(r, alignments, "td", out);
                }
                out.push_str("</tbody>\n");
            }
            out.push_str("</table>\n");
        }
        BlockKind::ThematicBreak => out.push_str("<hr />\n"),
        BlockKind::Html(text) => {
            out.push_str("<p>");
            escape(text.trim_end(), out);
            out.push_str("</p>\n");
        }
    }
}

fn row(cells: &[Vec<Inline>], alignments: &[Align], tag: &str, out: &mut String) {
    out.push_str("<tr>\n");
    for (i, cell) in cells.iter().enumerate() {
        match alignments.get(i).copied().unwrap_or(Align::None) {
            Align::None => out.push_str(&format!("<{tag}>")),
            Align::Left => out.push_str(&format!("<{tag} align=\"left\">")),
            Align::Center => out.push_str(&format!("<{tag} align=\"center\">")),
            Align::Right => out.push_str(&format!("<{tag} align=\"right\">")),
        }
        inlines(cell, out);
        out.push_str(&format!("</{tag}>\n"));
    }
    out.push_str("</tr>\n");
}

pub fn inlines(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        inline(i, out);
    }
}

fn inline(i: &Inline, out: &mut String) {
    let wrap = |tag: &str, children: &[Inline], out: &mut String| {
        out.push_str(&format!("<{tag}>"));
        inlines(children, out);
        out.push_str(&format!("</{tag}>"));
    };
    match &i.kind {
        InlineKind::Text(t) | InlineKind::Html(t) => escape(t, out),
        InlineKind::Emph(c) => wrap("em", c, out),
        InlineKind::Strong(c) => wrap("strong", c, out),
        InlineKind::Strike(c) => wrap("del", c, out),
        InlineKind::Code(t) => {
            out.push_str("<code>");
            escape(t, out);
            out.push_str("</code>");
        }
        InlineKind::Link {
            target,
            title,
            inlines: children,
            ..
        } => {
            out.push_str("<a href=\"");
            escape(safe_url(target), out);
            out.push('"');
            if !title.is_empty() {
                out.push_str(" title=\"");
                escape(title, out);
                out.push('"');
            }
            out.push('>');
            inlines(children, out);
            out.push_str("</a>");
        }
        // Only an embedded PNG or JPEG becomes an image: any other address would be
        // fetched by the browser as the page opens. The view embeds the repository's
        // images and turns web images into links; what is left shows its description.
        InlineKind::Image { target, alt, .. } if !crate::model::image::is_embedded(target) => {
            inlines(alt, out)
        }
        InlineKind::Image { target, title, alt } => {
            out.push_str("<img src=\"");
            escape(target, out);
            out.push_str("\" alt=\"");
            escape(&crate::model::document::plain_text(alt), out);
            out.push('"');
            if !title.is_empty() {
                out.push_str(" title=\"");
                escape(title, out);
                out.push('"');
            }
            // Never wider than the column (the style sheet has no rule for images).
            out.push_str(" style=\"max-width: 100%; height: auto\" />");
        }
        InlineKind::SoftBreak => out.push('\n'),
        InlineKind::HardBreak => out.push_str("<br />\n"),
    }
}

/// A target that runs code or smuggles content when clicked becomes `#`.
pub fn safe_url(url: &str) -> &str {
    if is_dangerous_url(url) { "#" } else { url }
}

/// URL schemes that run code or smuggle content when clicked.
pub fn is_dangerous_url(url: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_dangerous_targets_stay_harmless() {
        let doc = Document::parse(
            "Hallo <script>alert(1)</script> [klik](javascript:alert(1)).\n\n<div onclick=\"x()\">\nblok\n</div>\n",
            0,
        );
        let html = to_html(&doc);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn tight_and_loose_lists_and_tables() {
        let html = to_html(&Document::parse(
            "- a\n- b\n\n1. c\n\n2. d\n\n| x |\n|:-:|\n| 1 |\n",
            0,
        ));
        assert!(
            html.contains("<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
            "{html}"
        );
        assert!(html.contains("<li>\n<p>c</p>\n</li>"), "{html}");
        assert!(html.contains("<th align=\"center\">x</th>"), "{html}");
    }
}
