//! The dashboard's state: data, statistics and view state, changed only by `update`.

use crate::format::{AreaUnit, MoneyScale};
use crate::i18n::Lang;
use crate::model::{Dataset, ItemList};
use crate::stats::{FigurePath, ItemPath, Stats, UnstatedEntry};

use super::action::{Action, Tab};
use super::keys::Scope;

/// One screen a user can be on: a tab's top level or a level of drill-down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The Overview tab: one entry per report.
    Overview,
    /// The Problems tab: every problem across reports.
    Problems,
    /// The Amounts tab: money figures.
    Amounts,
    /// The Land tab: land figures.
    Land,
    /// The Deadlines tab: items with deadlines.
    Deadlines,
    /// One report and its problems.
    Report(usize),
    /// One problem and its measures and ongoing items.
    Problem(usize, usize),
    /// One measure or ongoing item: its text, figures and their sources.
    Item(ItemPath),
}

/// A view with its selection and scroll, kept on the navigation stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    /// What is shown.
    pub view: View,
    /// The selected row.
    pub selected: usize,
    /// The first visible row.
    pub offset: usize,
}

impl Level {
    fn new(view: View) -> Self {
        Self {
            view,
            selected: 0,
            offset: 0,
        }
    }
}

/// A row of the Amounts table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyRow {
    /// An achieved figure, added into its kind's total (or overlapping, listed only).
    Achieved(FigurePath),
    /// A target, forecast or plan: never added in.
    NotSummed(FigurePath),
    /// Money mentioned without an amount.
    Unstated(UnstatedEntry),
}

/// Rows of the tables, derived once per load so that frames only format what is visible.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// Report indices for the Overview, most open problems first.
    pub overview: Vec<usize>,
    /// (report, problem) for every problem, in report order.
    pub problems: Vec<(usize, usize)>,
    /// The Amounts table: achieved by kind (recovered first), then not summed, then unstated.
    pub money: Vec<MoneyRow>,
    /// The Land table: achieved by kind, then targets and forecasts.
    pub land: Vec<FigurePath>,
}

impl Rows {
    fn derive(data: &Dataset, stats: &Stats) -> Self {
        let problems = data
            .reports
            .iter()
            .enumerate()
            .flat_map(|(r, report)| (0..report.problems.len()).map(move |p| (r, p)))
            .collect();
        let mut money: Vec<MoneyRow> = stats
            .totals
            .money
            .iter()
            .flat_map(|m| m.figures.iter().map(|f| MoneyRow::Achieved(*f)))
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
        let mut overview: Vec<usize> = (0..data.reports.len()).collect();
        overview.sort_by_key(|&r| {
            std::cmp::Reverse(stats.reports.get(r).map_or(0, |s| s.problems.open.value))
        });
        Self {
            overview,
            problems,
            money,
            land,
        }
    }
}

/// The whole state of the dashboard.
#[derive(Debug, Clone)]
pub struct App {
    /// The loaded reports.
    pub data: Dataset,
    /// Figures derived from them.
    pub stats: Stats,
    /// Table rows derived from them.
    pub rows: Rows,
    /// The interface language.
    pub lang: Lang,
    /// The current tab.
    pub tab: Tab,
    /// One navigation stack per tab; never empty.
    stacks: [Vec<Level>; 5],
    /// How money is shown.
    pub money_scale: MoneyScale,
    /// How land is shown.
    pub area_unit: AreaUnit,
    /// The terminal size, for page movements.
    pub size: (u16, u16),
    /// Set when the user asked to leave.
    pub should_quit: bool,
}

/// Rows of chrome around a table body: header, tabs, borders, table header, footer.
const CHROME_ROWS: u16 = 8;

impl App {
    /// A dashboard on a dataset, as of the statistics' date.
    pub fn new(data: Dataset, stats: Stats, lang: Lang) -> Self {
        let rows = Rows::derive(&data, &stats);
        let top = |view| vec![Level::new(view)];
        Self {
            data,
            stats,
            rows,
            lang,
            tab: Tab::Overview,
            stacks: [
                top(View::Overview),
                top(View::Problems),
                top(View::Amounts),
                top(View::Land),
                top(View::Deadlines),
            ],
            money_scale: MoneyScale::default(),
            area_unit: AreaUnit::default(),
            size: (120, 40),
            should_quit: false,
        }
    }

    /// The navigation stack of the current tab, top level first.
    pub fn stack(&self) -> &[Level] {
        &self.stacks[self.tab.index()]
    }

    /// The level on screen.
    pub fn level(&self) -> Level {
        let stack = self.stack();
        stack[stack.len() - 1]
    }

    fn level_mut(&mut self) -> &mut Level {
        let stack = &mut self.stacks[self.tab.index()];
        let last = stack.len() - 1;
        &mut stack[last]
    }

    /// Whether bindings of a scope apply on the current view.
    pub fn in_scope(&self, scope: Scope) -> bool {
        match scope {
            Scope::Always => true,
            Scope::Drilled => self.stack().len() > 1,
            Scope::Units => matches!(self.tab, Tab::Amounts | Tab::Land),
        }
    }

    /// How many selectable rows a view has.
    pub fn row_count(&self, view: View) -> usize {
        match view {
            View::Overview => self.data.reports.len(),
            View::Problems => self.rows.problems.len(),
            View::Amounts => self.rows.money.len(),
            View::Land => self.rows.land.len(),
            View::Deadlines => self.stats.deadlines.len(),
            View::Report(r) => self.data.reports.get(r).map_or(0, |r| r.problems.len()),
            View::Problem(r, p) => self
                .data
                .reports
                .get(r)
                .and_then(|r| r.problems.get(p))
                .map_or(0, |p| p.measures.len() + p.ongoing.len()),
            View::Item(path) => path.resolve(&self.data).map_or(0, |m| m.figures.len()),
        }
    }

    /// The level one deeper from the selected row, if there is one.
    fn child(&self, level: Level) -> Option<Level> {
        let at = level.selected;
        let item = |item: ItemPath, figure: usize| Level {
            view: View::Item(item),
            selected: figure,
            offset: 0,
        };
        match level.view {
            View::Overview => self
                .rows
                .overview
                .get(at)
                .map(|&r| Level::new(View::Report(r))),
            View::Problems => self
                .rows
                .problems
                .get(at)
                .map(|&(r, p)| Level::new(View::Problem(r, p))),
            View::Report(r) => {
                (at < self.row_count(level.view)).then(|| Level::new(View::Problem(r, at)))
            }
            View::Problem(r, p) => {
                let problem = self.data.reports.get(r)?.problems.get(p)?;
                let (list, index) = if at < problem.measures.len() {
                    (ItemList::Measures, at)
                } else {
                    (ItemList::Ongoing, at - problem.measures.len())
                };
                let path = ItemPath {
                    report: r,
                    problem: p,
                    list,
                    item: index,
                };
                path.resolve(&self.data).map(|_| item(path, 0))
            }
            View::Amounts => match self.rows.money.get(at)? {
                MoneyRow::Achieved(f) | MoneyRow::NotSummed(f) => Some(item(f.item, f.figure)),
                MoneyRow::Unstated(u) => Some(item(u.item, 0)),
            },
            View::Land => self.rows.land.get(at).map(|f| item(f.item, f.figure)),
            View::Deadlines => self.stats.deadlines.get(at).map(|d| item(d.item, 0)),
            View::Item(_) => None,
        }
    }

    /// Rows that fit in the body at the current size.
    pub fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(CHROME_ROWS)).max(1)
    }

    /// Applies an action; the only way the state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.should_quit = true,
            Action::NextTab => self.tab = Tab::at(self.tab.index() + 1),
            Action::PrevTab => self.tab = Tab::at(self.tab.index() + Tab::ALL.len() - 1),
            Action::Tab(tab) => self.tab = tab,
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(usize::MAX),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::HalfPageUp => self.move_by(-((self.page() / 2).max(1) as isize)),
            Action::HalfPageDown => self.move_by((self.page() / 2).max(1) as isize),
            Action::Enter => {
                if let Some(child) = self.child(self.level()) {
                    self.stacks[self.tab.index()].push(child);
                    self.keep_visible();
                }
            }
            Action::Back => {
                let stack = &mut self.stacks[self.tab.index()];
                if stack.len() > 1 {
                    stack.pop();
                }
            }
            Action::CycleUnit => match self.tab {
                Tab::Amounts => self.money_scale = self.money_scale.next(),
                Tab::Land => self.area_unit = self.area_unit.toggle(),
                _ => {}
            },
            Action::ToggleLang => self.lang = self.lang.toggle(),
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.keep_visible();
            }
        }
    }

    fn move_by(&mut self, delta: isize) {
        let selected = self.level().selected;
        let target = if delta < 0 {
            selected.saturating_sub(delta.unsigned_abs())
        } else {
            selected.saturating_add(delta as usize)
        };
        self.move_to(target);
    }

    fn move_to(&mut self, target: usize) {
        let count = self.row_count(self.level().view);
        let level = self.level_mut();
        level.selected = target.min(count.saturating_sub(1));
        self.keep_visible();
    }

    /// Scrolls so that the selected row is within the page.
    fn keep_visible(&mut self) {
        let page = self.page();
        let level = self.level_mut();
        if level.selected < level.offset {
            level.offset = level.selected;
        } else if level.selected >= level.offset + page {
            level.offset = level.selected + 1 - page;
        }
    }
}
