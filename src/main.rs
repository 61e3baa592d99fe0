//! The `zhenggai` binary: parses the command line, runs a command, maps the result to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use zhenggai::cli::{Cli, Command};
use zhenggai::sanitize;

/// mimalloc: a load makes millions of small allocations on several threads
/// and frees many of them on another, where glibc's allocator spent a fifth
/// of the load's time. Built without transparent huge pages: with them, one
/// dashboard start in four took twice as long (memory compaction).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Everything printed passes the sanitiser: data from other offices must
    // not be able to steer the terminal it is printed to.
    let result = match &cli.command {
        Some(Command::Summary(args)) => {
            zhenggai::summary::run(args, &mut sanitize::stdout(), &mut sanitize::stderr())
        }
        Some(Command::Check(args)) => Ok(zhenggai::check::run(
            args,
            &mut sanitize::stdout(),
            &mut sanitize::stderr(),
        )),
        Some(Command::Import(args)) => return zhenggai::import::run(args),
        Some(Command::Generate(args)) => {
            zhenggai::generate::run(args, &mut sanitize::stdout(), &mut sanitize::stderr())
        }
        Some(Command::Snapshot(args)) => zhenggai::snapshot::run(
            args,
            &mut sanitize::stdout_with_colours(),
            &mut sanitize::stderr(),
        ),
        None => zhenggai::tui::run(&cli.dashboard),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`zhenggai summary | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(sanitize::stderr(), "zhenggai: {e}");
            ExitCode::from(2)
        }
    }
}
