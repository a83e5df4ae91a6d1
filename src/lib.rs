//! `kwaliteit`: checks, renders and compares the quality manifest of a Dutch
//! municipal advisory council for the social domain.
//!
//! Data flows one way, and the folders follow it (see ARCHITECTURE.md):
//! `text` (shared text helpers) and `parallel` (work split across cores) -> `model` (plain data, findings, key tables) ->
//! `source` (work tree or git revision) -> `load` (front matter, Markdown) ->
//! `check` (rules) and `analysis` (matrix, diff, status) -> `render` (documents) and
//! `report` (findings) -> `fmt` and `scaffold` (authoring) -> `commands` and `cli`.

pub mod analysis;
pub mod check;
pub mod cli;
pub mod commands;
pub mod error;
pub mod exit;
pub mod fmt;
pub mod load;
pub mod memory;
pub mod model;
pub mod parallel;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod source;
pub mod text;
pub mod write;

/// The commit this binary was built from (40 hex digits), when the build knew it (build.rs).
pub const COMMIT: Option<&str> = option_env!("KWALITEIT_COMMIT");

/// `0.1.0 (1a2b3c4d5e6f)`: the version and, when known, the commit.
pub fn version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| match COMMIT {
        Some(commit) => format!("{} ({})", env!("CARGO_PKG_VERSION"), &commit[..12]),
        None => env!("CARGO_PKG_VERSION").to_string(),
    })
}

/// Run the command line with the process arguments; returns the exit code.
pub fn run() -> u8 {
    cli::run(std::env::args_os())
}
