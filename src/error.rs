//! The one error type of the library: what went wrong, with the data to say so. Its
//! exit code and its Dutch hint are derived from it, and `cli` prints it, in one place.
//! Commands return it instead of printing.

use std::path::PathBuf;

use crate::exit;
use crate::render::RenderError;
use crate::scaffold::ScaffoldError;
use crate::source::SourceError;
use crate::write::WriteError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(transparent)]
    Scaffold(#[from] ScaffoldError),
    /// `diff` without FROM, and no round records the revision it was sent at.
    #[error("geef aan waarmee vergeleken moet worden, bijvoorbeeld `kwaliteit diff ronde-2015`")]
    NoRevisionToCompare,
    /// `advies` without `--since`, and the previous round records no revision.
    #[error("er is geen vorige ronde met een `revisie` om mee te vergelijken")]
    NoPreviousRevision,
    /// `--out` with a format that prints to standard output.
    #[error(
        "`--out` past niet bij `--format {format}`: die vorm verschijnt op het scherm, niet in een map"
    )]
    OutNotForFormat { format: String },
    /// `diff --format docx --out x.docx`: `--out` names a folder, as for `render`.
    #[error("`--out` is een map, geen bestand: `{}`", path.display())]
    OutIsAFolder { path: PathBuf },
    #[error("in `{}` staat al een manifest", dir.display())]
    ManifestExists { dir: PathBuf },
    #[error("`{file}` bestaat al in `{}`; er is niets geschreven", dir.display())]
    FileExists { file: String, dir: PathBuf },
    /// The manifest has errors (already printed), so `what` was not made.
    #[error(
        "{what} niet gemaakt, want het manifest heeft fouten (zie hierboven). Los ze op, of maak het toch met `--force`."
    )]
    Refused { what: String },
    #[error("de handleiding kan niet gemaakt worden: {}", crate::source::dutch_io(.0))]
    Manpage(std::io::Error),
    /// Standard output was closed (a pager quit): there is nobody left to tell.
    #[error("kan niet naar de standaarduitvoer schrijven")]
    Stdout(std::io::Error),
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Refused { .. } => exit::FINDINGS,
            _ => exit::FAILURE,
        }
    }

    /// What to do about it, when the message alone does not say.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            Error::NoRevisionToCompare => "geen ronde in manifest/rounds/ legt een `revisie` vast",
            Error::NoPreviousRevision => {
                "geef de revisie van het vorige advies met `--since`, bijvoorbeeld `--since ronde-2015`"
            }
            Error::OutNotForFormat { .. } => {
                "laat `--out` weg en stuur de uitvoer naar een bestand, bijvoorbeeld `kwaliteit diff --format md > wijzigingen.md`; alleen `--format docx` en `--format pdf` schrijven in een map"
            }
            Error::OutIsAFolder { .. } => {
                "geef de map, bijvoorbeeld `--out build`; het bestand heet daarin wijzigingen.docx"
            }
            Error::ManifestExists { .. } => {
                "kies een lege map, bijvoorbeeld `kwaliteit init mijn-raad`"
            }
            _ => return None,
        })
    }

    /// The text for standard error; empty when there is nothing to tell.
    pub fn message(&self) -> String {
        match self {
            Error::Stdout(_) => String::new(),
            // Follows the list of the manifest's errors, as its conclusion.
            Error::Refused { .. } => format!("{self}\n"),
            _ => match self.hint() {
                Some(hint) => format!("fout: {self}\n  hulp: {hint}\n"),
                None => format!("fout: {self}\n"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_exits_with_findings_and_the_rest_with_failure() {
        let refused = Error::Refused {
            what: "Het document is".into(),
        };
        assert_eq!(refused.exit_code(), exit::FINDINGS);
        assert!(
            refused
                .message()
                .starts_with("Het document is niet gemaakt")
        );
        assert_eq!(Error::NoRevisionToCompare.exit_code(), exit::FAILURE);
        assert_eq!(
            Error::NoRevisionToCompare.message(),
            "fout: geef aan waarmee vergeleken moet worden, bijvoorbeeld `kwaliteit diff ronde-2015`\n  hulp: geen ronde in manifest/rounds/ legt een `revisie` vast\n"
        );
        let closed = Error::Stdout(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!(
            (closed.message().as_str(), closed.exit_code()),
            ("", exit::FAILURE)
        );
    }
}
