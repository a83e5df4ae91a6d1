//! The command line: argument definitions (help in Dutch) and dispatch.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};

use crate::exit;
use crate::finding::{self, Severity};
use crate::matrix::Matrix;
use crate::report::{self, Format, Summary};
use crate::{check, load, render, source};

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "kwaliteit",
    version,
    about = "Controleer, maak en vergelijk het kwaliteitsmanifest van een adviesraad sociaal domein.",
    help_template = HELP_TEMPLATE,
    override_usage = "kwaliteit [-C MAP] <OPDRACHT> [OPTIES]",
    subcommand_help_heading = "Opdrachten",
    next_help_heading = "Opties",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "Afsluitcodes: 0 in orde, 1 fouten gevonden, 2 verkeerd gebruik of lees-/schrijffout."
)]
pub struct Cli {
    /// Werk in MAP in plaats van de huidige map (zoals bij git)
    #[arg(short = 'C', value_name = "MAP", global = true)]
    pub dir: Option<PathBuf>,

    /// Toon deze hulp
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    /// Toon de versie
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer het hele manifest en meld alle problemen in één keer
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit check [--format human|json|github] [--strict]"
    )]
    Check(CheckArgs),

    /// Maak het document voor het college: brief, manifest, uitwerking en matrix
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit render [--format html|md|docx] [--out MAP] [--force]"
    )]
    Render(RenderArgs),

    /// Toon de matrix van uitgangspunten en verantwoordelijkheden
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit matrix [--format table|md|csv|html] [--compact]"
    )]
    Matrix(MatrixArgs),
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Vorm van het document: html (standaard), md of docx
    #[arg(
        long,
        value_enum,
        default_value = "html",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: render::Format,

    /// Map voor het document (standaard: build/ in de map van het manifest)
    #[arg(long, value_name = "MAP")]
    pub out: Option<PathBuf>,

    /// Schrijf het document ook als de controle fouten vindt
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    Table,
    Md,
    Csv,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct MatrixArgs {
    /// Vorm: table (standaard, voor de terminal), md, csv of html
    #[arg(
        long,
        value_enum,
        default_value = "table",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: MatrixFormat,

    /// Alleen een markering per gevulde cel: het overzicht in één oogopslag
    #[arg(long)]
    pub compact: bool,

    /// Breedte van de tabel in tekens (standaard: de breedte van de terminal)
    #[arg(long, value_name = "TEKENS")]
    pub width: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Vorm van de uitvoer: human (standaard), json of github
    #[arg(
        long,
        value_enum,
        default_value = "human",
        value_name = "VORM",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: Format,

    /// Laat ook waarschuwingen de controle doen mislukken (afsluitcode 1)
    #[arg(long)]
    pub strict: bool,
}

/// Parse the arguments and run; returns the process exit code.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
    match cli.command {
        Command::Check(ref args) => run_check(&cli, args),
        Command::Render(ref args) => run_render(&cli, args),
        Command::Matrix(ref args) => run_matrix(&cli, args),
    }
}

fn usage_error(err: clap::Error) -> u8 {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            exit::OK
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            exit::FAILURE
        }
        _ => {
            eprintln!("fout: {}", dutch_usage_message(&err));
            eprintln!("\nMeer informatie: kwaliteit --help");
            exit::FAILURE
        }
    }
}

/// clap's messages are English; say the common ones in Dutch.
fn dutch_usage_message(err: &clap::Error) -> String {
    let ctx = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        _ => String::new(),
    };
    let valid = ctx(ContextKind::ValidValue);
    let suggestion = ctx(ContextKind::SuggestedSubcommand) + &ctx(ContextKind::SuggestedArg);
    let hint = if suggestion.is_empty() {
        String::new()
    } else {
        format!(" (bedoelde u `{suggestion}`?)")
    };
    let arg = ctx(ContextKind::InvalidArg);
    match err.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "onbekende opdracht `{}`{hint}",
                ctx(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("onbekende optie `{arg}`{hint}")
        }
        ErrorKind::UnknownArgument => format!("onverwacht argument `{arg}`"),
        ErrorKind::InvalidValue if ctx(ContextKind::InvalidValue).is_empty() => {
            format!("`{}` verwacht een waarde", option_name(&arg))
        }
        ErrorKind::InvalidValue => format!(
            "ongeldige waarde `{}` voor `{}`; mogelijk: {valid}",
            ctx(ContextKind::InvalidValue),
            option_name(&arg)
        ),
        ErrorKind::MissingRequiredArgument => format!("verplicht argument ontbreekt: {arg}"),
        ErrorKind::MissingSubcommand => "geef een opdracht, bijvoorbeeld `kwaliteit check`".into(),
        ErrorKind::ArgumentConflict
            if ctx(ContextKind::PriorArg) == arg || ctx(ContextKind::PriorArg).is_empty() =>
        {
            format!("`{}` mag maar één keer gegeven worden", option_name(&arg))
        }
        ErrorKind::ArgumentConflict => format!(
            "`{}` gaat niet samen met `{}`",
            option_name(&arg),
            option_name(&ctx(ContextKind::PriorArg))
        ),
        ErrorKind::TooManyValues => format!("te veel waarden voor `{}`", option_name(&arg)),
        _ => err.kind().to_string(),
    }
}

/// `--format <VORM>` → `--format`.
fn option_name(arg: &str) -> &str {
    arg.split([' ', '=']).next().unwrap_or(arg)
}

fn start_dir(cli: &Cli) -> PathBuf {
    cli.dir.clone().unwrap_or_else(|| PathBuf::from("."))
}

/// The repository's manifest, loaded and checked, with every finding ready to report.
struct Checked {
    root: PathBuf,
    loaded: load::Loaded,
}

impl Checked {
    fn errors(&self) -> usize {
        self.loaded
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

fn open(cli: &Cli) -> Result<Checked, u8> {
    let root = source::discover(&start_dir(cli)).map_err(|e| fatal(&e))?;
    let snapshot = source::read_worktree(&root).map_err(|e| fatal(&e))?;
    let mut loaded = load::load(&snapshot.files);
    let exists = |p: &str| snapshot.has_path(p);
    let cross_file = check::check(&loaded.manifest, &exists);
    loaded.findings.extend(cross_file);
    finding::sort(&mut loaded.findings);
    report::attach_source_lines(&mut loaded.findings, &loaded.texts);
    Ok(Checked { root, loaded })
}

fn color_for(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none()
}

fn write_stdout(text: &str) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => exit::OK,
        Err(_) => exit::FAILURE,
    }
}

fn run_check(cli: &Cli, args: &CheckArgs) -> u8 {
    let checked = match open(cli) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let loaded = &checked.loaded;
    let summary = Summary::of(&loaded.findings, loaded.file_count);
    let color = args.format == Format::Human && color_for(std::io::stdout().is_terminal());
    let text = report::render(args.format, &loaded.findings, summary, color);
    if write_stdout(&text) != exit::OK {
        return exit::FAILURE;
    }
    if summary.errors > 0 {
        return exit::FINDINGS;
    }
    if args.strict && summary.warnings > 0 {
        eprintln!("Met --strict tellen waarschuwingen als fouten.");
        return exit::FINDINGS;
    }
    exit::OK
}

/// Print the errors of a manifest that a command refuses to use, on stderr.
fn refuse(checked: &Checked, what: &str) -> u8 {
    let errors: Vec<_> = checked
        .loaded
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .cloned()
        .collect();
    let summary = Summary::of(&errors, checked.loaded.file_count);
    let color = color_for(std::io::stderr().is_terminal());
    eprint!("{}", report::render(Format::Human, &errors, summary, color));
    eprintln!(
        "{what} niet gemaakt: los eerst de fouten op, of gebruik --force om toch te schrijven."
    );
    exit::FINDINGS
}

/// A path as the user will recognise it: relative to the current folder when inside it.
fn shown(path: &std::path::Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    cwd.and_then(|c| full.strip_prefix(c).ok().map(|p| p.display().to_string()))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| full.display().to_string())
}

fn run_render(cli: &Cli, args: &RenderArgs) -> u8 {
    let checked = match open(cli) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if checked.errors() > 0 && !args.force {
        return refuse(&checked, "Het document is");
    }
    let view = render::View::from_manifest(&checked.loaded.manifest);
    let bytes = match render_bytes(&view, args.format, &checked.root) {
        Ok(b) => b,
        Err(e) => return fatal(&e),
    };
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| checked.root.join("build"));
    let path = out_dir.join(format!("{}.{}", view.file_stem(), args.format.extension()));
    if let Err(e) = render::write_atomically(&path, &bytes) {
        return fatal(&e);
    }
    write_stdout(&format!("Geschreven: {}\n", shown(&path)))
}

fn render_bytes(
    view: &render::View,
    format: render::Format,
    root: &std::path::Path,
) -> Result<Vec<u8>, render::RenderError> {
    Ok(match format {
        render::Format::Html => {
            let templates = render::templates::Templates::load(Some(root))?;
            render::html::render(view, &templates)?.into_bytes()
        }
        render::Format::Md => {
            let templates = render::templates::Templates::load(Some(root))?;
            render::markdown::render(view, &templates)?.into_bytes()
        }
        render::Format::Docx => render::docx::render(view)?,
    })
}

fn run_matrix(cli: &Cli, args: &MatrixArgs) -> u8 {
    let checked = match open(cli) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let errors = checked.errors();
    if errors > 0 {
        eprintln!(
            "let op: het manifest bevat {errors} {}; de matrix kan onvolledig zijn (zie `kwaliteit check`).",
            if errors == 1 { "fout" } else { "fouten" }
        );
    }
    let manifest = &checked.loaded.manifest;
    let matrix = Matrix::from_manifest(manifest);
    let text = match args.format {
        MatrixFormat::Table => {
            let width = args.width.unwrap_or_else(|| {
                terminal_size::terminal_size()
                    .map(|(w, _)| usize::from(w.0))
                    .unwrap_or(100)
            });
            render::matrix::terminal(&matrix, args.compact, width)
        }
        MatrixFormat::Md => render::matrix::markdown(&matrix, args.compact),
        MatrixFormat::Csv => render::matrix::csv(&matrix, args.compact),
        MatrixFormat::Html => {
            match render::templates::Templates::load(Some(&checked.root)).and_then(|t| {
                render::html::render_matrix(&matrix, &manifest.title, args.compact, &t)
            }) {
                Ok(html) => html,
                Err(e) => return fatal(&e),
            }
        }
    };
    write_stdout(&text)
}

fn fatal(err: &dyn std::fmt::Display) -> u8 {
    eprintln!("fout: {err}");
    exit::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn readme_lists_every_command_with_its_usage() {
        let readme = include_str!("../README.md").replace("\\|", "|");
        for sub in Cli::command().get_subcommands() {
            let usage = sub.clone().render_usage().to_string();
            let usage = usage.trim_start_matches("Usage: ").trim();
            assert!(readme.contains(usage), "README mist `{usage}`");
        }
    }
}
