//! `zhenggai history DIR`: the completion rate and the open and overdue
//! problems of each dated version of the same ledger or reports, oldest first.
//!
//! A version is a data file directly in DIR, or a sub-directory of them. Its
//! date is its reports' date (a ledger's 填报日期, a report's publication
//! date), else a date in its name (2023-07-05, 20230705, 2023年7月5日).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::cli::{HistoryArgs, SummaryFormat};
use crate::format::{pad_left, pad_right};
use crate::i18n::{self, Lang};
use crate::model::{Dataset, Status};
use crate::progress::{self, Rate, RateBasis};
use crate::sanitize::escape;
use crate::summary::{md, number};

/// Where a version's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    /// Its reports' dates as printed (the latest of them).
    Reports,
    /// A date in the file or directory name; its reports give none of their own.
    FileName,
    /// Its reports' dates, which the reports themselves only infer.
    ReportsInferred,
}

/// One dated version and how far it had got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The file or directory name.
    pub name: String,
    /// The dataset's name.
    pub dataset: String,
    /// The version's date: what its problems are counted as of.
    pub date: NaiveDate,
    /// Where the date comes from.
    pub date_from: DateFrom,
    /// How many reports it holds.
    pub reports: usize,
    /// Its completion rate.
    pub rate: Rate,
    /// Transcribed problems not closed whose deadline is before the version's date.
    pub overdue: u32,
}

/// The first date written in a name: 2023-07-05 (or with _ or .), 20230705,
/// 2023年7月5日.
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = name.chars().collect();
    let digits_at = |i: usize| chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let number = |i: usize, n: usize| -> Option<u32> {
        chars[i..i + n].iter().collect::<String>().parse().ok()
    };
    let day = |y: u32, m: u32, d: u32| {
        let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
        crate::dates::YEARS
            .contains(&chrono::Datelike::year(&date))
            .then_some(date)
    };
    let mut i = 0;
    while i < chars.len() {
        let run = digits_at(i);
        if run == 0 {
            i += 1;
            continue;
        }
        let found = match run {
            8 => day(number(i, 4)?, number(i + 4, 2)?, number(i + 6, 2)?),
            4 => separated(&chars, i + 4).and_then(|(m, d)| day(number(i, 4)?, m, d)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        i += run;
    }
    None
}

/// "-07-05", "_7_5", "年7月5日" after a year: the month and day.
fn separated(chars: &[char], at: usize) -> Option<(u32, u32)> {
    let sep = *chars.get(at)?;
    let (between, after) = match sep {
        '-' | '_' | '.' => (sep, None),
        '年' => ('月', Some('日')),
        _ => return None,
    };
    let field = |from: usize| -> Option<(u32, usize)> {
        let n = chars
            .get(from..)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(1..=2).contains(&n) {
            return None;
        }
        let value = chars[from..from + n]
            .iter()
            .collect::<String>()
            .parse()
            .ok()?;
        Some((value, from + n))
    };
    let (month, next) = field(at + 1)?;
    if chars.get(next) != Some(&between) {
        return None;
    }
    let (day, next) = field(next + 1)?;
    if let Some(end) = after
        && chars.get(next) != Some(&end)
    {
        return None;
    }
    Some((month, day))
}

/// The date of a version: its reports' latest printed date, else a date in
/// its name, else its reports' latest inferred date.
pub fn version_date(dataset: &Dataset, name: &str) -> Option<(NaiveDate, DateFrom)> {
    let printed = dataset
        .reports
        .iter()
        .filter(|r| r.published_inferred.is_none())
        .map(|r| r.published)
        .max();
    if let Some(date) = printed {
        return Some((date, DateFrom::Reports));
    }
    if let Some(date) = date_in_name(name) {
        return Some((date, DateFrom::FileName));
    }
    let inferred = dataset.reports.iter().map(|r| r.published).max()?;
    Some((inferred, DateFrom::ReportsInferred))
}

/// The version's rate and overdue count, as of its date.
pub fn version(name: &str, dataset: &Dataset, date: NaiveDate, date_from: DateFrom) -> Version {
    let overdue = dataset
        .reports
        .iter()
        .flat_map(|r| &r.problems)
        .filter(|p| progress::is_overdue(p, date))
        .count() as u32;
    Version {
        name: name.to_owned(),
        dataset: dataset.name.clone(),
        date,
        date_from,
        reports: dataset.reports.len(),
        rate: Rate::of_reports(&dataset.reports),
        overdue,
    }
}

/// The versions in a directory: data files and sub-directories, by name;
/// hidden entries and schema.json left out.
fn entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if name.starts_with('.') || name == "schema.json" {
            continue;
        }
        // The same list of data files as the loader's.
        let data = crate::load::is_data_file(&name);
        if path.is_dir() || (data && path.is_file()) {
            entries.push(path);
        }
    }
    entries.sort();
    Ok(entries)
}

/// Runs `zhenggai history`: writes each version's progress to `out`,
/// diagnostics to `err`; returns the exit code (0 when it ran, 2 on bad input).
pub fn run(args: &HistoryArgs, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let Some(versions) = load_versions(&args.dir, err)? else {
        return Ok(2);
    };
    let shown = escape(&args.dir.display().to_string()).into_owned();
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    match args.format {
        SummaryFormat::Text => out.write_all(to_text(&shown, &versions, lang).as_bytes())?,
        SummaryFormat::Markdown => {
            out.write_all(to_markdown(&shown, &versions, lang).as_bytes())?
        }
        SummaryFormat::Json => {
            let mut escaped =
                crate::sanitize::Escaping::with_mode(&mut *out, crate::sanitize::Mode::Json);
            serde_json::to_writer_pretty(&mut escaped, &to_json(&versions))?;
            escaped.write_all(b"\n")?;
            escaped.flush()?;
        }
    }
    Ok(0)
}

/// The dated versions in `dir`, oldest first, for `history` and the
/// dashboard's `--history`; `None` when one cannot be read or dated, its
/// errors written to `err`.
pub fn load_versions(dir: &Path, err: &mut impl Write) -> io::Result<Option<Vec<Version>>> {
    let shown = escape(&dir.display().to_string()).into_owned();
    if !dir.is_dir() {
        writeln!(err, "zhenggai history: '{shown}' is not a directory")?;
        writeln!(
            err,
            "  hint: give a directory that holds one data file (or sub-directory) per version"
        )?;
        return Ok(None);
    }
    let paths = match entries(dir) {
        Ok(paths) => paths,
        Err(e) => {
            writeln!(
                err,
                "zhenggai history: cannot read directory '{shown}': {e}"
            )?;
            return Ok(None);
        }
    };
    if paths.is_empty() {
        writeln!(err, "zhenggai history: no versions in '{shown}'")?;
        writeln!(
            err,
            "  hint: a version is a data file ({}) or a sub-directory of them",
            crate::ledger::DATA_EXTENSIONS.join(", ")
        )?;
        return Ok(None);
    }
    let mut versions = Vec::with_capacity(paths.len());
    for path in &paths {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let loaded = match crate::load::load(std::slice::from_ref(path)) {
            Ok(loaded) => loaded,
            Err(e) => {
                crate::check::print_load_error(&e, err)?;
                writeln!(
                    err,
                    "zhenggai history: cannot read version '{}'",
                    escape(&path.display().to_string())
                )?;
                return Ok(None);
            }
        };
        crate::check::print_warnings(&loaded, err)?;
        let Some((date, from)) = version_date(&loaded.dataset, &name) else {
            writeln!(
                err,
                "zhenggai history: '{}' has no date: it holds no report and its name holds no date",
                escape(&path.display().to_string())
            )?;
            writeln!(
                err,
                "  hint: name it like 台账-2023-07-05.json, 20230705.json or 2023年7月5日.json"
            )?;
            return Ok(None);
        };
        versions.push(version(&name, &loaded.dataset, date, from));
    }
    versions.sort_by(|a, b| (a.date, &a.name).cmp(&(b.date, &b.name)));
    Ok(Some(versions))
}

#[derive(Debug, Serialize)]
struct JsonVersion<'a> {
    file: &'a str,
    dataset: &'a str,
    date: String,
    date_from: DateFrom,
    reports: usize,
    problems: u32,
    closed: u32,
    open: u32,
    long_term: u32,
    overdue: u32,
    percent: Option<Value>,
    basis: Option<RateBasis>,
    change_points: Option<Value>,
}

/// The JSON document of `history --format json`: `{"versions": [...]}`, oldest first.
pub fn to_json(versions: &[Version]) -> JsonHistory<'_> {
    let list: Vec<JsonVersion> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| JsonVersion {
            file: &v.name,
            dataset: &v.dataset,
            date: v.date.to_string(),
            date_from: v.date_from,
            reports: v.reports,
            problems: v.rate.problems,
            closed: v.rate.closed,
            open: v.rate.open,
            long_term: v.rate.long_term,
            overdue: v.overdue,
            percent: v.rate.percent().map(number),
            basis: v.rate.basis,
            change_points: change(versions, i).map(number),
        })
        .collect();
    JsonHistory { versions: list }
}

/// The stable JSON document of `history --format json`.
#[derive(Debug, Serialize)]
pub struct JsonHistory<'a> {
    versions: Vec<JsonVersion<'a>>,
}

/// The change in points from the version before.
fn change(versions: &[Version], i: usize) -> Option<rust_decimal::Decimal> {
    Rate::points(&versions.get(i.checked_sub(1)?)?.rate, &versions[i].rate)
}

fn words(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Zh => [
            "历史",
            "个版本",
            "日期",
            "完成率",
            "变化",
            "逾期",
            "版本",
            "日期取自文件名",
        ],
        Lang::En => [
            "History",
            "versions",
            "Date",
            "Rate",
            "Change",
            "Overdue",
            "Version",
            "date from the file name",
        ],
    }
}

fn percent_text(v: &Version) -> String {
    v.rate.percent().map_or_else(
        || "—".to_owned(),
        |p| {
            format!(
                "{}% ({}/{})",
                crate::format::grouped(p, 1),
                v.rate.closed,
                v.rate.problems
            )
        },
    )
}

fn change_text(versions: &[Version], i: usize) -> String {
    change(versions, i).map_or_else(String::new, |p| {
        let sign = if p.is_sign_positive() && !p.is_zero() {
            "+"
        } else {
            ""
        };
        format!("{sign}{}", crate::format::grouped(p, 1))
    })
}

/// The name of a version, marked "*" when its date comes from the name.
fn version_name(v: &Version) -> String {
    let star = if v.date_from == DateFrom::FileName {
        " *"
    } else {
        ""
    };
    format!("{}{star}", escape(&v.name))
}

fn any_from_name(versions: &[Version]) -> bool {
    versions.iter().any(|v| v.date_from == DateFrom::FileName)
}

/// The history as aligned text, in a language: one row per version, each
/// column as wide as its widest cell.
pub fn to_text(dir: &str, versions: &[Version], lang: Lang) -> String {
    let [
        title,
        count,
        date,
        rate,
        change_w,
        overdue,
        version_w,
        from_name,
    ] = words(lang);
    let count = if versions.len() == 1 && lang == Lang::En {
        "version"
    } else {
        count
    };
    let mut rows: Vec<Vec<String>> = vec![
        [
            date,
            rate,
            change_w,
            i18n::status(Status::Closed, lang),
            i18n::status(Status::Open, lang),
            i18n::status(Status::LongTerm, lang),
            overdue,
            version_w,
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for (i, v) in versions.iter().enumerate() {
        rows.push(vec![
            v.date.to_string(),
            percent_text(v),
            change_text(versions, i),
            v.rate.closed.to_string(),
            v.rate.open.to_string(),
            v.rate.long_term.to_string(),
            v.overdue.to_string(),
            version_name(v),
        ]);
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| {
            rows.iter()
                .map(|r| crate::format::width(&r[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!("■ {title} · {dir} · {} {count}\n\n", versions.len());
    for row in &rows {
        let last = row.len() - 1;
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| match c {
                0 => pad_right(cell, widths[c]),
                c if c == last => cell.clone(),
                _ => pad_left(cell, widths[c]),
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  "));
    }
    if any_from_name(versions) {
        let _ = writeln!(out, "\n* {from_name}");
    }
    out
}

/// The history as a Markdown table, in a language.
pub fn to_markdown(dir: &str, versions: &[Version], lang: Lang) -> String {
    let [
        title,
        count,
        date,
        rate,
        change_w,
        overdue,
        version_w,
        from_name,
    ] = words(lang);
    let count = if versions.len() == 1 && lang == Lang::En {
        "version"
    } else {
        count
    };
    let mut out = format!("## {title}\n\n{} · {} {count}\n\n", md(dir), versions.len());
    let _ = writeln!(
        out,
        "| {date} | {rate} | {change_w} | {} | {} | {} | {overdue} | {version_w} |\n|---|---:|---:|---:|---:|---:|---:|---|",
        i18n::status(Status::Closed, lang),
        i18n::status(Status::Open, lang),
        i18n::status(Status::LongTerm, lang),
    );
    for (i, v) in versions.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            v.date,
            percent_text(v),
            change_text(versions, i),
            v.rate.closed,
            v.rate.open,
            v.rate.long_term,
            v.overdue,
            md(&version_name(v))
        );
    }
    if any_from_name(versions) {
        let _ = writeln!(out, "\n\\* {from_name}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        crate::dates::parse(s)
    }

    #[test]
    fn dates_are_found_in_names_written_every_usual_way() {
        let table = [
            ("台账-2023-07-05.json", day("2023-07-05")),
            ("20230705.xlsx", day("2023-07-05")),
            ("整改台账2023年7月5日.csv", day("2023-07-05")),
            ("v_2023_7_5.json", day("2023-07-05")),
            ("2023.12.31", day("2023-12-31")),
            ("第3版-20231301-2024-01-02.json", day("2024-01-02")),
            ("2023年7月.json", None),
            ("123456789.json", None),
            ("ledger.json", None),
            ("2023-02-30.json", None),
        ];
        for (name, expected) in table {
            assert_eq!(date_in_name(name), expected, "{name}");
        }
    }
}
