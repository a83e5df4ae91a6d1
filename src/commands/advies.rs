//! `kwaliteit advies`: the new unsolicited advice: the letter of the newest round with
//! its advice points, what changed since the previous advice and how the college
//! responded to it, the manifest and the matrix.

use std::path::Path;
use std::sync::Arc;

use super::diff::version;
use super::refuse;
use super::render::write_document;
use crate::analysis::diff::diff;
use crate::cli::AdviesArgs;
use crate::error::Error;
use crate::model::Manifest;
use crate::model::document::Document;
use crate::render::changes::letter;
use crate::render::{ChangesView, View};

pub fn run(start: &Path, args: &AdviesArgs) -> Result<u8, Error> {
    let current = super::open(start, None)?;
    let root = current.root.clone();
    if let Some(e) = crate::render::unusable_logo(&current.loaded.findings) {
        return Err(e.into());
    }
    if current.errors() > 0 && !args.force {
        return Err(refuse(&current, "Het advies is"));
    }
    let manifest = &current.loaded.manifest;
    let rounds = &manifest.rounds;
    let previous = rounds.len().checked_sub(2).map(|i| &rounds[i]);
    let since = match (&args.since, previous.and_then(|r| r.revision.clone())) {
        (Some(rev), _) => rev.clone(),
        (None, Some(rev)) => rev,
        (None, None) => return Err(Error::NoPreviousRevision),
    };
    // Only the earlier side is read here: the current one is already loaded.
    let old = version(&root, &since)?;
    let delta = diff(&old.loaded.manifest, manifest);
    // The earlier advice: the round sent at that revision, else the one before the newest.
    let earlier = rounds
        .iter()
        .rev()
        .find(|r| r.revision.as_deref() == Some(since.as_str()))
        .or(previous);
    let mut sentences = earlier.map_or_else(Vec::new, |r| letter::response(r, &since));
    let changed = letter::changes(&delta);
    if changed.is_empty() {
        sentences.push(letter::NO_CHANGES.to_string());
    }
    sentences.extend(changed);
    let mut view = View::from_manifest(manifest);
    view.changes = Some(ChangesView {
        title: letter::changes_title(earlier, &since),
        sentences,
    });
    // The annex shows the college's response to the earlier advice, not an empty
    // table for the advice this letter gives.
    let answered = Manifest {
        rounds: rounds[..rounds.len().saturating_sub(1)].to_vec(),
        ..Manifest::default()
    };
    view.replace_response(View::from_manifest(&answered).response);
    // The new advice points close the letter, numbered, each with its id.
    if let (Some(text), Some(round)) = (view.letter.as_mut(), manifest.latest_round())
        && !round.advice_points.is_empty()
    {
        let points = Document::parse(&letter::advice_points_markdown(&round.advice_points), 0);
        let mut body = (*text.body.doc).clone();
        body.blocks.extend(points.blocks.iter().cloned());
        text.body.doc = Arc::new(body);
    }
    let year = manifest
        .latest_round()
        .and_then(|r| r.year.as_ref())
        .map_or_else(String::new, |y| format!("-{}", y.value));
    write_document(
        &current,
        &view,
        args.format,
        args.out.as_deref(),
        &format!("advies{year}"),
    )
}
