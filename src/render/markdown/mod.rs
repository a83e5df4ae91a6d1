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
    let table = super::matrix::markdown(&view.matrix, false);
    let mut out = templates.render(
        "document.md",
        context! { view => Value::from(Serde(view.rendered_with(tree::to_commonmark))), matrix_table => table },
    )?;
    tidy_blank_lines(&mut out);
    Ok(out)
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
