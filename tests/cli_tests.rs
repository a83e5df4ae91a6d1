//! CLI transcripts: one `tests/cmd/<scenario>.toml` per run of `kwaliteit`, with
//! the repository it runs in as `tests/cmd/<scenario>.in/` (the real repository
//! for `clean-repository`). Regenerate the expected output after a deliberate
//! change with `TRYCMD=overwrite cargo test --test cli_tests`, then read the diff.

use std::path::Path;
use std::process::Command;

use kwaliteit::model::finding::Rule;

#[test]
fn cli_tests() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

fn kwaliteit(dir: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kwaliteit"))
        .arg("-C")
        .arg(Path::new("tests/cmd").join(dir))
        .args(args)
        .output()
        .expect("kwaliteit starts");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
    )
}

/// Every rule has a scenario named after its code whose transcript shows that code,
/// so a new rule cannot go without an example of its message.
#[test]
fn every_rule_has_a_transcript() {
    for rule in Rule::ALL {
        let code = rule.code();
        let toml = Path::new("tests/cmd").join(format!("{code}.toml"));
        let text = std::fs::read_to_string(&toml)
            .unwrap_or_else(|_| panic!("{} ontbreekt", toml.display()));
        assert!(
            text.contains(&format!("[{code}]")),
            "{} toont geen bevinding `{code}`",
            toml.display()
        );
    }
}

/// The JSON report stays valid JSON, also when checks fail, and agrees with itself.
#[test]
fn json_output_is_valid_with_and_without_findings() {
    for (dir, expected_code) in [
        ("many-problems.in", 1),
        ("clean-minimal.in", 0),
        ("strict.in", 0),
        ("invalid-utf8.in", 1),
    ] {
        let (code, stdout) = kwaliteit(dir, &["check", "--format", "json"]);
        assert_eq!(code, Some(expected_code), "{dir}: {stdout}");
        let v: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{dir}: {e}\n{stdout}"));
        assert_eq!(v["version"], 1);
        let findings = v["findings"].as_array().expect("findings is a list");
        let count = |severity: &str| {
            findings
                .iter()
                .filter(|f| f["severity"] == severity)
                .count()
        };
        assert_eq!(v["summary"]["errors"], count("error"), "{dir}");
        assert_eq!(v["summary"]["warnings"], count("warning"), "{dir}");
        for f in findings {
            let code = f["code"].as_str().expect("code is text");
            assert!(Rule::ALL.iter().any(|r| r.code() == code), "{code}");
            assert!(f["line"].as_u64().unwrap() >= 1 && f["column"].as_u64().unwrap() >= 1);
        }
    }
}

/// GitHub annotations: one `::error`/`::warning` line per finding, then the summary.
#[test]
fn github_output_is_one_annotation_per_line() {
    let (code, stdout) = kwaliteit("many-problems.in", &["check", "--format", "github"]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    let (summary, annotations) = lines.split_last().expect("output");
    assert!(summary.ends_with("bestanden."), "{summary}");
    for line in annotations {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        let (properties, _message) = line[2..].split_once("::").expect("two colons");
        assert!(
            properties.contains(",line=") && properties.contains(",col="),
            "{line}"
        );
    }
}

/// Built from a git checkout, `--version` names the commit (build.rs).
#[test]
fn version_names_the_commit_of_a_checkout() {
    let head = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    let Ok(head) = head else { return };
    if !head.status.success() {
        return; // Not a checkout (a published package): nothing to name.
    }
    let head = String::from_utf8(head.stdout).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kwaliteit"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "kwaliteit {} ({})\n",
            env!("CARGO_PKG_VERSION"),
            &head.trim()[..12]
        )
    );
    assert_eq!(kwaliteit::COMMIT, Some(head.trim()));
}
