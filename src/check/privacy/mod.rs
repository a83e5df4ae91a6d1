//! Personal data in case stories: cases are about real people and must be anonymised
//! (AVG/GDPR), so the checker warns when a text still holds a citizen service number
//! (BSN), an e-mail address, a Dutch telephone number or an IBAN.
//!
//! Hand-written scanners over `&str` rather than regular expressions: every candidate is
//! also validated (BSN elfproef, IBAN mod-97, Dutch number plan), which a pattern alone
//! cannot do, and keeps false positives on ordinary prose (years, dates, amounts) down.
//! All offsets are byte offsets into the scanned text and always lie on char boundaries.

mod bsn;
mod phone;

use bsn::bsns;
use phone::phones;

use std::fmt;

/// The kind of personal data found; decides the message and how sure we are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Burgerservicenummer: 9 digits passing the elfproef.
    Bsn,
    /// E-mail address.
    Email,
    /// Dutch telephone number (mobile or landline, national or international form).
    Phone,
    /// Bank account number in IBAN form with a valid mod-97 checksum.
    Iban,
}

impl Kind {
    /// Dutch name of the kind, for messages to the council.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Bsn => "burgerservicenummer (BSN)",
            Kind::Email => "e-mailadres",
            Kind::Phone => "telefoonnummer",
            Kind::Iban => "IBAN (bankrekeningnummer)",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One piece of personal data in a text, located so a finding can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    /// Byte offset of the first byte of the match.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// The matched text, as written.
    pub text: String,
}

impl Hit {
    /// Dutch message for a finding. It does not repeat the data itself: messages end up
    /// in CI logs and pull-request annotations.
    pub fn message(&self) -> String {
        format!("mogelijk een {} in de tekst (AVG)", self.kind.label())
    }
}

/// Every piece of personal data in `text`, ordered by position, never overlapping.
///
/// When two candidates overlap, the more specific one wins (IBAN, then e-mail, then BSN,
/// then telephone number), so the digits inside an IBAN are not also reported as a phone.
pub fn scan(text: &str) -> Vec<Hit> {
    // Kept spans by start; they never overlap, so the one starting last before a new
    // span's end is the only one that can overlap it (linear in hits, not quadratic).
    let mut kept: std::collections::BTreeMap<usize, (usize, Kind)> = Default::default();
    for (kind, found) in [
        (Kind::Iban, ibans(text)),
        (Kind::Email, emails(text)),
        (Kind::Bsn, bsns(text)),
        (Kind::Phone, phones(text)),
    ] {
        for (start, end) in found {
            let overlaps = kept
                .range(..end)
                .next_back()
                .is_some_and(|(&s, &(e, _))| !(end <= s || e <= start));
            if !overlaps && !kept.contains_key(&start) {
                kept.insert(start, (end, kind));
            }
        }
    }
    kept.into_iter()
        .map(|(start, (end, kind))| Hit {
            kind,
            start,
            end,
            text: text[start..end].to_string(),
        })
        .collect()
}

/// Elfproef for a BSN given as exactly nine ASCII digits (no separators).
///
/// Public so other checks (and tests) can validate a number the user typed on purpose.
pub fn is_valid_bsn(digits: &str) -> bool {
    let d = digits.as_bytes();
    if d.len() != 9 || !d.iter().all(u8::is_ascii_digit) || d.iter().all(|&b| b == b'0') {
        return false;
    }
    let mut sum: i64 = 0;
    for (i, &b) in d[..8].iter().enumerate() {
        sum += (9 - i as i64) * i64::from(b - b'0');
    }
    sum -= i64::from(d[8] - b'0');
    sum.rem_euclid(11) == 0
}

/// IBAN check (length per country and mod-97) for a compact IBAN without spaces.
pub fn is_valid_iban(iban: &str) -> bool {
    let b = iban.as_bytes();
    if b.len() < 5 || !b[..2].iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    if !b[2..4].iter().all(u8::is_ascii_digit) || !b[4..].iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    if iban_length(&iban[..2]) != Some(b.len()) {
        return false;
    }
    // Move the country code and check digits to the end; letters count as 10..35.
    let mut rem: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let c = c.to_ascii_uppercase();
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// IBAN lengths of the SEPA countries and neighbours (SWIFT IBAN registry). Unknown
/// countries are not scanned: guessing their length would multiply false positives.
fn iban_length(country: &str) -> Option<usize> {
    Some(match country {
        "NO" => 15,
        "BE" => 16,
        "DK" | "FI" | "FO" | "GL" | "NL" => 18,
        "SI" => 19,
        "AT" | "EE" | "LT" | "LU" => 20,
        "CH" | "HR" | "LI" | "LV" => 21,
        "BG" | "DE" | "GB" | "IE" | "VA" => 22,
        "GI" => 23,
        "AD" | "CZ" | "ES" | "RO" | "SE" | "SK" => 24,
        "PT" => 25,
        "IS" | "TR" => 26,
        "FR" | "GR" | "IT" | "MC" | "SM" => 27,
        "CY" | "HU" | "PL" => 28,
        "MT" => 31,
        _ => return None,
    })
}

/// The char just before byte offset `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The char starting at byte offset `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// True when no letter or digit touches the candidate from the left.
fn word_start(text: &str, i: usize) -> bool {
    !char_before(text, i).is_some_and(char::is_alphanumeric)
}

/// True when no letter or digit touches the candidate from the right.
fn word_end(text: &str, i: usize) -> bool {
    !char_at(text, i).is_some_and(char::is_alphanumeric)
}

fn is_space(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// Byte length of a space at `i` that may sit inside a number: a plain space, or the
/// no-break spaces (U+00A0, U+202F) that word processors put in phone numbers.
fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b' ', ..]) => 1,
        Some([0xC2, 0xA0, ..]) => 2,
        Some([0xE2, 0x80, 0xAF, ..]) => 3,
        _ => 0,
    }
}

/// `"NL91ABNA0417164300"` and `"NL91 ABNA 0417 1643 00"` (groups of four).
fn ibans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        if !(b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && word_start(text, i))
        {
            i += 1;
            continue;
        }
        let Some(len) = iban_length(&text[i..i + 2]) else {
            i += 1;
            continue;
        };
        let mut compact = String::with_capacity(len);
        let mut j = i;
        while compact.len() < len && j < b.len() {
            if b[j].is_ascii_alphanumeric() {
                compact.push(b[j] as char);
                j += 1;
            } else if space_len(b, j) > 0
                && compact.len().is_multiple_of(4)
                && b.get(j + space_len(b, j))
                    .is_some_and(u8::is_ascii_alphanumeric)
            {
                j += space_len(b, j);
            } else {
                break;
            }
        }
        if compact.len() == len && word_end(text, j) && is_valid_iban(&compact) {
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"._%+-'".contains(&c)
}

fn is_domain_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'.' || c == b'-'
}

/// `local@domain.tld`, trimmed of sentence punctuation around it.
fn emails(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (at, _) in text.match_indices('@') {
        if out.last().is_some_and(|&(_, e)| at < e) {
            continue;
        }
        let mut start = at;
        while start > 0 && is_local_char(b[start - 1]) {
            start -= 1;
        }
        // A leading dot or quote belongs to the prose, not the address.
        while start < at && matches!(b[start], b'.' | b'\'' | b'-') {
            start += 1;
        }
        let mut end = at + 1;
        while end < b.len() && is_domain_char(b[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if start == at || b[at - 1] == b'.' || !word_start(text, start) {
            continue;
        }
        let domain = &text[at + 1..end];
        let labels: Vec<&str> = domain.split('.').collect();
        let tld = labels.last().copied().unwrap_or("");
        let ok = labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
            && tld.len() >= 2
            && tld.bytes().all(|c| c.is_ascii_alphabetic());
        if ok && word_end(text, end) {
            out.push((start, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../../tests/seed/almere-2015.txt");

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        scan(text)
            .into_iter()
            .map(|h| (h.kind, &text[h.start..h.end]))
            .collect()
    }

    /// Digits `d1..d8` completed with the check digit; `None` when it would be 10.
    fn complete_bsn(first8: &[u8; 8]) -> Option<String> {
        let sum: u32 = first8
            .iter()
            .enumerate()
            .map(|(i, &d)| (9 - i as u32) * u32::from(d))
            .sum();
        let d9 = sum % 11;
        if d9 == 10 {
            return None;
        }
        let mut s: String = first8.iter().map(|d| char::from(b'0' + d)).collect();
        s.push(char::from(b'0' + d9 as u8));
        Some(s)
    }

    #[test]
    fn elfproef() {
        assert!(is_valid_bsn("111222333"));
        assert!(is_valid_bsn("123456782"));
        assert!(!is_valid_bsn("123456789"));
        assert!(!is_valid_bsn("000000000"));
        assert!(!is_valid_bsn("12345678"));
        assert!(!is_valid_bsn("12345678a"));
    }

    #[test]
    fn bsn_forms() {
        for t in [
            "123456782",
            "1234.56.782",
            "123 456 782",
            "123.456.782",
            "123\u{a0}456\u{a0}782",
        ] {
            let text = format!("BSN van de cliënt: {t}.");
            assert_eq!(kinds(&text), vec![(Kind::Bsn, t)], "{text}");
        }
        assert_eq!(kinds("(111222333)"), vec![(Kind::Bsn, "111222333")]);
        assert_eq!(
            kinds("in 2015 123456782 gemeld"),
            vec![(Kind::Bsn, "123456782")]
        );
    }

    #[test]
    fn bsn_lookalikes() {
        for t in [
            "123456789",        // fails the elfproef
            "000000000",        // all zeros
            "1234567820",       // ten digits
            "A123456782",       // part of a code
            "123456782B",       // part of a code
            "€ 123.456.782",    // an amount
            "€\u{a0}123456782", // an amount
            "12-3456782",       // dashed code
            "1 234 567 82",     // other grouping
            "0,123456782",      // decimal
            "123 456 782 111",  // longer spaced number
        ] {
            assert!(
                !scan(t).iter().any(|h| h.kind == Kind::Bsn),
                "{t}: {:?}",
                scan(t)
            );
        }
    }

    #[test]
    fn emails_found() {
        assert_eq!(
            kinds("Mail naar j.jansen@almere.nl."),
            vec![(Kind::Email, "j.jansen@almere.nl")]
        );
        assert_eq!(
            kinds("<mailto:info+asd@adviesraad-almere.nl>"),
            vec![(Kind::Email, "info+asd@adviesraad-almere.nl")]
        );
        assert_eq!(
            kinds("[mail](mailto:a_b@x.co.uk)"),
            vec![(Kind::Email, "a_b@x.co.uk")]
        );
        for t in [
            "@ASD_Almere",
            "jan@localhost",
            "x@y.1",
            "naam @ domein.nl",
            "a@.nl",
        ] {
            assert!(kinds(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn phones_found() {
        for t in [
            "06-12345678",
            "06 1234 5678",
            "0612345678",
            "06 12345678",
            "06 - 1234 5678",
            "06 12 34 56 78",
            "+31 6 12345678",
            "+31612345678",
            "+31 (0)6 12345678",
            "+31 (0)20 123 4567",
            "0031 6 12345678",
            "0031612345678",
            "020-1234567",
            "020 123 4567",
            "036 123 4567",
            "036-5399000",
            "(036) 1234567",
            "(036)1234567",
            "036/1234567",
            "06\u{a0}1234\u{a0}5678",
            "020\u{202f}123\u{202f}4567",
        ] {
            let text = format!("Bel mevrouw op {t}, liefst 's ochtends.");
            assert_eq!(kinds(&text), vec![(Kind::Phone, t)], "{text}");
        }
        // An unclosed bracket is prose punctuation; the number inside still counts.
        assert_eq!(kinds("(036 1234567"), vec![(Kind::Phone, "036 1234567")]);
        assert_eq!(
            kinds("Bel 06-12345678 of 020-1234567."),
            vec![(Kind::Phone, "06-12345678"), (Kind::Phone, "020-1234567")]
        );
    }

    #[test]
    fn phone_lookalikes() {
        for t in [
            "2015",
            "in 2015 en 2016",
            "12 mei",
            "12-05-2015",
            "01-05-2015 12:30",
            "01/05/2015 10 30",
            "06-05-2015 10",
            "0612345",
            "06123456789",
            "0 1 2 3 4 5 6 7 8 9",
            "0800-1234",
            "+44 20 7946 0958",
            "+31 0 12345678",
            "tel06123456789",
            "0,5 procent",
            "0-10 jaar",
            "v0612345678",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", scan(t));
        }
    }

    #[test]
    fn iban_forms() {
        assert!(is_valid_iban("NL91ABNA0417164300"));
        assert!(is_valid_iban("DE89370400440532013000"));
        assert!(is_valid_iban("BE68539007547034"));
        assert!(is_valid_iban("GB82WEST12345698765432"));
        assert!(!is_valid_iban("NL91ABNA0417164301"));
        assert!(!is_valid_iban("NL91ABNA041716430"));
        assert!(!is_valid_iban("XX91ABNA0417164300"));
        for t in [
            "NL91ABNA0417164300",
            "NL91 ABNA 0417 1643 00",
            "DE89 3704 0044 0532 0130 00",
            "BE68 5390 0754 7034",
            "NL91abna0417164300",
            "NL91\u{a0}ABNA\u{a0}0417\u{a0}1643\u{a0}00",
        ] {
            let text = format!("Rekening {t} voor de huur.");
            assert_eq!(kinds(&text), vec![(Kind::Iban, t)], "{text}");
        }
        // A group of four followed by a word is not pulled in.
        assert_eq!(
            kinds("BE68 5390 0754 7034 voor"),
            vec![(Kind::Iban, "BE68 5390 0754 7034")]
        );
        for t in [
            "NL91 ABNA 0417 1643 01",
            "NL91ABNA0417164300X",
            "xNL91ABNA0417164300",
        ] {
            assert!(!kinds(t).iter().any(|(k, _)| *k == Kind::Iban), "{t}");
        }
    }

    #[test]
    fn overlaps_prefer_specific_kind() {
        // The digits of an IBAN and a BSN-like local part are not reported twice.
        assert_eq!(
            kinds("NL91 ABNA 0417 1643 00"),
            vec![(Kind::Iban, "NL91 ABNA 0417 1643 00")]
        );
        assert_eq!(
            kinds("123456782@example.nl"),
            vec![(Kind::Email, "123456782@example.nl")]
        );
    }

    #[test]
    fn mixed_text_in_order() {
        let text = "Mevrouw Jansen (BSN 111222333, tel. 06-12345678, \
                    jansen@example.nl, NL91ABNA0417164300) woont in Almere.";
        let found: Vec<Kind> = scan(text).iter().map(|h| h.kind).collect();
        assert_eq!(found, vec![Kind::Bsn, Kind::Phone, Kind::Email, Kind::Iban]);
        for h in scan(text) {
            assert_eq!(&text[h.start..h.end], h.text);
        }
    }

    #[test]
    fn labels_and_message_are_dutch() {
        assert_eq!(Kind::Bsn.label(), "burgerservicenummer (BSN)");
        assert_eq!(Kind::Email.label(), "e-mailadres");
        assert_eq!(Kind::Phone.label(), "telefoonnummer");
        assert_eq!(Kind::Iban.label(), "IBAN (bankrekeningnummer)");
        let hit = &scan("bel 0612345678")[0];
        assert!(hit.message().contains("telefoonnummer"));
        assert!(hit.message().contains("AVG"));
    }

    #[test]
    fn seed_has_no_personal_data() {
        for (n, line) in SEED.lines().enumerate() {
            assert!(scan(line).is_empty(), "line {}: {:?}", n + 1, scan(line));
        }
        assert!(scan(SEED).is_empty());
        for t in ["Mevrouw Jansen", "wethouder De Jonge", "12 mei", "2015"] {
            assert!(SEED.contains(t));
            assert!(scan(t).is_empty(), "{t}");
        }
    }

    /// Words of ordinary Dutch prose, numbers included, to embed data in.
    fn dutch_text() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "de",
            "het",
            "een",
            "Mevrouw",
            "Jansen",
            "wethouder",
            "De",
            "Jonge",
            "in",
            "2015",
            "12",
            "mei",
            "Almere",
            "wijkteam",
            "zorg",
            "café's",
            "écht",
            "–",
            "(o.a.",
            "€",
            "10,50",
            "18",
            "augustus",
            "Artikel",
            "2.1.3",
            "tuin.",
            "rugklachten,",
            "0,5",
            "jaar",
            "wijkwerkers",
            "“doen",
            "nodig”",
            "*voor",
            "hen*",
            "\n\n",
            "-",
        ]);
        prop::collection::vec(words, 0..12).prop_map(|w| w.join(" "))
    }

    fn bsn_strategy() -> impl Strategy<Value = String> {
        prop::array::uniform8(0u8..10).prop_filter_map("check digit 10 or all zeros", |d| {
            complete_bsn(&d).filter(|s| is_valid_bsn(s))
        })
    }

    /// Nine digits whose last digit is anything but the elfproef's check digit.
    fn invalid_bsn_strategy() -> impl Strategy<Value = String> {
        (prop::array::uniform8(0u8..10), 0u8..10).prop_map(|(first8, d9)| {
            let sum: u32 = first8
                .iter()
                .enumerate()
                .map(|(i, &d)| (9 - i as u32) * u32::from(d))
                .sum();
            let check = (sum % 11) as u8;
            let d9 = if d9 == check { (d9 + 1) % 10 } else { d9 };
            let mut s: String = first8.iter().map(|d| char::from(b'0' + d)).collect();
            s.push(char::from(b'0' + d9));
            s
        })
    }

    proptest! {
        #[test]
        fn valid_bsn_in_text_is_found(
            before in dutch_text(),
            after in dutch_text(),
            bsn in bsn_strategy(),
            form in 0usize..3,
            lead in prop::sample::select(vec![" BSN ", " nummer: ", " (", "\n"]),
            trail in prop::sample::select(vec![" is", ".", ") en", ",", "\n"]),
        ) {
            let written = match form {
                0 => bsn.clone(),
                1 => format!("{}.{}.{}", &bsn[..4], &bsn[4..6], &bsn[6..]),
                _ => format!("{} {} {}", &bsn[..3], &bsn[3..6], &bsn[6..]),
            };
            let text = format!("{before}{lead}{written}{trail} {after}");
            let start = before.len() + lead.len();
            let end = start + written.len();
            let hits = scan(&text);
            let hit = hits.iter().find(|h| h.kind == Kind::Bsn && h.start == start);
            prop_assert!(hit.is_some(), "{text:?}: {hits:?}");
            prop_assert_eq!(hit.unwrap().end, end);
            prop_assert_eq!(&hit.unwrap().text, &written);
        }

        #[test]
        fn invalid_bsn_is_not_reported(
            before in dutch_text(),
            after in dutch_text(),
            s in invalid_bsn_strategy(),
            form in 0usize..3,
        ) {
            prop_assert!(!is_valid_bsn(&s));
            let written = match form {
                0 => s.clone(),
                1 => format!("{}.{}.{}", &s[..4], &s[4..6], &s[6..]),
                _ => format!("{} {} {}", &s[..3], &s[3..6], &s[6..]),
            };
            let text = format!("{before} BSN {written} {after}");
            let start = before.len() + 5;
            let hits = scan(&text);
            prop_assert!(
                !hits.iter().any(|h| h.kind == Kind::Bsn && h.start < start + written.len() && start < h.end),
                "{text:?}: {hits:?}"
            );
        }

        #[test]
        fn phone_in_text_is_found(
            before in dutch_text(),
            after in dutch_text(),
            mobile in "[1-9][0-9]{7}",
            landline in "[1-9][0-9]{8}",
            form in 0usize..6,
        ) {
            let written = match form {
                0 => format!("06-{mobile}"),
                1 => format!("06 {} {}", &mobile[..4], &mobile[4..]),
                2 => format!("+31 6 {mobile}"),
                3 => format!("0{}-{}", &landline[..2], &landline[2..]),
                4 => format!("(0{}) {}", &landline[..2], &landline[2..]),
                _ => format!("0{} {} {}", &landline[..2], &landline[2..5], &landline[5..]),
            };
            let text = format!("{before} bel {written}. {after}");
            let start = before.len() + 5;
            let hits = scan(&text);
            prop_assert!(
                hits.iter().any(|h| h.kind == Kind::Phone && h.start == start && h.text == written),
                "{text:?}: {hits:?}"
            );
        }

        #[test]
        fn iban_in_text_is_found(
            before in dutch_text(),
            after in dutch_text(),
            bank in "[A-Z]{4}",
            account in "[0-9]{10}",
            spaced in any::<bool>(),
        ) {
            let iban = nl_iban(&bank, &account);
            prop_assert!(is_valid_iban(&iban));
            let written = if spaced {
                iban.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
            } else {
                iban.clone()
            };
            let text = format!("{before} op {written} {after}");
            let hits = scan(&text);
            prop_assert!(
                hits.iter().any(|h| h.kind == Kind::Iban && h.start == before.len() + 4 && h.text == written),
                "{text:?}: {hits:?}"
            );
        }

        #[test]
        fn prose_without_data_has_no_hits(text in dutch_text()) {
            prop_assert!(scan(&text).is_empty(), "{text:?}: {:?}", scan(&text));
        }

        #[test]
        fn any_string_scans_safely(text in any::<String>()) {
            check_offsets(&text);
        }

        #[test]
        fn digit_heavy_strings_scan_safely(text in "[0-9 .()+@a-zA-Z\\-/€é\u{a0}\u{202f}]{0,60}") {
            check_offsets(&text);
        }
    }

    /// A Dutch IBAN with correct check digits for this bank code and account.
    fn nl_iban(bank: &str, account: &str) -> String {
        let rearranged = format!("{bank}{account}NL00");
        let mut rem = 0u32;
        for c in rearranged.chars() {
            let v = c.to_digit(36).unwrap();
            rem = if v >= 10 {
                (rem * 100 + v) % 97
            } else {
                (rem * 10 + v) % 97
            };
        }
        format!("NL{:02}{bank}{account}", 98 - rem)
    }

    fn check_offsets(text: &str) {
        let hits = scan(text);
        let mut last_end = 0;
        for h in &hits {
            assert!(h.start < h.end && h.end <= text.len());
            assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            assert!(h.start >= last_end, "overlap in {text:?}: {hits:?}");
            assert_eq!(&text[h.start..h.end], h.text);
            last_end = h.end;
        }
    }
}
