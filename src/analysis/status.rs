//! Where each advice stands: the college's verdicts, open commitments, and responses
//! that are overdue. Pure: manifest and today's date in, report out.

use serde::Serialize;

use crate::model::{Manifest, VerdictKind};
use crate::text::date;

/// Weeks the college has to respond when manifest.yaml sets no `reactietermijn_weken`.
pub const DEFAULT_RESPONSE_WEEKS: i64 = 6;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Status {
    pub today: String,
    pub response_weeks: i64,
    pub rounds: Vec<RoundStatus>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoundStatus {
    pub year: Option<i64>,
    pub date: Option<String>,
    pub subject: String,
    /// When the response is due: the letter's date plus the term.
    pub response_due: Option<String>,
    pub response_received: Option<String>,
    /// No response recorded and the term has passed.
    pub response_overdue: bool,
    pub points: Vec<PointStatus>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PointStatus {
    pub id: String,
    pub text: String,
    pub verdict: Option<VerdictKind>,
    pub deadline: Option<String>,
    pub note: Option<String>,
    /// A commitment whose deadline has passed.
    pub commitment_overdue: bool,
}

impl Status {
    pub fn of(m: &Manifest, today_days: i64) -> Self {
        let weeks = m.identity.response_weeks.unwrap_or(DEFAULT_RESPONSE_WEEKS);
        let rounds = m
            .rounds
            .iter()
            .map(|r| {
                let due = r
                    .date
                    .as_deref()
                    .and_then(date::days)
                    .map(|d| d + weeks * 7);
                let received = r.response.as_ref().and_then(|resp| resp.received.clone());
                let points = r
                    .advice_points
                    .iter()
                    .map(|p| {
                        let verdict = r.response.as_ref().and_then(|resp| {
                            resp.verdicts.iter().find(|v| v.point.value == p.id.value)
                        });
                        let deadline = verdict.and_then(|v| v.deadline.clone());
                        let overdue = verdict.is_some_and(|v| v.kind == VerdictKind::Toegezegd)
                            && deadline
                                .as_deref()
                                .and_then(date::days)
                                .is_some_and(|d| d < today_days);
                        PointStatus {
                            id: p.id.value.clone(),
                            text: p.text.clone(),
                            verdict: verdict.map(|v| v.kind),
                            deadline,
                            note: verdict.and_then(|v| v.note.clone()),
                            commitment_overdue: overdue,
                        }
                    })
                    .collect();
                RoundStatus {
                    year: r.year.as_ref().map(|y| y.value),
                    date: r.date.clone(),
                    subject: r.subject.clone(),
                    response_due: due.map(date::iso),
                    response_overdue: received.is_none() && due.is_some_and(|d| d < today_days),
                    response_received: received,
                    points,
                }
            })
            .collect();
        Status {
            today: date::iso(today_days),
            response_weeks: weeks,
            rounds,
        }
    }

    /// Commitments not yet due or overdue, across all rounds.
    pub fn open_commitments(&self) -> impl Iterator<Item = (&RoundStatus, &PointStatus)> {
        self.rounds.iter().flat_map(|r| {
            r.points
                .iter()
                .filter(|p| p.verdict == Some(VerdictKind::Toegezegd))
                .map(move |p| (r, p))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::source::SourceFile;

    fn manifest(round: &str) -> Manifest {
        let files = [
            SourceFile {
                path: "manifest/manifest.yaml".into(),
                bytes: b"titel: T\nraad: R\ngemeente: G\npartijen:\n  - {id: a, naam: A}\n"
                    .to_vec(),
            },
            SourceFile {
                path: "manifest/rounds/2026.md".into(),
                bytes: round.as_bytes().to_vec(),
            },
        ];
        let loaded = load(&files);
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        loaded.manifest
    }

    const HEAD: &str = "---\njaar: 2026\ndatum: 2026-01-05\naan: [college]\nbetreft: Advies\nadviespunten:\n  - {id: matrix, tekst: Voeg de matrix toe.}\n  - {id: evaluatie, tekst: Evalueer jaarlijks.}\n";

    #[test]
    fn a_response_is_overdue_after_the_term() {
        let m = manifest(&format!("{HEAD}---\nBrief.\n"));
        let jan_5 = date::days("2026-01-05").unwrap();
        let s = Status::of(&m, jan_5 + 41);
        assert!(
            !s.rounds[0].response_overdue,
            "op de laatste dag nog niet te laat"
        );
        assert_eq!(s.rounds[0].response_due.as_deref(), Some("2026-02-16"));
        assert!(Status::of(&m, jan_5 + 43).rounds[0].response_overdue);
    }

    #[test]
    fn verdicts_and_overdue_commitments() {
        let m = manifest(&format!(
            "{HEAD}reactie:\n  ontvangen: 2026-02-01\n  punten:\n    - {{id: matrix, oordeel: overgenomen}}\n    - {{id: evaluatie, oordeel: toegezegd, termijn: 2026-06-01}}\n---\nBrief.\n"
        ));
        let s = Status::of(&m, date::days("2026-07-01").unwrap());
        let r = &s.rounds[0];
        assert!(!r.response_overdue);
        assert_eq!(r.points[0].verdict, Some(VerdictKind::Overgenomen));
        assert!(r.points[1].commitment_overdue);
        assert_eq!(s.open_commitments().count(), 1);
    }
}
