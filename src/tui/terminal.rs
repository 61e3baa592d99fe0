//! Terminal set-up and restoration: raw mode and the alternate screen on the way
//! in; cooked mode, the main screen, a visible cursor and no mouse capture on the
//! way out, whether the dashboard ends normally, with an error, a panic or a signal.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crossterm::event::DisableMouseCapture;
use crossterm::execute;
use ratatui::DefaultTerminal;

/// The terminal in dashboard mode; dropping it restores the terminal.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: DefaultTerminal,
    /// Set by SIGTERM, SIGHUP or SIGINT.
    pub signalled: Arc<AtomicBool>,
    /// Which signal: its number, for the exit code 128 + n.
    pub signal: Arc<std::sync::atomic::AtomicUsize>,
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
        watchdog()?;
        // ratatui::init installs a panic hook that restores the terminal first.
        let terminal = ratatui::try_init()?;
        if mouse {
            execute!(io::stdout(), crossterm::event::EnableMouseCapture)?;
        }
        Ok(Self {
            terminal,
            signalled,
            signal: which,
        })
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
