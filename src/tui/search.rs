//! Incremental search: which rows of a view match the query. Chinese matches as
//! a substring; Latin letters match case-insensitively. The query is compiled
//! once per search into a [`Query`] that finds its needle with `memchr`, only
//! visible rows are tested per frame, and a search for the next match goes
//! through the rows a slice at a time (see `App`'s pending scan), so input never
//! waits for a scan of the whole dataset.

use memchr::memmem;

/// The longest query the search bar takes, in characters. Each key compiles
/// the query and redraws it, so without a bound typing (or pasting) N
/// characters cost N² (30,000 characters took 3.3 s); no clause a reader
/// looks for is this long.
pub const MAX_QUERY_CHARS: usize = 1_000;

use crate::model::{Dataset, Measure};
use crate::stats::ItemPath;

use super::app::{App, View};
use super::rows::MoneyRow;

/// A search needle compiled once, to be looked for in many texts: exact bytes
/// when it has no ASCII letters (Chinese, digits), otherwise ASCII letters in
/// either case.
#[derive(Debug, Clone)]
pub struct Query {
    /// The needle as typed.
    needle: String,
    /// How to find it.
    how: How,
}

/// The strategy a [`Query`] uses.
#[derive(Debug, Clone)]
enum How {
    /// The empty needle, which every text contains.
    Everything,
    /// No ASCII letters: the bytes as they are.
    Exact(memmem::Finder<'static>),
    /// ASCII letters, and a run of at least two other bytes (`办公` in `oa办公`):
    /// find the run exactly, then compare the needle around it ignoring case.
    Anchored {
        /// Finds the run.
        anchor: memmem::Finder<'static>,
        /// Where the run starts in the needle.
        at: usize,
    },
    /// Letters and no such run (`reits`): find the first byte in either case,
    /// then compare the needle there ignoring case.
    FirstByte {
        /// The first byte, lower-cased.
        lower: u8,
        /// The first byte, upper-cased.
        upper: u8,
    },
}

impl Query {
    /// Compiles a needle.
    pub fn new(needle: &str) -> Self {
        let bytes = needle.as_bytes();
        let how = if bytes.is_empty() {
            How::Everything
        } else if !bytes.iter().any(u8::is_ascii_alphabetic) {
            How::Exact(memmem::Finder::new(bytes).into_owned())
        } else {
            // The longest run of bytes that case folding leaves alone.
            let (mut best, mut run) = ((0, 0), (0, 0));
            for (i, b) in bytes.iter().enumerate() {
                if b.is_ascii_alphabetic() {
                    run = (i + 1, 0);
                } else {
                    run.1 += 1;
                    if run.1 > best.1 {
                        best = run;
                    }
                }
            }
            let (at, len) = best;
            if len >= 2 {
                How::Anchored {
                    anchor: memmem::Finder::new(&bytes[at..at + len]).into_owned(),
                    at,
                }
            } else {
                How::FirstByte {
                    lower: bytes[0].to_ascii_lowercase(),
                    upper: bytes[0].to_ascii_uppercase(),
                }
            }
        };
        Self {
            needle: needle.to_string(),
            how,
        }
    }

    /// The needle as typed.
    pub fn as_str(&self) -> &str {
        &self.needle
    }

    /// True when the needle occurs in `hay`, ignoring ASCII case; the empty needle
    /// is in every text.
    pub fn is_in(&self, hay: &str) -> bool {
        // Byte matching is safe on UTF-8: a match of valid UTF-8 bytes starts and
        // ends on character boundaries, and ASCII folding never touches
        // multi-byte sequences.
        let (h, n) = (hay.as_bytes(), self.needle.as_bytes());
        if h.len() < n.len() {
            return false;
        }
        let folded_at = |start: usize| {
            h.get(start..start + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
        };
        // Comparing at each candidate costs up to the needle's length; past a
        // few passes over the haystack (a needle that almost matches
        // everywhere) a search of a folded copy is cheaper and linear.
        let budget = 4 * h.len() + 256;
        let mut spent = 0;
        let mut within_budget = |start: usize| {
            spent += n.len();
            (spent <= budget).then(|| folded_at(start))
        };
        let found = match &self.how {
            How::Everything => Some(true),
            How::Exact(finder) => Some(finder.find(h).is_some()),
            How::Anchored { anchor, at } => anchor
                .find_iter(h)
                .filter_map(|i| i.checked_sub(*at))
                .map(&mut within_budget)
                .find(|hit| *hit != Some(false))
                .unwrap_or(Some(false)),
            How::FirstByte { lower, upper } => {
                // A match starts no later than here.
                let last = h.len() - n.len();
                memchr::memchr2_iter(*lower, *upper, &h[..=last])
                    .map(&mut within_budget)
                    .find(|hit| *hit != Some(false))
                    .unwrap_or(Some(false))
            }
        };
        found.unwrap_or_else(|| {
            memmem::find(&h.to_ascii_lowercase(), &n.to_ascii_lowercase()).is_some()
        })
    }
}

/// True when `needle` occurs in `hay`, ignoring ASCII case; the empty needle matches.
/// Compiles the needle each time: for one-off tests, not for scanning many texts.
pub fn contains(hay: &str, needle: &str) -> bool {
    Query::new(needle).is_in(hay)
}

fn item_matches(item: &Measure, q: &Query) -> bool {
    q.is_in(&item.text)
        || item.figures.iter().any(|f| q.is_in(&f.label))
        || item.deadline.as_ref().is_some_and(|d| q.is_in(&d.text))
}

fn problem_matches(data: &Dataset, r: usize, p: usize, q: &Query) -> bool {
    let Some(problem) = data.problem(r, p) else {
        return false;
    };
    problem.title.as_deref().is_some_and(|t| q.is_in(t))
        // What a ledger says of the problem: who owns it, where it sits, how far it is.
        || problem
            .leaders
            .iter()
            .chain(&problem.departments)
            .chain(&problem.partners)
            .chain(&problem.category)
            .chain(&problem.progress)
            .chain(&problem.status_text)
            .any(|t| q.is_in(t))
        || problem
            .measures
            .iter()
            .chain(&problem.ongoing)
            .any(|m| item_matches(m, q))
}

fn report_matches(data: &Dataset, r: usize, q: &Query) -> bool {
    let Some(report) = data.reports.get(r) else {
        return false;
    };
    q.is_in(&report.title)
        || q.is_in(&report.issuer)
        || report.general.iter().any(|m| item_matches(m, q))
        || (0..report.problems.len()).any(|p| problem_matches(data, r, p, q))
}

fn path_matches(data: &Dataset, path: ItemPath, q: &Query) -> bool {
    path.resolve(data).is_some_and(|m| item_matches(m, q))
}

/// Whether row `index` of a view matches the query.
pub fn row_matches(app: &App, view: View, index: usize, q: &Query) -> bool {
    let data = &app.data;
    match view {
        View::Overview => app
            .rows
            .overview
            .get(index)
            .is_some_and(|&r| report_matches(data, r, q)),
        View::Units => app
            .rows
            .board
            .units
            .get(index)
            .is_some_and(|u| report_matches(data, u.report, q)),
        View::Problems => app
            .rows
            .problems
            .get(index)
            .is_some_and(|&(r, p)| problem_matches(data, r, p, q)),
        View::Owners => app.rows.owners.get(index).is_some_and(|o| {
            q.is_in(&o.name)
                || o.problems
                    .iter()
                    .any(|&(r, p)| problem_matches(data, r, p, q))
        }),
        View::Owner(o) => app
            .rows
            .owner_problems(data, o)
            .nth(index)
            .is_some_and(|(r, p)| problem_matches(data, r, p, q)),
        View::Amounts => match app.rows.money.get(index) {
            Some(MoneyRow::Achieved(f) | MoneyRow::Listed(f) | MoneyRow::NotSummed(f)) => {
                f.resolve(data)
                    .is_some_and(|fig| q.is_in(&fig.label) || q.is_in(&fig.quote))
                    || path_matches(data, f.item, q)
            }
            Some(MoneyRow::Unstated(u)) => path_matches(data, u.item, q),
            None => false,
        },
        View::Land => app.rows.land.get(index).is_some_and(|f| {
            f.resolve(data).is_some_and(|fig| q.is_in(&fig.label)) || path_matches(data, f.item, q)
        }),
        View::Deadlines => app
            .rows
            .deadlines
            .get(index)
            .and_then(|&i| app.stats.deadlines.get(i))
            .is_some_and(|d| match d.item {
                Some(path) => path_matches(data, path, q),
                None => problem_matches(data, d.report, d.problem, q),
            }),
        View::Report(r) => match app.report_row(r, index) {
            Some(Some(p)) => problem_matches(data, r, p, q),
            Some(None) => data
                .reports
                .get(r)
                .is_some_and(|x| x.general.iter().any(|m| item_matches(m, q))),
            None => false,
        },
        View::General(r) => path_matches(data, ItemPath::general(r, index), q),
        View::Problem(r, p) => app
            .item_path(r, p, index)
            .is_some_and(|path| path_matches(data, path, q)),
        View::Item(path) => path
            .resolve(data)
            .and_then(|m| m.figures.get(index))
            .is_some_and(|f| q.is_in(&f.label) || q.is_in(&f.quote) || q.is_in(&f.text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_chinese_substrings_and_latin_without_case() {
        assert!(contains("盘活存量建设用地849.56亩", "存量建设"));
        assert!(contains("OA办公系统", "oa办公"));
        assert!(contains("REITs项目", "reits"));
        assert!(!contains("新旧动能", "动能转换"));
        assert!(contains("anything", ""));
        assert!(!contains("", "x"));
    }

    /// The matcher this module had before `Query`: every window, folded.
    fn naive(hay: &str, needle: &str) -> bool {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        n.is_empty()
            || (h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n)))
    }

    #[test]
    fn latin_letters_fold_both_ways_and_nothing_else_does() {
        assert!(contains("REITs项目", "ReItS"));
        assert!(contains("reits项目", "REITS"));
        assert!(contains("Oa办公", "oA办公"));
        // Only ASCII folds: full-width and accented letters are matched as written.
        assert!(!contains("ＯＡ办公", "oa办公"));
        assert!(contains("ＯＡ办公", "ＯＡ"));
        assert!(!contains("É", "é"));
        // Punctuation next to letters is compared exactly.
        assert!(contains("a-b", "A-B"));
        assert!(!contains("a_b", "A-B"));
    }

    #[test]
    fn multi_byte_needles_match_whole_characters_only() {
        assert!(contains("盘活存量建设用地", "建设"));
        assert!(contains("整改OA办公系统上线", "oa办公系统"));
        assert!(contains("整改OA办公系统上线", "办公系统上"));
        assert!(!contains("整改OA办公系统上线", "oa系统"));
        // 设 (E8 AE BE) and 计 (E8 AE A1) share their first two bytes: no false hit.
        assert!(!contains("设", "计"));
        assert!(contains("审计设计", "设计"));
    }

    #[test]
    fn needles_at_either_end_of_the_haystack_are_found() {
        for needle in ["亩", "849.56亩", "ab", "AB", "x亩", "盘", "盘活", "Z盘"] {
            let hay = format!("z盘活存量{needle}");
            assert!(contains(&hay, needle), "{needle} at the end of {hay}");
            let hay = format!("{needle}盘活存量z");
            assert!(contains(&hay, needle), "{needle} at the start of {hay}");
            assert!(contains(needle, needle), "{needle} in itself");
        }
        // One byte short at the end is no match.
        assert!(!contains("用地849.56", "849.56亩"));
        assert!(!contains("REIT", "reits"));
        assert!(!contains("xOA办", "oa办公"));
    }

    #[test]
    fn the_empty_needle_is_in_every_text() {
        let q = Query::new("");
        assert!(q.is_in(""));
        assert!(q.is_in("审计"));
        assert_eq!(q.as_str(), "");
    }

    /// Needles that almost match at every candidate, in each strategy: the
    /// compare per candidate gives way to a linear search of a folded copy.
    #[test]
    fn needles_that_almost_match_everywhere_get_the_naive_answer() {
        let hay = format!("{}办公", "aA".repeat(20_000));
        for needle in [
            format!("{}b", "a".repeat(999)),
            format!("{}办公", "A".repeat(998)),
            format!("{}办公", "a".repeat(200)),
            format!("a{}x", "办公".repeat(3)),
        ] {
            assert_eq!(
                Query::new(&needle).is_in(&hay),
                naive(&hay, &needle),
                "{}",
                &needle[..20]
            );
        }
    }

    #[test]
    fn every_strategy_agrees_with_the_naive_matcher() {
        let hays = [
            "",
            "a",
            "盘活存量建设用地849.56亩，OA办公系统、REITs项目ab-AB",
            "aaaaab",
            "abababac",
            "OAOA办办公公",
            "2024年12月底前完成",
        ];
        let needles = [
            "a",
            "A",
            "ab",
            "aab",
            "b",
            "ac",
            "oa办公",
            "OA办",
            "办公",
            "办公公",
            "reits",
            "s项",
            "2024年",
            "年12",
            "849.56亩",
            "亩，o",
            "-ab",
            "bac",
            "z",
            "公公",
            "月底前完成",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(
                    Query::new(needle).is_in(hay),
                    naive(hay, needle),
                    "{needle:?} in {hay:?}"
                );
            }
        }
    }
}
