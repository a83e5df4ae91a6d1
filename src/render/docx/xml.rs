//! What docx-rs has no API for, patched into its XML bytes, and the XML escaping.

use std::borrow::Cow;

use super::LANG;
use crate::render::{RenderError, View};

/// Drop characters XML 1.0 forbids (a stray form feed from a PDF copy would
/// make Word refuse the file); tabs and newlines become spaces.
pub fn clean(text: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}');
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if bad(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

pub fn core_properties(view: &View) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language>",
            "</cp:coreProperties>"
        ),
        xml_escape(&view.title),
        xml_escape(&view.council),
        LANG
    )
}

/// Insert `insert` before the first `anchor`. A missing anchor means docx-rs
/// changed its output: fail rather than silently lose the patch.
pub fn insert_before(xml: &[u8], anchor: &str, insert: &str) -> Result<Vec<u8>, RenderError> {
    let at = find(xml, anchor, 0).ok_or_else(|| missing(anchor))?;
    Ok([&xml[..at], insert.as_bytes(), &xml[at..]].concat())
}

/// docx-rs has no API for `w:tblHeader`; without it a table's header row (the
/// matrix's, and those of tables in the texts) is not repeated on each page, nor
/// announced as header by screen readers.
pub fn mark_header_row(xml: &[u8]) -> Result<Vec<u8>, RenderError> {
    const ANCHOR: &str = "<w:cantSplit />";
    let mut out = Vec::with_capacity(xml.len() + 64);
    let mut from = 0;
    let mut tables = 0;
    while let Some(table) = find(xml, "<w:tbl>", from) {
        let row_end = find(xml, "</w:tr>", table).ok_or_else(|| missing("</w:tr>"))?;
        let at = find(xml, ANCHOR, table)
            .filter(|&at| at < row_end)
            .ok_or_else(|| missing(ANCHOR))?
            + ANCHOR.len();
        out.extend_from_slice(&xml[from..at]);
        out.extend_from_slice(b"<w:tblHeader />");
        from = at;
        tables += 1;
    }
    if tables == 0 {
        return Err(missing("<w:tbl>"));
    }
    out.extend_from_slice(&xml[from..]);
    Ok(out)
}

pub(crate) fn find(haystack: &[u8], needle: &str, from: usize) -> Option<usize> {
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .map(|i| i + from)
}

fn missing(anchor: &str) -> RenderError {
    RenderError::Docx(format!(
        "interne fout: `{anchor}` niet gevonden in de uitvoer van docx-rs"
    ))
}
