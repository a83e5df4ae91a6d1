//! The command line: argument definitions (help in Dutch) and dispatch.

mod args;
mod manpage;
mod usage;

pub use args::*;
use manpage::{fish_new_kinds, manpage};
use usage::usage_error;

use std::path::PathBuf;

use clap::{ArgAction, Parser, Subcommand};

use crate::report::Format;
use crate::{commands, exit, render};

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "kwaliteit",
    version = crate::version(),
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
        override_usage = "kwaliteit check [--format terminal|json|github|sarif] [--strict] [--lang-level] [--rev REVISIE]"
    )]
    Check(CheckArgs),

    /// Maak het document voor het college: brief, manifest, uitwerking en matrix
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit render [--format html|md|docx|pdf] [--out MAP] [--force] [--rev REVISIE]"
    )]
    Render(RenderArgs),

    /// Toon de matrix van uitgangspunten en verantwoordelijkheden
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit matrix [--format terminal|md|csv|html] [--compact] [--by partij|kompas] [--width N]"
    )]
    Matrix(MatrixArgs),

    /// Toon wat er inhoudelijk veranderd is tussen twee versies van het manifest
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit diff [VAN] [NAAR] [--format terminal|md|html|json|docx|pdf] [--out MAP] [--exit-code]"
    )]
    Diff(DiffArgs),

    /// Maak het nieuwe ongevraagde advies: brief, wat er veranderd is, manifest en matrix
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit advies [--since REVISIE] [--format html|md|docx|pdf] [--out MAP] [--force]"
    )]
    Advies(AdviesArgs),

    /// Toon de adviezen, de oordelen van het college en openstaande toezeggingen
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit status [--format terminal|md|json] [--exit-code]"
    )]
    Status(StatusArgs),

    /// Zet een bestand van het manifest om in leesbare tekst, voor `git diff` (textconv)
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit textconv BESTAND"
    )]
    Textconv(TextconvArgs),

    /// Maak een nieuwe casus, een nieuw uitgangspunt of een nieuwe ronde
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit new casus|uitgangspunt|ronde \"<titel>\" [--jaar JJJJ]"
    )]
    New(NewArgs),

    /// Maak een nieuwe repository voor een adviesraad, die meteen door `check` komt
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit init [MAP] [--gemeente NAAM] [--raad NAAM] [--ci github|gitlab]"
    )]
    Init(InitArgs),

    /// Zet alle bestanden in de vaste vorm (sleutels op volgorde, nette Markdown)
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit fmt [--check]"
    )]
    Fmt(FmtArgs),

    /// Schrijf het JSON Schema van de kopregels, voor hulp in een editor
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit schema [--kind uitgangspunt|casus|ronde|manifest]"
    )]
    Schema(SchemaArgs),

    /// Schrijf de tab-aanvulling voor een shell (bash, zsh, fish of powershell)
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit completions bash|zsh|fish|powershell"
    )]
    Completions(CompletionsArgs),

    /// Schrijf de handleiding als man-pagina (roff)
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kwaliteit manpage"
    )]
    Manpage,
}

/// Parse the arguments and run; returns the process exit code.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(err) => return usage_error(err, &args),
    };
    let start = cli.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    match dispatch(&cli, &start) {
        Ok(code) => code,
        Err(err) => {
            eprint!("{}", err.message());
            err.exit_code()
        }
    }
}

fn dispatch(cli: &Cli, start: &std::path::Path) -> Result<u8, crate::error::Error> {
    let start = start.to_path_buf();
    match &cli.command {
        Command::Check(args) => commands::check::run(&start, args),
        Command::Render(args) => commands::render::run(&start, args),
        Command::Matrix(args) => commands::matrix::run(&start, args),
        Command::Diff(args) => commands::diff::run(&start, args),
        Command::Advies(args) => commands::advies::run(&start, args),
        Command::Status(args) => commands::status::run(&start, args),
        Command::Textconv(args) => commands::textconv::run(&start, args),
        Command::Fmt(args) => commands::fmt::run(&start, args),
        Command::New(args) => commands::scaffold::run_new(&start, args),
        Command::Init(args) => commands::scaffold::run_init(&start, args),
        Command::Schema(args) => match crate::model::keys::json_schema(args.kind.table_name()) {
            Some(schema) => {
                // A JSON value always serializes.
                let mut text = serde_json::to_string_pretty(&schema).expect("schema serializes");
                text.push('\n');
                commands::write_stdout(text.as_bytes())?;
                Ok(exit::OK)
            }
            // clap accepts only the kinds the key table has.
            None => Ok(exit::FAILURE),
        },
        Command::Completions(args) => {
            let mut out = Vec::new();
            clap_complete::generate(
                clap_complete::Shell::from(args.shell),
                &mut <Cli as clap::CommandFactory>::command(),
                "kwaliteit",
                &mut out,
            );
            if args.shell == CompletionShell::Fish {
                out.extend_from_slice(fish_new_kinds().as_bytes());
            }
            commands::write_stdout(&out)?;
            Ok(exit::OK)
        }
        Command::Manpage => {
            let out = manpage().map_err(crate::error::Error::Manpage)?;
            commands::write_stdout(&out)?;
            Ok(exit::OK)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn fish_completes_the_kinds_after_new() {
        let line = fish_new_kinds();
        assert!(
            line.contains("__fish_kwaliteit_using_subcommand new"),
            "{line}"
        );
        assert!(
            line.contains("-f -a \"casus uitgangspunt ronde\""),
            "{line}"
        );
    }

    #[test]
    fn the_manpage_refers_to_no_other_pages() {
        let page = String::from_utf8(manpage().unwrap()).unwrap();
        assert!(!page.contains("(1)"), "{page}");
        for sub in Cli::command().get_subcommands() {
            assert!(page.contains(&format!("kwaliteit {}", sub.get_name()).replace('-', "\\-")));
        }
    }

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn readme_lists_every_command_with_its_usage() {
        let readme = include_str!("../../README.md").replace("\\|", "|");
        for sub in Cli::command().get_subcommands() {
            let usage = sub.clone().render_usage().to_string();
            let usage = usage.trim_start_matches("Usage: ").trim();
            assert!(readme.contains(usage), "README mist `{usage}`");
        }
    }
}
