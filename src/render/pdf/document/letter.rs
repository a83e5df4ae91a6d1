//! The letter and the cover page as typst markup.

use super::markup::{self, str_lit};
use super::{Cover, Gen, LOGO_PATH, Letter};

impl Gen<'_> {
    fn logo(&mut self, height_mm: f32) {
        let Some(logo) = &self.doc.style.logo else {
            return;
        };
        let h = markup::mm(height_mm);
        match &logo.alt {
            Some(alt) => self.out.push_str(&format!(
                "#image({}, height: {h}, alt: {});\n",
                str_lit(LOGO_PATH),
                str_lit(alt)
            )),
            // No alt text: decoration, outside the tag tree (PDF/UA 7.3).
            None => self.out.push_str(&format!(
                "#pdf.artifact(image({}, height: {h}));\n",
                str_lit(LOGO_PATH)
            )),
        }
    }

    pub(super) fn cover(&mut self, c: &Cover) {
        self.out
            .push_str("#metadata(none) <kw-noheader>\n#metadata(none) <kw-nofooter>\n");
        self.logo(22.0);
        self.out.push_str("#v(55mm)\n");
        self.out.push_str(&format!(
            "#block(width: 100%, stroke: (left: 3pt + primary), inset: (left: 8mm, y: 2mm))[\n\
             #title[{}]\n",
            markup::text(&c.title)
        ));
        if let Some(s) = &c.subtitle {
            self.out
                .push_str(&format!("\n#text(size: 14pt)[{}]\n", markup::text(s)));
        }
        self.out.push_str("]\n#v(1fr)\n#set text(size: 11pt)\n");
        self.out.push_str(&format!(
            "#text(weight: \"bold\")[{}] \\\n{}\n\n",
            markup::text(&c.council),
            markup::text(&c.municipality)
        ));
        // As Word and HTML show it: "Editie 2015, 18 augustus 2015".
        let edition = match (&c.edition, &c.edition_date) {
            (Some(e), Some(d)) => Some(format!("{e}, {d}")),
            (Some(e), None) => Some(e.clone()),
            (None, Some(d)) => Some(d.clone()),
            (None, None) => None,
        };
        if let Some(e) = edition {
            self.out.push_str(&format!("{}\n", markup::text(&e)));
        }
        self.out.push_str("#v(10mm)\n");
    }

    pub(super) fn letter(&mut self, l: &Letter) {
        self.out.push_str("#metadata(none) <kw-noheader>\n");
        self.out
            .push_str("#grid(columns: (1fr, 62mm), column-gutter: 10mm,\n[");
        self.logo(18.0);
        self.out.push_str("#v(30mm)\n");
        for line in &l.recipient {
            self.out.push_str(&markup::text(line));
            self.out.push_str(" \\\n");
        }
        self.out.push_str("],\n[#set text(size: 8.5pt)\n");
        for (i, line) in l.sender.iter().enumerate() {
            if i == 0 {
                self.out
                    .push_str(&format!("#strong[{}] \\\n", markup::text(line)));
            } else {
                self.out.push_str(&format!("{} \\\n", markup::text(line)));
            }
        }
        self.out.push_str("#v(6mm)\n");
        let r = &l.references;
        let refs = [
            ("Datum", &r.date),
            ("Ons kenmerk", &r.our_reference),
            ("Betreft", &r.subject),
            ("Bijlage(n)", &r.attachments),
            ("Contactpersoon", &r.contact),
        ];
        for (label, value) in refs {
            if let Some(v) = value {
                self.out.push_str(&format!(
                    "#block(above: 0pt, below: 3mm)[#text(weight: \"bold\", fill: primary)[{label}] \\\n{}]\n",
                    markup::text(v)
                ));
            }
        }
        self.out.push_str("])\n#v(10mm)\n");
        // The body's last block, the closing and the signatures stay on one page: no
        // page with only a greeting and a signature.
        let (last, body) = match l.body.split_last() {
            Some((last, body)) => (Some(last), body),
            None => (None, &l.body[..]),
        };
        self.blocks(body);
        self.out.push_str("\n#block(breakable: false)[\n");
        if let Some(last) = last {
            self.block(last);
            self.out.push_str("\n\n");
        }
        if !l.closing.is_empty() {
            self.inlines(&l.closing, None);
            self.out.push_str("\n#v(14mm)\n");
        }
        if !l.signatories.is_empty() {
            let n = l.signatories.len().min(3);
            self.out.push_str(&format!(
                "#grid(columns: {n}, column-gutter: 12mm, row-gutter: 8mm,\n"
            ));
            for s in &l.signatories {
                self.out.push_str(&format!("[{}", markup::text(&s.name)));
                if let Some(role) = &s.role {
                    self.out.push_str(&format!(" \\\n{}", markup::text(role)));
                }
                self.out.push_str("],\n");
            }
            self.out.push_str(")\n");
        }
        self.out.push_str("]\n");
    }
}
