//! The changes as JSON for scripts, and as text or Markdown to paste into a
//! meeting note, in Chinese or English.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::{AmbiguousChange, Change, Changes, Kind, Snapshot, SplitChange, UnitRates};
use crate::format::pad_right;
use crate::i18n::{self, Lang};
use crate::model::{Dataset, Status};
use crate::progress::{Rate, RateBasis};
use crate::sanitize::escape;
use crate::summary::{md, number};

/// The stable JSON document of `diff --format json` (docs/changes.md).
#[derive(Debug, Serialize)]
pub struct JsonChanges<'a> {
    versions: JsonVersions<'a>,
    /// `null` when each report is read as of its own date.
    as_of: Option<String>,
    closed: Vec<JsonChange<'a>>,
    reopened: Vec<JsonChange<'a>>,
    postponed: Vec<JsonChange<'a>>,
    brought_forward: Vec<JsonChange<'a>>,
    new: Vec<JsonChange<'a>>,
    removed: Vec<JsonChange<'a>>,
    newly_overdue: Vec<JsonChange<'a>>,
    status_changed: Vec<JsonChange<'a>>,
    split: Vec<JsonSplit<'a>>,
    ambiguous: Vec<JsonAmbiguous<'a>>,
    units: Vec<JsonUnit<'a>>,
    total: JsonRates,
}

#[derive(Debug, Serialize)]
struct JsonVersions<'a> {
    old: JsonVersion<'a>,
    new: JsonVersion<'a>,
}

#[derive(Debug, Serialize)]
struct JsonVersion<'a> {
    dataset: &'a str,
    reports: usize,
    /// The latest report date of the version.
    date: Option<String>,
}

#[derive(Debug, Serialize)]
struct JsonChange<'a> {
    unit: &'a str,
    number: Option<&'a str>,
    title: &'a str,
    old: Option<JsonSnapshot<'a>>,
    new: Option<JsonSnapshot<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonSnapshot<'a> {
    number: Option<&'a str>,
    title: &'a str,
    status: Status,
    status_text: Option<&'a str>,
    deadline: Option<String>,
    deadline_text: Option<&'a str>,
    overdue: bool,
    as_of: String,
}

#[derive(Debug, Serialize)]
struct JsonSplit<'a> {
    unit: &'a str,
    number: Option<&'a str>,
    title: &'a str,
    old: JsonSnapshot<'a>,
    new: Vec<JsonSnapshot<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonAmbiguous<'a> {
    unit: &'a str,
    reason: super::Reason,
    old: Vec<JsonSnapshot<'a>>,
    new: Vec<JsonSnapshot<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonUnit<'a> {
    unit: &'a str,
    old: Option<JsonRate>,
    new: Option<JsonRate>,
    change_points: Option<Value>,
}

#[derive(Debug, Serialize)]
struct JsonRates {
    old: JsonRate,
    new: JsonRate,
    change_points: Option<Value>,
}

#[derive(Debug, Serialize)]
struct JsonRate {
    closed: u32,
    open: u32,
    long_term: u32,
    problems: u32,
    percent: Option<Value>,
    basis: Option<RateBasis>,
}

fn snapshot_json(s: &Snapshot) -> JsonSnapshot<'_> {
    JsonSnapshot {
        number: s.number.as_deref(),
        title: &s.title,
        status: s.status,
        status_text: s.status_text.as_deref(),
        deadline: s.deadline.map(|d| d.to_string()),
        deadline_text: s.deadline_text.as_deref(),
        overdue: s.overdue,
        as_of: s.as_of.to_string(),
    }
}

fn change_json(c: &Change) -> JsonChange<'_> {
    let latest = c.latest();
    JsonChange {
        unit: &c.unit,
        number: latest.and_then(|s| s.number.as_deref()),
        title: latest.map_or("", |s| s.title.as_str()),
        old: c.old.as_ref().map(snapshot_json),
        new: c.new.as_ref().map(snapshot_json),
    }
}

fn rate_json(r: &Rate) -> JsonRate {
    JsonRate {
        closed: r.closed,
        open: r.open,
        long_term: r.long_term,
        problems: r.problems,
        percent: r.percent().map(number),
        basis: r.basis,
    }
}

fn points(old: Option<&Rate>, new: Option<&Rate>) -> Option<Value> {
    Rate::points(old?, new?).map(number)
}

fn version_json(d: &Dataset) -> JsonVersion<'_> {
    JsonVersion {
        dataset: &d.name,
        reports: d.reports.len(),
        date: date_of(d),
    }
}

/// The latest report date of a version, as text.
fn date_of(d: &Dataset) -> Option<String> {
    d.reports
        .iter()
        .map(|r| r.published)
        .max()
        .map(|d| d.to_string())
}

/// The JSON document of the changes from `old` to `new`.
pub fn to_json<'a>(old: &'a Dataset, new: &'a Dataset, c: &'a Changes) -> JsonChanges<'a> {
    let list = |l: &'a [Change]| l.iter().map(change_json).collect();
    JsonChanges {
        versions: JsonVersions {
            old: version_json(old),
            new: version_json(new),
        },
        as_of: c.as_of.map(|d| d.to_string()),
        closed: list(&c.closed),
        reopened: list(&c.reopened),
        postponed: list(&c.postponed),
        brought_forward: list(&c.brought_forward),
        new: list(&c.new),
        removed: list(&c.removed),
        newly_overdue: list(&c.newly_overdue),
        status_changed: list(&c.status_changed),
        split: c
            .split
            .iter()
            .map(|s| JsonSplit {
                unit: &s.unit,
                number: s.old.number.as_deref(),
                title: &s.old.title,
                old: snapshot_json(&s.old),
                new: s.parts.iter().map(snapshot_json).collect(),
            })
            .collect(),
        ambiguous: c
            .ambiguous
            .iter()
            .map(|a| JsonAmbiguous {
                unit: &a.unit,
                reason: a.reason,
                old: a.old.iter().map(snapshot_json).collect(),
                new: a.new.iter().map(snapshot_json).collect(),
            })
            .collect(),
        units: c
            .units
            .iter()
            .map(|u| JsonUnit {
                unit: &u.unit,
                old: u.old.as_ref().map(rate_json),
                new: u.new.as_ref().map(rate_json),
                change_points: points(u.old.as_ref(), u.new.as_ref()),
            })
            .collect(),
        total: JsonRates {
            old: rate_json(&c.total_old),
            new: rate_json(&c.total_new),
            change_points: points(Some(&c.total_old), Some(&c.total_new)),
        },
    }
}

/// The words of the diff output, in Chinese and English.
#[derive(Debug, Clone, Copy)]
enum Word {
    Changes,
    Old,
    New,
    AsOf,
    EachReportsDate,
    Rate,
    Total,
    Points,
    NoChanges,
    UnitAdded,
    UnitRemoved,
    NoRate,
    Split,
    Ambiguous,
    SameText,
    SameNumber,
    Removed,
    NoDeadline,
    Unit,
    Number,
    Problem,
    Before,
    Now,
    Basis(RateBasis),
    List(Kind),
}

fn word(w: Word, lang: Lang) -> &'static str {
    let (zh, en) = match w {
        Word::Changes => ("变化", "Changes"),
        Word::Old => ("旧", "old"),
        Word::New => ("新", "new"),
        Word::AsOf => ("新版截至", "new version as of"),
        Word::EachReportsDate => ("各报告日期", "each report's date"),
        Word::Rate => ("完成率", "Completion rate"),
        Word::Total => ("合计", "Total"),
        Word::Points => ("个百分点", "points"),
        Word::NoChanges => ("没有问题发生变化。", "No problem changed."),
        Word::UnitAdded => ("新增单位", "unit added"),
        Word::UnitRemoved => ("单位已不在新版中", "unit no longer in the new version"),
        Word::NoRate => ("无", "n/a"),
        Word::Split => ("拆分", "Split"),
        Word::Ambiguous => ("无法确定对应关系", "Ambiguous matches"),
        Word::SameText => ("内容相同", "same text"),
        Word::SameNumber => ("编号相同", "same number"),
        Word::Removed => ("已移除", "Removed"),
        Word::NoDeadline => ("无日期", "no date"),
        Word::Unit => ("单位", "Unit"),
        Word::Number => ("编号", "No."),
        Word::Problem => ("问题", "Problem"),
        Word::Before => ("原", "Before"),
        Word::Now => ("现", "Now"),
        Word::Basis(RateBasis::Transcribed) => ("按列出的问题", "counted from the problems listed"),
        Word::Basis(RateBasis::Stated) => ("按通报所述总数", "from the totals the report states"),
        Word::Basis(RateBasis::Mixed) => (
            "部分按列出的问题、部分按通报所述",
            "partly from the problems listed, partly stated",
        ),
        Word::List(Kind::Closed) => ("已完成整改", "Closed"),
        Word::List(Kind::Reopened) => ("重新打开", "Reopened"),
        Word::List(Kind::Postponed) => ("延期", "Postponed"),
        Word::List(Kind::BroughtForward) => ("提前", "Brought forward"),
        Word::List(Kind::New) => ("新增问题", "New problems"),
        Word::List(Kind::NewlyOverdue) => ("新近逾期", "Newly overdue"),
        Word::List(Kind::StatusChanged) => ("状态变化", "Status changed"),
        Word::List(Kind::Split) => ("拆分", "Split"),
        Word::List(Kind::Ambiguous) => ("无法确定对应关系", "Ambiguous matches"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The name of a kind of change, as the list headings say it ("延期", "Postponed").
pub fn label(kind: Kind, lang: Lang) -> &'static str {
    word(Word::List(kind), lang)
}

/// "71.4% (5/7)", or "无" with nothing counted.
fn rate_text(r: Option<&Rate>, lang: Lang) -> String {
    match r.and_then(|r| Some((r, r.percent()?))) {
        Some((r, p)) => format!(
            "{}% ({}/{})",
            crate::format::grouped(p, 1),
            r.closed,
            r.problems
        ),
        None => word(Word::NoRate, lang).to_owned(),
    }
}

/// "+12.5 个百分点", "-3 points", "±0 points"; empty when either rate is missing.
fn points_text(old: Option<&Rate>, new: Option<&Rate>, lang: Lang) -> String {
    let Some(p) = old.zip(new).and_then(|(o, n)| Rate::points(o, n)) else {
        return String::new();
    };
    let sign = if p.is_zero() {
        "±"
    } else if p.is_sign_positive() {
        "+"
    } else {
        ""
    };
    let sep = if lang == Lang::Zh { "" } else { " " };
    format!(
        "{sign}{}{sep}{}",
        crate::format::grouped(p, 1),
        word(Word::Points, lang)
    )
}

/// Where the rate's counts come from, in parentheses.
fn basis_text(old: Option<&Rate>, new: Option<&Rate>, lang: Lang) -> String {
    let basis = match (old.and_then(|r| r.basis), new.and_then(|r| r.basis)) {
        (Some(a), Some(b)) if a != b => RateBasis::Mixed,
        (Some(a), _) | (None, Some(a)) => a,
        (None, None) => return String::new(),
    };
    i18n::parenthesized(word(Word::Basis(basis), lang), lang)
}

fn day(d: Option<chrono::NaiveDate>, lang: Lang) -> String {
    d.map_or_else(
        || word(Word::NoDeadline, lang).to_owned(),
        |d| d.to_string(),
    )
}

/// "closed · 已销号", the status with its wording where a ledger gives one.
fn status_text(s: &Snapshot, lang: Lang) -> String {
    match &s.status_text {
        Some(t) => format!(
            "{}{}",
            i18n::status(s.status, lang),
            i18n::parenthesized(t, lang)
        ),
        None => i18n::status(s.status, lang).to_owned(),
    }
}

/// "2023-06-30（2023年上半年）" or "无日期（长期坚持）".
fn deadline_text(s: &Snapshot, lang: Lang) -> String {
    let mut t = day(s.deadline, lang);
    if let Some(text) = &s.deadline_text
        && s.deadline.is_none_or(|d| d.to_string() != *text)
    {
        t.push_str(&i18n::parenthesized(text, lang));
    }
    t
}

/// The old and new values a list is about: "正在整改 → 已完成".
pub fn values(kind: Kind, c: &Change, lang: Lang) -> (String, String) {
    let side =
        |s: Option<&Snapshot>, f: &dyn Fn(&Snapshot) -> String| s.map_or_else(String::new, f);
    let (o, n) = (c.old.as_ref(), c.new.as_ref());
    match kind {
        Kind::Postponed | Kind::BroughtForward => (
            side(o, &|s| deadline_text(s, lang)),
            side(n, &|s| deadline_text(s, lang)),
        ),
        Kind::NewlyOverdue => (
            side(o, &|s| {
                if s.status == Status::Closed {
                    status_text(s, lang)
                } else {
                    deadline_text(s, lang)
                }
            }),
            side(n, &|s| {
                let overdue = match lang {
                    Lang::Zh => format!("截至{}已逾期", s.as_of),
                    Lang::En => format!("overdue as of {}", s.as_of),
                };
                format!("{} · {overdue}", deadline_text(s, lang))
            }),
        ),
        Kind::New => (
            String::new(),
            side(n, &|s| {
                format!("{} · {}", status_text(s, lang), deadline_text(s, lang))
            }),
        ),
        _ => (
            side(o, &|s| status_text(s, lang)),
            side(n, &|s| status_text(s, lang)),
        ),
    }
}

/// The new number, with the old one where it changed: "2（原3）", "2 (was 3)".
fn number_text(c: &Change, lang: Lang) -> String {
    let old = c.old.as_ref().and_then(|s| s.number.as_deref());
    let new = c.new.as_ref().and_then(|s| s.number.as_deref());
    match (old, new) {
        (Some(o), Some(n)) if o != n => match lang {
            Lang::Zh => format!("{n}（原{o}）"),
            Lang::En => format!("{n} (was {o})"),
        },
        (o, n) => n.or(o).unwrap_or_default().to_owned(),
    }
}

/// "3 · 内控机制不完善" for a line; the number left out when there is none.
fn named(s: &Snapshot) -> String {
    match &s.number {
        Some(n) => format!("{} · {}", escape(n), escape(&s.title)),
        None => escape(&s.title).into_owned(),
    }
}

fn header(old: &Dataset, new: &Dataset, c: &Changes, lang: Lang) -> String {
    let version = |w, d: &Dataset| {
        let date = date_of(d).map_or_else(String::new, |day| i18n::parenthesized(&day, lang));
        format!("{} {}{date}", word(w, lang), escape(&d.name))
    };
    let as_of = c.as_of.map_or_else(
        || word(Word::EachReportsDate, lang).to_owned(),
        |d| d.to_string(),
    );
    format!(
        "{} → {} · {} {as_of}",
        version(Word::Old, old),
        version(Word::New, new),
        word(Word::AsOf, lang)
    )
}

/// The changes as aligned text, in a language.
pub fn to_text(old: &Dataset, new: &Dataset, c: &Changes, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "■ {} · {}\n",
        word(Word::Changes, lang),
        header(old, new, c, lang)
    );
    let _ = writeln!(
        out,
        "{}  {} → {}  {}{}",
        word(Word::Rate, lang),
        rate_text(Some(&c.total_old), lang),
        rate_text(Some(&c.total_new), lang),
        points_text(Some(&c.total_old), Some(&c.total_new), lang),
        basis_text(Some(&c.total_old), Some(&c.total_new), lang)
    );
    let width = c
        .units
        .iter()
        .map(|u| crate::format::width(&escape(&u.unit)))
        .max()
        .unwrap_or(0);
    for u in &c.units {
        let _ = writeln!(
            out,
            "  {}  {}",
            pad_right(&escape(&u.unit), width),
            unit_line(u, lang)
        );
    }
    if c.is_empty() {
        let _ = writeln!(out, "\n{}", word(Word::NoChanges, lang));
        return out;
    }
    for (kind, list) in c.lists() {
        section_text(&mut out, kind, list, lang);
    }
    if !c.removed.is_empty() {
        let _ = writeln!(out, "\n{} ({})", word(Word::Removed, lang), c.removed.len());
        for r in &c.removed {
            if let Some(o) = &r.old {
                let _ = writeln!(
                    out,
                    "  {} · {}  {}",
                    escape(&r.unit),
                    named(o),
                    status_text(o, lang)
                );
            }
        }
    }
    split_text(&mut out, &c.split, lang);
    ambiguous_text(&mut out, &c.ambiguous, lang);
    out
}

fn unit_line(u: &UnitRates, lang: Lang) -> String {
    let mut line = format!(
        "{} → {}",
        rate_text(u.old.as_ref(), lang),
        rate_text(u.new.as_ref(), lang),
    );
    let points = points_text(u.old.as_ref(), u.new.as_ref(), lang);
    if !points.is_empty() {
        let _ = write!(line, "  {points}");
    }
    if u.old.is_none() {
        line.push_str(&i18n::parenthesized(word(Word::UnitAdded, lang), lang));
    } else if u.new.is_none() {
        line.push_str(&i18n::parenthesized(word(Word::UnitRemoved, lang), lang));
    }
    line
}

fn section_text(out: &mut String, kind: Kind, list: &[Change], lang: Lang) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} ({})", word(Word::List(kind), lang), list.len());
    for c in list {
        let Some(latest) = c.latest() else { continue };
        let (o, n) = values(kind, c, lang);
        let arrow = if o.is_empty() {
            n
        } else {
            format!("{o} → {n}")
        };
        let number = number_text(c, lang);
        let name = if number.is_empty() {
            escape(&latest.title).into_owned()
        } else {
            format!("{} · {}", escape(&number), escape(&latest.title))
        };
        let _ = writeln!(out, "  {} · {name}  {arrow}", escape(&c.unit));
    }
}

fn split_text(out: &mut String, splits: &[SplitChange], lang: Lang) {
    if splits.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} ({})", word(Word::Split, lang), splits.len());
    for s in splits {
        let parts: Vec<String> = s.parts.iter().map(named).collect();
        let _ = writeln!(
            out,
            "  {} · {} → {}",
            escape(&s.unit),
            named(&s.old),
            parts.join("；")
        );
    }
}

fn ambiguous_text(out: &mut String, groups: &[AmbiguousChange], lang: Lang) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} ({})", word(Word::Ambiguous, lang), groups.len());
    for a in groups {
        let names = |l: &[Snapshot]| l.iter().map(named).collect::<Vec<_>>().join("；");
        let _ = writeln!(
            out,
            "  {}{}: {} {} ↔ {} {}",
            escape(&a.unit),
            i18n::parenthesized(reason(a.reason, lang), lang),
            word(Word::Old, lang),
            names(&a.old),
            word(Word::New, lang),
            names(&a.new)
        );
    }
}

fn reason(r: super::Reason, lang: Lang) -> &'static str {
    match r {
        super::Reason::SameText => word(Word::SameText, lang),
        super::Reason::SameNumber => word(Word::SameNumber, lang),
    }
}

/// The changes as Markdown for a meeting note, in a language.
pub fn to_markdown(old: &Dataset, new: &Dataset, c: &Changes, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        word(Word::Changes, lang),
        md(&header(old, new, c, lang))
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | |\n|---|---:|---:|---|",
        word(Word::Unit, lang),
        word(Word::Before, lang),
        word(Word::Now, lang)
    );
    for u in &c.units {
        let note = if u.old.is_none() {
            word(Word::UnitAdded, lang)
        } else if u.new.is_none() {
            word(Word::UnitRemoved, lang)
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&u.unit),
            rate_text(u.old.as_ref(), lang),
            rate_text(u.new.as_ref(), lang),
            format!(
                "{} {note}",
                points_text(u.old.as_ref(), u.new.as_ref(), lang)
            )
            .trim()
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | {} | {} | {}{} |\n",
        word(Word::Total, lang),
        rate_text(Some(&c.total_old), lang),
        rate_text(Some(&c.total_new), lang),
        points_text(Some(&c.total_old), Some(&c.total_new), lang),
        basis_text(Some(&c.total_old), Some(&c.total_new), lang)
    );
    if c.is_empty() {
        let _ = writeln!(out, "{}", word(Word::NoChanges, lang));
        return out;
    }
    let removed = [(None, c.removed.as_slice())];
    let lists = c.lists().map(|(k, l)| (Some(k), l));
    for (kind, list) in lists.iter().chain(&removed) {
        if list.is_empty() {
            continue;
        }
        let title = kind.map_or(word(Word::Removed, lang), |k| word(Word::List(k), lang));
        let _ = writeln!(
            out,
            "### {title} ({})\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            list.len(),
            word(Word::Unit, lang),
            word(Word::Number, lang),
            word(Word::Problem, lang),
            word(Word::Before, lang),
            word(Word::Now, lang)
        );
        for ch in *list {
            let Some(latest) = ch.latest() else { continue };
            let (o, n) = match kind {
                Some(k) => values(*k, ch, lang),
                None => (
                    ch.old
                        .as_ref()
                        .map(|s| status_text(s, lang))
                        .unwrap_or_default(),
                    String::new(),
                ),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md(&ch.unit),
                md(&number_text(ch, lang)),
                md(&latest.title),
                md(&o),
                md(&n)
            );
        }
        out.push('\n');
    }
    let mut rest = String::new();
    split_text(&mut rest, &c.split, lang);
    ambiguous_text(&mut rest, &c.ambiguous, lang);
    for line in rest.lines() {
        match line.strip_prefix("  ") {
            Some(item) => {
                let _ = writeln!(out, "- {}", md(item));
            }
            None if line.is_empty() => {
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
            None => {
                let _ = writeln!(out, "### {}\n", md(line));
            }
        }
    }
    out
}
