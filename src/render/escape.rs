//! One escaper per output language, for text that comes from the manifest.

/// Text in HTML content or a quoted attribute.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    html_into(s, &mut out);
    out
}

/// [`html`], appended to `out`.
pub fn html_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Text in one line of Markdown, a table cell included: every character that could
/// start markup is escaped, and a line break becomes a space, so the text is shown
/// as written and never as HTML, a link or a table border.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text as one Markdown code span, shown exactly (line breaks as spaces): the fence
/// is longer than any run of backticks in the text.
pub fn markdown_code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_show_markup_as_text() {
        assert_eq!(
            html(r#"<a href="x">&"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;"
        );
        assert_eq!(
            markdown("<img src=x onerror=alert(1)> | *b*\nc"),
            "\\<img src=x onerror=alert(1)\\> \\| \\*b\\* c"
        );
        assert_eq!(markdown_code("v1"), "`v1`");
        assert_eq!(markdown_code("a``b\n`"), "``` a``b ` ```");
    }
}
