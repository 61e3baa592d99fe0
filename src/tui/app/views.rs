//! What each view's rows are: how many, and what opening one leads to.

use super::{App, Level, View};
use crate::model::ItemList;
use crate::stats::ItemPath;
use crate::tui::rows::MoneyRow;

/// What an item's view points at: a figure, or the entry of the row it was
/// opened from when that row is not a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The selected figure.
    #[default]
    Figure,
    /// The item's deadline: opened from the Deadlines tab.
    Deadline,
    /// The item's amount not stated at this index: opened from Amounts.
    Unstated(usize),
}

impl App {
    /// The item behind row `index` of a problem view: measures first, then ongoing items.
    pub fn item_path(&self, r: usize, p: usize, index: usize) -> Option<ItemPath> {
        let problem = self.data.problem(r, p)?;
        let (list, item) = if index < problem.measures.len() {
            (ItemList::Measures, index)
        } else {
            (ItemList::Ongoing, index - problem.measures.len())
        };
        let path = ItemPath {
            report: r,
            problem: p,
            list,
            item,
        };
        path.resolve(&self.data).map(|_| path)
    }

    /// What row `at` of a report's table is: `None` for the row of its
    /// general paragraphs, `Some(problem)` for a problem; absent past the end.
    pub fn report_row(&self, r: usize, at: usize) -> Option<Option<usize>> {
        if self.rows.report_has_general(&self.data, r) {
            if at == 0 {
                return Some(None);
            }
            return self
                .rows
                .report_problems(&self.data, r)
                .nth(at - 1)
                .map(Some);
        }
        self.rows.report_problems(&self.data, r).nth(at).map(Some)
    }

    /// How many selectable rows a view has.
    pub fn row_count(&self, view: View) -> usize {
        match view {
            View::Overview => self.rows.overview.len(),
            View::Units => self.rows.board.units.len(),
            View::Problems => self.rows.problems.len(),
            View::Owners => self.rows.owners.len(),
            View::Owner(o) => self.rows.owner_problems(&self.data, o).count(),
            View::Amounts => self.rows.money.len(),
            View::Land => self.rows.land.len(),
            View::Deadlines => self.rows.deadlines.len(),
            View::Report(r) => {
                usize::from(self.rows.report_has_general(&self.data, r))
                    + self.rows.report_problems(&self.data, r).count()
            }
            View::General(r) => self.data.reports.get(r).map_or(0, |x| x.general.len()),
            View::Problem(r, p) => self
                .data
                .problem(r, p)
                .map_or(0, |p| p.measures.len() + p.ongoing.len()),
            View::Item(path) => path.resolve(&self.data).map_or(0, |m| m.figures.len()),
        }
    }

    /// The level one deeper from the selected row, if there is one.
    pub(super) fn child(&self, level: Level) -> Option<Level> {
        let at = level.selected;
        let item = |item: ItemPath, figure: usize| Level {
            view: View::Item(item),
            selected: figure,
            offset: 0,
            focus: Focus::Figure,
        };
        let pointed = |item: ItemPath, focus: Focus| Level {
            view: View::Item(item),
            selected: 0,
            offset: 0,
            focus,
        };
        match level.view {
            View::Overview => self
                .rows
                .overview
                .get(at)
                .map(|&r| Level::new(View::Report(r))),
            View::Units => self
                .rows
                .board
                .units
                .get(at)
                .map(|u| Level::new(View::Report(u.report))),
            View::Problems => self
                .rows
                .problems
                .get(at)
                .map(|&(r, p)| Level::new(View::Problem(r, p))),
            View::Owners => (at < self.rows.owners.len()).then(|| Level::new(View::Owner(at))),
            View::Owner(o) => self
                .rows
                .owner_problems(&self.data, o)
                .nth(at)
                .map(|(r, p)| Level::new(View::Problem(r, p))),
            View::Report(r) => match self.report_row(r, at)? {
                None => Some(Level::new(View::General(r))),
                Some(p) => Some(Level::new(View::Problem(r, p))),
            },
            View::General(r) => {
                let path = ItemPath::general(r, at);
                path.resolve(&self.data).map(|_| item(path, 0))
            }
            View::Problem(r, p) => self.item_path(r, p, at).map(|path| item(path, 0)),
            View::Amounts => match self.rows.money.get(at)? {
                MoneyRow::Achieved(f) | MoneyRow::Listed(f) | MoneyRow::NotSummed(f) => {
                    Some(item(f.item, f.figure))
                }
                MoneyRow::Unstated(u) => Some(pointed(u.item, Focus::Unstated(u.index))),
            },
            View::Land => self.rows.land.get(at).map(|f| item(f.item, f.figure)),
            View::Deadlines => self
                .rows
                .deadlines
                .get(at)
                .and_then(|&i| self.stats.deadlines.get(i))
                .map(|d| match d.item {
                    Some(path) => pointed(path, Focus::Deadline),
                    // A problem's own deadline opens the problem.
                    None => Level::new(View::Problem(d.report, d.problem)),
                }),
            View::Item(_) => None,
        }
    }
}
