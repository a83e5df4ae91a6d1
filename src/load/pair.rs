//! Two versions loaded together, as `diff` compares them: a file that is the same in
//! both (between two rounds most are) is loaded once, and each version takes what it
//! gave. The copies share the file's text, its Markdown sources and their document
//! trees, which are most of a loaded file, so the two models are little more than one.

use std::borrow::Cow;

use super::{Loaded, Part, append, load_bytes_into};
use crate::model::MANIFEST_FILE;
use crate::source::SourceFile;

/// The models of versions `a` and `b` (each in snapshot order: manifest.yaml first,
/// then by path), the same as [`super::load`] of each apart. The files' bytes are
/// taken: a file's text in the model is made of them, without a copy.
pub fn load_pair(a: &mut [SourceFile], b: &mut [SourceFile]) -> [Loaded; 2] {
    let pairs = paired(a, b);
    let parts = crate::parallel::in_owned_chunks(pairs, 512, load_run);
    let (a_parts, b_parts): (Vec<Part>, Vec<Part>) = parts.into_iter().map(|[a, b]| (a, b)).unzip();
    [super::join_parts(a_parts), super::join_parts(b_parts)]
}

/// A file's path, and its bytes taken from the snapshot.
struct Taken<'a> {
    path: &'a str,
    bytes: Vec<u8>,
}

/// One path of either version: its file in `a`, in `b`, or both.
struct Paired<'a> {
    a: Option<Taken<'a>>,
    b: Option<Taken<'a>>,
}

/// Both versions' files side by side, in the order of each (see [`load_pair`]).
fn paired<'a>(a: &'a mut [SourceFile], b: &'a mut [SourceFile]) -> Vec<Paired<'a>> {
    let take = |f: &'a mut SourceFile| Taken {
        path: f.path.as_str(),
        bytes: std::mem::take(&mut f.bytes),
    };
    let mut pairs = Vec::with_capacity(a.len().max(b.len()));
    let (mut a, mut b) = (a.iter_mut().peekable(), b.iter_mut().peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(x), Some(y)) => snapshot_order(x, y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
        };
        let (x, y) = match order {
            std::cmp::Ordering::Less => (a.next(), None),
            std::cmp::Ordering::Equal => (a.next(), b.next()),
            std::cmp::Ordering::Greater => (None, b.next()),
        };
        pairs.push(Paired {
            a: x.map(take),
            b: y.map(take),
        });
    }
    pairs
}

/// The order of a snapshot's files: manifest.yaml first, then by path.
fn snapshot_order(a: &SourceFile, b: &SourceFile) -> std::cmp::Ordering {
    (a.path != MANIFEST_FILE, &a.path).cmp(&(b.path != MANIFEST_FILE, &b.path))
}

/// A run of paths loaded into one part per version.
fn load_run<'a>(pairs: Vec<Paired<'a>>) -> [Part; 2] {
    let part = |has: fn(&Paired<'a>) -> Option<&'a str>| Part {
        has_identity: pairs.iter().filter_map(has).any(|p| p == MANIFEST_FILE),
        loaded: Loaded {
            file_count: pairs.iter().filter_map(has).count(),
            ..Loaded::default()
        },
    };
    let [mut a, mut b] = [
        part(|p| p.a.as_ref().map(|t| t.path)),
        part(|p| p.b.as_ref().map(|t| t.path)),
    ];
    for pair in pairs {
        match (pair.a, pair.b) {
            (Some(x), Some(y)) if x.bytes == y.bytes => {
                drop(x);
                // Loaded on its own, so that what the file gives is known apart.
                let mut file = Loaded::default();
                load_bytes_into(y.path, Cow::Owned(y.bytes), &mut file);
                let has_identity = y.path == MANIFEST_FILE;
                let copy = Loaded {
                    manifest: file.manifest.clone(),
                    findings: file.findings.clone(),
                    file_count: 0,
                };
                for (loaded, part) in [(copy, &mut a), (file, &mut b)] {
                    let texts = append(
                        &mut part.loaded,
                        Part {
                            has_identity,
                            loaded,
                        },
                    );
                    part.loaded.manifest.texts.extend(texts);
                }
            }
            (x, y) => {
                for (taken, part) in [(x, &mut a), (y, &mut b)] {
                    if let Some(t) = taken {
                        load_bytes_into(t.path, Cow::Owned(t.bytes), &mut part.loaded);
                    }
                }
            }
        }
    }
    [a, b]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::Arc;

    const IDENTITY: &str =
        "titel: T\nraad: R\ngemeente: G\npartijen:\n  - id: inwoners\n    naam: Inwoners\n";

    /// What a path may hold in a version: every way a file loads, fails or is skipped.
    const CONTENTS: [&[u8]; 9] = [
        b"---\nid: ID\ntitel: C\nuitgangspunt: a\n---\nVerhaal met [link](../x.md).\n",
        b"---\nid: ID\ntitel: Anders\nuitgangspunt: a\n---\nEen ander verhaal.\n",
        b"\xef\xbb\xbf---\nid: ID\ntitel: C\nuitgangspunt: a\n---\nMet BOM.\n",
        b"---\nid: ID\ntitel: \"open\n---\nKapotte kopregels.\n",
        b"---\nid: ID\ntitel: C\nuitgangspunt: a\n---\nOngeldig \xff teken.\n",
        b"",
        b"Geen kopregels.\n",
        b"---\nid: ID\ntitel: P\nvolgorde: 1\n---\nKort.\n\n## Uitwerking\n\nLang.\n",
        IDENTITY.as_bytes(),
    ];

    /// Files of one version: `chosen[i]` is what path `i` holds (`None`: no file).
    fn version(chosen: &[Option<usize>]) -> Vec<SourceFile> {
        let mut files: Vec<SourceFile> = chosen
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let c = (*c)?;
                let path = match (i, c) {
                    (0, _) => MANIFEST_FILE.to_string(),
                    (_, 7) => format!("manifest/principles/{i:02}-p{i}.md"),
                    (_, 6) if i % 5 == 0 => format!("cases/plaatje-{i}.png"),
                    _ => format!("cases/c{i:04}.md"),
                };
                let id = format!("{}{i}", if c == 7 { "p" } else { "c" });
                // The invalid UTF-8 stays as it is, its id unchanged.
                let bytes = match std::str::from_utf8(CONTENTS[c]) {
                    Ok(text) => text.replace("ID", &id).into_bytes(),
                    Err(_) => CONTENTS[c].to_vec(),
                };
                Some(SourceFile { path, bytes })
            })
            .collect();
        files.sort_by(snapshot_order);
        files
    }

    /// Load two versions apart and together, and hold the two ways to each other. The
    /// files come back as the pair left them.
    fn loads_as_each_alone(a: &[Option<usize>], b: &[Option<usize>]) -> [Vec<SourceFile>; 2] {
        let (mut a, mut b) = (version(a), version(b));
        let alone = [super::super::load(&a), super::super::load(&b)];
        let pair = load_pair(&mut a, &mut b);
        for (pair, alone) in pair.iter().zip(&alone) {
            assert_eq!(pair.manifest, alone.manifest);
            assert_eq!(pair.findings, alone.findings);
            assert_eq!(pair.file_count, alone.file_count);
        }
        [a, b]
    }

    proptest! {
        /// Loading two versions together gives each the model it has loaded alone,
        /// whichever files the two share, change, add or remove.
        #[test]
        fn a_pair_loads_as_each_version_alone(
            paths in proptest::collection::vec(
                (proptest::option::of(0..CONTENTS.len()), proptest::option::of(0..CONTENTS.len()),
                 any::<bool>()),
                0..40,
            )
        ) {
            let a_chosen: Vec<Option<usize>> = paths.iter().map(|(a, _, _)| *a).collect();
            // Most paths the same in both, as between two rounds.
            let b_chosen: Vec<Option<usize>> =
                paths.iter().map(|(a, b, same)| if *same { *a } else { *b }).collect();
            loads_as_each_alone(&a_chosen, &b_chosen);
        }
    }

    /// Over 512 paths the work is split across the cores; each side's parts are joined
    /// in order, manifest.yaml's identity included wherever it differs.
    #[test]
    fn a_large_pair_loads_as_each_version_alone() {
        let a_chosen: Vec<Option<usize>> = (0..1500).map(|i| Some([0, 7, 0, 5][i % 4])).collect();
        let mut b_chosen = a_chosen.clone();
        for i in (3..1500).step_by(7) {
            b_chosen[i] = [None, Some(1), Some(4)][i % 3];
        }
        b_chosen[0] = Some(0);
        let [a, b] = loads_as_each_alone(&a_chosen, &b_chosen);
        assert!(a.iter().chain(&b).all(|f| f.bytes.is_empty()));
    }

    /// A file the same in both versions is held once: its texts are shared.
    #[test]
    fn a_file_the_same_in_both_is_held_once() {
        let mut a = version(&[Some(8), Some(0), Some(0)]);
        let mut b = version(&[Some(8), Some(0), Some(1)]);
        let [a, b] = load_pair(&mut a, &mut b);
        let (a, b) = (&a.manifest, &b.manifest);
        assert!(Arc::ptr_eq(&a.cases[0].story, &b.cases[0].story));
        assert!(Arc::ptr_eq(
            &a.texts["cases/c0001.md"],
            &b.texts["cases/c0001.md"]
        ));
        assert!(!Arc::ptr_eq(&a.cases[1].story, &b.cases[1].story));
        assert_ne!(a.cases[1].story, b.cases[1].story);
    }
}
