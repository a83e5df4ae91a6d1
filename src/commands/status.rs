//! `kwaliteit status`: rounds, advice points, the college's verdicts, open commitments.

use std::fmt::Write as _;
use std::path::Path;

use super::{note_errors, open, write_stdout};
use crate::analysis::status::Status;
use crate::cli::{StatusArgs, StatusFormat};
use crate::error::Error;
use crate::exit;
use crate::text::date;
use crate::text::date::dutch_date;

pub fn run(start: &Path, args: &StatusArgs) -> Result<u8, Error> {
    let checked = open(start, None)?;
    note_errors(&checked, "het overzicht");
    let status = Status::of(&checked.loaded.manifest, date::today_days());
    let text = match args.format {
        StatusFormat::Terminal => terminal(&status),
        StatusFormat::Md => markdown(&status),
        StatusFormat::Json => {
            // Plain data with string keys always serializes.
            let mut s = serde_json::to_string_pretty(&status).expect("status serializes");
            s.push('\n');
            s
        }
    };
    write_stdout(text.as_bytes())?;
    let late = status
        .rounds
        .iter()
        .any(|r| r.response_overdue || r.points.iter().any(|p| p.commitment_overdue));
    Ok(if args.exit_code && late {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

fn date(iso: &Option<String>) -> String {
    iso.as_deref()
        .map_or_else(|| "zonder datum".to_string(), dutch_date)
}

fn response_line(r: &crate::analysis::status::RoundStatus) -> String {
    match (&r.response_received, &r.response_due, r.response_overdue) {
        (Some(received), _, _) => format!("reactie ontvangen op {}", dutch_date(received)),
        (None, Some(due), true) => format!(
            "nog geen reactie, en de termijn liep af op {}",
            dutch_date(due)
        ),
        (None, Some(due), false) => format!("reactie verwacht uiterlijk {}", dutch_date(due)),
        (None, None, _) => "nog geen reactie (de brief heeft geen datum)".to_string(),
    }
}

fn verdict_text(p: &crate::analysis::status::PointStatus) -> String {
    let mut s = p
        .verdict
        .map_or_else(|| "nog geen oordeel".to_string(), |v| v.label().to_string());
    if let Some(deadline) = &p.deadline {
        s.push_str(&format!(", uiterlijk {}", dutch_date(deadline)));
    }
    if p.commitment_overdue {
        s.push_str(" (termijn voorbij)");
    }
    s
}

fn terminal(s: &Status) -> String {
    let mut out = String::new();
    if s.rounds.is_empty() {
        out.push_str("Er zijn nog geen rondes vastgelegd.\n");
        return out;
    }
    for r in &s.rounds {
        let year = r.year.map_or_else(String::new, |y| format!("{y} "));
        let _ = writeln!(
            out,
            "Ronde {year}— advies van {}: {}",
            shown(&date(&r.date)),
            shown(&r.subject)
        );
        let _ = writeln!(out, "  {}", shown(&response_line(r)));
        if r.points.is_empty() {
            out.push_str("  (geen adviespunten vastgelegd)\n");
        }
        for p in &r.points {
            let _ = writeln!(
                out,
                "  • {}: {} — {}",
                shown(&p.id),
                shown(&p.text),
                shown(&verdict_text(p))
            );
            if let Some(note) = &p.note {
                let _ = writeln!(out, "    toelichting: {}", shown(note));
            }
        }
        out.push('\n');
    }
    let open: Vec<_> = s.open_commitments().collect();
    if open.is_empty() {
        out.push_str("Geen openstaande toezeggingen.\n");
    } else {
        out.push_str("Toezeggingen:\n");
        for (r, p) in open {
            let year = r.year.map_or_else(String::new, |y| format!(" ({y})"));
            let _ = writeln!(
                out,
                "  • {}{year}: {}",
                shown(&p.id),
                shown(&verdict_text(p))
            );
        }
    }
    let _ = writeln!(
        out,
        "\nStand van {}; reactietermijn {} weken.",
        dutch_date(&s.today),
        s.response_weeks
    );
    out
}

/// Manifest text on the terminal: control characters shown, not executed.
fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    crate::text::terminal::visible(s)
}

fn cell(s: &str) -> String {
    crate::render::escape::markdown(s)
}

fn markdown(s: &Status) -> String {
    let mut out = String::from("## Stand van de adviezen\n\n");
    if s.rounds.is_empty() {
        out.push_str("Er zijn nog geen rondes vastgelegd.\n");
        return out;
    }
    for r in &s.rounds {
        let year = r.year.map_or_else(String::new, |y| format!("{y}: "));
        let _ = writeln!(out, "### {year}{}\n", cell(&r.subject));
        let _ = writeln!(
            out,
            "Advies van {}; {}.\n",
            cell(&date(&r.date)),
            cell(&response_line(r))
        );
        if r.points.is_empty() {
            out.push_str("Geen adviespunten vastgelegd.\n\n");
            continue;
        }
        out.push_str("| Adviespunt | Oordeel | Toelichting |\n|---|---|---|\n");
        for p in &r.points {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&p.text),
                cell(&verdict_text(p)),
                cell(p.note.as_deref().unwrap_or(""))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Stand van {}; reactietermijn {} weken.",
        dutch_date(&s.today),
        s.response_weeks
    );
    out
}
