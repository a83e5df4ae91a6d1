//! `kwaliteit render`: the document for the college, written whole or not at all.

use std::path::{Path, PathBuf};

use super::{Checked, fatal, open, refuse, shown, write_stdout};
use crate::cli::RenderArgs;
use crate::render::{Format, RenderError, View, templates::Templates};

pub fn run(start: &Path, args: &RenderArgs) -> u8 {
    let checked = match open(start, args.rev.as_deref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if checked.errors() > 0 && !args.force {
        return refuse(&checked, "Het document is");
    }
    let view = View::from_manifest(&checked.loaded.manifest);
    write_document(
        &checked,
        &view,
        args.format,
        args.out.as_deref(),
        &view.file_stem(),
    )
}

/// Render `view` and write it as `<stem>.<ext>` in `out` (default `build/` beside the manifest).
pub fn write_document(
    checked: &Checked,
    view: &View,
    format: Format,
    out: Option<&Path>,
    stem: &str,
) -> u8 {
    let bytes = match bytes(view, format, &checked.snapshot.templates) {
        Ok(b) => b,
        Err(e) => return fatal(&e),
    };
    let dir = out.map_or_else(|| checked.root.join("build"), PathBuf::from);
    let path = dir.join(format!("{stem}.{}", format.extension()));
    if let Err(e) = super::write::write_atomically(&path, &bytes) {
        return fatal(&e);
    }
    write_stdout(format!("Geschreven: {}\n", shown(&path)).as_bytes())
}

fn bytes(
    view: &View,
    format: Format,
    overrides: &[crate::source::SourceFile],
) -> Result<Vec<u8>, RenderError> {
    let renderer = format.renderer();
    let own = if renderer.uses_templates() {
        overrides
    } else {
        &[]
    };
    renderer.render(view, &Templates::load(own)?)
}
