//! Reading manifest.yaml's identity: the council, its contact person and house style,
//! and the parties.

use crate::load::fields::Fields;
use crate::load::yaml::Yaml;
use crate::model::finding::{Finding, Pos, Rule};
use crate::model::keys;
use crate::model::{Actor, HouseStyle, Manifest};
use crate::text::width;

use super::{check_id, parse_yaml};

/// `huisstijl: {lettertype, kleur, logo}`. Font and colour go into the style sheet,
/// so only a strict form is accepted: nothing in them can end a CSS value.
fn house_style(path: &str, node: &Yaml, findings: &mut Vec<Finding>) -> HouseStyle {
    let Some(mut f) = Fields::of(node, path, node.pos, keys::HOUSE_STYLE, findings) else {
        return HouseStyle::default();
    };
    let font = f.text("lettertype");
    let colour = f.text("kleur");
    let logo = f.text("logo");
    f.finish();
    let font = font.filter(|font| {
        let ok = is_font_name(&font.value);
        if !ok {
            findings.push(
                Finding::new(
                    Rule::WrongType,
                    path,
                    font.pos,
                    format!("`{}` is geen geldige naam van een lettertype", font.value),
                )
                .width(width(&font.value))
                .help("gebruik alleen letters, cijfers, spaties en streepjes, zoals `lettertype: Noto Sans`"),
            );
        }
        ok
    });
    let colour = colour.filter(|colour| {
        let ok = is_hex_colour(&colour.value);
        if !ok {
            findings.push(
                Finding::new(
                    Rule::WrongType,
                    path,
                    colour.pos,
                    format!("`{}` is geen kleur in de vorm #RRGGBB", colour.value),
                )
                .width(width(&colour.value))
                .help("schrijf de kleur als # met zes hexadecimale cijfers tussen aanhalingstekens, zoals `kleur: \"#154273\"`"),
            );
        }
        ok
    });
    HouseStyle {
        font,
        colour,
        logo,
        logo_image: None,
    }
}

/// A font family name safe inside a quoted CSS string and a Word font attribute.
pub fn is_font_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
}

/// `#RRGGBB`.
pub fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Read manifest.yaml; false when the parties could not all be read.
pub(super) fn load_identity(
    path: &str,
    text: &str,
    manifest: &mut Manifest,
    findings: &mut Vec<Finding>,
) -> bool {
    let Some(yaml) = parse_yaml(path, text, 1, findings) else {
        return false;
    };
    let Some(mut f) = Fields::of(&yaml, path, Pos::START, keys::MANIFEST, findings) else {
        return false;
    };
    let title = f.text("titel");
    let elaboration_title = f.text("uitwerking_titel");
    let matrix_intro = f.text("matrix_inleiding");
    let council = f.text("raad");
    let council_short = f.text("raad_afkorting");
    let municipality = f.text("gemeente");
    let response_weeks = f.integer("reactietermijn_weken");
    let address = f.text_list("adres");
    let email = f.text("email");
    let website = f.text("website");
    let house_node = f.entry_value("huisstijl");
    let actor_nodes = f.map_list("partijen");
    let kompas_nodes = f.map_list("kompas");
    f.finish();
    for node in kompas_nodes {
        let Some(mut k) = Fields::of(node, path, node.pos, keys::KOMPAS_BLOCK, findings) else {
            continue;
        };
        let id = k.text("id");
        let name = k.text("naam");
        k.finish();
        if let Some(id) = id {
            check_id(path, &id, findings);
            manifest.identity.kompas.push(crate::model::KompasBlock {
                name: name.map_or_else(|| id.value.clone(), |n| n.value),
                id,
            });
        }
    }
    manifest.identity.title = title.map(|t| t.value).unwrap_or_default();
    manifest.identity.elaboration_title = elaboration_title.map(|t| t.value);
    manifest.identity.matrix_intro = matrix_intro.map(|t| t.value);
    manifest.identity.council = council.map(|t| t.value).unwrap_or_default();
    manifest.identity.council_short = council_short.map(|t| t.value);
    manifest.identity.response_weeks = response_weeks.map(|w| w.value);
    manifest.identity.address = address.into_iter().map(|a| a.value).collect();
    manifest.identity.email = email.map(|e| e.value);
    manifest.identity.website = website.map(|w| w.value);
    if let Some(node) = house_node {
        manifest.identity.house = house_style(path, node, findings);
    }
    manifest.identity.municipality = municipality.map(|t| t.value).unwrap_or_default();
    let mut complete = !actor_nodes.is_empty();
    for node in actor_nodes {
        let Some(mut a) = Fields::of(node, path, node.pos, keys::ACTOR, findings) else {
            complete = false;
            continue;
        };
        let id = a.text("id");
        let name = a.text("naam");
        let description = a.text("omschrijving");
        a.finish();
        if let Some(id) = id {
            check_id(path, &id, findings);
            manifest.identity.actors.push(Actor {
                name: name.map_or_else(|| id.value.clone(), |n| n.value),
                id,
                description: description.map(|d| d.value),
            });
        } else {
            complete = false;
        }
    }
    complete
}
