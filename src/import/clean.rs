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
            Some(rest) => Cow::Owned(fold_spaces(trim(&rest)).into_owned()),
            None => fold_spaces(trim(raw)),
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
///
/// Punctuation folded to ASCII is read back by its neighbours: a comma is
/// Chinese unless it stands between digits (1,000), a full stop after a
/// Chinese character is 。, and traditional characters read as simplified
/// (巡視 as 巡视, 處分 as 处分), so that every later stage matches one form.
pub fn normalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let digit = |c: Option<char>| c.is_some_and(|c| norm_char(c).is_ascii_digit());
        let folded = match c {
            ',' if !(digit(prev) && digit(next)) => '，',
            '.' if prev.is_some_and(|p| is_han(p) || "%）)”".contains(p)) && !digit(next) => {
                '。'
            }
            _ => simplified(norm_char(c)),
        };
        out.push(folded);
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Traditional characters of the words the importer matches, with their
/// simplified forms, one for one.
const TRADITIONAL: [(&str, &str); 2] = [
    (
        "個項條處黨紀視問題關於饋發現進長堅報況將組織誡評談話責檢線萬億資繳經濟損規範設員會開級縣區屬單數據計劃辦務實際總結權續執導領專門體與為從後幹達廣東這對時間應當歸還繼強確審議決機構來覽顯聯繫電郵寫狀態類負擔產業營稅畝頃積徵遷罰沒贓違減輕記過銷號調預爭補貼撥兌轉聽課學習論創貫徹擴層點擊瀏載閉讀傳訊網頁標準華陽鎮鄉衛鄰鬥風氣敗懲監隊職費賬臺築錢額餘兩屆輪節約復備註歷並併",
        "个项条处党纪视问题关于馈发现进长坚报况将组织诫评谈话责检线万亿资缴经济损规范设员会开级县区属单数据计划办务实际总结权续执导领专门体与为从后干达广东这对时间应当归还继强确审议决机构来览显联系电邮写状态类负担产业营税亩顷积征迁罚没赃违减轻记过销号调预争补贴拨兑转听课学习论创贯彻扩层点击浏载闭读传讯网页标准华阳镇乡卫邻斗风气败惩监队职费账台筑钱额余两届轮节约复备注历并并",
    ),
    ("衆爲綫滙", "众为线汇"),
];

/// The simplified form of a traditional character the importer knows, else the character.
fn simplified(c: char) -> char {
    static TABLE: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    if !is_han(c) {
        return c;
    }
    let table = TABLE.get_or_init(|| {
        let mut t: Vec<(char, char)> = TRADITIONAL
            .iter()
            .flat_map(|(from, to)| from.chars().zip(to.chars()))
            .collect();
        t.sort_unstable();
        t.dedup_by_key(|(from, _)| *from);
        t
    });
    table
        .binary_search_by_key(&c, |(from, _)| *from)
        .map_or(c, |k| table[k].1)
}

/// Removes spaces that split a number from its unit or its words ("16 个",
/// "2012 年"), which some pages and OCR put in: a digit and a Chinese
/// character never have a space between them in print.
fn fold_spaces(s: &str) -> Cow<'_, str> {
    let chars: Vec<char> = s.chars().collect();
    let is_space = |c: char| matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}');
    let mut drop = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if !is_space(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        let (Some(&before), Some(&after)) = (start.checked_sub(1).map(|b| &chars[b]), chars.get(i))
        else {
            continue;
        };
        let digit = |c: char| norm_char(c).is_ascii_digit();
        if (digit(before) && (is_han(after) || after == '%')) || (is_han(before) && digit(after)) {
            drop[start..i].iter_mut().for_each(|d| *d = true);
        }
    }
    if !drop.contains(&true) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        chars
            .iter()
            .zip(drop)
            .filter(|(_, d)| !d)
            .map(|(c, _)| *c)
            .collect(),
    )
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
    fn folds_ascii_punctuation_and_traditional_characters_one_for_one() {
        let s = "巡視反饋16個問題,已完成整改1,000個.處分3人";
        let n = normalize(s);
        assert_eq!(n, "巡视反馈16个问题，已完成整改1,000个。处分3人");
        assert_eq!(n.chars().count(), s.chars().count());
    }

    #[test]
    fn removes_spaces_between_numbers_and_words_only() {
        assert_eq!(fold_spaces("反馈 16 个问题"), "反馈16个问题");
        assert_eq!(fold_spaces("2012 年11月"), "2012年11月");
        assert_eq!(fold_spaces("来源:县卫健局 浏览量"), "来源:县卫健局 浏览量");
        assert!(matches!(fold_spaces("no digits here"), Cow::Borrowed(_)));
    }

    #[test]
    fn normalises_full_width_digits_one_for_one() {
        let s = "完成率７６％，（１）";
        let n = normalize(s);
        assert_eq!(n, "完成率76%，（1）");
        assert_eq!(n.chars().count(), s.chars().count());
    }
}
