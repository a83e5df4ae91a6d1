//! `kwaliteit fmt`: every file in one canonical form, or with `--check` the list of
//! files that are not. Files with errors are left alone; writing is atomic.

use std::path::Path;

use super::{open, shown, write_stdout};
use crate::cli::FmtArgs;
use crate::error::Error;
use crate::exit;
use crate::model::finding::Severity;
use crate::write::write_atomically;

pub fn run(start: &Path, args: &FmtArgs) -> Result<u8, Error> {
    let checked = open(start, None)?;
    let with_errors = |path: &str| {
        checked
            .loaded
            .findings
            .iter()
            .any(|f| f.path == path && f.severity == Severity::Error)
    };
    let mut changed = Vec::new();
    let mut skipped = Vec::new();
    for (path, text) in &checked.loaded.manifest.texts {
        if with_errors(path) {
            skipped.push(path.as_str());
            continue;
        }
        let Some(canonical) = crate::fmt::canonical(path, text) else {
            skipped.push(path.as_str());
            continue;
        };
        // Compare with the bytes on disk: the loader's text has no BOM.
        let on_disk = checked.snapshot.files.iter().find(|f| &f.path == path);
        if on_disk.is_some_and(|f| f.bytes == canonical.as_bytes()) {
            continue;
        }
        if !args.check {
            write_atomically(&checked.root.join(path), canonical.as_bytes())?;
        }
        changed.push(path.as_str());
    }
    let mut out = String::new();
    let verb = if args.check {
        "Niet in de vaste vorm"
    } else {
        "Opgemaakt"
    };
    for path in &changed {
        out.push_str(&format!("{verb}: {}\n", shown(&checked.root.join(path))));
    }
    for path in &skipped {
        out.push_str(&format!(
            "Overgeslagen (eerst de fouten oplossen, zie `kwaliteit check`): {path}\n"
        ));
    }
    if changed.is_empty() {
        out.push_str(&format!(
            "Alle {} bestanden staan in de vaste vorm.\n",
            checked.loaded.manifest.texts.len() - skipped.len()
        ));
    } else if args.check {
        out.push_str("Maak ze op met `kwaliteit fmt`.\n");
    }
    write_stdout(out.as_bytes())?;
    Ok(if args.check && !changed.is_empty() {
        exit::FINDINGS
    } else {
        exit::OK
    })
}
