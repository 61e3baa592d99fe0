//! Stage 7, account for every line: where each paragraph of the input went,
//! or why it went nowhere, and the lines no field holds.

use aho_corasick::AhoCorasick;

use super::clean::{PageMarker, normalize};
use super::lexicon::{HEADING_WORDS, marker, parse_full_date, parse_lost_date};
use super::segment::Paragraph;
use crate::model::{Dataset, Report};

/// Where one paragraph of the input went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The input as the user named it.
    pub source: String,
    /// The 1-based line the paragraph starts on.
    pub line: usize,
    /// The first characters of the paragraph.
    pub excerpt: String,
    /// Where it went ("problem 8 › measure 二是"), or why it went nowhere.
    pub place: String,
    /// True when the paragraph was kept in `Report::unplaced`.
    pub unplaced: bool,
    /// What the import could not keep of it and why, warned about on stderr.
    pub warning: Option<String>,
}

impl Placement {
    /// A paragraph that went to `place`.
    pub fn placed(source: &str, p: &Paragraph, place: &str) -> Self {
        Self {
            source: source.to_string(),
            line: p.line,
            excerpt: excerpt(&p.text),
            place: place.to_string(),
            unplaced: false,
            warning: None,
        }
    }

    /// A line that no stage placed, kept in `unplaced` by the account.
    pub fn lost(source: &str, line: usize, text: &str, reason: &str) -> Self {
        Self {
            source: source.to_string(),
            line,
            excerpt: excerpt(text),
            place: format!("unplaced: {reason}"),
            unplaced: true,
            warning: None,
        }
    }

    /// A paragraph kept in `unplaced`, with the reason.
    pub fn unplaced(source: &str, p: &Paragraph, reason: &str) -> Self {
        Self {
            source: source.to_string(),
            line: p.line,
            excerpt: excerpt(&p.text),
            place: format!("unplaced: {reason}"),
            unplaced: true,
            warning: None,
        }
    }
}

fn excerpt(text: &str) -> String {
    let mut s: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        s.push('…');
    }
    s
}

/// The result of an import: the dataset, where each paragraph went, the page markers removed.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The reports found, as a dataset.
    pub dataset: Dataset,
    /// One entry per paragraph of the input, in input order.
    pub placements: Vec<Placement>,
    /// The page markers removed from the text, with the source they came from.
    pub page_markers: Vec<(String, PageMarker)>,
    /// The encoding each input was read in.
    pub encodings: Vec<(String, &'static str)>,
}

/// Every string the reports hold (texts, quotes, labels, dates), each with
/// its whitespace removed, joined by NUL, which no decoded input holds.
fn haystack(reports: &[Report]) -> String {
    fn walk(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(s) => {
                out.extend(s.chars().filter(|c| !c.is_whitespace()));
                out.push('\0');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    for report in reports {
        if let Ok(value) = serde_json::to_value(report) {
            walk(&value, &mut out);
        }
    }
    out
}

/// Words that make up the frame of a heading rather than its content
/// (1.关于“…”问题的整改, 整改情况：): a heading is kept when its content is.
const FRAME_WORDS: &[&str] = &[
    "问题的整改情况",
    "问题的整改",
    "的问题",
    "关于",
    "问题",
    "方面",
];

fn is_frame_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || "，。；：、！？“”‘’（）《》〔〕【】…—·•●".contains(c)
}

/// The pieces of a line's content: the line without its numbering marker,
/// split at punctuation and at the words of a heading's frame.
fn pieces(line: &str) -> Vec<String> {
    let orig: Vec<char> = line.chars().collect();
    let norm: Vec<char> = normalize(line).chars().collect();
    let norm_s: String = norm.iter().collect();
    let skip = marker(&norm_s).map_or(0, |m| m.printed_len);
    let mut cut = vec![false; norm.len()];
    for (k, c) in norm.iter().enumerate() {
        cut[k] = k < skip || is_frame_char(*c);
    }
    for word in FRAME_WORDS.iter().chain(HEADING_WORDS) {
        let w: Vec<char> = word.chars().collect();
        for k in 0..norm.len().saturating_sub(w.len() - 1) {
            if norm[k..].starts_with(&w) {
                cut[k..k + w.len()].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    let mut out = Vec::new();
    let mut piece = String::new();
    for (k, c) in orig.iter().enumerate() {
        if cut.get(k).copied().unwrap_or(true) {
            if !piece.is_empty() {
                out.push(std::mem::take(&mut piece));
            }
        } else {
            piece.push(*c);
        }
    }
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

/// Which of `patterns` occur in `haystack`, in one pass.
fn occurring(patterns: &[String], haystack: &str) -> Vec<bool> {
    // Each pattern once: copies of a pattern make the automaton quadratic to
    // build, and a page repeats lines.
    let mut unique: Vec<&str> = patterns.iter().map(String::as_str).collect();
    unique.sort_unstable();
    unique.dedup();
    let mut seen = vec![false; unique.len()];
    if let Ok(automaton) = AhoCorasick::new(&unique) {
        for m in automaton.find_overlapping_iter(haystack) {
            seen[m.pattern().as_usize()] = true;
        }
    }
    patterns
        .iter()
        .map(|p| unique.binary_search(&p.as_str()).is_ok_and(|k| seen[k]))
        .collect()
}

/// The lines of `text` that no field of `reports` holds: each non-empty line
/// must be found whole (whitespace removed) in some text, quote or label; a
/// date line as the date; a heading by its content without its frame.
/// Returns the 1-based line numbers and the lines.
pub fn lost_lines(text: &str, reports: &[Report]) -> Vec<(usize, String)> {
    let hay = haystack(reports);
    let lines: Vec<(usize, String)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            (
                i + 1,
                l.chars().filter(|c| !c.is_whitespace()).collect::<String>(),
            )
        })
        .filter(|(_, l): &(usize, String)| !l.trim_matches('\u{feff}').is_empty())
        .collect();
    let whole: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let found = occurring(&whole, &hay);
    let mut rest: Vec<(usize, String, Vec<String>)> = Vec::new();
    for ((n, line), ok) in lines.into_iter().zip(found) {
        if ok {
            continue;
        }
        let norm = normalize(&line);
        let date = parse_full_date(&norm)
            .or_else(|| parse_lost_date(&norm))
            .filter(|(_, rest)| rest.trim().is_empty());
        if let Some((d, _)) = date
            && hay.contains(&d.format("%Y-%m-%d").to_string())
        {
            continue;
        }
        let parts = pieces(&line);
        rest.push((n, line, parts));
    }
    let all: Vec<String> = rest
        .iter()
        .flat_map(|(_, _, p)| p.iter().cloned())
        .collect();
    let found = occurring(&all, &hay);
    let mut k = 0;
    let mut lost = Vec::new();
    for (n, line, parts) in rest {
        let kept = found[k..k + parts.len()].iter().all(|f| *f);
        k += parts.len();
        if !kept {
            lost.push((n, line));
        }
    }
    lost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_is_kept_by_its_content_and_a_line_by_its_characters() {
        assert_eq!(
            pieces("1.关于“学习不深入”问题的整改"),
            ["学习不深入".to_string()]
        );
        assert_eq!(
            pieces("（上接第5版）建立区级国企"),
            ["上接第5版".to_string(), "建立区级国企".to_string()]
        );
        assert!(lost_lines("\n  \n", &[]).is_empty());
        assert_eq!(
            lost_lines("a\n\n b ", &[]),
            [(1, "a".to_string()), (3, "b".to_string())]
        );
    }
}
