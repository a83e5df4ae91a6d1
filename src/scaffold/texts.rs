//! The texts of the files `new` and `init` write, from the templates in
//! `templates/scaffold/` (embedded in the binary). Values in front matter go through
//! the one YAML scalar writer, the one `fmt` uses.

use std::sync::OnceLock;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value, context};

use super::{INIT_CASE, INIT_PRINCIPLE, INIT_TITLE, id_hint, normalize};
use crate::fmt::scalar;
use crate::model::placeholder::PLACEHOLDER;
use crate::model::{ELABORATION_HEADING, MANIFEST_FILE, Round};
use crate::text::slug::slugify;

/// The same as this repository's `.gitattributes` (a test keeps them in step).
pub(super) const GITATTRIBUTES: &str = include_str!("../../templates/scaffold/gitattributes");

pub(super) const GITIGNORE: &str = include_str!("../../templates/scaffold/gitignore");

/// The GitHub workflow for a council's repository: this repository's workflow with the
/// build replaced by the action of this repository at the commit this binary was built
/// from, which installs the release of that commit (a test keeps the two in step). Not a
/// template: it holds GitHub's own `${{ … }}`.
pub(super) fn github_workflow(commit: Option<&str>) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let action = match commit {
        Some(commit) => format!("{ACTION_REPOSITORY}@{commit} # v{version}"),
        // Built without git: the release tag (moves only if someone retags it).
        None => format!("{ACTION_REPOSITORY}@v{version}"),
    };
    include_str!("../../templates/scaffold/workflow.yml").replace("{{ACTION}}", &action)
}

/// The GitLab CI configuration, installing the wheel of this version.
pub(super) fn gitlab_ci() -> String {
    include_str!("../../templates/scaffold/gitlab-ci.yml").replace(
        "KWALITEIT_VERSION: \"0.1.0\"",
        &format!("KWALITEIT_VERSION: \"{}\"", env!("CARGO_PKG_VERSION")),
    )
}

pub(super) const REMARKRC: &str = include_str!("../../templates/scaffold/remarkrc.json");

/// Where kwaliteit's releases and its action live.
const ACTION_REPOSITORY: &str = "kwaliteit/kwaliteit";

const TEMPLATES: &[(&str, &str)] = &[
    (
        "manifest.yaml",
        include_str!("../../templates/scaffold/manifest.yaml"),
    ),
    (
        "kompas.yaml",
        include_str!("../../templates/scaffold/kompas.yaml"),
    ),
    (
        "principle.md",
        include_str!("../../templates/scaffold/principle.md"),
    ),
    ("case.md", include_str!("../../templates/scaffold/case.md")),
    (
        "round.md",
        include_str!("../../templates/scaffold/round.md"),
    ),
    (
        "README.md",
        include_str!("../../templates/scaffold/README.md"),
    ),
];

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // Block tags on lines of their own leave no trace, so the templates read as
        // the files they make.
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("valid syntax");
        env.set_syntax(syntax);
        env.set_auto_escape_callback(|_| AutoEscape::None);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.add_filter("yaml", |s: String| scalar::text(&s));
        env.add_filter("yaml_key", |s: String| scalar::key_text(&s));
        for (name, source) in TEMPLATES {
            env.add_template(name, source).expect("valid template");
        }
        env
    })
}

/// The built-in templates are part of the program: a failure is a bug, caught by tests.
fn render(name: &str, ctx: Value) -> String {
    env()
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .unwrap_or_else(|e| panic!("sjabloon {name}: {e:#}"))
}

pub(super) fn identity_text(
    council: &str,
    municipality: &str,
    actors: &[(&str, &str)],
    kompas: &[(&str, &str)],
) -> String {
    render(
        "manifest.yaml",
        context! { title => INIT_TITLE, council, municipality,
        actors => Value::from(Serde(actors)),
        kompas => Value::from(Serde(kompas)) },
    )
}

/// `kompas: []` with the blocks to choose from, when the manifest has any.
fn kompas_hint(kompas: &[&str]) -> String {
    if kompas.is_empty() {
        String::new()
    } else {
        id_hint(kompas)
    }
}

pub(super) fn principle_text(
    id: &str,
    title: &str,
    order: i64,
    cells: &[(&str, String)],
    kompas: &[&str],
) -> String {
    render(
        "principle.md",
        context! {
            id, title, order,
            cells => Value::from(Serde(cells)),
            kompas_hint => kompas_hint(kompas),
            manifest_file => MANIFEST_FILE,
            placeholder => PLACEHOLDER,
            elaboration_heading => ELABORATION_HEADING,
        },
    )
}

pub(super) fn case_text(
    id: &str,
    title: &str,
    principle: Option<&str>,
    principles: &[&str],
    actors: &[&str],
    year: i64,
    kompas: &[&str],
) -> String {
    let principle = principle.map_or_else(
        || format!("{PLACEHOLDER} id van het uitgangspunt"),
        str::to_string,
    );
    render(
        "case.md",
        context! {
            id, title, principle, year,
            principles_hint => id_hint(principles),
            first_actor => actors.first().copied(),
            actors_hint => id_hint(actors),
            kompas_hint => kompas_hint(kompas),
            placeholder => PLACEHOLDER,
        },
    )
}

pub(super) fn round_text(
    year: i64,
    subject: &str,
    municipality: &str,
    previous: Option<&Round>,
) -> String {
    let to: Vec<String> = match previous.map(|r| &r.to) {
        Some(to) if !to.is_empty() => to.iter().map(|t| normalize(t)).collect(),
        _ => vec![
            "college van burgemeester en wethouders".to_string(),
            format!("Gemeente {municipality}"),
        ],
    };
    let salutation = previous
        .and_then(|r| r.salutation.as_deref())
        .map(normalize)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Geacht college,".to_string());
    let closing = previous
        .and_then(|r| r.closing.as_deref())
        .map(normalize)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Met vriendelijke groet,".to_string());
    let since = match previous.and_then(|r| r.year.as_ref()) {
        Some(y) => format!("wat er sinds het advies van {} veranderd is", y.value),
        None => "hoe het manifest tot stand kwam".to_string(),
    };
    render(
        "round.md",
        context! {
            year, to => Value::from(Serde(&to)), subject, salutation, closing, since,
            placeholder => PLACEHOLDER,
        },
    )
}

pub(super) fn readme(raad: &str, gemeente: &str, year: i64, ci: super::Ci) -> String {
    let heading = if raad.is_empty() {
        INIT_TITLE.to_string()
    } else {
        format!("{INIT_TITLE} – {raad}")
    };
    let who = match (raad.is_empty(), gemeente.is_empty()) {
        (false, false) => format!("de {raad} in de gemeente {gemeente}"),
        (false, true) => format!("de {raad}"),
        (true, false) => format!("de adviesraad sociaal domein van de gemeente {gemeente}"),
        (true, true) => "de adviesraad sociaal domein".to_string(),
    };
    render(
        "README.md",
        context! {
            heading, who, year,
            init_principle => INIT_PRINCIPLE,
            init_case => INIT_CASE,
            html => format!("build/{}.html", slugify(INIT_TITLE)),
            repository => ACTION_REPOSITORY,
            version => env!("CARGO_PKG_VERSION"),
            ci => match ci { super::Ci::Github => "github", super::Ci::Gitlab => "gitlab" },
        },
    )
}
