//! The older version the dashboard compares with (`--since OLD`): what
//! changed for each problem on screen, the rates then and now, and the
//! changes filter (`c`). The comparison is `diff::compute`, the same as
//! `zhenggai diff`, read as of the dashboard's day.

use std::collections::{HashMap, HashSet};

use super::App;
use crate::diff::{self, Change, Changes, Kind, UnitRates, identity};
use crate::i18n::Msg;
use crate::model::Dataset;

/// The older version and what changed since it.
#[derive(Debug, Clone)]
pub struct Since {
    /// The older version, kept to compare again after a reload.
    pub old: Dataset,
    /// What changed from it to the data on screen.
    pub changes: Changes,
    /// The kinds of change of each problem on screen, in mark order.
    marks: HashMap<(usize, usize), Vec<Kind>>,
    /// The unit rates of each report on screen: an index into `changes.units`.
    units: HashMap<usize, usize>,
}

impl Since {
    /// Compares `new` with `old`, reading `new` as of `as_of`.
    pub fn new(old: Dataset, new: &Dataset, as_of: chrono::NaiveDate) -> Self {
        let changes = diff::compute(&old, new, Some(as_of));
        let marks = changes
            .marks()
            .into_iter()
            .map(|(at, mut kinds)| {
                kinds.sort();
                kinds.dedup();
                ((at.report, at.problem), kinds)
            })
            .collect();
        let by_name: HashMap<String, usize> = changes
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (identity::normalise(&u.unit), i))
            .collect();
        let units = new
            .reports
            .iter()
            .enumerate()
            .filter_map(|(r, report)| Some((r, *by_name.get(&identity::unit_key(report))?)))
            .collect();
        Self {
            old,
            changes,
            marks,
            units,
        }
    }

    /// The kinds of change of a problem on screen; empty when it did not change.
    pub fn marks(&self, report: usize, problem: usize) -> &[Kind] {
        self.marks
            .get(&(report, problem))
            .map_or(&[], Vec::as_slice)
    }

    /// The problems on screen that changed.
    pub fn changed(&self) -> HashSet<(usize, usize)> {
        self.marks.keys().copied().collect()
    }

    /// How many problems on screen carry each kind of mark, in mark order;
    /// kinds no problem carries are left out.
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        let mut counts: std::collections::BTreeMap<Kind, usize> = Default::default();
        for kind in self.marks.values().flatten() {
            *counts.entry(*kind).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// The rates then and now of the unit a report on screen belongs to.
    pub fn unit_rates(&self, report: usize) -> Option<&UnitRates> {
        self.changes.units.get(*self.units.get(&report)?)
    }

    /// Each listed change of a problem on screen, with its kind, in the order
    /// `diff` lists them.
    pub fn changes_of(&self, report: usize, problem: usize) -> Vec<(Kind, &Change)> {
        let at = identity::ProblemAt { report, problem };
        self.changes
            .lists()
            .into_iter()
            .flat_map(|(kind, list)| list.iter().map(move |c| (kind, c)))
            .filter(|(_, c)| c.new.as_ref().is_some_and(|n| n.at == at))
            .collect()
    }

    /// The older version's date: the latest of its reports' dates.
    pub fn old_date(&self) -> Option<chrono::NaiveDate> {
        self.old.reports.iter().map(|r| r.published).max()
    }
}

impl App {
    /// Compares the data on screen with an older version from now on.
    pub fn set_since(&mut self, mut old: Dataset) {
        crate::sanitize::show_reports(&mut old.reports);
        self.since = Some(Since::new(old, &self.data, self.stats.as_of));
        self.refresh_rows();
        self.clamp_all();
    }

    /// Compares again after the data on screen changed.
    pub(super) fn compare_again(&mut self) {
        if let Some(since) = self.since.take() {
            self.since = Some(Since::new(since.old, &self.data, self.stats.as_of));
        }
    }

    /// `c`: only the rows that changed, or all again; without an older
    /// version it says what it needs.
    pub(super) fn toggle_changes(&mut self) {
        if self.since.is_none() {
            self.notice = Some(Msg::ChangesNeedSince.text(self.lang).to_string());
            return;
        }
        self.filter.changed_only = !self.filter.changed_only;
        self.refresh_rows();
        self.clamp_all();
    }

    /// Narrows freshly derived rows under the changes filter.
    pub(super) fn narrow_to_changes(&mut self) {
        if !self.filter.changed_only {
            return;
        }
        if let Some(since) = &self.since {
            let changed = since.changed();
            self.rows.keep_changed(&self.data, &self.stats, changed);
        }
    }
}
