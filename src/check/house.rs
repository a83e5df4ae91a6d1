//! The house style of manifest.yaml: its colour must stay readable on white.

use crate::model::finding::{Finding, Rule};
use crate::model::{MANIFEST_FILE, Manifest};
use crate::text::width;

/// WCAG 2.1 (1.4.3): text needs a contrast of at least 4.5:1 with its background.
pub const MIN_CONTRAST: f64 = 4.5;

/// The colour is used for headings and lines on white paper and screens.
pub fn house(m: &Manifest, out: &mut Vec<Finding>) {
    let Some(colour) = &m.identity.house.colour else {
        return;
    };
    let Some(ratio) = contrast_with_white(&colour.value) else {
        return;
    };
    if ratio < MIN_CONTRAST {
        out.push(
            Finding::new(
                Rule::LowContrast,
                MANIFEST_FILE,
                colour.pos,
                format!(
                    "de kleur `{}` heeft maar {} contrast met wit; dat is te weinig om te lezen",
                    colour.value,
                    shown(ratio)
                ),
            )
            .width(width(&colour.value))
            .help("kies een donkerdere kleur (contrast minstens 4,5:1), of laat `kleur` weg voor de standaardkleur"),
        );
    }
}

/// "3,2:1", rounded down so that a colour never looks better than it is.
fn shown(ratio: f64) -> String {
    format!("{:.1}:1", (ratio * 10.0).floor() / 10.0).replace('.', ",")
}

/// The contrast ratio of `#RRGGBB` against white, as WCAG defines it.
pub fn contrast_with_white(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    let l = 0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?;
    Some(1.05 / (l + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let c = |h| contrast_with_white(h).unwrap();
        assert!((c("#000000") - 21.0).abs() < 0.01);
        assert!((c("#ffffff") - 1.0).abs() < 0.01);
        // The default house colour, and the grey WCAG names as just enough.
        assert!(c("#154273") > 10.0);
        assert!(c("#767676") >= MIN_CONTRAST);
        assert!(c("#777777") < MIN_CONTRAST);
        assert_eq!(contrast_with_white("#12345"), None);
        assert_eq!(shown(c("#ffcc00")), "1,5:1");
    }
}
