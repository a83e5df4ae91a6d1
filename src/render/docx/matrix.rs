//! The matrix annex as a Word table: columns sized by their content, header repeated.

use super::*;

pub(super) fn matrix_table(m: &Matrix) -> Table {
    let (mut table, rows) = matrix_parts(m);
    table.rows.extend(rows.map(docx_rs::TableChild::TableRow));
    table
}

/// The table with its header row, and its other rows one by one: a big matrix is
/// written row by row, and is never a whole tree (a cell is kilobytes in docx-rs).
pub(super) fn matrix_parts(m: &Matrix) -> (Table, impl Iterator<Item = TableRow> + '_) {
    let usable = (A4_LONG as i32 - 2 * ANNEX_MARGIN) as usize;
    let grid = column_widths(m, usable);
    let small = Fmt {
        size: Some(MATRIX_SIZE),
        ..Fmt::default()
    };
    let header_fmt = Fmt {
        bold: true,
        ..small
    };
    let cell = |width: usize, paragraphs: Vec<Paragraph>| {
        paragraphs
            .into_iter()
            .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
                c.add_paragraph(p.line_spacing(LineSpacing::new().before(20).after(20)))
            })
    };
    let shade = || {
        Shading::new()
            .shd_type(ShdType::Clear)
            .color("auto")
            .fill(HEADER_FILL)
    };

    // A party's description under its name, as in the HTML.
    let header_cells = std::iter::once((PRINCIPLE_COLUMN, None))
        .chain(
            m.columns
                .iter()
                .map(|c| (c.name.as_str(), c.description.as_deref())),
        )
        .zip(&grid)
        .map(|((name, description), &w)| {
            let mut paragraphs = vec![header_fmt.paragraph(name)];
            if let Some(d) = description {
                paragraphs.push(small.paragraph(d));
            }
            cell(w, paragraphs).shading(shade())
        })
        .collect();
    // cantSplit keeps a row on one page; the header row also gets tblHeader (patched in later).
    let header = TableRow::new(header_cells).cant_split();
    let widths = grid.clone();
    let rows = m.rows.iter().map(move |row| {
        let mut cells = vec![cell(
            widths[0],
            vec![header_fmt.paragraph(&numbered(row.number, &row.title))],
        )];
        for (text, &width) in row.cells.iter().zip(&widths[1..]) {
            let paragraphs = match text {
                Some(t) => tree::paragraphs(&Document::parse(t, 0), small),
                None => Vec::new(),
            };
            // An empty cell still needs one paragraph to be valid.
            let paragraphs = if paragraphs.is_empty() {
                vec![Paragraph::new()]
            } else {
                paragraphs
            };
            cells.push(cell(width, paragraphs));
        }
        TableRow::new(cells).cant_split()
    });
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, pos| {
        b.set(TableBorder::new(pos).size(4).color(BORDER_COLOR))
    });
    let table = Table::new(vec![header])
        .set_grid(grid)
        .width(usable, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_PADDING, 0, CELL_PADDING))
        .set_borders(borders);
    (table, rows)
}

/// Column widths by content: every column at least as wide as its longest word
/// (so no word breaks mid-word), the principle column wider for its titles, and
/// the rest shared by how much text a party's column holds.
pub(super) fn column_widths(m: &Matrix, usable: usize) -> Vec<usize> {
    // Twips per character at the matrix size (8 pt Arial averages ~75); one
    // character extra for bold and wide letters.
    const CHAR: usize = 80;
    let word_width = |t: &str| {
        let longest = t
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        (longest + 1) * CHAR + 2 * CELL_PADDING
    };
    let titles: Vec<String> = m
        .rows
        .iter()
        .map(|r| numbered(r.number, &r.title))
        .collect();
    let longest_title = titles.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    let mut min = vec![
        titles
            .iter()
            // Titles are bold, about a tenth wider.
            .map(|t| word_width(t) * 11 / 10)
            .chain([word_width(PRINCIPLE_COLUMN)])
            .max()
            .unwrap_or(0)
            // A title over at most two lines, within a fifth of the width.
            .max((longest_title * CHAR / 2).min(usable / 5)),
    ];
    let title_chars: usize = titles.iter().map(|t| t.chars().count()).sum();
    let mut weight = vec![(title_chars.max(1) as f64).sqrt()];
    for (i, c) in m.columns.iter().enumerate() {
        let texts: Vec<&str> = std::iter::once(c.name.as_str())
            .chain(c.description.as_deref())
            .chain(m.rows.iter().filter_map(|r| r.cells.get(i)?.as_deref()))
            .collect();
        min.push(texts.iter().map(|t| word_width(t)).max().unwrap_or(0));
        // Square root: a talkative column gets more room, but not all of it.
        let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
        weight.push((chars.max(1) as f64).sqrt());
    }
    let needed: usize = min.iter().sum();
    if needed >= usable {
        // Too many parties for the page: shrink in proportion (words may break).
        return min.iter().map(|w| w * usable / needed).collect();
    }
    let spare = (usable - needed) as f64;
    let total: f64 = weight.iter().sum::<f64>().max(1.0);
    let mut widths: Vec<usize> = min
        .iter()
        .zip(&weight)
        .map(|(&m, w)| m + (spare * w / total) as usize)
        .collect();
    // Rounding leaves a few twips: give them to the principle column.
    widths[0] += usable - widths.iter().sum::<usize>();
    widths
}
