//! Rules over what the files say: personal data, texts left to fill in, and (on
//! request) the writing aid. They read the file texts the model keeps; positions are
//! byte offsets in those texts.

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

pub fn content(m: &Manifest, options: Options, out: &mut Vec<Finding>) {
    for (path, text) in &m.texts {
        if file_kind(path).is_some() && !text.trim().is_empty() {
            placeholders(path, text, out);
        }
    }
    for page in &m.pages {
        let Some(text) = m.texts.get(&page.path) else {
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
                let exception = m
                    .cases
                    .iter()
                    .find(|c| c.path == page.path)
                    .and_then(|c| c.privacy_exception.as_ref());
                personal_data(&file, Some(exception), out);
            }
            _ => {}
        }
        if options.lang_level {
            writing_aid(&file, out);
        }
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
/// `exception` is `None` for principles, which cannot have one.
fn personal_data(file: &File, exception: Option<Option<&String>>, out: &mut Vec<Finding>) {
    if matches!(exception, Some(Some(_))) {
        return;
    }
    let help = if exception.is_some() {
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
    for s in plain_language::long_sentences(body, MAX_WORDS) {
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
