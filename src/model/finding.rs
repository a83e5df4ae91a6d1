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

/// Every rule `check` knows, in one table: the variant, its stable code, its severity,
/// and one Dutch line on what it guards (for the README and SARIF). The codes are part
/// of the JSON, GitHub and SARIF output: never rename one.
macro_rules! rules {
    ($($variant:ident: $code:literal, $severity:ident, $summary:literal;)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($variant,)+
        }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)+];

            pub fn code(self) -> &'static str {
                match self {
                    $(Rule::$variant => $code,)+
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)+
                }
            }

            /// One Dutch line on what the rule guards.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Rule::$variant => $summary,)+
                }
            }
        }
    };
}

rules! {
    InvalidUtf8: "invalid-utf8", Error, "het bestand is geen geldige UTF-8-tekst";
    EmptyFile: "empty-file", Error, "het bestand is leeg";
    UnexpectedFile: "unexpected-file", Warning, "een bestand dat geen Markdown is in een map met Markdown-bestanden";
    FrontMatterMissing: "front-matter-missing", Error, "de kopregels ontbreken";
    FrontMatterUnterminated: "front-matter-unterminated", Error, "de kopregels worden niet afgesloten met `---`";
    YamlSyntax: "yaml-syntax", Error, "de YAML van de kopregels is ongeldig";
    DuplicateKey: "duplicate-key", Error, "een sleutel staat twee keer in dezelfde kopregels";
    OldKey: "old-key", Warning, "een sleutel met zijn oude, Engelse naam (`kwaliteit fmt` zet hem om)";
    UnknownKey: "unknown-key", Error, "een onbekende sleutel (vaak een tikfout)";
    MissingKey: "missing-key", Error, "een verplichte sleutel ontbreekt";
    WrongType: "wrong-type", Error, "een waarde past niet: bijvoorbeeld tekst waar een getal of lijst hoort";
    InvalidId: "invalid-id", Error, "een id bevat andere tekens dan kleine letters, cijfers en streepjes";
    FileNameMismatch: "file-name-mismatch", Warning, "de bestandsnaam past niet bij het id";
    DuplicateId: "duplicate-id", Error, "twee bestanden gebruiken hetzelfde id";
    DuplicateOrder: "duplicate-order", Error, "twee uitgangspunten hebben dezelfde `volgorde`";
    OrderGap: "order-gap", Warning, "de nummering van `volgorde` slaat een plaats over";
    UnknownPrinciple: "unknown-principle", Error, "een casus verwijst naar een onbekend uitgangspunt";
    UnknownActor: "unknown-actor", Error, "een verwijzing naar een partij die niet in manifest.yaml staat";
    ActorWithoutResponsibility: "actor-without-responsibility", Warning, "een partij zonder enige verantwoordelijkheid in de matrix";
    PrincipleWithoutCase: "principle-without-case", Warning, "een uitgangspunt zonder casus uit de praktijk";
    MissingElaboration: "missing-elaboration", Error, "een uitgangspunt zonder sectie `## Uitwerking`";
    EmptyText: "empty-text", Error, "een tekst die niet leeg mag zijn, is leeg";
    BrokenLink: "broken-link", Error, "een link naar een bestand of kop die niet bestaat";
    NoRound: "no-round", Warning, "er is nog geen ronde (adviesbrief) vastgelegd";
    PersonalData: "personal-data", Error, "persoonsgegevens (BSN, e-mailadres, telefoonnummer, IBAN) in een verhaal of tekst";
    UnknownKompas: "unknown-kompas", Error, "een bouwsteen van het Kwaliteitskompas die niet in manifest.yaml staat";
    InvalidLawId: "invalid-law-id", Error, "een wet-id dat niet de vorm `BWBR` + 7 cijfers heeft";
    RepealedLaw: "repealed-law", Warning, "een verwijzing naar een wet die niet meer geldt, zoals de Wbp";
    Placeholder: "placeholder", Warning, "een tekst die nog ingevuld moet worden (`TODO:`)";
    LongSentence: "long-sentence", Warning, "een zin van meer dan 25 woorden (met `--lang-level`)";
    Jargon: "jargon", Warning, "vaktaal met een eenvoudiger alternatief (met `--lang-level`)";
    Symlink: "symlink", Error, "een symbolische link in de mappen van het manifest (die wordt niet gevolgd)";
    NotAFile: "not-a-file", Error, "een map, FIFO of apparaat waar een bestand hoort, of een bestand waar een map hoort";
    TooDeep: "too-deep", Error, "een tekst die dieper genest is dan 100 niveaus (citaten, lijsten, nadruk)";
    UnknownAdvicePoint: "unknown-advice-point", Error, "een oordeel in de reactie over een adviespunt dat niet in de ronde staat";
    TemplateError: "template-error", Error, "een eigen sjabloon in `manifest/templates/` heeft een fout, zodat `render` stopt";
    RemoteImage: "remote-image", Error, "een afbeelding van het web: wie het document opent, zou die ophalen";
    UnsupportedImage: "unsupported-image", Error, "een afbeelding die geen PNG of JPEG is, te groot is of geen gewoon bestand is";
    ControlCharacter: "control-character", Warning, "een onzichtbaar stuurteken (zoals ESC of een nulteken) in de tekst";
    BadLogo: "bad-logo", Error, "het logo van de huisstijl ontbreekt, valt buiten de repository of is geen PNG- of JPEG-bestand";
    LowContrast: "low-contrast", Error, "de kleur van de huisstijl is te licht: minder dan 4,5:1 contrast met wit";
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
    /// The text of the line at `pos`, to show the source in the human report; of a long
    /// line only the part around `pos`, with `...` where it was cut.
    pub source_line: Option<String>,
    /// The column of the file where `source_line` begins: 1 unless it was cut.
    pub source_column: usize,
    /// How many findings this one stands for: 1, or all the repeats it sums up after
    /// the first ones of its kind in its file, so the totals count every one.
    pub stands_for: usize,
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
            source_column: 1,
            stands_for: 1,
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

    /// The finding with control characters in its texts shown visibly, for a
    /// terminal (one character for one, so the column still points right).
    pub fn visible(&self) -> std::borrow::Cow<'_, Finding> {
        use crate::text::terminal::{is_control, visible};
        let texts = [Some(&self.path), Some(&self.message), self.help.as_ref()]
            .into_iter()
            .chain([self.source_line.as_ref()])
            .flatten();
        if !texts.into_iter().any(|t| t.chars().any(is_control)) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut f = self.clone();
        for t in [Some(&mut f.path), Some(&mut f.message)]
            .into_iter()
            .chain([f.help.as_mut(), f.source_line.as_mut()])
            .flatten()
        {
            *t = visible(t).into_owned();
        }
        std::borrow::Cow::Owned(f)
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

    /// The README's table of codes is this table, row for row; on a mismatch the
    /// expected table is printed, to paste into the README.
    #[test]
    fn codes_are_unique_and_the_readme_table_is_the_rule_table() {
        let mut seen = std::collections::HashSet::new();
        let mut table = String::from("| code | ernst | wat |\n|---|---|---|\n");
        for rule in Rule::ALL {
            assert!(seen.insert(rule.code()), "dubbele code {}", rule.code());
            let severity = match rule.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            table.push_str(&format!(
                "| `{}` | {severity} | {} |\n",
                rule.code(),
                rule.summary().replace('|', "\\|")
            ));
        }
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&table),
            "de README moet deze tabel hebben:\n{table}"
        );
    }
}
