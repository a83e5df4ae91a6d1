//! A fast reader for the plain shape almost every front matter has: `key: value` lines,
//! one level of nested `key: value` or `- item` lines, `[a, b]` lists of words, quoted
//! text without escapes, whole numbers. It gives the same tree, positions and raw text
//! as serde-saphyr, or `None` for anything else (then serde-saphyr reads it, with all its
//! limits and messages). About 30 times cheaper than the general parser per file.

use super::{Entry, Kind, Yaml};
use crate::model::finding::Pos;

/// Larger sources go to the general parser, which enforces the input limits.
const MAX_BYTES: usize = 64 * 1024;

/// The tree of `source` (which starts at line `first_line`), or `None` when it is not of
/// the plain shape, has no entries, or holds anything the general parser treats specially.
pub(super) fn parse(source: &str, first_line: usize) -> Option<Yaml> {
    if source.len() > MAX_BYTES || !plain_characters(source) {
        return None;
    }
    let lines: Vec<&str> = source.split('\n').collect();
    let mut reader = Reader {
        lines: &lines,
        next: 0,
        first_line,
    };
    let tree = reader.map(0, true)?;
    // Everything must have been read: a line indented where no block can start is not ours.
    if reader.peek().is_some() {
        return None;
    }
    Some(tree)
}

/// No tab, no carriage return, no control or special line-break character, no BOM: each
/// has its own rules (or errors) in YAML.
fn plain_characters(source: &str) -> bool {
    let bytes = source.as_bytes();
    if bytes
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) || b == b'\n')
    {
        return true;
    }
    source.chars().all(|c| {
        c == '\n'
            || (c >= ' '
                && c != '\u{7f}'
                && !('\u{80}'..='\u{9f}').contains(&c)
                && !matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ))
    })
}

struct Reader<'a> {
    lines: &'a [&'a str],
    next: usize,
    first_line: usize,
}

impl<'a> Reader<'a> {
    /// The next line with content (skipping blank and comment lines): index and indent.
    fn peek(&mut self) -> Option<(usize, usize)> {
        while let Some(line) = self.lines.get(self.next) {
            let rest = line.trim_start_matches(' ');
            if rest.is_empty() || rest.starts_with('#') {
                self.next += 1;
                continue;
            }
            return Some((self.next, line.len() - rest.len()));
        }
        None
    }

    fn pos(&self, index: usize, byte: usize) -> Pos {
        // Everything before a position we report is ASCII, so bytes count as characters.
        Pos::new(self.first_line + index, byte + 1)
    }

    /// A block of `key: value` lines at `indent`; `outer` allows one nested block.
    fn map(&mut self, indent: usize, outer: bool) -> Option<Yaml> {
        let mut entries = Vec::new();
        let mut pos = None;
        while let Some((index, at)) = self.peek() {
            if at < indent {
                break;
            }
            if at > indent {
                return None;
            }
            let line = self.lines[index];
            let key_len = key_length(&line[at..])?;
            let key = &line[at..at + key_len];
            let after = &line[at + key_len + 1..];
            let key_pos = self.pos(index, at);
            pos.get_or_insert(key_pos);
            self.next = index + 1;
            let value = if after.trim_end_matches(' ').is_empty() {
                if !outer {
                    return None;
                }
                self.block(indent)?
            } else {
                if !after.starts_with(' ') {
                    return None;
                }
                let start = after.len() - after.trim_start_matches(' ').len();
                let column = at + key_len + 1 + start;
                self.scalar_or_list(index, column, after[start..].trim_end_matches(' '))?
            };
            entries.push(Entry {
                key: key.to_string(),
                key_pos,
                value,
            });
        }
        Some(Yaml {
            kind: Kind::Map(entries),
            pos: pos?,
            raw: String::new(),
        })
    }

    /// The nested block after `key:` at `parent` indent: a map or a list, one level deep.
    fn block(&mut self, parent: usize) -> Option<Yaml> {
        let (index, at) = self.peek()?;
        if at <= parent {
            return None; // an empty value: its position is the general parser's business
        }
        let line = &self.lines[index][at..];
        if line.starts_with('-') {
            self.list(at)
        } else {
            self.map(at, false)
        }
    }

    /// `- item` lines at `indent`, each item a scalar.
    fn list(&mut self, indent: usize) -> Option<Yaml> {
        let mut items = Vec::new();
        let mut pos = None;
        while let Some((index, at)) = self.peek() {
            if at < indent {
                break;
            }
            if at > indent {
                return None;
            }
            let line = self.lines[index];
            let item = line[at..].strip_prefix("- ")?;
            let start = item.len() - item.trim_start_matches(' ').len();
            pos.get_or_insert(self.pos(index, at));
            self.next = index + 1;
            let text = item[start..].trim_end_matches(' ');
            if text.starts_with('[') {
                return None;
            }
            items.push(self.scalar(index, at + 2 + start, text)?);
        }
        Some(Yaml {
            kind: Kind::Seq(items),
            pos: pos?,
            raw: String::new(),
        })
    }

    fn scalar_or_list(&self, index: usize, column: usize, text: &str) -> Option<Yaml> {
        let Some(inner) = text.strip_prefix('[') else {
            return self.scalar(index, column, text);
        };
        let inner = inner.strip_suffix(']')?;
        let mut items = Vec::new();
        if !inner.trim_matches(' ').is_empty() {
            let mut offset = column + 1;
            for part in inner.split(',') {
                let start = part.len() - part.trim_start_matches(' ').len();
                let word = part.trim_matches(' ');
                let first = word.chars().next()?;
                if !first.is_ascii_alphabetic()
                    || !word
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                    || reserved(word)
                {
                    return None;
                }
                items.push(Yaml {
                    kind: Kind::Str(word.to_string()),
                    pos: self.pos(index, offset + start),
                    raw: word.to_string(),
                });
                offset += part.len() + 1;
            }
        }
        Some(Yaml {
            kind: Kind::Seq(items),
            pos: self.pos(index, column),
            raw: String::new(),
        })
    }

    /// One scalar on one line, already trimmed of trailing spaces.
    fn scalar(&self, index: usize, column: usize, text: &str) -> Option<Yaml> {
        let pos = self.pos(index, column);
        let first = text.chars().next()?;
        let kind = match first {
            '"' | '\'' => {
                let inner = text[1..].strip_suffix(first)?;
                if inner.contains(first) || (first == '"' && inner.contains('\\')) {
                    return None;
                }
                Kind::Str(inner.to_string())
            }
            '0'..='9' => {
                let whole = text.bytes().all(|b| b.is_ascii_digit());
                if !whole || text.len() > 18 || (text.len() > 1 && first == '0') {
                    return None;
                }
                Kind::Int(text.parse().ok()?)
            }
            c if c.is_alphabetic() => {
                if text.contains(": ")
                    || text.ends_with(':')
                    || text.contains(" #")
                    || reserved(text)
                {
                    return None;
                }
                Kind::Str(text.to_string())
            }
            _ => return None,
        };
        Some(Yaml {
            kind,
            pos,
            raw: text.to_string(),
        })
    }
}

/// Length of `key` in `key:` at the start of `line`, when the key is a plain word.
fn key_length(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() && bytes[0] != b'_' {
        return None;
    }
    let len = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
    (bytes[len] == b':' && !reserved(&line[..len])).then_some(len)
}

/// Words the general parser reads as something other than text.
fn reserved(word: &str) -> bool {
    const WORDS: &[&str] = &["null", "true", "false", "yes", "no", "on", "off", "y", "n"];
    word.len() <= 5 && WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::super::{checked, parse_general};
    use proptest::prelude::*;

    /// The fast reader either declines or gives exactly what serde-saphyr gives.
    fn same(source: &str) -> bool {
        match super::parse(source, 3) {
            None => false,
            Some(tree) => {
                assert_eq!(checked(tree), parse_general(source, 3), "{source:?}");
                true
            }
        }
    }

    #[test]
    fn reads_the_common_shapes_as_the_general_parser_does() {
        for source in [
            "id: abc\ntitel: \"Een é titel\"\nvolgorde: 3\n",
            "id: a\nverantwoordelijkheden:\n  inwoners: \"x y\"\n  gemeente: plain é, met; [dingen]\nb: 0\n",
            "# kop\n\nid: a  \npartijen: [professionals, management]\nsinds: 2015\n",
            "aan:\n  - \"college\"\n  - plain\n\n  # tussendoor\n  - 'enkel'\nx: 'single'\n",
            "a: \"é\"  \nb: [ a ,b ]\nc: []\nd: http://x.nl/a:b\n",
            "id: a\nid: b\nx:\n  z: 1\n  z: 2\n",
            "a-b_c: x\n_d: \"q # niet\"\n",
        ] {
            assert!(same(source), "not read by the fast path: {source:?}");
        }
    }

    #[test]
    fn declines_what_the_general_parser_must_judge() {
        for source in [
            "",
            "# alleen commentaar\n",
            "a:\n",
            "a: yes\n",
            "a: Null\n",
            "a: 007\n",
            "a: -1\n",
            "a: 1.5\n",
            "a: 2015-08-18\n",
            "a: x: y\n",
            "a: x #c\n",
            "a: \"x\\\"y\"\n",
            "a: 'it''s'\n",
            "a: \"open\n",
            "a: plain\n  vervolg\n",
            "aan:\n- x\n",
            "a:\n  b:\n    c: 1\n",
            "a:\n  - b: 1\n",
            "a: &x 1\n",
            "a: [b, [c]]\n",
            "a: [b,]\n",
            "a: [yes]\n",
            "a:\tb\n",
            "a: b\r\n",
            "  a: b\n",
            "a: b\n---\nc: d\n",
            "true: x\n",
            "a: \u{85}\n",
            "a: |\n  x\n",
            "a: {b: c}\n",
        ] {
            assert!(!same(source), "the fast path must decline: {source:?}");
        }
    }

    #[test]
    fn words_that_look_like_numbers_or_null_agree() {
        for word in [
            "nan", "NaN", "inf", "Inf", "infinity", "Infinity", "e5", "E", "x1", "None", "nil",
            "TRUE", "False", "ON", "Off", "Y", "yEs", "o", "null_x", "true-ish",
        ] {
            same(&format!("a: {word}\nb: [{word}]\n"));
        }
    }

    #[test]
    fn every_front_matter_in_this_repository_agrees() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut read, mut total) = (0, 0);
        for dir in ["manifest/principles", "manifest/rounds", "cases"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                let Some(rest) = text.strip_prefix("---\n") else {
                    continue;
                };
                let Some(end) = rest.find("\n---\n") else {
                    continue;
                };
                total += 1;
                read += usize::from(same(&rest[..=end]));
            }
        }
        // The real files are of the plain shape; most must take the fast path.
        assert!(total > 10 && read * 2 > total, "{read} of {total}");
    }

    fn line() -> impl Strategy<Value = String> {
        let indent = prop::sample::select(vec!["", "", "  ", "    ", " "]);
        let key = prop::sample::select(vec!["id", "a", "b-c", "_x", "true", "Key", "é", "", "- "]);
        let sep = prop::sample::select(vec![": ", ":", ":  ", " : ", ":\t"]);
        let value = prop::sample::select(vec![
            "",
            "x",
            "\"q\"",
            "'s'",
            "12",
            "0",
            "007",
            "yes",
            "N",
            "a: b",
            "a:",
            "[a, b]",
            "[ ]",
            "[a,]",
            "x #c",
            "é ê",
            "-",
            "- x",
            "&a x",
            "*a",
            "!t x",
            "|",
            ">",
            "{a: b}",
            "\"a\\\"b\"",
            "'a''b'",
            "\"open",
            "1.5",
            "~",
            "x  ",
            "http://x:1",
            "a, b; [c]",
            "---",
            "...",
            "%YAML",
            "@x",
            "a # b",
            "#c",
        ]);
        (indent, key, sep, value).prop_map(|(i, k, s, v)| format!("{i}{k}{s}{v}"))
    }

    proptest! {
        #[test]
        fn never_differs_from_the_general_parser(lines in prop::collection::vec(line(), 0..8)) {
            same(&(lines.join("\n") + "\n"));
        }
    }
}
