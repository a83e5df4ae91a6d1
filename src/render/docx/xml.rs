//! What docx-rs has no API for, patched into its XML bytes, and the XML escaping.

use std::borrow::Cow;

use super::{House, LANG};
use crate::render::RenderError;

/// The one escaper of text for Word: drop characters XML 1.0 forbids (a stray form
/// feed from a PDF copy, or a `\x01` in a party's name, would make Word refuse the
/// file); tabs and newlines become spaces. Every text a Word file gets from the
/// manifest passes here (docx-rs escapes `<`, `&` and quotes itself).
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

pub fn core_properties(h: &House) -> String {
    let created = format!("{}T00:00:00Z", h.created);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>",
            "<cp:lastModifiedBy>{creator}</cp:lastModifiedBy><dc:language>{lang}</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = xml_escape(h.title),
        creator = xml_escape(h.council),
        lang = LANG,
        created = created,
    )
}

/// docx-rs gives every picture the same `docPr` (id 1, named "Figure", no
/// description): number them, and give each the description of its image (found by
/// its bytes), so a screen reader can say what it shows.
pub fn describe_pictures(
    xml: Vec<u8>,
    media: &[(String, Vec<u8>)],
    descriptions: &[(Vec<u8>, String)],
) -> Vec<u8> {
    const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    const EMBED: &str = r#"r:embed=""#;
    // Most documents have no picture: no copy of a document of many megabytes.
    if find(&xml, DOC_PR, 0).is_none() {
        return xml;
    }
    let xml = xml.as_slice();
    let mut out = Vec::with_capacity(xml.len());
    let mut from = 0;
    let mut n = 0;
    while let Some(at) = find(xml, DOC_PR, from) {
        n += 1;
        let id = find(xml, EMBED, at).and_then(|start| {
            let start = start + EMBED.len();
            let end = memchr::memchr(b'"', &xml[start..])? + start;
            std::str::from_utf8(&xml[start..end]).ok()
        });
        let bytes = id
            .and_then(|id| media.iter().find(|(m, _)| m == id))
            .map(|(_, b)| b);
        let description = bytes
            .and_then(|b| descriptions.iter().find(|(d, _)| d == b))
            .map_or("", |(_, d)| d.as_str());
        out.extend_from_slice(&xml[from..at]);
        out.extend_from_slice(
            format!(
                r#"<wp:docPr id="{n}" name="Afbeelding {n}" descr="{}" />"#,
                xml_escape(description)
            )
            .as_bytes(),
        );
        from = at + DOC_PR.len();
    }
    out.extend_from_slice(&xml[from..]);
    out
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
pub fn mark_header_row(mut xml: Vec<u8>) -> Result<Vec<u8>, RenderError> {
    const ANCHOR: &str = "<w:cantSplit />";
    const MARK: &[u8] = b"<w:tblHeader />";
    let mut marks = Vec::new();
    let mut from = 0;
    while let Some(table) = find(&xml, "<w:tbl>", from) {
        let row_end = find(&xml, "</w:tr>", table).ok_or_else(|| missing("</w:tr>"))?;
        let at = find(&xml, ANCHOR, table)
            .filter(|&at| at < row_end)
            .ok_or_else(|| missing(ANCHOR))?
            + ANCHOR.len();
        marks.push(at);
        from = at;
    }
    if marks.is_empty() {
        return Err(missing("<w:tbl>"));
    }
    // In place, back to front: every byte after a mark moves once, by the marks
    // before it, instead of the whole document being copied.
    let len = xml.len();
    xml.resize(len + marks.len() * MARK.len(), 0);
    let mut end = len;
    for (i, &at) in marks.iter().enumerate().rev() {
        let shift = (i + 1) * MARK.len();
        xml.copy_within(at..end, at + shift);
        xml[at + shift - MARK.len()..at + shift].copy_from_slice(MARK);
        end = at;
    }
    Ok(xml)
}

pub(crate) fn find(haystack: &[u8], needle: &str, from: usize) -> Option<usize> {
    memchr::memmem::find(&haystack[from..], needle.as_bytes()).map(|i| i + from)
}

fn missing(anchor: &str) -> RenderError {
    RenderError::Docx(format!(
        "interne fout: `{anchor}` niet gevonden in de uitvoer van docx-rs"
    ))
}

/// Containers whose children docx-rs writes out of the schema order, with the
/// order (CT_PPr, CT_RPr, CT_SectPr, CT_Style, CT_TblPr, CT_TcPr) of the
/// children the tool uses; a child not listed keeps its place at the end.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:jc",
            "w:textAlignment",
            "w:outlineLvl",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            // A paragraph mark's revision comes first (CT_ParaRPr); runs have none.
            "w:ins",
            "w:del",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:vanish",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:vertAlign",
            "w:lang",
            "w:rPrChange",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:pgNumType",
            "w:cols",
            "w:titlePg",
            "w:textDirection",
            "w:docGrid",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
        ],
    ),
    (
        "w:trPr",
        &[
            "w:cnfStyle",
            "w:gridBefore",
            "w:gridAfter",
            "w:cantSplit",
            "w:trHeight",
            "w:tblHeader",
            "w:jc",
            "w:hidden",
            "w:ins",
            "w:del",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
];

/// The schema order of `container`'s children, if the tool reorders it.
fn schema_order(container: &str) -> Option<&'static [&'static str]> {
    ORDERS
        .iter()
        .find(|(name, _)| *name == container)
        .map(|(_, order)| *order)
}

/// Put the children of `pPr`, `rPr`, `sectPr`, … in the schema order (docx-rs
/// writes `rPr` first in `pPr`, `pgSz` before `footerReference`; Word may
/// "repair" such a file). A paragraph's `pPr` without a style gets Normal, so
/// that style readers see one on every paragraph. One pass over the bytes; only
/// the start tags of containers are looked at closely.
pub fn schema_order_fix(xml: &[u8]) -> Vec<u8> {
    const CONTAINERS: [&[u8]; 7] = [
        b"w:pPr>",
        b"w:rPr>",
        b"w:sectPr>",
        b"w:style ",
        b"w:trPr>",
        b"w:tblPr>",
        b"w:tcPr>",
    ];
    let mut out = Vec::with_capacity(xml.len() + xml.len() / 16);
    let mut copied = 0;
    let mut at = 0;
    // Where the last `<w:p>` or `<w:p …>` start tag ended: its pPr follows right after.
    let mut paragraph_end = usize::MAX;
    while let Some(lt) = memchr::memchr(b'<', &xml[at..]).map(|i| i + at) {
        let rest = &xml[lt + 1..];
        if rest.starts_with(b"w:p>") || rest.starts_with(b"w:p ") {
            paragraph_end = tag_end(xml, lt).unwrap_or(xml.len());
            at = paragraph_end;
            continue;
        }
        if !CONTAINERS.iter().any(|c| rest.starts_with(c)) {
            at = lt + 1;
            continue;
        }
        let Some(body) = tag_end(xml, lt) else { break };
        out.extend_from_slice(&xml[copied..lt]);
        let close = element_end(xml, lt, body);
        reorder(xml, lt, body, close, lt == paragraph_end, &mut out);
        copied = close;
        at = close;
    }
    out.extend_from_slice(&xml[copied..]);
    out
}

/// Write the element `xml[open..close]` (its start tag ends at `body`) with its
/// children sorted into the schema order, recursively.
fn reorder(xml: &[u8], open: usize, body: usize, close: usize, paragraph: bool, out: &mut Vec<u8>) {
    let name = tag_name(&xml[open..body]);
    let order = schema_order(name).unwrap_or(&[]);
    let end_tag = close - (name.len() + 3);
    // (rank, start, end, a container itself); a run's rPr has a handful of children.
    let mut children: Vec<(usize, usize, usize, bool)> = Vec::with_capacity(8);
    let mut at = body;
    while let Some(lt) = memchr::memchr(b'<', &xml[at..end_tag]).map(|i| i + at) {
        let Some(end) = tag_end(xml, lt) else { break };
        let child = tag_name(&xml[lt..end]);
        let leaf = xml[end - 2] == b'/';
        let child_close = if leaf { end } else { element_end(xml, lt, end) };
        let rank = order
            .iter()
            .position(|n| *n == child)
            .unwrap_or(order.len());
        children.push((
            rank,
            lt,
            child_close,
            !leaf && schema_order(child).is_some(),
        ));
        at = child_close;
    }
    let styled = children.iter().any(|c| c.0 == 0);
    let sorted = children.windows(2).all(|w| w[0].0 <= w[1].0);
    if sorted && !children.iter().any(|c| c.3) && (styled || !paragraph) {
        out.extend_from_slice(&xml[open..close]);
        return;
    }
    // Stable: children of one rank keep their order.
    children.sort_by_key(|c| c.0);
    out.extend_from_slice(&xml[open..body]);
    if paragraph && !styled {
        out.extend_from_slice(br#"<w:pStyle w:val="Normal" />"#);
    }
    for (_, from, to, nested) in children {
        match tag_end(xml, from) {
            Some(child_body) if nested => reorder(xml, from, child_body, to, false, out),
            _ => out.extend_from_slice(&xml[from..to]),
        }
    }
    out.extend_from_slice(&xml[end_tag..close]);
}

/// One past the `>` of the tag starting at `lt`.
fn tag_end(xml: &[u8], lt: usize) -> Option<usize> {
    memchr::memchr(b'>', &xml[lt..]).map(|gt| lt + gt + 1)
}

/// `w:pPr` of `<w:pPr>`, `</w:pPr>` or `<w:pPr w:x="1" />`.
fn tag_name(tag: &[u8]) -> &str {
    let tag = tag.strip_prefix(b"<").unwrap_or(tag);
    let tag = tag.strip_prefix(b"/").unwrap_or(tag);
    let len = tag
        .iter()
        .position(|b| matches!(b, b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(tag.len());
    std::str::from_utf8(&tag[..len]).unwrap_or("")
}

/// One past the end tag matching the start tag `xml[lt..body]` (nesting counted).
fn element_end(xml: &[u8], lt: usize, body: usize) -> usize {
    let name = tag_name(&xml[lt..body]);
    let mut depth = 1;
    let mut at = body;
    while let Some(next) = memchr::memchr(b'<', &xml[at..]).map(|i| i + at) {
        let Some(end) = tag_end(xml, next) else { break };
        if tag_name(&xml[next..end]) == name {
            if xml[next + 1] == b'/' {
                depth -= 1;
                if depth == 0 {
                    return end;
                }
            } else if xml[end - 2] != b'/' {
                depth += 1;
            }
        }
        at = end;
    }
    xml.len()
}
