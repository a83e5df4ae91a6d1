//! Exit codes, in one place; the README lists the same.

/// Everything fine (warnings alone included, unless `--strict`).
pub const OK: u8 = 0;
/// `check` found errors (or warnings with `--strict`); `render` refused a broken manifest.
pub const FINDINGS: u8 = 1;
/// Wrong use of the command, or a file or folder that could not be read or written.
pub const FAILURE: u8 = 2;
