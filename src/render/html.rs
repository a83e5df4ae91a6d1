//! HTML: one self-contained file (CSS inline, no scripts, no requests).

use comrak::Options;
use minijinja::value::Serde;
use minijinja::{Value, context};

use super::templates::Templates;
use super::{RenderError, View};
use crate::analysis::matrix::Matrix;

/// Markdown to HTML. Raw HTML was already made inert by `View`; comrak's safe mode
/// (no raw HTML, no dangerous URLs) is a second guard.
pub fn markdown_to_html(text: &str) -> String {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    comrak::markdown_to_html(text, &options)
}

/// The view with every Markdown text turned into HTML, for the template.
fn html_view(view: &View) -> View {
    let mut v = view.clone();
    if let Some(letter) = v.letter.as_mut() {
        letter.body = markdown_to_html(&letter.body);
    }
    for p in &mut v.principles {
        p.short_text = markdown_to_html(&p.short_text);
        p.elaboration = markdown_to_html(&p.elaboration);
        for c in &mut p.cases {
            c.story = markdown_to_html(&c.story);
        }
    }
    v
}

pub fn render(view: &View, templates: &Templates) -> Result<String, RenderError> {
    templates.render(
        "document.html",
        context! { view => Value::from(Serde(html_view(view))), style => templates.style_html() },
    )
}

/// The matrix alone, as a page.
pub fn render_matrix(
    matrix: &Matrix,
    title: &str,
    compact: bool,
    templates: &Templates,
) -> Result<String, RenderError> {
    templates.render(
        "matrix.html",
        context! { matrix => Value::from(Serde(matrix)), title => title, compact => compact, style => templates.style_html() },
    )
}
