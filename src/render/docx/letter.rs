//! The letter to the college, first in the Word document, in its own section.

use super::*;

/// The letter: letterhead (logo, sender), addressee, the reference lines (Datum before
/// Betreft), salutation, body, closing and signatures kept with the last lines.
pub(super) fn letter_part(view: &View, letter: &Letter, body: &mut Body) {
    if let Some(logo) = view.house.logo.as_ref().and_then(logo_picture) {
        body.push(Paragraph::new().add_run(Run::new().add_image(logo)));
    }
    let mut sender = Paragraph::new().style("Sender").add_run(
        Run::new()
            .add_text(clean(&view.council))
            .bold()
            .color(primary(view)),
    );
    for line in view
        .address
        .iter()
        .chain(view.email.iter())
        .chain(view.website.iter())
    {
        sender = sender.add_run(
            Run::new()
                .add_break(BreakType::TextWrapping)
                .add_text(clean(line)),
        );
    }
    body.push(sender);
    if let Some((first, rest)) = letter.to.split_first() {
        // One paragraph with line breaks: an address block has no space between lines.
        let mut address = Paragraph::new()
            .style("Addressee")
            .add_run(Run::new().add_text(clean(&format!("Aan {first}"))));
        for line in rest {
            address = address.add_run(
                Run::new()
                    .add_break(BreakType::TextWrapping)
                    .add_text(clean(line)),
            );
        }
        body.push(address);
    }
    let rows = crate::render::letter_rows(letter);
    let last = rows.len().saturating_sub(1);
    for (i, (label, value)) in rows.iter().enumerate() {
        let mut p = Paragraph::new()
            .style("LetterMeta")
            .keep_next(i < last)
            .add_tab(Tab::new().val(TabValueType::Left).pos(META_TAB))
            .add_run(Run::new().add_text(clean(label)).bold())
            .add_run(Run::new().add_tab());
        for (n, line) in value.iter().enumerate() {
            let mut run = Run::new();
            if n > 0 {
                run = run.add_break(BreakType::TextWrapping).add_tab();
            }
            p = p.add_run(run.add_text(clean(line)));
        }
        body.push(p);
    }
    if let Some(salutation) = &letter.salutation {
        body.push(text_paragraph(salutation).line_spacing(LineSpacing::new().before(360)));
    }
    // The closing and signatures stay with the body's last lines (no page with
    // only a signature): each keeps with the next, the last one ends the chain.
    let mut text = tree::document(&letter.body.doc, Fmt::default());
    let closes = letter.closing.is_some() || !letter.signatories.is_empty();
    if closes && let Some(DocumentChild::Paragraph(last)) = text.last_mut() {
        last.property = last.property.clone().keep_next(true).keep_lines(true);
    }
    body.extend(text);
    if let Some(closing) = &letter.closing {
        body.push(text_paragraph(closing).keep_next(!letter.signatories.is_empty()));
    }
    for (i, s) in letter.signatories.iter().enumerate() {
        let mut p = Paragraph::new()
            .keep_lines(true)
            .keep_next(i + 1 < letter.signatories.len())
            .line_spacing(LineSpacing::new().before(if i == 0 { 600 } else { 240 }))
            .add_run(Run::new().add_text(clean(&s.name)));
        if let Some(role) = &s.role {
            p = p.add_run(
                Run::new()
                    .add_break(BreakType::TextWrapping)
                    .add_text(clean(role)),
            );
        }
        body.push(p);
    }
}

/// The council's colour without `#`, or the house colour.
fn primary(view: &View) -> String {
    view.house.colour.as_deref().map_or_else(
        || PRIMARY.to_string(),
        |c| c.trim_start_matches('#').to_uppercase(),
    )
}

/// The logo at most 4 cm wide and 2 cm high.
fn logo_picture(logo: &crate::render::LogoView) -> Option<Pic> {
    let (w, h) = logo.size?;
    const EMU_PER_CM: f64 = 360_000.0;
    let scale = (4.0 * EMU_PER_CM / f64::from(w)).min(2.0 * EMU_PER_CM / f64::from(h));
    let (w, h) = (f64::from(w) * scale, f64::from(h) * scale);
    Some(Pic::new_with_dimensions(logo.bytes.to_vec(), 1, 1).size(w as u32, h as u32))
}
