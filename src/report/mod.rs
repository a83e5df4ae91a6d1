//! Printing findings. One file per format, each behind [`FindingsFormat`]; to add a
//! format, add a file, a variant of [`Format`] and its arm in [`Format::formatter`].

mod github;
mod human;
mod json;
mod sarif;

use serde::Serialize;
use std::collections::BTreeMap;

use crate::model::finding::{Finding, Severity};
use crate::text::line_text;

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
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        Summary {
            errors,
            warnings: findings.len() - errors,
            files,
        }
    }
}

/// Fill in the quoted source line of each finding from the files' texts.
pub fn attach_source_lines(findings: &mut [Finding], texts: &BTreeMap<String, String>) {
    for f in findings {
        if f.source_line.is_none() {
            f.source_line = texts
                .get(&f.path)
                .and_then(|t| line_text(t, f.pos.line))
                .map(str::to_string);
        }
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
    format!("{n} {}", if n == 1 { one } else { many })
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
