//! Safe typst markup building.
//!
//! User text is never written as markup. Every run of it becomes a typst
//! string literal embedded in markup (`#"...";`), in which only `\` and `"`
//! are special. Typst shows a string as plain text: no markup syntax, no
//! shorthands (`--`, `...`, `~`), no smart quotes, no autolinks, no
//! comments, no code. The closing `;` ends the embedded expression, so
//! whatever follows cannot be parsed as a method call or argument list.
//!
//! Typography (curly quotes, dashes) is therefore the document model's job,
//! as it is for HTML and Word: the characters arrive already right and are
//! printed exactly as given.

use std::fmt::Write;

/// A typst string literal (with quotes) for `s`, usable in code mode.
/// Line breaks and tabs are kept as escapes; other control characters are
/// dropped because no font has glyphs for them (a PDF/UA error).
pub fn str_lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Markup that prints `s` literally as running text. White space runs
/// (including line breaks) collapse to one space, as in Markdown prose.
pub fn text(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut flat = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !in_space {
                flat.push(' ');
            }
            in_space = true;
        } else {
            flat.push(c);
            in_space = false;
        }
    }
    format!("#{};", str_lit(&flat))
}

/// Markup for inline code: a `raw` element, printed verbatim in the
/// monospace face.
pub fn inline_code(s: &str) -> String {
    format!("#raw({});", str_lit(&s.replace(['\n', '\r'], " ")))
}

/// Markup for a code block.
pub fn code_block(s: &str) -> String {
    format!("#raw(block: true, {});", str_lit(s))
}

/// A typst colour expression for a `#rrggbb` or `#rgb` hex colour; `None`
/// if `s` is not one (the caller reports it in Dutch).
pub fn colour(s: &str) -> Option<String> {
    let hex = s.strip_prefix('#').unwrap_or(s);
    let ok = matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit());
    ok.then(|| format!("rgb(\"#{}\")", hex.to_ascii_lowercase()))
}

/// A typst length in millimetres from a number we computed.
pub fn mm(v: f32) -> String {
    let mut s = String::new();
    let _ = write!(s, "{:.2}mm", v.max(0.0));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literal_escapes_only_backslash_and_quote() {
        assert_eq!(str_lit(r#"a\b"c"#), r#""a\\b\"c""#);
        assert_eq!(str_lit("x\u{7}y\r\nz"), r#""xy\nz""#);
    }

    #[test]
    fn text_is_a_terminated_string() {
        assert_eq!(text("# kop"), "#\"# kop\";");
        assert_eq!(text("a \n\t b"), "#\"a b\";");
        assert_eq!(text(""), "");
    }

    #[test]
    fn colours() {
        assert_eq!(colour("#1D4F91").as_deref(), Some("rgb(\"#1d4f91\")"));
        assert_eq!(colour("abc").as_deref(), Some("rgb(\"#abc\")"));
        assert_eq!(colour("blauw"), None);
        assert_eq!(colour("#12345\"); panic(\""), None);
    }
}
