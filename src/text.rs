//! Byte offsets to line and column, for findings that point into a file.

use crate::finding::Pos;

/// Line starts of one text, so many offsets can be turned into positions cheaply.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(line_breaks(text));
        LineIndex { text, starts }
    }

    /// 1-based line and character column of a byte offset.
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self.text[start..floor_char_boundary(self.text, offset)]
            .chars()
            .count();
        Pos::new(line + 1, column + 1)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        line_of(self.text, &self.starts, line)
    }
}

/// Offsets where a new line starts: after `\n`, `\r\n`, or a lone `\r` (a line break
/// for YAML and CommonMark too, so positions agree with the parsers).
pub fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, b)| match b {
        b'\n' => Some(i + 1),
        b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
        _ => None,
    })
}

fn line_of<'a>(text: &'a str, starts: &[usize], line: usize) -> Option<&'a str> {
    let start = *starts.get(line.checked_sub(1)?)?;
    let end = starts.get(line).map_or(text.len(), |&e| e);
    Some(text[start..end].trim_end_matches(['\n', '\r']))
}

/// The text of a 1-based line of `text`, for one-off lookups.
pub fn line_text(text: &str, line: usize) -> Option<&str> {
    let mut starts = vec![0];
    starts.extend(line_breaks(text));
    line_of(text, &starts, line)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Character width of a string, for underlining.
pub fn width(s: &str) -> usize {
    s.chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let idx = LineIndex::new("één\nbéta gamma\n");
        assert_eq!(idx.pos(0), Pos::new(1, 1));
        assert_eq!(idx.pos("één\n".len()), Pos::new(2, 1));
        assert_eq!(idx.pos("één\nbéta ".len()), Pos::new(2, 6));
        assert_eq!(idx.line(2), Some("béta gamma"));
        assert_eq!(idx.line(4), None);
    }

    #[test]
    fn offset_past_end_is_clamped() {
        let idx = LineIndex::new("ab");
        assert_eq!(idx.pos(99), Pos::new(1, 3));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let idx = LineIndex::new("a\r\r\nb\rc");
        assert_eq!(idx.pos(4), Pos::new(3, 1));
        assert_eq!(idx.line(3), Some("b"));
        assert_eq!(line_text("a\r\r\nb\rc", 4), Some("c"));
    }

    #[test]
    fn line_text_strips_carriage_return() {
        assert_eq!(line_text("a\r\nb\r\n", 1), Some("a"));
        assert_eq!(line_text("a\r\nb\r\n", 2), Some("b"));
    }
}
