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
    /// Formats as `file:line:col: error: $.path: message`, with the hint on its
    /// own line. Every part is escaped: a file name or a quoted value holding a
    /// newline or an escape sequence can neither forge a line nor steer the terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::sanitize::escape;
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {severity}: ",
                escape(&self.file),
                self.line,
                self.column
            )?;
        } else {
            write!(f, "{}: {severity}: ", escape(&self.file))?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", escape(&self.path))?;
        }
        f.write_str(&escape(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", escape(hint))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, severity: Severity) -> Diagnostic {
        Diagnostic {
            file: "x.json".into(),
            line,
            column: if line > 0 { 4 } else { 0 },
            severity,
            path: String::new(),
            message: "m".into(),
            hint: None,
        }
    }

    #[test]
    fn errors_are_errors_and_warnings_are_not() {
        assert!(at(1, Severity::Error).is_error());
        assert!(!at(1, Severity::Warning).is_error());
    }

    #[test]
    fn a_diagnostic_of_the_whole_file_has_no_line_and_column() {
        assert_eq!(at(0, Severity::Warning).to_string(), "x.json: warning: m");
        assert_eq!(at(1, Severity::Error).to_string(), "x.json:1:4: error: m");
    }

    #[test]
    fn a_diagnostic_is_one_line_and_its_hint_another_whatever_it_quotes() {
        let d = Diagnostic {
            file: "evil\x1b]0;x\x07.json".into(),
            line: 3,
            column: 7,
            severity: Severity::Error,
            path: "$.reports[0][\"\u{202e}\"]".into(),
            message: "unknown field '\x1b]52;c;aGk=\x07'\nfake: error: forged".into(),
            hint: Some("write \u{9b}31m".into()),
        };
        let text = d.to_string();
        assert_eq!(
            text,
            "evil\\u{1b}]0;x\\u{7}.json:3:7: error: $.reports[0][\"\\u{202e}\"]: \
             unknown field '\\u{1b}]52;c;aGk=\\u{7}'\\u{a}fake: error: forged\n  hint: write \\u{9b}31m"
        );
        assert_eq!(text.lines().count(), 2);
    }
}
