//! Rendering a fuzzed repository: the first byte picks the output (HTML, Markdown, Word,
//! or the matrix both ways as table, Markdown, CSV and HTML), the rest is split at 0xFF
//! into manifest.yaml, principles, cases and a round. Like `render --force`, whatever
//! loaded is rendered (the checks are the load target's). One output per run keeps the
//! fuzzer fast enough to reach millions of runs; the corpus covers all of them.
#![no_main]

use kwaliteit::analysis::matrix::Matrix;
use kwaliteit::render::{self, Format, View};
use kwaliteit_fuzz::{load, repository, templates};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&output, rest)) = data.split_first() else {
        return;
    };
    let manifest = &load(repository(rest));
    let templates = templates();
    let format = match output % 4 {
        0 => Format::Html,
        1 => Format::Md,
        2 => Format::Docx,
        _ => {
            for matrix in [Matrix::from_manifest(manifest), Matrix::by_kompas(manifest)] {
                for compact in [false, true] {
                    let _ = render::matrix::terminal(&matrix, compact, 80);
                    let _ = render::matrix::markdown(&matrix, compact);
                    let _ = render::matrix::csv(&matrix, compact);
                    let title = &manifest.identity.title;
                    let _ = render::html::render_matrix(&matrix, title, compact, templates);
                }
            }
            return;
        }
    };
    let view = View::from_manifest(manifest);
    let _ = view.file_stem();
    // An error is a message for the user; only a panic is a failure.
    let _ = format.renderer().render(&view, templates);
});
