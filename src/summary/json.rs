//! The stable JSON summary for scripts (see README: "summary --format json").
//! Typed and borrowing from the dataset, so that 100 MB of reports serialise
//! without copying their text.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde_json::{Value, json};

use crate::model::{Accountability, Dataset, FigureKind, InspectionKind, Role};
use crate::stats::{
    BucketCounts, Count, Counts, FigurePath, LandTotal, MoneyTotal, ReportStats, Stats,
};
use crate::units::Currency;

/// The stable JSON summary for scripts (see README: "summary --format json").
#[derive(Debug, Serialize)]
pub struct JsonSummary<'a> {
    as_of: String,
    dataset: &'a str,
    synthetic: bool,
    reports: Vec<JsonReport<'a>>,
    totals: JsonTotals,
}

#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    id: &'a str,
    title: &'a str,
    issuer: &'a str,
    published: String,
    inspection: InspectionKind,
    source_complete: bool,
    problems: JsonProblems,
    problems_source: JsonSources,
    problems_transcribed: JsonCounts,
    money: Vec<JsonMoney>,
    money_not_summed: Vec<JsonFigure<'a>>,
    money_unstated: Vec<JsonUnstated<'a>>,
    land: Vec<JsonLand>,
    land_not_summed: Vec<JsonFigure<'a>>,
    floor_area: Vec<JsonFloorArea>,
    floor_area_not_summed: Vec<JsonFigure<'a>>,
    people: Vec<JsonPeople>,
    rules: Option<u32>,
    deadlines: JsonBuckets,
}

#[derive(Debug, Serialize)]
struct JsonTotals {
    problems: JsonProblems,
    problems_transcribed: JsonCounts,
    money: Vec<JsonMoney>,
    land: Vec<JsonLand>,
    floor_area: Vec<JsonFloorArea>,
    people: Vec<JsonPeople>,
    rules: Option<u32>,
    deadlines: JsonBuckets,
}

/// The best known counts, the total and the overdue open problems.
#[derive(Debug, Serialize)]
struct JsonProblems {
    closed: u32,
    open: u32,
    long_term: u32,
    total: u32,
    overdue: u32,
}

#[derive(Debug, Serialize)]
struct JsonCounts {
    closed: u32,
    open: u32,
    long_term: u32,
}

#[derive(Debug, Serialize)]
struct JsonSources {
    closed: &'static str,
    open: &'static str,
    long_term: &'static str,
    total: &'static str,
}

#[derive(Debug, Serialize)]
struct JsonBuckets {
    overdue: u32,
    due_soon: u32,
    later: u32,
    none: u32,
}

#[derive(Debug, Serialize)]
struct JsonMoney {
    kind: FigureKind,
    group: &'static str,
    currency: Currency,
    amount: Value,
    approximate: bool,
}

#[derive(Debug, Serialize)]
struct JsonLand {
    kind: FigureKind,
    mu: Value,
    m2: Value,
    approximate: bool,
    target_mu: Option<Value>,
    target_m2: Option<Value>,
    percent_of_target: Option<Value>,
}

/// Building floor area (房屋征收): square metres only, never 亩.
#[derive(Debug, Serialize)]
struct JsonFloorArea {
    kind: FigureKind,
    m2: Value,
    approximate: bool,
    target_m2: Option<Value>,
    percent_of_target: Option<Value>,
}

#[derive(Debug, Serialize)]
struct JsonPeople {
    kind: Accountability,
    count: u32,
}

#[derive(Debug, Serialize)]
struct JsonFigure<'a> {
    kind: FigureKind,
    group: &'static str,
    role: Role,
    label: &'a str,
    text: &'a str,
    currency: Option<Currency>,
    amount: Option<Value>,
    quote: &'a str,
}

#[derive(Debug, Serialize)]
struct JsonUnstated<'a> {
    kind: FigureKind,
    label: &'a str,
    quote: &'a str,
}

/// The JSON summary of a dataset.
pub fn to_json<'a>(dataset: &'a Dataset, stats: &Stats) -> JsonSummary<'a> {
    let reports = stats
        .reports
        .iter()
        .map(|rs| report_json(dataset, rs))
        .collect();
    let t = &stats.totals;
    JsonSummary {
        as_of: stats.as_of.to_string(),
        dataset: &dataset.name,
        synthetic: dataset.synthetic,
        reports,
        totals: JsonTotals {
            problems: problems_json(t.problems, t.total, t.overdue),
            problems_transcribed: counts_json(t.transcribed),
            money: t.money.iter().map(money_json).collect(),
            land: t
                .land
                .iter()
                .filter(|l| !l.is_floor_area())
                .map(land_json)
                .collect(),
            floor_area: t
                .land
                .iter()
                .filter(|l| l.is_floor_area())
                .map(floor_area_json)
                .collect(),
            people: people_json(&t.people),
            rules: t.rules,
            deadlines: buckets_json(t.deadlines),
        },
    }
}

fn report_json<'a>(dataset: &'a Dataset, rs: &ReportStats) -> JsonReport<'a> {
    let r = &dataset.reports[rs.report];
    let p = &rs.problems;
    let figures = |paths: &[FigurePath], floor: bool| -> Vec<JsonFigure<'a>> {
        paths
            .iter()
            .filter_map(|f| figure_json(dataset, f))
            .filter(|f| (f.group == "floor_area") == floor)
            .collect()
    };
    JsonReport {
        id: &r.id,
        title: &r.title,
        issuer: &r.issuer,
        published: r.published.to_string(),
        inspection: r.inspection.kind,
        source_complete: r.source.complete,
        problems: problems_json(p.best(), rs.total.value, rs.overdue),
        problems_source: JsonSources {
            closed: p.closed.source.as_str(),
            open: p.open.source.as_str(),
            long_term: p.long_term.source.as_str(),
            total: source(rs.total),
        },
        problems_transcribed: counts_json(p.transcribed),
        money: rs.money.iter().map(money_json).collect(),
        money_not_summed: figures(&rs.money_other, false),
        money_unstated: rs
            .unstated
            .iter()
            .filter_map(|u| {
                let item = u.item.resolve(dataset)?.unstated.get(u.index)?;
                Some(JsonUnstated {
                    kind: item.kind,
                    label: &item.label,
                    quote: &item.quote,
                })
            })
            .collect(),
        land: rs
            .land
            .iter()
            .filter(|l| !l.is_floor_area())
            .map(land_json)
            .collect(),
        land_not_summed: figures(&rs.land_other, false),
        floor_area: rs
            .land
            .iter()
            .filter(|l| l.is_floor_area())
            .map(floor_area_json)
            .collect(),
        floor_area_not_summed: figures(&rs.land_other, true),
        people: people_json(&rs.people),
        rules: rs.rules,
        deadlines: buckets_json(rs.deadlines),
    }
}

fn source(count: Count) -> &'static str {
    count.source.as_str()
}

fn problems_json(c: Counts, total: u32, overdue: u32) -> JsonProblems {
    JsonProblems {
        closed: c.closed,
        open: c.open,
        long_term: c.long_term,
        total,
        overdue,
    }
}

fn counts_json(c: Counts) -> JsonCounts {
    JsonCounts {
        closed: c.closed,
        open: c.open,
        long_term: c.long_term,
    }
}

fn people_json(people: &[(Accountability, u32)]) -> Vec<JsonPeople> {
    people
        .iter()
        .map(|&(kind, count)| JsonPeople { kind, count })
        .collect()
}

fn buckets_json(b: BucketCounts) -> JsonBuckets {
    JsonBuckets {
        overdue: b.overdue,
        due_soon: b.due_soon,
        later: b.later,
        none: b.none,
    }
}

/// A decimal as a JSON number: an integer when it is one, otherwise a float.
pub(crate) fn number(value: Decimal) -> Value {
    let value = value.round_dp(2).normalize();
    if value.scale() == 0
        && let Some(i) = value.to_i64()
    {
        return json!(i);
    }
    value.to_f64().map_or(Value::Null, |f| json!(f))
}

fn money_json(m: &MoneyTotal) -> JsonMoney {
    JsonMoney {
        kind: m.kind,
        group: m.kind.group().key(),
        currency: m.currency,
        amount: number(m.amount),
        approximate: m.approximate,
    }
}

fn land_json(l: &LandTotal) -> JsonLand {
    JsonLand {
        kind: l.kind,
        mu: number(l.mu()),
        m2: number(l.m2),
        approximate: l.approximate,
        target_mu: l.target_m2.map(|t| number(crate::stats::m2_to_mu(t))),
        target_m2: l.target_m2.map(number),
        percent_of_target: l.percent_of_target().map(number),
    }
}

fn floor_area_json(l: &LandTotal) -> JsonFloorArea {
    JsonFloorArea {
        kind: l.kind,
        m2: number(l.m2),
        approximate: l.approximate,
        target_m2: l.target_m2.map(number),
        percent_of_target: l.percent_of_target().map(number),
    }
}

fn figure_json<'a>(dataset: &'a Dataset, path: &FigurePath) -> Option<JsonFigure<'a>> {
    let f = path.resolve(dataset)?;
    Some(JsonFigure {
        kind: f.kind,
        group: f.kind.group().key(),
        role: f.role,
        label: &f.label,
        text: &f.text,
        currency: f.unit.currency(),
        amount: f
            .unit
            .factor()
            .and_then(|factor| f.value.checked_mul(factor))
            .map(number),
        quote: &f.quote,
    })
}
