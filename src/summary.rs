//! The headless summary: per report and in total, as aligned text, JSON or Markdown.

use std::borrow::Cow;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};

use crate::format::{self, AreaUnit, pad_left, pad_right};
use crate::i18n::{self, Lang, Msg};
use serde::Serialize;

use crate::model::{Dataset, FigureKind, InspectionKind, Role, Status};
use crate::sanitize::escape;
use crate::stats::{
    Bucket, BucketCounts, Count, Counts, FigurePath, LandTotal, MoneyTotal, ReportStats, Stats,
};
use crate::units::Currency;

/// The stable JSON summary for scripts (see README: "summary --format json").
/// Typed and borrowing from the dataset, so that 100 MB of reports serialise
/// without copying their text.
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
    problems: JsonCounts,
    problems_source: JsonSources,
    problems_transcribed: JsonCounts,
    money: Vec<JsonMoney>,
    money_not_summed: Vec<JsonFigure<'a>>,
    money_unstated: Vec<JsonUnstated<'a>>,
    land: Vec<JsonLand>,
    land_not_summed: Vec<JsonFigure<'a>>,
    deadlines: JsonBuckets,
}

#[derive(Debug, Serialize)]
struct JsonTotals {
    problems: JsonCounts,
    problems_transcribed: JsonCounts,
    money: Vec<JsonMoney>,
    land: Vec<JsonLand>,
    deadlines: JsonBuckets,
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

#[derive(Debug, Serialize)]
struct JsonFigure<'a> {
    kind: FigureKind,
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
        .map(|rs| {
            let r = &dataset.reports[rs.report];
            let p = &rs.problems;
            JsonReport {
                id: &r.id,
                title: &r.title,
                issuer: &r.issuer,
                published: r.published.to_string(),
                inspection: r.inspection.kind,
                source_complete: r.source.complete,
                problems: counts_json(p.best()),
                problems_source: JsonSources {
                    closed: p.closed.source.as_str(),
                    open: p.open.source.as_str(),
                    long_term: p.long_term.source.as_str(),
                },
                problems_transcribed: counts_json(p.transcribed),
                money: rs.money.iter().map(money_json).collect(),
                money_not_summed: rs
                    .money_other
                    .iter()
                    .filter_map(|f| figure_json(dataset, f))
                    .collect(),
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
                land: rs.land.iter().map(land_json).collect(),
                land_not_summed: rs
                    .land_other
                    .iter()
                    .filter_map(|f| figure_json(dataset, f))
                    .collect(),
                deadlines: buckets_json(rs.deadlines),
            }
        })
        .collect();
    JsonSummary {
        as_of: stats.as_of.to_string(),
        dataset: &dataset.name,
        synthetic: dataset.synthetic,
        reports,
        totals: JsonTotals {
            problems: counts_json(stats.totals.problems),
            problems_transcribed: counts_json(stats.totals.transcribed),
            money: stats.totals.money.iter().map(money_json).collect(),
            land: stats.totals.land.iter().map(land_json).collect(),
            deadlines: buckets_json(stats.totals.deadlines),
        },
    }
}

fn counts_json(c: Counts) -> JsonCounts {
    JsonCounts {
        closed: c.closed,
        open: c.open,
        long_term: c.long_term,
    }
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

fn figure_json<'a>(dataset: &'a Dataset, path: &FigurePath) -> Option<JsonFigure<'a>> {
    let f = path.resolve(dataset)?;
    Some(JsonFigure {
        kind: f.kind,
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
        Msg::Reports.text(lang),
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
            "  {}{}",
            pad_right(Msg::Problems.text(lang), LABEL),
            counts_line(t.problems, lang)
        );
        let _ = writeln!(
            out,
            "  {}{}",
            pad_right(Msg::Transcribed.text(lang), LABEL),
            counts_line(t.transcribed, lang)
        );
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

fn money_lines(out: &mut String, dataset: &Dataset, money: &[MoneyTotal], lang: Lang) {
    if money.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {}", Msg::Money.text(lang));
    for m in money {
        let amount = format!(
            "{}{}",
            approx(m.approximate, lang),
            format::money_auto(m.amount, m.currency)
        );
        let _ = writeln!(
            out,
            "    {}{}  {}  {}",
            pad_right(i18n::kind(m.kind, lang), LABEL - 2),
            pad_left(&amount, 14),
            m.currency.code(),
            as_written(dataset, &m.figures)
        );
    }
}

/// The figures behind a total as written in the source: "= 2948万元 + 597.9万元",
/// and "(≈ 5680万美元 overlaps, not added)" for figures left out.
fn as_written(dataset: &Dataset, figures: &[FigurePath]) -> String {
    let resolved: Vec<&crate::model::Figure> =
        figures.iter().filter_map(|p| p.resolve(dataset)).collect();
    let added: Vec<Cow<str>> = resolved
        .iter()
        .filter(|f| f.overlaps.is_none())
        .map(|f| escape(&f.text))
        .collect();
    let left_out: Vec<Cow<str>> = resolved
        .iter()
        .filter(|f| f.overlaps.is_some())
        .map(|f| escape(&f.text))
        .collect();
    let mut s = format!("= {}", added.join(" + "));
    if !left_out.is_empty() {
        let _ = write!(s, "  (≈ {})", left_out.join(", "));
    }
    s
}

fn land_lines(out: &mut String, dataset: &Dataset, land: &[LandTotal], lang: Lang) {
    if land.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {}", Msg::Land.text(lang));
    for l in land {
        let a = approx(l.approximate, lang);
        let mut line = format!(
            "    {}{}  {}",
            pad_right(i18n::kind(l.kind, lang), LABEL - 2),
            pad_left(&format!("{a}{}", format::area(l.m2, AreaUnit::Mu)), 16),
            pad_left(
                &format!("{a}{}", format::area(l.m2, AreaUnit::SquareMetre)),
                18
            ),
        );
        if let (Some(target), Some(pct)) = (l.target_m2, l.percent_of_target()) {
            let _ = write!(
                line,
                "  {} {} · {}%",
                Msg::Target.text(lang),
                format::area(target, AreaUnit::Mu),
                format::grouped(pct, 1)
            );
        }
        let _ = writeln!(out, "{line}  {}", as_written(dataset, &l.figures));
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
        "  {}{}",
        pad_right(Msg::Transcribed.text(lang), LABEL),
        counts_line(p.transcribed, lang)
    );
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

/// The summary as Markdown tables, in a language.
pub fn to_markdown(dataset: &Dataset, stats: &Stats, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n{} {} · {} {}\n",
        md(&dataset.name),
        dataset.reports.len(),
        Msg::Reports.text(lang),
        Msg::AsOf.text(lang),
        stats.as_of
    );
    let statuses = [Status::Closed, Status::Open, Status::LongTerm];
    for rs in &stats.reports {
        let r = &dataset.reports[rs.report];
        let _ = writeln!(out, "## {}\n", md(&r.title));
        let _ = writeln!(
            out,
            "{} · {} · {} {}{}\n",
            md(&r.issuer),
            i18n::inspection(r.inspection.kind, lang),
            Msg::Published.text(lang),
            r.published,
            if r.source.complete {
                String::new()
            } else {
                format!(" · {}", Msg::PartialSource.text(lang))
            }
        );
        let p = &rs.problems;
        let _ = writeln!(
            out,
            "| {} | | {} |",
            Msg::Problems.text(lang),
            Msg::Transcribed.text(lang)
        );
        out.push_str("|---|---:|---:|\n");
        for (status, count, transcribed) in [
            (statuses[0], p.closed, p.transcribed.closed),
            (statuses[1], p.open, p.transcribed.open),
            (statuses[2], p.long_term, p.transcribed.long_term),
        ] {
            let _ = writeln!(
                out,
                "| {} ({}) | {} | {} |",
                i18n::status(status, lang),
                i18n::count_source(count.source, lang),
                count.value,
                transcribed
            );
        }
        out.push('\n');
        if !rs.money.is_empty() {
            let _ = writeln!(out, "| {} | | |\n|---|---:|---|", Msg::Money.text(lang));
            for m in &rs.money {
                let _ = writeln!(
                    out,
                    "| {} | {}{} | {} |",
                    i18n::kind(m.kind, lang),
                    approx(m.approximate, lang),
                    format::money_auto(m.amount, m.currency),
                    m.currency.code()
                );
            }
            out.push('\n');
        }
        if !rs.money_other.is_empty() {
            let _ = writeln!(out, "| {} | | |\n|---|---:|---|", Msg::NotSummed.text(lang));
            for f in rs.money_other.iter().filter_map(|p| p.resolve(dataset)) {
                let _ = writeln!(
                    out,
                    "| {} · {} | {} | {} |",
                    i18n::role(f.role, lang),
                    md(&f.label),
                    md(&f.text),
                    i18n::kind(f.kind, lang)
                );
            }
            out.push('\n');
        }
        if !rs.land.is_empty() {
            let _ = writeln!(
                out,
                "| {} | 亩 | m² | {} |\n|---|---:|---:|---:|",
                Msg::Land.text(lang),
                Msg::Target.text(lang)
            );
            for l in &rs.land {
                let a = approx(l.approximate, lang);
                let target = match (l.target_m2, l.percent_of_target()) {
                    (Some(t), Some(pct)) => format!(
                        "{} · {}%",
                        format::area(t, AreaUnit::Mu),
                        format::grouped(pct, 1)
                    ),
                    _ => String::new(),
                };
                let _ = writeln!(
                    out,
                    "| {} | {a}{} | {a}{} | {target} |",
                    i18n::kind(l.kind, lang),
                    format::grouped(l.mu(), 2),
                    format::grouped(l.m2, 2),
                );
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}: {}\n",
            Msg::Deadlines.text(lang),
            buckets_line(rs.deadlines, lang)
        );
    }
    out
}

/// A value for a markdown line or table cell: one line, no column break, no
/// raw HTML, no link or image, nothing that starts a heading, quote or list,
/// no control character.
pub(crate) fn md(s: &str) -> String {
    let one_line = s.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let mut out = String::with_capacity(one_line.len());
    for (i, c) in crate::sanitize::escape(&one_line).chars().enumerate() {
        match c {
            '|' | '\\' | '[' | ']' | '`' | '*' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    // "1. " at the start would begin a numbered list.
    if let Some(dot) = out.find(". ")
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_hold_one_line_no_html_and_no_controls() {
        assert_eq!(md("整改 849.56亩"), "整改 849.56亩");
        assert_eq!(md("a|b"), "a\\|b");
        assert_eq!(md("row\r| x | y |\nnext"), "row \\| x \\| y \\| next");
        assert_eq!(
            md("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
        assert_eq!(
            md("\x1b]0;t\x07\u{202e}"),
            "\\\\u{1b}\\]0;t\\\\u{7}\\\\u{202e}"
        );
    }

    /// A backslash before | once escaped the escape: `\\|` broke the table.
    #[test]
    fn markdown_cells_cannot_break_out_of_their_column_or_format_the_page() {
        assert_eq!(md("待结算\\|资金"), "待结算\\\\\\|资金");
        assert_eq!(md("![x](http://e/i.png)"), "!\\[x\\](http://e/i.png)");
        assert_eq!(md("# 标题"), "\\# 标题");
        assert_eq!(md("> 引用"), "&gt; 引用");
        assert_eq!(md("- 列表"), "\\- 列表");
        assert_eq!(md("1. 第一"), "1\\. 第一");
        assert_eq!(md("a*b*_c_`d`"), "a\\*b\\*\\_c\\_\\`d\\`");
        assert_eq!(md("2021-12-30 · -5"), "2021-12-30 · -5");
    }
}
