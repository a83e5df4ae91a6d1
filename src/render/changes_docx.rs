//! Who and when for the diff's Word redline (`docx::redline` writes it).

use crate::model::Manifest;

/// Who and when for the diff's Word file, from the newer manifest: the council
/// writes it (its short name as the author of the tracked changes); created on
/// its latest round's date.
pub struct Author {
    pub council: String,
    pub short: String,
    pub created: String,
}

impl Author {
    pub fn of(m: &Manifest) -> Author {
        let council = m.identity.council.clone();
        Author {
            short: m
                .identity
                .council_short
                .clone()
                .unwrap_or_else(|| council.clone()),
            created: super::docx::created(
                m.rounds
                    .iter()
                    .rev()
                    .find_map(|r| r.date.as_deref())
                    .and_then(crate::text::date::days)
                    .map(crate::text::date::iso),
            ),
            council,
        }
    }
}
