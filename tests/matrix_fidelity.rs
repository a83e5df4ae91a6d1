//! The matrix invents nothing: every responsibility cell of every principle carries the
//! seed's own words as a quote comment directly above it, and every quote occurs in the
//! seed's text for that principle (its short text, its Uitwerking or its "Uit de
//! praktijk" case), after the PDF's line and page breaks are joined.
//!
//! A quote is a comment line of the form `# "…"` between the previous cell (or the
//! `responsibilities:` line) and the cell it supports. Other comments may stand beside
//! the quotes; they are not checked.

use std::fs;
use std::path::{Path, PathBuf};

/// Keys under which a principle keeps its cells: the current one and its Dutch name.
const CELL_KEYS: [&str; 2] = ["responsibilities", "verantwoordelijkheden"];
/// Keys under which a principle keeps its title.
const TITLE_KEYS: [&str; 2] = ["title", "titel"];
/// Heading of the short manifest in the seed, and of the Uitwerking after it.
const MANIFEST_HEADING: &str = "Kwaliteitsmanifest Sociaal Domein";
const ELABORATION_HEADING: &str = "Uitwerking Kwaliteitsmanifest";
/// A quote of fewer words proves nothing about where a cell comes from.
const MIN_QUOTE_WORDS: usize = 3;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Joins lines and collapses every run of white space to one space.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One responsibility cell: its party, its line (1-based) and the quotes above it.
#[derive(Debug)]
struct Cell {
    actor: String,
    line: usize,
    quotes: Vec<String>,
}

/// The front matter of a Markdown file: the lines between the opening and closing `---`,
/// with their 1-based line numbers in the file.
fn front_matter(text: &str) -> Vec<(usize, &str)> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return Vec::new(),
    }
    lines
        .take_while(|(_, l)| l.trim_end() != "---")
        .map(|(i, l)| (i + 1, l))
        .collect()
}

/// The value of a top-level key in the front matter, unquoted.
fn top_level_value(front: &[(usize, &str)], keys: &[&str]) -> Option<String> {
    front.iter().find_map(|(_, l)| {
        let (key, value) = l.split_once(':')?;
        if !keys.contains(&key) {
            return None;
        }
        let v = value.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(v);
        Some(v.to_string())
    })
}

/// The text of a quote comment (`# "…"`), or None for any other line.
fn quote_of(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix('#')?.trim();
    let inner = rest.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.is_empty()).then_some(inner)
}

/// The cells of the responsibilities block, each with the quote comments that stand
/// between the previous cell (or the block's key) and itself.
fn cells(front: &[(usize, &str)]) -> Vec<Cell> {
    let mut out = Vec::new();
    let Some(start) = front.iter().position(|(_, l)| {
        l.split_once(':')
            .is_some_and(|(key, _)| CELL_KEYS.contains(&key))
    }) else {
        return out;
    };
    let mut cell_indent: Option<usize> = None;
    let mut pending: Vec<String> = Vec::new();
    for &(line, text) in &front[start + 1..] {
        let trimmed = text.trim_start();
        let indent = text.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('#') {
            if let Some(q) = quote_of(text) {
                pending.push(q.to_string());
            }
            continue;
        }
        if indent == 0 {
            break;
        }
        if *cell_indent.get_or_insert(indent) != indent {
            // A continuation of a value spread over several lines.
            continue;
        }
        let actor = trimmed
            .split_once(':')
            .map_or(trimmed, |(k, _)| k)
            .trim()
            .to_string();
        out.push(Cell {
            actor,
            line,
            quotes: std::mem::take(&mut pending),
        });
    }
    out
}

/// The seed's text for one principle: its short text in the manifest and its section
/// of the Uitwerking (short text again, elaboration and case), each normalised, with a
/// separator no quote can span.
fn seed_for(seed: &str, title: &str, titles: &[String]) -> Option<String> {
    let lines: Vec<&str> = seed.lines().collect();
    let heading = |l: &str| l.trim() == MANIFEST_HEADING || l.trim() == ELABORATION_HEADING;
    let is_title = |l: &str| titles.iter().any(|t| t == l.trim());
    let manifest = lines.iter().position(|l| l.trim() == MANIFEST_HEADING)?;
    let mut parts = Vec::new();
    let mut i = manifest;
    while i < lines.len() {
        if lines[i].trim() == title {
            let end = (i + 1..lines.len())
                .find(|&j| is_title(lines[j]) || heading(lines[j]))
                .unwrap_or(lines.len());
            parts.push(normalise(&lines[i + 1..end].join("\n")));
            i = end;
        } else {
            i += 1;
        }
    }
    (!parts.is_empty()).then(|| parts.join(" ¶ "))
}

/// What is wrong with one principle file's cells, as readable lines.
fn problems(path: &str, text: &str, seed: &str, titles: &[String]) -> Vec<String> {
    let front = front_matter(text);
    let Some(title) = top_level_value(&front, &TITLE_KEYS) else {
        return vec![format!("{path}: no title found")];
    };
    let Some(source) = seed_for(seed, &title, titles) else {
        return vec![format!(
            "{path}: the title `{title}` is not a heading of the seed"
        )];
    };
    let mut out = Vec::new();
    for cell in cells(&front) {
        if cell.quotes.is_empty() {
            out.push(format!(
                "{path}:{}: the cell `{}` has no quote of the seed above it",
                cell.line, cell.actor
            ));
        }
        for q in &cell.quotes {
            let q = normalise(q);
            if q.split(' ').count() < MIN_QUOTE_WORDS {
                out.push(format!(
                    "{path}:{}: the quote \"{q}\" for `{}` is too short to show anything",
                    cell.line, cell.actor
                ));
            } else if !source.contains(&q) {
                out.push(format!(
                    "{path}:{}: the quote \"{q}\" for `{}` is not in the seed under `{title}`",
                    cell.line, cell.actor
                ));
            }
        }
    }
    out
}

fn seed() -> String {
    fs::read_to_string(root().join("tests/seed/almere-2015.txt")).unwrap()
}

fn principle_files() -> Vec<PathBuf> {
    let dir = root().join("manifest/principles");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

fn titles(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .filter_map(|f| {
            let text = fs::read_to_string(f).unwrap();
            top_level_value(&front_matter(&text), &TITLE_KEYS)
        })
        .collect()
}

fn relative(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

#[test]
fn every_matrix_cell_quotes_the_seed_for_its_principle() {
    let seed = seed();
    let files = principle_files();
    assert_eq!(files.len(), 7, "the Almere manifest has seven principles");
    let titles = titles(&files);
    let mut all = Vec::new();
    let mut cells_seen = 0;
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        cells_seen += cells(&front_matter(&text)).len();
        all.extend(problems(&relative(f), &text, &seed, &titles));
    }
    assert!(
        cells_seen >= 14,
        "only {cells_seen} cells found: is the parser broken?"
    );
    assert!(all.is_empty(), "\n{}\n", all.join("\n"));
}

#[test]
fn the_seed_copy_is_the_almere_letter_manifest_and_elaboration() {
    let seed = normalise(&seed());
    for marker in [
        "Betreft Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van Kwaliteitsbeleid",
        MANIFEST_HEADING,
        ELABORATION_HEADING,
        "om de Almeerse samenleving hechter te maken.",
    ] {
        assert!(seed.contains(marker), "{marker}");
    }
}

// The matcher itself, on made-up files, so a broken parser cannot pass silently.

const TITLES: [&str; 2] = [
    "Inspireren en instrueren",
    "Zorg dat kwaliteitsmanagement leeft",
];

fn titles_for_tests() -> Vec<String> {
    TITLES.iter().map(|t| t.to_string()).collect()
}

fn file(cells: &str) -> String {
    format!(
        "---\nid: x\ntitel: Inspireren en instrueren\nvolgorde: 6\n# over het bestand\nverantwoordelijkheden:\n{cells}---\nKort.\n"
    )
}

#[test]
fn quotes_across_the_pdf_page_breaks_match() {
    let text = file(concat!(
        "  # \"zorgen voor een goede match en inrichten van werkprocessen\"\n",
        "  # \"vertrouwen om met creatieve oplossingen te komen\"\n",
        "  management: ruimte en vertrouwen\n",
    ));
    assert_eq!(
        problems("x.md", &text, &seed(), &titles_for_tests()),
        Vec::<String>::new()
    );
    // The third repaired break belongs to "De basis op orde".
    let basis = seed_for(&seed(), "De basis op orde", &["De basis op orde".into()]).unwrap();
    assert!(basis.contains("aanbieders moeten zich houden aan de specifiek"));
}

#[test]
fn an_altered_quote_fails() {
    let text = file(concat!(
        "  # \"Het gaat om het tonen van eigen verantwoordelijkheid en persoonlijk leiderschap.\"\n",
        "  # \"hebben de medewerkers ruimte nodig van het bestuur om eigen inzichten te uiten\"\n",
        "  management: ruimte geven\n",
    ));
    let found = problems("x.md", &text, &seed(), &titles_for_tests());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("van het bestuur"), "{found:?}");
}

#[test]
fn a_quote_from_another_principle_fails() {
    // This sentence is in the seed, but under "Zorg dat kwaliteitsmanagement leeft".
    let text = file(concat!(
        "  # \"Het gemeentebestuur als toezichthouder zorgt daarnaast voor een toezichtskader\"\n",
        "  gemeente: toezichtskader\n",
    ));
    let found = problems("x.md", &text, &seed(), &titles_for_tests());
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_cell_without_a_quote_fails_even_after_a_quoted_one() {
    let text = file(concat!(
        "  # \"Het gaat om het tonen van eigen verantwoordelijkheid en persoonlijk leiderschap.\"\n",
        "  professionals: eigen verantwoordelijkheid tonen\n",
        "  # een toelichting, geen citaat\n",
        "  management: iets wat de bron niet zegt\n",
    ));
    let found = problems("x.md", &text, &seed(), &titles_for_tests());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`management`"), "{found:?}");
    assert!(found[0].contains("x.md:10:"), "{found:?}");
}

#[test]
fn a_quote_of_one_or_two_words_proves_nothing() {
    let text = file("  # \"het management\"\n  management: alles\n");
    let found = problems("x.md", &text, &seed(), &titles_for_tests());
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_dutch_key_and_quoted_values_are_read_too() {
    let text = "---\ntitel: \"Inspireren en instrueren\"\nverantwoordelijkheden:\n  # \"Het gaat om het tonen van eigen verantwoordelijkheid en persoonlijk leiderschap.\"\n  professionals: \"tonen: eigen verantwoordelijkheid\"\n  management: niets\nvolgorde: 6\n---\n";
    let found = problems("x.md", text, &seed(), &titles_for_tests());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`management`"), "{found:?}");
}
