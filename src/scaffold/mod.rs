//! The pure core of `kwaliteit new` and `kwaliteit init`: which files to make and
//! what goes in them. Nothing is written here; the caller writes the files (whole or
//! not at all) and refuses to overwrite one that exists.
//!
//! What the council still has to write is marked with [`PLACEHOLDER`] (`TODO:`), so
//! that `check` can warn about it ([`placeholders`](crate::model::placeholder::placeholders) finds each one). Apart from those
//! placeholders, every file made here loads without findings.

mod existing;
#[cfg(test)]
mod tests;
mod texts;

use crate::model::placeholder::PLACEHOLDER;
use crate::model::{CASES_DIR, MANIFEST_FILE, Manifest, PRINCIPLES_DIR, ROUNDS_DIR};
use crate::text::slug::slugify;

use existing::{
    existing_case, existing_principle, existing_round, principle_for_case, valid_principle_ids,
};
use texts::{case_text, principle_text, round_text};

/// A file to create, relative to the repository root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFile {
    /// Repository-relative, `/` separated.
    pub path: String,
    pub text: String,
}

/// What `kwaliteit new` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Case,
    Principle,
    Round,
}

impl Kind {
    /// The Dutch noun, for messages such as "nieuwe casus: cases/x.md".
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Case => "casus",
            Kind::Principle => "uitgangspunt",
            Kind::Round => "ronde",
        }
    }
}

/// The id is made from the title; say why none came out, for no title and for
/// a title without letters alike.
fn empty_id_message(title: &str) -> String {
    let problem = if title.is_empty() {
        "geef een titel: het id wordt van de titel gemaakt".to_string()
    } else {
        format!(
            "in de titel `{title}` staat geen letter of cijfer, dus er kan geen id van gemaakt worden"
        )
    };
    format!("{problem}\n  hulp: geef een titel met woorden, bijvoorbeeld \"De inwoner centraal\"")
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ScaffoldError {
    #[error("{}", empty_id_message(title))]
    EmptyId { title: String },
    #[error(
        "er is al een uitgangspunt met het id `{id}` ({path})\n  hulp: kies een andere titel, of pas het bestaande uitgangspunt aan"
    )]
    PrincipleExists { id: String, path: String },
    #[error(
        "er is al een casus met het id `{id}` ({path})\n  hulp: kies een andere titel, of pas de bestaande casus aan"
    )]
    CaseExists { id: String, path: String },
    #[error(
        "er is al een ronde voor {year} ({path})\n  hulp: vul de bestaande ronde aan; per jaar is er één ronde"
    )]
    RoundExists { year: i64, path: String },
    #[error(
        "een uitgangspunt heeft geen jaar, dus `--jaar` past er niet bij\n  hulp: gebruik `--jaar` bij `kwaliteit new ronde` of `kwaliteit new casus`"
    )]
    YearForPrinciple,
}

/// A new case, principle or round with valid front matter, placed after what
/// `manifest` already holds.
///
/// - principle: `manifest/principles/NN-<id>.md`, NN the next free `volgorde`;
///   one placeholder cell for the first party.
/// - case: `cases/<id>.md`, `uitgangspunt:` the first principle without a case, or
///   else the last principle in order (a placeholder when there is none).
/// - round: `manifest/rounds/<year>.md`, with the letter of the newest earlier
///   round as skeleton (addressees, subject, salutation, closing), or a default
///   letter to the college. For a round, `title` may be blank; when given, it is
///   the subject of the letter.
///
/// `year` is today's year: the `sinds` of a case and the year of a round.
pub fn new_file(
    kind: Kind,
    title: &str,
    manifest: &Manifest,
    year: i64,
) -> Result<NewFile, ScaffoldError> {
    let title = normalize(title);
    match kind {
        Kind::Principle => new_principle(&title, manifest),
        Kind::Case => new_case(&title, manifest, year),
        Kind::Round => new_round(&title, manifest, year),
    }
}

/// The id made from a title, or an error when the title has no letter or digit.
fn id_of(title: &str) -> Result<String, ScaffoldError> {
    let id = slugify(title);
    if id.is_empty() {
        return Err(ScaffoldError::EmptyId {
            title: title.to_string(),
        });
    }
    Ok(id)
}

fn new_principle(title: &str, manifest: &Manifest) -> Result<NewFile, ScaffoldError> {
    let id = id_of(title)?;
    if let Some(path) = existing_principle(manifest, &id) {
        return Err(ScaffoldError::PrincipleExists { id, path });
    }
    let order = existing::next_order(manifest);
    let cells: Vec<(&str, String)> = manifest
        .identity
        .actors
        .first()
        .map(|a| (a.id.value.as_str(), cell_placeholder()))
        .into_iter()
        .collect();
    Ok(NewFile {
        path: format!("{PRINCIPLES_DIR}/{order:02}-{id}.md"),
        text: principle_text(&id, title, order, &cells, &kompas_ids(manifest)),
    })
}

fn new_case(title: &str, manifest: &Manifest, year: i64) -> Result<NewFile, ScaffoldError> {
    let id = id_of(title)?;
    if let Some(path) = existing_case(manifest, &id) {
        return Err(ScaffoldError::CaseExists { id, path });
    }
    let principle = principle_for_case(manifest);
    let principles: Vec<&str> = valid_principle_ids(manifest).collect();
    let actors: Vec<&str> = manifest
        .identity
        .actors
        .iter()
        .map(|a| a.id.value.as_str())
        .collect();
    Ok(NewFile {
        path: format!("{CASES_DIR}/{id}.md"),
        text: case_text(
            &id,
            title,
            principle,
            &principles,
            &actors,
            year,
            &kompas_ids(manifest),
        ),
    })
}

/// Which CI service the workflow that `init` writes is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Ci {
    #[default]
    Github,
    Gitlab,
}

/// The files of a new council's repository; `kwaliteit check` finds no errors in
/// them, only the placeholders still to fill in, and `kwaliteit fmt --check` finds
/// them in the canonical form.
pub fn init_files(gemeente: &str, raad: &str, year: i64, ci: Ci) -> Vec<NewFile> {
    let gemeente = normalize(gemeente);
    let raad = normalize(raad);
    let municipality = or_placeholder(&gemeente, "naam van de gemeente");
    let council = or_placeholder(&raad, "naam van de adviesraad");
    let actors = [("inwoners", "Inwoners"), ("gemeente", "Gemeente")];

    let identity = texts::identity_text(&council, &municipality, &actors, &KOMPAS);

    let cells: Vec<(&str, String)> = actors
        .iter()
        .map(|(id, _)| (*id, cell_placeholder()))
        .collect();
    let principle_title = format!("{PLACEHOLDER} titel van het eerste uitgangspunt");
    let case_title = format!("{PLACEHOLDER} titel van de casus");
    let actor_ids: Vec<&str> = actors.iter().map(|(id, _)| *id).collect();
    let kompas: Vec<&str> = KOMPAS.iter().map(|(id, _)| *id).collect();

    let workflow = match ci {
        Ci::Github => NewFile {
            path: ".github/workflows/manifest.yml".to_string(),
            text: texts::github_workflow(crate::COMMIT),
        },
        Ci::Gitlab => NewFile {
            path: ".gitlab-ci.yml".to_string(),
            text: texts::gitlab_ci(),
        },
    };
    let mut files = vec![
        NewFile {
            path: MANIFEST_FILE.to_string(),
            text: identity,
        },
        NewFile {
            path: format!("{PRINCIPLES_DIR}/01-{INIT_PRINCIPLE}.md"),
            text: principle_text(INIT_PRINCIPLE, &principle_title, 1, &cells, &kompas),
        },
        NewFile {
            path: format!("{CASES_DIR}/{INIT_CASE}.md"),
            text: case_text(
                INIT_CASE,
                &case_title,
                Some(INIT_PRINCIPLE),
                &[INIT_PRINCIPLE],
                &actor_ids,
                year,
                &kompas,
            ),
        },
        NewFile {
            path: format!("{ROUNDS_DIR}/{year}.md"),
            text: round_text(year, &default_subject(&council), &municipality, None),
        },
        NewFile {
            path: ".gitattributes".to_string(),
            text: texts::GITATTRIBUTES.to_string(),
        },
        NewFile {
            path: ".gitignore".to_string(),
            text: texts::GITIGNORE.to_string(),
        },
        workflow,
        NewFile {
            path: ".remarkrc.json".to_string(),
            text: texts::REMARKRC.to_string(),
        },
        NewFile {
            path: "README.md".to_string(),
            text: texts::readme(&raad, &gemeente, year, ci),
        },
    ];
    // The schemas that .remarkrc.json maps to the files, for checks in the editor.
    for kind in ["principle", "case", "round", "manifest"] {
        if let Some(schema) = crate::model::keys::json_schema(kind) {
            let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            text.push('\n');
            files.push(NewFile {
                path: format!("schema/{kind}.schema.json"),
                text,
            });
        }
    }
    // The texts above come from templates; the formatter has the last word on their
    // form, so `fmt --check` passes whatever names were given.
    for f in &mut files {
        if let Some(canonical) = crate::fmt::canonical(&f.path, &f.text) {
            f.text = canonical;
        }
    }
    files
}

fn new_round(title: &str, manifest: &Manifest, year: i64) -> Result<NewFile, ScaffoldError> {
    if let Some(path) = existing_round(manifest, year) {
        return Err(ScaffoldError::RoundExists { year, path });
    }
    let council = or_placeholder(
        &normalize(&manifest.identity.council),
        "naam van de adviesraad",
    );
    let municipality = or_placeholder(
        &normalize(&manifest.identity.municipality),
        "naam van de gemeente",
    );
    // The newest round before this year is the skeleton of the new letter.
    let previous = manifest
        .rounds
        .iter()
        .rev()
        .find(|r| r.year.as_ref().is_none_or(|y| y.value < year));
    let subject = if !title.is_empty() {
        title.to_string()
    } else {
        previous
            .map(|r| normalize(&r.subject))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| default_subject(&council))
    };
    Ok(NewFile {
        path: format!("{ROUNDS_DIR}/{year}.md"),
        text: round_text(year, &subject, &municipality, previous),
    })
}

/// The title of a new council's manifest.
const INIT_TITLE: &str = "Kwaliteitsmanifest Sociaal Domein";
const INIT_PRINCIPLE: &str = "eerste-uitgangspunt";
const INIT_CASE: &str = "eerste-casus";

/// The six building blocks of the NJi Kwaliteitskompas.
const KOMPAS: [(&str, &str); 6] = [
    ("monitoring-en-ambities", "Monitoring en ambities"),
    ("maatschappelijk-resultaat", "Maatschappelijk resultaat"),
    ("activiteiten", "Activiteiten"),
    ("input-kwaliteit", "Input kwaliteit"),
    ("outcome", "Outcome"),
    ("verbetercyclus", "Verbetercyclus"),
];

/// How many ids a hint comment lists before it stops with "…".
const HINT_IDS: usize = 12;

/// White space collapsed to single spaces, trimmed: a title on one line.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn or_placeholder(text: &str, what: &str) -> String {
    if text.is_empty() {
        format!("{PLACEHOLDER} {what}")
    } else {
        text.to_string()
    }
}

/// The placeholder of a matrix cell; the key in front of it names the party.
fn cell_placeholder() -> String {
    format!("{PLACEHOLDER} wat deze partij bij dit uitgangspunt doet")
}

fn default_subject(council: &str) -> String {
    format!("Ongevraagd advies {council} over het kwaliteitsmanifest")
}

fn kompas_ids(manifest: &Manifest) -> Vec<&str> {
    manifest
        .identity
        .kompas
        .iter()
        .map(|k| k.id.value.as_str())
        .filter(|id| crate::load::is_valid_id(id))
        .collect()
}

/// At most [`HINT_IDS`] ids, comma separated.
fn id_hint(ids: &[&str]) -> String {
    let mut hint = ids
        .iter()
        .take(HINT_IDS)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > HINT_IDS {
        hint.push_str(", …");
    }
    hint
}
