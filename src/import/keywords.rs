//! Where the words of a keyword table occur in a paragraph: found once per
//! paragraph, so that each figure asks about its clause or sentence in
//! logarithmic time instead of searching them again.

/// The occurrences of a list of words in a paragraph of characters.
pub struct Keywords {
    /// Start, index of the word and its length in characters, by start then index.
    found: Vec<(usize, usize, usize)>,
    /// The length of the longest word, in characters.
    longest: usize,
}

impl Keywords {
    /// Finds every occurrence of each word in `text`.
    pub fn new<'a>(text: &[char], words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut found = Vec::new();
        let mut longest = 0;
        for (index, word) in words.into_iter().enumerate() {
            let word: Vec<char> = word.chars().collect();
            let Some(&first) = word.first() else {
                continue;
            };
            longest = longest.max(word.len());
            let last = text.len().saturating_sub(word.len() - 1);
            for start in 0..last {
                if text[start] == first && text[start..].starts_with(&word) {
                    found.push((start, index, word.len()));
                }
            }
        }
        found.sort_unstable();
        Self { found, longest }
    }

    /// Of the words lying wholly in `start..end`, the one that ends nearest
    /// before `at` (the longer on a tie, so 固定资产投资 beats 投资), else the
    /// first that does not end before it (the earlier in the list on a tie).
    pub fn nearest(&self, start: usize, end: usize, at: usize) -> Option<usize> {
        let limit = at.min(end);
        let mut best: Option<(usize, usize, usize)> = None;
        let mut i = self.found.partition_point(|&(s, _, _)| s < limit);
        while i > 0 {
            i -= 1;
            let (s, index, len) = self.found[i];
            // Words that start this early cannot end later than the best.
            if s < start || best.is_some_and(|(e, _, _)| s + self.longest < e) {
                break;
            }
            let e = s + len;
            if e <= limit && best.is_none_or(|(be, bl, _)| e > be || (e == be && len > bl)) {
                best = Some((e, len, index));
            }
        }
        if let Some((_, _, index)) = best {
            return Some(index);
        }
        // Anything that does not end before `at` starts after at - longest.
        let from = start.max((at + 1).saturating_sub(self.longest));
        self.found[self.found.partition_point(|&(s, _, _)| s < from)..]
            .iter()
            .take_while(|&&(s, _, _)| s < end)
            .find(|&&(s, _, len)| s + len > at && s + len <= end)
            .map(|&(_, index, _)| index)
    }

    /// Where the word at `index` of the list occurs, ascending.
    pub fn starts_of(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.found
            .iter()
            .filter(move |&&(_, i, _)| i == index)
            .map(|&(s, _, _)| s)
    }

    /// Whether any of the words lies wholly in `start..end`.
    pub fn any_within(&self, start: usize, end: usize) -> bool {
        self.found[self.found.partition_point(|&(s, _, _)| s < start)..]
            .iter()
            .take_while(|&&(s, _, _)| s < end)
            .any(|&(s, _, len)| s + len <= end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_word_ending_nearest_before_wins_and_the_longer_on_a_tie() {
        let text = chars("固定资产投资和投资共5万元，出口3万元");
        let k = Keywords::new(&text, ["投资", "固定资产投资", "出口"]);
        // Before 5 (at 10): 投资 ends at 9.
        assert_eq!(k.nearest(0, 14, 10), Some(0));
        // Before 和 (at 6): both end at 6; the longer wins.
        assert_eq!(k.nearest(0, 14, 6), Some(1));
        // Nothing before the start of the clause: the first after.
        assert_eq!(k.nearest(14, 20, 14), Some(2));
        assert_eq!(k.nearest(14, 15, 14), None);
    }

    #[test]
    fn words_must_lie_wholly_in_the_range() {
        let text = chars("力争目标预计");
        let k = Keywords::new(&text, ["力争", "目标"]);
        assert!(k.any_within(0, 2));
        assert!(!k.any_within(1, 3));
        assert!(k.any_within(1, 4));
        assert!(!k.any_within(4, 6));
    }
}
