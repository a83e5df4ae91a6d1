//! Byte offsets to line and column, for findings that point into a file.

pub mod date;
pub mod edits;
pub mod io;
pub mod slug;
pub mod terminal;

/// A place in a file: 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Self {
        Pos { line, column }
    }
}

/// Line starts of one text, so many offsets can be turned into positions cheaply:
/// a position costs two binary searches, never a scan of its line (a file may be
/// one line of megabytes with thousands of findings on it).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Offsets of UTF-8 continuation bytes: characters between two offsets are the
    /// bytes minus the continuation bytes among them.
    continuation: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(line_breaks(text));
        let continuation = text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b & 0xC0 == 0x80).then_some(i))
            .collect();
        LineIndex {
            text,
            starts,
            continuation,
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.chars_between(self.starts[line], offset);
        Pos::new(line + 1, column + 1)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        line_of(self.text, &self.starts, line)
    }

    /// Byte offset of a 1-based character column of a 1-based line (`pos`'s inverse);
    /// a column past the end gives the end of the line, without its line ending.
    pub fn offset(&self, line: usize, column: usize) -> Option<usize> {
        let text = self.line(line)?;
        let start = self.starts[line - 1];
        let end = start + text.len();
        // The first byte of character `column - 1` (0-based) is the smallest offset
        // `b` after which `column` characters have begun, minus one.
        let wanted = column.max(1);
        let (mut lo, mut hi) = (start, end + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.chars_between(start, mid) < wanted {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Some(if lo > end { end } else { lo - 1 })
    }

    /// Number of characters that begin in `from..to` (byte offsets).
    fn chars_between(&self, from: usize, to: usize) -> usize {
        let cont = |at: usize| self.continuation.partition_point(|&c| c < at);
        (to - from) - (cont(to) - cont(from))
    }
}

/// `7980` as `7.980`, as Dutch writes numbers.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
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

/// The lines of `text` with their line endings, split where `line_breaks` says (so a
/// lone `\r` ends a line too).
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    line_breaks(text)
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let line = text.get(start..end).filter(|l| !l.is_empty())?;
            start = end;
            Some(line)
        })
}

/// The lines of `text` without their line endings (`\n`, `\r\n` or a lone `\r`); an
/// empty text and a final line ending give no empty last line, as `str::lines` does.
pub fn lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    lines_inclusive(text).map(|l| l.trim_end_matches(['\n', '\r']))
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

/// The word of `known` nearest to `word` within a small edit distance, for
/// "bedoelde u …?" hints.
pub fn nearest<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    let limit = (word.chars().count() / 3).max(2);
    known
        .iter()
        .map(|k| (distance(&word.to_lowercase(), k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Edit distance with transpositions (so `titel` is one step from `title`).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Decodes `%3A` and friends; invalid or non-UTF-8 sequences are kept as written.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Fold a letter with a diacritic to its plain letter(s); others are returned as is.
pub fn fold_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => "a",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => "o",
        'ú' | 'ù' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ç' => "c",
        'ñ' => "n",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ĳ' => "ij",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_counts_are_written_the_dutch_way() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(980), "980");
        assert_eq!(thousands(7980), "7.980");
        assert_eq!(thousands(99_980), "99.980");
        assert_eq!(thousands(1_234_567), "1.234.567");
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        assert_eq!(
            lines("a\nb\r\nc\rd").collect::<Vec<_>>(),
            ["a", "b", "c", "d"]
        );
        assert_eq!(lines("a\n\nb\n").collect::<Vec<_>>(), ["a", "", "b"]);
        assert_eq!(lines("").count(), 0);
    }

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
    fn offset_is_the_inverse_of_pos() {
        let text = "één\nbéta gamma\r\nx\n\nz€";
        let idx = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let pos = idx.pos(offset);
            if text[offset..].starts_with(['\n', '\r']) {
                continue;
            }
            assert_eq!(idx.offset(pos.line, pos.column), Some(offset), "{pos:?}");
        }
        assert_eq!(idx.offset(2, 99), Some("één\nbéta gamma".len()));
        assert_eq!(idx.offset(4, 1), Some("één\nbéta gamma\r\nx\n".len()));
        assert_eq!(idx.offset(6, 1), None);
    }

    #[test]
    fn an_offset_inside_a_character_counts_from_its_start() {
        let idx = LineIndex::new("aé b");
        assert_eq!(idx.pos(2), Pos::new(1, 2));
        assert_eq!(idx.pos(3), Pos::new(1, 3));
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
