//! `kwaliteit diff`: what changed in meaning between two versions of the manifest.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::{Checked, check_snapshot, color_for, fatal, print_errors, shown, write_stdout};
use crate::analysis::diff::{Delta, diff};
use crate::cli::{DiffArgs, DiffFormat};
use crate::exit;
use crate::model::MANIFEST_FILE;
use crate::render::{self, changes, templates::Templates};
use crate::source::{self, SourceError};
use crate::text::date as today;

/// Read one side of a comparison: a folder holding a manifest, or a git revision.
pub fn version(root: &Path, spec: &str) -> Result<Checked, SourceError> {
    let folder = Path::new(spec);
    let snapshot = if folder.join(MANIFEST_FILE).is_file() {
        let mut s = source::read_worktree(folder)?;
        s.label = spec.to_string();
        s
    } else {
        source::read_revision(root, spec)?
    };
    Ok(check_snapshot(root.to_path_buf(), snapshot))
}

/// Warn about errors in a version being compared: the diff goes on regardless.
fn warn_errors(side: &Checked) {
    let errors = side.errors();
    if errors > 0 {
        print_errors(side);
        eprintln!(
            "Let op: {} bevat {errors} {}; de vergelijking gaat door met wat gelezen kon worden.\n",
            side.snapshot.label,
            if errors == 1 { "fout" } else { "fouten" }
        );
    }
}

/// The two versions compared: FROM defaults to the revision of the latest round of TO.
pub fn versions(
    start: &Path,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Checked, Checked), u8> {
    let is_folder =
        |spec: Option<&str>| spec.is_some_and(|s| Path::new(s).join(MANIFEST_FILE).is_file());
    // Two folders need no repository around them; anything else is read from this one.
    let root = match source::discover(start) {
        Ok(root) => root,
        Err(_) if is_folder(from) && is_folder(to) => PathBuf::from(from.unwrap_or(".")),
        Err(e) => return Err(fatal(&e)),
    };
    let to = match to {
        Some(spec) => version(&root, spec),
        None => source::read_worktree(&root).map(|s| check_snapshot(root.clone(), s)),
    }
    .map_err(|e| fatal(&e))?;
    let from_spec = match from {
        Some(f) => f.to_string(),
        // The newest round that records its revision: a round being drafted has none yet.
        None => match to
            .loaded
            .manifest
            .rounds
            .iter()
            .rev()
            .find_map(|r| r.revision.clone())
        {
            Some(rev) => rev,
            None => {
                eprintln!(
                    "fout: geef aan waarmee vergeleken moet worden, bijvoorbeeld `kwaliteit diff ronde-2015`\n  hulp: geen ronde in manifest/rounds/ legt een `revision` vast"
                );
                return Err(exit::FAILURE);
            }
        },
    };
    let from = version(&root, &from_spec).map_err(|e| fatal(&e))?;
    Ok((from, to))
}

pub fn run(start: &Path, args: &DiffArgs) -> u8 {
    let (from, to) = match versions(start, args.from.as_deref(), args.to.as_deref()) {
        Ok(v) => v,
        Err(code) => return code,
    };
    warn_errors(&from);
    warn_errors(&to);
    let delta = diff(&from.loaded.manifest, &to.loaded.manifest);
    let (a, b) = (from.snapshot.label.as_str(), to.snapshot.label.as_str());
    let code = match args.format {
        DiffFormat::Terminal => write_stdout(
            changes::terminal(&delta, a, b, color_for(std::io::stdout().is_terminal())).as_bytes(),
        ),
        DiffFormat::Md => write_stdout(changes::markdown(&delta, a, b).as_bytes()),
        DiffFormat::Json => write_stdout(changes::json(&delta, a, b).as_bytes()),
        DiffFormat::Html => match Templates::load(&to.snapshot.templates) {
            Ok(t) => write_stdout(changes::html(&delta, a, b, t.style()).as_bytes()),
            Err(e) => fatal(&e),
        },
        DiffFormat::Docx => write_docx(&delta, a, b, &to, args.out.as_deref()),
    };
    if code != exit::OK {
        return code;
    }
    if args.exit_code && !delta.is_empty() {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

fn write_docx(delta: &Delta, from: &str, to: &str, side: &Checked, out: Option<&Path>) -> u8 {
    let date = format!("{}T00:00:00Z", today::iso_today());
    let bytes = match render::changes_docx::render(delta, from, to, &date) {
        Ok(b) => b,
        Err(e) => return fatal(&e),
    };
    let path = out.map_or_else(|| side.root.join("build/wijzigingen.docx"), PathBuf::from);
    if let Err(e) = super::write::write_atomically(&path, &bytes) {
        return fatal(&e);
    }
    write_stdout(format!("Geschreven: {}\n", shown(&path)).as_bytes())
}
