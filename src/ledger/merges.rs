//! Merged cells: a value merged down over several rows is filled into each
//! of them, and every cell can tell the range it belongs to.

use super::{Merge, Sheet};

/// Where the merges of a sheet are, once filled down. Kept per row, since a
/// row meets only a few merges and a hash of every merged cell costs more
/// than the rest of reading a big ledger.
#[derive(Debug, Default)]
pub struct Layout {
    /// Per row, the merges that cover it, with whether the row's cell in
    /// the merge's first column was filled from above.
    rows: Vec<Vec<(Merge, bool)>>,
}

impl Layout {
    fn at(&self, row: usize, column: usize) -> Option<&(Merge, bool)> {
        self.rows
            .get(row)?
            .iter()
            .find(|(m, _)| (m.left..=m.right).contains(&column))
    }

    /// The merge the cell sits in, or the cell alone.
    pub fn range(&self, row: usize, column: usize) -> Merge {
        self.at(row, column).map_or(
            Merge {
                top: row,
                left: column,
                bottom: row,
                right: column,
            },
            |(m, _)| *m,
        )
    }

    /// True when the cell's value was copied down from the top of its merge.
    pub fn is_filled(&self, row: usize, column: usize) -> bool {
        self.at(row, column)
            .is_some_and(|(m, filled)| *filled && m.left == column)
    }

    /// True when a merge of three or more columns covers the row.
    pub fn is_wide(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_some_and(|ms| ms.iter().any(|(m, _)| m.right >= m.left + 2))
    }
}

/// The most cells a merge may cover to be filled and recorded.
const MAX_MERGED_CELLS: usize = 100_000;

/// Fills the first column of each merge that spans rows with its top
/// value, and records every merge. A merge across columns within one row
/// keeps its value in its first cell alone, so a title or section row stays
/// one text.
pub fn apply(sheet: &mut Sheet) -> Layout {
    let mut layout = Layout {
        rows: vec![Vec::new(); sheet.grid.len()],
    };
    for merge in &sheet.merges {
        if merge.bottom < merge.top || merge.right < merge.left || merge.top >= sheet.grid.len() {
            continue;
        }
        let bottom = merge.bottom.min(sheet.grid.len() - 1);
        // No ledger merges this much; a merge of a whole column or sheet
        // (A1:XFD1048576) is left alone rather than filled.
        let width = (merge.right - merge.left).min(MAX_MERGED_CELLS) + 1;
        if (bottom - merge.top + 1).saturating_mul(width) > MAX_MERGED_CELLS {
            continue;
        }
        let value = sheet
            .grid
            .get(merge.top)
            .and_then(|r| r.get(merge.left))
            .cloned()
            .unwrap_or_default();
        for row in merge.top..=bottom {
            let filled = row > merge.top;
            layout.rows[row].push((*merge, filled));
            if filled {
                let cells = &mut sheet.grid[row];
                if cells.len() <= merge.left {
                    cells.resize(merge.left + 1, calamine::Data::Empty);
                }
                cells[merge.left] = value.clone();
            }
        }
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Data;

    #[test]
    fn a_vertical_merge_is_filled_down_and_marked() {
        let mut sheet = Sheet {
            name: None,
            grid: vec![
                vec![Data::String("1".into()), Data::String("a".into())],
                vec![Data::Empty, Data::String("b".into())],
            ],
            merges: vec![Merge {
                top: 0,
                left: 0,
                bottom: 1,
                right: 0,
            }],
            formulas: 0,
            warnings: Vec::new(),
        };
        let layout = apply(&mut sheet);
        assert_eq!(sheet.grid[1][0], Data::String("1".into()));
        assert!(layout.is_filled(1, 0));
        assert!(!layout.is_filled(0, 0));
        assert_eq!(layout.range(1, 0).bottom, 1);
    }
}
