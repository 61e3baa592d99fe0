//! Everything the user can ask the dashboard to do.

/// The tabs of the dashboard, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    /// 总览: per report, closed and open problems and headline figures.
    Overview,
    /// 单位: units ranked by completion rate, with their lights.
    Units,
    /// 问题: every problem across reports.
    Problems,
    /// 责任: responsible leaders or lead departments, most overdue first.
    Owners,
    /// 金额: money by kind and currency.
    Amounts,
    /// 土地: land by kind, against targets.
    Land,
    /// 时限: deadlines by date and bucket.
    Deadlines,
}

impl Tab {
    /// How many tabs there are.
    pub const COUNT: usize = 7;

    /// Every tab, in display order.
    pub const ALL: [Tab; Tab::COUNT] = [
        Tab::Overview,
        Tab::Units,
        Tab::Problems,
        Tab::Owners,
        Tab::Amounts,
        Tab::Land,
        Tab::Deadlines,
    ];

    /// The position of the tab, 0-based.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The tab at a position, wrapping around.
    pub fn at(index: usize) -> Self {
        Self::ALL[index % Self::ALL.len()]
    }
}

/// A change the user asks for; `App::update` is the only place that applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the dashboard.
    Quit,
    /// Hand the terminal back to the shell and stop, until `fg`.
    Suspend,
    /// Go to the next tab.
    NextTab,
    /// Go to the previous tab.
    PrevTab,
    /// Go to a given tab.
    Tab(Tab),
    /// Select the previous row.
    Up,
    /// Select the next row.
    Down,
    /// Select the first row.
    Top,
    /// Select the last row.
    Bottom,
    /// Move the selection up by a page.
    PageUp,
    /// Move the selection down by a page.
    PageDown,
    /// Move the selection up by half a page.
    HalfPageUp,
    /// Move the selection down by half a page.
    HalfPageDown,
    /// Open the selected row one level deeper.
    Enter,
    /// Go back one level, restoring the selection there.
    Back,
    /// Cycle the display unit: 元 / 万元 / 亿元 on Amounts, 亩 / m² on Land.
    CycleUnit,
    /// Switch the interface between Chinese and English.
    ToggleLang,
    /// Select a row by its index (a mouse click).
    Select(usize),
    /// Cycle the status filter: all → open → closed → long-term.
    CycleStatusFilter,
    /// Show only problems and deadlines that are overdue, or everything again.
    ToggleOverdue,
    /// Cycle the sort column of the current table.
    CycleSort,
    /// On the Owners tab, switch between leaders and lead departments.
    ToggleOwners,
    /// With `--since`, show only rows that changed, or everything again.
    ToggleChanges,
    /// Open the search bar.
    StartSearch,
    /// Type a character into the search bar.
    SearchInput(char),
    /// Delete the last character of the search.
    SearchBackspace,
    /// Close the search bar and open the match.
    SearchSubmit,
    /// Close the search and clear its highlights.
    SearchCancel,
    /// Select the next match.
    NextMatch,
    /// Select the previous match.
    PrevMatch,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Start typing the help filter.
    HelpFilterStart,
    /// Stop typing the help filter, keeping it.
    HelpFilterDone,
    /// Stop typing the help filter and clear it.
    HelpFilterCancel,
    /// Type a character into the help filter.
    HelpInput(char),
    /// Delete the last character of the help filter.
    HelpBackspace,
    /// Read the data files again.
    Reload,
    /// Copy the selected item with OSC 52.
    Copy,
    /// Write the current table as CSV.
    Export,
    /// Show a short notice in the bottom bar.
    Notice(crate::i18n::Msg),
    /// Presentation mode: show the next slide.
    PresentNext,
    /// Presentation mode: show the previous slide.
    PresentPrev,
    /// Presentation mode: pause or resume the cycling.
    PresentPause,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Look at the next slice of rows of a search still under way. The run loop
    /// sends it while no input is waiting; no key is bound to it.
    SearchStep,
}
