//! Checks of a parsed dataset beyond what its types enforce: numbers against
//! their text, stated totals against the problems, references, deadlines.
//!
//! Every issue is reported, not just the first, each with the JSON path of the
//! value concerned; `load` turns the paths into lines and columns.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::deadline::parse_deadline;
use crate::diagnostic::Severity;
use crate::jsonpos::{self, Segment};
use crate::model::{Dataset, Figure, FigureKind, FigureRef, Report, SourceKind, Status};
use crate::numerals::chinese_number;
use crate::quote;
use crate::units::{Dimension, Unit};

mod ledger;
mod references;
mod results;

use ledger::check_ledger_fields;
use references::{check_reference_cycles, check_references};
use results::check_results;

/// One thing wrong (or worth a look) in a dataset, located by JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// Where the value concerned sits in the file.
    pub path: Vec<Segment>,
    /// What is wrong, with the bad value in single quotes.
    pub message: String,
    /// What to do about it, where that helps.
    pub hint: Option<String>,
}

impl Issue {
    fn error(path: Vec<Segment>, message: String) -> Self {
        Self {
            severity: Severity::Error,
            path,
            message,
            hint: None,
        }
    }

    fn warning(path: Vec<Segment>, message: String) -> Self {
        Self {
            severity: Severity::Warning,
            path,
            message,
            hint: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Every issue in the dataset, in the order of the reports.
pub fn validate(dataset: &Dataset) -> Vec<Issue> {
    validate_reports(0, &dataset.reports)
}

/// Every issue in a run of reports, the first of which is report `first` of
/// its dataset; the loader checks the chunks it parses in parallel this way.
///
/// Checks that span reports (unique report ids) are the loader's.
pub fn validate_reports(first: usize, reports: &[Report]) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        check_report(first + r, report, &mut issues);
    }
    issues
}

/// Builds a path from a base and further segments.
fn join(base: &[Segment], more: impl IntoIterator<Item = Segment>) -> Vec<Segment> {
    base.iter().cloned().chain(more).collect()
}

fn key(k: &str) -> Segment {
    Segment::Key(k.to_owned())
}

fn report_path(r: usize) -> Vec<Segment> {
    vec![key("reports"), Segment::Index(r)]
}

fn problem_path(r: usize, p: usize) -> Vec<Segment> {
    join(&report_path(r), [key("problems"), Segment::Index(p)])
}

fn figure_path(r: usize, f: &FigureRef<'_>) -> Vec<Segment> {
    join(
        &problem_path(r, f.problem),
        [
            key(f.list.field()),
            Segment::Index(f.item),
            key("figures"),
            Segment::Index(f.index),
        ],
    )
}

fn check_report(r: usize, report: &Report, issues: &mut Vec<Issue>) {
    if report.problems.is_empty() {
        issues.push(
            Issue::warning(
                join(&report_path(r), [key("problems")]),
                format!("report '{}' has no problems", report.id),
            )
            .hint("transcribe the problems the source shows, or mark the source incomplete"),
        );
    }
    check_key(report_path(r), "id", Some(&report.id), issues);
    check_problems(r, report, issues);
    check_stated_totals(r, report, issues);
    check_deadlines(r, report, issues);
    check_figures(r, report, issues);
    check_ledger_fields(r, report, issues);
    check_results(r, report, issues);
}

/// Ids and references are keys: a control character in one would make two
/// different keys look alike wherever they are shown, and one be taken for
/// the other.
fn check_key(at: Vec<Segment>, field: &str, value: Option<&str>, issues: &mut Vec<Issue>) {
    let Some(value) = value else { return };
    if value.chars().any(crate::sanitize::is_hazard) {
        issues.push(
            Issue::error(
                join(&at, [key(field)]),
                format!("{field} '{value}' holds a control character"),
            )
            .hint("ids are names to refer to: letters, digits, '-' and '_'"),
        );
    }
}

fn check_problems(r: usize, report: &Report, issues: &mut Vec<Issue>) {
    let mut numbers: HashMap<(Option<&str>, &str), usize> = HashMap::new();
    for (p, problem) in report.problems.iter().enumerate() {
        if let Some(number) = problem.number.as_deref() {
            let section = problem.section.as_deref();
            if let Some(&first) = numbers.get(&(section, number)) {
                let place = match section {
                    Some(s) => format!("in section '{s}'"),
                    None => "among problems without a section".to_owned(),
                };
                issues.push(
                    Issue::error(
                        join(&problem_path(r, p), [key("number")]),
                        format!("duplicate problem number '{number}' {place}"),
                    )
                    .hint(format!(
                        "problem '{number}' is already {}",
                        jsonpos::display(&problem_path(r, first))
                    )),
                );
            } else {
                numbers.insert((section, number), p);
            }
        }
        let untitled = problem.title.as_deref().is_none_or(|t| t.trim().is_empty());
        if untitled && !problem.partial {
            let which = problem
                .number
                .as_deref()
                .map_or_else(String::new, |n| format!(" '{n}'"));
            issues.push(
                Issue::warning(
                    join(&problem_path(r, p), [key("title")]),
                    format!("problem{which} has no title"),
                )
                .hint("give the words inside 关于“…”问题的整改, or set \"partial\": true when the source lacks them"),
            );
        }
    }
}

/// The largest problem count a report may state.
pub(crate) const MAX_STATED_PROBLEMS: u32 = 100_000;

fn check_stated_totals(r: usize, report: &Report, issues: &mut Vec<Issue>) {
    let stated = &report.stated;
    // Paths are built only for issues: most reports have none.
    let base = || join(&report_path(r), [key("stated")]);
    let per_status = [
        ("closed", Status::Closed, &stated.closed),
        ("open", Status::Open, &stated.open),
        ("long_term", Status::LongTerm, &stated.long_term),
    ];
    for (field, status, count) in per_status {
        let Some(count) = count else { continue };
        // Counts are added over thousands of reports; no report has this many.
        if count.value > MAX_STATED_PROBLEMS {
            issues.push(
                Issue::error(
                    join(&base(), [key(field), key("value")]),
                    format!("stated count '{}' is too large", count.value),
                )
                .hint(format!(
                    "no report lists more than {MAX_STATED_PROBLEMS} problems; check the digits"
                )),
            );
            continue;
        }
        let transcribed = report.problems_with(status).count();
        if transcribed > count.value as usize {
            let word = field.replace('_', "-");
            issues.push(
                Issue::error(
                    join(&base(), [key(field), key("value")]),
                    format!(
                        "the report states {} {word} {}, but {transcribed} {word} {} transcribed",
                        count.value,
                        plural(count.value as usize, "problem"),
                        are(transcribed),
                    ),
                )
                .hint("check the status of each problem, and the stated count against its quote"),
            );
        }
    }
    if let Some(total) = &stated.total {
        let transcribed = report.problems.len();
        if transcribed > total.value as usize {
            issues.push(
                Issue::error(
                    join(&base(), [key("total"), key("value")]),
                    format!(
                        "the report states {} {} in total, but {transcribed} {} transcribed",
                        total.value,
                        plural(total.value as usize, "problem"),
                        are(transcribed),
                    ),
                )
                .hint("check the stated total against its quote"),
            );
        }
        let parts: u64 = [&stated.closed, &stated.open, &stated.long_term]
            .iter()
            .filter_map(|c| c.as_ref().map(|c| u64::from(c.value)))
            .sum();
        if parts > u64::from(total.value) {
            issues.push(Issue::error(
                join(&base(), [key("total"), key("value")]),
                format!(
                    "the stated closed, open and long-term counts add up to {parts}, more than the stated total {}",
                    total.value
                ),
            ));
        }
    }
}

fn check_deadlines(r: usize, report: &Report, issues: &mut Vec<Issue>) {
    for (p, problem) in report.problems.iter().enumerate() {
        let lists = [
            ("measures", &problem.measures),
            ("ongoing", &problem.ongoing),
        ];
        for (list, items) in lists {
            for (i, item) in items.iter().enumerate() {
                let Some(deadline) = &item.deadline else {
                    continue;
                };
                let path = || {
                    join(
                        &problem_path(r, p),
                        [key(list), Segment::Index(i), key("deadline")],
                    )
                };
                let parsed = parse_deadline(&deadline.text, report.published);
                match (deadline.date, parsed) {
                    // A ledger is a snapshot of work under way: a deadline
                    // before its date is overdue, not wrong.
                    (Some(date), _)
                        if date < report.published && report.source.kind != SourceKind::Ledger =>
                    {
                        issues.push(Issue::error(
                            join(&path(), [key("date")]),
                            format!(
                                "deadline '{date}' is before the report's publication date '{}'",
                                report.published
                            ),
                        ))
                    }
                    (Some(date), Some(meant)) if date != meant => issues.push(
                        Issue::error(
                            join(&path(), [key("date")]),
                            format!(
                                "deadline date '{date}' does not match its text '{}'",
                                deadline.text
                            ),
                        )
                        .hint(format!("'{}' means {meant}", deadline.text)),
                    ),
                    (None, Some(meant)) => issues.push(
                        Issue::warning(
                            path(),
                            format!(
                                "deadline '{}' has no date, though it means {meant}",
                                deadline.text
                            ),
                        )
                        .hint(format!("add \"date\": \"{meant}\"")),
                    ),
                    _ => {}
                }
            }
        }
    }
}

fn check_figures(r: usize, report: &Report, issues: &mut Vec<Issue>) {
    // Figure ids first, so that references can be checked in any order.
    // Paths are built only for issues: most figures have none.
    let mut ids: HashMap<&str, FigureRef<'_>> = HashMap::new();
    for f in report.figures() {
        for (field, value) in [
            ("id", &f.figure.id),
            ("target", &f.figure.target),
            ("overlaps", &f.figure.overlaps),
        ] {
            check_key(figure_path(r, &f), field, value.as_deref(), issues);
        }
        let Some(id) = f.figure.id.as_deref() else {
            continue;
        };
        if let Some(first) = ids.get(id) {
            issues.push(
                Issue::error(
                    join(&figure_path(r, &f), [key("id")]),
                    format!("duplicate figure id '{id}'"),
                )
                .hint(format!(
                    "'{id}' is already the id of {}",
                    jsonpos::display(&figure_path(r, first))
                )),
            );
        } else {
            ids.insert(id, f);
        }
    }
    let figures: Vec<FigureRef<'_>> = report.figures().collect();
    // The quotes of one item are looked for together, so that its text is read
    // a bounded number of times however many figures it holds.
    let mut quoted = Vec::with_capacity(figures.len());
    for item in figures.chunk_by(|a, b| std::ptr::eq(a.measure, b.measure)) {
        let quotes: Vec<&str> = item.iter().map(|f| f.figure.quote.as_str()).collect();
        quoted.extend(quote::each_in_compact(&item[0].measure.text, &quotes));
    }
    for (f, quoted) in figures.into_iter().zip(quoted) {
        let path = || figure_path(r, &f);
        check_figure(&path, f.figure, issues);
        if !quoted {
            issues.push(
                Issue::warning(
                    join(&path(), [key("quote")]),
                    format!(
                        "the quote of figure '{}' is not in its item's text",
                        f.figure.text
                    ),
                )
                .hint("quote the clause exactly as the item's text has it"),
            );
        }
        check_references(r, &path, f.figure, &ids, issues);
    }
    check_reference_cycles(r, &ids, issues);
}

fn check_figure(path: &dyn Fn() -> Vec<Segment>, figure: &Figure, issues: &mut Vec<Issue>) {
    let at = |k: &str| join(&path(), [key(k)]);
    if !quote::contains_compact(&figure.quote, &figure.text) {
        issues.push(
            Issue::error(
                at("text"),
                format!(
                    "figure text '{}' is not in its quote '{}'",
                    figure.text, figure.quote
                ),
            )
            .hint("the text is the figure as printed inside the quoted clause"),
        );
    }
    if !numbers_in(&figure.text).contains(&figure.value) {
        issues.push(
            Issue::error(
                at("value"),
                format!(
                    "value '{}' is not written in the figure text '{}'",
                    figure.value, figure.text
                ),
            )
            .hint("the value is the number as the text writes it (Chinese numerals are read too)"),
        );
    }
    if figure.value.is_sign_negative() && !figure.value.is_zero() {
        issues.push(
            Issue::error(at("value"), format!("negative value '{}'", figure.value))
                .hint("write the number as printed; a decrease is a figure with role 'change'"),
        );
    }
    let negative_normalized = figure
        .normalized
        .is_some_and(|n| n.is_sign_negative() && !n.is_zero());
    if let Some(normalized) = figure.normalized.filter(|_| negative_normalized) {
        issues.push(Issue::error(
            at("normalized"),
            format!("negative normalized value '{normalized}'"),
        ));
    }
    let unit = &figure.unit;
    let Some(dimension) = unit.dimension() else {
        issues.push(unknown_unit(at("unit"), figure));
        return;
    };
    // Beyond this no printed amount goes; sums of many such figures stay
    // far inside what a decimal holds, so statistics never overflow.
    let limit = Decimal::from(10_u64.pow(18));
    let expected = unit.normalize(figure.value);
    if expected.is_none_or(|e| e.abs() > limit) {
        issues.push(
            Issue::error(
                at("value"),
                format!("value '{}' {unit} is too large", figure.value),
            )
            .hint("no figure in a report is above 10^18 in its base unit; check the digits"),
        );
        return;
    }
    if let Some(normalized) = figure.normalized.filter(|n| n.abs() > limit) {
        issues.push(Issue::error(
            at("normalized"),
            format!("normalized value '{normalized}' is too large"),
        ));
        return;
    }
    match (figure.normalized, expected) {
        // A negative normalized value is reported once, as negative.
        (Some(normalized), Some(expected))
            if !negative_normalized && (normalized - expected).abs() > Decimal::new(1, 2) =>
        {
            issues.push(
                Issue::error(
                    at("normalized"),
                    format!(
                        "normalized '{normalized}' does not match {}{} = {expected}",
                        figure.value, unit
                    ),
                )
                .hint(format!(
                    "normalized is the value times the unit's factor: \"{expected}\""
                )),
            );
        }
        (None, Some(expected)) if matches!(dimension, Dimension::Money(_) | Dimension::Area) => {
            let what = if matches!(dimension, Dimension::Area) {
                "area"
            } else {
                "money"
            };
            issues.push(
                Issue::warning(
                    path(),
                    format!("{what} figure '{}' has no normalized value", figure.text),
                )
                .hint(format!("add \"normalized\": \"{expected}\"")),
            );
        }
        _ => {}
    }
}

/// The kinds of unit, for listing the ones a mistyped unit most likely meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitGroup {
    Money,
    Area,
    Count,
    Percent,
    PerPerson,
}

impl UnitGroup {
    fn of(dimension: Dimension) -> Self {
        match dimension {
            Dimension::Money(_) => Self::Money,
            Dimension::Area => Self::Area,
            Dimension::Count => Self::Count,
            Dimension::Percent | Dimension::PercentagePoint => Self::Percent,
            Dimension::MoneyPerPerson(_) => Self::PerPerson,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Money => "money",
            Self::Area => "area",
            Self::Count => "count",
            Self::Percent => "percentage",
            Self::PerPerson => "per-person",
        }
    }

    /// The group a figure of this kind is measured in, when the kind says.
    fn for_kind(kind: FigureKind) -> Option<Self> {
        use FigureKind as K;
        match kind {
            K::LandRevitalised
            | K::LandRedeveloped
            | K::LandUnsuppliedDisposed
            | K::LandExpropriated
            | K::FloorAreaExpropriated => Some(Self::Area),
            K::Count => Some(Self::Count),
            K::Ratio | K::Growth => Some(Self::Percent),
            K::Other => None,
            _ => Some(Self::Money),
        }
    }
}

fn unknown_unit(path: Vec<Segment>, figure: &Figure) -> Issue {
    let written = figure.unit.as_str();
    // The group: from the figure's kind when it says, else from the known
    // unit sharing most characters with the written one.
    let closest = Unit::known()
        .map(|u| (u.chars().filter(|c| written.contains(*c)).count(), u))
        .filter(|(shared, _)| *shared > 0)
        .max_by_key(|(shared, u)| (*shared, std::cmp::Reverse(u.chars().count())))
        .map(|(_, u)| u);
    let group = UnitGroup::for_kind(figure.kind).or_else(|| {
        closest
            .and_then(|u| Unit::new(u).dimension())
            .map(UnitGroup::of)
    });
    let message = format!("unknown unit '{written}'");
    let hint = match group {
        Some(group) => {
            let known: Vec<&str> = Unit::known()
                .filter(|u| Unit::new(u).dimension().map(UnitGroup::of) == Some(group))
                .collect();
            format!("known {} units: {}", group.name(), known.join(", "))
        }
        None => format!(
            "known units: {}",
            Unit::known().collect::<Vec<_>>().join(", ")
        ),
    };
    Issue::error(path, message).hint(hint)
}

/// Every number written in a figure text: Arabic (with thousands separators
/// and full-width digits) and small Chinese numerals ("四次", "十二项").
fn numbers_in(text: &str) -> Vec<Decimal> {
    let text: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect();
    let mut numbers = Vec::new();
    let mut arabic = String::new();
    let mut chinese = String::new();
    let flush = |arabic: &mut String, chinese: &mut String, numbers: &mut Vec<Decimal>| {
        let digits: String = arabic.chars().filter(|c| *c != ',').collect();
        if let Ok(n) = digits.trim_end_matches('.').parse::<Decimal>() {
            numbers.push(n);
        }
        if let Some(n) = chinese_number(chinese) {
            numbers.push(Decimal::from(n));
        }
        arabic.clear();
        chinese.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || (!arabic.is_empty() && matches!(c, '.' | ',')) {
            arabic.push(c);
        } else if "零一二两三四五六七八九十".contains(c) {
            if !arabic.is_empty() {
                flush(&mut arabic, &mut chinese, &mut numbers);
            }
            chinese.push(c);
        } else {
            flush(&mut arabic, &mut chinese, &mut numbers);
        }
    }
    flush(&mut arabic, &mut chinese, &mut numbers);
    numbers
}

/// "problem is" or "problems are".
fn are(n: usize) -> &'static str {
    if n == 1 { "problem is" } else { "problems are" }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// The candidate closest to `word` by edit distance, when it is close enough
/// to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = word.chars().count();
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d > 0 && (*d <= 2 || *d * 3 <= len))
        .filter(|(d, c)| *d < len.max(c.chars().count()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;
