//! Terminal set-up and restoration: raw mode and the alternate screen on the way
//! in; cooked mode, the main screen, a visible cursor and no mouse capture on the
//! way out, whether the dashboard ends normally, with an error, a panic or a signal;
//! and both, in turn, when the dashboard is suspended (Ctrl-Z, SIGTSTP) and continued.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// crossterm's backend, except that it never asks the terminal where its
/// cursor is. ratatui asks when it clears the screen (on a resize, a
/// language switch, the end of loading) and gives up after two seconds
/// without an answer; a full-screen dashboard places the cursor itself and
/// knows where it left it.
pub struct Screen {
    inner: CrosstermBackend<io::Stdout>,
    cursor: Position,
}

impl Backend for Screen {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The terminal in dashboard mode; dropping it restores the terminal.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: Terminal<Screen>,
    /// Set by SIGTERM, SIGHUP or SIGINT.
    pub signalled: Arc<AtomicBool>,
    /// Which signal: its number, for the exit code 128 + n.
    pub signal: Arc<std::sync::atomic::AtomicUsize>,
    /// Set by SIGTSTP (`kill -TSTP`; Ctrl-Z itself arrives as a key in raw mode).
    stop_asked: Arc<AtomicBool>,
    /// Set by SIGCONT: the terminal may have been used by others meanwhile.
    continued: Arc<AtomicBool>,
    /// Whether the dashboard captures the mouse.
    mouse: bool,
}

impl Session {
    /// Enters raw mode and the alternate screen; a panic hook restores the terminal
    /// before the panic message is printed, and signals set `signalled`.
    pub fn start(mouse: bool) -> io::Result<Self> {
        let signalled = Arc::new(AtomicBool::new(false));
        let which = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&signalled))?;
            signal_hook::flag::register_usize(signal, Arc::clone(&which), signal as usize)?;
        }
        let stop_asked = Arc::new(AtomicBool::new(false));
        let continued = Arc::new(AtomicBool::new(false));
        // Caught rather than left to stop the process, so that the terminal is
        // handed back first; see `suspend`.
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&stop_asked))?;
        signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&continued))?;
        watchdog()?;
        // ratatui::init installs a panic hook that restores the terminal
        // first, and enters raw mode and the alternate screen; the terminal
        // is then drawn through `Screen`.
        drop(ratatui::try_init()?);
        let terminal = Terminal::new(Screen {
            inner: CrosstermBackend::new(io::stdout()),
            cursor: Position::ORIGIN,
        })?;
        if mouse {
            execute!(io::stdout(), crossterm::event::EnableMouseCapture)?;
        }
        Ok(Self {
            terminal,
            signalled,
            signal: which,
            stop_asked,
            continued,
            mouse,
        })
    }

    /// Hands the terminal back to the shell and stops the process, as a
    /// program stopped by Ctrl-Z should; when continued (`fg`), takes the
    /// terminal again and has the next frame drawn whole.
    pub fn suspend(&mut self) -> io::Result<()> {
        self.terminal.show_cursor()?;
        restore();
        self.stop_asked.store(false, Ordering::Relaxed);
        // SIGSTOP cannot be caught: the process stops here until SIGCONT.
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        self.continued.store(false, Ordering::Relaxed);
        self.resume()
    }

    /// Suspends on a SIGTSTP received, and takes the terminal again after a
    /// SIGCONT (also after a SIGSTOP sent from elsewhere, which cannot be caught).
    pub fn handle_job_control(&mut self) -> io::Result<()> {
        if self.stop_asked.swap(false, Ordering::Relaxed) {
            self.suspend()?;
        }
        if self.continued.swap(false, Ordering::Relaxed) {
            self.resume()?;
        }
        Ok(())
    }

    /// Raw mode, the alternate screen and the mouse again, and a blank slate,
    /// so that the next frame is drawn whole over whatever the shell left.
    fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen)?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        self.terminal.clear()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// The run loop notices a signal within a poll interval and leaves cleanly. If it
/// cannot — when the terminal has gone away (SIGHUP), reading it may never return —
/// this thread restores what can be restored and ends the process, so that no
/// dashboard is left spinning without a terminal.
fn watchdog() -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            std::thread::sleep(std::time::Duration::from_millis(500));
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Puts the terminal back as the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = io::stdout().flush();
}
