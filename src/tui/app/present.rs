//! Presentation mode: the slides a meeting goes through, round and round —
//! the totals over all units, each report, the Units tab, the Deadlines tab —
//! and how keys steer them.

use super::App;
use crate::tui::action::Tab;

/// One slide of the presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The rate, counts and lights over all units, in big glyphs.
    Totals,
    /// One report (index into the Overview's order), its counts in big glyphs.
    Report(usize),
    /// A tab as drawn.
    Tab(Tab),
}

impl App {
    /// The slides in their order.
    pub fn slides(&self) -> Vec<Slide> {
        let mut slides = vec![Slide::Totals];
        slides.extend((0..self.rows.overview.len()).map(Slide::Report));
        slides.extend([Slide::Tab(Tab::Units), Slide::Tab(Tab::Deadlines)]);
        slides
    }

    /// The slide on screen while presenting at the top of its tab; `None`
    /// when not presenting or drilled into a view.
    pub fn slide(&self) -> Option<Slide> {
        if self.present.is_none() || self.stack().len() > 1 {
            return None;
        }
        let slide = self.slides().get(self.slide).copied()?;
        match slide {
            Slide::Totals | Slide::Report(_) if self.tab == Tab::Overview => Some(slide),
            Slide::Tab(tab) if tab == self.tab => Some(slide),
            _ if self.tab == Tab::Overview => Some(Slide::Totals),
            _ => Some(Slide::Tab(self.tab)),
        }
    }

    /// Goes to the next slide (or the previous one), round and round.
    pub(super) fn present_step(&mut self, forward: bool) {
        let count = self.slides().len();
        self.slide = if forward {
            (self.slide + 1) % count
        } else {
            (self.slide + count - 1) % count
        };
        self.show_slide();
    }

    /// Shows the current slide: its tab at the top, its report selected.
    fn show_slide(&mut self) {
        let Some(slide) = self.slides().get(self.slide).copied() else {
            return;
        };
        match slide {
            Slide::Totals => self.tab = Tab::Overview,
            Slide::Report(r) => {
                self.tab = Tab::Overview;
                self.stacks[Tab::Overview.index()].truncate(1);
                self.move_to(r);
            }
            Slide::Tab(tab) => self.tab = tab,
        }
        self.stacks[self.tab.index()].truncate(1);
    }

    /// After a jump to a tab while presenting: the slide follows the tab
    /// (the Overview's is the totals), and the cycle pauses.
    pub(super) fn present_follow_tab(&mut self) {
        if self.present.is_none() {
            return;
        }
        let slides = self.slides();
        let wanted = match self.tab {
            Tab::Overview => Slide::Totals,
            tab => Slide::Tab(tab),
        };
        if let Some(i) = slides.iter().position(|s| *s == wanted) {
            self.slide = i;
        }
        self.present = Some(true);
    }
}
