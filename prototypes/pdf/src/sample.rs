//! A synthetic council document for tests, examples and measurements.

use crate::document::*;
use crate::world::Date;

fn t(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn p(s: &str) -> Block {
    Block::Paragraph(vec![t(s)])
}

fn h(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        inlines: vec![t(s)],
        outline: true,
    }
}

const WORDS: &[&str] = &[
    "de",
    "Almeerder",
    "professional",
    "gemeente",
    "zorgaanbieder",
    "kwaliteit",
    "inwoner",
    "samenwerking",
    "verantwoordelijkheid",
    "ondersteuning",
    "wijkteam",
    "mantelzorger",
    "bestuur",
    "afspraken",
    "evaluatie",
    "zelfredzaamheid",
    "maatwerk",
    "toegang",
    "en",
    "met",
    "voor",
    "in",
    "heeft",
    "wordt",
    "tijdig",
    "zorgvuldig",
    "één",
    "cliënt",
    "reïntegratie",
];

/// About `n` words of plain Dutch-looking prose, deterministic.
pub fn prose(seed: usize, n: usize) -> String {
    let mut s = String::new();
    let mut x = (seed as u64).wrapping_mul(2654435761).wrapping_add(7);
    for i in 0..n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = WORDS[(x >> 33) as usize % WORDS.len()];
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
        if i % 17 == 16 && i + 1 < n {
            s.push('.');
        }
    }
    s.push('.');
    s
}

/// The matrix annex: 8 columns, enough rows for two landscape pages.
pub fn matrix(rows: usize) -> Block {
    let header: Vec<Vec<Inline>> = [
        "Uitgangspunt",
        "Inwoners",
        "Professionals",
        "Management",
        "Bestuur",
        "Gemeente",
        "Zorgaanbieders",
        "Adviesraad",
    ]
    .iter()
    .map(|s| vec![t(s)])
    .collect();
    let rows = (0..rows)
        .map(|r| {
            (0..8)
                .map(|c| {
                    if c == 0 {
                        vec![Inline::Strong(vec![t(&format!(
                            "{}. Uitgangspunt {}",
                            r + 1,
                            r + 1
                        ))])]
                    } else {
                        vec![t(&prose(r * 8 + c, 8 + (r + c) % 9))]
                    }
                })
                .collect()
        })
        .collect();
    Block::Table(Table {
        caption: Some(vec![t("Verantwoordelijkheden per uitgangspunt en partij")]),
        header,
        rows,
        widths: vec![1.6, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    })
}

/// A complete sample: letter, cover, contents, manifest, `cases` cases of
/// ~150 words, redline, landscape matrix.
pub fn document(cases: usize) -> PdfDocument {
    let letter = Letter {
        sender: vec![
            "Adviesraad Sociaal Domein Almere".into(),
            "Postbus 200".into(),
            "1300 AE Almere".into(),
            "secretariaat@example.nl".into(),
        ],
        recipient: vec![
            "College van burgemeester en wethouders".into(),
            "van de gemeente Almere".into(),
            "Postbus 200".into(),
            "1300 AE  Almere".into(),
        ],
        references: LetterReferences {
            date: Some("12 maart 2015".into()),
            our_reference: Some("ASD/2015/007".into()),
            subject: Some("Ongevraagd advies: kwaliteitsmanifest".into()),
            attachments: Some("Kwaliteitsmanifest met uitwerking; matrix".into()),
            contact: None,
        },
        body: vec![
            p("Geacht college,"),
            p(&prose(1, 120)),
            p(&prose(2, 90)),
            Block::List {
                ordered: false,
                items: vec![
                    vec![p("De Almeerder centraal")],
                    vec![p("De basis op orde")],
                ],
            },
            p(&prose(3, 60)),
        ],
        closing: vec![t("Met vriendelijke groet,")],
        signatories: vec![
            Signatory {
                name: "J. de Vries".into(),
                role: Some("voorzitter".into()),
            },
            Signatory {
                name: "A. Bakker".into(),
                role: Some("secretaris".into()),
            },
        ],
    };
    let cover = Cover {
        title: "Kwaliteitsmanifest Sociaal Domein".into(),
        subtitle: Some("Zeven uitgangspunten voor kwaliteit".into()),
        council: "Adviesraad Sociaal Domein Almere".into(),
        municipality: "Gemeente Almere".into(),
        edition: Some("Ronde 2015".into()),
        edition_date: Some("12 maart 2015".into()),
    };
    let mut body = vec![h(1, "Het manifest"), p(&prose(4, 80))];
    for i in 1..=7 {
        body.push(h(2, &format!("{i}. Uitgangspunt {i}")));
        body.push(p(&prose(10 + i, 60)));
    }
    body.push(Block::List {
        ordered: true,
        items: vec![
            vec![
                p("inwonerniveau"),
                Block::List {
                    ordered: false,
                    items: vec![vec![p("inwoners")], vec![p("mantelzorgers")]],
                },
            ],
            vec![p("uitvoerend niveau")],
            vec![p("strategisch niveau")],
        ],
    });
    body.push(Block::Quote(vec![p("Kwaliteit maak je samen.")]));
    body.push(Block::PageBreak);
    body.push(h(1, "Uitwerking"));
    for c in 0..cases {
        if c % 7 == 0 {
            body.push(h(2, &format!("Uitgangspunt {}", c / 7 + 1)));
            body.push(p(&prose(100 + c, 70)));
        }
        body.push(Block::Heading {
            level: 3,
            inlines: vec![t(&format!("Uit de praktijk {}", c + 1))],
            outline: false,
        });
        body.push(p(&prose(1000 + c, 150)));
    }
    body.push(h(1, "Wat is er veranderd"));
    body.push(redline_legend());
    body.push(Block::Paragraph(vec![
        t("De gemeente "),
        Inline::Delete(vec![t("controleert")]),
        t(" "),
        Inline::Insert(vec![t("bespreekt met de zorgaanbieders")]),
        t(" de kwaliteit van de ondersteuning "),
        Inline::Delete(vec![t("één keer per jaar")]),
        Inline::Insert(vec![t("twee keer per jaar")]),
        t(". Zie "),
        Inline::Link {
            url: "https://www.almere.nl".into(),
            inlines: vec![t("almere.nl")],
        },
        t(" en "),
        Inline::Code("kwaliteit diff".into()),
        t("."),
    ]));
    body.push(Block::Landscape(vec![h(1, "Bijlage: matrix"), matrix(14)]));
    PdfDocument {
        title: "Kwaliteitsmanifest Sociaal Domein".into(),
        council: "Adviesraad Sociaal Domein Almere".into(),
        date: Date {
            year: 2015,
            month: 3,
            day: 12,
        },
        style: HouseStyle::default(),
        parts: vec![
            Part::Letter(letter),
            Part::Cover(cover),
            Part::Outline,
            Part::Blocks(body),
        ],
    }
}
