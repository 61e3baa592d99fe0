//! The key strings of `snapshot --keys`: plain characters are keys, `<Name>` a named key.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key string that cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// `<Name>` names no key.
    #[error(
        "unknown key name '<{}>' in --keys (known: <Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left> <Right> <PgDn> <PgUp> <Home> <End> <BS> <Space> <lt> <C-x>)",
        crate::sanitize::escape(.0)
    )]
    Unknown(String),
    /// A `<` with no `>` after it.
    #[error("unclosed '<' in --keys '{}' (write <lt> for the key <)", crate::sanitize::escape(.0))]
    Unclosed(String),
}

/// The key presses a key string stands for, in order.
pub fn parse(keys: &str) -> Result<Vec<KeyEvent>, KeyError> {
    let mut events = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest
                .find('>')
                .ok_or_else(|| KeyError::Unclosed(keys.to_owned()))?;
            let name = &rest[1..end];
            events.push(named(name).ok_or_else(|| KeyError::Unknown(name.to_owned()))?);
            rest = &rest[end + 1..];
        } else {
            events.push(char_key(c));
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(events)
}

/// A typed character, as a terminal reports it: upper case comes with Shift.
fn char_key(c: char) -> KeyEvent {
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), mods)
}

/// A named key; names are case-insensitive, as in Vim.
fn named(name: &str) -> Option<KeyEvent> {
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "enter" | "cr" | "return" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "s-tab" => return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "pgup" | "pageup" => KeyCode::PageUp,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "bs" | "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        _ => {
            // <C-x>: one character with Control.
            let c = lower.strip_prefix("c-")?;
            let mut chars = c.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            return Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        }
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(keys: &str) -> Vec<(KeyCode, KeyModifiers)> {
        parse(keys)
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.code, e.modifiers))
            .collect()
    }

    #[test]
    fn plain_characters_are_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            codes("jjG"),
            [
                (KeyCode::Char('j'), none),
                (KeyCode::Char('j'), none),
                (KeyCode::Char('G'), KeyModifiers::SHIFT)
            ]
        );
    }

    #[test]
    fn named_keys_in_any_case() {
        let none = KeyModifiers::NONE;
        let table = [
            ("<Enter>", KeyCode::Enter, none),
            ("<esc>", KeyCode::Esc, none),
            ("<Tab>", KeyCode::Tab, none),
            ("<S-Tab>", KeyCode::BackTab, KeyModifiers::SHIFT),
            ("<Up>", KeyCode::Up, none),
            ("<Down>", KeyCode::Down, none),
            ("<PgDn>", KeyCode::PageDown, none),
            ("<PgUp>", KeyCode::PageUp, none),
            ("<Home>", KeyCode::Home, none),
            ("<End>", KeyCode::End, none),
            ("<BS>", KeyCode::Backspace, none),
            ("<C-d>", KeyCode::Char('d'), KeyModifiers::CONTROL),
            ("<C-u>", KeyCode::Char('u'), KeyModifiers::CONTROL),
            ("<Space>", KeyCode::Char(' '), none),
            ("<lt>", KeyCode::Char('<'), none),
        ];
        for (text, code, mods) in table {
            assert_eq!(codes(text), [(code, mods)], "{text}");
        }
    }

    #[test]
    fn named_and_plain_keys_mix() {
        assert_eq!(codes("j<Enter>中").len(), 3);
    }

    #[test]
    fn unknown_names_and_unclosed_brackets_are_errors() {
        assert_eq!(parse("<Foo>"), Err(KeyError::Unknown("Foo".into())));
        assert_eq!(parse("<C-ab>"), Err(KeyError::Unknown("C-ab".into())));
        assert_eq!(parse("j<Enter"), Err(KeyError::Unclosed("j<Enter".into())));
    }
}
