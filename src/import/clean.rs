//! Cleaning raw report text: encoding detection, page markers, newspaper line
//! breaks, and a normalised copy of each paragraph for matching.
//!
//! Everything here is a single linear pass over the input; nothing backtracks.

use std::borrow::Cow;

use super::ImportError;

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

/// One paragraph of the input, with the newspaper's line breaks removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The text as printed, lines joined.
    pub text: String,
    /// The same text with full-width digits, letters and punctuation normalised;
    /// it has exactly as many characters as `text`, so character positions agree.
    pub norm: String,
    /// The 1-based line the paragraph starts on.
    pub line: usize,
}

/// The cleaned input: paragraphs, the page markers removed, the encoding found.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// The page markers removed, in order.
    pub markers: Vec<PageMarker>,
    /// The name of the encoding the input was read in.
    pub encoding: &'static str,
}

/// Decodes, removes page markers and joins lines into paragraphs.
pub fn clean(input: &[u8], source: &str) -> Result<Cleaned, ImportError> {
    let (text, encoding) = decode(input, source)?;
    let (paragraphs, markers) = paragraphs(&text);
    if paragraphs.is_empty() {
        return Err(ImportError::Empty {
            source_name: source.to_string(),
        });
    }
    Ok(Cleaned {
        paragraphs,
        markers,
        encoding,
    })
}

/// Decodes UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 / GBK.
pub fn decode(input: &[u8], source: &str) -> Result<(String, &'static str), ImportError> {
    let empty = || ImportError::Empty {
        source_name: source.to_string(),
    };
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(input) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&input[bom..]);
        if had_errors {
            return Err(binary(
                source,
                "text with a byte-order mark that does not decode",
            ));
        }
        return check_text(text.into_owned(), encoding.name(), source);
    }
    if input.contains(&0) {
        return Err(binary(source, "NUL bytes"));
    }
    if let Ok(text) = std::str::from_utf8(input) {
        return check_text(text.to_string(), "UTF-8", source);
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(input);
    if had_errors {
        return Err(binary(
            source,
            "bytes that are neither UTF-8 nor GB18030/GBK",
        ));
    }
    check_text(text.into_owned(), "GB18030", source)
}

fn binary(source: &str, found: &str) -> ImportError {
    ImportError::Binary {
        source_name: source.to_string(),
        found: found.to_string(),
    }
}

/// Rejects decoded text that is mostly control characters, and text that is only blank.
fn check_text(
    text: String,
    encoding: &'static str,
    source: &str,
) -> Result<(String, &'static str), ImportError> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    if control * 100 > total {
        return Err(binary(source, "control characters"));
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            source_name: source.to_string(),
        });
    }
    Ok((text, encoding))
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

/// A line of input, trimmed, with what the joining rules need to know.
struct Line<'a> {
    text: Cow<'a, str>,
    norm: String,
    number: usize,
    width: usize,
    blank_before: bool,
    indented: bool,
    markers: Vec<usize>,
}

/// Splits the text into lines, removes page markers and joins lines into paragraphs.
fn paragraphs(text: &str) -> (Vec<Paragraph>, Vec<PageMarker>) {
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
    let typical = typical_width(&lines);
    let wrapped = is_wrapped(&lines, typical);

    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut current: Option<Paragraph> = None;
    for i in 0..lines.len() {
        let start = current.is_none()
            || breaks_between(&lines[i - 1], &lines[i], lines.get(i + 1), wrapped, typical);
        if start && let Some(p) = current.take() {
            paragraphs.push(p);
        }
        let line = &lines[i];
        let p = current.get_or_insert_with(|| Paragraph {
            text: String::new(),
            norm: String::new(),
            line: line.number,
        });
        for &m in &line.markers {
            markers[m].paragraph = paragraphs.len();
        }
        if !p.text.is_empty() && needs_space(&p.text, &line.text) {
            p.text.push(' ');
            p.norm.push(' ');
        }
        p.text.push_str(&line.text);
        p.norm.push_str(&line.norm);
    }
    if let Some(p) = current.take() {
        paragraphs.push(p);
    }
    for m in pending {
        markers[m].paragraph = paragraphs.len().saturating_sub(1);
    }
    (paragraphs, markers)
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

/// The usual width of a full line: the most common width among the widest half.
fn typical_width(lines: &[Line<'_>]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|l| l.width).collect();
    if widths.is_empty() {
        return 0;
    }
    widths.sort_unstable();
    widths[widths.len() * 3 / 4]
}

/// True when the text is a newspaper column with hard line breaks inside
/// paragraphs, rather than one paragraph per line (as on most websites).
fn is_wrapped(lines: &[Line<'_>], typical: usize) -> bool {
    if lines.len() < 4 || typical > 200 {
        return false;
    }
    let open_ended = lines
        .iter()
        .filter(|l| l.width * 10 >= typical * 8 && !ends_sentence(&l.norm))
        .count();
    open_ended * 10 >= lines.len() * 3
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// True when a line ends a sentence (。；：！？, possibly inside a closing quote or bracket).
fn ends_sentence(norm: &str) -> bool {
    let mut rev = norm.chars().rev();
    let mut c = rev.next();
    while matches!(c, Some('”' | '’' | '）' | '》' | '」')) {
        c = rev.next();
    }
    matches!(c, Some('。' | '；' | '：' | '！' | '？' | '!' | '?'))
}

/// Whether a new paragraph begins between two consecutive non-blank lines.
fn breaks_between(
    prev: &Line<'_>,
    next: &Line<'_>,
    after: Option<&Line<'_>>,
    wrapped: bool,
    typical: usize,
) -> bool {
    if !wrapped {
        return true;
    }
    // A number or unit split across lines (459.66 / 万元, 23.7万平 / 方米) is
    // rejoined whatever else the lines look like.
    let prev_last = last_char(&prev.norm);
    let next_first = next.norm.chars().next();
    if prev_last.is_some_and(|c| c.is_ascii_digit() || c == '.')
        && next_first.is_some_and(|c| !c.is_ascii_digit() || prev_last == Some('.'))
        && !starts_structure(&next.norm)
    {
        return false;
    }
    if prev_last == Some('平') && next.norm.starts_with("方") {
        return false;
    }
    if is_standalone(prev, Some(next), typical) || is_standalone(next, after, typical) {
        return true;
    }
    let prev_ends = ends_sentence(&prev.norm);
    if prev_ends && (starts_structure(&next.norm) || next.indented) {
        return true;
    }
    if prev_ends && (prev.width * 100 < typical * 88 || next.blank_before) {
        return true;
    }
    false
}

/// True for a line that is a paragraph by itself: a heading without punctuation,
/// a date, a title, or a signature standing over a date.
fn is_standalone(line: &Line<'_>, next: Option<&Line<'_>>, typical: usize) -> bool {
    let norm = line.norm.as_str();
    if norm
        .chars()
        .any(|c| matches!(c, '，' | '。' | '；' | '、' | '！' | '？'))
        && !starts_section_heading(norm)
    {
        return false;
    }
    if norm.contains('。') || norm.contains('，') {
        return false;
    }
    if is_date_line(norm) || is_title_line(norm) || starts_section_heading(norm) {
        return true;
    }
    if next.is_some_and(|n| is_date_line(&n.norm)) {
        return true;
    }
    line.width * 10 < typical * 6 && !norm.ends_with(|c: char| c.is_ascii_digit())
}

/// True for a line starting with a section heading marker: 一、 or （一）.
fn starts_section_heading(norm: &str) -> bool {
    let rest = norm.strip_prefix('（').unwrap_or(norm);
    let n: usize = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if n == 0 {
        return false;
    }
    let after = &rest[n..];
    if norm.starts_with('（') {
        after.starts_with('）')
    } else {
        after.starts_with('、')
    }
}

/// True for a line starting with anything that opens a paragraph: an ordinal,
/// a number, a section marker, or a known heading.
pub fn starts_structure(norm: &str) -> bool {
    if starts_section_heading(norm) {
        return true;
    }
    let numeral: usize = norm
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if numeral > 0 && norm[numeral..].starts_with('是') {
        return true;
    }
    if super::lexicon::arabic_marker(norm).is_some() {
        return true;
    }
    if norm.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        return true;
    }
    super::lexicon::HEADING_WORDS
        .iter()
        .any(|w| norm.starts_with(w))
}

/// True for a date standing alone: 2021年12月30日, 二〇二一年十二月三十日, 2021-12-30.
pub fn is_date_line(norm: &str) -> bool {
    let t = norm.trim();
    t.chars().count() <= 16
        && super::lexicon::parse_full_date(t).is_some_and(|(_, rest)| rest.trim().is_empty())
}

/// True for a report title: 中共…关于…整改情况的通报 and the like, without sentence punctuation.
pub fn is_title_line(norm: &str) -> bool {
    let n = norm.chars().count();
    (6..=90).contains(&n)
        && !norm.contains('。')
        && !norm.contains('，')
        && (norm.contains("通报")
            || norm.contains("公告")
            || norm.contains("情况的报告")
            || norm.ends_with("整改情况"))
        && (norm.contains("整改") || norm.contains("巡察") || norm.contains("巡视"))
}

/// Chinese lines join without a space; two pieces of Latin text get one.
fn needs_space(before: &str, after: &str) -> bool {
    let b = last_char(before);
    let a = after.chars().next();
    b.is_some_and(|c| c.is_ascii_alphabetic()) && a.is_some_and(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        paragraphs(input).0.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn joins_column_breaks_including_blank_lines_mid_sentence() {
        let input = "8、关于“内控机制不完善”问题的整改。\n整改结果及成效：\n一是完善内控机制建设。成立专项检查\n\n组，全面梳理岗位职责和权力事项，形成完整\n的岗位目录和“权力清单”。召开深化内控机制\n建设工作推进会，对全区内控机制建设开展监\n督检查。\n\n二是从严执行财务制度。加强资金支付审\n核的把关力度。\n";
        assert_eq!(
            texts(input),
            [
                "8、关于“内控机制不完善”问题的整改。",
                "整改结果及成效：",
                "一是完善内控机制建设。成立专项检查组，全面梳理岗位职责和权力事项，形成完整的岗位目录和“权力清单”。召开深化内控机制建设工作推进会，对全区内控机制建设开展监督检查。",
                "二是从严执行财务制度。加强资金支付审核的把关力度。",
            ]
        );
    }

    #[test]
    fn rejoins_numbers_and_units_split_across_lines() {
        let input = "正在深化整改的内容及时限：\n五爱小学人防工程项目在建工程459.66\n\n万元，已与梁溪区协商一致，将于2022年1月\n核算年度易地建设费时一并结算。\n已完成征收拆迁非住宅101家、23.7万平\n方米。其中大桥工业园已全部签约完成；黄金湾\n工业园启动区已完成拆迁。\n";
        let t = texts(input);
        assert!(
            t[1].starts_with("五爱小学人防工程项目在建工程459.66万元，"),
            "{t:?}"
        );
        assert!(t.iter().any(|p| p.contains("23.7万平方米")), "{t:?}");
    }

    #[test]
    fn removes_and_records_page_markers() {
        let input = "（上接第5版）建立区级国企监管体制，保障区\n属国企平稳运行、资产保值增值。制订《无锡经\n济开发区区属国企财务管理制度》等规章制度，\n监管区管国有企业财务活动。\n";
        let (paras, markers) = paragraphs(input);
        assert!(
            paras[0]
                .text
                .starts_with("建立区级国企监管体制，保障区属国企平稳运行、资产保值增值。制订")
        );
        assert_eq!(markers.len(), 1);
        assert_eq!(markers[0].text, "（上接第5版）");
        assert!(markers[0].continued_from);
        assert_eq!(markers[0].paragraph, 0);
    }

    #[test]
    fn one_paragraph_per_line_when_the_text_is_not_wrapped() {
        let input = "一、已完成整改的问题\n1.关于“学习不深入”问题。整改情况：一是建立制度。二是开展学习。\n2.关于“制度不健全”问题。整改情况：已修订制度3项。\n";
        assert_eq!(texts(input).len(), 3);
    }

    #[test]
    fn normalises_full_width_digits_one_for_one() {
        let s = "完成率７６％，（１）";
        let n = normalize(s);
        assert_eq!(n, "完成率76%，（1）");
        assert_eq!(n.chars().count(), s.chars().count());
    }

    #[test]
    fn decodes_gb18030_and_rejects_binary_and_empty() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("关于巡察整改情况的通报");
        let (text, enc) = decode(&bytes, "x").unwrap();
        assert_eq!(text, "关于巡察整改情况的通报");
        assert_eq!(enc, "GB18030");
        assert!(matches!(decode(b"", "x"), Err(ImportError::Empty { .. })));
        assert!(matches!(
            decode(b" \n\n", "x"),
            Err(ImportError::Empty { .. })
        ));
        assert!(matches!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1], "x"),
            Err(ImportError::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0xff, 0xfe, 0xff, 0xff, 0x81], "x"),
            Err(ImportError::Binary { .. })
        ));
    }
}
