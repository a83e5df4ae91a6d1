//! What changed, for people: plain Dutch sentences (for the advice letter), a terminal
//! redline, Markdown for a pull-request comment, HTML with `<del>`/`<ins>`, and JSON.

use super::escape;
use std::fmt::Write as _;

use minijinja::{Value, context};

use super::RenderError;
use super::templates::Templates;
use crate::analysis::diff::{
    ActorChange, CaseChange, CellChange, Delta, PrincipleChange, RoundChange,
};
use crate::analysis::redline::{Redline, Segment};

/// One plain Dutch sentence per change, as the council would write it.
pub fn sentences(d: &Delta) -> Vec<String> {
    sentences_with_redlines(d)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// Each change as a sentence and, where text changed, its redline; parties first, since
/// cells may depend on a new party.
pub fn sentences_with_redlines(d: &Delta) -> Vec<(String, Option<&Redline>)> {
    let mut out = Vec::new();
    for c in &d.actors {
        let sentence = match c {
            ActorChange::Added { name, .. } => {
                format!("De partij ‘{name}’ is aan de matrix toegevoegd.")
            }
            ActorChange::Removed { name, .. } => {
                format!("De partij ‘{name}’ is uit de matrix gehaald.")
            }
            ActorChange::Renamed { old, new, .. } => format!("De partij ‘{old}’ heet nu ‘{new}’."),
        };
        out.push((sentence, None));
    }
    for c in &d.principles {
        let sentence = match c {
            PrincipleChange::Added {
                title, position, ..
            } => {
                format!("Het uitgangspunt ‘{title}’ is toegevoegd op plaats {position}.")
            }
            PrincipleChange::Removed { title, .. } => {
                format!("Het uitgangspunt ‘{title}’ is vervallen.")
            }
            PrincipleChange::Retitled { old, new, .. } => {
                format!("Het uitgangspunt ‘{old}’ heet nu ‘{new}’.")
            }
            PrincipleChange::Moved {
                title,
                old_position,
                new_position,
                ..
            } => {
                format!(
                    "Het uitgangspunt ‘{title}’ staat nu op plaats {new_position} (was {old_position})."
                )
            }
            PrincipleChange::ShortText { title, .. } => {
                format!("De korte tekst van het uitgangspunt ‘{title}’ is aangepast.")
            }
            PrincipleChange::Elaboration { title, .. } => {
                format!("De uitwerking van het uitgangspunt ‘{title}’ is aangepast.")
            }
        };
        let redline = match c {
            PrincipleChange::ShortText { redline, .. }
            | PrincipleChange::Elaboration { redline, .. } => Some(redline),
            _ => None,
        };
        out.push((sentence, redline));
    }
    for c in &d.cases {
        let sentence = match c {
            CaseChange::Added {
                title,
                principle_title,
                ..
            } => {
                format!("Bij ‘{principle_title}’ is de casus ‘{title}’ toegevoegd.")
            }
            CaseChange::Removed {
                title,
                principle_title,
                ..
            } => {
                format!("De casus ‘{title}’ bij ‘{principle_title}’ is vervallen.")
            }
            CaseChange::Moved {
                title,
                old_principle_title,
                new_principle_title,
                ..
            } => format!(
                "De casus ‘{title}’ hoort nu bij ‘{new_principle_title}’ (was ‘{old_principle_title}’)."
            ),
            CaseChange::Retitled { id, old, new } => match (old.is_empty(), new.is_empty()) {
                (false, true) => format!("De casus ‘{old}’ heeft geen titel meer (id ‘{id}’)."),
                (true, false) => format!("De casus ‘{id}’ heeft nu de titel ‘{new}’."),
                _ => format!("De casus ‘{old}’ heet nu ‘{new}’."),
            },
            CaseChange::Story { title, .. } => {
                format!("Het verhaal van de casus ‘{title}’ is aangepast.")
            }
            CaseChange::Actors { title, .. } => {
                format!("Bij de casus ‘{title}’ zijn de betrokken partijen aangepast.")
            }
        };
        let redline = match c {
            CaseChange::Story { redline, .. } => Some(redline),
            _ => None,
        };
        out.push((sentence, redline));
    }
    for c in &d.cells {
        out.push((cell_sentence(c), Some(&c.redline)));
    }
    for c in &d.rounds {
        let (sentence, redline) = match c {
            RoundChange::Added { year } => (format!("De ronde van {year} is vastgelegd."), None),
            RoundChange::Removed { year } => (format!("De ronde van {year} is verwijderd."), None),
            RoundChange::Letter {
                year,
                field,
                redline,
            } => (
                format!("In de brief van {year} is ‘{field}’ aangepast."),
                Some(redline),
            ),
        };
        out.push((sentence, redline));
    }
    out
}

fn cell_sentence(c: &CellChange) -> String {
    let (p, a) = (&c.principle_title, &c.actor_name);
    match (&c.old, &c.new) {
        (None, Some(_)) => {
            format!("In de matrix heeft ‘{a}’ nu een verantwoordelijkheid bij ‘{p}’.")
        }
        (Some(_), None) => {
            format!("In de matrix is de verantwoordelijkheid van ‘{a}’ bij ‘{p}’ vervallen.")
        }
        _ => format!("In de matrix is de verantwoordelijkheid van ‘{a}’ bij ‘{p}’ aangepast."),
    }
}

/// Counts per kind, for the summary table (also the PDF's).
pub(crate) fn summary(d: &Delta) -> Vec<(&'static str, usize)> {
    let count = |f: &dyn Fn(&PrincipleChange) -> bool| d.principles.iter().filter(|c| f(c)).count();
    vec![
        (
            "Uitgangspunten toegevoegd",
            count(&|c| matches!(c, PrincipleChange::Added { .. })),
        ),
        (
            "Uitgangspunten vervallen",
            count(&|c| matches!(c, PrincipleChange::Removed { .. })),
        ),
        (
            "Uitgangspunten hernoemd",
            count(&|c| matches!(c, PrincipleChange::Retitled { .. })),
        ),
        (
            "Uitgangspunten verplaatst",
            count(&|c| matches!(c, PrincipleChange::Moved { .. })),
        ),
        (
            "Teksten van uitgangspunten aangepast",
            count(&|c| {
                matches!(
                    c,
                    PrincipleChange::ShortText { .. } | PrincipleChange::Elaboration { .. }
                )
            }),
        ),
        ("Casussen gewijzigd", d.cases.len()),
        ("Cellen van de matrix gewijzigd", d.cells.len()),
        ("Partijen gewijzigd", d.actors.len()),
        ("Rondes en brieven gewijzigd", d.rounds.len()),
    ]
}

const CONTEXT_WORDS: usize = 8;

pub fn terminal(d: &Delta, from: &str, to: &str, color: bool) -> String {
    let (del, ins, dim, reset) = if color {
        ("\x1b[9;31m", "\x1b[4;32m", "\x1b[2m", "\x1b[0m")
    } else {
        ("[-", "{+", "", "")
    };
    let (del_end, ins_end) = if color { (reset, reset) } else { ("-]", "+}") };
    let mut out = String::new();
    if d.is_empty() {
        let _ = writeln!(out, "Geen inhoudelijke wijzigingen tussen {from} en {to}.");
        return out;
    }
    let _ = writeln!(out, "Wijzigingen van {from} naar {to}: {}\n", d.len());
    for (sentence, redline) in sentences_with_redlines(d) {
        let _ = writeln!(out, "• {sentence}");
        if let Some(r) = redline {
            out.push_str("    ");
            for (i, s) in r.condensed(CONTEXT_WORDS).0.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                match s {
                    Segment::Same(t) => {
                        let _ = write!(out, "{dim}{t}{reset}");
                    }
                    Segment::Deleted(t) => {
                        let _ = write!(out, "{del}{t}{del_end}");
                    }
                    Segment::Inserted(t) => {
                        let _ = write!(out, "{ins}{t}{ins_end}");
                    }
                }
            }
            out.push('\n');
        }
    }
    out
}

/// Markdown for a pull-request comment: a summary table, then each change with its redline.
pub fn markdown(d: &Delta, from: &str, to: &str) -> String {
    let mut out =
        format!("## Wijzigingen in het kwaliteitsmanifest\n\nVan `{from}` naar `{to}`.\n\n");
    if d.is_empty() {
        out.push_str("Geen inhoudelijke wijzigingen.\n");
        return out;
    }
    out.push_str("| Wat | Aantal |\n|---|---:|\n");
    for (what, n) in summary(d).into_iter().filter(|(_, n)| *n > 0) {
        let _ = writeln!(out, "| {what} | {n} |");
    }
    out.push_str("\n### Details\n\n");
    for (sentence, redline) in sentences_with_redlines(d) {
        let _ = writeln!(out, "- {}", escape::markdown(&sentence));
        if let Some(r) = redline {
            let parts: Vec<String> = r
                .condensed(CONTEXT_WORDS)
                .0
                .iter()
                .map(|s| match s {
                    Segment::Same(t) => escape::markdown(t),
                    Segment::Deleted(t) => format!("~~{}~~", escape::markdown(t)),
                    Segment::Inserted(t) => format!("**{}**", escape::markdown(t)),
                })
                .collect();
            let _ = writeln!(out, "\n  > {}\n", parts.join(" "));
        }
    }
    out
}

/// The redline of a text as HTML with `<del>` and `<ins>`.
pub fn redline_html(r: &Redline) -> String {
    r.0.iter()
        .map(|s| match s {
            Segment::Same(t) => escape::html(t),
            // Screen readers do not announce <del>/<ins>: say it in hidden text.
            Segment::Deleted(t) => format!(
                "<del><span class=\"visually-hidden\">[verwijderd: </span>{}<span class=\"visually-hidden\">]</span></del>",
                escape::html(t)
            ),
            Segment::Inserted(t) => format!(
                "<ins><span class=\"visually-hidden\">[toegevoegd: </span>{}<span class=\"visually-hidden\">]</span></ins>",
                escape::html(t)
            ),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A self-contained HTML page listing every change, with full redlines, from the
/// template `changes.html` (escaped like the document; the redlines escape themselves).
pub fn html_page(
    d: &Delta,
    from: &str,
    to: &str,
    templates: &Templates,
) -> Result<String, RenderError> {
    let summary: Vec<_> = summary(d)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, count)| context! { what, count })
        .collect();
    let changes: Vec<_> = sentences_with_redlines(d)
        .into_iter()
        .map(|(sentence, redline)| {
            let redline = redline.map(|r| Value::from_safe_string(redline_html(r)));
            context! { sentence, redline }
        })
        .collect();
    let mut page = templates.render(
        "changes.html",
        context! { from, to, summary, changes, style => templates.style_html() },
    )?;
    // Written to standard output: end with a newline, as before.
    if !page.ends_with('\n') {
        page.push('\n');
    }
    Ok(page)
}

/// The JSON shape of `diff --format json` (documented in the README): add fields, never rename.
pub fn json(d: &Delta, from: &str, to: &str) -> String {
    let value = serde_json::json!({
        "version": 1,
        "from": from,
        "to": to,
        "changes": d.len(),
        "delta": d,
    });
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Delta {
        Delta {
            principles: vec![
                PrincipleChange::Moved {
                    id: "leren-en-verbeteren".into(),
                    title: "Leren en verbeteren".into(),
                    old_position: 3,
                    new_position: 2,
                },
                PrincipleChange::ShortText {
                    id: "a".into(),
                    title: "De basis op orde".into(),
                    redline: Redline::between(
                        "de basis moet op orde zijn",
                        "de basis moet echt op orde zijn",
                    ),
                },
            ],
            ..Delta::default()
        }
    }

    #[test]
    fn sentences_are_plain_dutch() {
        assert_eq!(
            sentences(&sample())[0],
            "Het uitgangspunt ‘Leren en verbeteren’ staat nu op plaats 2 (was 3)."
        );
    }

    #[test]
    fn a_title_dropped_or_given_names_the_case_by_its_id() {
        let retitled = |old: &str, new: &str| Delta {
            cases: vec![CaseChange::Retitled {
                id: "tuin".into(),
                old: old.into(),
                new: new.into(),
            }],
            ..Delta::default()
        };
        assert_eq!(
            sentences(&retitled("De tuin", ""))[0],
            "De casus ‘De tuin’ heeft geen titel meer (id ‘tuin’)."
        );
        assert_eq!(
            sentences(&retitled("", "De tuin"))[0],
            "De casus ‘tuin’ heeft nu de titel ‘De tuin’."
        );
    }

    #[test]
    fn markdown_has_summary_table_and_redline() {
        let md = markdown(&sample(), "ronde-2015", "werkmap");
        assert!(md.contains("| Uitgangspunten verplaatst | 1 |"), "{md}");
        assert!(md.contains("> de basis moet **echt** op orde zijn"), "{md}");
    }

    #[test]
    fn html_marks_insertions_and_escapes_text() {
        let r = Redline::between("a <b>", "a <b> c");
        assert_eq!(
            redline_html(&r),
            "a &lt;b&gt; <ins><span class=\"visually-hidden\">[toegevoegd: </span>c<span class=\"visually-hidden\">]</span></ins>"
        );
    }

    #[test]
    fn html_page_escapes_names_and_keeps_the_redlines() {
        let templates = Templates::load(&[])
            .unwrap()
            .with_style("body { font-family: \"A\", sans-serif; }");
        let html = |d: &Delta, from: &str, to: &str| html_page(d, from, to, &templates).unwrap();
        let page = html(&sample(), "<oud>", "werkmap");
        assert!(page.contains("<code>&lt;oud&gt;</code>"), "{page}");
        assert!(page.contains("font-family: \"A\", sans-serif;"), "{page}");
        assert!(page.contains("<th scope=\"row\">Uitgangspunten verplaatst</th><td>1</td>"));
        assert!(
            page.contains("moet <ins><span class=\"visually-hidden\">[toegevoegd: </span>echt")
        );
        let empty = html(&Delta::default(), "a", "b");
        assert!(
            empty.contains("<p>Geen inhoudelijke wijzigingen.</p>"),
            "{empty}"
        );
    }

    #[test]
    fn terminal_without_color_uses_brackets() {
        let out = terminal(&sample(), "ronde-2015", "werkmap", false);
        assert!(out.contains("de basis moet {+echt+} op orde zijn"), "{out}");
    }

    #[test]
    fn json_is_valid_and_names_each_change() {
        let v: serde_json::Value = serde_json::from_str(&json(&sample(), "a", "b")).unwrap();
        assert_eq!(v["changes"], 2);
        assert_eq!(v["delta"]["principles"][0]["change"], "moved");
        assert_eq!(
            v["delta"]["principles"][1]["redline"][1]["kind"],
            "inserted"
        );
    }
}
