//! The changes filter (`c` with `--since`): every table narrowed to the
//! problems that changed since the older version, and what belongs to them.

use std::collections::HashSet;

use super::Rows;
use crate::model::Dataset;
use crate::stats::Stats;

impl Rows {
    /// Narrows rows derived under a filter with `changed_only` to the
    /// problems in `changed`: the tables listed at once lose their other
    /// rows, and the lists drawn lazily (a report's or an owner's problems)
    /// ask `problem_passes`, which now knows the set.
    pub fn keep_changed(
        &mut self,
        data: &Dataset,
        stats: &Stats,
        changed: HashSet<(usize, usize)>,
    ) {
        if !self.filter.changed_only {
            return;
        }
        let reports: HashSet<usize> = changed.iter().map(|&(r, _)| r).collect();
        self.problems.retain(|k| changed.contains(k));
        self.overview.retain(|r| reports.contains(r));
        self.board.units.retain(|u| reports.contains(&u.report));
        self.owners
            .retain(|o| o.problems.iter().any(|k| changed.contains(k)));
        self.deadlines.retain(|&i| {
            stats
                .deadlines
                .get(i)
                .is_some_and(|d| changed.contains(&(d.report, d.problem)))
        });
        self.changed = Some(changed);
        let money: Vec<_> = std::mem::take(&mut self.money);
        self.money = money
            .into_iter()
            .filter(|m| self.item_passes(data, m.item()))
            .collect();
        let land: Vec<_> = std::mem::take(&mut self.land);
        self.land = land
            .into_iter()
            .filter(|f| self.item_passes(data, f.item))
            .collect();
    }
}
