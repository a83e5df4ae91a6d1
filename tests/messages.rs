//! Every finding message and hint in one place, for a reviewer to read: `check`
//! runs on every fixture of `tests/cmd/*.in` and the texts, grouped by rule, must
//! equal `tests/messages.txt`. After a deliberate change, regenerate it with
//! `MESSAGES=overwrite cargo test --test messages` and read the diff.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use kwaliteit::model::finding::Rule;

const LISTING: &str = "tests/messages.txt";

/// (code, message, help) of every finding `check --lang-level` reports in `dir`.
fn findings(dir: &Path) -> Vec<(String, String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_kwaliteit"))
        .arg("-C")
        .arg(dir)
        .args(["check", "--format", "json", "--lang-level"])
        .output()
        .expect("kwaliteit starts");
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&out.stdout) else {
        return Vec::new(); // not a repository: no findings to list
    };
    let text = |f: &serde_json::Value, key: &str| f[key].as_str().unwrap_or("").to_string();
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| (text(f, "code"), text(f, "message"), text(f, "help")))
        .collect()
}

fn listing() -> String {
    let mut seen = BTreeSet::new();
    let mut dirs: Vec<_> = std::fs::read_dir("tests/cmd")
        .expect("tests/cmd exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "in") && path.is_dir())
        .collect();
    dirs.sort();
    for dir in &dirs {
        seen.extend(findings(dir));
    }
    let mut out = String::from(
        "Alle meldingen van `kwaliteit check`, per regel: wat de regel bewaakt,\n\
         dan elke melding met haar hulpregel zoals de voorbeelden in tests/cmd/ ze geven.\n",
    );
    for rule in Rule::ALL {
        let severity = rule.severity().label();
        out.push_str(&format!(
            "\n## {} ({severity})\n{}\n",
            rule.code(),
            rule.summary()
        ));
        // Messages with the same hint share one `hulp:` line.
        let mut by_help: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (_, message, help) in seen.iter().filter(|(code, _, _)| code == rule.code()) {
            by_help.entry(help).or_default().push(message);
        }
        for (help, messages) in by_help {
            for message in messages {
                out.push_str(&format!("- {message}\n"));
            }
            if !help.is_empty() {
                out.push_str(&format!("  hulp: {}\n", help.replace('\n', "\n        ")));
            }
        }
    }
    out
}

#[test]
fn every_message_is_in_the_listing() {
    let actual = listing();
    if std::env::var_os("MESSAGES").is_some_and(|v| v == "overwrite") {
        std::fs::write(LISTING, &actual).expect("listing written");
        return;
    }
    let expected = std::fs::read_to_string(LISTING).unwrap_or_default();
    assert!(
        expected == actual,
        "{LISTING} is niet actueel; maak het opnieuw met \
         `MESSAGES=overwrite cargo test --test messages` en lees het verschil.\n{actual}"
    );
}
