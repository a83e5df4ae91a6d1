//! Rules over what the files say: personal data, texts left to fill in, and (on
//! request) the writing aid. They read the file texts the model keeps; positions are
//! byte offsets in those texts.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::check::control_characters::control_characters;
use crate::check::{plain_language, privacy};
use crate::model::finding::{Finding, Rule};
use crate::model::{FileKind, Manifest, Page, file_kind};
use crate::text::{LineIndex, width};

/// What checking may do beyond the rules that always run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Writing aid toward language level B1: long sentences and jargon as warnings.
    pub lang_level: bool,
}

/// Files per thread at least: fewer cost more in starting threads than they save.
pub const FILES_PER_THREAD: usize = 512;

/// Files are independent, so large manifests are checked on every core in chunks.
pub fn content(m: &Manifest, options: Options, out: &mut Vec<Finding>) {
    too_deep(m, out);
    // Cases whose front matter gives a reason to name personal data.
    let excepted: HashSet<&str> = m
        .cases
        .iter()
        .filter(|c| c.privacy_exception.is_some())
        .map(|c| c.path.as_str())
        .collect();
    let excepted = &excepted;
    let texts: Vec<(&String, &String)> = m.texts.iter().map(|(p, t)| (p, &**t)).collect();
    let all = &m.texts;
    let of_texts = crate::parallel::in_chunks(&texts, FILES_PER_THREAD, |part| {
        let mut found = Vec::new();
        texts_of(part, &mut found);
        found
    });
    let of_pages = crate::parallel::in_chunks(&m.pages, FILES_PER_THREAD, |part| {
        let mut found = Vec::new();
        pages_of(all, excepted, part, options, &mut found);
        found
    });
    out.extend(of_texts.into_iter().chain(of_pages).flatten());
}

/// The checks of each text on its own.
fn texts_of(texts: &[(&String, &String)], out: &mut Vec<Finding>) {
    for (path, text) in texts {
        if file_kind(path).is_some() && !text.trim().is_empty() {
            placeholders(path, text, out);
            control_characters(path, text, out);
        }
    }
}

/// The checks of each page (a principle's or case's body).
fn pages_of(
    all: &BTreeMap<String, Arc<String>>,
    excepted: &HashSet<&str>,
    pages: &[Page],
    options: Options,
    out: &mut Vec<Finding>,
) {
    for page in pages {
        let Some(text) = all.get(&page.path) else {
            continue;
        };
        let file = File {
            page,
            text,
            index: std::cell::OnceCell::new(),
        };
        match file_kind(&page.path) {
            Some(FileKind::Principle) => personal_data(&file, None, out),
            Some(FileKind::Case) => {
                personal_data(&file, Some(excepted.contains(page.path.as_str())), out)
            }
            _ => {}
        }
        remote_images(&file, out);
        if options.lang_level {
            writing_aid(&file, out);
        }
    }
}

/// A text that nests deeper than the document tree keeps: what lies deeper is shown
/// flattened, so the council should simplify it.
fn too_deep(m: &Manifest, out: &mut Vec<Finding>) {
    let docs = m
        .principles
        .iter()
        .flat_map(|p| [(&p.path, &p.short_text_doc), (&p.path, &p.elaboration_doc)])
        .chain(m.cases.iter().map(|c| (&c.path, &c.story_doc)))
        .chain(m.rounds.iter().map(|r| (&r.path, &r.body_doc)));
    for (path, doc) in docs {
        let (Some(at), Some(text)) = (doc.too_deep, m.texts.get(path)) else {
            continue;
        };
        out.push(
            Finding::new(
                Rule::TooDeep,
                path,
                LineIndex::new(text).pos(at),
                format!(
                    "de tekst is hier dieper genest dan {} niveaus (citaten, lijsten of nadruk in elkaar)",
                    crate::model::document::MAX_DEPTH
                ),
            )
            .help("maak de tekst platter; wat dieper ligt, wordt zonder die nesting getoond"),
        );
    }
}

/// A Markdown file's text, with its line index built only when a finding needs it.
struct File<'a> {
    page: &'a Page,
    text: &'a str,
    index: std::cell::OnceCell<LineIndex<'a>>,
}

impl File<'_> {
    fn body(&self) -> &str {
        &self.text[self.page.body_offset..]
    }

    /// Position of a byte offset of the file.
    fn file_pos(&self, offset: usize) -> crate::model::finding::Pos {
        self.index
            .get_or_init(|| LineIndex::new(self.text))
            .pos(offset)
    }

    /// Position of a byte offset of the body.
    fn pos(&self, body_offset: usize) -> crate::model::finding::Pos {
        self.index
            .get_or_init(|| LineIndex::new(self.text))
            .pos(self.page.body_offset + body_offset)
    }
}

/// Personal data in a story or principle must not be published (AVG): each hit is an
/// error, unless the front matter gives a reasoned `privacy_uitzondering`.
/// `excepted` is `None` for principles, which cannot have an exception.
fn personal_data(file: &File, excepted: Option<bool>, out: &mut Vec<Finding>) {
    if excepted == Some(true) {
        return;
    }
    let help = if excepted.is_some() {
        "maak de tekst anoniem; is dit echt nodig, leg dan de reden vast met `privacy_uitzondering: \"...\"` in de kopregels"
    } else {
        "maak de tekst anoniem: een uitgangspunt noemt geen personen"
    };
    for hit in privacy::scan(file.body()) {
        out.push(
            Finding::new(
                Rule::PersonalData,
                &file.page.path,
                file.pos(hit.start),
                hit.message(),
            )
            .width(width(&hit.text))
            .help(help),
        );
    }
}

/// Texts left to fill in (`TODO: ...`, as `kwaliteit new` writes them) are warnings,
/// in front matter as well as in the text.
fn placeholders(path: &str, text: &str, out: &mut Vec<Finding>) {
    let spans = crate::model::placeholder::placeholders(text);
    if spans.is_empty() {
        return;
    }
    let index = LineIndex::new(text);
    for (start, end) in spans {
        out.push(
            Finding::new(
                Rule::Placeholder,
                path,
                index.pos(start),
                "deze tekst moet nog ingevuld worden",
            )
            .width(width(&text[start..end]))
            .help("vervang de tekst die met `TODO:` begint door de echte tekst"),
        );
    }
}

/// Warnings toward language level B1: sentences over 25 words, and jargon.
fn writing_aid(file: &File, out: &mut Vec<Finding>) {
    const MAX_WORDS: usize = 25;
    let body = file.body();
    for s in
        plain_language::long_sentences_in(body, &file.page.doc, file.page.body_offset, MAX_WORDS)
    {
        let first_line = body[s.start..s.end]
            .split(['\n', '\r'])
            .next()
            .unwrap_or("");
        out.push(
            Finding::new(
                Rule::LongSentence,
                &file.page.path,
                file.pos(s.start),
                format!("lange zin: {} woorden", s.words),
            )
            .width(width(first_line).min(40))
            .help(format!(
                "knip de zin op; voor taalniveau B1 liefst hoogstens {MAX_WORDS} woorden"
            )),
        );
    }
    for hit in plain_language::jargon(body) {
        out.push(
            Finding::new(
                Rule::Jargon,
                &file.page.path,
                file.pos(hit.start),
                hit.message(),
            )
            .width(width(&hit.word))
            .help("kies woorden die de meeste inwoners kennen (taalniveau B1)"),
        );
    }
}

/// A document makes no request: an image from the web (also in raw HTML, which the
/// formats show as text) would be fetched by whoever opens the document, and its
/// server would see who read it and when. Reference-style images are in the tree too.
fn remote_images(file: &File, out: &mut Vec<Finding>) {
    use crate::model::document::{BlockKind, InlineKind, visit_blocks};
    use crate::model::image::is_remote;
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let raw_html = |span: &std::ops::Range<usize>, found: &mut Vec<(usize, usize, String)>| {
        let Some(source) = file.text.get(span.clone()) else {
            return;
        };
        for (at, url) in fetched_urls(source) {
            if is_remote(url) {
                found.push((span.start + at, width(url), url.to_string()));
            }
        }
    };
    file.page.doc.visit_inlines(&mut |i| match &i.kind {
        InlineKind::Image { target, .. } if is_remote(target) => {
            let source = file.text.get(i.span.clone()).unwrap_or("");
            let first_line = source.split('\n').next().unwrap_or("");
            found.push((i.span.start, width(first_line), target.clone()));
        }
        InlineKind::Html(_) => raw_html(&i.span, &mut found),
        _ => {}
    });
    visit_blocks(&file.page.doc.blocks, &mut |b| {
        if let BlockKind::Html(_) = &b.kind {
            raw_html(&b.span, &mut found);
        }
    });
    for (at, w, url) in found {
        out.push(
            Finding::new(
                Rule::RemoteImage,
                &file.page.path,
                file.file_pos(at),
                format!(
                    "de afbeelding `{}` komt van het web: wie het document opent, haalt die op, en de server ziet wie dat doet",
                    crate::text::terminal::visible(&url)
                ),
            )
            .width(w)
            .help("zet het bestand (PNG of JPEG) in de repository en verwijs ernaar met een relatief pad, zoals `![beschrijving](../afbeeldingen/foto.png)`; een gewone link naar de pagina mag wel"),
        );
    }
}

/// Addresses in raw HTML that a browser fetches by itself (`src`, `srcset`, `poster`,
/// `background`, `data`, CSS `url(…)`), with their byte offset in `html`.
fn fetched_urls(html: &str) -> Vec<(usize, &str)> {
    const FETCHING: [&str; 7] = [
        "src",
        "srcset",
        "poster",
        "background",
        "lowsrc",
        "dynsrc",
        "data",
    ];
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    // The value after `=` or `url(`: quoted, or up to a space, `>` or `)`.
    let value_at = |mut at: usize, stop: &[u8]| -> (usize, usize) {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        match bytes.get(at) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let end = memchr::memchr(q, &bytes[at + 1..]).map_or(bytes.len(), |e| at + 1 + e);
                (at + 1, end)
            }
            _ => {
                let end = bytes[at..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || stop.contains(b))
                    .map_or(bytes.len(), |e| at + e);
                (at, end)
            }
        }
    };
    for eq in memchr::memchr_iter(b'=', bytes) {
        let name_end = bytes[..eq]
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(0, |e| e + 1);
        let name_start = bytes[..name_end]
            .iter()
            .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_' || *b == b':'))
            .map_or(0, |s| s + 1);
        if !FETCHING.contains(&&lower[name_start..name_end]) {
            continue;
        }
        let (start, end) = value_at(eq + 1, b">");
        let value = &html[start..end];
        if &lower[name_start..name_end] == "srcset" {
            // "a.png 1x, https://x/b.png 2x": each candidate's address.
            let mut at = start;
            for candidate in value.split(',') {
                let trimmed = candidate.trim_start();
                let lead = candidate.len() - trimmed.len();
                let url = trimmed.split_whitespace().next().unwrap_or("");
                out.push((at + lead, url));
                at += candidate.len() + 1;
            }
        } else {
            out.push((start, value));
        }
    }
    for found in memchr::memmem::find_iter(bytes, b"url(") {
        let (start, end) = value_at(found + 4, b")");
        out.push((start, &html[start..end]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetched_addresses_in_raw_html() {
        let html = r#"<img alt="x" SRC = 'https://t.example/p.png' srcset="a.png 1x, //cdn/b.png 2x"><a href="https://ok">"#;
        let urls: Vec<&str> = fetched_urls(html).into_iter().map(|u| u.1).collect();
        assert_eq!(
            urls,
            vec!["https://t.example/p.png", "a.png", "//cdn/b.png"]
        );
        let (at, url) = fetched_urls(html)[2];
        assert_eq!(&html[at..at + url.len()], url);
        let css = "<div style=\"background: url( 'https://x/y.png' )\">";
        assert_eq!(fetched_urls(css)[0].1, "https://x/y.png");
    }
}
