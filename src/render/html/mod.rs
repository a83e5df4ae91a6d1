//! HTML: one self-contained file (CSS inline, no scripts, no requests).

pub mod tree;

use minijinja::value::Serde;
use minijinja::{Value, context};

use super::templates::Templates;
use super::{RenderError, View};
use crate::analysis::matrix::Matrix;

pub fn render(view: &View, templates: &Templates) -> Result<String, RenderError> {
    templates.render(
        "document.html",
        context! { view => Value::from(Serde(view.rendered_with(tree::to_html))), style => templates.style() },
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
        context! { matrix => Value::from(Serde(matrix)), title => title, compact => compact, style => templates.style() },
    )
}
