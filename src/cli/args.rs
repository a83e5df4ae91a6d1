//! The options of each command, as clap reads them; help texts in Dutch.

use super::*;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Wat: casus, uitgangspunt of ronde
    #[arg(
        value_enum,
        value_name = "SOORT",
        help_heading = "Argumenten",
        hide_possible_values = true
    )]
    pub kind: NewKind,

    /// De titel (bij een ronde: het onderwerp; mag leeg zijn)
    #[arg(
        value_name = "TITEL",
        help_heading = "Argumenten",
        default_value = "",
        hide_default_value = true
    )]
    pub title: String,

    /// Het jaar van de ronde, of bij een casus het jaar van `sinds` (standaard: dit jaar)
    #[arg(long, value_name = "JJJJ", value_parser = clap::value_parser!(i64).range(1900..=2200))]
    pub jaar: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum NewKind {
    Casus,
    Uitgangspunt,
    Ronde,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// De map voor de nieuwe repository (standaard: de huidige map)
    #[arg(value_name = "MAP", help_heading = "Argumenten")]
    pub dir: Option<PathBuf>,

    /// De naam van de gemeente
    #[arg(long, value_name = "NAAM")]
    pub gemeente: Option<String>,

    /// De naam van de adviesraad
    #[arg(long, value_name = "NAAM")]
    pub raad: Option<String>,

    /// Voor welke dienst de CI-configuratie is: github (standaard) of gitlab
    #[arg(
        long,
        value_enum,
        value_name = "DIENST",
        default_value = "github",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub ci: crate::scaffold::Ci,
}

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Verander niets; noem de bestanden die niet in de vaste vorm staan (afsluitcode 1)
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Soort bestand: uitgangspunt (standaard), casus, ronde of manifest
    #[arg(
        long,
        value_enum,
        default_value = "uitgangspunt",
        value_name = "SOORT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub kind: SchemaKind,
}

/// The kinds by their Dutch names; the English ones of earlier versions stay
/// accepted (hidden) so existing editor settings keep working.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    #[value(alias = "principle")]
    Uitgangspunt,
    #[value(alias = "case")]
    Casus,
    #[value(alias = "round")]
    Ronde,
    Manifest,
}

impl SchemaKind {
    /// The name the key table uses for this kind.
    pub fn table_name(self) -> &'static str {
        match self {
            Self::Uitgangspunt => "principle",
            Self::Casus => "case",
            Self::Ronde => "round",
            Self::Manifest => "manifest",
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// De shell: bash, zsh, fish of powershell
    #[arg(
        value_enum,
        value_name = "SHELL",
        help_heading = "Argumenten",
        hide_possible_values = true
    )]
    pub shell: CompletionShell,
}

/// Only the shells we support; clap_complete's own list also offers elvish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl From<CompletionShell> for clap_complete::Shell {
    fn from(shell: CompletionShell) -> Self {
        match shell {
            CompletionShell::Bash => Self::Bash,
            CompletionShell::Zsh => Self::Zsh,
            CompletionShell::Fish => Self::Fish,
            CompletionShell::Powershell => Self::PowerShell,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// De oude versie: een git-revisie (zoals `ronde-2015`) of een map (standaard: de revisie van de laatste ronde)
    #[arg(value_name = "VAN", help_heading = "Argumenten", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub from: Option<String>,

    /// De nieuwe versie: een git-revisie of een map (standaard: de werkmap)
    #[arg(value_name = "NAAR", help_heading = "Argumenten", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub to: Option<String>,

    /// Vorm: terminal (standaard), md, html, json, docx of pdf
    #[arg(
        long,
        value_enum,
        default_value = "terminal",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: DiffFormat,

    /// Bij docx en pdf: de map voor wijzigingen.docx of wijzigingen.pdf (standaard: build/ in de map van het manifest)
    #[arg(long, value_name = "MAP")]
    pub out: Option<PathBuf>,

    /// Afsluitcode 1 als er wijzigingen zijn, zoals bij `git diff --exit-code`
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Terminal,
    Md,
    Html,
    Json,
    Docx,
    Pdf,
}

#[derive(Debug, clap::Args)]
pub struct AdviesArgs {
    /// Vergelijk met deze revisie (standaard: de revisie van de vorige ronde)
    #[arg(long, value_name = "REVISIE", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub since: Option<String>,

    /// Vorm van het advies: html (standaard), md, docx of pdf
    #[arg(
        long,
        value_enum,
        default_value = "html",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: render::Format,

    /// Map voor het advies (standaard: build/ in de map van het manifest)
    #[arg(long, value_name = "MAP")]
    pub out: Option<PathBuf>,

    /// Schrijf het advies ook als de controle fouten vindt
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Afsluitcode 1 als een reactie van het college te laat is of een toezegging over haar termijn is
    #[arg(long)]
    pub exit_code: bool,

    /// Vorm: terminal (standaard), md of json
    #[arg(
        long,
        value_enum,
        default_value = "terminal",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: StatusFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    Terminal,
    Md,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct TextconvArgs {
    /// Het bestand dat u leesbaar wilt maken
    #[arg(value_name = "BESTAND", help_heading = "Argumenten")]
    pub file: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Vorm van het document: html (standaard), md, docx of pdf
    #[arg(
        long,
        value_enum,
        default_value = "html",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: render::Format,

    /// Map voor het document (standaard: build/ in de map van het manifest)
    #[arg(long, value_name = "MAP")]
    pub out: Option<PathBuf>,

    /// Schrijf het document ook als de controle fouten vindt
    #[arg(long)]
    pub force: bool,

    /// Maak het document van het manifest zoals het was bij deze git-revisie
    #[arg(long, value_name = "REVISIE", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub rev: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    // `terminal` as in check, diff and status; `table` of earlier versions stays accepted.
    #[value(name = "terminal", alias = "table")]
    Table,
    Md,
    Csv,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct MatrixArgs {
    /// Vorm: terminal (standaard), md, csv of html
    #[arg(
        long,
        value_enum,
        default_value = "terminal",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: MatrixFormat,

    /// Alleen een markering per gevulde cel: het overzicht in één oogopslag
    #[arg(long)]
    pub compact: bool,

    /// Breedte van de tabel in tekens (standaard: de breedte van de terminal)
    #[arg(long, value_name = "TEKENS")]
    pub width: Option<usize>,

    /// Kolommen: partij (standaard) of kompas (de bouwstenen van het Kwaliteitskompas)
    #[arg(
        long,
        value_enum,
        default_value = "partij",
        value_name = "KOLOMMEN",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub by: MatrixColumns,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixColumns {
    Partij,
    Kompas,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Vorm van de uitvoer: terminal (standaard), json, github of sarif
    #[arg(
        long,
        value_enum,
        default_value = "terminal",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: Format,

    /// Laat ook waarschuwingen de controle doen mislukken (afsluitcode 1)
    #[arg(long)]
    pub strict: bool,

    /// Controleer het manifest zoals het was bij deze git-revisie
    #[arg(long, value_name = "REVISIE", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub rev: Option<String>,

    /// Schrijfhulp: meld ook lange zinnen en vaktaal (richting taalniveau B1)
    #[arg(long)]
    pub lang_level: bool,
}
