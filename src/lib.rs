//! zhenggai: a terminal dashboard for the progress of rectification after Party inspections.

pub mod bundled;
pub mod check;
pub mod cli;
pub mod dates;
pub mod deadline;
pub mod diagnostic;
pub mod export;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod jsonpos;
pub mod load;
pub mod model;
pub mod numerals;
pub mod output_file;
pub mod quote;
pub mod sanitize;
pub mod snapshot;
pub mod stats;
pub mod summary;
pub mod table;
pub mod tui;
pub mod units;
pub mod validate;
