//! The help overlay's state: its filter, whether the filter is being typed,
//! and how far the list is scrolled. The overlay lists the key table, so
//! what it shows and how far it can scroll follow from the filter and the
//! terminal's size alone.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::keys::{BINDINGS, Binding};
use super::search::contains;
use crate::i18n::Lang;

/// The help overlay, while it is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// The filter; only bindings whose keys or description contain it are listed.
    pub filter: String,
    /// True while the filter takes typed characters (after `/`).
    pub typing: bool,
    /// The first listed binding shown.
    pub top: usize,
}

/// A mark or a word the dashboard shows, explained after the keys: the mark
/// and its explanation, in Chinese and in English.
#[derive(Debug)]
pub struct Term {
    pub mark: [&'static str; 2],
    pub text: [&'static str; 2],
}

impl Term {
    pub fn mark(&self, lang: Lang) -> &'static str {
        self.mark[usize::from(lang == Lang::En)]
    }

    pub fn text(&self, lang: Lang) -> &'static str {
        self.text[usize::from(lang == Lang::En)]
    }
}

/// The marks and words of the dashboard that are not plain speech.
pub const TERMS: &[Term] = &[
    Term {
        mark: ["✓ ● ∞", "✓ ● ∞"],
        text: ["已完成 · 正在整改 · 长期坚持", "closed · open · long-term"],
    },
    Term {
        mark: ["! * · -", "! * · -"],
        text: [
            "逾期 · 30天内到期 · 以后到期 · 无日期",
            "overdue · due in 30 days · later · no date",
        ],
    },
    Term {
        mark: ["+ 计入", "+ counted"],
        text: [
            "已完成的金额，按类别与币种相加",
            "money achieved, added up by kind and currency",
        ],
    },
    Term {
        mark: ["○ 不计入", "○ not counted"],
        text: [
            "目标、预计、计划或未归类的金额：不相加",
            "a target, forecast, plan or money of no known kind: never added",
        ],
    },
    Term {
        mark: ["≈ 重复不计", "≈ duplicate"],
        text: [
            "与另一项是同一笔钱，只计一次",
            "the same money as another line, counted once",
        ],
    },
    Term {
        mark: ["⊂ 已含在内", "⊂ in a total"],
        text: [
            "列在通报给出的合计之下，已含在合计中",
            "listed under a total the report gives, already in it",
        ],
    },
    Term {
        mark: ["… 待结算", "… pending"],
        text: ["尚未结算，不算已完成", "awaiting settlement, not done yet"],
    },
    Term {
        mark: ["? 未说明", "? not stated"],
        text: ["提到了，但没有说金额", "mentioned without an amount"],
    },
    Term {
        mark: ["~", "~"],
        text: [
            "约数（原文写“余”“约”“近”）",
            "approximate (the report says about, over, nearly)",
        ],
    },
    Term {
        mark: ["原文", "as written"],
        text: [
            "通报或台账中的原样写法",
            "as the report or ledger writes it",
        ],
    },
    Term {
        mark: ["折合", "converted"],
        text: [
            "换算到所示单位（u 切换）",
            "in the unit shown (u switches it)",
        ],
    },
    Term {
        mark: ["按编号推断", "inferred from numbering"],
        text: [
            "通报未说总数，按问题编号推断",
            "the report gives no count: read from its numbering",
        ],
    },
    Term {
        mark: ["来源不完整", "partial source"],
        text: [
            "来源文字不全，数字可能缺",
            "the source text is cut short: figures may be missing",
        ],
    },
    Term {
        mark: ["▲", "▲"],
        text: ["截至日所在的时间段", "the period of the as-of date"],
    },
    Term {
        mark: ["y", "y"],
        text: [
            "经终端复制（OSC 52）；tmux 需 set-clipboard on",
            "copies through the terminal (OSC 52; tmux: set-clipboard on)",
        ],
    },
];

/// One line of the help's list.
#[derive(Debug)]
pub enum Entry {
    Key(&'static Binding),
    /// The heading before the terms.
    Terms,
    /// A line of a term: its mark on the first line, then its explanation
    /// broken to the overlay's width.
    Term {
        mark: &'static str,
        text: String,
    },
}

/// How wide the marks of the terms are in an overlay `width` cells wide.
pub fn term_mark_width(lang: Lang, width: usize) -> usize {
    let widest = TERMS
        .iter()
        .map(|t| t.mark(lang).width())
        .max()
        .unwrap_or(0);
    (widest + 2).min(width / 2)
}

impl Help {
    /// The bindings the filter leaves, in table order.
    pub fn bindings(&self, lang: Lang) -> impl Iterator<Item = &'static Binding> + '_ {
        BINDINGS.iter().filter(move |b| {
            let filter = self.filter.as_str();
            contains(&key_names(b), filter)
                || contains(b.help.text(lang), filter)
                || contains(b.label, filter)
        })
    }

    /// What the list shows in an overlay `width` cells wide: the keys the
    /// filter leaves, then the terms it leaves under their heading, each
    /// explanation on as many lines as it needs.
    pub fn entries(&self, lang: Lang, width: usize) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self.bindings(lang).map(Entry::Key).collect();
        let filter = self.filter.as_str();
        let text_width = width.saturating_sub(term_mark_width(lang, width)).max(2);
        let before = entries.len();
        for term in TERMS
            .iter()
            .filter(|t| contains(t.mark(lang), filter) || contains(t.text(lang), filter))
        {
            let text = term.text(lang);
            let starts = crate::linebreak::line_starts(text, text_width);
            for (i, &start) in starts.iter().enumerate() {
                let end = starts.get(i + 1).copied().unwrap_or(text.len());
                entries.push(Entry::Term {
                    mark: if i == 0 { term.mark(lang) } else { "" },
                    text: text[start..end].to_string(),
                });
            }
        }
        if entries.len() > before {
            entries.insert(before, Entry::Terms);
        }
        entries
    }

    /// Moves the list by `by` lines, keeping a full page in view.
    pub fn scroll(&mut self, by: isize, lang: Lang, shown: usize, width: usize) {
        let last = self.entries(lang, width).len().saturating_sub(shown);
        self.top = self.top.saturating_add_signed(by).min(last);
    }
}

/// Where the overlay sits within the body: 80 % of its width, 90 % of its
/// height, centred.
pub fn overlay(body: Rect) -> Rect {
    let width = body.width * 4 / 5;
    let height = body.height * 9 / 10;
    Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    }
}

/// How wide the inside of the overlay is on a screen `columns` wide.
pub fn inner_width(columns: u16) -> usize {
    usize::from(overlay(Rect::new(0, 0, columns, 1)).width.saturating_sub(2))
}

/// How many bindings the overlay shows in a body `body_height` rows high:
/// the overlay's inside, less the column header and the footnote.
pub fn rows_shown(body_height: u16) -> usize {
    usize::from(
        overlay(Rect::new(0, 0, 1, body_height))
            .height
            .saturating_sub(4),
    )
    .max(1)
}

/// The keys of a binding as a user types them: "j ↓", "C-d", "S-tab".
pub fn key_names(b: &Binding) -> String {
    use crossterm::event::{KeyCode, KeyModifiers};
    let mut names: Vec<String> = b
        .keys
        .iter()
        .map(|(code, mods)| {
            let base = match code {
                KeyCode::Char(' ') => "space".to_string(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Enter => "⏎".into(),
                KeyCode::Esc => "esc".into(),
                KeyCode::Backspace => "⌫".into(),
                KeyCode::Tab => "tab".into(),
                KeyCode::BackTab => "S-tab".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Home => "home".into(),
                KeyCode::End => "end".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                other => format!("{other:?}"),
            };
            if mods.contains(KeyModifiers::CONTROL) {
                format!("C-{base}")
            } else {
                base
            }
        })
        .collect();
    names.dedup();
    names.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Msg, count_source};
    use crate::stats::CountSource;

    /// The help explains the marks the screens draw: the same words, not a
    /// copy that drifts from them.
    #[test]
    fn terms_name_the_marks_as_the_screens_draw_them() {
        for lang in [Lang::Zh, Lang::En] {
            let marks: Vec<&str> = TERMS.iter().map(|t| t.mark(lang)).collect();
            for drawn in [
                Msg::Achieved.text(lang),
                Msg::NotSummedShort.text(lang),
                Msg::OverlapShort.text(lang),
                Msg::IncludedShort.text(lang),
                Msg::PendingShort.text(lang),
                Msg::UnstatedShort.text(lang),
                Msg::AsWritten.text(lang),
                Msg::Converted.text(lang),
                Msg::PartialSource.text(lang),
                count_source(CountSource::Numbering, lang),
            ] {
                assert!(
                    marks.contains(&drawn),
                    "{drawn:?} is not explained in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn the_filter_reaches_the_terms() {
        let help = Help {
            filter: "OSC".into(),
            ..Help::default()
        };
        let entries = help.entries(Lang::En, 40);
        assert!(matches!(entries.first(), Some(Entry::Terms)), "{entries:?}");
        assert!(matches!(
            entries.get(1),
            Some(Entry::Term { mark: "y", .. })
        ));
        // The explanation runs on over more lines rather than being cut.
        let text: String = entries[1..]
            .iter()
            .map(|e| match e {
                Entry::Term { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(text, TERMS.last().unwrap().text(Lang::En));
        assert!(entries.len() > 2, "{entries:?}");
        let none = Help {
            filter: "zzzz".into(),
            ..Help::default()
        };
        assert!(none.entries(Lang::Zh, 60).is_empty());
    }
}
