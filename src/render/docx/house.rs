//! The house layout every Word file shares: styles, page, header and footer,
//! properties, and the final packing.

use super::*;

/// What every Word file of the tool shares: its running header and its properties.
pub struct House<'a> {
    pub title: &'a str,
    /// Running header and author.
    pub council: &'a str,
    /// `JJJJ-MM-DD`: the document's creation date.
    pub created: String,
}

impl<'a> House<'a> {
    pub fn of(view: &'a View) -> Self {
        House {
            title: &view.title,
            council: &view.council,
            created: created(view.edition.as_ref().and_then(|e| e.iso.clone())),
        }
    }
}

/// The round's date, or else today (`SOURCE_DATE_EPOCH` fixes it).
pub fn created(date: Option<String>) -> String {
    date.unwrap_or_else(crate::text::date::iso_today)
}

/// A Word document in the house style: fonts, styles, A4 portrait margins,
/// running header and "Pagina x van y" footer. Every Word file starts here.
pub fn house(h: &House) -> Docx {
    house_styled(h, &crate::render::HouseView::default())
}

/// The house with the council's own font and colour (`huisstijl`), where it sets them.
pub fn house_styled(h: &House, own: &crate::render::HouseView) -> Docx {
    let font = own.font.as_deref().unwrap_or(FONT);
    let primary = own.colour.as_deref().map_or_else(
        || PRIMARY.to_string(),
        |c| c.trim_start_matches('#').to_uppercase(),
    );
    let header = Header::new().add_paragraph(
        Paragraph::new()
            .style("Header")
            .add_run(Run::new().add_text(clean(&format!("{}  |  {}", h.title, h.council)))),
    );
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("Pagina "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" van "))
            .add_num_pages(NumPages::new()),
    );
    let mut docx = Docx::new()
        .default_fonts(fonts(font))
        .default_size(BODY_SIZE)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .header(header)
        .footer(footer)
        .page_size(A4_SHORT, A4_LONG)
        .page_margin(margins(MARGIN));
    for style in styles(&primary) {
        docx = docx.add_style(style);
    }
    docx
}

/// The package parts of a house document, with what docx-rs has no API for
/// (language, default style, schema order, the core properties as given).
pub fn finish(docx: Docx, core_properties: String) -> Result<XMLDocx, RenderError> {
    let mut xml = docx.build();
    // The tree (millions of small allocations) is freed by now; glibc keeps its pages
    // unless trimmed, and the copies of the XML below would come on top of them.
    crate::memory::give_back();
    // docx-rs cannot set w:lang; in the run defaults it makes Dutch the
    // language of every text (spelling check, hyphenation, screen readers).
    let styles = insert_before(
        &xml.styles,
        "</w:rPr></w:rPrDefault>",
        &format!(r#"<w:lang w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="ar-SA" />"#),
    )?;
    // Normal as the default paragraph style: what a paragraph without pStyle has.
    let normal = r#"<w:style w:type="paragraph" w:styleId="Normal">"#;
    let styles = insert_before(&styles, normal, "")?;
    let styles = String::from_utf8_lossy(&styles).replacen(
        normal,
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#,
        1,
    );
    xml.styles = schema_order_fix(styles.as_bytes());
    xml.document = schema_order_fix(&xml.document);
    for part in xml.headers.iter_mut().chain(xml.footers.iter_mut()) {
        *part = schema_order_fix(part);
    }
    // docx-rs has no setters for the core properties; the part is small, so write it whole.
    xml.doc_props.core = core_properties.into_bytes();
    Ok(xml)
}

pub fn pack(xml: XMLDocx) -> Result<Vec<u8>, RenderError> {
    let mut out = Cursor::new(Vec::new());
    // Packing into memory fails only in the zip writer itself; its English text says
    // nothing a council can act on.
    pack_into(xml, &mut out).map_err(|_| {
        RenderError::Docx("de delen konden niet tot één bestand ingepakt worden".into())
    })?;
    Ok(out.into_inner())
}

/// The Word file zipped from its parts into `out` (a file, or memory for [`pack`]).
pub fn pack_into(xml: XMLDocx, out: &mut (impl Write + Seek)) -> std::io::Result<()> {
    // The zip error's kind is its I/O error's (a full disk is `StorageFull`), which
    // is what the Dutch message is made from.
    xml.pack(out).map_err(std::io::Error::from)
}

pub(super) fn styles(primary: &str) -> Vec<Style> {
    // (size in half-points, space before in twips, colour)
    let looks = [
        (36, 0, primary),
        (32, 0, primary),
        (26, 300, primary),
        (23, 240, "000000"),
        (21, 200, "000000"),
    ];
    let mut styles: Vec<Style> = looks
        .iter()
        .enumerate()
        .map(|(i, &(size, before, color))| {
            let level = i + 1;
            // Word and LibreOffice recognise the built-in headings by the names "heading N".
            let mut s = Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .outline_lvl(i)
                .bold()
                .size(size)
                .color(color)
                .line_spacing(LineSpacing::new().before(before).after(120));
            // No heading alone at the bottom of a page.
            s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
            s
        })
        .collect();
    let plain = |id: &str, name: &str, size: usize, color: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .color(color)
    };
    styles.extend([
        plain("Title", "Title", 56, primary)
            .bold()
            .line_spacing(LineSpacing::new().before(2400).after(360)),
        plain("Subtitle", "Subtitle", 28, "404040").line_spacing(LineSpacing::new().after(240)),
        // Not a heading: the contents do not list themselves.
        plain("TOCHeading", "TOC Heading", 32, primary)
            .bold()
            .line_spacing(LineSpacing::new().after(240)),
        // The parts are level 2, so "toc 1" and "toc 2" look alike.
        plain("TOC1", "toc 1", BODY_SIZE, "000000")
            .bold()
            .line_spacing(LineSpacing::new().before(120).after(40)),
        plain("TOC2", "toc 2", BODY_SIZE, "000000")
            .bold()
            .line_spacing(LineSpacing::new().before(120).after(40)),
        plain("TOC3", "toc 3", BODY_SIZE, "000000")
            .indent(Some(INDENT), None, None, None)
            .line_spacing(LineSpacing::new().after(40)),
        plain("Caption", "caption", SMALL_SIZE, "404040")
            .bold()
            .line_spacing(LineSpacing::new().before(120).after(60)),
        plain("Header", "header", SMALL_SIZE, "595959"),
        // The letter: sender block, addressee, reference lines.
        plain("Sender", "Afzender", SMALL_SIZE, "404040")
            .line_spacing(LineSpacing::new().before(120).after(600)),
        plain("Addressee", "Geadresseerde", BODY_SIZE, "000000")
            .line_spacing(LineSpacing::new().after(480)),
        plain("LetterMeta", "Kenmerken", SMALL_SIZE, "000000")
            .line_spacing(LineSpacing::new().after(40)),
        plain("Footer", "footer", SMALL_SIZE, "595959"),
    ]);
    styles
}
