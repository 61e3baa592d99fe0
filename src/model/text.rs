//! Visiting every text of a report, for views that change how text shows.

use super::{
    Contact, Deadline, Figure, Inspection, Measure, PlanItem, Problem, Report, Source,
    StatedTotals, Unplaced, Unstated,
};

/// Calls `f` on every string of the report that holds text from the source
/// or the transcriber (not units or enums, which are checked words), so that
/// a view can change how all of them show. Written with whole destructuring:
/// a field added to the model fails to compile here until it is visited.
impl Report {
    pub fn each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        let Report {
            id,
            title,
            issuer,
            published: _,
            inspection:
                Inspection {
                    kind: _,
                    team,
                    period,
                },
            source:
                Source {
                    publication,
                    page,
                    url,
                    file,
                    complete: _,
                    missing,
                },
            contact:
                Contact {
                    phone,
                    email,
                    address,
                },
            stated:
                StatedTotals {
                    closed,
                    open,
                    long_term,
                    total,
                    completion_rate,
                },
            problems,
            plan,
            signature,
            signed: _,
            unplaced,
        } = self;
        for s in [id, title, issuer] {
            f(s);
        }
        for s in [
            team,
            period,
            publication,
            page,
            url,
            file,
            missing,
            address,
            signature,
        ]
        .into_iter()
        .flatten()
        {
            f(s);
        }
        phone.iter_mut().chain(email.iter_mut()).for_each(&mut *f);
        for count in [closed, open, long_term, total].into_iter().flatten() {
            f(&mut count.quote);
        }
        if let Some(rate) = completion_rate {
            f(&mut rate.quote);
        }
        for problem in problems {
            problem.each_text_mut(f);
        }
        for PlanItem {
            ordinal,
            heading,
            text,
        } in plan
        {
            ordinal
                .iter_mut()
                .chain(heading.iter_mut())
                .for_each(&mut *f);
            f(text);
        }
        for Unplaced { text, reason } in unplaced {
            f(text);
            f(reason);
        }
    }
}

impl Problem {
    fn each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        let Problem {
            number,
            number_inferred: _,
            title,
            status: _,
            section,
            measures_heading,
            partial: _,
            note,
            measures,
            ongoing,
        } = self;
        for s in [number, title, section, measures_heading, note]
            .into_iter()
            .flatten()
        {
            f(s);
        }
        for measure in measures.iter_mut().chain(ongoing.iter_mut()) {
            measure.each_text_mut(f);
        }
    }
}

impl Measure {
    fn each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        let Measure {
            ordinal,
            ordinal_inferred: _,
            heading,
            text,
            partial: _,
            deadline,
            figures,
            unstated,
        } = self;
        ordinal
            .iter_mut()
            .chain(heading.iter_mut())
            .for_each(&mut *f);
        f(text);
        if let Some(Deadline {
            text,
            date: _,
            quote,
        }) = deadline
        {
            f(text);
            f(quote);
        }
        for Figure {
            id,
            label,
            text,
            value: _,
            unit: _,
            normalized: _,
            approximate: _,
            role: _,
            kind: _,
            target,
            overlaps,
            quote,
        } in figures
        {
            for s in [id, target, overlaps].into_iter().flatten() {
                f(s);
            }
            f(label);
            f(text);
            f(quote);
        }
        for Unstated {
            kind: _,
            label,
            quote,
        } in unstated
        {
            f(label);
            f(quote);
        }
    }
}
