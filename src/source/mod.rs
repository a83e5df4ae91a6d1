//! Where the manifest's files come from: finding the repository and reading
//! its files. All file-system access for loading happens here.

pub mod git;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::collections::HashSet;

use crate::model::{CASES_DIR, MANIFEST_FILE, PRINCIPLES_DIR, ROUNDS_DIR, TEMPLATES_DIR};

/// One file of the manifest, as bytes: decoding is the loader's job, so that
/// invalid UTF-8 becomes a finding rather than an I/O error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Relative to the repository root, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The manifest's files at one moment: the work tree, another folder, or a git revision.
#[derive(Debug)]
pub struct Snapshot {
    /// `manifest/manifest.yaml` first, then every file under the content folders, sorted.
    pub files: Vec<SourceFile>,
    /// The council's own templates (`manifest/templates/`), if any.
    pub templates: Vec<SourceFile>,
    /// How to name this version to the user: a revision, or a folder.
    pub label: String,
    place: Place,
}

#[derive(Debug)]
enum Place {
    Folder(PathBuf),
    Revision(HashSet<String>),
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error(
        "geen manifest gevonden in {} of een map daarboven\n  hulp: ga naar de map van het manifest of geef die aan met `-C MAP`; de map moet `{MANIFEST_FILE}` bevatten",
        start.display()
    )]
    NotFound { start: PathBuf },
    #[error("kan `{}` niet lezen: {}", path.display(), dutch_io(source))]
    Io { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Git(#[from] crate::source::git::GitError),
}

/// The operating system's message in Dutch for the common cases.
pub fn dutch_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "het bestand of de map bestaat niet".into(),
        io::ErrorKind::PermissionDenied => "geen toestemming".into(),
        io::ErrorKind::IsADirectory => "dit is een map, geen bestand".into(),
        io::ErrorKind::NotADirectory => "dit is een bestand, geen map".into(),
        io::ErrorKind::StorageFull => "de schijf is vol".into(),
        io::ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen".into(),
        _ => err.to_string(),
    }
}

/// Walk up from `start` to the folder that holds `manifest/manifest.yaml`, as git does for `.git`.
pub fn discover(start: &Path) -> Result<PathBuf, SourceError> {
    let start = fs::canonicalize(start).map_err(|source| SourceError::Io {
        path: start.to_path_buf(),
        source,
    })?;
    start
        .ancestors()
        .find(|dir| dir.join(MANIFEST_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or(SourceError::NotFound { start })
}

/// The folders and files, relative to the manifest root, that make up a manifest.
pub const CONTENT: &[&str] = &[
    MANIFEST_FILE,
    PRINCIPLES_DIR,
    ROUNDS_DIR,
    CASES_DIR,
    TEMPLATES_DIR,
];

fn is_template(path: &str) -> bool {
    path.strip_prefix(TEMPLATES_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Split files into content and templates, each sorted, manifest.yaml first.
fn snapshot(all: Vec<SourceFile>, label: String, place: Place) -> Snapshot {
    let (mut templates, mut files): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|f| is_template(&f.path));
    files.sort_by(|a, b| {
        (a.path != MANIFEST_FILE, &a.path).cmp(&(b.path != MANIFEST_FILE, &b.path))
    });
    templates.sort_by(|a, b| a.path.cmp(&b.path));
    Snapshot {
        files,
        templates,
        label,
        place,
    }
}

/// Read the manifest's files from the folder `root` (the work tree, or any folder).
pub fn read_worktree(root: &Path) -> Result<Snapshot, SourceError> {
    let read = |path: &Path| {
        fs::read(path).map_err(|source| SourceError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let mut files = vec![SourceFile {
        path: MANIFEST_FILE.to_string(),
        bytes: read(&root.join(MANIFEST_FILE))?,
    }];
    let mut content = Vec::new();
    for dir in [PRINCIPLES_DIR, ROUNDS_DIR, CASES_DIR, TEMPLATES_DIR] {
        let base = root.join(dir);
        if !base.is_dir() {
            continue;
        }
        let walker = walkdir::WalkDir::new(&base)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(|e| SourceError::Io {
                path: e.path().map_or_else(|| base.clone(), Path::to_path_buf),
                source: e
                    .into_io_error()
                    .unwrap_or_else(|| io::Error::other("lus in symbolische links")),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            content.push((rel, entry.into_path()));
        }
    }
    for (rel, path) in content {
        files.push(SourceFile {
            path: rel,
            bytes: read(&path)?,
        });
    }
    Ok(snapshot(
        files,
        "werkmap".to_string(),
        Place::Folder(root.to_path_buf()),
    ))
}

/// Read the manifest's files as they were at a git revision (tag, branch, commit).
pub fn read_revision(root: &Path, rev: &str) -> Result<Snapshot, SourceError> {
    let found = crate::source::git::read_revision(root, rev, CONTENT)?;
    let files = found
        .files
        .into_iter()
        .filter(|(path, _)| !path.rsplit('/').next().is_some_and(|n| n.starts_with('.')))
        .map(|(path, bytes)| SourceFile { path, bytes })
        .collect();
    Ok(snapshot(
        files,
        rev.to_string(),
        Place::Revision(found.paths),
    ))
}

impl Snapshot {
    /// Whether a repository-relative path (already normalised) names a file or folder.
    pub fn has_path(&self, rel: &str) -> bool {
        match &self.place {
            Place::Folder(root) => root.join(rel).exists(),
            Place::Revision(paths) => paths.contains(rel.trim_end_matches('/')),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discover_walks_up_to_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("manifest")).unwrap();
        fs::write(dir.path().join(MANIFEST_FILE), "title: x\n").unwrap();
        let deep = dir.path().join("cases/sub");
        fs::create_dir_all(&deep).unwrap();
        let found = discover(&deep).unwrap();
        assert_eq!(found, fs::canonicalize(dir.path()).unwrap());
    }

    #[test]
    fn discover_fails_outside_a_manifest() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            discover(dir.path()),
            Err(SourceError::NotFound { .. })
        ));
    }

    #[test]
    fn reads_sorted_content_and_skips_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["manifest/principles", "cases"] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        fs::write(root.join(MANIFEST_FILE), "title: x\n").unwrap();
        fs::write(root.join("cases/b.md"), "b").unwrap();
        fs::write(root.join("cases/a.md"), "a").unwrap();
        fs::write(root.join("cases/.gitkeep"), "").unwrap();
        let snap = read_worktree(root).unwrap();
        let paths: Vec<&str> = snap.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, vec![MANIFEST_FILE, "cases/a.md", "cases/b.md"]);
        assert!(snap.has_path("cases"));
        assert!(!snap.has_path("cases/c.md"));
    }
}
