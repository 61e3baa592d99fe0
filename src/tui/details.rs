//! The details of a problem, an item and a report as label–value lines in a
//! language, prepared for the drill-down views: what a ledger says about a
//! problem (category, owners, deadline, status as written, progress, extra
//! columns, cells) and what a report states about itself (totals, people,
//! rules). Pure, so that they are tested without a terminal.

use chrono::NaiveDate;

use crate::i18n::{self, Lang, Msg};
use crate::model::{Deadline, Measure, Problem, Report, Status};
use crate::stats::Bucket;

/// How a detail's value is shown; the bucket's symbol is part of the text,
/// so nothing relies on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// As any text.
    Plain,
    /// A deadline, styled by its bucket.
    Due(Bucket),
    /// A place in a source: cells, a clause.
    Source,
}

/// One line of details: "责任领导: 李四、王五".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// What the value is, in the interface language or as the ledger's header.
    pub label: String,
    /// The value, data text as written.
    pub value: String,
    /// How to show the value.
    pub tone: Tone,
}

impl Detail {
    fn new(label: impl Into<String>, value: String, tone: Tone) -> Self {
        Self {
            label: label.into(),
            value,
            tone,
        }
    }
}

/// Names joined as the language lists them: "李四、王五" or "李四, 王五".
fn list(names: &[String], lang: Lang) -> String {
    names.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

/// A deadline as written, the day it means and its bucket, or why it has
/// none: "2023.3.31 → 2023-03-31 · ! 逾期", "立行立改 → 2023-07-05（立行立改：按台账
/// 填报日期）", "长期坚持 → 长期坚持，无日期".
///
/// A problem no longer open has no light: its deadline is history, and a
/// closed problem is never "overdue".
pub fn deadline(d: &Deadline, lang: Lang, as_of: NaiveDate, open: bool) -> Detail {
    let label = Msg::OwnDeadline.text(lang);
    if d.long_term {
        let value = format!("{} → {}", d.text, Msg::LongTermNoDate.text(lang));
        return Detail::new(label, value, Tone::Due(Bucket::NoDate));
    }
    if !open {
        let date = d.date.map_or_else(|| "—".to_string(), |d| d.to_string());
        return Detail::new(label, format!("{} → {date}", d.text), Tone::Plain);
    }
    let bucket = Bucket::of(d.date, as_of);
    let mut value = format!(
        "{} → {} · {} {}",
        d.text,
        d.date.map_or_else(|| "—".to_string(), |d| d.to_string()),
        crate::tui::theme::bucket_symbol(bucket),
        i18n::bucket(bucket, lang)
    );
    if let Some(from) = &d.date_from {
        value.push_str(&i18n::parenthesized(
            &format!("{}: {from}", Msg::DateFrom.text(lang)),
            lang,
        ));
    }
    Detail::new(label, value, Tone::Due(bucket))
}

/// What a ledger says about a problem, in the order a reader looks for it;
/// fields the data does not have are left out, never shown empty.
pub fn problem(problem: &Problem, lang: Lang, as_of: NaiveDate) -> Vec<Detail> {
    let mut out = Vec::new();
    if !problem.category.is_empty() {
        out.push(Detail::new(
            Msg::Category.text(lang),
            problem.category.join(" › "),
            Tone::Plain,
        ));
    }
    let owners: Vec<(&str, String)> = [
        (Msg::Leaders, &problem.leaders),
        (Msg::Departments, &problem.departments),
        (Msg::Partners, &problem.partners),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(msg, names)| (msg.text(lang), list(names, lang)))
    .collect();
    if let Some(((label, first), rest)) = owners.split_first() {
        // The first owner's kind is the label, so that the line reads as one.
        let mut value = first.clone();
        for (more, names) in rest {
            value.push_str(&format!(" · {more} {names}"));
        }
        out.push(Detail::new(*label, value, Tone::Plain));
    }
    if let Some(d) = &problem.deadline {
        out.push(deadline(d, lang, as_of, problem.status == Status::Open));
    }
    if let Some(text) = &problem.status_text {
        out.push(Detail::new(
            Msg::StatusAsWritten.text(lang),
            format!(
                "{text} → {} {}",
                crate::tui::theme::status_symbol(problem.status),
                i18n::status(problem.status, lang)
            ),
            Tone::Plain,
        ));
    }
    if let Some(progress) = &problem.progress {
        out.push(Detail::new(
            Msg::Progress.text(lang),
            progress.clone(),
            Tone::Plain,
        ));
    }
    for column in &problem.columns {
        out.push(Detail::new(
            column.header.clone(),
            column.value.clone(),
            Tone::Plain,
        ));
    }
    if let Some(cells) = &problem.cells {
        out.push(Detail::new(
            Msg::Cells.text(lang),
            cells.label(),
            Tone::Source,
        ));
    }
    out
}

/// The cells an item was read from, where it comes from a ledger.
pub fn item(item: &Measure, lang: Lang) -> Option<Detail> {
    let cells = item.cells.as_ref()?;
    Some(Detail::new(
        Msg::Cells.text(lang),
        cells.label(),
        Tone::Source,
    ))
}

/// The counts a report states about itself, each with its words: closed,
/// open, long-term, the total, aspects, units, measures, completion rate.
pub fn report_stated(report: &Report, lang: Lang) -> Vec<String> {
    let s = &report.stated;
    let statuses = [
        (crate::model::Status::Closed, &s.closed),
        (crate::model::Status::Open, &s.open),
        (crate::model::Status::LongTerm, &s.long_term),
    ];
    let mut stated: Vec<String> = statuses
        .iter()
        .filter_map(|(status, count)| {
            let c = count.as_ref()?;
            Some(format!(
                "{} {}「{}」",
                i18n::status(*status, lang),
                c.value,
                c.quote
            ))
        })
        .collect();
    stated.extend(
        [
            (Msg::Total, &s.total),
            (Msg::AspectsStated, &s.aspects),
            (Msg::UnitsStated, &s.units),
            (Msg::Measures, &s.measures),
        ]
        .iter()
        .filter_map(|(msg, count)| {
            let c = count.as_ref()?;
            Some(format!("{} {}「{}」", msg.text(lang), c.value, c.quote))
        }),
    );
    if let Some(rate) = &s.completion_rate {
        stated.push(format!(
            "{} {}%「{}」",
            Msg::CompletionRate.text(lang),
            rate.percent,
            rate.quote
        ));
    }
    stated
}

/// What a report states it achieved as a whole: people held accountable by
/// kind and rules made, each with its words.
pub fn report_results(report: &Report, lang: Lang) -> Vec<Detail> {
    let mut out = Vec::new();
    if !report.people.is_empty() {
        let people: Vec<String> = report
            .people
            .iter()
            .map(|p| format!("{} {}{}「{}」", p.label, p.count, p.unit, p.quote))
            .collect();
        out.push(Detail::new(
            Msg::People.text(lang),
            people.join("  "),
            Tone::Plain,
        ));
    }
    if !report.rules.is_empty() {
        let rules: Vec<String> = report
            .rules
            .iter()
            .map(|r| format!("{} {}「{}」", r.label, r.count, r.quote))
            .collect();
        out.push(Detail::new(
            Msg::Rules.text(lang),
            rules.join("  "),
            Tone::Plain,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cells, Column, Status};

    fn day(s: &str) -> NaiveDate {
        crate::dates::parse(s).unwrap()
    }

    fn ledger_problem() -> Problem {
        Problem {
            title: Some("学校食堂经费管理不规范".into()),
            status: Status::Open,
            category: vec!["二、落实全面从严治党方面".into(), "（一）经费".into()],
            leaders: vec!["李四".into(), "王五".into()],
            departments: vec!["计财股".into()],
            partners: vec!["审计股".into()],
            deadline: Some(Deadline {
                text: "2023.3.31".into(),
                date: Some(day("2023-03-31")),
                quote: "2023.3.31".into(),
                ..Deadline::default()
            }),
            status_text: Some("正在推进".into()),
            progress: Some("已追缴12.5万元".into()),
            columns: vec![Column {
                header: "备注".into(),
                value: "已报巡察办".into(),
            }],
            cells: Some(Cells {
                file: "台账.xlsx".into(),
                sheet: Some("整改台账".into()),
                range: "A6:H7".into(),
            }),
            ..Problem::default()
        }
    }

    /// Every ledger field a reader needs is there, as written, in order, with
    /// the cells last, as the dashboard shows them.
    #[test]
    fn a_ledger_problem_shows_every_field_and_its_cells() {
        let lines: Vec<(String, String)> = problem(&ledger_problem(), Lang::Zh, day("2023-07-05"))
            .into_iter()
            .map(|d| (d.label, d.value))
            .collect();
        let expect = [
            ("问题类别", "二、落实全面从严治党方面 › （一）经费"),
            ("责任领导", "李四、王五 · 责任单位 计财股 · 配合单位 审计股"),
            ("整改时限", "2023.3.31 → 2023-03-31 · ! 逾期"),
            ("状态原文", "正在推进 → ● 正在整改"),
            ("整改进展", "已追缴12.5万元"),
            ("备注", "已报巡察办"),
            ("台账单元格", "台账.xlsx · 整改台账!A6:H7"),
        ];
        let got: Vec<(&str, &str)> = lines
            .iter()
            .map(|(l, v)| (l.as_str(), v.as_str()))
            .collect();
        assert_eq!(got, expect);
    }

    /// 立行立改 says where its day comes from; 长期坚持 says it has none.
    #[test]
    fn immediate_and_long_term_deadlines_say_what_their_day_is() {
        let immediate = Deadline {
            text: "立行立改".into(),
            date: Some(day("2023-07-05")),
            date_from: Some("按台账填报日期".into()),
            quote: "立行立改".into(),
            ..Deadline::default()
        };
        let d = deadline(&immediate, Lang::En, day("2023-07-05"), true);
        assert_eq!(
            d.value,
            "立行立改 → 2023-07-05 · * due in 30 days (date from: 按台账填报日期)"
        );
        let long = Deadline {
            text: "长期坚持".into(),
            long_term: true,
            quote: "长期坚持".into(),
            ..Deadline::default()
        };
        let d = deadline(&long, Lang::Zh, day("2023-07-05"), true);
        assert_eq!(d.value, "长期坚持 → 长期坚持，无日期");
        assert_eq!(d.tone, Tone::Due(Bucket::NoDate));
    }

    /// A closed problem's deadline has passed without it being late: no
    /// "overdue" light beside it.
    #[test]
    fn a_closed_problems_deadline_has_no_light() {
        let past = Deadline {
            text: "2023.1.28".into(),
            date: Some(day("2023-01-28")),
            quote: "2023.1.28".into(),
            ..Deadline::default()
        };
        let open = deadline(&past, Lang::Zh, day("2023-07-05"), true);
        assert!(open.value.contains("! 逾期"), "{}", open.value);
        let closed = deadline(&past, Lang::Zh, day("2023-07-05"), false);
        assert_eq!(closed.value, "2023.1.28 → 2023-01-28");
        assert_eq!(closed.tone, Tone::Plain);
    }

    /// Without leaders, the line starts with the departments, whose English
    /// name has a space in it.
    #[test]
    fn owners_without_leaders_start_with_the_departments() {
        let p = Problem {
            departments: vec!["安全股".into()],
            ..Problem::default()
        };
        let d = problem(&p, Lang::En, day("2023-07-05"));
        assert_eq!(
            (d[0].label.as_str(), d[0].value.as_str()),
            ("lead departments", "安全股")
        );
    }

    /// A published report's problem has none of these fields: no empty lines.
    #[test]
    fn a_problem_without_ledger_fields_has_no_details() {
        let p = Problem {
            title: Some("x".into()),
            ..Problem::default()
        };
        assert!(problem(&p, Lang::Zh, day("2023-07-05")).is_empty());
    }
}
