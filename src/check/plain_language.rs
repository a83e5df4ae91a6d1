//! A writing aid toward language level B1: long sentences and policy jargon.
//!
//! The manifest is written for inwoners as much as for the college, so the checker
//! points at sentences that are hard to follow and words from the policy field that have
//! a plainer Dutch equivalent. These are warnings only: the council decides.
//! All positions are byte offsets into the text and always lie on char boundaries.

use crate::model::document::{BlockKind, Document, Inline, visit_blocks};

/// A stretch of text (a sentence), with its word count so a message can say how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first character of the sentence.
    pub start: usize,
    /// Byte offset just past its closing punctuation.
    pub end: usize,
    /// Words in the sentence; tokens without letters or digits (`–`, `**`) do not count.
    pub words: usize,
}

impl Span {
    /// Dutch message for a long sentence, so every caller words it the same way.
    pub fn message(&self, max_words: usize) -> String {
        format!(
            "lange zin: {} woorden (voor taalniveau B1 liefst hoogstens {max_words}); \
             knip hem op in kortere zinnen",
            self.words
        )
    }
}

/// Sentences with more than `max_words` words.
pub fn long_sentences(text: &str, max_words: usize) -> Vec<Span> {
    sentences(text)
        .into_iter()
        .filter(|s| s.words > max_words)
        .collect()
}

/// Every sentence of a Markdown text, in order.
///
/// A sentence ends at `.`, `?`, `!` or `…` (closing quotes, brackets and emphasis may
/// follow) before white space or the end, but not after abbreviations such as `o.a.`,
/// `bijv.`, `d.w.z.` or an initial. Blocks of the document tree (headings, paragraphs,
/// list items, table rows) also end a sentence, so a heading without a full stop does
/// not run into the paragraph below it; code is skipped.
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_in(text, &text_ranges(&Document::parse(text, 0), 0))
}

/// Sentences with more than `max_words` words, of a text already parsed into `doc`
/// whose spans start at `base`.
pub fn long_sentences_in(text: &str, doc: &Document, base: usize, max_words: usize) -> Vec<Span> {
    sentences_in(text, &text_ranges(doc, base))
        .into_iter()
        .filter(|s| s.words > max_words)
        .collect()
}

/// Byte ranges (in `text`, whose tree spans start at `base`) of the blocks of a
/// document that hold running text: headings, paragraphs and table rows.
fn text_ranges(doc: &Document, base: usize) -> Vec<(usize, usize)> {
    let range = |inlines: &[Inline]| {
        let start = inlines.iter().map(|i| i.span.start).min()?;
        let end = inlines.iter().map(|i| i.span.end).max()?;
        Some((start - base, end - base))
    };
    let mut out = Vec::new();
    visit_blocks(&doc.blocks, &mut |b| match &b.kind {
        BlockKind::Heading { inlines, .. } | BlockKind::Paragraph(inlines) => {
            out.extend(range(inlines));
        }
        BlockKind::Table { header, rows, .. } => {
            for row in std::iter::once(header).chain(rows) {
                let first = row.iter().find_map(|c| range(c));
                let last = row.iter().rev().find_map(|c| range(c));
                if let (Some((start, _)), Some((_, end))) = (first, last) {
                    out.push((start, end));
                }
            }
        }
        _ => {}
    });
    out
}

fn sentences_in(text: &str, blocks: &[(usize, usize)]) -> Vec<Span> {
    let mut out = Vec::new();
    for &block in blocks {
        let tokens = tokens(text, block);
        let mut start: Option<usize> = None;
        let mut words = 0;
        for (k, &(s, e)) in tokens.iter().enumerate() {
            let token = &text[s..e];
            start.get_or_insert(s);
            if token.chars().any(char::is_alphanumeric) {
                words += 1;
            }
            let next = tokens.get(k + 1).map(|&(s, e)| &text[s..e]);
            if ends_sentence(token, next) {
                if words > 0 {
                    out.push(Span {
                        start: start.unwrap_or(s),
                        end: e,
                        words,
                    });
                }
                start = None;
                words = 0;
            }
        }
        if let (Some(start), Some(&(_, end))) = (start, tokens.last())
            && words > 0
        {
            out.push(Span { start, end, words });
        }
    }
    out
}

/// White-space separated tokens of a block, as byte ranges.
fn tokens(text: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut token_start: Option<usize> = None;
    for (i, c) in text[start..end].char_indices() {
        let i = start + i;
        match (c.is_whitespace(), token_start) {
            (true, Some(s)) => {
                out.push((s, i));
                token_start = None;
            }
            (false, None) => token_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = token_start {
        out.push((s, end));
    }
    out
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '_'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '„', '«', '(', '[', '*', '_'];

/// Abbreviations that are not written as single letters with dots (`o.a.` and `d.w.z.`
/// are recognised by their shape).
const ABBREVIATIONS: &[&str] = &[
    "afd", "art", "bijv", "blz", "bv", "ca", "dhr", "dr", "drs", "enz", "etc", "evt", "excl",
    "gem", "incl", "ing", "ir", "jl", "jr", "max", "mevr", "min", "mln", "mr", "mw", "nr", "nrs",
    "ong", "prof", "resp", "sr", "st", "tel", "vgl", "vnl", "zgn",
];

/// Abbreviations that often close a list, and so may end a sentence before a capital.
const LIST_ENDS: &[&str] = &["enz", "etc"];

fn ends_sentence(token: &str, next: Option<&str>) -> bool {
    let core = token.trim_end_matches(CLOSERS);
    if core.ends_with(['?', '!', '…']) {
        return true;
    }
    if !core.ends_with('.') {
        return false;
    }
    let stem = core.trim_start_matches(OPENERS).trim_end_matches('.');
    if stem.is_empty() || !is_abbreviation(stem) {
        return true;
    }
    let stem = stem.to_lowercase();
    LIST_ENDS.contains(&stem.as_str())
        && next
            .and_then(|n| n.trim_start_matches(OPENERS).chars().next())
            .is_some_and(char::is_uppercase)
}

/// `bijv`, `o.a`, `d.w.z`, `J` (an initial): the word before a dot that does not end
/// the sentence.
fn is_abbreviation(stem: &str) -> bool {
    let lower = stem.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    stem.split('.')
        .all(|piece| piece.chars().count() == 1 && piece.chars().all(char::is_alphabetic))
}

/// A word of policy jargon with a plainer Dutch alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jargon {
    /// The word as a dictionary lists it, used in messages.
    pub word: &'static str,
    /// Inflected forms that count as this word, lower case, without diacritics.
    pub forms: &'static [&'static str],
    /// Plainer Dutch to use instead.
    pub suggestion: &'static str,
}

/// Jargon drawn from the seeds' own field (decentralisation of the social domain).
/// Only whole words match, so compounds such as `regieverantwoordelijkheid` pass.
pub const JARGON: &[Jargon] = &[
    Jargon {
        word: "transitie",
        forms: &["transitie", "transities"],
        suggestion: "overgang, verandering",
    },
    Jargon {
        word: "transformatie",
        forms: &[
            "transformatie",
            "transformaties",
            "transformeren",
            "transformeert",
            "transformeerde",
            "transformeerden",
            "getransformeerd",
        ],
        suggestion: "verandering, vernieuwing",
    },
    Jargon {
        word: "integraal",
        forms: &["integraal", "integrale"],
        suggestion: "samenhangend, alles bij elkaar",
    },
    Jargon {
        word: "integraliteit",
        forms: &["integraliteit"],
        suggestion: "samenhang",
    },
    Jargon {
        word: "regie",
        forms: &["regie"],
        suggestion: "sturing, de touwtjes in handen",
    },
    Jargon {
        word: "participatiesamenleving",
        forms: &["participatiesamenleving"],
        suggestion: "samenleving waarin iedereen meedoet",
    },
    Jargon {
        word: "zelfredzaamheid",
        forms: &[
            "zelfredzaamheid",
            "zelfredzaam",
            "zelfredzame",
            "zelfredzamer",
        ],
        suggestion: "zelf kunnen redden",
    },
    Jargon {
        word: "wederkerigheid",
        forms: &["wederkerigheid", "wederkerig", "wederkerige"],
        suggestion: "iets terugdoen",
    },
    Jargon {
        word: "casuïstiek",
        forms: &["casuistiek"],
        suggestion: "voorbeelden",
    },
    Jargon {
        word: "faciliteren",
        forms: &[
            "faciliteren",
            "faciliteer",
            "faciliteert",
            "faciliteerde",
            "faciliteerden",
            "gefaciliteerd",
            "gefaciliteerde",
            "faciliterend",
            "faciliterende",
        ],
        suggestion: "mogelijk maken",
    },
    Jargon {
        word: "implementeren",
        forms: &[
            "implementeren",
            "implementeer",
            "implementeert",
            "implementeerde",
            "implementeerden",
            "geimplementeerd",
            "geimplementeerde",
            "implementatie",
            "implementaties",
        ],
        suggestion: "invoeren",
    },
    Jargon {
        word: "kader",
        forms: &["kader", "kaders"],
        suggestion: "regels, grenzen",
    },
    Jargon {
        word: "monitoren",
        forms: &[
            "monitoren",
            "monitort",
            "monitorde",
            "monitorden",
            "gemonitord",
            "monitoring",
        ],
        suggestion: "volgen",
    },
    Jargon {
        word: "preventie",
        forms: &["preventie", "preventief", "preventieve"],
        suggestion: "voorkomen",
    },
    Jargon {
        word: "cliëntperspectief",
        forms: &[
            "clientperspectief",
            "clientenperspectief",
            "klantperspectief",
        ],
        suggestion: "wat de cliënt ervaart",
    },
    Jargon {
        word: "decentralisatie",
        forms: &[
            "decentralisatie",
            "decentralisaties",
            "decentraliseren",
            "gedecentraliseerd",
        ],
        suggestion: "overdracht van taken naar de gemeente",
    },
    Jargon {
        word: "burgerkracht",
        forms: &["burgerkracht"],
        suggestion: "wat inwoners zelf kunnen",
    },
    Jargon {
        word: "borgen",
        forms: &[
            "borgen", "borgt", "borgde", "geborgd", "geborgde", "borging",
        ],
        suggestion: "vastleggen, zeker stellen",
    },
    Jargon {
        word: "gebiedsgericht",
        forms: &["gebiedsgericht", "gebiedsgerichte"],
        suggestion: "in de wijk, dicht bij huis",
    },
    Jargon {
        word: "interventie",
        forms: &["interventie", "interventies"],
        suggestion: "ingreep, hulp",
    },
    Jargon {
        word: "optimaal",
        forms: &["optimaal", "optimale"],
        suggestion: "zo goed mogelijk",
    },
    Jargon {
        word: "resultante",
        forms: &["resultante"],
        suggestion: "uitkomst",
    },
    Jargon {
        word: "vraaggericht",
        forms: &["vraaggericht", "vraaggerichte"],
        suggestion: "uitgaan van de vraag van de inwoner",
    },
    Jargon {
        word: "outcome",
        forms: &["outcome"],
        suggestion: "resultaat voor de inwoner",
    },
    Jargon {
        word: "generiek",
        forms: &["generiek", "generieke"],
        suggestion: "algemeen, voor iedereen hetzelfde",
    },
];

/// One jargon word in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JargonHit {
    /// Byte offset of the word.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The word as written (`Integrale`).
    pub word: String,
    /// The dictionary form it belongs to (`integraal`).
    pub lemma: &'static str,
    /// Plainer Dutch to use instead.
    pub suggestion: &'static str,
}

impl JargonHit {
    /// Dutch message for a finding, so every caller words it the same way.
    pub fn message(&self) -> String {
        format!(
            "“{}” is vaktaal; eenvoudiger: {}",
            self.word, self.suggestion
        )
    }
}

/// Forms whose plain alternative reads differently from the lemma's: a past
/// participle needs one too ("geborgd" → "vastgelegd", not "vastleggen").
const FORM_SUGGESTIONS: &[(&str, &str)] = &[
    ("geborgd", "vastgelegd, zeker gesteld"),
    ("geborgde", "vastgelegde, zeker gestelde"),
    ("borging", "het vastleggen, zekerheid"),
    ("getransformeerd", "veranderd, vernieuwd"),
    ("gefaciliteerd", "mogelijk gemaakt"),
    ("gefaciliteerde", "mogelijk gemaakte"),
    ("geimplementeerd", "ingevoerd"),
    ("geimplementeerde", "ingevoerde"),
    ("implementatie", "invoering"),
    ("implementaties", "invoeringen"),
    ("gemonitord", "gevolgd"),
    ("monitoring", "het volgen"),
    ("decentraliseren", "taken overdragen aan de gemeente"),
    ("gedecentraliseerd", "overgedragen aan de gemeente"),
];

/// The plain alternative for this folded form, where it differs from the lemma's.
fn form_suggestion(folded: &str) -> Option<&'static str> {
    FORM_SUGGESTIONS
        .iter()
        .find(|(form, _)| *form == folded)
        .map(|(_, suggestion)| *suggestion)
}

/// Every jargon word in `text`, whole words only, case- and diacritic-insensitive.
///
/// Web addresses and Markdown link targets are skipped: `regie.md` is a file name, not
/// a word for the reader.
pub fn jargon(text: &str) -> Vec<JargonHit> {
    let mut out = Vec::new();
    for (s, e) in tokens(text, (0, text.len())) {
        let token = &text[s..e];
        let readable = match token.find("](") {
            Some(i) => &token[..i],
            None if token.contains("://") || token.starts_with("www.") => continue,
            None => token,
        };
        for (ws, we) in words(readable) {
            let folded = fold(&readable[ws..we]);
            if let Some(j) = JARGON.iter().find(|j| j.forms.contains(&folded.as_str())) {
                out.push(JargonHit {
                    start: s + ws,
                    end: s + we,
                    word: readable[ws..we].to_string(),
                    lemma: j.word,
                    suggestion: form_suggestion(&folded).unwrap_or(j.suggestion),
                });
            }
        }
    }
    out
}

/// Combining diacritics (as in a decomposed `ï`), which belong to the word before.
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Byte ranges of the words in `s`: runs of letters, split by anything else.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let in_word = c.is_alphabetic() || (start.is_some() && is_combining(c));
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Lower case without diacritics, so `Geïmplementeerd` and `casuistiek` match.
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| !is_combining(c))
    {
        match crate::text::fold_diacritic(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../tests/seed/almere-2015.txt");

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    fn words_of(text: &str) -> Vec<usize> {
        sentences(text).iter().map(|s| s.words).collect()
    }

    #[test]
    fn splits_on_end_punctuation() {
        let text = "Eén zin. Nog een zin? Ja! En “een citaat.” En (haakjes.) Klaar…  Einde";
        assert_eq!(
            texts(text, &sentences(text)),
            [
                "Eén zin.",
                "Nog een zin?",
                "Ja!",
                "En “een citaat.”",
                "En (haakjes.)",
                "Klaar…",
                "Einde"
            ]
        );
    }

    #[test]
    fn no_split_inside_numbers_or_addresses() {
        let text = "Zie artikel 2.1.3 van de Wmo en www.almere.nl voor meer.";
        assert_eq!(words_of(text), [10]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        for text in [
            "Partners (o.a. de wijkteams) praten mee.",
            "Soms, bijv. bij schulden, is hulp nodig.",
            "Een plan, d.w.z. een afspraak, is nodig.",
            "Jeugd, Wmo e.d. vallen eronder.",
            "Afspraken m.b.t. privacy gelden hier.",
            "Mw. Jansen en J. de Vries doen mee.",
            "Zie blz. 4 en art. 2 van de wet.",
        ] {
            assert_eq!(sentences(text).len(), 1, "{text}: {:?}", sentences(text));
        }
        // `enz.` before a capital closes the list and the sentence.
        assert_eq!(
            sentences("Wijkteams, huisartsen enz. De rest volgt.").len(),
            2
        );
        assert_eq!(sentences("Wijkteams, huisartsen enz. zijn er.").len(), 1);
    }

    #[test]
    fn emphasis_markers_are_not_words() {
        assert_eq!(words_of("Wij doen wat nodig is *voor hen*."), [7]);
        assert_eq!(words_of("Dit is ** echt ** – __ belangrijk __."), [4]);
        assert_eq!(words_of("**Let op.** Dit telt apart."), [2, 3]);
    }

    #[test]
    fn markdown_blocks_end_sentences() {
        let text = "# De Almeerder centraal\n\
                    Een zin zonder punt\n\
                    die doorloopt op de volgende regel\n\n\
                    - eerste punt\n\
                    - tweede punt\n\
                    1. genummerd punt\n\
                    > citaat\n\n\
                    ```\nCode. Telt. Niet mee.\n```\n\
                    | tabel | rij |\n";
        assert_eq!(
            texts(text, &sentences(text)),
            [
                "De Almeerder centraal",
                "Een zin zonder punt\ndie doorloopt op de volgende regel",
                "eerste punt",
                "tweede punt",
                "genummerd punt",
                "citaat",
                "| tabel | rij |",
            ]
        );
    }

    #[test]
    fn crlf_and_empty_input() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\r\n– * \n").is_empty());
        let text = "Eerste zin.\r\nTweede\r\n\r\nDerde.";
        assert_eq!(
            texts(text, &sentences(text)),
            ["Eerste zin.", "Tweede", "Derde."]
        );
    }

    #[test]
    fn long_sentences_over_limit() {
        let text = "Kort. Dit is een zin met precies acht woorden erin. Een twee drie vier.";
        let long = long_sentences(text, 7);
        assert_eq!(
            texts(text, &long),
            ["Dit is een zin met precies acht woorden erin."]
        );
        assert_eq!(long[0].words, 9);
        assert!(long_sentences(text, 9).is_empty());
        assert!(long[0].message(7).contains("9 woorden"));
        assert!(long[0].message(7).contains("B1"));
    }

    #[test]
    fn seed_sentences() {
        let all = texts(SEED, &sentences(SEED));
        // The abbreviation `o.a.` keeps this sentence whole.
        assert!(all.iter().any(
            |s| s.starts_with("Hieronder treft u ons kwaliteitsmanifest")
                && s.contains("(o.a. de Stadsconferentie van 12 mei)")
                && s.ends_with("Breed Overleg+.")
        ));
        // Headings without a full stop stand alone.
        assert!(all.iter().any(|s| s == "De Almeerder centraal"));
        let long = texts(SEED, &long_sentences(SEED, 25));
        assert!(
            long.iter()
                .any(|s| s.starts_with("Wij zijn erg te spreken over dit proces"))
        );
        assert!(long.iter().all(|s| s.split_whitespace().count() > 25));
        assert!(
            !long
                .iter()
                .any(|s| s.starts_with("Iedereen heeft iets te geven"))
        );
    }

    #[test]
    fn jargon_whole_words_and_inflections() {
        let text = "Integrale zorg, de integraal werkende teams; het bestuur faciliteert \
                    en heeft gefaciliteerd. Geïmplementeerd! Casuïstiek en casuistiek. \
                    Heldere kaders. TRANSITIE.";
        let found: Vec<(&str, &str)> = jargon(text)
            .iter()
            .map(|h| (h.lemma, &text[h.start..h.end]))
            .collect();
        assert_eq!(
            found,
            [
                ("integraal", "Integrale"),
                ("integraal", "integraal"),
                ("faciliteren", "faciliteert"),
                ("faciliteren", "gefaciliteerd"),
                ("implementeren", "Geïmplementeerd"),
                ("casuïstiek", "Casuïstiek"),
                ("casuïstiek", "casuistiek"),
                ("kader", "kaders"),
                ("transitie", "TRANSITIE"),
            ]
        );
    }

    #[test]
    fn jargon_ignores_compounds_links_and_lookalikes() {
        let text = "regieverantwoordelijkheid, transitiedatum, regiem, kaderen, \
                    https://example.nl/regie/kaders, www.regie.nl, [de regie](regie.md)";
        let found: Vec<&str> = jargon(text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, ["regie"]);
        assert_eq!(
            &text[jargon(text)[0].start - 4..jargon(text)[0].end],
            "[de regie"
        );
    }

    #[test]
    fn jargon_decomposed_diacritics() {
        let text = "casu\u{69}\u{308}stiek werkt";
        let hits = jargon(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].word, "casu\u{69}\u{308}stiek");
        assert_eq!(hits[0].end, text.find(' ').unwrap());
    }

    #[test]
    fn jargon_list_is_well_formed() {
        assert!((15..=25).contains(&JARGON.len()));
        for j in JARGON {
            assert!(!j.forms.is_empty() && !j.suggestion.is_empty());
            for f in j.forms {
                assert_eq!(fold(f), *f, "forms are folded: {f}");
                let owners = JARGON.iter().filter(|o| o.forms.contains(f)).count();
                assert_eq!(owners, 1, "{f} listed twice");
            }
            assert!(
                j.forms.contains(&fold(j.word).as_str()),
                "{} matches itself",
                j.word
            );
        }
    }

    #[test]
    fn participles_get_participles() {
        assert_eq!(
            jargon("is geborgd")[0].suggestion,
            "vastgelegd, zeker gesteld"
        );
        assert_eq!(jargon("borgen")[0].suggestion, "vastleggen, zeker stellen");
        for (form, _) in FORM_SUGGESTIONS {
            assert!(JARGON.iter().any(|j| j.forms.contains(form)), "{form}");
        }
    }

    #[test]
    fn jargon_message_is_dutch() {
        let hit = &jargon("de transitie")[0];
        assert_eq!(
            hit.message(),
            "“transitie” is vaktaal; eenvoudiger: overgang, verandering"
        );
    }

    #[test]
    fn seed_jargon() {
        let hits = jargon(SEED);
        let count = |lemma: &str| hits.iter().filter(|h| h.lemma == lemma).count();
        // "transitie" in De Almeerder centraal of the Uitwerking.
        let uitwerking = SEED.find("Uitwerking Kwaliteitsmanifest").unwrap();
        let section = uitwerking + SEED[uitwerking..].find("De Almeerder centraal").unwrap();
        let next = section + SEED[section..].find("Leren en verbeteren").unwrap();
        let transitie: Vec<&JargonHit> = hits.iter().filter(|h| h.lemma == "transitie").collect();
        assert_eq!(transitie.len(), 1);
        assert!((section..next).contains(&transitie[0].start));
        assert_eq!(&SEED[transitie[0].start..transitie[0].end], "transitie");
        for h in &hits {
            assert_eq!(&SEED[h.start..h.end], h.word);
        }
        assert_eq!(count("transformatie"), 3);
        assert_eq!(count("participatiesamenleving"), 1);
        assert_eq!(count("zelfredzaamheid"), 1);
        assert_eq!(count("wederkerigheid"), 2);
        assert_eq!(count("casuïstiek"), 1);
        assert_eq!(count("faciliteren"), 4);
        assert_eq!(count("integraal"), 3);
        assert_eq!(count("integraliteit"), 2);
        assert_eq!(count("cliëntperspectief"), 1);
        assert_eq!(count("generiek"), 1);
        assert_eq!(count("resultante"), 1);
        assert!(count("kader") >= 4);
        // Only inside the compound "regieverantwoordelijkheid".
        assert_eq!(count("regie"), 0);
    }

    proptest! {
        #[test]
        fn arbitrary_text_is_safe(text in any::<String>(), max in 0usize..40) {
            check(&text, max);
        }

        #[test]
        fn markdownish_text_is_safe(
            text in "[a-zA-Zëï\u{308} .?!…*_#>()\\[\\]“”'\\-0-9\n\r]{0,120}",
            max in 0usize..10,
        ) {
            check(&text, max);
        }
    }

    fn check(text: &str, max: usize) {
        let all = sentences(text);
        let mut last = 0;
        for s in &all {
            assert!(s.start < s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(s.start >= last, "sentences in order, not overlapping");
            assert!(s.words > 0);
            last = s.end;
        }
        let long = long_sentences(text, max);
        assert!(long.iter().all(|s| s.words > max && all.contains(s)));
        for h in jargon(text) {
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            assert_eq!(&text[h.start..h.end], h.word);
        }
    }
}
