//! `kwaliteit matrix`: principles by parties, for the terminal or another document.

use std::path::Path;

use super::{note_errors, open, write_stdout};
use crate::analysis::matrix::Matrix;
use crate::cli::{MatrixArgs, MatrixColumns, MatrixFormat};
use crate::error::Error;
use crate::exit;
use crate::render::{self, templates::Templates};

pub fn run(start: &Path, args: &MatrixArgs) -> Result<u8, Error> {
    let checked = open(start, None)?;
    note_errors(&checked, "de matrix");
    let manifest = &checked.loaded.manifest;
    let matrix = match args.by {
        MatrixColumns::Partij => Matrix::from_manifest(manifest),
        MatrixColumns::Kompas => Matrix::by_kompas(manifest),
    };
    let text = match args.format {
        MatrixFormat::Table => {
            let width = args.width.unwrap_or_else(|| {
                terminal_size::terminal_size()
                    .map(|(w, _)| usize::from(w.0))
                    .unwrap_or(100)
            });
            render::matrix::terminal(&matrix, args.compact, width)
        }
        MatrixFormat::Md => render::matrix::markdown(&matrix, args.compact),
        MatrixFormat::Csv => render::matrix::csv(&matrix, args.compact),
        MatrixFormat::Html => {
            let templates = Templates::load(&checked.snapshot.templates)?
                .with_house_style(render::html::house_style_of(manifest));
            render::html::render_matrix(
                &matrix,
                &manifest.identity.title,
                args.compact,
                &templates,
            )?
        }
    };
    write_stdout(text.as_bytes())?;
    Ok(exit::OK)
}
