//! Word-level differences between two texts, ignoring changes of whitespace and wrapping.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// A piece of a redline: unchanged, deleted or inserted text. A piece that follows
/// white space in its text starts with one space, so the pieces joined as they are
/// give the text back, and punctuation stays against its word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Segment {
    Same(String),
    Deleted(String),
    Inserted(String),
}

impl Segment {
    pub fn text(&self) -> &str {
        match self {
            Segment::Same(t) | Segment::Deleted(t) | Segment::Inserted(t) => t,
        }
    }

    /// The space before the piece (for outside a mark) and the piece without it.
    pub fn split_space(&self) -> (&str, &str) {
        let t = self.text();
        match t.strip_prefix(' ') {
            Some(rest) => (" ", rest),
            None => ("", t),
        }
    }
}

/// The new text with what was deleted and inserted marked, word by word; punctuation
/// counts as a word of its own, so "gemeente." to "gemeente en meer." inserts "en meer".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Redline(pub Vec<Segment>);

/// Texts are equal for the diff when their words and punctuation are equal: wrapping
/// and spacing don't count.
pub fn same_words(a: &str, b: &str) -> bool {
    // Most texts are unchanged: comparing bytes first skips the word split for them.
    a == b
        || a.split_whitespace().eq(b.split_whitespace())
        || tokens(a)
            .iter()
            .map(|t| t.1)
            .eq(tokens(b).iter().map(|t| t.1))
}

/// Marks that open before a word or close after one: tokens of their own.
const OPENING: &[char] = &['(', '[', '‘', '“', '"', '\''];
const CLOSING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '’', '”', '"', '\'', '…',
];

/// The words and punctuation of a text, each with whether white space came before it.
fn tokens(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    for (i, word) in text.split_whitespace().enumerate() {
        let mut space = i > 0;
        let mut rest = word;
        while let Some(c) = rest.chars().next().filter(|c| OPENING.contains(c)) {
            out.push((space, &rest[..c.len_utf8()]));
            rest = &rest[c.len_utf8()..];
            space = false;
        }
        let mut closing = Vec::new();
        while let Some(c) = rest.chars().next_back().filter(|c| CLOSING.contains(c)) {
            let at = rest.len() - c.len_utf8();
            closing.push(&rest[at..]);
            rest = &rest[..at];
        }
        if !rest.is_empty() {
            out.push((space, rest));
            space = false;
        }
        for c in closing.into_iter().rev() {
            out.push((space, c));
            space = false;
        }
    }
    out
}

impl Redline {
    pub fn between(old: &str, new: &str) -> Self {
        let old = tokens(old);
        let new = tokens(new);
        let old_words: Vec<&str> = old.iter().map(|(_, w)| *w).collect();
        let new_words: Vec<&str> = new.iter().map(|(_, w)| *w).collect();
        let mut segments: Vec<Segment> = Vec::new();
        let mut push = |segment: Segment| {
            use Segment::*;
            match (segments.last_mut(), segment) {
                (Some(Same(a)), Same(b))
                | (Some(Deleted(a)), Deleted(b))
                | (Some(Inserted(a)), Inserted(b)) => a.push_str(&b),
                (_, s) => segments.push(s),
            }
        };
        let text = |t: &[(bool, &str)]| {
            let mut s = String::new();
            for (space, w) in t {
                if *space {
                    s.push(' ');
                }
                s.push_str(w);
            }
            s
        };
        for op in capture_diff_slices(Algorithm::Patience, &old_words, &new_words) {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            match tag {
                // The new text's spacing for what stayed.
                DiffTag::Equal => push(Segment::Same(text(&new[new_range]))),
                DiffTag::Delete => push(Segment::Deleted(text(&old[old_range]))),
                DiffTag::Insert => push(Segment::Inserted(text(&new[new_range]))),
                DiffTag::Replace => {
                    push(Segment::Deleted(text(&old[old_range])));
                    push(Segment::Inserted(text(&new[new_range])));
                }
            }
        }
        Redline(segments)
    }

    pub fn is_change(&self) -> bool {
        self.0.iter().any(|s| !matches!(s, Segment::Same(_)))
    }

    /// The text before the change.
    pub fn old_text(&self) -> String {
        self.join(|s| match s {
            Segment::Same(t) | Segment::Deleted(t) => Some(t),
            Segment::Inserted(_) => None,
        })
    }

    /// The text after the change.
    pub fn new_text(&self) -> String {
        self.join(|s| match s {
            Segment::Same(t) | Segment::Inserted(t) => Some(t),
            Segment::Deleted(_) => None,
        })
    }

    /// Where each piece of the old text (unchanged or deleted, in order) starts in
    /// [`old_text`](Self::old_text). Not at the sum of the pieces before it: a space
    /// may stand between two of them (see `join`).
    pub fn old_starts(&self) -> Vec<usize> {
        self.join_with_starts(|s| match s {
            Segment::Same(t) | Segment::Deleted(t) => Some(t),
            Segment::Inserted(_) => None,
        })
        .1
    }

    fn join(&self, pick: impl Fn(&Segment) -> Option<&String>) -> String {
        self.join_with_starts(pick).0
    }

    fn join_with_starts(&self, pick: impl Fn(&Segment) -> Option<&String>) -> (String, Vec<usize>) {
        let mut out = String::new();
        let mut starts = Vec::new();
        for piece in self.0.iter().filter_map(pick) {
            // An unchanged piece carries the new text's spacing: after a deleted word
            // the old text may need the space back.
            let glued = out.chars().next_back().is_some_and(char::is_alphanumeric)
                && piece.chars().next().is_some_and(char::is_alphanumeric);
            if glued {
                out.push(' ');
            }
            starts.push(out.len());
            out.push_str(piece);
        }
        // A piece left out may leave the next one's space at the start.
        let trimmed = out.len() - out.trim_start().len();
        let starts = starts
            .into_iter()
            .map(|s| s.saturating_sub(trimmed))
            .collect();
        (out[trimmed..].to_string(), starts)
    }

    /// Long unchanged stretches shortened to their first and last words, for summaries.
    pub fn condensed(&self, keep: usize) -> Redline {
        let last = self.0.len().saturating_sub(1);
        Redline(
            self.0
                .iter()
                .enumerate()
                .map(|(i, s)| match s {
                    Segment::Same(_) => {
                        let (space, t) = s.split_space();
                        let words: Vec<&str> = t.split(' ').collect();
                        if words.len() <= keep * 2 + 1 {
                            return s.clone();
                        }
                        let head = words[..keep].join(" ");
                        let tail = words[words.len() - keep..].join(" ");
                        Segment::Same(match (i == 0, i == last) {
                            (true, true) => format!("{space}{head} … {tail}"),
                            (true, false) => format!("{space}… {tail}"),
                            (false, true) => format!("{space}{head} …"),
                            (false, false) => format!("{space}{head} … {tail}"),
                        })
                    }
                    other => other.clone(),
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn marks_replaced_words() {
        let r = Redline::between(
            "de basis moet op orde zijn",
            "de basis moet echt op orde zijn",
        );
        assert_eq!(
            r.0,
            vec![
                Segment::Same("de basis moet".into()),
                Segment::Inserted(" echt".into()),
                Segment::Same(" op orde zijn".into()),
            ]
        );
        let r = Redline::between(
            "bevoegdheid en betrokkenheid",
            "bevlogenheid en betrokkenheid",
        );
        assert_eq!(r.0[0], Segment::Deleted("bevoegdheid".into()));
        assert_eq!(r.0[1], Segment::Inserted("bevlogenheid".into()));
    }

    #[test]
    fn punctuation_is_a_word_of_its_own() {
        let r = Redline::between(
            "klant van de gemeente.",
            "klant van de gemeente en denkt mee (soms).",
        );
        assert_eq!(
            r.0,
            vec![
                Segment::Same("klant van de gemeente".into()),
                Segment::Inserted(" en denkt mee (soms)".into()),
                Segment::Same(".".into()),
            ]
        );
        assert_eq!(r.new_text(), "klant van de gemeente en denkt mee (soms).");
        assert_eq!(r.old_text(), "klant van de gemeente.");
        assert_eq!(
            tokens("‘Zo,’ zei (hij)."),
            [
                (false, "‘"),
                (false, "Zo"),
                (false, ","),
                (false, "’"),
                (true, "zei"),
                (true, "("),
                (false, "hij"),
                (false, ")"),
                (false, "."),
            ]
        );
        assert!(same_words("a .", "a."));
    }

    #[test]
    fn old_pieces_start_where_the_old_text_has_them() {
        // "verbeteren" carries the new spacing (none before it); the old text has a space.
        let r = Redline::between("n verbeteren\u{301d} k", "verbeteren\u{301d}");
        assert_eq!(r.old_text(), "n verbeteren\u{301d} k");
        assert_eq!(r.old_starts(), [0, 2, 15]);
        let r = Redline::between("zo", "n zo");
        assert_eq!(r.0[1], Segment::Same(" zo".into()));
        assert_eq!(r.old_starts(), [0]);
    }

    #[test]
    fn wrapping_is_not_a_change() {
        assert!(same_words("een  twee\ndrie", "een twee drie\n"));
        assert!(!Redline::between("een  twee\ndrie", "een twee drie").is_change());
    }

    #[test]
    fn condensed_keeps_the_edges_of_unchanged_text() {
        let r = Redline::between("a b c d e f g h i j x", "a b c d e f g h i j y").condensed(2);
        assert_eq!(r.0[0], Segment::Same("… i j".into()));
    }

    proptest! {
        #[test]
        fn redline_reproduces_both_texts(old in "[a-c ]{0,40}", new in "[a-c ]{0,40}") {
            let r = Redline::between(&old, &new);
            let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(r.old_text(), norm(&old));
            prop_assert_eq!(r.new_text(), norm(&new));
            prop_assert_eq!(r.is_change(), !same_words(&old, &new));
        }

        #[test]
        fn redline_with_punctuation_gives_the_new_text_and_the_old_words(
            old in "[ab .,()]{0,40}",
            new in "[ab .,()]{0,40}",
        ) {
            let r = Redline::between(&old, &new);
            let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(r.new_text(), norm(&new));
            // The old text's spacing around punctuation may differ; its words do not.
            let words = |s: &str| {
                s.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(words(&r.old_text()), words(&old));
            prop_assert_eq!(r.is_change(), !same_words(&old, &new));
        }
    }
}
