//! Every key of the key tables, changed one at a time in a manifest that fills them
//! all, is reported by the diff. A key added to a table without a comparison fails
//! here: compare it in `compare.rs`, or list it in `NOT_IN_DOCUMENT` with the reason.

use serde_json::{Value, json};

use super::*;
use crate::load::load;
use crate::model::finding::Rule;
use crate::model::keys::{KINDS, Ty, with_paths};
use crate::source::SourceFile;

/// Keys that do not change the document, and why; the diff must stay silent on them.
const NOT_IN_DOCUMENT: &[(&str, &str, &str)] = &[
    (
        "case",
        "privacy_uitzondering",
        "een reden voor de controle op persoonsgegevens; staat niet in het document",
    ),
    (
        "round",
        "revisie",
        "legt vast welke versie verstuurd is; staat niet in het document",
    ),
];

/// Keys whose change is more than one change: an id is a different thing, a year a
/// different round, a new `volgorde` swaps two principles.
const MANY: &[&str] = &["id", "jaar", "volgorde"];

/// The fixture: each file's keys as JSON, and its body.
fn fixture() -> Vec<(&'static str, &'static str, Value, &'static str)> {
    let law = json!([{"id": "BWBR0035362", "artikel": "2.1.3"}]);
    vec![
        (
            "manifest",
            "manifest/manifest.yaml",
            json!({
                "titel": "Manifest",
                "uitwerking_titel": "Uitwerking",
                "matrix_inleiding": "Wie doet wat.",
                "raad": "Adviesraad",
                "raad_afkorting": "AR",
                "gemeente": "Gemeente",
                "adres": ["Postbus 1", "1300 AA Almere"],
                "email": "raad@example.nl",
                "website": "https://raad.example.nl",
                "huisstijl": {"lettertype": "Noto Sans", "kleur": "#1f4e79", "logo": "manifest/logo.png"},
                "partijen": [
                    {"id": "inwoners", "naam": "Inwoners", "omschrijving": "wie er woont"},
                    {"id": "gemeente", "naam": "Gemeente", "omschrijving": "het bestuur"}
                ],
                "reactietermijn_weken": 6,
                "kompas": [
                    {"id": "outcome", "naam": "Outcome"},
                    {"id": "verbetercyclus", "naam": "Verbetercyclus"}
                ]
            }),
            "",
        ),
        (
            "principle",
            "manifest/principles/01-a.md",
            json!({
                "id": "a", "titel": "A", "volgorde": 1,
                "verantwoordelijkheden": {"inwoners": "meedenken", "gemeente": "kaders"},
                "kompas": ["outcome"],
                "wetten": law,
            }),
            "Kort.\n\n## Uitwerking\n\nLang.\n",
        ),
        (
            "",
            "manifest/principles/02-b.md",
            json!({"id": "b", "titel": "B", "volgorde": 2}),
            "Kort.\n\n## Uitwerking\n\nLang.\n",
        ),
        (
            "case",
            "cases/c.md",
            json!({
                "id": "c", "titel": "C", "uitgangspunt": "a", "partijen": ["inwoners"],
                "sinds": 2015, "kompas": ["outcome"], "wetten": law,
                "privacy_uitzondering": "met toestemming",
            }),
            "Verhaal.\n",
        ),
        (
            "round",
            "manifest/rounds/2015.md",
            json!({
                "jaar": 2015, "datum": "2015-08-18", "aan": ["college"], "betreft": "Advies",
                "aanhef": "Geacht college,", "slot": "Met groet,",
                "ondertekening": [{"naam": "K. Jong", "functie": "Voorzitter"}],
                "geraadpleegd": ["het overleg"], "revisie": "abc123",
                "kenmerk": "ASD-2015-01", "bijlagen": ["Notulen"],
                "contactpersoon": {"naam": "A. Bakker", "telefoon": "036 123 4567", "email": "a@example.nl"},
                "adviespunten": [{"id": "matrix", "tekst": "Voeg de matrix toe."}],
                "reactie": {
                    "ontvangen": "2015-09-01",
                    "punten": [{"id": "matrix", "oordeel": "toegezegd",
                        "termijn": "2016-01-01", "toelichting": "In 2016."}]
                }
            }),
            "Brief.\n",
        ),
    ]
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => serde_json::to_string(s).unwrap_or_default(),
        other => other.to_string(),
    }
}

/// JSON as block YAML.
fn yaml(v: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    match v {
        Value::Object(map) => {
            for (k, val) in map {
                match val {
                    Value::Object(_) | Value::Array(_) => {
                        out.push_str(&format!("{pad}{k}:\n{}", yaml(val, indent + 2)));
                    }
                    _ => out.push_str(&format!("{pad}{k}: {}\n", scalar(val))),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(_) => {
                        let inner = yaml(item, indent + 2);
                        out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", scalar(item))),
                }
            }
        }
        _ => out.push_str(&format!("{pad}{}\n", scalar(v))),
    }
    out
}

fn manifest(files: &[(&str, &str, Value, &str)]) -> Manifest {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(_, path, keys, body)| SourceFile {
            path: path.to_string(),
            bytes: if path.ends_with(".yaml") {
                yaml(keys, 0)
            } else {
                format!("---\n{}---\n{body}", yaml(keys, 0))
            }
            .into_bytes(),
        })
        .collect();
    let loaded = load(&sources);
    let shape: Vec<_> = loaded
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.rule,
                Rule::UnknownKey | Rule::MissingKey | Rule::WrongType | Rule::YamlSyntax
            )
        })
        .collect();
    assert!(shape.is_empty(), "{shape:?}");
    loaded.manifest
}

/// A different value of the same type.
fn changed(ty: Ty, v: &Value) -> Value {
    match (ty, v) {
        // A colour must stay a colour (#RRGGBB, dark enough) to load.
        (Ty::Text, Value::String(s)) if s.starts_with('#') => json!("#202020"),
        (Ty::Text, Value::String(s)) => json!(format!("{s}x")),
        (Ty::Integer, Value::Number(n)) => json!(n.as_i64().unwrap_or(0) + 2),
        (Ty::Date, _) => json!("2016-02-03"),
        (Ty::TextList, Value::Array(items)) => {
            let mut items = items.clone();
            items.push(json!("x"));
            Value::Array(items)
        }
        (Ty::TextMap, Value::Object(map)) => {
            let mut map = map.clone();
            if let Some((_, first)) = map.iter_mut().next() {
                *first = json!(format!("{} anders", first.as_str().unwrap_or("")));
            }
            Value::Object(map)
        }
        (Ty::OneOf(words), Value::String(s)) => {
            json!(words.iter().find(|w| *w != s).copied().unwrap_or(""))
        }
        _ => panic!("geen andere waarde voor {ty:?} {v}"),
    }
}

/// The value at a path; lists are entered at their first item.
fn at<'a>(v: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut here = v;
    for part in path.split('.') {
        if here.is_array() {
            here = here.get_mut(0)?;
        }
        here = here.get_mut(part)?;
    }
    Some(here)
}

#[test]
fn changing_any_key_of_the_key_tables_is_reported() {
    let base = fixture();
    let before = manifest(&base);
    assert_eq!(diff(&before, &manifest(&base)), Delta::default());
    let mut tried = 0;
    for (kind, _, keys) in KINDS {
        let file = base
            .iter()
            .position(|(k, ..)| k == kind)
            .expect("een bestand van elke soort");
        // Lists and maps of keys are entered, not changed whole: `partijen.naam` is the
        // first party's name.
        for (path, ty) in with_paths(keys)
            .into_iter()
            .filter_map(|(path, k)| match k.ty {
                Ty::List(_) | Ty::Map(_) => None,
                ty => Some((path, ty)),
            })
        {
            let mut files = base.clone();
            let value = at(&mut files[file].2, &path).unwrap_or_else(|| {
                panic!(
                    "de sleutel `{path}` ({kind}) staat niet in de proef: vul hem in, vergelijk hem in compare.rs of noem hem in NOT_IN_DOCUMENT"
                )
            });
            *value = changed(ty, value);
            let d = diff(&before, &manifest(&files));
            let last = path.rsplit('.').next().unwrap_or(&path);
            let exempt = NOT_IN_DOCUMENT
                .iter()
                .any(|(k, p, _)| k == kind && *p == path);
            if exempt {
                assert!(
                    d.is_empty(),
                    "{kind} `{path}` staat niet in het document: {d:?}"
                );
            } else if MANY.contains(&last) {
                assert!(!d.is_empty(), "{kind} `{path}` veranderd, niets gemeld");
            } else {
                assert_eq!(
                    d.len(),
                    1,
                    "{kind} `{path}`: precies één wijziging, niet {d:#?}"
                );
            }
            tried += 1;
        }
    }
    assert!(tried >= 40, "{tried}");
}
