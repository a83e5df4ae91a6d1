//! The document the council sends: letter, manifest, elaboration with cases,
//! matrix as annex. `View` is the document as plain data (texts as document trees);
//! each format turns it into bytes.

pub mod changes;
pub mod changes_docx;
pub mod docx;
pub mod escape;
pub mod html;
pub mod markdown;
pub mod matrix;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod templates;

#[cfg(test)]
mod same_structure_tests;

use serde::Serialize;

use std::collections::HashMap;

use crate::analysis::matrix::Matrix;
use crate::load::markdown::{resolve, split_link};
use crate::model::Manifest;
use crate::model::document::{Document, Inline, InlineKind, visit_blocks_mut};
use crate::text::date::dutch_date;
use templates::Templates;

/// Default title of the part with the elaborations.
pub const DEFAULT_ELABORATION_TITLE: &str = "Uitwerking";

#[derive(Clone, Debug, Serialize)]
pub struct View {
    pub title: String,
    pub elaboration_title: String,
    /// The text above the matrix annex: the manifest's own, or a default.
    pub matrix_intro: String,
    pub council: String,
    pub council_short: Option<String>,
    pub municipality: String,
    /// The newest round, on the cover and as the Word file's creation date.
    pub edition: Option<Edition>,
    pub letter: Option<Letter>,
    pub principles: Vec<PrincipleView>,
    pub matrix: Matrix,
    /// For a new advice: what changed since the previous one.
    pub changes: Option<ChangesView>,
    /// The college's response to the latest advice that has recorded advice points.
    pub response: Option<ResponseView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Edition {
    /// "Editie 2015"
    pub label: String,
    /// Written out in Dutch: "18 augustus 2015"; none when the round has no date.
    pub date: Option<String>,
    /// `2015-08-18`, when the round's date is one.
    #[serde(skip)]
    pub iso: Option<String>,
}

impl Edition {
    /// From a round's date (ISO, or free text kept as it is).
    pub fn from_date(date: &str) -> Edition {
        let iso = crate::text::date::days(date).map(crate::text::date::iso);
        let year: String = date.trim().chars().take(4).collect();
        let label = if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
            format!("Editie {year}")
        } else {
            "Editie".to_string()
        };
        Edition {
            label,
            date: Some(dutch_date(date)),
            iso,
        }
    }

    /// The newest round: its date when it has one, else its year alone.
    fn of(m: &Manifest) -> Option<Edition> {
        let round = m.rounds.last()?;
        match (&round.date, &round.year) {
            (Some(date), _) => Some(Edition::from_date(date)),
            (None, Some(year)) => Some(Edition {
                label: format!("Editie {}", year.value),
                date: None,
                iso: None,
            }),
            (None, None) => None,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ResponseView {
    /// "Reactie van het college op het advies van 18 augustus 2015"
    pub title: String,
    pub received: Option<String>,
    pub rows: Vec<ResponseRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ResponseRow {
    pub point: String,
    pub verdict: String,
    pub note: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChangesView {
    /// "Wat is er veranderd sinds het advies van 18 augustus 2015"
    pub title: String,
    /// One plain Dutch sentence per change.
    pub sentences: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Letter {
    pub to: Vec<String>,
    pub subject: String,
    /// Written out in Dutch: "18 augustus 2015".
    pub date: Option<String>,
    pub salutation: Option<String>,
    pub body: Text,
    pub closing: Option<String>,
    pub signatories: Vec<SignatoryView>,
    pub partners: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SignatoryView {
    pub name: String,
    pub role: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PrincipleView {
    pub id: String,
    pub number: usize,
    pub title: String,
    /// The title as every format shows it: "1. De Almeerder centraal".
    pub heading: String,
    pub short_text: Text,
    pub elaboration: Text,
    pub cases: Vec<CaseView>,
    pub laws: Vec<LawView>,
}

/// A cited law as a link to wetten.overheid.nl.
#[derive(Clone, Debug, Serialize)]
pub struct LawView {
    /// "Wet maatschappelijke ondersteuning 2015 (Wmo 2015), artikel 2.1.3"
    pub label: String,
    pub url: String,
}

fn law_views(citations: &[crate::model::LawCitation]) -> Vec<LawView> {
    citations
        .iter()
        .filter(|c| crate::model::law::is_valid_id(&c.id.value))
        .map(|c| {
            let name =
                crate::model::law::known(&c.id.value).map_or(c.id.value.as_str(), |k| k.name);
            LawView {
                label: match &c.artikel {
                    Some(a) => format!("{name}, artikel {a}"),
                    None => name.to_string(),
                },
                url: crate::model::law::url(&c.id.value, c.artikel.as_deref()),
            }
        })
        .collect()
}

/// Above the matrix annex when the manifest has no `matrix_inleiding`.
pub const DEFAULT_MATRIX_INTRO: &str =
    "Overzicht van de uitgangspunten en de verantwoordelijkheden per partij.";

/// The heading of a case: the source has "Uit de praktijk:" and no titles.
pub fn case_heading(title: &str) -> String {
    if title.is_empty() {
        "Uit de praktijk".to_string()
    } else {
        format!("Uit de praktijk: {title}")
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CaseView {
    pub id: String,
    /// Empty when the case has no title.
    pub title: String,
    /// "Uit de praktijk", as in the source, with the title after it when there is one.
    pub heading: String,
    /// Names of the actors involved, in the matrix's column order.
    pub actors: Vec<String>,
    pub story: Text,
    pub laws: Vec<LawView>,
}

impl View {
    pub fn from_manifest(m: &Manifest) -> Self {
        // Where each file's content lands in the document, for links between files.
        let sections: HashMap<&str, String> = m
            .principles
            .iter()
            .map(|p| (p.path.as_str(), format!("uitwerking-{}", p.id.value)))
            .chain(
                m.cases
                    .iter()
                    .map(|c| (c.path.as_str(), format!("casus-{}", c.id.value))),
            )
            .collect();
        let letter = m.latest_round().map(|r| Letter {
            to: r.to.clone(),
            subject: r.subject.clone(),
            date: r.date.as_deref().map(dutch_date),
            salutation: r.salutation.clone(),
            body: for_document(&r.body_doc, &r.path, &sections),
            closing: r.closing.clone(),
            signatories: r
                .signatories
                .iter()
                .map(|s| SignatoryView {
                    name: s.name.clone(),
                    role: s.role.clone(),
                })
                .collect(),
            partners: r.partners.clone(),
        });
        let mut cases_by_principle: HashMap<&str, Vec<&crate::model::Case>> = HashMap::new();
        for c in &m.cases {
            if let Some(p) = &c.principle {
                cases_by_principle
                    .entry(p.value.as_str())
                    .or_default()
                    .push(c);
            }
        }
        let principles = m
            .principles
            .iter()
            .enumerate()
            .map(|(i, p)| PrincipleView {
                id: p.id.value.clone(),
                number: i + 1,
                title: p.title.clone(),
                heading: format!("{}. {}", i + 1, p.title),
                short_text: for_document(&p.short_text_doc, &p.path, &sections),
                elaboration: for_document(&p.elaboration_doc, &p.path, &sections),
                cases: cases_by_principle
                    .get(p.id.value.as_str())
                    .into_iter()
                    .flatten()
                    .map(|c| CaseView {
                        id: c.id.value.clone(),
                        title: c.title.clone(),
                        heading: case_heading(&c.title),
                        actors: m
                            .identity
                            .actors
                            .iter()
                            .filter(|a| c.actors.iter().any(|ca| ca.value == a.id.value))
                            .map(|a| a.name.clone())
                            .collect(),
                        story: for_document(&c.story_doc, &c.path, &sections),
                        laws: law_views(&c.laws),
                    })
                    .collect(),
                laws: law_views(&p.laws),
            })
            .collect();
        View {
            title: m.identity.title.clone(),
            elaboration_title: m
                .identity
                .elaboration_title
                .clone()
                .unwrap_or_else(|| DEFAULT_ELABORATION_TITLE.to_string()),
            matrix_intro: m
                .identity
                .matrix_intro
                .clone()
                .unwrap_or_else(|| DEFAULT_MATRIX_INTRO.to_string()),
            council: m.identity.council.clone(),
            council_short: m.identity.council_short.clone(),
            municipality: m.identity.municipality.clone(),
            edition: Edition::of(m),
            letter,
            principles,
            matrix: Matrix::from_manifest(m),
            changes: None,
            response: response_view(m),
        }
    }

    /// File name for the output: the manifest's title as an id.
    pub fn file_stem(&self) -> String {
        let stem = crate::text::slug::slugify(&self.title);
        if stem.is_empty() {
            "kwaliteitsmanifest".to_string()
        } else {
            stem
        }
    }
}

fn response_view(m: &Manifest) -> Option<ResponseView> {
    let round = m
        .rounds
        .iter()
        .rev()
        .find(|r| !r.advice_points.is_empty())?;
    let since = round.date.as_deref().map_or_else(
        || round.subject.clone(),
        |d| format!("het advies van {}", dutch_date(d)),
    );
    let rows = round
        .advice_points
        .iter()
        .map(|p| {
            let verdict = round
                .response
                .as_ref()
                .and_then(|r| r.verdicts.iter().find(|v| v.point.value == p.id.value));
            let mut label = verdict.map_or_else(
                || "nog geen oordeel".to_string(),
                |v| v.kind.label().to_string(),
            );
            if let Some(deadline) = verdict.and_then(|v| v.deadline.as_deref()) {
                label.push_str(&format!(", uiterlijk {}", dutch_date(deadline)));
            }
            ResponseRow {
                point: p.text.clone(),
                verdict: label,
                note: verdict.and_then(|v| v.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Some(ResponseView {
        title: format!("Reactie van het college op {since}"),
        received: round
            .response
            .as_ref()
            .and_then(|r| r.received.as_deref())
            .map(dutch_date),
        rows,
    })
}

/// A text of the document: its tree, and what a format made of it for a template
/// (templates see only that string).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// Shared, so that a format's copy of the view does not copy the trees.
    pub doc: std::sync::Arc<Document>,
    pub rendered: String,
}

impl From<&str> for Text {
    /// A Markdown text parsed into its tree (offsets from its start).
    fn from(markdown: &str) -> Self {
        Text {
            doc: std::sync::Arc::new(Document::parse(markdown, 0)),
            rendered: String::new(),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.rendered)
    }
}

impl View {
    /// Every text of the view, for a format to render.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut Text> {
        self.letter
            .iter_mut()
            .map(|l| &mut l.body)
            .chain(self.principles.iter_mut().flat_map(|p| {
                [&mut p.short_text, &mut p.elaboration]
                    .into_iter()
                    .chain(p.cases.iter_mut().map(|c| &mut c.story))
            }))
    }

    /// The view with every text rendered by `f`.
    pub fn rendered_with(&self, f: impl Fn(&Document) -> String) -> View {
        let mut v = self.clone();
        for t in v.texts_mut() {
            t.rendered = f(&t.doc);
        }
        v
    }
}

/// A text made ready for the document: links to other files of the repository point at
/// their section in the document (or, for files that have none, become their text: the
/// reader of the document has no repository), and targets that run code become `#`.
fn for_document(doc: &Document, from: &str, sections: &HashMap<&str, String>) -> Text {
    let mut doc = doc.clone();
    let retarget = |inlines: &mut Vec<Inline>| retarget_links(inlines, from, sections);
    visit_blocks_mut(&mut doc.blocks, &mut |b| {
        use crate::model::document::BlockKind;
        match &mut b.kind {
            BlockKind::Heading { inlines, .. } | BlockKind::Paragraph(inlines) => retarget(inlines),
            BlockKind::Table { header, rows, .. } => {
                for cell in header.iter_mut().chain(rows.iter_mut().flatten()) {
                    retarget(cell);
                }
            }
            _ => {}
        }
    });
    Text {
        doc: std::sync::Arc::new(doc),
        rendered: String::new(),
    }
}

fn retarget_links(inlines: &mut Vec<Inline>, from: &str, sections: &HashMap<&str, String>) {
    let mut out = Vec::with_capacity(inlines.len());
    for mut inline in inlines.drain(..) {
        match &mut inline.kind {
            InlineKind::Link {
                target,
                inlines: children,
                ..
            } => {
                retarget_links(children, from, sections);
                if html::tree::is_dangerous_url(target) {
                    *target = "#".to_string();
                } else if let Some((file, _anchor)) = split_link(target) {
                    let resolved = if file.is_empty() {
                        Some(from.to_string())
                    } else {
                        resolve(from, &file)
                    };
                    match resolved.as_deref().and_then(|t| sections.get(t)) {
                        Some(section) => *target = format!("#{section}"),
                        None => {
                            out.append(children);
                            continue;
                        }
                    }
                }
            }
            InlineKind::Image { target, .. } if html::tree::is_dangerous_url(target) => {
                *target = "#".to_string();
            }
            InlineKind::Emph(c) | InlineKind::Strong(c) | InlineKind::Strike(c) => {
                retarget_links(c, from, sections)
            }
            _ => {}
        }
        out.push(inline);
    }
    *inlines = out;
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
