//! `kwaliteit fmt`: the canonical text of one manifest file.
//!
//! Front matter: keys in a fixed order per kind of file (unknown keys after the known
//! ones, in their own order), scalars plain when YAML reads them back the same and
//! double-quoted otherwise, short lists as `[a, b]`, comments kept with the key they
//! stand above. Body: LF line endings, no trailing whitespace, one blank line between
//! blocks, ATX headings, one line per paragraph.
//!
//! Formatting must never change what the tool reads. So every candidate text is loaded
//! again and kept only when the model (positions aside, Markdown compared as rendered),
//! the findings, the front matter values and the comments are all the same as before;
//! otherwise a more conservative candidate is tried, down to the file as written.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::load;
use crate::load::frontmatter;
use crate::load::yaml::{self, Entry, Kind, Yaml};
use crate::model::finding::{Pos, Rule};
use crate::model::{FileKind, MANIFEST_FILE, Manifest, file_kind};
use crate::source::SourceFile;

/// Lists in flow style only when their line stays within this many characters.
const FLOW_WIDTH: usize = 80;

/// The canonical text of one manifest file, or None if the file cannot be formatted safely
/// (it has syntax problems: then `fmt` leaves it alone and `check` reports them).
///
/// Also None for a path that is no manifest file, for front matter that is not a
/// mapping, and (not seen in practice) when formatting does not settle within a few
/// passes. Formatting the result again gives the result.
pub fn canonical(path: &str, text: &str) -> Option<String> {
    format_file(path, text).map(|(text, _)| text)
}

/// Which candidate was lossless: tests use it to see that the full form was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Canonical front matter and formatted body.
    Full,
    /// The front matter or the body (or both) kept as written, line endings aside.
    Conservative,
}

/// Keys in the order people read them; other keys follow in the order written.
fn key_order(kind: FileKind) -> &'static [&'static str] {
    match kind {
        FileKind::Identity => &[
            "title",
            "elaboration_title",
            "council",
            "council_short",
            "municipality",
            "actors",
        ],
        FileKind::Principle => &["id", "title", "order", "responsibilities"],
        FileKind::Case => &["id", "title", "principle", "actors", "since"],
        FileKind::Round => &[
            "year",
            "date",
            "to",
            "subject",
            "salutation",
            "closing",
            "signatories",
            "partners",
            "revision",
        ],
    }
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

fn format_file(path: &str, text: &str) -> Option<(String, Mode)> {
    let kind = file_kind(path)?;
    let before = Reading::of(path, text)?;
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

/// One pass: the most formatted candidate that reads the same as `before`.
fn format_once(path: &str, kind: FileKind, text: &str, before: &Reading) -> Option<(String, Mode)> {
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
    let mut verbatim_yaml = yaml_src.to_string();
    if !verbatim_yaml.is_empty() && !verbatim_yaml.ends_with('\n') {
        verbatim_yaml.push('\n');
    }
    let yamls = [canonical_yaml(kind, yaml_src, &tree), verbatim_yaml];
    let bodies = body.map(|b| [format_body(b), verbatim_body(b)]);
    for (y, yaml_text) in yamls.iter().enumerate() {
        let candidates: Vec<(String, bool)> = match &bodies {
            None => vec![(yaml_text.clone(), true)],
            Some(bodies) => bodies
                .iter()
                .enumerate()
                .map(|(b, body)| (format!("---\n{yaml_text}---\n{body}"), b == 0))
                .collect(),
        };
        for (out, full_body) in candidates {
            // The text itself was checked already (or is the original).
            if out == text || Reading::of(path, &out).is_some_and(|after| after == *before) {
                let mode = if y == 0 && full_body {
                    Mode::Full
                } else {
                    Mode::Conservative
                };
                return Some((out, mode));
            }
        }
    }
    None
}

/// CRLF and lone CR both end a line for YAML and CommonMark; LF is the one we write.
fn unify_line_endings(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

// ---------------------------------------------------------------------------------
// Losslessness: what a file means to the tool, to compare before and after.

/// Everything the tool reads from one file, without positions.
#[derive(Debug)]
struct Reading {
    model: String,
    /// Rule, message and help of every finding, sorted.
    findings: Vec<(Rule, String, Option<String>)>,
    /// The front matter, with the top-level keys sorted (their order carries no meaning).
    yaml: Option<Yaml>,
    /// Comment texts, sorted: comments may move with their key, never get lost.
    comments: Vec<String>,
}

impl Reading {
    /// None when the file has syntax problems, so it is not ours to format.
    fn of(path: &str, text: &str) -> Option<Reading> {
        let loaded = load::load(&[SourceFile {
            path: path.to_string(),
            bytes: text.as_bytes().to_vec(),
        }]);
        if loaded.findings.iter().any(|f| UNREADABLE.contains(&f.rule)) {
            return None;
        }
        let mut findings: Vec<_> = loaded
            .findings
            .into_iter()
            .map(|f| (f.rule, f.message, f.help))
            .collect();
        findings.sort();
        let text = unify_line_endings(text.strip_prefix('\u{feff}').unwrap_or(text));
        let yaml_src = if path == MANIFEST_FILE {
            Some(text.as_str())
        } else {
            frontmatter::split(&text).ok().map(|s| s.yaml)
        };
        let (yaml, comments) = match yaml_src {
            Some(src) => match yaml::parse(src, 1) {
                Ok(tree) => {
                    let mut comments: Vec<String> = find_comments(src, &tree)
                        .into_iter()
                        .map(|c| c.text)
                        .collect();
                    comments.sort();
                    (Some(comparable_yaml(tree)), comments)
                }
                Err(_) => (None, Vec::new()),
            },
            None => (None, Vec::new()),
        };
        Some(Reading {
            model: comparable_model(&loaded.manifest),
            findings,
            yaml,
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
/// on the `Debug` text covers every `Located` and `Link` the model has or will get.
fn without_positions(m: &Manifest) -> String {
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
fn comparable_model(m: &Manifest) -> String {
    let mut m = m.without_offsets();
    for p in &mut m.principles {
        (p.short_text, p.elaboration) = (String::new(), String::new());
    }
    for c in &mut m.cases {
        c.story = String::new();
    }
    for r in &mut m.rounds {
        r.body = String::new();
    }
    without_positions(&m)
}

/// The tree with its top-level keys sorted: their order carries no meaning.
fn comparable_yaml(mut tree: Yaml) -> Yaml {
    if let Kind::Map(entries) = &mut tree.kind {
        entries.sort_by(|a, b| a.key.cmp(&b.key));
    }
    tree
}

/// Two trees hold the same values, in the same order; positions aside. The written form
/// of a text carries no meaning; that of a number does (a text field reads `007` as
/// written).
fn same_tree(a: &Yaml, b: &Yaml) -> bool {
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

fn same_scalar(a: &Yaml, b: &Yaml) -> bool {
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

// ---------------------------------------------------------------------------------
// Comments in the front matter.

#[derive(Clone, Debug, PartialEq, Eq)]
struct Comment {
    /// 1-based line in the YAML text.
    line: usize,
    /// From `#` to the end of the line, trailing whitespace removed.
    text: String,
    /// After a value on the same line, rather than on a line of its own.
    trailing: bool,
}

/// Every comment of a YAML text. A `#` starts a comment when cutting the line there
/// leaves the same values: that tells a comment from a `#` in a quoted or block text
/// without a YAML tokenizer of our own.
fn find_comments(src: &str, tree: &Yaml) -> Vec<Comment> {
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
enum Slot {
    Entry(Pos),
    Item(Pos),
}

/// Comments assigned to the keys and items they belong to.
#[derive(Debug, Default)]
struct Attached {
    /// Comments above the first key, set off by a blank line: about the whole file.
    header: Vec<String>,
    leading: HashMap<Slot, Vec<String>>,
    trailing: HashMap<Slot, Vec<String>>,
    /// Comments after the last key.
    footer: Vec<String>,
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
    // above `- name: x` belongs to the item.
    out.sort_by_key(|(pos, slot)| (pos.line, pos.column, matches!(slot, Slot::Entry(_))));
    out
}

fn attach(src: &str, tree: &Yaml) -> Attached {
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

// ---------------------------------------------------------------------------------
// Writing the front matter.

fn canonical_yaml(kind: FileKind, src: &str, tree: &Yaml) -> String {
    let mut w = Writer {
        out: String::new(),
        att: attach(src, tree),
    };
    for c in std::mem::take(&mut w.att.header) {
        w.out.push_str(&c);
        w.out.push('\n');
    }
    if let Kind::Map(entries) = &tree.kind {
        if !w.out.is_empty() && !entries.is_empty() {
            w.out.push('\n');
        }
        let order = key_order(kind);
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        // Stable: unknown keys keep their own order after the known ones.
        sorted.sort_by_key(|e| {
            order
                .iter()
                .position(|k| *k == e.key)
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

fn key_text(key: &str) -> String {
    let reads_back = || {
        yaml::parse(&format!("{key}: x\n"), 1).is_ok_and(|t| match t.kind {
            Kind::Map(entries) => entries.len() == 1 && entries[0].key == key,
            _ => false,
        })
    };
    if plain_safe(key, false) && key != "<<" && reads_back() {
        key.to_string()
    } else {
        quoted(key)
    }
}

/// A scalar as written in block context (`key: …`, `- …`) or inside `[…]`.
fn scalar_text(y: &Yaml, flow: bool) -> String {
    let reads_back = |candidate: &str| {
        let src = if flow {
            format!("k: [{candidate}]\n")
        } else {
            format!("k: {candidate}\n")
        };
        let Ok(tree) = yaml::parse(&src, 1) else {
            return false;
        };
        let Kind::Map(entries) = &tree.kind else {
            return false;
        };
        let value = match (&entries[..], flow) {
            ([e], false) => &e.value,
            ([e], true) => match &e.value.kind {
                Kind::Seq(items) if items.len() == 1 => &items[0],
                _ => return false,
            },
            _ => return false,
        };
        same_scalar(value, y)
    };
    let raw = y.raw.as_str();
    // As written, when it was written plain on one line and reads back the same:
    // `2015-08-18`, `007`, `yes` stay what the author typed.
    let plain_raw = !raw.is_empty()
        && !raw.contains('\n')
        && raw.trim() == raw
        && !raw.starts_with(['"', '\''])
        && reads_back(raw);
    match &y.kind {
        Kind::Seq(_) => "[]".to_string(),
        Kind::Map(_) => "{}".to_string(),
        Kind::Null if raw.is_empty() && !flow => String::new(),
        Kind::Null => {
            if plain_raw {
                raw.to_string()
            } else {
                "null".to_string()
            }
        }
        Kind::Str(s) => {
            if plain_raw {
                raw.to_string()
            } else if plain_safe(s, flow) && reads_back(s) {
                s.clone()
            } else {
                quoted(s)
            }
        }
        Kind::Int(i) => {
            if plain_raw {
                raw.to_string()
            } else {
                i.to_string()
            }
        }
        Kind::Bool(b) => {
            if plain_raw {
                raw.to_string()
            } else {
                b.to_string()
            }
        }
        Kind::Float(f) => {
            if plain_raw {
                raw.to_string()
            } else {
                format!("{f:?}")
            }
        }
    }
}

/// Can `s` be written without quotes? Conservative: anything YAML could read as
/// something else (a number, yes/no, null), or that holds an indicator, gets quotes.
fn plain_safe(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let keyword = matches!(
        s.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "y" | "n" | "on" | "off" | "null" | "~" | "="
    );
    s.trim() == s
        && !keyword
        && !"-?:,[]{}#&*!|>'\"%@`+.".contains(first)
        && !first.is_ascii_digit()
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s
            .chars()
            .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}'))
        && !(flow && s.contains([',', '[', ']', '{', '}']))
}

/// A YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------------
// The Markdown body.

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The body as written, without blank lines around it, ending in one newline.
fn verbatim_body(body: &str) -> String {
    let start = body
        .split_inclusive('\n')
        .take_while(|l| l.trim().is_empty())
        .map(str::len)
        .sum::<usize>();
    let text = body[start..].trim_end();
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

/// Byte offsets of the lines of a text.
struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        if starts.last() == Some(&text.len()) && !text.is_empty() {
            starts.pop();
        }
        Lines {
            starts,
            len: text.len(),
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset`.
    fn of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    fn start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Where the line's text ends, before its newline.
    fn end(&self, line: usize, text: &str) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        if text[..next].ends_with('\n') {
            next - 1
        } else {
            next
        }
    }
}

/// A part of the body written as one unit: a top-level block, or lines between blocks
/// that are no block (link reference definitions).
struct Block {
    lines: Range<usize>,
}

/// Pending replacements of byte ranges; one that overlaps an earlier one is dropped,
/// so earlier ones win.
#[derive(Default)]
struct Edits(Vec<(Range<usize>, String)>);

impl Edits {
    fn add(&mut self, range: Range<usize>, with: impl Into<String>) {
        let with = with.into();
        if range.is_empty() && with.is_empty() {
            return;
        }
        let overlaps = self
            .0
            .iter()
            .any(|(r, _)| range.start < r.end && r.start < range.end);
        if !overlaps {
            self.0.push((range, with));
        }
    }

    /// `text[span]` with the edits that lie inside it.
    fn apply(&self, text: &str, span: Range<usize>) -> String {
        let mut inside: Vec<&(Range<usize>, String)> = self
            .0
            .iter()
            .filter(|(r, _)| span.start <= r.start && r.end <= span.end)
            .collect();
        inside.sort_by_key(|(r, _)| r.start);
        let mut out = String::new();
        let mut at = span.start;
        for (r, with) in inside {
            out.push_str(&text[at..r.start]);
            out.push_str(with);
            at = r.end;
        }
        out.push_str(&text[at..span.end]);
        out
    }
}

fn is_blank(line: &str) -> bool {
    line.trim_matches([' ', '\t']).is_empty()
}

/// The body in canonical form. Each top-level block is rewritten on its own and kept
/// only when it renders the same (and keeps its headings and links); otherwise the
/// block stays as written.
fn format_body(body: &str) -> String {
    let lines = Lines::new(body);
    let line = |i: usize| &body[lines.start(i)..lines.end(i, body)];
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, markdown_options())
        .into_offset_iter()
        .collect();

    let mut blocks: Vec<Range<usize>> = Vec::new();
    // Code, raw HTML and math keep every character, including trailing spaces: whole
    // lines in code and HTML blocks, the characters of inline code and HTML.
    let mut literal_blocks: Vec<Range<usize>> = Vec::new();
    let mut literal_inlines: Vec<Range<usize>> = Vec::new();
    let mut edits = Edits::default();
    let mut stack: Vec<Tag> = Vec::new();
    for (i, (event, range)) in events.iter().enumerate() {
        let next_start = events.get(i + 1).map_or(body.len(), |(_, r)| r.start);
        let in_heading = stack.iter().any(|t| matches!(t, Tag::Heading { .. }));
        match event {
            Event::Start(tag) => {
                if stack.is_empty() {
                    blocks.push(range.clone());
                    match tag {
                        Tag::Heading { level, .. } => {
                            heading(body, &lines, range, *level as usize, &mut edits);
                        }
                        Tag::Paragraph => {
                            // Up to three spaces before a paragraph are no content.
                            let from = lines.start(lines.of(range.start));
                            if body[from..range.start].chars().all(|c| c == ' ') {
                                edits.add(from..range.start, "");
                            }
                        }
                        _ => {}
                    }
                }
                if matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock) {
                    literal_blocks.push(range.clone());
                }
                stack.push(tag.clone());
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => literal_inlines.push(range.clone()),
            Event::SoftBreak | Event::HardBreak if !in_heading => {
                let Some(nl) = body[range.clone()].find('\n').map(|n| range.start + n) else {
                    continue;
                };
                let before = &body[range.start..nl];
                let hard = matches!(event, Event::HardBreak)
                    && (before == "\\" || (before.len() >= 2 && before.bytes().all(|b| b == b' ')));
                if hard {
                    // A break by trailing spaces keeps two of them: writing `\` instead
                    // would change the words `diff` compares.
                    if before != "\\" {
                        edits.add(range.start..nl, "  ");
                    }
                    let top_level = matches!(stack.first(), Some(Tag::Paragraph));
                    if top_level
                        && body[nl + 1..next_start]
                            .bytes()
                            .all(|b| b == b' ' || b == b'\t')
                    {
                        edits.add(nl + 1..next_start, "");
                    }
                } else {
                    // Join the lines: drop the spaces before the break and the indentation
                    // or `>` markers before the next line's text. (Spaces with a tab are a
                    // hard break to pulldown-cmark but not to comrak, which renders: join,
                    // and let the check of the block decide.)
                    let gap = &body[nl..next_start];
                    if gap.matches('\n').count() == 1
                        && gap.chars().all(|c| matches!(c, '\n' | ' ' | '\t' | '>'))
                    {
                        let from = body[..nl].trim_end_matches([' ', '\t']).len();
                        edits.add(from..next_start, " ");
                    }
                }
            }
            // A block without children, like a thematic break.
            _ if stack.is_empty() => blocks.push(range.clone()),
            _ => {}
        }
    }
    let inside = |ranges: &[Range<usize>], at: usize| ranges.iter().any(|r| r.contains(&at));

    // Blocks as whole lines, without the blank lines the parser counts to them.
    let mut parts: Vec<Block> = Vec::new();
    let mut covered = 0;
    for range in &blocks {
        let first = lines.of(range.start);
        let mut last = lines.of(range.end.saturating_sub(1).max(range.start));
        while last > first && is_blank(line(last)) {
            last -= 1;
        }
        if first < covered {
            // Blocks that share a line: leave the body as written.
            return verbatim_body(body);
        }
        // Lines between blocks that are not blank (link reference definitions). Right
        // above a block they stay with it: a blank line put between could change how
        // the block parses.
        push_gap(&mut parts, covered..first, &line);
        match parts.last_mut() {
            Some(gap) if gap.lines.end == first && first > covered => gap.lines.end = last + 1,
            _ => parts.push(Block {
                lines: first..last + 1,
            }),
        }
        covered = last + 1;
    }
    push_gap(&mut parts, covered..lines.count(), &line);

    // Inside a block: one blank line at most, no trailing whitespace.
    for part in &parts {
        let mut previous_blank = false;
        for l in part.lines.clone() {
            let start = lines.start(l);
            let end = lines.end(l, body);
            if inside(&literal_blocks, start) {
                previous_blank = false;
                continue;
            }
            let blank = is_blank(line(l));
            if blank && previous_blank {
                let next = if l + 1 < lines.count() {
                    lines.start(l + 1)
                } else {
                    end
                };
                edits.add(start..next, "");
            }
            previous_blank = blank;
            let kept = body[start..end].trim_end_matches([' ', '\t']).len();
            if start + kept < end
                && !inside(&literal_blocks, start + kept)
                && !inside(&literal_inlines, start + kept)
            {
                edits.add(start + kept..end, "");
            }
        }
    }

    let mut out: Vec<String> = Vec::new();
    for part in &parts {
        let span = lines.start(part.lines.start)..lines.end(part.lines.end - 1, body);
        let original = &body[span.clone()];
        let formatted = edits.apply(body, span);
        out.push(if same_markdown(original, &formatted) {
            formatted
        } else {
            original.to_string()
        });
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("{}\n", out.join("\n\n"))
    }
}

/// Non-blank lines in `range` as blocks of their own, one per run of lines.
fn push_gap<'a>(parts: &mut Vec<Block>, range: Range<usize>, line: &impl Fn(usize) -> &'a str) {
    let mut run: Option<usize> = None;
    for l in range.clone() {
        match (is_blank(line(l)), run) {
            (false, None) => run = Some(l),
            (true, Some(start)) => {
                parts.push(Block { lines: start..l });
                run = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run {
        parts.push(Block {
            lines: start..range.end,
        });
    }
}

/// Rewrite a top-level heading as `## Text`: one space after the hashes, no closing
/// hashes, an underlined heading of one line made ATX.
fn heading(body: &str, lines: &Lines, range: &Range<usize>, level: usize, edits: &mut Edits) {
    let first = lines.of(range.start);
    let mut last = lines.of(range.end.saturating_sub(1).max(range.start));
    while last > first && is_blank(&body[lines.start(last)..lines.end(last, body)]) {
        last -= 1;
    }
    let text = |l: usize| &body[lines.start(l)..lines.end(l, body)];
    let hashes = "#".repeat(level);
    let span = lines.start(first)..lines.end(last, body);
    if first == last {
        let written = text(first).trim_start_matches(' ');
        let Some(rest) = written.strip_prefix(&hashes) else {
            return;
        };
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return;
        }
        let rest = rest.trim_matches([' ', '\t']);
        let without_closing = rest.trim_end_matches('#');
        let content = if without_closing.is_empty() {
            ""
        } else if without_closing.ends_with([' ', '\t']) {
            without_closing.trim_end_matches([' ', '\t'])
        } else {
            rest
        };
        if content.is_empty() {
            edits.add(span, hashes);
        } else {
            edits.add(span, format!("{hashes} {content}"));
        }
    } else if last == first + 1 {
        let content = text(first).trim_matches([' ', '\t']);
        // A closing `#` would be read as the end of an ATX heading: keep the underline.
        if !content.is_empty() && !content.ends_with('#') {
            edits.add(span, format!("{hashes} {content}"));
        }
    }
}

/// Two Markdown texts mean the same: they render the same and have the same headings
/// and link targets (which anchors and link checks read).
fn same_markdown(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shape = |t: &str| {
        let scan = crate::load::markdown::scan(t);
        (
            scan.headings
                .into_iter()
                .map(|h| (h.level, h.text))
                .collect::<Vec<_>>(),
            scan.links.into_iter().map(|l| l.target).collect::<Vec<_>>(),
        )
    };
    let tree = |t: &str| crate::model::document::Document::parse(t, 0).normalized();
    tree(a) == tree(b) && shape(a) == shape(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fmt(path: &str, text: &str) -> String {
        let (out, mode) = format_file(path, text).expect("formattable");
        assert_eq!(mode, Mode::Full, "{out}");
        out
    }

    fn case_with_title(title: &str) -> String {
        format!("---\nid: a\ntitle: {title}\nprinciple: p\n---\nVerhaal.\n")
    }

    /// The title line of a formatted case.
    fn title_as_written(title: &str) -> String {
        let out = fmt("cases/a.md", &case_with_title(title));
        out.lines()
            .find_map(|l| l.strip_prefix("title: "))
            .unwrap()
            .to_string()
    }

    #[test]
    fn principle_keys_in_fixed_order_unknown_keys_after_in_their_own_order() {
        let text = "---\nkompas: [verbetercyclus]\nresponsibilities:\n  gemeente: toezicht\n  inwoners: meedenken\nwetten: [BWBR0035362]\norder: 2\ntitle: Twee\nprivacy_exception: true\nid: twee\n---\nKort.\n\n## Uitwerking\n\nLang.\n";
        assert_eq!(
            fmt("manifest/principles/02-twee.md", text),
            "---\nid: twee\ntitle: Twee\norder: 2\nresponsibilities:\n  gemeente: toezicht\n  inwoners: meedenken\nkompas: [verbetercyclus]\nwetten: [BWBR0035362]\nprivacy_exception: true\n---\nKort.\n\n## Uitwerking\n\nLang.\n"
        );
    }

    #[test]
    fn case_round_and_identity_keys_in_fixed_order() {
        let case =
            "---\nsince: 2015\nactors: [inwoners]\nprinciple: p\ntitle: T\nid: a\n---\nVerhaal.\n";
        assert_eq!(
            fmt("cases/a.md", case),
            "---\nid: a\ntitle: T\nprinciple: p\nactors: [inwoners]\nsince: 2015\n---\nVerhaal.\n"
        );
        let round = "---\nrevision: ronde-2016\npartners: [a]\nsignatories:\n  - role: Voorzitter\n    name: K\nclosing: Groet,\nsalutation: Geacht college,\nsubject: Advies\nto: [Gemeente]\ndate: 2016-01-02\nyear: 2016\n---\nBrief.\n";
        assert_eq!(
            fmt("manifest/rounds/2016.md", round),
            "---\nyear: 2016\ndate: 2016-01-02\nto: [Gemeente]\nsubject: Advies\nsalutation: Geacht college,\nclosing: Groet,\nsignatories:\n  - role: Voorzitter\n    name: K\npartners: [a]\nrevision: ronde-2016\n---\nBrief.\n"
        );
        let identity = "actors:\n  - id: inwoners\n    name: Inwoners\nmunicipality: G\ncouncil_short: R\ncouncil: Raad\nextra: 1\nelaboration_title: U\ntitle: T\n";
        assert_eq!(
            fmt(MANIFEST_FILE, identity),
            "title: T\nelaboration_title: U\ncouncil: Raad\ncouncil_short: R\nmunicipality: G\nactors:\n  - id: inwoners\n    name: Inwoners\nextra: 1\n"
        );
    }

    #[test]
    fn texts_are_plain_when_safe_and_quoted_otherwise() {
        let cases = [
            (
                "\"De sociale café's in de wijken\"",
                "De sociale café's in de wijken",
            ),
            ("'Geacht college,'", "Geacht college,"),
            ("\"“Doen wat nodig is”\"", "“Doen wat nodig is”"),
            (
                "\"tekst met \\\"aanhalingstekens\\\"\"",
                "tekst met \"aanhalingstekens\"",
            ),
            ("'Zorg: wat nu?'", "\"Zorg: wat nu?\""),
            ("\"punt #1\"", "\"punt #1\""),
            ("'''s avonds'", "\"'s avonds\""),
            ("\"- opsomming\"", "\"- opsomming\""),
            ("\"yes\"", "\"yes\""),
            ("\"2015\"", "\"2015\""),
            ("\" spatie\"", "\" spatie\""),
            ("\"twee\\nregels\"", "\"twee\\nregels\""),
            ("\"back\\\\slash\"", "back\\slash"),
            ("\"tab\\there\"", "\"tab\\there\""),
            // A text written over two lines is one line of text.
            ("een\n  vervolg", "een vervolg"),
            // Scalars written plain stay as written: the loader reads them as typed.
            ("yes", "yes"),
            ("2015", "2015"),
            ("007", "007"),
            ("2015-08-18", "2015-08-18"),
            ("12 mei", "12 mei"),
        ];
        for (written, expected) in cases {
            assert_eq!(title_as_written(written), expected, "{written}");
        }
    }

    #[test]
    fn values_keep_their_kind() {
        let out = fmt(
            "manifest/principles/01-a.md",
            "---\nid: a\ntitle: A\norder: 0x1\nextra: [1, \"1\", true, 'true', ~, 1.50]\n---\nK.\n\n## Uitwerking\n\nL.\n",
        );
        assert!(out.contains("order: 0x1\n"), "{out}");
        assert!(
            out.contains("extra: [1, \"1\", true, \"true\", ~, 1.50]\n"),
            "{out}"
        );
    }

    #[test]
    fn short_lists_flow_long_lists_and_lists_of_tables_block() {
        let out = fmt(
            "cases/a.md",
            "---\nid: a\ntitle: T\nprinciple: p\nactors:\n  - inwoners\n  - gemeente\nsince: 2015\n---\nV.\n",
        );
        assert!(out.contains("actors: [inwoners, gemeente]\n"), "{out}");
        let long = "professionals en partners (o.a. de Stadsconferentie van 12 mei)";
        let out = fmt(
            "manifest/rounds/2015.md",
            &format!(
                "---\nyear: 2015\nto: [\"Gemeente\"]\nsubject: S\nsignatories: [{{name: K, role: V}}]\npartners: [\"{long}\", \"{long}\"]\nempty: []\n---\nB.\n"
            ),
        );
        assert!(
            out.contains(&format!("partners:\n  - {long}\n  - {long}\n")),
            "{out}"
        );
        assert!(out.contains("to: [Gemeente]\n"), "{out}");
        assert!(
            out.contains("signatories:\n  - name: K\n    role: V\n"),
            "{out}"
        );
        assert!(out.contains("empty: []\n"), "{out}");
        // In a flow list a comma needs quotes; in block style it does not.
        let out = fmt(
            "cases/a.md",
            "---\nid: a\ntitle: T\nprinciple: p\nactors:\n  - a, b\n---\nV.\n",
        );
        assert!(out.contains("actors: [\"a, b\"]\n"), "{out}");
    }

    #[test]
    fn comments_move_with_the_key_below_them() {
        let text = "---\n# over het bestand\n\n# over de verantwoordelijkheden\nresponsibilities: # cellen\n  # eerst\n  inwoners: \"meedenken # geen commentaar\" # wel commentaar\ntitle: A # de titel\n# over het id\nid: a\norder: 1\n# aan het eind\n---\nK.\n\n## Uitwerking\n\nL.\n";
        let out = fmt("manifest/principles/01-a.md", text);
        assert_eq!(
            out,
            "---\n# over het bestand\n\n# over het id\nid: a\ntitle: A # de titel\norder: 1\n# over de verantwoordelijkheden\nresponsibilities: # cellen\n  # eerst\n  inwoners: \"meedenken # geen commentaar\" # wel commentaar\n# aan het eind\n---\nK.\n\n## Uitwerking\n\nL.\n"
        );
        // A comment among list items keeps the list in block style.
        let out = fmt(
            "cases/a.md",
            "---\nid: a\ntitle: T\nprinciple: p\nactors:\n  # de eerste\n  - inwoners\n  - gemeente # de tweede\n---\nV.\n",
        );
        assert!(
            out.contains("actors:\n  # de eerste\n  - inwoners\n  - gemeente # de tweede\n"),
            "{out}"
        );
        // `#` inside a block text is text.
        let out = fmt(
            "cases/a.md",
            "---\nid: a\ntitle: |\n  # geen commentaar\nprinciple: p\n---\nV.\n",
        );
        assert!(out.contains("title: \"# geen commentaar\\n\"\n"), "{out}");
    }

    #[test]
    fn the_real_comments_stay_where_they_are() {
        let root = env!("CARGO_MANIFEST_DIR");
        for path in [
            "manifest/principles/06-inspireren-en-instrueren.md",
            "manifest/rounds/2015.md",
            "manifest/manifest.yaml",
        ] {
            let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
            let out = fmt(path, &text);
            let comments = |t: &str| {
                t.lines()
                    .filter(|l| l.trim_start().starts_with('#') && !l.starts_with("##"))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            assert!(!comments(&text).is_empty());
            assert_eq!(comments(&out), comments(&text), "{path}");
        }
    }

    #[test]
    fn crlf_and_byte_order_mark_become_plain_lf() {
        let lf = "---\nid: a\ntitle: T\nprinciple: p\n---\nEen\nverhaal.\n\nTwee.\n";
        let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
        let expected = "---\nid: a\ntitle: T\nprinciple: p\n---\nEen verhaal.\n\nTwee.\n";
        assert_eq!(fmt("cases/a.md", lf), expected);
        assert_eq!(fmt("cases/a.md", &crlf), expected);
        assert_eq!(
            fmt(
                MANIFEST_FILE,
                "\u{feff}title: T\r\ncouncil: R\r\nmunicipality: G\r\nactors:\r\n  - id: a\r\n"
            ),
            "title: T\ncouncil: R\nmunicipality: G\nactors:\n  - id: a\n"
        );
    }

    #[test]
    fn blank_lines_trailing_spaces_and_the_last_newline() {
        let text = "---\nid: a\ntitle: T\nprinciple: p\n...\n\n\nEen. \t\n\n\n\nTwee.  \n   \n- a\n\n\n- b\nDrie.";
        assert_eq!(
            fmt("cases/a.md", text),
            "---\nid: a\ntitle: T\nprinciple: p\n---\nEen.\n\nTwee.\n\n- a\n\n- b Drie.\n"
        );
        // A block right after another gets its blank line.
        assert_eq!(
            fmt(
                "cases/a.md",
                "---\nid: a\ntitle: T\nprinciple: p\n---\nTekst\n# Kop\nMeer\n- lijst\n"
            ),
            "---\nid: a\ntitle: T\nprinciple: p\n---\nTekst\n\n# Kop\n\nMeer\n\n- lijst\n"
        );
    }

    #[test]
    fn paragraphs_become_one_line_and_breaks_stay_breaks() {
        let text = "---\nid: a\ntitle: T\nprinciple: p\n---\nDe inwoner doet wat nodig is *voor\nhen*, met “passie” –\n   en café's.\n\nHard   \n  gebroken\\\nregel.\n\n> Citaat\n> over twee regels.\n\n- Punt\n  met vervolg\n";
        assert_eq!(
            fmt("cases/a.md", text),
            "---\nid: a\ntitle: T\nprinciple: p\n---\nDe inwoner doet wat nodig is *voor hen*, met “passie” – en café's.\n\nHard  \ngebroken\\\nregel.\n\n> Citaat over twee regels.\n\n- Punt met vervolg\n"
        );
    }

    #[test]
    fn code_keeps_every_character() {
        let text = "---\nid: a\ntitle: T\nprinciple: p\n---\nZie:\n\n```\ncode  \n\n\n  meer\n```\n\n    ingesprongen  \n\nEn `a  \nb`.\n";
        let out = fmt("cases/a.md", text);
        assert!(
            out.contains("```\ncode  \n\n\n  meer\n```\n\n    ingesprongen  \n\n"),
            "{out}"
        );
    }

    #[test]
    fn headings_become_atx() {
        let text = "---\nid: a\ntitle: A\norder: 1\n---\nKort.\n\nUitwerking\n----------\nLang.\n\n###   Kop met slot ###   \n\nTitel\n=====\n";
        assert_eq!(
            fmt("manifest/principles/01-a.md", text),
            "---\nid: a\ntitle: A\norder: 1\n---\nKort.\n\n## Uitwerking\n\nLang.\n\n### Kop met slot\n\n# Titel\n"
        );
    }

    #[test]
    fn files_with_syntax_problems_or_of_no_known_kind_are_left_alone() {
        let none = [
            ("cases/a.md", "geen kopregels\n"),
            ("cases/a.md", "---\nid: a\n"),
            ("cases/a.md", "---\nid: a\ntitle: \"open\n---\nV.\n"),
            ("cases/a.md", "---\nid: a\nid: b\n---\nV.\n"),
            ("cases/a.md", "---\n- een\n- lijst\n---\nV.\n"),
            ("cases/a.md", ""),
            ("cases/a.txt", "---\nid: a\n---\nV.\n"),
            ("README.md", "# Leesmij\n"),
            (MANIFEST_FILE, "title: [\n"),
        ];
        for (path, text) in none {
            assert_eq!(canonical(path, text), None, "{path}: {text:?}");
        }
    }

    #[test]
    fn other_findings_do_not_stop_formatting_and_stay_the_same() {
        let text = "---\ntitel: Verkeerd\nid: Fout_Id\norder: twee\n---\nKort.\n";
        let out = fmt("manifest/principles/01-a.md", text);
        assert_eq!(
            out,
            "---\nid: Fout_Id\norder: twee\ntitel: Verkeerd\n---\nKort.\n"
        );
        assert_eq!(
            Reading::of("manifest/principles/01-a.md", text)
                .unwrap()
                .findings,
            Reading::of("manifest/principles/01-a.md", &out)
                .unwrap()
                .findings
        );
    }

    #[test]
    fn an_unsafe_body_rewrite_falls_back_to_the_text_as_written() {
        // A closing `#` in an underlined heading would be lost in ATX: kept as written.
        let text = "---\nid: a\ntitle: T\nprinciple: p\n---\nKop #\n---\n\nTekst.\n";
        let (out, _) = format_file("cases/a.md", text).unwrap();
        assert!(out.ends_with("---\nKop #\n---\n\nTekst.\n"), "{out}");
        assert_eq!(canonical("cases/a.md", &out).as_deref(), Some(out.as_str()));
    }

    fn source_files() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = vec![MANIFEST_FILE.to_string()];
        for dir in [
            crate::model::PRINCIPLES_DIR,
            crate::model::ROUNDS_DIR,
            crate::model::CASES_DIR,
        ] {
            let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
                .collect();
            names.sort();
            paths.extend(names);
        }
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(root.join(&p)).unwrap();
                (p, text)
            })
            .collect()
    }

    fn load_all(files: &[(String, String)]) -> load::Loaded {
        let files: Vec<SourceFile> = files
            .iter()
            .map(|(path, text)| SourceFile {
                path: path.clone(),
                bytes: text.as_bytes().to_vec(),
            })
            .collect();
        load::load(&files)
    }

    #[test]
    fn every_real_file_is_idempotent_and_strictly_lossless() {
        let files = source_files();
        assert!(files.len() > 10);
        let formatted: Vec<(String, String)> = files
            .iter()
            .map(|(path, text)| (path.clone(), fmt(path, text)))
            .collect();
        for (path, out) in &formatted {
            assert_eq!(canonical(path, out).as_ref(), Some(out), "{path}");
        }
        let before = load_all(&files);
        let after = load_all(&formatted);
        let said = |l: &load::Loaded| {
            let mut f: Vec<_> = l
                .findings
                .iter()
                .map(|f| (f.rule, f.message.clone()))
                .collect();
            f.sort();
            f
        };
        assert_eq!(said(&before), said(&after));
        // The paragraphs are one line already, so even the Markdown texts are equal.
        assert_eq!(
            without_positions(&before.manifest),
            without_positions(&after.manifest)
        );
    }

    #[test]
    fn every_fixture_file_is_formatted_idempotently_or_left_alone() {
        let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut formatted = 0;
        for entry in walkdir::WalkDir::new(tests).into_iter().flatten() {
            let full = entry.path().to_string_lossy().replace('\\', "/");
            let Some(at) = full.find("/manifest/").or_else(|| full.find("/cases/")) else {
                continue;
            };
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let path = &full[at + 1..];
            match canonical(path, &text) {
                // Only files with problems are left alone.
                None => assert!(
                    !load_all(&[(path.to_string(), text.clone())])
                        .findings
                        .is_empty(),
                    "{full}"
                ),
                Some(out) => {
                    formatted += 1;
                    let again = canonical(path, &out);
                    assert_eq!(again.as_ref(), Some(&out), "{full}");
                    assert!(
                        Reading::of(path, &text) == Reading::of(path, &out),
                        "{full}"
                    );
                }
            }
        }
        assert!(formatted > 0);
    }

    // -----------------------------------------------------------------------------
    // Generated documents.

    /// A YAML scalar for text, written in a style of the generator's choice
    /// (independent of the formatter's own quoting).
    fn yaml_text(text: &str, style: u8, flow: bool) -> String {
        let simple = text.chars().all(|c| c.is_alphabetic() || c == ' ')
            && text.trim() == text
            && !text.is_empty()
            && !matches!(
                text.to_ascii_lowercase().as_str(),
                "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
            );
        match style {
            0 if simple => text.to_string(),
            1 => format!("'{}'", text.replace('\'', "''")),
            _ if flow || style == 2 || !simple => {
                format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
            }
            _ => text.to_string(),
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[A-Za-zéëïöüèáçÉ][A-Za-zéëïöüèáçÉ’‘“”'\":#,!?&*()/+\\\\ -]{0,40}",
            2 => "[A-Za-zéëïöüèáçÉ’‘“”'\":#,!?&*()/+\\\\ -]{1,30}",
            1 => prop::sample::select(vec![
                "yes", "No", "2015", "12 mei", "- opsomming", "Zorg: wat nu?",
                "'s avonds", "#1 prioriteit", "café's", "null", "~", "[a, b]",
            ])
            .prop_map(str::to_string),
        ]
    }

    fn id() -> impl Strategy<Value = String> {
        "[a-z]{1,8}(-[a-z0-9]{1,4}){0,2}"
    }

    /// A list under a key, flow or block, with an optional comment on the first item.
    fn yaml_list(key: &str, items: &[String], flow: bool, comment: bool) -> String {
        if flow {
            format!("{key}: [{}]\n", items.join(", "))
        } else {
            let mut out = format!("{key}:\n");
            for (i, item) in items.iter().enumerate() {
                let note = if comment && i == 0 { " # eerste" } else { "" };
                out.push_str(&format!("  - {item}{note}\n"));
            }
            out
        }
    }

    #[derive(Debug, Clone)]
    struct Style {
        quote: u8,
        flow: bool,
        comment: bool,
    }

    fn style() -> impl Strategy<Value = Style> {
        (0u8..3, any::<bool>(), prop::bool::weighted(0.3)).prop_map(|(quote, flow, comment)| {
            Style {
                quote,
                flow,
                comment,
            }
        })
    }

    /// Front matter entries (each one or more lines) for a kind of file.
    fn entries(kind: FileKind) -> BoxedStrategy<Vec<String>> {
        let texts = || prop::collection::vec((text(), style()), 1..4);
        match kind {
            FileKind::Principle => (
                id(),
                (text(), style()),
                1i64..30,
                prop::collection::btree_map(id(), (text(), style()), 0..4),
                prop::option::of(prop::collection::vec(id(), 1..4)),
                style(),
            )
                .prop_map(|(id, (title, ts), order, cells, kompas, ls)| {
                    let mut e = vec![
                        format!("id: {id}\n"),
                        format!("title: {}\n", yaml_text(&title, ts.quote, false)),
                        format!("order: {order}\n"),
                    ];
                    if !cells.is_empty() {
                        let mut r = String::from("responsibilities:\n");
                        for (actor, (cell, s)) in cells {
                            let note = if s.comment { " # cel" } else { "" };
                            r.push_str(&format!(
                                "  {actor}: {}{note}\n",
                                yaml_text(&cell, s.quote, false)
                            ));
                        }
                        e.push(r);
                    }
                    if let Some(k) = kompas {
                        e.push(yaml_list("kompas", &k, ls.flow, ls.comment));
                    }
                    e
                })
                .boxed(),
            FileKind::Case => (
                id(),
                (text(), style()),
                id(),
                prop::collection::vec(id(), 0..4),
                prop::option::of(1990i64..2030),
                style(),
            )
                .prop_map(|(id, (title, ts), principle, actors, since, ls)| {
                    let mut e = vec![
                        format!("id: {id}\n"),
                        format!("title: {}\n", yaml_text(&title, ts.quote, false)),
                        format!("principle: {principle}\n"),
                        yaml_list("actors", &actors, ls.flow || actors.is_empty(), ls.comment),
                    ];
                    if let Some(s) = since {
                        e.push(format!("since: {s}\n"));
                    }
                    e
                })
                .boxed(),
            FileKind::Round | FileKind::Identity => (
                2000i64..2040,
                texts(),
                (text(), style()),
                prop::collection::vec((text(), prop::option::of(text())), 0..3),
                texts(),
                style(),
            )
                .prop_map(|(year, to, (subject, ss), signatories, partners, ls)| {
                    let list = |key: &str, items: &[(String, Style)]| {
                        let written: Vec<String> = items
                            .iter()
                            .map(|(t, s)| yaml_text(t, s.quote, ls.flow))
                            .collect();
                        yaml_list(key, &written, ls.flow, ls.comment)
                    };
                    let mut e = vec![
                        format!("year: {year}\n"),
                        format!("date: {year}-08-18\n"),
                        list("to", &to),
                        format!("subject: {}\n", yaml_text(&subject, ss.quote, false)),
                        list("partners", &partners),
                        format!("revision: ronde-{year}\n"),
                    ];
                    if !signatories.is_empty() {
                        let mut s = String::from("signatories:\n");
                        for (name, role) in signatories {
                            s.push_str(&format!("  - name: {}\n", yaml_text(&name, 2, false)));
                            if let Some(role) = role {
                                s.push_str(&format!("    role: {}\n", yaml_text(&role, 1, false)));
                            }
                        }
                        e.push(s);
                    }
                    e
                })
                .boxed(),
        }
    }

    /// A paragraph written over one or more lines, some with a stray space at the end.
    fn paragraph() -> impl Strategy<Value = Vec<String>> {
        let word = prop::sample::select(vec![
            "kwaliteit",
            "café's",
            "*voor hen*",
            "“leren en verbeteren”",
            "‘matrix’",
            "–",
            "reële",
            "één",
            "Almeerder,",
            "zorg.",
            "[zie](https://example.org)",
            "**vet**",
            "`code`",
        ]);
        // Lines end plainly, with stray spaces, or with a hard break (two spaces or `\`).
        let ending = prop::sample::select(vec!["", "", " ", "\t", "  ", "   ", "\\"]);
        prop::collection::vec((prop::collection::vec(word, 1..6), ending), 1..4).prop_map(|lines| {
            lines
                .into_iter()
                .map(|(words, ending)| format!("{}{ending}", words.join(" ")))
                .collect()
        })
    }

    fn body(principle: bool) -> impl Strategy<Value = String> {
        (
            prop::collection::vec((paragraph(), 1usize..4), 1..3),
            prop::collection::vec((paragraph(), 1usize..4), 1..3),
            any::<bool>(),
        )
            .prop_map(move |(short, long, setext)| {
                let mut out = String::new();
                let write = |paragraphs: Vec<(Vec<String>, usize)>, out: &mut String| {
                    for (lines, blanks) in paragraphs {
                        out.push_str(&lines.join("\n"));
                        out.push_str(&"\n".repeat(blanks + 1));
                    }
                };
                write(short, &mut out);
                if principle {
                    out.push_str(if setext {
                        "Uitwerking\n----------\n"
                    } else {
                        "## Uitwerking\n\n"
                    });
                    write(long, &mut out);
                }
                out
            })
    }

    fn document() -> impl Strategy<Value = (String, String)> {
        prop_oneof![
            Just(FileKind::Principle),
            Just(FileKind::Case),
            Just(FileKind::Round)
        ]
        .prop_flat_map(|kind| {
            (
                Just(kind),
                entries(kind).prop_shuffle(),
                prop::collection::vec(prop::bool::weighted(0.2), 8),
                body(kind == FileKind::Principle),
                any::<bool>(),
                any::<bool>(),
            )
        })
        .prop_map(|(kind, entries, comments, body, crlf, bom)| {
            let path = match kind {
                FileKind::Principle => "manifest/principles/01-x.md",
                FileKind::Case => "cases/x.md",
                _ => "manifest/rounds/2020.md",
            };
            let mut text = String::from("---\n");
            for (i, entry) in entries.iter().enumerate() {
                if comments[i % comments.len()] {
                    text.push_str(&format!("# opmerking {i}: zie “bron”\n"));
                }
                text.push_str(entry);
            }
            text.push_str("---\n");
            text.push_str(&body);
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            if bom {
                text.insert(0, '\u{feff}');
            }
            (path.to_string(), text)
        })
    }

    /// The model as the diff sees it: no positions, Markdown texts as their words.
    fn by_words(m: &Manifest) -> String {
        let words = |s: &mut String| *s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut m = m.without_offsets();
        for p in &mut m.principles {
            words(&mut p.short_text);
            words(&mut p.elaboration);
        }
        for c in &mut m.cases {
            words(&mut c.story);
        }
        for r in &mut m.rounds {
            words(&mut r.body);
        }
        without_positions(&m)
    }

    /// Lines of Markdown of every kind, to be put together at random.
    fn markdown_line() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "tekst",
            "- ",
            "* ",
            "1. ",
            "2) ",
            "> ",
            "    ",
            "  ",
            "\t",
            "```",
            "~~~",
            "# ",
            "## ",
            "#",
            "===",
            "---",
            "***",
            "*",
            "_",
            "`",
            "``",
            "<div>",
            "</div>",
            "<!-- x -->",
            "[a]: /u",
            "[a]",
            "[b](/c)",
            "\\",
            "|",
            "| a | b |",
            "|---|---|",
            "&amp;",
            "é",
            " ",
            "  ",
            "<pre>",
            "</pre>",
            "\r",
            "Uitwerking",
        ]);
        prop::collection::vec(piece, 0..5).prop_map(|p| p.concat())
    }

    fn front_matter_line() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "id: a",
            "title: T",
            "principle: p",
            "# c",
            "  # ingesprongen",
            "actors:",
            "  - a",
            "  - b # b",
            "  # tussen",
            "since: 2015",
            "extra: 'x' # y",
            "lijst: [a, # c\n  b]",
            "tekst: |\n  # geen\n  regel",
            "",
            "kaart:\n  a: 1\n  # c\n  b: \"x # y\"",
            "anker: &a [x, y]",
            "alias: *a",
            "\"sleutel: met\": 1",
            "geneste:\n  - - a\n    - b",
            "leeg:",
            "tilde: ~ # niets",
            "  -",
            "kaarten: [{a: 1}, {b: [2, 3]}]",
            "---",
            "gevouwen: >\n  twee\n  regels",
            "getal: 0x1F",
            "nan: .nan",
            "datum: 2015-08-18",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_markdown_and_front_matter_formats_idempotently(
            front in prop::collection::vec(front_matter_line(), 0..8),
            body in prop::collection::vec(markdown_line(), 0..12),
        ) {
            let text = format!("---\n{}\n---\n{}\n", front.join("\n"), body.join("\n"));
            // Random keys may repeat or clash: then there is nothing to format.
            if let Some(out) = canonical("cases/a.md", &text) {
                let again = canonical("cases/a.md", &out);
                prop_assert_eq!(again.as_deref(), Some(out.as_str()), "{:?}\n=>\n{:?}", text, out);
                prop_assert_eq!(
                    Reading::of("cases/a.md", &text),
                    Reading::of("cases/a.md", &out)
                );
            }
        }

        #[test]
        fn generated_documents_format_idempotently_and_losslessly((path, text) in document()) {
            let before = load_all(&[(path.clone(), text.clone())]);
            prop_assert!(
                !before.findings.iter().any(|f| UNREADABLE.contains(&f.rule)),
                "{:?}\n{}", before.findings, text
            );
            let (out, mode) = format_file(&path, &text).expect("formattable");
            prop_assert_eq!(mode, Mode::Full, "{}\n=>\n{}", text, out);
            prop_assert_eq!(canonical(&path, &out), Some(out.clone()));
            let after = load_all(&[(path.clone(), out.clone())]);
            prop_assert_eq!(by_words(&before.manifest), by_words(&after.manifest));
            prop_assert_eq!(
                Reading::of(&path, &text).unwrap().comments,
                Reading::of(&path, &out).unwrap().comments
            );
            // The canonical shape: LF, no trailing spaces, one blank line, one line per paragraph.
            prop_assert!(!out.contains('\r') && !out.starts_with('\u{feff}'), "{:?}", out);
            prop_assert!(out.ends_with('\n') && !out.ends_with("\n\n") && !out.contains("\n\n\n"));
            // Trailing spaces only as the two of a hard line break.
            let (front, body) = out.split_at(out.find("\n---\n").unwrap() + 5);
            prop_assert!(front.lines().all(|l| l.trim_end() == l), "{}", out);
            prop_assert!(
                body.lines().all(|l| l.trim_end() == l
                    || (l.ends_with("  ") && !l.ends_with("   ") && !l.trim().is_empty())),
                "{}", out
            );
            prop_assert!(
                !Parser::new(body).any(|e| matches!(e, Event::SoftBreak)),
                "{}", out
            );
        }
    }
}
