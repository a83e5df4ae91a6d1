//! What the command definition generates besides parsing: the man page with Dutch
//! headings, and the fish completion of the kinds after `new`.

use super::{Cli, NewKind};

/// clap_complete's fish script completes no positional values, so after `new` fish
/// offered file names; this line offers the kinds instead.
pub(super) fn fish_new_kinds() -> String {
    use clap::ValueEnum;
    let kinds: Vec<String> = NewKind::value_variants()
        .iter()
        .filter_map(|k| k.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    let kinds = kinds.join(" ");
    format!(
        "complete -c kwaliteit -n \"__fish_kwaliteit_using_subcommand new; and not __fish_seen_subcommand_from {kinds}\" -f -a \"{kinds}\"\n"
    )
}

/// The man page with Dutch section headings. clap_mangen writes English
/// headings and refers to per-command pages that do not exist, so its
/// sections are rendered one by one and the subcommands written here.
pub(super) fn manpage() -> std::io::Result<Vec<u8>> {
    type Section = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;
    let cmd = <Cli as clap::CommandFactory>::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    let sections: [(Section, &str); 4] = [
        (clap_mangen::Man::render_name_section, "NAAM"),
        (clap_mangen::Man::render_synopsis_section, "OVERZICHT"),
        (clap_mangen::Man::render_description_section, "BESCHRIJVING"),
        (clap_mangen::Man::render_options_section, "OPTIES"),
    ];
    for (render, heading) in sections {
        let mut buf = Vec::new();
        render(&man, &mut buf)?;
        out.extend(dutch_section(&String::from_utf8_lossy(&buf), heading).bytes());
    }
    out.extend(b".SH OPDRACHTEN\n");
    for sub in cmd.get_subcommands() {
        let usage = sub.clone().render_usage().to_string();
        // clap prefixes the usage with the English word; only the usage itself is kept.
        let usage = usage
            .split_once(": ")
            .map_or(usage.as_str(), |(_, u)| u)
            .trim();
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        out.extend(format!(".TP\n\\fB{}\\fR\n{}\n", roff_text(usage), roff_text(&about)).bytes());
    }
    if let Some(after) = cmd.get_after_help() {
        let after = after.to_string();
        let text = after.strip_prefix("Afsluitcodes: ").unwrap_or(&after);
        out.extend(format!(".SH AFSLUITCODES\n{}\n", roff_text(text)).bytes());
    }
    if let Some(version) = cmd.get_version() {
        out.extend(format!(".SH VERSIE\nv{}\n", roff_text(version)).bytes());
    }
    Ok(out)
}

/// One section from clap_mangen without roff's preamble, with a Dutch first
/// heading; further headings (options grouped by help heading) are ours already.
fn dutch_section(roff: &str, heading: &str) -> String {
    let body = roff
        .find(".SH ")
        .map_or("", |at| &roff[at..])
        .split_once('\n')
        .map_or("", |(_, rest)| rest);
    format!(".SH {heading}\n{body}")
}

/// Escape text for a roff text line.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
