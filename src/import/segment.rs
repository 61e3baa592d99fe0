//! Stage 3, segment: lines are joined into paragraphs (a newspaper column
//! breaks lines inside sentences; a website prints one paragraph per line),
//! and paragraphs are split into reports.

use super::clean::{Line, Lines, PageMarker};
use super::lexicon::{
    furniture_label, is_date_line, is_title_line, marker, starts_section_heading, starts_structure,
};

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

/// The segmented input: paragraphs, the page markers removed, the encoding found.
#[derive(Debug, Clone)]
pub struct Segmented {
    /// The paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// The page markers removed, in order.
    pub markers: Vec<PageMarker>,
    /// The name of the encoding the input was read in.
    pub encoding: &'static str,
}

/// Joins lines into paragraphs, the newspaper's line breaks removed.
pub fn paragraphs(lines: Lines<'_>) -> (Vec<Paragraph>, Vec<PageMarker>) {
    let Lines {
        lines,
        mut markers,
        pending,
    } = lines;
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
pub fn ends_sentence(norm: &str) -> bool {
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

/// Chinese lines join without a space; two pieces of Latin text get one.
fn needs_space(before: &str, after: &str) -> bool {
    let b = last_char(before);
    let a = after.chars().next();
    b.is_some_and(|c| c.is_ascii_alphabetic()) && a.is_some_and(|c| c.is_ascii_alphabetic())
}

/// How a paragraph stands in the flow of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Date,
    Signature,
    Body,
    /// The web page around the text: 发布机构, 浏览量, 打印, a repeated title.
    Furniture,
}

/// The paragraphs of one report.
#[derive(Debug, Default)]
pub struct Chunk {
    pub title: Option<usize>,
    pub body: Vec<usize>,
    pub signature: Option<usize>,
    pub date: Option<usize>,
    /// Page furniture around the report (来源, 浏览量, 打印, 成文日期…).
    pub furniture: Vec<usize>,
}

/// Splits paragraphs into reports. A report ends with its signature and date; a
/// title right after a date belongs to the report before when that report has
/// none and the names agree (a newspaper page prints the title under the body).
pub fn chunks(paragraphs: &[Paragraph]) -> Vec<Chunk> {
    let roles: Vec<Role> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // The value under a label of its own ("成文日期：" / "2022-11-18").
            let value_of_label = i > 0
                && furniture_label(&paragraphs[i - 1].norm)
                    .is_some_and(|(label, value)| !label.is_empty() && value.is_empty());
            if is_title_line(&p.norm) {
                Role::Title
            } else if value_of_label || furniture_label(&p.norm).is_some() {
                Role::Furniture
            } else if is_date_line(&p.norm) {
                Role::Date
            } else if is_signature(&p.norm)
                && paragraphs.get(i + 1).is_some_and(|n| is_date_line(&n.norm))
            {
                Role::Signature
            } else {
                Role::Body
            }
        })
        .collect();
    let mut done: Vec<Chunk> = Vec::new();
    let mut current = Chunk::default();
    let mut just_closed = false;
    for (i, role) in roles.iter().enumerate() {
        match role {
            Role::Furniture => {
                match done.last_mut() {
                    Some(prev) if just_closed => prev.furniture.push(i),
                    _ => current.furniture.push(i),
                }
                continue;
            }
            // A page that prints the title twice (文件名称 and the heading).
            Role::Title
                if current.body.is_empty()
                    && current.title.is_some_and(|t| {
                        paragraphs[t].norm.trim() == paragraphs[i].norm.trim()
                    }) =>
            {
                current.furniture.push(i);
                continue;
            }
            Role::Title => {
                let follows = roles[i + 1..]
                    .iter()
                    .take_while(|r| **r != Role::Title)
                    .any(|r| *r == Role::Body);
                if just_closed && let Some(prev) = done.last_mut() {
                    let matches = prev
                        .signature
                        .is_some_and(|s| paragraphs[i].norm.starts_with(paragraphs[s].norm.trim()));
                    if prev.title.is_none() && (matches || !follows) {
                        prev.title = Some(i);
                        continue;
                    }
                }
                if current.title.is_some() || !current.body.is_empty() {
                    done.push(std::mem::take(&mut current));
                }
                current.title = Some(i);
                just_closed = false;
            }
            Role::Signature => {
                current.signature = Some(i);
            }
            Role::Date => {
                if current.body.is_empty() && current.signature.is_none() {
                    // A date before the body: the publication date of what follows.
                    current.date = Some(i);
                    continue;
                }
                current.date = Some(i);
                done.push(std::mem::take(&mut current));
                just_closed = true;
            }
            Role::Body => {
                current.body.push(i);
                just_closed = false;
            }
        }
    }
    if current.title.is_some() || !current.body.is_empty() || current.signature.is_some() {
        done.push(current);
    } else if let Some(prev) = done.last_mut() {
        prev.furniture.append(&mut current.furniture);
    } else if !current.furniture.is_empty() {
        done.push(current);
    }
    done
}

/// A signature: a short line naming a body, without punctuation.
pub fn is_signature(norm: &str) -> bool {
    let n = norm.chars().count();
    (2..=40).contains(&n)
        && !norm.chars().any(|c| "，。；：、！？“”".contains(c))
        && marker(norm).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        paragraphs(crate::import::clean::lines(input))
            .0
            .into_iter()
            .map(|p| p.text)
            .collect()
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
        let (paras, markers) = paragraphs(crate::import::clean::lines(input));
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
}
