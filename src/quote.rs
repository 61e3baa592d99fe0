//! Whether quoted clauses occur in a text, exactly or once whitespace is
//! removed, in time linear in the text and the quotes whatever they hold.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;
use memchr::memmem;

/// True when `needle` is in `haystack` once all whitespace is removed from
/// both, for comparing quotes with text transcribed from a paper with line
/// breaks. A plain substring is the common case and needs no copies.
pub fn contains_compact(haystack: &str, needle: &str) -> bool {
    let mut work = 0;
    contains(haystack.as_bytes(), needle.as_bytes(), &mut work)
        || contains(
            compact(haystack).as_bytes(),
            compact(needle).as_bytes(),
            &mut work,
        )
}

/// For each needle, whether [`contains_compact`] holds for it in `haystack`.
/// The haystack is read a bounded number of times however many needles there
/// are, and has its whitespace removed at most once.
pub fn each_in_compact(haystack: &str, needles: &[&str]) -> Vec<bool> {
    each_in_compact_counted(haystack, needles, &mut 0)
}

/// For each needle, whether it occurs in `haystack` exactly, reading the
/// haystack a bounded number of times however many needles there are.
pub fn each_in(haystack: &str, needles: &[&str]) -> Vec<bool> {
    each_in_bytes(haystack.as_bytes(), needles, &mut 0)
}

/// [`each_in_compact`], adding to `work` the bytes it compared or scanned.
fn each_in_compact_counted(haystack: &str, needles: &[&str], work: &mut usize) -> Vec<bool> {
    let mut found = each_in_bytes(haystack.as_bytes(), needles, work);
    let missing: Vec<usize> = (0..needles.len()).filter(|&i| !found[i]).collect();
    if missing.is_empty() {
        return found;
    }
    let haystack = compact(haystack);
    let compacted: Vec<String> = missing.iter().map(|&i| compact(needles[i])).collect();
    let compacted: Vec<&str> = compacted.iter().map(String::as_str).collect();
    *work += haystack.len();
    for (i, hit) in missing
        .into_iter()
        .zip(each_in_bytes(haystack.as_bytes(), &compacted, work))
    {
        found[i] = hit;
    }
    found
}

/// Above this many needles, one Aho-Corasick pass over the haystack replaces a
/// search per needle: a measure with thousands of figures would otherwise be
/// read once per figure.
const MANY_NEEDLES: usize = 16;

/// For each needle, whether it occurs in `haystack`.
fn each_in_bytes(haystack: &[u8], needles: &[&str], work: &mut usize) -> Vec<bool> {
    if needles.len() <= MANY_NEEDLES {
        return needles
            .iter()
            .map(|n| contains(haystack, n.as_bytes(), work))
            .collect();
    }
    // Each distinct needle once: the automaton keeps a list of the patterns
    // ending at each state, and appending the same one there again and again
    // is quadratic in the copies (many figures quoting the same clause).
    let mut distinct: HashMap<&str, usize> = HashMap::new();
    let slots: Vec<usize> = needles
        .iter()
        .map(|n| {
            let next = distinct.len();
            *distinct.entry(n).or_insert(next)
        })
        .collect();
    let mut unique = vec![""; distinct.len()];
    for (n, slot) in distinct {
        unique[slot] = n;
    }
    let Ok(automaton) = AhoCorasick::new(&unique) else {
        // Only an automaton too large to build fails; search one by one.
        return needles
            .iter()
            .map(|n| contains(haystack, n.as_bytes(), work))
            .collect();
    };
    *work += haystack.len() + unique.iter().map(|n| n.len()).sum::<usize>();
    let mut found: Vec<bool> = unique.iter().map(|n| n.is_empty()).collect();
    let mut left = found.iter().filter(|f| !**f).count();
    for m in automaton.find_overlapping_iter(haystack) {
        if left == 0 {
            break;
        }
        *work += 1;
        let hit = &mut found[m.pattern().as_usize()];
        if !*hit {
            *hit = true;
            left -= 1;
        }
    }
    slots.into_iter().map(|slot| found[slot]).collect()
}

/// Whether `needle` occurs in `haystack`. Candidates by their first byte, then
/// a compare: for the short texts of one measure this is faster than building
/// a substring searcher, as `str::contains` and `memmem::find` do. Once the
/// compares cost more than a few passes over the haystack (a long quote that
/// almost matches everywhere, as in 'aaa…ab' in 'aaa…a'), a linear-time
/// `memmem` search finishes the job.
fn contains(haystack: &[u8], needle: &[u8], work: &mut usize) -> bool {
    let Some((&first, _)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = haystack.len().checked_sub(needle.len()) else {
        return false;
    };
    let budget = 4 * haystack.len() + 256;
    let mut spent = 0;
    for at in memchr::memchr_iter(first, &haystack[..=last_start]) {
        if haystack[at..].starts_with(needle) {
            *work += spent + at;
            return true;
        }
        spent += needle.len();
        if spent > budget {
            *work += spent + haystack.len() + needle.len();
            return memmem::find(&haystack[at..], needle).is_some();
        }
    }
    *work += spent + haystack.len();
    false
}

/// The text with all whitespace removed.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_exactly_or_across_line_breaks() {
        assert!(contains_compact(
            "全年盘活存量建设用地849.56亩",
            "存量建设用地"
        ));
        assert!(contains_compact(
            "全年盘活存量\n建设用地849.56亩",
            "存量建设用地"
        ));
        assert!(contains_compact("全年盘活存量建设用地", "存量 建设"));
        assert!(!contains_compact("全年盘活存量建设用地", "存量用地"));
        assert!(contains_compact("anything", ""));
        assert!(!contains_compact("", "x"));
    }

    #[test]
    fn short_substrings_are_found_at_either_end_and_not_past_it() {
        for (hay, needle, found) in [
            ("盘活存量建设用地849.56亩", "849.56亩", true),
            ("盘活存量建设用地849.56亩", "盘活", true),
            ("盘活存量建设用地849.56亩", "用地", true),
            ("盘活存量建设用地849.56亩", "849.57", false),
            ("亩", "亩亩", false),
            ("", "", true),
            ("abc", "", true),
            ("", "a", false),
        ] {
            assert_eq!(
                contains(hay.as_bytes(), needle.as_bytes(), &mut 0),
                found,
                "{needle:?} in {hay:?}"
            );
        }
    }

    #[test]
    fn many_needles_get_the_same_answers_as_one_at_a_time() {
        let text = "一是加强资金管理，追缴资金5万元。\n二是规范审批，退还 3万元。";
        let needles: Vec<String> = (0..40)
            .map(|i| match i % 4 {
                0 => format!("追缴资金{}万元", i % 7),
                1 => "退还3万元".to_owned(),
                2 => format!("规范审批{i}"),
                _ => String::new(),
            })
            .collect();
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        let expected: Vec<bool> = needles.iter().map(|n| contains_compact(text, n)).collect();
        assert!(expected.iter().any(|f| *f) && expected.iter().any(|f| !*f));
        assert_eq!(each_in_compact(text, &needles), expected);
        assert_eq!(each_in_compact(text, &needles[..5]), expected[..5]);
    }

    /// The work of a search for a quote of n characters that fails only at its
    /// last byte, in a text of 2n repeated letters: the case that took 17.8 s.
    fn almost_matching_quote(n: usize) -> usize {
        let text = "a".repeat(2 * n);
        let quote = format!("{}b", "a".repeat(n - 1));
        let mut work = 0;
        let found = each_in_compact_counted(&text, &[&quote], &mut work);
        assert_eq!(found, vec![false]);
        work
    }

    /// The work of checking n figures whose quotes are not in a text of 50n bytes.
    fn many_missing_quotes(n: usize) -> usize {
        let text = "追缴资金5万元，".repeat(n * 50 / 24);
        let quotes: Vec<String> = (0..n).map(|i| format!("退还{i}万元")).collect();
        let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let mut work = 0;
        let found = each_in_compact_counted(&text, &quotes, &mut work);
        assert!(found.iter().all(|f| !f));
        work
    }

    #[test]
    fn quote_lookup_work_grows_linearly_with_a_long_almost_matching_quote() {
        let (small, large) = (almost_matching_quote(2_000), almost_matching_quote(16_000));
        assert!(large < 12 * small, "work {small} at n, {large} at 8n");
    }

    #[test]
    fn quote_lookup_work_grows_linearly_with_the_number_of_figures() {
        let (small, large) = (many_missing_quotes(200), many_missing_quotes(1_600));
        assert!(large < 12 * small, "work {small} at n, {large} at 8n");
    }
}
