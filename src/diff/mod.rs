//! What changed between two versions of the data (`zhenggai diff OLD NEW`):
//! problems closed, reopened, postponed, new, removed, newly overdue, and the
//! completion rate per unit and in total. [`compute`] is a pure function of
//! the two datasets, for the command here and for the dashboard.

pub mod identity;
mod render;

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono::NaiveDate;

use crate::cli::{DiffArgs, SummaryFormat};
use crate::i18n::Lang;
use crate::model::{Dataset, Problem, Status};
use crate::progress::{self, Rate};
use identity::{Matching, ProblemAt, Reason};

pub use render::{label, to_json, to_markdown, to_text, values};

/// One problem as one version has it: the values a change is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Where it sits in its version's dataset.
    pub at: ProblemAt,
    /// The number as printed.
    pub number: Option<String>,
    /// The title, else the start of its first measure, else a placeholder.
    pub title: String,
    /// Closed, open or long-term.
    pub status: Status,
    /// The status as written, for ledgers.
    pub status_text: Option<String>,
    /// The day of its deadline (its own, else its items' latest).
    pub deadline: Option<NaiveDate>,
    /// The deadline as written.
    pub deadline_text: Option<String>,
    /// True when the deadline is the problem's own (a ledger's 整改时限).
    pub own_deadline: bool,
    /// The day this version is read as of: `--as-of` for the new version,
    /// else the date of the problem's report.
    pub as_of: NaiveDate,
    /// Open or long-term, with its deadline's day before `as_of`.
    pub overdue: bool,
}

impl Snapshot {
    fn of(dataset: &Dataset, at: ProblemAt, as_of: Option<NaiveDate>) -> Option<Self> {
        let report = dataset.reports.get(at.report)?;
        let problem = report.problems.get(at.problem)?;
        let as_of = as_of.unwrap_or(report.published);
        let deadline = progress::deadline(problem);
        Some(Self {
            at,
            number: problem.number.clone(),
            title: title(problem),
            status: problem.status,
            status_text: problem.status_text.clone(),
            deadline: deadline.as_ref().and_then(|d| d.date),
            deadline_text: deadline.as_ref().map(|d| d.text.clone()),
            own_deadline: deadline.as_ref().is_some_and(|d| d.own),
            as_of,
            overdue: progress::is_overdue(problem, as_of),
        })
    }
}

/// The title of a problem for a list: its title, else the first words of
/// its first measure, else what the dashboard shows for no title.
fn title(problem: &Problem) -> String {
    if let Some(title) = problem.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return title.to_owned();
    }
    match problem.measures.first().or(problem.ongoing.first()) {
        Some(item) => {
            let text = item.text.trim();
            let head: String = text.chars().take(30).collect();
            if head.len() < text.len() {
                format!("{head}…")
            } else {
                head
            }
        }
        None => problem.display_title().to_owned(),
    }
}

/// A problem that changed, with its unit and both versions of it (one for
/// problems new or removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The unit, as its issuer is printed.
    pub unit: String,
    /// The problem in the old version.
    pub old: Option<Snapshot>,
    /// The problem in the new version.
    pub new: Option<Snapshot>,
}

impl Change {
    /// The version that names the problem: the new one where there is one.
    pub fn latest(&self) -> Option<&Snapshot> {
        self.new.as_ref().or(self.old.as_ref())
    }
}

/// An old problem and the new problems it was split into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitChange {
    /// The unit.
    pub unit: String,
    /// The problem in the old version.
    pub old: Snapshot,
    /// Its parts in the new version.
    pub parts: Vec<Snapshot>,
}

/// Problems that could each be the other, shown rather than guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbiguousChange {
    /// The unit.
    pub unit: String,
    /// Why they could not be told apart.
    pub reason: Reason,
    /// The candidates in the old version.
    pub old: Vec<Snapshot>,
    /// The candidates in the new version.
    pub new: Vec<Snapshot>,
}

/// The completion rate of a unit in both versions; `None` where the unit is
/// not in that version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRates {
    /// The unit.
    pub unit: String,
    /// Its rate in the old version.
    pub old: Option<Rate>,
    /// Its rate in the new version.
    pub new: Option<Rate>,
}

/// Everything that changed from one version to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// The day the new version is read as of, when given; otherwise each
    /// report's own date.
    pub as_of: Option<NaiveDate>,
    /// Not closed before, closed now.
    pub closed: Vec<Change>,
    /// Closed before, not closed now.
    pub reopened: Vec<Change>,
    /// The deadline moved later, or lost its day.
    pub postponed: Vec<Change>,
    /// The deadline moved earlier.
    pub brought_forward: Vec<Change>,
    /// Only in the new version.
    pub new: Vec<Change>,
    /// Only in the old version.
    pub removed: Vec<Change>,
    /// Overdue now, and not overdue (or not there, or closed) before.
    pub newly_overdue: Vec<Change>,
    /// The status or the status as written changed, other than closing or reopening.
    pub status_changed: Vec<Change>,
    /// Problems split into parts.
    pub split: Vec<SplitChange>,
    /// Problems that could not be told apart.
    pub ambiguous: Vec<AmbiguousChange>,
    /// The rate of each unit, in both versions.
    pub units: Vec<UnitRates>,
    /// The rate of all units in the old version.
    pub total_old: Rate,
    /// The rate of all units in the new version.
    pub total_new: Rate,
}

/// What one listed change is, for marks on the new version's problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Closed since.
    Closed,
    /// Reopened.
    Reopened,
    /// Deadline moved later.
    Postponed,
    /// Deadline moved earlier.
    BroughtForward,
    /// New.
    New,
    /// Newly overdue.
    NewlyOverdue,
    /// Status changed otherwise.
    StatusChanged,
    /// A part of a split problem.
    Split,
    /// Could not be told apart from another.
    Ambiguous,
}

impl Kind {
    /// The mark a row of the dashboard carries (issue 14): closed ✓,
    /// reopened ↺, postponed ↷, brought forward ↶, new +, newly overdue !,
    /// status changed ~, part of a split ⑂, ambiguous ?.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Closed => "✓",
            Self::Reopened => "↺",
            Self::Postponed => "↷",
            Self::BroughtForward => "↶",
            Self::New => "+",
            Self::NewlyOverdue => "!",
            Self::StatusChanged => "~",
            Self::Split => "⑂",
            Self::Ambiguous => "?",
        }
    }
}

impl Changes {
    /// True when no problem changed; rates may be listed, and are then unchanged.
    pub fn is_empty(&self) -> bool {
        self.lists().iter().all(|(_, l)| l.is_empty())
            && self.split.is_empty()
            && self.ambiguous.is_empty()
    }

    /// The lists of changed problems with their kinds, in the order outputs show them.
    pub fn lists(&self) -> [(Kind, &[Change]); 7] {
        [
            (Kind::Closed, &self.closed),
            (Kind::Reopened, &self.reopened),
            (Kind::Postponed, &self.postponed),
            (Kind::BroughtForward, &self.brought_forward),
            (Kind::NewlyOverdue, &self.newly_overdue),
            (Kind::New, &self.new),
            (Kind::StatusChanged, &self.status_changed),
        ]
    }

    /// The kinds of change of each problem of the new version that has one:
    /// what a dashboard marks its rows with.
    pub fn marks(&self) -> BTreeMap<ProblemAt, Vec<Kind>> {
        let mut marks: BTreeMap<ProblemAt, Vec<Kind>> = BTreeMap::new();
        for (kind, list) in self.lists() {
            for c in list {
                if let Some(new) = &c.new {
                    marks.entry(new.at).or_default().push(kind);
                }
            }
        }
        for s in &self.split {
            for p in &s.parts {
                marks.entry(p.at).or_default().push(Kind::Split);
            }
        }
        for a in &self.ambiguous {
            for p in &a.new {
                marks.entry(p.at).or_default().push(Kind::Ambiguous);
            }
        }
        marks
    }
}

/// What changed from `old` to `new`. The old version is read as of each of
/// its reports' dates; the new one as of `as_of`, or else its reports' dates.
/// The changes of a dataset against itself, without `as_of`, are none.
pub fn compute(old: &Dataset, new: &Dataset, as_of: Option<NaiveDate>) -> Changes {
    let matching = identity::match_problems(old, new);
    let mut changes = Changes {
        as_of,
        ..Changes::default()
    };
    let unit = |u: usize| matching.units[u].name.clone();
    let old_at = |at| Snapshot::of(old, at, None);
    let new_at = |at| Snapshot::of(new, at, as_of);

    for pair in &matching.pairs {
        let (Some(o), Some(n)) = (old_at(pair.old), new_at(pair.new)) else {
            continue;
        };
        let closed_now = n.status == Status::Closed;
        let closed_before = o.status == Status::Closed;
        // A closed problem's items are rewritten as results; only a deadline
        // of its own still says something once it is closed.
        let compare_deadlines = !closed_now || (o.own_deadline && n.own_deadline);
        let moved = match (o.deadline, n.deadline) {
            _ if !compare_deadlines => None,
            (Some(a), Some(b)) if b > a => Some(&mut changes.postponed),
            (Some(a), Some(b)) if b < a => Some(&mut changes.brought_forward),
            (Some(_), None) if n.deadline_text.is_some() => Some(&mut changes.postponed),
            _ => None,
        };
        let newly_overdue = n.overdue && (closed_before || !o.overdue);
        let status = if closed_now && !closed_before {
            Some(&mut changes.closed)
        } else if closed_before && !closed_now {
            Some(&mut changes.reopened)
        } else if o.status != n.status || o.status_text != n.status_text {
            Some(&mut changes.status_changed)
        } else {
            None
        };
        let change = Change {
            unit: unit(pair.unit),
            old: Some(o),
            new: Some(n),
        };
        if let Some(list) = moved {
            list.push(change.clone());
        }
        if let Some(list) = status {
            list.push(change.clone());
        }
        if newly_overdue {
            changes.newly_overdue.push(change);
        }
    }
    for &(u, at) in &matching.added {
        let Some(n) = new_at(at) else { continue };
        let change = Change {
            unit: unit(u),
            old: None,
            new: Some(n),
        };
        if change.new.as_ref().is_some_and(|n| n.overdue) {
            changes.newly_overdue.push(change.clone());
        }
        changes.new.push(change);
    }
    changes.removed = matching
        .removed
        .iter()
        .filter_map(|&(u, at)| {
            Some(Change {
                unit: unit(u),
                old: Some(old_at(at)?),
                new: None,
            })
        })
        .collect();
    changes.split = matching
        .splits
        .iter()
        .filter_map(|s| {
            Some(SplitChange {
                unit: unit(s.unit),
                old: old_at(s.old)?,
                parts: s.parts.iter().filter_map(|&at| new_at(at)).collect(),
            })
        })
        .collect();
    // A part of a split problem falls overdue like any other problem.
    for s in &changes.split {
        let was = s.old.status == Status::Closed || !s.old.overdue;
        for part in s.parts.iter().filter(|p| p.overdue && was) {
            changes.newly_overdue.push(Change {
                unit: s.unit.clone(),
                old: Some(s.old.clone()),
                new: Some(part.clone()),
            });
        }
    }
    changes.ambiguous = matching
        .ambiguous
        .iter()
        .map(|a| AmbiguousChange {
            unit: unit(a.unit),
            reason: a.reason,
            old: a.old.iter().filter_map(|&at| old_at(at)).collect(),
            new: a.new.iter().filter_map(|&at| new_at(at)).collect(),
        })
        .collect();
    sort(&mut changes, &matching);
    rates(&mut changes, &matching, old, new);
    changes
}

/// Orders every list by unit, then by place in the new version (else the old).
fn sort(changes: &mut Changes, matching: &Matching) {
    let order: BTreeMap<&str, usize> = matching
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.as_str(), i))
        .collect();
    let key = |c: &Change| {
        (
            order.get(c.unit.as_str()).copied(),
            c.new.is_none(),
            c.latest().map(|s| s.at),
        )
    };
    for list in [
        &mut changes.closed,
        &mut changes.reopened,
        &mut changes.postponed,
        &mut changes.brought_forward,
        &mut changes.new,
        &mut changes.removed,
        &mut changes.newly_overdue,
        &mut changes.status_changed,
    ] {
        list.sort_by_key(key);
    }
}

fn rates(changes: &mut Changes, matching: &Matching, old: &Dataset, new: &Dataset) {
    for u in &matching.units {
        let rate = |dataset: &Dataset, reports: &[usize]| {
            (!reports.is_empty())
                .then(|| Rate::of_reports(reports.iter().map(|&r| &dataset.reports[r])))
        };
        changes.units.push(UnitRates {
            unit: u.name.clone(),
            old: rate(old, &u.old),
            new: rate(new, &u.new),
        });
    }
    changes.total_old = Rate::of_reports(&old.reports);
    changes.total_new = Rate::of_reports(&new.reports);
}

/// Runs `zhenggai diff`: loads both versions, writes the changes to `out`,
/// diagnostics to `err`; returns the exit code (0 when it ran, 2 on bad input).
pub fn run(args: &DiffArgs, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    // Both versions are read before giving up, so that one run shows every error.
    let old = load_version(&args.old, err)?;
    let new = load_version(&args.new, err)?;
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(2);
    };
    let changes = compute(&old, &new, args.as_of);
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    match args.format {
        SummaryFormat::Text => out.write_all(to_text(&old, &new, &changes, lang).as_bytes())?,
        SummaryFormat::Markdown => {
            out.write_all(to_markdown(&old, &new, &changes, lang).as_bytes())?;
        }
        SummaryFormat::Json => {
            let mut escaped =
                crate::sanitize::Escaping::with_mode(&mut *out, crate::sanitize::Mode::Json);
            serde_json::to_writer_pretty(&mut escaped, &to_json(&old, &new, &changes))?;
            escaped.write_all(b"\n")?;
            escaped.flush()?;
        }
    }
    Ok(0)
}

/// What the dashboard's `--since OLD` shows, as text, for when standard
/// output is no terminal: the changes from `old` to the data at `paths`,
/// the new version read as of `as_of`, in the text of `diff`. Returns the
/// exit code, as `run`.
pub fn write_since(
    old: &std::path::Path,
    paths: &[std::path::PathBuf],
    as_of: NaiveDate,
    lang: Lang,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let old = load_version(old, err)?;
    let new = match crate::load::load(paths) {
        Ok(loaded) => {
            crate::check::print_warnings(&loaded, err)?;
            Some(loaded.dataset)
        }
        Err(e) => {
            crate::check::print_load_error(&e, err)?;
            None
        }
    };
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(2);
    };
    let changes = compute(&old, &new, Some(as_of));
    out.write_all(to_text(&old, &new, &changes, lang).as_bytes())?;
    Ok(0)
}

/// One version's dataset, or `None` when it cannot be loaded (its errors
/// printed to `err`, as `check` prints them).
pub fn load_version(path: &std::path::Path, err: &mut impl Write) -> io::Result<Option<Dataset>> {
    match crate::load::load(&[path.to_path_buf()]) {
        Ok(loaded) => {
            crate::check::print_warnings(&loaded, err)?;
            Ok(Some(loaded.dataset))
        }
        Err(e) => {
            crate::check::print_load_error(&e, err)?;
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests;
