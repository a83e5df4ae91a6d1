//! Losslessness: what a file means to the tool, to compare before and after.

use crate::load;
use crate::load::frontmatter;
use crate::load::yaml::{self, Kind, Yaml};
use crate::model::finding::{Pos, Rule};
use crate::model::{Located, MANIFEST_FILE, Manifest, file_kind, keys};

use super::comments::find_comments;
use super::{UNREADABLE, unify_line_endings};

/// Everything the tool reads from one file, without positions.
#[derive(Debug)]
pub(super) struct Reading {
    model: Manifest,
    /// Rule, message and help of every finding, sorted.
    pub(super) findings: Vec<(Rule, String, Option<String>)>,
    /// The front matter, with the top-level keys sorted (their order carries no meaning).
    yaml: Option<Yaml>,
    /// Comment texts, sorted: comments may move with their key, never get lost.
    pub(super) comments: Vec<String>,
}

impl Reading {
    /// None when the file has syntax problems, so it is not ours to format.
    pub(super) fn of(path: &str, text: &str) -> Option<Reading> {
        let (loaded, front_matter) = load::load_text(path, text);
        if loaded.findings.iter().any(|f| UNREADABLE.contains(&f.rule)) {
            return None;
        }
        // Renaming an old key is what `fmt` is for: the finding about it may go.
        let mut findings: Vec<_> = loaded
            .findings
            .into_iter()
            .filter(|f| f.rule != Rule::OldKey)
            .map(|f| (f.rule, f.message, f.help))
            .collect();
        findings.sort();
        // The front matter as the loader read it; manifest.yaml (not split) is read here.
        // Its text is needed only for that, and to look for comments.
        let needs_source = front_matter.is_none() || text.contains('#');
        let text =
            needs_source.then(|| unify_line_endings(text.strip_prefix('\u{feff}').unwrap_or(text)));
        let yaml_src = text.as_deref().and_then(|text| {
            if path == MANIFEST_FILE {
                Some(text)
            } else {
                frontmatter::split(text).ok().map(|s| s.yaml)
            }
        });
        let tree = front_matter.or_else(|| yaml_src.and_then(|src| yaml::parse(src, 1).ok()));
        let mut comments: Vec<String> = match (yaml_src, &tree) {
            (Some(src), Some(tree)) if src.contains('#') => find_comments(src, tree)
                .into_iter()
                .map(|c| c.text)
                .collect(),
            _ => Vec::new(),
        };
        comments.sort();
        Some(Reading {
            model: comparable_model(loaded.manifest),
            findings,
            yaml: tree.map(|tree| comparable_yaml(path, tree)),
            comments,
        })
    }
}

impl PartialEq for Reading {
    fn eq(&self, other: &Self) -> bool {
        // `same_tree`, not `==`: a `.nan` in the front matter equals itself.
        let same_yaml = match (&self.yaml, &other.yaml) {
            (Some(a), Some(b)) => same_tree(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        same_yaml
            && self.model == other.model
            && self.findings == other.findings
            && self.comments == other.comments
    }
}

/// The manifest as text with every position (and the underline width of links) left
/// out, so that models read from differently laid out files can be compared. Working
/// on the `Debug` text covers every `Located` and `Link` the model has or will get:
/// the tests' check of what [`forget_positions`] does, at a cost `fmt` need not pay.
#[cfg(test)]
pub(super) fn without_positions(m: &Manifest) -> String {
    let mut m = m.clone();
    for page in &mut m.pages {
        for link in &mut page.links {
            link.width = 0;
        }
    }
    let debug = format!("{m:?}");
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug.as_str();
    while let Some(at) = rest.find("Pos { line: ") {
        out.push_str(&rest[..at]);
        out.push_str("Pos");
        rest = &rest[at..];
        rest = &rest[rest.find('}').map_or(rest.len(), |e| e + 1)..];
    }
    out.push_str(rest);
    out
}

/// Positions left out and every Markdown text replaced by its document tree without
/// offsets, whitespace runs counted as one: unwrapping a paragraph or a CRLF is no change.
fn comparable_model(m: Manifest) -> Manifest {
    let mut m = m.without_offsets();
    for p in &mut m.principles {
        (p.short_text, p.elaboration) = (Default::default(), Default::default());
    }
    for c in &mut m.cases {
        c.story = Default::default();
    }
    for r in &mut m.rounds {
        r.body = String::new();
    }
    forget_positions(&mut m);
    m
}

/// Every position in the model set to the start of the file, and the underline width
/// of links to 0. A position left here (of a field added later) makes two layouts of
/// one file compare as different: `fmt` then keeps a more conservative form, never
/// one that reads differently. The tests compare with [`without_positions`].
fn forget_positions(m: &mut Manifest) {
    fn forget<T>(located: &mut Located<T>) {
        located.pos = Pos::START;
    }
    let house = &mut m.identity.house;
    for l in [&mut house.font, &mut house.colour, &mut house.logo] {
        l.iter_mut().for_each(forget);
    }
    m.identity.actors.iter_mut().for_each(|a| forget(&mut a.id));
    m.identity.kompas.iter_mut().for_each(|k| forget(&mut k.id));
    for p in &mut m.principles {
        forget(&mut p.id);
        p.order.iter_mut().for_each(forget);
        p.responsibilities
            .iter_mut()
            .for_each(|r| forget(&mut r.actor));
        p.kompas.iter_mut().for_each(forget);
        p.laws.iter_mut().for_each(|l| forget(&mut l.id));
    }
    for c in &mut m.cases {
        forget(&mut c.id);
        c.principle.iter_mut().for_each(forget);
        c.actors.iter_mut().for_each(forget);
        c.kompas.iter_mut().for_each(forget);
        c.laws.iter_mut().for_each(|l| forget(&mut l.id));
    }
    for r in &mut m.rounds {
        r.year.iter_mut().for_each(forget);
        r.advice_points.iter_mut().for_each(|a| forget(&mut a.id));
        for v in r.response.iter_mut().flat_map(|r| &mut r.verdicts) {
            forget(&mut v.point);
        }
    }
    for link in m.pages.iter_mut().flat_map(|p| &mut p.links) {
        (link.pos, link.width) = (Pos::START, 0);
    }
}

/// The tree with old keys under their new names and the top-level keys sorted: their
/// order carries no meaning.
fn comparable_yaml(path: &str, mut tree: Yaml) -> Yaml {
    if let Some(kind) = file_kind(path) {
        super::front_matter::migrate(&mut tree, keys::table(kind));
    }
    if let Kind::Map(entries) = &mut tree.kind {
        entries.sort_by(|a, b| a.key.cmp(&b.key));
    }
    tree
}

/// Two trees hold the same values, in the same order; positions aside. The written form
/// of a text carries no meaning; that of a number does (a text field reads `007` as
/// written).
pub(super) fn same_tree(a: &Yaml, b: &Yaml) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Map(x), Kind::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(p, q)| p.key == q.key && same_tree(&p.value, &q.value))
        }
        (Kind::Seq(x), Kind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_tree(p, q))
        }
        _ => same_scalar(a, b),
    }
}

pub(super) fn same_scalar(a: &Yaml, b: &Yaml) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Null, Kind::Null) => true,
        (Kind::Str(x), Kind::Str(y)) => x == y,
        (Kind::Int(x), Kind::Int(y)) => x == y && a.raw == b.raw,
        (Kind::Bool(x), Kind::Bool(y)) => x == y && a.raw == b.raw,
        (Kind::Float(x), Kind::Float(y)) => x.to_bits() == y.to_bits() && a.raw == b.raw,
        (Kind::Seq(x), Kind::Seq(y)) => x.is_empty() && y.is_empty(),
        (Kind::Map(x), Kind::Map(y)) => x.is_empty() && y.is_empty(),
        _ => false,
    }
}
