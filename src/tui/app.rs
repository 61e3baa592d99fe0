//! The dashboard's state: data, statistics and view state, changed only by
//! `update(Action)` — and, for data from disk, by `replace_data` and, while
//! the first load runs, `append_reports`, `set_load_progress` and
//! `finish_loading`.

use crate::board::OwnerKind;
use crate::format::{AreaUnit, MoneyScale};
use crate::i18n::{Lang, Msg};
use crate::model::Dataset;
use crate::stats::{ItemPath, Stats};

use super::action::{Action, Tab};
use super::help::{self, Help};
use super::keys::Scope;
use super::rows::{Filter, Rows, sort_orders};
use super::search;

mod compare;
mod copy;
mod data;
mod present;
mod views;

pub use compare::Since;
pub use data::LoadProgress;
pub use present::Slide;
pub use views::Focus;

/// One screen a user can be on: a tab's top level or a level of drill-down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The Overview tab: one entry per report.
    Overview,
    /// The Units tab: units ranked by completion rate.
    Units,
    /// The Problems tab: every problem across reports.
    Problems,
    /// The Owners tab: responsible leaders or lead departments.
    Owners,
    /// The problems of one owner: an index into `Rows::owners`.
    Owner(usize),
    /// The Amounts tab: money figures.
    Amounts,
    /// The Land tab: land figures.
    Land,
    /// The Deadlines tab: items with deadlines.
    Deadlines,
    /// One report and its problems, after a row for its general paragraphs.
    Report(usize),
    /// A report's general paragraphs (introduction, closing): the report as a whole.
    General(usize),
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
    /// What an item's view points at; moving the selection points at a figure.
    pub focus: Focus,
}

impl Level {
    fn new(view: View) -> Self {
        Self {
            view,
            selected: 0,
            offset: 0,
            focus: Focus::Figure,
        }
    }
}

/// The search: the query, whether the user is still typing it, and the scan for
/// the next match while it is under way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What to look for.
    pub query: String,
    /// True while the search bar takes the keys.
    pub editing: bool,
    /// The search for a match that a key started and that has not reached it
    /// yet; `Action::SearchStep` takes it one slice further.
    pub scan: Option<Scan>,
}

/// A search for the next (or previous) matching row, going round the current
/// view from the selected row a slice of rows at a time, so that no key waits for
/// a scan of every report. Any key that moves, changes the view or its rows, or
/// changes the query ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    /// The tab scanned.
    tab: Tab,
    /// The view scanned.
    view: View,
    /// The row the scan started from.
    start: usize,
    /// How many rows the view had when it started.
    count: usize,
    /// How many of them it has looked at.
    done: usize,
    /// Downwards (or upwards).
    forward: bool,
    /// Whether the start row counts first (typing, Enter) or last (`n`, `N`).
    inclusive: bool,
    /// Whether to open the match once found (Enter in the search bar).
    open: bool,
}

impl Scan {
    /// How far the scan has got, in percent of the view's rows (0–99).
    pub fn percent(&self) -> usize {
        (self.done * 100 / self.count.max(1)).min(99)
    }
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
    /// Hand the terminal back and stop the process (Ctrl-Z).
    Suspend,
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
    stacks: [Vec<Level>; Tab::COUNT],
    /// How money is shown.
    pub money_scale: MoneyScale,
    /// How land is shown.
    pub area_unit: AreaUnit,
    /// The active filters.
    pub filter: Filter,
    /// The sort order of each tab's table.
    pub sort: [usize; Tab::COUNT],
    /// Whether the Owners tab lists leaders or lead departments.
    pub owners: OwnerKind,
    /// The search, when one is open or its highlights are shown.
    pub search: Option<Search>,
    /// The help overlay, when it is open.
    pub help: Option<Help>,
    /// A warning shown above the bottom bar until the next good reload.
    pub banner: Option<String>,
    /// A short notice in the bottom bar ("copied", "exported to …").
    pub notice: Option<String>,
    /// Something the run loop must do.
    pub effect: Option<Effect>,
    /// Presentation mode: `Some(paused)` while presenting.
    pub present: Option<bool>,
    /// Presentation mode: the index of the slide shown, in `slides()`.
    pub slide: usize,
    /// The terminal size, for page movements.
    pub size: (u16, u16),
    /// Set when the user asked to leave.
    pub should_quit: bool,
    /// How far the first load has got, while reports are still arriving.
    pub loading: Option<LoadProgress>,
    /// True when the as-of day is the bundled demo's own, which the header says.
    pub demo_day: bool,
    /// The older version compared with (`--since`), and what changed since it.
    pub since: Option<Since>,
    /// Dated versions of the data, oldest first (`--history`), for the trend.
    pub history: Vec<crate::history::Version>,
}

/// How many rows of a view one slice of a search looks at: a key press looks at
/// one slice at once, and each `Action::SearchStep` at one more. Counted in rows,
/// so that the app stays deterministic; sized from `benches/search.rs` so that a
/// slice takes about 2 ms on 100 MB of reports (2,150 of them). An Overview row
/// holds a whole report, a Problems or Report row one problem, an Amounts or
/// Land row a figure with its measure, the other views a measure or a figure.
fn slice_rows(view: View) -> usize {
    match view {
        View::Overview | View::Units | View::Owners => 192,
        View::Problems | View::Report(_) | View::Owner(_) => 1_536,
        View::Amounts => 2_048,
        View::Land | View::Deadlines | View::Problem(..) | View::General(_) | View::Item(_) => {
            4_096
        }
    }
}

/// The view at the top of a tab.
fn top_view(tab: Tab) -> View {
    match tab {
        Tab::Overview => View::Overview,
        Tab::Units => View::Units,
        Tab::Problems => View::Problems,
        Tab::Owners => View::Owners,
        Tab::Amounts => View::Amounts,
        Tab::Land => View::Land,
        Tab::Deadlines => View::Deadlines,
    }
}

/// Whether an action lets a search under way go on: those that leave the
/// selection, the view and its rows alone. Search keys start their own scans.
fn keeps_scan(action: Action) -> bool {
    match action {
        Action::SearchStep
        | Action::Resize(..)
        | Action::ToggleLang
        | Action::CycleUnit
        | Action::Notice(_)
        | Action::ToggleHelp
        | Action::HelpFilterStart
        | Action::HelpFilterDone
        | Action::HelpFilterCancel
        | Action::HelpInput(_)
        | Action::HelpBackspace
        | Action::Reload
        | Action::Copy
        | Action::Export
        | Action::Suspend
        | Action::PresentPause
        | Action::SearchSubmit
        | Action::NextMatch
        | Action::PrevMatch => true,
        Action::Quit
        | Action::NextTab
        | Action::PrevTab
        | Action::Tab(_)
        | Action::Up
        | Action::Down
        | Action::Top
        | Action::Bottom
        | Action::PageUp
        | Action::PageDown
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Select(_)
        | Action::Enter
        | Action::Back
        | Action::CycleStatusFilter
        | Action::ToggleOverdue
        | Action::CycleSort
        | Action::ToggleOwners
        | Action::ToggleChanges
        | Action::StartSearch
        | Action::SearchInput(_)
        | Action::SearchBackspace
        | Action::SearchCancel
        | Action::PresentNext
        | Action::PresentPrev => false,
    }
}

/// Rows of chrome around a table body: header, tabs, borders, table header, footer.
const CHROME_ROWS: u16 = 8;

impl App {
    /// A dashboard on a dataset, as of the statistics' date.
    pub fn new(mut data: Dataset, stats: Stats, lang: Lang) -> Self {
        crate::sanitize::show_reports(&mut data.reports);
        crate::sanitize::show(&mut data.name);
        let sort = [0; Tab::COUNT];
        let filter = Filter::default();
        let owners = OwnerKind::default();
        let rows = Rows::derive(&data, &stats, filter, &sort, owners);
        Self {
            data,
            stats,
            rows,
            lang,
            tab: Tab::Overview,
            stacks: Tab::ALL.map(|t| vec![Level::new(top_view(t))]),
            money_scale: MoneyScale::default(),
            area_unit: AreaUnit::default(),
            filter,
            sort,
            owners,
            search: None,
            help: None,
            banner: None,
            notice: None,
            effect: None,
            present: None,
            slide: 0,
            size: (120, 40),
            should_quit: false,
            loading: None,
            demo_day: false,
            since: None,
            history: Vec::new(),
        }
    }

    /// A dashboard with no reports yet, waiting for a load to bring them.
    pub fn loading(as_of: chrono::NaiveDate, lang: Lang) -> Self {
        let data = Dataset {
            schema_version: crate::model::SCHEMA_VERSION,
            name: String::new(),
            synthetic: false,
            reports: Vec::new(),
        };
        let mut app = Self::new(data, Stats::empty(as_of), lang);
        app.loading = Some(LoadProgress::default());
        app
    }

    fn refresh_rows(&mut self) {
        self.rows = Rows::derive(
            &self.data,
            &self.stats,
            self.filter,
            &self.sort,
            self.owners,
        );
        self.narrow_to_changes();
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
            Scope::Help => self.help.as_ref().is_some_and(|h| !h.typing),
            Scope::HelpFilter => self.help.as_ref().is_some_and(|h| h.typing),
            _ if typing || self.help.is_some() => false,
            _ => self.in_scope_beneath_overlays(scope),
        }
    }

    /// Whether bindings of a scope apply on the view beneath the help overlay and
    /// the search bar, for the help's "applies here" marks.
    pub fn in_scope_beneath_overlays(&self, scope: Scope) -> bool {
        match scope {
            Scope::Search | Scope::Help | Scope::HelpFilter => false,
            Scope::Anywhere | Scope::Always => true,
            Scope::Drilled => self.stack().len() > 1,
            Scope::Opens => !matches!(self.level().view, View::Item(_)),
            Scope::Units => matches!(self.tab, Tab::Amounts | Tab::Land),
            Scope::Owners => self.tab == Tab::Owners,
            Scope::Present => self.present.is_some() && self.stack().len() == 1,
            Scope::Top => self.stack().len() == 1,
            Scope::Searched => self.search.as_ref().is_some_and(|s| !s.query.is_empty()),
            Scope::Since => self.since.is_some(),
        }
    }

    /// How far a movement key scrolls the open help overlay; `None` when the
    /// overlay is closed or the action moves nothing.
    fn help_scroll(&self, action: Action) -> Option<isize> {
        self.help.as_ref()?;
        let page = self.help_rows() as isize;
        Some(match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::Top => isize::MIN,
            Action::Bottom => isize::MAX,
            _ => return None,
        })
    }

    /// How many keys the help overlay lists at the current size.
    pub fn help_rows(&self) -> usize {
        let banner = u16::from(self.banner.is_some() || self.loading.is_some());
        help::rows_shown(self.size.1.saturating_sub(4 + banner))
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

    /// How far a search under way has got, in percent, if one is.
    pub fn search_progress(&self) -> Option<usize> {
        self.search.as_ref()?.scan.as_ref().map(Scan::percent)
    }

    /// Whether a search is under way, for the run loop to send `Action::SearchStep`.
    pub fn searching(&self) -> bool {
        self.search_progress().is_some()
    }

    /// Applies an action; the only way the view state changes.
    pub fn update(&mut self, action: Action) {
        // Before the first reports the screen shows only the progress bar: an
        // action there could only act unseen, so only leaving, the language of
        // the bar, suspending and a new size count.
        let blank = self.loading.is_some() && self.data.reports.is_empty();
        if blank
            && !matches!(
                action,
                Action::Quit | Action::Suspend | Action::ToggleLang | Action::Resize(..)
            )
        {
            return;
        }
        // A step of a search is no key press: it leaves a notice on screen.
        if action != Action::SearchStep {
            self.notice = None;
        }
        // Movement keys scroll the help while it is open, and leave a search
        // under way beneath it alone.
        if let Some(by) = self.help_scroll(action) {
            let (lang, shown) = (self.lang, self.help_rows());
            let width = help::inner_width(self.size.0);
            if let Some(help) = &mut self.help {
                help.scroll(by, lang, shown, width);
            }
            return;
        }
        if !keeps_scan(action)
            && let Some(search) = &mut self.search
        {
            search.scan = None;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::NextTab => self.tab = Tab::at(self.tab.index() + 1),
            Action::PrevTab => self.tab = Tab::at(self.tab.index() + Tab::ALL.len() - 1),
            Action::Tab(tab) => {
                self.tab = tab;
                self.present_follow_tab();
            }
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(usize::MAX),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::HalfPageUp => self.move_by(-((self.page() / 2).max(1) as isize)),
            Action::HalfPageDown => self.move_by((self.page() / 2).max(1) as isize),
            Action::Select(index) => self.move_to(index),
            Action::Enter => {
                self.enter();
                // Drilling into a slide pauses the cycle; Esc back to the top resumes it.
                if self.present.is_some() && self.stack().len() > 1 {
                    self.present = Some(true);
                }
            }
            Action::Back => {
                let stack = &mut self.stacks[self.tab.index()];
                if stack.len() > 1 {
                    stack.pop();
                    if stack.len() == 1 && self.present.is_some() {
                        self.present = Some(false);
                    }
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
            Action::ToggleOwners => {
                if self.tab == Tab::Owners {
                    self.owners = self.owners.toggled();
                    self.stacks[Tab::Owners.index()].truncate(1);
                    self.refresh_rows();
                    self.clamp_all();
                } else {
                    self.notice = Some(Msg::KeyToggleOwners.text(self.lang).to_string());
                }
            }
            Action::ToggleChanges => self.toggle_changes(),
            Action::CycleSort => {
                let t = self.tab.index();
                self.sort[t] = (self.sort[t] + 1) % sort_orders(self.tab);
                self.refresh_rows();
                self.clamp_all();
                // The cards have no column headers to carry the ▼ mark, and two
                // reports often tie: say what the order is.
                if self.tab == Tab::Overview {
                    let by = match self.sort[t] {
                        0 => Msg::SortedByOpen,
                        1 => Msg::SortedByOverdue,
                        2 => Msg::SortedByClosed,
                        _ => Msg::SortedByPublished,
                    };
                    self.notice = Some(by.text(self.lang).to_string());
                }
            }
            Action::StartSearch => {
                self.search = Some(Search {
                    query: String::new(),
                    editing: true,
                    scan: None,
                });
            }
            // Each change of the query searches again from the selected row, which
            // counts first: it stays selected while it still matches.
            Action::SearchInput(c) => {
                let full = self
                    .search
                    .as_ref()
                    .is_some_and(|s| s.query.chars().count() >= search::MAX_QUERY_CHARS);
                if full {
                    self.notice = Some(Msg::QueryTooLong.text(self.lang).to_string());
                } else {
                    if let Some(s) = &mut self.search {
                        s.query.push(c);
                    }
                    self.search_from_selection(true, true, false);
                }
            }
            Action::SearchBackspace => {
                if let Some(s) = &mut self.search {
                    s.query.pop();
                }
                self.search_from_selection(true, true, false);
            }
            Action::SearchSubmit => {
                if let Some(s) = &mut self.search {
                    s.editing = false;
                }
                // Goes on with the search typing started, if it is under way.
                self.search_from_selection(true, true, true);
            }
            Action::SearchCancel => self.search = None,
            Action::NextMatch => self.search_from_selection(true, false, false),
            Action::PrevMatch => self.search_from_selection(false, false, false),
            Action::SearchStep => {
                let rows = slice_rows(self.level().view);
                self.scan_slice(rows);
            }
            Action::ToggleHelp => {
                self.help = match self.help {
                    Some(_) => None,
                    None => Some(Help::default()),
                };
            }
            Action::HelpFilterStart
            | Action::HelpFilterDone
            | Action::HelpFilterCancel
            | Action::HelpInput(_)
            | Action::HelpBackspace => {
                if let Some(h) = &mut self.help {
                    match action {
                        Action::HelpFilterStart => h.typing = true,
                        Action::HelpFilterDone => h.typing = false,
                        Action::HelpFilterCancel => {
                            h.typing = false;
                            h.filter.clear();
                        }
                        Action::HelpInput(c) => h.filter.push(c),
                        _ => {
                            h.filter.pop();
                        }
                    }
                    h.top = 0;
                }
            }
            Action::Reload => self.effect = Some(Effect::Reload),
            Action::Copy => self.effect = Some(Effect::Copy),
            Action::Export => self.effect = Some(Effect::Export),
            Action::Suspend => self.effect = Some(Effect::Suspend),
            Action::Notice(notice) => self.notice = Some(notice.text(self.lang).to_string()),
            Action::PresentNext => self.present_step(true),
            Action::PresentPrev => self.present_step(false),
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

    /// Starts a search for the next (or previous) row matching the query, going
    /// round the view from the selected row; `inclusive` lets the selected row
    /// count first rather than last, `open` opens the match once found. Looks at
    /// one slice of rows now and leaves the rest to `Action::SearchStep`. The same
    /// search already under way (`n` held down, Enter after typing) goes on
    /// where it is instead of starting over.
    fn search_from_selection(&mut self, forward: bool, inclusive: bool, open: bool) {
        let level = self.level();
        let count = self.row_count(level.view);
        let tab = self.tab;
        let Some(search) = &mut self.search else {
            return;
        };
        if search.query.is_empty() || count == 0 {
            search.scan = None;
            return;
        }
        let scan = Scan {
            tab,
            view: level.view,
            start: level.selected.min(count - 1),
            count,
            done: 0,
            forward,
            inclusive,
            open,
        };
        match &mut search.scan {
            Some(going)
                if Scan {
                    done: going.done,
                    open: going.open,
                    ..scan
                } == *going =>
            {
                going.open |= open;
            }
            pending => *pending = Some(scan),
        }
        self.scan_slice(slice_rows(level.view));
    }

    /// Takes the search under way up to `rows` rows further: selects (and, if
    /// asked, opens) the match when it finds one, and says so when it has looked
    /// at every row without one.
    fn scan_slice(&mut self, rows: usize) {
        let Some(scan) = self.search.as_ref().and_then(|s| s.scan) else {
            return;
        };
        let query = self.query().map(search::Query::new);
        let level = self.level();
        let still = self.tab == scan.tab
            && level.view == scan.view
            && self.row_count(scan.view) == scan.count;
        let (Some(q), true) = (query, still) else {
            self.end_scan();
            return;
        };
        let count = scan.count;
        let end = count.min(scan.done.saturating_add(rows.max(1)));
        for step in scan.done..end {
            let offset = (if scan.inclusive { step } else { step + 1 }) % count;
            let i = if scan.forward {
                (scan.start + offset) % count
            } else {
                (scan.start + count - offset) % count
            };
            if search::row_matches(self, scan.view, i, &q) {
                self.end_scan();
                self.move_to(i);
                if scan.open {
                    self.enter();
                    self.descend_to_match(&q);
                }
                return;
            }
        }
        if end == count {
            self.end_scan();
            self.notice = Some(Msg::NoMatch.text(self.lang).to_string());
        } else if let Some(going) = self.search.as_mut().and_then(|s| s.scan.as_mut()) {
            going.done = end;
        }
    }

    /// After Enter on a match: goes on down the path to the deepest level that
    /// holds the match (report → problem → the item whose text has it, with
    /// its first matching figure selected), so that Esc walks back up it.
    fn descend_to_match(&mut self, q: &search::Query) {
        for _ in 0..4 {
            let view = self.level().view;
            let Some(i) =
                (0..self.row_count(view)).find(|&i| search::row_matches(self, view, i, q))
            else {
                return;
            };
            self.move_to(i);
            if matches!(view, View::Item(_)) {
                return;
            }
            let depth = self.stack().len();
            self.enter();
            if self.stack().len() == depth {
                return;
            }
        }
    }

    fn end_scan(&mut self) {
        if let Some(search) = &mut self.search {
            search.scan = None;
        }
    }

    fn move_by(&mut self, delta: isize) {
        // Opened on a deadline or an amount not stated, no figure is
        // selected yet: the first move selects the first one.
        if self.level().focus != Focus::Figure {
            self.move_to(self.level().selected);
            return;
        }
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
        level.focus = Focus::Figure;
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
