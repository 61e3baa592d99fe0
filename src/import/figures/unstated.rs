//! Amounts the text mentions without a figure (追缴 under way, amount not stated).

use std::collections::BTreeSet;

use aho_corasick::AhoCorasick;

use crate::import::keywords::Keywords;
use crate::model::{Figure, FigureKind, Unstated};
use crate::units::Dimension;

use super::Text;

/// Amounts the text mentions without a figure: a recovery under way, a
/// settlement pending, amount not stated. One per kind, from the first clause
/// that names money but holds no amount.
pub fn unstated(text: &Text, figures: &[Figure]) -> Vec<Unstated> {
    const WORDS: &[(&str, FigureKind)] = &[
        ("追缴", FigureKind::Recovered),
        ("追回", FigureKind::Recovered),
        ("收回", FigureKind::Recovered),
        ("收缴", FigureKind::Confiscated),
        ("结算", FigureKind::PendingSettlement),
    ];
    let money: Vec<&Figure> = figures
        .iter()
        .filter(|f| matches!(f.unit.dimension(), Some(Dimension::Money(_))))
        .collect();
    // One automaton for the amounts as printed, so that each clause is read
    // once rather than once per figure of the paragraph.
    // Each text once: copies of a pattern make the automaton quadratic to build.
    let texts: BTreeSet<&str> = money.iter().map(|f| f.text.as_str()).collect();
    let amounts = AhoCorasick::new(texts).ok();
    let found = Keywords::new(&text.norm, WORDS.iter().map(|(w, _)| *w));
    let mut out: Vec<Unstated> = Vec::new();
    for (index, (_, kind)) in WORDS.iter().enumerate() {
        // An amount of this kind anywhere in the paragraph rules the kind out.
        if out.iter().any(|u| u.kind == *kind) || money.iter().any(|f| f.kind == *kind) {
            continue;
        }
        let mut seen = None;
        for at in found.starts_of(index) {
            let (cs, ce) = text.clause(at, at);
            // Another mention in a clause already looked at.
            if seen.replace(cs) == Some(cs) {
                continue;
            }
            let clause = text.norm_slice(cs, ce);
            let quote = text.orig_slice(cs, ce);
            let has_amount = amounts.as_ref().is_some_and(|a| a.is_match(&quote));
            let about_money = ["资金", "欠", "款", "租金", "费"]
                .iter()
                .any(|w| clause.contains(w));
            if has_amount || !about_money {
                continue;
            }
            let label: String = strip_ordinal(&clause)
                .trim_start_matches([
                    '对', '并', '加', '快', '有', '序', '推', '进', '确', '保', '及', '时',
                ])
                .chars()
                .take(20)
                .collect();
            out.push(Unstated {
                kind: *kind,
                label,
                quote,
            });
            break;
        }
    }
    out
}

/// The text without a leading ordinal (一是, 二是).
fn strip_ordinal(s: &str) -> &str {
    let n: usize = s
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if n > 0 && s[n..].starts_with('是') {
        &s[n + '是'.len_utf8()..]
    } else {
        s
    }
}
