//! Stage 5, extract figures: numbers with units, what they measure and the
//! clause they come from; amounts mentioned without a figure; deadlines.
//!
//! One left-to-right pass over the characters finds the numbers
//! ([`numbers`]); the words around each number decide its role and kind
//! ([`meaning`]). Nothing backtracks.

mod deadline;
mod meaning;
mod numbers;
mod unstated;

use rust_decimal::Decimal;

use crate::model::Figure;

pub use deadline::deadline;
pub use unstated::unstated;

use meaning::{Cues, describe, link_targets};
use numbers::{arabic_at, han_at, is_han_digit};

/// The delimiters of a clause: a quote is the text between two of them.
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | '：' | ',' | '!' | '?')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | '!' | '?')
}

/// A paragraph as two parallel character arrays: as printed and normalised.
pub struct Text {
    orig: Vec<char>,
    norm: Vec<char>,
    /// For each character, whether it sits inside a short quotation (“三个原则”)
    /// or a title (《…》, 〔…〕), where numbers name things rather than count them.
    quoted: Vec<bool>,
    /// Where clause delimiters stand, ascending.
    clause_ends: Vec<usize>,
    /// Where sentence delimiters stand, ascending.
    sentence_ends: Vec<usize>,
}

impl Text {
    /// Builds the arrays; `norm` must have as many characters as `orig`.
    pub fn new(orig: &str, norm: &str) -> Self {
        let orig: Vec<char> = orig.chars().collect();
        let mut norm: Vec<char> = norm.chars().collect();
        if norm.len() != orig.len() {
            norm = orig.iter().map(|c| super::clean::norm_char(*c)).collect();
        }
        let quoted = quoted_spans(&norm);
        let ends = |is_end: fn(char) -> bool| -> Vec<usize> {
            (0..norm.len()).filter(|&i| is_end(norm[i])).collect()
        };
        let (clause_ends, sentence_ends) = (ends(is_clause_end), ends(is_sentence_end));
        Self {
            orig,
            norm,
            quoted,
            clause_ends,
            sentence_ends,
        }
    }

    fn orig_slice(&self, start: usize, end: usize) -> String {
        self.orig[start..end].iter().collect()
    }

    fn norm_slice(&self, start: usize, end: usize) -> String {
        self.norm[start..end].iter().collect()
    }

    /// The clause around the characters `from..to`: from after the delimiter
    /// before `from` to before the first delimiter at or after `to`. A figure's
    /// own characters may hold a delimiter (the comma of 1,000元), so the end is
    /// looked for after the figure, never inside it.
    fn clause(&self, from: usize, to: usize) -> (usize, usize) {
        self.between(&self.clause_ends, from, to)
    }

    /// The sentence around the characters `from..to`, found as [`Text::clause`] is.
    fn sentence(&self, from: usize, to: usize) -> (usize, usize) {
        self.between(&self.sentence_ends, from, to)
    }

    /// The span around `from..to` between two of the delimiters at `ends`,
    /// found by bisection: walking to them from each figure of a long
    /// sentence was quadratic in its figures.
    fn between(&self, ends: &[usize], from: usize, to: usize) -> (usize, usize) {
        let before = ends.partition_point(|&d| d < from);
        let start = before.checked_sub(1).map_or(0, |p| ends[p] + 1);
        let after = ends.partition_point(|&d| d < to.max(from));
        (start, ends.get(after).copied().unwrap_or(self.norm.len()))
    }

    fn starts_with_at(&self, at: usize, word: &str) -> bool {
        (at..)
            .zip(word.chars())
            .all(|(i, w)| self.norm.get(i) == Some(&w))
    }
}

/// Marks characters inside short quotations and inside 《》 and 〔〕.
fn quoted_spans(norm: &[char]) -> Vec<bool> {
    let mut quoted = vec![false; norm.len()];
    let mut open: Option<usize> = None;
    let mut title_depth = 0usize;
    for (i, c) in norm.iter().enumerate() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(start) = open.take() {
                    // Slogans are short; a long quotation is reported speech.
                    if i - start <= 12 {
                        quoted[start..=i].iter_mut().for_each(|q| *q = true);
                    }
                }
            }
            '《' | '〔' => title_depth += 1,
            '》' | '〕' => title_depth = title_depth.saturating_sub(1),
            _ => {}
        }
        if title_depth > 0 {
            quoted[i] = true;
        }
    }
    quoted
}

/// A number found in the text, before its meaning is decided.
struct Found {
    start: usize,
    end: usize,
    value: Decimal,
    unit: &'static str,
    approximate: bool,
}

/// Every figure in a paragraph, in printed order.
pub fn extract(text: &Text) -> Vec<Figure> {
    let cues = Cues::new(text);
    let mut figures = Vec::new();
    let n = text.norm.len();
    let mut i = 0;
    while i < n {
        let c = text.norm[i];
        let found = if c.is_ascii_digit() {
            let (found, next) = arabic_at(text, i);
            i = next;
            found
        } else if is_han_digit(c) {
            let (found, next) = han_at(text, i);
            i = next;
            found
        } else {
            i += 1;
            None
        };
        if let Some(found) = found {
            figures.push(describe(text, &cues, &found));
        }
    }
    link_targets(&mut figures);
    figures
}

#[cfg(test)]
mod tests;
