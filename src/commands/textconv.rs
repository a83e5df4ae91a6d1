//! `kwaliteit textconv FILE`: a manifest file as text that line-based `git diff` shows
//! well: front matter flattened to `key: value` lines, the body's blocks (from its
//! document tree) with one sentence per line.
//! It never fails on content: a file it cannot read as a manifest file is passed through.

use std::path::Path;

use super::write_stdout;
use crate::cli::TextconvArgs;
use crate::error::Error;
use crate::exit;
use crate::load::frontmatter;
use crate::load::yaml::{self, Kind, Yaml};
use crate::model::document::{BlockKind, Document};
use crate::source::SourceError;

/// `start` is the folder of `-C`: a relative FILE is read from there, as git does.
pub fn run(start: &Path, args: &TextconvArgs) -> Result<u8, Error> {
    let file = match start {
        here if here == Path::new(".") => args.file.clone(),
        dir => dir.join(&args.file),
    };
    let bytes = std::fs::read(&file).map_err(|source| SourceError::Io { path: file, source })?;
    match String::from_utf8(bytes) {
        // git shows this in a terminal (through a pager that passes escape sequences):
        // control characters are shown, never executed.
        Ok(text) => {
            write_stdout(crate::text::terminal::visible(&convert(&args.file, &text)).as_bytes())?
        }
        Err(not_text) => write_stdout(not_text.as_bytes())?,
    }
    Ok(exit::OK)
}

/// The readable form of one file; unchanged when it is not a manifest file.
pub fn convert(path: &Path, text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
        return match yaml::parse(text, 1) {
            Ok(y) => flatten(&y),
            Err(_) => text.to_string(),
        };
    }
    let Ok(split) = frontmatter::split(text) else {
        return sentences(text);
    };
    match yaml::parse(split.yaml, split.yaml_first_line) {
        Ok(y) => format!("{}---\n{}", flatten(&y), sentences(split.body)),
        Err(_) => text.to_string(),
    }
}

fn flatten(y: &Yaml) -> String {
    let mut out = String::new();
    walk(y, "", &mut out);
    out
}

fn walk(y: &Yaml, prefix: &str, out: &mut String) {
    match &y.kind {
        Kind::Map(entries) => {
            for e in entries {
                let key = if prefix.is_empty() {
                    e.key.clone()
                } else {
                    format!("{prefix}.{}", e.key)
                };
                walk(&e.value, &key, out);
            }
        }
        Kind::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{prefix}[{}]", i + 1), out);
            }
        }
        Kind::Null => out.push_str(&format!("{prefix}:\n")),
        _ => {
            let value = y.as_text().unwrap_or_default();
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push_str(&format!("{prefix}: {value}\n"));
        }
    }
}

/// Blocks of the document tree as one sentence per line, whitespace normalised:
/// re-wrapping shows no change. Markup stays as written, so the diff shows it too.
fn sentences(body: &str) -> String {
    let mut out = String::new();
    let normalised = body.replace("\r\n", "\n");
    let doc = Document::parse(&normalised, 0);
    for block in &doc.blocks {
        let source = &normalised[block.span.clone()];
        if !out.is_empty() {
            out.push('\n');
        }
        if let BlockKind::Code { .. } = block.kind {
            // Code is shown as written: its line breaks carry meaning.
            out.push_str(source.trim_end());
            out.push('\n');
            continue;
        }
        let mut line = String::new();
        for word in source.split_whitespace() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            if word.ends_with(['.', '?', '!', ':']) && word.chars().count() > 3 {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
        }
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_flattened_and_sentences_get_their_own_line() {
        let text = "---\nid: a\nverantwoordelijkheden:\n  inwoners: \"meedenken\"\npartijen: [x, y]\n---\nEen zin. Nog een\nzin die doorloopt.\n\n## Uitwerking\n";
        assert_eq!(
            convert(Path::new("a.md"), text),
            "id: a\nverantwoordelijkheden.inwoners: meedenken\npartijen[1]: x\npartijen[2]: y\n---\nEen zin.\nNog een zin die doorloopt.\n\n## Uitwerking\n"
        );
    }

    #[test]
    fn rewrapping_gives_the_same_text() {
        let a = convert(
            Path::new("a.md"),
            "---\nid: a\n---\nEen zin die\nlang is. En nog.\n",
        );
        let b = convert(
            Path::new("a.md"),
            "---\nid: a\n---\nEen zin die lang is.\nEn nog.\n",
        );
        assert_eq!(a, b);
    }

    #[test]
    fn blocks_come_from_the_document_tree() {
        let text = "---\nid: a\n---\n## Kop\nTekst direct eronder.\n\n```\nx  = 1\ny\n```\n";
        assert_eq!(
            convert(Path::new("a.md"), text),
            "id: a\n---\n## Kop\n\nTekst direct eronder.\n\n```\nx  = 1\ny\n```\n"
        );
    }

    #[test]
    fn unreadable_files_pass_through() {
        let broken = "---\nid: \"open\n---\nTekst\n";
        assert_eq!(convert(Path::new("a.md"), broken), broken);
    }
}
