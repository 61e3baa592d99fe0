//! A table as an xlsx workbook, the handout an office sends to the units:
//! the header bold on a fill with borders, frozen and filterable; columns as
//! wide as their widest text in display width (a Chinese character counts
//! two); days as real date cells; numbers as numbers; overdue rows on a
//! light red fill, which the table also says in words.

use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use super::Table;
use crate::format::width;

/// Widest a column gets, in character widths: long clauses wrap instead.
const MAX_WIDTH: usize = 60;

/// The workbook's bytes: one sheet named `sheet` (cut to Excel's 31
/// characters).
pub fn to_xlsx(table: &Table, sheet: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    ws.set_name(sheet_name(sheet))?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin);
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    // Light red, as spreadsheets mark bad values; the word says it too.
    let red = Color::RGB(0xFFC7CE);
    let overdue = Format::new().set_background_color(red);
    let overdue_date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_background_color(red);
    let mut widths: Vec<usize> = table.header.iter().map(|h| width(h) + 2).collect();
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, col(c), clean(h), &header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let at = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        let late = table.overdue.get(r).copied().unwrap_or(false);
        let (text_format, date_format) = if late {
            (&overdue, &overdue_date)
        } else {
            (&plain, &date)
        };
        for (c, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width(cell) + 1);
            } else {
                widths.push(width(cell) + 1);
            }
            match crate::dates::parse(cell) {
                Some(day) => {
                    use chrono::Datelike;
                    let excel = ExcelDateTime::from_ymd(
                        u16::try_from(day.year()).unwrap_or(1900),
                        day.month() as u8,
                        day.day() as u8,
                    )?;
                    ws.write_date_with_format(at, col(c), &excel, date_format)?;
                }
                None => match number(cell) {
                    Some(n) => {
                        ws.write_number_with_format(at, col(c), n, text_format)?;
                    }
                    None => {
                        ws.write_string_with_format(at, col(c), clean(cell), text_format)?;
                    }
                },
            }
        }
        // An overdue row is filled across the table, blank cells included.
        if late {
            for c in row.len()..table.header.len() {
                ws.write_blank(at, col(c), &overdue)?;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col(c), (*w).min(MAX_WIDTH) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !table.header.is_empty() {
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        ws.autofilter(0, 0, last_row, col(table.header.len() - 1))?;
    }
    workbook.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Control characters escaped as everywhere, newlines and tabs kept. A
/// string cell is never read as a formula, so no prefix is needed.
fn clean(s: &str) -> String {
    crate::sanitize::escape_keeping_lines(s).into_owned()
}

/// A cell that is a plain number written the plain way ("849.56", "12"),
/// to be a number in the sheet; "007" and "1,000" stay text.
fn number(cell: &str) -> Option<f64> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let plain = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.')
        && !(digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."))
        && digits.len() <= 15;
    if plain { cell.parse().ok() } else { None }
}

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control())
        .take(31)
        .collect();
    if cleaned.trim().is_empty() {
        "zhenggai".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_become_numbers_and_codes_stay_text() {
        assert_eq!(number("849.56"), Some(849.56));
        assert_eq!(number("12"), Some(12.0));
        assert_eq!(number("0.5"), Some(0.5));
        assert_eq!(number("-3"), Some(-3.0));
        for text in [
            "007",
            "1,000",
            "1.",
            ".5",
            "1.2.3",
            "849.56亩",
            "",
            "-",
            "1234567890123456",
        ] {
            assert_eq!(number(text), None, "{text}");
        }
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(sheet_name("问题"), "问题");
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name("[]"), "zhenggai");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
