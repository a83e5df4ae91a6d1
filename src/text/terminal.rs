//! Text from the manifest on a terminal: control characters shown, never executed.

use std::borrow::Cow;

/// Whether `c` would be executed by a terminal rather than shown: C0 controls
/// (ESC starts an escape sequence, CR overwrites the line, BEL rings), DEL and the
/// C1 controls (U+009B is a one-character CSI). Tab and line feed are layout.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// `s` with each control character replaced by one visible character: its
/// picture from Unicode's Control Pictures block (ESC → `␛`, CR → `␍`, DEL → `␡`),
/// and `�` for the C1 controls, which have none. One character for one, so columns
/// computed on the original text still point at the same place.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{0}'..='\u{1f}' if is_control(c) => {
                    char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')
                }
                '\u{7f}' => '\u{2421}',
                c if is_control(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_executed() {
        assert_eq!(
            visible("a\x1b[31mb\x07\r\u{9b}2J\x7f"),
            "a␛[31mb␇␍\u{fffd}2J␡"
        );
        assert_eq!(visible("tab\tand\nnewline stay"), "tab\tand\nnewline stay");
        assert!(matches!(visible("gewoon"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// Whatever the text, nothing a terminal executes is left, and the length in
        /// characters is kept.
        #[test]
        fn no_control_character_survives(s in "\\PC*|[\\x00-\\x20\\x7f-\\x9f\\u{1b}\\[a-z0-9;]*") {
            let v = visible(&s);
            proptest::prop_assert!(!v.chars().any(is_control));
            proptest::prop_assert_eq!(v.chars().count(), s.chars().count());
        }
    }
}
