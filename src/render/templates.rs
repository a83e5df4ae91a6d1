//! The templates, embedded in the binary; a council overrides any of them by
//! putting a file of the same name in `manifest/templates/`.

use minijinja::{Environment, Value};

use super::RenderError;
use crate::model::TEMPLATES_DIR;
use crate::model::finding::{Finding, Pos, Rule};
use crate::source::SourceFile;
use crate::text::LineIndex;

pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "document.html",
        include_str!("../../templates/document.html"),
    ),
    ("document.md", include_str!("../../templates/document.md")),
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
    /// The council's font and colour (`huisstijl`) after the style sheet, for the pages
    /// that are not the document itself (matrix, diff); `css` is made by
    /// `render::html::house_style_of` from checked values.
    pub fn with_house_style(mut self, css: String) -> Self {
        if !css.is_empty() {
            self.style.push('\n');
            self.style.push_str(&css);
        }
        self
    }

    pub fn style_html(&self) -> Value {
        Value::from_safe_string(self.style.clone())
    }

    pub fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, RenderError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(name, &e))?;
        template.render(ctx).map_err(|e| self.failed(name, &e))
    }

    /// As [`Templates::render`], into room for `capacity` bytes made at once: a page of
    /// many megabytes then grows without being copied, nor given twice the room it needs.
    pub fn render_with_capacity(
        &self,
        name: &str,
        ctx: minijinja::Value,
        capacity: usize,
    ) -> Result<String, RenderError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(name, &e))?;
        let mut out = Vec::with_capacity(capacity);
        template
            .render_captured_to(ctx, &mut out)
            .map_err(|e| self.failed(name, &e))?;
        // Templates write text only.
        Ok(String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }

    /// An error of rendering `name`, which may sit in a template it includes: that one
    /// is named.
    fn failed(&self, name: &str, e: &minijinja::Error) -> RenderError {
        let failing = e.name().unwrap_or(name);
        let origin = self
            .origins
            .iter()
            .find(|(n, _)| *n == failing)
            .map_or(failing, |(_, p)| p.as_str());
        template_error(origin, e)
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
        message: dutch_template_error(e).to_string(),
    }
}

/// minijinja's messages are English: each kind of error gets a Dutch text instead.
fn dutch_template_error(e: &minijinja::Error) -> &'static str {
    use minijinja::ErrorKind as K;
    match e.kind() {
        K::SyntaxError => {
            "de opmaak klopt niet: controleer `{{ … }}` en `{% … %}`, en of elk `{% if %}`, `{% for %}` en `{% block %}` zijn `{% end… %}` heeft"
        }
        K::BadEscape => "een teken na `\\` in een tekst tussen aanhalingstekens bestaat niet",
        K::TemplateNotFound => {
            "een sjabloon dat hier wordt gebruikt (met `include`, `extends` of `import`) bestaat niet"
        }
        K::UnknownFilter => "een filter (na `|`) bestaat niet",
        K::UnknownTest => "een test (na `is`) bestaat niet",
        K::UnknownFunction | K::UnknownMethod => {
            "een functie die hier wordt gebruikt, bestaat niet"
        }
        K::TooManyArguments => "een filter of functie krijgt te veel waarden",
        K::MissingArgument => "een filter of functie mist een waarde",
        K::UndefinedError => "hier wordt een naam gebruikt die niet bestaat",
        K::BadInclude | K::EvalBlock => "een sjabloon dat hier wordt ingevoegd, heeft een fout",
        K::WriteFailure => "het resultaat kon niet worden geschreven",
        K::InvalidDelimiter => "de scheidingstekens van het sjabloon zijn ongeldig",
        K::NonPrimitive
        | K::NonKey
        | K::InvalidOperation
        | K::CannotUnpack
        | K::CannotDeserialize
        | K::BadSerialization => {
            "een bewerking past niet bij de waarde, bijvoorbeeld rekenen met tekst of een lus over iets wat geen lijst is"
        }
        _ => "het sjabloon heeft hier een fout",
    }
}

/// The council's own templates, each read as `render` reads it, so that `check` reports
/// a broken one at its line instead of `render` stopping on it.
pub fn findings(overrides: &[SourceFile]) -> Vec<Finding> {
    let mut out = Vec::new();
    for file in overrides {
        let Some(name) = file.path.strip_prefix(&format!("{TEMPLATES_DIR}/")) else {
            continue;
        };
        if !BUILT_IN.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(&file.bytes) else {
            // Reported as `invalid-utf8` with the other files' encodings? Not for
            // templates: say it here.
            out.push(template_finding(
                &file.path,
                Pos::START,
                "het bestand is geen geldige UTF-8-tekst",
            ));
            continue;
        };
        if name == "style.css" {
            if let Some(at) = text.to_ascii_lowercase().find("</style") {
                let pos = LineIndex::new(text).pos(at);
                out.push(
                    template_finding(
                        &file.path,
                        pos,
                        "het stijlblad mag geen `</style>` bevatten",
                    )
                    .width("</style".len())
                    .with_line(text),
                );
            }
            continue;
        }
        let mut env = Environment::new();
        env.add_filter("css_string", css_string);
        if let Err(e) = env.add_template(name, text) {
            let index = LineIndex::new(text);
            let pos = match (e.range(), e.line()) {
                (Some(range), _) => index.pos(range.start),
                (None, Some(line)) => Pos::new(line, 1),
                (None, None) => Pos::START,
            };
            out.push(template_finding(&file.path, pos, dutch_template_error(&e)).with_line(text));
        }
    }
    out
}

trait WithLine {
    /// The line of the template the finding points at, shown under the message
    /// (templates are not among the manifest's texts, where `report` looks it up).
    fn with_line(self, text: &str) -> Self;
}

impl WithLine for Finding {
    fn with_line(mut self, text: &str) -> Self {
        self.source_line = crate::text::line_text(text, self.pos.line).map(str::to_string);
        self
    }
}

fn template_finding(path: &str, pos: Pos, message: &str) -> Finding {
    Finding::new(
        Rule::TemplateError,
        path,
        pos,
        format!("het sjabloon heeft een fout: {message}"),
    )
    .help("herstel het sjabloon, of haal het weg: dan gebruikt `render` het ingebouwde")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(name: &str, text: &str) -> SourceFile {
        SourceFile {
            path: format!("{TEMPLATES_DIR}/{name}"),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_broken_own_template_is_a_finding_at_its_line() {
        let files = [
            own("document.md", "# {{ view.title }}\n\n{% if x %}\nopen\n"),
            own("matrix.html", "<p>{{ goed }}</p>\n"),
            own("style.css", "p{}\n</STYLE>\n"),
            own("document.html", "\u{0}\u{ff}"),
            own("geen-sjabloon.html", "{% kapot"),
        ];
        let found: Vec<_> = findings(&files)
            .into_iter()
            .map(|f| (f.rule, f.path, f.pos.line))
            .collect();
        assert_eq!(
            found,
            [
                // The `{% if %}` that is never closed.
                (
                    Rule::TemplateError,
                    "manifest/templates/document.md".into(),
                    3
                ),
                (
                    Rule::TemplateError,
                    "manifest/templates/style.css".into(),
                    2
                ),
            ]
        );
        let bad_utf8 = [SourceFile {
            path: "manifest/templates/document.html".into(),
            bytes: vec![b'a', 0xff],
        }];
        assert_eq!(findings(&bad_utf8).len(), 1);
    }

    #[test]
    fn template_errors_are_dutch_with_their_place() {
        let cases = [
            ("document.md", "{{ view.title | bestaat_niet }}"),
            ("document.md", "{% include 'weg.md' %}"),
            ("document.md", "{{ 1 + view }}"),
            ("document.md", "{% for x in %}{% endfor %}"),
        ];
        for (name, text) in cases {
            let err = Templates::load(&[own(name, text)])
                .and_then(|t| t.render(name, minijinja::context! { view => "v" }))
                .err()
                .unwrap_or_else(|| panic!("{text} renders"));
            let RenderError::Template { path, message } = &err else {
                panic!("{err:?}");
            };
            assert!(
                path.starts_with("manifest/templates/document.md (regel 1)"),
                "{path}"
            );
            for english in [
                "unknown", "filter x", "syntax", "error", "template", "expected",
            ] {
                assert!(!message.contains(english), "{text}: {message}");
            }
        }
    }

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
