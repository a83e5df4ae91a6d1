//! Every sentence the diff says about a change, in plain Dutch (B1), in one place.

use crate::analysis::diff::{
    ActorChange, CaseChange, CellAction, CellChange, Delta, KompasChange, Label, LawRef,
    ManifestChange, PrincipleChange, Review,
};
use crate::analysis::redline::Redline;

mod rounds;

pub use rounds::verdict_label;
use rounds::{advice_point, response, round};

/// Texts longer than this are not quoted in the sentence: the redline shows them.
const QUOTE_UP_TO: usize = 80;

/// Each change as a sentence and, where a longer text changed, its redline. The order
/// of `Delta::entries`: the manifest and its vocabulary first, since what follows uses them.
pub fn sentences_with_redlines<'a>(d: &'a Delta) -> Vec<(String, Option<&'a Redline>)> {
    let manifest = |c: &'a ManifestChange| {
        let ManifestChange::Changed { field, redline, .. } = c;
        if field == "logo_bestand" {
            (
                "Het logo is vervangen door een ander bestand.".to_string(),
                None,
            )
        } else {
            quoted(manifest_field(field), redline)
        }
    };
    let mut out: Vec<_> = d
        .manifest
        .iter()
        .map(manifest)
        .chain(d.kompas.iter().map(|c| (kompas(c), None)))
        .chain(d.actors.iter().map(actor))
        .chain(d.principles.iter().map(principle))
        .chain(d.cases.iter().map(case))
        .chain(d.cells.iter().map(|c| (cell(c), Some(&c.redline))))
        .chain(d.rounds.iter().map(round))
        .chain(d.advice_points.iter().map(advice_point))
        .chain(d.responses.iter().map(response))
        .collect();
    for (sentence, _) in &mut out {
        end_once(sentence);
    }
    out
}

/// A quote that ends a sentence with its own full stop needs no second one:
/// "… is nu ‘De matrix komt erbij.’" rather than "….’."
pub(super) fn end_once(sentence: &mut String) {
    for end in [".’.", "!’.", "?’."] {
        if sentence.ends_with(end) {
            sentence.pop();
            return;
        }
    }
}

/// Keys of manifest.yaml about the letterhead and the look, not the manifest's content:
/// the diff names them, the letter to the college does not.
pub(super) const LOOK_AND_SENDER: &[&str] = &[
    "adres",
    "email",
    "website",
    "lettertype",
    "kleur",
    "logo",
    "logo_bestand",
];

/// What a key of manifest.yaml is, as the subject of a sentence.
pub(super) fn manifest_field(field: &str) -> String {
    match field {
        "titel" => "De titel van het manifest",
        "uitwerking_titel" => "De titel van de uitwerking",
        "matrix_inleiding" => "De inleiding bij de matrix",
        "raad" => "De naam van de adviesraad",
        "raad_afkorting" => "De afkorting van de adviesraad",
        "gemeente" => "De naam van de gemeente",
        "reactietermijn_weken" => "De reactietermijn van het college (in weken)",
        "adres" => "Het adres van de adviesraad",
        "email" => "Het e-mailadres van de adviesraad",
        "website" => "De website van de adviesraad",
        "lettertype" => "Het lettertype van de huisstijl",
        "kleur" => "De kleur van de huisstijl",
        "logo" => "Het logo",
        other => return format!("‘{other}’ in manifest.yaml"),
    }
    .to_string()
}

/// "<subject> is nu ‘new’ (was ‘old’)." for short texts; for long ones "is aangepast"
/// with the redline.
pub(super) fn quoted(subject: String, r: &Redline) -> (String, Option<&Redline>) {
    let (old, new) = (r.old_text(), r.new_text());
    if old.chars().count() > QUOTE_UP_TO || new.chars().count() > QUOTE_UP_TO {
        return (format!("{subject} is aangepast."), Some(r));
    }
    let sentence = match (old.is_empty(), new.is_empty()) {
        (true, _) => format!("{subject} is nu ‘{new}’."),
        (false, true) => format!("{subject} is weggehaald (was ‘{old}’)."),
        _ => format!("{subject} is nu ‘{new}’ (was ‘{old}’)."),
    };
    (sentence, None)
}

/// ‘a’, ‘b’ en ‘c’
pub(super) fn list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("‘{n}’")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} en {last}", rest.join(", ")),
    }
}

/// "is de partij ‘A’ toegevoegd en de partij ‘B’ weggehaald"
fn added_removed(one: &str, many: &str, added: &[String], removed: &[String]) -> String {
    let part = |names: &[String], verb: &str| match names.len() {
        0 => None,
        1 => Some(format!("{one} {} {verb}", list(names))),
        _ => Some(format!("{many} {} {verb}", list(names))),
    };
    let parts: Vec<String> = [part(added, "toegevoegd"), part(removed, "weggehaald")]
        .into_iter()
        .flatten()
        .collect();
    let verb = if added.len() > 1 || (added.is_empty() && removed.len() > 1) {
        "zijn"
    } else {
        "is"
    };
    format!("{verb} {}", parts.join(" en "))
}

fn names(labels: &[Label]) -> Vec<String> {
    labels.iter().map(|l| l.name.clone()).collect()
}

/// "Bij <subject> is de wet ‘…’ toegevoegd.", for a principle or a case.
fn laws_changed(subject: &str, added: &[LawRef], removed: &[LawRef]) -> String {
    let laws = |refs: &[LawRef]| -> Vec<String> { refs.iter().map(|l| l.name.clone()).collect() };
    let change = added_removed("de wet", "de wetten", &laws(added), &laws(removed));
    format!("Bij {subject} {change}.")
}

/// "Bij <subject> is de bouwsteen ‘…’ van het Kwaliteitskompas toegevoegd.", for a
/// principle or a case.
fn kompas_changed(subject: &str, added: &[Label], removed: &[Label]) -> String {
    let change = added_removed(
        "de bouwsteen van het Kwaliteitskompas",
        "de bouwstenen van het Kwaliteitskompas",
        &names(added),
        &names(removed),
    );
    format!("Bij {subject} {change}.")
}

pub(super) fn kompas(c: &KompasChange) -> String {
    match c {
        KompasChange::Added { name, .. } => {
            format!("De bouwsteen ‘{name}’ is aan het Kwaliteitskompas toegevoegd.")
        }
        KompasChange::Removed { name, .. } => {
            format!("De bouwsteen ‘{name}’ is uit het Kwaliteitskompas gehaald.")
        }
        KompasChange::Renamed { old, new, .. } => {
            format!("De bouwsteen ‘{old}’ van het Kwaliteitskompas heet nu ‘{new}’.")
        }
        KompasChange::Moved {
            name,
            old_position,
            new_position,
            ..
        } => format!(
            "De bouwsteen ‘{name}’ staat nu op plaats {new_position} in het Kwaliteitskompas (was {old_position})."
        ),
    }
}

pub(super) fn actor(c: &ActorChange) -> (String, Option<&Redline>) {
    let sentence = match c {
        ActorChange::Added { name, .. } => {
            format!("De partij ‘{name}’ is aan de matrix toegevoegd.")
        }
        ActorChange::Removed { name, .. } => {
            format!("De partij ‘{name}’ is uit de matrix gehaald.")
        }
        ActorChange::Renamed { old, new, .. } => format!("De partij ‘{old}’ heet nu ‘{new}’."),
        ActorChange::Described { name, redline, .. } => {
            return quoted(format!("De omschrijving van de partij ‘{name}’"), redline);
        }
        ActorChange::Moved {
            name,
            old_position,
            new_position,
            ..
        } => format!(
            "De partij ‘{name}’ staat nu in kolom {new_position} van de matrix (was {old_position})."
        ),
    };
    (sentence, None)
}

pub(super) fn principle(c: &PrincipleChange) -> (String, Option<&Redline>) {
    let sentence = match c {
        PrincipleChange::Added {
            title, position, ..
        } => format!("Het uitgangspunt ‘{title}’ is toegevoegd op plaats {position}."),
        PrincipleChange::Removed { title, .. } => {
            format!("Het uitgangspunt ‘{title}’ is vervallen.")
        }
        PrincipleChange::Retitled { old, new, .. } => {
            format!("Het uitgangspunt ‘{old}’ heet nu ‘{new}’.")
        }
        PrincipleChange::Moved {
            title,
            old_position,
            new_position,
            ..
        } => format!(
            "Het uitgangspunt ‘{title}’ staat nu op plaats {new_position} (was {old_position})."
        ),
        PrincipleChange::ShortText { title, redline, .. } => {
            return (
                format!("De korte tekst van het uitgangspunt ‘{title}’ is aangepast."),
                Some(redline),
            );
        }
        PrincipleChange::Elaboration { title, redline, .. } => {
            return (
                format!("De uitwerking van het uitgangspunt ‘{title}’ is aangepast."),
                Some(redline),
            );
        }
        PrincipleChange::Laws {
            title,
            added,
            removed,
            ..
        } => laws_changed(&format!("het uitgangspunt ‘{title}’"), added, removed),
        PrincipleChange::Kompas {
            title,
            added,
            removed,
            ..
        } => kompas_changed(&format!("het uitgangspunt ‘{title}’"), added, removed),
    };
    (sentence, None)
}

pub(super) fn case(c: &CaseChange) -> (String, Option<&Redline>) {
    let sentence = match c {
        CaseChange::Added {
            title,
            principle_title,
            ..
        } => format!("Bij ‘{principle_title}’ is de casus ‘{title}’ toegevoegd."),
        CaseChange::Removed {
            title,
            principle_title,
            ..
        } => format!("De casus ‘{title}’ bij ‘{principle_title}’ is vervallen."),
        CaseChange::Moved {
            title,
            old_principle_title,
            new_principle_title,
            ..
        } => format!(
            "De casus ‘{title}’ hoort nu bij ‘{new_principle_title}’ (was ‘{old_principle_title}’)."
        ),
        CaseChange::Reordered {
            title,
            principle_title,
            old_position,
            new_position,
            ..
        } => format!(
            "De casus ‘{title}’ staat nu als {new_position}e bij ‘{principle_title}’ (was {old_position}e)."
        ),
        CaseChange::Retitled { id, old, new } => match (old.is_empty(), new.is_empty()) {
            (false, true) => format!("De casus ‘{old}’ heeft geen titel meer (id ‘{id}’)."),
            (true, false) => format!("De casus ‘{id}’ heeft nu de titel ‘{new}’."),
            _ => format!("De casus ‘{old}’ heet nu ‘{new}’."),
        },
        CaseChange::Story { title, redline, .. } => {
            return (
                format!("Het verhaal van de casus ‘{title}’ is aangepast."),
                Some(redline),
            );
        }
        CaseChange::Actors {
            title,
            added,
            removed,
            ..
        } => format!(
            "Bij de casus ‘{title}’ {}.",
            added_removed("de partij", "de partijen", &names(added), &names(removed))
        ),
        CaseChange::Year {
            title, old, new, ..
        } => match (old, new) {
            (_, Some(new)) => format!(
                "Bij de casus ‘{title}’ is het jaar van opname nu {new}{}.",
                old.map_or_else(String::new, |o| format!(" (was {o})"))
            ),
            (_, None) => {
                format!("Bij de casus ‘{title}’ staat geen jaar van opname meer.")
            }
        },
        CaseChange::Laws {
            title,
            added,
            removed,
            ..
        } => laws_changed(&format!("de casus ‘{title}’"), added, removed),
        CaseChange::Kompas {
            title,
            added,
            removed,
            ..
        } => kompas_changed(&format!("de casus ‘{title}’"), added, removed),
    };
    (sentence, None)
}

fn cell(c: &CellChange) -> String {
    let (p, a) = (&c.principle_title, &c.actor_name);
    match c.change {
        CellAction::Added => {
            format!("In de matrix heeft ‘{a}’ nu een verantwoordelijkheid bij ‘{p}’.")
        }
        CellAction::Removed => {
            format!("In de matrix is de verantwoordelijkheid van ‘{a}’ bij ‘{p}’ vervallen.")
        }
        CellAction::Changed => {
            format!("In de matrix is de verantwoordelijkheid van ‘{a}’ bij ‘{p}’ aangepast.")
        }
    }
}

/// "Bij ‘De basis op orde’: de casus ‘De tuin’ en de verantwoordelijkheid van ‘Inwoners’."
pub fn review(r: &Review) -> String {
    let named = |one: &str, many: &str, labels: &[Label]| {
        (!labels.is_empty()).then(|| {
            let noun = if labels.len() == 1 { one } else { many };
            format!("{noun} {}", list(&names(labels)))
        })
    };
    let parts: Vec<String> = [
        named("de casus", "de casussen", &r.cases),
        named(
            "de verantwoordelijkheid van",
            "de verantwoordelijkheden van",
            &r.cells,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!("Bij ‘{}’: {}.", r.principle_title, parts.join(" en "))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::analysis::diff::{AdvicePointChange, ResponseChange, RoundChange};

    fn label(name: &str) -> Label {
        Label {
            id: name.to_lowercase(),
            name: name.into(),
        }
    }

    #[test]
    fn lists_and_their_verbs_agree() {
        let a = ["Inwoners".to_string()];
        let ab = ["Inwoners".to_string(), "Gemeente".to_string()];
        assert_eq!(
            added_removed("de partij", "de partijen", &a, &[]),
            "is de partij ‘Inwoners’ toegevoegd"
        );
        assert_eq!(
            added_removed("de partij", "de partijen", &ab, &a),
            "zijn de partijen ‘Inwoners’ en ‘Gemeente’ toegevoegd en de partij ‘Inwoners’ weggehaald"
        );
        assert_eq!(
            added_removed("de wet", "de wetten", &[], &ab),
            "zijn de wetten ‘Inwoners’ en ‘Gemeente’ weggehaald"
        );
    }

    #[test]
    fn short_texts_are_quoted_and_long_ones_shown_as_redline() {
        let r = Redline::between("Adviesraad", "Adviesraad Sociaal Domein");
        assert_eq!(
            quoted(manifest_field("raad"), &r).0,
            "De naam van de adviesraad is nu ‘Adviesraad Sociaal Domein’ (was ‘Adviesraad’)."
        );
        let long = "woord ".repeat(30);
        let r = Redline::between(&long, &format!("{long} meer"));
        let (sentence, redline) = quoted("De inleiding bij de matrix".into(), &r);
        assert_eq!(sentence, "De inleiding bij de matrix is aangepast.");
        assert!(redline.is_some());
    }

    #[test]
    fn a_quote_that_ends_with_a_full_stop_gets_no_second_one() {
        let d = Delta {
            advice_points: vec![AdvicePointChange::Changed {
                year: 2015,
                id: "matrix".into(),
                redline: Redline::between("Voeg de matrix toe.", "Voeg de matrix als bijlage toe."),
            }],
            ..Delta::default()
        };
        assert_eq!(
            sentences_with_redlines(&d)[0].0,
            "Het adviespunt matrix in de brief van 2015 is nu ‘Voeg de matrix als bijlage toe.’ (was ‘Voeg de matrix toe.’)."
        );
        let mut s = "De toelichting is nu ‘Zo.’.".to_string();
        end_once(&mut s);
        assert_eq!(s, "De toelichting is nu ‘Zo.’");
    }

    #[test]
    fn review_hints_name_what_stayed() {
        let r = Review {
            principle: "a".into(),
            principle_title: "De basis op orde".into(),
            cases: vec![label("De tuin")],
            cells: vec![label("Inwoners"), label("Gemeente")],
        };
        assert_eq!(
            review(&r),
            "Bij ‘De basis op orde’: de casus ‘De tuin’ en de verantwoordelijkheden van ‘Inwoners’ en ‘Gemeente’."
        );
    }

    /// One change of every kind the diff knows, so that a new variant must show up here.
    pub(crate) fn every_kind() -> Delta {
        use crate::analysis::diff::{CellChange, VerdictState};
        use crate::model::VerdictKind;
        let r = |a: &str, b: &str| Redline::between(a, b);
        let (id, t) = (String::from("x"), String::from("De titel"));
        let law = LawRef {
            id: "BWBR0034925".into(),
            artikel: None,
            name: "Jeugdwet".into(),
        };
        let state = |v| VerdictState {
            verdict: v,
            deadline: Some("2016-06-01".into()),
        };
        let cell = |change, old: Option<&str>, new: Option<&str>| CellChange {
            change,
            principle: id.clone(),
            principle_title: t.clone(),
            actor: "a".into(),
            actor_name: "Inwoners".into(),
            old: old.map(String::from),
            new: new.map(String::from),
            redline: r(old.unwrap_or(""), new.unwrap_or("")),
        };
        Delta {
            manifest: vec![ManifestChange::Changed {
                field: "gemeente".into(),
                old: "A".into(),
                new: "B".into(),
                redline: r("A", "B"),
            }],
            kompas: vec![
                KompasChange::Added {
                    id: id.clone(),
                    name: t.clone(),
                },
                KompasChange::Removed {
                    id: id.clone(),
                    name: t.clone(),
                },
                KompasChange::Renamed {
                    id: id.clone(),
                    old: t.clone(),
                    new: "Nieuw".into(),
                },
                KompasChange::Moved {
                    id: id.clone(),
                    name: t.clone(),
                    old_position: 1,
                    new_position: 2,
                },
            ],
            actors: vec![
                ActorChange::Added {
                    id: id.clone(),
                    name: t.clone(),
                },
                ActorChange::Removed {
                    id: id.clone(),
                    name: t.clone(),
                },
                ActorChange::Renamed {
                    id: id.clone(),
                    old: t.clone(),
                    new: "Nieuw".into(),
                },
                ActorChange::Described {
                    id: id.clone(),
                    name: t.clone(),
                    old: None,
                    new: Some("b".into()),
                    redline: r("", "b"),
                },
                ActorChange::Moved {
                    id: id.clone(),
                    name: t.clone(),
                    old_position: 1,
                    new_position: 2,
                },
            ],
            principles: vec![
                PrincipleChange::Added {
                    id: id.clone(),
                    title: t.clone(),
                    position: 1,
                },
                PrincipleChange::Removed {
                    id: id.clone(),
                    title: t.clone(),
                    position: 1,
                },
                PrincipleChange::Retitled {
                    id: id.clone(),
                    old: t.clone(),
                    new: "Nieuw".into(),
                },
                PrincipleChange::Moved {
                    id: id.clone(),
                    title: t.clone(),
                    old_position: 1,
                    new_position: 2,
                },
                PrincipleChange::ShortText {
                    id: id.clone(),
                    title: t.clone(),
                    redline: r("a", "b"),
                },
                PrincipleChange::Elaboration {
                    id: id.clone(),
                    title: t.clone(),
                    redline: r("a", "b"),
                },
                PrincipleChange::Laws {
                    id: id.clone(),
                    title: t.clone(),
                    added: vec![law.clone()],
                    removed: vec![],
                },
                PrincipleChange::Kompas {
                    id: id.clone(),
                    title: t.clone(),
                    added: vec![],
                    removed: vec![label("Outcome")],
                },
            ],
            cases: vec![
                CaseChange::Added {
                    id: id.clone(),
                    title: t.clone(),
                    principle: id.clone(),
                    principle_title: t.clone(),
                },
                CaseChange::Removed {
                    id: id.clone(),
                    title: t.clone(),
                    principle: id.clone(),
                    principle_title: t.clone(),
                },
                CaseChange::Moved {
                    id: id.clone(),
                    title: t.clone(),
                    old_principle: id.clone(),
                    old_principle_title: t.clone(),
                    new_principle: id.clone(),
                    new_principle_title: "Ander".into(),
                },
                CaseChange::Reordered {
                    id: id.clone(),
                    title: t.clone(),
                    principle: id.clone(),
                    principle_title: t.clone(),
                    old_position: 1,
                    new_position: 2,
                },
                CaseChange::Retitled {
                    id: id.clone(),
                    old: t.clone(),
                    new: "Nieuw".into(),
                },
                CaseChange::Story {
                    id: id.clone(),
                    title: t.clone(),
                    redline: r("a", "b"),
                },
                CaseChange::Actors {
                    id: id.clone(),
                    title: t.clone(),
                    added: vec![label("Inwoners")],
                    removed: vec![label("Gemeente")],
                },
                CaseChange::Year {
                    id: id.clone(),
                    title: t.clone(),
                    old: Some(2015),
                    new: Some(2016),
                },
                CaseChange::Year {
                    id: id.clone(),
                    title: t.clone(),
                    old: Some(2015),
                    new: None,
                },
                CaseChange::Laws {
                    id: id.clone(),
                    title: t.clone(),
                    added: vec![],
                    removed: vec![law],
                },
                CaseChange::Kompas {
                    id: id.clone(),
                    title: t.clone(),
                    added: vec![label("Outcome")],
                    removed: vec![],
                },
            ],
            cells: vec![
                cell(CellAction::Added, None, Some("meedenken")),
                cell(CellAction::Removed, Some("meedenken"), None),
                cell(
                    CellAction::Changed,
                    Some("meedenken"),
                    Some("actief meedenken"),
                ),
            ],
            rounds: vec![
                RoundChange::Added { year: 2016 },
                RoundChange::Removed { year: 2014 },
                RoundChange::Letter {
                    year: 2015,
                    field: "brief".into(),
                    redline: r("a", "b"),
                },
                RoundChange::Letter {
                    year: 2015,
                    field: "datum".into(),
                    redline: r("2015-08-18", "2015-08-19"),
                },
                RoundChange::Letter {
                    year: 2015,
                    field: "aanhef".into(),
                    redline: r("Geacht college,", "Beste college,"),
                },
            ],
            advice_points: vec![
                AdvicePointChange::Added {
                    year: 2015,
                    id: id.clone(),
                    text: "Doe dit.".into(),
                },
                AdvicePointChange::Removed {
                    year: 2015,
                    id: id.clone(),
                    text: "Doe dat.".into(),
                },
                AdvicePointChange::Changed {
                    year: 2015,
                    id: id.clone(),
                    redline: r("Doe dit.", "Doe dat."),
                },
            ],
            responses: vec![
                ResponseChange::Received {
                    year: 2015,
                    old: None,
                    new: Some("2015-09-20".into()),
                },
                ResponseChange::Received {
                    year: 2015,
                    old: Some("2015-09-20".into()),
                    new: None,
                },
                ResponseChange::Verdict {
                    year: 2015,
                    point: id.clone(),
                    old: None,
                    new: Some(state(VerdictKind::Toegezegd)),
                },
                ResponseChange::Verdict {
                    year: 2015,
                    point: id.clone(),
                    old: Some(state(VerdictKind::Toegezegd)),
                    new: None,
                },
                ResponseChange::Note {
                    year: 2015,
                    point: id,
                    redline: r("a", "b"),
                },
            ],
            review: vec![],
        }
    }

    /// Toward B1: every sentence is short outside its quotes, starts with a capital,
    /// ends as a sentence, and names no key or English word.
    #[test]
    fn every_sentence_is_short_plain_dutch() {
        let d = every_kind();
        let all = sentences_with_redlines(&d);
        assert_eq!(all.len(), d.len());
        for (s, _) in &all {
            // Quoted names and texts are the council's own words; count the rest.
            let mut outside = String::new();
            let mut quoted = false;
            for c in s.chars() {
                match c {
                    '‘' => quoted = true,
                    '’' => quoted = false,
                    c if !quoted => outside.push(c),
                    _ => {}
                }
            }
            let words = outside.split_whitespace().count();
            assert!(words <= 20, "{words} woorden: {s}");
            assert!(s.chars().next().is_some_and(char::is_uppercase), "{s}");
            assert!(s.ends_with('.') || s.ends_with('’'), "{s}");
            for bad in [
                " the ",
                " is changed",
                "aanhef:",
                "brief:",
                "_",
                "None",
                "Some(",
            ] {
                assert!(!s.contains(bad), "{bad}: {s}");
            }
        }
    }
}
