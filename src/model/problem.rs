//! Problems, the measures taken about them, deadlines, and the ledger cells
//! a problem was read from.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Figure, Unstated, is_false};

/// A problem the inspectors found, with what was done about it.
///
/// The fields after `ongoing` come from ledgers (schema version 2): a
/// published report leaves them out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// The categories the problem sits under, outermost first
    /// (["一、贯彻落实党的路线方针政策方面", "（一）党的领导方面"]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<String>,
    /// The responsible leaders (责任领导, 牵头领导), one name or post each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leaders: Vec<String>,
    /// The lead departments (责任单位, 牵头部门).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    /// The co-operating departments (配合部门), kept apart from the lead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// The problem's own deadline (整改时限), as written and the day it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// The status as written (已销号, 正在推进); `status` is what it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// The progress as written (整改进展).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
    /// Columns of the ledger that have no field of their own, kept by header.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// The cells the problem was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// The rectification status of a problem.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成整改.
    Closed,
    /// 正在推进整改; also what an unknown status word counts as.
    #[default]
    Open,
    /// 需长期坚持.
    LongTerm,
}

/// One measure (一是…), or one item of work still under way.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// The cells the measure was read from, for a measure of a ledger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// A deadline as written and the day it means.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The deadline as written ("2022年上半年", "立行立改", "长期坚持").
    pub text: String,
    /// The last day the text allows; absent when the text names no day.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::strict_option"
    )]
    pub date: Option<NaiveDate>,
    /// How `date` was found when the text itself names no day: 立行立改
    /// ("immediately") is due on the ledger's own date or the feedback date,
    /// and this says which ("立行立改：按台账填报日期").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    /// True for 长期坚持 / 长期: long-term work with no day at all.
    #[serde(default, skip_serializing_if = "is_false")]
    pub long_term: bool,
    /// The clause or cell text that sets the deadline.
    pub quote: String,
}

/// A ledger column that has no field of its own, kept under its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The header as written ("备注").
    pub header: String,
    /// The cell's text.
    pub value: String,
}

/// Cells of a ledger: the file, the sheet, and a range in A1 notation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cells {
    /// The ledger's file name as given ("台账.xlsx").
    pub file: String,
    /// The sheet; absent for CSV, which has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The range, "C7" or "A7:H8".
    pub range: String,
}

impl Cells {
    /// "台账.xlsx · 整改台账!C7:C8", as the dashboard shows it.
    pub fn label(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{} · {sheet}!{}", self.file, self.range),
            None => format!("{} · {}", self.file, self.range),
        }
    }
}

impl Problem {
    /// A short name for lists and breadcrumbs: the title, or what is known.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().unwrap_or("（标题不在来源中）")
    }
}
