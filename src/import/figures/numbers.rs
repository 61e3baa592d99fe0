//! Numbers in the text: Arabic and Chinese numerals with the unit after them.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Found, Text};
use crate::numerals::chinese_number;
use crate::units::{Dimension, Unit};

/// Units a figure may carry, longest first so that 万平方米 wins over 万元 and 平方米.
const UNITS: &[&str] = &[
    "个百分点",
    "万平方米",
    "万元/人",
    "万美元",
    "亿美元",
    "万人次",
    "平方米",
    "元/人",
    "万元",
    "亿元",
    "美元",
    "公顷",
    "人次",
    "大类",
    "元",
    "亩",
    "%",
    "个",
    "家",
    "名",
    "人",
    "项",
    "次",
    "条",
    "件",
    "篇",
    "处",
    "天",
    "类",
    "批",
    "户",
    "宗",
    "块",
    "期",
    "场",
    "所",
    "台",
    "份",
    "起",
    "轮",
];

/// A unit followed by these characters is part of another word (三个月, 321人才).
const NOT_A_UNIT: &[(&str, char)] = &[
    ("个", '月'),
    ("人", '才'),
    ("人", '民'),
    ("人", '大'),
    ("人", '员'),
    ("项", '目'),
    ("条", '例'),
    ("条", '线'),
    ("处", '理'),
    ("处", '置'),
    ("批", '准'),
    ("批", '次'),
    ("起", '草'),
    ("期", '间'),
    ("期", '限'),
    ("家", '庭'),
    ("家", '次'),
    ("场", '所'),
    ("台", '账'),
    ("块", '钱'),
    ("次", '年'),
    ("名", '单'),
    ("份", '额'),
    ("所", '属'),
];

/// Words after which a Chinese numeral is a count.
const HAN_COUNT_CUES: &[&str] = &[
    "各", "共", "计", "完成", "开展", "召开", "新增", "发现", "查处", "达", "出台", "制定", "制订",
    "修订", "建立", "整改", "涉及", "梳理", "举办", "累计", "组织", "形成", "推出", "打造", "培训",
    "约谈", "走访", "检查", "抽查", "通报", "解决", "退还", "追缴", "收回", "处分", "问责", "立案",
    "谈话", "召回", "清理", "排查", "取消", "撤销", "合并", "新建", "改造", "选派", "提拔",
];

/// True for the Chinese numerals that may make up a count (四次, 两个, 十三项).
pub(super) fn is_han_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// Reads an Arabic number at `start` and, when a unit follows, a figure.
pub(super) fn arabic_at(text: &Text, start: usize) -> (Option<Found>, usize) {
    let norm = &text.norm;
    let n = norm.len();
    let mut i = start;
    let mut digits = String::new();
    while i < n {
        let c = norm[i];
        if c.is_ascii_digit() {
            digits.push(c);
            i += 1;
        } else if c == ','
            && !digits.contains('.')
            && i + 3 < n + 1
            && norm[i + 1..(i + 4).min(n)]
                .iter()
                .filter(|c| c.is_ascii_digit())
                .count()
                == 3
            && !norm.get(i + 4).is_some_and(char::is_ascii_digit)
        {
            i += 1;
        } else if c == '.'
            && !digits.contains('.')
            && norm.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            digits.push('.');
            i += 1;
        } else {
            break;
        }
    }
    let end_of_number = i;
    let before = start.checked_sub(1).map(|b| norm[b]);
    // Part of a code, a phone number, an address or an e-mail (0510-80580019, 163.com).
    if before.is_some_and(|b| {
        b.is_ascii_alphanumeric() || matches!(b, '-' | '.' | '@' | '_' | '/' | '第')
    }) || text.quoted[start]
    {
        return (None, end_of_number);
    }
    let Ok(value) = Decimal::from_str(&digits) else {
        return (None, end_of_number);
    };
    match unit_after(text, end_of_number) {
        Some((unit, end, approximate)) => (
            Some(Found {
                start,
                end,
                value,
                unit,
                approximate: approximate
                    || approximate_before(text, start)
                    || approximate_after(text, end),
            }),
            end,
        ),
        None => (None, end_of_number),
    }
}

/// Reads a Chinese numeral at `start` and, when a count unit follows, a figure.
pub(super) fn han_at(text: &Text, start: usize) -> (Option<Found>, usize) {
    let norm = &text.norm;
    let mut i = start;
    while i < norm.len() && is_han_digit(norm[i]) {
        i += 1;
    }
    let numeral: String = norm[start..i].iter().collect();
    let before = start.checked_sub(1).map(|b| norm[b]);
    // 一个, 一批: an article, not a count; 第二: an ordinal; 数万: no number.
    if numeral == "一"
        || before.is_some_and(|b| {
            matches!(
                b,
                '第' | '数' | '几' | '每' | '周' | '星' | '初' | '统' | '唯' | '万' | '十'
            )
        })
        || text.quoted[start]
    {
        return (None, i);
    }
    // A Chinese numeral counts things only after a verb of counting or doing
    // (每年各四次, 整改十三项); elsewhere it names something (八项规定, 两个街道,
    // 争当三类干部) and is no figure.
    let before_text = text.norm_slice(start.saturating_sub(2), start);
    if !HAN_COUNT_CUES.iter().any(|c| before_text.ends_with(c)) {
        return (None, i);
    }
    let Some(value) = chinese_number(&numeral) else {
        return (None, i);
    };
    match unit_after(text, i) {
        Some((unit, end, approximate)) if is_count_unit(unit) => (
            Some(Found {
                start,
                end,
                value: Decimal::from(value),
                unit,
                approximate: approximate
                    || approximate_before(text, start)
                    || approximate_after(text, end),
            }),
            end,
        ),
        _ => (None, i),
    }
}

fn is_count_unit(unit: &str) -> bool {
    matches!(Unit::new(unit).dimension(), Some(Dimension::Count)) && unit != "万人次"
}

/// The unit after a number: 余/多 may stand before the unit or between 万 and 元.
fn unit_after(text: &Text, at: usize) -> Option<(&'static str, usize, bool)> {
    let norm = &text.norm;
    let mut i = at;
    let mut approximate = false;
    if matches!(norm.get(i), Some('余' | '多')) {
        approximate = true;
        i += 1;
    }
    // 3万余元, 2亿多元: the multiplier, then 余, then the unit.
    let mut scale: Option<char> = None;
    if matches!(norm.get(i), Some('万' | '亿')) && matches!(norm.get(i + 1), Some('余' | '多'))
    {
        scale = norm.get(i).copied();
        approximate = true;
        i += 2;
    }
    for unit in UNITS {
        let wanted: String = match scale {
            Some(s) => {
                // After 3万余 only the base unit may follow.
                let Some(base) = unit.strip_prefix(s) else {
                    continue;
                };
                base.to_string()
            }
            None => (*unit).to_string(),
        };
        if wanted.is_empty() || !text.starts_with_at(i, &wanted) {
            continue;
        }
        let end = i + wanted.chars().count();
        let last = unit.chars().next_back().unwrap_or(' ');
        if let Some(next) = norm.get(end) {
            if NOT_A_UNIT.iter().any(|(u, c)| *u == *unit && c == next) {
                return None;
            }
            // 123元/人 is caught by the table; 2.66万元/人 must not stop at 万元.
            if *next == '/' && last == '元' {
                continue;
            }
        }
        return Some((unit, end, approximate));
    }
    None
}

fn approximate_before(text: &Text, start: usize) -> bool {
    let before: String = text.norm[start.saturating_sub(2)..start].iter().collect();
    before.ends_with('超')
        || before.ends_with("超过")
        || before.ends_with('近')
        || before.ends_with('约')
        || before.ends_with('逾')
}

fn approximate_after(text: &Text, end: usize) -> bool {
    text.starts_with_at(end, "以上")
        || text.starts_with_at(end, "左右")
        || text.starts_with_at(end, "余")
}
