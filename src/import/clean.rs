//! Stage 2, clean: the text becomes trimmed lines without page markers, each
//! with a normalised copy for matching (full-width digits and punctuation
//! folded one character for one).
//!
//! Everything here is a single linear pass over the input; nothing backtracks.

use std::borrow::Cow;

/// A page marker such as （上接第5版） removed from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMarker {
    /// The 1-based line it stood on.
    pub line: usize,
    /// The marker as printed.
    pub text: String,
    /// True for 上接 (the text before it is on an earlier page); false for 下转.
    pub continued_from: bool,
    /// The index of the paragraph it was attached to (the one it began or ended).
    pub paragraph: usize,
}

/// A line of input, trimmed, with what the joining rules need to know.
pub struct Line<'a> {
    pub text: Cow<'a, str>,
    pub norm: String,
    pub number: usize,
    pub width: usize,
    pub blank_before: bool,
    pub indented: bool,
    pub markers: Vec<usize>,
}

/// The lines of a text and the page markers removed from them.
pub struct Lines<'a> {
    /// The non-blank lines, in order.
    pub lines: Vec<Line<'a>>,
    /// The page markers removed, in order; `paragraph` is set by segmenting.
    pub markers: Vec<PageMarker>,
    /// Markers standing on lines of their own after the last line.
    pub pending: Vec<usize>,
}

/// Splits the text into trimmed lines and removes page markers; a marker is
/// attached to the line it begins or ends.
pub fn lines(text: &str) -> Lines<'_> {
    let mut markers: Vec<PageMarker> = Vec::new();
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut blank = false;
    // Markers on a line of their own: 上接 goes with the next line, 下转 with the last.
    let mut pending: Vec<usize> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let indented =
            raw.starts_with("  ") || raw.starts_with('\u{3000}') || raw.starts_with('\t');
        let (rest, found) = strip_page_markers(raw);
        let mut here = Vec::new();
        for (marker, continued_from) in found {
            markers.push(PageMarker {
                line: i + 1,
                text: marker,
                continued_from,
                paragraph: 0,
            });
            here.push(markers.len() - 1);
        }
        let line_text: Cow<'_, str> = match rest {
            Some(rest) => Cow::Owned(trim(&rest).to_string()),
            None => Cow::Borrowed(trim(raw)),
        };
        if line_text.is_empty() {
            for m in here {
                match lines.last_mut() {
                    Some(last) if !markers[m].continued_from => last.markers.push(m),
                    _ => pending.push(m),
                }
            }
            blank = true;
            continue;
        }
        let mut attached = std::mem::take(&mut pending);
        attached.extend(here);
        let norm = normalize(&line_text);
        let width = crate::format::width(&line_text);
        lines.push(Line {
            text: line_text,
            norm,
            number: i + 1,
            width,
            blank_before: blank,
            indented,
            markers: attached,
        });
        blank = false;
    }
    Lines {
        lines,
        markers,
        pending,
    }
}

/// Maps one character to its form for matching: full-width digits, letters and
/// ASCII-like punctuation to ASCII, ASCII brackets and colons to the Chinese forms.
pub fn norm_char(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '．' => '.',
        '％' => '%',
        '／' => '/',
        '－' | '—' | '–' | '～' | '~' => '-',
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ';' => '；',
        '〔' | '﹝' | '［' | '[' | '【' => '〔',
        '〕' | '﹞' | '］' | ']' | '】' => '〕',
        '"' | '„' => '“',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The normalised copy of a string, one character for one.
pub fn normalize(s: &str) -> String {
    s.chars().map(norm_char).collect()
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Removes every bracketed page marker from a line: （上接第5版）, （下转第6版）, (接第2页).
fn strip_page_markers(line: &str) -> (Option<String>, Vec<(String, bool)>) {
    if !(line.contains('接') || line.contains('转')) {
        return (None, Vec::new());
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut found = Vec::new();
    let mut rest = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '（' | '(')
            && let Some((end, continued_from)) = page_marker_at(&chars, i)
        {
            let end_byte = chars.get(end).map_or(line.len(), |(b, _)| *b);
            rest.push_str(&line[copied..pos]);
            found.push((line[pos..end_byte].to_string(), continued_from));
            copied = end_byte;
            i = end;
            continue;
        }
        i += 1;
    }
    if found.is_empty() {
        return (None, found);
    }
    rest.push_str(&line[copied..]);
    (Some(rest), found)
}

/// Matches （上接第5版） at `start`; returns the index after it and whether it is 上接.
fn page_marker_at(chars: &[(usize, char)], start: usize) -> Option<(usize, bool)> {
    let mut i = start + 1;
    let skip_space = |i: &mut usize| {
        while chars.get(*i).is_some_and(|(_, c)| c.is_whitespace()) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let first = chars.get(i)?.1;
    let continued_from = match first {
        '上' | '下' => {
            let second = chars.get(i + 1)?.1;
            i += 2;
            match (first, second) {
                ('上', '接') => true,
                ('下', '转') => false,
                _ => return None,
            }
        }
        '接' => {
            i += 1;
            true
        }
        '转' => {
            i += 1;
            false
        }
        _ => return None,
    };
    skip_space(&mut i);
    if chars.get(i).is_some_and(|(_, c)| *c == '第') {
        i += 1;
    }
    skip_space(&mut i);
    let digits_start = i;
    while chars.get(i).is_some_and(|(_, c)| {
        norm_char(*c).is_ascii_digit()
            || "一二三四五六七八九十".contains(*c)
            || *c == 'A'
            || *c == 'B'
    }) {
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    skip_space(&mut i);
    if !chars
        .get(i)
        .is_some_and(|(_, c)| matches!(c, '版' | '页' | '面'))
    {
        return None;
    }
    i += 1;
    skip_space(&mut i);
    if !chars.get(i).is_some_and(|(_, c)| matches!(c, '）' | ')')) {
        return None;
    }
    Some((i + 1, continued_from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_full_width_digits_one_for_one() {
        let s = "完成率７６％，（１）";
        let n = normalize(s);
        assert_eq!(n, "完成率76%，（1）");
        assert_eq!(n.chars().count(), s.chars().count());
    }
}
