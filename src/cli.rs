//! The command line: flags and sub-commands, parsed by clap.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// A terminal dashboard for the progress of rectification after Party inspections (巡察整改).
#[derive(Debug, Parser)]
#[command(name = "zhenggai", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; with none, open the dashboard.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the dashboard.
    #[command(flatten)]
    pub dashboard: DashboardArgs,
}

/// The sub-commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print closed and open problems, money, land and deadlines per report and in total.
    Summary(SummaryArgs),
    /// Validate data files and print every error and warning.
    Check(CheckArgs),
    /// Turn the plain text of published reports into zhenggai JSON.
    Import(ImportArgs),
    /// Write a deterministic synthetic dataset, for demos and benchmarks.
    Generate(GenerateArgs),
    /// Render one frame of the dashboard headlessly, as text, ANSI or SVG.
    Snapshot(SnapshotArgs),
    /// Write a tab's table as CSV, xlsx or Markdown: the rows `e` exports.
    Export(ExportArgs),
    /// Show what changed between two versions: closed, postponed, new, newly overdue, rates.
    Diff(DiffArgs),
    /// Print the completion rate and open and overdue problems of each dated version in a directory.
    History(HistoryArgs),
}

/// Options of the dashboard.
#[derive(Debug, Clone, Args)]
pub struct DashboardArgs {
    /// Data files or directories (`-` reads standard input); none: the bundled reports.
    pub paths: Vec<PathBuf>,
    /// Review as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Language of the interface; default from LC_ALL / LANG (zh* → Chinese). `L` switches.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// No colours: bold, underline, reverse and symbols only (also NO_COLOR=1).
    #[arg(long)]
    pub no_color: bool,
    /// Colour theme: dark, light (projectors), high-contrast, mono; default
    /// light when the terminal reports a light background, else dark.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(["dark", "light", "high-contrast", "mono"]))]
    pub theme: Option<String>,
    /// ASCII borders and symbols (+ - | # > o v), for terminals that draw
    /// ambiguous-width characters two cells wide; also chosen when the locale
    /// is not UTF-8 or the terminal is measured to do so at start-up.
    #[arg(long)]
    pub ascii: bool,
    /// Leave the mouse to the terminal (no clicks, no wheel in the dashboard).
    #[arg(long)]
    pub no_mouse: bool,
    /// Presentation mode: slides of the totals, each report, Units and Deadlines
    /// every SECONDS (default 8) in large figures; arrows and PgUp/PgDn go from
    /// slide to slide, Space pauses, q quits.
    #[arg(long, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "8")]
    pub present: Option<u64>,
    /// Where `e` writes CSV and xlsx files of the current table.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub export_dir: std::path::PathBuf,
    /// Compare with an older version (a data file or directory): rows that changed carry a mark, `c` shows only them.
    #[arg(long, value_name = "OLD")]
    pub since: Option<PathBuf>,
    /// A directory of dated versions (as for `history`): the Overview shows the rate's trend over them.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
}

/// Options of `summary`.
#[derive(Debug, Clone, Args)]
pub struct SummaryArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
    /// Bucket deadlines as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Language of the labels; default from LC_ALL / LANG (zh* → Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Data files or directories (`-` reads standard input); none: the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Output formats of `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Aligned text for a terminal.
    Text,
    /// A stable JSON document for scripts.
    Json,
    /// Markdown tables.
    Markdown,
}

/// Options of `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Data files or directories (`-` reads standard input); none: the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Options of `import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Plain-text report files (UTF-8, GB18030 or GBK); `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Write the JSON here instead of standard output.
    #[arg(short, long, value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Print how each paragraph was placed, and why some were not.
    #[arg(long)]
    pub explain: bool,
}

/// Options of `generate`.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// How many reports to generate (about 48 KB of JSON each).
    #[arg(long, value_name = "N")]
    pub reports: usize,
    /// The seed; the same seed always gives the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Write the JSON here instead of standard output.
    #[arg(short, long, value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Options of `snapshot`.
#[derive(Debug, Clone, Args)]
pub struct SnapshotArgs {
    /// The tab to start on: overview, units, problems, owners, amounts, land, deadlines, or 1–7.
    #[arg(long, value_enum, value_name = "TAB", default_value = "overview")]
    pub tab: crate::snapshot::ShotTab,
    /// Keys to replay first: plain characters, and named keys such as <Enter>, <Esc>, <S-Tab>, <C-d>.
    #[arg(long, value_name = "KEYS", default_value = "")]
    pub keys: String,
    /// The terminal size in columns and rows.
    #[arg(long, value_name = "WxH", default_value = "120x40")]
    pub size: crate::snapshot::Size,
    /// Colour theme; default dark, or mono under NO_COLOR.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(crate::tui::theme::Theme::NAMES))]
    pub theme: Option<String>,
    /// Language of the interface; default from LC_ALL / LANG (zh* → Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// ASCII borders and symbols, as the dashboard's `--ascii` draws them.
    #[arg(long)]
    pub ascii: bool,
    /// Review as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Compare with an older version (a data file or directory): rows that changed carry a mark, `c` shows only them.
    #[arg(long, value_name = "OLD")]
    pub since: Option<PathBuf>,
    /// A directory of dated versions (as for `history`): the Overview shows the rate's trend over them.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "txt")]
    pub format: crate::snapshot::ShotFormat,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Data files or directories (`-` reads standard input); none: the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Options of `export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// The tab whose table is written: overview, units, problems, owners, amounts, land, deadlines, or 1–7.
    #[arg(long, value_enum, value_name = "TAB", default_value = "problems")]
    pub tab: crate::snapshot::ShotTab,
    /// Keys to replay first, as for `snapshot` (filters, sorting, drilling in).
    #[arg(long, value_name = "KEYS", default_value = "")]
    pub keys: String,
    /// Mark overdue as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Compare with an older version (a data file or directory): the Problems table gains a change column, `--keys c` keeps only changed rows.
    #[arg(long, value_name = "OLD")]
    pub since: Option<PathBuf>,

    /// Language of the headers; default from LC_ALL / LANG (zh* → Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Write here; required for xlsx. Without it CSV and Markdown go to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Data files or directories (`-` reads standard input); none: the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Output formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8 with a byte order mark.
    Csv,
    /// An Excel workbook: styled header, fitted columns, date cells, overdue rows filled.
    Xlsx,
    /// A Markdown table.
    Markdown,
}

/// Options of `diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The older version: a data file or directory.
    pub old: PathBuf,
    /// The newer version: a data file or directory.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
    /// Read the new version as of this day (YYYY-MM-DD) instead of its reports' dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,
    /// Language of the labels; default from LC_ALL / LANG (zh* → Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// Options of `history`.
#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// A directory of dated versions: data files, or sub-directories of them.
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
    /// Language of the labels; default from LC_ALL / LANG (zh* → Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// A day written YYYY-MM-DD, as in data files, with a message that says which
/// part is wrong.
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    if let Some(day) = crate::dates::parse(text) {
        return Ok(day);
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Err(e) if e.kind() == chrono::format::ParseErrorKind::OutOfRange => Err(format!(
            "there is no such day as {}",
            crate::sanitize::escape(text)
        )),
        _ => Err("write the day as YYYY-MM-DD in the years 1900–2199, like 2022-01-15".to_owned()),
    }
}
