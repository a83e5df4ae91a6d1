//! The keys of every kind of front matter, in one table per kind. The loader reads
//! through these tables (`Fields` refuses a key or type that is not in them),
//! `kwaliteit schema` prints them as JSON Schema, and `kwaliteit fmt` writes the keys
//! in the order of their table: none of them can drift apart.

use serde_json::{Map, Value, json};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Text,
    Integer,
    /// `JJJJ-MM-DD`
    Date,
    TextList,
    /// Names to texts, such as `verantwoordelijkheden`.
    TextMap,
    /// A list of mappings with these keys.
    List(&'static [Key]),
    /// One mapping with these keys.
    Map(&'static [Key]),
    /// One of these words.
    OneOf(&'static [&'static str]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    /// Dutch, shown in editors.
    pub about: &'static str,
    /// The English name of the first format: still read (older revisions must load),
    /// with an `old-key` finding, and `fmt` renames it.
    pub old: Option<&'static str>,
}

const fn key(name: &'static str, ty: Ty, required: bool, about: &'static str) -> Key {
    Key {
        name,
        ty,
        required,
        about,
        old: None,
    }
}

impl Key {
    const fn was(mut self, old: &'static str) -> Key {
        self.old = Some(old);
        self
    }
}

pub const LAW: &[Key] = &[
    key(
        "id",
        Ty::Text,
        true,
        "het BWB-id van de wet, zoals BWBR0035362 (Wmo 2015)",
    ),
    key("artikel", Ty::Text, false, "het artikel, zoals 2.1.3"),
];

pub const PRINCIPLE: &[Key] = &[
    key(
        "id",
        Ty::Text,
        true,
        "id van het uitgangspunt: kleine letters, cijfers en streepjes",
    ),
    key(
        "titel",
        Ty::Text,
        true,
        "de titel zoals die in het manifest staat",
    )
    .was("title"),
    key(
        "volgorde",
        Ty::Integer,
        true,
        "de plaats in het manifest: 1, 2, 3, ...",
    )
    .was("order"),
    key(
        "verantwoordelijkheden",
        Ty::TextMap,
        false,
        "per partij (id uit manifest.yaml) haar verantwoordelijkheid: de cellen van de matrix",
    )
    .was("responsibilities"),
    key(
        "kompas",
        Ty::TextList,
        false,
        "bouwstenen van het Kwaliteitskompas (ids uit manifest.yaml)",
    ),
    key(
        "wetten",
        Ty::List(LAW),
        false,
        "wetten waarop het uitgangspunt steunt",
    ),
];

pub const CASE: &[Key] = &[
    key(
        "id",
        Ty::Text,
        true,
        "id van de casus: kleine letters, cijfers en streepjes",
    ),
    key(
        "titel",
        Ty::Text,
        false,
        "een korte titel, alleen als de bron er een geeft",
    )
    .was("title"),
    key(
        "uitgangspunt",
        Ty::Text,
        true,
        "het id van het uitgangspunt waar de casus bij hoort",
    )
    .was("principle"),
    key(
        "partijen",
        Ty::TextList,
        false,
        "de betrokken partijen (ids uit manifest.yaml)",
    )
    .was("actors"),
    key(
        "sinds",
        Ty::Integer,
        false,
        "het jaar waarin de casus is opgenomen",
    )
    .was("since"),
    key(
        "kompas",
        Ty::TextList,
        false,
        "bouwstenen van het Kwaliteitskompas (ids uit manifest.yaml)",
    ),
    key(
        "wetten",
        Ty::List(LAW),
        false,
        "wetten die in de casus een rol spelen",
    ),
    key(
        "privacy_uitzondering",
        Ty::Text,
        false,
        "waarom deze casus toch persoonsgegevens mag noemen",
    ),
];

pub const SIGNATORY: &[Key] = &[
    key("naam", Ty::Text, true, "naam van wie ondertekent").was("name"),
    key("functie", Ty::Text, false, "functie, zoals Voorzitter").was("role"),
];

pub const ADVICE_POINT: &[Key] = &[
    key("id", Ty::Text, true, "id van het adviespunt"),
    key("tekst", Ty::Text, true, "het advies in één zin"),
];

pub const VERDICT: &[Key] = &[
    key("id", Ty::Text, true, "het id van het adviespunt"),
    key(
        "oordeel",
        Ty::OneOf(crate::model::VerdictKind::KEYS),
        true,
        "het oordeel van het college",
    ),
    key(
        "termijn",
        Ty::Date,
        false,
        "bij een toezegging: uiterlijk op deze datum",
    ),
    key(
        "toelichting",
        Ty::Text,
        false,
        "toelichting van het college",
    ),
];

pub const RESPONSE: &[Key] = &[
    key(
        "ontvangen",
        Ty::Date,
        false,
        "de datum waarop de reactie binnenkwam",
    ),
    key(
        "punten",
        Ty::List(VERDICT),
        false,
        "het oordeel per adviespunt",
    ),
];

pub const CONTACT: &[Key] = &[
    key("naam", Ty::Text, true, "naam van de contactpersoon"),
    key(
        "telefoon",
        Ty::Text,
        false,
        "telefoonnummer van de contactpersoon",
    ),
    key(
        "email",
        Ty::Text,
        false,
        "e-mailadres van de contactpersoon",
    ),
];

pub const ROUND: &[Key] = &[
    key("jaar", Ty::Integer, true, "het jaar van de ronde").was("year"),
    key("datum", Ty::Date, false, "de datum van de brief").was("date"),
    key("aan", Ty::TextList, true, "de adresregels").was("to"),
    key("betreft", Ty::Text, true, "het onderwerp (Betreft)").was("subject"),
    key(
        "kenmerk",
        Ty::Text,
        false,
        "het kenmerk van de brief (Ons kenmerk)",
    ),
    key(
        "contactpersoon",
        Ty::Map(CONTACT),
        false,
        "wie vragen over de brief beantwoordt",
    ),
    key(
        "bijlagen",
        Ty::TextList,
        false,
        "bijlagen naast de matrix en de reactie, die de brief noemt",
    ),
    key(
        "aanhef",
        Ty::Text,
        false,
        "de aanhef, zoals Geacht college,",
    )
    .was("salutation"),
    key(
        "slot",
        Ty::Text,
        false,
        "de afsluiting, zoals Met hartelijke groet,",
    )
    .was("closing"),
    key(
        "ondertekening",
        Ty::List(SIGNATORY),
        false,
        "wie ondertekent",
    )
    .was("signatories"),
    key(
        "geraadpleegd",
        Ty::TextList,
        false,
        "met wie het manifest is besproken",
    )
    .was("partners"),
    key(
        "revisie",
        Ty::Text,
        false,
        "de git-revisie van het manifest zoals verstuurd, zoals ronde-2015",
    )
    .was("revision"),
    key(
        "adviespunten",
        Ty::List(ADVICE_POINT),
        false,
        "de adviespunten van de brief",
    ),
    key(
        "reactie",
        Ty::Map(RESPONSE),
        false,
        "de reactie van het college",
    ),
];

pub const ACTOR: &[Key] = &[
    key("id", Ty::Text, true, "id van de partij"),
    key("naam", Ty::Text, true, "de naam in de matrix").was("name"),
    key(
        "omschrijving",
        Ty::Text,
        false,
        "een korte omschrijving, zoals het niveau",
    )
    .was("description"),
];

pub const KOMPAS_BLOCK: &[Key] = &[
    key("id", Ty::Text, true, "id van de bouwsteen"),
    key("naam", Ty::Text, true, "de naam van het blok").was("name"),
];

pub const HOUSE_STYLE: &[Key] = &[
    key(
        "lettertype",
        Ty::Text,
        false,
        "de naam van het lettertype, zoals Noto Sans (letters, cijfers, spaties en streepjes)",
    ),
    key(
        "kleur",
        Ty::Text,
        false,
        "de hoofdkleur als #RRGGBB, donker genoeg op wit (contrast minstens 4,5:1)",
    ),
    key(
        "logo",
        Ty::Text,
        false,
        "het logo: een PNG- of JPEG-bestand in de repository, zoals manifest/logo.png",
    ),
];

pub const MANIFEST: &[Key] = &[
    key("titel", Ty::Text, true, "de titel van het manifest").was("title"),
    key(
        "uitwerking_titel",
        Ty::Text,
        false,
        "de titel van de uitwerking (standaard: Uitwerking)",
    )
    .was("elaboration_title"),
    key(
        "matrix_inleiding",
        Ty::Text,
        false,
        "een inleiding boven de matrix in de bijlage",
    ),
    key("raad", Ty::Text, true, "de naam van de adviesraad").was("council"),
    key("raad_afkorting", Ty::Text, false, "de afkorting, zoals ASD").was("council_short"),
    key("gemeente", Ty::Text, true, "de gemeente").was("municipality"),
    key(
        "adres",
        Ty::TextList,
        false,
        "de adresregels van de adviesraad, voor de afzender van de brief",
    ),
    key(
        "email",
        Ty::Text,
        false,
        "het e-mailadres van de adviesraad",
    ),
    key("website", Ty::Text, false, "de website van de adviesraad"),
    key(
        "huisstijl",
        Ty::Map(HOUSE_STYLE),
        false,
        "eigen lettertype, kleur en logo voor de documenten",
    ),
    key(
        "partijen",
        Ty::List(ACTOR),
        true,
        "de partijen: de kolommen van de matrix, in volgorde",
    )
    .was("actors"),
    key(
        "reactietermijn_weken",
        Ty::Integer,
        false,
        "binnen hoeveel weken het college reageert (standaard 6)",
    ),
    key(
        "kompas",
        Ty::List(KOMPAS_BLOCK),
        false,
        "de bouwstenen van het Kwaliteitskompas",
    ),
];

/// The table of a kind of file; its order is the order `fmt` writes the keys in.
pub fn table(kind: super::FileKind) -> &'static [Key] {
    match kind {
        super::FileKind::Identity => MANIFEST,
        super::FileKind::Principle => PRINCIPLE,
        super::FileKind::Case => CASE,
        super::FileKind::Round => ROUND,
    }
}

/// The kinds of file, by the name `schema --kind` takes.
pub const KINDS: &[(&str, &str, &[Key])] = &[
    (
        "principle",
        "Uitgangspunt (manifest/principles/*.md)",
        PRINCIPLE,
    ),
    ("case", "Casus (cases/*.md)", CASE),
    ("round", "Ronde (manifest/rounds/*.md)", ROUND),
    ("manifest", "Manifest (manifest/manifest.yaml)", MANIFEST),
];

fn type_schema(ty: Ty) -> Value {
    let text = json!({ "type": ["string", "number", "boolean"] });
    match ty {
        Ty::Text => text,
        Ty::Integer => json!({ "type": "integer" }),
        Ty::Date => json!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        }),
        Ty::TextList => json!({ "type": ["array", "null"], "items": text }),
        Ty::TextMap => json!({ "type": ["object", "null"], "additionalProperties": text }),
        Ty::List(keys) => json!({ "type": ["array", "null"], "items": object(keys) }),
        Ty::Map(keys) => object(keys),
        Ty::OneOf(words) => json!({ "type": "string", "enum": words }),
    }
}

fn object(keys: &[Key]) -> Value {
    let mut properties = Map::new();
    for k in keys {
        let mut s = type_schema(k.ty);
        s["description"] = Value::String(k.about.to_string());
        if k.name == "id" {
            // As `crate::load::is_valid_id`: lower-case words of letters and digits, joined by single hyphens.
            s["pattern"] = json!("^[a-z0-9]+(-[a-z0-9]+)*$");
        }
        // As the loader's `is_hex_colour` and `is_font_name`: values that go into CSS.
        if k.name == "kleur" {
            s["type"] = json!("string");
            s["pattern"] = json!("^#[0-9A-Fa-f]{6}$");
        }
        if k.name == "lettertype" {
            s["type"] = json!("string");
            s["pattern"] = json!("^(?=.*[A-Za-z0-9-])[A-Za-z0-9 -]{1,64}$");
        }
        properties.insert(k.name.to_string(), s);
    }
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// JSON Schema (draft-07) of one kind of front matter.
pub fn json_schema(kind: &str) -> Option<Value> {
    let (name, title, keys) = KINDS.iter().find(|(n, _, _)| *n == kind)?;
    let mut schema = object(keys);
    let map = schema.as_object_mut()?;
    map.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    map.insert("$id".into(), json!(format!("kwaliteit-{name}.schema.json")));
    map.insert("title".into(), json!(title));
    Some(schema)
}

#[cfg(test)]
/// Every key of a table with its dotted path (`partijen.naam`), nested tables
/// entered: a list or mapping of keys comes just before the keys inside it.
pub(crate) fn with_paths(keys: &'static [Key]) -> Vec<(String, &'static Key)> {
    fn walk(keys: &'static [Key], prefix: &str, out: &mut Vec<(String, &'static Key)>) {
        for k in keys {
            let path = format!("{prefix}{}", k.name);
            out.push((path.clone(), k));
            if let Ty::List(inner) | Ty::Map(inner) = k.ty {
                walk(inner, &format!("{path}."), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(keys, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::frontmatter;
    use crate::load::yaml::{self, Kind, Yaml};

    /// YAML as JSON, for validating against the schema.
    fn to_json(y: &Yaml) -> Value {
        match &y.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => json!(b),
            Kind::Int(i) => json!(i),
            Kind::Float(f) => json!(f),
            Kind::Str(s) => json!(s),
            Kind::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
            Kind::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), to_json(&e.value)))
                    .collect(),
            ),
        }
    }

    /// A validator for the part of JSON Schema this module writes.
    fn valid(schema: &Value, v: &Value) -> Result<(), String> {
        if let Some(types) = schema.get("type") {
            let names: Vec<&str> = match types {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            let ok = names.iter().any(|t| match *t {
                "string" => v.is_string(),
                "number" => v.is_number(),
                "integer" => v.is_i64() || v.is_u64(),
                "boolean" => v.is_boolean(),
                "array" => v.is_array(),
                "object" => v.is_object(),
                "null" => v.is_null(),
                _ => false,
            });
            if !ok {
                return Err(format!("{v} is niet van type {types}"));
            }
        }
        if let (Some(words), Some(s)) = (schema.get("enum").and_then(Value::as_array), v.as_str())
            && !words.iter().any(|w| w == s)
        {
            return Err(format!("{s} niet in {words:?}"));
        }
        if let Some(obj) = v.as_object() {
            let props = schema.get("properties").and_then(Value::as_object);
            for r in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let r = r.as_str().unwrap_or_default();
                if !obj.contains_key(r) {
                    return Err(format!("{r} ontbreekt"));
                }
            }
            for (k, val) in obj {
                match props.and_then(|p| p.get(k)) {
                    Some(s) => valid(s, val)?,
                    None => match schema.get("additionalProperties") {
                        Some(Value::Bool(false)) => return Err(format!("onbekende sleutel {k}")),
                        Some(s @ Value::Object(_)) => valid(s, val)?,
                        _ => {}
                    },
                }
            }
        }
        if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
            for item in arr {
                valid(items, item)?;
            }
        }
        Ok(())
    }

    fn front_matter(path: &std::path::Path) -> Value {
        let text = std::fs::read_to_string(path).unwrap();
        let yaml_text = if path.extension().is_some_and(|e| e == "yaml") {
            text.clone()
        } else {
            frontmatter::split(&text).unwrap().yaml.to_string()
        };
        to_json(&yaml::parse(&yaml_text, 1).unwrap())
    }

    fn files(dir: &str) -> Vec<std::path::PathBuf> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut out: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_schema_accepts_every_front_matter_of_this_repository() {
        let sets = [
            ("principle", files("manifest/principles")),
            ("case", files("cases")),
            ("round", files("manifest/rounds")),
            (
                "manifest",
                vec![
                    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("manifest/manifest.yaml"),
                ],
            ),
        ];
        for (kind, paths) in sets {
            let schema = json_schema(kind).unwrap();
            assert!(!paths.is_empty());
            for p in paths {
                valid(&schema, &front_matter(&p))
                    .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            }
        }
    }

    #[test]
    fn ids_and_dates_carry_the_patterns_check_applies() {
        let case = json_schema("case").unwrap();
        assert_eq!(
            case["properties"]["id"]["pattern"],
            "^[a-z0-9]+(-[a-z0-9]+)*$"
        );
        let round = json_schema("round").unwrap();
        let date = round["properties"]["datum"]["pattern"].as_str().unwrap();
        assert!(date.contains("(0[1-9]|1[0-2])"), "{date}");
    }

    #[test]
    fn the_schema_rejects_a_misspelt_key_and_a_wrong_verdict() {
        let schema = json_schema("case").unwrap();
        let misspelt = json!({"id": "a", "tittel": "A", "uitgangspunt": "p"});
        assert!(valid(&schema, &misspelt).is_err());
        let extra = json!({"id": "a", "titel": "A", "tittel": "A", "uitgangspunt": "p"});
        assert!(valid(&schema, &extra).unwrap_err().contains("tittel"));
        let round = json_schema("round").unwrap();
        let bad = json!({"jaar": 2026, "aan": ["college"], "betreft": "s",
            "reactie": {"punten": [{"id": "a", "oordeel": "misschien"}]}});
        assert!(valid(&round, &bad).unwrap_err().contains("misschien"));
    }

    /// A YAML value of each type, every key filled in.
    fn sample(keys: &[Key], indent: usize) -> String {
        let pad = " ".repeat(indent);
        let mut out = String::new();
        for k in keys {
            let value = match k.ty {
                // The one text with a form of its own.
                Ty::Text if k.name == "kleur" => " \"#154273\"\n".to_string(),
                Ty::Text => " tekst\n".to_string(),
                Ty::Integer => " 1\n".to_string(),
                Ty::Date => " 2015-08-18\n".to_string(),
                Ty::TextList => " [a]\n".to_string(),
                Ty::TextMap => format!("\n{pad}  a: tekst\n"),
                Ty::OneOf(words) => format!(" {}\n", words[0]),
                Ty::Map(inner) => format!("\n{}", sample(inner, indent + 2)),
                Ty::List(inner) => {
                    let item = sample(inner, indent + 4);
                    format!("\n{pad}  -{}", &item[indent + 3..])
                }
            };
            out.push_str(&format!("{pad}{}:{value}", k.name));
        }
        out
    }

    #[test]
    fn the_loader_reads_every_key_of_every_table() {
        use crate::load::load;
        use crate::model::finding::Rule;
        use crate::source::SourceFile;
        let files = [
            ("manifest/manifest.yaml", sample(MANIFEST, 0)),
            (
                "manifest/principles/01-tekst.md",
                format!(
                    "---\n{}---\nK\n\n## Uitwerking\n\nL\n",
                    sample(PRINCIPLE, 0)
                ),
            ),
            (
                "cases/tekst.md",
                format!("---\n{}---\nVerhaal.\n", sample(CASE, 0)),
            ),
            (
                "manifest/rounds/1.md",
                format!("---\n{}---\nBrief.\n", sample(ROUND, 0)),
            ),
        ];
        let sources: Vec<SourceFile> = files
            .iter()
            .map(|(p, t)| SourceFile {
                path: p.to_string(),
                bytes: t.as_bytes().to_vec(),
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
        assert!(shape.is_empty(), "{shape:?}\n{files:?}");
        assert_eq!(loaded.manifest.rounds[0].advice_points.len(), 1);
        assert_eq!(loaded.manifest.cases[0].laws.len(), 1);
    }

    #[test]
    fn every_kind_has_a_draft_07_schema() {
        for (kind, _, _) in KINDS {
            let s = json_schema(kind).unwrap();
            assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
            assert_eq!(s["additionalProperties"], false);
        }
        assert!(json_schema("onbekend").is_none());
    }
}

#[cfg(test)]
mod readme_tests {
    use super::*;

    /// The README (its format section and its domain rules) names every key of the key
    /// tables, so a key added to a table without a word in the README fails here.
    #[test]
    fn the_readme_names_every_key_of_the_tables() {
        let format = include_str!("../../README.md");
        let missing: Vec<&str> = KINDS
            .iter()
            .flat_map(|(_, _, keys)| with_paths(keys))
            .map(|(_, k)| k.name)
            .filter(|k| !format.contains(&format!("{k}:")) && !format.contains(&format!("`{k}`")))
            .collect();
        assert!(
            missing.is_empty(),
            "de README noemt deze sleutels niet: {missing:?}"
        );
    }
}
