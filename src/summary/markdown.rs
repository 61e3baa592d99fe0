//! The summary as Markdown tables.

use std::fmt::Write as _;

use super::{approx, buckets_line};
use crate::format::{self, AreaUnit};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Dataset, Status};
use crate::stats::Stats;

/// The summary as Markdown tables, in a language.
pub fn to_markdown(dataset: &Dataset, stats: &Stats, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n{} {} · {} {}\n",
        md(&dataset.name),
        dataset.reports.len(),
        Msg::Reports.after_count(dataset.reports.len(), lang),
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
        let _ = writeln!(
            out,
            "| {} ({}) | {} | {} |",
            Msg::Total.text(lang),
            i18n::count_source(rs.total.source, lang),
            rs.total.value,
            p.transcribed.total()
        );
        let _ = writeln!(
            out,
            "| {} | {} | |",
            Msg::OverdueProblems.text(lang),
            rs.overdue
        );
        out.push('\n');
        let people = if rs.people.is_empty() {
            Msg::NotStated.text(lang).to_string()
        } else {
            rs.people
                .iter()
                .map(|(kind, n)| format!("{} {n}", super::people_kind(*kind, lang)))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let rules = rs
            .rules
            .map_or_else(|| Msg::NotStated.text(lang).to_string(), |n| n.to_string());
        let _ = writeln!(
            out,
            "{}: {people}  \n{}: {rules}\n",
            Msg::People.text(lang),
            Msg::Rules.text(lang)
        );
        if !rs.money.is_empty() {
            let _ = writeln!(
                out,
                "| {} | | | {} |\n|---|---:|---|---|",
                Msg::Money.text(lang),
                Msg::Kind.text(lang)
            );
            let mut money: Vec<&crate::stats::MoneyTotal> = rs.money.iter().collect();
            money.sort_by_key(|m| crate::stats::MoneySection::of(m.kind));
            for m in money {
                let group = i18n::money_section(crate::stats::MoneySection::of(m.kind), lang);
                let _ = writeln!(
                    out,
                    "| {} | {}{} | {} | {group} |",
                    i18n::kind(m.kind, lang),
                    approx(m.approximate, lang),
                    format::money_auto(m.amount, m.currency, lang),
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
        let (floor, land): (Vec<&crate::stats::LandTotal>, Vec<&crate::stats::LandTotal>) =
            rs.land.iter().partition(|l| l.is_floor_area());
        if !floor.is_empty() {
            let _ = writeln!(
                out,
                "| {} | m² | {} |\n|---|---:|---:|",
                Msg::FloorArea.text(lang),
                Msg::Target.text(lang)
            );
            for l in floor {
                let a = approx(l.approximate, lang);
                let target = match (l.target_m2, l.percent_of_target()) {
                    (Some(t), Some(pct)) => format!(
                        "{} · {}%",
                        format::area(t, AreaUnit::SquareMetre, lang),
                        format::grouped(pct, 1)
                    ),
                    _ => String::new(),
                };
                let _ = writeln!(
                    out,
                    "| {} | {a}{} | {target} |",
                    i18n::kind(l.kind, lang),
                    format::grouped(l.m2, 2),
                );
            }
            out.push('\n');
        }
        if !land.is_empty() {
            let _ = writeln!(
                out,
                "| {} | 亩 | m² | {} |\n|---|---:|---:|---:|",
                Msg::Land.text(lang),
                Msg::Target.text(lang)
            );
            for l in land {
                let a = approx(l.approximate, lang);
                let target = match (l.target_m2, l.percent_of_target()) {
                    (Some(t), Some(pct)) => format!(
                        "{} · {}%",
                        format::area(t, AreaUnit::Mu, lang),
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
pub fn md(s: &str) -> String {
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
