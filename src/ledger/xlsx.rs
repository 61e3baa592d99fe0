//! The merged ranges of an xlsx's sheets, found by inflating each sheet's
//! part and searching it for `<mergeCell ref="…"/>`, rather than by a second
//! XML parse of the whole sheet (calamine's `merge_cells_by_sheet_name`,
//! which cost as much as reading the cells).
//!
//! The sheet parts are located as calamine locates them: `_rels/.rels` names
//! the workbook part, its `.rels` maps each `<sheet r:id>` of the workbook to
//! a part, and part names are looked up without regard to case.

use std::collections::HashMap;

use memchr::memmem;

use super::Merge;
use super::xml::{Package, attribute, decode, for_each_tag};

/// The merged ranges of one sheet, and the `ref`s that were no cell range.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SheetMerges {
    /// The merged ranges, in the order the sheet lists them.
    pub merges: Vec<Merge>,
    /// The `ref` values skipped, as written (shortened).
    pub bad: Vec<String>,
}

/// The merged ranges of every sheet, in the workbook's order of sheets;
/// `None` when the sheet parts cannot be located this way (the caller then
/// asks calamine). A sheet whose part cannot be inflated has no merges: the
/// cell reader reports the damage.
pub fn merges(bytes: &[u8]) -> Option<Vec<SheetMerges>> {
    let mut package = Package::open(bytes)?;
    let parts = sheet_parts(&mut package)?;
    let finder = memmem::Finder::new(b"mergeCell");
    Some(
        parts
            .iter()
            .map(|part| {
                let mut found = SheetMerges::default();
                package
                    .scan_part(part, |xml| merge_cells(xml, &finder, &mut found))
                    .map_or_else(SheetMerges::default, |()| found)
            })
            .collect(),
    )
}

/// The parts of the workbook's sheets, in its order.
fn sheet_parts(package: &mut Package) -> Option<Vec<String>> {
    let rels = package.small_part("_rels/.rels")?;
    let mut document = None;
    for_each_tag(&rels, |tag| {
        let office = tag
            .attribute(b"Type")
            .is_some_and(|t| t.ends_with(b"/officeDocument"));
        if tag.local() == b"Relationship" && !tag.end && office && document.is_none() {
            document = tag.attribute(b"Target").map(decode);
        }
    });
    let document = document?;
    let (dir, file) = document.split_at(document.rfind('/').map_or(0, |i| i + 1));
    let dir = dir.strip_prefix('/').unwrap_or(dir);
    let file = if file.is_empty() {
        "workbook.xml"
    } else {
        file
    };

    let rels = package.small_part(&format!("{dir}_rels/{file}.rels"))?;
    let mut targets = HashMap::new();
    for_each_tag(&rels, |tag| {
        if tag.local() == b"Relationship"
            && !tag.end
            && let (Some(id), Some(target)) = (tag.attribute(b"Id"), tag.attribute(b"Target"))
        {
            targets.insert(id.to_vec(), decode(target));
        }
    });

    let workbook = package.small_part(&format!("{dir}{file}"))?;
    let mut parts = Vec::new();
    let mut missing = false;
    for_each_tag(&workbook, |tag| {
        if tag.local() != b"sheet" || tag.end {
            return;
        }
        match tag.attribute(b"id").and_then(|id| targets.get(id)) {
            Some(target) => parts.push(match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None => format!("{dir}{target}"),
            }),
            None => missing = true,
        }
    });
    (!missing).then_some(parts)
}

/// Adds the `<mergeCell ref>` elements of a run of whole tags (the element's
/// name may carry a namespace prefix, `<x:mergeCell`).
fn merge_cells(xml: &[u8], finder: &memmem::Finder, out: &mut SheetMerges) {
    for at in finder.find_iter(xml) {
        let after = &xml[at + b"mergeCell".len()..];
        if !after
            .first()
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        {
            continue; // <mergeCells>, or a longer name
        }
        let mut start = at;
        if start > 0 && xml[start - 1] == b':' {
            start -= 1;
            while start > 0 && is_name_byte(xml[start - 1]) {
                start -= 1;
            }
        }
        if start == 0 || xml[start - 1] != b'<' {
            continue; // text, not a tag: text holds `<` only as `&lt;`
        }
        let tag = &after[..memchr::memchr(b'>', after).unwrap_or(after.len())];
        // A mergeCell without a readable ref is named by its whole tag.
        let Some(reference) = attribute(tag, b"ref") else {
            out.bad.push(shorten(tag.trim_ascii()));
            continue;
        };
        match range(reference) {
            Some(merge) => out.merges.push(merge),
            None => out.bad.push(shorten(reference)),
        }
    }
}

fn shorten(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).chars().take(40).collect()
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

/// The last row and column of a sheet (XFD1048576), from 1.
const LAST_ROW: usize = 1 << 20;
const LAST_COLUMN: usize = 1 << 14;

/// A merge's `ref`, "B7:B8" (or one cell, "B7"), as rows and columns from 0;
/// `None` unless both ends are cells of a sheet.
pub fn range(reference: &[u8]) -> Option<Merge> {
    let (first, last) = match memchr::memchr(b':', reference) {
        Some(colon) => (&reference[..colon], &reference[colon + 1..]),
        None => (reference, reference),
    };
    let (top, left) = cell(first)?;
    let (bottom, right) = cell(last)?;
    Some(Merge {
        top,
        left,
        bottom,
        right,
    })
}

/// "XFD1048576" as (1048575, 16383); `None` for anything that is not one
/// cell of a sheet.
pub fn cell(reference: &[u8]) -> Option<(usize, usize)> {
    let letters = reference
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(reference.len());
    let (column, row) = reference.split_at(letters);
    if column.is_empty() || column.len() > 3 || row.is_empty() || row.len() > 7 {
        return None;
    }
    if row[0] == b'0' || !row.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let column = column.iter().fold(0, |n, b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = row.iter().fold(0, |n, b| n * 10 + usize::from(b - b'0'));
    (column <= LAST_COLUMN && row <= LAST_ROW).then(|| (row - 1, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(top: usize, left: usize, bottom: usize, right: usize) -> Merge {
        Merge {
            top,
            left,
            bottom,
            right,
        }
    }

    #[test]
    fn cells_are_read_up_to_the_last_of_a_sheet() {
        assert_eq!(cell(b"A1"), Some((0, 0)));
        assert_eq!(cell(b"b7"), Some((6, 1)));
        assert_eq!(cell(b"AA10"), Some((9, 26)));
        assert_eq!(cell(b"XFD1048576"), Some((1_048_575, 16_383)));
    }

    #[test]
    fn anything_but_a_cell_of_a_sheet_is_no_cell() {
        for bad in [
            &b""[..],
            b"A",
            b"7",
            b"A0",
            b"A01",
            b"XFE1",
            b"A1048577",
            b"ZZZZ1",
            b"A99999999999999999999",
            b"$A$1",
            b"A1 ",
            b"A-1",
            "甲1".as_bytes(),
        ] {
            assert_eq!(cell(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn a_range_is_two_cells_or_one() {
        assert_eq!(range(b"B7:C8"), Some(merge(6, 1, 7, 2)));
        assert_eq!(range(b"B7"), Some(merge(6, 1, 6, 1)));
        assert_eq!(
            range(b"A1:XFD1048576"),
            Some(merge(0, 0, 1_048_575, 16_383))
        );
        assert_eq!(range(b"B7:"), None);
        assert_eq!(range(b":B7"), None);
        assert_eq!(range(b"B7:C8:D9"), None);
    }

    #[test]
    fn merge_cells_are_found_with_or_without_a_prefix_and_bad_refs_are_kept_apart() {
        let xml = br#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;mergeCell ref="A1:A9"/&gt; mergeCell</t></is></c></row></sheetData><mergeCells count="4"><mergeCell ref="A1:A2"/><x:mergeCell  ref = 'B3:C3' /><mergeCell ref="A0:B1"/><mergeCell ref="D4"></mergeCell><mergeCell ref=E5:E6/></mergeCells>"#;
        let mut out = SheetMerges::default();
        merge_cells(xml, &memmem::Finder::new(b"mergeCell"), &mut out);
        assert_eq!(
            out.merges,
            vec![merge(0, 0, 1, 0), merge(2, 1, 2, 2), merge(3, 3, 3, 3)]
        );
        assert_eq!(out.bad, vec!["A0:B1".to_owned(), "ref=E5:E6/".to_owned()]);
    }
}
