//! What a report states about itself as a whole: totals, people held
//! accountable and rules made, each with the words it comes from.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
    /// The aspects the problems are grouped in (5个方面), where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspects: Option<StatedCount>,
    /// The measures set for them (102项整改措施), where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<StatedCount>,
    /// The units a round report covers (对23家单位开展巡察), where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<StatedCount>,
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

/// People held accountable, cases filed or leads handed on, as the report
/// counts them ("给予党纪处分3人"). Zero counts are kept: "0人" is a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleCount {
    /// What was done.
    pub kind: Accountability,
    /// The words for it as written ("党纪处分", "诫勉谈话").
    pub label: String,
    /// The count.
    pub count: u32,
    /// The unit as written: 人, 人次, 件 (cases), 条 (leads).
    pub unit: String,
    /// The clause the count comes from.
    pub quote: String,
}

/// The kinds of accountability reports count.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Accountability {
    /// 问责 N人, without saying how.
    HeldAccountable,
    /// 党纪处分.
    PartyDiscipline,
    /// 政务处分 (政纪处分).
    GovernmentSanction,
    /// 党纪政务处分, 党政纪处分: both kinds counted together, as printed.
    PartyOrGovernmentDiscipline,
    /// 组织处理.
    OrganisationalHandling,
    /// 诫勉, 诫勉谈话.
    Admonition,
    /// 批评教育.
    CriticalEducation,
    /// 提醒谈话, 谈话提醒, 约谈.
    ReminderTalk,
    /// 责令检查, 责令作出书面检查.
    OrderedSelfReview,
    /// 交由纪委调查, 移送纪检监察机关.
    Referred,
    /// 移送司法机关: handed to prosecutors or the courts.
    Judiciary,
    /// 立案 N件.
    CaseFiled,
    /// 移交问题线索 N条.
    LeadsHandedOver,
    /// 第一种形态 and other kinds.
    Other,
}

impl Accountability {
    /// Every kind, in the order lists show them: the heaviest first.
    pub const ALL: [Self; 14] = [
        Self::CaseFiled,
        Self::Judiciary,
        Self::Referred,
        Self::LeadsHandedOver,
        Self::PartyDiscipline,
        Self::GovernmentSanction,
        Self::PartyOrGovernmentDiscipline,
        Self::OrganisationalHandling,
        Self::Admonition,
        Self::OrderedSelfReview,
        Self::CriticalEducation,
        Self::ReminderTalk,
        Self::HeldAccountable,
        Self::Other,
    ];

    /// The Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::HeldAccountable => "问责",
            Self::PartyDiscipline => "党纪处分",
            Self::GovernmentSanction => "政务处分",
            Self::PartyOrGovernmentDiscipline => "党纪政务处分",
            Self::Judiciary => "移送司法机关",
            Self::OrganisationalHandling => "组织处理",
            Self::Admonition => "诫勉",
            Self::CriticalEducation => "批评教育",
            Self::ReminderTalk => "提醒谈话",
            Self::OrderedSelfReview => "责令检查",
            Self::Referred => "移送纪委调查",
            Self::CaseFiled => "立案",
            Self::LeadsHandedOver => "移交问题线索",
            Self::Other => "其他",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::HeldAccountable => "held accountable",
            Self::PartyDiscipline => "Party discipline",
            Self::GovernmentSanction => "government sanction",
            Self::PartyOrGovernmentDiscipline => "Party or government discipline",
            Self::Judiciary => "handed to the judiciary",
            Self::OrganisationalHandling => "organisational handling",
            Self::Admonition => "admonition",
            Self::CriticalEducation => "criticism and education",
            Self::ReminderTalk => "reminder talk",
            Self::OrderedSelfReview => "ordered to self-review",
            Self::Referred => "referred for investigation",
            Self::CaseFiled => "cases filed",
            Self::LeadsHandedOver => "leads handed over",
            Self::Other => "other",
        }
    }
}

/// Rules made or revised (制定及修改完善制度12项), with the clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesCount {
    /// The count.
    pub count: u32,
    /// The words for it as written ("建立健全制度").
    pub label: String,
    /// The clause the count comes from.
    pub quote: String,
}
