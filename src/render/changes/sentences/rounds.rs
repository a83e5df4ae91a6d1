//! The sentences about advice rounds: the letters, their advice points and the
//! college's response.

use super::quoted;
use crate::analysis::diff::{AdvicePointChange, ResponseChange, RoundChange, VerdictState};
use crate::analysis::redline::Redline;
use crate::text::date::dutch_date;

/// What a field of a letter is, by its key in the round file.
fn letter_field(field: &str) -> &str {
    match field {
        "datum" => "de datum",
        "aan" => "de geadresseerde",
        "betreft" => "het onderwerp",
        "aanhef" => "de aanhef",
        "slot" => "de afsluiting",
        "ondertekening" => "de ondertekening",
        "geraadpleegd" => "met wie is overlegd",
        "kenmerk" => "het kenmerk",
        "contactpersoon" => "de contactpersoon",
        "bijlagen" => "de bijlagen",
        other => other,
    }
}

pub(super) fn round(c: &RoundChange) -> (String, Option<&Redline>) {
    match c {
        RoundChange::Added { year } => (format!("De brief van {year} is toegevoegd."), None),
        RoundChange::Removed { year } => (format!("De brief van {year} is weggehaald."), None),
        RoundChange::Letter {
            year,
            field,
            redline,
        } if field == "brief" => (
            format!("De tekst van de brief van {year} is aangepast."),
            Some(redline),
        ),
        RoundChange::Letter {
            year,
            field,
            redline,
        } if field == "datum" => {
            let r = Redline::between(
                &dutch_date(&redline.old_text()),
                &dutch_date(&redline.new_text()),
            );
            let (sentence, _) = quoted(format!("De datum van de brief van {year}"), &r);
            (sentence, None)
        }
        RoundChange::Letter {
            year,
            field,
            redline,
        } => quoted(
            format!("In de brief van {year}: {}", letter_field(field)),
            redline,
        ),
    }
}

pub(super) fn advice_point(c: &AdvicePointChange) -> (String, Option<&Redline>) {
    match c {
        AdvicePointChange::Added { year, id, text } => (
            format!("In de brief van {year} staat een nieuw adviespunt ({id}): ‘{text}’"),
            None,
        ),
        AdvicePointChange::Removed { year, id, text } => (
            format!("Uit de brief van {year} is het adviespunt {id} weggehaald: ‘{text}’"),
            None,
        ),
        AdvicePointChange::Changed { year, id, redline } => quoted(
            format!("Het adviespunt {id} in de brief van {year}"),
            redline,
        ),
    }
}

/// "toegezegd, uiterlijk 1 juni 2026"
pub fn verdict_label(v: &VerdictState) -> String {
    match &v.deadline {
        Some(d) => format!("{}, uiterlijk {}", v.verdict.label(), dutch_date(d)),
        None => v.verdict.label().to_string(),
    }
}

pub(super) fn response(c: &ResponseChange) -> (String, Option<&Redline>) {
    let sentence = match c {
        ResponseChange::Received { year, old, new } => match (old, new) {
            (None, Some(new)) => format!(
                "De reactie van het college op de brief van {year} is ontvangen op {}.",
                dutch_date(new)
            ),
            (Some(old), Some(new)) => format!(
                "De reactie van het college op de brief van {year} is ontvangen op {} (was {}).",
                dutch_date(new),
                dutch_date(old)
            ),
            _ => format!(
                "Bij de brief van {year} staat niet meer wanneer de reactie van het college binnenkwam."
            ),
        },
        ResponseChange::Verdict {
            year,
            point,
            old,
            new,
        } => match (old, new) {
            (None, Some(new)) => format!(
                "Het college heeft adviespunt {point} uit de brief van {year} {}.",
                verdict_label(new)
            ),
            (Some(old), Some(new)) => format!(
                "Het college heeft adviespunt {point} uit de brief van {year} nu {} (was: {}).",
                verdict_label(new),
                verdict_label(old)
            ),
            _ => format!(
                "Bij adviespunt {point} uit de brief van {year} staat geen oordeel van het college meer."
            ),
        },
        ResponseChange::Note {
            year,
            point,
            redline,
        } => {
            return quoted(
                format!(
                    "De toelichting van het college bij adviespunt {point} uit de brief van {year}"
                ),
                redline,
            );
        }
    };
    (sentence, None)
}
