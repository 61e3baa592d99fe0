//! The merged cells of an ODS (`table:number-rows-spanned`,
//! `table:number-columns-spanned`), which calamine does not report, found by
//! walking the table, row and cell tags of `content.xml` and counting their
//! repeats, as calamine counts them for the cells.

use super::Merge;
use super::xlsx::SheetMerges;
use super::xml::{Package, Tag, for_each_tag};

/// The last row and column counted: calamine's limits, and past them no
/// merge is of use.
const LAST_ROW: usize = 1 << 20;
const LAST_COLUMN: usize = 1 << 14;

/// The merged ranges of every table, in the order of the tables; `None`
/// when `content.xml` is missing or damaged.
pub fn merges(bytes: &[u8]) -> Option<Vec<SheetMerges>> {
    let mut package = Package::open(bytes)?;
    let mut walk = Walk::default();
    package.scan_part("content.xml", |xml| for_each_tag(xml, |tag| walk.tag(tag)))?;
    Some(walk.tables)
}

/// Where the walk through `content.xml` is.
#[derive(Debug, Default)]
struct Walk {
    tables: Vec<SheetMerges>,
    /// How deep in tables: a table inside a cell is not a sheet.
    depth: usize,
    row: usize,
    column: usize,
    /// The rows the current row element stands for.
    repeat: usize,
}

impl Walk {
    fn tag(&mut self, tag: Tag) {
        match tag.name {
            b"table:table" if tag.end => self.depth = self.depth.saturating_sub(1),
            b"table:table" if !tag.empty => {
                self.depth += 1;
                if self.depth == 1 {
                    self.tables.push(SheetMerges::default());
                    self.row = 0;
                }
            }
            _ if self.depth != 1 => {}
            b"table:table-row" if tag.end => self.next_row(),
            b"table:table-row" => {
                self.column = 0;
                self.repeat = count(&tag, b"table:number-rows-repeated");
                if tag.empty {
                    self.next_row();
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" if !tag.end => {
                let rows = count(&tag, b"table:number-rows-spanned");
                let columns = count(&tag, b"table:number-columns-spanned");
                let spans = rows > 1 || columns > 1;
                if spans
                    && tag.name == b"table:table-cell"
                    && self.row < LAST_ROW
                    && let Some(table) = self.tables.last_mut()
                {
                    table.merges.push(Merge {
                        top: self.row,
                        left: self.column,
                        bottom: self.row + rows - 1,
                        right: self.column + columns - 1,
                    });
                }
                let repeat = count(&tag, b"table:number-columns-repeated");
                self.column = (self.column + repeat).min(LAST_COLUMN);
            }
            _ => {}
        }
    }

    fn next_row(&mut self) {
        self.row = (self.row + self.repeat).min(LAST_ROW);
        self.repeat = 1;
    }
}

/// A count attribute (repeats, spans): 1 when absent or unreadable, at most
/// a sheet's rows.
fn count(tag: &Tag, key: &[u8]) -> usize {
    tag.attribute(key)
        .and_then(|v| std::str::from_utf8(v).ok())
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, LAST_ROW))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(xml: &[u8]) -> Vec<Vec<Merge>> {
        let mut walk = Walk::default();
        for_each_tag(xml, |tag| walk.tag(tag));
        walk.tables.into_iter().map(|t| t.merges).collect()
    }

    fn merge(top: usize, left: usize, bottom: usize, right: usize) -> Merge {
        Merge {
            top,
            left,
            bottom,
            right,
        }
    }

    #[test]
    fn spans_are_placed_past_repeated_rows_and_columns() {
        let xml = br#"<office:spreadsheet><table:table table:name="a">
<table:table-column table:number-columns-repeated="16384"/>
<table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1"><text:p>title</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
<table:table-header-rows><table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-rows-spanned="2"><text:p>1</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:covered-table-cell table:number-columns-repeated="3"/></table:table-row>
</table:table><table:table table:name="b"><table:table-row><table:table-cell><table:table><table:table-row><table:table-cell table:number-rows-spanned="9"/></table:table-row></table:table></table:table-cell><table:table-cell table:number-columns-spanned="2"/></table:table-row></table:table></office:spreadsheet>"#;
        assert_eq!(
            walk(xml),
            vec![
                vec![merge(0, 0, 0, 2), merge(3, 2, 4, 2)],
                vec![merge(0, 1, 0, 2)],
            ]
        );
    }

    #[test]
    fn counts_that_are_no_numbers_count_one() {
        let xml = br#"<table:table><table:table-row table:number-rows-repeated="x"><table:table-cell table:number-columns-repeated="-3"/><table:table-cell table:number-rows-spanned="99999999999999999999999"/></table:table-row></table:table>"#;
        assert_eq!(walk(xml), vec![vec![]]);
    }
}
