//! Document tree → CommonMark (with GFM tables and strikethrough), so the Markdown
//! output says what the tree says. Raw HTML stays inert: its `<` is written as `&lt;`.

use crate::model::document::{Align, Block, BlockKind, Document, Inline, InlineKind};

pub fn to_commonmark(doc: &Document) -> String {
    blocks(&doc.blocks, false)
}

fn blocks(blocks: &[Block], tight: bool) -> String {
    let parts: Vec<String> = blocks.iter().map(block).collect();
    parts.join(if tight { "\n" } else { "\n\n" })
}

fn block(b: &Block) -> String {
    match &b.kind {
        BlockKind::Heading { level, inlines, .. } => {
            let text = line_safe(&self::inlines(inlines)).replace('\n', " ");
            format!("{} {text}", "#".repeat(usize::from(*level)))
        }
        BlockKind::Paragraph(i) => line_safe(&inlines(i)),
        BlockKind::List {
            ordered,
            start,
            tight,
            items,
        } => {
            let mut out = Vec::new();
            for (n, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", *start + n as u64)
                } else {
                    "- ".to_string()
                };
                let content = blocks(item, *tight);
                out.push(prefixed(&content, &marker, &" ".repeat(marker.len())));
            }
            out.join(if *tight { "\n" } else { "\n\n" })
        }
        BlockKind::Quote(inner) => prefixed(&blocks(inner, false), "> ", "> "),
        BlockKind::Code { info, text } => {
            // A backtick fence cannot carry an info string with a backtick (`~~~`
            // can); the closing fence needs a line of its own, or the block would run
            // on and the next fence would open the rest of the document as Markdown.
            let mark = if info.contains('`') { '~' } else { '`' };
            let fence = mark.to_string().repeat(longest_run(text, mark).max(2) + 1);
            let newline = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            format!("{fence}{info}\n{text}{newline}{fence}")
        }
        BlockKind::Table {
            alignments,
            header,
            rows,
        } => {
            let row = |cells: &[Vec<Inline>]| {
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| inlines(c).replace('|', "\\|"))
                    .collect();
                format!("| {} |", cells.join(" | "))
            };
            let rule: Vec<&str> = alignments
                .iter()
                .map(|a| match a {
                    Align::None => "---",
                    Align::Left => ":--",
                    Align::Center => ":-:",
                    Align::Right => "--:",
                })
                .collect();
            let mut out = vec![row(header), format!("| {} |", rule.join(" | "))];
            out.extend(rows.iter().map(|r| row(r)));
            out.join("\n")
        }
        BlockKind::ThematicBreak => "---".to_string(),
        // Raw HTML is shown as the text it is: every line escaped like text, so
        // neither a tag nor a link or a block marker inside it comes alive.
        BlockKind::Html(text) => {
            let mut out = String::new();
            for (i, line) in crate::text::lines(text.trim_end()).enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                let line = line.trim_start();
                if line.starts_with(['#', '>', '-', '+', '=', '|']) {
                    out.push('\\');
                }
                escape_html_text(line, &mut out);
            }
            out
        }
    }
}

/// Lines of `text`, the first after `first`, the others after `rest` (blank lines bare
/// where the prefix is only spaces).
fn prefixed(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    // Split as `split('\n')` would (a final empty line kept), with a lone CR a break too.
    let lines = crate::text::lines_inclusive(text)
        .map(|l| l.trim_end_matches(['\n', '\r']))
        .chain(
            text.ends_with(['\n', '\r'])
                .then_some("")
                .or(text.is_empty().then_some("")),
        );
    for (i, line) in lines.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let prefix = if i == 0 { first } else { rest };
        if line.is_empty() {
            out.push_str(prefix.trim_end());
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
    out
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Escape what would start a block at the beginning of a line of running text.
fn line_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        out.push_str(indent);
        let digits = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if trimmed.starts_with(['#', '>', '-', '+', '=', '|'])
            || (trimmed.starts_with("*") && !trimmed.starts_with("**"))
        {
            out.push('\\');
            out.push_str(trimmed);
        } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            out.push_str(&trimmed[digits..]);
        } else {
            out.push_str(trimmed);
        }
    }
    out
}

fn inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        inline(i, &mut out);
    }
    out
}

fn escape_text(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // Copy the runs between special characters whole: most text has none.
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'\\' | b'*' | b'_' | b'`' | b'[' | b']' | b'<' | b'~' => true,
            // Only where it would read as an entity such as `&amp;`.
            b'&' => looks_like_entity(&bytes[i + 1..]),
            _ => false,
        };
        if escape {
            out.push_str(&text[from..i]);
            out.push('\\');
            from = i;
        }
    }
    out.push_str(&text[from..]);
}

/// Open a link; a `!` of the text just before it is escaped, or the link would be
/// read back as an image, which a viewer fetches.
fn link_start(out: &mut String) {
    if let Some(before) = out.strip_suffix('!') {
        let backslashes = before.len() - before.trim_end_matches('\\').len();
        if backslashes % 2 == 0 {
            out.insert(out.len() - 1, '\\');
        }
    }
    out.push('[');
}

/// Raw HTML as text: `<` as `&lt;` (no tag can start), the rest escaped as text.
fn escape_html_text(text: &str, out: &mut String) {
    for (i, part) in text.split('<').enumerate() {
        if i > 0 {
            out.push_str("&lt;");
        }
        escape_text(part, out);
    }
}

fn looks_like_entity(rest: &[u8]) -> bool {
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
        .count();
    name > 0 && rest.get(name) == Some(&b';')
}

fn inline(i: &Inline, out: &mut String) {
    match &i.kind {
        InlineKind::Text(t) => escape_text(t, out),
        InlineKind::Html(t) => escape_html_text(t, out),
        InlineKind::Emph(c) => {
            out.push('*');
            out.push_str(&inlines(c));
            out.push('*');
        }
        InlineKind::Strong(c) => {
            out.push_str("**");
            out.push_str(&inlines(c));
            out.push_str("**");
        }
        InlineKind::Strike(c) => {
            out.push_str("~~");
            out.push_str(&inlines(c));
            out.push_str("~~");
        }
        InlineKind::Code(t) => {
            let ticks = "`".repeat(longest_run(t, '`') + 1);
            let pad = if t.starts_with('`') || t.ends_with('`') {
                " "
            } else {
                ""
            };
            out.push_str(&format!("{ticks}{pad}{t}{pad}{ticks}"));
        }
        InlineKind::Link {
            target, bare: true, ..
        } => out.push_str(target),
        InlineKind::Link {
            target,
            title,
            inlines: c,
            ..
        } => {
            link_start(out);
            out.push_str(&inlines(c));
            out.push_str("](");
            destination(target, title, out);
            out.push(')');
        }
        // As in HTML: only an embedded image stays an image, a web image is a link.
        InlineKind::Image { target, title, alt } if !crate::model::image::is_embedded(target) => {
            if crate::model::image::is_remote(target) {
                link_start(out);
                out.push_str(&inlines(alt));
                out.push_str("](");
                destination(target, title, out);
                out.push(')');
            } else {
                out.push_str(&inlines(alt));
            }
        }
        InlineKind::Image { target, title, alt } => {
            out.push_str("![");
            out.push_str(&inlines(alt));
            out.push_str("](");
            destination(target, title, out);
            out.push(')');
        }
        InlineKind::SoftBreak => out.push('\n'),
        InlineKind::HardBreak => out.push_str("\\\n"),
    }
}

fn destination(target: &str, title: &str, out: &mut String) {
    if target.is_empty() || target.contains([' ', '(', ')', '<', '>']) {
        out.push('<');
        out.push_str(&target.replace('<', "%3C").replace('>', "%3E"));
        out.push('>');
    } else {
        out.push_str(target);
    }
    if !title.is_empty() {
        // One line, so no line of it can start a block (a table row, raw HTML).
        let title = title
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace(['\n', '\r'], " ");
        out.push_str(&format!(" \"{title}\""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_cr_breaks_a_quoted_line_like_a_line_feed() {
        assert_eq!(prefixed("a\rb", "> ", "> "), prefixed("a\nb", "> ", "> "));
        assert_eq!(prefixed("a\n", "- ", "  "), "- a\n");
        assert_eq!(prefixed("", "> ", "> "), ">");
    }

    /// Written out and read back, a text means the same.
    #[test]
    fn commonmark_output_reads_back_as_the_same_tree() {
        let text = "## Kop *met* nadruk\n\nTekst met **sterk**, ~~weg~~, `` co`de ``, [link](<a b.md> \"t\") en\nhttps://x.nl/a. Ook 3 * 4 en _los_ en [haak] en &amp; en 1. niet.\n\n- a\n  - b\n\n    c\n\n3. drie\n\n> citaat\n> \n> - in\n\n````\n```\n````\n\n| a \\| b | c |\n|:--|--:|\n| 1 | 2 |\n\n***\n";
        let doc = Document::parse(text, 0);
        let out = to_commonmark(&doc);
        let back = Document::parse(&out, 0);
        assert_eq!(back.normalized(), doc.normalized(), "{out}");
    }

    /// Raw HTML is written so that it reads back as the text it showed.
    #[test]
    fn raw_html_is_written_as_text() {
        let out = to_commonmark(&Document::parse("Zie <b>dit</b>.\n\n<div>\nx\n</div>\n", 0));
        assert_eq!(out, "Zie &lt;b>dit&lt;/b>.\n\n&lt;div>\nx\n&lt;/div>");
        let back = crate::render::html::tree::to_html(&Document::parse(&out, 0));
        assert!(back.contains("Zie &lt;b&gt;dit&lt;/b&gt;."), "{back}");
    }

    /// A `!` before a link stays text: `\![x](u)` must not come back as an image.
    #[test]
    fn a_link_after_an_exclamation_mark_stays_a_link() {
        for text in [
            "\\![x](https://t.example/p.png)",
            "Ja\\\\\\![x](https://t.example/p.png)",
        ] {
            let doc = Document::parse(text, 0);
            let out = to_commonmark(&doc);
            assert_eq!(
                Document::parse(&out, 0).normalized(),
                doc.normalized(),
                "{out}"
            );
        }
    }

    /// What raw HTML holds stays text too: a link in it must not come alive, and an
    /// indented code block without a final line break must end where it ends.
    #[test]
    fn nothing_in_raw_html_or_code_comes_alive() {
        let text = "<style>x</style>[klik](javascript:alert(1))\n\nTekst <b title=\"[k](javascript:x)\">\n";
        let out = to_commonmark(&Document::parse(text, 0));
        let back = Document::parse(&out, 0);
        assert!(back.links().is_empty(), "{out}");
        let code = Document::parse("\t<script>alert(1)</script>", 0);
        let out = format!("{}\n\n<b>x</b>\n", to_commonmark(&code));
        let back = Document::parse(&out, 0);
        assert!(
            matches!(
                back.blocks.last().map(|b| &b.kind),
                Some(BlockKind::Paragraph(_))
            ),
            "{out}"
        );
    }
}
