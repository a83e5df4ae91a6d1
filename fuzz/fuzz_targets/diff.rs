//! The difference between two fuzzed repositories: the first byte picks the output
//! (terminal with and without colour, Markdown, JSON, the HTML redline, the Word
//! redline), the rest is split at the first 0xFE into the two sides, and each side's
//! files at 0xFF. One output per run keeps the fuzzer fast; the corpus covers all.
#![no_main]

use kwaliteit::analysis::diff::diff;
use kwaliteit::render::docx::redline::{self, Revision};
use kwaliteit::render::{View, changes, html_redline};
use kwaliteit_fuzz::{SIDE_SEPARATOR, load_pair, repository, templates};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&output, rest)) = data.split_first() else {
        return;
    };
    let (old, new) = match rest.iter().position(|&b| b == SIDE_SEPARATOR) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &rest[..0]),
    };
    let (old, new) = load_pair(repository(old), repository(new));
    let (old, new) = (&old, &new);
    let delta = diff(old, new);
    let _ = (delta.is_empty(), delta.len());
    match output % 5 {
        0 => {
            let _ = changes::sentences(&delta);
            for color in [false, true] {
                let _ = changes::terminal(&delta, "v1", "v2", color);
            }
        }
        1 => {
            let _ = changes::markdown(&delta, "v1", "v2");
        }
        2 => {
            let json = changes::json(&delta, "v1", "v2");
            let parsed = serde_json::from_str::<serde_json::Value>(&json);
            assert!(parsed.is_ok(), "{json}");
        }
        3 => {
            let (a, b) = (View::from_manifest(old), View::from_manifest(new));
            let _ = html_redline::render(a, b, &delta, "v1", "v2", templates());
        }
        _ => {
            let (a, b) = (View::from_manifest(old), View::from_manifest(new));
            let revision = Revision {
                author: "R".to_string(),
                date: "2015-08-18T00:00:00Z".to_string(),
            };
            let _ = redline::render(&a, &b, &revision);
        }
    }
});
