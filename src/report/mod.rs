//! Printing findings. One file per format, each behind [`FindingsFormat`]; to add a
//! format, add a file, a variant of [`Format`] and its arm in [`Format::formatter`].

mod github;
mod human;
mod json;
mod sarif;

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

use crate::model::finding::{Finding, Severity};
use crate::text::LineIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Leesbaar, met de regel uit het bestand en een markering
    // `terminal` as in diff, status and matrix; `human` of earlier versions stays accepted.
    #[value(name = "terminal", alias = "human")]
    Human,
    /// JSON, voor andere programma's (vorm beschreven in de README)
    Json,
    /// Regels `::error file=…` voor annotaties in GitHub Actions
    Github,
    /// SARIF 2.1.0, voor code-scanning-overzichten
    Sarif,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
}

impl Summary {
    pub fn of(findings: &[Finding], files: usize) -> Self {
        // A summary of repeats counts as all the findings it stands for.
        let count = |severity: Severity| {
            findings
                .iter()
                .filter(|f| f.severity == severity)
                .map(|f| f.stands_for)
                .sum()
        };
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            files,
        }
    }
}

/// Lines up to this many bytes are quoted whole; of a longer one only the part around
/// the finding, so that quoting costs the same on a line of megabytes.
const WHOLE_LINE: usize = 512;
/// Characters kept on each side of the marked text when a line is cut.
const CONTEXT: usize = 40;
/// Characters of the marked text kept when a line is cut.
const MARKED: usize = 80;

/// Fill in the quoted source line of each finding from the files' texts: one line
/// index per file, and a long line cut to the part around the finding.
pub fn attach_source_lines(
    findings: &mut [Finding],
    texts: &BTreeMap<String, std::sync::Arc<String>>,
) {
    let mut indexes: HashMap<&str, LineIndex> = HashMap::new();
    for f in findings {
        if f.source_line.is_some() {
            continue;
        }
        let Some((path, text)) = texts.get_key_value(&f.path) else {
            continue;
        };
        let index = indexes
            .entry(path.as_str())
            .or_insert_with(|| LineIndex::new(text));
        let Some(line) = index.line(f.pos.line) else {
            continue;
        };
        if line.len() <= WHOLE_LINE {
            f.source_line = Some(line.to_string());
            continue;
        }
        let (Some(start), Some(end), Some(line_start)) = (
            index.offset(f.pos.line, first_shown(f.pos.column)),
            index.offset(f.pos.line, f.pos.column + f.width.min(MARKED) + CONTEXT),
            index.offset(f.pos.line, 1),
        ) else {
            continue;
        };
        let (start, end) = (start - line_start, end - line_start);
        let mut excerpt = String::with_capacity(end - start);
        let mut kept = line[start..end].chars();
        if start > 0 {
            // `...` stands in the place of the first three characters, so the columns
            // of the excerpt stay those of the line.
            excerpt.push_str("...");
            kept.by_ref().take(3).for_each(drop);
        }
        excerpt.extend(kept);
        if end < line.len() {
            excerpt.truncate(excerpt.char_indices().rev().nth(2).map_or(0, |(i, _)| i));
            excerpt.push_str("...");
        }
        f.source_line = Some(excerpt);
        f.source_column = first_shown(f.pos.column);
    }
}

/// The first column shown of a cut line: `CONTEXT` characters before the finding, and
/// at least 4 more than the start (room for `...`), else the start of the line.
fn first_shown(column: usize) -> usize {
    match column.saturating_sub(CONTEXT) {
        first if first > 4 => first,
        _ => 1,
    }
}

/// One way of printing findings.
pub trait FindingsFormat {
    fn format(&self, findings: &[Finding], summary: Summary) -> String;
}

impl Format {
    pub fn formatter(self, color: bool) -> Box<dyn FindingsFormat> {
        match self {
            Format::Human => Box::new(human::Human { color }),
            Format::Json => Box::new(json::Json),
            Format::Github => Box::new(github::Github),
            Format::Sarif => Box::new(sarif::Sarif),
        }
    }
}

pub fn render(format: Format, findings: &[Finding], summary: Summary, color: bool) -> String {
    format.formatter(color).format(findings, summary)
}

/// Whether a finding's path names one of the repository's folders (possibly below a
/// prefix such as `raad/`), not a file.
fn is_folder(path: &str) -> bool {
    use crate::model::{CASES_DIR, PRINCIPLES_DIR, ROUNDS_DIR, TEMPLATES_DIR};
    [PRINCIPLES_DIR, ROUNDS_DIR, CASES_DIR, TEMPLATES_DIR]
        .iter()
        .any(|dir| path == *dir || path.strip_suffix(dir).is_some_and(|p| p.ends_with('/')))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", crate::text::thousands(n))
}

pub(crate) fn summary_line(s: Summary) -> String {
    let files = plural(s.files, "bestand", "bestanden");
    match (s.errors, s.warnings) {
        (0, 0) => format!("Geen problemen gevonden in {files}."),
        (e, w) => format!(
            "{} en {} in {files}.",
            plural(e, "fout", "fouten"),
            plural(w, "waarschuwing", "waarschuwingen")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::{Pos, Rule};

    fn sample() -> Vec<Finding> {
        let mut f = Finding::new(
            Rule::UnknownKey,
            "cases/a,b.md",
            Pos::new(3, 1),
            "onbekende sleutel `tittel`",
        )
        .width(5)
        .help("bedoelde u `titel`?");
        f.source_line = Some("titel: Iets".into());
        vec![f]
    }

    #[test]
    fn human_shows_the_line_and_marks_the_key() {
        let out = render(Format::Human, &sample(), Summary::of(&sample(), 2), false);
        assert!(
            out.contains("fout[unknown-key]: onbekende sleutel `tittel`"),
            "{out}"
        );
        assert!(out.contains("cases/a,b.md:3:1"), "{out}");
        assert!(out.contains("3 | titel: Iets"), "{out}");
        assert!(out.contains("^^^^^"), "{out}");
        assert!(out.contains("hulp: bedoelde u `titel`?"), "{out}");
        assert!(
            out.ends_with("1 fout en 0 waarschuwingen in 2 bestanden.\n"),
            "{out}"
        );
    }

    #[test]
    fn a_long_line_is_quoted_around_the_finding_at_its_true_column() {
        // 2,000 characters, non-ASCII among them, and the finding near the middle.
        let line = format!("{}TITTEL{}", "é ".repeat(500), "ab".repeat(497));
        let texts = BTreeMap::from([(
            "cases/a.md".to_string(),
            format!("kop\n{line}\nstaart\n").into(),
        )]);
        let mut f = Finding::new(Rule::UnknownKey, "cases/a.md", Pos::new(2, 1001), "x").width(6);
        let mut short = Finding::new(Rule::UnknownKey, "cases/a.md", Pos::new(1, 2), "y");
        let mut start = Finding::new(Rule::UnknownKey, "cases/a.md", Pos::new(2, 3), "z");
        let mut all = [f.clone(), short.clone(), start.clone()];
        attach_source_lines(&mut all, &texts);
        [f, short, start] = all;
        let quoted = f.source_line.clone().unwrap();
        assert_eq!(f.source_column, 1001 - CONTEXT);
        assert!(
            quoted.starts_with("...") && quoted.ends_with("..."),
            "{quoted}"
        );
        assert_eq!(quoted.chars().count(), CONTEXT + 6 + CONTEXT);
        let marked: String = quoted
            .chars()
            .skip(1001 - f.source_column)
            .take(6)
            .collect();
        assert_eq!(marked, "TITTEL");
        assert_eq!(
            (short.source_line.as_deref(), short.source_column),
            (Some("kop"), 1)
        );
        assert_eq!(start.source_column, 1);
        assert!(start.source_line.as_deref().unwrap().starts_with("é é "));

        let out = render(
            Format::Human,
            std::slice::from_ref(&f),
            Summary::of(&[], 1),
            false,
        );
        assert!(out.contains(" --> cases/a.md:2:1001\n"), "{out}");
        assert!(!out.contains(":::"), "{out}");
        let colored = render(
            Format::Human,
            std::slice::from_ref(&f),
            Summary::of(&[], 1),
            true,
        );
        assert!(colored.contains("cases/a.md:2:1001"), "{colored}");
        let quoted_row = out.lines().find(|l| l.starts_with("2 | ")).unwrap();
        let marker_row = out.lines().find(|l| l.contains('^')).unwrap();
        let column_of = |row: &str, what: &str| row[..row.find(what).unwrap()].chars().count();
        assert_eq!(
            column_of(quoted_row, "TITTEL"),
            column_of(marker_row, "^^^^^^")
        );
        assert!(!marker_row.contains("^^^^^^^"), "{out}");
    }

    #[test]
    fn json_is_valid_and_stable() {
        let out = render(Format::Json, &sample(), Summary::of(&sample(), 2), false);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["summary"]["errors"], 1);
        assert_eq!(v["findings"][0]["code"], "unknown-key");
        assert_eq!(v["findings"][0]["line"], 3);
        assert_eq!(v["findings"][0]["severity"], "error");
    }

    #[test]
    fn sarif_has_one_result_per_finding_with_its_rule() {
        let out = render(Format::Sarif, &sample(), Summary::of(&sample(), 2), false);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(run["results"].as_array().unwrap().len(), 1);
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "unknown-key");
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "unknown-key");
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (region["startLine"].as_u64(), region["endColumn"].as_u64()),
            (Some(3), Some(6))
        );
    }

    #[test]
    fn sarif_uris_are_percent_encoded() {
        use super::sarif::uri_path;
        assert_eq!(uri_path("cases/a-b_c.d~e.md"), "cases/a-b_c.d~e.md");
        assert_eq!(uri_path("Notulen 2024.docx"), "Notulen%202024.docx");
        assert_eq!(uri_path("cases/100%.md"), "cases/100%25.md");
        assert_eq!(uri_path("cases/a#b?.md"), "cases/a%23b%3F.md");
        assert_eq!(uri_path("cases/één.md"), "cases/%C3%A9%C3%A9n.md");
        let mut f = sample();
        f[0].path = "raad/cases/mevrouw de Vries #2.md".into();
        let out = render(Format::Sarif, &f, Summary::of(&f, 1), false);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let uri = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"];
        assert_eq!(uri, "raad/cases/mevrouw%20de%20Vries%20%232.md");
    }

    #[test]
    fn folder_findings_have_no_region_or_line() {
        let mut f = sample();
        f[0].path = "raad/manifest/rounds".into();
        let out = render(Format::Sarif, &f, Summary::of(&f, 1), false);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let physical = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert!(physical.get("region").is_none(), "{physical}");
        let annotations = render(Format::Github, &f, Summary::of(&f, 1), false);
        assert!(
            annotations.starts_with("::error file=raad/manifest/rounds,title="),
            "{annotations}"
        );
        assert!(!is_folder("manifest/rounds/2015.md") && !is_folder("xmanifest/rounds"));
    }

    #[test]
    fn github_escapes_properties_and_data() {
        let out = render(Format::Github, &sample(), Summary::of(&sample(), 2), false);
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            "::error file=cases/a%2Cb.md,line=3,col=1,title=unknown-key::onbekende sleutel `tittel`%0Ahulp: bedoelde u `titel`?"
        );
    }
}
