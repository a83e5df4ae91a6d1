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
        context! { view => Value::from(Serde(view.rendered_with(tree::to_commonmark))), matrix_table => table },
    )?;
    tidy_blank_lines(&mut out);
    Ok(out)
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
