//! YAML as a tree that remembers where every key and value stands, so that
//! each problem in front matter can be reported at its own line and column.
//! Parsing is done by serde-saphyr; this module only keeps the positions.

use std::fmt;

mod fast;

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
    pub problem: Problem,
    pub duplicate_key: Option<String>,
}

/// Every kind of problem the YAML reader can report, each with one Dutch message.
/// The parser's own texts are English and never shown; its error kinds are grouped here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    UnclosedQuote,
    TextAfterQuote,
    Escape,
    Tab,
    Indentation,
    Colon,
    Dash,
    Bracket,
    Missing,
    ReservedCharacter,
    Comment,
    BlockScalar,
    Anchor,
    AnchorName,
    Tag,
    Directive,
    Documents,
    ByteOrderMark,
    End,
    Key,
    Merge,
    Number,
    TooLarge,
    DuplicateKey,
    /// A kind the parser may add in a later version.
    Other,
}

impl Problem {
    pub const ALL: &'static [Problem] = &[
        Problem::UnclosedQuote,
        Problem::TextAfterQuote,
        Problem::Escape,
        Problem::Tab,
        Problem::Indentation,
        Problem::Colon,
        Problem::Dash,
        Problem::Bracket,
        Problem::Missing,
        Problem::ReservedCharacter,
        Problem::Comment,
        Problem::BlockScalar,
        Problem::Anchor,
        Problem::AnchorName,
        Problem::Tag,
        Problem::Directive,
        Problem::Documents,
        Problem::ByteOrderMark,
        Problem::End,
        Problem::Key,
        Problem::Merge,
        Problem::Number,
        Problem::TooLarge,
        Problem::DuplicateKey,
        Problem::Other,
    ];

    /// The Dutch message (without the key of a duplicate, which `parse_all` adds).
    pub fn message(self) -> &'static str {
        match self {
            Problem::UnclosedQuote => "ongeldige YAML: een aanhalingsteken wordt niet gesloten",
            Problem::TextAfterQuote => {
                "ongeldige YAML: na het sluitende aanhalingsteken staat nog tekst; zet de hele waarde tussen aanhalingstekens"
            }
            Problem::Escape => {
                "ongeldige YAML: een teken na `\\` tussen dubbele aanhalingstekens bestaat niet; schrijf `\\\\` voor een schuine streep, of gebruik enkele aanhalingstekens"
            }
            Problem::Tab => {
                "ongeldige YAML: hier staat een tab; spring in met spaties, niet met tabs"
            }
            Problem::Indentation => "ongeldige YAML: de inspringing klopt niet",
            Problem::Colon => {
                "ongeldige YAML: een dubbele punt staat op een plek waar dat niet mag; zet de tekst tussen aanhalingstekens"
            }
            Problem::Dash => {
                "ongeldige YAML: een streepje (`-`) voor een lijstpunt staat op een plek waar dat niet mag"
            }
            Problem::Bracket => {
                "ongeldige YAML: een haakje `[` of `{` wordt niet goed gesloten; zet tekst met haakjes tussen aanhalingstekens"
            }
            Problem::Missing => {
                "ongeldige YAML: hier staat iets wat geen `sleutel: waarde` is, of er ontbreekt een waarde"
            }
            Problem::ReservedCharacter => {
                "ongeldige YAML: een waarde mag niet met `@` of `` ` `` beginnen; zet de tekst tussen aanhalingstekens"
            }
            Problem::Comment => {
                "ongeldige YAML: een `#` begint hier commentaar midden in een waarde; zet de tekst tussen aanhalingstekens"
            }
            Problem::BlockScalar => {
                "ongeldige YAML: na `|` of `>` hoort alleen een nieuwe regel met ingesprongen tekst"
            }
            Problem::Anchor => {
                "ongeldige YAML: een verwijzing (`*naam`) wijst naar een anker (`&naam`) dat er (nog) niet is"
            }
            Problem::AnchorName => {
                "ongeldige YAML: na `&` of `*` ontbreekt een naam; zet de tekst tussen aanhalingstekens"
            }
            Problem::Tag => {
                "ongeldige YAML: een aanduiding met `!` klopt niet; laat haar weg of zet de tekst tussen aanhalingstekens"
            }
            Problem::Directive => {
                "ongeldige YAML: een regel die met `%` begint, hoort hier niet; zet de tekst tussen aanhalingstekens"
            }
            Problem::Documents => {
                "ongeldige YAML: hier begint een tweede document (`---` of `...`); een bestand heeft er één"
            }
            Problem::ByteOrderMark => {
                "ongeldige YAML: er staat een onzichtbaar BOM-teken midden in de tekst; sla het bestand op als UTF-8 zonder BOM"
            }
            Problem::End => "ongeldige YAML: de tekst houdt onverwacht op",
            Problem::Key => "een sleutel moet een woord zijn, geen lijst, groep of lege waarde",
            Problem::Merge => {
                "ongeldige YAML: na `<<` hoort een groep regels `sleutel: waarde` of een lijst daarvan"
            }
            Problem::Number => {
                "ongeldige YAML: dit getal is te groot of niet te lezen; zet het tussen aanhalingstekens"
            }
            Problem::TooLarge => {
                "ongeldige YAML: dit is te groot of te diep genest om te lezen (te veel regels, niveaus of verwijzingen)"
            }
            Problem::DuplicateKey => "een sleutel komt twee keer voor",
            Problem::Other => "ongeldige YAML: deze regel is niet te lezen",
        }
    }
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

/// The kind of problem behind a parser error, by the parser's structured error kinds
/// (never by its English text).
fn classify(err: &serde_saphyr::Error) -> Problem {
    use serde_saphyr::Error as E;
    use serde_saphyr::ExternalMessageSource;
    match err {
        E::WithSnippet { error, .. } => classify(error),
        E::AliasError { error, .. } => classify(error),
        E::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => scan_problem(scan.kind()),
            _ => Problem::Other,
        },
        E::Eof { .. }
        | E::UnexpectedSequenceEnd { .. }
        | E::UnexpectedMappingEnd { .. }
        | E::UnexpectedContainerEndWhileSkippingNode { .. }
        | E::UnexpectedContainerEndWhileReadingKeyNode { .. }
        | E::ContainerEndMismatch { .. } => Problem::End,
        E::MultipleDocuments { .. } => Problem::Documents,
        E::MergeValueNotMapOrSeqOfMaps { .. } | E::MergeKeyNotAllowed { .. } => Problem::Merge,
        E::UnsupportedTag { .. }
        | E::TaggedStructFieldName { .. }
        | E::InvalidBinaryBase64 { .. }
        | E::BinaryNotUtf8 { .. }
        | E::TaggedScalarCannotDeserializeIntoString { .. }
        | E::BytesNotSupportedMissingBinaryTag { .. } => Problem::Tag,
        E::UnknownAnchor { .. } | E::RecursiveReferencesRequireWeakTypes { .. } => Problem::Anchor,
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => Problem::TooLarge,
        E::FoldedBlockScalarMustIndentContent { .. } => Problem::BlockScalar,
        E::IndentationError { .. } => Problem::Indentation,
        E::NonFiniteFloat { .. } => Problem::Number,
        // Keys are read as text and values as anything: a type mismatch is a key that is
        // a list, a group or empty.
        E::Unexpected { .. }
        | E::NullIntoString { .. }
        | E::SerdeInvalidType { .. }
        | E::SerdeInvalidValue { .. }
        | E::SerdeInvalidLength { .. } => Problem::Key,
        E::InvalidScalar { .. } => Problem::Number,
        _ => Problem::Other,
    }
}

fn scan_problem(kind: &serde_saphyr::granit_parser::ErrorKind) -> Problem {
    use serde_saphyr::granit_parser::ErrorKind as K;
    match kind {
        K::UnclosedQuotedScalar | K::DocumentIndicatorInQuotedScalar => Problem::UnclosedQuote,
        K::InvalidTrailingSingleQuotedScalar | K::InvalidTrailingDoubleQuotedScalar => {
            Problem::TextAfterQuote
        }
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => Problem::Escape,
        K::TabNotAllowed
        | K::TabInBlockIndentation
        | K::TabInIndentation
        | K::TabAtBlockScalarStart
        | K::TabInPlainScalar => Problem::Tab,
        K::InvalidIndentation
        | K::InvalidQuotedScalarIndent
        | K::InvalidFlowScalarIndent
        | K::InvalidBlockScalarIndent
        | K::ExpectedBlockMappingKey
        | K::ExpectedBlockSequenceEntry => Problem::Indentation,
        K::MappingValueNotAllowed
        | K::InvalidColonPlacement
        | K::InvalidMappingValueWhitespace
        | K::FlowMappingValueAdjacentCollection
        | K::MappingKeyNotAllowed => Problem::Colon,
        K::BlockEntryInFlowCollection
        | K::BlockSequenceEntryNotAllowed
        | K::InvalidBlockEntryWhitespace
        | K::PlainScalarStartsWithDashFlowIndicator => Problem::Dash,
        K::MisplacedFlowCollectionEnd
        | K::MismatchedFlowCollectionEnd { .. }
        | K::UnclosedFlowCollection { .. }
        | K::ExpectedFlowMappingSeparator
        | K::ExpectedFlowSequenceSeparator
        | K::UnexpectedEofFlowSequence
        | K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping => Problem::Bracket,
        K::ExpectedNodeContent
        | K::ExpectedWhitespace
        | K::UnexpectedEndOfPlainScalar
        | K::SimpleKeyExpected
        | K::InvalidSimpleKey
        | K::ExpectedDocumentStart => Problem::Missing,
        K::UnexpectedCharacter { .. } => Problem::ReservedCharacter,
        K::CommentInterceptedScalar | K::CommentNotSeparated => Problem::Comment,
        K::ZeroBlockScalarIndent | K::InvalidBlockScalarHeader => Problem::BlockScalar,
        K::UnknownAnchor => Problem::Anchor,
        K::MissingAnchorOrAliasName => Problem::AnchorName,
        K::ExpectedTagBang
        | K::InvalidGlobalTagCharacter
        | K::InvalidTagTerminator
        | K::MissingTagUri
        | K::UnclosedVerbatimTag
        | K::InvalidTagEscape
        | K::InvalidTagUtf8LeadingByte
        | K::InvalidTagUtf8TrailingByte
        | K::InvalidTagUtf8
        | K::UndeclaredTagHandle => Problem::Tag,
        K::DuplicateVersionDirective
        | K::UnsupportedYamlMajorVersion
        | K::DuplicateTagDirective
        | K::MissingDocumentEndBeforeDirective
        | K::ExpectedTagDirectiveBang
        | K::InvalidDirectiveTerminator
        | K::DirectiveDisallowed
        | K::MissingYamlVersionSeparator
        | K::MissingDirectiveName
        | K::InvalidDirectiveName
        | K::YamlVersionTooLong
        | K::MissingYamlVersion
        | K::InvalidTagDirectiveTerminator => Problem::Directive,
        K::InvalidDocumentEnd | K::MultipleDocumentsUnsupported | K::ExpectedStreamStart => {
            Problem::Documents
        }
        K::BomInsideDocument => Problem::ByteOrderMark,
        K::UnexpectedEof | K::UnexpectedEofBlockSequence | K::UnexpectedEofBlockMapping => {
            Problem::End
        }
        K::RecursionLimitExceeded
        | K::AnchorCountOverflow
        | K::InputByteLimitExceeded { .. }
        | K::DirectiveByteLimitExceeded { .. }
        | K::TooManyReservedDirectiveParams { .. } => Problem::TooLarge,
        _ => Problem::Other,
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
