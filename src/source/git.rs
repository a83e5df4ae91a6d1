//! Reading the manifest's files at a git revision, by calling the `git` program.
//!
//! No git library: `git` is on every machine that has the repository, needs no C
//! build and understands every repository layout (worktrees, partial clones,
//! SHA-256, alternates). To stay fast on large trees we start a fixed number of
//! processes, never one per file:
//!
//! 1. `git rev-parse --show-prefix --verify --quiet REV^{commit}`: where the
//!    manifest root sits in the work tree, and the commit the revision names;
//! 2. `git ls-tree -r -t -z --full-tree COMMIT`: every path at that commit;
//! 3. `git cat-file --batch`: the contents of all wanted blobs, in one stream; two
//!    processes at once for many blobs, each taking half. Two revisions read together
//!    ([`read_revisions`]) are listed first, and a blob they share is read once.
//!
//! Only when a revision is unknown does a fourth call ask whether the clone is
//! shallow, so that the message can say how to fetch the missing history.

use std::collections::HashSet;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;

/// The manifest's files at one git revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevisionFiles {
    /// Files under the given folders (plus single files), sorted by path; the path is
    /// relative to the manifest root (`repo`) with `/`, the bytes are as stored in git.
    pub files: Vec<(String, Vec<u8>)>,
    /// Wanted paths that are symbolic links (mode 120000): never read, never followed.
    pub symlinks: Vec<String>,
    /// Every path (files and folders) in the whole tree at that revision, for link checking.
    ///
    /// Relative to the manifest root, like `files`; paths outside the manifest root
    /// are left out, because a link that climbs out of the root is an error anyway.
    pub paths: HashSet<String>,
    /// The full commit id the revision resolved to.
    pub commit: String,
    /// The object id of every plain file (not a link, not a submodule) in the tree,
    /// by path like `paths`: other files (images) are read later, by [`read_blobs`].
    pub blobs: std::collections::HashMap<String, String>,
}

/// Why a revision could not be read. Every message is Dutch and ends in a hint.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "het programma `git` is niet gevonden\n  hulp: installeer git (https://git-scm.com/downloads) en zorg dat het in het zoekpad (PATH) staat, of vergelijk twee mappen in plaats van revisies"
    )]
    NotInstalled,
    #[error(
        "{} is geen git-repository\n  hulp: gebruik een map in plaats van een revisie, of kies met `-C MAP` een manifest dat in een git-repository staat (een nieuwe maakt u met `git init`)",
        dir.display()
    )]
    NotARepository { dir: PathBuf },
    #[error("de revisie `{rev}` bestaat niet in deze repository\n  hulp: {}", unknown_revision_help(*shallow))]
    UnknownRevision {
        rev: String,
        /// The clone is shallow, so the revision may exist upstream but not here.
        shallow: bool,
    },
    #[error(
        "git meldt een fout bij `git {command}`: {message}\n  hulp: los op wat git hierboven meldt en probeer het opnieuw"
    )]
    Failed { command: String, message: String },
    #[error(
        "kan `git` niet uitvoeren: {}\n  hulp: controleer met `git --version` of git werkt",
        super::dutch_io(source)
    )]
    Io { source: io::Error },
}

fn unknown_revision_help(shallow: bool) -> String {
    let mut help = String::from(
        "bekijk welke rondes er zijn met `git tag --list` (en de branches met `git branch --all`)",
    );
    if shallow {
        help.push_str(
            "; deze repository is een onvolledige (shallow) kloon zonder de oudere geschiedenis: \
             haal die op met `git fetch --unshallow --tags`, of zet in GitHub Actions \
             `fetch-depth: 0` bij `actions/checkout`",
        );
    }
    help
}

/// Whether `dir` lies inside the work tree of a git repository (false if git is missing).
pub fn is_git_repo(dir: &Path) -> bool {
    let mut cmd = git(dir);
    cmd.args(["rev-parse", "--is-inside-work-tree"]);
    matches!(output(cmd), Ok(out) if out.status.success() && out.stdout.trim_ascii() == b"true")
}

/// Where `dir` lies within its git work tree, as `raad/` (empty at the top, or outside
/// git): prefixed to paths in machine output, so annotations land on the right file.
pub fn prefix(dir: &Path) -> String {
    let mut cmd = git(dir);
    cmd.args(["rev-parse", "--show-prefix"]);
    match output(cmd) {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        _ => String::new(),
    }
}

/// The full commit id that `rev` (tag, branch, commit id, `HEAD~1`, ...) names in `repo`.
pub fn resolve(repo: &Path, rev: &str) -> Result<String, GitError> {
    locate(repo, rev).map(|(_, commit)| commit)
}

/// Read the files under `wanted` (folders or single files, relative to `repo`) as
/// they were at revision `rev`. `repo` is the manifest root; it may be a subfolder
/// of the work tree, and all paths returned are relative to it. `"."` wants
/// everything; an empty `wanted` reads no file, only `paths`.
pub fn read_revision(repo: &Path, rev: &str, wanted: &[&str]) -> Result<RevisionFiles, GitError> {
    let listed = list(repo, rev, wanted)?;
    let contents = cat_blobs(repo, &listed.wanted)?;
    Ok(listed.with(contents))
}

/// Two revisions at once, as [`read_revision`] reads one. A file that is the same in
/// both (most are, between two rounds) is unpacked by git once, not twice. The error
/// is that of the first revision, in the order given, that cannot be read.
pub fn read_revisions(
    repo: &Path,
    revs: [&str; 2],
    wanted: &[&str],
) -> Result<[RevisionFiles; 2], GitError> {
    let a = list(repo, revs[0], wanted)?;
    let b = list(repo, revs[1], wanted)?;
    let mut union: Vec<(String, String)> = Vec::with_capacity(a.wanted.len() + b.wanted.len() / 8);
    let mut seen = HashSet::with_capacity(a.wanted.len());
    for (path, oid) in a.wanted.iter().chain(&b.wanted) {
        if seen.insert(oid.as_str()) {
            union.push((path.clone(), oid.clone()));
        }
    }
    let contents = cat_blobs(repo, &union)?;
    let mut by_oid: std::collections::HashMap<String, Vec<u8>> = union
        .into_iter()
        .map(|(_, oid)| oid)
        .zip(contents)
        .collect();
    // Every file takes a copy, except the last to use a blob, which takes it.
    let mut uses: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, oid) in a.wanted.iter().chain(&b.wanted) {
        *uses.entry(oid.as_str()).or_default() += 1;
    }
    let mut take = |oid: &str| -> Vec<u8> {
        let left = uses.get_mut(oid).map_or(0, |n| {
            *n -= 1;
            *n
        });
        if left == 0 {
            by_oid.remove(oid).unwrap_or_default()
        } else {
            by_oid.get(oid).cloned().unwrap_or_default()
        }
    };
    let a_contents: Vec<Vec<u8>> = a.wanted.iter().map(|(_, oid)| take(oid)).collect();
    let b_contents: Vec<Vec<u8>> = b.wanted.iter().map(|(_, oid)| take(oid)).collect();
    Ok([a.with(a_contents), b.with(b_contents)])
}

/// A revision's tree, listed but not yet read: the wanted blobs as (path, oid).
struct Listed {
    wanted: Vec<(String, String)>,
    symlinks: Vec<String>,
    paths: HashSet<String>,
    commit: String,
    blobs: std::collections::HashMap<String, String>,
}

impl Listed {
    /// The listing with the contents of its wanted blobs, in the same order.
    fn with(self, contents: Vec<Vec<u8>>) -> RevisionFiles {
        let files = self
            .wanted
            .into_iter()
            .zip(contents)
            .map(|((path, _), bytes)| (path, bytes))
            .collect();
        RevisionFiles {
            files,
            symlinks: self.symlinks,
            paths: self.paths,
            commit: self.commit,
            blobs: self.blobs,
        }
    }
}

/// The paths and object ids at `rev`, from `rev-parse` and `ls-tree`.
fn list(repo: &Path, rev: &str, wanted: &[&str]) -> Result<Listed, GitError> {
    let (prefix, commit) = locate(repo, rev)?;

    let mut cmd = git(repo);
    cmd.args(["ls-tree", "-r", "-t", "-z", "--full-tree", &commit]);
    let listing = run(repo, cmd, "ls-tree")?;

    let wanted: Vec<&str> = wanted.iter().map(|w| normalise(w)).collect();
    let mut paths = HashSet::new();
    let mut blobs: Vec<(String, String)> = Vec::new();
    let mut symlinks = Vec::new();
    let mut all_blobs = std::collections::HashMap::new();
    for record in listing.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let entry = parse_ls_tree(record).ok_or_else(|| GitError::Failed {
            command: "ls-tree".into(),
            message: format!(
                "onverwachte uitvoer `{}`",
                String::from_utf8_lossy(record).escape_debug()
            ),
        })?;
        // Paths are bytes in git; a file whose name is not UTF-8 is still read,
        // with U+FFFD in its name.
        let full = String::from_utf8_lossy(entry.path);
        let Some(rel) = full.strip_prefix(prefix.as_str()) else {
            continue;
        };
        if rel.is_empty() {
            continue;
        }
        paths.insert(rel.to_string());
        if entry.kind == b"blob" && entry.mode != b"120000" {
            all_blobs.insert(
                rel.to_string(),
                String::from_utf8_lossy(entry.oid).into_owned(),
            );
        }
        // Only blobs have content to read: trees are folders (listed in `paths`
        // only), and `commit` entries are submodules, whose content lives in
        // another repository. Symlinks (mode 120000) are blobs too, but are not read:
        // the work tree does not follow them either.
        if entry.kind == b"blob" && entry.mode == b"120000" && is_wanted(rel, &wanted) {
            symlinks.push(rel.to_string());
        } else if entry.kind == b"blob" && is_wanted(rel, &wanted) {
            blobs.push((
                rel.to_string(),
                String::from_utf8_lossy(entry.oid).into_owned(),
            ));
        }
    }
    // git sorts a folder as if its name ended in '/', so `a-b` comes after `a/x`;
    // callers want plain string order, the same as for the work tree.
    blobs.sort();
    symlinks.sort();
    Ok(Listed {
        wanted: blobs,
        symlinks,
        paths,
        commit,
        blobs: all_blobs,
    })
}

/// The contents of `(path, object id)` pairs from [`RevisionFiles::blobs`], in order.
pub fn read_blobs(repo: &Path, blobs: &[(String, String)]) -> Result<Vec<Vec<u8>>, GitError> {
    cat_blobs(repo, blobs)
}

/// A `git` command for `repo` whose output does not depend on the user's
/// language, pager or quoting settings, and that never waits for a password.
fn git(repo: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(repo)
        .args([
            "--no-pager",
            "-c",
            "core.quotePath=false",
            "-c",
            "color.ui=never",
        ])
        // English messages, so that "not a git repository" can be recognised.
        .env("LC_ALL", "C")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        // `-C repo` must pick the repository, also when we run inside a git hook,
        // which sets these for the repository of the hook.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(Stdio::null());
    cmd
}

/// Run `cmd` to completion, capturing its output.
fn output(mut cmd: Command) -> Result<Output, GitError> {
    cmd.output().map_err(spawn_error)
}

fn spawn_error(source: io::Error) -> GitError {
    if source.kind() == io::ErrorKind::NotFound {
        GitError::NotInstalled
    } else {
        GitError::Io { source }
    }
}

/// Run `cmd`; its stdout on success, otherwise a [`GitError`] built from stderr.
fn run(repo: &Path, cmd: Command, name: &str) -> Result<Vec<u8>, GitError> {
    let out = output(cmd)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(failure(repo, name, &out.stderr, out.status))
    }
}

fn failure(repo: &Path, name: &str, stderr: &[u8], status: std::process::ExitStatus) -> GitError {
    let text = String::from_utf8_lossy(stderr);
    let text = text.trim();
    if text.contains("not a git repository") {
        return GitError::NotARepository {
            dir: repo.to_path_buf(),
        };
    }
    let message = if text.is_empty() {
        format!("git stopte zonder uitleg ({status})")
    } else {
        text.to_string()
    };
    GitError::Failed {
        command: name.to_string(),
        message,
    }
}

/// The manifest root's place in the work tree (`""` or `"sub/dir/"`) and the
/// commit `rev` names, from a single `git rev-parse`.
fn locate(repo: &Path, rev: &str) -> Result<(String, String), GitError> {
    // A revision starting with '-' would be read as an option of rev-parse
    // (`--end-of-options` is too new to rely on); no tag or branch starts so.
    if rev.is_empty() || rev.starts_with('-') {
        return Err(GitError::UnknownRevision {
            rev: rev.to_string(),
            shallow: false,
        });
    }
    let mut cmd = git(repo);
    cmd.args(["rev-parse", "--show-prefix", "--verify", "--quiet"])
        .arg(format!("{rev}^{{commit}}"));
    let out = output(cmd)?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = stdout.lines();
    let prefix = lines.next().unwrap_or("").to_string();
    let commit = lines.next().unwrap_or("").trim().to_string();
    if out.status.success() && !commit.is_empty() {
        return Ok((prefix, commit));
    }
    // With `--verify --quiet` an unknown revision (or one that is no commit,
    // such as a tree id) exits with 1; every other failure (not a repository,
    // dubious ownership, a missing folder) is fatal, exit code 128.
    if out.status.code() == Some(1) {
        return Err(GitError::UnknownRevision {
            rev: rev.to_string(),
            shallow: is_shallow(repo),
        });
    }
    Err(failure(repo, "rev-parse", &out.stderr, out.status))
}

fn is_shallow(repo: &Path) -> bool {
    let mut cmd = git(repo);
    cmd.args(["rev-parse", "--is-shallow-repository"]);
    matches!(output(cmd), Ok(out) if out.stdout.trim_ascii() == b"true")
}

struct TreeEntry<'a> {
    mode: &'a [u8],
    kind: &'a [u8],
    oid: &'a [u8],
    path: &'a [u8],
}

/// One `-z` record of `git ls-tree`: `<mode> SP <type> SP <oid> TAB <path>`.
fn parse_ls_tree(record: &[u8]) -> Option<TreeEntry<'_>> {
    let tab = record.iter().position(|&b| b == b'\t')?;
    let (meta, path) = (&record[..tab], &record[tab + 1..]);
    let mut fields = meta.split(|&b| b == b' ');
    let mode = fields.next()?;
    let kind = fields.next()?;
    let oid = fields.next()?;
    Some(TreeEntry {
        mode,
        kind,
        oid,
        path,
    })
}

/// `./cases/` and `cases` name the same folder; `.` and `` the whole root.
fn normalise(wanted: &str) -> &str {
    let mut w = wanted;
    while let Some(rest) = w.strip_prefix("./") {
        w = rest;
    }
    let w = w.trim_end_matches('/');
    if w == "." { "" } else { w }
}

fn is_wanted(path: &str, wanted: &[&str]) -> bool {
    wanted.iter().any(|w| {
        w.is_empty()
            || path == *w
            || (path.starts_with(w) && path.as_bytes().get(w.len()) == Some(&b'/'))
    })
}

/// The contents of `blobs` (path, oid), in order. Unpacking is git's work and takes
/// one core per process: many blobs are read by two `git cat-file` at once, each
/// taking half of the list.
fn cat_blobs(repo: &Path, blobs: &[(String, String)]) -> Result<Vec<Vec<u8>>, GitError> {
    if blobs.len() < BLOBS_FOR_TWO_PROCESSES {
        return cat_blobs_in_one(repo, blobs);
    }
    let (first, second) = blobs.split_at(blobs.len() / 2);
    let (first, second) = crate::parallel::both(
        || cat_blobs_in_one(repo, first),
        || cat_blobs_in_one(repo, second),
    );
    let mut contents = first?;
    contents.extend(second?);
    Ok(contents)
}

/// Below this, a second process costs more to start than it saves.
const BLOBS_FOR_TWO_PROCESSES: usize = 512;

/// The contents of `blobs` (path, oid), in order, from one `git cat-file --batch`.
fn cat_blobs_in_one(repo: &Path, blobs: &[(String, String)]) -> Result<Vec<Vec<u8>>, GitError> {
    if blobs.is_empty() {
        return Ok(Vec::new());
    }
    let mut cmd = git(repo);
    cmd.args(["cat-file", "--batch", "--buffer"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(spawn_error)?;

    // Write the ids from a thread while this one reads: git's output for many
    // blobs would fill the pipe and block it before it has read all our input.
    let mut input = String::with_capacity(blobs.len() * 41);
    for (_, oid) in blobs {
        input.push_str(oid);
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A write error means git stopped early; its stderr explains why.
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let errors = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let stdout = child.stdout.take().expect("stdout is piped");
    // `read_batch` owns stdout and closes it when it returns, also on an early
    // error; git then stops on a broken pipe, so the writer cannot hang on a
    // full pipe and the joins below always finish.
    let read = read_batch(BufReader::with_capacity(1 << 16, stdout), blobs);

    let _ = writer.join();
    let stderr = errors.join().unwrap_or_default();
    let status = child.wait().map_err(|source| GitError::Io { source })?;
    match read {
        Ok(contents) if status.success() => Ok(contents),
        // Our own complaint when git had none (it died of the pipe we closed) ...
        Err(err) if stderr.trim_ascii().is_empty() => Err(err),
        // ... otherwise git's, which says more than our half-read stream.
        _ => Err(failure(repo, "cat-file", &stderr, status)),
    }
}

/// Parse `<oid> SP blob SP <size> LF <content> LF` records, one per blob asked for.
fn read_batch(mut out: impl BufRead, blobs: &[(String, String)]) -> Result<Vec<Vec<u8>>, GitError> {
    let bad = |message: String| GitError::Failed {
        command: "cat-file --batch".into(),
        message,
    };
    let io = |source| GitError::Io { source };
    let mut contents = Vec::with_capacity(blobs.len());
    let mut header = Vec::new();
    for (path, oid) in blobs {
        header.clear();
        out.read_until(b'\n', &mut header).map_err(io)?;
        let line = String::from_utf8_lossy(&header);
        let line = line.trim_end();
        if line.is_empty() {
            return Err(bad(format!("git stopte voordat {path} gelezen was")));
        }
        let fields: Vec<&str> = line.split(' ').collect();
        let size = match fields.as_slice() {
            [got, "blob", size] if got == oid => size.parse::<usize>().ok(),
            _ => None,
        };
        let Some(size) = size else {
            return Err(bad(format!(
                "kan {path} (object {oid}) niet lezen: git antwoordde `{line}`"
            )));
        };
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes).map_err(io)?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline).map_err(io)?;
        contents.push(bytes);
    }
    Ok(contents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// Run git for a test fixture, isolated from the tester's own configuration
    /// (signing, hooks, default branch) so the fixture is the same everywhere.
    fn sh(dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "init.defaultBranch=main"])
            .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
            // No background `gc --auto` racing the test (or the timing) after a big commit.
            .args(["-c", "gc.auto=0"])
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", dir.join("no-such-gitconfig"))
            .env("GIT_AUTHOR_NAME", "Secretaris")
            .env("GIT_AUTHOR_EMAIL", "secretaris@example.org")
            .env("GIT_COMMITTER_NAME", "Secretaris")
            .env("GIT_COMMITTER_EMAIL", "secretaris@example.org")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn write(root: &Path, rel: &str, bytes: &[u8]) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    const WANTED: &[&str] = &["manifest/manifest.yaml", "manifest/principles", "cases"];

    /// A repository with two commits: `ronde-2015` (annotated tag) and HEAD,
    /// which renames a case, changes a principle and adds a file.
    fn fixture() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        sh(root, &["init", "-q"]);
        write(root, "manifest/manifest.yaml", b"titel: Manifest\n");
        write(root, "manifest/principles/01-a.md", b"eerste versie\n");
        write(root, "cases/oud.md", b"het verhaal\n");
        write(root, "cases/latin1.md", b"caf\xe9 \xff\n");
        write(root, "README.md", b"niet gevraagd\n");
        sh(root, &["add", "-A"]);
        sh(root, &["commit", "-q", "-m", "ronde 2015"]);
        sh(root, &["tag", "-a", "ronde-2015", "-m", "Ronde 2015"]);
        sh(root, &["mv", "cases/oud.md", "cases/nieuw.md"]);
        write(root, "manifest/principles/01-a.md", b"tweede versie\n");
        write(root, "manifest/principles/02-b.md", b"nieuw\n");
        sh(root, &["add", "-A"]);
        sh(root, &["commit", "-q", "-m", "ronde 2016"]);
        dir
    }

    fn names(r: &RevisionFiles) -> Vec<&str> {
        r.files.iter().map(|(p, _)| p.as_str()).collect()
    }

    fn content<'a>(r: &'a RevisionFiles, path: &str) -> &'a [u8] {
        &r.files.iter().find(|(p, _)| p == path).unwrap().1
    }

    /// Enough files for two `cat-file` processes, many of them alike (within one
    /// revision and between the two): read together, each revision is as read alone.
    #[test]
    fn two_revisions_read_together_are_as_read_one_by_one() {
        let dir = fixture();
        let root = dir.path();
        for i in 0..BLOBS_FOR_TWO_PROCESSES + 100 {
            let text = format!("verhaal {}\n", i % 300);
            write(root, &format!("cases/n{i:04}.md"), text.as_bytes());
        }
        write(root, "cases/kopie.md", b"het verhaal\n");
        sh(root, &["add", "-A"]);
        sh(root, &["commit", "-q", "-m", "veel casussen"]);
        let alone = |rev: &str| read_revision(root, rev, WANTED).unwrap();
        let [old, new] = read_revisions(root, ["ronde-2015", "HEAD"], WANTED).unwrap();
        assert_eq!(old, alone("ronde-2015"));
        assert_eq!(new, alone("HEAD"));
        assert_eq!(content(&new, "cases/n0000.md"), b"verhaal 0\n");
        assert_eq!(content(&new, "cases/n0300.md"), b"verhaal 0\n");
        assert_eq!(content(&new, "cases/n0599.md"), b"verhaal 299\n");
        assert_eq!(
            content(&new, "cases/kopie.md"),
            content(&old, "cases/oud.md")
        );
        // Either revision unknown: its error, the first named first.
        let err = read_revisions(root, ["HEAD", "ronde-1999"], WANTED).unwrap_err();
        assert!(matches!(err, GitError::UnknownRevision { rev, .. } if rev == "ronde-1999"));
    }

    #[test]
    fn reads_an_annotated_tag_as_its_commit() {
        let dir = fixture();
        let r = read_revision(dir.path(), "ronde-2015", WANTED).unwrap();
        assert_eq!(
            names(&r),
            [
                "cases/latin1.md",
                "cases/oud.md",
                "manifest/manifest.yaml",
                "manifest/principles/01-a.md"
            ]
        );
        assert_eq!(
            content(&r, "manifest/principles/01-a.md"),
            b"eerste versie\n"
        );
        assert_eq!(
            r.commit,
            sh(dir.path(), &["rev-parse", "ronde-2015^{commit}"])
        );
        assert_ne!(r.commit, sh(dir.path(), &["rev-parse", "ronde-2015"]));
    }

    #[test]
    fn reads_a_branch_a_commit_id_and_a_relative_revision() {
        let dir = fixture();
        let head = sh(dir.path(), &["rev-parse", "HEAD"]);
        let first = sh(dir.path(), &["rev-parse", "HEAD~1"]);
        for (rev, commit) in [("main", &head), (head.as_str(), &head), ("HEAD~1", &first)] {
            let r = read_revision(dir.path(), rev, WANTED).unwrap();
            assert_eq!(&r.commit, commit, "{rev}");
        }
        let short = &first[..7];
        assert_eq!(resolve(dir.path(), short).unwrap(), first);
        let r = read_revision(dir.path(), "main", WANTED).unwrap();
        assert_eq!(
            content(&r, "manifest/principles/01-a.md"),
            b"tweede versie\n"
        );
    }

    #[test]
    fn reads_only_wanted_folders_and_single_files() {
        let dir = fixture();
        let r = read_revision(dir.path(), "HEAD", &["./cases/", "manifest/manifest.yaml"]).unwrap();
        assert_eq!(
            names(&r),
            [
                "cases/latin1.md",
                "cases/nieuw.md",
                "manifest/manifest.yaml"
            ]
        );
        // A prefix of a name is not a folder.
        let r = read_revision(dir.path(), "HEAD", &["manifest/manifest.ya", "case"]).unwrap();
        assert!(r.files.is_empty());
        // Everything else is still known as a path, folders included.
        for p in [
            "README.md",
            "manifest",
            "manifest/principles",
            "cases/nieuw.md",
        ] {
            assert!(r.paths.contains(p), "{p}");
        }
        assert!(!r.paths.contains(""));
    }

    #[test]
    fn keeps_bytes_that_are_not_utf8() {
        let dir = fixture();
        let r = read_revision(dir.path(), "HEAD", WANTED).unwrap();
        assert_eq!(content(&r, "cases/latin1.md"), b"caf\xe9 \xff\n");
    }

    #[test]
    fn follows_a_rename_between_revisions() {
        let dir = fixture();
        let old = read_revision(dir.path(), "ronde-2015", WANTED).unwrap();
        let new = read_revision(dir.path(), "HEAD", WANTED).unwrap();
        assert!(old.paths.contains("cases/oud.md") && !old.paths.contains("cases/nieuw.md"));
        assert!(new.paths.contains("cases/nieuw.md") && !new.paths.contains("cases/oud.md"));
        assert_eq!(
            content(&old, "cases/oud.md"),
            content(&new, "cases/nieuw.md")
        );
        assert!(!old.paths.contains("manifest/principles/02-b.md"));
    }

    #[test]
    fn sorts_by_path_not_by_git_tree_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        sh(root, &["init", "-q"]);
        // git lists `a-b.md` after the folder `a` (as if it were `a/`).
        write(root, "cases/a-b.md", b"1");
        write(root, "cases/a/x.md", b"2");
        write(root, "cases/a.md", b"3");
        sh(root, &["add", "-A"]);
        sh(root, &["commit", "-q", "-m", "x"]);
        let r = read_revision(root, "HEAD", &["cases"]).unwrap();
        assert_eq!(names(&r), ["cases/a-b.md", "cases/a.md", "cases/a/x.md"]);
    }

    #[test]
    fn skips_submodules_and_lists_symlinks_without_reading_them() {
        let dir = fixture();
        let root = dir.path();
        // Index entries by hand: no second repository or OS symlink support needed.
        let target = root.join("target.txt");
        fs::write(&target, "../README.md").unwrap();
        let blob = sh(root, &["hash-object", "-w", "target.txt"]);
        let head = sh(root, &["rev-parse", "HEAD"]);
        sh(
            root,
            &[
                "update-index",
                "--add",
                "--cacheinfo",
                &format!("120000,{blob},cases/link.md"),
            ],
        );
        sh(
            root,
            &[
                "update-index",
                "--add",
                "--cacheinfo",
                &format!("160000,{head},cases/sub"),
            ],
        );
        sh(root, &["commit", "-q", "-m", "links"]);
        let r = read_revision(root, "HEAD", WANTED).unwrap();
        assert!(!names(&r).contains(&"cases/link.md"));
        assert_eq!(r.symlinks, ["cases/link.md"]);
        assert!(!names(&r).contains(&"cases/sub"));
        assert!(r.paths.contains("cases/sub"));
    }

    #[test]
    fn reads_a_manifest_root_in_a_subfolder_of_the_work_tree() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        sh(top, &["init", "-q"]);
        write(top, "docs/raad/manifest/manifest.yaml", b"titel: x\n");
        write(top, "docs/raad/cases/a.md", b"a");
        write(top, "docs/other.md", b"buiten de map");
        write(top, "cases/b.md", b"andere cases");
        sh(top, &["add", "-A"]);
        sh(top, &["commit", "-q", "-m", "x"]);
        let repo = top.join("docs/raad");
        let r = read_revision(&repo, "HEAD", WANTED).unwrap();
        assert_eq!(names(&r), ["cases/a.md", "manifest/manifest.yaml"]);
        let mut paths: Vec<&str> = r.paths.iter().map(String::as_str).collect();
        paths.sort();
        assert_eq!(
            paths,
            ["cases", "cases/a.md", "manifest", "manifest/manifest.yaml"]
        );
    }

    #[test]
    fn unknown_revision_says_how_to_list_tags() {
        let dir = fixture();
        let err = read_revision(dir.path(), "ronde-1999", WANTED).unwrap_err();
        assert!(
            matches!(&err, GitError::UnknownRevision { rev, shallow: false } if rev == "ronde-1999"),
            "{err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("de revisie `ronde-1999` bestaat niet"),
            "{text}"
        );
        assert!(text.contains("git tag --list"), "{text}");
        assert!(!text.contains("fetch-depth"), "{text}");
        // Something that exists but is no commit is unknown as a revision too.
        assert!(matches!(
            resolve(dir.path(), "HEAD^{tree}"),
            Err(GitError::UnknownRevision { .. })
        ));
    }

    #[test]
    fn a_revision_that_looks_like_an_option_is_unknown() {
        let dir = fixture();
        for rev in ["--all", "-h", ""] {
            let err = resolve(dir.path(), rev).unwrap_err();
            assert!(
                matches!(err, GitError::UnknownRevision { .. }),
                "{rev}: {err:?}"
            );
        }
    }

    #[test]
    fn an_empty_repository_has_no_revisions() {
        let dir = tempfile::tempdir().unwrap();
        sh(dir.path(), &["init", "-q"]);
        let err = resolve(dir.path(), "HEAD").unwrap_err();
        assert!(matches!(err, GitError::UnknownRevision { .. }), "{err:?}");
    }

    #[test]
    fn a_folder_outside_git_is_not_a_repository() {
        // The temporary folder is not inside a repository (unless TMPDIR is).
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_git_repo(dir.path()));
        let err = read_revision(dir.path(), "ronde-2015", WANTED).unwrap_err();
        assert!(matches!(err, GitError::NotARepository { .. }), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("is geen git-repository"), "{text}");
        assert!(
            text.contains("gebruik een map in plaats van een revisie"),
            "{text}"
        );
        assert!(is_git_repo(fixture().path()));
    }

    #[test]
    fn other_failures_show_what_git_said() {
        let dir = tempfile::tempdir().unwrap();
        let err = resolve(&dir.path().join("bestaat-niet"), "HEAD").unwrap_err();
        let GitError::Failed { message, .. } = &err else {
            panic!("{err:?}");
        };
        assert!(message.contains("cannot change to"), "{message}");
        assert!(
            err.to_string()
                .starts_with("git meldt een fout bij `git rev-parse`: fatal:")
        );
    }

    #[test]
    fn a_shallow_clone_says_to_fetch_the_history() {
        let dir = fixture();
        let clone = tempfile::tempdir().unwrap();
        let url = format!("file://{}", dir.path().display());
        sh(
            clone.path(),
            &["clone", "-q", "--depth", "1", &url, "kloon"],
        );
        let repo = clone.path().join("kloon");
        // The newest commit is there; the older tag is not.
        assert!(read_revision(&repo, "HEAD", WANTED).is_ok());
        let err = read_revision(&repo, "ronde-2015", WANTED).unwrap_err();
        assert!(
            matches!(err, GitError::UnknownRevision { shallow: true, .. }),
            "{err:?}"
        );
        let text = err.to_string();
        assert!(text.contains("shallow"), "{text}");
        assert!(text.contains("git fetch --unshallow --tags"), "{text}");
        assert!(text.contains("fetch-depth: 0"), "{text}");
    }

    #[test]
    fn a_missing_or_cut_off_object_is_an_error() {
        let blobs = [("cases/a.md".to_string(), "abc".to_string())];
        let read = |stream: &[u8]| read_batch(stream, &blobs);
        assert_eq!(read(b"abc blob 3\nxyz\n").unwrap(), [b"xyz".to_vec()]);
        for stream in [
            &b"abc missing\n"[..],
            b"",
            b"abc blob 9\nxyz\n",
            b"abd blob 3\nxyz\n",
        ] {
            let err = read(stream).unwrap_err();
            assert!(err.to_string().contains("hulp:"), "{err}");
        }
    }

    #[test]
    fn a_missing_object_stops_git_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        sh(root, &["init", "-q"]);
        // Far more output than a pipe holds after the missing first blob.
        let body = "x".repeat(4096);
        for i in 0..500 {
            write(
                root,
                &format!("cases/{i:03}.md"),
                format!("{i}{body}").as_bytes(),
            );
        }
        sh(root, &["add", "-A"]);
        sh(root, &["commit", "-q", "-m", "x"]);
        let oid = sh(root, &["rev-parse", "HEAD:cases/000.md"]);
        fs::remove_file(root.join(".git/objects").join(&oid[..2]).join(&oid[2..])).unwrap();
        let err = read_revision(root, "HEAD", &["cases"]).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("cases/000.md") && text.contains("missing"),
            "{text}"
        );
    }

    #[test]
    fn every_message_has_a_hint() {
        let errors = [
            GitError::NotInstalled,
            GitError::NotARepository { dir: "map".into() },
            GitError::UnknownRevision {
                rev: "x".into(),
                shallow: true,
            },
            GitError::Failed {
                command: "ls-tree".into(),
                message: "fatal: kapot".into(),
            },
            GitError::Io {
                source: io::Error::other("pijp"),
            },
        ];
        for err in errors {
            assert!(err.to_string().contains("\n  hulp: "), "{err}");
        }
    }

    /// Slow (a repository of 10,000 files): `cargo test --lib -- --ignored ten_thousand`.
    /// How long it takes is measured in bench/ (`diff v1 v2`, loose and packed).
    #[test]
    #[ignore = "builds a repository of 10,000 files"]
    fn ten_thousand_files_loose_or_packed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        sh(root, &["init", "-q"]);
        write(root, "manifest/manifest.yaml", b"titel: x\n");
        for i in 0..10_000 {
            let folder = if i % 2 == 0 { "cases" } else { "other" };
            write(
                root,
                &format!("{folder}/{:02}/{i:05}.md", i % 50),
                format!("# Case {i}\n").as_bytes(),
            );
        }
        sh(root, &["add", "-A"]);
        sh(root, &["commit", "-q", "-m", "x"]);
        // Fresh commits leave loose objects (one file each); a clone has them
        // packed. Read both. Folders: manifest, cases, other and 25 under each.
        for packed in [false, true] {
            if packed {
                sh(root, &["gc", "-q"]);
            }
            let r = read_revision(root, "HEAD", &["manifest/manifest.yaml", "cases"]).unwrap();
            let all = read_revision(root, "HEAD", &["."]).unwrap();
            assert_eq!(r.files.len(), 5_001, "packed: {packed}");
            assert_eq!(all.files.len(), 10_001, "packed: {packed}");
            assert_eq!(all.paths.len(), 10_001 + 3 + 50, "packed: {packed}");
        }
    }
}
