//! Visiting every text of a report, for views that change how text shows.

use super::{
    Cells, Column, Contact, Deadline, Figure, Inspection, Measure, PeopleCount, PlanItem, Problem,
    Report, RulesCount, Source, StatedTotals, Unplaced, Unstated,
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
            published_inferred,
            inspection:
                Inspection {
                    kind: _,
                    team,
                    period,
                },
            source:
                Source {
                    kind: _,
                    publication,
                    page,
                    url,
                    file,
                    sheets,
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
                    aspects,
                    measures,
                    units,
                },
            problems,
            general,
            people,
            rules,
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
            published_inferred,
        ]
        .into_iter()
        .flatten()
        {
            f(s);
        }
        phone
            .iter_mut()
            .chain(email.iter_mut())
            .chain(sheets.iter_mut())
            .for_each(&mut *f);
        for count in [closed, open, long_term, total, aspects, measures, units]
            .into_iter()
            .flatten()
        {
            f(&mut count.quote);
        }
        if let Some(rate) = completion_rate {
            f(&mut rate.quote);
        }
        for problem in problems {
            problem.each_text_mut(f);
        }
        for paragraph in general {
            paragraph.each_text_mut(f);
        }
        for PeopleCount {
            kind: _,
            label,
            count: _,
            unit,
            quote,
        } in people
        {
            f(label);
            f(unit);
            f(quote);
        }
        for RulesCount {
            count: _,
            label,
            quote,
        } in rules
        {
            f(label);
            f(quote);
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
        for Unplaced {
            text,
            reason,
            furniture: _,
        } in unplaced
        {
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
            category,
            leaders,
            departments,
            partners,
            deadline,
            status_text,
            progress,
            columns,
            cells,
        } = self;
        for s in [
            number,
            title,
            section,
            measures_heading,
            note,
            status_text,
            progress,
        ]
        .into_iter()
        .flatten()
        {
            f(s);
        }
        for s in [category, leaders, departments, partners]
            .into_iter()
            .flatten()
        {
            f(s);
        }
        for Column { header, value } in columns {
            f(header);
            f(value);
        }
        each_deadline_text(deadline, f);
        each_cells_text(cells, f);
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
            cells,
        } = self;
        ordinal
            .iter_mut()
            .chain(heading.iter_mut())
            .for_each(&mut *f);
        f(text);
        each_deadline_text(deadline, f);
        each_cells_text(cells, f);
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

fn each_deadline_text(deadline: &mut Option<Deadline>, f: &mut dyn FnMut(&mut String)) {
    if let Some(Deadline {
        text,
        date: _,
        date_from,
        long_term: _,
        quote,
    }) = deadline
    {
        f(text);
        date_from.iter_mut().for_each(&mut *f);
        f(quote);
    }
}

fn each_cells_text(cells: &mut Option<Cells>, f: &mut dyn FnMut(&mut String)) {
    if let Some(Cells { file, sheet, range }) = cells {
        f(file);
        sheet.iter_mut().for_each(&mut *f);
        f(range);
    }
}
