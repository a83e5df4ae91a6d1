//! `kwaliteit`: checks, renders and compares the quality manifest of a Dutch
//! municipal advisory council for the social domain.
//!
//! Data flows one way: `source` (files) -> `load` (front matter, Markdown,
//! findings per file) -> `model` -> `check` (findings between files) -> `report`.

pub mod check;
pub mod cli;
pub mod commands;
pub mod diff;
pub mod exit;
pub mod fields;
pub mod finding;
pub mod format;
pub mod frontmatter;
pub mod git;
pub mod law;
pub mod load;
pub mod markdown;
pub mod matrix;
pub mod model;
pub mod plain_language;
pub mod privacy;
pub mod redline;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod slug;
pub mod source;
pub mod status;
pub mod text;
pub mod today;
pub mod yaml;

/// Run the command line with the process arguments; returns the exit code.
pub fn run() -> u8 {
    cli::run(std::env::args_os())
}
