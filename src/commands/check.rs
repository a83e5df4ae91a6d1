//! `kwaliteit check`: every finding at once, for people, programs or GitHub.

use std::io::IsTerminal;
use std::path::Path;

use super::{color_for, open_with, write_stdout};
use crate::cli::CheckArgs;
use crate::error::Error;
use crate::exit;
use crate::report::{self, Format, Summary};

pub fn run(start: &Path, args: &CheckArgs) -> Result<u8, Error> {
    let options = crate::check::content::Options {
        lang_level: args.lang_level,
    };
    let checked = open_with(start, args.rev.as_deref(), options)?;
    let loaded = &checked.loaded;
    let summary = Summary::of(&loaded.findings, loaded.file_count);
    let color = args.format == Format::Human && color_for(std::io::stdout().is_terminal());
    // Machine output names paths from the top of the git work tree (with `-C raad`:
    // `raad/cases/…`), as GitHub and code scanning expect; people see them as checked.
    let prefixed;
    // No findings, no paths: then git need not be asked (it costs half of a small check).
    let findings = if args.format == Format::Human || loaded.findings.is_empty() {
        &loaded.findings
    } else {
        let prefix = crate::source::git::prefix(&checked.root);
        prefixed = loaded
            .findings
            .iter()
            .map(|f| {
                let mut f = f.clone();
                f.path = format!("{prefix}{}", f.path);
                f
            })
            .collect::<Vec<_>>();
        &prefixed
    };
    let text = report::render(args.format, findings, summary, color);
    write_stdout(text.as_bytes())?;
    // The process ends next: the system takes the memory back at once, faster than
    // freeing the model of a large manifest piece by piece.
    std::mem::forget(checked);
    if summary.errors > 0 {
        return Ok(exit::FINDINGS);
    }
    if args.strict && summary.warnings > 0 {
        eprintln!("Met --strict tellen waarschuwingen als fouten.");
        return Ok(exit::FINDINGS);
    }
    Ok(exit::OK)
}
