//! `kwaliteit fmt`: every file in one canonical form, or with `--check` the list of
//! files that are not. Files with errors are left alone; writing is atomic.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{open, shown_under, write_stdout};
use crate::cli::FmtArgs;
use crate::error::Error;
use crate::exit;
use crate::model::finding::{Rule, Severity};
use crate::write::write_atomically;

/// Whether a file on disk is in the canonical form; CRLF line ends count as LF, since
/// git with `core.autocrlf=true` (the default of Git for Windows) checks files out so.
fn same_form(bytes: &[u8], canonical: &str) -> bool {
    if bytes == canonical.as_bytes() {
        return true;
    }
    // Without a CR there is nothing to read as LF: most files, and each file of a
    // repository that is not in the form would otherwise be copied to find that out.
    if memchr::memchr(b'\r', bytes).is_none() {
        return false;
    }
    let mut lf = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    let crlf = memchr::memmem::Finder::new(b"\r\n");
    while let Some(i) = crlf.find(rest) {
        lf.extend_from_slice(&rest[..i]);
        lf.push(b'\n');
        rest = &rest[i + 2..];
    }
    lf.extend_from_slice(rest);
    lf.len() != bytes.len() && lf == canonical.as_bytes()
}

pub fn run(start: &Path, args: &FmtArgs) -> Result<u8, Error> {
    let checked = open(start, None)?;
    // Looked up per file: sets and maps, so 10,000 files cost no 10,000² comparisons.
    // A file the loader skipped (`unexpected-file`, a warning) is left alone too.
    let with_errors: HashSet<&str> = checked
        .loaded
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error || crate::fmt::leaves_alone(f.rule))
        .map(|f| f.path.as_str())
        .collect();
    let on_disk: HashMap<&str, &[u8]> = checked
        .snapshot
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let all_texts = &checked.loaded.manifest.texts;
    let texts: Vec<(&String, &String)> = all_texts.iter().map(|(p, t)| (p, &**t)).collect();
    // Only files without such findings are formatted, so none has syntax problems. Each file
    // on its own: the machine's cores share them, and the results keep their order.
    let canonical = |(path, text): &(&String, &String)| {
        if with_errors.contains(path.as_str()) {
            None
        } else if args.check {
            // One pass tells as well as all whether a file is in the form.
            crate::fmt::formatted_once_of_readable(path, text)
        } else {
            crate::fmt::canonical_of_readable(path, text)
        }
    };
    // In small runs handed out as the cores are free: files differ in work (a principle
    // has more text than a case), so halves would leave one core waiting.
    let runs = crate::parallel::while_producing(
        |give| {
            texts.chunks(64).for_each(|run| give(run.to_vec()));
            Ok::<(), std::convert::Infallible>(())
        },
        |run| run.iter().map(canonical).collect::<Vec<_>>(),
    );
    let formatted: Vec<Option<String>> = match runs {
        Ok(runs) => runs.into_iter().flat_map(|(_, of_run)| of_run).collect(),
        Err(never) => match never {},
    };
    let mut changed = Vec::new();
    let mut skipped = Vec::new();
    for ((path, _), canonical) in texts.iter().zip(&formatted) {
        let Some(canonical) = canonical else {
            skipped.push(path.as_str());
            continue;
        };
        // Compare with the bytes on disk: the loader's text has no BOM.
        if on_disk
            .get(path.as_str())
            .is_some_and(|bytes| same_form(bytes, canonical))
        {
            continue;
        }
        if !args.check {
            write_atomically(&checked.root.join(path), canonical.as_bytes())?;
        }
        changed.push(path.as_str());
    }
    let mut out = String::new();
    let verb = if args.check {
        "Niet in de vaste vorm"
    } else {
        "Opgemaakt"
    };
    let shown = shown_under(&checked.root);
    for path in &changed {
        for part in [verb, ": ", &shown(path), "\n"] {
            out.push_str(part);
        }
    }
    // Files the loader skips get their own reason: they have no errors to solve.
    let not_markdown: HashSet<&str> = checked
        .loaded
        .findings
        .iter()
        .filter(|f| f.rule == Rule::UnexpectedFile)
        .map(|f| f.path.as_str())
        .collect();
    for path in &skipped {
        let reason = if not_markdown.contains(path) {
            "geen Markdown-bestand, `kwaliteit` leest het niet"
        } else {
            "eerst de fouten oplossen, zie `kwaliteit check`"
        };
        out.push_str(&format!("Overgeslagen ({reason}): {path}\n"));
    }
    if changed.is_empty() {
        out.push_str(&format!(
            "Alle {} bestanden staan in de vaste vorm.\n",
            checked.loaded.manifest.texts.len() - skipped.len()
        ));
    } else if args.check {
        out.push_str("Maak ze op met `kwaliteit fmt`.\n");
    }
    write_stdout(out.as_bytes())?;
    let code = if args.check && !changed.is_empty() {
        exit::FINDINGS
    } else {
        exit::OK
    };
    // The process ends next: the system takes the memory back at once, faster than
    // freeing the model of a large manifest, and the formatted texts, piece by piece.
    drop(shown);
    std::mem::forget((checked, formatted));
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::same_form;

    #[test]
    fn crlf_and_lf_are_the_same_form() {
        assert!(same_form(b"a: 1\n---\nx\n", "a: 1\n---\nx\n"));
        assert!(same_form(b"a: 1\r\n---\r\nx\r\n", "a: 1\n---\nx\n"));
        assert!(!same_form(b"a: 2\r\n", "a: 1\n"));
        assert!(!same_form(b"a: 1\r", "a: 1\n"));
        assert!(!same_form(b"a: 2\n", "a: 1\n"));
        // Only a CR before an LF is read away.
        assert!(same_form(b"a\r\r\nb\r\n", "a\r\nb\n"));
        assert!(!same_form(b"a\r\r\nb\r\n", "a\nb\n"));
    }
}
