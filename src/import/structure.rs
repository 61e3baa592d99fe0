//! The structure of report text: where each report begins and ends, its
//! sections, problems, measures, work under way, plan, contact and signature.

use chrono::NaiveDate;

use super::clean::{Cleaned, Paragraph, is_date_line, is_title_line};
use super::figures::{self, Text};
use super::lexicon::{HAN, HEADING_WORDS, arabic_marker, parse_full_date};
use super::{ImportError, Placement};
use crate::model::{
    Basis, Contact, Inspection, InspectionKind, Measure, PlanItem, Problem, Report, Source,
    StatedCount, StatedRate, StatedTotals, Status, Unplaced,
};
use crate::numerals::chinese_number;

/// A numbering marker at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// 一、
    Chapter,
    /// （一）
    Section,
    /// 1、 or 1.
    Number,
    /// （1）
    ParenNumber,
    /// ①
    Circled,
    /// 一是
    Ordinal,
}

struct Marker {
    style: Style,
    /// The number as printed without its punctuation ("8", "二").
    number: String,
    /// The marker as printed ("8、", "（二）", "一是").
    printed_len: usize,
}

fn marker(norm: &str) -> Option<Marker> {
    if let Some((value, len)) = arabic_marker(norm) {
        let style = if norm.starts_with('（') {
            Style::ParenNumber
        } else {
            Style::Number
        };
        return Some(Marker {
            style,
            number: value.to_string(),
            printed_len: norm[..len].chars().count(),
        });
    }
    if let Some(c) = norm.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        let value = c as u32 - '①' as u32 + 1;
        return Some(Marker {
            style: Style::Circled,
            number: value.to_string(),
            printed_len: 1,
        });
    }
    let paren = norm.starts_with('（');
    let body = if paren {
        &norm['（'.len_utf8()..]
    } else {
        norm
    };
    let numeral: String = body.chars().take_while(|c| HAN.contains(*c)).collect();
    if numeral.is_empty() || numeral.chars().count() > 3 {
        return None;
    }
    chinese_number(&numeral)?;
    let rest = &body[numeral.len()..];
    let count = numeral.chars().count();
    let (style, printed_len) = if paren && rest.starts_with('）') {
        (Style::Section, count + 2)
    } else if !paren && rest.starts_with('、') {
        (Style::Chapter, count + 1)
    } else if !paren && rest.starts_with('是') {
        (Style::Ordinal, count + 1)
    } else {
        return None;
    };
    Some(Marker {
        style,
        number: numeral,
        printed_len,
    })
}

/// The status named by a heading or a phrase, matched by keywords.
fn status_of(norm: &str) -> Option<Status> {
    const LONG: &[&str] = &["长期坚持", "需长期", "长期整改", "长期推进", "长期性"];
    const OPEN: &[&str] = &[
        "正在推进",
        "正在整改",
        "正在深化",
        "阶段性成效",
        "尚未完成",
        "未完成",
        "推进中",
        "持续推进整改",
        "整改中",
    ];
    const CLOSED: &[&str] = &[
        "已完成整改",
        "已整改完成",
        "整改结果及成效",
        "已办结",
        "已销号",
        "已整改到位",
        "已完成的",
        "已完成",
    ];
    if LONG.iter().any(|w| norm.contains(w)) {
        Some(Status::LongTerm)
    } else if OPEN.iter().any(|w| norm.contains(w)) {
        Some(Status::Open)
    } else if CLOSED.iter().any(|w| norm.contains(w)) {
        Some(Status::Closed)
    } else {
        None
    }
}

/// How a paragraph stands in the flow of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Date,
    Signature,
    Body,
}

/// The paragraphs of one report.
#[derive(Debug, Default)]
struct Chunk {
    title: Option<usize>,
    body: Vec<usize>,
    signature: Option<usize>,
    date: Option<usize>,
}

/// Splits paragraphs into reports. A report ends with its signature and date; a
/// title right after a date belongs to the report before when that report has
/// none and the names agree (a newspaper page prints the title under the body).
fn chunks(paragraphs: &[Paragraph]) -> Vec<Chunk> {
    let roles: Vec<Role> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if is_title_line(&p.norm) {
                Role::Title
            } else if is_date_line(&p.norm) {
                Role::Date
            } else if is_signature(&p.norm)
                && paragraphs.get(i + 1).is_some_and(|n| is_date_line(&n.norm))
            {
                Role::Signature
            } else {
                Role::Body
            }
        })
        .collect();
    let mut done: Vec<Chunk> = Vec::new();
    let mut current = Chunk::default();
    let mut just_closed = false;
    for (i, role) in roles.iter().enumerate() {
        match role {
            Role::Title => {
                let follows = roles[i + 1..]
                    .iter()
                    .take_while(|r| **r != Role::Title)
                    .any(|r| *r == Role::Body);
                if just_closed && let Some(prev) = done.last_mut() {
                    let matches = prev
                        .signature
                        .is_some_and(|s| paragraphs[i].norm.starts_with(paragraphs[s].norm.trim()));
                    if prev.title.is_none() && (matches || !follows) {
                        prev.title = Some(i);
                        continue;
                    }
                }
                if current.title.is_some() || !current.body.is_empty() {
                    done.push(std::mem::take(&mut current));
                }
                current.title = Some(i);
                just_closed = false;
            }
            Role::Signature => {
                current.signature = Some(i);
            }
            Role::Date => {
                if current.body.is_empty() && current.signature.is_none() {
                    // A date before the body: the publication date of what follows.
                    current.date = Some(i);
                    continue;
                }
                current.date = Some(i);
                done.push(std::mem::take(&mut current));
                just_closed = true;
            }
            Role::Body => {
                current.body.push(i);
                just_closed = false;
            }
        }
    }
    if current.title.is_some() || !current.body.is_empty() || current.signature.is_some() {
        done.push(current);
    }
    done
}

/// A signature: a short line naming a body, without punctuation.
fn is_signature(norm: &str) -> bool {
    let n = norm.chars().count();
    (2..=40).contains(&n)
        && !norm.chars().any(|c| "，。；：、！？“”".contains(c))
        && marker(norm).is_none()
}

/// True when the chunk looks like a rectification report at all.
fn is_report(chunk: &Chunk, paragraphs: &[Paragraph]) -> bool {
    if chunk.title.is_some() {
        return true;
    }
    let structured = chunk.body.iter().any(|&i| {
        let p = &paragraphs[i].norm;
        is_problem_heading(p)
            || HEADING_WORDS[..7].iter().any(|w| p.starts_with(w))
            || (marker(p).is_some_and(|m| m.style == Style::Ordinal) && p.contains("整改"))
            || (marker(p).is_some() && status_of(p).is_some() && p.contains("问题"))
    });
    structured && (chunk.signature.is_some() || chunk.date.is_some() || chunk.body.len() >= 2)
}

/// 8、关于“内控机制不完善”问题的整改。 / 1.关于……的问题 / a short line ending in 问题.
fn is_problem_heading(norm: &str) -> bool {
    let Some(m) = marker(norm) else { return false };
    if m.style == Style::Ordinal {
        return false;
    }
    let rest: String = norm.chars().skip(m.printed_len).collect();
    let first: String = rest
        .chars()
        .take_while(|c| !matches!(c, '。' | '；' | '：'))
        .collect();
    (first.starts_with("关于") && first.contains("问题"))
        || (first.starts_with("关于“") && first.contains('”'))
        || (first.chars().count() <= 40 && first.ends_with("问题") && status_of(&first).is_none())
        || first.ends_with("问题的整改")
}

/// The words inside 关于“…”, or the heading clause without 关于 and 问题的整改.
fn problem_title(rest: &str) -> Option<String> {
    if let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        if let Some(close) = after.find('”')
            && open <= "关于".len() + 3
        {
            return Some(after[..close].to_string());
        }
    }
    let first: String = rest
        .chars()
        .take_while(|c| !matches!(c, '。' | '；' | '：'))
        .collect();
    let t = first
        .trim_start_matches("关于")
        .trim_end_matches("问题的整改情况")
        .trim_end_matches("问题的整改")
        .trim_end_matches("的问题")
        .trim_end_matches("问题")
        .trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The heading of a measure: its first clause after the ordinal (完善内控机制建设).
fn measure_heading(text: &str, skip: usize) -> Option<String> {
    let rest: String = text.chars().skip(skip).collect();
    let sentence: String = rest
        .chars()
        .take_while(|c| !matches!(c, '。' | '；' | '：' | '！'))
        .collect();
    let heading = if sentence.chars().count() > 40 {
        sentence.chars().take_while(|c| *c != '，').collect()
    } else {
        sentence
    };
    let heading = heading.trim().to_string();
    (!heading.is_empty() && heading.chars().count() <= 60).then_some(heading)
}

fn ordinal_name(value: u32) -> Option<String> {
    const NAMES: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match value {
        1..=10 => Some(format!("{}是", NAMES[value as usize - 1])),
        11..=19 => Some(format!("十{}是", NAMES[value as usize - 11])),
        _ => None,
    }
}

/// Builds the reports of a cleaned text.
pub fn build(
    cleaned: &Cleaned,
    source: &str,
    placements: &mut Vec<Placement>,
) -> Result<Vec<Report>, ImportError> {
    let paragraphs = &cleaned.paragraphs;
    let all = chunks(paragraphs);
    let mut reports: Vec<Report> = Vec::new();
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
        let report = Builder::new(cleaned, chunk, source, placements).build()?;
        reports.push(report);
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
        reports[r].unplaced.push(Unplaced {
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
    cleaned: &'a Cleaned,
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
}

impl<'a> Builder<'a> {
    fn new(
        cleaned: &'a Cleaned,
        chunk: &'a Chunk,
        source: &'a str,
        placements: &'a mut Vec<Placement>,
    ) -> Self {
        Self {
            cleaned,
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
            problem: None,
            list: List::Measures,
            heading_para: Vec::new(),
            section_of: Vec::new(),
            section_count: 0,
            own_status: Vec::new(),
            reference: NaiveDate::MIN,
            seen_structure: false,
        }
    }

    fn para(&self, i: usize) -> &'a Paragraph {
        &self.cleaned.paragraphs[i]
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
        let body = self.chunk.body.clone();
        for (k, &i) in body.iter().enumerate() {
            self.paragraph(i, k == 0);
        }
        self.finish();
        Ok(self.report)
    }

    /// Title, issuer, dates, inspection kind, source completeness.
    fn head(&mut self) -> Result<(), ImportError> {
        let chunk = self.chunk;
        let title = chunk.title.map(|i| self.para(i).text.trim().to_string());
        let signature = chunk
            .signature
            .map(|i| self.para(i).text.trim().to_string());
        let signed = chunk
            .date
            .and_then(|i| parse_full_date(&self.para(i).norm))
            .map(|(d, _)| d);
        let issuer = signature.clone().or_else(|| {
            title
                .as_ref()
                .and_then(|t| t.split("关于").next())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        });
        let published = signed.or_else(|| self.first_date_in_body());
        let title_text = title
            .clone()
            .unwrap_or_else(|| "（标题不在来源中）".to_string());
        let Some(published) = published else {
            return Err(ImportError::NoDate {
                source_name: self.source.to_string(),
                title: title_text,
            });
        };
        self.reference = published;
        let issuer = issuer.unwrap_or_else(|| "（未署名）".to_string());
        let kind_text = title.clone().unwrap_or_default();
        self.report.inspection.kind = if kind_text.contains("回头看") {
            InspectionKind::FollowUp
        } else if kind_text.contains("专项巡察") {
            InspectionKind::Special
        } else if kind_text.contains("巡视") {
            InspectionKind::Circuit
        } else {
            InspectionKind::Inspection
        };
        self.report.id = report_id(&issuer, published);
        self.report.title = title_text;
        self.report.issuer = issuer;
        self.report.published = published;
        self.report.signature = signature;
        self.report.signed = signed;
        self.report.source.file = Some(self.source.to_string());
        self.report.source.complete = true;

        let first = chunk.body.first().copied();
        let last = chunk.body.last().copied();
        let mut missing = Vec::new();
        for m in &self.cleaned.markers {
            if m.continued_from && Some(m.paragraph) == first {
                missing.push(format!(
                    "the beginning of the report, printed on an earlier page ({})",
                    m.text
                ));
            } else if !m.continued_from && Some(m.paragraph) == last {
                missing.push(format!(
                    "the end of the report, printed on a later page ({})",
                    m.text
                ));
            }
        }
        if !missing.is_empty() {
            self.report.source.complete = false;
            self.report.source.missing = Some(missing.join("; "));
        }
        if let Some(i) = chunk.title {
            self.place(i, "title".to_string());
        }
        if let Some(i) = chunk.signature {
            self.place(i, "signature".to_string());
        }
        if let Some(i) = chunk.date {
            self.place(i, "date".to_string());
        }
        Ok(())
    }

    fn first_date_in_body(&self) -> Option<NaiveDate> {
        self.chunk.body.iter().find_map(|&i| {
            let norm = &self.para(i).norm;
            norm.char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .find_map(|(b, _)| parse_full_date(&norm[b..]).map(|(d, _)| d))
        })
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
            match marker(n) {
                Some(m) if m.style == Style::Ordinal => {
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
            self.place(i, "contact (invitation to supervise)".to_string());
            return;
        }
        if let Some(m) = &m
            && m.style == Style::Chapter
            && is_plan_heading(norm)
        {
            self.in_plan = true;
            self.problem = None;
            self.seen_structure = true;
            self.place(i, "plan heading".to_string());
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
        if let Some(word) = HEADING_WORDS[..10].iter().find(|w| norm.starts_with(**w)) {
            self.items_heading(i, word);
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
                .cleaned
                .markers
                .iter()
                .any(|mk| mk.continued_from && mk.paragraph == i);
        if continues && self.next_is_measure(i) {
            self.item(i, None);
            return;
        }
        if self.stated_totals(i) {
            return;
        }
        if !self.seen_structure && self.introduction(i) {
            return;
        }
        let reason = if continues {
            "continues text printed on an earlier page, and no measures follow it"
        } else {
            "narrative text outside any problem; the data model has no field for it"
        };
        self.unplace(i, reason);
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
        if m.style == Style::Chapter {
            self.chapter_status = status;
            self.chapter_heading = Some(heading.clone());
            self.section_status = None;
            self.section_heading = None;
        } else {
            self.section_status = status;
            self.section_heading = Some(heading.clone());
        }
        let long = p.text.chars().count() > 60 && p.norm.contains('。');
        if long {
            // A heading with narrative text after it; totals may be stated there.
            if !self.stated_totals(i) {
                self.unplace(
                    i,
                    "section heading with narrative text; the data model has no field for the text",
                );
            }
        } else {
            let what = match status {
                Some(s) => format!("section heading ({})", status_name(s)),
                None => "section heading".to_string(),
            };
            self.place(i, what);
        }
    }

    fn new_problem(&mut self, i: usize, m: &Marker) {
        let p = self.para(i);
        let rest: String = p.text.chars().skip(m.printed_len).collect();
        let rest_norm: String = p.norm.chars().skip(m.printed_len).collect();
        let title = problem_title(&rest_norm).map(|t| {
            // The title as printed: the same characters of the original text.
            let start = rest_norm
                .find(&t)
                .map_or(0, |b| rest_norm[..b].chars().count());
            rest.chars()
                .skip(start)
                .take(t.chars().count())
                .collect::<String>()
        });
        let own = status_of(
            &rest_norm
                .chars()
                .skip_while(|c| *c != '。')
                .collect::<String>(),
        );
        self.seen_structure = true;
        let problem = Problem {
            number: Some(m.number.clone()),
            title,
            ..self.blank_problem()
        };
        let index = self.push_problem(problem, Some(i), own);
        self.place(i, format!("problem {} heading", m.number));
        // Measures printed in the heading paragraph itself (1.关于……问题。整改情况：一是……).
        let sentence_end = rest.find('。').map(|b| rest[..b].chars().count() + 1);
        if let Some(end) = sentence_end {
            let remainder: String = rest.chars().skip(end).collect();
            if remainder.chars().count() > 10 {
                let skip = m.printed_len + end;
                let text: String = p.text.chars().skip(skip).collect();
                let norm: String = p.norm.chars().skip(skip).collect();
                let (heading_word, body_skip) = HEADING_WORDS
                    .iter()
                    .find(|w| norm.starts_with(**w))
                    .map(|w| (Some(w.to_string()), w.chars().count() + 1))
                    .unwrap_or((None, 0));
                if let Some(w) = &heading_word {
                    self.report.problems[index].measures_heading = Some(w.clone());
                }
                let measures = self.inline_measures(&text, &norm, body_skip);
                self.report.problems[index].measures.extend(measures);
            }
        }
    }

    fn ensure_problem(&mut self) -> usize {
        if let Some(p) = self.problem {
            return p;
        }
        let problem = Problem {
            partial: true,
            note: Some("Imported: the heading of this problem is not in the source.".to_string()),
            ..self.blank_problem()
        };
        self.push_problem(problem, None, None)
    }

    /// An open problem without number or title, in the section being read.
    fn blank_problem(&self) -> Problem {
        Problem {
            number: None,
            number_inferred: false,
            title: None,
            status: Status::Open,
            section: self
                .section_heading
                .clone()
                .or_else(|| self.chapter_heading.clone()),
            measures_heading: None,
            partial: false,
            note: None,
            measures: Vec::new(),
            ongoing: Vec::new(),
            ..Problem::default()
        }
    }

    /// Adds a problem with what is known of its heading, and makes it the one
    /// that the next measures belong to; returns its index.
    fn push_problem(
        &mut self,
        problem: Problem,
        heading: Option<usize>,
        own: Option<Status>,
    ) -> usize {
        self.report.problems.push(problem);
        self.heading_para.push(heading);
        self.section_of.push(self.section_count);
        self.own_status.push(own);
        let index = self.report.problems.len() - 1;
        self.problem = Some(index);
        self.list = List::Measures;
        index
    }

    /// 整改结果及成效： / 正在深化整改的内容及时限： and the like.
    fn items_heading(&mut self, i: usize, word: &str) {
        let problem = self.ensure_problem();
        let p = self.para(i);
        let norm = p.norm.as_str();
        let ongoing = word.contains("正在深化") || word.contains("下一步") || norm.contains("时限");
        self.list = if ongoing {
            List::Ongoing
        } else {
            List::Measures
        };
        if let Some(status) = status_of(word) {
            let own = &mut self.own_status[problem];
            // 整改措施及阶段性成效 says open; it does not override an explicit closed heading.
            if own.is_none() || status != Status::Open || ongoing {
                *own = Some(status);
            }
        }
        let heading_len = word.chars().count();
        let after: String = p.text.chars().skip(heading_len).collect();
        let after = after.trim_start_matches(['：', ':', '　', ' ']);
        if !ongoing {
            self.report.problems[problem].measures_heading = Some(word.to_string());
        }
        let label = self.problem_label(problem);
        if after.chars().count() > 4 {
            // The items follow on the same line (整改情况：已修订制度3项。).
            let skip = p.text.chars().count() - after.chars().count();
            for measure in self.inline_measures(&p.text, &p.norm, skip) {
                self.push_item(problem, measure);
            }
            self.place(
                i,
                format!("{label} › {} (heading with text)", list_name(self.list)),
            );
        } else {
            self.place(i, format!("{label} › {} heading", list_name(self.list)));
        }
    }

    fn problem_label(&self, problem: usize) -> String {
        match &self.report.problems[problem].number {
            Some(n) => format!("problem {n}"),
            None => "problem (unnumbered)".to_string(),
        }
    }

    fn item(&mut self, i: usize, m: Option<&Marker>) {
        let problem = self.ensure_problem();
        let p = self.para(i);
        let skip = m.map_or(0, |m| m.printed_len);
        let ordinal: Option<String> = m.map(|m| p.text.chars().take(m.printed_len).collect());
        let partial =
            m.is_none() && self.report.problems[problem].partial && self.list_len(problem) == 0;
        let measure = self.measure(&p.text, &p.norm, ordinal.clone(), partial, skip);
        self.push_item(problem, measure);
        let label = self.problem_label(problem);
        let what = ordinal.unwrap_or_else(|| "(no ordinal)".to_string());
        let list = list_name(self.list);
        self.place(i, format!("{label} › {list} {what}"));
    }

    fn list_len(&self, problem: usize) -> usize {
        let p = &self.report.problems[problem];
        match self.list {
            List::Measures => p.measures.len(),
            List::Ongoing => p.ongoing.len(),
        }
    }

    fn push_item(&mut self, problem: usize, measure: Measure) {
        let p = &mut self.report.problems[problem];
        match self.list {
            List::Measures => p.measures.push(measure),
            List::Ongoing => p.ongoing.push(measure),
        }
    }

    /// Measures printed inline after a heading (整改情况：一是……；二是……): one per
    /// ordinal when there are two or more, else one for the whole text after `skip`.
    fn inline_measures(&self, text: &str, norm: &str, skip: usize) -> Vec<Measure> {
        let chars: Vec<char> = norm.chars().collect();
        let orig: Vec<char> = text.chars().collect();
        let mut starts = Vec::new();
        let mut k = skip;
        while k < chars.len() {
            let boundary = k == skip || matches!(chars[k - 1], '：' | '；' | '。');
            let n = chars[k..].iter().take_while(|c| HAN.contains(**c)).count();
            if boundary && n > 0 && n <= 2 && chars.get(k + n) == Some(&'是') {
                starts.push((k, n + 1));
            }
            k += n.max(1);
        }
        if starts.len() < 2 {
            let whole: String = orig[skip..].iter().collect();
            let whole_norm: String = chars[skip..].iter().collect();
            return vec![self.measure(&whole, &whole_norm, None, false, 0)];
        }
        let mut out = Vec::new();
        for (j, &(start, len)) in starts.iter().enumerate() {
            let end = starts.get(j + 1).map_or(chars.len(), |(s, _)| *s);
            let seg: String = orig[start..end].iter().collect();
            let seg_norm: String = chars[start..end].iter().collect();
            let trimmed = seg.trim_end_matches(['；', ';']);
            let trimmed_norm: String = seg_norm.chars().take(trimmed.chars().count()).collect();
            let ordinal: String = orig[start..start + len].iter().collect();
            out.push(self.measure(trimmed, &trimmed_norm, Some(ordinal), false, len));
        }
        out
    }

    /// A measure from a paragraph: text as printed, heading, figures, deadline.
    fn measure(
        &self,
        text: &str,
        norm: &str,
        ordinal: Option<String>,
        partial: bool,
        heading_skip: usize,
    ) -> Measure {
        let t = Text::new(text, norm);
        let figures = figures::extract(&t);
        let unstated = figures::unstated(&t, &figures);
        let deadline = figures::deadline(&t, self.reference, self.list == List::Measures);
        let heading = if partial {
            None
        } else {
            measure_heading(text, heading_skip)
        };
        Measure {
            ordinal,
            ordinal_inferred: false,
            heading,
            text: text.to_string(),
            partial,
            deadline,
            figures,
            unstated,
            cells: None,
        }
    }

    fn plan_item(&mut self, i: usize, m: Option<&Marker>) {
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

    fn contact(&mut self, i: usize) {
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
    fn stated_totals(&mut self, i: usize) -> bool {
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
    fn introduction(&mut self, i: usize) -> bool {
        let found = self.inspection_details(i);
        if found {
            self.place(i, "introduction (inspection team and period)".to_string());
        }
        found
    }

    fn inspection_details(&mut self, i: usize) -> bool {
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

    /// Statuses, inferred numbers and ordinals, inferred totals, figure ids.
    fn finish(&mut self) {
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
        self.figure_ids();
    }

    /// Counts implied by numbering: the closed section runs up to 11, so 11 are closed.
    fn infer_totals(&mut self) {
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
    fn figure_ids(&mut self) {
        for (pi, p) in self.report.problems.iter_mut().enumerate() {
            for (tag, list) in [("m", &mut p.measures), ("o", &mut p.ongoing)] {
                for (mi, m) in list.iter_mut().enumerate() {
                    let links = super::overlaps::links(m);
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

fn list_name(list: List) -> &'static str {
    match list {
        List::Measures => "measure",
        List::Ongoing => "ongoing",
    }
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Closed => "closed",
        Status::Open => "open",
        Status::LongTerm => "long-term",
    }
}

fn first_clause(norm: &str) -> String {
    norm.chars()
        .take_while(|c| !matches!(c, '。' | '；' | '：'))
        .collect()
}

fn is_plan_heading(norm: &str) -> bool {
    let head = first_clause(norm);
    head.contains("下一步")
        || head.contains("计划")
        || head.contains("打算")
        || head.contains("努力方向")
}

fn is_contact(norm: &str) -> bool {
    norm.starts_with("联系方式")
        || norm.starts_with("联系电话")
        || norm.starts_with("监督电话")
        || norm.starts_with("举报电话")
        || norm.starts_with("电子邮箱")
        || norm.starts_with("邮政信箱")
        || norm.starts_with("通信地址")
        || norm.starts_with("通讯地址")
        || (norm.chars().count() < 120
            && (norm.contains("电子邮箱") || norm.contains("邮政信箱"))
            && norm.contains('@'))
}

/// Phones, e-mail addresses and the postal address of a contact paragraph.
fn parse_contact(text: &str, norm: &str) -> (Vec<String>, Vec<String>, Option<String>) {
    let chars: Vec<char> = norm.chars().collect();
    let orig: Vec<char> = text.chars().collect();
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '@' {
            let mut s = i;
            while s > 0 && (chars[s - 1].is_ascii_alphanumeric() || "._%+-".contains(chars[s - 1]))
            {
                s -= 1;
            }
            let mut e = i + 1;
            while e < chars.len() && (chars[e].is_ascii_alphanumeric() || ".-".contains(chars[e])) {
                e += 1;
            }
            let email: String = chars[s..e]
                .iter()
                .collect::<String>()
                .trim_end_matches('.')
                .to_string();
            if s < i && email.contains('.') {
                emails.push(email);
            }
            i = e;
            continue;
        }
        if chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || "._@".contains(chars[i - 1])))
        {
            let mut e = i;
            while e < chars.len() && (chars[e].is_ascii_digit() || chars[e] == '-') {
                e += 1;
            }
            let digits = chars[i..e].iter().filter(|c| c.is_ascii_digit()).count();
            let next_is_mail = chars
                .get(e)
                .is_some_and(|c| *c == '@' || c.is_ascii_alphabetic());
            if (7..=13).contains(&digits) && !next_is_mail {
                phones.push(orig[i..e].iter().collect());
            }
            i = e;
            continue;
        }
        i += 1;
    }
    let mut address = None;
    for key in ["邮政信箱", "通信地址", "通讯地址", "邮寄地址", "来信地址"] {
        if let Some(b) = norm.find(key) {
            let start = norm[..b].chars().count() + key.chars().count();
            let rest: String = orig[start..].iter().collect();
            let rest = rest.trim_start_matches(['：', ':', ' ']);
            let a: String = rest
                .chars()
                .take_while(|c| !matches!(c, '；' | '。' | ';'))
                .collect();
            let a = a.split("，邮编").next().unwrap_or_default();
            if !a.trim().is_empty() {
                address = Some(a.trim().to_string());
                break;
            }
        }
    }
    (phones, emails, address)
}

/// "区委第二巡察组" in an introduction.
fn find_team(text: &str) -> Option<String> {
    for key in ["巡察组", "巡视组"] {
        if let Some(b) = text.find(key) {
            let before: Vec<char> = text[..b].chars().collect();
            let mut s = before.len();
            while s > 0
                && before.len() - s < 12
                && !"，。、；：对由经根据和向与的".contains(before[s - 1])
            {
                s -= 1;
            }
            let team: String = before[s..].iter().collect::<String>() + key;
            return Some(team);
        }
    }
    None
}

/// "2021年4月至6月" in an introduction.
fn find_period(text: &str, norm: &str) -> Option<String> {
    let chars: Vec<char> = norm.chars().collect();
    let orig: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i + 5 < chars.len() {
        let is_year = chars[i..i + 4].iter().all(char::is_ascii_digit)
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if is_year {
            let mut e = i;
            while e < chars.len() && (chars[e].is_ascii_digit() || "年月日至到-".contains(chars[e]))
            {
                e += 1;
            }
            let span: String = chars[i..e].iter().collect();
            if (span.contains('至') || span.contains('到') || span.contains('-'))
                && span.contains('月')
            {
                let span = orig[i..e].iter().collect::<String>();
                return Some(span.trim_end_matches(['至', '到', '-', '—']).to_string());
            }
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Closed,
    Open,
    LongTerm,
    Total,
    Rate,
}

impl Which {
    fn name(self) -> &'static str {
        match self {
            Self::Closed => "closed",
            Self::Open => "open",
            Self::LongTerm => "long-term",
            Self::Total => "total",
            Self::Rate => "completion rate",
        }
    }
}

struct StatedFound {
    which: Which,
    value: rust_decimal::Decimal,
    quote: String,
}

/// Counts stated in words: 共计2个问题正在整改过程中; 已完成整改19个、正在整改6个; 整改完成率76%.
fn stated_counts(text: &str, norm: &str) -> Vec<StatedFound> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = norm.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut saw_problem = false;
    for end in 0..=chars.len() {
        let at_end = end == chars.len();
        if !at_end && !matches!(chars[end], '，' | '。' | '；' | '、') {
            continue;
        }
        let clause: String = chars[start..end].iter().collect();
        let quote: String = orig[start..end].iter().collect();
        start = end + 1;
        if clause.contains("问题") {
            saw_problem = true;
        }
        if let Some(rate) = clause.find("完成率").or_else(|| clause.find("整改率")) {
            let after = &clause[rate..];
            let digits: String = after
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if let Ok(v) = digits.parse::<rust_decimal::Decimal>()
                && after.contains('%')
            {
                out.push(StatedFound {
                    which: Which::Rate,
                    value: v,
                    quote: quote.clone(),
                });
            }
            continue;
        }
        let Some(value) = count_in_clause(&clause) else {
            continue;
        };
        if !(clause.contains("问题") || saw_problem) {
            continue;
        }
        let which = match status_of(&clause) {
            Some(Status::Closed) => Which::Closed,
            Some(Status::Open) => Which::Open,
            Some(Status::LongTerm) => Which::LongTerm,
            None if ["反馈", "指出", "发现", "共性", "个性", "共"]
                .iter()
                .any(|w| clause.contains(w)) =>
            {
                Which::Total
            }
            None if clause.contains("完成整改") || clause.contains("整改完成") => {
                Which::Closed
            }
            None => continue,
        };
        out.push(StatedFound {
            which,
            value: rust_decimal::Decimal::from(value),
            quote,
        });
    }
    out
}

/// The problem count in a clause: the number before 个问题, else before 个/项/条.
fn count_in_clause(clause: &str) -> Option<u32> {
    let chars: Vec<char> = clause.chars().collect();
    let mut best: Option<(u32, bool)> = None;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let value = if chars[i].is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse::<u32>()
                .ok()
        } else if "一二两三四五六七八九十百".contains(chars[i]) {
            while i < chars.len() && "一二两三四五六七八九十百".contains(chars[i]) {
                i += 1;
            }
            chinese_number(&chars[start..i].iter().collect::<String>())
        } else {
            i += 1;
            continue;
        };
        let Some(v) = value else { continue };
        if matches!(chars.get(i), Some('个' | '项' | '条'))
            && chars.get(i + 1) != Some(&'月')
            && chars.get(i + 1) != Some(&'方')
        {
            let problem = chars.get(i + 1) == Some(&'问');
            if best.is_none_or(|(_, p)| problem && !p) {
                best = Some((v, problem));
            }
        }
    }
    best.map(|(v, _)| v)
}

/// A stable ASCII id from the issuer and the date: a short FNV-1a hash of the issuer.
pub fn report_id(issuer: &str, date: NaiveDate) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in issuer.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("r{:08x}-{}", h >> 32, date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbering_markers() {
        let cases = [
            ("8、关于", Some((Style::Number, "8"))),
            ("1.关于", Some((Style::Number, "1"))),
            ("1.5亿元", None),
            ("（2）加强", Some((Style::ParenNumber, "2"))),
            ("（二）正在推进", Some((Style::Section, "二"))),
            ("三、下一步", Some((Style::Chapter, "三"))),
            ("十一是", Some((Style::Ordinal, "十一"))),
            ("三季度", None),
            ("2021年", None),
        ];
        for (text, expected) in cases {
            let got = marker(text).map(|m| (m.style, m.number));
            assert_eq!(
                got.as_ref().map(|(s, n)| (*s, n.as_str())),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn reads_stated_counts_and_rates() {
        let s = "对巡察反馈的3个方面25个问题，已完成整改19个、正在整改6个，整改完成率76%。";
        let found = stated_counts(s, s);
        let got: Vec<(Which, String)> = found
            .iter()
            .map(|f| (f.which, f.value.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                (Which::Total, "25".to_string()),
                (Which::Closed, "19".to_string()),
                (Which::Open, "6".to_string()),
                (Which::Rate, "76".to_string()),
            ]
        );
        let s = "截至目前，共计2个问题正在整改过程中，仍需深化整改。";
        let found = stated_counts(s, s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].which, Which::Open);
        assert_eq!(found[0].quote, "共计2个问题正在整改过程中");
    }

    #[test]
    fn parses_contact_lines() {
        let s = "联系方式：电话0510-85080016；邮政信箱：无锡市滨湖区青山路79号市人民防空办公室机关党委；电子邮箱：1776755323@qq.com。";
        let (phones, emails, address) = parse_contact(s, s);
        assert_eq!(phones, ["0510-85080016"]);
        assert_eq!(emails, ["1776755323@qq.com"]);
        assert_eq!(
            address.as_deref(),
            Some("无锡市滨湖区青山路79号市人民防空办公室机关党委")
        );
    }

    #[test]
    fn report_ids_are_ascii_and_stable() {
        let d = NaiveDate::from_ymd_opt(2021, 12, 30).unwrap();
        let a = report_id("中共无锡经济开发区工作委员会", d);
        assert!(a.is_ascii());
        assert_eq!(a, report_id("中共无锡经济开发区工作委员会", d));
        assert_ne!(a, report_id("中共无锡市人民防空办公室党组", d));
        assert!(a.ends_with("-2021-12-30"));
    }

    #[test]
    fn finds_team_and_period() {
        let s = "根据区委统一部署，2021年4月至6月，区委第二巡察组对某街道党工委进行了巡察。";
        assert_eq!(find_team(s).as_deref(), Some("区委第二巡察组"));
        assert_eq!(find_period(s, s).as_deref(), Some("2021年4月至6月"));
    }
}
