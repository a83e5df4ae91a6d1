//! The matrix as a terminal table, GFM Markdown table or CSV.

use crate::analysis::matrix::Matrix;

/// Mark for a filled cell in the compact overview.
pub const MARK: &str = "●";

fn cell_text(cell: &Option<String>, compact: bool) -> String {
    match (cell, compact) {
        (None, _) => String::new(),
        (Some(_), true) => MARK.to_string(),
        (Some(text), false) => text.clone(),
    }
}

fn row_title(number: usize, title: &str) -> String {
    format!("{number}. {title}")
}

/// The matrix's caption in the document (HTML: templates/document.html).
pub const CAPTION: &str = "Uitgangspunten en verantwoordelijkheden per partij";

/// A GFM table; `|` and line breaks in cells are escaped so the table holds.
pub fn markdown(m: &Matrix, compact: bool) -> String {
    let esc = super::escape::markdown;
    let mut out = String::from("| Uitgangspunt |");
    for c in &m.columns {
        out.push_str(&format!(" {} |", esc(&c.name)));
    }
    out.push_str("\n|---|");
    for _ in &m.columns {
        out.push_str(if compact { ":-:|" } else { "---|" });
    }
    out.push('\n');
    for r in &m.rows {
        out.push_str(&format!("| {} |", esc(&row_title(r.number, &r.title))));
        for cell in &r.cells {
            out.push_str(&format!(" {} |", esc(&cell_text(cell, compact))));
        }
        out.push('\n');
    }
    out
}

/// RFC 4180 CSV with a header row; a filled cell is `x` in compact form. A cell that
/// a spreadsheet would take for a formula is written as text (see `as_text_cell`).
pub fn csv(m: &Matrix, compact: bool) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut records = vec![
        std::iter::once("Uitgangspunt".to_string())
            .chain(m.columns.iter().map(|c| c.name.clone()))
            .collect::<Vec<_>>(),
    ];
    for r in &m.rows {
        let mut record = vec![row_title(r.number, &r.title)];
        record.extend(r.cells.iter().map(|c| match (c, compact) {
            (Some(_), true) => "x".to_string(),
            _ => cell_text(c, false),
        }));
        records.push(record);
    }
    for record in records {
        let cells = record.iter().map(|c| as_text_cell(c).into_owned());
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula
/// to a spreadsheet (OWASP, CSV injection): a leading `'` makes it text.
fn as_text_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A box-drawn table that fits in `width` characters, wrapping text in its cells.
pub fn terminal(m: &Matrix, compact: bool, width: usize) -> String {
    // Control characters from the manifest are shown, not executed.
    let shown = |s: String| crate::text::terminal::visible(&s).into_owned();
    let mut headers = vec!["Uitgangspunt".to_string()];
    headers.extend(m.columns.iter().map(|c| shown(c.name.clone())));
    let rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![shown(row_title(r.number, &r.title))];
            row.extend(r.cells.iter().map(|c| shown(cell_text(c, compact))));
            row
        })
        .collect();
    let widths = column_widths(&headers, &rows, width);
    let line = |left: &str, mid: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(mid))
    };
    let mut out = line("┌", "┬", "┐");
    out.push_str(&table_row(&headers, &widths, compact));
    out.push_str(&line("├", "┼", "┤"));
    for (i, row) in rows.iter().enumerate() {
        if i > 0 && !compact {
            out.push_str(&line("├", "┼", "┤"));
        }
        out.push_str(&table_row(row, &widths, compact));
    }
    out.push_str(&line("└", "┴", "┘"));
    if compact {
        let legend =
            format!("{MARK} = de partij heeft een verantwoordelijkheid bij dit uitgangspunt");
        for line in wrap(&legend, width.max(20)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn chars(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Share the width out. Each column first gets its longest word, so words stay whole;
/// what is left goes to the columns with the most text, none wider than its longest
/// line. Only when the words alone do not fit are the widest columns narrowed (down
/// to 4), and their long words hyphenated.
fn column_widths(headers: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let n = headers.len();
    let column = |i: usize| std::iter::once(&headers[i]).chain(rows.iter().map(move |r| &r[i]));
    let longest_word = |s: &str| s.split([' ', '/']).map(chars).max().unwrap_or(0);
    let want: Vec<usize> = (0..n)
        .map(|i| column(i).map(|s| chars(s)).max().unwrap_or(0).max(1))
        .collect();
    let volume: Vec<usize> = (0..n)
        .map(|i| column(i).map(|s| chars(s)).sum::<usize>().max(1))
        .collect();
    let mut widths: Vec<usize> = (0..n)
        .map(|i| column(i).map(|s| longest_word(s)).max().unwrap_or(0).max(1))
        .collect();
    let available = total.saturating_sub(3 * n + 1).max(n);
    while widths.iter().sum::<usize>() > available {
        let Some((i, _)) = widths
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 4)
            .max_by_key(|(_, w)| **w)
        else {
            break;
        };
        widths[i] -= 1;
    }
    let mut spare = available.saturating_sub(widths.iter().sum());
    while spare > 0 {
        // The column whose text is the tallest per character of width grows first.
        let Some((i, _)) = (0..n)
            .filter(|i| widths[*i] < want[*i])
            .map(|i| (i, volume[i] as f64 / widths[i] as f64))
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            break;
        };
        widths[i] += 1;
        spare -= 1;
    }
    widths
}

fn table_row(cells: &[String], widths: &[usize], center: bool) -> String {
    let wrapped: Vec<Vec<String>> = cells.iter().zip(widths).map(|(c, w)| wrap(c, *w)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let mut out = String::new();
    for line in 0..height {
        out.push('│');
        for (i, (lines, w)) in wrapped.iter().zip(widths).enumerate() {
            let text = lines.get(line).map_or("", String::as_str);
            let pad = w.saturating_sub(chars(text));
            if center && i > 0 {
                let left = pad / 2;
                out.push_str(&format!(
                    " {}{text}{} │",
                    " ".repeat(left),
                    " ".repeat(pad - left)
                ));
            } else {
                out.push_str(&format!(" {text}{} │", " ".repeat(pad)));
            }
        }
        out.push('\n');
    }
    out
}

/// Wrap `text` to `width` display columns with textwrap. Words stay whole; a slash
/// is a place to break ("klanten/" "particulieren", joined again on one line); a word
/// wider than the column is hyphenated.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use textwrap::core::Word;
    let width = width.max(1);
    let mut words: Vec<Word<'_>> = Vec::new();
    for word in text.split_whitespace() {
        let parts: Vec<&str> = word.split_inclusive('/').collect();
        for (p, part) in parts.iter().enumerate() {
            let pieces = hyphenate(part, width);
            for (i, piece) in pieces.iter().enumerate() {
                let mut w = Word::from(piece);
                let last_piece = i + 1 == pieces.len();
                w.whitespace = if last_piece && p + 1 == parts.len() {
                    " "
                } else {
                    ""
                };
                w.penalty = if last_piece || width < 2 { "" } else { "-" };
                words.push(w);
            }
        }
    }
    let lines: Vec<String> = textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64])
        .into_iter()
        .map(|line| {
            let mut out = String::new();
            for (i, w) in line.iter().enumerate() {
                out.push_str(w.word);
                out.push_str(if i + 1 == line.len() {
                    w.penalty
                } else {
                    w.whitespace
                });
            }
            out
        })
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// Cut a word wider than `width` into pieces that leave room for a hyphen.
fn hyphenate(word: &str, width: usize) -> Vec<&str> {
    if chars(word) <= width {
        return vec![word];
    }
    let room = if width < 2 { 1 } else { width - 1 };
    let mut pieces = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (at, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room && at > start {
            pieces.push(&word[start..at]);
            (start, used) = (at, 0);
        }
        used += w;
    }
    pieces.push(&word[start..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::matrix::{Column, Row};
    use proptest::prelude::*;

    fn sample() -> Matrix {
        Matrix {
            columns: vec![
                Column {
                    id: "a".into(),
                    name: "Inwoners".into(),
                    description: None,
                },
                Column {
                    id: "b".into(),
                    name: "Gemeente".into(),
                    description: None,
                },
            ],
            rows: vec![Row {
                id: "x".into(),
                number: 1,
                title: "De basis op orde".into(),
                cells: vec![Some("heldere kaders | criteria".into()), None],
            }],
        }
    }

    #[test]
    fn markdown_table_escapes_pipes() {
        let md = markdown(&sample(), false);
        assert_eq!(
            md,
            "| Uitgangspunt | Inwoners | Gemeente |\n|---|---|---|\n| 1. De basis op orde | heldere kaders \\| criteria |  |\n"
        );
        assert!(markdown(&sample(), true).contains("| 1. De basis op orde | ● |  |"));
    }

    #[test]
    fn csv_quotes_when_needed() {
        let mut m = sample();
        m.rows[0].cells[1] = Some("zegt \"ja\", soms".into());
        assert_eq!(
            csv(&m, false),
            "Uitgangspunt,Inwoners,Gemeente\r\n1. De basis op orde,heldere kaders | criteria,\"zegt \"\"ja\"\", soms\"\r\n"
        );
        assert_eq!(
            csv(&m, true).lines().nth(1),
            Some("1. De basis op orde,x,x")
        );
    }

    #[test]
    fn terminal_table_fits_the_width() {
        let out = terminal(&sample(), false, 40);
        for line in out.lines() {
            assert!(chars(line) <= 40, "{line:?} is {} breed", chars(line));
        }
        assert!(out.contains("Inwoners"));
    }

    #[test]
    fn words_stay_whole_and_long_words_are_hyphenated() {
        assert_eq!(wrap("klanten/particulieren", 30), ["klanten/particulieren"]);
        assert_eq!(
            wrap("klanten/particulieren", 14),
            ["klanten/", "particulieren"]
        );
        assert_eq!(
            wrap("de keukentafelgesprekken", 12),
            ["de", "keukentafel-", "gesprekken"]
        );
        assert_eq!(
            wrap("onregelmatigheden zijn", 20),
            ["onregelmatigheden", "zijn"]
        );
    }

    #[test]
    fn csv_cells_never_become_formulas() {
        let mut m = sample();
        m.rows[0].cells = vec![Some("=HYPERLINK(\"x\")".into()), Some("\t=1+2".into())];
        m.rows[0].title = "@SUM".into();
        let out = csv(&m, false);
        let row = out.lines().nth(1).unwrap();
        assert_eq!(row, "1. @SUM,\"'=HYPERLINK(\"\"x\"\")\",'\t=1+2");
    }

    proptest! {
        #[test]
        fn wrapped_lines_never_exceed_the_width(text in "[a-zé ]{0,80}", width in 1usize..30) {
            for line in wrap(&text, width) {
                prop_assert!(chars(&line) <= width);
            }
            let joined: String = wrap(&text, width).concat();
            let original: String = text.split_whitespace().collect();
            let joined = if width < 2 { joined } else {
                // A hyphen at a line end is not part of the text.
                wrap(&text, width).iter().map(|l| l.strip_suffix('-').unwrap_or(l).to_string()).collect()
            };
            prop_assert_eq!(joined.replace(' ', ""), original);
        }
    }
}
