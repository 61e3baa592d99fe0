//! Every colour pair of every theme is readable: WCAG AA, 4.5:1 for text and
//! 3:1 for borders, on the terminal the theme is made for (the xterm palette
//! the SVG screenshots use, on a dark or a white page).

use ratatui::style::{Color, Modifier, Style};
use zhenggai::snapshot::svg::{Page, Rgb, resolve};
use zhenggai::tui::theme::Theme;

/// Every style of a theme, named.
fn styles(t: &Theme) -> Vec<(&'static str, Style)> {
    vec![
        ("header", t.header),
        ("tab_active", t.tab_active),
        ("tab", t.tab),
        ("border", t.border),
        ("title", t.title),
        ("selected", t.selected),
        ("dim", t.dim),
        ("closed", t.closed),
        ("open", t.open),
        ("long_term", t.long_term),
        ("overdue", t.overdue),
        ("due_soon", t.due_soon),
        ("figure", t.figure),
        ("figure_selected", t.figure_selected),
        ("key", t.key),
        ("warning", t.warning),
        ("search", t.search),
    ]
}

/// The foreground and background a style shows on a page, reverse applied.
fn colours(style: Style, page: Page) -> (Rgb, Rgb) {
    let fg = resolve(style.fg.unwrap_or(Color::Reset), page.foreground);
    let bg = resolve(style.bg.unwrap_or(Color::Reset), page.background);
    if style.add_modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

#[test]
fn every_theme_reaches_wcag_aa_on_its_page() {
    let mut failures = Vec::new();
    for name in ["dark", "light", "high-contrast", "mono"] {
        let theme = Theme::by_name(name).expect("a theme");
        let pages: &[Page] = if name == "mono" {
            // No colours: it must read on either kind of terminal.
            &[Page::DARK, Page::LIGHT]
        } else {
            &[Page::for_theme(Some(name))]
        };
        for page in pages {
            for (element, style) in styles(&theme) {
                let (fg, bg) = colours(style, *page);
                let needed = if element == "border" { 3.0 } else { 4.5 };
                let ratio = fg.contrast(bg);
                if ratio < needed {
                    failures.push(format!(
                        "{name} {element}: {fg} on {bg} is {ratio:.2}:1, needs {needed}:1"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_contrast_ratio_is_the_wcag_one() {
    let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
    assert!((black.contrast(white) - 21.0).abs() < 1e-9);
    assert!((white.contrast(white) - 1.0).abs() < 1e-9);
    // #777777 on white is the textbook 4.48:1, just short of AA.
    let grey = Rgb(0x77, 0x77, 0x77);
    assert!((grey.contrast(white) - 4.48).abs() < 0.01);
}
