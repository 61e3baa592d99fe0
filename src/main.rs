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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
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
        Some(Command::Export(args)) => {
            zhenggai::export::run(args, &mut sanitize::stdout(), &mut sanitize::stderr())
        }
        Some(Command::Snapshot(args)) => zhenggai::snapshot::run(
            args,
            &mut sanitize::stdout_with_colours(),
            &mut sanitize::stderr(),
        ),
        Some(Command::Diff(args)) => {
            zhenggai::diff::run(args, &mut sanitize::stdout(), &mut sanitize::stderr())
        }
        Some(Command::History(args)) => {
            zhenggai::history::run(args, &mut sanitize::stdout(), &mut sanitize::stderr())
        }
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

/// Prints clap's help, version or usage error through the sanitiser (an
/// argument may hold anything, a file name included), keeping its colours
/// where the output is a terminal; exits as clap would (0 for help, 2 for errors).
fn usage(e: &clap::Error) -> ExitCode {
    use std::io::IsTerminal;
    let to_stderr = e.use_stderr();
    let colours = if to_stderr {
        io::stderr().is_terminal()
    } else {
        io::stdout().is_terminal()
    };
    // clap echoes arguments into its messages; one holding a control
    // character gets the plain rendering (no sequence passes) and a line that
    // shows it escaped, since the plain rendering drops what it cannot show.
    let hostile: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .filter(|a| a.chars().any(sanitize::is_hazard))
        .map(|a| sanitize::escape(&a).into_owned())
        .collect();
    let rendered = e.render();
    let mut text = if colours && hostile.is_empty() && std::env::var_os("NO_COLOR").is_none() {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    if !hostile.is_empty() {
        text.push_str(&format!(
            "zhenggai: arguments with control characters, shown escaped: '{}'\n",
            hostile.join("', '")
        ));
    }
    let written = if to_stderr {
        sanitize::stderr_with_colours().write_all(text.as_bytes())
    } else {
        sanitize::stdout_with_colours().write_all(text.as_bytes())
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => ExitCode::from(2),
        _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}
