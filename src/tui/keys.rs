//! The key table: which keys do what, where. It drives both the handling and
//! the hints in the bottom bar, so the two can never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Tab};
use crate::i18n::Msg;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, also while typing a search or in help (Ctrl-C).
    Anywhere,
    /// Everywhere in the normal view.
    Always,
    /// Views below the top of a tab (Esc goes back).
    Drilled,
    /// Views whose rows open a deeper level: all but an item, the deepest.
    Opens,
    /// The Amounts and Land tabs (the unit toggle).
    Units,
    /// The Owners tab (leaders or lead departments).
    Owners,
    /// Presentation mode, at the top of a slide.
    Present,
    /// The top level of a tab (Esc clears filters and search).
    Top,
    /// While a search has a query (n / N).
    Searched,
    /// When the dashboard compares with an older version (`--since`).
    Since,
    /// While typing in the search bar.
    Search,
    /// While the help overlay is open and its filter is not being typed.
    Help,
    /// While typing the help overlay's filter (after `/`).
    HelpFilter,
}

/// One key binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys, with their modifiers.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in hints and help ("j ↓").
    pub label: &'static str,
    /// What the keys do.
    pub action: Action,
    /// The description in hints and help.
    pub help: Msg,
    /// Where the binding applies.
    pub scope: Scope,
    /// Whether the bottom bar shows it.
    pub hint: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Every binding of the dashboard.
pub const BINDINGS: &[Binding] = &[
    // While presenting, arrows and pages go from slide to slide and Space
    // pauses; they come first so that they win over moving the selection.
    Binding {
        keys: &[
            (KeyCode::Right, NONE),
            (KeyCode::Down, NONE),
            (KeyCode::PageDown, NONE),
        ],
        label: "→ ↓ pgdn",
        action: Action::PresentNext,
        help: Msg::KeyPresentNext,
        scope: Scope::Present,
        hint: true,
    },
    Binding {
        keys: &[
            (KeyCode::Left, NONE),
            (KeyCode::Up, NONE),
            (KeyCode::PageUp, NONE),
        ],
        label: "← ↑ pgup",
        action: Action::PresentPrev,
        help: Msg::KeyPresentPrev,
        scope: Scope::Present,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char(' '), NONE)],
        label: "space",
        action: Action::PresentPause,
        help: Msg::KeyPresentPause,
        scope: Scope::Present,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        label: "j/↓",
        action: Action::Down,
        help: Msg::KeyDown,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        label: "k/↑",
        action: Action::Up,
        help: Msg::KeyUp,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[
            (KeyCode::Enter, NONE),
            (KeyCode::Char('l'), NONE),
            (KeyCode::Right, NONE),
        ],
        label: "⏎",
        action: Action::Enter,
        help: Msg::KeyEnter,
        scope: Scope::Opens,
        hint: true,
    },
    Binding {
        keys: &[
            (KeyCode::Esc, NONE),
            (KeyCode::Backspace, NONE),
            (KeyCode::Char('h'), NONE),
            (KeyCode::Left, NONE),
        ],
        label: "esc",
        action: Action::Back,
        help: Msg::KeyBack,
        scope: Scope::Drilled,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        label: "esc",
        action: Action::Back,
        help: Msg::KeyClear,
        scope: Scope::Top,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('/'), NONE)],
        label: "/",
        action: Action::StartSearch,
        help: Msg::KeySearch,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('n'), NONE)],
        label: "n",
        action: Action::NextMatch,
        help: Msg::KeyNextMatch,
        scope: Scope::Searched,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('N'), SHIFT), (KeyCode::Char('N'), NONE)],
        label: "N",
        action: Action::PrevMatch,
        help: Msg::KeyPrevMatch,
        scope: Scope::Searched,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('f'), NONE)],
        label: "f",
        action: Action::CycleStatusFilter,
        help: Msg::KeyFilter,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('o'), NONE)],
        label: "o",
        action: Action::ToggleOverdue,
        help: Msg::KeyOverdue,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('c'), NONE)],
        label: "c",
        action: Action::ToggleChanges,
        help: Msg::KeyChanges,
        scope: Scope::Since,
        hint: true,
    },
    // Without `--since` there is nothing to compare: `c` says so.
    Binding {
        keys: &[(KeyCode::Char('c'), NONE)],
        label: "c",
        action: Action::Notice(Msg::ChangesNeedSince),
        help: Msg::KeyChangesElsewhere,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('s'), NONE)],
        label: "s",
        action: Action::CycleSort,
        help: Msg::KeySort,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('?'), NONE), (KeyCode::Char('?'), SHIFT)],
        label: "?",
        action: Action::ToggleHelp,
        help: Msg::KeyHelp,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('r'), NONE)],
        label: "r",
        action: Action::Reload,
        help: Msg::KeyReload,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('y'), NONE)],
        label: "y",
        action: Action::Copy,
        help: Msg::KeyCopy,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('e'), NONE)],
        label: "e",
        action: Action::Export,
        help: Msg::KeyExport,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        label: "⏎",
        action: Action::SearchSubmit,
        help: Msg::KeySearchSubmit,
        scope: Scope::Search,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        label: "esc",
        action: Action::SearchCancel,
        help: Msg::KeySearchCancel,
        scope: Scope::Search,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Backspace, NONE)],
        label: "⌫",
        action: Action::SearchBackspace,
        help: Msg::KeyDeleteChar,
        scope: Scope::Search,
        hint: false,
    },
    Binding {
        keys: &[
            (KeyCode::Esc, NONE),
            (KeyCode::Char('?'), NONE),
            (KeyCode::Char('?'), SHIFT),
            (KeyCode::Char('q'), NONE),
        ],
        label: "esc",
        action: Action::ToggleHelp,
        help: Msg::KeyCloseHelp,
        scope: Scope::Help,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
        label: "j/↓",
        action: Action::Down,
        help: Msg::KeyScrollDown,
        scope: Scope::Help,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
        label: "k/↑",
        action: Action::Up,
        help: Msg::KeyScrollUp,
        scope: Scope::Help,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::PageDown, NONE), (KeyCode::Char('d'), CTRL)],
        label: "PgDn",
        action: Action::PageDown,
        help: Msg::KeyPageDown,
        scope: Scope::Help,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::PageUp, NONE), (KeyCode::Char('u'), CTRL)],
        label: "PgUp",
        action: Action::PageUp,
        help: Msg::KeyPageUp,
        scope: Scope::Help,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)],
        label: "g",
        action: Action::Top,
        help: Msg::KeyTop,
        scope: Scope::Help,
        hint: false,
    },
    Binding {
        keys: &[
            (KeyCode::Char('G'), SHIFT),
            (KeyCode::Char('G'), NONE),
            (KeyCode::End, NONE),
        ],
        label: "G",
        action: Action::Bottom,
        help: Msg::KeyBottom,
        scope: Scope::Help,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('/'), NONE)],
        label: "/",
        action: Action::HelpFilterStart,
        help: Msg::KeyHelpFilter,
        scope: Scope::Help,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        label: "⏎",
        action: Action::HelpFilterDone,
        help: Msg::KeyHelpFilterDone,
        scope: Scope::HelpFilter,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        label: "esc",
        action: Action::HelpFilterCancel,
        help: Msg::KeyHelpFilterCancel,
        scope: Scope::HelpFilter,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Backspace, NONE)],
        label: "⌫",
        action: Action::HelpBackspace,
        help: Msg::KeyDeleteChar,
        scope: Scope::HelpFilter,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('u'), NONE)],
        label: "u",
        action: Action::CycleUnit,
        help: Msg::KeyUnit,
        scope: Scope::Units,
        hint: true,
    },
    // Elsewhere `u` would do nothing; it says where it works instead.
    Binding {
        keys: &[(KeyCode::Char('u'), NONE)],
        label: "u",
        action: Action::Notice(Msg::UnitsOnlyThere),
        help: Msg::KeyUnitElsewhere,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Tab, NONE)],
        label: "tab",
        action: Action::NextTab,
        help: Msg::KeyNextTab,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)],
        label: "S-tab",
        action: Action::PrevTab,
        help: Msg::KeyPrevTab,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('1'), NONE)],
        label: "1",
        action: Action::Tab(Tab::Overview),
        help: Msg::TabOverview,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('2'), NONE)],
        label: "2",
        action: Action::Tab(Tab::Units),
        help: Msg::TabUnits,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('3'), NONE)],
        label: "3",
        action: Action::Tab(Tab::Problems),
        help: Msg::TabProblems,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('4'), NONE)],
        label: "4",
        action: Action::Tab(Tab::Owners),
        help: Msg::TabOwners,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('5'), NONE)],
        label: "5",
        action: Action::Tab(Tab::Amounts),
        help: Msg::TabAmounts,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('6'), NONE)],
        label: "6",
        action: Action::Tab(Tab::Land),
        help: Msg::TabLand,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('7'), NONE)],
        label: "7",
        action: Action::Tab(Tab::Deadlines),
        help: Msg::TabDeadlines,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('t'), NONE)],
        label: "t",
        action: Action::ToggleOwners,
        help: Msg::KeyToggleOwners,
        scope: Scope::Owners,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)],
        label: "g",
        action: Action::Top,
        help: Msg::KeyTop,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[
            (KeyCode::Char('G'), SHIFT),
            (KeyCode::Char('G'), NONE),
            (KeyCode::End, NONE),
        ],
        label: "G",
        action: Action::Bottom,
        help: Msg::KeyBottom,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::PageDown, NONE)],
        label: "PgDn",
        action: Action::PageDown,
        help: Msg::KeyPageDown,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::PageUp, NONE)],
        label: "PgUp",
        action: Action::PageUp,
        help: Msg::KeyPageUp,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('d'), CTRL)],
        label: "C-d",
        action: Action::HalfPageDown,
        help: Msg::KeyHalfDown,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('u'), CTRL)],
        label: "C-u",
        action: Action::HalfPageUp,
        help: Msg::KeyHalfUp,
        scope: Scope::Always,
        hint: false,
    },
    Binding {
        keys: &[(KeyCode::Char('L'), SHIFT), (KeyCode::Char('L'), NONE)],
        label: "L",
        action: Action::ToggleLang,
        help: Msg::KeyLang,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('q'), NONE)],
        label: "q",
        action: Action::Quit,
        help: Msg::KeyQuit,
        scope: Scope::Always,
        hint: true,
    },
    Binding {
        keys: &[(KeyCode::Char('c'), CTRL)],
        label: "C-c",
        action: Action::Quit,
        help: Msg::KeyQuit,
        scope: Scope::Anywhere,
        hint: false,
    },
    Binding {
        // Raw mode turns Ctrl-Z into a key; it does what it does in a shell.
        keys: &[(KeyCode::Char('z'), CTRL)],
        label: "C-z",
        action: Action::Suspend,
        help: Msg::KeySuspend,
        scope: Scope::Anywhere,
        hint: false,
    },
];

/// The binding a key press triggers in a scope, if any. Releases and repeats of
/// releases are ignored; only presses (and auto-repeat presses) count.
pub fn binding_for(event: &KeyEvent, active: impl Fn(Scope) -> bool) -> Option<&'static Binding> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is part of an upper-case letter; compare it only where the table asks.
    let mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    BINDINGS.iter().find(|b| {
        active(b.scope)
            && b.keys.iter().any(|(code, m)| {
                *code == event.code
                    && (*m == mods || (*m == NONE && mods == KeyModifiers::SHIFT && is_char(code)))
            })
    })
}

/// The action a key press asks for: a binding of the table, or, while the search
/// bar or the help filter takes text, the typed character.
pub fn action_for(event: &KeyEvent, active: impl Fn(Scope) -> bool) -> Option<Action> {
    if let Some(b) = binding_for(event, &active) {
        return Some(b.action);
    }
    if event.kind == KeyEventKind::Release
        || event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let KeyCode::Char(c) = event.code else {
        return None;
    };
    if active(Scope::Search) {
        Some(Action::SearchInput(c))
    } else if active(Scope::HelpFilter) {
        Some(Action::HelpInput(c))
    } else {
        None
    }
}

fn is_char(code: &KeyCode) -> bool {
    matches!(code, KeyCode::Char(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn every_documented_key_maps_to_its_action() {
        // Every scope of the normal view; the search bar, help and presenting
        // take keys apart.
        let all = |s| !matches!(s, Scope::Search | Scope::Help | Scope::Present);
        let table = [
            (KeyCode::Char('j'), NONE, Action::Down),
            (KeyCode::Down, NONE, Action::Down),
            (KeyCode::Char('k'), NONE, Action::Up),
            (KeyCode::Up, NONE, Action::Up),
            (KeyCode::Char('g'), NONE, Action::Top),
            (KeyCode::Home, NONE, Action::Top),
            (KeyCode::Char('G'), SHIFT, Action::Bottom),
            (KeyCode::End, NONE, Action::Bottom),
            (KeyCode::PageDown, NONE, Action::PageDown),
            (KeyCode::PageUp, NONE, Action::PageUp),
            (KeyCode::Char('d'), CTRL, Action::HalfPageDown),
            (KeyCode::Char('u'), CTRL, Action::HalfPageUp),
            (KeyCode::Tab, NONE, Action::NextTab),
            (KeyCode::BackTab, SHIFT, Action::PrevTab),
            (KeyCode::Char('5'), NONE, Action::Tab(Tab::Amounts)),
            (KeyCode::Char('2'), NONE, Action::Tab(Tab::Units)),
            (KeyCode::Char('4'), NONE, Action::Tab(Tab::Owners)),
            (KeyCode::Char('t'), NONE, Action::ToggleOwners),
            (KeyCode::Enter, NONE, Action::Enter),
            (KeyCode::Esc, NONE, Action::Back),
            (KeyCode::Backspace, NONE, Action::Back),
            (KeyCode::Char('h'), NONE, Action::Back),
            (KeyCode::Char('u'), NONE, Action::CycleUnit),
            (KeyCode::Char('q'), NONE, Action::Quit),
            (KeyCode::Char('c'), CTRL, Action::Quit),
            (KeyCode::Char('z'), CTRL, Action::Suspend),
            (KeyCode::Char('L'), SHIFT, Action::ToggleLang),
        ];
        for (code, mods, action) in table {
            let b = binding_for(&press(code, mods), all);
            assert_eq!(b.map(|b| b.action), Some(action), "{code:?} {mods:?}");
        }
    }

    #[test]
    fn presenting_arrows_and_pages_go_from_slide_to_slide() {
        let presenting = |s| !matches!(s, Scope::Search | Scope::Help | Scope::HelpFilter);
        for (code, action) in [
            (KeyCode::Right, Action::PresentNext),
            (KeyCode::Down, Action::PresentNext),
            (KeyCode::PageDown, Action::PresentNext),
            (KeyCode::Left, Action::PresentPrev),
            (KeyCode::Up, Action::PresentPrev),
            (KeyCode::PageUp, Action::PresentPrev),
            (KeyCode::Char(' '), Action::PresentPause),
            (KeyCode::Char('3'), Action::Tab(Tab::Problems)),
            (KeyCode::Char('j'), Action::Down),
        ] {
            let b = binding_for(&press(code, NONE), presenting);
            assert_eq!(b.map(|b| b.action), Some(action), "{code:?}");
        }
    }

    #[test]
    fn typing_goes_to_the_search_bar_and_the_help_filter() {
        let searching = |s| matches!(s, Scope::Search | Scope::Anywhere);
        let q = press(KeyCode::Char('q'), NONE);
        assert_eq!(action_for(&q, searching), Some(Action::SearchInput('q')));
        assert_eq!(
            action_for(&press(KeyCode::Enter, NONE), searching),
            Some(Action::SearchSubmit)
        );
        assert_eq!(
            action_for(&press(KeyCode::Esc, NONE), searching),
            Some(Action::SearchCancel)
        );
        let helping = |s| matches!(s, Scope::Help | Scope::Anywhere);
        // Browsing the help, letters are keys: j scrolls, q closes, x does nothing.
        assert_eq!(action_for(&press(KeyCode::Char('x'), NONE), helping), None);
        assert_eq!(
            action_for(&press(KeyCode::Char('j'), NONE), helping),
            Some(Action::Down)
        );
        assert_eq!(action_for(&q, helping), Some(Action::ToggleHelp));
        // After `/`, they are typed into the filter.
        let filtering = |s| matches!(s, Scope::HelpFilter | Scope::Anywhere);
        assert_eq!(
            action_for(&press(KeyCode::Char('j'), NONE), filtering),
            Some(Action::HelpInput('j'))
        );
        assert_eq!(action_for(&q, filtering), Some(Action::HelpInput('q')));
        // Ctrl-C quits even while typing.
        assert_eq!(
            action_for(&press(KeyCode::Char('c'), CTRL), searching),
            Some(Action::Quit)
        );
    }

    #[test]
    fn key_releases_do_nothing() {
        let mut release = press(KeyCode::Char('q'), NONE);
        release.kind = KeyEventKind::Release;
        assert!(binding_for(&release, |_| true).is_none());
    }

    #[test]
    fn scoped_keys_only_work_in_their_scope() {
        let top_of_overview = |s| s == Scope::Always;
        assert!(binding_for(&press(KeyCode::Esc, NONE), top_of_overview).is_none());
        // Outside Amounts and Land, `u` only says where it works.
        let b = binding_for(&press(KeyCode::Char('u'), NONE), top_of_overview);
        assert_eq!(
            b.map(|b| b.action),
            Some(Action::Notice(Msg::UnitsOnlyThere))
        );
        // Ctrl-u is half a page up, not the unit toggle.
        let b = binding_for(&press(KeyCode::Char('u'), CTRL), |s| s != Scope::Help);
        assert_eq!(b.map(|b| b.action), Some(Action::HalfPageUp));
    }
}
