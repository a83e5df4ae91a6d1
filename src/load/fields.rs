//! Reading typed fields out of a YAML mapping, reporting every problem
//! (missing, wrong type, unknown key with a suggestion) instead of stopping at the first.

use crate::load::yaml::{Entry, Kind, Yaml};
use crate::model::Located;
use crate::model::finding::{Finding, Pos, Rule};
use crate::model::keys::{Key, Ty};
use crate::text::{nearest, width};

/// Reads the keys of one mapping. Keys that are asked for are the known keys;
/// `finish` reports the others as unknown, suggesting the nearest known one.
pub struct Fields<'y, 'f> {
    path: &'f str,
    entries: &'y [Entry],
    /// Where to point when a required key is missing.
    anchor: Pos,
    /// The keys this mapping may have; whether each is required comes from here.
    schema: &'static [Key],
    known: Vec<&'static str>,
    /// Old names of the keys asked for: read, so not unknown, but not suggested either.
    old: Vec<&'static str>,
    /// Required keys found missing, with the index of their finding, so that a
    /// misspelling of one is reported once (as unknown key with a suggestion).
    missing: Vec<(&'static str, usize)>,
    pub findings: &'f mut Vec<Finding>,
}

impl<'y, 'f> Fields<'y, 'f> {
    /// Start reading `node` as a mapping. An empty document counts as an empty mapping;
    /// anything else that is not a mapping is a finding and gives `None`.
    pub fn of(
        node: &'y Yaml,
        path: &'f str,
        anchor: Pos,
        schema: &'static [Key],
        findings: &'f mut Vec<Finding>,
    ) -> Option<Self> {
        let entries: &[Entry] = match &node.kind {
            Kind::Map(entries) => entries,
            Kind::Null => &[],
            _ => {
                findings.push(
                    Finding::new(
                        Rule::WrongType,
                        path,
                        node.pos,
                        format!(
                            "hier worden sleutels met waarden verwacht (`sleutel: waarde`), maar dit is {}",
                            node.kind_name()
                        ),
                    )
                    .help("schrijf elke eigenschap op een eigen regel als `sleutel: waarde`"),
                );
                return None;
            }
        };
        Some(Fields {
            path,
            entries,
            anchor,
            schema,
            known: Vec::new(),
            old: Vec::new(),
            missing: Vec::new(),
            findings,
        })
    }

    /// The entry for `key`; `fits` says which types of the schema table the caller reads,
    /// so that the table and the reading code cannot disagree (checked in tests).
    fn entry(&mut self, key: &'static str, fits: fn(Ty) -> bool) -> Option<&'y Entry> {
        let spec = self.schema.iter().find(|k| k.name == key);
        debug_assert!(
            spec.is_some_and(|k| fits(k.ty)),
            "`{key}` is not in the schema table with this type"
        );
        let required = spec.is_some_and(|k| k.required);
        self.known.push(key);
        let entries = self.entries;
        let new = entries.iter().find(|e| e.key == key);
        let old = spec.and_then(|k| k.old);
        self.old.extend(old);
        let was = old.and_then(|o| entries.iter().find(|e| e.key == o));
        if let Some(w) = was {
            let finding = match new {
                Some(_) => Finding::new(
                    Rule::DuplicateKey,
                    self.path,
                    w.key_pos,
                    format!(
                        "`{}` is de oude naam van `{key}`, en `{key}` staat er ook",
                        w.key
                    ),
                )
                .help(format!(
                    "laat één van de twee regels weg: `{}` of `{key}`",
                    w.key
                )),
                None => Finding::new(
                    Rule::OldKey,
                    self.path,
                    w.key_pos,
                    format!("de sleutel `{}` heet nu `{key}`", w.key),
                )
                .help("`kwaliteit fmt` zet alle oude sleutels in één keer om"),
            };
            self.findings.push(finding.width(width(&w.key)));
        }
        let found = new.or(was);
        if found.is_none() && required {
            self.missing.push((key, self.findings.len()));
            self.findings.push(
                Finding::new(
                    Rule::MissingKey,
                    self.path,
                    self.anchor,
                    format!("de verplichte sleutel `{key}` ontbreekt"),
                )
                .help(format!("voeg een regel `{key}: ...` toe")),
            );
        }
        found
    }

    /// The entry for `key` as written: under its name or its old name.
    fn written(&self, key: &str) -> Option<&'y Entry> {
        let old = self
            .schema
            .iter()
            .find(|k| k.name == key)
            .and_then(|k| k.old);
        let entries = self.entries;
        entries
            .iter()
            .find(|e| e.key == key)
            .or_else(|| entries.iter().find(|e| Some(e.key.as_str()) == old))
    }

    fn wrong_type(&mut self, key: &str, value: &Yaml, expected: &str) {
        // A list or table has no single place of its own: point at its key.
        let (pos, underline) = match &value.kind {
            Kind::Seq(_) | Kind::Map(_) => {
                (self.written(key).map_or(value.pos, |e| e.key_pos), key)
            }
            _ => (value.pos, value.raw.as_str()),
        };
        self.findings.push(
            Finding::new(
                Rule::WrongType,
                self.path,
                pos,
                format!(
                    "`{key}` moet {expected} zijn, maar is {}",
                    value.kind_name()
                ),
            )
            .width(width(underline))
            .help(type_help(expected)),
        );
    }

    fn empty(&mut self, key: &str, pos: Pos) {
        self.findings.push(
            Finding::new(
                Rule::EmptyText,
                self.path,
                pos,
                format!("`{key}` heeft geen waarde"),
            )
            .width(width(key))
            .help(format!(
                "vul een waarde in achter `{key}:` of laat de regel weg"
            )),
        );
    }

    /// A text value. Numbers and yes/no written without quotes count as the text typed.
    pub fn text(&mut self, key: &'static str) -> Option<Located<String>> {
        let entry = self.entry(key, |t| matches!(t, Ty::Text | Ty::OneOf(_)))?;
        match entry.value.as_text() {
            Some(t) if !t.trim().is_empty() => Some(Located {
                value: t.trim().to_string(),
                pos: entry.value.pos,
            }),
            Some(_) => {
                self.empty(key, entry.key_pos);
                None
            }
            None if entry.value.kind == Kind::Null => {
                self.empty(key, entry.key_pos);
                None
            }
            None => {
                self.wrong_type(key, &entry.value, "tekst");
                None
            }
        }
    }

    /// A whole number.
    pub fn integer(&mut self, key: &'static str) -> Option<Located<i64>> {
        let entry = self.entry(key, |t| t == Ty::Integer)?;
        match entry.value.kind {
            Kind::Int(i) => Some(Located {
                value: i,
                pos: entry.value.pos,
            }),
            Kind::Null => {
                self.empty(key, entry.key_pos);
                None
            }
            _ => {
                self.wrong_type(key, &entry.value, "een geheel getal");
                None
            }
        }
    }

    /// A calendar date written as `JJJJ-MM-DD`.
    pub fn date(&mut self, key: &'static str) -> Option<Located<String>> {
        let entry = self.entry(key, |t| t == Ty::Date)?;
        match entry.value.as_text() {
            Some(t) if is_date(t.trim()) => Some(Located {
                value: t.trim().to_string(),
                pos: entry.value.pos,
            }),
            _ if entry.value.kind == Kind::Null => {
                self.empty(key, entry.key_pos);
                None
            }
            _ => {
                self.wrong_type(key, &entry.value, "een datum (JJJJ-MM-DD)");
                None
            }
        }
    }

    /// A list of texts; a missing key is an empty list.
    pub fn text_list(&mut self, key: &'static str) -> Vec<Located<String>> {
        let Some(entry) = self.entry(key, |t| t == Ty::TextList) else {
            return Vec::new();
        };
        match &entry.value.kind {
            Kind::Seq(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item.as_text() {
                        Some(t) if !t.trim().is_empty() => out.push(Located {
                            value: t.trim().to_string(),
                            pos: item.pos,
                        }),
                        _ => self.wrong_type(key, item, "een lijst van teksten"),
                    }
                }
                out
            }
            Kind::Null => Vec::new(),
            _ => {
                self.wrong_type(key, &entry.value, "een lijst (`[a, b]` of regels met `- `)");
                Vec::new()
            }
        }
    }

    /// A mapping from names to texts, in the order written.
    pub fn text_map(&mut self, key: &'static str) -> Vec<(Located<String>, Located<String>)> {
        let Some(entry) = self.entry(key, |t| t == Ty::TextMap) else {
            return Vec::new();
        };
        match &entry.value.kind {
            Kind::Map(entries) => {
                let mut out = Vec::new();
                for e in entries {
                    match e.value.as_text() {
                        Some(t) if !t.trim().is_empty() => out.push((
                            Located {
                                value: e.key.clone(),
                                pos: e.key_pos,
                            },
                            Located {
                                value: t.trim().to_string(),
                                pos: e.value.pos,
                            },
                        )),
                        Some(_) => self.empty(&e.key, e.key_pos),
                        None if e.value.kind == Kind::Null => self.empty(&e.key, e.key_pos),
                        None => self.wrong_type(&e.key, &e.value, "tekst"),
                    }
                }
                out
            }
            Kind::Null => Vec::new(),
            _ => {
                self.wrong_type(key, &entry.value, "regels `naam: tekst`");
                Vec::new()
            }
        }
    }

    /// Any value, handed back for its own `Fields`; a missing key gives `None`.
    pub fn entry_value(&mut self, key: &'static str) -> Option<&'y Yaml> {
        self.entry(key, |t| matches!(t, Ty::Map(_)))
            .map(|e| &e.value)
    }

    /// A list whose items are mappings; each is handed back for its own `Fields`.
    pub fn map_list(&mut self, key: &'static str) -> Vec<&'y Yaml> {
        let Some(entry) = self.entry(key, |t| matches!(t, Ty::List(_))) else {
            return Vec::new();
        };
        match &entry.value.kind {
            Kind::Seq(items) => items.iter().collect(),
            Kind::Null => Vec::new(),
            _ => {
                self.wrong_type(key, &entry.value, "een lijst");
                Vec::new()
            }
        }
    }

    /// Report every key that was not asked for.
    pub fn finish(self) {
        let mut superseded = Vec::new();
        for e in self.entries {
            if self.known.contains(&e.key.as_str()) || self.old.contains(&e.key.as_str()) {
                continue;
            }
            let mut finding = Finding::new(
                Rule::UnknownKey,
                self.path,
                e.key_pos,
                format!("onbekende sleutel `{}`", e.key),
            )
            .width(width(&e.key));
            // A misspelt old key (`principel`) is meant as the new one.
            let by_old = || {
                let old = nearest(&e.key.to_lowercase(), &self.old)?;
                self.schema
                    .iter()
                    .find(|k| k.old == Some(old))
                    .map(|k| k.name)
            };
            finding.help = Some(match suggest(&e.key, &self.known).or_else(by_old) {
                Some(s) => {
                    if let Some((_, index)) = self.missing.iter().find(|(k, _)| *k == s) {
                        superseded.push(*index);
                    }
                    format!("bedoelde u `{s}`?")
                }
                None => format!("toegestane sleutels hier: {}", self.known.join(", ")),
            });
            self.findings.push(finding);
        }
        superseded.sort_unstable();
        superseded.dedup();
        for index in superseded.into_iter().rev() {
            self.findings.remove(index);
        }
    }
}

fn type_help(expected: &str) -> String {
    match expected {
        "tekst" => "zet de tekst achter de dubbele punt, eventueel tussen aanhalingstekens".into(),
        "een geheel getal" => "schrijf een getal zonder aanhalingstekens, bijvoorbeeld `3`".into(),
        e if e.starts_with("een datum") => "schrijf de datum als `2015-08-18`".into(),
        e if e.starts_with("een lijst") => {
            "schrijf een lijst als `[a, b]` of als regels die met `- ` beginnen".into()
        }
        _ => format!("verwacht: {expected}"),
    }
}

fn is_date(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| t.get(r).and_then(|s| s.parse::<u32>().ok());
    matches!(
        (num(0..4), num(5..7), num(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// Other words an author may type for a key; mapped to the key meant.
const SYNONYMS: &[(&str, &str)] = &[
    ("nummer", "volgorde"),
    ("verantwoordelijkheid", "verantwoordelijkheden"),
    ("actoren", "partijen"),
    ("onderwerp", "betreft"),
    ("afsluiting", "slot"),
    ("groet", "slot"),
    ("ondertekenaars", "ondertekening"),
    ("beschrijving", "omschrijving"),
    ("titel_uitwerking", "uitwerking_titel"),
];

/// The known key nearest to `key`: a synonym, or one within a small edit distance.
pub fn suggest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = key.to_lowercase();
    if let Some((_, meant)) = SYNONYMS.iter().find(|(word, _)| *word == lower)
        && let Some(k) = known.iter().find(|k| **k == *meant)
    {
        return Some(k);
    }
    nearest(&lower, known)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::parse;

    fn read(src: &str) -> (Vec<Finding>, Option<Located<String>>, Option<Located<i64>>) {
        let y = parse(src, 2).unwrap();
        let mut findings = Vec::new();
        const KEYS: &[Key] = &[
            Key {
                name: "titel",
                ty: Ty::Text,
                required: true,
                about: "",
                old: Some("title"),
            },
            Key {
                name: "volgorde",
                ty: Ty::Integer,
                required: true,
                about: "",
                old: Some("order"),
            },
        ];
        let mut f = Fields::of(&y, "x.md", Pos::START, KEYS, &mut findings).unwrap();
        let title = f.text("titel");
        let order = f.integer("volgorde");
        f.finish();
        (findings, title, order)
    }

    #[test]
    fn reads_typed_values_with_positions() {
        let (findings, title, order) = read("titel: Een titel\nvolgorde: 2\n");
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(title.unwrap().pos, Pos::new(2, 8));
        assert_eq!(order.unwrap().value, 2);
    }

    #[test]
    fn reports_every_problem_in_one_pass() {
        let (findings, _, _) = read("tittel: Een titel\nvolgorde: twee\nextra: 1\n");
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        // `tittel` is reported once, as a misspelling of `titel`, not also as `titel` missing.
        assert_eq!(
            rules,
            vec![Rule::WrongType, Rule::UnknownKey, Rule::UnknownKey]
        );
        let tittel = findings
            .iter()
            .find(|f| f.message.contains("`tittel`"))
            .unwrap();
        assert_eq!(tittel.help.as_deref(), Some("bedoelde u `titel`?"));
        assert_eq!(tittel.pos, Pos::new(2, 1));
    }

    #[test]
    fn an_old_key_is_read_with_a_finding_and_old_beside_new_is_a_duplicate() {
        let (findings, title, order) = read("title: Een titel\norder: [2]\n");
        assert_eq!(title.unwrap().value, "Een titel");
        assert!(order.is_none());
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec![Rule::OldKey, Rule::OldKey, Rule::WrongType]);
        assert_eq!(findings[0].message, "de sleutel `title` heet nu `titel`");
        assert_eq!(findings[2].pos, Pos::new(3, 1));
        let (findings, title, _) = read("titel: Nieuw\ntitle: Oud\nvolgorde: 1\n");
        assert_eq!(title.unwrap().value, "Nieuw");
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec![Rule::DuplicateKey]);
        assert_eq!(findings[0].pos, Pos::new(3, 1));
    }

    #[test]
    fn suggestions_use_dutch_synonyms_and_edit_distance() {
        let known = ["id", "titel", "volgorde", "verantwoordelijkheden"];
        assert_eq!(suggest("nummer", &known), Some("volgorde"));
        assert_eq!(
            suggest("verantwoordelijkheid", &known),
            Some("verantwoordelijkheden")
        );
        assert_eq!(
            suggest("verantwoordelijkheeden", &known),
            Some("verantwoordelijkheden")
        );
        assert_eq!(suggest("Titel", &known), Some("titel"));
        assert_eq!(suggest("kleur", &known), None);
    }

    #[test]
    fn dates_must_be_real_calendar_forms() {
        assert!(is_date("2015-08-18"));
        assert!(!is_date("18-08-2015"));
        assert!(!is_date("2015-13-01"));
        assert!(!is_date("2015-8-18"));
    }
}
