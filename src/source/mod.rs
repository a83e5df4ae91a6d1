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
    /// Paths in the manifest's folders that are not read, and why.
    pub refused: Vec<Refusal>,
    place: Place,
}

/// A path in the manifest's folders that is not read: nothing outside the repository
/// is ever read, and nothing that is not a plain file or folder is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Relative to the repository root, `/` separated.
    pub path: String,
    pub kind: RefusalKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefusalKind {
    /// A symbolic link, dangling, looping or not: it is not followed.
    Symlink,
    /// A FIFO, socket or device.
    Special,
    /// A folder where a file belongs (`cases/x.md/`, `manifest/manifest.yaml/`).
    FolderNotFile,
    /// A file where a folder belongs (`cases` as a file).
    FileNotFolder,
}

#[derive(Debug)]
enum Place {
    Folder(PathBuf),
    Revision {
        paths: HashSet<String>,
        /// Plain files' object ids, by path, and the repository to read them from.
        blobs: std::collections::HashMap<String, String>,
        root: PathBuf,
    },
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
    #[error(
        "de revisie `{rev}` bevat geen `{MANIFEST_FILE}`\n  hulp: kies een revisie van na het begin van het manifest, of geef met `-C MAP` de map van het manifest aan"
    )]
    NoManifestAtRevision { rev: String },
}

/// The operating system's message in Dutch; kept here for the callers of `source`.
pub use crate::text::io::dutch_io;

/// Walk up from `start` to the folder that holds `manifest/manifest.yaml`, as git does for `.git`.
pub fn discover(start: &Path) -> Result<PathBuf, SourceError> {
    let start = fs::canonicalize(start).map_err(|source| SourceError::Io {
        path: start.to_path_buf(),
        source,
    })?;
    start
        .ancestors()
        // Present in any form: a manifest.yaml that is a link or a folder is reported
        // by `check`, not mistaken for no manifest at all.
        .find(|dir| fs::symlink_metadata(dir.join(MANIFEST_FILE)).is_ok())
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
        refused: Vec::new(),
        place,
    }
}

/// A version held in memory, as tests and fuzz targets build one: these files, their
/// folders, and nothing else.
pub fn from_files(files: Vec<SourceFile>, label: &str) -> Snapshot {
    let mut paths = HashSet::new();
    for f in &files {
        let mut path = f.path.as_str();
        paths.insert(path.to_string());
        while let Some((folder, _)) = path.rsplit_once('/') {
            paths.insert(folder.to_string());
            path = folder;
        }
    }
    snapshot(
        files,
        label.to_string(),
        Place::Revision {
            paths,
            blobs: std::collections::HashMap::new(),
            root: PathBuf::new(),
        },
    )
}

/// Read the manifest's files from the folder `root` (the work tree, or any folder).
/// Symbolic links are not followed and special files are not opened: each becomes a
/// [`Refusal`], so nothing outside `root` is read.
pub fn read_worktree(root: &Path) -> Result<Snapshot, SourceError> {
    read_worktree_with(root, |_| ()).map(|(snapshot, _)| snapshot)
}

/// Files handed to the work of [`read_worktree_with`] at a time: enough to be worth a
/// hand-over, few enough that the other cores start soon.
const CHUNK: usize = 256;

/// [`read_worktree`], with `work` done on the manifest's files (templates aside) in
/// contiguous chunks, on the other cores while this thread reads the next ones. The
/// results are in file order: chunk after chunk of the snapshot's `files`.
pub fn read_worktree_with<R: Send>(
    root: &Path,
    work: impl Fn(&[SourceFile]) -> R + Sync,
) -> Result<(Snapshot, Vec<R>), SourceError> {
    let read = |path: &Path| {
        fs::read(path).map_err(|source| SourceError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let mut refused = Vec::new();
    let mut files = Vec::new();
    let manifest_dir = root.join(MANIFEST_FILE).parent().map(Path::to_path_buf);
    let manifest_dir_is_link = manifest_dir
        .as_deref()
        .is_some_and(|d| fs::symlink_metadata(d).is_ok_and(|m| m.file_type().is_symlink()));
    if manifest_dir_is_link {
        refused.push(Refusal {
            path: "manifest".to_string(),
            kind: RefusalKind::Symlink,
        });
    } else {
        let path = root.join(MANIFEST_FILE);
        match refusal_of(&path, false) {
            Some(kind) => refused.push(Refusal {
                path: MANIFEST_FILE.to_string(),
                kind,
            }),
            None => files.push(SourceFile {
                path: MANIFEST_FILE.to_string(),
                bytes: read(&path)?,
            }),
        }
    }
    let mut content = Vec::new();
    for dir in [PRINCIPLES_DIR, ROUNDS_DIR, CASES_DIR, TEMPLATES_DIR] {
        if manifest_dir_is_link && dir.starts_with("manifest/") {
            continue;
        }
        let base = root.join(dir);
        match fs::symlink_metadata(&base) {
            Err(_) => continue,
            Ok(m) if m.file_type().is_symlink() => {
                refused.push(Refusal {
                    path: dir.to_string(),
                    kind: RefusalKind::Symlink,
                });
                continue;
            }
            Ok(m) if !m.is_dir() => {
                refused.push(Refusal {
                    path: dir.to_string(),
                    kind: RefusalKind::FileNotFolder,
                });
                continue;
            }
            Ok(_) => {}
        }
        let mut walker = walkdir::WalkDir::new(&base).into_iter();
        while let Some(entry) = walker.next() {
            let entry = entry.map_err(|e| SourceError::Io {
                path: e.path().map_or_else(|| base.clone(), Path::to_path_buf),
                source: e
                    .into_io_error()
                    .unwrap_or_else(|| io::Error::other("lus in symbolische links")),
            })?;
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if entry.depth() > 0 && hidden {
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
            let rel = relative(root, entry.path());
            let file_type = entry.file_type();
            let kind = if file_type.is_symlink() {
                Some(RefusalKind::Symlink)
            } else if file_type.is_dir() {
                let looks_like_file = entry.depth() > 0 && rel.ends_with(".md");
                looks_like_file.then_some(RefusalKind::FolderNotFile)
            } else if file_type.is_file() {
                None
            } else {
                Some(RefusalKind::Special)
            };
            match kind {
                Some(kind) => {
                    if file_type.is_dir() {
                        walker.skip_current_dir();
                    }
                    refused.push(Refusal { path: rel, kind });
                }
                None if file_type.is_file() => content.push((rel, entry.into_path())),
                None => {}
            }
        }
    }
    // Read in the order the snapshot keeps (manifest.yaml first, then by path), so
    // that each chunk is a run of its files; templates last, not part of the work.
    content.sort_by(|a, b| a.0.cmp(&b.0));
    let (templates, content): (Vec<_>, Vec<_>) =
        content.into_iter().partition(|(rel, _)| is_template(rel));
    let chunks = crate::parallel::while_producing(
        |give| {
            let mut chunk = std::mem::take(&mut files);
            for (rel, path) in content {
                if chunk.len() == CHUNK {
                    give(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)));
                }
                chunk.push(SourceFile {
                    path: rel,
                    bytes: read(&path)?,
                });
            }
            if !chunk.is_empty() {
                give(chunk);
            }
            Ok::<(), SourceError>(())
        },
        work,
    )?;
    let mut all = Vec::new();
    let mut results = Vec::with_capacity(chunks.len());
    for (files, result) in chunks {
        all.extend(files);
        results.push(result);
    }
    for (rel, path) in templates {
        all.push(SourceFile {
            path: rel,
            bytes: read(&path)?,
        });
    }
    let mut snapshot = snapshot(
        all,
        "de huidige versie".to_string(),
        Place::Folder(root.to_path_buf()),
    );
    refused.sort_by(|a, b| a.path.cmp(&b.path));
    snapshot.refused = refused;
    Ok((snapshot, results))
}

/// Why the file at `path` is not read, if it is not a plain file (links not followed).
fn refusal_of(path: &Path, folder_wanted: bool) -> Option<RefusalKind> {
    let meta = fs::symlink_metadata(path).ok()?;
    let t = meta.file_type();
    if t.is_symlink() {
        Some(RefusalKind::Symlink)
    } else if t.is_dir() {
        (!folder_wanted).then_some(RefusalKind::FolderNotFile)
    } else if t.is_file() {
        folder_wanted.then_some(RefusalKind::FileNotFolder)
    } else {
        Some(RefusalKind::Special)
    }
}

/// `root/cases/a.md` → `cases/a.md`, with `/` on every system.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Read the manifest's files as they were at a git revision (tag, branch, commit).
pub fn read_revision(root: &Path, rev: &str) -> Result<Snapshot, SourceError> {
    let found = crate::source::git::read_revision(root, rev, CONTENT)?;
    revision_snapshot(root, rev, found)
}

/// Two revisions, as [`read_revision`] reads one, with the files they share unpacked
/// once. The error is that of the first revision, in the order given, that fails.
pub fn read_revisions(root: &Path, revs: [&str; 2]) -> Result<[Snapshot; 2], SourceError> {
    let [a, b] = crate::source::git::read_revisions(root, revs, CONTENT)?;
    Ok([
        revision_snapshot(root, revs[0], a)?,
        revision_snapshot(root, revs[1], b)?,
    ])
}

fn revision_snapshot(
    root: &Path,
    rev: &str,
    found: crate::source::git::RevisionFiles,
) -> Result<Snapshot, SourceError> {
    if !found.paths.contains(MANIFEST_FILE) {
        return Err(SourceError::NoManifestAtRevision {
            rev: rev.to_string(),
        });
    }
    let hidden = |path: &str| path.rsplit('/').next().is_some_and(|n| n.starts_with('.'));
    // A folder named like a file: git lists the files inside it, which are not read.
    let folders_like_files: Vec<String> = found
        .files
        .iter()
        .filter_map(|(path, _)| {
            let mut parts: Vec<&str> = path.split('/').collect();
            parts.pop();
            let at = parts
                .iter()
                .position(|p| p.ends_with(".md") || *p == "manifest.yaml")?;
            Some(parts[..=at].join("/"))
        })
        .collect();
    let inside_refused = |path: &str| {
        folders_like_files.iter().any(|f| {
            path.strip_prefix(f.as_str())
                .is_some_and(|r| r.starts_with('/'))
        })
    };
    let mut refused: Vec<Refusal> = found
        .symlinks
        .iter()
        .map(|path| Refusal {
            path: path.clone(),
            kind: RefusalKind::Symlink,
        })
        .chain(folders_like_files.iter().map(|path| Refusal {
            path: path.clone(),
            kind: RefusalKind::FolderNotFile,
        }))
        .collect();
    refused.sort_by(|a, b| a.path.cmp(&b.path));
    refused.dedup();
    let files = found
        .files
        .into_iter()
        .filter(|(path, _)| !hidden(path) && !inside_refused(path))
        .map(|(path, bytes)| SourceFile { path, bytes })
        .collect();
    let place = Place::Revision {
        paths: found.paths,
        blobs: found.blobs,
        root: root.to_path_buf(),
    };
    let mut snapshot = snapshot(files, rev.to_string(), place);
    snapshot.refused = refused;
    Ok(snapshot)
}

impl Snapshot {
    /// Whether a repository-relative path (already normalised) names a file or folder.
    pub fn has_path(&self, rel: &str) -> bool {
        match &self.place {
            Place::Folder(root) => root.join(rel).exists(),
            Place::Revision { paths, .. } => paths.contains(rel.trim_end_matches('/')),
        }
    }

    /// One more file of this version, outside the manifest's folders (such as a logo),
    /// by its repository-relative path. `None` when there is no plain file there:
    /// a path that climbs out (`..`), a link anywhere on the way, a folder.
    pub fn read_extra(&self, rel: &str) -> Option<Vec<u8>> {
        let parts: Vec<&str> = rel.split('/').collect();
        let plain = !rel.is_empty()
            && !rel.contains('\\')
            && parts
                .iter()
                .all(|p| !p.is_empty() && *p != "." && *p != ".." && !p.contains(':'));
        if !plain {
            return None;
        }
        // Read as the texts' images are: plain files through plain folders, from the
        // work tree or from the revision's own objects.
        self.read_other_files(&[rel.to_string()]).pop().flatten()
    }

    /// The bytes of other files of the repository (images), by repository-relative
    /// path (already normalised, never climbing out), in order: `None` for a path that
    /// is missing or not a plain file. As for the manifest's own files, links are
    /// not followed, nor any folder on the way that is a link, so nothing outside
    /// the repository is read; at a revision, the files are as git stored them.
    pub fn read_other_files(&self, rels: &[String]) -> Vec<Option<Vec<u8>>> {
        match &self.place {
            Place::Folder(root) => rels.iter().map(|rel| read_plain(root, rel)).collect(),
            Place::Revision { blobs, root, .. } => {
                let wanted: Vec<(String, String)> = rels
                    .iter()
                    .filter_map(|rel| Some((rel.clone(), blobs.get(rel)?.clone())))
                    .collect();
                // git fails only when the repository broke since it was listed.
                let mut read = crate::source::git::read_blobs(root, &wanted)
                    .unwrap_or_default()
                    .into_iter();
                rels.iter()
                    .map(|rel| blobs.contains_key(rel).then(|| read.next()).flatten())
                    .collect()
            }
        }
    }
}

/// A plain file under `root`, reached through plain folders only.
fn read_plain(root: &Path, rel: &str) -> Option<Vec<u8>> {
    let mut path = root.to_path_buf();
    for part in rel.split('/') {
        if matches!(part, "" | "." | "..") {
            return None;
        }
        path.push(part);
        if fs::symlink_metadata(&path).ok()?.file_type().is_symlink() {
            return None;
        }
    }
    fs::symlink_metadata(&path)
        .ok()
        .filter(fs::Metadata::is_file)?;
    fs::read(&path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discover_walks_up_to_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("manifest")).unwrap();
        fs::write(dir.path().join(MANIFEST_FILE), "titel: x\n").unwrap();
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
        fs::write(root.join(MANIFEST_FILE), "titel: x\n").unwrap();
        fs::write(root.join("cases/b.md"), "b").unwrap();
        fs::write(root.join("cases/a.md"), "a").unwrap();
        fs::write(root.join("cases/.gitkeep"), "").unwrap();
        let snap = read_worktree(root).unwrap();
        let paths: Vec<&str> = snap.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, vec![MANIFEST_FILE, "cases/a.md", "cases/b.md"]);
        assert!(snap.has_path("cases"));
        assert!(!snap.has_path("cases/c.md"));
    }

    /// The work gets every manifest file once, in runs of the snapshot's order, while
    /// templates stay out of it; so a loader can join its parts in file order.
    #[test]
    fn work_on_chunks_follows_the_snapshot_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["manifest/principles", "cases", TEMPLATES_DIR] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        fs::write(root.join(MANIFEST_FILE), "titel: x\n").unwrap();
        // Written in an order unlike the sorted one, more than two chunks' worth.
        for i in (0..2 * CHUNK + 30).rev() {
            let folder = if i % 3 == 0 {
                "manifest/principles"
            } else {
                "cases"
            };
            fs::write(root.join(format!("{folder}/{i:04}.md")), "x").unwrap();
        }
        fs::write(root.join(TEMPLATES_DIR).join("brief.md"), "t").unwrap();
        let (snap, chunks) = read_worktree_with(root, |part| {
            part.iter().map(|f| f.path.clone()).collect::<Vec<_>>()
        })
        .unwrap();
        assert!(chunks.len() >= 3);
        assert!(chunks.iter().all(|c| c.len() <= CHUNK));
        let worked: Vec<String> = chunks.concat();
        let files: Vec<String> = snap.files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(worked, files);
        assert_eq!(worked[0], MANIFEST_FILE);
        assert_eq!(snap.templates.len(), 1);
        assert_eq!(read_worktree(root).unwrap().files.len(), files.len());
    }

    /// Nothing that is not a plain file is opened, so nothing hangs on a FIFO and
    /// nothing outside the folder is read; each such path is reported once.
    #[cfg(unix)]
    #[test]
    fn links_and_special_files_are_refused_not_read() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("manifest/principles")).unwrap();
        fs::create_dir_all(root.join("cases/oud.md")).unwrap();
        fs::write(root.join(MANIFEST_FILE), "titel: x\n").unwrap();
        fs::write(root.join("manifest/rounds"), "geen map").unwrap();
        symlink("/etc/passwd", root.join("manifest/principles/01-a.md")).unwrap();
        symlink("nergens.md", root.join("cases/weg.md")).unwrap();
        symlink("lus.md", root.join("cases/lus.md")).unwrap();
        let fifo = root.join("cases/pijp.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let snap = read_worktree(root).unwrap();
        let paths: Vec<&str> = snap.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, vec![MANIFEST_FILE]);
        let mut expected = vec![
            ("cases/lus.md", RefusalKind::Symlink),
            ("cases/oud.md", RefusalKind::FolderNotFile),
            ("cases/weg.md", RefusalKind::Symlink),
            ("manifest/principles/01-a.md", RefusalKind::Symlink),
            ("manifest/rounds", RefusalKind::FileNotFolder),
        ];
        if made.is_ok_and(|s| s.success()) {
            expected.insert(2, ("cases/pijp.md", RefusalKind::Special));
        }
        let refused: Vec<(&str, RefusalKind)> = snap
            .refused
            .iter()
            .map(|r| (r.path.as_str(), r.kind))
            .collect();
        assert_eq!(refused, expected);
    }

    /// A file outside the manifest's folders (a logo) is read only as a plain file
    /// inside the repository: no climbing out, no links, no folders.
    #[cfg(unix)]
    #[test]
    fn extra_files_are_plain_files_inside_the_repository() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("raad");
        fs::create_dir_all(root.join("manifest/beeld")).unwrap();
        fs::write(root.join(MANIFEST_FILE), "titel: x\n").unwrap();
        fs::write(root.join("manifest/beeld/logo.png"), b"png").unwrap();
        fs::write(dir.path().join("buiten.png"), b"buiten").unwrap();
        symlink("beeld/logo.png", root.join("manifest/link.png")).unwrap();
        symlink(root.join("manifest/beeld"), root.join("manifest/map")).unwrap();
        let snap = read_worktree(&root).unwrap();
        assert_eq!(
            snap.read_extra("manifest/beeld/logo.png"),
            Some(b"png".to_vec())
        );
        for refused in [
            "../buiten.png",
            "manifest/../../buiten.png",
            "/etc/passwd",
            "manifest/link.png",
            "manifest/map/logo.png",
            "manifest/beeld",
            "manifest/beeld/weg.png",
            "",
        ] {
            assert_eq!(snap.read_extra(refused), None, "{refused}");
        }
    }

    /// At a revision the file is read as it was then, not as it is now.
    #[test]
    fn extra_files_are_read_at_the_revision() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let git = |args: &[&str]| {
            let out = std::process::Command::new("git")
                .arg("-C")
                .arg(root)
                .args(["-c", "commit.gpgsign=false", "-c", "gc.auto=0"])
                .args(args)
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("GIT_CONFIG_GLOBAL", root.join("geen-gitconfig"))
                .env("GIT_AUTHOR_NAME", "Secretaris")
                .env("GIT_AUTHOR_EMAIL", "secretaris@example.org")
                .env("GIT_COMMITTER_NAME", "Secretaris")
                .env("GIT_COMMITTER_EMAIL", "secretaris@example.org")
                .env_remove("GIT_DIR")
                .env_remove("GIT_WORK_TREE")
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
        };
        fs::create_dir_all(root.join("manifest")).unwrap();
        fs::write(root.join(MANIFEST_FILE), "titel: x\n").unwrap();
        fs::write(root.join("manifest/logo.png"), b"toen").unwrap();
        git(&["init", "-q"]);
        git(&["add", "-A"]);
        git(&["commit", "-q", "-m", "eerste"]);
        fs::write(root.join("manifest/logo.png"), b"nu").unwrap();
        let snap = read_revision(root, "HEAD").unwrap();
        assert_eq!(snap.read_extra("manifest/logo.png"), Some(b"toen".to_vec()));
        assert_eq!(snap.read_extra("manifest/weg.png"), None);
        assert_eq!(snap.read_extra("../logo.png"), None);
    }
}
