//! Paragraphs marked word by word: links kept, spaces and wide characters.

use super::*;

/// A sentence with a link added to a paragraph that has a link: marked word by word,
/// both links kept as links, and no paragraph deleted and inserted whole.
#[test]
fn a_paragraph_with_links_is_marked_word_by_word() {
    let mut old = sample();
    old.principles[0].cases[0].story =
        "Mevrouw Jansen leest [de wet](https://example.org/wet) en tuiniert.".into();
    let mut new = old.clone();
    new.principles[0].cases[0].story = concat!(
        "Mevrouw Jansen leest [de nieuwe wet](https://example.org/wet) en tuiniert. ",
        "Zie ook [meer](https://example.org/meer).",
    )
    .into();
    let xml = parts(&old, &new, &rev()).unwrap();
    let doc = String::from_utf8(xml.document.clone()).unwrap();
    assert_eq!(resolve(&doc, true), rendered(&new));
    assert_eq!(resolve(&doc, false), rendered(&old));
    let tree = Document::parse(&doc).unwrap();
    let whole = tree
        .descendants()
        .filter(|n| is(n, "pPr"))
        .filter(|pr| {
            child(*pr, "rPr")
                .is_some_and(|r| child(r, "del").is_some() || child(r, "ins").is_some())
        })
        .count();
    assert_eq!(whole, 0, "no paragraph replaced whole: {doc}");
    let inserted_in_link = tree.descendants().filter(|n| is(n, "hyperlink")).any(|h| {
        h.descendants().any(|t| {
            is(&t, "t")
                && t.text().map(str::trim) == Some("nieuwe")
                && t.ancestors().any(|a| is(&a, "ins"))
        })
    });
    assert!(inserted_in_link, "the inserted word stays inside its link");
    let rels = String::from_utf8(xml.document_rels).unwrap();
    for id in doc
        .split(r#"<w:hyperlink r:id=""#)
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
    {
        assert!(rels.contains(&format!(r#"Id="{id}""#)), "{id}");
    }
    assert!(rels.contains("https://example.org/meer"));
}

/// A deleted word before an unchanged one, where only the old text has the space
/// between them: the deletion takes the space along, and a wide character after it
/// is not cut (found by the `diff` fuzzer).
#[test]
fn a_word_deleted_before_the_new_start_takes_its_space_along() {
    for (old_story, new_story) in [
        ("n verbeteren\u{301d}\nk", "verbeteren\u{301d}"),
        ("n verbeterenx k", "verbeterenx"),
    ] {
        let mut old = sample();
        old.principles[0].cases[0].story = old_story.into();
        let mut new = old.clone();
        new.principles[0].cases[0].story = new_story.into();
        let doc = document_of(parts(&old, &new, &rev()).unwrap());
        assert_eq!(resolve(&doc, true), rendered(&new), "{old_story:?}");
        assert_eq!(resolve(&doc, false), rendered(&old), "{old_story:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Whatever words change in a story, accepting every revision gives the new
    /// document and rejecting every one the old.
    #[test]
    fn any_edit_of_a_story_accepts_and_rejects(
        old_words in proptest::collection::vec(word(), 1..8),
        new_words in proptest::collection::vec(word(), 1..8),
    ) {
        let mut old = sample();
        old.principles[0].cases[0].story = old_words.concat().as_str().into();
        let mut new = old.clone();
        new.principles[0].cases[0].story = new_words.concat().as_str().into();
        let doc = document_of(parts(&old, &new, &rev()).unwrap());
        proptest::prop_assert_eq!(resolve(&doc, true), rendered(&new));
        proptest::prop_assert_eq!(resolve(&doc, false), rendered(&old));
    }
}

/// A word with what may stand around it: a space, a line end or nothing before it,
/// punctuation, a character of more than one byte.
fn word() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    (
        prop::sample::select(vec!["", " ", "\n"]),
        prop::sample::select(vec![
            "n",
            "k",
            "de",
            "verbeteren\u{301d}",
            "é",
            "x.",
            "(a",
            "b)",
            "‘zo’",
        ]),
    )
        .prop_map(|(before, w)| format!("{before}{w}"))
}
