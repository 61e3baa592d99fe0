//! The headless summary: per report and in total, as aligned text, JSON or Markdown.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::format::{self, AreaUnit, pad_left, pad_right};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Accountability, Dataset, Figure, Status};
use crate::sanitize::escape;
use crate::stats::{
    Bucket, BucketCounts, Count, Counts, FigurePath, LandTotal, MoneySection, MoneyTotal,
    ReportStats, Stats,
};

mod json;
mod markdown;

pub(crate) use json::number;
pub use json::{JsonSummary, to_json};
pub use markdown::{md, to_markdown};

const LABEL: usize = 26;

/// The summary as text aligned by display width, in a language. Every text
/// of the data is escaped where it is written: a title holding a newline
/// cannot forge a line.
pub fn to_text(dataset: &Dataset, stats: &Stats, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} · {} {} · {} {}",
        escape(&dataset.name),
        dataset.reports.len(),
        Msg::Reports.after_count(dataset.reports.len(), lang),
        Msg::AsOf.text(lang),
        stats.as_of
    );
    for rs in &stats.reports {
        out.push('\n');
        report_text(&mut out, dataset, rs, lang);
    }
    if stats.reports.len() > 1 {
        let t = &stats.totals;
        let _ = writeln!(out, "\n■ {}", Msg::Totals.text(lang));
        let _ = writeln!(
            out,
            "  {}{} · {} {} · {} {}",
            pad_right(Msg::Problems.text(lang), LABEL),
            counts_line(t.problems, lang),
            Msg::Total.text(lang),
            t.total,
            Msg::OverdueProblems.text(lang),
            t.overdue
        );
        let _ = writeln!(
            out,
            "  {}{}",
            pad_right(Msg::Transcribed.text(lang), LABEL),
            counts_line(t.transcribed, lang)
        );
        results_lines(&mut out, &t.people, t.rules, lang);
        money_lines(&mut out, dataset, &t.money, lang);
        land_lines(&mut out, dataset, &t.land, lang);
        let _ = writeln!(
            out,
            "  {}{}",
            pad_right(Msg::Deadlines.text(lang), LABEL),
            buckets_line(t.deadlines, lang)
        );
    }
    out
}

fn counts_line(c: Counts, lang: Lang) -> String {
    format!(
        "{} {} · {} {} · {} {}",
        i18n::status(Status::Closed, lang),
        c.closed,
        i18n::status(Status::Open, lang),
        c.open,
        i18n::status(Status::LongTerm, lang),
        c.long_term
    )
}

fn sourced(status: Status, count: Count, lang: Lang) -> String {
    let source = i18n::count_source(count.source, lang);
    format!(
        "{} {}{}",
        i18n::status(status, lang),
        count.value,
        i18n::parenthesized(source, lang)
    )
}

fn buckets_line(b: BucketCounts, lang: Lang) -> String {
    [
        (Bucket::Overdue, b.overdue),
        (Bucket::DueSoon, b.due_soon),
        (Bucket::Later, b.later),
        (Bucket::NoDate, b.none),
    ]
    .iter()
    .map(|(bucket, n)| format!("{} {n}", i18n::bucket(*bucket, lang)))
    .collect::<Vec<_>>()
    .join(" · ")
}

fn approx(approximate: bool, lang: Lang) -> &'static str {
    if approximate {
        Msg::Approximately.text(lang)
    } else {
        ""
    }
}

/// People held accountable and rules made: "问责处理  党纪处分 3 · 诫勉 5",
/// "建章立制  12", or "未说明" where the report states none.
fn results_lines(
    out: &mut String,
    people: &[(Accountability, u32)],
    rules: Option<u32>,
    lang: Lang,
) {
    let people = if people.is_empty() {
        Msg::NotStated.text(lang).to_string()
    } else {
        people
            .iter()
            .map(|(kind, n)| format!("{} {n}", people_kind(*kind, lang)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let _ = writeln!(
        out,
        "  {}{people}",
        pad_right(Msg::People.text(lang), LABEL)
    );
    let rules = rules.map_or_else(|| Msg::NotStated.text(lang).to_string(), |n| n.to_string());
    let _ = writeln!(out, "  {}{rules}", pad_right(Msg::Rules.text(lang), LABEL));
}

/// The name of a kind of accountability.
pub fn people_kind(kind: Accountability, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind.label_zh(),
        Lang::En => kind.label_en(),
    }
}

/// Money by group, recovered first: amounts of different groups are never
/// on one scale, so each group has its own heading.
fn money_lines(out: &mut String, dataset: &Dataset, money: &[MoneyTotal], lang: Lang) {
    if money.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {}", Msg::Money.text(lang));
    for section in MoneySection::ALL {
        let rows: Vec<&MoneyTotal> = money
            .iter()
            .filter(|m| MoneySection::of(m.kind) == section)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "   [{}]", i18n::money_section(section, lang));
        for m in rows {
            let amount = format!(
                "{}{}",
                approx(m.approximate, lang),
                format::money_auto(m.amount, m.currency, lang)
            );
            let _ = writeln!(
                out,
                "    {}{}  {}  {}",
                pad_right(i18n::kind(m.kind, lang), LABEL - 2),
                pad_left(&amount, 14),
                m.currency.code(),
                as_written(dataset, &m.figures, m.added, lang)
            );
        }
    }
}

/// The figures behind a total as written in the source: "= 2948万元 + 597.9万元",
/// then the figures listed but not added, each saying why: "(5680万美元:
/// included in 7005万美元, not added)".
fn as_written(dataset: &Dataset, figures: &[FigurePath], added: usize, lang: Lang) -> String {
    let added_texts: Vec<Cow<str>> = figures[..added.min(figures.len())]
        .iter()
        .filter_map(|p| p.resolve(dataset))
        .map(|f| escape(&f.text))
        .collect();
    let mut s = format!("= {}", added_texts.join(" + "));
    for path in figures.iter().skip(added) {
        let Some(f) = path.resolve(dataset) else {
            continue;
        };
        let why = not_added_reason(dataset, path, f, lang);
        let _ = write!(s, "  ({}: {why})", escape(&f.text));
    }
    s
}

/// Why a figure listed under a total is not added: it is part of another
/// figure ("included in 7005万美元, not added"), or the report states its own
/// total of the kind.
pub fn not_added_reason(dataset: &Dataset, path: &FigurePath, f: &Figure, lang: Lang) -> String {
    let Some(id) = f.overlaps.as_deref() else {
        return Msg::InReportTotal.text(lang).to_string();
    };
    let other = dataset.reports.get(path.item.report).and_then(|r| {
        r.general_figures()
            .chain(r.figures())
            .find(|g| g.figure.id.as_deref() == Some(id))
    });
    let text = other.map_or_else(|| id.to_string(), |g| g.figure.text.clone());
    match lang {
        Lang::Zh => format!("已含在{}中，不重复计入", escape(&text)),
        Lang::En => format!("included in {}, not added", escape(&text)),
    }
}

/// One area total in each of `units` (the first also for its target), with
/// its target and the figures it adds up, as written.
fn area_line(out: &mut String, dataset: &Dataset, l: &LandTotal, units: &[AreaUnit], lang: Lang) {
    let a = approx(l.approximate, lang);
    let mut line = format!("    {}", pad_right(i18n::kind(l.kind, lang), LABEL - 2));
    for (i, unit) in units.iter().enumerate() {
        let width = if i == 0 && units.len() > 1 { 16 } else { 18 };
        let sep = if i == 0 { "" } else { "  " };
        let _ = write!(
            line,
            "{sep}{}",
            pad_left(&format!("{a}{}", format::area(l.m2, *unit, lang)), width)
        );
    }
    if let (Some(target), Some(pct)) = (l.target_m2, l.percent_of_target()) {
        let _ = write!(
            line,
            "  {} {} · {}%",
            Msg::Target.text(lang),
            format::area(target, units[0], lang),
            format::grouped(pct, 1)
        );
    }
    let _ = writeln!(
        out,
        "{line}  {}",
        as_written(dataset, &l.figures, l.added, lang)
    );
}

fn land_lines(out: &mut String, dataset: &Dataset, land: &[LandTotal], lang: Lang) {
    let (floor, land): (Vec<&LandTotal>, Vec<&LandTotal>) =
        land.iter().partition(|l| l.is_floor_area());
    if !land.is_empty() {
        let _ = writeln!(out, "  {}", Msg::Land.text(lang));
    }
    for l in land {
        area_line(
            out,
            dataset,
            l,
            &[AreaUnit::Mu, AreaUnit::SquareMetre],
            lang,
        );
    }
    // Floor area of buildings is square metres of floors, not land: never in 亩.
    if !floor.is_empty() {
        let _ = writeln!(out, "  {}", Msg::FloorArea.text(lang));
    }
    for l in floor {
        area_line(out, dataset, l, &[AreaUnit::SquareMetre], lang);
    }
}

fn report_text(out: &mut String, dataset: &Dataset, rs: &ReportStats, lang: Lang) {
    let r = &dataset.reports[rs.report];
    let _ = writeln!(out, "■ {}", escape(&r.title));
    let mut meta = format!(
        "  {} · {} · {} {}",
        escape(&r.issuer),
        i18n::inspection(r.inspection.kind, lang),
        Msg::Published.text(lang),
        r.published
    );
    if !r.source.complete {
        let _ = write!(meta, " · {}", Msg::PartialSource.text(lang));
    }
    let _ = writeln!(out, "{meta}");
    let p = &rs.problems;
    let _ = writeln!(
        out,
        "  {}{} · {} · {}",
        pad_right(Msg::Problems.text(lang), LABEL),
        sourced(Status::Closed, p.closed, lang),
        sourced(Status::Open, p.open, lang),
        sourced(Status::LongTerm, p.long_term, lang)
    );
    let _ = writeln!(
        out,
        "  {}{} {}{} · {} {}",
        pad_right("", LABEL),
        Msg::Total.text(lang),
        rs.total.value,
        i18n::parenthesized(i18n::count_source(rs.total.source, lang), lang),
        Msg::OverdueProblems.text(lang),
        rs.overdue
    );
    let _ = writeln!(
        out,
        "  {}{}",
        pad_right(Msg::Transcribed.text(lang), LABEL),
        counts_line(p.transcribed, lang)
    );
    results_lines(out, &rs.people, rs.rules, lang);
    money_lines(out, dataset, &rs.money, lang);
    if !rs.money_other.is_empty() {
        let _ = writeln!(out, "  {}", Msg::NotSummed.text(lang));
        for path in &rs.money_other {
            if let Some(f) = path.resolve(dataset) {
                let _ = writeln!(
                    out,
                    "    {}{}  {}",
                    pad_right(
                        &format!("{} · {}", i18n::role(f.role, lang), escape(&f.label)),
                        LABEL - 2
                    ),
                    pad_left(&escape(&f.text), 16),
                    i18n::kind(f.kind, lang)
                );
            }
        }
    }
    if !rs.unstated.is_empty() {
        let _ = writeln!(out, "  {}", Msg::Unstated.text(lang));
        for u in &rs.unstated {
            if let Some(item) = u
                .item
                .resolve(dataset)
                .and_then(|m| m.unstated.get(u.index))
            {
                let _ = writeln!(
                    out,
                    "    {}{}",
                    pad_right(i18n::kind(item.kind, lang), LABEL - 2),
                    escape(&item.label)
                );
            }
        }
    }
    land_lines(out, dataset, &rs.land, lang);
    let _ = writeln!(
        out,
        "  {}{}",
        pad_right(Msg::Deadlines.text(lang), LABEL),
        buckets_line(rs.deadlines, lang)
    );
}

/// Runs `zhenggai summary`: writes the summary to `out`, diagnostics to `err`; returns the exit code.
pub fn run(
    args: &crate::cli::SummaryArgs,
    out: &mut impl std::io::Write,
    err: &mut impl std::io::Write,
) -> std::io::Result<u8> {
    let loaded = match crate::load::load(&args.paths) {
        Ok(loaded) => loaded,
        Err(e) => {
            crate::check::print_load_error(&e, err)?;
            return Ok(2);
        }
    };
    crate::check::print_warnings(&loaded, err)?;
    let as_of = crate::bundled::review_day(args.as_of, &args.paths).date;
    let stats = Stats::compute(&loaded.dataset, as_of);
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let text = match args.format {
        crate::cli::SummaryFormat::Text => to_text(&loaded.dataset, &stats, lang),
        crate::cli::SummaryFormat::Markdown => to_markdown(&loaded.dataset, &stats, lang),
        crate::cli::SummaryFormat::Json => {
            let escaped =
                crate::sanitize::Escaping::with_mode(&mut *out, crate::sanitize::Mode::Json);
            let mut buffered = std::io::BufWriter::new(escaped);
            serde_json::to_writer_pretty(&mut buffered, &to_json(&loaded.dataset, &stats))?;
            std::io::Write::write_all(&mut buffered, b"\n")?;
            std::io::Write::flush(&mut buffered)?;
            drop(buffered);
            String::new()
        }
    };
    out.write_all(text.as_bytes())?;
    // The process ends right after; freeing a large dataset piece by piece would
    // only add to the wait (about a tenth of the run on 100 MB).
    std::mem::forget(loaded);
    std::mem::forget(stats);
    Ok(0)
}
