//! The command line: argument definitions (help in Dutch) and dispatch.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};

use crate::exit;
use crate::finding::{self, Severity};
use crate::report::{self, Format, Summary};
use crate::{check, load, source};

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
    match err.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "onbekende opdracht `{}`{hint}",
                ctx(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => {
            format!("onbekende optie `{}`{hint}", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue => format!(
            "ongeldige waarde `{}` voor {}; mogelijk: {valid}",
            ctx(ContextKind::InvalidValue),
            ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!(
                "verplicht argument ontbreekt: {}",
                ctx(ContextKind::InvalidArg)
            )
        }
        ErrorKind::MissingSubcommand => "geef een opdracht, bijvoorbeeld `kwaliteit check`".into(),
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => {
            format!(
                "deze opties gaan niet samen: {}",
                ctx(ContextKind::InvalidArg)
            )
        }
        _ => err.kind().to_string(),
    }
}

fn start_dir(cli: &Cli) -> PathBuf {
    cli.dir.clone().unwrap_or_else(|| PathBuf::from("."))
}

fn run_check(cli: &Cli, args: &CheckArgs) -> u8 {
    let root = match source::discover(&start_dir(cli)) {
        Ok(root) => root,
        Err(e) => return fatal(&e),
    };
    let snapshot = match source::read_worktree(&root) {
        Ok(s) => s,
        Err(e) => return fatal(&e),
    };
    let mut loaded = load::load(&snapshot.files);
    let exists = |p: &str| snapshot.has_path(p);
    loaded
        .findings
        .extend(check::check(&loaded.manifest, &exists));
    finding::sort(&mut loaded.findings);
    report::attach_source_lines(&mut loaded.findings, &loaded.texts);
    let summary = Summary::of(&loaded.findings, loaded.file_count);
    let color = args.format == Format::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let text = report::render(args.format, &loaded.findings, summary, color);
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return exit::FAILURE;
    }
    let failing = loaded
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error || args.strict);
    if failing { exit::FINDINGS } else { exit::OK }
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
}
