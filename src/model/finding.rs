//! Findings are data: what is wrong, where, and what to do. Only `report` prints them.

use serde::Serialize;

pub use crate::text::Pos;

/// How bad a finding is. Warnings alone do not fail `check` unless `--strict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The Dutch word shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "fout",
            Severity::Warning => "waarschuwing",
        }
    }
}

/// Every rule `check` knows, with a stable code. The codes are part of the
/// JSON and GitHub output and documented in the README: never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    InvalidUtf8,
    EmptyFile,
    UnexpectedFile,
    FrontMatterMissing,
    FrontMatterUnterminated,
    YamlSyntax,
    DuplicateKey,
    UnknownKey,
    MissingKey,
    WrongType,
    InvalidId,
    FileNameMismatch,
    DuplicateId,
    DuplicateOrder,
    OrderGap,
    UnknownPrinciple,
    UnknownActor,
    ActorWithoutResponsibility,
    PrincipleWithoutCase,
    MissingElaboration,
    EmptyText,
    BrokenLink,
    NoRound,
    PersonalData,
    UnknownKompas,
    InvalidLawId,
    RepealedLaw,
    Placeholder,
    LongSentence,
    Jargon,
    UnknownAdvicePoint,
}

impl Rule {
    pub const ALL: &'static [Rule] = &[
        Rule::InvalidUtf8,
        Rule::EmptyFile,
        Rule::UnexpectedFile,
        Rule::FrontMatterMissing,
        Rule::FrontMatterUnterminated,
        Rule::YamlSyntax,
        Rule::DuplicateKey,
        Rule::UnknownKey,
        Rule::MissingKey,
        Rule::WrongType,
        Rule::InvalidId,
        Rule::FileNameMismatch,
        Rule::DuplicateId,
        Rule::DuplicateOrder,
        Rule::OrderGap,
        Rule::UnknownPrinciple,
        Rule::UnknownActor,
        Rule::ActorWithoutResponsibility,
        Rule::PrincipleWithoutCase,
        Rule::MissingElaboration,
        Rule::EmptyText,
        Rule::BrokenLink,
        Rule::NoRound,
        Rule::PersonalData,
        Rule::UnknownKompas,
        Rule::InvalidLawId,
        Rule::RepealedLaw,
        Rule::Placeholder,
        Rule::LongSentence,
        Rule::Jargon,
        Rule::UnknownAdvicePoint,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rule::InvalidUtf8 => "invalid-utf8",
            Rule::EmptyFile => "empty-file",
            Rule::UnexpectedFile => "unexpected-file",
            Rule::FrontMatterMissing => "front-matter-missing",
            Rule::FrontMatterUnterminated => "front-matter-unterminated",
            Rule::YamlSyntax => "yaml-syntax",
            Rule::DuplicateKey => "duplicate-key",
            Rule::UnknownKey => "unknown-key",
            Rule::MissingKey => "missing-key",
            Rule::WrongType => "wrong-type",
            Rule::InvalidId => "invalid-id",
            Rule::FileNameMismatch => "file-name-mismatch",
            Rule::DuplicateId => "duplicate-id",
            Rule::DuplicateOrder => "duplicate-order",
            Rule::OrderGap => "order-gap",
            Rule::UnknownPrinciple => "unknown-principle",
            Rule::UnknownActor => "unknown-actor",
            Rule::ActorWithoutResponsibility => "actor-without-responsibility",
            Rule::PrincipleWithoutCase => "principle-without-case",
            Rule::MissingElaboration => "missing-elaboration",
            Rule::EmptyText => "empty-text",
            Rule::BrokenLink => "broken-link",
            Rule::NoRound => "no-round",
            Rule::PersonalData => "personal-data",
            Rule::UnknownKompas => "unknown-kompas",
            Rule::InvalidLawId => "invalid-law-id",
            Rule::RepealedLaw => "repealed-law",
            Rule::Placeholder => "placeholder",
            Rule::LongSentence => "long-sentence",
            Rule::Jargon => "jargon",
            Rule::UnknownAdvicePoint => "unknown-advice-point",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::UnexpectedFile
            | Rule::FileNameMismatch
            | Rule::OrderGap
            | Rule::ActorWithoutResponsibility
            | Rule::PrincipleWithoutCase
            | Rule::NoRound
            | Rule::RepealedLaw
            | Rule::Placeholder
            | Rule::LongSentence
            | Rule::Jargon => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// One Dutch line on what the rule guards, for the README and later SARIF.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::InvalidUtf8 => "het bestand is geen geldige UTF-8-tekst",
            Rule::EmptyFile => "het bestand is leeg",
            Rule::UnexpectedFile => {
                "een bestand dat geen Markdown is in een map met Markdown-bestanden"
            }
            Rule::FrontMatterMissing => "de kopregels (front matter) ontbreken",
            Rule::FrontMatterUnterminated => "de kopregels worden niet afgesloten met `---`",
            Rule::YamlSyntax => "de YAML van de kopregels is ongeldig",
            Rule::DuplicateKey => "een sleutel staat twee keer in dezelfde kopregels",
            Rule::UnknownKey => "een onbekende sleutel (vaak een tikfout)",
            Rule::MissingKey => "een verplichte sleutel ontbreekt",
            Rule::WrongType => "een waarde heeft het verkeerde soort (tekst, getal, lijst)",
            Rule::InvalidId => {
                "een id bevat andere tekens dan kleine letters, cijfers en streepjes"
            }
            Rule::FileNameMismatch => "de bestandsnaam past niet bij het id",
            Rule::DuplicateId => "twee bestanden gebruiken hetzelfde id",
            Rule::DuplicateOrder => "twee uitgangspunten hebben dezelfde `order`",
            Rule::OrderGap => "de nummering van `order` slaat een plaats over",
            Rule::UnknownPrinciple => "een casus verwijst naar een onbekend uitgangspunt",
            Rule::UnknownActor => "een verwijzing naar een partij die niet in manifest.yaml staat",
            Rule::ActorWithoutResponsibility => {
                "een partij zonder enige verantwoordelijkheid in de matrix"
            }
            Rule::PrincipleWithoutCase => "een uitgangspunt zonder casus uit de praktijk",
            Rule::MissingElaboration => "een uitgangspunt zonder sectie `## Uitwerking`",
            Rule::EmptyText => "een tekst die niet leeg mag zijn, is leeg",
            Rule::BrokenLink => "een link naar een bestand of kop die niet bestaat",
            Rule::NoRound => "er is nog geen ronde (adviesbrief) vastgelegd",
            Rule::PersonalData => {
                "persoonsgegevens (BSN, e-mailadres, telefoonnummer, IBAN) in een verhaal of tekst"
            }
            Rule::UnknownKompas => "een kompas-label dat niet in de lijst van manifest.yaml staat",
            Rule::InvalidLawId => "een wet-id dat niet de vorm `BWBR` + 7 cijfers heeft",
            Rule::RepealedLaw => "een verwijzing naar een vervallen wet, zoals de Wbp",
            Rule::Placeholder => "een tekst die nog ingevuld moet worden (`TODO:`)",
            Rule::LongSentence => "een zin van meer dan 25 woorden (met `--lang-level`)",
            Rule::Jargon => "vaktaal met een eenvoudiger alternatief (met `--lang-level`)",
            Rule::UnknownAdvicePoint => {
                "een oordeel in de reactie over een adviespunt dat niet in de ronde staat"
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// Path relative to the repository root, with `/` separators.
    pub path: String,
    pub pos: Pos,
    /// How many characters to underline from `pos`; at least 1.
    pub width: usize,
    pub message: String,
    pub help: Option<String>,
    /// The text of the line at `pos`, to show the source in the human report.
    pub source_line: Option<String>,
}

impl Finding {
    pub fn new(rule: Rule, path: &str, pos: Pos, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.severity(),
            path: path.to_string(),
            pos,
            width: 1,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }
}

/// Sort findings by file, then place, so output is stable whatever the load order.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.path, a.pos, a.rule, &a.message).cmp(&(&b.path, b.pos, b.rule, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented_in_the_readme() {
        let readme = include_str!("../../README.md");
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::ALL {
            assert!(seen.insert(rule.code()), "dubbele code {}", rule.code());
            let severity = match rule.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let row = format!("| `{}` | {severity} |", rule.code());
            assert!(readme.contains(&row), "README mist de regel {row}");
        }
    }
}
