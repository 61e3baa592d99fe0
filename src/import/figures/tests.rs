//! Tests of figure extraction.

use chrono::NaiveDate;

use super::*;
use crate::model::{FigureKind, Role};

fn figures(s: &str) -> Vec<Figure> {
    let norm = crate::import::clean::normalize(s);
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
    assert_eq!(f[3].kind, FigureKind::FloorAreaExpropriated);
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
        let norm = crate::import::clean::normalize(s);
        let d = deadline(&Text::new(s, &norm), reference, false).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.date.unwrap().to_string(), date);
        assert!(s.contains(&d.quote));
    }
}

#[test]
fn recovered_money_takes_the_kind_of_the_nearest_word_before_it() {
    let f = figures(
        "清退违规资金21.4万元、追回应由个人承担的资金88万元，挽回经济损失602.3万元，收缴违纪款3万元，罚没5万元。",
    );
    let got: Vec<(String, FigureKind)> = f.iter().map(|f| (f.text.clone(), f.kind)).collect();
    assert_eq!(
        got,
        [
            ("21.4万元".into(), FigureKind::Refunded),
            ("88万元".into(), FigureKind::Recovered),
            ("602.3万元".into(), FigureKind::LossRetrieved),
            ("3万元".into(), FigureKind::Confiscated),
            ("5万元".into(), FigureKind::Confiscated),
        ]
    );
}

#[test]
fn floor_area_of_expropriation_is_not_land() {
    let f = figures("累计完成房屋征收面积110万平方米，完成征地320亩、征收土地2.1万平方米。");
    let kinds: Vec<FigureKind> = f.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FigureKind::FloorAreaExpropriated,
            FigureKind::LandExpropriated,
            FigureKind::LandExpropriated
        ]
    );
}
