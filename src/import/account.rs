//! Stage 7, account for every line: where each paragraph of the input went,
//! or why it went nowhere.

use super::segment::Paragraph;

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
}

impl Placement {
    pub fn placed(source: &str, p: &Paragraph, place: &str) -> Self {
        Self {
            source: source.to_string(),
            line: p.line,
            excerpt: excerpt(&p.text),
            place: place.to_string(),
            unplaced: false,
        }
    }

    pub fn unplaced(source: &str, p: &Paragraph, reason: &str) -> Self {
        Self {
            source: source.to_string(),
            line: p.line,
            excerpt: excerpt(&p.text),
            place: format!("unplaced: {reason}"),
            unplaced: true,
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
