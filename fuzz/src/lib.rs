//! What the fuzz targets share: fuzz input as a small repository in memory, checked
//! the way the command line checks a version, and the invariants every run must keep.

use std::path::PathBuf;
use std::sync::OnceLock;

use kwaliteit::commands::{Checked, check_snapshot};
use kwaliteit::model::Manifest;
use kwaliteit::render::templates::Templates;
use kwaliteit::report::{self, Format, Summary};
use kwaliteit::source::{self, SourceFile};

/// The files of a fuzzed repository, in the order the pieces of the input fill them.
pub const PATHS: &[&str] = &[
    "manifest/manifest.yaml",
    "manifest/principles/01-a.md",
    "cases/a.md",
    "manifest/rounds/2015.md",
    "manifest/principles/02-b.md",
    "cases/b.md",
];

/// Between the files of a repository in the input (not valid UTF-8 on its own, so a
/// text never holds it by accident).
pub const FILE_SEPARATOR: u8 = 0xFF;
/// Between the two repositories of the diff target.
pub const SIDE_SEPARATOR: u8 = 0xFE;

/// A valid manifest.yaml, for the load target's other kinds of file.
pub const IDENTITY: &str = "titel: T\nraad: R\ngemeente: G\n\
                            partijen:\n  - id: a\n    naam: A\n  - id: b\n    naam: B\n";

/// The input's pieces (split at [`FILE_SEPARATOR`]) as the files of [`PATHS`], in
/// order; an empty piece leaves its file out, pieces beyond the last path are ignored.
pub fn repository(data: &[u8]) -> Vec<SourceFile> {
    data.split(|&b| b == FILE_SEPARATOR)
        .zip(PATHS)
        .filter(|(bytes, _)| !bytes.is_empty())
        .map(|(bytes, path)| SourceFile {
            path: path.to_string(),
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// The built-in templates, parsed once: the fuzz targets test the documents, not
/// parsing the same templates again in every run.
pub fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::load(&[]).expect("the built-in templates load"))
}

/// Load the files as every command does before it checks them (the pictures included),
/// without the checks: the render and diff targets fuzz what comes after loading, the
/// load target the checks.
pub fn load(files: Vec<SourceFile>) -> Manifest {
    let snapshot = source::from_files(files, "fuzz");
    let mut loaded = kwaliteit::load::load(&snapshot.files);
    let exists = |p: &str| snapshot.has_path(p);
    let read = |rels: &[String]| snapshot.read_other_files(rels);
    kwaliteit::load::images::load(&mut loaded.manifest, &read, &exists, &mut loaded.findings);
    loaded.manifest
}

/// Load two versions together, as `kwaliteit diff` does (a file the same in both is
/// loaded once), the pictures of each included.
pub fn load_pair(old: Vec<SourceFile>, new: Vec<SourceFile>) -> (Manifest, Manifest) {
    let (mut old, mut new) = (source::from_files(old, "a"), source::from_files(new, "b"));
    let [old_model, new_model] = kwaliteit::load::load_pair(&mut old.files, &mut new.files);
    let finish = |snapshot: &source::Snapshot, mut loaded: kwaliteit::load::Loaded| {
        let exists = |p: &str| snapshot.has_path(p);
        let read = |rels: &[String]| snapshot.read_other_files(rels);
        kwaliteit::load::images::load(&mut loaded.manifest, &read, &exists, &mut loaded.findings);
        loaded.manifest
    };
    (finish(&old, old_model), finish(&new, new_model))
}

/// Load and check the files as `kwaliteit check` does; every finding must point into
/// its file.
pub fn check(files: Vec<SourceFile>) -> Checked {
    let checked = check_snapshot(PathBuf::from("."), source::from_files(files, "fuzz"));
    assert_positions_hold(&checked);
    checked
}

/// Every finding points into its file: a line that exists, or the line after the last.
pub fn assert_positions_hold(checked: &Checked) {
    let loaded = &checked.loaded;
    for f in &loaded.findings {
        assert!(f.pos.line >= 1 && f.pos.column >= 1, "{f:?}");
        if let Some(text) = loaded.manifest.texts.get(&f.path) {
            let lines = kwaliteit::text::line_breaks(text).count() + 1;
            assert!(f.pos.line <= lines + 1, "{f:?} in a file of {lines} lines");
        }
    }
}

/// The findings in one of the findings formats (`choice` picks it): every one prints,
/// and JSON parses back (SARIF is built as a JSON value, so printing it is the test).
pub fn assert_report_prints(checked: &Checked, choice: u8) {
    let loaded = &checked.loaded;
    let summary = Summary::of(&loaded.findings, loaded.file_count);
    let (format, color) = match choice % 5 {
        0 => (Format::Human, false),
        1 => (Format::Human, true),
        2 => (Format::Github, false),
        3 => (Format::Sarif, false),
        _ => (Format::Json, false),
    };
    let printed = report::render(format, &loaded.findings, summary, color);
    if format == Format::Json {
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&printed);
        assert!(parsed.is_ok(), "invalid JSON: {printed}");
    }
}
