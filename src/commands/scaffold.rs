//! `kwaliteit new` and `kwaliteit init`: new files with valid front matter, never
//! overwriting one that exists.

use std::path::Path;

use super::{open, write_stdout};
use crate::cli::{InitArgs, NewArgs, NewKind};
use crate::error::Error;
use crate::exit;
use crate::scaffold::{self, Kind, NewFile};
use crate::write::{WriteError, write_new};

/// Write `file` under `root`, whole or not at all, and only if nothing is there yet.
fn create(root: &Path, file: &NewFile) -> Result<(), Error> {
    write_new(&root.join(&file.path), file.text.as_bytes()).map_err(|e| match e {
        // Named as the user gave it, relative to the repository.
        WriteError::Exists { .. } => WriteError::Exists {
            path: file.path.clone().into(),
        }
        .into(),
        other => other.into(),
    })
}

pub fn run_new(start: &Path, args: &NewArgs) -> Result<u8, Error> {
    let checked = open(start, None)?;
    let kind = match args.kind {
        NewKind::Casus => Kind::Case,
        NewKind::Uitgangspunt => Kind::Principle,
        NewKind::Ronde => Kind::Round,
    };
    let (year, _, _) = crate::text::date::today();
    let file = scaffold::new_file(kind, &args.title, &checked.loaded.manifest, year)?;
    create(&checked.root, &file)?;
    write_stdout(
        format!(
            "Geschreven: {}\nVul de regels met `TODO:` in; `kwaliteit check` wijst ze aan.\n",
            super::shown(&checked.root.join(&file.path))
        )
        .as_bytes(),
    )?;
    Ok(exit::OK)
}

pub fn run_init(start: &Path, args: &InitArgs) -> Result<u8, Error> {
    let root = args.dir.clone().unwrap_or_else(|| start.to_path_buf());
    if root.join(crate::model::MANIFEST_FILE).exists() {
        return Err(Error::ManifestExists { dir: root });
    }
    let (year, _, _) = crate::text::date::today();
    let files = scaffold::init_files(
        args.gemeente.as_deref().unwrap_or(""),
        args.raad.as_deref().unwrap_or(""),
        year,
    );
    // Refuse before writing anything, so a failure leaves no half repository.
    if let Some(existing) = files.iter().find(|f| root.join(&f.path).exists()) {
        return Err(Error::FileExists {
            file: existing.path.clone(),
            dir: root,
        });
    }
    let mut out = String::new();
    for f in &files {
        create(&root, f)?;
        out.push_str(&format!(
            "Geschreven: {}\n",
            super::shown(&root.join(&f.path))
        ));
    }
    out.push_str(
        "Vul de regels met `TODO:` in en controleer het manifest met `kwaliteit check`.\n",
    );
    write_stdout(out.as_bytes())?;
    Ok(exit::OK)
}
