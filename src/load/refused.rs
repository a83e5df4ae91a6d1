//! Paths the source did not read (symbolic links, special files, a folder where a
//! file belongs) become findings, and the model knows what it is missing.

use super::{Loaded, mark_incomplete};
use crate::model::finding::{Finding, Pos, Rule};
use crate::model::{CASES_DIR, MANIFEST_FILE, ROUNDS_DIR};
use crate::source::{Refusal, RefusalKind};

/// Add a finding for each refused path; other checks stay quiet about what it held.
pub fn add(loaded: &mut Loaded, refused: &[Refusal]) {
    for r in refused {
        let path = r.path.as_str();
        let (rule, message, help) = match r.kind {
            RefusalKind::Symlink => (
                Rule::Symlink,
                format!("`{path}` is een symbolische link; die wordt niet gevolgd en niet gelezen"),
                "zet het bestand zelf in de repository in plaats van een link ernaar".to_string(),
            ),
            RefusalKind::Special => (
                Rule::NotAFile,
                format!(
                    "`{path}` is geen gewoon bestand (maar een FIFO, socket of apparaat) en wordt niet gelezen"
                ),
                "verwijder het, of zet het buiten de mappen van het manifest".to_string(),
            ),
            RefusalKind::FolderNotFile => (
                Rule::NotAFile,
                format!("`{path}` is een map, maar op deze plaats hoort een bestand"),
                "geef de map een andere naam of verwijder hem".to_string(),
            ),
            RefusalKind::FileNotFolder => (
                Rule::NotAFile,
                format!("`{path}` is een bestand, maar op deze plaats hoort een map"),
                format!("verplaats het bestand en maak een map `{path}`"),
            ),
        };
        loaded
            .findings
            .push(Finding::new(rule, path, Pos::START, message).help(help));
        let incomplete = &mut loaded.manifest.incomplete;
        match path {
            "manifest" | MANIFEST_FILE => incomplete.identity = true,
            CASES_DIR => incomplete.cases = true,
            ROUNDS_DIR => incomplete.rounds = true,
            _ => mark_incomplete(incomplete, path),
        }
    }
}
