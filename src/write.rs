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
}

/// Replace `path` with `bytes` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let tmp = complete_temporary(path, bytes)?;
    tmp.persist(path).map_err(|e| io(path, e.error))?;
    Ok(())
}

/// Create `path` with `bytes`, whole or not at all, only if nothing is there yet.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if path.exists() {
        return Err(WriteError::Exists {
            path: path.to_path_buf(),
        });
    }
    let tmp = complete_temporary(path, bytes)?;
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

/// A temporary file beside `path` holding all of `bytes`, synced, with the mode the
/// target should get.
fn complete_temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, WriteError> {
    let err = |source| io(path, source);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".kwaliteit-")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
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
    fn a_new_file_never_replaces_one_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("casus.md");
        write_new(&path, b"eerste").unwrap();
        let err = write_new(&path, b"tweede").unwrap_err();
        assert!(matches!(err, WriteError::Exists { .. }));
        assert_eq!(std::fs::read(&path).unwrap(), b"eerste");
    }
}
