//! Checks of what a report states about itself as a whole (schema version
//! 2): people held accountable, rules made, aspect, measure and unit counts,
//! the completion rate, and the figures of its general paragraphs.

use rust_decimal::Decimal;

use super::{Issue, check_figure, join, key, numbers_in, report_path};
use crate::jsonpos::Segment;
use crate::model::{Report, StatedCount};

pub(super) fn check_results(r: usize, report: &Report, issues: &mut Vec<Issue>) {
    let base = report_path(r);
    for (i, people) in report.people.iter().enumerate() {
        let at = join(&base, [key("people"), Segment::Index(i)]);
        check_count_quoted(&at, "count", people.count, &people.quote, issues);
        check_label_quoted(&at, &people.label, &people.quote, issues);
    }
    for (i, rules) in report.rules.iter().enumerate() {
        let at = join(&base, [key("rules"), Segment::Index(i)]);
        check_count_quoted(&at, "count", rules.count, &rules.quote, issues);
        check_label_quoted(&at, &rules.label, &rules.quote, issues);
    }
    let stated = &report.stated;
    let counts: [(&str, &Option<StatedCount>); 3] = [
        ("aspects", &stated.aspects),
        ("measures", &stated.measures),
        ("units", &stated.units),
    ];
    for (field, count) in counts {
        if let Some(c) = count {
            let at = join(&base, [key("stated"), key(field)]);
            check_count_quoted(&at, "value", c.value, &c.quote, issues);
        }
    }
    if let Some(rate) = &stated.completion_rate {
        let at = || {
            join(
                &base,
                [key("stated"), key("completion_rate"), key("percent")],
            )
        };
        if rate.percent.is_sign_negative() || rate.percent > Decimal::from(100) {
            issues.push(
                Issue::error(
                    at(),
                    format!(
                        "completion rate '{}' is not between 0 and 100",
                        rate.percent
                    ),
                )
                .hint("the rate is a percentage: 87.1 for 87.1%"),
            );
        } else if !numbers_in(&rate.quote).contains(&rate.percent) {
            issues.push(
                Issue::error(
                    at(),
                    format!(
                        "completion rate '{}' is not written in its quote '{}'",
                        rate.percent, rate.quote
                    ),
                )
                .hint("quote the clause that states the rate"),
            );
        }
        check_rate_against_counts(r, report, rate.percent, issues);
    }
    for (i, item) in report.general.iter().enumerate() {
        for (f, figure) in item.figures.iter().enumerate() {
            let path = || {
                join(
                    &base,
                    [
                        key("general"),
                        Segment::Index(i),
                        key("figures"),
                        Segment::Index(f),
                    ],
                )
            };
            check_figure(&path, figure, issues);
            if !crate::quote::contains_compact(&item.text, &figure.quote) {
                issues.push(
                    Issue::warning(
                        join(&path(), [key("quote")]),
                        format!(
                            "the quote of figure '{}' is not in its paragraph's text",
                            figure.text
                        ),
                    )
                    .hint("quote the clause exactly as the paragraph has it"),
                );
            }
        }
    }
}

/// A stated count is written in its quote, as digits or Chinese numerals.
fn check_count_quoted(
    at: &[Segment],
    field: &str,
    count: u32,
    quote: &str,
    issues: &mut Vec<Issue>,
) {
    if !numbers_in(quote).contains(&Decimal::from(count)) {
        issues.push(
            Issue::error(
                join(at, [key(field)]),
                format!("count '{count}' is not written in its quote '{quote}'"),
            )
            .hint("quote the clause that states the count, e.g. \"给予党纪处分3人\""),
        );
    }
}

fn check_label_quoted(at: &[Segment], label: &str, quote: &str, issues: &mut Vec<Issue>) {
    if !crate::quote::contains_compact(quote, label) {
        issues.push(
            Issue::warning(
                join(at, [key("label")]),
                format!("label '{label}' is not in its quote '{quote}'"),
            )
            .hint("the label is the words for it as the quote writes them"),
        );
    }
}

/// A stated rate that disagrees with the stated closed and total counts by
/// more than rounding (27 of 31 is 87.1%) is worth a look, not an error: the
/// report may count long-term problems as done.
fn check_rate_against_counts(r: usize, report: &Report, percent: Decimal, issues: &mut Vec<Issue>) {
    let stated = &report.stated;
    let (Some(closed), Some(total)) = (&stated.closed, &stated.total) else {
        return;
    };
    if total.value == 0 {
        return;
    }
    let computed = Decimal::from(closed.value) * Decimal::from(100) / Decimal::from(total.value);
    if (computed - percent).abs() > Decimal::ONE {
        issues.push(
            Issue::warning(
                join(
                    &report_path(r),
                    [key("stated"), key("completion_rate"), key("percent")],
                ),
                format!(
                    "completion rate '{percent}' is not {} closed of {} in total ({}%)",
                    closed.value,
                    total.value,
                    computed.round_dp(1)
                ),
            )
            .hint("check the rate, the closed count and the total against their quotes"),
        );
    }
}
