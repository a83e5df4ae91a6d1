//! What changed, for people: plain Dutch sentences (for the advice letter), a terminal
//! redline, Markdown for a pull-request comment, and JSON (the HTML is `html_redline`'s).

use super::escape;
use std::fmt::Write as _;

pub mod letter;
mod sentences;
use crate::analysis::diff::{Action, Change, Delta, Item};
use crate::analysis::redline::{Redline, Segment};
pub use sentences::{review as review_sentence, sentences_with_redlines, verdict_label};

/// One plain Dutch sentence per change, as the council would write it.
pub fn sentences(d: &Delta) -> Vec<String> {
    sentences_with_redlines(d)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// The kinds of thing as the summary names them.
fn item_label(item: Item) -> &'static str {
    match item {
        Item::Manifest => "Gegevens van het manifest",
        Item::Kompas => "Bouwstenen van het Kwaliteitskompas",
        Item::Party => "Partijen",
        Item::Principle => "Uitgangspunten",
        Item::Case => "Casussen",
        Item::Cell => "Cellen van de matrix",
        Item::Round => "Brieven",
        Item::AdvicePoint => "Adviespunten",
        Item::Response => "Reacties van het college",
    }
}

pub(crate) fn action_label(action: Action) -> &'static str {
    match action {
        Action::Added => "toegevoegd",
        Action::Removed => "verwijderd",
        Action::Moved => "verplaatst",
        Action::Changed => "gewijzigd",
    }
}

/// One row of the summary: a kind of thing and its counts per action.
pub(crate) struct Row {
    pub what: &'static str,
    pub counts: [usize; 4],
}

/// Counts per kind of thing (rows, only those that changed) and per action (columns),
/// with the totals as the last row.
pub(crate) fn summary(d: &Delta) -> Vec<Row> {
    let counts = d.counts();
    let mut rows: Vec<Row> = Item::ALL
        .iter()
        .map(|&item| Row {
            what: item_label(item),
            counts: [0, 1, 2, 3].map(|i| counts.get(&(item, Action::ALL[i])).copied().unwrap_or(0)),
        })
        .filter(|r| r.counts.iter().sum::<usize>() > 0)
        .collect();
    let mut total = [0; 4];
    for r in &rows {
        for (t, c) in total.iter_mut().zip(r.counts) {
            *t += c;
        }
    }
    rows.push(Row {
        what: "Totaal",
        counts: total,
    });
    rows
}

/// "2 toegevoegd, 1 verplaatst, 5 gewijzigd"
pub(crate) fn totals_line(d: &Delta) -> String {
    let total = summary(d).pop().map_or([0; 4], |r| r.counts);
    Action::ALL
        .iter()
        .zip(total)
        .filter(|(_, n)| *n > 0)
        .map(|(a, n)| format!("{n} {}", action_label(*a)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Said above the review hints, in every format.
pub(crate) const REVIEW_TITLE: &str = "Mogelijk te herzien";
const REVIEW_INTRO: &str = "De tekst van deze uitgangspunten is aangepast, maar deze casussen en verantwoordelijkheden niet. Passen ze nog bij de nieuwe tekst?";

const CONTEXT_WORDS: usize = 8;

pub fn terminal(d: &Delta, from: &str, to: &str, color: bool) -> String {
    let (del, ins, dim, reset) = if color {
        ("\x1b[9;31m", "\x1b[4;32m", "\x1b[2m", "\x1b[0m")
    } else {
        ("[-", "{+", "", "")
    };
    let (del_end, ins_end) = if color { (reset, reset) } else { ("-]", "+}") };
    // Control characters from the manifest are shown, not executed.
    let shown = crate::text::terminal::visible;
    let (from, to) = (shown(from), shown(to));
    let mut out = String::new();
    if d.is_empty() {
        let _ = writeln!(out, "Geen inhoudelijke wijzigingen tussen {from} en {to}.");
        return out;
    }
    let _ = writeln!(
        out,
        "Wijzigingen van {from} naar {to}: {} ({})\n",
        d.len(),
        totals_line(d)
    );
    for (sentence, redline) in sentences_with_redlines(d) {
        let _ = writeln!(out, "• {}", shown(&sentence));
        if let Some(r) = redline {
            out.push_str("    ");
            for s in &r.condensed(CONTEXT_WORDS).0 {
                // The space before a piece goes outside its marks.
                let (space, t) = s.split_space();
                let t = shown(t);
                let _ = match s {
                    Segment::Same(_) => write!(out, "{space}{dim}{t}{reset}"),
                    Segment::Deleted(_) => write!(out, "{space}{del}{t}{del_end}"),
                    Segment::Inserted(_) => write!(out, "{space}{ins}{t}{ins_end}"),
                };
            }
            out.push('\n');
        }
    }
    if !d.review.is_empty() {
        let _ = writeln!(out, "\n{REVIEW_TITLE}. {REVIEW_INTRO}");
        for r in &d.review {
            let _ = writeln!(out, "• {}", review_sentence(r));
        }
    }
    out
}

/// GitHub refuses a comment longer than this many characters.
pub const COMMENT_LIMIT: usize = 65_536;

/// Room left for what CI adds around the comment (a hidden marker, a link).
const COMMENT_MARGIN: usize = 1_536;

fn markdown_redline(r: &Redline) -> String {
    r.condensed(CONTEXT_WORDS)
        .0
        .iter()
        .map(|s| {
            let (space, t) = s.split_space();
            match s {
                Segment::Same(_) => format!("{space}{}", escape::markdown(t)),
                Segment::Deleted(_) => format!("{space}~~{}~~", escape::markdown(t)),
                Segment::Inserted(_) => format!("{space}**{}**", escape::markdown(t)),
            }
        })
        .collect()
}

/// Markdown for a pull-request comment: a summary table, then each change with its
/// redline, then what may need another look. Longer than a comment may be, it leaves
/// out the redlines, then the last details, and says so.
pub fn markdown(d: &Delta, from: &str, to: &str) -> String {
    markdown_within(d, from, to, COMMENT_LIMIT - COMMENT_MARGIN)
}

fn markdown_within(d: &Delta, from: &str, to: &str, limit: usize) -> String {
    let mut head = format!(
        "## Wijzigingen in het kwaliteitsmanifest\n\nVan {} naar {}.\n\n",
        escape::markdown_code(from),
        escape::markdown_code(to)
    );
    if d.is_empty() {
        head.push_str("Geen inhoudelijke wijzigingen.\n");
        return head;
    }
    head.push_str(
        "| Wat | Toegevoegd | Verwijderd | Verplaatst | Gewijzigd |\n|---|---:|---:|---:|---:|\n",
    );
    for row in summary(d) {
        let n = row
            .counts
            .map(|n| if n == 0 { String::new() } else { n.to_string() });
        let what = if row.what == "Totaal" {
            "**Totaal**"
        } else {
            row.what
        };
        let _ = writeln!(
            head,
            "| {what} | {} | {} | {} | {} |",
            n[0], n[1], n[2], n[3]
        );
    }
    let changes = sentences_with_redlines(d);
    let items: Vec<(String, Option<String>)> = changes
        .iter()
        .map(|(s, r)| {
            (
                format!("- {}\n", escape::markdown(s)),
                r.map(|r| format!("\n  > {}\n\n", markdown_redline(r))),
            )
        })
        .collect();
    let mut review = String::new();
    if !d.review.is_empty() {
        let _ = writeln!(review, "\n### {REVIEW_TITLE}\n\n{REVIEW_INTRO}\n");
        for r in &d.review {
            let _ = writeln!(review, "- {}", escape::markdown(&review_sentence(r)));
        }
    }
    let mut full: String = items
        .iter()
        .map(|(s, r)| format!("{s}{}", r.as_deref().unwrap_or("")))
        .collect();
    // A redline ends in a blank line already.
    if full.ends_with("\n\n") {
        full.pop();
    }
    let length = |parts: &[&str]| parts.iter().map(|p| p.chars().count()).sum::<usize>();
    let details = "\n### Details\n\n";
    if length(&[&head, details, &full, &review]) <= limit {
        return format!("{head}{details}{full}{review}");
    }
    // Too long for one comment: sentences only, as many as fit, and say so.
    let note = format!(
        "\n> Deze reactie is ingekort, want GitHub toont er niet meer dan {} tekens van: de wijzigingen staan hier zonder de woorden die veranderden{{cut}}. Alles staat in `kwaliteit diff --format html` en in de documenten van deze controle.\n",
        dutch_number(COMMENT_LIMIT)
    );
    let mut body = String::new();
    let mut shown = 0;
    // Room for the note with its longest ending.
    let budget = limit.saturating_sub(length(&[&head, details, &note, &review]) + 120);
    for (s, _) in &items {
        if body.chars().count() + s.chars().count() > budget {
            break;
        }
        body.push_str(s);
        shown += 1;
    }
    let review = if length(&[&head, details, &note, &body, &review]) + 120 <= limit {
        review
    } else {
        String::new()
    };
    let cut = if shown < items.len() {
        format!(
            ", en alleen de eerste {shown} van de {} wijzigingen",
            items.len()
        )
    } else {
        String::new()
    };
    format!(
        "{head}{}{details}{body}{review}",
        note.replace("{cut}", &cut)
    )
}

/// 65536 → "65.536", as Dutch writes numbers.
fn dutch_number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Which version of the JSON shape `diff --format json` writes (documented in the README).
pub const SCHEMA_VERSION: u32 = 2;

/// Each entry of a section as JSON, with its `kind` and `action` added.
fn entries<T: Change + serde::Serialize>(list: &[T]) -> serde_json::Value {
    serde_json::Value::Array(
        list.iter()
            .map(|c| {
                let mut v = serde_json::to_value(c).unwrap_or_default();
                if let Some(map) = v.as_object_mut() {
                    map.insert("kind".into(), c.item().key().into());
                    map.insert("action".into(), c.action().key().into());
                }
                v
            })
            .collect(),
    )
}

/// The JSON shape of `diff --format json` (documented in the README): add fields,
/// never rename without a new `schema_version`.
pub fn json(d: &Delta, from: &str, to: &str) -> String {
    let counts = d.counts();
    let per_action = |item: Option<Item>| {
        let mut map = serde_json::Map::new();
        for a in Action::ALL {
            let n: usize = counts
                .iter()
                .filter(|((i, x), _)| x == a && item.is_none_or(|item| item == *i))
                .map(|(_, n)| n)
                .sum();
            map.insert(a.key().into(), n.into());
        }
        serde_json::Value::Object(map)
    };
    let mut by_kind = serde_json::Map::new();
    for item in Item::ALL {
        if counts.keys().any(|(i, _)| i == item) {
            by_kind.insert(item.key().into(), per_action(Some(*item)));
        }
    }
    let mut summary = per_action(None);
    if let Some(map) = summary.as_object_mut() {
        map.insert("by_kind".into(), serde_json::Value::Object(by_kind));
    }
    let review: Vec<_> = d
        .review
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            if let Some(map) = v.as_object_mut() {
                map.insert("sentence".into(), review_sentence(r).into());
            }
            v
        })
        .collect();
    let value = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "from": from,
        "to": to,
        "changes": d.len(),
        "summary": summary,
        "delta": {
            "manifest": entries(&d.manifest),
            "kompas": entries(&d.kompas),
            "actors": entries(&d.actors),
            "principles": entries(&d.principles),
            "cases": entries(&d.cases),
            "cells": entries(&d.cells),
            "rounds": entries(&d.rounds),
            "advice_points": entries(&d.advice_points),
            "responses": entries(&d.responses),
        },
        "review": review,
    });
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff::{CaseChange, PrincipleChange};

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
        assert!(md.contains("| Uitgangspunten |  |  | 1 | 1 |"), "{md}");
        assert!(md.contains("| **Totaal** |  |  | 1 | 1 |"), "{md}");
        assert!(md.contains("> de basis moet **echt** op orde zijn"), "{md}");
    }

    #[test]
    fn terminal_without_color_uses_brackets() {
        let out = terminal(&sample(), "ronde-2015", "werkmap", false);
        assert!(out.contains("de basis moet {+echt+} op orde zijn"), "{out}");
    }

    #[test]
    fn json_is_valid_and_names_each_change() {
        let v: serde_json::Value = serde_json::from_str(&json(&sample(), "a", "b")).unwrap();
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        assert_eq!(v["changes"], 2);
        assert_eq!(v["delta"]["principles"][0]["change"], "moved");
        assert_eq!(v["delta"]["principles"][0]["kind"], "principle");
        assert_eq!(v["delta"]["principles"][0]["action"], "moved");
        assert_eq!(v["delta"]["principles"][1]["action"], "changed");
        assert_eq!(v["summary"]["moved"], 1);
        assert_eq!(v["summary"]["changed"], 1);
        assert_eq!(v["summary"]["by_kind"]["principle"]["moved"], 1);
        assert_eq!(
            v["delta"]["principles"][1]["redline"][1]["kind"],
            "inserted"
        );
    }

    /// Many changes with long redlines: the comment leaves out the redlines, then the
    /// last details, says so, and stays within GitHub's limit.
    #[test]
    fn a_long_markdown_comment_is_summarised_within_the_limit() {
        let long = "woord ".repeat(200);
        let many = |n: usize| Delta {
            principles: (0..n)
                .map(|i| PrincipleChange::ShortText {
                    id: format!("p{i}"),
                    title: format!("Uitgangspunt {i}"),
                    redline: Redline::between(&format!("{long} oud"), &format!("{long} nieuw")),
                })
                .collect(),
            ..Delta::default()
        };
        let short = markdown(&many(3), "a", "b");
        assert!(!short.contains("ingekort"), "{short}");
        let chars = |s: &str| s.chars().count();
        let cut = markdown(&many(1000), "a", "b");
        assert!(chars(&cut) < COMMENT_LIMIT, "{}", chars(&cut));
        assert!(cut.contains("Deze reactie is ingekort"), "{cut}");
        assert!(
            !cut.contains("~~oud~~"),
            "zonder de woorden die veranderden"
        );
        assert!(cut.contains("65.536 tekens"));
        assert!(
            cut.contains("| **Totaal** |  |  |  | 1000 |"),
            "de samenvatting telt alles"
        );
        let huge = markdown(&many(5000), "a", "b");
        assert!(chars(&huge) < COMMENT_LIMIT, "{}", chars(&huge));
        assert!(huge.contains("alleen de eerste "), "{}", &huge[..2000]);
        assert!(huge.contains("van de 5000 wijzigingen"));
    }
}
