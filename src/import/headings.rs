//! Stage 4, classify headings: what a paragraph's first words say it is (a
//! problem heading, a section naming a status, the plan, contact details),
//! and the names such headings carry.

use super::lexicon::{HEADING_WORDS, Style, marker};
use super::segment::{Chunk, Paragraph};
use crate::model::Status;

/// The status named by a heading or a phrase, matched by keywords.
pub fn status_of(norm: &str) -> Option<Status> {
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
        "延期整改",
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
        "已整改",
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

/// True when the chunk looks like a rectification report at all.
pub fn is_report(chunk: &Chunk, paragraphs: &[Paragraph]) -> bool {
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
    let about_rectification = chunk.body.iter().any(|&i| {
        let p = &paragraphs[i].norm;
        (p.contains("巡察") || p.contains("巡视")) && p.contains("整改")
    });
    about_rectification
        || (structured
            && (chunk.signature.is_some() || chunk.date.is_some() || chunk.body.len() >= 2))
}

/// "问题：……", "问题3：……", "存在问题：……": a problem stated without a numbered
/// heading; the number as printed, if any, and the characters to skip.
pub fn question_heading(norm: &str) -> Option<(Option<String>, usize)> {
    for word in [
        "巡察反馈问题",
        "巡视反馈问题",
        "反馈问题",
        "存在问题",
        "具体问题",
        "问题",
    ] {
        let Some(rest) = norm.strip_prefix(word) else {
            continue;
        };
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .collect();
        let after = &rest[number.len()..];
        if after.starts_with('：') {
            let skip = word.chars().count() + number.chars().count() + 1;
            return Some(((!number.is_empty()).then_some(number), skip));
        }
    }
    None
}

/// 8、关于“内控机制不完善”问题的整改。 / 1.关于……的问题 / a short line ending in 问题.
pub fn is_problem_heading(norm: &str) -> bool {
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
pub fn problem_title(rest: &str) -> Option<String> {
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
pub fn measure_heading(text: &str, skip: usize) -> Option<String> {
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

pub fn ordinal_name(value: u32) -> Option<String> {
    const NAMES: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match value {
        1..=10 => Some(format!("{}是", NAMES[value as usize - 1])),
        11..=19 => Some(format!("十{}是", NAMES[value as usize - 11])),
        _ => None,
    }
}

pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Closed => "closed",
        Status::Open => "open",
        Status::LongTerm => "long-term",
    }
}

pub fn first_clause(norm: &str) -> String {
    norm.chars()
        .take_while(|c| !matches!(c, '。' | '；' | '：'))
        .collect()
}

pub fn is_plan_heading(norm: &str) -> bool {
    let head = first_clause(norm);
    head.contains("下一步")
        || head.contains("计划")
        || head.contains("打算")
        || head.contains("努力方向")
}

/// A heading on the rectification work as a whole, not on a problem:
/// 一、巡察整改工作开展情况, 一、被巡察党组织及其主要负责人组织落实整改情况.
pub fn is_work_heading(norm: &str) -> bool {
    let head = first_clause(norm);
    !head.contains("问题")
        && [
            "工作开展情况",
            "组织落实整改情况",
            "整改工作情况",
            "总体情况",
            "主要做法",
            "组织整改落实情况",
            "主体责任",
            "组织领导",
            "推进整改",
        ]
        .iter()
        .any(|w| head.ends_with(w))
}

pub fn is_contact(norm: &str) -> bool {
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
