//! Shared by the integration tests: a copy of this repository's manifest to change freely.

use std::fs;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `manifest/` and `cases/` of this repository in a new temporary folder.
pub fn copy_of_manifest() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["manifest", "cases"] {
        copy_dir(&repo_root().join(sub), &dir.path().join(sub));
    }
    dir
}
