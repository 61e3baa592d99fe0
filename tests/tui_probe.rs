//! What the dashboard asks the terminal at start-up, in a pseudo-terminal:
//! the width of an ambiguous character (ASCII mode when it is two cells) and
//! the background colour, neither of which may hold up a terminal that does
//! not answer.

mod common;

use std::time::{Duration, Instant};

use common::pty::*;
use unicode_width::UnicodeWidthChar;

/// A terminal that answers only where the cursor is (neither its attributes
/// nor its background colour) still shows the dashboard promptly: a question
/// waits a fraction of a second at most, and a terminal that left the first
/// unanswered is not asked the second.
#[test]
fn a_terminal_that_answers_nothing_still_starts_promptly() {
    let start = Instant::now();
    let mut d = Dashboard::start("en_US.UTF-8", &[], &[]);
    d.answers = vec![(b"\x1b[6n", b"\x1b[1;2R".to_vec())];
    d.wait_for("the Overview", |s| s.contains("as of 2022-01-15 ─"));
    // Generous for a busy machine; a hang would be caught by the deadline of
    // `wait_for`, and a start that waited for both questions in turn by this.
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "took {:?}",
        start.elapsed()
    );
    assert!(d.screen().contains('┌'), "{}", d.screen());
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// A terminal that moves the cursor two cells for "·" (xterm -cjk_width)
/// gets ASCII borders and symbols; one that moves it one cell keeps Unicode.
#[test]
fn a_terminal_that_draws_ambiguous_characters_wide_gets_ascii() {
    for (reply, ascii) in [
        (&b"\x1b[1;3R\x1b[?62;22c"[..], true),
        (&b"\x1b[1;2R\x1b[?62;22c"[..], false),
    ] {
        let mut d = Dashboard::start("zh_CN.UTF-8", &[], &[]);
        d.answers = vec![(b"\x1b[6n", reply.to_vec())];
        d.wait_for("the Overview", |s| s.contains("完成率"));
        let screen = d.screen();
        assert_eq!(screen.contains("+ 完成率"), ascii, "{screen}");
        assert_eq!(screen.contains('┌'), !ascii, "{screen}");
        d.press("q");
        assert!(d.wait_for_exit().success());
    }
}

/// A locale that is not UTF-8 draws ASCII borders without asking, and
/// `--ascii` does so anywhere.
#[test]
fn a_locale_not_in_utf8_or_the_flag_draws_ascii() {
    for (lang, args) in [("C", &[][..]), ("en_US.UTF-8", &["--ascii"][..])] {
        let mut d = Dashboard::start(lang, args, &[]);
        d.wait_for("the Overview", |s| s.contains("as of 2022-01-15 -"));
        let screen = d.screen();
        assert!(screen.contains("+ rate"), "{lang} {args:?}: {screen}");
        // ASCII, or the Chinese of the data, which is wide everywhere.
        let ambiguous = screen
            .chars()
            .find(|c| !c.is_ascii() && c.width() != Some(2));
        assert_eq!(ambiguous, None, "{lang} {args:?}: {screen}");
        d.press("q");
        assert!(d.wait_for_exit().success());
    }
}

/// A terminal that says its background is white gets the light theme (white
/// on blue header); one that says black, or a named theme, the one named.
#[test]
fn a_light_background_gets_the_light_theme_unless_a_theme_is_named() {
    for (background, args, blue) in [
        ("ffff/ffff/ffff", &[][..], true),
        ("0000/0000/0000", &[][..], false),
        ("ffff/ffff/ffff", &["--theme", "dark"][..], false),
    ] {
        let mut d = Dashboard::start("en_US.UTF-8", args, &[]);
        let osc11 = format!("\x1b]11;rgb:{background}\x1b\\").into_bytes();
        d.answers = vec![
            (b"\x1b[6n", b"\x1b[1;2R".to_vec()),
            (b"\x1b]11;?", osc11),
            (b"\x1b[c", b"\x1b[?62;22c".to_vec()),
        ];
        d.wait_for("the Overview", |s| s.contains("as of 2022-01-15 ─"));
        let header = d.parser.screen().cell(0, 1).map(|c| c.bgcolor());
        assert_eq!(
            header == Some(vt100::Color::Idx(4)),
            blue,
            "{background} {args:?}: {header:?}"
        );
        d.press("q");
        assert!(d.wait_for_exit().success());
    }
}
