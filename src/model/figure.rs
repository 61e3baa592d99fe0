//! Figures: a number with its unit, its meaning and the clause it comes from.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::is_false;
use crate::units::Unit;

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
    /// Money recovered (追缴, 追回, 收回).
    Recovered,
    /// Money returned or refunded (清退, 退还, 退赔).
    Refunded,
    /// Economic losses retrieved (挽回经济损失).
    LossRetrieved,
    /// Money confiscated or fined (收缴, 罚没).
    Confiscated,
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
    /// Land or floor area expropriated (征收, 拆迁, 征地); floor area of
    /// 房屋征收 is better `floor_area_expropriated`.
    LandExpropriated,
    /// Building floor area of 房屋征收, in square metres: not land.
    FloorAreaExpropriated,
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
            Self::Refunded => "清退退还",
            Self::LossRetrieved => "挽回经济损失",
            Self::Confiscated => "收缴罚没",
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
            Self::FloorAreaExpropriated => "房屋征收面积",
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
            Self::Refunded => "refunded",
            Self::LossRetrieved => "losses retrieved",
            Self::Confiscated => "confiscated",
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
            Self::FloorAreaExpropriated => "floor area expropriated",
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
            Self::Refunded => 1,
            Self::LossRetrieved => 2,
            Self::Confiscated => 3,
            Self::Transferred => 4,
            Self::WrittenOff => 5,
            Self::PendingSettlement => 6,
            Self::Disbursed => 7,
            Self::FundingSecured => 8,
            Self::FundingApplied => 9,
            Self::Invested => 10,
            _ => 11,
        }
    }

    /// The group the kind belongs to; amounts of different groups are never
    /// shown on one scale.
    pub fn group(self) -> Group {
        match self {
            Self::Recovered | Self::Refunded | Self::LossRetrieved | Self::Confiscated => {
                Group::Recovered
            }
            Self::Transferred
            | Self::WrittenOff
            | Self::PendingSettlement
            | Self::Disbursed
            | Self::FundingSecured
            | Self::FundingApplied
            | Self::Invested => Group::Funds,
            Self::EnterpriseInvestment
            | Self::FixedAssetInvestment
            | Self::ProjectInvestment
            | Self::Revenue
            | Self::FiscalRevenue
            | Self::Output
            | Self::Trade
            | Self::Export
            | Self::ForeignInvestment => Group::Economy,
            Self::LandRevitalised
            | Self::LandRedeveloped
            | Self::LandUnsuppliedDisposed
            | Self::LandExpropriated => Group::Land,
            Self::FloorAreaExpropriated => Group::FloorArea,
            Self::Count | Self::Ratio | Self::Growth | Self::Other => Group::Other,
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

/// The groups figure kinds fall in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Money recovered: 追缴, 追回, 清退, 退还, 挽回经济损失, 收缴, 罚没.
    Recovered,
    /// Money moved by the unit: disbursed, secured, applied for, transferred,
    /// written off, awaiting settlement, invested.
    Funds,
    /// Economic indicators of an area or enterprise: investment, revenue,
    /// output, trade, exports, foreign investment.
    Economy,
    /// Land, in 亩 or square metres.
    Land,
    /// Building floor area (房屋征收), in square metres.
    FloorArea,
    /// Counts, ratios, changes and the rest.
    Other,
}

impl Group {
    /// The key used in JSON output ("recovered").
    pub fn key(self) -> &'static str {
        match self {
            Self::Recovered => "recovered",
            Self::Funds => "funds",
            Self::Economy => "economy",
            Self::Land => "land",
            Self::FloorArea => "floor_area",
            Self::Other => "other",
        }
    }

    /// The Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Recovered => "追缴挽损",
            Self::Funds => "资金",
            Self::Economy => "经济指标",
            Self::Land => "土地",
            Self::FloorArea => "房屋面积",
            Self::Other => "其他",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Recovered => "money recovered",
            Self::Funds => "funds",
            Self::Economy => "economic indicators",
            Self::Land => "land",
            Self::FloorArea => "floor area",
            Self::Other => "other",
        }
    }
}
