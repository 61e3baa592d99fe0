//! Loading a ledger (xlsx, xlsm, xls, ods, csv, tsv) through `crate::ledger`,
//! validated like a JSON file's reports.

use std::io::Read;

use super::files::{Input, Opened, read_again};
use crate::diagnostic::Diagnostic;
use crate::jsonpos::{self, Segment};
use crate::model::{Dataset, Report, SCHEMA_VERSION};

/// True when an input is a ledger: by its name, or by a workbook's first bytes.
pub(super) fn is_ledger(input: &Input<'_>, opened: &mut Opened<'_>) -> bool {
    if crate::ledger::has_ledger_extension(&input.name) {
        return true;
    }
    let mut head = [0u8; 8];
    let read = opened
        .reader()
        .and_then(|mut r| r.read(&mut head))
        .unwrap_or(0);
    crate::ledger::is_ledger(&input.name, &head[..read])
}

/// Reads one ledger, handing its reports to `deliver`; the dataset without
/// its reports is returned when it has no errors.
pub(super) fn parse(
    input: &Input<'_>,
    opened: &mut Opened<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    deliver: &mut dyn FnMut(Vec<Report>),
) -> Option<Dataset> {
    let name = input.name.as_str();
    let bytes = read_again(opened, name, diagnostics)?;
    let ledger = match crate::ledger::read(name, &bytes) {
        Ok(ledger) => ledger,
        Err(found) => {
            diagnostics.extend(found);
            return None;
        }
    };
    diagnostics.extend(ledger.warnings);
    let issues = crate::validate::validate_reports(0, &ledger.reports);
    let errors = issues
        .iter()
        .any(|i| i.severity == crate::diagnostic::Severity::Error);
    diagnostics.extend(issues.into_iter().map(|issue| Diagnostic {
        file: name.to_owned(),
        line: 0,
        column: 0,
        severity: issue.severity,
        path: place(&ledger.reports, &issue.path),
        message: issue.message,
        hint: issue.hint,
    }));
    if errors {
        return None;
    }
    deliver(ledger.reports);
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned());
    Some(Dataset {
        schema_version: SCHEMA_VERSION,
        name: stem,
        synthetic: false,
        reports: Vec::new(),
    })
}

/// Where a validation issue is in the ledger: the problem's cells, then the
/// JSON path it will have once imported ("整改台账!B7:B8 $.reports[0]…").
fn place(reports: &[Report], path: &[Segment]) -> String {
    let json = jsonpos::display(path);
    let cells = match path {
        [
            Segment::Key(r),
            Segment::Index(ri),
            Segment::Key(p),
            Segment::Index(pi),
            ..,
        ] if r == "reports" && p == "problems" => reports
            .get(*ri)
            .and_then(|report| report.problems.get(*pi))
            .and_then(|problem| problem.cells.as_ref()),
        _ => None,
    };
    match cells {
        Some(c) => match &c.sheet {
            Some(sheet) => format!("{sheet}!{} {json}", c.range),
            None => format!("{} {json}", c.range),
        },
        None => json,
    }
}
