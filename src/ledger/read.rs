//! Opening a workbook (xlsx, xlsm, xls, ods) by its first bytes and turning
//! each sheet into a grid of cells with its merged ranges.

use std::io::Cursor;
use std::panic::AssertUnwindSafe;
use std::sync::{Mutex, PoisonError};

use calamine::{Cell, Data, DataRef, Ods, Range, Reader, Xls, Xlsx};

use super::{Failure, Grid, Merge, Sheet, ods, xlsx};

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A zip: xlsx, xlsm or ods.
    Zip,
    /// An OLE compound file: xls, or an encrypted xlsx.
    Ole,
    /// A web page (HTML or MHTML) that a system exported under a spreadsheet name.
    Html,
    /// Anything else: CSV or TSV text.
    Text,
}

/// Tells the kind of a file from its first bytes.
pub fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Kind::Zip;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Kind::Ole;
    }
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = &head[start..head.len().min(start + 512)];
    let lower = head.to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"<") || has(b"mime-version") || has(b"<html") || has(b"<table") {
        return Kind::Html;
    }
    Kind::Text
}

/// Opens a workbook held in memory; every sheet comes back as a grid.
///
/// calamine 0.38 panics on some damaged xls files (a slice out of range in
/// its compound-file reader): the panic is caught and becomes the message
/// for a damaged workbook. The panic hook is silenced meanwhile, so that no
/// message reaches a terminal the dashboard is drawing on; a lock keeps two
/// loads from swapping hooks at once.
pub fn workbook(bytes: &[u8]) -> Result<Vec<Sheet>, Failure> {
    static HOOK: Mutex<()> = Mutex::new(());
    let _one_at_a_time = HOOK.lock().unwrap_or_else(PoisonError::into_inner);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(AssertUnwindSafe(|| open(bytes)));
    std::panic::set_hook(hook);
    read.unwrap_or_else(|_| Err(damaged(&"its structure is broken")))
}

fn open(bytes: &[u8]) -> Result<Vec<Sheet>, Failure> {
    match sniff(bytes) {
        Kind::Zip => {
            // An ODS zip names its type in an uncompressed `mimetype` first entry.
            let ods = bytes
                .get(30..100)
                .is_some_and(|h| h.windows(11).any(|w| w == b"opendocumen"));
            if ods {
                let mut book = Ods::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
                // calamine gives no merged cells for ODS: they are read
                // from content.xml's spans.
                let count = book.sheet_names().len();
                let found = ods::merges(bytes)
                    .filter(|found| found.len() == count)
                    .unwrap_or_default();
                sheets(&mut book, |i| {
                    found.get(i).map(|f| f.merges.clone()).unwrap_or_default()
                })
            } else {
                // The merged ranges are found on a second thread while
                // calamine reads the shared strings, styles and cells.
                std::thread::scope(|scope| {
                    let found = scope.spawn(|| xlsx::merges(bytes));
                    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
                    let names = book.sheet_names();
                    let sheets = xlsx_sheets(&mut book)?;
                    let found = match found.join() {
                        Ok(Some(found)) if found.len() == names.len() => found,
                        // Parts laid out in a way the scan does not follow:
                        // calamine parses each sheet again for its merges.
                        _ => names
                            .iter()
                            .map(|n| xlsx::SheetMerges {
                                merges: merges(
                                    &book.merge_cells_by_sheet_name(n).unwrap_or_default(),
                                ),
                                bad: Vec::new(),
                            })
                            .collect(),
                    };
                    Ok(sheets
                        .into_iter()
                        .zip(found)
                        .map(|(mut sheet, found)| {
                            let name = sheet.name.clone().unwrap_or_default();
                            sheet.merges = found.merges;
                            sheet.warnings = found
                                .bad
                                .iter()
                                .map(|r| {
                                    Failure::new(
                                        format!(
                                            "merged range '{r}' is not a range of cells: skipped"
                                        ),
                                        None,
                                    )
                                    .in_sheet(&name)
                                })
                                .collect();
                            sheet
                        })
                        .collect())
                })
            }
        }
        Kind::Ole => {
            if is_encrypted_package(bytes) {
                return Err(encrypted());
            }
            let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
                calamine::XlsError::Password => encrypted(),
                e => damaged(&e),
            })?;
            let names = book.sheet_names();
            let found: Vec<_> = names
                .iter()
                .map(|n| merges(&book.merge_cells_by_sheet_name(n).unwrap_or_default()))
                .collect();
            sheets(&mut book, |i| found.get(i).cloned().unwrap_or_default())
        }
        Kind::Html => Err(Failure::new(
            "the file is a web page (HTML), not a workbook: it was saved as a web page".into(),
            Some(
                "open it in Excel or WPS and save it as .xlsx (文件 › 另存为 › Excel 工作簿)"
                    .into(),
            ),
        )),
        Kind::Text => Err(Failure::new(
            format!(
                "the file is not a workbook: it starts with '{}'",
                first_bytes(bytes)
            ),
            Some("an xlsx, xlsm or ods file starts with 'PK', an xls file with D0 CF 11 E0".into()),
        )),
    }
}

/// An xlsx with a password is an OLE file holding an `EncryptedPackage` stream.
fn is_encrypted_package(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn encrypted() -> Failure {
    Failure::new(
        "the workbook is encrypted (protected by a password)".into(),
        Some("open it in Excel or WPS, remove the password (文件 › 信息 › 保护工作簿), and save it again".into()),
    )
}

fn damaged(e: &dyn std::fmt::Display) -> Failure {
    Failure::new(
        format!("the workbook is truncated or damaged: {e}"),
        Some(
            "copy the file again, or open it in Excel, WPS or LibreOffice and save it again".into(),
        ),
    )
}

fn first_bytes(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(16)];
    String::from_utf8_lossy(head)
        .chars()
        .map(|c| if c.is_control() { '.' } else { c })
        .collect()
}

/// The formulas of a sheet of `rows` rows, counted only when it is small: a
/// summary sheet is small, and counting them on a big one would read it twice.
fn formulas_of<'a, R>(book: &mut R, name: &str, rows: usize) -> usize
where
    R: Reader<Cursor<&'a [u8]>>,
{
    if rows > SMALL_SHEET {
        return 0;
    }
    book.worksheet_formula(name)
        .map(|f| f.used_cells().filter(|(_, _, f)| !f.is_empty()).count())
        .unwrap_or(0)
}

/// Reads every sheet of a workbook, with its merged ranges. Formulas are
/// counted only on small sheets: a summary sheet is small, and counting them
/// on a big one would read it twice.
fn sheets<'a, R>(
    book: &mut R,
    merges_of: impl Fn(usize) -> Vec<Merge>,
) -> Result<Vec<Sheet>, Failure>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for (i, name) in book.sheet_names().into_iter().enumerate() {
        let range = book.worksheet_range(&name).map_err(|e| {
            Failure::new(format!("cannot read sheet '{name}': {e}"), None).in_sheet(&name)
        })?;
        let formulas = formulas_of(book, &name, range.height());
        out.push(Sheet {
            name: Some(name),
            grid: grid(&range),
            merges: merges_of(i),
            formulas,
            warnings: Vec::new(),
        });
    }
    Ok(out)
}

/// Reads every sheet of an xlsx cell by cell, without its merges: calamine's `worksheet_range`
/// would allocate the whole rectangle a sheet's cells span, which one cell
/// at XFD1048576 makes 17 billion cells; here only rows that hold cells are
/// made, and columns past [`MAX_COLUMNS`] are left out.
fn xlsx_sheets(book: &mut Xlsx<Cursor<&[u8]>>) -> Result<Vec<Sheet>, Failure> {
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let cannot = |e: &dyn std::fmt::Display| {
            Failure::new(format!("cannot read sheet '{name}': {e}"), None).in_sheet(&name)
        };
        let mut reader = book.worksheet_cells_reader(&name).map_err(|e| cannot(&e))?;
        // calamine's XML parse keeps one core busy; making the grid (a
        // String per text cell) is done on the other, a batch at a time.
        let grid = std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Cell<DataRef>>>(8);
            let placer = scope.spawn(move || {
                let mut grid = Grid::new();
                for batch in receive {
                    place(&mut grid, batch);
                }
                grid
            });
            let mut batch = Vec::with_capacity(BATCH);
            let read = loop {
                match reader.next_cell() {
                    Ok(Some(cell)) => {
                        let far = cell.get_position().1 as usize >= MAX_COLUMNS;
                        if far || matches!(cell.get_value(), DataRef::Empty) {
                            continue;
                        }
                        batch.push(cell);
                        if batch.len() == BATCH {
                            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                            if send.send(full).is_err() {
                                break Ok(());
                            }
                        }
                    }
                    Ok(None) => break Ok(()),
                    Err(e) => break Err(cannot(&e)),
                }
            };
            // The placer stops when the channel closes; its batches end here.
            let _ = send.send(batch);
            drop(send);
            let grid = placer
                .join()
                .map_err(|_| damaged(&"its structure is broken"));
            read.and(grid)
        })?;
        drop(reader);
        let formulas = formulas_of(book, &name, grid.len());
        out.push(Sheet {
            name: Some(name),
            grid,
            merges: Vec::new(),
            formulas,
            warnings: Vec::new(),
        });
    }
    Ok(out)
}

/// Puts a batch of cells in the grid, making rows as they are met; a new
/// row is made as wide as the widest so far, so that it rarely grows.
fn place(grid: &mut Grid, batch: Vec<Cell<DataRef>>) {
    let mut width = grid.last().map_or(0, Vec::len);
    for cell in batch {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        let value: Data = cell.get_value().clone().into();
        if column >= MAX_COLUMNS || value == Data::Empty {
            continue;
        }
        if grid.len() <= row {
            grid.resize_with(row + 1, Vec::new);
        }
        let cells = &mut grid[row];
        if cells.len() <= column {
            if cells.capacity() == 0 {
                cells.reserve_exact(width.max(column + 1));
            }
            cells.resize(column + 1, Data::Empty);
            width = width.max(column + 1);
        }
        cells[column] = value;
    }
}

/// The cells sent at a time from the thread reading them to the one
/// placing them.
const BATCH: usize = 4096;

/// The columns read: a ledger has a dozen; a cell far to the right is stray.
const MAX_COLUMNS: usize = 256;

/// The most rows a sheet may have for its formulas to be counted.
const SMALL_SHEET: usize = 500;

/// Turns one calamine range into a grid whose indices are the sheet's own
/// (row 0 is the sheet's row 1), whatever cell the range starts at.
pub fn grid(range: &Range<Data>) -> Grid {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let (top, left) = (top as usize, left as usize);
    let mut rows: Vec<Vec<Data>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = vec![Data::Empty; left];
        cells.extend(row.iter().cloned());
        while cells.last().is_some_and(|c| *c == Data::Empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    rows
}

/// The merged ranges as the ledger reader uses them.
pub fn merges(dims: &[calamine::Dimensions]) -> Vec<Merge> {
    dims.iter()
        .map(|d| Merge {
            top: d.start.0 as usize,
            left: d.start.1 as usize,
            bottom: d.end.0 as usize,
            right: d.end.1 as usize,
        })
        .collect()
}
