//! Incremental search: which rows of a view match the query. Chinese matches as
//! a substring; Latin letters match case-insensitively. Only visible rows are
//! tested per frame, and `n` / `N` stop at the first match, so input never waits
//! for a scan of the whole dataset.

use crate::model::{Dataset, Measure};
use crate::stats::ItemPath;

use super::app::{App, View};
use super::rows::MoneyRow;

/// True when `needle` occurs in `hay`, ignoring ASCII case; the empty needle matches.
pub fn contains(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    // Byte windows are safe on UTF-8: a match of valid UTF-8 bytes starts and ends
    // on character boundaries, and ASCII folding never touches multi-byte sequences.
    h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

fn item_matches(item: &Measure, q: &str) -> bool {
    contains(&item.text, q)
        || item.figures.iter().any(|f| contains(&f.label, q))
        || item.deadline.as_ref().is_some_and(|d| contains(&d.text, q))
}

fn problem_matches(data: &Dataset, r: usize, p: usize, q: &str) -> bool {
    let Some(problem) = data
        .reports
        .get(r)
        .and_then(|report| report.problems.get(p))
    else {
        return false;
    };
    problem.title.as_deref().is_some_and(|t| contains(t, q))
        || problem
            .measures
            .iter()
            .chain(&problem.ongoing)
            .any(|m| item_matches(m, q))
}

fn report_matches(data: &Dataset, r: usize, q: &str) -> bool {
    let Some(report) = data.reports.get(r) else {
        return false;
    };
    contains(&report.title, q)
        || contains(&report.issuer, q)
        || (0..report.problems.len()).any(|p| problem_matches(data, r, p, q))
}

fn path_matches(data: &Dataset, path: ItemPath, q: &str) -> bool {
    path.resolve(data).is_some_and(|m| item_matches(m, q))
}

/// Whether row `index` of a view matches the query.
pub fn row_matches(app: &App, view: View, index: usize, q: &str) -> bool {
    let data = &app.data;
    match view {
        View::Overview => app
            .rows
            .overview
            .get(index)
            .is_some_and(|&r| report_matches(data, r, q)),
        View::Problems => app
            .rows
            .problems
            .get(index)
            .is_some_and(|&(r, p)| problem_matches(data, r, p, q)),
        View::Amounts => match app.rows.money.get(index) {
            Some(MoneyRow::Achieved(f) | MoneyRow::NotSummed(f)) => {
                f.resolve(data)
                    .is_some_and(|fig| contains(&fig.label, q) || contains(&fig.quote, q))
                    || path_matches(data, f.item, q)
            }
            Some(MoneyRow::Unstated(u)) => path_matches(data, u.item, q),
            None => false,
        },
        View::Land => app.rows.land.get(index).is_some_and(|f| {
            f.resolve(data).is_some_and(|fig| contains(&fig.label, q))
                || path_matches(data, f.item, q)
        }),
        View::Deadlines => app
            .rows
            .deadlines
            .get(index)
            .and_then(|&i| app.stats.deadlines.get(i))
            .is_some_and(|d| path_matches(data, d.item, q)),
        View::Report(r) => app
            .rows
            .report_problems(data, r)
            .nth(index)
            .is_some_and(|p| problem_matches(data, r, p, q)),
        View::Problem(r, p) => app
            .item_path(r, p, index)
            .is_some_and(|path| path_matches(data, path, q)),
        View::Item(path) => path
            .resolve(data)
            .and_then(|m| m.figures.get(index))
            .is_some_and(|f| {
                contains(&f.label, q) || contains(&f.quote, q) || contains(&f.text, q)
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_chinese_substrings_and_latin_without_case() {
        assert!(contains("盘活存量建设用地849.56亩", "存量建设"));
        assert!(contains("OA办公系统", "oa办公"));
        assert!(contains("REITs项目", "reits"));
        assert!(!contains("新旧动能", "动能转换"));
        assert!(contains("anything", ""));
        assert!(!contains("", "x"));
    }
}
