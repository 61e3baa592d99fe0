//! The data model: a dataset of rectification reports as stored in JSON.
//!
//! Every type here derives `Serialize`, `Deserialize` and `JsonSchema`, so the
//! committed `data/schema.json` is generated from these definitions. Decimal
//! values are JSON strings ("849.56") so that they stay exact.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::units::Unit;

mod text;

/// The version of the JSON format this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A named collection of reports, the top level of every data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The format version; this build reads version 1.
    pub schema_version: u32,
    /// A short name for the dataset, shown in the dashboard header.
    pub name: String,
    /// True when the reports were generated for demos or benchmarks, not transcribed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
    /// The reports, in the order they were transcribed.
    pub reports: Vec<Report>,
}

/// One published rectification report (整改情况的通报) of one inspected unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// A stable identifier, unique across all loaded files, e.g. "wuxi-edz-2021-12-30".
    pub id: String,
    /// The title as printed, e.g. "中共无锡经济开发区工作委员会关于巡察整改情况的通报".
    pub title: String,
    /// The body that issued the report, as signed.
    pub issuer: String,
    /// The publication date.
    #[serde(deserialize_with = "crate::dates::strict")]
    pub published: NaiveDate,
    /// What kind of inspection this report answers, and by whom, where stated.
    pub inspection: Inspection,
    /// Where the text comes from and how complete it is.
    pub source: Source,
    /// Contact details printed at the end of the report.
    #[serde(default)]
    pub contact: Contact,
    /// Totals as the report states them, kept apart from the transcribed problems.
    #[serde(default)]
    pub stated: StatedTotals,
    /// The problems visible in the source, in printed order.
    pub problems: Vec<Problem>,
    /// The next-step plan items (下一步…整改计划).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanItem>,
    /// The signature line, e.g. "中共无锡经济开发区工作委员会".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// The date under the signature.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::strict_option"
    )]
    pub signed: Option<NaiveDate>,
    /// Paragraphs an importer could not place, kept so that nothing is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Unplaced>,
}

/// The inspection a report answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// The kind of inspection.
    pub kind: InspectionKind,
    /// The inspecting team, where stated (e.g. "区委第三巡察组").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// When the inspection took place, as written, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// The kinds of inspection a report can answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InspectionKind {
    /// 巡察: an inspection by a municipal or district Party committee.
    Inspection,
    /// 巡察“回头看”: a follow-up inspection of earlier rectification.
    FollowUp,
    /// 巡视: an inspection by a provincial or central Party committee.
    Circuit,
    /// 专项巡察: an inspection of one field.
    Special,
}

impl InspectionKind {
    /// The Chinese name as printed in reports.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Inspection => "巡察",
            Self::FollowUp => "巡察“回头看”",
            Self::Circuit => "巡视",
            Self::Special => "专项巡察",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Inspection => "inspection",
            Self::FollowUp => "follow-up inspection",
            Self::Circuit => "circuit inspection",
            Self::Special => "special inspection",
        }
    }
}

/// Where a report's text comes from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The newspaper or website, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// The page or pages, as printed, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The address of the published text, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The raw text in this repository, e.g. "data/sources/wuxi-2021-12-30.txt".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// True when the whole report is in the source; false when part of it is missing.
    pub complete: bool,
    /// What the source lacks, in words, when it is not complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
}

/// Contact details printed at the end of a report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Telephone numbers as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone: Vec<String>,
    /// E-mail addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub email: Vec<String>,
    /// The postal address (邮政信箱) as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// Problem counts and rates as the report itself states them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedTotals {
    /// Problems the report says are closed (已完成整改).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<StatedCount>,
    /// Problems the report says are still being rectified (正在整改).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<StatedCount>,
    /// Problems the report says need long-term effort (需长期坚持).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_term: Option<StatedCount>,
    /// All problems the inspection found, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<StatedCount>,
    /// The completion rate (整改完成率) in percent, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_rate: Option<StatedRate>,
}

/// A count the report states, or that its numbering implies, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedCount {
    /// The count.
    pub value: u32,
    /// Whether the text says the count or its numbering implies it.
    pub basis: Basis,
    /// The words the count comes from, as printed (line breaks removed).
    pub quote: String,
}

/// A percentage the report states, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedRate {
    /// The percentage, e.g. "76".
    #[schemars(with = "String")]
    pub percent: Decimal,
    /// The words the rate comes from.
    pub quote: String,
}

/// How a stated count is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The text says it in words ("共计2个问题正在整改过程中").
    Stated,
    /// The numbering implies it (the closed section runs up to 11).
    InferredFromNumbering,
}

/// A problem the inspectors found, with what was done about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// The number as printed within its section ("8"); absent when not visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// True when the number is not printed but follows from its neighbours.
    #[serde(default, skip_serializing_if = "is_false")]
    pub number_inferred: bool,
    /// The words inside 关于“…”问题的整改, or a short label; absent when not visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Closed, open or long-term.
    pub status: Status,
    /// The heading of the section the problem sits in, where visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The heading over the measures, e.g. "整改结果及成效".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures_heading: Option<String>,
    /// True when only part of the problem is in the source.
    #[serde(default, skip_serializing_if = "is_false")]
    pub partial: bool,
    /// What a reader should know about how this entry was transcribed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The measures taken (一是…二是…).
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// The work still under way (正在深化整改的内容及时限), each with its deadline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ongoing: Vec<Measure>,
}

/// The rectification status of a problem.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成整改.
    Closed,
    /// 正在推进整改.
    Open,
    /// 需长期坚持.
    LongTerm,
}

/// One measure (一是…), or one item of work still under way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The ordinal as printed ("一是"); absent when not visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<String>,
    /// True when the ordinal is not printed but follows from its neighbours.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ordinal_inferred: bool,
    /// The first clause, which names the measure ("完善内控机制建设").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The full paragraph as printed, with the newspaper's line breaks removed.
    pub text: String,
    /// True when only part of the paragraph is in the source.
    #[serde(default, skip_serializing_if = "is_false")]
    pub partial: bool,
    /// The deadline the text sets, for work still under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// The figures in the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Amounts the text mentions without a figure (追缴 under way, amount not stated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unstated: Vec<Unstated>,
}

/// A deadline as written and the day it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The deadline as written ("2022年上半年").
    pub text: String,
    /// The last day the text allows; absent when the text names no day.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::strict_option"
    )]
    pub date: Option<NaiveDate>,
    /// The clause that sets the deadline.
    pub quote: String,
}

/// A number with its unit, its meaning and the clause it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// An identifier, unique within the report, for figures others refer to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A short label for what is counted ("盘活存量建设用地").
    pub label: String,
    /// The figure exactly as written ("849.56亩", "5000余万元", "四次").
    pub text: String,
    /// The number as written, as an exact decimal ("849.56").
    #[schemars(with = "String")]
    pub value: Decimal,
    /// The unit as written ("亩").
    pub unit: Unit,
    /// The value in yuan, US dollars, square metres or plain count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub normalized: Option<Decimal>,
    /// True for 余, 多, 以上, 超 and the like.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Achieved, target, forecast, planned, rate or change.
    pub role: Role,
    /// What the figure measures.
    pub kind: FigureKind,
    /// The id of the target this figure is measured against (110万㎡ of a 100万㎡ floor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The id of a figure this one is part of or may overlap; totals leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlaps: Option<String>,
    /// The clause the figure comes from, as printed (line breaks removed).
    pub quote: String,
}

/// What a figure says about the world.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Done: recovered, disbursed, disposed of.
    Achieved,
    /// Aimed at (力争…以上, 保底).
    Target,
    /// Expected (预计…可达).
    Forecast,
    /// The size of a plan or project, not money that moved (总投资).
    Planned,
    /// A ratio (完成率, 万元/人, 占比).
    Rate,
    /// A change against a baseline (同比增长23.8%).
    Change,
}

impl Role {
    /// True for amounts that may be added up: only what was achieved.
    pub fn is_achieved(self) -> bool {
        self == Self::Achieved
    }
}

/// What a figure measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Money recovered (追缴, 收回).
    Recovered,
    /// Money or assets transferred (划转).
    Transferred,
    /// Money written off (核销).
    WrittenOff,
    /// Money awaiting settlement (待结算).
    PendingSettlement,
    /// Money paid out (发放, 兑现).
    Disbursed,
    /// Money the unit itself put in (投入).
    Invested,
    /// Investment by enterprises (企业完成投入).
    EnterpriseInvestment,
    /// Fixed-asset investment of the area (固定资产投资).
    FixedAssetInvestment,
    /// The total investment of a project (总投资).
    ProjectInvestment,
    /// Funds obtained from higher levels (争取).
    FundingSecured,
    /// Funds applied for (申请使用).
    FundingApplied,
    /// Business revenue (营收).
    Revenue,
    /// Public budget revenue (一般公共预算收入).
    FiscalRevenue,
    /// Regional output (地区生产总值).
    Output,
    /// Imports and exports (进出口).
    Trade,
    /// Exports (出口).
    Export,
    /// Foreign investment received (外资到位, 到账).
    ForeignInvestment,
    /// Stock construction land revitalised (盘活存量建设用地).
    LandRevitalised,
    /// Inefficient land redeveloped (低效用地再开发).
    LandRedeveloped,
    /// Approved-but-unsupplied land disposed of (批而未供土地处置).
    LandUnsuppliedDisposed,
    /// Land or floor area expropriated (征收, 拆迁).
    LandExpropriated,
    /// A count of things done or found.
    Count,
    /// A ratio or share.
    Ratio,
    /// Growth or decline against a baseline.
    Growth,
    /// Anything else.
    Other,
}

impl FigureKind {
    /// The Chinese name shown in the dashboard.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Recovered => "追缴收回",
            Self::Transferred => "划转",
            Self::WrittenOff => "核销",
            Self::PendingSettlement => "待结算",
            Self::Disbursed => "发放兑现",
            Self::Invested => "投入",
            Self::EnterpriseInvestment => "企业投入",
            Self::FixedAssetInvestment => "固定资产投资",
            Self::ProjectInvestment => "项目总投资",
            Self::FundingSecured => "争取资金",
            Self::FundingApplied => "申请资金",
            Self::Revenue => "营收",
            Self::FiscalRevenue => "一般公共预算收入",
            Self::Output => "地区生产总值",
            Self::Trade => "进出口",
            Self::Export => "出口",
            Self::ForeignInvestment => "外资",
            Self::LandRevitalised => "盘活存量建设用地",
            Self::LandRedeveloped => "低效用地再开发",
            Self::LandUnsuppliedDisposed => "批而未供土地处置",
            Self::LandExpropriated => "征收拆迁",
            Self::Count => "计数",
            Self::Ratio => "比率",
            Self::Growth => "增减",
            Self::Other => "其他",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Recovered => "recovered",
            Self::Transferred => "transferred",
            Self::WrittenOff => "written off",
            Self::PendingSettlement => "pending settlement",
            Self::Disbursed => "disbursed",
            Self::Invested => "invested",
            Self::EnterpriseInvestment => "enterprise investment",
            Self::FixedAssetInvestment => "fixed-asset investment",
            Self::ProjectInvestment => "project investment",
            Self::FundingSecured => "funding secured",
            Self::FundingApplied => "funding applied for",
            Self::Revenue => "revenue",
            Self::FiscalRevenue => "public budget revenue",
            Self::Output => "regional output",
            Self::Trade => "imports and exports",
            Self::Export => "exports",
            Self::ForeignInvestment => "foreign investment",
            Self::LandRevitalised => "land revitalised",
            Self::LandRedeveloped => "land redeveloped",
            Self::LandUnsuppliedDisposed => "unsupplied land disposed",
            Self::LandExpropriated => "expropriated",
            Self::Count => "count",
            Self::Ratio => "ratio",
            Self::Growth => "change",
            Self::Other => "other",
        }
    }

    /// The order money kinds are listed in: recoveries first.
    pub fn money_rank(self) -> u8 {
        match self {
            Self::Recovered => 0,
            Self::Transferred => 1,
            Self::WrittenOff => 2,
            Self::PendingSettlement => 3,
            Self::Disbursed => 4,
            Self::FundingSecured => 5,
            Self::FundingApplied => 6,
            Self::Invested => 7,
            _ => 8,
        }
    }
}

/// An amount the text mentions without giving a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unstated {
    /// What kind of amount it is.
    pub kind: FigureKind,
    /// A short label ("剩余欠缴资金追缴").
    pub label: String,
    /// The clause that mentions it.
    pub quote: String,
}

/// One item of the next-step plan (下一步…整改计划).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// The ordinal as printed ("（一）").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<String>,
    /// The heading ("乘势而上，在思想重视上再提高").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The full paragraph, line breaks removed.
    pub text: String,
}

/// A paragraph an importer could not place, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unplaced {
    /// The paragraph.
    pub text: String,
    /// Why it could not be placed.
    pub reason: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Dataset {
    /// Problem `p` of report `r`, when both exist.
    pub fn problem(&self, r: usize, p: usize) -> Option<&Problem> {
        self.reports.get(r)?.problems.get(p)
    }
}

impl Report {
    /// The problems with the given status.
    pub fn problems_with(&self, status: Status) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(move |p| p.status == status)
    }

    /// Every figure in the report with the problem and item it sits in.
    pub fn figures(&self) -> impl Iterator<Item = FigureRef<'_>> {
        self.problems.iter().enumerate().flat_map(|(pi, p)| {
            let measures = p
                .measures
                .iter()
                .enumerate()
                .map(move |(mi, m)| (ItemList::Measures, mi, m));
            let ongoing = p
                .ongoing
                .iter()
                .enumerate()
                .map(move |(mi, m)| (ItemList::Ongoing, mi, m));
            measures.chain(ongoing).flat_map(move |(list, mi, m)| {
                m.figures
                    .iter()
                    .enumerate()
                    .map(move |(fi, figure)| FigureRef {
                        problem: pi,
                        list,
                        item: mi,
                        index: fi,
                        figure,
                        measure: m,
                    })
            })
        })
    }
}

/// Which list of a problem an item sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemList {
    /// `measures`.
    Measures,
    /// `ongoing`.
    Ongoing,
}

impl ItemList {
    /// The JSON field name of the list.
    pub fn field(self) -> &'static str {
        match self {
            Self::Measures => "measures",
            Self::Ongoing => "ongoing",
        }
    }
}

/// A figure with its place in a report.
#[derive(Debug, Clone, Copy)]
pub struct FigureRef<'a> {
    /// Index of the problem in `Report::problems`.
    pub problem: usize,
    /// The list of the problem the item is in.
    pub list: ItemList,
    /// Index of the item in that list.
    pub item: usize,
    /// Index of the figure in the item.
    pub index: usize,
    /// The figure.
    pub figure: &'a Figure,
    /// The item that holds it.
    pub measure: &'a Measure,
}

impl Problem {
    /// A short name for lists and breadcrumbs: the title, or what is known.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or("（标题不在来源中）")
    }
}
