//! `kwaliteit`: checks, renders and compares the quality manifest of a Dutch
//! municipal advisory council for the social domain.
//!
//! Data flows one way, and the folders follow it (see ARCHITECTURE.md):
//! `text` (shared text helpers) -> `model` (plain data, findings, key tables) ->
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
pub mod model;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod source;
pub mod text;
pub mod write;

/// Run the command line with the process arguments; returns the exit code.
pub fn run() -> u8 {
    cli::run(std::env::args_os())
}
