//! Printing findings: for people (rustc-style), for programs (JSON), for GitHub annotations.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use serde::Serialize;

use crate::model::finding::{Finding, Severity};
use crate::text::line_text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Leesbaar, met de regel uit het bestand en een markering
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

pub fn render(format: Format, findings: &[Finding], summary: Summary, color: bool) -> String {
    match format {
        Format::Human => human(findings, summary, color),
        Format::Json => json(findings, summary),
        Format::Github => github(findings, summary),
        Format::Sarif => sarif(findings),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary_line(s: Summary) -> String {
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

fn human(findings: &[Finding], summary: Summary, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Error => Level::ERROR.with_name("fout"),
            Severity::Warning => Level::WARNING.with_name("waarschuwing"),
        };
        let title = level.primary_title(f.message.as_str()).id(f.rule.code());
        let snippet = match &f.source_line {
            Some(line) => {
                let start = byte_at_column(line, f.pos.column);
                let end = byte_at_column(line, f.pos.column + f.width).max(start);
                Some(
                    Snippet::source(line.as_str())
                        .line_start(f.pos.line)
                        .path(f.path.as_str())
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )
            }
            None => None,
        };
        let mut group = match snippet {
            Some(s) => title.element(s),
            None => title.element(
                Level::NOTE
                    .with_name("plaats")
                    .message(format!("{}:{}:{}", f.path, f.pos.line, f.pos.column)),
            ),
        };
        if let Some(help) = &f.help {
            group = group.element(Level::HELP.with_name("hulp").message(help.as_str()));
        }
        let _ = writeln!(out, "{}\n", renderer.render(&[group]));
    }
    out.push_str(&summary_line(summary));
    out.push('\n');
    out
}

/// Byte offset of a 1-based character column; past the end gives the line's length.
fn byte_at_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

/// The JSON shape is part of the interface (see README): add fields, never rename them.
#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: Severity,
    code: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

fn json(findings: &[Finding], summary: Summary) -> String {
    let report = JsonReport {
        version: 1,
        summary,
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                severity: f.severity,
                code: f.rule.code(),
                path: &f.path,
                line: f.pos.line,
                column: f.pos.column,
                message: &f.message,
                help: f.help.as_deref(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// GitHub workflow commands: one annotation per finding, then a plain summary.
fn github(findings: &[Finding], summary: Summary) -> String {
    let mut out = String::new();
    for f in findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhulp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{kind} file={},line={},col={},title={}::{}",
            escape_property(&f.path),
            f.pos.line,
            f.pos.column,
            escape_property(f.rule.code()),
            escape_data(&message)
        );
    }
    out.push_str(&summary_line(summary));
    out.push('\n');
    out
}

/// SARIF 2.1.0: one rule per code (with its Dutch summary), one result per finding.
fn sarif(findings: &[Finding]) -> String {
    use crate::model::finding::Rule;
    let rules: Vec<serde_json::Value> = Rule::ALL
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.code(),
                "shortDescription": { "text": r.summary() },
                "defaultConfiguration": { "level": sarif_level(r.severity()) },
                "help": { "text": format!("{} (zie de README, `What check reports`)", r.summary()) },
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str("\nhulp: ");
                message.push_str(help);
            }
            serde_json::json!({
                "ruleId": f.rule.code(),
                "ruleIndex": Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0),
                "level": sarif_level(f.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.path, "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": f.pos.line,
                            "startColumn": f.pos.column,
                            "endColumn": f.pos.column + f.width,
                        }
                    }
                }],
            })
        })
        .collect();
    let log = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "kwaliteit",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "language": "nl-NL",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
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
            "onbekende sleutel `titel`",
        )
        .width(5)
        .help("bedoelde u `title`?");
        f.source_line = Some("titel: Iets".into());
        vec![f]
    }

    #[test]
    fn human_shows_the_line_and_marks_the_key() {
        let out = render(Format::Human, &sample(), Summary::of(&sample(), 2), false);
        assert!(
            out.contains("fout[unknown-key]: onbekende sleutel `titel`"),
            "{out}"
        );
        assert!(out.contains("cases/a,b.md:3:1"), "{out}");
        assert!(out.contains("3 | titel: Iets"), "{out}");
        assert!(out.contains("^^^^^"), "{out}");
        assert!(out.contains("hulp: bedoelde u `title`?"), "{out}");
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
    fn github_escapes_properties_and_data() {
        let out = render(Format::Github, &sample(), Summary::of(&sample(), 2), false);
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            "::error file=cases/a%2Cb.md,line=3,col=1,title=unknown-key::onbekende sleutel `titel`%0Ahulp: bedoelde u `title`?"
        );
    }
}
