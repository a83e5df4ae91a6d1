//! Texts the council still has to write are marked `TODO:` (as `kwaliteit new`
//! writes them), so that `check` can warn about each one.

/// The marker of a text the council still has to write: `TODO: schrijf hier ...`.
pub const PLACEHOLDER: &str = "TODO:";

/// Byte ranges of the placeholders in a file: from `TODO:` to the end of its line,
/// or, when the placeholder opens a quoted YAML value, to the closing quote.
/// Trailing white space is not part of the range.
pub fn placeholders(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(PLACEHOLDER) {
        let start = from + found;
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            // Part of a longer word, like `XTODO:`.
            from = start + PLACEHOLDER.len();
            continue;
        }
        let line_end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |e| start + e);
        let end = match before {
            Some(quote @ ('"' | '\'')) => closing_quote(text, start, line_end, quote),
            _ => line_end,
        };
        let end = start + text[start..end].trim_end().len();
        out.push((start, end));
        from = end.max(start + PLACEHOLDER.len());
    }
    out
}

/// Where a quoted YAML value that contains `start` ends on its line: `\"` escapes a
/// double quote, `''` a single one. The end of the line if it is not closed there.
fn closing_quote(text: &str, start: usize, line_end: usize, quote: char) -> usize {
    let mut chars = text[start..line_end].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return start + i;
            }
        }
    }
    line_end
}
