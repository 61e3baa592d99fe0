//! Problem counts of a report (stated, inferred or transcribed), its total,
//! its overdue open problems, and the people it holds accountable.

use chrono::NaiveDate;

use super::{Count, CountSource, Counts, ProblemCounts};
use crate::model::{Accountability, Basis, Report, Status};

pub(super) fn problem_counts(report: &Report) -> ProblemCounts {
    let count = |status| report.problems_with(status).count() as u32;
    let transcribed = Counts {
        closed: count(Status::Closed),
        open: count(Status::Open),
        long_term: count(Status::LongTerm),
    };
    let best = |stated: &Option<crate::model::StatedCount>, transcribed: u32| match stated {
        Some(s) => Count {
            value: s.value,
            source: match s.basis {
                Basis::Stated => CountSource::Stated,
                Basis::InferredFromNumbering => CountSource::Numbering,
            },
        },
        None => Count {
            value: transcribed,
            source: CountSource::Transcribed,
        },
    };
    ProblemCounts {
        closed: best(&report.stated.closed, transcribed.closed),
        open: best(&report.stated.open, transcribed.open),
        long_term: best(&report.stated.long_term, transcribed.long_term),
        transcribed,
    }
}

/// The report's stated total, or the sum of its best known counts.
pub(super) fn problem_total(report: &Report, problems: &ProblemCounts) -> Count {
    match &report.stated.total {
        Some(s) => Count {
            value: s.value,
            source: match s.basis {
                Basis::Stated => CountSource::Stated,
                Basis::InferredFromNumbering => CountSource::Numbering,
            },
        },
        None => Count {
            value: problems.best().total(),
            source: if [problems.closed, problems.open, problems.long_term]
                .iter()
                .any(|c| c.source == CountSource::Numbering)
            {
                CountSource::SumWithInferred
            } else {
                CountSource::Sum
            },
        },
    }
}

/// The day a problem is due: its own deadline's, else the latest of its
/// ongoing items' (the work still open). A long-term deadline has none.
pub fn problem_due(problem: &crate::model::Problem) -> Option<NaiveDate> {
    match &problem.deadline {
        Some(d) => d.date,
        None => problem
            .ongoing
            .iter()
            .filter_map(|m| m.deadline.as_ref()?.date)
            .max(),
    }
}

/// Open problems due before the as-of date.
pub(super) fn overdue_problems(report: &Report, as_of: NaiveDate) -> u32 {
    report
        .problems_with(Status::Open)
        .filter(|p| problem_due(p).is_some_and(|d| d < as_of))
        .count() as u32
}

/// People counts of a report, added by kind.
pub(super) fn people_by_kind(report: &Report) -> Vec<(Accountability, u32)> {
    let mut people = Vec::new();
    let counts: Vec<(Accountability, u32)> =
        report.people.iter().map(|p| (p.kind, p.count)).collect();
    add_people(&mut people, &counts);
    people
}

/// Adds people counts by kind, keeping the order of `Accountability::ALL`.
pub(super) fn add_people(into: &mut Vec<(Accountability, u32)>, more: &[(Accountability, u32)]) {
    for &(kind, count) in more {
        match into.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += count,
            None => into.push((kind, count)),
        }
    }
    into.sort_by_key(|(k, _)| Accountability::ALL.iter().position(|a| a == k));
}
