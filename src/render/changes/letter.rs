//! Every sentence the advice letter (`kwaliteit advies`) says on its own: what changed
//! since the previous advice, told by what the manifest now says; the college's
//! response to that advice; the new advice points. Plain Dutch (B1), in one place.

use super::sentences::{actor, case, end_once, kompas, manifest_field, principle};
use crate::analysis::diff::{
    CaseChange, CellAction, CellChange, Delta, ManifestChange, PrincipleChange,
};
use crate::analysis::redline::{Redline, Segment};
use crate::model::{AdvicePoint, Round, VerdictKind};
use crate::text::date::dutch_date;

/// When the manifest itself did not change since the earlier advice.
pub const NO_CHANGES: &str = "Het manifest is sindsdien niet inhoudelijk veranderd.";

/// A quoted text is cut after this many words.
const EXCERPT_WORDS: usize = 30;

/// The first words of a text, with "…" when it goes on.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= EXCERPT_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..EXCERPT_WORDS].join(" "))
    }
}

/// The longest piece of text a redline inserted, or else the longest it deleted.
fn main_edit(r: &Redline) -> (bool, String) {
    let longest = |inserted: bool| {
        r.0.iter()
            .filter_map(|s| match (s, inserted) {
                (Segment::Inserted(t), true) | (Segment::Deleted(t), false) => Some(t),
                _ => None,
            })
            .max_by_key(|t| t.split_whitespace().count())
            .cloned()
    };
    match longest(true) {
        Some(t) => (true, t),
        None => (false, longest(false).unwrap_or_default()),
    }
}

/// "In <where> staat nu: ‘…’" or "Uit <where> is weggehaald: ‘…’"
fn edit_sentence(place_in: &str, place_from: &str, r: &Redline) -> String {
    match main_edit(r) {
        (true, t) => format!("{place_in} staat nu onder meer: ‘{}’.", excerpt(&t)),
        (false, t) => format!("{place_from} is weggehaald: ‘{}’.", excerpt(&t)),
    }
}

fn cell(c: &CellChange) -> String {
    let (p, a) = (&c.principle_title, &c.actor_name);
    match (c.change, &c.new) {
        (CellAction::Removed, _) | (_, None) => {
            format!("Bij ‘{p}’ heeft ‘{a}’ geen eigen verantwoordelijkheid meer in de matrix.")
        }
        (_, Some(new)) => format!(
            "Bij ‘{p}’ is de verantwoordelijkheid van ‘{a}’ in de matrix nu: ‘{}’.",
            excerpt(new)
        ),
    }
}

/// What changed in the manifest, as the letter tells it: for a text, what it now
/// says. Letters, advice points and responses are left out: they are the letter.
pub fn changes(d: &Delta) -> Vec<String> {
    let mut out = Vec::new();
    for c in &d.manifest {
        let ManifestChange::Changed {
            field,
            new,
            redline,
            ..
        } = c;
        if super::sentences::LOOK_AND_SENDER.contains(&field.as_str()) {
            continue;
        }
        out.push(if new.split_whitespace().count() > 12 {
            format!("{} luidt nu: ‘{}’.", manifest_field(field), excerpt(new))
        } else {
            super::sentences::quoted(manifest_field(field), redline).0
        });
    }
    out.extend(d.kompas.iter().map(kompas));
    out.extend(d.actors.iter().map(|c| actor(c).0));
    for c in &d.principles {
        out.push(match c {
            PrincipleChange::ShortText { title, redline, .. } => format!(
                "Het uitgangspunt ‘{title}’ luidt nu: ‘{}’.",
                excerpt(&redline.new_text())
            ),
            PrincipleChange::Elaboration { title, redline, .. } => edit_sentence(
                &format!("In de uitwerking van ‘{title}’"),
                &format!("Uit de uitwerking van ‘{title}’"),
                redline,
            ),
            other => principle(other).0,
        });
    }
    for c in &d.cases {
        out.push(match c {
            CaseChange::Story { title, redline, .. } => edit_sentence(
                &format!("In de casus ‘{title}’"),
                &format!("Uit de casus ‘{title}’"),
                redline,
            ),
            other => case(other).0,
        });
    }
    out.extend(d.cells.iter().map(cell));
    for s in &mut out {
        end_once(s);
    }
    out
}

/// "Wat is er veranderd sinds ons advies van 18 augustus 2015", or of 2015 when the
/// letter has no date.
pub fn changes_title(earlier: Option<&Round>, since: &str) -> String {
    format!("Wat is er veranderd sinds {}", advice_name(earlier, since))
}

/// "ons advies van 18 augustus 2015"
fn advice_name(earlier: Option<&Round>, since: &str) -> String {
    match earlier {
        Some(r) => match (&r.date, &r.year) {
            (Some(d), _) => format!("ons advies van {}", dutch_date(d)),
            (None, Some(y)) => format!("ons advies van {}", y.value),
            (None, None) => format!("ons vorige advies ({since})"),
        },
        None => format!("versie {since}"),
    }
}

fn verdict_words(kind: Option<VerdictKind>) -> &'static str {
    match kind {
        Some(VerdictKind::Overgenomen) => "overgenomen",
        Some(VerdictKind::DeelsOvergenomen) => "deels overgenomen",
        Some(VerdictKind::NietOvergenomen) => "niet overgenomen",
        Some(VerdictKind::VoorKennisgeving) => "voor kennisgeving aangenomen",
        Some(VerdictKind::Toegezegd) => "toegezegd",
        None => "nog niet beoordeeld",
    }
}

/// The college's response to the earlier advice: when it came, its verdicts in
/// numbers, and each commitment with its deadline. Nothing when that advice recorded
/// no advice points.
pub fn response(earlier: &Round, since: &str) -> Vec<String> {
    if earlier.advice_points.is_empty() {
        return Vec::new();
    }
    let advice = advice_name(Some(earlier), since);
    let response = earlier.response.as_ref();
    let mut out = vec![match response.and_then(|r| r.received.as_deref()) {
        Some(d) => format!("Het college reageerde op {} op {advice}.", dutch_date(d)),
        None if response.is_some() => format!("Het college reageerde op {advice}."),
        None => format!("Het college heeft nog niet gereageerd op {advice}."),
    }];
    if response.is_none() {
        return out;
    }
    let verdict = |p: &AdvicePoint| {
        response?
            .verdicts
            .iter()
            .find(|v| v.point.value == p.id.value)
    };
    let kinds: Vec<Option<VerdictKind>> = earlier
        .advice_points
        .iter()
        .map(|p| verdict(p).map(|v| v.kind))
        .collect();
    let order = VerdictKind::ALL.iter().map(|k| Some(*k)).chain([None]);
    let parts: Vec<String> = order
        .filter_map(|k| {
            let n = kinds.iter().filter(|x| **x == k).count();
            (n > 0).then(|| format!("{n} {}", verdict_words(k)))
        })
        .collect();
    let total = kinds.len();
    out.push(if total == 1 {
        format!(
            "Het college heeft het adviespunt {}.",
            verdict_words(kinds[0])
        )
    } else {
        format!(
            "Van de {total} adviespunten heeft het college er {}.",
            join(&parts)
        )
    });
    for p in &earlier.advice_points {
        if let Some(v) = verdict(p).filter(|v| v.kind == VerdictKind::Toegezegd) {
            let mut s = match &v.deadline {
                Some(d) => format!(
                    "Het college heeft toegezegd uiterlijk {} te doen wat adviespunt {} vraagt: ‘{}’.",
                    dutch_date(d),
                    p.id.value,
                    p.text
                ),
                None => format!(
                    "Het college heeft toegezegd te doen wat adviespunt {} vraagt: ‘{}’.",
                    p.id.value, p.text
                ),
            };
            end_once(&mut s);
            out.push(s);
        }
    }
    out
}

/// "a, b en c"
fn join(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} en {last}", rest.join(", ")),
    }
}

/// The new advice points as Markdown for the end of the letter: numbered, each with
/// its id, so the college can refer to it.
pub fn advice_points_markdown(points: &[AdvicePoint]) -> String {
    let mut md = String::from(
        "Ons advies in punten. In uw reactie kunt u naar een punt verwijzen met het nummer of met het woord tussen haakjes.\n\n",
    );
    for (i, p) in points.iter().enumerate() {
        md.push_str(&format!(
            "{}. {} ({})\n",
            i + 1,
            crate::render::escape::markdown(p.text.trim()),
            crate::render::escape::markdown(&p.id.value)
        ));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::Pos;
    use crate::model::{Located, Response, Verdict};

    fn at<T>(value: T) -> Located<T> {
        Located {
            value,
            pos: Pos::default(),
        }
    }

    fn round(points: &[(&str, &str)], response: Option<Response>) -> Round {
        Round {
            path: "manifest/rounds/2015.md".into(),
            year: Some(at(2015)),
            date: Some("2015-08-18".into()),
            to: vec![],
            subject: String::new(),
            salutation: None,
            closing: None,
            signatories: vec![],
            partners: vec![],
            revision: None,
            body: String::new(),
            body_doc: Default::default(),
            advice_points: points
                .iter()
                .map(|(id, text)| AdvicePoint {
                    id: at(id.to_string()),
                    text: text.to_string(),
                })
                .collect(),
            response,
            reference: None,
            annexes: vec![],
            contact: None,
        }
    }

    fn verdict(id: &str, kind: VerdictKind, deadline: Option<&str>) -> Verdict {
        Verdict {
            point: at(id.to_string()),
            kind,
            deadline: deadline.map(String::from),
            note: None,
        }
    }

    #[test]
    fn the_response_is_told_in_numbers_with_each_commitment() {
        let points = [
            ("matrix", "Voeg de matrix als bijlage toe."),
            ("evalueren", "Evalueer elk jaar."),
            ("plaats", "Geef leren een plaats."),
        ];
        let r = round(
            &points,
            Some(Response {
                received: Some("2015-09-20".into()),
                verdicts: vec![
                    verdict("matrix", VerdictKind::Overgenomen, None),
                    verdict("evalueren", VerdictKind::Toegezegd, Some("2016-06-01")),
                ],
            }),
        );
        assert_eq!(
            response(&r, "abc"),
            [
                "Het college reageerde op 20 september 2015 op ons advies van 18 augustus 2015.",
                "Van de 3 adviespunten heeft het college er 1 overgenomen, 1 toegezegd en 1 nog niet beoordeeld.",
                "Het college heeft toegezegd uiterlijk 1 juni 2016 te doen wat adviespunt evalueren vraagt: ‘Evalueer elk jaar.’",
            ]
        );
        assert_eq!(
            response(&round(&points[..1], None), "abc"),
            ["Het college heeft nog niet gereageerd op ons advies van 18 augustus 2015."]
        );
        assert!(response(&round(&[], None), "abc").is_empty());
    }

    #[test]
    fn a_changed_text_is_told_by_what_it_now_says() {
        let d = Delta {
            principles: vec![PrincipleChange::ShortText {
                id: "a".into(),
                title: "De basis op orde".into(),
                redline: Redline::between(
                    "De basis moet op orde zijn.",
                    "De basis moet echt op orde zijn.",
                ),
            }],
            cases: vec![CaseChange::Story {
                id: "c".into(),
                title: "De tuin".into(),
                redline: Redline::between("Zij helpt.", "Zij helpt. Het stel komt elke week."),
            }],
            ..Delta::default()
        };
        assert_eq!(
            changes(&d),
            [
                "Het uitgangspunt ‘De basis op orde’ luidt nu: ‘De basis moet echt op orde zijn.’",
                "In de casus ‘De tuin’ staat nu onder meer: ‘Het stel komt elke week.’",
            ]
        );
        assert_eq!(
            excerpt(&"woord ".repeat(40)).split(' ').count(),
            EXCERPT_WORDS + 1
        );
    }

    #[test]
    fn advice_points_are_numbered_with_their_ids() {
        let r = round(&[("matrix", "Voeg de matrix toe."), ("b", "Tweede.")], None);
        let md = advice_points_markdown(&r.advice_points);
        assert!(
            md.contains("1. Voeg de matrix toe. (matrix)\n2. Tweede. (b)\n"),
            "{md}"
        );
    }

    #[test]
    fn the_letter_tells_content_not_bookkeeping() {
        let d = super::super::sentences::tests::every_kind();
        let all = changes(&d);
        let bookkeeping = d.rounds.len() + d.advice_points.len() + d.responses.len();
        assert_eq!(all.len(), d.len() - bookkeeping);
        for s in &all {
            assert!(!s.contains("brief van"), "{s}");
            assert!(!s.contains("adviespunt"), "{s}");
            assert!(!s.contains("is aangepast"), "zeg wat er nu staat: {s}");
        }
    }
}
