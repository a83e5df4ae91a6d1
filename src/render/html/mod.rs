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
    render_prepared(view.rendered_with(tree::to_html), templates)
}

/// A view whose texts are rendered already (the diff's redline marks them itself).
/// The view is taken: the template reads its own copy of what it shows
/// (`template_value`), and the view is freed as that is made.
pub fn render_prepared(mut view: View, templates: &Templates) -> Result<String, RenderError> {
    // The page is mostly its texts, then markup around each principle, case and
    // matrix cell, and the style sheet: room for that, a little more than it needs.
    let texts: usize = view.texts_mut().map(|t| t.rendered.len()).sum();
    let items: usize = view.principles.iter().map(|p| 1 + p.cases.len()).sum();
    let cells: usize = view.matrix.rows.iter().map(|r| r.cells.len()).sum();
    let capacity = texts + 400 * items + 64 * cells + 64 * 1024;
    let logo_src = view.house.logo.as_ref().map(|l| {
        format!(
            "data:{};base64,{}",
            l.mime,
            crate::model::image::base64(&l.bytes)
        )
    });
    let house_style = Value::from_safe_string(house_css(&view.house));
    let value = template_value(view);
    templates.render_with_capacity(
        "document.html",
        context! {
            view => value,
            style => templates.style_html(),
            house_style => house_style,
            logo_src => logo_src.map(Value::from_safe_string),
        },
        capacity,
    )
}

/// The view as the template reads it, the same as `Value::from(Serde(&view))`. Made
/// one principle at a time, each freed (with its document trees) once copied: a copy
/// of the whole view beside the view itself was the peak of a large page.
fn template_value(mut view: View) -> Value {
    let principles: Vec<Value> = std::mem::take(&mut view.principles)
        .into_iter()
        .map(|p| Value::from(Serde(&p)))
        .collect();
    let mut principles = Some(Value::from(principles));
    let rest = Value::from(Serde(&view));
    crate::memory::free_beside(view);
    let Ok(keys) = rest.try_iter() else {
        return rest;
    };
    Value::from_pairs(keys.map(|key| {
        let value = if key.as_str() == Some("principles") {
            principles.take().unwrap_or_default()
        } else {
            rest.get_item(&key).unwrap_or_default()
        };
        (key, value)
    }))
}

/// The council's font and colour as CSS custom properties, for every HTML page.
pub fn house_style_of(m: &crate::model::Manifest) -> String {
    house_css(&super::HouseView::of(m))
}

/// The fallbacks behind a council's own font, as in templates/style.css.
const FONT_FALLBACK: &str = r#""Noto Sans", "Liberation Sans", Arial, sans-serif"#;

/// The council's font and colour as custom properties after the style sheet's own.
/// Both were checked by the loader (a font name of letters, digits, spaces and
/// hyphens; `#RRGGBB`); checked again here, because this text is not escaped.
fn house_css(house: &super::HouseView) -> String {
    let mut rules = String::new();
    if let Some(font) = house.font.as_deref().filter(|f| {
        f.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    }) {
        rules.push_str(&format!(
            "--font-family: \"{}\", {FONT_FALLBACK}; ",
            font.trim()
        ));
    }
    if let Some(colour) = house.colour.as_deref().filter(|c| {
        c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|d| d.is_ascii_hexdigit())
    }) {
        rules.push_str(&format!("--colour-primary: {colour}; "));
    }
    if rules.is_empty() {
        String::new()
    } else {
        format!(":root {{ {rules}}}")
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn html(view: &crate::render::View) -> String {
        render(view, &Templates::load(&[]).unwrap()).unwrap()
    }

    #[test]
    fn the_letter_comes_first_and_datum_before_betreft() {
        let view = crate::render::docx::tests::sample();
        let page = html(&view);
        let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s} ontbreekt"));
        assert!(at(r#"<article class="letter" aria-label="Adviesbrief">"#) < at("<h1>"));
        assert!(at("<h1>") < at(r#"<nav class="toc""#));
        assert!(at("<dt>Datum</dt>") < at("<dt>Betreft</dt>"));
        assert!(at("<dt>Betreft</dt>") < at("<dt>Bijlage</dt>"));
        assert!(at("Klaas Jongejan") < at("<h1>"));
        // Fields the round does not give leave no empty slot.
        for absent in [
            "Ons kenmerk",
            "Contactpersoon",
            "<br>\n    </p>",
            "<dd></dd>",
        ] {
            assert!(!page.contains(absent), "{absent}");
        }
        // The letter is no part of the contents: it comes before them.
        assert!(!page.contains("href=\"#brief\""));
    }

    #[test]
    fn the_logo_is_embedded_with_its_alternative_text() {
        let mut view = crate::render::docx::tests::sample();
        view.house.logo = Some(crate::render::LogoView {
            alt: "Logo Adviesraad Sociaal Domein Almere".into(),
            mime: "image/png",
            bytes: std::sync::Arc::new(b"\x89PNG\r\n\x1a\nabc".to_vec()),
            size: Some((2, 1)),
        });
        let page = html(&view);
        assert!(
            page.contains(r#"<img class="logo" src="data:image/png;base64,iVBORw0KGgphYmM=" alt="Logo Adviesraad Sociaal Domein Almere">"#),
            "{}",
            &page[..page.find("</header>").unwrap()]
        );
    }

    #[test]
    fn the_councils_font_and_colour_follow_the_style_sheet_unescaped() {
        let mut view = crate::render::docx::tests::sample();
        view.house.font = Some("Noto Sans".into());
        view.house.colour = Some("#0b5d3b".into());
        let page = html(&view);
        let style = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap()];
        let own = style
            .find(r#":root { --font-family: "Noto Sans", "Noto Sans", "Liberation Sans""#)
            .expect(style);
        assert!(style.find("--font-family: \"Segoe UI\"").unwrap() < own);
        assert!(style.contains("--colour-primary: #0b5d3b;"));
        assert!(!style.contains("&quot;"));
    }

    #[test]
    fn house_values_cannot_leave_their_css_value() {
        let css = |font: &str, colour: &str| {
            house_css(&crate::render::HouseView {
                font: Some(font.into()),
                colour: Some(colour.into()),
                logo: None,
            })
        };
        assert_eq!(
            css("Noto Sans", "#1a2b3c"),
            format!(
                r#":root {{ --font-family: "Noto Sans", {FONT_FALLBACK}; --colour-primary: #1a2b3c; }}"#
            )
        );
        // Anything the loader would have refused is left out, not escaped into the sheet.
        assert_eq!(css("x\"; } body { display: none", "red; }"), "");
        assert_eq!(css("</style>", "#12345g"), "");
    }

    #[test]
    fn the_template_reads_the_view_made_one_principle_at_a_time_as_the_whole_view() {
        // The real manifest (a letter, seven principles with cases and laws, the
        // matrix) and the sample (a response): every field the template can reach.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let snapshot = crate::source::read_worktree(root).unwrap();
        let real = View::from_manifest(&crate::load::load(&snapshot.files).manifest);
        for view in [real, crate::render::docx::tests::sample()] {
            let view = view.rendered_with(tree::to_html);
            let whole = Value::from(Serde(&view));
            let made = template_value(view.clone());
            // Compared as JSON: the same keys and values, in whatever order.
            let json = |v: &Value| serde_json::to_value(v).unwrap();
            assert_eq!(json(&made), json(&whole));
            let principles = made.get_attr("principles").unwrap();
            assert_eq!(principles.len(), Some(view.principles.len()));
            assert!(!view.principles.is_empty());
        }
    }
}
