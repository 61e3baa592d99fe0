//! The dashboard's state: data, statistics and view state, changed only by
//! `update(Action)` — and, for new data from disk, by `replace_data`.

use crate::format::{AreaUnit, MoneyScale};
use crate::i18n::Lang;
use crate::model::{Dataset, ItemList};
use crate::stats::{ItemPath, Stats};

use super::action::{Action, Tab};
use super::keys::Scope;
use super::rows::{Filter, MoneyRow, Rows, sort_orders};
use super::search;

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

/// The search: the query, and whether the user is still typing it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What to look for.
    pub query: String,
    /// True while the search bar takes the keys.
    pub editing: bool,
}

/// Something the run loop must do outside the state: it needs the terminal or the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Read the data files again.
    Reload,
    /// Copy the selected item to the clipboard (OSC 52).
    Copy,
    /// Write the current table as CSV.
    Export,
}

/// The whole state of the dashboard.
#[derive(Debug, Clone)]
pub struct App {
    /// The loaded reports.
    pub data: Dataset,
    /// Figures derived from them.
    pub stats: Stats,
    /// Table rows derived from them under the filter and sort orders.
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
    /// The active filters.
    pub filter: Filter,
    /// The sort order of each tab's table.
    pub sort: [usize; 5],
    /// The search, when one is open or its highlights are shown.
    pub search: Option<Search>,
    /// The help overlay's filter text, when the overlay is open.
    pub help: Option<String>,
    /// A warning shown above the bottom bar until the next good reload.
    pub banner: Option<String>,
    /// A short notice in the bottom bar ("copied", "exported to …").
    pub notice: Option<String>,
    /// Something the run loop must do.
    pub effect: Option<Effect>,
    /// Presentation mode: `Some(paused)` while presenting.
    pub present: Option<bool>,
    /// The terminal size, for page movements.
    pub size: (u16, u16),
    /// Set when the user asked to leave.
    pub should_quit: bool,
}

/// How many rows a keystroke in the search bar looks ahead for a match.
const TYPING_SCAN_ROWS: usize = 2_000;

/// Rows of chrome around a table body: header, tabs, borders, table header, footer.
const CHROME_ROWS: u16 = 8;

impl App {
    /// A dashboard on a dataset, as of the statistics' date.
    pub fn new(data: Dataset, stats: Stats, lang: Lang) -> Self {
        let sort = [0; 5];
        let filter = Filter::default();
        let rows = Rows::derive(&data, &stats, filter, &sort);
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
            filter,
            sort,
            search: None,
            help: None,
            banner: None,
            notice: None,
            effect: None,
            present: None,
            size: (120, 40),
            should_quit: false,
        }
    }

    /// Takes new data read from disk, keeping the tab, the drill-down path and the
    /// selections where they still exist. Data arrives here rather than through an
    /// `Action` because actions are small copyable intents from keys and the mouse.
    pub fn replace_data(&mut self, data: Dataset, stats: Stats) {
        // Levels name reports by position; follow each report by its id instead,
        // so that a report removed or moved in the file is not silently swapped.
        let old_ids: Vec<String> = self.data.reports.iter().map(|r| r.id.clone()).collect();
        let new_index: std::collections::HashMap<&str, usize> = data
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let remap = |r: usize| {
            old_ids
                .get(r)
                .and_then(|id| new_index.get(id.as_str()).copied())
        };
        let stacks: Vec<Vec<Level>> =
            self.stacks
                .iter()
                .map(|stack| {
                    let mut kept = Vec::new();
                    for level in stack {
                        let view = match level.view {
                            View::Report(r) => remap(r).map(View::Report),
                            View::Problem(r, p) => remap(r).map(|r| View::Problem(r, p)),
                            View::Item(path) => remap(path.report)
                                .map(|report| View::Item(ItemPath { report, ..path })),
                            other => Some(other),
                        };
                        match view {
                            Some(view) => kept.push(Level { view, ..*level }),
                            None => break,
                        }
                    }
                    kept
                })
                .collect();
        drop(new_index);
        self.data = data;
        self.stats = stats;
        self.banner = None;
        self.refresh_rows();
        for (t, kept) in stacks.into_iter().enumerate() {
            let count_ok = |app: &App, level: &Level| match level.view {
                View::Report(r) => r < app.data.reports.len(),
                View::Problem(r, p) => app
                    .data
                    .reports
                    .get(r)
                    .is_some_and(|x| p < x.problems.len()),
                View::Item(path) => path.resolve(&app.data).is_some(),
                _ => true,
            };
            let keep = kept.iter().take_while(|l| count_ok(self, l)).count().max(1);
            self.stacks[t] = kept.into_iter().take(keep).collect();
        }
        self.clamp_all();
    }

    /// Shows a warning: the last good data stays on screen.
    pub fn set_banner(&mut self, text: String) {
        self.banner = Some(text);
    }

    fn refresh_rows(&mut self) {
        self.rows = Rows::derive(&self.data, &self.stats, self.filter, &self.sort);
    }

    /// Keeps every selection within its view's rows, e.g. after a filter changed.
    fn clamp_all(&mut self) {
        for t in Tab::ALL {
            let levels: Vec<Level> = self.stacks[t.index()].clone();
            for (i, level) in levels.iter().enumerate() {
                let count = self.row_count(level.view);
                let l = &mut self.stacks[t.index()][i];
                l.selected = l.selected.min(count.saturating_sub(1));
                l.offset = l.offset.min(l.selected);
            }
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

    /// Whether bindings of a scope apply now.
    pub fn in_scope(&self, scope: Scope) -> bool {
        let typing = self.search.as_ref().is_some_and(|s| s.editing);
        match scope {
            Scope::Anywhere => true,
            Scope::Search => typing,
            Scope::Help => self.help.is_some(),
            _ if typing || self.help.is_some() => false,
            _ => self.in_scope_beneath_overlays(scope),
        }
    }

    /// Whether bindings of a scope apply on the view beneath the help overlay and
    /// the search bar, for the help's "applies here" marks.
    pub fn in_scope_beneath_overlays(&self, scope: Scope) -> bool {
        match scope {
            Scope::Search | Scope::Help => false,
            Scope::Anywhere | Scope::Always => true,
            Scope::Drilled => self.stack().len() > 1,
            Scope::Units => matches!(self.tab, Tab::Amounts | Tab::Land),
            Scope::Top => self.stack().len() == 1,
            Scope::Searched => self.search.as_ref().is_some_and(|s| !s.query.is_empty()),
        }
    }

    /// The item behind row `index` of a problem view: measures first, then ongoing items.
    pub fn item_path(&self, r: usize, p: usize, index: usize) -> Option<ItemPath> {
        let problem = self.data.reports.get(r)?.problems.get(p)?;
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

    /// How many selectable rows a view has.
    pub fn row_count(&self, view: View) -> usize {
        match view {
            View::Overview => self.rows.overview.len(),
            View::Problems => self.rows.problems.len(),
            View::Amounts => self.rows.money.len(),
            View::Land => self.rows.land.len(),
            View::Deadlines => self.rows.deadlines.len(),
            View::Report(r) => self.rows.report_problems(&self.data, r).count(),
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
            View::Report(r) => self
                .rows
                .report_problems(&self.data, r)
                .nth(at)
                .map(|p| Level::new(View::Problem(r, p))),
            View::Problem(r, p) => self.item_path(r, p, at).map(|path| item(path, 0)),
            View::Amounts => match self.rows.money.get(at)? {
                MoneyRow::Achieved(f) | MoneyRow::NotSummed(f) => Some(item(f.item, f.figure)),
                MoneyRow::Unstated(u) => Some(item(u.item, 0)),
            },
            View::Land => self.rows.land.get(at).map(|f| item(f.item, f.figure)),
            View::Deadlines => self
                .rows
                .deadlines
                .get(at)
                .and_then(|&i| self.stats.deadlines.get(i))
                .map(|d| item(d.item, 0)),
            View::Item(_) => None,
        }
    }

    /// Rows that fit in the body at the current size.
    pub fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(CHROME_ROWS)).max(1)
    }

    /// The search query whose matches are highlighted, if any.
    pub fn query(&self) -> Option<&str> {
        self.search
            .as_ref()
            .map(|s| s.query.as_str())
            .filter(|q| !q.is_empty())
    }

    /// Applies an action; the only way the view state changes.
    pub fn update(&mut self, action: Action) {
        self.notice = None;
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
            Action::Select(index) => self.move_to(index),
            Action::Enter => self.enter(),
            Action::Back => {
                let stack = &mut self.stacks[self.tab.index()];
                if stack.len() > 1 {
                    stack.pop();
                } else {
                    // At the top, Esc clears the search and the filters.
                    self.search = None;
                    if self.filter.is_active() {
                        self.filter = Filter::default();
                        self.refresh_rows();
                        self.clamp_all();
                    }
                }
            }
            Action::CycleUnit => match self.tab {
                Tab::Amounts => self.money_scale = self.money_scale.next(),
                Tab::Land => self.area_unit = self.area_unit.toggle(),
                _ => {}
            },
            Action::ToggleLang => self.lang = self.lang.toggle(),
            Action::CycleStatusFilter => {
                self.filter.status = Filter::next_status(self.filter.status);
                self.refresh_rows();
                self.clamp_all();
            }
            Action::ToggleOverdue => {
                self.filter.overdue_only = !self.filter.overdue_only;
                self.refresh_rows();
                self.clamp_all();
            }
            Action::CycleSort => {
                let t = self.tab.index();
                self.sort[t] = (self.sort[t] + 1) % sort_orders(self.tab);
                self.refresh_rows();
                self.clamp_all();
            }
            Action::StartSearch => {
                self.search = Some(Search {
                    query: String::new(),
                    editing: true,
                });
            }
            Action::SearchInput(c) => {
                if let Some(s) = &mut self.search {
                    s.query.push(c);
                }
                // While typing, look only a bounded way ahead, so that a key never
                // waits for a scan of every report; n and Enter search them all.
                self.jump_within(true, true, TYPING_SCAN_ROWS);
            }
            Action::SearchBackspace => {
                if let Some(s) = &mut self.search {
                    s.query.pop();
                }
            }
            Action::SearchSubmit => {
                if let Some(s) = &mut self.search {
                    s.editing = false;
                }
                if self.query().is_some() && self.jump_to_match(true, true) {
                    self.enter();
                }
            }
            Action::SearchCancel => self.search = None,
            Action::NextMatch => {
                self.jump_to_match(true, false);
            }
            Action::PrevMatch => {
                self.jump_to_match(false, false);
            }
            Action::ToggleHelp => {
                self.help = match self.help {
                    Some(_) => None,
                    None => Some(String::new()),
                };
            }
            Action::HelpInput(c) => {
                if let Some(h) = &mut self.help {
                    h.push(c);
                }
            }
            Action::HelpBackspace => {
                if let Some(h) = &mut self.help {
                    h.pop();
                }
            }
            Action::Reload => self.effect = Some(Effect::Reload),
            Action::Copy => self.effect = Some(Effect::Copy),
            Action::Export => self.effect = Some(Effect::Export),
            Action::Notice(notice) => self.notice = Some(notice.text(self.lang).to_string()),
            Action::PresentNext => self.present_next(),
            Action::PresentPause => {
                if let Some(paused) = &mut self.present {
                    *paused = !*paused;
                }
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.keep_visible();
            }
        }
    }

    /// Presentation: the next report on Overview, then the next tab, round and round.
    fn present_next(&mut self) {
        let level = self.level();
        if self.tab == Tab::Overview && level.selected + 1 < self.row_count(level.view) {
            self.move_by(1);
            return;
        }
        self.tab = Tab::at(self.tab.index() + 1);
        if self.tab == Tab::Overview {
            self.move_to(0);
        }
    }

    /// Takes the effect the run loop must perform, if any.
    pub fn take_effect(&mut self) -> Option<Effect> {
        self.effect.take()
    }

    /// Sets a free-form notice ("exported to …"), for the run loop after an effect.
    pub fn notify(&mut self, text: String) {
        self.notice = Some(text);
    }

    fn enter(&mut self) {
        if let Some(child) = self.child(self.level()) {
            self.stacks[self.tab.index()].push(child);
            self.keep_visible();
        }
    }

    /// Selects the next (or previous) row matching the search, wrapping around;
    /// `inclusive` lets the selected row itself count. Returns whether one was found.
    fn jump_to_match(&mut self, forward: bool, inclusive: bool) -> bool {
        self.jump_within(forward, inclusive, usize::MAX)
    }

    /// Like `jump_to_match`, looking at no more than `limit` rows.
    fn jump_within(&mut self, forward: bool, inclusive: bool, limit: usize) -> bool {
        let Some(q) = self.query().map(search::Query::new) else {
            return false;
        };
        let level = self.level();
        let count = self.row_count(level.view);
        if count == 0 {
            return false;
        }
        let start = level.selected.min(count - 1);
        for step in 0..count.min(limit) {
            let offset = if inclusive { step } else { step + 1 };
            let i = if forward {
                (start + offset) % count
            } else {
                (start + count * 2 - offset % count) % count
            };
            if search::row_matches(self, level.view, i, &q) {
                self.move_to(i);
                return true;
            }
        }
        false
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

    /// What `y` copies: the selected figure with its source clause, or the selected
    /// row's title and text.
    pub fn copy_text(&self) -> Option<String> {
        let level = self.level();
        let at = level.selected;
        let figure_text = |f: &crate::model::Figure| format!("{} {}：{}", f.label, f.text, f.quote);
        match level.view {
            View::Item(path) => {
                let item = path.resolve(&self.data)?;
                match item.figures.get(at) {
                    Some(f) => Some(figure_text(f)),
                    None => Some(item.text.clone()),
                }
            }
            View::Amounts => match self.rows.money.get(at)? {
                MoneyRow::Achieved(f) | MoneyRow::NotSummed(f) => {
                    f.resolve(&self.data).map(figure_text)
                }
                MoneyRow::Unstated(u) => u
                    .item
                    .resolve(&self.data)?
                    .unstated
                    .get(u.index)
                    .map(|x| x.quote.clone()),
            },
            View::Land => self.rows.land.get(at)?.resolve(&self.data).map(figure_text),
            View::Deadlines => {
                let d = self.stats.deadlines.get(*self.rows.deadlines.get(at)?)?;
                d.item.resolve(&self.data).map(|m| m.text.clone())
            }
            View::Overview => self
                .data
                .reports
                .get(*self.rows.overview.get(at)?)
                .map(|r| r.title.clone()),
            View::Problems | View::Report(_) => {
                let (r, p) = match level.view {
                    View::Report(r) => (r, self.rows.report_problems(&self.data, r).nth(at)?),
                    _ => *self.rows.problems.get(at)?,
                };
                let problem = self.data.reports.get(r)?.problems.get(p)?;
                let figures: Vec<String> = problem
                    .measures
                    .iter()
                    .chain(&problem.ongoing)
                    .flat_map(|m| &m.figures)
                    .map(|f| format!("{} {}", f.label, f.text))
                    .collect();
                Some(format!(
                    "{} {}\n{}",
                    problem.number.as_deref().unwrap_or("?"),
                    problem.display_title(),
                    figures.join("\n")
                ))
            }
            View::Problem(r, p) => self
                .item_path(r, p, at)?
                .resolve(&self.data)
                .map(|m| m.text.clone()),
        }
    }
}
