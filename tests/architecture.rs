//! The folders of `src/` follow the flow of the data; this test keeps them honest:
//! no module imports one of a later stage (see ARCHITECTURE.md).

use std::path::Path;

/// Each top-level module with its stage; a module may use its own stage and earlier ones.
const STAGES: &[(&str, u8)] = &[
    ("exit", 0),
    ("text", 0),
    ("parallel", 0),
    ("memory", 0),
    ("model", 1),
    ("source", 2),
    ("load", 3),
    ("check", 4),
    ("analysis", 4),
    ("render", 5),
    ("report", 5),
    ("fmt", 6),
    ("scaffold", 6),
    ("write", 6),
    ("error", 7),
    ("commands", 8),
    ("cli", 8),
];

fn stage(module: &str) -> Option<u8> {
    STAGES.iter().find(|(m, _)| *m == module).map(|(_, s)| *s)
}

/// The top-level module a file of `src/` belongs to.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.strip_suffix(".rs").unwrap_or(&name).to_string()
}

#[test]
fn no_module_uses_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let module = module_of(relative);
        let Some(own) = stage(&module) else {
            assert!(
                ["lib", "main"].contains(&module.as_str()),
                "{module} has no stage in STAGES"
            );
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap();
        // Tests may build whatever they need; comments may name any module.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for used in code.split("crate::").skip(1) {
            let name: String = used
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            let Some(theirs) = stage(&name) else { continue };
            if theirs > own {
                wrong.push(format!("{} uses crate::{name}", relative.display()));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.join("\n")
    );
}
