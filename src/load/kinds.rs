//! Reading each kind of file into the model: principles, cases, rounds (with advice
//! points, the college's response and law citations) and manifest.yaml's identity.

use crate::load::fields::Fields;
use crate::load::yaml::Yaml;
use crate::model::Located;
use crate::model::document::{BlockKind, Document, plain_text};
use crate::model::finding::{Finding, Rule};
use crate::model::keys;
use crate::model::{
    AdvicePoint, Case, Contact, ELABORATION_HEADING, LawCitation, Principle, Response,
    Responsibility, Round, Signatory, Verdict, VerdictKind,
};
use crate::text::width;

use super::{MdFile, check_file_name, check_id, file_stem};

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

pub(super) fn principle(doc: &MdFile, findings: &mut Vec<Finding>) -> Option<Principle> {
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
        short_text: short_text.into(),
        short_text_doc,
        elaboration: elaboration.into(),
        elaboration_doc,
        kompas,
        laws,
    })
}

pub(super) fn case(doc: &MdFile, findings: &mut Vec<Finding>) -> Option<Case> {
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
        story: story.into(),
        story_doc: doc.tree.clone(),
        kompas,
        laws,
        privacy_exception: privacy_exception.map(|p| p.value),
    })
}

pub(super) fn round(doc: &MdFile, findings: &mut Vec<Finding>) -> Option<Round> {
    let mut f = doc.fields(keys::ROUND, findings)?;
    let year = f.integer("jaar");
    let date = f.date("datum");
    let to = f.text_list("aan");
    let subject = f.text("betreft");
    let reference = f.text("kenmerk");
    let contact_node = f.entry_value("contactpersoon");
    let annexes = f.text_list("bijlagen");
    let salutation = f.text("aanhef");
    let closing = f.text("slot");
    let signatory_nodes = f.map_list("ondertekening");
    let partners = f.text_list("geraadpleegd");
    let revision = f.text("revisie");
    let point_nodes = f.map_list("adviespunten");
    let response_node = f.entry_value("reactie");
    f.finish();
    let advice_points = advice_points(doc.path, &point_nodes, findings);
    let contact = contact_node.and_then(|node| contact(doc.path, node, findings));
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
        reference: reference.map(|r| r.value),
        contact,
        annexes: annexes.into_iter().map(|a| a.value).collect(),
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

/// `contactpersoon: {naam, telefoon, email}`
fn contact(path: &str, node: &Yaml, findings: &mut Vec<Finding>) -> Option<Contact> {
    let mut f = Fields::of(node, path, node.pos, keys::CONTACT, findings)?;
    let name = f.text("naam");
    let phone = f.text("telefoon");
    let email = f.text("email");
    f.finish();
    Some(Contact {
        name: name?.value,
        phone: phone.map(|p| p.value),
        email: email.map(|e| e.value),
    })
}
