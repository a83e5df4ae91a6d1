//! Wrong use of the command line, said in Dutch: clap's own messages are English.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Cli;
use crate::exit;

pub(super) fn usage_error(err: clap::Error, args: &[std::ffi::OsString]) -> u8 {
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
            eprintln!("\nMeer informatie: {} --help", help_command(args));
            exit::FAILURE
        }
    }
}

/// `kwaliteit check` when the mistake is in a command's arguments, else
/// `kwaliteit`: that help page shows the options that were meant.
fn help_command(args: &[std::ffi::OsString]) -> String {
    let cmd = <Cli as clap::CommandFactory>::command();
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "-C" {
            words.next(); // the folder, not a command
        } else if cmd.get_subcommands().any(|c| c.get_name() == word) {
            return format!("kwaliteit {word}");
        } else if !word.starts_with('-') {
            break;
        }
    }
    "kwaliteit".into()
}

/// clap's messages are English; say every kind in Dutch, never falling back to clap's text.
fn dutch_usage_message(err: &clap::Error) -> String {
    let list = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let ctx = |kind| list(kind).join(", ");
    // clap orders suggestions from weakest to strongest: name the best first.
    let mut suggestions = list(ContextKind::SuggestedSubcommand);
    suggestions.extend(list(ContextKind::SuggestedArg));
    suggestions.reverse();
    let hint = match suggestions.as_slice() {
        [] => String::new(),
        [only] => format!(" Bedoelde u `{only}`?"),
        [rest @ .., last] => format!(
            " Bedoelde u {} of `{last}`?",
            rest.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let name = option_name(&arg);
    let value = ctx(ContextKind::InvalidValue);
    match err.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "onbekende opdracht `{}`.{hint}",
            ctx(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("onbekende optie `{arg}`.{hint}")
        }
        ErrorKind::UnknownArgument => format!("te veel argumenten: `{arg}` past hier niet."),
        ErrorKind::InvalidValue if value.is_empty() && !arg.starts_with('-') => {
            format!("`{name}` mag niet leeg zijn.")
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("na `{name}` hoort een waarde."),
        ErrorKind::InvalidValue => format!(
            "`{value}` kan niet {} `{name}`; mogelijke waarden: {}.{hint}",
            if arg.starts_with('-') { "bij" } else { "als" },
            ctx(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => {
            let what = if name == "--width" {
                " Geef een heel getal, zoals 100."
            } else {
                ""
            };
            format!("`{value}` kan niet bij `{name}`.{what}")
        }
        ErrorKind::NoEquals => format!("schrijf `{name}=WAARDE`, met een =."),
        ErrorKind::TooManyValues => format!("te veel waarden voor `{name}`: `{value}`."),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("verkeerd aantal waarden voor `{name}`.")
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = list(ContextKind::InvalidArg)
                .iter()
                .map(|a| option_name(a).to_string())
                .collect();
            format!("{} ontbreekt.", missing.join(" en "))
        }
        ErrorKind::MissingSubcommand => "geef een opdracht, bijvoorbeeld `kwaliteit check`.".into(),
        ErrorKind::ArgumentConflict
            if ctx(ContextKind::PriorArg) == arg || ctx(ContextKind::PriorArg).is_empty() =>
        {
            format!("`{name}` mag maar één keer.")
        }
        ErrorKind::ArgumentConflict => format!(
            "`{name}` gaat niet samen met `{}`.",
            option_name(&ctx(ContextKind::PriorArg))
        ),
        ErrorKind::InvalidUtf8 => {
            "de opdrachtregel bevat tekens die geen geldige tekst zijn (UTF-8).".into()
        }
        ErrorKind::Io | ErrorKind::Format => "de tekst kon niet geschreven worden.".into(),
        _ => "deze opdrachtregel begrijp ik niet.".into(),
    }
}

/// `--format <VORM>` → `--format`; `<SHELL>` → `SHELL`.
fn option_name(arg: &str) -> &str {
    let name = arg.split([' ', '=']).next().unwrap_or(arg);
    name.trim_start_matches('<').trim_end_matches('>')
}
