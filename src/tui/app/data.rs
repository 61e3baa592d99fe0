//! Data arriving from disk: reports appended while the first load runs, and
//! new data after a reload, with the selections kept where they still exist.

use super::{App, Level, View};
use crate::model::{Dataset, Report};
use crate::stats::{FigurePath, ItemPath, Stats};
use crate::tui::action::Tab;
use crate::tui::rows::MoneyRow;

/// What a top-level row shows: the same thing is found again after new
/// reports have sorted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKey {
    Report(usize),
    Problem((usize, usize)),
    Money(MoneyRow),
    Figure(FigurePath),
    Deadline(usize, usize, Option<ItemPath>),
}

/// How far a load has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// Bytes parsed.
    pub bytes_done: u64,
    /// Bytes in all; 0 while the files are still being opened.
    pub bytes_total: u64,
    /// Reports parsed.
    pub reports: u64,
}

impl LoadProgress {
    /// The part done, from 0 to 1.
    pub fn ratio(&self) -> f64 {
        if self.bytes_total == 0 {
            return 0.0;
        }
        (self.bytes_done as f64 / self.bytes_total as f64).clamp(0.0, 1.0)
    }
}

impl App {
    /// Takes reports that arrived while loading, after the ones already
    /// there: the panels fill in, the selections stay where they are.
    /// Like `replace_data`, data comes here and not through an `Action`; the
    /// loading thread has passed it through `sanitize::show_reports` first.
    pub fn append_reports(&mut self, reports: Vec<Report>) {
        if reports.is_empty() {
            return;
        }
        // New reports sort in among the old ones: each tab's top level keeps
        // the row the user moved to, at the same place on screen; a tab still
        // at its first row stays at the top.
        let kept: Vec<Option<(RowKey, usize)>> = Tab::ALL
            .iter()
            .map(|t| {
                let top = self.stacks[t.index()][0];
                if top.selected == 0 {
                    return None;
                }
                let key = self.row_key(top.view, top.selected)?;
                Some((key, top.selected - top.offset.min(top.selected)))
            })
            .collect();
        let from = self.data.reports.len();
        self.data.reports.extend(reports);
        self.stats.extend(&self.data.reports, from);
        self.refresh_rows();
        for (t, kept) in Tab::ALL.iter().zip(kept) {
            let Some((key, on_screen)) = kept else {
                continue;
            };
            let view = self.stacks[t.index()][0].view;
            if let Some(at) = self.find_row(view, key) {
                let top = &mut self.stacks[t.index()][0];
                top.selected = at;
                top.offset = at.saturating_sub(on_screen);
            }
        }
        self.clamp_all();
        // A search going through rows that changed starts again from the
        // selected row, which is where it was; the new rows are looked at too.
        let scan = self.search.as_ref().and_then(|s| s.scan);
        if let Some(scan) = scan
            && self.row_count(scan.view) != scan.count
        {
            self.end_scan();
            if self.tab == scan.tab && self.level().view == scan.view {
                self.search_from_selection(scan.forward, scan.inclusive, scan.open);
            }
        }
    }

    /// What a tab's top-level row shows, to find it again among changed rows.
    fn row_key(&self, view: View, index: usize) -> Option<RowKey> {
        let rows = &self.rows;
        match view {
            View::Overview => rows.overview.get(index).map(|&r| RowKey::Report(r)),
            View::Units => rows
                .board
                .units
                .get(index)
                .map(|u| RowKey::Report(u.report)),
            View::Problems => rows.problems.get(index).map(|&p| RowKey::Problem(p)),
            View::Amounts => rows.money.get(index).map(|&m| RowKey::Money(m)),
            View::Land => rows.land.get(index).map(|&f| RowKey::Figure(f)),
            View::Deadlines => rows
                .deadlines
                .get(index)
                .and_then(|&i| self.stats.deadlines.get(i))
                .map(|d| RowKey::Deadline(d.report, d.problem, d.item)),
            _ => None,
        }
    }

    fn find_row(&self, view: View, key: RowKey) -> Option<usize> {
        let rows = &self.rows;
        match (view, key) {
            (View::Overview, RowKey::Report(r)) => rows.overview.iter().position(|&x| x == r),
            (View::Units, RowKey::Report(r)) => rows.board.units.iter().position(|u| u.report == r),
            (View::Problems, RowKey::Problem(p)) => rows.problems.iter().position(|&x| x == p),
            (View::Amounts, RowKey::Money(m)) => rows.money.iter().position(|&x| x == m),
            (View::Land, RowKey::Figure(f)) => rows.land.iter().position(|&x| x == f),
            (View::Deadlines, RowKey::Deadline(r, p, item)) => {
                rows.deadlines.iter().position(|&i| {
                    self.stats
                        .deadlines
                        .get(i)
                        .is_some_and(|d| (d.report, d.problem, d.item) == (r, p, item))
                })
            }
            _ => None,
        }
    }

    /// Shows how far the load has got.
    pub fn set_load_progress(&mut self, progress: LoadProgress) {
        self.loading = Some(progress);
    }

    /// Ends the load: the dataset's name and flags are known once its file
    /// has been read to the end.
    pub fn finish_loading(&mut self, mut name: String, synthetic: bool) {
        crate::sanitize::show(&mut name);
        self.data.name = name;
        self.data.synthetic = synthetic;
        self.loading = None;
        // The comparison waits for every report: until then, problems of
        // units not read yet would count as removed.
        if self.since.is_some() {
            self.compare_again();
            self.refresh_rows();
            self.clamp_all();
        }
    }

    /// Takes new data read from disk, keeping the tab, the drill-down path and the
    /// selections where they still exist. Data arrives here rather than through an
    /// `Action` because actions are small copyable intents from keys and the
    /// mouse. The loading thread has passed it through `sanitize::show_reports`.
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
                            View::General(r) => remap(r).map(View::General),
                            View::Problem(r, p) => remap(r).map(|r| View::Problem(r, p)),
                            View::Item(path) => remap(path.report)
                                .map(|report| View::Item(ItemPath { report, ..path })),
                            // Owners are renumbered with the data: back to the list.
                            View::Owner(_) => None,
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
        // Rows are numbered anew: a search under way would resume in the wrong place.
        if let Some(search) = &mut self.search {
            search.scan = None;
        }
        self.data = data;
        self.stats = stats;
        self.compare_again();
        self.banner = None;
        self.refresh_rows();
        for (t, kept) in stacks.into_iter().enumerate() {
            let count_ok = |app: &App, level: &Level| match level.view {
                View::Report(r) | View::General(r) => r < app.data.reports.len(),
                View::Problem(r, p) => app.data.problem(r, p).is_some(),
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
}
