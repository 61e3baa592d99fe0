//! `import --explain`: what was recognised in each input (title, dates,
//! heading levels, totals, figures by kind, people, rules) and where each
//! paragraph went, printed to standard error.

use std::collections::BTreeMap;
use std::io::Write;

use super::Imported;
use super::clean::normalize;
use super::lexicon::{Style, marker};
use crate::model::{Report, StatedCount, Status};
use crate::sanitize::escape;

/// Prints what was recognised, where each paragraph went, the page markers
/// removed and the encodings.
pub fn explain(imported: &Imported) {
    let mut err = crate::sanitize::stderr();
    for (source, encoding) in &imported.encodings {
        let _ = writeln!(err, "{}: read as {encoding}", escape(source));
        let levels = heading_levels(imported, source);
        for (k, report) in imported
            .dataset
            .reports
            .iter()
            .filter(|r| r.source.file.as_deref() == Some(source.as_str()))
            .enumerate()
        {
            for line in recognised(report, &levels) {
                let _ = writeln!(
                    err,
                    "{}: report {}: {}",
                    escape(source),
                    k + 1,
                    escape(&line)
                );
            }
        }
    }
    for (source, m) in &imported.page_markers {
        let _ = writeln!(
            err,
            "{}:{}: removed page marker {}",
            escape(source),
            m.line,
            escape(&m.text)
        );
    }
    for p in &imported.placements {
        let _ = writeln!(
            err,
            "{}:{}: {}: {}",
            escape(&p.source),
            p.line,
            p.place,
            escape(&p.excerpt)
        );
    }
    let unplaced = imported.placements.iter().filter(|p| p.unplaced).count();
    let _ = writeln!(
        err,
        "{} report(s), {} paragraph(s), {unplaced} unplaced",
        imported.dataset.reports.len(),
        imported.placements.len()
    );
}

/// The numbering levels of the headings placed from one input, with counts,
/// outermost first: "一、×2 （一）×3 1.×5 一是×12".
fn heading_levels(imported: &Imported, source: &str) -> String {
    let mut counts: BTreeMap<u8, (&str, usize)> = BTreeMap::new();
    for p in imported
        .placements
        .iter()
        .filter(|p| p.source == source && !p.unplaced)
    {
        let Some(m) = marker(&normalize(&p.excerpt)) else {
            continue;
        };
        let (rank, name) = match m.style {
            Style::Chapter => (0, "一、"),
            Style::Section => (1, "（一）"),
            Style::Number => (2, "1."),
            Style::ParenNumber => (3, "（1）"),
            Style::Circled => (4, "①"),
            Style::Ordinal => (5, "一是"),
        };
        counts.entry(rank).or_insert((name, 0)).1 += 1;
    }
    let questions = imported
        .placements
        .iter()
        .filter(|p| p.source == source && p.place.contains("(问题：)"))
        .count();
    let mut parts: Vec<String> = counts
        .values()
        .map(|(name, n)| format!("{name}×{n}"))
        .collect();
    if questions > 0 {
        parts.push(format!("问题：×{questions}"));
    }
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(" ")
    }
}

/// What was recognised of one report, one line each.
fn recognised(r: &Report, levels: &str) -> Vec<String> {
    let mut out = vec![
        format!("title: {}", r.title),
        format!("issuer: {}", r.issuer),
    ];
    let mut dates = format!("published {}", r.published);
    if let Some(signed) = r.signed {
        dates.push_str(&format!(", signed {signed}"));
    }
    if let Some(how) = &r.published_inferred {
        dates.push_str(&format!(" (inferred: {how})"));
    }
    out.push(format!("dates: {dates}"));
    let mut inspection = r.inspection.kind.label_en().to_string();
    if let Some(team) = &r.inspection.team {
        inspection.push_str(&format!(", team {team}"));
    }
    if let Some(period) = &r.inspection.period {
        inspection.push_str(&format!(", period {period}"));
    }
    out.push(format!("inspection: {inspection}"));
    out.push(match &r.source.missing {
        Some(missing) => format!("source: partial: {missing}"),
        None => "source: complete".to_string(),
    });
    out.push(format!("heading levels: {levels}"));
    let count = |s: Status| r.problems.iter().filter(|p| p.status == s).count();
    out.push(format!(
        "problems: {} ({} closed, {} open, {} long-term)",
        r.problems.len(),
        count(Status::Closed),
        count(Status::Open),
        count(Status::LongTerm)
    ));
    let s = &r.stated;
    let stated: Vec<String> = [
        ("total", &s.total),
        ("closed", &s.closed),
        ("open", &s.open),
        ("long-term", &s.long_term),
        ("aspects", &s.aspects),
        ("measures", &s.measures),
        ("units", &s.units),
    ]
    .into_iter()
    .filter_map(|(name, c): (&str, &Option<StatedCount>)| {
        c.as_ref()
            .map(|c| format!("{name} {} (“{}”)", c.value, c.quote))
    })
    .chain(
        s.completion_rate
            .as_ref()
            .map(|c| format!("completion rate {}% (“{}”)", c.percent, c.quote)),
    )
    .collect();
    out.push(format!("stated: {}", none_or(stated)));
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let general = r.general.iter().flat_map(|m| &m.figures);
    let items = r
        .problems
        .iter()
        .flat_map(|p| p.measures.iter().chain(&p.ongoing))
        .flat_map(|m| &m.figures);
    for f in items.chain(general) {
        *kinds.entry(f.kind.label_en()).or_insert(0) += 1;
    }
    out.push(format!(
        "figures: {}",
        none_or(kinds.iter().map(|(k, n)| format!("{k} ×{n}")).collect())
    ));
    out.push(format!(
        "people: {}",
        none_or(
            r.people
                .iter()
                .map(|p| format!("{} {}{}", p.label, p.count, p.unit))
                .collect()
        )
    ));
    out.push(format!(
        "rules: {}",
        none_or(
            r.rules
                .iter()
                .map(|x| format!("{} {}", x.label, x.count))
                .collect()
        )
    ));
    for u in &r.unplaced {
        let what = if u.furniture { "furniture" } else { "unplaced" };
        out.push(format!("{what}: {} — {}", u.reason, u.text));
    }
    out
}

fn none_or(parts: Vec<String>) -> String {
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join("; ")
    }
}
