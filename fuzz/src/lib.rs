//! What the fuzz targets share: fuzz input as a small repository in memory, checked
//! the way the command line checks a version, and the invariants every run must keep.

use std::path::PathBuf;
use std::sync::OnceLock;

use kwaliteit::commands::{Checked, check_snapshot};
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

/// Load and check the files as `kwaliteit check` does, and report the findings in
/// every format.
pub fn check(files: Vec<SourceFile>) -> Checked {
    let checked = check_snapshot(PathBuf::from("."), source::from_files(files, "fuzz"));
    assert_findings_hold(&checked);
    checked
}

/// Every finding points into its file (a line that exists, or the line after the last),
/// and every findings format prints; the JSON ones parse.
pub fn assert_findings_hold(checked: &Checked) {
    let loaded = &checked.loaded;
    for f in &loaded.findings {
        assert!(f.pos.line >= 1 && f.pos.column >= 1, "{f:?}");
        if let Some(text) = loaded.manifest.texts.get(&f.path) {
            let lines = kwaliteit::text::line_breaks(text).count() + 1;
            assert!(f.pos.line <= lines + 1, "{f:?} in a file of {lines} lines");
        }
    }
    let summary = Summary::of(&loaded.findings, loaded.file_count);
    // Colour matters to the human report only; JSON is parsed back once (SARIF is
    // built as a JSON value, so it always parses: printing it is the test).
    for color in [false, true] {
        report::render(Format::Human, &loaded.findings, summary, color);
    }
    report::render(Format::Github, &loaded.findings, summary, false);
    report::render(Format::Sarif, &loaded.findings, summary, false);
    let json = report::render(Format::Json, &loaded.findings, summary, false);
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(&json);
    assert!(parsed.is_ok(), "invalid JSON: {json}");
}
