//! The data model: a dataset of rectification reports as stored in JSON.
//!
//! Every type here derives `Serialize`, `Deserialize` and `JsonSchema`, so the
//! committed `data/schema.json` is generated from these definitions. Decimal
//! values are JSON strings ("849.56") so that they stay exact.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod figure;
mod problem;
mod text;
mod totals;

pub use figure::{Figure, FigureKind, Group, Role, Unstated};
pub use problem::{Cells, Column, Deadline, Measure, Problem, Status};
pub use totals::{
    Accountability, Basis, PeopleCount, RulesCount, StatedCount, StatedRate, StatedTotals,
};

/// The version of the JSON format this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// The versions this build reads. Version 2 only adds fields and kinds to
/// version 1, so a version-1 file reads unchanged.
pub const SCHEMA_VERSIONS_READ: [u32; 2] = [1, 2];

/// A named collection of reports, the top level of every data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The format version; this build reads versions 1 and 2 and writes 2.
    pub schema_version: u32,
    /// A short name for the dataset, shown in the dashboard header.
    pub name: String,
    /// True when the reports were generated for demos or benchmarks, not transcribed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
    /// The reports, in the order they were transcribed.
    pub reports: Vec<Report>,
}

/// One published rectification report (整改情况的通报) of one inspected unit,
/// or the ledger (整改台账) of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// A stable identifier, unique across all loaded files, e.g. "wuxi-edz-2021-12-30".
    pub id: String,
    /// The title as printed, e.g. "中共无锡经济开发区工作委员会关于巡察整改情况的通报".
    pub title: String,
    /// The body that issued the report, as signed.
    pub issuer: String,
    /// The publication date; for a ledger, the day it was filled in (填报日期).
    #[serde(deserialize_with = "crate::dates::strict")]
    pub published: NaiveDate,
    /// Present when the source prints no date: how `published` was found
    /// instead ("未见发布日期，取反馈日期2023年5月10日").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_inferred: Option<String>,
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
    /// Paragraphs about the report as a whole (introduction, closing), with
    /// the figures they state: report-level results such as money recovered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub general: Vec<Measure>,
    /// People held accountable, cases filed and leads handed over, as stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PeopleCount>,
    /// Rules made or revised, as stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RulesCount>,
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
    /// A published text, or a ledger.
    #[serde(default, skip_serializing_if = "SourceKind::is_text")]
    pub kind: SourceKind,
    /// The newspaper or website, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// The page or pages, as printed, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The address of the published text, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The raw text in this repository, e.g. "data/sources/wuxi-2021-12-30.txt",
    /// or the ledger's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The ledger's sheets the report was read from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// True when the whole report is in the source; false when part of it is missing.
    pub complete: bool,
    /// What the source lacks, in words, when it is not complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
}

/// What kind of source a report was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A published text (newspaper, website), transcribed or imported.
    #[default]
    Text,
    /// A ledger (整改台账) spreadsheet, one row per problem or measure.
    Ledger,
}

impl SourceKind {
    fn is_text(&self) -> bool {
        *self == Self::Text
    }
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
    /// True for the furniture of a web page around the text (来源, 浏览量,
    /// 打印, 分享), kept but not part of the report.
    #[serde(default, skip_serializing_if = "is_false")]
    pub furniture: bool,
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

impl Dataset {
    /// Problem `p` of report `r`, when both exist.
    pub fn problem(&self, r: usize, p: usize) -> Option<&Problem> {
        self.reports.get(r)?.problems.get(p)
    }
}

impl Report {
    /// Every figure of the report's `general` paragraphs; `problem` is
    /// `usize::MAX`, since they belong to no problem. Kept apart from
    /// [`Report::figures`], whose figures each sit in a problem.
    pub fn general_figures(&self) -> impl Iterator<Item = FigureRef<'_>> {
        self.general.iter().enumerate().flat_map(|(mi, m)| {
            m.figures
                .iter()
                .enumerate()
                .map(move |(fi, figure)| FigureRef {
                    problem: usize::MAX,
                    list: ItemList::General,
                    item: mi,
                    index: fi,
                    figure,
                    measure: m,
                })
        })
    }

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

/// Which list of a problem (or of the report itself) an item sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemList {
    /// `measures`.
    Measures,
    /// `ongoing`.
    Ongoing,
    /// The report's `general` paragraphs (introduction, closing): an item of
    /// the report as a whole, in no problem.
    General,
}

impl ItemList {
    /// The JSON field name of the list.
    pub fn field(self) -> &'static str {
        match self {
            Self::Measures => "measures",
            Self::Ongoing => "ongoing",
            Self::General => "general",
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
