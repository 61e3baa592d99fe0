//! Copying to the terminal's clipboard with OSC 52, which works over SSH and in
//! tmux (with `set -g set-clipboard on`).

use std::io::{self, Write};

use base64::Engine;

/// Copies text to the terminal's clipboard. Control characters in the text are
/// copied escaped (`\u{1b}`), like everything else zhenggai shows: pasted into a
/// shell or another terminal, raw ones would act there.
pub fn copy(text: &str) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(&osc52(text))?;
    out.flush()
}

/// The OSC 52 sequence that sets the clipboard to `text`, sanitised.
fn osc52(text: &str) -> Vec<u8> {
    let clean = crate::sanitize::escape_keeping_lines(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    format!("\x1b]52;c;{encoded}\x07").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copied(text: &str) -> String {
        let sequence = String::from_utf8(osc52(text)).unwrap();
        let body = sequence
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn what_is_copied_carries_no_raw_escape() {
        assert_eq!(copied("整改 8\t849.56亩\n"), "整改 8\t849.56亩\n");
        assert_eq!(copied("a\x1b]52;c;eA==\x07b"), "a\\u{1b}]52;c;eA==\\u{7}b");
        assert_eq!(copied("\u{202e}txt"), "\\u{202e}txt");
    }
}
