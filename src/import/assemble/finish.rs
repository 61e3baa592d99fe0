//! What follows from the whole report once it is read: statuses, numbers
//! and ordinals inferred from neighbours, totals implied by numbering, and
//! the ids that link figures to their targets and overlaps.

use super::Builder;
use crate::import::clean::normalize;
use crate::import::headings::{ordinal_name, status_name, status_of};
use crate::model::{Basis, Problem, StatedCount, Status};
use crate::numerals::chinese_number;

impl Builder<'_> {
    /// Statuses, inferred numbers and ordinals, inferred totals, figure ids.
    pub(super) fn finish(&mut self) {
        // Outline headings with no problem under them are kept with the
        // paragraphs about the report as a whole, in printed order.
        let heads: Vec<(usize, String, String)> = self
            .heads
            .iter()
            .filter(|h| !h.kept)
            .map(|h| (h.para, h.ordinal.clone(), h.heading.clone()))
            .collect();
        for (para, ordinal, heading) in heads {
            self.general_heading(para, ordinal, heading);
        }
        self.general.sort_by_key(|(para, _)| *para);
        self.report.general = self.general.drain(..).map(|(_, m)| m).collect();
        let n = self.report.problems.len();
        // Statuses: the problem's own headings, else the section's, else a neighbour's.
        let section_status: Vec<Option<Status>> = self
            .report
            .problems
            .iter()
            .map(|p| p.section.as_deref().and_then(status_of))
            .collect();
        for k in 0..n {
            let own = self.own_status[k];
            let status = section_status[k]
                .or(own)
                .or_else(|| item_status(&self.report.problems[k]))
                .or_else(|| {
                    // A leading problem without heading shares the status of the next
                    // problem in its section.
                    (k + 1 < n && self.section_of[k + 1] == self.section_of[k])
                        .then(|| section_status[k + 1].or(self.own_status[k + 1]))
                        .flatten()
                })
                .or_else(|| (!self.report.problems[k].ongoing.is_empty()).then_some(Status::Open));
            let p = &mut self.report.problems[k];
            match status {
                Some(s) => p.status = s,
                None => {
                    p.status = Status::Open;
                    let note = "Imported: no heading states the status; open assumed.";
                    p.note = Some(match p.note.take() {
                        Some(n) => format!("{n} {note}"),
                        None => note.to_string(),
                    });
                }
            }
        }
        // A leading problem without its heading takes the number before the next one.
        if n >= 2 && self.heading_para[0].is_none() && self.section_of[0] == self.section_of[1] {
            let next = self.report.problems[1]
                .number
                .as_deref()
                .and_then(|s| s.parse::<u32>().ok());
            if let Some(next) = next.filter(|v| *v > 1) {
                self.report.problems[0].number = Some((next - 1).to_string());
                self.report.problems[0].number_inferred = true;
            }
        }
        // A leading measure without its ordinal takes the ordinal before the next one.
        for p in &mut self.report.problems {
            for list in [&mut p.measures, &mut p.ongoing] {
                if list.len() >= 2 && list[0].ordinal.is_none() && list[0].partial {
                    let next = list[1]
                        .ordinal
                        .as_deref()
                        .and_then(|o| o.strip_suffix('是'))
                        .and_then(chinese_number);
                    if let Some(name) = next.filter(|v| *v > 1).and_then(|v| ordinal_name(v - 1)) {
                        list[0].ordinal = Some(name);
                        list[0].ordinal_inferred = true;
                    }
                }
            }
        }
        self.infer_totals();
        self.reconcile_stated();
        self.figure_ids();
    }

    /// Drops a stated count the rest of the report contradicts (counts by
    /// status adding up to more than the total, more problems transcribed
    /// than stated), saying so where its paragraph was placed: the import
    /// goes on with what holds together, never refused for a misread count.
    fn reconcile_stated(&mut self) {
        let problems = &self.report.problems;
        let transcribed = |status: Status| problems.iter().filter(|p| p.status == status).count();
        let mut dropped: Vec<(String, String)> = Vec::new();
        let stated = &mut self.report.stated;
        for (status, slot) in [
            (Status::Closed, &mut stated.closed),
            (Status::Open, &mut stated.open),
            (Status::LongTerm, &mut stated.long_term),
        ] {
            if let Some(c) = slot.as_ref()
                && (c.value > crate::validate::MAX_STATED_PROBLEMS
                    || transcribed(status) > c.value as usize)
                && let Some(c) = slot.take()
            {
                let why = if c.value > crate::validate::MAX_STATED_PROBLEMS {
                    format!("stated count {} not kept: too large for a report", c.value)
                } else {
                    format!(
                        "stated {} count {} not kept: {} {} problems are transcribed",
                        status_name(status),
                        c.value,
                        transcribed(status),
                        status_name(status)
                    )
                };
                dropped.push((c.quote, why));
            }
        }
        let parts: u64 = [&stated.closed, &stated.open, &stated.long_term]
            .iter()
            .filter_map(|c| c.as_ref().map(|c| u64::from(c.value)))
            .sum();
        if let Some(total) = stated.total.as_ref()
            && (parts > u64::from(total.value) || problems.len() > total.value as usize)
            && let Some(total) = stated.total.take()
        {
            let why = format!(
                "stated total {} not kept: the counts by status add up to {parts}, and {} problems are transcribed",
                total.value,
                problems.len()
            );
            dropped.push((total.quote, why));
        }
        for (quote, why) in dropped {
            let line = self
                .chunk
                .body
                .iter()
                .map(|&i| self.para(i))
                .find(|p| p.text.contains(quote.as_str()))
                .map(|p| p.line);
            if let Some(placement) = self
                .placements
                .iter_mut()
                .find(|pl| pl.source == self.source && Some(pl.line) == line)
            {
                placement.place.push_str(&format!(" ({why})"));
                placement.warning = Some(why);
            }
        }
    }

    /// Counts implied by numbering: the closed section runs up to 11, so 11 are closed.
    pub(super) fn infer_totals(&mut self) {
        for status in [Status::Closed, Status::Open, Status::LongTerm] {
            let stated = match status {
                Status::Closed => &self.report.stated.closed,
                Status::Open => &self.report.stated.open,
                Status::LongTerm => &self.report.stated.long_term,
            };
            if stated.is_some() {
                continue;
            }
            let numbered: Vec<(usize, u32)> = self
                .report
                .problems
                .iter()
                .enumerate()
                .filter(|(_, p)| p.status == status)
                .filter_map(|(k, p)| {
                    p.number
                        .as_deref()
                        .and_then(|s| s.parse::<u32>().ok())
                        .map(|v| (k, v))
                })
                .collect();
            let Some(&(first_k, min)) = numbered.iter().min_by_key(|(_, v)| *v) else {
                continue;
            };
            let Some(&(last_k, max)) = numbered.iter().max_by_key(|(_, v)| *v) else {
                continue;
            };
            // Only when numbering starts afresh for this status (from 1, or before the
            // visible part of a partial source); continuous numbering says nothing.
            let starts_partial = first_k == 0 && !self.report.source.complete;
            if min != 1 && !starts_partial {
                continue;
            }
            // 1. closed, 2. open: one numbering for all statuses counts none of them.
            let continued = self.report.problems.iter().any(|p| {
                p.status != status
                    && p.number.as_deref().and_then(|s| s.parse::<u32>().ok()) == Some(max + 1)
            });
            if continued {
                continue;
            }
            let Some(para) = self.heading_para[last_k] else {
                continue;
            };
            let count = StatedCount {
                value: max,
                basis: Basis::InferredFromNumbering,
                quote: self.para(para).text.clone(),
            };
            match status {
                Status::Closed => self.report.stated.closed = Some(count),
                Status::Open => self.report.stated.open = Some(count),
                Status::LongTerm => self.report.stated.long_term = Some(count),
            }
        }
    }

    /// Gives targets ids and points the figures measured against them there; marks
    /// a part that may be counted in a cumulative total of the same item
    /// (非住宅23.7万平方米 within 累计完成征收面积110万平方米) as overlapping it.
    pub(super) fn figure_ids(&mut self) {
        for (pi, p) in self.report.problems.iter_mut().enumerate() {
            for (tag, list) in [("m", &mut p.measures), ("o", &mut p.ongoing)] {
                for (mi, m) in list.iter_mut().enumerate() {
                    let links = crate::import::overlaps::links(m);
                    for (a, b) in links {
                        let id = m.figures[b]
                            .id
                            .clone()
                            .unwrap_or_else(|| format!("p{}-{tag}{}-f{}", pi + 1, mi + 1, b + 1));
                        m.figures[b].id = Some(id.clone());
                        m.figures[a].overlaps = Some(id);
                    }
                }
            }
        }
        for (pi, p) in self.report.problems.iter_mut().enumerate() {
            for (tag, list) in [("m", &mut p.measures), ("o", &mut p.ongoing)] {
                for (mi, m) in list.iter_mut().enumerate() {
                    for fi in 0..m.figures.len() {
                        let Some(j) = m.figures[fi]
                            .target
                            .as_deref()
                            .and_then(|t| t.strip_prefix('#'))
                            .and_then(|t| t.parse::<usize>().ok())
                        else {
                            continue;
                        };
                        let id = format!("p{}-{tag}{}-f{}", pi + 1, mi + 1, j + 1);
                        if let Some(t) = m.figures.get_mut(j) {
                            t.id = Some(id.clone());
                        }
                        m.figures[fi].target = Some(id);
                    }
                }
            }
        }
    }
}

/// The status the items of a problem end on (……。已完成整改。 / （正在整改）):
/// open if any says open, else long-term, else closed.
fn item_status(p: &Problem) -> Option<Status> {
    let said: Vec<Status> = p
        .measures
        .iter()
        .filter_map(|m| {
            let norm = normalize(&m.text);
            let last = norm
                .trim_end_matches(['。', '；', ' '])
                .rsplit(['。', '；', '，'])
                .next()?
                .trim_matches(['（', '）', ' ']);
            (last.chars().count() <= 12)
                .then(|| status_of(last))
                .flatten()
        })
        .collect();
    [Status::Open, Status::LongTerm, Status::Closed]
        .into_iter()
        .find(|s| said.contains(s))
}
