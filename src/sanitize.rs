//! Text that reaches a terminal: data comes from other offices, web pages and
//! spreadsheets, so control characters are shown escaped and bidi controls
//! neutralised before anything of it is printed or drawn.
//!
//! The rule is enforced by construction: standard output and standard error
//! are only reached through [`stdout`] and [`stderr`], which escape every
//! hazard that passes through them (a test greps the sources for any other
//! way out), and every frame of the dashboard is cleaned by [`buffer`].

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// True for a character that must never reach a terminal as it is: C0 and C1
/// controls and DEL (ESC starts every escape sequence, and C1 has one-byte
/// forms of CSI and OSC), the bidi controls that reorder what is shown (U+202E
/// makes "exe.txt" read "txt.exe"), and the line and paragraph separators.
pub fn is_hazard(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The Unicode bidi formatting characters: marks, embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `s` holds a hazard other than a newline or a tab, found from the
/// bytes without decoding characters: the walk over every text of a large
/// dataset as it loads spends most of its time here. Every
/// hazard's UTF-8 form starts with a byte below 0x20, 0x7F, C2 (C1), D8
/// (U+061C) or E2 (the bidi controls and separators).
fn holds_hazard(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &byte)| match byte {
        b'\n' | b'\t' => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xd8 => b.get(i + 1) == Some(&0x9c),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8e | 0x8f | 0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

/// One value of data for a line of output: every hazard, newlines and tabs
/// included, written as `\u{1b}`, so a value can neither forge a line nor
/// steer the terminal.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_where(s, is_hazard)
}

/// A block of text: like [`escape`], but newlines and tabs stay as they are.
pub fn escape_keeping_lines(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| is_hazard(c) && !matches!(c, '\n' | '\t'))
}

fn escape_where(s: &str, hazard: impl Fn(char) -> bool) -> Cow<'_, str> {
    replace_where(s, hazard, |out, c| {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    })
}

/// `s` with each character that `hazard` picks written by `write` instead;
/// borrowed when there is none.
fn replace_where(
    s: &str,
    hazard: impl Fn(char) -> bool,
    write: impl Fn(&mut String, char),
) -> Cow<'_, str> {
    if !s.chars().any(&hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hazard(c) {
            write(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Serialised JSON with the hazards that serde_json leaves raw (it escapes C0
/// only) written as `\uXXXX`. Outside strings JSON holds none of them, so the
/// document stays valid and means the same.
pub fn json(s: &str) -> Cow<'_, str> {
    // C0 is either escaped in strings already or the document's own whitespace.
    let hazard = |c: char| (is_hazard(c) && !c.is_ascii_control()) || c == '\x7f';
    replace_where(s, hazard, |out, c| {
        let _ = write!(out, "\\u{:04x}", u32::from(c));
    })
}

/// Text for the dashboard: every hazard shown as a visible stand-in of one
/// character, so that positions counted in characters stay where they were:
/// C0 controls as their control pictures (ESC as ␛), DEL as ␡, C1, bidi
/// controls and separators as �. Newlines and tabs stay; the views lay them out.
pub fn show(s: &mut String) {
    if !holds_hazard(s) {
        return;
    }
    let hazard = |c: char| is_hazard(c) && !matches!(c, '\n' | '\t');
    if let Cow::Owned(shown) = replace_where(s, hazard, |out, c| out.push(stand_in(c))) {
        *s = shown;
    }
}

/// The one character the dashboard shows for a hazard.
fn stand_in(c: char) -> char {
    match c {
        '\0'..='\x1f' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// Every text of the reports as the dashboard shows it (see [`show`]). The
/// loading threads call this, so that the screen never waits for it.
pub fn show_reports(reports: &mut [crate::model::Report]) {
    for report in reports {
        report.each_text_mut(&mut show);
    }
}

/// Removes every hazard from each cell of a drawn frame. ratatui already drops
/// C0 and C1 controls from the strings it lays out; bidi controls and the
/// separators pass it, and are zero-width, so removing them keeps the layout.
pub fn buffer(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(is_hazard) {
            let clean: String = cell.symbol().chars().filter(|c| !is_hazard(*c)).collect();
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

/// Standard output, with every hazard escaped as it is written.
pub fn stdout() -> Escaping<io::StdoutLock<'static>> {
    Escaping::new(io::stdout().lock())
}

/// Standard error, with every hazard escaped as it is written.
pub fn stderr() -> Escaping<io::StderrLock<'static>> {
    Escaping::new(io::stderr().lock())
}

/// Standard output for a frame written with SGR sequences (`snapshot --format
/// ansi`): `ESC [ digits and ; m` passes, since it can only change colours and
/// attributes; every other hazard is escaped as by [`stdout`].
pub fn stdout_with_colours() -> Escaping<io::StdoutLock<'static>> {
    Escaping::with_mode(io::stdout().lock(), Mode::Colours)
}

/// Standard error, letting SGR sequences through as [`stdout_with_colours`] does.
pub fn stderr_with_colours() -> Escaping<io::StderrLock<'static>> {
    Escaping::with_mode(io::stderr().lock(), Mode::Colours)
}

/// How an [`Escaping`] writer writes a hazard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// As `\u{1b}`, for people.
    Text,
    /// As `\u{1b}`, except SGR sequences, which pass.
    Colours,
    /// As `\u001b`, for serialised JSON, whose strings are the only place
    /// such a character can be; serde_json escapes C0 itself, not the rest.
    Json,
}

/// A writer that escapes hazards on their way through; newlines and tabs, the
/// program's own layout, pass. A character split across two writes is held
/// until it is whole.
pub struct Escaping<W: Write> {
    inner: W,
    /// The first bytes of a character whose rest is still to come.
    pending: Vec<u8>,
    mode: Mode,
}

impl<W: Write> Escaping<W> {
    /// Wraps a writer, escaping for people.
    pub fn new(inner: W) -> Self {
        Self::with_mode(inner, Mode::Text)
    }

    /// Wraps a writer, escaping as `mode` says.
    pub fn with_mode(inner: W, mode: Mode) -> Self {
        Self {
            inner,
            pending: Vec::new(),
            mode,
        }
    }

    fn write_clean(&mut self, text: &str) -> io::Result<()> {
        let mut rest = text;
        while let Some(at) = rest.find(|c: char| is_hazard(c) && !matches!(c, '\n' | '\t')) {
            self.inner.write_all(&rest.as_bytes()[..at])?;
            let tail = &rest[at..];
            if self.mode == Mode::Colours
                && let Some(len) = sgr_len(tail)
            {
                self.inner.write_all(&tail.as_bytes()[..len])?;
                rest = &tail[len..];
                continue;
            }
            let c = tail.chars().next().unwrap_or('\u{fffd}');
            match self.mode {
                Mode::Json => write!(self.inner, "\\u{:04x}", u32::from(c))?,
                Mode::Text | Mode::Colours => write!(self.inner, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &tail[c.len_utf8()..];
        }
        self.inner.write_all(rest.as_bytes())
    }
}

/// The length of an SGR sequence (`ESC [ 0;1;31 m`) at the start of `s`.
fn sgr_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\x1b[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (body.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut rest = &bytes[..];
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.write_clean(text)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Proven valid by from_utf8 just above.
                    self.write_clean(std::str::from_utf8(good).unwrap_or_default())?;
                    match e.error_len() {
                        // An incomplete character at the end: wait for its rest.
                        None => {
                            self.pending = bad.to_vec();
                            break;
                        }
                        // Not UTF-8 at all: shown as the bytes it is.
                        Some(len) => {
                            for b in &bad[..len] {
                                write!(self.inner, "\\x{{{b:02x}}}")?;
                            }
                            rest = &bad[len..];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Escaping<W> {
    /// An incomplete character left at the end is shown as its bytes.
    fn drop(&mut self) {
        for b in std::mem::take(&mut self.pending) {
            let _ = write!(self.inner, "\\x{{{b:02x}}}");
        }
        let _ = self.inner.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_writer(chunks: &[&[u8]], mode: Mode) -> String {
        let mut w = Escaping::with_mode(Vec::new(), mode);
        for chunk in chunks {
            w.write_all(chunk).unwrap();
        }
        let pending = std::mem::take(&mut w.pending);
        let mut out = std::mem::take(&mut w.inner);
        for b in pending {
            out.extend(format!("\\x{{{b:02x}}}").bytes());
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hazards_table() {
        for c in [
            '\x1b', '\x07', '\0', '\r', '\n', '\t', '\x7f', '\u{85}', '\u{9b}', '\u{9d}',
        ] {
            assert!(is_hazard(c), "{c:?}");
        }
        for c in [
            '\u{202e}', '\u{202a}', '\u{2066}', '\u{2069}', '\u{200f}', '\u{61c}',
        ] {
            assert!(is_hazard(c), "{c:?}");
        }
        assert!(is_hazard('\u{2028}') && is_hazard('\u{2029}'));
        for c in [
            'a', '整', '，', '“', '\u{a0}', '\u{200b}', '亩', '²', '●', '✓',
        ] {
            assert!(!is_hazard(c), "{c:?}");
        }
    }

    /// The byte scan agrees with `is_hazard` on every character that has a
    /// hazard's lead byte, and on text around them.
    #[test]
    fn the_byte_scan_finds_exactly_the_hazards() {
        for c in (0..=0x2fff_u32).filter_map(char::from_u32) {
            let text = format!("整“{c}”改");
            let hazard = is_hazard(c) && !matches!(c, '\n' | '\t');
            assert_eq!(holds_hazard(&text), hazard, "{c:?}");
        }
        assert!(!holds_hazard(""));
    }

    #[test]
    fn escape_shows_every_control_visibly() {
        assert_eq!(escape("整改"), "整改");
        assert!(matches!(escape("整改"), Cow::Borrowed(_)));
        assert_eq!(escape("a\x1b]0;pwned\x07b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(escape("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(escape("line\nforged\r"), "line\\u{a}forged\\u{d}");
        assert_eq!(escape("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(escape("\x7f"), "\\u{7f}");
    }

    #[test]
    fn escape_keeping_lines_keeps_newlines_and_tabs_only() {
        assert_eq!(escape_keeping_lines("a\n\tb\r\x1b"), "a\n\tb\\u{d}\\u{1b}");
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw_and_stays_json() {
        let raw = serde_json::to_string("a\u{85}b\u{7f}\u{202e}\u{2028}\x1b").unwrap();
        let safe = json(&raw);
        assert_eq!(safe, r#""a\u0085b\u007f\u202e\u2028\u001b""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{85}b\u{7f}\u{202e}\u{2028}\x1b");
        let pretty = serde_json::to_string_pretty(&serde_json::json!({"a": ["\u{9b}"]})).unwrap();
        assert_eq!(json(&pretty), "{\n  \"a\": [\n    \"\\u009b\"\n  ]\n}");
    }

    #[test]
    fn the_writer_escapes_osc_and_csi_but_keeps_lines() {
        let out = through_writer(&[b"title \x1b]52;c;aGk=\x07 ok\n\tnext\r\n"], Mode::Text);
        assert_eq!(out, "title \\u{1b}]52;c;aGk=\\u{7} ok\n\tnext\\u{d}\n");
    }

    #[test]
    fn the_writer_joins_characters_split_across_writes() {
        // U+0085 (C2 85) and 整 (E6 95 B4) split at every byte.
        let out = through_writer(&[b"a\xc2", b"\x85\xe6", b"\x95", b"\xb4z"], Mode::Text);
        assert_eq!(out, "a\\u{85}整z");
    }

    #[test]
    fn the_writer_shows_bytes_that_are_not_utf8() {
        assert_eq!(through_writer(&[b"a\xffb"], Mode::Text), "a\\x{ff}b");
        assert_eq!(
            through_writer(&[b"a\xe6\x95"], Mode::Text),
            "a\\x{e6}\\x{95}"
        );
    }

    #[test]
    fn sgr_sequences_are_measured_exactly() {
        assert_eq!(sgr_len("\x1b[0;1;31mred"), Some(9));
        assert_eq!(sgr_len("\x1b[m"), Some(3));
        assert_eq!(sgr_len("\x1b[2J"), None);
        assert_eq!(sgr_len("\x1b]0;t\x07"), None);
        // An SGR right before another sequence lets only itself through.
        let out = through_writer(&[b"\x1b[0;1m\x1b]0;x\x07"], Mode::Colours);
        assert_eq!(out, "\x1b[0;1m\\u{1b}]0;x\\u{7}");
    }

    /// A writer that records what reaches it and whether it was flushed.
    #[derive(Default)]
    struct Recorder {
        bytes: std::rc::Rc<std::cell::RefCell<(Vec<u8>, usize)>>,
    }

    impl Write for Recorder {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.bytes.borrow_mut().0.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            self.bytes.borrow_mut().1 += 1;
            Ok(())
        }
    }

    #[test]
    fn flushing_reaches_the_writer_inside_and_dropping_shows_a_cut_character() {
        let recorder = Recorder::default();
        let seen = std::rc::Rc::clone(&recorder.bytes);
        let mut w = Escaping::new(recorder);
        w.write_all(b"ok\xe6\x95").unwrap();
        w.flush().unwrap();
        assert_eq!(seen.borrow().1, 1);
        assert_eq!(seen.borrow().0, b"ok");
        drop(w);
        assert_eq!(
            String::from_utf8(seen.borrow().0.clone()).unwrap(),
            "ok\\x{e6}\\x{95}"
        );
        assert_eq!(seen.borrow().1, 2);
    }

    #[test]
    fn json_mode_keeps_the_document_valid() {
        let raw = serde_json::to_vec(&"t\u{9d}\u{202e}").unwrap();
        let out = through_writer(&[&raw], Mode::Json);
        assert_eq!(out, r#""t\u009d\u202e""#);
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "t\u{9d}\u{202e}");
    }

    #[test]
    fn with_colours_only_sgr_passes() {
        let out = through_writer(
            &[b"\x1b[0;1;31mred\x1b[0m \x1b]0;t\x07 \x1b[2J"],
            Mode::Colours,
        );
        assert_eq!(out, "\x1b[0;1;31mred\x1b[0m \\u{1b}]0;t\\u{7} \\u{1b}[2J");
        let plain = through_writer(&[b"\x1b[31m"], Mode::Text);
        assert_eq!(plain, "\\u{1b}[31m");
    }

    #[test]
    fn the_dashboard_shows_a_stand_in_of_one_character_for_each_hazard() {
        let mut s = "a\x1b]0;t\x07\u{9b}\u{202e}\x7f\n\tb整".to_owned();
        show(&mut s);
        assert_eq!(s, "a␛]0;t␇\u{fffd}\u{fffd}␡\n\tb整");
        let mut clean = "整改\n849.56亩".to_owned();
        show(&mut clean);
        assert_eq!(clean, "整改\n849.56亩");
    }

    #[test]
    fn every_text_of_a_report_is_shown_clean() {
        let mut reports = crate::load::bundled().unwrap().dataset.reports;
        let before = reports.clone();
        let mut texts = 0;
        reports[0].each_text_mut(&mut |s| {
            texts += 1;
            s.push('\x1b');
        });
        assert!(texts > 200, "{texts} texts visited");
        show_reports(&mut reports);
        let mut escs = 0;
        reports[0].each_text_mut(&mut |s| {
            assert!(
                !s.chars().any(|c| is_hazard(c) && c != '\n' && c != '\t'),
                "{s:?}"
            );
            escs += usize::from(s.ends_with('␛'));
        });
        assert_eq!(escs, texts);
        assert_eq!(reports[1], before[1]);
    }

    #[test]
    fn a_frame_loses_its_bidi_controls_and_keeps_its_layout() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let mut frame = Buffer::empty(Rect::new(0, 0, 6, 1));
        frame.content[0].set_symbol("\u{202e}");
        frame.content[1].set_symbol("a\u{2066}");
        frame.content[2].set_symbol("整");
        buffer(&mut frame);
        assert_eq!(frame.content[0].symbol(), " ");
        assert_eq!(frame.content[1].symbol(), "a");
        assert_eq!(frame.content[2].symbol(), "整");
    }
}
