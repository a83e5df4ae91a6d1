//! The manifest as loaded: plain data that every command reads.

pub mod document;
pub mod finding;
pub mod image;
pub mod keys;
pub mod law;
pub mod placeholder;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::document::Document;
use crate::model::finding::Pos;

/// A value with the place it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

/// Where the identity of the manifest lives, relative to the repository root.
pub const MANIFEST_FILE: &str = "manifest/manifest.yaml";
pub const PRINCIPLES_DIR: &str = "manifest/principles";
pub const ROUNDS_DIR: &str = "manifest/rounds";
pub const CASES_DIR: &str = "cases";
/// A council's own templates for rendering.
pub const TEMPLATES_DIR: &str = "manifest/templates";

/// The heading that separates a principle's short text from its elaboration.
pub const ELABORATION_HEADING: &str = "Uitwerking";

/// What a file of the repository is, by its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `manifest/manifest.yaml`
    Identity,
    Principle,
    Round,
    Case,
}

/// The kind of a repository-relative path; `None` for files the manifest does not use.
pub fn file_kind(path: &str) -> Option<FileKind> {
    let under = |dir: &str| {
        path.strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
    };
    if path == MANIFEST_FILE {
        Some(FileKind::Identity)
    } else if under(PRINCIPLES_DIR) {
        Some(FileKind::Principle)
    } else if under(ROUNDS_DIR) {
        Some(FileKind::Round)
    } else if under(CASES_DIR) {
        Some(FileKind::Case)
    } else {
        None
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Manifest {
    /// What `manifest/manifest.yaml` says: one struct, so that no path that builds a
    /// manifest (the parallel loader joins parts) can drop one of its fields.
    pub identity: Identity,
    /// Sorted by `volgorde`, then by file.
    pub principles: Vec<Principle>,
    /// Sorted by file.
    pub cases: Vec<Case>,
    /// Sorted by year, then by file.
    pub rounds: Vec<Round>,
    /// Headings and links of every Markdown file, for link checking.
    pub pages: Vec<Page>,
    /// Which kinds of file could not all be read into the model.
    pub incomplete: Incomplete,
    /// Decoded text of every file, for the content checks and to quote source lines.
    /// Shared: two versions loaded together hold a file that is the same in both once.
    pub texts: BTreeMap<String, Arc<String>>,
    /// The image files the texts show, by repository path (PNG and JPEG only).
    pub images: BTreeMap<String, image::Image>,
}

/// The council's manifest as `manifest/manifest.yaml` describes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Identity {
    pub title: String,
    /// Title of the part with the elaborations; a default is used when absent.
    pub elaboration_title: Option<String>,
    /// Shown above the matrix annex (`matrix_inleiding`).
    pub matrix_intro: Option<String>,
    pub council: String,
    pub council_short: Option<String>,
    pub municipality: String,
    /// The parties of the matrix, in the order of its columns.
    pub actors: Vec<Actor>,
    /// The blocks of the NJi Kwaliteitskompas (or a council's own), for tagging.
    pub kompas: Vec<KompasBlock>,
    /// Weeks within which the college is expected to respond to an advice (default 6).
    pub response_weeks: Option<i64>,
    /// The council's address lines, for the letter's sender block (`adres`).
    pub address: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// The council's own font, colour and logo (`huisstijl`).
    pub house: HouseStyle,
}

/// `huisstijl`: values as written (the loader checks their form), and the logo's bytes
/// once read from the same version of the repository.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HouseStyle {
    /// A font family name of letters, digits, spaces and hyphens only.
    pub font: Option<Located<String>>,
    /// `#RRGGBB`.
    pub colour: Option<Located<String>>,
    /// Repository-relative path of a PNG or JPEG file.
    pub logo: Option<Located<String>>,
    /// The logo file, when it could be read and is a PNG or JPEG.
    pub logo_image: Option<image::Image>,
}

/// Checks that need every file of a kind stay quiet when one of them could not be
/// read, rather than report follow-on problems in files that are fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Incomplete {
    pub identity: bool,
    /// Ids guessed from the names of principle files that could not be read
    /// (`02-samenwerken.md` → `samenwerken`), so references to them stay quiet.
    pub principles: Vec<String>,
    pub cases: bool,
    pub rounds: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: Located<String>,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KompasBlock {
    pub id: Located<String>,
    pub name: String,
}

/// A law cited by a principle or case: `wetten: [{id: BWBR0035362, artikel: "2.1.3"}]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawCitation {
    pub id: Located<String>,
    pub artikel: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Principle {
    pub path: String,
    pub id: Located<String>,
    pub title: String,
    pub order: Option<Located<i64>>,
    /// Matrix cells of this principle's row, in the order written.
    pub responsibilities: Vec<Responsibility>,
    /// The short text of the manifest (Markdown source). The sources are shared, as the
    /// trees are: two versions loaded together hold a file the same in both once.
    pub short_text: Arc<str>,
    pub short_text_doc: Document,
    /// The text under `## Uitwerking` (Markdown source).
    pub elaboration: Arc<str>,
    pub elaboration_doc: Document,
    pub kompas: Vec<Located<String>>,
    pub laws: Vec<LawCitation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Responsibility {
    pub actor: Located<String>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub path: String,
    pub id: Located<String>,
    /// Empty when the case has no title: the source of a manifest often gives none.
    pub title: String,
    pub principle: Option<Located<String>>,
    pub actors: Vec<Located<String>>,
    pub since: Option<i64>,
    /// The story (Markdown source), shared as a principle's texts are.
    pub story: Arc<str>,
    pub story_doc: Document,
    pub kompas: Vec<Located<String>>,
    pub laws: Vec<LawCitation>,
    /// Why this case may name personal data after all (`privacy_uitzondering`).
    pub privacy_exception: Option<String>,
}

/// One evaluation round: the advice letter sent with the manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    pub path: String,
    pub year: Option<Located<i64>>,
    pub date: Option<String>,
    /// Addressee lines.
    pub to: Vec<String>,
    pub subject: String,
    /// The letter's reference (`kenmerk`, "Ons kenmerk").
    pub reference: Option<String>,
    pub contact: Option<Contact>,
    /// Annexes the round names besides the document's own (`bijlagen`).
    pub annexes: Vec<String>,
    pub salutation: Option<String>,
    pub closing: Option<String>,
    pub signatories: Vec<Signatory>,
    pub partners: Vec<String>,
    /// The git revision of the manifest as sent in this round.
    pub revision: Option<String>,
    /// The letter (Markdown source).
    pub body: String,
    pub body_doc: Document,
    /// The points of advice in the letter, with stable ids (`adviespunten`).
    pub advice_points: Vec<AdvicePoint>,
    /// The college's response (`reactie`), once it arrived or was recorded.
    pub response: Option<Response>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdvicePoint {
    pub id: Located<String>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// Date the response was received (`ontvangen`), `JJJJ-MM-DD`.
    pub received: Option<String>,
    pub verdicts: Vec<Verdict>,
}

/// The college's verdict on one advice point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub point: Located<String>,
    pub kind: VerdictKind,
    /// For a commitment: the date by which it is due (`termijn`).
    pub deadline: Option<String>,
    pub note: Option<String>,
}

/// The college's verdicts on advice points, in one table: the variant, the key as
/// written in a round file, and the label shown to readers.
macro_rules! verdicts {
    ($($variant:ident: $key:literal, $label:literal;)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum VerdictKind {
            $($variant,)+
        }

        impl VerdictKind {
            pub const ALL: &'static [VerdictKind] = &[$(VerdictKind::$variant,)+];
            /// The keys a round file may use, for the key table and the JSON Schema.
            pub const KEYS: &'static [&'static str] = &[$($key,)+];

            /// As written in the round file.
            pub fn key(self) -> &'static str {
                match self {
                    $(VerdictKind::$variant => $key,)+
                }
            }

            /// As shown to readers.
            pub fn label(self) -> &'static str {
                match self {
                    $(VerdictKind::$variant => $label,)+
                }
            }
        }
    };
}

verdicts! {
    Overgenomen: "overgenomen", "overgenomen";
    DeelsOvergenomen: "deels-overgenomen", "deels overgenomen";
    NietOvergenomen: "niet-overgenomen", "niet overgenomen";
    VoorKennisgeving: "voor-kennisgeving", "voor kennisgeving aangenomen";
    Toegezegd: "toegezegd", "toegezegd";
}

impl VerdictKind {
    pub fn parse(s: &str) -> Option<Self> {
        let wanted = s.trim().to_lowercase().replace(' ', "-");
        Self::ALL.iter().copied().find(|k| k.key() == wanted)
    }
}

/// Who answers questions about a letter (`contactpersoon`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signatory {
    pub name: String,
    pub role: Option<String>,
}

/// A Markdown file as read: its body's tree, and what link checking needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    /// Byte offset of the body (after the front matter) in the file.
    pub body_offset: usize,
    /// The body parsed once; spans are byte ranges in the file.
    pub doc: Document,
    /// Anchors of its headings, as GitHub makes them.
    pub anchors: Vec<String>,
    /// Links, images and bare web addresses in the text.
    pub links: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub target: String,
    pub pos: Pos,
    pub width: usize,
}

impl Manifest {
    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id.value == id)
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.identity.actors.iter().find(|a| a.id.value == id)
    }

    /// Cases of a principle, in file order.
    pub fn cases_of<'a>(&'a self, principle_id: &'a str) -> impl Iterator<Item = &'a Case> {
        self.cases.iter().filter(move |c| {
            c.principle
                .as_ref()
                .is_some_and(|p| p.value == principle_id)
        })
    }

    /// The model with every document tree normalized (no byte offsets, white space
    /// runs as one) and without the file texts: to compare what two versions mean.
    pub fn without_offsets(self) -> Manifest {
        let mut m = self;
        m.texts.clear();
        // A tree the model holds twice (a case's story and its page) is normalized once.
        // The originals are kept until the end, so no other tree gets their address.
        let mut done: std::collections::HashMap<(usize, Option<usize>), (Document, Document)> =
            Default::default();
        let mut normalize = |d: &mut Document| {
            let key = (d.blocks.shared_address(), d.too_deep);
            let (_, normalized) = done
                .entry(key)
                .or_insert_with(|| (d.clone(), d.normalized()));
            *d = normalized.clone();
        };
        for p in &mut m.principles {
            normalize(&mut p.short_text_doc);
            normalize(&mut p.elaboration_doc);
        }
        for c in &mut m.cases {
            normalize(&mut c.story_doc);
        }
        for r in &mut m.rounds {
            normalize(&mut r.body_doc);
        }
        for page in &mut m.pages {
            page.body_offset = 0;
            normalize(&mut page.doc);
        }
        m
    }

    /// The newest round, whose letter goes with the document.
    pub fn latest_round(&self) -> Option<&Round> {
        self.rounds.last()
    }
}
