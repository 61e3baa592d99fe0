//! Line breaking for Chinese text as a typesetter would: lines fill to the
//! width, but never break inside a number, a date or the unit after a number
//! ("2│亿元", "2│022年"), never start with closing punctuation (。，、》）) and
//! never end with opening punctuation (《（“). Where a run is wider than the
//! line, it is cut anyway.

use std::borrow::Cow;

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Punctuation that closes: it stays on the line of what it follows.
fn closes(c: char) -> bool {
    "。，、；：？！》）」』】〕〉”’％‰…—·,.;:!?)]}%".contains(c)
}

/// Punctuation that opens: it stays on the line of what it precedes.
fn opens(c: char) -> bool {
    "《（「『【〔〈“‘([{".contains(c)
}

/// Part of a number or a Latin word: digits, letters, and the separators
/// inside numbers and dates.
fn alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A unit or counter that follows a number: "2亿元", "2022年", "16个".
fn unit(c: char) -> bool {
    "万亿千百元角分美年月日号时个项人件条次名家户所座亩平方米公里顷吨余多期批处起宗笔套间栋辆台"
        .contains(c)
}

/// Whether a line may break between `before` and `after`; `in_number` says
/// that `before` ends a number or a unit that follows one.
fn may_break(before: char, after: char, in_number: bool) -> bool {
    if after == '\n' || before == '\n' {
        return true;
    }
    if closes(after) || opens(before) || after.is_whitespace() {
        return false;
    }
    if alnum(before) && (alnum(after) || ".,:/-".contains(after)) {
        return false;
    }
    if ".,:/-".contains(before) && alnum(after) && in_number {
        return false;
    }
    if in_number && unit(after) {
        return false;
    }
    // Latin text breaks at spaces only; CJK between any two characters.
    !(alnum(before) && after.is_ascii_punctuation())
}

/// The byte offsets where the lines of `text` start, laid out `width` cells
/// wide. The first is always 0; a newline starts a line and is not drawn.
pub fn line_starts(text: &str, width: usize) -> Vec<usize> {
    let width = width.max(2);
    let mut starts = vec![0];
    let mut used = 0;
    // The last place the current line may end, and the width before it.
    let mut last_break: Option<(usize, usize)> = None;
    // The last such place after two spaces: text whose parts are set apart
    // by them ("已完成 27「已完成整改27个」  正在整改 4…") breaks there, keeping
    // each part whole, unless that leaves the line less than two thirds full.
    let mut last_space: Option<(usize, usize)> = None;
    let mut before_previous: Option<char> = None;
    let mut previous: Option<char> = None;
    let mut in_number = false;
    // A space right after a number: the unit after it stays with the number
    // ("513.77 mu", "35.459m yuan").
    let mut after_number = false;
    for (at, c) in text.char_indices() {
        let cw = c.width().unwrap_or(0);
        if let Some(p) = previous {
            if p == '\n' {
                starts.push(at);
                used = 0;
                last_break = None;
                last_space = None;
            } else if may_break(p, c, in_number) && !(after_number && c.is_alphabetic()) {
                last_break = Some((at, used));
                if p == ' ' && before_previous == Some(' ') {
                    last_space = Some((at, used));
                }
            }
        }
        after_number = c == ' ' && (in_number || previous.is_some_and(|p| p.is_ascii_digit()));
        in_number = c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || (in_number && (unit(c) || ".,:/-".contains(c)));
        before_previous = previous;
        previous = Some(c);
        if c == '\n' {
            continue;
        }
        if used + cw > width {
            let start = *starts.last().unwrap_or(&0);
            let at_space = last_space.filter(|&(b, before)| b > start && before * 3 >= width * 2);
            match at_space.or(last_break) {
                Some((b, before)) if b > start => {
                    starts.push(b);
                    used -= before;
                }
                _ => {
                    starts.push(at);
                    used = 0;
                }
            }
            last_break = None;
            last_space = None;
        }
        used += cw;
    }
    starts
}

/// Styled spans laid out in lines `width` cells wide, broken as
/// [`line_starts`] says.
pub fn wrap_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let starts = line_starts(&text, width);
    split_spans(spans, &starts)
}

/// Styled spans split into lines at `starts`, the [`line_starts`] of their
/// text taken together (for a caller that needs the starts too).
pub fn split_spans(spans: Vec<Span<'static>>, starts: &[usize]) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = vec![Line::default(); starts.len()];
    let mut offset = 0;
    let mut line = 0;
    for span in spans {
        let content = span.content.as_ref();
        let end = offset + content.len();
        let mut from = offset;
        while from < end {
            while line + 1 < starts.len() && starts[line + 1] <= from {
                line += 1;
            }
            let until = starts.get(line + 1).map_or(end, |&s| s.min(end));
            let piece = content[from - offset..until - offset].trim_end_matches('\n');
            if !piece.is_empty() {
                lines[line]
                    .spans
                    .push(Span::styled(Cow::Owned(piece.to_string()), span.style));
            }
            from = until;
        }
        offset = end;
    }
    lines
}

/// Lines laid out `width` cells wide, each keeping its own style.
pub fn wrap_lines(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .flat_map(|line| {
            let style = line.style;
            wrap_spans(line.spans, width)
                .into_iter()
                .map(move |l| l.style(style))
        })
        .collect()
}

/// The line of [`line_starts`] that holds byte `at`.
pub fn line_of(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        let starts = line_starts(text, width);
        let mut out = Vec::new();
        for (i, &s) in starts.iter().enumerate() {
            let e = starts.get(i + 1).copied().unwrap_or(text.len());
            out.push(text[s..e].trim_end_matches('\n'));
        }
        out
    }

    #[test]
    fn never_breaks_inside_a_number_or_before_its_unit() {
        // "申请使用专项资金2亿元": 2 must not end a line before 亿元.
        let text = "智能制造产业园申请使用专项资金2亿元，用于";
        for width in 6..40 {
            for line in lines(text, width) {
                assert!(!line.ends_with('2'), "{width}: {line}");
                assert!(!line.starts_with("亿元"), "{width}: {line}");
            }
        }
        let date = "完成时限为2022年6月30日前";
        for width in 6..30 {
            let got = lines(date, width);
            assert!(got.iter().any(|l| l.contains("2022年")), "{width}: {got:?}");
        }
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let text = "成立园区财务管理中心，监管区管国有企业财务活动。制订《无锡经济开发区区属国企财务管理制度（试行）》等规章制度。";
        for width in 8..60 {
            let got = lines(text, width);
            for line in &got[1..] {
                let first = line.chars().next().unwrap();
                assert!(!closes(first), "{width}: {got:?}");
            }
            for line in &got {
                let last = line.chars().last().unwrap();
                assert!(!opens(last), "{width}: {got:?}");
                assert!(line.width() <= width, "{width}: {got:?}");
            }
            assert_eq!(got.concat(), text);
        }
    }

    #[test]
    fn fills_lines_and_cuts_what_cannot_fit() {
        assert_eq!(lines("问题整改到位", 4), ["问题", "整改", "到位"]);
        // A number wider than the line is cut rather than lost.
        assert_eq!(lines("1234567890", 4), ["1234", "5678", "90"]);
        assert_eq!(lines("a\nb", 10), ["a", "b"]);
        assert_eq!(lines("rectified in full", 10), ["rectified ", "in full"]);
        // A unit in letters stays with its number.
        assert_eq!(lines("disposed 513.77 mu", 16), ["disposed ", "513.77 mu"]);
        // Parts set apart by spaces stay whole where the line stays full enough.
        assert_eq!(
            lines("已完成 27「已完成整改27个」  正在整改 4「正在整改4个」", 40),
            ["已完成 27「已完成整改27个」  ", "正在整改 4「正在整改4个」"]
        );
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn spans_keep_their_styles_across_lines() {
        use ratatui::style::Style;
        let bold = Style::default().bold();
        let spans = vec![
            Span::raw("资金"),
            Span::styled("2亿元", bold),
            Span::raw("。"),
        ];
        let got = wrap_spans(spans, 8);
        let texts: Vec<String> = got.iter().map(|l| l.to_string()).collect();
        assert_eq!(texts, ["资金", "2亿元。"]);
        assert_eq!(got[1].spans[0].style, bold);
        assert_eq!(line_of(&line_starts("资金2亿元。", 8), "资金2".len()), 1);
        assert_eq!(line_of(&line_starts("资金2亿元。", 8), 0), 0);
    }
}
