//! From files to the model: decode, split front matter, read fields, scan
//! Markdown. Every problem of a single file is collected here; problems
//! between files are for `check`.

mod identity;
mod kinds;
use identity::load_identity;
use kinds::{case, principle, round};

pub mod fields;
pub mod frontmatter;
pub mod images;
pub mod logo;
pub mod markdown;
mod pair;
pub use pair::load_pair;
pub mod refused;
pub mod yaml;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::load::fields::Fields;
use crate::load::frontmatter::SplitError;
use crate::load::yaml::Yaml;
use crate::model::Located;
use crate::model::document::{BlockKind, Document};
use crate::model::finding::{Finding, Pos, Rule};
use crate::model::{FileKind, Link, MANIFEST_FILE, Manifest, Page, Principle, file_kind};
use crate::source::SourceFile;
use crate::text::{LineIndex, width};

/// The model plus what was wrong while building it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub manifest: Manifest,
    pub findings: Vec<Finding>,
    pub file_count: usize,
}

/// Load every file into one model. One bad file never stops the others.
/// Files are independent, so large manifests are loaded on every core in contiguous
/// chunks; the parts are joined in file order, so the result is the same as serial.
pub fn load(files: &[SourceFile]) -> Loaded {
    join_parts(crate::parallel::in_chunks(files, 512, load_part))
}

/// A run of files loaded on its own, for [`join_parts`].
pub struct Part {
    /// Whether the run holds manifest.yaml: only then is its identity taken.
    has_identity: bool,
    loaded: Loaded,
}

/// Load a contiguous run of the manifest's files (see [`load`]).
pub fn load_part(files: &[SourceFile]) -> Part {
    Part {
        has_identity: files.iter().any(|f| f.path == MANIFEST_FILE),
        loaded: load_serial(files),
    }
}

/// The model of runs of files loaded apart, given in file order.
pub fn join_parts(mut parts: Vec<Part>) -> Loaded {
    let mut loaded = match parts.pop() {
        Some(only) if parts.is_empty() => only.loaded,
        last => {
            parts.extend(last);
            join(parts)
        }
    };
    let m = &mut loaded.manifest;
    m.principles.sort_by(|a, b| {
        let key = |p: &Principle| p.order.as_ref().map_or(i64::MAX, |o| o.value);
        key(a).cmp(&key(b)).then_with(|| a.path.cmp(&b.path))
    });
    // Per year, the file named `<year>.md` comes first, so a second file is the duplicate.
    m.rounds.sort_by_key(|r| {
        let year = r.year.as_ref().map_or(i64::MAX, |y| y.value);
        (year, file_stem(&r.path) != year.to_string(), r.path.clone())
    });
    loaded
}

/// Join loaded parts in order; only one part can hold manifest.yaml's identity.
fn join(parts: Vec<Part>) -> Loaded {
    let mut all = Loaded::default();
    // Room made once; the texts' map is built at the end from runs already in order,
    // which costs no search per path.
    let count = |of: fn(&Manifest) -> usize| parts.iter().map(|p| of(&p.loaded.manifest)).sum();
    let into = &mut all.manifest;
    into.principles.reserve(count(|m| m.principles.len()));
    into.cases.reserve(count(|m| m.cases.len()));
    into.pages.reserve(count(|m| m.pages.len()));
    let mut all_texts = Vec::with_capacity(count(|m| m.texts.len()));
    for part in parts {
        all_texts.extend(append(&mut all, part));
    }
    all.manifest.texts = all_texts.into_iter().collect();
    all
}

/// Add a part to what is loaded so far, except its texts, which come back: the caller
/// knows how best to add them.
fn append(all: &mut Loaded, part: Part) -> BTreeMap<String, Arc<String>> {
    let Part {
        has_identity,
        loaded: part,
    } = part;
    // Destructured whole, so a field added to Manifest must be joined here too.
    let Manifest {
        identity,
        principles,
        cases,
        rounds,
        pages,
        incomplete,
        texts,
        images,
    } = part.manifest;
    let into = &mut all.manifest;
    if has_identity {
        into.identity = identity;
    }
    into.principles.extend(principles);
    into.cases.extend(cases);
    into.rounds.extend(rounds);
    into.pages.extend(pages);
    into.incomplete.identity |= incomplete.identity;
    into.incomplete.principles.extend(incomplete.principles);
    into.incomplete.cases |= incomplete.cases;
    into.incomplete.rounds |= incomplete.rounds;
    all.findings.extend(part.findings);
    into.images.extend(images);
    all.file_count += part.file_count;
    texts
}

fn load_serial(files: &[SourceFile]) -> Loaded {
    let mut loaded = Loaded {
        file_count: files.len(),
        ..Loaded::default()
    };
    for file in files {
        load_file_into(file, &mut loaded);
    }
    loaded
}

/// Load one of the manifest's files into `loaded`.
fn load_file_into(file: &SourceFile, loaded: &mut Loaded) {
    load_bytes_into(&file.path, Cow::Borrowed(&file.bytes), loaded);
}

/// Load the file at `path` into `loaded`, from its bytes.
fn load_bytes_into(path: &str, bytes: Cow<'_, [u8]>, loaded: &mut Loaded) {
    // An image beside the texts is read by `images` when a text shows it.
    if crate::model::image::is_image_name(path) {
        return;
    }
    match decode(path, bytes, &mut loaded.findings) {
        Some(text) => {
            load_text_into(path, text, loaded);
        }
        None => mark_incomplete(&mut loaded.manifest.incomplete, path),
    }
}

/// One file's text loaded on its own, as [`load`] would (a BOM left out), with the tree
/// of its front matter: `fmt` compares that, and need not parse it again. No tree for
/// `manifest.yaml` or when the front matter could not be read.
pub fn load_text(path: &str, text: &str) -> (Loaded, Option<Yaml>) {
    let mut loaded = Loaded {
        file_count: 1,
        ..Loaded::default()
    };
    if crate::model::image::is_image_name(path) {
        return (loaded, None);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
    let front_matter = load_text_into(path, text, &mut loaded);
    (loaded, front_matter)
}

fn load_text_into(path: &str, text: String, loaded: &mut Loaded) -> Option<Yaml> {
    let (complete, front_matter) =
        load_file(path, &text, &mut loaded.manifest, &mut loaded.findings);
    loaded.manifest.texts.insert(path.to_string(), text.into());
    if !complete {
        mark_incomplete(&mut loaded.manifest.incomplete, path);
    }
    front_matter
}

/// Note that a file of `path`'s kind could not be read into the model.
fn mark_incomplete(incomplete: &mut crate::model::Incomplete, path: &str) {
    match file_kind(path) {
        Some(FileKind::Identity) => incomplete.identity = true,
        Some(FileKind::Principle) => {
            let stem = file_stem(path);
            let id = stem
                .split_once('-')
                .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
                .map_or(stem, |(_, rest)| rest);
            incomplete.principles.push(id.to_string());
        }
        Some(FileKind::Case) => incomplete.cases = true,
        Some(FileKind::Round) => incomplete.rounds = true,
        None => {}
    }
}

/// Bytes to text, or a finding that says where the first invalid byte is. Bytes given
/// away become the text without a copy.
fn decode(path: &str, bytes: Cow<'_, [u8]>, findings: &mut Vec<Finding>) -> Option<String> {
    match bytes {
        Cow::Borrowed(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => Some(text.strip_prefix('\u{feff}').unwrap_or(text).to_string()),
            Err(err) => {
                findings.push(invalid_utf8(path, bytes, err));
                None
            }
        },
        Cow::Owned(bytes) => match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..'\u{feff}'.len_utf8());
                }
                Some(text)
            }
            Err(err) => {
                findings.push(invalid_utf8(path, err.as_bytes(), err.utf8_error()));
                None
            }
        },
    }
}

fn invalid_utf8(path: &str, bytes: &[u8], err: std::str::Utf8Error) -> Finding {
    let valid = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or("");
    let pos = LineIndex::new(valid).pos(valid.len());
    Finding::new(
        Rule::InvalidUtf8,
        path,
        pos,
        format!(
            "het bestand is geen geldige UTF-8-tekst (byte {} van het bestand is ongeldig)",
            err.valid_up_to() + 1
        ),
    )
    .help("sla het bestand op als UTF-8, bijvoorbeeld via ‘Opslaan als’ met codering UTF-8")
}

/// Load one file into the model; false when it could not be read into it. The tree of a
/// Markdown file's front matter comes back, when it could be read.
fn load_file(
    path: &str,
    text: &str,
    manifest: &mut Manifest,
    findings: &mut Vec<Finding>,
) -> (bool, Option<Yaml>) {
    let Some(kind) = file_kind(path) else {
        return (true, None);
    };
    if text.trim().is_empty() {
        findings.push(
            Finding::new(Rule::EmptyFile, path, Pos::START, "het bestand is leeg")
                .help("vul het bestand aan of verwijder het"),
        );
        return (false, None);
    }
    if matches!(kind, FileKind::Identity) {
        return (load_identity(path, text, manifest, findings), None);
    }
    if !path.ends_with(".md") {
        findings.push(
            Finding::new(
                Rule::UnexpectedFile,
                path,
                Pos::START,
                "dit bestand is geen Markdown (`.md`) en wordt overgeslagen",
            )
            .help("geef het bestand de extensie `.md` of zet het buiten deze map"),
        );
        return (true, None);
    }
    let Some(doc) = MdFile::read(path, text, findings) else {
        return (false, None);
    };
    let complete = match kind {
        FileKind::Principle => principle(&doc, findings).map(|p| manifest.principles.push(p)),
        FileKind::Case => case(&doc, findings).map(|c| manifest.cases.push(c)),
        FileKind::Round => round(&doc, findings).map(|r| manifest.rounds.push(r)),
        FileKind::Identity => unreachable!("handled above"),
    }
    .is_some();
    manifest.pages.push(doc.page());
    (complete, Some(doc.yaml))
}

/// A Markdown file split into parsed front matter and scanned body.
struct MdFile<'a> {
    path: &'a str,
    text: &'a str,
    yaml: Yaml,
    body: &'a str,
    body_offset: usize,
    tree: Document,
}

impl<'a> MdFile<'a> {
    fn read(path: &'a str, text: &'a str, findings: &mut Vec<Finding>) -> Option<Self> {
        let split = match frontmatter::split(text) {
            Ok(split) => split,
            Err(SplitError::Missing) => {
                findings.push(
                    Finding::new(
                        Rule::FrontMatterMissing,
                        path,
                        Pos::START,
                        "de kopregels ontbreken",
                    )
                    .help("begin het bestand met een regel `---`, dan de kopregels zoals `id: ...`, en sluit ze af met een regel `---`"),
                );
                return None;
            }
            Err(SplitError::Unterminated) => {
                findings.push(
                    Finding::new(
                        Rule::FrontMatterUnterminated,
                        path,
                        Pos::START,
                        "de kopregels worden geopend met `---` maar nergens afgesloten",
                    )
                    .width(3)
                    .help("zet na de laatste kopregel een regel met alleen `---`"),
                );
                return None;
            }
        };
        let yaml = parse_yaml(path, split.yaml, split.yaml_first_line, findings)?;
        Some(MdFile {
            path,
            text,
            yaml,
            body: split.body,
            body_offset: split.body_offset,
            tree: Document::parse(split.body, split.body_offset),
        })
    }

    fn pos(&self, body_offset: usize) -> Pos {
        LineIndex::new(self.text).pos(self.body_offset + body_offset)
    }

    fn page(&self) -> Page {
        // Bare addresses too: the law check reads them; the link check skips web addresses.
        let links = self.tree.all_links();
        // Most files have no links: build the line index only when one needs a position.
        let index = (!links.is_empty()).then(|| LineIndex::new(self.text));
        let pos = |offset: usize| index.as_ref().map_or(Pos::START, |i| i.pos(offset));
        Page {
            path: self.path.to_string(),
            body_offset: self.body_offset,
            anchors: self
                .tree
                .headings()
                .into_iter()
                .filter_map(|h| match &h.kind {
                    BlockKind::Heading { anchor, .. } => Some(anchor.clone()),
                    _ => None,
                })
                .collect(),
            links: links
                .into_iter()
                .map(|(target, span)| Link {
                    target: target.to_string(),
                    pos: pos(span.start),
                    width: width(&self.text[span]),
                })
                .collect(),
            doc: self.tree.clone(),
        }
    }

    fn fields<'f>(
        &'a self,
        schema: &'static [crate::model::keys::Key],
        findings: &'f mut Vec<Finding>,
    ) -> Option<Fields<'a, 'f>>
    where
        'a: 'f,
    {
        Fields::of(&self.yaml, self.path, Pos::START, schema, findings)
    }

    /// Report an empty text at a byte offset of the body.
    fn empty_text(&self, at: usize, findings: &mut Vec<Finding>, message: &str, help: &str) {
        findings.push(Finding::new(Rule::EmptyText, self.path, self.pos(at), message).help(help));
    }
}

fn parse_yaml(
    path: &str,
    source: &str,
    first_line: usize,
    findings: &mut Vec<Finding>,
) -> Option<Yaml> {
    match yaml::parse_all(source, first_line) {
        Ok(y) => Some(y),
        Err(errors) => {
            for e in errors {
                let (rule, help) = match e.problem {
                    yaml::Problem::DuplicateKey => {
                        (Rule::DuplicateKey, "laat één van de regels weg")
                    }
                    // Valid YAML, but not a front matter: the key is not a word.
                    yaml::Problem::Key => (
                        Rule::WrongType,
                        "schrijf elke regel als `sleutel: waarde`, met een woord als sleutel",
                    ),
                    _ => (
                        Rule::YamlSyntax,
                        "controleer aanhalingstekens, dubbele punten en inspringing (spaties, geen tabs); zet tekst met een dubbele punt tussen aanhalingstekens",
                    ),
                };
                let width = e.duplicate_key.as_deref().map_or(1, width);
                findings.push(
                    Finding::new(rule, path, e.pos, e.message)
                        .width(width)
                        .help(help),
                );
            }
            None
        }
    }
}

/// Ids become file names and anchors: lower case letters, digits and single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Report an invalid id; true when the id is valid.
fn check_id(path: &str, id: &Located<String>, findings: &mut Vec<Finding>) -> bool {
    let valid = is_valid_id(&id.value);
    if !valid {
        findings.push(
            Finding::new(
                Rule::InvalidId,
                path,
                id.pos,
                format!(
                    "het id `{}` mag alleen kleine letters, cijfers en streepjes bevatten",
                    id.value
                ),
            )
            .width(width(&id.value))
            .help(format!(
                "bijvoorbeeld `{}`",
                crate::text::slug::slugify(&id.value)
            )),
        );
    }
    valid
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name)
}

/// `what` names the value the file name should follow: "het id" or "het jaar".
fn check_file_name(
    path: &str,
    what: &str,
    id: &Located<String>,
    expected: &[String],
    findings: &mut Vec<Finding>,
) {
    let stem = file_stem(path);
    if !expected.iter().any(|e| e == stem) {
        findings.push(
            Finding::new(
                Rule::FileNameMismatch,
                path,
                id.pos,
                format!(
                    "de bestandsnaam `{stem}.md` past niet bij {what} `{}`",
                    id.value
                ),
            )
            .width(width(&id.value))
            .help(format!("noem het bestand `{}.md`", expected[0])),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    const IDENTITY: &str =
        "titel: T\nraad: R\ngemeente: G\npartijen:\n  - id: inwoners\n    naam: Inwoners\n";

    /// The letter's sender, reference and house style are read when given, and a
    /// manifest without them has none (no defaults invented).
    #[test]
    fn sender_reference_and_house_style_are_optional_and_read() {
        let identity = format!(
            "{IDENTITY}adres: [Stadhuisplein 1, 1315 HR Almere]\nemail: raad@example.nl\nwebsite: https://raad.example.nl\nhuisstijl:\n  lettertype: Noto Sans\n  kleur: \"#0B5D3B\"\n  logo: manifest/logo.png\n"
        );
        let round = "---\njaar: 2026\naan: [college]\nbetreft: Advies\nkenmerk: ASD-1\ncontactpersoon:\n  naam: J. de Vries\n  email: j@example.nl\nbijlagen: [Verslag]\n---\nTekst.\n";
        let loaded = load(&[
            file(MANIFEST_FILE, &identity),
            file("manifest/rounds/2026.md", round),
        ]);
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        let id = &loaded.manifest.identity;
        assert_eq!(id.address, ["Stadhuisplein 1", "1315 HR Almere"]);
        assert_eq!(id.email.as_deref(), Some("raad@example.nl"));
        assert_eq!(id.website.as_deref(), Some("https://raad.example.nl"));
        assert_eq!(id.house.font.as_ref().unwrap().value, "Noto Sans");
        assert_eq!(id.house.colour.as_ref().unwrap().value, "#0B5D3B");
        let logo = id.house.logo.as_ref().unwrap();
        assert_eq!(
            (logo.value.as_str(), logo.pos.line, logo.pos.column),
            ("manifest/logo.png", 13, 9)
        );
        let r = &loaded.manifest.rounds[0];
        assert_eq!(r.reference.as_deref(), Some("ASD-1"));
        let contact = r.contact.as_ref().unwrap();
        assert_eq!(contact.name, "J. de Vries");
        assert_eq!(contact.phone, None);
        assert_eq!(contact.email.as_deref(), Some("j@example.nl"));
        assert_eq!(r.annexes, ["Verslag"]);

        let bare = load(&[file(MANIFEST_FILE, IDENTITY)]);
        assert_eq!(
            bare.manifest.identity.house,
            crate::model::HouseStyle::default()
        );
        assert!(bare.manifest.identity.address.is_empty());
    }

    #[test]
    fn a_colour_or_font_that_could_break_out_of_css_is_refused() {
        let identity =
            format!("{IDENTITY}huisstijl:\n  lettertype: \"Arial; }} body {{\"\n  kleur: red\n");
        let loaded = load(&[file(MANIFEST_FILE, &identity)]);
        let wrong: Vec<_> = loaded
            .findings
            .iter()
            .filter(|f| f.rule == Rule::WrongType)
            .map(|f| f.pos.line)
            .collect();
        assert_eq!(wrong, [8, 9]);
        assert_eq!(loaded.manifest.identity.house.font, None);
        assert_eq!(loaded.manifest.identity.house.colour, None);
    }

    /// Over 512 files the loader splits the work; the result must be the serial one,
    /// manifest.yaml's identity included, wherever its file falls.
    #[test]
    fn loading_in_parts_gives_the_serial_result() {
        let identity = "titel: T\nuitwerking_titel: U\nraad: R\nraad_afkorting: RS\ngemeente: G\nreactietermijn_weken: 8\nkompas:\n  - id: input\n    naam: Input\npartijen:\n  - id: inwoners\n    naam: Inwoners\n";
        let mut files: Vec<SourceFile> = (0..1500)
            .map(|i| {
                file(
                    &format!("cases/c{i:04}.md"),
                    &format!("---\nid: c{i:04}\ntitel: C\nuitgangspunt: a\n---\nVerhaal.\n"),
                )
            })
            .collect();
        files.insert(1200, file(MANIFEST_FILE, identity));
        let whole = load_serial(&files);
        let parts = join(files.chunks(400).map(load_part).collect());
        assert_eq!(parts.manifest, whole.manifest);
        assert_eq!(parts.manifest.identity.council_short.as_deref(), Some("RS"));
        assert_eq!(parts.manifest.identity.response_weeks, Some(8));
        assert_eq!(parts.findings, whole.findings);
    }

    #[test]
    fn loads_a_principle_with_short_text_and_elaboration() {
        let loaded = load(&[
            file(MANIFEST_FILE, IDENTITY),
            file(
                "manifest/principles/01-a.md",
                "---\nid: a\ntitel: A\nvolgorde: 1\nverantwoordelijkheden:\n  inwoners: meedenken\n---\nKort.\n\n## Uitwerking\n\nLang.\n",
            ),
        ]);
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        let p = &loaded.manifest.principles[0];
        assert_eq!(&*p.short_text, "Kort.");
        assert_eq!(&*p.elaboration, "Lang.");
        assert_eq!(p.responsibilities[0].actor.value, "inwoners");
        assert_eq!(p.responsibilities[0].actor.pos, Pos::new(6, 3));
    }

    #[test]
    fn yaml_errors_are_reported_at_the_file_line() {
        let loaded = load(&[file(
            "cases/x.md",
            "---\nid: x\ntitel: \"open\nuitgangspunt: a\n---\nVerhaal\n",
        )]);
        assert_eq!(loaded.findings.len(), 1);
        assert_eq!(loaded.findings[0].rule, Rule::YamlSyntax);
        assert_eq!(loaded.findings[0].pos.line, 3);
    }

    /// A lone CR ends a line, as CRLF and LF do: the same file with any of the three
    /// loads with the same findings at the same places.
    #[test]
    fn every_line_ending_gives_the_same_findings() {
        let lf = "---\nid: x\ntitel: X\ntitel: Y\nuitgangspunt: a\nsinds: 1\nsinds: 2\n---\nVerhaal.\n\nZie [weg](weg.md).\n";
        let findings = |text: &str| {
            let mut found: Vec<_> = load(&[file("cases/x.md", text)])
                .findings
                .into_iter()
                .map(|f| (f.rule, f.pos, f.message))
                .collect();
            found.sort();
            found
        };
        let expected = findings(lf);
        assert_eq!(
            expected.iter().map(|f| (f.0, f.1.line)).collect::<Vec<_>>(),
            [(Rule::DuplicateKey, 4), (Rule::DuplicateKey, 7)]
        );
        assert_eq!(findings(&lf.replace('\n', "\r")), expected);
        assert_eq!(findings(&lf.replace('\n', "\r\n")), expected);
    }

    #[test]
    fn one_bad_file_does_not_stop_the_others() {
        let loaded = load(&[
            file("cases/a.md", "geen kopregels\n"),
            file(
                "cases/b.md",
                "---\nid: b\ntitel: B\nuitgangspunt: p\n---\nVerhaal.\n",
            ),
            file("cases/c.md", ""),
            SourceFile {
                path: "cases/d.md".into(),
                bytes: vec![b'a', b'\n', 0xff],
            },
        ]);
        let rules: Vec<Rule> = loaded.findings.iter().map(|f| f.rule).collect();
        assert_eq!(
            rules,
            vec![Rule::FrontMatterMissing, Rule::EmptyFile, Rule::InvalidUtf8]
        );
        assert_eq!(loaded.findings[2].pos, Pos::new(2, 1));
        assert_eq!(loaded.manifest.cases.len(), 1);
    }

    #[test]
    fn an_image_beside_the_texts_is_no_text() {
        let loaded = load(&[SourceFile {
            path: "cases/foto.PNG".into(),
            bytes: b"\x89PNG\r\n\x1a\n\xff".to_vec(),
        }]);
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        assert!(loaded.manifest.texts.is_empty());
    }

    #[test]
    fn ids_are_lower_case_words_with_hyphens() {
        assert!(is_valid_id("de-almeerder-centraal"));
        assert!(is_valid_id("ronde-2015"));
        assert!(!is_valid_id("De-Almeerder"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("één"));
        assert!(!is_valid_id(""));
    }
}
