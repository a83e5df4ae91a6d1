//! The difference between two fuzzed repositories (the input split at the first 0xFE;
//! each side's files split at 0xFF), in every diff format: terminal (with and without
//! colour), Markdown, JSON, HTML and Word.
#![no_main]

use kwaliteit::analysis::diff::diff;
use kwaliteit::render::changes::{self, html_page};
use kwaliteit::render::changes_docx::{self, Author};
use kwaliteit_fuzz::{SIDE_SEPARATOR, check, repository, templates};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (old, new) = match data.iter().position(|&b| b == SIDE_SEPARATOR) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &data[..0]),
    };
    let (old, new) = (check(repository(old)), check(repository(new)));
    let delta = diff(&old.loaded.manifest, &new.loaded.manifest);
    let _ = (delta.is_empty(), delta.len());
    let _ = changes::sentences(&delta);
    let _ = changes::sentences_with_redlines(&delta);
    for color in [false, true] {
        let _ = changes::terminal(&delta, "v1", "v2", color);
    }
    let _ = changes::markdown(&delta, "v1", "v2");
    let json = changes::json(&delta, "v1", "v2");
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "{json}"
    );
    let templates = templates();
    let _ = html_page(&delta, "v1", "v2", templates);
    let author = Author::of(&new.loaded.manifest);
    let _ = changes_docx::render(&delta, "v1", "v2", "2015-08-18T00:00:00Z", &author);
});
