//! Names the commit a binary was built from, for `kwaliteit --version` and for the action
//! that `kwaliteit init` pins: from `.cargo_vcs_info.json` in a published package, from
//! git in a checkout, or none (the build never fails for want of it).

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let commit = from_vcs_info(&dir).or_else(|| from_git(&dir));
    if let Some(commit) = commit {
        println!("cargo:rustc-env=KWALITEIT_COMMIT={commit}");
    }
}

/// `cargo package` records the commit in `.cargo_vcs_info.json`.
fn from_vcs_info(dir: &Path) -> Option<String> {
    let path = dir.join(".cargo_vcs_info.json");
    let text = std::fs::read_to_string(&path).ok()?;
    println!("cargo:rerun-if-changed={}", path.display());
    let start = text.find("\"sha1\"")? + "\"sha1\"".len();
    let rest = text[start..].trim_start().strip_prefix(':')?.trim_start();
    let sha = rest.strip_prefix('"')?.split('"').next()?;
    full_sha(sha)
}

/// Only a repository whose top is this crate: a package unpacked inside some other
/// repository must not take that repository's commit.
fn from_git(dir: &Path) -> Option<String> {
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    if top.canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    // Rebuild when HEAD moves: HEAD itself, the branch it names, the packed refs.
    for file in ["HEAD", "packed-refs"] {
        watch(dir, git(&["rev-parse", "--git-path", file]));
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch(dir, git(&["rev-parse", "--git-path", &branch]));
    }
    full_sha(&git(&["rev-parse", "HEAD"])?)
}

fn watch(dir: &Path, path: Option<String>) {
    if let Some(path) = path {
        let path = dir.join(path);
        // A path that does not exist would make every build rerun this script.
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

fn full_sha(s: &str) -> Option<String> {
    (s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())).then(|| s.to_ascii_lowercase())
}
