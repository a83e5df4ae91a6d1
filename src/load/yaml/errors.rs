//! The YAML reader's problems: each kind with its one Dutch message, and the mapping
//! from the parser's structured error kinds to them (its English texts are never shown).

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

/// The kind of problem behind a parser error, by the parser's structured error kinds
/// (never by its English text).
pub(super) fn classify(err: &serde_saphyr::Error) -> Problem {
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
