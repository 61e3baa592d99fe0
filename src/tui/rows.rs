//! The rows of each table after filters and sorting: derived once when the data,
//! a filter or a sort order changes, never per frame.

use std::collections::HashSet;

use rust_decimal::Decimal;

mod changed;

use super::action::Tab;
use crate::board::{self, Board, OwnerKind, OwnerRow, Rank};
use crate::model::{Dataset, Status};
use crate::stats::{Bucket, FigurePath, ItemPath, MoneySection, Stats, UnstatedEntry};

/// The active filters; they persist while drilling down and back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only problems with this status (and what belongs to them).
    pub status: Option<Status>,
    /// Only problems with an overdue deadline, and only overdue deadlines.
    pub overdue_only: bool,
    /// Only problems that changed since the older version (`--since`, `c`).
    pub changed_only: bool,
}

impl Filter {
    /// True when any filter narrows the rows.
    pub fn is_active(&self) -> bool {
        self.status.is_some() || self.overdue_only || self.changed_only
    }

    /// The next status filter: all → open → closed → long-term → all.
    pub fn next_status(status: Option<Status>) -> Option<Status> {
        match status {
            None => Some(Status::Open),
            Some(Status::Open) => Some(Status::Closed),
            Some(Status::Closed) => Some(Status::LongTerm),
            Some(Status::LongTerm) => None,
        }
    }
}

/// A row of the Amounts table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyRow {
    /// An achieved figure, added into its kind's total.
    Achieved(FigurePath),
    /// An achieved figure listed under its kind's total but not added: it
    /// overlaps another, or the report states its own total of the kind.
    Listed(FigurePath),
    /// A target, forecast or plan: never added in.
    NotSummed(FigurePath),
    /// Money mentioned without an amount.
    Unstated(UnstatedEntry),
}

impl MoneyRow {
    /// The figure of the row, if it has one.
    pub fn figure(&self) -> Option<FigurePath> {
        match self {
            Self::Achieved(f) | Self::Listed(f) | Self::NotSummed(f) => Some(*f),
            Self::Unstated(_) => None,
        }
    }

    /// The item the row's figure or mention sits in.
    pub fn item(&self) -> ItemPath {
        match self {
            Self::Achieved(f) | Self::Listed(f) | Self::NotSummed(f) => f.item,
            Self::Unstated(u) => u.item,
        }
    }

    fn report(&self) -> usize {
        self.item().report
    }

    /// The rank of the row within its section: added, listed, not added, unstated.
    fn rank(&self) -> u8 {
        match self {
            Self::Achieved(_) => 0,
            Self::Listed(_) => 1,
            Self::NotSummed(_) => 2,
            Self::Unstated(_) => 3,
        }
    }
}

/// How many sort orders each tab has; `s` cycles through them.
pub fn sort_orders(tab: Tab) -> usize {
    match tab {
        Tab::Overview => 4,
        // Highest rate first, lowest first.
        Tab::Units => 2,
        Tab::Problems => 4,
        // Most overdue first; the kind of owner has its own key.
        Tab::Owners => 1,
        Tab::Amounts => 3,
        Tab::Land => 2,
        Tab::Deadlines => 3,
    }
}

/// The column of the tab's table that a sort order sorts by, for the ▼ mark.
pub fn sorted_column(tab: Tab, order: usize) -> usize {
    match (tab, order) {
        // Overview table: issuer, closed, open, long-term, overdue, published.
        (Tab::Overview, 0) => 2,
        (Tab::Overview, 1) => 4,
        (Tab::Overview, 2) => 1,
        (Tab::Overview, _) => 5,
        // Problems: report, number, title, status, measures, figures, deadline.
        // Units: unit, rate, total, closed, open, long-term, overdue, due soon, note.
        (Tab::Units, _) => 1,
        // Owners: name, problems, overdue, due soon, open, closed, long-term.
        (Tab::Owners, _) => 2,
        (Tab::Problems, 0) => 0,
        (Tab::Problems, 1) => 3,
        (Tab::Problems, 2) => 6,
        (Tab::Problems, _) => 5,
        // Amounts: section, kind, label, as written, converted, role, report.
        (Tab::Amounts, 0) => 1,
        (Tab::Amounts, 1) => 4,
        (Tab::Amounts, _) => 6,
        // Land: kind, label, as written, converted, role, report.
        (Tab::Land, 0) => 0,
        (Tab::Land, _) => 3,
        // Deadlines: status, date, text, report, problem, item.
        (Tab::Deadlines, 0) => 1,
        (Tab::Deadlines, 1) => 0,
        (Tab::Deadlines, _) => 3,
    }
}

/// The rows of every table, filtered and sorted.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// Report indices for the Overview.
    pub overview: Vec<usize>,
    /// The units ranked, with the totals over them, for the Units tab.
    pub board: Board,
    /// Leaders or lead departments, most overdue first, for the Owners tab.
    pub owners: Vec<OwnerRow>,
    /// (report, problem) for the Problems tab.
    pub problems: Vec<(usize, usize)>,
    /// The Amounts table.
    pub money: Vec<MoneyRow>,
    /// The Land table.
    pub land: Vec<FigurePath>,
    /// Indices into `Stats::deadlines` for the Deadlines tab.
    pub deadlines: Vec<usize>,
    /// Problems with an overdue deadline.
    overdue: HashSet<(usize, usize)>,
    /// The filter the rows were derived with.
    filter: Filter,
    /// With the changes filter, the problems that changed (see `keep_changed`).
    changed: Option<HashSet<(usize, usize)>>,
}

impl Rows {
    /// The rows of every table under a filter and the sort order of each tab.
    pub fn derive(
        data: &Dataset,
        stats: &Stats,
        filter: Filter,
        sort: &[usize; Tab::COUNT],
        owners: OwnerKind,
    ) -> Self {
        // Only the overdue filter needs the set; building it for every derive
        // would cost more than the rest while reports are arriving.
        let overdue: HashSet<(usize, usize)> = if filter.overdue_only {
            stats
                .deadlines
                .iter()
                .filter(|d| d.bucket == Bucket::Overdue)
                .map(|d| (d.report, d.problem))
                .collect()
        } else {
            HashSet::new()
        };
        let mut rows = Self {
            overdue,
            filter,
            ..Self::default()
        };
        let passes = |r: usize, p: usize| rows.problem_passes(data, r, p);

        let mut overview: Vec<usize> = (0..data.reports.len()).collect();
        let stat = |r: usize| stats.reports.get(r);
        match sort[Tab::Overview.index()] {
            0 => overview
                .sort_by_key(|&r| std::cmp::Reverse(stat(r).map_or(0, |s| s.problems.open.value))),
            1 => overview
                .sort_by_key(|&r| std::cmp::Reverse(stat(r).map_or(0, |s| s.deadlines.overdue))),
            2 => overview.sort_by_key(|&r| {
                std::cmp::Reverse(stat(r).map_or(0, |s| s.problems.closed.value))
            }),
            _ => overview.sort_by_key(|&r| std::cmp::Reverse(data.reports[r].published)),
        }
        // A filter on problems keeps the reports with a problem that passes it.
        if filter.is_active() {
            overview.retain(|&r| (0..data.reports[r].problems.len()).any(|p| passes(r, p)));
        }

        let mut problems: Vec<(usize, usize)> = data
            .reports
            .iter()
            .enumerate()
            .flat_map(|(r, report)| (0..report.problems.len()).map(move |p| (r, p)))
            .filter(|&(r, p)| passes(r, p))
            .collect();
        let problem = |&(r, p): &(usize, usize)| &data.reports[r].problems[p];
        match sort[Tab::Problems.index()] {
            0 => {}
            1 => problems.sort_by_key(|k| {
                // Open first: what still needs attention.
                match problem(k).status {
                    Status::Open => 0,
                    Status::LongTerm => 1,
                    Status::Closed => 2,
                }
            }),
            2 => problems.sort_by_key(|k| {
                let d = super::ui::nearest_deadline(problem(k));
                (d.is_none(), d)
            }),
            _ => problems.sort_by_key(|k| {
                let p = problem(k);
                std::cmp::Reverse(
                    p.measures
                        .iter()
                        .chain(&p.ongoing)
                        .map(|m| m.figures.len())
                        .sum::<usize>(),
                )
            }),
        }

        let mut money: Vec<MoneyRow> = stats
            .totals
            .money
            .iter()
            .flat_map(|m| {
                m.figures.iter().enumerate().map(|(i, f)| {
                    if i < m.added {
                        MoneyRow::Achieved(*f)
                    } else {
                        MoneyRow::Listed(*f)
                    }
                })
            })
            .collect();
        money.extend(
            stats
                .reports
                .iter()
                .flat_map(|r| r.money_other.iter().map(|f| MoneyRow::NotSummed(*f))),
        );
        money.extend(
            stats
                .reports
                .iter()
                .flat_map(|r| r.unstated.iter().map(|u| MoneyRow::Unstated(*u))),
        );
        money.retain(|m| rows.item_passes(data, m.item()));
        // Yuan and dollars are never compared: by currency first, then largest first.
        let amount = |m: &MoneyRow| {
            m.figure()
                .and_then(|f| f.resolve(data))
                .and_then(|f| Some((f.unit.currency(), f.value.checked_mul(f.unit.factor()?)?)))
                .unwrap_or((None, Decimal::MIN))
        };
        // Recoveries first, economic indicators apart at the end: each
        // section holds its added figures, then those listed, targets and
        // forecasts, and mentions without an amount.
        let section = |m: &MoneyRow| {
            let kind = match m {
                MoneyRow::Unstated(u) => u
                    .item
                    .resolve(data)
                    .and_then(|x| x.unstated.get(u.index))
                    .map(|x| x.kind),
                _ => m.figure().and_then(|f| f.resolve(data)).map(|f| f.kind),
            };
            kind.map_or(MoneySection::Other, MoneySection::of)
        };
        match sort[Tab::Amounts.index()] {
            0 => money.sort_by_key(|m| (section(m), m.rank())),
            1 => money.sort_by_key(|m| {
                let (currency, value) = amount(m);
                (currency.is_none(), currency, std::cmp::Reverse(value))
            }),
            _ => money.sort_by_key(MoneyRow::report),
        }

        let mut land: Vec<FigurePath> = stats
            .totals
            .land
            .iter()
            .flat_map(|l| l.figures.iter().copied())
            .collect();
        land.extend(
            stats
                .reports
                .iter()
                .flat_map(|r| r.land_other.iter().copied()),
        );
        land.retain(|f| rows.item_passes(data, f.item));
        if sort[Tab::Land.index()] == 1 {
            land.sort_by_key(|f| {
                std::cmp::Reverse(
                    f.resolve(data)
                        .and_then(|f| f.value.checked_mul(f.unit.factor()?))
                        .unwrap_or(Decimal::MIN),
                )
            });
        }

        let mut deadlines: Vec<usize> = (0..stats.deadlines.len())
            .filter(|&i| {
                let d = &stats.deadlines[i];
                passes(d.report, d.problem) && (!filter.overdue_only || d.bucket == Bucket::Overdue)
            })
            .collect();
        match sort[Tab::Deadlines.index()] {
            0 => {}
            1 => deadlines.sort_by_key(|&i| stats.deadlines[i].bucket),
            _ => deadlines.sort_by_key(|&i| stats.deadlines[i].report),
        }

        let rank = if sort[Tab::Units.index()] == 1 {
            Rank::WorstFirst
        } else {
            Rank::BestFirst
        };
        rows.board = Board::compute(data, stats, rank);
        rows.owners = board::owners(data, stats.as_of, owners);
        rows.overview = overview;
        rows.problems = problems;
        rows.money = money;
        rows.land = land;
        rows.deadlines = deadlines;
        rows
    }

    /// Whether a problem passes the filter.
    pub fn problem_passes(&self, data: &Dataset, r: usize, p: usize) -> bool {
        let Some(problem) = data.problem(r, p) else {
            return false;
        };
        self.filter.status.is_none_or(|s| problem.status == s)
            && (!self.filter.overdue_only || self.overdue.contains(&(r, p)))
            && self.changed.as_ref().is_none_or(|c| c.contains(&(r, p)))
    }

    /// Whether an item passes the filter: a paragraph about the report as a
    /// whole belongs to no problem, so any filter on problems hides it.
    pub fn item_passes(&self, data: &Dataset, item: ItemPath) -> bool {
        if item.is_general() {
            return !self.filter.is_active();
        }
        self.problem_passes(data, item.report, item.problem)
    }

    /// Whether a report's table starts with a row for its general paragraphs:
    /// when it has some and no filter on problems hides them.
    pub fn report_has_general(&self, data: &Dataset, r: usize) -> bool {
        !self.filter.is_active() && data.reports.get(r).is_some_and(|x| !x.general.is_empty())
    }

    /// The problems of one owner that pass the filter, in dataset order.
    pub fn owner_problems<'a>(
        &'a self,
        data: &'a Dataset,
        owner: usize,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.owners
            .get(owner)
            .map_or(&[][..], |o| o.problems.as_slice())
            .iter()
            .copied()
            .filter(move |&(r, p)| self.problem_passes(data, r, p))
    }

    /// The problems of one report that pass the filter, in printed order.
    pub fn report_problems<'a>(
        &'a self,
        data: &'a Dataset,
        r: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let count = data
            .reports
            .get(r)
            .map_or(0, |report| report.problems.len());
        (0..count).filter(move |&p| self.problem_passes(data, r, p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Currency;

    /// Sorting Amounts by amount never ranks dollars among yuan: CNY first, then
    /// USD, each largest first.
    #[test]
    fn amount_sort_keeps_currencies_apart() {
        let loaded = crate::load::load(&[]).unwrap();
        let as_of = chrono::NaiveDate::from_ymd_opt(2022, 1, 15).unwrap();
        let stats = Stats::compute(&loaded.dataset, as_of);
        let mut sort = [0; Tab::COUNT];
        sort[Tab::Amounts.index()] = 1;
        let rows = Rows::derive(
            &loaded.dataset,
            &stats,
            Filter::default(),
            &sort,
            OwnerKind::default(),
        );
        let keyed: Vec<(Currency, Decimal)> = rows
            .money
            .iter()
            .filter_map(|m| match m {
                MoneyRow::Achieved(f) | MoneyRow::Listed(f) | MoneyRow::NotSummed(f) => {
                    let f = f.resolve(&loaded.dataset)?;
                    Some((f.unit.currency()?, f.value * f.unit.factor()?))
                }
                MoneyRow::Unstated(_) => None,
            })
            .collect();
        let first_usd = keyed.iter().position(|(c, _)| *c == Currency::Usd).unwrap();
        assert!(keyed[..first_usd].iter().all(|(c, _)| *c == Currency::Cny));
        assert!(keyed[first_usd..].iter().all(|(c, _)| *c == Currency::Usd));
        for part in [&keyed[..first_usd], &keyed[first_usd..]] {
            assert!(part.windows(2).all(|w| w[0].1 >= w[1].1), "{part:?}");
        }
    }
}
