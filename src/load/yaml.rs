//! YAML as a tree that remembers where every key and value stands, so that
//! each problem in front matter can be reported at its own line and column.
//! Parsing is done by serde-saphyr; this module only keeps the positions.

use std::fmt;

mod errors;
mod fast;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::model::finding::Pos;
pub use errors::Problem;
use errors::classify;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Yaml>),
    Map(Vec<Entry>),
}

/// A YAML value with its position in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Yaml {
    pub kind: Kind,
    pub pos: Pos,
    /// The scalar as written (`007`, `yes`), so a text field keeps what the author typed.
    pub raw: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_pos: Pos,
    pub value: Yaml,
}

impl Yaml {
    /// Dutch name of the kind of value, for "verwacht tekst, maar vond een lijst".
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "een lege waarde",
            Kind::Bool(_) => "ja/nee",
            Kind::Int(_) => "een geheel getal",
            Kind::Float(_) => "een kommagetal",
            Kind::Str(_) => "tekst",
            Kind::Seq(_) => "een lijst",
            Kind::Map(_) => "een groep regels `sleutel: waarde`",
        }
    }

    /// The value as text if it is a scalar: what the author wrote for plain scalars.
    pub fn as_text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            Kind::Bool(_) | Kind::Int(_) | Kind::Float(_) => Some(&self.raw),
            _ => None,
        }
    }
}

/// A YAML syntax problem, already in Dutch, at a position in the file.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub problem: Problem,
    pub duplicate_key: Option<String>,
}

/// Deepest nesting of lists and groups that is read.
pub const MAX_DEPTH: usize = 32;

/// Parse `source`, which starts at line `first_line` of its file: the tree, or the first
/// problem.
pub fn parse(source: &str, first_line: usize) -> Result<Yaml, SyntaxError> {
    parse_all(source, first_line).map_err(|mut errors| errors.swap_remove(0))
}

/// Parse `source` and report every problem: a syntax error stops the parser, so that is
/// one; repeated keys are all reported, each at its own line. Never an empty list.
pub fn parse_all(source: &str, first_line: usize) -> Result<Yaml, Vec<SyntaxError>> {
    match fast::parse(source, first_line) {
        Some(tree) => checked(tree),
        None => parse_general(source, first_line),
    }
}

/// `parse_all` by serde-saphyr alone, for every shape of YAML.
fn parse_general(source: &str, first_line: usize) -> Result<Yaml, Vec<SyntaxError>> {
    let shift = |line: u64, column: u64| {
        Pos::new(
            first_line + (line.max(1) as usize) - 1,
            (column.max(1)) as usize,
        )
    };
    let mut options = serde_saphyr::Options::default();
    // Repeated keys reach the tree, so that all of them are reported below.
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    // `.nan` and `.inf` stay text: a front matter has no use for them as numbers.
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::AsString;
    // A front matter needs a few levels; deep nesting only costs stack (loading runs in
    // threads with small stacks), so it is refused well before that runs out.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    options.budget = Some(budget);
    match serde_saphyr::from_str_with_options::<Spanned<RawNode>>(source, options) {
        Ok(node) => checked(convert(node, source, &shift)),
        Err(err) => {
            let pos = err
                .location()
                .map_or(Pos::new(first_line, 1), |l| shift(l.line(), l.column()));
            let problem = classify(&err);
            Err(vec![SyntaxError {
                pos,
                message: problem.message().to_string(),
                problem,
                duplicate_key: None,
            }])
        }
    }
}

/// The tree, or every repeated key in it.
fn checked(tree: Yaml) -> Result<Yaml, Vec<SyntaxError>> {
    let mut errors = Vec::new();
    duplicates(&tree, &mut errors);
    if errors.is_empty() {
        Ok(tree)
    } else {
        errors.sort_by_key(|e| e.pos);
        Err(errors)
    }
}

/// Every key that a mapping already had, at its own place, in the whole tree.
fn duplicates(tree: &Yaml, errors: &mut Vec<SyntaxError>) {
    match &tree.kind {
        Kind::Map(entries) => {
            // A front matter has a handful of keys: a linear search beats hashing them;
            // a large mapping (hostile input) gets the hash map, so this stays linear.
            let mut first: std::collections::HashMap<&str, Pos> = Default::default();
            let small = entries.len() <= 16;
            for (i, e) in entries.iter().enumerate() {
                let earlier = if small {
                    entries[..i]
                        .iter()
                        .find(|f| f.key == e.key)
                        .map(|f| f.key_pos)
                } else {
                    first.get(e.key.as_str()).copied()
                };
                match earlier {
                    Some(earlier) => errors.push(SyntaxError {
                        pos: e.key_pos,
                        message: format!(
                            "de sleutel `{}` komt twee keer voor (ook op regel {})",
                            e.key, earlier.line
                        ),
                        problem: Problem::DuplicateKey,
                        duplicate_key: Some(e.key.clone()),
                    }),
                    None if !small => {
                        first.insert(&e.key, e.key_pos);
                    }
                    None => {}
                }
                duplicates(&e.value, errors);
            }
        }
        Kind::Seq(items) => items.iter().for_each(|i| duplicates(i, errors)),
        _ => {}
    }
}

fn convert(node: Spanned<RawNode>, source: &str, shift: &dyn Fn(u64, u64) -> Pos) -> Yaml {
    let loc = node.referenced;
    let pos = shift(loc.line(), loc.column());
    let raw = match node.value {
        RawNode::Seq(_) | RawNode::Map(_) => String::new(),
        _ => {
            let span = loc.span();
            match (span.byte_offset(), span.byte_len()) {
                (Some(start), Some(len)) => source
                    .get(start as usize..(start + len) as usize)
                    .unwrap_or("")
                    .to_string(),
                _ => String::new(),
            }
        }
    };
    let kind = match node.value {
        RawNode::Null => Kind::Null,
        RawNode::Bool(b) => Kind::Bool(b),
        RawNode::Int(i) => Kind::Int(i),
        RawNode::Float(f) => Kind::Float(f),
        RawNode::Str(s) => Kind::Str(s),
        RawNode::Seq(items) => Kind::Seq(
            items
                .into_iter()
                .map(|n| convert(n, source, shift))
                .collect(),
        ),
        RawNode::Map(entries) => Kind::Map(
            entries
                .into_iter()
                .map(|(k, v)| Entry {
                    key: k.value,
                    key_pos: shift(k.referenced.line(), k.referenced.column()),
                    value: convert(v, source, shift),
                })
                .collect(),
        ),
    };
    Yaml { kind, pos, raw }
}

/// What serde-saphyr hands us, before positions are made file-relative.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<String>, Spanned<RawNode>)>),
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = RawNode;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("een YAML-waarde")
            }
            fn visit_unit<E>(self) -> Result<RawNode, E> {
                Ok(RawNode::Null)
            }
            fn visit_none<E>(self) -> Result<RawNode, E> {
                Ok(RawNode::Null)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<RawNode, D2::Error> {
                RawNode::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
                Ok(RawNode::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
                Ok(RawNode::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
                Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
                Ok(RawNode::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
                Ok(RawNode::Str(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
                Ok(RawNode::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(RawNode::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let value = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(RawNode::Map(entries))
            }
        }
        d.deserialize_any(NodeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(y: &Yaml) -> &[Entry] {
        match &y.kind {
            Kind::Map(m) => m,
            other => panic!("geen tabel: {other:?}"),
        }
    }

    #[test]
    fn positions_are_shifted_to_the_file() {
        let y = parse("id: abc\nvolgorde: 3\n", 2).unwrap();
        let m = map(&y);
        assert_eq!(m[0].key, "id");
        assert_eq!(m[0].key_pos, Pos::new(2, 1));
        assert_eq!(m[0].value.pos, Pos::new(2, 5));
        assert_eq!(m[1].value.kind, Kind::Int(3));
        assert_eq!(m[1].value.pos, Pos::new(3, 11));
    }

    #[test]
    fn plain_scalars_keep_their_written_text() {
        let y = parse("a: yes\nb: 007\nc: 1.50\n", 1).unwrap();
        let m = map(&y);
        assert_eq!(m[0].value.as_text(), Some("yes"));
        assert_eq!(m[1].value.as_text(), Some("007"));
        assert_eq!(m[2].value.as_text(), Some("1.50"));
    }

    #[test]
    fn syntax_error_is_reported_at_its_file_line() {
        let err = parse("id: a\ntitel: \"open\nx: 1\n", 2).unwrap_err();
        assert_eq!(err.pos.line, 3);
        assert!(err.message.starts_with("ongeldige YAML"), "{}", err.message);
    }

    #[test]
    fn duplicate_key_is_named() {
        let err = parse("id: a\nid: b\n", 2).unwrap_err();
        assert_eq!(err.duplicate_key.as_deref(), Some("id"));
        assert_eq!(err.pos, Pos::new(3, 1));
    }

    #[test]
    fn every_duplicate_key_is_reported_at_its_line() {
        let errors = parse_all("id: a\nid: b\nx:\n  y: 1\n  y: 2\nid: c\n", 2).unwrap_err();
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.duplicate_key.as_deref(), e.pos.line))
            .collect();
        assert_eq!(found, [(Some("id"), 3), (Some("y"), 6), (Some("id"), 7)]);
        assert!(
            errors[2].message.ends_with("(ook op regel 2)"),
            "{}",
            errors[2].message
        );
    }

    #[test]
    fn non_finite_numbers_stay_text() {
        let y = parse("a: .nan\nb: .inf\n", 1).unwrap();
        assert_eq!(map(&y)[0].value.as_text(), Some(".nan"));
        assert_eq!(map(&y)[1].value.kind, Kind::Str(".inf".into()));
    }

    #[test]
    fn empty_yaml_is_null() {
        assert_eq!(parse("", 2).unwrap().kind, Kind::Null);
        assert_eq!(parse("# alleen commentaar\n", 2).unwrap().kind, Kind::Null);
    }
}
