//! Deadline text as written in reports ("2022年上半年") and the last day it allows.

use chrono::{Datelike, NaiveDate};

use crate::numerals::chinese_number;

/// The last day a deadline text allows, or `None` when it names no day.
///
/// `reference` is the report's date; it supplies the year for texts without one
/// ("年底", "一季度") and is otherwise unused.
pub fn parse_deadline(text: &str, reference: NaiveDate) -> Option<NaiveDate> {
    let t: String = text
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’' | ' ' | '　'))
        .collect();
    let t = t
        .trim_start_matches("确保")
        .trim_start_matches("力争")
        .trim_start_matches("到")
        .trim_start_matches("在")
        .trim_start_matches("于");
    if let Some(date) = five_year_plan_end(t) {
        return Some(date);
    }
    let (year, rest) = match leading_year(t) {
        Some((y, rest)) => (y, rest),
        None if t.is_empty() => return None,
        None => (reference.year(), t),
    };
    let rest = rest
        .trim_end_matches('前')
        .trim_end_matches("以前")
        .trim_end_matches('内');
    period_end(year, rest)
}

/// "十四五末" → the last day of 2025; the plans run 2021–2025, 2026–2030, …
fn five_year_plan_end(t: &str) -> Option<NaiveDate> {
    let rest = t.strip_suffix("末").or_else(|| t.strip_suffix("期末"))?;
    let plan = match rest {
        "十三五" => 13,
        "十四五" => 14,
        "十五五" => 15,
        "十六五" => 16,
        _ => return None,
    };
    // The 14th plan ends in 2025; each plan lasts five years.
    NaiveDate::from_ymd_opt(2025 + 5 * (plan - 14), 12, 31)
}

/// A leading "2022年" and what follows it.
fn leading_year(t: &str) -> Option<(i32, &str)> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let year = digits.parse().ok()?;
    let rest = t[digits.len()..]
        .strip_prefix('年')
        .unwrap_or(&t[digits.len()..]);
    Some((year, rest))
}

/// The end of a period within a year: "", "底", "上半年", "一季度", "1月", "6月30日".
fn period_end(year: i32, rest: &str) -> Option<NaiveDate> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    match rest {
        "" | "底" | "年底" | "末" | "年末" | "年内" | "全年" | "下半年" | "四季度" | "第四季度" =>
        {
            return ymd(12, 31);
        }
        "上半年" | "二季度" | "第二季度" | "年中" => return ymd(6, 30),
        "一季度" | "第一季度" => return ymd(3, 31),
        "三季度" | "第三季度" => return ymd(9, 30),
        _ => {}
    }
    let (month, after) = leading_number(rest)?;
    let after = after.strip_prefix('月')?;
    let after = after.trim_end_matches('份');
    match after {
        "" | "底" | "末" | "前" => last_day_of_month(year, month),
        _ => {
            let (day, tail) = leading_number(after)?;
            match tail {
                "日" | "号" => NaiveDate::from_ymd_opt(year, month, day),
                _ => None,
            }
        }
    }
}

/// A leading number in Arabic digits or simple Chinese numerals (1–31).
fn leading_number(t: &str) -> Option<(u32, &str)> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return Some((digits.parse().ok()?, &t[digits.len()..]));
    }
    let numeral: String = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    if numeral.is_empty() {
        return None;
    }
    Some((chinese_number(&numeral)?, &t[numeral.len()..]))
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_every_deadline_form() {
        let reference = day("2021-12-30");
        let table = [
            // The forms in the seed.
            ("2022年1月", Some("2022-01-31")),
            ("2022年1月底", Some("2022-01-31")),
            ("2022年上半年", Some("2022-06-30")),
            ("2023年", Some("2023-12-31")),
            ("2022年一季度", Some("2022-03-31")),
            ("“十四五”末", Some("2025-12-31")),
            ("2022年", Some("2022-12-31")),
            // Further forms common in reports.
            ("2023年底", Some("2023-12-31")),
            ("2022年下半年", Some("2022-12-31")),
            ("2022年第三季度", Some("2022-09-30")),
            ("2022年2月", Some("2022-02-28")),
            ("2024年2月底", Some("2024-02-29")),
            ("2022年6月30日", Some("2022-06-30")),
            ("2022年十二月", Some("2022-12-31")),
            ("确保2022年上半年", Some("2022-06-30")),
            ("一季度", Some("2021-03-31")),
            ("年底", Some("2021-12-31")),
            ("年底前", Some("2021-12-31")),
            ("上半年", Some("2021-06-30")),
            ("十四五末", Some("2025-12-31")),
            ("十五五末", Some("2030-12-31")),
            // Texts that name no day.
            ("长期坚持", None),
            ("尽快", None),
            ("2022年春节前", None),
            ("", None),
            ("2022年13月", None),
        ];
        for (text, expected) in table {
            assert_eq!(
                parse_deadline(text, reference),
                expected.map(day),
                "{text:?}"
            );
        }
    }
}
