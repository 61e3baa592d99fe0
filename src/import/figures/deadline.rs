//! The deadline an item sets (确保2022年上半年整改到位), read with the rules
//! of [`crate::deadline`].

use chrono::NaiveDate;

use crate::deadline::parse_deadline;
use crate::model::Deadline;

use super::Text;

/// Words that make a later date a deadline in a measure (力争2022年一季度完成).
const DEADLINE_CUES: &[&str] = &[
    "力争",
    "确保",
    "计划于",
    "将于",
    "预计于",
    "争取",
    "力争在",
    "力争于",
    "确保在",
    "确保于",
    "力争到",
];

/// The deadline an item sets: the first time expression that falls on or after
/// the report's date (确保2022年上半年整改到位). In work under way any such
/// date counts; in a measure only one introduced by 力争, 确保, 计划于 and the like.
pub fn deadline(text: &Text, reference: NaiveDate, require_cue: bool) -> Option<Deadline> {
    let n = text.norm.len();
    let mut i = 0;
    while i < n {
        // Time expressions start with a digit or with “十四五”.
        if !matches!(text.norm[i], '0'..='9' | '“' | '十') {
            i += 1;
            continue;
        }
        let Some(end) = time_expression(text, i) else {
            i += 1;
            continue;
        };
        let written = text.orig_slice(i, end);
        let before = text.norm_slice(i.saturating_sub(3), i);
        let cued = DEADLINE_CUES.iter().any(|c| before.ends_with(c));
        if require_cue && !cued {
            i = end;
            continue;
        }
        if let Some(date) = parse_deadline(&text.norm_slice(i, end), reference)
            && date >= reference
        {
            let (cs, ce) = text.clause(i, i);
            return Some(Deadline {
                text: written,
                date: Some(date),
                quote: text.orig_slice(cs, ce),
                ..Deadline::default()
            });
        }
        i = end;
    }
    None
}

/// The end of a time expression starting at `at`: 2022年上半年, 2022年1月底, “十四五”末, 年底前.
fn time_expression(text: &Text, at: usize) -> Option<usize> {
    let norm = &text.norm;
    let before_is_digit = at > 0 && norm[at - 1].is_ascii_digit();
    if before_is_digit {
        return None;
    }
    for plan in [
        "“十四五”末",
        "十四五末",
        "“十五五”末",
        "十五五末",
        "“十四五”期末",
    ] {
        if text.starts_with_at(at, plan) {
            return Some(at + plan.chars().count());
        }
    }
    let mut i = at;
    while i < norm.len() && norm[i].is_ascii_digit() {
        i += 1;
    }
    if i - at != 4 || norm.get(i) != Some(&'年') {
        return None;
    }
    i += 1;
    for period in [
        "上半年",
        "下半年",
        "第一季度",
        "第二季度",
        "第三季度",
        "第四季度",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "年底",
        "底",
        "末",
        "年内",
    ] {
        if text.starts_with_at(i, period) {
            return Some(i + period.chars().count());
        }
    }
    let month_start = i;
    while i < norm.len() && norm[i].is_ascii_digit() && i - month_start < 2 {
        i += 1;
    }
    if i > month_start && norm.get(i) == Some(&'月') {
        i += 1;
        let day_start = i;
        while i < norm.len() && norm[i].is_ascii_digit() && i - day_start < 2 {
            i += 1;
        }
        if i > day_start && matches!(norm.get(i), Some('日' | '号')) {
            return Some(i + 1);
        }
        if i > day_start {
            // 2022年1月15 without 日: keep the month.
            return Some(day_start);
        }
        if matches!(norm.get(i), Some('底' | '末')) {
            return Some(i + 1);
        }
        return Some(i);
    }
    Some(month_start)
}
