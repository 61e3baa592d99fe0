//! Reading data files (paths, directories, standard input, the bundled data),
//! parsing them, validating them, and merging them into one `Dataset`.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::model::Dataset;

/// Where a loaded report came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file as the user named it.
    pub file: String,
    /// The report's index in that file.
    pub index: usize,
}

/// A merged dataset with where each report came from and the warnings found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// All reports of all files, in file order (directories sorted by name).
    pub dataset: Dataset,
    /// One entry per report of `dataset.reports`.
    pub origins: Vec<Origin>,
    /// Warnings: shown, but loading went on.
    pub warnings: Vec<Diagnostic>,
}

/// Loading failed: every error found, with the warnings.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{} error(s) in the input", self.errors().count())]
pub struct LoadError {
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Loads the given paths (`-` is standard input); with none, the bundled data.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let _ = paths;
    todo!("implemented by the loader work")
}

/// The data bundled into the binary, already validated by the test suite.
pub fn bundled() -> Result<Loaded, LoadError> {
    load(&[])
}
