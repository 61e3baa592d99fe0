//! How far one version of the data has got: the completion rate of a report
//! or unit and whether a problem is overdue, as `diff` and `history` compare
//! them from version to version.
//!
//! The rate is counted from the transcribed problems; a report that
//! transcribes none but states its totals is counted from what it states, and
//! the rate says which basis it has (docs/changes.md).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Problem, Report, Status};

/// Where the counts of a rate come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateBasis {
    /// Counted from the transcribed problems.
    Transcribed,
    /// The totals the report states; it transcribes no problem.
    Stated,
    /// Some reports counted one way, some the other.
    Mixed,
}

/// Problems closed out of all problems, with the basis of the counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    /// Problems closed (已完成整改).
    pub closed: u32,
    /// Problems still open (正在推进整改).
    pub open: u32,
    /// Problems that need long-term effort (需长期坚持).
    pub long_term: u32,
    /// All problems; a stated total may hold problems of no stated status.
    pub problems: u32,
    /// Where the counts come from; `None` when nothing is counted.
    pub basis: Option<RateBasis>,
}

impl Rate {
    /// The rate of one report: its transcribed problems, or else its stated
    /// totals when they give the closed count and the whole.
    pub fn of_report(report: &Report) -> Self {
        if !report.problems.is_empty() {
            let count = |status| report.problems_with(status).count() as u32;
            return Self {
                closed: count(Status::Closed),
                open: count(Status::Open),
                long_term: count(Status::LongTerm),
                problems: report.problems.len() as u32,
                basis: Some(RateBasis::Transcribed),
            };
        }
        let s = &report.stated;
        let value = |c: &Option<crate::model::StatedCount>| c.as_ref().map(|c| c.value);
        let (Some(closed), open, long_term, total) = (
            value(&s.closed),
            value(&s.open),
            value(&s.long_term),
            value(&s.total),
        ) else {
            return Self::default();
        };
        if open.is_none() && long_term.is_none() && total.is_none() {
            // "11 closed" alone does not say out of how many.
            return Self::default();
        }
        let long_term = long_term.unwrap_or(0);
        let open = open.unwrap_or_else(|| {
            total
                .unwrap_or(0)
                .saturating_sub(closed)
                .saturating_sub(long_term)
        });
        Self {
            closed,
            open,
            long_term,
            problems: total.unwrap_or(closed + open + long_term),
            basis: Some(RateBasis::Stated),
        }
    }

    /// The rate of several reports together.
    pub fn of_reports<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Self {
        reports
            .into_iter()
            .fold(Self::default(), |sum, r| sum.plus(Self::of_report(r)))
    }

    /// The counts of both, with the basis they share or `Mixed`.
    pub fn plus(self, other: Self) -> Self {
        let basis = match (self.basis, other.basis) {
            (None, b) | (b, None) => b,
            (Some(a), Some(b)) if a == b => Some(a),
            _ => Some(RateBasis::Mixed),
        };
        Self {
            closed: self.closed + other.closed,
            open: self.open + other.open,
            long_term: self.long_term + other.long_term,
            problems: self.problems + other.problems,
            basis,
        }
    }

    /// Closed ÷ problems in percent, to one decimal; `None` with no problems.
    pub fn percent(&self) -> Option<Decimal> {
        if self.problems == 0 {
            return None;
        }
        let percent =
            Decimal::from(self.closed) * Decimal::ONE_HUNDRED / Decimal::from(self.problems);
        Some(percent.round_dp(1))
    }

    /// The change from `old` to `new` in percentage points, to one decimal.
    pub fn points(old: &Self, new: &Self) -> Option<Decimal> {
        Some(new.percent()? - old.percent()?)
    }
}

/// The deadline a problem is measured by, as written and the day it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemDeadline {
    /// The day, when the text names one.
    pub date: Option<NaiveDate>,
    /// The deadline as written.
    pub text: String,
    /// True when it is the problem's own deadline (a ledger's 整改时限), not
    /// the latest of its items'.
    pub own: bool,
}

/// The problem's own deadline, else the latest dated deadline of its
/// measures and ongoing items, else the first undated one; `None` when no
/// deadline is written at all.
pub fn deadline(problem: &Problem) -> Option<ProblemDeadline> {
    if let Some(d) = &problem.deadline {
        return Some(ProblemDeadline {
            date: d.date,
            text: d.text.clone(),
            own: true,
        });
    }
    let items = problem.measures.iter().chain(&problem.ongoing);
    let written: Vec<&crate::model::Deadline> = items.filter_map(|m| m.deadline.as_ref()).collect();
    let latest = written
        .iter()
        .filter(|d| d.date.is_some())
        .max_by_key(|d| d.date)
        .or_else(|| written.first())?;
    Some(ProblemDeadline {
        date: latest.date,
        text: latest.text.clone(),
        own: false,
    })
}

/// True when the problem is not closed and its deadline's day is before `as_of`.
pub fn is_overdue(problem: &Problem, as_of: NaiveDate) -> bool {
    problem.status != Status::Closed
        && deadline(problem)
            .and_then(|d| d.date)
            .is_some_and(|date| date < as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deadline, Measure, StatedCount};

    fn day(s: &str) -> NaiveDate {
        crate::dates::parse(s).unwrap_or_default()
    }

    fn dated(text: &str, date: &str) -> Option<Deadline> {
        Some(Deadline {
            text: text.to_owned(),
            date: crate::dates::parse(date),
            quote: text.to_owned(),
            ..Deadline::default()
        })
    }

    #[test]
    fn a_problem_is_due_by_its_own_deadline_else_its_latest_item() {
        let item = |text, date| Measure {
            deadline: dated(text, date),
            ..Measure::default()
        };
        let mut p = Problem {
            measures: vec![item("2022年1月", "2022-01-31")],
            ongoing: vec![
                item("2023年", "2023-12-31"),
                item("2022年上半年", "2022-06-30"),
            ],
            ..Problem::default()
        };
        let d = deadline(&p).unwrap();
        assert_eq!(
            (d.date, d.text.as_str(), d.own),
            (Some(day("2023-12-31")), "2023年", false)
        );
        p.deadline = dated("2022年一季度", "2022-03-31");
        let d = deadline(&p).unwrap();
        assert_eq!((d.date, d.own), (Some(day("2022-03-31")), true));
        assert!(is_overdue(&p, day("2022-04-01")));
        assert!(
            !is_overdue(&p, day("2022-03-31")),
            "due on the day is not late"
        );
        p.status = Status::Closed;
        assert!(
            !is_overdue(&p, day("2030-01-01")),
            "closed is never overdue"
        );
        assert_eq!(deadline(&Problem::default()), None);
    }

    #[test]
    fn stated_totals_count_only_when_nothing_is_transcribed() {
        let count = |value| {
            Some(StatedCount {
                value,
                basis: crate::model::Basis::Stated,
                quote: String::new(),
            })
        };
        let mut r = crate::generate::report(1, 0);
        let transcribed = Rate::of_report(&r);
        assert_eq!(transcribed.basis, Some(RateBasis::Transcribed));
        assert_eq!(transcribed.problems, r.problems.len() as u32);
        r.problems.clear();
        r.stated = crate::model::StatedTotals {
            closed: count(11),
            open: count(2),
            ..Default::default()
        };
        let stated = Rate::of_report(&r);
        assert_eq!((stated.closed, stated.problems), (11, 13));
        assert_eq!(stated.basis, Some(RateBasis::Stated));
        assert_eq!(stated.percent(), Some(Decimal::new(846, 1)));
        assert_eq!(transcribed.plus(stated).basis, Some(RateBasis::Mixed));
        r.stated.open = None;
        assert_eq!(
            Rate::of_report(&r),
            Rate::default(),
            "11 closed out of what?"
        );
        assert_eq!(Rate::default().percent(), None);
    }
}
