//! Which problem of an older version of the data is which problem of a newer
//! one: the identity rule of `diff`, written out in docs/changes.md.
//!
//! Problems are compared only within one unit (the issuer of the report). In
//! each unit the rule tries, in order: the same number and the same text;
//! the same text alone; a problem split into parts; the same number alone.
//! Where one problem has two candidates it says so instead of guessing.

use std::collections::BTreeMap;

use crate::model::{Dataset, Problem, Report};
use crate::numerals::chinese_number;

/// Where a problem sits in its dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProblemAt {
    /// Index into `Dataset::reports`.
    pub report: usize,
    /// Index into `Report::problems`.
    pub problem: usize,
}

impl ProblemAt {
    /// The problem this points at, if the dataset has it.
    pub fn resolve<'a>(&self, dataset: &'a Dataset) -> Option<&'a Problem> {
        dataset.problem(self.report, self.problem)
    }
}

/// An inspected unit and its reports in the old and the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The issuer as printed (the new version's where both have it).
    pub name: String,
    /// Indices of its reports in the old dataset.
    pub old: Vec<usize>,
    /// Indices of its reports in the new dataset.
    pub new: Vec<usize>,
}

/// How a pair of problems was found to be one problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    /// The same section, the same number (or none in both) and the same text.
    NumberAndText,
    /// The same text; the number changed.
    Text,
    /// The same number; the text was edited.
    Number,
    /// No number and no text, but the same in every field.
    Identical,
}

/// One problem in both versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Index into `Matching::units`.
    pub unit: usize,
    /// The problem in the old version.
    pub old: ProblemAt,
    /// The problem in the new version.
    pub new: ProblemAt,
    /// Which step of the rule matched them.
    pub by: MatchedBy,
}

/// An old problem that the new version splits into parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Index into `Matching::units`.
    pub unit: usize,
    /// The problem in the old version.
    pub old: ProblemAt,
    /// Its parts in the new version, in printed order.
    pub parts: Vec<ProblemAt>,
}

/// Why problems could not be told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Several problems have the same text.
    SameText,
    /// Several problems have the same number and none the same text.
    SameNumber,
}

/// Problems of the two versions that could each be the other: reported, not guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    /// Index into `Matching::units`.
    pub unit: usize,
    /// Why they could not be told apart.
    pub reason: Reason,
    /// The candidates in the old version.
    pub old: Vec<ProblemAt>,
    /// The candidates in the new version.
    pub new: Vec<ProblemAt>,
}

/// Every problem of both versions placed: paired, split, ambiguous, or on one side only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matching {
    /// The units of both versions, old order first, then units new in the new version.
    pub units: Vec<Unit>,
    /// Problems found in both versions.
    pub pairs: Vec<Pair>,
    /// Old problems split in the new version.
    pub splits: Vec<Split>,
    /// Groups of problems that could not be told apart.
    pub ambiguous: Vec<Ambiguity>,
    /// Old problems with no counterpart, with their unit.
    pub removed: Vec<(usize, ProblemAt)>,
    /// New problems with no counterpart, with their unit.
    pub added: Vec<(usize, ProblemAt)>,
}

/// Text for comparing: full-width forms folded to half width, letters
/// lower-cased, and only letters, digits and CJK characters kept, so that
/// whitespace and punctuation (、，。“”（）…) never make two texts differ.
pub fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            // The full-width forms of ASCII sit 0xFEE0 above it.
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A problem number for comparing: normalised, Chinese numerals as digits
/// ("（三）" and "3、" are both "3").
pub fn normalise_number(number: &str) -> String {
    let n = normalise(number);
    match chinese_number(&n) {
        Some(value) => value.to_string(),
        None => n,
    }
}

/// The unit a report belongs to, for comparing: its issuer, or its title when
/// it names no issuer. A report's id is no help: a ledger's changes with each version.
pub fn unit_key(report: &Report) -> String {
    let issuer = normalise(&report.issuer);
    if issuer.is_empty() {
        normalise(&report.title)
    } else {
        issuer
    }
}

/// The text a problem is known by: its title, else the text of its first
/// measure or ongoing item; normalised, `None` when there is none.
pub fn problem_text(problem: &Problem) -> Option<String> {
    let title = problem.title.as_deref().map(normalise);
    let text = title.filter(|t| !t.is_empty()).or_else(|| {
        let first = problem.measures.first().or(problem.ongoing.first())?;
        Some(normalise(&first.text))
    })?;
    (!text.is_empty()).then_some(text)
}

/// True when `part` is numbered as a part of `whole`: "3-1", "3.2", "3（1）", "3之一" of "3".
fn is_sub_number(whole: &str, part: &str) -> bool {
    let whole = normalise_number(whole);
    let part = part.trim_start_matches(['(', '（']);
    let Some(at) = part.find(['-', '－', '—', '.', '．', '(', '（', '之', '_']) else {
        return false;
    };
    let (head, tail) = part.split_at(at);
    !whole.is_empty() && normalise_number(head) == whole && !normalise(tail).is_empty()
}

/// How alike two texts are: the Dice coefficient of their character pairs, 0 to 1.
fn likeness(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        pairs
    };
    let (a, b) = (pairs(a), pairs(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Below this likeness two texts under the same number are different
/// problems (a renumbering), not one problem reworded.
const REWORDED: f64 = 0.2;

/// What the rule compares of one problem.
#[derive(Debug)]
struct Entry<'a> {
    at: ProblemAt,
    problem: &'a Problem,
    section: String,
    number: Option<String>,
    raw_number: Option<&'a str>,
    text: Option<String>,
    /// The title and date of its report: twins pair within one report first.
    report: String,
}

impl<'a> Entry<'a> {
    fn of(at: ProblemAt, problem: &'a Problem, report: String) -> Self {
        Self {
            report,
            at,
            problem,
            section: problem
                .section
                .as_deref()
                .map(normalise)
                .unwrap_or_default(),
            number: problem
                .number
                .as_deref()
                .map(normalise_number)
                .filter(|n| !n.is_empty()),
            raw_number: problem.number.as_deref(),
            text: problem_text(problem),
        }
    }

    /// The section and number, when there is a number.
    fn numbered(&self) -> Option<(String, String)> {
        Some((self.section.clone(), self.number.clone()?))
    }
}

/// The problems of one unit in one version, and which are still unplaced.
struct Side<'a> {
    entries: Vec<Entry<'a>>,
    free: Vec<bool>,
}

impl<'a> Side<'a> {
    fn of(dataset: &'a Dataset, reports: &[usize]) -> Self {
        let entries: Vec<Entry<'a>> = reports
            .iter()
            .flat_map(|&r| {
                let report = &dataset.reports[r];
                let title = format!("{}\u{1f}{}", normalise(&report.title), report.published);
                dataset.reports[r]
                    .problems
                    .iter()
                    .enumerate()
                    .map(move |(p, problem)| {
                        Entry::of(
                            ProblemAt {
                                report: r,
                                problem: p,
                            },
                            problem,
                            title.clone(),
                        )
                    })
            })
            .collect();
        let free = vec![true; entries.len()];
        Self { entries, free }
    }

    /// The free entries grouped by a key, in printed order within each group.
    fn groups<K: Ord>(&self, key: impl Fn(&Entry<'a>) -> Option<K>) -> BTreeMap<K, Vec<usize>> {
        let mut groups: BTreeMap<K, Vec<usize>> = BTreeMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            if self.free[i]
                && let Some(k) = key(e)
            {
                groups.entry(k).or_default().push(i);
            }
        }
        groups
    }
}

/// Matches the problems of two datasets by the identity rule.
pub fn match_problems(old: &Dataset, new: &Dataset) -> Matching {
    let mut matching = Matching {
        units: units(old, new),
        ..Matching::default()
    };
    for u in 0..matching.units.len() {
        let mut o = Side::of(old, &matching.units[u].old);
        let mut n = Side::of(new, &matching.units[u].new);
        match_unit(u, &mut o, &mut n, &mut matching);
        for (side, list) in [(&o, &mut matching.removed), (&n, &mut matching.added)] {
            list.extend(
                side.entries
                    .iter()
                    .zip(&side.free)
                    .filter(|(_, free)| **free)
                    .map(|(e, _)| (u, e.at)),
            );
        }
    }
    matching
}

/// The units of both datasets, keyed by `unit_key`, in order of first appearance.
fn units(old: &Dataset, new: &Dataset) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (is_new, dataset) in [(false, old), (true, new)] {
        for (r, report) in dataset.reports.iter().enumerate() {
            let u = *index.entry(unit_key(report)).or_insert_with(|| {
                units.push(Unit {
                    name: String::new(),
                    old: Vec::new(),
                    new: Vec::new(),
                });
                units.len() - 1
            });
            let unit = &mut units[u];
            if is_new {
                unit.new.push(r);
            } else {
                unit.old.push(r);
            }
            // The newest issuer as printed names the unit.
            if unit.name.is_empty() || is_new {
                unit.name = if report.issuer.trim().is_empty() {
                    report.title.clone()
                } else {
                    report.issuer.clone()
                };
            }
        }
    }
    units
}

fn match_unit(u: usize, o: &mut Side, n: &mut Side, m: &mut Matching) {
    // 1. The same section, number and text. Identical twins pair within the
    // report of the same title first, then in printed order.
    let full = |e: &Entry| {
        (e.number.is_some() || e.text.is_some())
            .then(|| (e.section.clone(), e.number.clone(), e.text.clone()))
    };
    let (og, ng) = (o.groups(full), n.groups(full));
    for (key, olds) in og {
        if let Some(news) = ng.get(&key)
            && news.len() == olds.len()
        {
            for &a in &olds {
                let same_report = news
                    .iter()
                    .copied()
                    .find(|&b| n.free[b] && n.entries[b].report == o.entries[a].report);
                if let Some(b) = same_report {
                    pair(u, o, a, n, b, MatchedBy::NumberAndText, m);
                }
            }
            let left: Vec<usize> = news.iter().copied().filter(|&b| n.free[b]).collect();
            let olds: Vec<usize> = olds.into_iter().filter(|&a| o.free[a]).collect();
            for (&a, &b) in olds.iter().zip(&left) {
                pair(u, o, a, n, b, MatchedBy::NumberAndText, m);
            }
        }
    }

    // 2. The same text; where a text has several candidates, the number decides.
    let text = |e: &Entry| e.text.clone();
    let (og, ng) = (o.groups(text), n.groups(text));
    for (key, olds) in og {
        let Some(news) = ng.get(&key) else { continue };
        if olds.len() == 1 && news.len() == 1 {
            pair(u, o, olds[0], n, news[0], MatchedBy::Text, m);
            continue;
        }
        for (&a, &b) in unique_pairs(o, &olds, n, news, |e| e.numbered()) {
            pair(u, o, a, n, b, MatchedBy::NumberAndText, m);
        }
        let left = |side: &Side, group: &[usize]| -> Vec<usize> {
            group.iter().copied().filter(|&i| side.free[i]).collect()
        };
        if let ([a], [b]) = (left(o, &olds).as_slice(), left(n, news).as_slice()) {
            pair(u, o, *a, n, *b, MatchedBy::Text, m);
            continue;
        }
        ambiguous(u, o, &olds, n, news, Reason::SameText, m);
    }

    // 3. A problem split into parts: each part numbered under it (3-1, 3-2)
    //    or its text a piece of the old text; a part of two problems is no part.
    let parts_of = |old: &Entry, new: &Entry| {
        let numbered =
            matches!((old.raw_number, new.raw_number), (Some(w), Some(p)) if is_sub_number(w, p));
        let piece = matches!((&old.text, &new.text), (Some(w), Some(p))
            if p.chars().count() >= 2 && w != p && w.contains(p.as_str()));
        numbered || piece
    };
    let free_old: Vec<usize> = (0..o.entries.len()).filter(|&i| o.free[i]).collect();
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for j in (0..n.entries.len()).filter(|&j| n.free[j]) {
        let mut owners = free_old
            .iter()
            .filter(|&&i| parts_of(&o.entries[i], &n.entries[j]));
        if let (Some(&i), None) = (owners.next(), owners.next()) {
            parts.entry(i).or_default().push(j);
        }
    }
    for (i, parts) in parts {
        if parts.len() < 2 {
            continue;
        }
        o.free[i] = false;
        for &j in &parts {
            n.free[j] = false;
        }
        m.splits.push(Split {
            unit: u,
            old: o.entries[i].at,
            parts: parts.iter().map(|&j| n.entries[j].at).collect(),
        });
    }

    // 4. The same section and number, the text reworded but still alike.
    let (og, ng) = (o.groups(Entry::numbered), n.groups(Entry::numbered));
    for (key, olds) in og {
        let Some(news) = ng.get(&key) else { continue };
        if olds.len() == 1 && news.len() == 1 {
            let (a, b) = (&o.entries[olds[0]], &n.entries[news[0]]);
            let unlike =
                matches!((&a.text, &b.text), (Some(x), Some(y)) if likeness(x, y) < REWORDED);
            if !unlike {
                pair(u, o, olds[0], n, news[0], MatchedBy::Number, m);
            }
            continue;
        }
        ambiguous(u, o, &olds, n, news, Reason::SameNumber, m);
    }

    // 5. Nothing to know it by: only a problem the same in every field is the same.
    let bare = |e: &Entry| e.number.is_none() && e.text.is_none();
    for i in 0..o.entries.len() {
        if !o.free[i] || !bare(&o.entries[i]) {
            continue;
        }
        let twin = (0..n.entries.len()).find(|&j| {
            n.free[j] && bare(&n.entries[j]) && n.entries[j].problem == o.entries[i].problem
        });
        if let Some(j) = twin {
            pair(u, o, i, n, j, MatchedBy::Identical, m);
        }
    }
}

/// Pairs within a group whose key occurs exactly once on each side.
fn unique_pairs<'g, K: Ord>(
    o: &Side,
    olds: &'g [usize],
    n: &Side,
    news: &'g [usize],
    key: impl Fn(&Entry) -> Option<K>,
) -> Vec<(&'g usize, &'g usize)> {
    let count = |side: &Side, group: &[usize], k: &K| {
        group
            .iter()
            .filter(|&&i| key(&side.entries[i]).as_ref() == Some(k))
            .count()
    };
    let mut pairs = Vec::new();
    for a in olds {
        let Some(k) = key(&o.entries[*a]) else {
            continue;
        };
        if count(o, olds, &k) != 1 || count(n, news, &k) != 1 {
            continue;
        }
        if let Some(b) = news
            .iter()
            .find(|&&b| key(&n.entries[b]).as_ref() == Some(&k))
        {
            pairs.push((a, b));
        }
    }
    pairs
}

fn pair(u: usize, o: &mut Side, a: usize, n: &mut Side, b: usize, by: MatchedBy, m: &mut Matching) {
    o.free[a] = false;
    n.free[b] = false;
    m.pairs.push(Pair {
        unit: u,
        old: o.entries[a].at,
        new: n.entries[b].at,
        by,
    });
}

/// Sets aside the still-free members of a group with candidates on both sides.
fn ambiguous(
    u: usize,
    o: &mut Side,
    olds: &[usize],
    n: &mut Side,
    news: &[usize],
    reason: Reason,
    m: &mut Matching,
) {
    let olds: Vec<usize> = olds.iter().copied().filter(|&i| o.free[i]).collect();
    let news: Vec<usize> = news.iter().copied().filter(|&j| n.free[j]).collect();
    if olds.is_empty() || news.is_empty() {
        return;
    }
    for &i in &olds {
        o.free[i] = false;
    }
    for &j in &news {
        n.free[j] = false;
    }
    m.ambiguous.push(Ambiguity {
        unit: u,
        reason,
        old: olds.iter().map(|&i| o.entries[i].at).collect(),
        new: news.iter().map(|&j| n.entries[j].at).collect(),
    });
}

#[cfg(test)]
mod tests;
