//! Checks over the model: content rules per file, then ids, order, references and
//! links between files. Pure: model in, findings out.

pub mod content;
mod control_characters;
pub mod house;
pub mod plain_language;
pub mod privacy;
mod repeats;

pub use repeats::{REPEATS_SHOWN, limit_repeats};

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::load::markdown::{resolve, split_link};
use crate::model::Located;
use crate::model::finding::{Finding, Pos, Rule};
use crate::model::law;
use crate::model::{MANIFEST_FILE, Manifest, ROUNDS_DIR};
use crate::text::nearest as suggest;
use crate::text::width;

/// Run every check with the default options. `exists` tells whether a repository
/// path exists, so that the same checks work on the work tree and on a git revision.
pub fn check(m: &Manifest, exists: &dyn Fn(&str) -> bool) -> Vec<Finding> {
    check_with(m, exists, content::Options::default())
}

/// Run every check: the content rules and the checks between files.
pub fn check_with(
    m: &Manifest,
    exists: &dyn Fn(&str) -> bool,
    options: content::Options,
) -> Vec<Finding> {
    // The content rules read each file on its own, on every core; for a large manifest
    // the rules between files run beside them instead of after. The order of the
    // findings is the same either way.
    let of_content = || {
        let mut out = Vec::new();
        content::content(m, options, &mut out);
        out
    };
    let between = || {
        let mut out = Vec::new();
        between_files(m, exists, &mut out);
        out
    };
    let (mut out, between) = if m.texts.len() >= content::FILES_PER_THREAD {
        crate::parallel::both(of_content, between)
    } else {
        (of_content(), between())
    };
    out.extend(between);
    out
}

/// The rules between files: ids, order, references, links, tags, laws, house style.
fn between_files(m: &Manifest, exists: &dyn Fn(&str) -> bool, out: &mut Vec<Finding>) {
    duplicate_ids(
        m.identity.actors.iter().map(|a| (MANIFEST_FILE, &a.id)),
        "partij",
        out,
    );
    duplicate_ids(
        m.principles.iter().map(|p| (p.path.as_str(), &p.id)),
        "uitgangspunt",
        out,
    );
    duplicate_ids(
        m.cases.iter().map(|c| (c.path.as_str(), &c.id)),
        "casus",
        out,
    );
    order(m, out);
    references(m, out);
    rounds(m, out);
    links(m, exists, out);
    kompas(m, out);
    laws(m, out);
    house::house(m, out);
}

/// Every kompas tag must be one of the blocks listed in manifest.yaml.
fn kompas(m: &Manifest, out: &mut Vec<Finding>) {
    if m.incomplete.identity {
        return;
    }
    let blocks: Vec<&str> = m
        .identity
        .kompas
        .iter()
        .map(|k| k.id.value.as_str())
        .collect();
    let tagged = m
        .principles
        .iter()
        .map(|p| (p.path.as_str(), &p.kompas))
        .chain(m.cases.iter().map(|c| (c.path.as_str(), &c.kompas)));
    for (path, tags) in tagged {
        for tag in tags.iter().filter(|t| !blocks.contains(&t.value.as_str())) {
            let mut f = Finding::new(
                Rule::UnknownKompas,
                path,
                tag.pos,
                format!("onbekende bouwsteen `{}`", tag.value),
            )
            .width(width(&tag.value));
            f.help = Some(match (suggest(&tag.value, &blocks), blocks.is_empty()) {
                (Some(s), _) => format!("bedoelde u `{s}`?"),
                (None, true) => format!(
                    "er staan geen bouwstenen in {MANIFEST_FILE}; voeg ze toe onder `kompas:`"
                ),
                (None, false) => format!("de bouwstenen zijn: {}", blocks.join(", ")),
            });
            out.push(f);
        }
    }
}

/// Law citations in front matter and links to wetten.overheid.nl in the text.
fn laws(m: &Manifest, out: &mut Vec<Finding>) {
    let cited = m
        .principles
        .iter()
        .map(|p| (p.path.as_str(), &p.laws))
        .chain(m.cases.iter().map(|c| (c.path.as_str(), &c.laws)));
    for (path, laws) in cited {
        for law in laws {
            if let Some(f) = law_finding(path, &law.id.value, law.id.pos, width(&law.id.value)) {
                out.push(f);
            }
        }
    }
    for page in &m.pages {
        for link in &page.links {
            if let Some((id, _)) = law::ids_in_url(&link.target)
                && let Some(f) = law_finding(&page.path, &id, link.pos, link.width)
            {
                out.push(f);
            }
        }
    }
}

fn law_finding(path: &str, id: &str, pos: Pos, width: usize) -> Option<Finding> {
    if !law::is_valid_id(id) {
        return Some(
            Finding::new(
                Rule::InvalidLawId,
                path,
                pos,
                format!("`{id}` is geen geldig wet-id"),
            )
            .width(width)
            .help("een wet-id is `BWBR` gevolgd door 7 cijfers, zoals BWBR0035362 (Wmo 2015); zie wetten.overheid.nl"),
        );
    }
    let known = law::known(id)?;
    let replacement = known.repealed_by?;
    Some(
        Finding::new(
            Rule::RepealedLaw,
            path,
            pos,
            format!("de {} geldt niet meer", known.name),
        )
        .width(width)
        .help(replacement),
    )
}

fn duplicate_ids<'a>(
    items: impl Iterator<Item = (&'a str, &'a Located<String>)>,
    what: &str,
    out: &mut Vec<Finding>,
) {
    let mut first: HashMap<&str, (&str, usize)> = HashMap::new();
    for (path, id) in items {
        match first.get(id.value.as_str()) {
            Some((other, line)) => {
                let place = if *other == path {
                    format!("op regel {line}")
                } else {
                    format!("in {other}")
                };
                out.push(
                    Finding::new(
                        Rule::DuplicateId,
                        path,
                        id.pos,
                        format!("het id `{}` wordt ook gebruikt {place}", id.value),
                    )
                    .width(width(&id.value))
                    .help(format!("geef elke {what} een eigen id")),
                );
            }
            None => {
                first.insert(&id.value, (path, id.pos.line));
            }
        }
    }
}

fn order(m: &Manifest, out: &mut Vec<Finding>) {
    let mut by_order: BTreeMap<i64, Vec<(&str, &Located<i64>)>> = BTreeMap::new();
    for p in &m.principles {
        if let Some(o) = &p.order {
            by_order.entry(o.value).or_default().push((&p.path, o));
        }
    }
    for holders in by_order.values() {
        let (first_path, _) = holders[0];
        for (path, o) in &holders[1..] {
            out.push(
                Finding::new(
                    Rule::DuplicateOrder,
                    path,
                    o.pos,
                    format!("`volgorde: {}` wordt ook gebruikt in {first_path}", o.value),
                )
                .width(width(&o.value.to_string()))
                .help("geef elk uitgangspunt een eigen plaats; nummer ze 1, 2, 3, ..."),
            );
        }
    }
    if !m.incomplete.principles.is_empty() {
        return;
    }
    let mut expected = 1;
    for (&value, holders) in &by_order {
        if value > expected {
            let (path, o) = holders[0];
            let missing = if value - expected == 1 {
                format!("{expected}")
            } else {
                format!("{expected} tot en met {}", value - 1)
            };
            out.push(
                Finding::new(
                    Rule::OrderGap,
                    path,
                    o.pos,
                    format!("de volgorde slaat plaats {missing} over"),
                )
                .help("nummer de uitgangspunten door: 1, 2, 3, ..."),
            );
        }
        expected = value + 1;
    }
}

fn references(m: &Manifest, out: &mut Vec<Finding>) {
    let actor_ids: Vec<&str> = m
        .identity
        .actors
        .iter()
        .map(|a| a.id.value.as_str())
        .collect();
    let principle_ids: Vec<&str> = m.principles.iter().map(|p| p.id.value.as_str()).collect();
    // Sets, so that large manifests stay linear in size.
    let known_principles: HashSet<&str> = principle_ids.iter().copied().collect();
    let with_case: HashSet<&str> = m
        .cases
        .iter()
        .filter_map(|c| c.principle.as_ref().map(|p| p.value.as_str()))
        .collect();
    let mut used_actors: HashSet<&str> = HashSet::new();

    let unknown_actor = |path: &str, actor: &Located<String>| {
        let mut f = Finding::new(
            Rule::UnknownActor,
            path,
            actor.pos,
            format!("onbekende partij `{}`", actor.value),
        )
        .width(width(&actor.value));
        f.help = Some(match suggest(&actor.value, &actor_ids) {
            Some(s) => format!("bedoelde u `{s}`?"),
            None => format!(
                "de partijen in {MANIFEST_FILE} zijn: {}",
                actor_ids.join(", ")
            ),
        });
        f
    };

    let actors_known = !m.incomplete.identity;
    for p in &m.principles {
        for r in &p.responsibilities {
            if actor_ids.contains(&r.actor.value.as_str()) {
                used_actors.insert(&r.actor.value);
            } else if actors_known {
                out.push(unknown_actor(&p.path, &r.actor));
            }
        }
        if !m.incomplete.cases && !with_case.contains(p.id.value.as_str()) {
            out.push(
                Finding::new(
                    Rule::PrincipleWithoutCase,
                    &p.path,
                    p.id.pos,
                    format!(
                        "het uitgangspunt `{}` heeft geen casus uit de praktijk",
                        p.id.value
                    ),
                )
                .width(width(&p.id.value))
                .help(format!(
                    "voeg een casus toe in cases/ met `uitgangspunt: {}`",
                    p.id.value
                )),
            );
        }
    }
    for c in &m.cases {
        if let Some(p) = &c.principle
            && !known_principles.contains(p.value.as_str())
            && !p.value.starts_with(crate::model::placeholder::PLACEHOLDER)
            && !m.incomplete.principles.contains(&p.value)
        {
            let mut f = Finding::new(
                Rule::UnknownPrinciple,
                &c.path,
                p.pos,
                format!("onbekend uitgangspunt `{}`", p.value),
            )
            .width(width(&p.value));
            let candidates: Vec<&str> = principle_ids
                .iter()
                .copied()
                .chain(m.incomplete.principles.iter().map(String::as_str))
                .collect();
            f.help = Some(match suggest(&p.value, &candidates) {
                Some(s) => format!("bedoelde u `{s}`?"),
                None => format!("bekende uitgangspunten: {}", principle_ids.join(", ")),
            });
            out.push(f);
        }
        for a in &c.actors {
            if actors_known && !actor_ids.contains(&a.value.as_str()) {
                out.push(unknown_actor(&c.path, a));
            }
        }
    }
    for a in &m.identity.actors {
        if m.incomplete.principles.is_empty() && !used_actors.contains(a.id.value.as_str()) {
            out.push(
                Finding::new(
                    Rule::ActorWithoutResponsibility,
                    MANIFEST_FILE,
                    a.id.pos,
                    format!(
                        "de partij `{}` heeft bij geen enkel uitgangspunt een verantwoordelijkheid",
                        a.id.value
                    ),
                )
                .width(width(&a.id.value))
                .help(format!(
                    "vul bij een uitgangspunt `verantwoordelijkheden:` aan met `{}: ...`, of haal de partij weg",
                    a.id.value
                )),
            );
        }
    }
}

fn rounds(m: &Manifest, out: &mut Vec<Finding>) {
    if m.rounds.is_empty() && !m.incomplete.rounds {
        out.push(
            Finding::new(
                Rule::NoRound,
                ROUNDS_DIR,
                Pos::START,
                "er is nog geen ronde met een adviesbrief vastgelegd",
            )
            .help(format!(
                "voeg {ROUNDS_DIR}/<jaar>.md toe met de brief van deze ronde"
            )),
        );
    }
    for r in &m.rounds {
        duplicate_ids(
            r.advice_points.iter().map(|p| (r.path.as_str(), &p.id)),
            "adviespunt",
            out,
        );
        let points: Vec<&str> = r
            .advice_points
            .iter()
            .map(|p| p.id.value.as_str())
            .collect();
        let mut judged: HashMap<&str, usize> = HashMap::new();
        for v in r.response.iter().flat_map(|resp| &resp.verdicts) {
            if let Some(line) = judged.insert(&v.point.value, v.point.pos.line) {
                out.push(
                    Finding::new(
                        Rule::DuplicateId,
                        &r.path,
                        v.point.pos,
                        format!(
                            "het adviespunt `{}` heeft al een oordeel op regel {line}",
                            v.point.value
                        ),
                    )
                    .width(width(&v.point.value))
                    .help("geef per adviespunt één oordeel"),
                );
            }
        }
        for v in r.response.iter().flat_map(|resp| &resp.verdicts) {
            if !points.contains(&v.point.value.as_str()) {
                let mut f = Finding::new(
                    Rule::UnknownAdvicePoint,
                    &r.path,
                    v.point.pos,
                    format!(
                        "het adviespunt `{}` staat niet onder `adviespunten`",
                        v.point.value
                    ),
                )
                .width(width(&v.point.value));
                f.help = Some(match suggest(&v.point.value, &points) {
                    Some(s) => format!("bedoelde u `{s}`?"),
                    None if points.is_empty() => {
                        "voeg de adviespunten van de brief toe onder `adviespunten:`".into()
                    }
                    None => format!("adviespunten van deze ronde: {}", points.join(", ")),
                });
                out.push(f);
            }
        }
    }
    let mut seen: HashMap<i64, &str> = HashMap::new();
    for r in &m.rounds {
        let Some(y) = &r.year else { continue };
        if let Some(other) = seen.insert(y.value, &r.path) {
            out.push(
                Finding::new(
                    Rule::DuplicateId,
                    &r.path,
                    y.pos,
                    format!("het jaar {} wordt ook gebruikt in {other}", y.value),
                )
                .width(width(&y.value.to_string()))
                .help("leg per jaar één ronde vast"),
            );
        }
    }
}

fn links(m: &Manifest, exists: &dyn Fn(&str) -> bool, out: &mut Vec<Finding>) {
    let anchors: HashMap<&str, &[String]> = m
        .pages
        .iter()
        .map(|p| (p.path.as_str(), p.anchors.as_slice()))
        .collect();
    for page in &m.pages {
        for link in &page.links {
            let Some((file, anchor)) = split_link(&link.target) else {
                continue;
            };
            let broken = |message: String, help: &str| {
                Finding::new(Rule::BrokenLink, &page.path, link.pos, message)
                    .width(link.width)
                    .help(help)
            };
            let target = if file.is_empty() {
                page.path.clone()
            } else {
                match resolve(&page.path, &file) {
                    Some(t) => t,
                    None => {
                        out.push(broken(
                            format!("de link `{}` wijst buiten de repository", link.target),
                            "verwijs naar een bestand in de repository of gebruik een volledig webadres",
                        ));
                        continue;
                    }
                }
            };
            if !file.is_empty() && !exists(&target) {
                out.push(broken(
                    format!("de link verwijst naar `{target}`, maar dat bestand bestaat niet"),
                    "controleer de bestandsnaam; het pad is relatief ten opzichte van dit bestand",
                ));
                continue;
            }
            if let (Some(anchor), Some(known)) = (anchor, anchors.get(target.as_str()))
                && !known.contains(&anchor)
            {
                let mut f = broken(format!("de kop `#{anchor}` bestaat niet in {target}"), "");
                let known_refs: Vec<&str> = known.iter().map(String::as_str).collect();
                f.help = Some(match suggest(&anchor, &known_refs) {
                    Some(s) => format!("bedoelde u `#{s}`?"),
                    None if known.is_empty() => format!("{target} heeft geen koppen"),
                    None => format!("koppen in {target}: #{}", known_refs.join(", #")),
                });
                out.push(f);
            }
        }
    }
}
