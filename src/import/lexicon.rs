//! The words and markers every stage recognises: the headings that open a
//! paragraph, numbering markers, titles, full dates. Kept apart so that no
//! stage reaches into another.

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

/// Labels of the web page around a report's text.
const FURNITURE_LABELS: &[&str] = &[
    "信息索引号",
    "索引号",
    "文件名称",
    "发布机构",
    "发文机关",
    "成文日期",
    "发布日期",
    "发布时间",
    "公开方式",
    "公开范围",
    "公开时限",
    "主题分类",
    "文号",
    "日期",
    "来源",
    "信息来源",
    "浏览量",
    "浏览次数",
    "点击数",
    "阅读量",
    "作者",
    "责任编辑",
    "编辑",
    "分享",
    "字号",
    "当前位置",
];

/// Words of a page's buttons and links, on a short line of their own.
const FURNITURE_WORDS: &[&str] = &[
    "打印",
    "〔",
    "〕",
    "关闭",
    "分享",
    "朗读",
    "收藏",
    "字号",
    "返回顶部",
    "扫一扫",
    "大中小",
    "首页",
    "浏览量",
    "【",
    "】",
    "微信",
    "微博",
    "窗口",
    "本页",
    "默认",
    "下载",
    "关怀版",
    "无障碍",
    "长者模式",
    "访问量",
];

/// The text without the bullet a web page puts before a list item ("• ").
pub fn strip_bullet(s: &str) -> &str {
    s.trim()
        .trim_start_matches(['•', '·', '●', '▪', '■', '*'])
        .trim()
}

/// A line of the web page around a report (发布机构：…, 日期:… 来源:… 浏览量:,
/// 打印 关闭): its label and the text after the label.
pub fn furniture_label(norm: &str) -> Option<(&'static str, &str)> {
    let t = strip_bullet(norm).trim_start_matches('-').trim_start();
    for label in FURNITURE_LABELS {
        let Some(rest) = t.strip_prefix(label) else {
            continue;
        };
        let rest = rest.trim_start();
        if let Some(value) = rest.strip_prefix('：') {
            return Some((label, value.trim()));
        }
    }
    // A breadcrumb: 首页 > 信息公开 > 巡察整改.
    let breadcrumb = t.chars().count() <= 40
        && t.contains(['>', '»', '＞', '›'])
        && !t.contains(['。', '，', '；']);
    if breadcrumb {
        return Some(("当前位置", t));
    }
    // 打印 关闭, 【打印本页】【关闭窗口】, 分享到：
    let short = t.chars().count() <= 30 && !t.contains(['。', '，', '；']);
    let mut rest = t.to_string();
    for w in FURNITURE_WORDS {
        rest = rest.replace(w, "");
    }
    let only_buttons = rest
        .chars()
        .all(|c| c.is_whitespace() || "：|/、".contains(c) || c.is_ascii_punctuation());
    (short && only_buttons && rest.len() < t.len()).then_some(("", ""))
}

/// A date whose 年 and 月 were lost in copying ("2023818日" for 2023年8月18日),
/// read only when one reading is a valid day.
pub fn parse_lost_date(t: &str) -> Option<(NaiveDate, &str)> {
    let t = t.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(6..=8).contains(&digits) {
        return None;
    }
    let rest = t[digits..].strip_prefix('日')?;
    let year: i32 = t[..4].parse().ok()?;
    let md = &t[4..digits];
    let mut readings = (1..md.len()).filter_map(|split| {
        let (m, d) = md.split_at(split);
        if m.len() > 2 || d.len() > 2 || m.starts_with('0') && m.len() == 2 && d.is_empty() {
            return None;
        }
        NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
    });
    let first = readings.next()?;
    if readings.next().is_some() {
        return None;
    }
    Some((plausible(first)?, rest))
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

/// A numbering marker at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
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

pub struct Marker {
    pub style: Style,
    /// The number as printed without its punctuation ("8", "二").
    pub number: String,
    /// The marker as printed ("8、", "（二）", "一是").
    pub printed_len: usize,
}

pub fn marker(norm: &str) -> Option<Marker> {
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

/// True for a line starting with a section heading marker: 一、 or （一）.
pub fn starts_section_heading(norm: &str) -> bool {
    let rest = norm.strip_prefix('（').unwrap_or(norm);
    let n: usize = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if n == 0 {
        return false;
    }
    let after = &rest[n..];
    if norm.starts_with('（') {
        after.starts_with('）')
    } else {
        after.starts_with('、')
    }
}

/// True for a line starting with anything that opens a paragraph: an ordinal,
/// a number, a section marker, or a known heading.
pub fn starts_structure(norm: &str) -> bool {
    if starts_section_heading(norm) {
        return true;
    }
    let numeral: usize = norm
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if numeral > 0 && norm[numeral..].starts_with('是') {
        return true;
    }
    if arabic_marker(norm).is_some() {
        return true;
    }
    if norm.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        return true;
    }
    HEADING_WORDS.iter().any(|w| norm.starts_with(w))
}

/// True for a date standing alone: 2021年12月30日, 二〇二一年十二月三十日, 2021-12-30.
pub fn is_date_line(norm: &str) -> bool {
    let t = norm.trim();
    t.chars().count() <= 16
        && parse_full_date(t)
            .or_else(|| parse_lost_date(t))
            .is_some_and(|(_, rest)| rest.trim().is_empty())
}

/// True for a report title: 中共…关于…整改情况的通报 and the like, without sentence punctuation.
pub fn is_title_line(norm: &str) -> bool {
    let n = norm.chars().count();
    (6..=90).contains(&n)
        && !norm.contains('。')
        && !norm.contains('，')
        && (norm.contains("通报")
            || norm.contains("公告")
            || norm.contains("情况的报告")
            || norm.ends_with("整改情况"))
        && (norm.contains("整改") || norm.contains("巡察") || norm.contains("巡视"))
        // 一、财政部门预算执行问题的整改情况: a chapter of a report, not its title.
        && marker(norm).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_that_lost_their_year_and_month_characters_when_only_one_reading_fits() {
        let day = |t: &str| parse_lost_date(t).map(|(d, _)| d.to_string());
        assert_eq!(day("2023818日").as_deref(), Some("2023-08-18"));
        assert_eq!(day("20231130日").as_deref(), Some("2023-11-30"));
        // 2023年1月11日 or 2023年11月1日: no guess.
        assert_eq!(day("2023111日"), None);
        assert_eq!(day("2023818"), None);
        assert!(is_date_line("2023818日"));
    }

    #[test]
    fn recognises_the_furniture_of_web_pages() {
        assert_eq!(
            furniture_label("成文日期：2022-11-18"),
            Some(("成文日期", "2022-11-18"))
        );
        assert_eq!(furniture_label("• 发布机构："), Some(("发布机构", "")));
        assert!(furniture_label("日期：2022-11-18 09：12：05 来源：县卫健局 浏览量：").is_some());
        assert!(furniture_label("打印 关闭").is_some());
        assert!(furniture_label("首页 > 信息公开 > 巡察整改").is_some());
        assert!(furniture_label("【打印本页】【关闭窗口】").is_some());
        assert!(furniture_label("来源于群众的意见，及时整改。").is_none());
        assert!(furniture_label("一、关于打印费的问题").is_none());
    }

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
}
