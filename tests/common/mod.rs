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

/// Whitespace runs as one space.
#[allow(dead_code)] // not every test binary compares texts
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The seed's sentences, from its lines (one paragraph each) with the PDF page breaks
/// repaired: a long paragraph that stops mid-sentence continues in the next one.
#[allow(dead_code)] // used by the tests of the Markdown and PDF text
pub fn seed_sentences() -> Vec<String> {
    let seed = fs::read_to_string(repo_root().join("tests/seed/almere-2015.txt")).unwrap();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for p in seed.lines().map(normalise).filter(|p| !p.is_empty()) {
        if open {
            let last = paragraphs.last_mut().unwrap();
            last.push(' ');
            last.push_str(&p);
        } else {
            paragraphs.push(p);
        }
        let continues = paragraphs
            .last()
            .unwrap()
            .ends_with(|c: char| c.is_alphabetic());
        open = continues && paragraphs.last().unwrap().split(' ').count() > 12;
    }
    let mut sentences = Vec::new();
    for p in paragraphs {
        let mut current = String::new();
        for word in p.split(' ') {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            if word.ends_with(['.', '?', '!']) && !word.ends_with("o.a.") {
                sentences.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            sentences.push(current);
        }
    }
    sentences
}

/// Compare what a command wrote with its transcript in `tests/transcripts/`, whole:
/// a transcript shows a reviewer exactly what users get. `TRANSCRIPTS=overwrite`
/// writes the transcripts anew (then read their diff).
#[allow(dead_code)] // not every test file compares transcripts
pub fn assert_transcript(name: &str, actual: &str) {
    let path = repo_root().join("tests/transcripts").join(name);
    if std::env::var_os("TRANSCRIPTS").is_some_and(|v| v == "overwrite") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; write it with TRANSCRIPTS=overwrite",
            path.display()
        )
    });
    if expected != actual {
        let (line, (want, got)) = expected
            .lines()
            .chain(std::iter::repeat(""))
            .zip(actual.lines().chain(std::iter::repeat("")))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .unwrap_or((0, ("", "")));
        panic!(
            "{} differs from line {}:\n- {want}\n+ {got}\n(TRANSCRIPTS=overwrite writes it anew)\n\n{actual}",
            path.display(),
            line + 1
        );
    }
}
