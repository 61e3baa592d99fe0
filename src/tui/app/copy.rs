//! What `y` copies from the view on screen.

use super::{App, View};
use crate::stats::ItemPath;
use crate::tui::rows::MoneyRow;

impl App {
    /// What `y` copies: the selected figure with its source clause, or the selected
    /// row's title and text.
    pub fn copy_text(&self) -> Option<String> {
        let level = self.level();
        let at = level.selected;
        let figure_text = |f: &crate::model::Figure| format!("{} {}：{}", f.label, f.text, f.quote);
        match level.view {
            View::Item(path) => {
                let item = path.resolve(&self.data)?;
                match item.figures.get(at) {
                    Some(f) => Some(figure_text(f)),
                    None => Some(item.text.clone()),
                }
            }
            View::Amounts => match self.rows.money.get(at)? {
                MoneyRow::Achieved(f) | MoneyRow::Listed(f) | MoneyRow::NotSummed(f) => {
                    f.resolve(&self.data).map(figure_text)
                }
                MoneyRow::Unstated(u) => u
                    .item
                    .resolve(&self.data)?
                    .unstated
                    .get(u.index)
                    .map(|x| x.quote.clone()),
            },
            View::Land => self.rows.land.get(at)?.resolve(&self.data).map(figure_text),
            View::Deadlines => {
                let d = self.stats.deadlines.get(*self.rows.deadlines.get(at)?)?;
                match d.item {
                    Some(path) => path.resolve(&self.data).map(|m| m.text.clone()),
                    None => {
                        let problem = self.data.problem(d.report, d.problem)?;
                        let deadline = problem.deadline.as_ref()?;
                        Some(format!(
                            "{}: {}",
                            problem.title.as_deref().unwrap_or_default(),
                            deadline.text
                        ))
                    }
                }
            }
            View::Overview => self
                .data
                .reports
                .get(*self.rows.overview.get(at)?)
                .map(|r| r.title.clone()),
            View::Units => {
                let unit = self.rows.board.units.get(at)?;
                self.data.reports.get(unit.report).map(|r| r.title.clone())
            }
            View::Owners => self.rows.owners.get(at).map(|o| o.name.clone()),
            View::General(r) => ItemPath::general(r, at)
                .resolve(&self.data)
                .map(|m| m.text.clone()),
            View::Problems | View::Report(_) | View::Owner(_) => {
                let (r, p) = match level.view {
                    View::Owner(o) => self.rows.owner_problems(&self.data, o).nth(at)?,
                    View::Report(r) => match self.report_row(r, at)? {
                        Some(p) => (r, p),
                        None => {
                            let report = self.data.reports.get(r)?;
                            let texts: Vec<&str> =
                                report.general.iter().map(|m| m.text.as_str()).collect();
                            return Some(texts.join("\n"));
                        }
                    },
                    _ => *self.rows.problems.get(at)?,
                };
                let problem = self.data.problem(r, p)?;
                let figures: Vec<String> = problem
                    .measures
                    .iter()
                    .chain(&problem.ongoing)
                    .flat_map(|m| &m.figures)
                    .map(|f| format!("{} {}", f.label, f.text))
                    .collect();
                Some(format!(
                    "{} {}\n{}",
                    problem.number.as_deref().unwrap_or("—"),
                    problem.display_title(),
                    figures.join("\n")
                ))
            }
            View::Problem(r, p) => self
                .item_path(r, p, at)?
                .resolve(&self.data)
                .map(|m| m.text.clone()),
        }
    }
}
