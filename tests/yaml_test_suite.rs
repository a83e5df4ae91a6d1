//! Every case of the YAML test suite (https://github.com/yaml/yaml-test-suite), read as
//! `manifest.yaml` and as the front matter of a case: the reader never panics, a case
//! the suite calls an error gives a YAML finding inside the file, and a valid case gives
//! none, except the few differences listed in `KNOWN` with their reason.
//!
//! The data is fetched by `tools/yaml-test-suite` (CI runs it first); without it this
//! test says so and passes.

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use kwaliteit::load::load;
use kwaliteit::load::yaml::Problem;
use kwaliteit::model::finding::{Finding, Rule};
use kwaliteit::source::SourceFile;

/// Valid YAML that the reader rejects, or an error it accepts, by case id (`ID` or
/// `ID-n` for the n-th case of a file), with the reason. Keep it short.
const KNOWN: &[(&str, &str)] = &[
    (
        "565N",
        "binary data (`!!binary`) is refused: a front matter holds text",
    ),
    (
        "9C9N",
        "the parser accepts flow content that is not indented below its key",
    ),
    (
        "QB6E",
        "the parser accepts a quoted scalar whose lines are not indented below its key",
    ),
    (
        "DK95-1",
        "the parser accepts a tab before the continuation of a quoted scalar",
    ),
];

struct Case {
    id: String,
    yaml: String,
    fail: bool,
    /// The suite's event tree: more than one `+DOC` is a stream of several documents.
    documents: usize,
}

fn data_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    target.join("yaml-test-suite")
}

/// The cases, or `None` when the data has not been fetched.
fn cases() -> Option<Vec<Case>> {
    let dir = data_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable test file");
        // `export default { … }`: the object is JSON.
        let json = &text[text.find('{').expect("an object")..];
        let test: serde_json::Value = serde_json::from_str(json).expect("JSON object");
        let id = test["id"].as_str().expect("an id").to_string();
        let list = test["cases"].as_array().expect("a list of cases");
        for (n, case) in list.iter().enumerate() {
            let Some(yaml) = case["yaml"].as_str() else {
                continue;
            };
            cases.push(Case {
                id: if list.len() == 1 {
                    id.clone()
                } else {
                    format!("{id}-{n}")
                },
                yaml: yaml.to_string(),
                fail: case["fail"].as_bool().unwrap_or(false),
                documents: case["tree"].as_str().unwrap_or("").matches("+DOC").count(),
            });
        }
    }
    Some(cases)
}

/// A finding of the YAML reader that says the YAML is invalid.
fn is_yaml_finding(f: &Finding) -> bool {
    matches!(f.rule, Rule::YamlSyntax | Rule::DuplicateKey)
}

/// A finding of the YAML reader: invalid YAML, or valid YAML with a key that is not a
/// word (a list, a group, empty), which no front matter has.
fn is_reader_finding(f: &Finding) -> bool {
    is_yaml_finding(f) || (f.rule == Rule::WrongType && f.message == Problem::Key.message())
}

/// Lines a file has, counting the empty line after a final line break.
fn line_count(text: &str) -> usize {
    kwaliteit::text::line_breaks(text).count() + 1
}

/// The findings for one file, or the panic's message.
fn findings_for(path: &str, text: &str) -> Result<Vec<Finding>, String> {
    let files = [SourceFile {
        path: path.to_string(),
        bytes: text.as_bytes().to_vec(),
    }];
    catch_unwind(AssertUnwindSafe(|| load(&files).findings))
        .map(|all| all.into_iter().filter(|f| f.path == path).collect())
        .map_err(|e| {
            e.downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        })
}

/// A line that ends the front matter early, so the rest of the case becomes body.
fn has_fence_line(yaml: &str) -> bool {
    kwaliteit::text::lines_inclusive(yaml).any(|l| matches!(l.trim_end(), "---" | "..."))
}

#[test]
fn every_case_of_the_yaml_test_suite() {
    let Some(cases) = cases() else {
        println!(
            "yaml-test-suite overgeslagen: geen gegevens in {}; haal ze op met tools/yaml-test-suite",
            data_dir().display()
        );
        return;
    };
    assert!(cases.len() > 300, "only {} cases read", cases.len());
    let known: BTreeSet<&str> = KNOWN.iter().map(|(id, _)| *id).collect();
    let mut wrong = Vec::new();
    let mut differences = BTreeSet::new();
    let mut whole_front_matters = 0;
    for case in &cases {
        // Several documents in one file are refused on purpose.
        let expect_error = case.fail || case.documents > 1;
        // As manifest.yaml: the whole case is one YAML file.
        let manifest = "manifest/manifest.yaml";
        let lines = line_count(&case.yaml);
        match findings_for(manifest, &case.yaml) {
            Err(panic) => wrong.push(format!("{}: panic in manifest.yaml: {panic}", case.id)),
            Ok(findings) => {
                let yaml: Vec<_> = findings
                    .iter()
                    .filter(|f| {
                        if expect_error {
                            is_reader_finding(f)
                        } else {
                            is_yaml_finding(f)
                        }
                    })
                    .collect();
                for f in &findings {
                    if f.pos.line == 0 || f.pos.line > lines {
                        wrong.push(format!(
                            "{}: finding outside the file at line {}: {}",
                            case.id, f.pos.line, f.message
                        ));
                    }
                }
                if expect_error == yaml.is_empty() {
                    differences.insert(case.id.as_str());
                    if !known.contains(case.id.as_str()) {
                        wrong.push(format!(
                            "{}: {} as manifest.yaml, found {:?}\n{}",
                            case.id,
                            if expect_error { "error" } else { "valid" },
                            yaml.iter().map(|f| &f.message).collect::<Vec<_>>(),
                            case.yaml.escape_debug()
                        ));
                    }
                }
            }
        }
        // As the front matter of a case.
        let path = "cases/x.md";
        let text = format!("---\n{}---\nTekst.\n", case.yaml);
        let closing = line_count(&format!("---\n{}", case.yaml));
        match findings_for(path, &text) {
            Err(panic) => wrong.push(format!("{}: panic in front matter: {panic}", case.id)),
            Ok(findings) => {
                let yaml: Vec<_> = findings
                    .iter()
                    .filter(|f| {
                        if expect_error {
                            is_reader_finding(f)
                        } else {
                            is_yaml_finding(f)
                        }
                    })
                    .collect();
                for f in &findings {
                    if f.pos.line == 0 || f.pos.line > line_count(&text) {
                        wrong.push(format!(
                            "{}: finding outside the file at line {}: {}",
                            case.id, f.pos.line, f.message
                        ));
                    }
                }
                for f in &yaml {
                    if !(2..=closing).contains(&f.pos.line) {
                        wrong.push(format!(
                            "{}: YAML finding outside the front matter at line {}",
                            case.id, f.pos.line
                        ));
                    }
                }
                // A `---` line inside the case ends the front matter there: then
                // only the absence of panics and stray positions is asserted.
                let whole = !has_fence_line(&case.yaml)
                    && !case.yaml.ends_with(['\r'])
                    && case.yaml.ends_with('\n');
                whole_front_matters += usize::from(whole);
                if whole && expect_error == yaml.is_empty() && !known.contains(case.id.as_str()) {
                    differences.insert(case.id.as_str());
                    wrong.push(format!(
                        "{}: {} as front matter, found {:?}\n{}",
                        case.id,
                        if expect_error { "error" } else { "valid" },
                        yaml.iter().map(|f| &f.message).collect::<Vec<_>>(),
                        case.yaml.escape_debug()
                    ));
                }
            }
        }
    }
    // The list of known differences stays true: each still differs.
    for (id, reason) in KNOWN {
        if !differences.contains(id) {
            wrong.push(format!(
                "{id} ({reason}) is listed in KNOWN but no longer differs"
            ));
        }
    }
    println!(
        "yaml-test-suite: {} cases, {} of them whole as front matter, {} known differences",
        cases.len(),
        whole_front_matters,
        KNOWN.len()
    );
    assert!(
        whole_front_matters > 200,
        "too few cases tested as front matter"
    );
    assert!(
        wrong.is_empty(),
        "{} problems:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
