//! Markdown: one CommonMark file, with the matrix as a GFM table.

pub mod tree;

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::templates::Templates;
use super::{DocumentFormat, RenderError, View};

/// One CommonMark file.
pub struct Markdown;

impl DocumentFormat for Markdown {
    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, view: &View, templates: &Templates) -> Result<Vec<u8>, RenderError> {
        render(view, templates).map(String::into_bytes)
    }
}

pub fn render(view: &View, templates: &Templates) -> Result<String, RenderError> {
    let table = matrix_annex(&view.matrix);
    let mut out = templates.render(
        "document.md",
        context! { view => Value::from(Serde(escaped(view.rendered_with(tree::to_commonmark)))), matrix_table => table },
    )?;
    tidy_blank_lines(&mut out);
    Ok(out)
}

/// The view with every field escaped for Markdown, so a title like
/// `<img src=x onerror=…>` is shown as text, as the same text in a body is. The
/// texts (already Markdown from their trees) are left as they are; ids stand in an
/// HTML attribute (`<a id="…">`), so they get HTML's escaper.
fn escaped(mut v: View) -> View {
    use super::escape::{html, markdown as md};
    let opt = |s: &mut Option<String>| {
        if let Some(s) = s {
            *s = md(s);
        }
    };
    let all = |list: &mut Vec<String>| list.iter_mut().for_each(|s| *s = md(s));
    let laws =
        |laws: &mut Vec<super::LawView>| laws.iter_mut().for_each(|l| l.label = md(&l.label));
    for s in [
        &mut v.title,
        &mut v.elaboration_title,
        &mut v.matrix_intro,
        &mut v.council,
        &mut v.municipality,
    ] {
        *s = md(s);
    }
    opt(&mut v.council_short);
    all(&mut v.address);
    opt(&mut v.email);
    opt(&mut v.website);
    if let Some(e) = &mut v.edition {
        e.label = md(&e.label);
        opt(&mut e.date);
    }
    if let Some(l) = &mut v.letter {
        all(&mut l.to);
        all(&mut l.partners);
        l.subject = md(&l.subject);
        opt(&mut l.date);
        opt(&mut l.salutation);
        opt(&mut l.closing);
        for s in &mut l.signatories {
            s.name = md(&s.name);
            opt(&mut s.role);
        }
        opt(&mut l.reference);
        all(&mut l.annexes);
        if let Some(c) = &mut l.contact {
            c.name = md(&c.name);
            opt(&mut c.phone);
            opt(&mut c.email);
        }
        // The reference lines were made from the fields above before they were escaped.
        for row in &mut l.meta {
            all(&mut row.lines);
        }
    }
    for p in &mut v.principles {
        p.id = html(&p.id);
        p.title = md(&p.title);
        p.heading = md(&p.heading);
        laws(&mut p.laws);
        for c in &mut p.cases {
            c.id = html(&c.id);
            c.title = md(&c.title);
            c.heading = md(&c.heading);
            all(&mut c.actors);
            laws(&mut c.laws);
        }
    }
    if let Some(c) = &mut v.changes {
        c.title = md(&c.title);
        all(&mut c.sentences);
    }
    if let Some(r) = &mut v.response {
        r.title = md(&r.title);
        opt(&mut r.received);
        for row in &mut r.rows {
            // The template escapes `|` in these cells itself.
            row.point = md(&row.point).replace("\\|", "|");
            row.verdict = md(&row.verdict);
            row.note = md(&row.note).replace("\\|", "|");
        }
    }
    v
}

/// The matrix with its caption and, as in the HTML's header cells, what each
/// party stands for (a GFM table cell cannot hold a second line).
fn matrix_annex(m: &crate::analysis::matrix::Matrix) -> String {
    let esc = super::escape::markdown;
    let mut out = format!("**{}**\n\n", super::matrix::CAPTION);
    for c in &m.columns {
        if let Some(d) = &c.description {
            out.push_str(&format!("- **{}**: {}\n", esc(&c.name), esc(d)));
        }
    }
    if m.columns.iter().any(|c| c.description.is_some()) {
        out.push('\n');
    }
    out.push_str(&super::matrix::markdown(m, false));
    out
}

/// Templates leave runs of blank lines where optional parts are absent; keep at most one.
fn tidy_blank_lines(text: &mut String) {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    *text = out.trim_start().to_string();
}
