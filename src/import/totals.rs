//! What a report states about itself in words: problem counts, aspects,
//! measures and units, and the completion rate (巡察反馈3个方面25个问题，
//! 已完成整改19个、正在整改6个，整改完成率76%).

use super::headings::status_of;
use crate::model::Status;
use crate::numerals::chinese_number;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Closed,
    Open,
    LongTerm,
    Total,
    Rate,
    Aspects,
    Measures,
    Units,
}

impl Which {
    pub fn name(self) -> &'static str {
        match self {
            Self::Closed => "closed",
            Self::Open => "open",
            Self::LongTerm => "long-term",
            Self::Total => "total",
            Self::Rate => "completion rate",
            Self::Aspects => "aspects",
            Self::Measures => "measures",
            Self::Units => "units",
        }
    }
}

pub struct StatedFound {
    pub which: Which,
    pub value: rust_decimal::Decimal,
    pub quote: String,
}

/// Counts stated in words: 共计2个问题正在整改过程中; 已完成整改19个、正在整改6个; 整改完成率76%.
pub fn stated_counts(text: &str, norm: &str) -> Vec<StatedFound> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = norm.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut saw_problem = false;
    // A word that says the sentence counts what was found (共发现……、……等方面问题199条):
    // it may sit in an earlier clause of the list.
    let mut sentence_finds = false;
    for end in 0..=chars.len() {
        let at_end = end == chars.len();
        if !at_end && !matches!(chars[end], '，' | '。' | '；' | '、') {
            continue;
        }
        let clause: String = chars[start..end].iter().collect();
        let quote: String = orig[start..end].iter().collect();
        if start > 0 && chars[start - 1] == '。' {
            sentence_finds = false;
        }
        start = end + 1;
        if names_problems(&clause) {
            saw_problem = true;
        }
        if TOTAL_WORDS.iter().any(|w| clause.contains(w)) {
            sentence_finds = true;
        }
        for (which, value) in sizes(&clause) {
            out.push(StatedFound {
                which,
                value: rust_decimal::Decimal::from(value),
                quote: quote.clone(),
            });
        }
        if let Some(rate) = ["完成率", "整改率", "完成整改占比"]
            .iter()
            .find_map(|w| clause.find(w))
        {
            let after = &clause[rate..];
            let digits: String = after
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            // 整改完成率达到100%的51个: how many units reached a rate, not the rate.
            let counts_units = after
                .split_once('%')
                .is_some_and(|(_, rest)| rest.starts_with("的") || rest.starts_with("以下的"));
            if let Ok(v) = digits.parse::<rust_decimal::Decimal>()
                && after.contains('%')
                && !counts_units
            {
                out.push(StatedFound {
                    which: Which::Rate,
                    value: v,
                    quote: quote.clone(),
                });
            }
            continue;
        }
        // The count after the status words when the clause has one
        // (41项具体问题已完成整改38项: 38 closed), else the clause's count.
        let status_at = STATUS_WORDS
            .iter()
            .filter_map(|w| clause.find(w))
            .min()
            .unwrap_or(0);
        // 两项整改均已完成80%以上: progress in per cent, not a count of problems.
        if clause.contains('%') {
            continue;
        }
        let Some(value) =
            count_in_clause(&clause[status_at..]).or_else(|| count_in_clause(&clause))
        else {
            continue;
        };
        if !(names_problems(&clause) || saw_problem) {
            continue;
        }
        // 基本完成并持续整改8个: neither closed nor simply open; the report
        // counts them apart, as work that goes on.
        let continuing = clause.contains("持续整改") || clause.contains("基本完成");
        let status = if continuing {
            Some(Status::LongTerm)
        } else {
            // 其余5项正在有序推进: still being rectified, in other words.
            status_of(&clause).or_else(|| clause.contains("正在").then_some(Status::Open))
        };
        let finds = TOTAL_WORDS.iter().any(|w| clause.contains(w));
        let which = match status {
            Some(Status::Closed) => Which::Closed,
            Some(Status::Open) => Which::Open,
            Some(Status::LongTerm) => Which::LongTerm,
            None if finds => Which::Total,
            None if ["完成整改", "整改完成", "完成问题整改"]
                .iter()
                .any(|w| clause.contains(w)) =>
            {
                Which::Closed
            }
            None if sentence_finds && clause.contains("问题") => Which::Total,
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

/// Whether a clause speaks of problems: 问题, or the feedback that lists them
/// (巡视反馈意见29条, 29条反馈意见).
fn names_problems(clause: &str) -> bool {
    clause.contains("问题") || counts_feedback(clause)
}

/// Feedback counted in digits and 条, right beside the word: 反馈意见29条,
/// 29条巡视反馈意见; not 把反馈意见整改作为一项任务.
fn counts_feedback(clause: &str) -> bool {
    clause.match_indices("反馈意见").any(|(at, word)| {
        let after = &clause[at + word.len()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let before = clause[..at]
            .trim_end_matches("巡视")
            .trim_end_matches("巡察")
            .strip_suffix('条')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
        (digits > 0 && after[digits..].starts_with('条')) || before
    })
}

/// Words that say a clause counts all the problems found or fed back.
const TOTAL_WORDS: &[&str] = &[
    "反馈",
    "指出",
    "发现",
    "共性",
    "个性",
    "共",
    "分解",
    "细化",
    "梳理",
    "具体问题",
    "交办",
    "提出",
];

/// Words that name a status in a clause of counts.
const STATUS_WORDS: &[&str] = &[
    "已完成",
    "完成整改",
    "整改完成",
    "正在",
    "未完成",
    "尚未",
    "持续整改",
    "基本完成",
    "长期",
    "推进中",
    "整改中",
    "已整改",
    "延期",
];

/// Bodies a count may be of, in the words after it: never problems.
const BODIES: &[&str] = &[
    "党委",
    "党组",
    "党工委",
    "企业",
    "高校",
    "学校",
    "医院",
    "部门",
    "巡察组",
    "巡视组",
    "市州",
    "县",
    "乡镇",
    "街道",
    "村",
    "社区",
    "轮",
];

/// Aspects (5个方面), measures (102项整改措施) and units (对23家单位) in a clause.
fn sizes(clause: &str) -> Vec<(Which, u32)> {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let Ok(value) = chars[start..i].iter().collect::<String>().parse::<u32>() else {
            continue;
        };
        let after: String = chars[i..].iter().take(9).collect();
        let before: String = chars[start.saturating_sub(2)..start].iter().collect();
        let wide_before: String = chars[start.saturating_sub(4)..start].iter().collect();
        let which = if after.starts_with("个方面") || after.starts_with("大方面") {
            Which::Aspects
        } else if after.starts_with(['项', '条', '个'])
            && (after.chars().take(6).collect::<String>().contains("措施")
                || wide_before.ends_with("措施"))
        {
            Which::Measures
        } else if after.starts_with(['家', '个'])
            && (after.contains("单位") || after.contains("党组织"))
            && before.contains(['对', '向', '等', '共'])
        {
            Which::Units
        } else {
            continue;
        };
        out.push((which, value));
    }
    out
}

/// The problem count in a clause: the number before 个问题, else before 个/项/条.
fn count_in_clause(clause: &str) -> Option<u32> {
    let chars: Vec<char> = clause.chars().collect();
    // Best first: a count of 问题, then one in digits (八项规定 is a name, not a count).
    let mut best: Option<(u32, u8)> = None;
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
        let next: String = chars[i..].iter().take(8).collect();
        let before: String = chars[start.saturating_sub(4)..start].iter().collect();
        // 25个省属国有企业党委, 4个巡察组: a count of bodies, not of problems.
        let counts_bodies = !next.contains("问题") && BODIES.iter().any(|w| next.contains(w));
        let counts_other = ["措施", "单位", "党组织"].iter().any(|w| next.contains(w))
            || before.ends_with("措施")
            || counts_bodies;
        if matches!(chars.get(i), Some('个' | '项' | '条'))
            && chars.get(i + 1) != Some(&'月')
            && chars.get(i + 1) != Some(&'方')
            && !counts_other
        {
            // 28个问题, 28个具体问题: the words after the unit name problems.
            let noun: String = chars[i + 1..]
                .iter()
                .take(4)
                .take_while(|c| !c.is_ascii_digit())
                .collect();
            let rank = 2 * u8::from(noun.contains("问题") || noun.starts_with('问'))
                + u8::from(chars[start].is_ascii_digit());
            if best.is_none_or(|(_, r)| rank > r) {
                best = Some((v, rank));
            }
        }
    }
    best.map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(Which, String)> {
        stated_counts(s, s)
            .iter()
            .map(|f| (f.which, f.value.to_string()))
            .collect()
    }

    #[test]
    fn reads_totals_in_the_phrasings_of_many_reports() {
        use Which::*;
        let cases: [(&str, &[(Which, &str)]); 6] = [
            (
                "巡察反馈31个问题，已完成整改27个、正在整改4个，整改完成率87.1%",
                &[(Total, "31"), (Closed, "27"), (Open, "4"), (Rate, "87.1")],
            ),
            (
                "反馈的512个问题，完成整改498个，基本完成并持续整改8个，未完成6个，总体完成率97.27%",
                &[
                    (Total, "512"),
                    (Closed, "498"),
                    (LongTerm, "8"),
                    (Open, "6"),
                    (Rate, "97.27"),
                ],
            ),
            (
                "巡察组反馈了5个方面61个问题",
                &[(Aspects, "5"), (Total, "61")],
            ),
            (
                "将巡察反馈的9个方面问题细化分解成28个问题",
                &[(Aspects, "9"), (Total, "28")],
            ),
            (
                "41项具体问题已完成整改36项，其余5项正在有序推进",
                &[(Closed, "36"), (Open, "5")],
            ),
            (
                "针对41项具体问题，制定102项整改措施，细化为187条具体措施",
                &[(Total, "41"), (Measures, "102"), (Measures, "187")],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(Which, String)> =
                want.iter().map(|(w, v)| (*w, v.to_string())).collect();
            assert_eq!(found(text), want, "{text}");
        }
        assert_eq!(
            found("巡察反馈问题整改情况，对12个乡镇党委、9个区直部门共计21个党组织进行了检查"),
            [(Units, "21".to_string())]
        );
        assert_eq!(
            found("共发现学习不深入、执行制度不严等方面问题199条，已整改92条。移交问题线索20件"),
            [(Total, "199".to_string()), (Closed, "92".to_string())]
        );
        assert_eq!(
            found("共发现落实中央八项规定精神不到位等方面问题199条"),
            [(Total, "199".to_string())]
        );
        assert_eq!(
            found("党委提出的4个方面存在的14项28个具体问题，目前两项整改均已完成80%以上"),
            [(Aspects, "4".to_string()), (Total, "28".to_string())]
        );
        assert_eq!(
            found("对市委巡察组提出存在的5大方面14个问题"),
            [(Aspects, "5".to_string()), (Total, "14".to_string())]
        );
        assert!(found("反馈问题整改完成率达到100%的51个").is_empty());
        // Feedback counted in 条 is the count of problems fed back; feedback
        // named beside some other count is not.
        assert!(found("把做好县委巡察反馈意见整改工作作为全镇的一项重要政治任务来抓").is_empty());
        assert_eq!(found("共收到29条巡视反馈意见"), [(Total, "29".to_string())]);
        assert_eq!(
            found("对巡视反馈意见29条，已整改到位26条，正在整改3条"),
            [
                (Total, "29".to_string()),
                (Closed, "26".to_string()),
                (Open, "3".to_string())
            ]
        );
        assert_eq!(
            found("省委第三巡视组反馈的29条意见"),
            Vec::<(Which, String)>::new()
        );
        assert_eq!(
            found("完成问题整改122个，完成整改占比98.7%"),
            [(Closed, "122".to_string()), (Rate, "98.7".to_string())]
        );
        assert_eq!(
            found("共有问题471个，已整改销号问题453个，申请延期整改问题18个"),
            [
                (Total, "471".to_string()),
                (Closed, "453".to_string()),
                (Open, "18".to_string())
            ]
        );
        assert_eq!(
            found("区委4个巡察组对23家单位开展巡察，共发现问题310个"),
            [(Units, "23".to_string()), (Total, "310".to_string())]
        );
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
                (Which::Aspects, "3".to_string()),
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
}
