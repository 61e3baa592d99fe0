//! What the benches share: a dashboard on generated reports.

use chrono::NaiveDate;
use zhenggai::generate;
use zhenggai::i18n::Lang;
use zhenggai::stats::Stats;
use zhenggai::tui::action::Action;
use zhenggai::tui::app::App;

/// A dashboard at 120x40 on `reports` generated reports (seed 1), as of 2024-01-01.
pub fn app(reports: usize) -> App {
    let dataset = generate::dataset(reports, 1);
    let as_of = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let stats = Stats::compute(&dataset, as_of);
    let mut app = App::new(dataset, stats, Lang::Zh);
    app.update(Action::Resize(120, 40));
    app
}
