//! Word-level differences between two texts, ignoring changes of whitespace and wrapping.

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// A piece of a redline: unchanged, deleted or inserted words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Segment {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// The new text with what was deleted and inserted marked, word by word.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Redline(pub Vec<Segment>);

/// Texts are equal for the diff when their words are equal: wrapping and spacing don't count.
pub fn same_words(a: &str, b: &str) -> bool {
    // Most texts are unchanged: comparing bytes first skips the word split for them.
    a == b || a.split_whitespace().eq(b.split_whitespace())
}

impl Redline {
    pub fn between(old: &str, new: &str) -> Self {
        let old: Vec<&str> = old.split_whitespace().collect();
        let new: Vec<&str> = new.split_whitespace().collect();
        let mut segments: Vec<Segment> = Vec::new();
        let mut push = |segment: Segment| {
            use Segment::*;
            match (segments.last_mut(), segment) {
                (Some(Same(a)), Same(b))
                | (Some(Deleted(a)), Deleted(b))
                | (Some(Inserted(a)), Inserted(b)) => {
                    a.push(' ');
                    a.push_str(&b);
                }
                (_, s) => segments.push(s),
            }
        };
        for op in capture_diff_slices(Algorithm::Patience, &old, &new) {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let words = |w: &[&str]| w.join(" ");
            match tag {
                DiffTag::Equal => push(Segment::Same(words(&old[old_range]))),
                DiffTag::Delete => push(Segment::Deleted(words(&old[old_range]))),
                DiffTag::Insert => push(Segment::Inserted(words(&new[new_range]))),
                DiffTag::Replace => {
                    push(Segment::Deleted(words(&old[old_range])));
                    push(Segment::Inserted(words(&new[new_range])));
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

    fn join(&self, pick: impl Fn(&Segment) -> Option<&String>) -> String {
        self.0
            .iter()
            .filter_map(pick)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Long unchanged stretches shortened to their first and last words, for summaries.
    pub fn condensed(&self, keep: usize) -> Redline {
        let last = self.0.len().saturating_sub(1);
        Redline(
            self.0
                .iter()
                .enumerate()
                .map(|(i, s)| match s {
                    Segment::Same(t) => {
                        let words: Vec<&str> = t.split(' ').collect();
                        if words.len() <= keep * 2 + 1 {
                            return s.clone();
                        }
                        let head = words[..keep].join(" ");
                        let tail = words[words.len() - keep..].join(" ");
                        Segment::Same(match (i == 0, i == last) {
                            (true, true) => format!("{head} … {tail}"),
                            (true, false) => format!("… {tail}"),
                            (false, true) => format!("{head} …"),
                            (false, false) => format!("{head} … {tail}"),
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
                Segment::Inserted("echt".into()),
                Segment::Same("op orde zijn".into()),
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
    }
}
