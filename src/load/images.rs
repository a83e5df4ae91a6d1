//! The image files the texts show, read through the source layer (so they are the
//! same in the work tree and at a revision) and recognised by their bytes.

use std::collections::BTreeMap;

use crate::load::markdown::{resolve, split_link};
use crate::model::Manifest;
use crate::model::document::InlineKind;
use crate::model::finding::{Finding, Rule};
use crate::model::image::{self, Image};
use crate::text::{LineIndex, width};

/// Reads the bytes of repository paths, in order (`None`: missing or not a plain file).
pub type ReadFiles<'a> = &'a dyn Fn(&[String]) -> Vec<Option<Vec<u8>>>;

/// Read every local image the pages show into `m.images`. `read` gives the bytes
/// of repository paths (`None`: missing or not a plain file); `exists` whether a
/// path exists at all. A missing file is left to the link check; a file that is
/// there but cannot be shown is a finding here.
pub fn load(
    m: &mut Manifest,
    read: ReadFiles,
    exists: &dyn Fn(&str) -> bool,
    findings: &mut Vec<Finding>,
) {
    // Repository path → where it is shown (file, byte range of the image in it).
    let mut shown: BTreeMap<String, Vec<(&str, std::ops::Range<usize>)>> = BTreeMap::new();
    for page in &m.pages {
        page.doc.visit_inlines(&mut |i| {
            let InlineKind::Image { target, .. } = &i.kind else {
                return;
            };
            if image::is_remote(target) {
                return;
            }
            let Some((file, _)) = split_link(target).filter(|(f, _)| !f.is_empty()) else {
                return;
            };
            if let Some(rel) = resolve(&page.path, &file) {
                shown
                    .entry(rel)
                    .or_default()
                    .push((page.path.as_str(), i.span.clone()));
            }
        });
    }
    let rels: Vec<String> = shown.keys().cloned().collect();
    let contents = read(&rels);
    let mut images = BTreeMap::new();
    let mut indexes: std::collections::HashMap<&str, LineIndex> = Default::default();
    for ((rel, places), bytes) in shown.iter().zip(contents) {
        let problem = match bytes {
            None if !exists(rel) => continue,
            None => format!(
                "de afbeelding `{rel}` is geen gewoon bestand (bijvoorbeeld een symbolische link) en wordt niet getoond"
            ),
            Some(b) if b.len() > image::MAX_BYTES => format!(
                "de afbeelding `{rel}` is te groot ({} MB, hoogstens {} MB) en wordt niet getoond",
                b.len().div_ceil(1024 * 1024),
                image::MAX_BYTES / (1024 * 1024)
            ),
            Some(b) => match Image::from_bytes(b) {
                Some(img) => {
                    images.insert(rel.clone(), img);
                    continue;
                }
                None => format!(
                    "de afbeelding `{rel}` is geen PNG- of JPEG-bestand en wordt niet getoond"
                ),
            },
        };
        for (path, span) in places {
            let text = m.texts.get(*path).map_or("", |t| t.as_str());
            let at = span.start.min(text.len());
            let end = span.end.min(text.len()).max(at);
            let index = indexes.entry(path).or_insert_with(|| LineIndex::new(text));
            findings.push(
                Finding::new(
                    Rule::UnsupportedImage,
                    path,
                    index.pos(at),
                    problem.clone(),
                )
                .width(width(text.get(at..end).unwrap_or("")))
                .help("sla de afbeelding op als PNG of JPEG (kleiner dan 10 MB) in de repository, als gewoon bestand"),
            );
        }
    }
    m.images = images;
}
