//! `import --explain`: what was recognised in each input and where each
//! paragraph went, printed to standard error.

use std::io::Write;

use super::Imported;

/// Prints where each paragraph went, the page markers removed and the encodings.
pub fn explain(imported: &Imported) {
    use crate::sanitize::escape;
    let mut err = crate::sanitize::stderr();
    for (source, encoding) in &imported.encodings {
        let _ = writeln!(err, "{}: read as {encoding}", escape(source));
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
