//! Questions put to the terminal before the dashboard takes the screen: does
//! it draw an East Asian ambiguous-width character two cells wide, and how
//! light is its background. Every question ends with a request for the
//! terminal's attributes (DA1), which every terminal answers, so an answer
//! that is not coming is known at once; a terminal that answers nothing at
//! all costs [`TIMEOUT`] once and is then taken to have said nothing.
//!
//! Both run before crossterm reads the terminal, on the terminal device
//! itself, in its own raw mode that is restored before the dashboard starts.

use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};

/// How long a terminal may take to answer one question (over SSH included).
pub const TIMEOUT: Duration = Duration::from_millis(300);

/// What the terminal said before the dashboard started.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Answers {
    /// How many cells one ambiguous-width character ("·") moved the cursor.
    pub advance: Option<u16>,
    /// The background's perceived lightness, 0 (black) to 1 (white).
    pub lightness: Option<f32>,
}

/// Asks what is worth asking: the width of an ambiguous character unless
/// ASCII is already decided, the background unless the theme is. A terminal
/// that does not answer the first is not asked the second.
pub fn ask(width: bool, background: bool) -> Answers {
    let mut answers = Answers::default();
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return answers;
    }
    if width {
        match advance() {
            Ok((cells, true)) => answers.advance = cells,
            // The terminal did not answer in full: asking more would only wait again.
            Ok((cells, false)) => {
                answers.advance = cells;
                return answers;
            }
            Err(_) => return answers,
        }
    }
    if background {
        let mut options = terminal_colorsaurus::QueryOptions::default();
        options.timeout = TIMEOUT;
        answers.lightness = terminal_colorsaurus::background_color(options)
            .ok()
            .map(|c| c.perceived_lightness());
    }
    answers
}

/// Prints "·" at the start of the line, asks where the cursor went, and wipes
/// the line again. Gives how far the cursor moved, when the terminal said,
/// and whether it answered everything in time.
fn advance() -> io::Result<(Option<u16>, bool)> {
    let mut terminal = terminal_trx::terminal()?;
    let mut lock = terminal.lock();
    let mut raw = lock.enable_raw_mode()?;
    raw.write_all("\r·\x1b[6n\x1b[c".as_bytes())?;
    raw.flush()?;
    let (reply, complete) = read_until_attributes(&mut raw, Instant::now() + TIMEOUT)?;
    raw.write_all(b"\r\x1b[K")?;
    raw.flush()?;
    let cells = cursor_column(&reply).map(|column| column.saturating_sub(1));
    Ok((cells, complete))
}

/// Reads the terminal's replies up to and with its attributes (`ESC [ ? … c`),
/// or until the deadline; says which of the two ended it.
fn read_until_attributes<T: Read + AsRawFd>(
    tty: &mut T,
    deadline: Instant,
) -> io::Result<(Vec<u8>, bool)> {
    let mut reply = Vec::new();
    let mut chunk = [0; 256];
    while !attributes_end(&reply) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || !readable(tty, left)? {
            return Ok((reply, false));
        }
        let n = tty.read(&mut chunk)?;
        if n == 0 {
            return Ok((reply, false));
        }
        reply.extend_from_slice(&chunk[..n]);
    }
    Ok((reply, true))
}

/// Waits until the terminal has something to read, or the time is up.
fn readable(tty: &impl AsRawFd, timeout: Duration) -> io::Result<bool> {
    // A new registration each time: mio's readiness is edge-triggered.
    let mut poll = Poll::new()?;
    let fd = tty.as_raw_fd();
    poll.registry()
        .register(&mut SourceFd(&fd), Token(0), Interest::READABLE)?;
    let mut events = Events::with_capacity(4);
    poll.poll(&mut events, Some(timeout))?;
    Ok(!events.is_empty())
}

/// Whether the replies end with the terminal's attributes (`ESC [ ? … c`).
fn attributes_end(reply: &[u8]) -> bool {
    let Some(start) = reply.windows(3).rposition(|w| w == b"\x1b[?") else {
        return false;
    };
    reply[start + 3..].contains(&b'c')
}

/// The column (from 1) of a cursor position report (`ESC [ row ; column R`).
pub fn cursor_column(reply: &[u8]) -> Option<u16> {
    let text = std::str::from_utf8(reply).ok()?;
    text.split('\x1b').find_map(|part| {
        let body = part.strip_prefix('[')?;
        let (row, column) = body[..body.find('R')?].split_once(';')?;
        row.parse::<u16>().ok()?;
        column.parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_is_read_from_a_cursor_report_before_the_attributes() {
        assert_eq!(cursor_column(b"\x1b[12;2R\x1b[?64;1;2c"), Some(2));
        assert_eq!(cursor_column(b"\x1b[1;3R"), Some(3));
        assert_eq!(cursor_column(b"\x1b[?62;c"), None);
        assert_eq!(cursor_column(b"\x1b[1;xR"), None);
    }

    #[test]
    fn the_replies_end_with_the_attributes() {
        assert!(attributes_end(b"\x1b[3;2R\x1b[?64;1;2c"));
        assert!(!attributes_end(b"\x1b[3;2R\x1b[?64;1"));
        assert!(!attributes_end(b"\x1b[3;2R"));
    }
}
