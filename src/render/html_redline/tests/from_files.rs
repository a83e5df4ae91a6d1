use super::*;
use crate::analysis::diff::diff;
use crate::load::load;
use crate::source::SourceFile;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn identity(parties: &[(&str, &str)]) -> SourceFile {
    let mut yaml = String::from("titel: T\nraad: R\ngemeente: G\npartijen:\n");
    for (id, name) in parties {
        yaml.push_str(&format!("  - {{id: {id}, naam: {name}}}\n"));
    }
    file("manifest/manifest.yaml", &yaml)
}

fn principle(id: &str, order: usize, short: &str, cells: &[(&str, &str)]) -> SourceFile {
    let cells: String = cells
        .iter()
        .map(|(party, text)| format!("  {party}: {text}\n"))
        .collect();
    file(
        &format!("manifest/principles/{id}.md"),
        &format!(
            "---\nid: {id}\ntitel: Titel {id}\nvolgorde: {order}\nverantwoordelijkheden:\n{cells}---\n{short}\n\n## Uitwerking\n\nUitwerking van {id}.\n"
        ),
    )
}

fn case(id: &str, principle: &str) -> SourceFile {
    file(
        &format!("cases/{id}.md"),
        &format!(
            "---\nid: {id}\ntitel: Casus {id}\nuitgangspunt: {principle}\n---\nHet verhaal van {id}.\n"
        ),
    )
}

fn new_view(files: Vec<SourceFile>) -> View {
    View::from_manifest(&load(&files).manifest)
}

/// The diff page of two versions.
fn page(old: Vec<SourceFile>, new: Vec<SourceFile>) -> String {
    let (old, new) = (load(&old).manifest, load(&new).manifest);
    let d = diff(&old, &new);
    let (old, new) = (View::from_manifest(&old), View::from_manifest(&new));
    render(old, new, &d, "oud", "nieuw", &templates()).unwrap()
}

/// A part of the page, from `start` to the first `end` after it, without the
/// hidden words for screen readers (checked separately).
fn part(page: &str, start: &str, end: &str) -> String {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {page}"));
    let to = from + page[from..].find(end).unwrap();
    drop_between(
        &page[from..to],
        r#"<span class="visually-hidden">"#,
        "</span>",
    )
}

fn matrix(page: &str) -> String {
    part(page, r#"<section class="part annex""#, "</table>")
}

/// The matrix row of a principle, by the start of its header.
fn row(page: &str, header: &str) -> String {
    let m = matrix(page);
    let at = m
        .find(&format!(r#"<th scope="row">{header}"#))
        .unwrap_or_else(|| panic!("{header} in {m}"));
    m[at..at + m[at..].find("</tr>").unwrap()].to_string()
}

#[test]
fn matrix_cells_rows_and_parties_are_marked() {
    let old = vec![
        identity(&[
            ("inwoners", "Inwoners"),
            ("gemeente", "Gemeente"),
            ("zorg", "Zorgaanbieders"),
        ]),
        principle(
            "a",
            1,
            "Tekst a.",
            &[
                ("inwoners", "luisteren naar buren"),
                ("gemeente", "blijft zo"),
                ("zorg", "helpen"),
            ],
        ),
        principle("b", 2, "Tekst b.", &[("gemeente", "dit gaat weg")]),
    ];
    let new = vec![
        identity(&[
            ("inwoners", "Inwoners"),
            ("gemeente", "College"),
            ("wijk", "Wijkteams"),
        ]),
        principle(
            "a",
            1,
            "Tekst a.",
            &[
                ("inwoners", "luisteren naar iedereen"),
                ("gemeente", "blijft zo"),
                ("wijk", "samen"),
            ],
        ),
        principle("c", 2, "Tekst c.", &[("inwoners", "dit is nieuw")]),
    ];
    let page = page(old, new);
    let m = matrix(&page);
    // Headers: a renamed party word by word, an added and a removed one whole.
    assert!(
        m.contains(r#"<th scope="col"><del>Gemeente</del><ins>College</ins></th>"#),
        "{m}"
    );
    assert!(
        m.contains(r#"<th scope="col"><ins>Wijkteams</ins></th>"#),
        "{m}"
    );
    assert!(
        m.contains(r#"<th scope="col"><del>Zorgaanbieders</del></th>"#),
        "{m}"
    );
    // The removed party's column stands where it stood: after Gemeente.
    assert!(m.find("Zorgaanbieders").unwrap() < m.find("Wijkteams").unwrap());
    // A changed cell: the old words deleted, the new inserted, the rest as it was.
    let a = row(&page, "1. Titel a");
    assert!(
        a.contains("<td>luisteren naar<del> buren</del><ins> iedereen</ins></td>"),
        "{a}"
    );
    assert!(a.contains("<td>blijft zo</td>"), "{a}");
    assert!(
        a.contains("<td><del>helpen</del></td>") && a.contains("<td><ins>samen</ins></td>"),
        "{a}"
    );
    // A removed principle's row deleted, number and all; an added one's inserted.
    let b = row(&page, "<del>2. Titel b");
    assert!(b.contains("<td><del>dit gaat weg</del></td>"), "{b}");
    let c = row(&page, "2. <ins>Titel c</ins>");
    assert!(c.contains("<td><ins>dit is nieuw</ins></td>"), "{c}");
    assert!(c.contains(r#"<td class="empty"></td>"#), "{c}");
    // Every mark says what it is to a screen reader; no placeholder is left.
    let raw = &page[page.find(r#"<section class="part annex""#).unwrap()..];
    assert_eq!(
        raw.matches("<del>").count(),
        raw.matches("[verwijderd: ").count()
    );
    assert_eq!(
        raw.matches("<ins>").count(),
        raw.matches("[toegevoegd: ").count()
    );
    assert!(!page.contains('\u{E000}') && !page.contains('\u{E001}'));
}

#[test]
fn an_unchanged_matrix_is_as_render_writes_it() {
    let files = || {
        vec![
            identity(&[("inwoners", "Inwoners & co")]),
            principle("a", 1, "Tekst a.", &[("inwoners", "<b>vet</b>")]),
        ]
    };
    let page = page(files(), files());
    let m = matrix(&page);
    assert!(!m.contains("<del") && !m.contains("<ins"), "{m}");
    assert_eq!(
        m,
        matrix(&html::render(&new_view(files()), &templates()).unwrap())
    );
    assert!(m.contains("&lt;b&gt;vet"), "{m}");
}

#[test]
fn a_changed_cell_stays_escaped() {
    let page = page(
        vec![
            identity(&[("inwoners", "Inwoners")]),
            principle("a", 1, "Tekst a.", &[("inwoners", "A & B")]),
        ],
        vec![
            identity(&[("inwoners", "Inwoners")]),
            principle("a", 1, "Tekst a.", &[("inwoners", "A & <script>")]),
        ],
    );
    let a = row(&page, "1. Titel a");
    assert!(
        a.contains("A &amp;<del> B</del><ins> &lt;script&gt;</ins>"),
        "{a}"
    );
}

#[test]
fn moved_principles_and_cases_say_where_from_and_to() {
    let parties = || identity(&[("inwoners", "Inwoners")]);
    let page = page(
        vec![
            parties(),
            principle("a", 1, "Tekst a.", &[]),
            principle("b", 2, "Tekst b.", &[]),
            principle("c", 3, "Tekst c.", &[]),
            case("x", "a"),
            case("y", "c"),
            case("z", "c"),
        ],
        vec![
            parties(),
            principle("b", 1, "Tekst b.", &[]),
            principle("c", 2, "Tekst c.", &[]),
            principle("a", 3, "Tekst a.", &[]),
            case("x", "b"),
            case("z", "c"),
            case("y", "c"),
        ],
    );
    let body = part(&page, r#"<section class="part elaboration""#, "</section>");
    // The principle that moved among the others, at its new place.
    assert!(
        body.contains(r#"<h3 id="uitwerking-a">Verplaatst van plaats 1 naar 3: 3. Titel a</h3>"#),
        "{body}"
    );
    // Another that only shifted does not say so.
    assert!(
        body.contains(r#"<h3 id="uitwerking-b">1. Titel b</h3>"#),
        "{body}"
    );
    // The case moved to another principle: from where at its new place, its text
    // there unmarked; where to at its old place, with a link.
    let b = part(
        &page,
        r#"<article aria-labelledby="uitwerking-b">"#,
        "</article>",
    );
    assert!(
        b.contains(r#"<h4 id="casus-x">Verplaatst van ‘Titel a’: Uit de praktijk: Casus x</h4>"#),
        "{b}"
    );
    assert!(
        b.contains("<p>Het verhaal van x.</p>") && !b.contains("<ins") && !b.contains("<del"),
        "{b}"
    );
    let a = part(
        &page,
        r#"<article aria-labelledby="uitwerking-a">"#,
        "</article>",
    );
    assert!(a.contains(r#"<h4 id="casus-x-verplaatst">Verplaatst naar ‘Titel b’: Uit de praktijk: Casus x</h4>"#), "{a}");
    assert!(
        a.contains(r##"<a href="#casus-x">"##) && !a.contains("Het verhaal van x"),
        "{a}"
    );
    // Cases that swapped places within their principle.
    let c = part(
        &page,
        r#"<article aria-labelledby="uitwerking-c">"#,
        "</article>",
    );
    assert!(
        c.contains("Verplaatst van plaats 2 naar 1: Uit de praktijk: Casus z"),
        "{c}"
    );
    // No anchor twice.
    let ids: Vec<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
}

#[test]
fn a_changed_paragraph_keeps_its_links_and_emphasis() {
    let parties = || identity(&[("inwoners", "Inwoners")]);
    let page = page(
        vec![
            parties(),
            principle(
                "a",
                1,
                "Lees [de regels](https://example.org/r?a=1&b=2) en *doe* mee.",
                &[],
            ),
        ],
        vec![
            parties(),
            principle(
                "a",
                1,
                "Lees eerst [de nieuwe regels](https://example.org/r?a=1&b=2) en *doe* **graag** mee met `x<y`.",
                &[],
            ),
        ],
    );
    let short = part(&page, r#"<div class="short-text">"#, "</div>");
    // One link, the inserted word inside it; emphasis and code kept, escaped.
    assert_eq!(short.matches("<a ").count(), 1, "{short}");
    assert!(
        short.contains(
            r#"<a href="https://example.org/r?a=1&amp;b=2">de<ins> nieuwe</ins> regels</a>"#
        ),
        "{short}"
    );
    assert!(short.contains("Lees<ins> eerst</ins> "), "{short}");
    assert!(short.contains("<em>doe</em>"), "{short}");
    assert!(
        short.contains("<strong><ins>graag</ins></strong>"),
        "{short}"
    );
    assert!(short.contains("<code><ins>x&lt;y</ins></code>"), "{short}");
}

#[test]
fn a_deleted_word_in_a_link_stays_in_it() {
    let parties = || identity(&[("inwoners", "Inwoners")]);
    let page = page(
        vec![
            parties(),
            principle("a", 1, "Zie [de oude regels](https://example.org).", &[]),
        ],
        vec![
            parties(),
            principle("a", 1, "Zie [de regels](https://example.org).", &[]),
        ],
    );
    let short = part(&page, r#"<div class="short-text">"#, "</div>");
    assert!(
        short.contains(r#"Zie <a href="https://example.org">de<del> oude</del> regels</a>."#),
        "{short}"
    );
    // The hidden words open and close once for each mark.
    let raw = &page[page.find(r#"<div class="short-text">"#).unwrap()..];
    let raw = &raw[..raw.find("</div>").unwrap()];
    assert!(raw.contains(r#"<del><span class="visually-hidden">[verwijderd: </span> oude<span class="visually-hidden">]</span></del>"#), "{raw}");
}
