//! YAML as a tree that remembers where every key and value stands, so that
//! each problem in front matter can be reported at its own line and column.
//! Parsing is done by serde-saphyr; this module only keeps the positions.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::model::finding::Pos;

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
    pub duplicate_key: Option<String>,
}

/// Parse `source`, which starts at line `first_line` of its file.
pub fn parse(source: &str, first_line: usize) -> Result<Yaml, SyntaxError> {
    let shift = |line: u64, column: u64| {
        Pos::new(
            first_line + (line.max(1) as usize) - 1,
            (column.max(1)) as usize,
        )
    };
    match serde_saphyr::from_str::<Spanned<RawNode>>(source) {
        Ok(node) => Ok(convert(node, source, &shift)),
        Err(err) => {
            let pos = err
                .location()
                .map_or(Pos::new(first_line, 1), |l| shift(l.line(), l.column()));
            let (message, duplicate_key) = dutch_message(&err.to_string());
            Err(SyntaxError {
                pos,
                message,
                duplicate_key,
            })
        }
    }
}

/// serde-saphyr's messages are English; the common ones are put in Dutch,
/// the rest get a general Dutch message (never the English text).
fn dutch_message(full: &str) -> (String, Option<String>) {
    let first = full.lines().next().unwrap_or(full);
    // "error: line 2 column 1: duplicate mapping key: a, set ..."
    let detail = first
        .strip_prefix("error: ")
        .unwrap_or(first)
        .split_once(": ")
        .filter(|(head, _)| head.starts_with("line "))
        .map_or(first, |(_, rest)| rest)
        .trim();
    if let Some(rest) = detail.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set ")
            .next()
            .unwrap_or(rest)
            .trim()
            .to_string();
        return (
            format!("de sleutel `{key}` staat twee keer in de kopregels"),
            Some(key),
        );
    }
    let known: &[(&str, &str)] = &[
        ("unclosed quote", "een aanhalingsteken wordt niet gesloten"),
        (
            "illegal placement of ':' indicator",
            "een dubbele punt staat op een plek waar dat niet mag",
        ),
        (
            "mapping values are not allowed in this context",
            "een dubbele punt staat op een plek waar dat niet mag; zet de tekst tussen aanhalingstekens",
        ),
        (
            "tab",
            "tabs zijn in YAML niet toegestaan om in te springen; gebruik spaties",
        ),
        ("did not find expected", "de structuur is hier onderbroken"),
        ("invalid indentation", "de inspringing klopt niet"),
        ("unexpected end", "de kopregels houden onverwacht op"),
    ];
    for (english, dutch) in known {
        if detail.contains(english) {
            return (format!("ongeldige YAML: {dutch}"), None);
        }
    }
    // The parser's own text is English: the finding's place says where.
    (
        "ongeldige YAML: deze regel is niet te lezen".to_string(),
        None,
    )
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
    fn empty_yaml_is_null() {
        assert_eq!(parse("", 2).unwrap().kind, Kind::Null);
        assert_eq!(parse("# alleen commentaar\n", 2).unwrap().kind, Kind::Null);
    }
}
