//! The rows of a ledger sheet: the title above the header; below it section
//! rows (categories), footers (填表人, 填报日期), notes (注：), blank rows,
//! and problems that take one row or several.

use chrono::NaiveDate;

use super::deadline::date_in;
use super::header::{Columns, Field};
use super::merges::Layout;
use super::{Grid, is_blank, text};

/// What stands above the header.
#[derive(Debug, Clone, Default)]
pub struct Head {
    /// The title row ("××局党组关于县委第×巡察组反馈意见整改落实台账").
    pub title: Option<String>,
    /// The date of a subtitle ("（截至2023年9月30日）").
    pub as_of: Option<NaiveDate>,
    /// The inspection's feedback date, where a row above the header gives it.
    pub feedback: Option<NaiveDate>,
}

/// One problem: its rows (from 0) and the categories it sits under.
#[derive(Debug, Clone)]
pub struct Item {
    /// The rows, in order; the first holds the number and the problem.
    pub rows: Vec<usize>,
    /// The section rows above it, outermost first.
    pub category: Vec<String>,
}

/// The rows below the header, sorted out.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The problems.
    pub items: Vec<Item>,
    /// The day of a 填报日期 footer.
    pub filled_in: Option<NaiveDate>,
    /// Telephone numbers of a 联系电话 footer.
    pub phones: Vec<String>,
}

/// The distinct texts of a row that are its own (not filled down from a merge).
fn own_texts(grid: &Grid, layout: &Layout, row: usize) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for (column, cell) in grid[row].iter().enumerate() {
        let t = text(Some(cell));
        if !t.is_empty() && !layout.is_filled(row, column) && !texts.contains(&t) {
            texts.push(t);
        }
    }
    texts
}

/// Reads the rows above the header.
pub fn head(grid: &Grid, layout: &Layout, header: usize) -> Head {
    let mut head = Head::default();
    for row in 0..header.min(grid.len()) {
        for t in own_texts(grid, layout, row) {
            if t.contains("反馈") && date_in(&t).is_some() && !t.contains("截至") {
                head.feedback = date_in(&t);
            } else if t.contains("截至") || t.contains("截止") {
                head.as_of = date_in(&t);
            } else if head.title.is_none() && t.chars().count() >= 4 {
                head.title = Some(t.split_whitespace().collect::<Vec<_>>().join(""));
            }
        }
    }
    head
}

/// The nesting level of a section heading: 一、 is 0, （一） is 1; `None`
/// when the text is not numbered like a section.
fn section_level(t: &str) -> Option<usize> {
    let numeral = |s: &str| {
        let n = s
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count();
        (n > 0).then_some(n)
    };
    let t = t.trim_start();
    if let Some(n) = numeral(t) {
        let rest: String = t.chars().skip(n).take(1).collect();
        if matches!(rest.as_str(), "、" | "." | "．") {
            return Some(0);
        }
    }
    for open in ['（', '('] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(n) = numeral(rest)
            && rest.chars().nth(n).is_some_and(|c| c == '）' || c == ')')
        {
            return Some(1);
        }
    }
    if t.starts_with('第') && (t.contains("部分") || t.contains("方面")) {
        return Some(0);
    }
    None
}

const FOOTER_WORDS: [&str; 9] = [
    "填表人",
    "填报人",
    "联系电话",
    "填报日期",
    "制表人",
    "审核人",
    "填表日期",
    "联系人",
    "单位负责人",
];

/// Sorts out the rows below the header.
pub fn body(grid: &Grid, layout: &Layout, columns: &Columns) -> Body {
    let mut body = Body::default();
    let mut category: Vec<String> = Vec::new();
    let number_column = columns.column(Field::Number);
    let problem_column = columns.column(Field::Problem);
    let at = |row: usize, column: Option<usize>| -> String {
        column.map_or_else(String::new, |c| text(grid[row].get(c)))
    };
    // The key of the current problem: its number and its text as written.
    let mut current: Option<(String, String)> = None;
    for row in columns.row + 1..grid.len() {
        let texts = own_texts(grid, layout, row);
        let joined = texts.join(" ");
        if FOOTER_WORDS.iter().any(|w| joined.starts_with(w)) {
            if joined.contains("日期") {
                body.filled_in = body.filled_in.or_else(|| date_in(&joined));
            }
            if let Some(at) = joined.find("电话") {
                let digits: String = joined[at..]
                    .chars()
                    .skip_while(|c| !c.is_ascii_digit())
                    .take_while(|c| c.is_ascii_digit() || *c == '-')
                    .collect();
                if !digits.is_empty() {
                    body.phones.push(digits);
                }
            }
            current = None;
            continue;
        }
        if joined.starts_with("注：") || joined.starts_with("注:") || joined.starts_with("说明：")
        {
            current = None;
            continue;
        }
        let number = at(row, number_column);
        let problem = at(row, problem_column);
        let all_blank = grid[row].iter().all(is_blank);
        if all_blank {
            continue;
        }
        if texts.len() == 1 {
            let level = section_level(&texts[0]);
            if level.is_some() || layout.is_wide(row) {
                let level = level.unwrap_or(0);
                category.truncate(level);
                category.push(texts[0].clone());
                current = None;
                continue;
            }
        }
        let filled = |column: Option<usize>| column.is_some_and(|c| layout.is_filled(row, c));
        let continues = match &current {
            None => false,
            Some((n, p)) => {
                (filled(number_column) && !number.is_empty())
                    || (filled(problem_column) && !problem.is_empty() && number.is_empty())
                    || (number == *n && problem == *p)
                    || (number.is_empty() && (problem.is_empty() || problem == *p))
            }
        };
        if continues {
            if let Some(item) = body.items.last_mut() {
                item.rows.push(row);
            }
        } else {
            body.items.push(Item {
                rows: vec![row],
                category: category.clone(),
            });
            current = Some((number, problem));
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_told_by_their_numbering() {
        assert_eq!(section_level("一、贯彻落实党的路线方针政策方面"), Some(0));
        assert_eq!(section_level("（一）党的领导方面"), Some(1));
        assert_eq!(section_level("(二)作风方面"), Some(1));
        assert_eq!(section_level("一是加强学习"), None);
        assert_eq!(section_level("落实不到位"), None);
    }
}
