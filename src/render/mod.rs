//! The document the council sends: letter, manifest, elaboration with cases,
//! matrix as annex. `View` is the document as plain data (texts as document trees);
//! each format turns it into bytes.

pub mod changes;
pub mod changes_docx;
pub mod docx;
pub mod escape;
pub mod html;
pub mod html_redline;
pub mod markdown;
pub mod matrix;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod templates;
mod texts;
mod view;

#[cfg(test)]
mod same_structure_tests;

use templates::Templates;

pub use texts::Text;
pub use view::*;

/// A logo that `check` found unusable stops every document that would show it,
/// `--force` or not: a letter without its logo is not the council's letter.
pub fn unusable_logo(findings: &[crate::model::finding::Finding]) -> Option<RenderError> {
    findings
        .iter()
        .find(|f| f.rule == crate::model::finding::Rule::BadLogo)
        .map(|f| RenderError::Logo {
            path: f.path.clone(),
            line: f.pos.line,
            column: f.pos.column,
            message: f.message.clone(),
        })
}

/// One output format of the whole document. A new format is one module with a type
/// behind this trait, plus its name in `Format`.
pub trait DocumentFormat {
    /// File name extension of the output, without the dot.
    fn extension(&self) -> &'static str;
    /// Whether a council's own templates shape this format; the others get the built-in
    /// ones, so a broken council template does not stop them.
    fn uses_templates(&self) -> bool {
        true
    }
    fn render(&self, view: &View, templates: &Templates) -> Result<Vec<u8>, RenderError>;
    /// The document ready to be written; the same bytes as `render` once written.
    fn rendered(&self, view: &View, templates: &Templates) -> Result<Rendered, RenderError> {
        self.render(view, templates).map(Rendered::Bytes)
    }
}

/// A finished document on its way to a file. A Word file's parts are zipped straight
/// into it: a large document is then never in memory twice, as parts and as zip.
pub enum Rendered {
    Bytes(Vec<u8>),
    Word(Box<docx_rs::XMLDocx>),
}

impl Rendered {
    pub fn write_to(self, out: &mut (impl std::io::Write + std::io::Seek)) -> std::io::Result<()> {
        match self {
            Rendered::Bytes(bytes) => out.write_all(&bytes),
            Rendered::Word(parts) => docx::pack_into(*parts, out),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Html,
    Md,
    Docx,
    Pdf,
}

impl Format {
    pub fn renderer(self) -> &'static dyn DocumentFormat {
        match self {
            Format::Html => &html::Html,
            Format::Md => &markdown::Markdown,
            Format::Docx => &docx::Word,
            #[cfg(feature = "pdf")]
            Format::Pdf => &pdf::Pdf,
            #[cfg(not(feature = "pdf"))]
            Format::Pdf => &NoPdf,
        }
    }

    pub fn extension(self) -> &'static str {
        self.renderer().extension()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("het sjabloon {path} bevat een fout: {message}")]
    Template { path: String, message: String },
    #[error("kan het Word-document niet maken: {0}")]
    Docx(String),
    /// The logo of `huisstijl` cannot be used: the document would lack it.
    #[error(
        "{path}:{line}:{column}: {message}; er is geen document gemaakt\n  hulp: zet een PNG- of JPEG-bestand in de repository en geef het pad ervan bij `huisstijl: logo:`, of laat `logo` weg"
    )]
    Logo {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[cfg(feature = "pdf")]
    #[error("kan de PDF niet maken: {0}")]
    Pdf(pdf::PdfError),
    #[error(
        "deze kwaliteit is gebouwd zonder PDF; bouw hem met de standaardfeatures (zonder `--no-default-features`)"
    )]
    PdfNotBuilt,
}

/// `--format pdf` in a build without the `pdf` feature: the option stays, so help
/// texts and scripts are the same; it says why there is no PDF.
#[cfg(not(feature = "pdf"))]
struct NoPdf;

#[cfg(not(feature = "pdf"))]
impl DocumentFormat for NoPdf {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn uses_templates(&self) -> bool {
        false
    }

    fn render(&self, _view: &View, _templates: &Templates) -> Result<Vec<u8>, RenderError> {
        Err(RenderError::PdfNotBuilt)
    }
}

#[cfg(test)]
mod letter_tests {
    use super::*;
    use crate::source::SourceFile;

    fn view(round: &str) -> View {
        let files = [
            (
                crate::model::MANIFEST_FILE,
                "titel: T\nraad: R\ngemeente: G\npartijen:\n  - id: inwoners\n    naam: Inwoners\n",
            ),
            ("manifest/rounds/2026.md", round),
        ]
        .map(|(path, text)| SourceFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        });
        View::from_manifest(&crate::load::load(&files).manifest)
    }

    fn labels(v: &View) -> Vec<(String, Vec<String>)> {
        letter_rows(v.letter.as_ref().unwrap())
    }

    #[test]
    fn the_reference_lines_name_what_is_given_in_the_dutch_order() {
        let bare = view("---\njaar: 2026\naan: [college]\nbetreft: Advies\n---\nTekst.\n");
        assert_eq!(
            labels(&bare),
            [
                ("Betreft".to_string(), vec!["Advies".to_string()]),
                ("Bijlage".to_string(), vec![MATRIX_ANNEX.to_string()]),
            ]
        );
        let full = view(
            "---\njaar: 2026\ndatum: 2026-03-02\naan: [college]\nbetreft: Advies\nkenmerk: K-1\ncontactpersoon:\n  naam: J. de Vries\n  telefoon: \"036 000 00 00\"\nbijlagen: [Verslag]\nadviespunten:\n  - id: a\n    tekst: Doe het.\n---\nTekst.\n",
        );
        let rows = labels(&full);
        let names: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            names,
            [
                "Datum",
                "Ons kenmerk",
                "Betreft",
                "Bijlagen",
                "Contactpersoon"
            ]
        );
        assert_eq!(rows[0].1, ["2 maart 2026"]);
        // The document's own annexes first (the response annex once advice points
        // are recorded), then those the round names.
        assert_eq!(
            rows[3].1,
            [
                MATRIX_ANNEX,
                "Reactie van het college op het advies van 2 maart 2026",
                "Verslag"
            ]
        );
        assert_eq!(rows[4].1, ["J. de Vries, 036 000 00 00"]);
        // Another response annex takes the place of this one in the line.
        let mut other = full.clone();
        let earlier = ResponseView {
            title: "Reactie van het college op het advies van 18 augustus 2015".to_string(),
            received: None,
            rows: Vec::new(),
        };
        other.replace_response(Some(earlier));
        let rows = labels(&other);
        assert_eq!(
            rows[3].1,
            [
                MATRIX_ANNEX,
                "Reactie van het college op het advies van 18 augustus 2015",
                "Verslag"
            ]
        );
        other.replace_response(None);
        assert_eq!(labels(&other)[3].1, [MATRIX_ANNEX, "Verslag"]);
    }
}
