//! The `View`: the document as plain data, built from the manifest once for every
//! format (letter, principles with their cases, the matrix, the edition).

use serde::Serialize;

use std::collections::HashMap;

use crate::analysis::matrix::Matrix;
use crate::model::Manifest;
use crate::text::date::dutch_date;

use super::Text;
use super::texts::{Targets, for_document};

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
    /// The sender block of the letter: the council's address lines, e-mail, website.
    pub address: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// The council's own font, colour and logo; absent parts keep the defaults.
    pub house: HouseView,
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

/// `huisstijl`, as the formats use it: values already checked by the loader.
#[derive(Clone, Debug, Default, Serialize)]
pub struct HouseView {
    /// A font family name of letters, digits, spaces and hyphens.
    pub font: Option<String>,
    /// `#RRGGBB`.
    pub colour: Option<String>,
    pub logo: Option<LogoView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LogoView {
    /// "Logo Adviesraad Sociaal Domein Almere"
    pub alt: String,
    pub mime: &'static str,
    #[serde(skip)]
    pub bytes: std::sync::Arc<Vec<u8>>,
    /// Pixel size, when the file says it (PNG): Word needs it.
    #[serde(skip)]
    pub size: Option<(u32, u32)>,
}

impl HouseView {
    pub(crate) fn of(m: &Manifest) -> HouseView {
        let house = &m.identity.house;
        HouseView {
            font: house.font.as_ref().map(|f| f.value.trim().to_string()),
            colour: house.colour.as_ref().map(|c| c.value.to_ascii_lowercase()),
            logo: house.logo_image.as_ref().map(|image| LogoView {
                alt: format!("Logo {}", m.identity.council),
                mime: image.kind.mime(),
                size: Some(image.size),
                bytes: std::sync::Arc::new(image.bytes.clone()),
            }),
        }
    }
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
    /// "Ons kenmerk".
    pub reference: Option<String>,
    /// The document's own annexes, then those the round names.
    pub annexes: Vec<String>,
    pub contact: Option<ContactView>,
    /// The reference lines as every format shows them, from the fields above
    /// (`Letter::with_meta`): Datum, Ons kenmerk, Betreft, Bijlage(n), Contactpersoon.
    pub meta: Vec<MetaRow>,
    pub salutation: Option<String>,
    pub body: Text,
    pub closing: Option<String>,
    pub signatories: Vec<SignatoryView>,
    pub partners: Vec<String>,
}

/// One line of the letter's reference column: a label and its value's lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetaRow {
    pub label: String,
    pub lines: Vec<String>,
}

impl Letter {
    /// The letter with its reference lines; a field that is not given has no line.
    pub fn with_meta(mut self) -> Letter {
        let mut rows = Vec::new();
        let mut row = |label: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                rows.push(MetaRow {
                    label: label.to_string(),
                    lines,
                });
            }
        };
        row("Datum", self.date.iter().cloned().collect());
        row("Ons kenmerk", self.reference.iter().cloned().collect());
        row("Betreft", vec![self.subject.clone()]);
        let annex_label = if self.annexes.len() == 1 {
            "Bijlage"
        } else {
            "Bijlagen"
        };
        row(annex_label, self.annexes.clone());
        row(
            "Contactpersoon",
            self.contact.iter().map(ContactView::line).collect(),
        );
        self.meta = rows;
        self
    }
}

/// The reference lines of a letter, as (label, lines).
pub fn letter_rows(letter: &Letter) -> Vec<(String, Vec<String>)> {
    letter
        .meta
        .iter()
        .map(|r| (r.label.clone(), r.lines.clone()))
        .collect()
}

#[derive(Clone, Debug, Serialize)]
pub struct ContactView {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl ContactView {
    /// "Jan Jansen, 036 123 45 67, j.jansen@example.nl"
    pub fn line(&self) -> String {
        [Some(&self.name), self.phone.as_ref(), self.email.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The annexes' names in the letter's "Bijlage(n)" line.
pub const MATRIX_ANNEX: &str = "Matrix: uitgangspunten en verantwoordelijkheden per partij";

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
#[derive(Clone, Debug, PartialEq, Serialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
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
        let targets = Targets {
            sections,
            images: &m.images,
        };
        let response = response_view(m);
        let letter = m.latest_round().map(|r| {
            Letter {
                to: r.to.clone(),
                subject: r.subject.clone(),
                date: r.date.as_deref().map(dutch_date),
                reference: r.reference.clone(),
                annexes: std::iter::once(MATRIX_ANNEX.to_string())
                    .chain(response.as_ref().map(|rv| rv.title.clone()))
                    .chain(r.annexes.iter().cloned())
                    .collect(),
                contact: r.contact.as_ref().map(|c| ContactView {
                    name: c.name.clone(),
                    phone: c.phone.clone(),
                    email: c.email.clone(),
                }),
                salutation: r.salutation.clone(),
                body: for_document(&r.body_doc, &r.path, &targets),
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
                meta: Vec::new(),
            }
            .with_meta()
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
                short_text: for_document(&p.short_text_doc, &p.path, &targets),
                elaboration: for_document(&p.elaboration_doc, &p.path, &targets),
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
                        story: for_document(&c.story_doc, &c.path, &targets),
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
            address: m.identity.address.clone(),
            email: m.identity.email.clone(),
            website: m.identity.website.clone(),
            house: HouseView::of(m),
            edition: Edition::of(m),
            letter,
            principles,
            matrix: Matrix::from_manifest(m),
            changes: None,
            response,
        }
    }

    /// Show another response annex (`advies` shows the college's response to the
    /// earlier advice), and name it in the letter's "Bijlagen" line in its place.
    pub fn replace_response(&mut self, response: Option<ResponseView>) {
        if let Some(letter) = self.letter.as_mut() {
            // The response annex, when there is one, follows the matrix annex.
            if self.response.is_some() && letter.annexes.len() > 1 {
                letter.annexes.remove(1);
            }
            if let Some(r) = &response {
                letter
                    .annexes
                    .insert(1.min(letter.annexes.len()), r.title.clone());
            }
            *letter = letter.clone().with_meta();
        }
        self.response = response;
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
