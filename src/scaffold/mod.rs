//! The pure core of `kwaliteit new` and `kwaliteit init`: which files to make and
//! what goes in them. Nothing is written here; the caller writes the files (whole or
//! not at all) and refuses to overwrite one that exists.
//!
//! What the council still has to write is marked with [`PLACEHOLDER`] (`TODO:`), so
//! that `check` can warn about it ([`placeholders`] finds each one). Apart from those
//! placeholders, every file made here loads without findings.

use crate::model::placeholder::PLACEHOLDER;
use crate::model::{
    CASES_DIR, ELABORATION_HEADING, MANIFEST_FILE, Manifest, PRINCIPLES_DIR, ROUNDS_DIR, Round,
};
use crate::text::slug::slugify;

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

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ScaffoldError {
    #[error(
        "de titel `{title}` levert geen id op: er staat geen letter of cijfer in\n  hulp: geef een titel met woorden, bijvoorbeeld \"De inwoner centraal\""
    )]
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
}

/// A new case, principle or round with valid front matter, placed after what
/// `manifest` already holds.
///
/// - principle: `manifest/principles/NN-<id>.md`, NN the next free `order`;
///   one placeholder cell for the first party.
/// - case: `cases/<id>.md`, `principle:` the first principle without a case, or
///   else the last principle in order (a placeholder when there is none).
/// - round: `manifest/rounds/<year>.md`, with the letter of the newest earlier
///   round as skeleton (addressees, subject, salutation, closing), or a default
///   letter to the college. For a round, `title` may be blank; when given, it is
///   the subject of the letter.
///
/// `year` is today's year: the `since` of a case and the year of a round.
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
    let order = next_order(manifest);
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

/// The files of a new council's repository; `kwaliteit check` finds no errors in
/// them, only the placeholders still to fill in.
pub fn init_files(gemeente: &str, raad: &str, year: i64) -> Vec<NewFile> {
    let gemeente = normalize(gemeente);
    let raad = normalize(raad);
    let municipality = or_placeholder(&gemeente, "naam van de gemeente");
    let council = or_placeholder(&raad, "naam van de adviesraad");
    let actors = [("inwoners", "Inwoners"), ("gemeente", "Gemeente")];

    let mut identity = String::from(
        "# Identiteit van het manifest en de partijen (kolommen van de matrix), in volgorde.\n",
    );
    identity.push_str(&format!("title: {}\n", scalar(INIT_TITLE)));
    identity.push_str(&format!("council: {}\n", scalar(&council)));
    identity.push_str(&format!("municipality: {}\n", scalar(&municipality)));
    identity.push_str("actors:\n");
    for (id, name) in actors {
        identity.push_str(&format!("  - id: {id}\n    name: {name}\n"));
    }
    identity.push_str(
        "# De zes bouwstenen van het Kwaliteitskompas van het NJi, om uitgangspunten aan te koppelen.\nkompas:\n",
    );
    for (id, name) in KOMPAS {
        identity.push_str(&format!("  - id: {id}\n    name: {name}\n"));
    }

    let cells: Vec<(&str, String)> = actors
        .iter()
        .map(|(id, _)| (*id, cell_placeholder()))
        .collect();
    let principle_title = format!("{PLACEHOLDER} titel van het eerste uitgangspunt");
    let case_title = format!("{PLACEHOLDER} titel van de casus");
    let actor_ids: Vec<&str> = actors.iter().map(|(id, _)| *id).collect();
    let kompas: Vec<&str> = KOMPAS.iter().map(|(id, _)| *id).collect();

    vec![
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
            text: GITATTRIBUTES.to_string(),
        },
        NewFile {
            path: ".gitignore".to_string(),
            text: "# Wat `kwaliteit render` en `kwaliteit advies` maken.\n/build/\n".to_string(),
        },
        NewFile {
            path: ".github/workflows/manifest.yml".to_string(),
            text: WORKFLOW.to_string(),
        },
        NewFile {
            path: "README.md".to_string(),
            text: readme(&raad, &gemeente, year),
        },
    ]
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

/// The same as this repository's `.gitattributes` (a test keeps them in step).
const GITATTRIBUTES: &str = "\
# `git diff` and `git log -p` show manifest files through `kwaliteit textconv`
# (one sentence per line, front matter flattened) once the driver is configured:
#   git config diff.kwaliteit.textconv \"kwaliteit textconv\"
manifest/manifest.yaml diff=kwaliteit
manifest/principles/*.md diff=kwaliteit
manifest/rounds/*.md diff=kwaliteit
cases/*.md diff=kwaliteit
";

/// This repository's workflow, for a council's repository: kwaliteit is installed
/// from its git repository instead of built from the work tree.
const WORKFLOW: &str = r#"# Controleert het kwaliteitsmanifest bij elke wijziging en zet bij een pull request
# als reactie wat er inhoudelijk veranderd is.
name: Kwaliteitsmanifest

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  pull-requests: write

env:
  # VUL IN: het git-adres van de repository van het programma kwaliteit, bijvoorbeeld
  # https://github.com/<organisatie>/kwaliteit
  # Een vaste versie kiest u door in de stap "kwaliteit installeren" --tag <versie> toe te voegen.
  KWALITEIT_GIT: "TODO: adres van de repository van kwaliteit"

jobs:
  manifest:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          # De hele geschiedenis en haar tags: `diff` vergelijkt met de basis van de pull
          # request en met de revisies van eerdere rondes (een ondiepe kloon mist die).
          fetch-depth: 0

      - name: kwaliteit installeren
        run: |
          case "$KWALITEIT_GIT" in
            TODO*)
              echo "::error file=.github/workflows/manifest.yml::vul bovenaan dit bestand KWALITEIT_GIT in: het adres van de repository van kwaliteit"
              exit 1
              ;;
          esac
          cargo install --locked --git "$KWALITEIT_GIT" kwaliteit
          echo "$HOME/.cargo/bin" >> "$GITHUB_PATH"

      - name: Controleren
        run: kwaliteit check --format github

      - name: Wijzigingen bepalen
        if: github.event_name == 'pull_request'
        env:
          BASE: origin/${{ github.base_ref }}
        run: kwaliteit diff "$BASE" --format md > wijzigingen.md

      - name: Wijzigingen als reactie plaatsen
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: ${{ github.token }}
          PR: ${{ github.event.pull_request.number }}
        run: gh pr comment "$PR" --body-file wijzigingen.md --edit-last || gh pr comment "$PR" --body-file wijzigingen.md
"#;

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

/// A text as a YAML scalar: plain when that is safe and reads back as the same
/// text, double-quoted otherwise (a colon, `#`, quotes, a leading digit, `null`, ...).
fn scalar(text: &str) -> String {
    let plain_char = |c: char| c.is_alphanumeric() || c == ' ' || ".,;!?()'’‘-–/&+%".contains(c);
    let special = matches!(
        text.to_ascii_lowercase().as_str(),
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && text.chars().all(plain_char)
        && !text.ends_with(' ')
        && !special;
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An empty `kompas:` list with the blocks to choose from, when the manifest has any.
fn kompas_hint(t: &mut String, kompas: &[&str]) {
    if !kompas.is_empty() {
        t.push_str(&format!(
            "# Bouwstenen van het Kwaliteitskompas (mag leeg blijven); kies uit: {}.\n",
            id_hint(kompas)
        ));
        t.push_str("kompas: []\n");
    }
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

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name)
}

/// Files of `dir` as read into the model (also those with errors in their fields).
fn pages_under<'a>(manifest: &'a Manifest, dir: &'a str) -> impl Iterator<Item = &'a str> {
    manifest
        .pages
        .iter()
        .map(|p| p.path.as_str())
        .filter(move |p| {
            p.strip_prefix(dir)
                .is_some_and(|rest| rest.starts_with('/'))
        })
}

/// `07-leren.md` → (Some(7), "leren"); `leren.md` → (None, "leren").
fn split_principle_stem(path: &str) -> (Option<i64>, &str) {
    let stem = file_stem(path);
    match stem.split_once('-') {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
            (n.parse().ok(), rest)
        }
        _ => (None, stem),
    }
}

/// The order after the highest one in use, by front matter or by file name.
fn next_order(manifest: &Manifest) -> i64 {
    let by_order = manifest
        .principles
        .iter()
        .filter_map(|p| p.order.as_ref().map(|o| o.value));
    let by_name = pages_under(manifest, PRINCIPLES_DIR).filter_map(|p| split_principle_stem(p).0);
    by_order.chain(by_name).max().unwrap_or(0).max(0) + 1
}

fn existing_principle(manifest: &Manifest, id: &str) -> Option<String> {
    manifest
        .principles
        .iter()
        .find(|p| p.id.value == id)
        .map(|p| p.path.clone())
        .or_else(|| {
            pages_under(manifest, PRINCIPLES_DIR)
                .find(|p| split_principle_stem(p).1 == id)
                .map(str::to_string)
        })
        .or_else(|| {
            manifest
                .incomplete
                .principles
                .iter()
                .any(|p| p == id)
                .then(|| format!("een bestand in {PRINCIPLES_DIR} dat nog fouten bevat"))
        })
}

fn existing_case(manifest: &Manifest, id: &str) -> Option<String> {
    manifest
        .cases
        .iter()
        .find(|c| c.id.value == id)
        .map(|c| c.path.clone())
        .or_else(|| {
            pages_under(manifest, CASES_DIR)
                .find(|p| file_stem(p) == id)
                .map(str::to_string)
        })
}

fn existing_round(manifest: &Manifest, year: i64) -> Option<String> {
    let stem = year.to_string();
    manifest
        .rounds
        .iter()
        .find(|r| r.year.as_ref().is_some_and(|y| y.value == year))
        .map(|r| r.path.clone())
        .or_else(|| {
            pages_under(manifest, ROUNDS_DIR)
                .find(|p| file_stem(p) == stem)
                .map(str::to_string)
        })
}

fn valid_principle_ids(manifest: &Manifest) -> impl Iterator<Item = &str> {
    manifest
        .principles
        .iter()
        .map(|p| p.id.value.as_str())
        .filter(|id| crate::load::is_valid_id(id))
}

/// The principle a new case most likely belongs to: the first (in order) that has
/// no case yet, which is what `check` asks for; otherwise the last, most often the
/// newest.
fn principle_for_case(manifest: &Manifest) -> Option<&str> {
    valid_principle_ids(manifest)
        .find(|id| manifest.cases_of(id).next().is_none())
        .or_else(|| valid_principle_ids(manifest).last())
}

fn principle_text(
    id: &str,
    title: &str,
    order: i64,
    cells: &[(&str, String)],
    kompas: &[&str],
) -> String {
    let mut t = String::from("---\n");
    t.push_str(&format!("id: {}\n", scalar(id)));
    t.push_str(&format!("title: {}\n", scalar(title)));
    t.push_str(&format!("order: {order}\n"));
    t.push_str(&format!(
        "# Per partij (id uit {MANIFEST_FILE}) de cel van de matrix: wat die partij bij dit uitgangspunt doet.\n"
    ));
    if cells.is_empty() {
        t.push_str("responsibilities: {}\n");
    } else {
        t.push_str("responsibilities:\n");
        for (actor, text) in cells {
            t.push_str(&format!("  {}: {}\n", scalar(actor), scalar(text)));
        }
    }
    kompas_hint(&mut t, kompas);
    t.push_str("---\n");
    t.push_str(&format!(
        "{PLACEHOLDER} schrijf hier de korte tekst van het uitgangspunt, zoals die in het manifest komt.\n\n"
    ));
    t.push_str(&format!("## {ELABORATION_HEADING}\n\n"));
    t.push_str(&format!(
        "{PLACEHOLDER} schrijf hier de uitwerking: wat het uitgangspunt in de praktijk betekent en wie wat doet.\n"
    ));
    t
}

fn case_text(
    id: &str,
    title: &str,
    principle: Option<&str>,
    principles: &[&str],
    actors: &[&str],
    year: i64,
    kompas: &[&str],
) -> String {
    let mut t = String::from("---\n");
    t.push_str(&format!("id: {}\n", scalar(id)));
    t.push_str(&format!("title: {}\n", scalar(title)));
    if principles.is_empty() {
        t.push_str("# Het id van het uitgangspunt waar deze casus bij hoort.\n");
    } else {
        t.push_str(&format!(
            "# Het id van het uitgangspunt waar deze casus bij hoort: {}.\n",
            id_hint(principles)
        ));
    }
    let principle = principle.map_or_else(
        || format!("{PLACEHOLDER} id van het uitgangspunt"),
        str::to_string,
    );
    t.push_str(&format!("principle: {}\n", scalar(&principle)));
    match actors {
        [] => t.push_str("# De partijen die in de casus een rol spelen.\n"),
        [first, ..] => t.push_str(&format!(
            "# De partijen die in de casus een rol spelen, bijvoorbeeld [{first}]; kies uit: {}.\n",
            id_hint(actors)
        )),
    }
    t.push_str("actors: []\n");
    t.push_str(&format!("since: {year}\n"));
    kompas_hint(&mut t, kompas);
    t.push_str("---\n");
    t.push_str(&format!(
        "{PLACEHOLDER} schrijf hier het verhaal uit de praktijk: wat er gebeurde, wie erbij betrokken waren en wat het laat zien.\n"
    ));
    t
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

fn round_text(year: i64, subject: &str, municipality: &str, previous: Option<&Round>) -> String {
    let to: Vec<String> = match previous.map(|r| &r.to) {
        Some(to) if !to.is_empty() => to.iter().map(|t| normalize(t)).collect(),
        _ => vec![
            "college van burgemeester en wethouders".to_string(),
            format!("Gemeente {municipality}"),
        ],
    };
    let salutation = previous
        .and_then(|r| r.salutation.as_deref())
        .map(normalize)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Geacht college,".to_string());
    let closing = previous
        .and_then(|r| r.closing.as_deref())
        .map(normalize)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Met vriendelijke groet,".to_string());

    let mut t = String::from("---\n");
    t.push_str(&format!("year: {year}\n"));
    t.push_str(&format!(
        "# date: {year}-MM-DD\n#   De datum van verzending (JJJJ-MM-DD): haal het # weg en vul de datum in als de brief verstuurd wordt.\n"
    ));
    t.push_str("to:\n");
    for line in &to {
        t.push_str(&format!("  - {}\n", scalar(line)));
    }
    t.push_str(&format!("subject: {}\n", scalar(subject)));
    t.push_str(&format!("salutation: {}\n", scalar(&salutation)));
    t.push_str(&format!("closing: {}\n", scalar(&closing)));
    t.push_str("signatories:\n");
    t.push_str(&format!(
        "  - name: {}\n    role: {}\n",
        scalar(&format!("{PLACEHOLDER} naam van wie de brief ondertekent")),
        scalar(&format!("{PLACEHOLDER} functie, bijvoorbeeld voorzitter")),
    ));
    t.push_str(
        "# Met wie het manifest in deze ronde besproken is, als lijst: [\"...\", \"...\"].\n",
    );
    t.push_str("partners: []\n");
    t.push_str(&format!(
        "# revision: ronde-{year}\n\
         #   Nog niet invullen. Als de brief verstuurd is, geeft u de versie van het manifest die\n\
         #   meeging een tag (`git tag ronde-{year}`) en zet u die hier, zonder het #.\n\
         #   `kwaliteit diff` en `kwaliteit advies` vergelijken later met die versie.\n"
    ));
    t.push_str("---\n");
    let since = match previous.and_then(|r| r.year.as_ref()) {
        Some(y) => format!("wat er sinds het advies van {} veranderd is", y.value),
        None => "hoe het manifest tot stand kwam".to_string(),
    };
    t.push_str(&format!(
        "{PLACEHOLDER} schrijf hier de tekst van de adviesbrief: waarom de raad het manifest aanbiedt, met wie het besproken is en {since}.\n"
    ));
    t
}

fn readme(raad: &str, gemeente: &str, year: i64) -> String {
    let heading = if raad.is_empty() {
        INIT_TITLE.to_string()
    } else {
        format!("{INIT_TITLE} – {raad}")
    };
    let who = match (raad.is_empty(), gemeente.is_empty()) {
        (false, false) => format!("de {raad} in de gemeente {gemeente}"),
        (false, true) => format!("de {raad}"),
        (true, false) => format!("de adviesraad sociaal domein van de gemeente {gemeente}"),
        (true, true) => "de adviesraad sociaal domein".to_string(),
    };
    let html = format!("build/{}.html", slugify(INIT_TITLE));
    format!(
        r#"# {heading}

Deze repository bevat het kwaliteitsmanifest van {who}:
de uitgangspunten met hun uitwerking, de verantwoordelijkheden van de partijen (de matrix),
casussen uit de praktijk en de adviesbrief van elke ronde. Alles staat in gewone tekstbestanden (Markdown).
Het programma `kwaliteit` controleert die bestanden en maakt er het document voor het college van.

## De bestanden

| bestand | wat erin staat |
|---|---|
| `manifest/manifest.yaml` | de titel, de raad, de gemeente en de partijen (de kolommen van de matrix) |
| `manifest/principles/NN-<id>.md` | één uitgangspunt: de korte tekst, `## Uitwerking` en per partij de verantwoordelijkheid |
| `manifest/rounds/<jaar>.md` | de adviesbrief van één ronde |
| `cases/<id>.md` | één casus uit de praktijk |

Tekst die begint met `TODO:` moet u nog schrijven; `kwaliteit check` waarschuwt zolang die
er staat. Het eerste uitgangspunt en de eerste casus hebben nog een voorlopig id
(`{INIT_PRINCIPLE}`, `{INIT_CASE}`): geef ze gerust een id dat bij de titel past, en pas dan
ook de bestandsnaam en de verwijzing `principle:` in de casus aan. `kwaliteit new` maakt een
nieuw uitgangspunt, een nieuwe casus of een nieuwe ronde voor u aan.

## Installeren

`kwaliteit` is geschreven in Rust. Installeer Rust (<https://rustup.rs>) en daarna het programma:

```sh
cargo install --locked --git <adres van de repository van kwaliteit> kwaliteit
```

## Controleren: `kwaliteit check`

```sh
kwaliteit check
```

Controleert alle bestanden en meldt alle problemen in één keer, elk met bestand, regel en kolom,
een uitleg en een hint. Een fout (zoals een ontbrekende `## Uitwerking` of een onbekende partij)
moet opgelost worden; een waarschuwing (zoals een uitgangspunt zonder casus) is een aandachtspunt.

## Het document maken: `kwaliteit render`

```sh
kwaliteit render                 # {html}
kwaliteit render --format docx   # hetzelfde document voor Word
```

Het document bevat de brief van de nieuwste ronde, het manifest, de uitwerking met de casussen en
de matrix als bijlage. Zolang `kwaliteit check` fouten vindt, maakt `render` geen document.

## Zien wat er veranderd is: `kwaliteit diff`

```sh
kwaliteit diff ronde-{year}      # wat er veranderd is sinds de versie met de tag ronde-{year}
kwaliteit diff --format md       # hetzelfde als Markdown, bijvoorbeeld voor een pull request
```

`diff` laat per uitgangspunt zien wat er inhoudelijk veranderd is: herschreven tekst (per woord),
een andere volgorde, nieuwe of verplaatste casussen en gewijzigde cellen van de matrix. Zonder
revisie vergelijkt `diff` met de `revision` van de laatste ronde. Leg die zo vast: als de brief
verstuurd is, geef de verstuurde versie een tag (`git tag ronde-{year}`) en zet in
`manifest/rounds/{year}.md` de regel `revision: ronde-{year}`.

Zodat ook `git diff` de bestanden leesbaar vergelijkt, eenmalig per computer:

```sh
git config diff.kwaliteit.textconv "kwaliteit textconv"
```

## GitHub

`.github/workflows/manifest.yml` controleert het manifest bij elke wijziging en zet bij een pull
request als reactie wat er veranderd is. Vul bovenaan dat bestand bij `KWALITEIT_GIT` het adres
van de repository van `kwaliteit` in.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::{Finding, Rule, Severity};
    use crate::model::placeholder::placeholders;
    use crate::source::SourceFile;
    use proptest::prelude::*;

    fn sources(files: &[NewFile]) -> Vec<SourceFile> {
        files
            .iter()
            .filter(|f| {
                f.path == MANIFEST_FILE
                    || [PRINCIPLES_DIR, ROUNDS_DIR, CASES_DIR]
                        .iter()
                        .any(|d| f.path.starts_with(&format!("{d}/")))
            })
            .map(|f| SourceFile {
                path: f.path.clone(),
                bytes: f.text.as_bytes().to_vec(),
            })
            .collect()
    }

    /// Load and check, as `kwaliteit check` does.
    fn findings(files: &[SourceFile]) -> (crate::load::Loaded, Vec<Finding>) {
        let mut loaded = crate::load::load(files);
        let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
        let exists = |p: &str| paths.iter().any(|q| q == p);
        let cross = crate::check::check(&loaded.manifest, &exists);
        let mut all = std::mem::take(&mut loaded.findings);
        all.extend(cross);
        (loaded, all)
    }

    /// The findings other than placeholder warnings, which scaffolded files have on
    /// purpose (asserted in `placeholders_are_the_only_warnings_of_a_new_repository`).
    fn codes(findings: &[Finding]) -> Vec<(&'static str, String)> {
        findings
            .iter()
            .filter(|f| f.rule != crate::model::finding::Rule::Placeholder)
            .map(|f| (f.rule.code(), f.path.clone()))
            .collect()
    }

    #[test]
    fn placeholders_are_the_only_warnings_of_a_new_repository() {
        let files = init_files("Lelystad", "Adviesraad Sociaal Domein Lelystad", 2025);
        let (_, all) = findings(&sources(&files));
        assert!(!all.is_empty(), "de sjablonen horen TODO-teksten te hebben");
        for f in &all {
            assert_eq!(f.rule, crate::model::finding::Rule::Placeholder, "{f:?}");
            assert_eq!(f.severity, crate::model::finding::Severity::Warning);
        }
    }

    /// This repository's own manifest, as the tests' "existing council".
    fn almere() -> Vec<SourceFile> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::source::read_worktree(root).unwrap().files
    }

    fn with(mut files: Vec<SourceFile>, new: &NewFile) -> Vec<SourceFile> {
        files.push(SourceFile {
            path: new.path.clone(),
            bytes: new.text.as_bytes().to_vec(),
        });
        files
    }

    fn loaded_manifest(files: &[SourceFile]) -> Manifest {
        crate::load::load(files).manifest
    }

    /// Findings in `path` only, plus repository-wide ones the new file caused.
    fn findings_for(files: &[SourceFile], path: &str) -> Vec<Finding> {
        let (_, all) = findings(files);
        all.into_iter().filter(|f| f.path == path).collect()
    }

    #[test]
    fn ids_fold_dutch_letters() {
        let m = Manifest::default();
        let f = new_file(Kind::Case, "Één gezin, één plan", &m, 2025).unwrap();
        assert_eq!(f.path, "cases/een-gezin-een-plan.md");
        assert!(f.text.contains("\nid: een-gezin-een-plan\n"));
        assert!(f.text.contains("\ntitle: Één gezin, één plan\n"));
    }

    #[test]
    fn a_title_without_letters_is_refused() {
        let m = Manifest::default();
        for kind in [Kind::Case, Kind::Principle] {
            let err = new_file(kind, " ?! — ", &m, 2025).unwrap_err();
            assert_eq!(
                err,
                ScaffoldError::EmptyId {
                    title: "?! —".into()
                }
            );
            assert!(
                err.to_string()
                    .starts_with("de titel `?! —` levert geen id op")
            );
        }
        // A round needs no title.
        assert!(new_file(Kind::Round, "", &m, 2025).is_ok());
    }

    #[test]
    fn a_principle_takes_the_next_free_order() {
        let files = almere();
        let m = loaded_manifest(&files);
        let f = new_file(Kind::Principle, "Eén loket", &m, 2025).unwrap();
        assert_eq!(f.path, "manifest/principles/08-een-loket.md");
        assert!(f.text.contains("\norder: 8\n"));
        // The first party gets a placeholder cell.
        assert!(
            f.text
                .contains("\n  inwoners: \"TODO: wat deze partij bij dit uitgangspunt doet\"\n")
        );
        assert_eq!(
            next_order(&Manifest::default()),
            1,
            "an empty manifest starts at 1"
        );
        let f = new_file(Kind::Principle, "Eerste", &Manifest::default(), 2025).unwrap();
        assert_eq!(f.path, "manifest/principles/01-eerste.md");
    }

    #[test]
    fn the_order_counts_files_whose_fields_are_wrong() {
        let mut files = almere();
        files.push(SourceFile {
            path: "manifest/principles/09-kapot.md".into(),
            bytes: b"---\nid: kapot\norder: negen\n---\nKort.\n".to_vec(),
        });
        let m = loaded_manifest(&files);
        assert_eq!(next_order(&m), 10);
        let err = new_file(Kind::Principle, "Kapot", &m, 2025).unwrap_err();
        assert_eq!(
            err,
            ScaffoldError::PrincipleExists {
                id: "kapot".into(),
                path: "manifest/principles/09-kapot.md".into()
            }
        );
    }

    #[test]
    fn paths_follow_the_repository_format() {
        let files = almere();
        let m = loaded_manifest(&files);
        let case = new_file(Kind::Case, "De buurtkamer", &m, 2025).unwrap();
        assert_eq!(case.path, "cases/de-buurtkamer.md");
        let round = new_file(Kind::Round, "", &m, 2025).unwrap();
        assert_eq!(round.path, "manifest/rounds/2025.md");
        let principle = new_file(Kind::Principle, "Lokaal", &m, 2025).unwrap();
        assert_eq!(principle.path, "manifest/principles/08-lokaal.md");
    }

    #[test]
    fn existing_ids_and_years_are_refused() {
        let files = almere();
        let m = loaded_manifest(&files);
        assert_eq!(
            new_file(Kind::Principle, "De Almeerder centraal", &m, 2025).unwrap_err(),
            ScaffoldError::PrincipleExists {
                id: "de-almeerder-centraal".into(),
                path: "manifest/principles/01-de-almeerder-centraal.md".into()
            }
        );
        assert_eq!(
            new_file(Kind::Case, "Tuin van mevrouw Jansen", &m, 2025).unwrap_err(),
            ScaffoldError::CaseExists {
                id: "tuin-van-mevrouw-jansen".into(),
                path: "cases/tuin-van-mevrouw-jansen.md".into()
            }
        );
        let err = new_file(Kind::Round, "", &m, 2015).unwrap_err();
        assert_eq!(
            err,
            ScaffoldError::RoundExists {
                year: 2015,
                path: "manifest/rounds/2015.md".into()
            }
        );
        assert!(err.to_string().starts_with("er is al een ronde voor 2015"));
    }

    #[test]
    fn a_new_principle_loads_and_only_lacks_a_case() {
        let files = almere();
        let m = loaded_manifest(&files);
        let f = new_file(Kind::Principle, "Eén loket: één gezin", &m, 2025).unwrap();
        let files = with(files, &f);
        let found = findings_for(&files, &f.path);
        assert_eq!(
            codes(&found),
            vec![("principle-without-case", f.path.clone())]
        );
        let m = loaded_manifest(&files);
        let p = m.principle("een-loket-een-gezin").unwrap();
        assert_eq!(p.title, "Eén loket: één gezin");
        assert_eq!(p.order.as_ref().unwrap().value, 8);
        assert!(p.short_text.starts_with(PLACEHOLDER));
        assert!(p.elaboration.starts_with(PLACEHOLDER));
        // Nothing new elsewhere: the whole repository has just that one finding more.
        let (_, before) = findings(&almere());
        let (_, after) = findings(&files);
        assert_eq!(codes(&after).len(), codes(&before).len() + 1);
    }

    #[test]
    fn a_new_case_loads_without_findings_and_fills_a_gap() {
        let files = almere();
        let m = loaded_manifest(&files);
        // Every Almere principle has a case: the new case goes with the last one.
        let f = new_file(Kind::Case, "De buurtkamer", &m, 2025).unwrap();
        assert!(
            f.text
                .contains("\nprinciple: zorg-dat-kwaliteitsmanagement-leeft\n")
        );
        assert!(f.text.contains("\nsince: 2025\n"));
        let with_case = with(files.clone(), &f);
        assert!(codes(&findings_for(&with_case, &f.path)).is_empty());

        // After a new principle, the next case goes with it.
        let p = new_file(Kind::Principle, "Lokaal", &m, 2025).unwrap();
        let files = with(files, &p);
        let m = loaded_manifest(&files);
        let c = new_file(Kind::Case, "Het wijkteam", &m, 2025).unwrap();
        assert!(c.text.contains("\nprinciple: lokaal\n"));
        let files = with(files, &c);
        let (_, all) = findings(&files);
        let (_, before) = findings(&almere());
        assert_eq!(codes(&all), codes(&before), "the gap is filled");
    }

    #[test]
    fn a_case_without_principles_points_at_a_placeholder() {
        let m = Manifest::default();
        let f = new_file(Kind::Case, "Eerste casus", &m, 2025).unwrap();
        assert!(
            f.text
                .contains("\nprinciple: \"TODO: id van het uitgangspunt\"\n")
        );
        let files = with(
            sources(&init_files("Almere", "Raad", 2025))[..1].to_vec(),
            &f,
        );
        let found = findings_for(&files, &f.path);
        // The placeholder principle is a placeholder warning, not an unknown principle.
        assert_eq!(codes(&found), vec![]);
        assert!(
            found
                .iter()
                .any(|f| f.rule == crate::model::finding::Rule::Placeholder)
        );
    }

    #[test]
    fn a_new_round_takes_the_letter_of_the_last_round_as_skeleton() {
        let files = almere();
        let m = loaded_manifest(&files);
        let f = new_file(Kind::Round, "", &m, 2025).unwrap();
        let files = with(files, &f);
        assert!(codes(&findings_for(&files, &f.path)).is_empty());
        let m = loaded_manifest(&files);
        let r = m.latest_round().unwrap();
        assert_eq!(r.path, "manifest/rounds/2025.md");
        assert_eq!(r.year.as_ref().unwrap().value, 2025);
        assert_eq!(
            r.to,
            vec!["college van Burgemeester en wethouders", "Gemeente Almere"]
        );
        assert_eq!(
            r.subject,
            "Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van Kwaliteitsbeleid"
        );
        assert_eq!(r.salutation.as_deref(), Some("Geacht college,"));
        assert_eq!(r.closing.as_deref(), Some("Met hartelijke groet,"));
        assert_eq!(r.signatories.len(), 1);
        assert!(r.signatories[0].name.starts_with(PLACEHOLDER));
        assert!(r.partners.is_empty());
        assert_eq!(r.revision, None);
        assert_eq!(r.date, None);
        assert!(r.body.contains("sinds het advies van 2015"));

        let titled = new_file(Kind::Round, "  Tweede  advies ", &m, 2026).unwrap();
        assert!(titled.text.contains("\nsubject: Tweede advies\n"));
    }

    #[test]
    fn a_first_round_has_a_default_letter() {
        let m = Manifest {
            identity: crate::model::Identity {
                council: "Adviesraad Sociaal Domein Lelystad".into(),
                municipality: "Lelystad".into(),
                ..Default::default()
            },
            ..Manifest::default()
        };
        let f = new_file(Kind::Round, "", &m, 2025).unwrap();
        assert!(f.text.contains(
            "\nto:\n  - college van burgemeester en wethouders\n  - Gemeente Lelystad\n"
        ));
        assert!(f.text.contains(
            "\nsubject: Ongevraagd advies Adviesraad Sociaal Domein Lelystad over het kwaliteitsmanifest\n"
        ));
        assert!(f.text.contains("\n# revision: ronde-2025\n"));
        assert!(f.text.contains("\npartners: []\n"));
        let files = with(Vec::new(), &f);
        assert!(codes(&findings_for(&files, &f.path)).is_empty());
    }

    #[test]
    fn a_principle_without_parties_has_an_empty_table() {
        let f = new_file(Kind::Principle, "Alleen", &Manifest::default(), 2025).unwrap();
        assert!(f.text.contains("\nresponsibilities: {}\n"));
        assert!(!f.text.contains("kompas"), "no blocks, no `kompas:`");
        let files = with(Vec::new(), &f);
        assert_eq!(
            codes(&findings_for(&files, &f.path)),
            vec![("principle-without-case", f.path.clone())]
        );
        assert_eq!(placeholders(&f.text).len(), 2);
    }

    #[test]
    fn the_init_repository_passes_check() {
        let files = init_files("Lelystad", "Adviesraad Sociaal Domein Lelystad", 2025);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "manifest/manifest.yaml",
                "manifest/principles/01-eerste-uitgangspunt.md",
                "cases/eerste-casus.md",
                "manifest/rounds/2025.md",
                ".gitattributes",
                ".gitignore",
                ".github/workflows/manifest.yml",
                "README.md",
            ]
        );
        let (loaded, all) = findings(&sources(&files));
        assert_eq!(codes(&all), vec![]);
        let m = &loaded.manifest;
        assert_eq!(m.identity.title, "Kwaliteitsmanifest Sociaal Domein");
        assert_eq!(m.identity.council, "Adviesraad Sociaal Domein Lelystad");
        assert_eq!(m.identity.municipality, "Lelystad");
        let actors: Vec<&str> = m
            .identity
            .actors
            .iter()
            .map(|a| a.id.value.as_str())
            .collect();
        assert_eq!(actors, ["inwoners", "gemeente"]);
        assert_eq!(m.principles.len(), 1);
        assert_eq!(m.principles[0].responsibilities.len(), 2);
        assert_eq!(m.cases_of(INIT_PRINCIPLE).count(), 1);
        assert_eq!(m.rounds[0].to[1], "Gemeente Lelystad");
        // Every block of the Kwaliteitskompas, as id and name, in order.
        let kompas: Vec<(&str, &str)> = m
            .identity
            .kompas
            .iter()
            .map(|k| (k.id.value.as_str(), k.name.as_str()))
            .collect();
        assert_eq!(kompas, KOMPAS);
        // The principle and the case offer the blocks to tag with.
        assert!(files[1].text.contains("\nkompas: []\n"));
        assert!(files[2].text.contains("kies uit: monitoring-en-ambities, "));
    }

    #[test]
    fn new_files_offer_the_kompas_blocks_of_the_manifest() {
        let init = sources(&init_files("Lelystad", "Adviesraad Lelystad", 2025));
        let m = loaded_manifest(&init);
        for (kind, title) in [(Kind::Principle, "Tweede"), (Kind::Case, "Buurt")] {
            let f = new_file(kind, title, &m, 2025).unwrap();
            assert!(f.text.contains("\nkompas: []\n"), "{}", f.text);
            let files = with(init.clone(), &f);
            let found = findings_for(&files, &f.path);
            let expected = match kind {
                Kind::Principle => vec![("principle-without-case", f.path.clone())],
                _ => vec![],
            };
            assert_eq!(codes(&found), expected);
        }
    }

    #[test]
    fn init_with_empty_names_still_passes_check() {
        let files = init_files("  ", "", 2025);
        let (loaded, all) = findings(&sources(&files));
        assert_eq!(codes(&all), vec![]);
        assert!(loaded.manifest.identity.council.starts_with(PLACEHOLDER));
        assert!(
            loaded
                .manifest
                .identity
                .municipality
                .starts_with(PLACEHOLDER)
        );
        assert!(
            files[7]
                .text
                .starts_with("# Kwaliteitsmanifest Sociaal Domein\n")
        );
    }

    #[test]
    fn init_copies_gitattributes_and_adapts_the_workflow() {
        let files = init_files("Lelystad", "Adviesraad Lelystad", 2025);
        let text = |p: &str| &files.iter().find(|f| f.path == p).unwrap().text;
        assert_eq!(text(".gitattributes"), include_str!("../../.gitattributes"));
        let workflow = text(".github/workflows/manifest.yml");
        assert!(workflow.contains("cargo install --locked --git \"$KWALITEIT_GIT\" kwaliteit"));
        assert!(!workflow.contains("cargo build"));
        let at_top = workflow.find("KWALITEIT_GIT:").unwrap();
        assert!(at_top < workflow.find("jobs:").unwrap());
        // The workflow's steps are those of this repository, after the install step.
        let ours = include_str!("../../.github/workflows/manifest.yml");
        let tail = |w: &str| w[w.find("      - name: Controleren").unwrap()..].to_string();
        assert_eq!(tail(workflow), tail(ours));
        let readme = text("README.md");
        for command in ["kwaliteit check", "kwaliteit render", "kwaliteit diff"] {
            assert!(readme.contains(command), "{command}");
        }
        assert!(readme.contains("build/kwaliteitsmanifest-sociaal-domein.html"));
    }

    #[test]
    fn placeholders_are_found_with_their_ranges() {
        let text = "---\n\
                    title: \"TODO: titel\"\n\
                    name: 'TODO: it''s' # na\n\
                    role: \"TODO: zeg \\\"hoi\\\"\"\n\
                    ---\n\
                    TODO: schrijf hier de tekst.  \r\n\
                    Geen XTODO: hier, wel (TODO: dit)\n\
                    TODO:";
        let found: Vec<&str> = placeholders(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            found,
            vec![
                "TODO: titel",
                "TODO: it''s",
                "TODO: zeg \\\"hoi\\\"",
                "TODO: schrijf hier de tekst.",
                "TODO: dit)",
                "TODO:",
            ]
        );
        assert!(placeholders("Alles is af.").is_empty());
    }

    #[test]
    fn every_placeholder_of_a_scaffolded_file_is_found() {
        let m = loaded_manifest(&almere());
        let principle = new_file(Kind::Principle, "Lokaal", &m, 2025).unwrap();
        let found: Vec<&str> = placeholders(&principle.text)
            .into_iter()
            .map(|(s, e)| &principle.text[s..e])
            .collect();
        assert_eq!(
            found,
            vec![
                "TODO: wat deze partij bij dit uitgangspunt doet",
                "TODO: schrijf hier de korte tekst van het uitgangspunt, zoals die in het manifest komt.",
                "TODO: schrijf hier de uitwerking: wat het uitgangspunt in de praktijk betekent en wie wat doet.",
            ]
        );
        let round = new_file(Kind::Round, "", &m, 2025).unwrap();
        assert_eq!(placeholders(&round.text).len(), 3);
        let case = new_file(Kind::Case, "Buurt", &m, 2025).unwrap();
        assert_eq!(placeholders(&case.text).len(), 1);
        // In the new council's files, each placeholder is a whole value or paragraph.
        for f in sources(&init_files("", "", 2025)) {
            let text = String::from_utf8(f.bytes).unwrap();
            let found = placeholders(&text);
            assert!(!found.is_empty(), "{}", f.path);
            for (_, e) in found {
                let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
                let rest = &text[e..line_end];
                assert!(rest.is_empty() || rest == "\"", "{}: {rest:?}", f.path);
            }
        }
    }

    #[test]
    fn the_kind_has_a_dutch_name() {
        assert_eq!(Kind::Case.noun(), "casus");
        assert_eq!(Kind::Principle.noun(), "uitgangspunt");
        assert_eq!(Kind::Round.noun(), "ronde");
    }

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for text in [
            "De Almeerder centraal",
            "Eén: twee",
            "# kop",
            "2015",
            "null",
            "Yes",
            "\"aan\" en 'uit'",
            "back\\slash",
            "- lijst",
            "tab\u{1}",
            "Café's & co.",
        ] {
            let yaml = format!("title: {}\n", scalar(text));
            let parsed = crate::load::yaml::parse(&yaml, 1).unwrap();
            let crate::load::yaml::Kind::Map(entries) = &parsed.kind else {
                panic!("{yaml}")
            };
            assert_eq!(entries[0].value.as_text(), Some(text), "{yaml}");
        }
        assert_eq!(scalar("De Almeerder centraal"), "De Almeerder centraal");
        assert_eq!(scalar("Eén: twee"), "\"Eén: twee\"");
    }

    proptest! {
        #[test]
        fn any_title_gives_a_case_that_loads_cleanly(title in "\\PC{1,40}") {
            let m = loaded_manifest(&almere());
            match new_file(Kind::Case, &title, &m, 2025) {
                Err(ScaffoldError::EmptyId { .. }) => prop_assert!(slugify(&title).is_empty()),
                Err(ScaffoldError::CaseExists { .. }) => {}
                Err(e) => prop_assert!(false, "{e}"),
                Ok(f) => {
                    let files = with(almere(), &f);
                    let found = findings_for(&files, &f.path);
                    prop_assert!(
                        found.iter().all(|f| f.severity != Severity::Error && f.rule != Rule::FileNameMismatch),
                        "{:?}\n{}", found, f.text
                    );
                    let m = loaded_manifest(&files);
                    let case = m.cases.iter().find(|c| c.path == f.path).unwrap();
                    prop_assert_eq!(&case.title, &normalize(&title));
                }
            }
        }
    }
}
