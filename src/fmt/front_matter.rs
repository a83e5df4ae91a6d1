//! Writing the front matter: keys in the order of the key table, comments with their
//! key, scalars plain when they read back the same.

use crate::load::yaml::{Entry, Kind, Yaml};
use crate::model::FileKind;
use crate::model::keys;

use super::comments::{Attached, Slot, attach};
use super::scalar::{key_text, scalar_text};

/// Lists in flow style only when their line stays within this many characters.
const FLOW_WIDTH: usize = 80;

pub(super) fn canonical_yaml(kind: FileKind, src: &str, tree: &Yaml) -> String {
    let mut w = Writer {
        out: String::new(),
        att: attach(src, tree),
    };
    // Old keys get their new names; positions stay, so comments stay with their key.
    let mut tree = tree.clone();
    migrate(&mut tree, keys::table(kind));
    for c in std::mem::take(&mut w.att.header) {
        w.out.push_str(&c);
        w.out.push('\n');
    }
    if let Kind::Map(entries) = &tree.kind {
        if !w.out.is_empty() && !entries.is_empty() {
            w.out.push('\n');
        }
        let order = keys::table(kind);
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        // Stable: unknown keys keep their own order after the known ones.
        sorted.sort_by_key(|e| {
            order
                .iter()
                .position(|k| k.name == e.key)
                .unwrap_or(order.len())
        });
        for e in sorted {
            w.entry(e, 0, None);
        }
    }
    // Comments whose key was not written (cannot happen for a tree read from `src`,
    // but a comment is never dropped).
    let mut rest: Vec<String> = std::mem::take(&mut w.att.footer);
    let mut left: Vec<(Slot, Vec<String>)> = w.att.leading.drain().collect();
    left.extend(w.att.trailing.drain());
    left.sort_by_key(|(slot, _)| match slot {
        Slot::Entry(p) | Slot::Item(p) => *p,
    });
    rest.extend(left.into_iter().flat_map(|(_, c)| c));
    for c in rest {
        w.out.push_str(&c);
        w.out.push('\n');
    }
    w.out
}

struct Writer {
    out: String,
    att: Attached,
}

impl Writer {
    fn comments_above(&mut self, slot: Slot, indent: usize) {
        for c in self.att.leading.remove(&slot).unwrap_or_default() {
            self.push_line(indent, &c, None);
        }
    }

    /// The first comment behind a key goes behind it; more (from a list written over
    /// several lines) go above it, where a second run leaves them.
    fn comment_behind(&mut self, slot: Slot, indent: usize) -> Option<String> {
        let mut behind = self.att.trailing.remove(&slot).unwrap_or_default();
        if behind.is_empty() {
            return None;
        }
        let first = behind.remove(0);
        for c in behind {
            self.push_line(indent, &c, None);
        }
        Some(first)
    }

    fn push_line(&mut self, indent: usize, text: &str, comment: Option<&str>) {
        self.out.push_str(&" ".repeat(indent));
        self.out.push_str(text);
        if let Some(c) = comment {
            self.out.push(' ');
            self.out.push_str(c);
        }
        self.out.push('\n');
    }

    /// One `key: value`; `lead` replaces the indentation of its first line (`- ` when it
    /// opens a list item).
    fn entry(&mut self, e: &Entry, indent: usize, lead: Option<String>) {
        let slot = Slot::Entry(e.key_pos);
        self.comments_above(slot, indent);
        let comment = self.comment_behind(slot, indent);
        let lead = lead.unwrap_or_else(|| " ".repeat(indent));
        let key = format!("{lead}{}:", key_text(&e.key));
        match &e.value.kind {
            Kind::Map(entries) if !entries.is_empty() => {
                self.push_line(0, &key, comment.as_deref());
                for x in entries {
                    self.entry(x, indent + 2, None);
                }
            }
            Kind::Seq(items) if !items.is_empty() => {
                if let Some(flow) = self.flow(items, &format!("{key} ")) {
                    self.push_line(0, &flow, comment.as_deref());
                } else {
                    self.push_line(0, &key, comment.as_deref());
                    for item in items {
                        self.item(item, indent + 2);
                    }
                }
            }
            _ => {
                let value = scalar_text(&e.value, false);
                let line = if value.is_empty() {
                    key
                } else {
                    format!("{key} {value}")
                };
                self.push_line(0, &line, comment.as_deref());
            }
        }
    }

    fn item(&mut self, y: &Yaml, indent: usize) {
        let slot = Slot::Item(y.pos);
        self.comments_above(slot, indent);
        let pad = " ".repeat(indent);
        match &y.kind {
            Kind::Map(entries) if !entries.is_empty() => {
                // Nothing can stand between `- ` and the first key: its comments go above.
                if let Some(c) = self.comment_behind(slot, indent) {
                    self.push_line(indent, &c, None);
                }
                self.comments_above(Slot::Entry(entries[0].key_pos), indent);
                self.entry(&entries[0], indent + 2, Some(format!("{pad}- ")));
                for e in &entries[1..] {
                    self.entry(e, indent + 2, None);
                }
            }
            Kind::Seq(items) if !items.is_empty() => {
                if let Some(c) = self.comment_behind(slot, indent) {
                    self.push_line(indent, &c, None);
                }
                if let Some(flow) = self.flow(items, &format!("{pad}- ")) {
                    self.push_line(0, &flow, None);
                } else {
                    self.push_line(indent, "-", None);
                    for item in items {
                        self.item(item, indent + 2);
                    }
                }
            }
            _ => {
                let comment = self.comment_behind(slot, indent);
                let value = scalar_text(y, false);
                let line = if value.is_empty() {
                    "-".to_string()
                } else {
                    format!("- {value}")
                };
                self.push_line(indent, &line, comment.as_deref());
            }
        }
    }

    /// `prefix[a, b]` when every item is a scalar without comments and the line fits.
    fn flow(&self, items: &[Yaml], prefix: &str) -> Option<String> {
        let mut texts = Vec::new();
        for item in items {
            let slot = Slot::Item(item.pos);
            let scalar = match &item.kind {
                Kind::Str(_) | Kind::Int(_) | Kind::Bool(_) | Kind::Float(_) => true,
                Kind::Null => !item.raw.is_empty(),
                Kind::Seq(_) | Kind::Map(_) => false,
            };
            if !scalar
                || self.att.leading.contains_key(&slot)
                || self.att.trailing.contains_key(&slot)
            {
                return None;
            }
            texts.push(scalar_text(item, true));
        }
        let line = format!("{prefix}[{}]", texts.join(", "));
        (line.chars().count() <= FLOW_WIDTH).then_some(line)
    }
}

/// Renames the old (English) keys of a mapping read with `keys` to their Dutch names,
/// nested tables too. An old key whose new name is also present stays: that is a
/// duplicate, for the reader to report.
pub(super) fn migrate(node: &mut crate::load::yaml::Yaml, keys: &[keys::Key]) {
    use crate::load::yaml::Kind;
    let Kind::Map(entries) = &mut node.kind else {
        return;
    };
    let present: Vec<String> = entries.iter().map(|e| e.key.clone()).collect();
    for e in entries.iter_mut() {
        let Some(k) = keys.iter().find(|k| {
            k.name == e.key
                || (k.old == Some(e.key.as_str()) && !present.iter().any(|p| p == k.name))
        }) else {
            continue;
        };
        e.key = k.name.to_string();
        match (k.ty, &mut e.value.kind) {
            (keys::Ty::Map(inner), _) => migrate(&mut e.value, inner),
            (keys::Ty::List(inner), Kind::Seq(items)) => {
                for item in items {
                    migrate(item, inner);
                }
            }
            _ => {}
        }
    }
}
