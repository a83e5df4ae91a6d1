//! Dutch law citations: BWB identifiers (`BWBR0035362`), the laws the social domain
//! cites most, and links to wetten.overheid.nl.
//!
//! A manifest that cites a law should point at the official consolidated text, and should
//! not lean on a law that has been repealed (the 2015 seed still names the Wbp). These
//! functions are pure so a checker can validate both front matter and Markdown links.
//!
//! Article links use the Juriconnect (JCI 1.3) form that wetten.overheid.nl itself
//! resolves: `https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.1.3`. It needs
//! only the law and article number (no chapter or paragraph), always opens the version
//! in force today, and works for dotted article numbers such as Wmo 2015 article 2.1.3,
//! which the path form `/BWBR…/<datum>/0/Artikel<nr>` does not reliably resolve.

/// A law the tool knows by BWB id, so citations can show its name and warn when it is
/// repealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownLaw {
    /// BWB identifier, e.g. `BWBR0035362`.
    pub id: &'static str,
    /// Dutch name with its usual abbreviation, as shown to the council.
    pub name: &'static str,
    /// Dutch hint when the law no longer applies: since when, and what to cite instead.
    pub repealed_by: Option<&'static str>,
}

/// Laws of the social domain and of the council's own work (advice, privacy, openness).
pub const KNOWN_LAWS: &[KnownLaw] = &[
    KnownLaw {
        id: "BWBR0035362",
        name: "Wet maatschappelijke ondersteuning 2015 (Wmo 2015)",
        repealed_by: None,
    },
    KnownLaw {
        id: "BWBR0034925",
        name: "Jeugdwet",
        repealed_by: None,
    },
    KnownLaw {
        id: "BWBR0015703",
        name: "Participatiewet",
        repealed_by: None,
    },
    KnownLaw {
        id: "BWBR0005537",
        name: "Algemene wet bestuursrecht (Awb)",
        repealed_by: None,
    },
    KnownLaw {
        id: "BWBR0040940",
        name: "Uitvoeringswet Algemene verordening gegevensbescherming (UAVG)",
        repealed_by: None,
    },
    KnownLaw {
        id: "BWBR0045754",
        name: "Wet open overheid (Woo)",
        repealed_by: None,
    },
    KnownLaw {
        id: "BWBR0011468",
        name: "Wet bescherming persoonsgegevens (Wbp)",
        repealed_by: Some(
            "sinds 25 mei 2018 gelden de Algemene verordening gegevensbescherming (AVG) \
             en de Uitvoeringswet AVG (BWBR0040940); verwijs daarnaar",
        ),
    },
];

const HOST: &str = "https://wetten.overheid.nl/";

/// `BWBR` followed by exactly seven digits: the form of every national regulation id
/// in the Basiswettenbestand. Case-sensitive, because wetten.overheid.nl writes it so.
pub fn is_valid_id(id: &str) -> bool {
    id.len() == 11 && id.starts_with("BWBR") && id[4..].bytes().all(|b| b.is_ascii_digit())
}

/// The law with this id, if the tool knows it.
pub fn known(id: &str) -> Option<&'static KnownLaw> {
    KNOWN_LAWS.iter().find(|law| law.id == id)
}

/// Link to the text in force today, or to one article of it.
///
/// `artikel` may be written as `2.1.3`, `Artikel 2.1.3` or `art. 2.1.3`; the word and
/// spaces are dropped and characters that would break the URL are percent-encoded.
pub fn url(id: &str, artikel: Option<&str>) -> String {
    match artikel.map(normalize_artikel).filter(|a| !a.is_empty()) {
        None => format!("{HOST}{id}"),
        Some(a) => format!("{HOST}jci1.3:c:{id}&artikel={}", encode(&a)),
    }
}

/// The BWB id and article a wetten.overheid.nl link points at, or `None` for any
/// other link. The id is returned as written, so a checker can report a malformed one
/// with [`is_valid_id`].
///
/// Recognised: `http` or `https` (or no scheme), with or without `www.`, and the
/// paths `/BWBR0035362`, `/BWBR0035362/2024-01-01`, `/BWBR0035362/2024-01-01/0/Artikel2`,
/// `/BWBR…/…/0/artikel/7a`, fragments `#Artikel2` and `#Hoofdstuk2_Paragraaf2.1_Artikel2.1.3`,
/// and Juriconnect links `/jci1.3:c:BWBR0035362&hoofdstuk=2&artikel=2.1.3&z=…&g=…`.
pub fn ids_in_url(url: &str) -> Option<(String, Option<String>)> {
    let url = url.trim();
    let rest = strip_prefix_ci(url, "https://")
        .or_else(|| strip_prefix_ci(url, "http://"))
        .unwrap_or(url);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host = host.split(':').next().unwrap_or(host);
    let host = strip_prefix_ci(host, "www.").unwrap_or(host);
    if !host.eq_ignore_ascii_case("wetten.overheid.nl") {
        return None;
    }
    let rest = crate::text::percent_decode(rest[host_end..].trim_start_matches('/'));
    let (path, fragment) = match rest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (rest.as_str(), None),
    };
    if strip_prefix_ci(path, "jci").is_some() {
        return jci(path);
    }
    let path = path.split('?').next().unwrap_or(path);
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let first = segments.next()?;
    if !first.get(..4)?.eq_ignore_ascii_case("BWBR") {
        return None;
    }
    let id_len = first
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(first.len());
    let id = first[..id_len].to_string();
    let mut artikel = None;
    let segments: Vec<&str> = segments.collect();
    for (k, seg) in segments.iter().enumerate() {
        if seg.eq_ignore_ascii_case("artikel") {
            artikel = segments.get(k + 1).map(|s| s.to_string());
        } else if let Some(nr) = strip_prefix_ci(seg, "artikel") {
            artikel = Some(nr.to_string());
        }
    }
    if let Some(fragment) = fragment {
        for part in fragment.split('_') {
            if let Some(nr) = strip_prefix_ci(part, "artikel") {
                artikel = Some(nr.to_string());
            }
        }
    }
    Some((id, artikel.filter(|a| !a.is_empty())))
}

/// `jci1.3:c:BWBR0035362&artikel=2.1.3&z=2024-01-01`: version, kind, id, then parameters.
fn jci(path: &str) -> Option<(String, Option<String>)> {
    let mut parts = path.splitn(3, ':');
    let _version = parts.next()?;
    let _kind = parts.next()?;
    let reference = parts.next()?;
    let mut params = reference.split(['&', '?']);
    let id = params.next()?.trim_end_matches('/');
    if !id.get(..4)?.eq_ignore_ascii_case("BWBR") {
        return None;
    }
    let artikel = params
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.eq_ignore_ascii_case("artikel"))
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty());
    Some((id.to_string(), artikel))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// `Artikel 2.1.3` → `2.1.3`.
fn normalize_artikel(artikel: &str) -> String {
    let a = artikel.trim();
    let a = strip_prefix_ci(a, "artikel")
        .or_else(|| strip_prefix_ci(a, "art."))
        .unwrap_or(a);
    a.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Percent-encodes what would end or confuse a JCI parameter; keeps `.` and `:`.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ids(u: &str) -> Option<(String, Option<String>)> {
        ids_in_url(u)
    }

    fn some(id: &str, art: Option<&str>) -> Option<(String, Option<String>)> {
        Some((id.to_string(), art.map(str::to_string)))
    }

    #[test]
    fn valid_ids() {
        assert!(is_valid_id("BWBR0035362"));
        assert!(is_valid_id("BWBR0000000"));
        assert!(!is_valid_id("BWBR003536"));
        assert!(!is_valid_id("BWBR00353620"));
        assert!(!is_valid_id("bwbr0035362"));
        assert!(!is_valid_id("BWBV0035362"));
        assert!(!is_valid_id("BWBR003536a"));
        assert!(!is_valid_id("BWBR٠٠٣٥٣٦٢"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn table_is_consistent() {
        assert_eq!(KNOWN_LAWS.len(), 7);
        for law in KNOWN_LAWS {
            assert!(is_valid_id(law.id), "{}", law.id);
            assert_eq!(known(law.id), Some(law));
            assert_eq!(
                KNOWN_LAWS.iter().filter(|l| l.id == law.id).count(),
                1,
                "duplicate {}",
                law.id
            );
        }
    }

    #[test]
    fn known_laws() {
        assert_eq!(
            known("BWBR0035362").unwrap().name,
            "Wet maatschappelijke ondersteuning 2015 (Wmo 2015)"
        );
        assert_eq!(known("BWBR0034925").unwrap().name, "Jeugdwet");
        assert_eq!(known("BWBR0015703").unwrap().name, "Participatiewet");
        assert!(known("BWBR0005537").unwrap().name.contains("Awb"));
        assert!(known("BWBR0040940").unwrap().name.contains("UAVG"));
        assert!(known("BWBR0045754").unwrap().name.contains("Woo"));
        assert!(known("BWBR0035362").unwrap().repealed_by.is_none());
        assert!(known("BWBR9999999").is_none());
        assert!(known("bwbr0035362").is_none());
    }

    #[test]
    fn wbp_is_repealed_by_avg_and_uavg() {
        let wbp = known("BWBR0011468").unwrap();
        assert!(wbp.name.contains("Wbp"));
        let note = wbp.repealed_by.unwrap();
        assert!(note.contains("25 mei 2018"));
        assert!(note.contains("AVG"));
        assert!(note.contains("BWBR0040940"));
        assert!(known("BWBR0040940").unwrap().repealed_by.is_none());
        let repealed: Vec<&str> = KNOWN_LAWS
            .iter()
            .filter(|l| l.repealed_by.is_some())
            .map(|l| l.id)
            .collect();
        assert_eq!(repealed, ["BWBR0011468"]);
    }

    #[test]
    fn urls() {
        assert_eq!(
            url("BWBR0035362", None),
            "https://wetten.overheid.nl/BWBR0035362"
        );
        assert_eq!(
            url("BWBR0035362", Some("2.1.3")),
            "https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.1.3"
        );
        assert_eq!(
            url("BWBR0035362", Some(" Artikel 2.1.3 ")),
            "https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.1.3"
        );
        assert_eq!(
            url("BWBR0034925", Some("art. 7.3.11")),
            "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=7.3.11"
        );
        assert_eq!(
            url("BWBR0005537", Some("3:2")),
            "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel=3:2"
        );
        assert_eq!(
            url("BWBR0015703", Some("  ")),
            "https://wetten.overheid.nl/BWBR0015703"
        );
        assert_eq!(
            url("BWBR0015703", Some("8a&x")),
            "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=8a%26x"
        );
    }

    #[test]
    fn url_round_trips() {
        for (id, art) in [
            ("BWBR0035362", None),
            ("BWBR0035362", Some("2.1.3")),
            ("BWBR0005537", Some("3:2")),
            ("BWBR0015703", Some("8a")),
        ] {
            assert_eq!(ids(&url(id, art)), some(id, art), "{id} {art:?}");
        }
    }

    #[test]
    fn plain_links() {
        let expect = some("BWBR0035362", None);
        for u in [
            "https://wetten.overheid.nl/BWBR0035362",
            "http://wetten.overheid.nl/BWBR0035362",
            "https://www.wetten.overheid.nl/BWBR0035362",
            "HTTPS://Wetten.Overheid.NL/BWBR0035362/",
            "wetten.overheid.nl/BWBR0035362",
            "https://wetten.overheid.nl/BWBR0035362/2024-01-01",
            "https://wetten.overheid.nl/BWBR0035362/2024-01-01/0",
            "https://wetten.overheid.nl/BWBR0035362/2024-01-01/0/informatie",
            "https://wetten.overheid.nl/BWBR0035362?x=1",
            " <https://wetten.overheid.nl:443/BWBR0035362> ".trim_matches([' ', '<', '>']),
        ] {
            assert_eq!(ids(u), expect, "{u}");
        }
    }

    #[test]
    fn article_links() {
        assert_eq!(
            ids("https://wetten.overheid.nl/BWBR0018451/2025-01-01/0/Artikel2"),
            some("BWBR0018451", Some("2"))
        );
        assert_eq!(
            ids("https://wetten.overheid.nl/BWBR0002221/2024-01-01/0/artikel/7a"),
            some("BWBR0002221", Some("7a"))
        );
        assert_eq!(
            ids(
                "https://wetten.overheid.nl/BWBR0035362/2024-01-01#Hoofdstuk2_Paragraaf2.1_Artikel2.1.3"
            ),
            some("BWBR0035362", Some("2.1.3"))
        );
        assert_eq!(
            ids("https://wetten.overheid.nl/BWBR0035362#Artikel2.1.3"),
            some("BWBR0035362", Some("2.1.3"))
        );
        assert_eq!(
            ids("https://wetten.overheid.nl/BWBR0035362#Hoofdstuk2"),
            some("BWBR0035362", None)
        );
    }

    #[test]
    fn jci_links() {
        assert_eq!(
            ids("https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=2.1.3"),
            some("BWBR0035362", Some("2.1.3"))
        );
        assert_eq!(
            ids(
                "https://wetten.overheid.nl/jci1.3:c:BWBR0045754&hoofdstuk=5&artikel=5.1&lid=2&onderdeel=e"
            ),
            some("BWBR0045754", Some("5.1"))
        );
        assert_eq!(
            ids("https://wetten.overheid.nl/jci1.3:c:BWBR0022751&z=2025-01-01&g=2025-01-01"),
            some("BWBR0022751", None)
        );
        assert_eq!(
            ids("http://wetten.overheid.nl/jci1.3%3Ac%3ABWBR0001840%26artikel%3D1"),
            some("BWBR0001840", Some("1"))
        );
        assert_eq!(
            ids("https://wetten.overheid.nl/jci1.3:c:BWBR0001840"),
            some("BWBR0001840", None)
        );
        assert_eq!(ids("https://wetten.overheid.nl/jci1.3"), None);
        assert_eq!(ids("https://wetten.overheid.nl/jci1.3:c:"), None);
    }

    #[test]
    fn malformed_ids_are_returned_for_checking() {
        let (id, _) = ids("https://wetten.overheid.nl/BWBR003536/2024-01-01").unwrap();
        assert_eq!(id, "BWBR003536");
        assert!(!is_valid_id(&id));
        let (id, _) = ids("https://wetten.overheid.nl/jci1.3:c:BWBR00353620&artikel=1").unwrap();
        assert!(!is_valid_id(&id));
    }

    #[test]
    fn other_links_are_not_laws() {
        for u in [
            "https://www.overheid.nl/BWBR0035362",
            "https://wetten.overheid.nl.example.com/BWBR0035362",
            "https://example.nl/wetten.overheid.nl/BWBR0035362",
            "https://wetten.overheid.nl/",
            "https://wetten.overheid.nl",
            "https://wetten.overheid.nl/zoeken",
            "https://wetten.overheid.nl/BWB",
            "mailto:info@wetten.overheid.nl",
            "",
            "wetten",
        ] {
            assert_eq!(ids(u), None, "{u}");
        }
    }

    proptest! {
        #[test]
        fn any_url_is_safe(u in any::<String>()) {
            let _ = ids_in_url(&u);
            let _ = url("BWBR0035362", Some(&u));
        }

        #[test]
        fn generated_urls_round_trip(n in 0u32..10_000_000, art in "[0-9]{1,2}(\\.[0-9]{1,2}){0,2}[a-z]?") {
            let id = format!("BWBR{n:07}");
            prop_assert!(is_valid_id(&id));
            prop_assert_eq!(ids_in_url(&url(&id, Some(&art))), Some((id.clone(), Some(art.clone()))));
            prop_assert_eq!(ids_in_url(&url(&id, None)), Some((id, None)));
        }
    }
}
