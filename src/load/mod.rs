//! From files to the model: decode, split front matter, read fields, scan
//! Markdown. Every problem of a single file is collected here; problems
//! between files are for `check`.

pub mod fields;
pub mod frontmatter;
pub mod markdown;
pub mod refused;
pub mod yaml;

use crate::load::fields::Fields;
use crate::load::frontmatter::SplitError;
use crate::load::yaml::Yaml;
use crate::model::Located;
use crate::model::document::{BlockKind, Document, plain_text};
use crate::model::finding::{Finding, Pos, Rule};
use crate::model::keys;
use crate::model::{
    Actor, AdvicePoint, Case, ELABORATION_HEADING, FileKind, LawCitation, Link, MANIFEST_FILE,
    Manifest, Page, Principle, Response, Responsibility, Round, Signatory, Verdict, VerdictKind,
    file_kind,
};
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
    const FILES_PER_THREAD: usize = 512;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores.min(files.len().div_ceil(FILES_PER_THREAD)).max(1);
    let mut loaded = if threads == 1 {
        load_serial(files)
    } else {
        let chunk = files.len().div_ceil(threads);
        let parts: Vec<(bool, Loaded)> = std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|c| {
                    let has_identity = c.iter().any(|f| f.path == MANIFEST_FILE);
                    scope.spawn(move || (has_identity, load_serial(c)))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        join(parts)
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
fn join(parts: Vec<(bool, Loaded)>) -> Loaded {
    let mut all = Loaded::default();
    for (has_identity, part) in parts {
        // Destructured whole, so a field added to Manifest must be joined here too.
        let Manifest {
            identity,
            principles,
            cases,
            rounds,
            pages,
            incomplete,
            texts,
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
        into.texts.extend(texts);
        all.file_count += part.file_count;
    }
    all
}

fn load_serial(files: &[SourceFile]) -> Loaded {
    let mut loaded = Loaded {
        file_count: files.len(),
        ..Loaded::default()
    };
    for file in files {
        let mut findings = Vec::new();
        let complete = match decode(file, &mut findings) {
            Some(text) => {
                let complete = load_file(&file.path, &text, &mut loaded.manifest, &mut findings);
                loaded.manifest.texts.insert(file.path.clone(), text);
                complete
            }
            None => false,
        };
        if !complete {
            mark_incomplete(&mut loaded.manifest.incomplete, &file.path);
        }
        loaded.findings.append(&mut findings);
    }
    loaded
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

/// Bytes to text, or a finding that says where the first invalid byte is.
fn decode(file: &SourceFile, findings: &mut Vec<Finding>) -> Option<String> {
    match std::str::from_utf8(&file.bytes) {
        Ok(text) => Some(text.strip_prefix('\u{feff}').unwrap_or(text).to_string()),
        Err(err) => {
            let valid = std::str::from_utf8(&file.bytes[..err.valid_up_to()]).unwrap_or("");
            let pos = LineIndex::new(valid).pos(valid.len());
            findings.push(
                Finding::new(
                    Rule::InvalidUtf8,
                    &file.path,
                    pos,
                    format!(
                        "het bestand is geen geldige UTF-8-tekst (byte {} van het bestand is ongeldig)",
                        err.valid_up_to() + 1
                    ),
                )
                .help("sla het bestand op als UTF-8, bijvoorbeeld via ‘Opslaan als’ met codering UTF-8"),
            );
            None
        }
    }
}

/// Load one file into the model; false when it could not be read into it.
fn load_file(path: &str, text: &str, manifest: &mut Manifest, findings: &mut Vec<Finding>) -> bool {
    let Some(kind) = file_kind(path) else {
        return true;
    };
    if text.trim().is_empty() {
        findings.push(
            Finding::new(Rule::EmptyFile, path, Pos::START, "het bestand is leeg")
                .help("vul het bestand aan of verwijder het"),
        );
        return false;
    }
    if matches!(kind, FileKind::Identity) {
        return load_identity(path, text, manifest, findings);
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
        return true;
    }
    let Some(doc) = MdFile::read(path, text, findings) else {
        return false;
    };
    let complete = match kind {
        FileKind::Principle => principle(&doc, findings).map(|p| manifest.principles.push(p)),
        FileKind::Case => case(&doc, findings).map(|c| manifest.cases.push(c)),
        FileKind::Round => round(&doc, findings).map(|r| manifest.rounds.push(r)),
        FileKind::Identity => unreachable!("handled above"),
    }
    .is_some();
    manifest.pages.push(doc.page());
    complete
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
    match yaml::parse(source, first_line) {
        Ok(y) => Some(y),
        Err(e) => {
            let (rule, help) = match &e.duplicate_key {
                Some(_) => (Rule::DuplicateKey, "laat één van de twee regels weg".to_string()),
                None => (
                    Rule::YamlSyntax,
                    "controleer aanhalingstekens, dubbele punten en inspringing (spaties, geen tabs); zet tekst met een dubbele punt tussen aanhalingstekens".to_string(),
                ),
            };
            let width = e.duplicate_key.as_deref().map_or(1, width);
            findings.push(
                Finding::new(rule, path, e.pos, e.message)
                    .width(width)
                    .help(help),
            );
            None
        }
    }
}

fn advice_points(path: &str, nodes: &[&Yaml], findings: &mut Vec<Finding>) -> Vec<AdvicePoint> {
    let mut out = Vec::new();
    for node in nodes {
        let Some(mut f) = Fields::of(node, path, node.pos, keys::ADVICE_POINT, findings) else {
            continue;
        };
        let id = f.text("id");
        let text = f.text("tekst");
        f.finish();
        if let Some(id) = id {
            check_id(path, &id, findings);
            out.push(AdvicePoint {
                id,
                text: text.map(|t| t.value).unwrap_or_default(),
            });
        }
    }
    out
}

/// `reactie: {ontvangen: 2015-10-01, punten: [{id, oordeel, termijn, toelichting}]}`
fn response(path: &str, node: &Yaml, findings: &mut Vec<Finding>) -> Option<Response> {
    let mut f = Fields::of(node, path, node.pos, keys::RESPONSE, findings)?;
    let received = f.date("ontvangen");
    let verdict_nodes = f.map_list("punten");
    f.finish();
    let mut verdicts = Vec::new();
    for node in verdict_nodes {
        let Some(mut v) = Fields::of(node, path, node.pos, keys::VERDICT, findings) else {
            continue;
        };
        let point = v.text("id");
        let kind = v.text("oordeel");
        let deadline = v.date("termijn");
        let note = v.text("toelichting");
        v.finish();
        let (Some(point), Some(kind)) = (point, kind) else {
            continue;
        };
        let Some(parsed) = VerdictKind::parse(&kind.value) else {
            let valid: Vec<&str> = VerdictKind::ALL.iter().map(|k| k.key()).collect();
            findings.push(
                Finding::new(
                    Rule::WrongType,
                    path,
                    kind.pos,
                    format!("onbekend oordeel `{}`", kind.value),
                )
                .width(width(&kind.value))
                .help(format!("kies uit: {}", valid.join(", "))),
            );
            continue;
        };
        if parsed == VerdictKind::Toegezegd && deadline.is_none() {
            findings.push(
                Finding::new(
                    Rule::MissingKey,
                    path,
                    kind.pos,
                    "bij een toezegging hoort een `termijn`",
                )
                .width(width(&kind.value))
                .help("voeg `termijn: JJJJ-MM-DD` toe: de datum waarop het college de toezegging uiterlijk moet nakomen"),
            );
        }
        verdicts.push(Verdict {
            point,
            kind: parsed,
            deadline: deadline.map(|d| d.value),
            note: note.map(|n| n.value),
        });
    }
    Some(Response {
        received: received.map(|r| r.value),
        verdicts,
    })
}

/// Law citations: each `{id: BWBR..., artikel: "..."}`; the id is checked in `check`.
fn citations(path: &str, nodes: &[&Yaml], findings: &mut Vec<Finding>) -> Vec<LawCitation> {
    let mut out = Vec::new();
    for node in nodes {
        let Some(mut f) = Fields::of(node, path, node.pos, keys::LAW, findings) else {
            continue;
        };
        let id = f.text("id");
        let artikel = f.text("artikel");
        f.finish();
        if let Some(id) = id {
            out.push(LawCitation {
                id,
                artikel: artikel.map(|a| a.value),
            });
        }
    }
    out
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

fn principle(doc: &MdFile, findings: &mut Vec<Finding>) -> Option<Principle> {
    let mut f = doc.fields(keys::PRINCIPLE, findings)?;
    let id = f.text("id");
    let title = f.text("titel");
    let order = f.integer("volgorde");
    let cells = f.text_map("verantwoordelijkheden");
    let kompas = f.text_list("kompas");
    let law_nodes = f.map_list("wetten");
    f.finish();
    let laws = citations(doc.path, &law_nodes, findings);
    let id = id?;
    if let Some(o) = order.as_ref().filter(|o| o.value < 1) {
        findings.push(
            Finding::new(
                Rule::WrongType,
                doc.path,
                o.pos,
                format!("`volgorde` moet 1 of hoger zijn, maar is {}", o.value),
            )
            .width(width(&o.value.to_string()))
            .help("nummer de uitgangspunten 1, 2, 3, ..."),
        );
    }
    if check_id(doc.path, &id, findings) {
        // `NN-<id>.md` with NN the order (any zero padding), or just `<id>.md`.
        let stem = file_stem(doc.path);
        let numbered_like_order = stem.split_once('-').is_some_and(|(n, rest)| {
            rest == id.value
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
                && order
                    .as_ref()
                    .is_some_and(|o| n.parse::<i64>() == Ok(o.value))
        });
        if !numbered_like_order {
            let prefix = order
                .as_ref()
                .map_or(String::new(), |o| format!("{:02}-", o.value));
            let expected = [format!("{prefix}{}", id.value), id.value.clone()];
            check_file_name(doc.path, "het id", &id, &expected, findings);
        }
    }

    // The first level-2 heading named like the elaboration, as (start, end) in the body.
    let uitwerking = doc.tree.headings().into_iter().find_map(|h| match &h.kind {
        BlockKind::Heading {
            level: 2, inlines, ..
        } if plain_text(&inlines[..]).eq_ignore_ascii_case(ELABORATION_HEADING) => {
            Some((h.span.start - doc.body_offset, h.span.end - doc.body_offset))
        }
        _ => None,
    });
    let (short_text, elaboration) = match uitwerking {
        Some((start, end)) => (doc.body[..start].trim(), doc.body[end..].trim()),
        None => {
            let at = doc.body.len() - doc.body.trim_start().len();
            findings.push(
                Finding::new(
                    Rule::MissingElaboration,
                    doc.path,
                    doc.pos(at),
                    format!("het uitgangspunt heeft geen sectie `## {ELABORATION_HEADING}`"),
                )
                .help(format!(
                    "zet onder de korte tekst een kop `## {ELABORATION_HEADING}` met daaronder de uitwerking"
                )),
            );
            (doc.body.trim(), "")
        }
    };
    let (short_text_doc, elaboration_doc) = match uitwerking {
        Some((start, end)) => doc
            .tree
            .split_at(start + doc.body_offset, end + doc.body_offset),
        None => (doc.tree.clone(), Document::default()),
    };
    if short_text.is_empty() {
        doc.empty_text(
            0,
            findings,
            "het uitgangspunt heeft geen korte tekst",
            &format!("schrijf de korte tekst van het manifest boven `## {ELABORATION_HEADING}`"),
        );
    }
    if uitwerking.is_some() && elaboration.is_empty() {
        doc.empty_text(
            uitwerking.map_or(0, |(start, _)| start),
            findings,
            &format!("de sectie `## {ELABORATION_HEADING}` is leeg"),
            "schrijf de uitwerking onder de kop",
        );
    }
    Some(Principle {
        path: doc.path.to_string(),
        id,
        title: title.map(|t| t.value).unwrap_or_default(),
        order,
        responsibilities: cells
            .into_iter()
            .map(|(actor, text)| Responsibility {
                actor,
                text: text.value,
            })
            .collect(),
        short_text: short_text.to_string(),
        short_text_doc,
        elaboration: elaboration.to_string(),
        elaboration_doc,
        kompas,
        laws,
    })
}

fn case(doc: &MdFile, findings: &mut Vec<Finding>) -> Option<Case> {
    let mut f = doc.fields(keys::CASE, findings)?;
    let id = f.text("id");
    let title = f.text("titel");
    let principle = f.text("uitgangspunt");
    let actors = f.text_list("partijen");
    let since = f.integer("sinds");
    let kompas = f.text_list("kompas");
    let law_nodes = f.map_list("wetten");
    let privacy_exception = f.text("privacy_uitzondering");
    f.finish();
    let laws = citations(doc.path, &law_nodes, findings);
    let id = id?;
    if check_id(doc.path, &id, findings) {
        check_file_name(
            doc.path,
            "het id",
            &id,
            std::slice::from_ref(&id.value),
            findings,
        );
    }
    let story = doc.body.trim();
    if story.is_empty() {
        doc.empty_text(
            0,
            findings,
            "de casus heeft geen verhaal",
            "schrijf het verhaal uit de praktijk onder de kopregels",
        );
    }
    Some(Case {
        path: doc.path.to_string(),
        id,
        title: title.map(|t| t.value).unwrap_or_default(),
        principle,
        actors,
        since: since.map(|s| s.value),
        story: story.to_string(),
        story_doc: doc.tree.clone(),
        kompas,
        laws,
        privacy_exception: privacy_exception.map(|p| p.value),
    })
}

fn round(doc: &MdFile, findings: &mut Vec<Finding>) -> Option<Round> {
    let mut f = doc.fields(keys::ROUND, findings)?;
    let year = f.integer("jaar");
    let date = f.date("datum");
    let to = f.text_list("aan");
    let subject = f.text("betreft");
    let salutation = f.text("aanhef");
    let closing = f.text("slot");
    let signatory_nodes = f.map_list("ondertekening");
    let partners = f.text_list("geraadpleegd");
    let revision = f.text("revisie");
    let point_nodes = f.map_list("adviespunten");
    let response_node = f.entry_value("reactie");
    f.finish();
    let advice_points = advice_points(doc.path, &point_nodes, findings);
    let response = response_node.and_then(|node| response(doc.path, node, findings));
    let mut signatories = Vec::new();
    for node in signatory_nodes {
        let Some(mut s) = Fields::of(node, doc.path, node.pos, keys::SIGNATORY, findings) else {
            continue;
        };
        let name = s.text("naam");
        let role = s.text("functie");
        s.finish();
        if let Some(name) = name {
            signatories.push(Signatory {
                name: name.value,
                role: role.map(|r| r.value),
            });
        }
    }
    if let Some(y) = &year {
        check_file_name(
            doc.path,
            "het jaar",
            &Located {
                value: y.value.to_string(),
                pos: y.pos,
            },
            &[y.value.to_string()],
            findings,
        );
    }
    let body = doc.body.trim();
    if body.is_empty() {
        doc.empty_text(
            0,
            findings,
            "de ronde heeft geen brieftekst",
            "schrijf de tekst van de adviesbrief onder de kopregels",
        );
    }
    Some(Round {
        path: doc.path.to_string(),
        year,
        date: date.map(|d| d.value),
        to: to.into_iter().map(|t| t.value).collect(),
        subject: subject.map(|s| s.value).unwrap_or_default(),
        salutation: salutation.map(|s| s.value),
        closing: closing.map(|s| s.value),
        signatories,
        partners: partners.into_iter().map(|p| p.value).collect(),
        revision: revision.map(|r| r.value),
        body: body.to_string(),
        body_doc: doc.tree.clone(),
        advice_points,
        response,
    })
}

/// Read manifest.yaml; false when the parties could not all be read.
fn load_identity(
    path: &str,
    text: &str,
    manifest: &mut Manifest,
    findings: &mut Vec<Finding>,
) -> bool {
    let Some(yaml) = parse_yaml(path, text, 1, findings) else {
        return false;
    };
    let Some(mut f) = Fields::of(&yaml, path, Pos::START, keys::MANIFEST, findings) else {
        return false;
    };
    let title = f.text("titel");
    let elaboration_title = f.text("uitwerking_titel");
    let matrix_intro = f.text("matrix_inleiding");
    let council = f.text("raad");
    let council_short = f.text("raad_afkorting");
    let municipality = f.text("gemeente");
    let response_weeks = f.integer("reactietermijn_weken");
    let actor_nodes = f.map_list("partijen");
    let kompas_nodes = f.map_list("kompas");
    f.finish();
    for node in kompas_nodes {
        let Some(mut k) = Fields::of(node, path, node.pos, keys::KOMPAS_BLOCK, findings) else {
            continue;
        };
        let id = k.text("id");
        let name = k.text("naam");
        k.finish();
        if let Some(id) = id {
            check_id(path, &id, findings);
            manifest.identity.kompas.push(crate::model::KompasBlock {
                name: name.map_or_else(|| id.value.clone(), |n| n.value),
                id,
            });
        }
    }
    manifest.identity.title = title.map(|t| t.value).unwrap_or_default();
    manifest.identity.elaboration_title = elaboration_title.map(|t| t.value);
    manifest.identity.matrix_intro = matrix_intro.map(|t| t.value);
    manifest.identity.council = council.map(|t| t.value).unwrap_or_default();
    manifest.identity.council_short = council_short.map(|t| t.value);
    manifest.identity.response_weeks = response_weeks.map(|w| w.value);
    manifest.identity.municipality = municipality.map(|t| t.value).unwrap_or_default();
    let mut complete = !actor_nodes.is_empty();
    for node in actor_nodes {
        let Some(mut a) = Fields::of(node, path, node.pos, keys::ACTOR, findings) else {
            complete = false;
            continue;
        };
        let id = a.text("id");
        let name = a.text("naam");
        let description = a.text("omschrijving");
        a.finish();
        if let Some(id) = id {
            check_id(path, &id, findings);
            manifest.identity.actors.push(Actor {
                name: name.map_or_else(|| id.value.clone(), |n| n.value),
                id,
                description: description.map(|d| d.value),
            });
        } else {
            complete = false;
        }
    }
    complete
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
        let parts = join(
            files
                .chunks(400)
                .map(|c| {
                    let has_identity = c.iter().any(|f| f.path == MANIFEST_FILE);
                    (has_identity, load_serial(c))
                })
                .collect(),
        );
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
        assert_eq!(p.short_text, "Kort.");
        assert_eq!(p.elaboration, "Lang.");
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
