//! `kwaliteit advies`: the new unsolicited advice: the letter of the newest round,
//! what changed since the previous advice in plain Dutch, the manifest and the matrix.

use std::path::Path;

use super::diff::version;
use super::refuse;
use super::render::write_document;
use crate::analysis::diff::diff;
use crate::cli::AdviesArgs;
use crate::error::Error;
use crate::render::{ChangesView, View, changes};
use crate::text::date::dutch_date;

pub fn run(start: &Path, args: &AdviesArgs) -> Result<u8, Error> {
    let root = crate::source::discover(start)?;
    let current = super::check_snapshot(root.clone(), crate::source::read_worktree(&root)?);
    if let Some(e) = crate::render::unusable_logo(&current.loaded.findings) {
        return Err(e.into());
    }
    if current.errors() > 0 && !args.force {
        return Err(refuse(&current, "Het advies is"));
    }
    let rounds = &current.loaded.manifest.rounds;
    let previous = rounds.len().checked_sub(2).map(|i| &rounds[i]);
    let since = match (&args.since, previous.and_then(|r| r.revision.clone())) {
        (Some(rev), _) => rev.clone(),
        (None, Some(rev)) => rev,
        (None, None) => return Err(Error::NoPreviousRevision),
    };
    // Only the earlier side is read here: the current one is already loaded.
    let old = version(&root, &since)?;
    let delta = diff(&old.loaded.manifest, &current.loaded.manifest);
    // Name the earlier advice by its date when the revision is that of a recorded round.
    let earlier = rounds
        .iter()
        .rev()
        .find(|r| r.revision.as_deref() == Some(since.as_str()))
        .and_then(|r| r.date.as_deref())
        .map_or_else(
            || format!("versie {since}"),
            |d| format!("het advies van {}", dutch_date(d)),
        );
    let mut sentences = changes::sentences(&delta);
    if sentences.is_empty() {
        sentences.push("Het manifest is sindsdien niet inhoudelijk veranderd.".to_string());
    }
    let mut view = View::from_manifest(&current.loaded.manifest);
    view.changes = Some(ChangesView {
        title: format!("Wat is er veranderd sinds {earlier}"),
        sentences,
    });
    let year = current
        .loaded
        .manifest
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
