//! Finding the header row of a ledger sheet and what each column means, by
//! the words offices use for them (the table is in docs/ledgers.md).

use std::collections::HashSet;

use super::merges::Layout;
use super::{Failure, Grid, is_blank, text};

/// What a column of a ledger holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 序号.
    Number,
    /// 反馈问题, 问题描述…
    Problem,
    /// 整改措施, 整改任务…
    Measures,
    /// 责任领导, 责任人…
    Leader,
    /// 责任单位, 牵头部门…
    Department,
    /// 配合部门.
    Partners,
    /// 整改时限, 完成时限…
    Deadline,
    /// 整改进展, 整改情况…
    Progress,
    /// 完成情况, 是否销号…
    Status,
    /// 问题类别, 方面…
    Category,
    /// 被巡察单位…
    Unit,
}

/// The header words of each field. A header is matched by the longest word
/// it contains, so 整改完成情况 is progress although it holds 完成情况 (status),
/// and 责任单位 is the lead department although it holds 单位 (unit).
pub const SYNONYMS: [(Field, &[&str]); 11] = [
    (Field::Number, &["序号", "编号", "问题序号"]),
    (
        Field::Problem,
        &[
            "反馈问题",
            "问题",
            "问题清单",
            "问题描述",
            "存在问题",
            "巡察反馈问题",
            "问题表现",
            "具体问题",
        ],
    ),
    (
        Field::Measures,
        &["整改措施", "整改任务", "任务清单", "具体措施", "措施"],
    ),
    (
        Field::Leader,
        &[
            "责任领导",
            "牵头领导",
            "分管领导",
            "责任人",
            "责任领导清单",
            "牵头责任人",
        ],
    ),
    (
        Field::Department,
        &[
            "责任单位",
            "责任部门",
            "责任股室",
            "牵头部门",
            "牵头单位",
            "责任清单",
            "责任科室",
        ],
    ),
    (
        Field::Partners,
        &["配合部门", "配合单位", "协办单位", "协助部门", "配合科室"],
    ),
    (
        Field::Deadline,
        &[
            "整改时限",
            "完成时限",
            "时限要求",
            "完成时间",
            "时限",
            "整改期限",
        ],
    ),
    (
        Field::Progress,
        &[
            "整改进展",
            "目前进展",
            "整改完成情况",
            "整改情况",
            "进展情况",
            "整改落实情况",
        ],
    ),
    (
        Field::Status,
        &[
            "完成情况",
            "整改状态",
            "是否完成",
            "是否销号",
            "状态",
            "销号情况",
        ],
    ),
    (
        Field::Category,
        &["问题类别", "类别", "方面", "问题类型", "所属方面"],
    ),
    (
        Field::Unit,
        &["被巡察单位", "单位", "被巡察党组织", "单位名称"],
    ),
];

/// How many rows from the top the header is looked for in.
const HEADER_ROWS: usize = 15;

/// The columns of a sheet, once its header is found.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    /// The header row (from 0).
    pub row: usize,
    /// Each recognised column with its field, in column order; a field may
    /// have several columns (责任领导 and 责任人).
    pub fields: Vec<(Field, usize)>,
    /// The other columns with their headers, kept as written.
    pub extra: Vec<(String, usize)>,
}

impl Columns {
    /// The first column of a field.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }

    /// Every column of a field.
    pub fn columns(&self, field: Field) -> impl Iterator<Item = usize> + '_ {
        self.fields
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|(_, c)| *c)
    }
}

/// The field a header names, if any.
pub fn field_of(header: &str) -> Option<Field> {
    let h: String = header
        .chars()
        .filter(|c| !c.is_whitespace())
        .take_while(|c| !matches!(c, '（' | '(' | '【'))
        .collect();
    // A numbered heading (一、…方面) is a section, not a header.
    if h.is_empty() || h.chars().count() > 12 || h.contains('、') {
        return None;
    }
    let mut best: Option<(usize, Field)> = None;
    for (field, words) in SYNONYMS {
        for word in words {
            if h.contains(word) && best.is_none_or(|(len, _)| word.len() > len) {
                best = Some((word.len(), field));
            }
        }
    }
    best.map(|(_, f)| f)
}

/// Finds the header among the first rows: the row naming the most fields,
/// one of them the problem or its measures. The row under a two-row header
/// (merged cells filled down) names at least as many, and is taken.
pub fn find(grid: &Grid, layout: &Layout, sheet: Option<&str>) -> Result<Columns, Failure> {
    let mut best: Option<(usize, usize)> = None;
    for (row, cells) in grid.iter().enumerate().take(HEADER_ROWS) {
        let fields: Vec<Field> = cells
            .iter()
            .filter_map(|c| field_of(&text(Some(c))))
            .collect();
        let core = fields
            .iter()
            .any(|f| matches!(f, Field::Problem | Field::Measures));
        let score = fields.iter().collect::<HashSet<_>>().len();
        if core && score >= 2 && best.is_none_or(|(s, _)| score >= s) {
            // A later row wins a tie only when it is the lower row of the same header.
            if let Some((s, r)) = best
                && score == s
                && !(row == r + 1 && (0..cells.len()).any(|c| layout.is_filled(row, c)))
            {
                continue;
            }
            best = Some((score, row));
        }
    }
    let Some((_, mut row)) = best else {
        return Err(not_found(grid, sheet));
    };
    // The lower row of a two-row header whose merges are not known (ODS, or
    // saved without them) holds header words alone: it is the header, and the
    // row above names the columns it leaves empty.
    if let Some(below) = grid.get(row + 1) {
        let words: Vec<String> = below
            .iter()
            .map(|c| text(Some(c)))
            .filter(|t| !t.is_empty())
            .collect();
        if words.len() >= 2 && words.iter().all(|w| field_of(w).is_some()) {
            row += 1;
        }
    }
    let mut columns = Columns {
        row,
        ..Columns::default()
    };
    // The row above is part of the header when it names fields too.
    let upper = row.checked_sub(1).and_then(|r| grid.get(r)).filter(|r| {
        r.iter()
            .filter(|c| field_of(&text(Some(c))).is_some())
            .count()
            >= 2
    });
    let width = grid[row].len().max(upper.map_or(0, Vec::len));
    for column in 0..width {
        let header = text(grid[row].get(column));
        // In a two-row header, a cell merged across columns names the group
        // ("责任" over 领导 and 部门); the row above says it when this one is empty.
        let header = if header.is_empty()
            && let Some(upper) = upper
        {
            text(upper.get(column))
        } else {
            header
        };
        if header.is_empty() {
            continue;
        }
        // Names may fill several columns; any other field is read from its
        // first column, and a second one is kept as written.
        match field_of(&header) {
            Some(field)
                if columns.column(field).is_none()
                    || matches!(field, Field::Leader | Field::Department | Field::Partners) =>
            {
                columns.fields.push((field, column));
            }
            _ => columns.extra.push((header, column)),
        }
    }
    Ok(columns)
}

/// The error for a sheet with no header: the words found, the words looked for.
fn not_found(grid: &Grid, sheet: Option<&str>) -> Failure {
    // The first of the fullest rows: a table's header is above its rows.
    let filled = |r: &Vec<calamine::Data>| r.iter().filter(|c| !is_blank(c)).count();
    let fullest = grid
        .iter()
        .take(HEADER_ROWS)
        .fold(None::<&Vec<calamine::Data>>, |best, r| match best {
            Some(b) if filled(b) >= filled(r) => Some(b),
            _ => Some(r),
        });
    let found: Vec<String> = fullest
        .map(|r| {
            r.iter()
                .map(|c| text(Some(c)))
                .filter(|t| !t.is_empty())
                .take(12)
                .map(|t| format!("'{}'", t.chars().take(20).collect::<String>()))
                .collect()
        })
        .unwrap_or_default();
    let found = if found.is_empty() {
        "no text".to_owned()
    } else {
        found.join(", ")
    };
    let looked: Vec<&str> = SYNONYMS
        .iter()
        .flat_map(|(_, words)| words.iter().take(3).copied())
        .collect();
    let failure = Failure::new(
        format!("no header row found in the first {HEADER_ROWS} rows: found {found}"),
        Some(format!(
            "a ledger's header names the problem (问题) or its measures (整改措施) and one more column; looked for: {}",
            looked.join(" ")
        )),
    );
    match sheet {
        Some(s) => failure.in_sheet(s),
        None => failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_by_their_longest_word() {
        let table = [
            ("整改完成情况", Some(Field::Progress)),
            ("完成情况", Some(Field::Status)),
            ("责任单位", Some(Field::Department)),
            ("被巡察单位", Some(Field::Unit)),
            ("问题类别", Some(Field::Category)),
            ("巡察反馈问题", Some(Field::Problem)),
            ("整改时限（年月日）", Some(Field::Deadline)),
            ("配合部门", Some(Field::Partners)),
            ("是否销号", Some(Field::Status)),
            ("序  号", Some(Field::Number)),
            ("备注", None),
        ];
        for (header, field) in table {
            assert_eq!(field_of(header), field, "{header}");
        }
    }
}
