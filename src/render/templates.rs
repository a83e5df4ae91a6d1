//! The templates, embedded in the binary; a council overrides any of them by
//! putting a file of the same name in `manifest/templates/`.

use std::path::Path;

use minijinja::Environment;

use super::RenderError;

/// Folder, relative to the repository root, where a council's own templates live.
pub const OVERRIDE_DIR: &str = "manifest/templates";

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
}

impl Templates {
    /// The built-in templates, with overrides from `root/manifest/templates/` when present.
    pub fn load(root: Option<&Path>) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        let mut style = String::new();
        for (name, built_in) in BUILT_IN {
            let own = root.map(|r| r.join(OVERRIDE_DIR).join(name));
            let (source, path) = match own.filter(|p| p.is_file()) {
                Some(p) => {
                    let text = std::fs::read_to_string(&p).map_err(|e| RenderError::Template {
                        path: p.display().to_string(),
                        message: e.to_string(),
                    })?;
                    (text, format!("{OVERRIDE_DIR}/{name}"))
                }
                None => (built_in.to_string(), format!("ingebouwd sjabloon {name}")),
            };
            if *name == "style.css" {
                style = source;
                continue;
            }
            env.add_template_owned(*name, source)
                .map_err(|e| template_error(&path, &e))?;
        }
        Ok(Templates { env, style })
    }

    pub fn style(&self) -> &str {
        &self.style
    }

    pub fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, RenderError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(name, &e))?;
        template.render(ctx).map_err(|e| template_error(name, &e))
    }
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
