//! What a number means: its role (achieved, target, forecast, rate, change),
//! its kind (recovered, disbursed, land revitalised…), a label and its clause.

use std::collections::HashMap;

use crate::model::{Figure, FigureKind, Role};
use crate::units::{Dimension, Unit};

use super::{Found, Text};
use crate::import::keywords::Keywords;

/// The keywords that decide roles and kinds, found once per paragraph.
pub(super) struct Cues {
    money: Keywords,
    sentence_money: Keywords,
    land: Keywords,
    target: Keywords,
    forecast: Keywords,
}

impl Cues {
    pub(super) fn new(text: &Text) -> Self {
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

/// Keywords that say what an amount is, in the order they are tried.
const MONEY_KINDS: &[(&str, FigureKind)] = &[
    ("追缴", FigureKind::Recovered),
    ("收回", FigureKind::Recovered),
    ("挽回", FigureKind::LossRetrieved),
    ("清退", FigureKind::Refunded),
    ("退还", FigureKind::Refunded),
    ("返还", FigureKind::Refunded),
    ("退赔", FigureKind::Refunded),
    ("退缴", FigureKind::Refunded),
    ("缴回", FigureKind::Refunded),
    ("追回", FigureKind::Recovered),
    ("收缴", FigureKind::Confiscated),
    ("罚没", FigureKind::Confiscated),
    ("没收", FigureKind::Confiscated),
    ("罚款", FigureKind::Confiscated),
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

/// Words of recovered money, each with its kind.
const RECOVERY_WORDS: &[(&str, FigureKind)] = &[
    ("追缴", FigureKind::Recovered),
    ("收回", FigureKind::Recovered),
    ("追回", FigureKind::Recovered),
    ("挽回", FigureKind::LossRetrieved),
    ("清退", FigureKind::Refunded),
    ("退还", FigureKind::Refunded),
    ("返还", FigureKind::Refunded),
    ("退赔", FigureKind::Refunded),
    ("退缴", FigureKind::Refunded),
    ("缴回", FigureKind::Refunded),
    ("收缴", FigureKind::Confiscated),
    ("罚没", FigureKind::Confiscated),
    ("没收", FigureKind::Confiscated),
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
pub(super) fn describe(text: &Text, cues: &Cues, found: &Found) -> Figure {
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
            // A recovery word anywhere before the amount wins (清退违规发放津贴4.6万元):
            // the last one before it, so that in 清退违规资金21.4万元、追回应由个人承担的
            // 资金88万元 the second amount is recovered, not refunded.
            let recovered = RECOVERY_WORDS
                .iter()
                .filter_map(|(w, kind)| before_in_clause.rfind(w).map(|at| (at, *kind)))
                .max_by_key(|(at, _)| *at)
                .map(|(_, kind)| kind);
            let in_clause = recovered.or(in_clause);
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
        Some(Dimension::Area) => {
            let kind = nearest_keyword(&cues.land, LAND_KINDS, (cs, ce), found.start)
                .or_else(|| nearest_keyword(&cues.land, LAND_KINDS, (ss, se), found.start))
                .unwrap_or(FigureKind::Other);
            // Square metres of 征收 are building floor area (房屋征收), never land,
            // unless the clause says land (征地, 土地, 用地).
            let square_metres = found.unit.ends_with("平方米");
            if kind == FigureKind::LandExpropriated
                && square_metres
                && !contains_any(&clause, &["征地", "土地", "用地"])
            {
                FigureKind::FloorAreaExpropriated
            } else {
                kind
            }
        }
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

/// Links an achieved figure to a target of the same unit earlier in the paragraph
/// (保底完成征收面积100万平方米，累计完成征收面积110万平方米). The ids are set
/// by the caller, which knows the report; here the link is the index, as text.
pub(super) fn link_targets(figures: &mut [Figure]) {
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
