//! The logo of `huisstijl`: read from the same version as the manifest (work tree or
//! git revision) through the source, and accepted only as a PNG or JPEG file.

use super::Loaded;
use crate::model::MANIFEST_FILE;
use crate::model::finding::{Finding, Rule};
use crate::model::image::Image;
use crate::source::Snapshot;
use crate::text::width;

/// Read the logo named in manifest.yaml into the model, or add a `bad-logo` finding
/// at the key's value.
pub fn attach(loaded: &mut Loaded, snapshot: &Snapshot) {
    let Some(logo) = loaded.manifest.identity.house.logo.clone() else {
        return;
    };
    let rel = logo.value.trim().trim_start_matches("./");
    let problem = match snapshot.read_extra(rel) {
        Some(bytes) => match Image::from_bytes(bytes) {
            Some(image) => {
                loaded.manifest.identity.house.logo_image = Some(image);
                return;
            }
            None => format!("het logo `{}` is geen PNG- of JPEG-bestand", logo.value),
        },
        None => format!(
            "het logo `{}` is geen bestand in de repository (in {})",
            logo.value, snapshot.label
        ),
    };
    loaded.findings.push(
        Finding::new(Rule::BadLogo, MANIFEST_FILE, logo.pos, problem)
            .width(width(&logo.value))
            .help("geef het pad van een PNG- of JPEG-bestand in de repository, vanaf de hoofdmap, zoals `logo: manifest/logo.png` (geen link, niet buiten de repository)"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded_with_logo(logo: &str, file: Option<&[u8]>) -> Loaded {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("manifest")).unwrap();
        let yaml = format!(
            "titel: T\nraad: R\ngemeente: G\nhuisstijl:\n  logo: {logo}\npartijen:\n  - id: a\n    naam: A\n"
        );
        std::fs::write(root.join(MANIFEST_FILE), &yaml).unwrap();
        if let Some(bytes) = file {
            std::fs::write(root.join("manifest/logo.png"), bytes).unwrap();
        }
        let snapshot = crate::source::read_worktree(root).unwrap();
        let mut loaded = crate::load::load(&snapshot.files);
        attach(&mut loaded, &snapshot);
        loaded
    }

    #[test]
    fn a_png_is_read_into_the_model_and_anything_else_is_a_finding_at_the_key() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\x2c\0\0\0\x64 rest";
        let good = loaded_with_logo("manifest/logo.png", Some(png));
        assert!(good.findings.is_empty(), "{:?}", good.findings);
        let image = good.manifest.identity.house.logo_image.unwrap();
        assert_eq!(
            (image.kind.mime(), image.bytes.as_slice()),
            ("image/png", &png[..])
        );

        for (logo, file, says) in [
            (
                "manifest/logo.png",
                Some(&b"<svg/>"[..]),
                "geen PNG- of JPEG-bestand",
            ),
            ("manifest/logo.png", None, "geen bestand in de repository"),
            ("../logo.png", None, "geen bestand in de repository"),
        ] {
            let bad = loaded_with_logo(logo, file);
            let [f] = &bad.findings[..] else {
                panic!("{:?}", bad.findings)
            };
            assert_eq!((f.rule, f.pos.line, f.pos.column), (Rule::BadLogo, 5, 9));
            assert!(f.message.contains(says), "{}", f.message);
            assert!(bad.manifest.identity.house.logo_image.is_none());
        }
    }
}
