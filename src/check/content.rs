//! Rules over what the files say: personal data, texts left to fill in, and (on
//! request) the writing aid. They read the file texts the model keeps; positions are
//! byte offsets in those texts.

use std::collections::{BTreeMap, HashSet};

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

/// Files are independent, so large manifests are checked on every core in chunks.
pub fn content(m: &Manifest, options: Options, out: &mut Vec<Finding>) {
    too_deep(m, out);
    const FILES_PER_THREAD: usize = 512;
    // Cases whose front matter gives a reason to name personal data.
    let excepted: HashSet<&str> = m
        .cases
        .iter()
        .filter(|c| c.privacy_exception.is_some())
        .map(|c| c.path.as_str())
        .collect();
    let excepted = &excepted;
    let texts: Vec<(&String, &String)> = m.texts.iter().collect();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores
        .min(texts.len().max(m.pages.len()).div_ceil(FILES_PER_THREAD))
        .max(1);
    if threads == 1 {
        content_of(&m.texts, excepted, &texts, &m.pages, options, out);
        return;
    }
    let text_chunk = texts.len().div_ceil(threads).max(1);
    let page_chunk = m.pages.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<Finding>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                let texts = texts
                    .get(i * text_chunk..((i + 1) * text_chunk).min(texts.len()))
                    .unwrap_or(&[]);
                let pages = m
                    .pages
                    .get(i * page_chunk..((i + 1) * page_chunk).min(m.pages.len()))
                    .unwrap_or(&[]);
                scope.spawn(move || {
                    let mut part = Vec::new();
                    content_of(&m.texts, excepted, texts, pages, options, &mut part);
                    part
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    out.extend(parts.into_iter().flatten());
}

fn content_of(
    all: &BTreeMap<String, String>,
    excepted: &HashSet<&str>,
    texts: &[(&String, &String)],
    pages: &[Page],
    options: Options,
    out: &mut Vec<Finding>,
) {
    for (path, text) in texts {
        if file_kind(path).is_some() && !text.trim().is_empty() {
            placeholders(path, text, out);
        }
    }
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
        let first_line = body[s.start..s.end].split('\n').next().unwrap_or("");
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
