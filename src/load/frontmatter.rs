//! Splitting a Markdown file into its YAML front matter and its body,
//! keeping track of where each part starts so findings point into the file.

/// A file split at its front matter fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences, without the fences.
    pub yaml: &'a str,
    /// 1-based line in the file of the first YAML line (the line after `---`).
    pub yaml_first_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` has no closing `---` (or `...`).
    Unterminated,
}

fn is_fence(line: &str, closing: bool) -> bool {
    let line = line.trim_end_matches(['\r', '\n']).trim_end();
    line == "---" || (closing && line == "...")
}

/// Split `text` (a whole file, BOM already removed) into front matter and body.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = crate::text::lines_inclusive(text);
    let first = lines.next().ok_or(SplitError::Missing)?;
    if !is_fence(first, false) {
        return Err(SplitError::Missing);
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if is_fence(line, true) {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 1 + crate::text::line_breaks(first).count(),
                body: &text[offset + line.len()..],
                body_offset: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unterminated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body_with_offsets() {
        let text = "---\nid: a\ntitel: B\n---\nTekst.\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "id: a\ntitel: B\n");
        assert_eq!(s.yaml_first_line, 2);
        assert_eq!(s.body, "Tekst.\n");
        assert_eq!(&text[s.body_offset..], "Tekst.\n");
    }

    #[test]
    fn accepts_crlf_and_trailing_spaces_and_dots() {
        let text = "---  \r\nid: a\r\n...\r\nTekst\r\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "id: a\r\n");
        assert_eq!(s.body, "Tekst\r\n");
    }

    #[test]
    fn empty_front_matter_and_empty_body() {
        let s = split("---\n---\n").unwrap();
        assert_eq!(s.yaml, "");
        assert_eq!(s.body, "");
        assert_eq!(s.body_offset, 8);
    }

    #[test]
    fn closing_fence_at_end_without_newline() {
        let s = split("---\nid: a\n---").unwrap();
        assert_eq!(s.yaml, "id: a\n");
        assert_eq!(s.body, "");
    }

    #[test]
    fn missing_when_first_line_is_not_a_fence() {
        assert_eq!(split("id: a\n---\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("----\n"), Err(SplitError::Missing));
        assert_eq!(split(" ---\n"), Err(SplitError::Missing));
    }

    #[test]
    fn unterminated_when_no_closing_fence() {
        assert_eq!(split("---\nid: a\n"), Err(SplitError::Unterminated));
        assert_eq!(split("---"), Err(SplitError::Unterminated));
    }

    #[test]
    fn a_fence_ending_in_two_carriage_returns_spans_two_lines() {
        let s = split("---\r\r\nid: a\r\r\n---\r\r\n").unwrap();
        // The fence is `---\r`; the YAML's first line is the empty one after it.
        assert_eq!((s.yaml_first_line, s.yaml), (2, "\r\nid: a\r\r\n"));
        assert_eq!(s.body, "\r\n");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "---\rid: a\r---\rTekst.\r";
        let s = split(text).unwrap();
        assert_eq!((s.yaml, s.yaml_first_line), ("id: a\r", 2));
        assert_eq!(s.body, "Tekst.\r");
        assert_eq!(&text[s.body_offset..], "Tekst.\r");
    }

    #[test]
    fn a_dots_line_does_not_open() {
        assert_eq!(split("...\nid: a\n---\n"), Err(SplitError::Missing));
    }
}
