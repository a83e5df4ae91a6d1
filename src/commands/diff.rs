//! `kwaliteit diff`: what changed in meaning between two versions of the manifest.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::{
    Checked, check_findings, color_for, finish_load, load_snapshot, print_errors, shown,
    with_findings, write_stdout,
};
use crate::analysis::diff::{Delta, diff};
use crate::cli::{DiffArgs, DiffFormat};
use crate::error::Error;
use crate::exit;
use crate::load;
use crate::model::{FileKind, MANIFEST_FILE, file_kind};
use crate::render::{self, changes, templates::Templates};
use crate::source::{self, Snapshot, SourceError, SourceFile};

/// Read one side of a comparison: a folder holding a manifest, or a git revision.
pub fn version(root: &Path, spec: &str) -> Result<Checked, SourceError> {
    let loaded = without_bytes(load_snapshot(root.to_path_buf(), snapshot_of(root, spec)?));
    let findings = check_findings(&loaded, Default::default());
    Ok(with_findings(loaded, findings))
}

/// A side once loaded: the model holds the files' texts, and a diff needs their bytes
/// no more (`fmt` does, so loading keeps them). Freed now, their memory serves what
/// comes next instead of raising the peak.
fn without_bytes(mut loaded: Checked) -> Checked {
    for file in &mut loaded.snapshot.files {
        file.bytes = Vec::new();
    }
    loaded
}

/// The files of one side, not yet loaded.
fn snapshot_of(root: &Path, spec: &str) -> Result<Snapshot, SourceError> {
    let folder = Path::new(spec);
    if folder.join(MANIFEST_FILE).is_file() {
        let mut s = source::read_worktree(folder)?;
        s.label = spec.to_string();
        Ok(s)
    } else {
        source::read_revision(root, spec)
    }
}

/// Both sides loaded, not yet checked. Loaded together: a file the same in both is
/// loaded once, and both models share its text and trees (`load::load_pair`). The
/// files' bytes become the models' texts: a diff needs them no more.
fn loaded_pair(root: &Path, mut from: Snapshot, mut to: Snapshot) -> (Checked, Checked) {
    let [from_model, to_model] = load::load_pair(&mut from.files, &mut to.files);
    let side = |snapshot, model| finish_load(root.to_path_buf(), snapshot, model);
    crate::parallel::both(|| side(from, from_model), || side(to, to_model))
}

/// The revision of the newest round of `to` that records one: a round being drafted
/// has none yet. Only the rounds are loaded to find it.
fn latest_round_revision(to: &Snapshot) -> Option<String> {
    let rounds: Vec<SourceFile> = to
        .files
        .iter()
        .filter(|f| matches!(file_kind(&f.path), Some(FileKind::Round)))
        .cloned()
        .collect();
    load::load(&rounds)
        .manifest
        .rounds
        .into_iter()
        .rev()
        .find_map(|r| r.revision)
}

/// Warn about errors in a version being compared: the diff goes on regardless.
fn warn_errors(side: &Checked) {
    let errors = side.errors();
    if errors > 0 {
        print_errors(side);
        eprintln!(
            "Let op: {} bevat {errors} {}; de vergelijking gaat door met wat gelezen kon worden.\n",
            side.snapshot.label,
            if errors == 1 { "fout" } else { "fouten" }
        );
    }
}

/// The two versions compared, loaded but not yet checked: FROM defaults to the
/// revision of the latest round of TO.
fn versions(
    start: &Path,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Checked, Checked), Error> {
    let is_folder =
        |spec: Option<&str>| spec.is_some_and(|s| Path::new(s).join(MANIFEST_FILE).is_file());
    // Two folders need no repository around them; anything else is read from this one.
    let root = match source::discover(start) {
        Ok(root) => root,
        Err(_) if is_folder(from) && is_folder(to) => PathBuf::from(from.unwrap_or(".")),
        Err(e) => return Err(e.into()),
    };
    let read_to = || match to {
        Some(spec) => snapshot_of(&root, spec),
        None => source::read_worktree(&root),
    };
    // Two revisions: read together, so that git unpacks the files they share once.
    // TO's error first, as when read one by one.
    if let (Some(from), Some(to)) = (from, to)
        && !is_folder(Some(from))
        && !is_folder(Some(to))
    {
        let [to, from] = source::read_revisions(&root, [to, from])?;
        return Ok(loaded_pair(&root, from, to));
    }
    // Both sides named: read at the same time. Errors in the order the sides are read
    // one by one: TO first.
    if let Some(from) = from {
        let (from, to) = crate::parallel::both(|| snapshot_of(&root, from), read_to);
        let to = to?;
        return Ok(loaded_pair(&root, from?, to));
    }
    let to = read_to()?;
    let from_spec = latest_round_revision(&to).ok_or(Error::NoRevisionToCompare)?;
    let from = snapshot_of(&root, &from_spec)?;
    Ok(loaded_pair(&root, from, to))
}

/// What the diff writes: to standard output, or a file (Word, PDF).
enum Output {
    Stdout(Vec<u8>),
    File {
        path: PathBuf,
        document: render::Rendered,
    },
}

pub fn run(start: &Path, args: &DiffArgs) -> Result<u8, Error> {
    // Refused before anything is read: the output would not go where asked.
    if args.out.is_some() && !matches!(args.format, DiffFormat::Docx | DiffFormat::Pdf) {
        return Err(Error::OutNotForFormat {
            format: format!("{:?}", args.format).to_lowercase(),
        });
    }
    // Earlier versions took a file name here: say so rather than make a folder `x.docx`.
    if let Some(out) = &args.out
        && out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx") || e.eq_ignore_ascii_case("pdf"))
    {
        return Err(Error::OutIsAFolder { path: out.clone() });
    }
    let (from, to) = versions(start, args.from.as_deref(), args.to.as_deref())?;
    let check = |side: &Checked| check_findings(side, Default::default());
    let (from, to, made) = if matches!(args.format, DiffFormat::Html | DiffFormat::Docx) {
        // A redline is made from the two views alone, and is the largest at the end:
        // checked first, the models are freed before it is made (and the file texts
        // before the views are made: only the checks read them). Checks running beside
        // the redline would keep the models and the views at once.
        let (from_findings, to_findings) = crate::parallel::both(|| check(&from), || check(&to));
        let (mut from, mut to) = (
            with_findings(from, from_findings),
            with_findings(to, to_findings),
        );
        let texts = [&mut from, &mut to].map(|s| std::mem::take(&mut s.loaded.manifest.texts));
        crate::memory::free_beside(texts);
        let sources = redline_sources(&from, &to, args);
        let models = [&mut from, &mut to].map(|s| std::mem::take(&mut s.loaded.manifest));
        crate::memory::free_beside(models);
        let made = sources.and_then(redline);
        (from, to, made)
    } else {
        // The checks only warn here, and nothing in the output depends on them: they run
        // while the output is made, which has stretches that use one core only.
        let ((from_findings, to_findings), made) = crate::parallel::both(
            || crate::parallel::both(|| check(&from), || check(&to)),
            || output(&from, &to, args),
        );
        (
            with_findings(from, from_findings),
            with_findings(to, to_findings),
            made,
        )
    };
    warn_errors(&from);
    warn_errors(&to);
    let (output, changed) = made?;
    match output {
        Output::Stdout(bytes) => write_stdout(&bytes)?,
        Output::File { path, document } => {
            crate::write::write_atomically_with(&path, |out| document.write_to(out))?;
            write_stdout(format!("Geschreven: {}\n", shown(&path)).as_bytes())?;
        }
    }
    // The process ends next: the system takes the memory back at once, faster than
    // freeing two large models piece by piece.
    std::mem::forget((from, to));
    Ok(if args.exit_code && changed {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

/// The output in the format asked for, and whether anything changed in meaning.
fn output(from: &Checked, to: &Checked, args: &DiffArgs) -> Result<(Output, bool), Error> {
    // `run` makes these itself, so that the models go early; the result is the same.
    if matches!(args.format, DiffFormat::Html | DiffFormat::Docx) {
        return redline_sources(from, to, args).and_then(redline);
    }
    let delta = diff(&from.loaded.manifest, &to.loaded.manifest);
    let (a, b) = (from.snapshot.label.as_str(), to.snapshot.label.as_str());
    let output = match args.format {
        DiffFormat::Terminal => {
            let color = color_for(std::io::stdout().is_terminal());
            Output::Stdout(changes::terminal(&delta, a, b, color).into())
        }
        DiffFormat::Md => Output::Stdout(changes::markdown(&delta, a, b).into()),
        DiffFormat::Json => Output::Stdout(changes::json(&delta, a, b).into()),
        DiffFormat::Pdf => pdf(&delta, a, b, to, args.out.as_deref())?,
        DiffFormat::Html | DiffFormat::Docx => unreachable!("handled above"),
    };
    let changed = !delta.is_empty();
    std::mem::forget(delta);
    Ok((output, changed))
}

/// What a redline is made from: the two versions as views, and what its format needs.
struct RedlineSources {
    old: render::View,
    new: render::View,
    /// The list of changes, where the format shows it or `--exit-code` asks.
    delta: Option<Delta>,
    format: RedlineFormat,
}

enum RedlineFormat {
    /// The whole document, its changes marked, after a summary of them.
    Html {
        templates: Box<Templates>,
        labels: (String, String),
    },
    /// Word with tracked changes, to `path`.
    Docx {
        path: PathBuf,
        revision: render::docx::redline::Revision,
    },
}

fn redline_sources(from: &Checked, to: &Checked, args: &DiffArgs) -> Result<RedlineSources, Error> {
    let format = if matches!(args.format, DiffFormat::Html) {
        let labels = (from.snapshot.label.clone(), to.snapshot.label.clone());
        RedlineFormat::Html {
            templates: Box::new(Templates::load(&to.snapshot.templates)?),
            labels,
        }
    } else {
        // `--out` is a folder, as for `render` and `advies`.
        let dir = args
            .out
            .as_deref()
            .map_or_else(|| to.root.join("build"), PathBuf::from);
        let path = dir.join("wijzigingen.docx");
        crate::write::refuse_sources(&to.root, &path)?;
        // The council made the changes, on the date of its newest round (else today).
        let author = render::changes_docx::Author::of(&to.loaded.manifest);
        let revision = render::docx::redline::Revision {
            author: author.short,
            date: format!("{}T00:00:00Z", author.created),
        };
        RedlineFormat::Docx { path, revision }
    };
    // The Word redline compares the two documents itself.
    let wants_delta = args.exit_code || matches!(format, RedlineFormat::Html { .. });
    let ((old, new), delta) = crate::parallel::both(
        || {
            crate::parallel::both(
                || render::View::from_manifest(&from.loaded.manifest),
                || render::View::from_manifest(&to.loaded.manifest),
            )
        },
        || wants_delta.then(|| diff(&from.loaded.manifest, &to.loaded.manifest)),
    );
    Ok(RedlineSources {
        old,
        new,
        delta,
        format,
    })
}

fn redline(sources: RedlineSources) -> Result<(Output, bool), Error> {
    let RedlineSources {
        old,
        new,
        delta,
        format,
    } = sources;
    let changed = delta.as_ref().is_some_and(|d| !d.is_empty());
    let output = match format {
        RedlineFormat::Html { templates, labels } => {
            let delta = delta.unwrap_or_default();
            let (a, b) = (labels.0.as_str(), labels.1.as_str());
            let page = render::html_redline::render(old, new, &delta, a, b, &templates)?;
            // As the models in `run`: the process ends next.
            std::mem::forget(delta);
            Output::Stdout(page.into())
        }
        RedlineFormat::Docx { path, revision } => {
            let document = render::docx::redline::render_owned(old, new, &revision)?;
            std::mem::forget(delta);
            Output::File { path, document }
        }
    };
    Ok((output, changed))
}

/// The redline as an accessible PDF (PDF/UA-1), written whole or not at all.
fn pdf(
    delta: &Delta,
    from: &str,
    to: &str,
    side: &Checked,
    out: Option<&Path>,
) -> Result<Output, Error> {
    // `--out` is a folder, as for `render` and `advies`.
    let dir = out.map_or_else(|| side.root.join("build"), PathBuf::from);
    let path = dir.join("wijzigingen.pdf");
    crate::write::refuse_sources(&side.root, &path)?;
    let document = render::Rendered::Bytes(pdf_bytes(delta, from, to, side)?);
    Ok(Output::File { path, document })
}

#[cfg(feature = "pdf")]
fn pdf_bytes(
    delta: &Delta,
    from: &str,
    to: &str,
    side: &Checked,
) -> Result<Vec<u8>, render::RenderError> {
    let m = &side.loaded.manifest;
    let date = render::pdf::changes::date_of(m);
    render::pdf::changes::render(delta, from, to, &m.identity.council, date)
        .map_err(render::RenderError::Pdf)
}

#[cfg(not(feature = "pdf"))]
fn pdf_bytes(
    _delta: &Delta,
    _from: &str,
    _to: &str,
    _side: &Checked,
) -> Result<Vec<u8>, render::RenderError> {
    Err(render::RenderError::PdfNotBuilt)
}
