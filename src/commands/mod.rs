//! One module per command; shared here: opening a manifest, printing, refusing.

pub mod advies;
pub mod check;
pub mod diff;
pub mod fmt;
pub mod matrix;
pub mod render;
pub mod scaffold;
pub mod status;
pub mod textconv;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::load;
use crate::model::finding::{self, Finding, Severity};
use crate::report::{self, Format, Summary};
use crate::source::{self, Snapshot};

/// A version of the manifest, loaded and checked, with every finding ready to report.
pub struct Checked {
    pub root: PathBuf,
    pub snapshot: Snapshot,
    pub loaded: load::Loaded,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.loaded
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// Load and check a snapshot: findings of single files and between files, sorted.
pub fn check_snapshot(root: PathBuf, snapshot: Snapshot) -> Checked {
    let loaded = load_snapshot(root, snapshot);
    let findings = check_findings(&loaded, crate::check::content::Options::default());
    with_findings(loaded, findings)
}

/// Load a snapshot (its pictures included) without checking it: the findings are those
/// of loading, not yet sorted. [`check_findings`] and [`with_findings`] finish the job;
/// apart, so that a command can check while it works on what was loaded.
pub fn load_snapshot(root: PathBuf, snapshot: Snapshot) -> Checked {
    let loaded = load::load(&snapshot.files);
    finish_load(root, snapshot, loaded)
}

/// [`load_snapshot`] of the work tree, its files loaded while they are read.
pub fn load_worktree(root: PathBuf) -> Result<Checked, Error> {
    let (snapshot, parts) = source::read_worktree_with(&root, load::load_part)?;
    Ok(finish_load(root, snapshot, load::join_parts(parts)))
}

/// What loading adds to the files' model: refused paths, the logo, the pictures.
fn finish_load(root: PathBuf, snapshot: Snapshot, mut loaded: load::Loaded) -> Checked {
    load::refused::add(&mut loaded, &snapshot.refused);
    load::logo::attach(&mut loaded, &snapshot);
    let exists = |p: &str| snapshot.has_path(p);
    let read = |rels: &[String]| snapshot.read_other_files(rels);
    load::images::load(&mut loaded.manifest, &read, &exists, &mut loaded.findings);
    Checked {
        root,
        snapshot,
        loaded,
    }
}

/// The findings of checking what was loaded: between files, and the templates.
pub fn check_findings(loaded: &Checked, options: crate::check::content::Options) -> Vec<Finding> {
    let snapshot = &loaded.snapshot;
    let exists = |p: &str| snapshot.has_path(p);
    let mut findings = crate::check::check_with(&loaded.loaded.manifest, &exists, options);
    // Templates belong to rendering, a later stage than `check`: they are checked here.
    findings.extend(crate::render::templates::findings(&snapshot.templates));
    findings
}

/// Add the findings of [`check_findings`], and make all of them ready to report.
pub fn with_findings(mut checked: Checked, findings: Vec<Finding>) -> Checked {
    let loaded = &mut checked.loaded;
    loaded.findings.extend(findings);
    finding::sort(&mut loaded.findings);
    loaded.findings = crate::check::limit_repeats(std::mem::take(&mut loaded.findings));
    report::attach_source_lines(&mut loaded.findings, &loaded.manifest.texts);
    checked
}

/// Find the manifest from `start` and read it from the work tree or, with `rev`, from git.
pub fn open(start: &Path, rev: Option<&str>) -> Result<Checked, Error> {
    open_with(start, rev, crate::check::content::Options::default())
}

pub fn open_with(
    start: &Path,
    rev: Option<&str>,
    options: crate::check::content::Options,
) -> Result<Checked, Error> {
    let root = source::discover(start)?;
    let loaded = match rev {
        Some(rev) => {
            let snapshot = source::read_revision(&root, rev)?;
            load_snapshot(root, snapshot)
        }
        None => load_worktree(root)?,
    };
    let findings = check_findings(&loaded, options);
    Ok(with_findings(loaded, findings))
}

pub fn color_for(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none()
}

pub fn write_stdout(text: &[u8]) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text)
        .and_then(|_| stdout.flush())
        .map_err(Error::Stdout)
}

/// For views that go on despite errors: say on stderr that `what` may be incomplete.
pub fn note_errors(checked: &Checked, what: &str) {
    let errors = checked.errors();
    if errors > 0 {
        eprintln!(
            "let op: het manifest bevat {errors} {}; {what} kan onvolledig zijn (zie `kwaliteit check`).",
            if errors == 1 { "fout" } else { "fouten" }
        );
    }
}

/// Print the errors of a manifest on stderr, rustc-style.
pub fn print_errors(checked: &Checked) {
    let errors: Vec<_> = checked
        .loaded
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .cloned()
        .collect();
    let summary = Summary::of(&errors, checked.loaded.file_count);
    let color = color_for(std::io::stderr().is_terminal());
    eprint!("{}", report::render(Format::Human, &errors, summary, color));
}

/// Refuse to use a manifest with errors: print them, write nothing (exit 1).
pub fn refuse(checked: &Checked, what: &str) -> Error {
    print_errors(checked);
    Error::Refused {
        what: what.to_string(),
    }
}

/// A path as the user will recognise it: relative to the current folder when inside it.
pub fn shown(path: &Path) -> String {
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    relative_to_cwd(&current_dir(), full)
}

/// [`shown`] for many files of the manifest under `root` (paths relative to it): the
/// folders are resolved once, not once per file.
pub fn shown_under(root: &Path) -> impl Fn(&str) -> String {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    shown_from(current_dir(), root)
}

/// [`shown_under`] seen from the folder `cwd`.
fn shown_from(cwd: Option<PathBuf>, root: PathBuf) -> impl Fn(&str) -> String {
    // The manifest's folder at or below `cwd`: made relative once, with the separator a
    // joined path has after it (none when it is empty), every file is that and its path.
    let prefix = cwd
        .as_ref()
        .and_then(|c| root.strip_prefix(c).ok())
        .map(|folder| folder.join("").display().to_string());
    move |path| match &prefix {
        Some(prefix) => prefix.clone() + path,
        None => relative_to_cwd(&cwd, root.join(path)),
    }
}

fn current_dir() -> Option<PathBuf> {
    std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok())
}

fn relative_to_cwd(cwd: &Option<PathBuf>, full: PathBuf) -> String {
    cwd.as_ref()
        .and_then(|c| full.strip_prefix(c).ok().map(|p| p.display().to_string()))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| full.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files are shown as one at a time would be, wherever the command is started.
    #[cfg(unix)]
    #[test]
    fn files_under_the_root_are_shown_as_one_by_one() {
        let root = PathBuf::from("/r/raad");
        for cwd in [
            "/r/raad",
            "/r",
            "/",
            "/r/raad/cases",
            "/elders",
            "/r/raadhuis",
        ] {
            let cwd = Some(PathBuf::from(cwd));
            let shown = shown_from(cwd.clone(), root.clone());
            for path in ["cases/a.md", "manifest/manifest.yaml", "x"] {
                let one = relative_to_cwd(&cwd, root.join(path));
                assert_eq!(shown(path), one, "{cwd:?} {path}");
            }
        }
        assert_eq!(
            shown_from(None, root.clone())("cases/a.md"),
            "/r/raad/cases/a.md"
        );
        assert_eq!(
            shown_from(Some("/r".into()), root)("cases/a.md"),
            "raad/cases/a.md"
        );
    }

    /// Loading while reading gives what loading after reading gives, findings included.
    #[test]
    fn the_work_tree_loads_the_same_while_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("cases")).unwrap();
        std::fs::create_dir_all(root.join("manifest/principles")).unwrap();
        std::fs::write(
            root.join(crate::model::MANIFEST_FILE),
            "titel: T\nraad: R\ngemeente: G\n",
        )
        .unwrap();
        for i in 0..700 {
            // Every seventh case has a problem of its own, so findings come from many chunks.
            let id = if i % 7 == 0 {
                "Fout Id".to_string()
            } else {
                format!("c{i:04}")
            };
            let text = format!("---\nid: {id}\ntitel: C\nuitgangspunt: a\n---\nVerhaal {i}.\n");
            std::fs::write(root.join(format!("cases/c{i:04}.md")), text).unwrap();
        }
        let while_read = load_worktree(root.to_path_buf()).unwrap();
        let after = load_snapshot(root.to_path_buf(), source::read_worktree(root).unwrap());
        assert_eq!(while_read.loaded.manifest, after.loaded.manifest);
        assert_eq!(while_read.loaded.findings, after.loaded.findings);
        assert_eq!(while_read.loaded.manifest.cases.len(), 700);
        assert!(while_read.loaded.findings.len() >= 100);
    }
}
