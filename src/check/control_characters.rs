//! Control characters in a file, or written as escapes in its YAML: a terminal would
//! execute them and XML forbids them.

use crate::model::finding::{Finding, Rule};
use crate::model::{FileKind, file_kind};
use crate::text::LineIndex;

/// Characters a terminal executes (ESC, BEL, a lone CR in a value, …) or that XML
/// forbids: in a file, or written as an escape (`"\e"`, `"\x01"`) in a double-quoted
/// YAML value. The formats remove or show them; the council should take them out.
pub(super) fn control_characters(path: &str, text: &str, out: &mut Vec<Finding>) {
    let mut found = bad_characters(text);
    // An escape starts with a backslash: without one, no YAML to read.
    let yaml = if !text.contains('\\') {
        None
    } else if file_kind(path) == Some(FileKind::Identity) {
        Some((0, text))
    } else {
        crate::load::frontmatter::split(text)
            .ok()
            .map(|s| (s.yaml.as_ptr() as usize - text.as_ptr() as usize, s.yaml))
    };
    if let Some((offset, yaml)) = yaml {
        for (at, len, c) in yaml_escapes(yaml) {
            if is_bad(c) || c == '\r' {
                found.push((offset + at, len, c));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    found.sort_by_key(|f| f.0);
    let index = LineIndex::new(text);
    for (at, len, c) in found {
        let name = match c {
            '\0' => " (nulteken)",
            '\u{7}' => " (bel)",
            '\u{8}' => " (backspace)",
            '\u{b}' => " (verticale tab)",
            '\u{c}' => " (nieuwe pagina)",
            '\r' => " (terug naar het begin van de regel)",
            '\u{1b}' => " (escape)",
            '\u{7f}' => " (delete)",
            _ => "",
        };
        out.push(
            Finding::new(
                Rule::ControlCharacter,
                path,
                index.pos(at),
                format!("onzichtbaar stuurteken U+{:04X}{name} in de tekst", c as u32),
            )
            .width(len)
            .help("haal het teken weg (het komt vaak mee bij kopiëren uit een pdf of een terminal); Word laat het weg, de terminal toont het als teken"),
        );
    }
}

/// A control character (a lone CR aside: a line end for YAML and Markdown) or a noncharacter.
fn is_bad(c: char) -> bool {
    use crate::text::terminal::is_control;
    (is_control(c) && c != '\r') || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Every [`is_bad`] character of `text` with its byte offset and length (one). Most
/// texts have none, which a look at the bytes shows without decoding the characters:
/// C0 controls and DEL are single bytes, the C1 controls start with 0xC2 and U+FFFE and
/// U+FFFF with 0xEF.
fn bad_characters(text: &str) -> Vec<(usize, usize, char)> {
    let may_have = text.bytes().any(|b| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7f | 0xc2 | 0xef)
    });
    if !may_have {
        return Vec::new();
    }
    text.char_indices()
        .filter(|&(_, c)| is_bad(c))
        .map(|(at, c)| (at, 1, c))
        .collect()
}

/// The characters that escapes in double-quoted YAML values stand for, with the
/// byte offset and length of each escape. Comments and single-quoted values are
/// skipped; a `"` opens a value only where a value can start.
fn yaml_escapes(yaml: &str) -> Vec<(usize, usize, char)> {
    #[derive(PartialEq)]
    enum State {
        Plain,
        Double,
        Single,
        Comment,
    }
    let mut out = Vec::new();
    let mut state = State::Plain;
    // The last character outside quotes that was not a space: a value starts after
    // `:`, `-`, `[`, `{`, `,`, `?` or at the start of a line.
    let mut prev = '\n';
    let b = yaml.as_bytes();
    let mut chars = yaml.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match state {
            State::Comment if c == '\n' => {
                state = State::Plain;
                prev = '\n';
            }
            State::Comment => {}
            State::Single if c == '\'' => {
                if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    state = State::Plain;
                    prev = 'x';
                }
            }
            State::Single => {}
            State::Double if c == '"' => {
                state = State::Plain;
                prev = 'x';
            }
            State::Double if c == '\\' => {
                let Some((_, e)) = chars.next() else { break };
                let hex = |n: usize| {
                    let digits = yaml.get(at + 2..at + 2 + n)?;
                    u32::from_str_radix(digits, 16)
                        .ok()
                        .and_then(char::from_u32)
                };
                let (len, meant) = match e {
                    '0' => (2, Some('\0')),
                    'a' => (2, Some('\u{7}')),
                    'b' => (2, Some('\u{8}')),
                    'e' => (2, Some('\u{1b}')),
                    'f' => (2, Some('\u{c}')),
                    'v' => (2, Some('\u{b}')),
                    'r' => (2, Some('\r')),
                    'N' => (2, Some('\u{85}')),
                    'x' => (4, hex(2)),
                    'u' => (6, hex(4)),
                    'U' => (10, hex(8)),
                    _ => (2, None),
                };
                if let Some(meant) = meant {
                    out.push((at, len, meant));
                }
                // Skip the hex digits, all ASCII.
                for _ in 2..len {
                    if chars
                        .peek()
                        .is_some_and(|&(i, _)| i < at + len && i < b.len())
                    {
                        chars.next();
                    }
                }
            }
            State::Double => {}
            State::Plain => match c {
                '#' if prev == '\n' || yaml[..at].ends_with([' ', '\t']) => state = State::Comment,
                '"' if matches!(prev, '\n' | ':' | '-' | '[' | '{' | ',' | '?') => {
                    state = State::Double
                }
                '\'' if matches!(prev, '\n' | ':' | '-' | '[' | '{' | ',' | '?') => {
                    state = State::Single
                }
                '\n' => prev = '\n',
                ' ' | '\t' | '\r' => {}
                c => prev = c,
            },
        }
    }
    out
}

#[cfg(test)]
mod escape_tests {
    use super::*;

    #[test]
    fn yaml_escapes_in_double_quoted_values_only() {
        let yaml = "titel: \"a\\e[31m\\x01\\u0007\\n\"\nnaam: 'x\\e' # \"\\e\"\nrol: Jan \"\\e\"\nb: \"\\U0000FFFE\"\n";
        let found: Vec<char> = yaml_escapes(yaml).into_iter().map(|f| f.2).collect();
        assert_eq!(found, vec!['\u{1b}', '\u{1}', '\u{7}', '\u{fffe}']);
        let (at, len, _) = yaml_escapes(yaml)[1];
        assert_eq!(&yaml[at..at + len], "\\x01");
    }
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    proptest::proptest! {
        /// The look at the bytes never hides a character the full scan finds: for any
        /// mix of controls, C1 controls, noncharacters, line ends and ordinary text.
        #[test]
        fn the_bytes_look_finds_what_the_full_scan_finds(
            s in "[a é\t\n\r\u{0}\u{1b}\u{7f}\u{80}\u{9b}\u{9f}\u{a0}\u{fffe}\u{ffff}\u{fffd}]{0,16}"
        ) {
            let full: Vec<(usize, usize, char)> = s
                .char_indices()
                .filter(|&(_, c)| is_bad(c))
                .map(|(at, c)| (at, 1, c))
                .collect();
            proptest::prop_assert_eq!(bad_characters(&s), full);
        }
    }
}
