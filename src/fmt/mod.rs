//! `kwaliteit fmt`: the canonical text of one manifest file.
//!
//! Front matter: keys in the order of their kind's key table in `model::keys` (unknown
//! keys after the known ones, in their own order), scalars plain when YAML reads them back the same and
//! double-quoted otherwise, short lists as `[a, b]`, comments kept with the key they
//! stand above. Body: LF line endings, no trailing whitespace, one blank line between
//! blocks, ATX headings, one line per paragraph.
//!
//! Formatting must never change what the tool reads. So every candidate text is loaded
//! again and kept only when the model (positions aside, Markdown compared as document trees),
//! the findings, the front matter values and the comments are all the same as before;
//! otherwise a more conservative candidate is tried, down to the file as written.

mod body;
mod comments;
mod front_matter;
mod reading;
pub mod scalar;
#[cfg(test)]
mod tests;

use crate::load::frontmatter;
use crate::load::yaml::{self, Kind};
use crate::model::finding::Rule;
use crate::model::{FileKind, file_kind};

use body::{format_body, verbatim_body};
use front_matter::canonical_yaml;
use reading::Reading;

/// The canonical text of one manifest file, or None if the file cannot be formatted safely
/// (it has syntax problems: then `fmt` leaves it alone and `check` reports them).
///
/// Also None for a path that is no manifest file, for front matter that is not a
/// mapping, and (not seen in practice) when formatting does not settle within a few
/// passes. Formatting the result again gives the result.
pub fn canonical(path: &str, text: &str) -> Option<String> {
    format_file(path, text, Readable::Unknown).map(|(text, _)| text)
}

/// [`canonical`] of a file its caller loaded and found without errors and without a
/// finding that [`leaves_alone`] (as `fmt` does before it formats): a file already in
/// canonical form then costs no second load.
pub fn canonical_of_readable(path: &str, text: &str) -> Option<String> {
    format_file(path, text, Readable::Known).map(|(text, _)| text)
}

/// For `fmt --check`: the text after one formatting pass, or None as
/// [`canonical_of_readable`]. A file is in canonical form exactly when this gives it back
/// (line endings aside): a pass looks at the text with its line endings unified, so a
/// pass that changes the file shows it is not, and the passes after it are not needed.
/// (Formatting that does not settle, never seen, then counts as not canonical.)
pub fn formatted_once_of_readable(path: &str, text: &str) -> Option<String> {
    let kind = file_kind(path)?;
    let before = Before {
        text,
        reading: std::cell::OnceCell::new(),
    };
    format_once(path, kind, text, &before).map(|(text, _)| text)
}

/// Whether a finding means `fmt` must leave the file alone: it could not be read as
/// it is meant to be (or is no file of the manifest at all).
pub fn leaves_alone(rule: Rule) -> bool {
    UNREADABLE.contains(&rule)
}

/// Whether the caller knows the file has no syntax problems.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Readable {
    Known,
    Unknown,
}

/// Which candidate was lossless: tests use it to see that the full form was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Canonical front matter and formatted body.
    Full,
    /// The front matter or the body (or both) kept as written, line endings aside.
    Conservative,
}

/// Findings that mean the file could not be read as it is meant to be.
const UNREADABLE: &[Rule] = &[
    Rule::InvalidUtf8,
    Rule::EmptyFile,
    Rule::UnexpectedFile,
    Rule::FrontMatterMissing,
    Rule::FrontMatterUnterminated,
    Rule::YamlSyntax,
    Rule::DuplicateKey,
];

fn format_file(path: &str, text: &str, readable: Readable) -> Option<(String, Mode)> {
    let kind = file_kind(path)?;
    // What the file means is read when a candidate differs from it, or at once to
    // see that it has no syntax problems: a load costs more than formatting.
    let before = Before {
        text,
        reading: std::cell::OnceCell::new(),
    };
    if readable == Readable::Unknown {
        before
            .reading
            .get_or_init(|| Reading::of(path, text))
            .as_ref()?;
    }
    // Formatting again must change nothing. One pass does not always get there (a
    // blank line put in can change how the next lines parse), so repeat to a fixed
    // point, every pass checked against the file as it was.
    let mut current = text.to_string();
    for _ in 0..4 {
        let (next, mode) = format_once(path, kind, &current, &before)?;
        if next == current {
            return Some((next, mode));
        }
        current = next;
    }
    None
}

/// The file as it was, and what it means, read once when first needed (None: it has
/// syntax problems).
struct Before<'a> {
    text: &'a str,
    reading: std::cell::OnceCell<Option<Reading>>,
}

impl Before<'_> {
    /// Whether `out` means what the file meant.
    fn reads_as(&self, path: &str, out: &str) -> bool {
        let Some(before) = self.reading.get_or_init(|| Reading::of(path, self.text)) else {
            return false;
        };
        Reading::of(path, out).is_some_and(|after| after == *before)
    }
}

/// One pass: the most formatted candidate that reads the same as `before`.
fn format_once(path: &str, kind: FileKind, text: &str, before: &Before) -> Option<(String, Mode)> {
    let unified = unify_line_endings(text.strip_prefix('\u{feff}').unwrap_or(text));
    let (yaml_src, body) = match kind {
        FileKind::Identity => (unified.as_str(), None),
        _ => {
            let split = frontmatter::split(&unified).ok()?;
            (split.yaml, Some(split.body))
        }
    };
    let tree = yaml::parse(yaml_src, 1).ok()?;
    if !matches!(tree.kind, Kind::Map(_) | Kind::Null) {
        return None;
    }
    // Most files take the first candidate: the others are made only when it reads differently.
    let verbatim_yaml = || {
        let mut y = yaml_src.to_string();
        if !y.is_empty() && !y.ends_with('\n') {
            y.push('\n');
        }
        y
    };
    let canonical = canonical_yaml(kind, yaml_src, &tree);
    let full_body = body.map(format_body);
    let candidates = [(true, true), (true, false), (false, true), (false, false)];
    let mut verbatim = None;
    let mut verbatim_of_body = None;
    for (canonical_front, formatted_body) in candidates {
        if body.is_none() && !formatted_body {
            continue;
        }
        let yaml_text: &str = if canonical_front {
            &canonical
        } else {
            verbatim.get_or_insert_with(verbatim_yaml)
        };
        let out = match (body, &full_body) {
            (Some(b), Some(full)) => {
                let body_text: &str = if formatted_body {
                    full
                } else {
                    verbatim_of_body.get_or_insert_with(|| verbatim_body(b))
                };
                format!("---\n{yaml_text}---\n{body_text}")
            }
            _ => yaml_text.to_string(),
        };
        // The text itself was checked already (or is the original).
        if out == text || out == before.text || before.reads_as(path, &out) {
            let mode = if canonical_front && formatted_body {
                Mode::Full
            } else {
                Mode::Conservative
            };
            return Some((out, mode));
        }
    }
    None
}

/// CRLF and lone CR both end a line for YAML and CommonMark; LF is the one we write.
fn unify_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
