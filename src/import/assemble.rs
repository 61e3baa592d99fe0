//! Stage 6, assemble: the paragraphs of each report become a `Report`: its
//! head (title, issuer, dates), sections, problems with their measures and
//! work under way, stated totals, plan, contact and signature.

mod finish;
mod head;
mod items;
mod report;

use std::collections::HashSet;

use chrono::NaiveDate;

use super::account::Placement;
use super::error::ImportError;
use super::headings::{
    first_clause, is_contact, is_plan_heading, is_problem_heading, is_report, is_work_heading,
    measure_heading, question_heading, status_name, status_of,
};
use super::lexicon::{HEADING_WORDS, Marker, Style, marker};
use super::segment::{Chunk, Paragraph, Segmented, chunks};
use crate::model::{
    Accountability, Contact, Inspection, InspectionKind, Measure, Report, Source, StatedTotals,
    Status, Unplaced,
};

/// Builds the reports of a segmented text; with each, the first line of the
/// input it was read from.
pub fn build(
    segmented: &Segmented,
    source: &str,
    placements: &mut Vec<Placement>,
) -> Result<Vec<(Report, usize)>, ImportError> {
    let paragraphs = &segmented.paragraphs;
    let all = chunks(paragraphs);
    let mut reports: Vec<(Report, usize)> = Vec::new();
    let mut stray: Vec<(usize, usize)> = Vec::new(); // (paragraph, report it sits next to)
    for chunk in &all {
        if !is_report(chunk, paragraphs) {
            let next = reports.len();
            for i in chunk
                .title
                .iter()
                .chain(&chunk.body)
                .chain(&chunk.signature)
                .chain(&chunk.date)
            {
                stray.push((*i, next));
            }
            continue;
        }
        let report = Builder::new(segmented, chunk, source, placements).build()?;
        let first = chunk
            .title
            .iter()
            .chain(&chunk.body)
            .chain(&chunk.signature)
            .chain(&chunk.date)
            .chain(&chunk.furniture)
            .map(|&i| paragraphs[i].line)
            .min()
            .unwrap_or(1);
        reports.push((report, first));
    }
    if reports.is_empty() {
        return Err(ImportError::NoReport {
            source_name: source.to_string(),
            paragraphs: paragraphs.len(),
        });
    }
    for (i, near) in stray {
        let r = near.min(reports.len() - 1);
        let p = &paragraphs[i];
        let reason =
            "outside any report: no title, problem, measure or signature around it".to_string();
        placements.push(Placement::unplaced(source, p, &reason));
        reports[r].0.unplaced.push(Unplaced {
            text: p.text.clone(),
            reason,
            furniture: false,
        });
    }
    placements.sort_by_key(|p| p.line);
    Ok(reports)
}

/// Where the walk through a report's body stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Measures,
    Ongoing,
}

struct Builder<'a> {
    segmented: &'a Segmented,
    chunk: &'a Chunk,
    source: &'a str,
    placements: &'a mut Vec<Placement>,
    report: Report,
    problem_style: Option<Style>,
    chapter_status: Option<Status>,
    chapter_heading: Option<String>,
    section_status: Option<Status>,
    section_heading: Option<String>,
    in_plan: bool,
    /// In a chapter on the rectification work as a whole (一、巡察整改工作开展情况):
    /// its 一是… are about the report, not a problem.
    in_work_chapter: bool,
    problem: Option<usize>,
    list: List,
    /// Which problems were opened by a heading of their own, and the heading paragraph.
    heading_para: Vec<Option<usize>>,
    /// The section each problem sits in, as a running count, to infer numbers.
    section_of: Vec<usize>,
    section_count: usize,
    own_status: Vec<Option<Status>>,
    reference: NaiveDate,
    seen_structure: bool,
    /// Paragraphs about the report as a whole, with the paragraph each came from.
    general: Vec<(usize, Measure)>,
    /// The outline headings read so far (一、…, （一）…).
    heads: Vec<Head>,
    /// The chapter and the section being read, as indices into `heads`.
    chapter: Option<usize>,
    section: Option<usize>,
    /// The last paragraph of the body with a marker or a heading word: what
    /// follows it is the closing.
    last_structured: Option<usize>,
    /// People and rules already counted, by kind, words and clause: a
    /// closing that repeats the introduction counts nothing twice.
    results_seen: HashSet<(Option<Accountability>, String, String)>,
}

/// An outline heading: its paragraph, ordinal, words, and whether a problem
/// sits under it (then it is the problem's category) or its text is kept.
struct Head {
    /// The paragraph of the heading.
    para: usize,
    ordinal: String,
    heading: String,
    kept: bool,
}

impl<'a> Builder<'a> {
    fn new(
        segmented: &'a Segmented,
        chunk: &'a Chunk,
        source: &'a str,
        placements: &'a mut Vec<Placement>,
    ) -> Self {
        Self {
            segmented,
            chunk,
            source,
            placements,
            report: Report {
                id: String::new(),
                title: String::new(),
                issuer: String::new(),
                published: NaiveDate::MIN,
                inspection: Inspection {
                    kind: InspectionKind::Inspection,
                    team: None,
                    period: None,
                },
                source: Source::default(),
                contact: Contact::default(),
                stated: StatedTotals::default(),
                problems: Vec::new(),
                general: Vec::new(),
                people: Vec::new(),
                rules: Vec::new(),
                plan: Vec::new(),
                signature: None,
                signed: None,
                published_inferred: None,
                unplaced: Vec::new(),
            },
            problem_style: None,
            chapter_status: None,
            chapter_heading: None,
            section_status: None,
            section_heading: None,
            in_plan: false,
            in_work_chapter: false,
            problem: None,
            list: List::Measures,
            heading_para: Vec::new(),
            section_of: Vec::new(),
            section_count: 0,
            own_status: Vec::new(),
            reference: NaiveDate::MIN,
            seen_structure: false,
            general: Vec::new(),
            heads: Vec::new(),
            chapter: None,
            section: None,
            last_structured: None,
            results_seen: HashSet::new(),
        }
    }

    fn para(&self, i: usize) -> &'a Paragraph {
        &self.segmented.paragraphs[i]
    }

    fn place(&mut self, i: usize, place: String) {
        let p = self.para(i);
        self.placements
            .push(Placement::placed(self.source, p, &place));
    }

    fn unplace(&mut self, i: usize, reason: &str) {
        let p = self.para(i);
        self.placements
            .push(Placement::unplaced(self.source, p, reason));
        self.report.unplaced.push(Unplaced {
            text: p.text.clone(),
            reason: reason.to_string(),
            furniture: false,
        });
    }

    fn build(mut self) -> Result<Report, ImportError> {
        self.head()?;
        self.problem_style = self.find_problem_style();
        self.last_structured = self.chunk.body.iter().copied().rfind(|&n| {
            let norm = &self.para(n).norm;
            marker(norm).is_some() || HEADING_WORDS.iter().any(|w| norm.starts_with(w))
        });
        let body = self.chunk.body.clone();
        for (k, &i) in body.iter().enumerate() {
            self.paragraph(i, k == 0);
        }
        for i in self.chunk.furniture.clone() {
            self.furniture(i);
        }
        self.page_markers();
        self.finish();
        Ok(self.report)
    }

    /// The newspaper's page markers (（上接第5版）) of this report's paragraphs,
    /// kept as furniture: they were taken out of the text.
    fn page_markers(&mut self) {
        let chunk = self.chunk;
        let mine = |p: usize| {
            chunk.title == Some(p)
                || chunk.signature == Some(p)
                || chunk.date == Some(p)
                || chunk.body.contains(&p)
        };
        for m in &self.segmented.markers {
            if mine(m.paragraph) {
                self.report.unplaced.push(Unplaced {
                    text: m.text.clone(),
                    reason: format!("page marker on line {}, taken out of the text", m.line),
                    furniture: true,
                });
            }
        }
    }

    /// The numbering style of problems: the style of the first heading that names a
    /// problem, else the numbered style that measures (一是) follow.
    fn find_problem_style(&self) -> Option<Style> {
        let body = &self.chunk.body;
        let plan_start = body
            .iter()
            .position(|&i| {
                let n = &self.para(i).norm;
                marker(n).is_some_and(|m| m.style == Style::Chapter) && is_plan_heading(n)
            })
            .unwrap_or(body.len());
        let body = &body[..plan_start];
        if let Some(style) = body.iter().find_map(|&i| {
            let n = &self.para(i).norm;
            is_problem_heading(n)
                .then(|| marker(n).map(|m| m.style))
                .flatten()
        }) {
            return Some(style);
        }
        // Else: a numbered style directly followed by measures.
        let mut last: Option<Style> = None;
        for &i in body {
            let n = &self.para(i).norm;
            // 1.信访矛盾化解不力。 then 整改情况：… names a problem as well.
            let items = HEADING_WORDS[..10].iter().any(|w| n.starts_with(*w));
            match marker(n) {
                Some(m) if m.style == Style::Ordinal => {
                    if let Some(s) = last {
                        return Some(s);
                    }
                }
                None if items => {
                    if let Some(s) = last {
                        return Some(s);
                    }
                }
                Some(m) if status_of(n).is_none() && m.style != Style::Chapter => {
                    last = Some(m.style)
                }
                _ if HEADING_WORDS[..7].iter().any(|w| n.starts_with(w)) => {}
                _ => {}
            }
        }
        None
    }

    fn paragraph(&mut self, i: usize, first: bool) {
        let p = self.para(i);
        let norm = p.norm.as_str();
        let m = marker(norm);

        if is_contact(norm) {
            self.contact(i);
            return;
        }
        if norm.starts_with("欢迎") && norm.contains("监督") {
            self.general(i, "closing: invitation to supervise");
            return;
        }
        if let Some(m) = &m
            && m.style == Style::Chapter
            && is_plan_heading(norm)
        {
            self.in_plan = true;
            self.problem = None;
            self.seen_structure = true;
            self.plan_item(i, Some(m));
            return;
        }
        if self.in_plan {
            self.plan_item(i, m.as_ref());
            return;
        }
        let is_problem = m
            .as_ref()
            .is_some_and(|m| Some(m.style) == self.problem_style && m.style != Style::Ordinal)
            && (is_problem_heading(norm) || status_of(&first_clause(norm)).is_none());
        if is_problem {
            if let Some(m) = m {
                self.new_problem(i, &m);
            }
            return;
        }
        if let Some(m) = &m
            && (matches!(m.style, Style::Chapter | Style::Section)
                || (matches!(m.style, Style::Number | Style::ParenNumber)
                    && self.problem_style.is_none()
                    && status_of(norm).is_some()))
        {
            self.section_heading(i, m);
            return;
        }
        if let Some((number, skip)) = question_heading(norm) {
            self.question(i, number, skip);
            return;
        }
        if let Some(word) = HEADING_WORDS[..10].iter().find(|w| norm.starts_with(**w)) {
            self.items_heading(i, word);
            return;
        }
        if self.in_work_chapter
            && self.problem.is_none()
            && (m.is_some() || HEADING_WORDS[..10].iter().any(|w| norm.starts_with(*w)))
        {
            self.general(i, "the rectification work as a whole");
            return;
        }
        let measure_like = m.as_ref().is_some_and(|m| {
            m.style == Style::Ordinal
                || (self.problem.is_some()
                    && matches!(m.style, Style::ParenNumber | Style::Circled | Style::Number))
        });
        if measure_like {
            self.item(i, m.as_ref());
            return;
        }
        // A paragraph without a marker.
        if self.problem.is_some() {
            self.item(i, None);
            return;
        }
        let continues = first
            && self
                .segmented
                .markers
                .iter()
                .any(|mk| mk.continued_from && mk.paragraph == i);
        if continues && self.next_is_measure(i) {
            self.item(i, None);
            return;
        }
        if continues {
            self.unplace(
                i,
                "continues text printed on an earlier page, and no measures follow it",
            );
            return;
        }
        let what = if self.in_closing(i) {
            "closing"
        } else if self.seen_structure {
            "text outside any problem"
        } else {
            "introduction"
        };
        self.general(i, what);
    }

    /// True when only paragraphs without structure follow this one.
    fn in_closing(&self, i: usize) -> bool {
        self.seen_structure && self.last_structured.is_none_or(|last| i > last)
    }

    fn next_is_measure(&self, i: usize) -> bool {
        let body = &self.chunk.body;
        let pos = body.iter().position(|&b| b == i).unwrap_or(0);
        body.get(pos + 1).is_some_and(|&n| {
            let norm = &self.para(n).norm;
            marker(norm).is_some_and(|m| m.style == Style::Ordinal)
                || HEADING_WORDS[..7].iter().any(|w| norm.starts_with(w))
        })
    }

    fn section_heading(&mut self, i: usize, m: &Marker) {
        let p = self.para(i);
        let heading: String = p.text.chars().skip(m.printed_len).collect::<String>();
        let heading = heading
            .trim_end_matches(['。', '：', ':'])
            .trim()
            .to_string();
        let status = status_of(&first_clause(&p.norm));
        self.seen_structure = true;
        self.problem = None;
        self.section_count += 1;
        let long = p.text.chars().count() > 60 && p.norm.contains('。');
        let ordinal: String = p.text.chars().take(m.printed_len).collect();
        let words = if long {
            measure_heading(&p.text, m.printed_len).unwrap_or_else(|| heading.clone())
        } else {
            heading.clone()
        };
        self.heads.push(Head {
            para: i,
            ordinal,
            heading: words,
            kept: long,
        });
        let head = Some(self.heads.len() - 1);
        if m.style == Style::Chapter {
            self.chapter_status = status;
            self.in_work_chapter = is_work_heading(&first_clause(&p.norm));
            self.chapter_heading = Some(heading.clone());
            self.section_status = None;
            self.section_heading = None;
            self.chapter = head;
            self.section = None;
        } else {
            self.section_status = status;
            self.section_heading = Some(heading.clone());
            self.section = head;
        }
        if long {
            // A heading with narrative text after it; totals may be stated there.
            self.general(i, "section heading with text");
        } else {
            let what = match status {
                Some(s) => format!("section heading ({})", status_name(s)),
                None => "section heading".to_string(),
            };
            self.place(i, what);
        }
    }
}

fn list_name(list: List) -> &'static str {
    match list {
        List::Measures => "measure",
        List::Ongoing => "ongoing",
    }
}
