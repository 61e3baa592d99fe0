//! Paragraphs about the report as a whole: the introduction and closing
//! (kept in `general` with their figures, people held accountable and rules
//! made), the plan, contact details, totals stated in words, the inspecting
//! team and period, and the page furniture around the text.

use super::Builder;
use crate::import::details::{find_period, find_team, parse_contact};
use crate::import::figures::{self, Text};
use crate::import::headings::measure_heading;
use crate::import::lexicon::{Marker, furniture_label};
use crate::import::results;
use crate::import::totals::{Which, stated_counts};
use crate::model::{Basis, InspectionKind, Measure, PlanItem, StatedCount, StatedRate, Unplaced};

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
        self.general(i, "closing: contact");
    }

    /// A paragraph about the report as a whole, kept in `general` with its
    /// figures; the people, rules and totals it states go to the report.
    pub(super) fn general(&mut self, i: usize, what: &str) {
        let mut found = self.stated_totals(i);
        if self.inspection_details(i) {
            found.push("inspection team or period");
        }
        let p = self.para(i);
        let t = Text::new(&p.text, &p.norm);
        let figures = figures::extract(&t);
        let unstated = figures::unstated(&t, &figures);
        let deadline = figures::deadline(&t, self.reference, true);
        if !figures.is_empty() {
            found.push("figures");
        }
        let people = results::people(&p.text, &p.norm);
        if !people.is_empty() {
            found.push("people");
        }
        for person in people {
            let known = self.report.people.iter().any(|q| {
                q.kind == person.kind && q.label == person.label && q.quote == person.quote
            });
            if !known {
                self.report.people.push(person);
            }
        }
        let rules = results::rules(&p.text, &p.norm);
        if !rules.is_empty() {
            found.push("rules");
        }
        for rule in rules {
            if !self.report.rules.iter().any(|r| r.quote == rule.quote) {
                self.report.rules.push(rule);
            }
        }
        self.general.push((
            i,
            Measure {
                heading: None,
                text: p.text.clone(),
                deadline,
                figures,
                unstated,
                ..Measure::default()
            },
        ));
        let place = if found.is_empty() {
            format!("general ({what})")
        } else {
            format!("general ({what}): {}", found.join(", "))
        };
        self.place(i, place);
    }

    /// A heading of the report's own outline kept in `general` when no problem
    /// sits under it (一、党工委履行整改主体责任情况).
    pub(super) fn general_heading(&mut self, i: usize, ordinal: String, heading: String) {
        let text = self.para(i).text.clone();
        self.general.push((
            i,
            Measure {
                ordinal: Some(ordinal),
                heading: Some(heading),
                text,
                ..Measure::default()
            },
        ));
    }

    /// A line of the web page around the text, kept as furniture.
    pub(super) fn furniture(&mut self, i: usize) {
        let p = self.para(i);
        let label = furniture_label(&p.norm).map_or("", |(label, _)| label);
        let repeated = self
            .chunk
            .title
            .is_some_and(|t| self.para(t).norm.trim() == p.norm.trim());
        let reason = if repeated {
            "page furniture: the page repeats the title".to_string()
        } else if label.is_empty() {
            "page furniture: a link, button or value of the web page".to_string()
        } else {
            format!("page furniture: {label}")
        };
        self.placements
            .push(crate::import::account::Placement::unplaced(
                self.source,
                p,
                &reason,
            ));
        self.report.unplaced.push(Unplaced {
            text: p.text.clone(),
            reason,
            furniture: true,
        });
    }

    /// Problem counts, aspects, measures, units and the completion rate stated
    /// in a paragraph outside any problem; says which were new.
    pub(super) fn stated_totals(&mut self, i: usize) -> Vec<&'static str> {
        let p = self.para(i);
        let mut what = Vec::new();
        if !p.norm.contains("问题") && !p.norm.contains("完成率") && !p.norm.contains("单位")
        {
            return what;
        }
        for s in stated_counts(&p.text, &p.norm) {
            let stated = &mut self.report.stated;
            let slot = match s.which {
                Which::Closed => &mut stated.closed,
                Which::Open => &mut stated.open,
                Which::LongTerm => &mut stated.long_term,
                Which::Total => &mut stated.total,
                Which::Aspects => &mut stated.aspects,
                Which::Measures => &mut stated.measures,
                Which::Units => &mut stated.units,
                Which::Rate => {
                    if stated.completion_rate.is_none() {
                        stated.completion_rate = Some(StatedRate {
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
        what
    }

    pub(super) fn inspection_details(&mut self, i: usize) -> bool {
        let p = self.para(i);
        let mut found = false;
        if self.report.inspection.team.is_none()
            && let Some(team) = find_team(&p.text, &p.norm)
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
