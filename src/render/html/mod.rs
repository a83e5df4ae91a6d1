//! HTML: one self-contained file (CSS inline, no scripts, no requests).

pub mod tree;

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::templates::Templates;
use super::{DocumentFormat, RenderError, View};
use crate::analysis::matrix::Matrix;

/// One self-contained HTML file.
pub struct Html;

impl DocumentFormat for Html {
    fn extension(&self) -> &'static str {
        "html"
    }

    fn render(&self, view: &View, templates: &Templates) -> Result<Vec<u8>, RenderError> {
        render(view, templates).map(String::into_bytes)
    }
}

pub fn render(view: &View, templates: &Templates) -> Result<String, RenderError> {
    templates.render(
        "document.html",
        context! { view => Value::from(Serde(view.rendered_with(tree::to_html))), style => templates.style_html() },
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
