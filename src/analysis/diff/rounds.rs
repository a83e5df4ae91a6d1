//! Rounds: the fields of each letter, its advice points and the college's response.

use super::*;
use crate::analysis::redline::same_words;
use crate::model::Round;

fn round_key(r: &Round) -> i64 {
    r.year.as_ref().map_or(0, |y| y.value)
}

fn signatories(r: &Round) -> String {
    r.signatories
        .iter()
        .map(|s| match &s.role {
            Some(role) => format!("{} ({role})", s.name),
            None => s.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The fields of a letter by their key in the round file; `brief` is its text.
fn letter_fields(r: &Round) -> [(&'static str, String); 11] {
    let contact = r.contact.as_ref().map_or(String::new(), |c| {
        [Some(&c.name), c.phone.as_ref(), c.email.as_ref()]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    });
    [
        ("datum", r.date.clone().unwrap_or_default()),
        ("kenmerk", r.reference.clone().unwrap_or_default()),
        ("contactpersoon", contact),
        ("bijlagen", r.annexes.join(", ")),
        ("aan", r.to.join(", ")),
        ("betreft", r.subject.clone()),
        ("aanhef", r.salutation.clone().unwrap_or_default()),
        ("brief", r.body.clone()),
        ("slot", r.closing.clone().unwrap_or_default()),
        ("ondertekening", signatories(r)),
        ("geraadpleegd", r.partners.join(", ")),
    ]
}

pub(super) fn rounds(old: &Manifest, new: &Manifest, d: &mut Delta) {
    fn find(m: &Manifest, year: i64) -> Option<&Round> {
        m.rounds.iter().find(|r| round_key(r) == year)
    }
    for r in &old.rounds {
        if find(new, round_key(r)).is_none() {
            d.rounds.push(RoundChange::Removed { year: round_key(r) });
        }
    }
    for r in &new.rounds {
        let year = round_key(r);
        let Some(before) = find(old, year) else {
            d.rounds.push(RoundChange::Added { year });
            for p in &r.advice_points {
                d.advice_points.push(AdvicePointChange::Added {
                    year,
                    id: p.id.value.clone(),
                    text: p.text.clone(),
                });
            }
            response(year, None, r, d);
            continue;
        };
        for ((field, was), (_, is)) in letter_fields(before).into_iter().zip(letter_fields(r)) {
            if !same_words(&was, &is) {
                d.rounds.push(RoundChange::Letter {
                    year,
                    field: field.to_string(),
                    redline: Redline::between(&was, &is),
                });
            }
        }
        advice_points(year, before, r, d);
        response(year, Some(before), r, d);
    }
}

fn advice_points(year: i64, before: &Round, r: &Round, d: &mut Delta) {
    let text = |r: &Round, id: &str| {
        r.advice_points
            .iter()
            .find(|p| p.id.value == id)
            .map(|p| p.text.clone())
    };
    for p in &before.advice_points {
        if text(r, &p.id.value).is_none() {
            d.advice_points.push(AdvicePointChange::Removed {
                year,
                id: p.id.value.clone(),
                text: p.text.clone(),
            });
        }
    }
    for p in &r.advice_points {
        match text(before, &p.id.value) {
            None => d.advice_points.push(AdvicePointChange::Added {
                year,
                id: p.id.value.clone(),
                text: p.text.clone(),
            }),
            Some(was) if !same_words(&was, &p.text) => {
                d.advice_points.push(AdvicePointChange::Changed {
                    year,
                    id: p.id.value.clone(),
                    redline: Redline::between(&was, &p.text),
                })
            }
            Some(_) => {}
        }
    }
}

/// The college's response: its date, and per point the verdict and the note. A new
/// round's response is compared with none.
fn response(year: i64, before: Option<&Round>, r: &Round, d: &mut Delta) {
    let received = |r: Option<&Round>| r.and_then(|r| r.response.as_ref()?.received.clone());
    let (was, is) = (received(before), received(Some(r)));
    if was != is {
        d.responses.push(ResponseChange::Received {
            year,
            old: was,
            new: is,
        });
    }
    let verdicts = |r: Option<&Round>| -> Vec<crate::model::Verdict> {
        r.and_then(|r| r.response.as_ref())
            .map(|resp| resp.verdicts.clone())
            .unwrap_or_default()
    };
    let (was, is) = (verdicts(before), verdicts(Some(r)));
    // Points in the order of the new response, then those only the old one had.
    let mut points: Vec<&str> = is.iter().map(|v| v.point.value.as_str()).collect();
    points.extend(
        was.iter()
            .map(|v| v.point.value.as_str())
            .filter(|p| !is.iter().any(|v| v.point.value == *p)),
    );
    let find =
        |list: &[crate::model::Verdict], p: &str| list.iter().find(|v| v.point.value == p).cloned();
    for p in points {
        let (a, b) = (find(&was, p), find(&is, p));
        let state = |v: &Option<crate::model::Verdict>| {
            v.as_ref().map(|v| VerdictState {
                verdict: v.kind,
                deadline: v.deadline.clone(),
            })
        };
        if state(&a) != state(&b) {
            d.responses.push(ResponseChange::Verdict {
                year,
                point: p.to_string(),
                old: state(&a),
                new: state(&b),
            });
        }
        let note = |v: &Option<crate::model::Verdict>| {
            v.as_ref().and_then(|v| v.note.clone()).unwrap_or_default()
        };
        if !same_words(&note(&a), &note(&b)) {
            d.responses.push(ResponseChange::Note {
                year,
                point: p.to_string(),
                redline: Redline::between(&note(&a), &note(&b)),
            });
        }
    }
}
