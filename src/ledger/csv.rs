//! Reading a ledger saved as CSV or TSV: UTF-8 with or without a byte order
//! mark, UTF-16 with one, or GBK / GB18030 as Chinese Excel and WPS save it;
//! comma or tab separated, told from the first lines.

use calamine::Data;

use super::{Failure, Sheet};

/// Reads CSV or TSV bytes into one sheet without a name.
pub fn read(bytes: &[u8], tab_by_name: bool) -> Result<Sheet, Failure> {
    let text = decode(bytes);
    let delimiter = if tab_by_name || tabs_outnumber_commas(&text) {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Failure::new(format!("line {} cannot be read as CSV: {e}", i + 1), None)
        })?;
        let mut row: Vec<Data> = record
            .iter()
            .map(|field| {
                if field.trim().is_empty() {
                    Data::Empty
                } else {
                    Data::String(field.to_owned())
                }
            })
            .collect();
        while row.last().is_some_and(|c| *c == Data::Empty) {
            row.pop();
        }
        grid.push(row);
    }
    Ok(Sheet {
        name: None,
        grid,
        merges: Vec::new(),
        formulas: 0,
        warnings: Vec::new(),
    })
}

/// The text of the bytes: UTF-8 (a byte order mark dropped), UTF-16 with a
/// byte order mark, else GB18030, which includes GBK.
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// True when the first lines hold more tabs than commas.
fn tabs_outnumber_commas(text: &str) -> bool {
    let head: String = text.lines().take(20).collect();
    let tabs = head.matches('\t').count();
    let commas = head.matches(',').count();
    tabs > commas
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_bytes_become_chinese_text() {
        let (bytes, _, _) = encoding_rs::GBK.encode("序号,问题\n1,台账\n");
        assert_eq!(decode(&bytes), "序号,问题\n1,台账\n");
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(decode("\u{feff}序号".as_bytes()), "序号");
    }

    #[test]
    fn tabs_are_told_from_commas() {
        assert!(tabs_outnumber_commas("序号\t问题\n1\t有，逗号"));
        assert!(!tabs_outnumber_commas("序号,问题\n1,a"));
    }
}
