//! Which figure of an item may be counted within a larger one of the same kind
//! (非住宅23.7万平方米 within 累计完成征收面积110万平方米), found by sorting
//! rather than by comparing every pair of figures.

use crate::model::{Figure, FigureKind, Measure, Role};
use crate::quote;

/// For each figure that may be part of a larger one, its index and the index
/// of the first larger one: both achieved, of the same kind and dimension,
/// and one of them cumulative (its quote says 累计, or sits in a sentence
/// with 其中). Ascending by the first index.
pub fn links(m: &Measure) -> Vec<(usize, usize)> {
    let figs = &m.figures;
    let cumulative = cumulative(m);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut keys = Vec::new();
    for (i, f) in figs.iter().enumerate() {
        if f.role != Role::Achieved || matches!(f.kind, FigureKind::Other | FigureKind::Count) {
            continue;
        }
        let key = (f.kind, f.unit.dimension());
        match keys.iter().position(|k| *k == key) {
            Some(g) => groups[g].push(i),
            None => {
                keys.push(key);
                groups.push(vec![i]);
            }
        }
    }
    let mut links = Vec::new();
    for mut group in groups {
        // From the largest value down: the smallest index among larger values
        // so far, of any figure and of cumulative ones.
        group.sort_by(|&a, &b| figs[b].normalized.cmp(&figs[a].normalized));
        let (mut any, mut cum): (Option<usize>, Option<usize>) = (None, None);
        for same in group.chunk_by(|&a, &b| figs[a].normalized == figs[b].normalized) {
            for &a in same {
                if let Some(b) = if cumulative[a] { any } else { cum } {
                    links.push((a, b));
                }
            }
            for &a in same {
                any = Some(any.map_or(a, |b| b.min(a)));
                if cumulative[a] {
                    cum = Some(cum.map_or(a, |b| b.min(a)));
                }
            }
        }
    }
    links.sort_unstable();
    links
}

/// For each figure, whether its quote says 累计 or lies in a sentence of the
/// item's text that says 其中. The sentences are searched together, once.
fn cumulative(m: &Measure) -> Vec<bool> {
    let sentences: Vec<&str> = m.text.split('。').filter(|s| s.contains("其中")).collect();
    // No quote found in a sentence holds '。', so none spans two once joined.
    let joined = sentences.join("。");
    let quotes: Vec<&str> = m.figures.iter().map(|f| f.quote.as_str()).collect();
    let within = if sentences.is_empty() {
        vec![false; quotes.len()]
    } else {
        quote::each_in(&joined, &quotes)
    };
    m.figures
        .iter()
        .zip(within)
        .map(|(f, within): (&Figure, bool)| {
            f.quote.contains("累计") || (within && !f.quote.contains('。'))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clean::normalize;
    use crate::import::figures::{Text, extract};

    fn measure(text: &str) -> Measure {
        Measure {
            text: text.to_owned(),
            figures: extract(&Text::new(text, &normalize(text))),
            ..Measure::default()
        }
    }

    /// The rule as it was first written: every pair, the first match for each.
    fn every_pair(m: &Measure) -> Vec<(usize, usize)> {
        let figs = &m.figures;
        let cumulative = |f: &Figure| {
            f.quote.contains("累计")
                || m.text
                    .split('。')
                    .any(|s| s.contains("其中") && s.contains(&f.quote))
        };
        let mut links: Vec<(usize, usize)> = Vec::new();
        for a in 0..figs.len() {
            for b in 0..figs.len() {
                let (fa, fb) = (&figs[a], &figs[b]);
                let comparable = a != b
                    && fa.role == Role::Achieved
                    && fb.role == Role::Achieved
                    && fa.kind == fb.kind
                    && !matches!(fa.kind, FigureKind::Other | FigureKind::Count)
                    && fa.unit.dimension() == fb.unit.dimension()
                    && fa.normalized < fb.normalized
                    && (cumulative(fa) || cumulative(fb));
                if comparable && !links.iter().any(|(x, _)| *x == a) {
                    links.push((a, b));
                }
            }
        }
        links
    }

    #[test]
    fn parts_link_to_the_first_larger_cumulative_figure_as_every_pair_would() {
        for text in [
            "累计完成征收面积110万平方米，其中非住宅23.7万平方米。",
            "盘活存量建设用地849.56亩，又盘活12亩，累计盘活900亩，再盘活900亩。",
            "追缴资金5万元，追缴资金7万元。其中追缴资金3万元，追缴资金7万元，追回9万元。",
            "发放补贴5万元，发放补贴5万元。",
        ] {
            let m = measure(text);
            assert_eq!(links(&m), every_pair(&m), "{text}");
        }
        assert_eq!(
            links(&measure(
                "累计完成征收面积110万平方米，其中非住宅23.7万平方米。"
            )),
            vec![(1, 0)]
        );
    }
}
