//! The templates, embedded in the binary; a council overrides any of them by
//! putting a file of the same name in `manifest/templates/`.

use minijinja::{Environment, Value};

use super::RenderError;
use crate::model::TEMPLATES_DIR;
use crate::source::SourceFile;

pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "document.html",
        include_str!("../../templates/document.html"),
    ),
    ("document.md", include_str!("../../templates/document.md")),
    ("changes.html", include_str!("../../templates/changes.html")),
    ("matrix.html", include_str!("../../templates/matrix.html")),
    (
        "matrix_table.html",
        include_str!("../../templates/matrix_table.html"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
];

pub struct Templates {
    env: Environment<'static>,
    style: String,
    /// Where each template came from, to name it in error messages.
    origins: Vec<(&'static str, String)>,
}

impl Templates {
    /// The built-in templates, each replaced by the council's own file of the same
    /// name in `manifest/templates/` when there is one.
    pub fn load(overrides: &[SourceFile]) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        env.add_filter("css_string", css_string);
        let mut style = String::new();
        let mut origins = Vec::new();
        for (name, built_in) in BUILT_IN {
            let own_path = format!("{TEMPLATES_DIR}/{name}");
            let (source, path) = match overrides.iter().find(|f| f.path == own_path) {
                Some(f) => {
                    let text =
                        String::from_utf8(f.bytes.clone()).map_err(|_| RenderError::Template {
                            path: own_path.clone(),
                            message: "het bestand is geen geldige UTF-8-tekst".into(),
                        })?;
                    (text, own_path)
                }
                None => (built_in.to_string(), format!("ingebouwd sjabloon {name}")),
            };
            if *name == "style.css" {
                // Inserted unescaped into <style>: it must not be able to close it.
                if source.to_ascii_lowercase().contains("</style") {
                    return Err(RenderError::Template {
                        path,
                        message: "het stijlblad mag geen `</style>` bevatten".into(),
                    });
                }
                style = source;
                continue;
            }
            env.add_template_owned(*name, source)
                .map_err(|e| template_error(&path, &e))?;
            origins.push((*name, path));
        }
        Ok(Templates {
            env,
            style,
            origins,
        })
    }

    pub fn style(&self) -> &str {
        &self.style
    }

    /// These templates with another style sheet (one already checked by `load`).
    pub fn with_style(mut self, style: &str) -> Self {
        self.style = style.to_string();
        self
    }

    /// The style sheet for `{{ style }}` in an HTML template: marked safe, because
    /// escaping turns its quotes into `&quot;` and the browser drops the rule. It comes
    /// from `style.css` (built in or the council's), never from manifest text.
    pub fn style_html(&self) -> Value {
        Value::from_safe_string(self.style.clone())
    }

    pub fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, RenderError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(name, &e))?;
        template.render(ctx).map_err(|e| {
            // An error may sit in an included template: name the one it names.
            let failing = e.name().unwrap_or(name);
            let origin = self
                .origins
                .iter()
                .find(|(n, _)| *n == failing)
                .map_or(failing, |(_, p)| p.as_str());
            template_error(origin, &e)
        })
    }
}

/// Text as a quoted CSS string, for `content:` in `<style>` (running headers): every
/// character that could end the string, the rule or the element is escaped.
fn css_string(text: &str) -> Value {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | ',' | ':' | '(' | ')' | '\'') {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

fn template_error(path: &str, e: &minijinja::Error) -> RenderError {
    let line = e
        .line()
        .map(|l| format!(" (regel {l})"))
        .unwrap_or_default();
    RenderError::Template {
        path: format!("{path}{line}"),
        message: e.detail().unwrap_or("onbekende fout").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_close_the_string_or_the_style_element() {
        assert_eq!(
            css_string("Raad \"A\" </style>").to_string(),
            "\"Raad \\22 A\\22  \\3c \\2f style\\3e \""
        );
        assert_eq!(
            css_string("Adviesraad Almere").to_string(),
            "\"Adviesraad Almere\""
        );
    }
}
