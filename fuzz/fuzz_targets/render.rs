//! Rendering every format from a fuzzed repository: the input's pieces (split at
//! 0xFF) are manifest.yaml, principles, cases and a round. Like `render --force`,
//! whatever loaded is rendered, findings or not: HTML, Markdown, Word, and the
//! matrix (both ways) as table, Markdown, CSV and HTML.
#![no_main]

use kwaliteit::analysis::matrix::Matrix;
use kwaliteit::render::{self, Format, View};
use kwaliteit_fuzz::{check, repository, templates};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = check(repository(data));
    let manifest = &checked.loaded.manifest;
    let templates = templates();
    let view = View::from_manifest(manifest);
    let _ = view.file_stem();
    for format in [Format::Html, Format::Md, Format::Docx] {
        // An error is a message for the user; only a panic is a failure.
        let _ = format.renderer().render(&view, templates);
    }
    for matrix in [Matrix::from_manifest(manifest), Matrix::by_kompas(manifest)] {
        for compact in [false, true] {
            let _ = render::matrix::terminal(&matrix, compact, 80);
            let _ = render::matrix::markdown(&matrix, compact);
            let _ = render::matrix::csv(&matrix, compact);
            let _ =
                render::html::render_matrix(&matrix, &manifest.identity.title, compact, templates);
        }
    }
});
