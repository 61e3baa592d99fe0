//! Diagnostics about input files: where, how bad, what, and what to do.

use std::fmt;

/// How bad a diagnostic is: errors stop loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data cannot be trusted; loading stops.
    Error,
    /// Worth a look; loading goes on.
    Warning,
}

/// One problem found in an input file, located by line, column and JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it ("data/x.json", "<stdin>"); bundled data shows its data/ path.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// The JSON path of the offending value ("$.reports[0].problems[3].number"), or empty.
    pub path: String,
    /// What is wrong, with the bad value in single quotes.
    pub message: String,
    /// What to do about it, where that helps.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Formats as `file:line:col: error: $.path: message`, with the hint on its own line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {severity}: ",
                self.file, self.line, self.column
            )?;
        } else {
            write!(f, "{}: {severity}: ", self.file)?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}
