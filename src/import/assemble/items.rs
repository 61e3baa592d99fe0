//! Problems and their items: a problem heading opens a problem; measures
//! (一是…) and work under way (正在深化整改的内容及时限) fill it.

use super::{Builder, List, list_name};
use crate::import::figures::{self, Text};
use crate::import::headings::{measure_heading, problem_title, status_of};
use crate::import::lexicon::{HAN, HEADING_WORDS, Marker, Style};
use crate::model::{Measure, Problem, Status};

impl Builder<'_> {
    pub(super) fn new_problem(&mut self, i: usize, m: &Marker) {
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

    pub(super) fn ensure_problem(&mut self) -> usize {
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
    pub(super) fn blank_problem(&self) -> Problem {
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
    pub(super) fn push_problem(
        &mut self,
        mut problem: Problem,
        heading: Option<usize>,
        own: Option<Status>,
    ) -> usize {
        // The outline the problem sits under, as printed, outermost first.
        for h in [self.chapter, self.section].into_iter().flatten() {
            let head = &mut self.heads[h];
            head.kept = true;
            problem
                .category
                .push(format!("{}{}", head.ordinal, head.heading));
        }
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
    pub(super) fn items_heading(&mut self, i: usize, word: &str) {
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
        // 整改情况：已完成整改，…: the first words after the heading give the status.
        let lead: String = norm
            .chars()
            .skip(heading_len)
            .skip_while(|c| matches!(c, '：' | ' ' | '　'))
            .take_while(|c| !matches!(c, '，' | '。' | '；'))
            .collect();
        if self.own_status[problem].is_none()
            && lead.chars().count() <= 8
            && let Some(status) = status_of(&lead)
        {
            self.own_status[problem] = Some(status);
        }
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

    pub(super) fn problem_label(&self, problem: usize) -> String {
        match &self.report.problems[problem].number {
            Some(n) => format!("problem {n}"),
            None => "problem (unnumbered)".to_string(),
        }
    }

    /// "问题：……" with "整改情况：……" after it, in the same paragraph or the next.
    pub(super) fn question(&mut self, i: usize, number: Option<String>, skip: usize) {
        let p = self.para(i);
        let rest: String = p.text.chars().skip(skip).collect();
        let rest_norm: String = p.norm.chars().skip(skip).collect();
        // The problem runs up to the first heading of what was done, if any.
        let split = HEADING_WORDS[..10]
            .iter()
            .filter_map(|w| rest_norm.find(w).map(|b| (b, *w)))
            .filter(|(b, _)| *b > 0)
            .min_by_key(|(b, _)| *b);
        let title_end = split.map_or(rest_norm.len(), |(b, _)| b);
        let title_chars = rest_norm[..title_end].chars().count();
        let title: String = rest.chars().take(title_chars).collect();
        let title = title
            .trim()
            .trim_end_matches(['；', ';', '。', '.'])
            .trim()
            .to_string();
        self.seen_structure = true;
        let problem = Problem {
            number: number.clone(),
            title: (!title.is_empty()).then_some(title),
            ..self.blank_problem()
        };
        let index = self.push_problem(problem, Some(i), None);
        let label = number.map_or("problem (unnumbered)".to_string(), |n| {
            format!("problem {n}")
        });
        self.place(i, format!("{label} heading (问题：)"));
        if let Some((b, word)) = split {
            let skip = skip + rest_norm[..b].chars().count() + word.chars().count();
            let after: String = p.norm.chars().skip(skip).collect();
            let skip = skip + usize::from(after.starts_with('：'));
            self.report.problems[index].measures_heading = Some(word.to_string());
            if let Some(status) = status_of(word) {
                self.own_status[index] = Some(status);
            }
            let measures = self.inline_measures(&p.text, &p.norm, skip);
            self.report.problems[index].measures.extend(measures);
        }
    }

    pub(super) fn item(&mut self, i: usize, m: Option<&Marker>) {
        let problem = self.ensure_problem();
        let p = self.para(i);
        // 一是……；二是……；三是…… in one paragraph: one measure each.
        if m.is_some_and(|m| m.style == Style::Ordinal) {
            let parts = self.inline_measures(&p.text, &p.norm, 0);
            if parts.len() >= 2 {
                let n = parts.len();
                for measure in parts {
                    self.push_item(problem, measure);
                }
                let label = self.problem_label(problem);
                let list = list_name(self.list);
                self.place(
                    i,
                    format!("{label} › {list} ({n} ordinals in one paragraph)"),
                );
                return;
            }
        }
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

    pub(super) fn list_len(&self, problem: usize) -> usize {
        let p = &self.report.problems[problem];
        match self.list {
            List::Measures => p.measures.len(),
            List::Ongoing => p.ongoing.len(),
        }
    }

    pub(super) fn push_item(&mut self, problem: usize, measure: Measure) {
        let p = &mut self.report.problems[problem];
        match self.list {
            List::Measures => p.measures.push(measure),
            List::Ongoing => p.ongoing.push(measure),
        }
    }

    /// Measures printed inline after a heading (整改情况：一是……；二是……): one per
    /// ordinal when there are two or more, else one for the whole text after `skip`.
    pub(super) fn inline_measures(&self, text: &str, norm: &str, skip: usize) -> Vec<Measure> {
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
    pub(super) fn measure(
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
}
