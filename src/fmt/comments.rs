//! Comments in the front matter: found without a YAML tokenizer of our own, and
//! attached to the key or list item they belong to.

use std::collections::HashMap;

use crate::load::yaml::{self, Kind, Yaml};
use crate::model::finding::Pos;

use super::reading::same_tree;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Comment {
    /// 1-based line in the YAML text.
    line: usize,
    /// From `#` to the end of the line, trailing whitespace removed.
    pub(super) text: String,
    /// After a value on the same line, rather than on a line of its own.
    trailing: bool,
}

/// Every comment of a YAML text. A `#` starts a comment when cutting the line there
/// leaves the same values: that tells a comment from a `#` in a quoted or block text
/// without a YAML tokenizer of our own.
pub(super) fn find_comments(src: &str, tree: &Yaml) -> Vec<Comment> {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for (at, _) in line.match_indices('#') {
            if at > 0 && !matches!(line.as_bytes()[at - 1], b' ' | b'\t') {
                continue;
            }
            let mut cut = lines.clone();
            cut[i] = &line[..at];
            let same = yaml::parse(&cut.join("\n"), 1).is_ok_and(|t| same_tree(&t, tree));
            if same {
                out.push(Comment {
                    line: i + 1,
                    text: line[at..].trim_end().to_string(),
                    trailing: !line[..at].trim().is_empty(),
                });
                break;
            }
        }
    }
    out
}

/// Where a comment is kept: above or behind a key, or above or behind a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Slot {
    Entry(Pos),
    Item(Pos),
}

/// Comments assigned to the keys and items they belong to.
#[derive(Debug, Default)]
pub(super) struct Attached {
    /// Comments above the first key, set off by a blank line: about the whole file.
    pub(super) header: Vec<String>,
    pub(super) leading: HashMap<Slot, Vec<String>>,
    pub(super) trailing: HashMap<Slot, Vec<String>>,
    /// Comments after the last key.
    pub(super) footer: Vec<String>,
}

fn anchors(tree: &Yaml) -> Vec<(Pos, Slot)> {
    fn walk(y: &Yaml, out: &mut Vec<(Pos, Slot)>) {
        match &y.kind {
            Kind::Map(entries) => {
                for e in entries {
                    out.push((e.key_pos, Slot::Entry(e.key_pos)));
                    walk(&e.value, out);
                }
            }
            Kind::Seq(items) => {
                for item in items {
                    out.push((item.pos, Slot::Item(item.pos)));
                    walk(item, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(tree, &mut out);
    // At the same place an item comes before the first key of its mapping: a comment
    // above `- naam: x` belongs to the item.
    out.sort_by_key(|(pos, slot)| (pos.line, pos.column, matches!(slot, Slot::Entry(_))));
    out
}

pub(super) fn attach(src: &str, tree: &Yaml) -> Attached {
    let comments = find_comments(src, tree);
    let anchors = anchors(tree);
    let lines: Vec<&str> = src.split('\n').collect();
    let blank = |line: usize| lines.get(line - 1).is_none_or(|l| l.trim().is_empty());
    let mut att = Attached::default();
    let Some(&(first, _)) = anchors.first() else {
        att.header = comments.into_iter().map(|c| c.text).collect();
        return att;
    };
    // A blank line between the opening comments and the first key makes the comments
    // above it a header about the whole file.
    let header_end = comments
        .first()
        .filter(|c| !c.trailing && c.line < first.line)
        .and_then(|c| (c.line + 1..first.line).rev().find(|&l| blank(l)))
        .unwrap_or(0);
    for c in comments {
        if !c.trailing && c.line < header_end {
            att.header.push(c.text);
        } else if !c.trailing {
            match anchors.iter().find(|(p, _)| p.line > c.line) {
                Some((_, slot)) => att.leading.entry(*slot).or_default().push(c.text),
                None => att.footer.push(c.text),
            }
        } else {
            let on_line = |want_entry: bool| {
                anchors
                    .iter()
                    .rev()
                    .find(|(p, s)| p.line == c.line && matches!(s, Slot::Entry(_)) == want_entry)
            };
            let slot = on_line(true)
                .or_else(|| on_line(false))
                .or_else(|| anchors.iter().rev().find(|(p, _)| p.line < c.line))
                .map(|(_, s)| *s);
            match slot {
                Some(slot) => att.trailing.entry(slot).or_default().push(c.text),
                None => att.leading.entry(anchors[0].1).or_default().push(c.text),
            }
        }
    }
    att
}
