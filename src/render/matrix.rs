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

/// A GFM table; `|` and line breaks in cells are escaped so the table holds.
pub fn markdown(m: &Matrix, compact: bool) -> String {
    let esc = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace('\n', " ")
    };
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

/// RFC 4180 CSV with a header row; a filled cell is `x` in compact form.
pub fn csv(m: &Matrix, compact: bool) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r', ';']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut lines = Vec::new();
    let mut header = vec![field("Uitgangspunt")];
    header.extend(m.columns.iter().map(|c| field(&c.name)));
    lines.push(header.join(","));
    for r in &m.rows {
        let mut line = vec![field(&row_title(r.number, &r.title))];
        line.extend(r.cells.iter().map(|c| match (c, compact) {
            (Some(_), true) => "x".to_string(),
            _ => field(&cell_text(c, false)),
        }));
        lines.push(line.join(","));
    }
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

/// A box-drawn table that fits in `width` characters, wrapping text in its cells.
pub fn terminal(m: &Matrix, compact: bool, width: usize) -> String {
    let mut headers = vec!["Uitgangspunt".to_string()];
    headers.extend(m.columns.iter().map(|c| c.name.clone()));
    let rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![row_title(r.number, &r.title)];
            row.extend(r.cells.iter().map(|c| cell_text(c, compact)));
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
    s.chars().count()
}

/// Take one character at a time from the widest column that is above its floor.
fn shrink(want: &mut [usize], floor: &[usize], available: usize) {
    while want.iter().sum::<usize>() > available {
        let Some((i, _)) = want
            .iter()
            .enumerate()
            .filter(|(i, w)| **w > floor[*i])
            .max_by_key(|(_, w)| **w)
        else {
            break;
        };
        want[i] -= 1;
    }
}

/// Share the width out: each column gets what it needs, the widest give way first.
fn column_widths(headers: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let n = headers.len();
    let longest_word = |s: &str| s.split_whitespace().map(chars).max().unwrap_or(0);
    let mut want: Vec<usize> = (0..n)
        .map(|i| {
            std::iter::once(&headers[i])
                .chain(rows.iter().map(|r| &r[i]))
                .map(|s| chars(s))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    // Header words are never cut; long words in cells may be, down to 12 characters.
    let floor: Vec<usize> = (0..n)
        .map(|i| {
            let cell_word = rows.iter().map(|r| longest_word(&r[i])).max().unwrap_or(1);
            longest_word(&headers[i]).max(cell_word.min(12)).max(1)
        })
        .collect();
    let available = total.saturating_sub(3 * n + 1);
    shrink(&mut want, &floor, available);
    // Still too wide: the width asked for wins over whole words (down to 4 characters).
    let narrow: Vec<usize> = want.iter().map(|w| (*w).min(4)).collect();
    shrink(&mut want, &narrow, available);
    want
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

/// Greedy word wrap; words longer than the width are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut current = String::new();
    // A slash is a place to break, as a space is ("klanten/ particulieren").
    let spaced = text.replace('/', "/ ");
    for word in spaced.split_whitespace() {
        let mut word = word.to_string();
        while chars(&word) > width {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            let cut: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(cut);
        }
        if current.is_empty() {
            current = word;
        } else if chars(&current) + 1 + chars(&word) <= width {
            current.push(' ');
            current.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut current, word));
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
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

    proptest! {
        #[test]
        fn wrapped_lines_never_exceed_the_width(text in "[a-zé ]{0,80}", width in 1usize..30) {
            for line in wrap(&text, width) {
                prop_assert!(chars(&line) <= width);
            }
            let joined: String = wrap(&text, width).concat();
            let original: String = text.split_whitespace().collect();
            prop_assert_eq!(joined.replace(' ', ""), original);
        }
    }
}
