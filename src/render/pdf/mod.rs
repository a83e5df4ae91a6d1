//! PDF/UA-1 output through the typst compiler, used as a library: offline,
//! no external program, fonts compiled in (`assets/fonts/`).
//!
//! `view` maps the one `View` to a `PdfDocument` (`changes` does the same for the
//! diff's redline); `document` turns that into typst markup, with every user text
//! escaped by `markup`; `world` is the sealed in-memory world typst compiles in.

pub mod changes;
pub mod document;
pub mod markup;
mod view;
pub mod world;

#[cfg(test)]
mod tests;

use std::panic::{AssertUnwindSafe, catch_unwind};

use typst::diag::{SourceDiagnostic, Warned};
use typst::visualize::{ImageFormat, VectorFormat};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use document::{
    Block, Cover, HouseStyle, Inline, Letter, LetterReferences, Logo, Part, PdfDocument, Signatory,
    Table, redline_legend,
};
pub use view::document as from_view;
pub use world::{Date, font_families};

/// The whole document as an accessible PDF (PDF/UA-1).
pub struct Pdf;

impl super::DocumentFormat for Pdf {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn uses_templates(&self) -> bool {
        false
    }

    fn render(
        &self,
        view: &super::View,
        _templates: &super::templates::Templates,
    ) -> Result<Vec<u8>, super::RenderError> {
        compile(&from_view(view)).map_err(super::RenderError::Pdf)
    }
}

/// Why no PDF was made; `Display` is the Dutch message for the user.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PdfError {
    #[error("het lettertype `{requested}` is niet beschikbaar; beschikbaar zijn: {}", available.join(", "))]
    FontUnavailable {
        requested: String,
        available: Vec<String>,
    },
    #[error("het logo is geen afbeelding die in een PDF kan; gebruik PNG, JPEG, GIF, WebP of SVG")]
    LogoNotImage,
    #[error("de kleur `{0}` is geen geldige kleur; gebruik de vorm #rrggbb, bijvoorbeeld #154273")]
    InvalidColour(String),
    #[error("de datum {0} bestaat niet")]
    InvalidDate(String),
    #[error("typst kon het document niet opmaken (een fout in kwaliteit, meld die):\n{}", .0.join("\n"))]
    Typeset(Vec<String>),
    #[error("de PDF-opmaak voldoet niet aan PDF/UA-1 (een fout in kwaliteit, meld die):\n{}", .0.join("\n"))]
    Export(Vec<String>),
    #[error("interne fout in de PDF-opmaak; meld dit als fout in kwaliteit")]
    Internal,
}

/// Compile `doc` to the bytes of a PDF/UA-1 file.
pub fn compile(doc: &PdfDocument) -> Result<Vec<u8>, PdfError> {
    let (source, files) = prepare(doc)?;
    // typst is not expected to panic, but a panic must not abort the CLI.
    catch_unwind(AssertUnwindSafe(|| compile_typst(source, files, doc.date)))
        .unwrap_or(Err(PdfError::Internal))
}

/// The generated typst source, for debugging and tests.
pub fn typst_source(doc: &PdfDocument) -> Result<String, PdfError> {
    prepare(doc).map(|(source, _)| source)
}

type Files = Vec<(String, Vec<u8>)>;

/// Validate the house style and generate the typst source.
fn prepare(doc: &PdfDocument) -> Result<(String, Files), PdfError> {
    if !world::has_family(&doc.style.font) {
        return Err(PdfError::FontUnavailable {
            requested: doc.style.font.clone(),
            available: font_families(),
        });
    }
    let primary = markup::colour(&doc.style.primary)
        .ok_or_else(|| PdfError::InvalidColour(doc.style.primary.clone()))?;
    if doc.date.to_datetime().is_none() {
        let d = doc.date;
        return Err(PdfError::InvalidDate(format!(
            "{}-{:02}-{:02}",
            d.year, d.month, d.day
        )));
    }
    let mut files = Vec::new();
    if let Some(logo) = &doc.style.logo {
        match ImageFormat::detect(&logo.bytes) {
            // A PDF logo would be an embedded PDF, which PDF/UA-1 forbids.
            None | Some(ImageFormat::Vector(VectorFormat::Pdf)) => {
                return Err(PdfError::LogoNotImage);
            }
            Some(_) => files.push((document::LOGO_PATH.to_string(), logo.bytes.clone())),
        }
    }
    Ok((document::to_typst(doc, &primary), files))
}

fn compile_typst(source: String, files: Files, date: Date) -> Result<Vec<u8>, PdfError> {
    let world = world::MemoryWorld::new(source, files, date);
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    let document = output.map_err(|errs| PdfError::Typeset(messages(&world, errs.as_slice())))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .map_err(|e| PdfError::Export(vec![e.message().to_string()]))?;
    let options = PdfOptions {
        // Reproducible: the passed date, not the clock.
        timestamp: date.to_datetime().map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options);
    // Free memoised layout results; one compile per process run is typical.
    typst::comemo::evict(0);
    pdf.map_err(|errs| PdfError::Export(messages(&world, errs.as_slice())))
}

/// typst's messages (English) with the offending generated source line, so
/// a bug in our generator can be traced.
fn messages(world: &world::MemoryWorld, errs: &[SourceDiagnostic]) -> Vec<String> {
    use typst::WorldExt;
    errs.iter()
        .map(|e| {
            let mut m = e.message.to_string();
            if let Some(range) = world.range(e.span) {
                let src = world.main_source();
                if let Some(line) = src.lines().byte_to_line(range.start) {
                    let text: String = src
                        .text()
                        .get(range.clone())
                        .unwrap_or("")
                        .chars()
                        .take(80)
                        .collect();
                    m.push_str(&format!(" (regel {} van de typst-bron: {text})", line + 1));
                }
            }
            for hint in &e.hints {
                m.push_str(&format!("\n  hint: {}", hint.v));
            }
            m
        })
        .collect()
}
