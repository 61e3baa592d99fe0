//! Tables written to files: the rows of a dashboard table (header first) as
//! CSV, as an xlsx workbook (`xlsx`) or as Markdown. It knows nothing of the
//! dashboard: the app prepares a [`Table`], these functions write it.

pub mod xlsx;

/// A table to write: a name for files ("problems"), a header, rows of text
/// as shown on screen, and which rows are overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// A short name for the file: "problems", "amounts".
    pub name: &'static str,
    /// The column headers, in the interface language.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// For each row, whether it is overdue; such rows also say so in a
    /// column of their own, so that nothing relies on a fill colour alone.
    pub overdue: Vec<bool>,
}

impl Table {
    /// The header and the rows together, header first.
    pub fn lines(&self) -> Vec<Vec<String>> {
        std::iter::once(self.header.clone())
            .chain(self.rows.iter().cloned())
            .collect()
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

/// The table as a Markdown table: one line per row, cells escaped so that no
/// text breaks out of its column or formats the page.
pub fn to_markdown(table: &Table) -> String {
    let mut out = String::new();
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| crate::summary::md(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(&table.header));
    out.push_str(&format!("|{}\n", "---|".repeat(table.header.len().max(1))));
    for row in &table.rows {
        out.push_str(&line(row));
    }
    out
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
