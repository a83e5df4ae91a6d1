//! Dutch phone numbers: mobile, area codes and the international +31 form.

use super::bsn::glued_before;
use super::*;

/// Characters that may sit between digit groups of a telephone number.
pub(super) fn is_phone_glue(c: u8) -> bool {
    matches!(c, b' ' | b'-' | b'.' | b'/')
}

/// Dutch telephone numbers: `06-12345678`, `06 1234 5678`, `+31 6 12345678`,
/// `0031 6 12345678`, `020-1234567`, `036 123 4567`, `(036) 1234567`, `+31 (0)20 123 4567`.
///
/// Ten digits in national form (0 + area code or 6 + subscriber number) or +31/0031 plus
/// nine; years, dates (`12-05-2015 10:30`), times and short numbers do not qualify.
pub(super) fn phones(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c == b'0'
            || (c == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
            || (c == b'(' && b.get(i + 1) == Some(&b'0'));
        if starts
            && !glued_before(text, i)
            && let Some(end) = phone_at(b, i)
            && word_end(text, end)
        {
            out.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// End of a telephone number starting at `start`, if one starts there.
pub(super) fn phone_at(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut digits = String::new();
    let mut groups: Vec<usize> = Vec::new();
    let mut seps: Vec<u8> = Vec::new();
    let mut international = false;
    let mut paren_open = false;
    if b[i] == b'+' {
        international = true;
        i += 1;
    }
    // Group index right after the country code, where a one-digit group (`6`) is usual.
    let mut after_country: Option<usize> = None;
    loop {
        if b.get(i) == Some(&b'(') && !paren_open {
            // `+31 (0)6 ...`: the trunk zero in brackets is written but not dialled.
            if after_country == Some(groups.len())
                && b.get(i + 1) == Some(&b'0')
                && b.get(i + 2) == Some(&b')')
            {
                i += 3;
                while b.get(i).is_some_and(|&c| is_space(c)) {
                    i += 1;
                }
            } else {
                paren_open = true;
                i += 1;
            }
        }
        let g = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == g {
            return None;
        }
        digits.push_str(std::str::from_utf8(&b[g..i]).ok()?);
        groups.push(i - g);
        if groups.len() == 1 {
            if digits.starts_with("0031") {
                international = true;
                if digits.len() == 4 {
                    after_country = Some(1);
                }
            } else if international {
                if !digits.starts_with("31") {
                    return None;
                }
                if digits.len() == 2 {
                    after_country = Some(1);
                }
            } else if !digits.starts_with('0') || digits.starts_with("00") {
                return None;
            }
        }
        let need = if digits.starts_with("0031") {
            13
        } else if international {
            11
        } else {
            10
        };
        if digits.len() > need {
            return None;
        }
        if paren_open && b.get(i) == Some(&b')') {
            paren_open = false;
            i += 1;
        }
        if digits.len() == need {
            if paren_open {
                return None;
            }
            return phone_shape_ok(&digits, international, &groups, &seps, after_country)
                .then_some(i);
        }
        // Glue: up to three spaces/dashes/dots/slashes, then a digit or a bracket.
        let g = i;
        let mut glue = 0;
        while glue < 3 {
            if b.get(i).is_some_and(|&c| is_phone_glue(c)) {
                i += 1;
            } else if space_len(b, i) > 0 {
                i += space_len(b, i);
            } else {
                break;
            }
            glue += 1;
        }
        let next = b.get(i).copied();
        let glued = i > g || b.get(i.wrapping_sub(1)) == Some(&b')');
        if !glued || !matches!(next, Some(b'0'..=b'9' | b'(')) {
            return None;
        }
        seps.push(if i > g && b[g].is_ascii() { b[g] } else { b' ' });
    }
}

/// Rejects digit strings that only look like telephone numbers: dates, runs of numbers
/// from prose and lists of single digits.
pub(super) fn phone_shape_ok(
    digits: &str,
    international: bool,
    groups: &[usize],
    seps: &[u8],
    after_country: Option<usize>,
) -> bool {
    // The first digit after 0, 31 or 0031 starts an area code or mobile prefix: never 0.
    let national = if let Some(rest) = digits.strip_prefix("0031") {
        rest
    } else if international {
        &digits[2..]
    } else {
        &digits[1..]
    };
    if national.starts_with('0') {
        return false;
    }
    // `12-05-2015 10:30` reads as a date followed by a time, not a number to call.
    if groups.len() >= 3
        && (1..=2).contains(&groups[0])
        && (1..=2).contains(&groups[1])
        && groups[2] == 4
        && seps[0] == seps[1]
        && matches!(seps[0], b'-' | b'/' | b'.')
    {
        return false;
    }
    // After the area code, short and long groups do not mix (`06 12 34 56 78`,
    // `06 1234 5678`); `06 12 12 2015` is a run of numbers from prose.
    let first = match after_country {
        Some(k) => k,
        None if international => 1,
        None => 0,
    };
    let rest = groups.get(first + 1..).unwrap_or(&[]);
    if rest.iter().any(|&g| g >= 4) && rest.iter().any(|&g| g <= 2) {
        return false;
    }
    // Lone digits are counts or list items, except the `6` in `+31 6 ...`.
    groups
        .iter()
        .enumerate()
        .all(|(k, &len)| len > 1 || after_country == Some(k))
}
