//! `kwaliteit new` and `kwaliteit init`: new files with valid front matter, never
//! overwriting one that exists.

use std::path::Path;

use super::write::{WriteError, write_new};
use super::{fatal, open, write_stdout};
use crate::cli::{InitArgs, NewArgs, NewKind};
use crate::exit;
use crate::scaffold::{self, Kind, NewFile};

/// Write `file` under `root`, whole or not at all, and only if nothing is there yet.
fn create(root: &Path, file: &NewFile) -> Result<(), String> {
    write_new(&root.join(&file.path), file.text.as_bytes()).map_err(|e| match e {
        WriteError::Exists { .. } => {
            format!("`{}` bestaat al en wordt niet overschreven", file.path)
        }
        other => other.to_string(),
    })
}

pub fn run_new(start: &Path, args: &NewArgs) -> u8 {
    let checked = match open(start, None) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let kind = match args.kind {
        NewKind::Casus => Kind::Case,
        NewKind::Uitgangspunt => Kind::Principle,
        NewKind::Ronde => Kind::Round,
    };
    let (year, _, _) = crate::text::date::today();
    let file = match scaffold::new_file(kind, &args.title, &checked.loaded.manifest, year) {
        Ok(f) => f,
        Err(e) => return fatal(&e),
    };
    if let Err(message) = create(&checked.root, &file) {
        eprintln!("fout: {message}");
        return exit::FAILURE;
    }
    write_stdout(
        format!(
            "Geschreven: {}\nVul de regels met `TODO:` in; `kwaliteit check` wijst ze aan.\n",
            super::shown(&checked.root.join(&file.path))
        )
        .as_bytes(),
    )
}

pub fn run_init(start: &Path, args: &InitArgs) -> u8 {
    let root = args.dir.clone().unwrap_or_else(|| start.to_path_buf());
    if root.join(crate::model::MANIFEST_FILE).exists() {
        eprintln!(
            "fout: in `{}` staat al een manifest\n  hulp: kies een lege map, bijvoorbeeld `kwaliteit init mijn-raad`",
            root.display()
        );
        return exit::FAILURE;
    }
    let (year, _, _) = crate::text::date::today();
    let files = scaffold::init_files(
        args.gemeente.as_deref().unwrap_or(""),
        args.raad.as_deref().unwrap_or(""),
        year,
    );
    // Refuse before writing anything, so a failure leaves no half repository.
    if let Some(existing) = files.iter().find(|f| root.join(&f.path).exists()) {
        eprintln!(
            "fout: `{}` bestaat al in `{}`; er is niets geschreven",
            existing.path,
            root.display()
        );
        return exit::FAILURE;
    }
    let mut out = String::new();
    for f in &files {
        if let Err(message) = create(&root, f) {
            eprintln!("fout: {message}");
            return exit::FAILURE;
        }
        out.push_str(&format!(
            "Geschreven: {}\n",
            super::shown(&root.join(&f.path))
        ));
    }
    out.push_str(
        "Vul de regels met `TODO:` in en controleer het manifest met `kwaliteit check`.\n",
    );
    write_stdout(out.as_bytes())
}
