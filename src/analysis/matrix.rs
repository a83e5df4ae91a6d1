//! The responsibility matrix: principles (rows, in order) by actors (columns).
//! Plain data; the renderers decide how it looks.

use serde::Serialize;

use crate::model::Manifest;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Matrix {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Column {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub id: String,
    /// 1-based place in the manifest.
    pub number: usize,
    pub title: String,
    /// One cell per column; `None` where the actor has no responsibility.
    pub cells: Vec<Option<String>>,
}

impl Matrix {
    pub fn from_manifest(m: &Manifest) -> Self {
        let columns: Vec<Column> = m
            .identity
            .actors
            .iter()
            .map(|a| Column {
                id: a.id.value.clone(),
                name: a.name.clone(),
                description: a.description.clone(),
            })
            .collect();
        let rows = m
            .principles
            .iter()
            .enumerate()
            .map(|(i, p)| Row {
                id: p.id.value.clone(),
                number: i + 1,
                title: p.title.clone(),
                cells: columns
                    .iter()
                    .map(|c| {
                        p.responsibilities
                            .iter()
                            .find(|r| r.actor.value == c.id)
                            .map(|r| r.text.clone())
                    })
                    .collect(),
            })
            .collect();
        Matrix { columns, rows }
    }

    /// Principles by the blocks of the Kwaliteitskompas: a cell says whether the principle
    /// itself, or which of its cases, carry the block's tag.
    pub fn by_kompas(m: &Manifest) -> Self {
        let columns: Vec<Column> = m
            .identity
            .kompas
            .iter()
            .map(|k| Column {
                id: k.id.value.clone(),
                name: k.name.clone(),
                description: None,
            })
            .collect();
        let rows = m
            .principles
            .iter()
            .enumerate()
            .map(|(i, p)| Row {
                id: p.id.value.clone(),
                number: i + 1,
                title: p.title.clone(),
                cells: columns
                    .iter()
                    .map(|c| {
                        let tagged = |tags: &[crate::model::Located<String>]| {
                            tags.iter().any(|t| t.value == c.id)
                        };
                        let cases: Vec<&str> = m
                            .cases_of(&p.id.value)
                            .filter(|k| tagged(&k.kompas))
                            .map(|k| k.title.as_str())
                            .collect();
                        match (tagged(&p.kompas), cases.is_empty()) {
                            (false, true) => None,
                            (true, true) => Some("uitgangspunt".to_string()),
                            (false, false) => Some(format!("casus: {}", cases.join(", "))),
                            (true, false) => {
                                Some(format!("uitgangspunt; casus: {}", cases.join(", ")))
                            }
                        }
                    })
                    .collect(),
            })
            .collect();
        Matrix { columns, rows }
    }

    pub fn filled(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.cells.iter().flatten().count())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use crate::source::SourceFile;

    #[test]
    fn rows_follow_order_and_cells_follow_actor_columns() {
        let f = |path: &str, text: &str| SourceFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        };
        let loaded = load(&[
            f(
                "manifest/manifest.yaml",
                "titel: T\nraad: R\ngemeente: G\npartijen:\n  - {id: a, naam: A}\n  - {id: b, naam: B}\n",
            ),
            f(
                "manifest/principles/02-y.md",
                "---\nid: y\ntitel: Y\nvolgorde: 2\nverantwoordelijkheden:\n  a: ya\n---\nK\n\n## Uitwerking\n\nL\n",
            ),
            f(
                "manifest/principles/01-x.md",
                "---\nid: x\ntitel: X\nvolgorde: 1\nverantwoordelijkheden:\n  b: xb\n  a: xa\n---\nK\n\n## Uitwerking\n\nL\n",
            ),
        ]);
        let m = Matrix::from_manifest(&loaded.manifest);
        let ids: Vec<&str> = m.columns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(m.rows[0].id, "x");
        assert_eq!(m.rows[0].cells, vec![Some("xa".into()), Some("xb".into())]);
        assert_eq!(m.rows[1].cells, vec![Some("ya".into()), None]);
        assert_eq!(m.rows[1].number, 2);
        assert_eq!(m.filled(), 3);
    }

    #[test]
    fn by_kompas_marks_tagged_principles_and_cases() {
        let f = |path: &str, text: &str| SourceFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        };
        let loaded = load(&[
            f(
                "manifest/manifest.yaml",
                "titel: T\nraad: R\ngemeente: G\npartijen:\n  - {id: a, naam: A}\nkompas:\n  - {id: outcome, naam: Outcome}\n  - {id: verbetercyclus, naam: Verbetercyclus}\n",
            ),
            f(
                "manifest/principles/01-x.md",
                "---\nid: x\ntitel: X\nvolgorde: 1\nkompas: [verbetercyclus]\n---\nK\n\n## Uitwerking\n\nL\n",
            ),
            f(
                "cases/c.md",
                "---\nid: c\ntitel: Casus C\nuitgangspunt: x\nkompas: [outcome, verbetercyclus]\n---\nVerhaal.\n",
            ),
        ]);
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        let m = Matrix::by_kompas(&loaded.manifest);
        assert_eq!(m.columns[1].name, "Verbetercyclus");
        assert_eq!(
            m.rows[0].cells,
            vec![
                Some("casus: Casus C".into()),
                Some("uitgangspunt; casus: Casus C".into())
            ]
        );
    }
}
