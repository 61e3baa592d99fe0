//! Importing the plain text of published rectification reports into a `Dataset`.

use std::process::ExitCode;

use crate::cli::ImportArgs;

/// Runs `zhenggai import`.
pub fn run(args: &ImportArgs) -> ExitCode {
    let _ = args;
    eprintln!("zhenggai import: not built yet");
    ExitCode::from(2)
}
