//! The one YAML scalar writer: plain when YAML reads the text back the same, double-quoted
//! otherwise. `fmt` writes front matter with it, and `new` and `init` their new files,
//! so what they write is already in canonical form.

use crate::load::yaml::{self, Kind, Yaml};

use super::reading::same_scalar;

/// A text as a value in block context (`key: …`, `- …`).
pub fn text(s: &str) -> String {
    let reads_back = || {
        yaml::parse(&format!("k: {s}\n"), 1).is_ok_and(|t| match &t.kind {
            Kind::Map(entries) => {
                entries.len() == 1 && entries[0].value.kind == Kind::Str(s.to_string())
            }
            _ => false,
        })
    };
    if plain_safe(s, false) && reads_back() {
        s.to_string()
    } else {
        quoted(s)
    }
}

pub fn key_text(key: &str) -> String {
    // Every file has the same few keys: each is tried once per thread (a bounded few).
    thread_local! {
        static KEYS: std::cell::RefCell<std::collections::HashMap<String, String>> =
            Default::default();
    }
    if let Some(known) = KEYS.with_borrow(|keys| keys.get(key).cloned()) {
        return known;
    }
    let written = key_text_uncached(key);
    KEYS.with_borrow_mut(|keys| {
        if keys.len() < 256 {
            keys.insert(key.to_string(), written.clone());
        }
    });
    written
}

fn key_text_uncached(key: &str) -> String {
    let reads_back = || {
        yaml::parse(&format!("{key}: x\n"), 1).is_ok_and(|t| match t.kind {
            Kind::Map(entries) => entries.len() == 1 && entries[0].key == key,
            _ => false,
        })
    };
    if plain_safe(key, false) && key != "<<" && reads_back() {
        key.to_string()
    } else {
        quoted(key)
    }
}

/// A scalar as written in block context (`key: …`, `- …`) or inside `[…]`.
pub(super) fn scalar_text(y: &Yaml, flow: bool) -> String {
    let reads_back = |candidate: &str| {
        // Most titles and ids need no parse to know how they read back.
        if reads_as_itself(candidate) {
            return matches!(&y.kind, Kind::Str(s) if s == candidate);
        }
        reads_back_parsed(y, candidate, flow)
    };
    let raw = y.raw.as_str();
    // As written, when it was written plain on one line and reads back the same:
    // `2015-08-18`, `007`, `yes` stay what the author typed.
    let plain_raw = !raw.is_empty()
        && !raw.contains('\n')
        && raw.trim() == raw
        && !raw.starts_with(['"', '\''])
        && reads_back(raw);
    match &y.kind {
        Kind::Seq(_) => "[]".to_string(),
        Kind::Map(_) => "{}".to_string(),
        Kind::Null if raw.is_empty() && !flow => String::new(),
        Kind::Null => {
            if plain_raw {
                raw.to_string()
            } else {
                "null".to_string()
            }
        }
        Kind::Str(s) => {
            if plain_raw {
                raw.to_string()
            } else if plain_safe(s, flow) && reads_back(s) {
                s.clone()
            } else {
                quoted(s)
            }
        }
        Kind::Int(i) => {
            if plain_raw {
                raw.to_string()
            } else {
                i.to_string()
            }
        }
        Kind::Bool(b) => {
            if plain_raw {
                raw.to_string()
            } else {
                b.to_string()
            }
        }
        Kind::Float(f) => {
            if plain_raw {
                raw.to_string()
            } else {
                format!("{f:?}")
            }
        }
    }
}

/// Whether YAML surely reads `candidate`, written plain, as the text it is, in block
/// context and inside `[…]`: words of letters and digits, joined by single spaces or
/// inner hyphens and underscores, that are no keyword. A property test holds this to
/// parsing.
fn reads_as_itself(candidate: &str) -> bool {
    let bytes = candidate.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first.is_ascii_alphabetic()
        && last.is_ascii_alphanumeric()
        && bytes.len() > 1
        && bytes.windows(2).all(|w| !(w[0] == b' ' && w[1] == b' '))
        && bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'-' | b'_'))
        && !KEYWORDS
            .iter()
            .chain(&["nan", "inf", "infinity"])
            .any(|k| candidate.eq_ignore_ascii_case(k))
}

/// Plain words that YAML may read as yes/no or null, in any case.
const KEYWORDS: &[&str] = &["true", "false", "yes", "no", "y", "n", "on", "off", "null"];

/// How `candidate` reads back, by parsing it as the value of a key (or of a list item).
fn reads_back_parsed(y: &Yaml, candidate: &str, flow: bool) -> bool {
    let src = if flow {
        format!("k: [{candidate}]\n")
    } else {
        format!("k: {candidate}\n")
    };
    let Ok(tree) = yaml::parse(&src, 1) else {
        return false;
    };
    let Kind::Map(entries) = &tree.kind else {
        return false;
    };
    let value = match (&entries[..], flow) {
        ([e], false) => &e.value,
        ([e], true) => match &e.value.kind {
            Kind::Seq(items) if items.len() == 1 => &items[0],
            _ => return false,
        },
        _ => return false,
    };
    same_scalar(value, y)
}

/// Can `s` be written without quotes? Conservative: anything YAML could read as
/// something else (a number, yes/no, null), or that holds an indicator, gets quotes.
pub(super) fn plain_safe(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let keyword = KEYWORDS.contains(&s.to_ascii_lowercase().as_str()) || matches!(s, "~" | "=");
    s.trim() == s
        && !keyword
        && !"-?:,[]{}#&*!|>'\"%@`+.".contains(first)
        && !first.is_ascii_digit()
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s
            .chars()
            .any(|c| c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}'))
        && !(flow && s.contains([',', '[', ']', '{', '}']))
}

/// A YAML double-quoted scalar.
pub(super) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::Pos;

    fn text_value(s: &str) -> Yaml {
        Yaml {
            kind: Kind::Str(s.to_string()),
            pos: Pos::START,
            raw: s.to_string(),
        }
    }

    #[test]
    fn words_read_as_themselves_and_keywords_do_not() {
        for word in ["De door geschoold", "de-door-geschoold", "Wmo_2015", "ab"] {
            assert!(reads_as_itself(word), "{word}");
        }
        for word in [
            "yes", "No", "NULL", "nan", "Inf", "a", "1a", "a ", "a  b", "a:b", "-a",
        ] {
            assert!(!reads_as_itself(word), "{word}");
        }
    }

    proptest::proptest! {
        /// What is taken for text without a parse, the parser reads as that text, in
        /// block context and in a `[…]` list.
        #[test]
        fn what_reads_as_itself_parses_as_itself(
            s in "(yes|no|on|off|y|n|true|false|null|nan|inf|infinity|Yes|NO|NaN|Inf|e|x|0|1|7|[a-zA-Z]|-|_| |  |:|\\.|#|,){1,6}"
        ) {
            if reads_as_itself(&s) {
                let y = text_value(&s);
                proptest::prop_assert!(reads_back_parsed(&y, &s, false), "block: {s:?}");
                proptest::prop_assert!(reads_back_parsed(&y, &s, true), "flow: {s:?}");
            }
        }
    }
}
