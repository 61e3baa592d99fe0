//! The progress board a meeting reads: how far each unit has got (整改完成率),
//! its lights (亮灯: red overdue, yellow due within 30 days, green on track),
//! units ranked by rate (红黑榜), and owners ranked by what they have overdue.
//!
//! Everything here is derived from `Stats` and the dataset; nothing is
//! guessed. A rate is closed ÷ all problems with the basis of both counts;
//! where the data cannot give one honestly, it is `Unknown` with the reason.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{Dataset, Report, Status};
use crate::stats::{Bucket, CountSource, Counts, ReportStats, Stats, problem_due};

/// Open problems by where their deadline falls against the as-of date.
///
/// Closed problems are done and long-term ones have no day to be late on,
/// so only open problems get a light.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lights {
    /// Red: due before the as-of date.
    pub overdue: u32,
    /// Yellow: due within 30 days.
    pub due_soon: u32,
    /// Green: due later.
    pub on_track: u32,
    /// Open with no day named.
    pub undated: u32,
}

impl Lights {
    fn add_problem(&mut self, due: Option<NaiveDate>, as_of: NaiveDate) {
        match Bucket::of(due, as_of) {
            Bucket::Overdue => self.overdue += 1,
            Bucket::DueSoon => self.due_soon += 1,
            Bucket::Later => self.on_track += 1,
            Bucket::NoDate => self.undated += 1,
        }
    }

    fn add(&mut self, other: Lights) {
        self.overdue += other.overdue;
        self.due_soon += other.due_soon;
        self.on_track += other.on_track;
        self.undated += other.undated;
    }
}

/// How a completion rate is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateBasis {
    /// The report states the rate in words (整改完成率87.1%).
    Stated,
    /// Closed ÷ total from stated or transcribed counts.
    Counted,
    /// As `Counted`, but a count is inferred from the report's numbering.
    Inferred,
}

/// Why a unit has no completion rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoRate {
    /// No problem is stated or transcribed.
    NoProblems,
    /// The source is partial and states no totals: the problems transcribed
    /// are only those in the part that survives, so a rate would mislead.
    PartialSource {
        /// The problems transcribed from the surviving part.
        transcribed: u32,
    },
}

/// The completion rate of a unit or of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// Closed ÷ total, in percent to one decimal.
    Rate {
        /// The percentage.
        percent: Decimal,
        /// Problems closed.
        closed: u32,
        /// All problems.
        total: u32,
        /// How it is known.
        basis: RateBasis,
    },
    /// No honest rate.
    Unknown(NoRate),
}

impl Completion {
    /// The percentage, when known.
    pub fn percent(&self) -> Option<Decimal> {
        match self {
            Self::Rate { percent, .. } => Some(*percent),
            Self::Unknown(_) => None,
        }
    }

    /// The rate as a share of 1, for gauges; 0 when unknown.
    pub fn fraction(&self) -> f64 {
        use rust_decimal::prelude::ToPrimitive;
        self.percent()
            .and_then(|p| (p / Decimal::ONE_HUNDRED).to_f64())
            .unwrap_or(0.0)
    }

    /// The completion rate of one report, from its statistics.
    pub fn of_report(report: &Report, stats: &ReportStats) -> Self {
        let counts = &stats.problems;
        let stated_any = [counts.closed, counts.open, counts.long_term]
            .iter()
            .any(|c| c.source != CountSource::Transcribed)
            || report.stated.total.is_some();
        if !report.source.complete && !stated_any {
            return Self::Unknown(NoRate::PartialSource {
                transcribed: counts.transcribed.total(),
            });
        }
        let total = stats.total.value;
        if total == 0 {
            return Self::Unknown(NoRate::NoProblems);
        }
        let closed = counts.closed.value.min(total);
        if let Some(stated) = &report.stated.completion_rate {
            return Self::Rate {
                percent: stated.percent,
                closed,
                total,
                basis: RateBasis::Stated,
            };
        }
        let inferred = counts.closed.source == CountSource::Numbering
            || matches!(
                stats.total.source,
                CountSource::Numbering | CountSource::SumWithInferred
            );
        Self::Rate {
            percent: percent(closed, total),
            closed,
            total,
            basis: if inferred {
                RateBasis::Inferred
            } else {
                RateBasis::Counted
            },
        }
    }
}

fn percent(closed: u32, total: u32) -> Decimal {
    (Decimal::from(closed) * Decimal::ONE_HUNDRED / Decimal::from(total)).round_dp(1)
}

/// One unit (report) on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    /// Index into `Dataset::reports`.
    pub report: usize,
    /// The unit's name, without the leading 中共 that every Party body shares.
    pub name: String,
    /// Best known closed, open and long-term counts.
    pub counts: Counts,
    /// All problems: stated, or the sum of the counts.
    pub total: u32,
    /// The completion rate.
    pub completion: Completion,
    /// Lights of the transcribed open problems; `None` when the report
    /// transcribes no problem, so there is nothing to light.
    pub lights: Option<Lights>,
}

/// Which way the units are ranked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Rank {
    /// Highest rate first, the laggards at the bottom (红黑榜).
    #[default]
    BestFirst,
    /// Lowest rate first.
    WorstFirst,
}

impl Rank {
    /// The other order.
    pub fn flipped(self) -> Self {
        match self {
            Self::BestFirst => Self::WorstFirst,
            Self::WorstFirst => Self::BestFirst,
        }
    }
}

/// The board's rows: one per unit, ranked, with the totals over all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    /// Units ranked by completion rate; units without a rate come last.
    pub units: Vec<UnitRow>,
    /// All units together: rate over the units that have one.
    pub completion: Completion,
    /// Units left out of the overall rate because they have none.
    pub units_without_rate: usize,
    /// Best known counts, added over all units.
    pub counts: Counts,
    /// Lights added over the units that have them.
    pub lights: Lights,
    /// True when some unit has no lights (it transcribes no problem).
    pub lights_partial: bool,
}

impl Default for Board {
    fn default() -> Self {
        Self {
            units: Vec::new(),
            completion: Completion::Unknown(NoRate::NoProblems),
            units_without_rate: 0,
            counts: Counts::default(),
            lights: Lights::default(),
            lights_partial: false,
        }
    }
}

impl Board {
    /// The board of a dataset, ranked as asked.
    pub fn compute(dataset: &Dataset, stats: &Stats, rank: Rank) -> Self {
        let mut units: Vec<UnitRow> = dataset
            .reports
            .iter()
            .zip(&stats.reports)
            .map(|(report, s)| UnitRow {
                report: s.report,
                name: short_name(&report.issuer).to_owned(),
                counts: s.problems.best(),
                total: s.total.value,
                completion: Completion::of_report(report, s),
                lights: (!report.problems.is_empty())
                    .then(|| lights_of(report.problems.iter(), stats.as_of)),
            })
            .collect();
        units.sort_by(|a, b| rank_units(a, b, rank));

        let mut closed = 0;
        let mut total = 0;
        let mut basis = None;
        let mut without = 0;
        let mut counts = Counts::default();
        let mut lights = Lights::default();
        let mut lights_partial = false;
        for u in &units {
            counts.closed += u.counts.closed;
            counts.open += u.counts.open;
            counts.long_term += u.counts.long_term;
            match u.lights {
                Some(l) => lights.add(l),
                None => lights_partial = true,
            }
            match u.completion {
                Completion::Rate {
                    closed: c,
                    total: t,
                    basis: b,
                    ..
                } => {
                    closed += c;
                    total += t;
                    // A stated rate of one unit is not a stated rate of all.
                    let b = if b == RateBasis::Stated {
                        RateBasis::Counted
                    } else {
                        b
                    };
                    basis = Some(match basis {
                        Some(RateBasis::Inferred) => RateBasis::Inferred,
                        _ => b,
                    });
                }
                Completion::Unknown(_) => without += 1,
            }
        }
        let completion = match basis {
            Some(basis) if total > 0 => Completion::Rate {
                percent: percent(closed, total),
                closed,
                total,
                basis,
            },
            _ => Completion::Unknown(NoRate::NoProblems),
        };
        Self {
            units,
            completion,
            units_without_rate: without,
            counts,
            lights,
            lights_partial,
        }
    }
}

/// Known rates before unknown ones; among known, by rate in the asked
/// order, then fewer overdue first, then by name.
fn rank_units(a: &UnitRow, b: &UnitRow, rank: Rank) -> Ordering {
    let overdue = |u: &UnitRow| u.lights.map_or(0, |l| l.overdue);
    match (a.completion.percent(), b.completion.percent()) {
        (Some(x), Some(y)) => {
            let by_rate = match rank {
                Rank::BestFirst => y.cmp(&x),
                Rank::WorstFirst => x.cmp(&y),
            };
            by_rate
                .then_with(|| overdue(a).cmp(&overdue(b)))
                .then_with(|| a.name.cmp(&b.name))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    }
}

fn lights_of<'a>(
    problems: impl Iterator<Item = &'a crate::model::Problem>,
    as_of: NaiveDate,
) -> Lights {
    let mut lights = Lights::default();
    for p in problems.filter(|p| p.status == Status::Open) {
        lights.add_problem(problem_due(p), as_of);
    }
    lights
}

/// The name without a leading 中共 / 中国共产党, which nearly every
/// issuer shares and which hides the part that tells units apart.
pub fn short_name(issuer: &str) -> &str {
    let trimmed = issuer.trim();
    let rest = trimmed
        .strip_prefix("中国共产党")
        .or_else(|| trimmed.strip_prefix("中共"))
        .unwrap_or(trimmed);
    if rest.is_empty() { trimmed } else { rest }
}

/// Whom an owner row names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OwnerKind {
    /// Responsible leaders (责任领导).
    #[default]
    Leader,
    /// Lead departments (责任单位); co-operating ones are not owners.
    Department,
}

impl OwnerKind {
    /// The other kind.
    pub fn toggled(self) -> Self {
        match self {
            Self::Leader => Self::Department,
            Self::Department => Self::Leader,
        }
    }
}

/// One responsible leader or lead department and the problems they own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerRow {
    /// The name or post, as the ledger writes it.
    pub name: String,
    /// The problems, as (report, problem) indexes, in dataset order.
    pub problems: Vec<(usize, usize)>,
    /// Closed, open and long-term among them.
    pub counts: Counts,
    /// Lights of the open ones.
    pub lights: Lights,
}

/// Owners of one kind, most overdue first, then most open, then by name.
/// Empty when the data names no owner of that kind (published reports).
pub fn owners(dataset: &Dataset, as_of: NaiveDate, kind: OwnerKind) -> Vec<OwnerRow> {
    let mut by_name: BTreeMap<&str, OwnerRow> = BTreeMap::new();
    for (ri, report) in dataset.reports.iter().enumerate() {
        for (pi, problem) in report.problems.iter().enumerate() {
            let names = match kind {
                OwnerKind::Leader => &problem.leaders,
                OwnerKind::Department => &problem.departments,
            };
            let mut seen: Vec<&str> = Vec::new();
            for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
                if seen.contains(&name) {
                    continue;
                }
                seen.push(name);
                let row = by_name.entry(name).or_insert_with(|| OwnerRow {
                    name: name.to_owned(),
                    problems: Vec::new(),
                    counts: Counts::default(),
                    lights: Lights::default(),
                });
                row.problems.push((ri, pi));
                match problem.status {
                    Status::Closed => row.counts.closed += 1,
                    Status::Open => {
                        row.counts.open += 1;
                        row.lights.add_problem(problem_due(problem), as_of);
                    }
                    Status::LongTerm => row.counts.long_term += 1,
                }
            }
        }
    }
    let mut rows: Vec<OwnerRow> = by_name.into_values().collect();
    rows.sort_by(|a, b| {
        b.lights
            .overdue
            .cmp(&a.lights.overdue)
            .then_with(|| b.counts.open.cmp(&a.counts.open))
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}

#[cfg(test)]
mod tests;
