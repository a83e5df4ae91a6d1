//! The one way files are written: whole or not at all. A temporary file in the
//! target's folder is renamed over it only when complete, so a failure or a kill
//! leaves the old file (or none) in place.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::source::dutch_io;

/// A file that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("kan `{}` niet schrijven: {}", path.display(), dutch_io(source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`{}` bestaat al en wordt niet overschreven", path.display())]
    Exists { path: PathBuf },
    #[error(
        "`{}` ligt tussen de bronbestanden van het manifest (`manifest/` of `cases/`); daar wordt niets geschreven\n  hulp: kies een andere map met `--out`, bijvoorbeeld `build`",
        path.display()
    )]
    OnSource { path: PathBuf },
}

/// Refuse an output path inside the manifest's own folders (`manifest/`, `cases/`), so
/// that no document ever replaces a source file or is read back as one. Links in the
/// part of the path that exists are resolved first.
pub fn refuse_sources(root: &Path, target: &Path) -> Result<(), WriteError> {
    let resolved = resolve(target);
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let source_dirs = [crate::model::CASES_DIR, "manifest"];
    if source_dirs
        .iter()
        .any(|d| resolved.starts_with(root.join(d)))
    {
        return Err(WriteError::OnSource {
            path: target.to_path_buf(),
        });
    }
    Ok(())
}

/// An absolute path with `.` and `..` taken out and the longest existing ancestor
/// canonicalized (symbolic links resolved).
fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute =
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path));
    let mut plain = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                plain.pop();
            }
            other => plain.push(other),
        }
    }
    let mut existing = plain.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = std::fs::canonicalize(&existing).unwrap_or(existing);
    out.extend(rest.iter().rev());
    out
}

/// Replace `path` with `bytes` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Replace `path` atomically with what `write` writes: a large document goes to the
/// file as it is made, never whole in memory beside its parts.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut Output) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let tmp = complete_temporary(path, write)?;
    tmp.persist(path).map_err(|e| io(path, e.error))?;
    Ok(())
}

/// Where a file's content is written: buffered, and seekable for the zip of a Word file.
pub type Output<'a> = std::io::BufWriter<&'a mut std::fs::File>;

/// Create `path` with `bytes`, whole or not at all, only if nothing is there yet.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if path.exists() {
        return Err(WriteError::Exists {
            path: path.to_path_buf(),
        });
    }
    let tmp = complete_temporary(path, |out| out.write_all(bytes))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            WriteError::Exists {
                path: path.to_path_buf(),
            }
        } else {
            io(path, e.error)
        }
    })?;
    Ok(())
}

fn io(path: &Path, source: std::io::Error) -> WriteError {
    WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Temporary files are named `.kwaliteit-…`; one that a killed run left behind (older
/// than a minute, so no other run is still writing it) is removed by the next write in
/// the same folder.
const TEMPORARY_PREFIX: &str = ".kwaliteit-";

fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let Some(cutoff) = std::time::SystemTime::now().checked_sub(std::time::Duration::from_secs(60))
    else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry
            .file_name()
            .to_string_lossy()
            .starts_with(TEMPORARY_PREFIX)
            && entry.file_type().is_ok_and(|t| t.is_file())
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < cutoff);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A temporary file beside `path` holding all that `write` wrote, synced, with the
/// mode the target should get.
fn complete_temporary(
    path: &Path,
    write: impl FnOnce(&mut Output) -> std::io::Result<()>,
) -> Result<tempfile::NamedTempFile, WriteError> {
    let err = |source| io(path, source);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    remove_stale_temporaries(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .tempfile_in(dir)
        .map_err(err)?;
    let mut out = std::io::BufWriter::new(tmp.as_file_mut());
    write(&mut out).map_err(err)?;
    out.flush().map_err(err)?;
    drop(out);
    tmp.as_file().sync_all().map_err(err)?;
    readable_by_all(tmp.as_file(), path).map_err(err)?;
    Ok(tmp)
}

/// Temporary files are private (0600); a document to publish is not. Keep the mode of a
/// file being replaced, otherwise make it readable by everyone (0644), as a plain write would.
pub fn readable_by_all(file: &std::fs::File, target: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (file, target);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uit/doc.html");
        write_atomically(&path, b"eerste").unwrap();
        write_atomically(&path, b"tweede").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"tweede");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("uit"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["doc.html"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644);
        }
    }

    #[test]
    fn a_write_that_fails_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.docx");
        write_atomically(&path, b"oud").unwrap();
        let err = write_atomically_with(&path, |out| {
            out.write_all(&[b'x'; 20_000])?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("kan `{}` niet schrijven: de schijf is vol", path.display())
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"oud");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_new_file_never_replaces_one_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("casus.md");
        write_new(&path, b"eerste").unwrap();
        let err = write_new(&path, b"tweede").unwrap_err();
        assert!(matches!(err, WriteError::Exists { .. }));
        assert_eq!(std::fs::read(&path).unwrap(), b"eerste");
    }

    #[test]
    fn outputs_never_land_between_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("manifest/principles")).unwrap();
        std::fs::create_dir_all(root.join("cases")).unwrap();
        for bad in [
            "cases/a.md",
            "manifest/manifest.yaml",
            "manifest/templates/document.html",
            "build/../cases/x.html",
            "manifest/nieuw/x.html",
        ] {
            assert!(
                matches!(
                    refuse_sources(root, &root.join(bad)),
                    Err(WriteError::OnSource { .. })
                ),
                "{bad}"
            );
        }
        for good in ["build/x.html", "uit/cases/x.html", "x.docx"] {
            assert!(refuse_sources(root, &root.join(good)).is_ok(), "{good}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("cases"), root.join("stiekem")).unwrap();
            assert!(refuse_sources(root, &root.join("stiekem/x.md")).is_err());
        }
    }

    #[test]
    fn a_stale_temporary_is_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".kwaliteit-abc123");
        std::fs::write(&stale, b"half").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let fresh = dir.path().join(".kwaliteit-def456");
        std::fs::write(&fresh, b"bezig").unwrap();
        write_atomically(&dir.path().join("doc.html"), b"klaar").unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists(), "a temporary of a run still writing stays");
    }
}
