//! Merged cells: a value merged down over several rows is filled into each
//! of them, and every cell can tell the range it belongs to.

use std::collections::{HashMap, HashSet};

use super::{Merge, Sheet};

/// Where the merges of a sheet are, once filled down.
#[derive(Debug, Default)]
pub struct Layout {
    /// Each cell inside a merge (its top-left included) → the merge.
    ranges: HashMap<(usize, usize), Merge>,
    /// The cells whose value was filled in from the cell above.
    filled: HashSet<(usize, usize)>,
    /// Rows that a merge of three or more columns covers: titles and sections.
    wide: HashSet<usize>,
}

impl Layout {
    /// The merge the cell sits in, or the cell alone.
    pub fn range(&self, row: usize, column: usize) -> Merge {
        self.ranges.get(&(row, column)).copied().unwrap_or(Merge {
            top: row,
            left: column,
            bottom: row,
            right: column,
        })
    }

    /// True when the cell's value was copied down from the top of its merge.
    pub fn is_filled(&self, row: usize, column: usize) -> bool {
        self.filled.contains(&(row, column))
    }

    /// True when a merge of three or more columns covers the row.
    pub fn is_wide(&self, row: usize) -> bool {
        self.wide.contains(&row)
    }
}

/// The most cells a merge may cover to be filled and recorded.
const MAX_MERGED_CELLS: usize = 100_000;

/// Fills the first column of each merge that spans rows with its top
/// value, and records every merge. A merge across columns within one row
/// keeps its value in its first cell alone, so a title or section row stays
/// one text.
pub fn apply(sheet: &mut Sheet) -> Layout {
    let mut layout = Layout::default();
    for merge in &sheet.merges {
        if merge.bottom < merge.top || merge.right < merge.left {
            continue;
        }
        // A merge of a whole column or sheet would be millions of cells.
        let bottom = merge
            .bottom
            .min(sheet.grid.len().saturating_sub(1).max(merge.top));
        let right = merge.right.min(merge.left + 64);
        // No ledger merges this much; a merge of a whole column or sheet
        // (A1:XFD1048576) is left alone rather than filled.
        if (bottom - merge.top + 1) * (right - merge.left + 1) > MAX_MERGED_CELLS {
            continue;
        }
        if right >= merge.left + 2 {
            layout.wide.extend(merge.top..=bottom);
        }
        for row in merge.top..=bottom {
            for column in merge.left..=right {
                layout.ranges.insert((row, column), *merge);
            }
        }
        if bottom > merge.top {
            let value = sheet
                .grid
                .get(merge.top)
                .and_then(|r| r.get(merge.left))
                .cloned()
                .unwrap_or_default();
            for row in merge.top + 1..=bottom {
                let Some(cells) = sheet.grid.get_mut(row) else {
                    break;
                };
                if cells.len() <= merge.left {
                    cells.resize(merge.left + 1, calamine::Data::Empty);
                }
                cells[merge.left] = value.clone();
                layout.filled.insert((row, merge.left));
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
        };
        let layout = apply(&mut sheet);
        assert_eq!(sheet.grid[1][0], Data::String("1".into()));
        assert!(layout.is_filled(1, 0));
        assert!(!layout.is_filled(0, 0));
        assert_eq!(layout.range(1, 0).bottom, 1);
    }
}
