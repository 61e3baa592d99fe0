//! Paragraphs about the report as a whole: the plan, contact details, totals
//! stated in words, and the introduction's inspecting team and period.

use super::Builder;
use crate::import::details::{find_period, find_team, parse_contact};
use crate::import::headings::measure_heading;
use crate::import::lexicon::Marker;
use crate::import::totals::{Which, stated_counts};
use crate::model::{Basis, InspectionKind, PlanItem, StatedCount, StatedRate};

impl Builder<'_> {
    pub(super) fn plan_item(&mut self, i: usize, m: Option<&Marker>) {
        let p = self.para(i);
        let skip = m.map_or(0, |m| m.printed_len);
        let ordinal = m.map(|m| p.text.chars().take(m.printed_len).collect::<String>());
        let heading = m.and_then(|_| measure_heading(&p.text, skip));
        self.report.plan.push(PlanItem {
            ordinal: ordinal.clone(),
            heading,
            text: p.text.clone(),
        });
        let what = ordinal.unwrap_or_else(|| "(introduction)".to_string());
        self.place(i, format!("plan {what}"));
    }

    pub(super) fn contact(&mut self, i: usize) {
        let p = self.para(i);
        let (phones, emails, address) = parse_contact(&p.text, &p.norm);
        let c = &mut self.report.contact;
        for ph in phones {
            if !c.phone.contains(&ph) {
                c.phone.push(ph);
            }
        }
        for e in emails {
            if !c.email.contains(&e) {
                c.email.push(e);
            }
        }
        if c.address.is_none() {
            c.address = address;
        }
        self.place(i, "contact".to_string());
    }

    /// Problem counts and the completion rate stated in a paragraph outside any problem.
    pub(super) fn stated_totals(&mut self, i: usize) -> bool {
        let p = self.para(i);
        if !p.norm.contains("问题") && !p.norm.contains("完成率") {
            return false;
        }
        let found = stated_counts(&p.text, &p.norm);
        if found.is_empty() {
            return false;
        }
        let mut what = Vec::new();
        for s in found {
            let slot = match s.which {
                Which::Closed => &mut self.report.stated.closed,
                Which::Open => &mut self.report.stated.open,
                Which::LongTerm => &mut self.report.stated.long_term,
                Which::Total => &mut self.report.stated.total,
                Which::Rate => {
                    if self.report.stated.completion_rate.is_none() {
                        self.report.stated.completion_rate = Some(StatedRate {
                            percent: s.value,
                            quote: s.quote,
                        });
                        what.push("completion rate");
                    }
                    continue;
                }
            };
            if slot.is_none() {
                let value = u32::try_from(s.value.trunc().mantissa()).unwrap_or(0);
                *slot = Some(StatedCount {
                    value,
                    basis: Basis::Stated,
                    quote: s.quote,
                });
                what.push(s.which.name());
            }
        }
        if what.is_empty() {
            return false;
        }
        self.inspection_details(i);
        self.place(i, format!("stated totals ({})", what.join(", ")));
        true
    }

    /// An introduction before the first section: the inspecting team and period.
    pub(super) fn introduction(&mut self, i: usize) -> bool {
        let found = self.inspection_details(i);
        if found {
            self.place(i, "introduction (inspection team and period)".to_string());
        }
        found
    }

    pub(super) fn inspection_details(&mut self, i: usize) -> bool {
        let p = self.para(i);
        let mut found = false;
        if self.report.inspection.team.is_none()
            && let Some(team) = find_team(&p.text)
        {
            self.report.inspection.team = Some(team);
            found = true;
        }
        if self.report.inspection.period.is_none()
            && (p.norm.contains("巡察") || p.norm.contains("巡视"))
            && let Some(period) = find_period(&p.text, &p.norm)
        {
            self.report.inspection.period = Some(period);
            found = true;
        }
        if self.report.inspection.kind == InspectionKind::Inspection
            && self.chunk.title.is_none()
            && p.norm.contains("回头看")
        {
            self.report.inspection.kind = InspectionKind::FollowUp;
        }
        found
    }
}
