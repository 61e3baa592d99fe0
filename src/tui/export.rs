//! The current table as rows of text, for `e` (CSV files) — the same rows, in the
//! same order and under the same filters, as on screen.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::app::{App, View};
use super::rows::MoneyRow;
use crate::i18n::{self, Msg};
use crate::model::ItemList;

/// A name for the table ("problems") and its rows, header first.
pub fn table(app: &App) -> (&'static str, Vec<Vec<String>>) {
    let lang = app.lang;
    let data = &app.data;
    let t = |m: Msg| m.text(lang).to_string();
    let issuer = |r: usize| {
        data.reports
            .get(r)
            .map_or_else(String::new, |x| x.issuer.clone())
    };
    let figure_row = |path: &crate::stats::FigurePath, section: &str| -> Option<Vec<String>> {
        let f = path.resolve(data)?;
        Some(vec![
            section.to_string(),
            i18n::kind(f.kind, lang).to_string(),
            f.label.clone(),
            f.text.clone(),
            f.value.to_string(),
            f.unit.to_string(),
            f.normalized.map(|n| n.to_string()).unwrap_or_default(),
            i18n::role(f.role, lang).to_string(),
            issuer(path.item.report),
            f.quote.clone(),
        ])
    };
    let figure_header = vec![
        String::new(),
        t(Msg::Kind),
        t(Msg::Label),
        t(Msg::AsWritten),
        "value".into(),
        t(Msg::Unit),
        t(Msg::Normalized),
        t(Msg::Role),
        t(Msg::Report),
        t(Msg::SourceClause),
    ];
    let problem_row = |r: usize, p: usize| -> Option<Vec<String>> {
        let problem = data.problem(r, p)?;
        Some(vec![
            issuer(r),
            problem.number.clone().unwrap_or_default(),
            problem.title.clone().unwrap_or_default(),
            i18n::status(problem.status, lang).to_string(),
            (problem.measures.len() + problem.ongoing.len()).to_string(),
            super::ui::nearest_deadline(problem)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ])
    };
    let problem_header = vec![
        t(Msg::Report),
        t(Msg::Number),
        t(Msg::Title),
        t(Msg::Status),
        t(Msg::Measures),
        t(Msg::NearestDeadline),
    ];
    match app.level().view {
        View::Overview => {
            let mut rows = vec![vec![
                t(Msg::Issuer),
                t(Msg::Title),
                t(Msg::Closed),
                t(Msg::Open),
                t(Msg::LongTerm),
                i18n::bucket(crate::stats::Bucket::Overdue, lang).to_string(),
                t(Msg::Published),
            ]];
            rows.extend(app.rows.overview.iter().filter_map(|&r| {
                let (report, rs) = (data.reports.get(r)?, app.stats.reports.get(r)?);
                let p = rs.problems.best();
                Some(vec![
                    report.issuer.clone(),
                    report.title.clone(),
                    p.closed.to_string(),
                    p.open.to_string(),
                    p.long_term.to_string(),
                    rs.deadlines.overdue.to_string(),
                    report.published.to_string(),
                ])
            }));
            ("overview", rows)
        }
        View::Problems => {
            let mut rows = vec![problem_header];
            rows.extend(
                app.rows
                    .problems
                    .iter()
                    .filter_map(|&(r, p)| problem_row(r, p)),
            );
            ("problems", rows)
        }
        View::Report(r) => {
            let mut rows = vec![problem_header];
            if app.rows.report_has_general(data, r) {
                let general = data.reports.get(r).map_or(0, |x| x.general.len());
                rows.push(vec![
                    issuer(r),
                    String::new(),
                    t(Msg::ReportAsWhole),
                    String::new(),
                    general.to_string(),
                    String::new(),
                ]);
            }
            rows.extend(
                app.rows
                    .report_problems(data, r)
                    .filter_map(|p| problem_row(r, p)),
            );
            ("report", rows)
        }
        View::Amounts => {
            let mut rows = vec![figure_header];
            rows.extend(app.rows.money.iter().filter_map(|m| match m {
                MoneyRow::Achieved(f) => figure_row(f, super::ui::money_mark(app, *f)),
                MoneyRow::Listed(f) => figure_row(f, Msg::IncludedShort.text(lang)),
                MoneyRow::NotSummed(f) => figure_row(f, Msg::NotSummedShort.text(lang)),
                MoneyRow::Unstated(u) => {
                    let x = u.item.resolve(data)?.unstated.get(u.index)?;
                    Some(vec![
                        Msg::UnstatedShort.text(lang).to_string(),
                        i18n::kind(x.kind, lang).to_string(),
                        x.label.clone(),
                        Msg::AmountNotStated.text(lang).to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        issuer(u.item.report),
                        x.quote.clone(),
                    ])
                }
            }));
            ("amounts", rows)
        }
        View::Land => {
            let mut rows = vec![figure_header];
            rows.extend(app.rows.land.iter().filter_map(|f| figure_row(f, "")));
            ("land", rows)
        }
        View::Item(path) => {
            let mut rows = vec![figure_header];
            let count = path.resolve(data).map_or(0, |m| m.figures.len());
            rows.extend((0..count).filter_map(|i| {
                figure_row(
                    &crate::stats::FigurePath {
                        item: path,
                        figure: i,
                    },
                    "",
                )
            }));
            ("figures", rows)
        }
        View::Deadlines | View::Problem(..) | View::General(_) => {
            let mut rows = vec![vec![
                t(Msg::Status),
                t(Msg::Date),
                t(Msg::DeadlineText),
                t(Msg::Report),
                t(Msg::Problem),
                t(Msg::Item),
                t(Msg::Heading),
            ]];
            let items: Vec<crate::stats::ItemPath> = match app.level().view {
                View::Problem(r, p) => {
                    let n = data
                        .problem(r, p)
                        .map_or(0, |x| x.measures.len() + x.ongoing.len());
                    (0..n).filter_map(|i| app.item_path(r, p, i)).collect()
                }
                View::General(r) => {
                    let n = data.reports.get(r).map_or(0, |x| x.general.len());
                    (0..n)
                        .map(|i| crate::stats::ItemPath::general(r, i))
                        .collect()
                }
                _ => app
                    .rows
                    .deadlines
                    .iter()
                    .filter_map(|&i| app.stats.deadlines.get(i).map(|d| d.item))
                    .collect(),
            };
            rows.extend(items.into_iter().filter_map(|path| {
                let m = path.resolve(data)?;
                let problem = match data.problem(path.report, path.problem) {
                    Some(p) => format!(
                        "{} {}",
                        p.number.as_deref().unwrap_or("?"),
                        p.title.as_deref().unwrap_or("")
                    ),
                    None if path.is_general() => t(Msg::ReportAsWhole),
                    None => return None,
                };
                let date = m.deadline.as_ref().and_then(|d| d.date);
                let bucket = crate::stats::Bucket::of(date, app.stats.as_of);
                Some(vec![
                    i18n::bucket(bucket, lang).to_string(),
                    date.map(|d| d.to_string()).unwrap_or_default(),
                    m.deadline
                        .as_ref()
                        .map(|d| d.text.clone())
                        .unwrap_or_default(),
                    issuer(path.report),
                    problem,
                    format!(
                        "{} {}",
                        match path.list {
                            ItemList::Measures => Msg::Measure.text(lang),
                            ItemList::Ongoing => Msg::Ongoing.text(lang),
                            ItemList::General => Msg::General.text(lang),
                        },
                        m.ordinal.as_deref().unwrap_or("")
                    ),
                    m.heading.clone().unwrap_or_default(),
                ])
            }));
            ("deadlines", rows)
        }
    }
}

/// A field for CSV: control characters escaped as everywhere (newlines and
/// tabs kept), a leading `'` on text that a spreadsheet would run as a formula,
/// and quoted when it needs to be (RFC 4180).
fn csv_field(s: &str) -> String {
    let clean = crate::sanitize::escape_keeping_lines(s);
    let field = if starts_a_formula(&clean) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// True for text that Excel, WPS or LibreOffice would read as a formula
/// (OWASP's list: = + - @ tab CR at the start); a plain number such as
/// "-12.5" is a number, not a formula, and stays as it is.
fn starts_a_formula(s: &str) -> bool {
    if s.starts_with(['\t', '\r']) {
        return true;
    }
    // Spreadsheets skip leading spaces, and WPS and Excel in a Chinese locale
    // read the full-width signs (＝＋－＠) as the ASCII ones.
    let first = s.trim_start_matches([' ', '\u{3000}']);
    first.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']) && !is_plain_number(first)
}

/// "-12", "+3.5", "-0.25": a sign, digits and at most one decimal point.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// The rows as CSV text.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Writes the current table into `dir` as `zhenggai-NAME.csv`, or `-2`, `-3`…
/// when that exists: never overwriting. Returns the path written.
pub fn write_csv(app: &App, dir: &Path) -> io::Result<PathBuf> {
    let (name, rows) = table(app);
    let text = to_csv(&rows);
    for n in 1..10_000 {
        let file = if n == 1 {
            format!("zhenggai-{name}.csv")
        } else {
            format!("zhenggai-{name}-{n}.csv")
        };
        let path = dir.join(file);
        // create_new fails if the file exists, so two exports never clobber each other.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                // A UTF-8 byte order mark, so that spreadsheet programs read the Chinese right.
                f.write_all("\u{feff}".as_bytes())?;
                f.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many exports with the same name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_csv_fields_that_need_it() {
        let rows = vec![vec!["a".to_string(), "b,c".into(), "say \"hi\"".into()]];
        assert_eq!(to_csv(&rows), "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
    }

    /// A deliberate bug that once passed the suite: newlines and CR unquoted.
    #[test]
    fn fields_holding_a_newline_or_cr_are_quoted() {
        assert_eq!(csv_field("一是\n二是"), "\"一是\n二是\"");
        assert_eq!(csv_field("a\rb"), "a\\u{d}b");
        let rows = vec![vec!["x\ny".to_string(), "z".into()]];
        assert_eq!(to_csv(&rows), "\"x\ny\",z\r\n");
    }

    #[test]
    fn formulas_are_prefixed_and_numbers_are_not() {
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(csv_field("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("-12.5"), "-12.5");
        assert_eq!(csv_field("+3"), "+3");
        assert_eq!(csv_field("-"), "'-");
        assert_eq!(csv_field("849.56"), "849.56");
        assert_eq!(csv_field("整改"), "整改");
        assert_eq!(csv_field("＝1+1"), "'＝1+1");
        assert_eq!(csv_field("  =1+1"), "'  =1+1");
        assert_eq!(csv_field("\u{3000}@A1"), "'\u{3000}@A1");
        assert_eq!(csv_field(" -3"), " -3");
        assert_eq!(csv_field("-1.x"), "'-1.x");
        assert_eq!(csv_field("-1."), "'-1.");
    }

    #[test]
    fn control_characters_are_escaped_in_csv() {
        assert_eq!(csv_field("a\x1b]0;t\x07"), "a\\u{1b}]0;t\\u{7}");
        assert_eq!(csv_field("\u{202e}fdp.exe"), "\\u{202e}fdp.exe");
    }
}
