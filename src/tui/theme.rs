//! Colours and text attributes. Nothing relies on colour alone: statuses carry
//! symbols and the selection is reversed, so the monochrome theme (NO_COLOR)
//! tells everything apart too.

use ratatui::style::{Color, Modifier, Style};

use super::glyphs::Glyphs;
use crate::model::Status;
use crate::stats::Bucket;

/// The styles of every element of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The header line.
    pub header: Style,
    /// The active tab.
    pub tab_active: Style,
    /// Inactive tabs.
    pub tab: Style,
    /// Panel borders.
    pub border: Style,
    /// Panel and table titles.
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// Secondary text: sources, notes, units.
    pub dim: Style,
    /// Closed problems.
    pub closed: Style,
    /// Open problems.
    pub open: Style,
    /// Long-term problems.
    pub long_term: Style,
    /// Overdue deadlines.
    pub overdue: Style,
    /// Deadlines within 30 days.
    pub due_soon: Style,
    /// A figure inside a text.
    pub figure: Style,
    /// The figure the quote is shown for.
    pub figure_selected: Style,
    /// Key names in the bottom bar.
    pub key: Style,
    /// Warnings and banners.
    pub warning: Style,
    /// Rows and text that match the search.
    pub search: Style,
    /// The symbols the frame is drawn with: Unicode, or ASCII (`--ascii`).
    pub glyphs: Glyphs,
}

impl Theme {
    /// The default theme for dark terminals.
    pub fn dark() -> Self {
        Self {
            header: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            tab_active: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            tab: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            closed: Style::new().fg(Color::Green),
            open: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            // xterm 111 (#87afff): the palette's light blue is too dark on black.
            long_term: Style::new().fg(Color::Indexed(111)),
            overdue: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            due_soon: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            figure: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            figure_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            search: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            glyphs: Glyphs::Unicode,
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warning: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// For light terminals and projectors: dark text, strong accents, no pale greys.
    pub fn light() -> Self {
        Self {
            header: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            tab_active: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            tab: Style::new().fg(Color::Black),
            border: Style::new().fg(Color::Blue),
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            // xterm 241 (#626262) and 28 (#008700): the palette's grey and
            // green are too pale on white (4.0:1 and 2.2:1).
            dim: Style::new().fg(Color::Indexed(241)),
            closed: Style::new()
                .fg(Color::Indexed(28))
                .add_modifier(Modifier::BOLD),
            open: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            long_term: Style::new().fg(Color::Magenta),
            overdue: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            due_soon: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            figure: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            figure_selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            search: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            glyphs: Glyphs::Unicode,
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            warning: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Maximum contrast: white, yellow and bright colours on black, everything bold.
    pub fn high_contrast() -> Self {
        let bold = Modifier::BOLD;
        Self {
            header: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(bold),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            tab: Style::new().fg(Color::White).add_modifier(bold),
            border: Style::new().fg(Color::White),
            title: Style::new().fg(Color::Yellow).add_modifier(bold),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            dim: Style::new().fg(Color::White),
            closed: Style::new().fg(Color::LightGreen).add_modifier(bold),
            open: Style::new()
                .fg(Color::LightRed)
                .add_modifier(bold | Modifier::UNDERLINED),
            long_term: Style::new().fg(Color::LightCyan).add_modifier(bold),
            overdue: Style::new()
                .fg(Color::LightRed)
                .add_modifier(bold | Modifier::UNDERLINED),
            due_soon: Style::new().fg(Color::Yellow).add_modifier(bold),
            figure: Style::new()
                .fg(Color::Yellow)
                .add_modifier(bold | Modifier::UNDERLINED),
            figure_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(bold),
            search: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            glyphs: Glyphs::Unicode,
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            warning: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(bold),
        }
    }

    /// The names `--theme` accepts.
    pub const NAMES: [&'static str; 4] = ["dark", "light", "high-contrast", "mono"];

    /// A theme by name: dark, light, high-contrast or mono.
    pub fn by_name(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "high-contrast" | "contrast" => Some(Self::high_contrast()),
            "mono" | "none" => Some(Self::mono()),
            _ => None,
        }
    }

    /// The theme for a command line: NO_COLOR or --no-color win over --theme,
    /// which wins over the terminal's background (`lightness`: its perceived
    /// lightness from 0, black, to 1, white, when the terminal said).
    pub fn choose(name: Option<&str>, no_color: bool, lightness: Option<f32>) -> Self {
        Self::for_terminal(name, no_color || no_color_env(), lightness)
    }

    /// [`Theme::choose`] once the environment is read: mono without colour,
    /// else the theme named, else light on a light background, else dark.
    pub fn for_terminal(name: Option<&str>, no_color: bool, lightness: Option<f32>) -> Self {
        if no_color {
            return Self::mono();
        }
        match name.and_then(Self::by_name) {
            Some(named) => named,
            None if lightness.is_some_and(|l| l > 0.5) => Self::light(),
            None => Self::dark(),
        }
    }

    /// Whether the theme depends on the terminal's background, so that it is
    /// worth asking: colours are on and no theme is named.
    pub fn needs_background(name: Option<&str>, no_color: bool) -> bool {
        !(no_color || no_color_env()) && name.is_none()
    }

    /// The same theme drawn with other symbols.
    pub fn with_glyphs(self, glyphs: Glyphs) -> Self {
        Self { glyphs, ..self }
    }

    /// No colour at all: bold, underline and reverse only (NO_COLOR, --no-color).
    pub fn mono() -> Self {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            header: Style::new().add_modifier(Modifier::REVERSED),
            tab_active: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            tab: plain,
            border: plain,
            title: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            dim: plain,
            closed: plain,
            open: bold,
            long_term: plain,
            overdue: bold,
            due_soon: Style::new().add_modifier(Modifier::UNDERLINED),
            figure: Style::new().add_modifier(Modifier::UNDERLINED),
            figure_selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            key: bold,
            warning: Style::new().add_modifier(Modifier::REVERSED),
            search: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            glyphs: Glyphs::Unicode,
        }
    }

    /// The theme the environment asks for: monochrome when NO_COLOR is set and not empty.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Self::mono(),
            _ => Self::dark(),
        }
    }

    /// The style of a problem status.
    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::Closed => self.closed,
            Status::Open => self.open,
            Status::LongTerm => self.long_term,
        }
    }

    /// The style of a deadline bucket.
    pub fn bucket(&self, bucket: Bucket) -> Style {
        match bucket {
            Bucket::Overdue => self.overdue,
            Bucket::DueSoon => self.due_soon,
            Bucket::Later | Bucket::NoDate => Style::new(),
        }
    }
}

/// Whether the environment asks for no colour: NO_COLOR set and not empty.
fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The symbol shown before a status, so that status never depends on colour.
pub fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Closed => "✓",
        Status::Open => "●",
        Status::LongTerm => "∞",
    }
}

/// The symbol shown before a deadline bucket.
pub fn bucket_symbol(bucket: Bucket) -> &'static str {
    match bucket {
        Bucket::Overdue => "!",
        Bucket::DueSoon => "*",
        Bucket::Later => "·",
        Bucket::NoDate => "-",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_light_background_picks_the_light_theme_unless_a_theme_is_named_or_colour_is_off() {
        let white = Some(0.98);
        let black = Some(0.05);
        assert_eq!(Theme::for_terminal(None, false, white), Theme::light());
        assert_eq!(Theme::for_terminal(None, false, black), Theme::dark());
        assert_eq!(Theme::for_terminal(None, false, None), Theme::dark());
        assert_eq!(
            Theme::for_terminal(Some("high-contrast"), false, white),
            Theme::high_contrast()
        );
        assert_eq!(
            Theme::for_terminal(Some("dark"), false, white),
            Theme::dark()
        );
        assert_eq!(Theme::for_terminal(None, true, white), Theme::mono());
        assert_eq!(
            Theme::for_terminal(Some("light"), true, black),
            Theme::mono()
        );
    }
}
