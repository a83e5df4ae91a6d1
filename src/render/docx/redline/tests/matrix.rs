//! The matrix annex: rows inserted and deleted, cells marked, row by row.

use super::*;

#[test]
fn a_new_party_replaces_the_matrix_table_as_a_whole() {
    let old = sample();
    let mut new = sample();
    new.matrix.columns.push(Column {
        id: "zorg".into(),
        name: "Zorgaanbieders".into(),
        description: Some("Wie zorg geeft".into()),
    });
    new.matrix.rows[0].cells.push(Some("samenwerken".into()));
    let doc = document_of(parts(&old, &new, &rev()).unwrap());
    assert_eq!(resolve(&doc, true), rendered(&new));
    assert_eq!(resolve(&doc, false), rendered(&old));
}

/// The matrix marked a row at a time is the matrix marked as two whole tables: a cell
/// changed, a row added and one removed, a row moved, a link in a cell.
#[test]
fn the_matrix_marked_row_by_row_is_the_table_marked_whole() {
    use crate::render::docx::matrix::matrix_table;
    let (mut old, mut new) = versions();
    old.matrix.rows[0].cells[1] = Some("zie [de wet](https://example.org/wet)".into());
    for (n, id) in ["a", "b", "c"].into_iter().enumerate() {
        let r = row(
            3 + n,
            id,
            &format!("Titel {id}"),
            &[Some("één"), Some("twee")],
        );
        old.matrix.rows.push(r.clone());
        new.matrix.rows.insert(0, r);
    }
    new.matrix.rows[1].cells[0] = Some("één, en drie".into());
    let marks = Marks {
        author: "ASD".into(),
        date: "2026-03-01T00:00:00Z".into(),
        old_rows: matrix_keys(&old),
        new_rows: matrix_keys(&new),
        paired: paired::Paired::between(&old, &new),
    };
    let mut by_row = Written::default();
    let n = align::changed_matrix(&old.matrix, &new.matrix, &marks, &mut by_row)
        .expect("the same parties");
    let mut whole = Written::default();
    let marked = align::changed_table(matrix_table(&old.matrix), matrix_table(&new.matrix), &marks);
    let m = whole.add(marked);
    // Revision and link ids are numbered as docx-rs makes them: left out.
    let plain = |xml: &[u8]| {
        let xml = String::from_utf8(xml.to_vec()).unwrap();
        let mut out = String::new();
        for (i, part) in xml.split(r#"id=""#).enumerate() {
            out.push_str(if i == 0 {
                part
            } else {
                &part[part.find('"').unwrap() + 1..]
            });
        }
        out
    };
    let (a, b) = (plain(by_row.xml_of(n)), plain(whole.xml_of(m)));
    assert_eq!(a, b);
    assert!(a.contains("<w:ins ") && a.contains("<w:del ") && a.contains("één, en drie"));
    // Another set of parties cannot be marked row by row: the table is replaced whole.
    let mut fewer = new.matrix.clone();
    fewer.columns.pop();
    assert_eq!(
        align::changed_matrix(&old.matrix, &fewer, &marks, &mut Written::default()),
        None
    );
}
