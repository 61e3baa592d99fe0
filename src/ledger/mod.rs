//! Reading rectification ledgers (整改台账): workbooks (xlsx, xlsm, xls, ods)
//! and CSV / TSV, one row per problem or per measure, into the same reports
//! the JSON files hold.
//!
//! A pipeline whose stages are the files of this folder, in order:
//! [`read`] / [`csv`] (bytes → sheets of cells, with [`xlsx`] and [`ods`]
//! finding the merged ranges in the zip through [`xml`]) → [`merges`] (merged cells
//! filled down) → [`header`] (the header row and what each column means) →
//! [`rows`] (rows → sections, footers and problems over one or more rows) →
//! [`build`] (problems → one report per unit), with [`deadline`] and
//! [`status`] reading the cells that say when and how far.

mod build;
mod csv;
mod deadline;
mod header;
mod merges;
mod ods;
mod read;
mod rows;
pub mod sample;
mod status;
mod xlsx;
mod xml;

use std::path::Path;

use calamine::Data;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Report;

/// The file extensions of ledgers.
pub const EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv"];

/// The file extensions of every data file zhenggai reads: JSON and ledgers.
pub const DATA_EXTENSIONS: [&str; 7] = ["json", "xlsx", "xlsm", "xls", "ods", "csv", "tsv"];

/// The reports of one ledger file, with what is worth a look.
#[derive(Debug, Clone)]
pub struct Ledger {
    /// One report per unit, in the order the units first appear.
    pub reports: Vec<Report>,
    /// Warnings and notes: shown, but reading went on.
    pub warnings: Vec<Diagnostic>,
}

/// True when a file is to be read as a ledger: by its extension, or by its
/// first bytes (a zip or an OLE file, whatever its name).
pub fn is_ledger(name: &str, bytes: &[u8]) -> bool {
    has_ledger_extension(name) || matches!(read::sniff(bytes), read::Kind::Zip | read::Kind::Ole)
}

/// True when the name ends in one of [`EXTENSIONS`].
pub fn has_ledger_extension(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Reads one ledger; `name` names it in messages and in every problem's cells.
/// On failure, every diagnostic found (errors and warnings).
pub fn read(name: &str, bytes: &[u8]) -> Result<Ledger, Vec<Diagnostic>> {
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let sheets = match read::sniff(bytes) {
        read::Kind::Text if matches!(extension.as_str(), "csv" | "tsv" | "txt" | "") => {
            csv::read(bytes, extension == "tsv").map(|s| vec![s])
        }
        _ => read::workbook(bytes),
    };
    let sheets = sheets.map_err(|f| vec![f.diagnostic(name, Severity::Error)])?;
    let mut notes = Vec::new();
    match build::reports(name, sheets, &mut notes) {
        Ok(reports) if !notes.iter().any(|(s, _)| *s == Severity::Error) => Ok(Ledger {
            reports,
            warnings: notes
                .into_iter()
                .map(|(s, f)| f.diagnostic(name, s))
                .collect(),
        }),
        Ok(_) => Err(notes
            .into_iter()
            .map(|(s, f)| f.diagnostic(name, s))
            .collect()),
        Err(f) => {
            let mut all: Vec<Diagnostic> = notes
                .into_iter()
                .map(|(s, f)| f.diagnostic(name, s))
                .collect();
            all.push(f.diagnostic(name, Severity::Error));
            Err(all)
        }
    }
}

/// A sheet's cells, row by row; row 0 is the sheet's row 1.
pub(crate) type Grid = Vec<Vec<Data>>;

/// One sheet of a workbook, or the one table of a CSV file.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    /// The sheet's name; `None` for CSV.
    pub name: Option<String>,
    /// The cells.
    pub grid: Grid,
    /// The merged ranges.
    pub merges: Vec<Merge>,
    /// How many cells hold formulas (counted on small sheets only).
    pub formulas: usize,
    /// What was skipped while reading the sheet.
    pub warnings: Vec<Failure>,
}

/// A merged range, rows and columns from 0, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

/// Something wrong or worth saying about a ledger, with the sheet and cell.
#[derive(Debug, Clone)]
pub(crate) struct Failure {
    message: String,
    hint: Option<String>,
    sheet: Option<String>,
    cell: Option<String>,
}

impl Failure {
    fn new(message: String, hint: Option<String>) -> Self {
        Self {
            message,
            hint,
            sheet: None,
            cell: None,
        }
    }

    fn in_sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(sheet.to_owned());
        self
    }

    fn at(mut self, sheet: Option<&str>, row: usize, column: usize) -> Self {
        self.sheet = sheet.map(str::to_owned);
        self.cell = Some(a1(row, column));
        self
    }

    fn diagnostic(self, file: &str, severity: Severity) -> Diagnostic {
        let path = match (self.sheet, self.cell) {
            (Some(sheet), Some(cell)) => format!("{sheet}!{cell}"),
            (Some(sheet), None) => format!("sheet '{sheet}'"),
            (None, Some(cell)) => cell,
            (None, None) => String::new(),
        };
        Diagnostic {
            file: file.to_owned(),
            line: 0,
            column: 0,
            severity,
            path,
            message: self.message,
            hint: self.hint,
        }
    }
}

/// "C7" for row 6, column 2 (both from 0).
pub(crate) fn a1(row: usize, column: usize) -> String {
    format!("{}{}", column_letters(column), row + 1)
}

/// "A", "Z", "AA" for columns 0, 25, 26.
pub(crate) fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// True when a cell shows nothing: empty, an error, or only whitespace.
pub(crate) fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty | Data::Error(_) => true,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The text of a cell as a person reads it, trimmed; empty for an empty cell.
pub(crate) fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty | Data::Error(_)) => String::new(),
        Some(Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s)) => s.trim().to_owned(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Bool(b)) => if *b { "是" } else { "否" }.to_owned(),
        Some(Data::DateTime(d)) => deadline::serial_date(d.as_f64())
            .map_or_else(|| d.as_f64().to_string(), |d| d.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_in_a1_notation() {
        assert_eq!(a1(6, 2), "C7");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
    }
}
