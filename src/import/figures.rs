//! Figures in a paragraph: numbers with units, what they measure and the clause
//! they come from; amounts mentioned without a figure; deadlines.
//!
//! One left-to-right pass over the characters finds the numbers; the words around
//! each number decide its role and kind. Nothing backtracks.

use std::collections::{BTreeSet, HashMap};
use std::str::FromStr;

use aho_corasick::AhoCorasick;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::deadline::parse_deadline;
use crate::model::{Deadline, Figure, FigureKind, Role, Unstated};
use crate::numerals::chinese_number;
use crate::units::{Dimension, Unit};

use super::keywords::Keywords;

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
fn is_han_digit(c: char) -> bool {
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

/// The delimiters of a clause: a quote is the text between two of them.
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | '：' | ',' | '!' | '?')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | '!' | '?')
}

/// A paragraph as two parallel character arrays: as printed and normalised.
pub struct Text {
    orig: Vec<char>,
    norm: Vec<char>,
    /// For each character, whether it sits inside a short quotation (“三个原则”)
    /// or a title (《…》, 〔…〕), where numbers name things rather than count them.
    quoted: Vec<bool>,
    /// Where clause delimiters stand, ascending.
    clause_ends: Vec<usize>,
    /// Where sentence delimiters stand, ascending.
    sentence_ends: Vec<usize>,
}

impl Text {
    /// Builds the arrays; `norm` must have as many characters as `orig`.
    pub fn new(orig: &str, norm: &str) -> Self {
        let orig: Vec<char> = orig.chars().collect();
        let mut norm: Vec<char> = norm.chars().collect();
        if norm.len() != orig.len() {
            norm = orig.iter().map(|c| super::clean::norm_char(*c)).collect();
        }
        let quoted = quoted_spans(&norm);
        let ends = |is_end: fn(char) -> bool| -> Vec<usize> {
            (0..norm.len()).filter(|&i| is_end(norm[i])).collect()
        };
        let (clause_ends, sentence_ends) = (ends(is_clause_end), ends(is_sentence_end));
        Self {
            orig,
            norm,
            quoted,
            clause_ends,
            sentence_ends,
        }
    }

    fn orig_slice(&self, start: usize, end: usize) -> String {
        self.orig[start..end].iter().collect()
    }

    fn norm_slice(&self, start: usize, end: usize) -> String {
        self.norm[start..end].iter().collect()
    }

    /// The clause around the characters `from..to`: from after the delimiter
    /// before `from` to before the first delimiter at or after `to`. A figure's
    /// own characters may hold a delimiter (the comma of 1,000元), so the end is
    /// looked for after the figure, never inside it.
    fn clause(&self, from: usize, to: usize) -> (usize, usize) {
        self.between(&self.clause_ends, from, to)
    }

    /// The sentence around the characters `from..to`, found as [`Text::clause`] is.
    fn sentence(&self, from: usize, to: usize) -> (usize, usize) {
        self.between(&self.sentence_ends, from, to)
    }

    /// The span around `from..to` between two of the delimiters at `ends`,
    /// found by bisection: walking to them from each figure of a long
    /// sentence was quadratic in its figures.
    fn between(&self, ends: &[usize], from: usize, to: usize) -> (usize, usize) {
        let before = ends.partition_point(|&d| d < from);
        let start = before.checked_sub(1).map_or(0, |p| ends[p] + 1);
        let after = ends.partition_point(|&d| d < to.max(from));
        (start, ends.get(after).copied().unwrap_or(self.norm.len()))
    }

    fn starts_with_at(&self, at: usize, word: &str) -> bool {
        (at..)
            .zip(word.chars())
            .all(|(i, w)| self.norm.get(i) == Some(&w))
    }
}

/// Marks characters inside short quotations and inside 《》 and 〔〕.
fn quoted_spans(norm: &[char]) -> Vec<bool> {
    let mut quoted = vec![false; norm.len()];
    let mut open: Option<usize> = None;
    let mut title_depth = 0usize;
    for (i, c) in norm.iter().enumerate() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(start) = open.take() {
                    // Slogans are short; a long quotation is reported speech.
                    if i - start <= 12 {
                        quoted[start..=i].iter_mut().for_each(|q| *q = true);
                    }
                }
            }
            '《' | '〔' => title_depth += 1,
            '》' | '〕' => title_depth = title_depth.saturating_sub(1),
            _ => {}
        }
        if title_depth > 0 {
            quoted[i] = true;
        }
    }
    quoted
}

/// A number found in the text, before its meaning is decided.
struct Found {
    start: usize,
    end: usize,
    value: Decimal,
    unit: &'static str,
    approximate: bool,
}

/// The keywords that decide roles and kinds, found once per paragraph.
struct Cues {
    money: Keywords,
    sentence_money: Keywords,
    land: Keywords,
    target: Keywords,
    forecast: Keywords,
}

impl Cues {
    fn new(text: &Text) -> Self {
        let words = |table: &[(&'static str, FigureKind)]| {
            Keywords::new(&text.norm, table.iter().map(|(w, _)| *w))
        };
        Self {
            money: words(MONEY_KINDS),
            sentence_money: words(SENTENCE_MONEY_KINDS),
            land: words(LAND_KINDS),
            target: Keywords::new(&text.norm, ["力争", "目标"]),
            forecast: Keywords::new(&text.norm, ["预计"]),
        }
    }
}

/// Every figure in a paragraph, in printed order.
pub fn extract(text: &Text) -> Vec<Figure> {
    let cues = Cues::new(text);
    let mut figures = Vec::new();
    let n = text.norm.len();
    let mut i = 0;
    while i < n {
        let c = text.norm[i];
        let found = if c.is_ascii_digit() {
            let (found, next) = arabic_at(text, i);
            i = next;
            found
        } else if is_han_digit(c) {
            let (found, next) = han_at(text, i);
            i = next;
            found
        } else {
            i += 1;
            None
        };
        if let Some(found) = found {
            figures.push(describe(text, &cues, &found));
        }
    }
    link_targets(&mut figures);
    figures
}

/// Reads an Arabic number at `start` and, when a unit follows, a figure.
fn arabic_at(text: &Text, start: usize) -> (Option<Found>, usize) {
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
fn han_at(text: &Text, start: usize) -> (Option<Found>, usize) {
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

/// Keywords that say what an amount is, in the order they are tried.
const MONEY_KINDS: &[(&str, FigureKind)] = &[
    ("追缴", FigureKind::Recovered),
    ("收回", FigureKind::Recovered),
    ("挽回", FigureKind::Recovered),
    ("清退", FigureKind::Recovered),
    ("退还", FigureKind::Recovered),
    ("返还", FigureKind::Recovered),
    ("追回", FigureKind::Recovered),
    ("划转", FigureKind::Transferred),
    ("转为资产", FigureKind::Transferred),
    ("核销", FigureKind::WrittenOff),
    ("结算", FigureKind::PendingSettlement),
    ("发放", FigureKind::Disbursed),
    ("兑现", FigureKind::Disbursed),
    ("拨付", FigureKind::Disbursed),
    ("补贴", FigureKind::Disbursed),
    ("争取", FigureKind::FundingSecured),
    ("申请使用", FigureKind::FundingApplied),
    ("申请", FigureKind::FundingApplied),
    ("固定资产投资", FigureKind::FixedAssetInvestment),
    ("总投资", FigureKind::ProjectInvestment),
    ("投入", FigureKind::Invested),
    ("投资", FigureKind::Invested),
    ("营收", FigureKind::Revenue),
    ("营业收入", FigureKind::Revenue),
    ("一般公共预算收入", FigureKind::FiscalRevenue),
    ("税收", FigureKind::FiscalRevenue),
    ("地区生产总值", FigureKind::Output),
    ("进出口", FigureKind::Trade),
    ("出口", FigureKind::Export),
    ("外资", FigureKind::ForeignInvestment),
];

/// Keywords that say what an area is.
const LAND_KINDS: &[(&str, FigureKind)] = &[
    ("批而未供", FigureKind::LandUnsuppliedDisposed),
    ("再开发", FigureKind::LandRedeveloped),
    ("低效用地", FigureKind::LandRedeveloped),
    ("盘活", FigureKind::LandRevitalised),
    ("征收", FigureKind::LandExpropriated),
    ("拆迁", FigureKind::LandExpropriated),
    ("征地", FigureKind::LandExpropriated),
];

/// Words in a sentence that settle what money is, whatever the clause says
/// (投资的4000万元……已由在建工程转为资产，并划转到市地铁集团).
const SENTENCE_MONEY_KINDS: &[(&str, FigureKind)] = &[
    ("一并结算", FigureKind::PendingSettlement),
    ("待结算", FigureKind::PendingSettlement),
    ("划转", FigureKind::Transferred),
    ("转为资产", FigureKind::Transferred),
];

/// The kind of the keyword of `table` that ends nearest before `at` in
/// `start..end`, as [`Keywords::nearest`] chooses it.
fn nearest_keyword(
    found: &Keywords,
    table: &[(&str, FigureKind)],
    (start, end): (usize, usize),
    at: usize,
) -> Option<FigureKind> {
    found
        .nearest(start, end, at)
        .and_then(|i| table.get(i))
        .map(|(_, kind)| *kind)
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Decides the role, kind, label and quote of a number found in the text.
fn describe(text: &Text, cues: &Cues, found: &Found) -> Figure {
    let unit = Unit::new(found.unit);
    let (cs, ce) = text.clause(found.start, found.end);
    let (ss, se) = text.sentence(found.start, found.end);
    let clause = text.norm_slice(cs, ce);
    let before_in_clause = text.norm_slice(cs, found.start);
    let dimension = unit.dimension();

    let is_change_word = contains_any(
        &clause,
        &[
            "同比", "增长", "增幅", "上升", "下降", "回落", "增加", "减少", "提升", "提高", "翻",
        ],
    );
    let role = if contains_any(&before_in_clause, &["力争", "目标", "保底", "确保"]) {
        Role::Target
    } else if contains_any(&before_in_clause, &["预计", "有望", "可达", "可完成", "将"]) {
        Role::Forecast
    } else if matches!(dimension, Some(Dimension::PercentagePoint))
        || (found.unit == "%" && is_change_word)
    {
        Role::Change
    } else if matches!(dimension, Some(Dimension::MoneyPerPerson(_))) || found.unit == "%" {
        Role::Rate
    } else if contains_any(&before_in_clause, &["总投资", "计划投资"]) {
        Role::Planned
    } else if cues.target.any_within(ss, found.start) {
        Role::Target
    } else if cues.forecast.any_within(ss, found.start)
        && !contains_any(&before_in_clause, &["已", "完成"])
    {
        Role::Forecast
    } else {
        Role::Achieved
    };

    let kind = match dimension {
        Some(Dimension::Money(_)) | Some(Dimension::MoneyPerPerson(_)) => {
            let at = found.start;
            let in_clause = nearest_keyword(&cues.money, MONEY_KINDS, (cs, ce), at)
                .or_else(|| nearest_keyword(&cues.money, MONEY_KINDS, (ss, at), at));
            let in_sentence =
                nearest_keyword(&cues.sentence_money, SENTENCE_MONEY_KINDS, (ss, se), at);
            // A recovery word anywhere before the amount wins (清退违规发放津贴4.6万元).
            let recovered = ["追缴", "收回", "挽回", "清退", "退还", "返还", "追回"]
                .iter()
                .any(|w| before_in_clause.contains(w));
            let in_clause = if recovered {
                Some(FigureKind::Recovered)
            } else {
                in_clause
            };
            let kind = match (in_clause, in_sentence) {
                (None | Some(FigureKind::Invested), Some(k)) => k,
                (Some(k), _) => k,
                (None, None) => FigureKind::Other,
            };
            if kind == FigureKind::Invested && before_in_clause.contains("企业") {
                FigureKind::EnterpriseInvestment
            } else {
                kind
            }
        }
        Some(Dimension::Area) => nearest_keyword(&cues.land, LAND_KINDS, (cs, ce), found.start)
            .or_else(|| nearest_keyword(&cues.land, LAND_KINDS, (ss, se), found.start))
            .unwrap_or(FigureKind::Other),
        Some(Dimension::Percent) | Some(Dimension::PercentagePoint) => {
            if role == Role::Change {
                FigureKind::Growth
            } else {
                FigureKind::Ratio
            }
        }
        Some(Dimension::Count) => FigureKind::Count,
        None => FigureKind::Other,
    };
    // The text as printed includes 超 before and 以上 after (超60亿元, 600亿元以上).
    let text_start = if text.starts_with_at(found.start.saturating_sub(2), "超过")
        && found.start >= 2
    {
        found.start - 2
    } else if found.start >= 1 && matches!(text.norm[found.start - 1], '超' | '近' | '约' | '逾')
    {
        found.start - 1
    } else {
        found.start
    };
    let text_end =
        if text.starts_with_at(found.end, "以上") || text.starts_with_at(found.end, "左右") {
            found.end + 2
        } else {
            found.end
        };

    Figure {
        id: None,
        label: label(text, found, cs, ce),
        text: text.orig_slice(text_start, text_end),
        value: found.value.normalize(),
        normalized: unit.normalize(found.value),
        unit,
        approximate: found.approximate,
        role,
        kind,
        target: None,
        overlaps: None,
        quote: text.orig_slice(cs, ce),
    }
}

/// A short label: for counts the thing counted after the unit (35项为民办实事工程),
/// otherwise the words before the number (盘活存量建设用地849.56亩).
fn label(text: &Text, found: &Found, cs: usize, ce: usize) -> String {
    let stop = |c: char| {
        matches!(
            c,
            '、' | '，' | '。' | '；' | '（' | '）' | '“' | '”' | '和' | '及' | '的'
        )
    };
    let after: String = text.orig[found.end..ce]
        .iter()
        .copied()
        .skip_while(|c| matches!(c, '以' | '上' | '余' | '多' | '左' | '右'))
        .take_while(|c| !stop(*c) && !c.is_ascii_digit())
        .take(12)
        .collect();
    let mut before_start = found.start;
    while before_start > cs
        && !matches!(text.norm[before_start - 1], '、' | '（' | '）')
        && !text.norm[before_start - 1].is_ascii_digit()
    {
        before_start -= 1;
    }
    let before_start = before_start.max(found.start.saturating_sub(16));
    let before = text.orig_slice(before_start, found.start);
    let before = before
        .trim_start_matches([
            '已', '共', '累', '计', '完', '成', '并', '均', '达', '到', '其', '中',
        ])
        .trim_end_matches([
            '超', '近', '约', '逾', '达', '到', '为', '了', '共', '计', '等', '过',
        ]);
    let is_count = matches!(Unit::new(found.unit).dimension(), Some(Dimension::Count));

    if is_count && after.chars().count() >= 2 {
        after
    } else if !before.is_empty() {
        before.to_string()
    } else if !after.is_empty() {
        after
    } else {
        found.unit.to_string()
    }
}

/// The text without a leading ordinal (一是, 二是).
fn strip_ordinal(s: &str) -> &str {
    let n: usize = s
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if n > 0 && s[n..].starts_with('是') {
        &s[n + '是'.len_utf8()..]
    } else {
        s
    }
}

/// Links an achieved figure to a target of the same unit earlier in the paragraph
/// (保底完成征收面积100万平方米，累计完成征收面积110万平方米). The ids are set
/// by the caller, which knows the report; here the link is the index, as text.
fn link_targets(figures: &mut [Figure]) {
    // The last target of each unit and kind so far, rather than a look back
    // from each figure, which was quadratic in a paragraph without targets.
    let mut last: HashMap<(Unit, FigureKind), usize> = HashMap::new();
    for (i, figure) in figures.iter_mut().enumerate() {
        let key = (figure.unit.clone(), figure.kind);
        match figure.role {
            Role::Target => {
                last.insert(key, i);
            }
            Role::Achieved => {
                if let Some(j) = last.get(&key) {
                    figure.target = Some(format!("#{j}"));
                }
            }
            _ => {}
        }
    }
}

/// Amounts the text mentions without a figure: a recovery under way, a
/// settlement pending, amount not stated. One per kind, from the first clause
/// that names money but holds no amount.
pub fn unstated(text: &Text, figures: &[Figure]) -> Vec<Unstated> {
    const WORDS: &[(&str, FigureKind)] = &[
        ("追缴", FigureKind::Recovered),
        ("追回", FigureKind::Recovered),
        ("收回", FigureKind::Recovered),
        ("收缴", FigureKind::Recovered),
        ("结算", FigureKind::PendingSettlement),
    ];
    let money: Vec<&Figure> = figures
        .iter()
        .filter(|f| matches!(f.unit.dimension(), Some(Dimension::Money(_))))
        .collect();
    // One automaton for the amounts as printed, so that each clause is read
    // once rather than once per figure of the paragraph.
    // Each text once: copies of a pattern make the automaton quadratic to build.
    let texts: BTreeSet<&str> = money.iter().map(|f| f.text.as_str()).collect();
    let amounts = AhoCorasick::new(texts).ok();
    let found = Keywords::new(&text.norm, WORDS.iter().map(|(w, _)| *w));
    let mut out: Vec<Unstated> = Vec::new();
    for (index, (_, kind)) in WORDS.iter().enumerate() {
        // An amount of this kind anywhere in the paragraph rules the kind out.
        if out.iter().any(|u| u.kind == *kind) || money.iter().any(|f| f.kind == *kind) {
            continue;
        }
        let mut seen = None;
        for at in found.starts_of(index) {
            let (cs, ce) = text.clause(at, at);
            // Another mention in a clause already looked at.
            if seen.replace(cs) == Some(cs) {
                continue;
            }
            let clause = text.norm_slice(cs, ce);
            let quote = text.orig_slice(cs, ce);
            let has_amount = amounts.as_ref().is_some_and(|a| a.is_match(&quote));
            let about_money = ["资金", "欠", "款", "租金", "费"]
                .iter()
                .any(|w| clause.contains(w));
            if has_amount || !about_money {
                continue;
            }
            let label: String = strip_ordinal(&clause)
                .trim_start_matches([
                    '对', '并', '加', '快', '有', '序', '推', '进', '确', '保', '及', '时',
                ])
                .chars()
                .take(20)
                .collect();
            out.push(Unstated {
                kind: *kind,
                label,
                quote,
            });
            break;
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(s: &str) -> Vec<Figure> {
        let norm = super::super::clean::normalize(s);
        extract(&Text::new(s, &norm))
    }

    fn texts(s: &str) -> Vec<String> {
        figures(s).into_iter().map(|f| f.text).collect()
    }

    /// Issue 13: one paragraph of 16,000 figures took 8.9 s to import, each
    /// figure walking its whole sentence again for its kind and role.
    #[test]
    fn a_sentence_of_many_amounts_gives_each_the_kind_of_its_own_clause() {
        let clauses: Vec<String> = (0..3_000)
            .map(|i| match i % 3 {
                0 => format!("追缴资金{i}万元"),
                1 => format!("力争投资{i}万元"),
                _ => format!("发放补贴{i}万元"),
            })
            .collect();
        let f = figures(&format!("一是加强管理，{}。", clauses.join("，")));
        assert_eq!(f.len(), 3_000);
        for (i, f) in f.iter().enumerate() {
            let kind = match i % 3 {
                0 => FigureKind::Recovered,
                1 => FigureKind::Invested,
                _ => FigureKind::Disbursed,
            };
            // 力争 anywhere earlier in the sentence makes the rest targets.
            let role = if i == 0 { Role::Achieved } else { Role::Target };
            assert_eq!((f.kind, f.role), (kind, role), "figure {i}: {}", f.quote);
            assert_eq!(f.quote, clauses[i]);
        }
    }

    #[test]
    fn finds_money_land_and_counts_with_their_units() {
        let f = figures(
            "盘活存量建设用地849.56亩，完成低效用地再开发776.3亩。积极兑现区级奖励2948万元，发放留锡过年补贴597.9万元。",
        );
        let got: Vec<(String, String, FigureKind)> = f
            .iter()
            .map(|f| (f.value.to_string(), f.unit.to_string(), f.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("849.56".into(), "亩".into(), FigureKind::LandRevitalised),
                ("776.3".into(), "亩".into(), FigureKind::LandRedeveloped),
                ("2948".into(), "万元".into(), FigureKind::Disbursed),
                ("597.9".into(), "万元".into(), FigureKind::Disbursed),
            ]
        );
        assert_eq!(f[0].quote, "盘活存量建设用地849.56亩");
        assert_eq!(f[0].label, "盘活存量建设用地");
    }

    /// Regression: the comma of 1,000元 ended the clause inside the figure,
    /// and the label sliced backwards ("slice index starts at 8 but ends at 3").
    #[test]
    fn a_thousands_separator_does_not_cut_the_clause_inside_the_figure() {
        let f = figures("一是追缴资金1,000元，已入账。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "1,000元");
        assert_eq!(f[0].value.to_string(), "1000");
        assert_eq!(f[0].quote, "一是追缴资金1,000元");
        assert_eq!(f[0].kind, FigureKind::Recovered);
        let bare = figures("一是1,000元");
        assert_eq!(bare[0].quote, "一是1,000元");
    }

    #[test]
    fn skips_document_numbers_phones_dates_and_names() {
        let s = "根据《地铁1号线公募REITs项目专题协调会议纪要》（锡政会纪﹝2021﹞39号），电话0510-80580019，2021年1-10月，9号地块，12345热线，90后股级干部5名。";
        assert_eq!(texts(s), ["5名"]);
    }

    #[test]
    fn reads_chinese_numeral_counts_but_not_slogans_or_articles() {
        assert_eq!(
            texts(
                "市、区两级每年各四次的检查，整改十三项，做到“两个维护”，是一个长期的过程，经过三个月的集中整改"
            ),
            ["四次", "十三项"]
        );
        assert_eq!(crate::numerals::chinese_number("十三"), Some(13));
        assert_eq!(crate::numerals::chinese_number("一百二十"), Some(120));
        assert_eq!(crate::numerals::chinese_number("两"), Some(2));
    }

    #[test]
    fn marks_approximate_values_and_roles() {
        let f = figures(
            "2021年累计投入5000余万元建设党群服务中心，力争地区生产总值达到600亿元以上，预计全年完成7.6亿美元，同比增长24%。新增落地企业已达200余家，完成出口总额超3000万美元。",
        );
        let got: Vec<(String, bool, Role)> = f
            .iter()
            .map(|f| (f.text.clone(), f.approximate, f.role))
            .collect();
        assert_eq!(
            got,
            [
                ("5000余万元".into(), true, Role::Achieved),
                ("600亿元以上".into(), true, Role::Target),
                ("7.6亿美元".into(), false, Role::Forecast),
                ("24%".into(), false, Role::Change),
                ("200余家".into(), true, Role::Achieved),
                ("超3000万美元".into(), true, Role::Achieved),
            ]
        );
        assert_eq!(f[0].value.to_string(), "5000");
        assert_eq!(f[0].unit.as_str(), "万元");
    }

    #[test]
    fn keeps_units_split_words_and_rates_whole() {
        let f = figures(
            "人均一般公共预算收入较上年提升2.66万元/人，回落6个百分点以上，完成征收拆迁非住宅101家、23.7万平方米，3万余元。",
        );
        let got: Vec<(String, String)> = f
            .iter()
            .map(|f| (f.value.to_string(), f.unit.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("2.66".into(), "万元/人".into()),
                ("6".into(), "个百分点".into()),
                ("101".into(), "家".into()),
                ("23.7".into(), "万平方米".into()),
                ("3".into(), "万元".into()),
            ]
        );
        assert_eq!(f[3].kind, FigureKind::LandExpropriated);
    }

    #[test]
    fn money_kind_follows_the_sentence_when_the_clause_only_says_investment() {
        let f = figures("人防工程项目投资的4000万元，已由在建工程转为资产，并划转到市地铁集团。");
        assert_eq!(f[0].kind, FigureKind::Transferred);
    }

    #[test]
    fn links_an_achieved_area_to_its_floor() {
        let f = figures("保底完成征收面积100万平方米，累计完成征收面积110万平方米。");
        assert_eq!(f[0].role, Role::Target);
        assert_eq!(f[1].role, Role::Achieved);
        assert_eq!(f[1].target.as_deref(), Some("#0"));
    }

    #[test]
    fn finds_the_deadline_of_work_under_way() {
        let reference = NaiveDate::from_ymd_opt(2021, 12, 30).unwrap();
        let cases = [
            (
                "并对相关责任人员作出处理，确保2022年上半年整改到位。",
                "2022年上半年",
                "2022-06-30",
            ),
            (
                "已与梁溪区协商一致，将于2022年1月核算年度易地建设费时一并结算。",
                "2022年1月",
                "2022-01-31",
            ),
            (
                "力争到“十四五”末形成7个百亿级以上产业集群。",
                "“十四五”末",
                "2025-12-31",
            ),
            (
                "华庄街道已于2021年5月清理调整，力争在2023年全部完成签约并拆平。",
                "2023年",
                "2023-12-31",
            ),
        ];
        for (s, text, date) in cases {
            let norm = super::super::clean::normalize(s);
            let d = deadline(&Text::new(s, &norm), reference, false).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.date.unwrap().to_string(), date);
            assert!(s.contains(&d.quote));
        }
    }
}
