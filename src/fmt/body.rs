//! The Markdown body: one line per paragraph, one blank line between blocks, ATX
//! headings; each block kept only when it renders the same.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::text::edits::Edits;

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The body as written, without blank lines around it, ending in one newline.
pub(super) fn verbatim_body(body: &str) -> String {
    let start = crate::text::lines_inclusive(body)
        .take_while(|l| l.trim().is_empty())
        .map(str::len)
        .sum::<usize>();
    let text = body[start..].trim_end();
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

/// Byte offsets of the lines of a text, split where `text::line_breaks` splits (so a
/// lone `\r` ends a line, as in every other line count). `fmt` gives the body with `\n`
/// only; the rest of this module relies on that.
struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(crate::text::line_breaks(text));
        if starts.last() == Some(&text.len()) && !text.is_empty() {
            starts.pop();
        }
        Lines {
            starts,
            len: text.len(),
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset`.
    fn of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    fn start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Where the line's text ends, before its line ending.
    fn end(&self, line: usize, text: &str) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        text[..next]
            .trim_end_matches(['\n', '\r'])
            .len()
            .max(self.starts[line])
    }
}

/// A part of the body written as one unit: a top-level block, or lines between blocks
/// that are no block (link reference definitions).
struct Block {
    lines: Range<usize>,
}

fn is_blank(line: &str) -> bool {
    line.trim_matches([' ', '\t']).is_empty()
}

/// The body in canonical form. Each top-level block is rewritten on its own and kept
/// only when it renders the same (and keeps its headings and links); otherwise the
/// block stays as written.
pub(super) fn format_body(body: &str) -> String {
    let lines = Lines::new(body);
    let line = |i: usize| &body[lines.start(i)..lines.end(i, body)];
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, markdown_options())
        .into_offset_iter()
        .collect();

    let mut blocks: Vec<Range<usize>> = Vec::new();
    // Code, raw HTML and math keep every character, including trailing spaces: whole
    // lines in code and HTML blocks, the characters of inline code and HTML.
    let mut literal_blocks: Vec<Range<usize>> = Vec::new();
    let mut literal_inlines: Vec<Range<usize>> = Vec::new();
    let mut edits = Edits::default();
    let mut stack: Vec<Tag> = Vec::new();
    for (i, (event, range)) in events.iter().enumerate() {
        let next_start = events.get(i + 1).map_or(body.len(), |(_, r)| r.start);
        let in_heading = stack.iter().any(|t| matches!(t, Tag::Heading { .. }));
        match event {
            Event::Start(tag) => {
                if stack.is_empty() {
                    blocks.push(range.clone());
                    match tag {
                        Tag::Heading { level, .. } => {
                            heading(body, &lines, range, *level as usize, &mut edits);
                        }
                        Tag::Paragraph => {
                            // Up to three spaces before a paragraph are no content.
                            let from = lines.start(lines.of(range.start));
                            if body[from..range.start].chars().all(|c| c == ' ') {
                                edits.add(from..range.start, "");
                            }
                        }
                        _ => {}
                    }
                }
                if matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock) {
                    literal_blocks.push(range.clone());
                }
                stack.push(tag.clone());
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => literal_inlines.push(range.clone()),
            Event::SoftBreak | Event::HardBreak if !in_heading => {
                let Some(nl) = body[range.clone()].find('\n').map(|n| range.start + n) else {
                    continue;
                };
                let before = &body[range.start..nl];
                let hard = matches!(event, Event::HardBreak)
                    && (before == "\\" || (before.len() >= 2 && before.bytes().all(|b| b == b' ')));
                if hard {
                    // A break by trailing spaces keeps two of them: writing `\` instead
                    // would change the words `diff` compares.
                    if before != "\\" {
                        edits.add(range.start..nl, "  ");
                    }
                    let top_level = matches!(stack.first(), Some(Tag::Paragraph));
                    if top_level
                        && body[nl + 1..next_start]
                            .bytes()
                            .all(|b| b == b' ' || b == b'\t')
                    {
                        edits.add(nl + 1..next_start, "");
                    }
                } else {
                    // Join the lines: drop the spaces before the break and the indentation
                    // or `>` markers before the next line's text. (Spaces with a tab are a
                    // hard break to pulldown-cmark but not to comrak, which renders: join,
                    // and let the check of the block decide.)
                    let gap = &body[nl..next_start];
                    if gap.matches('\n').count() == 1
                        && gap.chars().all(|c| matches!(c, '\n' | ' ' | '\t' | '>'))
                    {
                        let from = body[..nl].trim_end_matches([' ', '\t']).len();
                        edits.add(from..next_start, " ");
                    }
                }
            }
            // A block without children, like a thematic break.
            _ if stack.is_empty() => blocks.push(range.clone()),
            _ => {}
        }
    }
    let inside = |ranges: &[Range<usize>], at: usize| ranges.iter().any(|r| r.contains(&at));

    // Blocks as whole lines, without the blank lines the parser counts to them.
    let mut parts: Vec<Block> = Vec::new();
    let mut covered = 0;
    for range in &blocks {
        let first = lines.of(range.start);
        let mut last = lines.of(range.end.saturating_sub(1).max(range.start));
        while last > first && is_blank(line(last)) {
            last -= 1;
        }
        if first < covered {
            // Blocks that share a line: leave the body as written.
            return verbatim_body(body);
        }
        // Lines between blocks that are not blank (link reference definitions). Right
        // above a block they stay with it: a blank line put between could change how
        // the block parses.
        push_gap(&mut parts, covered..first, &line);
        match parts.last_mut() {
            Some(gap) if gap.lines.end == first && first > covered => gap.lines.end = last + 1,
            _ => parts.push(Block {
                lines: first..last + 1,
            }),
        }
        covered = last + 1;
    }
    push_gap(&mut parts, covered..lines.count(), &line);

    // Inside a block: one blank line at most, no trailing whitespace.
    for part in &parts {
        let mut previous_blank = false;
        for l in part.lines.clone() {
            let start = lines.start(l);
            let end = lines.end(l, body);
            if inside(&literal_blocks, start) {
                previous_blank = false;
                continue;
            }
            let blank = is_blank(line(l));
            if blank && previous_blank {
                let next = if l + 1 < lines.count() {
                    lines.start(l + 1)
                } else {
                    end
                };
                edits.add(start..next, "");
            }
            previous_blank = blank;
            let kept = body[start..end].trim_end_matches([' ', '\t']).len();
            if start + kept < end
                && !inside(&literal_blocks, start + kept)
                && !inside(&literal_inlines, start + kept)
            {
                edits.add(start + kept..end, "");
            }
        }
    }

    let mut out: Vec<String> = Vec::new();
    for part in &parts {
        let span = lines.start(part.lines.start)..lines.end(part.lines.end - 1, body);
        let original = &body[span.clone()];
        let formatted = edits.apply(body, span);
        out.push(if same_markdown(original, &formatted) {
            formatted
        } else {
            original.to_string()
        });
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("{}\n", out.join("\n\n"))
    }
}

/// Non-blank lines in `range` as blocks of their own, one per run of lines.
fn push_gap<'a>(parts: &mut Vec<Block>, range: Range<usize>, line: &impl Fn(usize) -> &'a str) {
    let mut run: Option<usize> = None;
    for l in range.clone() {
        match (is_blank(line(l)), run) {
            (false, None) => run = Some(l),
            (true, Some(start)) => {
                parts.push(Block { lines: start..l });
                run = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run {
        parts.push(Block {
            lines: start..range.end,
        });
    }
}

/// Rewrite a top-level heading as `## Text`: one space after the hashes, no closing
/// hashes, an underlined heading of one line made ATX.
fn heading(body: &str, lines: &Lines, range: &Range<usize>, level: usize, edits: &mut Edits) {
    let first = lines.of(range.start);
    let mut last = lines.of(range.end.saturating_sub(1).max(range.start));
    while last > first && is_blank(&body[lines.start(last)..lines.end(last, body)]) {
        last -= 1;
    }
    let text = |l: usize| &body[lines.start(l)..lines.end(l, body)];
    let hashes = "#".repeat(level);
    let span = lines.start(first)..lines.end(last, body);
    if first == last {
        let written = text(first).trim_start_matches(' ');
        let Some(rest) = written.strip_prefix(&hashes) else {
            return;
        };
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return;
        }
        let rest = rest.trim_matches([' ', '\t']);
        let without_closing = rest.trim_end_matches('#');
        let content = if without_closing.is_empty() {
            ""
        } else if without_closing.ends_with([' ', '\t']) {
            without_closing.trim_end_matches([' ', '\t'])
        } else {
            rest
        };
        if content.is_empty() {
            edits.add(span, hashes);
        } else {
            edits.add(span, format!("{hashes} {content}"));
        }
    } else if last == first + 1 {
        let content = text(first).trim_matches([' ', '\t']);
        // A closing `#` would be read as the end of an ATX heading: keep the underline.
        if !content.is_empty() && !content.ends_with('#') {
            edits.add(span, format!("{hashes} {content}"));
        }
    }
}

/// Two Markdown texts mean the same: they parse to the same tree and have the same headings
/// and link targets (which anchors and link checks read).
fn same_markdown(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shape = |t: &str| {
        let scan = crate::load::markdown::scan(t);
        (
            scan.headings
                .into_iter()
                .map(|h| (h.level, h.text))
                .collect::<Vec<_>>(),
            scan.links.into_iter().map(|l| l.target).collect::<Vec<_>>(),
        )
    };
    let tree = |t: &str| crate::model::document::Document::parse(t, 0).normalized();
    tree(a) == tree(b) && shape(a) == shape(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_every_kind_of_line_break() {
        let text = "a\r\nb\rc\n\r\nd";
        let lines = Lines::new(text);
        let all: Vec<_> = (0..lines.count())
            .map(|l| &text[lines.start(l)..lines.end(l, text)])
            .collect();
        assert_eq!(all, ["a", "b", "c", "", "d"]);
        assert_eq!(lines.of(text.find('c').unwrap()), 2);
    }

    #[test]
    fn a_file_with_lone_carriage_returns_formats_as_with_newlines() {
        let lf = "---\nid: a\ntitel:   T\nuitgangspunt: p\n---\nEen zin\nover twee regels.\n\n\n# Kop\nTekst.\n";
        let cr = lf.replace('\n', "\r");
        let crlf = lf.replace('\n', "\r\n");
        let formatted = crate::fmt::format_file("cases/a.md", lf, crate::fmt::Readable::Unknown)
            .map(|(out, _)| out);
        assert!(formatted.is_some());
        assert_eq!(
            crate::fmt::format_file("cases/a.md", &cr, crate::fmt::Readable::Unknown)
                .map(|(o, _)| o),
            formatted
        );
        assert_eq!(
            crate::fmt::format_file("cases/a.md", &crlf, crate::fmt::Readable::Unknown)
                .map(|(o, _)| o),
            formatted
        );
        assert_eq!(verbatim_body("\r\r  \rTekst\r"), "Tekst\n");
    }
}
