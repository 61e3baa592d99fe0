//! Figures derived from a `Dataset`: problem counts, money and land totals,
//! deadline buckets. Pure, computed once per load, shared by every view.
//!
//! Only achieved figures are added up, and only within one kind and one
//! currency; targets, forecasts, plans, rates and changes are listed apart;
//! a figure that overlaps another (`overlaps`) is listed but never added.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{
    Accountability, Dataset, Figure, FigureKind, FigureRef, ItemList, Measure, Report, Role,
};
use crate::units::{Currency, Dimension};

/// Where an item (a measure or an ongoing item) sits in a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemPath {
    /// Index into `Dataset::reports`.
    pub report: usize,
    /// Index into `Report::problems`; `usize::MAX` for a `general` paragraph,
    /// which belongs to no problem.
    pub problem: usize,
    /// `measures`, `ongoing` or the report's `general`.
    pub list: ItemList,
    /// Index into that list.
    pub item: usize,
}

/// Where a figure sits in a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FigurePath {
    /// The item that holds the figure.
    pub item: ItemPath,
    /// Index into `Measure::figures`.
    pub figure: usize,
}

impl ItemPath {
    /// The path of paragraph `item` of a report's `general` paragraphs.
    pub fn general(report: usize, item: usize) -> Self {
        Self {
            report,
            problem: usize::MAX,
            list: ItemList::General,
            item,
        }
    }

    /// True for a paragraph about the report as a whole, in no problem.
    pub fn is_general(&self) -> bool {
        self.list == ItemList::General
    }

    /// The item this path points at, if the dataset has it.
    pub fn resolve<'a>(&self, dataset: &'a Dataset) -> Option<&'a Measure> {
        if self.list == ItemList::General {
            return dataset.reports.get(self.report)?.general.get(self.item);
        }
        let problem = dataset.problem(self.report, self.problem)?;
        match self.list {
            ItemList::Measures => problem.measures.get(self.item),
            ItemList::Ongoing => problem.ongoing.get(self.item),
            ItemList::General => None,
        }
    }
}

impl FigurePath {
    /// The figure this path points at, if the dataset has it.
    pub fn resolve<'a>(&self, dataset: &'a Dataset) -> Option<&'a Figure> {
        self.item.resolve(dataset)?.figures.get(self.figure)
    }
}

/// Closed, open and long-term problem counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// 已完成整改.
    pub closed: u32,
    /// 正在推进整改.
    pub open: u32,
    /// 需长期坚持.
    pub long_term: u32,
}

impl Counts {
    /// The sum of the three.
    pub fn total(&self) -> u32 {
        self.closed + self.open + self.long_term
    }

    fn add(&mut self, other: Counts) {
        self.closed += other.closed;
        self.open += other.open;
        self.long_term += other.long_term;
    }
}

/// Where a problem count comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountSource {
    /// The report says it in words.
    Stated,
    /// The report's numbering implies it.
    Numbering,
    /// Counted from the transcribed problems.
    Transcribed,
    /// The total of closed, open and long-term, where the report states none.
    Sum,
    /// Such a sum, with a count inferred from numbering among its parts.
    SumWithInferred,
}

impl CountSource {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Numbering => "inferred_from_numbering",
            Self::Transcribed => "transcribed",
            Self::Sum => "sum",
            Self::SumWithInferred => "sum_with_inferred",
        }
    }
}

/// A problem count with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// The number of problems.
    pub value: u32,
    /// Where it comes from.
    pub source: CountSource,
}

/// The problem counts of a report: the best known, and the transcribed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemCounts {
    /// Closed: stated where the report states it, otherwise transcribed.
    pub closed: Count,
    /// Open, likewise.
    pub open: Count,
    /// Long-term, likewise.
    pub long_term: Count,
    /// The problems transcribed in the data.
    pub transcribed: Counts,
}

impl ProblemCounts {
    /// The best known counts, without their sources.
    pub fn best(&self) -> Counts {
        Counts {
            closed: self.closed.value,
            open: self.open.value,
            long_term: self.long_term.value,
        }
    }
}

/// Where a deadline falls against the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    /// Before the as-of date.
    Overdue,
    /// Within 30 days from the as-of date.
    DueSoon,
    /// More than 30 days away.
    Later,
    /// The text names no day, or there is no deadline at all.
    NoDate,
}

impl Bucket {
    /// Which bucket a date falls in, as of a day.
    pub fn of(date: Option<NaiveDate>, as_of: NaiveDate) -> Self {
        let Some(date) = date else {
            return Self::NoDate;
        };
        if date < as_of {
            Self::Overdue
        } else if as_of
            .checked_add_days(Days::new(30))
            .is_none_or(|soon| date <= soon)
        {
            Self::DueSoon
        } else {
            Self::Later
        }
    }

    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Overdue => "overdue",
            Self::DueSoon => "due_soon",
            Self::Later => "later",
            Self::NoDate => "none",
        }
    }
}

/// How many deadlines fall in each bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BucketCounts {
    /// Past the as-of date.
    pub overdue: u32,
    /// Within 30 days.
    pub due_soon: u32,
    /// Further away.
    pub later: u32,
    /// No day named.
    pub none: u32,
}

impl BucketCounts {
    fn add_one(&mut self, bucket: Bucket) {
        match bucket {
            Bucket::Overdue => self.overdue += 1,
            Bucket::DueSoon => self.due_soon += 1,
            Bucket::Later => self.later += 1,
            Bucket::NoDate => self.none += 1,
        }
    }

    fn add(&mut self, other: BucketCounts) {
        self.overdue += other.overdue;
        self.due_soon += other.due_soon;
        self.later += other.later;
        self.none += other.none;
    }
}

/// An item of work with a deadline (or an ongoing item without one), or an
/// open problem with a deadline of its own (a ledger's 整改时限).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineEntry {
    /// Index into `Dataset::reports`.
    pub report: usize,
    /// Index into `Report::problems`.
    pub problem: usize,
    /// The item; `None` for the problem's own deadline.
    pub item: Option<ItemPath>,
    /// The day the deadline means, if any.
    pub date: Option<NaiveDate>,
    /// The bucket as of the as-of date.
    pub bucket: Bucket,
}

impl DeadlineEntry {
    /// The deadline as written: the item's, or the problem's own.
    pub fn deadline<'a>(&self, data: &'a Dataset) -> Option<&'a crate::model::Deadline> {
        match self.item {
            Some(path) => path.resolve(data)?.deadline.as_ref(),
            None => data.problem(self.report, self.problem)?.deadline.as_ref(),
        }
    }
}

/// An amount the text mentions without a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnstatedEntry {
    /// The item that mentions it.
    pub item: ItemPath,
    /// Index into `Measure::unstated`.
    pub index: usize,
}

/// Everything derived from one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportStats {
    /// Index into `Dataset::reports`.
    pub report: usize,
    /// Problem counts.
    pub problems: ProblemCounts,
    /// All problems: stated where the report states a total, otherwise the
    /// sum of the best known closed, open and long-term counts.
    pub total: Count,
    /// Open problems whose deadline is before the as-of date: the problem's
    /// own, else the latest of its ongoing items'.
    pub overdue: u32,
    /// People held accountable by kind, summed within the report, heaviest
    /// kind first; stated zero counts kept.
    pub people: Vec<(Accountability, u32)>,
    /// Rules made or revised, where the report states any.
    pub rules: Option<u32>,
    /// Achieved money by kind and currency, recovered first.
    pub money: Vec<MoneyTotal>,
    /// Money figures that are targets, forecasts or plans: never added in.
    pub money_other: Vec<FigurePath>,
    /// Money mentioned without an amount.
    pub unstated: Vec<UnstatedEntry>,
    /// Achieved land by kind.
    pub land: Vec<LandTotal>,
    /// Land figures that are targets or forecasts.
    pub land_other: Vec<FigurePath>,
    /// Deadline counts per bucket.
    pub deadlines: BucketCounts,
}

/// Everything derived from a dataset as of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// The day deadlines are measured against.
    pub as_of: NaiveDate,
    /// One entry per report, in dataset order.
    pub reports: Vec<ReportStats>,
    /// Every dated item and every ongoing item, sorted by date (no date last).
    pub deadlines: Vec<DeadlineEntry>,
    /// Totals over all reports.
    pub totals: Totals,
}

/// Totals over all reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// Best known problem counts, added.
    pub problems: Counts,
    /// The reports' totals, added.
    pub total: u32,
    /// Overdue open problems, added.
    pub overdue: u32,
    /// People held accountable by kind, added over reports.
    pub people: Vec<(Accountability, u32)>,
    /// Rules made or revised, added over the reports that state any.
    pub rules: Option<u32>,
    /// Transcribed problem counts, added.
    pub transcribed: Counts,
    /// Achieved money by kind and currency.
    pub money: Vec<MoneyTotal>,
    /// Achieved land by kind.
    pub land: Vec<LandTotal>,
    /// Deadline counts per bucket.
    pub deadlines: BucketCounts,
}

impl Stats {
    /// Derives every figure of a dataset as of a day.
    pub fn compute(dataset: &Dataset, as_of: NaiveDate) -> Self {
        let mut stats = Self::empty(as_of);
        stats.extend(&dataset.reports, 0);
        stats
    }

    /// The statistics of no reports.
    pub fn empty(as_of: NaiveDate) -> Self {
        Self {
            as_of,
            reports: Vec::new(),
            deadlines: Vec::new(),
            totals: Totals {
                problems: Counts::default(),
                total: 0,
                overdue: 0,
                people: Vec::new(),
                rules: None,
                transcribed: Counts::default(),
                money: Vec::new(),
                land: Vec::new(),
                deadlines: BucketCounts::default(),
            },
        }
    }

    /// Adds the reports `reports[from..]`, which arrived after the ones these
    /// statistics already count: the same result as computing them all again,
    /// for the cost of the new ones.
    pub fn extend(&mut self, reports: &[Report], from: usize) {
        let Some(new) = reports.get(from..) else {
            return;
        };
        let (stats, deadlines) = per_report(new, from, self.as_of);
        let totals = &mut self.totals;
        for r in &stats {
            totals.problems.add(r.problems.best());
            totals.total += r.total.value;
            totals.overdue += r.overdue;
            add_people(&mut totals.people, &r.people);
            totals.rules = match (totals.rules, r.rules) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
            };
            totals.transcribed.add(r.problems.transcribed);
            totals.deadlines.add(r.deadlines);
            for m in &r.money {
                let key = |t: &MoneyTotal| (t.kind.money_rank(), t.kind, t.currency);
                let at = match totals.money.binary_search_by_key(&key(m), key) {
                    Ok(at) => at,
                    Err(at) => {
                        totals.money.insert(
                            at,
                            MoneyTotal {
                                kind: m.kind,
                                currency: m.currency,
                                amount: Decimal::ZERO,
                                approximate: false,
                                figures: Vec::new(),
                                added: 0,
                            },
                        );
                        at
                    }
                };
                let entry = &mut totals.money[at];
                entry.amount += m.amount;
                entry.approximate |= m.approximate;
                merge_figures(&mut entry.figures, &mut entry.added, &m.figures, m.added);
            }
            for l in &r.land {
                let at = match totals.land.binary_search_by_key(&l.kind, |t| t.kind) {
                    Ok(at) => at,
                    Err(at) => {
                        totals.land.insert(
                            at,
                            LandTotal {
                                kind: l.kind,
                                m2: Decimal::ZERO,
                                target_m2: None,
                                with_target_m2: Decimal::ZERO,
                                approximate: false,
                                figures: Vec::new(),
                                added: 0,
                            },
                        );
                        at
                    }
                };
                let entry = &mut totals.land[at];
                entry.m2 += l.m2;
                entry.with_target_m2 += l.with_target_m2;
                entry.target_m2 = add_opt(entry.target_m2, l.target_m2);
                entry.approximate |= l.approximate;
                merge_figures(&mut entry.figures, &mut entry.added, &l.figures, l.added);
            }
        }
        self.reports.extend(stats);
        self.deadlines.extend(deadlines);
        // Stable, and quick on a sorted run followed by a short one.
        self.deadlines
            .sort_by_key(|d| (d.date.is_none(), d.date, d.item));
    }
}

/// The stats of each report and their deadlines, in report order, computed
/// in as many runs of reports as there are cores.
fn per_report(
    reports: &[Report],
    first: usize,
    as_of: NaiveDate,
) -> (Vec<ReportStats>, Vec<DeadlineEntry>) {
    let run = |first: usize, reports: &[Report]| {
        let mut deadlines = Vec::new();
        let stats: Vec<ReportStats> = reports
            .iter()
            .enumerate()
            .map(|(i, r)| report_stats(first + i, r, as_of, &mut deadlines))
            .collect();
        (stats, deadlines)
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    // Below a few hundred reports a thread costs more than it saves.
    if threads < 2 || reports.len() < 256 {
        return run(first, reports);
    }
    let size = reports.len().div_ceil(threads);
    let runs: Vec<(Vec<ReportStats>, Vec<DeadlineEntry>)> = std::thread::scope(|s| {
        let handles: Vec<_> = reports
            .chunks(size)
            .enumerate()
            .skip(1)
            .map(|(c, chunk)| s.spawn(move || run(first + c * size, chunk)))
            .collect();
        let mut runs = vec![run(first, &reports[..size.min(reports.len())])];
        for handle in handles {
            match handle.join() {
                Ok(r) => runs.push(r),
                // A panic in a worker is a bug; carry it on to the caller.
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        runs
    });
    let mut stats = Vec::with_capacity(reports.len());
    let mut deadlines = Vec::new();
    for (s, d) in runs {
        stats.extend(s);
        deadlines.extend(d);
    }
    (stats, deadlines)
}

/// Appends another report's figures to a total's: its added ones after the
/// added ones already there, its listed ones at the end.
fn merge_figures(
    figures: &mut Vec<FigurePath>,
    added: &mut usize,
    more: &[FigurePath],
    more_added: usize,
) {
    let (more_added_part, more_listed) = more.split_at(more_added.min(more.len()));
    figures.splice(*added..*added, more_added_part.iter().copied());
    *added += more_added_part.len();
    figures.extend(more_listed);
}

fn add_opt(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
    }
}

/// The exact value of a figure in its base unit, from value × factor.
///
/// The stored `normalized` is rounded to two decimals; sums are exact.
fn base_value(figure: &Figure) -> Option<Decimal> {
    figure.value.checked_mul(figure.unit.factor()?)
}

fn report_stats(
    index: usize,
    report: &Report,
    as_of: NaiveDate,
    deadlines: &mut Vec<DeadlineEntry>,
) -> ReportStats {
    let targets: BTreeMap<&str, &Figure> = report
        .general_figures()
        .chain(report.figures())
        .filter_map(|f| Some((f.figure.id.as_deref()?, f.figure)))
        .collect();

    // A report-level figure (in `general`) of a kind is the report's own
    // total for that kind: the problems' figures of the same kind (and
    // currency) are listed under it but not added, since the report's total
    // already holds them or says more than they do. Adding both would count
    // the same money twice.
    let reported: Vec<(FigureKind, Option<crate::units::Currency>)> = report
        .general_figures()
        .filter(|f| f.figure.role == Role::Achieved && f.figure.overlaps.is_none())
        .map(|f| (f.figure.kind, f.figure.unit.currency()))
        .collect();

    let mut money: BTreeMap<(u8, FigureKind, Currency), MoneyTotal> = BTreeMap::new();
    let mut money_listed: Vec<((u8, FigureKind, Currency), FigurePath)> = Vec::new();
    let mut money_other = Vec::new();
    let mut land: BTreeMap<FigureKind, LandTotal> = BTreeMap::new();
    let mut land_listed: Vec<(FigureKind, FigurePath)> = Vec::new();
    let mut land_other = Vec::new();

    let path_of = |f: &FigureRef<'_>| FigurePath {
        item: match f.list {
            ItemList::General => ItemPath::general(index, f.item),
            list => ItemPath {
                report: index,
                problem: f.problem,
                list,
                item: f.item,
            },
        },
        figure: f.index,
    };
    for f in report.general_figures().chain(report.figures()) {
        let path = path_of(&f);
        let figure = f.figure;
        let Some(value) = base_value(figure) else {
            continue;
        };
        let in_report_total = f.list != ItemList::General
            && reported.contains(&(figure.kind, figure.unit.currency()));
        match figure.unit.dimension() {
            Some(Dimension::Money(currency)) => {
                // Money of no known kind is never added up: two such figures
                // may be the problem's money and the part of it recovered.
                if figure.role != Role::Achieved
                    || figure.kind.group() == crate::model::Group::Other
                {
                    money_other.push(path);
                    continue;
                }
                let key = (figure.kind.money_rank(), figure.kind, currency);
                if figure.overlaps.is_some() || in_report_total {
                    money_listed.push((key, path));
                    continue;
                }
                let entry = money.entry(key).or_insert_with(|| MoneyTotal {
                    kind: figure.kind,
                    currency,
                    amount: Decimal::ZERO,
                    approximate: false,
                    figures: Vec::new(),
                    added: 0,
                });
                entry.amount += value;
                entry.approximate |= figure.approximate;
                entry.figures.push(path);
                entry.added += 1;
            }
            Some(Dimension::Area) => {
                if figure.role != Role::Achieved {
                    land_other.push(path);
                    continue;
                }
                if figure.overlaps.is_some() || in_report_total {
                    land_listed.push((figure.kind, path));
                    continue;
                }
                let entry = land.entry(figure.kind).or_insert_with(|| LandTotal {
                    kind: figure.kind,
                    m2: Decimal::ZERO,
                    target_m2: None,
                    with_target_m2: Decimal::ZERO,
                    approximate: false,
                    figures: Vec::new(),
                    added: 0,
                });
                entry.m2 += value;
                entry.approximate |= figure.approximate;
                let target = figure
                    .target
                    .as_deref()
                    .and_then(|id| targets.get(id))
                    .filter(|t| t.unit.dimension() == Some(Dimension::Area))
                    .and_then(|t| base_value(t));
                if let Some(target) = target {
                    entry.target_m2 = add_opt(entry.target_m2, Some(target));
                    entry.with_target_m2 += value;
                }
                entry.figures.push(path);
                entry.added += 1;
            }
            _ => {}
        }
    }
    // Figures listed but not added come after the added ones, so a reader sees them.
    for (key, path) in money_listed {
        if let Some(entry) = money.get_mut(&key) {
            entry.figures.push(path);
        } else {
            money_other.push(path);
        }
    }
    for (kind, path) in land_listed {
        if let Some(entry) = land.get_mut(&kind) {
            entry.figures.push(path);
        } else {
            land_other.push(path);
        }
    }

    let mut unstated = Vec::new();
    let mut buckets = BucketCounts::default();
    for (pi, problem) in report.problems.iter().enumerate() {
        let lists = [
            (ItemList::Measures, &problem.measures),
            (ItemList::Ongoing, &problem.ongoing),
        ];
        for (list, items) in lists {
            for (ii, item) in items.iter().enumerate() {
                let path = ItemPath {
                    report: index,
                    problem: pi,
                    list,
                    item: ii,
                };
                unstated.extend((0..item.unstated.len()).map(|i| UnstatedEntry {
                    item: path,
                    index: i,
                }));
                // Ongoing items always count, dated or not; measures only when dated.
                let date = item.deadline.as_ref().and_then(|d| d.date);
                if item.deadline.is_some() || list == ItemList::Ongoing {
                    let bucket = Bucket::of(date, as_of);
                    buckets.add_one(bucket);
                    deadlines.push(DeadlineEntry {
                        report: index,
                        problem: pi,
                        item: Some(path),
                        date,
                        bucket,
                    });
                }
            }
        }
        // A problem's own deadline, while the problem is open (closed work is
        // due no more, long-term work never) and none of its items has a
        // deadline of its own: the deadline a ledger keeps for it.
        let items_dated = problem
            .measures
            .iter()
            .chain(&problem.ongoing)
            .any(|m| m.deadline.is_some());
        if let Some(own) = &problem.deadline
            && problem.status == crate::model::Status::Open
            && !items_dated
        {
            let date = own.date;
            let bucket = Bucket::of(date, as_of);
            buckets.add_one(bucket);
            deadlines.push(DeadlineEntry {
                report: index,
                problem: pi,
                item: None,
                date,
                bucket,
            });
        }
    }

    let problems = problem_counts(report);
    ReportStats {
        report: index,
        total: problem_total(report, &problems),
        overdue: overdue_problems(report, as_of),
        people: people_by_kind(report),
        rules: (!report.rules.is_empty()).then(|| report.rules.iter().map(|r| r.count).sum()),
        problems,
        money: money.into_values().collect(),
        money_other,
        unstated,
        land: land.into_values().collect(),
        land_other,
        deadlines: buckets,
    }
}

mod amounts;
mod problems;

pub use amounts::{LandTotal, MoneySection, MoneyTotal, m2_to_mu};
pub use problems::problem_due;
use problems::{add_people, overdue_problems, people_by_kind, problem_counts, problem_total};

#[cfg(test)]
mod tests;
