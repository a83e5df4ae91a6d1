//! Ids made from titles: lower case, Dutch diacritics folded, hyphens between words.

/// `"Één gezin, één plan"` → `"een-gezin-een-plan"`.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let piece: Option<String> = if c.is_ascii_alphanumeric() {
            Some(c.to_string())
        } else {
            crate::text::fold_diacritic(c).map(str::to_string)
        };
        match piece {
            Some(p) => {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push_str(&p);
            }
            // Apostrophes join ("café's" → "cafes"); anything else separates words.
            None if matches!(c, '\'' | '’' | '‘') => {}
            None => pending_hyphen = true,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_dutch_diacritics() {
        assert_eq!(slugify("Één gezin"), "een-gezin");
        assert_eq!(
            slugify("De sociale café's in de wijken"),
            "de-sociale-cafes-in-de-wijken"
        );
        assert_eq!(slugify("  Leren & verbeteren!  "), "leren-verbeteren");
        assert_eq!(
            slugify("Cliënt\u{AD}beoordeling 2015"),
            "client-beoordeling-2015"
        );
    }

    proptest! {
        #[test]
        fn every_slug_is_a_valid_id_or_empty(title in "\\PC{0,40}") {
            let s = slugify(&title);
            prop_assert!(s.is_empty() || crate::load::is_valid_id(&s), "{s:?}");
        }
    }
}
