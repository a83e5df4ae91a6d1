//! `kwaliteit render`: the document for the college, written whole or not at all.

use std::path::{Path, PathBuf};

use super::{Checked, open, refuse, shown, write_stdout};
use crate::cli::RenderArgs;
use crate::error::Error;
use crate::exit;
use crate::render::{Format, RenderError, Rendered, View, templates::Templates};

pub fn run(start: &Path, args: &RenderArgs) -> Result<u8, Error> {
    let mut checked = open(start, args.rev.as_deref())?;
    if let Some(e) = crate::render::unusable_logo(&checked.loaded.findings) {
        return Err(e.into());
    }
    if checked.errors() > 0 && !args.force {
        return Err(refuse(&checked, "Het document is"));
    }
    let view = View::from_manifest(&checked.loaded.manifest);
    // The document is made from the view alone: the model's memory is free for it.
    crate::memory::free_beside(std::mem::take(&mut checked.loaded.manifest));
    let written = write_document(
        &checked,
        &view,
        args.format,
        args.out.as_deref(),
        &view.file_stem(),
    );
    // The process ends next: the system takes the memory back at once, faster than
    // freeing the model and the view of a large manifest piece by piece.
    std::mem::forget((checked, view));
    written
}

/// Render `view` and write it as `<stem>.<ext>` in `out` (default `build/` beside the manifest).
pub fn write_document(
    checked: &Checked,
    view: &View,
    format: Format,
    out: Option<&Path>,
    stem: &str,
) -> Result<u8, Error> {
    let dir = out.map_or_else(|| checked.root.join("build"), PathBuf::from);
    let path = dir.join(format!("{stem}.{}", format.extension()));
    crate::write::refuse_sources(&checked.root, &path)?;
    let document = rendered(view, format, &checked.snapshot.templates)?;
    crate::write::write_atomically_with(&path, |out| document.write_to(out))?;
    write_stdout(format!("Geschreven: {}\n", shown(&path)).as_bytes())?;
    Ok(exit::OK)
}

fn rendered(
    view: &View,
    format: Format,
    overrides: &[crate::source::SourceFile],
) -> Result<Rendered, RenderError> {
    let renderer = format.renderer();
    let own = if renderer.uses_templates() {
        overrides
    } else {
        &[]
    };
    renderer.rendered(view, &Templates::load(own)?)
}
