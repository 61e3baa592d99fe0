//! The words and markers that cleaning and structure both recognise: the
//! headings that open a paragraph, numbering markers, full dates. Kept apart
//! so that neither stage reaches into the other.

use chrono::NaiveDate;

use crate::numerals::chinese_number;

/// Headings that open a paragraph by themselves (整改结果及成效：).
pub const HEADING_WORDS: &[&str] = &[
    "整改结果及成效",
    "整改措施及阶段性成效",
    "正在深化整改的内容及时限",
    "整改情况",
    "整改进展",
    "整改措施",
    "整改成效",
    "整改结果",
    "下一步整改措施",
    "下一步措施",
    "联系方式",
    "联系电话",
    "欢迎广大",
];

pub const HAN: &str = "一二三四五六七八九十";

/// `1、`, `1.`, `（1）` at the start of a normalised line: the number and the marker length in bytes.
pub fn arabic_marker(norm: &str) -> Option<(u32, usize)> {
    let paren = norm.starts_with('（');
    let body = if paren {
        &norm['（'.len_utf8()..]
    } else {
        norm
    };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &body[digits..];
    let value: u32 = body[..digits].parse().ok()?;
    let ok = if paren {
        rest.starts_with('）')
    } else {
        rest.starts_with('、')
            || (rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()))
    };
    if !ok || value == 0 {
        return None;
    }
    let closer = rest.chars().next()?.len_utf8();
    let len = if paren { '（'.len_utf8() } else { 0 } + digits + closer;
    Some((value, len))
}

/// A full date at the start of a string and the rest: 2021年12月30日, 2021-12-30, 二〇二一年十二月三十日.
pub fn parse_full_date(t: &str) -> Option<(NaiveDate, &str)> {
    let t = t.trim_start();
    let digit_year: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digit_year.len() == 4 {
        let year: i32 = digit_year.parse().ok()?;
        let rest = &t[4..];
        let sep = rest.chars().next()?;
        let rest = &rest[sep.len_utf8()..];
        let (month, rest) = leading_digits(rest)?;
        let rest = match sep {
            '年' => rest.strip_prefix('月')?,
            '-' | '.' | '/' => rest.strip_prefix(sep)?,
            _ => return None,
        };
        let (day, rest) = leading_digits(rest)?;
        let rest = if sep == '年' {
            rest.strip_prefix('日')
                .or_else(|| rest.strip_prefix('号'))?
        } else {
            rest
        };
        return Some((plausible(NaiveDate::from_ymd_opt(year, month, day)?)?, rest));
    }
    // 二〇二一年十二月三十日
    let year_chars: String = t
        .chars()
        .take_while(|c| "〇零一二三四五六七八九".contains(*c))
        .collect();
    if year_chars.chars().count() != 4 {
        return None;
    }
    let mut year = 0i32;
    for c in year_chars.chars() {
        year = year * 10 + chinese_number(&c.to_string()).unwrap_or(0) as i32;
    }
    let rest = t[year_chars.len()..].strip_prefix('年')?;
    let month_s: String = rest.chars().take_while(|c| HAN.contains(*c)).collect();
    let rest = rest[month_s.len()..].strip_prefix('月')?;
    let day_s: String = rest.chars().take_while(|c| HAN.contains(*c)).collect();
    let rest = rest[day_s.len()..].strip_prefix('日')?;
    let date = NaiveDate::from_ymd_opt(year, chinese_number(&month_s)?, chinese_number(&day_s)?)?;
    Some((plausible(date)?, rest))
}

fn leading_digits(s: &str) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    Some((s[..n].parse().ok()?, &s[n..]))
}

/// The day, if it falls in the years the data format takes: a text's
/// "0000年1月1日" is not a date the importer may write.
fn plausible(day: NaiveDate) -> Option<NaiveDate> {
    crate::dates::YEARS
        .contains(&chrono::Datelike::year(&day))
        .then_some(day)
}
