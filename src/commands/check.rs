//! `kwaliteit check`: every finding at once, for people, programs or GitHub.

use std::io::IsTerminal;
use std::path::Path;

use super::{color_for, open_with, write_stdout};
use crate::cli::CheckArgs;
use crate::exit;
use crate::report::{self, Format, Summary};

pub fn run(start: &Path, args: &CheckArgs) -> u8 {
    let options = crate::check::content::Options {
        lang_level: args.lang_level,
    };
    let checked = match open_with(start, args.rev.as_deref(), options) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let loaded = &checked.loaded;
    let summary = Summary::of(&loaded.findings, loaded.file_count);
    let color = args.format == Format::Human && color_for(std::io::stdout().is_terminal());
    let text = report::render(args.format, &loaded.findings, summary, color);
    if write_stdout(text.as_bytes()) != exit::OK {
        return exit::FAILURE;
    }
    if summary.errors > 0 {
        return exit::FINDINGS;
    }
    if args.strict && summary.warnings > 0 {
        eprintln!("Met --strict tellen waarschuwingen als fouten.");
        return exit::FINDINGS;
    }
    exit::OK
}
