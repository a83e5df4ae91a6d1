//! Citizen service numbers (BSN): nine digits, also grouped, that pass the elfproef.

use super::*;

/// One run of digits inside a number: its byte range.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
}

impl Group {
    fn len(self) -> usize {
        self.end - self.start
    }
}

/// True when the number starting at `i` continues a code or number to its left:
/// `A123`, `+123`, `AB-123`, `12/123`, `1,123`, `12:30`. `nr.123` and `BSN:123` are free.
pub(super) fn glued_before(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        Some(c) if c.is_alphanumeric() || c == '+' => true,
        Some(c @ ('-' | '/')) => {
            char_before(text, i - c.len_utf8()).is_some_and(char::is_alphanumeric)
        }
        Some(c @ (',' | ':' | '.')) => {
            char_before(text, i - c.len_utf8()).is_some_and(|p| p.is_ascii_digit())
        }
        _ => false,
    }
}

/// Digit groups joined by single dots, starting at a digit: `1234.56.789`,
/// `123456789`, `12.05.2015`. Returns the groups and the end of the token.
fn dotted_token(b: &[u8], start: usize) -> (Vec<Group>, usize) {
    let mut groups = Vec::new();
    let mut i = start;
    loop {
        let g = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        groups.push(Group { start: g, end: i });
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
        } else {
            return (groups, i);
        }
    }
}

fn bsn_shape(groups: &[usize]) -> bool {
    matches!(groups, [9] | [4, 2, 3] | [3, 3, 3])
}

/// Nine digits passing the elfproef: `123456782`, `1234.56.782`, `123 456 782`.
pub(super) fn bsns(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A token inside a longer code (letters, dashes, slashes, commas) is not a BSN.
        let glued_before = glued_before(text, i);
        // Space-separated tokens form one number: `123 456 789`.
        let mut tokens = Vec::new();
        let mut j = i;
        loop {
            let (groups, end) = dotted_token(b, j);
            tokens.push(groups);
            j = end;
            let space = space_len(b, j);
            if space > 0 && b.get(j + space).is_some_and(u8::is_ascii_digit) {
                j += space;
            } else {
                break;
            }
        }
        let glued_after = match char_at(text, j) {
            Some(c) if c.is_alphanumeric() => true,
            Some('-' | '/' | ',' | ':' | '.' | '@') => {
                b.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric())
            }
            _ => false,
        };
        let after_euro = text[..i]
            .trim_end_matches([' ', '\u{a0}', '\u{202f}'])
            .ends_with('€');
        if !glued_before && !after_euro {
            // Each dotted token on its own (`2015 123456782`: the second token is checked).
            let n = tokens.len();
            for (k, groups) in tokens.iter().enumerate() {
                let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
                if !bsn_shape(&lens) || (k + 1 == n && glued_after) {
                    continue;
                }
                // Only a plain nine-digit token may sit among other numbers.
                if n > 1 && lens.len() > 1 {
                    continue;
                }
                push_bsn(text, groups, &mut out);
            }
            // The whole space-separated number as one BSN.
            if n > 1 && tokens.iter().all(|t| t.len() == 1) && !glued_after {
                let groups: Vec<Group> = tokens.iter().map(|t| t[0]).collect();
                let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
                if bsn_shape(&lens) && lens.len() > 1 {
                    push_bsn(text, &groups, &mut out);
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

fn push_bsn(text: &str, groups: &[Group], out: &mut Vec<(usize, usize)>) {
    let digits: String = groups.iter().map(|g| &text[g.start..g.end]).collect();
    if is_valid_bsn(&digits) {
        out.push((groups[0].start, groups[groups.len() - 1].end));
    }
}
